// Kollegiale Beratung (docs/team.md): one consultation card in the team's meeting — the card
// (question, will and goals, resources, network by role) beside the offers of the family's social
// space (search and filters as on the offer map); below the card the team's ideas and its
// recommendation (who brings what); on the caseworker's device, which holds the case, "In den Fall
// übernehmen". Made for a tablet passed around a table and for a projector: landscape side by
// side, "Große Schrift" enlarges the type by half. Everything comes from the Consultation
// controller: the card as the team scope holds it, pseudonymised.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "consultationPage"

    signal closeRequested()

    readonly property var card: Consultation.card
    readonly property bool landscape: width >= 1000
    readonly property int margin: landscape ? Theme.spacingXl : Theme.spacingL
    property bool large: false
    readonly property real scale: large ? 1.5 : 1
    // The offer map's id of the card's social space (the card names it as the case does).
    readonly property string spaceId: {
        const spaces = Offers.socialSpaces
        for (let i = 0; i < spaces.length; ++i)
            if (spaces[i].name === card.socialSpace || spaces[i].id === card.socialSpace)
                return spaces[i].id
        return ""
    }
    property var items: [{ who: "", brings: "" }]

    function today() { return new Date().toISOString().substring(0, 10) }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Kollegiale Beratung")

    // The offers beside the card are those of the family's social space, whatever filter is reset.
    Component.onCompleted: { Offers.clearFilters(); Offers.socialSpace = spaceId }
    Component.onDestruction: { Offers.clearFilters(); Consultation.closeCard() }
    onSpaceIdChanged: Offers.socialSpace = spaceId
    Connections {
        target: Offers
        function onFilterChanged() { if (Offers.socialSpace !== page.spaceId) Offers.socialSpace = page.spaceId }
    }
    onCardChanged: if ((card.recommendation || "").length > 0 && recommendation.text.length === 0) {
        recommendation.text = card.recommendation
        page.items = card.items.length > 0 ? card.items : [{ who: "", brings: "" }]
    }

    background: Rectangle { color: Theme.background }

    header: Rectangle {
        implicitHeight: Theme.headerHeight * Math.min(page.scale, 1.25) + Theme.spacingS
        color: Theme.surface
        Rectangle { anchors.left: parent.left; anchors.right: parent.right; anchors.bottom: parent.bottom; height: 1; color: Theme.outline }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: page.margin - Theme.spacingS
            anchors.rightMargin: page.margin
            spacing: Theme.spacingS

            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                objectName: "consultBack"
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Zurück")
                onClicked: page.closeRequested()
                contentItem: Item { Icon { anchors.centerIn: parent; name: "back"; color: Theme.primary; size: 24 } }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    objectName: "consultTitle"
                    Layout.fillWidth: true
                    text: qsTr("Kollegiale Beratung · %1 · %2").arg(page.card.pseudonym || "").arg(page.card.socialSpace || "")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontTitle * Math.min(page.scale, 1.25)
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 · vorbereitet von %2 am %3 · %4").arg(page.card.risk || "").arg(page.card.preparedBy || "")
                              .arg(page.card.preparedOn || "").arg(page.card.stateLabel || "")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall * Math.min(page.scale, 1.25)
                    elide: Text.ElideRight
                }
            }
            Switch {
                objectName: "consultLarge"
                text: qsTr("Große Schrift")
                checked: page.large
                onToggled: page.large = checked
                Accessible.name: qsTr("Große Schrift für den Beamer")
            }
        }
    }

    // Side by side in landscape; stacked (the offers below) in portrait.
    GridLayout {
        anchors.fill: parent
        anchors.margins: page.margin
        columns: page.landscape ? 2 : 1
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingL

        Flickable {
            id: cardFlick
            objectName: "consultCardFlick"
            Layout.fillWidth: true
            Layout.fillHeight: page.landscape
            Layout.preferredWidth: 3
            // Portrait: the card above (55 %), the offers below.
            Layout.preferredHeight: page.landscape ? -1 : Math.round((page.availableHeight - 2 * page.margin - Theme.spacingL) * 0.55)
            contentHeight: cardColumn.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("In der Beratung blättern") }

            ColumnLayout {
                id: cardColumn
                width: cardFlick.width - Theme.spacingM
                spacing: Theme.spacingL

                ConsultationCard {
                    Layout.fillWidth: true
                    card: page.card
                    scale: page.scale
                }

                SectionCard {
                    objectName: "consultIdeas"
                    Layout.fillWidth: true
                    title: qsTr("Ideen des Teams")
                    hint: (page.card.ideas || []).length === 0 ? qsTr("Noch keine Ideen.") : ""
                    Repeater {
                        model: page.card.ideas || []
                        Label {
                            required property var modelData
                            Layout.fillWidth: true
                            text: modelData.by.length > 0 ? qsTr("%1 (%2)").arg(modelData.text).arg(modelData.by) : modelData.text
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontBody * page.scale
                            wrapMode: Text.WordWrap
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: page.card.state !== "taken_back"
                        TextField {
                            id: idea
                            objectName: "consultIdea"
                            Layout.fillWidth: true
                            placeholderText: qsTr("Eine Idee: wer oder was könnte helfen?")
                            font.pixelSize: Theme.fontBody * page.scale
                            onAccepted: addIdea.clicked()
                        }
                        TextField {
                            id: ideaBy
                            objectName: "consultIdeaBy"
                            Layout.preferredWidth: 160
                            placeholderText: qsTr("von")
                            font.pixelSize: Theme.fontBody * page.scale
                        }
                        ActionButton {
                            id: addIdea
                            objectName: "consultAddIdea"
                            text: qsTr("Festhalten")
                            onClicked: if (Consultation.addIdea(idea.text, ideaBy.text, page.today())) idea.text = ""
                        }
                    }
                }

                SectionCard {
                    objectName: "consultRecommendation"
                    Layout.fillWidth: true
                    title: qsTr("Empfehlung des Teams")
                    TextArea {
                        id: recommendation
                        objectName: "consultRecommendationText"
                        Layout.fillWidth: true
                        readOnly: page.card.state === "taken_back"
                        placeholderText: qsTr("Was empfiehlt das Team?")
                        wrapMode: TextEdit.Wrap
                        font.pixelSize: Theme.fontBody * page.scale
                    }
                    Label { text: qsTr("Wer bringt was ein"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall * page.scale }
                    Repeater {
                        model: page.items
                        RowLayout {
                            required property var modelData
                            required property int index
                            Layout.fillWidth: true
                            TextField {
                                objectName: "consultWho_" + index
                                Layout.preferredWidth: 200
                                text: modelData.who
                                readOnly: page.card.state === "taken_back"
                                placeholderText: qsTr("Wer")
                                font.pixelSize: Theme.fontBody * page.scale
                                onTextEdited: page.items[index].who = text
                            }
                            TextField {
                                objectName: "consultBrings_" + index
                                Layout.fillWidth: true
                                text: modelData.brings
                                readOnly: page.card.state === "taken_back"
                                placeholderText: qsTr("bringt was ein")
                                font.pixelSize: Theme.fontBody * page.scale
                                onTextEdited: page.items[index].brings = text
                            }
                        }
                    }
                    RowLayout {
                        visible: page.card.state !== "taken_back"
                        ActionButton {
                            filled: false
                            text: qsTr("Weitere Zeile")
                            onClicked: page.items = page.items.concat([{ who: "", brings: "" }])
                        }
                        ActionButton {
                            objectName: "consultRecommend"
                            text: qsTr("Empfehlung festhalten")
                            onClicked: Consultation.recommend(recommendation.text, page.items)
                        }
                    }
                    ActionButton {
                        objectName: "consultTakeBack"
                        visible: page.card.holdsCase === true && page.card.state === "recommended"
                        iconName: "check"
                        text: qsTr("In den Fall übernehmen")
                        onClicked: Consultation.takeBack(CaseDetail.workerName, new Date().toISOString().substring(0, 16))
                    }
                    Label {
                        visible: page.card.state === "taken_back"
                        Layout.fillWidth: true
                        text: qsTr("Am %1 in den Fall übernommen.").arg(page.card.takenBackOn || "")
                        color: Theme.success
                        font.pixelSize: Theme.fontBody * page.scale
                        wrapMode: Text.WordWrap
                    }
                }

                InlineMessage {
                    objectName: "consultMessage"
                    Layout.fillWidth: true
                    visible: Consultation.message.length > 0
                    isError: Consultation.messageIsError
                    text: Consultation.message
                }
            }
        }

        // The offers of the family's social space, as on the offer map.
        ColumnLayout {
            objectName: "consultOffers"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            Layout.preferredHeight: page.landscape ? -1 : Math.round((page.availableHeight - 2 * page.margin - Theme.spacingL) * 0.45)
            spacing: Theme.spacingS

            Label {
                Layout.fillWidth: true
                text: qsTr("Angebote in %1").arg(page.card.socialSpace || "")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontLarge * page.scale
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            SearchField {
                objectName: "consultOfferSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Angebote durchsuchen")
                text: Offers.searchText
                onTextChanged: Offers.searchText = text
            }
            OfferFilterRow {
                Layout.fillWidth: true
                showSpace: false
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 120
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.outline
                ListView {
                    objectName: "consultOfferList"
                    anchors.fill: parent
                    anchors.margins: 1
                    clip: true
                    model: Offers
                    boundsBehavior: Flickable.StopAtBounds
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Angebote im Sozialraum")
                    ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("In den Angeboten blättern") }
                    delegate: OfferDelegate { width: ListView.view.width }
                }
                EmptyState {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 2 * Theme.spacingL, 360)
                    visible: Offers.count === 0
                    iconName: "search"
                    title: qsTr("Kein Angebot gefunden")
                }
            }
        }
    }
}
