#include "controllers/sharecontroller.h"

#include "adapters/servercall.h"

#include "models/devicelistmodel.h"
#include "controllers/sessioncontroller.h"
#include "controllers/synccontroller.h"

#include "sync/client/roles.h"
#include "sync/client/sharing.h"
#include "sync/store/store.h"
#include "sync/protocol/wire.h"

#include <QDateTime>

#include <memory>
#include <set>

namespace quartier::app {

namespace {

QString qstr(const std::string& s) { return QString::fromStdString(s); }

std::uint64_t nowMs() { return std::uint64_t(QDateTime::currentMSecsSinceEpoch()); }

}  // namespace

// What a share job hands back to the GUI thread. Written by the job, read by its completion.
struct ShareController::Outcome : ServerCall {
    quint64 epoch = 0;  // the m_epoch it was started in
    bool unshare = false;
    std::string provider;  // an assign job: the provider
    bool assigned = false;  // ... assigned (true) or withdrawn
    bool read = false;  // the candidates below were read after the share
    std::vector<sync::sharing::Candidate> candidates;
    std::optional<sync::sharing::Candidate> target;
};

ShareController::ShareController(SessionController* session, SyncController* sync, QObject* parent)
    : QObject(parent), m_session(session), m_sync(sync)
{
    if (m_session) {
        connect(m_session, &SessionController::storeChanged, this, &ShareController::onStoreChanged);
        connect(m_session, &SessionController::storeBusyChanged, this, &ShareController::onStoreBusyChanged);
    }
}

ShareController::~ShareController() = default;

void ShareController::startOver(const QString& caseId)
{
    ++m_epoch;
    m_caseId = caseId;
    m_caseName.clear();
    m_notice.clear();
    m_scopeHex.clear();
    m_sharedWith.clear();
    m_targets.clear();
    m_providers.clear();
    m_canAssign = false;
    setMessage({});
    emit caseChanged();
}

void ShareController::open(const QString& caseId)
{
    startOver(caseId);
    if (!m_session || !m_session->store()) {
        setState(State::Closed);
        return;
    }
    if (m_session->storeBusy()) {
        setState(State::Pending);  // read once the store is back (invariant 1)
        return;
    }
    read();
}

void ShareController::close()
{
    startOver({});
    setState(State::Closed);
}

void ShareController::read()
{
    const sync::Store* store = m_session ? m_session->store() : nullptr;
    if (!store || m_session->storeBusy())
        return;
    const sync::Record* record = store->get(m_caseId.toStdString());
    if (!record || record->type != "case") {
        m_notice = tr("Dieser Fall ist auf diesem Gerät nicht mehr vorhanden.");
        m_targets.clear();
        emit caseChanged();
        setState(State::Ready);
        return;
    }
    m_caseName = qstr(record->value("name").value_or(""));
    m_scopeHex = crypto::to_hex(record->scope);
    const sync::Directory& directory = store->directory();
    const sync::DeviceInfo* me = directory.device(store->device().id());
    if (!me || me->revoked) {
        m_notice = tr("Dieses Gerät ist noch bei keiner Organisation angemeldet. Einen Fall teilen können Sie erst "
                      "nach der Anmeldung (Einstellungen).");
        m_targets.clear();
    } else {
        const auto candidates = sync::sharing::candidates(*store, record->scope, nowMs());
        showCandidates(candidates);
        readProviders(*store, record->scope);
        if (sync::sharing::scope_kind(*store, record->scope) == sync::ScopeKind::Personal)
            m_notice = tr("Dieser Fall liegt im persönlichen Bereich dieses Geräts (anvertraut, § 65 SGB VIII). "
                          "Ein persönlicher Bereich wird nie geteilt.");
        else if (candidates.empty())
            m_notice = tr("Im Verzeichnis Ihrer Organisation gibt es noch kein anderes Gerät.");
    }
    emit caseChanged();
    setState(State::Ready);
}

void ShareController::readProviders(const sync::Store& store, const std::array<std::uint8_t, 16>& scope)
{
    const sync::Directory& directory = store.directory();
    const sync::DeviceInfo* me = directory.device(store.device().id());
    // A helper's `provider` entries are refused by every directory (docs/roles.md); a personal
    // scope is never a case.
    m_canAssign = me && !me->revoked && me->role != "helper" && sync::sharing::scope_kind(store, scope) == sync::ScopeKind::Case;
    const std::set<std::string> assigned = directory.providers(scope);
    std::set<std::string> names = assigned;
    for (const sync::DeviceInfo& d : directory.devices())
        if (d.role == "helper" && !d.revoked && !d.provider.empty() && !d.provider_hidden)
            names.insert(d.provider);
    m_providers.clear();
    for (const std::string& name : names)
        m_providers << QVariantMap{{"name", qstr(name)}, {"assigned", assigned.count(name) > 0}};
}

bool ShareController::assignProvider(const QString& provider, bool assigned)
{
    if (!m_session || !m_sync || m_scopeHex.empty() || m_state == State::Closed || busy() || provider.trimmed().isEmpty())
        return false;  // invariant 4
    const auto scope = sync::wire::id_from_hex(m_scopeHex);
    if (!scope)
        return false;
    // Already so as far as this device knows: nothing to sign (roles::assign_provider would write
    // no entry either).
    for (const QVariant& p : m_providers)
        if (p.toMap().value("name").toString() == provider.trimmed() && p.toMap().value("assigned").toBool() == assigned) {
            setMessage(assigned ? tr("Der Fall ist dem Träger „%1“ schon zugewiesen.").arg(provider.trimmed())
                                : tr("Der Fall ist dem Träger „%1“ nicht zugewiesen.").arg(provider.trimmed()));
            return false;
        }
    auto outcome = std::make_shared<Outcome>();
    outcome->epoch = m_epoch;
    outcome->provider = provider.trimmed().toStdString();
    outcome->assigned = assigned;
    const bool started = startJob(outcome, *scope, std::nullopt,
                                  [outcome, scope = *scope](sync::Store& store, sync::SyncClient& client) {
                                      return sync::roles::assign_provider(store, client, scope, outcome->provider, outcome->assigned);
                                  },
                                  &ShareController::finishAssign);
    if (!started)
        return false;
    setMessage({});
    setState(State::Assigning);
    return true;
}

void ShareController::finishAssign(const Outcome& outcome)
{
    if (outcome.epoch != m_epoch)  // invariant 2
        return;
    if (outcome.read) {
        showCandidates(outcome.candidates);
        if (m_session && m_session->store() && !m_session->storeBusy())
            if (const auto scope = sync::wire::id_from_hex(m_scopeHex))
                readProviders(*m_session->store(), *scope);
        emit caseChanged();
    }
    const QString name = qstr(outcome.provider);
    if (outcome.ok) {
        setMessage(outcome.assigned ? tr("Der Fall ist jetzt dem Träger „%1“ zugewiesen. Seine Familienhilfe können Sie "
                                         "nun mit dem Fall teilen.").arg(name)
                                    : tr("Die Zuweisung an „%1“ ist zurückgenommen. Dessen Familienhilfe verliert den Fall "
                                         "bei ihrer nächsten Synchronisierung.").arg(name));
        setState(State::Assigned);
    } else if (outcome.error == sync::Error::Denied
               || (outcome.error == sync::Error::InvalidArgument && outcome.detail.rfind("only a member", 0) == 0)) {
        // The directory takes `provider` entries only from a member of the case that is no
        // helper, or from the admin (docs/roles.md).
        setMessage(tr("Nicht zugewiesen: Nur wer den Fall hat (und keine Familienhilfe ist) oder die Administration "
                      "kann ihn einem Träger zuweisen."));
        setState(State::Refused);
    } else {
        showFailure(outcome,
                    tr("Nicht zugewiesen: Der Server ist nicht erreichbar. Die Zuweisung braucht eine Verbindung zum "
                       "Server; versuchen Sie es erneut, sobald dieses Gerät online ist."),
                    tr("Nicht zugewiesen: %1"));
    }
    if (m_sync)
        m_sync->refreshStatus();
}

bool ShareController::startJob(const std::shared_ptr<Outcome>& outcome, const std::array<std::uint8_t, 16>& scope,
                               const std::optional<std::array<std::uint8_t, 16>>& device, Call call,
                               void (ShareController::*done)(const Outcome&))
{
    // The job gets copies only: the ids, the factory, the options, the call and the outcome it fills.
    return m_session->runStoreJob(
        [outcome, scope, device, call = std::move(call), factory = m_sync->transportFactory(),
         options = m_sync->syncOptions()](sync::Store& store, const std::atomic<bool>& cancel) mutable {
            options.cancel = &cancel;
            ServerCall& result = *outcome;
            result = callServer(store, factory, std::move(options), [&](sync::SyncClient& client) { return call(store, client); });
            if (store.failed())
                return;
            // Read again: the call refreshed the directory, so the rows and the reasons are current.
            const std::uint64_t now = nowMs();
            outcome->candidates = sync::sharing::candidates(store, scope, now);
            if (device)
                outcome->target = sync::sharing::candidate(store, scope, *device, now);
            outcome->read = true;
        },
        this, [this, outcome, done] { (this->*done)(*outcome); });
}

bool ShareController::share(const QString& deviceId) { return start(deviceId, false); }

bool ShareController::unshare(const QString& deviceId) { return start(deviceId, true); }

bool ShareController::start(const QString& deviceId, bool unshare)
{
    if (!m_session || !m_sync || m_scopeHex.empty())
        return false;
    if (m_state == State::Closed || busy())
        return false;  // invariant 4
    const auto scope = sync::wire::id_from_hex(m_scopeHex);
    const auto device = sync::wire::id_from_hex(deviceId.toStdString());
    if (!scope || !device || m_targets.indexOf(deviceId) < 0)
        return false;

    auto outcome = std::make_shared<Outcome>();
    outcome->unshare = unshare;
    outcome->epoch = m_epoch;
    const bool started = startJob(outcome, *scope, *device,
                                  [outcome, scope = *scope, device = *device](sync::Store& store, sync::SyncClient& client) {
                                      return outcome->unshare ? client.unassign(scope, device)
                                                              : sync::sharing::share(store, client, scope, device);
                                  },
                                  &ShareController::finish);
    if (!started)
        return false;
    m_sharedWith.clear();
    setMessage({});
    setState(unshare ? State::Unsharing : State::Sharing);
    return true;
}

void ShareController::finish(const Outcome& outcome)
{
    if (outcome.epoch != m_epoch)  // invariant 2: started for another session or case
        return;
    if (outcome.read)
        showCandidates(outcome.candidates);
    const QString name = outcome.target ? qstr(outcome.target->device.name) : QString();
    if (outcome.unshare) {
        if (outcome.ok) {
            setMessage(tr("Der Fall wurde vom Gerät „%1“ zurückgenommen. Es löscht ihn bei seiner nächsten "
                          "Synchronisierung; was danach geschrieben wird, erreicht es nicht mehr.")
                           .arg(name));
            setState(State::Unshared);
        } else {
            showFailure(outcome,
                        tr("Nicht zurückgenommen: Der Server ist nicht erreichbar. Versuchen Sie es erneut, sobald "
                           "dieses Gerät online ist."),
                        tr("Nicht zurückgenommen: %1"));
        }
    } else if (outcome.ok) {
        m_sharedWith = outcome.target ? qstr(crypto::to_hex(outcome.target->device.id)) : QString();
        setMessage(tr("Der Fall ist geteilt. Auf dem Gerät „%1“ erscheint er nach dessen nächster Synchronisierung.").arg(name));
        setState(State::Shared);
        emit shared(m_caseId, m_sharedWith);
        // What this device wrote and never pushed (a new case) goes out now, so that the promise
        // holds: the colleague's next sync brings the case.
        if (m_sync)
            m_sync->syncNow();
    } else if (outcome.error == sync::Error::Denied) {
        QString reason = outcome.target ? reasonFor(*outcome.target) : QString();
        if (reason.isEmpty())  // the directory the server has refused what this device's copy allows
            reason = outcome.detail.rfind("disclosure_recipient", 0) == 0
                         ? tr("Der Fall enthält anvertraute Angaben (§ 65 SGB VIII), deren Rechtsgrundlage das "
                              "gewählte Gerät nicht abdeckt. Nötig ist eine Einwilligung oder Weitergabe, die dieses "
                              "Empfängergerät einschließt.")
                         : tr("Nach dem Berechtigungskonzept Ihrer Organisation darf das gewählte Gerät diesen Fall "
                              "nicht erhalten.");
        setMessage(tr("Nicht geteilt: %1").arg(reason));
        setState(State::Refused);
    } else if (outcome.error == sync::Error::NotFound) {
        setMessage(tr("Nicht geteilt: Das gewählte Gerät steht nicht (mehr) im Verzeichnis Ihrer Organisation, oder "
                      "dieses Gerät hat keinen Zugriff mehr auf den Fall. Synchronisieren Sie und versuchen Sie es "
                      "erneut; hilft das nicht, wenden Sie sich an Ihre Administration."));
        setState(State::Failed);
    } else {
        showFailure(outcome,
                    tr("Nicht geteilt: Der Server ist nicht erreichbar. Teilen braucht eine Verbindung zum Server; "
                       "versuchen Sie es erneut, sobald dieses Gerät online ist. Es ist nichts verloren gegangen."),
                    tr("Nicht geteilt: %1"));
    }
    if (m_sync)
        m_sync->refreshStatus();  // the share's audit entry waits in the outbox
}

void ShareController::showFailure(const Outcome& outcome, const QString& offline, const QString& otherwise)
{
    if (outcome.error == sync::Error::Cancelled) {
        setState(State::Ready);
        return;
    }
    setMessage(outcome.error == sync::Error::Network
                   ? offline
                   : otherwise.arg(SyncController::describe(outcome.error, outcome.detail, true)));
    setState(State::Failed);
}

QString ShareController::reasonFor(const sync::sharing::Candidate& c)
{
    if (c.member)
        return {};
    const QString role = DeviceListModel::roleLabel(qstr(c.role.role));
    using sync::roles::Refusal;
    if (!c.role.allowed) {
        switch (c.role.why) {
        case Refusal::NotEnrolled:
            return tr("Das Gerät ist im Verzeichnis Ihrer Organisation nicht (mehr) angemeldet.");
        case Refusal::UnknownRole:
            return tr("Die Rolle „%1“ des Geräts ist Quartier unbekannt. Bitte wenden Sie sich an Ihre "
                      "Administration.").arg(role);
        case Refusal::Never:
            return tr("Geräte mit der Rolle „%1“ erhalten keine Fallinhalte.").arg(role);
        case Refusal::NotOwn:
            return tr("Der persönliche Bereich einer Fachkraft wird nie als Ganzes geteilt. Anvertrautes (§ 65 SGB "
                      "VIII) gibt nur sie selbst weiter – einzeln und mit Rechtsgrundlage.");
        case Refusal::NoProvider:
            return tr("Das Gerät ist als Familienhilfe eingetragen, aber keinem freien Träger zugeordnet. Bitte "
                      "wenden Sie sich an Ihre Administration.");
        case Refusal::NotAssigned:
            return tr("Der Fall ist dem Träger „%1“ nicht zugewiesen. Erst nach der Zuweisung darf dessen "
                      "Familienhilfe ihn sehen.")
                .arg(qstr(c.role.provider));
        case Refusal::None:
            break;
        }
    }
    if (c.entrusted) {
        using Kind = sync::consent::MemberBlock::Kind;
        switch (c.entrusted->kind) {
        case Kind::ConsentNotValid: {
            const QString state = c.entrusted->state == sync::consent::ConsentState::Withdrawn ? tr("widerrufen wurde")
                                : c.entrusted->state == sync::consent::ConsentState::Expired  ? tr("abgelaufen ist")
                                                                                               : tr("noch nicht gilt");
            return tr("Der Fall enthält anvertraute Angaben (§ 65 SGB VIII), weitergegeben mit einer Einwilligung, "
                      "die %1. Für ein weiteres Gerät braucht es eine neue, gültige Einwilligung, die es als "
                      "Empfänger nennt.")
                .arg(state);
        }
        case Kind::ConsentNotCovering:
            return tr("Der Fall enthält anvertraute Angaben (§ 65 SGB VIII), weitergegeben mit einer Einwilligung, "
                      "die das gewählte Gerät nicht als Empfänger nennt. Nötig ist eine Einwilligung, die auch die "
                      "Rolle „%1“ oder das gewählte Gerät einschließt.")
                .arg(role);
        case Kind::OtherRecipients:
            return tr("Der Fall enthält anvertraute Angaben (§ 65 SGB VIII), weitergegeben nach %1 nur an andere "
                      "Empfänger. Nötig ist eine eigene Weitergabe an das gewählte Gerät, mit Einwilligung oder "
                      "begründeter Ausnahme.")
                .arg(qstr(c.entrusted->legal_basis));
        }
    }
    return {};
}

void ShareController::showCandidates(const std::vector<sync::sharing::Candidate>& candidates)
{
    std::vector<ShareTargetModel::Row> rows;
    rows.reserve(candidates.size());
    for (const sync::sharing::Candidate& c : candidates)
        rows.push_back({qstr(crypto::to_hex(c.device.id)), qstr(c.device.name), qstr(c.device.role),
                        DeviceListModel::roleLabel(qstr(c.device.role)), qstr(c.device.provider), c.member, c.allowed(),
                        reasonFor(c)});
    m_targets.setRows(std::move(rows));
}

void ShareController::onStoreChanged()
{
    close();  // a lock drops the dialog's case; an unlock starts closed
}

void ShareController::onStoreBusyChanged()
{
    if (m_state == State::Pending && m_session && m_session->store() && !m_session->storeBusy())
        read();
}

}  // namespace quartier::app
