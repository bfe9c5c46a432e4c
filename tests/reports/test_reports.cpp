// The reports (app/reports/report.h) over real stores: golden files for JSON and CSV on the demo
// organisation with generated families beside it and on a generated data set, every published
// table audited, the error paths as a table, and the canary: nothing the demo families' records
// hold (names, ids, verbatim answers, notes, days) appears in any report or export.
#include "golden.h"

#include "domain/demo_organisation.h"
#include "domain/repository.h"
#include "offers/demo_offers.h"
#include "reports/export.h"
#include "reports/generate.h"
#include "reports/report.h"
#include "support/tempdir.h"
#include "sync/store/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <set>

using namespace quartier;
using namespace quartier::reports;
using quartier::test::check_golden;
using quartier::test::TempDir;

namespace {

const crypto::PwhashParams kKdf{1, 8u << 20};  // tests only

// A store with the demo organisation (offer map and the four demo families), and optionally
// generated families beside them.
struct ReportStore {
    TempDir dir;
    std::unique_ptr<sync::Store> store;
    std::unique_ptr<domain::Repository> repo;
    std::vector<std::string> demo_cases;
    std::vector<std::string> service_ids;
    std::vector<std::string> spaces;

    explicit ReportStore(bool demo_families = true) {
        auto s = sync::Store::create(dir.path(), "report-test-passphrase", kKdf);
        REQUIRE(s.ok());
        store = std::move(*s);
        repo = std::make_unique<domain::Repository>(*store);
        REQUIRE(offers::seed_demo_offers(*store, "2026-06-01").ok());
        // The services by name: store order follows the random ids, and the families' answers
        // take their categories from the services they name, so golden files need a fixed order.
        std::vector<std::pair<std::string, std::string>> named;
        for (const sync::Record* r : store->list(offers::kServiceType)) named.emplace_back(r->value("name").value_or(""), r->id);
        std::sort(named.begin(), named.end());
        for (const auto& [name, id] : named) service_ids.push_back(id);
        if (demo_families) {
            // The demo organisation's families (domain::seed_demo_organisation writes the same).
            auto demo = domain::write_demo_families(*repo, service_ids);
            REQUIRE(demo.ok());
            demo_cases = demo->case_ids;
        }
        for (const auto& sp : offers::norderstedt_social_spaces()) spaces.push_back(sp.name);
    }

    void generate(std::size_t cases, std::uint64_t seed) {
        Population p;
        p.cases = cases;
        p.seed = seed;
        p.social_spaces = spaces;
        p.service_ids = service_ids;
        auto written = write_population(*repo, p);
        INFO((written.ok() ? std::string() : written.detail()));
        REQUIRE(written.ok());
    }
};

Options period(const std::string& from, const std::string& to) {
    Options o;
    o.from = from;
    o.to = to;
    return o;
}

// Every table of a report passes the audit: no suppressed entry is determined by what is shown.
void check_audited(const Report& r) {
    for (const Section& s : r.sections)
        for (const Table& t : s.tables) {
            INFO(s.title << " / " << t.title);
            const auto ranges = audit(t.rows(), t.cols(), t.entries, r.threshold);
            for (std::size_t e = 0; e < t.entries.size(); ++e) {
                if (t.entries[e].mark == Mark::Published) continue;
                REQUIRE(ranges[e].has_value());
                CHECK_FALSE(ranges[e]->determined());
            }
            for (const Shown& sh : t.entries)
                if (sh.mark == Mark::Published) CHECK(sh.value >= r.threshold);
        }
}

Report built(const reports::Result<Report>& r) {
    INFO((r.ok() ? std::string() : r.detail()));
    REQUIRE(r.ok());
    check_audited(*r);
    return *r;
}

}  // namespace

TEST_CASE("Reports: age bands and whole years", "[reports]") {
    CHECK(age_on("2014-09-02", "2026-09-01") == 11);
    CHECK(age_on("2014-09-02", "2026-09-02") == 12);
    CHECK(age_on("2026-03-01", "2026-02-10") == -1);  // not born yet on the answer's day
    CHECK(age_on("", "2026-02-10") == -1);
    const std::pair<int, int> bands[] = {{0, 0}, {2, 0}, {3, 1}, {5, 1}, {6, 2}, {9, 2}, {10, 3}, {13, 3},
                                         {14, 4}, {17, 4}, {18, 5}, {26, 5}, {27, -1}, {-1, -1}};
    for (auto [age, band] : bands) CHECK(age_band(age) == band);
}

TEST_CASE("Reports: golden JSON and CSV on the demo organisation with generated families beside it", "[reports][golden]") {
    ReportStore s;
    s.generate(60, 17);
    const Options o = period("2025-01", "2026-12");
    const Report demand = built(build_demand(*s.repo, o));
    CHECK(demand.population >= 60);
    check_golden("demo_demand.json", to_json(demand));
    check_golden("demo_demand.csv", to_csv(demand));
    Options c = o;
    c.stichtag = "2026-06";
    const Report cases = built(build_cases(*s.repo, c));
    check_golden("demo_cases.json", to_json(cases));
    check_golden("demo_cases.csv", to_csv(cases));
}

TEST_CASE("Reports: golden JSON and CSV on a generated data set, one social space, a raised threshold", "[reports][golden]") {
    ReportStore s(false);
    s.generate(200, 5);
    Options o = period("2025-01", "2025-12");
    o.space = "Garstedt";
    o.threshold = 7;
    const Report demand = built(build_demand(*s.repo, o));
    CHECK(demand.sections.size() == 1);
    check_golden("generated_demand_garstedt.json", to_json(demand));
    check_golden("generated_demand_garstedt.csv", to_csv(demand));
    Options all = period("2025-01", "2025-12");
    all.stichtag = "2025-06";
    const Report cases = built(build_cases(*s.repo, all));
    check_golden("generated_cases.json", to_json(cases));
    check_golden("generated_cases.csv", to_csv(cases));
}

TEST_CASE("Reports: counts families, not answers", "[reports]") {
    ReportStore s(false);
    // Ten families with one child of four; each says twice in the period that sports are missing.
    for (int i = 0; i < 10; ++i) {
        domain::Batch batch(*s.repo);
        domain::Case c;
        c.name = "Familie Zählung " + std::to_string(i);
        c.social_space = "Garstedt";
        c.status = domain::CaseStatus::Active;
        c.lead_worker = "Fachkraft";
        c.opened_on = "2025-01-01";
        REQUIRE(batch.save(c).ok());
        domain::Person child;
        child.case_id = c.id;
        child.given_name = "Kind";
        child.birth_date = "2021-01-01";
        REQUIRE(batch.save(child).ok());
        domain::CaseMember m;
        m.case_id = c.id;
        m.person_id = child.id;
        m.role = domain::MemberRole::Child;
        REQUIRE(batch.save(m).ok());
        for (const char* day : {"2025-03-01", "2025-04-01"}) {
            domain::ServiceFeedback f;
            f.case_id = c.id;
            f.status = domain::FeedbackStatus::MissingWanted;
            f.wanted = "Fußball am Abend";
            f.category = "sports";
            f.barriers = {domain::Barrier::Times};
            f.recorded_on = day;
            REQUIRE(batch.save(f).ok());
        }
        REQUIRE(batch.commit().ok());
    }
    Options o = period("2025-01", "2025-06");
    o.space = "Garstedt";
    o.secondary = false;  // this test counts; the suppression has tests of its own
    auto r = build_demand(*s.repo, o);
    REQUIRE(r.ok());
    CHECK(r->population == 10);
    const Table& missing = r->sections.front().tables.at(0);
    REQUIRE(missing.key == "missing_wanted");
    REQUIRE(missing.row_keys.front() == "sports");
    REQUIRE(missing.column_keys.at(1) == "3_5");
    CHECK(missing.at(0, 1).mark == Mark::Published);
    CHECK(missing.at(0, 1).value == 10);  // ten families, twenty answers
    CHECK(missing.at(0, missing.cols()).value == 10);
    const Table& barriers = r->sections.front().tables.at(4);
    REQUIRE(barriers.key == "barriers");
    REQUIRE(barriers.row_keys.at(2) == "times");
    CHECK(barriers.at(2, 1).value == 10);
    CHECK(barriers.at(0, 1).mark == Mark::Primary);  // no family named cost: 0 shows as <5
}

TEST_CASE("Reports: refused requests, each with its error", "[reports][errors]") {
    ReportStore s;
    s.generate(40, 3);
    struct Row {
        const char* what;
        Kind kind;
        Options options;
        Error error;
    };
    auto with = [](Options o, auto f) {
        f(o);
        return o;
    };
    const Options ok = period("2025-01", "2026-12");
    const std::vector<Row> table = {
        {"month without leading zero", Kind::Demand, period("2025-1", "2026-12"), Error::InvalidPeriod},
        {"month 13", Kind::Cases, period("2025-13", "2026-12"), Error::InvalidPeriod},
        {"a day instead of a month", Kind::Demand, period("2025-01-01", "2026-12"), Error::InvalidPeriod},
        {"from after to", Kind::Demand, period("2026-12", "2025-01"), Error::InvalidPeriod},
        {"more than ten years", Kind::Cases, period("2010-01", "2026-12"), Error::InvalidPeriod},
        {"not from the start of a half-year", Kind::Demand, period("2025-02", "2025-12"), Error::InvalidPeriod},
        {"not to the end of a half-year", Kind::Cases, period("2025-01", "2025-11"), Error::InvalidPeriod},
        {"a single month", Kind::Demand, period("2025-03", "2025-03"), Error::InvalidPeriod},
        {"empty period", Kind::Cases, period("", ""), Error::InvalidPeriod},
        {"threshold 4", Kind::Demand, with(ok, [](Options& o) { o.threshold = 4; }), Error::InvalidThreshold},
        {"threshold 0", Kind::Cases, with(ok, [](Options& o) { o.threshold = 0; }), Error::InvalidThreshold},
        {"threshold -3", Kind::Cases, with(ok, [](Options& o) { o.threshold = -3; }), Error::InvalidThreshold},
        {"Stichtag not a month", Kind::Cases, with(ok, [](Options& o) { o.stichtag = "30.06.2025"; }), Error::InvalidStichtag},
        {"Stichtag not a half-year's end", Kind::Cases, with(ok, [](Options& o) { o.stichtag = "2025-05"; }), Error::InvalidStichtag},
        {"unknown social space", Kind::Demand, with(ok, [](Options& o) { o.space = "Nirgendwo"; }), Error::UnknownSpace},
        {"unknown social space (cases)", Kind::Cases, with(ok, [](Options& o) { o.space = "Garsted"; }), Error::UnknownSpace},
        {"a period nobody answered in", Kind::Demand, period("2020-01", "2020-12"), Error::BelowThreshold},
        {"a period without helps", Kind::Cases, period("2015-01", "2015-12"), Error::BelowThreshold},
        {"a threshold above the families", Kind::Demand, with(ok, [](Options& o) { o.threshold = 100; }), Error::BelowThreshold},
    };
    for (const Row& row : table) {
        INFO(row.what);
        auto r = row.kind == Kind::Demand ? build_demand(*s.repo, row.options) : build_cases(*s.repo, row.options);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == row.error);
        CHECK_FALSE(r.detail().empty());
    }
    // The demo organisation alone holds four families: fewer than five, so nothing is published,
    // and the refusal does not say how many there are.
    ReportStore demo;
    for (Kind k : {Kind::Demand, Kind::Cases}) {
        auto r = k == Kind::Demand ? build_demand(*demo.repo, ok) : build_cases(*demo.repo, ok);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == Error::BelowThreshold);
        CHECK(r.detail().find('4') == std::string::npos);
    }
}

TEST_CASE("Reports: the canary — nothing of the demo families' records appears in any report or export", "[reports][canary]") {
    ReportStore s;
    s.generate(60, 17);
    REQUIRE(s.demo_cases.size() == 4);
    // Every id and every value every demo family's record ever held (all field versions).
    const std::set<std::string> demo(s.demo_cases.begin(), s.demo_cases.end());
    std::set<std::string> canaries;
    std::size_t records = 0;
    for (const sync::Record* r : s.store->list()) {
        const auto owner = r->value("case_id");
        if (!demo.count(r->id) && !(owner && demo.count(*owner))) continue;
        ++records;
        canaries.insert(r->id);
        canaries.insert(crypto::to_hex(r->scope));
        for (const auto& [name, field] : r->fields) {
            auto versions = s.store->history(r->id, name);
            REQUIRE(versions.ok());
            for (const auto& v : *versions) canaries.insert(v.value);
        }
    }
    CHECK(records > 60);
    // What a report prints by design: vocabulary identifiers, booleans and small numbers a record
    // field may hold too ("used", "true", "16" as a paragraph), and the social spaces' names.
    std::set<std::string> vocabulary;
    for (const auto& sp : s.spaces) vocabulary.insert(sp);
    auto innocuous = [&](const std::string& v) {
        if (v.size() < 3 || vocabulary.count(v)) return true;
        if (v.find_first_not_of("0123456789a") == std::string::npos) return true;  // numbers, "35a"
        return std::regex_match(v, std::regex("[a-z_]+|\\[(\"[a-z_]+\",?)*\\]"));  // identifiers, lists of them
    };
    const std::regex day(R"(\d{4}-\d{2}-\d{2})");
    // The same requests on a store with the same generated families but without the demo families:
    // what appears there (the paragraphs' statutory names, which a measure's title may repeat) is
    // the report's own vocabulary, not something the demo families told.
    ReportStore reference(false);
    reference.generate(60, 17);
    auto outputs_of = [&](const domain::Repository& repo, std::size_t& published) {
        std::vector<std::string> outs;
        Options all = period("2025-01", "2026-12");
        std::vector<Options> requests{all};
        for (const std::string& sp : s.spaces) {
            Options one = all;
            one.space = sp;
            requests.push_back(one);
        }
        for (const Options& o : requests)
            for (Kind k : {Kind::Demand, Kind::Cases}) {
                auto r = k == Kind::Demand ? build_demand(repo, o) : build_cases(repo, o);
                if (!r.ok()) {
                    CHECK(r.error() == Error::BelowThreshold);
                    outs.push_back(r.detail());
                    continue;
                }
                ++published;
                outs.push_back(to_json(*r));
                outs.push_back(to_csv(*r));
            }
        return outs;
    };
    std::size_t published = 0, reference_published = 0;
    const std::vector<std::string> outputs = outputs_of(*s.repo, published);
    std::string vocabulary_text;
    for (const std::string& o : outputs_of(*reference.repo, reference_published)) vocabulary_text += o;
    CHECK(published == 10);
    CHECK(reference_published == 10);
    std::size_t checked = 0;
    for (const std::string& out : outputs) {
        CHECK_FALSE(std::regex_search(out, day));  // no date finer than a month
        for (const std::string& c : canaries) {
            if (innocuous(c)) continue;
            ++checked;
            if (out.find(c) == std::string::npos) continue;
            INFO("canary: " << c);
            CHECK(vocabulary_text.find(c) != std::string::npos);  // only as the report's own words
        }
    }
    CHECK(checked > 1000);
    // The canaries include what matters: names, verbatim answers, notes.
    CHECK(canaries.count("Familie Demir"));
    CHECK(canaries.count("Elif"));
    CHECK(canaries.count("Wenn es nichts kostet."));
}

TEST_CASE("Reports: the worker's category of a 'how' answer, never its text", "[reports]") {
    ReportStore s(false);
    s.generate(30, 8);
    // Categorised answers count; their text never appears.
    const Report r = built(build_demand(*s.repo, period("2025-01", "2026-12")));
    const std::string json = to_json(r);
    CHECK(json.find("Wortlaut der Familie") == std::string::npos);
    CHECK(json.find("\"key\": \"how\"") != std::string::npos);
    // A category without a verbatim answer to summarise is refused by the domain.
    domain::Case c = s.repo->cases().front();
    domain::ServiceFeedback f;
    f.case_id = c.id;
    f.status = domain::FeedbackStatus::MissingWanted;
    f.wanted = "Sprachcafé";
    f.category = "group";
    f.recorded_on = "2025-05-05";
    f.how_category = domain::HowCategory::OwnLanguage;
    domain::Issues issues;
    auto saved = s.repo->save(f, {nullptr, &issues, {}});
    REQUIRE_FALSE(saved.ok());
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "how_category");
    CHECK(issues[0].reason == domain::Reason::NotAllowed);
    f.how_it_would_have_to_be = "Auf Arabisch, mit jemandem, den man kennt.";
    REQUIRE(s.repo->save(f).ok());
    auto loaded = s.repo->load<domain::ServiceFeedback>(f.id);
    REQUIRE(loaded.ok());
    CHECK(loaded->how_category == domain::HowCategory::OwnLanguage);
    CHECK(s.store->get(f.id)->value("how_category") == std::optional<std::string>("own_language"));
}

TEST_CASE("Reports beside each other: one social space is a column of all, a raised threshold publishes less",
          "[reports]") {
    ReportStore s(false);
    s.generate(240, 21);
    auto published = [](const Table& t, std::size_t r, std::size_t c) { return t.at(r, c).mark == Mark::Published; };
    for (Kind kind : {Kind::Demand, Kind::Cases}) {
        const Options all = period("2025-01", "2026-12");
        const Report whole = built(kind == Kind::Demand ? build_demand(*s.repo, all) : build_cases(*s.repo, all));
        for (const std::string& space : s.spaces) {
            INFO(to_string(kind) << " " << space);
            Options one = all;
            one.space = space;
            const Report part = built(kind == Kind::Demand ? build_demand(*s.repo, one) : build_cases(*s.repo, one));
            REQUIRE(part.sections.size() == 1);
            for (std::size_t t = 0; t < part.sections[0].tables.size(); ++t) {
                const Table& p = part.sections[0].tables[t];
                if (kind == Kind::Demand) {
                    // The space's section, exactly as in the report for all.
                    const auto it = std::find_if(whole.sections.begin(), whole.sections.end(),
                                                 [&](const Section& x) { return x.key == space; });
                    REQUIRE(it != whole.sections.end());
                    const Table& w = it->tables[t];
                    for (std::size_t e = 0; e < p.entries.size(); ++e) {
                        CHECK(p.entries[e].mark == w.entries[e].mark);
                        CHECK(p.entries[e].value == w.entries[e].value);
                    }
                } else {
                    const Table& w = whole.sections[0].tables[t];
                    const auto col = std::size_t(std::find(w.column_keys.begin(), w.column_keys.end(), space) - w.column_keys.begin());
                    REQUIRE(col < w.cols());
                    for (std::size_t r = 0; r <= p.rows(); ++r) {
                        CHECK(p.at(r, 0).mark == w.at(r, col).mark);
                        CHECK(p.at(r, 0).value == w.at(r, col).value);
                    }
                }
            }
        }
        // A raised threshold shows nothing the default one hides, and the same values where both show.
        Options raised = all;
        raised.threshold = 6;
        const Report high = built(kind == Kind::Demand ? build_demand(*s.repo, raised) : build_cases(*s.repo, raised));
        std::size_t shown = 0;
        for (std::size_t sec = 0; sec < high.sections.size(); ++sec)
            for (std::size_t t = 0; t < high.sections[sec].tables.size(); ++t) {
                const Table& h = high.sections[sec].tables[t];
                const Table& d = whole.sections[sec].tables[t];
                for (std::size_t r = 0; r <= h.rows(); ++r)
                    for (std::size_t c = 0; c <= h.cols(); ++c)
                        if (published(h, r, c)) {
                            ++shown;
                            CHECK(published(d, r, c));
                            CHECK(h.at(r, c).value == d.at(r, c).value);
                        }
            }
        INFO(to_string(kind));
        CHECK(shown > 0);
    }
}
