// The detail of one offer: provider, place, times, ages, cost, access, contact, languages,
// inclusion notes and when it was last checked; "Korrigieren" opens the edit page.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    property var offer: ({})         // Offers.offer(id)
    property bool closable: false    // stacked under the list (portrait): a close button
    readonly property bool hasOffer: offer && offer.id !== undefined
    readonly property bool wide: width >= 520

    signal editRequested(string serviceId)
    signal closeRequested()

    function text(field) { return root.hasOffer && root.offer[field] ? String(root.offer[field]) : "" }

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.outline
    Accessible.role: Accessible.Pane
    Accessible.name: hasOffer ? qsTr("Angebot %1").arg(text("name")) : qsTr("Kein Angebot gewählt")

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingL, 420)
        visible: !root.hasOffer
        iconName: "info"
        title: qsTr("Angebot wählen")
        text: qsTr("Tippen Sie links auf ein Angebot, um Träger, Ort, Zeiten, Kontakt und Hinweise zur Inklusion zu sehen.")
    }

    Flickable {
        id: flick
        anchors.fill: parent
        anchors.margins: 1
        visible: root.hasOffer
        clip: true
        contentHeight: column.implicitHeight + 2 * Theme.spacingL
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("In den Angeboten blättern") }

        ColumnLayout {
            id: column
            x: Theme.spacingL
            y: Theme.spacingL
            width: flick.width - 2 * Theme.spacingL
            spacing: Theme.spacingM

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: root.text("categoryLabel")
                        color: Theme.primary
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.Medium
                    }
                    Label {
                        objectName: "offerDetailName"
                        Layout.fillWidth: true
                        text: root.text("name")
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                }
                ToolButton {
                    FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                    Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                    Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                    id: closeButton
                    visible: root.closable
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                    Accessible.name: qsTr("Details schließen")
                    onClicked: root.closeRequested()
                    contentItem: Item {
                        Icon { anchors.centerIn: parent; name: "close"; color: Theme.textSecondary; size: 22 }
                    }
                }
            }

            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.text("description")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            InlineMessage {
                Layout.fillWidth: true
                isError: false
                text: root.offer && root.offer.conflicted
                      ? qsTr("Zu diesem Angebot gibt es gleichzeitige Änderungen von zwei Geräten. Beim Korrigieren entscheiden Sie, was gilt.")
                      : ""
            }

            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Träger"); value: root.text("providerName") + (root.text("providerKind").length > 0 ? " (" + root.text("providerKind") + ")" : "") }
            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Sozialraum"); value: root.text("socialSpaceName") }
            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Ort"); value: [root.text("place"), root.text("address")].filter(s => s.length > 0).join("\n") }
            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Zeiten"); value: root.text("times") }
            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Alter"); value: root.text("ageLabel") }
            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Kosten"); value: root.text("cost_note").length > 0 ? root.text("costLabel") + " – " + root.text("cost_note") : root.text("costLabel") }
            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Zugang"); value: root.text("accessLabel") }
            InfoRow {
                Layout.fillWidth: true
                wide: root.wide
                label: qsTr("Kontakt")
                value: [root.text("phone").length > 0 ? root.text("phone") : root.text("providerPhone"),
                        root.text("email").length > 0 ? root.text("email") : root.text("providerEmail"),
                        root.text("website").length > 0 ? root.text("website") : root.text("providerWebsite")]
                       .filter(s => s.length > 0).join("\n")
            }
            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Sprachen"); value: root.text("languages") }
            InfoRow { Layout.fillWidth: true; wide: root.wide; label: qsTr("Inklusion"); value: root.text("inclusion") }

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: verified.implicitHeight + 2 * Theme.spacingS
                radius: Theme.radiusSmall
                color: root.offer && root.offer.stale ? Theme.warningSoft : Theme.surfaceMuted
                Label {
                    id: verified
                    anchors.fill: parent
                    anchors.margins: Theme.spacingS
                    anchors.leftMargin: Theme.spacingM
                    text: root.offer && root.offer.stale
                          ? qsTr("%1 – bitte bei Gelegenheit nachfragen.").arg(root.text("verifiedLabel"))
                          : root.text("verifiedLabel")
                    color: root.offer && root.offer.stale ? Theme.warning : Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
            }

            ActionButton {
                objectName: "offerEditButton"
                Layout.alignment: Qt.AlignRight
                filled: false
                iconName: "edit"
                text: qsTr("Korrigieren oder bestätigen")
                Accessible.name: qsTr("Angebot korrigieren oder als geprüft bestätigen")
                onClicked: root.editRequested(root.text("id"))
            }
        }
    }
}
