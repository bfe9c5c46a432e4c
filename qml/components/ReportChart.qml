// One chart of a report (ReportController's charts[]), drawn with Qt Charts: horizontal bars per
// category, one bar set per social space. Only published values have a bar; a suppressed value
// ("<5", "x") has none, and the chart's note says so. Categories read from the top down.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Quartier.Ui

ColumnLayout {
    id: root

    property var chart: ({})
    readonly property var categories: (chart.categories || []).slice().reverse()
    readonly property var series: chart.series || []
    readonly property color textColor: Theme.textPrimary
    readonly property var colours: ["#1F5C68", "#D9762B", "#3A8F5B", "#8E5EA2", "#B84545", "#4F8FA8", "#8A7A3D", "#6B6B6B"]

    spacing: Theme.spacingXs

    Label {
        Layout.fillWidth: true
        text: root.chart.title || ""
        color: Theme.textPrimary
        font.pixelSize: Theme.fontLarge
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Label {
        Layout.fillWidth: true
        text: (root.chart.valueLabel || "") + " · " + (root.chart.note || "")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption
        wrapMode: Text.WordWrap
    }

    ChartView {
        id: view
        objectName: "reportChart_" + (root.chart.key || "")
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(220, root.categories.length * Math.max(1, root.series.length) * 11 + 120)
        antialiasing: true
        backgroundColor: "transparent"
        plotAreaColor: "transparent"
        legend.visible: root.series.length > 1
        legend.alignment: Qt.AlignBottom
        legend.font.pixelSize: Theme.fontCaption
        legend.labelColor: root.textColor
        margins { left: 0; right: 0; top: 0; bottom: 0 }
        Accessible.role: Accessible.Chart
        Accessible.name: root.chart.title || ""

        HorizontalBarSeries {
            id: bars
            barWidth: 0.8
            // No value labels: a suppressed value's empty bar would be labelled "0".
            labelsVisible: false
            axisY: BarCategoryAxis {
                categories: root.categories
                labelsFont.pixelSize: Theme.fontCaption
                labelsColor: root.textColor
                gridVisible: false
            }
            axisX: ValueAxis {
                min: 0
                max: Math.max(5, Math.ceil((root.chart.max || 0) * 1.15))
                labelFormat: "%d"
                labelsFont.pixelSize: Theme.fontCaption
                labelsColor: Theme.textSecondary
                gridLineColor: Theme.outline
                tickType: ValueAxis.TicksDynamic
                tickInterval: Math.max(1, Math.ceil(max / 5))
            }
        }
    }

    // The bar sets follow the chart's data (a report's charts are rebuilt whole).
    function rebuild() {
        bars.clear()
        for (let s = 0; s < root.series.length; ++s) {
            const set = bars.append(root.series[s].name, root.series[s].values.slice().reverse())
            set.color = root.colours[s % root.colours.length]
            set.borderColor = set.color
        }
    }
    onChartChanged: rebuild()
    Component.onCompleted: rebuild()
}
