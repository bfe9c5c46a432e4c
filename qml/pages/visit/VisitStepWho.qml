// Home visit, step 1 "Wer ist da?": who of the family is present (a tap toggles it) and, for
// each child of the case, whether it was seen (a case without children answers once). Every tap is written at once by the Visit controller; the step holds no answer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root
    spacing: Theme.spacingM

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: memberColumn.implicitHeight + 2
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.outline

        ColumnLayout {
            id: memberColumn
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 1
            spacing: 0

            Repeater {
                model: Visit.members

                ItemDelegate {
                    id: memberRow
                    required property var modelData
                    required property int index
                    objectName: "member_" + index
                    Layout.fillWidth: true
                    implicitHeight: 64
                    leftPadding: Theme.spacingL
                    rightPadding: Theme.spacingL
                    Accessible.role: Accessible.CheckBox
                    Accessible.checkable: true
                    Accessible.checked: modelData.present
                    Accessible.name: qsTr("%1, %2: %3").arg(modelData.name).arg(modelData.roleLabel)
                                     .arg(modelData.present ? qsTr("anwesend") : qsTr("nicht anwesend"))
                    onClicked: Visit.setPresent(modelData.personId, !modelData.present)

                    background: Rectangle { color: memberRow.down ? Theme.surfaceMuted : "transparent" }
                    contentItem: RowLayout {
                        spacing: Theme.spacingM
                        Rectangle {
                            Layout.preferredWidth: 28
                            Layout.preferredHeight: 28
                            radius: 6
                            color: memberRow.modelData.present ? Theme.primary : Theme.surface
                            border.color: memberRow.modelData.present ? Theme.primary : Theme.textSecondary
                            border.width: 2
                            Icon {
                                anchors.centerIn: parent
                                visible: memberRow.modelData.present
                                name: "check"
                                color: Theme.textOnPrimary
                                size: 20
                            }
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                text: memberRow.modelData.name
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontBody + 1
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: memberRow.modelData.roleLabel
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }
            }
        }
    }

    EmptyState {
        Layout.fillWidth: true
        visible: Visit.members.length === 0
        iconName: "people"
        title: qsTr("Noch keine Familienmitglieder")
        text: qsTr("Im Fall sind noch keine Personen erfasst. Legen Sie sie auf der Seite des Falls unter „Familie“ an.")
    }

    // Kind gesehen: per child of the case (docs/domain.md); a case without children answers once.
    readonly property var childMembers: Visit.members.filter(m => m.isChild)

    Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        text: root.childMembers.length > 1 ? qsTr("Wurden die Kinder gesehen?") : qsTr("Wurde das Kind gesehen?")
        color: Theme.textPrimary
        font.pixelSize: Theme.fontLarge
        font.weight: Font.Medium
    }
    Repeater {
        model: root.childMembers
        RowLayout {
            id: childRow
            required property var modelData
            required property int index
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Label {
                Layout.fillWidth: true
                Layout.minimumWidth: 120
                text: childRow.modelData.name
                color: Theme.textPrimary
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
            Repeater {
                model: [
                    { id: "yes", label: qsTr("Gesehen") },
                    { id: "no", label: qsTr("Nicht gesehen") }
                ]
                ChoiceChip {
                    required property var modelData
                    objectName: "childSeen_" + childRow.index + "_" + modelData.id
                    text: modelData.label
                    chosen: childRow.modelData.seen === modelData.id
                    Accessible.name: qsTr("%1: %2").arg(childRow.modelData.name).arg(modelData.label)
                    // Tapped again: the answer is taken back.
                    onClicked: Visit.setChildSeenFor(childRow.modelData.personId, chosen ? "" : modelData.id)
                }
            }
        }
    }
    Flow {
        Layout.fillWidth: true
        visible: root.childMembers.length === 0
        spacing: Theme.spacingS
        Repeater {
            model: [
                { id: "yes", label: qsTr("Ja") },
                { id: "no", label: qsTr("Nein") },
                { id: "not_applicable", label: qsTr("Entfällt") }
            ]
            ChoiceChip {
                required property var modelData
                objectName: "childSeen_" + modelData.id
                text: modelData.label
                chosen: Visit.childSeen === modelData.id
                Accessible.name: qsTr("Kind gesehen: %1").arg(modelData.label)
                onClicked: Visit.setChildSeen(modelData.id)
            }
        }
    }
}
