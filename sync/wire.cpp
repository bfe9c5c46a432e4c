#include "wire.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace quartier::sync::wire {

namespace {
std::string encode(crypto::ByteView v, int variant) {
    std::string s(sodium_base64_encoded_len(v.size(), variant), '\0');
    sodium_bin2base64(s.data(), s.size(), v.data(), v.size(), variant);
    s.resize(s.size() - 1);  // the terminating NUL
    return s;
}
std::optional<crypto::Bytes> decode(std::string_view s, int variant) {
    crypto::Bytes b(s.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(b.data(), b.size(), s.data(), s.size(), nullptr, &len, &end, variant) != 0) return std::nullopt;
    if (end != s.data() + s.size()) return std::nullopt;
    b.resize(len);
    return b;
}
}  // namespace

std::string b64(crypto::ByteView v) { return encode(v, sodium_base64_VARIANT_ORIGINAL); }
std::optional<crypto::Bytes> unb64(std::string_view s) { return decode(s, sodium_base64_VARIANT_ORIGINAL); }
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
