// The date field of the case page's forms: German TT.MM.JJJJ shown and typed, ISO handed on, a
// clear error for what is no date (the text kept as typed), and the calendar driven by touches.
import QtQuick
import QtTest
import Quartier.Ui

Item {
    id: root
    width: 800
    height: 1280

    Component {
        id: fieldComponent
        DateField {
            property var values: []
            width: 400
            label: "Geburtsdatum"
            onEdited: value => values.push(value)
        }
    }

    TestCase {
        name: "DateField"
        when: windowShown

        function make(iso) {
            const field = createTemporaryObject(fieldComponent, root, { iso: iso })
            verify(field)
            return field
        }
        function tap(item) {
            verify(item)
            const x = item.width / 2, y = item.height / 2
            touchEvent(item).press(0, item, x, y).commit()
            touchEvent(item).release(0, item, x, y).commit()
        }
        function retype(field, text) {
            const input = findChild(field, "dateInput")
            input.forceActiveFocus()
            input.selectAll()
            keyClick(Qt.Key_Delete)
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }
        function last(field) { return field.values[field.values.length - 1] }

        function test_shows_the_stored_date_in_german() {
            const field = make("2019-03-07")
            compare(findChild(field, "dateInput").text, "07.03.2019")
            compare(field.error, "")
            compare(make("").text, "")
        }

        function test_typed_dates() {
            const field = make("")
            retype(field, "3.4.2026")
            compare(last(field), "2026-04-03")
            compare(field.error, "")
            retype(field, "31.02.2026")  // no such day: said at once, the text kept and handed on as typed
            verify(field.error.length > 0)
            compare(last(field), "31.02.2026")
            compare(findChild(field, "dateInput").text, "31.02.2026")
            retype(field, "2026-12-24")  // the stored form is understood too
            compare(last(field), "2026-12-24")
            compare(field.error, "")
            retype(field, "")
            compare(last(field), "")
            compare(field.error, "")
        }

        function test_calendar_by_touch() {
            const field = make("2026-04-03")
            tap(findChild(field, "dateOpenCalendar"))
            tryCompare(field.calendar, "opened", true)
            const popup = field.calendar.contentItem
            verify(findChild(popup, "dateMonthTitle").text.indexOf("2026") >= 0)
            let day = null
            tryVerify(() => (day = findChild(popup, "day_15")) !== null, 3000)
            verify(day.width >= 48 && day.height >= 48, "a day is a 48 px touch target")
            waitForRendering(day)
            tap(day)
            compare(last(field), "2026-04-15")
            compare(findChild(field, "dateInput").text, "15.04.2026")
            tryCompare(field.calendar, "visible", false)

            // A birth date years back: a year back, a month on, then the day.
            tap(findChild(field, "dateOpenCalendar"))
            tryCompare(field.calendar, "opened", true)
            tap(findChild(popup, "dateYearBack"))
            tap(findChild(popup, "dateMonthNext"))
            verify(findChild(popup, "dateMonthTitle").text.indexOf("2025") >= 0)
            tryVerify(() => (day = findChild(popup, "day_1")) !== null, 3000)
            waitForRendering(day)
            tap(day)
            compare(last(field), "2025-05-01")
            compare(findChild(field, "dateInput").text, "01.05.2025")
        }
    }
}
