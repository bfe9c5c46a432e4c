// Home visit, step 5 "Wille, Ressourcen, Vermerk": the family's will (a statement with its own
// contribution; without one it stays a wish), their resources, and the worker's note (case file or
// entrusted under § 65 SGB VIII, docs/consent.md). State: the person and resource area chosen for
// the next entry; everything recorded lives in the Visit controller, and what the add forms hold
// before "festhalten" is held there too (Visit.hold: a crash or a lock loses none of it).
// Earlier statements and resources are shown apart, read-only, with their date.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: willStep
    spacing: Theme.spacingL
    property string personId: Visit.held["will.person"] || (Visit.members.length > 0 ? Visit.members[0].personId : "")
    property string area: Visit.held["resource.area"] || ""
    onAreaChanged: Visit.hold("resource.area", area)

    SettingsCard {
        Layout.fillWidth: true
        title: qsTr("Wille")
        iconName: "people"

        Repeater {
            model: Visit.wills
            ColumnLayout {
                id: willItem
                required property var modelData
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: willItem.modelData.isWill ? willItem.modelData.personName
                                                    : qsTr("%1 · noch ein Wunsch").arg(willItem.modelData.personName)
                    color: willItem.modelData.isWill ? Theme.textSecondary : Theme.warning
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.Medium
                }
                Label {
                    Layout.fillWidth: true
                    text: "„" + willItem.modelData.text + "“"
                    color: Theme.textPrimary
                    wrapMode: Text.WordWrap
                }
                Label {
                    Layout.fillWidth: true
                    visible: willItem.modelData.ownContribution.length > 0
                    text: qsTr("Eigener Beitrag: %1").arg(willItem.modelData.ownContribution)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Repeater {
                model: Visit.members
                ChoiceChip {
                    required property var modelData
                    required property int index
                    objectName: "willPerson_" + index
                    text: modelData.name
                    chosen: willStep.personId === modelData.personId
                    Accessible.name: qsTr("Wille von %1").arg(modelData.name)
                    onClicked: {
                        willStep.personId = modelData.personId
                        Visit.hold("will.person", modelData.personId)
                    }
                }
            }
        }
        VerbatimEditor {
            id: willText
            objectName: "willText"
            Layout.fillWidth: true
            minimumLines: 2
            label: qsTr("Was will die Person? (O-Ton)")
            placeholderText: qsTr("„Ich will …“")
            initialText: Visit.held["will.text"] || ""
            onEdited: text => Visit.hold("will.text", text)
        }
        VerbatimEditor {
            id: willOwn
            objectName: "willOwn"
            Layout.fillWidth: true
            minimumLines: 2
            label: qsTr("Was tut sie selbst dafür?")
            placeholderText: qsTr("Ohne eigenen Beitrag bleibt es ein Wunsch.")
            initialText: Visit.held["will.own"] || ""
            onEdited: text => Visit.hold("will.own", text)
        }
        ActionButton {
            objectName: "willAdd"
            Layout.alignment: Qt.AlignRight
            iconName: "add"
            text: qsTr("Willen festhalten")
            enabled: willText.text.trim().length > 0 && willStep.personId.length > 0
            onClicked: {
                if (Visit.addWill(willStep.personId, willText.text, willOwn.text).length > 0) {
                    willText.text = ""
                    willOwn.text = ""
                }
            }
        }
        EarlierAnswers {
            Layout.fillWidth: true
            title: qsTr("Früher gesagt")
            entries: Visit.earlierWills.map(w => ({ date: w.date, text: w.personName + ": „" + w.text + "“",
                                                   detail: w.ownContribution.length > 0 ? qsTr("Eigener Beitrag: %1").arg(w.ownContribution) : "" }))
        }
    }

    SettingsCard {
        Layout.fillWidth: true
        title: qsTr("Ressourcen")
        iconName: "shield"

        Repeater {
            model: Visit.resources
            Label {
                required property var modelData
                Layout.fillWidth: true
                text: qsTr("%1: %2").arg(modelData.areaLabel).arg(modelData.text)
                color: Theme.textPrimary
                wrapMode: Text.WordWrap
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Repeater {
                model: Visit.resourceAreas
                ChoiceChip {
                    required property var modelData
                    objectName: "resourceArea_" + modelData.id
                    text: modelData.label
                    chosen: willStep.area === modelData.id
                    Accessible.name: qsTr("Bereich: %1").arg(modelData.label)
                    onClicked: willStep.area = modelData.id
                }
            }
        }
        LabelledField {
            id: resourceText
            objectName: "resourceText"
            Layout.fillWidth: true
            label: qsTr("Was hilft der Familie?")
            placeholderText: qsTr("z. B. Oma wohnt nebenan")
            onAccepted: resourceAdd.clicked()
            Component.onCompleted: text = Visit.held["resource.text"] || ""
            onTextChanged: Visit.hold("resource.text", text)
        }
        ActionButton {
            id: resourceAdd
            objectName: "resourceAdd"
            Layout.alignment: Qt.AlignRight
            iconName: "add"
            text: qsTr("Ressource festhalten")
            enabled: resourceText.text.trim().length > 0 && willStep.area.length > 0
            onClicked: {
                if (Visit.addResource(willStep.area, resourceText.text).length > 0) {
                    resourceText.clear()
                    willStep.area = ""
                }
            }
        }
        Paragraph {
            objectName: "resourceNeedsArea"
            visible: resourceText.text.trim().length > 0 && willStep.area.length === 0
            font.pixelSize: Theme.fontSmall
            text: qsTr("Wählen Sie oben einen Bereich, dann können Sie die Ressource festhalten.")
        }
        EarlierAnswers {
            Layout.fillWidth: true
            title: qsTr("Schon bekannt")
            entries: Visit.earlierResources.map(r => ({ date: "", text: r.areaLabel + ": " + r.text, detail: "" }))
        }
    }

    SettingsCard {
        Layout.fillWidth: true
        title: qsTr("Vermerk")
        iconName: "lock"

        EntrustedBadge {
            objectName: "visitEntrustedBadge"
            visible: Visit.noteEntrusted
        }
        VerbatimEditor {
            objectName: "noteEditor"
            Layout.fillWidth: true
            minimumLines: 5
            placeholderText: qsTr("Was Sie festhalten möchten …")
            initialText: Visit.noteText
            onEdited: text => Visit.editNote(text)
            onCommitted: Visit.flush()
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM
            Switch {
                id: entrusted
                objectName: "noteEntrusted"
                checked: Visit.noteEntrusted
                enabled: !Visit.noteScopeFixed
                Accessible.name: qsTr("Anvertraut (§ 65 SGB VIII) – nur für Sie lesbar")
                onToggled: Visit.setNoteEntrusted(checked)
                Keys.onReturnPressed: event => { entrusted.toggle(); entrusted.toggled(); event.accepted = true }
                Keys.onEnterPressed: event => { entrusted.toggle(); entrusted.toggled(); event.accepted = true }

                FocusRing {
                    shown: entrusted.visualFocus
                    radius: Theme.radiusSmall
                }
            }
            Paragraph {
                font.pixelSize: Theme.fontSmall
                text: Visit.noteEntrusted
                      ? qsTr("Anvertraut (§ 65 SGB VIII): nur für Sie lesbar, bis Sie es mit Rechtsgrundlage weitergeben.")
                      : qsTr("Im Fall: lesbar für alle, mit denen der Fall geteilt ist (z. B. Vertretung, "
                           + "Familienhilfe des Trägers).")
            }
        }
        Paragraph {
            visible: Visit.noteScopeFixed
            font.pixelSize: Theme.fontSmall
            text: qsTr("Ob der Vermerk anvertraut oder im Fall steht, lässt sich nach dem ersten Speichern nicht mehr "
                     + "ändern. Anvertrautes geben Sie nur mit Rechtsgrundlage weiter (Einwilligung oder Befugnis "
                     + "nach § 65 SGB VIII).")
        }
    }
}
