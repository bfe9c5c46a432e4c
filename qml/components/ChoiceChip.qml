// A tappable chip for one answer among several (or one of many toggles): at least 48 px high,
// filled and ticked when chosen. Emits clicked() on a tap, Space, Enter or Return; the owner decides
// what `checked` means. Keyboard focus shows the focus ring (FocusRing.qml).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

AbstractButton {
    id: root

    property bool chosen: false
    // The widest the label may be (set by an owner of known width, e.g. ChipChoices); unlimited by default.
    property real maxLabelWidth: Number.POSITIVE_INFINITY
    property color accent: Theme.primary

    implicitHeight: Theme.touchTarget
    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    focusPolicy: Qt.StrongFocus
    hoverEnabled: true

    Accessible.role: Accessible.CheckBox
    Accessible.checkable: true
    Accessible.checked: chosen
    Accessible.name: text
    Keys.onReturnPressed: event => { root.clicked(); event.accepted = true }
    Keys.onEnterPressed: event => { root.clicked(); event.accepted = true }

    background: Rectangle {
        radius: Theme.radiusSmall
        color: root.chosen ? Theme.primarySoft : (root.down ? Theme.surfaceMuted : Theme.surface)
        border.color: root.chosen ? root.accent : Theme.outline
        border.width: root.chosen ? 2 : 1

        FocusRing {
            shown: root.visualFocus
            radius: Theme.radiusSmall + gap
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
                visible: root.chosen
                name: "check"
                color: root.accent
                size: 18
            }
            Label {
                // A long label (a consent's summary) is cut at the width its owner allows.
                Layout.maximumWidth: root.maxLabelWidth
                elide: Text.ElideRight
                text: root.text
                color: root.chosen ? root.accent : Theme.textPrimary
                font.pixelSize: Theme.fontSmall + 1
                font.weight: root.chosen ? Font.DemiBold : Font.Normal
            }
        }
    }
}
