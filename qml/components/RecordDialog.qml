// The one form dialog of the case page: a list of field descriptions becomes labelled editors;
// "Speichern" hands the values to CaseDetail, which saves them through the domain layer. When the
// domain refuses, the dialog stays open with everything typed and shows each field's message.
//
// fields: [{ key, label, kind: "text" | "multiline" | "date" (DateField) | "choice" | "switch",
//            choices: [{value, label}] (choice), placeholder, hint }]
// target: "record" (CaseDetail.saveRecord(recordType, …)), "case" (saveCase), "newCase"
//         (createCase; created(id) on success), "contact" (a network-map contact, by `index`),
//         "worker" (who works with this device: setWorkerName(values.worker))
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Dialog {
    id: root

    property string target: "record"
    property string recordType
    property string recordId
    property int index: -1
    property var fields: []
    property var current: ({})
    property string removeText
    property string saveText: qsTr("Speichern")
    // The saved_at of the draft this form was restored from ("" for a fresh form): saving the
    // form deletes that draft, and only that one (CaseDetail's invariant 6).
    property string restoredFrom

    signal created(string caseId)
    signal removed()

    // Starts the form with `initial` values (a copy is edited; nothing is saved before "Speichern").
    function edit(id, initial) {
        recordId = id || ""
        restoredFrom = ""
        current = Object.assign({}, initial || {})
        CaseDetail.clearIssues()
        open()
    }

    // A restored draft: the form opened with `edit` as restored, then the draft's issues shown.
    function restore(id, draft) {
        edit(id, draft.values || {})
        restoredFrom = draft.saved_at || ""
        CaseDetail.showDraftIssues(draft)
    }

    function submit() {
        const values = Object.assign({}, current)
        if (recordId.length > 0)
            values.id = recordId
        let ok = false
        if (target === "newCase") {
            const id = CaseDetail.createCase(values, restoredFrom)
            ok = id.length > 0
            if (ok)
                created(id)
        } else if (target === "worker") {
            ok = CaseDetail.setWorkerName(values.worker || "")
        } else if (target === "case") {
            ok = CaseDetail.saveCase(values, restoredFrom)
        } else if (target === "contact") {
            ok = index < 0 ? CaseNetwork.addNetworkContact(values, restoredFrom)
                           : CaseNetwork.updateNetworkContact(index, values, restoredFrom)
        } else {
            ok = CaseDetail.saveRecord(recordType, values, restoredFrom)
        }
        if (ok)
            close()
    }

    function removeEntry() {
        const ok = target === "contact" ? CaseNetwork.removeNetworkContact(index) : CaseDetail.removeRecord(recordId)
        if (ok) {
            removed()
            close()
        }
    }

    // A lock (the user's, the idle timer's, going to the background) while the form is open: every
    // form goes to CaseDetail.saveForLock, which saves it if the domain takes it and otherwise
    // keeps it as a sealed draft (the case's, or the new-case form's), on the store thread if a
    // sync holds the store; the worker name is written unless the field was emptied. Handed over,
    // the form closes (the page goes with the lock anyway).
    Connections {
        target: Session
        function onAboutToLock() {
            if (root.opened && CaseDetail.saveForLock(root.spec(), root.recordId, Object.assign({}, root.current)))
                root.close()
        }
    }

    // What reopens this form from a draft (CasePage.openForm takes it back).
    function spec() {
        return { title: title, target: target, recordType: recordType, index: index, fields: fields,
                 removeText: removeText, saveText: saveText, restoredFrom: restoredFrom }
    }

    // Messages for fields the form does not show (list items, derived fields).
    readonly property string otherIssues: {
        const keys = fields.map(f => f.key)
        const out = []
        for (const key in CaseDetail.issues) {
            if (keys.indexOf(key) < 0)
                out.push(CaseDetail.issues[key])
        }
        if (CaseDetail.errorMessage.length > 0)
            out.push(CaseDetail.errorMessage)
        return out.join("\n")
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingM : 600, 640)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.spacingM : 800)
    modal: true
    focus: true
    padding: Theme.spacingL
    closePolicy: Popup.CloseOnEscape

    onClosed: CaseDetail.clearIssues()
    // Keyboard (docs/app.md, "Keyboard and focus"): the opened form holds the focus at `entry`, so
    // the first Tab reaches the first field (the popup's own chain would start at the footer), then
    // the fields in order, "Abbrechen" and the save button. Escape closes (closePolicy). No field
    // takes the focus by itself, so opening the form does not bring up the on-screen keyboard.
    onOpened: entry.forceActiveFocus()

    // The first shown, enabled control under `item` that Tab stops at, in the order Tab walks.
    function firstTabStop(item) {
        for (let i = 0; i < item.children.length; ++i) {
            const child = item.children[i]
            if (!child.visible || !child.enabled)
                continue
            if (child.activeFocusOnTab)
                return child
            const inner = firstTabStop(child)
            if (inner)
                return inner
        }
        return null
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
    }

    header: Label {
        text: root.title
        padding: Theme.spacingL
        bottomPadding: 0
        color: Theme.textPrimary
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text

        // Where the focus waits when the form opens (no field, no keyboard on the screen).
        Item {
            id: entry
            Keys.onTabPressed: event => {
                (root.firstTabStop(form) || entry.nextItemInFocusChain(true)).forceActiveFocus(Qt.TabFocusReason)
                event.accepted = true
            }
        }
    }

    contentItem: ScrollView {
        id: scroll
        implicitHeight: form.implicitHeight
        contentWidth: availableWidth
        clip: true
        Accessible.role: Accessible.Dialog
        Accessible.name: root.title

        ColumnLayout {
            id: form
            width: scroll.availableWidth
            spacing: Theme.spacingM

            InlineMessage {
                Layout.fillWidth: true
                text: root.otherIssues
            }

            Repeater {
                // Made afresh for every opening, so every editor starts from `current`.
                model: root.visible ? root.fields : []

                ColumnLayout {
                    id: fieldItem
                    required property var modelData
                    readonly property string key: modelData.key
                    readonly property string kind: modelData.kind || "text"
                    readonly property string issue: CaseDetail.issueReasons[key] || ""  // the field names itself
                    Layout.fillWidth: true
                    spacing: Theme.spacingXs

                    Label {
                        visible: fieldItem.kind !== "switch"
                        text: fieldItem.modelData.label
                        color: fieldItem.issue.length > 0 ? Theme.error : Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.Medium
                    }

                    TextField {
                        objectName: "text_" + fieldItem.key
                        visible: fieldItem.kind === "text"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget + Theme.spacingS
                        text: root.current[fieldItem.key] !== undefined ? String(root.current[fieldItem.key]) : ""
                        placeholderText: fieldItem.modelData.placeholder || ""
                        font.pixelSize: Theme.fontBody
                        Accessible.name: fieldItem.modelData.label
                        onTextEdited: root.current[fieldItem.key] = text
                    }

                    // TT.MM.JJJJ in the field, ISO in the record, a calendar for the finger.
                    Loader {
                        active: fieldItem.kind === "date"
                        visible: active
                        Layout.fillWidth: true
                        sourceComponent: DateField {
                            objectName: "date_" + fieldItem.key
                            label: fieldItem.modelData.label
                            iso: root.current[fieldItem.key] !== undefined ? String(root.current[fieldItem.key]) : ""
                            onEdited: value => root.current[fieldItem.key] = value
                        }
                    }

                    TextArea {
                        id: multiline
                        objectName: "multiline_" + fieldItem.key
                        visible: fieldItem.kind === "multiline"
                        Layout.fillWidth: true
                        Layout.minimumHeight: 96
                        wrapMode: TextEdit.Wrap
                        text: root.current[fieldItem.key] !== undefined ? String(root.current[fieldItem.key]) : ""
                        placeholderText: fieldItem.modelData.placeholder || ""
                        font.pixelSize: Theme.fontBody
                        Accessible.name: fieldItem.modelData.label
                        onTextChanged: if (activeFocus) root.current[fieldItem.key] = text
                        // Tab moves on, as in VerbatimEditor: a tab character is never part of a record.
                        Keys.onTabPressed: event => { multiline.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
                        Keys.onBacktabPressed: event => { multiline.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }
                    }

                    DropDown {  // opens with Enter and Return too
                        id: combo
                        objectName: "choice_" + fieldItem.key
                        visible: fieldItem.kind === "choice"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget + Theme.spacingS
                        model: fieldItem.kind === "choice" ? fieldItem.modelData.choices : []
                        textRole: "label"
                        valueRole: "value"
                        Accessible.name: fieldItem.modelData.label
                        Component.onCompleted: {
                            if (fieldItem.kind !== "choice")
                                return
                            const i = indexOfValue(root.current[fieldItem.key])
                            currentIndex = i >= 0 ? i : -1
                            displayText = Qt.binding(() => currentIndex >= 0 ? currentText : qsTr("Bitte wählen"))
                        }
                        onActivated: root.current[fieldItem.key] = currentValue

                        background: Rectangle {
                            radius: Theme.radiusSmall
                            color: Theme.surface
                            border.color: combo.activeFocus ? Theme.primary : Theme.outline
                            border.width: combo.activeFocus ? 2 : 1

                            FocusRing {
                                shown: combo.visualFocus
                                radius: Theme.radiusSmall + gap
                            }
                        }
                    }

                    Switch {
                        id: toggle
                        objectName: "switch_" + fieldItem.key
                        visible: fieldItem.kind === "switch"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget
                        text: fieldItem.modelData.label
                        checked: !!root.current[fieldItem.key]
                        Accessible.name: fieldItem.modelData.label
                        onToggled: root.current[fieldItem.key] = checked
                        Keys.onReturnPressed: event => { toggle.toggle(); toggle.toggled(); event.accepted = true }
                        Keys.onEnterPressed: event => { toggle.toggle(); toggle.toggled(); event.accepted = true }

                        FocusRing {
                            shown: toggle.visualFocus
                            radius: Theme.radiusSmall
                        }
                    }

                    Label {
                        objectName: "issue_" + fieldItem.key
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: fieldItem.issue.length > 0 ? fieldItem.issue : (fieldItem.modelData.hint || "")
                        color: fieldItem.issue.length > 0 ? Theme.error : Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
    }

    footer: RowLayout {
        spacing: Theme.spacingS

        ActionButton {
            Layout.leftMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingM
            visible: root.removeText.length > 0 && (root.recordId.length > 0 || root.index >= 0)
            filled: false
            text: root.removeText
            Accessible.name: root.removeText
            onClicked: root.removeEntry()
        }
        Item { Layout.fillWidth: true }
        ActionButton {
            Layout.bottomMargin: Theme.spacingM
            objectName: "dialogCancel"
            filled: false
            text: qsTr("Abbrechen")
            Accessible.name: text
            onClicked: root.close()
        }
        ActionButton {
            objectName: "dialogSave"
            Layout.rightMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingM
            text: root.saveText
            Accessible.name: text
            onClicked: root.submit()
        }
    }
}
