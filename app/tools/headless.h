// Helpers shared by the headless modes (--self-test, --screenshot): where Main.qml lives, waiting
// for a session state, letting the scene settle.
#pragma once

#include "controllers/sessioncontroller.h"

#include "sync/protocol/transport.h"

#include <QUrl>

#include <memory>
#include <string>

class QQuickItem;
class QQuickWindow;

namespace quartier::app {

// The QML module's resource root (RESOURCE_PREFIX /qt/qml + URI Quartier.Ui) and its Main.qml.
inline constexpr auto kQmlModuleRoot = ":/qt/qml/Quartier/Ui";
QUrl mainQmlUrl();

// Argon2id parameters for throwaway stores made by the headless modes: fast, never for real data.
inline constexpr crypto::PwhashParams kThrowawayKdf{1, 8 * 1024 * 1024};

// Runs the event loop until `session` is in `state` or `timeoutMs` passed; true if reached.
bool waitForState(SessionController& session, SessionController::State state, int timeoutMs = 30000);

// Runs the event loop for `ms` milliseconds so that layouts, loaders and animations settle.
void settle(int ms);

// Runs the event loop until `done()` or `timeoutMs` passed; true if done.
template <class Done>
bool waitFor(Done done, int timeoutMs = 10000)
{
    for (int waited = 0; !done() && waited < timeoutMs; waited += 20)
        settle(20);
    return done();
}

// The visible item named `objectName` in the window's scene, or null (searches the visual tree,
// which is where StackView and Loader put their pages).
QQuickItem* findItem(QQuickWindow* window, const QString& objectName);
// The same below `root` (a page, a banner): for names that occur on more than one page.
QQuickItem* findItemIn(QQuickItem* root, const QString& objectName);
// Scrolls the Flickable that holds the item `objectName` so that the item's top stands near the
// top of the view (as far as the content allows); nothing if there is no such item or Flickable.
void scrollIntoView(QQuickWindow* window, const QString& objectName);

// Taps `item` as a finger would, the way the QML tests' mouseClick does: a press and a release at
// its centre, delivered through its window, after a short settle so pending layouts have
// placed it. False (nothing sent) if it is null, hidden or
// disabled. Buttons, delegates and chips react through their own onClicked, so a renamed QML
// function cannot be missed at run time.
bool tap(QQuickItem* item);

// A transport factory for the headless modes: every request fails as if the network were down,
// so a self-test or screenshot run never reaches out of the machine.
sync::Result<std::unique_ptr<sync::Transport>> offlineTransport(const std::string& url, const std::string& fingerprint);

}  // namespace quartier::app
