// Einwilligungen by touch on the real case page: a consent recorded through the dialog's chips,
// an incomplete one refused with the field's message; the entrusted note carries the "Anvertraut"
// badge, is passed into the case under the consent (refused first for a purpose it does not
// cover); the consent withdrawn — each step read back from the store (Fixture), not the page.
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
        name: "Consents"
        when: windowShown

        function openPage(section) {
            CaseDetail.open(Fixture.caseId)
            verify(CaseDetail.isOpen)
            const page = createTemporaryObject(pageComponent, root)
            verify(page)
            page.showSection(section)
            return page
        }
        function tap(item) {
            verify(item, "nothing to tap")
            tryVerify(() => item.visible && item.enabled, 3000, "not visible and enabled: " + item.objectName + " " + item.visible + " " + item.enabled)
            waitForRendering(item)
            const x = item.width / 2, y = item.height / 2
            touchEvent(item).press(0, item, x, y).commit()
            touchEvent(item).release(0, item, x, y).commit()
        }
        // Scrolls a dialog's form (its ScrollView) so that `item` is in view, as a finger would.
        function scrollTo(dialog, item) {
            const flick = dialog.contentItem.contentItem
            const p = item.mapToItem(flick.contentItem, 0, 0)
            flick.contentY = Math.max(0, Math.min(p.y - 20, flick.contentHeight - flick.height))
            waitForRendering(item)
        }
        function tapInForm(dialog, name) {
            let item = null
            tryVerify(() => (item = findChild(dialog.contentItem, name)) !== null, 3000, "no " + name)
            scrollTo(dialog, item)
            tap(item)
        }
        // `within`: the page, or a dialog's contentItem or footer (a popup's items live in the overlay).
        function tapNamed(within, name) {
            let item = null
            tryVerify(() => (item = findChild(within, name)) !== null, 3000, "no " + name)
            tap(item)
        }

        function test_1_record_consent_by_touch() {
            const page = openPage(8)  // Einwilligungen
            const dialog = findChild(page, "consentDialog")
            verify(dialog)
            compare(Fixture.storedConsents().length, 0)

            dialog.openNew()
            tryCompare(dialog, "opened", true)
            // Nobody chosen yet: refused, with the message under "Wer willigt ein?".
            tapNamed(dialog.footer, "consentSave")
            compare(Fixture.storedConsents().length, 0)
            compare(CaseConsents.errors.consenting, "Bitte angeben, wer einwilligt.")
            verify(dialog.opened)

            tapInForm(dialog, "consenting_0")   // Jana Petersen (Mutter)
            tapInForm(dialog, "purposes_0")     // Hilfeplanung
            tapInForm(dialog, "recipients_0")   // ASD-Fachkraft
            tapNamed(dialog.footer, "consentSave")
            tryCompare(dialog, "opened", false)
            const stored = Fixture.storedConsents()
            compare(stored.length, 1)
            compare(stored[0].state, "valid")
            compare(stored[0].purposes, ["hilfeplanung"])
            compare(CaseConsents.consents.count, 1)
        }

        function test_2_disclose_entrusted_note() {
            const page = openPage(4)  // Kontakte & Vermerke
            tryVerify(() => findChild(page, "entrustedBadge_0") !== null, 3000)
            verify(findChild(page, "entrustedBadge_0").visible)
            tapNamed(page, "disclose_0")
            const dialog = findChild(page, "disclosureDialog")
            tryCompare(dialog, "opened", true)
            compare(dialog.noteId, Fixture.noteId)
            // The valid consent is chosen; a purpose it does not cover is refused before anything is written.
            tapInForm(dialog, "purpose_3")      // Schutzauftrag
            compare(dialog.verdict, "Die Einwilligung umfasst den Zweck „Schutzauftrag (§ 8a SGB VIII)“ nicht.")
            verify(!findChild(dialog.footer, "disclosureSubmit").enabled)
            tapInForm(dialog, "purpose_0")      // Hilfeplanung
            compare(dialog.verdict, "")
            tapNamed(dialog.footer, "disclosureSubmit")
            tryCompare(dialog, "opened", false)
            compare(Fixture.storedDisclosures(), 1)
            verify(CaseConsents.message.startsWith("Der Vermerk ist jetzt im Fall"))
            // Two notes now, both anvertraut: the original and its copy in the case.
            tryVerify(() => findChild(page, "entrustedBadge_1") !== null && findChild(page, "entrustedBadge_1").visible, 3000)
        }

        function test_3_withdraw_by_touch() {
            const page = openPage(8)
            tapNamed(page, "withdraw_0")
            const dialog = findChild(page, "consentsCard").withdrawDialog
            tryCompare(dialog, "opened", true)
            tapNamed(dialog.footer, "withdrawConfirm")
            tryCompare(dialog, "opened", false)
            compare(Fixture.storedConsents()[0].state, "withdrawn")
            // Withdrawn for good: no second withdrawal offered, and the note can no longer go under it.
            tryVerify(() => !findChild(page, "withdraw_0").visible, 3000)
            page.showSection(4)
            // The original (its copy in the case has no such button): whichever row it is now.
            let button = null
            tryVerify(() => {
                for (let i = 0; i < 4; ++i) {
                    const b = findChild(page, "disclose_" + i)
                    if (b && b.visible) { button = b; return true }
                }
                return false
            }, 3000, "no note to pass on")
            tap(button)
            const disclosure = findChild(page, "disclosureDialog")
            tryCompare(disclosure, "opened", true)
            disclosure.consentId = CaseConsents.consents.get(0).id
            disclosure.purpose = "hilfeplanung"
            verify(disclosure.verdict.endsWith("widerrufen und erlaubt keine Weitergabe mehr."))
            verify(!findChild(disclosure.footer, "disclosureSubmit").enabled)
            disclosure.close()
        }
    }
}
