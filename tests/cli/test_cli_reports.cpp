// quartier-cli's report commands in-process: report demand and report cases (refused on the demo
// organisation alone, published once enough families are there, each export an audit entry), their
// error paths as a table, and feedback categorise.
#include "cli.h"

#include "domain/repository.h"
#include "offers/demo_offers.h"
#include "reports/generate.h"
#include "support/cli_run.h"
#include "support/tempdir.h"
#include "sync/store/store.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

using namespace quartier;
using quartier::test::Run;
using quartier::test::TempDir;

namespace {

Run run(const TempDir& d, std::vector<std::string> rest) {
    return quartier::test::run(quartier::test::with(d, std::move(rest)));
}

constexpr const char* kPass = "eine gute passphrase";

}  // namespace

TEST_CASE("quartier-cli: report demand and report cases, anonymised, each export an audit entry", "[cli][reports]") {
    TempDir d;
    setenv("QUARTIER_PASSPHRASE", kPass, 1);
    REQUIRE(run(d, {"init", "--kdf", "interactive"}).code == cli::kOk);
    REQUIRE(run(d, {"demo", "seed"}).code == cli::kOk);
    const std::vector<std::string> period{"--from", "2025-01", "--to", "2026-12"};
    auto args = [&](std::vector<std::string> a) {
        a.insert(a.begin() + 2, period.begin(), period.end());
        return a;
    };

    // The four demo families alone are fewer than five: refused by data protection, exit 10.
    const Run refused = run(d, args({"report", "demand", "--format", "json"}));
    CHECK(refused.code == cli::kDenied);
    CHECK(refused.out.empty());
    CHECK(refused.err.find("fewer than 5 families") != std::string::npos);

    {
        auto store = sync::Store::open((d / "s").string(), kPass);
        REQUIRE(store.ok());
        domain::Repository repo(**store);
        reports::Population p;
        p.cases = 60;
        p.seed = 11;
        for (const auto& sp : offers::norderstedt_social_spaces()) p.social_spaces.push_back(sp.name);
        for (const sync::Record* r : (*store)->list(offers::kServiceType)) p.service_ids.push_back(r->id);
        REQUIRE(reports::write_population(repo, p).ok());
    }

    const Run demand = run(d, args({"report", "demand", "--format", "json"}));
    INFO(demand.err);
    REQUIRE(demand.code == cli::kOk);
    const auto j = nlohmann::json::parse(demand.out);
    CHECK(j["report"] == "demand");
    CHECK(j["period"]["from"] == "2025-01");
    CHECK(j["threshold"] == 5);
    CHECK(j["population"].get<int>() >= 60);
    CHECK(j["sections"].size() == 4);
    CHECK(demand.out.find("Familie Demir") == std::string::npos);

    const std::string csv = (d / "cases.csv").string();
    const Run cases = run(d, args({"report", "cases", "--stichtag", "2026-06", "--format", "csv", "--out", csv,
                                   "--legal-basis", "§ 80 SGB VIII (Jugendhilfeplanung)"}));
    INFO(cases.err);
    REQUIRE(cases.code == cli::kOk);
    CHECK(cases.out.empty());
    std::ifstream f(csv, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    CHECK(text.rfind("\xEF\xBB\xBF" "Fallzahlen nach SGB VIII\r\n", 0) == 0);
    CHECK(text.find("Stichtag;Ende 2026-06\r\n") != std::string::npos);

    const Run one = run(d, args({"report", "demand", "--space", "Garstedt", "--threshold", "6", "--format", "csv"}));
    CHECK(one.code == cli::kOk);
    CHECK(one.out.find("Sozialraum;Garstedt\r\n") != std::string::npos);

    // Every export is an audit entry of this device: action export, the cases counted as objects.
    const Run audit = run(d, {"audit", "list"});
    REQUIRE(audit.code == cli::kOk);
    const auto chains = nlohmann::json::parse(audit.out);
    int reports = 0;
    for (const auto& e : chains[0]["entries"]) {
        const std::string detail = e["detail"];
        if (e["action"] != "export" || detail.rfind("report ", 0) != 0) continue;
        ++reports;
        CHECK(e["objects"].size() >= 5);
        if (detail.rfind("report cases", 0) == 0) CHECK(e["legal_basis"] == "§ 80 SGB VIII (Jugendhilfeplanung)");
    }
    CHECK(reports == 3);  // the refused request showed nothing and left no export entry

    // Error paths: one row per way a request is refused, with its exit code and what it says.
    struct Row {
        std::vector<std::string> args;
        int code;
        const char* says;
    };
    const std::vector<Row> table = {
        {args({"report", "demand", "--format", "pdf"}), cli::kUsage, "not available"},
        {args({"report", "demand"}), cli::kUsage, "--format csv, json or pdf"},
        {{"report", "demand", "--format", "csv"}, cli::kUsage, "--from YYYY-MM and --to YYYY-MM"},
        {args({"report", "cases", "--format", "csv", "--threshold", "4"}), cli::kUsage, "may only be raised"},
        {args({"report", "cases", "--format", "csv", "--threshold", "fünf"}), cli::kUsage, "whole number"},
        {{"report", "cases", "--from", "2025-02", "--to", "2025-12", "--format", "json"}, cli::kUsage, "half-years"},
        {{"report", "cases", "--from", "2026-01", "--to", "2025-12", "--format", "json"}, cli::kUsage, "after"},
        {args({"report", "cases", "--format", "json", "--stichtag", "2025-05"}), cli::kUsage, "end of a half-year"},
        {args({"report", "demand", "--format", "json", "--stichtag", "2025-06"}), cli::kUsage, "belongs to report cases"},
        {args({"report", "demand", "--format", "json", "--space", "Nirgendwo"}), cli::kNotFound, "no social space"},
        {{"report", "demand", "--from", "2020-01", "--to", "2020-12", "--format", "json"}, cli::kDenied, "nothing is published"},
        {args({"report", "demand", "--format", "json", "--publish"}), cli::kUsage, "no --format or --out"},
        {args({"report", "demand", "--publish"}), cli::kUsage, "needs --scope"},
        {args({"report", "cases", "--publish", "--space", "Garstedt", "--scope", "00"}), cli::kUsage, "no --space"},
        {args({"report", "demand", "--format", "json", "--out", (d / "no" / "such" / "dir.json").string()}), cli::kStoreError,
         "could not write"},
    };
    for (const Row& row : table) {
        std::string line;
        for (const auto& a : row.args) line += a + " ";
        INFO(line);
        const Run r = run(d, row.args);
        CHECK(r.code == row.code);
        CHECK(r.err.find(row.says) != std::string::npos);
        if (row.code != cli::kStoreError) CHECK(r.out.empty());
    }
    unsetenv("QUARTIER_PASSPHRASE");
}

TEST_CASE("quartier-cli: publishing counts, merging them into a published report, listing and exporting it", "[cli][reports][publish]") {
    TempDir d;
    setenv("QUARTIER_PASSPHRASE", kPass, 1);
    REQUIRE(run(d, {"init", "--kdf", "interactive"}).code == cli::kOk);
    REQUIRE(run(d, {"demo", "seed"}).code == cli::kOk);
    {
        auto store = sync::Store::open((d / "s").string(), kPass);
        REQUIRE(store.ok());
        domain::Repository repo(**store);
        reports::Population p;
        p.cases = 40;
        p.seed = 11;
        for (const auto& sp : offers::norderstedt_social_spaces()) p.social_spaces.push_back(sp.name);
        for (const sync::Record* r : (*store)->list(offers::kServiceType)) p.service_ids.push_back(r->id);
        REQUIRE(reports::write_population(repo, p).ok());
    }
    const Run raw = run(d, {"scope", "create", "--kind", "report_raw"});
    REQUIRE(raw.code == cli::kOk);
    const Run rep = run(d, {"scope", "create", "--kind", "report"});
    REQUIRE(rep.code == cli::kOk);
    const std::string raw_scope = raw.out.substr(0, 32), report_scope = rep.out.substr(0, 32);
    const std::vector<std::string> year{"--from", "2026-01", "--to", "2026-12"};
    auto args = [&](std::vector<std::string> a) {
        a.insert(a.begin() + 2, year.begin(), year.end());
        return a;
    };

    // Raw counts only into a report_raw scope; the merged report only into a report scope.
    const Run wrong = run(d, args({"report", "demand", "--publish", "--scope", report_scope}));
    CHECK(wrong.code == cli::kDenied);
    CHECK(wrong.err.find("report_raw") != std::string::npos);
    const Run none = run(d, args({"report", "publish", "demand", "--scope", report_scope}));
    CHECK(none.code == cli::kNotFound);
    const Run counts = run(d, args({"report", "demand", "--publish", "--scope", raw_scope, "--team", "Team Nord"}));
    INFO(counts.err);
    REQUIRE(counts.code == cli::kOk);
    CHECK(counts.out.rfind("report_counts:", 0) == 0);
    const Run into_raw = run(d, args({"report", "publish", "demand", "--scope", raw_scope}));
    CHECK(into_raw.code == cli::kDenied);
    const Run published = run(d, args({"report", "publish", "demand", "--scope", report_scope}));
    INFO(published.err);
    REQUIRE(published.code == cli::kOk);
    const auto p = nlohmann::json::parse(published.out);
    CHECK(p["version"] == 1);
    CHECK(p["teams"] == nlohmann::json::array({"Team Nord"}));
    // Published again: version 2.
    const Run again = run(d, args({"report", "publish", "demand", "--scope", report_scope}));
    REQUIRE(again.code == cli::kOk);
    CHECK(nlohmann::json::parse(again.out)["version"] == 2);

    const Run list = run(d, {"report", "published"});
    REQUIRE(list.code == cli::kOk);
    std::istringstream lines(list.out);
    std::string line, first_id;
    int n = 0;
    while (std::getline(lines, line)) {
        const auto j = nlohmann::json::parse(line);
        CHECK(j["report"] == "demand");
        CHECK(j["from"] == "2026-01");
        if (n++ == 0) first_id = j["id"];
    }
    CHECK(n == 2);
    // The export re-renders the published JSON: the same as the report built here.
    const Run exported = run(d, {"report", "export", first_id, "--format", "json"});
    REQUIRE(exported.code == cli::kOk);
    const Run direct = run(d, args({"report", "demand", "--format", "json"}));
    REQUIRE(direct.code == cli::kOk);
    CHECK(exported.out == direct.out);
    CHECK(exported.out.find("Familie Demir") == std::string::npos);
    const Run csv = run(d, {"report", "export", first_id, "--format", "csv"});
    REQUIRE(csv.code == cli::kOk);
    CHECK(csv.out.rfind("\xEF\xBB\xBF" "Bedarfsbericht\r\n", 0) == 0);
    CHECK(run(d, {"report", "export", "published_report:nothing", "--format", "csv"}).code == cli::kNotFound);
    CHECK(run(d, {"report", "export", first_id}).code == cli::kUsage);

    // Each step is an export entry: the counts (the cases), the publishing (the counts record), the exports.
    const Run audit = run(d, {"audit", "list"});
    REQUIRE(audit.code == cli::kOk);
    int raw_entries = 0, publish_entries = 0, export_entries = 0;
    const auto chains = nlohmann::json::parse(audit.out);  // kept: a range over a temporary's member dangles
    for (const auto& e : chains[0]["entries"]) {
        if (e["action"] != "export") continue;
        const std::string detail = e["detail"];
        if (detail.find("raw counts of") != std::string::npos) ++raw_entries;
        if (detail.find("published to report scope") != std::string::npos) {
            ++publish_entries;
            CHECK(e["objects"] == nlohmann::json::array({counts.out.substr(0, counts.out.size() - 1)}));
        }
        if (detail.find("published report " + first_id) != std::string::npos) ++export_entries;
    }
    CHECK(raw_entries == 1);
    CHECK(publish_entries == 2);
    CHECK(export_entries == 2);
    unsetenv("QUARTIER_PASSPHRASE");
}

TEST_CASE("quartier-cli: feedback categorise sets the worker's category, checked by the domain", "[cli][reports]") {
    TempDir d;
    setenv("QUARTIER_PASSPHRASE", kPass, 1);
    REQUIRE(run(d, {"init", "--kdf", "interactive"}).code == cli::kOk);
    REQUIRE(run(d, {"demo", "seed"}).code == cli::kOk);
    const auto all = nlohmann::json::parse(run(d, {"list", "service_feedback"}).out);
    std::string with_text, without_text;
    for (const auto& r : all) {
        if (!r["fields"].contains("case_id")) continue;  // the offer map's bare demo gaps
        const std::string how = r["fields"].value("how_it_would_have_to_be", "");
        (how.empty() ? without_text : with_text) = r["id"];
    }
    REQUIRE(!with_text.empty());
    REQUIRE(!without_text.empty());

    CHECK(run(d, {"feedback", "categorise", with_text, "closer"}).code == cli::kOk);
    const auto got = nlohmann::json::parse(run(d, {"get", with_text}).out);
    CHECK(got["fields"]["how_category"] == "closer");
    CHECK(run(d, {"feedback", "categorise", with_text, "none"}).code == cli::kOk);
    CHECK(nlohmann::json::parse(run(d, {"get", with_text}).out)["fields"]["how_category"] == "");

    struct Row {
        std::vector<std::string> args;
        int code;
        const char* says;
    };
    const std::vector<Row> table = {
        {{"feedback", "categorise", without_text, "closer"}, cli::kUsage, "how_category: not_allowed"},
        {{"feedback", "categorise", with_text, "näher"}, cli::kUsage, "unknown category"},
        {{"feedback", "categorise", with_text, ""}, cli::kUsage, "unknown category"},
        {{"feedback", "categorise", "0123456789abcdef0123456789abcdef", "closer"}, cli::kNotFound, ""},
        {{"feedback", "categorise", with_text}, cli::kUsage, "wrong number of arguments"},
    };
    for (const Row& row : table) {
        INFO(row.args.back());
        const Run r = run(d, row.args);
        CHECK(r.code == row.code);
        CHECK(r.err.find(row.says) != std::string::npos);
    }
    unsetenv("QUARTIER_PASSPHRASE");
}
