// The home visit as a step flow: Wer ist da? → Was gibt es bei Ihnen in der Nähe? → Was fehlt
// Ihnen? → Wie müsste ein Angebot sein, damit Sie es nutzen? → Wille, Ressourcen, Vermerk →
// Abschluss. Every tap is written at once by the Visit controller; typed text after a short
// pause and when the field loses focus. The page holds no answer of its own.
// The steps are qml/pages/visit/VisitStep*.qml, the header with the step bar visit/VisitHeader.qml;
// this page sequences them. State: none of its own: the step on screen is Visit.step, kept with the
// visit so that a resumed visit opens where it was left. A finished visit is shown read-only.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "homeVisitPage"

    signal closeRequested()

    readonly property int step: Visit.step
    readonly property int stepCount: 6  // HomeVisitController::kStepCount
    readonly property bool narrow: width < 640
    readonly property int margin: width >= 1000 ? Theme.spacingXxl : Theme.spacingL
    readonly property int bodyWidth: Math.min(Theme.contentMaxWidth, width - 2 * margin)

    readonly property var stepTitles: [
        qsTr("Wer ist da?"),
        qsTr("Was gibt es bei Ihnen in der Nähe?"),
        qsTr("Was fehlt hier aus Ihrer Sicht?"),
        qsTr("Wie müsste ein Angebot sein, damit Sie es nutzen würden?"),
        qsTr("Wille, Ressourcen, Vermerk"),
        qsTr("Abschluss")
    ]
    readonly property var stepShort: [
        qsTr("Anwesend"), qsTr("Angebote"), qsTr("Was fehlt"), qsTr("Wie müsste es sein"), qsTr("Wille · Vermerk"), qsTr("Abschluss")
    ]
    readonly property var stepHints: [
        qsTr("Tippen Sie an, wer beim Besuch dabei ist, und geben Sie an, ob das Kind gesehen wurde."),
        qsTr("Angebote im Sozialraum %1. Fragen Sie nach jedem: bekannt, genutzt, früher genutzt oder unbekannt?").arg(Visit.socialSpace),
        qsTr("Was vermisst die Familie in ihrer Umgebung, und was hält sie davon ab, Angebote zu nutzen?"),
        qsTr("Schreiben Sie die Antworten wörtlich auf, in den Worten der Familie."),
        qsTr("Was will die Familie selbst erreichen, was tut sie dafür, was hilft ihr? Dazu Ihr Vermerk."),
        qsTr("Prüfen Sie, ob alles Nötige erfasst ist, und schließen Sie den Besuch ab.")
    ]

    function goTo(index) {
        Visit.step = Math.max(0, Math.min(page.stepCount - 1, index))  // writes what was typed, and the step
        if (page.step === page.stepCount - 1)
            Visit.checkFinal()
        flick.contentY = 0
    }
    function leave() {
        Visit.close()
        page.closeRequested()
    }
    // Escape and the back key (Main.qml's StackView.back()) leave the way the header's arrow does,
    // so what was typed is written first.
    function back() { page.leave() }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Hausbesuch %1").arg(Visit.caseName)

    background: Rectangle { color: Theme.background }

    header: VisitHeader {
        step: page.step
        stepCount: page.stepCount
        stepTitles: page.stepTitles
        stepShort: page.stepShort
        narrow: page.narrow
        bodyWidth: page.bodyWidth
        onStepRequested: index => page.goTo(index)
        onCloseRequested: page.leave()
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        objectName: "visitFlick"
        contentHeight: body.implicitHeight + 2 * Theme.spacingL
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("Im Schritt blättern") }

        ColumnLayout {
            id: body
            width: page.bodyWidth
            x: (flick.width - width) / 2
            y: Theme.spacingL
            spacing: Theme.spacingM

            Label {
                objectName: "stepTitle"
                Layout.fillWidth: true
                text: page.stepTitles[page.step]
                color: Theme.textPrimary
                font.pixelSize: Theme.fontHeadline
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Paragraph {
                text: page.stepHints[page.step]
            }
            InlineMessage {
                objectName: "visitError"
                Layout.fillWidth: true
                text: Visit.errorMessage
            }

            InlineMessage {
                objectName: "visitReadOnly"
                Layout.fillWidth: true
                isError: false
                text: Visit.state === HomeVisitController.Finalised && page.step < page.stepCount - 1
                      ? qsTr("Dieser Besuch ist abgeschlossen. Sie sehen, was erfasst wurde; ändern lässt es sich nicht mehr.") : ""
            }

            Loader {
                id: stepLoader
                Layout.fillWidth: true
                // A finished visit takes nothing (HomeVisitController invariant 7); its last step
                // keeps its way back to the cases.
                enabled: Visit.editable || page.step === page.stepCount - 1
                sourceComponent: [stepWho, stepOffers, stepMissing, stepHow, stepWill, stepFinish][page.step]
            }
        }
    }

    footer: Rectangle {
        implicitHeight: Theme.touchTarget + 2 * Theme.spacingM + 1
        color: Theme.surface
        visible: Visit.state === HomeVisitController.Open

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: 1
            color: Theme.outline
        }

        RowLayout {
            width: page.bodyWidth
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacingM

            ActionButton {
                objectName: "visitBack"
                filled: false
                iconName: "back"
                text: qsTr("Zurück")
                enabled: page.step > 0
                onClicked: page.goTo(page.step - 1)
            }
            Item { Layout.fillWidth: true }
            ActionButton {
                objectName: "visitNext"
                visible: page.step < page.stepCount - 1
                text: qsTr("Weiter: %1").arg(page.stepShort[Math.min(page.step + 1, page.stepCount - 1)])
                Accessible.name: qsTr("Weiter zu Schritt %1").arg(page.step + 2)
                onClicked: page.goTo(page.step + 1)
            }
        }
    }

    Component { id: stepWho; VisitStepWho {} }
    Component { id: stepOffers; VisitStepOffers {} }
    Component { id: stepMissing; VisitStepMissing {} }
    Component { id: stepHow; VisitStepHow {} }
    Component { id: stepWill; VisitStepWill {} }
    Component {
        id: stepFinish
        VisitStepFinish {
            narrow: page.narrow
            onLeaveRequested: page.leave()
        }
    }
}
