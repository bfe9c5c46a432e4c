// The Sozialraumteam's screens in the screenshot run (app/tools/screenshots.cpp, docs/team.md):
// the team page over the cases on the tablet, and a Kollegiale Beratung — the case page's dialog
// with the card's preview, the consultation page with ideas and a recommendation, also on a
// projector. Driven through the controllers and the Navigator, as the tests do.
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

// One screenshot (or one set of sizes) named `name`; `prepare` runs once the window has its size.
using ShootFn = std::function<void(const QString& name, const std::function<void()>& prepare)>;

// The Sozialraumteam's page (docs/team.md) on this caseworker's tablet: a team scope founded here,
// the team's case index written for every case on the device (the demo families and the reports'
// generated ones), the page opened from the case list; the overview, then scrolled to the list of
// every case by pseudonym; then the Kollegiale Beratung on the demo's Familie Demir (the dialog's
// preview, the card with ideas and a recommendation, and `shootProjector` once at 1920×1080 with
// large type). From the case list, back to it; the number of failures.
int shootTeamScreens(QQmlEngine& engine, QQuickWindow* window, Navigator& navigator, sync::Store& store, QTextStream& out,
                     const ShootFn& shoot, const ShootFn& shootProjector);

}  // namespace quartier::app
