// Home visit, step 2 "Was gibt es bei Ihnen in der Nähe?": the offers in the family's social
// space, searchable, each answered known / used / used before / unknown (a second tap takes the
// answer back), and below them an offer the family names that is not on the map
// (VisitUnlistedOffers). Written at once by the Visit controller; the step holds no answer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

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
        placeholderText: qsTr("Angebot suchen: Name, Ort oder Kategorie")
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
            required property string earlier
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
                // What the family said of it at an earlier visit: read-only, with its date.
                Label {
                    objectName: "offerEarlier_" + offerCard.index
                    Layout.fillWidth: true
                    visible: offerCard.earlier.length > 0
                    text: qsTr("Früher: %1").arg(offerCard.earlier)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    font.italic: true
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

    // An offer the family names that is not on the map (issue: it could not be recorded).
    VisitUnlistedOffers {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
    }
}
