// Sharing a scope — in practice a case — with a colleague's device: the one place that both
// `quartier-cli scope share` and the app's "Fall teilen" dialog use (docs/roles.md, docs/consent.md).
//
// Terms
//   kind        what the scope is: the verified directory's word once the scope is registered;
//               before that, what register_scopes() will found it as (the store's default scope
//               is personal, its audit scope audit, a `scope_kind:<hex>` setting names case, team,
//               directory or report, anything else is a case)
//   candidate   an unrevoked device of the directory other than this one, with the role policy's
//               decision for this scope and, for a case, the first disclosed entrusted entry whose
//               legal basis does not cover it (consent::new_member_block)
//   member      a device of the scope's latest epoch that is not unassigned from it
//
// share() is SyncClient::share_scope with the kind found here: it needs the server (directory
// refresh, the member entry, the key grants) and checks the same rules again against the
// directory as the server has it now, so candidates() — read from this device's copy, offline —
// only previews them. Stateless: nothing beyond the store and the directory.
#pragma once

#include "sync/client/client.h"
#include "sync/client/consent.h"
#include "sync/client/roles.h"

namespace quartier::sync::sharing {

// The kind of `scope` as the directory has it, or as this device will register it.
ScopeKind scope_kind(const Store& store, const ScopeId& scope);
// The kind a scope this device holds but the directory does not know yet is founded as.
ScopeKind founding_kind(const Store& store, const ScopeId& scope);

struct Candidate {
    DeviceInfo device;
    bool member = false;  // holds the scope already (a member of its latest epoch)
    roles::Decision role;
    std::optional<consent::MemberBlock> entrusted;  // a case's disclosed entrusted entry that keeps it out
    // Whether share() would go ahead as far as this device's copy of the directory knows.
    bool allowed() const { return !member && role.allowed && !entrusted; }
};

// Every unrevoked device of the directory but this one: members first, then those that may
// receive the scope, then the refused ones; by name within each. Empty if the directory lists
// no organisation. `now_ms` dates the consents.
std::vector<Candidate> candidates(const Store& store, const ScopeId& scope, std::uint64_t now_ms);
// The candidate for one device (nullopt if the directory does not list it or it is revoked).
std::optional<Candidate> candidate(const Store& store, const ScopeId& scope, const DeviceId& device, std::uint64_t now_ms);

// Makes `device` a member of `scope` and sends it every epoch's key we hold, with the audit
// entry `share` (legal basis `legal_basis`). Error::Denied "role: …" if the role policy forbids
// it, "disclosure_recipient: …" if a disclosed entrusted entry's legal basis does not cover it
// (a `refuse` audit entry for the role policy); Error::NotFound if this device holds no key of
// the scope or the directory lists no such device; Error::Network etc. from the server.
Result<void> share(Store& store, SyncClient& client, const ScopeId& scope, const DeviceId& device,
                   const std::string& legal_basis = {});

}  // namespace quartier::sync::sharing
