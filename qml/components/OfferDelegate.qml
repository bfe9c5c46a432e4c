// One offer in the offer list: category mark, name, provider and place, ages and cost; a hint
// when it has not been checked for a long time.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ItemDelegate {
    id: root

    required property int index
    required property string serviceId
    required property string name
    required property string provider
    required property string category
    required property string categoryLabel
    required property string socialSpaceName
    required property string place
    required property string ageLabel
    required property string costLabel
    required property bool stale
    required property bool conflicted
    property bool selected: false

    implicitHeight: Math.max(84, content.implicitHeight + 2 * Theme.spacingM)
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL
    highlighted: selected

    Accessible.name: qsTr("%1, %2, %3").arg(root.name).arg(root.provider).arg(root.socialSpaceName)
    Accessible.description: qsTr("%1, %2, %3").arg(root.categoryLabel).arg(root.ageLabel).arg(root.costLabel)

    background: Rectangle {
        color: root.selected ? Theme.primarySoft : root.down ? Theme.surfaceMuted : Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.leftMargin: Theme.spacingL
            height: 1
            color: Theme.outline
            visible: root.ListView.view ? root.index < root.ListView.view.count - 1 : true
        }
        Rectangle {
            visible: root.selected
            width: 4
            height: parent.height
            color: Theme.primary
        }
    }

    contentItem: ColumnLayout {
        id: content
        spacing: 2

        Label {
            Layout.fillWidth: true
            text: root.name
            color: Theme.textPrimary
            font.pixelSize: Theme.fontBody + 1
            font.weight: Font.Medium
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            text: root.place.length > 0 ? qsTr("%1 · %2").arg(root.provider).arg(root.place) : root.provider
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Label {
                text: root.categoryLabel
                color: Theme.primary
                font.pixelSize: Theme.fontCaption
                font.weight: Font.Medium
                elide: Text.ElideRight
                Layout.maximumWidth: 220
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("%1 · %2 · %3").arg(root.socialSpaceName).arg(root.ageLabel).arg(root.costLabel)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
                elide: Text.ElideRight
            }
            Label {
                visible: root.stale || root.conflicted
                text: root.conflicted ? qsTr("Bearbeitungskonflikt") : qsTr("Prüfung fällig")
                color: Theme.warning
                font.pixelSize: Theme.fontCaption
                font.weight: Font.Medium
            }
        }
    }
}
