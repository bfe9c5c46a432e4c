// Sealed-store throughput next to plain SQLite, in one process, interleaved run by run.
//
//   bench_store [--rows N] [--size BYTES] [--runs R] [--txn-rows M] [--tmp DIR] [--no-peer-pragmas]
//               [--store-only]   (for profiling: the store's phases alone, no baseline, no ratios)
//
// Per run (fresh temporary directory under --tmp, removed afterwards), in this order:
//   1. plain SQLite with the store's pragmas (sync::Database::open: WAL, synchronous=FULL,
//      secure_delete=ON, temp_store=MEMORY, ...): notes(id INTEGER PRIMARY KEY, data BLOB);
//      N inserts through one prepared statement in ONE transaction, timed BEGIN..end of COMMIT;
//      read = open a new connection, SELECT id, data ORDER BY id, checksum every byte.
//   2. plain SQLite with the peers' pragmas (WAL, synchronous=NORMAL only), the same workload: the
//      bridge to ../shared/peers (sqlbench.c), whose SQLCipher figures use these pragmas.
//   3. the sealed store: Store::create (fast KDF, timed apart), one Writer with N set() calls and
//      commit() (seal, hash, sign the commit, SQLite transaction, fold into memory); then the Store
//      is destroyed and read = Store::open (KDF, keys, fold of every op) + list() + checksum of every
//      value. Also timed: Store::open of an empty store with the same KDF (the fixed part).
//   4. per-put transactions (what the CLI and the UI do): M commits of one record each, plain SQLite
//      (store pragmas, one BEGIN IMMEDIATE..COMMIT per row) and the store (one Writer per record).
// Values: N × SIZE bytes of random printable ASCII (all 95 characters, ~6.6 bits of entropy per
// byte, so neither SQLite nor anything else can shrink them much), generated before any timing; the
// same bytes go to plain SQLite (as BLOB) and to the store (as UTF-8 text values).
//
// Next to each timed phase's wall time the CPU time of the process over it (all threads) is
// reported: the store seals and opens envelopes on every core (docs/store.md), so its CPU time can
// exceed its wall time; on a loaded machine the difference shows how much a second core was free.
// Output: one line per run, `RESULT <label> <metric> min=… median=… max=…` lines (the format of
// ../shared/peers/summarize.py; metric names match sqlbench.c where they mean the same thing), and a
// readable table with the ratios to plain SQLite. It prints figures; it asserts nothing about time,
// but it exits non-zero if any read-back is wrong.
#include "bench_common.h"

#include "sync/core/database.h"
#include "sync/store/store.h"

#include <malloc.h>
#include <sys/resource.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace quartier;

namespace {

// ---- options --------------------------------------------------------------------------------

struct Options {
    long rows = 100000;
    long size = 1024;
    int runs = 5;
    long txn_rows = 2000;
    std::string tmp = "/tmp";
    bool peer_pragmas = true;
    bool store_only = false;  // for profiling: no plain SQLite, no ratios
};

[[noreturn]] void usage(const char* why) {
    const bool help = why == nullptr;
    if (!help) std::fprintf(stderr, "bench_store: %s\n", why);
    std::fprintf(help ? stdout : stderr,
                 "usage: bench_store [--rows N] [--size BYTES] [--runs R] [--txn-rows M] [--tmp DIR] "
                 "[--no-peer-pragmas] [--store-only]\n");
    std::exit(help ? 0 : 2);
}

Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto num = [&](long lo, long hi) {
            if (i + 1 >= argc) usage(("missing value for " + a).c_str());
            char* end = nullptr;
            const long v = std::strtol(argv[++i], &end, 10);
            if (!end || *end || v < lo || v > hi) usage(("bad value for " + a).c_str());
            return v;
        };
        if (a == "--rows") o.rows = num(1, 10'000'000);
        else if (a == "--size") o.size = num(1, 512 * 1024);  // the store's kMaxValueLength
        else if (a == "--runs") o.runs = int(num(1, 100));
        else if (a == "--txn-rows") o.txn_rows = num(0, 1'000'000);
        else if (a == "--tmp") {
            if (i + 1 >= argc) usage("missing value for --tmp");
            o.tmp = argv[++i];
        } else if (a == "--no-peer-pragmas") o.peer_pragmas = false;
        else if (a == "--store-only") o.store_only = true, o.peer_pragmas = false;
        else if (a == "--help" || a == "-h") usage(nullptr);
        else usage(("unknown argument " + a).c_str());
    }
    return o;
}

// ---- small helpers --------------------------------------------------------------------------

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// CPU seconds (user + system) this process used so far, all threads: next to a phase's wall time it
// shows how much of the phase ran on a second core (CPU > wall) or waited (CPU < wall).
double cpu_now() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// Before every timed phase (untimed): write back what earlier phases left dirty in the OS page
// cache, so that no phase pays for the previous one's writeback (sqlbench.c does the same per run).
void settle() { ::sync(); }

[[noreturn]] void fatal(const std::string& what) {
    std::fprintf(stderr, "FATAL %s\n", what.c_str());
    std::exit(1);
}

template <class R>
void check(const R& r, const char* what) {
    if (!r) fatal(std::string(what) + ": " + std::string(sync::to_string(r.error())) + " " + r.detail());
}

void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "?";
        sqlite3_free(err);
        fatal(std::string("exec [") + sql + "]: " + msg);
    }
}

// Touches every byte: xor of the 8-byte words (and the tail), plus the length. Summed over rows it
// does not depend on the order, so the store (listed by id string) and SQLite (by rowid) compare.
std::uint64_t fold_bytes(const void* data, std::size_t len) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::uint64_t acc = 0;
    std::size_t k = 0;
    for (; k + 8 <= len; k += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + k, 8);
        acc ^= w;
    }
    for (; k < len; ++k) acc ^= std::uint64_t(p[k]) << (8 * (k % 8));
    return acc + len;
}

// /proc/self/status fields in KiB.
long proc_status_kib(const char* field) {
    std::ifstream f("/proc/self/status");
    std::string line;
    const std::size_t n = std::strlen(field);
    while (std::getline(f, line))
        if (line.compare(0, n, field) == 0 && line.size() > n && line[n] == ':') return std::atol(line.c_str() + n + 1);
    return -1;
}
// Resets VmHWM to the current RSS (Linux ≥ 4.0); false if the kernel refuses.
bool reset_peak_rss() {
    std::ofstream f("/proc/self/clear_refs");
    f << "5";
    f.flush();
    return bool(f);
}

struct Stats {
    double min = 0, median = 0, max = 0;
};
Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.min = v.front();
    s.max = v.back();
    const std::size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    return s;
}

// ---- data -----------------------------------------------------------------------------------

struct Data {
    std::vector<std::string> ids;     // "n<i>": the store's record ids
    std::vector<std::string> values;  // the same bytes for both
    std::uint64_t checksum = 0;       // sum of fold_bytes over all values
    double mb = 0;                    // total value bytes / 1e6
};

Data make_data(long rows, long size) {
    Data d;
    d.ids.reserve(rows);
    d.values.reserve(rows);
    std::mt19937_64 rng(0x9E3779B97F4A7C15ull);
    for (long i = 0; i < rows; ++i) {
        std::string id = std::to_string(i);
        d.ids.push_back(std::string(1, 'n').append(id));
        std::string v(std::size_t(size), ' ');
        // 64-bit draws reduced mod 95: the bias (< 2^-57) is far below anything measurable.
        for (auto& c : v) c = char(0x20 + rng() % 95);
        d.checksum += fold_bytes(v.data(), v.size());
        d.values.push_back(std::move(v));
    }
    d.mb = double(rows) * double(size) / 1e6;
    return d;
}

// ---- plain SQLite ---------------------------------------------------------------------------

enum class Pragmas { Store, Peers };

// Store: exactly the connection the store opens (sync::Database::open). Peers: sqlbench.c's
// connection (WAL, synchronous=NORMAL, nothing else).
struct PlainDb {
    sync::Database store_db;  // owns the handle for Pragmas::Store
    sqlite3* raw = nullptr;   // owned for Pragmas::Peers
    sqlite3* h = nullptr;

    PlainDb(const fs::path& file, bool create, Pragmas p) {
        if (p == Pragmas::Store) {
            auto db = sync::Database::open(file, create);
            check(db, "open plain database");
            store_db = std::move(*db);
            h = store_db.handle();
        } else {
            const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
            if (sqlite3_open_v2(file.c_str(), &raw, flags, nullptr) != SQLITE_OK) fatal("open plain database");
            h = raw;
            exec(h, "PRAGMA journal_mode=WAL");
            exec(h, "PRAGMA synchronous=NORMAL");
        }
    }
    ~PlainDb() {
        if (raw) sqlite3_close_v2(raw);
    }
    PlainDb(const PlainDb&) = delete;
    PlainDb& operator=(const PlainDb&) = delete;
};

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) fatal(std::string("prepare: ") + sqlite3_errmsg(db));
    return st;
}

struct PlainRun {
    double insert_s = 0, commit_s = 0, scan_s = 0, open_ms = 0;
    double insert_cpu_s = 0, scan_cpu_s = 0;  // CPU time of the same phases
    std::uintmax_t db_bytes = 0;  // the database file after the write and close
};

PlainRun plain_bulk(const fs::path& dir, const Data& d, Pragmas p) {
    PlainRun r;
    const fs::path file = dir / (p == Pragmas::Store ? "plain-store-pragmas.db" : "plain-peer-pragmas.db");
    {
        PlainDb db(file, true, p);
        exec(db.h, "CREATE TABLE notes(id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
        sqlite3_stmt* ins = prepare(db.h, "INSERT INTO notes(id, data) VALUES(?1, ?2)");
        settle();
        const double c0 = cpu_now();
        const auto t0 = Clock::now();
        exec(db.h, "BEGIN");
        for (std::size_t i = 0; i < d.values.size(); ++i) {
            sqlite3_bind_int64(ins, 1, std::int64_t(i + 1));
            sqlite3_bind_blob64(ins, 2, d.values[i].data(), d.values[i].size(), SQLITE_STATIC);
            if (sqlite3_step(ins) != SQLITE_DONE) fatal(std::string("insert: ") + sqlite3_errmsg(db.h));
            sqlite3_reset(ins);
        }
        const auto tc = Clock::now();
        exec(db.h, "COMMIT");
        r.insert_s = since(t0);
        r.insert_cpu_s = cpu_now() - c0;
        r.commit_s = since(tc);
        sqlite3_finalize(ins);
    }
    std::error_code ec;
    r.db_bytes = fs::file_size(file, ec);
    // Read: a new connection (cold SQLite page cache, warm OS cache), timed from the open.
    settle();
    const double c0 = cpu_now();
    const auto t0 = Clock::now();
    PlainDb db(file, false, p);
    // First access (schema read), as sqlbench.c's "open_first_access".
    const auto tf = Clock::now();
    exec(db.h, "SELECT count(*) FROM sqlite_master");
    r.open_ms = since(tf) * 1e3;
    sqlite3_stmt* sel = prepare(db.h, "SELECT id, data FROM notes ORDER BY id");
    std::uint64_t sum = 0;
    long n = 0;
    int rc;
    while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
        const void* blob = sqlite3_column_blob(sel, 1);
        const int len = sqlite3_column_bytes(sel, 1);
        sum += fold_bytes(blob, std::size_t(len));
        if (sqlite3_column_int64(sel, 0) != n + 1) fatal("plain read: ids out of order");
        ++n;
    }
    r.scan_s = since(t0);
    r.scan_cpu_s = cpu_now() - c0;
    if (rc != SQLITE_DONE) fatal(std::string("select: ") + sqlite3_errmsg(db.h));
    sqlite3_finalize(sel);
    if (n != long(d.values.size()) || sum != d.checksum) fatal("plain read-back differs from the input");
    return r;
}

// One BEGIN IMMEDIATE..COMMIT per row (store pragmas: synchronous=FULL syncs the WAL every commit).
double plain_per_txn(const fs::path& dir, const Data& d, long rows) {
    PlainDb db(dir / "plain-per-txn.db", true, Pragmas::Store);
    exec(db.h, "CREATE TABLE notes(id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
    sqlite3_stmt* ins = prepare(db.h, "INSERT INTO notes(id, data) VALUES(?1, ?2)");
    settle();
    const auto t0 = Clock::now();
    for (long i = 0; i < rows; ++i) {
        exec(db.h, "BEGIN IMMEDIATE");
        sqlite3_bind_int64(ins, 1, i + 1);
        sqlite3_bind_blob64(ins, 2, d.values[i].data(), d.values[i].size(), SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) fatal(std::string("insert: ") + sqlite3_errmsg(db.h));
        sqlite3_reset(ins);
        exec(db.h, "COMMIT");
    }
    const double s = since(t0);
    sqlite3_finalize(ins);
    return s;
}

// ---- the sealed store -----------------------------------------------------------------------

constexpr std::string_view kPassphrase = "correct horse battery staple";
const crypto::PwhashParams kFastKdf{1, 8u << 20};  // ~10 ms: the KDF is reported apart

struct StoreRun {
    double create_ms = 0;   // Store::create of an empty store (KDF, keys, schema)
    double set_s = 0;       // N × Writer::set
    double commit_s = 0;    // Writer::commit: seal, hash, sign, SQLite transaction, fold
    double insert_s = 0;    // set_s + commit_s
    double close_ms = 0;    // ~Store after the write
    double open_s = 0;      // Store::open of the full store (KDF, keys, fold of every op)
    double list_s = 0;      // list() + checksum of every value
    double scan_s = 0;      // open_s + list_s: the "read"
    double insert_cpu_s = 0, scan_cpu_s = 0;  // CPU time of the same phases, all threads
    double empty_open_ms = 0;
    double rss_before_mib = 0, rss_peak_mib = 0;  // around the read; peak is VmHWM after it
    bool peak_reset = false;
    std::uintmax_t db_bytes = 0;  // store.db (+ WAL, if any) after the write and close
};

StoreRun store_bulk(const fs::path& dir, const Data& d) {
    StoreRun r;
    const fs::path sdir = dir / "store";
    {
        auto t0 = Clock::now();
        auto s = sync::Store::create(sdir, kPassphrase, kFastKdf);
        check(s, "Store::create");
        r.create_ms = since(t0) * 1e3;
        sync::Writer w(**s);
        settle();
        const double c0 = cpu_now();
        t0 = Clock::now();
        for (std::size_t i = 0; i < d.values.size(); ++i) check(w.set("note", d.ids[i], "text", d.values[i]), "Writer::set");
        r.set_s = since(t0);
        const auto tc = Clock::now();
        check(w.commit(), "Writer::commit");
        r.commit_s = since(tc);
        r.insert_s = since(t0);
        r.insert_cpu_s = cpu_now() - c0;
        const auto tx = Clock::now();
        s->reset();
        r.close_ms = since(tx) * 1e3;
        for (const char* f : {"store.db", "store.db-wal"}) {  // a clean close leaves no WAL
            std::error_code ec;
            const auto n = fs::file_size(sdir / f, ec);
            if (!ec) r.db_bytes += n;
        }
    }
    ::malloc_trim(0);
    r.peak_reset = reset_peak_rss();
    r.rss_before_mib = double(proc_status_kib("VmRSS")) / 1024.0;
    settle();
    {
        const double c0 = cpu_now();
        const auto t0 = Clock::now();
        auto s = sync::Store::open(sdir, kPassphrase);
        check(s, "Store::open");
        r.open_s = since(t0);
        const auto tl = Clock::now();
        const std::vector<const sync::Record*> recs = (*s)->list("note");
        std::uint64_t sum = 0;
        for (const sync::Record* rec : recs) {
            auto f = rec->fields.find("text");
            if (f == rec->fields.end()) fatal("store read: a record has no text");
            const std::string& v = f->second.winner().value;
            sum += fold_bytes(v.data(), v.size());
        }
        r.list_s = since(tl);
        r.scan_s = since(t0);
        r.scan_cpu_s = cpu_now() - c0;
        r.rss_peak_mib = double(proc_status_kib("VmHWM")) / 1024.0;
        if (recs.size() != d.values.size()) fatal("store read: " + std::to_string(recs.size()) + " records");
        if (sum != d.checksum) fatal("store read: values differ from the input (checksum)");
        if (!(*s)->problems().empty()) fatal("store read: problems: " + (*s)->problems().front().error);
        // A sample, by id: first, last and every 997th.
        for (std::size_t i = 0; i < d.values.size(); i = i + 997 < d.values.size() || i == d.values.size() - 1 ? i + 997 : d.values.size() - 1) {
            const sync::Record* rec = (*s)->get(d.ids[i]);
            if (!rec || rec->type != "note" || rec->value("text") != d.values[i]) fatal("store read: record " + d.ids[i] + " differs");
            if (i == d.values.size() - 1) break;
        }
    }
    // The fixed part of a read: opening an empty store with the same KDF.
    {
        const fs::path edir = dir / "empty";
        check(sync::Store::create(edir, kPassphrase, kFastKdf), "Store::create (empty)");
        settle();
        const auto t0 = Clock::now();
        auto s = sync::Store::open(edir, kPassphrase);
        check(s, "Store::open (empty)");
        r.empty_open_ms = since(t0) * 1e3;
    }
    return r;
}

// One Writer (one commit: one signature, one SQLite transaction) per record.
double store_per_txn(const fs::path& dir, const Data& d, long rows) {
    auto s = sync::Store::create(dir / "store-per-txn", kPassphrase, kFastKdf);
    check(s, "Store::create");
    settle();
    const auto t0 = Clock::now();
    for (long i = 0; i < rows; ++i) {
        sync::Writer w(**s);
        check(w.set("note", d.ids[i], "text", d.values[i]), "Writer::set");
        check(w.commit(), "Writer::commit");
    }
    const double t = since(t0);
    if ((*s)->list("note").size() != std::size_t(rows)) fatal("store per-txn: wrong record count");
    return t;
}

// ---- reporting ------------------------------------------------------------------------------

struct Series {
    std::vector<std::pair<std::string, std::vector<double>>> metrics;  // in insertion order
    std::vector<double>& operator[](const std::string& m) {
        for (auto& [k, v] : metrics)
            if (k == m) return v;
        metrics.emplace_back(m, std::vector<double>());
        return metrics.back().second;
    }
    Stats get(const std::string& m) { return stats((*this)[m]); }
};

// One bulk run (write N, read N) into `s`: the write's time, rows/s and MB/s, `phases` (the parts
// of the write), the read's time, `cpu` (CPU times), the read's rows/s and MB/s, then `tail`. The
// order is that of the RESULT lines, and the names sqlbench.c's where they mean the same.
using Figures = std::initializer_list<std::pair<const char*, double>>;
void record_bulk(Series& s, const Data& d, double insert_s, double scan_s, Figures phases, Figures cpu, Figures tail) {
    const double n = double(d.values.size());
    s["insert_s"].push_back(insert_s);
    s["insert_rows_per_s"].push_back(n / insert_s);
    s["insert_MB_per_s"].push_back(d.mb / insert_s);
    for (const auto& [metric, v] : phases) s[metric].push_back(v);
    s["scan_s"].push_back(scan_s);
    for (const auto& [metric, v] : cpu) s[metric].push_back(v);
    s["scan_rows_per_s"].push_back(n / scan_s);
    s["scan_MB_per_s"].push_back(d.mb / scan_s);
    for (const auto& [metric, v] : tail) s[metric].push_back(v);
}

void print_results(const std::string& label, Series& s) {
    for (auto& [metric, v] : s.metrics) {
        const Stats st = stats(v);
        std::printf("RESULT %s %s min=%.2f median=%.2f max=%.2f\n", label.c_str(), metric.c_str(), st.min, st.median, st.max);
    }
}

std::string fmt(double v, int nd = 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", nd, v);
    // Thousands separators in the integer part.
    const std::string s = buf;
    std::size_t dot = s.find('.');
    if (dot == std::string::npos) dot = s.size();
    const std::size_t start = s[0] == '-' ? 1 : 0;
    std::string out = s.substr(0, start);
    for (std::size_t i = start; i < dot; ++i) {
        out += s[i];
        const std::size_t left = dot - i - 1;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    out += s.substr(dot);
    return out;
}
std::string mmm(const Stats& st, int nd = 0) {
    return fmt(st.min, nd) + " / " + fmt(st.median, nd) + " / " + fmt(st.max, nd);
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse_args(argc, argv);
    if (!crypto::init()) fatal("libsodium failed to initialise");
    if (o.txn_rows > o.rows) usage("--txn-rows must not exceed --rows");

    std::printf("# bench_store rows=%ld size=%ld runs=%d txn_rows=%ld tmp=%s sqlite=%s pid=%d\n", o.rows, o.size, o.runs,
                o.txn_rows, o.tmp.c_str(), sqlite3_libversion(), int(::getpid()));
    std::printf("# kdf for the store: Argon2id opslimit=%llu memlimit=%llu MiB (fast on purpose; reported apart)\n",
                (unsigned long long)kFastKdf.opslimit, (unsigned long long)(kFastKdf.memlimit >> 20));
    const auto tg = Clock::now();
    const Data d = make_data(o.rows, o.size);
    std::printf("# generated %ld values of %ld random printable bytes in %.2f s\n", o.rows, o.size, since(tg));
    std::fflush(stdout);

    Series plain, peer, store, ratio;
    const std::string plain_label = "sqlite-plain-store-pragmas";
    const std::string peer_label = "sqlite-plain-peer-pragmas";
    const std::string store_label = "quartier-store";
    for (int run = 0; run < o.runs; ++run) {
        bench::TempDir tmp(o.tmp, "quartier-bench-");  // a fresh directory under --tmp per run
        // Interleaved: plain, (peer pragmas), store, then the per-put-transaction pair.
        if (o.store_only) {
            const StoreRun s = store_bulk(tmp.path(), d);
            const double st = o.txn_rows > 0 ? store_per_txn(tmp.path(), d, o.txn_rows) : 0;
            std::printf("run %d: store insert %.3f s (set %.3f + commit %.3f; cpu %.3f) read %.3f s (open+fold %.3f + list %.3f;"
                        " cpu %.3f) empty open %.1f ms per-txn %.3f s\n", run, s.insert_s, s.set_s, s.commit_s, s.insert_cpu_s,
                        s.scan_s, s.open_s, s.list_s, s.scan_cpu_s, s.empty_open_ms, st);
            std::fflush(stdout);
            continue;
        }
        const PlainRun p = plain_bulk(tmp.path(), d, Pragmas::Store);
        PlainRun q;
        if (o.peer_pragmas) q = plain_bulk(tmp.path(), d, Pragmas::Peers);
        const StoreRun s = store_bulk(tmp.path(), d);
        double p_txn = 0, s_txn = 0;
        if (o.txn_rows > 0) {
            p_txn = plain_per_txn(tmp.path(), d, o.txn_rows);
            s_txn = store_per_txn(tmp.path(), d, o.txn_rows);
        }

        const double n = double(o.rows);
        record_bulk(plain, d, p.insert_s, p.scan_s, {{"commit_checkpoint_s", p.commit_s}},
                    {{"insert_cpu_s", p.insert_cpu_s}, {"scan_cpu_s", p.scan_cpu_s}},
                    {{"open_first_access_ms", p.open_ms}, {"db_MB", double(p.db_bytes) / 1e6}});
        if (o.txn_rows > 0) plain["per_txn_rows_per_s"].push_back(double(o.txn_rows) / p_txn);
        if (o.peer_pragmas)
            record_bulk(peer, d, q.insert_s, q.scan_s, {{"commit_checkpoint_s", q.commit_s}}, {}, {{"open_first_access_ms", q.open_ms}});
        record_bulk(store, d, s.insert_s, s.scan_s, {{"set_phase_s", s.set_s}, {"commit_phase_s", s.commit_s}},
                    {{"insert_cpu_s", s.insert_cpu_s}, {"scan_cpu_s", s.scan_cpu_s}},
                    {{"open_fold_s", s.open_s}, {"list_touch_s", s.list_s}, {"open_first_access_ms", s.empty_open_ms},
                     {"create_ms", s.create_ms}, {"close_after_write_ms", s.close_ms}, {"db_MB", double(s.db_bytes) / 1e6},
                     {"rss_before_read_MiB", s.rss_before_mib}, {"rss_peak_read_MiB", s.rss_peak_mib}});
        if (o.txn_rows > 0) store["per_txn_rows_per_s"].push_back(double(o.txn_rows) / s_txn);
        ratio["write"].push_back(p.insert_s / s.insert_s);
        ratio["read"].push_back(p.scan_s / s.scan_s);
        if (o.txn_rows > 0) ratio["per_txn_write"].push_back(p_txn / s_txn);

        std::printf("run %d: plain insert %.3f s (%s rows/s) read %.3f s (%s rows/s)", run, p.insert_s,
                    fmt(n / p.insert_s).c_str(), p.scan_s, fmt(n / p.scan_s).c_str());
        if (o.peer_pragmas)
            std::printf(" | peer-pragmas insert %.3f s read %.3f s", q.insert_s, q.scan_s);
        std::printf(" | store insert %.3f s (set %.3f + commit %.3f; %s rows/s) read %.3f s (open+fold %.3f + list %.3f; "
                    "%s rows/s) empty open %.1f ms | ratio write %.2f read %.2f | cpu s: plain %.3f / %.3f store %.3f / %.3f",
                    s.insert_s, s.set_s, s.commit_s, fmt(n / s.insert_s).c_str(), s.scan_s, s.open_s, s.list_s,
                    fmt(n / s.scan_s).c_str(), s.empty_open_ms, p.insert_s / s.insert_s, p.scan_s / s.scan_s, p.insert_cpu_s,
                    p.scan_cpu_s, s.insert_cpu_s, s.scan_cpu_s);
        if (o.txn_rows > 0)
            std::printf(" | per-txn plain %s/s store %s/s", fmt(double(o.txn_rows) / p_txn).c_str(),
                        fmt(double(o.txn_rows) / s_txn).c_str());
        std::printf(" | peak RSS %.0f MiB%s\n", s.rss_peak_mib, s.peak_reset ? "" : " (VmHWM not reset: process peak)");
        std::fflush(stdout);
    }

    if (o.store_only) return 0;
    print_results(plain_label, plain);
    if (o.peer_pragmas) print_results(peer_label, peer);
    print_results(store_label, store);
    print_results("ratio-store-to-plain", ratio);

    // Readable table: min / median / max; ratios are median ÷ median (as in the peers' tables).
    const double pw = plain.get("insert_rows_per_s").median, sw = store.get("insert_rows_per_s").median;
    const double pr = plain.get("scan_rows_per_s").median, sr = store.get("scan_rows_per_s").median;
    std::printf("\n%ld records × %ld B, %d runs; min / median / max\n\n", o.rows, o.size, o.runs);
    std::printf("| config | write rows/s | write MB/s | read rows/s | read MB/s |\n|---|---|---|---|---|\n");
    std::printf("| plain SQLite, store pragmas (sync=FULL) | %s | %s | %s | %s |\n", mmm(plain.get("insert_rows_per_s")).c_str(),
                mmm(plain.get("insert_MB_per_s"), 1).c_str(), mmm(plain.get("scan_rows_per_s")).c_str(),
                mmm(plain.get("scan_MB_per_s"), 1).c_str());
    if (o.peer_pragmas)
        std::printf("| plain SQLite, peers' pragmas (sync=NORMAL) | %s | %s | %s | %s |\n", mmm(peer.get("insert_rows_per_s")).c_str(),
                    mmm(peer.get("insert_MB_per_s"), 1).c_str(), mmm(peer.get("scan_rows_per_s")).c_str(),
                    mmm(peer.get("scan_MB_per_s"), 1).c_str());
    std::printf("| Quartier sealed store | %s | %s | %s | %s |\n", mmm(store.get("insert_rows_per_s")).c_str(),
                mmm(store.get("insert_MB_per_s"), 1).c_str(), mmm(store.get("scan_rows_per_s")).c_str(),
                mmm(store.get("scan_MB_per_s"), 1).c_str());
    std::printf("\n| ratio store ÷ plain (store pragmas) | median ÷ median | per-run min / median / max | target |\n|---|---|---|---|\n");
    std::printf("| write | %.2f | %s | ≥ 0.60 %s |\n", sw / pw, mmm(ratio.get("write"), 2).c_str(), sw / pw >= 0.6 ? "met" : "MISSED");
    std::printf("| read  | %.2f | %s | ≥ 0.30 %s |\n", sr / pr, mmm(ratio.get("read"), 2).c_str(), sr / pr >= 0.3 ? "met" : "MISSED");
    if (o.txn_rows > 0)
        std::printf("| per-put-transaction write (%ld commits) | %.2f | %s | (none) |\n", o.txn_rows,
                    store.get("per_txn_rows_per_s").median / plain.get("per_txn_rows_per_s").median,
                    mmm(ratio.get("per_txn_write"), 2).c_str());
    std::printf("\nstore phases (median s): write = set %.3f + commit %.3f; read = open+fold %.3f + list+touch %.3f; "
                "Store::open of an empty store %.1f ms; Store::create %.1f ms\n",
                store.get("set_phase_s").median, store.get("commit_phase_s").median, store.get("open_fold_s").median,
                store.get("list_touch_s").median, store.get("open_first_access_ms").median, store.get("create_ms").median);
    std::printf("CPU time, all threads (median s): write plain %.3f, store %.3f; read plain %.3f, store %.3f\n",
                plain.get("insert_cpu_s").median, store.get("insert_cpu_s").median, plain.get("scan_cpu_s").median,
                store.get("scan_cpu_s").median);
    if (o.txn_rows > 0)
        std::printf("per-put transactions (%ld): plain %s rows/s, store %s rows/s\n", o.txn_rows,
                    mmm(plain.get("per_txn_rows_per_s")).c_str(), mmm(store.get("per_txn_rows_per_s")).c_str());
    std::printf("files after the write and close: store %.1f MB, plain SQLite %.1f MB (values %.1f MB); RSS before the read %.0f MiB, peak during it %.0f MiB "
                "(the process also holds the %.0f MB of input)\n",
                store.get("db_MB").median, plain.get("db_MB").median, d.mb, store.get("rss_before_read_MiB").median, store.get("rss_peak_read_MiB").median, d.mb);
    return 0;
}
