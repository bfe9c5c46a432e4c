#include "sqlite_storage.h"

#include <algorithm>
#include <sqlite3.h>

#include <set>

namespace quartier::sync::server {

namespace {
constexpr int kSchemaVersion = 3;  // 2: escrow wraps and shred confirmations; 3: envelopes.dev_seq

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS directory(seq INTEGER PRIMARY KEY, entry TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS offers(
  hash BLOB PRIMARY KEY, name TEXT NOT NULL, expires INTEGER NOT NULL, created_by BLOB NOT NULL,
  used INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS enrol_requests(
  offer BLOB PRIMARY KEY REFERENCES offers(hash), device BLOB NOT NULL, sign_pk BLOB NOT NULL,
  box_pk BLOB NOT NULL, name TEXT NOT NULL, time INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS grants(
  scope BLOB NOT NULL, epoch INTEGER NOT NULL, device BLOB NOT NULL, grant_json TEXT NOT NULL,
  PRIMARY KEY(scope, epoch, device));
CREATE INDEX IF NOT EXISTS grants_by_device ON grants(device);
CREATE TABLE IF NOT EXISTS commits(id BLOB PRIMARY KEY, author BLOB NOT NULL, bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS scopes(scope BLOB PRIMARY KEY, last_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS envelopes(
  id INTEGER PRIMARY KEY, scope BLOB NOT NULL, seq INTEGER NOT NULL, op BLOB NOT NULL UNIQUE,
  author BLOB NOT NULL, epoch INTEGER NOT NULL, hlc INTEGER NOT NULL,
  commit_id BLOB NOT NULL REFERENCES commits(id), bytes BLOB NOT NULL, dev_seq INTEGER NOT NULL DEFAULT 0,
  UNIQUE(scope, seq));
CREATE INDEX IF NOT EXISTS envelopes_by_author ON envelopes(author, dev_seq);
CREATE INDEX IF NOT EXISTS envelopes_by_author_hlc ON envelopes(author, hlc);
CREATE TABLE IF NOT EXISTS device_stats(
  device BLOB PRIMARY KEY, last_sync INTEGER NOT NULL, bytes_in INTEGER NOT NULL,
  bytes_out INTEGER NOT NULL, pushed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS escrow_wraps(
  scope BLOB NOT NULL, epoch INTEGER NOT NULL, uploader BLOB NOT NULL, wrap_json TEXT NOT NULL,
  PRIMARY KEY(scope, epoch, uploader));
CREATE TABLE IF NOT EXISTS shred_confirmations(
  scope BLOB NOT NULL, device BLOB NOT NULL, time INTEGER NOT NULL, confirmation TEXT NOT NULL,
  PRIMARY KEY(scope, device));
)sql";

template <std::size_t N>
std::array<std::uint8_t, N> fixed(crypto::ByteView v) {
    std::array<std::uint8_t, N> a{};
    if (v.size() == N) std::copy(v.begin(), v.end(), a.begin());
    return a;
}

EnrolRequest read_request(const Statement& s) {
    EnrolRequest r;
    r.offer = fixed<32>(s.blob(0));
    r.device = fixed<16>(s.blob(1));
    r.sign_pk = fixed<32>(s.blob(2));
    r.box_pk = fixed<32>(s.blob(3));
    r.name = s.text(4);
    r.time_ms = std::uint64_t(s.int64(5));
    return r;
}

// Schema 3 (docs/protocol.md, GET /v1/devices/seq): envelopes stored by an older server gain
// their device sequence number, read from the clear header they carry (crypto/envelope.h: bytes
// 65..72, big-endian). Runs inside the upgrade's transaction, before the schema's index on it.
Result<void> add_dev_seq(Database& db) {
    if (auto r = db.exec("ALTER TABLE envelopes ADD COLUMN dev_seq INTEGER NOT NULL DEFAULT 0"); !r) return r;
    std::vector<std::pair<std::int64_t, std::uint64_t>> seqs;  // read first: no update under a running scan
    if (auto r = db.each("SELECT id, substr(bytes, 66, 8) FROM envelopes WHERE length(bytes) >= 101",
                         [&](Statement& row) {
                             std::uint64_t n = 0;
                             for (std::uint8_t b : row.blob(1)) n = (n << 8) | b;
                             seqs.emplace_back(row.int64(0), n);
                         });
        !r)
        return r;
    auto set = db.prepare("UPDATE envelopes SET dev_seq = ?2 WHERE id = ?1");
    if (!set) return set.failure();
    for (const auto& [id, n] : seqs)
        if (auto r = set->bind(1, id).bind(2, std::int64_t(std::min<std::uint64_t>(n, INT64_MAX))).run(); !r) return r;
    return {};
}

StoredGrant read_grant(const Statement& s) {
    StoredGrant g;
    g.scope = fixed<16>(s.blob(0));
    g.epoch = std::uint32_t(s.int64(1));
    g.device = fixed<16>(s.blob(2));
    g.json = s.text(3);
    return g;
}
// Rows of `sql` (an INSERT with ?1..?4: scope, epoch, an id, the JSON), all in one transaction.
template <class Row, class Id>
Result<void> insert_all(Database& db, const char* sql, const std::vector<Row>& rows, Id Row::*id) {
    auto tx = Transaction::begin(db);
    if (!tx) return tx.failure();
    auto s = db.prepare(sql);
    if (!s) return s.failure();
    for (const Row& row : rows)
        if (auto r = s->bind(1, row.scope).bind(2, std::int64_t(row.epoch)).bind(3, row.*id).bind(4, std::string_view(row.json)).run(); !r)
            return r;
    return tx->commit();
}
}  // namespace

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const std::filesystem::path& file, bool create) {
    std::error_code ec;
    if (!create && !std::filesystem::exists(file, ec)) return {Error::NotFound, "no server database at " + file.string()};
    auto db = Database::open(file, create);
    if (!db) return db.failure();
    auto version = db->prepare("PRAGMA user_version");
    if (!version) return version.failure();
    auto row = version->step();
    if (!row) return row.failure();
    const std::int64_t v = *row ? version->int64(0) : 0;
    version->reset();
    if (v > kSchemaVersion) return {Error::Unsupported, "server database schema " + std::to_string(v) + " is newer than this build"};
    if (v < kSchemaVersion) {
        auto tx = Transaction::begin(*db);
        if (!tx) return tx.failure();
        if (v >= 1 && v < 3)  // a table from before dev_seq: the column first, then the schema's index on it
            if (auto r = add_dev_seq(*db); !r) return r.failure();
        if (auto r = db->exec(kSchema); !r) return r.failure();
        if (auto r = db->exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str()); !r) return r.failure();
        if (auto r = tx->commit(); !r) return r.failure();
    }
    return std::unique_ptr<SqliteStorage>(new SqliteStorage(std::move(*db), file));
}

Result<std::uint64_t> SqliteStorage::set_max_bytes(std::uint64_t bytes) {
    auto size = m_db.prepare("PRAGMA page_size");
    if (!size) return size.failure();
    auto row = size->step();
    if (!row) return row.failure();
    const std::uint64_t page = *row ? std::uint64_t(size->int64(0)) : 4096;
    if (page == 0) return {Error::Corrupt, "page size 0"};
    const std::string sql = "PRAGMA max_page_count = " + std::to_string(std::max<std::uint64_t>(bytes / page, 1));
    auto cap = m_db.prepare(sql.c_str());
    if (!cap) return cap.failure();
    auto got = cap->step();
    if (!got) return got.failure();
    return *got ? std::uint64_t(cap->int64(0)) * page : 0;
}

SqliteStorage::SqliteStorage(Database db, const std::filesystem::path& file)
    : m_db(std::move(db)), m_checkpoint(BackgroundCheckpoint::attach(m_db, file)) {}

SqliteStorage::~SqliteStorage() {
    m_checkpoint.reset();  // before m_db closes (which checkpoints what is left)
}

void SqliteStorage::wait_checkpoint_idle() {
    if (m_checkpoint) m_checkpoint->wait_idle();
}

Result<void> SqliteStorage::set_meta(std::string_view key, crypto::ByteView value) {
    return m_db.run("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
}

Result<std::optional<Bytes>> SqliteStorage::get_meta(std::string_view key) {
    auto s = m_db.query("SELECT value FROM meta WHERE key = ?1", key);
    if (!s) return s.failure();
    return s->first([](const Statement& r) { return Bytes(r.blob(0).begin(), r.blob(0).end()); });
}

Result<void> SqliteStorage::initialise(const Id16& server_id, const Hash32& bootstrap_hash) {
    auto tx = Transaction::begin(m_db);
    if (!tx) return tx.failure();
    auto existing = get_meta("server_id");
    if (!existing) return existing.failure();
    if (*existing) return {Error::AlreadyExists, "the server is already initialised"};
    if (auto r = set_meta("server_id", server_id); !r) return r;
    if (auto r = set_meta("bootstrap_hash", bootstrap_hash); !r) return r;
    return tx->commit();
}

Result<ServerMeta> SqliteStorage::meta() {
    ServerMeta m;
    auto id = get_meta("server_id");
    if (!id) return id.failure();
    if (!*id || (*id)->size() != 16) return {Error::NotFound, "the server is not initialised"};
    m.server_id = fixed<16>(**id);
    auto boot = get_meta("bootstrap_hash");
    if (!boot) return boot.failure();
    if (*boot && (*boot)->size() == 32) m.bootstrap_hash = fixed<32>(**boot);
    auto org = get_meta("org");
    if (!org) return org.failure();
    if (*org && (*org)->size() == 16) m.org = fixed<16>(**org);
    return m;
}

Result<std::vector<std::string>> SqliteStorage::directory() {
    std::vector<std::string> out;
    if (auto r = m_db.each("SELECT seq, entry FROM directory ORDER BY seq", [&](Statement& row) -> Result<void> {
            if (std::uint64_t(row.int64(0)) != out.size()) return {Error::Corrupt, "directory log has a gap"};
            out.push_back(row.text(1));
            return {};
        });
        !r)
        return r.failure();
    return out;
}

Result<void> SqliteStorage::found_org(const Id16& org, const std::vector<std::string>& entries) {
    auto tx = Transaction::begin(m_db);
    if (!tx) return tx.failure();
    auto existing = get_meta("org");
    if (!existing) return existing.failure();
    if (*existing) return {Error::AlreadyExists, "an organisation is already founded"};
    auto ins = m_db.prepare("INSERT INTO directory(seq, entry) VALUES(?1, ?2)");
    if (!ins) return ins.failure();
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (auto r = ins->bind(1, std::int64_t(i)).bind(2, std::string_view(entries[i])).run(); !r) return r;
    if (auto r = set_meta("org", org); !r) return r;
    if (auto r = m_db.exec("DELETE FROM meta WHERE key = 'bootstrap_hash'"); !r) return r;
    return tx->commit();
}

Result<void> SqliteStorage::append_directory(std::uint64_t seq, const std::string& entry_json) {
    auto tx = Transaction::begin(m_db);
    if (!tx) return tx.failure();
    auto s = m_db.prepare("INSERT INTO directory(seq, entry) VALUES(?1, ?2) ON CONFLICT(seq) DO NOTHING");
    if (!s) return s.failure();
    if (auto r = s->bind(1, std::int64_t(seq)).bind(2, std::string_view(entry_json)).run(); !r) return r;
    if (sqlite3_changes(m_db.handle()) == 0) return {Error::AlreadyExists, "directory seq already taken"};
    return tx->commit();
}

Result<void> SqliteStorage::put_offer(const Offer& o) {
    auto s = m_db.prepare("INSERT INTO offers(hash, name, expires, created_by, used) VALUES(?1, ?2, ?3, ?4, ?5) "
                          "ON CONFLICT(hash) DO NOTHING");
    if (!s) return s.failure();
    if (auto r = s->bind(1, o.hash).bind(2, std::string_view(o.name)).bind(3, std::int64_t(o.expires_ms))
                     .bind(4, o.created_by).bind(5, std::int64_t(o.used)).run();
        !r)
        return r;
    if (sqlite3_changes(m_db.handle()) == 0) return {Error::AlreadyExists, "offer already stored"};
    return {};
}

Result<std::optional<Offer>> SqliteStorage::offer(const Hash32& hash) {
    auto s = m_db.query("SELECT name, expires, created_by, used FROM offers WHERE hash = ?1", hash);
    if (!s) return s.failure();
    return s->first([&](const Statement& r) {
        Offer o;
        o.hash = hash;
        o.name = r.text(0);
        o.expires_ms = std::uint64_t(r.int64(1));
        o.created_by = fixed<16>(r.blob(2));
        o.used = r.int64(3) != 0;
        return o;
    });
}

Result<void> SqliteStorage::add_request(const EnrolRequest& q) {
    auto tx = Transaction::begin(m_db);
    if (!tx) return tx.failure();
    auto use = m_db.prepare("UPDATE offers SET used = 1 WHERE hash = ?1 AND used = 0");
    if (!use) return use.failure();
    if (auto r = use->bind(1, q.offer).run(); !r) return r;
    if (sqlite3_changes(m_db.handle()) == 0) return {Error::AlreadyExists, "offer unknown or already used"};
    auto ins = m_db.prepare("INSERT INTO enrol_requests(offer, device, sign_pk, box_pk, name, time) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!ins) return ins.failure();
    if (auto r = ins->bind(1, q.offer).bind(2, q.device).bind(3, q.sign_pk).bind(4, q.box_pk)
                     .bind(5, std::string_view(q.name)).bind(6, std::int64_t(q.time_ms)).run();
        !r)
        return r;
    return tx->commit();
}

Result<std::optional<EnrolRequest>> SqliteStorage::request_for(const Hash32& offer) {
    auto s = m_db.query("SELECT offer, device, sign_pk, box_pk, name, time FROM enrol_requests WHERE offer = ?1", offer);
    if (!s) return s.failure();
    return s->first(read_request);
}

Result<std::vector<EnrolRequest>> SqliteStorage::requests() {
    auto s = m_db.prepare("SELECT offer, device, sign_pk, box_pk, name, time FROM enrol_requests ORDER BY time, rowid");
    if (!s) return s.failure();
    return s->rows(read_request);
}

Result<void> SqliteStorage::put_grants(const std::vector<StoredGrant>& grants) {
    return insert_all(m_db,
                      "INSERT INTO grants(scope, epoch, device, grant_json) VALUES(?1, ?2, ?3, ?4) "
                      "ON CONFLICT(scope, epoch, device) DO UPDATE SET grant_json = excluded.grant_json",
                      grants, &StoredGrant::device);
}

Result<std::vector<StoredGrant>> SqliteStorage::grants_for(const DeviceId& device) {
    auto s = m_db.query("SELECT scope, epoch, device, grant_json FROM grants WHERE device = ?1 ORDER BY scope, epoch", device);
    if (!s) return s.failure();
    return s->rows(read_grant);
}

Result<std::vector<StoredGrant>> SqliteStorage::all_grants() {
    auto s = m_db.prepare("SELECT scope, epoch, device, grant_json FROM grants ORDER BY device, scope, epoch");
    if (!s) return s.failure();
    return s->rows(read_grant);
}

Result<PushOutcome> SqliteStorage::push(const std::vector<PushGroup>& groups) {
    auto tx = Transaction::begin(m_db);
    if (!tx) return tx.failure();
    Statement known, have, add_commit, last, bump, ins;
    if (auto r = m_db.prepare_all({
            {&known, "SELECT 1 FROM envelopes WHERE op = ?1"},
            {&have, "SELECT bytes FROM commits WHERE id = ?1"},
            {&add_commit, "INSERT INTO commits(id, author, bytes) VALUES(?1, ?2, ?3)"},
            {&last, "SELECT last_seq FROM scopes WHERE scope = ?1"},
            {&bump, "INSERT INTO scopes(scope, last_seq) VALUES(?1, ?2) "
                    "ON CONFLICT(scope) DO UPDATE SET last_seq = excluded.last_seq"},
            {&ins, "INSERT INTO envelopes(scope, seq, op, author, epoch, hlc, commit_id, bytes, dev_seq) "
                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
        });
        !r)
        return r.failure();

    PushOutcome out;
    std::set<crypto::OpId> seen;             // op ids of this push so far
    std::map<ScopeId, std::uint64_t> heads;  // current last seq per scope of this push
    std::vector<bool> fresh;
    for (const PushGroup& g : groups) {
        // Which envelopes are new: not stored, and not an earlier op id of this same push.
        fresh.assign(g.envelopes.size(), false);
        std::size_t n_new = 0;
        for (std::size_t i = 0; i < g.envelopes.size(); ++i) {
            if (!seen.insert(g.envelopes[i].op).second) continue;
            known.bind(1, g.envelopes[i].op);
            auto row = known.step();
            known.reset();
            if (!row) return row.failure();
            if (!*row) {
                fresh[i] = true;
                ++n_new;
            }
        }

        if (n_new > 0) {
            have.bind(1, g.commit.id);
            auto row = have.step();
            if (!row) return row.failure();
            if (*row) {
                const auto b = have.blob(0);
                if (!std::equal(b.begin(), b.end(), g.commit.bytes.begin(), g.commit.bytes.end()))
                    return {Error::AlreadyExists, "another commit with this id is stored"};
            } else {
                if (auto r = add_commit.bind(1, g.commit.id).bind(2, g.commit.author).bind(3, g.commit.bytes).run(); !r)
                    return r.failure();
            }
            have.reset();
        }

        for (std::size_t i = 0; i < g.envelopes.size(); ++i) {
            const EnvelopeRecord& e = g.envelopes[i];
            auto it = heads.find(e.scope);
            if (it == heads.end()) {
                last.bind(1, e.scope);
                auto row = last.step();
                if (!row) return row.failure();
                const std::uint64_t h = *row ? std::uint64_t(last.int64(0)) : 0;
                last.reset();
                it = heads.emplace(e.scope, h).first;
                out.fresh.emplace(e.scope, 0);
            }
            if (!fresh[i]) {
                ++out.duplicates;
                continue;
            }
            const std::uint64_t seq = ++it->second;
            if (auto r = ins.bind(1, e.scope).bind(2, std::int64_t(seq)).bind(3, e.op).bind(4, e.author)
                             .bind(5, std::int64_t(e.epoch)).bind(6, std::int64_t(e.hlc)).bind(7, g.commit.id)
                             .bind(8, e.bytes).bind(9, std::int64_t(std::min<std::uint64_t>(e.dev_seq, INT64_MAX))).run();
                !r)
                return r.failure();
            ++out.accepted;
            ++out.fresh[e.scope];
        }
    }
    for (const auto& [scope, seq] : heads)
        if (auto r = bump.bind(1, scope).bind(2, std::int64_t(seq)).run(); !r) return r.failure();
    if (auto r = tx->commit(); !r) return r.failure();
    out.last_seq = std::move(heads);
    return out;
}

Result<std::optional<Id16>> SqliteStorage::op_at(const ScopeId& scope, std::uint64_t seq) {
    auto s = m_db.query("SELECT op FROM envelopes WHERE scope = ?1 AND seq = ?2", scope, std::int64_t(seq));
    if (!s) return s.failure();
    auto row = s->step();
    if (!row) return row.failure();
    if (!*row || s->blob(0).size() != 16) return std::optional<Id16>{};
    Id16 op{};
    std::copy(s->blob(0).begin(), s->blob(0).end(), op.begin());
    return std::optional<Id16>(op);
}

Result<PullPage> SqliteStorage::pull(const ScopeId& scope, std::uint64_t since, std::size_t limit, std::size_t max_bytes) {
    PullPage page;
    page.next = since;
    auto s = m_db.prepare("SELECT seq, bytes, commit_id FROM envelopes WHERE scope = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
    if (!s) return s.failure();
    s->bind(1, scope).bind(2, std::int64_t(std::min<std::uint64_t>(since, INT64_MAX))).bind(3, std::int64_t(limit));
    std::size_t bytes = 0;
    for (;;) {
        if (!page.items.empty() && bytes >= max_bytes) break;
        auto row = s->step();
        if (!row) return row.failure();
        if (!*row) break;
        PullItem item;
        item.seq = std::uint64_t(s->int64(0));
        const auto b = s->blob(1);
        item.envelope.assign(b.begin(), b.end());
        item.commit = fixed<16>(s->blob(2));
        bytes += item.envelope.size();
        page.next = item.seq;
        page.items.push_back(std::move(item));
    }
    s->reset();

    auto c = m_db.prepare("SELECT bytes FROM commits WHERE id = ?1");
    if (!c) return c.failure();
    for (const auto& item : page.items) {
        if (page.commits.count(item.commit)) continue;
        c->bind(1, item.commit);
        auto row = c->step();
        if (!row) return row.failure();
        if (!*row) return {Error::Corrupt, "an envelope references a missing commit"};
        const auto b = c->blob(0);
        page.commits.emplace(item.commit, Bytes(b.begin(), b.end()));
        c->reset();
    }

    auto last = m_db.query("SELECT last_seq FROM scopes WHERE scope = ?1", scope);
    if (!last) return last.failure();
    auto row = last->step();
    if (!row) return row.failure();
    page.more = *row && std::uint64_t(last->int64(0)) > page.next;
    return page;
}

Result<std::uint64_t> SqliteStorage::last_device_seq(const DeviceId& device) {
    auto s = m_db.query("SELECT max(dev_seq) FROM envelopes WHERE author = ?1", device);  // envelopes_by_author
    if (!s) return s.failure();
    auto row = s->step();
    if (!row) return row.failure();
    return *row && !s->is_null(0) ? std::uint64_t(s->int64(0)) : std::uint64_t(0);
}

Result<std::uint64_t> SqliteStorage::envelope_count() {
    auto s = m_db.prepare("SELECT count(*) FROM envelopes");
    if (!s) return s.failure();
    auto row = s->step();
    if (!row) return row.failure();
    return std::uint64_t(s->int64(0));
}

Result<std::map<ScopeId, std::uint64_t>> SqliteStorage::last_seqs(const std::vector<ScopeId>& scopes) {
    auto s = m_db.prepare("SELECT last_seq FROM scopes WHERE scope = ?1");
    if (!s) return s.failure();
    std::map<ScopeId, std::uint64_t> out;
    for (const ScopeId& scope : scopes) {
        s->bind(1, scope);
        auto row = s->step();
        if (!row) return row.failure();
        out[scope] = *row ? std::uint64_t(s->int64(0)) : 0;
        s->reset();
    }
    return out;
}

Result<std::vector<AuthorOp>> SqliteStorage::author_ops(const DeviceId& author, std::uint64_t lo, std::uint64_t hi,
                                                        std::uint64_t after) {
    auto clamp = [](std::uint64_t v) { return std::int64_t(std::min<std::uint64_t>(v, INT64_MAX)); };
    // Two index ranges (envelopes_by_author, envelopes_by_author_hlc), not one scan of the author's ops.
    auto s = m_db.prepare("SELECT dev_seq, op, hlc FROM envelopes WHERE author = ?1 AND dev_seq BETWEEN max(?2, 1) AND ?3 "
                          "UNION SELECT dev_seq, op, hlc FROM envelopes WHERE author = ?1 AND hlc > ?4 AND dev_seq > 0 "
                          "ORDER BY 1");
    if (!s) return s.failure();
    s->bind(1, author).bind(2, clamp(lo)).bind(3, clamp(hi)).bind(4, clamp(after));
    return s->rows([&](Statement& r) { return AuthorOp{std::uint64_t(r.int64(0)), fixed<16>(r.blob(1)), std::uint64_t(r.int64(2))}; });
}

Result<void> SqliteStorage::record_sync(const DeviceId& device, std::uint64_t time_ms, std::uint64_t bytes_in,
                                        std::uint64_t bytes_out, std::uint64_t pushed) {
    auto s = m_db.prepare(
        "INSERT INTO device_stats(device, last_sync, bytes_in, bytes_out, pushed) VALUES(?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(device) DO UPDATE SET last_sync = excluded.last_sync, bytes_in = bytes_in + excluded.bytes_in, "
        "bytes_out = bytes_out + excluded.bytes_out, pushed = pushed + excluded.pushed");
    if (!s) return s.failure();
    // Statistics only, written after every push and pull: committed without waiting for the disk
    // (synchronous=NORMAL for this statement; WAL keeps the file consistent, and the next FULL
    // commit makes it durable too). A power loss can forget the last few statistics, never an
    // envelope, commit, grant or directory entry, whose transactions stay synchronous=FULL.
    // Saves an fsync per request: most of a small pull's time (bench/sync_bench.cpp).
    if (auto r = m_db.exec("PRAGMA synchronous=NORMAL"); !r) return r;
    auto r = s->bind(1, device).bind(2, std::int64_t(time_ms)).bind(3, std::int64_t(bytes_in)).bind(4, std::int64_t(bytes_out))
                 .bind(5, std::int64_t(pushed)).run();
    if (auto f = m_db.exec("PRAGMA synchronous=FULL"); !f) return f;
    return r;
}

Result<std::vector<DeviceStats>> SqliteStorage::device_stats() {
    auto s = m_db.prepare("SELECT device, last_sync, bytes_in, bytes_out, pushed FROM device_stats ORDER BY device");
    if (!s) return s.failure();
    return s->rows([](const Statement& r) {
        return DeviceStats{fixed<16>(r.blob(0)), std::uint64_t(r.int64(1)), std::uint64_t(r.int64(2)), std::uint64_t(r.int64(3)),
                           std::uint64_t(r.int64(4))};
    });
}

// ---------------------------------------------------------------------------------------------
// Retention

Result<void> SqliteStorage::put_escrow_wraps(const std::vector<StoredEscrowWrap>& wraps) {
    return insert_all(m_db,
                      "INSERT INTO escrow_wraps(scope, epoch, uploader, wrap_json) VALUES(?1, ?2, ?3, ?4) "
                      "ON CONFLICT(scope, epoch, uploader) DO UPDATE SET wrap_json = excluded.wrap_json",
                      wraps, &StoredEscrowWrap::uploader);
}

Result<std::vector<StoredEscrowWrap>> SqliteStorage::escrow_wraps(const ScopeId& scope) {
    auto s = m_db.query("SELECT epoch, uploader, wrap_json FROM escrow_wraps WHERE scope = ?1 ORDER BY epoch, uploader", scope);
    if (!s) return s.failure();
    return s->rows([&](Statement& r) { return StoredEscrowWrap{scope, std::uint32_t(r.int64(0)), fixed<16>(r.blob(1)), r.text(2)}; });
}

Result<void> SqliteStorage::shred_scope(std::uint64_t seq, const std::string& entry_json, const ScopeId& scope) {
    {
        auto tx = Transaction::begin(m_db);
        if (!tx) return tx.failure();
        auto s = m_db.prepare("INSERT INTO directory(seq, entry) VALUES(?1, ?2) ON CONFLICT(seq) DO NOTHING");
        if (!s) return s.failure();
        if (auto r = s->bind(1, std::int64_t(seq)).bind(2, std::string_view(entry_json)).run(); !r) return r;
        if (sqlite3_changes(m_db.handle()) == 0) return {Error::AlreadyExists, "directory seq already taken"};
        for (const char* sql : {"DELETE FROM envelopes WHERE scope = ?1", "DELETE FROM grants WHERE scope = ?1",
                                "DELETE FROM escrow_wraps WHERE scope = ?1"})
            if (auto r = m_db.run(sql, scope); !r) return r;
        if (auto r = m_db.exec("DELETE FROM commits WHERE id NOT IN (SELECT commit_id FROM envelopes)"); !r) return r;
        if (auto r = tx->commit(); !r) return r;
    }
    // secure_delete overwrote the rows' pages; the WAL frames that held them go too (with the
    // checkpointer held off: a checkpoint running on its connection would make TRUNCATE give up).
    return truncate_wal(m_db, m_checkpoint.get());
}

Result<ScopeHoldings> SqliteStorage::holdings(const ScopeId& scope) {
    auto s = m_db.query("SELECT (SELECT count(*) FROM envelopes WHERE scope = ?1), (SELECT count(*) FROM grants WHERE scope = ?1), "
                        "(SELECT count(*) FROM escrow_wraps WHERE scope = ?1)",
                        scope);
    if (!s) return s.failure();
    auto row = s->step();
    if (!row) return row.failure();
    return ScopeHoldings{std::uint64_t(s->int64(0)), std::uint64_t(s->int64(1)), std::uint64_t(s->int64(2))};
}

Result<void> SqliteStorage::put_confirmation(const StoredConfirmation& c) {
    return m_db.run("INSERT INTO shred_confirmations(scope, device, time, confirmation) VALUES(?1, ?2, ?3, ?4) "
                    "ON CONFLICT(scope, device) DO UPDATE SET time = excluded.time, confirmation = excluded.confirmation",
                    c.scope, c.device, std::int64_t(c.time_ms), std::string_view(c.json));
}

Result<std::vector<StoredConfirmation>> SqliteStorage::confirmations() {
    auto s = m_db.prepare("SELECT scope, device, time, confirmation FROM shred_confirmations ORDER BY scope, time, device");
    if (!s) return s.failure();
    return s->rows([&](Statement& r) { return StoredConfirmation{fixed<16>(r.blob(0)), fixed<16>(r.blob(1)), std::uint64_t(r.int64(2)), r.text(3)}; });
}

}  // namespace quartier::sync::server
