// Lost tablets and leaving workers (the data-protection issue): revocation, key rotation to a
// new epoch, and the remote-wipe order — over the real server handler.
#include "sync_fixture.h"

#include "sync/core/database.h"
#include "sync/org/grant.h"

#include "crypto/keywrap.h"

using namespace quartier;
using namespace quartier::test;

namespace {
// Every envelope the server holds, as a copy of its data directory would give them.
std::vector<crypto::Bytes> server_envelopes(const FakeServer& server) {
    auto db = Database::open(server.dir() / "server.db", false);
    REQUIRE(db.ok());
    auto st = db->prepare("SELECT bytes FROM envelopes ORDER BY id");
    REQUIRE(st.ok());
    std::vector<crypto::Bytes> out;
    while (*st->step()) out.emplace_back(st->blob(0).begin(), st->blob(0).end());
    return out;
}

std::vector<crypto::SymmetricKey> every_key(const Store& s) {
    std::vector<crypto::SymmetricKey> keys;
    for (const auto& [scope, epoch] : s.scope_keys()) keys.push_back(s.scope_key(scope, epoch)->clone());
    return keys;
}

std::set<crypto::Hash32> envelope_hashes(const FakeServer& server) {
    std::set<crypto::Hash32> out;
    for (const auto& bytes : server_envelopes(server)) out.insert(crypto::parse_envelope(bytes)->hash());
    return out;
}

// Everything sealed that a full copy of the server's data directory holds.
struct ServerCopy {
    std::vector<crypto::Bytes> envelopes;
    std::vector<KeyGrant> grants;
    std::vector<EscrowWrap> wraps;
};

ServerCopy server_copy(const FakeServer& server) {
    ServerCopy c;
    c.envelopes = server_envelopes(server);
    auto db = Database::open(server.dir() / "server.db", false);
    REQUIRE(db.ok());
    auto g = db->prepare("SELECT grant_json FROM grants");
    REQUIRE(g.ok());
    while (*g->step()) c.grants.push_back(*KeyGrant::from_json(g->text(0)));
    auto w = db->prepare("SELECT wrap_json FROM escrow_wraps");
    REQUIRE(w.ok());
    while (*w->step()) c.wraps.push_back(*EscrowWrap::from_json(w->text(0)));
    return c;
}

// Tries everything a device held on a copy of the server's data, as whoever has the device's
// store would: its X25519 secret on every key grant and escrow wrap (checking no binding:
// whatever opens yields one more key), then each key it held and each key so found on every
// envelope the server did not hold in `before` (of `only`, if given). What opened, if anything.
std::optional<std::string> opens_new_data(const ServerCopy& copy, const std::set<crypto::Hash32>& before,
                                          const crypto::DeviceIdentity& device, const std::vector<crypto::SymmetricKey>& held,
                                          std::optional<ScopeId> only = std::nullopt) {
    constexpr std::size_t n = crypto::SymmetricKey::kSize;
    std::vector<std::pair<std::string, crypto::SymmetricKey>> keys;
    for (const auto& k : held) keys.emplace_back("a scope key it held", k.clone());
    const auto open_box = [&](const crypto::Bytes& sealed, const std::string& what) {
        auto plain = crypto::open_sealed(device.box_public(), device.box_secret(), {}, sealed);
        if (plain && plain->size() >= n)
            keys.emplace_back(what, crypto::SymmetricKey::from(crypto::ByteView(plain->data() + plain->size() - n, n)));
    };
    for (const auto& g : copy.grants)
        open_box(g.sealed, "the key grant of scope " + crypto::to_hex(g.scope) + " epoch " + std::to_string(g.epoch));
    for (const auto& w : copy.wraps)
        open_box(w.sealed, "the escrow wrap of scope " + crypto::to_hex(w.scope) + " epoch " + std::to_string(w.epoch));
    std::size_t tried = 0;
    for (const auto& bytes : copy.envelopes) {
        auto env = crypto::parse_envelope(bytes);
        REQUIRE(env.ok());
        if (before.count(env->hash()) || (only && env->header.scope != *only)) continue;
        ++tried;
        for (const auto& [what, k] : keys) {
            crypto::Bytes out;
            if (crypto::decrypt_envelope(*env, k, out).ok())
                return "an envelope of scope " + crypto::to_hex(env->header.scope) + " epoch " +
                       std::to_string(env->header.epoch) + " written since opens with " + what;
        }
    }
    REQUIRE(tried > 0);  // there was new data to try
    return std::nullopt;
}
}  // namespace

TEST_CASE("A revoked device is refused: its scopes move to a new epoch it cannot open", "[sync][revocation]") {
    SyncFixture f(3);
    Device &admin = f[0], &colleague = f[1], &lost = f[2];
    const std::string before = lost.set("", "name", "Familie vor dem Verlust", &f.team);
    f.sync_all();
    const auto lost_keys = every_key(*lost.store);  // every key the lost tablet ever held
    const DeviceId lost_id = lost.store->device().id();
    const auto before_revocation = envelope_hashes(f.server);

    auto rep = revoke_device(*admin.store, *admin.client, lost_id, false);
    INFO((rep.ok() ? std::string() : rep.detail()));
    REQUIRE(rep.ok());
    REQUIRE(rep->device.revoked);
    const bool listed_team = std::any_of(rep->scopes.begin(), rep->scopes.end(), [&](const Membership& m) { return m.scope == f.team; });
    REQUIRE(listed_team);  // the breach assessment names the scopes it could read
    REQUIRE(rep->epochs_opened >= 1);
    REQUIRE(admin.store->current_epoch(f.team) == 2);

    // The server refuses it from now on.
    auto refused = lost.sync();
    REQUIRE_FALSE(refused.ok());
    REQUIRE(refused.error() == Error::Revoked);
    REQUIRE(lost.store->get(before));  // no wipe was ordered: its store is intact

    // The others carry on at the new epoch and read old and new data.
    colleague.sync_ok();
    REQUIRE(colleague.store->current_epoch(f.team) == 2);
    const std::string after = colleague.set("", "name", "Familie nach dem Verlust", &f.team);
    colleague.sync_ok();
    admin.sync_ok();
    REQUIRE(admin.store->get(after));
    REQUIRE(admin.store->get(before));
    REQUIRE(colleague.store->get(before));

    // Given a full copy of the server's data, nothing the lost tablet held opens new data: none of
    // its scope keys opens an envelope written since, and its X25519 secret opens no stored key
    // grant or escrow wrap that would give it a key that does.
    const ServerCopy copy = server_copy(f.server);
    REQUIRE(copy.grants.size() >= 3);   // its own grants of epoch 1 among them: they open, and give old keys only
    REQUIRE_FALSE(copy.wraps.empty());  // the escrow wraps of every epoch
    const std::size_t new_epoch = std::count_if(copy.envelopes.begin(), copy.envelopes.end(), [&](const crypto::Bytes& b) {
        const auto env = crypto::parse_envelope(b);
        return env->header.scope == f.team && env->header.epoch >= 2;
    });
    REQUIRE(new_epoch >= 1);
    const auto opened = opens_new_data(copy, before_revocation, lost.store->device(), lost_keys);
    INFO((opened ? *opened : std::string("nothing opens")));
    REQUIRE_FALSE(opened);

    // The check finds a leak when there is one: a grant of the new epoch sealed to the revoked
    // tablet (a member's client that wrapped it anyway, kept by a server that did not check).
    const DeviceInfo lost_info = *colleague.store->directory().device(lost_id);
    const KeyGrant leak = KeyGrant::make(colleague.store->device(), false, f.team, 2, lost_info, *colleague.store->scope_key(f.team, 2));
    REQUIRE(f.server.storage().put_grants({{f.team, 2, lost_id, leak.to_json()}}).ok());
    const auto leaked = opens_new_data(server_copy(f.server), before_revocation, lost.store->device(), lost_keys);
    REQUIRE(leaked);
    CHECK(leaked->find("key grant of scope " + crypto::to_hex(f.team) + " epoch 2") != std::string::npos);
}

// Issue 12, item 4: the entry that takes a device off names the last of its ops that still counts
// (`last_seq`). The signer asks the server (GET /v1/devices/seq) and never names less than it
// holds itself of that device: a server cannot make ops that members have folded count for nothing.
TEST_CASE("A removal names the removed device's last op that counts: the server's figure, never less than the signer holds",
          "[sync][revocation][security]") {
    SyncFixture f(3);
    Device &admin = f[0], &colleague = f[1], &worker = f[2];
    for (int i = 0; i < 3; ++i) worker.set("", "name", "Familie " + std::to_string(i), &f.team);
    f.sync_all();  // the colleague holds the worker's ops now
    const DeviceId w = worker.store->device().id();
    const std::uint64_t on_server = *f.server.storage().last_device_seq(w);
    const std::uint64_t held = *colleague.store->highest_device_seq(w);
    REQUIRE(held > 0);
    REQUIRE(on_server > held);  // the worker's audit entries are on the server, in a scope only it holds
    const std::string row = GENERATE(as<std::string>(), "honest", "names less", "no endpoint", "nonsense", "revocation");
    INFO(row);
    if (row == "honest") serve_device_seq(colleague, f.server);
    if (row == "names less") serve_device_seq(colleague, f.server, [](const std::string& hex, std::uint64_t) {
        return nlohmann::json{{"device", hex}, {"last_seq", 0}};
    });
    if (row == "nonsense") serve_device_seq(colleague, f.server, [&](const std::string&, std::uint64_t n) {
        return nlohmann::json{{"device", crypto::to_hex(colleague.store->device().id())}, {"last_seq", n}};
    });
    if (row == "no endpoint")  // a server from before GET /v1/devices/seq
        colleague.transport.tamper = [](const Request& req, server::Response& r) {
            if (req.path != "/v1/devices/seq") return;
            r.status = 404;
            r.body = R"({"error": {"code": "not_found", "message": "no such endpoint"}})";
        };
    if (row == "revocation") {
        serve_device_seq(admin, f.server);
        REQUIRE(revoke_device(*admin.store, *admin.client, w, false).ok());
        const Removal* rv = admin.store->directory().removal(f.team, w);
        REQUIRE(rv);
        CHECK(rv->kind == Removal::Kind::Revoked);
        CHECK(rv->last_seq == on_server);
        return;
    }
    auto done = colleague.client->unassign(f.team, w);
    const Removal* rm = colleague.store->directory().removal(f.team, w);
    if (row == "nonsense") {
        CHECK(done.error() == Error::Protocol);
        CHECK_FALSE(rm);  // nothing was signed on a figure the signer could not read
        return;
    }
    REQUIRE(done.ok());
    REQUIRE(rm);
    if (row == "honest") CHECK(rm->last_seq == on_server);
    if (row == "names less") CHECK(rm->last_seq == held);
    if (row == "no endpoint") CHECK_FALSE(rm->last_seq);  // a server from before it: the entry's time bounds the ops
    // Every op of the worker in the team that the server stored counts still (the signer held
    // them all, so even the lower figure covers them); without last_seq the entry's time decides.
    if (rm->last_seq)
        for (const auto& bytes : server_envelopes(f.server)) {
            auto env = crypto::parse_envelope(bytes);
            REQUIRE(env.ok());
            const auto& h = env->header;
            if (h.author != w || h.scope != f.team) continue;
            const auto why = colleague.store->directory().refuse_op(h.scope, h.epoch, h.author, h.seq, h.hlc);
            INFO((why ? *why : std::string()));
            CHECK_FALSE(why);
        }
}

TEST_CASE("Rotation races between members: exactly one new key per epoch, everyone gets it", "[sync][revocation]") {
    SyncFixture f(4);
    Device &admin = f[0], &a = f[1], &b = f[2], &lost = f[3];
    // The admin revokes, but is no member of this case scope: the members rotate it themselves.
    auto scope = a.store->create_scope();
    REQUIRE(scope.ok());
    a.sync_ok();
    REQUIRE(a.client->share_scope(*scope, b.store->device().id(), ScopeKind::Case).ok());
    REQUIRE(a.client->share_scope(*scope, lost.store->device().id(), ScopeKind::Case).ok());
    f.sync_all();
    REQUIRE(revoke_device(*admin.store, *admin.client, lost.store->device().id(), false).ok());
    REQUIRE(admin.store->current_epoch(*scope) == 0);  // the admin holds no key for it
    // Both members sync; the first claims epoch 2, the second takes the granted key.
    b.sync_ok();
    a.sync_ok();
    b.sync_ok();
    REQUIRE(a.store->current_epoch(*scope) == 2);
    REQUIRE(b.store->current_epoch(*scope) == 2);
    REQUIRE(crypto::equal(a.store->scope_key(*scope, 2)->view(), b.store->scope_key(*scope, 2)->view()));
    const std::string id = a.set("", "name", "nach der Rotation", &*scope);
    a.sync_ok();
    b.sync_ok();
    REQUIRE(b.store->get(id));
    REQUIRE(b.store->directory().members(*scope, 2).size() == 2);
}

TEST_CASE("A wipe order destroys the revoked device's keys and store at its next contact", "[sync][revocation]") {
    SyncFixture f(2);
    Device &admin = f[0], &lost = f[1];
    lost.set("", "name", "ROTKEHLCHEN Familie", &f.team);
    f.sync_all();
    REQUIRE(revoke_device(*admin.store, *admin.client, lost.store->device().id(), true).ok());
    auto r = lost.sync();
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error() == Error::Revoked);
    REQUIRE(r.detail().find("wiped") != std::string::npos);
    REQUIRE(lost.store->failed());
    REQUIRE_FALSE(std::filesystem::exists(lost.dir.path() / "store" / "store.db"));
    REQUIRE_FALSE(any_file_contains(lost.dir.path(), "ROTKEHLCHEN"));
    lost.client.reset();
    lost.store.reset();
    auto reopened = Store::open(lost.dir.path() / "store", "passphrase of " + lost.name);
    REQUIRE_FALSE(reopened.ok());
    REQUIRE(reopened.error() == Error::NotFound);
}

TEST_CASE("Only the admin's signed order wipes: a lying server or a forged entry does not", "[sync][revocation][security]") {
    SyncFixture f(2);
    Device& victim = f[1];
    const std::string id = victim.set("", "name", "bleibt", &f.team);
    f.sync_all();
    const crypto::DeviceIdentity forger = crypto::DeviceIdentity::generate();
    const std::string forged =
        f[0].store->directory().make_revoke(forger, victim.store->device().id(), true, 0).to_json();  // signed by a non-admin
    const std::string body = GENERATE_COPY(
        std::string(R"({"error":{"code":"revoked","message":"trust me"}})"),
        std::string(R"({"error":{"code":"revoked","message":"x","entry":)") + forged + "}}",
        std::string(R"({"error":{"code":"revoked","message":"x","entry":{"body":"e30=","signer":"admin","signature":""}}})"));
    struct Liar final : Transport {
        std::string body;
        sync::Result<Response> send(const Request&) override { return Response{403, body}; }
    } liar;
    liar.body = body;
    SyncClient c(*victim.store, liar, Device::sync_options(&f.server));
    auto r = c.sync();
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error() == Error::Revoked);
    REQUIRE_FALSE(victim.store->failed());
    REQUIRE(victim.store->get(id));
}

// Taken off a scope (issue 12, items 2 and 4): the device purges it after its last sync; it gets
// no key of the epoch the members rotate to; the entries a patched client of it signs to get back
// in are refused by the server, and the ops it wrote after the removal reach nobody.
TEST_CASE("An unassigned device purges the scope after its last sync: the scope moves on without it", "[sync][retention][security]") {
    SyncFixture f(3);
    Device &admin = f[0], &colleague = f[1], &helper = f[2];
    Device& office = *f.office;  // the admin's own device: no member of the team, it rotates nothing
    const std::string id = helper.set("", "name", "Familie Fink", &f.team);
    f.sync_all();
    REQUIRE(helper.store->get(id));
    // A piece of that record's ciphertext as it sits in the helper's database.
    crypto::Bytes chunk;
    for (const auto& bytes : server_envelopes(f.server)) {
        auto env = crypto::parse_envelope(bytes);
        if (env->header.scope == f.team) chunk.assign(env->ciphertext.begin(), env->ciphertext.begin() + 32);
    }
    REQUIRE(chunk.size() == 32);
    const std::string needle(chunk.begin(), chunk.end());
    helper.reopen();  // the WAL is checkpointed: the bytes are in store.db now
    REQUIRE(any_file_contains(helper.dir.path(), needle));

    // An edit made offline before it learns of the unassignment, but after the server's last op
    // of it, which the unassign names (last_seq): no device counts it (Directory::refuse_op), so
    // the helper does not push it but reports it, and purges it with the scope. One commit
    // spanning its own scope and the team scope is cut in half: its own scope's ops go out.
    const std::string late = helper.set("", "name", "noch schnell erfasst", &f.team);
    std::string own;
    {
        Writer w(*helper.store);
        REQUIRE(w.set("case", "", "name", "privat", nullptr).ok());
        own = *w.set("note", "", "text", "bleibt auf dem Gerät", nullptr);
        REQUIRE(w.set("case", late, "status", "offen", &f.team).ok());
        REQUIRE(w.commit().ok());
    }
    std::vector<crypto::EnvelopeHeader> late_ops;  // as a patched client would still push them
    const auto pending = helper.store->outbox(100, 16);
    INFO((pending.ok() ? std::string() : pending.detail()));
    REQUIRE(pending.ok());
    for (const auto& item : *pending)
        if (auto env = crypto::parse_envelope(item.envelope); env->header.scope == f.team) late_ops.push_back(env->header);
    REQUIRE(late_ops.size() == 2);
    const auto helper_keys = every_key(*helper.store);  // every key it held
    const auto before_removal = envelope_hashes(f.server);

    serve_device_seq(office, f.server);
    const DeviceId helper_id = helper.store->device().id();
    REQUIRE(office.client->unassign(f.team, helper_id).ok());
    REQUIRE(office.store->directory().latest_epoch(f.team) == 1);  // nobody rotated yet
    auto r = helper.sync();
    REQUIRE(r.ok());
    REQUIRE(r->scopes_purged == 1);
    // Reported, not pushed: the purge before the push takes the scope with them (SyncClient::purge),
    // and prepare_push would drop each of them by refuse_op if it got there.
    REQUIRE_FALSE(r->rejected.empty());
    for (const Problem& p : r->rejected) CHECK(p.error.find("not pushed") != std::string::npos);
    REQUIRE(helper.store->current_epoch(f.team) == 0);  // no key of the scope left
    REQUIRE_FALSE(helper.store->get(id));
    REQUIRE_FALSE(helper.store->get(late));
    REQUIRE(helper.store->get(own));  // its own scope stays
    REQUIRE_FALSE(any_file_contains(helper.dir.path(), needle));
    REQUIRE(helper.store->verify().ok());
    helper.reopen();
    REQUIRE(helper.store->verify().ok());
    REQUIRE_FALSE(helper.store->get(late));

    // Before any member rotates, a patched client of the helper signs its way back with its own
    // device key: re-join at the epoch it holds (clearing the mark), claim the next epoch (whose
    // key it would be wrapped), add a device of its choosing, take the colleague off. The server
    // refuses each: it verifies entries with the same code as every device.
    {
        const Directory& d = helper.store->directory();
        REQUIRE(d.unassigned(f.team, helper_id));
        const crypto::DeviceIdentity& me = helper.store->device();
        const std::pair<const char*, SignedEntry> attempts[] = {
            {"member(self) at epoch 1", d.make_member(me, false, f.team, 1, helper_id, ScopeKind::Team, 1)},
            {"member(self) at epoch 2", d.make_member(me, false, f.team, 2, helper_id, ScopeKind::Team, 1)},
            {"member(office) at epoch 1", d.make_member(me, false, f.team, 1, office.store->device().id(), ScopeKind::Team, 1)},
            {"unassign(colleague)", d.make_unassign(me, false, f.team, colleague.store->device().id(), 1)},
        };
        for (const auto& [what, e] : attempts) {
            INFO(what);
            const nlohmann::json body{{"entry", nlohmann::json::parse(e.to_json())}};
            auto posted = helper.client->call("POST", "/v1/directory", "", &body);
            REQUIRE_FALSE(posted.ok());
            CHECK(refusal_code(posted.detail()) == "bad_request");
        }
    }

    // The members rotate past it; it gets no key of the new epoch and nothing written since opens
    // with what it held (its scope keys, its X25519 secret on every grant and escrow wrap).
    colleague.sync_ok();
    REQUIRE(colleague.store->current_epoch(f.team) == 2);
    const Directory& cd = colleague.store->directory();
    CHECK(cd.unassigned(f.team, helper_id));
    CHECK_FALSE(cd.is_member(f.team, 2, helper_id));
    CHECK(cd.members(f.team, 1).size() == 3);  // nobody was added with the helper's signature
    REQUIRE(colleague.store->get(id));          // what it wrote before counts
    REQUIRE_FALSE(colleague.store->get(late));  // what it wrote after does not reach anyone
    const std::string after = colleague.set("", "name", "nach der Übergabe", &f.team);
    colleague.sync_ok();
    admin.sync_ok();
    REQUIRE(admin.store->get(after));
    helper.sync_ok();
    REQUIRE_FALSE(helper.store->get(after));
    REQUIRE(helper.store->list("case").size() == 1);  // only its private one
    const auto opened = opens_new_data(server_copy(f.server), before_removal, helper.store->device(), helper_keys, f.team);
    INFO((opened ? *opened : std::string("nothing opens")));
    REQUIRE_FALSE(opened);
    // Its ops after the removal count nowhere, pushed by whatever client; those before do.
    for (const auto& h : late_ops) {
        const auto why = cd.refuse_op(h.scope, h.epoch, h.author, h.seq, h.hlc);
        REQUIRE(why);
        CHECK(why->find("after last_seq") != std::string::npos);
    }
    for (const auto& bytes : server_envelopes(f.server))
        if (auto env = crypto::parse_envelope(bytes); env->header.author == helper_id && env->header.scope == f.team)
            CHECK_FALSE(cd.refuse_op(f.team, env->header.epoch, helper_id, env->header.seq, env->header.hlc));
}
