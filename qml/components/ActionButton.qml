// A flat, rounded button in the app's own look (no elevation effects, so it renders the same on
// every scene-graph backend): filled for the main action, quiet for secondary ones. Space, Enter
// and Return press it; keyboard focus shows the focus ring (FocusRing.qml).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Button {
    id: root

    property bool filled: true
    property string iconName
    property int radius: Theme.radiusSmall + 2

    readonly property color contentColor: !enabled ? Theme.textDisabled
                                         : filled ? Theme.textOnPrimary : Theme.primary

    implicitHeight: Theme.touchTarget + Theme.spacingS
    leftPadding: filled ? Theme.spacingL : Theme.spacingM
    rightPadding: filled ? Theme.spacingL : Theme.spacingM
    font.pixelSize: Theme.fontBody
    font.weight: Font.Medium
    font.capitalization: Font.MixedCase
    Accessible.name: text
    Keys.onReturnPressed: event => { root.clicked(); event.accepted = true }
    Keys.onEnterPressed: event => { root.clicked(); event.accepted = true }

    background: Rectangle {
        radius: root.radius
        color: !root.enabled ? (root.filled ? Theme.surfaceMuted : "transparent")
             : root.filled ? (root.down ? Theme.primaryDark : Theme.primary)
             : (root.down ? Theme.primarySoft : root.hovered ? Qt.rgba(0.12, 0.36, 0.41, 0.06) : "transparent")
        border.color: !root.enabled && root.filled ? Theme.outline : "transparent"

        FocusRing {
            shown: root.visualFocus
            radius: root.radius + gap
        }
    }

    contentItem: Item {
        implicitWidth: row.implicitWidth
        implicitHeight: row.implicitHeight

        RowLayout {
            id: row
            anchors.centerIn: parent
            spacing: Theme.spacingS

            Icon {
                visible: root.iconName.length > 0
                name: root.iconName
                color: root.contentColor
                size: 22
            }
            Label {
                text: root.text
                color: root.contentColor
                font: root.font
            }
        }
    }
}
