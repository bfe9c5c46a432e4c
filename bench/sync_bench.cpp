// Sync throughput and latency between two devices through the real quartier-server on loopback.
//
//   bench_sync [--runs R] [--n N] [--inc K] [--size BYTES] [--noop-reps M] [--tmp DIR] [--server PATH]
//              [--push-batch B] [--pull-limit L] [--pouch-json FILE]
//              [--pouch-push D/S --pouch-pull D/S --pouch-inc MS --pouch-mib MIB]
//
// Per run (fresh server and stores, in a fresh directory under --tmp, removed afterwards):
//   setup  `quartier-server init`, `serve --listen 127.0.0.1:0` as a child process (TLS, the pinned
//          fingerprint from init's JSON); device A founds the organisation, B is enrolled
//          (offer → request → admit), A makes a team scope and shares it with B, A and B sync.
//          Stores use fast KDF parameters (1 pass, 8 MiB): the KDF is not what is measured here.
//   write  A writes N records of SIZE bytes of random printable text (type "case", field "text",
//          in the team scope) in one Writer and one commit. Timed for reference, not part of push.
//   (a)    push: A's SyncClient::push() alone (outbox → POST /v1/push batches → acknowledge)
//   (a')   A's next sync(): the client skips its own N envelopes when the push answer shows they are
//          all that lies between its cursor and the server's head, else pulls them back as duplicates
//   (b)    pull: B's sync() (directory, keys, nothing to push, pull the team scope) → checked: B has
//          all N records with the right values
//   (c)    A edits K records (one Writer, untimed), A's sync() (push + its echo), then B's sync()
//          (pull) → checked: the K edits arrived
//   (d)    a sync() with nothing to do, on A, M times with 150 ms pauses (the server's rate limit
//          is 50 requests/s per device): the fixed round-trip cost
// Peak memory: the server process's VmHWM (/proc/PID/status) at the end of the run, and this
// process's VmHWM (it holds both stores).
//
// Output: a line per run, `RESULT quartier-sync <metric> min=… median=… max=…` lines (the format of
// ../shared/peers/summarize.py) and a readable table with the ratios to PouchDB: the same session's
// figures from the JSON file the peers' bench-replication.js wrote (--pouch-json: medians of push
// and pull docs/s, incremental push + pull ms, server peak RSS), or single figures (--pouch-*,
// which override the file's); without either, the reference figures of ../shared/peers/RESULTS.md,
// and the verdict lines say so. It asserts nothing about time; it exits non-zero if any check fails.
#include "sync_harness.h"

#include <cinttypes>
#include <cmath>
#include <fstream>
#include <map>

using namespace quartier;
using namespace quartier::bench;

namespace {

struct Options {
    int runs = 5;
    long n = 10000;
    long inc = 100;
    long size = 1024;
    int noop_reps = 10;
    fs::path tmp = "/tmp";
    fs::path server = default_server_binary();
    std::size_t push_batch = sync::SyncOptions{}.push_batch;
    std::size_t pull_limit = sync::SyncOptions{}.pull_limit;
    // PouchDB figures the ratios are taken against (RESULTS.md, leveldb, batch_size 500).
    double pouch_push = 3717, pouch_pull = 3302, pouch_inc = 114, pouch_mib = 169;
    std::string pouch_source = "reference figures of ../shared/peers/RESULTS.md, not this session's";
};

[[noreturn]] void usage(const std::string& why);

// The medians from bench-replication.js's --out file (its `summary`).
void read_pouch_json(Options& o, const fs::path& file) {
    std::ifstream in(file);
    if (!in) usage("cannot read " + file.string());
    const auto j = nlohmann::json::parse(in, nullptr, false);
    auto median_of = [&](std::initializer_list<const char*> path) -> double {
        const nlohmann::json* at = &j;
        for (const char* k : path) {
            if (!at->is_object() || !at->contains(k)) usage(file.string() + ": no summary." + std::string(k));
            at = &(*at)[k];
        }
        if (!at->is_object() || !at->contains("median") || !(*at)["median"].is_number()) usage(file.string() + ": no median");
        const double v = (*at)["median"].get<double>();
        if (!(v > 0)) usage(file.string() + ": a median is not positive");
        return v;
    };
    if (j.is_discarded() || !j.is_object()) usage(file.string() + " is not JSON");
    o.pouch_push = median_of({"summary", "push", "docsPerSec"});
    o.pouch_pull = median_of({"summary", "pull", "docsPerSec"});
    o.pouch_inc = median_of({"summary", "incTotalMs"});
    o.pouch_mib = median_of({"summary", "serverPeakRSSMiB"});
    std::string batch = "?";
    if (j.contains("args") && j["args"].is_object() && j["args"].contains("batchSize")) batch = j["args"]["batchSize"].dump();
    o.pouch_source = file.string() + " (batch_size " + batch + ", medians)";
}

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr,
                 "bench_sync: %s\nusage: bench_sync [--runs R] [--n N] [--inc K] [--size BYTES] [--noop-reps M] [--tmp DIR] "
                 "[--server PATH] [--push-batch B] [--pull-limit L] [--pouch-json FILE] [--pouch-push D/S] [--pouch-pull D/S] "
                 "[--pouch-inc MS] [--pouch-mib MIB]\n",
                 why.c_str());
    std::exit(2);
}

Options parse_args(int argc, char** argv) {
    Options o;
    std::string pouch_json;
    std::map<std::string, double> given;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        OptionValue<void (*)(const std::string&)> opt{argc, argv, i, a, usage};
        auto val = [&] { return opt.text(); };
        auto num = [&](double lo, double hi) { return opt.number(lo, hi); };
        if (a == "--runs") o.runs = int(num(1, 100));
        else if (a == "--n") o.n = long(num(1, 1e7));
        else if (a == "--inc") o.inc = long(num(1, 1e6));
        else if (a == "--size") o.size = long(num(1, 1 << 20));
        else if (a == "--noop-reps") o.noop_reps = int(num(1, 1000));
        else if (a == "--tmp") o.tmp = val();
        else if (a == "--server") o.server = val();
        else if (a == "--push-batch") o.push_batch = std::size_t(num(1, 100000));
        else if (a == "--pull-limit") o.pull_limit = std::size_t(num(1, 100000));
        else if (a == "--pouch-json") pouch_json = val();
        else if (a == "--pouch-push") given["push"] = num(1, 1e9);
        else if (a == "--pouch-pull") given["pull"] = num(1, 1e9);
        else if (a == "--pouch-inc") given["inc"] = num(0.001, 1e9);
        else if (a == "--pouch-mib") given["mib"] = num(0.001, 1e9);
        else usage("unknown option " + a);
    }
    if (!pouch_json.empty()) read_pouch_json(o, pouch_json);
    for (const auto& [k, v] : given) (k == "push" ? o.pouch_push : k == "pull" ? o.pouch_pull : k == "inc" ? o.pouch_inc : o.pouch_mib) = v;
    if (!given.empty()) o.pouch_source = pouch_json.empty() ? "given on the command line" : o.pouch_source + ", some given on the command line";
    if (o.inc > o.n) usage("--inc must not exceed --n");
    return o;
}

// One timed phase: wall time, this process's CPU, the server's CPU, time spent inside
// Transport::send (TLS + HTTP + the server's handling) and the number of requests.
struct Phase {
    double wall_ms = 0, client_cpu_ms = 0, server_cpu_ms = 0, transport_ms = 0;
    std::size_t requests = 0, retries = 0;
};

template <class F>
Phase measure(const ServerProcess& server, std::initializer_list<BenchDevice*> devices, F&& f) {
    double tr0 = 0, rq0 = 0, rt0 = 0;
    for (auto* d : devices) tr0 += d->transport->total_ms, rq0 += double(d->transport->count), rt0 += double(d->client->retries());
    const double s0 = server.cpu_ms(), c0 = self_cpu_ms();
    const auto t0 = Clock::now();
    f();
    Phase p;
    p.wall_ms = ms_since(t0);
    p.client_cpu_ms = self_cpu_ms() - c0;
    p.server_cpu_ms = server.cpu_ms() - s0;
    double tr1 = 0, rq1 = 0, rt1 = 0;
    for (auto* d : devices) tr1 += d->transport->total_ms, rq1 += double(d->transport->count), rt1 += double(d->client->retries());
    p.transport_ms = tr1 - tr0;
    p.requests = std::size_t(rq1 - rq0);
    p.retries = std::size_t(rt1 - rt0);
    return p;
}

struct RunFigures {
    double setup_ms = 0;
    Phase write, push, echo, pull, inc_a, inc_b;
    std::size_t echo_duplicates = 0;              // (a'): own envelopes pulled back
    std::vector<double> noop_ms;                  // each no-op sync of A
    std::map<std::string, double> inc_endpoint_ms;  // (c): request time per endpoint, A and B
    long server_hwm_kb = 0, client_hwm_kb = 0;
    int server_exit = 0;
};

std::string record_id(long i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "note-%06ld", i);
    return buf;
}

RunFigures one_run(const Options& o, int run) {
    RunFigures f;
    TempDir dir(o.tmp, "quartier-syncbench.");
    const auto t_setup = Clock::now();
    ServerProcess server(o.server, dir.path());
    sync::SyncOptions so;
    so.push_batch = o.push_batch;
    so.pull_limit = o.pull_limit;
    std::vector<std::unique_ptr<BenchDevice>> devices;
    devices.push_back(std::make_unique<BenchDevice>(dir.path(), "A", server, Clock::now(), so));
    devices.push_back(std::make_unique<BenchDevice>(dir.path(), "B", server, Clock::now(), so));
    BenchDevice& A = *devices[0];
    BenchDevice& B = *devices[1];
    const sync::ScopeId team = found_and_enrol(server, devices);
    for (int round = 0; round < 2; ++round) {
        A.sync_ok();
        B.sync_ok();
    }
    if (!B.store->scope_key(team, 1)) die("B did not receive the team key");
    f.setup_ms = ms_since(t_setup);

    // Values before any timing.
    std::mt19937_64 rng(0x5eed0000ull + std::uint64_t(run));
    std::vector<std::string> values(std::size_t(o.n));
    for (auto& v : values) v = printable(rng, std::size_t(o.size));

    f.write = measure(server, {&A}, [&] {
        sync::Writer w(*A.store);
        for (long i = 0; i < o.n; ++i) check(w.set("case", record_id(i), "text", values[std::size_t(i)], &team), "set");
        check(w.commit(), "commit");
    });
    if (A.store->status().pending != std::size_t(o.n)) die("A's outbox does not hold the N ops");

    // (a) push
    sync::SyncReport pushed;
    f.push = measure(server, {&A}, [&] { check(A.client->push(pushed), "A push"); });
    // The counts include the audit log's ops (docs/audit.md: the commit's `change` entry and
    // others) where the build has it; the case data is checked exactly.
    if (pushed.pushed < std::size_t(o.n) || A.store->status().pending != 0)
        die("push: " + std::to_string(pushed.pushed) + " accepted, " + std::to_string(A.store->status().pending) + " pending");

    // (a') A's next sync pulls its own ops back.
    sync::SyncReport echo;
    f.echo = measure(server, {&A}, [&] { echo = A.sync_ok(); });
    // The client skips its own envelopes when the push's seqs say they are exactly what lies
    // between its cursor and the server's head; otherwise they come back as duplicates. (Audit
    // entries of other devices may arrive too: the founding device reads every audit scope.)
    if (A.store->status().records != std::size_t(o.n) || A.store->status().pending != 0) die("A's echo changed its records");
    f.echo_duplicates = echo.duplicates;

    // (b) pull
    sync::SyncReport pulled;
    f.pull = measure(server, {&B}, [&] { pulled = B.sync_ok(); });
    if (pulled.applied < std::size_t(o.n) || !pulled.rejected.empty() || !pulled.blocked_scopes.empty())
        die("pull: B applied " + std::to_string(pulled.applied) + " of " + std::to_string(o.n));
    for (long i = 0; i < o.n; ++i) {
        const sync::Record* r = B.store->get(record_id(i));
        if (!r || r->value("text") != values[std::size_t(i)] || r->scope != team) die("B has a wrong or no " + record_id(i));
    }

    // (c) incremental: K edits spread over the id space
    const long step = std::max(1L, o.n / o.inc);
    std::vector<long> edited;
    {
        sync::Writer w(*A.store);
        for (long k = 0; k < o.inc; ++k) {
            const long i = (k * step) % o.n;
            values[std::size_t(i)] = printable(rng, std::size_t(o.size));
            check(w.set("case", record_id(i), "text", values[std::size_t(i)]), "edit");
            edited.push_back(i);
        }
        check(w.commit(), "edit commit");
    }
    A.transport->recording = B.transport->recording = true;
    sync::SyncReport inc_a, inc_b;
    f.inc_a = measure(server, {&A}, [&] { inc_a = A.sync_ok(); });
    f.inc_b = measure(server, {&B}, [&] { inc_b = B.sync_ok(); });
    A.transport->recording = B.transport->recording = false;
    for (auto* d : {&A, &B}) {
        for (const Sample& s : d->transport->samples) f.inc_endpoint_ms[d->name + " " + endpoint_name(s.endpoint)] += s.ms;
        d->transport->samples.clear();
    }
    if (inc_a.pushed < std::size_t(o.inc) || inc_b.applied < std::size_t(o.inc) || A.store->status().pending != 0)
        die("incremental: A pushed " + std::to_string(inc_a.pushed) + ", B applied " + std::to_string(inc_b.applied));
    for (long i : edited)
        if (B.store->get(record_id(i))->value("text") != values[std::size_t(i)]) die("edit of " + record_id(i) + " missing on B");

    // (d) nothing to do
    for (int k = 0; k < o.noop_reps; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        sync::SyncReport r;
        const Phase p = measure(server, {&A}, [&] { r = A.sync_ok(); });
        if (A.store->status().records != std::size_t(o.n) || A.store->status().pending != 0) die("the no-op sync changed records");
        if (p.retries) std::fprintf(stderr, "warning: the no-op sync was retried (%zu)\n", p.retries);
        f.noop_ms.push_back(p.wall_ms);
    }

    f.server_hwm_kb = server.hwm_kb();
    f.client_hwm_kb = proc_status_kb(0, "VmHWM");
    devices.clear();
    f.server_exit = server.stop();
    if (f.server_exit != 0) die("quartier-server did not stop cleanly");
    return f;
}

struct Stat {
    double min, median, max;
};
Stat stat(const std::vector<double>& v) { return {*std::min_element(v.begin(), v.end()), median(v), *std::max_element(v.begin(), v.end())}; }

void result(const char* metric, const std::vector<double>& v, int prec = 1) {
    const Stat s = stat(v);
    std::printf("RESULT quartier-sync %s min=%.*f median=%.*f max=%.*f\n", metric, prec, s.min, prec, s.median, prec, s.max);
}

std::string mmm(const std::vector<double>& v, int prec = 0) {
    const Stat s = stat(v);
    char buf[128];
    std::snprintf(buf, sizeof buf, "%.*f / **%.*f** / %.*f", prec, s.min, prec, s.median, prec, s.max);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse_args(argc, argv);
    // A write to a connection the server has just closed must be an error, not the end of the
    // program (quartier-server does the same).
    std::signal(SIGPIPE, SIG_IGN);
    std::printf("# bench_sync: n=%ld inc=%ld size=%ld runs=%d push_batch=%zu pull_limit=%zu noop_reps=%d\n", o.n, o.inc, o.size,
                o.runs, o.push_batch, o.pull_limit, o.noop_reps);
    std::printf("# machine: nproc=%u cpu=%s; loadavg %s\n", std::thread::hardware_concurrency(), cpu_model().c_str(),
                loadavg().c_str());
    std::printf("# server: %s (TLS on 127.0.0.1, pinned fingerprint)\n", o.server.c_str());
    std::fflush(stdout);

    std::vector<RunFigures> runs;
    for (int r = 0; r < o.runs; ++r) {
        runs.push_back(one_run(o, r));
        const RunFigures& f = runs.back();
        const double n = double(o.n);
        std::printf("run %d: setup=%.0fms write=%.0fms push=%.0fms (%.0f docs/s, %zu req) echo=%.0fms (%zu back) pull=%.0fms "
                    "(%.0f docs/s, %zu req) incA=%.1fms incB=%.1fms noop=%.1fms serverHWM=%.1fMiB clientHWM=%.1fMiB\n",
                    r, f.setup_ms, f.write.wall_ms, f.push.wall_ms, n / f.push.wall_ms * 1e3, f.push.requests, f.echo.wall_ms,
                    f.echo_duplicates,
                    f.pull.wall_ms, n / f.pull.wall_ms * 1e3, f.pull.requests, f.inc_a.wall_ms, f.inc_b.wall_ms, median(f.noop_ms),
                    double(f.server_hwm_kb) / 1024, double(f.client_hwm_kb) / 1024);
        std::fflush(stdout);
    }

    auto col = [&](auto get) {
        std::vector<double> v;
        for (const auto& f : runs) v.push_back(get(f));
        return v;
    };
    const double n = double(o.n), k = double(o.inc);
    const auto write_ms = col([](const RunFigures& f) { return f.write.wall_ms; });
    const auto push_ms = col([](const RunFigures& f) { return f.push.wall_ms; });
    const auto push_dps = col([&](const RunFigures& f) { return n / f.push.wall_ms * 1e3; });
    const auto echo_ms = col([](const RunFigures& f) { return f.echo.wall_ms; });
    const auto pull_ms = col([](const RunFigures& f) { return f.pull.wall_ms; });
    const auto pull_dps = col([&](const RunFigures& f) { return n / f.pull.wall_ms * 1e3; });
    const auto inc_a = col([](const RunFigures& f) { return f.inc_a.wall_ms; });
    const auto inc_b = col([](const RunFigures& f) { return f.inc_b.wall_ms; });
    const auto inc_total = col([](const RunFigures& f) { return f.inc_a.wall_ms + f.inc_b.wall_ms; });
    const auto noop = col([](const RunFigures& f) { return median(f.noop_ms); });
    const auto noop_min = col([](const RunFigures& f) { return *std::min_element(f.noop_ms.begin(), f.noop_ms.end()); });
    const auto srv_mib = col([](const RunFigures& f) { return double(f.server_hwm_kb) / 1024; });
    const auto cli_mib = col([](const RunFigures& f) { return double(f.client_hwm_kb) / 1024; });

    std::printf("\n");
    result("local_write_ms", write_ms);
    result("push_ms", push_ms);
    result("push_docs_per_s", push_dps, 0);
    result("echo_sync_ms", echo_ms);
    result("pull_ms", pull_ms);
    result("pull_docs_per_s", pull_dps, 0);
    result("inc_sync_a_ms", inc_a, 2);
    result("inc_sync_b_ms", inc_b, 2);
    result("inc_total_ms", inc_total, 2);
    result("noop_sync_ms", noop, 2);
    result("server_hwm_mib", srv_mib);
    result("client_hwm_mib", cli_mib);

    std::printf("\n| phase | wall ms min / **median** / max | docs/s min / **median** / max | requests | in transport ms (med) | "
                "this process CPU ms (med) | server CPU ms (med) |\n|---|---|---|---|---|---|---|\n");
    auto row = [&](const char* name, auto get, double docs) {
        const auto wall = col([&](const RunFigures& f) { return get(f).wall_ms; });
        std::string dps = "";
        if (docs > 0) dps = mmm(col([&](const RunFigures& f) { return docs / get(f).wall_ms * 1e3; }));
        std::printf("| %s | %s | %s | %.0f | %.1f | %.0f | %.0f |\n", name, mmm(wall, wall[0] < 20 ? 1 : 0).c_str(), dps.c_str(),
                    median(col([&](const RunFigures& f) { return double(get(f).requests); })),
                    median(col([&](const RunFigures& f) { return get(f).transport_ms; })),
                    median(col([&](const RunFigures& f) { return get(f).client_cpu_ms; })),
                    median(col([&](const RunFigures& f) { return get(f).server_cpu_ms; })));
    };
    row("local write of N (one Writer; reference, not sync)", [](const RunFigures& f) -> const Phase& { return f.write; }, n);
    row("(a) push N: A's SyncClient::push()", [](const RunFigures& f) -> const Phase& { return f.push; }, n);
    row("(a') A's next sync() (its own N are skipped, or come back as duplicates)", [](const RunFigures& f) -> const Phase& { return f.echo; }, n);
    row("(b) pull N: B's sync()", [](const RunFigures& f) -> const Phase& { return f.pull; }, n);
    row("(c1) A edits K, A's sync() (push K + echo)", [](const RunFigures& f) -> const Phase& { return f.inc_a; }, k);
    row("(c2) B's sync() (pull K)", [](const RunFigures& f) -> const Phase& { return f.inc_b; }, k);
    std::printf("| (c) incremental total c1 + c2 | %s | | | | | |\n", mmm(inc_total, 1).c_str());
    std::printf("| (d) no-op sync() of A (median of %d per run; fastest: %s) | %s | | | | | |\n", o.noop_reps,
                mmm(noop_min, 2).c_str(), mmm(noop, 2).c_str());
    std::printf("\nPeak RSS (VmHWM): server process %s MiB; this process (stores A and B, N values) %s MiB\n",
                mmm(srv_mib, 1).c_str(), mmm(cli_mib, 1).c_str());

    std::printf("\n(c) request time by endpoint, ms (median over runs; sum over the requests of that sync):\n");
    std::map<std::string, std::vector<double>> ep;
    for (const auto& f : runs)
        for (const auto& [k2, v] : f.inc_endpoint_ms) ep[k2].push_back(v);
    for (const auto& [k2, v] : ep) std::printf("  %-28s %6.2f\n", k2.c_str(), median(v));

    const double push_ratio = median(push_dps) / o.pouch_push, pull_ratio = median(pull_dps) / o.pouch_pull;
    std::printf("\nAgainst PouchDB (push %.0f docs/s, pull %.0f docs/s, incremental %.0f ms, server %.0f MiB; %s):\n",
                o.pouch_push, o.pouch_pull, o.pouch_inc, o.pouch_mib, o.pouch_source.c_str());
    std::printf("  push  %.1fx  (target >= 10x: %s)\n", push_ratio, push_ratio >= 10 ? "met" : "MISSED");
    std::printf("  pull  %.1fx  (target >= 10x: %s)\n", pull_ratio, pull_ratio >= 10 ? "met" : "MISSED");
    std::printf("  incremental total %.2f ms = %.1fx faster (target < 10 ms: %s)\n", median(inc_total), o.pouch_inc / median(inc_total),
                median(inc_total) < 10 ? "met" : "MISSED");
    std::printf("  server peak %.1f MiB (target < %.0f MiB: %s)\n", *std::max_element(srv_mib.begin(), srv_mib.end()), o.pouch_mib,
                *std::max_element(srv_mib.begin(), srv_mib.end()) < o.pouch_mib ? "met" : "MISSED");
    std::printf("# loadavg after: %s\n", loadavg().c_str());
    return 0;
}
