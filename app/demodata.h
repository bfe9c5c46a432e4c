// Fictitious demo data for the headless modes (self-test, screenshots) and the QML test: a few
// offers as plain "service" records (the offer side owns their schema; only name, category and
// social space are written here) and the domain layer's demo families written against them.
#pragma once

#include "domain/demo_families.h"

#include <string>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

struct DemoData {
    domain::DemoSummary families;
    std::string worker;  // the lead worker of the first demo case, set as this device's worker
};

// Writes the offers and the demo families and names the first case's lead worker as the
// device's worker (store setting "worker"), so that "meine Fälle" has something to show.
domain::Result<DemoData> writeDemoData(sync::Store& store);

}  // namespace quartier::app
