// An attacker's client for the security tests (docs/threat-model.md): an enrolled device's keys
// in a client that signs and sends what the stock client never would — envelopes with a chosen
// HLC, device sequence number, epoch or scope, straight to the real server handler of a
// SyncFixture. It holds nothing but what the device holds.
#pragma once

#include "sync_fixture.h"

#include "sync/server/server.h"

namespace quartier::test {

class Attacker {
public:
    Attacker(FakeServer& server, const Store& store) : m_server(server), m_store(store) {}

    // Logs in with the device's own signing key (challenge, signature, token).
    server::Response login() {
        auto meta = m_server.storage().meta();
        REQUIRE(meta.ok());
        const std::string dev = crypto::to_hex(m_store.device().id());
        auto c = call("POST", "/v1/auth/challenge", nlohmann::json{{"device", dev}}.dump());
        if (c.status != 200) return c;
        const auto body = nlohmann::json::parse(c.body);
        auto ch = wire::unb64(body["challenge"].get<std::string>());
        REQUIRE(ch);
        const auto sig = m_store.device().sign(server::auth_message(meta->server_id, *ch));
        auto t = call("POST", "/v1/auth/token",
                      nlohmann::json{{"device", dev}, {"challenge", body["challenge"]}, {"signature", wire::b64(sig)}}.dump());
        if (t.status == 200) m_token = nlohmann::json::parse(t.body)["token"].get<std::string>();
        return t;
    }

    // An op sealed under the device's key of (`scope`, `epoch`: 0 for the newest it holds) with
    // the given clock and sequence number, signed by the device in a commit of its own.
    crypto::Bytes forge(const ScopeId& scope, const OpPayload& op, std::uint64_t hlc, std::uint64_t seq,
                        std::uint32_t epoch = 0) const {
        crypto::EnvelopeHeader h;
        h.scope = scope;
        h.epoch = epoch ? epoch : m_store.current_epoch(scope);
        h.op = crypto::random_id();
        h.hlc = hlc;
        h.author = m_store.device().id();
        h.seq = seq;
        const crypto::SymmetricKey* key = m_store.scope_key(scope, h.epoch);
        REQUIRE(key);
        return crypto::seal_envelope(h, *key, encode_op(op), nullptr);
    }

    // Hands `env` to `to` as a compromised server would: the next item of `scope` after its
    // cursor, under a commit the device signs over it alone. What the store's ingest says.
    IngestReport hand_over(Store& to, const ScopeId& scope, const crypto::Bytes& env) const {
        auto parsed = crypto::parse_envelope(env);
        REQUIRE(parsed.ok());
        const crypto::Commit commit = crypto::make_commit(m_store.device(), {parsed->hash()});
        const std::int64_t at = to.cursor(scope) + 1;
        auto in = to.ingest(scope, {{commit.id, commit.serialize()}}, {PulledItem{at, env, commit.id}}, at);
        REQUIRE(in.ok());
        return *in;
    }

    // Pushes envelopes of one scope under one commit the device signs; the server's answer.
    server::Response push(const std::vector<crypto::Bytes>& envelopes) {
        if (m_token.empty()) REQUIRE(login().status == 200);
        std::vector<crypto::Hash32> hashes;
        std::vector<crypto::ByteView> views;
        for (const auto& e : envelopes) {
            auto parsed = crypto::parse_envelope(e);
            REQUIRE(parsed.ok());
            hashes.push_back(parsed->hash());
            views.emplace_back(e);
        }
        const crypto::Bytes commit = crypto::make_commit(m_store.device(), std::move(hashes)).serialize();
        const std::string body = wire::frame_push({wire::FramedGroup{commit, views}});
        return call("POST", "/v1/push", body, std::string(wire::kFramedType));
    }

    // A pull of `scope` since `since` with the device's token.
    server::Response pull(const ScopeId& scope, std::uint64_t since = 0) {
        if (m_token.empty()) REQUIRE(login().status == 200);
        server::Request r;
        r.method = "GET";
        r.path = "/v1/pull";
        r.query["scope"] = crypto::to_hex(scope);
        r.query["since"] = std::to_string(since);
        r.headers["Authorization"] = "Bearer " + m_token;
        return m_server.handle(r);
    }

private:
    server::Response call(const std::string& method, const std::string& path, const std::string& body,
                          std::string content_type = std::string(wire::kJsonType)) {
        server::Request r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.headers["Content-Type"] = content_type;
        if (!m_token.empty()) r.headers["Authorization"] = "Bearer " + m_token;
        m_server.now += 20;
        return m_server.handle(r);
    }

    FakeServer& m_server;
    const Store& m_store;
    std::string m_token;
};

}  // namespace quartier::test
