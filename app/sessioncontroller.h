// The store session: creating, unlocking and locking the sealed local store (DESIGN.md §2, §8).
//
// Terms
//   store dir   the directory of the sealed store (sync::Store); fixed for the controller's life
//   worker      one background task running Store::create or Store::open (Argon2id, ~0.5 s)
//   activity    a mouse, touch, key or wheel event seen by the event filter on the application
//   idle time   how long without activity an unlocked session stays open (QSettings, default 300 s)
//
// States and transitions (the function behind each arrow)
//   NoStore   --createStore(p, p)-----------> Unlocking   passphrase >= 8 characters, typed twice
//   Locked    --unlock(p)-------------------> Unlocking
//   Failed    --unlock(p)-------------------> Unlocking   retry; retry() re-reads the store dir
//   Unlocking --worker: store opened/made---> Unlocked
//   Unlocking --worker: WrongPassphrase-----> Locked      error "Passphrase falsch", store untouched
//   Unlocking --worker: other error---------> Failed      Busy, Corrupt, Io, Unsupported, NotFound
//   Unlocked  --lock() | idle | background--> Locked      the Store is destroyed: its keys are wiped
//   Failed    --retry()---------------------> NoStore | Locked   by Store::exists(store dir)
//
// Invariants
//   1. A Store object exists exactly in state Unlocked; store() is null in every other state.
//   2. At most one worker runs at a time; it never touches `this` (it gets copies, hands back a
//      result through a QFutureWatcher on the GUI thread).
//   3. unlock() never creates a store: only createStore() does, and only in state NoStore.
//   4. A lock() during Unlocking is remembered; the worker's store is then destroyed on arrival.
//   5. Before a Store is destroyed, storeChanged() is emitted with store() already null, so
//      models drop their pointers first.
//   6. Passphrase copies made here are wiped (crypto::wipe) once the worker is done with them.
//   7. QSettings holds only the idle time: never personal data.
#pragma once

#include "crypto/passphrase.h"
#include "sync/store.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <optional>

namespace quartier::app {

// Owns the unlocked store and the session's state machine; QML sees it as the singleton Session.
class SessionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Session singleton.")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
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

    // The unlocked store, or null (invariant 1). Valid until the next storeChanged().
    sync::Store* store() const { return m_store.get(); }

    // KDF parameters for new stores; unset (the default) calibrates to ~500 ms in the worker.
    // With the default, unlocking also raises a weaker key file to kKdfFloor (Store's rehash on
    // unlock); explicit parameters (tests, throwaway stores) switch that floor off.
    void setKdfParams(std::optional<crypto::PwhashParams> params) { m_kdf = params; }
    void setClock(Clock clock);

    Q_INVOKABLE void createStore(const QString& passphrase, const QString& repeat);
    Q_INVOKABLE void unlock(const QString& passphrase);
    Q_INVOKABLE void lock();
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

private:
    struct Outcome;
    void start(std::shared_ptr<std::string> passphrase, bool create);
    void finish();
    void setState(State state);
    void setError(const QString& message);
    void armIdleTimer(qint64 remainingMs);
    QString describe(sync::Error error) const;

    QString m_storeDir;
    QPointer<QSettings> m_settings;
    Clock m_clock;
    std::optional<crypto::PwhashParams> m_kdf;
    State m_state = State::NoStore;
    QString m_error;
    bool m_creating = false;
    bool m_lockRequested = false;
    std::unique_ptr<sync::Store> m_store;
    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
    QTimer m_idleTimer;
    int m_idleSeconds = kDefaultIdleSeconds;
    qint64 m_lastActivity = 0;
};

}  // namespace quartier::app
