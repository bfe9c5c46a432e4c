// Home visit, step 3 "Was fehlt Ihnen?": what the family misses, by area, and what keeps it from
// using offers (barriers). State: only the area chosen for the next entry (`category`), reset after
// it is recorded; everything recorded lives in the Visit controller, and what the add form holds
// before "Festhalten" is held there too (Visit.hold: a crash or a lock loses none of it).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: missingStep
    spacing: Theme.spacingM
    property string category: Visit.held["missing.category"] || ""
    property string lastAdded: ""  // what "Festhalten" just recorded, said below the button
    onCategoryChanged: Visit.hold("missing.category", category)

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

            LabelledField {
                id: wantedField
                objectName: "missingWanted"
                Layout.fillWidth: true
                label: qsTr("Was fehlt oder wird gewünscht?")
                placeholderText: qsTr("z. B. Betreuung am Nachmittag")
                onAccepted: addButton.clicked()
                Component.onCompleted: text = Visit.held["missing.wanted"] || ""
                onTextChanged: {
                    Visit.hold("missing.wanted", text)
                    if (text.length > 0)
                        missingStep.lastAdded = ""
                }
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
                        objectName: "missingCategory_" + modelData.id
                        text: modelData.label
                        chosen: missingStep.category === modelData.id
                        Accessible.name: qsTr("Kategorie: %1").arg(modelData.label)
                        onClicked: missingStep.category = modelData.id
                    }
                }
            }
            ActionButton {
                id: addButton
                objectName: "missingAdd"
                Layout.alignment: Qt.AlignRight
                iconName: "add"
                text: qsTr("Festhalten")
                Accessible.name: qsTr("Fehlendes Angebot festhalten")
                enabled: wantedField.text.trim().length > 0 && missingStep.category.length > 0
                onClicked: {
                    const wanted = wantedField.text.trim()
                    if (Visit.addMissing(missingStep.category, wanted).length > 0) {
                        wantedField.clear()
                        missingStep.category = ""
                        missingStep.lastAdded = wanted
                    }
                }
            }
            InlineMessage {
                objectName: "missingAdded"
                Layout.fillWidth: true
                isError: false
                text: missingStep.lastAdded.length > 0
                      ? qsTr("Festgehalten: „%1“. Es steht unten in der Liste; dort können Sie festhalten, was die "
                           + "Familie davon abhält.").arg(missingStep.lastAdded) : ""
            }
            Paragraph {
                objectName: "missingNeedsArea"
                visible: wantedField.text.trim().length > 0 && missingStep.category.length === 0
                font.pixelSize: Theme.fontSmall
                text: qsTr("Wählen Sie eine Kategorie, dann können Sie es festhalten.")
            }
        }
    }

    Repeater {
        model: Visit.missing

        Rectangle {
            id: missingCard
            required property var modelData
            required property int index
            Layout.fillWidth: true
            implicitHeight: missingColumn.implicitHeight + 2 * Theme.spacingM
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.outline
            Accessible.role: Accessible.Grouping
            Accessible.name: modelData.wanted

            ColumnLayout {
                id: missingColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacingM
                spacing: Theme.spacingS

                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: missingCard.modelData.categoryLabel
                        color: Theme.primary
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.DemiBold
                    }
                    ToolButton {
                        FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                        Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                        Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                        objectName: "missingRemove_" + missingCard.index
                        Layout.preferredWidth: Theme.touchTarget
                        Layout.preferredHeight: Theme.touchTarget
                        Accessible.name: qsTr("„%1“ entfernen").arg(missingCard.modelData.wanted)
                        onClicked: Visit.removeAnswer(missingCard.modelData.id)
                        contentItem: Item {
                            Icon { anchors.centerIn: parent; name: "close"; color: Theme.textSecondary; size: 20 }
                        }
                    }
                }
                VerbatimEditor {
                    objectName: "missingText_" + missingCard.index
                    Layout.fillWidth: true
                    minimumLines: 1
                    label: qsTr("Was fehlt")
                    initialText: missingCard.modelData.wanted
                    onEdited: text => Visit.editText(missingCard.modelData.id, "wanted", text)
                    onCommitted: Visit.flush()
                }
                Label {
                    text: qsTr("Was hält die Familie davon ab?")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.Medium
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Repeater {
                        model: Visit.barrierOptions
                        ChoiceChip {
                            required property var modelData
                            objectName: "barrier_" + missingCard.index + "_" + modelData.id
                            text: modelData.label
                            chosen: missingCard.modelData.barriers.indexOf(modelData.id) >= 0
                            Accessible.name: qsTr("Hürde %1").arg(modelData.label)
                            onClicked: Visit.toggleBarrier(missingCard.modelData.id, modelData.id)
                        }
                    }
                }
            }
        }
    }

    EarlierAnswers {
        Layout.fillWidth: true
        title: qsTr("Früher genannt")
        entries: Visit.earlierMissing.map(m => ({ date: m.date, text: m.categoryLabel + ": " + m.wanted,
                                                 detail: m.how }))
    }
}
