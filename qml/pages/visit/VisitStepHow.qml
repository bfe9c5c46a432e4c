// Home visit, step 4 "Wie müsste ein Angebot sein?": for each missing or unused offer, the family's
// own words on how it would have to be, and the worker's one-tap summary of them into a category
// (the only form in which the answer reaches a report). Typed text is written by the Visit
// controller after a short pause, when the editor loses focus, and before a category is set.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    spacing: Theme.spacingM

    EmptyState {
        Layout.fillWidth: true
        visible: Visit.howItems.length === 0
        iconName: "info"
        title: qsTr("Noch nichts zu fragen")
        text: qsTr("Halten Sie unter „Was fehlt“ etwas fest oder markieren Sie ein Angebot als bekannt, früher genutzt oder unbekannt: Dann fragen Sie hier, wie es sein müsste.")
    }

    Repeater {
        model: Visit.howItems

        Rectangle {
            id: howCard
            required property var modelData
            required property int index
            Layout.fillWidth: true
            implicitHeight: howColumn.implicitHeight + 2 * Theme.spacingM
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.outline

            ColumnLayout {
                id: howColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacingM
                spacing: Theme.spacingXs

                Label {
                    Layout.fillWidth: true
                    text: howCard.modelData.title
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBody + 1
                    font.weight: Font.Medium
                    wrapMode: Text.WordWrap
                }
                Label {
                    Layout.fillWidth: true
                    text: howCard.modelData.subtitle
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
                VerbatimEditor {
                    id: howEditor
                    objectName: "how_" + howCard.index
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    label: qsTr("Wie müsste es sein? (wörtlich)")
                    placeholderText: qsTr("„…“ – in den Worten der Familie")
                    initialText: howCard.modelData.how
                    onEdited: text => Visit.editText(howCard.modelData.id, "how_it_would_have_to_be", text)
                    onCommitted: Visit.flush()
                }
                // The worker's summary of the answer: what a report counts (docs/reports.md); the
                // family's own words never leave the case. Open once there are words to summarise;
                // a second tap on the chosen chip takes the summary back.
                Label {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    text: qsTr("Worum geht es? (für die Bedarfsplanung, ohne die Worte der Familie)")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.Medium
                    wrapMode: Text.WordWrap
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    enabled: howEditor.text.trim().length > 0
                    Repeater {
                        model: Visit.howCategoryOptions
                        ChoiceChip {
                            required property var modelData
                            objectName: "howCategory_" + howCard.index + "_" + modelData.id
                            text: modelData.label
                            chosen: howCard.modelData.howCategory === modelData.id
                            Accessible.name: qsTr("Einordnung: %1").arg(modelData.label)
                            onClicked: Visit.setHowCategory(howCard.modelData.id, chosen ? "" : modelData.id)
                        }
                    }
                }
            }
        }
    }
}
