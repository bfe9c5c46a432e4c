// The tamper-evident audit log (docs/architecture.md §8 item 4, docs/audit.md): who unlocked,
// opened, changed, exported, shared, synced what, on which device, when, on which legal basis.
//
// Terms
//   entry      one event: seq (per device, gapless from 1), prev (BLAKE2b-256 of the previous
//              entry's canonical bytes; 32 zero bytes for seq 1), device, device time, the server
//              time last learned by the device, actor, action, objects (record, scope or device
//              ids), legal basis, detail. Never record content.
//   canonical  an entry as JSON with sorted keys and no whitespace (nlohmann::json::dump()).
//              AuditEntry::parse accepts exactly those bytes and nothing else, so an entry has
//              one byte string and one hash.
//   chain      one device's entries in seq order, each naming its predecessor's hash.
//   head       (seq, hash) of a chain's newest entry as recorded somewhere else than the chain
//              (the sealed head row, the copy already synced): the only way to notice a cut-off end.
//
// AuditLog — this device's chain inside its store database. States and transitions:
//   Unloaded --load(db, key)--> Ready(head)     head read from the sealed head row (seq 0: empty)
//   Ready(h) --Store stages entries from h, writes them with write() inside its own transaction,
//              commits, then advance(last)--> Ready(last)
//   Ready    --the store is wiped or destroyed--> gone (the key lives in secure memory)
// Invariants
//   1. A row is the canonical entry sealed under the audit key (derived from the master key) with
//      its seq bound as associated data: no plaintext on disk, a row moved to another seq fails.
//   2. The sealed head row is written in the same transaction as the entries it points to.
//   3. Append only: nothing here updates or deletes an entry row.
//   4. The failed-unlock counter is the one plaintext part (a store that does not open has no
//      key); it holds a count and a time, nothing else, and the next unlock turns it into an entry.
#pragma once

#include "sync/core/database.h"
#include "sync/core/error.h"

#include "crypto/envelope.h"
#include "crypto/identity.h"
#include "crypto/secure.h"

#include <optional>
#include <string>
#include <vector>

namespace quartier::sync {

enum class AuditAction {
    Create,        // the store was made (the first unlock)
    Unlock,        // the store was opened with the passphrase
    UnlockFailed,  // wrong passphrases since the last unlock (detail: how many, the last time)
    Open,          // a case or record was shown
    Change,        // a local write (one Writer commit): the records it touched
    Export,        // records left the app (a listing, an export file, a report)
    Share,         // a scope was shared with another device
    Unassign,      // a device was taken off a scope
    Sync,          // a sync with the server completed
    Enrol,         // this device presented an enrolment code
    Admit,         // the admin admitted a device
    Revoke,        // the admin revoked a device
    Wipe,          // a wipe was ordered or carried out
    Passphrase,    // the passphrase was changed
    Consent,       // a consent record was written or withdrawn (sync/client/consent.h)
    Disclose,      // an entrusted entry was shared into a case scope, with its legal basis
    Refuse,        // a disclosure was refused, or a grant breaking the role policy was seen
};
std::string_view to_string(AuditAction a);
std::optional<AuditAction> audit_action_from(std::string_view s);

// Size limits of one entry's strings; the store splits a write touching more records into several
// `change` entries so that one entry stays well below an op's value limit.
inline constexpr std::size_t kMaxAuditText = 1024;             // actor, legal basis, detail
inline constexpr std::size_t kMaxAuditObjectBytes = 64 * 1024;  // the object ids of one entry, summed

// The record type and field that carry an entry through sync (docs/audit.md); reserved: a Writer
// refuses this type.
inline constexpr const char* kAuditRecordType = "audit_entry";
inline constexpr const char* kAuditField = "entry";

struct AuditEntry {
    std::uint64_t seq = 0;
    crypto::Hash32 prev{};
    crypto::DeviceId device{};
    std::uint64_t time_ms = 0;         // the device's clock
    std::uint64_t server_time_ms = 0;  // the server's clock at this device's last push before it (0: none yet)
    std::string actor;                 // the role or user label the app gave
    AuditAction action = AuditAction::Open;
    std::vector<std::string> objects;  // record ids, scope ids, device ids; may be empty
    std::string legal_basis;           // may be empty
    std::string detail;                // short, never record content

    crypto::Bytes canonical() const;
    crypto::Hash32 hash() const;
    // Strict: exactly the canonical bytes of some entry (known keys only, sorted, no whitespace).
    static Result<AuditEntry> parse(crypto::ByteView canonical);
    // The record id of the entry's sync op: "<device hex>:<seq>".
    std::string record_id() const;
};

// InvalidArgument if a string is not UTF-8 or too long, or an object id is not a valid id.
Result<void> check_audit_fields(const std::string& actor, const std::vector<std::string>& objects,
                                const std::string& legal_basis, const std::string& detail);

struct AuditHead {
    std::uint64_t seq = 0;
    crypto::Hash32 hash{};
};

enum class AuditBreakKind {
    HashMismatch,  // an entry does not name its predecessor's hash: the predecessor was altered or replaced
    Missing,       // a seq is absent in the middle: an entry was removed
    Reordered,     // a seq appears after a later one
    Duplicate,     // a seq appears twice in one copy: an entry was inserted
    Rewritten,     // two different versions of one seq (the copy already synced differs)
    Foreign,       // an entry of another device, or filed under the wrong id or author
    Unreadable,    // a row or op that does not open or parse
    Truncated,     // the chain ends before the recorded head: its end was cut off
};
std::string_view to_string(AuditBreakKind k);

// The first broken link of a chain.
struct AuditBreak {
    AuditBreakKind kind = AuditBreakKind::HashMismatch;
    std::uint64_t seq = 0;  // the entry at which the chain stops verifying
    std::string reason;
};

// Checks one device's chain in the order it is stored: seq 1, 2, 3, … each naming its
// predecessor's hash, all of `device`. With `head`, the chain must also end exactly there.
// Returns the first broken link, or nullopt if the chain verifies.
std::optional<AuditBreak> verify_chain(const std::vector<AuditEntry>& entries, const crypto::DeviceId& device,
                                       const std::optional<AuditHead>& head = std::nullopt);

// One device's chain as a store holds it, with its first broken link.
struct AuditChain {
    crypto::DeviceId device{};
    bool local = false;                 // this device's own chain (its sealed table)
    std::vector<AuditEntry> entries;    // stored order (local) or by seq (received through sync)
    std::optional<AuditBreak> broken;   // nullopt: verifies
};

// This device's chain in its store (see the top of this file).
class AuditLog {
public:
    // Tables; IF NOT EXISTS so that stores made before the audit log gain them on open.
    // `audit_ops` marks the op-log rows that carry audit entries (so counts of case data leave
    // them out); its rows hold op sequence numbers only.
    static constexpr const char* kSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS audit(seq INTEGER PRIMARY KEY, sealed BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS audit_ops(op_seq INTEGER PRIMARY KEY);
)sql";

    // Reads the sealed head. A head row that does not open is reported in `problem` and the
    // chain continues from the highest row with a zero hash: the break stays visible to verify.
    Result<void> load(Database& db, crypto::SymmetricKey key, const crypto::DeviceId& device, std::string& problem);
    bool ready() const { return m_key.has_value(); }
    const AuditHead& head() const { return m_head; }

    // Writes an entry's sealed row and the new head; the caller holds the transaction.
    Result<void> write(Database& db, const AuditEntry& e);
    // After the caller's transaction committed.
    void advance(const AuditEntry& e) { m_head = {e.seq, e.hash()}; }

    struct Row {
        std::uint64_t seq = 0;            // the row's key
        std::optional<AuditEntry> entry;  // nullopt: does not open or parse
    };
    Result<std::vector<Row>> read(Database& db) const;
    // The sealed head as stored (nullopt if there is none or it does not open).
    Result<std::optional<AuditHead>> stored_head(Database& db) const;

    // Meta rows this log owns, in clear (none is personal data): the audit scope id (random), how
    // many entries were published as ops into it, the server time last learned; the failed-unlock
    // count and time. Written with save_state() inside the caller's transaction; the members change
    // only after it committed.
    std::optional<crypto::ScopeId> scope;
    std::uint64_t published = 0;
    std::uint64_t server_time_ms = 0;
    std::string actor;  // StoreOptions::actor
    static Result<void> save_state(Database& db, const std::optional<crypto::ScopeId>& scope, std::uint64_t published,
                                   std::uint64_t server_time_ms);
    // The server time alone (after a push): one row, one statement.
    static Result<void> save_server_time(Database& db, std::uint64_t server_time_ms);

    // A wrong passphrase: count it (no key is needed, none is available).
    static Result<void> note_failed_unlock(Database& db, std::uint64_t now_ms);
    struct FailedUnlocks {
        std::uint64_t count = 0;
        std::uint64_t last_ms = 0;
    };
    static Result<FailedUnlocks> failed_unlocks(Database& db);
    static Result<void> clear_failed_unlocks(Database& db);

    // Test hook (Store::debug_rewrite_audit_entry): re-seals row e.seq with e, and the head if e is
    // the newest entry — what a holder of the unlocked store could do behind the code's back.
    Result<void> debug_overwrite(Database& db, const AuditEntry& e);

private:
    std::optional<crypto::SymmetricKey> m_key;
    crypto::DeviceId m_device{};
    AuditHead m_head;
};

}  // namespace quartier::sync
