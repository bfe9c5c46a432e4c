// Sync that loses nothing (docs/reliability.md): requests lost at the worst moment, a server
// that forgets. Over the real server handler behind the fault-injecting fake transport.
#include "sync_fixture.h"

using namespace quartier;
using namespace quartier::test;

TEST_CASE("A key grant lost during a rotation is sent again: the remaining members are not blocked for good",
          "[sync][errors][keys]") {
    SyncFixture f(3);
    Device &admin = f[0], &colleague = f[1], &lost = f[2];
    const std::string before = colleague.set("", "name", "Familie vor der Rotation", &f.team);
    f.sync_all();

    // Every POST /v1/keys of the revoking sync fails (retries included); the member entries of
    // the new epoch were appended before it.
    int keys_fail = 1000;
    admin.transport.faults = [&](const Request& r) {
        if (r.method == "POST" && r.path == "/v1/keys" && keys_fail > 0) {
            --keys_fail;
            return Fault::Status500;
        }
        return Fault::None;
    };
    auto rep = revoke_device(*admin.store, *admin.client, lost.store->device().id(), false);
    CHECK_FALSE(rep.ok());  // the sync says it did not finish
    REQUIRE(admin.store->directory().latest_epoch(f.team) == 2);
    REQUIRE(admin.store->directory().is_member(f.team, 2, colleague.store->device().id()));

    keys_fail = 0;  // the network is back
    admin.sync_ok();
    colleague.sync_ok();
    colleague.sync_ok();
    CHECK(colleague.store->current_epoch(f.team) == 2);
    auto again = colleague.sync();
    REQUIRE(again.ok());
    CHECK(again->blocked_scopes.empty());
    const std::string after = admin.set("", "name", "Familie nach der Rotation", &f.team);
    admin.sync_ok();
    colleague.sync_ok();
    CHECK(colleague.store->get(after));
    CHECK(colleague.store->get(before));
}

namespace {
bool any_lost(const SyncReport& r) {
    return std::any_of(r.server_violations.begin(), r.server_violations.end(),
                       [](const std::string& v) { return v.find("lost ops") != std::string::npos; });
}
}  // namespace

TEST_CASE("A server restored from a backup is caught: every device says so and what it lost is pushed again",
          "[sync][errors][restore]") {
    SyncFixture f(3);
    Device &a = f[0], &b = f[1], &d = f[2];
    f.sync_all();
    TempDir backups;
    f.server.backup(backups.path() / "before.db");

    // A pushes gA (acknowledged), D pulls it. Then the server is restored from the backup.
    const std::string ga = a.set("", "name", "gA: nach der Sicherung", &f.team);
    a.sync_ok();
    d.sync_ok();
    REQUIRE(d.store->get(ga));
    f.server.restore(backups.path() / "before.db");

    // B pushes gB to the restored server: it takes the seq gA had.
    const std::string gb = b.set("", "name", "gB: nach der Wiederherstellung", &f.team);
    auto rb = b.sync();
    REQUIRE(rb.ok());

    // D's cursor is past the restored head: it notices, pulls again, and gets gB.
    auto rd = d.sync();
    REQUIRE(rd.ok());
    CHECK(any_lost(*rd));
    CHECK(d.store->get(gb));
    // A notices too and pushes gA again.
    auto ra = a.sync();
    REQUIRE(ra.ok());
    CHECK(any_lost(*ra));
    f.sync_all();
    for (Device* x : {&a, &b, &d}) {
        INFO(x->name);
        CHECK(x->store->get(ga));
        CHECK(x->store->get(gb));
        CHECK(x->store->status().pending == 0);
    }
    f.require_converged();
    // Nothing twice on the server.
    auto db = Database::open(f.server.dir() / "server.db", false);
    REQUIRE(db.ok());
    auto st = db->prepare("SELECT count(*), count(DISTINCT op) FROM envelopes");
    REQUIRE(st.ok());
    REQUIRE(*st->step());
    CHECK(st->int64(0) == st->int64(1));
}

TEST_CASE("A commit pushed again after a restore lists envelopes kept under their first one: the store verifies",
          "[sync][errors][restore][verify]") {
    // Found by tests/cli/crash_backup_restore.sh (docs/reliability.md, "Crash loops"): `verify`
    // reported "commit N lists an envelope that is missing" for envelopes the store held.
    SyncFixture f(3);
    Device &a = f[0], &late = f[2];
    f.sync_all();
    const std::string g1 = a.set("", "name", "g1: vor der Sicherung", &f.team);
    a.sync_ok();
    TempDir backups;
    f.server.backup(backups.path() / "mid.db");
    const std::string g2 = a.set("", "name", "g2: nach der Sicherung", &f.team);
    a.sync_ok();
    f.server.restore(backups.path() / "mid.db");
    // A notices the lost g2 and pushes g1 and g2 again, in one commit: the server takes g1 as a
    // duplicate (kept under its first commit) and g2 under the new one.
    auto ra = a.sync();
    REQUIRE(ra.ok());
    a.sync_ok();
    late.sync_ok();
    REQUIRE(late.store->get(g1));
    REQUIRE(late.store->get(g2));
    const VerifyReport v = late.store->verify();
    for (const auto& p : v.problems) UNSCOPED_INFO(p.error);
    CHECK(v.ok());
    CHECK(a.store->verify().ok());
}
