// The sealed local store (docs/architecture.md §2, §6): one SQLite database (WAL) in a store directory,
// holding the key file, the wrapped device identity and scope keys, the op log of envelopes, the
// signed commits, the outbox and sealed record snapshots. Plaintext exists only in memory.
//
// Terms
//   op log    every envelope this device wrote or accepted, in arrival order (ops.seq)
//   commit    the signed list of envelope hashes of one local write transaction (several for
//             a transaction of more than StoreOptions::max_commit_entries ops)
//   outbox    local ops not yet acknowledged by a server (outbox.op_seq)
//   snapshot  a record's folded state sealed under a local key, valid up to meta.snapshot_upto
//   state     the in-memory fold: snapshots, then every op with seq > snapshot_upto
//
// States and transitions
//   (no store) --create()--> Open            open() on a missing store is NotFound, never a new store
//   Closed     --open(passphrase)--> Open    wrong passphrase: WrongPassphrase, nothing changed
//                                            but the failed-unlock counter (docs/audit.md)
//   Open       --write ok--> Open            one SQLite transaction per Writer::commit()
//   Open       --a write fails--> Failed     rolled back; failure() says why (Full: no room; Io,
//                                            Corrupt, Busy); every later write: Error::Failed
//   Failed     --recover()--> Open           the state re-read from the database with the keys
//                                            held (no passphrase); writes nothing, so it succeeds
//                                            on a disk still full and the next write finds out
//   Failed     --recover() fails--> Failed   the re-read's error; after wipe(): Error::Failed
//   Open|Failed --destructor--> Closed       keys wiped (secure memory), file lock released
//   Open       --lease expired--> Open, reads refused (LeaseExpired) until a sync succeeds
//
// Invariants
//   1. The state equals the fold of the op log; reopening rebuilds exactly the same state.
//   2. A write is all or nothing: its ops, commits, outbox rows and counters land in one
//      transaction, and memory is updated only after that transaction committed.
//   3. No column holds plaintext of a record: ids are keyed hashes (rk), values are sealed.
//   4. One process at a time: an exclusive lock on the directory; a second opener gets Busy.
//   5. An envelope that fails to open is reported in problems() and skipped; the rest stays readable.
//   6. Audit (docs/audit.md): an unlock, a commit and each audit() call append their entries to
//      this device's chain in the same transaction as what they record; the chain is never rewritten.
//   7. Failed holds memory as the last committed transaction left it (invariant 2), and reads go
//      on; recover() replaces it by exactly what open() would fold from the database, under a
//      generation() higher than any before, so every cache over the old records is rebuilt.
//   8. Records are keyed by scope and id (docs/threat-model.md, "Records bound to their scope"): an
//      op is folded only into the record of its own envelope's scope, so no op through one scope
//      changes, deletes or moves a record of another. An id found in several scopes (only an
//      insider reusing a known id makes that) is a collision: get(id) and list() show none of
//      its records, writes must name the scope, collisions() reports it.
//   9. An op of another device counts only if the directory lets it (Directory::refuse_op: a
//      member at its epoch, and from before any removal of its author: docs/threat-model.md,
//      "Removed members"). ingest() refuses the others; a removal that arrives later takes those
//      it refuses out of the op log (their hashes kept in `purged`, reported in problems()) and
//      the state is folded again from what stays, so invariant 1 holds.
//  10. A pulled envelope that fails verification (damaged, a commit missing or not matching, an op
//      version this build cannot read, a refused author or clock) is never folded and never lost:
//      it is held with its reason (at most 10,000, the oldest go first), reported, and tried again
//      by retry_held(); the cursor moves past it, so one bad envelope blocks no scope.
//
// Where the code is (one job per file; Store::Impl, the state they share, in store_impl.h):
//   store.cpp            lifecycle: lock, schema, create(), open(), status(), recover()
//   store_keyring.cpp    key file, derived keys, device identity, scope keys and epochs, admin key
//   store_settings.cpp   sealed settings, and settings held for a later unlock
//   store_log.cpp        the fold of the op log, snapshots (checkpoint), get/list/history
//   store_writer.cpp     Writer: local ops sealed, signed and written in one transaction
//   store_audit.cpp      this device's audit chain, and the chains of others (invariant 6)
//   store_journal.cpp    outbox, acknowledgements, cursors, server_lost()
//   store_ingest.cpp     ingest of pulled envelopes, held envelopes (invariants 9, 10)
//   store_directory.cpp  the directory's entries, and the ops a removal refuses (invariant 9)
//   store_verify.cpp     verify()
//   store_purge.cpp      purge_scope() and wipe()
#pragma once

#include "sync/store/audit.h"
#include "sync/org/directory.h"
#include "sync/core/error.h"
#include "sync/core/hlc.h"
#include "sync/store/record.h"

#include "crypto/commit.h"
#include "crypto/passphrase.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quartier::sync {

struct StoreOptions {
    WallClock clock = system_clock();
    // Parameters the key file is brought up to on unlock if it is weaker (rehash on unlock).
    std::optional<crypto::PwhashParams> kdf_floor;
    // A storage quota for the database file in bytes (0: none). A write past it fails like a
    // full disk: Error::Full, rolled back, the store Failed until recover() or a reopen.
    std::uint64_t max_bytes = 0;
    // Who works with the store, as the audit log names them (docs/audit.md): a role or a user
    // label. Empty: the device's role from the directory, or "device" before enrolment.
    std::string actor;
    // Envelopes per signed commit, at most crypto::kMaxCommitEntries (larger values count as
    // that): a Writer with more ops commits them as several signed commits in its one
    // transaction. Tests lower it to make that split cheap.
    std::size_t max_commit_entries = crypto::kMaxCommitEntries;
};

struct StoreStatus {
    std::size_t records = 0;   // live (not deleted) records
    std::size_t deleted = 0;   // tombstoned records
    std::size_t ops = 0;       // envelopes in the op log
    std::size_t pending = 0;   // ops in the outbox
    std::size_t pending_records = 0;  // records those ops belong to (what a user calls "changes")
    std::size_t conflicts = 0; // records with an open conflict
    std::size_t problems = 0;  // envelopes that failed to open
    std::size_t held = 0;      // pulled envelopes that failed verification, held for a retry (invariant 10)
    std::string device;        // this device's id (hex)
    // The audit log (docs/audit.md) is not case data: ops and pending above leave its ops out.
    std::size_t audit_entries = 0;  // this device's chain
    std::size_t audit_pending = 0;  // audit entries not yet pushed
};

// An envelope that could not be opened: where it is and why.
struct Problem {
    std::int64_t op_seq = 0;
    std::string record;  // the record id if another op of it names it, else empty
    std::string op;      // op id (hex)
    std::string error;
};

// A setting sealed to this device for a later unlock (Store::hold_setting): ciphertext only.
struct HeldSetting {
    crypto::Bytes sealed_key;  // crypto_box_seal to the device's X25519 key: binding || a fresh key
    crypto::Bytes blob;        // u32 name length || name || value, sealed under that key
};

struct VerifyReport {
    std::size_t envelopes = 0;
    std::size_t commits = 0;
    std::vector<Problem> problems;
    std::vector<std::string> database;  // SQLite integrity_check findings
    bool ok() const { return problems.empty() && database.empty(); }
};

// A local op waiting to be pushed.
struct OutboxItem {
    std::int64_t op_seq = 0;
    crypto::Bytes envelope;
};

// An envelope pulled from the server, with the id of the commit that vouches for it.
struct PulledItem {
    std::int64_t server_seq = 0;
    crypto::Bytes envelope;
    crypto::Id16 commit{};
};

// An envelope that failed verification, held for a retry (Store invariant 10).
struct HeldEnvelope {
    ScopeId scope{};
    std::int64_t server_seq = 0;
    std::string hash;  // BLAKE2b of the envelope (hex)
    std::string why;   // the reason of its last try
    std::uint64_t since_ms = 0;
};

struct IngestReport {
    std::size_t applied = 0;     // new ops, verified, stored and folded
    std::size_t duplicates = 0;  // ops this store already had (its own, or pulled before)
    std::size_t skewed = 0;      // ops dated more than a day ahead of this device's clock: applied, warned
    std::vector<Problem> rejected;  // failed verification: not folded but held for a retry (invariant 10); the cursor moves past them
    bool blocked = false;        // stopped at an op this device cannot check yet (no key or membership)
    std::int64_t cursor = 0;     // the scope's cursor after this batch
};

class Store;

// Collects the ops of one local transaction; commit() seals, signs once and writes them.
class Writer {
public:
    explicit Writer(Store& store) : m_store(store) {}
    // Sets a field. `id` empty: a new record with a fresh random id. Returns the record id.
    // Records are keyed by scope and id (invariant 8): `scope` names the record's scope; without
    // it an existing record is found by its id alone, which is refused (InvalidArgument) if the id
    // is in several scopes, and a new record goes to the default scope. A new record under an id
    // that another scope already holds is refused: this device never makes such a twin.
    Result<std::string> set(const std::string& type, const std::string& id, const std::string& field,
                            const std::string& value, const ScopeId* scope = nullptr);
    Result<void> remove(const std::string& id, const ScopeId* scope = nullptr);
    // Resolves a conflicted field: the new value's parents are all current heads.
    Result<void> resolve(const std::string& id, const std::string& field, const std::string& value,
                         const ScopeId* scope = nullptr);
    std::size_t size() const { return m_ops.size(); }
    Result<void> commit();

    struct PendingOp {
        OpPayload payload;
        ScopeId scope{};
        OpId op{};
    };

private:
    friend class Store;
    Store& m_store;
    std::vector<PendingOp> m_ops;
    // Per record, its latest op in m_ops, and per op the previous op of the same record (or
    // kNoOp): staging stays O(ops of that record) instead of O(all ops), so a bulk Writer is linear.
    static constexpr std::size_t kNoOp = std::size_t(-1);
    std::unordered_map<std::string, std::size_t> m_last;
    std::vector<std::size_t> m_prev;
    void push(PendingOp p);
    // Op ids come from OS randomness drawn 256 bytes at a time (16 ids per draw instead of one
    // system call per op). Op ids are public: the batch holds nothing secret.
    std::array<std::uint8_t, 256> m_random{};
    std::size_t m_random_used = 256;
    OpId next_op_id();

public:
    // The legal basis the audit entry of this commit names (docs/audit.md); may stay empty.
    void legal_basis(std::string basis) { m_legal_basis = std::move(basis); }

private:
    std::string m_legal_basis;
};

class Store {
public:
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static bool exists(const std::filesystem::path& dir);
    static Result<std::unique_ptr<Store>> create(const std::filesystem::path& dir, std::string_view passphrase,
                                                 const crypto::PwhashParams& kdf, StoreOptions options = {});
    static Result<std::unique_ptr<Store>> open(const std::filesystem::path& dir, std::string_view passphrase,
                                               StoreOptions options = {});

    Result<void> change_passphrase(std::string_view new_passphrase, const crypto::PwhashParams& kdf);

    // The record of that id (deleted records are returned); nullptr if unknown, or if records of
    // that id exist in several scopes (invariant 8: none of them is "the" record then).
    const Record* get(const std::string& id) const;
    // The record of that id in that scope; nullptr if that scope holds none.
    const Record* get(const ScopeId& scope, const std::string& id) const;
    // Every record of that id, whatever its scope (one, unless an id was reused in another scope).
    std::vector<const Record*> get_all(const std::string& id) const;
    // Record ids held by several scopes, one problem each (op_seq 0): an insider who learnt an
    // id wrote ops for it through a scope it shares with this device (docs/threat-model.md).
    std::vector<Problem> collisions() const;
    // Changes whenever the in-memory state changes (a commit, an ingest, a purge, a wipe): a
    // cache of records or pointers into them (the domain layer's index) is current while it holds.
    std::uint64_t generation() const;
    std::vector<const Record*> list(const std::string& type = {}) const;  // live records, by id
    StoreStatus status() const;
    const std::vector<Problem>& problems() const { return m_problems; }
    // All versions a field ever had, oldest first (reads the op log; note histories). Only ops of
    // the record's scope (`scope`, or the one scope its id is in: InvalidArgument if several).
    Result<std::vector<FieldVersion>> history(const std::string& id, const std::string& field,
                                              const ScopeId* scope = nullptr) const;

    // Full check: every envelope against its signature or commit and its AEAD, every commit's
    // signature, and SQLite's integrity_check.
    VerifyReport verify() const;

    // Writes sealed snapshots of records changed since the last one and advances snapshot_upto.
    Result<void> checkpoint();

    // --- sync (docs/protocol.md) -------------------------------------------------------------
    // Local ops not yet acknowledged by the server, oldest first, at most `limit`, of at most
    // `max_scopes` scopes (the oldest ops' scopes); the next call, after they were acknowledged,
    // gives the next ones. The sync client sends each scope's ops under a commit of their own.
    // `in_flight` (ascending op seqs) are passed over: sent, their acknowledgement not yet in, so
    // the client can prepare the next batch while one is on the wire.
    Result<std::vector<OutboxItem>> outbox(std::size_t limit, std::size_t max_scopes = 1,
                                           std::span<const std::int64_t> in_flight = {}) const;
    Result<void> acknowledge(const std::vector<std::int64_t>& op_seqs);
    // The server sequence number up to which `scope` was pulled (0: nothing yet).
    std::int64_t cursor(const ScopeId& scope) const;
    // Verifies every item (commit signature and author membership from the directory, envelope
    // against its commit, AEAD), then stores the new ones, folds them and sets the cursor, all in
    // one transaction. Items that fail verification are reported and skipped; an item this device
    // cannot check yet (no key for its epoch, author not yet in our copy of the directory) stops
    // the batch there so that a later pull retries it.
    // `next_op`: the op the server holds at `next_cursor` if the caller knows it (its own last
    // pushed op, when a push moved the cursor past its own envelopes).
    Result<IngestReport> ingest(const ScopeId& scope, const std::map<crypto::Id16, crypto::Bytes>& commits,
                                const std::vector<PulledItem>& items, std::int64_t next_cursor,
                                std::optional<OpId> next_op = std::nullopt);
    // Tries every held envelope again (invariant 10): those that verify now are stored and folded
    // and leave the held table, with those found in the op log meanwhile; the rest stay, with the
    // reason of this try. The cursor does not move.
    Result<IngestReport> retry_held();
    // A fresh copy of held envelopes, fetched from the server again (a copy damaged on the way):
    // verified as ingest() does without moving the cursor; an accepted one, or one in the log
    // already, releases every held envelope that came at its scope and server seq.
    Result<IngestReport> ingest_again(const ScopeId& scope, const std::map<crypto::Id16, crypto::Bytes>& commits,
                                      const std::vector<PulledItem>& items);
    // The envelopes held for a retry, oldest first.
    Result<std::vector<HeldEnvelope>> held() const;
    // The op the server held at this scope's cursor when it was pulled (docs/server.md, "Backup and
    // restore"): a pull names it, so that a server restored from a backup, which holds another op
    // there or none, is caught. nullopt: not known (a cursor of an older store, or none yet).
    std::optional<OpId> cursor_op(const ScopeId& scope) const;
    // The server lost ops of `scope` it had acknowledged (a restore from a backup): the scope's
    // cursor goes back to 0, so that everything is pulled again (what this store holds already
    // counts as duplicates), and every op of this device in that scope goes back into the outbox,
    // so that the next push restores them (the server takes a known op id as a duplicate). One
    // transaction. Returns the number of ops queued again.
    Result<std::size_t> server_lost(const ScopeId& scope);

    const Directory& directory() const;
    // The highest device sequence number (envelope header `seq`) among the ops of `device` this
    // store holds, 0 if none: what a device signing `device`'s removal has seen of it, the floor
    // of the entry's `last_seq` (docs/protocol.md, "Removals: last_seq").
    Result<std::uint64_t> highest_device_seq(const DeviceId& device) const;
    // Verifies and persists new directory entries (they must extend our copy). If an organisation
    // is pinned (set_pin), the genesis must match it.
    // `revealed`: openings of entries we hold, given later (Directory::reveal), kept with them.
    Result<void> extend_directory(const std::vector<SignedEntry>& entries, const std::vector<SignedEntry>& revealed = {});
    Result<void> set_pin(const crypto::Id16& org, const crypto::SignPublicKey& admin_key);

    // Scope keys this device holds.
    Result<void> add_scope_key(const ScopeId& scope, std::uint32_t epoch, crypto::SymmetricKey key);
    Result<ScopeId> create_scope();  // a new scope with a fresh key at epoch 1
    // Removes a scope from this device (a cache purge, docs/architecture.md §6 / docs/architecture.md §8 item 5): its ops,
    // the commits left without ops, its records' snapshots, its keys and cursor, in one
    // transaction; then the database is vacuumed and the WAL truncated so no page keeps them.
    // Busy if ops of the scope still wait in the outbox (push first), unless `discard_pending`
    // (a crypto-shredded scope, whose ops the server refuses for good: they go too).
    Result<void> purge_scope(const ScopeId& scope, bool discard_pending = false);
    // Forgets one key (a rotation this device prepared but another device won).
    Result<void> remove_scope_key(const ScopeId& scope, std::uint32_t epoch);
    const crypto::SymmetricKey* scope_key(const ScopeId& scope, std::uint32_t epoch) const;
    std::vector<std::pair<ScopeId, std::uint32_t>> scope_keys() const;  // every (scope, epoch) held
    std::uint32_t current_epoch(const ScopeId& scope) const;            // 0 if none held

    // Settings (server URL, fingerprint, device name, enrolment offers), sealed under the master
    // key: a device name can be a person's name. durable = false: bookkeeping a power loss may
    // forget (the time of the last sync), committed without waiting for the disk.
    Result<void> set_setting(const std::string& key, const std::string& value, bool durable = true);
    std::optional<std::string> setting(const std::string& key) const;
    // The names of the settings that start with `prefix` and hold a value (a draft's place: the
    // app forgets the drafts of records a purge took, docs/app.md "Drafts of a case that left").
    std::vector<std::string> setting_names(std::string_view prefix) const;
    // A setting that could not be written (the store failed: a full disk) can wait for the next
    // unlock in ordinary memory, where no key survives a lock: hold_setting() seals it to this
    // device's X25519 key (a sealed box of a fresh key, and the name and value under that key);
    // only this device's store, unlocked again, opens it. No write; works while Failed.
    // restore_setting() opens one and writes it as set_setting() does: Corrupt if it was not
    // sealed by this device or was altered, Failed/Full/Io as set_setting (keep it and retry).
    HeldSetting hold_setting(const std::string& key, const std::string& value) const;
    Result<void> restore_setting(const HeldSetting& held);

    // The organisation's admin signing identity, held only in the admin's store.
    Result<void> set_admin_identity(const crypto::DeviceIdentity& admin);
    const crypto::DeviceIdentity* admin_identity() const;

    // Crypto-shredding of this device (a remote-wipe order, docs/architecture.md §3): every key row is
    // deleted with secure_delete on, every table emptied, the database vacuumed, then its files
    // removed. Afterwards the store is Failed; nothing of it is left in the directory but `lock`.
    Result<void> wipe();

    // The offline lease (docs/retention.md): LeaseExpired once the organisation's lease is set
    // and the last successful sync is older than it; get(), list() and history() then show
    // nothing until a sync succeeds. Defined in retention.cpp.
    Result<void> readable() const;
    std::uint64_t now_ms() const;  // the store's clock (StoreOptions::clock)

    const crypto::DeviceIdentity& device() const;
    const ScopeId& default_scope() const;
    bool failed() const { return m_failed; }
    // Why the store is Failed: the error of the write that failed it (Full: no room on the disk
    // or in the quota; Io, Corrupt, Busy), Failed after wipe(); nullopt while Open.
    std::optional<Error> failure() const { return m_failed ? std::optional<Error>(m_failure) : std::nullopt; }
    // Failed --> Open without the passphrase: re-reads keys, settings, directory, cursors, the
    // audit chain's head and the fold from the database with the master key it still holds, as
    // open() does (problems() anew), and writes nothing. Nothing to do while Open. Error::Failed
    // after wipe(); a re-read that fails leaves the store Failed with that error.
    Result<void> recover();
    // Test seam: sets the quota of StoreOptions::max_bytes on the open connection (0: none), to
    // fill a store's room and to free it again in tests of a full disk. A quota below the current
    // size holds the database at its current size.
    Result<void> debug_set_max_bytes(std::uint64_t bytes);
    const std::filesystem::path& dir() const { return m_dir; }

    // --- audit log (docs/audit.md) ----------------------------------------------------------
    // The store itself records every unlock (and the wrong passphrases before it), every
    // Writer::commit (one `change` entry naming the records), passphrase changes; the sync client
    // records syncs, shares, admissions and revocations; the app and the CLI record what they show
    // or export through audit() and record_open(). An entry that cannot be written fails the call
    // (and the store, like any failed write): no access without its record.
    Result<void> audit(AuditAction action, std::vector<std::string> objects = {}, std::string legal_basis = {},
                       std::string detail = {});
    // A record was shown to the user.
    Result<void> record_open(const std::string& id, std::string legal_basis = {}, std::string detail = {});
    // Every chain this store holds, each verified: this device's own first (its sealed table,
    // checked against its sealed head and against the copy it already published), then every
    // other device's chain received through an audit scope (a DPO's store), by device id.
    Result<std::vector<AuditChain>> audit_chains() const;
    // This device's audit scope; made (key at epoch 1) on first call, and every entry so far is
    // published into it as an op in the same transaction. Called by the sync client once the
    // device is enrolled.
    Result<ScopeId> ensure_audit_scope();
    std::optional<ScopeId> audit_scope() const;
    // The server's clock as a push answer gave it: later entries carry it as `server_time`.
    Result<void> note_server_time(std::uint64_t ms);
    // Test hook: what a device holder with the unlocked store could do by hand — re-seal entry
    // `seq` with `change` applied, in its row and, if it was published but not pushed yet, in its
    // outbox op. Exists so that tests can show the chain catches it. InvalidArgument if no such entry.
    Result<void> debug_rewrite_audit_entry(std::uint64_t seq, const std::function<void(AuditEntry&)>& change);

    struct Impl;

private:
    friend class Writer;
    Store();
    // The record a write of (`scope`, `id`) changes, or nullptr for a new one (invariant 8):
    // InvalidArgument if `scope` is given and another scope holds the id, or if it is not given
    // and several scopes hold it.
    Result<void> existing_for_write(const std::string& id, const ScopeId* scope, const Record*& existing) const;
    // The common start of create() and open(): the object, the directory lock, the database.
    static Result<std::unique_ptr<Store>> start(const std::filesystem::path& dir, StoreOptions options, bool create);
    std::filesystem::path m_dir;
    std::unique_ptr<Impl> m_impl;
    Result<void> drop_refused_ops();  // invariant 9, after the directory grew
    Result<IngestReport> ingest_items(const ScopeId& scope, const std::map<crypto::Id16, crypto::Bytes>& commits,
                                      const std::vector<PulledItem>& items, std::int64_t next_cursor,
                                      std::optional<OpId> next_op, bool retry);

    std::vector<Problem> m_problems;
    bool m_failed = false;
    Error m_failure = Error::Failed;  // why, while m_failed
    void fail(Error e) {
        m_failed = true;
        m_failure = e;
    }
};

}  // namespace quartier::sync
