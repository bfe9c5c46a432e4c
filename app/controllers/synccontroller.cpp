#include "controllers/synccontroller.h"

#include "adapters/servercall.h"

#include "controllers/sessioncontroller.h"

#include "domain/repository.h"
#include "sync/client/consent.h"
#include "sync/store/store.h"
#include "team/case_index.h"

#include <algorithm>
#include <charconv>

namespace quartier::app {

namespace {

QString qstr(const std::string& s) { return QString::fromStdString(s); }

sync::Result<std::unique_ptr<sync::Transport>> httpsTransport(const std::string& url, const std::string& fingerprint)
{
    return sync::make_https_transport(url, fingerprint);
}

}  // namespace

// What an attempt hands back to the GUI thread. Written by the job, read by its completion.
struct SyncController::Outcome : ServerCall {
    quint64 epoch = 0;  // the m_epoch it was started in
    bool recordsChanged = false;  // the op log grew: something was pulled (also if it failed later)
    bool wiped = false;           // the organisation's wipe order destroyed the store
    bool statusRead = false;
    SyncStatus status;
};

SyncStatus SyncStatus::read(const sync::Store& store)
{
    SyncStatus s;
    const sync::StoreStatus st = store.status();
    s.pending = int(st.pending_records);  // entries, as a user counts changes: not the field ops
    s.deviceId = qstr(st.device);
    if (const auto last = store.setting("last_sync")) {
        qint64 ms = 0;
        if (std::from_chars(last->data(), last->data() + last->size(), ms).ec == std::errc())
            s.lastSyncMs = ms;
    }
    const std::string url = store.setting("server_url").value_or("");
    s.serverSet = !url.empty();
    s.server = qstr(url);
    const sync::Directory& directory = store.directory();
    s.organisation = qstr(directory.org_name());
    if (const sync::DeviceInfo* me = directory.device(store.device().id())) {
        s.enrolled = !me->revoked;
        s.revoked = me->revoked;
        s.deviceName = qstr(me->name);
    }
    if (s.deviceName.isEmpty())
        s.deviceName = qstr(store.setting("device_name").value_or(""));
    if (!s.enrolled && !s.revoked)
        s.confirmation = qstr(store.setting("enrol_sas").value_or(""));
    s.leaseExpired = !store.readable().ok();
    return s;
}

SyncController::SyncController(SessionController* session, QSettings* settings, QObject* parent)
    : QObject(parent), m_session(session), m_settings(settings), m_factory(httpsTransport)
{
    if (m_settings) {
        bool ok = false;
        const int stored = m_settings->value(kIntervalSettingsKey, kDefaultIntervalMinutes).toInt(&ok);
        m_intervalMinutes = ok ? std::clamp(stored, kMinIntervalMinutes, kMaxIntervalMinutes) : kDefaultIntervalMinutes;
    }
    m_schedule.setSingleShot(false);
    connect(&m_schedule, &QTimer::timeout, this, [this] { syncNow(); });
    if (m_session) {
        connect(m_session, &SessionController::storeChanged, this, &SyncController::onStoreChanged);
        connect(m_session, &SessionController::storeBusyChanged, this, &SyncController::onStoreBusyChanged);
        if (m_session->store())
            onStoreChanged();
    }
}

SyncController::~SyncController() = default;

void SyncController::setTransportFactory(TransportFactory factory)
{
    m_factory = factory ? std::move(factory) : TransportFactory(httpsTransport);
}

void SyncController::setAutomatic(bool on)
{
    m_automatic = on;
    if (!on)
        m_syncAfterUnlock = false;
    updateSchedule();
}

QDateTime SyncController::lastSync() const
{
    return m_status.lastSyncMs > 0 ? QDateTime::fromMSecsSinceEpoch(m_status.lastSyncMs) : QDateTime();
}

void SyncController::setIntervalMinutes(int minutes)
{
    minutes = std::clamp(minutes, kMinIntervalMinutes, kMaxIntervalMinutes);
    if (!assign(m_intervalMinutes, minutes))
        return;
    if (m_settings)
        m_settings->setValue(kIntervalSettingsKey, minutes);
    emit intervalMinutesChanged();
    if (m_schedule.isActive())
        m_schedule.start(m_intervalMinutes * 60 * 1000);  // restarts the period
}

bool SyncController::syncNow()
{
    if (!m_session || m_state == State::Locked || m_state == State::Syncing || !m_status.serverSet)
        return false;
    auto outcome = std::make_shared<Outcome>();
    outcome->epoch = m_epoch;
    // The job gets copies only (invariant 2): the factory, the options, and the outcome it fills.
    const bool started = m_session->runStoreJob(
        [outcome, factory = m_factory, options = m_options](sync::Store& store, const std::atomic<bool>& cancel) mutable {
            options.cancel = &cancel;
            // An earlier write found no room: re-read the store (nothing written); if there is
            // still none, the sync stops at its first write with Full, and what it pulled is
            // pulled again next time (sync/client/client.h).
            if (store.failed())
                (void)store.recover();
            // The team's case index first (docs/team.md), so that the push carries the cases as
            // they are now. A failure costs only the index's freshness: the next sync writes it.
            if (!store.failed()) {
                domain::Repository repository(store);
                (void)team::refresh(repository, sync::consent::date_of(store.now_ms()));
            }
            const std::size_t opsBefore = store.status().ops;
            ServerCall& call = *outcome;
            call = callServer(store, factory, std::move(options), [](sync::SyncClient& client) { return client.sync(); });
            if (store.failed()) {  // a wipe order ran, or a write failed: nothing more to read
                outcome->wiped = outcome->error == sync::Error::Revoked;
                if (!outcome->wiped)
                    outcome->error = *store.failure();  // why, not "failed earlier"
                return;
            }
            outcome->status = SyncStatus::read(store);
            outcome->statusRead = true;
            outcome->recordsChanged = store.status().ops != opsBefore;
        },
        this, [this, outcome] { finish(*outcome); });
    if (!started)
        return false;
    setState(State::Syncing);
    return true;
}

void SyncController::refreshStatus()
{
    m_statusWanted = true;
    onStoreBusyChanged();
}

void SyncController::finish(const Outcome& outcome)
{
    if (outcome.epoch != m_epoch)  // invariant 3: started for another session
        return;
    if (outcome.wiped) {  // the store is gone: close the session and say why
        emit finished(false);
        if (m_session)
            m_session->lockWithMessage(
                tr("Dieses Gerät wurde von der Administration gesperrt. Auf Anordnung Ihrer Organisation wurden "
                   "alle Daten von Quartier auf diesem Gerät gelöscht."));
        return;
    }
    if (outcome.statusRead)
        applyStatus(outcome.status);
    if (outcome.ok) {
        setLastError({});
        setState(restingState());
    } else if (outcome.error == sync::Error::Cancelled) {
        setState(restingState());
    } else {
        setLastError(describe(outcome.error, outcome.detail, m_status.enrolled));
        const bool notAdmitted = !m_status.enrolled && !m_status.revoked &&
                                 (outcome.error == sync::Error::InvalidArgument ||
                                  (outcome.error == sync::Error::Refused && sync::refusal_code(outcome.detail) == "unauthenticated"));
        if (outcome.error == sync::Error::Network)
            setState(State::Offline);
        else if (notAdmitted)
            setState(State::NotEnrolled);
        else
            setState(State::Error);
    }
    updateSchedule();
    if (outcome.recordsChanged)
        emit recordsChanged();
    emit finished(outcome.ok);
}

void SyncController::onStoreChanged()
{
    ++m_epoch;
    if (!m_session || !m_session->store()) {
        m_statusWanted = false;
        m_syncAfterUnlock = false;
        m_schedule.stop();
        applyStatus({});
        setLastError({});
        setState(State::Locked);
        return;
    }
    m_statusWanted = true;
    m_syncAfterUnlock = m_automatic;
    onStoreBusyChanged();
}

void SyncController::onStoreBusyChanged()
{
    if (!m_session || m_session->storeBusy() || !m_session->store())
        return;
    if (m_statusWanted) {
        m_statusWanted = false;
        applyStatus(SyncStatus::read(*m_session->store()));
        if (m_state == State::Locked || m_state == State::NotEnrolled || m_state == State::Idle)
            setState(restingState());
    }
    if (m_syncAfterUnlock) {
        m_syncAfterUnlock = false;
        if (m_status.enrolled)
            syncNow();
    }
    updateSchedule();
}

void SyncController::updateSchedule()
{
    const bool wanted = m_automatic && m_state != State::Locked && m_status.enrolled;
    if (!wanted)
        m_schedule.stop();
    else if (!m_schedule.isActive())
        m_schedule.start(m_intervalMinutes * 60 * 1000);
}

SyncController::State SyncController::restingState() const
{
    if (!m_session || !m_session->store())
        return State::Locked;
    return m_status.enrolled ? State::Idle : State::NotEnrolled;
}

QString SyncController::describe(sync::Error error, const std::string& detail, bool enrolled)
{
    const std::string code = sync::refusal_code(detail);
    switch (error) {
    case sync::Error::Cancelled:
        return {};
    case sync::Error::Revoked:
        return tr("Dieses Gerät wurde von der Administration gesperrt. Bitte wenden Sie sich an Ihre Administration.");
    case sync::Error::Network:
        return tr("Der Server ist nicht erreichbar. Ihre Änderungen bleiben auf diesem Gerät und werden "
                  "beim nächsten Mal übertragen.");
    case sync::Error::InvalidArgument:
        if (!enrolled)
            return tr("Dieses Gerät ist noch mit keinem Server verbunden. Melden Sie es in den Einstellungen an.");
        break;
    case sync::Error::Refused:
        if (code == "unauthenticated" && !enrolled)
            return tr("Dieses Gerät ist noch nicht freigegeben. Die Administration muss die Anmeldung bestätigen.");
        if (code == "revoked")
            return tr("Dieses Gerät wurde von der Administration gesperrt. Bitte wenden Sie sich an Ihre Administration.");
        if (code == "clock_skew")
            return tr("Die Uhr dieses Geräts geht vor. Bitte prüfen Sie Datum und Uhrzeit in den Systemeinstellungen.");
        if (code == "rate_limited" || code == "internal" || code.rfind("http_5", 0) == 0)
            return tr("Der Server ist vorübergehend gestört. Quartier versucht es später erneut; es geht nichts verloren.");
        if (code == "forbidden" || code == "not_member" || code == "unauthenticated")
            return tr("Der Server hat die Anfrage abgelehnt: Diesem Gerät fehlt eine Berechtigung. "
                      "Bitte wenden Sie sich an Ihre Administration.");
        return tr("Der Server hat die Synchronisierung abgelehnt. Quartier versucht es später erneut; hilft das "
                  "nicht, wenden Sie sich an Ihre Administration (Fehlercode: %1).").arg(QString::fromStdString(code));
    case sync::Error::Protocol:
        return tr("Der Server antwortet nicht wie erwartet. Bitte informieren Sie Ihre Administration.");
    case sync::Error::Full:
        return tr("Der Speicher dieses Geräts ist voll: Die Synchronisierung wurde angehalten, es geht nichts "
                  "verloren. Geben Sie Speicherplatz frei (z. B. Fotos oder Videos löschen) und synchronisieren Sie "
                  "dann erneut.");
    case sync::Error::Io:
    case sync::Error::Failed:
        return tr("Der Datenspeicher dieses Geräts meldet einen Schreibfehler: Die Synchronisierung wurde angehalten, "
                  "es geht nichts verloren. Versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre "
                  "Administration.");
    case sync::Error::Corrupt:
    case sync::Error::Integrity:
        return tr("Der Datenspeicher ist beschädigt. Bitte wenden Sie sich an Ihre Administration.");
    default:
        break;
    }
    const std::string_view what = sync::to_string(error);
    return tr("Die Synchronisierung ist fehlgeschlagen; es geht nichts verloren. Versuchen Sie es später erneut; "
              "hilft das nicht, wenden Sie sich an Ihre Administration (Fehlercode: %1).").arg(QString::fromUtf8(what.data(), qsizetype(what.size())));
}

}  // namespace quartier::app
