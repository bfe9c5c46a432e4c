// How the headless modes (app/tools/selftest.cpp, app/tools/screenshots.cpp) work a page that has no C++
// controller call for what they need: by its objectName'd items, tapped as a finger would (the
// way the QML tests do), or by the page's own properties. Navigation between pages is
// app/controllers/navigator.h. No state.
#pragma once

#include <QString>

class QQuickItem;

namespace quartier::app {

// ---- The home visit (qml/pages/HomeVisitPage.qml) ----------------------------------------------

// Shows step `step` (0-based) by tapping its tab in the step bar ("visitStep_<n>"), which writes
// what was typed and, on the last step, checks the visit. True if the page is then on that step.
bool showVisitStep(QQuickItem* visitPage, int step);

// ---- The case page (qml/pages/CasePage.qml) ----------------------------------------------------
// Kept together and small: the case page is being split into per-section parts.

// Selects section `index` (the page's currentSection; in portrait the page scrolls to it when the
// window turns, which every screenshot does).
void showCaseSection(QQuickItem* casePage, int index);
// Taps "Wiederherstellen" on the page's draft banner: the form kept at a lock, reopened.
bool restoreCaseDraft(QQuickItem* casePage);
// Taps "Fall teilen": the share dialog for the open case.
bool openCaseShare(QQuickItem* casePage);
// Taps a device in the open share dialog ("shareTarget_<deviceId>").
bool selectShareTarget(QQuickItem* casePage, const QString& deviceId);

// ---- The case list (qml/pages/CaseListPage.qml) ------------------------------------------------

// Taps "Wiederherstellen" on the new-case draft banner.
bool restoreNewCaseDraft(QQuickItem* caseListPage);

}  // namespace quartier::app
