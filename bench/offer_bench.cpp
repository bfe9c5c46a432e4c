// The offer map's speed targets (issue 5, docs/benchmarks.md "Offer map"):
//
//   bench_offers [--offers N] [--cases C] [--runs R] [--tmp DIR]
//
// 1. Per keystroke: OfferListModel (the real model the page binds to) over N offers (default
//    10,000: the demo directory plus generated ones). Realistic queries are typed one character
//    at a time, then deleted one character at a time; each keystroke is timed from
//    setSearchText() until the model has reset and the first 12 rows' display roles were read
//    (what a list view asks for on screen). Reported per phase (typing, deleting): median, p95,
//    max over all keystrokes of all runs; also the SearchIndex alone, and a filter change.
// 2. Unlock to case list: a store with C cases (name, social_space, status; default 500) and the N
//    offers, made once with the INTERACTIVE KDF (the floor real stores are kept at). Per run:
//    Store::open, then CaseListModel::setStore and OfferListModel::setStore (both read the store
//    and, for the offers, build the search index). The KDF is timed apart (derive_kek with the same
//    parameters) and subtracted: "open minus KDF" is the store's own work.
//
// Every step is timed twice: wall clock, and this thread's CPU time (CLOCK_THREAD_CPUTIME_ID). On
// a shared machine the wall time includes waiting for a core; the CPU time is the work itself.
// It prints figures and asserts nothing about time; it exits non-zero if a model shows the wrong
// number of rows.
#include "models/caselistmodel.h"
#include "models/offerlistmodel.h"

#include "crypto/crypto.h"
#include "crypto/passphrase.h"
#include "offers/demo_offers.h"
#include "sync/store/store.h"

#include <QGuiApplication>

#include <time.h>

#include <algorithm>
#include <array>
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

struct Options {
    std::size_t offers = 10000;
    std::size_t cases = 500;
    int runs = 20;
    std::string tmp = "/tmp";
};

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--offers")
            o.offers = std::stoul(next());
        else if (a == "--cases")
            o.cases = std::stoul(next());
        else if (a == "--runs")
            o.runs = std::max(1, std::stoi(next()));
        else if (a == "--tmp")
            o.tmp = next();
        else {
            std::fprintf(stderr, "usage: bench_offers [--offers N] [--cases C] [--runs R] [--tmp DIR]\n");
            std::exit(2);
        }
    }
    return o;
}

double ms_since(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// This thread's CPU time in ms: on a shared, loaded machine the wall time includes waiting for a
// core; the CPU time is what the work itself costs.
double cpu_ms()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall and CPU time of one timed step.
struct Samples {
    std::vector<double> wall, cpu;
};

class Timed {
public:
    explicit Timed(Samples& into) : m_into(into), m_wall(Clock::now()), m_cpu(cpu_ms()) {}
    ~Timed()
    {
        m_into.wall.push_back(ms_since(m_wall));
        m_into.cpu.push_back(cpu_ms() - m_cpu);
    }
    Timed(const Timed&) = delete;
    Timed& operator=(const Timed&) = delete;

private:
    Samples& m_into;
    Clock::time_point m_wall;
    double m_cpu;
};

struct Stats {
    double median = 0, p95 = 0, max = 0;
    std::size_t n = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    s.n = v.size();
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, std::size_t(double(v.size()) * 0.95))];
    s.max = v.back();
    return s;
}

void print(const char* label, const Stats& s)
{
    std::printf("%-44s n=%-5zu median=%8.3f ms  p95=%8.3f ms  max=%8.3f ms\n", label, s.n, s.median, s.p95, s.max);
}

void print(const char* label, const Samples& s)
{
    const Stats w = stats(s.wall), c = stats(s.cpu);
    std::printf("%-44s n=%-5zu wall median=%8.3f p95=%8.3f max=%8.3f | cpu median=%8.3f p95=%8.3f max=%8.3f ms\n",
                label, w.n, w.median, w.p95, w.max, c.median, c.p95, c.max);
}

// The first rows a list view shows, read as it reads them.
std::size_t touch_rows(const app::OfferListModel& model)
{
    std::size_t bytes = 0;
    for (int row = 0; row < std::min(12, model.rowCount()); ++row) {
        const QModelIndex i = model.index(row);
        for (int role : {int(app::OfferListModel::NameRole), int(app::OfferListModel::ProviderRole),
                         int(app::OfferListModel::SocialSpaceNameRole), int(app::OfferListModel::AgeLabelRole),
                         int(app::OfferListModel::CostLabelRole)})
            bytes += std::size_t(model.data(i, role).toString().size());
    }
    return bytes;
}

constexpr auto kToday = "2026-11-21";
constexpr auto kPassphrase = "bench passphrase for the offer map";
const crypto::PwhashParams kKdf{2, 64ULL * 1024 * 1024};  // libsodium INTERACTIVE: the store's floor

}  // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const Options o = parse(argc, argv);
    const fs::path dir = fs::path(o.tmp) / ("quartier-offer-bench-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    int status = 0;

    // ---- the store: cases and offers ----------------------------------------------------------
    auto t0 = Clock::now();
    {
        auto created = sync::Store::create(dir / "store", kPassphrase, kKdf);
        if (!created) {
            std::fprintf(stderr, "create: %s\n", created.detail().c_str());
            return 1;
        }
        sync::Store& store = **created;
        static constexpr const char* kSpaces[] = {"Friedrichsgabe/Harksheide-Nord", "Harksheide-Mitte", "Garstedt",
                                                  "Glashütte/Harksheide-Süd"};
        static constexpr const char* kStatus[] = {"new", "active", "clarification", "closed"};
        sync::Writer writer(store);
        for (std::size_t i = 0; i < o.cases; ++i) {
            auto id = writer.set(app::CaseListModel::kType, {}, app::CaseListModel::kName, "Familie " + std::to_string(100000 + i));
            if (!id || !writer.set(app::CaseListModel::kType, *id, app::CaseListModel::kSocialSpace, kSpaces[i % 4]) ||
                !writer.set(app::CaseListModel::kType, *id, app::CaseListModel::kStatus, kStatus[i % 4])) {
                std::fprintf(stderr, "cases: cannot stage\n");
                return 1;
            }
        }
        if (!writer.commit()) {
            std::fprintf(stderr, "cases: cannot commit\n");
            return 1;
        }
        auto demo = offers::seed_demo_offers(store, kToday);
        if (!demo) {
            std::fprintf(stderr, "demo offers: %s\n", demo.detail().c_str());
            return 1;
        }
        const std::size_t generated = o.offers > demo->services ? o.offers - demo->services : 0;
        if (auto r = offers::seed_generated_offers(store, generated, 1, kToday, 2000); !r) {
            std::fprintf(stderr, "generated offers: %s\n", r.detail().c_str());
            return 1;
        }
        if (!store.checkpoint()) {
            std::fprintf(stderr, "checkpoint failed\n");
            return 1;
        }
    }
    std::printf("# store: %zu cases and %zu offers asked for, made in %.1f s (not a benchmark figure)\n", o.cases,
                o.offers, ms_since(t0) / 1000);
    std::printf("# kdf: Argon2id opslimit=%llu memlimit=%llu MiB; runs=%d\n", (unsigned long long)kKdf.opslimit,
                (unsigned long long)(kKdf.memlimit >> 20), o.runs);

    // ---- unlock to case list ------------------------------------------------------------------
    std::vector<double> kdf, open, cases, offersRead, total, ownWork, ownCpu;
    std::array<std::uint8_t, 16> salt{};
    crypto::random_bytes(salt);
    for (int run = 0; run < std::max(3, o.runs / 4); ++run) {
        t0 = Clock::now();
        const double kdfCpu0 = cpu_ms();
        auto kek = crypto::derive_kek(kPassphrase, salt, kKdf);
        kdf.push_back(ms_since(t0));
        const double kdfCpu = cpu_ms() - kdfCpu0;
        if (!kek)
            return 1;

        t0 = Clock::now();
        const double cpu0 = cpu_ms();
        auto store = sync::Store::open(dir / "store", kPassphrase);
        const double openMs = ms_since(t0);
        if (!store) {
            std::fprintf(stderr, "open: %s\n", store.detail().c_str());
            return 1;
        }
        app::CaseListModel caseModel;
        app::OfferListModel offerModel;
        auto t1 = Clock::now();
        caseModel.setStore(store->get());
        const double casesMs = ms_since(t1);
        t1 = Clock::now();
        offerModel.setStore(store->get());
        const double offersMs = ms_since(t1);
        open.push_back(openMs);
        cases.push_back(casesMs);
        offersRead.push_back(offersMs);
        total.push_back(openMs + casesMs + offersMs);
        ownWork.push_back(openMs - kdf.back() + casesMs + offersMs);
        ownCpu.push_back(cpu_ms() - cpu0 - kdfCpu);
        if (caseModel.rowCount() != int(o.cases) || offerModel.rowCount() < int(o.offers)) {
            std::fprintf(stderr, "wrong rows: %d cases, %d offers\n", caseModel.rowCount(), offerModel.rowCount());
            status = 1;
        }
        caseModel.setStore(nullptr);
        offerModel.setStore(nullptr);
    }
    std::printf("\n## unlock to case list (%zu cases, %zu offers)\n", o.cases, o.offers);
    print("KDF alone (derive_kek, same parameters)", stats(kdf));
    print("Store::open (KDF included)", stats(open));
    print("CaseListModel::setStore", stats(cases));
    print("OfferListModel::setStore (read + index)", stats(offersRead));
    print("total: open + both models", stats(total));
    print("total minus the KDF (target < 1000 ms)", stats(ownWork));
    print("  the same in CPU time of this thread", stats(ownCpu));

    // ---- per keystroke --------------------------------------------------------------------------
    auto store = sync::Store::open(dir / "store", kPassphrase);
    if (!store)
        return 1;
    app::OfferListModel model;
    model.setToday([] { return QDate(2026, 11, 21); });
    model.setStore(store->get());
    std::printf("\n## per keystroke over %d offers (model: setSearchText + reset + 12 rows read)\n", model.totalCount());
    const std::vector<std::string> queries = {"fussball kinder", "beratung trennung", "kita garstedt",
                                              "mädchen", "eltern kochgruppe", "hausaufgabenhilfe"};
    Samples typing, deleting, firstKey, indexTyping, indexDeleting, filterMs;
    std::size_t sink = 0;
    offers::SearchIndex index(model.catalogue());
    for (int run = 0; run < o.runs; ++run) {
        for (const std::string& q : queries) {
            // Characters, not bytes: "ä" is one key.
            const QString full = QString::fromStdString(q);
            for (int n = 1; n <= full.size(); ++n) {
                const QString typed = full.left(n);
                {
                    Timed t(n == 1 ? firstKey : typing);
                    model.setSearchText(typed);
                    sink += touch_rows(model);
                }
                Timed t(indexTyping);
                sink += index.search(typed.toStdString(), {}).size();
            }
            for (int n = int(full.size()) - 1; n >= 0; --n) {
                const QString typed = full.left(n);
                {
                    Timed t(deleting);
                    model.setSearchText(typed);
                    sink += touch_rows(model);
                }
                Timed t(indexDeleting);
                sink += index.search(typed.toStdString(), {}).size();
            }
        }
    }
    print("model: first key of a query (full scan)", firstKey);
    print("model: typing, later keys (narrowing)", typing);
    print("model: deleting (cached answers)", deleting);
    Samples all = typing;
    for (const Samples* more : {&firstKey, &deleting}) {
        all.wall.insert(all.wall.end(), more->wall.begin(), more->wall.end());
        all.cpu.insert(all.cpu.end(), more->cpu.begin(), more->cpu.end());
    }
    print("model: every keystroke (target < 16 ms)", all);
    print("SearchIndex alone: typing", indexTyping);
    print("SearchIndex alone: deleting", indexDeleting);

    // A filter chip tapped while a query stands: the text answer is cached, the filter re-applied.
    model.setSearchText(QStringLiteral("kinder"));
    for (int run = 0; run < o.runs; ++run) {
        for (const char* category : {"sports", "group", "counselling", ""}) {
            Timed t(filterMs);
            model.setCategory(QString::fromLatin1(category));
            sink += touch_rows(model);
        }
    }
    print("model: filter chip with a query standing", filterMs);
    std::printf("# (checksum %zu)\n", sink);

    model.setStore(nullptr);
    store->reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
    return status;
}
