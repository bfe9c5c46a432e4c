// The content of a Kollegiale Beratung's card (docs/team.md): the question to the team, will and
// goals, resources, the network by role — as the team scope holds it, pseudonymised by the
// caseworker's device. Read-only; `card` is Consultation.card or Consultation.preview(). `scale`
// enlarges the type for a projector.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property var card: ({})
    property real scale: 1

    spacing: Theme.spacingM * root.scale

    component Heading: Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS * root.scale
        color: Theme.textPrimary
        font.pixelSize: Theme.fontLarge * root.scale
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    component Line: Label {
        Layout.fillWidth: true
        color: Theme.textPrimary
        font.pixelSize: Theme.fontBody * root.scale
        wrapMode: Text.WordWrap
    }
    component Aside: Label {
        Layout.fillWidth: true
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall * root.scale
        wrapMode: Text.WordWrap
    }

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: question.implicitHeight + 2 * Theme.spacingM * root.scale
        radius: Theme.radius
        color: Theme.primarySoft
        Label {
            id: question
            objectName: "consultQuestion"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.margins: Theme.spacingM * root.scale
            text: root.card.question || ""
            color: Theme.primaryDark
            font.pixelSize: Theme.fontTitle * root.scale
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Accessible.name: qsTr("Frage an das Team: %1").arg(text)
        }
    }

    Heading { text: qsTr("Wille und Ziele") }
    Aside { visible: (root.card.wills || []).length + (root.card.goals || []).length === 0; text: qsTr("Noch nichts festgehalten.") }
    Repeater {
        model: root.card.wills || []
        ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 2
            Line { text: "„" + modelData.text + "“" }
            Aside {
                text: modelData.will ? qsTr("%1 · Wille · selbst: %2").arg(modelData.role).arg(modelData.ownContribution)
                                     : qsTr("%1 · Wunsch").arg(modelData.role)
            }
        }
    }
    Repeater {
        model: root.card.goals || []
        ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 2
            Line { text: modelData.text }
            Aside { text: qsTr("%1 · Skala %2 von 10, Ziel %3").arg(modelData.level).arg(modelData.scaleNow).arg(modelData.scaleTarget) }
        }
    }

    Heading { text: qsTr("Ressourcen") }
    Aside { visible: (root.card.resources || []).length === 0; text: qsTr("Noch keine Ressourcen festgehalten.") }
    Repeater {
        model: root.card.resources || []
        ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 2
            Line { text: modelData.text }
            Aside { text: qsTr("%1 · %2").arg(modelData.role).arg(modelData.area) }
        }
    }

    Heading { text: (root.card.networkOf || "").length > 0 ? qsTr("Netzwerk (%1)").arg(root.card.networkOf) : qsTr("Netzwerk") }
    Aside { visible: (root.card.network || []).length === 0; text: qsTr("Keine Netzwerkkarte.") }
    Repeater {
        model: root.card.network || []
        ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 2
            Line { text: qsTr("%1 – %2").arg(modelData.label).arg(modelData.quality) }
            Aside {
                text: [qsTr("%1, Ring %2").arg(modelData.sector).arg(modelData.distance), modelData.note].filter(s => s.length > 0).join(" · ")
            }
        }
    }
}
