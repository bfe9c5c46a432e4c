// The demo organisation's data: one data set behind `quartier-cli demo seed` (scripts/run,
// scripts/demo-org.sh), the app's screenshots and self-test, and the tests. It writes through the
// same layers a person's input takes: the offer map through app/offers (seed_demo_offers, into
// the offer directory scope), the families through the Repository (write_demo_families, each
// case in its own case scope). Fictional throughout (docs/domain.md: no real persons).
#pragma once

#include "demo_families.h"

#include "offers/demo_offers.h"

#include <string>
#include <vector>

namespace quartier::domain {

struct DemoOrganisation {
    offers::DemoSummary offers;            // what was written of the offer map now (zero: it was there)
    DemoSummary families;                  // the cases (written now, or found); records: written now
    std::vector<std::string> service_ids;  // every live service in the store, by id
    std::string worker;                    // the lead worker of the first case
};

// Writes what the store lacks of the demo organisation: Norderstedt's offer map if it holds no
// social space, then the four demo families (feedback against the offer map's services) if it
// holds no case. So a second call writes nothing and names the same cases. `today` (YYYY-MM-DD)
// dates the offers' checks. Error::Store with the offer side's detail if that failed; the
// Repository's errors as they are.
Result<DemoOrganisation> seed_demo_organisation(Repository& repository, const std::string& today);

}  // namespace quartier::domain
