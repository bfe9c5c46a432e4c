// The home visit's header: close (back to the cases), the case and when the visit began, whether
// the answers are saved, lock, and the step bar that shows where we are and jumps to a step. It
// holds no state: the page owns `step` and reacts to stepRequested / closeRequested.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: visitHeader

    property int step: 0
    property int stepCount: 0
    property var stepTitles: []
    property var stepShort: []
    property bool narrow: false
    property int bodyWidth: width

    signal stepRequested(int index)
    signal closeRequested()

    implicitHeight: headerColumn.implicitHeight + Theme.spacingM
    color: Theme.surface

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 1
        color: Theme.outline
    }

    ColumnLayout {
        id: headerColumn
        width: visitHeader.bodyWidth
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.topMargin: Theme.spacingS
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                objectName: "visitClose"
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Layout.leftMargin: -Theme.spacingS
                Accessible.name: qsTr("Besuch unterbrechen, zurück zu den Fällen")
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
                onClicked: visitHeader.closeRequested()

                contentItem: Item {
                    Icon {
                        anchors.centerIn: parent
                        name: "back"
                        color: Theme.primary
                        size: 24
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Hausbesuch · %1").arg(Visit.caseName)
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    text: Visit.state === HomeVisitController.Finalised
                          ? qsTr("Begonnen am %1 · abgeschlossen").arg(Visit.startedAt)
                          : Visit.resumed ? qsTr("Begonnen am %1 · Entwurf fortgesetzt").arg(Visit.startedAt)
                          : qsTr("Begonnen am %1 · Entwurf").arg(Visit.startedAt)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
            }

            // Where the answers are: saving while typing, else saved.
            Rectangle {
                objectName: "saveState"
                Layout.preferredHeight: 32
                Layout.preferredWidth: saveRow.implicitWidth + 2 * Theme.spacingM
                radius: 16
                color: Visit.savePending ? Theme.primarySoft : Theme.successSoft
                visible: Visit.editable  // a finished visit saves nothing; its subtitle says "abgeschlossen"
                Accessible.role: Accessible.StaticText
                Accessible.name: saveLabel.text

                RowLayout {
                    id: saveRow
                    anchors.centerIn: parent
                    spacing: Theme.spacingXs
                    Icon {
                        name: Visit.savePending ? "sync" : "check"
                        color: saveLabel.color
                        size: 16
                    }
                    Label {
                        id: saveLabel
                        objectName: "saveLabel"
                        text: Visit.savePending ? qsTr("Wird gespeichert …") : qsTr("Gespeichert")
                        color: Visit.savePending ? Theme.primary : Theme.success
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.Medium
                    }
                }
            }

            ActionButton {
                filled: false
                iconName: "lock"
                text: visitHeader.narrow ? "" : qsTr("Sperren")
                Accessible.name: qsTr("Sperren")
                onClicked: Session.lock()
            }
        }

        // The steps: where we are, and a way to jump.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs

            Repeater {
                model: visitHeader.stepCount

                AbstractButton {
                    id: stepButton
                    required property int index
                    objectName: "visitStep_" + index
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    implicitHeight: Theme.touchTarget
                    Accessible.role: Accessible.PageTab
                    Accessible.name: qsTr("Schritt %1 von %2: %3").arg(index + 1).arg(visitHeader.stepCount).arg(visitHeader.stepTitles[index])
                    Accessible.selected: visitHeader.step === index
                    onClicked: visitHeader.stepRequested(index)

                    background: Item {}
                    contentItem: ColumnLayout {
                        spacing: 4
                        Rectangle {
                            Layout.fillWidth: true
                            Layout.preferredHeight: 4
                            radius: 2
                            color: stepButton.index <= visitHeader.step ? Theme.primary : Theme.outline
                        }
                        Label {
                            Layout.fillWidth: true
                            text: visitHeader.narrow && stepButton.index !== visitHeader.step
                                  ? String(stepButton.index + 1)
                                  : (stepButton.index + 1) + " " + visitHeader.stepShort[stepButton.index]
                            color: stepButton.index === visitHeader.step ? Theme.primary : Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                            font.weight: stepButton.index === visitHeader.step ? Font.DemiBold : Font.Normal
                            // Two lines rather than a cut word ("4 Wie müsste es se…" in portrait).
                            wrapMode: Text.WordWrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            horizontalAlignment: Text.AlignHCenter
                        }
                    }
                }
            }
        }
    }
}
