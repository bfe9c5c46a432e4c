// The offer map (Ressourcenkarte): search as you type, filter chips (social space, category, age,
// access, free of charge), the offers with the chosen one's detail beside them (landscape) or
// below them (portrait), and the schematic view of the social spaces with what families miss.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "offerMapPage"

    signal closeRequested()
    signal editRequested(string serviceId)   // "" for a new offer

    property string selectedId
    property string mode: "list"              // "list" | "spaces"
    property int revision: 0                  // bumps when the catalogue is re-read
    readonly property bool landscape: width >= 1000 && width > height
    readonly property bool narrow: width < 640
    readonly property int margin: width >= 1000 ? Theme.spacingXl : Theme.spacingM
    readonly property var selectedOffer: { page.revision; return page.selectedId.length > 0 ? Offers.offer(page.selectedId) : ({}) }
    readonly property bool showDetail: page.landscape || page.selectedId.length > 0

    function showOffer(id) { page.mode = "list"; page.selectedId = id }
    function showSpaces() { page.mode = "spaces" }
    function showList() { page.mode = "list" }
    // Escape and the back key (Main.qml's StackView.back()): an open offer is left first, then the map.
    function back() {
        if (page.selectedId.length > 0)
            page.selectedId = ""
        else
            page.closeRequested()
    }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Angebote")

    background: Rectangle { color: Theme.background }

    Connections {
        target: Offers
        function onCatalogueChanged() { page.revision++ }
    }
    // The search and the filters live in the model; they go with the page (and on lock).
    Component.onDestruction: { Offers.searchText = ""; Offers.clearFilters() }

    header: Rectangle {
        implicitHeight: Theme.headerHeight + Theme.spacingS
        color: Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.outline
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: page.margin - Theme.spacingS
            anchors.rightMargin: page.margin
            spacing: Theme.spacingS

            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Zurück zu den Fällen")
                onClicked: page.closeRequested()
                contentItem: Item {
                    Icon { anchors.centerIn: parent; name: "back"; color: Theme.primary }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    text: qsTr("Angebote")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontHeadline
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    text: Offers.totalCount === 0 ? qsTr("Noch keine Angebote auf diesem Gerät")
                        : Offers.count === Offers.totalCount ? qsTr("%1 in %2").arg(Offers.totalCount === 1 ? qsTr("1 Angebot") : qsTr("%1 Angebote").arg(Offers.totalCount))
                                                              .arg(Offers.socialSpaces.length === 1 ? qsTr("1 Sozialraum") : qsTr("%1 Sozialräumen").arg(Offers.socialSpaces.length))
                        : qsTr("%1 von %2 angezeigt").arg(Offers.count).arg(Offers.totalCount)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
            }

            ActionButton {
                objectName: "offerModeButton"
                filled: false
                iconName: page.mode === "list" ? "map" : "list"
                text: page.narrow ? "" : page.mode === "list" ? qsTr("Sozialräume") : qsTr("Liste")
                Accessible.name: page.mode === "list" ? qsTr("Sozialräume schematisch zeigen") : qsTr("Angebotsliste zeigen")
                onClicked: page.mode = page.mode === "list" ? "spaces" : "list"
            }
            ActionButton {
                objectName: "offerAddButton"
                iconName: "add"
                text: page.narrow ? "" : qsTr("Neues Angebot")
                Accessible.name: qsTr("Neues Angebot erfassen")
                onClicked: page.editRequested("")
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: page.margin
        anchors.rightMargin: page.margin
        anchors.topMargin: Theme.spacingM
        anchors.bottomMargin: Theme.spacingM
        spacing: Theme.spacingM

        SearchField {
            id: search
            objectName: "offerSearch"
            visible: page.mode === "list"
            Layout.fillWidth: true
            placeholderText: qsTr("Angebote durchsuchen, z. B. Fußball, Beratung, Kita")
            text: Offers.searchText
            onTextChanged: Offers.searchText = text
        }

        OfferFilterRow {
            Layout.fillWidth: true
            visible: page.mode === "list"
        }

        // List and detail: side by side in landscape, stacked in portrait (the detail below the
        // list once an offer is chosen). Explicit geometry: a GridLayout whose columns follow the
        // page width did not settle in Qt 6.4 (docs/app.md).
        Item {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.mode === "list"

            Item {
                id: listBox
                x: 0
                y: 0
                width: page.landscape ? Math.round((body.width - Theme.spacingL) * 0.45) : body.width
                height: page.landscape || !page.showDetail ? body.height : Math.round((body.height - Theme.spacingM) * 0.45)

                Rectangle {
                    anchors.fill: parent
                    visible: Offers.count > 0
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.outline

                    ListView {
                        id: list
                        objectName: "offerList"
                        anchors.fill: parent
                        anchors.margins: 1
                        clip: true
                        model: Offers
                        boundsBehavior: Flickable.StopAtBounds
                        Accessible.role: Accessible.List
                        Accessible.name: qsTr("Angebotsliste")
                        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("In der Angebotsliste blättern") }

                        delegate: OfferDelegate {
                            width: ListView.view.width
                            selected: serviceId === page.selectedId
                            onClicked: page.selectedId = serviceId
                        }
                    }
                }

                EmptyState {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 2 * Theme.spacingL, 480)
                    visible: Offers.count === 0
                    iconName: Offers.totalCount > 0 ? "search" : "map"
                    title: Offers.totalCount > 0 ? qsTr("Keine Treffer") : qsTr("Noch keine Angebote")
                    text: Offers.totalCount > 0
                          ? qsTr("Kein Angebot passt zu Suche und Filtern. Lockern Sie die Filter – und notieren Sie im Fall, was fehlt.")
                          : qsTr("Erfassen Sie das erste Angebot, oder synchronisieren Sie, um die Angebotskarte "
                               + "Ihrer Organisation zu laden.")
                }
            }

            OfferDetailCard {
                objectName: "offerDetail"
                visible: page.showDetail
                x: page.landscape ? listBox.width + Theme.spacingL : 0
                y: page.landscape ? 0 : listBox.height + Theme.spacingM
                width: body.width - x
                height: body.height - y
                offer: page.selectedOffer
                closable: !page.landscape
                onCloseRequested: page.selectedId = ""
                onEditRequested: id => page.editRequested(id)
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.mode === "spaces"
            spacing: Theme.spacingM

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingM
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Tippen Sie auf einen Sozialraum, um seine Angebote zu sehen.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall + 1
                    wrapMode: Text.WordWrap
                }
                OfferFilterChip {
                    id: planning
                    objectName: "missingChip"
                    property bool showing: true
                    label: qsTr("Was Familien fehlt (%1)").arg(Offers.missingTotal)
                    currentId: showing ? "on" : ""
                    Accessible.name: qsTr("Rückmeldungen zeigen, was Familien fehlt")
                    onChosen: id => showing = id.length > 0
                }
            }

            SocialSpaceMap {
                objectName: "socialSpaceMap"
                Layout.fillWidth: true
                Layout.fillHeight: true
                spaces: Offers.socialSpaces
                selectedId: Offers.socialSpace
                showMissing: planning.showing
                onSpaceChosen: id => {
                    Offers.socialSpace = id
                    page.mode = "list"
                }
            }
        }
    }
}
