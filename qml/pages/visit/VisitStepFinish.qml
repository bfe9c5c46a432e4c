// Home visit, step 6 "Abschluss": a summary of what was recorded, the issues that still block
// finalising, and the finalise button. After finalising: a confirmation and a way back to the cases
// (`leaveRequested`).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: finishStep
    spacing: Theme.spacingM

    // Narrow window: the summary's labels sit above their values.
    property bool narrow: false
    // The "Zurück zu den Fällen" button after finalising.
    signal leaveRequested()

    SettingsCard {
        Layout.fillWidth: true
        title: qsTr("Erfasst")
        iconName: "folder"

        InfoRow {
            Layout.fillWidth: true
            wide: !finishStep.narrow
            label: qsTr("Anwesend")
            value: Visit.members.filter(m => m.present).map(m => m.name).join(", ")
        }
        InfoRow {
            Layout.fillWidth: true
            wide: !finishStep.narrow
            label: qsTr("Kind gesehen")
            value: Visit.childSeen === "yes" ? qsTr("Ja") : Visit.childSeen === "no" ? qsTr("Nein")
                 : Visit.childSeen === "not_applicable" ? qsTr("Entfällt") : ""
        }
        InfoRow {
            Layout.fillWidth: true
            wide: !finishStep.narrow
            label: qsTr("Fehlt")
            value: Visit.missing.map(m => m.wanted).join(", ")
        }
        InfoRow {
            Layout.fillWidth: true
            wide: !finishStep.narrow
            label: qsTr("Wille")
            value: Visit.wills.length === 1 ? qsTr("1 Aussage") : qsTr("%1 Aussagen").arg(Visit.wills.length)
        }
        InfoRow {
            Layout.fillWidth: true
            wide: !finishStep.narrow
            label: qsTr("Vermerk")
            value: Visit.noteText.length === 0 ? "" : Visit.noteEntrusted ? qsTr("vorhanden, anvertraut") : qsTr("vorhanden, im Fall")
        }
    }

    Repeater {
        model: Visit.state === HomeVisitController.Open ? Visit.finalIssues : []
        InlineMessage {
            required property string modelData
            Layout.fillWidth: true
            text: modelData
        }
    }
    InlineMessage {
        Layout.fillWidth: true
        isError: false
        visible: Visit.state === HomeVisitController.Open && Visit.finalIssues.length === 0
        text: qsTr("Alles Nötige ist erfasst. Nach dem Abschluss bleibt der Besuch unverändert; Ergänzungen erfassen "
                 + "Sie als neue Einträge.")
    }

    ActionButton {
        objectName: "finaliseButton"
        Layout.fillWidth: true
        visible: Visit.state === HomeVisitController.Open
        iconName: "check"
        text: qsTr("Besuch abschließen")
        enabled: Visit.finalIssues.length === 0
        onClicked: Visit.finalise()
    }

    EmptyState {
        objectName: "visitFinalised"
        Layout.fillWidth: true
        visible: Visit.state === HomeVisitController.Finalised
        iconName: "check"
        title: qsTr("Besuch abgeschlossen")
        text: qsTr("Alle Antworten sind gespeichert und werden bei der nächsten Synchronisierung übertragen.")
    }
    ActionButton {
        Layout.alignment: Qt.AlignHCenter
        visible: Visit.state === HomeVisitController.Finalised
        filled: false
        text: qsTr("Zurück zu den Fällen")
        onClicked: finishStep.leaveRequested()
    }
}
