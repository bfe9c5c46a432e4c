// Shared by client and server: base64 and hex codecs for the JSON protocol (docs/protocol.md),
// stable error codes, limits, and the framed (binary) bodies of push and pull.
#pragma once

#include "sync/core/error.h"

#include "crypto/crypto.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quartier::sync::wire {

inline constexpr std::size_t kMaxBody = 16u << 20;
inline constexpr std::size_t kMaxPushEnvelopes = 2000;
inline constexpr std::size_t kMaxPullLimit = 2000;
inline constexpr std::uint64_t kMaxClockSkewMs = 24ull * 3600 * 1000;
// Scopes per GET /v1/escrow?scopes=… (128 ids of 32 hex digits and commas: about 4 KiB of URL).
inline constexpr std::size_t kMaxEscrowScopes = 128;

std::string b64(crypto::ByteView v);
std::optional<crypto::Bytes> unb64(std::string_view s);
// URL-safe base64 without padding (enrolment codes).
std::string b64url(crypto::ByteView v);
std::optional<crypto::Bytes> unb64url(std::string_view s);

std::string hex(const crypto::Id16& id);
std::optional<crypto::Id16> id_from_hex(std::string_view s);
template <std::size_t N>
std::optional<std::array<std::uint8_t, N>> fixed_from_b64(std::string_view s) {
    auto b = unb64(s);
    if (!b || b->size() != N) return std::nullopt;
    std::array<std::uint8_t, N> a{};
    std::copy(b->begin(), b->end(), a.begin());
    return a;
}

// The JSON error body of docs/protocol.md.
std::string error_body(std::string_view code, std::string_view message);

// ------------------------------------------------------------------------------------------------
// Framed bodies (docs/protocol.md "Framed push and pull"): envelopes and commits as raw bytes,
// length-prefixed, instead of base64 strings inside JSON. Stateless codecs; the views a parser
// returns point into the body it was given, which must outlive them.

inline constexpr std::string_view kJsonType = "application/json";
inline constexpr std::string_view kFramedType = "application/octet-stream";
inline constexpr std::size_t kMaxPushGroups = 16;  // commits in one framed push

// One transport commit and the envelopes it lists.
struct FramedGroup {
    crypto::ByteView commit;
    std::vector<crypto::ByteView> envelopes;
};

// "QPU1" ‖ u16 groups ‖ groups × (u32 len ‖ commit ‖ u32 count ‖ count × (u32 len ‖ envelope)).
std::string frame_push(const std::vector<FramedGroup>& groups);

enum class FrameError {
    Malformed,  // wrong magic, a length past the end, bytes after the end, an empty group
    TooMany,    // more than max_envelopes envelopes or kMaxPushGroups groups
};

// Strict: exactly the layout above, 1..kMaxPushGroups groups, each with at least one envelope,
// at most `max_envelopes` envelopes in all (counted before anything is kept).
quartier::Result<std::vector<FramedGroup>, FrameError> parse_push(std::string_view body, std::size_t max_envelopes);

struct FramedItem {
    std::uint64_t seq = 0;
    crypto::Id16 commit{};
    crypto::ByteView envelope;
};
struct FramedPage {
    std::uint64_t next = 0;
    bool more = false;
    std::vector<std::pair<crypto::Id16, crypto::ByteView>> commits;
    std::vector<FramedItem> items;
};

// "QPL1" ‖ u64 next ‖ u8 more ‖ u32 commits ‖ commits × (id 16 ‖ u32 len ‖ commit)
//        ‖ u32 items ‖ items × (u64 seq ‖ commit id 16 ‖ u32 len ‖ envelope).
std::string frame_pull(const FramedPage& page);
quartier::Result<FramedPage, FrameError> parse_pull(std::string_view body);

}  // namespace quartier::sync::wire
