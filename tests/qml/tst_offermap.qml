// The offer map page driven as a person drives it: typing into the search key by key (and
// deleting), tapping an offer for its detail, tapping the "Kostenlos" chip, the schematic view.
import QtQuick
import QtQuick.Controls
import QtTest
import Quartier.Ui

Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: pageComponent
        OfferMapPage { anchors.fill: parent }
    }

    TestCase {
        name: "OfferMap"
        when: windowShown

        function names(list) {
            const out = []
            for (let i = 0; i < list.count; ++i) {
                list.positionViewAtIndex(i, ListView.Contain)
                out.push(list.itemAtIndex(i).name)
            }
            return out
        }

        function tap(item) {
            const t = touchEvent(item)
            t.press(0, item, item.width / 2, item.height / 2).commit()
            t.release(0, item, item.width / 2, item.height / 2).commit()
        }

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function init() {
            Offers.searchText = ""
            Offers.clearFilters()
        }

        function test_typing_narrows_the_list_key_by_key() {
            const page = createTemporaryObject(pageComponent, root)
            const search = findChild(page, "offerSearch")
            const list = findChild(page, "offerList")
            verify(search && list)
            compare(list.count, Offers.totalCount)

            mouseClick(search)
            verify(search.activeFocus)
            const counts = []
            for (const ch of "fussball") {
                keyClick(ch)
                counts.push(list.count)
            }
            compare(search.text, "fussball")
            compare(Offers.searchText, "fussball")
            // Each key narrows (or keeps) what the one before found.
            for (let i = 1; i < counts.length; ++i)
                verify(counts[i] <= counts[i - 1], "key " + i + ": " + counts)
            compare(names(list), ["Fußball für Kinder (F- und E-Jugend)", "Fußball-AG im Park",
                                  "Fußballschule SV Glashütte-Süd", "Mädchenfußball"])

            // A second word: only the girls' team.
            typeText(" maedchen")
            compare(names(list), ["Mädchenfußball"])

            // Deleting brings the earlier answers back.
            for (let i = 0; i < " maedchen".length; ++i)
                keyClick(Qt.Key_Backspace)
            compare(list.count, 4)
            for (let i = 0; i < "fussball".length; ++i)
                keyClick(Qt.Key_Backspace)
            compare(search.text, "")
            compare(list.count, Offers.totalCount)
        }

        function test_typing_what_is_not_there_shows_the_empty_state() {
            const page = createTemporaryObject(pageComponent, root)
            const search = findChild(page, "offerSearch")
            const list = findChild(page, "offerList")
            mouseClick(search)
            typeText("quidditch")
            compare(list.count, 0)
            compare(Offers.count, 0)
        }

        function test_tapping_an_offer_shows_its_detail() {
            const page = createTemporaryObject(pageComponent, root)
            const search = findChild(page, "offerSearch")
            const list = findChild(page, "offerList")
            mouseClick(search)
            typeText("trauer kinder")
            compare(list.count, 1)
            const item = list.itemAtIndex(0)
            verify(item)
            tap(item)
            compare(page.selectedId, item.serviceId)
            const title = findChild(page, "offerDetailName")
            tryCompare(title, "text", "Trauergruppe für Kinder „Sternenzelt“")
            verify(findChild(page, "offerDetail").visible)
        }

        function test_the_free_chip_keeps_only_free_offers() {
            const page = createTemporaryObject(pageComponent, root)
            const list = findChild(page, "offerList")
            const chip = findChild(page, "freeChip")
            const all = list.count
            tap(chip)
            verify(Offers.freeOnly)
            verify(list.count > 0 && list.count < all)
            for (let i = 0; i < list.count; ++i) {
                list.positionViewAtIndex(i, ListView.Contain)
                compare(list.itemAtIndex(i).costLabel, "Kostenlos")
            }
            tap(chip)
            verify(!Offers.freeOnly)
            compare(list.count, all)
        }

        function test_the_schematic_view_chooses_a_space() {
            const page = createTemporaryObject(pageComponent, root)
            page.showSpaces()
            const map = findChild(page, "socialSpaceMap")
            verify(map.visible)
            compare(map.spaces.length, 4)
            let garstedt = ""
            for (const s of map.spaces)
                if (s.name === "Garstedt")
                    garstedt = s.id
            map.spaceChosen(garstedt)
            compare(page.mode, "list")
            compare(Offers.socialSpace, garstedt)
            const list = findChild(page, "offerList")
            for (let i = 0; i < list.count; ++i) {
                list.positionViewAtIndex(i, ListView.Contain)
                compare(list.itemAtIndex(i).socialSpaceName, "Garstedt")
            }
        }
    }
}
