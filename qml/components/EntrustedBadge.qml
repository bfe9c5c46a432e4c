// "Anvertraut": the badge on every entrusted (§65 SGB VIII) note, wherever it is shown — a lock
// and the word, in the warning colours, so that whoever looks at the screen (a parent beside the
// worker) sees what was said in confidence and is not for the file.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    property string text: qsTr("Anvertraut")

    Layout.alignment: Qt.AlignTop
    implicitHeight: 28
    implicitWidth: row.implicitWidth + 2 * Theme.spacingS + 4
    radius: 14
    color: Theme.warningSoft
    border.color: Theme.warning
    border.width: 1
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Anvertraut nach § 65 SGB VIII")

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: 4
        Icon {
            name: "lock"
            color: Theme.warning
            size: 16
        }
        Label {
            text: root.text
            color: Theme.warning
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
        }
    }
}
