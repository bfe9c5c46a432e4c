// A modal form over the page: a title, the form (whatever is declared inside, in a scrolling
// column), "Abbrechen" and one primary button. ConsentDialog, DisclosureDialog,
// ProgressReportDialog and the consent's withdrawal use it; the owner decides what the primary
// button does (primaryClicked) and whether it may (primaryEnabled).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Dialog {
    id: root

    property string primaryText: qsTr("Speichern")
    property string primaryName      // objectName of the primary button (tests find it by it)
    property bool primaryEnabled: true
    property int maxWidth: 720
    default property alias form: formColumn.data

    signal primaryClicked()

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingM : 640, maxWidth)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.spacingM : 900)
    modal: true
    focus: true
    padding: Theme.spacingL
    closePolicy: Popup.CloseOnEscape

    background: Rectangle { radius: Theme.radius; color: Theme.surface }

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

    contentItem: ScrollView {
        id: scroll
        implicitHeight: formColumn.implicitHeight
        contentWidth: availableWidth
        clip: true
        Accessible.role: Accessible.Dialog
        Accessible.name: root.title

        ColumnLayout {
            id: formColumn
            width: scroll.availableWidth
            spacing: Theme.spacingM
        }
    }

    footer: RowLayout {
        spacing: Theme.spacingS
        Item { Layout.fillWidth: true }
        ActionButton {
            Layout.bottomMargin: Theme.spacingM
            filled: false
            text: qsTr("Abbrechen")
            Accessible.name: text
            onClicked: root.close()
        }
        ActionButton {
            objectName: root.primaryName
            Layout.rightMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingM
            enabled: root.primaryEnabled
            text: root.primaryText
            Accessible.name: text
            onClicked: root.primaryClicked()
        }
    }
}
