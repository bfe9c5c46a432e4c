// One goal: its words, level and the will it rests on, the 0–10 scales now and target (tap a
// value to set it), and its action steps (tap the box to mark a step done).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    required property string recordId
    required property string content
    required property string levelLabel
    required property string level
    required property string willText
    required property int scaleNow
    required property int scaleTarget
    required property string status
    required property string statusLabel
    required property string setOn
    required property string reviewOn
    required property var steps
    required property var values
    required property bool conflicted

    signal editRequested()
    signal stepRequested(string stepId, var initial)

    objectName: "goal_" + recordId
    Layout.fillWidth: true
    Layout.leftMargin: level === "action" ? Theme.spacingL : 0
    implicitHeight: column.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radiusSmall
    color: Theme.background

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingS

        ItemDelegate {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            padding: 0
            Accessible.name: qsTr("Ziel bearbeiten: %1").arg(root.content)
            onClicked: root.editRequested()
            background: Item {}
            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: root.levelLabel + (root.status !== "open" ? " · " + root.statusLabel : "")
                           + (root.reviewOn.length > 0 ? qsTr(" · überprüfen am %1").arg(root.reviewOn) : "")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.Medium
                }
                Label {
                    Layout.fillWidth: true
                    text: "„" + root.content + "“"
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBody + 1
                    font.weight: Font.Medium
                    wrapMode: Text.WordWrap
                }
                Label {
                    Layout.fillWidth: true
                    visible: root.willText.length > 0
                    text: qsTr("aus dem Willen: „%1“").arg(root.willText)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
                Label {
                    visible: root.conflicted
                    text: qsTr("Bearbeitungskonflikt klären")
                    color: Theme.warning
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        ScaleEditor {
            objectName: "scaleNow_" + root.recordId
            Layout.fillWidth: true
            label: qsTr("Jetzt")
            value: root.scaleNow
            onPicked: value => CaseGoals.setGoalScale(root.recordId, value, root.scaleTarget)
        }
        ScaleEditor {
            objectName: "scaleTarget_" + root.recordId
            Layout.fillWidth: true
            label: qsTr("Ziel")
            value: root.scaleTarget
            accent: Theme.success
            tint: Theme.successSoft
            onPicked: value => CaseGoals.setGoalScale(root.recordId, root.scaleNow, value)
        }

        Repeater {
            model: root.steps

            RowLayout {
                id: stepRow
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacingS

                CheckBox {
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                    checked: stepRow.modelData.status === "done"
                    Accessible.name: qsTr("Schritt erledigt: %1").arg(stepRow.modelData.what)
                    onClicked: CaseGoals.setStepStatus(stepRow.modelData.id, checked ? "done" : "open")
                }
                ItemDelegate {
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    padding: 0
                    Accessible.name: qsTr("Schritt bearbeiten: %1").arg(stepRow.modelData.what)
                    onClicked: root.stepRequested(stepRow.modelData.id, stepRow.modelData.values)
                    background: Item {}
                    contentItem: ColumnLayout {
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: stepRow.modelData.what
                            color: stepRow.modelData.status === "open" ? Theme.textPrimary : Theme.textSecondary
                            font.strikeout: stepRow.modelData.status === "dropped"
                            font.pixelSize: Theme.fontSmall + 1
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · bis %2").arg(stepRow.modelData.who).arg(stepRow.modelData.byWhen)
                                  + (stepRow.modelData.status !== "open" ? " · " + stepRow.modelData.statusLabel : "")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                }
            }
        }

        ActionButton {
            filled: false
            iconName: "add"
            text: qsTr("Handlungsschritt")
            Accessible.name: qsTr("Handlungsschritt hinzufügen")
            onClicked: root.stepRequested("", { goal_id: root.recordId, status: "open" })
        }
    }
}
