// The real wire: quartier-server's HTTP binding over TLS (SSLServer with a certificate made by
// `init`) on a free loopback port in a thread, stopped and joined by a guard, talked to by
// httplib::SSLClient with the certificate pinned (sync/server/pin.h). Plus the command line.
#include "server_fixture.h"

#include "sync/server/admin.h"
#include "sync/server/cli.h"
#include "sync/server/http.h"
#include "sync/server/pin.h"
#include "sync/server/tls.h"
#include "sync/protocol/transport.h"

#include "support/peak_rss.h"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

using namespace quartier;
using namespace quartier::test;

namespace {

// The real server on 127.0.0.1:<free port>, serving in a thread until the guard is destroyed.
class WireServer {
public:
    explicit WireServer(bool insecure = false, std::size_t max_body = sync::wire::kMaxBody) {
        REQUIRE(crypto::init());
        std::signal(SIGPIPE, SIG_IGN);
        data.dir = tmp / "data";
        auto init = srv::init_data_dir(data);
        REQUIRE(init.ok());
        outcome = *init;
        auto st = srv::SqliteStorage::open(data.db(), false);
        REQUIRE(st.ok());
        storage = std::move(*st);
        srv::Limits limits;
        limits.max_body = max_body;
        auto s = srv::Server::open(*storage, sync::system_clock(), limits);
        REQUIRE(s.ok());
        server = std::move(*s);
        srv::HttpOptions o;
        o.host = "127.0.0.1";
        o.port = 0;
        o.insecure_loopback = insecure;
        o.cert_file = data.cert();
        o.key_file = data.key();
        o.max_body = max_body;
        o.log = [this](const std::string& line) {
            {
                std::lock_guard lock(m_logMutex);
                m_log.push_back(line);
            }
            m_logCv.notify_all();
        };
        auto h = srv::HttpServer::create(*server, o);
        REQUIRE(h.ok());
        http = std::move(*h);
        auto p = http->bind();
        REQUIRE(p.ok());
        port = *p;
        m_thread = std::thread([this] {
            http->listen();
            m_done = true;
        });
    }
    ~WireServer() {
        // stop() is lost if listen() has not begun yet: wait for it to run first.
        while (!http->is_running() && !m_done) std::this_thread::yield();
        http->stop();
        m_thread.join();
    }
    std::vector<std::string> log() {
        std::lock_guard lock(m_logMutex);
        return m_log;
    }
    // httplib logs after the response is written: wait (bounded) until `n` lines are there.
    std::vector<std::string> log_at_least(std::size_t n) {
        std::unique_lock lock(m_logMutex);
        m_logCv.wait_for(lock, std::chrono::seconds(10), [&] { return m_log.size() >= n; });
        return m_log;
    }

    TempDir tmp;
    srv::DataDir data;
    srv::InitOutcome outcome;
    std::unique_ptr<srv::SqliteStorage> storage;
    std::unique_ptr<srv::Server> server;
    std::unique_ptr<srv::HttpServer> http;
    int port = 0;

private:
    std::thread m_thread;
    std::atomic<bool> m_done{false};
    std::mutex m_logMutex;
    std::condition_variable m_logCv;
    std::vector<std::string> m_log;
};

std::unique_ptr<httplib::SSLClient> pinned_client(const WireServer& w) {
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", w.port);
    auto pin = sync::tls::parse_fingerprint(w.outcome.fingerprint);
    REQUIRE(pin);
    REQUIRE(sync::tls::pin_certificate(*c, *pin));
    c->set_connection_timeout(5);
    c->set_read_timeout(10);
    return c;
}

std::string code_of(const std::string& body) {
    const json j = json::parse(body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "";
}

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

}  // namespace

TEST_CASE("server wire: over TLS with a pinned certificate: info, org, auth, push, pull", "[server][wire]") {
    WireServer w;
    auto cli = pinned_client(w);

    auto info = cli->Get("/v1/info");
    REQUIRE(info);
    REQUIRE(info->status == 200);
    CHECK(info->get_header_value("Content-Type") == "application/json");
    CHECK(json::parse(info->body)["server_id"] == w.outcome.server_id);

    // Found the organisation with the bootstrap token `init` printed.
    const auto org_admin = crypto::DeviceIdentity::generate();
    TestDevice admin;
    sync::Directory dir;
    std::vector<sync::SignedEntry> es{sync::Directory::make_genesis(org_admin, crypto::random_id(), "Org", 1)};
    REQUIRE(dir.append(es.back()).ok());
    es.push_back(dir.make_enrol(org_admin, admin.id.id(), admin.id.sign_public(), admin.id.box_public(), "A", "admin", 2));
    REQUIRE(dir.append(es.back()).ok());
    json list = json::array();
    for (const auto& e : es) list.push_back(json::parse(e.to_json()));
    auto org = cli->Post("/v1/org", json{{"bootstrap", w.outcome.bootstrap}, {"entries", list}}.dump(), "application/json");
    REQUIRE(org);
    REQUIRE(org->status == 200);

    // Ed25519 challenge → token.
    auto ch = cli->Post("/v1/auth/challenge", json{{"device", admin.hex()}}.dump(), "application/json");
    REQUIRE(ch);
    REQUIRE(ch->status == 200);
    const auto challenge = json::parse(ch->body)["challenge"].get<std::string>();
    crypto::Id16 server_id{};
    REQUIRE(crypto::from_hex(w.outcome.server_id, server_id));
    const auto sig = admin.id.sign(srv::auth_message(server_id, *sync::wire::unb64(challenge)));
    auto tok = cli->Post("/v1/auth/token", json{{"device", admin.hex()}, {"challenge", challenge}, {"signature", sync::wire::b64(sig)}}.dump(),
                         "application/json");
    REQUIRE(tok);
    REQUIRE(tok->status == 200);
    admin.token = json::parse(tok->body)["token"].get<std::string>();

    const auto scope = crypto::random_id();
    const auto member = dir.make_member(org_admin, true, scope, 1, admin.id.id(), sync::ScopeKind::Team, 3);
    auto m = cli->Post("/v1/directory", bearer(admin.token), json{{"entry", json::parse(member.to_json())}}.dump(), "application/json");
    REQUIRE(m);
    REQUIRE(m->status == 200);
    REQUIRE(dir.append(member).ok());

    const auto key = crypto::SymmetricKey::generate();
    std::vector<crypto::Bytes> envs;
    for (int i = 0; i < 3; ++i)
        envs.push_back(ServerFixture::seal(admin, scope, 1, sync::Hlc::make(sync::system_clock()(), std::uint16_t(i)), key, "über den Draht " + std::to_string(i)));
    auto push = cli->Post("/v1/push", bearer(admin.token), ServerFixture::push_body(admin, envs).dump(), "application/json");
    REQUIRE(push);
    INFO(push->body);
    REQUIRE(push->status == 200);
    CHECK(json::parse(push->body)["accepted"] == 3);

    auto pull = cli->Get(("/v1/pull?scope=" + crypto::to_hex(scope) + "&since=0&limit=10").c_str(), bearer(admin.token));
    REQUIRE(pull);
    REQUIRE(pull->status == 200);
    const json page = json::parse(pull->body);
    REQUIRE(page["items"].size() == 3);
    CHECK(page["more"] == false);
    for (std::size_t i = 0; i < 3; ++i) CHECK(*sync::wire::unb64(page["items"][i]["envelope"].get<std::string>()) == envs[i]);

    SECTION("unauthenticated, malformed and oversized requests over the wire") {
        auto unauth = cli->Get(("/v1/pull?scope=" + crypto::to_hex(scope)).c_str());
        REQUIRE(unauth);
        CHECK(unauth->status == 401);
        CHECK(code_of(unauth->body) == "unauthenticated");
        auto malformed = cli->Post("/v1/push", bearer(admin.token), "{\"commit\": 1", "application/json");
        REQUIRE(malformed);
        CHECK(malformed->status == 400);
        CHECK(code_of(malformed->body) == "bad_request");
        auto unknown = cli->Get("/v1/secret-path?password=hunter2");
        REQUIRE(unknown);
        CHECK(unknown->status == 404);
        CHECK(code_of(unknown->body) == "not_found");
        // The server is still up.
        auto again = cli->Get("/v1/info");
        REQUIRE(again);
        CHECK(again->status == 200);
    }
    SECTION("the access log: one line per request, ids and sizes only") {
        const auto lines = w.log_at_least(7);
        CHECK(lines.size() == 7);  // info, org, challenge, token, directory, push, pull
        const std::regex shape(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (-|[0-9a-f]{32}) (GET|POST) \S+ \d{3} \d+ \d+ \d+ms$)");
        for (const auto& l : lines) {
            INFO(l);
            CHECK(std::regex_match(l, shape));
            CHECK(l.find(admin.token) == std::string::npos);
            CHECK(l.find(w.outcome.bootstrap) == std::string::npos);
            CHECK(l.find("challenge\"") == std::string::npos);
        }
        CHECK(lines.back().find(admin.hex() + " GET /v1/pull?scope=" + crypto::to_hex(scope) + "&since=0&limit=10 200") != std::string::npos);
    }
}

TEST_CASE("server wire: the pin decides: a wrong fingerprint fails the handshake before any request", "[server][wire]") {
    WireServer w;
    {
        httplib::SSLClient wrong("127.0.0.1", w.port);
        sync::tls::Fingerprint pin{};
        pin.fill(0x42);
        REQUIRE(sync::tls::pin_certificate(wrong, pin));
        wrong.set_connection_timeout(5);
        auto r = wrong.Post("/v1/auth/challenge", "{}", "application/json");
        CHECK_FALSE(r);
        CHECK(r.error() == httplib::Error::SSLConnection);
    }
    {
        // httplib's default CA and host-name check refuses the self-signed certificate.
        httplib::SSLClient unpinned("127.0.0.1", w.port);
        unpinned.set_connection_timeout(5);
        auto r = unpinned.Get("/v1/info");
        CHECK_FALSE(r);
    }
    {
        httplib::Client plain("127.0.0.1", w.port);  // plain HTTP to the TLS port
        plain.set_connection_timeout(5);
        plain.set_read_timeout(5);
        auto r = plain.Get("/v1/info");
        CHECK((!r || r->status != 200));
    }
    CHECK(w.log().empty());  // no request reached the handler

    auto right = pinned_client(w);
    auto ok = right->Get("/v1/info");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    // The client-side fingerprint of the certificate equals what init printed.
    auto fp = srv::certificate_fingerprint(w.data.cert());
    REQUIRE(fp.ok());
    CHECK(*fp == w.outcome.fingerprint);
    CHECK(sync::tls::parse_fingerprint("AB:" + std::string(62, '0')).has_value());
    CHECK_FALSE(sync::tls::parse_fingerprint(std::string(63, '0')).has_value());
}

TEST_CASE("server wire: a body over the limit is refused by the HTTP layer with a JSON error", "[server][wire]") {
    WireServer w(false, 64 * 1024);
    auto cli = pinned_client(w);
    auto r = cli->Post("/v1/push", std::string(64 * 1024 + 10, 'x'), "application/json");
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(code_of(r->body) == "too_large");
    auto info = cli->Get("/v1/info");
    REQUIRE(info);
    CHECK(info->status == 200);
}

TEST_CASE("server wire: plain HTTP only on loopback with insecure_loopback", "[server][wire]") {
    {
        WireServer w(true);
        httplib::Client plain("127.0.0.1", w.port);
        auto r = plain.Get("/v1/info");
        REQUIRE(r);
        CHECK(r->status == 200);
    }
    TempDir tmp;
    srv::DataDir data{tmp / "d"};
    REQUIRE(srv::init_data_dir(data).ok());
    auto st = srv::SqliteStorage::open(data.db(), false);
    REQUIRE(st.ok());
    auto s = srv::Server::open(**st, sync::system_clock());
    REQUIRE(s.ok());
    srv::HttpOptions o;
    o.host = "0.0.0.0";
    o.insecure_loopback = true;
    auto h = srv::HttpServer::create(**s, o);
    REQUIRE_FALSE(h.ok());
    CHECK(h.error() == sync::Error::InvalidArgument);

    CHECK(srv::is_loopback("127.0.0.1"));
    CHECK(srv::is_loopback("127.8.9.10"));
    CHECK(srv::is_loopback("::1"));
    CHECK(srv::is_loopback("localhost"));
    CHECK_FALSE(srv::is_loopback("0.0.0.0"));
    CHECK_FALSE(srv::is_loopback("192.168.1.5"));
    CHECK_FALSE(srv::is_loopback("::"));
    CHECK_FALSE(srv::is_loopback("example.org"));
    CHECK(srv::parse_listen("127.0.0.1:0") == std::make_pair(std::string("127.0.0.1"), 0));
    CHECK(srv::parse_listen("[::1]:8443") == std::make_pair(std::string("::1"), 8443));
    CHECK_FALSE(srv::parse_listen("127.0.0.1"));
    CHECK_FALSE(srv::parse_listen("127.0.0.1:70000"));
    CHECK_FALSE(srv::parse_listen("::1:80"));
    CHECK_FALSE(srv::parse_listen(":80"));
}

TEST_CASE("server wire: command line: init once, fingerprint, devices, exit codes", "[server][cli]") {
    REQUIRE(crypto::init());
    TempDir tmp;
    const std::string dir = (tmp / "data").string();
    auto run = [](std::vector<std::string> args, std::string* out = nullptr) {
        std::ostringstream o, e;
        const int rc = srv::run_cli(args, o, e);
        if (out) *out = o.str();
        return rc;
    };
    std::string out;
    CHECK(run({"devices", "--data", dir}) == srv::kExitNotInitialised);
    CHECK(run({"fingerprint", "--data", dir}) == srv::kExitNotInitialised);
    REQUIRE(run({"init", "--data", dir}, &out) == srv::kExitOk);
    const json printed = json::parse(out);
    CHECK(printed["server_id"].get<std::string>().size() == 32);
    CHECK(printed["bootstrap"].get<std::string>().size() == 64);
    CHECK((std::filesystem::status(dir).permissions() & std::filesystem::perms::all) == std::filesystem::perms::owner_all);
    CHECK((std::filesystem::status(dir + "/key.pem").permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK_FALSE(any_file_contains(tmp.path(), printed["bootstrap"].get<std::string>()));  // stored only hashed
    CHECK(run({"init", "--data", dir}) == srv::kExitInitialised);
    REQUIRE(run({"fingerprint", "--data", dir}, &out) == srv::kExitOk);
    CHECK(out == printed["fingerprint"].get<std::string>() + "\n");
    REQUIRE(run({"devices", "--data", dir}, &out) == srv::kExitOk);
    CHECK(json::parse(out)["devices"].empty());
    CHECK(json::parse(out)["org"].is_null());
    CHECK(run({}) == srv::kExitUsage);
    CHECK(run({"serve", "--data", dir}) == srv::kExitUsage);                    // no --listen
    CHECK(run({"init", "--data", dir, "--bogus"}) == srv::kExitUsage);
    CHECK(run({"serve", "--data", dir, "--listen", "10.1.2.3:0", "--insecure-loopback"}) == srv::kExitUsage);
    CHECK(run({"serve", "--data", dir, "--listen", "nonsense"}) == srv::kExitUsage);
    CHECK(run({"serve", "--data", (tmp / "none").string(), "--listen", "127.0.0.1:0"}) == srv::kExitNotInitialised);
}

// ---------------------------------------------------------------------------------------------
// Bounds (docs/server.md, "Bounds"): what a caller without a token can make the server read,
// inflate, hold or parse. The memory figures are this process's peak (server and client share
// it), measured afresh around the one request.

namespace {

// How far this process's peak resident memory rose while `f` ran, in MiB.
template <class F>
double peak_growth_while(F&& f) {
    REQUIRE(reset_peak_rss());
    const std::int64_t base = status_kib("VmRSS");
    f();
    return peak_growth_mib(base);
}

// One raw exchange with a plain-HTTP server: sends `bytes`, reads one response (headers and a
// Content-Length body), then whether the server closes the connection within `wait_ms`.
struct RawAnswer {
    int status = 0;
    std::string code;
    bool closed = false;
    bool eof = false;  // the server closed right after an answer without Content-Length
    int fd = -1;  // still open when !closed: the caller may send another request, then close
};
RawAnswer raw_exchange(int port, const std::string& bytes, int wait_ms = 2000) {
    RawAnswer a;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(std::uint16_t(port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (std::size_t off = 0; off < bytes.size();) {
        const auto n = ::send(fd, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may close before it has read everything: that is the point
        off += std::size_t(n);
    }
    std::string in;
    char buf[4096];
    // The answer's end: its Content-Length, or without one (an answer that closes, as cpp-httplib
    // sends a refusal of `Expect: 100-continue`) the end of the connection. Whatever the body's
    // bytes may lag behind the head's on a busy machine.
    std::size_t need = std::string::npos;
    bool head_seen = false;
    while (!head_seen || need == std::string::npos || in.size() < need) {
        const auto n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            if (head_seen && need == std::string::npos && n == 0) a.eof = true;
            break;
        }
        in.append(buf, std::size_t(n));
        const auto end = in.find("\r\n\r\n");
        if (!head_seen && end != std::string::npos) {
            head_seen = true;
            std::smatch m;
            const std::string head = in.substr(0, end);
            const std::regex cl(R"(Content-Length: (\d+))", std::regex::icase);
            if (std::regex_search(head, m, cl)) need = end + 4 + std::stoul(m[1]);
        }
    }
    if (in.size() > 12 && in.compare(0, 9, "HTTP/1.1 ") == 0) a.status = std::stoi(in.substr(9, 3));
    const auto end = in.find("\r\n\r\n");
    if (end != std::string::npos) a.code = code_of(in.substr(end + 4));
    pollfd p{fd, POLLIN, 0};
    if (a.eof || (::poll(&p, 1, wait_ms) == 1 && ::recv(fd, buf, sizeof buf, MSG_PEEK) <= 0)) a.closed = true;
    if (a.closed) ::close(fd);
    else a.fd = fd;
    return a;
}

}  // namespace

TEST_CASE("server wire: a chunked body is refused at its headers: the server reads none of it", "[server][wire][limits]") {
    WireServer w(false, 1 << 20);
    auto cli = pinned_client(w);
    const std::string piece(256 * 1024, 'x');
    std::size_t offered = 0;
    int status = 0;
    std::string code;
    // 64 MiB in chunks, against a 1 MiB limit that cpp-httplib 0.11 checks only on Content-Length.
    const double grew = peak_growth_while([&] {
        auto r = cli->Post("/v1/push", httplib::Headers{}, [&](std::size_t, httplib::DataSink& sink) {
            if (offered >= (64u << 20)) {
                sink.done();
                return true;
            }
            offered += piece.size();
            return sink.write(piece.data(), piece.size());
        }, "application/json");
        if (r) {
            status = r->status;
            code = code_of(r->body);
        }
    });
    INFO("peak grew by " << grew << " MiB; the client offered " << (offered >> 20) << " MiB");
    // The answer may be lost to the client while it is still writing (the server closes at once).
    if (status) {
        CHECK(status == 411);
        CHECK(code == "length_required");
    }
    CHECK(grew < 16);
    CHECK(offered < (64u << 20));  // the server stopped reading: the client's writes failed
    const auto lines = w.log_at_least(1);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front().find(" POST /v1/push 411 0 ") != std::string::npos);
    auto info = pinned_client(w)->Get("/v1/info");
    REQUIRE(info);
    CHECK(info->status == 200);
}

TEST_CASE("server wire: a compressed body is refused before it is inflated", "[server][wire][limits]") {
    WireServer w(false, 1 << 20);
    auto cli = pinned_client(w);
    cli->set_compress(true);  // gzip, Content-Encoding: gzip
    // Valid JSON, 32 MiB of it whitespace: about 32 KiB on the wire, 32 MiB once inflated.
    const std::string body = "{\"device\": \"" + std::string(32, '0') + "\"" + std::string(32u << 20, ' ') + "}";
    int status = 0;
    std::string code;
    const double grew = peak_growth_while([&] {
        auto r = cli->Post("/v1/auth/challenge", body, "application/json");
        if (r) {
            status = r->status;
            code = code_of(r->body);
        }
    });
    INFO("peak grew by " << grew << " MiB");
    // Refused at its headers: httplib's client writes the body after them, and may find the
    // connection closed before it reads the answer (the raw table below reads it every time).
    if (status) {
        CHECK(status == 415);
        CHECK(code == "unsupported_encoding");
    }
    CHECK(grew < 16);
    const auto lines = w.log_at_least(1);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front().find(" POST /v1/auth/challenge 415 0 ") != std::string::npos);
    auto info = pinned_client(w)->Get("/v1/info");
    REQUIRE(info);
    CHECK(info->status == 200);
}

TEST_CASE("server wire: without a valid token a body is neither kept nor parsed", "[server][wire][limits]") {
    WireServer w(false, 1 << 20);
    auto cli = pinned_client(w);
    // 900 KiB of '[': under the body limit, and about 70 MiB of nested arrays once parsed.
    const std::string nested(900 * 1024, '[');
    struct Row {
        const char* what;
        const char* path;
        httplib::Headers headers;
        int status;
        const char* code;
    };
    const std::vector<Row> rows = {
        {"no token", "/v1/push", {}, 401, "unauthenticated"},
        {"an unknown token", "/v1/push", bearer(std::string(64, 'a')), 401, "unauthenticated"},
        {"no token on another endpoint", "/v1/directory", {}, 401, "unauthenticated"},
        {"an endpoint without a token takes small bodies only", "/v1/auth/challenge", {}, 413, "too_large"},
        {"an enrolment request likewise", "/v1/enrol/request", {}, 413, "too_large"},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        int status = 0;
        std::string code;
        const double grew = peak_growth_while([&] {
            auto r = cli->Post(row.path, row.headers, nested, "application/json");
            REQUIRE(r);
            status = r->status;
            code = code_of(r->body);
        });
        INFO("peak grew by " << grew << " MiB");
        CHECK(status == row.status);
        CHECK(code == row.code);
        CHECK(grew < 16);
        // The body was drained, not left on the connection: the next request on it is answered.
        auto info = cli->Get("/v1/info");
        REQUIRE(info);
        CHECK(info->status == 200);
    }
}

TEST_CASE("server wire: bodies that cannot be bounded by their headers are refused before they are read", "[server][wire][limits]") {
    WireServer w(true, 64 * 1024);  // plain HTTP on loopback: raw requests, byte for byte
    const std::string host = "Host: 127.0.0.1\r\n";
    struct Row {
        const char* what;
        std::string request;
        int status;
        const char* code;
        bool closes;  // the rest of the request may still be on the wire: nothing after it is read
    };
    const std::vector<Row> rows = {
        {"no Content-Length", "POST /v1/auth/challenge HTTP/1.1\r\n" + host + "\r\n{}", 411, "length_required", true},
        {"chunked", "POST /v1/auth/challenge HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 411,
         "length_required", true},
        {"a chunk-size line that never ends",
         "POST /v1/push HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n" + std::string(4u << 20, 'f'), 411, "length_required", true},
        {"another transfer coding", "POST /v1/auth/challenge HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n", 411,
         "length_required", true},
        {"gzip", "POST /v1/auth/challenge HTTP/1.1\r\n" + host + "Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}", 415,
         "unsupported_encoding", true},
        {"identity is a Content-Encoding too", "POST /v1/auth/challenge HTTP/1.1\r\n" + host + "Content-Encoding: identity\r\nContent-Length: 2\r\n\r\n{}",
         415, "unsupported_encoding", true},
        {"multipart", "POST /v1/push HTTP/1.1\r\n" + host + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 2\r\n\r\n{}",
         400, "bad_request", true},
        {"a Content-Length that is no number", "POST /v1/push HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n{}", 400, "bad_request", true},
        {"a body on a GET", "GET /v1/info HTTP/1.1\r\n" + host + "Content-Length: 2\r\n\r\n{}", 400, "bad_request", true},
        {"asks before it sends, without a token: answered instead of 100 Continue",
         "POST /v1/push HTTP/1.1\r\n" + host + "Expect: 100-continue\r\nContent-Length: 1000\r\n\r\n", 401, "unauthenticated", true},
        {"asks before it sends, over the limit",
         "POST /v1/push HTTP/1.1\r\n" + host + "Expect: 100-continue\r\nContent-Length: 70000\r\n\r\n", 413, "too_large", true},
        {"over the limit, with a length: drained and answered", "POST /v1/push HTTP/1.1\r\n" + host + "Content-Length: 70000\r\n\r\n" +
         std::string(70000, 'x'), 413, "too_large", false},
        {"no token, with a length: drained and answered", "POST /v1/push HTTP/1.1\r\n" + host + "Content-Length: 2\r\n\r\n{}", 401,
         "unauthenticated", false},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        RawAnswer a = raw_exchange(w.port, row.request, row.closes ? 5000 : 300);
        CHECK(a.status == row.status);
        CHECK(a.code == row.code);
        CHECK(a.closed == row.closes);
        if (a.fd >= 0) {
            // Kept alive: the next request on the same connection is read as a request.
            const std::string next = "GET /v1/info HTTP/1.1\r\n" + host + "\r\n";
            REQUIRE(::send(a.fd, next.data(), next.size(), MSG_NOSIGNAL) == ssize_t(next.size()));
            char buf[512];
            const auto n = ::recv(a.fd, buf, sizeof buf, 0);
            CHECK(std::string(buf, std::size_t(std::max<ssize_t>(n, 0))).rfind("HTTP/1.1 200", 0) == 0);
            ::close(a.fd);
        }
    }
    httplib::Client plain("127.0.0.1", w.port);
    auto r = plain.Get("/v1/info");
    REQUIRE(r);
    CHECK(r->status == 200);
}

// ---------------------------------------------------------------------------------------------
// The client's side (sync/client/https_transport.cpp): a server (or whoever holds its key) that answers
// with more than any answer of the protocol can be, or without end, or as a gzip bomb, costs the
// client at most its response cap (HttpsOptions::max_response), and the sync gets a Protocol error.

namespace {

// A plain-HTTP loopback server with hostile answers, serving in a thread until destroyed.
class HostileServer {
public:
    HostileServer() {
        m_http.Get("/v1/small", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(100 * 1024, 'x'), "application/json");
        });
        m_http.Post("/v1/push", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content("{\"got\": " + std::to_string(req.body.size()) + "}", "application/json");
        });
        // 3 MiB with its length announced.
        m_http.Get("/v1/big", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(3u << 20, 'x'), "application/octet-stream");
        });
        // Chunked, 1 MiB of JSON whitespace after another, until the client stops reading or
        // 128 MiB have gone; compressed by cpp-httplib when the request accepts gzip.
        auto endless = [this](const httplib::Request&, httplib::Response& res) {
            res.set_chunked_content_provider("application/json", [this](std::size_t offset, httplib::DataSink& sink) {
                static const std::string piece(1u << 20, ' ');
                if (offset >= (128u << 20)) {
                    sink.done();
                    return true;
                }
                served = offset + piece.size();
                return sink.write(piece.data(), piece.size());
            });
        };
        m_http.Get("/v1/endless", endless);
        m_http.Get("/v1/pull", endless);
        m_http.Get("/v1/gzip", endless);
        // The client does not ask for gzip; a hostile server sends it anyway: this one pretends
        // it was asked (the request object is httplib's own, not const), and each 1 MiB of
        // whitespace goes out as about 1 KiB.
        m_http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
            if (req.path == "/v1/gzip") const_cast<httplib::Request&>(req).headers.emplace("Accept-Encoding", "gzip");
            return httplib::Server::HandlerResponse::Unhandled;
        });
        port = m_http.bind_to_any_port("127.0.0.1");
        REQUIRE(port > 0);
        m_thread = std::thread([this] { m_http.listen_after_bind(); });
        while (!m_http.is_running()) std::this_thread::yield();
    }
    ~HostileServer() {
        m_http.stop();
        m_thread.join();
    }
    int port = 0;
    std::atomic<std::size_t> served{0};

private:
    httplib::Server m_http;
    std::thread m_thread;
};

}  // namespace

TEST_CASE("client wire: an answer past the response cap is refused without being kept", "[client][wire][limits]") {
    std::signal(SIGPIPE, SIG_IGN);
    HostileServer h;
    sync::HttpsOptions o;
    o.max_response = 1u << 20;
    auto t = sync::make_https_transport("http://127.0.0.1:" + std::to_string(h.port), "", o);
    REQUIRE(t.ok());
    sync::Transport& transport = **t;
    auto get = [&](const std::string& path) {
        sync::Request r;
        r.method = "GET";
        r.path = path;
        return transport.send(r);
    };

    // Answers within the cap pass as before, on the same connection.
    auto small = get("/v1/small");
    REQUIRE(small.ok());
    CHECK(small->status == 200);
    CHECK(small->body.size() == 100 * 1024);
    sync::Request push;
    push.method = "POST";
    push.path = "/v1/push";
    push.body = std::string(512 * 1024, 'p');
    auto pushed = transport.send(push);
    REQUIRE(pushed.ok());
    CHECK(pushed->body == "{\"got\": 524288}");

    struct Row {
        const char* what;
        const char* path;
    };
    for (const Row& row : {Row{"3 MiB with its length", "/v1/big"}, Row{"chunked without end", "/v1/endless"},
                           Row{"a pull page without end", "/v1/pull"}, Row{"gzip without end", "/v1/gzip"}}) {
        INFO(row.what);
        h.served = 0;
        std::optional<sync::Result<sync::Response>> r;
        const double grew = peak_growth_while([&] { r.emplace(get(row.path)); });
        INFO("peak grew by " << grew << " MiB; the server got " << (h.served >> 20) << " MiB out");
        REQUIRE_FALSE(r->ok());
        CHECK(r->error() == sync::Error::Protocol);
        CHECK(grew < 16);
        CHECK(h.served < (128u << 20));  // the client stopped reading
    }
    // And the transport still works afterwards.
    auto again = get("/v1/small");
    REQUIRE(again.ok());
    CHECK(again->status == 200);
}
