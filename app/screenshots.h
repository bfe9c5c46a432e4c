// `quartier --screenshot DIR`: renders the screens offscreen at 1280×800 and 800×1280 and saves
// them as PNGs (QQuickWindow::grabWindow) for docs/screenshots.
#pragma once

#include <QString>

class QQmlEngine;

namespace quartier::app {

class CaseListModel;
class SessionController;

// Returns the process exit code. `session` must use a throwaway store directory: the run
// creates a store there, with a few fictitious demo cases for the filled case list.
int takeScreenshots(QQmlEngine& engine, SessionController& session, CaseListModel& cases, const QString& dir);

}  // namespace quartier::app
