// First start: set up the encrypted store with a passphrase typed twice. Later: unlock it.
// Shows the session's errors and a busy indicator while the key is derived.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

Page {
    id: page
    objectName: "unlockPage"

    readonly property bool setup: Session.state === SessionController.NoStore
                                  || (Session.state === SessionController.Unlocking && Session.creating)
    readonly property bool failed: Session.state === SessionController.Failed
    readonly property bool busy: Session.busy
    readonly property bool wide: width > height
    readonly property int idleMinutes: Math.round(Session.idleTimeoutSeconds / 60)
    readonly property string idleText: Session.idleTimeoutSeconds < 60 ? qsTr("%1 Sekunden").arg(Session.idleTimeoutSeconds)
                                     : idleMinutes === 1 ? qsTr("einer Minute")
                                     : qsTr("%1 Minuten").arg(idleMinutes)

    function submit() {
        if (page.busy)
            return
        if (page.setup) {
            Session.createStore(first.text, second.text)
        } else {
            Session.unlock(first.text)
            first.clear()
        }
    }

    Accessible.role: Accessible.Pane
    Accessible.name: page.setup ? qsTr("Datenspeicher einrichten") : qsTr("Entsperren")

    background: Rectangle { color: Theme.background }

    Connections {
        target: Session
        function onErrorMessageChanged() {
            if (Session.errorMessage.length > 0)
                first.focusField()
        }
    }

    Component.onCompleted: first.focusField()

    GridLayout {
        anchors.fill: parent
        columns: page.wide ? 2 : 1
        rowSpacing: 0
        columnSpacing: 0

        BrandPanel {
            Layout.fillHeight: page.wide
            Layout.fillWidth: !page.wide
            Layout.preferredWidth: page.wide ? Math.round(page.width * 0.42) : -1
            Layout.preferredHeight: page.wide ? -1 : implicitHeight
            compact: !page.wide
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Flickable {
                anchors.fill: parent
                contentWidth: width
                contentHeight: Math.max(height, form.implicitHeight + 2 * Theme.spacingXxl)
                boundsBehavior: Flickable.StopAtBounds
                clip: true

                ColumnLayout {
                    id: form
                    width: Math.min(Theme.formMaxWidth, parent.width - 2 * Theme.spacingXl)
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: Math.max(Theme.spacingXxl, (parent.height - implicitHeight) / 2)
                    spacing: Theme.spacingM

                    Rectangle {
                        Layout.preferredWidth: 56
                        Layout.preferredHeight: 56
                        Layout.bottomMargin: Theme.spacingS
                        radius: 28
                        color: Theme.primarySoft

                        Icon {
                            anchors.centerIn: parent
                            name: page.setup ? "shield" : "lock"
                            color: Theme.primary
                            size: 28
                        }
                    }

                    Label {
                        Layout.fillWidth: true
                        text: page.setup ? qsTr("Datenspeicher einrichten") : qsTr("Quartier ist gesperrt")
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontHeadline
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }

                    Label {
                        Layout.fillWidth: true
                        Layout.bottomMargin: Theme.spacingS
                        text: page.setup
                              ? qsTr("Quartier speichert Fälle, Vermerke und Kontakte verschlüsselt auf diesem Gerät. Wählen Sie eine Passphrase mit mindestens %n Zeichen – am besten mehrere Wörter, die nur Sie kennen.", "", Session.minPassphraseLength)
                              : qsTr("Geben Sie Ihre Passphrase ein, um weiterzuarbeiten. Quartier sperrt sich nach %1 ohne Eingabe und sobald die App in den Hintergrund geht.").arg(page.idleText)
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontBody
                        lineHeight: 1.3
                        wrapMode: Text.WordWrap
                    }

                    PassphraseField {
                        id: first
                        objectName: "passphrase"
                        Layout.fillWidth: true
                        label: page.setup ? qsTr("Neue Passphrase") : qsTr("Passphrase")
                        enabled: !page.busy && !page.failed
                        onAccepted: page.setup ? second.focusField() : page.submit()
                    }

                    PassphraseField {
                        id: second
                        objectName: "passphraseRepeat"
                        Layout.fillWidth: true
                        visible: page.setup
                        label: qsTr("Passphrase wiederholen")
                        enabled: !page.busy
                        onAccepted: page.submit()
                    }

                    InlineMessage {
                        Layout.fillWidth: true
                        text: Session.errorMessage
                    }

                    InlineMessage {
                        Layout.fillWidth: true
                        isError: false
                        visible: page.setup && !page.busy && Session.errorMessage.length === 0
                        text: qsTr("Die Passphrase kann nicht wiederhergestellt werden. Ohne sie sind die Daten auf diesem Gerät nicht mehr lesbar.")
                    }

                    ActionButton {
                        id: action
                        objectName: "unlockButton"
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingS
                        enabled: !page.busy
                        text: page.failed ? qsTr("Erneut versuchen")
                            : page.busy ? (page.setup ? qsTr("Wird eingerichtet …") : qsTr("Wird entsperrt …"))
                            : page.setup ? qsTr("Datenspeicher einrichten") : qsTr("Entsperren")
                        onClicked: page.failed ? Session.retry() : page.submit()
                    }

                    RowLayout {
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredHeight: Theme.touchTarget
                        spacing: Theme.spacingS
                        opacity: page.busy ? 1 : 0

                        BusyIndicator {
                            Layout.preferredWidth: 32
                            Layout.preferredHeight: 32
                            running: page.busy
                            Accessible.name: qsTr("Bitte warten")
                        }
                        Label {
                            text: page.setup ? qsTr("Schlüssel werden erzeugt …") : qsTr("Schlüssel wird geprüft …")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }
        }
    }
}
