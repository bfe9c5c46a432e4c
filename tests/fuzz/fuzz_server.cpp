// One quartier-server endpoint with a fuzzed body (or query), through Server::handle in-process
// over the real SQLite storage (server_harness.h checks every answer). Linked once per endpoint:
// quartier_fuzz_endpoint, defined in a generated source, names it (tests/fuzz/CMakeLists.txt).
//
// Input: byte 0 = caller (bits 0-2: alice, bob, admin, dpo, nobody; the harness adds the token)
// and, for the push endpoints, bit 3: re-sign — the harness replaces each group's commit with one
// the caller signs over the envelopes that parse, so that what follows the commit check
// (authorship, membership, shredding, clock skew, storage) sees arbitrary envelopes.
// POST endpoints: the rest is the body. The token endpoint replaces "@CHALLENGE@" with a challenge
// just issued to alice and "@SIGNATURE@" with her signature over it.
// GET endpoints (target server_get): byte 1 = route (bits 0-2) and Accept: application/octet-stream
// (bit 3); the rest is the query string, k=v pairs split at '&' (the first value of a key wins).
#include "fixture.h"
#include "server_harness.h"

#include "sync/protocol/wire.h"

#include <nlohmann/json.hpp>

#include <cstring>

using namespace quartier;
using namespace quartier::fuzz;
using nlohmann::json;
namespace wire = quartier::sync::wire;

extern const char* const quartier_fuzz_endpoint;  // "push", "get", ...

namespace {
struct Endpoint {
    const char* name;
    const char* path;  // nullptr: the GET routes
    bool founded;
    bool framed;
};

constexpr Endpoint kEndpoints[] = {
    {"org", "/v1/org", false, false},
    {"challenge", "/v1/auth/challenge", true, false},
    {"token", "/v1/auth/token", true, false},
    {"directory", "/v1/directory", true, false},
    {"enrol_offer", "/v1/enrol/offer", true, false},
    {"enrol_request", "/v1/enrol/request", true, false},
    {"keys", "/v1/keys", true, false},
    {"push", "/v1/push", true, false},
    {"push_framed", "/v1/push", true, true},
    {"escrow", "/v1/escrow", true, false},
    {"shred_confirm", "/v1/shred/confirm", true, false},
    {"get", nullptr, true, false},
};

constexpr const char* kGetRoutes[] = {"/v1/pull", "/v1/directory", "/v1/escrow", "/v1/keys",
                                      "/v1/enrol/requests", "/v1/shred/records", "/v1/info", "/v1/pull"};

const Endpoint& endpoint() {
    static const Endpoint* e = [] {
        for (const auto& x : kEndpoints)
            if (std::strcmp(x.name, quartier_fuzz_endpoint) == 0) return &x;
        violated("unknown fuzz endpoint");
    }();
    return *e;
}

ServerHarness& harness() {
    return ServerHarness::get(endpoint().founded ? ServerHarness::State::Founded : ServerHarness::State::Unfounded);
}

void replace_all(std::string& s, std::string_view from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

std::optional<crypto::Hash32> hash_if_envelope(crypto::ByteView b) {
    auto v = crypto::parse_envelope(b);
    if (!v) return std::nullopt;
    return v->hash();
}

// A JSON push whose commit the caller signs over its envelopes (those that decode and parse).
std::string resign_json(const std::string& body, const crypto::DeviceIdentity& signer) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("envelopes") || !j["envelopes"].is_array()) return body;
    std::vector<crypto::Hash32> hashes;
    for (const auto& e : j["envelopes"]) {
        if (!e.is_string()) continue;
        if (auto b = wire::unb64(e.get<std::string>()))
            if (auto h = hash_if_envelope(*b)) hashes.push_back(*h);
    }
    if (hashes.empty() || hashes.size() > crypto::kMaxCommitEntries) return body;
    j["commit"] = wire::b64(crypto::make_commit(signer, hashes).serialize());
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The same for a framed push: each group's commit replaced.
std::string resign_framed(const std::string& body, const crypto::DeviceIdentity& signer) {
    auto groups = wire::parse_push(body, wire::kMaxPushEnvelopes);
    if (!groups) return body;
    std::vector<crypto::Bytes> commits;
    commits.reserve(groups->size());
    for (auto& g : *groups) {
        std::vector<crypto::Hash32> hashes;
        for (const auto& e : g.envelopes)
            if (auto h = hash_if_envelope(e)) hashes.push_back(*h);
        if (hashes.empty()) continue;
        commits.push_back(crypto::make_commit(signer, hashes).serialize());
        g.commit = commits.back();
    }
    return wire::frame_push(*groups);
}

std::map<std::string, std::string> parse_query(std::string_view q) {
    std::map<std::string, std::string> out;
    while (!q.empty()) {
        const std::size_t amp = q.find('&');
        const std::string_view pair = q.substr(0, amp);
        const std::size_t eq = pair.find('=');
        out.emplace(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
        if (amp == std::string_view::npos) break;
        q.remove_prefix(amp + 1);
    }
    return out;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    org();
    if (std::strcmp(endpoint().name, "token") == 0) ServerHarness::token_ttl_ms = 1;
    harness();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const Endpoint& ep = endpoint();
    const Caller who = Caller(data[0] % 8 % kCallers);
    srv::Request r;
    if (!ep.path) {
        if (size < 2) return 0;
        r.method = "GET";
        r.path = kGetRoutes[data[1] % 8];
        if (data[1] & 8) r.headers["Accept"] = "application/json, application/octet-stream";
        r.query = parse_query(text_of(data + 2, size - 2));
    } else {
        r.method = "POST";
        r.path = ep.path;
        r.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
        if (ep.framed) r.headers["Content-Type"] = std::string(wire::kFramedType);
        if ((data[0] & 8) && r.path == "/v1/push") {
            const crypto::DeviceIdentity* signer = identity_of(who);
            if (!signer) signer = &org().alice;
            r.body = ep.framed ? resign_framed(r.body, *signer) : resign_json(r.body, *signer);
        }
        if (r.path == "/v1/auth/token" &&
            (r.body.find("@CHALLENGE@") != std::string::npos || r.body.find("@SIGNATURE@") != std::string::npos)) {
            const std::string challenge = harness().fresh_challenge_b64();
            const auto raw = wire::unb64(challenge);
            const auto sig = org().alice.sign(srv::auth_message(server_id(), *raw));
            replace_all(r.body, "@CHALLENGE@", challenge);
            replace_all(r.body, "@SIGNATURE@", wire::b64(sig));
        }
    }
    harness().call(std::move(r), who);
    return 0;
}
