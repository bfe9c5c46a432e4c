// A centred illustration, title and explanation for a list with nothing to show.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property string iconName: "folder"
    property string title
    property string text

    spacing: Theme.spacingM
    // Its text caps its width (460), so in a layout it would sit at the left: centred there.
    Layout.alignment: Qt.AlignHCenter

    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 96
        Layout.preferredHeight: 96
        radius: 48
        color: Theme.primarySoft

        Icon {
            anchors.centerIn: parent
            name: root.iconName
            color: Theme.primary
            size: 44
        }
    }

    Label {
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spacingS
        text: root.title
        color: Theme.textPrimary
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Label {
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: 460
        Layout.fillWidth: true
        text: root.text
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody
        lineHeight: 1.3
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        Accessible.name: text
    }
}
