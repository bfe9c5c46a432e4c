// The real wire: quartier-server's HTTP binding over TLS (SSLServer with a certificate made by
// `init`) on a free loopback port in a thread, stopped and joined by a guard, talked to by
// httplib::SSLClient with the certificate pinned (sync/server/pin.h). Plus the command line.
#include "server_fixture.h"

#include "sync/server/admin.h"
#include "sync/server/cli.h"
#include "sync/server/http.h"
#include "sync/server/pin.h"
#include "sync/server/tls.h"

#include <atomic>
#include <condition_variable>
#include <csignal>
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
