// The planning reports at scale: the Bedarfsbericht and the Fallzahlen over N generated cases with
// A feedback answers each (default 5,000 and 4: 20,000 answers), written through the real
// repository and store (reports::write_population: domain::Batch, one commit and one case scope
// per case) into a store with the demo offer map.
//
//   bench_reports [--cases N] [--answers A] [--runs R] [--tmp DIR]
//
// Per run, on the same store:
//   cold    a new domain::Repository (its record index built on the first query), then
//           build_demand and build_cases for two years (2025-01..2026-12, all social spaces, with
//           secondary suppression) and both exports (JSON and CSV) of each
//   warm    the same on the Repository of the cold run (index built)
// Prints the median (and min/max) of R runs and /proc/loadavg before and after. It asserts nothing
// about time; it exits non-zero if a report is refused or the store does not hold what was written.
#include "bench_common.h"

#include "domain/repository.h"
#include "offers/demo_offers.h"
#include "reports/export.h"
#include "reports/generate.h"
#include "reports/report.h"
#include "sync/store/store.h"

#include <algorithm>
#include <fstream>
#include <vector>

using namespace quartier;
using quartier::bench::Clock;
using quartier::bench::die;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::string loadavg() {
    std::ifstream f("/proc/loadavg");
    std::string s;
    std::getline(f, s);
    return s;
}

struct Stats {
    double median, min, max;
};
Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.front(), v.back()};
}

// The parts of one build, in ms.
struct Parts {
    double demand = 0, cases = 0, exports = 0;
};

std::size_t reports_once(const domain::Repository& repo, Parts* parts = nullptr) {
    reports::Options o;
    o.from = "2025-01";
    o.to = "2026-12";
    auto t = Clock::now();
    auto demand = reports::build_demand(repo, o);
    if (!demand) die("demand: " + demand.detail());
    if (parts) parts->demand = ms_since(t);
    t = Clock::now();
    auto cases = reports::build_cases(repo, o);
    if (!cases) die("cases: " + cases.detail());
    if (parts) parts->cases = ms_since(t);
    t = Clock::now();
    const std::size_t bytes = reports::to_json(*demand).size() + reports::to_csv(*demand).size() +
                              reports::to_json(*cases).size() + reports::to_csv(*cases).size();
    if (parts) parts->exports = ms_since(t);
    return bytes;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t cases = 5000, answers = 4;
    int runs = 5;
    std::string tmp = "/tmp";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--cases" && i + 1 < argc) cases = std::size_t(std::atol(argv[++i]));
        else if (a == "--answers" && i + 1 < argc) answers = std::size_t(std::atol(argv[++i]));
        else if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--tmp" && i + 1 < argc) tmp = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_reports [--cases N] [--answers A] [--runs R] [--tmp DIR]\n");
            return 2;
        }
    }
    bench::TempDir dir(tmp, "quartier-bench-reports-");
    auto created = sync::Store::create((dir.path() / "store").string(), "bench-passphrase", crypto::PwhashParams{1, 8u << 20});
    if (!created) die("create store");
    sync::Store& store = **created;
    if (!offers::seed_demo_offers(store, "2026-06-01")) die("demo offers");
    reports::Population p;
    p.cases = cases;
    p.answers_per_case = answers;
    p.seed = 2026;
    for (const auto& sp : offers::norderstedt_social_spaces()) p.social_spaces.push_back(sp.name);
    for (const sync::Record* r : store.list(offers::kServiceType)) p.service_ids.push_back(r->id);
    std::printf("load before: %s\n", loadavg().c_str());
    const auto t0 = Clock::now();
    {
        domain::Repository repo(store);
        auto written = reports::write_population(repo, p);
        if (!written) die("write: " + written.detail());
    }
    const double write_ms = ms_since(t0);
    std::size_t feedback = 0, case_records = 0;
    for (const sync::Record* r : store.list("service_feedback"))
        if (r->value("case_id")) ++feedback;
    case_records = store.list("case").size();
    if (case_records != cases || feedback != cases * answers) die("the store does not hold what was written");
    std::printf("written: %zu cases, %zu feedback answers, %zu records in %.1f s (once, not timed below)\n", case_records,
                feedback, store.list().size(), write_ms / 1000);

    std::vector<double> cold, warm, demand_ms, cases_ms, export_ms;
    std::size_t bytes = 0;
    for (int r = 0; r < runs; ++r) {
        auto t = Clock::now();
        domain::Repository repo(store);
        bytes = reports_once(repo);
        cold.push_back(ms_since(t));
        Parts parts;
        t = Clock::now();
        if (reports_once(repo, &parts) != bytes) die("the second build differs from the first");
        warm.push_back(ms_since(t));
        demand_ms.push_back(parts.demand);
        cases_ms.push_back(parts.cases);
        export_ms.push_back(parts.exports);
    }
    const Stats c = stats(cold), w = stats(warm);
    std::printf("both reports + JSON and CSV exports (%zu bytes), %d runs:\n", bytes, runs);
    std::printf("  cold (new Repository, index built): median %.0f ms (min %.0f, max %.0f)\n", c.median, c.min, c.max);
    std::printf("  warm (index built):                 median %.0f ms (min %.0f, max %.0f)\n", w.median, w.min, w.max);
    std::printf("    of which build_demand %.0f ms, build_cases %.0f ms, the four exports %.0f ms (medians)\n",
                stats(demand_ms).median, stats(cases_ms).median, stats(export_ms).median);
    std::printf("load after:  %s\n", loadavg().c_str());
    return 0;
}
