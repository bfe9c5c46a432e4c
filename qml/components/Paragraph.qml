// Wrapped body text in the flow of a layout: secondary colour, comfortable line height.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Label {
    Layout.fillWidth: true
    color: Theme.textSecondary
    font.pixelSize: Theme.fontBody
    lineHeight: 1.25
    wrapMode: Text.WordWrap
}
