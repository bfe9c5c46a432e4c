// Scope boundaries that hold against an insider (issue 12; docs/threat-model.md, "Curious
// colleague"): an enrolled device whose client was modified sends what the stock client never
// would, one section per finding of the issue. Every test goes through the real HTTP server on a
// loopback port (tests/server/loopback.h), with envelopes, commits and directory entries signed
// the way such a client would sign them.
#include "loopback.h"

#include <set>

using namespace quartier;
using namespace quartier::test;
using sync::wire::b64;

namespace {

json error_of(const srv::Response& r) {
    const json j = json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"] : json();
}

srv::Response push(ServerFixture& f, const TestDevice& d, const std::vector<crypto::Bytes>& envs) {
    return f.post("/v1/push", ServerFixture::push_body(d, envs), d.token);
}
srv::Response pull(ServerFixture& f, const TestDevice& d, const crypto::ScopeId& scope) {
    return f.get("/v1/pull", d.token, {{"scope", crypto::to_hex(scope)}});
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// (3) A device taken off a scope keeps neither reading nor writing it.

TEST_CASE("insider: a device taken off a scope, or rotated past, neither pulls nor pushes it", "[server][insider]") {
    LoopbackFixture f;
    f.found();
    TestDevice a, b;
    f.enrol(a);
    f.enrol(b);
    const auto scope = crypto::random_id();
    const auto key = crypto::SymmetricKey::generate();
    f.add_member(scope, 1, a);
    f.add_member(scope, 1, b);
    REQUIRE(push(f, a, {ServerFixture::seal(a, scope, 1, f.hlc_now(), key, "vorher")}).status == 200);
    REQUIRE(pull(f, b, scope).status == 200);
    REQUIRE(push(f, b, {ServerFixture::seal(b, scope, 1, f.hlc_now() + 1, key, "auch vorher")}).status == 200);

    auto refused = [&](const srv::Response& r) {
        INFO(r.body);
        CHECK(r.status == 403);
        CHECK(error_of(r)["code"] == "not_member");
    };
    SECTION("unassigned: its client ignores the entry and goes on under the epoch-1 key it holds") {
        f.append(f.dir.make_unassign(f.org_admin, true, scope, b.id.id(), f.now));
        const std::string before = f.state();
        refused(pull(f, b, scope));
        refused(push(f, b, {ServerFixture::seal(b, scope, 1, f.hlc_now() + 2, key, "danach")}));
        CHECK(f.state() == before);
    }
    SECTION("rotated past without an unassign entry (a reader the role policy forbids)") {
        f.add_member(scope, 2, a);  // epoch 2 opened for a alone
        const auto key2 = crypto::SymmetricKey::generate();
        const std::string before = f.state();
        refused(pull(f, b, scope));
        refused(push(f, b, {ServerFixture::seal(b, scope, 1, f.hlc_now() + 2, key, "unter dem alten Schlüssel")}));
        CHECK(f.state() == before);
        // The member that stayed reads and writes on, old epoch and new.
        CHECK(push(f, a, {ServerFixture::seal(a, scope, 2, f.hlc_now() + 3, key2, "neu")}).status == 200);
        CHECK(pull(f, a, scope).status == 200);
    }
    SECTION("added again: reads and writes again") {
        f.append(f.dir.make_unassign(f.org_admin, true, scope, b.id.id(), f.now));
        f.add_member(scope, 1, b);
        CHECK(pull(f, b, scope).status == 200);
        CHECK(push(f, b, {ServerFixture::seal(b, scope, 1, f.hlc_now() + 2, key, "wieder da")}).status == 200);
    }
}
