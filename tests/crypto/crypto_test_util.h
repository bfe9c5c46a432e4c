// Helpers shared by the crypto tests: byte and hex builders, and crypto errors that Catch prints
// by name instead of by number.
#pragma once

#include "crypto/crypto.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace Catch {
template <>
struct StringMaker<quartier::crypto::Error> {
    static std::string convert(quartier::crypto::Error e) { return std::string(quartier::crypto::to_string(e)); }
};
}  // namespace Catch

namespace quartier::crypto::test {

inline ByteView view_of(std::string_view s) { return ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }
inline Bytes bytes_of(std::string_view s) { return Bytes(s.begin(), s.end()); }

inline Bytes unhex(std::string_view h) {
    REQUIRE(h.size() % 2 == 0);
    Bytes b(h.size() / 2);
    REQUIRE(from_hex(h, b));
    return b;
}

template <std::size_t N>
std::array<std::uint8_t, N> unhex_array(std::string_view h) {
    std::array<std::uint8_t, N> a{};
    REQUIRE(h.size() == 2 * N);
    REQUIRE(from_hex(h, a));
    return a;
}

// start, start+1, ... (wrapping): recognisable fixed inputs for known-answer tests.
inline Bytes pattern(std::size_t n, std::uint8_t start) {
    Bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = std::uint8_t(start + i);
    return b;
}
template <std::size_t N>
std::array<std::uint8_t, N> pattern_array(std::uint8_t start) {
    std::array<std::uint8_t, N> a{};
    for (std::size_t i = 0; i < N; ++i) a[i] = std::uint8_t(start + i);
    return a;
}

inline bool same(ByteView a, ByteView b) { return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin()); }

inline bool one_of(Error e, std::initializer_list<Error> allowed) {
    return std::find(allowed.begin(), allowed.end(), e) != allowed.end();
}
inline bool one_of(Error e, const std::vector<Error>& allowed) {
    return std::find(allowed.begin(), allowed.end(), e) != allowed.end();
}

// Big-endian access at fixed offsets, written independently of the library's own codec.
inline std::uint64_t get_be(ByteView b, std::size_t off, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | b[off + i];
    return v;
}
inline void put_be(Bytes& b, std::size_t off, std::uint64_t v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) b[off + i] = std::uint8_t(v >> (8 * (n - 1 - i)));
}

}  // namespace quartier::crypto::test
