// Store::Impl: the state behind the Store facade (sync/store/store.h) and the helpers its parts share.
// Internal: only sync/store*.cpp include it; callers use sync/store/store.h.
//
// Job: hold, for one open store, the connection and its prepared statements, the keys (in secure
// memory), the fold of the op log (the records), and the sync bookkeeping (directory, cursors,
// settings, the audit chain's head, the author clock of ingest). Each store_*.cpp does one job on
// it (the map is in sync/store/store.h, "Where the code is").
//
// States: an Impl is made by Store::start() (create/open) and filled by open(), or made afresh by
// recover(), which takes over the connection, its checkpointer and the lock (Store invariant 7);
// wipe() empties it (keys reset, connection closed). Its members change only after the
// transaction that wrote them committed (Store invariant 2), so while Failed it holds what the last
// committed transaction left. The numbered invariants are those of sync/store/store.h.
//
// Invariants kept here:
//   - `records` is the fold of the op log (Store invariant 1): every change goes through apply(),
//     which bumps `generation` and marks the record dirty for the next checkpoint.
//   - A record lives in the slot of its id, under its own scope (Store invariant 8): `rec` is the
//     first scope's, `twins` the others'.
//   - `dirty` points into `records` (nodes are stable); whoever erases records clears it.
//   - Key members are empty only after wipe(); `scope_keys` and `current_epoch` agree.
#pragma once

#include "sync/store/store.h"

#include "sync/core/database.h"
#include "sync/store/opcodec.h"

#include "crypto/bytes_io.h"
#include "crypto/commit.h"
#include "crypto/keywrap.h"

#include <absl/container/node_hash_map.h>

#include <unistd.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace quartier::sync {

namespace store_internal {

// Sync bookkeeping that the server holds durably anyway (pulled ops with their cursor, outbox
// acknowledgements, the time of the last sync) is committed without waiting for the disk:
// synchronous=NORMAL for that one transaction. WAL keeps the database consistent either way, and
// the next FULL commit (every local write is one) makes it durable too. A power loss can only
// make the device pull or push those ops once more. Saves one fsync per pulled page, per pushed
// batch and per sync (bench/sync_bench.cpp, docs/benchmarks.md).
class RelaxedSync {
public:
    explicit RelaxedSync(Database& db) : m_db(db) { (void)m_db.exec("PRAGMA synchronous=NORMAL"); }
    ~RelaxedSync() { (void)m_db.exec("PRAGMA synchronous=FULL"); }
    RelaxedSync(const RelaxedSync&) = delete;
    RelaxedSync& operator=(const RelaxedSync&) = delete;

private:
    Database& m_db;
};

inline crypto::Bytes u64_blob(std::uint64_t v) {
    crypto::Bytes b;
    crypto::io::put_u64(b, v);
    return b;
}
inline std::uint64_t blob_u64(crypto::ByteView b) {
    crypto::io::Reader r(b);
    const std::uint64_t v = r.u64();
    return r.failed() ? 0 : v;
}

inline crypto::Bytes label_ad(std::string_view label, std::initializer_list<crypto::ByteView> parts) {
    return crypto::labelled(label, parts);
}

inline crypto::Bytes scope_ad(const ScopeId& scope, std::uint32_t epoch) {
    crypto::Bytes e;
    crypto::io::put_u32(e, epoch);
    return label_ad("quartier/scope-key/v1", {scope, e});
}

using ScopeEpoch = std::pair<ScopeId, std::uint32_t>;

}  // namespace store_internal

struct Store::Impl : crypto::KeyResolver {
    using Bytes = crypto::Bytes;
    using ByteView = crypto::ByteView;
    using SymmetricKey = crypto::SymmetricKey;

    // --- lifecycle (store.cpp) ------------------------------------------------------------------
    Database db;
    // WAL checkpoints off the commit path (sync/core/database.h); reset before `db` closes.
    std::unique_ptr<BackgroundCheckpoint> checkpoint;
    int lock_fd = -1;
    StoreOptions options;
    Hlc hlc{system_clock()};

    ~Impl() override {
        if (lock_fd >= 0) ::close(lock_fd);  // releases the flock
    }
    Result<void> prepare_statements();
    Result<void> apply_quota();
    // `rename_legacy`: open() renames settings of older stores (a write); recover() writes nothing.
    Result<void> load_sync_state(bool rename_legacy);

    // --- keys (store_keyring.cpp) ----------------------------------------------------------------
    std::optional<SymmetricKey> master;
    std::optional<SymmetricKey> wrap_key;      // wraps the device secret and scope keys
    std::optional<SymmetricKey> index_key;     // keyed record index (rk)
    std::optional<SymmetricKey> snapshot_key;  // seals snapshots
    std::optional<SymmetricKey> setting_key;   // keyed row names of settings (setting_row)
    std::optional<crypto::DeviceIdentity> device;
    ScopeId default_scope{};
    std::map<store_internal::ScopeEpoch, SymmetricKey> scope_keys;
    std::map<ScopeId, std::uint32_t> current_epoch;
    std::uint64_t device_seq = 0;
    std::optional<crypto::DeviceIdentity> admin;  // the organisation's admin key, admin store only

    void derive_keys();
    Result<void> add_scope_key(const ScopeId& scope, std::uint32_t epoch, SymmetricKey key);
    Result<void> load_keys();
    Result<void> load_admin();

    const SymmetricKey* scope_key(const ScopeId& scope, std::uint32_t epoch) const override {
        auto it = scope_keys.find({scope, epoch});
        return it == scope_keys.end() ? nullptr : &it->second;
    }
    // Membership comes from the verified directory; this device is also trusted for its own ops
    // in scopes it holds keys for (a store that is not enrolled anywhere has no directory).
    const crypto::SignPublicKey* member_key(const ScopeId& scope, std::uint32_t epoch,
                                            const DeviceId& author) const override {
        if (device && author == device->id() && scope_key(scope, epoch)) return &device->sign_public();
        return directory.member_key(scope, epoch, author);
    }
    // The signing key of a commit's author: this device, or an enrolled device.
    const crypto::SignPublicKey* author_key(const DeviceId& author) const {
        if (device && author == device->id()) return &device->sign_public();
        const DeviceInfo* d = directory.device(author);
        return d ? &d->sign_pk : nullptr;
    }
    // The keyed index name of a record id (Store invariant 3: no id in clear on disk).
    crypto::Id16 rk(const std::string& id) const {
        return crypto::keyed_index(index_key->view(),
                                   ByteView(reinterpret_cast<const std::uint8_t*>(id.data()), id.size()));
    }

    // --- sync bookkeeping (store_journal.cpp, store_ingest.cpp, store_directory.cpp) -------------
    Directory directory;
    std::map<ScopeId, std::int64_t> cursors;
    // The op the server holds at each cursor, where known: a pull names it, and a server that
    // holds another op there (or none) lost what it had acknowledged (docs/server.md, "Backup").
    std::map<ScopeId, OpId> cursor_ops;

    // Every op's place in its author's own order (docs/threat-model.md, "Clocks bounded by the
    // author's own ops"): author -> device seq -> (HLC, op id), from the op log's headers. Built
    // at the first ingest after an open; ingest refuses an op dated before an op its author wrote
    // earlier (a lower seq) or after one it wrote later, and a second op under a seq in use.
    struct AuthorOp {
        std::uint64_t hlc = 0;
        OpId op{};
    };
    std::optional<std::map<DeviceId, std::map<std::uint64_t, AuthorOp>>> author_clock;
    Result<void> load_author_clock();
    // Why `h` does not fit its author's earlier and later ops, or nullopt.
    std::optional<std::string> clock_refusal(const crypto::EnvelopeHeader& h) const;
    void note_author_op(const crypto::EnvelopeHeader& h) {
        if (author_clock) (*author_clock)[h.author].emplace(h.seq, AuthorOp{h.hlc, h.op});
    }

    // --- settings (store_settings.cpp) -----------------------------------------------------------
    std::map<std::string, std::string> settings;  // decrypted
    Bytes setting_ad(const std::string& key) const;
    std::string setting_row(const std::string& name) const;
    static bool is_setting_row(std::string_view k);
    std::pair<std::string, Bytes> seal_setting(const std::string& name, const std::string& value) const;
    Result<void> write_setting(const std::string& name, const std::string& value);
    void rename_legacy_settings(const std::vector<std::string>& names);
    Result<void> load_settings(bool rename_legacy);

    // --- the fold (store_log.cpp) ----------------------------------------------------------------
    // A record and whether it changed since the last snapshot (a flag beside it, so that marking
    // it costs no second lookup by id).
    // Records are keyed by scope and id (invariant 8): `rec` is the first scope's record of the
    // id, `twins` those of other scopes (a collision, which only an insider reusing an id makes);
    // a snapshot row of a twin is named by twin_name().
    struct Slot {
        Record rec;
        bool dirty = false;
        std::unique_ptr<std::vector<Record>> twins;

        // The record of `scope`, or nullptr.
        Record* in(const ScopeId& scope) {
            if (rec.scope == scope) return &rec;
            if (twins)
                for (Record& t : *twins)
                    if (t.scope == scope) return &t;
            return nullptr;
        }
        const Record* in(const ScopeId& scope) const { return const_cast<Slot*>(this)->in(scope); }
    };
    // The keyed index name of a twin's snapshot row: the id under its scope.
    static std::string twin_name(const Record& r) { return "\x01" + crypto::to_hex(r.scope) + ":" + r.id; }
    using Entry = std::pair<const std::string, Slot>;
    absl::node_hash_map<std::string, Slot> records;  // nodes are stable and never erased one by one
    std::vector<Entry*> dirty;                      // the records with the flag set, each once
    std::int64_t snapshot_upto = 0;
    // The snapshots table holds rows the state no longer follows (a damaged snapshot, or one made
    // before records were keyed by scope, when a record could fold ops of several scopes): the
    // next checkpoint empties it before it writes every record anew.
    bool snapshots_stale = false;
    static constexpr std::uint64_t kSnapshotFormat = 2;  // 2: keyed by scope and id (invariant 8)
    std::size_t ops_since_snapshot = 0;
    std::uint64_t generation = 0;  // Store::generation(): bumped by every change of `records`

    // One stored envelope opened for the fold: its op, or the problem that keeps it out.
    struct Opened {
        std::int64_t seq = 0;
        OpMeta meta;
        std::optional<OpPayload> op;
        std::optional<Problem> problem;
    };
    Opened open_row(std::int64_t seq, ByteView env_bytes, Bytes& scratch) const;
    void fold_opened(Opened& o, std::vector<Problem>& problems);
    Result<void> load_state(std::vector<Problem>& problems);
    void attribute(std::vector<Problem>& problems);

    // Folds one op into its record (Store invariants 1 and 8). Inline: the bulk fold and
    // Writer::commit call it once per op.
    void apply(const OpMeta& meta, OpPayload&& op) {
        if (op.type == kAuditRecordType) return;  // an audit entry is no record (docs/audit.md)
        auto [it, fresh] = records.try_emplace(op.record_id);
        Slot& slot = it->second;
        // Invariant 8: only into the record of the op's own scope; another scope's op for this id
        // makes (or folds into) that scope's record of it, never this one.
        if (fresh || slot.rec.scope == meta.scope) {
            slot.rec.apply(meta, std::move(op));
        } else if (Record* twin = slot.in(meta.scope)) {
            twin->apply(meta, std::move(op));
        } else {
            if (!slot.twins) slot.twins = std::make_unique<std::vector<Record>>();
            slot.twins->emplace_back().apply(meta, std::move(op));
        }
        ++generation;
        if (!it->second.dirty) {
            it->second.dirty = true;
            dirty.push_back(&*it);
        }
        ++ops_since_snapshot;
    }

    // Room for `more` records before a bulk fold, so that the map does not rehash along the way.
    // Small writes grow the containers the usual geometric way (reserving the exact size on every
    // commit would defeat the geometric growth). absl's reserve() never shrinks the table.
    void reserve_records(std::size_t more) {
        constexpr std::size_t kMinReserve = 1024, kMaxReserve = std::size_t(1) << 20;
        if (more < kMinReserve) return;
        more = std::min(more, kMaxReserve);
        records.reserve(records.size() + more);
        if (dirty.size() + more > dirty.capacity()) dirty.reserve(dirty.size() + more);
    }

    // --- the op log's rows (store_writer.cpp and the others that append) ------------------------
    Statement ins_commit, ins_commit_at, ins_op, ins_outbox, ins_outbox_run, set_meta;
    Result<void> add_to_outbox(const std::vector<std::int64_t>& seqs);

    // --- audit (store_audit.cpp) -----------------------------------------------------------------
    AuditLog audit;  // this device's audit chain (docs/audit.md)

    // --- rows of the database ------------------------------------------------------------------
    // Runs `each` for every row of `sql`; stops at the first error (Database::each).
    template <class F>
    Result<void> rows(const char* sql, F&& each) {
        return db.each(sql, std::forward<F>(each));
    }
    Result<void> put_meta(const char* key, ByteView value) {
        set_meta.bind(1, std::string_view(key)).bind(2, value);
        return set_meta.run();
    }
    Result<std::optional<Bytes>> get_meta(const char* key) { return read_meta(db, key); }
};

namespace store_internal {

// --- audit staging (store_audit.cpp), used by Writer::commit and open/create -------------------
// Entries and their ops prepared for one transaction.
struct StagedAudit {
    AuditHead head;                // the chain's head after these entries
    std::uint64_t device_seq = 0;  // the device's envelope counter after their ops
    std::optional<ScopeId> scope;  // the audit scope the ops go to (none: entries stay local)
    std::uint64_t published = 0;   // entries published into the scope after this transaction
    std::vector<AuditEntry> entries;
    struct Op {
        crypto::Bytes env;
        crypto::Id16 rk;
        OpId op{};
    };
    std::vector<Op> ops;
};

StagedAudit begin_audit(const Store::Impl& I, std::uint64_t device_seq);
// The `change` entry of a Writer commit: the records it touched, first touch first, and how.
Result<void> stage_change(Store::Impl& I, StagedAudit& s, const std::vector<Writer::PendingOp>& ops,
                          const std::vector<std::size_t>& prev, std::size_t none, const std::string& legal_basis);
// Writes what was staged, inside the caller's transaction.
Result<void> write_audit(Store::Impl& I, const StagedAudit& s);
// Memory follows the chain once the transaction committed.
void finish_audit(Store::Impl& I, const StagedAudit& s);
// At create() and open(): loads the chain and records the unlock (Store invariant 6).
Result<void> open_audit(Store::Impl& I, bool created, std::vector<Problem>& problems);

}  // namespace store_internal

// What every file of the store speaks of (this header is included by sync/store/*.cpp only).
using crypto::Bytes;
using crypto::ByteView;
using crypto::SymmetricKey;
using namespace store_internal;

}  // namespace quartier::sync
