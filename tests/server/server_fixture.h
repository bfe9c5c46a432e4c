// In-process fixture for quartier-server: a temp SQLite storage, an injected clock, a Server,
// an organisation admin key and an admin device, and helpers that make real directory entries,
// grants, envelopes and commits the way clients do.
#pragma once

#include "sync/server/server.h"
#include "sync/server/sqlite_storage.h"

#include "sync/org/grant.h"

#include "crypto/commit.h"
#include "crypto/envelope.h"

#include "support/tempdir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

namespace quartier::test {

using nlohmann::json;
namespace srv = quartier::sync::server;

inline srv::Limits generous_limits() {
    srv::Limits l;
    l.rate_per_second = 1e6;
    l.rate_burst = 1e6;
    return l;
}

inline crypto::Bytes bytes_of(std::string_view s) { return crypto::Bytes(s.begin(), s.end()); }

// A device as a client holds it: its identity and the token it got.
struct TestDevice {
    crypto::DeviceIdentity id = crypto::DeviceIdentity::generate();
    std::string token;
    mutable std::uint64_t seq = 0;  // the device sequence number of the last envelope sealed for it
    std::string hex() const { return crypto::to_hex(id.id()); }
};

struct ServerFixture {
    TempDir tmp;
    std::unique_ptr<srv::SqliteStorage> storage;
    std::unique_ptr<srv::Server> server;
    std::uint64_t now = 1'750'000'000'000;  // ms; tests move it
    srv::Limits limits;
    // When set, call() sends through it instead of calling Server::handle (tests/server/loopback.h:
    // the real HTTP server on a loopback port).
    std::function<srv::Response(const srv::Request&)> transport;
    std::string bootstrap = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    crypto::Id16 server_id{};
    crypto::Id16 org = crypto::random_id();
    crypto::DeviceIdentity org_admin = crypto::DeviceIdentity::generate();  // the organisation's admin key
    TestDevice admin;                                                       // the admin's device (role admin)
    sync::Directory dir;                                                    // the clients' copy

    explicit ServerFixture(srv::Limits l = generous_limits()) : limits(l) {
        REQUIRE(crypto::init());
        auto s = srv::SqliteStorage::open(tmp / "server.db", true);
        REQUIRE(s.ok());
        storage = std::move(*s);
        server_id = crypto::random_id();
        REQUIRE(storage->initialise(server_id, crypto::hash(bytes_of(bootstrap))).ok());
        restart();
    }

    // A new Server over the same storage: as after a process restart (tokens are gone).
    void restart() {
        server.reset();
        auto s = srv::Server::open(*storage, [this] { return now; }, limits);
        REQUIRE(s.ok());
        server = std::move(*s);
    }

    srv::Response call(const std::string& method, const std::string& path, const std::string& body = {},
                       const std::string& token = {}, std::map<std::string, std::string> query = {}) {
        srv::Request r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.query = std::move(query);
        if (!token.empty()) r.headers["Authorization"] = "Bearer " + token;
        return transport ? transport(r) : server->handle(r);
    }
    srv::Response post(const std::string& path, const json& body, const std::string& token = {}) {
        return call("POST", path, body.dump(), token);
    }
    srv::Response get(const std::string& path, const std::string& token, std::map<std::string, std::string> query = {}) {
        return call("GET", path, {}, token, std::move(query));
    }

    static json body(const srv::Response& r) { return json::parse(r.body); }
    static std::string code(const srv::Response& r) {
        const json j = json::parse(r.body, nullptr, false);
        if (j.is_discarded() || !j.contains("error")) return "";
        return j["error"]["code"].get<std::string>();
    }

    json entry(const sync::SignedEntry& e) const { return json::parse(e.to_json()); }

    // Genesis + enrol(admin device, role admin), posted with the bootstrap token.
    void found() {
        dir = sync::Directory();
        std::vector<sync::SignedEntry> es;
        es.push_back(sync::Directory::make_genesis(org_admin, org, "Jugendamt Test", now));
        REQUIRE(dir.append(es.back()).ok());
        es.push_back(dir.make_enrol(org_admin, admin.id.id(), admin.id.sign_public(), admin.id.box_public(), "Admin-Tablet", "admin", now));
        REQUIRE(dir.append(es.back()).ok());
        json list = json::array();
        for (const auto& e : es) list.push_back(entry(e));
        auto r = post("/v1/org", json{{"bootstrap", bootstrap}, {"entries", list}});
        INFO(r.body);
        REQUIRE(r.status == 200);
        login(admin);
    }

    srv::Response try_login(TestDevice& d) {
        auto c = post("/v1/auth/challenge", json{{"device", d.hex()}});
        if (c.status != 200) return c;
        auto ch = sync::wire::unb64(body(c)["challenge"].get<std::string>());
        REQUIRE(ch);
        const auto sig = d.id.sign(srv::auth_message(server_id, *ch));
        auto t = post("/v1/auth/token", json{{"device", d.hex()}, {"challenge", body(c)["challenge"]}, {"signature", sync::wire::b64(sig)}});
        if (t.status == 200) d.token = body(t)["token"].get<std::string>();
        return t;
    }
    void login(TestDevice& d) {
        auto r = try_login(d);
        INFO(r.body);
        REQUIRE(r.status == 200);
    }

    // Posts one directory entry as the admin device and mirrors it locally.
    void append(const sync::SignedEntry& e) {
        auto r = post("/v1/directory", json{{"entry", entry(e)}}, admin.token);
        INFO(r.body);
        REQUIRE(r.status == 200);
        REQUIRE(dir.append(e).ok());
    }
    void enrol(TestDevice& d, const std::string& role = "caseworker") {
        append(dir.make_enrol(org_admin, d.id.id(), d.id.sign_public(), d.id.box_public(), "Tablet " + role, role, now));
        login(d);
    }
    void add_member(const crypto::ScopeId& scope, std::uint32_t epoch, const TestDevice& d,
                    sync::ScopeKind kind = sync::ScopeKind::Case) {
        append(dir.make_member(org_admin, true, scope, epoch, d.id.id(), kind, now));
    }
    void revoke(const TestDevice& d) { append(dir.make_revoke(org_admin, d.id.id(), false, now)); }

    // A real envelope sealed under `key`, without its own signature (it travels with a commit).
    // `seq` 0: the device's next sequence number, as a client counts them.
    static crypto::Bytes seal(const TestDevice& d, const crypto::ScopeId& scope, std::uint32_t epoch, std::uint64_t hlc,
                              const crypto::SymmetricKey& key, std::string_view text, std::uint64_t seq = 0) {
        if (seq == 0) seq = d.seq + 1;
        d.seq = std::max(d.seq, seq);
        crypto::EnvelopeHeader h;
        h.scope = scope;
        h.epoch = epoch;
        h.op = crypto::random_id();
        h.hlc = hlc;
        h.author = d.id.id();
        h.seq = seq;
        return crypto::seal_envelope(h, key, bytes_of(text), nullptr);
    }
    static crypto::Hash32 hash_of(const crypto::Bytes& env) {
        auto v = crypto::parse_envelope(env);
        REQUIRE(v.ok());
        return v->hash();
    }
    // The push body: a transport commit by `signer` over exactly `envs`.
    static json push_body(const TestDevice& signer, const std::vector<crypto::Bytes>& envs) {
        std::vector<crypto::Hash32> hashes;
        json list = json::array();
        for (const auto& e : envs) {
            hashes.push_back(hash_of(e));
            list.push_back(sync::wire::b64(e));
        }
        const auto commit = crypto::make_commit(signer.id, hashes);
        return json{{"commit", sync::wire::b64(commit.serialize())}, {"envelopes", list}};
    }
    std::uint64_t hlc_now() const { return sync::Hlc::make(now, 0); }

    // Everything the server holds, as text: to assert that a refused request changed nothing.
    std::string state() {
        std::string s;
        auto d = storage->directory();
        REQUIRE(d.ok());
        for (const auto& e : *d) s += e + "\n";
        auto n = storage->envelope_count();
        REQUIRE(n.ok());
        s += "envelopes " + std::to_string(*n) + "\n";
        auto g = storage->all_grants();
        REQUIRE(g.ok());
        for (const auto& x : *g) s += x.json + "\n";
        auto q = storage->requests();
        REQUIRE(q.ok());
        for (const auto& x : *q) s += crypto::to_hex(x.device) + "\n";
        return s;
    }
};

}  // namespace quartier::test
