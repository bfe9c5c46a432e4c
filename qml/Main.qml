// The window: shows the unlock page until the session is unlocked, then a stack of the case list
// and, pushed on it, the case page, the settings, a home visit, the conflicts, the offer map or the
// reports. The stack is destroyed on lock, so nothing of a case stays on screen or in the scene. Escape (and the system's
// back key) goes back one page through the page's own way out (StackView.back()); an open dialog
// takes Escape first and only closes (its closePolicy), and the case list and the unlock page
// ignore it (docs/app.md, "Keyboard and focus").
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Quartier.Ui

ApplicationWindow {
    id: window
    objectName: "mainWindow"

    width: 1280
    height: 800
    minimumWidth: 360
    minimumHeight: 480
    visible: true
    title: qsTr("Quartier")
    color: Theme.background

    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.primary
    Material.background: Theme.background
    Material.foreground: Theme.textPrimary
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    Loader {
        id: content
        anchors.fill: parent
        sourceComponent: Session.state === SessionController.Unlocked ? unlocked : unlock
    }

    Component {
        id: unlock
        UnlockPage {}
    }

    Component {
        id: unlocked

        StackView {
            id: stack

            function openSettings() {
                if (depth === 1)
                    push(settings)
            }
            // Closes what is pushed over the list (settings, a home visit, the conflicts), not a case page.
            function closeSettings() {
                if (depth > 1 && currentItem.objectName !== "casePage")
                    pop()
            }
            function openCase(caseId) {
                CaseDetail.open(caseId)
                if (depth > 1)
                    pop(null, StackView.Immediate)
                push(casePage)
            }
            function closeCase() {
                if (depth > 1 && currentItem.objectName === "casePage")
                    pop()
                CaseDetail.close()
            }
            function openNewCase() {
                if (depth === 1 && get(0).openNewCase)
                    get(0).openNewCase()
            }
            function closeDialogs() {
                if (currentItem && currentItem.closeDialogs)
                    currentItem.closeDialogs()
            }
            // Navigator.startHomeVisit has opened the visit controller on the case.
            function showHomeVisit() {
                pop(null)
                push(homeVisit)
            }
            function openConflicts() {
                pop(null)
                push(conflictsPage)
            }

            function openOffers() {
                if (depth === 1)
                    push(offerMap)
            }
            function openConsultation(id) {
                Consultation.openCard(id)
                push(consultationPage)
            }
            function openTeam() {
                if (depth === 1 && currentItem.objectName !== "teamPage")
                    push(teamPage)
            }
            function openReports() {
                if (depth === 1 && currentItem.objectName !== "reportsPage")
                    push(reportsPage)
            }
            // Pops the offer edit page and the offer map, whichever are on top.
            function closeOffers() {
                while (depth > 1 && (currentItem.objectName === "offerEditPage" || currentItem.objectName === "offerMapPage"))
                    pop(null, StackView.Immediate)
            }
            function editOffer(serviceId) {
                if (serviceId.length === 0)
                    OfferEditor.startNew(Offers.socialSpace)  // in the space the map shows, if one is chosen
                else if (!OfferEditor.startEdit(serviceId))
                    return
                push(offerEdit)
            }

            // One page back through the page's own way out: its back() if it has one (the home
            // visit writes what was typed, the offer map first leaves an open offer), else its
            // closeRequested(), which the Components below wire to the right pop. False on the
            // case list.
            function back() {
                const page = currentItem
                if (depth <= 1 || !page)
                    return false
                if (typeof page.back === "function")
                    page.back()
                else
                    page.closeRequested()
                return true
            }

            // Navigation asked for in C++ (app/controllers/navigator.h): by the pages below and the headless modes.
            Connections {
                target: Navigator
                function onSettingsRequested() { stack.openSettings() }
                function onSettingsCloseRequested() { stack.closeSettings() }
                function onCaseRequested(caseId) { stack.openCase(caseId) }
                function onCaseCloseRequested() { stack.closeCase() }
                function onNewCaseRequested() { stack.openNewCase() }
                function onDialogsCloseRequested() { stack.closeDialogs() }
                function onHomeVisitStarted() { stack.showHomeVisit() }
                function onConflictsRequested() { stack.openConflicts() }
                function onOffersRequested() { stack.openOffers() }
                function onReportsRequested() { stack.openReports() }
                function onTeamRequested() { stack.openTeam() }
                function onConsultationRequested(id) { stack.openConsultation(id) }
                function onOfferEditRequested(serviceId) { stack.editOffer(serviceId) }
                function onOffersCloseRequested() { stack.closeOffers() }
                function onBackRequested() { stack.back() }
            }

            focus: true
            // The keyboard focus goes with the page on top (into the field it focuses, if any), so
            // Tab never walks a page underneath and Escape always reaches the stack.
            onCurrentItemChanged: if (currentItem) currentItem.forceActiveFocus()
            Keys.onBackPressed: event => { event.accepted = stack.back() }
            Keys.onEscapePressed: event => { event.accepted = stack.back() }

            // A short cross-fade: calm, and the same on every scene-graph backend.
            pushEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 150 } }
            pushExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 150 } }
            popEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 150 } }
            popExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 150 } }

            // The home page: the case list; on a planning device (which holds no case keys,
            // docs/roles.md) the reports it receives; on a team lead's (no case keys either) the
            // team's case index (docs/team.md).
            readonly property Component homePage: Reports.planningHome ? planningHome : Team.teamLeadHome ? teamHome : caseList
            readonly property string homeName: Reports.planningHome ? "reportsPage" : Team.teamLeadHome ? "teamPage" : "caseListPage"
            initialItem: homePage
            // The role is known once the store is read (after the stack is made, at an unlock) or
            // changes with a sync of the directory: the home page follows it.
            function settleHome() {
                const home = get(0)
                if (home && home.objectName !== homeName)
                    replace(null, homePage, {}, StackView.Immediate)
            }
            Connections {
                target: Reports
                function onReportChanged() { stack.settleHome() }
            }
            Connections {
                target: Team
                function onChanged() { stack.settleHome() }
            }

            Component {
                id: caseList
                CaseListPage {
                    onSettingsRequested: stack.openSettings()
                    onCaseRequested: caseId => stack.openCase(caseId)
                    onVisitRequested: caseId => Navigator.startHomeVisit(caseId)
                    onConflictsRequested: stack.openConflicts()
                    onOffersRequested: stack.openOffers()
                    onReportsRequested: stack.openReports()
                    onTeamRequested: stack.openTeam()
                }
            }
            Component {
                id: teamHome
                TeamPage {
                    home: true
                    onSettingsRequested: stack.openSettings()
                }
            }
            Component {
                id: teamPage
                TeamPage {
                    onCloseRequested: stack.pop(null)
                }
            }
            Component {
                id: consultationPage
                ConsultationPage {
                    onCloseRequested: stack.pop()
                }
            }
            Component {
                id: planningHome
                ReportsPage {
                    home: true
                    onSettingsRequested: stack.openSettings()
                }
            }

            Component {
                id: offerMap
                OfferMapPage {
                    onCloseRequested: stack.closeOffers()
                    onEditRequested: serviceId => stack.editOffer(serviceId)
                }
            }
            Component {
                id: offerEdit
                OfferEditPage {
                    onCloseRequested: stack.pop()
                    onSaved: serviceId => {
                        const map = stack.get(stack.depth - 2)
                        if (map && map.showOffer)
                            map.showOffer(serviceId)
                    }
                }
            }

            Component {
                id: reportsPage
                ReportsPage {
                    onCloseRequested: stack.pop(null)
                }
            }

            Component {
                id: casePage
                CasePage {
                    // The home-visit flow hooks in here (HomeVisitPage, through the Navigator).
                    homeVisitAvailable: true
                    onHomeVisitRequested: caseId => Navigator.startHomeVisit(caseId)
                    onCloseRequested: stack.closeCase()
                }
            }

            Component {
                id: homeVisit
                HomeVisitPage {
                    onCloseRequested: stack.pop(null)
                }
            }

            Component {
                id: conflictsPage
                ConflictsPage {
                    onCloseRequested: stack.pop(null)
                }
            }

            Component {
                id: settings
                SettingsPage {
                    onCloseRequested: stack.closeSettings()
                    onConflictsRequested: stack.openConflicts()
                }
            }
        }
    }
}
