// `quartier --screenshot DIR`: renders the screens offscreen at 1280×800 and 800×1280 and saves
// them as PNGs (QQuickWindow::grabWindow) for docs/screenshots.
#pragma once

#include <QString>

class QQmlEngine;

namespace quartier::app {

class CaseController;
class CaseListModel;
class ConflictListModel;
class EnrolmentController;
class HomeVisitController;
class LanguageController;
class Navigator;
class SessionController;
class SyncController;

// The controllers of the home visit, conflicts and language screens (any may be null: those
// screens are then left out).
struct ScreenshotExtras {
    HomeVisitController* visit = nullptr;
    ConflictListModel* conflicts = nullptr;
    LanguageController* language = nullptr;
};

// Returns the process exit code. `session` must use a throwaway store directory: the run
// creates a store there, enrols it with a fictitious organisation (a local transport answers the
// enrolment request; nothing leaves the machine), writes the domain layer's fictitious demo
// families and shows the case list (with its filters and the new-case dialog) and every section
// of a case page; then, with `extras`, the demo offers (app/tools/visitdemo.h), walks a home visit through
// every step, shows a conflict and switches the language once.
int takeScreenshots(QQmlEngine& engine, SessionController& session, CaseListModel& cases, SyncController& syncController,
                    EnrolmentController& enrolment, CaseController& caseDetail, Navigator& navigator, const QString& dir,
                    ScreenshotExtras extras = {});

}  // namespace quartier::app
