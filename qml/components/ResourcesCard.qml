// Ressourcen: the family's strengths in four areas (personal, social, material, social space),
// two columns when there is room.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

SectionCard {
    id: root

    property bool wide: width >= 640

    signal formRequested(var spec, string recordId, var initial)

    function resourceForm() {
        return {
            title: qsTr("Ressource"),
            recordType: "resource",
            removeText: qsTr("Entfernen"),
            fields: [
                { key: "area", label: qsTr("Bereich"), kind: "choice", choices: CaseDetail.choices("resource_area") },
                { key: "text", label: qsTr("Was trägt?"), kind: "multiline" },
                { key: "person_id", label: qsTr("Wessen Ressource?"), kind: "choice",
                  choices: [{ value: "", label: qsTr("die ganze Familie") }].concat(CaseMembers.memberChoices()) }
            ]
        }
    }

    title: qsTr("Ressourcen")
    hint: qsTr("Was die Familie stark macht – in vier Bereichen.")

    GridLayout {
        Layout.fillWidth: true
        columns: root.wide ? 2 : 1
        columnSpacing: Theme.spacingM
        rowSpacing: Theme.spacingM

        Repeater {
            model: CaseDetail.choices("resource_area")

            Rectangle {
                id: areaBox
                required property var modelData
                readonly property string areaId: modelData.value
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                implicitHeight: areaColumn.implicitHeight + 2 * Theme.spacingM
                radius: Theme.radiusSmall
                color: Theme.background

                ColumnLayout {
                    id: areaColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacingM
                    spacing: Theme.spacingXs

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: areaBox.modelData.label
                            color: Theme.primary
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        ToolButton {
                            FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                            Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                            Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                            Layout.preferredWidth: Theme.touchTarget
                            Layout.preferredHeight: Theme.touchTarget
                            Accessible.name: qsTr("Ressource hinzufügen: %1").arg(areaBox.modelData.label)
                            onClicked: root.formRequested(root.resourceForm(), "", { area: areaBox.areaId, person_id: "" })
                            contentItem: Item {
                                Icon { anchors.centerIn: parent; name: "add"; color: Theme.primary; size: 22 }
                            }
                        }
                    }

                    Repeater {
                        model: CaseNetwork.resources

                        // Every resource is a delegate of every area; only the area's own are shown.
                        ItemDelegate {
                            id: entry
                            required property string recordId
                            required property string area
                            required property string content
                            required property string personName
                            required property var values
                            visible: area === areaBox.areaId
                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touchTarget
                            padding: Theme.spacingXs
                            Accessible.name: content
                            onClicked: root.formRequested(root.resourceForm(), recordId, values)
                            background: Rectangle {
                                radius: Theme.radiusSmall
                                color: entry.down ? Theme.surfaceMuted : "transparent"
                            }
                            contentItem: Label {
                                text: "• " + entry.content + (entry.personName.length > 0 ? " (" + entry.personName + ")" : "")
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontSmall + 1
                                wrapMode: Text.WordWrap
                                verticalAlignment: Text.AlignVCenter
                            }
                        }
                    }
                }
            }
        }
    }
}
