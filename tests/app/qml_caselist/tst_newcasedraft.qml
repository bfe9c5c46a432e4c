// The new-case form across a real lock (issue 5: nothing typed is lost): text typed into the
// case list's "Neuer Fall" dialog that the domain refuses (no name, an opening date that is no
// date) is kept as a sealed draft when the session locks; after unlocking, the case list offers it,
// "Wiederherstellen" reopens the dialog with every typed value and the domain's issues under the
// fields, and creating the case stores it and deletes the draft. The page is destroyed at the lock
// and made anew after it, as Main.qml's Loader does; what was stored is read back by the Probe.
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
        CaseListPage {
            width: root.width
            height: root.height
        }
    }

    TestCase {
        name: "NewCaseDraft"
        when: windowShown

        function tap(item) {
            verify(item)
            const x = item.width / 2, y = item.height / 2
            touchEvent(item).press(0, item, x, y).commit()
            touchEvent(item).release(0, item, x, y).commit()
        }
        function type(field, text) {
            verify(field)
            mouseClick(field)
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }
        function makePage() {
            const page = pageComponent.createObject(root)
            verify(page)
            return page
        }

        function test_new_case_typed_at_a_lock_is_restored_and_created() {
            tryCompare(Session, "state", SessionController.Unlocked, 30000)
            const casesBefore = Probe.caseCount()
            let page = makePage()
            compare(findChild(page, "newCaseDraftBanner").visible, false)

            tap(findChild(page, "newCaseButton"))
            let dialog = findChild(page, "newCaseDialog")
            tryCompare(dialog, "opened", true)
            let social = null
            tryVerify(() => (social = findChild(dialog.contentItem, "text_social_space")) !== null, 3000)
            waitForRendering(social)
            type(social, "KANARIE Kanalviertel")
            type(findChild(dialog.contentItem, "text_lead_worker"), "Frau Probe")
            type(findChild(findChild(dialog.contentItem, "date_opened_on"), "dateInput"), "1.3.")
            compare(dialog.current.social_space, "KANARIE Kanalviertel")

            // The idle timer fires mid-typing: the form is refused (no name) and kept, sealed.
            Probe.lock()
            compare(Session.state, SessionController.Locked)
            page.destroy()
            wait(0)
            compare(Probe.storeFilesContain("KANARIE"), false)

            Probe.unlock()
            tryCompare(Session, "state", SessionController.Unlocked, 30000)
            compare(Probe.caseCount(), casesBefore)
            page = makePage()
            const banner = findChild(page, "newCaseDraftBanner")
            tryCompare(banner, "visible", true)
            verify(banner.Accessible.name.indexOf("Neuer Fall") >= 0)

            tap(findChild(banner, "draftRestore"))
            dialog = findChild(page, "newCaseDialog")
            tryCompare(dialog, "opened", true)
            compare(dialog.current.social_space, "KANARIE Kanalviertel")
            compare(dialog.current.lead_worker, "Frau Probe")
            compare(dialog.current.opened_on, "1.3.")
            let nameField = null
            tryVerify(() => (nameField = findChild(dialog.contentItem, "text_name")) !== null, 3000)
            waitForRendering(nameField)
            compare(findChild(dialog.contentItem, "text_social_space").text, "KANARIE Kanalviertel")
            compare(findChild(findChild(dialog.contentItem, "date_opened_on"), "dateInput").text, "1.3.")
            // The domain's issues under their fields.
            const nameIssue = findChild(dialog.contentItem, "issue_name")
            compare(nameIssue.visible, true)
            compare(nameIssue.text, "Bitte ausfüllen.")  // under its field, which names it
            verify(findChild(dialog.contentItem, "issue_opened_on").text.indexOf("TT.MM.JJJJ") >= 0)

            type(nameField, "Familie Kanal")
            type(findChild(findChild(dialog.contentItem, "date_opened_on"), "dateInput"), "01.03.2026")
            tap(findChild(dialog.footer, "dialogSave"))
            tryCompare(dialog, "visible", false)
            const stored = Probe.storedCase("Familie Kanal")
            compare(stored.social_space, "KANARIE Kanalviertel")
            compare(stored.lead_worker, "Frau Probe")
            compare(stored.opened_on, "2026-03-01")
            compare(stored.status, "new")
            compare(Probe.caseCount(), casesBefore + 1)
            compare(Object.keys(CaseDetail.newCaseDraft).length, 0)
            tryCompare(banner, "visible", false)
            page.destroy()
        }

        // (Runs after the test above: test functions run in name order.) Once the device knows the
        // offer map, the Sozialraum is picked from its social spaces, not typed (issue: a typo hid
        // the family's offers in the visit and would split a report's counts).
        function test_with_the_offer_map_the_social_space_is_picked_not_typed() {
            tryCompare(Session, "state", SessionController.Unlocked, 30000)
            verify(Probe.seedOfferMap())
            const spaces = Offers.socialSpaces.map(s => s.name)
            verify(spaces.length >= 2)
            const page = makePage()
            tap(findChild(page, "newCaseButton"))
            const dialog = findChild(page, "newCaseDialog")
            tryCompare(dialog, "opened", true)
            let box = null
            tryVerify(() => (box = findChild(dialog.contentItem, "choice_social_space")) !== null, 3000)
            waitForRendering(box)
            compare(findChild(dialog.contentItem, "text_social_space").visible, false)
            compare(box.count, spaces.length)
            compare(box.displayText, "Bitte wählen")
            box.forceActiveFocus()
            keyClick(Qt.Key_Return)          // opens the list
            tryCompare(box.popup, "opened", true)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Return)          // the second space
            tryCompare(box.popup, "visible", false)
            compare(dialog.current.social_space, spaces[1])
            type(findChild(dialog.contentItem, "text_name"), "Familie Wahl")
            tap(findChild(dialog.footer, "dialogSave"))
            tryCompare(dialog, "visible", false)
            compare(Probe.storedCase("Familie Wahl").social_space, spaces[1])
            page.destroy()
        }
    }
}
