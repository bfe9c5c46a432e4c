// Picks a number of minutes from a short list of steps with two large buttons, "−" and "+".
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

RowLayout {
    id: root

    property var steps: [1, 2, 5, 10, 15, 30]
    property int minutes: 5
    property string label

    // The user picked another value (the owner stores it; `minutes` follows through its binding).
    signal picked(int minutes)

    readonly property int index: {
        let best = 0
        for (let i = 0; i < steps.length; ++i)
            if (Math.abs(steps[i] - minutes) < Math.abs(steps[best] - minutes))
                best = i
        return best
    }

    spacing: Theme.spacingS

    Accessible.role: Accessible.SpinBox
    Accessible.name: qsTr("%1: %2").arg(label).arg(valueLabel.text)

    component StepButton: RoundButton {
        id: step
        property string iconName
        Layout.preferredWidth: Theme.touchTarget
        Layout.preferredHeight: Theme.touchTarget
        flat: true
        padding: 0
        background: Rectangle {
            radius: width / 2
            color: !step.enabled ? "transparent" : step.down ? Theme.primarySoft : Theme.surfaceMuted
            border.color: step.visualFocus ? Theme.primary : Theme.outline
        }
        contentItem: Item {
            Icon {
                anchors.centerIn: parent
                name: step.iconName
                color: step.enabled ? Theme.primary : Theme.textDisabled
                size: 22
            }
        }
    }

    StepButton {
        iconName: "remove"
        enabled: root.index > 0
        Accessible.name: qsTr("%1: kürzer").arg(root.label)
        onClicked: root.picked(root.steps[root.index - 1])
    }

    Label {
        id: valueLabel
        Layout.minimumWidth: 112
        horizontalAlignment: Text.AlignHCenter
        text: root.minutes === 1 ? qsTr("1 Minute") : qsTr("%1 Minuten").arg(root.minutes)
        color: Theme.textPrimary
        font.pixelSize: Theme.fontBody
        font.weight: Font.Medium
    }

    StepButton {
        iconName: "add"
        enabled: root.index < root.steps.length - 1
        Accessible.name: qsTr("%1: länger").arg(root.label)
        onClicked: root.picked(root.steps[root.index + 1])
    }
}
