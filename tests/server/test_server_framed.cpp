// Framed push and pull (docs/protocol.md "Framed push and pull"): the codecs in sync/protocol/wire.h,
// strict against every truncation and extension, and the server's handling of framed bodies
// next to JSON ones: the same data, the same refusals, all or nothing across a push's groups.
#include "server_fixture.h"

using namespace quartier;
using namespace quartier::test;
namespace wire = quartier::sync::wire;

namespace {

crypto::ByteView view(const crypto::Bytes& b) { return {b.data(), b.size()}; }
crypto::Bytes copy(crypto::ByteView v) { return {v.begin(), v.end()}; }

// Random bytes of length n (n may be 0).
crypto::Bytes noise(std::size_t n) {
    crypto::Bytes b(n);
    if (n) crypto::random_bytes(b);
    return b;
}

// A transport commit by `signer` over exactly `envs`, as the client makes it.
crypto::Bytes commit_over(const TestDevice& signer, const std::vector<crypto::Bytes>& envs) {
    std::vector<crypto::Hash32> hashes;
    for (const auto& e : envs) hashes.push_back(ServerFixture::hash_of(e));
    return crypto::make_commit(signer.id, hashes).serialize();
}

// A framed push body of groups (commit bytes, envelopes).
std::string framed(const std::vector<std::pair<crypto::Bytes, std::vector<crypto::Bytes>>>& groups) {
    std::vector<wire::FramedGroup> g;
    for (const auto& [c, envs] : groups) {
        wire::FramedGroup fg{view(c), {}};
        for (const auto& e : envs) fg.envelopes.push_back(view(e));
        g.push_back(std::move(fg));
    }
    return wire::frame_push(g);
}

srv::Response post_framed(ServerFixture& f, const std::string& path, const std::string& body, const std::string& token) {
    srv::Request r;
    r.method = "POST";
    r.path = path;
    r.body = body;
    r.headers["content-type"] = "Application/Octet-Stream; charset=binary";  // case and parameters do not matter
    if (!token.empty()) r.headers["Authorization"] = "Bearer " + token;
    return f.server->handle(r);
}

srv::Response pull(ServerFixture& f, const TestDevice& d, const crypto::ScopeId& scope, const std::string& accept,
                   const std::string& limit = "1000") {
    srv::Request r;
    r.method = "GET";
    r.path = "/v1/pull";
    r.query = {{"scope", crypto::to_hex(scope)}, {"since", "0"}, {"limit", limit}};
    r.headers["Authorization"] = "Bearer " + d.token;
    if (!accept.empty()) r.headers["Accept"] = accept;
    return f.server->handle(r);
}

}  // namespace

TEST_CASE("wire: a framed push round-trips and every truncation or extension of it is refused", "[server][framed]") {
    REQUIRE(crypto::init());
    const crypto::Bytes c1 = noise(80), c2 = noise(3), e1 = noise(300), e2 = noise(1), e3 = noise(0), e4 = noise(17);
    const std::string body = framed({{c1, {e1, e2, e3}}, {c2, {e4}}});
    auto g = wire::parse_push(body, 10);
    REQUIRE(g.ok());
    REQUIRE(g->size() == 2);
    CHECK(copy((*g)[0].commit) == c1);
    CHECK(copy((*g)[1].commit) == c2);
    REQUIRE((*g)[0].envelopes.size() == 3);
    CHECK(copy((*g)[0].envelopes[0]) == e1);
    CHECK(copy((*g)[0].envelopes[1]) == e2);
    CHECK((*g)[0].envelopes[2].empty());
    REQUIRE((*g)[1].envelopes.size() == 1);
    CHECK(copy((*g)[1].envelopes[0]) == e4);

    for (std::size_t n = 0; n < body.size(); ++n) {
        INFO("cut to " << n << " of " << body.size() << " bytes");
        auto cut = wire::parse_push(std::string_view(body).substr(0, n), 10);
        REQUIRE_FALSE(cut.ok());
        CHECK(cut.error() == wire::FrameError::Malformed);
    }
    auto longer = wire::parse_push(body + '\0', 10);
    REQUIRE_FALSE(longer.ok());
    CHECK(longer.error() == wire::FrameError::Malformed);
    std::string magic = body;
    magic[3] = '2';
    CHECK_FALSE(wire::parse_push(magic, 10).ok());

    // Counts: 4 envelopes against a limit of 3, no group, an empty group, one group too many.
    auto many = wire::parse_push(body, 3);
    REQUIRE_FALSE(many.ok());
    CHECK(many.error() == wire::FrameError::TooMany);
    CHECK(wire::parse_push(body, 4).ok());
    CHECK(wire::parse_push(framed({}), 10).error() == wire::FrameError::Malformed);
    CHECK(wire::parse_push(framed({{c1, {}}}), 10).error() == wire::FrameError::Malformed);
    std::vector<std::pair<crypto::Bytes, std::vector<crypto::Bytes>>> groups(wire::kMaxPushGroups, {c2, {e2}});
    CHECK(wire::parse_push(framed(groups), 100).ok());
    groups.push_back({c2, {e2}});
    CHECK(wire::parse_push(framed(groups), 100).error() == wire::FrameError::TooMany);

    // A count that the rest of the body cannot hold is refused before anything is reserved.
    std::string huge = framed({{c2, {e2}}});
    const std::size_t count_at = 4 + 2 + 4 + c2.size();
    huge[count_at] = huge[count_at + 1] = huge[count_at + 2] = huge[count_at + 3] = char(0x7F);
    CHECK_FALSE(wire::parse_push(huge, std::size_t(-1)).ok());
}

TEST_CASE("wire: a framed pull page round-trips and every truncation or extension of it is refused", "[server][framed]") {
    REQUIRE(crypto::init());
    const crypto::Bytes c1 = noise(90), e1 = noise(500), e2 = noise(2);
    const crypto::Id16 id1 = crypto::random_id(), id2 = crypto::random_id();
    const wire::FramedPage page{41, true, {{id1, view(c1)}}, {{40, id1, view(e1)}, {41, id2, view(e2)}}};
    const std::string body = wire::frame_pull(page);
    auto p = wire::parse_pull(body);
    REQUIRE(p.ok());
    CHECK(p->next == 41);
    CHECK(p->more);
    REQUIRE(p->commits.size() == 1);
    CHECK(p->commits[0].first == id1);
    CHECK(copy(p->commits[0].second) == c1);
    REQUIRE(p->items.size() == 2);
    CHECK(p->items[0].seq == 40);
    CHECK(p->items[0].commit == id1);
    CHECK(copy(p->items[0].envelope) == e1);
    CHECK(p->items[1].seq == 41);
    CHECK(p->items[1].commit == id2);
    CHECK(copy(p->items[1].envelope) == e2);

    for (std::size_t n = 0; n < body.size(); ++n) {
        INFO("cut to " << n << " of " << body.size() << " bytes");
        CHECK_FALSE(wire::parse_pull(std::string_view(body).substr(0, n)).ok());
    }
    CHECK_FALSE(wire::parse_pull(body + 'x').ok());
    std::string more = body;
    more[4 + 8] = 2;  // `more` is 0 or 1
    CHECK_FALSE(wire::parse_pull(more).ok());
    const std::string empty = wire::frame_pull(wire::FramedPage{7, false, {}, {}});
    auto e = wire::parse_pull(empty);
    REQUIRE(e.ok());
    CHECK(e->next == 7);
    CHECK_FALSE(e->more);
    CHECK(e->items.empty());
}

TEST_CASE("server: a framed push stores every group in one request, a framed pull returns what JSON returns",
          "[server][framed][ops]") {
    ServerFixture f;
    f.found();
    TestDevice a, b;
    f.enrol(a);
    f.enrol(b);
    const auto team = crypto::random_id(), audit = crypto::random_id();
    f.add_member(team, 1, a);
    f.add_member(team, 1, b);
    f.add_member(audit, 1, a);
    const auto team_key = crypto::SymmetricKey::generate(), audit_key = crypto::SymmetricKey::generate();
    std::vector<crypto::Bytes> team_envs, audit_envs;
    for (int i = 0; i < 3; ++i)
        team_envs.push_back(ServerFixture::seal(a, team, 1, f.hlc_now() + i, team_key, "Notiz " + std::to_string(i), i + 1));
    audit_envs.push_back(ServerFixture::seal(a, audit, 1, f.hlc_now() + 3, audit_key, "entry", 4));
    const std::string body = framed({{commit_over(a, team_envs), team_envs}, {commit_over(a, audit_envs), audit_envs}});

    auto r = post_framed(f, "/v1/push", body, a.token);
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.content_type == wire::kJsonType);
    json j = ServerFixture::body(r);
    CHECK(j["accepted"] == 4);
    CHECK(j["duplicates"] == 0);
    CHECK(j["seqs"][crypto::to_hex(team)] == 3);
    CHECK(j["seqs"][crypto::to_hex(audit)] == 1);
    CHECK(j["new"][crypto::to_hex(team)] == 3);
    CHECK(j["new"][crypto::to_hex(audit)] == 1);
    // `heads`: every scope a is a member of, with its last seq (0 for one without envelopes).
    const auto quiet = crypto::random_id();
    CHECK(j["heads"].size() == 2);
    CHECK(j["heads"][crypto::to_hex(team)] == 3);
    CHECK(j["heads"][crypto::to_hex(audit)] == 1);
    CHECK(*f.storage->envelope_count() == 4);
    f.add_member(quiet, 1, a);

    // The same request again: duplicates, nothing new; `new` names each scope with 0.
    auto again = post_framed(f, "/v1/push", body, a.token);
    REQUIRE(again.status == 200);
    j = ServerFixture::body(again);
    CHECK(j["accepted"] == 0);
    CHECK(j["duplicates"] == 4);
    CHECK(j["new"][crypto::to_hex(team)] == 0);
    CHECK(j["seqs"][crypto::to_hex(team)] == 3);
    CHECK(j["heads"][crypto::to_hex(quiet)] == 0);
    CHECK(j["heads"][crypto::to_hex(team)] == 3);
    CHECK(*f.storage->envelope_count() == 4);

    // b pulls the team scope both ways: the same items, commits and cursor.
    const auto as_json = pull(f, b, team, "");
    REQUIRE(as_json.status == 200);
    CHECK(as_json.content_type == wire::kJsonType);
    const auto as_frame = pull(f, b, team, "application/json, application/octet-stream;q=0.9");
    REQUIRE(as_frame.status == 200);
    REQUIRE(as_frame.content_type == wire::kFramedType);
    const json pj = ServerFixture::body(as_json);
    auto page = wire::parse_pull(as_frame.body);
    REQUIRE(page.ok());
    CHECK(page->next == pj["next"].get<std::uint64_t>());
    CHECK(page->more == pj["more"].get<bool>());
    REQUIRE(page->items.size() == 3);
    REQUIRE(pj["items"].size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(page->items[i].seq == pj["items"][i]["seq"].get<std::uint64_t>());
        CHECK(crypto::to_hex(page->items[i].commit) == pj["items"][i]["commit"].get<std::string>());
        CHECK(copy(page->items[i].envelope) == team_envs[i]);
        CHECK(wire::b64(page->items[i].envelope) == pj["items"][i]["envelope"].get<std::string>());
    }
    REQUIRE(page->commits.size() == 1);
    CHECK(pj["commits"][crypto::to_hex(page->commits[0].first)] == wire::b64(page->commits[0].second));
    // The audit group's commit went to its own scope only: b, no member there, is refused it.
    CHECK(pull(f, b, audit, std::string(wire::kFramedType)).status == 403);
    // Pages and their limits are the same as JSON's.
    auto first = wire::parse_pull(pull(f, b, team, std::string(wire::kFramedType), "2").body);
    REQUIRE(first.ok());
    CHECK(first->items.size() == 2);
    CHECK(first->next == 2);
    CHECK(first->more);
    // Errors stay JSON whatever the Accept says.
    auto refused = pull(f, a, crypto::random_id(), std::string(wire::kFramedType));
    CHECK(refused.status == 403);
    CHECK(refused.content_type == wire::kJsonType);
    CHECK(ServerFixture::code(refused) == "not_member");
}

TEST_CASE("server: framed push refusals: the whole request or nothing, with JSON's codes", "[server][framed][ops]") {
    ServerFixture f;
    f.found();
    TestDevice a, b;
    f.enrol(a);
    f.enrol(b);
    const auto team = crypto::random_id(), other = crypto::random_id();
    f.add_member(team, 1, a);
    f.add_member(team, 1, b);
    f.add_member(other, 1, b);  // a is no member of `other`
    const auto key = crypto::SymmetricKey::generate();
    const std::vector<crypto::Bytes> mine = {ServerFixture::seal(a, team, 1, f.hlc_now(), key, "x", 1),
                                             ServerFixture::seal(a, team, 1, f.hlc_now() + 1, key, "y", 2)};
    const std::vector<crypto::Bytes> foreign_scope = {ServerFixture::seal(a, other, 1, f.hlc_now(), key, "z", 3)};
    const std::vector<crypto::Bytes> by_b = {ServerFixture::seal(b, team, 1, f.hlc_now(), key, "b", 1)};
    const std::vector<crypto::Bytes> ahead = {
        ServerFixture::seal(a, team, 1, sync::Hlc::make(f.now + 24ull * 3600 * 1000 + 1000, 0), key, "later", 4)};
    const std::string good = framed({{commit_over(a, mine), mine}});
    const std::string before = f.state();

    struct Row {
        const char* what;
        std::string body;
        std::string path;
        int status;
        std::string code;
    };
    std::string bad_magic = good;
    bad_magic[0] = 'X';
    std::string bad_sig = good;
    bad_sig[4 + 2 + 4 + 20] ^= 1;  // inside the commit: its signature or what it signs
    std::vector<std::pair<crypto::Bytes, std::vector<crypto::Bytes>>> too_many(wire::kMaxPushGroups + 1,
                                                                                {commit_over(a, mine), mine});
    const std::vector<Row> rows = {
        {"wrong magic", bad_magic, "/v1/push", 400, "bad_request"},
        {"cut short", good.substr(0, good.size() - 1), "/v1/push", 400, "bad_request"},
        {"a byte after the end", good + "!", "/v1/push", 400, "bad_request"},
        {"an empty group", framed({{commit_over(a, mine), {}}}), "/v1/push", 400, "bad_request"},
        {"an envelope that does not parse", framed({{commit_over(a, mine), {mine[0], crypto::Bytes{1, 2, 3}}}}), "/v1/push", 400,
         "bad_request"},
        {"groups swapped their commits",
         framed({{commit_over(a, {mine[1]}), {mine[0]}}, {commit_over(a, {mine[0]}), {mine[1]}}}), "/v1/push", 400, "bad_request"},
        {"the same envelope in two groups", framed({{commit_over(a, mine), mine}, {commit_over(a, {mine[0]}), {mine[0]}}}),
         "/v1/push", 400, "bad_request"},
        {"the second group is in a scope a is no member of",
         framed({{commit_over(a, mine), mine}, {commit_over(a, foreign_scope), foreign_scope}}), "/v1/push", 403, "not_member"},
        {"the second group's commit is b's", framed({{commit_over(a, mine), mine}, {commit_over(b, by_b), by_b}}), "/v1/push", 403,
         "forbidden"},
        {"the second group is dated a day ahead", framed({{commit_over(a, mine), mine}, {commit_over(a, ahead), ahead}}),
         "/v1/push", 400, "clock_skew"},
        {"a commit signature that does not verify", bad_sig, "/v1/push", 400, "bad_signature"},
        {"more groups than allowed", framed(too_many), "/v1/push", 413, "too_large"},
        {"a framed body where JSON is expected", good, "/v1/keys", 400, "bad_request"},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        auto r = post_framed(f, row.path, row.body, a.token);
        INFO(r.body);
        CHECK(r.status == row.status);
        CHECK(ServerFixture::code(r) == row.code);
        CHECK(f.state() == before);
    }
    // And the good body is accepted, so the rows above failed for what they changed.
    auto ok = post_framed(f, "/v1/push", good, a.token);
    CHECK(ok.status == 200);
    CHECK(*f.storage->envelope_count() == 2);

    SECTION("too many envelopes over all groups") {
        f.limits.max_push_envelopes = 2;
        f.restart();
        f.login(a);
        const std::string s = f.state();
        auto r = post_framed(f, "/v1/push", framed({{commit_over(a, {mine[0]}), {mine[0]}}, {commit_over(a, mine), mine}}), a.token);
        CHECK(r.status == 413);
        CHECK(ServerFixture::code(r) == "too_large");
        CHECK(f.state() == s);
    }
    SECTION("without a token: 401, whatever the body") {
        auto r = post_framed(f, "/v1/push", bad_magic, "");
        CHECK(r.status == 401);
    }
}

TEST_CASE("server: a crypto-shredded scope answers 410 to framed pushes and pulls too, and leaves the push's heads",
          "[server][framed][shred]") {
    ServerFixture f;
    f.found();
    TestDevice a;
    f.enrol(a);
    const auto shredded = crypto::random_id(), kept = crypto::random_id();
    f.add_member(shredded, 1, a);
    f.add_member(kept, 1, a);
    const auto key = crypto::SymmetricKey::generate();
    const std::vector<crypto::Bytes> first{ServerFixture::seal(a, shredded, 1, f.hlc_now(), key, "AMSEL", 1)};
    REQUIRE(post_framed(f, "/v1/push", framed({{commit_over(a, first), first}}), a.token).status == 200);
    f.append(f.dir.make_shred(f.org_admin, shredded, "erasure", "Art. 17 DSGVO", f.now));
    REQUIRE(f.storage->holdings(shredded)->envelopes == 0);

    // A framed push with a group for the shredded scope: 410, and the other group is not stored either.
    const std::vector<crypto::Bytes> gone{ServerFixture::seal(a, shredded, 1, f.hlc_now() + 1, key, "neu", 2)};
    const std::vector<crypto::Bytes> fine{ServerFixture::seal(a, kept, 1, f.hlc_now() + 2, key, "Notiz", 3)};
    const std::string before = f.state();
    auto r = post_framed(f, "/v1/push", framed({{commit_over(a, fine), fine}, {commit_over(a, gone), gone}}), a.token);
    CHECK(r.status == 410);
    CHECK(ServerFixture::code(r) == "shredded");
    CHECK(f.state() == before);

    // A framed pull of it: 410 as for JSON, not an empty page.
    for (const std::string& accept : {std::string(wire::kFramedType), std::string()}) {
        INFO("Accept: " << accept);
        auto p = pull(f, a, shredded, accept);
        CHECK(p.status == 410);
        CHECK(ServerFixture::code(p) == "shredded");
    }

    // The other scope alone goes through; the answer's heads do not name the shredded scope.
    auto ok = post_framed(f, "/v1/push", framed({{commit_over(a, fine), fine}}), a.token);
    INFO(ok.body);
    REQUIRE(ok.status == 200);
    const json j = ServerFixture::body(ok);
    CHECK(j["heads"][crypto::to_hex(kept)] == 1);
    CHECK_FALSE(j["heads"].contains(crypto::to_hex(shredded)));
}
