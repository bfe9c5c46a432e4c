// Kontakte & Vermerke: visits and other contacts, newest first, and the notes with every version
// of their text (a note is never overwritten: an edit is a new version). An entrusted note
// (§65 SGB VIII) carries the "Anvertraut" badge wherever it is shown, so a parent looking at the
// screen sees what is confidential; the worker's own can be passed into the case (discloseRequested,
// DisclosureDialog), and a note that was says when and on which basis.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    signal formRequested(var spec, string recordId, var initial)
    signal discloseRequested(string noteId, string text)

    function noteForm() {
        return {
            title: qsTr("Vermerk"),
            recordType: "note",
            removeText: "",
            fields: [
                { key: "text", label: qsTr("Vermerk"), kind: "multiline",
                  hint: qsTr("Eine Änderung wird als neue Fassung gespeichert; frühere Fassungen bleiben sichtbar.") },
                { key: "entrusted", label: qsTr("Anvertraut (§ 65 SGB VIII)"), kind: "switch" }
            ]
        }
    }

    spacing: Theme.spacingM

    // What the last disclosure did (or why it was refused), until another case is read.
    InlineMessage {
        objectName: "disclosureMessage"
        Layout.fillWidth: true
        isError: CaseConsents.refused
        text: CaseConsents.messageAbout === "disclosure" ? CaseConsents.message : ""
    }

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("Kontakte")
        hint: CaseContacts.visits.count === 0 ? qsTr("Noch keine Hausbesuche oder Kontakte erfasst.") : ""

        Repeater {
            model: CaseContacts.visits

            EntryDelegate {
                required property string kindLabel
                required property string status
                required property string statusLabel
                required property string startedAt
                required property string endedAt
                required property string place
                required property string worker
                required property string participants
                required property string childSeenLabel
                required property string summary
                title: qsTr("%1 · %2").arg(kindLabel).arg(startedAt)
                subtitle: summary
                detail: [participants.length > 0 ? qsTr("Beteiligt: %1").arg(participants) : "",
                         place, worker, childSeenLabel].filter(s => s.length > 0).join(" · ")
                chip: statusLabel
                chipColor: status === "draft" ? Theme.warning : Theme.success
                chipBackground: status === "draft" ? Theme.warningSoft : Theme.successSoft
                Accessible.name: title + ", " + statusLabel
            }
        }
    }

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("Vermerke")
        hint: CaseContacts.notes.count === 0 ? qsTr("Noch keine Vermerke.") : ""
        actionText: qsTr("Vermerk schreiben")
        onActionTriggered: root.formRequested(root.noteForm(), "", { entrusted: false })

        Repeater {
            model: CaseContacts.notes

            Rectangle {
                id: note
                required property string recordId
                required property string content
                required property string author
                required property string writtenAt
                required property bool entrusted
                required property bool disclosable
                required property string disclosedLabel
                required property int index
                required property string visit
                required property var versions
                required property var values
                required property bool conflicted
                property bool showVersions: false

                Layout.fillWidth: true
                implicitHeight: noteColumn.implicitHeight + 2 * Theme.spacingM
                radius: Theme.radiusSmall
                color: Theme.background

                ColumnLayout {
                    id: noteColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacingM
                    spacing: Theme.spacingXs

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        Label {
                            Layout.fillWidth: true
                            text: [note.writtenAt, note.author, note.visit].filter(s => s.length > 0).join(" · ")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                            wrapMode: Text.WordWrap
                        }
                        EntrustedBadge {
                            objectName: "entrustedBadge_" + note.index
                            visible: note.entrusted
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: note.content
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: note.disclosedLabel.length > 0
                        text: note.disclosedLabel
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        visible: note.conflicted
                        text: qsTr("Zwei gleichzeitige Fassungen – bitte klären")
                        color: Theme.warning
                        font.pixelSize: Theme.fontSmall
                    }
                    RowLayout {
                        spacing: Theme.spacingS
                        ActionButton {
                            filled: false
                            text: qsTr("Bearbeiten")
                            Accessible.name: qsTr("Vermerk bearbeiten")
                            onClicked: root.formRequested(root.noteForm(), note.recordId, note.values)
                        }
                        ActionButton {
                            objectName: "disclose_" + note.index
                            visible: note.disclosable
                            filled: false
                            iconName: "shield"
                            text: qsTr("In den Fall weitergeben …")
                            Accessible.name: qsTr("Anvertrauten Vermerk in den Fall weitergeben")
                            onClicked: root.discloseRequested(note.recordId, note.content)
                        }
                        ActionButton {
                            visible: note.versions.length > 1
                            filled: false
                            text: note.showVersions ? qsTr("Fassungen ausblenden")
                                                    : qsTr("%1 Fassungen").arg(note.versions.length)
                            Accessible.name: text
                            onClicked: note.showVersions = !note.showVersions
                        }
                    }
                    Repeater {
                        model: note.showVersions ? note.versions : []

                        ColumnLayout {
                            required property var modelData
                            required property int index
                            Layout.fillWidth: true
                            Layout.leftMargin: Theme.spacingM
                            spacing: 0
                            Label {
                                text: qsTr("Fassung %1 · %2").arg(index + 1).arg(modelData.at)
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontCaption
                            }
                            Label {
                                Layout.fillWidth: true
                                text: modelData.text
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
            }
        }
    }
}
