// Demo data for the offer map (docs/offers.md, "Demo data"): Norderstedt's four social spaces and
// their regions (docs/domain.md, seeds/: the 2013 framework), about fifteen fictional providers and
// sixty fictional offers with German texts, a few "missing or wanted" answers for the planner's
// view; and a generator of N offers for the benchmarks. Nothing here names a real person; every
// phone number, address number and e-mail address is made up (e-mail under example.org).
#pragma once

#include "offers.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace quartier::offers {

// Norderstedt's social spaces as data (the 2013 framework: regions Nord and Süd of two spaces
// each), with schematic outlines in a unit square, north up.
std::vector<SocialSpace> norderstedt_social_spaces();

struct DemoSummary {
    std::size_t social_spaces = 0;
    std::size_t organizations = 0;
    std::size_t services = 0;
    std::size_t feedback = 0;  // service_feedback records with status missing_wanted
};

// Writes the demo directory into `store` in one commit. `today` (YYYY-MM-DD) dates the offers'
// last verification (some recent, some long ago). Error::Invalid if the store already holds
// social spaces: demo data never mixes into a real directory.
Result<DemoSummary> seed_demo_offers(sync::Store& store, std::string_view today);

// `n` generated offers over the catalogue's social spaces and providers (which must not be
// empty), deterministic for a `seed`: names, places and texts combined from German word lists,
// all categories, access kinds, costs and age ranges. No ids: the caller stores or indexes them.
std::vector<Service> generate_offers(const Catalogue& catalogue, std::size_t n, std::uint32_t seed,
                                     std::string_view today);

// Writes generate_offers(...) into `store` (seeding the demo directory first if it holds no
// social spaces), in commits of at most `batch` offers. Returns how many offers were written.
Result<std::size_t> seed_generated_offers(sync::Store& store, std::size_t n, std::uint32_t seed, std::string_view today,
                                          std::size_t batch = 1000);

// The ISO date `days` before `iso` (a valid YYYY-MM-DD).
std::string days_before(std::string_view iso, int days);

}  // namespace quartier::offers
