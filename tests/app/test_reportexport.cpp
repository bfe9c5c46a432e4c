// The report page's controller and the PDF export (app/controllers/reportcontroller.h,
// app/pdf/reportpdf.h): the PDF's text against golden files (extracted with pdftotext), its page
// numbers, the CLI's --format pdf, the controller's refusal, export and audit entry, its error
// paths, and the canary: nothing of the families (names, verbatim answers) in the PDF or on the
// page.
#include "controllers/reportcontroller.h"
#include "pdf/reportpdf.h"

#include "cli/cli.h"
#include "domain/repository.h"
#include "offers/demo_offers.h"
#include "offers/offers.h"
#include "reports/export.h"
#include "reports/generate.h"
#include "reports/golden.h"
#include "reports/publish.h"
#include "reports/report.h"
#include "support/cli_run.h"
#include "support/tempdir.h"
#include "sync/store/store.h"
#include "sync/sync_fixture.h"

#include <QFile>
#include <QJsonDocument>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

using namespace quartier;
using quartier::test::TempDir;

namespace {

const crypto::PwhashParams kKdf{1, 8u << 20};  // tests only

// The offer map's demo offers (sorted by name: generated answers take their categories from the
// services, so golden files need a fixed order) and `families` generated families.
struct PdfStore {
    TempDir dir;
    std::unique_ptr<sync::Store> store;
    std::unique_ptr<domain::Repository> repo;

    explicit PdfStore(std::size_t families, std::uint64_t seed = 17) {
        auto s = sync::Store::create(dir.path() / "store", "report-pdf-test", kKdf);
        REQUIRE(s.ok());
        store = std::move(*s);
        repo = std::make_unique<domain::Repository>(*store);
        REQUIRE(offers::seed_demo_offers(*store, "2026-06-01").ok());
        std::vector<std::pair<std::string, std::string>> named;
        for (const sync::Record* r : store->list(offers::kServiceType)) named.emplace_back(r->value("name").value_or(""), r->id);
        std::sort(named.begin(), named.end());
        reports::Population p;
        p.cases = families;
        p.seed = seed;
        for (const auto& [name, id] : named) p.service_ids.push_back(id);
        for (const auto& sp : offers::norderstedt_social_spaces()) p.social_spaces.push_back(sp.name);
        if (families > 0) REQUIRE(reports::write_population(*repo, p).ok());
    }
};

// The text of a PDF as pdftotext extracts it (in drawing order: -raw, so the golden files do not hang on a glyph's position), and its page count.
struct Extracted {
    std::string text;
    int pages = 0;
};
Extracted extract(const TempDir& dir, const std::string& pdf) {
    const std::filesystem::path in = dir.path() / "r.pdf", out = dir.path() / "r.txt";
    std::ofstream(in, std::ios::binary) << pdf;
    const std::string cmd = "pdftotext -raw '" + in.string() + "' '" + out.string() + "' 2>&1";
    INFO("pdftotext (poppler-utils, installed by scripts/deps.sh) must be on the PATH");
    REQUIRE(std::system(cmd.c_str()) == 0);
    Extracted e;
    e.text = quartier::test::read_file(out);
    e.pages = int(std::count(e.text.begin(), e.text.end(), '\f'));
    return e;
}

reports::Options period(const std::string& from, const std::string& to) {
    reports::Options o;
    o.from = from;
    o.to = to;
    return o;
}

// Every name and verbatim answer the generated families hold.
std::vector<std::string> canaries(const domain::Repository& repo) {
    std::vector<std::string> out;
    for (const sync::Record* r : repo.store().list("case")) out.push_back(r->value("name").value_or(""));
    for (const sync::Record* r : repo.store().list("service_feedback"))
        if (auto v = r->value("how_it_would_have_to_be"); v && !v->empty()) out.push_back(*v);
    out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
    REQUIRE(out.size() > 3);  // a canary list that is empty could never fail
    return out;
}

}  // namespace

TEST_CASE("Report PDF: the text of both reports against golden files, every page numbered", "[reports][pdf][golden]") {
    PdfStore s(60);
    const auto demand = reports::build_demand(*s.repo, period("2025-01", "2026-12"));
    REQUIRE(demand.ok());
    auto stichtag = period("2025-01", "2026-12");
    stichtag.stichtag = "2026-06";
    const auto cases = reports::build_cases(*s.repo, stichtag);
    REQUIRE(cases.ok());

    for (const auto* r : {&*demand, &*cases}) {
        const std::string pdf = pdf::render_report(*r);
        REQUIRE(pdf.rfind("%PDF-", 0) == 0);
        const Extracted e = extract(s.dir, pdf);
        INFO(std::string(reports::to_string(r->kind)));
        REQUIRE(e.pages >= 3);  // title page, charts, tables
        // "Seite i von n" on every page, in order.
        for (int i = 1; i <= e.pages; ++i)
            CHECK(e.text.find("Seite " + std::to_string(i) + " von " + std::to_string(e.pages)) != std::string::npos);
        CHECK(e.text.find("Anonymisiert nach § 64 Abs. 3 SGB VIII") != std::string::npos);
        CHECK(e.text.find("Zeitraum: Januar 2025 bis Dezember 2026") != std::string::npos);
        for (const std::string& c : canaries(*s.repo)) {
            INFO("canary " << c);
            CHECK(e.text.find(c) == std::string::npos);
        }
        quartier::test::check_golden(std::string("generated_") + std::string(reports::to_string(r->kind)) + ".pdf.txt", e.text);
    }
}

TEST_CASE("Report PDF: the demo organisation's reports and a one-space report drawn from their JSON golden files", "[reports][pdf][golden]") {
    // The JSON golden files pin these reports (tests/reports/test_reports.cpp); the PDF drawn from
    // them is pinned here, so the two formats cannot drift apart.
    TempDir dir;
    for (const char* name : {"demo_demand", "demo_cases", "generated_demand_garstedt"}) {
        INFO(name);
        const std::string json = quartier::test::read_file(std::filesystem::path(QUARTIER_TEST_DATA) / "reports" / (std::string(name) + ".json"));
        REQUIRE_FALSE(json.empty());
        auto report = reports::report_from_json(json);
        REQUIRE(report.ok());
        const Extracted e = extract(dir, pdf::render_report(*report));
        CHECK(e.text.find("Seite " + std::to_string(e.pages) + " von " + std::to_string(e.pages)) != std::string::npos);
        quartier::test::check_golden(std::string(name) + ".pdf.txt", e.text);
    }
}

TEST_CASE("Report PDF: quartier-cli report --format pdf writes it with --out, refuses the terminal and a build without Qt", "[reports][pdf][cli]") {
    PdfStore s(60);
    s.store.reset();  // the CLI opens the store itself
    s.repo.reset();
    const std::string store = (s.dir.path() / "store").string();
    const std::string out = (s.dir.path() / "bedarf.pdf").string();
    const auto args = [&](std::vector<std::string> rest) {
        std::vector<std::string> a = {"--store", store, "report", "demand", "--from", "2025-01", "--to", "2026-12"};
        a.insert(a.end(), rest.begin(), rest.end());
        return a;
    };
    setenv("QUARTIER_PASSPHRASE", "report-pdf-test", 1);
    cli::set_pdf_renderer(nullptr);
    const auto without = quartier::test::run(args({"--format", "pdf", "--out", out}));
    CHECK(without.code == cli::kUsage);
    CHECK(without.err.find("not available in this build") != std::string::npos);

    cli::set_pdf_renderer([](const reports::Report& r) { return pdf::render_report(r); });
    const auto terminal = quartier::test::run(args({"--format", "pdf"}));
    CHECK(terminal.code == cli::kUsage);
    CHECK(terminal.err.find("--out") != std::string::npos);

    const auto written = quartier::test::run(args({"--format", "pdf", "--out", out}));
    INFO(written.err);
    REQUIRE(written.code == cli::kOk);
    const std::string pdf = quartier::test::read_file(out);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(extract(s.dir, pdf).text.find("Bedarfsbericht") != std::string::npos);
    cli::set_pdf_renderer(nullptr);
}

TEST_CASE("ReportController: refused below the threshold, shown above it, exported with its audit entry first", "[reports][app]") {
    PdfStore s(3);  // three families: fewer than five
    const QString folder = QString::fromStdString((s.dir.path() / "Berichte").string());
    app::ReportController c(folder);
    c.setYear(2026);
    c.setStore(s.store.get());
    // Not shown: an unlock (setStore) builds nothing.
    CHECK_FALSE(c.available());
    CHECK(c.message().isEmpty());
    c.setActive(true);
    CHECK_FALSE(c.available());
    CHECK(c.message().contains(QStringLiteral("Zu wenige Familien")));
    const std::size_t before = s.store->status().audit_entries;
    CHECK(c.exportAs(QStringLiteral("csv")).isEmpty());  // nothing to export, nothing recorded
    CHECK(s.store->status().audit_entries == before);

    reports::Population more;
    more.cases = 60;
    more.seed = 5;
    for (const auto& sp : offers::norderstedt_social_spaces()) more.social_spaces.push_back(sp.name);
    REQUIRE(reports::write_population(*s.repo, more).ok());
    c.refresh();
    REQUIRE(c.available());
    CHECK(c.message().isEmpty());
    CHECK(c.charts().size() == 2);
    CHECK(c.spaceChoices().size() == 1 + int(offers::norderstedt_social_spaces().size()));

    // The page's maps hold nothing of the families.
    const std::string shown = QJsonDocument::fromVariant(QVariantMap{{QStringLiteral("r"), c.report()},
                                                                     {QStringLiteral("c"), c.charts()}})
                                  .toJson()
                                  .toStdString();
    for (const std::string& canary : canaries(*s.repo)) {
        INFO("canary " << canary);
        CHECK(shown.find(canary) == std::string::npos);
    }

    // An export: the same bytes as the library's, a file named by report and period, one audit entry.
    const std::size_t audited = s.store->status().audit_entries;
    const QString path = c.exportAs(QStringLiteral("csv"));
    REQUIRE_FALSE(path.isEmpty());
    CHECK(path.endsWith(QStringLiteral("/Bedarfsbericht_2026.csv")));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const auto expected = reports::build_demand(*s.repo, period("2026-01", "2026-12"));
    REQUIRE(expected.ok());
    CHECK(f.readAll().toStdString() == reports::to_csv(*expected));
    CHECK(s.store->status().audit_entries == audited + 1);

    // A half-year and one social space: the choices reach the report and the file name.
    c.setHalf(2);
    c.setSpace(QStringLiteral("Garstedt"));
    if (c.available()) {
        const QString json = c.exportAs(QStringLiteral("json"));
        CHECK(json.endsWith(QStringLiteral("/Bedarfsbericht_2026-H2_Garstedt.json")));
    } else {
        CHECK(c.message().contains(QStringLiteral("Zu wenige Familien")));
    }
    c.setHalf(0);
    c.setSpace({});
    REQUIRE(c.available());

    // Error paths: an unknown format, a folder that cannot be made, a lent store.
    CHECK(c.exportAs(QStringLiteral("xlsx")).isEmpty());
    CHECK(c.exportMessage() == QStringLiteral("Unbekanntes Format."));
    {
        std::ofstream(s.dir.path() / "blocked") << "a file where the folder should be";
        app::ReportController blocked(QString::fromStdString((s.dir.path() / "blocked" / "Berichte").string()));
        blocked.setYear(2026);
        blocked.setActive(true);
        blocked.setStore(s.store.get());
        REQUIRE(blocked.available());
        CHECK(blocked.exportAs(QStringLiteral("pdf")).isEmpty());
        CHECK(blocked.exportMessage().contains(QStringLiteral("kann nicht angelegt werden")));
        blocked.setStoreBusy(true);
        CHECK(blocked.exportAs(QStringLiteral("csv")).isEmpty());
        CHECK(blocked.exportMessage().contains(QStringLiteral("synchronisiert")));
    }
    c.setStore(nullptr);
    CHECK_FALSE(c.available());
}

TEST_CASE("ReportController on a planning device: its home shows the newest published report, refuses one that "
          "breaks the suppression rules, exports what it shows",
          "[reports][app][publish][security]") {
    // 0: a caseworker publishing (as the coordinating device does, docs/reports.md); 1: planning.
    quartier::test::SyncFixture f(2, {{1, "planning"}});
    quartier::test::Device &team = f[0], &planning = f[1];
    REQUIRE(offers::seed_demo_offers(*team.store, "2026-06-01").ok());
    domain::Repository repo(*team.store);
    reports::Population p;
    p.cases = 40;
    p.seed = 3;
    for (const auto& sp : offers::norderstedt_social_spaces()) p.social_spaces.push_back(sp.name);
    REQUIRE(reports::write_population(repo, p).ok());
    auto scope = team.store->create_scope();
    REQUIRE(scope.ok());
    REQUIRE(team.store->set_setting("scope_kind:" + crypto::to_hex(*scope), "report").ok());
    f.sync_all();
    REQUIRE(team.client->share_scope(*scope, planning.store->device().id(), sync::ScopeKind::Report).ok());

    const auto good = reports::build_demand(repo, period("2026-01", "2026-12"));
    REQUIRE(good.ok());
    auto v1 = reports::save_published(*team.store, *scope, *good, 1);
    REQUIRE(v1.ok());
    // Version 2 from a coordinating device that was made to publish a small cell.
    reports::Report small = *good;
    bool planted = false;
    for (auto& e : small.sections.front().tables.front().entries)
        if (!planted && e.mark == reports::Mark::Primary) {
            e = {reports::Mark::Published, 2};
            planted = true;
        }
    REQUIRE(planted);
    auto v2 = reports::save_published(*team.store, *scope, small, 2);
    REQUIRE(v2.ok());
    f.sync_all();

    TempDir out;
    app::ReportController c(QString::fromStdString(out.path().string()));
    c.setStore(planning.store.get());
    CHECK(c.planningHome());  // known without building a report: Main.qml picks the home by it
    CHECK_FALSE(c.available());
    c.setActive(true);
    CHECK(c.sourceChoices().size() == 2);  // the two versions; no "cases on this device"
    // The newest is version 2: refused, never shown.
    CHECK_FALSE(c.available());
    CHECK(c.message().contains(QStringLiteral("Schutzregeln")));
    CHECK(c.exportAs(QStringLiteral("csv")).isEmpty());

    c.setSource(QString::fromStdString(*v1));
    REQUIRE(c.available());
    CHECK(c.showsPublished());
    CHECK(c.shownSource() == QString::fromStdString(*v1));
    const std::size_t audited = planning.store->status().audit_entries;
    const QString path = c.exportAs(QStringLiteral("csv"));
    REQUIRE_FALSE(path.isEmpty());
    CHECK(path.endsWith(QStringLiteral("/Bedarfsbericht_2026-01_2026-12_v1.csv")));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().toStdString() == reports::to_csv(*good));
    CHECK(planning.store->status().audit_entries == audited + 1);
    // The PDF of a published report, as the planner files it.
    CHECK(c.exportAs(QStringLiteral("pdf")).endsWith(QStringLiteral("_v1.pdf")));

    // The caseworker's device is no planning home; its first source is its own cases.
    app::ReportController mine(QString::fromStdString(out.path().string()));
    mine.setYear(2026);
    mine.setActive(true);
    mine.setStore(team.store.get());
    CHECK_FALSE(mine.planningHome());
    REQUIRE(mine.available());
    CHECK_FALSE(mine.showsPublished());
    CHECK(mine.sourceChoices().size() == 3);
}
