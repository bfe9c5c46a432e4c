// Familie: the case's members with their roles; tapping one edits it, "Person hinzufügen" adds one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

SectionCard {
    id: root

    signal formRequested(var spec, string recordId, var initial)

    function memberForm() {
        return {
            title: qsTr("Person"),
            recordType: "member",
            removeText: qsTr("Aus dem Fall entfernen"),
            fields: [
                { key: "given_name", label: qsTr("Vorname") },
                { key: "family_name", label: qsTr("Nachname") },
                { key: "role", label: qsTr("Rolle in der Familie"), kind: "choice", choices: CaseDetail.choices("member_role") },
                { key: "birth_date", label: qsTr("Geburtsdatum"), kind: "date" },
                { key: "languages", label: qsTr("Sprachen"), placeholder: qsTr("z. B. Türkisch, Deutsch") },
                { key: "household", label: qsTr("Lebt im Haushalt"), kind: "switch" }
            ]
        }
    }

    title: qsTr("Familie")
    hint: CaseMembers.members.count === 0 ? qsTr("Noch keine Personen erfasst.") : ""
    actionText: qsTr("Person hinzufügen")
    onActionTriggered: root.formRequested(memberForm(), "", { role: "child", household: true })

    Repeater {
        model: CaseMembers.members

        EntryDelegate {
            required property string recordId
            required property string name
            required property string roleLabel
            required property string role
            required property string birthDate
            required property string languages
            required property bool household
            required property bool conflicted
            required property var values
            title: name
            subtitle: roleLabel + (birthDate.length > 0 ? qsTr(" · geb. %1").arg(birthDate) : "")
            detail: [languages.length > 0 ? qsTr("Sprachen: %1").arg(languages) : "",
                     household ? "" : qsTr("lebt nicht im Haushalt")].filter(s => s.length > 0).join(" · ")
            flagged: conflicted
            onClicked: root.formRequested(root.memberForm(), recordId, values)
        }
    }
}
