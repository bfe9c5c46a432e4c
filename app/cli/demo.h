// `quartier-cli demo seed`: the fictional demo data behind README command 1 (scripts/run,
// scripts/demo-org.sh), written into an unlocked store through the same domain and offer layers
// the app uses, so every record passes the same checks as one typed in the app.
#pragma once

#include "sync/core/error.h"
#include "sync/store/store.h"

#include <cstddef>
#include <string>
#include <vector>

namespace quartier::cli {

struct DemoSeed {
    std::size_t social_spaces = 0;
    std::size_t organizations = 0;
    std::size_t services = 0;
    std::size_t missing_wanted = 0;          // the offer side's demo "missing or wanted" answers
    std::vector<std::string> case_ids;        // the demo families' cases
    std::size_t family_records = 0;           // every record the families took (cases included)
    std::string worker;                       // the first family's lead worker, set as this device's worker
    std::string offer_scope;                  // the offer directory scope the offers went into (hex)
    std::vector<std::string> case_scopes;     // each case's own case scope (hex), as case_ids
};

// The demo organisation (app/domain/demo_organisation.h): Norderstedt's social spaces and about 60
// offers in the offer directory scope (founded if this device holds none), then the demo families,
// each in a case scope of its own, with feedback against those offers. `today` is YYYY-MM-DD.
// Refused (InvalidArgument) if the store already holds social spaces: demo data never mixes into
// a real directory. Sets the store setting "worker" so that "Meine Fälle" shows the first family.
sync::Result<DemoSeed> seed_demo(sync::Store& store, const std::string& today);

// Today's date in UTC as YYYY-MM-DD.
std::string today_utc();

}  // namespace quartier::cli
