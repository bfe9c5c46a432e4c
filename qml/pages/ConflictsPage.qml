// Conflicts: every field that two devices changed at the same time, with all its versions side by
// side (who, when, what), and every record one device edited while another deleted it (keep the
// edit / confirm the deletion). One tap decides; nothing is decided behind the user's back.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "conflictsPage"

    signal closeRequested()

    readonly property bool narrow: width < 640
    readonly property int margin: width >= 1000 ? Theme.spacingXxl : Theme.spacingL
    readonly property int bodyWidth: Math.min(1184, width - 2 * margin)

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Bearbeitungskonflikte klären")

    Component.onCompleted: Conflicts.refresh()

    background: Rectangle { color: Theme.background }

    header: Rectangle {
        implicitHeight: Theme.headerHeight + Theme.spacingS
        color: Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.outline
        }

        RowLayout {
            width: page.bodyWidth
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacingS

            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                objectName: "conflictsBack"
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Layout.leftMargin: -Theme.spacingS
                Accessible.name: qsTr("Zurück")
                onClicked: page.closeRequested()
                contentItem: Item {
                    Icon { anchors.centerIn: parent; name: "back"; color: Theme.primary; size: 24 }
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Bearbeitungskonflikte klären")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontHeadline
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    text: Conflicts.count === 0 ? qsTr("Nichts zu klären")
                        : Conflicts.count === 1 ? qsTr("1 Angabe mit mehreren Fassungen")
                        : qsTr("%1 Angaben mit mehreren Fassungen").arg(Conflicts.count)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 2 * Theme.spacingL
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("In den Bearbeitungskonflikten blättern") }

        ColumnLayout {
            id: column
            width: page.bodyWidth
            x: (flick.width - width) / 2
            y: Theme.spacingL
            spacing: Theme.spacingL

            Paragraph {
                visible: Conflicts.count > 0
                text: qsTr("Diese Angaben wurden auf zwei Geräten gleichzeitig geändert oder auf einem Gerät gelöscht, während ein anderes sie bearbeitete. Alle Fassungen sind erhalten. Tippen Sie auf die Fassung, die gelten soll.")
            }
            InlineMessage {
                Layout.fillWidth: true
                text: Conflicts.errorMessage
            }
            EmptyState {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingXxl
                visible: Conflicts.count === 0
                iconName: "cloud-done"
                title: qsTr("Keine Bearbeitungskonflikte")
                text: qsTr("Alle Angaben sind eindeutig.")
            }

            Repeater {
                model: Conflicts

                Rectangle {
                    id: card
                    required property int index
                    required property string title
                    required property string typeLabel
                    required property string fieldLabel
                    required property var versions
                    objectName: "conflict_" + index
                    Layout.fillWidth: true
                    implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacingL
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.outline
                    Accessible.role: Accessible.Grouping
                    Accessible.name: qsTr("%1, %2: %3").arg(title).arg(typeLabel).arg(fieldLabel)

                    ColumnLayout {
                        id: cardColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingL
                        spacing: Theme.spacingM

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingM
                            Icon { name: "warning"; color: Theme.warning; size: 22 }
                            Label {
                                Layout.fillWidth: true
                                text: card.title.length > 0 ? qsTr("%1 · %2 · %3").arg(card.title).arg(card.typeLabel).arg(card.fieldLabel)
                                                            : qsTr("%1 · %2").arg(card.typeLabel).arg(card.fieldLabel)
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontLarge
                                font.weight: Font.DemiBold
                                wrapMode: Text.WordWrap
                            }
                        }

                        // The versions side by side (one above the other on a narrow screen).
                        GridLayout {
                            Layout.fillWidth: true
                            columns: page.narrow ? 1 : Math.min(card.versions.length, 3)
                            columnSpacing: Theme.spacingM
                            rowSpacing: Theme.spacingM

                            Repeater {
                                model: card.versions

                                Rectangle {
                                    id: versionCard
                                    required property var modelData
                                    required property int index
                                    Layout.fillWidth: true
                                    Layout.fillHeight: true
                                    Layout.preferredWidth: 10
                                    implicitHeight: versionColumn.implicitHeight + 2 * Theme.spacingM
                                    radius: Theme.radiusSmall
                                    color: Theme.surfaceMuted
                                    border.color: Theme.outline

                                    ColumnLayout {
                                        id: versionColumn
                                        anchors.fill: parent
                                        anchors.margins: Theme.spacingM
                                        spacing: Theme.spacingS

                                        Label {
                                            Layout.fillWidth: true
                                            text: versionCard.modelData.action === "keep"
                                                  ? qsTr("Bearbeitet · %1 · %2").arg(versionCard.modelData.author).arg(versionCard.modelData.when)
                                                  : versionCard.modelData.action === "delete"
                                                  ? qsTr("Gelöscht · %1 · %2").arg(versionCard.modelData.author).arg(versionCard.modelData.when)
                                                  : (versionCard.modelData.winner ? qsTr("Fassung %1 · %2 · %3 · wird derzeit angezeigt")
                                                                                  : qsTr("Fassung %1 · %2 · %3"))
                                                      .arg(versionCard.index + 1).arg(versionCard.modelData.author)
                                                      .arg(versionCard.modelData.when)
                                            color: Theme.textSecondary
                                            font.pixelSize: Theme.fontCaption
                                            wrapMode: Text.WordWrap
                                        }
                                        Label {
                                            Layout.fillWidth: true
                                            Layout.fillHeight: true
                                            text: versionCard.modelData.display.length > 0 ? versionCard.modelData.display : qsTr("(leer)")
                                            color: Theme.textPrimary
                                            font.pixelSize: Theme.fontBody
                                            wrapMode: Text.WordWrap
                                            verticalAlignment: Text.AlignTop
                                        }
                                        ActionButton {
                                            objectName: "keep_" + card.index + "_" + versionCard.index
                                            Layout.fillWidth: true
                                            iconName: versionCard.modelData.action === "delete" ? "close" : "check"
                                            text: versionCard.modelData.action === "keep" ? qsTr("Bearbeitung behalten")
                                                : versionCard.modelData.action === "delete" ? qsTr("Löschen bestätigen")
                                                : qsTr("Diese Fassung übernehmen")
                                            Accessible.name: versionCard.modelData.action === "keep"
                                                ? qsTr("Bearbeitung von %1 behalten").arg(versionCard.modelData.author)
                                                : versionCard.modelData.action === "delete"
                                                ? qsTr("Löschen durch %1 bestätigen").arg(versionCard.modelData.author)
                                                : qsTr("Fassung %1 von %2 übernehmen").arg(versionCard.index + 1).arg(versionCard.modelData.author)
                                            onClicked: Conflicts.resolve(card.index, versionCard.index)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
