// Berichte: the planning reports of the cases on this device (docs/reports.md). Pick the report
// (Bedarfsbericht, Fallzahlen), the year or half-year and the social space; the page shows the
// charts and the anonymised tables ("<5", "x") and exports them as PDF, CSV or JSON. A report of
// fewer families or cases than the threshold is refused and says why. Everything shown comes from
// the Reports controller, which holds only what suppression published.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "reportsPage"

    signal closeRequested()
    signal settingsRequested()

    // The planning role's home (Main.qml): no way back, the settings and the lock in its header.
    property bool home: false

    readonly property bool narrow: width < 640
    readonly property bool landscape: width >= 1000
    readonly property int margin: landscape ? Theme.spacingXxl : Theme.spacingL
    readonly property int bodyWidth: Math.min(1184, width - 2 * margin)
    readonly property var report: Reports.report

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Berichte")

    // The report is built only while a Berichte page is shown (ReportController "active").
    Component.onCompleted: Reports.active = true
    Component.onDestruction: Reports.active = false

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
                objectName: "reportsBack"
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
                    text: qsTr("Berichte")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontHeadline
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    text: Reports.showsPublished ? qsTr("Für die Jugendhilfeplanung veröffentlicht, anonymisiert")
                                                 : qsTr("Anonymisiert für die Jugendhilfeplanung, aus den Fällen auf diesem Gerät")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
            }
            Repeater {
                model: [{ format: "pdf", label: qsTr("PDF") }, { format: "csv", label: qsTr("CSV") }, { format: "json", label: qsTr("JSON") }]
                ActionButton {
                    required property var modelData
                    objectName: "reportExport_" + modelData.format
                    visible: !page.narrow
                    enabled: Reports.available
                    filled: modelData.format === "pdf"
                    text: modelData.label
                    Accessible.name: qsTr("Als %1 exportieren").arg(modelData.label)
                    onClicked: Reports.exportAs(modelData.format)
                }
            }
            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                objectName: "reportsSettings"
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
        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("Im Bericht blättern") }

        ColumnLayout {
            id: column
            width: page.bodyWidth
            x: (flick.width - width) / 2
            y: Theme.spacingL
            spacing: Theme.spacingL

            // Where the report comes from: the cases here, or a report published to planning.
            ChoiceField {
                objectName: "reportSource"
                Layout.fillWidth: true
                visible: Reports.sourceChoices.length > 1
                label: qsTr("Quelle")
                options: Reports.sourceChoices.map(c => ({ id: c.value, label: c.label }))
                currentId: Reports.source.length > 0 ? Reports.source : Reports.shownSource
                onChosen: id => Reports.source = id
            }

            // The choices: report, year, half-year, social space (a published report's are fixed).
            GridLayout {
                visible: Reports.source.length === 0 && !Reports.planningHome
                Layout.fillWidth: true
                columns: page.landscape ? 4 : page.narrow ? 1 : 2
                columnSpacing: Theme.spacingM
                rowSpacing: Theme.spacingS

                ChoiceField {
                    objectName: "reportKind"
                    Layout.fillWidth: true
                    label: qsTr("Bericht")
                    options: Reports.kindChoices.map(c => ({ id: c.value, label: c.label }))
                    currentId: Reports.kind
                    onChosen: id => Reports.kind = id
                }
                ChoiceField {
                    objectName: "reportYear"
                    Layout.fillWidth: true
                    label: qsTr("Jahr")
                    options: Reports.yearChoices.map(c => ({ id: String(c.value), label: c.label }))
                    currentId: String(Reports.year)
                    onChosen: id => Reports.year = Number(id)
                }
                ChoiceField {
                    objectName: "reportHalf"
                    Layout.fillWidth: true
                    label: qsTr("Zeitraum")
                    options: Reports.halfChoices.map(c => ({ id: String(c.value), label: c.label }))
                    currentId: String(Reports.half)
                    onChosen: id => Reports.half = Number(id)
                }
                ChoiceField {
                    objectName: "reportSpace"
                    Layout.fillWidth: true
                    label: qsTr("Sozialraum")
                    options: Reports.spaceChoices.map(c => ({ id: c.value, label: c.label }))
                    currentId: Reports.space
                    onChosen: id => Reports.space = id
                }
            }

            // On a narrow screen the export buttons sit under the choices.
            RowLayout {
                Layout.fillWidth: true
                visible: page.narrow
                spacing: Theme.spacingS
                Repeater {
                    model: [{ format: "pdf", label: qsTr("PDF") }, { format: "csv", label: qsTr("CSV") }, { format: "json", label: qsTr("JSON") }]
                    ActionButton {
                        required property var modelData
                        Layout.fillWidth: true
                        enabled: Reports.available
                        filled: modelData.format === "pdf"
                        text: modelData.label
                        Accessible.name: qsTr("Als %1 exportieren").arg(modelData.label)
                        onClicked: Reports.exportAs(modelData.format)
                    }
                }
            }

            InlineMessage {
                objectName: "reportExportMessage"
                Layout.fillWidth: true
                isError: Reports.lastExport.length === 0
                text: Reports.exportMessage
            }

            EmptyState {
                objectName: "reportRefused"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingXl
                visible: !Reports.available
                iconName: "shield"
                title: qsTr("Kein Bericht für diese Auswahl")
                text: Reports.message
            }

            // What the report is: title, period, how many were counted, the threshold.
            ColumnLayout {
                Layout.fillWidth: true
                visible: Reports.available
                spacing: Theme.spacingXs
                Label {
                    Layout.fillWidth: true
                    text: page.report.title || ""
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                }
                Label {
                    objectName: "reportSummary"
                    Layout.fillWidth: true
                    text: Reports.available
                          ? [page.report.period,
                             page.report.stichtag ? qsTr("Stichtag Ende %1").arg(page.report.stichtag) : "",
                             page.report.space ? page.report.space : qsTr("alle Sozialräume"),
                             page.report.populationText,
                             qsTr("Werte unter %1 als „<%1“, zum Schutz gesperrte als „x“").arg(page.report.threshold)]
                            .filter(s => s && s.length > 0).join(" · ")
                          : ""
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
            }

            // The charts: side by side in landscape.
            GridLayout {
                Layout.fillWidth: true
                visible: Reports.available
                columns: page.landscape && Reports.charts.length > 1 ? 2 : 1
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingL
                Repeater {
                    model: Reports.charts
                    Rectangle {
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        implicitHeight: chartItem.implicitHeight + 2 * Theme.spacingL
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.outline
                        ReportChart {
                            id: chartItem
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: Theme.spacingL
                            chart: parent.modelData
                        }
                    }
                }
            }

            // The tables, one card per section (social space).
            Repeater {
                model: Reports.available ? page.report.sections : []
                SectionCard {
                    id: sectionCard
                    required property var modelData
                    Layout.fillWidth: true
                    title: modelData.title
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingXl
                        Repeater {
                            model: sectionCard.modelData.tables
                            ReportTable {
                                required property var modelData
                                Layout.fillWidth: true
                                table: modelData
                            }
                        }
                    }
                }
            }

            // What is counted and how it is protected.
            SectionCard {
                Layout.fillWidth: true
                visible: Reports.available
                title: qsTr("So ist gezählt und geschützt")
                Repeater {
                    model: Reports.available ? page.report.notes : []
                    Paragraph {
                        required property string modelData
                        Layout.fillWidth: true
                        text: "– " + modelData
                    }
                }
            }
        }
    }
}
