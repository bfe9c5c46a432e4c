// A filter chip of the offer map: tapped, it toggles (no options) or opens a menu of options ({id, label}); it
// shows the chosen option and is tinted while a choice is active. "Alle" clears it. Space, Enter
// and Return do what a tap does; keyboard focus shows the focus ring (FocusRing.qml).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Button {
    id: root

    property string label            // the filter's name: "Kategorie"
    property var options: []         // [{id, label}]; empty: a toggle
    property string currentId        // the chosen option's id, "" for none
    property bool active: currentId.length > 0

    signal chosen(string id)         // "" clears

    readonly property string currentLabel: {
        for (let i = 0; i < options.length; ++i)
            if (options[i].id === currentId)
                return options[i].label
        return ""
    }

    implicitHeight: Theme.touchTarget
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    font.pixelSize: Theme.fontSmall + 1
    font.weight: Font.Medium
    font.capitalization: Font.MixedCase
    checkable: false
    Accessible.role: options.length > 0 ? Accessible.ButtonMenu : Accessible.CheckBox
    Accessible.checkable: options.length === 0
    Accessible.checked: active
    Accessible.name: currentLabel.length > 0 ? qsTr("%1: %2").arg(label).arg(currentLabel) : label

    Keys.onReturnPressed: event => { root.clicked(); event.accepted = true }
    Keys.onEnterPressed: event => { root.clicked(); event.accepted = true }

    onClicked: {
        if (options.length === 0)
            root.chosen(root.active ? "" : "on")
        else
            menu.open()
    }

    background: Rectangle {
        radius: height / 2
        color: root.active ? Theme.primarySoft : (root.down ? Theme.surfaceMuted : Theme.surface)
        border.color: root.active ? Theme.primary : Theme.outline

        FocusRing {
            shown: root.visualFocus
            radius: height / 2
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacingXs
        Label {
            text: root.currentLabel.length > 0 ? root.currentLabel : root.label
            color: root.active ? Theme.primary : Theme.textPrimary
            font: root.font
            elide: Text.ElideRight
            Layout.maximumWidth: 240
        }
        Icon {
            visible: root.options.length > 0
            name: "chevron"
            rotation: 90
            size: 18
            color: root.active ? Theme.primary : Theme.textSecondary
        }
    }

    Menu {
        id: menu
        y: root.height

        MenuItem {
            text: qsTr("Alle")
            height: Theme.touchTarget
            Accessible.name: qsTr("%1: alle").arg(root.label)
            onTriggered: root.chosen("")
        }
        Instantiator {
            model: root.options
            delegate: MenuItem {
                required property var modelData
                text: modelData.label
                height: Theme.touchTarget
                checkable: true
                checked: modelData.id === root.currentId
                Accessible.name: modelData.label
                onTriggered: root.chosen(modelData.id)
            }
            onObjectAdded: (index, object) => menu.insertItem(index + 1, object)
            onObjectRemoved: (index, object) => menu.removeItem(object)
        }
    }
}
