// A short message in the flow of a form: an error (default) or a neutral hint.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    property string text
    property bool isError: true

    implicitHeight: row.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radiusSmall
    color: isError ? Theme.errorSoft : Theme.primarySoft
    visible: text.length > 0

    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingM

        Icon {
            Layout.alignment: Qt.AlignTop
            name: root.isError ? "error" : "info"
            color: root.isError ? Theme.error : Theme.primary
            size: 22
        }
        Label {
            Layout.fillWidth: true
            text: root.text
            color: root.isError ? Theme.error : Theme.textPrimary
            font.pixelSize: Theme.fontSmall + 1
            wrapMode: Text.WordWrap
        }
    }
}
