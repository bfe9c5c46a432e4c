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

// ---------------------------------------------------------------------------------------------
// (4) HLCs are bounded into the past by the device's own earlier ops; one op per sequence number.

TEST_CASE("insider: an op dated before the same device's earlier ops, or a second op under a sequence number, is refused",
          "[server][insider]") {
    LoopbackFixture f;
    f.found();
    TestDevice a, b, c;
    f.enrol(a);
    f.enrol(b);
    f.enrol(c);
    const auto scope = crypto::random_id(), other = crypto::random_id();
    const auto key = crypto::SymmetricKey::generate();
    f.add_member(scope, 1, a);
    f.add_member(scope, 1, b);
    f.add_member(other, 1, a);
    const std::uint64_t t = f.hlc_now();
    std::vector<crypto::Bytes> first;
    for (std::uint64_t i = 1; i <= 3; ++i) first.push_back(ServerFixture::seal(a, scope, 1, t + i, key, "op " + std::to_string(i), i));
    REQUIRE(push(f, a, first).status == 200);
    const std::string before = f.state();

    auto check_refused = [&](const srv::Response& r, int status, const std::string& code, std::set<std::uint64_t> seqs) {
        INFO(r.body);
        CHECK(r.status == status);
        const json e = error_of(r);
        CHECK(e["code"] == code);
        REQUIRE(e.contains("ops"));
        std::set<std::uint64_t> named;
        for (const auto& op : e["ops"]) {
            named.insert(op["seq"].get<std::uint64_t>());
            CHECK(op["code"] == code);
            CHECK(op["scope"].get<std::string>().size() == 32);
            CHECK(op["op"].get<std::string>().size() == 32);
            CHECK_FALSE(op["message"].get<std::string>().empty());
        }
        CHECK(named == seqs);
        CHECK(f.state() == before);
    };
    SECTION("a day before its own last op, in another scope too") {
        const auto back = sync::Hlc::make(f.now - 24ull * 3600 * 1000, 0);
        check_refused(push(f, a, {ServerFixture::seal(a, scope, 1, back, key, "rückdatiert", 4)}), 400, "backdated", {4});
        check_refused(push(f, a, {ServerFixture::seal(a, other, 1, back, key, "anderswo rückdatiert", 4)}), 400, "backdated", {4});
    }
    SECTION("backdated against an earlier op of the same push") {
        check_refused(push(f, a, {ServerFixture::seal(a, scope, 1, t + 10, key, "x", 4), ServerFixture::seal(a, scope, 1, t + 5, key, "y", 5)}),
                      400, "backdated", {5});
    }
    SECTION("a second op under a sequence number already stored, or twice in one push") {
        check_refused(push(f, a, {ServerFixture::seal(a, scope, 1, t + 2, key, "andere Fassung", 2)}), 409, "equivocation", {2});
        check_refused(push(f, a, {ServerFixture::seal(a, scope, 1, t + 7, key, "x", 4), ServerFixture::seal(a, scope, 1, t + 8, key, "y", 4)}),
                      409, "equivocation", {4});
    }
    SECTION("the same ops again stay idempotent; the next op in order is stored") {
        auto again = push(f, a, first);
        REQUIRE(again.status == 200);
        CHECK(ServerFixture::body(again)["duplicates"] == 3);
        CHECK(push(f, a, {ServerFixture::seal(a, scope, 1, t + 4, key, "weiter", 4)}).status == 200);
        // Same HLC as the op before it: not earlier, so not refused.
        CHECK(push(f, a, {ServerFixture::seal(a, other, 1, t + 4, key, "gleichzeitig", 5)}).status == 200);
    }
    SECTION("GET /v1/devices/seq: the last sequence number stored, for whoever signs a removal") {
        auto seq_of = [&](const TestDevice& asker, const std::string& device) {
            return f.get("/v1/devices/seq", asker.token, {{"device", device}});
        };
        auto mine = seq_of(b, a.hex());  // b shares a scope with a: it may sign a's unassign
        INFO(mine.body);
        REQUIRE(mine.status == 200);
        CHECK(ServerFixture::body(mine) == json{{"device", a.hex()}, {"last_seq", 3}});
        CHECK(ServerFixture::body(seq_of(f.admin, a.hex()))["last_seq"] == 3);
        CHECK(ServerFixture::body(seq_of(a, a.hex()))["last_seq"] == 3);
        CHECK(ServerFixture::body(seq_of(a, b.hex()))["last_seq"] == 0);
        CHECK(seq_of(c, a.hex()).status == 200);  // the admin key may be on any device: any device asks
        CHECK(seq_of(f.admin, crypto::to_hex(crypto::random_id())).status == 404);
        CHECK(seq_of(f.admin, "nothex").status == 400);
        CHECK(f.get("/v1/devices/seq", "", {{"device", a.hex()}}).status == 401);
    }
}

// ---------------------------------------------------------------------------------------------
// (5) One device flooding the server's tables locks nobody else out.

TEST_CASE("insider: one device flooding challenges, tokens and requests does not stop another from authenticating and syncing",
          "[server][insider]") {
    srv::Limits l;
    l.rate_per_second = 1;  // the fixture's clock stands still: buckets do not refill
    l.rate_burst = 40;
    l.max_tokens = 8;
    LoopbackFixture f(l);
    f.found();
    TestDevice a, b;
    f.enrol(a);
    f.enrol(b);
    const auto scope = crypto::random_id();
    const auto key = crypto::SymmetricKey::generate();
    f.add_member(scope, 1, a);
    f.add_member(scope, 1, b);

    auto b_syncs = [&] {
        auto login = f.try_login(b);
        INFO(login.body);
        REQUIRE(login.status == 200);
        auto p = push(f, b, {ServerFixture::seal(b, scope, 1, f.hlc_now() + b.seq, key, "b schreibt")});
        INFO(p.body);
        CHECK(p.status == 200);
        auto q = pull(f, b, scope);
        INFO(q.body);
        CHECK(q.status == 200);
    };
    int limited = 0;
    SECTION("a asks for challenges, for itself and in b's name from another address") {
        for (int i = 0; i < 100; ++i) limited += f.post("/v1/auth/challenge", json{{"device", a.hex()}}).status == 429;
        for (int i = 0; i < 100; ++i) limited += f.post_from("127.0.0.2", "/v1/auth/challenge", json{{"device", b.hex()}}).status == 429;
        CHECK(limited > 0);  // a's flood is limited …
        b_syncs();           // … and b is not
    }
    SECTION("a logs in again and again") {
        for (int i = 0; i < 30; ++i) limited += f.try_login(a).status == 429;
        b_syncs();
        CHECK(f.get("/v1/directory", a.token).status == 200);  // a's latest token still works
    }
    SECTION("a sends requests until it is rate limited") {
        for (int i = 0; i < 60; ++i) limited += f.get("/v1/directory", a.token).status == 429;
        CHECK(limited > 0);
        b_syncs();
    }
    SECTION("requests from more addresses than the rate table holds do not reset a's bucket") {
        for (int i = 0; i < 60; ++i) (void)f.get("/v1/directory", a.token);
        REQUIRE(f.get("/v1/directory", a.token).status == 429);
        for (int i = 0; i < 10'050; ++i) {
            const std::string from = "127.1." + std::to_string(i / 250) + "." + std::to_string(1 + i % 250);
            (void)f.post_from(from, "/v1/auth/challenge", json{{"device", "00"}});
        }
        CHECK(f.get("/v1/directory", a.token).status == 429);  // still empty: nothing was wiped
        b_syncs();
    }
}

// ---------------------------------------------------------------------------------------------
// (6) The directory gives each device what it needs to verify, and the names only to those who
// need them.

namespace {
// The whole directory as `d` gets it, checked as a client checks it: every entry, the chain from
// genesis, every signature.
json directory_as(ServerFixture& f, const TestDevice& d, std::uint64_t since = 0) {
    auto r = f.get("/v1/directory", d.token, {{"since", std::to_string(since)}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    return ServerFixture::body(r);
}
void verifies(ServerFixture& f, const json& page) {
    sync::Directory mine;
    for (const auto& e : page["entries"]) {
        auto se = sync::SignedEntry::from_json(e.dump());
        REQUIRE(se.ok());
        auto r = mine.append(*se);
        INFO((r.ok() ? std::string() : r.detail()));
        REQUIRE(r.ok());
    }
    CHECK(mine.size() == f.dir.size());  // nothing hidden from the log
    CHECK(mine.head_hash() == f.dir.head_hash());
}
}  // namespace

TEST_CASE("insider: the directory hides device names, provider assignments and shred reasons from those who need not know",
          "[server][insider]") {
    LoopbackFixture f;
    f.found();
    TestDevice worker, helper1, helper2, dpo;
    f.append(f.dir.make_enrol(f.org_admin, worker.id.id(), worker.id.sign_public(), worker.id.box_public(), "Tablet Frau Kanarienvogel",
                              "caseworker", f.now));
    f.append(f.dir.make_enrol(f.org_admin, helper1.id.id(), helper1.id.sign_public(), helper1.id.box_public(), "Helfer Amsel",
                              "helper", f.now, "Träger Drossel"));
    f.append(f.dir.make_enrol(f.org_admin, helper2.id.id(), helper2.id.sign_public(), helper2.id.box_public(), "Helfer Meise",
                              "helper", f.now, "Träger Fink"));
    f.append(f.dir.make_enrol(f.org_admin, dpo.id.id(), dpo.id.sign_public(), dpo.id.box_public(), "DSB Specht", "dpo", f.now));
    for (TestDevice* d : {&worker, &helper1, &helper2, &dpo}) f.login(*d);
    const auto case1 = crypto::random_id(), case2 = crypto::random_id(), gone = crypto::random_id();
    f.add_member(case1, 1, worker);
    f.add_member(case2, 1, worker);
    f.add_member(gone, 1, worker);
    f.append(f.dir.make_provider(f.org_admin, true, case1, "Träger Drossel", true, f.now));
    const std::uint64_t case2_assigned = f.dir.size();
    f.append(f.dir.make_provider(f.org_admin, true, case2, "Träger Fink", true, f.now));
    f.append(f.dir.make_shred(f.org_admin, gone, "erasure", "Antrag Frau Zaunkönig vom 3. März", f.now));

    const std::vector<std::string> staff_names{"Tablet Frau Kanarienvogel", "DSB Specht", "Admin-Tablet"};
    // Whether a directory answer lets its reader read `s`: in an entry's signed body or its annex.
    auto holds = [](const json& page, const std::string& s) {
        std::string readable;
        for (const char* list : {"entries", "revealed"})
            for (const auto& e : page.value(list, json::array())) {
                const auto body = sync::wire::unb64(e["body"].get<std::string>());
                REQUIRE(body);
                readable.append(body->begin(), body->end());
                if (e.contains("annex")) readable += e["annex"].dump();
            }
        return readable.find(s) != std::string::npos;
    };
    // Whether the page lets its reader see to which provider `scope` is assigned.
    auto sees_assignment = [&](const json& list, const crypto::ScopeId& scope) {
        for (const auto& e : list) {
            const auto body = sync::wire::unb64(e["body"].get<std::string>());
            REQUIRE(body);
            const json j = json::parse(body->begin(), body->end());
            if (j["kind"] != "provider" || j["scope"] != crypto::to_hex(scope)) continue;
            return j.contains("provider") || (e.contains("annex") && e["annex"].contains("provider"));
        }
        FAIL("no provider entry for the scope");
        return false;
    };

    SECTION("a helper: its own name and provider, the cases assigned to its provider, nothing else") {
        const json page = directory_as(f, helper1);
        verifies(f, page);
        for (const auto& s : staff_names) CHECK_FALSE(holds(page, s));
        CHECK_FALSE(holds(page, "Helfer Meise"));
        CHECK_FALSE(holds(page, "Träger Fink"));
        CHECK_FALSE(holds(page, "Zaunkönig"));
        CHECK(holds(page, "Helfer Amsel"));
        CHECK(sees_assignment(page["entries"], case1));
        CHECK_FALSE(sees_assignment(page["entries"], case2));
        const json other = directory_as(f, helper2);
        verifies(f, other);
        CHECK_FALSE(holds(other, "Träger Drossel"));
        CHECK(sees_assignment(other["entries"], case2));
    }
    SECTION("a caseworker: every device's name and provider, its own cases' assignments, no shred reason") {
        const json page = directory_as(f, worker);
        verifies(f, page);
        for (const auto& s : staff_names) CHECK(holds(page, s));
        CHECK(holds(page, "Helfer Meise"));
        CHECK(sees_assignment(page["entries"], case1));
        CHECK(sees_assignment(page["entries"], case2));
        CHECK_FALSE(holds(page, "Zaunkönig"));
    }
    SECTION("the DPO and the admin read the shred reason") {
        CHECK(holds(directory_as(f, dpo), "Zaunkönig"));
        CHECK(holds(directory_as(f, f.admin), "Zaunkönig"));
    }
    SECTION("a device added to a case later is given the assignment it fetched before without it") {
        TestDevice deputy;
        f.enrol(deputy);
        const json early = directory_as(f, deputy);
        verifies(f, early);
        CHECK_FALSE(sees_assignment(early["entries"], case2));  // not its case (yet)
        const std::uint64_t have = f.dir.size();
        f.add_member(case2, 1, deputy);
        const json later = directory_as(f, deputy, have);
        REQUIRE(later.contains("revealed"));
        REQUIRE(later["revealed"].size() == 1);
        CHECK(sees_assignment(later["revealed"], case2));
        CHECK(holds(later, "Träger Fink"));
        const auto seq = json::parse(*sync::wire::unb64(later["revealed"][0]["body"].get<std::string>()))["seq"];
        CHECK(seq == case2_assigned);
    }
}
