// The window: shows the unlock page until the session is unlocked, then a stack of the case list
// and the settings. The stack is destroyed on lock, so nothing of a case stays on screen or in
// the scene.
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
            function closeSettings() {
                if (depth > 1)
                    pop()
            }

            focus: true
            Keys.onBackPressed: event => {
                event.accepted = depth > 1
                closeSettings()
            }

            // A short cross-fade: calm, and the same on every scene-graph backend.
            pushEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 150 } }
            pushExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 150 } }
            popEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 150 } }
            popExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 150 } }

            initialItem: CaseListPage {
                onSettingsRequested: stack.openSettings()
            }

            Component {
                id: settings
                SettingsPage {
                    onCloseRequested: stack.closeSettings()
                }
            }
        }
    }
}
