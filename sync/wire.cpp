#include "wire.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cstring>

namespace quartier::sync::wire {

namespace {
std::string encode(crypto::ByteView v, int variant) {
    std::string s(sodium_base64_encoded_len(v.size(), variant), '\0');
    sodium_bin2base64(s.data(), s.size(), v.data(), v.size(), variant);
    s.resize(s.size() - 1);  // the terminating NUL
    return s;
}
std::optional<crypto::Bytes> decode(std::string_view s, int variant) {
    // libsodium 1.0.18 decodes the bytes 0x80-0xFF as if they were '/': not base64, refused.
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    crypto::Bytes b(s.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(b.data(), b.size(), s.data(), s.size(), nullptr, &len, &end, variant) != 0) return std::nullopt;
    if (end != s.data() + s.size()) return std::nullopt;
    b.resize(len);
    return b;
}

// Envelopes and commits are most of every push and pull body, and libsodium's codec, which is
// constant-time, is the server's largest single cost there (bench/sync_bench.cpp). They are
// ciphertext and public data: above kTableCodecMin characters a table codec does the work, with
// exactly the same acceptance (standard alphabet, canonical '=' padding, zero trailing bits, no
// other characters). Short values (secrets, keys, signatures, challenges) keep libsodium's.
constexpr std::size_t kTableCodecMin = 256;
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

struct DecodeTable {
    std::uint8_t v[256];
    constexpr DecodeTable() : v() {
        for (auto& x : v) x = 0xFF;
        for (int i = 0; i < 64; ++i) v[static_cast<unsigned char>(kAlphabet[i])] = std::uint8_t(i);
    }
};
constexpr DecodeTable kDecode;

std::string encode_table(crypto::ByteView v) {
    std::string s((v.size() + 2) / 3 * 4, '=');
    const std::uint8_t* p = v.data();
    char* o = s.data();
    std::size_t i = 0;
    for (; i + 3 <= v.size(); i += 3, o += 4) {
        const std::uint32_t n = std::uint32_t(p[i]) << 16 | std::uint32_t(p[i + 1]) << 8 | p[i + 2];
        o[0] = kAlphabet[n >> 18];
        o[1] = kAlphabet[(n >> 12) & 63];
        o[2] = kAlphabet[(n >> 6) & 63];
        o[3] = kAlphabet[n & 63];
    }
    if (const std::size_t rest = v.size() - i; rest > 0) {
        const std::uint32_t n = std::uint32_t(p[i]) << 16 | (rest == 2 ? std::uint32_t(p[i + 1]) << 8 : 0u);
        o[0] = kAlphabet[n >> 18];
        o[1] = kAlphabet[(n >> 12) & 63];
        if (rest == 2) o[2] = kAlphabet[(n >> 6) & 63];
    }
    return s;
}

std::optional<crypto::Bytes> decode_table(std::string_view s) {
    if (s.size() % 4 != 0) return std::nullopt;
    std::size_t pad = 0;
    if (!s.empty() && s.back() == '=') pad = s[s.size() - 2] == '=' ? 2 : 1;
    const std::size_t full = (s.size() - (pad ? 4 : 0)) / 4;  // groups without padding
    crypto::Bytes b(full * 3 + (pad == 1 ? 2 : pad == 2 ? 1 : 0));
    const auto* in = reinterpret_cast<const unsigned char*>(s.data());
    std::uint8_t* out = b.data();
    for (std::size_t g = 0; g < full; ++g, in += 4, out += 3) {
        const std::uint32_t a = kDecode.v[in[0]], c = kDecode.v[in[1]], d = kDecode.v[in[2]], e = kDecode.v[in[3]];
        if ((a | c | d | e) & 0x80) return std::nullopt;
        const std::uint32_t n = a << 18 | c << 12 | d << 6 | e;
        out[0] = std::uint8_t(n >> 16);
        out[1] = std::uint8_t(n >> 8);
        out[2] = std::uint8_t(n);
    }
    if (pad) {
        const std::uint32_t a = kDecode.v[in[0]], c = kDecode.v[in[1]], d = pad == 1 ? kDecode.v[in[2]] : 0u;
        if ((a | c | d) & 0x80) return std::nullopt;
        const std::uint32_t n = a << 18 | c << 12 | d << 6;
        if (pad == 2 ? (n & 0xFFFF) != 0 : (n & 0xFF) != 0) return std::nullopt;  // non-zero trailing bits
        out[0] = std::uint8_t(n >> 16);
        if (pad == 1) out[1] = std::uint8_t(n >> 8);
    }
    return b;
}
}  // namespace

std::string b64(crypto::ByteView v) {
    return v.size() * 4 / 3 >= kTableCodecMin ? encode_table(v) : encode(v, sodium_base64_VARIANT_ORIGINAL);
}
std::optional<crypto::Bytes> unb64(std::string_view s) {
    return s.size() >= kTableCodecMin ? decode_table(s) : decode(s, sodium_base64_VARIANT_ORIGINAL);
}
std::string b64url(crypto::ByteView v) { return encode(v, sodium_base64_VARIANT_URLSAFE_NO_PADDING); }
std::optional<crypto::Bytes> unb64url(std::string_view s) { return decode(s, sodium_base64_VARIANT_URLSAFE_NO_PADDING); }

std::string hex(const crypto::Id16& id) { return crypto::to_hex(id); }

std::optional<crypto::Id16> id_from_hex(std::string_view s) {
    crypto::Id16 id{};
    if (!crypto::from_hex(s, id)) return std::nullopt;
    return id;
}

std::string error_body(std::string_view code, std::string_view message) {
    return nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

}  // namespace quartier::sync::wire
