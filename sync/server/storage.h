// What quartier-server keeps (docs/architecture.md §7, docs/protocol.md), behind an interface so that a
// PostgreSQL backend can follow the SQLite one. Everything stored is either public (ids, public
// keys, signed directory entries) or sealed (envelopes, commits, key grants): nothing readable.
//
// Contract for every implementation:
//   1. Each mutating call is one transaction: it happens completely or not at all.
//   2. push(): an envelope whose op id is already stored is a duplicate — counted, not stored
//      again; each new envelope gets the next sequence number of its scope, gapless from 1.
//   3. Implementations need not be thread-safe: Server serialises every call.
#pragma once

#include "sync/core/error.h"

#include "crypto/envelope.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quartier::sync::server {

using crypto::Bytes;
using crypto::DeviceId;
using crypto::Hash32;
using crypto::Id16;
using crypto::ScopeId;

struct ServerMeta {
    Id16 server_id{};
    std::optional<Hash32> bootstrap_hash;  // empty once the organisation is founded
    std::optional<Id16> org;
};

// An enrolment offer: the hash of the one-time secret, never the secret.
struct Offer {
    Hash32 hash{};
    std::string name;
    std::uint64_t expires_ms = 0;
    DeviceId created_by{};
    bool used = false;
};

// A device's answer to an offer. With the offer's secret (which only the admin has) the admin
// computes the SAS from `offer` and `sign_pk`.
struct EnrolRequest {
    Hash32 offer{};
    DeviceId device{};
    crypto::SignPublicKey sign_pk{};
    crypto::BoxPublicKey box_pk{};
    std::string name;
    std::uint64_t time_ms = 0;
};

struct StoredGrant {
    ScopeId scope{};
    std::uint32_t epoch = 0;
    DeviceId device{};
    std::string json;  // the grant as posted (KeyGrant::to_json)
};

// One envelope to store: its routing header fields and its bytes (a view into the request, valid
// for the push call: stored without another copy).
struct EnvelopeRecord {
    ScopeId scope{};
    std::uint32_t epoch = 0;
    crypto::OpId op{};
    DeviceId author{};
    std::uint64_t hlc = 0;
    crypto::ByteView bytes;
    std::uint64_t dev_seq = 0;  // the header's per-device sequence number (crypto::EnvelopeHeader::seq)
};

// A stored op as the order and equivocation checks of a push see it (docs/protocol.md, "Ops").
struct AuthorOp {
    std::uint64_t dev_seq = 0;
    crypto::OpId op{};
    std::uint64_t hlc = 0;
};

struct CommitRecord {
    Id16 id{};
    DeviceId author{};
    crypto::ByteView bytes;  // as EnvelopeRecord::bytes
};

// One transport commit and the envelopes it lists; a push stores one or more (docs/protocol.md).
struct PushGroup {
    CommitRecord commit;
    std::vector<EnvelopeRecord> envelopes;
};

struct PushOutcome {
    std::size_t accepted = 0;
    std::size_t duplicates = 0;
    std::map<ScopeId, std::uint64_t> last_seq;  // every scope of the push, after it
    std::map<ScopeId, std::size_t> fresh;       // every scope of the push: its envelopes stored by it
};

struct PullItem {
    std::uint64_t seq = 0;
    Bytes envelope;
    Id16 commit{};
};

struct PullPage {
    std::vector<PullItem> items;
    std::map<Id16, Bytes> commits;  // every commit an item references
    std::uint64_t next = 0;         // the seq of the last item, or `since` when there is none
    bool more = false;              // envelopes after `next` exist
};

// An escrow wrap as posted (sync/org/escrow.h): one per (scope, epoch, uploader).
struct StoredEscrowWrap {
    ScopeId scope{};
    std::uint32_t epoch = 0;
    DeviceId uploader{};
    std::string json;  // EscrowWrap::to_json
};

// A device's signed confirmation that it destroyed a shredded scope: the deletion record.
struct StoredConfirmation {
    ScopeId scope{};
    DeviceId device{};
    std::uint64_t time_ms = 0;  // when the server received it
    std::string json;           // ShredConfirmation::to_json
};

// What the server still holds of a scope (after crypto-shredding: nothing).
struct ScopeHoldings {
    std::uint64_t envelopes = 0;
    std::uint64_t grants = 0;
    std::uint64_t escrow_wraps = 0;
};

struct DeviceStats {
    DeviceId device{};
    std::uint64_t last_sync_ms = 0;
    std::uint64_t bytes_in = 0;   // request bodies of push and pull
    std::uint64_t bytes_out = 0;  // response bodies of push and pull
    std::uint64_t pushed = 0;     // envelopes accepted
};

// Storage of quartier-server. Errors: NotFound (no such thing), AlreadyExists (a conflicting row
// exists: offer, commit id with other bytes, founded organisation), Io/Corrupt (the backend failed).
class ServerStorage {
public:
    virtual ~ServerStorage() = default;

    // --- meta ---
    // Once, at `init`: the server id and the hash of the bootstrap token. AlreadyExists after.
    virtual Result<void> initialise(const Id16& server_id, const Hash32& bootstrap_hash) = 0;
    virtual Result<ServerMeta> meta() = 0;

    // --- directory log: the entries as JSON (SignedEntry::to_json), in seq order ---
    virtual Result<std::vector<std::string>> directory() = 0;
    // Stores entries 0..n-1, the org id, and consumes the bootstrap token. AlreadyExists if founded.
    virtual Result<void> found_org(const Id16& org, const std::vector<std::string>& entries) = 0;
    // Appends the entry with this seq; AlreadyExists if that seq is taken.
    virtual Result<void> append_directory(std::uint64_t seq, const std::string& entry_json) = 0;

    // --- enrolment ---
    virtual Result<void> put_offer(const Offer& offer) = 0;  // AlreadyExists if the hash is known
    virtual Result<std::optional<Offer>> offer(const Hash32& hash) = 0;
    // Stores the request and marks its offer used, in one transaction.
    virtual Result<void> add_request(const EnrolRequest& request) = 0;
    virtual Result<std::optional<EnrolRequest>> request_for(const Hash32& offer) = 0;
    virtual Result<std::vector<EnrolRequest>> requests() = 0;  // oldest first

    // --- scope key grants: one per (scope, epoch, device); a later one replaces it ---
    virtual Result<void> put_grants(const std::vector<StoredGrant>& grants) = 0;
    virtual Result<std::vector<StoredGrant>> grants_for(const DeviceId& device) = 0;
    virtual Result<std::vector<StoredGrant>> all_grants() = 0;

    // --- ops ---
    // Stores the new envelopes of every group (and each group's commit, if any of its envelopes
    // is new) in one transaction, groups in order. An op id seen earlier in the same push is a
    // duplicate too. AlreadyExists if a commit id is stored with other bytes; nothing is stored then.
    virtual Result<PushOutcome> push(const std::vector<PushGroup>& groups) = 0;
    // Envelopes of `scope` with seq > since, in order: at most `limit`, and stopping once their
    // bytes pass `max_bytes` (at least one item is returned when there is one).
    virtual Result<PullPage> pull(const ScopeId& scope, std::uint64_t since, std::size_t limit, std::size_t max_bytes) = 0;
    virtual Result<std::uint64_t> envelope_count() = 0;
    // The op id stored at `seq` of `scope`, nullopt if none (a pull's cursor check, docs/server.md).
    virtual Result<std::optional<Id16>> op_at(const ScopeId& scope, std::uint64_t seq) = 0;
    // The highest device sequence number (envelope header `seq`) of the envelopes by `device` the
    // server stores, 0 if none: the `last_seq` a removal of that device names (docs/protocol.md,
    // GET /v1/devices/seq).
    virtual Result<std::uint64_t> last_device_seq(const DeviceId& device) = 0;
    // The last seq of each scope (0 for a scope without envelopes).
    virtual Result<std::map<ScopeId, std::uint64_t>> last_seqs(const std::vector<ScopeId>& scopes) = 0;
    // `author`'s stored ops with a device sequence number (> 0) in [lo, hi], or an HLC above
    // `after`, each once: what a push of ops numbered lo..hi, the oldest dated `after`, is
    // checked against. Without backdated or equivocating ops stored, an honest push finds only
    // its own repeats.
    virtual Result<std::vector<AuthorOp>> author_ops(const DeviceId& author, std::uint64_t lo, std::uint64_t hi,
                                                     std::uint64_t after) = 0;

    // --- retention (docs/retention.md) ---
    // One wrap per (scope, epoch, uploader); a later one replaces it. All or none.
    virtual Result<void> put_escrow_wraps(const std::vector<StoredEscrowWrap>& wraps) = 0;
    virtual Result<std::vector<StoredEscrowWrap>> escrow_wraps(const ScopeId& scope) = 0;
    // Appends the `shred` entry with this seq and, in the same transaction, deletes every
    // envelope, key grant and escrow wrap of `scope` (and commits no envelope references any
    // more); then truncates the WAL. AlreadyExists if that seq is taken.
    virtual Result<void> shred_scope(std::uint64_t seq, const std::string& entry_json, const ScopeId& scope) = 0;
    virtual Result<ScopeHoldings> holdings(const ScopeId& scope) = 0;
    // One confirmation per (scope, device); a repeat replaces it.
    virtual Result<void> put_confirmation(const StoredConfirmation& c) = 0;
    virtual Result<std::vector<StoredConfirmation>> confirmations() = 0;

    // --- per-device statistics for `quartier-server devices` ---
    virtual Result<void> record_sync(const DeviceId& device, std::uint64_t time_ms, std::uint64_t bytes_in,
                                     std::uint64_t bytes_out, std::uint64_t pushed) = 0;
    virtual Result<std::vector<DeviceStats>> device_stats() = 0;
};

}  // namespace quartier::sync::server
