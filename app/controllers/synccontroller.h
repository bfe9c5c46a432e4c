// The sync indicator's controller: runs sync::SyncClient::sync() off the GUI thread, on a schedule
// and on demand, and shows where this device stands with its server (docs/architecture.md §2 step 3–4, §8).
//
// Terms
//   status     what the store says about sync: outbox size (pending), "last_sync" (ms), server
//              URL, organisation, this device's name and id, and whether the directory lists it
//              (enrolled). Read on the store thread at the end of each job, or on the GUI thread
//              while the store is free (refreshStatus); never while a job holds the store.
//   attempt    one sync job: a transport from the store's "server_url" and "fingerprint" made by
//              the transport factory, then SyncClient::sync(), on the session's store thread
//   schedule   a repeating timer (intervalMinutes, default 5, QSettings "sync/intervalMinutes")
//              that starts an attempt while the session is unlocked and the device enrolled;
//              one attempt also runs right after unlock
//
// States and transitions (the function behind each arrow)
//   Locked       --session unlocked-------------------> NotEnrolled | Idle     by the status
//   Idle         --syncNow() | schedule | unlock-------> Syncing
//   Offline      --syncNow() | schedule---------------> Syncing                 retry when back online
//   Error        --syncNow() | schedule---------------> Syncing
//   NotEnrolled  --syncNow() (server set: enrolment)--> Syncing
//   Syncing      --ok, this device listed-------------> Idle                    recordsChanged() if applied
//   Syncing      --Network----------------------------> Offline                 lastError: German text
//   Syncing      --refused "unauthenticated", not yet listed--> NotEnrolled     "not admitted yet"
//   Syncing      --Revoked----------------------------> Error                   "gesperrt"
//   Syncing      --Revoked, the wipe order ran---------> Locked                 the session closes with a
//                                                                                 message (lockWithMessage)
//   Syncing      --Full (no room on the tablet)--------> Error                   "Der Speicher dieses Geräts ist
//                                                                                 voll …"; the next attempt
//                                                                                 re-reads the store first
//   Syncing      --any other error--------------------> Error                   lastError: German text
//   any          --session locked---------------------> Locked                  running attempt cancelled,
//                                                                                 its result dropped
//
// Invariants
//   1. At most one attempt at a time; syncNow() while Syncing does nothing.
//   2. The GUI thread never waits for an attempt, and never reads the store while one is queued
//      or running (SessionController::storeBusy); results come back by the job's completion.
//   3. A result belongs to the session it started in (m_session epoch); after a lock it is dropped.
//   4. A failed attempt loses nothing: the outbox stays until the server acknowledged it
//      (SyncClient's invariant); pendingCount shows what is still waiting. A pulled page the
//      store had no room for is not acknowledged by the cursor and is pulled again; an attempt
//      on a Failed store recovers it first (Store::recover, on the store thread).
//   5. QSettings holds only the interval; server, organisation and device names stay in the
//      sealed store.
#pragma once

#include "adapters/qtprop.h"
#include "sync/client/client.h"
#include "sync/protocol/transport.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

namespace quartier::app {

class SessionController;

// Where a device stands with its server, as read from the store.
struct SyncStatus {
    int pending = 0;            // records with changes not yet pushed (StoreStatus::pending_records)
    qint64 lastSyncMs = 0;      // 0: never
    bool enrolled = false;      // the directory lists this device, not revoked
    bool revoked = false;
    bool serverSet = false;     // a server URL is stored (enrolment requested or done)
    QString server;
    QString organisation;
    QString deviceName;
    QString deviceId;           // hex
    QString confirmation;       // the enrolment confirmation string while not yet admitted
    bool leaseExpired = false;  // the organisation's offline lease ran out: no reads until a sync

    static SyncStatus read(const sync::Store& store);
    bool operator==(const SyncStatus&) const = default;
};

// Runs syncs on the session's store thread and exposes their state; QML sees it as the singleton Sync.
class SyncController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Sync singleton.")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY statusChanged)
    Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY statusChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY statusChanged)
    Q_PROPERTY(bool leaseExpired READ leaseExpired NOTIFY statusChanged)
    Q_PROPERTY(bool serverSet READ serverSet NOTIFY statusChanged)
    Q_PROPERTY(QString organisation READ organisation NOTIFY statusChanged)
    Q_PROPERTY(QString server READ server NOTIFY statusChanged)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY statusChanged)
    Q_PROPERTY(QString deviceId READ deviceId NOTIFY statusChanged)
    Q_PROPERTY(int intervalMinutes READ intervalMinutes WRITE setIntervalMinutes NOTIFY intervalMinutesChanged)

public:
    enum class State { Locked, NotEnrolled, Idle, Syncing, Offline, Error };
    Q_ENUM(State)

    static constexpr int kDefaultIntervalMinutes = 5;
    static constexpr int kMinIntervalMinutes = 1;
    static constexpr int kMaxIntervalMinutes = 24 * 60;
    static constexpr auto kIntervalSettingsKey = "sync/intervalMinutes";

    // Makes the transport for a server; called on the store thread. Tests inject an in-process
    // server; the default is sync::make_https_transport (pinned TLS).
    using TransportFactory =
        std::function<sync::Result<std::unique_ptr<sync::Transport>>(const std::string& url, const std::string& fingerprint)>;

    // `session` and `settings` (may be null) must outlive the controller.
    explicit SyncController(SessionController* session, QSettings* settings = nullptr, QObject* parent = nullptr);
    ~SyncController() override;

    void setTransportFactory(TransportFactory factory);
    const TransportFactory& transportFactory() const { return m_factory; }
    // Retry and backoff settings for every attempt (cancel is set per attempt).
    void setSyncOptions(sync::SyncOptions options) { m_options = std::move(options); }
    const sync::SyncOptions& syncOptions() const { return m_options; }
    // The schedule and the attempt after unlock; on by default. Off: only syncNow() syncs.
    void setAutomatic(bool on);

    State state() const { return m_state; }
    bool syncing() const { return m_state == State::Syncing; }
    int pendingCount() const { return m_status.pending; }
    QDateTime lastSync() const;
    QString lastError() const { return m_lastError; }
    bool enrolled() const { return m_status.enrolled; }
    bool leaseExpired() const { return m_status.leaseExpired; }
    bool serverSet() const { return m_status.serverSet; }
    QString organisation() const { return m_status.organisation; }
    QString server() const { return m_status.server; }
    QString deviceName() const { return m_status.deviceName; }
    QString deviceId() const { return m_status.deviceId; }
    QString confirmation() const { return m_status.confirmation; }
    int intervalMinutes() const { return m_intervalMinutes; }
    void setIntervalMinutes(int minutes);

    // Starts an attempt now unless one runs, the session is locked or no server is set.
    // Returns true if one was started.
    Q_INVOKABLE bool syncNow();
    // Re-reads the status from the store (after local writes); deferred while the store is busy.
    Q_INVOKABLE void refreshStatus();

    // The German (translated) text for a failed attempt; empty for Cancelled.
    static QString describe(sync::Error error, const std::string& detail, bool enrolled);

signals:
    void stateChanged();
    void statusChanged();
    void lastErrorChanged();
    void intervalMinutesChanged();
    // An attempt applied records from the server: lists should be re-read.
    void recordsChanged();
    // An attempt ended (not after a lock); `ok` if the sync completed.
    void finished(bool ok);

private:
    struct Outcome;
    void onStoreChanged();
    void onStoreBusyChanged();
    void finish(const Outcome& outcome);
    void applyStatus(const SyncStatus& status) { if (assign(m_status, status)) emit statusChanged(); }
    void setState(State state) { if (assign(m_state, state)) emit stateChanged(); }
    void setLastError(const QString& text) { if (assign(m_lastError, text)) emit lastErrorChanged(); }
    void updateSchedule();
    State restingState() const;

    QPointer<SessionController> m_session;
    QPointer<QSettings> m_settings;
    TransportFactory m_factory;
    sync::SyncOptions m_options;
    State m_state = State::Locked;
    SyncStatus m_status;
    QString m_lastError;
    QTimer m_schedule;
    int m_intervalMinutes = kDefaultIntervalMinutes;
    bool m_automatic = true;
    bool m_statusWanted = false;     // refreshStatus() waits for the store
    bool m_syncAfterUnlock = false;  // the attempt after unlock waits for the status
    quint64 m_epoch = 0;             // bumped on every storeChanged(): invariant 3
};

}  // namespace quartier::app
