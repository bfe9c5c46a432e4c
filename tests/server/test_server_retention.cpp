// quartier-server's retention endpoints (docs/protocol.md "Retention", docs/retention.md):
// escrow wraps, crypto-shredding through the directory, shred confirmations. Each refusal is a
// row: its status and stable code, and nothing changed.
#include "server_fixture.h"

#include "sync/org/escrow.h"
#include "sync/org/grant.h"
#include "sync/client/retention.h"
#include "sync/protocol/wire.h"

#include <cctype>
#include <map>
#include <set>

using namespace quartier;
using namespace quartier::test;

namespace {
json wraps(std::initializer_list<sync::EscrowWrap> ws) {
    json list = json::array();
    for (const auto& w : ws) list.push_back(json::parse(w.to_json()));
    return json{{"wraps", list}};
}

// Everything the retention endpoints keep, as text.
std::string retention_state(ServerFixture& f, const crypto::ScopeId& scope) {
    auto w = f.storage->escrow_wraps(scope);
    auto c = f.storage->confirmations();
    REQUIRE(w.ok());
    REQUIRE(c.ok());
    std::string s = f.state();
    for (const auto& x : *w) s += x.json + "\n";
    for (const auto& x : *c) s += x.json + "\n";
    return s;
}
}  // namespace

TEST_CASE("server: escrow wraps: refused without an escrow key, then verified, stored and listed to members", "[server][escrow]") {
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
    const auto escrow = crypto::box_keypair();

    const auto by_a = sync::EscrowWrap::make(a.id, scope, 1, escrow.pk, key);
    auto none = f.post("/v1/escrow", wraps({by_a}), a.token);
    CHECK(none.status == 409);
    CHECK(ServerFixture::code(none) == "no_escrow");

    f.append(f.dir.make_escrow(f.org_admin, escrow.pk, f.now));
    REQUIRE(f.post("/v1/escrow", wraps({by_a}), a.token).status == 200);
    REQUIRE(f.post("/v1/escrow", wraps({by_a}), a.token).status == 200);  // a repeat

    auto listed = ServerFixture::body(f.get("/v1/escrow", b.token));
    REQUIRE(listed["wraps"].size() == 1);
    CHECK(listed["wraps"][0]["scope"] == crypto::to_hex(scope));
    CHECK(listed["wraps"][0]["epoch"] == 1);
    CHECK(ServerFixture::body(f.get("/v1/escrow", outsider.token))["wraps"].empty());
    auto full = f.get("/v1/escrow", f.admin.token, {{"scope", crypto::to_hex(scope)}});
    REQUIRE(full.status == 200);
    auto back = sync::EscrowWrap::from_json(ServerFixture::body(full)["wraps"][0].dump());
    REQUIRE(back.ok());
    sync::EscrowSecret secret{escrow.pk, escrow.sk.clone()};
    auto opened = secret.open(f.dir, *back);
    REQUIRE(opened.ok());
    CHECK(crypto::equal(opened->view(), key.view()));

    struct Row {
        const char* what;
        json body;
        const TestDevice* as;
        int status;
        const char* code;
    };
    auto forged = sync::EscrowWrap::make(b.id, scope, 1, escrow.pk, key);
    forged.signature[3] ^= 4;
    auto moved = sync::EscrowWrap::make(b.id, scope, 1, escrow.pk, key);
    moved.epoch = 2;  // signed for epoch 1
    const Row rows[] = {
        {"someone else's wrap", wraps({by_a}), &b, 403, "forbidden"},
        {"a non-member's wrap", wraps({sync::EscrowWrap::make(outsider.id, scope, 1, escrow.pk, key)}), &outsider, 403, "not_member"},
        {"a broken signature", wraps({forged}), &b, 400, "bad_signature"},
        {"moved to another epoch", wraps({moved}), &b, 403, "not_member"},
        {"a good and a bad one", wraps({sync::EscrowWrap::make(b.id, scope, 1, escrow.pk, key), forged}), &b, 400, "bad_signature"},
        {"no list", json{{"wraps", 7}}, &b, 400, "bad_request"},
        {"an empty list", json{{"wraps", json::array()}}, &b, 400, "bad_request"},
        {"not a wrap", json{{"wraps", json::array({"x"})}}, &b, 400, "bad_request"},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        const std::string before = retention_state(f, scope);
        auto r = f.post("/v1/escrow", row.body, row.as->token);
        CHECK(r.status == row.status);
        CHECK(ServerFixture::code(r) == row.code);
        CHECK(retention_state(f, scope) == before);
    }
    CHECK(ServerFixture::code(f.get("/v1/escrow", outsider.token, {{"scope", crypto::to_hex(scope)}})) == "not_member");
    CHECK(ServerFixture::code(f.get("/v1/escrow", a.token, {{"scope", "XYZ"}})) == "bad_request");
}

TEST_CASE("server: escrow wraps of several scopes in one request, refused whole if any one is refused", "[server][escrow]") {
    ServerFixture f;
    f.found();
    TestDevice a, outsider;
    f.enrol(a);
    f.enrol(outsider);
    const auto escrow = crypto::box_keypair();
    f.append(f.dir.make_escrow(f.org_admin, escrow.pk, f.now));
    std::vector<crypto::ScopeId> scopes;
    for (int i = 0; i < 3; ++i) {
        scopes.push_back(crypto::random_id());
        f.add_member(scopes.back(), 1, a);
        REQUIRE(f.post("/v1/escrow", wraps({sync::EscrowWrap::make(a.id, scopes.back(), 1, escrow.pk, crypto::SymmetricKey::generate())}), a.token).status == 200);
    }
    const auto unwrapped = crypto::random_id();  // a member, no wrap yet: simply not in the answer
    f.add_member(unwrapped, 1, a);
    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
        return s;
    };
    const std::string three = join({crypto::to_hex(scopes[0]), crypto::to_hex(scopes[1]), crypto::to_hex(scopes[2]), crypto::to_hex(unwrapped)});
    auto all = f.get("/v1/escrow", a.token, {{"scopes", three}});
    REQUIRE(all.status == 200);
    const json answer = ServerFixture::body(all);
    std::set<std::string> got;
    for (const auto& w : answer["wraps"]) {
        auto back = sync::EscrowWrap::from_json(w.dump());
        REQUIRE(back.ok());
        REQUIRE(back->verify(f.dir).ok());
        got.insert(crypto::to_hex(back->scope));
    }
    CHECK(got == std::set<std::string>{crypto::to_hex(scopes[0]), crypto::to_hex(scopes[1]), crypto::to_hex(scopes[2])});

    std::vector<std::string> too_many(sync::wire::kMaxEscrowScopes + 1, crypto::to_hex(scopes[0]));
    struct Row {
        const char* what;
        std::map<std::string, std::string> query;
        const TestDevice* as;
        const char* code;
    };
    const Row rows[] = {
        {"one scope of another member", {{"scopes", crypto::to_hex(scopes[0]) + "," + crypto::to_hex(crypto::random_id())}}, &a, "not_member"},
        {"an outsider", {{"scopes", crypto::to_hex(scopes[0])}}, &outsider, "not_member"},
        {"a bad id among good ones", {{"scopes", crypto::to_hex(scopes[0]) + ",XYZ"}}, &a, "bad_request"},
        {"an empty item", {{"scopes", crypto::to_hex(scopes[0]) + ","}}, &a, "bad_request"},
        {"upper-case hex", {{"scopes", [&] { std::string h = crypto::to_hex(scopes[0]); for (auto& ch : h) ch = char(std::toupper(ch)); return h; }()}}, &a, "bad_request"},
        {"too many", {{"scopes", join(too_many)}}, &a, "bad_request"},
        {"scope and scopes", {{"scope", crypto::to_hex(scopes[0])}, {"scopes", crypto::to_hex(scopes[1])}}, &a, "bad_request"},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        CHECK(ServerFixture::code(f.get("/v1/escrow", row.as->token, row.query)) == row.code);
    }
}

TEST_CASE("server: a shred entry drops the scope's envelopes, grants and wraps at once and closes it for good", "[server][shred]") {
    ServerFixture f;
    f.found();
    TestDevice a, b;
    f.enrol(a);
    f.enrol(b);
    const auto escrow = crypto::box_keypair();
    f.append(f.dir.make_escrow(f.org_admin, escrow.pk, f.now));
    const auto scope = crypto::random_id(), kept = crypto::random_id();
    for (const auto& s : {scope, kept}) {
        f.add_member(s, 1, a);
        f.add_member(s, 1, b);
    }
    const auto key = crypto::SymmetricKey::generate();
    for (const auto& s : {scope, kept}) {
        REQUIRE(f.post("/v1/push", ServerFixture::push_body(a, {ServerFixture::seal(a, s, 1, f.hlc_now(), key, "AMSEL")}), a.token).status == 200);
        const auto g = sync::KeyGrant::make(a.id, false, s, 1, *f.dir.device(b.id.id()), key);
        REQUIRE(f.post("/v1/keys", json{{"grants", json::array({json::parse(g.to_json())})}}, a.token).status == 200);
        REQUIRE(f.post("/v1/escrow", wraps({sync::EscrowWrap::make(a.id, s, 1, escrow.pk, key)}), a.token).status == 200);
    }
    // A member may not order it; the admin may.
    auto by_member = f.post("/v1/directory", json{{"entry", f.entry(f.dir.make_shred(a.id, scope, "erasure", "x", f.now))}}, a.token);
    CHECK(by_member.status == 400);
    CHECK(f.storage->holdings(scope)->envelopes == 1);
    f.append(f.dir.make_shred(f.org_admin, scope, "erasure", "Art. 17 DSGVO", f.now));
    const auto h = f.storage->holdings(scope);
    REQUIRE(h.ok());
    CHECK(h->envelopes == 0);
    CHECK(h->grants == 0);
    CHECK(h->escrow_wraps == 0);
    const auto k = f.storage->holdings(kept);
    CHECK(k->envelopes == 1);  // the other scope keeps everything
    CHECK(k->grants == 1);
    CHECK(k->escrow_wraps == 1);

    // Every way in or out of it: 410 shredded, nothing changed.
    const auto g = sync::KeyGrant::make(a.id, false, scope, 1, *f.dir.device(b.id.id()), key);
    struct Row {
        const char* what;
        srv::Response (*send)(ServerFixture&, const TestDevice&, const crypto::ScopeId&, const crypto::SymmetricKey&,
                              const crypto::Bytes&);
    };
    const crypto::Bytes escrow_pk(escrow.pk.begin(), escrow.pk.end());
    const Row rows[] = {
        {"pull", [](ServerFixture& f, const TestDevice& d, const crypto::ScopeId& s, const crypto::SymmetricKey&, const crypto::Bytes&) {
             return f.get("/v1/pull", d.token, {{"scope", crypto::to_hex(s)}});
         }},
        {"push", [](ServerFixture& f, const TestDevice& d, const crypto::ScopeId& s, const crypto::SymmetricKey& k, const crypto::Bytes&) {
             return f.post("/v1/push", ServerFixture::push_body(d, {ServerFixture::seal(d, s, 1, f.hlc_now(), k, "neu")}), d.token);
         }},
        {"escrow list", [](ServerFixture& f, const TestDevice& d, const crypto::ScopeId& s, const crypto::SymmetricKey&, const crypto::Bytes&) {
             return f.get("/v1/escrow", d.token, {{"scope", crypto::to_hex(s)}});
         }},
        {"escrow upload", [](ServerFixture& f, const TestDevice& d, const crypto::ScopeId& s, const crypto::SymmetricKey& k, const crypto::Bytes& pk) {
             std::array<std::uint8_t, 32> p{};
             std::copy(pk.begin(), pk.end(), p.begin());
             return f.post("/v1/escrow", wraps({sync::EscrowWrap::make(d.id, s, 1, p, k)}), d.token);
         }},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        const std::string before = retention_state(f, scope);
        auto r = row.send(f, a, scope, key, escrow_pk);
        CHECK(r.status == 410);
        CHECK(ServerFixture::code(r) == "shredded");
        CHECK(retention_state(f, scope) == before);
    }
    auto grant = f.post("/v1/keys", json{{"grants", json::array({json::parse(g.to_json())})}}, a.token);
    CHECK(grant.status == 410);
    CHECK(ServerFixture::code(f.post("/v1/directory", json{{"entry", f.entry(f.dir.make_member(f.org_admin, true, scope, 1, f.admin.id.id(), sync::ScopeKind::Case, f.now))}}, f.admin.token)) == "bad_request");

    // Confirmations: only a device's own, only for an order that exists; listed to the admin.
    const auto mine = sync::ShredConfirmation::make(b.id, f.org, scope, f.dir.shredded(scope)->seq, {1}, 1, true, f.now);
    const auto wrong_seq = sync::ShredConfirmation::make(b.id, f.org, scope, 2, {1}, 1, true, f.now);
    const auto other_scope = sync::ShredConfirmation::make(b.id, f.org, kept, f.dir.shredded(scope)->seq, {1}, 1, true, f.now);
    auto post_conf = [&](const sync::ShredConfirmation& c, const TestDevice& as) {
        return f.post("/v1/shred/confirm", json{{"confirmation", json::parse(c.to_json())}}, as.token);
    };
    const std::string before = retention_state(f, scope);
    CHECK(ServerFixture::code(post_conf(mine, a)) == "forbidden");
    CHECK(ServerFixture::code(post_conf(wrong_seq, b)) == "bad_signature");
    CHECK(ServerFixture::code(post_conf(other_scope, b)) == "bad_signature");
    CHECK(ServerFixture::code(f.post("/v1/shred/confirm", json{{"confirmation", {{"body", "x"}}}}, b.token)) == "bad_request");
    CHECK(retention_state(f, scope) == before);
    REQUIRE(post_conf(mine, b).status == 200);
    REQUIRE(post_conf(mine, b).status == 200);  // a repeat replaces it
    CHECK(ServerFixture::code(f.get("/v1/shred/records", b.token)) == "forbidden");
    auto records = f.get("/v1/shred/records", f.admin.token);
    REQUIRE(records.status == 200);
    REQUIRE(ServerFixture::body(records)["records"].size() == 1);
    auto back = sync::ShredConfirmation::from_json(ServerFixture::body(records)["records"][0].dump());
    REQUIRE(back.ok());
    CHECK(back->verify(f.dir).ok());

    // A restart rebuilds the same state from storage.
    f.restart();
    f.login(a);
    CHECK(ServerFixture::code(f.get("/v1/pull", a.token, {{"scope", crypto::to_hex(scope)}})) == "shredded");
}
