// A labelled single-line text input in the app's look (the plain sibling of PassphraseField).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property alias label: caption.text
    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property alias maximumLength: field.maximumLength
    property alias inputMethodHints: field.inputMethodHints
    property bool monospace: false

    signal accepted()

    function clear() { field.clear() }
    function focusField() { field.forceActiveFocus() }

    spacing: Theme.spacingS

    Label {
        id: caption
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.Medium
    }

    TextField {
        id: field
        objectName: root.objectName.length > 0 ? root.objectName + "Field" : ""
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget + Theme.spacingS
        leftPadding: Theme.spacingM
        rightPadding: Theme.spacingM
        topPadding: 0
        bottomPadding: 0
        verticalAlignment: TextInput.AlignVCenter
        font.pixelSize: root.monospace ? Theme.fontBody : Theme.fontLarge
        font.family: root.monospace ? "monospace" : Theme.fontFamily
        color: Theme.textPrimary
        placeholderTextColor: Theme.textDisabled
        selectionColor: Theme.primarySoft
        selectedTextColor: Theme.textPrimary
        Accessible.name: caption.text
        onAccepted: root.accepted()

        background: Rectangle {
            radius: Theme.radiusSmall
            color: field.enabled ? Theme.surface : Theme.surfaceMuted
            border.color: field.activeFocus ? Theme.primary : Theme.outline
            border.width: field.activeFocus ? 2 : 1
        }
    }
}
