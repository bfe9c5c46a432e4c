// Records bound to their scope (docs/threat-model.md, "Records bound to their scope"): an insider
// who shares one scope with a victim (the team) and learnt the id of a record of a scope it cannot
// read (a case) writes ops under that id through the shared scope — later or backdated, set or
// delete. The victim's record must not change, move or leak; the reuse is reported. The attacker
// is the stock Writer on a store that simply lacks the case: what `quartier-cli put case <id>
// --scope <team>` does; no protection on the attacker's side is assumed.
#include "attacker.h"

#include "sync/core/database.h"

using namespace quartier;
using namespace quartier::test;

namespace {

// A case scope founded by `d` alone, registered at its next sync.
ScopeId found_case(Device& d) {
    auto s = d.store->create_scope();
    REQUIRE(s.ok());
    REQUIRE(d.store->set_setting("scope_kind:" + crypto::to_hex(*s), "case").ok());
    return *s;
}

// Every value the store can show or read back for `id`, in any scope, and every version of it.
std::string everything_about(const Store& s, const std::string& id) {
    std::string out;
    for (const Record* r : s.get_all(id))
        for (const auto& [name, f] : r->fields) {
            for (const auto& h : f.heads) out += name + "=" + h.value + "\n";
            auto hist = s.history(id, name, &r->scope);
            if (hist.ok())
                for (const auto& v : *hist) out += name + "~" + v.value + "\n";
        }
    return out;
}

// Every envelope the server stores and the scope it is filed under.
std::vector<std::pair<ScopeId, crypto::Bytes>> server_envelopes(const FakeServer& server) {
    auto db = Database::open(server.dir() / "server.db", false);
    REQUIRE(db.ok());
    auto st = db->prepare("SELECT scope, bytes FROM envelopes");
    REQUIRE(st.ok());
    std::vector<std::pair<ScopeId, crypto::Bytes>> out;
    while (*st->step()) {
        ScopeId sc{};
        std::copy(st->blob(0).begin(), st->blob(0).end(), sc.begin());
        out.emplace_back(sc, crypto::Bytes(st->blob(1).begin(), st->blob(1).end()));
    }
    return out;
}

}  // namespace

TEST_CASE("An op through a shared scope never changes or deletes a record of a scope its author cannot read",
          "[sync][security][scope]") {
    SyncFixture f(2);
    Device &owner = f[0], &insider = f[1];
    const ScopeId kase = found_case(owner);
    const std::string id = owner.set("", "name", "Familie Aydin", &kase);
    owner.sync_ok();
    REQUIRE(insider.store->current_epoch(kase) == 0);  // it cannot read the case

    // The insider knows the id and writes under it through the team, later than the owner.
    insider.clock_ms += 60'000;
    insider.set(id, "name", "ueberschrieben", &f.team);
    insider.sync_ok();
    owner.sync_ok();
    const Record* mine = owner.store->get(kase, id);
    REQUIRE(mine);
    CHECK(mine->scope == kase);
    CHECK_FALSE(mine->conflicted());
    CHECK(mine->value("name") == std::optional<std::string>("Familie Aydin"));

    // A delete whose parents are every head it could name: the owner's op among them.
    {
        Writer w(*insider.store);
        REQUIRE(w.remove(id, &f.team).ok());
        REQUIRE(w.commit().ok());
    }
    {
        Attacker attacker(f.server, *insider.store);
        OpPayload del{OpKind::Delete, "case", id, {}, {}, {}};
        for (const Record* r : owner.store->get_all(id))
            for (const OpId& h : r->all_heads()) del.parents.push_back(h);
        REQUIRE(attacker.push({attacker.forge(f.team, del, Hlc::make(insider.clock_ms + 120'000, 0), 900'000)}).status == 200);
    }
    insider.sync_ok();
    owner.sync_ok();
    mine = owner.store->get(kase, id);
    REQUIRE(mine);
    CHECK_FALSE(mine->deleted());
    CHECK_FALSE(mine->delete_conflict());
    CHECK(mine->value("name") == std::optional<std::string>("Familie Aydin"));
    CHECK(mine->op_count == 1);
    // The reuse is reported, and the id alone names no record any more: nothing reads or writes
    // either record by a bare id, which could pick the wrong one.
    const auto collisions = owner.store->collisions();
    REQUIRE(collisions.size() == 1);
    CHECK(collisions.front().record == id);
    CHECK(owner.store->get(id) == nullptr);
    CHECK(owner.store->status().problems >= 1);
    CHECK_FALSE(owner.store->verify().ok());
    Writer w(*owner.store);
    CHECK(w.set("case", id, "name", "x").error() == Error::InvalidArgument);
    CHECK(w.set("case", id, "name", "Familie Aydin-Kaya", &kase).ok());
    REQUIRE(w.commit().ok());
    CHECK(owner.store->get(kase, id)->value("name") == std::optional<std::string>("Familie Aydin-Kaya"));

    // The same after a checkpoint and a reopen: the state is the op log's, scope by scope.
    REQUIRE(owner.store->checkpoint().ok());
    owner.reopen();
    REQUIRE(owner.store->get(kase, id));
    CHECK(owner.store->get(kase, id)->value("name") == std::optional<std::string>("Familie Aydin-Kaya"));
    CHECK(owner.store->collisions().size() == 1);
}

TEST_CASE("A backdated op cannot move a record into a shared scope: the owner's next edit stays sealed under its own scope",
          "[sync][security][scope]") {
    SyncFixture f(2);
    Device &owner = f[0], &insider = f[1];
    const ScopeId kase = found_case(owner);
    const std::string id = owner.set("", "name", "Familie Brandt", &kase);
    owner.sync_ok();
    insider.sync_ok();

    // The insider's client signs an op for the case's id through the team, dated at the dawn of
    // time (on the old fold the earliest op decided the record's scope), and a compromised
    // server hands it to the owner whatever the server's own checks say.
    Attacker attacker(f.server, *insider.store);
    const crypto::Bytes forged = attacker.forge(f.team, OpPayload{OpKind::Set, "case", id, "name", {}, "Familie Brandt"},
                                                std::uint64_t(1) << 16, 1'000'000);
    auto parsed = crypto::parse_envelope(forged);
    REQUIRE(parsed.ok());
    const crypto::Commit commit = crypto::make_commit(insider.store->device(), {parsed->hash()});
    const std::int64_t at = owner.store->cursor(f.team) + 1;
    auto in = owner.store->ingest(f.team, {{commit.id, commit.serialize()}}, {PulledItem{at, forged, commit.id}}, at);
    REQUIRE(in.ok());
    REQUIRE(owner.store->get(kase, id));
    CHECK(owner.store->get(kase, id)->scope == kase);

    // The owner edits the case as the app does: the record it shows, under that record's scope.
    const std::string canary = "CANARY-scope-boundary-7f3a";
    {
        Writer w(*owner.store);
        const Record* shown = owner.store->get(kase, id);
        REQUIRE(shown);
        REQUIRE(w.set("case", id, "note", canary, &shown->scope).ok());
        REQUIRE(w.commit().ok());
    }
    // Whatever names only the id is refused rather than guessing a scope.
    {
        Writer w(*owner.store);
        CHECK_FALSE(w.set("case", id, "note", canary + "-bare").ok());
        CHECK_FALSE(w.remove(id).ok());
    }
    owner.sync_ok();
    insider.sync_ok();
    insider.sync_ok();

    CHECK(everything_about(*insider.store, id).find(canary) == std::string::npos);
    for (const auto& [scope, env] : server_envelopes(f.server)) {
        auto parsed = crypto::parse_envelope(env);
        REQUIRE(parsed.ok());
        const crypto::SymmetricKey* key = insider.store->scope_key(parsed->header.scope, parsed->header.epoch);
        if (!key) continue;  // the insider cannot open it
        crypto::Bytes plain;
        REQUIRE(crypto::decrypt_envelope(*parsed, *key, plain).ok());
        CHECK(std::string(plain.begin(), plain.end()).find(canary) == std::string::npos);
    }
    CHECK(owner.store->get(kase, id)->value("note") == std::optional<std::string>(canary));
}

TEST_CASE("A twin made by an insider goes with its scope: a purge of that scope shows the record again",
          "[sync][security][scope]") {
    SyncFixture f(2);
    Device &owner = f[0], &insider = f[1];
    const ScopeId kase = found_case(owner);
    const std::string id = owner.set("", "name", "Familie Celik", &kase);
    owner.sync_ok();
    insider.set(id, "name", "Zwilling", &f.team);
    insider.sync_ok();
    owner.sync_ok();
    REQUIRE(owner.store->get(id) == nullptr);
    REQUIRE(owner.store->checkpoint().ok());

    REQUIRE(owner.store->purge_scope(f.team).ok());
    REQUIRE(owner.store->get(id));
    CHECK(owner.store->get(id)->scope == kase);
    CHECK(owner.store->collisions().empty());
    REQUIRE(owner.store->checkpoint().ok());
    owner.reopen();
    REQUIRE(owner.store->get(id));
    CHECK(owner.store->get(id)->value("name") == std::optional<std::string>("Familie Celik"));
}

TEST_CASE("A store whose snapshots were made before records were keyed by scope folds its op log anew",
          "[sync][scope]") {
    SyncFixture f(1);
    Device& d = f[0];
    const std::string id = d.set("", "name", "Familie Demir", &f.team);
    REQUIRE(d.store->checkpoint().ok());
    d.reopen();
    REQUIRE(d.store->get(id));
    // An older store: its snapshot rows carry no format mark.
    {
        auto db = Database::open(d.dir.path() / "store" / "store.db", false);
        REQUIRE(db.ok());
        REQUIRE(db->exec("DELETE FROM meta WHERE k = 'snapshot_format'").ok());
    }
    d.reopen();
    REQUIRE(d.store->get(id));
    CHECK(d.store->get(id)->value("name") == std::optional<std::string>("Familie Demir"));
    CHECK(d.store->problems().empty());
    REQUIRE(d.store->checkpoint().ok());
    d.reopen();
    CHECK(d.store->get(id)->value("name") == std::optional<std::string>("Familie Demir"));
}

TEST_CASE("An op dated before its author's earlier ops, or a second op under a sequence number in use, is refused",
          "[sync][security][clock]") {
    SyncFixture f(2);
    Device &owner = f[0], &insider = f[1];
    const std::string id = insider.set("", "name", "Familie Engel", &f.team);
    insider.sync_ok();
    owner.sync_ok();
    REQUIRE(owner.store->get(id));

    // The insider's latest op that the owner holds (a team op): its sequence number and clock.
    // (A device checks against the ops it holds; the server checks against all: docs/threat-model.md.)
    std::optional<crypto::EnvelopeHeader> known;
    for (const auto& [scope, env] : server_envelopes(f.server)) {
        if (scope != f.team) continue;
        auto p = crypto::parse_envelope(env);
        REQUIRE(p.ok());
        if (p->header.author == insider.store->device().id() && (!known || p->header.seq > known->seq)) known = p->header;
    }
    REQUIRE(known);

    Attacker attacker(f.server, *insider.store);
    // Each forged op reaches the owner as a compromised server would hand it over.
    auto deliver = [&](const crypto::Bytes& env) { return attacker.hand_over(*owner.store, f.team, env); };
    const OpPayload op{OpKind::Set, "case", id, "name", {}, "rueckdatiert"};
    struct Row {
        const char* what;
        std::uint64_t seq, hlc;
        const char* why;
    };
    const Row rows[] = {
        {"backdated after its last op", known->seq + 1, known->hlc - (std::uint64_t(3600'000) << 16), "dated before"},
        {"backdated to the dawn of time", known->seq + 50, std::uint64_t(1) << 16, "dated before"},
        {"a second op under a sequence number in use", known->seq, known->hlc + 1, "second op"},
        {"an earlier number dated after a later op", 0, known->hlc + (std::uint64_t(1) << 16), "dated after"},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        const IngestReport rep = deliver(attacker.forge(f.team, op, row.hlc, row.seq));
        CHECK(rep.applied == 0);
        REQUIRE(rep.rejected.size() == 1);
        CHECK(rep.rejected.front().error.find(row.why) != std::string::npos);
        CHECK(owner.store->get(id)->value("name") == std::optional<std::string>("Familie Engel"));
    }
    // An honest next op is taken.
    const IngestReport ok = deliver(attacker.forge(f.team, op, known->hlc + 5, known->seq + 1));
    CHECK(ok.applied == 1);
    CHECK(ok.rejected.empty());
    // And the refusals hold after a reopen (the author's order is read back from the op log).
    owner.reopen();
    const IngestReport again = deliver(attacker.forge(f.team, op, std::uint64_t(1) << 16, known->seq + 2));
    CHECK(again.applied == 0);
    CHECK(again.rejected.size() == 1);
}

// Issue 12, item 3 on the device (docs/threat-model.md, "Removed members"): a device taken off a
// scope keeps the keys it held, so it can still seal and sign ops for it. A server that hands
// such an op over (compromised, or one that took it before it knew of the removal) must not get
// it counted: ingest() refuses it once the removal is known, and a removal that arrives after
// the op takes it out of the log again (Store invariant 9) — on every device, after a reopen too.
TEST_CASE("Ops a device signs after it was taken off a scope count on no device, whether they arrive before the removal or after",
          "[sync][security][removal]") {
    SyncFixture f(3);
    Device &owner = f[0], &late = f[1], &insider = f[2];
    const std::string id = owner.set("", "name", "Familie Yilmaz", &f.team);
    insider.set("", "name", "Familie Ott", &f.team);
    f.sync_all();
    REQUIRE(insider.store->get(id));

    // The insider's last op on the server: what the removal's last_seq will name.
    const DeviceId who = insider.store->device().id();
    std::optional<crypto::EnvelopeHeader> last;
    for (const auto& [scope, env] : server_envelopes(f.server)) {
        auto p = crypto::parse_envelope(env);
        REQUIRE(p.ok());
        if (p->header.author == who && (!last || p->header.seq > last->seq)) last = p->header;
    }
    REQUIRE(last);

    Attacker attacker(f.server, *insider.store);
    const OpPayload overwrite{OpKind::Set, "case", id, "name", {}, "nach der Abberufung"};
    const OpPayload remove{OpKind::Delete, "case", id, {}, {}, {}};
    auto deliver = [&](Device& to, const crypto::Bytes& env) { return attacker.hand_over(*to.store, f.team, env); };
    const std::uint64_t now = Hlc::make(f.server.now + 1000, 0);
    // Signed before anyone knows: to the device that has not synced since, it still looks fine.
    const IngestReport early = deliver(late, attacker.forge(f.team, overwrite, now, last->seq + 1));
    REQUIRE(early.applied == 1);
    REQUIRE(late.store->get(id)->value("name") == std::optional<std::string>("nach der Abberufung"));

    // Taken off the team, or revoked (a lost tablet whose key was stolen) by the admin.
    const std::string how = GENERATE(as<std::string>(), "unassigned", "revoked");
    INFO(how);
    Device& remover = how == "unassigned" ? *f.office : owner;
    serve_device_seq(remover, f.server);
    if (how == "unassigned") REQUIRE(remover.client->unassign(f.team, who).ok());
    else REQUIRE(revoke_device(*remover.store, *remover.client, who, false).ok());
    const Removal* rm = remover.store->directory().removal(f.team, who);
    REQUIRE(rm);
    REQUIRE(rm->last_seq == std::optional<std::uint64_t>(last->seq));

    // Known to the owner: an op after last_seq is refused, whatever its clock or kind.
    owner.sync_ok();
    for (const auto& [what, env] : std::vector<std::pair<const char*, crypto::Bytes>>{
             {"an overwrite", attacker.forge(f.team, overwrite, now + 1, last->seq + 2)},
             {"a delete", attacker.forge(f.team, remove, now + 2, last->seq + 3)}}) {
        INFO(what);
        const IngestReport rep = deliver(owner, env);
        CHECK(rep.applied == 0);
        REQUIRE(rep.rejected.size() == 1);
        CHECK(rep.rejected.front().error.find(how) != std::string::npos);
        CHECK(owner.store->get(id)->value("name") == std::optional<std::string>("Familie Yilmaz"));
    }

    // The device that took the op before: its next sync brings the removal, and the op leaves.
    const std::size_t problems_before = late.store->status().problems;
    late.sync_ok();
    CHECK(late.store->get(id)->value("name") == std::optional<std::string>("Familie Yilmaz"));
    CHECK(late.store->status().problems > problems_before);
    CHECK(late.store->verify().ok());
    late.reopen();
    CHECK(late.store->get(id)->value("name") == std::optional<std::string>("Familie Yilmaz"));
    auto hist = late.store->history(id, "name", &f.team);
    REQUIRE(hist.ok());
    for (const auto& v : *hist) CHECK(v.value != "nach der Abberufung");
    // What the insider wrote while a member counts everywhere still.
    CHECK(owner.store->list("case").size() == 2);
    CHECK(late.store->list("case").size() == 2);
}
