// The store session: creating, unlocking and locking the sealed local store (docs/architecture.md §2, §8),
// and lending the unlocked store to background jobs (sync) one at a time.
//
// Terms
//   store dir    the directory of the sealed store (sync::Store); fixed for the controller's life
//   store thread one worker thread (a QThreadPool of one) that runs, in submission order, every
//                background use of a store: Store::create/open (Argon2id, ~0.5 s) and store jobs
//   store job    a task given the Store on the store thread (runStoreJob: a sync, an enrolment)
//   busy         from runStoreJob() until the job's completion is back on the GUI thread
//   activity     a mouse, touch, key or wheel event seen by the event filter on the application
//   idle time    how long without activity an unlocked session stays open (QSettings, default 300 s)
//
// States and transitions (the function behind each arrow)
//   NoStore   --createStore(p, p)-----------> Unlocking   passphrase >= 8 characters, typed twice
//   Locked    --unlock(p)-------------------> Unlocking
//   Failed    --unlock(p)-------------------> Unlocking   retry; retry() re-reads the store dir
//   Unlocking --worker: store opened/made---> Unlocked
//   Unlocking --worker: WrongPassphrase-----> Locked      error "Passphrase falsch", store untouched
//   Unlocking --worker: other error---------> Failed      Busy, Corrupt, Io, Full, Unsupported, NotFound
//                                                         (Full: no room for the unlock's audit entry)
//   Unlocked  --lock() | idle | background--> Locked      the Store is released: its keys are wiped
//                                                         (NoStore if the store is gone: a remote wipe)
//   Unlocked  --lockWithMessage(m)----------> Locked | NoStore   the same, with an explanation shown
//   Failed    --retry()---------------------> NoStore | Locked   by Store::exists(store dir)
//   Unlocked  --a store write fails---------> Unlocked    the Store is Failed (sync::Store::failure():
//                                                         Full when the disk has no room, else Io ...):
//                                                         reads go on, writes are refused; the page
//                                                         says why where the user acted and keeps
//                                                         the form (app/adapters/storeproblem.h)
//   Unlocked (store Failed) --a write the user asks for--> Unlocked   Store::recover() first (the
//                                                         state re-read from the database with the
//                                                         keys held, nothing written): once space
//                                                         was freed, that same write goes through
//   Unlocked (store Failed) --lock() | idle | background--> Locked    as from Unlocked; a Failed
//                                                         Store writes nothing at close; what the
//                                                         lock's save found no room for is held
//                                                         sealed (HeldSettings) and written by the
//                                                         next unlock's worker
//   Why the session stays Unlocked: the store's keys are still held and its state is intact (a
//   failed write rolled back), while leaving Unlocked would close the pages and with them the
//   form the user typed; and a lock and unlock is itself a write (the unlock's audit entry), so
//   on a full disk it could not even reopen the store.
//
// Store access across threads (sync::Store is not thread-safe)
//   The Store is used by one thread at a time. The GUI thread uses it only while !storeBusy().
//   runStoreJob() sets busy, then queues the job on the store thread; the job's completion comes
//   back to the GUI thread, which clears busy. GUI-side readers (CaseListModel, SyncController)
//   defer their reads to storeBusyChanged(). Nothing on the GUI thread ever waits for a job.
//   lock() never waits either: it sets the session's cancel flag (a running sync stops before
//   its next request), drops the session's reference and goes to Locked at once. A job still
//   running holds the last reference; it destroys the Store (wiping the keys) on the store thread
//   as soon as it returns, before the next task there, so a new unlock, queued behind it, never
//   finds the directory still open.
//   A job queued with JobPolicy::SurvivesLock (from an aboutToLock() listener: text typed while
//   a sync held the store) runs even though the lock cancelled the session: it holds the Store
//   too, so the Store closes only after it; the unlock queued behind it then sees what it wrote.
//
// Invariants
//   1. The session holds a Store exactly in state Unlocked; store() is null in every other state.
//      After lock() a running job may hold the Store until its current request returns.
//   2. At most one task uses a Store at a time: the store thread runs one task after another, and
//      the GUI thread touches the Store only while no job is queued or running.
//   3. A worker never touches `this`; it only posts its completion to the GUI thread. The
//      destructor cancels and waits for the store thread.
//   4. unlock() never creates a store: only createStore() does, and only in state NoStore.
//   5. A lock() during Unlocking is remembered; the worker's store is then destroyed on arrival.
//   6. Before a Store is released, storeChanged() is emitted with store() already null, so
//      models drop their pointers first; before that, aboutToLock() with the store still there.
//   7. Passphrase copies made here are wiped (crypto::wipe) once the worker is done with them.
//   8. QSettings holds only the idle time: never personal data.
#pragma once

#include "adapters/qtprop.h"
#include "crypto/passphrase.h"
#include "sync/store/store.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace quartier::app {

// Settings the store had no room for at a lock (a form draft, the worker name: docs/app.md, "A
// store that fails while unlocked"), sealed to this device by sync::Store::hold_setting():
// ciphertext only, kept in memory across the lock and written by the next unlock. Shared with
// store jobs, which run on the store thread: every call takes the mutex.
class HeldSettings
{
public:
    void add(sync::HeldSetting held);
    // Everything held, removed from here.
    std::vector<sync::HeldSetting> take();
    // Writes what is held into a store just opened (on its thread): what does not fit yet stays
    // held for the next unlock; what this device's store cannot open (another store was made
    // after a wipe) is dropped.
    void restoreInto(sync::Store& store);
    void clear();
    std::size_t size() const;

private:
    mutable std::mutex m_mutex;
    std::vector<sync::HeldSetting> m_items;
};

// Owns the unlocked store and the session's state machine; QML sees it as the singleton Session.
class SessionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Session singleton.")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool storeBusy READ storeBusy NOTIFY storeBusyChanged)
    Q_PROPERTY(bool creating READ creating NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(int idleTimeoutSeconds READ idleTimeoutSeconds WRITE setIdleTimeoutSeconds NOTIFY idleTimeoutSecondsChanged)
    Q_PROPERTY(int minPassphraseLength READ minPassphraseLength CONSTANT)

public:
    enum class State { NoStore, Locked, Unlocking, Unlocked, Failed };
    Q_ENUM(State)

    static constexpr int kMinPassphraseLength = 8;
    static constexpr int kDefaultIdleSeconds = 5 * 60;
    static constexpr int kMinIdleSeconds = 10;
    static constexpr auto kIdleSettingsKey = "session/idleLockSeconds";
    // libsodium's INTERACTIVE limits: the least a real store's key file is kept at.
    static constexpr crypto::PwhashParams kKdfFloor{2, 64ULL * 1024 * 1024};

    // Milliseconds on a monotonic clock; injectable so tests can move time.
    using Clock = std::function<qint64()>;
    // Work on the store thread with the Store to itself. `cancel` turns true when the session is
    // locked (or the controller destroyed): a long job should stop at its next safe point.
    using StoreJob = std::function<void(sync::Store& store, const std::atomic<bool>& cancel)>;
    // Cancellable: skipped if the session is locked before it starts (a sync, an enrolment).
    // SurvivesLock: runs anyway (the last writes of what was typed before a lock).
    enum class JobPolicy { Cancellable, SurvivesLock };

    // `settings` may be null (nothing persisted); it must outlive the controller.
    explicit SessionController(QString storeDir, QSettings* settings = nullptr, QObject* parent = nullptr);
    ~SessionController() override;

    State state() const { return m_state; }
    bool busy() const { return m_state == State::Unlocking; }
    bool creating() const { return m_state == State::Unlocking && m_creating; }
    QString errorMessage() const { return m_error; }
    int idleTimeoutSeconds() const { return m_idleSeconds; }
    void setIdleTimeoutSeconds(int seconds);
    static int minPassphraseLength() { return kMinPassphraseLength; }
    QString storeDir() const { return m_storeDir; }

    // The unlocked store, or null (invariant 1). Valid until the next storeChanged(). The GUI
    // thread may use it only while !storeBusy() (invariant 2).
    sync::Store* store() const { return m_store.get(); }
    // A store job is queued or running: the GUI thread must not touch the store.
    bool storeBusy() const { return m_jobs > 0; }
    // Settings waiting for the next unlock (HeldSettings); the same object for the controller's life.
    const std::shared_ptr<HeldSettings>& heldSettings() const { return m_held; }

    // Queues `job` on the store thread (only when Unlocked; returns false otherwise). `done` runs
    // afterwards on the GUI thread, after storeBusy() was updated, unless `context` is gone by
    // then. If the session is locked before the job starts, a Cancellable job is skipped; `done`
    // still runs. Queued from an aboutToLock() listener, the job is still accepted (the store is
    // still there) and, with SurvivesLock, runs before the Store closes.
    bool runStoreJob(StoreJob job, QObject* context, std::function<void()> done,
                     JobPolicy policy = JobPolicy::Cancellable);

    // KDF parameters for new stores; unset (the default) calibrates to ~500 ms in the worker.
    // With the default, unlocking also raises a weaker key file to kKdfFloor (Store's rehash on
    // unlock); explicit parameters (tests, throwaway stores) switch that floor off.
    void setKdfParams(std::optional<crypto::PwhashParams> params) { m_kdf = params; }
    void setClock(Clock clock);

    Q_INVOKABLE void createStore(const QString& passphrase, const QString& repeat);
    Q_INVOKABLE void unlock(const QString& passphrase);
    Q_INVOKABLE void lock();
    // Locks and shows `message` on the unlock page (a store job found the store revoked or wiped).
    void lockWithMessage(const QString& message);
    Q_INVOKABLE void retry();
    Q_INVOKABLE void clearError();

    // Records user activity now (the event filter calls it for input events).
    void noteActivity();
    // Locks if the idle time has passed since the last activity; otherwise re-arms the timer for
    // the rest. Returns true if it locked. The idle timer calls it; tests call it directly.
    bool checkIdle();
    // Locks when the application is suspended or hidden (not merely inactive).
    void handleApplicationState(Qt::ApplicationState state);

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void stateChanged();
    void errorMessageChanged();
    void idleTimeoutSecondsChanged();
    void storeChanged();
    void storeBusyChanged();
    // Emitted by lock() while the store is still held (Unlocked): writers flush what is typed.
    // Only while !storeBusy() may a listener write on the GUI thread; otherwise it queues its
    // writes with runStoreJob(..., JobPolicy::SurvivesLock).
    void aboutToLock();

private:
    struct Outcome;
    void start(std::shared_ptr<std::string> passphrase, bool create);
    void finish();
    void setState(State state);
    void setError(const QString& message) { if (assign(m_error, message)) emit errorMessageChanged(); }
    void armIdleTimer(qint64 remainingMs);
    void jobFinished(std::uint64_t id);
    QString describe(sync::Error error) const;

    struct PendingJob {
        QPointer<QObject> context;
        std::function<void()> done;
    };

    QString m_storeDir;
    QPointer<QSettings> m_settings;
    Clock m_clock;
    std::optional<crypto::PwhashParams> m_kdf;
    State m_state = State::NoStore;
    QString m_error;
    bool m_creating = false;
    bool m_lockRequested = false;
    std::shared_ptr<sync::Store> m_store;
    std::shared_ptr<HeldSettings> m_held = std::make_shared<HeldSettings>();
    // Set by lock(): the jobs of this unlocked session stop. A fresh flag for every session.
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_jobs = 0;
    std::uint64_t m_nextJob = 0;
    std::map<std::uint64_t, PendingJob> m_pendingJobs;
    QThreadPool m_storeThread;
    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
    QTimer m_idleTimer;
    int m_idleSeconds = kDefaultIdleSeconds;
    qint64 m_lastActivity = 0;
};

}  // namespace quartier::app
