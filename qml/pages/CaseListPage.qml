// The case list: header "Fälle" with the sync indicator, the settings and the lock button, a
// search field, filter chips (Meine Fälle, status, social space), the cases or an empty state,
// and the "Neuer Fall" button, whose dialog the domain layer checks (CaseDetail.createCase); above
// them a new-case form the domain refused at a lock, to restore or discard (DraftBanner).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "caseListPage"

    readonly property int margin: width >= 1000 ? Theme.spacingXxl : Theme.spacingL
    readonly property int columnWidth: Math.min(Theme.contentMaxWidth, width - 2 * margin)
    readonly property bool filtering: Cases.filtering
    readonly property bool narrow: width < 640

    signal settingsRequested()
    signal visitRequested(string caseId)
    signal conflictsRequested()
    signal offersRequested()
    signal reportsRequested()
    signal teamRequested()
    signal caseRequested(string caseId)

    // The Sozialraum: one of the offer map's spaces (a restored draft's own value kept as a choice);
    // typed only while the device knows no offer map.
    function spaceField(current) {
        const choices = Offers.socialSpaceChoices(current || "")
        return choices.length > 0 ? { key: "social_space", label: qsTr("Sozialraum"), kind: "choice", choices: choices }
                                  : { key: "social_space", label: qsTr("Sozialraum"),
                                      placeholder: Cases.socialSpaces.length > 0 ? qsTr("z. B. %1").arg(Cases.socialSpaces[0]) : "" }
    }
    function newCaseForm(current) {
        dialog.title = qsTr("Neuer Fall")
        dialog.target = "newCase"
        dialog.saveText = qsTr("Fall anlegen")
        dialog.fields = [
            { key: "name", label: qsTr("Name des Falls"), placeholder: qsTr("z. B. Familie K.") },
            spaceField(current),
            { key: "status", label: qsTr("Status"), kind: "choice", choices: CaseDetail.choices("case_status") },
            { key: "lead_worker", label: qsTr("Fallführende Fachkraft") },
            { key: "opened_on", label: qsTr("Eröffnet am"), kind: "date" }
        ]
    }
    function openNewCase() {
        newCaseForm()
        dialog.edit("", { status: "new", lead_worker: Cases.myWorker, opened_on: CaseDetail.today })
    }
    // The new-case form kept at a lock (CaseDetail.newCaseDraft), reopened with what was typed and
    // the domain's issues under the fields; creating the case deletes the draft.
    function restoreNewCaseDraft() {
        const d = CaseDetail.newCaseDraft
        if (!d.values)
            return
        newCaseForm(d.values.social_space)
        dialog.restore("", d)
    }
    function openWorkerName() {
        dialog.title = qsTr("Wer arbeitet mit diesem Gerät?")
        dialog.target = "worker"
        dialog.saveText = qsTr("Speichern")
        dialog.fields = [
            { key: "worker", label: qsTr("Ihr Name, wie er als fallführende Fachkraft eingetragen wird"),
              hint: qsTr("„Meine Fälle“ zeigt die Fälle, in denen dieser Name als fallführende Fachkraft steht.") }
        ]
        dialog.edit("", { worker: Cases.myWorker })
    }
    function closeDialogs() { dialog.close() }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Fälle")

    background: Rectangle { color: Theme.background }

    // The search text and the filters live in the model; clear them when the page goes (on lock).
    Component.onDestruction: Cases.clearFilters()

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

            // The title takes what the buttons leave; its second line is cut rather than pushing
            // "Sperren" against the edge (portrait).
            ColumnLayout {
                Layout.fillWidth: true
                Layout.minimumWidth: 0
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
                    objectName: "caseCount"
                    text: Sync.leaseExpired ? qsTr("Gesperrt bis zur nächsten Synchronisierung")
                        : Cases.totalCount === 0 ? qsTr("Noch keine Fälle auf diesem Gerät")
                        : page.filtering ? qsTr("%1 von %2 angezeigt").arg(Cases.count).arg(Cases.totalCount)
                        : Cases.totalCount === 1 ? qsTr("1 Fall")
                        : qsTr("%1 Fälle").arg(Cases.totalCount)
                    Layout.fillWidth: true
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
            }

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

            ActionButton {
                id: offersButton
                objectName: "offersButton"
                filled: false
                iconName: "map"
                text: page.narrow ? "" : qsTr("Angebote")
                Accessible.name: qsTr("Angebote im Sozialraum")
                onClicked: page.offersRequested()
            }

            ActionButton {
                objectName: "teamButton"
                visible: Team.available
                filled: false
                iconName: "people"
                text: page.narrow ? "" : qsTr("Team")
                Accessible.name: qsTr("Fallübersicht des Sozialraumteams")
                onClicked: page.teamRequested()
            }

            ActionButton {
                id: reportsButton
                objectName: "reportsButton"
                filled: false
                iconName: "list"
                text: page.narrow ? "" : qsTr("Berichte")
                Accessible.name: qsTr("Berichte für die Jugendhilfeplanung")
                onClicked: page.reportsRequested()
            }

            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
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

        // A new case the domain refused at a lock, offered back.
        DraftBanner {
            objectName: "newCaseDraftBanner"
            Layout.fillWidth: true
            radius: Theme.radius
            draft: CaseDetail.newCaseDraft
            onRestoreRequested: page.restoreNewCaseDraft()
            onDiscardRequested: CaseDetail.discardNewCaseDraft()
        }

        // The offline lease (docs/retention.md): the store shows nothing until a sync succeeds.
        InlineMessage {
            objectName: "leaseMessage"
            Layout.fillWidth: true
            text: Sync.leaseExpired
                  ? qsTr("Gesperrt: Dieses Gerät wurde länger nicht synchronisiert, als Ihre Organisation erlaubt. "
                         + "Synchronisieren Sie, um die Fälle wieder zu sehen.")
                  : ""
        }

        SearchField {
            id: search
            Layout.fillWidth: true
            placeholderText: qsTr("Fälle durchsuchen")
            onTextChanged: Cases.filter = text
        }

        // Filter chips: one choice per group; tapping a chosen chip again lifts it.
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            visible: Cases.totalCount > 0

            FilterChip {
                objectName: "mineChip"
                text: Cases.myWorker.length > 0 ? qsTr("Meine Fälle") : qsTr("Meine Fälle …")
                iconName: "people"
                checked: Cases.mineOnly
                Accessible.description: Cases.myWorker.length > 0 ? qsTr("Fallführend: %1").arg(Cases.myWorker)
                                                                  : qsTr("Zuerst Ihren Namen angeben")
                onClicked: {
                    if (Cases.myWorker.length === 0) {
                        checked = false
                        page.openWorkerName()
                    } else {
                        Cases.mineOnly = checked
                    }
                }
                onPressAndHold: page.openWorkerName()
            }

            Rectangle { width: 1; height: Theme.touchTarget; color: Theme.outline }

            Repeater {
                model: Cases.statusChoices  // labels follow a language switch (the list refreshes)
                FilterChip {
                    required property var modelData
                    objectName: "statusChip_" + modelData.id
                    text: modelData.label
                    checked: Cases.statusFilter === modelData.id
                    onClicked: Cases.statusFilter = checked ? modelData.id : ""
                }
            }

            Rectangle { width: 1; height: Theme.touchTarget; color: Theme.outline }

            Repeater {
                model: Cases.socialSpaces
                FilterChip {
                    required property string modelData
                    text: modelData
                    checked: Cases.socialSpaceFilter === modelData
                    onClicked: Cases.socialSpaceFilter = checked ? modelData : ""
                }
            }

            ActionButton {
                visible: Cases.filtering
                filled: false
                implicitHeight: Theme.touchTarget
                iconName: "close"
                text: qsTr("Filter zurücksetzen")
                Accessible.name: text
                onClicked: {
                    search.clear()
                    Cases.clearFilters()
                }
            }
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
                    ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("In der Fallliste blättern") }

                    delegate: CaseDelegate {
                        width: ListView.view.width
                        onClicked: page.caseRequested(caseId)
                        onVisitRequested: page.visitRequested(caseId)
                    }
                }
            }

            EmptyState {
                anchors.centerIn: parent
                anchors.verticalCenterOffset: -Theme.spacingXxl
                width: Math.min(parent.width, 520)
                visible: Cases.count === 0 && !Sync.leaseExpired  // the lease message says why the list is empty
                iconName: page.filtering ? "search" : "people"
                title: page.filtering ? qsTr("Keine Treffer") : qsTr("Noch keine Fälle")
                text: Cases.filter.trim().length > 0
                      ? qsTr("Kein Fall passt zu „%1“. Prüfen Sie die Schreibweise oder leeren Sie die Suche.").arg(Cases.filter.trim())
                      : page.filtering ? qsTr("Kein Fall passt zu den gewählten Filtern.")
                      : qsTr("Sobald Sie Fälle anlegen oder Fälle vom Server Ihrer Organisation übertragen werden, "
                           + "erscheinen sie hier.")
            }
        }
    }

    ActionButton {
        id: fab
        objectName: "newCaseButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: page.margin
        implicitHeight: 56
        radius: 16
        iconName: "add"
        text: qsTr("Neuer Fall")
        Accessible.name: text
        onClicked: page.openNewCase()
    }

    RecordDialog {
        id: dialog
        objectName: "newCaseDialog"
        onCreated: caseId => page.caseRequested(caseId)
    }
}
