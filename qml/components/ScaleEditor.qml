// A 0–10 scale as eleven touch targets in a row: the chosen value is filled, the values up to it
// are tinted. Tapping a value emits picked(value); the controller stores it (QML decides nothing).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

RowLayout {
    id: root

    property string label
    property int value: 0
    property color accent: Theme.primary
    property color tint: Theme.primarySoft  // the values below the chosen one
    property bool editable: true

    signal picked(int value)

    spacing: 2
    Accessible.role: Accessible.Slider
    Accessible.name: qsTr("%1: %2 von 10").arg(label).arg(value)

    Label {
        Layout.preferredWidth: 56
        text: root.label
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.Medium
    }

    Repeater {
        model: 11

        AbstractButton {
            id: cell
            required property int index
            objectName: root.objectName + "_" + index
            Layout.fillWidth: true
            Layout.minimumWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            enabled: root.editable
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("%1 auf %2 setzen").arg(root.label).arg(index)
            onClicked: root.picked(index)

            background: Rectangle {
                anchors.fill: parent
                anchors.margins: 3
                radius: Theme.radiusSmall
                color: cell.index === root.value ? root.accent
                     : cell.index < root.value ? root.tint
                     : cell.down ? Theme.primarySoft : Theme.surfaceMuted
                border.color: cell.visualFocus ? Theme.primary : "transparent"
                border.width: 2
            }
            contentItem: Label {
                text: cell.index
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: cell.index === root.value ? Theme.textOnPrimary : Theme.textPrimary
                font.pixelSize: Theme.fontSmall
                font.weight: cell.index === root.value ? Font.DemiBold : Font.Normal
            }
        }
    }
}
