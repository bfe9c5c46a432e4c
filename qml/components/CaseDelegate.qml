// One case in the case list: initials, name, social space, a status chip and the home-visit
// button ("Hausbesuch", or "fortsetzen" while a draft is open); a long press starts it too.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ItemDelegate {
    id: root
    objectName: "caseRow_" + index

    required property int index
    required property string caseId
    required property string name
    required property string socialSpace
    required property string providers
    required property string status
    required property string statusLabel
    required property bool conflicted

    // Follows the store: after a restart, a sync or a finished visit alike.
    readonly property bool draftOpen: Visit.casesWithOpenVisit.indexOf(root.caseId) >= 0

    signal visitRequested()

    onPressAndHold: root.visitRequested()

    readonly property string initials: {
        const words = root.name.replace(/^Familie\s+/, "").split(/\s+/).filter(w => w.length > 0)
        return words.length > 0 ? words[0].charAt(0).toUpperCase() : "?"
    }

    implicitHeight: 76
    padding: Theme.spacingM
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL

    Accessible.name: root.socialSpace.length > 0
                     ? qsTr("%1, %2, %3").arg(root.name).arg(root.socialSpace).arg(root.statusLabel)
                     : root.name

    background: Rectangle {
        color: root.down ? Theme.surfaceMuted : Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.leftMargin: Theme.spacingL + 44 + Theme.spacingM
            height: 1
            color: Theme.outline
            visible: root.ListView.view ? root.index < root.ListView.view.count - 1 : true
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacingM

        Rectangle {
            Layout.preferredWidth: 44
            Layout.preferredHeight: 44
            radius: 22
            color: Theme.primarySoft

            Label {
                anchors.centerIn: parent
                text: root.initials
                color: Theme.primary
                font.pixelSize: Theme.fontLarge
                font.weight: Font.DemiBold
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                text: root.name.length > 0 ? root.name : qsTr("(ohne Namen)")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontBody + 1
                font.weight: Font.Medium
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: [root.conflicted ? qsTr("%1 · Bearbeitungskonflikt klären").arg(root.socialSpace) : root.socialSpace,
                       root.providers.length > 0 ? qsTr("Träger: %1").arg(root.providers) : ""].filter(s => s.length > 0).join(" · ")
                color: root.conflicted ? Theme.warning : Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        Rectangle {
            visible: root.statusLabel.length > 0
            Layout.preferredHeight: 28
            Layout.preferredWidth: chip.implicitWidth + 2 * Theme.spacingM
            radius: 14
            color: root.status === "active" ? Theme.successSoft
                 : root.status === "clarification" ? Theme.warningSoft
                 : root.status === "new" ? Theme.primarySoft
                 : Theme.surfaceMuted

            Label {
                id: chip
                anchors.centerIn: parent
                text: root.statusLabel
                color: root.status === "active" ? Theme.success
                     : root.status === "clarification" ? Theme.warning
                     : root.status === "new" ? Theme.primary
                     : Theme.textSecondary
                font.pixelSize: Theme.fontCaption
                font.weight: Font.Medium
            }
        }

        ActionButton {
            objectName: "visitButton_" + root.index
            filled: false
            iconName: "home"
            text: root.width < 560 ? "" : root.draftOpen ? qsTr("Besuch fortsetzen") : qsTr("Hausbesuch")
            Accessible.name: root.draftOpen ? qsTr("Hausbesuch bei %1 fortsetzen").arg(root.name)
                                            : qsTr("Hausbesuch bei %1 beginnen").arg(root.name)
            onClicked: root.visitRequested()
        }
    }
}
