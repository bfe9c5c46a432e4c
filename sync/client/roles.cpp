#include "sync/client/roles.h"

namespace quartier::sync::roles {

std::optional<Role> role_from(std::string_view s) {
    if (s == "caseworker") return Role::Caseworker;
    if (s == "team_lead") return Role::TeamLead;
    if (s == "helper") return Role::Helper;
    if (s == "planning") return Role::Planning;
    if (s == "admin") return Role::Admin;
    if (s == "dpo") return Role::Dpo;
    return std::nullopt;
}

std::string_view to_string(Role r) {
    switch (r) {
    case Role::Caseworker: return "caseworker";
    case Role::TeamLead: return "team_lead";
    case Role::Helper: return "helper";
    case Role::Planning: return "planning";
    case Role::Admin: return "admin";
    case Role::Dpo: return "dpo";
    }
    return "?";
}

std::string_view to_string(Rule r) {
    switch (r) {
    case Rule::Never: return "never";
    case Rule::Own: return "own";
    case Rule::Assigned: return "assigned";
    case Rule::Member: return "member";
    }
    return "?";
}

Rule policy(Role role, ScopeKind kind) {
    // The table of docs/roles.md. Everybody has a personal scope and an audit chain of its own;
    // nobody reads another's personal scope (entrusted entries leave it only as a disclosure).
    switch (kind) {
    case ScopeKind::Personal: return Rule::Own;
    case ScopeKind::Audit: return role == Role::Dpo ? Rule::Member : Rule::Own;
    case ScopeKind::Case:
        if (role == Role::Caseworker) return Rule::Member;
        if (role == Role::Helper) return Rule::Assigned;
        return Rule::Never;  // team lead: case metadata lives in the team scope, not case content
    case ScopeKind::Team:
    case ScopeKind::Directory:
        return role == Role::Caseworker || role == Role::TeamLead || role == Role::Helper ? Rule::Member : Rule::Never;
    case ScopeKind::Report:
        return role == Role::Caseworker || role == Role::TeamLead || role == Role::Planning ? Rule::Member : Rule::Never;
    case ScopeKind::ReportRaw:
        // Unsuppressed counts: only those who may read the cases' team metadata anyway, never
        // planning (docs/reports.md "Publishing to planning": no planning device holds a count
        // suppression has not passed) and never a helper (its provider's cases are not the team's).
        return role == Role::Caseworker || role == Role::TeamLead ? Rule::Member : Rule::Never;
    }
    return Rule::Never;
}


Decision may_hold(const Directory& dir, const crypto::ScopeId& scope, ScopeKind kind, const DeviceId& device) {
    const DeviceInfo* d = dir.device(device);
    if (!d) return {false, "not an enrolled device", Refusal::NotEnrolled, {}, {}};
    const auto refuse = [&](std::string reason, Refusal why) { return Decision{false, std::move(reason), why, d->role, d->provider}; };
    const Decision yes{true, {}, Refusal::None, d->role, d->provider};
    const auto role = role_from(d->role);
    if (!role) return refuse("unknown role '" + d->role + "'", Refusal::UnknownRole);
    const Rule rule = policy(*role, kind);
    const std::string what = "role " + d->role + " may not hold a " + std::string(to_string(kind)) + " scope";
    switch (rule) {
    case Rule::Never: return refuse(what, Refusal::Never);
    case Rule::Member: return yes;
    case Rule::Own: {
        if (!dir.scope_known(scope)) return yes;  // being founded, by itself
        const auto owner = kind == ScopeKind::Personal ? dir.personal_owner(scope) : dir.audit_owner(scope);
        if (owner && *owner == device) return yes;
        return refuse(what + " of another device", Refusal::NotOwn);
    }
    case Rule::Assigned: {
        if (d->provider.empty()) return refuse(what + ": the device names no provider", Refusal::NoProvider);
        if (dir.providers(scope).count(d->provider)) return yes;
        return refuse(what + " not assigned to its provider '" + d->provider + "'", Refusal::NotAssigned);
    }
    }
    return refuse(what, Refusal::Never);
}

std::string Violation::describe() const {
    return "scope " + crypto::to_hex(scope) + " (" + std::string(to_string(kind)) + ") epoch " + std::to_string(epoch) +
           ": device " + crypto::to_hex(device) + ": " + reason;
}

std::vector<Violation> violations(const Directory& dir) {
    std::vector<Violation> out;
    for (const DeviceInfo& d : dir.devices()) {
        if (d.revoked) continue;
        for (const Membership& m : dir.memberships(d.id)) {
            if (m.epoch != dir.latest_epoch(m.scope) || dir.unassigned(m.scope, d.id)) continue;
            const Decision ok = may_hold(dir, m.scope, m.kind, d.id);
            // A helper's provider or the case's assignments hidden from this copy (docs/protocol.md,
            // "Annex"): not its case to judge; the case's members, who are given them, do.
            const auto role = role_from(d.role);
            if (role && policy(*role, m.kind) == Rule::Assigned && (d.provider_hidden || dir.providers_hidden(m.scope))) continue;
            if (!ok.allowed) out.push_back({m.scope, m.epoch, d.id, m.kind, ok.reason});
        }
    }
    return out;
}

bool forbidden_member(const Directory& dir, const crypto::ScopeId& scope, const DeviceId& device) {
    const auto kind = dir.scope_kind(scope);
    return kind && !may_hold(dir, scope, *kind, device).allowed;
}

Result<void> assign_provider(Store& store, SyncClient& client, const crypto::ScopeId& scope, const std::string& provider,
                             bool assigned) {
    if (provider.empty() || provider.size() > 256) return {Error::InvalidArgument, "a provider is named by 1 to 256 bytes"};
    SyncReport ignore;
    if (auto x = client.refresh_directory(ignore); !x) return x;
    if (auto x = client.register_scopes(ignore); !x) return x;
    const Directory& d = store.directory();
    if (d.scope_kind(scope) != ScopeKind::Case) return {Error::InvalidArgument, "only a case scope is assigned to a provider"};
    const crypto::DeviceIdentity& me = store.device();
    // An active member of the case signs, or the admin; never a helper device (sync/org/directory.h).
    const DeviceInfo* self = d.device(me.id());
    const bool as_admin = !d.active_member(scope, me.id()) || !self || self->role == "helper";
    if (as_admin && !store.admin_identity())
        return {Error::InvalidArgument, "only a member of the case or the admin assigns it to a provider"};
    const crypto::DeviceIdentity& signer = as_admin ? *store.admin_identity() : me;
    const std::uint64_t now = std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count());
    // A withdrawal takes the provider's helpers off the case: it names, for each, its last op
    // that still counts (SyncClient::removal_seq, docs/protocol.md).
    std::map<DeviceId, std::uint64_t> last;
    std::string seqs;
    if (!assigned)
        for (const DeviceId& h : d.removed_by_withdrawal(scope, provider)) {
            auto s = client.removal_seq(h);
            if (!s) return s.failure();
            if (s->last_seq) last[h] = *s->last_seq;
            seqs += "; helper " + crypto::to_hex(h) + ": " + s->describe();
        }
    auto r = client.append_directory([&](const Directory& dd) -> std::optional<SignedEntry> {
        if (dd.providers(scope).count(provider) == std::size_t(assigned)) return std::nullopt;
        std::map<DeviceId, std::uint64_t> named;  // the helpers it takes off against this head
        if (!assigned)
            for (const DeviceId& h : dd.removed_by_withdrawal(scope, provider))
                if (auto n = last.find(h); n != last.end()) named.insert(*n);
        return dd.make_provider(signer, as_admin, scope, provider, assigned, now, named);
    });
    if (!r) return r.failure();
    return store.audit(assigned ? AuditAction::Share : AuditAction::Unassign, {crypto::to_hex(scope)}, {},
                       std::string(assigned ? "case assigned to provider " : "case withdrawn from provider ") + provider + seqs);
}

}  // namespace quartier::sync::roles
