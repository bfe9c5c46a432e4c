// Adding or correcting an offer in the field. The values live in the OfferEditor controller;
// saving validates (German messages under the fields), writes only what changed and records the
// offer as checked today. Two columns on a wide screen, one on a narrow one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "offerEditPage"

    signal closeRequested()
    signal saved(string serviceId)

    readonly property bool wide: width >= 1000
    readonly property int margin: width >= 1000 ? Theme.spacingXl : Theme.spacingM
    readonly property int bodyWidth: Math.min(page.wide ? 1100 : 720, width - 2 * margin)
    readonly property real columnWidth: page.wide ? (page.bodyWidth - Theme.spacingL) / 2 : page.bodyWidth
    // The chosen provider (Offers.organizations: id, name, phone, email), for the contact fields' hints.
    readonly property var provider: Offers.organizations.find(o => o.id === (OfferEditor.values["organization"] || "")) || ({})

    // A labelled text input bound to one field of the controller, with its message below.
    component FormField: ColumnLayout {
        id: formField
        property string field
        property string label
        property string placeholder
        property bool multiline: false
        property int inputHints: Qt.ImhNone
        readonly property string errorText: OfferEditor.errors[field] || ""

        Layout.fillWidth: true
        // The grid's columns share the width evenly, never by what is typed: widths that followed
        // the text made the form lay itself out again and again ("Polish loop detected").
        Layout.preferredWidth: page.columnWidth
        Layout.alignment: Qt.AlignTop  // beside a taller field, the label stays at the row's top
        spacing: Theme.spacingXs

        Label {
            text: formField.label
            color: formField.errorText.length > 0 ? Theme.error : Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Medium
        }
        TextField {
            id: line
            objectName: "field_" + formField.field
            visible: !formField.multiline
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget + Theme.spacingS
            leftPadding: Theme.spacingM
            rightPadding: Theme.spacingM
            verticalAlignment: TextInput.AlignVCenter
            font.pixelSize: Theme.fontBody
            placeholderText: formField.placeholder
            placeholderTextColor: Theme.textDisabled
            inputMethodHints: formField.inputHints
            text: OfferEditor.values[formField.field] || ""
            Accessible.name: formField.errorText.length > 0 ? qsTr("%1, %2").arg(formField.label).arg(formField.errorText) : formField.label
            onTextEdited: OfferEditor.setValue(formField.field, text)
            // Text longer than the field shows its beginning until the field is typed in.
            onTextChanged: if (!activeFocus) cursorPosition = 0
            onActiveFocusChanged: if (!activeFocus) cursorPosition = 0
            background: Rectangle {
                radius: Theme.radiusSmall
                color: Theme.surface
                border.color: formField.errorText.length > 0 ? Theme.error : line.activeFocus ? Theme.primary : Theme.outline
                border.width: line.activeFocus || formField.errorText.length > 0 ? 2 : 1
            }
        }
        TextArea {
            id: area
            objectName: "area_" + formField.field
            visible: formField.multiline
            Layout.fillWidth: true
            Layout.minimumHeight: 3 * Theme.touchTarget
            leftPadding: Theme.spacingM
            rightPadding: Theme.spacingM
            topPadding: Theme.spacingS
            bottomPadding: Theme.spacingS
            wrapMode: TextEdit.Wrap
            font.pixelSize: Theme.fontBody
            placeholderText: formField.placeholder
            placeholderTextColor: Theme.textDisabled
            text: OfferEditor.values[formField.field] || ""
            Accessible.name: formField.label
            onTextChanged: if (activeFocus) OfferEditor.setValue(formField.field, text)
            // Tab moves on, as in VerbatimEditor: a tab character is never part of an offer.
            Keys.onTabPressed: event => { area.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
            Keys.onBacktabPressed: event => { area.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }
            background: Rectangle {
                radius: Theme.radiusSmall
                color: Theme.surface
                border.color: formField.errorText.length > 0 ? Theme.error : area.activeFocus ? Theme.primary : Theme.outline
                border.width: area.activeFocus || formField.errorText.length > 0 ? 2 : 1
            }
        }
        Label {
            Layout.fillWidth: true
            visible: formField.errorText.length > 0
            text: formField.errorText
            color: Theme.error
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
    }

    // Escape and the back key (Main.qml's StackView.back()) do what the header's ✕ does: nothing is
    // saved; when something was changed, the page asks first (DiscardDialog).
    function back() {
        if (OfferEditor.changed) {
            discardDialog.open()
            return
        }
        discard()
    }
    function discard() {
        OfferEditor.cancel()
        page.closeRequested()
    }

    DiscardDialog {
        id: discardDialog
        onDiscarded: page.discard()
    }

    function save() {
        if (OfferEditor.save())
            page.closeRequested()
        else
            flick.contentY = 0  // the message and the first marked fields are at the top
    }

    Accessible.role: Accessible.Pane
    Accessible.name: OfferEditor.isNew ? qsTr("Neues Angebot") : qsTr("Angebot korrigieren")

    background: Rectangle { color: Theme.background }

    Connections {
        target: OfferEditor
        function onSaved(id) { page.saved(id) }
    }

    header: Rectangle {
        implicitHeight: Theme.headerHeight + Theme.spacingS
        color: Theme.surface

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.outline
        }

        RowLayout {
            width: page.bodyWidth + Theme.spacingS
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacingS

            ToolButton {
                objectName: "offerCancelButton"
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Abbrechen, nichts speichern")
                onClicked: page.back()
                contentItem: Item {
                    Icon { anchors.centerIn: parent; name: "close"; color: Theme.primary }
                }
            }
            Label {
                Layout.fillWidth: true
                text: OfferEditor.isNew ? qsTr("Neues Angebot") : qsTr("Angebot korrigieren")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            ActionButton {
                objectName: "offerSaveButton"
                iconName: "shield"
                text: qsTr("Speichern")
                Accessible.name: qsTr("Speichern und als heute geprüft vermerken")
                onClicked: page.save()
            }
        }
    }

    Flickable {
        id: flick
        objectName: "offerEditForm"
        anchors.fill: parent
        contentHeight: form.implicitHeight + 2 * Theme.spacingL
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("Im Formular blättern") }

        ColumnLayout {
            id: form
            width: page.bodyWidth
            x: (flick.width - width) / 2
            y: Theme.spacingL
            spacing: Theme.spacingM

            InlineMessage {
                Layout.fillWidth: true
                text: OfferEditor.message
            }
            InlineMessage {
                Layout.fillWidth: true
                isError: false
                text: OfferEditor.isNew
                      ? qsTr("Beim Speichern wird das Angebot mit dem heutigen Datum als geprüft vermerkt.")
                      : qsTr("%1. Beim Speichern wird es mit dem heutigen Datum als geprüft vermerkt.").arg(OfferEditor.verifiedLabel)
            }

            GridLayout {
                Layout.fillWidth: true
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingM

                FormField { field: "name"; label: qsTr("Name des Angebots *"); placeholder: qsTr("z. B. Fußball für Kinder") }
                ChoiceField {
                    objectName: "choice_organization"
                    Layout.fillWidth: true
                    Layout.preferredWidth: page.columnWidth
                    label: qsTr("Träger *")
                    options: Offers.organizations.map(o => ({ id: o.id, label: o.name }))
                    currentId: OfferEditor.values["organization"] || ""
                    errorText: OfferEditor.errors["organization"] || ""
                    onChosen: id => OfferEditor.setValue("organization", id)
                }
                ChoiceField {
                    objectName: "choice_category"
                    Layout.fillWidth: true
                    Layout.preferredWidth: page.columnWidth
                    label: qsTr("Kategorie *")
                    options: Offers.categories
                    currentId: OfferEditor.values["category"] || ""
                    errorText: OfferEditor.errors["category"] || ""
                    onChosen: id => OfferEditor.setValue("category", id)
                }
                ChoiceField {
                    objectName: "choice_social_space"
                    Layout.fillWidth: true
                    Layout.preferredWidth: page.columnWidth
                    label: qsTr("Sozialraum *")
                    options: Offers.socialSpaces.map(s => ({ id: s.id, label: s.name }))
                    currentId: OfferEditor.values["social_space"] || ""
                    errorText: OfferEditor.errors["social_space"] || ""
                    onChosen: id => OfferEditor.setValue("social_space", id)
                }
                ChoiceField {
                    objectName: "choice_access"
                    Layout.fillWidth: true
                    Layout.preferredWidth: page.columnWidth
                    label: qsTr("Zugang *")
                    options: Offers.accesses
                    currentId: OfferEditor.values["access"] || ""
                    errorText: OfferEditor.errors["access"] || ""
                    onChosen: id => OfferEditor.setValue("access", id)
                }
                ChoiceField {
                    objectName: "choice_cost"
                    Layout.fillWidth: true
                    Layout.preferredWidth: page.columnWidth
                    label: qsTr("Kosten")
                    noneLabel: qsTr("keine Angabe")
                    options: Offers.costs
                    currentId: OfferEditor.values["cost"] || ""
                    errorText: OfferEditor.errors["cost"] || ""
                    onChosen: id => OfferEditor.setValue("cost", id)
                }
                FormField { field: "cost_note"; label: qsTr("Hinweis zu Kosten"); placeholder: qsTr("z. B. über Bildung und Teilhabe erstattungsfähig") }
                RowLayout {
                    id: ageRow
                    Layout.fillWidth: true
                    Layout.preferredWidth: page.columnWidth
                    spacing: Theme.spacingM
                    FormField {
                        field: "age_min"; label: qsTr("Alter von"); placeholder: qsTr("z. B. 6"); inputHints: Qt.ImhDigitsOnly
                        Layout.preferredWidth: 1  // the two share the row evenly
                        Layout.alignment: Qt.AlignTop
                    }
                    FormField {
                        field: "age_max"; label: qsTr("Alter bis"); placeholder: qsTr("z. B. 10"); inputHints: Qt.ImhDigitsOnly
                        Layout.preferredWidth: 1  // the two share the row evenly
                        Layout.alignment: Qt.AlignTop
                    }
                }
                FormField { field: "times"; label: qsTr("Zeiten"); placeholder: qsTr("z. B. Di und Do 16:30–18:00 Uhr") }
                FormField { field: "place"; label: qsTr("Ort"); placeholder: qsTr("z. B. Jugendhaus Garstedt") }
                FormField { field: "address"; label: qsTr("Adresse"); placeholder: qsTr("Straße Nr., PLZ Ort") }
                // Empty here, the offer shows its provider's contact (OfferDetailCard): the form says so.
                FormField {
                    field: "phone"; label: qsTr("Telefon"); inputHints: Qt.ImhDialableCharactersOnly
                    placeholder: page.provider.phone ? qsTr("Leer lassen, um die Nummer des Trägers zu nutzen: %1").arg(page.provider.phone) : ""
                }
                FormField {
                    field: "email"; label: qsTr("E-Mail"); inputHints: Qt.ImhEmailCharactersOnly
                    placeholder: page.provider.email ? qsTr("Leer lassen, um die E-Mail-Adresse des Trägers zu nutzen: %1").arg(page.provider.email) : ""
                }
                FormField { field: "website"; label: qsTr("Webseite"); placeholder: "https://"; inputHints: Qt.ImhUrlCharactersOnly }
                FormField { field: "languages"; label: qsTr("Sprachen"); placeholder: qsTr("z. B. Deutsch, Türkisch") }
                FormField { field: "description"; label: qsTr("Beschreibung"); multiline: true }
                FormField {
                    field: "inclusion"
                    label: qsTr("Hinweise zur Inklusion")
                    placeholder: qsTr("z. B. Trainer hat Erfahrung mit Kindern im Autismus-Spektrum; barrierefreier "
                                    + "Zugang")
                    multiline: true
                }
            }
        }
    }
}
