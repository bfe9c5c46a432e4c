// Einordnung: the case's risk classification (its history, newest first), its mandates, and its
// requirements. The form offers requirements only while the case is in the Gefährdungsbereich;
// whether one may be saved is the domain layer's rule, whose message the dialog shows.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    signal formRequested(var spec, string recordId, var initial)

    function assessmentForm() {
        return {
            title: qsTr("Falleinordnung"),
            recordType: "risk_assessment",
            removeText: "",
            fields: [
                { key: "area", label: qsTr("Bereich"), kind: "choice", choices: CaseDetail.choices("risk_area") },
                { key: "reasons", label: qsTr("Gründe"), kind: "multiline",
                  hint: qsTr("Im Grau- und Gefährdungsbereich: die Sorge des Amtes, konkret benannt.") },
                { key: "assessed_on", label: qsTr("Eingeordnet am"), kind: "date" },
                { key: "assessed_by", label: qsTr("Eingeordnet von") }
            ]
        }
    }
    function mandateForm() {
        return {
            title: qsTr("Auftrag"),
            recordType: "mandate",
            removeText: qsTr("Entfernen"),
            fields: [
                { key: "kind", label: qsTr("Art"), kind: "choice", choices: CaseDetail.choices("mandate_kind") },
                { key: "text", label: qsTr("Auftrag"), kind: "multiline" },
                { key: "given_by", label: qsTr("Erteilt von") },
                { key: "given_to", label: qsTr("Erteilt an") },
                { key: "due_on", label: qsTr("Fällig am"), kind: "date" },
                { key: "status", label: qsTr("Stand"), kind: "choice", choices: CaseDetail.choices("mandate_status") }
            ]
        }
    }
    function requirementForm() {
        return {
            title: qsTr("Auflage"),
            recordType: "requirement",
            removeText: "",
            fields: [
                { key: "reason", label: qsTr("Anlass"), kind: "multiline" },
                { key: "minimum_standard", label: qsTr("Nicht verhandelbares Minimum"), kind: "multiline" },
                { key: "negotiable_way", label: qsTr("Verhandelbarer Weg dorthin"), kind: "multiline" },
                { key: "deadline", label: qsTr("Frist"), kind: "date" },
                { key: "checked_by", label: qsTr("Wer überprüft?") },
                { key: "check_method", label: qsTr("Wie wird überprüft?") },
                { key: "consequence", label: qsTr("Angekündigte Konsequenz"), kind: "multiline" },
                { key: "status", label: qsTr("Stand"), kind: "choice", choices: CaseDetail.choices("requirement_status") }
            ]
        }
    }

    spacing: Theme.spacingM

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("Falleinordnung")
        hint: CaseClassification.assessments.count === 0 ? qsTr("Noch nicht eingeordnet.") : ""
        actionText: qsTr("Neu einordnen")
        onActionTriggered: root.formRequested(root.assessmentForm(), "", {
            area: CaseClassification.risk.area.length > 0 ? CaseClassification.risk.area : "service",
            assessed_on: CaseDetail.today, assessed_by: CaseDetail.workerName })

        Repeater {
            model: CaseClassification.assessments

            EntryDelegate {
                required property string area
                required property string areaLabel
                required property string assessedOn
                required property string assessedBy
                required property string reasons
                required property bool current
                title: areaLabel
                subtitle: reasons
                detail: qsTr("%1 · %2").arg(assessedOn).arg(assessedBy)
                chip: current ? qsTr("aktuell") : ""
                chipColor: area === "danger" ? Theme.error : area === "grey" ? Theme.warning : Theme.success
                chipBackground: area === "danger" ? Theme.errorSoft : area === "grey" ? Theme.warningSoft : Theme.successSoft
            }
        }
    }

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("Aufträge")
        hint: CaseClassification.mandates.count === 0 ? qsTr("Noch keine Aufträge.") : ""
        actionText: qsTr("Auftrag hinzufügen")
        onActionTriggered: root.formRequested(root.mandateForm(), "", { kind: "family", status: "open" })

        Repeater {
            model: CaseClassification.mandates

            EntryDelegate {
                required property string recordId
                required property string kindLabel
                required property string content
                required property string givenBy
                required property string givenTo
                required property string dueOn
                required property string status
                required property string statusLabel
                required property var values
                title: content
                subtitle: kindLabel
                detail: qsTr("Von: %1 · An: %2").arg(givenBy).arg(givenTo) + (dueOn.length > 0 ? qsTr(" · fällig %1").arg(dueOn) : "")
                chip: statusLabel
                chipColor: status === "open" ? Theme.primary : Theme.textSecondary
                chipBackground: status === "open" ? Theme.primarySoft : Theme.surfaceMuted
                onClicked: root.formRequested(root.mandateForm(), recordId, values)
            }
        }
    }

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("Auflagen")
        hint: CaseClassification.risk.danger ? qsTr("Verbindliche Auflagen im Gefährdungsbereich: Minimum, Frist, Überprüfung, Konsequenz.")
                                    : qsTr("Auflagen gibt es nur im Gefährdungsbereich.")
        actionText: CaseClassification.risk.danger ? qsTr("Auflage hinzufügen") : ""
        onActionTriggered: root.formRequested(root.requirementForm(), "", { status: "open" })

        Repeater {
            model: CaseClassification.requirements

            EntryDelegate {
                required property string recordId
                required property string reason
                required property string minimumStandard
                required property string negotiableWay
                required property string deadline
                required property string checkedBy
                required property string checkMethod
                required property string consequence
                required property string status
                required property string statusLabel
                required property string liftedOn
                required property var values
                title: minimumStandard
                subtitle: qsTr("Anlass: %1").arg(reason) + (negotiableWay.length > 0 ? "\n" + qsTr("Weg: %1").arg(negotiableWay) : "")
                detail: qsTr("Frist %1 · prüft %2 (%3) · Konsequenz: %4").arg(deadline).arg(checkedBy).arg(checkMethod).arg(consequence)
                        + (liftedOn.length > 0 ? qsTr(" · aufgehoben am %1").arg(liftedOn) : "")
                chip: statusLabel
                chipColor: status === "open" ? Theme.error : Theme.textSecondary
                chipBackground: status === "open" ? Theme.errorSoft : Theme.surfaceMuted
                onClicked: root.formRequested(root.requirementForm(), recordId, values)
            }
        }
    }
}
