// In-process tests of Server::handle (docs/protocol.md): founding, authentication, directory,
// enrolment, key grants, push/pull with real envelopes and commits, and refusal tables that
// check the stable error code and that a refused request changed nothing.
#include "server_fixture.h"

#include "support/peak_rss.h"

#include <random>

using namespace quartier;
using namespace quartier::test;
using sync::wire::b64;

namespace {
struct Opener final : crypto::KeyResolver {
    const sync::Directory& dir;
    std::map<std::pair<crypto::ScopeId, std::uint32_t>, const crypto::SymmetricKey*> keys;
    explicit Opener(const sync::Directory& d) : dir(d) {}
    const crypto::SymmetricKey* scope_key(const crypto::ScopeId& s, std::uint32_t e) const override {
        auto it = keys.find({s, e});
        return it == keys.end() ? nullptr : it->second;
    }
    const crypto::SignPublicKey* member_key(const crypto::ScopeId& s, std::uint32_t e, const crypto::DeviceId& a) const override {
        return dir.member_key(s, e, a);
    }
};

// Pulls a whole scope page by page and returns the plaintexts, verifying as a client does.
std::vector<std::string> pull_all(ServerFixture& f, const TestDevice& d, const crypto::ScopeId& scope,
                                  const crypto::SymmetricKey& key, std::uint32_t epoch, std::size_t limit = 1000) {
    Opener op(f.dir);
    op.keys[{scope, epoch}] = &key;
    std::vector<std::string> out;
    std::uint64_t since = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        auto r = f.get("/v1/pull", d.token, {{"scope", crypto::to_hex(scope)}, {"since", std::to_string(since)}, {"limit", std::to_string(limit)}});
        INFO(r.body);
        REQUIRE(r.status == 200);
        const json j = ServerFixture::body(r);
        std::uint64_t prev = since;
        for (const auto& item : j["items"]) {
            REQUIRE(item["seq"].get<std::uint64_t>() == prev + 1);  // gapless
            prev = item["seq"].get<std::uint64_t>();
            const auto env = sync::wire::unb64(item["envelope"].get<std::string>());
            const auto cbytes = sync::wire::unb64(j["commits"][item["commit"].get<std::string>()].get<std::string>());
            REQUIRE(env);
            REQUIRE(cbytes);
            auto commit = crypto::Commit::parse(*cbytes);
            REQUIRE(commit.ok());
            const auto* key_of_author = f.dir.device(commit->author);
            REQUIRE(key_of_author);
            auto vc = crypto::verify_commit(*commit, key_of_author->sign_pk);
            REQUIRE(vc.ok());
            auto plain = crypto::open_envelope(*env, op, &*vc);
            REQUIRE(plain.ok());
            out.emplace_back(plain->begin(), plain->end());
        }
        REQUIRE(j["next"].get<std::uint64_t>() == prev);
        since = prev;
        if (!j["more"].get<bool>()) return out;
    }
    FAIL("pagination does not end");
    return out;
}
}  // namespace

TEST_CASE("server: info answers without authentication, with the org once founded", "[server]") {
    ServerFixture f;
    auto r = f.get("/v1/info", "");
    REQUIRE(r.status == 200);
    CHECK(ServerFixture::body(r)["server_id"] == crypto::to_hex(f.server_id));
    CHECK(ServerFixture::body(r)["org"].is_null());
    CHECK(ServerFixture::body(r)["version"] == 1);
    f.found();
    CHECK(ServerFixture::body(f.get("/v1/info", ""))["org"] == crypto::to_hex(f.org));
}

TEST_CASE("server: org bootstrap: wrong token, no admin device, right token, reuse", "[server][org]") {
    ServerFixture f;
    sync::Directory d;
    const auto genesis = sync::Directory::make_genesis(f.org_admin, f.org, "Org", f.now);
    REQUIRE(d.append(genesis).ok());
    const auto enrol_admin = d.make_enrol(f.org_admin, f.admin.id.id(), f.admin.id.sign_public(), f.admin.id.box_public(), "A", "admin", f.now);
    const json entries = json::array({f.entry(genesis), f.entry(enrol_admin)});
    const std::string before = f.state();

    auto wrong = f.post("/v1/org", json{{"bootstrap", std::string(64, 'f')}, {"entries", entries}});
    CHECK(wrong.status == 403);
    CHECK(ServerFixture::code(wrong) == "forbidden");
    auto no_admin = f.post("/v1/org", json{{"bootstrap", f.bootstrap}, {"entries", json::array({f.entry(genesis)})}});
    CHECK(no_admin.status == 400);
    auto broken_chain = f.post("/v1/org", json{{"bootstrap", f.bootstrap}, {"entries", json::array({f.entry(enrol_admin)})}});
    CHECK(broken_chain.status == 400);
    CHECK(f.state() == before);
    CHECK(ServerFixture::body(f.get("/v1/info", ""))["org"].is_null());

    auto ok = f.post("/v1/org", json{{"bootstrap", f.bootstrap}, {"entries", entries}});
    REQUIRE(ok.status == 200);
    CHECK(ServerFixture::body(ok)["seq"] == 1);

    auto again = f.post("/v1/org", json{{"bootstrap", f.bootstrap}, {"entries", entries}});
    CHECK(again.status == 409);
    CHECK(ServerFixture::code(again) == "conflict");

    // The token is consumed for good: after a restart too.
    f.restart();
    CHECK(f.post("/v1/org", json{{"bootstrap", f.bootstrap}, {"entries", entries}}).status == 409);
    auto meta = f.storage->meta();
    REQUIRE(meta.ok());
    CHECK_FALSE(meta->bootstrap_hash.has_value());
    CHECK(f.server->directory().size() == 2);
}

TEST_CASE("server: auth: challenge, token, and every way it is refused", "[server][auth]") {
    ServerFixture f;
    f.found();

    SECTION("a token opens authenticated endpoints; none or garbage does not") {
        CHECK(f.get("/v1/directory", f.admin.token).status == 200);
        auto none = f.get("/v1/directory", "");
        CHECK(none.status == 401);
        CHECK(ServerFixture::code(none) == "unauthenticated");
        CHECK(f.get("/v1/directory", std::string(64, '0')).status == 401);
        srv::Request r;
        r.method = "GET";
        r.path = "/v1/directory";
        r.headers["authorization"] = "bearer " + f.admin.token;  // scheme and header name in any case
        CHECK(f.server->handle(r).status == 200);
        r.headers["authorization"] = "Basic " + f.admin.token;
        CHECK(f.server->handle(r).status == 401);
    }
    SECTION("unknown device") {
        TestDevice stranger;
        auto r = f.post("/v1/auth/challenge", json{{"device", stranger.hex()}});
        CHECK(r.status == 401);
        CHECK(ServerFixture::code(r) == "unauthenticated");
    }
    SECTION("wrong signature") {
        auto c = f.post("/v1/auth/challenge", json{{"device", f.admin.hex()}});
        REQUIRE(c.status == 200);
        CHECK(ServerFixture::body(c)["expires_in"] == 60);
        TestDevice other;
        const auto ch = sync::wire::unb64(ServerFixture::body(c)["challenge"].get<std::string>());
        const auto sig = other.id.sign(srv::auth_message(f.server_id, *ch));
        auto t = f.post("/v1/auth/token", json{{"device", f.admin.hex()}, {"challenge", ServerFixture::body(c)["challenge"]}, {"signature", b64(sig)}});
        CHECK(t.status == 401);
        CHECK(ServerFixture::code(t) == "bad_signature");
    }
    SECTION("signature over another server's id") {
        auto c = f.post("/v1/auth/challenge", json{{"device", f.admin.hex()}});
        const auto ch = sync::wire::unb64(ServerFixture::body(c)["challenge"].get<std::string>());
        const auto sig = f.admin.id.sign(srv::auth_message(crypto::random_id(), *ch));
        auto t = f.post("/v1/auth/token", json{{"device", f.admin.hex()}, {"challenge", ServerFixture::body(c)["challenge"]}, {"signature", b64(sig)}});
        CHECK(ServerFixture::code(t) == "bad_signature");
    }
    SECTION("a challenge is single-use, also after a failed attempt") {
        auto c = f.post("/v1/auth/challenge", json{{"device", f.admin.hex()}});
        const auto ch = sync::wire::unb64(ServerFixture::body(c)["challenge"].get<std::string>());
        const json good{{"device", f.admin.hex()}, {"challenge", ServerFixture::body(c)["challenge"]},
                        {"signature", b64(f.admin.id.sign(srv::auth_message(f.server_id, *ch)))}};
        REQUIRE(f.post("/v1/auth/token", good).status == 200);
        auto reused = f.post("/v1/auth/token", good);
        CHECK(reused.status == 401);
        CHECK(ServerFixture::code(reused) == "unauthenticated");

        auto c2 = f.post("/v1/auth/challenge", json{{"device", f.admin.hex()}});
        json bad{{"device", f.admin.hex()}, {"challenge", ServerFixture::body(c2)["challenge"]}, {"signature", b64(crypto::Signature{})}};
        CHECK(f.post("/v1/auth/token", bad).status == 401);
        const auto ch2 = sync::wire::unb64(ServerFixture::body(c2)["challenge"].get<std::string>());
        bad["signature"] = b64(f.admin.id.sign(srv::auth_message(f.server_id, *ch2)));
        CHECK(f.post("/v1/auth/token", bad).status == 401);  // gone
    }
    SECTION("a challenge expires after 60 s") {
        auto c = f.post("/v1/auth/challenge", json{{"device", f.admin.hex()}});
        const auto ch = sync::wire::unb64(ServerFixture::body(c)["challenge"].get<std::string>());
        f.now += 60'001;
        auto t = f.post("/v1/auth/token", json{{"device", f.admin.hex()}, {"challenge", ServerFixture::body(c)["challenge"]},
                                               {"signature", b64(f.admin.id.sign(srv::auth_message(f.server_id, *ch)))}});
        CHECK(t.status == 401);
    }
    SECTION("a challenge issued to one device does not serve another") {
        TestDevice b;
        f.enrol(b);
        auto c = f.post("/v1/auth/challenge", json{{"device", f.admin.hex()}});
        const auto ch = sync::wire::unb64(ServerFixture::body(c)["challenge"].get<std::string>());
        auto t = f.post("/v1/auth/token", json{{"device", b.hex()}, {"challenge", ServerFixture::body(c)["challenge"]},
                                               {"signature", b64(b.id.sign(srv::auth_message(f.server_id, *ch)))}});
        CHECK(t.status == 401);
    }
    SECTION("a token expires after 15 minutes") {
        f.now += 900'000 - 1;
        CHECK(f.get("/v1/keys", f.admin.token).status == 200);
        f.now += 1;
        auto r = f.get("/v1/keys", f.admin.token);
        CHECK(r.status == 401);
        CHECK(ServerFixture::code(r) == "unauthenticated");
    }
    SECTION("tokens live in memory: a restart makes clients authenticate again") {
        f.restart();
        CHECK(f.get("/v1/keys", f.admin.token).status == 401);
        f.login(f.admin);
        CHECK(f.get("/v1/keys", f.admin.token).status == 200);
    }
    SECTION("a revoked device is refused at once: its token, a new challenge") {
        TestDevice b;
        f.enrol(b);
        CHECK(f.get("/v1/keys", b.token).status == 200);
        f.revoke(b);
        auto r = f.get("/v1/keys", b.token);
        CHECK(r.status == 403);
        CHECK(ServerFixture::code(r) == "revoked");
        auto c = f.post("/v1/auth/challenge", json{{"device", b.hex()}});
        CHECK(c.status == 403);
        CHECK(ServerFixture::code(c) == "revoked");
    }
}

TEST_CASE("server: directory: append, conflict at a stale head, repeat, refusals", "[server][directory]") {
    ServerFixture f;
    f.found();
    TestDevice b, c;
    const auto stale = f.dir.make_enrol(f.org_admin, c.id.id(), c.id.sign_public(), c.id.box_public(), "C", "helper", f.now);
    const auto e = f.dir.make_enrol(f.org_admin, b.id.id(), b.id.sign_public(), b.id.box_public(), "B", "caseworker", f.now);
    f.append(e);
    CHECK(f.server->directory().size() == 3);

    // Posting the same entry again is acknowledged with the same seq.
    auto again = f.post("/v1/directory", json{{"entry", f.entry(e)}}, f.admin.token);
    CHECK(again.status == 200);
    CHECK(ServerFixture::body(again)["seq"] == 2);

    // Made against the old head: conflict; the writer refetches and re-signs.
    const std::string before = f.state();
    auto conflict = f.post("/v1/directory", json{{"entry", f.entry(stale)}}, f.admin.token);
    CHECK(conflict.status == 409);
    CHECK(ServerFixture::code(conflict) == "conflict");
    CHECK(f.state() == before);

    // A tampered signature, and a member entry signed by a device that is not a member.
    auto tampered = f.dir.make_enrol(f.org_admin, c.id.id(), c.id.sign_public(), c.id.box_public(), "C", "helper", f.now);
    tampered.signature[0] ^= 1;
    auto r = f.post("/v1/directory", json{{"entry", f.entry(tampered)}}, f.admin.token);
    CHECK(r.status == 400);
    CHECK(ServerFixture::code(r) == "bad_request");
    const auto scope = crypto::random_id();
    f.add_member(scope, 1, f.admin);
    auto foreign = f.dir.make_member(b.id, false, scope, 1, b.id.id(), sync::ScopeKind::Case, f.now);
    CHECK(f.post("/v1/directory", json{{"entry", f.entry(foreign)}}, f.admin.token).status == 400);

    // GET since=N: entries from seq N on.
    auto all = f.get("/v1/directory", f.admin.token);
    CHECK(ServerFixture::body(all)["entries"].size() == 4);
    auto tail = f.get("/v1/directory", f.admin.token, {{"since", "3"}});
    REQUIRE(ServerFixture::body(tail)["entries"].size() == 1);
    auto parsed = sync::SignedEntry::from_json(ServerFixture::body(tail)["entries"][0].dump());
    REQUIRE(parsed.ok());
    CHECK(parsed->body == f.dir.entries()[3].body);
    CHECK(ServerFixture::body(f.get("/v1/directory", f.admin.token, {{"since", "99"}}))["entries"].empty());

    // The directory survives a restart, verified again from storage.
    f.restart();
    CHECK(f.server->directory().size() == 4);
    CHECK(f.server->directory().head_hash() == f.dir.head_hash());
}

TEST_CASE("server: enrolment: offer, request, list, repeat, expiry, rights", "[server][enrol]") {
    ServerFixture f;
    f.found();
    TestDevice worker;
    f.enrol(worker);

    crypto::Bytes secret(16);
    crypto::random_bytes(secret);
    const std::string offer_hex = crypto::to_hex(crypto::hash(secret));
    const json offer{{"offer", offer_hex}, {"name", "Tablet Nord"}, {"expires_in", 3600}};

    auto by_worker = f.post("/v1/enrol/offer", offer, worker.token);
    CHECK(by_worker.status == 403);
    CHECK(ServerFixture::code(by_worker) == "forbidden");
    CHECK(f.get("/v1/enrol/requests", worker.token).status == 403);

    REQUIRE(f.post("/v1/enrol/offer", offer, f.admin.token).status == 200);
    CHECK(f.post("/v1/enrol/offer", offer, f.admin.token).status == 200);  // a repeat
    CHECK(f.post("/v1/enrol/offer", json{{"offer", offer_hex}, {"name", "other"}}, f.admin.token).status == 409);

    TestDevice fresh;
    const json request{{"secret", b64(secret)}, {"sign_pk", b64(fresh.id.sign_public())}, {"box_pk", b64(fresh.id.box_public())}, {"name", "Tablet Nord"}};
    crypto::Bytes wrong(16, 7);
    json wrong_req = request;
    wrong_req["secret"] = b64(wrong);
    auto w = f.post("/v1/enrol/request", wrong_req);
    CHECK(w.status == 403);
    CHECK(ServerFixture::code(w) == "forbidden");

    auto q = f.post("/v1/enrol/request", request);
    REQUIRE(q.status == 200);
    CHECK(ServerFixture::body(q)["device"] == fresh.hex());
    CHECK(f.post("/v1/enrol/request", request).status == 200);  // the same device repeating
    TestDevice thief;
    json stolen = request;
    stolen["sign_pk"] = b64(thief.id.sign_public());
    CHECK(f.post("/v1/enrol/request", stolen).status == 403);  // single use

    auto list = f.get("/v1/enrol/requests", f.admin.token);
    REQUIRE(list.status == 200);
    const json reqs = ServerFixture::body(list)["requests"];
    REQUIRE(reqs.size() == 1);
    CHECK(reqs[0]["offer"] == offer_hex);
    CHECK(reqs[0]["device"] == fresh.hex());
    CHECK(reqs[0]["sign_pk"] == b64(fresh.id.sign_public()));
    CHECK(reqs[0]["box_pk"] == b64(fresh.id.box_public()));
    CHECK(reqs[0]["name"] == "Tablet Nord");
    CHECK(reqs[0]["time"] == f.now);

    // Until enrolled the new device cannot authenticate; then it can, and is no longer pending.
    CHECK(f.try_login(fresh).status == 401);
    f.append(f.dir.make_enrol(f.org_admin, fresh.id.id(), fresh.id.sign_public(), fresh.id.box_public(), "Tablet Nord", "helper", f.now));
    f.login(fresh);
    CHECK(ServerFixture::body(f.get("/v1/enrol/requests", f.admin.token))["requests"].empty());

    // An offer expires.
    crypto::Bytes s2(16, 9);
    REQUIRE(f.post("/v1/enrol/offer", json{{"offer", crypto::to_hex(crypto::hash(s2))}, {"name", "x"}, {"expires_in", 60}}, f.admin.token).status == 200);
    f.now += 60'000;
    json late = request;
    late["secret"] = b64(s2);
    CHECK(f.post("/v1/enrol/request", late).status == 403);
}

TEST_CASE("server: key grants: verified, stored, only the recipient's returned", "[server][keys]") {
    ServerFixture f;
    f.found();
    TestDevice a, b, outsider;
    f.enrol(a);
    f.enrol(b);
    f.enrol(outsider);
    const auto scope = crypto::random_id();
    f.add_member(scope, 1, a);
    f.add_member(scope, 1, b);
    const auto key = crypto::SymmetricKey::generate();

    const auto by_admin = sync::KeyGrant::make(f.org_admin, true, scope, 1, *f.dir.device(a.id.id()), key);
    const auto by_a = sync::KeyGrant::make(a.id, false, scope, 1, *f.dir.device(b.id.id()), key);
    REQUIRE(f.post("/v1/keys", json{{"grants", json::array({json::parse(by_admin.to_json())})}}, f.admin.token).status == 200);
    REQUIRE(f.post("/v1/keys", json{{"grants", json::array({json::parse(by_a.to_json())})}}, a.token).status == 200);
    REQUIRE(f.post("/v1/keys", json{{"grants", json::array({json::parse(by_a.to_json())})}}, a.token).status == 200);  // repeat

    auto mine = f.get("/v1/keys", b.token);
    REQUIRE(mine.status == 200);
    REQUIRE(ServerFixture::body(mine)["grants"].size() == 1);
    auto g = sync::KeyGrant::from_json(ServerFixture::body(mine)["grants"][0].dump());
    REQUIRE(g.ok());
    auto opened = g->open(f.dir, b.id);
    REQUIRE(opened.ok());
    CHECK(crypto::equal(opened->view(), key.view()));
    CHECK(ServerFixture::body(f.get("/v1/keys", outsider.token))["grants"].empty());

    const std::string before = f.state();
    const json to_outsider{{"grants", json::array({json::parse(sync::KeyGrant::make(a.id, false, scope, 1, *f.dir.device(outsider.id.id()), key).to_json())})}};
    auto r = f.post("/v1/keys", to_outsider, a.token);
    CHECK(r.status == 403);
    CHECK(ServerFixture::code(r) == "not_member");
    const json from_outsider{{"grants", json::array({json::parse(sync::KeyGrant::make(outsider.id, false, scope, 1, *f.dir.device(a.id.id()), key).to_json())})}};
    CHECK(ServerFixture::code(f.post("/v1/keys", from_outsider, outsider.token)) == "not_member");
    CHECK(ServerFixture::code(f.post("/v1/keys", json{{"grants", json::array({json::parse(by_a.to_json())})}}, b.token)) == "forbidden");
    CHECK(ServerFixture::code(f.post("/v1/keys", json{{"grants", json::array({json::parse(by_admin.to_json())})}}, a.token)) == "forbidden");
    auto forged = by_a;
    forged.signature[5] ^= 0x20;
    CHECK(ServerFixture::code(f.post("/v1/keys", json{{"grants", json::array({json::parse(forged.to_json())})}}, a.token)) == "bad_signature");
    // All or nothing: a good grant next to a bad one is not stored either.
    const auto good = sync::KeyGrant::make(f.org_admin, true, scope, 1, *f.dir.device(b.id.id()), key);
    auto forged_admin = sync::KeyGrant::make(f.org_admin, true, scope, 1, *f.dir.device(a.id.id()), key);
    forged_admin.signature[0] ^= 1;
    auto mixed = f.post("/v1/keys", json{{"grants", json::array({json::parse(good.to_json()), json::parse(forged_admin.to_json())})}}, f.admin.token);
    CHECK(mixed.status == 400);
    CHECK(ServerFixture::code(mixed) == "bad_signature");
    CHECK(f.state() == before);
}

TEST_CASE("server: push and pull: real envelopes round trip, duplicates, pagination", "[server][ops]") {
    ServerFixture f;
    f.found();
    TestDevice a, b;
    f.enrol(a);
    f.enrol(b);
    const auto scope = crypto::random_id();
    const auto other_scope = crypto::random_id();
    f.add_member(scope, 1, a);
    f.add_member(scope, 1, b);
    f.add_member(other_scope, 1, a);
    const auto key = crypto::SymmetricKey::generate();
    const auto other_key = crypto::SymmetricKey::generate();

    std::vector<crypto::Bytes> envs;
    for (int i = 0; i < 5; ++i) envs.push_back(ServerFixture::seal(a, scope, 1, f.hlc_now() + i, key, "Notiz " + std::to_string(i), i + 1));
    envs.push_back(ServerFixture::seal(a, other_scope, 1, f.hlc_now() + 5, other_key, "anderswo", 6));
    const json body = ServerFixture::push_body(a, envs);

    auto r = f.post("/v1/push", body, a.token);
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(ServerFixture::body(r)["accepted"] == 6);
    CHECK(ServerFixture::body(r)["duplicates"] == 0);
    CHECK(ServerFixture::body(r)["seqs"][crypto::to_hex(scope)] == 5);
    CHECK(ServerFixture::body(r)["seqs"][crypto::to_hex(other_scope)] == 1);

    SECTION("b pulls what a pushed, verifies and opens it") {
        const auto texts = pull_all(f, b, scope, key, 1);
        CHECK(texts == std::vector<std::string>{"Notiz 0", "Notiz 1", "Notiz 2", "Notiz 3", "Notiz 4"});
        auto not_member = f.get("/v1/pull", b.token, {{"scope", crypto::to_hex(other_scope)}});
        CHECK(not_member.status == 403);
        CHECK(ServerFixture::code(not_member) == "not_member");
    }
    SECTION("the same push again: same state, accepted 0, duplicates N") {
        const auto first = f.get("/v1/pull", b.token, {{"scope", crypto::to_hex(scope)}});
        auto again = f.post("/v1/push", body, a.token);
        REQUIRE(again.status == 200);
        CHECK(ServerFixture::body(again)["accepted"] == 0);
        CHECK(ServerFixture::body(again)["duplicates"] == 6);
        CHECK(ServerFixture::body(again)["seqs"] == ServerFixture::body(r)["seqs"]);
        CHECK(f.get("/v1/pull", b.token, {{"scope", crypto::to_hex(scope)}}).body == first.body);
        // Re-sent under a new transport commit, plus one new envelope: only that one is stored.
        auto more = envs;
        more.push_back(ServerFixture::seal(a, scope, 1, f.hlc_now() + 9, key, "neu", 7));
        auto mixed = f.post("/v1/push", ServerFixture::push_body(a, more), a.token);
        REQUIRE(mixed.status == 200);
        CHECK(ServerFixture::body(mixed)["accepted"] == 1);
        CHECK(ServerFixture::body(mixed)["duplicates"] == 6);
        CHECK(ServerFixture::body(mixed)["seqs"][crypto::to_hex(scope)] == 6);
        CHECK(pull_all(f, b, scope, key, 1).back() == "neu");
        auto n = f.storage->envelope_count();
        CHECK(*n == 7);
    }
    SECTION("pagination with more and next") {
        auto p1 = f.get("/v1/pull", b.token, {{"scope", crypto::to_hex(scope)}, {"since", "0"}, {"limit", "2"}});
        REQUIRE(p1.status == 200);
        CHECK(ServerFixture::body(p1)["items"].size() == 2);
        CHECK(ServerFixture::body(p1)["next"] == 2);
        CHECK(ServerFixture::body(p1)["more"] == true);
        auto p3 = f.get("/v1/pull", b.token, {{"scope", crypto::to_hex(scope)}, {"since", "4"}, {"limit", "2"}});
        CHECK(ServerFixture::body(p3)["items"].size() == 1);
        CHECK(ServerFixture::body(p3)["next"] == 5);
        CHECK(ServerFixture::body(p3)["more"] == false);
        auto empty = f.get("/v1/pull", b.token, {{"scope", crypto::to_hex(scope)}, {"since", "5"}});
        CHECK(ServerFixture::body(empty)["items"].empty());
        CHECK(ServerFixture::body(empty)["next"] == 5);
        CHECK(ServerFixture::body(empty)["more"] == false);
        CHECK(pull_all(f, b, scope, key, 1, 1).size() == 5);  // one by one
        // A limit above the maximum is clamped, not refused.
        CHECK(f.get("/v1/pull", b.token, {{"scope", crypto::to_hex(scope)}, {"limit", "999999"}}).status == 200);
    }
    SECTION("a page stops at its byte budget") {
        f.limits.max_pull_bytes = 1;  // every page holds exactly one item
        f.restart();
        f.login(b);
        auto p = f.get("/v1/pull", b.token, {{"scope", crypto::to_hex(scope)}});
        CHECK(ServerFixture::body(p)["items"].size() == 1);
        CHECK(ServerFixture::body(p)["more"] == true);
        CHECK(pull_all(f, b, scope, key, 1).size() == 5);
    }
    SECTION("the state survives a restart") {
        f.restart();
        f.login(b);
        CHECK(pull_all(f, b, scope, key, 1).size() == 5);
    }
}

TEST_CASE("server: push refusals: membership, revocation, clock skew, commit mismatch, authorship", "[server][ops]") {
    ServerFixture f;
    f.found();
    TestDevice a, b;
    f.enrol(a);
    f.enrol(b);
    const auto scope = crypto::random_id();
    f.add_member(scope, 1, a);
    const auto key = crypto::SymmetricKey::generate();
    const auto one = ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "x");
    const auto two = ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "y");
    const std::string before = f.state();

    auto expect = [&](const json& body, const std::string& token, int status, const std::string& code) {
        auto r = f.post("/v1/push", body, token);
        INFO(r.body);
        CHECK(r.status == status);
        CHECK(ServerFixture::code(r) == code);
        CHECK(f.state() == before);
    };

    SECTION("not a member of the scope") {
        const auto by_b = ServerFixture::seal(b, scope, 1, f.hlc_now(), key, "x");
        expect(ServerFixture::push_body(b, {by_b}), b.token, 403, "not_member");
    }
    SECTION("a member, but not at that epoch") {
        expect(ServerFixture::push_body(a, {ServerFixture::seal(a, scope, 2, f.hlc_now(), key, "x")}), a.token, 403, "not_member");
    }
    SECTION("revoked") {
        f.revoke(a);
        const std::string now_state = f.state();
        auto r = f.post("/v1/push", ServerFixture::push_body(a, {one}), a.token);
        CHECK(r.status == 403);
        CHECK(ServerFixture::code(r) == "revoked");
        CHECK(f.state() == now_state);
    }
    SECTION("more than 24 h ahead of the server clock") {
        const auto ahead = ServerFixture::seal(a, scope, 1, sync::Hlc::make(f.now + 24ull * 3600 * 1000 + 1000, 0), key, "x");
        expect(ServerFixture::push_body(a, {ahead}), a.token, 400, "clock_skew");
        const auto just = ServerFixture::seal(a, scope, 1, sync::Hlc::make(f.now + 24ull * 3600 * 1000 - 1000, 0), key, "x");
        CHECK(f.post("/v1/push", ServerFixture::push_body(a, {just}), a.token).status == 200);
    }
    SECTION("the commit does not list exactly the envelopes sent") {
        json body = ServerFixture::push_body(a, {one});
        body["envelopes"].push_back(b64(two));  // one more than listed
        expect(body, a.token, 400, "bad_request");
        json fewer = ServerFixture::push_body(a, {one, two});
        fewer["envelopes"].erase(1);  // one less than listed
        expect(fewer, a.token, 400, "bad_request");
        json swapped = ServerFixture::push_body(a, {one});
        swapped["envelopes"][0] = b64(two);
        expect(swapped, a.token, 400, "bad_request");
        json twice = ServerFixture::push_body(a, {one, one});
        expect(twice, a.token, 400, "bad_request");
    }
    SECTION("the commit's signature does not verify") {
        json body = ServerFixture::push_body(a, {one});
        auto c = sync::wire::unb64(body["commit"].get<std::string>());
        c->back() ^= 1;
        body["commit"] = b64(*c);
        expect(body, a.token, 400, "bad_signature");
    }
    SECTION("commit or envelope by another device than the authenticated one") {
        expect(ServerFixture::push_body(b, {one}), a.token, 403, "forbidden");
        expect(ServerFixture::push_body(a, {one}), b.token, 403, "forbidden");
        f.add_member(scope, 1, b);
        const std::string s2 = f.state();
        auto r = f.post("/v1/push", ServerFixture::push_body(b, {one}), b.token);  // b's commit over a's envelope
        CHECK(r.status == 403);
        CHECK(ServerFixture::code(r) == "forbidden");
        CHECK(f.state() == s2);
    }
}

TEST_CASE("server: malformed requests: each a 4xx with its stable code, nothing changed", "[server][malformed]") {
    srv::Limits l = generous_limits();
    l.max_body = 64 * 1024;
    l.max_push_envelopes = 4;
    ServerFixture f(l);
    f.found();
    TestDevice a;
    f.enrol(a);
    const auto scope = crypto::random_id();
    f.add_member(scope, 1, a);
    const auto key = crypto::SymmetricKey::generate();
    const auto env = ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "x");
    const json good = ServerFixture::push_body(a, {env});
    const std::string commit = good["commit"];
    const std::string envb = good["envelopes"][0];
    auto truncated = env;
    truncated.resize(env.size() - 3);
    auto trailing = env;
    trailing.push_back(0);
    std::vector<crypto::Bytes> five;
    for (int i = 0; i < 5; ++i) five.push_back(ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "x"));
    const std::string deep = std::string(30000, '[') + std::string(30000, ']');  // under the body limit

    struct Row {
        const char* name;
        std::string method, path, body;
        std::map<std::string, std::string> query;
        int status;
        const char* code;
    };
    const std::string hex_scope = crypto::to_hex(scope);
    const std::vector<Row> rows = {
        {"not JSON", "POST", "/v1/push", "{nope", {}, 400, "bad_request"},
        {"empty body", "POST", "/v1/push", "", {}, 400, "bad_request"},
        {"JSON array", "POST", "/v1/push", "[1,2]", {}, 400, "bad_request"},
        {"deeply nested", "POST", "/v1/push", deep, {}, 400, "bad_request"},
        {"commit is a number", "POST", "/v1/push", json{{"commit", 5}, {"envelopes", json::array({envb})}}.dump(), {}, 400, "bad_request"},
        {"envelopes not an array", "POST", "/v1/push", json{{"commit", commit}, {"envelopes", envb}}.dump(), {}, 400, "bad_request"},
        {"envelope is a number", "POST", "/v1/push", json{{"commit", commit}, {"envelopes", json::array({7})}}.dump(), {}, 400, "bad_request"},
        {"no envelopes", "POST", "/v1/push", json{{"commit", commit}, {"envelopes", json::array()}}.dump(), {}, 400, "bad_request"},
        {"bad base64 commit", "POST", "/v1/push", json{{"commit", "@@@"}, {"envelopes", json::array({envb})}}.dump(), {}, 400, "bad_request"},
        {"bad base64 envelope", "POST", "/v1/push", json{{"commit", commit}, {"envelopes", json::array({"QU*="})}}.dump(), {}, 400, "bad_request"},
        {"truncated commit", "POST", "/v1/push", json{{"commit", commit.substr(0, 40)}, {"envelopes", json::array({envb})}}.dump(), {}, 400, "bad_request"},
        {"truncated envelope", "POST", "/v1/push", json{{"commit", commit}, {"envelopes", json::array({b64(truncated)})}}.dump(), {}, 400, "bad_request"},
        {"trailing byte", "POST", "/v1/push", json{{"commit", commit}, {"envelopes", json::array({b64(trailing)})}}.dump(), {}, 400, "bad_request"},
        {"oversized body", "POST", "/v1/push", std::string(64 * 1024 + 1, ' '), {}, 413, "too_large"},
        {"too many envelopes", "POST", "/v1/push", ServerFixture::push_body(a, five).dump(), {}, 413, "too_large"},
        {"pull: scope missing", "GET", "/v1/pull", "", {}, 400, "bad_request"},
        {"pull: scope not hex", "GET", "/v1/pull", "", {{"scope", std::string(32, 'z')}}, 400, "bad_request"},
        {"pull: scope upper-case", "GET", "/v1/pull", "", {{"scope", std::string(32, 'A')}}, 400, "bad_request"},
        {"pull: scope short", "GET", "/v1/pull", "", {{"scope", hex_scope.substr(2)}}, 400, "bad_request"},
        {"pull: since negative", "GET", "/v1/pull", "", {{"scope", hex_scope}, {"since", "-1"}}, 400, "bad_request"},
        {"pull: since overflow", "GET", "/v1/pull", "", {{"scope", hex_scope}, {"since", "99999999999999999999999"}}, 400, "bad_request"},
        {"pull: limit zero", "GET", "/v1/pull", "", {{"scope", hex_scope}, {"limit", "0"}}, 400, "bad_request"},
        {"pull: limit words", "GET", "/v1/pull", "", {{"scope", hex_scope}, {"limit", "ten"}}, 400, "bad_request"},
        {"directory: since words", "GET", "/v1/directory", "", {{"since", "x"}}, 400, "bad_request"},
        {"directory: entry missing", "POST", "/v1/directory", "{}", {}, 400, "bad_request"},
        {"directory: entry bad base64", "POST", "/v1/directory", json{{"entry", {{"body", "!!"}, {"signer", "admin"}, {"signature", "AA=="}}}}.dump(), {}, 400, "bad_request"},
        {"challenge: bad hex", "POST", "/v1/auth/challenge", json{{"device", "xyz"}}.dump(), {}, 400, "bad_request"},
        {"challenge: device a number", "POST", "/v1/auth/challenge", json{{"device", 12}}.dump(), {}, 400, "bad_request"},
        {"token: short signature", "POST", "/v1/auth/token", json{{"device", a.hex()}, {"challenge", b64(crypto::Bytes(32))}, {"signature", "AAAA"}}.dump(), {}, 400, "bad_request"},
        {"keys: grants an object", "POST", "/v1/keys", json{{"grants", json::object()}}.dump(), {}, 400, "bad_request"},
        {"keys: grant missing fields", "POST", "/v1/keys", json{{"grants", json::array({json{{"scope", hex_scope}}})}}.dump(), {}, 400, "bad_request"},
        {"offer: not admin", "POST", "/v1/enrol/offer", json{{"offer", std::string(64, 'a')}, {"name", "n"}}.dump(), {}, 403, "forbidden"},
        {"enrol request: short secret", "POST", "/v1/enrol/request", json{{"secret", "AAAA"}, {"sign_pk", b64(a.id.sign_public())}, {"box_pk", b64(a.id.box_public())}, {"name", "n"}}.dump(), {}, 400, "bad_request"},
        {"enrol request: empty name", "POST", "/v1/enrol/request", json{{"secret", b64(crypto::Bytes(16))}, {"sign_pk", b64(a.id.sign_public())}, {"box_pk", b64(a.id.box_public())}, {"name", ""}}.dump(), {}, 400, "bad_request"},
        {"org: founded already (checked first)", "POST", "/v1/org", json{{"bootstrap", 1}, {"entries", "x"}}.dump(), {}, 409, "conflict"},
        {"unknown path", "GET", "/v1/nothing", "", {}, 404, "not_found"},
        {"wrong method", "GET", "/v1/push", "", {}, 404, "not_found"},
    };
    const std::string before = f.state();
    for (const auto& row : rows) {
        INFO(row.name);
        auto r = f.call(row.method, row.path, row.body, a.token, row.query);
        INFO(r.body);
        CHECK(r.status == row.status);
        CHECK(ServerFixture::code(r) == row.code);
        CHECK(f.state() == before);
    }
    // A parse error is reported only to an authenticated caller.
    CHECK(f.call("POST", "/v1/push", "{nope").status == 401);
    CHECK(f.post("/v1/push", good, a.token).status == 200);  // and the server still works
}

TEST_CASE("server: a request never crashes the server: mutated push bodies", "[server][malformed]") {
    ServerFixture f;
    f.found();
    TestDevice a;
    f.enrol(a);
    const auto scope = crypto::random_id();
    f.add_member(scope, 1, a);
    const auto key = crypto::SymmetricKey::generate();
    const std::string body = ServerFixture::push_body(a, {ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "x")}).dump();
    std::mt19937 rng(20240611);
    int refused = 0;
    for (int i = 0; i < 400; ++i) {
        std::string m = body;
        const int edits = 1 + int(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % m.size();
            switch (rng() % 3) {
            case 0: m[at] = char(rng() % 256); break;
            case 1: m.erase(at, 1 + rng() % 8); break;
            default: m.insert(at, 1, "\"{}[],:0A="[rng() % 10]); break;
            }
            if (m.empty()) m = "x";
        }
        auto r = f.call("POST", "/v1/push", m, a.token);
        INFO(m);
        REQUIRE((r.status == 200 || (r.status >= 400 && r.status < 500)));
        REQUIRE(json::parse(r.body, nullptr, false).is_object());
        refused += r.status != 200;
    }
    CHECK(refused > 300);
}

TEST_CASE("server: rate limit: a token bucket per device answers 429", "[server][limits]") {
    srv::Limits l = generous_limits();
    ServerFixture f(l);
    f.found();
    TestDevice a;
    f.enrol(a);
    f.limits.rate_burst = 3;
    f.limits.rate_per_second = 1;
    f.restart();
    f.login(a);  // unauthenticated requests use the address bucket, not the device's
    for (int i = 0; i < 3; ++i) CHECK(f.get("/v1/keys", a.token).status == 200);
    auto r = f.get("/v1/keys", a.token);
    CHECK(r.status == 429);
    CHECK(ServerFixture::code(r) == "rate_limited");
    f.now += 1000;
    CHECK(f.get("/v1/keys", a.token).status == 200);
    CHECK(f.get("/v1/keys", a.token).status == 429);
}

// A caller without a valid token learns 401 before its body is parsed (docs/server.md, "Bounds"):
// 1 MiB of '[' parses into about 80 MiB of nested arrays, so the peak memory shows whether it was.
// Endpoints without a token take small bodies only, and founding none once an organisation exists.
TEST_CASE("server: without a valid token no body is parsed", "[server][limits]") {
    srv::Limits l = generous_limits();
    l.max_body = 2u << 20;
    ServerFixture f(l);
    f.found();
    const std::string before = f.state();
    const std::string nested(1u << 20, '[');
    struct Row {
        const char* what;
        const char* path;
        std::string token;
        int status;
        const char* code;
    };
    const std::vector<Row> rows = {
        {"no token", "/v1/push", "", 401, "unauthenticated"},
        {"an unknown token", "/v1/push", std::string(64, 'a'), 401, "unauthenticated"},
        {"no token, directory", "/v1/directory", "", 401, "unauthenticated"},
        {"an endpoint without a token takes small bodies only", "/v1/auth/challenge", "", 413, "too_large"},
        {"token likewise", "/v1/auth/token", "", 413, "too_large"},
        {"enrolment request likewise", "/v1/enrol/request", "", 413, "too_large"},
        {"founding, once founded", "/v1/org", "", 409, "conflict"},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        REQUIRE(reset_peak_rss());
        const std::int64_t base = status_kib("VmRSS");
        auto r = f.call("POST", row.path, nested, row.token);
        const double grew = peak_growth_mib(base);
        INFO("peak grew by " << grew << " MiB");
        CHECK(r.status == row.status);
        CHECK(ServerFixture::code(r) == row.code);
        CHECK(grew < 8);
    }
    CHECK(f.state() == before);
    // With a token, what is not JSON is still a 400 (after authentication, as before).
    auto bad = f.call("POST", "/v1/push", "{", f.admin.token);
    CHECK(bad.status == 400);
    CHECK(ServerFixture::code(bad) == "bad_request");
    // A small body to an endpoint without a token is served as before.
    CHECK(f.post("/v1/auth/challenge", json{{"device", f.admin.hex()}}).status == 200);
}

// WAL checkpoints run on the storage's own thread (sqlite_storage.h): pushes past the threshold
// get their pages copied into the database file without any commit doing it, and all of it is
// there after a reopen. With the checkpointer's hook missing or never waking it, SQLite's own
// checkpoint is off and the database file stays at its initial size.
TEST_CASE("server storage: WAL checkpoints happen off the request path, and lose nothing", "[server][storage]") {
    TempDir tmp;
    const auto file = tmp.path() / "server.db";
    const crypto::ScopeId scope = crypto::random_id();
    const crypto::DeviceId author = crypto::random_id();
    const std::vector<std::uint8_t> bytes(4000, 0x5a);  // about one page per envelope
    std::uint64_t stored = 0;
    {
        auto st = srv::SqliteStorage::open(file, true);
        REQUIRE(st.ok());
        auto& storage = **st;
        for (int batch = 0; batch < 3; ++batch) {
            srv::PushGroup g;
            g.commit = srv::CommitRecord{crypto::random_id(), author, crypto::ByteView(bytes.data(), 100)};
            for (int i = 0; i < 1000; ++i)
                g.envelopes.push_back(srv::EnvelopeRecord{scope, 1, crypto::random_id(), author, std::uint64_t(i),
                                                          crypto::ByteView(bytes)});
            auto out = storage.push({g});
            REQUIRE(out.ok());
            stored += out->accepted;
        }
        storage.wait_checkpoint_idle();
        // 3,000 envelopes of 4 KB: the database file itself holds them now, not only the WAL.
        CHECK(std::filesystem::file_size(file) > 8u * 1000 * 1000);
    }
    REQUIRE(stored == 3000);
    auto st = srv::SqliteStorage::open(file, false);
    REQUIRE(st.ok());
    auto n = (*st)->envelope_count();
    REQUIRE(n.ok());
    REQUIRE(*n == 3000);
    auto page = (*st)->pull(scope, 2990, 100, 1u << 20);
    REQUIRE(page.ok());
    REQUIRE(page->items.size() == 10);
}

// What a removal's `last_seq` is read from (docs/protocol.md, GET /v1/devices/seq): the highest
// device sequence number (envelope header `seq`) of a device's stored envelopes, across scopes,
// whatever order they came in; and for a database from before the column, read from the
// envelopes it already holds when it is opened.
TEST_CASE("server storage: last_device_seq, also for envelopes stored before the column", "[server][storage]") {
    ServerFixture f;
    f.found();
    TestDevice a, b;
    f.enrol(a);
    f.enrol(b);
    const auto scope = crypto::random_id(), other = crypto::random_id();
    f.add_member(scope, 1, a);
    f.add_member(other, 1, a);
    f.add_member(scope, 1, b);
    const auto key = crypto::SymmetricKey::generate();
    CHECK(*f.storage->last_device_seq(a.id.id()) == 0);
    const std::vector<crypto::Bytes> mine{ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "x", 3),
                                          ServerFixture::seal(a, other, 1, f.hlc_now(), key, "y", 9),
                                          ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "z", 5)};
    REQUIRE(f.post("/v1/push", ServerFixture::push_body(a, mine), a.token).status == 200);
    REQUIRE(f.post("/v1/push", ServerFixture::push_body(b, {ServerFixture::seal(b, scope, 1, f.hlc_now(), key, "w", 2)}), b.token)
                .status == 200);
    CHECK(*f.storage->last_device_seq(a.id.id()) == 9);
    CHECK(*f.storage->last_device_seq(b.id.id()) == 2);
    CHECK(*f.storage->last_device_seq(crypto::random_id()) == 0);

    // A server database of schema 2 (no dev_seq) holding one envelope of seq 7.
    TempDir tmp;
    const auto file = tmp.path() / "server.db";
    const auto env = ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "alt", 7);
    {
        auto db = sync::Database::open(file, true);
        REQUIRE(db.ok());
        REQUIRE(db->exec(R"sql(
CREATE TABLE commits(id BLOB PRIMARY KEY, author BLOB NOT NULL, bytes BLOB NOT NULL);
CREATE TABLE envelopes(
  id INTEGER PRIMARY KEY, scope BLOB NOT NULL, seq INTEGER NOT NULL, op BLOB NOT NULL UNIQUE,
  author BLOB NOT NULL, epoch INTEGER NOT NULL, hlc INTEGER NOT NULL,
  commit_id BLOB NOT NULL REFERENCES commits(id), bytes BLOB NOT NULL, UNIQUE(scope, seq));
PRAGMA user_version = 2;)sql").ok());
        const auto op = crypto::random_id(), commit = crypto::random_id();
        auto c = db->prepare("INSERT INTO commits(id, author, bytes) VALUES(?1, ?2, x'00')");
        REQUIRE(c.ok());
        REQUIRE(c->bind(1, crypto::ByteView(commit)).bind(2, crypto::ByteView(a.id.id())).run().ok());
        auto ins = db->prepare("INSERT INTO envelopes(scope, seq, op, author, epoch, hlc, commit_id, bytes) VALUES(?1, 1, ?2, ?3, 1, 0, ?4, ?5)");
        REQUIRE(ins.ok());
        REQUIRE(ins->bind(1, crypto::ByteView(scope)).bind(2, crypto::ByteView(op)).bind(3, crypto::ByteView(a.id.id()))
                    .bind(4, crypto::ByteView(commit)).bind(5, crypto::ByteView(env)).run().ok());
    }
    auto st = srv::SqliteStorage::open(file, false);
    REQUIRE(st.ok());
    CHECK(*(*st)->last_device_seq(a.id.id()) == 7);
    srv::PushGroup g{srv::CommitRecord{crypto::random_id(), a.id.id(), crypto::ByteView(env)}, {}};
    g.envelopes.push_back(srv::EnvelopeRecord{other, 1, crypto::random_id(), a.id.id(), 0, crypto::ByteView(env), 8});
    REQUIRE((*st)->push({g}).ok());
    CHECK(*(*st)->last_device_seq(a.id.id()) == 8);
}

TEST_CASE("server: a directory entry comes with the openings of its commitments, or is refused", "[server][directory]") {
    ServerFixture f;
    f.found();
    TestDevice x;
    auto enrol = f.dir.make_enrol(f.org_admin, x.id.id(), x.id.sign_public(), x.id.box_public(), "Tablet Amsel", "caseworker", f.now);
    const std::string before = f.state();
    auto without = enrol;
    without.annex.erase("name");
    auto r = f.post("/v1/directory", json{{"entry", f.entry(without)}}, f.admin.token);
    CHECK(r.status == 400);
    CHECK(ServerFixture::code(r) == "bad_request");
    auto lie = enrol;
    lie.annex["name"].value = "Tablet Drossel";
    CHECK(f.post("/v1/directory", json{{"entry", f.entry(lie)}}, f.admin.token).status == 400);
    CHECK(f.state() == before);
    f.append(enrol);  // with them: stored, and kept across a restart
    f.restart();
    CHECK(f.server->directory().device(x.id.id())->name == "Tablet Amsel");
}
