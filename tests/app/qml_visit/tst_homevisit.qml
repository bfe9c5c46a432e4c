// Drives the home-visit page by simulated touches, step by step, and checks after each answer
// what the store holds (through Probe, which reads it back with domain::Repository).
import QtQuick
import QtTest
import Quartier.Ui
import QuartierTest

Item {
    id: root
    width: 800
    height: 1280

    HomeVisitPage {
        id: page
        anchors.fill: parent
    }

    TestCase {
        id: test
        name: "HomeVisitFlow"
        when: windowShown

        // Scrolls `item` into the visible part of the step, then taps it with one finger.
        function touchTap(item, yOffset) {
            verify(item, "the item to tap exists")
            const flick = findChild(page, "visitFlick")
            const inContent = item.mapToItem(flick.contentItem, 0, 0)
            if (inContent.y >= 0) {  // inside the scrolling body (not the header or footer)
                const target = Math.max(0, Math.min(inContent.y - 200, flick.contentHeight - flick.height))
                flick.contentY = target
            }
            wait(20)  // let the layout follow the scroll
            const x = item.width / 2
            const y = yOffset === undefined ? item.height / 2 : yOffset
            const seq = touchEvent(item)
            seq.press(0, item, x, y).commit()
            seq.release(0, item, x, y).commit()
        }
        function tap(name, yOffset) {
            const item = findChild(page, name)
            verify(item, name)
            touchTap(item, yOffset)
        }
        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }
        function waitSaved() {
            tryCompare(Visit, "savePending", false, 5000)
        }

        function initTestCase() {
            verify(Visit.startVisit(Probe.caseId))
            compare(Probe.visitStatus(), "draft")
        }

        function test_1_who_is_there() {
            compare(page.step, 0)
            tap("member_0")
            compare(Probe.participantNames(), [Probe.memberName(0)])
        }

        function test_2_who_is_there_more() {
            tap("member_1")
            compare(Probe.participantNames().length, 2)
            tap("member_0")  // taken back
            compare(Probe.participantNames(), [Probe.memberName(1)])
            tap("member_0")
            compare(Probe.participantNames().length, 2)
            // Kind gesehen per child: one child not seen makes the visit's answer "no"; all seen,
            // "yes"; one taken back (tapped again), open.
            const children = Visit.members.filter(m => m.isChild).length
            verify(children >= 2, "the demo family has several children")
            tap("childSeen_0_no")
            compare(Probe.childSeen(), "no")
            for (let i = 0; i < children; ++i)
                tap("childSeen_" + i + "_yes")
            compare(Probe.childSeen(), "yes")
            compare(Probe.childrenSeen(), children)
            tap("childSeen_1_yes")
            compare(Probe.childSeen(), "unknown")
            tap("childSeen_1_yes")
            compare(Probe.childSeen(), "yes")
        }

        // The model's roles (VisitOfferModel::Role): Qt.UserRole + 1 ...
        readonly property int serviceIdRole: Qt.UserRole + 1
        readonly property int statusRole: Qt.UserRole + 8
        function offerAt(row, role) {
            return Visit.offers.data(Visit.offers.index(row, 0), role)
        }

        function test_3_offers() {
            tap("visitNext")
            compare(page.step, 1)
            verify(Visit.offers.count >= 2)
            // The demo family may have answered before: pick an answer it has not given yet.
            const first = offerAt(0, serviceIdRole)
            const firstAnswer = offerAt(0, statusRole) === "used" ? "known" : "used"
            tap("offer_0_" + firstAnswer)
            compare(Probe.offerStatus(first), firstAnswer)
            const second = offerAt(1, serviceIdRole)
            const secondAnswer = offerAt(1, statusRole) === "used_before" ? "unknown" : "used_before"
            tap("offer_1_" + secondAnswer)
            compare(Probe.offerStatus(second), secondAnswer)
            tap("offer_1_" + secondAnswer)  // tapped again: the answer is taken back
            compare(Probe.offerStatus(second), "")
            tap("offer_1_unknown")
            compare(Probe.offerStatus(second), "unknown")
        }

        readonly property int nameRole: Qt.UserRole + 2
        function searchOffers(text) {
            const field = findChild(page, "offerSearch")
            verify(field && field.visible, "the offer search")
            field.clear()
            touchTap(field)
            typeText(text)
            compare(Visit.offerSearch, text)
        }

        // The offer map's search in the living room: part of a name, the offer map's folding
        // ("fuss" finds "Fußball"), a category's word ("Bewegung" finds the sports offer).
        function rowNamed(prefix) {
            for (let i = 0; i < Visit.offers.count; ++i)
                if (offerAt(i, nameRole).startsWith(prefix))
                    return i
            return -1
        }
        function rowOf(serviceId) {
            for (let i = 0; i < Visit.offers.count; ++i)
                if (offerAt(i, serviceIdRole) === serviceId)
                    return i
            return -1
        }

        function test_3b_offer_search() {
            compare(page.step, 1)
            const all = Visit.offers.count
            searchOffers("fuss")
            verify(Visit.offers.count >= 1 && Visit.offers.count < all, "narrowed: " + Visit.offers.count)
            const i = rowNamed("Fußball")
            verify(i >= 0, "the football offer is found")
            const football = offerAt(i, serviceIdRole)
            const answer = offerAt(i, statusRole) === "known" ? "used" : "known"
            tap("offer_" + i + "_" + answer)
            compare(Probe.offerStatus(football), answer)
            compare(Visit.offerSearch, "fuss")  // answering keeps the search
            searchOffers("Bewegung")
            verify(Visit.offers.count < all)
            const j = rowOf(football)
            verify(j >= 0, "a word of the sports category finds it too")
            compare(offerAt(j, statusRole), answer)
            searchOffers("kein solches angebot")
            compare(Visit.offers.count, 0)
            findChild(page, "offerSearch").clear()
            compare(Visit.offers.count, all)
        }

        function test_4_missing() {
            tap("visitNext")
            compare(page.step, 2)
            const field = findChild(page, "missingWanted")
            touchTap(field, field.height - 20)  // the text field below its label
            typeText("Nachmittagsbetreuung")
            tap("missingCategory_daycare")
            tap("missingAdd")
            compare(Probe.missing("Nachmittagsbetreuung").category, "daycare")
            const i = Visit.missing.findIndex(m => m.wanted === "Nachmittagsbetreuung")
            verify(i >= 0)
            tap("barrier_" + i + "_times")
            compare(Probe.missing("Nachmittagsbetreuung").barriers, ["times"])
            tap("barrier_" + i + "_cost")
            compare(Probe.missing("Nachmittagsbetreuung").barriers.length, 2)
        }

        function test_5_how() {
            tap("visitNext")
            compare(page.step, 3)
            const i = Visit.howItems.findIndex(h => h.title === "Nachmittagsbetreuung")
            verify(i >= 0)
            tap("how_" + i + "Area")
            typeText("Bis 18 Uhr und ohne Anmeldung")
            waitSaved()
            compare(Probe.missing("Nachmittagsbetreuung").how, "Bis 18 Uhr und ohne Anmeldung")
        }

        function test_6_will_resources_note() {
            tap("visitNext")
            compare(page.step, 4)
            tap("willPerson_0")
            tap("willTextArea")
            typeText("Ich will wieder arbeiten")
            tap("willOwnArea")
            typeText("Ich gehe zum Jobcenter")
            tap("willAdd")
            compare(Probe.will("Ich will wieder arbeiten").own, "Ich gehe zum Jobcenter")
            verify(Probe.will("Ich will wieder arbeiten").isWill)

            tap("resourceArea_social")
            const field = findChild(page, "resourceText")
            touchTap(field, field.height - 20)
            typeText("Oma wohnt nebenan")
            tap("resourceAdd")
            verify(Probe.hasResource("social", "Oma wohnt nebenan"))

            tap("noteEditorArea")
            typeText("Familie offen, Kinder gut versorgt")
            // Leaving the field (a tap on the step bar) writes at once, without waiting.
            tap("visitStep_4")
            compare(Probe.note().text, "Familie offen, Kinder gut versorgt")
            verify(Probe.note().entrusted)
            verify(Probe.note().personalScope)
            verify(!findChild(page, "noteEntrusted").enabled)  // fixed once saved
        }

        function test_7_finish() {
            tap("visitNext")
            compare(page.step, 5)
            compare(Visit.finalIssues.length, 0)
            compare(Probe.visitStatus(), "draft")
            tap("finaliseButton")
            compare(Visit.state, HomeVisitController.Finalised)
            compare(Probe.visitStatus(), "final")
            verify(findChild(page, "visitFinalised").visible)
        }
    }
}
