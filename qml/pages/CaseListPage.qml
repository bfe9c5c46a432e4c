// The case list: header "Fälle" with the sync indicator, the settings and the lock button, a
// search field, the cases or an empty state, and the (for now disabled) "Neuer Fall" button.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "caseListPage"

    readonly property int margin: width >= 1000 ? Theme.spacingXxl : Theme.spacingL
    readonly property int columnWidth: Math.min(Theme.contentMaxWidth, width - 2 * margin)
    readonly property bool filtering: Cases.filter.trim().length > 0
    readonly property bool narrow: width < 640

    signal settingsRequested()
    signal visitRequested(string caseId)
    signal conflictsRequested()

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Fälle")

    background: Rectangle { color: Theme.background }

    // The search text lives in the model; clear it when the page goes (on lock).
    Component.onDestruction: Cases.filter = ""

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
            width: page.columnWidth
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacingM

            ColumnLayout {
                spacing: 2

                Label {
                    text: qsTr("Fälle")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontHeadline
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    text: Cases.totalCount === 0 ? qsTr("Noch keine Fälle auf diesem Gerät")
                        : page.filtering ? qsTr("%1 von %2 angezeigt").arg(Cases.count).arg(Cases.totalCount)
                        : Cases.totalCount === 1 ? qsTr("1 Fall")
                        : qsTr("%1 Fälle").arg(Cases.totalCount)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
            }

            Item { Layout.fillWidth: true }

            SyncIndicator {
                id: syncIndicator
                objectName: "syncIndicator"
                Layout.maximumWidth: Math.max(120, page.columnWidth - 360)
                // Not connected yet: the way to connect is in the settings.
                onClicked: {
                    if (!syncIndicator.showsConflicts)
                        Sync.serverSet ? Sync.syncNow() : page.settingsRequested()
                }
                onConflictsRequested: page.conflictsRequested()
            }

            ToolButton {
                id: settingsButton
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Einstellungen")
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
                onClicked: page.settingsRequested()

                contentItem: Item {
                    Icon {
                        anchors.centerIn: parent
                        name: "settings"
                        color: Theme.primary
                        size: 24
                    }
                }
            }

            ActionButton {
                id: lockButton
                filled: false
                iconName: "lock"
                text: page.narrow ? "" : qsTr("Sperren")
                Accessible.name: qsTr("Sperren")
                onClicked: Session.lock()
            }
        }
    }

    ColumnLayout {
        width: page.columnWidth
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.topMargin: Theme.spacingL
        spacing: Theme.spacingM

        SearchField {
            id: search
            Layout.fillWidth: true
            placeholderText: qsTr("Fälle durchsuchen")
            onTextChanged: Cases.filter = text
        }

        // A visit that could not start (e.g. the store is lent to a sync for a moment).
        InlineMessage {
            Layout.fillWidth: true
            text: Visit.state === HomeVisitController.Closed ? Visit.errorMessage : ""
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Rectangle {
                id: card
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                height: Math.min(parent.height - fab.height - 2 * Theme.spacingL,
                                 list.contentHeight + list.topMargin + list.bottomMargin + 2)
                visible: Cases.count > 0
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.outline

                ListView {
                    id: list
                    anchors.fill: parent
                    anchors.margins: 1
                    topMargin: Theme.spacingS
                    bottomMargin: Theme.spacingS
                    clip: true
                    model: Cases
                    boundsBehavior: Flickable.StopAtBounds
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Fallliste")
                    ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("Fallliste blättern") }

                    delegate: CaseDelegate {
                        width: ListView.view.width
                        onVisitRequested: page.visitRequested(caseId)
                    }
                }
            }

            EmptyState {
                anchors.centerIn: parent
                anchors.verticalCenterOffset: -Theme.spacingXxl
                width: Math.min(parent.width, 520)
                visible: Cases.count === 0
                iconName: page.filtering ? "search" : "people"
                title: page.filtering ? qsTr("Keine Treffer") : qsTr("Noch keine Fälle")
                text: page.filtering
                      ? qsTr("Kein Fall passt zu „%1“. Prüfen Sie die Schreibweise oder leeren Sie die Suche.").arg(Cases.filter.trim())
                      : qsTr("Sobald Fälle angelegt oder vom Server Ihres Trägers übertragen wurden, erscheinen sie hier.")
            }
        }
    }

    RowLayout {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: page.margin
        spacing: Theme.spacingM

        Label {
            id: hint
            Layout.maximumWidth: 380
            text: qsTr("Fälle anlegen folgt mit dem nächsten Update.")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignRight
        }

        ActionButton {
            id: fab
            implicitHeight: 56
            radius: 16
            enabled: false
            iconName: "add"
            text: qsTr("Neuer Fall")
            Accessible.name: qsTr("Neuer Fall (noch nicht verfügbar)")
            Accessible.description: hint.text
        }
    }
}
