// Field access on parsed JSON that reports a missing or mistyped field as empty (or 0) instead of
// throwing: the codecs of signed records read with it and then check what they need. Stateless.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace quartier::sync {

inline std::string text_of(const nlohmann::json& j, const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::uint64_t uint_of(const nlohmann::json& j, const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

}  // namespace quartier::sync
