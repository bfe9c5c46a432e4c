// Many devices syncing at once against the real quartier-server process on loopback.
//
//   bench_load [--devices D] [--rounds R] [--writes W] [--size BYTES] [--think-ms T] [--scope team|own]
//              [--max-seconds S] [--tmp DIR] [--server PATH]
//
// Set-up (not measured): `quartier-server init` + `serve --listen 127.0.0.1:0` (TLS, pinned
// fingerprint) as a child process; device 0 founds the organisation, devices 1..D-1 are enrolled
// one by one (offer → request → admit), device 0 makes a team scope and shares it with all, and
// every device syncs twice. Each device has its own store (fast KDF), SyncClient and TLS connection.
//
// Load: D threads start together; each does R rounds of: write W records of SIZE bytes of random
// printable text in one Writer (into the shared team scope, or with --scope own into the device's
// own personal scope, which nobody else reads), then sync(), then a pause uniform in [0, T] ms.
// A timing decorator around every device's Transport records each request's wall time, endpoint
// and status; the server's own per-request durations come from its access log. 429 answers (the
// server's per-device rate limit) are counted: the client retries them after a backoff, so they
// show up as latency of the sync, not as failures. The run stops early at --max-seconds.
//
// Afterwards (not measured) every device syncs once more, and the check: every device holds every
// record it should (all devices' records with --scope team, its own with --scope own) with the
// right value, and its outbox is empty.
//
// Output: request latency p50/p95/p99/max per endpoint and overall, sync() latency, throughput,
// error and 429 counts, the server's peak RSS (VmHWM) and CPU, as a table and as
// `RESULT quartier-load <metric> …` lines. It asserts nothing about time; it exits non-zero if the
// final check fails.
#include "sync_harness.h"

#include <atomic>
#include <barrier>
#include <map>
#include <mutex>

using namespace quartier;
using namespace quartier::bench;

namespace {

struct Options {
    int devices = 50;
    int rounds = 20;
    int writes = 5;
    long size = 1024;
    int think_ms = 200;
    bool team = true;
    double max_seconds = 120;
    fs::path tmp = "/tmp";
    fs::path server = default_server_binary();
};

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr,
                 "bench_load: %s\nusage: bench_load [--devices D] [--rounds R] [--writes W] [--size BYTES] [--think-ms T] "
                 "[--scope team|own] [--max-seconds S] [--tmp DIR] [--server PATH]\n",
                 why.c_str());
    std::exit(2);
}

Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        OptionValue<void (*)(const std::string&)> opt{argc, argv, i, a, usage};
        auto val = [&] { return opt.text(); };
        auto num = [&](double lo, double hi) { return opt.number(lo, hi); };
        if (a == "--devices") o.devices = int(num(2, 1000));
        else if (a == "--rounds") o.rounds = int(num(1, 100000));
        else if (a == "--writes") o.writes = int(num(1, 10000));
        else if (a == "--size") o.size = long(num(1, 1 << 20));
        else if (a == "--think-ms") o.think_ms = int(num(0, 60000));
        else if (a == "--scope") {
            const std::string v = val();
            if (v != "team" && v != "own") usage("--scope team|own");
            o.team = v == "team";
        } else if (a == "--max-seconds") o.max_seconds = num(1, 3600);
        else if (a == "--tmp") o.tmp = val();
        else if (a == "--server") o.server = val();
        else usage("unknown option " + a);
    }
    return o;
}

struct ThreadResult {
    std::vector<double> sync_ms;
    int rounds_done = 0;
    std::size_t pushed = 0, applied = 0, sync_errors = 0;
    std::vector<std::pair<std::string, std::string>> written;  // id, value
    std::string first_error;
};

struct Lat {
    std::vector<double> ms;
    std::size_t n429 = 0, other_errors = 0, network = 0;
    std::uint64_t bytes_in = 0, bytes_out = 0;
};

void print_row(const char* name, const Lat& l) {
    if (l.ms.empty()) return;
    std::printf("| %s | %zu | %.2f | %.2f | %.2f | %.2f | %zu | %zu | %zu |\n", name, l.ms.size(), quantile(l.ms, 0.50),
                quantile(l.ms, 0.95), quantile(l.ms, 0.99), *std::max_element(l.ms.begin(), l.ms.end()), l.n429,
                l.other_errors, l.network);
}

// The server's own durations (access log: "... METHOD PATH STATUS IN OUT 12ms") after byte `from`.
std::map<std::string, std::vector<double>> server_log_durations(const fs::path& log, std::uintmax_t from) {
    std::map<std::string, std::vector<double>> out;
    std::ifstream f(log);
    f.seekg(std::streamoff(from));
    std::string line;
    while (std::getline(f, line)) {
        std::istringstream in(line);
        std::string time, device, method, target, status, bin, bout, dur;
        if (!(in >> time >> device >> method >> target >> status >> bin >> bout >> dur) || dur.size() < 3) continue;
        const std::string path = target.substr(0, target.find('?'));
        const double ms = std::atof(dur.c_str());
        out[method + " " + path].push_back(ms);
        out["all"].push_back(ms);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse_args(argc, argv);
    // A write to a connection the server has just closed must be an error, not the end of the
    // program (quartier-server does the same).
    std::signal(SIGPIPE, SIG_IGN);
    std::printf("# bench_load: devices=%d rounds=%d writes=%d size=%ld think=0..%dms scope=%s max=%.0fs\n", o.devices, o.rounds,
                o.writes, o.size, o.think_ms, o.team ? "team (shared by all)" : "own (one personal scope each)", o.max_seconds);
    std::printf("# machine: nproc=%u cpu=%s; loadavg %s\n", std::thread::hardware_concurrency(), cpu_model().c_str(),
                loadavg().c_str());
    std::fflush(stdout);

    TempDir dir(o.tmp, "quartier-loadbench.");
    const auto t_setup = Clock::now();
    ServerProcess server(o.server, dir.path());
    const auto epoch = Clock::now();
    std::vector<std::unique_ptr<BenchDevice>> devices;
    for (int i = 0; i < o.devices; ++i)
        devices.push_back(std::make_unique<BenchDevice>(dir.path(), "dev" + std::to_string(i), server, epoch));
    const sync::ScopeId team = found_and_enrol(server, devices);
    for (int round = 0; round < 2; ++round)
        for (auto& d : devices) {
            Pacer pace(*d->transport);  // its first sync authenticates: unauthenticated requests share one bucket
            d->sync_ok();
            pace.step();
        }
    for (auto& d : devices)
        if (!d->store->scope_key(team, 1)) die(d->name + " did not receive the team key");
    std::size_t setup_retries = 0;
    for (auto& d : devices) setup_retries += d->client->retries();
    const double setup_ms = ms_since(t_setup);
    std::printf("# set-up: %d devices enrolled and synced in %.1f s (%zu retries)\n",
                o.devices, setup_ms / 1e3, setup_retries);
    std::fflush(stdout);

    // ---- load ----
    std::error_code ec;
    const std::uintmax_t log_from = fs::file_size(server.log(), ec);
    const double srv_cpu0 = server.cpu_ms(), cli_cpu0 = self_cpu_ms();
    const long srv_hwm_before = server.hwm_kb();
    for (auto& d : devices) d->transport->recording = true;
    std::vector<ThreadResult> results(std::size_t(o.devices));
    std::barrier start(o.devices + 1);
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < o.devices; ++i) {
        threads.emplace_back([&, i] {
            BenchDevice& d = *devices[std::size_t(i)];
            ThreadResult& res = results[std::size_t(i)];
            std::mt19937_64 rng(0x10adull * 7919 + std::uint64_t(i));
            const sync::ScopeId scope = o.team ? team : d.store->default_scope();
            start.arrive_and_wait();
            for (int r = 0; r < o.rounds && !stop.load(); ++r) {
                sync::Writer w(*d.store);
                for (int k = 0; k < o.writes; ++k) {
                    const std::string id = d.name + "-r" + std::to_string(r) + "-w" + std::to_string(k);
                    std::string value = printable(rng, std::size_t(o.size));
                    check(w.set("case", id, "text", value, &scope), "set");
                    res.written.emplace_back(id, std::move(value));
                }
                check(w.commit(), "commit");
                const auto t0 = Clock::now();
                auto rep = d.client->sync();
                res.sync_ms.push_back(ms_since(t0));
                if (rep) {
                    res.pushed += rep->pushed;
                    res.applied += rep->applied;
                } else {
                    ++res.sync_errors;
                    if (res.first_error.empty()) res.first_error = std::string(sync::to_string(rep.error())) + " " + rep.detail();
                }
                ++res.rounds_done;
                if (o.think_ms > 0)
                    std::this_thread::sleep_for(std::chrono::microseconds(
                        std::uniform_int_distribution<long>(0, long(o.think_ms) * 1000)(rng)));
            }
        });
    }
    start.arrive_and_wait();
    const auto t_load = Clock::now();
    std::thread watchdog([&] {
        while (!stop.load() && ms_since(t_load) < o.max_seconds * 1e3) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        stop = true;
    });
    for (auto& t : threads) t.join();
    const double load_ms = ms_since(t_load);
    stop = true;
    watchdog.join();
    const double srv_cpu = server.cpu_ms() - srv_cpu0, cli_cpu = self_cpu_ms() - cli_cpu0;
    const long srv_hwm = server.hwm_kb(), srv_rss = server.rss_kb();
    for (auto& d : devices) d->transport->recording = false;
    const auto server_side = server_log_durations(server.log(), log_from);

    // ---- final sync and check (not measured) ----
    for (auto& d : devices) d->sync_ok();
    std::map<std::string, const std::string*> expected;
    for (const auto& r : results)
        for (const auto& [id, v] : r.written) expected[id] = &v;
    std::size_t checked = 0;
    for (int i = 0; i < o.devices; ++i) {
        const sync::Store& s = *devices[std::size_t(i)]->store;
        if (s.status().pending != 0) die(devices[std::size_t(i)]->name + " still has pending ops");
        for (int j = 0; j < o.devices; ++j) {
            if (!o.team && j != i) continue;
            for (const auto& [id, v] : results[std::size_t(j)].written) {
                const sync::Record* rec = s.get(id);
                if (!rec || rec->value("text") != v) die(devices[std::size_t(i)]->name + " lacks or has a wrong " + id);
                ++checked;
            }
        }
    }
    const long cli_hwm = proc_status_kb(0, "VmHWM");

    // ---- figures ----
    std::vector<Lat> per(kEndpoints);
    Lat all;
    for (const auto& d : devices)
        for (const Sample& s : d->transport->samples) {
            for (Lat* l : {&per[s.endpoint], &all}) {
                l->ms.push_back(s.ms);
                if (s.status == 429) ++l->n429;
                else if (s.status == 0) ++l->network;
                else if (s.status < 200 || s.status >= 300) ++l->other_errors;
                l->bytes_in += s.request_bytes;
                l->bytes_out += s.response_bytes;
            }
        }
    devices.clear();
    if (server.stop() != 0) die("quartier-server did not stop cleanly");

    std::vector<double> sync_ms;
    std::size_t pushed = 0, applied = 0, sync_errors = 0, rounds = 0;
    std::string first_error;
    for (const auto& r : results) {
        sync_ms.insert(sync_ms.end(), r.sync_ms.begin(), r.sync_ms.end());
        pushed += r.pushed;
        applied += r.applied;
        sync_errors += r.sync_errors;
        rounds += std::size_t(r.rounds_done);
        if (first_error.empty()) first_error = r.first_error;
    }
    const double secs = load_ms / 1e3;

    std::printf("\nload: %zu syncs (%zu of %d rounds) by %d devices in %.2f s; %zu records written, checked %zu record copies "
                "on all devices afterwards: ok\n",
                rounds, rounds, o.devices * o.rounds, o.devices, secs, expected.size(), checked);
    std::printf("\nClient-observed request latency (TLS round trip through the timing decorator), ms:\n\n");
    std::printf("| endpoint | requests | p50 | p95 | p99 | max | 429 | other non-2xx | no answer |\n|---|---|---|---|---|---|---|---|---|\n");
    for (int e = 0; e < kEndpoints; ++e) print_row(endpoint_name(e), per[std::size_t(e)]);
    print_row("**all requests**", all);
    Lat syncs;
    syncs.ms = sync_ms;
    syncs.other_errors = sync_errors;
    print_row("**whole sync()** (write excluded)", syncs);
    std::printf("\nServer-side handling time from its access log (whole ms, excludes TLS and queueing):\n\n"
                "| endpoint | requests | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
    for (const auto& [k, v] : server_side)
        std::printf("| %s | %zu | %.0f | %.0f | %.0f | %.0f |\n", k.c_str(), v.size(), quantile(v, 0.5), quantile(v, 0.95),
                    quantile(v, 0.99), *std::max_element(v.begin(), v.end()));
    std::printf("\nThroughput: %.0f requests/s, %.0f syncs/s, %.0f ops pushed/s, %.0f ops applied/s (pulled into stores); "
                "%.1f MB/s up, %.1f MB/s down\n",
                double(all.ms.size()) / secs, double(rounds) / secs, double(pushed) / secs, double(applied) / secs,
                double(all.bytes_in) / secs / 1e6, double(all.bytes_out) / secs / 1e6);
    std::printf("Errors: %zu answers 429 (rate limit; retried by the client), %zu other non-2xx, %zu without an answer, "
                "%zu failed syncs%s%s\n",
                all.n429, all.other_errors, all.network, sync_errors, first_error.empty() ? "" : ": first: ", first_error.c_str());
    std::printf("Server process: peak RSS (VmHWM) %.1f MiB (%.1f MiB after set-up), RSS at the end %.1f MiB, CPU %.0f ms "
                "during the load (%.0f%% of one core); this process: CPU %.0f ms, peak RSS %.1f MiB\n",
                double(srv_hwm) / 1024, double(srv_hwm_before) / 1024, double(srv_rss) / 1024, srv_cpu, srv_cpu / load_ms * 100,
                cli_cpu, double(cli_hwm) / 1024);

    std::printf("\n");
    auto res = [](const char* metric, double v, int prec = 2) {
        std::printf("RESULT quartier-load %s min=%.*f median=%.*f max=%.*f\n", metric, prec, v, prec, v, prec, v);
    };
    res("req_p50_ms", quantile(all.ms, 0.5));
    res("req_p95_ms", quantile(all.ms, 0.95));
    res("req_p99_ms", quantile(all.ms, 0.99));
    res("req_max_ms", *std::max_element(all.ms.begin(), all.ms.end()));
    res("sync_p50_ms", quantile(sync_ms, 0.5));
    res("sync_p99_ms", quantile(sync_ms, 0.99));
    res("requests_per_s", double(all.ms.size()) / secs, 0);
    res("ops_pushed_per_s", double(pushed) / secs, 0);
    res("http_429", double(all.n429), 0);
    res("failed_syncs", double(sync_errors), 0);
    res("server_hwm_mib", double(srv_hwm) / 1024, 1);
    std::printf("# loadavg after: %s\n", loadavg().c_str());
    return 0;
}
