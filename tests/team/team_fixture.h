// What the team tests share (tests/team/): the demo organisation seeded into a store, with the ids
// of its four families, on one fixed day.
#pragma once

#include "domain/demo_organisation.h"
#include "domain/repository.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace quartier::test {

inline constexpr const char* kTeamToday = "2026-06-15";

// The demo offer map and the four demo families, written into `store`; their case ids.
inline std::vector<std::string> seed_families(sync::Store& store) {
    domain::Repository repo(store);
    auto org = domain::seed_demo_organisation(repo, "2026-06-01");
    INFO((org.ok() ? std::string() : org.detail()));
    REQUIRE(org.ok());
    return org->families.case_ids;
}

}  // namespace quartier::test
