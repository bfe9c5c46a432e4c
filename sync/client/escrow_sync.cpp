// The escrow sync step and the office's restore (docs/retention.md, "Escrow"): the device side
// of escrow.h, over the store and the client. States of a (scope, epoch) on a device are listed
// in escrow.h.
#include "sync/org/escrow.h"

#include "sync/client/client.h"
#include "sync/org/grant.h"
#include "sync/client/roles.h"
#include "sync/protocol/wire.h"

#include <map>
#include <set>

namespace quartier::sync {

namespace {
constexpr std::size_t kUploadBatch = 500;  // wraps per POST /v1/escrow

std::string escrow_setting(const crypto::ScopeId& scope, std::uint32_t epoch) {
    return "escrow:" + crypto::to_hex(scope) + ":" + std::to_string(epoch);
}
}  // namespace

// ---------------------------------------------------------------------------------------------
// The sync step

Result<void> SyncClient::escrow(SyncReport& r) {
    const crypto::DeviceIdentity& me = m_store.device();
    const Directory& d = m_store.directory();
    if (!enrolled() || !d.escrow_key()) return {};
    const BoxPublicKey escrow_pk = *d.escrow_key();
    // What the server says it holds for the scopes we are a member of: one request per sync.
    auto res = ask<msg::EscrowIndex>("GET", "/v1/escrow");
    if (!res) return res.failure();
    const std::set<std::pair<ScopeId, std::uint32_t>> present(res->wraps.begin(), res->wraps.end());
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
        // An answer outside the protocol shows nothing: we upload our own (below).
        auto held = ask<msg::Wraps>("GET", "/v1/escrow", query);
        if (!held && held.error() != Error::Protocol) return held.failure();
        std::set<std::pair<ScopeId, std::uint32_t>> shown;
        for (const auto& item : held ? held->wraps : std::vector<msg::SignedJson>{}) {
            auto w = EscrowWrap::from_json(item);
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
        msg::Wraps body;
        const std::size_t end = std::min(upload.size(), at + kUploadBatch);
        for (std::size_t i = at; i < end; ++i) {
            const auto& [scope, epoch] = upload[i];
            body.wraps.push_back(EscrowWrap::make(me, scope, epoch, escrow_pk, *m_store.scope_key(scope, epoch)).to_json());
        }
        if (auto p = ask<msg::Empty>("POST", "/v1/escrow", "", &body); !p) return p.failure();
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
    // The restored reader is held to the role policy like any other (sync/client/roles.h): a personal
    // scope gets no second member, and a role that may not read the case gets no key.
    if (auto ok = roles::may_hold(d, scope, kind, device); !ok.allowed) {
        if (auto a = store.audit(AuditAction::Refuse, {crypto::to_hex(scope), crypto::to_hex(device)}, "escrow restore",
                                 "restore refused: " + ok.reason);
            !a)
            return a.failure();
        return {Error::Denied, "role: " + ok.reason};
    }

    auto res = client.ask<msg::Wraps>("GET", "/v1/escrow", "scope=" + crypto::to_hex(scope));
    if (!res) return res.failure();
    std::map<std::uint32_t, crypto::SymmetricKey> keys;
    for (const auto& item : res->wraps) {
        auto w = EscrowWrap::from_json(item);
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
    msg::Grants grants;
    for (std::uint32_t e : rep.epochs) {
        auto added = client.append_directory([&](const Directory& dd) -> std::optional<SignedEntry> {
            if (dd.is_member(scope, e, device) && (e != dd.latest_epoch(scope) || !dd.unassigned(scope, device))) return std::nullopt;
            return dd.make_member(admin, true, scope, e, device, kind, store.now_ms());
        });
        if (!added) return added.failure();
        grants.grants.push_back(KeyGrant::make(admin, true, scope, e, *target, keys.at(e)).to_json());
    }
    if (auto p = client.ask<msg::Empty>("POST", "/v1/keys", "", &grants); !p) return p.failure();
    std::string epochs;
    for (std::uint32_t e : rep.epochs) epochs += (epochs.empty() ? "" : ",") + std::to_string(e);
    if (auto a = store.audit(AuditAction::Share, {crypto::to_hex(scope), crypto::to_hex(device)}, "escrow restore",
                             "epochs " + epochs + " restored from the escrow key");
        !a)
        return a.failure();
    return rep;
}

}  // namespace quartier::sync
