// The organisation's directory log (docs/architecture.md §3, docs/protocol.md): an append-only, hash-chained
// list of signed entries — genesis, device enrolments, scope memberships, revocations. Clients and
// the server verify it with this same code; membership is accepted only from here, never from the
// server's word.
//
// Who may sign what: genesis, enrol, revoke, escrow, shred and lease only the admin; unassign the admin or an
// active member of the scope (a member of its latest epoch that no entry took off it); a member
// entry the admin, or a device that is a member of that scope at that epoch, or at the epoch before
// (rotation: a member opens the next epoch after a revocation), or any enrolled device founding a
// scope nobody holds, for itself. A `provider` entry (the admin or an active member whose role is
// not `helper`) assigns a case scope to a free provider or withdraws it.
// Removed members (docs/threat-model.md, "Removed members"): a device taken off a scope — by an
// `unassign`, by the withdrawal of its provider (a `helper`), by its revocation — signs no entry
// naming that scope: it cannot re-join, open the next epoch, add or take off others, or assign the
// case. Only the admin or an active member adds it back (a member entry at the latest epoch; a
// helper taken off by a withdrawal is also back when its provider is assigned again).
// Its ops count up to the removal: the entry's `last_seq` (the removed device's last device
// sequence number that counts) or, without one, the entry's time (refuse_op(), docs/protocol.md
// "Removals: last_seq").
// No entry that changes nothing: a member entry for a device that is a member at that epoch and
// not taken off, an unassign of a device taken off already, an assignment that stands or a
// withdrawal of one that does not — so no member can grow the log that every device verifies.
// Whoever signs: the members of an audit scope are its founding device and `dpo` devices only, and
// that device is never unassigned from it; a personal scope (a worker's confidential space, §65
// SGB VIII) has exactly one member ever, the device that founded it.
// Which role may hold which kind of scope is sync/client/roles.h's policy, checked by clients over this
// verified state.
// Retention (docs/retention.md): `escrow` names the organisation's escrow key (once); `shred`
// erases a case scope for good (no entry may name it afterwards); `lease` sets the offline lease.
//
// States: Empty --append(genesis)--> Founded --append(entry)--> Founded (head advances)
// Invariants:
//   1. entries_[i].seq == i and entries_[i].prev == BLAKE2b(entries_[i-1].body); genesis at 0.
//   2. Every entry verified before it was appended: signature, chain, signer's right to sign it.
//   3. A device's role, keys and memberships are exactly what the verified entries say.
//   4. A pinned genesis (org id, admin key from the enrolment code) cannot be replaced.
//   5. m_removals[(scope, d)] lists, in log order, every time `d` was taken off `scope` by an
//      unassign or a provider withdrawal; at most the last one is not `readded_at` (it is then
//      the one in force: unassigned(scope, d)).
#pragma once

#include "sync/core/error.h"

#include "crypto/envelope.h"

#include <optional>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace quartier::sync {

using crypto::BoxPublicKey;
using crypto::DeviceId;
using crypto::SignPublicKey;

// The opening of a commitment in an entry's body (docs/protocol.md, "Annex"): a device name, a
// free provider's name or a shred reason, kept out of the signed body (which every device reads)
// and served only to the devices that need it. The body holds `<field>_c`, the hex of
// annex_commitment(field, opening).
struct Opening {
    std::array<std::uint8_t, 16> salt{};
    std::string value;
};
crypto::Hash32 annex_commitment(std::string_view field, const Opening& o);

// An entry as it travels and is stored: the exact signed body bytes, who signed, the signature,
// and (not signed) the openings of the body's commitments that this copy was given.
struct SignedEntry {
    crypto::Bytes body;
    std::string signer;  // "admin" or a device id (hex)
    crypto::Signature signature{};
    std::map<std::string, Opening> annex;  // field ("name", "provider", "reason") → opening

    std::string to_json() const;  // {"body": b64, "signer", "signature": b64[, "annex": {field: {"salt": b64, "value"}}]}
    static Result<SignedEntry> from_json(std::string_view json);
};

struct DeviceInfo {
    DeviceId id{};
    SignPublicKey sign_pk{};
    BoxPublicKey box_pk{};
    std::string name;
    std::string role;
    bool revoked = false;
    bool wipe = false;             // the revocation also orders the device to destroy its store
    std::uint64_t enrolled_at = 0;  // entry seq
    std::string provider;           // role `helper`: the free provider (Träger) it works for
    bool name_hidden = false;       // committed to, and this copy was not given the name ("Annex")
    bool provider_hidden = false;   // the same for the provider
};

// Audit: one device's audit chain (docs/audit.md); its members are that device and the devices
// whose role is `dpo`, nobody else (enforced in append()). On the wire: "audit".
// Personal: one device's confidential scope (entrusted entries); its founder only (append()).
// Report: anonymised aggregates for planning (docs/roles.md). On the wire: "report".
// ReportRaw: a team's unsuppressed report counts, before they are merged and suppressed
// (docs/reports.md "Publishing to planning"); planning never holds it. On the wire: "report_raw".
enum class ScopeKind { Personal, Case, Team, Directory, Audit, Report, ReportRaw };
std::optional<ScopeKind> scope_kind_from(std::string_view s);
std::string_view to_string(ScopeKind k);

// A crypto-shredding order (docs/retention.md): the admin-signed entry that erased a case scope.
struct ShredOrder {
    crypto::ScopeId scope{};
    std::uint64_t seq = 0;   // the entry's seq in the log
    std::string order;       // "retention" (its retention period ended) or "erasure" (an erasure order)
    std::string reason;      // the legal reason, as the admin gave it ("" if hidden from this copy)
    std::uint64_t time_ms = 0;
    bool reason_hidden = false;  // committed to, and this copy was not given the reason ("Annex")
};

// One time a device was taken off a scope (an `unassign` entry, or the withdrawal of its
// provider's assignment for a `helper`), or revoked (every scope).
struct Removal {
    enum class Kind { Unassign, Withdrawn, Revoked };
    Kind kind = Kind::Unassign;
    std::uint64_t entry = 0;    // seq of the entry that took it off
    std::uint64_t time_ms = 0;  // that entry's `time`
    // The entry's `last_seq`: its ops with a device sequence number up to this still count. An
    // entry without one (made before the field, or against a server that does not answer
    // GET /v1/devices/seq) bounds them by time_ms and the epoch then latest (refuse_op()).
    std::optional<std::uint64_t> last_seq;
    // Added back by a member entry at this epoch (or its provider assigned again while this was
    // the latest epoch): from that epoch on it is a member again.
    std::optional<std::uint32_t> readded_at;
    std::string provider;  // Withdrawn: the provider whose assignment was withdrawn (assigning it again adds it back)
};

struct Membership {
    crypto::ScopeId scope{};
    std::uint32_t epoch = 0;
    ScopeKind kind = ScopeKind::Case;
};

class Directory {
public:
    Directory() = default;

    // Verifies and appends one entry. InvalidArgument with a reason if it does not verify.
    Result<void> append(const SignedEntry& e);
    // Verifies and appends many, stopping at the first that fails.
    Result<void> append_all(const std::vector<SignedEntry>& es);
    // Takes the annex of an entry this copy holds already (same body, signer, signature), given
    // later: a device added to a case is given the case's provider entries (docs/protocol.md,
    // "Annex"). Openings are checked against the body's commitments. The entry's seq if anything
    // was new to this copy.
    Result<std::optional<std::uint64_t>> reveal(const SignedEntry& e);
    // Whether entry `seq`'s annex opens every commitment of its body (the server requires it of
    // what is posted, so that it can serve each opening to whoever needs it).
    bool fully_open(std::uint64_t seq) const;

    bool founded() const { return !m_entries.empty(); }
    std::uint64_t size() const { return m_entries.size(); }
    const std::vector<SignedEntry>& entries() const { return m_entries; }
    crypto::Hash32 head_hash() const { return m_head; }
    const crypto::Id16& org() const { return m_org; }
    const SignPublicKey& admin_key() const { return m_admin; }
    const std::string& org_name() const { return m_orgName; }

    const DeviceInfo* device(const DeviceId& id) const;
    std::vector<DeviceInfo> devices() const;
    // Member at that epoch (also after a later revocation: old ops stay verifiable).
    bool is_member(const crypto::ScopeId& scope, std::uint32_t epoch, const DeviceId& d) const;
    // The device's signing key if it is a member of `scope` at `epoch`, else nullptr.
    const SignPublicKey* member_key(const crypto::ScopeId& scope, std::uint32_t epoch, const DeviceId& d) const;
    std::vector<Membership> memberships(const DeviceId& d) const;
    std::vector<DeviceId> members(const crypto::ScopeId& scope, std::uint32_t epoch) const;
    bool scope_known(const crypto::ScopeId& scope) const;
    std::uint32_t latest_epoch(const crypto::ScopeId& scope) const;  // 0 if unknown
    // Taken off a scope (a case closed for it, transferred, unassigned, or — a helper — its
    // provider's assignment withdrawn): members rotate past the device, and the device purges the
    // scope. A later member entry by someone else assigns it again (see the top of this file).
    bool unassigned(const crypto::ScopeId& scope, const DeviceId& d) const;
    // The removal in force for `d` in `scope`: its revocation, else the unassign or withdrawal
    // not undone yet; nullptr if none.
    const Removal* removal(const crypto::ScopeId& scope, const DeviceId& d) const;
    // The helper devices a withdrawal of `provider` from `scope` would take off now: enrolled for
    // that provider, unrevoked, members of the scope at some epoch, not taken off it already.
    std::vector<DeviceId> removed_by_withdrawal(const crypto::ScopeId& scope, const std::string& provider) const;
    // Why an op by `author` in `scope` at `epoch` with device sequence number `device_seq` and clock `hlc` does
    // not count, or nullopt if it does (docs/threat-model.md): the author must be a member of `scope` at `epoch`;
    // if the directory removed it from the scope (unassign, provider withdrawn, revocation) the op must be from
    // before: device_seq <= the removal entry's last_seq; an old entry without last_seq: hlc at most the entry's time
    // (ms, compared with the HLC's physical part: see sync/core/hlc.h) and epoch at most the scope's latest epoch when removed.
    // A device added back after a removal counts again from the epoch it was added back at.
    std::optional<std::string> refuse_op(const crypto::ScopeId& scope, std::uint32_t epoch, const DeviceId& author,
                                         std::uint64_t device_seq, std::uint64_t hlc) const;
    // A member of the scope's latest epoch that no entry removed: may push to and pull the scope now.
    bool active_member(const crypto::ScopeId& scope, const DeviceId& d) const;
    // Revoked, or unassigned from this scope: the next epoch must not be wrapped to it.
    bool excluded(const crypto::ScopeId& scope, const DeviceId& d) const;
    // The entry that revoked `d`, if any (a wiped device verifies it before destroying its store).
    const SignedEntry* revocation(const DeviceId& d) const;
    std::optional<ScopeKind> scope_kind(const crypto::ScopeId& scope) const;
    // The free providers a case scope is assigned to (`provider` entries), sorted: those this copy
    // can read. An entry hidden from it is about another provider (a helper's copy), or the server
    // withheld it from a member, which is as if it had not arrived yet.
    std::set<std::string> providers(const crypto::ScopeId& scope) const;
    // Whether some `provider` entry of the scope is hidden from this copy: it cannot judge whom
    // the case is assigned to.
    bool providers_hidden(const crypto::ScopeId& scope) const;
    // The seqs of the scope's `provider` entries, in order.
    std::vector<std::uint64_t> provider_entries(const crypto::ScopeId& scope) const;
    // The device that founded a personal scope, if `scope` is one.
    std::optional<DeviceId> personal_owner(const crypto::ScopeId& scope) const;
    // The device whose chain an audit scope carries, if `scope` is one.
    std::optional<DeviceId> audit_owner(const crypto::ScopeId& scope) const;
    // Retention (docs/retention.md).
    const std::optional<BoxPublicKey>& escrow_key() const { return m_escrow; }
    const ShredOrder* shredded(const crypto::ScopeId& scope) const;
    const std::map<crypto::ScopeId, ShredOrder>& shred_orders() const { return m_shredded; }
    std::uint32_t lease_days() const { return m_leaseDays; }  // 0: no offline lease
    // Every device that was a member of `scope` at some epoch.
    std::set<DeviceId> ever_members(const crypto::ScopeId& scope) const;

    // --- making entries (the caller signs with the admin identity or its device identity) ---
    static SignedEntry make_genesis(const crypto::DeviceIdentity& admin, const crypto::Id16& org, const std::string& name,
                                    std::uint64_t time_ms);
    SignedEntry make_enrol(const crypto::DeviceIdentity& admin, const DeviceId& dev, const SignPublicKey& sign_pk,
                           const BoxPublicKey& box_pk, const std::string& name, const std::string& role,
                           std::uint64_t time_ms, const std::string& provider = {}) const;
    // `signer_device` null: signed by the admin identity `signer`.
    SignedEntry make_member(const crypto::DeviceIdentity& signer, bool as_admin, const crypto::ScopeId& scope,
                            std::uint32_t epoch, const DeviceId& dev, ScopeKind kind, std::uint64_t time_ms) const;
    // `last_seq` (docs/protocol.md): the removed device's highest device sequence number whose ops
    // still count; without it, refuse_op() falls back to the entry's time.
    SignedEntry make_unassign(const crypto::DeviceIdentity& signer, bool as_admin, const crypto::ScopeId& scope,
                              const DeviceId& dev, std::uint64_t time_ms,
                              std::optional<std::uint64_t> last_seq = std::nullopt) const;
    // Assigns a case scope to a free provider (`assigned`) or withdraws the assignment; a withdrawal
    // names the `last_seq` of each helper it takes off (removed_by_withdrawal()) it knows one for.
    SignedEntry make_provider(const crypto::DeviceIdentity& signer, bool as_admin, const crypto::ScopeId& scope,
                              const std::string& provider, bool assigned, std::uint64_t time_ms,
                              const std::map<DeviceId, std::uint64_t>& last_seq = {}) const;
    SignedEntry make_revoke(const crypto::DeviceIdentity& admin, const DeviceId& dev, bool wipe, std::uint64_t time_ms,
                            std::optional<std::uint64_t> last_seq = std::nullopt) const;

    SignedEntry make_escrow(const crypto::DeviceIdentity& admin, const BoxPublicKey& escrow_pk, std::uint64_t time_ms) const;
    SignedEntry make_shred(const crypto::DeviceIdentity& admin, const crypto::ScopeId& scope, const std::string& order,
                           const std::string& reason, std::uint64_t time_ms) const;
    SignedEntry make_lease(const crypto::DeviceIdentity& admin, std::uint32_t days, std::uint64_t time_ms) const;

    // Checks, without the chain, that `e` is an admin-signed revocation of `me` with a wipe order
    // of the organisation `org` whose admin key is `admin`: what a device that the server no
    // longer answers can still verify before it destroys itself.
    static bool is_wipe_order(const SignedEntry& e, const crypto::Id16& org, const SignPublicKey& admin, const DeviceId& me);

private:
    SignedEntry sign(const crypto::DeviceIdentity& signer, bool as_admin, std::string body) const;
    // The scope's latest epoch just before entry `seq` was appended (0: none yet).
    std::uint32_t latest_epoch_before(const crypto::ScopeId& scope, std::uint64_t seq) const;

    std::vector<SignedEntry> m_entries;
    crypto::Hash32 m_head{};
    crypto::Id16 m_org{};
    SignPublicKey m_admin{};
    std::string m_orgName;
    std::map<DeviceId, DeviceInfo> m_devices;
    // scope -> epoch -> members
    std::map<crypto::ScopeId, std::map<std::uint32_t, std::set<DeviceId>>> m_members;
    std::map<crypto::ScopeId, ScopeKind> m_kinds;
    std::map<DeviceId, std::size_t> m_revocations;  // device -> index of its revoke entry
    std::map<std::pair<crypto::ScopeId, DeviceId>, std::vector<Removal>> m_removals;  // invariant 5
    std::map<DeviceId, Removal> m_revoked;  // device -> its (first) revocation
    std::map<crypto::ScopeId, std::map<std::uint32_t, std::uint64_t>> m_epochOpened;  // scope -> epoch -> seq of its first entry
    std::map<crypto::ScopeId, DeviceId> m_auditOwners;  // audit scope -> the device whose chain it carries
    std::map<crypto::ScopeId, DeviceId> m_personalOwners;  // personal scope -> its one member
    std::map<crypto::ScopeId, std::set<std::string>> m_providers;  // case scope -> assigned providers
    std::map<crypto::ScopeId, std::vector<std::uint64_t>> m_providerEntries;  // case scope -> its provider entries
    std::map<crypto::ScopeId, std::set<std::uint64_t>> m_hiddenProviders;     // … those hidden from this copy
    std::optional<BoxPublicKey> m_escrow;
    std::map<crypto::ScopeId, ShredOrder> m_shredded;
    std::uint32_t m_leaseDays = 0;
};

}  // namespace quartier::sync
