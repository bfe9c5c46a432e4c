// The offer map in the headless modes (--screenshot, --self-test): seeding the demo offers and
// walking through the offer map's screens the way a person reaches them.
#pragma once

#include <QString>

#include <functional>

class QQmlEngine;
class QQuickWindow;
class QTextStream;

namespace quartier::sync {
class Store;
}

namespace quartier::app {

class Navigator;

// Writes what `store` lacks of the demo data (app/tools/demodata.h: the demo offers, docs/offers.md, and
// the demo families) and has the Offers singleton re-read it.
bool seedDemoOffers(QQmlEngine& engine, sync::Store& store, QTextStream& out);

// From the unlocked case list: the offer map, one offer's detail, the schematic social-space
// view, the edit page (filled, then with validation messages), and back. `shoot(name)` takes one
// screenshot set. Returns the number of failures.
int shootOfferScreens(QQmlEngine& engine, QQuickWindow* window, Navigator& navigator, QTextStream& out,
                      const std::function<void(const QString&)>& shoot);

// The self-test's walk: opens the offer map, the schematic view and the edit page of a new
// offer, checks each appeared, and goes back. Returns the number of failures.
int selfTestOfferScreens(QQuickWindow* window, Navigator& navigator, QTextStream& out);

}  // namespace quartier::app
