#include "sync/core/hlc.h"

#include <chrono>

namespace quartier::sync {

WallClock system_clock() {
    return [] {
        return std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count());
    };
}

std::uint64_t Hlc::now() {
    const std::uint64_t wall = make(m_clock() & 0xFFFFFFFFFFFFull, 0);
    m_last = wall > m_last ? wall : m_last + 1;
    return m_last;
}

void Hlc::observe(std::uint64_t remote) {
    if (remote > m_last) m_last = remote;
}

}  // namespace quartier::sync
