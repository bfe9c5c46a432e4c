// The app's navigation as typed C++ calls: open the settings, a case, the new-case form, a home
// visit, the conflicts, the offer map; close what is open. Main.qml's StackView reacts to the
// signals (it alone knows the pages); the headless modes (app/tools/selftest.cpp, app/tools/screenshots.cpp,
// app/tools/offerscreens.cpp) and QML both call these, so a renamed page function fails at compile time,
// not in the middle of a run. Holds no state: what is on screen is the StackView's.
// Registered as the QML singleton Navigator (app/main.cpp).
#pragma once

#include <QObject>
#include <QString>

namespace quartier::app {

class HomeVisitController;

class Navigator : public QObject
{
    Q_OBJECT

public:
    // `visit` starts or resumes the visit startHomeVisit opens; null: no home visit can start.
    explicit Navigator(HomeVisitController* visit = nullptr, QObject* parent = nullptr);

    Q_INVOKABLE void openSettings() { emit settingsRequested(); }
    // Closes what is pushed over the case list (settings, a home visit, the conflicts), not a case page.
    Q_INVOKABLE void closeSettings() { emit settingsCloseRequested(); }
    Q_INVOKABLE void openCase(const QString& caseId) { emit caseRequested(caseId); }
    Q_INVOKABLE void closeCase() { emit caseCloseRequested(); }
    // The case list's new-case form (only while the list is on top).
    Q_INVOKABLE void openNewCase() { emit newCaseRequested(); }
    // Closes the dialogs of the page on top (its closeDialogs()).
    Q_INVOKABLE void closeDialogs() { emit dialogsCloseRequested(); }
    // The home visit of a case: resumes the case's open draft or starts one, then shows the visit
    // over the case list. False if it could not (the visit controller's errorMessage says why).
    Q_INVOKABLE bool startHomeVisit(const QString& caseId);
    Q_INVOKABLE void openConflicts() { emit conflictsRequested(); }
    // The offer map (docs/offers.md), its edit page for an offer ("" for a new one), and back.
    Q_INVOKABLE void openOffers() { emit offersRequested(); }
    Q_INVOKABLE void editOffer(const QString& serviceId) { emit offerEditRequested(serviceId); }
    Q_INVOKABLE void closeOffers() { emit offersCloseRequested(); }
    // The Berichte page (docs/reports.md), over the case list, and back.
    Q_INVOKABLE void openReports() { emit reportsRequested(); }
    // The Sozialraumteam's page (docs/team.md), over the case list, and back.
    Q_INVOKABLE void openTeam() { emit teamRequested(); }
    // A Kollegiale Beratung's card (docs/team.md), over the team page or the case page.
    Q_INVOKABLE void openConsultation(const QString& id) { emit consultationRequested(id); }
    // One page back, as Escape and the system's back key do (docs/app.md, "Keyboard and focus"):
    // the page on top leaves by its own way (its back(), else its closeRequested()); nothing
    // happens on the case list or the unlock page.
    Q_INVOKABLE void goBack() { emit backRequested(); }

signals:
    void settingsRequested();
    void settingsCloseRequested();
    void caseRequested(const QString& caseId);
    void caseCloseRequested();
    void newCaseRequested();
    void dialogsCloseRequested();
    void homeVisitStarted();  // the visit controller is open on the case: show the visit
    void conflictsRequested();
    void offersRequested();
    void offerEditRequested(const QString& serviceId);
    void offersCloseRequested();
    void reportsRequested();
    void teamRequested();
    void consultationRequested(const QString& id);
    void backRequested();

private:
    HomeVisitController* m_visit;
};

}  // namespace quartier::app
