// "Einwilligung erfassen": who consents (a member of the case), for whom, which data, for which
// purposes, to whom it may go, in which form, from when and until when. "Speichern" hands the
// values to CaseConsents.addConsent (sync/client/consent.h decides); a refused form stays open
// with everything chosen and each group's message.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

FormDialog {
    id: root
    objectName: "consentDialog"

    property var current: ({})

    function openNew() {
        current = { consenting: "", onBehalfOf: "", data: ["note"], purposes: [], recipients: [], form: "written",
                    validFrom: CaseDetail.today, validUntil: "" }
        CaseConsents.clearMessage()
        open()
    }
    function set(key, value) {
        const c = Object.assign({}, current)
        c[key] = value
        current = c
    }
    function submit() {
        if (CaseConsents.addConsent(current))
            close()
    }

    title: qsTr("Einwilligung erfassen")

    primaryText: qsTr("Speichern")
    primaryName: "consentSave"
    notice: CaseConsents.refused ? CaseConsents.message : ""
    onPrimaryClicked: root.submit()

    Paragraph {
        Layout.fillWidth: true
        text: qsTr("Die Einwilligung wird im Fall gespeichert: alle, die den Fall lesen, sehen sie – und ihren "
                   + "Widerruf nach der nächsten Synchronisierung.")
    }
    ChipChoices {
        Layout.fillWidth: true
        label: qsTr("Wer willigt ein?")
        chipPrefix: "consenting"
        choices: root.visible ? CaseMembers.memberChoices() : []
        selected: root.current.consenting || ""
        error: CaseConsents.errors.consenting || ""
        onChanged: value => root.set("consenting", value)
    }
    ChipChoices {
        Layout.fillWidth: true
        label: qsTr("Für wen? (leer lassen, wenn für sich selbst)")
        chipPrefix: "onBehalfOf"
        choices: root.visible ? CaseMembers.memberChoices() : []
        selected: root.current.onBehalfOf || ""
        onChanged: value => root.set("onBehalfOf", value === root.current.onBehalfOf ? "" : value)
    }
    ChipChoices {
        Layout.fillWidth: true
        multi: true
        label: qsTr("Welche Angaben?")
        chipPrefix: "data"
        choices: CaseConsents.dataChoices()
        selected: root.current.data || []
        error: CaseConsents.errors.data || ""
        onChanged: value => root.set("data", value)
    }
    ChipChoices {
        Layout.fillWidth: true
        multi: true
        label: qsTr("Zu welchem Zweck?")
        chipPrefix: "purposes"
        choices: CaseConsents.purposeChoices()
        selected: root.current.purposes || []
        error: CaseConsents.errors.purposes || ""
        onChanged: value => root.set("purposes", value)
    }
    ChipChoices {
        Layout.fillWidth: true
        multi: true
        label: qsTr("An wen darf weitergegeben werden?")
        chipPrefix: "recipients"
        choices: CaseConsents.recipientChoices()
        selected: root.current.recipients || []
        error: CaseConsents.errors.recipients || ""
        onChanged: value => root.set("recipients", value)
    }
    ChipChoices {
        Layout.fillWidth: true
        label: qsTr("Form")
        chipPrefix: "form"
        choices: CaseConsents.formChoices()
        selected: root.current.form || ""
        error: CaseConsents.errors.form || ""
        onChanged: value => root.set("form", value)
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        DateField {
            Layout.fillWidth: true
            label: qsTr("Gültig ab")
            iso: root.current.validFrom || ""
            issue: CaseConsents.errors.validFrom || ""
            onEdited: value => root.set("validFrom", value)
        }
        DateField {
            Layout.fillWidth: true
            label: qsTr("Gültig bis (leer: bis auf Widerruf)")
            iso: root.current.validUntil || ""
            issue: CaseConsents.errors.validUntil || ""
            onEdited: value => root.set("validUntil", value)
        }
    }
}
