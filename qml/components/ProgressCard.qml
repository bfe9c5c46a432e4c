// Verlaufsberichte: the reports on the case's goals and Aufträge, newest first — who wrote them
// (and for which free provider), the period, per goal the scale then and what happened and what
// the family did itself. "Verlaufsbericht schreiben" opens ProgressReportDialog.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

SectionCard {
    id: root

    signal writeRequested()

    title: qsTr("Verlaufsberichte")
    hint: CaseProgress.reports.count === 0 ? qsTr("Noch kein Verlaufsbericht. Die Familienhilfe des freien Trägers berichtet hier "
                                                  + "zu den Zielen und Aufträgen des Falls; die Berichte fließen in die "
                                                  + "Überprüfung des Hilfeplans.") : ""
    actionText: qsTr("Verlaufsbericht schreiben")
    actionName: "writeProgress"
    onActionTriggered: root.writeRequested()

    Repeater {
        model: CaseProgress.reports

        Rectangle {
            id: report
            required property string writtenOn
            required property string author
            required property string provider
            required property string period
            required property string summary
            required property var entries
            required property int index

            objectName: "progressReport_" + index
            Layout.fillWidth: true
            implicitHeight: column.implicitHeight + 2 * Theme.spacingM
            radius: Theme.radiusSmall
            color: Theme.background
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("Verlaufsbericht vom %1 von %2").arg(writtenOn).arg(author)

            ColumnLayout {
                id: column
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacingM
                spacing: Theme.spacingS

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Verlaufsbericht vom %1").arg(report.writtenOn)
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.Medium
                }
                Label {
                    Layout.fillWidth: true
                    text: [report.author, report.provider, report.period.length > 0 ? qsTr("Zeitraum %1").arg(report.period) : ""]
                          .filter(s => s.length > 0).join(" · ")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    model: report.entries
                    ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: (modelData.kind === "goal" ? qsTr("Ziel: %1") : qsTr("Auftrag: %1")).arg(modelData.title)
                                  + (modelData.scaleNow >= 0 ? qsTr(" · jetzt %1 von 10").arg(modelData.scaleNow)
                                     + (modelData.scaleTarget >= 0 ? qsTr(" (Ziel %1)").arg(modelData.scaleTarget) : "") : "")
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSmall + 1
                            font.weight: Font.Medium
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: modelData.happened.length > 0
                            text: qsTr("Was geschah: %1").arg(modelData.happened)
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: modelData.familyDid.length > 0
                            text: qsTr("Was die Familie selbst getan hat: %1").arg(modelData.familyDid)
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: report.summary.length > 0
                    text: report.summary
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
