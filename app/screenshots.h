// `quartier --screenshot DIR`: renders the screens offscreen at 1280×800 and 800×1280 and saves
// them as PNGs (QQuickWindow::grabWindow) for docs/screenshots.
#pragma once

#include <QString>

class QQmlEngine;

namespace quartier::app {

class CaseController;
class CaseListModel;
class EnrolmentController;
class SessionController;
class SyncController;

// Returns the process exit code. `session` must use a throwaway store directory: the run
// creates a store there, enrols it with a fictitious organisation (a local transport answers the
// enrolment request; nothing leaves the machine), writes the domain layer's fictitious demo
// families and shows the case list (with its filters and the new-case dialog) and every section
// of a case page.
int takeScreenshots(QQmlEngine& engine, SessionController& session, CaseListModel& cases, SyncController& syncController,
                    EnrolmentController& enrolment, CaseController& caseDetail, const QString& dir);

}  // namespace quartier::app
