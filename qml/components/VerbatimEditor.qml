// A labelled multi-line text field for answers in the family's own words. Emits edited(text) for
// every change the person types (the controller saves it after a short pause) and committed()
// when the field loses focus (the controller saves at once). The starting text is set once, so
// a re-read of the stored value never moves the cursor while someone types.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property string label
    property string initialText
    property alias placeholderText: area.placeholderText
    property alias text: area.text
    property int minimumLines: 3

    signal edited(string text)
    signal committed()

    function focusField() { area.forceActiveFocus() }

    spacing: Theme.spacingS

    Label {
        Layout.fillWidth: true
        visible: root.label.length > 0
        text: root.label
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.Medium
        wrapMode: Text.WordWrap
    }

    TextArea {
        id: area
        objectName: root.objectName.length > 0 ? root.objectName + "Area" : ""
        Layout.fillWidth: true
        Layout.minimumHeight: Math.max(Theme.touchTarget + Theme.spacingS, root.minimumLines * 24 + 2 * Theme.spacingM)
        wrapMode: TextEdit.Wrap
        leftPadding: Theme.spacingM
        rightPadding: Theme.spacingM
        topPadding: Theme.spacingM
        bottomPadding: Theme.spacingM
        font.pixelSize: Theme.fontBody
        color: Theme.textPrimary
        placeholderTextColor: Theme.textDisabled
        selectionColor: Theme.primarySoft
        selectedTextColor: Theme.textPrimary
        Accessible.name: root.label.length > 0 ? root.label : root.placeholderText
        Component.onCompleted: text = root.initialText
        onTextChanged: if (activeFocus) root.edited(text)
        onActiveFocusChanged: if (!activeFocus) root.committed()
        // Tab moves on, as in every other field: a tab character is never part of the family's words.
        Keys.onTabPressed: event => { area.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
        Keys.onBacktabPressed: event => { area.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }

        background: Rectangle {
            radius: Theme.radiusSmall
            color: area.enabled ? Theme.surface : Theme.surfaceMuted
            border.color: area.activeFocus ? Theme.primary : Theme.outline
            border.width: area.activeFocus ? 2 : 1
        }
    }
}
