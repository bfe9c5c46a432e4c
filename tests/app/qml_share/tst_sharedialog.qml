// "Fall teilen" by simulated touches on the real case page: the header button opens the dialog,
// a device the role policy refuses cannot be picked, the deputy's tablet is tapped and the share
// confirmed; the dialog says where the case is now, and the deputy's own store holds it after its
// sync (ShareProbe), not just the dialog. Then the case is taken back, and the deputy's store
// drops it at its next sync.
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
        name: "ShareDialog"
        when: windowShown

        function tap(item) {
            const x = item.width / 2, y = item.height / 2
            touchEvent(item).press(0, item, x, y).commit()
            touchEvent(item).release(0, item, x, y).commit()
        }

        function openDialog() {
            CaseDetail.open(ShareProbe.caseId)
            tryVerify(() => CaseDetail.isOpen, 5000)
            const page = createTemporaryObject(pageComponent, root)
            verify(page)
            const button = findChild(page, "shareCase")
            verify(button)
            waitForRendering(button)
            verify(button.width >= 48 && button.height >= 48)
            compare(button.Accessible.name, "Fall teilen")
            tap(button)
            const dialog = findChild(page, "shareDialog")
            verify(dialog)
            tryCompare(dialog, "opened", true)
            tryCompare(Share, "state", ShareController.Ready, 5000)
            compare(Share.caseName, "Familie Demir")
            return dialog
        }

        function target(dialog, deviceId) {
            let row = null
            tryVerify(() => (row = findChild(dialog.contentItem, "shareTarget_" + deviceId)) !== null, 5000)
            waitForRendering(row)
            return row
        }

        function test_a_refused_device_cannot_be_picked() {
            const dialog = openDialog()
            const planning = target(dialog, ShareProbe.planningId)
            compare(planning.enabled, false)
            verify(planning.reason.indexOf("erhalten keine Fallinhalte") >= 0)
            verify(planning.Accessible.name.indexOf("erhalten keine Fallinhalte") >= 0)
            tap(planning)
            compare(dialog.selectedId, "")
            const confirm = findChild(dialog.footer, "shareConfirm")
            verify(confirm)
            compare(confirm.enabled, false)
            tap(findChild(dialog.footer, "shareClose"))
            tryCompare(dialog, "opened", false)
            tryCompare(Share, "state", ShareController.Closed, 3000)  // once the dialog has closed
        }

        function test_b_share_with_the_deputy_by_touch() {
            const dialog = openDialog()
            const deputy = target(dialog, ShareProbe.deputyId)
            compare(deputy.enabled, true)
            compare(deputy.member, false)
            verify(deputy.height >= 48)
            verify(deputy.Accessible.name.indexOf("Tablet ASD Vertretung") === 0)

            tap(deputy)
            compare(dialog.selectedId, ShareProbe.deputyId)
            const confirm = findChild(dialog.footer, "shareConfirm")
            compare(confirm.enabled, true)
            compare(confirm.text, "Mit „Tablet ASD Vertretung“ teilen")
            verify(confirm.height >= 48)
            tap(confirm)

            tryCompare(Share, "state", ShareController.Shared, 20000)
            const result = findChild(dialog.contentItem, "shareResult")
            verify(result)
            tryCompare(result, "visible", true)
            compare(result.text, "Der Fall ist geteilt. Auf dem Gerät „Tablet ASD Vertretung“ erscheint er nach dessen nächster Synchronisierung.")
            compare(result.isError, false)
            compare(dialog.selectedId, "")
            // The deputy is listed as having the case; picked now, it would be taken back.
            tryVerify(() => target(dialog, ShareProbe.deputyId).member, 5000)
            compare(confirm.enabled, false)  // nothing selected after the share

            // The sync the share started has pushed the case; the deputy's next sync brings it.
            tryVerify(() => !Session.storeBusy && !Sync.syncing, 20000)
            compare(ShareProbe.deputySyncsAndReads(), "Familie Demir")
        }

        function test_c_take_it_back_by_touch() {
            const dialog = openDialog()
            const deputy = target(dialog, ShareProbe.deputyId)
            compare(deputy.member, true)
            compare(deputy.enabled, true)
            tap(deputy)
            const confirm = findChild(dialog.footer, "shareConfirm")
            compare(confirm.text, "Von „Tablet ASD Vertretung“ zurücknehmen")
            tap(confirm)
            tryCompare(Share, "state", ShareController.Unshared, 20000)
            const result = findChild(dialog.contentItem, "shareResult")
            verify(result.text.indexOf("vom Gerät „Tablet ASD Vertretung“ zurückgenommen") >= 0)
            tryVerify(() => !target(dialog, ShareProbe.deputyId).member, 5000)
            tryVerify(() => !Session.storeBusy, 20000)
            compare(ShareProbe.deputySyncsAndReads(), "")  // purged at its sync
        }

        // The free provider by touch: the helper's row is refused until the case is assigned to
        // its provider; "Zuweisen" (a `provider` entry on the server), then share with the helper,
        // whose own sync brings the case.
        function test_d_assign_to_a_provider_then_share_with_its_helper() {
            const dialog = openDialog()
            let helper = target(dialog, ShareProbe.helperId)
            compare(helper.enabled, false)
            verify(helper.reason.indexOf("nicht zugewiesen") >= 0)
            let assign = null
            tryVerify(() => (assign = findChild(dialog.contentItem, "assign_0")) !== null, 5000)
            waitForRendering(assign)
            compare(assign.text, "Zuweisen")
            tap(assign)
            tryCompare(Share, "state", ShareController.Assigned, 20000)
            const result = findChild(dialog.contentItem, "shareResult")
            compare(result.text, "Der Fall ist jetzt dem Träger „Kinderhaus Nord e. V.“ zugewiesen. Seine Familienhilfe können Sie nun mit dem Fall teilen.")
            tryCompare(findChild(dialog.contentItem, "assign_0"), "text", "Zuweisung zurücknehmen", 5000)
            tryVerify(() => target(dialog, ShareProbe.helperId).enabled, 5000)
            helper = target(dialog, ShareProbe.helperId)
            tap(helper)
            tap(findChild(dialog.footer, "shareConfirm"))
            tryCompare(Share, "state", ShareController.Shared, 20000)
            tryVerify(() => !Session.storeBusy && !Sync.syncing, 20000)
            compare(ShareProbe.helperSyncsAndReads(), "Familie Demir")
        }
    }
}
