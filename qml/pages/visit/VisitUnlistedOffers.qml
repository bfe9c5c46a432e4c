// Home visit, step 2, below the offer map's offers: an offer the family knows, uses or used that
// is not on the offer map (name, category, where, the family's answer). Recorded as a
// service_feedback with the offer's name instead of a service (docs/domain.md), counted by its
// category in the Bedarfsbericht, and a proposal for the map; its name and place never enter a
// report. What the add form holds before "Festhalten" is held by the Visit controller
// ("unlisted.*", Visit.hold): a crash or a lock loses none of it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: unlistedStep
    spacing: Theme.spacingM
    property string category: Visit.held["unlisted.category"] || ""
    property string answer: Visit.held["unlisted.status"] || ""
    property string lastAdded: ""  // what "Festhalten" just recorded, said below the button
    onCategoryChanged: Visit.hold("unlisted.category", category)
    onAnswerChanged: Visit.hold("unlisted.status", answer)

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: addColumn.implicitHeight + 2 * Theme.spacingM
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.outline

        ColumnLayout {
            id: addColumn
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacingM
            spacing: Theme.spacingS

            Label {
                Layout.fillWidth: true
                text: qsTr("Ein Angebot, das nicht in der Liste steht?")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontBody + 1
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
            }
            LabelledField {
                id: nameField
                objectName: "unlistedName"
                Layout.fillWidth: true
                label: qsTr("Name des Angebots")
                placeholderText: qsTr("z. B. Krabbelgruppe der Moschee-Gemeinde")
                Component.onCompleted: text = Visit.held["unlisted.name"] || ""
                onTextChanged: {
                    Visit.hold("unlisted.name", text)
                    if (text.length > 0)
                        unlistedStep.lastAdded = ""
                }
            }
            LabelledField {
                id: placeField
                objectName: "unlistedPlace"
                Layout.fillWidth: true
                label: qsTr("Wo? (Ort oder Träger, wenn bekannt)")
                placeholderText: qsTr("z. B. Gemeindehaus am Markt")
                Component.onCompleted: text = Visit.held["unlisted.place"] || ""
                onTextChanged: Visit.hold("unlisted.place", text)
            }
            Label {
                text: qsTr("Kategorie")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.Medium
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Repeater {
                    model: Visit.categories
                    ChoiceChip {
                        required property var modelData
                        objectName: "unlistedCategory_" + modelData.id
                        text: modelData.label
                        chosen: unlistedStep.category === modelData.id
                        Accessible.name: qsTr("Kategorie: %1").arg(modelData.label)
                        onClicked: unlistedStep.category = modelData.id
                    }
                }
            }
            Label {
                text: qsTr("Die Familie …")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.Medium
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Repeater {
                    model: [
                        { id: "known", label: qsTr("kennt es") },
                        { id: "used", label: qsTr("nutzt es") },
                        { id: "used_before", label: qsTr("hat es früher genutzt") }
                    ]
                    ChoiceChip {
                        required property var modelData
                        objectName: "unlistedStatus_" + modelData.id
                        text: modelData.label
                        chosen: unlistedStep.answer === modelData.id
                        onClicked: unlistedStep.answer = modelData.id
                    }
                }
            }
            ActionButton {
                id: addButton
                objectName: "unlistedAdd"
                Layout.alignment: Qt.AlignRight
                iconName: "add"
                text: qsTr("Festhalten")
                Accessible.name: qsTr("Angebot, das nicht in der Liste steht, festhalten")
                enabled: nameField.text.trim().length > 0 && unlistedStep.category.length > 0 && unlistedStep.answer.length > 0
                onClicked: {
                    const name = nameField.text.trim()
                    if (Visit.addUnlistedOffer(name, unlistedStep.category, placeField.text, unlistedStep.answer).length > 0) {
                        nameField.clear()
                        placeField.clear()
                        unlistedStep.category = ""
                        unlistedStep.answer = ""
                        unlistedStep.lastAdded = name
                    }
                }
            }
            InlineMessage {
                objectName: "unlistedAdded"
                Layout.fillWidth: true
                isError: false
                text: unlistedStep.lastAdded.length > 0
                      ? qsTr("Festgehalten: „%1“. Es steht unten in der Liste.").arg(unlistedStep.lastAdded) : ""
            }
            Paragraph {
                objectName: "unlistedNeeds"
                visible: nameField.text.trim().length > 0 && !addButton.enabled
                font.pixelSize: Theme.fontSmall
                text: qsTr("Wählen Sie eine Kategorie und ob die Familie das Angebot kennt oder nutzt, dann können Sie es festhalten.")
            }
        }
    }

    Repeater {
        model: Visit.unlisted

        Rectangle {
            id: unlistedCard
            required property var modelData
            required property int index
            Layout.fillWidth: true
            implicitHeight: cardRow.implicitHeight + 2 * Theme.spacingM
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.primary
            Accessible.role: Accessible.Grouping
            Accessible.name: modelData.name

            RowLayout {
                id: cardRow
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacingM
                spacing: Theme.spacingS

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingXs
                    Label {
                        Layout.fillWidth: true
                        text: unlistedCard.modelData.name
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontBody + 1
                        font.weight: Font.Medium
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: [unlistedCard.modelData.categoryLabel, unlistedCard.modelData.place,
                               unlistedCard.modelData.statusLabel, qsTr("nicht auf der Karte")].filter(s => s.length > 0).join(" · ")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                }
                ToolButton {
                    FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                    Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                    Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                    objectName: "unlistedRemove_" + unlistedCard.index
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                    Accessible.name: qsTr("„%1“ entfernen").arg(unlistedCard.modelData.name)
                    onClicked: Visit.removeAnswer(unlistedCard.modelData.id)
                    contentItem: Item {
                        Icon { anchors.centerIn: parent; name: "close"; color: Theme.textSecondary; size: 20 }
                    }
                }
            }
        }
    }

    EarlierAnswers {
        Layout.fillWidth: true
        title: qsTr("Früher genannt, nicht auf der Karte")
        entries: Visit.earlierUnlisted.map(u => ({ date: u.date, text: u.name + " (" + u.statusLabel + ")",
                                                  detail: [u.categoryLabel, u.place].filter(s => s.length > 0).join(" · ") }))
    }
}
