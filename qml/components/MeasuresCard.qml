// Hilfen: the measures under SGB VIII with paragraph, start and end.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

SectionCard {
    id: root

    signal formRequested(var spec, string recordId, var initial)

    function measureForm() {
        return {
            title: qsTr("Hilfe"),
            recordType: "measure",
            removeText: qsTr("Entfernen"),
            fields: [
                { key: "paragraph", label: qsTr("Paragraf (SGB VIII)"), kind: "choice", choices: CaseDetail.choices("paragraph") },
                { key: "title", label: qsTr("Bezeichnung"), placeholder: qsTr("z. B. Sozialpädagogische Familienhilfe") },
                { key: "start", label: qsTr("Beginn"), kind: "date" },
                { key: "end", label: qsTr("Ende"), kind: "date", hint: qsTr("Leer lassen, solange die Hilfe läuft.") }
            ]
        }
    }

    title: qsTr("Hilfen")
    hint: CaseClassification.measures.count === 0 ? qsTr("Noch keine Hilfen.") : ""
    actionText: qsTr("Hilfe hinzufügen")
    onActionTriggered: root.formRequested(measureForm(), "", { start: CaseDetail.today })

    Repeater {
        model: CaseClassification.measures

        EntryDelegate {
            required property string recordId
            required property string paragraphLabel
            required property string measureTitle
            required property string start
            required property string end
            required property bool running
            required property var values
            title: measureTitle.length > 0 ? measureTitle : paragraphLabel
            subtitle: paragraphLabel
            detail: end.length > 0 ? qsTr("%1 bis %2").arg(start).arg(end) : qsTr("seit %1").arg(start)
            chip: running ? qsTr("läuft") : qsTr("beendet")
            chipColor: running ? Theme.success : Theme.textSecondary
            chipBackground: running ? Theme.successSoft : Theme.surfaceMuted
            onClicked: root.formRequested(root.measureForm(), recordId, values)
        }
    }
}
