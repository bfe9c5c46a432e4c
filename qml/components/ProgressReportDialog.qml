// "Verlaufsbericht schreiben": one block per open goal (the scale now, what happened, what the
// family did itself) and per open Auftrag (what happened), a period and a summary. A block left
// alone is no entry. "Speichern" hands the form to CaseProgress.saveReport; a refused report stays
// open with CaseDetail's German issues and everything typed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

FormDialog {
    id: root
    objectName: "progressDialog"

    property var rows: []          // CaseProgress.draftEntries(), each with the form's values added
    property string periodFrom
    property string periodTo
    property string summary

    function openNew() {
        rows = CaseProgress.draftEntries().map(e => Object.assign({ picked: -1, happened: "", familyDid: "" }, e))
        periodFrom = ""
        periodTo = ""
        summary = ""
        CaseDetail.clearIssues()
        open()
    }
    // Sets one value of a row from outside the form (the delegates are made anew from `rows`).
    function setRow(i, key, value) {
        const copy = rows.slice()
        copy[i] = Object.assign({}, copy[i])
        copy[i][key] = value
        rows = copy
    }
    // What the form's editors change: the row object in place, so the delegates (and the focus
    // of the field being typed in) stay.
    function edit(i, key, value) { rows[i][key] = value }
    function submit() {
        const entries = rows.map(r => ({ goalId: r.goalId, mandateId: r.mandateId, scaleNow: r.picked,
                                         happened: r.happened, familyDid: r.familyDid }))
        if (CaseProgress.saveReport({ periodFrom: periodFrom, periodTo: periodTo, summary: summary, entries: entries }))
            close()
    }

    title: qsTr("Verlaufsbericht schreiben")

    primaryText: qsTr("Speichern")
    primaryName: "progressSave"
    notice: CaseDetail.issueList.join("\n")
    onPrimaryClicked: root.submit()
    maxWidth: 760

    Paragraph {
        Layout.fillWidth: true
        visible: root.rows.length === 0
        text: qsTr("Der Fall hat keine offenen Ziele oder Aufträge, zu denen berichtet werden könnte.")
    }
    Repeater {
        model: root.rows
        ColumnLayout {
            id: block
            required property var modelData
            required property int index
            readonly property bool goal: modelData.goalId.length > 0
            property int picked: modelData.picked
            Layout.fillWidth: true
            spacing: Theme.spacingXs

            Label {
                Layout.fillWidth: true
                text: (block.goal ? qsTr("Ziel (%1): %2").arg(block.modelData.kindLabel) : qsTr("Auftrag: %1"))
                      .arg(block.modelData.title)
                color: Theme.textPrimary
                font.pixelSize: Theme.fontBody
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
            }
            Label {
                visible: block.goal
                Layout.fillWidth: true
                text: qsTr("Wo steht die Familie jetzt? Zuletzt %1 von 10, Ziel %2.").arg(block.modelData.scaleNow)
                          .arg(block.modelData.scaleTarget)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            ScaleEditor {
                objectName: "progressScale_" + block.index
                visible: block.goal
                Layout.fillWidth: true
                label: qsTr("Jetzt")
                value: block.picked  // -1: nothing picked yet
                onPicked: value => { block.picked = value; root.edit(block.index, "picked", value) }
            }
            TextArea {
                objectName: "progressHappened_" + block.index
                Layout.fillWidth: true
                placeholderText: qsTr("Was geschah?")
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                text: block.modelData.happened
                Accessible.name: qsTr("Was geschah bei %1").arg(block.modelData.title)
                onTextChanged: root.edit(block.index, "happened", text)
            }
            TextArea {
                objectName: "progressFamily_" + block.index
                visible: block.goal
                Layout.fillWidth: true
                placeholderText: qsTr("Was hat die Familie selbst getan?")
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                text: block.modelData.familyDid
                Accessible.name: qsTr("Was die Familie selbst getan hat bei %1").arg(block.modelData.title)
                onTextChanged: root.edit(block.index, "familyDid", text)
            }
        }
    }
    Label {
        text: qsTr("Berichtszeitraum (freiwillig): von – bis")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.Medium
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        DateField {
            Layout.fillWidth: true
            label: qsTr("Zeitraum von")
            iso: root.periodFrom
            issue: CaseDetail.issueReasons.period_from || ""
            onEdited: value => root.periodFrom = value
        }
        DateField {
            Layout.fillWidth: true
            label: qsTr("Zeitraum bis")
            iso: root.periodTo
            issue: CaseDetail.issueReasons.period_to || ""
            onEdited: value => root.periodTo = value
        }
    }
    TextArea {
        objectName: "progressSummary"
        Layout.fillWidth: true
        placeholderText: qsTr("Zusammenfassung (freiwillig)")
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.fontBody
        text: root.summary
        Accessible.name: qsTr("Zusammenfassung")
        onTextChanged: root.summary = text
    }
}
