// Shared by client and server: base64 and hex codecs for the JSON protocol (docs/protocol.md),
// stable error codes, and limits.
#pragma once

#include "error.h"

#include "crypto/crypto.h"

#include <optional>
#include <string>
#include <string_view>

namespace quartier::sync::wire {

inline constexpr std::size_t kMaxBody = 16u << 20;
inline constexpr std::size_t kMaxPushEnvelopes = 2000;
inline constexpr std::size_t kMaxPullLimit = 2000;
inline constexpr std::uint64_t kMaxClockSkewMs = 24ull * 3600 * 1000;

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

}  // namespace quartier::sync::wire
