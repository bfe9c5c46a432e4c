// One published table of a report (ReportController's report.sections[].tables[]): rows × columns
// with the row totals ("Summe") and the column totals, every entry as shown ("12", "<5", "x").
// Wider than the card: it scrolls sideways, the row labels stay readable.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property var table: ({})
    readonly property var columns: (table.columns || []).concat([qsTr("Summe")])
    readonly property int labelWidth: Math.min(300, Math.max(150, width * 0.34))
    // The value columns share the rest of the width, at least 64 and at most 150 px each.
    readonly property int cellWidth: Math.max(64, Math.min(150, Math.floor((width - labelWidth) / Math.max(1, columns.length))))
    readonly property int rowHeight: 34

    spacing: Theme.spacingS

    Label {
        Layout.fillWidth: true
        text: root.table.title || ""
        color: Theme.textPrimary
        font.pixelSize: Theme.fontLarge
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Flickable {
        id: flick
        Layout.fillWidth: true
        implicitHeight: grid.implicitHeight + (hbar.visible ? hbar.height : 0)
        contentWidth: grid.implicitWidth
        contentHeight: grid.implicitHeight
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.horizontal: ScrollBar { id: hbar; policy: flick.contentWidth > flick.width ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff }

        Column {
            id: grid

            // The header: the corner ("Angebotskategorie / Altersgruppe") and the columns.
            Row {
                Label {
                    width: root.labelWidth
                    height: root.rowHeight + 8
                    text: root.table.corner || ""
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                    verticalAlignment: Text.AlignBottom
                    elide: Text.ElideRight
                }
                Repeater {
                    model: root.columns
                    Label {
                        required property string modelData
                        width: root.cellWidth
                        height: root.rowHeight + 8
                        text: modelData
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.Medium
                        horizontalAlignment: Text.AlignRight
                        verticalAlignment: Text.AlignBottom
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        rightPadding: Theme.spacingS
                    }
                }
            }
            Rectangle { width: grid.width; height: 1; color: Theme.textSecondary }

            Repeater {
                model: (root.table.rows || []).concat([{ label: qsTr("Summe"), cells: root.table.totals || [], total: root.table.total || "", totals: true }])
                Rectangle {
                    id: row
                    required property var modelData
                    required property int index
                    width: cells.implicitWidth
                    height: root.rowHeight
                    color: modelData.totals ? Theme.surfaceMuted : index % 2 === 1 ? "#F7F9F8" : "transparent"
                    Accessible.role: Accessible.Row
                    Accessible.name: modelData.label + ": " + modelData.cells.join(", ") + ", " + qsTr("Summe") + " " + modelData.total

                    Row {
                        id: cells
                        Label {
                            width: root.labelWidth
                            height: root.rowHeight
                            leftPadding: Theme.spacingS
                            text: row.modelData.label
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSmall
                            font.weight: row.modelData.totals ? Font.DemiBold : Font.Normal
                            verticalAlignment: Text.AlignVCenter
                            elide: Text.ElideRight
                        }
                        Repeater {
                            model: row.modelData.cells.concat([row.modelData.total])
                            Label {
                                required property string modelData
                                required property int index
                                width: root.cellWidth
                                height: root.rowHeight
                                rightPadding: Theme.spacingS
                                text: modelData
                                // A suppressed entry is set apart: it is not a zero.
                                color: modelData === "x" || modelData.startsWith("<") ? Theme.textSecondary : Theme.textPrimary
                                font.pixelSize: Theme.fontSmall
                                font.weight: row.modelData.totals || index === row.modelData.cells.length ? Font.DemiBold : Font.Normal
                                horizontalAlignment: Text.AlignRight
                                verticalAlignment: Text.AlignVCenter
                            }
                        }
                    }
                }
            }
        }
    }
}
