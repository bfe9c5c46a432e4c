#include "pseudonym.h"

#include "crypto/crypto.h"

namespace quartier::team {

namespace {

crypto::Hash32 digest(std::string_view label, const std::string& a, const std::string& b = {}) {
    const auto bytes = [](const std::string& s) {
        return crypto::ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    };
    // The length of the first part goes in too: ("ab", "c") and ("a", "bc") hash apart.
    const std::string len = std::to_string(a.size()) + ":";
    return crypto::hash(crypto::labelled(label, {bytes(len), bytes(a), bytes(b)}));
}

}  // namespace

std::string case_pseudonym(const std::string& case_id) {
    if (case_id.empty()) return {};
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford's base32
    const crypto::Hash32 h = digest("quartier/team/pseudonym/v1", case_id);
    std::uint32_t bits = (std::uint32_t(h[0]) << 24) | (std::uint32_t(h[1]) << 16) | (std::uint32_t(h[2]) << 8) | h[3];
    std::string letters;
    for (int i = 0; i < 6; ++i) {
        letters += kAlphabet[bits >> 27];
        bits <<= 5;
    }
    return "Fall " + letters.substr(0, 3) + "-" + letters.substr(3);
}

std::string case_record_id(const std::string& type, const std::string& case_id) {
    const crypto::Hash32 h = digest("quartier/team/record/v1", type, case_id);
    return type + ":" + crypto::to_hex(crypto::ByteView(h.data(), 16));
}

}  // namespace quartier::team
