// A labelled passphrase input with a show/hide toggle; emits accepted() on Enter. Tab goes from the
// field to the toggle (Space, Enter or Return flip it; the focus ring shows where Tab is), then on.
// For tests that drive the window, the field is `<objectName>Input` and the toggle `<objectName>Toggle`.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property alias label: caption.text
    property alias text: field.text
    property bool shown: false

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
        objectName: root.objectName.length > 0 ? root.objectName + "Input" : ""
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget + Theme.spacingS
        leftPadding: Theme.spacingM
        rightPadding: Theme.touchTarget + Theme.spacingXs
        topPadding: 0
        bottomPadding: 0
        verticalAlignment: TextInput.AlignVCenter
        echoMode: root.shown ? TextInput.Normal : TextInput.Password
        passwordCharacter: "•"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhHiddenText
        font.pixelSize: Theme.fontLarge
        color: Theme.textPrimary
        selectionColor: Theme.primarySoft
        selectedTextColor: Theme.textPrimary
        Accessible.name: caption.text
        Accessible.passwordEdit: !root.shown
        onAccepted: root.accepted()

        background: Rectangle {
            radius: Theme.radiusSmall
            color: field.enabled ? Theme.surface : Theme.surfaceMuted
            border.color: field.activeFocus ? Theme.primary : Theme.outline
            border.width: field.activeFocus ? 2 : 1
        }

        ToolButton {
            id: toggle
            objectName: root.objectName.length > 0 ? root.objectName + "Toggle" : ""
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacingXs / 2
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.touchTarget
            height: Theme.touchTarget
            checkable: true
            checked: root.shown
            onToggled: root.shown = checked
            focusPolicy: Qt.StrongFocus
            Accessible.name: root.shown ? qsTr("Passphrase verbergen") : qsTr("Passphrase anzeigen")
            Keys.onReturnPressed: event => { toggle.toggle(); toggle.toggled(); event.accepted = true }
            Keys.onEnterPressed: event => { toggle.toggle(); toggle.toggled(); event.accepted = true }

            FocusRing {
                shown: toggle.visualFocus
                gap: -2  // inside the field's frame
                radius: Theme.radiusSmall
            }
            contentItem: Item {
                Icon {
                    anchors.centerIn: parent
                    name: "eye"
                    color: root.shown ? Theme.primary : Theme.textSecondary
                    size: 22
                }
            }
        }
    }
}
