// Asked before a form with changes is left without saving (the offer editor's ✕ and Escape):
// "Weiter bearbeiten" keeps the form as it is and has the focus, so a second Escape or an Enter
// never drops what was typed; only "Verwerfen" does.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Dialog {
    id: root
    objectName: "discardDialog"

    signal discarded()
    // "Verwerfen" was chosen: `discarded` follows once the dialog has closed, so the page that
    // leaves on it (and takes this dialog with it) is never destroyed mid exit transition.
    property bool discarding: false
    onClosed: {
        if (discarding) {
            discarding = false
            discarded()
        }
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingM : 480, 480)
    modal: true
    focus: true
    padding: Theme.spacingL
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Änderungen verwerfen?")
    // The default answer shows its focus ring, touch or keys: it is what Enter will do.
    onOpened: keep.forceActiveFocus(Qt.TabFocusReason)

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
    }

    header: Label {
        text: root.title
        padding: Theme.spacingL
        bottomPadding: 0
        color: Theme.textPrimary
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    contentItem: Label {
        text: qsTr("Was Sie in diesem Formular geändert haben, wird nicht gespeichert.")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WordWrap
    }

    footer: RowLayout {
        spacing: Theme.spacingS
        Item { Layout.fillWidth: true }
        ActionButton {
            objectName: "discardConfirm"
            Layout.bottomMargin: Theme.spacingM
            filled: false
            text: qsTr("Verwerfen")
            Accessible.name: qsTr("Änderungen verwerfen, nichts speichern")
            onClicked: { root.discarding = true; root.close() }
        }
        ActionButton {
            id: keep
            objectName: "discardKeep"
            Layout.rightMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingM
            text: qsTr("Weiter bearbeiten")
            Accessible.name: text
            onClicked: root.close()
        }
    }
}
