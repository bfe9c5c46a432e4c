#include "sync/core/database.h"

#include <sqlite3.h>

#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <system_error>
#include <thread>

namespace quartier::sync {

Error map_sqlite(int code) {
    switch (code & 0xFF) {
    case SQLITE_FULL: return Error::Full;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Error::Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Error::Busy;
    default: return Error::Io;
    }
}

namespace {
// map_sqlite for a failure on connection `db`: an I/O error whose system error says there is no
// room is Full too. SQLite reports only ENOSPC as SQLITE_FULL itself; a write refused with
// EDQUOT (a quota) or EFBIG (the file size limit: RLIMIT_FSIZE, a FAT file system's 4 GiB) is
// SQLITE_IOERR_WRITE, and the unix VFS keeps that errno only where sqlite3_system_errno() is not
// set, so `os_errno` is errno read right after the failed call.
Error map_failure(int code, sqlite3* db, int os_errno) {
    if ((code & 0xFF) == SQLITE_IOERR) {
        int sys = db ? sqlite3_system_errno(db) : 0;
        if (sys == 0 && code == SQLITE_IOERR_WRITE) sys = os_errno;
        if (sys == ENOSPC || sys == EDQUOT || sys == EFBIG) return Error::Full;
    }
    return map_sqlite(code);
}
}  // namespace

Statement::Statement(Statement&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }
Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
        o.m_stmt = nullptr;
    }
    return *this;
}
Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement& Statement::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}
Statement& Statement::bind(int i, crypto::ByteView blob) {
    sqlite3_bind_blob64(m_stmt, i, blob.data(), blob.size(), SQLITE_STATIC);
    return *this;
}
Statement& Statement::bind(int i, std::string_view text) {
    sqlite3_bind_text64(m_stmt, i, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    const int os_errno = errno;
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const Error e = map_failure(rc, m_db, os_errno);
    const std::string msg = sqlite3_errmsg(m_db);
    sqlite3_reset(m_stmt);
    return {e, msg};
}

Result<void> Statement::run() {
    auto r = step();
    sqlite3_reset(m_stmt);
    if (!r) return r.failure();
    return {};
}

void Statement::reset() { sqlite3_reset(m_stmt); }

std::int64_t Statement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
crypto::ByteView Statement::blob(int col) const {
    const void* p = sqlite3_column_blob(m_stmt, col);
    const int n = sqlite3_column_bytes(m_stmt, col);
    return p ? crypto::ByteView(static_cast<const std::uint8_t*>(p), std::size_t(n)) : crypto::ByteView();
}
std::string Statement::text(int col) const {
    const unsigned char* p = sqlite3_column_text(m_stmt, col);
    return p ? std::string(reinterpret_cast<const char*>(p), std::size_t(sqlite3_column_bytes(m_stmt, col))) : std::string();
}
bool Statement::is_null(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

Database::Database(Database&& o) noexcept : m_db(o.m_db) { o.m_db = nullptr; }
Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        sqlite3_close_v2(m_db);
        m_db = o.m_db;
        o.m_db = nullptr;
    }
    return *this;
}
Database::~Database() { sqlite3_close_v2(m_db); }

Result<Database> Database::open(const std::filesystem::path& file, bool create) {
    Database d;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(file.c_str(), &d.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = d.m_db ? sqlite3_errmsg(d.m_db) : "cannot open database";
        return {rc == SQLITE_CANTOPEN ? Error::NotFound : map_sqlite(rc), msg};
    }
    sqlite3_extended_result_codes(d.m_db, 1);
    for (const char* pragma : {"PRAGMA secure_delete=ON", "PRAGMA temp_store=MEMORY", "PRAGMA journal_mode=WAL",
                               "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA cell_size_check=ON",
                               "PRAGMA mmap_size=0", "PRAGMA busy_timeout=2000",
                               // 16 MiB of page cache (SQLite's default is 2 MiB): the random op-id
                               // index of a bulk write then stays in memory instead of being spilled
                               // to the WAL and rewritten there again and again.
                               "PRAGMA cache_size=-16384"}) {
        if (auto r = d.exec(pragma); !r) return r.failure();
    }
    return d;
}

Result<void> Database::exec(const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    const int os_errno = errno;
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        return {map_failure(rc, m_db, os_errno), msg};
    }
    return {};
}

Result<Statement> Database::prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK) return {map_sqlite(rc), sqlite3_errmsg(m_db)};
    return Statement(m_db, s);
}

Result<void> Database::prepare_all(std::initializer_list<std::pair<Statement*, const char*>> statements) {
    for (const auto& [target, sql] : statements) {
        auto s = prepare(sql);
        if (!s) return s.failure();
        *target = std::move(*s);
    }
    return {};
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db); }
bool Database::in_transaction() const { return m_db && !sqlite3_get_autocommit(m_db); }
std::string Database::message() const { return sqlite3_errmsg(m_db); }

Result<std::optional<crypto::Bytes>> read_meta(Database& db, const char* key) {
    auto st = db.prepare("SELECT v FROM meta WHERE k = ?1");
    if (!st) return st.failure();
    st->bind(1, std::string_view(key));
    auto row = st->step();
    if (!row) return row.failure();
    if (!*row) return std::optional<crypto::Bytes>();
    const crypto::ByteView v = st->blob(0);
    return std::optional<crypto::Bytes>(crypto::Bytes(v.begin(), v.end()));
}

Result<Transaction> Transaction::begin(Database& db) {
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r) return r.failure();
    return Transaction(db);
}

Transaction::~Transaction() {
    if (m_db) (void)m_db->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
    auto r = m_db->exec("COMMIT");
    if (!r) return r;  // the destructor rolls back
    m_db = nullptr;
    return {};
}

}  // namespace quartier::sync

namespace quartier::sync {

struct BackgroundCheckpoint::State {
    sqlite3* writer = nullptr;
    Database db;  // the checkpointer's own connection
    std::mutex m;
    std::condition_variable cv, idle_cv;
    bool due = false, running = false, stop = false;
    int held = 0;  // truncate_wal() runs: no checkpoint starts
    std::thread thread;

    void run() {
        // A library thread takes no process signals (e.g. quartier-server's serve command blocks
        // SIGTERM/SIGINT, possibly after this thread exists, and takes them with sigwait).
        sigset_t all;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, nullptr);
        std::unique_lock lock(m);
        for (;;) {
            cv.wait(lock, [&] { return (due && held == 0) || stop; });
            if (stop) return;
            due = false;
            running = true;
            lock.unlock();
            // PASSIVE: copies what no reader needs and never waits; frames committed meanwhile
            // are for the next round. After a complete one the next commit starts the WAL over.
            (void)sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            lock.lock();
            running = false;
            idle_cv.notify_all();
        }
    }

    // sqlite3_wal_hook: runs on the committing connection after each commit.
    static int on_commit(void* self, sqlite3* writer, const char*, int frames) {
        auto* s = static_cast<State*>(self);
        if (frames >= kForceFrames) {
            (void)sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        } else if (frames >= kWakeFrames) {
            {
                std::lock_guard lock(s->m);
                s->due = true;
            }
            s->cv.notify_one();
        }
        return SQLITE_OK;
    }
};

std::unique_ptr<BackgroundCheckpoint> BackgroundCheckpoint::attach(Database& writer, const std::filesystem::path& file) {
    if (!writer.handle()) return nullptr;
    auto db = Database::open(file, false);
    if (!db) return nullptr;
    auto s = std::make_unique<State>();
    s->writer = writer.handle();
    s->db = std::move(*db);
    try {
        s->thread = std::thread([st = s.get()] { st->run(); });
    } catch (const std::system_error&) {
        return nullptr;
    }
    sqlite3_wal_hook(s->writer, &State::on_commit, s.get());
    return std::unique_ptr<BackgroundCheckpoint>(new BackgroundCheckpoint(std::move(s)));
}

BackgroundCheckpoint::BackgroundCheckpoint(std::unique_ptr<State> s) : m_state(std::move(s)) {}

BackgroundCheckpoint::~BackgroundCheckpoint() {
    State& s = *m_state;
    sqlite3_wal_hook(s.writer, nullptr, nullptr);
    sqlite3_wal_autocheckpoint(s.writer, 1000);  // the writer may live on without us
    {
        std::lock_guard lock(s.m);
        s.stop = true;
    }
    s.cv.notify_all();
    if (s.thread.joinable()) s.thread.join();
}

void BackgroundCheckpoint::wait_idle() {
    std::unique_lock lock(m_state->m);
    m_state->idle_cv.wait(lock, [&] { return !m_state->due && !m_state->running; });
}

Result<void> truncate_wal(Database& writer, BackgroundCheckpoint* background) {
    BackgroundCheckpoint::State* s = background ? background->m_state.get() : nullptr;
    if (s) {
        std::unique_lock lock(s->m);
        ++s->held;
        s->idle_cv.wait(lock, [&] { return !s->running; });
    }
    int log = -1, done = -1;
    const int rc = sqlite3_wal_checkpoint_v2(writer.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    if (s) {
        {
            std::lock_guard lock(s->m);
            --s->held;
        }
        s->cv.notify_one();
    }
    if (rc != SQLITE_OK) return {rc == SQLITE_BUSY ? Error::Io : map_sqlite(rc), std::string("WAL checkpoint: ") + sqlite3_errstr(rc)};
    if (log != done) return {Error::Io, "WAL checkpoint: not every frame was copied"};
    return {};
}

}  // namespace quartier::sync
