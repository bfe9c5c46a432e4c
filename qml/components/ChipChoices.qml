// A labelled group of ChoiceChips over [{value, label}]: one value (multi false; tapping the chosen
// one again keeps it) or any number of them (multi true). `selected` is the value, or the list of
// values; changed(selected) hands on a new one. `error` shows under the group in the error colour.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property string label
    property var choices: []
    property bool multi: false
    property var selected: multi ? [] : ""
    property string error
    property string chipPrefix  // objectName of each chip: chipPrefix + "_" + index

    signal changed(var selected)

    function isChosen(value) {
        return multi ? (selected || []).indexOf(value) >= 0 : selected === value
    }
    function toggle(value) {
        if (!multi) {
            changed(value)
            return
        }
        const list = (selected || []).slice()
        const at = list.indexOf(value)
        if (at >= 0)
            list.splice(at, 1)
        else
            list.push(value)
        changed(list)
    }

    spacing: Theme.spacingXs

    Label {
        text: root.label
        color: root.error.length > 0 ? Theme.error : Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.Medium
    }
    Flow {
        id: flow
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Repeater {
            model: root.choices
            ChoiceChip {
                required property var modelData
                required property int index
                objectName: root.chipPrefix.length > 0 ? root.chipPrefix + "_" + index : ""
                maxLabelWidth: Math.max(0, flow.width - 2 * Theme.spacingM - 18 - Theme.spacingXs)
                text: modelData.label
                chosen: root.isChosen(modelData.value)
                onClicked: root.toggle(modelData.value)
            }
        }
    }
    Label {
        Layout.fillWidth: true
        visible: root.error.length > 0
        text: root.error
        color: Theme.error
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
    }
}
