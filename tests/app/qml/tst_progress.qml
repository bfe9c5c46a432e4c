// A Verlaufsbericht by touch on the real case page: the form opened from the section, the goal's
// scale tapped, "Was geschah?" typed, "Speichern" — refused first with the domain's German issue
// while the goal is rated without a word — and read back from the store (Fixture).
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
        name: "Progress"
        when: windowShown

        function tap(item) {
            verify(item, "nothing to tap")
            tryVerify(() => item.visible && item.enabled, 3000)
            waitForRendering(item)
            const x = item.width / 2, y = item.height / 2
            touchEvent(item).press(0, item, x, y).commit()
            touchEvent(item).release(0, item, x, y).commit()
        }

        function test_write_a_progress_report_by_touch() {
            CaseDetail.open(Fixture.caseId)
            verify(CaseDetail.isOpen)
            const page = createTemporaryObject(pageComponent, root)
            page.showSection(7)  // Verlaufsberichte
            const dialog = findChild(page, "progressDialog")
            verify(dialog)
            compare(Fixture.storedProgress().length, 0)
            dialog.openNew()
            tryCompare(dialog, "opened", true)
            // The fixture's goal among the open goals (other test files of this run may add more).
            const i = dialog.rows.findIndex(r => r.goalId === Fixture.goalId)
            verify(i >= 0)

            // The scale: the cell "6" of the goal's editor.
            let six = null
            tryVerify(() => (six = findChild(dialog.contentItem, "progressScale_" + i + "_6")) !== null, 3000, "no scale cell")
            tap(six)
            compare(dialog.rows[i].picked, 6)
            compare(findChild(dialog.contentItem, "progressScale_" + i).value, 6)
            tap(findChild(dialog.footer, "progressSave"))
            compare(Fixture.storedProgress().length, 0)
            verify(CaseDetail.issueList.length === 1, CaseDetail.issueList.join(" | "))
            compare(CaseDetail.issueList[0], "Eintrag 1: Was geschah: Bitte ausfüllen.")
            verify(dialog.opened)

            const happened = findChild(dialog.contentItem, "progressHappened_" + i)
            tap(happened)
            happened.forceActiveFocus()
            for (const ch of "Wir essen dreimal pro Woche zusammen.")
                keyClick(ch)
            compare(dialog.rows[i].happened, "Wir essen dreimal pro Woche zusammen.")
            tap(findChild(dialog.footer, "progressSave"))
            tryCompare(dialog, "opened", false)
            const stored = Fixture.storedProgress()
            compare(stored.length, 1)
            compare(stored[0].entries.length, 1)  // the rows left alone are no entries
            compare(stored[0].entries[0].scaleNow, 6)
            compare(stored[0].entries[0].happened, "Wir essen dreimal pro Woche zusammen.")
            tryVerify(() => findChild(page, "progressReport_0") !== null, 3000)
        }
    }
}
