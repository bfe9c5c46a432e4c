#include "store.h"

#include "database.h"
#include "opcodec.h"
#include "pipeline.h"
#include "wire.h"

#include "crypto/bytes_io.h"
#include "crypto/commit.h"
#include "crypto/keywrap.h"

#include <absl/container/node_hash_map.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

namespace quartier::sync {

using crypto::Bytes;
using crypto::ByteView;
using crypto::SymmetricKey;
namespace fs = std::filesystem;

namespace {
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

constexpr std::int64_t kSchemaVersion = 1;
constexpr const char* kDbFile = "store.db";
constexpr const char* kLockFile = "lock";

constexpr const char* kSchemaSql = R"sql(
CREATE TABLE meta(k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE scope_keys(scope BLOB NOT NULL, epoch INTEGER NOT NULL, wrapped BLOB NOT NULL,
                        PRIMARY KEY(scope, epoch)) WITHOUT ROWID;
CREATE TABLE commits(seq INTEGER PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE ops(seq INTEGER PRIMARY KEY, op_id BLOB NOT NULL UNIQUE, rk BLOB NOT NULL,
                 commit_seq INTEGER NOT NULL, env BLOB NOT NULL);
CREATE TABLE outbox(op_seq INTEGER PRIMARY KEY);
CREATE TABLE snapshots(rk BLOB PRIMARY KEY, sealed BLOB NOT NULL) WITHOUT ROWID;
)sql";

// Tables of the sync layer; IF NOT EXISTS so that stores made before them gain them on open.
constexpr const char* kSyncSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS directory(seq INTEGER PRIMARY KEY, entry TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cursors(scope BLOB PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cursor_ops(scope BLOB PRIMARY KEY, op BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS settings(k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS purged(hash BLOB PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS held(id INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, scope BLOB NOT NULL,
                                server_seq INTEGER NOT NULL, commit_id BLOB NOT NULL, commit_body BLOB,
                                env BLOB NOT NULL, why TEXT NOT NULL, at INTEGER NOT NULL);
)sql";

// At most this many rejected envelopes are held for a retry (invariant 10); past it the oldest go.
constexpr std::int64_t kMaxHeld = 10'000;

Bytes u64_blob(std::uint64_t v) {
    Bytes b;
    crypto::io::put_u64(b, v);
    return b;
}
std::uint64_t blob_u64(ByteView b) {
    crypto::io::Reader r(b);
    const std::uint64_t v = r.u64();
    return r.failed() ? 0 : v;
}

Bytes label_ad(std::string_view label, std::initializer_list<ByteView> parts) { return crypto::labelled(label, parts); }

// What a setting's seal holds, in its row and when held for a later unlock (docs/store.md,
// "Settings"): u32 name length || name || value.
Bytes setting_plain(std::string_view name, std::string_view value) {
    Bytes plain;
    plain.reserve(4 + name.size() + value.size());
    crypto::io::put_u32(plain, std::uint32_t(name.size()));
    plain.insert(plain.end(), name.begin(), name.end());
    plain.insert(plain.end(), value.begin(), value.end());
    return plain;
}
// The name and the value of setting_plain(), or nullopt if `plain` is not made that way.
std::optional<std::pair<std::string, std::string>> split_setting_plain(ByteView plain) {
    crypto::io::Reader in(plain);
    const ByteView name = in.take(in.u32());
    const ByteView value = in.take(in.remaining());
    if (in.failed()) return std::nullopt;
    return std::pair{std::string(name.begin(), name.end()), std::string(value.begin(), value.end())};
}

Bytes scope_ad(const ScopeId& scope, std::uint32_t epoch) {
    Bytes e;
    crypto::io::put_u32(e, epoch);
    return label_ad("quartier/scope-key/v1", {scope, e});
}

std::string random_record_id() { return crypto::to_hex(crypto::random_id()); }

using ScopeEpoch = std::pair<ScopeId, std::uint32_t>;
}  // namespace

// ------------------------------------------------------------------------------------------------

struct Store::Impl : crypto::KeyResolver {
    Database db;
    // WAL checkpoints off the commit path (sync/database.h); reset before `db` closes.
    std::unique_ptr<BackgroundCheckpoint> checkpoint;
    int lock_fd = -1;
    StoreOptions options;
    Hlc hlc{system_clock()};

    std::optional<SymmetricKey> master;
    std::optional<SymmetricKey> wrap_key;      // wraps the device secret and scope keys
    std::optional<SymmetricKey> index_key;     // keyed record index (rk)
    std::optional<SymmetricKey> snapshot_key;  // seals snapshots
    std::optional<SymmetricKey> setting_key;   // keyed row names of settings (setting_row)
    std::optional<crypto::DeviceIdentity> device;
    ScopeId default_scope{};
    std::map<ScopeEpoch, SymmetricKey> scope_keys;
    std::map<ScopeId, std::uint32_t> current_epoch;
    std::uint64_t device_seq = 0;

    Directory directory;
    std::optional<crypto::DeviceIdentity> admin;  // the organisation's admin key, admin store only
    std::map<ScopeId, std::int64_t> cursors;
    // The op the server holds at each cursor, where known: a pull names it, and a server that
    // holds another op there (or none) lost what it had acknowledged (docs/server.md, "Backup").
    std::map<ScopeId, OpId> cursor_ops;
    std::map<std::string, std::string> settings;  // decrypted

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

    Statement ins_commit, ins_commit_at, ins_op, ins_outbox, ins_outbox_run, set_meta;

    AuditLog audit;  // this device's audit chain (docs/audit.md; the functions below the struct)

    // Every op's place in its author's own order (docs/threat-model.md, "Clocks bounded by the
    // author's own ops"): author -> device seq -> (HLC, op id), from the op log's headers. Built
    // at the first ingest after an open; ingest refuses an op dated before an op its author wrote
    // earlier (a lower seq) or after one it wrote later, and a second op under a seq in use.
    struct AuthorOp {
        std::uint64_t hlc = 0;
        OpId op{};
    };
    std::optional<std::map<DeviceId, std::map<std::uint64_t, AuthorOp>>> author_clock;

    Result<void> load_author_clock() {
        if (author_clock) return {};
        std::map<DeviceId, std::map<std::uint64_t, AuthorOp>> m;
        if (auto r = rows("SELECT env FROM ops", [&](Statement& st) -> Result<void> {
                auto env = crypto::parse_envelope(st.blob(0));
                if (env) m[env->header.author].emplace(env->header.seq, AuthorOp{env->header.hlc, env->header.op});
                return {};
            });
            !r)
            return r;
        author_clock = std::move(m);
        return {};
    }

    // Why `h` does not fit its author's earlier and later ops, or nullopt.
    std::optional<std::string> clock_refusal(const crypto::EnvelopeHeader& h) const {
        auto a = author_clock->find(h.author);
        if (a == author_clock->end()) return std::nullopt;
        const auto& ops = a->second;
        auto at = ops.lower_bound(h.seq);
        if (at != ops.end() && at->first == h.seq && at->second.op != h.op)
            return "a second op under its author's sequence number " + std::to_string(h.seq);
        if (at != ops.begin() && std::prev(at)->second.hlc > h.hlc)
            return "dated before an op its author wrote earlier (sequence " + std::to_string(std::prev(at)->first) + ")";
        auto after = ops.upper_bound(h.seq);
        if (after != ops.end() && after->second.hlc < h.hlc)
            return "dated after an op its author wrote later (sequence " + std::to_string(after->first) + ")";
        return std::nullopt;
    }
    void note_author_op(const crypto::EnvelopeHeader& h) {
        if (author_clock) (*author_clock)[h.author].emplace(h.seq, AuthorOp{h.hlc, h.op});
    }

    ~Impl() override {
        if (lock_fd >= 0) ::close(lock_fd);  // releases the flock
    }

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

    Bytes setting_ad(const std::string& key) const {
        return label_ad("quartier/setting/v1", {ByteView(reinterpret_cast<const std::uint8_t*>(key.data()), key.size())});
    }

    // Settings on disk (docs/store.md, "Settings"): the row is named '#' and the hex of a keyed
    // hash of the setting's name, and the sealed value holds the name and the value. A name can
    // hold a record id ("form_draft:<case id>"), which must not be on disk in clear.
    std::string setting_row(const std::string& name) const {
        return "#" + crypto::to_hex(crypto::keyed_index(
                         setting_key->view(), ByteView(reinterpret_cast<const std::uint8_t*>(name.data()), name.size())));
    }
    static bool is_setting_row(std::string_view k) {
        return k.size() == 33 && k[0] == '#' &&
               std::all_of(k.begin() + 1, k.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    }
    // The sealed value of a setting and its row name.
    std::pair<std::string, Bytes> seal_setting(const std::string& name, const std::string& value) const {
        Bytes plain = setting_plain(name, value);
        std::string row = setting_row(name);
        Bytes sealed = crypto::seal_blob(*wrap_key, plain, setting_ad(row));
        crypto::wipe(plain);
        return {std::move(row), std::move(sealed)};
    }
    Result<void> write_setting(const std::string& name, const std::string& value) {
        auto [row, sealed] = seal_setting(name, value);
        auto st = db.prepare("INSERT OR REPLACE INTO settings(k, v) VALUES(?1, ?2)");
        if (!st) return st.failure();
        st->bind(1, std::string_view(row)).bind(2, sealed);
        return st->run();
    }
    // Rows of stores made before the names were hashed, under their names in clear: rewritten in
    // one transaction, and the WAL emptied so that the old pages leave it too. A failure (a full
    // disk) leaves them as they were, readable; the next open tries again.
    void rename_legacy_settings(const std::vector<std::string>& names) {
        if (names.empty() || db.in_transaction() || !db.exec("BEGIN IMMEDIATE")) return;
        auto del = db.prepare("DELETE FROM settings WHERE k = ?1");
        bool ok = bool(del);
        for (const std::string& name : names) {
            if (!ok) break;
            ok = write_setting(name, settings[name]).ok();
            if (ok) {
                del->bind(1, std::string_view(name));
                ok = del->run().ok();
                del->reset();
            }
        }
        if (!ok || !db.exec("COMMIT")) {
            (void)db.exec("ROLLBACK");
            return;
        }
        (void)truncate_wal(db, checkpoint.get());
    }

    // Runs `each` for every row of `sql`; stops at the first error.
    template <class F>
    Result<void> rows(const char* sql, F&& each) {
        auto st = db.prepare(sql);
        if (!st) return st.failure();
        for (;;) {
            auto row = st->step();
            if (!row) return row.failure();
            if (!*row) return {};
            if (auto r = each(*st); !r) return r;
        }
    }

    // `rename_legacy`: open() renames settings of older stores (a write); recover() writes nothing.
    Result<void> load_sync_state(bool rename_legacy) {
        if (auto r = db.exec(kSyncSchemaSql); !r) return r;
        std::vector<std::string> legacy;  // settings under their names in clear
        if (auto r = rows("SELECT k, v FROM settings", [&](Statement& st) -> Result<void> {
                const std::string k = st.text(0);
                // open_blob, not unwrap: the same format, without unwrap's 4 KiB limit for keys
                // (a form draft with a long note is a longer setting).
                Bytes v;
                if (!crypto::open_blob(*wrap_key, st.blob(1), setting_ad(k), v)) return {Error::Corrupt, "a setting does not open"};
                if (!is_setting_row(k)) {  // named in clear, the value alone sealed
                    settings[k] = std::string(v.begin(), v.end());
                    legacy.push_back(k);
                    crypto::wipe(v);
                    return {};
                }
                auto named = split_setting_plain(v);
                crypto::wipe(v);
                // The name inside decides the row: a value moved to another row is refused.
                if (!named || setting_row(named->first) != k) return {Error::Corrupt, "a setting is not under its own name"};
                settings[named->first] = std::move(named->second);
                return {};
            });
            !r)
            return r;
        if (rename_legacy) rename_legacy_settings(legacy);
        if (auto r = rows("SELECT entry FROM directory ORDER BY seq", [&](Statement& st) -> Result<void> {
                auto e = SignedEntry::from_json(st.text(0));
                if (!e) return {Error::Corrupt, "stored directory entry is damaged"};
                if (auto a = directory.append(*e); !a) return {Error::Corrupt, "stored directory does not verify: " + a.detail()};
                return {};
            });
            !r)
            return r;
        if (auto r = rows("SELECT scope, seq FROM cursors", [&](Statement& st) -> Result<void> {
                ByteView sc = st.blob(0);
                if (sc.size() != 16) return {Error::Corrupt, "cursor row is damaged"};
                ScopeId id{};
                std::copy(sc.begin(), sc.end(), id.begin());
                cursors[id] = st.int64(1);
                return {};
            });
            !r)
            return r;
        if (auto r = rows("SELECT scope, op FROM cursor_ops", [&](Statement& st) -> Result<void> {
                if (st.blob(0).size() != 16 || st.blob(1).size() != 16) return {Error::Corrupt, "cursor row is damaged"};
                ScopeId id{};
                OpId op{};
                std::copy(st.blob(0).begin(), st.blob(0).end(), id.begin());
                std::copy(st.blob(1).begin(), st.blob(1).end(), op.begin());
                cursor_ops[id] = op;
                return {};
            });
            !r)
            return r;
        auto adm = get_meta("org_admin");
        if (!adm) return adm.failure();
        if (*adm) {
            auto secret = crypto::unwrap(*wrap_key, **adm, label_ad("quartier/org-admin/v1", {}));
            if (!secret) return {Error::Corrupt, "admin key does not open"};
            auto ident = crypto::DeviceIdentity::from_secret(secret->view());
            if (!ident) return {Error::Corrupt, "admin key is damaged"};
            admin.emplace(std::move(*ident));
        }
        return {};
    }

    crypto::Id16 rk(const std::string& id) const {
        return crypto::keyed_index(index_key->view(),
                                   ByteView(reinterpret_cast<const std::uint8_t*>(id.data()), id.size()));
    }

    Result<void> put_meta(const char* key, ByteView value) {
        set_meta.bind(1, std::string_view(key)).bind(2, value);
        return set_meta.run();
    }

    Result<std::optional<Bytes>> get_meta(const char* key) { return read_meta(db, key); }

    // Puts op-log rows into the outbox. A run of consecutive seqs (what one Writer's inserts get)
    // goes in as one statement, so a bulk commit does not pay a statement per op for it.
    Result<void> add_to_outbox(const std::vector<std::int64_t>& seqs) {
        if (seqs.empty()) return {};
        bool run = true;
        for (std::size_t i = 1; i < seqs.size() && run; ++i) run = seqs[i] == seqs[i - 1] + 1;
        if (run && seqs.size() > 1) {
            ins_outbox_run.bind(1, seqs.front()).bind(2, seqs.back());
            return ins_outbox_run.run();
        }
        for (std::int64_t seq : seqs) {
            ins_outbox.bind(1, seq);
            if (auto r = ins_outbox.run(); !r) return r;
        }
        return {};
    }

    Result<void> prepare_statements() {
        auto a = db.prepare("INSERT INTO commits(body) VALUES(?1)");
        auto b = db.prepare("INSERT INTO ops(op_id, rk, commit_seq, env) VALUES(?1, ?2, ?3, ?4)");
        auto c = db.prepare("INSERT INTO outbox(op_seq) VALUES(?1)");
        auto d = db.prepare("INSERT OR REPLACE INTO meta(k, v) VALUES(?1, ?2)");
        auto e = db.prepare("INSERT INTO commits(seq, body) VALUES(?1, ?2)");
        auto f = db.prepare("WITH RECURSIVE s(x) AS (SELECT ?1 UNION ALL SELECT x + 1 FROM s WHERE x < ?2) "
                            "INSERT INTO outbox(op_seq) SELECT x FROM s");
        for (auto* r : {&a, &b, &c, &d, &e, &f})
            if (!*r) return r->failure();
        ins_outbox_run = std::move(*f);
        ins_commit = std::move(*a);
        ins_commit_at = std::move(*e);
        ins_op = std::move(*b);
        ins_outbox = std::move(*c);
        set_meta = std::move(*d);
        return {};
    }

    Result<void> apply_quota() {
        if (options.max_bytes == 0) return {};
        auto st = db.prepare("PRAGMA page_size");
        if (!st) return st.failure();
        if (auto row = st->step(); !row || !*row) return {Error::Io, "cannot read the page size"};
        const std::int64_t pages = std::max<std::int64_t>(1, std::int64_t(options.max_bytes) / st->int64(0));
        const std::string sql = "PRAGMA max_page_count=" + std::to_string(pages);
        return db.exec(sql.c_str());
    }

    void derive_keys() {
        wrap_key = master->derive(1, "qwrapkey");
        index_key = master->derive(2, "qindexky");
        snapshot_key = master->derive(3, "qsnapkey");
        setting_key = master->derive(5, "qsetname");
    }

    Result<void> add_scope_key(const ScopeId& scope, std::uint32_t epoch, SymmetricKey key) {
        const Bytes wrapped = crypto::wrap(*wrap_key, key.view(), scope_ad(scope, epoch));
        auto st = db.prepare("INSERT INTO scope_keys(scope, epoch, wrapped) VALUES(?1, ?2, ?3)");
        if (!st) return st.failure();
        st->bind(1, scope).bind(2, std::int64_t(epoch)).bind(3, wrapped);
        if (auto r = st->run(); !r) return r;
        scope_keys.emplace(ScopeEpoch{scope, epoch}, std::move(key));
        current_epoch[scope] = std::max(current_epoch[scope], epoch);
        return {};
    }

    Result<void> load_keys() {
        auto dev = get_meta("device");
        if (!dev) return dev.failure();
        if (!*dev) return {Error::Corrupt, "device identity missing"};
        auto pk = get_meta("device_id");
        if (!pk || !*pk || (*pk)->size() != 16) return {Error::Corrupt, "device id missing"};
        auto secret = crypto::unwrap(*wrap_key, **dev, label_ad("quartier/device/v1", {**pk}));
        if (!secret) return {Error::Corrupt, "device identity does not open"};
        auto ident = crypto::DeviceIdentity::from_secret(secret->view());
        if (!ident || !std::equal(ident->id().begin(), ident->id().end(), (*pk)->begin()))
            return {Error::Corrupt, "device identity is damaged"};
        device.emplace(std::move(*ident));

        auto ds = get_meta("default_scope");
        if (!ds || !*ds || (*ds)->size() != 16) return {Error::Corrupt, "default scope missing"};
        std::copy((*ds)->begin(), (*ds)->end(), default_scope.begin());

        auto st = db.prepare("SELECT scope, epoch, wrapped FROM scope_keys");
        if (!st) return st.failure();
        for (;;) {
            auto row = st->step();
            if (!row) return row.failure();
            if (!*row) break;
            ScopeId scope{};
            ByteView s = st->blob(0);
            if (s.size() != 16) return {Error::Corrupt, "scope key row is damaged"};
            std::copy(s.begin(), s.end(), scope.begin());
            const auto epoch = std::uint32_t(st->int64(1));
            auto key = crypto::unwrap(*wrap_key, st->blob(2), scope_ad(scope, epoch));
            if (!key || key->size() != SymmetricKey::kSize) return {Error::Corrupt, "a scope key does not open"};
            scope_keys.emplace(ScopeEpoch{scope, epoch}, SymmetricKey::from(key->view()));
            current_epoch[scope] = std::max(current_epoch[scope], epoch);
        }
        return {};
    }

    // One stored envelope opened for the fold: its op, or the problem that keeps it out.
    struct Opened {
        std::int64_t seq = 0;
        OpMeta meta;
        std::optional<OpPayload> op;
        std::optional<Problem> problem;
    };

    // Opens one stored envelope (AEAD only: docs/store.md, "Opening and the fold"). Touches no
    // state but reads the scope keys, so the bulk fold runs it on every core (load_state).
    Opened open_row(std::int64_t seq, ByteView env_bytes, Bytes& scratch) const {
        Opened o;
        o.seq = seq;
        auto env = crypto::parse_envelope(env_bytes);
        if (!env) {
            o.problem = Problem{seq, {}, {}, std::string(crypto::to_string(env.error()))};
            return o;
        }
        const auto& h = env->header;
        const SymmetricKey* key = scope_key(h.scope, h.epoch);
        if (!key) {
            o.problem = Problem{seq, {}, crypto::to_hex(h.op), std::string(crypto::to_string(crypto::Error::UnknownKey))};
            return o;
        }
        scratch.clear();
        if (auto r = crypto::decrypt_envelope(*env, *key, scratch); !r) {
            o.problem = Problem{seq, {}, crypto::to_hex(h.op), std::string(crypto::to_string(r.error()))};
            return o;
        }
        o.op = decode_op(scratch);
        if (!o.op) {
            o.problem = Problem{seq, {}, crypto::to_hex(h.op), "op payload is malformed"};
            return o;
        }
        o.meta = OpMeta{h.op, h.hlc, h.author, h.scope};
        return o;
    }

    // Folds what open_row gave; failures become problems.
    void fold_opened(Opened& o, std::vector<Problem>& problems) {
        if (o.problem) {
            problems.push_back(std::move(*o.problem));
            return;
        }
        hlc.observe(o.meta.hlc);
        apply(o.meta, std::move(*o.op));
    }

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

    Result<void> load_state(std::vector<Problem>& problems) {
        auto upto = get_meta("snapshot_upto");
        if (!upto) return upto.failure();
        snapshot_upto = *upto ? std::int64_t(blob_u64(**upto)) : 0;
        if (snapshot_upto > 0) {
            auto format = get_meta("snapshot_format");
            if (!format) return format.failure();
            if (!*format || blob_u64(**format) != kSnapshotFormat) {
                snapshot_upto = 0;  // fold the whole op log, as the scope-keyed records need
                snapshots_stale = true;
            }
        }

        if (snapshot_upto > 0) {
            auto st = db.prepare("SELECT rk, sealed FROM snapshots");
            if (!st) return st.failure();
            Bytes plain;
            bool intact = true;
            for (;;) {
                auto row = st->step();
                if (!row) return row.failure();
                if (!*row) break;
                auto opened = crypto::open_blob(*snapshot_key, st->blob(1), st->blob(0), plain);
                std::optional<Record> rec = opened ? decode_record(plain) : std::nullopt;
                if (!rec) {
                    intact = false;
                    break;
                }
                ByteView rkcol = st->blob(0);
                const auto expect = rk(rec->id);
                const auto expect_twin = rk(twin_name(*rec));
                const bool primary = rkcol.size() == 16 && std::equal(expect.begin(), expect.end(), rkcol.begin());
                const bool twin = rkcol.size() == 16 && std::equal(expect_twin.begin(), expect_twin.end(), rkcol.begin());
                if (!primary && !twin) {
                    intact = false;
                    break;
                }
                std::string id = rec->id;
                if (primary) {
                    auto [it, fresh] = records.try_emplace(std::move(id));
                    if (fresh || it->second.rec.id.empty()) it->second.rec = std::move(*rec);
                    else intact = false;
                } else {
                    // A twin beside the record of the id's first scope, whose row may come later.
                    auto& slot = records[id];
                    if (!slot.twins) slot.twins = std::make_unique<std::vector<Record>>();
                    slot.twins->push_back(std::move(*rec));
                }
                if (!intact) break;
            }
            for (const auto& [id, slot] : records)
                if (slot.rec.id.empty()) intact = false;  // a twin's row without its first scope's
            if (!intact) {
                // A damaged snapshot is only a cache: rebuild everything from the op log.
                problems.push_back({0, {}, {}, "a record snapshot failed to open; state rebuilt from the op log"});
                records.clear();
                ++generation;
                dirty.clear();
                snapshot_upto = 0;
                snapshots_stale = true;
            }
        }

        // Audit ops are no records (docs/audit.md): not even decrypted here. A DPO's store holds
        // every device's chain, and snapshots never cover them.
        auto st = db.prepare("SELECT seq, env FROM ops WHERE seq > ?1 AND seq NOT IN (SELECT op_seq FROM audit_ops) ORDER BY seq");
        if (!st) return st.failure();
        std::size_t expected = 0;  // at most this many ops follow the snapshot
        if (auto top = db.prepare("SELECT coalesce(max(seq), 0) FROM ops"); top) {
            if (auto row = top->step(); row && *row && top->int64(0) > snapshot_upto)
                expected = std::size_t(top->int64(0) - snapshot_upto);
        }
        reserve_records(expected);  // usually one record each in bulk imports
        st->bind(1, snapshot_upto);
        // Rows are read in chunks on this thread, opened on every core, and folded here in
        // op-log order (sync/pipeline.h): AEAD and decoding overlap the reading and the fold.
        struct Chunk {
            std::vector<std::int64_t> seqs;
            Bytes envs;                       // the chunk's envelopes, back to back
            std::vector<std::size_t> ends;    // where each one ends in envs
            std::vector<Opened> opened;
        };
        constexpr std::size_t kRows = 128;
        std::vector<Chunk> slots(16);  // room to run ahead while one thread is descheduled
        Result<void> failed;
        bool exhausted = false;  // stepping a finished statement again would start it over
        auto produce = [&](Chunk& c) {
            c.seqs.clear();
            c.envs.clear();
            c.ends.clear();
            while (!exhausted && c.seqs.size() < kRows) {
                auto row = st->step();
                if (!row) failed = row.failure();
                if (!row || !*row) {
                    exhausted = true;
                    break;
                }
                const ByteView env = st->blob(1);
                c.seqs.push_back(st->int64(0));
                c.envs.insert(c.envs.end(), env.begin(), env.end());
                c.ends.push_back(c.envs.size());
            }
            return !c.seqs.empty() && failed.ok();
        };
        auto open = [&](Chunk& c) {
            c.opened.clear();
            Bytes scratch;
            scratch.reserve(4096);
            for (std::size_t i = 0, from = 0; i < c.seqs.size(); from = c.ends[i++])
                c.opened.push_back(open_row(c.seqs[i], ByteView(c.envs).subspan(from, c.ends[i] - from), scratch));
        };
        auto fold = [&](Chunk& c) {
            // The index lookups of a bulk fold miss the cache (the values stream through it):
            // ask for the lines of an op a few ops ahead, so they arrive while others fold.
            constexpr std::size_t kAhead = 8;
            auto prefetch = [&](std::size_t i) {
                if (i < c.opened.size() && c.opened[i].op) records.prefetch(c.opened[i].op->record_id);
            };
            for (std::size_t i = 0; i < kAhead; ++i) prefetch(i);
            for (std::size_t i = 0; i < c.opened.size(); ++i) {
                prefetch(i + kAhead);
                fold_opened(c.opened[i], problems);
            }
            return true;
        };
        const unsigned helpers = expected >= 2 * kRows ? pipeline_helpers() : 0;
        run_pipeline(slots, helpers, produce, open, fold);
        if (!failed) return failed;
        if (!problems.empty()) attribute(problems);
        return {};
    }

    // Names the record of each problem where another op of the same record opened.
    void attribute(std::vector<Problem>& problems) {
        auto st = db.prepare("SELECT rk FROM ops WHERE seq = ?1");
        if (!st) return;
        std::map<crypto::Id16, std::string> by_rk;
        for (const auto& [id, rec] : records) by_rk.emplace(rk(id), id);
        for (auto& p : problems) {
            if (p.op_seq <= 0) continue;
            st->bind(1, p.op_seq);
            if (auto row = st->step(); row && *row && st->blob(0).size() == 16) {
                crypto::Id16 k{};
                std::copy(st->blob(0).begin(), st->blob(0).end(), k.begin());
                if (auto it = by_rk.find(k); it != by_rk.end()) p.record = it->second;
            }
            st->reset();
        }
    }
};

// ================================================================================================
// Audit log (docs/audit.md). Entries are staged against the chain's head, sealed as ops of this
// device's audit scope once it has one, and written in the caller's transaction: the one of a
// Writer commit, or one of their own. Their ops get a signed commit of their own, never a share
// of a commit of case data: a purge of a case scope, or a device that pulls only one of the two
// scopes, must not find a commit that lists envelopes it does not hold. Memory (head, published
// count, device sequence) moves only after that transaction committed.

namespace {

// Entries and their ops prepared for one transaction.
struct StagedAudit {
    AuditHead head;                // the chain's head after these entries
    std::uint64_t device_seq = 0;  // the device's envelope counter after their ops
    std::optional<ScopeId> scope;  // the audit scope the ops go to (none: entries stay local)
    std::uint64_t published = 0;   // entries published into the scope after this transaction
    std::vector<AuditEntry> entries;
    struct Op {
        Bytes env;
        crypto::Id16 rk;
        OpId op{};
    };
    std::vector<Op> ops;
};

StagedAudit begin_audit(const Store::Impl& I, std::uint64_t device_seq) {
    StagedAudit s;
    s.head = I.audit.head();
    s.device_seq = device_seq;
    s.scope = I.audit.scope;
    s.published = I.audit.published;
    return s;
}

// Seals one entry as the op that carries it to the office: record "<device>:<seq>" of type
// audit_entry, field "entry" = base64 of the canonical bytes, no parents (written once).
void seal_audit_op(Store::Impl& I, StagedAudit& s, const AuditEntry& e) {
    if (!s.scope) return;
    const std::uint32_t epoch = I.current_epoch.count(*s.scope) ? I.current_epoch.at(*s.scope) : 0;
    const SymmetricKey* key = epoch ? I.scope_key(*s.scope, epoch) : nullptr;
    if (!key) return;  // the key is gone (never expected): the entry stays local, a gap shows at the office
    const OpPayload p{OpKind::Set, kAuditRecordType, e.record_id(), kAuditField, {}, wire::b64(e.canonical())};
    crypto::EnvelopeHeader h;
    h.scope = *s.scope;
    h.epoch = epoch;
    h.op = crypto::random_id();
    h.hlc = I.hlc.now();
    h.author = I.device->id();
    h.seq = ++s.device_seq;
    s.ops.push_back({crypto::seal_envelope(h, *key, encode_op(p), nullptr), I.rk(p.record_id), h.op});
    s.published = std::max(s.published, e.seq);
}

std::string default_actor(const Store::Impl& I) {
    if (!I.audit.actor.empty()) return I.audit.actor;
    const DeviceInfo* self = I.directory.device(I.device->id());
    return self ? self->role : "device";
}

// Stages one event. Objects beyond kMaxAuditObjectBytes are spread over several entries
// ("part i of n"), so one entry stays far below an op's value limit.
Result<void> stage_audit(Store::Impl& I, StagedAudit& s, AuditAction action, const std::vector<std::string>& objects,
                         const std::string& legal_basis, const std::string& detail) {
    std::vector<std::vector<std::string>> parts(1);
    std::size_t bytes = 0;
    for (const auto& o : objects) {
        if (bytes + o.size() > kMaxAuditObjectBytes && !parts.back().empty()) {
            parts.emplace_back();
            bytes = 0;
        }
        parts.back().push_back(o);
        bytes += o.size();
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        AuditEntry e;
        e.seq = s.head.seq + 1;
        e.prev = s.head.hash;
        e.device = I.device->id();
        e.time_ms = I.options.clock();
        e.server_time_ms = I.audit.server_time_ms;
        e.actor = default_actor(I);
        e.action = action;
        e.objects = std::move(parts[i]);
        e.legal_basis = legal_basis;
        e.detail = parts.size() == 1 ? detail
                                     : detail + (detail.empty() ? "" : " ") + "(part " + std::to_string(i + 1) + " of " +
                                           std::to_string(parts.size()) + ")";
        if (auto r = check_audit_fields(e.actor, e.objects, e.legal_basis, e.detail); !r) return r;
        s.head = {e.seq, e.hash()};
        seal_audit_op(I, s, e);
        s.entries.push_back(std::move(e));
    }
    return {};
}

// The `change` entry of a Writer commit: the records it touched, first touch first, and how.
// prev[i] is the index of the writer's previous op on the record of op i, `none` if op i is the
// first touch (Writer::m_prev).
Result<void> stage_change(Store::Impl& I, StagedAudit& s, const std::vector<Writer::PendingOp>& ops,
                          const std::vector<std::size_t>& prev, std::size_t none, const std::string& legal_basis) {
    std::vector<std::string> ids;
    std::size_t sets = 0, deletes = 0, resolves = 0;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const OpPayload& p = ops[i].payload;
        if (prev[i] == none) ids.push_back(p.record_id);
        (p.kind == OpKind::Delete ? deletes : p.kind == OpKind::Resolve ? resolves : sets)++;
    }
    std::string detail = std::to_string(ops.size()) + (ops.size() == 1 ? " op:" : " ops:");
    for (auto [n, what] : {std::pair{sets, "set"}, std::pair{deletes, "delete"}, std::pair{resolves, "resolve"}})
        if (n) detail += " " + std::to_string(n) + " " + what;
    return stage_audit(I, s, AuditAction::Change, ids, legal_basis, detail);
}

// Writes what was staged, inside the caller's transaction: the entries' rows and head, and their
// ops with a commit of their own. The caller writes the HLC and device sequence rows.
Result<void> write_audit(Store::Impl& I, const StagedAudit& s) {
    if (!s.ops.empty()) {
        std::vector<crypto::Hash32> hashes;
        for (const auto& op : s.ops) hashes.push_back(crypto::hash(op.env));
        const Bytes commit = crypto::make_commit(*I.device, std::move(hashes)).serialize();
        I.ins_commit.bind(1, commit);
        if (auto r = I.ins_commit.run(); !r) return r;
        const std::int64_t commit_seq = I.db.last_insert_rowid();
        auto mark = I.db.prepare("INSERT INTO audit_ops(op_seq) VALUES(?1)");
        if (!mark) return mark.failure();
        for (const auto& op : s.ops) {
            I.ins_op.bind(1, op.op).bind(2, op.rk).bind(3, commit_seq).bind(4, op.env);
            if (auto r = I.ins_op.run(); !r) return r;
            const std::int64_t op_seq = I.db.last_insert_rowid();
            I.ins_outbox.bind(1, op_seq);
            if (auto r = I.ins_outbox.run(); !r) return r;
            mark->bind(1, op_seq);
            if (auto r = mark->run(); !r) return r;
        }
    }
    for (const auto& e : s.entries)
        if (auto r = I.audit.write(I.db, e); !r) return r;
    return AuditLog::save_state(I.db, s.scope, s.published, I.audit.server_time_ms);
}

Result<void> write_counters(Store::Impl& I, std::uint64_t device_seq) {
    if (auto r = I.put_meta("hlc", u64_blob(I.hlc.last())); !r) return r;
    return I.put_meta("device_seq", u64_blob(device_seq));
}

void finish_audit(Store::Impl& I, const StagedAudit& s) {
    if (!s.entries.empty()) I.audit.advance(s.entries.back());
    I.audit.scope = s.scope;
    I.audit.published = s.published;
    I.device_seq = s.device_seq;
}

// A staged audit on its own: one transaction.
Result<void> commit_audit(Store::Impl& I, const StagedAudit& s, const std::function<Result<void>()>& also = {}) {
    auto txn = Transaction::begin(I.db);
    if (!txn) return txn.failure();
    if (auto r = write_audit(I, s); !r) return r;
    if (!s.ops.empty())
        if (auto r = write_counters(I, s.device_seq); !r) return r;
    if (also)
        if (auto r = also(); !r) return r;
    if (auto r = txn->commit(); !r) return r;
    finish_audit(I, s);
    return {};
}

// At create() and open(): loads the chain and records the unlock, with the wrong passphrases
// counted since the last one (the counter is cleared in the same transaction).
Result<void> open_audit(Store::Impl& I, bool created, std::vector<Problem>& problems) {
    if (auto r = I.db.exec(AuditLog::kSchemaSql); !r) return r;
    std::string problem;
    if (auto r = I.audit.load(I.db, I.master->derive(4, "qauditky"), I.device->id(), problem); !r) return r;
    I.audit.actor = I.options.actor;
    if (!problem.empty()) problems.push_back({0, {}, {}, problem});
    auto failed = AuditLog::failed_unlocks(I.db);
    if (!failed) return failed.failure();
    StagedAudit s = begin_audit(I, I.device_seq);
    if (failed->count > 0)
        if (auto r = stage_audit(I, s, AuditAction::UnlockFailed, {}, {},
                                 std::to_string(failed->count) + " wrong passphrase" + (failed->count == 1 ? "" : "s") +
                                     " since the last unlock, the last at " + std::to_string(failed->last_ms) + " ms");
            !r)
            return r;
    if (auto r = stage_audit(I, s, created ? AuditAction::Create : AuditAction::Unlock, {}, {}, problem); !r) return r;
    return commit_audit(I, s, [&]() -> Result<void> {
        if (failed->count == 0) return {};
        return AuditLog::clear_failed_unlocks(I.db);
    });
}

// Every audit op this store holds, opened: author, op record id, entry (or why not).
struct AuditOp {
    DeviceId author{};
    std::string record_id;
    std::optional<AuditEntry> entry;
    std::string error;
};

Result<std::vector<AuditOp>> read_audit_ops(Store::Impl& I) {
    std::vector<AuditOp> out;
    Bytes plain;
    auto r = I.rows("SELECT ops.env FROM audit_ops JOIN ops ON ops.seq = audit_ops.op_seq ORDER BY ops.seq",
                    [&](Statement& st) -> Result<void> {
                        auto env = crypto::parse_envelope(st.blob(0));
                        if (!env) return {};  // Store::verify reports damaged rows; no author to file it under
                        AuditOp a;
                        a.author = env->header.author;
                        const SymmetricKey* key = I.scope_key(env->header.scope, env->header.epoch);
                        plain.clear();
                        std::optional<OpPayload> op;
                        if (key && crypto::decrypt_envelope(*env, *key, plain)) op = decode_op(plain);
                        if (!op) {
                            a.error = "an audit op does not open";
                        } else {
                            a.record_id = op->record_id;
                            auto bytes = wire::unb64(op->value);
                            auto e = bytes ? AuditEntry::parse(*bytes) : Result<AuditEntry>(Error::Corrupt, "not base64");
                            if (e) a.entry = std::move(*e);
                            else a.error = "audit op " + op->record_id + ": " + e.detail();
                        }
                        out.push_back(std::move(a));
                        return {};
                    });
    if (!r) return r.failure();
    return out;
}

void keep_earliest(std::optional<AuditBreak>& acc, std::optional<AuditBreak> b) {
    if (b && (!acc || b->seq < acc->seq)) acc = std::move(b);
}

// The seq a record id "<device hex>:<seq>" names (0 if it names none).
std::uint64_t seq_of(const std::string& record_id) {
    const auto colon = record_id.find(':');
    if (colon == std::string::npos) return 0;
    std::uint64_t v = 0;
    for (char c : record_id.substr(colon + 1)) {
        if (c < '0' || c > '9' || v > UINT64_MAX / 10) return 0;
        v = v * 10 + std::uint64_t(c - '0');
    }
    return v;
}

}  // namespace

Result<void> Store::audit(AuditAction action, std::vector<std::string> objects, std::string legal_basis, std::string detail) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (!I.audit.ready()) return {Error::Failed, "the audit log is not open"};
    StagedAudit s = begin_audit(I, I.device_seq);
    if (auto r = stage_audit(I, s, action, objects, legal_basis, detail); !r) return r;
    if (auto r = commit_audit(I, s); !r) {
        fail(r.error());  // rolled back; nothing in memory moved
        return r;
    }
    return {};
}

Result<void> Store::record_open(const std::string& id, std::string legal_basis, std::string detail) {
    return audit(AuditAction::Open, {id}, std::move(legal_basis), std::move(detail));
}

std::optional<ScopeId> Store::audit_scope() const { return m_impl->audit.scope; }

Result<ScopeId> Store::ensure_audit_scope() {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (I.audit.scope) return *I.audit.scope;
    if (!I.audit.ready()) return {Error::Failed, "the audit log is not open"};
    auto rows = I.audit.read(I.db);
    if (!rows) return rows.failure();
    const ScopeId id = crypto::random_id();
    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        if (auto r = I.add_scope_key(id, 1, SymmetricKey::generate()); !r) return r;
        StagedAudit s = begin_audit(I, I.device_seq);
        s.scope = id;
        for (const auto& row : *rows)
            if (row.entry) seal_audit_op(I, s, *row.entry);  // an entry that does not open leaves a visible gap
        s.published = I.audit.head().seq;
        if (auto r = write_audit(I, s); !r) return r;
        if (!s.ops.empty())
            if (auto r = write_counters(I, s.device_seq); !r) return r;
        if (auto r = txn->commit(); !r) return r;
        finish_audit(I, s);
        return {};
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r.failure();
    }
    return id;
}

Result<void> Store::note_server_time(std::uint64_t ms) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (ms == I.audit.server_time_ms) return {};
    // One row, without waiting for the disk (after every push; it was three FULL commits): a
    // power loss can only bring back an earlier server time, which later entries then carry, and
    // they were made after that moment too. The next FULL commit makes it durable.
    RelaxedSync relaxed(I.db);
    if (auto r = AuditLog::save_server_time(I.db, ms); !r) {
        fail(r.error());
        return r;
    }
    I.audit.server_time_ms = ms;
    return {};
}

Result<std::vector<AuditChain>> Store::audit_chains() const {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    const DeviceId me = I.device->id();

    // What sync holds, per author: each seq's versions (distinct bytes), and the first misfiling.
    struct Copy {
        std::map<std::uint64_t, std::vector<AuditEntry>> by_seq;
        std::optional<AuditBreak> broken;
    };
    std::map<DeviceId, Copy> held;
    auto ops = read_audit_ops(I);
    if (!ops) return ops.failure();
    for (auto& a : *ops) {
        if (!a.entry) {
            keep_earliest(held[a.author].broken, AuditBreak{AuditBreakKind::Unreadable, seq_of(a.record_id), a.error});
            continue;
        }
        const AuditEntry& e = *a.entry;
        Copy& c = held[e.device];  // a misfiled entry breaks the chain it claims to belong to
        if (e.device != a.author || e.record_id() != a.record_id) {
            keep_earliest(c.broken, AuditBreak{AuditBreakKind::Foreign, e.seq,
                                               "entry " + std::to_string(e.seq) + " of device " + crypto::to_hex(e.device) +
                                                   " was written by device " + crypto::to_hex(a.author) + " under id " + a.record_id});
            continue;
        }
        auto& versions = c.by_seq[e.seq];
        const Bytes bytes = e.canonical();
        if (std::none_of(versions.begin(), versions.end(), [&](const AuditEntry& v) { return v.canonical() == bytes; }))
            versions.push_back(e);
    }
    auto rewritten = [](const Copy& c) -> std::optional<AuditBreak> {
        for (const auto& [seq, versions] : c.by_seq)
            if (versions.size() > 1)
                return AuditBreak{AuditBreakKind::Rewritten, seq,
                                  "entry " + std::to_string(seq) + " exists in " + std::to_string(versions.size()) +
                                      " different versions (it was rewritten after it was published)"};
        return std::nullopt;
    };

    std::vector<AuditChain> out;
    // This device: its sealed table, against its sealed head and the copy it published.
    AuditChain local;
    local.device = me;
    local.local = true;
    auto rows = I.audit.read(I.db);
    if (!rows) return rows.failure();
    for (auto& row : *rows) {
        if (row.entry) local.entries.push_back(std::move(*row.entry));
        else keep_earliest(local.broken, AuditBreak{AuditBreakKind::Unreadable, row.seq,
                                                    "entry " + std::to_string(row.seq) + " does not open (altered on disk)"});
    }
    auto head = I.audit.stored_head(I.db);
    if (!head) return head.failure();
    std::optional<AuditHead> expect = *head;
    if (auto it = held.find(me); it != held.end()) {
        Copy& mine = it->second;
        keep_earliest(local.broken, mine.broken);
        keep_earliest(local.broken, rewritten(mine));
        std::map<std::uint64_t, const AuditEntry*> by_seq;
        for (const auto& e : local.entries) by_seq.emplace(e.seq, &e);
        for (const auto& [seq, versions] : mine.by_seq) {
            auto l = by_seq.find(seq);
            if (l == by_seq.end() || l->second->canonical() != versions.front().canonical())
                keep_earliest(local.broken,
                              AuditBreak{l == by_seq.end() ? AuditBreakKind::Missing : AuditBreakKind::Rewritten, seq,
                                         "entry " + std::to_string(seq) +
                                             (l == by_seq.end() ? " was published but is gone from this device"
                                                                : " differs from the copy already published")});
        }
        // The published copy is a head too: a cut-off end shows against it.
        if (!mine.by_seq.empty() && (!expect || mine.by_seq.rbegin()->first > expect->seq))
            expect = AuditHead{mine.by_seq.rbegin()->first, mine.by_seq.rbegin()->second.front().hash()};
        held.erase(it);
    }
    keep_earliest(local.broken, verify_chain(local.entries, me, expect));
    out.push_back(std::move(local));

    // Every other device's chain as received (a DPO's store): by seq, each seq's first version.
    for (auto& [dev, c] : held) {
        AuditChain chain;
        chain.device = dev;
        for (auto& [seq, versions] : c.by_seq) chain.entries.push_back(versions.front());
        chain.broken = c.broken;
        keep_earliest(chain.broken, rewritten(c));
        keep_earliest(chain.broken, verify_chain(chain.entries, dev));
        out.push_back(std::move(chain));
    }
    return out;
}

Result<void> Store::debug_rewrite_audit_entry(std::uint64_t seq, const std::function<void(AuditEntry&)>& change) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    auto rows = I.audit.read(I.db);
    if (!rows) return rows.failure();
    auto row = std::find_if(rows->begin(), rows->end(), [&](const AuditLog::Row& r) { return r.seq == seq && r.entry; });
    if (row == rows->end()) return {Error::InvalidArgument, "no readable audit entry " + std::to_string(seq)};
    AuditEntry e = *row->entry;
    change(e);
    if (auto r = I.audit.debug_overwrite(I.db, e); !r) return r;
    if (!I.audit.scope || seq > I.audit.published) return {};
    // Published: re-seal its op where it still waits in the outbox; once pushed, the only way
    // left is a second op under the same id.
    auto st = I.db.prepare(
        "SELECT ops.seq, ops.env, outbox.op_seq IS NOT NULL FROM audit_ops JOIN ops ON ops.seq = audit_ops.op_seq "
        "LEFT JOIN outbox ON outbox.op_seq = ops.seq ORDER BY ops.seq");
    if (!st) return st.failure();
    Bytes plain;
    for (;;) {
        auto r = st->step();
        if (!r) return r.failure();
        if (!*r) break;
        auto env = crypto::parse_envelope(st->blob(1));
        if (!env || env->header.author != I.device->id()) continue;
        const SymmetricKey* key = I.scope_key(env->header.scope, env->header.epoch);
        plain.clear();
        if (!key || !crypto::decrypt_envelope(*env, *key, plain)) continue;
        auto op = decode_op(plain);
        if (!op || op->record_id != e.record_id()) continue;
        if (st->int64(2) == 0) break;  // pushed already
        op->value = wire::b64(e.canonical());
        const Bytes sealed = crypto::seal_envelope(env->header, *key, encode_op(*op), nullptr);
        const std::int64_t op_seq = st->int64(0);
        st->reset();
        auto upd = I.db.prepare("UPDATE ops SET env = ?2 WHERE seq = ?1");
        if (!upd) return upd.failure();
        upd->bind(1, op_seq).bind(2, sealed);
        return upd->run();
    }
    st->reset();
    StagedAudit s = begin_audit(I, I.device_seq);
    seal_audit_op(I, s, e);
    s.published = I.audit.published;
    return commit_audit(I, s);
}

// ------------------------------------------------------------------------------------------------

namespace {
Result<int> take_lock(const fs::path& dir) {
    const fs::path p = dir / kLockFile;
    const int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return {Error::Io, "cannot open " + p.string()};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return {Error::Busy, "another process has the store open"};
    }
    return fd;
}
}  // namespace

Store::Store() : m_impl(std::make_unique<Impl>()) {}

Store::~Store() {
    if (!m_impl || m_failed) return;
    // Snapshots pay off once records carry several ops each; with one op per record the log
    // itself is the cheapest thing to fold.
    const std::size_t dirty = m_impl->dirty.size();
    if (m_impl->ops_since_snapshot > 1000 && m_impl->ops_since_snapshot > 2 * dirty) (void)checkpoint();
}

Result<std::unique_ptr<Store>> Store::start(const fs::path& dir, StoreOptions options, bool create) {
    std::unique_ptr<Store> s(new Store());
    s->m_dir = dir;
    Impl& I = *s->m_impl;
    I.options = std::move(options);
    I.hlc = Hlc(I.options.clock);
    auto lock = take_lock(dir);
    if (!lock) return lock.failure();
    I.lock_fd = *lock;
    if (create) {
        // A database without a key file is what a killed create() leaves: nothing of value, start over.
        std::error_code ec;
        for (const char* f : {"store.db", "store.db-wal", "store.db-shm"}) fs::remove(dir / f, ec);
    }
    auto db = Database::open(dir / kDbFile, create);
    if (!db) return db.failure();
    I.db = std::move(*db);
    I.checkpoint = BackgroundCheckpoint::attach(I.db, dir / kDbFile);
    if (auto r = I.apply_quota(); !r) return r.failure();
    return s;
}

bool Store::exists(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir / kDbFile, ec)) return false;
    auto db = Database::open(dir / kDbFile, false);
    if (!db) return true;  // something is there; open() will say what is wrong with it
    auto st = db->prepare("SELECT 1 FROM meta WHERE k = 'keyfile'");
    if (!st) return true;
    auto row = st->step();
    return !row || *row;
}

Result<std::unique_ptr<Store>> Store::create(const fs::path& dir, std::string_view passphrase,
                                             const crypto::PwhashParams& kdf, StoreOptions options) {
    if (!crypto::init()) return {Error::Io, "libsodium failed to initialise"};
    if (passphrase.empty()) return {Error::InvalidArgument, "the passphrase must not be empty"};
    if (!crypto::params_acceptable(kdf)) return {Error::InvalidArgument, "key derivation parameters out of range"};
    if (exists(dir)) return {Error::AlreadyExists, "a store already exists in " + dir.string()};
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return {Error::Io, "cannot create " + dir.string() + ": " + ec.message()};
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);

    auto started = start(dir, std::move(options), true);
    if (!started) return started.failure();
    std::unique_ptr<Store> s = std::move(*started);
    Impl& I = *s->m_impl;

    SymmetricKey master = SymmetricKey::generate();
    auto kf = crypto::create_keyfile(passphrase, master, kdf);
    if (!kf) return {Error::Io, std::string(crypto::to_string(kf.error()))};
    I.master = std::move(master);
    I.derive_keys();
    I.device.emplace(crypto::DeviceIdentity::generate());
    I.default_scope = crypto::random_id();

    auto txn = Transaction::begin(I.db);
    if (!txn) return txn.failure();
    if (auto r = I.db.exec(kSchemaSql); !r) return r.failure();
    if (auto r = I.prepare_statements(); !r) return r.failure();
    const DeviceId& did = I.device->id();
    const Bytes wrapped_device =
        crypto::wrap(*I.wrap_key, I.device->secret_bytes().view(), label_ad("quartier/device/v1", {did}));
    for (auto r : {I.put_meta("schema", u64_blob(kSchemaVersion)), I.put_meta("keyfile", kf->serialize()),
                   I.put_meta("device", wrapped_device), I.put_meta("device_id", did),
                   I.put_meta("device_sign_pk", I.device->sign_public()),
                   I.put_meta("device_box_pk", I.device->box_public()), I.put_meta("default_scope", I.default_scope)})
        if (!r) return r.failure();
    if (auto r = I.add_scope_key(I.default_scope, 1, SymmetricKey::generate()); !r) return r.failure();
    if (auto r = I.db.exec(kSyncSchemaSql); !r) return r.failure();
    if (auto r = txn->commit(); !r) return r.failure();
    if (auto r = open_audit(I, true, s->m_problems); !r) return r.failure();
    return s;
}

Result<std::unique_ptr<Store>> Store::open(const fs::path& dir, std::string_view passphrase, StoreOptions options) {
    if (!crypto::init()) return {Error::Io, "libsodium failed to initialise"};
    std::error_code ec;
    if (!fs::exists(dir / kDbFile, ec)) return {Error::NotFound, "no store in " + dir.string()};
    auto started = start(dir, std::move(options), false);
    if (!started) return started.failure();
    std::unique_ptr<Store> s = std::move(*started);
    Impl& I = *s->m_impl;
    auto schema = I.get_meta("schema");
    if (!schema) return schema.failure();
    if (!*schema) return {Error::Corrupt, "not a Quartier store (no schema version)"};
    if (blob_u64(**schema) > std::uint64_t(kSchemaVersion)) return {Error::Unsupported, "store was made by a newer version"};
    if (auto r = I.prepare_statements(); !r) return r.failure();

    auto kfb = I.get_meta("keyfile");
    if (!kfb) return kfb.failure();
    if (!*kfb) return {Error::Corrupt, "key file missing"};
    auto kf = crypto::KeyFile::parse(**kfb);
    if (!kf) return {Error::Corrupt, "key file is damaged: " + std::string(crypto::to_string(kf.error()))};
    auto master = crypto::open_keyfile(*kf, passphrase);
    if (!master) {
        if (master.error() == crypto::Error::WrongPassphrase) {
            // Counted in clear (there is no key); the next unlock records it (docs/audit.md).
            (void)AuditLog::note_failed_unlock(I.db, I.options.clock());
            return {Error::WrongPassphrase, "wrong passphrase"};
        }
        return {Error::Io, std::string(crypto::to_string(master.error()))};
    }
    I.master = std::move(*master);
    I.derive_keys();
    if (auto r = I.load_keys(); !r) return r.failure();

    auto hl = I.get_meta("hlc");
    if (hl && *hl) I.hlc.observe(blob_u64(**hl));
    auto ds = I.get_meta("device_seq");
    if (ds && *ds) I.device_seq = blob_u64(**ds);

    if (auto r = I.load_sync_state(true); !r) return r.failure();
    if (auto r = I.db.exec(AuditLog::kSchemaSql); !r) return r.failure();  // load_state reads audit_ops
    if (auto r = I.load_state(s->m_problems); !r) return r.failure();

    // Rehash on unlock: bring a key file made with weaker parameters up to the floor.
    if (const auto& floor = I.options.kdf_floor;
        floor && (kf->params.opslimit < floor->opslimit || kf->params.memlimit < floor->memlimit)) {
        if (auto r = s->change_passphrase(passphrase, *floor); !r) return r.failure();
    }
    if (auto r = open_audit(I, false, s->m_problems); !r) return r.failure();
    return s;
}

Result<void> Store::change_passphrase(std::string_view new_passphrase, const crypto::PwhashParams& kdf) {
    if (m_failed) return Error::Failed;
    if (new_passphrase.empty()) return {Error::InvalidArgument, "the passphrase must not be empty"};
    if (!crypto::params_acceptable(kdf)) return {Error::InvalidArgument, "key derivation parameters out of range"};
    auto kf = crypto::create_keyfile(new_passphrase, *m_impl->master, kdf);
    if (!kf) return {Error::Io, std::string(crypto::to_string(kf.error()))};
    if (auto r = m_impl->put_meta("keyfile", kf->serialize()); !r) {
        fail(r.error());
        return r;
    }
    if (m_impl->audit.ready()) return audit(AuditAction::Passphrase);  // not the rehash inside open()
    return {};
}

const Record* Store::get(const std::string& id) const {
    if (!readable()) return nullptr;  // offline lease expired (docs/retention.md)
    auto it = m_impl->records.find(id);
    if (it == m_impl->records.end() || it->second.twins) return nullptr;  // a collision is no one record
    return &it->second.rec;
}

const Record* Store::get(const ScopeId& scope, const std::string& id) const {
    if (!readable()) return nullptr;
    auto it = m_impl->records.find(id);
    return it == m_impl->records.end() ? nullptr : it->second.in(scope);
}

std::vector<const Record*> Store::get_all(const std::string& id) const {
    std::vector<const Record*> out;
    if (!readable()) return out;
    auto it = m_impl->records.find(id);
    if (it == m_impl->records.end()) return out;
    out.push_back(&it->second.rec);
    if (it->second.twins)
        for (const Record& t : *it->second.twins) out.push_back(&t);
    return out;
}

std::vector<Problem> Store::collisions() const {
    std::vector<Problem> out;
    for (const auto& [id, slot] : m_impl->records) {
        if (!slot.twins) continue;
        std::string scopes = crypto::to_hex(slot.rec.scope);
        for (const Record& t : *slot.twins) scopes += ", " + crypto::to_hex(t.scope);
        out.push_back({0, id, {}, "record id in several scopes (" + scopes + "): none of them is shown; an op through one scope never changes another's"});
    }
    std::sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) { return a.record < b.record; });
    return out;
}

std::vector<const Record*> Store::list(const std::string& type) const {
    // Sorted by id, first on a big-endian 8-byte prefix of it held in the array being sorted (zero
    // padded: the same order as std::string's), so that most comparisons do not visit the records.
    struct Key {
        std::uint64_t prefix;
        const Record* rec;
    };
    if (!readable()) return {};  // offline lease expired (docs/retention.md)
    // The records' addresses first (the index alone, no record read), then the records, each
    // asked for a few ahead: they lie scattered over the heap, and each would be a cache miss.
    std::vector<const Record*> all;
    all.reserve(m_impl->records.size());
    for (const auto& entry : m_impl->records)
        if (!entry.second.twins) all.push_back(&entry.second.rec);  // a collision shows none (invariant 8)
    constexpr std::size_t kAhead = 8;
    std::vector<Key> keys;
    keys.reserve(all.size());
    for (std::size_t r = 0; r < all.size(); ++r) {
        if (r + kAhead < all.size())
            for (std::size_t line = 0; line < sizeof(Record); line += 64)
                __builtin_prefetch(reinterpret_cast<const char*>(all[r + kAhead]) + line);
        const Record& rec = *all[r];
        if (rec.deleted() || rec.type.empty() || (!type.empty() && rec.type != type)) continue;
        std::uint64_t prefix = 0;
        for (std::size_t i = 0; i < 8; ++i)
            prefix = (prefix << 8) | (i < rec.id.size() ? static_cast<unsigned char>(rec.id[i]) : 0u);
        keys.push_back({prefix, &rec});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.prefix != b.prefix ? a.prefix < b.prefix : a.rec->id < b.rec->id;
    });
    std::vector<const Record*> out;
    out.reserve(keys.size());
    for (const Key& k : keys) out.push_back(k.rec);
    return out;
}

std::uint64_t Store::generation() const { return m_impl->generation; }

StoreStatus Store::status() const {
    StoreStatus st;
    std::size_t collisions = 0;
    for (const auto& [id, slot] : m_impl->records) {
        if (slot.twins) {
            ++collisions;
            continue;
        }
        const Record& rec = slot.rec;
        if (rec.deleted()) ++st.deleted;
        else ++st.records;
        if (rec.conflicted()) ++st.conflicts;
    }
    st.problems = m_problems.size() + collisions;
    st.device = crypto::to_hex(m_impl->device->id());
    if (auto h = m_impl->db.prepare("SELECT count(*) FROM held"); h)
        if (auto row = h->step(); row && *row) st.held = std::size_t(h->int64(0));
    // Audit ops (docs/audit.md) are counted apart from case data.
    if (auto q = m_impl->db.prepare(
            "SELECT (SELECT count(*) FROM ops), (SELECT count(*) FROM outbox), "
            "(SELECT count(*) FROM audit_ops JOIN ops ON ops.seq = audit_ops.op_seq), "
            "(SELECT count(*) FROM audit_ops JOIN outbox ON outbox.op_seq = audit_ops.op_seq), (SELECT count(*) FROM audit), "
            "(SELECT count(DISTINCT ops.rk) FROM outbox JOIN ops ON ops.seq = outbox.op_seq "
            "WHERE outbox.op_seq NOT IN (SELECT op_seq FROM audit_ops))");
        q) {
        if (auto row = q->step(); row && *row) {
            st.ops = std::size_t(q->int64(0) - q->int64(2));
            st.pending = std::size_t(q->int64(1) - q->int64(3));
            st.audit_pending = std::size_t(q->int64(3));
            st.audit_entries = std::size_t(q->int64(4));
            st.pending_records = std::size_t(q->int64(5));
        }
    }
    return st;
}

const crypto::DeviceIdentity& Store::device() const { return *m_impl->device; }
const ScopeId& Store::default_scope() const { return m_impl->default_scope; }

Result<std::vector<FieldVersion>> Store::history(const std::string& id, const std::string& field,
                                                 const ScopeId* scope_in) const {
    if (auto r = readable(); !r) return r.failure();
    // Only the record's own scope's ops (invariant 8).
    const Record* rec = scope_in ? get(*scope_in, id) : get(id);
    if (!rec) {
        if (!get_all(id).empty()) return {Error::InvalidArgument, "record id " + id + " is in several scopes: name the scope"};
        return std::vector<FieldVersion>{};
    }
    const ScopeId scope = rec->scope;
    auto st = m_impl->db.prepare("SELECT env FROM ops WHERE rk = ?1 ORDER BY seq");
    if (!st) return st.failure();
    const auto k = m_impl->rk(id);
    st->bind(1, k);
    std::vector<FieldVersion> out;
    Bytes plain;
    for (;;) {
        auto row = st->step();
        if (!row) return row.failure();
        if (!*row) break;
        auto env = crypto::parse_envelope(st->blob(0));
        if (!env || env->header.scope != scope) continue;
        const SymmetricKey* key = m_impl->scope_key(env->header.scope, env->header.epoch);
        plain.clear();
        if (!key || !crypto::decrypt_envelope(*env, *key, plain)) continue;
        auto op = decode_op(plain);
        if (!op || op->record_id != id || op->kind == OpKind::Delete || op->field != field) continue;
        out.push_back({env->header.op, env->header.hlc, env->header.author, std::move(op->value)});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.hlc < b.hlc; });
    return out;
}

VerifyReport Store::verify() const {
    VerifyReport rep;
    Impl& I = *m_impl;
    if (auto st = I.db.prepare("PRAGMA integrity_check"); st) {
        for (;;) {
            auto row = st->step();
            if (!row) { rep.database.push_back(row.detail()); break; }
            if (!*row) break;
            if (std::string t = st->text(0); t != "ok") rep.database.push_back(t);
        }
    } else {
        rep.database.push_back(st.detail());
    }

    // Commits: signature by a known member, then the set of hashes each one promises. A pulled
    // commit whose envelopes came in two pull pages is stored once per page (ingest); rows with
    // the same bytes are one commit, and its envelopes are counted together.
    std::map<std::int64_t, crypto::VerifiedCommit> commits;
    std::map<std::int64_t, std::vector<crypto::Hash32>> listed;
    std::map<crypto::Hash32, std::int64_t> first_row;  // hash of a commit's bytes -> its first row
    std::map<std::int64_t, std::int64_t> same_as;      // row -> the first row with the same bytes
    std::map<std::int64_t, crypto::Id16> commit_ids;
    if (auto st = I.db.prepare("SELECT seq, body FROM commits ORDER BY seq"); st) {
        for (;;) {
            auto row = st->step();
            if (!row) { rep.database.push_back(row.detail()); break; }
            if (!*row) break;
            ++rep.commits;
            const std::int64_t seq = st->int64(0);
            auto c = crypto::Commit::parse(st->blob(1));
            if (!c) {
                rep.problems.push_back({0, {}, {}, "commit " + std::to_string(seq) + ": " + std::string(crypto::to_string(c.error()))});
                continue;
            }
            const crypto::SignPublicKey* pk = I.author_key(c->author);
            if (!pk) {
                rep.problems.push_back({0, {}, {}, "commit " + std::to_string(seq) + ": unknown author device"});
                continue;
            }
            auto v = crypto::verify_commit(*c, *pk);
            if (!v) {
                rep.problems.push_back({0, {}, {}, "commit " + std::to_string(seq) + ": " + std::string(crypto::to_string(v.error()))});
                continue;
            }
            const auto [first, fresh] = first_row.try_emplace(crypto::hash(st->blob(1)), seq);
            same_as[seq] = first->second;
            if (fresh) listed[seq] = c->hashes;
            commit_ids[seq] = c->id;
            commits.emplace(seq, std::move(*v));
        }
    }

    std::map<std::int64_t, std::vector<crypto::Hash32>> present;
    std::map<crypto::Id16, std::string> names;  // rk -> record id, for naming problems
    if (auto st = I.db.prepare("SELECT seq, op_id, rk, commit_seq, env FROM ops ORDER BY seq"); st) {
        for (;;) {
            auto row = st->step();
            if (!row) { rep.database.push_back(row.detail()); break; }
            if (!*row) break;
            ++rep.envelopes;
            const std::int64_t seq = st->int64(0);
            ByteView env = st->blob(4);
            const std::int64_t cseq = st->int64(3);
            auto parsed = crypto::parse_envelope(env);
            auto it = commits.find(cseq);
            const crypto::VerifiedCommit* vc = it == commits.end() ? nullptr : &it->second;
            auto plain = crypto::open_envelope(env, I, vc);
            if (!plain) {
                rep.problems.push_back({seq, {}, parsed ? crypto::to_hex(parsed->header.op) : std::string(),
                                        std::string(crypto::to_string(plain.error()))});
                continue;
            }
            const auto canonical = same_as.find(cseq);
            present[canonical == same_as.end() ? cseq : canonical->second].push_back(parsed->hash());
            auto op = decode_op(*plain);
            const auto expect_rk = op ? I.rk(op->record_id) : crypto::Id16{};
            ByteView rkcol = st->blob(2), opcol = st->blob(1);
            std::string problem;
            if (!op) problem = "op payload is malformed";
            else if (rkcol.size() != 16 || !std::equal(expect_rk.begin(), expect_rk.end(), rkcol.begin()))
                problem = "row index does not match the record inside the envelope";
            else if (opcol.size() != 16 || !std::equal(parsed->header.op.begin(), parsed->header.op.end(), opcol.begin()))
                problem = "row op id does not match the envelope";
            if (!problem.empty()) rep.problems.push_back({seq, op ? op->record_id : std::string(), crypto::to_hex(parsed->header.op), problem});
        }
    }
    std::set<crypto::Hash32> purged;  // envelopes a cache purge removed on purpose
    (void)I.rows("SELECT hash FROM purged", [&](Statement& st) -> Result<void> {
        crypto::Hash32 h{};
        if (st.blob(0).size() == h.size()) std::copy(st.blob(0).begin(), st.blob(0).end(), h.begin());
        purged.insert(h);
        return {};
    });
    std::set<crypto::Id16> held_commits;  // commits with an envelope held for a retry (invariant 10)
    (void)I.rows("SELECT commit_id FROM held", [&](Statement& st) -> Result<void> {
        crypto::Id16 id{};
        if (st.blob(0).size() == id.size()) std::copy(st.blob(0).begin(), st.blob(0).end(), id.begin());
        held_commits.insert(id);
        return {};
    });
    // An envelope a commit lists counts as present when this store holds it under any commit:
    // the same envelope may be listed by two commits (a push repeated after a lost answer or a
    // server restored from a backup sends it again in a commit of another set), and the server
    // keeps, and later serves, the first it stored with the first commit (docs/reliability.md,
    // "Crash loops"). Only an envelope held nowhere is missing.
    std::vector<crypto::Hash32> anywhere;
    for (const auto& [cseq, hs] : present) anywhere.insert(anywhere.end(), hs.begin(), hs.end());
    std::sort(anywhere.begin(), anywhere.end());
    for (auto& [cseq, hashes] : listed) {
        auto& have = anywhere;
        const auto id = commit_ids.find(cseq);
        const bool held = id != commit_ids.end() && held_commits.count(id->second);
        for (const auto& h : hashes)
            if (!std::binary_search(have.begin(), have.end(), h) && !purged.count(h))
                rep.problems.push_back({0, {}, {}, "commit " + std::to_string(cseq) + " lists an envelope that is missing" +
                                                       (held ? std::string(": one that came for it failed verification and is held "
                                                                           "(quartier-cli status: held)")
                                                             : std::string())});
    }
    // Attribute problems to records where possible.
    if (!rep.problems.empty()) {
        std::vector<Problem> tmp = std::move(rep.problems);
        I.attribute(tmp);
        rep.problems = std::move(tmp);
    }
    for (Problem& p : collisions()) rep.problems.push_back(std::move(p));
    return rep;
}

Result<void> Store::checkpoint() {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (I.dirty.empty()) return {};
    auto txn = Transaction::begin(I.db);
    if (!txn) return txn.failure();
    auto st = I.db.prepare("INSERT OR REPLACE INTO snapshots(rk, sealed) VALUES(?1, ?2)");
    if (!st) return st.failure();
    auto maxq = I.db.prepare("SELECT coalesce(max(seq), 0) FROM ops");
    if (!maxq) return maxq.failure();
    auto mrow = maxq->step();
    if (!mrow) return mrow.failure();
    const std::int64_t upto = maxq->int64(0);
    if (I.snapshots_stale)
        if (auto r = I.db.exec("DELETE FROM snapshots"); !r) return r;  // every record is dirty: all rewritten
    auto put = [&](const crypto::Id16& k, const Record& rec) -> Result<void> {
        const Bytes sealed = crypto::seal_blob(*I.snapshot_key, encode_record(rec), k);
        st->bind(1, k).bind(2, sealed);
        return st->run();
    };
    for (const Store::Impl::Entry* e : I.dirty) {
        if (auto r = put(I.rk(e->first), e->second.rec); !r) return r;
        if (e->second.twins)
            for (const Record& t : *e->second.twins)
                if (auto r = put(I.rk(Store::Impl::twin_name(t)), t); !r) return r;
    }
    if (auto r = I.put_meta("snapshot_upto", u64_blob(std::uint64_t(upto))); !r) return r;
    if (auto r = I.put_meta("snapshot_format", u64_blob(Store::Impl::kSnapshotFormat)); !r) return r;
    if (auto r = txn->commit(); !r) {
        fail(r.error());
        return r;
    }
    for (Store::Impl::Entry* e : I.dirty) e->second.dirty = false;
    I.dirty.clear();
    I.snapshot_upto = upto;
    I.snapshots_stale = false;
    I.ops_since_snapshot = 0;
    return {};
}

// ------------------------------------------------------------------------------------------------

namespace {
void add_unique(std::vector<OpId>& v, const OpId& id) {
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
}

// An op names at most kMaxParents parents: every device refuses to decode more, and with enough
// of them the plaintext passes crypto::kMaxPlaintext, where sealing aborts. A record has that
// many heads only with that many fields (a delete names them all) or concurrent versions.
Failure<Error> too_many_parents(const std::string& id) {
    return {Error::InvalidArgument, "record " + id + " has more than " + std::to_string(kMaxParents) +
                                        " current versions for one op to name (its fields, or concurrent edits of a field)"};
}
}  // namespace

Result<std::string> Writer::set(const std::string& type, const std::string& id_in, const std::string& field,
                                const std::string& value, const ScopeId* scope) {
    if (m_store.m_failed) return Error::Failed;
    if (!valid_name(type)) return {Error::InvalidArgument, "invalid record type '" + type + "' (use a-z, 0-9, _)"};
    if (type == kAuditRecordType) return {Error::InvalidArgument, "record type '" + type + "' is reserved for the audit log"};
    if (!valid_name(field)) return {Error::InvalidArgument, "invalid field name '" + field + "' (use a-z, 0-9, _)"};
    if (!id_in.empty() && !valid_id(id_in)) return {Error::InvalidArgument, "invalid record id"};
    if (!valid_utf8(value)) return {Error::InvalidArgument, "value of '" + field + "' is not valid UTF-8"};
    if (value.size() > kMaxValueLength) return {Error::InvalidArgument, "value of '" + field + "' is too long"};
    const std::string id = id_in.empty() ? random_record_id() : id_in;

    Store::Impl& I = *m_store.m_impl;
    const Record* existing = nullptr;
    if (auto r = m_store.existing_for_write(id, scope, existing); !r) return r.failure();
    const auto last_it = m_last.find(id);
    const std::size_t last = last_it == m_last.end() ? kNoOp : last_it->second;
    const PendingOp* earlier = last == kNoOp ? nullptr : &m_ops[last];  // the latest op on this record in this writer
    const std::string& known_type = existing && !existing->type.empty() ? existing->type : earlier ? earlier->payload.type : type;
    if (known_type != type) return {Error::InvalidArgument, "record " + id + " is of type " + known_type};
    ScopeId sc = existing ? existing->scope : earlier ? earlier->scope : scope ? *scope : I.default_scope;
    if (scope && *scope != sc) return {Error::InvalidArgument, "record " + id + " belongs to another scope"};
    if (!I.current_epoch.count(sc)) return {Error::InvalidArgument, "no key for that scope on this device"};

    // Parents: the heads this writer sees of this field, and any tombstone (editing keeps the record).
    std::vector<OpId> parents;
    bool field_pending = false, delete_pending = false;
    for (std::size_t i = last; i != kNoOp; i = m_prev[i]) {  // this record's ops, latest first
        const PendingOp* it = &m_ops[i];
        if (it->payload.kind == OpKind::Delete) {
            add_unique(parents, it->op);
            delete_pending = true;
            break;
        }
        if (!field_pending && it->payload.field == field) {
            add_unique(parents, it->op);
            field_pending = true;
        }
    }
    if (existing) {
        if (!field_pending && !delete_pending)
            if (auto f = existing->fields.find(field); f != existing->fields.end())
                for (const auto& h : f->second.heads) add_unique(parents, h.op);
        if (!delete_pending)
            for (const auto& d : existing->deletes) add_unique(parents, d.op);
    }
    if (parents.size() > kMaxParents) return too_many_parents(id);
    PendingOp p;
    p.payload = OpPayload{OpKind::Set, type, id, field, std::move(parents), value};
    p.scope = sc;
    p.op = next_op_id();
    push(std::move(p));
    return id;
}

Result<void> Store::existing_for_write(const std::string& id, const ScopeId* scope, const Record*& existing) const {
    existing = nullptr;
    auto it = m_impl->records.find(id);
    if (it == m_impl->records.end()) return {};
    if (auto r = readable(); !r) return r;  // offline lease expired (docs/retention.md)
    const Impl::Slot& slot = it->second;
    if (scope) {
        existing = slot.in(*scope);
        // Never a twin of our own making (invariant 8): an id another scope holds stays its.
        if (!existing) return {Error::InvalidArgument, "record " + id + " belongs to another scope"};
        return {};
    }
    if (slot.twins) return {Error::InvalidArgument, "record id " + id + " is in several scopes: name the scope"};
    existing = &slot.rec;
    return {};
}

OpId Writer::next_op_id() {
    if (m_random_used == m_random.size()) {
        crypto::random_bytes(m_random);
        m_random_used = 0;
    }
    OpId id;
    std::copy_n(m_random.begin() + std::ptrdiff_t(m_random_used), id.size(), id.begin());
    m_random_used += id.size();
    return id;
}

void Writer::push(PendingOp p) {
    auto [it, fresh] = m_last.try_emplace(p.payload.record_id, kNoOp);
    m_prev.push_back(it->second);
    it->second = m_ops.size();
    m_ops.push_back(std::move(p));
}

Result<void> Writer::remove(const std::string& id, const ScopeId* scope) {
    if (m_store.m_failed) return Error::Failed;
    const Record* existing = nullptr;
    if (auto r = m_store.existing_for_write(id, scope, existing); !r) return r;
    std::vector<OpId> parents;
    const PendingOp* earlier = nullptr;  // the latest op on this record in this writer
    if (auto last = m_last.find(id); last != m_last.end()) {
        earlier = &m_ops[last->second];
        if (scope && earlier->scope != *scope) return {Error::InvalidArgument, "record " + id + " belongs to another scope"};
        std::vector<std::size_t> chain;  // this record's ops, latest first
        for (std::size_t i = last->second; i != kNoOp; i = m_prev[i]) chain.push_back(i);
        for (auto i = chain.rbegin(); i != chain.rend(); ++i) add_unique(parents, m_ops[*i].op);
    }
    if ((!existing || existing->deleted()) && !earlier) return {Error::NotFound, "no record " + id};
    if (existing)
        for (const auto& h : existing->all_heads()) {
            add_unique(parents, h);
            if (parents.size() > kMaxParents) return too_many_parents(id);
        }
    PendingOp p;
    p.payload = OpPayload{OpKind::Delete, existing ? existing->type : earlier->payload.type, id, {}, std::move(parents), {}};
    p.scope = existing ? existing->scope : earlier->scope;
    p.op = next_op_id();
    push(std::move(p));
    return {};
}

Result<void> Writer::resolve(const std::string& id, const std::string& field, const std::string& value,
                             const ScopeId* scope) {
    const Record* existing = nullptr;
    if (auto r = m_store.existing_for_write(id, scope, existing); !r) return r;
    if (!existing || !existing->fields.count(field)) return {Error::NotFound, "no field " + field + " on record " + id};
    auto r = set(existing->type, id, field, value, &existing->scope);
    if (!r) return r.failure();
    m_ops.back().payload.kind = OpKind::Resolve;
    return {};
}

Result<void> Writer::commit() {
    if (m_store.m_failed) return Error::Failed;
    if (m_ops.empty()) return {};
    Store::Impl& I = *m_store.m_impl;
    const std::size_t n = m_ops.size();

    // Clocks and sequence numbers are taken here, in op order, on this thread.
    std::vector<std::uint64_t> hlcs(n);
    for (auto& h : hlcs) h = I.hlc.now();
    const std::uint64_t first_seq = I.device_seq;

    // Sealing (encode, XChaCha20-Poly1305, BLAKE2b of the envelope, keyed index of the id) runs in
    // chunks on every core, while this thread inserts the chunks already sealed, in op order
    // (sync/pipeline.h). Nonces are drawn from the OS once per chunk, not once per op.
    struct Sealed {
        Bytes env;
        crypto::Id16 rk;
    };
    std::vector<Sealed> sealed(n);
    std::vector<crypto::Hash32> hashes(n);
    struct Chunk {
        std::size_t begin = 0, end = 0;
    };
    constexpr std::size_t kChunk = 64;
    std::vector<Chunk> slots(std::min<std::size_t>((n + kChunk - 1) / kChunk, 16));
    const unsigned helpers = n >= 2 * kChunk ? pipeline_helpers() : 0;

    // Audit (docs/audit.md): this commit's `change` entry, written in the same transaction; its
    // ops take the device sequence numbers after this commit's. Naming every record it touched
    // (canonical JSON, hashed into the chain) is staged on a thread of its own while the ops are
    // sealed and written: it reads only this writer's ops, the chain's head and the keys, and
    // takes clock readings after the ops' (read above).
    StagedAudit audit = begin_audit(I, first_seq + n);
    Result<void> staged;
    auto stage = [&] { staged = stage_change(I, audit, m_ops, m_prev, kNoOp, m_legal_basis); };
    std::jthread stager;
    if (helpers) stager = start_or_run(stage);
    else stage();
    const DeviceId author = I.device->id();
    std::size_t next = 0;
    auto produce = [&](Chunk& c) {
        if (next == n) return false;
        c.begin = next;
        c.end = next = std::min(n, next + kChunk);
        return true;
    };
    auto seal = [&](Chunk& c) {
        constexpr std::size_t kNonce = 24;
        std::array<std::uint8_t, kChunk * kNonce> nonces;
        crypto::random_bytes(std::span(nonces.data(), (c.end - c.begin) * kNonce));
        Bytes payload;
        for (std::size_t i = c.begin; i < c.end; ++i) {
            const PendingOp& p = m_ops[i];
            crypto::EnvelopeHeader h;
            h.scope = p.scope;
            h.epoch = I.current_epoch.at(p.scope);
            h.op = p.op;
            h.hlc = hlcs[i];
            h.author = author;
            h.seq = first_seq + i + 1;
            payload.clear();
            encode_op(p.payload, payload);
            sealed[i].env = crypto::seal_envelope_with_nonce(h, *I.scope_key(h.scope, h.epoch), payload, nullptr,
                                                             ByteView(nonces.data() + (i - c.begin) * kNonce, kNonce));
            hashes[i] = crypto::hash(sealed[i].env);
            sealed[i].rk = I.rk(p.payload.record_id);
        }
    };

    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        // The commit row is written last (it is signed over every hash), under the number its ops
        // name; the write lock taken by BEGIN IMMEDIATE keeps that number ours.
        auto top = I.db.prepare("SELECT coalesce(max(seq), 0) + 1 FROM commits");
        if (!top) return top.failure();
        auto row = top->step();
        if (!row) return row.failure();
        if (!*row) return {Error::Io, "cannot number the commit"};
        const std::int64_t commit_seq = top->int64(0);
        // A commit lists at most `per` envelopes (crypto::kMaxCommitEntries; make_commit aborts
        // past it): op i is under commit commit_seq + i / per, all of them in this transaction.
        const std::size_t per = std::clamp<std::size_t>(I.options.max_commit_entries, 1, crypto::kMaxCommitEntries);
        Result<void> failed;
        std::vector<std::int64_t> rows(n);  // the op-log seq of each op
        auto insert = [&](Chunk& c) {
            for (std::size_t i = c.begin; i < c.end; ++i) {
                Sealed& s = sealed[i];
                I.ins_op.bind(1, m_ops[i].op).bind(2, s.rk).bind(3, commit_seq + std::int64_t(i / per)).bind(4, s.env);
                failed = I.ins_op.run();
                if (!failed) return false;
                rows[i] = I.db.last_insert_rowid();
                Bytes().swap(s.env);  // written; its hash is kept for the commit
            }
            return true;
        };
        if (!run_pipeline(slots, helpers, produce, seal, insert)) return failed;
        // The signatures over every hash are made on another thread while the outbox rows go in.
        std::vector<Bytes> commits;
        auto sign = [&] {
            for (std::size_t at = 0; at < n; at += per)
                commits.push_back(crypto::make_commit(*I.device, std::vector<crypto::Hash32>(hashes.begin() + std::ptrdiff_t(at),
                                                                                             hashes.begin() + std::ptrdiff_t(std::min(n, at + per))))
                                      .serialize());
        };
        std::jthread signer;
        if (helpers) signer = start_or_run(sign);
        else sign();
        if (auto r = I.add_to_outbox(rows); !r) return r;
        if (signer.joinable()) signer.join();
        if (stager.joinable()) stager.join();
        if (!staged) return staged;
        for (std::size_t k = 0; k < commits.size(); ++k) {
            I.ins_commit_at.bind(1, commit_seq + std::int64_t(k)).bind(2, commits[k]);
            if (auto r = I.ins_commit_at.run(); !r) return r;
        }
        if (auto r = write_audit(I, audit); !r) return r;
        if (auto r = I.put_meta("hlc", u64_blob(I.hlc.last())); !r) return r;
        if (auto r = I.put_meta("device_seq", u64_blob(audit.device_seq)); !r) return r;
        return txn->commit();
    };
    if (auto r = write(); !r) {
        m_store.fail(r.error());  // rolled back; memory untouched; reopen to continue
        return r;
    }
    I.device_seq = audit.device_seq;
    finish_audit(I, audit);
    I.reserve_records(n);
    for (std::size_t i = 0; i < n; ++i) {
        PendingOp& p = m_ops[i];
        I.apply(OpMeta{p.op, hlcs[i], author, p.scope}, std::move(p.payload));
    }
    m_ops.clear();
    m_last.clear();
    m_prev.clear();
    return {};
}

// ------------------------------------------------------------------------------------------------
// Sync: outbox, cursors, ingest of pulled envelopes, directory, keys, settings.

Result<std::vector<OutboxItem>> Store::outbox(std::size_t limit, std::size_t max_scopes,
                                              std::span<const std::int64_t> in_flight) const {
    if (m_failed) return Error::Failed;
    auto st = m_impl->db.prepare("SELECT o.op_seq, ops.env FROM outbox o JOIN ops ON ops.seq = o.op_seq ORDER BY o.op_seq");
    if (!st) return st.failure();
    std::vector<OutboxItem> out;
    // At most max_scopes scopes per batch (the oldest ops'): the client gives each scope's ops a
    // transport commit of their own, which then lists only envelopes that every puller of that
    // scope receives, so its Store::verify finds them all. Local ops of several scopes
    // interleave (a write and its audit entry, docs/audit.md).
    std::vector<ScopeId> scopes;
    while (out.size() < limit) {
        auto row = st->step();
        if (!row) return row.failure();
        if (!*row) break;
        if (std::binary_search(in_flight.begin(), in_flight.end(), st->int64(0))) continue;
        ByteView env = st->blob(1);
        if (auto e = crypto::parse_envelope(env)) {
            if (std::find(scopes.begin(), scopes.end(), e->header.scope) == scopes.end()) {
                if (scopes.size() >= std::max<std::size_t>(max_scopes, 1)) continue;
                scopes.push_back(e->header.scope);
            }
        }  // a damaged one goes out as it is: the client reports it
        out.push_back({st->int64(0), Bytes(env.begin(), env.end())});
    }
    return out;
}

Result<void> Store::acknowledge(const std::vector<std::int64_t>& op_seqs) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    auto write = [&]() -> Result<void> {
        RelaxedSync relaxed(I.db);
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        auto del = I.db.prepare("DELETE FROM outbox WHERE op_seq = ?1");
        if (!del) return del.failure();
        for (std::int64_t seq : op_seqs) {
            del->bind(1, seq);
            if (auto r = del->run(); !r) return r;
        }
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r;
    }
    return {};
}

std::int64_t Store::cursor(const ScopeId& scope) const {
    auto it = m_impl->cursors.find(scope);
    return it == m_impl->cursors.end() ? 0 : it->second;
}

std::optional<OpId> Store::cursor_op(const ScopeId& scope) const {
    auto it = m_impl->cursor_ops.find(scope);
    return it == m_impl->cursor_ops.end() ? std::nullopt : std::optional<OpId>(it->second);
}

Result<std::size_t> Store::server_lost(const ScopeId& scope) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    const DeviceId me = I.device->id();
    std::vector<std::int64_t> mine;
    if (auto r = I.rows("SELECT ops.seq, ops.env FROM ops LEFT JOIN outbox ON outbox.op_seq = ops.seq WHERE outbox.op_seq IS NULL",
                        [&](Statement& st) -> Result<void> {
                            auto env = crypto::parse_envelope(st.blob(1));
                            if (env && env->header.scope == scope && env->header.author == me) mine.push_back(st.int64(0));
                            return {};
                        });
        !r)
        return r.failure();
    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        if (auto r = I.add_to_outbox(mine); !r) return r;
        auto del = I.db.prepare("DELETE FROM cursors WHERE scope = ?1");
        if (!del) return del.failure();
        del->bind(1, scope);
        if (auto r = del->run(); !r) return r;
        auto del_op = I.db.prepare("DELETE FROM cursor_ops WHERE scope = ?1");
        if (!del_op) return del_op.failure();
        del_op->bind(1, scope);
        if (auto r = del_op->run(); !r) return r;
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r.failure();
    }
    I.cursors.erase(scope);
    I.cursor_ops.erase(scope);
    return mine.size();
}

Result<IngestReport> Store::ingest(const ScopeId& scope, const std::map<crypto::Id16, Bytes>& commits,
                                   const std::vector<PulledItem>& items, std::int64_t next_cursor,
                                   std::optional<OpId> next_op) {
    return ingest_items(scope, commits, items, next_cursor, next_op, false);
}

Result<IngestReport> Store::retry_held() {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    // Grouped by scope, in the order they were pulled. A commit the server did not send with the
    // envelope may have come since (another envelope of it, on another page): looked up by id.
    std::map<ScopeId, std::vector<PulledItem>> items;
    std::map<ScopeId, std::map<crypto::Id16, Bytes>> commits;
    std::set<crypto::Id16> wanted;
    if (auto r = I.rows("SELECT scope, server_seq, commit_id, commit_body, env FROM held ORDER BY id",
                        [&](Statement& st) -> Result<void> {
                            ScopeId scope{};
                            crypto::Id16 cid{};
                            if (st.blob(0).size() != scope.size() || st.blob(2).size() != cid.size()) return {};
                            std::copy(st.blob(0).begin(), st.blob(0).end(), scope.begin());
                            std::copy(st.blob(2).begin(), st.blob(2).end(), cid.begin());
                            items[scope].push_back(PulledItem{st.int64(1), Bytes(st.blob(4).begin(), st.blob(4).end()), cid});
                            if (!st.is_null(3) && !st.blob(3).empty())
                                commits[scope][cid] = Bytes(st.blob(3).begin(), st.blob(3).end());
                            else
                                wanted.insert(cid);
                            return {};
                        });
        !r)
        return r.failure();
    IngestReport all;
    if (items.empty()) return all;
    if (!wanted.empty()) {
        std::map<crypto::Id16, Bytes> found;
        if (auto r = I.rows("SELECT body FROM commits", [&](Statement& st) -> Result<void> {
                auto c = crypto::Commit::parse(st.blob(0));
                if (c && wanted.count(c->id)) found[c->id] = Bytes(st.blob(0).begin(), st.blob(0).end());
                return {};
            });
            !r)
            return r.failure();
        for (auto& [scope, its] : items)
            for (const PulledItem& it : its)
                if (auto f = found.find(it.commit); f != found.end()) commits[scope][it.commit] = f->second;
    }
    for (const auto& [scope, its] : items) {
        auto rep = ingest_items(scope, commits[scope], its, 0, std::nullopt, true);
        if (!rep) return rep.failure();
        all.applied += rep->applied;
        all.duplicates += rep->duplicates;
        all.skewed += rep->skewed;
        all.rejected.insert(all.rejected.end(), rep->rejected.begin(), rep->rejected.end());
        all.blocked = all.blocked || rep->blocked;
    }
    return all;
}

Result<IngestReport> Store::ingest_again(const ScopeId& scope, const std::map<crypto::Id16, Bytes>& commits,
                                         const std::vector<PulledItem>& items) {
    return ingest_items(scope, commits, items, 0, std::nullopt, true);
}

Result<std::vector<HeldEnvelope>> Store::held() const {
    if (m_failed) return Error::Failed;
    std::vector<HeldEnvelope> out;
    if (auto r = m_impl->rows("SELECT scope, server_seq, hash, why, at FROM held ORDER BY id", [&](Statement& st) -> Result<void> {
            HeldEnvelope h;
            if (st.blob(0).size() == h.scope.size()) std::copy(st.blob(0).begin(), st.blob(0).end(), h.scope.begin());
            h.server_seq = st.int64(1);
            h.hash = crypto::to_hex(st.blob(2));
            h.why = st.text(3);
            h.since_ms = std::uint64_t(st.int64(4));
            out.push_back(std::move(h));
            return {};
        });
        !r)
        return r.failure();
    return out;
}

// Invariant 10: an envelope that fails verification is not folded, and not lost either: it is
// held (the `held` table) with the reason, the cursor moves on, and retry_held() tries it again
// (a newer build may read an op version this one does not; a commit may arrive later). `retry`:
// `items` are held ones; nothing moves the cursor, and those accepted or found in the log leave
// the table.
Result<IngestReport> Store::ingest_items(const ScopeId& scope, const std::map<crypto::Id16, Bytes>& commits,
                                         const std::vector<PulledItem>& items, std::int64_t next_cursor,
                                         std::optional<OpId> next_op, bool retry) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    IngestReport rep;
    struct Hold {
        const PulledItem* item;
        std::string why;
    };
    std::vector<Hold> hold;                    // rejected now: held (again) with the reason
    std::vector<crypto::Hash32> released;      // retry: accepted, or in the log already
    std::vector<std::int64_t> released_at;     // … and the server seqs they came at (a fresh copy of a damaged one)
    const std::int64_t start = cursor(scope);
    std::int64_t to = start;
    std::optional<OpId> to_op = cursor_op(scope);  // the op at `to`, where known
    auto reach = [&](std::int64_t seq, std::optional<OpId> op) {
        if (seq > to) {
            to = seq;
            to_op = op;
        }
    };

    struct Accepted {
        const PulledItem* item;
        OpMeta meta;
        OpPayload payload;
    };
    std::vector<Accepted> accepted;
    std::map<crypto::Id16, std::optional<crypto::VerifiedCommit>> verified;  // nullopt: bad commit
    OpIdSet seen;                                                            // op ids in this batch
    auto has_op = I.db.prepare("SELECT 1 FROM ops WHERE op_id = ?1");
    if (!has_op) return has_op.failure();
    const std::uint64_t horizon = I.options.clock() + 24ull * 3600 * 1000;
    if (auto r = I.load_author_clock(); !r) return r.failure();

    for (const PulledItem& item : items) {
        if (!retry && item.server_seq <= start) continue;  // a replayed answer: already past it
        std::optional<OpId> item_op;
        auto reject = [&](std::string why, const std::string& op = {}) {
            hold.push_back({&item, why});
            rep.rejected.push_back({item.server_seq, {}, op, std::move(why)});
            if (!retry) reach(item.server_seq, item_op);
        };
        auto env = crypto::parse_envelope(item.envelope);
        if (!env) { reject("envelope: " + std::string(crypto::to_string(env.error()))); continue; }
        const auto& h = env->header;
        item_op = h.op;
        const std::string op_hex = crypto::to_hex(h.op);
        if (h.scope != scope) { reject("envelope belongs to another scope", op_hex); continue; }

        auto vit = verified.find(item.commit);
        if (vit == verified.end()) {
            std::optional<crypto::VerifiedCommit> v;
            if (auto c = commits.find(item.commit); c != commits.end()) {
                auto parsed = crypto::Commit::parse(c->second);
                const crypto::SignPublicKey* key = parsed ? I.author_key(parsed->author) : nullptr;
                if (parsed && !key) { rep.blocked = true; break; }  // author not in our directory copy yet
                if (parsed && parsed->id == item.commit)
                    if (auto vc = crypto::verify_commit(*parsed, *key)) v = std::move(*vc);
            }
            vit = verified.emplace(item.commit, std::move(v)).first;
        }
        if (!vit->second) { reject("its commit is missing or does not verify", op_hex); continue; }

        auto plain = crypto::open_envelope(item.envelope, I, &*vit->second);
        if (!plain) {
            if (plain.error() == crypto::Error::UnknownKey || plain.error() == crypto::Error::NotMember) {
                rep.blocked = true;  // a key or membership we may receive later: retry from here
                break;
            }
            reject(std::string(crypto::to_string(plain.error())), op_hex);
            continue;
        }
        auto op = decode_op(*plain);
        if (!op) { reject("op payload is malformed", op_hex); continue; }
        if (!retry) reach(item.server_seq, h.op);
        has_op->bind(1, h.op);
        auto dup = has_op->step();
        has_op->reset();
        if (!dup) return dup.failure();
        if (*dup || !seen.insert(h.op).second) {
            ++rep.duplicates;
            if (retry) {
                released.push_back(crypto::hash(item.envelope));
                released_at.push_back(item.server_seq);
            }
            continue;
        }
        // An author the directory took off the scope counts only up to its removal (invariant 9).
        if (auto why = I.directory.refuse_op(h.scope, h.epoch, h.author, h.seq, h.hlc)) { reject(*why, op_hex); continue; }
        if (auto why = I.clock_refusal(h)) { reject(*why, op_hex); continue; }
        I.note_author_op(h);  // later ops of this batch are checked against it too
        if (h.hlc >> 16 > horizon) ++rep.skewed;  // kept and shown; the clock is warned about, never trusted blindly
        if (retry) {
            released.push_back(crypto::hash(item.envelope));
            released_at.push_back(item.server_seq);
        }
        accepted.push_back({&item, OpMeta{h.op, h.hlc, h.author, h.scope}, std::move(*op)});
    }
    if (!rep.blocked && !retry) reach(next_cursor, next_op);

    auto write = [&]() -> Result<void> {
        RelaxedSync relaxed(I.db);
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        std::map<crypto::Id16, std::int64_t> commit_rows;
        std::optional<Statement> mark_audit;
        for (const Accepted& a : accepted) {
            auto [it, fresh] = commit_rows.try_emplace(a.item->commit, 0);
            if (fresh) {
                I.ins_commit.bind(1, commits.at(a.item->commit));
                if (auto r = I.ins_commit.run(); !r) return r;
                it->second = I.db.last_insert_rowid();
            }
            const auto k = I.rk(a.payload.record_id);
            I.ins_op.bind(1, a.meta.op).bind(2, k).bind(3, it->second).bind(4, a.item->envelope);
            if (auto r = I.ins_op.run(); !r) return r;
            if (a.payload.type == kAuditRecordType) {  // another device's audit entry (docs/audit.md)
                if (!mark_audit) {
                    auto m = I.db.prepare("INSERT INTO audit_ops(op_seq) VALUES(?1)");
                    if (!m) return m.failure();
                    mark_audit = std::move(*m);
                }
                mark_audit->bind(1, I.db.last_insert_rowid());
                if (auto r = mark_audit->run(); !r) return r;
            }
        }
        if (!hold.empty() || !released.empty() || !released_at.empty()) {
            auto put = I.db.prepare(
                "INSERT INTO held(hash, scope, server_seq, commit_id, commit_body, env, why, at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                "ON CONFLICT(hash) DO UPDATE SET why = excluded.why");
            auto drop = I.db.prepare("DELETE FROM held WHERE hash = ?1");
            if (!put) return put.failure();
            if (!drop) return drop.failure();
            const std::uint64_t now = I.options.clock();
            for (const Hold& x : hold) {
                const PulledItem& it = *x.item;
                const auto c = commits.find(it.commit);
                put->bind(1, crypto::hash(it.envelope)).bind(2, scope).bind(3, it.server_seq).bind(4, it.commit);
                if (c != commits.end()) put->bind(5, ByteView(c->second));
                else put->bind(5, ByteView());  // read back as none
                put->bind(6, ByteView(it.envelope)).bind(7, std::string_view(x.why)).bind(8, std::int64_t(now));
                if (auto r = put->run(); !r) return r;
            }
            for (const auto& h : released) {
                drop->bind(1, h);
                if (auto r = drop->run(); !r) return r;
            }
            auto drop_at = I.db.prepare("DELETE FROM held WHERE scope = ?1 AND server_seq = ?2");
            if (!drop_at) return drop_at.failure();
            for (const std::int64_t at : released_at) {
                drop_at->bind(1, scope).bind(2, at);
                if (auto r = drop_at->run(); !r) return r;
            }
            if (auto r = I.db.exec(("DELETE FROM held WHERE id IN (SELECT id FROM held ORDER BY id LIMIT max(0, (SELECT count(*) FROM held) - " +
                                    std::to_string(kMaxHeld) + "))").c_str());
                !r)
                return r;
        }
        if (to != start) {
            auto cur = I.db.prepare("INSERT OR REPLACE INTO cursors(scope, seq) VALUES(?1, ?2)");
            if (!cur) return cur.failure();
            cur->bind(1, scope).bind(2, to);
            if (auto r = cur->run(); !r) return r;
            auto op = I.db.prepare(to_op ? "INSERT OR REPLACE INTO cursor_ops(scope, op) VALUES(?1, ?2)"
                                         : "DELETE FROM cursor_ops WHERE scope = ?1");
            if (!op) return op.failure();
            op->bind(1, scope);
            if (to_op) op->bind(2, *to_op);
            if (auto r = op->run(); !r) return r;
        }
        return txn->commit();
    };
    if (auto r = write(); !r) {
        I.author_clock.reset();  // it noted ops that were not stored: rebuilt from the log next time
        fail(r.error());
        return r.failure();
    }
    for (Accepted& a : accepted) {
        I.hlc.observe(a.meta.hlc);
        I.apply(a.meta, std::move(a.payload));
    }
    I.cursors[scope] = to;
    if (to_op) I.cursor_ops[scope] = *to_op;
    else I.cursor_ops.erase(scope);
    rep.applied = accepted.size();
    rep.cursor = to;
    return rep;
}

const Directory& Store::directory() const { return m_impl->directory; }

Result<std::uint64_t> Store::highest_device_seq(const DeviceId& device) const {
    if (m_failed) return Error::Failed;
    // The clear header of an envelope (crypto/envelope.h): author at bytes 49..64, its device seq
    // big-endian at 65..72, so the largest 8-byte blob is the largest number (SQLite's substr is 1-based).
    auto st = m_impl->db.prepare("SELECT max(substr(env, 66, 8)) FROM ops WHERE substr(env, 50, 16) = ?1");
    if (!st) return st.failure();
    st->bind(1, ByteView(device));
    auto row = st->step();
    if (!row) return row.failure();
    if (!*row || st->is_null(0) || st->blob(0).size() != 8) return std::uint64_t(0);
    std::uint64_t n = 0;
    for (std::uint8_t b : st->blob(0)) n = (n << 8) | b;
    return n;
}

Result<void> Store::extend_directory(const std::vector<SignedEntry>& entries, const std::vector<SignedEntry>& revealed) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    Directory next = I.directory;
    if (auto r = next.append_all(entries); !r) return {Error::Integrity, "directory entry rejected: " + r.detail()};
    std::vector<std::uint64_t> opened;  // entries before ours whose annex grew: rewritten below
    for (const auto& e : revealed) {
        auto r = next.reveal(e);
        if (!r) return {Error::Integrity, "revealed directory annex rejected: " + r.detail()};
        if (*r) opened.push_back(**r);
    }
    const auto org = I.settings.find("pin_org"), adm = I.settings.find("pin_admin");
    if (org != I.settings.end() && (crypto::to_hex(next.org()) != org->second || adm == I.settings.end() ||
                                    crypto::to_hex(next.admin_key()) != adm->second))
        return {Error::Integrity, "the server's directory belongs to another organisation than the enrolment code"};
    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        auto st = I.db.prepare("INSERT INTO directory(seq, entry) VALUES(?1, ?2)");
        if (!st) return st.failure();
        const std::uint64_t first = I.directory.size();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const std::string j = entries[i].to_json();
            st->bind(1, std::int64_t(first + i)).bind(2, std::string_view(j));
            if (auto r = st->run(); !r) return r;
        }
        if (!opened.empty()) {
            auto up = I.db.prepare("UPDATE directory SET entry = ?2 WHERE seq = ?1");
            if (!up) return up.failure();
            for (const std::uint64_t seq : opened) {
                const std::string j = next.entries()[seq].to_json();
                up->bind(1, std::int64_t(seq)).bind(2, std::string_view(j));
                if (auto r = up->run(); !r) return r;
            }
        }
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r;
    }
    I.directory = std::move(next);
    // A removal (unassign, withdrawal, revocation) may refuse ops this store accepted before it
    // knew of it, e.g. from a server that handed the removed device's later ops over first.
    bool removal = !opened.empty();
    for (const auto& e : entries) {
        const auto j = nlohmann::json::parse(e.body.begin(), e.body.end(), nullptr, false);
        const std::string kind = j.is_object() ? j.value("kind", std::string()) : std::string();
        removal = removal || kind == "unassign" || kind == "provider" || kind == "revoke";
    }
    if (removal) return drop_refused_ops();
    return {};
}

// Invariant 9: the ops of the log that the directory now refuses (Directory::refuse_op) leave
// it, their hashes kept as removed on purpose (verify()), and the state is folded again from
// what stays. Headers are clear: nothing is decrypted to find them. This device's own ops are
// left to the push and the purge (SyncClient), which report them.
Result<void> Store::drop_refused_ops() {
    Impl& I = *m_impl;
    const DeviceId me = I.device->id();
    struct Refused {
        std::int64_t seq;
        crypto::Hash32 hash;
    };
    std::vector<Refused> refused;
    std::vector<Problem> why;
    if (auto r = I.rows("SELECT seq, env FROM ops", [&](Statement& st) -> Result<void> {
            auto env = crypto::parse_envelope(st.blob(1));
            if (!env || env->header.author == me) return {};
            const auto& h = env->header;
            if (auto no = I.directory.refuse_op(h.scope, h.epoch, h.author, h.seq, h.hlc)) {
                refused.push_back({st.int64(0), env->hash()});
                why.push_back({st.int64(0), {}, crypto::to_hex(h.op), "taken out of the log: " + *no});
            }
            return {};
        });
        !r)
        return r;
    if (refused.empty()) return {};
    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        auto del_op = I.db.prepare("DELETE FROM ops WHERE seq = ?1");
        auto del_audit = I.db.prepare("DELETE FROM audit_ops WHERE op_seq = ?1");
        auto ins_purged = I.db.prepare("INSERT OR IGNORE INTO purged(hash) VALUES(?1)");
        for (auto* st : {&del_op, &del_audit, &ins_purged})
            if (!*st) return st->failure();
        for (const Refused& x : refused) {
            for (auto* st : {&del_op, &del_audit}) {
                (*st)->bind(1, x.seq);
                if (auto r = (*st)->run(); !r) return r;
            }
            ins_purged->bind(1, x.hash);
            if (auto r = ins_purged->run(); !r) return r;
        }
        if (auto r = I.db.exec("DELETE FROM commits WHERE seq NOT IN (SELECT commit_seq FROM ops)"); !r) return r;
        // The snapshots may hold what the refused ops changed: the whole log is folded again.
        if (auto r = I.put_meta("snapshot_upto", u64_blob(0)); !r) return r;
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r;
    }
    I.records.clear();
    ++I.generation;
    I.dirty.clear();
    I.snapshot_upto = 0;
    I.snapshots_stale = true;
    I.author_clock.reset();
    std::vector<Problem> problems;
    if (auto r = I.load_state(problems); !r) {
        fail(r.error());
        return r;
    }
    for (auto& p : why) m_problems.push_back(std::move(p));
    for (auto& p : problems) m_problems.push_back(std::move(p));
    return {};
}

Result<void> Store::set_pin(const crypto::Id16& org, const crypto::SignPublicKey& admin_key) {
    if (m_impl->directory.founded() && (m_impl->directory.org() != org || m_impl->directory.admin_key() != admin_key))
        return {Error::Integrity, "this store belongs to another organisation"};
    if (auto r = set_setting("pin_org", crypto::to_hex(org)); !r) return r;
    return set_setting("pin_admin", crypto::to_hex(admin_key));
}

Result<void> Store::add_scope_key(const ScopeId& scope, std::uint32_t epoch, crypto::SymmetricKey key) {
    if (m_failed) return Error::Failed;
    if (epoch == 0) return {Error::InvalidArgument, "epochs start at 1"};
    if (m_impl->scope_key(scope, epoch)) return {};
    if (auto r = m_impl->add_scope_key(scope, epoch, std::move(key)); !r) {
        fail(r.error());
        return r;
    }
    return {};
}

Result<ScopeId> Store::create_scope() {
    const ScopeId id = crypto::random_id();
    if (auto r = add_scope_key(id, 1, SymmetricKey::generate()); !r) return r.failure();
    return id;
}

const crypto::SymmetricKey* Store::scope_key(const ScopeId& scope, std::uint32_t epoch) const {
    return m_impl->scope_key(scope, epoch);
}

std::vector<std::pair<ScopeId, std::uint32_t>> Store::scope_keys() const {
    std::vector<std::pair<ScopeId, std::uint32_t>> out;
    for (const auto& [se, key] : m_impl->scope_keys) out.push_back(se);
    return out;
}

std::uint32_t Store::current_epoch(const ScopeId& scope) const {
    auto it = m_impl->current_epoch.find(scope);
    return it == m_impl->current_epoch.end() ? 0 : it->second;
}

Result<void> Store::set_setting(const std::string& key, const std::string& value, bool durable) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    std::optional<RelaxedSync> relaxed;
    if (!durable) relaxed.emplace(I.db);
    if (auto r = I.write_setting(key, value); !r) {
        fail(r.error());
        return r;
    }
    I.settings[key] = value;
    return {};
}

namespace {
Bytes held_binding(const DeviceId& device) { return label_ad("quartier/held-setting/v1", {device}); }
}  // namespace

HeldSetting Store::hold_setting(const std::string& key, const std::string& value) const {
    const crypto::DeviceIdentity& me = *m_impl->device;
    const Bytes binding = held_binding(me.id());
    const SymmetricKey k = SymmetricKey::generate();
    Bytes plain = setting_plain(key, value);
    HeldSetting h{crypto::seal_to(me.box_public(), binding, k.view()), crypto::seal_blob(k, plain, binding)};
    crypto::wipe(plain);
    return h;
}

Result<void> Store::restore_setting(const HeldSetting& held) {
    if (m_failed) return Error::Failed;
    const crypto::DeviceIdentity& me = *m_impl->device;
    const Bytes binding = held_binding(me.id());
    auto raw = crypto::open_sealed(me.box_public(), me.box_secret(), binding, held.sealed_key);
    if (!raw || raw->size() != SymmetricKey::kSize) return {Error::Corrupt, "a held setting was not sealed for this device"};
    const SymmetricKey k = SymmetricKey::from(raw->view());
    Bytes plain;
    if (!crypto::open_blob(k, held.blob, binding, plain)) return {Error::Corrupt, "a held setting does not open"};
    auto named = split_setting_plain(plain);
    crypto::wipe(plain);
    if (!named || named->first.empty()) return {Error::Corrupt, "a held setting is damaged"};
    return set_setting(named->first, named->second);
}

std::optional<std::string> Store::setting(const std::string& key) const {
    auto it = m_impl->settings.find(key);
    if (it == m_impl->settings.end()) return std::nullopt;
    return it->second;
}

Result<void> Store::set_admin_identity(const crypto::DeviceIdentity& admin) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (I.admin) return {Error::AlreadyExists, "this store already holds an admin key"};
    const Bytes wrapped = crypto::wrap(*I.wrap_key, admin.secret_bytes().view(), label_ad("quartier/org-admin/v1", {}));
    if (auto r = I.put_meta("org_admin", wrapped); !r) {
        fail(r.error());
        return r;
    }
    auto copy = crypto::DeviceIdentity::from_secret(admin.secret_bytes().view());
    I.admin.emplace(std::move(*copy));
    return {};
}

const crypto::DeviceIdentity* Store::admin_identity() const { return m_impl->admin ? &*m_impl->admin : nullptr; }

Result<void> Store::remove_scope_key(const ScopeId& scope, std::uint32_t epoch) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    auto st = I.db.prepare("DELETE FROM scope_keys WHERE scope = ?1 AND epoch = ?2");
    if (!st) return st.failure();
    st->bind(1, scope).bind(2, std::int64_t(epoch));
    if (auto r = st->run(); !r) {
        fail(r.error());
        return r;
    }
    I.scope_keys.erase({scope, epoch});
    std::uint32_t latest = 0;
    for (const auto& [se, key] : I.scope_keys)
        if (se.first == scope) latest = std::max(latest, se.second);
    if (latest) I.current_epoch[scope] = latest;
    else I.current_epoch.erase(scope);
    return {};
}

Result<void> Store::wipe() {
    Impl& I = *m_impl;
    Result<void> first;  // the first failure; the files go regardless
    auto note = [&](Result<void> r) {
        if (!r && first) first = r;
    };
    // Key material first: once these rows are gone (and their pages overwritten), the rest is
    // ciphertext nobody can open.
    note(I.db.exec("DELETE FROM meta; DELETE FROM scope_keys; DELETE FROM settings;"));
    note(I.db.exec("DELETE FROM audit; DELETE FROM audit_ops;"));
    note(I.db.exec("DELETE FROM snapshots; DELETE FROM ops; DELETE FROM commits; DELETE FROM outbox; "
                   "DELETE FROM directory; DELETE FROM cursors; DELETE FROM cursor_ops; DELETE FROM purged; DELETE FROM held;"));
    note(truncate_wal(I.db, I.checkpoint.get()));
    note(I.db.exec("VACUUM"));
    I.ins_commit = Statement();
    I.ins_commit_at = Statement();
    I.ins_op = Statement();
    I.ins_outbox = Statement();
    I.ins_outbox_run = Statement();
    I.set_meta = Statement();
    I.checkpoint.reset();  // its connection goes first
    I.db = Database();     // closes the file
    std::error_code ec;
    for (const char* f : {"store.db", "store.db-wal", "store.db-shm"}) {
        fs::remove(m_dir / f, ec);
        if (ec && first) first = Result<void>(Error::Io, "cannot remove " + std::string(f) + ": " + ec.message());
    }
    I.records.clear();
    ++I.generation;
    I.dirty.clear();
    I.scope_keys.clear();
    I.current_epoch.clear();
    I.settings.clear();
    I.admin.reset();
    I.audit = AuditLog();
    I.master.reset();
    I.wrap_key.reset();
    I.index_key.reset();
    I.snapshot_key.reset();
    I.setting_key.reset();
    I.directory = Directory();
    m_problems.clear();
    m_failed = true;
    return first;
}

std::uint64_t Store::now_ms() const { return m_impl->options.clock(); }

Result<void> Store::purge_scope(const ScopeId& scope, bool discard_pending) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    // The scope of each op is in its clear header: no decryption needed to find them.
    std::vector<std::int64_t> seqs;
    std::vector<crypto::Hash32> hashes;  // kept so that verify() knows these were removed on purpose
    bool pending = false;
    if (auto r = I.rows("SELECT ops.seq, ops.env, outbox.op_seq IS NOT NULL FROM ops LEFT JOIN outbox ON outbox.op_seq = ops.seq",
                        [&](Statement& st) -> Result<void> {
                            auto env = crypto::parse_envelope(st.blob(1));
                            if (env && env->header.scope == scope) {
                                seqs.push_back(st.int64(0));
                                hashes.push_back(env->hash());
                                pending = pending || st.int64(2) != 0;
                            }
                            return {};
                        });
        !r)
        return r;
    if (pending && !discard_pending) return {Error::Busy, "the scope has changes not yet pushed; sync first"};
    // The scope's records and their snapshot rows (invariant 8: a twin of another scope stays,
    // and one that takes the id's first place is written under its new row at the next checkpoint).
    std::vector<std::string> ids;
    std::vector<crypto::Id16> rows_gone;
    for (const auto& [id, slot] : I.records) {
        if (slot.rec.scope == scope) {
            ids.push_back(id);
            rows_gone.push_back(I.rk(id));
            if (slot.twins && !slot.twins->empty()) rows_gone.push_back(I.rk(Impl::twin_name(slot.twins->front())));
        } else if (slot.twins) {
            for (const Record& t : *slot.twins)
                if (t.scope == scope) {
                    ids.push_back(id);
                    rows_gone.push_back(I.rk(Impl::twin_name(t)));
                }
        }
    }

    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        auto del_op = I.db.prepare("DELETE FROM ops WHERE seq = ?1");
        auto del_out = I.db.prepare("DELETE FROM outbox WHERE op_seq = ?1");
        if (!del_out) return del_out.failure();
        auto del_snap = I.db.prepare("DELETE FROM snapshots WHERE rk = ?1");
        auto del_keys = I.db.prepare("DELETE FROM scope_keys WHERE scope = ?1");
        auto del_cursor = I.db.prepare("DELETE FROM cursors WHERE scope = ?1");
        auto del_cursor_op = I.db.prepare("DELETE FROM cursor_ops WHERE scope = ?1");
        if (!del_cursor_op) return del_cursor_op.failure();
        del_cursor_op->bind(1, scope);
        if (auto r = del_cursor_op->run(); !r) return r;
        auto del_held = I.db.prepare("DELETE FROM held WHERE scope = ?1");  // ciphertext of the scope, gone with it
        if (!del_held) return del_held.failure();
        del_held->bind(1, scope);
        if (auto r = del_held->run(); !r) return r;
        for (auto* st : {&del_op, &del_snap, &del_keys, &del_cursor})
            if (!*st) return st->failure();
        for (std::int64_t seq : seqs) {
            del_out->bind(1, seq);  // only a crypto-shredded scope gets here with pending ops
            if (auto r = del_out->run(); !r) return r;
            del_op->bind(1, seq);
            if (auto r = del_op->run(); !r) return r;
        }
        auto ins_purged = I.db.prepare("INSERT OR IGNORE INTO purged(hash) VALUES(?1)");
        if (!ins_purged) return ins_purged.failure();
        for (const auto& h : hashes) {
            ins_purged->bind(1, h);
            if (auto r = ins_purged->run(); !r) return r;
        }
        for (const auto& k : rows_gone) {
            del_snap->bind(1, k);
            if (auto r = del_snap->run(); !r) return r;
        }
        del_keys->bind(1, scope);
        if (auto r = del_keys->run(); !r) return r;
        del_cursor->bind(1, scope);
        if (auto r = del_cursor->run(); !r) return r;
        if (auto r = I.db.exec("DELETE FROM commits WHERE seq NOT IN (SELECT commit_seq FROM ops)"); !r) return r;
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r;
    }
    for (const auto& id : ids) {
        auto it = I.records.find(id);
        if (it == I.records.end()) continue;
        Impl::Slot& slot = it->second;
        if (slot.twins)
            slot.twins->erase(std::remove_if(slot.twins->begin(), slot.twins->end(), [&](const Record& t) { return t.scope == scope; }),
                              slot.twins->end());
        if (slot.rec.scope == scope) {
            if (!slot.twins || slot.twins->empty()) {
                I.records.erase(it);
                continue;
            }
            slot.rec = std::move(slot.twins->front());
            slot.twins->erase(slot.twins->begin());
            slot.dirty = true;  // its snapshot row went: the next checkpoint writes it under the id's row
        }
        if (slot.twins && slot.twins->empty()) slot.twins.reset();
    }
    ++I.generation;
    I.dirty.clear();  // pointers into erased nodes; snapshots of the rest are rewritten at the next checkpoint
    for (auto& entry : I.records)
        if (entry.second.dirty) I.dirty.push_back(&entry);
    for (auto it = I.scope_keys.begin(); it != I.scope_keys.end();)
        it = it->first.first == scope ? I.scope_keys.erase(it) : std::next(it);
    I.current_epoch.erase(scope);
    I.cursors.erase(scope);
    I.cursor_ops.erase(scope);
    // No page, free page or WAL frame may keep the purged rows.
    if (auto r = I.db.exec("VACUUM"); !r) return r;
    if (auto r = truncate_wal(I.db, I.checkpoint.get()); !r) return r;
    return {};
}

// ------------------------------------------------------------------------------------------------
// Recovery from Failed (a write that failed while the store was open: a full disk, an I/O error).
// The rolled-back transaction left the database as the last committed one did; the state is
// rebuilt from it exactly as open() builds it, into a new Impl that takes over the connection, its
// checkpointer and the directory lock, so a recovery that fails half-way leaves the old one whole.

Result<void> Store::recover() {
    if (!m_failed) return {};
    Impl& old = *m_impl;
    if (!old.master || !old.db.handle()) return {Error::Failed, "the store was wiped: nothing to recover"};
    if (old.db.in_transaction()) (void)old.db.exec("ROLLBACK");  // SQLite may keep one open after SQLITE_FULL

    auto fresh = std::make_unique<Impl>();
    Impl& I = *fresh;
    I.options = old.options;
    I.hlc = Hlc(I.options.clock);
    I.hlc.observe(old.hlc.last());      // later stamps stay after every one handed out, stored or not
    I.generation = old.generation + 1;  // caches over the old records rebuild (invariant 7)
    I.master = old.master->clone();
    I.derive_keys();
    I.db = std::move(old.db);
    I.checkpoint = std::move(old.checkpoint);
    I.lock_fd = std::exchange(old.lock_fd, -1);
    auto give_back = [&](Result<void> r) {
        old.db = std::move(I.db);
        old.checkpoint = std::move(I.checkpoint);
        old.lock_fd = std::exchange(I.lock_fd, -1);
        m_failure = r.error();
        return r;
    };

    std::vector<Problem> problems;
    if (auto r = I.prepare_statements(); !r) return give_back(r);
    if (auto r = I.load_keys(); !r) return give_back(r);
    auto hl = I.get_meta("hlc");
    if (!hl) return give_back(hl.failure());
    if (*hl) I.hlc.observe(blob_u64(**hl));
    auto ds = I.get_meta("device_seq");
    if (!ds) return give_back(ds.failure());
    if (*ds) I.device_seq = blob_u64(**ds);
    if (auto r = I.load_sync_state(false); !r) return give_back(r);
    if (auto r = I.load_state(problems); !r) return give_back(r);
    std::string problem;
    if (auto r = I.audit.load(I.db, I.master->derive(4, "qauditky"), I.device->id(), problem); !r) return give_back(r);
    I.audit.actor = I.options.actor;
    if (!problem.empty()) problems.push_back({0, {}, {}, problem});

    m_impl = std::move(fresh);  // the old Impl goes: its statements first, its keys wiped
    m_problems = std::move(problems);
    m_failed = false;
    m_failure = Error::Failed;
    return {};
}

Result<void> Store::debug_set_max_bytes(std::uint64_t bytes) {
    Impl& I = *m_impl;
    if (!I.db.handle()) return {Error::Failed, "the store was wiped"};
    I.options.max_bytes = bytes;
    if (bytes) return I.apply_quota();
    return I.db.exec("PRAGMA max_page_count=1073741823");  // SQLite's default limit
}

}  // namespace quartier::sync
