#include "controllers/caseconsents.h"

#include "adapters/domainlabels.h"
#include "adapters/storeproblem.h"
#include "models/devicelistmodel.h"

#include "crypto/crypto.h"
#include "sync/client/consent.h"
#include "sync/store/store.h"

#include <QDate>
#include <QTimeZone>

#include <algorithm>

namespace quartier::app {

using namespace caseview;
namespace consent = sync::consent;

namespace {

// The consent vocabulary the app offers (docs/consent.md): data categories are the record types
// a consent may cover, purposes and forms the words the case layer uses. The CLI may write others;
// they show as they are.
constexpr IdLabel kData[] = {
    {"note", QT_TRANSLATE_NOOP("CaseConsentsController", "Vermerke")},
    {"contact_event", QT_TRANSLATE_NOOP("CaseConsentsController", "Kontakte und Hausbesuche")},
    {"will_statement", QT_TRANSLATE_NOOP("CaseConsentsController", "Wille und Wünsche")},
    {"goal", QT_TRANSLATE_NOOP("CaseConsentsController", "Ziele")},
    {"network_map", QT_TRANSLATE_NOOP("CaseConsentsController", "Netzwerkkarte")},
    {"risk_assessment", QT_TRANSLATE_NOOP("CaseConsentsController", "Einordnung (Gefährdung)")},
};
constexpr IdLabel kPurposes[] = {
    {"hilfeplanung", QT_TRANSLATE_NOOP("CaseConsentsController", "Hilfeplanung (§ 36 SGB VIII)")},
    {"leistungserbringung", QT_TRANSLATE_NOOP("CaseConsentsController", "Durchführung der Hilfe durch den freien Träger")},
    {"kollegiale_beratung", QT_TRANSLATE_NOOP("CaseConsentsController", "Kollegiale Beratung im Sozialraumteam")},
    {"schutzauftrag", QT_TRANSLATE_NOOP("CaseConsentsController", "Schutzauftrag (§ 8a SGB VIII)")},
};
constexpr IdLabel kForms[] = {
    {"written", QT_TRANSLATE_NOOP("CaseConsentsController", "schriftlich")},
    {"electronic", QT_TRANSLATE_NOOP("CaseConsentsController", "elektronisch")},
    {"oral", QT_TRANSLATE_NOOP("CaseConsentsController", "mündlich (dokumentiert)")},
};
// The roles that read cases (docs/roles.md): the only useful recipients of a consent.
constexpr const char* kRecipientRoles[] = {"caseworker", "helper", "team_lead"};
// §65 Abs. 1 S. 1 Nr. 2–5 (sync::consent::exceptions() is the rule; these are its German names).
constexpr IdLabel kExceptions[] = {
    {"2", QT_TRANSLATE_NOOP("CaseConsentsController", "Nr. 2 – an das Familiengericht (§ 8a Abs. 2 SGB VIII)")},
    {"3", QT_TRANSLATE_NOOP("CaseConsentsController", "Nr. 3 – Wechsel der Fallzuständigkeit bei Anhaltspunkten einer Gefährdung")},
    {"4", QT_TRANSLATE_NOOP("CaseConsentsController", "Nr. 4 – an hinzugezogene Fachkräfte zur Gefährdungseinschätzung (§ 8a)")},
    {"5", QT_TRANSLATE_NOOP("CaseConsentsController", "Nr. 5 – Befugnis nach § 203 StGB (z. B. rechtfertigender Notstand)")},
};
constexpr const char* kContext = "CaseConsentsController";

QVariantList choicesOf(std::span<const IdLabel> labels)
{
    QVariantList out;
    for (const IdLabel& l : labels)
        out << QVariantMap{{"value", QString::fromUtf8(l.id)}, {"label", labelFor(labels, QString::fromUtf8(l.id), kContext)}};
    return out;
}

QString labels(std::span<const IdLabel> table, const std::vector<std::string>& ids)
{
    QStringList out;
    for (const std::string& id : ids)
        out << labelFor(table, qs(id), kContext);
    return out.join(QStringLiteral(", "));
}

QString roleOrDevice(const sync::Store& store, const std::string& id)
{
    if (std::find(std::begin(kRecipientRoles), std::end(kRecipientRoles), id) != std::end(kRecipientRoles) || id == "planning")
        return DeviceListModel::roleLabel(qs(id));
    if (sync::DeviceId d{}; id.size() == 2 * d.size() && crypto::from_hex(id, d))
        if (const sync::DeviceInfo* info = store.directory().device(d))
            return qs(info->name);
    return qs(id);
}

std::vector<std::string> stringList(const QVariant& v)
{
    std::vector<std::string> out;
    for (const QString& s : v.toStringList())
        if (!s.trimmed().isEmpty())
            out.push_back(ss(s.trimmed()));
    return out;
}

const sync::Record* caseRecord(const sync::Store& store, const QString& caseId)
{
    const sync::Record* r = caseId.isEmpty() ? nullptr : store.get(ss(caseId));
    return r && !r->deleted() ? r : nullptr;
}

bool holdsCaseScope(const sync::Store& store, const sync::ScopeId& scope)
{
    if (scope == store.default_scope() || store.current_epoch(scope) == 0)
        return false;
    const auto kind = store.directory().scope_kind(scope);
    return !kind || *kind == sync::ScopeKind::Case;
}

}  // namespace

CaseConsentsController::CaseConsentsController(CaseContext& context, QObject* parent)
    : CaseSection(context, parent),
      m_consents({"consenting", "onBehalfOf", "dataLabel", "purposesLabel", "recipientsLabel", "formLabel", "validity", "state",
                  "stateLabel", "valid", "withdrawalNote"})
{
    m_consents.setParent(this);
}

QString CaseConsentsController::dataLabel(const QString& id) { return labelFor(kData, id, kContext); }
QString CaseConsentsController::purposeLabel(const QString& id) { return labelFor(kPurposes, id, kContext); }
QString CaseConsentsController::formLabel(const QString& id) { return labelFor(kForms, id, kContext); }

QVariantList CaseConsentsController::dataChoices() const { return choicesOf(kData); }
QVariantList CaseConsentsController::purposeChoices() const { return choicesOf(kPurposes); }
QVariantList CaseConsentsController::formChoices() const { return choicesOf(kForms); }

QVariantList CaseConsentsController::recipientChoices() const
{
    QVariantList out;
    for (const char* role : kRecipientRoles)
        out << QVariantMap{{"value", QString::fromUtf8(role)}, {"label", DeviceListModel::roleLabel(QString::fromUtf8(role))}};
    return out;
}

QVariantList CaseConsentsController::exceptionChoices() const
{
    QVariantList out;
    for (const consent::Exception& e : consent::exceptions())
        out << QVariantMap{{"value", e.number},
                           {"label", labelFor(kExceptions, QString::number(e.number), kContext)},
                           {"key", QString::fromUtf8(e.key.data(), qsizetype(e.key.size()))}};
    return out;
}

QVariantList CaseConsentsController::consentChoices() const
{
    QVariantList valid, other;
    for (const QVariantMap& row : m_consents.rows()) {
        const QVariantMap choice{{"value", row.value("id")},
                                 {"label", tr("%1, %2: %3").arg(row.value("consenting").toString(), row.value("stateLabel").toString(),
                                                                 row.value("purposesLabel").toString())},
                                 {"valid", row.value("valid")}};
        (row.value("valid").toBool() ? valid : other) << choice;
    }
    return valid + other;
}

std::uint64_t CaseConsentsController::nowMs() const
{
    // Consents are judged by date: noon UTC of CaseDetail's today (injectable for tests).
    QDate today = QDate::fromString(m_case.todayDate(), Qt::ISODate);
    if (!today.isValid())
        today = QDate::currentDate();
    return std::uint64_t(QDateTime(today, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
}

void CaseConsentsController::setMessage(const QString& message, bool refused, const QVariantMap& errors, const QString& about)
{
    m_message = message;
    m_refused = refused;
    m_errors = errors;
    m_messageAbout = message.isEmpty() ? QString() : about;
    emit messageChanged();
}

void CaseConsentsController::clearMessage() { setMessage({}, false); }

void CaseConsentsController::clear()
{
    m_consents.clear();
    m_canRecord = false;
    if (!m_message.isEmpty() || !m_errors.isEmpty())
        setMessage({}, false);
}

void CaseConsentsController::read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading)
{
    const sync::Store& store = repo.store();
    const sync::Record* c = caseRecord(store, qs(caseId));
    m_canRecord = c && holdsCaseScope(store, c->scope);
    if (!c) {
        m_consents.clear();
        return;
    }
    const std::uint64_t now = nowMs();
    auto person = [&](const std::string& id) { return reading.personName(id).isEmpty() ? qs(id) : reading.personName(id); };
    std::vector<consent::ConsentRecord> list = consent::list_consents(store, c->scope);
    std::stable_sort(list.begin(), list.end(), [&](const consent::ConsentRecord& a, const consent::ConsentRecord& b) {
        const bool va = consent::state(a, now) == consent::ConsentState::Valid, vb = consent::state(b, now) == consent::ConsentState::Valid;
        return va != vb ? va : std::tie(b.valid_from, b.id) < std::tie(a.valid_from, a.id);
    });
    QList<QVariantMap> rows;
    for (const consent::ConsentRecord& r : list) {
        const consent::ConsentState state = consent::state(r, now);
        QStringList recipients;
        for (const std::string& id : r.recipients)
            recipients << roleOrDevice(store, id);
        const QString until = r.valid_until.empty() ? tr("bis auf Widerruf") : tr("bis %1").arg(dateText(r.valid_until));
        QString stateLabel;
        switch (state) {
        case consent::ConsentState::Valid: stateLabel = tr("gültig"); break;
        case consent::ConsentState::NotYetValid: stateLabel = tr("gilt ab %1").arg(dateText(r.valid_from)); break;
        case consent::ConsentState::Expired: stateLabel = tr("abgelaufen am %1").arg(dateText(r.valid_until)); break;
        case consent::ConsentState::Withdrawn:
            stateLabel = r.withdrawn_at == "deleted" ? tr("gelöscht") : tr("widerrufen am %1").arg(dateText(r.withdrawn_at));
            break;
        }
        rows << QVariantMap{{"id", qs(r.id)},
                            {"consenting", person(r.consenting)},
                            {"onBehalfOf", r.on_behalf_of == r.consenting ? QString() : person(r.on_behalf_of)},
                            {"dataLabel", labels(kData, r.data)},
                            {"purposesLabel", labels(kPurposes, r.purposes)},
                            {"recipientsLabel", recipients.join(QStringLiteral(", "))},
                            {"formLabel", labelFor(kForms, qs(r.form), kContext)},
                            {"validity", tr("ab %1 %2").arg(dateText(r.valid_from), until)},
                            {"state", QString::fromUtf8(consent::to_string(state).data())},
                            {"stateLabel", stateLabel},
                            {"valid", state == consent::ConsentState::Valid},
                            {"withdrawalNote", qs(r.withdrawal_note)}};
    }
    m_consents.setRows(rows);
}

bool CaseConsentsController::addConsent(const QVariantMap& values)
{
    QVariantMap errors;
    consent::ConsentRecord r;
    r.consenting = ss(values.value("consenting").toString().trimmed());
    r.on_behalf_of = ss(values.value("onBehalfOf").toString().trimmed());
    r.data = stringList(values.value("data"));
    r.purposes = stringList(values.value("purposes"));
    r.recipients = stringList(values.value("recipients"));
    r.form = ss(values.value("form").toString());
    const QString from = values.value("validFrom").toString().isEmpty() ? m_case.todayDate() : values.value("validFrom").toString();
    const QString until = values.value("validUntil").toString();
    r.valid_from = ss(from);
    r.valid_until = ss(until);
    if (r.consenting.empty())
        errors["consenting"] = tr("Bitte angeben, wer einwilligt.");
    if (r.data.empty())
        errors["data"] = tr("Bitte mindestens eine Art von Angaben wählen.");
    if (r.purposes.empty())
        errors["purposes"] = tr("Bitte mindestens einen Zweck wählen.");
    if (r.recipients.empty())
        errors["recipients"] = tr("Bitte angeben, an wen weitergegeben werden darf.");
    if (std::none_of(std::begin(kForms), std::end(kForms), [&](const IdLabel& l) { return r.form == l.id; }))
        errors["form"] = tr("Bitte die Form der Einwilligung wählen.");
    if (!QDate::fromString(from, Qt::ISODate).isValid())
        errors["validFrom"] = tr("Kein gültiges Datum.");
    if (!until.isEmpty() && !QDate::fromString(until, Qt::ISODate).isValid())
        errors["validUntil"] = tr("Kein gültiges Datum.");
    else if (!until.isEmpty() && until < from)
        errors["validUntil"] = tr("Das Ende liegt vor dem Beginn.");
    if (!errors.isEmpty()) {
        setMessage(tr("Die Einwilligung ist unvollständig."), true, errors);
        return false;
    }
    if (!m_case.editable())
        return false;
    sync::Store& store = m_case.repository()->store();
    const sync::Record* c = caseRecord(store, m_case.openCaseId());
    if (!c || !holdsCaseScope(store, c->scope)) {
        setMessage(tr("Einwilligungen werden im Fall gespeichert; dieser Fall liegt nicht in einem eigenen Fallbereich "
                      "dieses Geräts."),
                   true);
        return false;
    }
    auto id = consent::add_consent(store, c->scope, std::move(r), nowMs());
    if (!id) {
        setMessage(id.error() == sync::Error::InvalidArgument ? tr("Die Einwilligung wurde nicht gespeichert: %1").arg(qs(id.detail()))
                                                              : storeProblemText(id.error()),
                   true);
        return false;
    }
    m_case.finishEdit({}, {});
    setMessage(tr("Einwilligung gespeichert."), false);
    return true;
}

bool CaseConsentsController::withdraw(const QString& consentId, const QString& note)
{
    if (!m_case.editable())
        return false;
    sync::Store& store = m_case.repository()->store();
    auto r = consent::withdraw_consent(store, ss(consentId), ss(note.trimmed()), nowMs());
    if (!r) {
        if (r.error() == sync::Error::NotFound)
            m_case.notFound();
        else
            setMessage(storeProblemText(r.error()), true);
        return false;
    }
    m_case.finishEdit({}, {});
    setMessage(tr("Einwilligung widerrufen. Sie erlaubt ab heute keine Weitergabe mehr; die anderen Geräte des Falls "
                  "erfahren es bei ihrer nächsten Synchronisierung."),
               false);
    return true;
}

std::optional<consent::DisclosureRequest> CaseConsentsController::request(const QString& noteId, const QVariantMap& basis) const
{
    domain::Repository* repo = m_case.repository();
    if (!repo)
        return std::nullopt;
    const sync::Record* c = caseRecord(repo->store(), m_case.openCaseId());
    if (!c)
        return std::nullopt;
    consent::DisclosureRequest req;
    req.entry = ss(noteId);
    req.case_scope = c->scope;
    req.data = "note";
    req.consent = ss(basis.value("consent").toString());
    req.purpose = ss(basis.value("purpose").toString());
    req.exception = basis.value("exception").toInt();
    req.reason = ss(basis.value("reason").toString().trimmed());
    return req;
}

QString CaseConsentsController::checkDisclosure(const QString& noteId, const QVariantMap& basis) const
{
    const auto req = request(noteId, basis);
    if (!req)
        return tr("Kein Fall geöffnet.");
    const sync::Store& store = m_case.repository()->store();
    auto r = consent::check_disclosure(store, *req, nowMs());
    return r ? QString() : refusalText(store, *req, r.detail());
}

bool CaseConsentsController::disclose(const QString& noteId, const QVariantMap& basis)
{
    const auto req = request(noteId, basis);
    if (!req || !m_case.editable())
        return false;
    sync::Store& store = m_case.repository()->store();
    auto d = consent::disclose(store, *req, nowMs());
    if (!d) {
        setMessage(d.error() == sync::Error::Denied ? refusalText(store, *req, d.detail()) : storeProblemText(d.error()), true, {},
                   QStringLiteral("disclosure"));
        return false;
    }
    QStringList readers;
    for (const sync::DeviceId& id : d->recipients)
        readers << roleOrDevice(store, crypto::to_hex(id));
    CaseReading names;  // the consenting person's name, as the case page shows it
    if (const auto c = consent::get_consent(store, req->consent))
        if (auto p = m_case.repository()->load<domain::Person>(c->consenting))
            names.personNames[c->consenting] = qs(p->display_name());
    const QString basisSaid = basisText(store, req->consent, req->exception, names);
    m_case.finishEdit({}, {});
    setMessage(readers.isEmpty() ? tr("Der Vermerk ist jetzt im Fall, %1. Noch liest niemand sonst den Fall.").arg(basisSaid)
                                 : tr("Der Vermerk ist jetzt im Fall lesbar für %1 – %2.").arg(readers.join(QStringLiteral(", ")), basisSaid),
               false, {}, QStringLiteral("disclosure"));
    return true;
}

QString CaseConsentsController::basisText(const sync::Store& store, const std::string& consentId, int exception,
                                          const CaseReading& reading)
{
    if (exception != 0)
        return tr("nach § 65 Abs. 1 S. 1 Nr. %1 SGB VIII").arg(exception);
    const auto c = consent::get_consent(store, consentId);
    const QString who = !c ? QString() : reading.personName(c->consenting).isEmpty() ? qs(c->consenting) : reading.personName(c->consenting);
    return who.isEmpty() ? tr("mit Einwilligung (§ 65 Abs. 1 S. 1 Nr. 1 SGB VIII)")
                         : tr("mit Einwilligung von %1 (§ 65 Abs. 1 S. 1 Nr. 1 SGB VIII)").arg(who);
}

QString CaseConsentsController::refusalText(const sync::Store& store, const consent::DisclosureRequest& req, const std::string& detail)
{
    using R = consent::Refusal;
    const auto code = consent::refusal_of(detail);
    if (!code)
        return tr("Die Weitergabe wurde abgelehnt.");
    const auto c = req.consent.empty() ? sync::Result<consent::ConsentRecord>{sync::Error::NotFound, ""}
                                       : consent::get_consent(store, req.consent);
    switch (*code) {
    case R::NotEntrusted: return tr("Das ist kein anvertrauter Vermerk dieses Geräts; nur wer ihn geschrieben hat, kann ihn weitergeben.");
    case R::NotACase: return tr("Dieser Fall liegt nicht in einem eigenen Fallbereich dieses Geräts; dorthin kann nichts weitergegeben werden.");
    case R::NoBasis:
        return tr("Anvertrautes wird nur mit einer Einwilligung oder nach einer Ausnahme des § 65 Abs. 1 Satz 1 SGB VIII "
                  "weitergegeben. Bitte eine Rechtsgrundlage wählen.");
    case R::TwoBases: return tr("Bitte entweder eine Einwilligung oder eine Ausnahme wählen, nicht beides.");
    case R::UnknownConsent: return tr("Diese Einwilligung ist auf diesem Gerät nicht vorhanden.");
    case R::ConsentOfOtherCase: return tr("Diese Einwilligung gehört zu einem anderen Fall.");
    case R::Withdrawn:
        return c && c->withdrawn_at != "deleted"
                   ? tr("Die Einwilligung wurde am %1 widerrufen und erlaubt keine Weitergabe mehr.").arg(dateText(c->withdrawn_at))
                   : tr("Die Einwilligung wurde widerrufen und erlaubt keine Weitergabe mehr.");
    case R::NotYetValid: return tr("Die Einwilligung gilt erst ab %1.").arg(c ? dateText(c->valid_from) : QString());
    case R::Expired: return tr("Die Einwilligung ist am %1 abgelaufen.").arg(c ? dateText(c->valid_until) : QString());
    case R::DataNotCovered:
        return tr("Die Einwilligung umfasst keine %1.").arg(dataLabel(qs(req.data.empty() ? std::string("note") : req.data)));
    case R::PurposeNotCovered:
        return req.purpose.empty() ? tr("Bitte den Zweck der Weitergabe wählen.")
                                   : tr("Die Einwilligung umfasst den Zweck „%1“ nicht.").arg(purposeLabel(qs(req.purpose)));
    case R::RecipientNotCovered:
        if (c)
            for (const sync::DeviceInfo* m : consent::other_readers(store, req.case_scope))
                if (!consent::covers_recipient(*c, *m))
                    return tr("Die Einwilligung umfasst nicht alle, die den Fall lesen: %1 (%2) ist darin weder als Gerät noch "
                              "mit seiner Rolle genannt.")
                        .arg(qs(m->name), DeviceListModel::roleLabel(qs(m->role)));
        return tr("Die Einwilligung umfasst nicht alle, die den Fall lesen.");
    case R::UnknownException: return tr("Das ist keine der Ausnahmen Nr. 2 bis 5 des § 65 Abs. 1 Satz 1 SGB VIII.");
    case R::NoReason: return tr("Eine Weitergabe nach einer Ausnahme braucht eine schriftliche Begründung.");
    }
    return tr("Die Weitergabe wurde abgelehnt.");
}

}  // namespace quartier::app
