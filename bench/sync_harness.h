// Shared by bench_sync and bench_load: the real quartier-server as a child process, client devices
// (sync::Store + sync::SyncClient over sync::make_https_transport with the pinned fingerprint), the
// organisation set-up of tests/sync/sync_fixture.h done over the wire, a timing Transport decorator,
// and small statistics helpers. Benchmarks only: every failure aborts the program with a message.
#pragma once

#include "bench_common.h"

#include "sync/client/client.h"
#include "sync/client/org.h"
#include "sync/protocol/transport.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <csignal>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace quartier::bench {

inline const crypto::PwhashParams kFastKdf{1, 8u << 20};

template <class R>
void check(const R& r, const std::string& what) {
    if (!r.ok()) die(what + ": " + std::string(sync::to_string(r.error())) + " " + r.detail());
}

inline double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// ---- /proc figures ------------------------------------------------------------------------------

// A "Vm…:" line of /proc/PID/status in KiB (0 if unreadable).
inline long proc_status_kb(pid_t pid, const char* key) {
    std::ifstream f(pid == 0 ? std::string("/proc/self/status") : "/proc/" + std::to_string(pid) + "/status");
    std::string line;
    const std::string k = std::string(key) + ":";
    while (std::getline(f, line))
        if (line.rfind(k, 0) == 0) return std::strtol(line.c_str() + k.size(), nullptr, 10);
    return 0;
}

// utime + stime of a process in ms (clock-tick resolution, 10 ms on most kernels).
inline double proc_cpu_ms(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const auto close = s.rfind(") ");
    if (close == std::string::npos) return 0;
    std::istringstream in(s.substr(close + 2));
    std::string field;
    long long ut = 0, st = 0;
    for (int i = 0; i <= 12 && in >> field; ++i) {
        if (i == 11) ut = std::atoll(field.c_str());
        if (i == 12) st = std::atoll(field.c_str());
    }
    return double(ut + st) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

inline double self_cpu_ms() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

inline std::string cpu_model() {
    std::ifstream f("/proc/cpuinfo");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "?";
}

inline std::string loadavg() {
    std::ifstream f("/proc/loadavg");
    std::string s;
    std::getline(f, s);
    return s;
}

// ---- statistics ---------------------------------------------------------------------------------

inline double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    // nearest rank
    const std::size_t i = std::min(v.size() - 1, std::size_t(std::max(0.0, std::ceil(q * double(v.size())) - 1)));
    return v[i];
}
inline double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// ---- command-line options -----------------------------------------------------------------------

// The value of option argv[i] (moving i on to it), read as text or as a number in [lo, hi];
// anything else ends the program through `usage` with what was wrong.
template <class Usage>
struct OptionValue {
    int argc;
    char** argv;
    int& i;
    const std::string& name;
    Usage usage;
    std::string text() {
        if (i + 1 >= argc) usage("missing value for " + name);
        return argv[++i];
    }
    double number(double lo, double hi) {
        const std::string v = text();
        char* end = nullptr;
        const double d = std::strtod(v.c_str(), &end);
        if (!end || *end || !(d >= lo && d <= hi)) usage("bad value for " + name);
        return d;
    }
};

// ---- the server process -------------------------------------------------------------------------

// Runs argv; stdout into `out_fd` (or /dev/null), stderr into `err_file` (or /dev/null). The child
// dies with this process (PR_SET_PDEATHSIG).
inline pid_t spawn(const std::vector<std::string>& argv, int out_fd, const fs::path& err_file) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
        const int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(out_fd >= 0 ? out_fd : devnull, 1);
        const int err = err_file.empty() ? devnull : open(err_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(err >= 0 ? err : devnull, 2);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

// Where quartier-server is: --server, else next to the bench directory of this build.
inline fs::path default_server_binary() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return self.parent_path().parent_path() / "sync" / "server" / "quartier-server";
}

// `quartier-server init` then `serve --listen 127.0.0.1:0` (TLS), port read from its stdout.
class ServerProcess {
public:
    ServerProcess(const fs::path& binary, const fs::path& dir) : m_dir(dir) {
        if (!fs::exists(binary)) die("no quartier-server at " + binary.string() + " (build it, or pass --server PATH)");
        // init: JSON {"server_id", "fingerprint", "bootstrap"} on stdout
        int p[2];
        if (pipe(p) != 0) die("pipe");
        const pid_t init = spawn({binary.string(), "init", "--data", (dir / "srv").string()}, p[1], dir / "init.err");
        close(p[1]);
        std::string out = read_all(p[0]);
        close(p[0]);
        int st = 0;
        waitpid(init, &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) die("quartier-server init failed: " + out);
        const auto j = nlohmann::json::parse(out, nullptr, false);
        if (!j.is_object() || !j.contains("fingerprint") || !j.contains("bootstrap")) die("init printed no JSON: " + out);
        fingerprint = j["fingerprint"].get<std::string>();
        bootstrap = j["bootstrap"].get<std::string>();

        if (pipe(p) != 0) die("pipe");
        pid = spawn({binary.string(), "serve", "--data", (dir / "srv").string(), "--listen", "127.0.0.1:0"}, p[1],
                    dir / "server.log");
        close(p[1]);
        m_out = p[0];
        std::string line;
        const auto t0 = Clock::now();
        for (;;) {
            char c;
            const ssize_t n = read(m_out, &c, 1);
            if (n <= 0) die("quartier-server serve ended before it listened (see " + (dir / "server.log").string() + ")");
            if (c == '\n') {
                if (line.rfind("listening on ", 0) == 0) break;
                line.clear();
            } else {
                line += c;
            }
            if (ms_since(t0) > 10'000) die("quartier-server did not listen within 10 s");
        }
        const std::string addr = line.substr(std::string("listening on ").size());
        port = std::atoi(addr.substr(addr.rfind(':') + 1).c_str());
        if (addr.rfind("127.0.0.1:", 0) != 0 || port <= 0) die("unexpected listen address " + addr);
        url = "https://127.0.0.1:" + std::to_string(port);
    }
    ~ServerProcess() { stop(); }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // SIGTERM (graceful), SIGKILL after 5 s. Returns the exit status (-1 if killed).
    int stop() {
        if (pid <= 0) return 0;
        kill(pid, SIGTERM);
        int st = 0;
        for (int i = 0; i < 500; ++i) {
            if (waitpid(pid, &st, WNOHANG) == pid) {
                pid = -1;
                close(m_out);
                return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        kill(pid, SIGKILL);
        waitpid(pid, &st, 0);
        pid = -1;
        close(m_out);
        return -1;
    }
    long hwm_kb() const { return proc_status_kb(pid, "VmHWM"); }
    long rss_kb() const { return proc_status_kb(pid, "VmRSS"); }
    double cpu_ms() const { return proc_cpu_ms(pid); }
    fs::path log() const { return m_dir / "server.log"; }

    pid_t pid = -1;
    int port = 0;
    std::string url, fingerprint, bootstrap;

private:
    static std::string read_all(int fd) {
        std::string s;
        char buf[4096];
        for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) s.append(buf, std::size_t(n));
        return s;
    }
    fs::path m_dir;
    int m_out = -1;
};

// ---- timing transport ---------------------------------------------------------------------------

enum Endpoint : std::uint8_t { kInfo, kOrg, kChallenge, kToken, kDirGet, kDirPost, kOffer, kRequest, kRequests, kKeysPost,
                               kKeysGet, kPush, kPull, kOther, kEndpoints };
inline const char* endpoint_name(int e) {
    static const char* names[] = {"GET /v1/info", "POST /v1/org", "POST /v1/auth/challenge", "POST /v1/auth/token",
                                  "GET /v1/directory", "POST /v1/directory", "POST /v1/enrol/offer",
                                  "POST /v1/enrol/request", "GET /v1/enrol/requests", "POST /v1/keys", "GET /v1/keys",
                                  "POST /v1/push", "GET /v1/pull", "other"};
    return names[e];
}
inline Endpoint endpoint_of(const sync::Request& r) {
    for (int e = 0; e < kOther; ++e) {
        const std::string n = endpoint_name(e);
        const auto sp = n.find(' ');
        if (r.method == n.substr(0, sp) && r.path == n.substr(sp + 1)) return Endpoint(e);
    }
    return kOther;
}

struct Sample {
    double start_ms = 0;  // since the recorder's epoch
    double ms = 0;
    std::uint32_t request_bytes = 0, response_bytes = 0;
    int status = 0;  // 0: no answer (network error)
    Endpoint endpoint = kOther;
};

// Wraps the real transport: every request's wall time, status and sizes. One per device; not
// shared between threads.
class TimingTransport final : public sync::Transport {
public:
    explicit TimingTransport(std::unique_ptr<sync::Transport> inner, Clock::time_point epoch = Clock::now())
        : m_inner(std::move(inner)), m_epoch(epoch) {}
    sync::Result<sync::Response> send(const sync::Request& req) override {
        const auto t0 = Clock::now();
        auto r = m_inner->send(req);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        total_ms += ms;
        ++count;
        static const bool verbose = std::getenv("QUARTIER_BENCH_VERBOSE") != nullptr;
        if (verbose && (!r || r->status < 200 || r->status >= 300))
            std::fprintf(stderr, "[bench] %s %s -> %s (%.1f ms)\n", req.method.c_str(), req.path.c_str(),
                         r ? std::to_string(r->status).c_str() : r.detail().c_str(), ms);
        if (recording)
            samples.push_back(Sample{std::chrono::duration<double, std::milli>(t0 - m_epoch).count(), ms,
                                     std::uint32_t(req.body.size()), r ? std::uint32_t(r->body.size()) : 0u,
                                     r ? r->status : 0, endpoint_of(req)});
        return r;
    }
    bool recording = false;
    std::vector<Sample> samples;
    double total_ms = 0;  // all requests, recording or not
    std::size_t count = 0;

private:
    std::unique_ptr<sync::Transport> m_inner;
    Clock::time_point m_epoch;
};

// ---- devices and the organisation ---------------------------------------------------------------

struct BenchDevice {
    BenchDevice(const fs::path& dir, std::string name_, const ServerProcess& server, Clock::time_point epoch = Clock::now(),
                sync::SyncOptions options = {})
        : name(std::move(name_)) {
        auto s = sync::Store::create(dir / name, "passphrase of " + name, kFastKdf);
        check(s, "create store " + name);
        store = std::move(*s);
        auto t = sync::make_https_transport(server.url, server.fingerprint);
        check(t, "https transport");
        transport = std::make_unique<TimingTransport>(std::move(*t), epoch);
        client = std::make_unique<sync::SyncClient>(*store, *transport, std::move(options));
    }
    sync::SyncReport sync_ok() {
        auto r = client->sync();
        check(r, name + ": sync");
        return *r;
    }
    std::string name;
    std::unique_ptr<sync::Store> store;
    std::unique_ptr<TimingTransport> transport;
    std::unique_ptr<sync::SyncClient> client;
};

// Keeps a device under the server's rate limit (50 requests/s per device, and per address for
// unauthenticated requests) during set-up, so that set-up does not spend its time in 429 backoffs:
// after a step, waits until 21 ms per request it made have passed.
class Pacer {
public:
    explicit Pacer(const TimingTransport& t) : m_t(t), m_count(t.count), m_start(Clock::now()) {}
    void step() {
        const auto due = m_start + std::chrono::milliseconds(21 * (m_t.count - m_count));
        std::this_thread::sleep_until(due);
        m_count = m_t.count;
        m_start = Clock::now();
    }

private:
    const TimingTransport& m_t;
    std::size_t m_count;
    Clock::time_point m_start;
};

// An office device (role admin, which may hold no content key: docs/roles.md) founds the
// organisation and enrols every device as a caseworker through offer → request → admit
// (confirmation strings compared; the server takes offers from admin devices only), handing
// devices[0] a copy of the admin key. devices[0] then makes a team scope and shares it with every
// other device. Returns the team scope. Does not sync afterwards.
inline sync::ScopeId found_and_enrol(const ServerProcess& server, std::vector<std::unique_ptr<BenchDevice>>& devices) {
    BenchDevice& admin = *devices[0];
    {
        BenchDevice office(admin.store->dir().parent_path(), "office", server);
        Pacer office_pace(*office.transport);
        check(sync::found_organisation(*office.store, *office.client, "Bench org", server.bootstrap, server.url,
                                       server.fingerprint, "office"),
              "found organisation");
        for (auto& device : devices) {
            BenchDevice& d = *device;
            auto code = sync::offer_enrolment(*office.store, *office.client, d.name, "caseworker");
            check(code, "offer enrolment");
            auto sas = sync::request_enrolment(*d.store, *d.client, *code, d.name);
            check(sas, "request enrolment");
            auto id = sync::admit(*office.store, *office.client, *sas);
            check(id, "admit " + d.name);
            if (*id != d.store->device().id()) die("admitted the wrong device");
            office_pace.step();
        }
        check(admin.store->set_admin_identity(*office.store->admin_identity()), "hand over the admin key");
    }
    admin.sync_ok();
    Pacer pace(*admin.transport);
    auto scope = admin.store->create_scope();
    check(scope, "create scope");
    check(admin.store->set_setting("scope_kind:" + crypto::to_hex(*scope), "team"), "scope kind");
    for (std::size_t i = 1; i < devices.size(); ++i) {
        check(admin.client->share_scope(*scope, devices[i]->store->device().id(), sync::ScopeKind::Team), "share scope");
        pace.step();
    }
    return *scope;
}

// Random printable ASCII (all 95 characters), as bench_store makes its values.
inline std::string printable(std::mt19937_64& rng, std::size_t n) {
    std::string s(n, ' ');
    std::uniform_int_distribution<int> d(32, 126);
    for (char& c : s) c = char(d(rng));
    return s;
}

}  // namespace quartier::bench
