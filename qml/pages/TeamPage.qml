// Das Team: the Sozialraumteam's case index (docs/team.md) — the overview a team lead supervises
// the caseload by (open cases per risk area, caseload per worker, reviews due within 14 days,
// Auflagen overdue) and every case of the team by its pseudonym. Nothing here names a family:
// everything shown comes from the Team controller, which reads only the index in the team scope.
// A team lead's home (Main.qml); a caseworker opens it from the case list.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "teamPage"

    signal closeRequested()
    signal settingsRequested()

    // The team lead's home: no way back, the settings and the lock in its header.
    property bool home: false

    readonly property bool narrow: width < 640
    readonly property bool landscape: width >= 1000
    readonly property int margin: landscape ? Theme.spacingXxl : Theme.spacingL
    readonly property int bodyWidth: Math.min(1184, width - 2 * margin)
    readonly property var overview: Team.overview

    function riskColor(key) { return key === "danger" ? Theme.error : key === "grey" ? Theme.warning : key === "service" ? Theme.success : Theme.textSecondary }
    function riskBackground(key) { return key === "danger" ? Theme.errorSoft : key === "grey" ? Theme.warningSoft : key === "service" ? Theme.successSoft : Theme.surfaceMuted }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Sozialraumteam")

    // The index is read only while a team page is shown (TeamController "active").
    Component.onCompleted: Team.active = true
    Component.onDestruction: Team.active = false

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
                objectName: "teamBack"
                visible: !page.home
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
                    text: qsTr("Sozialraumteam")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontHeadline
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Fallübersicht des Teams: Pseudonyme statt Namen, keine Inhalte der Fälle")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
            }
            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                objectName: "teamSettings"
                visible: page.home
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Einstellungen")
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
                onClicked: page.settingsRequested()
                contentItem: Item {
                    Icon { anchors.centerIn: parent; name: "settings"; color: Theme.primary; size: 24 }
                }
            }
            ActionButton {
                visible: page.home
                filled: false
                iconName: "lock"
                text: page.narrow ? "" : qsTr("Sperren")
                Accessible.name: qsTr("Sperren")
                onClicked: Session.lock()
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
        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("In der Fallübersicht blättern") }

        ColumnLayout {
            id: column
            width: page.bodyWidth
            x: (flick.width - width) / 2
            y: Theme.spacingL
            spacing: Theme.spacingL

            InlineMessage {
                objectName: "teamMessage"
                Layout.fillWidth: true
                visible: Team.message.length > 0
                isError: false
                text: Team.message
            }
            InlineMessage {
                objectName: "teamSkipped"
                Layout.fillWidth: true
                visible: page.overview.skipped > 0
                text: qsTr("Fehlerhafte Einträge der Fallübersicht, nicht gezeigt: %n", "", page.overview.skipped)
            }

            // The open cases, and how many of them in each risk area.
            Flow {
                objectName: "teamRisks"
                visible: Team.available
                Layout.fillWidth: true
                spacing: Theme.spacingM

                Rectangle {
                    width: page.narrow ? (column.width - Theme.spacingM) / 2 : 200
                    height: 96
                    radius: Theme.radius
                    color: Theme.primary
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("%1 offene Fälle").arg(page.overview.openCases)
                    Column {
                        anchors.left: parent.left
                        anchors.leftMargin: Theme.spacingM
                        anchors.verticalCenter: parent.verticalCenter
                        Label { objectName: "teamOpenCases"; text: String(page.overview.openCases); color: Theme.textOnPrimary; font.pixelSize: Theme.fontDisplay; font.weight: Font.DemiBold }
                        Label { text: qsTr("offene Fälle"); color: Theme.textOnPrimaryMuted; font.pixelSize: Theme.fontSmall }
                    }
                }
                Repeater {
                    model: page.overview.risks
                    Rectangle {
                        required property var modelData
                        objectName: "teamRisk_" + (modelData.key.length > 0 ? modelData.key : "none")
                        width: page.narrow ? (column.width - Theme.spacingM) / 2 : 200
                        height: 96
                        radius: Theme.radius
                        color: page.riskBackground(modelData.key)
                        border.color: Theme.outline
                        Accessible.role: Accessible.StaticText
                        Accessible.name: qsTr("%1: %2").arg(modelData.label).arg(modelData.count)
                        Column {
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.leftMargin: Theme.spacingM
                            anchors.rightMargin: Theme.spacingS
                            anchors.verticalCenter: parent.verticalCenter
                            Label { text: String(modelData.count); color: page.riskColor(modelData.key); font.pixelSize: Theme.fontDisplay; font.weight: Font.DemiBold }
                            Label { width: parent.width; text: modelData.label; color: Theme.textPrimary; font.pixelSize: Theme.fontSmall; elide: Text.ElideRight }
                        }
                    }
                }
            }

            GridLayout {
                visible: Team.available && page.overview.openCases > 0
                Layout.fillWidth: true
                columns: page.landscape ? 3 : 1
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingL

                SectionCard {
                    objectName: "teamWorkers"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    title: qsTr("Fälle je Fachkraft")
                    Repeater {
                        model: page.overview.workers
                        ColumnLayout {
                            required property var modelData
                            required property int index
                            objectName: "teamWorker_" + index
                            Layout.fillWidth: true
                            spacing: Theme.spacingXs
                            Accessible.role: Accessible.StaticText
                            Accessible.name: qsTr("%1: %2 Fälle, davon %3 im Gefährdungsbereich").arg(modelData.name).arg(modelData.cases).arg(modelData.danger)
                            RowLayout {
                                Layout.fillWidth: true
                                Label { Layout.fillWidth: true; text: modelData.name; color: Theme.textPrimary; font.pixelSize: Theme.fontBody; elide: Text.ElideRight }
                                Label {
                                    text: modelData.danger > 0 ? qsTr("%1 (%2 Gefährdung)").arg(modelData.cases).arg(modelData.danger) : String(modelData.cases)
                                    color: modelData.danger > 0 ? Theme.error : Theme.textSecondary
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                            Rectangle {
                                Layout.fillWidth: true
                                height: 8
                                radius: 4
                                color: Theme.surfaceMuted
                                Rectangle {
                                    width: parent.width * modelData.share
                                    height: parent.height
                                    radius: 4
                                    color: Theme.primary
                                }
                            }
                        }
                    }
                }

                SectionCard {
                    objectName: "teamReviews"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    title: qsTr("Überprüfungen in 14 Tagen")
                    hint: page.overview.reviews.length === 0 ? qsTr("Keine Überprüfung fällig.") : ""
                    Repeater {
                        model: page.overview.reviews
                        EntryDelegate {
                            required property var modelData
                            required property int index
                            objectName: "teamReview_" + index
                            title: modelData.pseudonym
                            subtitle: modelData.worker
                            detail: modelData.date
                            chip: modelData.overdue ? qsTr("überfällig") : qsTr("fällig")
                            chipColor: modelData.overdue ? Theme.error : Theme.warning
                            chipBackground: modelData.overdue ? Theme.errorSoft : Theme.warningSoft
                        }
                    }
                }

                SectionCard {
                    objectName: "teamRequirements"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    title: qsTr("Auflagen überfällig")
                    hint: page.overview.overdueRequirements.length === 0 ? qsTr("Keine Auflage über ihrer Frist.") : ""
                    Repeater {
                        model: page.overview.overdueRequirements
                        EntryDelegate {
                            required property var modelData
                            required property int index
                            objectName: "teamOverdue_" + index
                            title: modelData.pseudonym
                            subtitle: modelData.worker
                            detail: qsTr("Frist %1").arg(modelData.date)
                            chip: qsTr("überfällig")
                            chipColor: Theme.error
                            chipBackground: Theme.errorSoft
                        }
                    }
                }
            }

            SectionCard {
                objectName: "teamConsultations"
                visible: Team.available
                Layout.fillWidth: true
                title: qsTr("Kollegiale Beratungen")
                hint: Consultation.cards.length === 0 ? qsTr("Noch keine Beratung: Eine Fachkraft bereitet sie im Fall vor („Beratung“).") : ""
                Repeater {
                    model: Consultation.cards
                    EntryDelegate {
                        required property var modelData
                        required property int index
                        objectName: "teamConsultation_" + index
                        text: Accessible.name
                        title: modelData.question
                        subtitle: qsTr("%1 · %2").arg(modelData.pseudonym).arg(modelData.socialSpace)
                        detail: qsTr("vorbereitet von %1 am %2").arg(modelData.preparedBy).arg(modelData.preparedOn)
                        chip: modelData.stateLabel
                        onClicked: Navigator.openConsultation(modelData.id)
                    }
                }
            }

            SectionCard {
                objectName: "teamCases"
                visible: Team.available && Team.entries.length > 0
                Layout.fillWidth: true
                title: qsTr("Alle Fälle des Teams")
                hint: page.overview.closedCases > 0 ? qsTr("Abgeschlossene Fälle am Ende der Liste: %n", "", page.overview.closedCases) : ""
                Repeater {
                    model: Team.entries
                    EntryDelegate {
                        required property var modelData
                        required property int index
                        objectName: "teamCase_" + index
                        text: Accessible.name  // not drawn (EntryDelegate draws its own lines): what the item locator reads
                        focusPolicy: Qt.NoFocus  // nothing to do on a tap: the team holds no case to open
                        title: modelData.pseudonym
                        subtitle: [modelData.socialSpace, modelData.status, modelData.worker].filter(s => s.length > 0).join(" · ")
                        detail: [modelData.helps.length > 0 ? qsTr("Hilfen: %1").arg(modelData.helps) : "",
                                 modelData.nextReview.length > 0 ? qsTr("Überprüfung %1").arg(modelData.nextReview) : "",
                                 modelData.requirements].filter(s => s.length > 0).join(" · ")
                        chip: modelData.risk
                        chipColor: page.riskColor(modelData.riskKey)
                        chipBackground: page.riskBackground(modelData.riskKey)
                        flagged: modelData.reviewOverdue || modelData.requirementOverdue
                        flagText: modelData.requirementOverdue ? qsTr("Auflage überfällig") : qsTr("Überprüfung überfällig")
                    }
                }
            }
        }
    }
}
