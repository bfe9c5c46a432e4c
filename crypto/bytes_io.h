// Big-endian writers and a bounds-checked reader for the binary formats of this part.
#pragma once

#include "crypto.h"

#include <cstring>

namespace quartier::crypto::io {

inline void put_u8(Bytes& b, std::uint8_t v) { b.push_back(v); }
inline void put_u16(Bytes& b, std::uint16_t v) { b.push_back(std::uint8_t(v >> 8)); b.push_back(std::uint8_t(v)); }
inline void put_u32(Bytes& b, std::uint32_t v) { for (int s = 24; s >= 0; s -= 8) b.push_back(std::uint8_t(v >> s)); }
inline void put_u64(Bytes& b, std::uint64_t v) { for (int s = 56; s >= 0; s -= 8) b.push_back(std::uint8_t(v >> s)); }
inline void put(Bytes& b, ByteView v) { b.insert(b.end(), v.begin(), v.end()); }
template <std::size_t N>
inline void put(Bytes& b, const std::array<std::uint8_t, N>& a) { b.insert(b.end(), a.begin(), a.end()); }

// Reads from a view; any read past the end sets failed() and yields zeros, so a parser reads all
// fields and checks failed() once.
class Reader {
public:
    explicit Reader(ByteView v) : m_v(v) {}
    bool failed() const { return m_failed; }
    std::size_t remaining() const { return m_failed ? 0 : m_v.size() - m_pos; }
    std::size_t position() const { return m_pos; }

    ByteView take(std::size_t n) {
        if (m_failed || n > m_v.size() - m_pos) { m_failed = true; return {}; }
        ByteView r = m_v.subspan(m_pos, n);
        m_pos += n;
        return r;
    }
    std::uint64_t uint(std::size_t n) {
        ByteView b = take(n);
        std::uint64_t v = 0;
        for (std::uint8_t x : b) v = (v << 8) | x;
        return v;
    }
    std::uint8_t u8() { return std::uint8_t(uint(1)); }
    std::uint16_t u16() { return std::uint16_t(uint(2)); }
    std::uint32_t u32() { return std::uint32_t(uint(4)); }
    std::uint64_t u64() { return uint(8); }
    template <std::size_t N>
    std::array<std::uint8_t, N> array() {
        std::array<std::uint8_t, N> a{};
        ByteView b = take(N);
        if (!b.empty()) std::memcpy(a.data(), b.data(), N);
        return a;
    }

private:
    ByteView m_v;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

}  // namespace quartier::crypto::io
