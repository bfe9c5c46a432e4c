// One section of the case page: a heading, an optional hint, an optional "add" action and the
// section's own content below, on a white card.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    property string title
    property string hint
    property string actionText
    property bool actionEnabled: true
    property string actionName  // objectName of the action button (tests find it by it)
    default property alias content: body.data

    signal actionTriggered()

    implicitHeight: column.implicitHeight + 2 * Theme.spacingL
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.outline

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacingL
        spacing: Theme.spacingM

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM

            Label {
                Layout.fillWidth: true
                text: root.title
                color: Theme.textPrimary
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            ActionButton {
                objectName: root.actionName
                visible: root.actionText.length > 0
                enabled: root.actionEnabled
                filled: false
                iconName: "add"
                text: root.actionText
                Accessible.name: root.actionText
                onClicked: root.actionTriggered()
            }
        }

        Label {
            Layout.fillWidth: true
            visible: root.hint.length > 0
            text: root.hint
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }

        ColumnLayout {
            id: body
            Layout.fillWidth: true
            spacing: Theme.spacingS
        }
    }
}
