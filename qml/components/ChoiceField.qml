// A labelled choice from a short list ({id, label}), with the field's message below it. Keyboard
// focus shows the focus ring (FocusRing.qml); Space opens the list, the arrows choose.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property string label
    property var options: []
    property string currentId
    property string errorText
    property string noneLabel        // non-empty: an extra first option "" (e.g. "keine Angabe")

    signal chosen(string id)

    readonly property var entries: noneLabel.length > 0 ? [{ id: "", label: noneLabel }].concat(options) : options

    spacing: Theme.spacingXs

    Label {
        text: root.label
        color: root.errorText.length > 0 ? Theme.error : Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.Medium
    }

    DropDown {  // opens with Enter and Return too
        id: box
        objectName: root.objectName + "_box"
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget + Theme.spacingS
        topInset: 0
        bottomInset: 0
        model: root.entries
        textRole: "label"
        valueRole: "id"
        displayText: currentIndex < 0 ? qsTr("Bitte wählen") : currentText
        currentIndex: {
            for (let i = 0; i < root.entries.length; ++i)
                if (root.entries[i].id === root.currentId)
                    return i
            return -1
        }
        font.pixelSize: Theme.fontBody
        Accessible.name: root.errorText.length > 0 ? qsTr("%1, %2").arg(root.label).arg(root.errorText) : root.label
        onActivated: index => { if (index >= 0) root.chosen(root.entries[index].id) }

        background: Rectangle {
            radius: Theme.radiusSmall
            color: Theme.surface
            border.color: root.errorText.length > 0 ? Theme.error : box.activeFocus ? Theme.primary : Theme.outline
            border.width: box.activeFocus || root.errorText.length > 0 ? 2 : 1

            FocusRing {
                shown: box.visualFocus
                radius: Theme.radiusSmall + gap
            }
        }
        delegate: ItemDelegate {
            required property var modelData
            required property int index
            width: ListView.view ? ListView.view.width : implicitWidth
            height: Theme.touchTarget
            text: modelData.label
            highlighted: box.highlightedIndex === index
            Accessible.name: modelData.label
        }
    }

    Label {
        Layout.fillWidth: true
        visible: root.errorText.length > 0
        text: root.errorText
        color: Theme.error
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
    }
}
