// The case page driven by simulated touches: a goal's 0–10 scales are set by tapping their values,
// and a contact is added to the network map by tapping a sector; each time the test reads back
// what the store holds (Fixture), not what the page shows.
import QtQuick
import QtQuick.Controls
import QtTest
import Quartier.Ui
import QuartierTest

Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: pageComponent
        CasePage {
            width: root.width
            height: root.height
        }
    }

    TestCase {
        name: "CasePage"
        when: windowShown

        function openPage() {
            CaseDetail.open(Fixture.caseId)
            verify(CaseDetail.isOpen)
            const page = createTemporaryObject(pageComponent, root)
            verify(page)
            compare(page.landscape, true)
            return page
        }

        function tap(item) {
            const x = item.width / 2, y = item.height / 2
            touchEvent(item).press(0, item, x, y).commit()
            touchEvent(item).release(0, item, x, y).commit()
        }

        function test_goal_scales_by_touch() {
            const page = openPage()
            page.showSection(1)  // Wille & Ziele
            let seven = null
            tryVerify(() => (seven = findChild(page, "scaleNow_" + Fixture.goalId + "_7")) !== null, 3000)
            waitForRendering(seven)
            compare(Fixture.storedScaleNow(Fixture.goalId), 2)

            tap(seven)
            tryVerify(() => Fixture.storedScaleNow(Fixture.goalId) === 7, 3000)
            compare(Fixture.storedScaleTarget(Fixture.goalId), 8)  // the other scale untouched

            const nine = findChild(page, "scaleTarget_" + Fixture.goalId + "_9")
            verify(nine)
            tap(nine)
            tryVerify(() => Fixture.storedScaleTarget(Fixture.goalId) === 9, 3000)
            compare(Fixture.storedScaleNow(Fixture.goalId), 7)
            // The page shows what was stored: the tapped cell is the chosen value now.
            compare(findChild(page, "scaleNow_" + Fixture.goalId).value, 7)
            compare(findChild(page, "scaleTarget_" + Fixture.goalId).value, 9)
        }

        function test_network_contact_by_touch() {
            const page = openPage()
            page.showSection(3)  // Netzwerkkarte
            let map = null
            tryVerify(() => (map = findChild(page, "networkMap")) !== null, 3000)
            waitForRendering(map)
            const before = Fixture.storedContacts().length

            // Top right is Freunde & Nachbarn; the outer ring is ring 3.
            const r = Math.min(map.width, map.height) / 2
            const x = map.width / 2 + r * 0.6, y = map.height / 2 - r * 0.6
            touchEvent(map).press(0, map, x, y).commit()
            touchEvent(map).release(0, map, x, y).commit()
            const dialog = findChild(page, "recordDialog")
            tryCompare(dialog, "opened", true)
            compare(dialog.current.sector, "friends_neighbours")
            compare(dialog.current.distance, 3)

            // Saving without a name is refused by the domain layer: the dialog stays, nothing stored.
            dialog.submit()
            compare(dialog.visible, true)
            verify(CaseDetail.issueList.length > 0)
            compare(Fixture.storedContacts().length, before)

            dialog.current.name = "Nachbarin Frau Ott"
            dialog.submit()
            tryCompare(dialog, "visible", false)
            compare(Fixture.storedContacts().length, before + 1)
            compare(Fixture.storedContacts()[before], "Nachbarin Frau Ott")
            tryVerify(() => findChild(page, "contact_" + before) !== null, 3000)
        }

        // A lock while a form is open (the idle timer fires mid-typing): what was typed is saved
        // before the store closes.
        function test_open_form_saved_on_lock() {
            const page = openPage()
            page.showSection(3)  // Netzwerkkarte
            let map = null
            tryVerify(() => (map = findChild(page, "networkMap")) !== null, 3000)
            waitForRendering(map)
            const before = Fixture.storedContacts().length
            const r = Math.min(map.width, map.height) / 2
            const x = map.width / 2 - r * 0.5, y = map.height / 2 + r * 0.5
            touchEvent(map).press(0, map, x, y).commit()
            touchEvent(map).release(0, map, x, y).commit()
            const dialog = findChild(page, "recordDialog")
            tryCompare(dialog, "opened", true)
            dialog.current.name = "Trainer vom Sportverein"
            Session.aboutToLock()
            compare(Fixture.storedContacts().length, before + 1)
            compare(Fixture.storedContacts()[before], "Trainer vom Sportverein")
            tryCompare(dialog, "visible", false)
        }

        // A lock while a form the domain refuses is open (a goal whose review date is no date):
        // the form is kept as the case's draft; the page offers it, Wiederherstellen reopens the
        // form with the text, and saving it completed deletes the draft.
        function test_refused_form_kept_as_draft_on_lock() {
            const page = openPage()
            page.showSection(1)
            const dialog = findChild(page, "recordDialog")
            page.openForm({ title: "Ziel", recordType: "goal",
                            fields: [{ key: "text", label: "Ziel", kind: "multiline" },
                                     { key: "review_on", label: "Überprüfen am" }] }, "", {})
            tryCompare(dialog, "opened", true)
            dialog.current.text = "Ich will im Sommer schwimmen lernen."
            dialog.current.review_on = "irgendwann"
            Session.aboutToLock()
            dialog.close()
            tryCompare(dialog, "visible", false)

            CaseDetail.reload()  // what opening the case again after unlocking reads
            const banner = findChild(page, "draftBanner")
            tryCompare(banner, "visible", true)
            compare(CaseDetail.draft.values.text, "Ich will im Sommer schwimmen lernen.")

            tap(findChild(banner, "draftRestore"))
            tryCompare(dialog, "opened", true)
            compare(dialog.current.text, "Ich will im Sommer schwimmen lernen.")
            compare(dialog.current.review_on, "irgendwann")
            // The issue that kept it is shown under its field again.
            let issue = null
            tryVerify(() => (issue = findChild(dialog.contentItem, "issue_review_on")) !== null, 3000)
            verify(issue.text.indexOf("TT.MM.JJJJ") >= 0)
            dialog.current.review_on = ""
            dialog.submit()
            tryCompare(dialog, "visible", false)
            compare(Object.keys(CaseDetail.draft).length, 0)
            tryCompare(banner, "visible", false)
        }

        // A lock while a new contact's form is open without a name: kept as the case's draft, and
        // restored into the contact form in the sector and ring that were tapped.
        function test_refused_contact_kept_as_draft_on_lock() {
            const page = openPage()
            page.showSection(3)  // Netzwerkkarte
            let map = null
            tryVerify(() => (map = findChild(page, "networkMap")) !== null, 3000)
            waitForRendering(map)
            const before = Fixture.storedContacts().length
            // Bottom right is Schule, Arbeit & Vereine; 0.6 of the radius out is ring 2.
            const r = Math.min(map.width, map.height) / 2
            const x = map.width / 2 + r * 0.55, y = map.height / 2 + r * 0.25
            touchEvent(map).press(0, map, x, y).commit()
            touchEvent(map).release(0, map, x, y).commit()
            const dialog = findChild(page, "recordDialog")
            tryCompare(dialog, "opened", true)
            compare(dialog.current.sector, "school_work_clubs")
            compare(dialog.current.distance, 2)
            dialog.current.note = "Trainerin der Handballgruppe, Name folgt"
            Session.aboutToLock()
            compare(Fixture.storedContacts().length, before)
            dialog.close()
            tryCompare(dialog, "visible", false)

            CaseDetail.reload()
            const banner = findChild(page, "draftBanner")
            tryCompare(banner, "visible", true)
            tap(findChild(banner, "draftRestore"))
            tryCompare(dialog, "opened", true)
            compare(dialog.target, "contact")
            compare(dialog.current.note, "Trainerin der Handballgruppe, Name folgt")
            let sector = null
            tryVerify(() => (sector = findChild(dialog.contentItem, "choice_sector")) !== null, 3000)
            compare(sector.currentValue, "school_work_clubs")
            compare(findChild(dialog.contentItem, "choice_distance").currentValue, 2)
            verify(findChild(dialog.contentItem, "issue_name").text.length > 0)

            dialog.current.name = "Frau Kaya"
            dialog.submit()
            tryCompare(dialog, "visible", false)
            compare(Fixture.storedContacts().length, before + 1)
            compare(Fixture.storedContacts()[before], "Frau Kaya")
            compare(Object.keys(CaseDetail.draft).length, 0)
        }
    }
}
