// The compact sync state for a page header: an icon and one line ("Offline", "Wird synchronisiert …",
// "3 Änderungen ausstehend", "Zuletzt synchronisiert 14:32"). Tapping it emits clicked(); while
// conflicts wait to be settled it says so ("2 Konflikte klären") and emits conflictsRequested().
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Quartier.Ui

AbstractButton {
    id: root

    readonly property int syncState: Sync.state
    readonly property int pending: Sync.pendingCount
    readonly property bool hasSynced: Sync.lastSync instanceof Date && !isNaN(Sync.lastSync.getTime())
    readonly property int conflicts: Conflicts.count
    readonly property bool showsConflicts: conflicts > 0 && syncState !== SyncController.Syncing
                                           && syncState !== SyncController.Locked

    signal conflictsRequested()

    // Calm by default; colour only where something needs attention.
    readonly property string tone: showsConflicts ? "warning"
                                  : syncState === SyncController.Error ? "error"
                                  : syncState === SyncController.Offline ? "warning"
                                  : syncState === SyncController.Syncing || pending > 0 ? "primary"
                                  : "neutral"

    readonly property string iconName: showsConflicts ? "warning"
                                      : syncState === SyncController.Syncing ? "sync"
                                      : syncState === SyncController.Error ? "error"
                                      : syncState === SyncController.Offline || syncState === SyncController.NotEnrolled ? "cloud-off"
                                      : pending > 0 ? "cloud-upload"
                                      : "cloud-done"

    function lastSyncText() {
        const when = Sync.lastSync
        if (when.toDateString() === new Date().toDateString())
            return qsTr("Zuletzt synchronisiert um %1 Uhr").arg(Qt.formatTime(when, "HH:mm"))
        return qsTr("Zuletzt synchronisiert am %1").arg(Qt.formatDate(when, qsTr("dd.MM.yyyy")))
    }

    function pendingText() {
        return pending === 1 ? qsTr("1 Änderung ausstehend") : qsTr("%1 Änderungen ausstehend").arg(pending)
    }

    text: showsConflicts ? (conflicts === 1 ? qsTr("1 Bearbeitungskonflikt klären") : qsTr("%1 Bearbeitungskonflikte klären").arg(conflicts))
        : syncState === SyncController.Syncing ? qsTr("Wird synchronisiert …")
        : syncState === SyncController.Offline ? (pending > 0 ? qsTr("Offline · %1 ausstehend").arg(pending) : qsTr("Offline"))
        : syncState === SyncController.Error ? qsTr("Synchronisierung gestört")
        : syncState === SyncController.NotEnrolled ? (Sync.serverSet ? qsTr("Wartet auf Freigabe") : qsTr("Nur auf diesem Gerät"))
        : syncState === SyncController.Locked ? ""
        : pending > 0 ? pendingText()
        : hasSynced ? lastSyncText()
        : qsTr("Noch nicht synchronisiert")

    implicitHeight: Theme.touchTarget
    implicitWidth: pill.implicitWidth
    padding: 0
    hoverEnabled: true
    focusPolicy: Qt.StrongFocus

    Accessible.role: Accessible.Button
    Accessible.name: showsConflicts ? qsTr("Synchronisierung: %1. Zu den Bearbeitungskonflikten").arg(text)
                     : syncState === SyncController.NotEnrolled && !Sync.serverSet
                     ? qsTr("Synchronisierung: %1. Zu den Einstellungen").arg(text)
                     : qsTr("Synchronisierung: %1. Jetzt synchronisieren").arg(text)
    Accessible.description: Sync.lastError

    background: Item {}

    // With conflicts waiting, the tap leads to them; owners sync on clicked() only when
    // !showsConflicts.
    onClicked: if (showsConflicts) conflictsRequested()

    contentItem: Item {
        Rectangle {
            id: pill
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            implicitWidth: row.implicitWidth + 2 * Theme.spacingM
            height: 36
            radius: height / 2
            color: root.tone === "error" ? Theme.errorSoft
                 : root.tone === "warning" ? Theme.warningSoft
                 : root.tone === "primary" ? Theme.primarySoft
                 : Theme.surfaceMuted
            border.color: root.visualFocus ? Theme.primary : "transparent"
            border.width: 2
            opacity: root.down ? 0.75 : 1

            RowLayout {
                id: row
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width - 2 * Theme.spacingM)
                spacing: Theme.spacingS

                Item {
                    Layout.preferredWidth: 20
                    Layout.preferredHeight: 20

                    Icon {
                        id: icon
                        anchors.centerIn: parent
                        name: root.iconName
                        size: 20
                        color: label.color

                        RotationAnimator on rotation {
                            from: 360
                            to: 0
                            duration: 1400
                            loops: Animation.Infinite
                            running: root.syncState === SyncController.Syncing
                            onRunningChanged: if (!running) icon.rotation = 0
                        }
                    }
                }

                Label {
                    id: label
                    Layout.fillWidth: true
                    text: root.text
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.Medium
                    color: root.tone === "error" ? Theme.error
                         : root.tone === "warning" ? Theme.warning
                         : root.tone === "primary" ? Theme.primary
                         : Theme.textSecondary
                }
            }
        }
    }
}
