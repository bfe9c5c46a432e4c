// The home visit as a step flow: Wer ist da? → Was gibt es bei Ihnen in der Nähe? → Was fehlt
// Ihnen? → Wie müsste ein Angebot sein, damit Sie es nutzen? → Wille, Ressourcen, Vermerk →
// Abschluss. Every tap is written at once by the Visit controller; typed text after a short
// pause and when the field loses focus. The page holds no answer of its own.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "homeVisitPage"

    signal closeRequested()

    property int step: 0
    readonly property int stepCount: 6
    readonly property bool narrow: width < 640
    readonly property int margin: width >= 1000 ? Theme.spacingXxl : Theme.spacingL
    readonly property int bodyWidth: Math.min(Theme.contentMaxWidth, width - 2 * margin)

    readonly property var stepTitles: [
        qsTr("Wer ist da?"),
        qsTr("Was gibt es bei Ihnen in der Nähe?"),
        qsTr("Was fehlt Ihnen?"),
        qsTr("Wie müsste ein Angebot sein, damit Sie es nutzen?"),
        qsTr("Wille, Ressourcen, Vermerk"),
        qsTr("Abschluss")
    ]
    readonly property var stepShort: [
        qsTr("Anwesend"), qsTr("Angebote"), qsTr("Was fehlt"), qsTr("Wie müsste es sein"), qsTr("Wille · Vermerk"), qsTr("Abschluss")
    ]
    readonly property var stepHints: [
        qsTr("Tippen Sie an, wer beim Besuch dabei ist, und ob das Kind gesehen wurde."),
        qsTr("Angebote im Sozialraum %1. Fragen Sie nach jedem: bekannt, genutzt, früher genutzt oder unbekannt?").arg(Visit.socialSpace),
        qsTr("Was vermisst die Familie in ihrer Umgebung, und was hält sie ab?"),
        qsTr("Schreiben Sie die Antworten wörtlich auf, in den Worten der Familie."),
        qsTr("Was will die Familie selbst erreichen, was tut sie dafür, was hilft ihr? Dazu Ihr Vermerk."),
        qsTr("Prüfen Sie, ob alles Nötige erfasst ist, und schließen Sie den Besuch ab.")
    ]

    function goTo(index) {
        Visit.flush()  // a step change is a focus change: write what was typed
        page.step = Math.max(0, Math.min(page.stepCount - 1, index))
        if (page.step === page.stepCount - 1)
            Visit.checkFinal()
        flick.contentY = 0
    }
    function leave() {
        Visit.close()
        page.closeRequested()
    }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Hausbesuch %1").arg(Visit.caseName)

    background: Rectangle { color: Theme.background }

    header: Rectangle {
        implicitHeight: headerColumn.implicitHeight + Theme.spacingM
        color: Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.outline
        }

        ColumnLayout {
            id: headerColumn
            width: page.bodyWidth
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.top: parent.top
            anchors.topMargin: Theme.spacingS
            spacing: Theme.spacingS

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS

                ToolButton {
                    objectName: "visitClose"
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.leftMargin: -Theme.spacingS
                    Accessible.name: qsTr("Besuch unterbrechen, zurück zu den Fällen")
                    ToolTip.visible: hovered
                    ToolTip.text: Accessible.name
                    onClicked: page.leave()

                    contentItem: Item {
                        Icon {
                            anchors.centerIn: parent
                            name: "back"
                            color: Theme.primary
                            size: 24
                        }
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Hausbesuch · %1").arg(Visit.caseName)
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        Layout.fillWidth: true
                        text: Visit.state === HomeVisitController.Finalised
                              ? qsTr("Begonnen %1 · abgeschlossen").arg(Visit.startedAt)
                              : Visit.resumed ? qsTr("Begonnen %1 · Entwurf fortgesetzt").arg(Visit.startedAt)
                              : qsTr("Begonnen %1 · Entwurf").arg(Visit.startedAt)
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }

                // Where the answers are: saving while typing, else saved.
                Rectangle {
                    objectName: "saveState"
                    Layout.preferredHeight: 32
                    Layout.preferredWidth: saveRow.implicitWidth + 2 * Theme.spacingM
                    radius: 16
                    color: Visit.savePending ? Theme.primarySoft : Theme.successSoft
                    Accessible.role: Accessible.StaticText
                    Accessible.name: saveLabel.text

                    RowLayout {
                        id: saveRow
                        anchors.centerIn: parent
                        spacing: Theme.spacingXs
                        Icon {
                            name: Visit.savePending ? "sync" : "check"
                            color: saveLabel.color
                            size: 16
                        }
                        Label {
                            id: saveLabel
                            text: Visit.savePending ? qsTr("Speichert …") : qsTr("Gespeichert")
                            color: Visit.savePending ? Theme.primary : Theme.success
                            font.pixelSize: Theme.fontCaption
                            font.weight: Font.Medium
                        }
                    }
                }

                ActionButton {
                    filled: false
                    iconName: "lock"
                    text: page.narrow ? "" : qsTr("Sperren")
                    Accessible.name: qsTr("Sperren")
                    onClicked: Session.lock()
                }
            }

            // The steps: where we are, and a way to jump.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingXs

                Repeater {
                    model: page.stepCount

                    AbstractButton {
                        id: stepButton
                        required property int index
                        objectName: "visitStep_" + index
                        Layout.fillWidth: true
                        Layout.preferredWidth: 10
                        implicitHeight: Theme.touchTarget
                        Accessible.role: Accessible.PageTab
                        Accessible.name: qsTr("Schritt %1 von %2: %3").arg(index + 1).arg(page.stepCount).arg(page.stepTitles[index])
                        Accessible.selected: page.step === index
                        onClicked: page.goTo(index)

                        background: Item {}
                        contentItem: ColumnLayout {
                            spacing: 4
                            Rectangle {
                                Layout.fillWidth: true
                                Layout.preferredHeight: 4
                                radius: 2
                                color: stepButton.index <= page.step ? Theme.primary : Theme.outline
                            }
                            Label {
                                Layout.fillWidth: true
                                text: page.narrow && stepButton.index !== page.step
                                      ? String(stepButton.index + 1)
                                      : (stepButton.index + 1) + " " + page.stepShort[stepButton.index]
                                color: stepButton.index === page.step ? Theme.primary : Theme.textSecondary
                                font.pixelSize: Theme.fontCaption
                                font.weight: stepButton.index === page.step ? Font.DemiBold : Font.Normal
                                elide: Text.ElideRight
                                horizontalAlignment: Text.AlignHCenter
                            }
                        }
                    }
                }
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        objectName: "visitFlick"
        contentHeight: body.implicitHeight + 2 * Theme.spacingL
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("Schritt blättern") }

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

            Loader {
                id: stepLoader
                Layout.fillWidth: true
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

    // ---- 1: Wer ist da? --------------------------------------------------------------------
    Component {
        id: stepWho

        ColumnLayout {
            spacing: Theme.spacingM

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: memberColumn.implicitHeight + 2
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.outline

                ColumnLayout {
                    id: memberColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: 1
                    spacing: 0

                    Repeater {
                        model: Visit.members

                        ItemDelegate {
                            id: memberRow
                            required property var modelData
                            required property int index
                            objectName: "member_" + index
                            Layout.fillWidth: true
                            implicitHeight: 64
                            leftPadding: Theme.spacingL
                            rightPadding: Theme.spacingL
                            Accessible.role: Accessible.CheckBox
                            Accessible.checkable: true
                            Accessible.checked: modelData.present
                            Accessible.name: qsTr("%1, %2: %3").arg(modelData.name).arg(modelData.roleLabel)
                                             .arg(modelData.present ? qsTr("anwesend") : qsTr("nicht anwesend"))
                            onClicked: Visit.setPresent(modelData.personId, !modelData.present)

                            background: Rectangle { color: memberRow.down ? Theme.surfaceMuted : "transparent" }
                            contentItem: RowLayout {
                                spacing: Theme.spacingM
                                Rectangle {
                                    Layout.preferredWidth: 28
                                    Layout.preferredHeight: 28
                                    radius: 6
                                    color: memberRow.modelData.present ? Theme.primary : Theme.surface
                                    border.color: memberRow.modelData.present ? Theme.primary : Theme.textSecondary
                                    border.width: 2
                                    Icon {
                                        anchors.centerIn: parent
                                        visible: memberRow.modelData.present
                                        name: "check"
                                        color: Theme.textOnPrimary
                                        size: 20
                                    }
                                }
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 0
                                    Label {
                                        Layout.fillWidth: true
                                        text: memberRow.modelData.name
                                        color: Theme.textPrimary
                                        font.pixelSize: Theme.fontBody + 1
                                        elide: Text.ElideRight
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        text: memberRow.modelData.roleLabel
                                        color: Theme.textSecondary
                                        font.pixelSize: Theme.fontSmall
                                    }
                                }
                            }
                        }
                    }
                }
            }

            EmptyState {
                Layout.fillWidth: true
                visible: Visit.members.length === 0
                iconName: "people"
                title: qsTr("Noch keine Familienmitglieder")
                text: qsTr("Im Fall sind noch keine Personen erfasst. Legen Sie sie in der Fallakte an.")
            }

            Label {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingS
                text: qsTr("Wurde das Kind gesehen?")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontLarge
                font.weight: Font.Medium
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Repeater {
                    model: [
                        { id: "yes", label: qsTr("Ja") },
                        { id: "no", label: qsTr("Nein") },
                        { id: "not_applicable", label: qsTr("Entfällt") }
                    ]
                    ChoiceChip {
                        required property var modelData
                        objectName: "childSeen_" + modelData.id
                        text: modelData.label
                        chosen: Visit.childSeen === modelData.id
                        Accessible.name: qsTr("Kind gesehen: %1").arg(modelData.label)
                        onClicked: Visit.setChildSeen(modelData.id)
                    }
                }
            }
        }
    }

    // ---- 2: Was gibt es bei Ihnen in der Nähe? ------------------------------------------------
    Component {
        id: stepOffers

        ColumnLayout {
            spacing: Theme.spacingM

            EmptyState {
                Layout.fillWidth: true
                visible: Visit.offersInSpace === 0
                iconName: "search"
                title: qsTr("Keine Angebote erfasst")
                text: qsTr("Für den Sozialraum %1 sind auf diesem Gerät noch keine Angebote gespeichert. Was der Familie fehlt, können Sie im nächsten Schritt festhalten.").arg(Visit.socialSpace)
            }

            // The offer map's own search: name, provider, place or category, as you type.
            SearchField {
                id: offerSearch
                objectName: "offerSearch"
                Layout.fillWidth: true
                visible: Visit.offersInSpace > 0
                placeholderText: qsTr("Angebot suchen: Name, Ort oder Art")
                text: Visit.offerSearch
                onTextChanged: Visit.offerSearch = text
            }

            EmptyState {
                Layout.fillWidth: true
                visible: Visit.offersInSpace > 0 && Visit.offers.count === 0
                iconName: "search"
                title: qsTr("Kein Angebot gefunden")
                text: qsTr("Kein Angebot in %1 passt zu „%2“. Was der Familie fehlt, können Sie im nächsten Schritt festhalten.").arg(Visit.socialSpace).arg(Visit.offerSearch)
            }

            Repeater {
                model: Visit.offers

                Rectangle {
                    id: offerCard
                    required property int index
                    required property string serviceId
                    required property string name
                    required property string categoryLabel
                    required property string place
                    required property string times
                    required property string status
                    Layout.fillWidth: true
                    implicitHeight: offerColumn.implicitHeight + 2 * Theme.spacingM
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: offerCard.status.length > 0 ? Theme.primary : Theme.outline
                    Accessible.role: Accessible.Grouping
                    Accessible.name: name

                    ColumnLayout {
                        id: offerColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingM
                        spacing: Theme.spacingS

                        Label {
                            Layout.fillWidth: true
                            text: offerCard.name
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontBody + 1
                            font.weight: Font.Medium
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: [offerCard.categoryLabel, offerCard.place, offerCard.times].filter(s => s.length > 0).join(" · ")
                            visible: text.length > 0
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Repeater {
                                model: [
                                    { id: "known", label: qsTr("bekannt") },
                                    { id: "used", label: qsTr("genutzt") },
                                    { id: "used_before", label: qsTr("früher genutzt") },
                                    { id: "unknown", label: qsTr("unbekannt") }
                                ]
                                ChoiceChip {
                                    required property var modelData
                                    objectName: "offer_" + offerCard.index + "_" + modelData.id
                                    text: modelData.label
                                    chosen: offerCard.status === modelData.id
                                    Accessible.name: qsTr("%1: %2").arg(offerCard.name).arg(modelData.label)
                                    // Tapping the chosen answer again takes it back.
                                    onClicked: Visit.setOfferStatus(offerCard.serviceId, chosen ? "" : modelData.id)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- 3: Was fehlt Ihnen? --------------------------------------------------------------------
    Component {
        id: stepMissing

        ColumnLayout {
            id: missingStep
            spacing: Theme.spacingM
            property string category: ""

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: addColumn.implicitHeight + 2 * Theme.spacingM
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.outline

                ColumnLayout {
                    id: addColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacingM
                    spacing: Theme.spacingS

                    LabelledField {
                        id: wantedField
                        objectName: "missingWanted"
                        Layout.fillWidth: true
                        label: qsTr("Was fehlt oder wird gewünscht?")
                        placeholderText: qsTr("z. B. Betreuung am Nachmittag")
                        onAccepted: addButton.clicked()
                    }
                    Label {
                        text: qsTr("Bereich")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.Medium
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        Repeater {
                            model: Visit.categories
                            ChoiceChip {
                                required property var modelData
                                objectName: "missingCategory_" + modelData.id
                                text: modelData.label
                                chosen: missingStep.category === modelData.id
                                Accessible.name: qsTr("Bereich: %1").arg(modelData.label)
                                onClicked: missingStep.category = modelData.id
                            }
                        }
                    }
                    ActionButton {
                        id: addButton
                        objectName: "missingAdd"
                        Layout.alignment: Qt.AlignRight
                        iconName: "add"
                        text: qsTr("Festhalten")
                        Accessible.name: qsTr("Fehlendes Angebot festhalten")
                        enabled: wantedField.text.trim().length > 0 && missingStep.category.length > 0
                        onClicked: {
                            if (Visit.addMissing(missingStep.category, wantedField.text).length > 0) {
                                wantedField.clear()
                                missingStep.category = ""
                            }
                        }
                    }
                }
            }

            Repeater {
                model: Visit.missing

                Rectangle {
                    id: missingCard
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    implicitHeight: missingColumn.implicitHeight + 2 * Theme.spacingM
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.outline
                    Accessible.role: Accessible.Grouping
                    Accessible.name: modelData.wanted

                    ColumnLayout {
                        id: missingColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingM
                        spacing: Theme.spacingS

                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                text: missingCard.modelData.categoryLabel
                                color: Theme.primary
                                font.pixelSize: Theme.fontCaption
                                font.weight: Font.DemiBold
                            }
                            ToolButton {
                                objectName: "missingRemove_" + missingCard.index
                                Layout.preferredWidth: Theme.touchTarget
                                Layout.preferredHeight: Theme.touchTarget
                                Accessible.name: qsTr("„%1“ entfernen").arg(missingCard.modelData.wanted)
                                onClicked: Visit.removeAnswer(missingCard.modelData.id)
                                contentItem: Item {
                                    Icon { anchors.centerIn: parent; name: "close"; color: Theme.textSecondary; size: 20 }
                                }
                            }
                        }
                        VerbatimEditor {
                            objectName: "missingText_" + missingCard.index
                            Layout.fillWidth: true
                            minimumLines: 1
                            label: qsTr("Was fehlt")
                            initialText: missingCard.modelData.wanted
                            onEdited: text => Visit.editText(missingCard.modelData.id, "wanted", text)
                            onCommitted: Visit.flush()
                        }
                        Label {
                            text: qsTr("Was hält ab?")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.Medium
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Repeater {
                                model: Visit.barrierOptions
                                ChoiceChip {
                                    required property var modelData
                                    objectName: "barrier_" + missingCard.index + "_" + modelData.id
                                    text: modelData.label
                                    chosen: missingCard.modelData.barriers.indexOf(modelData.id) >= 0
                                    Accessible.name: qsTr("Hürde %1").arg(modelData.label)
                                    onClicked: Visit.toggleBarrier(missingCard.modelData.id, modelData.id)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- 4: Wie müsste ein Angebot sein? ------------------------------------------------------
    Component {
        id: stepHow

        ColumnLayout {
            spacing: Theme.spacingM

            EmptyState {
                Layout.fillWidth: true
                visible: Visit.howItems.length === 0
                iconName: "info"
                title: qsTr("Noch nichts zu fragen")
                text: qsTr("Halten Sie unter „Was fehlt“ etwas fest oder markieren Sie ein Angebot als bekannt, früher genutzt oder unbekannt: Dann fragen Sie hier, wie es sein müsste.")
            }

            Repeater {
                model: Visit.howItems

                Rectangle {
                    id: howCard
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    implicitHeight: howColumn.implicitHeight + 2 * Theme.spacingM
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.outline

                    ColumnLayout {
                        id: howColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingM
                        spacing: Theme.spacingXs

                        Label {
                            Layout.fillWidth: true
                            text: howCard.modelData.title
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontBody + 1
                            font.weight: Font.Medium
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: howCard.modelData.subtitle
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                        }
                        VerbatimEditor {
                            objectName: "how_" + howCard.index
                            Layout.fillWidth: true
                            Layout.topMargin: Theme.spacingS
                            label: qsTr("Wie müsste es sein? (wörtlich)")
                            placeholderText: qsTr("„…“ – in den Worten der Familie")
                            initialText: howCard.modelData.how
                            onEdited: text => Visit.editText(howCard.modelData.id, "how_it_would_have_to_be", text)
                            onCommitted: Visit.flush()
                        }
                    }
                }
            }
        }
    }

    // ---- 5: Wille, Ressourcen, Vermerk -----------------------------------------------------------
    Component {
        id: stepWill

        ColumnLayout {
            id: willStep
            spacing: Theme.spacingL
            property string personId: Visit.members.length > 0 ? Visit.members[0].personId : ""
            property string area: ""

            SettingsCard {
                Layout.fillWidth: true
                title: qsTr("Wille")
                iconName: "people"

                Repeater {
                    model: Visit.wills
                    ColumnLayout {
                        id: willItem
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: willItem.modelData.isWill ? willItem.modelData.personName
                                                            : qsTr("%1 · noch ein Wunsch").arg(willItem.modelData.personName)
                            color: willItem.modelData.isWill ? Theme.textSecondary : Theme.warning
                            font.pixelSize: Theme.fontCaption
                            font.weight: Font.Medium
                        }
                        Label {
                            Layout.fillWidth: true
                            text: "„" + willItem.modelData.text + "“"
                            color: Theme.textPrimary
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: willItem.modelData.ownContribution.length > 0
                            text: qsTr("Selbst: %1").arg(willItem.modelData.ownContribution)
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                    }
                }

                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Repeater {
                        model: Visit.members
                        ChoiceChip {
                            required property var modelData
                            required property int index
                            objectName: "willPerson_" + index
                            text: modelData.name
                            chosen: willStep.personId === modelData.personId
                            Accessible.name: qsTr("Wille von %1").arg(modelData.name)
                            onClicked: willStep.personId = modelData.personId
                        }
                    }
                }
                VerbatimEditor {
                    id: willText
                    objectName: "willText"
                    Layout.fillWidth: true
                    minimumLines: 2
                    label: qsTr("Was will die Person? (O-Ton)")
                    placeholderText: qsTr("„Ich will …“")
                }
                VerbatimEditor {
                    id: willOwn
                    objectName: "willOwn"
                    Layout.fillWidth: true
                    minimumLines: 2
                    label: qsTr("Was tut sie selbst dafür?")
                    placeholderText: qsTr("Ohne eigenen Beitrag bleibt es ein Wunsch.")
                }
                ActionButton {
                    objectName: "willAdd"
                    Layout.alignment: Qt.AlignRight
                    iconName: "add"
                    text: qsTr("Willen festhalten")
                    enabled: willText.text.trim().length > 0 && willStep.personId.length > 0
                    onClicked: {
                        if (Visit.addWill(willStep.personId, willText.text, willOwn.text).length > 0) {
                            willText.text = ""
                            willOwn.text = ""
                        }
                    }
                }
            }

            SettingsCard {
                Layout.fillWidth: true
                title: qsTr("Ressourcen")
                iconName: "shield"

                Repeater {
                    model: Visit.resources
                    Label {
                        required property var modelData
                        Layout.fillWidth: true
                        text: qsTr("%1: %2").arg(modelData.areaLabel).arg(modelData.text)
                        color: Theme.textPrimary
                        wrapMode: Text.WordWrap
                    }
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Repeater {
                        model: Visit.resourceAreas
                        ChoiceChip {
                            required property var modelData
                            objectName: "resourceArea_" + modelData.id
                            text: modelData.label
                            chosen: willStep.area === modelData.id
                            Accessible.name: qsTr("Bereich: %1").arg(modelData.label)
                            onClicked: willStep.area = modelData.id
                        }
                    }
                }
                LabelledField {
                    id: resourceText
                    objectName: "resourceText"
                    Layout.fillWidth: true
                    label: qsTr("Was hilft der Familie?")
                    placeholderText: qsTr("z. B. Oma wohnt nebenan")
                    onAccepted: resourceAdd.clicked()
                }
                ActionButton {
                    id: resourceAdd
                    objectName: "resourceAdd"
                    Layout.alignment: Qt.AlignRight
                    iconName: "add"
                    text: qsTr("Ressource festhalten")
                    enabled: resourceText.text.trim().length > 0 && willStep.area.length > 0
                    onClicked: {
                        if (Visit.addResource(willStep.area, resourceText.text).length > 0) {
                            resourceText.clear()
                            willStep.area = ""
                        }
                    }
                }
            }

            SettingsCard {
                Layout.fillWidth: true
                title: qsTr("Vermerk")
                iconName: "lock"

                VerbatimEditor {
                    objectName: "noteEditor"
                    Layout.fillWidth: true
                    minimumLines: 5
                    placeholderText: qsTr("Was Sie festhalten möchten …")
                    initialText: Visit.noteText
                    onEdited: text => Visit.editNote(text)
                    onCommitted: Visit.flush()
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingM
                    Switch {
                        objectName: "noteEntrusted"
                        checked: Visit.noteEntrusted
                        enabled: !Visit.noteScopeFixed
                        Accessible.name: qsTr("Anvertraut nach § 65 SGB VIII, nur für mich lesbar")
                        onToggled: Visit.setNoteEntrusted(checked)
                    }
                    Paragraph {
                        font.pixelSize: Theme.fontSmall
                        text: Visit.noteEntrusted
                              ? qsTr("Anvertraut (§ 65 SGB VIII): nur für Sie lesbar, bis Sie es mit Rechtsgrundlage weitergeben.")
                              : qsTr("In der Fallakte: für alle lesbar, die den Fall bearbeiten.")
                    }
                }
                Paragraph {
                    visible: Visit.noteScopeFixed
                    font.pixelSize: Theme.fontSmall
                    text: qsTr("Die Ablage ist mit dem ersten Speichern festgelegt. Weitergeben geht nur über eine Freigabe mit Rechtsgrundlage.")
                }
            }
        }
    }

    // ---- 6: Abschluss --------------------------------------------------------------------------------
    Component {
        id: stepFinish

        ColumnLayout {
            spacing: Theme.spacingM

            SettingsCard {
                Layout.fillWidth: true
                title: qsTr("Erfasst")
                iconName: "folder"

                InfoRow {
                    Layout.fillWidth: true
                    wide: !page.narrow
                    label: qsTr("Anwesend")
                    value: Visit.members.filter(m => m.present).map(m => m.name).join(", ")
                }
                InfoRow {
                    Layout.fillWidth: true
                    wide: !page.narrow
                    label: qsTr("Kind gesehen")
                    value: Visit.childSeen === "yes" ? qsTr("Ja") : Visit.childSeen === "no" ? qsTr("Nein")
                         : Visit.childSeen === "not_applicable" ? qsTr("Entfällt") : ""
                }
                InfoRow {
                    Layout.fillWidth: true
                    wide: !page.narrow
                    label: qsTr("Fehlt")
                    value: Visit.missing.map(m => m.wanted).join(", ")
                }
                InfoRow {
                    Layout.fillWidth: true
                    wide: !page.narrow
                    label: qsTr("Wille")
                    value: Visit.wills.length === 1 ? qsTr("1 Aussage") : qsTr("%1 Aussagen").arg(Visit.wills.length)
                }
                InfoRow {
                    Layout.fillWidth: true
                    wide: !page.narrow
                    label: qsTr("Vermerk")
                    value: Visit.noteText.length === 0 ? "" : Visit.noteEntrusted ? qsTr("vorhanden, anvertraut") : qsTr("vorhanden, in der Fallakte")
                }
            }

            Repeater {
                model: Visit.state === HomeVisitController.Open ? Visit.finalIssues : []
                InlineMessage {
                    required property string modelData
                    Layout.fillWidth: true
                    text: modelData
                }
            }
            InlineMessage {
                Layout.fillWidth: true
                isError: false
                visible: Visit.state === HomeVisitController.Open && Visit.finalIssues.length === 0
                text: qsTr("Alles Nötige ist erfasst. Nach dem Abschluss bleibt der Besuch unverändert; Ergänzungen werden eigene Einträge.")
            }

            ActionButton {
                objectName: "finaliseButton"
                Layout.fillWidth: true
                visible: Visit.state === HomeVisitController.Open
                iconName: "check"
                text: qsTr("Besuch abschließen")
                enabled: Visit.finalIssues.length === 0
                onClicked: Visit.finalise()
            }

            EmptyState {
                objectName: "visitFinalised"
                Layout.fillWidth: true
                visible: Visit.state === HomeVisitController.Finalised
                iconName: "check"
                title: qsTr("Besuch abgeschlossen")
                text: qsTr("Alle Antworten sind gespeichert und werden bei der nächsten Synchronisierung übertragen.")
            }
            ActionButton {
                Layout.alignment: Qt.AlignHCenter
                visible: Visit.state === HomeVisitController.Finalised
                filled: false
                text: qsTr("Zurück zu den Fällen")
                onClicked: page.leave()
            }
        }
    }
}
