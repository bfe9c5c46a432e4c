#include "escrow.h"

#include "roles.h"

#include "client.h"
#include "grant.h"
#include "wire.h"

#include "crypto/bytes_io.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace quartier::sync {

using nlohmann::json;

namespace {
// Field access that reports a missing or mistyped field as empty instead of throwing.
std::string text_of(const json& j, const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::uint64_t uint_of(const json& j, const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}
constexpr std::string_view kDomain = "quartier/escrow/v1";
constexpr std::size_t kUploadBatch = 500;

crypto::Bytes signed_message(const EscrowWrap& w, const BoxPublicKey& escrow_pk) {
    crypto::Bytes m = EscrowWrap::binding(w.scope, w.epoch, escrow_pk);
    m.insert(m.end(), w.sealed.begin(), w.sealed.end());
    return m;
}

std::string escrow_setting(const crypto::ScopeId& scope, std::uint32_t epoch) {
    return "escrow:" + crypto::to_hex(scope) + ":" + std::to_string(epoch);
}
}  // namespace

crypto::Bytes EscrowWrap::binding(const crypto::ScopeId& scope, std::uint32_t epoch, const BoxPublicKey& escrow_pk) {
    crypto::Bytes e;
    crypto::io::put_u32(e, epoch);
    return crypto::labelled(kDomain, {scope, e, escrow_pk});
}

EscrowWrap EscrowWrap::make(const crypto::DeviceIdentity& me, const crypto::ScopeId& scope, std::uint32_t epoch,
                            const BoxPublicKey& escrow_pk, const crypto::SymmetricKey& key) {
    EscrowWrap w;
    w.scope = scope;
    w.epoch = epoch;
    w.uploader = me.id();
    w.sealed = crypto::seal_to(escrow_pk, binding(scope, epoch, escrow_pk), key.view());
    w.signature = me.sign(signed_message(w, escrow_pk));
    return w;
}

std::string EscrowWrap::to_json() const {
    return json{{"scope", crypto::to_hex(scope)}, {"epoch", epoch}, {"uploader", crypto::to_hex(uploader)},
                {"sealed", wire::b64(sealed)}, {"signature", wire::b64(signature)}}
        .dump();
}

Result<EscrowWrap> EscrowWrap::from_json(std::string_view text) {
    const Result<EscrowWrap> bad(Error::InvalidArgument, "malformed escrow wrap");
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return bad;
    for (const char* k : {"scope", "uploader", "sealed", "signature"})
        if (!j.contains(k) || !j[k].is_string()) return bad;
    if (!j.contains("epoch") || !j["epoch"].is_number_unsigned()) return bad;
    auto scope = wire::id_from_hex(j["scope"].get<std::string>());
    auto up = wire::id_from_hex(j["uploader"].get<std::string>());
    auto sealed = wire::unb64(j["sealed"].get<std::string>());
    auto sig = wire::fixed_from_b64<64>(j["signature"].get<std::string>());
    const auto epoch = j["epoch"].get<std::uint64_t>();
    if (!scope || !up || !sealed || !sig || epoch == 0 || epoch > UINT32_MAX || sealed->size() > 4096) return bad;
    EscrowWrap w;
    w.scope = *scope;
    w.epoch = std::uint32_t(epoch);
    w.uploader = *up;
    w.sealed = std::move(*sealed);
    w.signature = *sig;
    return w;
}

Result<void> EscrowWrap::verify(const Directory& dir) const {
    if (!dir.escrow_key()) return {Error::InvalidArgument, "the organisation has no escrow key"};
    const DeviceInfo* d = dir.device(uploader);
    if (!d || !dir.is_member(scope, epoch, uploader))
        return {Error::InvalidArgument, "uploader is not a member of the scope at that epoch"};
    if (!crypto::verify(d->sign_pk, signed_message(*this, *dir.escrow_key()), signature))
        return {Error::InvalidArgument, "escrow wrap signature does not verify"};
    return {};
}

Result<crypto::SymmetricKey> EscrowSecret::open(const Directory& dir, const EscrowWrap& w) const {
    if (auto v = w.verify(dir); !v) return v.failure();
    if (!crypto::equal(pk, *dir.escrow_key())) return {Error::InvalidArgument, "the escrow file belongs to another escrow key"};
    auto k = crypto::open_sealed(pk, sk, EscrowWrap::binding(w.scope, w.epoch, pk), w.sealed);
    if (!k || k->size() != crypto::SymmetricKey::kSize) return {Error::Integrity, "escrow wrap does not open"};
    return crypto::SymmetricKey::from(k->view());
}

// ---------------------------------------------------------------------------------------------
// The escrow file

namespace {
std::string describe(const crypto::PwhashParams& p) {
    return std::to_string(p.opslimit) + (p.opslimit == 1 ? " pass" : " passes") + " over " + std::to_string(p.memlimit >> 20) + " MiB";
}
Result<void> check_floor(const crypto::PwhashParams& p, const crypto::PwhashParams& floor) {
    if (p.opslimit >= floor.opslimit && p.memlimit >= floor.memlimit) return {};
    return {Error::InvalidArgument, "the escrow file's Argon2id parameters (" + describe(p) + ") are below the floor (" +
                                        describe(floor) + "): make a new escrow file"};
}
}  // namespace

Result<EscrowFile> EscrowFile::create(std::string_view passphrase, const crypto::PwhashParams& kdf, const crypto::PwhashParams& floor) {
    if (passphrase.empty()) return {Error::InvalidArgument, "the escrow passphrase must not be empty"};
    if (auto r = check_floor(kdf, floor); !r) return r.failure();
    crypto::BoxKeyPair kp = crypto::box_keypair();
    // The KeyFile format seals one 32-byte secret: here the X25519 secret key.
    auto kf = crypto::create_keyfile(passphrase, crypto::SymmetricKey::from(kp.sk.view()), kdf);
    if (!kf) return {Error::InvalidArgument, "cannot seal the escrow key: " + std::string(crypto::to_string(kf.error()))};
    EscrowFile f;
    f.pk = kp.pk;
    f.keyfile = std::move(*kf);
    return f;
}

std::string EscrowFile::to_text() const {
    return json{{"format", "quartier-escrow"}, {"v", 1}, {"escrow_pk", wire::b64(pk)}, {"keyfile", wire::b64(keyfile.serialize())}}
               .dump(2) +
           "\n";
}

Result<EscrowFile> EscrowFile::parse(std::string_view text, const crypto::PwhashParams& floor) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || text_of(j, "format") != "quartier-escrow")
        return {Error::InvalidArgument, "not a Quartier escrow file"};
    if (uint_of(j, "v") != 1) return {Error::Unsupported, "escrow file version is not 1"};
    auto pk = wire::fixed_from_b64<32>(text_of(j, "escrow_pk"));
    auto kf_bytes = wire::unb64(text_of(j, "keyfile"));
    if (!pk || !kf_bytes) return {Error::Corrupt, "the escrow file is damaged"};
    auto kf = crypto::KeyFile::parse(*kf_bytes);
    if (!kf) return {Error::Corrupt, "the escrow file's sealed key is damaged"};
    if (auto r = check_floor(kf->params, floor); !r) return r.failure();
    EscrowFile f;
    f.pk = *pk;
    f.keyfile = std::move(*kf);
    return f;
}

Result<EscrowSecret> EscrowFile::open(std::string_view passphrase) const {
    auto k = crypto::open_keyfile(keyfile, passphrase);
    if (!k) {
        if (k.error() == crypto::Error::WrongPassphrase) return {Error::WrongPassphrase, "the escrow passphrase does not open the escrow file"};
        return {Error::Corrupt, "the escrow file does not open: " + std::string(crypto::to_string(k.error()))};
    }
    EscrowSecret s;
    s.sk = crypto::SecureBytes::from(k->view());
    s.pk = crypto::box_public_of(s.sk);
    if (!crypto::equal(s.pk, pk)) return {Error::Corrupt, "the escrow file's secret does not belong to its public key"};
    return s;
}

Result<void> EscrowFile::write(const std::filesystem::path& path) const {
    const std::string text = to_text();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno == EEXIST ? Result<void>(Error::AlreadyExists, path.string() + " exists: an escrow file is never overwritten")
                               : Result<void>(Error::Io, "cannot create " + path.string());
    const bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        std::error_code ec;
        std::filesystem::remove(path, ec);
        return {Error::Io, "cannot write " + path.string()};
    }
    return {};
}

Result<EscrowFile> EscrowFile::read(const std::filesystem::path& path, const crypto::PwhashParams& floor) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return {Error::NotFound, "no escrow file at " + path.string()};
    std::ostringstream ss;
    ss << f.rdbuf();
    if (ss.str().size() > 64 * 1024) return {Error::InvalidArgument, "not a Quartier escrow file"};
    return parse(ss.str(), floor);
}

// ---------------------------------------------------------------------------------------------
// The sync step

Result<void> SyncClient::escrow(SyncReport& r) {
    const crypto::DeviceIdentity& me = m_store.device();
    const Directory& d = m_store.directory();
    const DeviceInfo* self = d.device(me.id());
    if (!self || self->revoked || !d.escrow_key()) return {};
    const BoxPublicKey escrow_pk = *d.escrow_key();
    // What the server says it holds for the scopes we are a member of: one request per sync.
    auto res = call("GET", "/v1/escrow", "", nullptr);
    if (!res) return res.failure();
    if (!res->contains("wraps") || !(*res)["wraps"].is_array()) return {Error::Protocol, "escrow answer has no wraps"};
    std::set<std::pair<ScopeId, std::uint32_t>> present;
    for (const auto& w : (*res)["wraps"]) {
        auto scope = w.is_object() ? wire::id_from_hex(text_of(w, "scope")) : std::nullopt;
        if (!scope || !w.contains("epoch") || !w["epoch"].is_number_unsigned() || w["epoch"].get<std::uint64_t>() > UINT32_MAX)
            return {Error::Protocol, "escrow answer is malformed"};
        present.emplace(*scope, std::uint32_t(w["epoch"].get<std::uint64_t>()));
    }
    std::vector<std::pair<ScopeId, std::uint32_t>> upload;
    std::map<ScopeId, std::vector<std::uint32_t>> to_check;  // listed by the server, never seen by us
    for (const auto& [scope, epoch] : m_store.scope_keys()) {
        const Directory& dd = m_store.directory();
        if (!dd.is_member(scope, epoch, me.id()) || dd.shredded(scope) || dd.unassigned(scope, me.id())) continue;
        // §65 SGB VIII: what a family entrusted to one worker is readable by that worker alone;
        // the office's escrow key gets no copy of a personal scope (docs/retention.md).
        if (dd.scope_kind(scope) == ScopeKind::Personal) continue;
        const std::string key = escrow_setting(scope, epoch);
        const bool seen = m_store.setting(key).has_value();
        if (present.count({scope, epoch})) {
            if (!seen) to_check[scope].push_back(epoch);
            continue;
        }
        if (seen)
            r.server_violations.push_back("the server lost the escrow wrap of scope " + crypto::to_hex(scope) + " epoch " +
                                          std::to_string(epoch) + " (uploaded again)");
        upload.emplace_back(scope, epoch);
    }
    // The server's word that a wrap exists is not enough: the cache purge lets a case leave the
    // tablet once it is escrowed, so a server that only claimed it could make the office archive
    // lose it. A wrap counts once we have seen it, signed by a member at that epoch for this
    // organisation's escrow key; otherwise we upload our own.
    // One request per wire::kMaxEscrowScopes scopes (a device that just joined many cases
    // checks them all at its first sync). The marks are bookkeeping: a power loss that forgets
    // one only means it is checked again.
    std::vector<ScopeId> check_scopes;
    for (const auto& [scope, epochs] : to_check) check_scopes.push_back(scope);
    for (std::size_t at = 0; at < check_scopes.size(); at += wire::kMaxEscrowScopes) {
        const std::size_t end = std::min(check_scopes.size(), at + wire::kMaxEscrowScopes);
        std::string query = "scopes=";
        for (std::size_t i = at; i < end; ++i) query += (i > at ? "," : "") + crypto::to_hex(check_scopes[i]);
        auto held = call("GET", "/v1/escrow", query, nullptr);
        if (!held) return held.failure();
        std::set<std::pair<ScopeId, std::uint32_t>> shown;
        if (held->contains("wraps") && (*held)["wraps"].is_array())
            for (const auto& item : (*held)["wraps"]) {
                auto w = item.is_object() ? EscrowWrap::from_json(item.dump()) : Result<EscrowWrap>(Error::InvalidArgument);
                if (w && to_check.count(w->scope) && w->verify(m_store.directory())) shown.emplace(w->scope, w->epoch);
            }
        for (std::size_t i = at; i < end; ++i) {
            const ScopeId& scope = check_scopes[i];
            for (std::uint32_t epoch : to_check[scope]) {
                if (shown.count({scope, epoch})) {
                    if (auto s = m_store.set_setting(escrow_setting(scope, epoch), "1", false); !s) return s;
                    continue;
                }
                r.server_violations.push_back("the server listed an escrow wrap of scope " + crypto::to_hex(scope) +
                                              " epoch " + std::to_string(epoch) + " that it could not show (uploaded one)");
                upload.emplace_back(scope, epoch);
            }
        }
    }
    for (std::size_t at = 0; at < upload.size(); at += kUploadBatch) {
        json wraps = json::array();
        const std::size_t end = std::min(upload.size(), at + kUploadBatch);
        for (std::size_t i = at; i < end; ++i) {
            const auto& [scope, epoch] = upload[i];
            wraps.push_back(json::parse(EscrowWrap::make(me, scope, epoch, escrow_pk, *m_store.scope_key(scope, epoch)).to_json()));
        }
        const json body{{"wraps", std::move(wraps)}};
        if (auto p = call("POST", "/v1/escrow", "", &body); !p) return p.failure();
        for (std::size_t i = at; i < end; ++i)  // bookkeeping, as above
            if (auto s = m_store.set_setting(escrow_setting(upload[i].first, upload[i].second), "1", false); !s) return s;
        r.escrow_uploaded += end - at;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Restore

Result<RestoreReport> restore_from_escrow(Store& store, SyncClient& client, const EscrowSecret& secret,
                                          const crypto::ScopeId& scope, const DeviceId& device) {
    if (!store.admin_identity()) return {Error::InvalidArgument, "only the organisation's admin store can restore from escrow"};
    SyncReport ignore;
    if (auto x = client.refresh_directory(ignore); !x) return x.failure();
    const Directory& d = store.directory();
    if (!d.escrow_key()) return {Error::NotFound, "the organisation has no escrow key"};
    if (!crypto::equal(*d.escrow_key(), secret.pk))
        return {Error::InvalidArgument, "this escrow file does not belong to the organisation's escrow key"};
    if (const ShredOrder* o = d.shredded(scope))
        return {Error::NotFound, "scope " + crypto::to_hex(scope) + " was crypto-shredded (directory entry " + std::to_string(o->seq) +
                                     "): nothing is left to restore"};
    if (!d.scope_known(scope)) return {Error::NotFound, "no scope " + crypto::to_hex(scope) + " in the directory"};
    std::optional<DeviceInfo> target;  // a copy: appending replaces the directory object
    if (const DeviceInfo* t = d.device(device)) target = *t;
    if (!target) return {Error::NotFound, "no enrolled device " + crypto::to_hex(device)};
    if (target->revoked) return {Error::InvalidArgument, "that device is revoked"};
    const ScopeKind kind = *d.scope_kind(scope);
    const std::uint32_t latest = d.latest_epoch(scope);
    // §65 SGB VIII: a personal scope is never escrowed, so there is nothing to restore from.
    if (kind == ScopeKind::Personal)
        return {Error::NotFound, "scope " + crypto::to_hex(scope) +
                                     " is a personal scope (entrusted entries, §65 SGB VIII): it is not escrowed"};
    // The restored reader is held to the role policy like any other (sync/roles.h): a personal
    // scope gets no second member, and a role that may not read the case gets no key.
    if (auto ok = roles::may_hold(d, scope, kind, device); !ok.allowed) {
        if (auto a = store.audit(AuditAction::Refuse, {crypto::to_hex(scope), crypto::to_hex(device)}, "escrow restore",
                                 "restore refused: " + ok.reason);
            !a)
            return a.failure();
        return {Error::Denied, "role: " + ok.reason};
    }

    auto res = client.call("GET", "/v1/escrow", "scope=" + crypto::to_hex(scope), nullptr);
    if (!res) return res.failure();
    if (!res->contains("wraps") || !(*res)["wraps"].is_array()) return {Error::Protocol, "escrow answer has no wraps"};
    std::map<std::uint32_t, crypto::SymmetricKey> keys;
    for (const auto& item : (*res)["wraps"]) {
        auto w = EscrowWrap::from_json(item.dump());
        if (!w || w->scope != scope || keys.count(w->epoch)) continue;
        auto k = secret.open(store.directory(), *w);
        if (k) keys.emplace(w->epoch, std::move(*k));
    }
    RestoreReport rep;
    rep.scope = scope;
    rep.device = device;
    for (std::uint32_t e = 1; e <= latest; ++e)
        (keys.count(e) ? rep.epochs : rep.missing).push_back(e);
    if (rep.epochs.empty()) return {Error::NotFound, "no escrow wrap of scope " + crypto::to_hex(scope) + " opens"};

    const crypto::DeviceIdentity& admin = *store.admin_identity();
    json grants = json::array();
    for (std::uint32_t e : rep.epochs) {
        auto added = client.append_directory([&](const Directory& dd) -> std::optional<SignedEntry> {
            if (dd.is_member(scope, e, device) && (e != dd.latest_epoch(scope) || !dd.unassigned(scope, device))) return std::nullopt;
            return dd.make_member(admin, true, scope, e, device, kind, store.now_ms());
        });
        if (!added) return added.failure();
        grants.push_back(json::parse(KeyGrant::make(admin, true, scope, e, *target, keys.at(e)).to_json()));
    }
    const json body{{"grants", std::move(grants)}};
    if (auto p = client.call("POST", "/v1/keys", "", &body); !p) return p.failure();
    std::string epochs;
    for (std::uint32_t e : rep.epochs) epochs += (epochs.empty() ? "" : ",") + std::to_string(e);
    if (auto a = store.audit(AuditAction::Share, {crypto::to_hex(scope), crypto::to_hex(device)}, "escrow restore",
                             "epochs " + epochs + " restored from the escrow key");
        !a)
        return a.failure();
    return rep;
}

}  // namespace quartier::sync
