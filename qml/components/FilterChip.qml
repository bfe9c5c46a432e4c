// A rounded, checkable chip for the case list's filters: outlined when off, petrol when on.
// Space, Enter and Return toggle it; keyboard focus shows the focus ring (FocusRing.qml).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

AbstractButton {
    id: root

    property string iconName

    checkable: true
    implicitHeight: Theme.touchTarget
    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.CheckBox
    Accessible.name: text
    Accessible.checkable: true
    Accessible.checked: checked
    Keys.onReturnPressed: event => { root.press(); event.accepted = true }
    Keys.onEnterPressed: event => { root.press(); event.accepted = true }

    // What a tap does: toggle, then clicked() (whose handlers read `checked`).
    function press() {
        root.toggle()
        root.toggled()
        root.clicked()
    }

    background: Item {
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            height: 36
            radius: 18
            color: root.checked ? Theme.primary : root.down ? Theme.primarySoft : Theme.surface
            border.color: root.checked ? Theme.primary : Theme.outline

            FocusRing {
                shown: root.visualFocus
                radius: 18 + gap
            }
        }
    }

    contentItem: Item {
        implicitWidth: row.implicitWidth
        implicitHeight: row.implicitHeight

        RowLayout {
            id: row
            anchors.centerIn: parent
            spacing: Theme.spacingXs

            Icon {
                visible: root.iconName.length > 0
                name: root.iconName
                size: 18
                color: root.checked ? Theme.textOnPrimary : Theme.primary
            }
            Label {
                text: root.text
                color: root.checked ? Theme.textOnPrimary : Theme.textPrimary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.Medium
            }
        }
    }
}
