// A rounded search input with a leading search icon and a clear button.
import QtQuick
import QtQuick.Controls
import Quartier.Ui

TextField {
    id: root

    implicitHeight: Theme.touchTarget + Theme.spacingS
    leftPadding: Theme.spacingM + 24 + Theme.spacingM
    rightPadding: clearButton.visible ? Theme.touchTarget + Theme.spacingS : Theme.spacingM
    topPadding: 0
    bottomPadding: 0
    verticalAlignment: TextInput.AlignVCenter
    font.pixelSize: Theme.fontBody + 1
    color: Theme.textPrimary
    placeholderTextColor: Theme.textDisabled
    selectionColor: Theme.primarySoft
    selectedTextColor: Theme.textPrimary
    inputMethodHints: Qt.ImhNoPredictiveText
    Accessible.name: placeholderText
    Accessible.searchEdit: true

    background: Rectangle {
        radius: height / 2
        color: Theme.surface
        border.color: root.activeFocus ? Theme.primary : Theme.outline
        border.width: root.activeFocus ? 2 : 1

        Icon {
            anchors.left: parent.left
            anchors.leftMargin: Theme.spacingM + 2
            anchors.verticalCenter: parent.verticalCenter
            name: "search"
            color: Theme.textSecondary
        }
    }

    ToolButton {
        FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
        Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
        Keys.onEnterPressed: event => { clicked(); event.accepted = true }
        id: clearButton
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingXs
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.touchTarget
        height: Theme.touchTarget
        visible: root.text.length > 0
        focusPolicy: Qt.NoFocus
        Accessible.name: qsTr("Suche leeren")
        onClicked: root.clear()

        contentItem: Item {
            Icon {
                anchors.centerIn: parent
                name: "close"
                color: Theme.textSecondary
                size: 20
            }
        }
    }
}
