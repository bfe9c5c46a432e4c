// The keyboard focus ring (docs/app.md, "Keyboard and focus"): a line in the theme's accent
// (Theme.focusRing, Theme.focusRingWidth) just outside its parent's shape. The owner binds
// `shown` to its visualFocus, so the ring appears when Tab (or a shortcut) brought the focus and
// never after a tap.
import QtQuick
import Quartier.Ui

Rectangle {
    property bool shown: false
    property int gap: 4  // the ring's distance outside the parent, so it reads on a filled control too

    anchors.fill: parent
    anchors.margins: -gap
    visible: shown
    color: "transparent"
    border.color: Theme.focusRing
    border.width: Theme.focusRingWidth
}
