// Need-to-know (docs/architecture.md §8 item 2, docs/roles.md): which role may hold the keys
// of which kind of scope. A device that may not read a kind of data never holds its key — not
// hidden by a UI, but undecryptable on that device.
//
// The policy is a pure function of the verified directory (sync/org/directory.h): the device's role
// (and, for a free-provider helper, its provider) from its admin-signed enrolment, the scope's
// kind, who founded a personal or audit scope, and the providers a case is assigned to.
// It is checked where keys are handled:
//   - SyncClient::share_scope refuses a grant the policy forbids (Error::Denied), before any
//     directory entry or key leaves the device;
//   - SyncClient::register_scopes refuses to found a scope this device's role may not hold;
//   - SyncClient::fetch_keys refuses a key this device's role may not hold (reported);
//   - every device audits the directory at each sync (violations()): a member that breaks
//     the policy is reported (SyncReport::policy_violations, an audit entry) and treated like a
//     revoked one by rotation: the next epoch is not wrapped to it, so neither a compromised
//     server nor a rogue key holder can keep a reader the policy forbids.
// Stateless: no invariants beyond the table in policy().
#pragma once

#include "sync/client/client.h"

namespace quartier::sync::roles {

enum class Role { Caseworker, TeamLead, Helper, Planning, Admin, Dpo };
std::optional<Role> role_from(std::string_view s);  // the directory's role names
std::string_view to_string(Role r);
inline constexpr Role kAllRoles[] = {Role::Caseworker, Role::TeamLead, Role::Helper, Role::Planning, Role::Admin, Role::Dpo};

// One cell of the role x scope-kind table.
enum class Rule {
    Never,     // no key, ever
    Own,       // only the scope the device founded itself (its personal scope, its audit chain)
    Assigned,  // a case scope assigned (`provider` entry) to the device's free provider
    Member,    // whenever a member makes it one (own cases, deputy on assignment, the team)
};
std::string_view to_string(Rule r);
Rule policy(Role role, ScopeKind kind);

// Why the policy refuses, for callers that explain it in their own words (the app's share dialog).
enum class Refusal {
    None,         // allowed
    NotEnrolled,  // the directory lists no such device
    UnknownRole,  // its role is none of Role
    Never,        // the role never holds this kind
    NotOwn,       // a personal scope or audit chain of another device (a personal scope is never shared)
    NoProvider,   // a helper whose enrolment names no free provider
    NotAssigned,  // a helper whose provider the case is not assigned to
};

struct Decision {
    bool allowed = false;
    std::string reason;  // why not (empty if allowed)
    Refusal why = Refusal::None;
    std::string role;      // the device's role as the directory names it (empty if not enrolled)
    std::string provider;  // a helper's free provider (empty otherwise)
};

// May `device` hold the keys of `scope` (of `kind`)? A scope the directory does not know yet is
// being founded: only its founder asks, so Own holds.
Decision may_hold(const Directory& dir, const crypto::ScopeId& scope, ScopeKind kind, const DeviceId& device);

// A membership the policy forbids, found in the verified directory.
struct Violation {
    crypto::ScopeId scope{};
    std::uint32_t epoch = 0;
    DeviceId device{};
    ScopeKind kind = ScopeKind::Case;
    std::string reason;
    std::string describe() const;  // "scope S epoch E: device D: reason"
};

// Every unrevoked, not unassigned member of a scope's latest epoch that the policy forbids.
std::vector<Violation> violations(const Directory& dir);
// Whether `device`, a member of `scope`, must be rotated past (the policy forbids it).
bool forbidden_member(const Directory& dir, const crypto::ScopeId& scope, const DeviceId& device);

// Assigns a case scope to a free provider (its helpers may then be made members) or withdraws
// the assignment (its helpers are then rotated past at the members' next sync): a `provider`
// directory entry signed by this device (a member of the scope's latest epoch) or, if it is
// none, by the admin key this store holds. Recorded in the audit log.
Result<void> assign_provider(Store& store, SyncClient& client, const crypto::ScopeId& scope, const std::string& provider,
                             bool assigned);

}  // namespace quartier::sync::roles
