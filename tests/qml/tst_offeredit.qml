// Adding an offer through the edit page as a person does it: tapping into fields, typing, picking
// provider, category and access with the keys, saving; then reading back what the store holds.
// And the other way: a bad age is refused with a German message and nothing is stored.
import QtQuick
import QtQuick.Controls
import QtTest
import Quartier.Ui
import QuartierTest

Item {
    id: root
    width: 800
    height: 1280

    Component {
        id: pageComponent
        OfferEditPage { anchors.fill: parent }
    }

    SignalSpy {
        id: savedSpy
        target: OfferEditor
        signalName: "saved"
    }

    SignalSpy {
        id: closeSpy
        signalName: "closeRequested"
    }

    TestCase {
        name: "OfferEdit"
        when: windowShown

        // Scrolls the form so that `item` is on screen, as a finger would.
        function reveal(page, item) {
            const flick = findChild(page, "offerEditForm")
            const y = item.mapToItem(flick.contentItem, 0, 0).y
            flick.contentY = Math.max(0, Math.min(y - 100, flick.contentHeight - flick.height))
            wait(0)
        }

        function typeInto(page, objectName, text) {
            const field = findChild(page, objectName)
            verify(field, objectName)
            reveal(page, field)
            mouseClick(field)
            verify(field.activeFocus, objectName)
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        // Picks the first entry of a choice with the arrow key, as a keyboard user does.
        function pickFirst(page, objectName) {
            const box = findChild(page, objectName + "_box")
            verify(box, objectName)
            reveal(page, box)
            box.forceActiveFocus()
            keyClick(Qt.Key_Down)
            verify(box.currentIndex >= 0, objectName)
        }

        function spaceNamed(name) {
            for (const s of Offers.socialSpaces)
                if (s.name === name)
                    return s.id
            return ""
        }

        function test_adding_an_offer_stores_what_was_typed() {
            const garstedt = spaceNamed("Garstedt")
            OfferEditor.startNew(garstedt)
            const page = createTemporaryObject(pageComponent, root)
            const before = StoreProbe.count("service")
            savedSpy.clear()

            typeInto(page, "field_name", "Elterncafe am Samstag")
            pickFirst(page, "choice_organization")
            pickFirst(page, "choice_category")
            pickFirst(page, "choice_access")
            typeInto(page, "field_age_min", "3")
            typeInto(page, "field_times", "Sa 10-12 Uhr")
            typeInto(page, "field_email", "cafe@example.org")
            mouseClick(findChild(page, "offerSaveButton"))

            compare(savedSpy.count, 1)
            const id = savedSpy.signalArguments[0][0]
            compare(StoreProbe.count("service"), before + 1)
            compare(StoreProbe.type(id), "service")
            compare(StoreProbe.field(id, "name"), "Elterncafe am Samstag")
            compare(StoreProbe.field(id, "organization"), Offers.organizations[0].id)
            compare(StoreProbe.field(id, "category"), Offers.categories[0].id)
            compare(StoreProbe.field(id, "access"), Offers.accesses[0].id)
            compare(StoreProbe.field(id, "social_space"), garstedt)
            compare(StoreProbe.field(id, "age_min"), "3")
            compare(StoreProbe.field(id, "age_max"), "")
            compare(StoreProbe.field(id, "times"), "Sa 10-12 Uhr")
            compare(StoreProbe.field(id, "email"), "cafe@example.org")
            compare(StoreProbe.field(id, "last_verified"), "2026-11-21")
            verify(Offers.rowOf(id) >= 0)
        }

        function test_a_bad_age_is_refused_in_german_and_nothing_is_stored() {
            OfferEditor.startNew(spaceNamed("Harksheide-Mitte"))
            const page = createTemporaryObject(pageComponent, root)
            const before = StoreProbe.count("service")
            savedSpy.clear()

            typeInto(page, "field_name", "Kicken am Abend")
            pickFirst(page, "choice_organization")
            pickFirst(page, "choice_category")
            pickFirst(page, "choice_access")
            typeInto(page, "field_age_min", "16")
            typeInto(page, "field_age_max", "12")
            mouseClick(findChild(page, "offerSaveButton"))

            compare(savedSpy.count, 0)
            compare(StoreProbe.count("service"), before)
            compare(OfferEditor.errors["age_max"], "Das Höchstalter liegt unter dem Mindestalter.")
            verify(OfferEditor.editing)
            // Correcting the field clears its message; saving then works.
            typeInto(page, "field_age_max", "8")   // "128" is out of range
            mouseClick(findChild(page, "offerSaveButton"))
            compare(OfferEditor.errors["age_max"], "Bitte ein Alter zwischen 0 und 99 eingeben.")
            const max = findChild(page, "field_age_max")
            reveal(page, max)
            mouseClick(max)
            max.selectAll()
            keyClick("1")
            keyClick("9")
            mouseClick(findChild(page, "offerSaveButton"))
            compare(savedSpy.count, 1)
            compare(StoreProbe.field(savedSpy.signalArguments[0][0], "age_max"), "19")
        }

        // Return opens a drop-down as Space does (the released key must not close it again at once),
        // the arrow keys move in the open list and Return picks.
        function test_return_opens_a_drop_down_and_picks_in_it() {
            OfferEditor.startNew(spaceNamed("Garstedt"))
            const page = createTemporaryObject(pageComponent, root)
            const box = findChild(page, "choice_category_box")
            reveal(page, box)
            box.forceActiveFocus()
            keyClick(Qt.Key_Return)
            tryCompare(box.popup, "opened", true)
            compare(OfferEditor.value("category"), "")
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Return)
            tryCompare(box.popup, "visible", false)
            compare(OfferEditor.value("category"), Offers.categories[1].id)
            OfferEditor.cancel()
        }

        // ✕ (and Escape, which calls back() as Main.qml's StackView does) on a form with changes asks
        // first: "Weiter bearbeiten" (and Escape on the question) keeps every value, only
        // "Verwerfen" drops them. An unchanged form closes at once.
        function test_leaving_a_changed_form_asks_first() {
            OfferEditor.startNew(spaceNamed("Garstedt"))
            let page = createTemporaryObject(pageComponent, root)
            closeSpy.target = page
            closeSpy.clear()
            verify(!OfferEditor.changed)
            page.back()
            compare(closeSpy.count, 1)
            verify(!OfferEditor.editing)

            OfferEditor.startNew(spaceNamed("Garstedt"))
            page = createTemporaryObject(pageComponent, root)
            closeSpy.target = page
            closeSpy.clear()
            const before = StoreProbe.count("service")
            typeInto(page, "field_name", "Spielgruppe")
            verify(OfferEditor.changed)
            const dialog = findChild(page, "discardDialog")
            mouseClick(findChild(page, "offerCancelButton"))
            tryCompare(dialog, "opened", true)
            compare(closeSpy.count, 0)
            keyClick(Qt.Key_Escape)  // on the question: back to the form
            tryCompare(dialog, "visible", false)
            verify(OfferEditor.editing)
            compare(OfferEditor.value("name"), "Spielgruppe")

            page.back()
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog.contentItem.parent, "discardKeep"))
            tryCompare(dialog, "visible", false)
            compare(OfferEditor.value("name"), "Spielgruppe")
            compare(closeSpy.count, 0)

            page.back()
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog.contentItem.parent, "discardConfirm"))
            tryCompare(closeSpy, "count", 1)  // once the question has closed
            compare(dialog.visible, false)
            verify(!OfferEditor.editing)
            compare(StoreProbe.count("service"), before)
        }

        // Long text in the fields, then the window turned from narrow (one column) to wide (two)
        // and back, as a tablet is: the form lays itself out once per size. Column widths that
        // followed the typed text made the layout run again and again ("Polish loop detected",
        // issue found in the real window), and the two columns came out uneven.
        function test_long_text_and_turning_the_window_lay_the_form_out_once() {
            failOnWarning(/Polish loop/)
            OfferEditor.startNew(spaceNamed("Garstedt"))
            const page = createTemporaryObject(pageComponent, root)
            const longText = "ein sehr langer Text, der breiter ist als jedes Feld des Formulars, xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            for (const f of ["name", "cost_note", "times", "place", "languages", "description"])
                OfferEditor.setValue(f, longText)
            for (const w of [1280, 800, 1001, 999, 1280]) {
                root.width = w
                root.height = w === 800 ? 1280 : 800
                waitForRendering(page)
                wait(50)
            }
            verify(page.wide)
            const name = findChild(page, "field_name"), organization = findChild(page, "choice_organization")
            verify(name.width > 0)
            verify(Math.abs(name.width - organization.width) <= 1,
                   "columns of %1 and %2 px".arg(name.width).arg(organization.width))
            OfferEditor.cancel()
            root.width = 800
            root.height = 1280
        }
    }
}
