// "Fall teilen": the colleagues' devices from the organisation's directory — those that have the
// case already, those that may receive it, and those the rules refuse (shown disabled, with the
// reason) — and, after a device is tapped, one button to share the case with it (or, for a device
// that has it, to take it back). Both run as store jobs in the Share controller; the rules are
// sync/client/sharing.h's, the dialog only shows them. Above the devices, the free providers
// (Träger): assigning the case to one lets its family helpers receive it (roles::assign_provider).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Dialog {
    id: root
    objectName: "shareDialog"

    property string selectedId
    readonly property int selectedRow: selectedId.length > 0 ? Share.targets.indexOf(selectedId) : -1
    property string selectedName
    property bool selectedMember: false
    readonly property bool working: Share.state === ShareController.Sharing || Share.state === ShareController.Unsharing
                                    || Share.state === ShareController.Assigning

    // Opens the dialog for a case: the controller reads the directory (or waits for the store).
    function openFor(caseId) {
        selectedId = ""
        selectedName = ""
        selectedMember = false
        Share.open(caseId)
        open()
    }
    function select(deviceId, name, member) {
        selectedId = deviceId
        selectedName = name
        selectedMember = member === true
    }
    function confirm() {
        if (selectedId.length === 0)
            return
        if (selectedMember)
            Share.unshare(selectedId)
        else
            Share.share(selectedId)
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingM : 640, 680)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.spacingM : 800)
    modal: true
    focus: true
    padding: Theme.spacingL
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Fall teilen")

    onClosed: Share.close()

    // The share went through: nothing is selected any more (the device has the case now).
    Connections {
        target: Share
        function onStateChanged() {
            if (Share.state === ShareController.Shared || Share.state === ShareController.Unshared)
                root.selectedId = ""
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
    }

    header: Label {
        text: root.title
        padding: Theme.spacingL
        bottomPadding: 0
        color: Theme.textPrimary
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM
        Accessible.role: Accessible.Dialog
        Accessible.name: root.title

        Label {
            Layout.fillWidth: true
            text: qsTr("„%1“ mit dem Gerät einer Kollegin oder eines Kollegen teilen. Das Gerät erhält den ganzen "
                     + "Fall mit seinem Verlauf – nicht aber Ihre anvertrauten Vermerke (§ 65 SGB VIII).").arg(Share.caseName)
            color: Theme.textPrimary
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }

        InlineMessage {
            objectName: "shareNotice"
            Layout.fillWidth: true
            text: Share.notice
        }

        InlineMessage {
            Layout.fillWidth: true
            visible: Share.notice.length === 0 && Share.state !== ShareController.Pending
            isError: false
            text: qsTr("Teilen braucht eine Verbindung zum Server. Auf dem anderen Gerät erscheint der Fall nach "
                       + "dessen nächster Synchronisierung.")
        }

        // Freie Träger: which provider has the case, and assigning or withdrawing it.
        ColumnLayout {
            Layout.fillWidth: true
            visible: Share.canAssign && Share.providers.length > 0
            spacing: Theme.spacingXs
            Label {
                text: qsTr("Freie Träger")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Repeater {
                model: Share.providers
                RowLayout {
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Icon {
                        name: modelData.assigned ? "check" : "people"
                        color: modelData.assigned ? Theme.success : Theme.textSecondary
                        size: 20
                    }
                    Label {
                        Layout.fillWidth: true
                        text: modelData.assigned ? qsTr("%1 – zugewiesen").arg(modelData.name) : modelData.name
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    ActionButton {
                        objectName: "assign_" + index
                        filled: false
                        enabled: !root.working
                        text: modelData.assigned ? qsTr("Zuweisung zurücknehmen") : qsTr("Zuweisen")
                        Accessible.name: modelData.assigned ? qsTr("Zuweisung an %1 zurücknehmen").arg(modelData.name)
                                                            : qsTr("Fall dem Träger %1 zuweisen").arg(modelData.name)
                        onClicked: Share.assignProvider(modelData.name, !modelData.assigned)
                    }
                }
            }
        }

        Label {
            Layout.fillWidth: true
            visible: Share.notice.length === 0 && Share.targets.count > 0 && Share.targets.memberCount === 0
            text: qsTr("Bisher hat nur dieses Gerät den Fall.")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: Share.state === ShareController.Pending
            running: visible
            Accessible.name: qsTr("Wird geladen …")
        }

        ListView {
            id: list
            objectName: "shareTargets"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: contentHeight
            Layout.minimumHeight: Math.min(contentHeight, 160)
            clip: true
            model: Share.targets
            spacing: Theme.spacingXs
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Geräte Ihrer Organisation")

            section.property: "group"
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                topPadding: Theme.spacingS
                bottomPadding: Theme.spacingXs
                text: section === "member" ? qsTr("Hat den Fall schon")
                    : section === "allowed" ? qsTr("Kann den Fall erhalten")
                    : qsTr("Kann den Fall nicht erhalten")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            delegate: ItemDelegate {
                id: target
                required property string deviceId
                required property string name
                required property string roleLabel
                required property string provider
                required property bool member
                required property bool allowed
                required property string reason
                readonly property bool selected: root.selectedId === deviceId

                objectName: "shareTarget_" + deviceId
                width: ListView.view.width
                implicitHeight: Math.max(Theme.touchTarget + Theme.spacingM, row.implicitHeight + 2 * Theme.spacingS)
                enabled: (allowed || member) && !root.working
                padding: Theme.spacingS
                Accessible.role: Accessible.RadioButton
                Accessible.checkable: allowed || member
                Accessible.checked: selected
                Accessible.name: [name, roleLabel, member ? qsTr("hat den Fall schon") : reason]
                                 .filter(s => s.length > 0).join(", ")
                onClicked: root.select(deviceId, name, member)

                background: Rectangle {
                    radius: Theme.radiusSmall
                    color: target.selected ? Theme.primarySoft : target.down ? Theme.surfaceMuted : "transparent"
                    border.color: target.selected ? Theme.primary : Theme.outline
                    border.width: target.selected ? 2 : 1
                }

                contentItem: RowLayout {
                    id: row
                    spacing: Theme.spacingM

                    Icon {
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: 2
                        name: target.member ? "check" : target.allowed ? "devices" : "lock"
                        color: target.member ? Theme.success : target.allowed ? Theme.primary : Theme.textDisabled
                        size: 24
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: target.name
                            color: target.allowed || target.member ? Theme.textPrimary : Theme.textSecondary
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.Medium
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: target.provider.length > 0 ? qsTr("%1 · %2").arg(target.roleLabel).arg(target.provider)
                                                             : target.roleLabel
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: target.reason
                            color: Theme.warning
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
        }

        InlineMessage {
            objectName: "shareResult"
            Layout.fillWidth: true
            text: Share.message
            isError: Share.state === ShareController.Refused || Share.state === ShareController.Failed
        }

        RowLayout {
            Layout.fillWidth: true
            visible: root.working
            spacing: Theme.spacingS
            BusyIndicator {
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                running: parent.visible
                Accessible.name: label.text
            }
            Label {
                id: label
                Layout.fillWidth: true
                text: Share.state === ShareController.Unsharing ? qsTr("Wird zurückgenommen …")
                    : Share.state === ShareController.Assigning ? qsTr("Wird zugewiesen …") : qsTr("Wird geteilt …")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontBody
            }
        }
    }

    footer: RowLayout {
        spacing: Theme.spacingS

        Item { Layout.fillWidth: true }
        ActionButton {
            objectName: "shareClose"
            Layout.bottomMargin: Theme.spacingM
            filled: false
            text: qsTr("Schließen")
            Accessible.name: text
            onClicked: root.close()
        }
        ActionButton {
            objectName: "shareConfirm"
            Layout.rightMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingM
            iconName: root.selectedMember ? "remove" : "people"
            text: root.selectedRow < 0 ? qsTr("Teilen")
                : root.selectedMember ? qsTr("Von „%1“ zurücknehmen").arg(root.selectedName)
                : qsTr("Mit „%1“ teilen").arg(root.selectedName)
            enabled: root.selectedRow >= 0 && !root.working
            Accessible.name: text
            onClicked: root.confirm()
        }
    }
}
