// The case page: a header with the family's name, status, social space and risk area, and the
// sections Familie, Wille & Ziele, Ressourcen, Netzwerkkarte, Kontakte & Vermerke, Einordnung,
// Hilfen, Verlaufsberichte (the free provider's progress reports) and Einwilligungen (consents, and where an entrusted note is passed into the case). In landscape a side list picks one section; in portrait all sections are stacked
// in one scroll with a row of chips to jump. Every edit goes through one RecordDialog to
// CaseDetail; the page holds no rules.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "casePage"

    // Set by Main.qml to whether a home-visit flow is there to start (the hook for HomeVisitPage).
    property bool homeVisitAvailable: false
    readonly property bool landscape: width > height && width >= 900
    readonly property var sections: [qsTr("Familie"), qsTr("Wille & Ziele"), qsTr("Ressourcen"), qsTr("Netzwerkkarte"),
                                     qsTr("Kontakte & Vermerke"), qsTr("Einordnung"), qsTr("Hilfen"), qsTr("Verlaufsberichte"),
                                     qsTr("Einwilligungen")]
    readonly property int sectionCount: sections.length
    property int currentSection: 0

    signal closeRequested()
    signal homeVisitRequested(string caseId)

    // Shows section `index`: selects it (landscape) or scrolls to it (portrait).
    function showSection(index) {
        currentSection = index
        flick.contentY = 0
        if (!landscape)
            scrollTimer.restart()  // once the stacked sections are laid out
    }
    // The section loaders by index, untyped: Qt 6.4's compiled lookup of y on the QQuickItem that
    // Repeater.itemAt() returns crashed (QQuickItem::z() on a bad index) in the headless runs.
    property var sectionItems: []
    function scrollToSection() {
        const item = sectionItems[currentSection]
        if (item && !landscape)
            flick.contentY = Math.max(0, Math.min(item.y + sectionsColumn.y - Theme.spacingS,
                                                  flick.contentHeight - flick.height))
    }
    // Turning the tablet keeps the section in view.
    onLandscapeChanged: showSection(currentSection)

    function setForm(spec) {
        dialog.title = spec.title
        dialog.target = spec.target || "record"
        dialog.recordType = spec.recordType || ""
        dialog.index = spec.index !== undefined ? spec.index : -1
        dialog.fields = spec.fields
        dialog.removeText = spec.removeText || ""
    }
    function openForm(spec, recordId, initial) {
        setForm(spec)
        dialog.edit(recordId, initial)
    }
    function closeDialogs() {
        dialog.close()
        shareDialog.close()
        consentDialog.close()
        progressDialog.close()
        disclosureDialog.close()
    }
    function openShare() { shareDialog.openFor(CaseDetail.caseId) }
    // The form kept at a lock, reopened with what was typed and the issues that kept it; saving it
    // deletes the draft.
    function restoreDraft() {
        const d = CaseDetail.draft
        if (!d.form)
            return
        setForm(d.form)
        dialog.restore(d.id || "", d)
    }

    function contactForm(position) {
        return {
            title: position < 0 ? qsTr("Kontakt hinzufügen") : qsTr("Kontakt"),
            target: "contact",
            index: position,
            removeText: qsTr("Von der Karte nehmen"),
            fields: [
                { key: "name", label: qsTr("Name"), placeholder: qsTr("z. B. Oma Ilse, Kita Regenbogen") },
                { key: "quality", label: qsTr("Beziehung"), kind: "choice", choices: CaseDetail.choices("contact_quality") },
                { key: "sector", label: qsTr("Sektor"), kind: "choice", choices: CaseDetail.choices("network_sector") },
                { key: "distance", label: qsTr("Nähe"), kind: "choice", choices: [
                      { value: 1, label: qsTr("Ring 1 – sehr nah") }, { value: 2, label: qsTr("Ring 2 – mittel") },
                      { value: 3, label: qsTr("Ring 3 – fern") }] },
                { key: "note", label: qsTr("Anmerkung"), kind: "multiline" }
            ]
        }
    }
    // The Sozialraum: one of the offer map's spaces (Offers.socialSpaceChoices keeps the case's own
    // value when it names none of them); typed only while the device knows no offer map.
    function spaceField() {
        const choices = Offers.socialSpaceChoices(CaseDetail.fields.social_space || "")
        return choices.length > 0 ? { key: "social_space", label: qsTr("Sozialraum"), kind: "choice", choices: choices }
                                  : { key: "social_space", label: qsTr("Sozialraum") }
    }
    function caseForm() {
        return {
            title: qsTr("Fall bearbeiten"),
            target: "case",
            fields: [
                { key: "name", label: qsTr("Name des Falls") },
                spaceField(),
                { key: "status", label: qsTr("Status"), kind: "choice", choices: CaseDetail.choices("case_status") },
                { key: "lead_worker", label: qsTr("Fallführende Fachkraft") },
                { key: "opened_on", label: qsTr("Eröffnet am"), kind: "date" },
                { key: "closed_on", label: qsTr("Beendet am"), kind: "date" },
                { key: "transferred_to", label: qsTr("Abgegeben an") }
            ]
        }
    }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Fall %1").arg(CaseDetail.name)

    // Not Qt.callLater: a call queued that way may outlive the page (popped meanwhile); the timer
    // goes with it.
    Timer {
        id: scrollTimer
        interval: 0
        onTriggered: page.scrollToSection()
    }

    background: Rectangle { color: Theme.background }

    header: Rectangle {
        implicitHeight: headerRow.implicitHeight + 2 * Theme.spacingS
        color: Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.outline
        }

        RowLayout {
            id: headerRow
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.leftMargin: Theme.spacingS
            anchors.rightMargin: Theme.spacingL
            spacing: Theme.spacingS

            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Zurück zur Fallliste")
                onClicked: page.closeRequested()
                contentItem: Item {
                    Icon { anchors.centerIn: parent; name: "back"; color: Theme.primary }
                }
            }

            ItemDelegate {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.headerHeight
                padding: 0
                Accessible.name: qsTr("Falldaten bearbeiten: %1").arg(CaseDetail.name)
                onClicked: page.openForm(page.caseForm(), "", CaseDetail.fields)
                background: Item {}
                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: CaseDetail.name
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontHeadline
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        Layout.fillWidth: true
                        text: [CaseDetail.fields.social_space, CaseDetail.statusLabel, CaseDetail.fields.lead_worker,
                               CaseDetail.fields.providers ? qsTr("Träger: %1").arg(CaseDetail.fields.providers) : ""]
                              .filter(s => s && s.length > 0).join(" · ")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
            }

            Rectangle {
                visible: CaseClassification.risk.area.length > 0
                Layout.preferredHeight: 32
                Layout.preferredWidth: riskLabel.implicitWidth + 2 * Theme.spacingM
                radius: 16
                color: CaseClassification.risk.area === "danger" ? Theme.errorSoft : CaseClassification.risk.area === "grey" ? Theme.warningSoft : Theme.successSoft
                Accessible.role: Accessible.StaticText
                Accessible.name: riskLabel.text
                Label {
                    id: riskLabel
                    anchors.centerIn: parent
                    text: CaseClassification.risk.label
                    color: CaseClassification.risk.area === "danger" ? Theme.error : CaseClassification.risk.area === "grey" ? Theme.warning : Theme.success
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                }
            }

            // "Fall teilen" (ShareCaseDialog): the case to a colleague's device.
            ActionButton {
                objectName: "shareCase"
                filled: false
                iconName: "people"
                text: page.landscape ? qsTr("Fall teilen") : ""
                Accessible.name: qsTr("Fall teilen")
                Layout.minimumWidth: Theme.touchTarget
                onClicked: page.openShare()
            }

            // "Beratung" (ConsultationDialog): a pseudonymised card of the case into the team scope.
            ActionButton {
                objectName: "prepareConsultation"
                visible: Team.available
                filled: false
                iconName: "list"
                text: page.landscape ? qsTr("Beratung") : ""
                Accessible.name: qsTr("Kollegiale Beratung vorbereiten")
                Layout.minimumWidth: Theme.touchTarget
                onClicked: consultationDialog.openNew()
            }

            ActionButton {
                objectName: "startHomeVisit"
                visible: page.homeVisitAvailable
                iconName: "add"
                // An open draft is resumed, never a second one started: the button says so.
                readonly property bool draftOpen: Visit.casesWithOpenVisit.indexOf(CaseDetail.caseId) >= 0
                text: draftOpen ? qsTr("Besuch fortsetzen")
                                : page.landscape ? qsTr("Hausbesuch beginnen") : qsTr("Hausbesuch")
                Accessible.name: draftOpen ? qsTr("Besuch fortsetzen") : qsTr("Hausbesuch beginnen")
                onClicked: page.homeVisitRequested(CaseDetail.caseId)
            }
        }
    }

    InlineMessage {
        id: pageError
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacingM
        z: 2
        text: dialog.visible ? "" : CaseDetail.errorMessage
    }

    DraftBanner {
        id: draftBanner
        objectName: "draftBanner"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        draft: CaseDetail.draft
        onRestoreRequested: page.restoreDraft()
        onDiscardRequested: CaseDetail.discardDraft()
    }

    RowLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: draftBanner.visible ? draftBanner.bottom : parent.top
        anchors.bottom: parent.bottom
        spacing: 0

        // Landscape: the sections as a side list.
        Rectangle {
            visible: page.landscape
            Layout.preferredWidth: 264
            Layout.fillHeight: true
            color: Theme.surface

            Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Theme.outline }

            ListView {
                id: sideList
                anchors.fill: parent
                anchors.topMargin: Theme.spacingM
                model: page.sections
                currentIndex: page.currentSection
                boundsBehavior: Flickable.StopAtBounds
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Abschnitte des Falls")

                delegate: ItemDelegate {
                    id: sectionItem
                    required property int index
                    required property string modelData
                    objectName: "section_" + index
                    width: ListView.view.width
                    height: 56
                    highlighted: index === page.currentSection
                    leftPadding: Theme.spacingL
                    Accessible.name: modelData
                    onClicked: page.showSection(index)
                    background: Rectangle {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacingS
                        anchors.rightMargin: Theme.spacingS
                        radius: Theme.radiusSmall
                        color: sectionItem.highlighted ? Theme.primarySoft : sectionItem.down ? Theme.surfaceMuted : "transparent"
                    }
                    contentItem: Label {
                        text: sectionItem.modelData
                        color: sectionItem.highlighted ? Theme.primary : Theme.textPrimary
                        font.pixelSize: Theme.fontBody
                        font.weight: sectionItem.highlighted ? Font.DemiBold : Font.Normal
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // Portrait: chips to jump between the stacked sections.
            ListView {
                visible: !page.landscape
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + Theme.spacingM
                orientation: ListView.Horizontal
                leftMargin: Theme.spacingM
                rightMargin: Theme.spacingM
                spacing: Theme.spacingS
                model: page.sections
                boundsBehavior: Flickable.StopAtBounds
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Abschnitte des Falls")
                delegate: FilterChip {
                    required property int index
                    required property string modelData
                    objectName: "sectionChip_" + index
                    height: ListView.view.height
                    text: modelData
                    checked: index === page.currentSection
                    onClicked: page.showSection(index)
                }
            }

            Flickable {
                id: flick
                objectName: "caseFlick"
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: width
                contentHeight: sectionsColumn.implicitHeight + 2 * Theme.spacingL
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("Im Fall blättern") }

                ColumnLayout {
                    id: sectionsColumn
                    x: Math.max(Theme.spacingM, (flick.width - width) / 2)
                    y: Theme.spacingL
                    width: Math.min(flick.width - 2 * Theme.spacingM, Theme.contentMaxWidth)
                    spacing: Theme.spacingL

                    Repeater {
                        id: sectionRepeater
                        model: page.sectionCount

                        Loader {
                            id: section
                            required property int index
                            Layout.fillWidth: true
                            visible: !page.landscape || index === page.currentSection
                            active: visible
                            sourceComponent: [familyComponent, willComponent, resourcesComponent, networkComponent,
                                              contactsComponent, classificationComponent, measuresComponent, progressComponent,
                                              consentsComponent][index]
                            Component.onCompleted: page.sectionItems[index] = section
                        }
                    }
                }
            }
        }
    }

    Component {
        id: familyComponent
        MembersCard { onFormRequested: (spec, id, initial) => page.openForm(spec, id, initial) }
    }
    Component {
        id: willComponent
        WillGoalsCard { onFormRequested: (spec, id, initial) => page.openForm(spec, id, initial) }
    }
    Component {
        id: resourcesComponent
        ResourcesCard { onFormRequested: (spec, id, initial) => page.openForm(spec, id, initial) }
    }
    Component {
        id: networkComponent
        SectionCard {
            title: qsTr("Netzwerkkarte")
            hint: (CaseNetwork.networkDrawnOn.length > 0 ? qsTr("Gezeichnet am %1. ").arg(CaseNetwork.networkDrawnOn) : "")
                  + qsTr("Tippen Sie in einen Sektor, um dort einen Kontakt einzutragen; ziehen Sie Kontakte, um sie zu verschieben.")
            NetworkMapEditor {
                Layout.fillWidth: true
                familyName: CaseDetail.name
                // In landscape the whole map fits under the card's heading; stacked, it may scroll.
                maxSize: page.landscape ? Math.max(360, flick.height - 230) : 620
                onAddRequested: (sector, distance) => page.openForm(page.contactForm(-1), "",
                                                                    { sector: sector, distance: distance, quality: "supportive" })
                onContactRequested: (position, values) => page.openForm(page.contactForm(position), "", values)
            }
            // The same contacts as a list: reachable without dragging, and read by screen readers.
            Repeater {
                model: CaseNetwork.network
                EntryDelegate {
                    required property int position
                    required property string name
                    required property string sectorLabel
                    required property int distance
                    required property string quality
                    required property string qualityLabel
                    required property string note
                    required property var values
                    title: name
                    subtitle: qsTr("%1 · Ring %2").arg(sectorLabel).arg(distance) + (note.length > 0 ? " · " + note : "")
                    chip: qualityLabel
                    chipColor: quality === "supportive" ? Theme.success : quality === "ambivalent" ? Theme.warning : Theme.error
                    chipBackground: quality === "supportive" ? Theme.successSoft : quality === "ambivalent" ? Theme.warningSoft : Theme.errorSoft
                    onClicked: page.openForm(page.contactForm(position), "", values)
                }
            }
        }
    }
    Component {
        id: contactsComponent
        ContactsNotesCard {
            onFormRequested: (spec, id, initial) => page.openForm(spec, id, initial)
            onDiscloseRequested: (id, text) => disclosureDialog.openFor(id, text)
        }
    }
    Component {
        id: classificationComponent
        ClassificationCard { onFormRequested: (spec, id, initial) => page.openForm(spec, id, initial) }
    }
    Component {
        id: measuresComponent
        MeasuresCard { onFormRequested: (spec, id, initial) => page.openForm(spec, id, initial) }
    }
    Component {
        id: progressComponent
        ProgressCard { onWriteRequested: progressDialog.openNew() }
    }
    Component {
        id: consentsComponent
        ConsentsCard { onRecordRequested: consentDialog.openNew() }
    }

    RecordDialog {
        id: dialog
        objectName: "recordDialog"
    }

    ShareCaseDialog {
        id: shareDialog
    }
    ConsentDialog {
        id: consentDialog
    }
    ProgressReportDialog {
        id: progressDialog
    }
    DisclosureDialog {
        id: disclosureDialog
    }
    ConsultationDialog {
        id: consultationDialog
        onConsultationRequested: id => Navigator.openConsultation(id)
    }
}
