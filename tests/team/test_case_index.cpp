// The team's case index (app/team/case_index.h, docs/team.md) over the in-process server with three
// devices: a caseworker holding the demo families, the team lead, a free provider's helper. The
// caseworker's refresh writes one entry per case into the team scope; after sync the team lead
// reads the index and the overview, holds no case key, and no name, address, birth date, id or
// free text of the families is in any record the team scope holds; the helper writes none; a
// second refresh of an unchanged store writes nothing, a changed case moves only its entry; an
// entry a patched client writes with garbage is left out, not guessed at; the pseudonym is stable
// and the record id unlinkable to the case id.
#include "sync/sync_fixture.h"
#include "team/team_fixture.h"

#include "domain/demo_organisation.h"
#include "domain/repository.h"
#include "sync/client/sharing.h"
#include "team/case_index.h"
#include "team/pseudonym.h"

#include <set>

using namespace quartier;
using namespace quartier::test;

namespace {

constexpr const char* kToday = kTeamToday;

team::Refresh refreshed(sync::Store& store, const std::string& today = kToday) {
    domain::Repository repo(store);
    auto r = team::refresh(repo, today);
    INFO((r.ok() ? std::string() : r.detail()));
    REQUIRE(r.ok());
    return *r;
}

// Every value the demo families' records hold that is not a bare identifier or number, and every
// record id: the canaries no team-scope record may contain.
std::set<std::string> family_canaries(const sync::Store& store, const std::vector<std::string>& cases) {
    const std::set<std::string> ids(cases.begin(), cases.end());
    std::set<std::string> out, staff;
    for (const std::string& id : cases)
        if (const sync::Record* c = store.get(id)) staff.insert(c->value("lead_worker").value_or(""));
    for (const sync::Record* r : store.list()) {
        const auto owner = r->value("case_id");
        if (!ids.count(r->id) && !(owner && ids.count(*owner))) continue;
        out.insert(r->id);
        for (const auto& [name, field] : r->fields) {
            // social_space and lead_worker are the index's own fields, dates and enums its vocabulary.
            if (name == "social_space" || name == "lead_worker" || name == "status" || name == "paragraph") continue;
            const std::string v = r->value(name).value_or("");
            // The workers' own names, as they sign visits and assessments ("S. Okafor (ASD)", "S. Okafor").
            if (std::any_of(staff.begin(), staff.end(), [&](const std::string& w) { return w.find(v) != std::string::npos; }))
                continue;
            if (v.size() >= 4 && v.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789-[]\",") != std::string::npos)
                out.insert(v);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("Team index: the caseworker writes it, the team lead reads it and holds no case key, the helper writes none",
          "[team][index]") {
    SyncFixture f(3, {{1, "team_lead"}, {2, "helper:Kinderhaus Nord e. V."}});
    Device& asd = f[0];
    Device& lead = f[1];
    Device& helper = f[2];
    const std::vector<std::string> cases = seed_families(*asd.store);
    REQUIRE(cases.size() == 4);

    // A `case` record written straight into the team scope is no family's case: not indexed.
    {
        sync::Writer w(*asd.store);
        REQUIRE(w.set("case", "", "name", "Fall im Teamraum", &f.team).ok());
        REQUIRE(w.commit().ok());
    }
    const team::Refresh r = refreshed(*asd.store);
    REQUIRE(r.scope == f.team);
    CHECK(r.cases == 4);
    CHECK(r.written == 4);
    CHECK(r.skipped.empty());
    // Unchanged: nothing written again (invariant 2).
    const std::size_t ops = asd.store->status().ops;
    CHECK(refreshed(*asd.store).written == 0);
    CHECK(asd.store->status().ops == ops);
    // Not a caseworker: nothing written, and why.
    const team::Refresh h = refreshed(*helper.store);
    CHECK(h.written == 0);
    CHECK(h.skipped == "only a caseworker's device writes the team's case index");
    f.sync_all();

    // The team lead: no case key, and the index of the four families.
    for (const auto& [scope, epoch] : lead.store->scope_keys())
        CHECK(sync::sharing::scope_kind(*lead.store, scope) != sync::ScopeKind::Case);
    const team::Index index = team::read_index(*lead.store);
    CHECK(index.skipped == 0);
    REQUIRE(index.entries.size() == 4);
    for (const sync::Record* c : lead.store->list("case"))  // only the one written into the team scope
        CHECK(c->scope == f.team);
    domain::Repository asd_repo(*asd.store);
    std::set<std::string> pseudonyms;
    for (const std::string& id : cases) {
        auto expected = team::entry_for(asd_repo, id, kToday);
        REQUIRE(expected.ok());
        pseudonyms.insert(expected->pseudonym);
        const auto it = std::find_if(index.entries.begin(), index.entries.end(),
                                     [&](const team::IndexEntry& e) { return e.id == expected->id; });
        REQUIRE(it != index.entries.end());
        CHECK(*it == *expected);
        CHECK(it->id.find(id) == std::string::npos);  // the record id does not carry the case id
    }
    CHECK(pseudonyms.size() == 4);
    // The Kowalski case (the demo's second) is in the Gefährdungsbereich with an open Auflage.
    auto kowalski = team::entry_for(asd_repo, cases[1], kToday);
    REQUIRE(kowalski.ok());
    CHECK(kowalski->risk == domain::RiskArea::Danger);
    CHECK_FALSE(kowalski->requirement_deadlines.empty());

    // Nothing of the families in any record of the team scope, on the team lead's store.
    const std::set<std::string> canaries = family_canaries(*asd.store, cases);
    REQUIRE(canaries.size() > 50);
    std::size_t looked = 0;
    for (const sync::Record* rec : lead.store->list()) {
        for (const auto& [name, field] : rec->fields) {
            const std::string v = rec->value(name).value_or("");
            ++looked;
            for (const std::string& c : canaries) {
                INFO(rec->type << "." << name << " = " << v << " holds " << c);
                CHECK(v.find(c) == std::string::npos);
            }
        }
    }
    CHECK(looked >= 4 * 9);

    // The overview: every open case counted once, by worker and by risk area.
    const team::Overview o = team::overview(index.entries, kToday);
    int by_workers = 0;
    for (const auto& w : o.workers) by_workers += w.cases;
    CHECK(by_workers == o.open_cases);
    int by_risk = 0;
    for (const auto& [area, n] : o.by_risk) by_risk += n;
    CHECK(by_risk == o.open_cases);
    CHECK(o.open_cases + o.closed_cases == 4);
    CHECK(o.by_risk.at("danger") >= 1);
}

TEST_CASE("Team index: a changed case moves its entry only, and the team lead sees it after sync", "[team][index]") {
    SyncFixture f(2, {{1, "team_lead"}});
    Device& asd = f[0];
    Device& lead = f[1];
    const std::vector<std::string> cases = seed_families(*asd.store);
    refreshed(*asd.store);
    f.sync_all();

    domain::Repository repo(*asd.store);
    auto c = repo.load<domain::Case>(cases[0]);
    REQUIRE(c.ok());
    c->status = domain::CaseStatus::Closed;
    c->closed_on = "2026-06-14";
    REQUIRE(repo.save(*c).ok());
    const std::size_t ops = asd.store->status().ops;
    const team::Refresh r = refreshed(*asd.store, "2026-06-16");
    CHECK(r.written == 1);
    CHECK(asd.store->status().ops == ops + 2);  // status and updated_on
    f.sync_all();

    const team::Index index = team::read_index(*lead.store);
    const std::string id = team::case_record_id(team::kIndexType, cases[0]);
    const auto it = std::find_if(index.entries.begin(), index.entries.end(), [&](const team::IndexEntry& e) { return e.id == id; });
    REQUIRE(it != index.entries.end());
    CHECK(it->status == domain::CaseStatus::Closed);
    CHECK(it->updated_on == "2026-06-16");
    const team::Overview o = team::overview(index.entries, "2026-06-16");
    CHECK(o.closed_cases == 1);
    CHECK(o.open_cases == 3);
}

TEST_CASE("Team index: an entry that does not parse is left out and counted, never guessed at", "[team][index]") {
    SyncFixture f(2, {{1, "team_lead"}});
    Device& asd = f[0];
    Device& lead = f[1];
    seed_families(*asd.store);
    refreshed(*asd.store);
    // A patched caseworker client writes entries the stock one never would.
    struct Bad {
        const char* field;
        const char* value;
    };
    const Bad bad[] = {{"status", "vanished"},     {"risk_area", "extreme"},         {"next_review", "2026-13-40"},
                       {"helps", "not a list"},     {"requirements", "[\"soon\"]"},   {"pseudonym", ""},
                       {"helps", "[\"31\", 7]"},    {"requirements", "{\"a\": 1}"}};
    int n = 0;
    for (const Bad& b : bad) {
        sync::Writer w(*asd.store);
        const std::string id = team::kIndexType + std::string(":forged-") + std::to_string(n++);
        for (const auto& [field, value] : std::initializer_list<std::pair<const char*, const char*>>{
                 {"pseudonym", "Fall AAA-AAA"}, {"status", "active"}, {"helps", "[]"}, {"requirements", "[]"}})
            REQUIRE(w.set(team::kIndexType, id, field, value, &f.team).ok());
        REQUIRE(w.set(team::kIndexType, id, b.field, b.value, &f.team).ok());
        REQUIRE(w.commit().ok());
    }
    f.sync_all();
    const team::Index index = team::read_index(*lead.store);
    CHECK(index.entries.size() == 4);
    CHECK(index.skipped == std::size(bad));
}

TEST_CASE("Team index: the pseudonym is stable, formatted, and differs between cases", "[team][pseudonym]") {
    CHECK(team::case_pseudonym("") == "");
    const std::string p = team::case_pseudonym("0123456789abcdef0123456789abcdef");
    CHECK(p == team::case_pseudonym("0123456789abcdef0123456789abcdef"));
    REQUIRE(p.size() == std::string("Fall XXX-XXX").size());
    CHECK(p.rfind("Fall ", 0) == 0);
    CHECK(p[8] == '-');
    CHECK(p.substr(5).find_first_of("ILOU") == std::string::npos);
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) seen.insert(team::case_pseudonym("case-" + std::to_string(i)));
    CHECK(seen.size() >= 1999);  // 30 bits: a collision among 2,000 is unlikely (p ≈ 0.2 %)
    CHECK(team::case_record_id("team_case", "ab") != team::case_record_id("team_casea", "b"));
}

TEST_CASE("Team index: the overview counts workers, reviews due and Auflagen overdue", "[team][overview]") {
    using domain::CaseStatus;
    using domain::RiskArea;
    const auto entry = [](std::string p, std::string worker, CaseStatus s, std::optional<RiskArea> risk, std::string review,
                          std::vector<std::string> deadlines) {
        team::IndexEntry e;
        e.id = "team_case:" + p;
        e.pseudonym = std::move(p);
        e.lead_worker = std::move(worker);
        e.status = s;
        e.risk = risk;
        e.next_review = std::move(review);
        e.requirement_deadlines = std::move(deadlines);
        return e;
    };
    const std::vector<team::IndexEntry> entries = {
        entry("Fall A", "Frau Berg", CaseStatus::Active, RiskArea::Danger, "2026-06-10", {"2026-06-01", "2026-07-01"}),
        entry("Fall B", "Frau Berg", CaseStatus::Active, RiskArea::Service, "2026-06-29", {}),
        entry("Fall C", "Herr Ohm", CaseStatus::Clarification, std::nullopt, "2026-06-30", {"2026-06-20"}),
        entry("Fall D", "Herr Ohm", CaseStatus::Closed, RiskArea::Danger, "2026-06-01", {"2026-01-01"}),
        entry("Fall E", "", CaseStatus::New, RiskArea::Grey, "", {}),
    };
    const team::Overview o = team::overview(entries, "2026-06-15", 14);
    CHECK(o.open_cases == 4);
    CHECK(o.closed_cases == 1);
    REQUIRE(o.workers.size() == 3);
    CHECK(o.workers[0].name == "Frau Berg");
    CHECK(o.workers[0].cases == 2);
    CHECK(o.workers[0].danger == 1);
    CHECK(o.workers[1].name == "Herr Ohm");  // equal counts keep the names' order
    CHECK(o.workers[1].cases == 1);
    CHECK(o.workers[2].name == "");
    // Reviews up to 14 days ahead (2026-06-29), the past ones overdue; Fall C's is a day too late.
    REQUIRE(o.reviews.size() == 2);
    CHECK(o.reviews[0].pseudonym == "Fall A");
    CHECK(o.reviews[0].overdue);
    CHECK(o.reviews[1].pseudonym == "Fall B");
    CHECK_FALSE(o.reviews[1].overdue);
    // Auflagen past their deadline, of open cases only: Fall A's oldest.
    REQUIRE(o.overdue_requirements.size() == 1);
    CHECK(o.overdue_requirements[0].pseudonym == "Fall A");
    CHECK(o.overdue_requirements[0].date == "2026-06-01");
    CHECK(o.by_risk.at("danger") == 1);
    CHECK(o.by_risk.at("service") == 1);
    CHECK(o.by_risk.at("grey") == 1);
    CHECK(o.by_risk.at("") == 1);
}
