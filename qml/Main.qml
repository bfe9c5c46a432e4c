// The window: shows the unlock page until the session is unlocked, then a stack of the case list
// and, pushed on it, the case page, the settings, a home visit or the conflicts. The stack is
// destroyed on lock, so nothing of a case stays on screen or in the scene.
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

    // For the headless modes (self-test, screenshots) and a hardware back key.
    function openSettings() {
        if (content.item && content.item.openSettings)
            content.item.openSettings()
    }
    function closeSettings() {
        if (content.item && content.item.closeSettings)
            content.item.closeSettings()
    }
    function openCase(caseId) {
        if (content.item && content.item.openCase)
            content.item.openCase(caseId)
    }
    function closeCase() {
        if (content.item && content.item.closeCase)
            content.item.closeCase()
    }
    function openNewCase() {
        if (content.item && content.item.openNewCase)
            content.item.openNewCase()
    }
    function closeDialogs() {
        if (content.item && content.item.closeDialogs)
            content.item.closeDialogs()
    }
    // The home visit of a case (from the case page, or the case list's visit button): resumes
    // the case's open draft or starts one. False if it could not (Visit.errorMessage says why).
    function startHomeVisit(caseId) {
        return content.item && content.item.startHomeVisit ? content.item.startHomeVisit(caseId) : false
    }
    function openConflicts() {
        if (content.item && content.item.openConflicts)
            content.item.openConflicts()
    }

    // The offer map and its edit page (docs/offers.md), for the headless modes as for the button.
    function openOffers() {
        if (content.item && content.item.openOffers)
            content.item.openOffers()
    }
    function editOffer(serviceId) {
        if (content.item && content.item.editOffer)
            content.item.editOffer(serviceId)
    }
    function closeOffers() {
        if (content.item && content.item.closeOffers)
            content.item.closeOffers()
    }

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
                if (depth === 1)
                    get(0).openNewCase()
            }
            function closeDialogs() {
                if (currentItem && currentItem.closeDialogs)
                    currentItem.closeDialogs()
            }
            function startHomeVisit(caseId) {
                if (!Visit.startVisit(caseId))
                    return false
                pop(null)
                push(homeVisit)
                return true
            }
            function openConflicts() {
                pop(null)
                push(conflictsPage)
            }

            function openOffers() {
                if (depth === 1)
                    push(offerMap)
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

            focus: true
            Keys.onBackPressed: event => {
                event.accepted = depth > 1
                if (currentItem.objectName === "casePage")
                    closeCase()
                else if (currentItem.objectName === "offerEditPage")
                    pop()
                else if (currentItem.objectName === "offerMapPage")
                    closeOffers()
                else
                    closeSettings()
            }

            // A short cross-fade: calm, and the same on every scene-graph backend.
            pushEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 150 } }
            pushExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 150 } }
            popEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 150 } }
            popExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 150 } }

            initialItem: CaseListPage {
                onSettingsRequested: stack.openSettings()
                onCaseRequested: caseId => stack.openCase(caseId)
                onVisitRequested: caseId => stack.startHomeVisit(caseId)
                onConflictsRequested: stack.openConflicts()
                onOffersRequested: stack.openOffers()
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
                id: casePage
                CasePage {
                    // The home-visit flow hooks in here: a window function startHomeVisit(caseId).
                    homeVisitAvailable: typeof window.startHomeVisit === "function"
                    onHomeVisitRequested: caseId => window.startHomeVisit(caseId)
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
