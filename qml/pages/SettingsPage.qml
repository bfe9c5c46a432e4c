// Settings: sync (server, organisation, this device, last sync, "Jetzt synchronisieren", the
// automatic interval), enrolment with the confirmation code, the organisation's devices, the
// idle-lock time and the language (switched at once, remembered for the next start).
// Two columns on a wide screen, one on a narrow one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "settingsPage"

    signal closeRequested()
    signal conflictsRequested()

    readonly property bool wide: width >= 1100
    readonly property bool narrow: width < 640
    readonly property int margin: width >= 1000 ? Theme.spacingXxl : Theme.spacingL
    readonly property int bodyWidth: Math.min(page.wide ? 1184 : 720, width - 2 * margin)
    readonly property int columnWidth: page.wide ? (bodyWidth - Theme.spacingL) / 2 : bodyWidth

    readonly property bool hasSynced: Sync.lastSync instanceof Date && !isNaN(Sync.lastSync.getTime())
    readonly property bool enrolling: Enrolment.state === EnrolmentController.Confirming
                                      || Enrolment.state === EnrolmentController.Waiting

    // "0123abcd…" → "0123 abcd …": easier to read out to the administration.
    function grouped(id) {
        return id.replace(/(.{4})(?=.)/g, "$1 ")
    }

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Einstellungen")

    // The code is a one-time credential: once it was accepted it leaves the screen.
    Connections {
        target: Enrolment
        function onStateChanged() {
            if (page.enrolling)
                codeField.clear()
        }
    }

    background: Rectangle { color: Theme.background }

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
            width: page.bodyWidth
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacingS

            ToolButton {
                FocusRing { shown: parent.visualFocus; gap: -2; radius: Theme.radiusSmall }  // keyboard focus only
                Keys.onReturnPressed: event => { clicked(); event.accepted = true }  // as Space does
                Keys.onEnterPressed: event => { clicked(); event.accepted = true }
                id: backButton
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Layout.leftMargin: -Theme.spacingS
                Accessible.name: qsTr("Zurück zu den Fällen")
                onClicked: page.closeRequested()

                contentItem: Item {
                    Icon {
                        anchors.centerIn: parent
                        name: "back"
                        color: Theme.primary
                        size: 24
                    }
                }
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Einstellungen")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontHeadline
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            ActionButton {
                filled: false
                iconName: "lock"
                text: page.narrow ? "" : qsTr("Sperren")
                Accessible.name: qsTr("Sperren")
                onClicked: Session.lock()
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: grid.implicitHeight + 2 * Theme.spacingL
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { Accessible.name: qsTr("In den Einstellungen blättern") }

        GridLayout {
            id: grid
            width: page.bodyWidth
            x: (flick.width - width) / 2
            y: Theme.spacingL
            columns: page.wide ? 2 : 1
            columnSpacing: Theme.spacingL
            rowSpacing: Theme.spacingL

            // ---- left (or only) column: enrolment (while not enrolled: the task at hand), sync ----
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: page.columnWidth
                Layout.maximumWidth: page.columnWidth
                spacing: Theme.spacingL

                SettingsCard {
                    id: enrolmentCard
                    objectName: "enrolmentCard"
                    Layout.fillWidth: true
                    visible: !Sync.enrolled
                    title: qsTr("Gerät anmelden")
                    iconName: "devices"

                    // Step 1: code and name.
                    ColumnLayout {
                        Layout.fillWidth: true
                        visible: !page.enrolling
                        spacing: Theme.spacingM

                        Paragraph {
                            text: qsTr("Ihre Administration erzeugt für dieses Gerät einen Anmeldecode. Fügen Sie ihn hier ein und geben Sie dem Gerät einen Namen, an dem Ihr Team es erkennt.")
                        }

                        LabelledField {
                            id: codeField
                            objectName: "enrolmentCodeField"
                            Layout.fillWidth: true
                            label: qsTr("Anmeldecode")
                            placeholderText: "quartier:1:…"
                            monospace: true
                            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                            enabled: !Enrolment.busy
                            onAccepted: nameField.focusField()
                        }

                        LabelledField {
                            id: nameField
                            objectName: "deviceNameField"
                            Layout.fillWidth: true
                            label: qsTr("Gerätename")
                            placeholderText: qsTr("z. B. Tablet ASD Garstedt")
                            maximumLength: Enrolment.maxNameLength
                            enabled: !Enrolment.busy
                            onAccepted: enrolButton.clicked()
                        }

                        InlineMessage {
                            Layout.fillWidth: true
                            text: Enrolment.errorMessage
                        }

                        ActionButton {
                            id: enrolButton
                            Layout.fillWidth: true
                            iconName: "devices"
                            enabled: !Enrolment.busy && codeField.text.trim().length > 0 && nameField.text.trim().length > 0
                            text: Enrolment.busy ? qsTr("Wird angemeldet …") : qsTr("Gerät anmelden")
                            onClicked: Enrolment.request(codeField.text, nameField.text)
                        }
                    }

                    // Step 2: compare the confirmation code, then wait for admission.
                    ColumnLayout {
                        Layout.fillWidth: true
                        visible: page.enrolling
                        spacing: Theme.spacingM

                        Paragraph {
                            text: qsTr("Vergleichen Sie diesen Code mit der Anzeige bei Ihrer Administration. Stimmen beide überein, gibt die Administration das Gerät frei – tippen Sie dann auf „Weiter“.")
                            color: Theme.textPrimary
                        }

                        ConfirmationCodeCard {
                            objectName: "confirmationCode"
                            Layout.fillWidth: true
                            code: Enrolment.confirmation
                        }

                        InlineMessage {
                            Layout.fillWidth: true
                            isError: false
                            text: Enrolment.errorMessage.length === 0 && Enrolment.hint.length === 0
                                  ? qsTr("Weicht der Code ab, brechen Sie ab und informieren Sie Ihre Administration.")
                                  : Enrolment.hint
                        }

                        InlineMessage {
                            Layout.fillWidth: true
                            text: Enrolment.errorMessage
                        }

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingM

                            ActionButton {
                                filled: false
                                text: qsTr("Abbrechen")
                                visible: Enrolment.state === EnrolmentController.Confirming
                                onClicked: Enrolment.reset()
                            }
                            Item { Layout.fillWidth: true }
                            BusyIndicator {
                                Layout.preferredWidth: 32
                                Layout.preferredHeight: 32
                                visible: running
                                running: Enrolment.state === EnrolmentController.Waiting
                                Accessible.name: qsTr("Wartet auf Freigabe …")
                            }
                            ActionButton {
                                objectName: "enrolmentNextButton"
                                text: Enrolment.state === EnrolmentController.Waiting ? qsTr("Nicht mehr warten") : qsTr("Weiter")
                                filled: Enrolment.state !== EnrolmentController.Waiting
                                onClicked: Enrolment.state === EnrolmentController.Waiting ? Enrolment.stop() : Enrolment.proceed()
                            }
                        }
                    }
                }

                SettingsCard {
                    id: syncCard
                    objectName: "syncCard"
                    Layout.fillWidth: true
                    title: qsTr("Synchronisierung")
                    iconName: "sync"

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingM
                        visible: Sync.serverSet

                        SyncIndicator {
                            Layout.fillWidth: true
                            Layout.maximumWidth: implicitWidth
                            onClicked: if (!showsConflicts) Sync.syncNow()
                            onConflictsRequested: page.conflictsRequested()
                        }
                        Item { Layout.fillWidth: true }
                        ActionButton {
                            objectName: "syncNowButton"
                            iconName: "sync"
                            text: qsTr("Jetzt synchronisieren")
                            enabled: Sync.serverSet && !Sync.syncing
                            onClicked: Sync.syncNow()
                        }
                    }

                    Paragraph {
                        visible: !Sync.serverSet
                        text: qsTr("Dieses Gerät ist noch mit keinem Server verbunden: Alles bleibt bis zur Anmeldung "
                                 + "nur auf diesem Gerät.")
                    }

                    InlineMessage {
                        Layout.fillWidth: true
                        text: Sync.enrolled || Sync.state === SyncController.Offline ? Sync.lastError : ""
                        isError: Sync.state !== SyncController.Offline
                    }

                    InfoRow {
                        Layout.fillWidth: true
                        wide: !page.narrow
                        visible: Sync.enrolled
                        label: qsTr("Organisation")
                        value: Sync.organisation
                    }
                    InfoRow {
                        Layout.fillWidth: true
                        wide: !page.narrow
                        visible: Sync.serverSet
                        label: qsTr("Server")
                        value: Sync.server
                    }
                    InfoRow {
                        Layout.fillWidth: true
                        wide: !page.narrow
                        visible: Sync.deviceName.length > 0
                        label: qsTr("Gerätename")
                        value: Sync.deviceName
                    }
                    InfoRow {
                        Layout.fillWidth: true
                        wide: !page.narrow
                        // What the administration names this device by (revoking, sharing): said so.
                        label: qsTr("Kennung für die Administration")
                        value: page.grouped(Sync.deviceId)
                        monospace: true
                    }
                    InfoRow {
                        Layout.fillWidth: true
                        wide: !page.narrow
                        visible: Sync.serverSet
                        label: qsTr("Zuletzt synchronisiert")
                        value: page.hasSynced ? Qt.formatDateTime(Sync.lastSync, qsTr("dd.MM.yyyy, HH:mm 'Uhr'"))
                                              : qsTr("noch nie")
                    }
                    InfoRow {
                        Layout.fillWidth: true
                        wide: !page.narrow
                        label: qsTr("Noch nicht übertragen")
                        value: Sync.pendingCount === 0 ? qsTr("nichts – alles übertragen")
                             : Sync.pendingCount === 1 ? qsTr("1 Änderung")
                             : qsTr("%1 Änderungen").arg(Sync.pendingCount)
                    }

                    GridLayout {
                        Layout.fillWidth: true
                        visible: Sync.enrolled
                        columns: page.narrow ? 1 : 2
                        columnSpacing: Theme.spacingM

                        Label {
                            Layout.preferredWidth: parent.columns === 2 ? 190 : -1
                            text: qsTr("Automatisch alle")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        MinutesEditor {
                            label: qsTr("Automatisch synchronisieren alle")
                            steps: [1, 2, 5, 10, 15, 30, 60]
                            minutes: Sync.intervalMinutes
                            onPicked: minutes => Sync.intervalMinutes = minutes
                        }
                    }
                }
            }

            // ---- right (or following) column: lock, language, devices ----
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: page.columnWidth
                Layout.maximumWidth: page.columnWidth
                spacing: Theme.spacingL

                SettingsCard {
                    Layout.fillWidth: true
                    title: qsTr("Sperre")
                    iconName: "lock"

                    GridLayout {
                        Layout.fillWidth: true
                        columns: page.narrow ? 1 : 2
                        columnSpacing: Theme.spacingM

                        Label {
                            Layout.preferredWidth: parent.columns === 2 ? 190 : -1
                            text: qsTr("Sperren nach")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        MinutesEditor {
                            objectName: "idleLockEditor"
                            label: qsTr("Automatisch sperren nach")
                            minutes: Math.max(1, Math.round(Session.idleTimeoutSeconds / 60))
                            onPicked: minutes => Session.idleTimeoutSeconds = minutes * 60
                        }
                    }

                    Paragraph {
                        text: qsTr("Ohne Eingabe sperrt sich Quartier nach dieser Zeit – und sofort, sobald die App in den Hintergrund geht. Zum Entsperren brauchen Sie Ihre Passphrase.")
                        font.pixelSize: Theme.fontSmall
                    }
                }

                SettingsCard {
                    Layout.fillWidth: true
                    title: qsTr("Sprache")
                    iconName: "language"

                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        Repeater {
                            // Each language named in itself, so it can be found in either.
                            model: [{ id: "de", label: "Deutsch" }, { id: "en", label: "English" }]
                            ChoiceChip {
                                required property var modelData
                                objectName: "language_" + modelData.id
                                implicitWidth: Math.max(140, implicitContentWidth + 2 * Theme.spacingM)
                                text: modelData.label
                                chosen: Language.language === modelData.id
                                Accessible.name: qsTr("Sprache: %1").arg(modelData.label)
                                onClicked: Language.language = modelData.id
                            }
                        }
                    }

                    Paragraph {
                        text: qsTr("Die Sprache wechselt sofort und bleibt beim nächsten Start erhalten.")
                        font.pixelSize: Theme.fontSmall
                    }
                }

                SettingsCard {
                    id: devicesCard
                    objectName: "devicesCard"
                    Layout.fillWidth: true
                    title: qsTr("Geräte der Organisation")
                    iconName: "devices"

                    Paragraph {
                        font.pixelSize: Theme.fontSmall
                        text: Devices.count === 0
                              ? qsTr("Sobald dieses Gerät angemeldet ist, stehen hier alle Geräte Ihrer Organisation.")
                              : qsTr("So, wie Ihre Administration sie eingetragen hat. Geräte anmelden und sperren "
                                   + "kann nur die Administration.")
                    }

                    Repeater {
                        model: Devices

                        RowLayout {
                            id: deviceRow
                            required property int index
                            required property string name
                            required property string roleLabel
                            required property string deviceId
                            required property bool revoked
                            required property bool thisDevice
                            Layout.fillWidth: true
                            spacing: Theme.spacingM
                            Accessible.role: Accessible.StaticText
                            Accessible.name: qsTr("%1, %2%3").arg(name).arg(roleLabel)
                                             .arg(revoked ? qsTr(", gesperrt") : thisDevice ? qsTr(", dieses Gerät") : "")

                            Icon {
                                name: "devices"
                                color: deviceRow.revoked ? Theme.textDisabled : Theme.primary
                                size: 22
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    Layout.fillWidth: true
                                    text: deviceRow.thisDevice ? qsTr("%1 (dieses Gerät)").arg(deviceRow.name) : deviceRow.name
                                    color: deviceRow.revoked ? Theme.textDisabled : Theme.textPrimary
                                    font.strikeout: deviceRow.revoked
                                    elide: Text.ElideRight
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: deviceRow.revoked ? qsTr("%1 · gesperrt").arg(deviceRow.roleLabel) : deviceRow.roleLabel
                                    color: deviceRow.revoked ? Theme.error : Theme.textSecondary
                                    font.pixelSize: Theme.fontSmall
                                    elide: Text.ElideRight
                                }
                            }
                            Label {
                                visible: !page.narrow
                                text: page.grouped(deviceRow.deviceId.substring(0, 8))
                                color: Theme.textSecondary
                                font.family: "monospace"
                                font.pixelSize: Theme.fontCaption
                            }
                        }
                    }
                }
            }
        }
    }
}
