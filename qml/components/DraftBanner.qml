// The case's kept form (CaseDetail.draft): what was typed in a form the domain refused at a lock.
// Offers it back: "Wiederherstellen" reopens the form with the values, "Verwerfen" deletes it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    property var draft: ({})
    signal restoreRequested()
    signal discardRequested()

    implicitHeight: row.implicitHeight + 2 * Theme.spacingS
    color: Theme.warningSoft
    visible: draft.saved_at !== undefined

    Accessible.role: Accessible.AlertMessage
    Accessible.name: message.text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingM
        anchors.rightMargin: Theme.spacingM
        anchors.topMargin: Theme.spacingS
        anchors.bottomMargin: Theme.spacingS
        spacing: Theme.spacingM

        Icon {
            name: "info"
            color: Theme.warning
            size: 22
        }
        Label {
            id: message
            Layout.fillWidth: true
            text: qsTr("Nicht gespeicherte Eingabe vom %1 (%2)").arg(root.draft.savedAtText || "").arg(root.draft.form ? root.draft.form.title : "")
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSmall + 1
            wrapMode: Text.WordWrap
        }
        ActionButton {
            objectName: "draftRestore"
            text: qsTr("Wiederherstellen")
            Accessible.name: qsTr("Nicht gespeicherte Eingabe wiederherstellen")
            onClicked: root.restoreRequested()
        }
        ActionButton {
            objectName: "draftDiscard"
            filled: false
            text: qsTr("Verwerfen")
            Accessible.name: qsTr("Nicht gespeicherte Eingabe verwerfen")
            onClicked: root.discardRequested()
        }
    }
}
