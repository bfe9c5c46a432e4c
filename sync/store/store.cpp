// The sealed local store's lifecycle (sync/store/store.h; docs/store.md, "The database", "Opening and
// the fold", "No room: Error::Full, failure(), recover()").
//
// Job: the Store object and its start: the directory lock, the database and its schema, create()
// (keys, device identity, default scope), open() (key file, keys, settings, directory, cursors,
// the fold, the unlock's audit entry), status(), and recover() (Failed -> Open). The other jobs
// live in store_keyring.cpp, store_settings.cpp, store_log.cpp, store_writer.cpp,
// store_audit.cpp, store_journal.cpp, store_ingest.cpp, store_directory.cpp, store_verify.cpp and
// store_purge.cpp; Store::Impl is in store_impl.h.
//
// States (sync/store/store.h, "States and transitions"): (no store) --create()--> Open;
// Closed --open()--> Open, or WrongPassphrase with only the failed-unlock counter written;
// Failed --recover()--> Open, or Failed with the re-read's error; destructor --> Closed.
//
// Invariants (numbered in sync/store/store.h): open() and recover() build the same state from the same
// database (Store invariants 1 and 7); the lock is held from start() to the destructor, a second
// opener gets Busy (Store invariant 4); recover() writes nothing and replaces the Impl only once
// the whole re-read succeeded, under a higher generation() (Store invariant 7).

#include "sync/store/store_impl.h"

#include "crypto/keywrap.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <filesystem>

namespace quartier::sync {

namespace fs = std::filesystem;

namespace {
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

// ------------------------------------------------------------------------------------------------
// Store::Impl: the connection and its statements.

Result<void> Store::Impl::prepare_statements() {
    return db.prepare_all({
        {&ins_commit, "INSERT INTO commits(body) VALUES(?1)"},
        {&ins_op, "INSERT INTO ops(op_id, rk, commit_seq, env) VALUES(?1, ?2, ?3, ?4)"},
        {&ins_outbox, "INSERT INTO outbox(op_seq) VALUES(?1)"},
        {&set_meta, "INSERT OR REPLACE INTO meta(k, v) VALUES(?1, ?2)"},
        {&ins_commit_at, "INSERT INTO commits(seq, body) VALUES(?1, ?2)"},
        {&ins_outbox_run, "WITH RECURSIVE s(x) AS (SELECT ?1 UNION ALL SELECT x + 1 FROM s WHERE x < ?2) "
                          "INSERT INTO outbox(op_seq) SELECT x FROM s"},
    });
}

Result<void> Store::Impl::apply_quota() {
    if (options.max_bytes == 0) return {};
    auto st = db.prepare("PRAGMA page_size");
    if (!st) return st.failure();
    if (auto row = st->step(); !row || !*row) return {Error::Io, "cannot read the page size"};
    const std::int64_t pages = std::max<std::int64_t>(1, std::int64_t(options.max_bytes) / st->int64(0));
    const std::string sql = "PRAGMA max_page_count=" + std::to_string(pages);
    return db.exec(sql.c_str());
}

// What open() and recover() read besides keys and the fold: settings, directory, cursors, the
// admin key. `rename_legacy`: open() renames settings of older stores (a write); recover() writes nothing.
Result<void> Store::Impl::load_sync_state(bool rename_legacy) {
    if (auto r = db.exec(kSyncSchemaSql); !r) return r;
    if (auto r = load_settings(rename_legacy); !r) return r;
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
    return load_admin();
}

// ------------------------------------------------------------------------------------------------
// create(), open() and the facade's plain reads.

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

std::uint64_t Store::now_ms() const { return m_impl->options.clock(); }

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
