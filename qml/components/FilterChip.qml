// A rounded, checkable chip for the case list's filters: outlined when off, petrol when on.
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

    background: Item {
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            height: 36
            radius: 18
            color: root.checked ? Theme.primary : root.down ? Theme.primarySoft : Theme.surface
            border.color: root.checked ? Theme.primary : root.visualFocus ? Theme.primary : Theme.outline
            border.width: root.visualFocus ? 2 : 1
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
