// Fictitious demo data for the headless modes (screenshots, the kill test's scripted visit) and
// the tests: Norderstedt's social spaces, a few offers in each, and the domain's demo families
// (app/domain/demo_families.h). No real persons or offers.
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
    std::vector<std::string> serviceIds;  // every offer written, Garstedt's first
    std::vector<std::string> garstedtServiceIds;
};

// Writes the social spaces, offers and demo families into `store`; nullopt if a write failed.
std::optional<VisitDemo> writeVisitDemo(sync::Store& store);

}  // namespace quartier::app
