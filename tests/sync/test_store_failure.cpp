// A store write that finds no room (a full disk, a quota, a file size limit) while the store is
// open: the write is refused with Error::Full and leaves nothing behind, memory keeps what was
// committed, later writes are refused (Failed) until recover() re-reads the database, and after
// that every acknowledged write is there and nothing of the refused one. The room is real:
// SQLite's own page limit on the store's connection (StoreOptions::max_bytes and
// Store::debug_set_max_bytes), or RLIMIT_FSIZE in a child process.
#include "sync/store/store.h"

#include "sync_fixture.h"
#include "support/filelimit.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <map>

using namespace quartier;
using namespace quartier::sync;
using quartier::test::TempDir;

namespace {
constexpr const char* kPass = "richtig-und-lang";

std::unique_ptr<Store> make_store(const TempDir& d) {
    auto s = Store::create(d.path(), kPass, test::kFastKdf);
    REQUIRE(s.ok());
    return std::move(*s);
}

std::unique_ptr<Store> reopen(const TempDir& d) {
    auto s = Store::open(d.path(), kPass);
    INFO((s.ok() ? std::string() : s.detail()));
    REQUIRE(s.ok());
    return std::move(*s);
}

// Every record with every head of every field, settings named in `keys`, and the audit head: what
// a write could have changed in memory.
std::string dump(const Store& s, const std::vector<std::string>& keys = {}) {
    std::string out = test::state_of(s);
    for (const auto& k : keys) out += "setting " + k + "=" + s.setting(k).value_or("<none>").substr(0, 40) + "\n";
    const auto st = s.status();
    out += "ops " + std::to_string(st.ops) + " pending " + std::to_string(st.pending) + "\n";
    return out;
}

std::string big(char c, std::size_t n = 100 * 1024) { return std::string(n, c); }

// The ways a write meets a full store, one per row.
enum class Site { OpWrite, Setting, Audit, Bulk };

const char* name_of(Site s) {
    switch (s) {
    case Site::OpWrite: return "op write (one Writer commit)";
    case Site::Setting: return "setting write";
    case Site::Audit: return "audit append";
    case Site::Bulk: return "bulk commit sealed on several threads";
    }
    return "?";
}

sync::Result<void> write_at(Store& s, Site site) {
    switch (site) {
    case Site::OpWrite: {
        Writer w(s);
        for (int i = 0; i < 3; ++i)
            if (auto r = w.set("note", "n" + std::to_string(i), "text", big('a' + char(i))); !r) return r.failure();
        return w.commit();
    }
    case Site::Setting: return s.set_setting("form_draft:c1", big('d', 200 * 1024));
    case Site::Audit: {
        std::vector<std::string> ids;  // 200 KB of record ids: four entries of at most 64 KB
        for (int i = 0; i < 1000; ++i) ids.push_back(std::to_string(i) + std::string(196, 'r'));
        return s.audit(AuditAction::Export, ids, {}, "a long listing");
    }
    case Site::Bulk: {
        Writer w(s);
        for (int i = 0; i < 600; ++i)
            if (auto r = w.set("doc", "d" + std::to_string(i), "body", std::string(900, 'b')); !r) return r.failure();
        return w.commit();
    }
    }
    return {};
}
}  // namespace

TEST_CASE("A write that finds the store full fails with Full, leaves nothing and recovers once there is room",
          "[store][full]") {
    const Site site = GENERATE(Site::OpWrite, Site::Setting, Site::Audit, Site::Bulk);
    INFO(name_of(site));
    TempDir d;
    const std::vector<std::string> keys = {"form_draft:c1", "worker"};
    std::string before;
    {
        auto s = make_store(d);
        Writer w(*s);
        REQUIRE(w.set("case", "c1", "name", "Familie Garstedt").ok());
        REQUIRE(w.set("case", "c1", "status", "offen").ok());
        REQUIRE(w.commit().ok());
        REQUIRE(s->set_setting("worker", "Frau Lind").ok());
        before = dump(*s, keys);
        const std::uint64_t generation = s->generation();

        const std::size_t audit_entries = s->status().audit_entries;
        REQUIRE(s->debug_set_max_bytes(1).ok());  // no page more than the store has now
        auto r = write_at(*s, site);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == Error::Full);
        REQUIRE(s->failed());
        REQUIRE(s->failure() == Error::Full);
        CHECK(dump(*s, keys) == before);  // memory as the last commit left it: reads go on
        CHECK(s->status().audit_entries == audit_entries);  // the chain did not grow either
        CHECK(s->get("c1")->value("name") == "Familie Garstedt");

        // No further write is tried while Failed: each is refused at once, still nothing written.
        Writer later(*s);
        CHECK(later.set("case", "c1", "status", "ruht").error() == Error::Failed);
        CHECK(s->set_setting("worker", "Herr Kuhn").error() == Error::Failed);
        CHECK(s->record_open("c1").error() == Error::Failed);
        CHECK(s->failure() == Error::Full);  // the first cause stays

        // Recovery on a disk still full: it reads only, so it succeeds; the next write fails again.
        REQUIRE(s->recover().ok());
        REQUIRE_FALSE(s->failed());
        CHECK(s->generation() > generation);  // every cache over the old records rebuilds
        CHECK(dump(*s, keys) == before);
        REQUIRE(write_at(*s, site).error() == Error::Full);
        REQUIRE(s->failure() == Error::Full);

        // Room again: recover, then the same write goes through.
        REQUIRE(s->debug_set_max_bytes(0).ok());
        REQUIRE(s->recover().ok());
        REQUIRE(write_at(*s, site).ok());
        before = dump(*s, keys);
    }
    // What the recovered store wrote is exactly what a fresh open folds, and the file verifies.
    auto s = reopen(d);
    CHECK(dump(*s, keys) == before);
    CHECK(s->verify().ok());
    auto chains = s->audit_chains();
    REQUIRE(chains.ok());
    CHECK_FALSE(chains->front().broken);
}

TEST_CASE("Fill, fail, free, recover: every acknowledged write is there and nothing of the refused ones",
          "[store][full]") {
    TempDir d;
    std::map<std::string, std::string> acknowledged;  // record id -> the value its commit returned ok for
    std::size_t refused = 0;
    {
        auto s = make_store(d);
        REQUIRE(s->debug_set_max_bytes(768 * 1024).ok());
        // Fill: records of 8 KB each until the store is full; then free the room, recover and go on.
        int n = 0;
        for (int round = 0; round < 3; ++round) {
            for (;;) {
                const std::string id = "r" + std::to_string(n);
                const std::string value = std::to_string(n) + big('v', 8 * 1024);
                Writer w(*s);
                REQUIRE(w.set("note", id, "text", value).ok());
                REQUIRE(w.set("note", id, "case_id", "c" + std::to_string(n % 5)).ok());
                auto r = w.commit();
                if (!r) {
                    REQUIRE(r.error() == Error::Full);
                    REQUIRE(s->failure() == Error::Full);
                    REQUIRE(s->get(id) == nullptr);  // not half-applied in memory
                    ++refused;
                    ++n;
                    break;
                }
                acknowledged[id] = value;
                ++n;
                REQUIRE(n < 10000);
            }
            const std::string seen = dump(*s);
            REQUIRE(s->debug_set_max_bytes((round + 2) * 768 * 1024).ok());  // space freed
            REQUIRE(s->recover().ok());
            REQUIRE(dump(*s) == seen);  // the re-read equals what memory held
        }
        REQUIRE(refused == 3);
        REQUIRE(acknowledged.size() > 100);
        // The same store object goes on writing after its recoveries.
        Writer w(*s);
        REQUIRE(w.set("note", "after", "text", "nach dem Aufräumen").ok());
        REQUIRE(w.commit().ok());
        acknowledged["after"] = "nach dem Aufräumen";
    }
    auto s = reopen(d);
    REQUIRE(s->verify().ok());
    for (const auto& [id, value] : acknowledged) {
        INFO(id);
        const Record* r = s->get(id);
        REQUIRE(r);
        CHECK(r->value("text") == value);
    }
    // Nothing else: the refused records are not in the file, not even as orphan ops.
    CHECK(s->list("note").size() == acknowledged.size());
    CHECK(s->status().ops == 2 * acknowledged.size() - 1);  // two ops per record, one for "after"
}

TEST_CASE("A commit whose WAL write hits the file size limit fails with Full and loses nothing", "[store][full]") {
    TempDir d;
    std::string before;
    std::uintmax_t db_bytes = 0;
    {
        auto s = make_store(d);
        Writer w(*s);
        REQUIRE(w.set("case", "c1", "name", "Familie Garstedt").ok());
        REQUIRE(w.commit().ok());
        before = test::state_of(*s);
    }  // closed: the WAL is checkpointed into store.db and removed
    db_bytes = std::filesystem::file_size(d / "store.db");
    // In a child that may write no file past store.db's size + 96 KB: the unlock's audit entry
    // fits into the WAL, the 300 KB commit does not. SQLite writes the WAL at COMMIT.
    const int code = test::in_child_with_file_limit(db_bytes + 96 * 1024, [&]() -> int {
        auto s = Store::open(d.path(), kPass);
        if (!s) return 10;
        Writer w(**s);
        for (int i = 0; i < 3; ++i)
            if (!w.set("note", "n" + std::to_string(i), "text", big('x')).ok()) return 11;
        auto r = w.commit();
        if (r.ok()) return 12;
        if (r.error() != Error::Full) return 20 + int(r.error());
        if ((*s)->failure() != Error::Full) return 13;
        if (test::state_of(**s) != before) return 14;  // memory untouched
        return 0;
    });
    REQUIRE(code == 0);
    auto s = reopen(d);
    CHECK(s->get("n0") == nullptr);
    CHECK(s->get("c1")->value("name") == "Familie Garstedt");
    CHECK(s->status().ops == 1);
    CHECK(s->verify().ok());
}

TEST_CASE("Recovery after a wipe is refused, and a store that is Open has nothing to recover", "[store][full]") {
    TempDir d;
    auto s = make_store(d);
    REQUIRE(s->recover().ok());  // Open: nothing to do
    REQUIRE_FALSE(s->failed());
    REQUIRE(s->wipe().ok());
    REQUIRE(s->failed());
    auto r = s->recover();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == Error::Failed);
    CHECK(s->failed());
}

TEST_CASE("A sync whose pulled page finds the store full stops with Full and pulls it again after recovery",
          "[sync][full]") {
    test::SyncFixture fx(2);
    test::Device& full = fx[0];
    test::Device& writer = fx[1];
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) ids.push_back(writer.set("", "text", big('p' + char(i)), &fx.team));
    writer.sync_ok();

    const std::int64_t cursor = full.store->cursor(fx.team);
    const std::string before = test::state_of(*full.store);
    std::size_t pulls = 0;
    full.transport.faults = [&](const Request& req) {
        if (req.path == "/v1/pull") ++pulls;
        return test::Fault::None;
    };
    REQUIRE(full.store->debug_set_max_bytes(1).ok());
    auto r = full.sync();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == Error::Full);
    REQUIRE(full.store->failure() == Error::Full);
    CHECK(pulls > 0);
    CHECK(full.store->cursor(fx.team) == cursor);  // the cursor did not move past what was not written
    CHECK(test::state_of(*full.store) == before);

    // A sync on the Failed store stops at once with Failed, and asks the server for nothing.
    const std::size_t requests = full.transport.requests;
    REQUIRE(full.sync().error() == Error::Failed);
    CHECK(full.transport.requests == requests);

    REQUIRE(full.store->debug_set_max_bytes(0).ok());
    REQUIRE(full.store->recover().ok());
    pulls = 0;
    full.sync_ok();
    CHECK(pulls > 0);  // fetched again
    for (const auto& id : ids) {
        INFO(id);
        REQUIRE(full.store->get(id));
        CHECK(full.store->get(id)->value("text")->size() == 100 * 1024);
    }
    fx.sync_all();
    fx.require_converged();
    full.reopen();
    CHECK(full.store->verify().ok());
    fx.require_converged();
}
