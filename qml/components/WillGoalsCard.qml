// Wille & Ziele: what family members want, verbatim and attributed (a will names the person's own
// contribution; without it, it is shown as a Wunsch), and the goals with scales and steps.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    signal formRequested(var spec, string recordId, var initial)

    function willForm() {
        return {
            title: qsTr("Wille oder Wunsch"),
            recordType: "will_statement",
            removeText: qsTr("Entfernen"),
            fields: [
                { key: "person_id", label: qsTr("Wer sagt das?"), kind: "choice", choices: CaseMembers.memberChoices() },
                { key: "text", label: qsTr("Wortlaut (O-Ton)"), kind: "multiline",
                  hint: qsTr("So, wie die Person es gesagt hat.") },
                { key: "own_contribution", label: qsTr("Was tue ich selbst dafür?"), kind: "multiline",
                  hint: qsTr("Ohne eigenen Beitrag bleibt es ein Wunsch.") },
                { key: "recorded_on", label: qsTr("Festgehalten am"), kind: "date" }
            ]
        }
    }
    function goalForm() {
        return {
            title: qsTr("Ziel"),
            recordType: "goal",
            removeText: qsTr("Ziel entfernen"),
            fields: [
                { key: "text", label: qsTr("Ziel in den Worten der Familie"), kind: "multiline" },
                { key: "level", label: qsTr("Ebene"), kind: "choice", choices: CaseDetail.choices("goal_level") },
                { key: "parent_goal_id", label: qsTr("Gehört zum Richtungsziel (nur Handlungsziele)"), kind: "choice",
                  choices: [{ value: "", label: qsTr("keine Angabe") }].concat(CaseGoals.directionGoalChoices()) },
                { key: "will_statement_id", label: qsTr("Beruht auf dem Willen"), kind: "choice",
                  choices: [{ value: "", label: qsTr("keine Angabe") }].concat(CaseGoals.willChoices()) },
                { key: "scale_now", label: qsTr("Skala jetzt (0–10)") },
                { key: "scale_target", label: qsTr("Skala Ziel (0–10)") },
                { key: "status", label: qsTr("Stand"), kind: "choice", choices: CaseDetail.choices("goal_status") },
                { key: "set_on", label: qsTr("Vereinbart am"), kind: "date" },
                { key: "review_on", label: qsTr("Überprüfen am"), kind: "date" }
            ]
        }
    }
    function stepForm() {
        return {
            title: qsTr("Handlungsschritt"),
            recordType: "action_step",
            removeText: qsTr("Schritt entfernen"),
            fields: [
                { key: "what", label: qsTr("Was"), kind: "multiline" },
                { key: "who", label: qsTr("Wer") },
                { key: "by_when", label: qsTr("Bis wann"), kind: "date" },
                { key: "status", label: qsTr("Stand"), kind: "choice", choices: CaseDetail.choices("step_status") },
                { key: "done_on", label: qsTr("Erledigt am"), kind: "date" }
            ]
        }
    }

    spacing: Theme.spacingM

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("Wille")
        hint: CaseGoals.wills.count === 0 ? qsTr("Noch nichts festgehalten. Was will die Familie erreichen – in ihren Worten?")
                                           : qsTr("Im Wortlaut. Ohne eigenen Beitrag ist es (noch) ein Wunsch.")
        actionText: qsTr("Festhalten")
        onActionTriggered: root.formRequested(root.willForm(), "", { recorded_on: CaseDetail.today })

        Repeater {
            model: CaseGoals.wills

            EntryDelegate {
                required property string recordId
                required property string personName
                required property string content
                required property string ownContribution
                required property bool isWill
                required property string recordedOn
                required property var values
                required property bool conflicted
                title: "„" + content + "“"
                subtitle: isWill ? qsTr("Eigener Beitrag: %1").arg(ownContribution) : qsTr("Noch kein eigener Beitrag genannt")
                detail: qsTr("%1 · %2").arg(personName.length > 0 ? personName : qsTr("(Person unbekannt)")).arg(recordedOn)
                chip: isWill ? qsTr("Wille") : qsTr("Wunsch")
                chipColor: isWill ? Theme.success : Theme.warning
                chipBackground: isWill ? Theme.successSoft : Theme.warningSoft
                flagged: conflicted
                onClicked: root.formRequested(root.willForm(), recordId, values)
            }
        }
    }

    SectionCard {
        Layout.fillWidth: true
        title: qsTr("Ziele")
        hint: CaseGoals.goals.count === 0 ? qsTr("Noch keine Ziele vereinbart.")
                                           : qsTr("Tippen Sie auf einen Wert, um die Skala zu setzen.")
        actionText: qsTr("Ziel hinzufügen")
        onActionTriggered: root.formRequested(root.goalForm(), "", { level: "direction", status: "open", scale_now: 0,
                                                                     scale_target: 10, set_on: CaseDetail.today })

        Repeater {
            model: CaseGoals.goals

            GoalDelegate {
                onEditRequested: root.formRequested(root.goalForm(), recordId, values)
                onStepRequested: (stepId, initial) => root.formRequested(root.stepForm(), stepId, initial)
            }
        }
    }
}
