#include "generate.h"

#include <algorithm>
#include <cstdio>
#include <random>

namespace quartier::reports {

namespace {

std::string day(int year, int month, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, d);
    return buf;
}

}  // namespace

domain::Result<std::vector<std::string>> write_population(domain::Repository& repository, const Population& p) {
    using namespace domain;
    static constexpr const char* kFamily[] = {"Becker", "Schulz", "Arslan", "Nowak", "Hansen", "Meyer", "Öztürk", "Lange"};
    static constexpr const char* kWanted[] = {"family_centre", "youth_work", "counselling", "daycare", "culture", "sports"};
    static constexpr const char* kParagraphs[] = {"16", "27", "29", "30", "31", "31", "31", "33", "34", "35a", "41", "42"};
    std::mt19937_64 rng(p.seed);
    auto pick = [&](std::size_t n) { return std::size_t(rng() % n); };
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < p.cases; ++i) {
        Batch batch(repository);
        Case c;
        c.name = std::string("Familie ") + kFamily[pick(std::size(kFamily))] + " G" + std::to_string(i + 1);
        c.social_space = p.social_spaces.empty() ? "Garstedt" : p.social_spaces[i % p.social_spaces.size()];
        c.status = CaseStatus::Active;
        c.lead_worker = "Fachkraft " + std::to_string(1 + pick(9));
        c.opened_on = day(p.first_year - 1, 1 + int(pick(12)), 1 + int(pick(28)));
        auto saved = batch.save(c);
        if (!saved) return saved.failure();
        auto member = [&](const std::string& given, const std::string& birth, MemberRole role) -> domain::Result<void> {
            Person person;
            person.case_id = c.id;
            person.given_name = given;
            person.family_name = "G" + std::to_string(i + 1);
            person.birth_date = birth;
            if (auto r = batch.save(person); !r) return r.failure();
            CaseMember m;
            m.case_id = c.id;
            m.person_id = person.id;
            m.role = role;
            if (auto r = batch.save(m); !r) return r.failure();
            return {};
        };
        if (auto r = member("Mutter", day(1975 + int(pick(20)), 1 + int(pick(12)), 1 + int(pick(28))), MemberRole::Mother); !r)
            return r.failure();
        // One case in ten has no child with a known birth date ("ohne Altersangabe").
        const std::size_t children = pick(10) == 0 ? 0 : 1 + pick(3);
        for (std::size_t k = 0; k < children; ++k) {
            const int age = int(pick(25));
            if (auto r = member("Kind", day(p.first_year - age, 1 + int(pick(12)), 1 + int(pick(28))), MemberRole::Child); !r)
                return r.failure();
        }
        for (std::size_t a = 0; a < p.answers_per_case; ++a) {
            ServiceFeedback f;
            f.case_id = c.id;
            const bool missing = p.service_ids.empty() || pick(4) == 0;
            if (missing) {
                f.status = FeedbackStatus::MissingWanted;
                f.wanted = "gewünschtes Angebot " + std::to_string(a + 1);
                f.category = kWanted[pick(std::size(kWanted))];
            } else {
                f.service_id = p.service_ids[pick(p.service_ids.size())];
                f.status = all_values<FeedbackStatus>()[pick(4)];
            }
            const auto& barriers = all_values<Barrier>();
            for (std::size_t b = pick(3); b > 0; --b) {
                const Barrier x = barriers[pick(barriers.size())];
                if (std::find(f.barriers.begin(), f.barriers.end(), x) == f.barriers.end()) f.barriers.push_back(x);
            }
            if (pick(2) == 0) {
                f.how_it_would_have_to_be = "Wortlaut der Familie " + std::to_string(i + 1) + "/" + std::to_string(a + 1);
                const auto& hows = all_values<HowCategory>();
                f.how_category = hows[pick(hows.size())];  // Unassigned too: not every answer is summarised yet
            }
            f.recorded_on = day(p.first_year + int(pick(2)), 1 + int(pick(12)), 1 + int(pick(28)));
            if (auto r = batch.save(f); !r) return r.failure();
        }
        for (std::size_t k = 1 + pick(2); k > 0; --k) {
            Measure m;
            m.case_id = c.id;
            m.paragraph = kParagraphs[pick(std::size(kParagraphs))];
            m.title = "Hilfe";
            const int start_year = p.first_year - 1 + int(pick(3));
            const int start_month = 1 + int(pick(12));
            m.start = day(start_year, start_month, 1 + int(pick(28)));
            if (pick(2) == 0) m.end = day(start_year + int(pick(2)), start_month + int(pick(13 - std::size_t(start_month))), 28);
            if (auto r = batch.save(m); !r) return r.failure();
        }
        if (auto r = batch.commit(); !r) return r.failure();
        ids.push_back(c.id);
    }
    return ids;
}

}  // namespace quartier::reports
