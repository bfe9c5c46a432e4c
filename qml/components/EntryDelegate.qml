// One entry of a case section: a title, lines below it, an optional status chip; tapping it edits.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ItemDelegate {
    id: root

    property string title
    property string subtitle
    property string detail
    property string chip
    property color chipColor: Theme.primary
    property color chipBackground: Theme.primarySoft
    property bool flagged: false
    property string flagText

    Layout.fillWidth: true
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacingM, column.implicitHeight + 2 * Theme.spacingM)
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    Accessible.name: [title, subtitle, detail, chip].filter(s => s.length > 0).join(", ")

    background: Rectangle {
        radius: Theme.radiusSmall
        color: root.down ? Theme.surfaceMuted : Theme.background
    }

    contentItem: RowLayout {
        spacing: Theme.spacingM

        ColumnLayout {
            id: column
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                text: root.title
                color: Theme.textPrimary
                font.pixelSize: Theme.fontBody
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.subtitle
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSmall + 1
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.detail
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                visible: root.flagged
                text: root.flagText.length > 0 ? root.flagText : qsTr("Bearbeitungskonflikt klären")
                color: Theme.warning
                font.pixelSize: Theme.fontSmall
            }
        }

        Rectangle {
            visible: root.chip.length > 0
            Layout.alignment: Qt.AlignTop
            Layout.preferredHeight: 28
            Layout.preferredWidth: chipLabel.implicitWidth + 2 * Theme.spacingM
            radius: 14
            color: root.chipBackground

            Label {
                id: chipLabel
                anchors.centerIn: parent
                text: root.chip
                color: root.chipColor
                font.pixelSize: Theme.fontCaption
                font.weight: Font.Medium
            }
        }
    }
}
