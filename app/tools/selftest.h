// `quartier --self-test`: compiles every QML file of Quartier.Ui, instantiates Main and each
// page, drives the session once through create → unlocked (the settings page, then the demo
// families' case pages, section by section) → locked, and counts QML warnings.
#pragma once

class QQmlEngine;

namespace quartier::app {

class CaseController;
class Navigator;
class SessionController;

// Returns the process exit code: 0 when every file loaded and no QML warning or error was seen.
// `session` must use a throwaway store directory.
int runSelfTest(QQmlEngine& engine, SessionController& session, CaseController& caseDetail, Navigator& navigator);

}  // namespace quartier::app
