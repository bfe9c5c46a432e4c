#include "sync/core/hlc.h"

#include <catch2/catch.hpp>

using quartier::sync::Hlc;

TEST_CASE("HLC is strictly increasing even when the wall clock stands still or goes back", "[hlc]") {
    std::uint64_t wall = 1'700'000'000'000;
    Hlc hlc([&] { return wall; });
    const auto a = hlc.now();
    const auto b = hlc.now();
    REQUIRE(b > a);
    REQUIRE(Hlc::physical_ms(a) == wall);
    wall -= 60'000;  // clock jumps back a minute
    const auto c = hlc.now();
    REQUIRE(c > b);
    REQUIRE(Hlc::physical_ms(c) == Hlc::physical_ms(b));
    wall += 120'000;
    const auto d = hlc.now();
    REQUIRE(Hlc::physical_ms(d) == wall);
    REQUIRE((d & 0xFFFF) == 0);
}

TEST_CASE("HLC stamps after an observed remote time sort after it", "[hlc]") {
    std::uint64_t wall = 1'000;
    Hlc hlc([&] { return wall; });
    const auto remote = Hlc::make(5'000, 7);
    hlc.observe(remote);
    REQUIRE(hlc.now() > remote);
    hlc.observe(Hlc::make(10, 0));  // an older remote stamp changes nothing
    REQUIRE(hlc.now() > remote);
}
