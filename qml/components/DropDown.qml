// A ComboBox that opens with Enter and Return as it does with Space (docs/app.md, "Keyboard and
// focus"). In the open list, Enter and Return pick the highlighted entry, as ComboBox does. The
// key that opened the list is swallowed on its release too: ComboBox takes a Return released while
// its list is open as "pick", which would close the list at once with nothing highlighted.
import QtQuick
import QtQuick.Controls

ComboBox {
    id: box

    property bool openedByKey: false

    function openByKey(event) {
        if (box.popup.visible) {
            event.accepted = false  // ComboBox picks the highlighted entry
            return
        }
        box.popup.open()
        box.openedByKey = true
        event.accepted = true
    }

    Keys.onReturnPressed: event => openByKey(event)
    Keys.onEnterPressed: event => openByKey(event)
    Keys.onReleased: event => {
        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && box.openedByKey) {
            box.openedByKey = false
            event.accepted = true
        }
    }
}
