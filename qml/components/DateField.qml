// A date field: shows and takes the German form TT.MM.JJJJ, hands on ISO YYYY-MM-DD, and opens a
// touch-friendly month calendar (Qt 6.4 has no DatePicker: MonthGrid and DayOfWeekRow from
// QtQuick.Controls, 48 px days, month and year steps). Typed input that is no real date shows a
// clear German error at once; the text stays as typed and is handed on unchanged, so a save is
// refused by the domain and nothing typed is lost.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

ColumnLayout {
    id: root

    property string iso            // the value to show (ISO or "")
    property string label
    property string issue          // the domain's message for this field, if any
    readonly property string error: input.error
    readonly property string text: input.text
    property alias calendar: calendar  // for tests: the popup lives in the overlay

    // The ISO date; "" for a blank field; the text as typed when it is no date.
    signal edited(string value)

    spacing: Theme.spacingXs

    //: The locale of the calendar's month and weekday names (and its first weekday): follows the UI language.
    readonly property var calendarLocale: Qt.locale(qsTr("de_DE"))

    function pad(n) { return n < 10 ? "0" + n : String(n) }
    // month: 0-11, as MonthGrid counts.
    function pick(year, month, day) {
        const value = year + "-" + pad(month + 1) + "-" + pad(day)
        input.text = CaseDetail.displayDate(value)
        input.error = ""
        root.edited(value)
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingXs

        TextField {
            id: input
            objectName: "dateInput"
            property string error
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget + Theme.spacingS
            text: CaseDetail.displayDate(root.iso)
            placeholderText: qsTr("TT.MM.JJJJ")
            inputMethodHints: Qt.ImhPreferNumbers
            font.pixelSize: Theme.fontBody
            Accessible.name: root.label
            onTextEdited: {
                const parsed = CaseDetail.parseDate(text)
                error = parsed.ok ? "" : parsed.error
                root.edited(parsed.ok ? parsed.iso : text)
            }
        }
        ToolButton {
            FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
            Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
            Keys.onEnterPressed: event => { clicked(); event.accepted = true }
            objectName: "dateOpenCalendar"
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Kalender öffnen: %1").arg(root.label)
            onClicked: calendar.show()
            contentItem: Item {
                Icon { anchors.centerIn: parent; name: "calendar"; color: Theme.primary; size: 24 }
            }
        }
    }

    Label {
        Layout.fillWidth: true
        visible: text.length > 0
        text: input.error
        color: Theme.error
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
    }

    Popup {
        id: calendar
        objectName: "dateCalendar"
        property int year
        property int month  // 0-11
        // The day shown as chosen: the field's date, if it is one.
        property string chosen

        function show() {
            const parsed = CaseDetail.parseDate(input.text)
            chosen = parsed.ok ? parsed.iso : ""
            const now = new Date()
            year = chosen.length > 0 ? Number(chosen.substring(0, 4)) : now.getFullYear()
            month = chosen.length > 0 ? Number(chosen.substring(5, 7)) - 1 : now.getMonth()
            open()
        }
        function step(months) {
            const m = year * 12 + month + months
            year = Math.floor(m / 12)
            month = m - year * 12
        }

        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 2 * Theme.spacingM : 400, 7 * (Theme.touchTarget + 4) + 2 * Theme.spacingL)
        modal: true
        focus: true
        padding: Theme.spacingL
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

        background: Rectangle { radius: Theme.radius; color: Theme.surface }

        contentItem: ColumnLayout {
            spacing: Theme.spacingS
            Accessible.role: Accessible.Dialog
            Accessible.name: qsTr("Datum wählen: %1").arg(root.label)

            Label {
                Layout.fillWidth: true
                text: root.label
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 0
                Repeater {
                    model: [
                        { name: "dateYearBack", text: "«", months: -12, hint: qsTr("Ein Jahr zurück") },
                        { name: "dateMonthBack", text: "‹", months: -1, hint: qsTr("Einen Monat zurück") }
                    ]
                    ToolButton {
                        FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                        Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                        Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                        required property var modelData
                        objectName: modelData.name
                        Layout.preferredWidth: Theme.touchTarget
                        Layout.preferredHeight: Theme.touchTarget
                        text: modelData.text
                        font.pixelSize: Theme.fontLarge
                        Accessible.name: modelData.hint
                        onClicked: calendar.step(modelData.months)
                    }
                }
                Label {
                    objectName: "dateMonthTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: root.calendarLocale.standaloneMonthName(calendar.month) + " " + calendar.year
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontLarge
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Repeater {
                    model: [
                        { name: "dateMonthNext", text: "›", months: 1, hint: qsTr("Einen Monat weiter") },
                        { name: "dateYearNext", text: "»", months: 12, hint: qsTr("Ein Jahr weiter") }
                    ]
                    ToolButton {
                        FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                        Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                        Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                        required property var modelData
                        objectName: modelData.name
                        Layout.preferredWidth: Theme.touchTarget
                        Layout.preferredHeight: Theme.touchTarget
                        text: modelData.text
                        font.pixelSize: Theme.fontLarge
                        Accessible.name: modelData.hint
                        onClicked: calendar.step(modelData.months)
                    }
                }
            }
            DayOfWeekRow {
                Layout.fillWidth: true
                locale: grid.locale
                delegate: Label {
                    required property string shortName
                    text: shortName
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
            }
            MonthGrid {
                id: grid
                Layout.fillWidth: true
                month: calendar.month
                year: calendar.year
                locale: root.calendarLocale
                spacing: 4

                delegate: Rectangle {
                    id: dayCell
                    required property var model
                    readonly property bool inMonth: model.month === grid.month
                    readonly property string isoDay: model.year + "-" + root.pad(model.month + 1) + "-" + root.pad(model.day)
                    readonly property bool chosen: isoDay === calendar.chosen
                    objectName: inMonth ? "day_" + model.day : ""
                    implicitWidth: Theme.touchTarget
                    implicitHeight: Theme.touchTarget
                    radius: width / 2
                    color: chosen ? Theme.primary : model.today ? Theme.primarySoft : "transparent"
                    Accessible.role: Accessible.Button
                    Accessible.name: CaseDetail.displayDate(isoDay)

                    Label {
                        anchors.centerIn: parent
                        text: dayCell.model.day
                        color: dayCell.chosen ? Theme.textOnPrimary : dayCell.inMonth ? Theme.textPrimary : Theme.textDisabled
                        font.pixelSize: Theme.fontBody
                    }
                    TapHandler {
                        onTapped: {
                            root.pick(dayCell.model.year, dayCell.model.month, dayCell.model.day)
                            calendar.close()
                        }
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                ActionButton {
                    objectName: "dateToday"
                    filled: false
                    text: qsTr("Heute")
                    onClicked: {
                        const now = new Date()
                        root.pick(now.getFullYear(), now.getMonth(), now.getDate())
                        calendar.close()
                    }
                }
                Item { Layout.fillWidth: true }
                ActionButton {
                    objectName: "dateCancel"
                    filled: false
                    text: qsTr("Abbrechen")
                    onClicked: calendar.close()
                }
            }
        }
    }
}
