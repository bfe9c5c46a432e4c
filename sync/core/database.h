// A thin RAII layer over SQLite: a connection, prepared statements, and the mapping of SQLite
// result codes onto sync::Error (no room to write is Full, other I/O errors are Io, damage is Corrupt).
#pragma once

#include "sync/core/error.h"

#include "crypto/crypto.h"

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace quartier::sync {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* s) : m_db(db), m_stmt(s) {}
    Statement(Statement&& o) noexcept;
    Statement& operator=(Statement&& o) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, crypto::ByteView blob);  // bound without copying: must outlive step()
    Statement& bind(int i, std::string_view text);
    // SQLITE_ROW → true; SQLITE_DONE → false; anything else → error.
    Result<bool> step();
    Result<void> run();  // step to completion, then reset
    void reset();
    // Binds `args` to ?1, ?2, … in order (each as bind(i, arg) would).
    template <class... Args>
    Statement& bind_all(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }
    // Runs `f(*this)` for every remaining row. `f` returns nothing, or a Result<void>: the first
    // error, of a step or of `f`, stops the scan and is returned.
    template <class F>
    Result<void> each(F&& f) {
        for (;;) {
            auto row = step();
            if (!row) return row.failure();
            if (!*row) return {};
            if constexpr (std::is_void_v<decltype(f(*this))>) {
                f(*this);
            } else if (auto r = f(*this); !r) {
                return r;
            }
        }
    }
    // The next row read by `read(*this)`, or nullopt if there is none; the statement is reset.
    template <class Read>
    auto first(Read read) -> Result<std::optional<decltype(read(*this))>> {
        using Row = decltype(read(*this));
        auto row = step();
        if (!row) return row.failure();
        std::optional<Row> out;
        if (*row) out.emplace(read(*this));
        reset();
        return out;
    }
    // Every remaining row, each read by `read(*this)` into a vector.
    template <class Read>
    auto rows(Read read) -> Result<std::vector<decltype(read(*this))>> {
        std::vector<decltype(read(*this))> out;
        if (auto r = each([&](Statement& s) { out.push_back(read(s)); }); !r) return r.failure();
        return out;
    }

    std::int64_t int64(int col) const;
    crypto::ByteView blob(int col) const;
    std::string text(int col) const;
    bool is_null(int col) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

class Database {
public:
    Database() = default;
    Database(Database&& o) noexcept;
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Opens (creating if `create`) with the pragmas of docs/architecture.md §6: WAL, secure_delete, temp
    // store in memory, synchronous FULL (a write that returned survives power loss too).
    static Result<Database> open(const std::filesystem::path& file, bool create);

    Result<void> exec(const char* sql);
    Result<Statement> prepare(const char* sql);
    // Prepares every statement of `statements` into its target; the first that fails to prepare
    // ends it with its error (the targets before it keep theirs).
    Result<void> prepare_all(std::initializer_list<std::pair<Statement*, const char*>> statements);
    // `sql` prepared, with `args` bound to ?1, ?2, … (Statement::bind_all).
    template <class... Args>
    Result<Statement> query(const char* sql, const Args&... args) {
        auto s = prepare(sql);
        if (s) s->bind_all(args...);
        return s;
    }
    // Runs `sql` with `args` bound to completion (an INSERT, UPDATE or DELETE).
    template <class... Args>
    Result<void> run(const char* sql, const Args&... args) {
        auto s = query(sql, args...);
        if (!s) return s.failure();
        return s->run();
    }
    // Runs `f` for every row of `sql` with `args` bound (Statement::each).
    template <class F, class... Args>
    Result<void> each(const char* sql, F&& f, const Args&... args) {
        auto s = query(sql, args...);
        if (!s) return s.failure();
        return s->each(std::forward<F>(f));
    }
    std::int64_t last_insert_rowid() const;
    // A transaction is open (BEGIN without COMMIT or ROLLBACK yet).
    bool in_transaction() const;
    std::string message() const;
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

// Runs a database's WAL checkpoints on a thread with a connection of its own, instead of inside
// whichever commit crosses SQLite's automatic threshold (which copies the WAL into the database
// file, and syncs it, before that commit returns). Used by the device store and the server.
// States:
//   idle    --a commit of the writer leaves >= kWakeFrames frames in the WAL--> due (thread woken)
//   due     --the thread runs a PASSIVE checkpoint on its own connection--> idle
// Invariants: a commit never waits for a checkpoint, unless the WAL has grown to kForceFrames
// (the thread cannot keep up, or one huge transaction): then the committing connection
// checkpoints itself, as the automatic checkpoint would, so the WAL stays bounded. Durability is
// the WAL's, whichever connection copies frames later. A PASSIVE checkpoint never waits; an
// explicit TRUNCATE checkpoint of the writer waits for a running one through its busy timeout.
// The thread takes no process signals. The object must be destroyed before the writer closes:
// its destructor removes the hook, stops and joins the thread and closes its connection.
class BackgroundCheckpoint {
public:
    static constexpr int kWakeFrames = 1000;
    static constexpr int kForceFrames = 16 * kWakeFrames;
    // Replaces the writer's automatic checkpoint (a WAL hook too). nullptr if no second connection
    // or no thread could be had: then the automatic checkpoint stays as it was.
    static std::unique_ptr<BackgroundCheckpoint> attach(Database& writer, const std::filesystem::path& file);
    ~BackgroundCheckpoint();
    BackgroundCheckpoint(const BackgroundCheckpoint&) = delete;
    BackgroundCheckpoint& operator=(const BackgroundCheckpoint&) = delete;
    // Blocks until nothing is due or running (tests).
    void wait_idle();

private:
    friend Result<void> truncate_wal(Database& writer, BackgroundCheckpoint* background);
    struct State;
    explicit BackgroundCheckpoint(std::unique_ptr<State> s);
    std::unique_ptr<State> m_state;
};

// Copies every WAL frame into the database file and empties the WAL file (a TRUNCATE checkpoint),
// with `background` (may be null) held off meanwhile: secure deletion depends on it, since the
// WAL holds the pages as they were before secure_delete overwrote them. Io if SQLite could not
// checkpoint every frame (a `PRAGMA wal_checkpoint` would only say so in a result row).
Result<void> truncate_wal(Database& writer, BackgroundCheckpoint* background);

// The value of row `key` in the store's `meta` table (k TEXT PRIMARY KEY, v BLOB), or nullopt.
// Shared by the store and its audit log, which keep their bookkeeping there.
Result<std::optional<crypto::Bytes>> read_meta(Database& db, const char* key);

// Error from a SQLite result code: SQLITE_FULL → Full, SQLITE_CORRUPT/NOTADB → Corrupt,
// SQLITE_BUSY/LOCKED → Busy, the rest → Io. Statements and exec() also map a write refused with
// EDQUOT or EFBIG (a quota, the file size limit) to Full.
Error map_sqlite(int code);

// RAII transaction: rolls back unless commit() succeeded.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& o) noexcept : m_db(o.m_db) { o.m_db = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Result<void> commit();

private:
    explicit Transaction(Database& db) : m_db(&db) {}
    Database* m_db;
};

}  // namespace quartier::sync
