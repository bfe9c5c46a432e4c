// "Fall teilen": shares the open case with a colleague's device from the case page, and assigns it
// to a free provider (Träger) whose family helpers may then receive it (docs/app.md).
// The rules are sync/client/sharing.h's — the same function `quartier-cli scope share` calls: the role
// policy (sync/client/roles.h; a personal scope is never shared) and the legal bases of the case's
// disclosed entrusted entries (sync/client/consent.h). This controller only lists, runs and explains.
//
// Terms
//   case scope   the scope the case record lives in (docs/domain.md "Scopes"); sharing the case
//                shares that scope, with its whole history
//   targets      ShareTargetModel: the directory's other devices with the rules' verdict, read
//                from this device's copy of the directory (a preview; the share checks again
//                against the server's directory)
//   share job    a SessionController store job: a transport from the SyncController's factory,
//                sync::sharing::share(), then the targets read again. It needs the server
//                (directory, member entry, key grants): offline it fails and nothing changes
//   unshare job  the same with SyncClient::unassign (`quartier-cli scope unassign`): an `unassign`
//                entry and a new epoch without that device; it purges the case at its next sync
//   providers    the free providers the directory knows (from its helpers' enrolments) and those
//                the case is assigned to, each with `assigned`; offered only on a device whose role
//                may assign (not a helper's: the directory refuses its `provider` entries)
//   assign job   the same with roles::assign_provider (`quartier-cli scope assign`): a `provider`
//                entry assigning the case to a provider or withdrawing it (its helpers are then
//                rotated past and purge the case at their next sync)
//
// States and transitions (the function behind each arrow)
//   Closed   --open(caseId), store free--------> Ready      targets read; notice if nothing can be shared
//   Closed   --open(caseId), store busy--------> Pending    read when the store is free
//   Pending  --store free----------------------> Ready
//   Ready | Shared | Refused | Failed --share(deviceId)--> Sharing   a store job (queued behind a sync)
//   Sharing  --shared--------------------------> Shared     message: visible there after its next sync
//   Sharing  --Denied (role policy, §65 basis)-> Refused    message: the reason in plain German
//   Sharing  --any other error-----------------> Failed     message: offline, server, store
//   Ready | Shared | Refused | Failed | Unshared --unshare(deviceId)--> Unsharing   a store job
//   Unsharing --taken back---------------------> Unshared   message: it drops the case at its next sync
//   Unsharing --error--------------------------> Failed
//   Ready | … --assignProvider(name, assigned)-> Assigning   a store job
//   Assigning --done---------------------------> Assigned   message: what the provider's helpers may now
//   Assigning --Denied | error-----------------> Refused | Failed
//   any      --close() | lock------------------> Closed     a running job's result is dropped
//
// Invariants
//   1. The store is touched on the GUI thread only while it is set and not lent (open's read);
//      the share and the read after it run on the store thread (SessionController invariant 2).
//   2. The GUI thread never waits for the job; its result belongs to the session and the case
//      it started for (m_epoch), else it is dropped.
//   3. Nothing is decided here: a refusal comes from sync::sharing, and a row's verdict is the
//      same functions' preview. A refused share changes nothing but a `refuse` audit entry.
//   4. One job at a time: share(), unshare() or assignProvider() while a job runs does nothing.
#pragma once

#include "adapters/qtprop.h"
#include "models/sharetargetmodel.h"

#include "sync/core/error.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <array>
#include <functional>
#include <memory>
#include <cstdint>
#include <optional>

namespace quartier::sync {
class Store;
class SyncClient;
namespace sharing {
struct Candidate;
}
}  // namespace quartier::sync

namespace quartier::app {

class SessionController;
class SyncController;

// Controller of the share dialog; QML sees it as the singleton Share.
class ShareController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Share singleton.")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString caseId READ caseId NOTIFY caseChanged)
    Q_PROPERTY(QString caseName READ caseName NOTIFY caseChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY caseChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString sharedWith READ sharedWith NOTIFY messageChanged)
    Q_PROPERTY(ShareTargetModel* targets READ targets CONSTANT)
    Q_PROPERTY(QVariantList providers READ providers NOTIFY caseChanged)
    Q_PROPERTY(bool canAssign READ canAssign NOTIFY caseChanged)

public:
    enum class State { Closed, Pending, Ready, Sharing, Shared, Refused, Failed, Unsharing, Unshared, Assigning, Assigned };
    Q_ENUM(State)

    // `session` and `sync` (its transport factory and retry options) must outlive the controller.
    ShareController(SessionController* session, SyncController* sync, QObject* parent = nullptr);
    ~ShareController() override;

    State state() const { return m_state; }
    bool busy() const
    {
        return m_state == State::Sharing || m_state == State::Unsharing || m_state == State::Assigning || m_state == State::Pending;
    }
    QString caseId() const { return m_caseId; }
    QString caseName() const { return m_caseName; }
    // Why nothing can be shared from here at all (not enrolled, a personal scope, no colleagues); empty otherwise.
    QString notice() const { return m_notice; }
    // The last share's result in German (empty before one).
    QString message() const { return m_message; }
    // The device id the last successful share went to.
    QString sharedWith() const { return m_sharedWith; }
    ShareTargetModel* targets() { return &m_targets; }
    // [{name, assigned}] by name: see "providers" above.
    QVariantList providers() const { return m_providers; }
    bool canAssign() const { return m_canAssign; }

    Q_INVOKABLE void open(const QString& caseId);
    // Shares the open case with `deviceId`; false if nothing was started (closed, busy, unknown).
    Q_INVOKABLE bool share(const QString& deviceId);
    // Takes the open case back from `deviceId`, a member; false if nothing was started.
    Q_INVOKABLE bool unshare(const QString& deviceId);
    Q_INVOKABLE void close();
    // Assigns the open case to `provider` (assigned true) or withdraws the assignment; false if
    // nothing was started (closed, busy, no case).
    Q_INVOKABLE bool assignProvider(const QString& provider, bool assigned);

    // The German sentence for a candidate the rules refuse (empty if it may receive the case).
    static QString reasonFor(const sync::sharing::Candidate& candidate);

signals:
    void stateChanged();
    void caseChanged();
    void messageChanged();
    // A share went through: the outbox holds its audit entry (the sync indicator re-reads).
    void shared(const QString& caseId, const QString& deviceId);

private:
    struct Outcome;
    void onStoreChanged();
    void onStoreBusyChanged();
    // A new epoch for `caseId` (empty: none): what was read or said of the last case is dropped.
    void startOver(const QString& caseId);
    void read();
    bool start(const QString& deviceId, bool unshare);
    // Runs `call` against the server as a store job, then reads the candidates (and `device`'s)
    // again into `outcome`; `done` gets it on the GUI thread.
    using Call = std::function<sync::Result<void>(sync::Store&, sync::SyncClient&)>;
    bool startJob(const std::shared_ptr<Outcome>& outcome, const std::array<std::uint8_t, 16>& scope,
                  const std::optional<std::array<std::uint8_t, 16>>& device, Call call, void (ShareController::*done)(const Outcome&));
    // The providers of the case as this device's copy of the directory knows them.
    void readProviders(const sync::Store& store, const std::array<std::uint8_t, 16>& scope);
    void finishAssign(const Outcome& outcome);
    void finish(const Outcome& outcome);
    // A share or take-back that did not happen: Ready if cancelled, else Failed with `offline`
    // (no server) or `otherwise` (its %1 the error's German text).
    void showFailure(const Outcome& outcome, const QString& offline, const QString& otherwise);
    void setState(State state) { if (assign(m_state, state)) emit stateChanged(); }
    void setMessage(const QString& message) { if (assign(m_message, message)) emit messageChanged(); }
    void showCandidates(const std::vector<sync::sharing::Candidate>& candidates);

    QPointer<SessionController> m_session;
    QPointer<SyncController> m_sync;
    ShareTargetModel m_targets;
    QVariantList m_providers;
    bool m_canAssign = false;
    State m_state = State::Closed;
    QString m_caseId;
    QString m_caseName;
    QString m_notice;
    QString m_message;
    QString m_sharedWith;
    std::string m_scopeHex;
    quint64 m_epoch = 0;  // bumped on open, close and every storeChanged(): invariant 2
};

}  // namespace quartier::app
