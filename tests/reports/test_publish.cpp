// Publishing to planning (docs/reports.md "Publishing to planning", app/reports/publish.h): the
// teams' raw counts merged equal the report over the union of their cases, suppression on the
// merged table passes the audit, the records go only into the scopes of their kind, a published
// report that breaks the rules is not shown, and over the in-process server: the planning device
// holds the report scope and nothing else, and no name, id or verbatim text of the demo families
// appears in the report scope's envelopes once opened nor in planning's exports.
#include "sync/sync_fixture.h"

#include "domain/demo_organisation.h"
#include "domain/repository.h"
#include "offers/demo_offers.h"
#include "reports/export.h"
#include "reports/generate.h"
#include "reports/publish.h"
#include "reports/report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

using namespace quartier;
using namespace quartier::test;
using quartier::reports::Kind;
namespace reports = quartier::reports;

namespace {

const crypto::PwhashParams kKdf{1, 8u << 20};  // tests only

// The offer map, and on it the demo families (optional) and generated families.
struct Families {
    std::vector<std::string> demo_cases;
    std::vector<std::string> service_ids;
    std::vector<std::string> spaces;
};

Families write_families(sync::Store& store, bool demo, const std::vector<std::pair<std::size_t, std::uint64_t>>& generated) {
    Families f;
    domain::Repository repo(store);
    REQUIRE(offers::seed_demo_offers(store, "2026-06-01").ok());
    std::vector<std::pair<std::string, std::string>> named;
    for (const sync::Record* r : store.list(offers::kServiceType)) named.emplace_back(r->value("name").value_or(""), r->id);
    std::sort(named.begin(), named.end());
    for (const auto& [name, id] : named) f.service_ids.push_back(id);
    for (const auto& sp : offers::norderstedt_social_spaces()) f.spaces.push_back(sp.name);
    if (demo) {
        auto d = domain::write_demo_families(repo, f.service_ids);
        REQUIRE(d.ok());
        f.demo_cases = d->case_ids;
    }
    for (const auto& [cases, seed] : generated) {
        reports::Population p;
        p.cases = cases;
        p.seed = seed;
        p.social_spaces = f.spaces;
        p.service_ids = f.service_ids;
        auto w = reports::write_population(repo, p);
        INFO((w.ok() ? std::string() : w.detail()));
        REQUIRE(w.ok());
    }
    return f;
}

struct LocalStore {
    TempDir dir;
    std::unique_ptr<sync::Store> store;
    LocalStore() {
        auto s = sync::Store::create(dir.path(), "publish-test-passphrase", kKdf);
        REQUIRE(s.ok());
        store = std::move(*s);
    }
};

reports::Options period(std::string from, std::string to) {
    reports::Options o;
    o.from = std::move(from);
    o.to = std::move(to);
    return o;
}

reports::Counts counted(const sync::Store& store, Kind kind, const reports::Options& o) {
    const domain::Repository repo(const_cast<sync::Store&>(store));
    auto c = kind == Kind::Demand ? reports::count_demand(repo, o) : reports::count_cases(repo, o);
    INFO((c.ok() ? std::string() : c.detail()));
    REQUIRE(c.ok());
    return *c;
}

// Every table passes the audit from what is shown alone.
void check_audited(const reports::Report& r) {
    for (const reports::Section& s : r.sections)
        for (const reports::Table& t : s.tables) {
            INFO(s.title << " / " << t.title);
            const auto ranges = reports::audit(t.rows(), t.cols(), t.entries, r.threshold);
            for (std::size_t e = 0; e < t.entries.size(); ++e) {
                if (t.entries[e].mark == reports::Mark::Published) {
                    CHECK(t.entries[e].value >= r.threshold);
                    continue;
                }
                REQUIRE(ranges[e].has_value());
                CHECK_FALSE(ranges[e]->determined());
            }
        }
}

// Every id and every value any record of the demo families ever held.
std::set<std::string> demo_canaries(const sync::Store& store, const std::vector<std::string>& demo_cases) {
    const std::set<std::string> demo(demo_cases.begin(), demo_cases.end());
    std::set<std::string> out;
    for (const sync::Record* r : store.list()) {
        const auto owner = r->value("case_id");
        if (!demo.count(r->id) && !(owner && demo.count(*owner))) continue;
        out.insert(r->id);
        for (const auto& [name, field] : r->fields) {
            auto versions = store.history(r->id, name);
            REQUIRE(versions.ok());
            for (const auto& v : *versions)
                // Identifiers, numbers and short values are the reports' own vocabulary too.
                if (v.value.size() >= 4 && v.value.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789-[]\",") !=
                                               std::string::npos)
                    out.insert(v.value);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("Publishing: two teams' counts merged equal the report over the union of their cases", "[reports][publish]") {
    // Team A: the demo families and 40 generated; team B: 35 others; the union: all of them.
    LocalStore a, b, both;
    write_families(*a.store, true, {{40, 17}});
    write_families(*b.store, false, {{35, 23}});
    write_families(*both.store, true, {{40, 17}, {35, 23}});
    const domain::Repository union_repo(*both.store);
    for (Kind kind : {Kind::Demand, Kind::Cases})
        for (std::int64_t threshold : {std::int64_t(5), std::int64_t(8)}) {
            INFO(reports::to_string(kind) << ", threshold " << threshold);
            reports::Options o = period("2025-01", "2026-12");
            if (kind == Kind::Cases) o.stichtag = "2026-06";
            o.threshold = threshold;
            const reports::Counts ca = counted(*a.store, kind, o), cb = counted(*b.store, kind, o);
            auto merged = reports::merge({ca, cb});
            REQUIRE(merged.ok());
            CHECK(merged->population == ca.population + cb.population);
            auto published = reports::publish_counts(*merged, o);
            REQUIRE(published.ok());
            check_audited(*published);
            auto whole = kind == Kind::Demand ? reports::build_demand(union_repo, o) : reports::build_cases(union_repo, o);
            REQUIRE(whole.ok());
            CHECK(reports::to_json(*published) == reports::to_json(*whole));
            CHECK(reports::to_csv(*published) == reports::to_csv(*whole));
            // The order of the teams does not matter.
            auto other = reports::merge({cb, ca});
            REQUIRE(other.ok());
            CHECK(reports::to_json(*reports::publish_counts(*other, o)) == reports::to_json(*whole));
            // One team alone: the merged path is today's report.
            auto single = reports::merge({ca});
            REQUIRE(single.ok());
            const domain::Repository repo_a(*a.store);
            auto alone = kind == Kind::Demand ? reports::build_demand(repo_a, o) : reports::build_cases(repo_a, o);
            REQUIRE(alone.ok());
            CHECK(reports::to_json(*reports::publish_counts(*single, o)) == reports::to_json(*alone));
            // Through the record's JSON and back: the same counts.
            auto back = reports::counts_from_json(reports::counts_to_json(ca));
            REQUIRE(back.ok());
            CHECK(reports::counts_to_json(*back) == reports::counts_to_json(ca));
        }
    // A small team's counts are not refused (they count towards the merged report); the merged
    // report of too few is.
    LocalStore few;
    write_families(*few.store, false, {{3, 5}});
    const reports::Counts small = counted(*few.store, Kind::Demand, period("2025-01", "2026-12"));
    CHECK(small.population == 3);
    CHECK(reports::publish_counts(small, period("2025-01", "2026-12")).error() == reports::Error::BelowThreshold);
    // Counts of different periods, or of one social space, are not merged.
    const reports::Counts other_period = counted(*few.store, Kind::Demand, period("2025-01", "2025-12"));
    CHECK(reports::merge({small, other_period}).error() == reports::Error::Mismatch);
    reports::Options one = period("2025-01", "2026-12");
    one.space = "Garstedt";
    CHECK(reports::merge({small, counted(*few.store, Kind::Demand, one)}).error() == reports::Error::Mismatch);
}

TEST_CASE("Publishing: a later version keeps every entry the earlier one suppressed", "[reports][publish]") {
    LocalStore a, later;
    write_families(*a.store, true, {{40, 17}});
    write_families(*later.store, false, {{12, 31}});
    const reports::Options o = period("2025-01", "2026-12");
    const reports::Counts first = counted(*a.store, Kind::Demand, o);
    auto v1 = reports::publish_counts(first, o);
    REQUIRE(v1.ok());
    auto v2 = reports::publish_counts(*reports::merge({first, counted(*later.store, Kind::Demand, o)}), o, &*v1);
    REQUIRE(v2.ok());
    check_audited(*v2);
    std::size_t kept = 0;
    for (std::size_t s = 0; s < v1->sections.size(); ++s)
        for (std::size_t t = 0; t < v1->sections[s].tables.size(); ++t) {
            const auto& e1 = v1->sections[s].tables[t].entries;
            const auto& e2 = v2->sections[s].tables[t].entries;
            REQUIRE(e1.size() == e2.size());
            for (std::size_t e = 0; e < e1.size(); ++e)
                if (e1[e].mark != reports::Mark::Published) {
                    CHECK(e2[e].mark != reports::Mark::Published);
                    ++kept;
                }
        }
    CHECK(kept > 0);
}

TEST_CASE("Publishing: a published report that breaks the suppression rules is not shown", "[reports][publish][security]") {
    LocalStore a;
    write_families(*a.store, true, {{40, 17}});
    const reports::Options o = period("2025-01", "2026-12");
    auto report = reports::publish_counts(counted(*a.store, Kind::Demand, o), o);
    REQUIRE(report.ok());
    const std::string json = reports::to_json(*report);
    auto back = reports::report_from_json(json);
    REQUIRE(back.ok());
    CHECK(reports::to_json(*back) == json);
    CHECK(reports::to_csv(*back) == reports::to_csv(*report));
    // A small cell shown, a suppressed entry recomputable, a threshold lowered: all refused.
    auto j = nlohmann::ordered_json::parse(json);
    auto& rows = j["sections"][0]["tables"][0]["rows"];
    std::size_t r = 0, c = 0;
    bool found = false;
    for (r = 0; r < rows.size() && !found; ++r)
        for (c = 0; c < rows[r]["cells"].size() && !found; ++c)
            if (rows[r]["cells"][c] == "<5") found = true;
    REQUIRE(found);
    auto small = j;
    small["sections"][0]["tables"][0]["rows"][r - 1]["cells"][c - 1] = 3;
    CHECK(reports::report_from_json(small.dump()).error() == reports::Error::Malformed);
    auto low = j;
    low["threshold"] = 3;
    CHECK(reports::report_from_json(low.dump()).error() == reports::Error::Malformed);
    // A period that is no month (the PDF and the page print it as one) is refused, not printed.
    for (const char* bad : {"2026-ab", "26-01", "", "2026-13"}) {
        auto period_bad = j;
        period_bad["period"]["from"] = bad;
        CHECK(reports::report_from_json(period_bad.dump()).error() == reports::Error::Malformed);
    }
    // Every secondary suppression lifted (shown as a made-up value ≥ 5 is caught by the audit or
    // the sums; here: every "x" shown as the smallest publishable value).
    auto unsuppressed = j;
    bool lifted = false;
    for (auto& sec : unsuppressed["sections"])
        for (auto& t : sec["tables"]) {
            for (auto& row : t["rows"]) {
                for (auto& cell : row["cells"])
                    if (cell == "x") cell = 5, lifted = true;
                if (row["total"] == "x") row["total"] = 5, lifted = true;
            }
        }
    if (lifted) CHECK_FALSE(reports::report_from_json(unsuppressed.dump()).ok());
}

TEST_CASE("Publishing: planning, after a sync, opens the report scope and nothing else, and no demo family's "
          "name, id or words are in it",
          "[reports][publish][roles][sync][canary]") {
    // 0 and 1: caseworkers of two teams; 2: the coordinating team lead; 3: planning.
    SyncFixture f(4, {{2, "team_lead"}, {3, "planning"}});
    Device &north = f[0], &south = f[1], &lead = f[2], &planning = f[3];
    const Families fn = write_families(*north.store, true, {{12, 17}});
    write_families(*south.store, false, {{14, 23}});
    auto new_scope = [](Device& d, const char* kind) {
        auto s = d.store->create_scope();
        REQUIRE(s.ok());
        REQUIRE(d.store->set_setting("scope_kind:" + crypto::to_hex(*s), kind).ok());
        return *s;
    };
    // Each team's raw scope, shared with the coordinator; the report scope, shared with planning.
    const ScopeId raw_north = new_scope(north, "report_raw"), raw_south = new_scope(south, "report_raw");
    const ScopeId published = new_scope(lead, "report");
    f.sync_all();
    REQUIRE(north.client->share_scope(raw_north, lead.store->device().id(), ScopeKind::ReportRaw).ok());
    REQUIRE(south.client->share_scope(raw_south, lead.store->device().id(), ScopeKind::ReportRaw).ok());
    REQUIRE(lead.client->share_scope(published, planning.store->device().id(), ScopeKind::Report).ok());
    // Planning is refused the raw scope, whoever asks.
    auto refused = north.client->share_scope(raw_north, planning.store->device().id(), ScopeKind::ReportRaw);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error() == Error::Denied);

    reports::Options o = period("2026-01", "2026-12");
    for (Device* d : {&north, &south}) {
        const reports::Counts c = counted(*d->store, Kind::Demand, o);
        // Raw counts never go into the report scope (nor any but a report_raw one).
        const ScopeId& raw = d == &north ? raw_north : raw_south;
        CHECK_FALSE(reports::save_counts(*d->store, d->store->default_scope(), "x", c).ok());
        REQUIRE(reports::save_counts(*d->store, raw, d == &north ? "Team Nord" : "Team Süd", c).ok());
    }
    f.sync_all();
    // The coordinator merges, suppresses and publishes.
    const auto stored = reports::load_counts(*lead.store, Kind::Demand, "2026-01", "2026-12");
    REQUIRE(stored.size() == 2);
    std::vector<reports::Counts> all;
    for (const auto& s : stored) all.push_back(s.counts);
    auto merged = reports::merge(all);
    REQUIRE(merged.ok());
    auto report = reports::publish_counts(*merged, o);
    REQUIRE(report.ok());
    check_audited(*report);
    CHECK_FALSE(reports::save_published(*lead.store, raw_north, *report, 1).ok());  // only into a report scope
    REQUIRE(reports::save_published(*lead.store, published, *report, 1).ok());
    f.sync_all();

    // Planning: the published report and nothing else.
    const auto received = reports::published_reports(*planning.store);
    REQUIRE(received.size() == 1);
    CHECK(received.front().version == 1);
    auto shown = reports::report_from_json(received.front().json);
    REQUIRE(shown.ok());
    CHECK(reports::to_json(*shown) == reports::to_json(*report));
    CHECK(reports::load_counts(*planning.store, Kind::Demand, "2026-01", "2026-12").empty());
    std::set<std::string> types;
    for (const sync::Record* r : planning.store->list()) types.insert(r->type);
    CHECK(types == std::set<std::string>{reports::kPublishedType});
    // Its keys: the report scope, its own personal scope and audit chain; it opens no other envelope.
    const ScopeId own_personal = planning.store->default_scope(), own_audit = *planning.store->audit_scope();
    std::set<ScopeId> held;
    for (const auto& [scope, epoch] : planning.store->scope_keys()) held.insert(scope);
    CHECK(held == std::set<ScopeId>{published, own_personal, own_audit});
    auto db = Database::open(f.server.dir() / "server.db", false);
    REQUIRE(db.ok());
    auto st = db->prepare("SELECT bytes FROM envelopes ORDER BY id");
    REQUIRE(st.ok());
    std::vector<std::string> opened;  // the plaintexts of the report scope's envelopes
    std::size_t others = 0;
    while (*st->step()) {
        crypto::Bytes bytes(st->blob(0).begin(), st->blob(0).end());
        auto env = crypto::parse_envelope(bytes);
        REQUIRE(env.ok());
        const ScopeId scope = env->header.scope;
        const auto key = planning.store->scope_key(scope, env->header.epoch);
        if (scope == own_personal || scope == own_audit) continue;
        if (scope != published) {
            ++others;
            CHECK_FALSE(key);
            continue;
        }
        REQUIRE(key);
        crypto::Bytes plain;
        REQUIRE(crypto::decrypt_envelope(*env, *key, plain).ok());
        opened.emplace_back(plain.begin(), plain.end());
    }
    CHECK(others > 30);  // the cases, the teams, the raw counts: none of them opens
    CHECK_FALSE(opened.empty());
    // The canary: planning's view (the envelopes once opened) and its exports.
    const std::set<std::string> canaries = demo_canaries(*north.store, fn.demo_cases);
    CHECK(canaries.count("Familie Demir"));
    CHECK(canaries.count("Wenn es nichts kostet."));
    std::vector<std::string> outputs = opened;
    outputs.push_back(reports::to_json(*shown));
    outputs.push_back(reports::to_csv(*shown));
    // What the report prints by design (the social spaces, the vocabularies' labels) is what the
    // same report prints without the demo families: south's counts published on their own.
    auto reference = reports::publish_counts(stored[0].team == "Team Süd" ? stored[0].counts : stored[1].counts, o);
    REQUIRE(reference.ok());
    const std::string vocabulary = reports::to_json(*reference) + reports::to_csv(*reference);
    std::size_t checked = 0;
    for (const std::string& c : canaries) {
        if (vocabulary.find(c) != std::string::npos) continue;
        ++checked;
        for (const std::string& out : outputs) {
            INFO("canary: " << c);
            CHECK(out.find(c) == std::string::npos);
        }
    }
    CHECK(checked > 50);
    // The coordinator's raw scope holds the counts of the demo families — numbers, no names.
    for (const auto& s : stored)
        for (const std::string& c : canaries) {
            INFO("canary: " << c);
            if (vocabulary.find(c) == std::string::npos) CHECK(reports::counts_to_json(s.counts).find(c) == std::string::npos);
        }
}
