// Fictitious demo data for the headless modes (self-test, screenshots) and the tests: the demo
// organisation of app/domain/demo_organisation.h — the offer map of app/offers/demo_offers.h in
// the offer directory scope and the domain's demo families, each in its own case scope — the
// same data set `quartier-cli demo seed` writes for scripts/run.
#pragma once

#include "domain/demo_organisation.h"

#include <string>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

struct DemoData {
    domain::DemoSummary families;
    std::vector<std::string> serviceIds;  // every offer of the map
    std::string worker;  // the lead worker of the first demo case, set as this device's worker
};

// Writes what the store lacks of the demo organisation (a second call writes nothing and names
// the same cases) and names the first case's lead worker as the device's worker (store setting
// "worker"), so that "meine Fälle" has something to show.
domain::Result<DemoData> writeDemoData(sync::Store& store);

}  // namespace quartier::app
