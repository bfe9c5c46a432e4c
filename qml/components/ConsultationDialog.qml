// "Kollegiale Beratung vorbereiten" on the case page (docs/team.md): the question to the team, and
// below it the card exactly as it will go into the team scope — pseudonymised, every name replaced
// by a role — so that the caseworker reads it before it goes. "Ins Team geben" saves it
// (Consultation.submit); the case's earlier consultations are listed with their state and open
// the consultation page, where a recommendation is taken back into the case.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

FormDialog {
    id: root
    objectName: "consultationDialog"

    property var preview: ({})
    property bool sent: false

    signal consultationRequested(string id)

    function openNew() {
        question.text = ""
        preview = Consultation.preview(CaseDetail.caseId, "", CaseDetail.workerName, CaseDetail.today)
        sent = false
        open()
    }
    function updatePreview() {
        preview = Consultation.preview(CaseDetail.caseId, question.text, CaseDetail.workerName, CaseDetail.today)
    }

    title: qsTr("Kollegiale Beratung vorbereiten")
    primaryText: qsTr("Ins Team geben")
    primaryName: "consultSubmit"
    primaryEnabled: !root.sent && question.text.trim().length > 0
    notice: root.sent || Consultation.messageIsError ? Consultation.message : ""
    noticeIsError: Consultation.messageIsError
    maxWidth: 820
    onPrimaryClicked: root.sent = Consultation.submit(CaseDetail.caseId, question.text, CaseDetail.workerName, CaseDetail.today).length > 0

    Paragraph {
        Layout.fillWidth: true
        text: qsTr("Das Team sieht die Karte ohne Namen, Adressen, Geburtsdaten und Nummern: Personen erscheinen mit ihrer Rolle. Bitte lesen Sie die Karte, bevor sie ins Team geht – ein Spitzname oder ein seltenes Detail kann eine Familie trotzdem erkennbar machen.")
    }
    Label {
        text: qsTr("Frage an das Team")
        color: Theme.textPrimary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.Medium
    }
    TextArea {
        id: question
        objectName: "consultQuestionField"
        Layout.fillWidth: true
        wrapMode: TextEdit.Wrap
        placeholderText: qsTr("z. B. Wie kann die Familie morgens entlastet werden?")
        onTextChanged: previewTimer.restart()
    }
    Timer { id: previewTimer; interval: 300; onTriggered: root.updatePreview() }

    Label {
        text: qsTr("So sieht das Team die Karte")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
    }
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: previewCard.implicitHeight + 2 * Theme.spacingM
        radius: Theme.radius
        border.color: Theme.outline
        color: Theme.background
        ConsultationCard {
            id: previewCard
            objectName: "consultPreview"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacingM
            card: root.preview
        }
    }

    Label {
        visible: earlier.count > 0
        text: qsTr("Frühere Beratungen dieses Falls")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
    }
    Repeater {
        id: earlier
        model: root.opened ? Consultation.cardsOfCase(CaseDetail.caseId) : []
        EntryDelegate {
            required property var modelData
            required property int index
            objectName: "caseConsultation_" + index
            title: modelData.question
            detail: qsTr("%1 · %2").arg(modelData.preparedOn).arg(modelData.pseudonym)
            chip: modelData.stateLabel
            onClicked: { root.close(); root.consultationRequested(modelData.id) }
        }
    }
}
