// The calm brand area beside (landscape) or above (portrait) the unlock form: mark, name, promise.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Rectangle {
    id: root

    // Portrait: a shorter panel, the mark beside the name.
    property bool compact: false

    implicitHeight: column.implicitHeight + 2 * column.anchors.margins
    color: Theme.primary
    clip: true

    // A quiet pattern of nested rounded squares: blocks of a neighbourhood.
    Repeater {
        model: 3
        Rectangle {
            required property int index
            readonly property real side: (root.compact ? 220 : 300) + index * (root.compact ? 140 : 200)
            width: side
            height: side
            radius: side / 3.5
            x: root.width - side * 0.55
            y: root.compact ? -side * 0.5 : root.height - side * 0.55
            color: "transparent"
            border.color: Qt.rgba(1, 1, 1, 0.06 - index * 0.015)
            border.width: 18
        }
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: root.compact ? Theme.spacingXl : Theme.spacingXxl
        spacing: Theme.spacingM

        GridLayout {
            columns: root.compact ? 2 : 1
            columnSpacing: Theme.spacingM + Theme.spacingXs
            rowSpacing: Theme.spacingXl

            Rectangle {
                Layout.preferredWidth: 56
                Layout.preferredHeight: 56
                radius: 16
                color: Theme.textOnPrimary

                Label {
                    anchors.centerIn: parent
                    text: "Q"
                    color: Theme.primary
                    font.pixelSize: 32
                    font.bold: true
                    Accessible.ignored: true
                }
            }

            Label {
                text: qsTr("Quartier")
                color: Theme.textOnPrimary
                font.pixelSize: Theme.fontDisplay
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("Fallarbeit im Sozialraum – nah an den Familien, sicher auf diesem Gerät.")
            color: Theme.textOnPrimaryMuted
            font.pixelSize: Theme.fontLarge
            lineHeight: 1.2
            wrapMode: Text.WordWrap
        }

        Item {
            Layout.fillHeight: true
            Layout.preferredHeight: root.compact ? Theme.spacingS : 0
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM

            Icon {
                Layout.alignment: Qt.AlignTop
                name: "shield"
                color: Theme.textOnPrimaryMuted
                size: 24
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Alle Daten werden verschlüsselt gespeichert – auf dem Gerät wie auf dem Server. Auf diesem Gerät öffnet sie nur die Passphrase; geteilte Fälle lesen auch die Kolleginnen und Kollegen, mit denen sie geteilt sind.")
                color: Theme.textOnPrimaryMuted
                font.pixelSize: Theme.fontSmall
                lineHeight: 1.2
                wrapMode: Text.WordWrap
            }
        }
    }
}
