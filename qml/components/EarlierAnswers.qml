// What the family said at earlier visits (or on the case page), in a home visit: read-only, each
// with its date, apart from what is said today. Hidden when there is nothing earlier.
// Stateless: `entries` is [{date, text, detail}] from the Visit controller's earlier* lists.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root
    property string title
    property var entries: []
    visible: entries.length > 0
    spacing: Theme.spacingXs

    Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        text: root.title
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Repeater {
        model: root.entries
        ColumnLayout {
            id: entry
            required property var modelData
            Layout.fillWidth: true
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: entry.modelData.date.length > 0 ? qsTr("%1 · %2").arg(entry.modelData.date).arg(entry.modelData.text)
                                                     : entry.modelData.text
                color: Theme.textSecondary
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                visible: (entry.modelData.detail || "").length > 0
                text: entry.modelData.detail || ""
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.italic: true
                wrapMode: Text.WordWrap
            }
        }
    }
}
