// "In den Fall weitergeben": passes one entrusted (§65 SGB VIII) note of this worker into the case,
// under a consent of the case (with its purpose) or one of §65 Abs. 1 Satz 1's exceptions Nr. 2–5
// with a written reason. What the rules would say is shown while choosing (the same check the
// disclosure runs: CaseConsents.checkDisclosure); "Weitergeben" asks CaseConsents.disclose.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

FormDialog {
    id: root
    objectName: "disclosureDialog"

    property string noteId
    property string noteText
    property string basisKind: "consent"   // "consent" | "exception"
    property string consentId
    property string purpose
    property int exceptionNumber: 0
    property string reason
    readonly property var basis: basisKind === "consent" ? { consent: consentId, purpose: purpose }
                                                         : { exception: exceptionNumber, reason: reason }
    // "" when the disclosure would be allowed now; recomputed whenever the choice changes.
    readonly property string verdict: visible ? CaseConsents.checkDisclosure(noteId, basis) : ""

    function openFor(id, text) {
        noteId = id
        noteText = text
        const consents = CaseConsents.consentChoices()
        basisKind = "consent"
        consentId = consents.length > 0 && consents[0].valid ? consents[0].value : ""
        purpose = ""
        exceptionNumber = 0
        reason = ""
        CaseConsents.clearMessage()
        open()
    }
    function submit() {
        if (CaseConsents.disclose(noteId, basis))
            close()
    }

    title: qsTr("Anvertrauten Vermerk in den Fall weitergeben")

    primaryText: qsTr("Weitergeben")
    primaryName: "disclosureSubmit"
    primaryEnabled: root.verdict.length === 0
    // What the rules say of the current choice, in view above the buttons.
    notice: CaseConsents.refused && CaseConsents.message.length > 0 ? CaseConsents.message
          : root.verdict.length > 0 ? root.verdict
          : qsTr("Die Rechtsgrundlage trägt die Weitergabe. Sie wird im Protokoll festgehalten.")
    noticeIsError: root.verdict.length > 0 || CaseConsents.refused
    onPrimaryClicked: root.submit()

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: quote.implicitHeight + 2 * Theme.spacingM
        radius: Theme.radiusSmall
        color: Theme.warningSoft
        Label {
            id: quote
            anchors.fill: parent
            anchors.margins: Theme.spacingM
            text: "„" + root.noteText + "“"
            color: Theme.textPrimary
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
    }
    Paragraph {
        Layout.fillWidth: true
        text: qsTr("Anvertrautes lesen nur Sie. Weitergegeben, wird eine Kopie im Fall für alle lesbar, die den Fall "
                   + "haben – nur mit einer Einwilligung, die sie alle umfasst, oder nach einer Ausnahme des "
                   + "§ 65 Abs. 1 Satz 1 SGB VIII. Ihr Original bleibt anvertraut.")
    }
    ChipChoices {
        Layout.fillWidth: true
        label: qsTr("Rechtsgrundlage")
        chipPrefix: "basis"
        choices: [{ value: "consent", label: qsTr("Einwilligung") },
                  { value: "exception", label: qsTr("Ausnahme nach § 65 Abs. 1 Satz 1") }]
        selected: root.basisKind
        onChanged: value => root.basisKind = value
    }
    ChipChoices {
        Layout.fillWidth: true
        visible: root.basisKind === "consent"
        label: CaseConsents.consents.count === 0 ? qsTr("Einwilligung – im Fall ist noch keine erfasst")
                                                 : qsTr("Einwilligung")
        chipPrefix: "consent"
        choices: root.visible ? CaseConsents.consentChoices() : []
        selected: root.consentId
        onChanged: value => root.consentId = value
    }
    ChipChoices {
        Layout.fillWidth: true
        visible: root.basisKind === "consent"
        label: qsTr("Zweck der Weitergabe")
        chipPrefix: "purpose"
        choices: CaseConsents.purposeChoices()
        selected: root.purpose
        onChanged: value => root.purpose = value
    }
    ChipChoices {
        Layout.fillWidth: true
        visible: root.basisKind === "exception"
        label: qsTr("Ausnahme")
        chipPrefix: "exception"
        choices: CaseConsents.exceptionChoices()
        selected: root.exceptionNumber
        onChanged: value => root.exceptionNumber = value
    }
    ColumnLayout {
        Layout.fillWidth: true
        visible: root.basisKind === "exception"
        spacing: Theme.spacingXs
        Label {
            text: qsTr("Begründung (schriftlich, Pflicht)")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Medium
        }
        TextArea {
            objectName: "disclosureReason"
            Layout.fillWidth: true
            Layout.minimumHeight: 96
            wrapMode: TextEdit.Wrap
            font.pixelSize: Theme.fontBody
            text: root.reason
            Accessible.name: qsTr("Begründung")
            onTextChanged: root.reason = text
        }
    }
}
