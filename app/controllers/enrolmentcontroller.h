// Enrolling this device in an organisation from the app (docs/protocol.md "Enrolment").
//
// Terms
//   code          the enrolment code from the administration: text "quartier:1:…" (a QR image later)
//   confirmation  six digits both sides compute from the code's secret and this device's signing
//                 key; the person compares them with the administration's screen before it admits
//   admitted      the organisation's directory lists this device (SyncController::enrolled)
//
// States and transitions (the function behind each arrow)
//   Idle       --request(code, name)---------> Requesting   code parses, name given; else error, Idle
//   Requesting --job: request accepted-------> Confirming   confirmation shown, kept sealed in the store
//   Requesting --job: failed-----------------> Idle         German error
//   Confirming --proceed() ("Weiter")--------> Waiting      a sync now, then one every poll interval
//   Waiting    --sync: this device listed----> Admitted
//   Waiting    --sync: not yet, or offline---> Waiting      hint "not admitted yet" or the sync's error
//   Waiting    --sync: other refusal---------> Confirming   German error
//   Waiting    --stop()----------------------> Confirming
//   Idle|Confirming|Waiting --reset()--------> Idle         the kept confirmation is erased
//   any        --session locked--------------> Idle; after unlock Admitted | Confirming | Idle by
//                                                the stored status (a pending enrolment survives)
//
// Invariants
//   1. Every use of the store runs as a store job (SessionController::runStoreJob), never here.
//   2. The code is a one-time credential: it is never stored or kept here beyond the request.
//   3. Admission is decided only by the verified directory (a sync), never by the server's word.
#pragma once

#include "adapters/qtprop.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace quartier::app {

class SessionController;
class SyncController;

// Drives the enrolment dialogue of the settings page; QML sees it as the singleton Enrolment.
class EnrolmentController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Enrolment singleton.")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString confirmation READ confirmation NOTIFY confirmationChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY messageChanged)
    Q_PROPERTY(QString hint READ hint NOTIFY messageChanged)
    Q_PROPERTY(int maxNameLength READ maxNameLength CONSTANT)

public:
    enum class State { Idle, Requesting, Confirming, Waiting, Admitted };
    Q_ENUM(State)

    static constexpr int kMaxNameLength = 80;  // characters; the server allows 200 bytes
    static constexpr int kDefaultPollMs = 10'000;

    // `session` and `sync` must outlive the controller.
    EnrolmentController(SessionController* session, SyncController* sync, QObject* parent = nullptr);

    State state() const { return m_state; }
    bool busy() const { return m_state == State::Requesting || m_state == State::Waiting; }
    QString confirmation() const { return m_confirmation; }
    QString errorMessage() const { return m_error; }
    QString hint() const { return m_hint; }
    static int maxNameLength() { return kMaxNameLength; }
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

    Q_INVOKABLE void request(const QString& code, const QString& deviceName);
    Q_INVOKABLE void proceed();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void reset();

signals:
    void stateChanged();
    void confirmationChanged();
    void messageChanged();

private:
    void onStoreChanged();
    void onStatusChanged();
    void onSyncFinished(bool ok);
    void setState(State state) { if (assign(m_state, state)) emit stateChanged(); }
    void setConfirmation(const QString& code) { if (assign(m_confirmation, code)) emit confirmationChanged(); }
    void setMessages(const QString& error, const QString& hint);
    void restore();  // the state the stored status implies

    QPointer<SessionController> m_session;
    QPointer<SyncController> m_sync;
    State m_state = State::Idle;
    QString m_confirmation;
    QString m_error;
    QString m_hint;
    QTimer m_poll;
    quint64 m_epoch = 0;  // bumped on every storeChanged(): results of a locked session are dropped
};

}  // namespace quartier::app
