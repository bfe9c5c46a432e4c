// Generated report data for tests and benchmarks: families with children of every age band, offer
// feedback (with barriers and worker-assigned "how" categories) and measures, written through
// domain::Batch like a person's input, one commit per case, each case in its own case scope.
// Deterministic for a seed (the counts; record ids are random as always).
#pragma once

#include "domain/repository.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quartier::reports {

struct Population {
    std::size_t cases = 0;
    std::size_t answers_per_case = 4;  // service_feedback records per case
    std::uint64_t seed = 1;
    std::vector<std::string> social_spaces;  // names; the cases are spread over them in turn
    std::vector<std::string> service_ids;    // feedback names these; empty: only missing/wanted answers
    int first_year = 2025;                   // answers and helps fall into first_year .. first_year+1
};

// The case ids written.
domain::Result<std::vector<std::string>> write_population(domain::Repository& repository, const Population& p);

}  // namespace quartier::reports
