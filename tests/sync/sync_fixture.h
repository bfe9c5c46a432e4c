// In-process sync tests in the manner of the Nextcloud client's syncenginetestutils.h: several
// device stores and the real server handler behind a fake transport that can fail, hang, delay,
// duplicate, reorder and corrupt on demand. A fixture starts with an organisation, N enrolled
// devices and one team scope all of them hold, already synced. The organisation has an escrow
// key; its file (secret sealed under kEscrowPassphrase) lives in the fixture, on no device.
#pragma once

#include "sync/client/client.h"
#include "sync/core/database.h"
#include "sync/org/escrow.h"
#include "sync/client/org.h"
#include "sync/client/roles.h"
#include "sync/server/server.h"
#include "sync/server/sqlite_storage.h"
#include "support/tempdir.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <sstream>

namespace quartier::test {

using namespace quartier::sync;

inline const crypto::PwhashParams kFastKdf{1, 8u << 20};

enum class Fault {
    None,
    DropRequest,    // the request never reaches the server (network down)
    DropResponse,   // the server handles it, the answer is lost (timeout after the fact)
    Status500,      // the server answers 500 without handling it
    Status503,
    Status429,
    Status400,      // the server answers 400 without handling it (a bug on either side)
    Status401,      // the token is refused (expired, or the server restarted)
    Status403,      // the server refuses the device
    Truncate,       // the server handles it, the answer body is cut in half
    Corrupt,        // the server handles it, the answer body is garbage
    Duplicate,      // the request reaches the server twice; the client sees the second answer
    Reorder,        // a pull answer's items arrive shuffled
};

inline const char* to_string(Fault f) {
    switch (f) {
    case Fault::None: return "none";
    case Fault::DropRequest: return "drop request";
    case Fault::DropResponse: return "drop response";
    case Fault::Status500: return "500";
    case Fault::Status503: return "503";
    case Fault::Status429: return "429";
    case Fault::Status400: return "400";
    case Fault::Status401: return "401";
    case Fault::Status403: return "403";
    case Fault::Truncate: return "truncated body";
    case Fault::Corrupt: return "corrupt body";
    case Fault::Duplicate: return "duplicate request";
    case Fault::Reorder: return "reorder";
    }
    return "?";
}

// The real server handler over a temp SQLite file; restartable.
class FakeServer {
public:
    FakeServer() { start(true); }
    void start(bool create) {
        m_server.reset();
        m_storage.reset();
        auto st = server::SqliteStorage::open(m_dir / "server.db", create);
        REQUIRE(st.ok());
        m_storage = std::move(*st);
        if (create) {
            const std::string boot = bootstrap();
            REQUIRE(m_storage->initialise(crypto::random_id(), crypto::hash(crypto::ByteView(
                                                                  reinterpret_cast<const std::uint8_t*>(boot.data()), boot.size())))
                        .ok());
        }
        auto s = server::Server::open(*m_storage, [this] { return now; });
        REQUIRE(s.ok());
        m_server = std::move(*s);
    }
    // A restart: tokens and challenges are gone, storage stays.
    void restart() { start(false); }
    // A backup as docs/server.md advises: a consistent copy of the database file.
    void backup(const std::filesystem::path& to) {
        auto db = Database::open(m_dir / "server.db", false);
        REQUIRE(db.ok());
        REQUIRE(db->exec(("VACUUM INTO '" + to.string() + "'").c_str()).ok());
    }
    // The server stopped, its database replaced by a backup, started again.
    void restore(const std::filesystem::path& from) {
        m_server.reset();
        m_storage.reset();
        for (const char* f : {"server.db", "server.db-wal", "server.db-shm"}) std::filesystem::remove(m_dir / f);
        std::filesystem::copy_file(from, m_dir / "server.db");
        start(false);
    }
    server::Response handle(const server::Request& r) { return m_server->handle(r); }
    static std::string bootstrap() { return "test-bootstrap-token"; }
    const TempDir& dir() const { return m_dir; }
    server::SqliteStorage& storage() { return *m_storage; }

    std::uint64_t now = 1'800'000'000'000;

private:
    TempDir m_dir;
    std::unique_ptr<server::SqliteStorage> m_storage;
    std::unique_ptr<server::Server> m_server;
};

class FakeTransport final : public Transport {
public:
    explicit FakeTransport(FakeServer& s) : m_server(s) {}

    // Decides the fault for each request; default: none.
    std::function<Fault(const Request&)> faults;
    // A compromised server: may rewrite the real server's answer to a request.
    std::function<void(const Request&, server::Response&)> tamper;
    std::size_t requests = 0;

    sync::Result<Response> send(const Request& req) override {
        ++requests;
        m_server.now += 20;  // requests take time: the server's rate limit sees a realistic cadence
        const Fault f = faults ? faults(req) : Fault::None;
        if (f == Fault::DropRequest) return {Error::Network, "injected: connection refused"};
        if (f == Fault::Status500) return Response{500, wire::error_body("internal", "injected"), std::string(wire::kJsonType)};
        if (f == Fault::Status503) return Response{503, "<html>Service Unavailable</html>", "text/html"};
        if (f == Fault::Status429) return Response{429, wire::error_body("rate_limited", "injected"), std::string(wire::kJsonType)};
        if (f == Fault::Status400) return Response{400, wire::error_body("bad_request", "injected"), std::string(wire::kJsonType)};
        if (f == Fault::Status401) return Response{401, wire::error_body("unauthenticated", "injected"), std::string(wire::kJsonType)};
        if (f == Fault::Status403) return Response{403, wire::error_body("forbidden", "injected"), std::string(wire::kJsonType)};
        server::Request sr;
        sr.method = req.method;
        sr.path = req.path;
        sr.body = req.body;
        if (!req.token.empty()) sr.headers["Authorization"] = "Bearer " + req.token;
        if (req.method == "POST") sr.headers["Content-Type"] = req.content_type;
        if (!req.accept.empty()) sr.headers["Accept"] = req.accept;
        std::stringstream q(req.query);
        for (std::string kv; std::getline(q, kv, '&');)
            if (auto eq = kv.find('='); eq != std::string::npos) sr.query[kv.substr(0, eq)] = kv.substr(eq + 1);
        server::Response r = m_server.handle(sr);
        if (f == Fault::Duplicate) r = m_server.handle(sr);
        if (tamper) tamper(req, r);
        if (f == Fault::DropResponse) return {Error::Network, "injected: timeout"};
        if (f == Fault::Truncate) r.body = r.body.substr(0, r.body.size() / 2);
        if (f == Fault::Corrupt) r.body = "{\"items\": 7, \"next\": \"x\", \"accepted\": -1}";
        if (f == Fault::Reorder && req.path == "/v1/pull" && r.content_type == wire::kFramedType) {
            auto page = wire::parse_pull(r.body);
            REQUIRE(page.ok());
            std::reverse(page->items.begin(), page->items.end());
            r.body = wire::frame_pull(*page);  // the views point into the old body: frame first
        } else if (f == Fault::Reorder && req.path == "/v1/pull") {
            auto j = nlohmann::json::parse(r.body, nullptr, false);
            if (j.is_object() && j.contains("items") && j["items"].is_array()) {
                std::vector<nlohmann::json> items(j["items"].begin(), j["items"].end());
                std::reverse(items.begin(), items.end());
                j["items"] = items;
                r.body = j.dump();
            }
        }
        return Response{r.status, r.body, std::string(r.content_type)};
    }

private:
    FakeServer& m_server;
};

struct Device {
    Device(FakeServer& server, std::string name) : name(std::move(name)), server(&server), transport(server) {
        auto s = Store::create(dir.path() / "store", "passphrase of " + this->name, kFastKdf, options());
        REQUIRE(s.ok());
        store = std::move(*s);
        client = std::make_unique<SyncClient>(*store, transport, sync_options(this->server));
    }
    StoreOptions options() {
        StoreOptions o;
        o.clock = [this] { return clock_ms; };
        return o;
    }
    // Waiting between retries moves the fake server's clock instead of sleeping.
    static SyncOptions sync_options(FakeServer* server) {
        SyncOptions o;
        o.sleep = [server](std::chrono::milliseconds d) { server->now += std::uint64_t(d.count()); };
        o.max_attempts = 4;
        o.seed = 42;
        return o;
    }
    // Closes and reopens the store (a restart of the app).
    void reopen() {
        client.reset();
        store.reset();
        auto s = Store::open(dir.path() / "store", "passphrase of " + name, options());
        REQUIRE(s.ok());
        store = std::move(*s);
        client = std::make_unique<SyncClient>(*store, transport, sync_options(server));
    }
    sync::Result<SyncReport> sync() { return client->sync(); }
    void sync_ok() {
        auto r = sync();
        INFO(name << ": " << (r.ok() ? std::string() : std::string(to_string(r.error())) + " " + r.detail()));
        REQUIRE(r.ok());
    }
    std::string set(const std::string& id, const std::string& field, const std::string& value, const ScopeId* scope = nullptr) {
        Writer w(*store);
        auto r = w.set("case", id, field, value, scope);
        REQUIRE(r.ok());
        REQUIRE(w.commit().ok());
        return *r;
    }

    std::string name;
    FakeServer* server;
    TempDir dir;
    std::uint64_t clock_ms = 1'800'000'000'000;
    FakeTransport transport;
    std::unique_ptr<Store> store;
    std::unique_ptr<SyncClient> client;
};

// GET /v1/devices/seq as the server answers it from its storage (docs/protocol.md: the highest
// device seq of the device's stored envelopes), on `d`'s transport; `rewrite`, if set, makes the
// answer's body from the device (hex) and the true figure instead: a lying or broken server.
inline void serve_device_seq(Device& d, FakeServer& server,
                             std::function<nlohmann::json(const std::string&, std::uint64_t)> rewrite = {}) {
    d.transport.tamper = [&server, rewrite](const Request& req, server::Response& r) {
        if (req.path != "/v1/devices/seq") return;
        const std::string hex = req.query.substr(req.query.find('=') + 1);
        const auto id = wire::id_from_hex(hex);
        REQUIRE(id);
        const auto n = server.storage().last_device_seq(*id);
        REQUIRE(n.ok());
        r.status = 200;
        r.body = (rewrite ? rewrite(hex, *n) : nlohmann::json{{"device", hex}, {"last_seq", *n}}).dump();
    };
}

// A canonical text of all records a device shows, conflicts included.
inline std::string state_of(const Store& s) {
    std::string out;
    std::vector<const Record*> all;
    for (const Record* r : s.list()) all.push_back(r);
    for (const Record* r : all) {
        out += r->id + "|" + r->type + "|" + crypto::to_hex(r->scope) + (r->delete_conflict() ? "|delete-conflict" : "") + "\n";
        for (const auto& [name, f] : r->fields) {
            out += "  " + name + ":";
            for (const auto& h : f.heads) out += " [" + crypto::to_hex(h.op).substr(0, 8) + " " + h.value + "]";
            out += "\n";
        }
    }
    return out;
}

// An organisation with `n` devices, all enrolled, and one team scope that every device whose role
// may read a team (sync/client/roles.h) holds. Starts synced. Devices are caseworkers unless `roles`
// names another role for their index (e.g. {{2, "dpo"}}; a helper as "helper:PROVIDER").
// The organisation is founded by a separate `office` device (role admin: it holds no content key,
// docs/roles.md), which enrols every device (the server takes enrolment offers from admin devices
// only). A copy of the admin signing key goes to device 0, so that tests can revoke and sign
// admin entries from a device that also works with content: the role policy binds device roles,
// not who holds the admin key. sync_all() syncs the office too.
class SyncFixture {
public:
    explicit SyncFixture(std::size_t n, std::map<std::size_t, std::string> roles = {}) {
        office = std::make_unique<Device>(server, "office");
        auto file = EscrowFile::create(kEscrowPassphrase, kFastKdf, kFastKdf);  // below kEscrowKdfFloor: tests only
        REQUIRE(file.ok());
        escrow_file = std::move(*file);
        REQUIRE(found_organisation(*office->store, *office->client, "Jugendamt Test", FakeServer::bootstrap(),
                                   "https://127.0.0.1:1", std::string(64, '0'), "office", escrow_file.pk)
                    .ok());
        for (std::size_t i = 0; i < n; ++i) devices.push_back(std::make_unique<Device>(server, "device-" + std::to_string(i)));
        std::vector<std::string> role_names;
        for (std::size_t i = 0; i < n; ++i) {
            Device& d = *devices[i];
            Device& admin = *office;
            std::string role = roles.count(i) ? roles.at(i) : "caseworker", provider;
            if (auto colon = role.find(':'); colon != std::string::npos) {
                provider = role.substr(colon + 1);
                role = role.substr(0, colon);
            }
            role_names.push_back(role);
            auto code = offer_enrolment(*admin.store, *admin.client, d.name, role, provider);
            REQUIRE(code.ok());
            auto sas = request_enrolment(*d.store, *d.client, *code, d.name);
            REQUIRE(sas.ok());
            auto id = admit(*admin.store, *admin.client, *sas);
            REQUIRE(id.ok());
            REQUIRE(*id == d.store->device().id());
            if (i == 0) REQUIRE(d.store->set_admin_identity(*office->store->admin_identity()).ok());
        }
        // The team: founded by the first device whose role may read it, shared with the others that may.
        auto may_team = [&](std::size_t i) {
            const auto role = roles::role_from(role_names[i]);
            return role && roles::policy(*role, ScopeKind::Team) == roles::Rule::Member;
        };
        std::optional<std::size_t> founder;
        for (std::size_t i = 0; i < n && !founder; ++i)
            if (may_team(i)) founder = i;
        if (founder) {
            Device& lead = *devices[*founder];
            auto scope = lead.store->create_scope();
            REQUIRE(scope.ok());
            team = *scope;
            REQUIRE(lead.store->set_setting("scope_kind:" + crypto::to_hex(team), "team").ok());
            for (std::size_t i = 0; i < n; ++i) {
                if (i == *founder || !may_team(i)) continue;
                auto shared = lead.client->share_scope(team, devices[i]->store->device().id(), ScopeKind::Team);
                INFO((shared.ok() ? std::string() : shared.detail()));
                REQUIRE(shared.ok());
            }
        }
        sync_all();
    }

    Device& operator[](std::size_t i) { return *devices[i]; }

    // Everybody pushes, then everybody pulls (twice over: a pull may bring keys for the next).
    void sync_all() {
        for (int round = 0; round < 2; ++round) {
            office->sync_ok();
            for (auto& d : devices) d->sync_ok();
        }
    }

    // Every device that holds the team key shows the same state (a role that may not read the
    // team, sync/client/roles.h, holds none of it).
    void require_converged() {
        std::optional<std::string> first;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            if (devices[i]->store->current_epoch(team) == 0) continue;
            INFO("device " << i);
            const std::string st = state_of(*devices[i]->store);
            if (!first) first = st;
            REQUIRE(st == *first);
        }
    }

    static constexpr const char* kEscrowPassphrase = "escrow passphrase, kept in the office safe";
    FakeServer server;
    std::unique_ptr<Device> office;  // founded the organisation; role admin
    std::vector<std::unique_ptr<Device>> devices;
    ScopeId team{};
    EscrowFile escrow_file;  // the organisation's offline escrow file: no device holds its secret
};

}  // namespace quartier::test
