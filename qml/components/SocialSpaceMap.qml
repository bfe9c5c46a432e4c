// The schematic view of the social spaces: each space drawn from its configured outline (a unit
// square, north up) with its offer count and, for planning, how often families said something is
// missing there; beside it (or below, when narrow) a legend with the most named gaps. Tapping a
// space chooses it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Shapes
import Quartier.Ui

Item {
    id: root

    property var spaces: []          // Offers.socialSpaces
    property string selectedId
    property bool showMissing: true

    signal spaceChosen(string id)

    readonly property bool wide: width > height * 1.2

    // "1 Angebot", "%1 Angebote": German is the source language and ships no plural forms of its
    // own, so the singular is a string of its own.
    function offersText(n) { return n === 1 ? qsTr("1 Angebot") : qsTr("%1 Angebote").arg(n) }
    function centroid(outline) {
        let x = 0, y = 0
        for (let i = 0; i < outline.length; ++i) { x += outline[i].x; y += outline[i].y }
        return outline.length > 0 ? Qt.point(x / outline.length, y / outline.length) : Qt.point(0.5, 0.5)
    }
    // A space without an outline gets a cell of a grid, so the view never leaves one out.
    function outlineOf(space, index) {
        if (space.outline && space.outline.length >= 3)
            return space.outline
        const cols = Math.ceil(Math.sqrt(root.spaces.length)), c = index % cols, r = Math.floor(index / cols)
        const s = 1 / cols
        return [Qt.point(c * s, r * s), Qt.point((c + 1) * s, r * s), Qt.point((c + 1) * s, (r + 1) * s), Qt.point(c * s, (r + 1) * s)]
    }
    function missingSummary(space) {
        const parts = []
        for (let i = 0; i < Math.min(3, space.missingByCategory.length); ++i)
            parts.push(qsTr("%1 (%2)").arg(space.missingByCategory[i].label).arg(space.missingByCategory[i].count))
        return parts.join(", ")
    }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Sozialräume schematisch")

    GridLayout {
        anchors.fill: parent
        columns: root.wide ? 2 : 1
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingL

        Item {
            id: mapArea
            Layout.fillWidth: !root.wide
            Layout.fillHeight: root.wide
            Layout.preferredWidth: root.wide ? Math.min(root.height, root.width * 0.55) : root.width
            Layout.preferredHeight: root.wide ? root.height : Math.min(root.width * 0.9, root.height * 0.55)

            readonly property real side: Math.min(width, height)

            Item {
                id: canvas
                width: mapArea.side
                height: mapArea.side
                anchors.centerIn: parent

                Repeater {
                    model: root.spaces

                    Item {
                        id: area
                        required property var modelData
                        required property int index
                        readonly property var points: root.outlineOf(modelData, index)
                        readonly property point center: root.centroid(points)
                        readonly property bool selected: modelData.id === root.selectedId
                        anchors.fill: parent

                        Shape {
                            id: shape
                            anchors.fill: parent
                            containsMode: Shape.FillContains
                            layer.enabled: true
                            layer.samples: 4

                            ShapePath {
                                fillColor: area.selected ? Theme.primary
                                         : area.modelData.region === root.spaces[0].region ? Theme.primarySoft : Theme.surfaceMuted
                                strokeColor: Theme.surface
                                strokeWidth: 4
                                joinStyle: ShapePath.RoundJoin
                                PathPolyline {
                                    path: {
                                        const out = []
                                        for (let i = 0; i <= area.points.length; ++i) {
                                            const p = area.points[i % area.points.length]
                                            out.push(Qt.point(p.x * canvas.width, p.y * canvas.height))
                                        }
                                        return out
                                    }
                                }
                            }
                            TapHandler { onTapped: root.spaceChosen(area.modelData.id) }
                        }

                        ColumnLayout {
                            x: area.center.x * canvas.width - width / 2
                            y: area.center.y * canvas.height - height / 2
                            width: canvas.width * 0.4
                            spacing: 2

                            Label {
                                Layout.fillWidth: true
                                text: area.modelData.name.replace("/", "/\u200B")
                                horizontalAlignment: Text.AlignHCenter
                                wrapMode: Text.Wrap
                                color: area.selected ? Theme.textOnPrimary : Theme.textPrimary
                                font.pixelSize: Theme.fontSmall + 1
                                font.weight: Font.DemiBold
                            }
                            Label {
                                Layout.fillWidth: true
                                text: root.offersText(area.modelData.offers)
                                horizontalAlignment: Text.AlignHCenter
                                color: area.selected ? Theme.textOnPrimaryMuted : Theme.textSecondary
                                font.pixelSize: Theme.fontCaption
                            }
                            Rectangle {
                                Layout.alignment: Qt.AlignHCenter
                                visible: root.showMissing && area.modelData.missing > 0
                                implicitWidth: missingLabel.implicitWidth + 2 * Theme.spacingS
                                implicitHeight: missingLabel.implicitHeight + Theme.spacingXs
                                radius: height / 2
                                color: Theme.warningSoft
                                Label {
                                    id: missingLabel
                                    anchors.centerIn: parent
                                    text: qsTr("%1× fehlt").arg(area.modelData.missing)
                                    color: Theme.warning
                                    font.pixelSize: Theme.fontCaption
                                    font.weight: Font.Medium
                                }
                            }
                        }
                    }
                }
            }
        }

        // The legend: one touch target per space, with what families miss there most.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacingS

            Repeater {
                model: root.spaces

                ItemDelegate {
                    id: entry
                    required property var modelData
                    Layout.fillWidth: true
                    implicitHeight: Math.max(Theme.touchTarget + Theme.spacingM, legendColumn.implicitHeight + 2 * Theme.spacingS)
                    leftPadding: Theme.spacingM
                    rightPadding: Theme.spacingM
                    highlighted: modelData.id === root.selectedId
                    Accessible.name: root.showMissing && modelData.missing > 0
                                     ? qsTr("%1, Region %2: %3, %4-mal als fehlend genannt: %5").arg(modelData.name).arg(modelData.region)
                                           .arg(root.offersText(modelData.offers)).arg(modelData.missing).arg(root.missingSummary(modelData))
                                     : qsTr("%1, Region %2: %3").arg(modelData.name).arg(modelData.region).arg(root.offersText(modelData.offers))
                    onClicked: root.spaceChosen(modelData.id)

                    background: Rectangle {
                        radius: Theme.radiusSmall
                        color: entry.highlighted ? Theme.primarySoft : Theme.surface
                        border.color: entry.highlighted ? Theme.primary : Theme.outline
                    }

                    contentItem: ColumnLayout {
                        id: legendColumn
                        spacing: 2
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                text: entry.modelData.name
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.Medium
                                elide: Text.ElideRight
                            }
                            Label {
                                text: qsTr("Region %1 · %2").arg(entry.modelData.region).arg(root.offersText(entry.modelData.offers))
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: root.showMissing
                            text: entry.modelData.missing > 0
                                  ? qsTr("Fehlt laut Familien: %1").arg(root.missingSummary(entry.modelData))
                                  : qsTr("Noch keine Rückmeldung, dass etwas fehlt")
                            color: entry.modelData.missing > 0 ? Theme.warning : Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
