// The offer map's filter chips (Sozialraum, Kategorie, Alter, Zugang, Kostenlos, and "Filter
// zurücksetzen"), bound to the Offers model: the offer map's list and a Kollegiale Beratung's
// offers beside the card share them. `showSpace`: false where the social space is fixed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Flow {
    id: root

    property bool showSpace: true

    function options(list, labelKey) { return list.map(e => ({ id: e.id, label: e[labelKey] })) }

    spacing: Theme.spacingS

    OfferFilterChip {
        objectName: "spaceChip"
        visible: root.showSpace
        label: qsTr("Sozialraum")
        options: root.options(Offers.socialSpaces, "name")
        currentId: Offers.socialSpace
        onChosen: id => Offers.socialSpace = id
    }
    OfferFilterChip {
        objectName: "categoryChip"
        label: qsTr("Kategorie")
        options: Offers.categories
        currentId: Offers.category
        onChosen: id => Offers.category = id
    }
    OfferFilterChip {
        objectName: "ageChip"
        label: qsTr("Alter")
        options: Offers.ageBands.map(b => ({ id: b.from + "-" + b.to, label: b.label }))
        currentId: Offers.ageFrom < 0 ? "" : Offers.ageFrom + "-" + Offers.ageTo
        onChosen: id => {
            const parts = id.split("-")
            Offers.ageFrom = id.length > 0 ? Number(parts[0]) : -1
            Offers.ageTo = id.length > 0 ? Number(parts[1]) : -1
        }
    }
    OfferFilterChip {
        objectName: "accessChip"
        label: qsTr("Zugang")
        options: Offers.accesses
        currentId: Offers.access
        onChosen: id => Offers.access = id
    }
    OfferFilterChip {
        objectName: "freeChip"
        label: qsTr("Kostenlos")
        currentId: Offers.freeOnly ? "on" : ""
        onChosen: id => Offers.freeOnly = id.length > 0
    }
    ActionButton {
        visible: Offers.filtering
        filled: false
        implicitHeight: Theme.touchTarget
        text: qsTr("Filter zurücksetzen")
        onClicked: Offers.clearFilters()
    }
}
