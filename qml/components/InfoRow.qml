// One labelled value in a settings card: the label beside the value (wide) or above it. The owner
// decides `wide` from the page width: a layout whose columns follow its own width does not
// settle in Qt 6.4.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

GridLayout {
    id: root

    property string label
    property string value
    property bool monospace: false
    property bool wide: true

    columns: wide ? 2 : 1
    columnSpacing: Theme.spacingM
    rowSpacing: 2

    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%1: %2").arg(label).arg(value)

    Label {
        Layout.preferredWidth: root.wide ? 190 : -1
        Layout.alignment: Qt.AlignTop
        text: root.label
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
        Accessible.ignored: true
    }
    Label {
        Layout.fillWidth: true
        text: root.value.length > 0 ? root.value : "–"
        color: Theme.textPrimary
        font.pixelSize: root.monospace ? Theme.fontCaption : Theme.fontBody
        font.family: root.monospace ? "monospace" : Theme.fontFamily
        wrapMode: Text.WordWrap
        Accessible.ignored: true
    }
}
