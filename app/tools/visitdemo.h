// The demo data as the home visit's headless modes (screenshots, the kill test's scripted visit)
// and tests need it: the demo organisation (app/tools/demodata.h: the offer map and the demo families,
// one data set everywhere), with the Garstedt family and its social space's offers picked out.
// No real persons or offers.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

struct VisitDemo {
    std::string caseId;                   // the Garstedt family (Familie Demir)
    std::vector<std::string> serviceIds;  // every offer of the map, Garstedt's first
    std::vector<std::string> garstedtServiceIds;  // the offers in Garstedt
};

// Writes what the store lacks of the demo organisation (writeDemoData) and picks the Garstedt
// family and offers; nullopt if a write failed or there is no such family.
std::optional<VisitDemo> writeVisitDemo(sync::Store& store);

}  // namespace quartier::app
