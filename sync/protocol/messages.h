// The protocol's JSON requests and answers as typed structs (docs/protocol.md), one codec each,
// used by the client and the server alike: neither side builds or picks apart protocol JSON by
// hand. Stateless; every struct is a plain value.
//
// Each message has `Json to_json() const` and `static Decoded<T> from_json(const Json&)`;
// encode() and decode<T>() below do the same on text. A decoder is strict where the server's
// checks were: ids are lower-case hex of their exact size, binary values base64 of their exact
// size, numbers unsigned; a failure says what was expected (the text a 400 answer carries).
//
// Signed objects (directory entries, key grants, escrow wraps, shred confirmations) travel as JSON
// objects whose codecs live with their types (SignedEntry, KeyGrant, EscrowWrap,
// ShredConfirmation in the organisation part, docs/architecture.md); a message holds each as its
// JSON text, and that codec judges it.
#pragma once

#include "crypto/crypto.h"
#include "crypto/result.h"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quartier::sync::msg {

using Json = nlohmann::json;

enum class DecodeError {
    Malformed,  // not the message's shape; the detail names what was expected
    TooLarge,   // more items, or a larger item, than the limit the decoder was given
};
template <class T>
using Decoded = quartier::Result<T, DecodeError>;

using Id16 = crypto::Id16;
using Hash32 = crypto::Hash32;
template <std::size_t N>
using Fixed = std::array<std::uint8_t, N>;
using SignedJson = std::string;  // a signed object's JSON text (see above)

inline constexpr std::size_t kMaxNameBytes = 200;  // a device's or an offer's display name

// GET /v1/info
struct Info {
    Id16 server_id{};
    std::optional<Id16> org;  // none until an organisation is founded
    std::uint64_t version = 1;
    Json to_json() const;
    static Decoded<Info> from_json(const Json& j);
};

// POST /v1/org
struct FoundOrg {
    std::string bootstrap;
    std::vector<SignedJson> entries;
    Json to_json() const;
    static Decoded<FoundOrg> from_json(const Json& j);
};

// The answer of POST /v1/org and POST /v1/directory: the seq of the (last) entry taken.
struct SeqAnswer {
    std::uint64_t seq = 0;
    Json to_json() const;
    static Decoded<SeqAnswer> from_json(const Json& j);
};

// POST /v1/auth/challenge
struct ChallengeRequest {
    Id16 device{};
    Json to_json() const;
    static Decoded<ChallengeRequest> from_json(const Json& j);
};
struct ChallengeAnswer {
    Fixed<32> challenge{};
    std::uint64_t expires_in = 0;  // seconds
    Json to_json() const;
    static Decoded<ChallengeAnswer> from_json(const Json& j);
};

// POST /v1/auth/token
struct TokenRequest {
    Id16 device{};
    Fixed<32> challenge{};
    Fixed<64> signature{};
    Json to_json() const;
    static Decoded<TokenRequest> from_json(const Json& j);
};
struct TokenAnswer {
    std::string token;
    std::uint64_t expires_in = 0;  // seconds
    Json to_json() const;
    static Decoded<TokenAnswer> from_json(const Json& j);
};

// GET /v1/directory: the entries after `since`, and annexes of earlier ones now opened to the
// reader (docs/protocol.md, "Annex").
struct DirectoryAnswer {
    std::vector<SignedJson> entries;
    std::vector<SignedJson> revealed;
    Json to_json() const;
    static Decoded<DirectoryAnswer> from_json(const Json& j);
};

// POST /v1/directory
struct DirectoryPost {
    SignedJson entry;
    Json to_json() const;
    static Decoded<DirectoryPost> from_json(const Json& j);
};

// POST /v1/enrol/offer (admin)
struct EnrolOffer {
    Hash32 offer{};
    std::string name;
    std::uint64_t expires_in = 86400;  // seconds
    Json to_json() const;
    static Decoded<EnrolOffer> from_json(const Json& j);
};

// POST /v1/enrol/request, and its answer
struct EnrolRequest {
    Fixed<16> secret{};
    Fixed<32> sign_pk{};
    Fixed<32> box_pk{};
    std::string name;
    Json to_json() const;
    static Decoded<EnrolRequest> from_json(const Json& j);
};
struct EnrolRequestAnswer {
    Id16 device{};
    Json to_json() const;
    static Decoded<EnrolRequestAnswer> from_json(const Json& j);
};

// GET /v1/enrol/requests (admin): the requests not enrolled yet
struct PendingRequest {
    Hash32 offer{};
    Id16 device{};
    Fixed<32> sign_pk{};
    Fixed<32> box_pk{};
    std::string name;
    std::uint64_t time = 0;  // ms, the server's clock
};
struct PendingRequests {
    std::vector<PendingRequest> requests;
    Json to_json() const;
    static Decoded<PendingRequests> from_json(const Json& j);
};

// POST /v1/keys (body) and GET /v1/keys (answer)
struct Grants {
    std::vector<SignedJson> grants;
    Json to_json() const;
    static Decoded<Grants> from_json(const Json& j);
};

// POST /v1/push as JSON: one group (the framed push is wire::frame_push). Decoding stops at
// `max_envelopes` envelopes or an envelope past `max_envelope` bytes (TooLarge) before it decodes
// the base64 of the rest.
struct JsonPush {
    crypto::Bytes commit;
    std::vector<crypto::Bytes> envelopes;
    Json to_json() const;
    static Decoded<JsonPush> from_json(const Json& j, std::size_t max_envelopes, std::size_t max_envelope);
};

// The answer of POST /v1/push (docs/protocol.md, "Push").
struct PushAnswer {
    std::uint64_t accepted = 0;
    std::uint64_t duplicates = 0;
    std::map<Id16, std::uint64_t> seqs;   // per scope of the push: its last seq
    std::map<Id16, std::uint64_t> fresh;  // "new": per scope, envelopes of this push stored now
    std::map<Id16, std::uint64_t> heads;  // per scope the device is an active member of: its last seq
    std::map<Id16, Id16> head_ops;        // the op at each head (not for a head of 0)
    std::uint64_t time = 0;               // the server's clock, ms
    Json to_json() const;
    static Decoded<PushAnswer> from_json(const Json& j);
};

// GET /v1/pull answered in JSON (the framed page is wire::frame_pull).
struct PullItem {
    std::uint64_t seq = 0;
    Id16 commit{};
    crypto::Bytes envelope;
};
struct JsonPull {
    std::uint64_t next = 0;
    bool more = false;
    std::map<Id16, crypto::Bytes> commits;
    std::vector<PullItem> items;
    Json to_json() const;
    static Decoded<JsonPull> from_json(const Json& j);
};

// GET /v1/devices/seq?device=…
struct DeviceSeq {
    Id16 device{};
    std::uint64_t last_seq = 0;
    Json to_json() const;
    static Decoded<DeviceSeq> from_json(const Json& j);
};

// GET /v1/escrow without a scope: which (scope, epoch) have a wrap.
struct EscrowIndex {
    std::vector<std::pair<Id16, std::uint32_t>> wraps;
    Json to_json() const;
    static Decoded<EscrowIndex> from_json(const Json& j);
};

// GET /v1/escrow?scope(s)=… (answer) and POST /v1/escrow (body)
struct Wraps {
    std::vector<SignedJson> wraps;
    Json to_json() const;
    static Decoded<Wraps> from_json(const Json& j);
};

// POST /v1/shred/confirm
struct ShredConfirm {
    SignedJson confirmation;
    Json to_json() const;
    static Decoded<ShredConfirm> from_json(const Json& j);
};

// GET /v1/shred/records (admin)
struct ShredRecords {
    std::vector<SignedJson> records;
    Json to_json() const;
    static Decoded<ShredRecords> from_json(const Json& j);
};

// The answer of the requests that return nothing but success ({}).
struct Empty {
    Json to_json() const { return Json::object(); }
    static Decoded<Empty> from_json(const Json& j);
};

// The error body of every refusal: {"error": {"code", "message", "entry"?}}; `entry` is the
// admin-signed revocation a 403 `revoked` carries.
struct ErrorBody {
    std::string code;
    std::string message;
    std::optional<SignedJson> entry;
    Json to_json() const;
    static Decoded<ErrorBody> from_json(const Json& j);
};

template <class T>
std::string encode(const T& m) {
    return m.to_json().dump();
}
// A JSON object of the message's shape; anything else (not JSON, not an object) is Malformed.
template <class T>
Decoded<T> decode(std::string_view text) {
    const Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return {DecodeError::Malformed, "not a JSON object"};
    return T::from_json(j);
}

}  // namespace quartier::sync::msg
