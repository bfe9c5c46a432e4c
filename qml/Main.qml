// The window: shows the unlock page until the session is unlocked, then the case list. The case
// list is destroyed on lock, so nothing of a case stays on screen or in the scene.
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
        sourceComponent: Session.state === SessionController.Unlocked ? caseList : unlock
    }

    Component {
        id: unlock
        UnlockPage {}
    }

    Component {
        id: caseList
        CaseListPage {}
    }
}
