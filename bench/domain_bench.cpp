// The domain layer at scale: writing generated cases through the checks, and reading a case page.
//
//   bench_domain [--cases N] [--runs R] [--tmp DIR]
//
// Per run (fresh store under --tmp, fast KDF, removed afterwards):
//   write   write_scale_cases(N): every record checked and saved through a Batch, one commit per case
//   reopen  Store::open: key file, snapshot-less fold of every op
//   page    for every case, what the case page reads: members, contact events, notes, will
//           statements, goals and each goal's steps, resources, network maps, feedback, current
//           risk, requirements, mandates, measures; the mean per case is printed
//   list    Repository::cases() (the case list)
// It prints figures and asserts nothing about time; it exits non-zero if what it reads back does
// not have the shape it wrote (N cases, 4 visits and 4 goals each).
#include "domain/demo_families.h"
#include "sync/store/store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace quartier;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Figures {
    std::vector<double> write, reopen, page, list;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t cases = 1000;
    int runs = 3;
    std::string tmp = "/tmp";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--cases" && i + 1 < argc) cases = std::size_t(std::atol(argv[++i]));
        else if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
        else if (a == "--tmp" && i + 1 < argc) tmp = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_domain [--cases N] [--runs R] [--tmp DIR]\n");
            return 2;
        }
    }
    const crypto::PwhashParams kdf{1, 8u << 20};
    Figures fig;
    std::size_t records = 0, ops = 0;
    for (int run = 0; run < runs; ++run) {
        std::random_device rd;
        const fs::path dir = fs::path(tmp) / ("quartier-bench-domain-" + std::to_string(rd()));
        {
            auto store = sync::Store::create(dir, "bench passphrase", kdf);
            if (!store) return std::fprintf(stderr, "create: %s\n", store.detail().c_str()), 1;
            domain::Repository repo(**store);
            std::vector<std::string> services;
            for (const char* category : {"family_centre", "youth_work", "counselling", "daycare"}) {
                sync::Writer w(**store);
                auto id = w.set("service", {}, "category", category);
                if (!id || !w.commit()) return std::fprintf(stderr, "service\n"), 1;
                services.push_back(*id);
            }
            auto t = Clock::now();
            auto written = domain::write_scale_cases(repo, cases, 42 + std::uint64_t(run), services);
            fig.write.push_back(ms_since(t));
            if (!written) return std::fprintf(stderr, "write: %s\n", written.detail().c_str()), 1;
            records = written->records;
            ops = (*store)->status().ops;
        }
        auto t = Clock::now();
        auto store = sync::Store::open(dir, "bench passphrase");
        fig.reopen.push_back(ms_since(t));
        if (!store) return std::fprintf(stderr, "open: %s\n", store.detail().c_str()), 1;
        domain::Repository repo(**store);
        t = Clock::now();
        const auto all = repo.cases();
        fig.list.push_back(ms_since(t));
        if (all.size() != cases) return std::fprintf(stderr, "read back %zu cases, wrote %zu\n", all.size(), cases), 1;
        t = Clock::now();
        std::size_t seen = 0;
        for (const domain::Case& c : all) {
            seen += repo.members(c.id).size();
            const auto visits = repo.contact_events(c.id);
            const auto goals = repo.goals(c.id);
            if (visits.size() != 4 || goals.size() != 4) return std::fprintf(stderr, "case %s: wrong shape\n", c.id.c_str()), 1;
            seen += repo.notes(c.id).size() + repo.will_statements(c.id).size();
            for (const domain::Goal& g : goals) seen += repo.action_steps(g.id).size();
            seen += repo.resources(c.id).size() + repo.network_maps(c.id).size() + repo.service_feedback(c.id).size();
            seen += repo.current_risk(c.id) ? 1 : 0;
            seen += repo.requirements(c.id).size() + repo.mandates(c.id).size() + repo.measures(c.id).size();
        }
        fig.page.push_back(ms_since(t) / double(cases));
        std::printf("run %d: write %.0f ms, reopen %.0f ms, case list %.1f ms, case page %.2f ms (%zu records read)\n", run + 1,
                    fig.write.back(), fig.reopen.back(), fig.list.back(), fig.page.back(), seen);
        store->reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::printf("\n%zu cases, %zu records, %zu ops; median of %d runs:\n", cases, records, ops, runs);
    std::printf("RESULT domain write_ms median=%.0f\n", median(fig.write));
    std::printf("RESULT domain write_per_case_ms median=%.2f\n", median(fig.write) / double(cases));
    std::printf("RESULT domain reopen_ms median=%.0f\n", median(fig.reopen));
    std::printf("RESULT domain case_list_ms median=%.1f\n", median(fig.list));
    std::printf("RESULT domain case_page_ms median=%.2f\n", median(fig.page));
    return 0;
}
