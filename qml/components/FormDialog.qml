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
    // A message kept in view above the buttons however far the form is scrolled (why the primary
    // button is off, what the last attempt did); `noticeIsError` colours it.
    property string notice
    property bool noticeIsError: true
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

    footer: ColumnLayout {
        spacing: Theme.spacingS
        InlineMessage {
            objectName: root.primaryName + "Notice"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            isError: root.noticeIsError
            text: root.notice
        }
        RowLayout {
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
}
