// Fictional demo families in Norderstedt's social spaces (docs/domain.md; no real persons) and a scale
// generator for benchmarks. Both write through Repository/Batch, so every record they make passes
// the same checks as a record typed in the app.
#pragma once

#include "repository.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quartier::domain {

// What a generator wrote.
struct DemoSummary {
    std::vector<std::string> case_ids;
    std::size_t records = 0;  // every record written (cases included)
};

// A few families (Demir in Garstedt, Kowalski in Glashütte/Harksheide-Süd, Petersen in
// Harksheide-Mitte, Haddad in Friedrichsgabe/Harksheide-Nord), each with members, home visits and
// notes, will statements and wishes, goals with steps, resources, a network map, a risk
// assessment (the Kowalski case in the Gefährdungsbereich with a requirement), measures and offer
// feedback against `service_ids` (the offer side seeds the services: their `category` field is
// read when present). `service_ids` must not be empty. One commit per family.
Result<DemoSummary> write_demo_families(Repository& repository, const std::vector<std::string>& service_ids);

// `cases` generated cases for benchmarks, deterministic for a seed: each with 3-5 members, 4
// visits with notes, a will statement, 2 goals with 3 steps each, resources, a network map, a risk
// assessment (every 10th in the Gefährdungsbereich with a requirement), a measure and 3 feedback
// records (against `service_ids`, or missing_wanted entries if it is empty). One commit per case.
Result<DemoSummary> write_scale_cases(Repository& repository, std::size_t cases, std::uint64_t seed,
                                      const std::vector<std::string>& service_ids);

}  // namespace quartier::domain
