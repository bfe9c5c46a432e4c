// The enrolment confirmation: six digits, large and spaced, to compare with the administration's
// screen before it admits this device.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    property string code

    // "123456" → "123 456": easier to read aloud and compare.
    readonly property string grouped: code.length === 6 ? code.slice(0, 3) + " " + code.slice(3) : code

    implicitHeight: column.implicitHeight + 2 * Theme.spacingL
    radius: Theme.radius
    color: Theme.primarySoft

    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Bestätigungscode %1").arg(code.split("").join(" "))

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        spacing: Theme.spacingS

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Bestätigungscode")
            color: Theme.primary
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Medium
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1
            Accessible.ignored: true
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: root.grouped
            color: Theme.primaryDark
            font.pixelSize: 56
            font.weight: Font.DemiBold
            font.letterSpacing: 6
            Accessible.ignored: true
        }
    }
}
