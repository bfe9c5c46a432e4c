// Helpers shared by the headless modes (--self-test, --screenshot): where Main.qml lives, waiting
// for a session state, letting the scene settle.
#pragma once

#include "sessioncontroller.h"

#include <QUrl>

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

}  // namespace quartier::app
