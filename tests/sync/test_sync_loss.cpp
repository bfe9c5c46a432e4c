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
