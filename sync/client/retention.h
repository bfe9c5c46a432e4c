// Retention and erasure (docs/architecture.md §8 item 5, docs/architecture.md §3, docs/retention.md): the
// tablet is a cache, the office archive is kept for the legal period through the escrow key
// (escrow.h), and after it — or on a lawful erasure order — a case scope is crypto-shredded.
//
// Crypto-shredding of one case scope, per party:
//   admin    appends an admin-signed `shred` entry naming the scope, `order` (retention|erasure)
//            and the legal reason (order_shred)
//   server   in the same transaction as that entry: drops the scope's envelopes, every key grant
//            and every escrow wrap of it; refuses new ones (410 `shredded`) from then on
//   device   at its next sync (SyncClient::shred): destroys its keys and data of the scope
//            (Store::purge_scope: rows deleted with secure_delete, VACUUM, WAL truncated), checks
//            that the server no longer serves the scope, and posts a signed ShredConfirmation
//            that the server keeps as the deletion record
// States of a scope on a device: held --shred entry seen--> marked (setting `purging`) -->
// destroyed (purge committed, traces vacuumed, mark removed; figures kept as setting
// `shred_destroyed:<scope>`) --confirmation stored--> confirmed (setting `shred_confirmed:<scope>`).
// A process killed while marked finishes the purge at its next sync (resume_purges). Invariants: a device confirms only after its
// purge committed; a confirmation names the shred entry's seq and is signed by the device, so a
// server can neither forge nor move one; once a scope is shredded no directory entry may name it.
//
// The offline lease: an admin-signed `lease` entry of N days (0: off). A device whose last
// successful sync is older refuses reads (Store::readable(), Error::LeaseExpired) until a sync
// succeeds, which renews it.
#pragma once

#include "sync/store/lease.h"
#include "sync/org/shred_confirmation.h"
#include "sync/store/store.h"

#include <optional>
#include <set>

namespace quartier::sync {

class SyncClient;

// Which record of a case scope carries its status and retention (docs/domain.md names them).
struct RetentionPolicy {
    std::string record_type = "case";
    std::string status_field = "status";
    std::set<std::string> closed_values = {"closed", "transferred"};
    std::string class_field = "retention_class";
    std::string end_field = "retention_end";  // an ISO date, YYYY-MM-DD (UTC)
};

// A case record is closed when every head of its status field is a closed value (an open
// conflict between "closed" and anything else keeps it).
bool case_closed(const Record& r, const RetentionPolicy& p);

// Days since 1970-01-01 of an ISO date YYYY-MM-DD, or nullopt if it is not one.
std::optional<std::int64_t> days_from_iso(std::string_view date);

struct RetentionDue {
    ScopeId scope{};
    std::string record;           // the case record's id (stays on this device: never sent)
    std::string retention_class;
    std::string retention_end;
    bool malformed = false;       // the end date is not YYYY-MM-DD: reported, never due
};

// The case records this store can read whose retention end date is before `now_ms`, and those
// whose end date does not parse. For the person who then asks the admin to shred them.
std::vector<RetentionDue> retention_review(const Store& store, const RetentionPolicy& p, std::uint64_t now_ms);

// Store::purge_scope made resumable. The purge itself is one transaction (all of the scope's
// rows there, or none), but the VACUUM and WAL truncation that remove the deleted rows' traces
// from the files follow it; a process killed in between would leave those traces, and the scope's
// keys being gone, no later step would look at it again. So the scope is marked first (sealed
// setting `purging`: "hex:discard_pending" tokens) and unmarked once purge_scope returned;
// resume_purges(), the first thing in every sync, purges every marked scope again. A Busy purge
// (changes not yet pushed) keeps its mark until a later sync pushes them.
Result<void> purge_durably(Store& store, const ScopeId& scope, bool discard_pending);
// Finishes the purges a killed process left marked; returns how many it finished.
Result<std::size_t> resume_purges(Store& store);

// Admin: orders crypto-shredding of a case scope. `order`: "retention" or "erasure".
Result<ShredOrder> order_shred(Store& store, SyncClient& client, const ScopeId& scope, const std::string& order,
                               const std::string& reason);

// Admin: the deletion record of each shredded scope: the order, the verified confirmations, and
// the devices that were members and have not confirmed yet (revoked devices are not waited for).
struct DeletionRecord {
    ShredOrder order;
    std::vector<ShredConfirmation> confirmed;
    std::vector<DeviceId> pending;
    std::vector<std::string> problems;  // confirmations that did not verify, or reported a server that still served the scope
};
Result<std::vector<DeletionRecord>> deletion_records(Store& store, SyncClient& client);

// Admin: sets the organisation's offline lease (0 turns it off).
Result<void> set_lease(Store& store, SyncClient& client, std::uint32_t days);


}  // namespace quartier::sync
