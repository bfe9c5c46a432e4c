#include "sync/client/sharing.h"

#include <algorithm>

namespace quartier::sync::sharing {

ScopeKind founding_kind(const Store& store, const ScopeId& scope) {
    if (scope == store.default_scope()) return ScopeKind::Personal;
    if (scope == store.audit_scope()) return ScopeKind::Audit;
    // A kind named by `scope create` or the domain layer: case, team, directory, report, report_raw.
    if (auto named = store.setting("scope_kind:" + crypto::to_hex(scope)))
        for (ScopeKind k : {ScopeKind::Case, ScopeKind::Team, ScopeKind::Directory, ScopeKind::Report, ScopeKind::ReportRaw})
            if (*named == to_string(k)) return k;
    return ScopeKind::Case;
}

ScopeKind scope_kind(const Store& store, const ScopeId& scope) {
    return store.directory().scope_kind(scope).value_or(founding_kind(store, scope));
}

namespace {

bool is_member(const Directory& dir, const ScopeId& scope, const DeviceId& device) {
    return dir.scope_known(scope) && dir.is_member(scope, dir.latest_epoch(scope), device) && !dir.unassigned(scope, device);
}

Candidate make(const Store& store, const ScopeId& scope, ScopeKind kind, const DeviceInfo& d, std::uint64_t now_ms) {
    const Directory& dir = store.directory();
    Candidate c{d, is_member(dir, scope, d.id), roles::may_hold(dir, scope, kind, d.id), std::nullopt};
    // A personal scope the directory does not know yet is this device's own, to be registered by
    // it (may_hold answers for its founder): nobody else may hold it.
    if (kind == ScopeKind::Personal && !dir.scope_known(scope) && c.role.allowed)
        c.role = {false, "role " + d.role + " may not hold a personal scope of another device", roles::Refusal::NotOwn, d.role,
                  d.provider};
    if (!c.member && kind == ScopeKind::Case) c.entrusted = consent::new_member_block(store, scope, d, now_ms);
    return c;
}

}  // namespace

std::vector<Candidate> candidates(const Store& store, const ScopeId& scope, std::uint64_t now_ms) {
    const ScopeKind kind = scope_kind(store, scope);
    const DeviceId me = store.device().id();
    std::vector<Candidate> out;
    for (const DeviceInfo& d : store.directory().devices())
        if (!d.revoked && d.id != me) out.push_back(make(store, scope, kind, d, now_ms));
    const auto rank = [](const Candidate& c) { return c.member ? 0 : c.allowed() ? 1 : 2; };
    std::stable_sort(out.begin(), out.end(), [&](const Candidate& a, const Candidate& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (a.device.name != b.device.name) return a.device.name < b.device.name;
        return a.device.id < b.device.id;
    });
    return out;
}

std::optional<Candidate> candidate(const Store& store, const ScopeId& scope, const DeviceId& device, std::uint64_t now_ms) {
    const DeviceInfo* d = store.directory().device(device);
    if (!d || d->revoked || device == store.device().id()) return std::nullopt;
    return make(store, scope, scope_kind(store, scope), *d, now_ms);
}

Result<void> share(Store& store, SyncClient& client, const ScopeId& scope, const DeviceId& device,
                   const std::string& legal_basis) {
    return client.share_scope(scope, device, scope_kind(store, scope), legal_basis);
}

}  // namespace quartier::sync::sharing
