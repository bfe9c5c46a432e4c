// The protocol's typed messages (sync/protocol/messages.h): every message survives encode and decode, and
// a body that lacks a field, or carries one of the wrong kind or size, is refused with what was
// expected, never half read.
#include "sync/protocol/messages.h"

#include "sync/protocol/wire.h"

#include <catch2/catch.hpp>

using namespace quartier;
using namespace quartier::sync;
using msg::Json;

namespace {
template <class T>
Json round_trip(const T& m) {
    auto back = msg::decode<T>(msg::encode(m));
    INFO((back.ok() ? std::string() : back.detail()));
    REQUIRE(back.ok());
    return back->to_json();
}

crypto::Id16 id(std::uint8_t b) {
    crypto::Id16 x{};
    x.fill(b);
    return x;
}
}  // namespace

TEST_CASE("Every protocol message survives encode and decode", "[sync][protocol]") {
    msg::Info info{id(1), id(2), 1};
    CHECK(round_trip(info) == info.to_json());
    CHECK(round_trip(msg::Info{id(1), std::nullopt, 1})["org"].is_null());

    msg::ChallengeAnswer ch{{}, 60};
    ch.challenge.fill(7);
    CHECK(round_trip(ch) == ch.to_json());
    msg::TokenRequest tok{id(3), {}, {}};
    tok.signature.fill(9);
    CHECK(round_trip(tok) == tok.to_json());
    CHECK(round_trip(msg::TokenAnswer{"t0ken", 900}) == msg::TokenAnswer{"t0ken", 900}.to_json());

    msg::EnrolRequest er{{}, {}, {}, "Tablet Süd"};
    er.secret.fill(1);
    er.sign_pk.fill(2);
    er.box_pk.fill(3);
    CHECK(round_trip(er) == er.to_json());
    msg::PendingRequests pending;
    pending.requests.push_back({{}, id(4), er.sign_pk, er.box_pk, "Tablet Süd", 1234});
    CHECK(round_trip(pending) == pending.to_json());

    msg::PushAnswer push;
    push.accepted = 3;
    push.duplicates = 1;
    push.seqs[id(5)] = 10;
    push.fresh[id(5)] = 3;
    push.heads[id(5)] = 10;
    push.heads[id(6)] = 0;
    push.head_ops[id(5)] = id(9);
    push.time = 1700000000000;
    const auto p = msg::decode<msg::PushAnswer>(msg::encode(push));
    REQUIRE(p.ok());
    CHECK(p->seqs == push.seqs);
    CHECK(p->fresh == push.fresh);
    CHECK(p->heads == push.heads);
    CHECK(p->head_ops == push.head_ops);
    CHECK(p->time == push.time);

    msg::JsonPull pull;
    pull.next = 2;
    pull.more = true;
    pull.commits[id(7)] = crypto::Bytes{1, 2, 3};
    pull.items.push_back({1, id(7), crypto::Bytes{4, 5}});
    pull.items.push_back({2, id(7), crypto::Bytes{6}});
    CHECK(round_trip(pull) == pull.to_json());

    msg::Grants grants{{R"({"a":1})", R"({"b":2})"}};
    CHECK(round_trip(grants) == grants.to_json());
    msg::EscrowIndex index{{{id(1), 1}, {id(1), 2}}};
    CHECK(round_trip(index) == index.to_json());
    msg::ErrorBody err{"revoked", "device is revoked", R"({"body":"x"})"};
    CHECK(round_trip(err) == err.to_json());
    CHECK(msg::decode<msg::ErrorBody>(wire::error_body("too_large", "request body too large"))->code == "too_large");
}

TEST_CASE("A message that lacks a field or has one of the wrong kind is refused with what was expected",
          "[sync][protocol][errors]") {
    msg::TokenRequest tok{id(3), {}, {}};
    const Json good = tok.to_json();
    struct Row {
        const char* what;
        Json body;
    };
    std::vector<Row> rows;
    for (const char* key : {"device", "challenge", "signature"}) {
        Json missing = good;
        missing.erase(key);
        rows.push_back({key, missing});
        Json number = good;
        number[key] = 7;
        rows.push_back({key, number});
    }
    Json upper = good;
    upper["device"] = std::string(32, 'A');  // upper-case hex
    rows.push_back({"upper-case hex", upper});
    Json short_sig = good;
    short_sig["signature"] = wire::b64(crypto::Bytes(63, 1));
    rows.push_back({"a signature one byte short", short_sig});
    for (const Row& r : rows) {
        INFO(r.what << ": " << r.body.dump());
        auto m = msg::TokenRequest::from_json(r.body);
        REQUIRE_FALSE(m.ok());
        CHECK(m.error() == msg::DecodeError::Malformed);
        CHECK(m.detail().find("expected") != std::string::npos);
    }
    CHECK_FALSE(msg::decode<msg::TokenRequest>("[1, 2]").ok());
    CHECK_FALSE(msg::decode<msg::TokenRequest>("{nope").ok());

    // Names: 1 to kMaxNameBytes bytes.
    msg::EnrolOffer offer{{}, "x", 60};
    CHECK(msg::EnrolOffer::from_json(offer.to_json()).ok());
    offer.name = std::string(msg::kMaxNameBytes + 1, 'x');
    CHECK_FALSE(msg::EnrolOffer::from_json(offer.to_json()).ok());
    offer.name.clear();
    CHECK_FALSE(msg::EnrolOffer::from_json(offer.to_json()).ok());

    // A push answer whose map holds a key that is no scope id.
    Json push = msg::PushAnswer{}.to_json();
    push["heads"]["not-hex"] = 1;
    CHECK_FALSE(msg::PushAnswer::from_json(push).ok());
    // A pull item without its seq.
    Json pull = Json{{"items", Json::array({Json{{"envelope", "AA=="}, {"commit", std::string(32, '0')}}})}, {"next", 1}};
    CHECK_FALSE(msg::JsonPull::from_json(pull).ok());
}

TEST_CASE("A JSON push larger than the limits is TooLarge before the rest is decoded", "[sync][protocol][errors]") {
    msg::JsonPush push{crypto::Bytes{1}, {crypto::Bytes(10, 2), crypto::Bytes(10, 3)}};
    CHECK(msg::JsonPush::from_json(push.to_json(), 2, 10).ok());
    auto many = msg::JsonPush::from_json(push.to_json(), 1, 10);
    REQUIRE_FALSE(many.ok());
    CHECK(many.error() == msg::DecodeError::TooLarge);
    auto large = msg::JsonPush::from_json(push.to_json(), 2, 5);
    REQUIRE_FALSE(large.ok());
    CHECK(large.error() == msg::DecodeError::TooLarge);
    push.envelopes.clear();
    CHECK(msg::JsonPush::from_json(push.to_json(), 2, 10).detail() == "no envelopes");
}
