// Einwilligungen: the case's consent records (who, for whom, which data, purposes, recipients,
// form, validity, state), recording one (ConsentDialog) and withdrawing one — for good, with a
// note. Every member of the case sees the same list and learns a withdrawal at its next sync.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root
    objectName: "consentsCard"

    readonly property alias withdrawDialog: withdrawDialog

    signal recordRequested()

    spacing: Theme.spacingM

    InlineMessage {
        objectName: "consentsMessage"
        Layout.fillWidth: true
        isError: CaseConsents.refused
        text: CaseConsents.messageAbout === "consent" ? CaseConsents.message : ""
    }

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("Einwilligungen")
        hint: !CaseConsents.canRecord ? qsTr("Dieser Fall liegt nicht in einem eigenen Fallbereich dieses Geräts; Einwilligungen "
                                             + "werden im Fall gespeichert.")
              : CaseConsents.consents.count === 0 ? qsTr("Noch keine Einwilligung erfasst. Anvertrautes (§ 65 SGB VIII) "
                                                        + "wird nur mit einer Einwilligung oder nach einer gesetzlichen "
                                                        + "Ausnahme weitergegeben.")
              : ""
        actionText: qsTr("Einwilligung erfassen")
        actionName: "recordConsent"
        actionEnabled: CaseConsents.canRecord
        onActionTriggered: root.recordRequested()

        Repeater {
            model: CaseConsents.consents

            Rectangle {
                id: consent
                required property string recordId
                required property string consenting
                required property string onBehalfOf
                required property string dataLabel
                required property string purposesLabel
                required property string recipientsLabel
                required property string formLabel
                required property string validity
                required property string state
                required property string stateLabel
                required property bool valid
                required property string withdrawalNote
                required property int index

                Layout.fillWidth: true
                implicitHeight: column.implicitHeight + 2 * Theme.spacingM
                radius: Theme.radiusSmall
                color: Theme.background
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("Einwilligung von %1, %2").arg(consenting).arg(stateLabel)

                ColumnLayout {
                    id: column
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacingM
                    spacing: Theme.spacingXs

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: consent.onBehalfOf.length > 0 ? qsTr("%1 für %2").arg(consent.consenting).arg(consent.onBehalfOf)
                                                                : consent.consenting
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.Medium
                            wrapMode: Text.WordWrap
                        }
                        Rectangle {
                            Layout.alignment: Qt.AlignTop
                            Layout.preferredHeight: 28
                            Layout.preferredWidth: stateText.implicitWidth + 2 * Theme.spacingM
                            radius: 14
                            color: consent.valid ? Theme.successSoft : consent.state === "withdrawn" ? Theme.errorSoft : Theme.warningSoft
                            Label {
                                id: stateText
                                anchors.centerIn: parent
                                text: consent.stateLabel
                                color: consent.valid ? Theme.success : consent.state === "withdrawn" ? Theme.error : Theme.warning
                                font.pixelSize: Theme.fontCaption
                                font.weight: Font.Medium
                            }
                        }
                    }
                    InfoLine { caption: qsTr("Angaben"); value: consent.dataLabel }
                    InfoLine { caption: qsTr("Zweck"); value: consent.purposesLabel }
                    InfoLine { caption: qsTr("An"); value: consent.recipientsLabel }
                    InfoLine { caption: qsTr("Form, Gültigkeit"); value: consent.formLabel + " · " + consent.validity }
                    InfoLine { caption: qsTr("Widerruf"); value: consent.withdrawalNote; visible: consent.withdrawalNote.length > 0 }
                    ActionButton {
                        objectName: "withdraw_" + consent.index
                        visible: consent.state !== "withdrawn"
                        filled: false
                        text: qsTr("Widerrufen …")
                        Accessible.name: qsTr("Einwilligung von %1 widerrufen").arg(consent.consenting)
                        onClicked: withdrawDialog.openFor(consent.recordId, consent.consenting)
                    }
                }
            }
        }
    }

    component InfoLine: Label {
        property string caption
        property string value
        Layout.fillWidth: true
        text: caption + ": " + value
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
    }

    FormDialog {
        id: withdrawDialog
        objectName: "withdrawDialog"
        property string consentId
        property string who
        function openFor(id, name) {
            consentId = id
            who = name
            noteField.text = ""
            open()
        }
        maxWidth: 600
        title: qsTr("Einwilligung widerrufen")
        primaryText: qsTr("Widerrufen")
        primaryName: "withdrawConfirm"
        onPrimaryClicked: {
            if (CaseConsents.withdraw(withdrawDialog.consentId, noteField.text))
                withdrawDialog.close()
        }

        Paragraph {
            Layout.fillWidth: true
            text: qsTr("Die Einwilligung von %1 gilt ab heute nicht mehr – endgültig: sie erlaubt keine weitere "
                       + "Weitergabe, und auf allen Geräten des Falls nach deren nächster Synchronisierung. Was schon "
                       + "weitergegeben wurde, bleibt im Fall.").arg(withdrawDialog.who)
        }
        LabelledField {
            id: noteField
            objectName: "withdrawNote"
            Layout.fillWidth: true
            label: qsTr("Wie widerrufen? (z. B. „mündlich beim Hausbesuch“, „per Brief vom …“)")
        }
    }
}
