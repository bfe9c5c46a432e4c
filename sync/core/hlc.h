// Hybrid logical clock (docs/architecture.md §5): 48 bits of wall-clock milliseconds, 16 bits of counter.
// It orders ops for display; parents, not the clock, decide what is concurrent.
//
// Invariant: every value returned by now() is greater than every value previously returned or
// observed, whatever the wall clock does (it may jump backwards; then the counter carries).
#pragma once

#include <cstdint>
#include <functional>

namespace quartier::sync {

using WallClock = std::function<std::uint64_t()>;  // milliseconds since the Unix epoch

WallClock system_clock();

class Hlc {
public:
    explicit Hlc(WallClock clock) : m_clock(std::move(clock)) {}

    std::uint64_t now();
    // Takes a received timestamp into account so later local stamps sort after it.
    void observe(std::uint64_t remote);
    std::uint64_t last() const { return m_last; }

    static std::uint64_t physical_ms(std::uint64_t hlc) { return hlc >> 16; }
    static std::uint64_t make(std::uint64_t ms, std::uint16_t counter) { return (ms << 16) | counter; }

private:
    WallClock m_clock;
    std::uint64_t m_last = 0;
};

}  // namespace quartier::sync
