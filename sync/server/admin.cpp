#include "admin.h"

#include "server.h"
#include "sqlite_storage.h"
#include "tls.h"

#include "sync/org/shred_confirmation.h"

#include <nlohmann/json.hpp>

#include <set>

namespace quartier::sync::server {

using nlohmann::json;

Result<InitOutcome> init_data_dir(const DataDir& data) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& p : {data.db(), data.cert(), data.key()})
        if (fs::exists(p, ec)) return {Error::AlreadyExists, data.dir.string() + " is already initialised (" + p.filename().string() + " exists)"};
    if (!crypto::init()) return {Error::Io, "libsodium does not start"};
    fs::create_directories(data.dir, ec);
    if (ec) return {Error::Io, "cannot create " + data.dir.string() + ": " + ec.message()};
    fs::permissions(data.dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) return {Error::Io, "cannot set the permissions of " + data.dir.string() + ": " + ec.message()};

    auto cleanup = [&] {
        std::error_code ignored;
        for (const auto& p : {data.db(), data.cert(), data.key()}) fs::remove(p, ignored);
        for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(data.db().string() + suffix, ignored);
    };

    if (auto r = make_self_signed_certificate(data.cert(), data.key()); !r) {
        cleanup();
        return r.failure();
    }
    InitOutcome out;
    auto fp = certificate_fingerprint(data.cert());
    if (!fp) {
        cleanup();
        return fp.failure();
    }
    out.fingerprint = *fp;

    const crypto::Id16 server_id = crypto::random_id();
    crypto::Bytes token(32);
    crypto::random_bytes(token);
    out.bootstrap = crypto::to_hex(token);
    out.server_id = crypto::to_hex(server_id);
    const auto hash = crypto::hash(crypto::ByteView(reinterpret_cast<const std::uint8_t*>(out.bootstrap.data()), out.bootstrap.size()));
    {
        auto storage = SqliteStorage::open(data.db(), true);
        if (!storage) {
            cleanup();
            return storage.failure();
        }
        if (auto r = (*storage)->initialise(server_id, hash); !r) {
            cleanup();
            return r.failure();
        }
    }
    return out;
}

namespace {
// Runs `report` over the server's database and its directory as the server itself loads it
// (Server::open checks the stored directory; its errors are the report's errors).
Result<std::string> report_on(const DataDir& data, Result<std::string> (*report)(SqliteStorage&, const Directory&)) {
    auto storage = SqliteStorage::open(data.db(), false);
    if (!storage) return storage.failure();
    auto server = Server::open(**storage, system_clock());
    if (!server) return server.failure();
    return report(**storage, (*server)->directory());
}

Result<std::string> devices(SqliteStorage& storage, const Directory& dir) {
    auto meta = storage.meta();
    if (!meta) return meta.failure();
    auto stats = storage.device_stats();
    if (!stats) return stats.failure();
    auto grants = storage.all_grants();
    if (!grants) return grants.failure();
    auto count = storage.envelope_count();
    if (!count) return count.failure();

    std::map<DeviceId, DeviceStats> by_device;
    for (const auto& s : *stats) by_device[s.device] = s;
    std::set<std::tuple<DeviceId, ScopeId, std::uint32_t>> granted;
    for (const auto& g : *grants) granted.emplace(g.device, g.scope, g.epoch);

    json devices = json::array();
    for (const auto& d : dir.devices()) {
        json scopes = json::array();
        for (const auto& m : dir.memberships(d.id))
            scopes.push_back(json{{"scope", crypto::to_hex(m.scope)}, {"epoch", m.epoch}, {"kind", to_string(m.kind)},
                                  {"granted", granted.count({d.id, m.scope, m.epoch}) != 0}});
        // What a removal of this device would name as its `last_seq` (docs/protocol.md): an admin
        // revoking a device whose server is not at hand (or not believed) can compare it.
        auto last_seq = storage.last_device_seq(d.id);
        if (!last_seq) return last_seq.failure();
        json j{{"device", crypto::to_hex(d.id)}, {"name", d.name}, {"role", d.role}, {"revoked", d.revoked},
               {"enrolled_at", d.enrolled_at}, {"last_sync", nullptr}, {"bytes_in", 0}, {"bytes_out", 0},
               {"pushed", 0}, {"last_seq", *last_seq}, {"scopes", std::move(scopes)}};
        if (auto it = by_device.find(d.id); it != by_device.end()) {
            j["last_sync"] = it->second.last_sync_ms;
            j["bytes_in"] = it->second.bytes_in;
            j["bytes_out"] = it->second.bytes_out;
            j["pushed"] = it->second.pushed;
        }
        devices.push_back(std::move(j));
    }
    json report{{"server_id", crypto::to_hex(meta->server_id)}, {"org", nullptr}, {"envelopes", *count},
                {"devices", std::move(devices)}};
    if (dir.founded()) report["org"] = crypto::to_hex(dir.org());
    return report.dump(2);
}

Result<std::string> deletions(SqliteStorage& storage, const Directory& dir) {
    auto stored = storage.confirmations();
    if (!stored) return stored.failure();
    json list = json::array();
    for (const auto& [scope, o] : dir.shred_orders()) {
        auto h = storage.holdings(scope);
        if (!h) return h.failure();
        json confirmed = json::array();
        std::set<DeviceId> done;
        for (const auto& row : *stored) {
            if (row.scope != scope) continue;
            auto c = ShredConfirmation::from_json(row.json);
            const bool verified = c && c->verify(dir).ok();
            if (verified) done.insert(c->device);
            confirmed.push_back(json{{"device", crypto::to_hex(row.device)}, {"received", row.time_ms}, {"verified", verified},
                                     {"server_clean", c && c->server_clean}});
        }
        json pending = json::array();
        for (const auto& m : dir.ever_members(scope))
            if (const DeviceInfo* d = dir.device(m); d && !d->revoked && !done.count(m)) pending.push_back(crypto::to_hex(m));
        list.push_back(json{{"scope", crypto::to_hex(scope)}, {"order", o.order}, {"reason", o.reason}, {"directory_entry", o.seq},
                            {"time", o.time_ms},
                            {"held", {{"envelopes", h->envelopes}, {"grants", h->grants}, {"escrow_wraps", h->escrow_wraps}}},
                            {"confirmations", std::move(confirmed)}, {"pending", std::move(pending)}});
    }
    return json{{"shredded", std::move(list)}}.dump(2);
}
}  // namespace

Result<std::string> devices_report(const DataDir& data) { return report_on(data, devices); }
Result<std::string> deletions_report(const DataDir& data) { return report_on(data, deletions); }

}  // namespace quartier::sync::server
