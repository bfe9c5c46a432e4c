#include "controllers/enrolmentcontroller.h"

#include "controllers/sessioncontroller.h"
#include "controllers/synccontroller.h"

#include "crypto/secure.h"
#include "sync/client/org.h"
#include "sync/store/store.h"

#include <memory>

namespace quartier::app {

namespace {

// What the request job hands back. Written by the job, read by its completion.
struct RequestOutcome {
    bool ok = false;
    sync::Error error = sync::Error::Cancelled;
    std::string detail;
    std::string confirmation;
};

QString describeRequest(sync::Error error, const std::string& detail)
{
    const std::string code = sync::refusal_code(detail);
    if (error == sync::Error::Network)
        return EnrolmentController::tr("Der Server aus dem Anmeldecode ist nicht erreichbar. Prüfen Sie die "
                                       "Verbindung und versuchen Sie es erneut.");
    if (error == sync::Error::Refused && code == "forbidden")
        return EnrolmentController::tr("Der Anmeldecode ist ungültig, abgelaufen oder wurde schon verwendet. "
                                       "Bitte lassen Sie sich von der Administration einen neuen Code geben.");
    if (error == sync::Error::AlreadyExists)
        return EnrolmentController::tr("Dieses Gerät ist bereits bei einer Organisation angemeldet.");
    return SyncController::describe(error, detail, false);
}

}  // namespace

EnrolmentController::EnrolmentController(SessionController* session, SyncController* sync, QObject* parent)
    : QObject(parent), m_session(session), m_sync(sync)
{
    m_poll.setInterval(kDefaultPollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_state == State::Waiting && m_sync)
            m_sync->syncNow();
    });
    if (m_session)
        connect(m_session, &SessionController::storeChanged, this, &EnrolmentController::onStoreChanged);
    if (m_sync) {
        connect(m_sync, &SyncController::statusChanged, this, &EnrolmentController::onStatusChanged);
        connect(m_sync, &SyncController::finished, this, &EnrolmentController::onSyncFinished);
        restore();
    }
}

void EnrolmentController::request(const QString& code, const QString& deviceName)
{
    if (m_state != State::Idle || !m_session || !m_sync || !m_session->store())
        return;
    const QString name = deviceName.simplified();
    if (name.isEmpty()) {
        setMessages(tr("Bitte geben Sie einen Namen für dieses Gerät ein, zum Beispiel „Tablet ASD Garstedt“."), {});
        return;
    }
    if (name.size() > kMaxNameLength) {
        setMessages(tr("Der Gerätename darf höchstens %n Zeichen lang sein.", nullptr, kMaxNameLength), {});
        return;
    }
    auto parsed = sync::EnrolCode::parse(code.simplified().remove(QLatin1Char(' ')).toStdString());
    if (!parsed) {
        setMessages(tr("Das ist kein gültiger Anmeldecode. Er beginnt mit „quartier:1:“; bitte prüfen Sie, ob er "
                       "vollständig übernommen wurde."),
                    {});
        return;
    }
    if (m_sync->enrolled()) {
        setMessages(tr("Dieses Gerät ist bereits bei einer Organisation angemeldet."), {});
        return;
    }

    auto outcome = std::make_shared<RequestOutcome>();
    const quint64 epoch = m_epoch;
    const bool started = m_session->runStoreJob(
        [outcome, code = std::move(*parsed), name = name.toStdString(), factory = m_sync->transportFactory(),
         options = m_sync->syncOptions()](sync::Store& store, const std::atomic<bool>& cancel) mutable {
            options.cancel = &cancel;
            auto transport = factory(code.url, code.fingerprint);
            if (!transport) {
                outcome->error = transport.error();
                outcome->detail = transport.detail();
            } else {
                sync::SyncClient client(store, **transport, std::move(options));
                auto sas = sync::request_enrolment(store, client, code, name);
                if (sas)
                    sas = store.set_setting("enrol_sas", *sas).ok() ? sas : sync::Result<std::string>(sync::Error::Io);
                outcome->ok = sas.ok();
                if (sas) {
                    outcome->confirmation = *sas;
                } else {
                    outcome->error = sas.error();
                    outcome->detail = sas.detail();
                }
            }
            crypto::wipe(code.secret);  // invariant 2
        },
        this,
        [this, outcome, epoch] {
            if (epoch != m_epoch)
                return;
            if (outcome->ok) {
                setConfirmation(QString::fromStdString(outcome->confirmation));
                setState(State::Confirming);
            } else {
                setMessages(describeRequest(outcome->error, outcome->detail), {});
                setState(State::Idle);
            }
            if (m_sync)
                m_sync->refreshStatus();
        });
    if (!started)
        return;
    setMessages({}, {});
    setState(State::Requesting);
}

void EnrolmentController::proceed()
{
    if ((m_state != State::Confirming && m_state != State::Waiting) || !m_sync)
        return;
    setMessages({}, {});
    setState(State::Waiting);
    m_sync->syncNow();  // if one runs already, its result counts as well
    m_poll.start();
}

void EnrolmentController::stop()
{
    if (m_state != State::Waiting)
        return;
    m_poll.stop();
    setMessages(m_error, {});
    setState(State::Confirming);
}

void EnrolmentController::reset()
{
    if (m_state == State::Requesting || m_state == State::Admitted)
        return;
    m_poll.stop();
    setMessages({}, {});
    setConfirmation({});
    setState(State::Idle);
    if (m_session && m_sync && !m_sync->confirmation().isEmpty()) {
        m_session->runStoreJob([](sync::Store& store, const std::atomic<bool>&) { (void)store.set_setting("enrol_sas", ""); },
                               this, [this] {
                                   if (m_sync)
                                       m_sync->refreshStatus();
                               });
    }
}

void EnrolmentController::onStoreChanged()
{
    ++m_epoch;
    m_poll.stop();
    setMessages({}, {});
    setConfirmation({});
    setState(State::Idle);
    restore();
}

void EnrolmentController::onStatusChanged() { restore(); }

void EnrolmentController::onSyncFinished(bool ok)
{
    if (m_state != State::Waiting || !m_sync)
        return;
    if (m_sync->enrolled()) {
        restore();
        return;
    }
    switch (m_sync->state()) {
    case SyncController::State::Offline:
        setMessages(m_sync->lastError(), {});
        break;
    case SyncController::State::NotEnrolled:
        setMessages({}, tr("Noch nicht freigegeben. Sobald die Administration dieses Gerät bestätigt hat, geht es "
                           "von selbst weiter."));
        break;
    default:
        if (!ok) {
            m_poll.stop();
            setMessages(m_sync->lastError(), {});
            setState(State::Confirming);
        }
        break;
    }
}

void EnrolmentController::restore()
{
    if (!m_sync)
        return;
    if (m_sync->enrolled()) {
        m_poll.stop();
        setMessages({}, {});
        setState(State::Admitted);
        return;
    }
    if (m_state == State::Admitted) {  // locked, or the device was revoked
        setState(State::Idle);
    }
    if (m_state == State::Idle && !m_sync->confirmation().isEmpty()) {
        setConfirmation(m_sync->confirmation());
        setState(State::Confirming);
    }
}

void EnrolmentController::setMessages(const QString& error, const QString& hint)
{
    if (m_error == error && m_hint == hint)
        return;
    m_error = error;
    m_hint = hint;
    emit messageChanged();
}

}  // namespace quartier::app
