// A titled section of the settings page: a quiet card with an icon, a heading and its content.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    property string title
    property string iconName
    default property alias content: column.data

    implicitHeight: column.implicitHeight + 2 * Theme.spacingL
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.outline

    Accessible.role: Accessible.Grouping
    Accessible.name: title

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        spacing: Theme.spacingM

        RowLayout {
            spacing: Theme.spacingM

            Rectangle {
                Layout.preferredWidth: 36
                Layout.preferredHeight: 36
                radius: 18
                color: Theme.primarySoft
                visible: root.iconName.length > 0

                Icon {
                    anchors.centerIn: parent
                    name: root.iconName
                    color: Theme.primary
                    size: 20
                }
            }

            Label {
                Layout.fillWidth: true
                text: root.title
                color: Theme.textPrimary
                font.pixelSize: Theme.fontTitle - 2
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }
    }
}
