#include "casecontroller.h"

#include "domainlabels.h"
#include "recordvalues.h"
#include "sessioncontroller.h"
#include "storeproblem.h"

#include "sync/store.h"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <optional>
#include <type_traits>

namespace quartier::app {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }
template <class E>
QString id(E v)
{
    const std::string_view s = domain::to_string(v);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Defaults a new record takes from the open case and the day (only where QML gave nothing).
struct NewContext {
    std::string caseId;
    std::string today;
    std::string now;
    std::string worker;
};
template <class T>
void defaults(T& r, const NewContext& c)
{
    r.case_id = c.caseId;
    if constexpr (requires { r.recorded_on; })
        if (r.recorded_on.empty()) r.recorded_on = c.today;
    if constexpr (requires { r.set_on; })
        if (r.set_on.empty()) r.set_on = c.today;
    if constexpr (requires { r.assessed_on; })
        if (r.assessed_on.empty()) r.assessed_on = c.today;
    if constexpr (requires { r.assessed_by; })
        if (r.assessed_by.empty()) r.assessed_by = c.worker;
    if constexpr (requires { r.written_at; }) {
        if (r.written_at.empty()) r.written_at = c.now;
        if (r.author.empty()) r.author = c.worker;
    }
}

// A member row's form: the person's fields and the membership's.
QVariantMap memberValues(const domain::Member& m)
{
    QVariantMap values = recordValues(m.person);
    values.insert(recordValues(m.member));
    return values;
}

QString dateText(const std::string& iso)
{
    const QDate d = QDate::fromString(qs(iso), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("dd.MM.yyyy")) : qs(iso);
}
QString timeText(const std::string& iso)
{
    const QDateTime t = QDateTime::fromString(qs(iso), QStringLiteral("yyyy-MM-ddTHH:mm"));
    return t.isValid() ? t.toString(QStringLiteral("dd.MM.yyyy, HH:mm")) : qs(iso);
}

}  // namespace

CaseController::CaseController(QObject* parent)
    : QObject(parent),
      m_today(QDate::currentDate().toString(Qt::ISODate)),
      m_members({"values", "personId", "name", "role", "roleLabel", "birthDate", "languages", "household", "conflicted"}),
      m_wills({"values", "personId", "personName", "content", "ownContribution", "isWill", "recordedOn", "conflicted"}),
      m_goals({"values", "level", "levelLabel", "parentGoalId", "willId", "willText", "content", "scaleNow", "scaleTarget", "status",
               "statusLabel", "setOn", "reviewOn", "steps", "conflicted"}),
      m_resources({"values", "area", "areaLabel", "content", "personId", "personName"}),
      m_network({"values", "position", "name", "sector", "sectorLabel", "distance", "quality", "qualityLabel", "note"}),
      m_visits({"values", "kind", "kindLabel", "status", "statusLabel", "startedAt", "endedAt", "place", "worker", "participants",
                "childSeen", "childSeenLabel", "summary"}),
      m_notes({"values", "content", "author", "writtenAt", "entrusted", "visit", "versions", "conflicted"}),
      m_assessments({"values", "area", "areaLabel", "assessedOn", "assessedBy", "reasons", "current"}),
      m_mandates({"values", "kind", "kindLabel", "content", "givenBy", "givenTo", "dueOn", "status", "statusLabel"}),
      m_requirements({"values", "reason", "minimumStandard", "negotiableWay", "deadline", "checkedBy", "checkMethod",
                      "consequence", "status", "statusLabel", "liftedOn"}),
      m_measures({"values", "paragraph", "paragraphLabel", "measureTitle", "provider", "start", "end", "running"})
{
    for (SectionModel* m : {&m_members, &m_wills, &m_goals, &m_resources, &m_network, &m_visits, &m_notes,
                            &m_assessments, &m_mandates, &m_requirements, &m_measures})
        m->setParent(this);
}

CaseController::~CaseController() = default;

void CaseController::setStore(sync::Store* store)
{
    if (!store) {  // lock: forget the case first, then the store (invariant 4)
        close();
        m_repo.reset();
        m_store = nullptr;
        m_reloadPending = false;
        if (!m_worker.isEmpty()) {
            m_worker.clear();
            emit workerNameChanged();
        }
        if (!m_newCaseDraft.isEmpty()) {
            m_newCaseDraft.clear();
            emit newCaseDraftChanged();
        }
        return;
    }
    m_store = store;
    m_repo = std::make_unique<domain::Repository>(*store);
    setError({});
    if (m_busy) {
        m_reloadPending = true;
    } else {
        readWorker();
        readNewCaseDraft();
    }
}

void CaseController::setStoreBusy(bool busy)
{
    m_busy = busy;
    if (!m_busy && m_reloadPending && m_store) {
        m_reloadPending = false;
        readWorker();
        readNewCaseDraft();
        if (!m_caseId.isEmpty() && !m_loaded)
            open(m_caseId);  // Pending --> Open, with its audit entry
        else if (!m_caseId.isEmpty())
            readCase();
    }
}

void CaseController::readWorker()
{
    const QString worker = m_store ? qs(m_store->setting(kWorkerSetting).value_or(std::string())) : QString();
    if (worker != m_worker) {
        m_worker = worker;
        emit workerNameChanged();
    }
}

bool CaseController::storeReady()
{
    if (!m_store || !m_repo) {
        setError(tr("Der Datenspeicher ist gesperrt."));
        return false;
    }
    if (m_busy) {
        setError(tr("Gerade wird synchronisiert. Bitte speichern Sie in einem Moment noch einmal – Ihre Eingaben bleiben erhalten."));
        return false;
    }
    // An earlier write found no room (invariant 6): re-read the store first, and save only if it is Open.
    if (!recoverForWrite(*m_store)) {
        clearIssues();
        setError(storeProblemText(*m_store));
        return false;
    }
    return true;
}

QString CaseController::storeFailureMessage(domain::Error error) const
{
    if (error == domain::Error::Store && m_store && m_store->failed())
        return storeProblemText(*m_store);  // a full disk says so, and what to do
    return failureMessage(error);
}

QString CaseController::failureMessage(domain::Error error)
{
    if (error == domain::Error::Denied)  // a new case on a device whose role holds no case (docs/roles.md)
        return tr("Mit der Rolle dieses Geräts können keine Fälle angelegt werden. Ihre Eingaben sind nicht verloren.");
    return error == domain::Error::Store
               ? tr("Speichern fehlgeschlagen: der Datenspeicher meldet einen Fehler. Ihre Eingaben sind nicht verloren.")
               : tr("Dieser Eintrag ist nicht (mehr) vorhanden.");
}

QString CaseController::otherCaseMessage() { return tr("Dieser Eintrag gehört nicht zum geöffneten Fall."); }

QString CaseController::statusLabel() const
{
    return choiceLabel(QStringLiteral("case_status"), m_fields.value(QStringLiteral("status")).toString());
}

QString CaseController::riskLabel() const { return choiceLabel(QStringLiteral("risk_area"), m_riskArea); }

void CaseController::open(const QString& caseId)
{
    if (caseId != m_caseId)
        close();  // never show one case's sections under another's id (invariant 4)
    m_caseId = caseId;
    clearIssues();
    setError({});
    if (caseId.isEmpty())
        return;
    if (!m_store || m_busy) {  // Pending: read once the store is free
        m_reloadPending = true;
        return;
    }
    const bool first = !m_loaded;
    readCase();
    // The audit log records who opened which case (DOMAIN.md, data protection 4).
    if (first && m_loaded && !m_store->record_open(ss(caseId)))
        setError(m_store->failure() == sync::Error::Full ? storeProblemText(*m_store)
                                                          : tr("Das Öffnen konnte nicht protokolliert werden."));
}

void CaseController::close()
{
    const bool was = !m_caseId.isEmpty() || m_loaded;
    m_caseId.clear();
    m_loaded = false;
    m_fields.clear();
    m_riskArea.clear();
    m_networkMapId.clear();
    m_networkDrawnOn.clear();
    clearSections();
    clearIssues();
    if (!m_draft.isEmpty()) {
        m_draft.clear();
        emit draftChanged();
    }
    if (was)
        emit caseChanged();
}

void CaseController::reload()
{
    if (m_caseId.isEmpty())
        return;
    if (!m_store || m_busy) {
        m_reloadPending = true;
        return;
    }
    readCase();
}

void CaseController::clearSections()
{
    for (SectionModel* m : {&m_members, &m_wills, &m_goals, &m_resources, &m_network, &m_visits, &m_notes,
                            &m_assessments, &m_mandates, &m_requirements, &m_measures})
        m->clear();
}

void CaseController::readCase()
{
    const std::string caseId = ss(m_caseId);
    auto loaded = m_repo->load<domain::Case>(caseId);
    if (!loaded) {
        const QString id = m_caseId;
        close();
        setError(loaded.error() == domain::Error::Store
                     ? tr("Der Fall konnte nicht gelesen werden.")
                     : tr("Dieser Fall ist auf diesem Gerät nicht (mehr) vorhanden."));
        Q_UNUSED(id);
        return;
    }
    const domain::Case& c = *loaded;
    m_fields = recordValues(c);
    m_fields.insert(QStringLiteral("conflicts"), [&] {
        QStringList out;
        for (const std::string& f : c.conflicts)
            out << fieldLabel(qs(f));
        return out;
    }());

    // Familie
    std::map<std::string, QString> personNames;
    QList<QVariantMap> rows;
    for (const domain::Member& m : m_repo->members(caseId)) {
        personNames[m.person.id] = qs(m.person.display_name());
        rows << QVariantMap{{"id", qs(m.member.id)},
                            {"values", memberValues(m)},
                            {"personId", qs(m.person.id)},
                            {"name", qs(m.person.display_name())},
                            {"role", id(m.member.role)},
                            {"roleLabel", choiceLabel("member_role", id(m.member.role))},
                            {"birthDate", dateText(m.person.birth_date)},
                            {"languages", qs(m.person.languages)},
                            {"household", m.member.household},
                            {"conflicted", !m.member.conflicts.empty() || !m.person.conflicts.empty()}};
    }
    m_members.setRows(rows);
    const auto personName = [&](const std::string& pid) {
        const auto it = personNames.find(pid);
        return it == personNames.end() ? QString() : it->second;
    };

    // Wille & Ziele
    rows.clear();
    std::map<std::string, QString> willTexts;
    for (const domain::WillStatement& w : m_repo->will_statements(caseId)) {
        willTexts[w.id] = qs(w.text);
        rows << QVariantMap{{"id", qs(w.id)},
                            {"values", recordValues(w)},
                            {"personId", qs(w.person_id)},
                            {"personName", personName(w.person_id)},
                            {"content", qs(w.text)},
                            {"ownContribution", qs(w.own_contribution)},
                            {"isWill", w.is_will()},
                            {"recordedOn", dateText(w.recorded_on)},
                            {"conflicted", !w.conflicts.empty()}};
    }
    m_wills.setRows(rows);

    // Each direction goal followed by its action goals; action goals without one at the end.
    std::vector<domain::Goal> goals;
    {
        const std::vector<domain::Goal> all = m_repo->goals(caseId);
        std::vector<bool> placed(all.size(), false);
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (all[i].level != domain::GoalLevel::Direction)
                continue;
            goals.push_back(all[i]);
            placed[i] = true;
            for (std::size_t j = 0; j < all.size(); ++j) {
                if (!placed[j] && all[j].level == domain::GoalLevel::Action && all[j].parent_goal_id == all[i].id) {
                    goals.push_back(all[j]);
                    placed[j] = true;
                }
            }
        }
        for (std::size_t i = 0; i < all.size(); ++i)
            if (!placed[i])
                goals.push_back(all[i]);
    }
    rows.clear();
    for (const domain::Goal& g : goals) {
        QVariantList steps;
        for (const domain::ActionStep& s : m_repo->action_steps(g.id))
            steps << QVariantMap{{"id", qs(s.id)},
                                 {"values", recordValues(s)},
                                 {"who", qs(s.who)},
                                 {"what", qs(s.what)},
                                 {"byWhen", dateText(s.by_when)},
                                 {"status", id(s.status)},
                                 {"statusLabel", choiceLabel("step_status", id(s.status))},
                                 {"doneOn", dateText(s.done_on)}};
        const auto will = willTexts.find(g.will_statement_id);
        rows << QVariantMap{{"id", qs(g.id)},
                            {"values", recordValues(g)},
                            {"level", id(g.level)},
                            {"levelLabel", choiceLabel("goal_level", id(g.level))},
                            {"parentGoalId", qs(g.parent_goal_id)},
                            {"willId", qs(g.will_statement_id)},
                            {"willText", will == willTexts.end() ? QString() : will->second},
                            {"content", qs(g.text)},
                            {"scaleNow", g.scale_now},
                            {"scaleTarget", g.scale_target},
                            {"status", id(g.status)},
                            {"statusLabel", choiceLabel("goal_status", id(g.status))},
                            {"setOn", dateText(g.set_on)},
                            {"reviewOn", dateText(g.review_on)},
                            {"steps", steps},
                            {"conflicted", !g.conflicts.empty()}};
    }
    m_goals.setRows(rows);

    // Ressourcen
    rows.clear();
    for (const domain::Resource& r : m_repo->resources(caseId))
        rows << QVariantMap{{"id", qs(r.id)},
                            {"area", id(r.area)},
                            {"values", recordValues(r)},
                            {"areaLabel", choiceLabel("resource_area", id(r.area))},
                            {"content", qs(r.text)},
                            {"personId", qs(r.person_id)},
                            {"personName", personName(r.person_id)}};
    m_resources.setRows(rows);

    // Netzwerkkarte: the newest map; each contact's id is its map and index.
    rows.clear();
    const std::vector<domain::NetworkMap> maps = m_repo->network_maps(caseId);
    m_networkMapId = maps.empty() ? QString() : qs(maps.front().id);
    m_networkDrawnOn = maps.empty() ? QString() : dateText(maps.front().drawn_on);
    if (!maps.empty()) {
        int i = 0;
        for (const domain::NetworkContact& k : maps.front().contacts) {
            rows << QVariantMap{{"id", QStringLiteral("%1/%2").arg(m_networkMapId).arg(i)},
                                {"values", recordValues(k)},
                                {"position", i},
                                {"name", qs(k.name)},
                                {"sector", id(k.sector)},
                                {"sectorLabel", choiceLabel("network_sector", id(k.sector))},
                                {"distance", k.distance},
                                {"quality", id(k.quality)},
                                {"qualityLabel", choiceLabel("contact_quality", id(k.quality))},
                                {"note", qs(k.note)}};
            ++i;
        }
    }
    m_network.setRows(rows);

    // Kontakte & Vermerke
    rows.clear();
    std::map<std::string, QString> visitTitles;
    for (const domain::ContactEvent& e : m_repo->contact_events(caseId)) {
        QStringList participants;
        for (const std::string& p : e.participants)
            participants << (personName(p).isEmpty() ? tr("(unbekannt)") : personName(p));
        visitTitles[e.id] = tr("%1 am %2").arg(choiceLabel("contact_kind", id(e.kind)), timeText(e.started_at));
        rows << QVariantMap{{"id", qs(e.id)},
                            {"values", recordValues(e)},
                            {"kind", id(e.kind)},
                            {"kindLabel", choiceLabel("contact_kind", id(e.kind))},
                            {"status", id(e.status)},
                            {"statusLabel", choiceLabel("contact_status", id(e.status))},
                            {"startedAt", timeText(e.started_at)},
                            {"endedAt", timeText(e.ended_at)},
                            {"place", qs(e.place)},
                            {"worker", qs(e.worker)},
                            {"participants", participants.join(QStringLiteral(", "))},
                            {"childSeen", id(e.child_seen)},
                            {"childSeenLabel", e.kind == domain::ContactKind::HomeVisit
                                                   ? choiceLabel("child_seen", id(e.child_seen)) : QString()},
                            {"summary", qs(e.summary)}};
    }
    m_visits.setRows(rows);

    rows.clear();
    for (const domain::Note& n : m_repo->notes(caseId)) {
        QVariantList versions;
        if (auto history = m_repo->note_versions(n.id)) {
            for (const domain::NoteVersion& v : *history) {
                const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(v.hlc >> 16));
                versions << QVariantMap{{"text", qs(v.text)},
                                        {"at", at.toString(QStringLiteral("dd.MM.yyyy, HH:mm"))},
                                        {"device", qs(v.author).left(8)}};
            }
        }
        const auto visit = visitTitles.find(n.contact_event_id);
        rows << QVariantMap{{"id", qs(n.id)},
                            {"values", recordValues(n)},
                            {"content", qs(n.text)},
                            {"author", qs(n.author)},
                            {"writtenAt", timeText(n.written_at)},
                            {"entrusted", n.entrusted},
                            {"visit", visit == visitTitles.end() ? QString() : visit->second},
                            {"versions", versions},
                            {"conflicted", !n.conflicts.empty()}};
    }
    m_notes.setRows(rows);

    // Einordnung
    rows.clear();
    const std::optional<domain::RiskAssessment> current = m_repo->current_risk(caseId);
    m_riskArea = current ? id(current->area) : QString();
    std::vector<domain::RiskAssessment> assessments = m_repo->risk_assessments(caseId);
    std::reverse(assessments.begin(), assessments.end());  // newest first
    for (const domain::RiskAssessment& a : assessments)
        rows << QVariantMap{{"id", qs(a.id)},
                            {"values", recordValues(a)},
                            {"area", id(a.area)},
                            {"areaLabel", choiceLabel("risk_area", id(a.area))},
                            {"assessedOn", dateText(a.assessed_on)},
                            {"assessedBy", qs(a.assessed_by)},
                            {"reasons", qs(a.reasons)},
                            {"current", current && current->id == a.id}};
    m_assessments.setRows(rows);

    rows.clear();
    for (const domain::Mandate& m : m_repo->mandates(caseId))
        rows << QVariantMap{{"id", qs(m.id)},
                            {"kind", id(m.kind)},
                            {"values", recordValues(m)},
                            {"kindLabel", choiceLabel("mandate_kind", id(m.kind))},
                            {"content", qs(m.text)},
                            {"givenBy", qs(m.given_by)},
                            {"givenTo", qs(m.given_to)},
                            {"dueOn", dateText(m.due_on)},
                            {"status", id(m.status)},
                            {"statusLabel", choiceLabel("mandate_status", id(m.status))}};
    m_mandates.setRows(rows);

    rows.clear();
    for (const domain::Requirement& r : m_repo->requirements(caseId))
        rows << QVariantMap{{"id", qs(r.id)},
                            {"reason", qs(r.reason)},
                            {"values", recordValues(r)},
                            {"minimumStandard", qs(r.minimum_standard)},
                            {"negotiableWay", qs(r.negotiable_way)},
                            {"deadline", dateText(r.deadline)},
                            {"checkedBy", qs(r.checked_by)},
                            {"checkMethod", qs(r.check_method)},
                            {"consequence", qs(r.consequence)},
                            {"status", id(r.status)},
                            {"statusLabel", choiceLabel("requirement_status", id(r.status))},
                            {"liftedOn", dateText(r.lifted_on)}};
    m_requirements.setRows(rows);

    // Hilfen
    rows.clear();
    for (const domain::Measure& m : m_repo->measures(caseId))
        rows << QVariantMap{{"id", qs(m.id)},
                            {"paragraph", qs(m.paragraph)},
                            {"values", recordValues(m)},
                            {"paragraphLabel", choiceLabel("paragraph", qs(m.paragraph))},
                            {"measureTitle", qs(m.title)},
                            {"provider", qs(m.provider_organization)},
                            {"start", dateText(m.start)},
                            {"end", dateText(m.end)},
                            {"running", m.end.empty() || m.end >= ss(m_today)}};
    m_measures.setRows(rows);

    readDraft();
    m_loaded = true;
    emit caseChanged();
}

void CaseController::setIssues(const domain::Issues& issues)
{
    QVariantMap byField;
    QStringList list;
    for (const domain::Issue& issue : issues) {
        const QString message = issueMessage(issue);
        const QString key = qs(issue.field);
        if (!byField.contains(key))
            byField.insert(key, message);
        if (!list.contains(message))
            list << message;
    }
    m_issues = byField;
    m_issueList = list;
    emit issuesChanged();
}

void CaseController::clearIssues()
{
    if (m_issues.isEmpty() && m_issueList.isEmpty())
        return;
    m_issues.clear();
    m_issueList.clear();
    emit issuesChanged();
}

void CaseController::setError(const QString& message)
{
    if (message == m_error)
        return;
    m_error = message;
    emit errorMessageChanged();
}

template <class T>
bool CaseController::finish(const domain::Result<T>& result, const domain::Issues& issues)
{
    if (!result) {
        if (result.error() == domain::Error::Invalid) {
            setIssues(issues);
            setError({});
        } else {
            clearIssues();
            setError(storeFailureMessage(result.error()));
        }
        return false;
    }
    clearIssues();
    setError({});
    if (!m_caseId.isEmpty())
        readCase();
    emit recordsChanged();
    return true;
}

namespace {

// The outcome of a domain call as a FormOutcome.
template <class T>
FormOutcome outcomeOf(const domain::Result<T>& result, domain::Issues issues)
{
    FormOutcome out;
    if (result) {
        out.ok = true;
        if constexpr (std::is_same_v<T, std::string>)
            out.id = *result;
        return out;
    }
    out.error = result.error();
    if (out.error == domain::Error::Invalid)
        out.issues = std::move(issues);
    return out;
}
// A record id of another case in a form of this one: refused, never written across cases.
FormOutcome ofOtherCase()
{
    FormOutcome out;
    out.error = domain::Error::WrongType;
    out.otherCase = true;
    return out;
}

FormOutcome refused(domain::Issues issues)
{
    FormOutcome out;
    out.error = domain::Error::Invalid;
    out.issues = std::move(issues);
    return out;
}

// Saves a record the form was applied to, unless reading the form found issues already.
template <class T>
FormOutcome saveApplied(domain::Repository& repo, T& record, domain::Issues issues)
{
    if (!issues.empty())
        return refused(std::move(issues));
    domain::SaveOptions options;
    options.issues = &issues;
    auto saved = repo.save(record, options);
    return outcomeOf(saved, std::move(issues));
}

FormOutcome saveCaseFields(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    auto loaded = repo.load<domain::Case>(ctx.caseId);
    if (!loaded)
        return outcomeOf(loaded, {});
    domain::Issues issues;
    applyValues(*loaded, values, issues);
    return saveApplied(repo, *loaded, std::move(issues));
}

template <class T>
FormOutcome saveTyped(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    const QString recordId = values.value(QStringLiteral("id")).toString();
    T record;
    if (!recordId.isEmpty()) {
        auto loaded = repo.load<T>(ss(recordId));
        if (!loaded)
            return outcomeOf(loaded, {});
        if (loaded->case_id != ctx.caseId)
            return ofOtherCase();
        record = std::move(*loaded);
    }
    domain::Issues issues;
    applyValues(record, values, issues);
    if (recordId.isEmpty())
        defaults(record, NewContext{ctx.caseId, ctx.today, ctx.now, ctx.worker});
    return saveApplied(repo, record, std::move(issues));
}

FormOutcome saveMember(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    const QString memberId = values.value(QStringLiteral("id")).toString();
    domain::Person person;
    domain::CaseMember member;
    if (!memberId.isEmpty()) {
        auto m = repo.load<domain::CaseMember>(ss(memberId));
        if (!m)
            return outcomeOf(m, {});
        auto p = repo.load<domain::Person>(m->person_id);
        if (!p)
            return outcomeOf(p, {});
        member = std::move(*m);
        person = std::move(*p);
    } else {
        person.case_id = ctx.caseId;
        member.case_id = ctx.caseId;
    }
    domain::Issues issues;
    applyValues(person, values, issues);
    applyValues(member, values, issues);
    if (!issues.empty())
        return refused(std::move(issues));
    // The person and its membership land together or not at all.
    domain::Batch batch(repo);
    domain::SaveOptions options;
    options.issues = &issues;
    auto personSaved = batch.save(person, options);
    if (!personSaved)
        return outcomeOf(personSaved, std::move(issues));
    member.person_id = person.id;
    auto memberSaved = batch.save(member, options);
    if (!memberSaved)
        return outcomeOf(memberSaved, std::move(issues));
    auto committed = batch.commit();
    return outcomeOf(committed, std::move(issues));
}

// A new case: this device's worker leads it and it opens today unless the form says otherwise.
FormOutcome saveNewCase(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    domain::Case record;
    record.opened_on = ctx.today;
    record.lead_worker = ctx.worker;
    domain::Issues issues;
    applyValues(record, values, issues);
    return saveApplied(repo, record, std::move(issues));
}

FormOutcome notFound()
{
    FormOutcome out;
    out.error = domain::Error::NotFound;
    return out;
}

// One contact of a network map: values "id" "<map id>/<index>" edits that contact; without it the
// contact is added to the case's newest map, or to a new one drawn today.
FormOutcome saveContact(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    const QString rowId = values.value(QStringLiteral("id")).toString();
    domain::NetworkMap map;
    std::size_t index = 0;
    if (!rowId.isEmpty()) {
        const qsizetype slash = rowId.lastIndexOf(QLatin1Char('/'));
        bool numeric = false;
        const int at = slash > 0 ? rowId.mid(slash + 1).toInt(&numeric) : -1;
        if (!numeric || at < 0)
            return notFound();
        auto loaded = repo.load<domain::NetworkMap>(ss(rowId.left(slash)));
        if (!loaded)
            return outcomeOf(loaded, {});
        if (loaded->case_id != ctx.caseId)
            return ofOtherCase();
        if (std::size_t(at) >= loaded->contacts.size())
            return notFound();
        map = std::move(*loaded);
        index = std::size_t(at);
    } else {
        std::vector<domain::NetworkMap> maps = repo.network_maps(ctx.caseId);
        if (!maps.empty()) {
            map = std::move(maps.front());
        } else {
            map.case_id = ctx.caseId;
            map.drawn_on = ctx.today;
        }
        map.contacts.emplace_back();
        index = map.contacts.size() - 1;
    }
    domain::Issues issues;
    applyValues(map.contacts[index], values, issues);
    if (!issues.empty())
        return refused(std::move(issues));
    domain::SaveOptions options;
    options.issues = &issues;
    auto saved = repo.save(map, options);
    // The issues of this contact belong under the form's fields ("contacts[2].name" is "name").
    const std::string own = "contacts[" + std::to_string(index) + "].";
    for (domain::Issue& issue : issues)
        if (issue.field.rfind(own, 0) == 0)
            issue.field.erase(0, own.size());
    return outcomeOf(saved, std::move(issues));
}

}  // namespace

FormOutcome saveForm(domain::Repository& repo, const FormContext& ctx, const QString& target, const QString& type,
                     const QVariantMap& values)
{
    FormOutcome unknown;
    unknown.error = domain::Error::WrongType;
    if (target == QLatin1String("newCase"))
        return saveNewCase(repo, ctx, values);
    if (ctx.caseId.empty())
        return unknown;
    if (target == QLatin1String("case"))
        return saveCaseFields(repo, ctx, values);
    if (target == QLatin1String("contact"))
        return saveContact(repo, ctx, values);

    if (target != QLatin1String("record"))
        return unknown;
    if (type == QLatin1String("member"))
        return saveMember(repo, ctx, values);
    if (type == QLatin1String(domain::WillStatement::kType))
        return saveTyped<domain::WillStatement>(repo, ctx, values);
    if (type == QLatin1String(domain::Goal::kType))
        return saveTyped<domain::Goal>(repo, ctx, values);
    if (type == QLatin1String(domain::ActionStep::kType))
        return saveTyped<domain::ActionStep>(repo, ctx, values);
    if (type == QLatin1String(domain::Resource::kType))
        return saveTyped<domain::Resource>(repo, ctx, values);
    if (type == QLatin1String(domain::Note::kType))
        return saveTyped<domain::Note>(repo, ctx, values);
    if (type == QLatin1String(domain::RiskAssessment::kType))
        return saveTyped<domain::RiskAssessment>(repo, ctx, values);
    if (type == QLatin1String(domain::Mandate::kType))
        return saveTyped<domain::Mandate>(repo, ctx, values);
    if (type == QLatin1String(domain::Requirement::kType))
        return saveTyped<domain::Requirement>(repo, ctx, values);
    if (type == QLatin1String(domain::Measure::kType))
        return saveTyped<domain::Measure>(repo, ctx, values);
    return unknown;
}

namespace {

QString contactRowId(const QString& mapId, int index) { return QStringLiteral("%1/%2").arg(mapId).arg(index); }

std::optional<domain::Reason> reasonFrom(const std::string& text)
{
    for (int r = int(domain::Reason::Required); r <= int(domain::Reason::Immutable); ++r)
        if (domain::to_string(domain::Reason(r)) == text)
            return domain::Reason(r);
    return std::nullopt;
}

// What a lock does with one open form, on whichever thread holds the store: saves it; keeps a
// form that could not be saved as its place's draft, replacing an older one (refused by the
// domain, or its record gone meanwhile: the text is kept either way); a saved form that was
// restored from its place's draft deletes that draft.
struct LockedForm {
    FormContext ctx;
    std::string place;
    QVariantMap form;
    QString target;
    QString type;
    QString recordId;
    QVariantMap values;      // as saved: with "id" for an existing record
    QVariantMap formValues;  // as typed: what the restored form starts from
    QString restoredFrom;
    QString savedAt;
    std::shared_ptr<HeldSettings> held;  // the session's, for a draft the store has no room for
};
enum class AtLock { Saved, Kept, Held, Failed };
AtLock keepAtLock(domain::Repository& repo, sync::Store& store, const LockedForm& f)
{
    const FormOutcome out = saveForm(repo, f.ctx, f.target, f.type, f.values);
    if (out.ok) {
        if (!f.restoredFrom.isEmpty()
            && readFormDraft(store, f.place).value(QStringLiteral("saved_at")).toString() == f.restoredFrom)
            (void)store.set_setting(formDraftKey(f.place), std::string());
        return AtLock::Saved;
    }
    const std::string draft = formDraftJson(f.place, f.form, f.recordId, f.formValues, out.issues, f.savedAt);
    if (out.error != domain::Error::Store && store.set_setting(formDraftKey(f.place), draft))
        return AtLock::Kept;
    // The store failed (a full disk): the draft waits sealed to this device, in memory, for the
    // next unlock, which writes it (docs/app.md, "A store that fails while unlocked").
    if (!f.held)
        return AtLock::Failed;
    f.held->add(store.hold_setting(formDraftKey(f.place), draft));
    return AtLock::Held;
}

}  // namespace

std::string formDraftKey(const std::string& place) { return std::string(kFormDraftPrefix) + place; }

std::string formDraftJson(const std::string& place, const QVariantMap& form, const QString& recordId, const QVariantMap& values,
                          const domain::Issues& issues, const QString& savedAt)
{
    QVariantList issueList;
    for (const domain::Issue& issue : issues)
        issueList << QVariantMap{{QStringLiteral("field"), qs(issue.field)},
                                 {QStringLiteral("reason"), qs(std::string(domain::to_string(issue.reason)))},
                                 {QStringLiteral("detail"), qs(issue.detail)}};
    QVariantMap keptForm = form;
    keptForm.remove(QStringLiteral("restoredFrom"));  // a marker of the form it came from, not of this draft
    const QString target = form.value(QStringLiteral("target"), QStringLiteral("record")).toString();
    const QVariantMap draft{
        {QStringLiteral("case_id"), place == kNewCaseDraftPlace ? QString() : qs(place)},
        {QStringLiteral("target"), target},
        {QStringLiteral("type"), target == QLatin1String("record") ? form.value(QStringLiteral("recordType")).toString() : QString()},
        {QStringLiteral("id"), recordId},
        {QStringLiteral("form"), keptForm},
        {QStringLiteral("values"), values},
        {QStringLiteral("issues"), issueList},
        {QStringLiteral("saved_at"), savedAt}};
    return QJsonDocument(QJsonObject::fromVariantMap(draft)).toJson(QJsonDocument::Compact).toStdString();
}

bool writeFormDraft(sync::Store& store, const std::string& place, const QVariantMap& form, const QString& recordId,
                    const QVariantMap& values, const domain::Issues& issues, const QString& savedAt)
{
    return bool(store.set_setting(formDraftKey(place), formDraftJson(place, form, recordId, values, issues, savedAt)));
}

QVariantMap readFormDraft(const sync::Store& store, const std::string& place)
{
    const std::string json = store.setting(formDraftKey(place)).value_or(std::string());
    if (json.empty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject())
        return {};
    QVariantMap draft = doc.object().toVariantMap();
    const QString savedAt = draft.value(QStringLiteral("saved_at")).toString();
    const QDateTime at = QDateTime::fromString(savedAt, QStringLiteral("yyyy-MM-ddTHH:mm"));
    draft.insert(QStringLiteral("savedAtText"), at.isValid() ? at.toString(QStringLiteral("dd.MM.yyyy, HH:mm")) : savedAt);
    return draft;
}

FormContext CaseController::formContext() const
{
    return FormContext{ss(m_caseId), ss(m_today), ss(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm"))),
                       ss(m_worker)};
}

bool CaseController::finishForm(const FormOutcome& out, const std::string& place, const QString& restoredFrom)
{
    if (out.otherCase) {
        setError(otherCaseMessage());
        return false;
    }
    if (!out.ok) {
        if (out.error == domain::Error::Invalid) {
            setIssues(out.issues);
            setError({});
        } else {
            clearIssues();
            setError(storeFailureMessage(out.error));
        }
        return false;
    }
    // The form restored from its place's draft is saved: the draft has served its purpose.
    const QVariantMap& draft = place == kNewCaseDraftPlace ? m_newCaseDraft : m_draft;
    if (!restoredFrom.isEmpty() && (place == kNewCaseDraftPlace || place == ss(m_caseId))
        && draft.value(QStringLiteral("saved_at")).toString() == restoredFrom)
        deleteDraft(place);
    clearIssues();
    setError({});
    if (!m_caseId.isEmpty())
        readCase();
    emit recordsChanged();
    return true;
}

QString CaseController::createCase(const QVariantMap& values, const QString& restoredFrom)
{
    if (!storeReady())
        return {};
    FormContext ctx = formContext();
    ctx.caseId.clear();
    const FormOutcome out = saveForm(*m_repo, ctx, QStringLiteral("newCase"), {}, values);
    if (!finishForm(out, kNewCaseDraftPlace, restoredFrom))
        return {};
    return qs(out.id);
}

bool CaseController::saveCase(const QVariantMap& values, const QString& restoredFrom)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    return finishForm(saveForm(*m_repo, formContext(), QStringLiteral("case"), {}, values), ss(m_caseId), restoredFrom);
}

bool CaseController::saveRecord(const QString& type, const QVariantMap& values, const QString& restoredFrom)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    const FormOutcome out = saveForm(*m_repo, formContext(), QStringLiteral("record"), type, values);
    if (!out.ok && out.error == domain::Error::WrongType && !out.otherCase) {
        qWarning("CaseController::saveRecord: unknown type %s", qPrintable(type));
        return false;
    }
    return finishForm(out, ss(m_caseId), restoredFrom);
}

bool CaseController::saveForLock(const QVariantMap& form, const QString& formRecordId, const QVariantMap& formValues)
{
    const QString target = form.value(QStringLiteral("target"), QStringLiteral("record")).toString();
    if (!m_store || !m_repo)
        return false;
    if (target == QLatin1String("worker"))
        return saveWorkerForLock(formValues.value(QStringLiteral("worker")).toString());
    const bool newCase = target == QLatin1String("newCase");
    if (!newCase
        && (m_caseId.isEmpty()
            || (target != QLatin1String("case") && target != QLatin1String("record") && target != QLatin1String("contact"))))
        return false;

    LockedForm f;
    f.ctx = formContext();
    if (newCase)
        f.ctx.caseId.clear();
    f.place = newCase ? std::string(kNewCaseDraftPlace) : ss(m_caseId);
    f.form = form;
    f.target = target;
    f.type = target == QLatin1String("record") ? form.value(QStringLiteral("recordType")).toString() : QString();
    f.recordId = formRecordId;
    // A contact is named by its row id; the dialog knows it by its place on the shown map.
    const int index = form.value(QStringLiteral("index"), -1).toInt();
    if (target == QLatin1String("contact") && f.recordId.isEmpty() && index >= 0 && !m_networkMapId.isEmpty())
        f.recordId = contactRowId(m_networkMapId, index);
    f.formValues = formValues;
    f.formValues.remove(QStringLiteral("id"));
    f.values = f.formValues;
    if (!f.recordId.isEmpty())
        f.values.insert(QStringLiteral("id"), f.recordId);
    f.restoredFrom = form.value(QStringLiteral("restoredFrom")).toString();
    f.savedAt = qs(f.ctx.now);
    if (m_session)
        f.held = m_session->heldSettings();

    if (!m_busy) {  // the store is free: save here, or keep the refused form as a draft
        (void)recoverForWrite(*m_store);  // space freed since the last failure is used now
        const AtLock done = keepAtLock(*m_repo, *m_store, f);
        if (done == AtLock::Saved) {
            clearIssues();
            if (!m_caseId.isEmpty())
                readCase();  // also re-reads the case's draft
            readNewCaseDraft();
            emit recordsChanged();
            return true;
        }
        if (done == AtLock::Failed)
            return false;
        if (done == AtLock::Kept)
            newCase ? readNewCaseDraft() : readDraft();
        return true;
    }
    // A job holds the store: the same save runs behind it on the store thread, before the store
    // closes (SessionController's SurvivesLock); a refusal there becomes the draft.
    if (!m_session)
        return false;
    return m_session->runStoreJob(
        [f](sync::Store& store, const std::atomic<bool>&) {
            domain::Repository repo(store);
            (void)keepAtLock(repo, store, f);
        },
        this, [] {}, SessionController::JobPolicy::SurvivesLock);
}

bool CaseController::saveWorkerForLock(const QString& typed)
{
    // An emptied field holds nothing typed: at a lock it clears no name (that takes "Speichern").
    const std::string name = ss(typed.trimmed());
    if (name.empty())
        return true;
    // What the store has no room for waits sealed for the next unlock, as a form's draft does.
    const std::shared_ptr<HeldSettings> held = m_session ? m_session->heldSettings() : nullptr;
    const auto write = [name, held](sync::Store& store) {
        (void)recoverForWrite(store);  // space freed since the last failure is used now
        if (store.set_setting(kWorkerSetting, name))
            return true;
        if (held)
            held->add(store.hold_setting(kWorkerSetting, name));
        return bool(held);
    };
    if (!m_busy) {
        if (!m_store)
            return false;
        const bool done = write(*m_store);
        if (!m_store->failed()) {
            setError({});
            readWorker();
            emit recordsChanged();
        }
        return done;
    }
    if (!m_session)
        return false;
    return m_session->runStoreJob([write](sync::Store& store, const std::atomic<bool>&) { (void)write(store); }, this, [] {},
                                  SessionController::JobPolicy::SurvivesLock);
}

void CaseController::readDraft()
{
    const QVariantMap draft = m_store && !m_caseId.isEmpty() ? readFormDraft(*m_store, ss(m_caseId)) : QVariantMap();
    if (draft != m_draft) {
        m_draft = draft;
        emit draftChanged();
    }
}

void CaseController::readNewCaseDraft()
{
    const QVariantMap draft = m_store ? readFormDraft(*m_store, kNewCaseDraftPlace) : QVariantMap();
    if (draft != m_newCaseDraft) {
        m_newCaseDraft = draft;
        emit newCaseDraftChanged();
    }
}

bool CaseController::deleteDraft(const std::string& place)
{
    if (!m_store->set_setting(formDraftKey(place), std::string())) {
        setError(m_store->failure() == sync::Error::Full ? storeProblemText(*m_store)
                                                          : tr("Die nicht gespeicherte Eingabe konnte nicht verworfen werden."));
        return false;
    }
    if (place == kNewCaseDraftPlace) {
        m_newCaseDraft.clear();
        emit newCaseDraftChanged();
    } else {
        m_draft.clear();
        emit draftChanged();
    }
    return true;
}

void CaseController::discardDraft()
{
    if (m_draft.isEmpty() || m_caseId.isEmpty() || !storeReady())
        return;
    deleteDraft(ss(m_caseId));
}

void CaseController::discardNewCaseDraft()
{
    if (m_newCaseDraft.isEmpty() || !storeReady())
        return;
    deleteDraft(kNewCaseDraftPlace);
}

void CaseController::showDraftIssues(const QVariantMap& draft)
{
    domain::Issues issues;
    for (const QVariant& v : draft.value(QStringLiteral("issues")).toList()) {
        const QVariantMap issue = v.toMap();
        if (auto reason = reasonFrom(ss(issue.value(QStringLiteral("reason")).toString())))
            issues.push_back({ss(issue.value(QStringLiteral("field")).toString()), *reason,
                              ss(issue.value(QStringLiteral("detail")).toString())});
    }
    if (issues.empty())
        clearIssues();
    else
        setIssues(issues);
}

bool CaseController::removeRecord(const QString& recordId)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    return finish(m_repo->remove(ss(recordId)), {});
}

bool CaseController::setGoalScale(const QString& goalId, int now, int target)
{
    return saveRecord(QString::fromLatin1(domain::Goal::kType),
                      {{QStringLiteral("id"), goalId}, {QStringLiteral("scale_now"), now}, {QStringLiteral("scale_target"), target}});
}

bool CaseController::setStepStatus(const QString& stepId, const QString& status)
{
    QVariantMap values{{QStringLiteral("id"), stepId}, {QStringLiteral("status"), status}};
    values.insert(QStringLiteral("done_on"), status == QLatin1String("done") ? m_today : QString());
    return saveRecord(QString::fromLatin1(domain::ActionStep::kType), values);
}

bool CaseController::saveNetworkContacts(
    const std::function<bool(std::vector<domain::NetworkContact>&, domain::Issues&)>& change)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    domain::NetworkMap map;
    if (!m_networkMapId.isEmpty()) {
        auto loaded = m_repo->load<domain::NetworkMap>(ss(m_networkMapId));
        if (!loaded)
            return finish(loaded, {});
        map = std::move(*loaded);
    } else {
        map.case_id = ss(m_caseId);
        map.drawn_on = ss(m_today);
    }
    domain::Issues issues;
    if (!change(map.contacts, issues)) {
        setIssues(issues);
        return false;
    }
    domain::SaveOptions options;
    options.issues = &issues;
    return finish(m_repo->save(map, options), issues);
}

bool CaseController::addNetworkContact(const QVariantMap& contact, const QString& restoredFrom)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    QVariantMap values = contact;
    values.remove(QStringLiteral("id"));
    return finishForm(saveForm(*m_repo, formContext(), QStringLiteral("contact"), {}, values), ss(m_caseId), restoredFrom);
}

bool CaseController::updateNetworkContact(int index, const QVariantMap& contact, const QString& restoredFrom)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    if (index < 0 || m_networkMapId.isEmpty()) {
        setError(failureMessage(domain::Error::NotFound));
        return false;
    }
    QVariantMap values = contact;
    values.insert(QStringLiteral("id"), contactRowId(m_networkMapId, index));
    return finishForm(saveForm(*m_repo, formContext(), QStringLiteral("contact"), {}, values), ss(m_caseId), restoredFrom);
}

bool CaseController::moveNetworkContact(int index, const QString& sector, int distance)
{
    return updateNetworkContact(index, {{QStringLiteral("sector"), sector}, {QStringLiteral("distance"), distance}});
}

bool CaseController::removeNetworkContact(int index)
{
    return saveNetworkContacts([&](std::vector<domain::NetworkContact>& contacts, domain::Issues&) {
        if (index < 0 || std::size_t(index) >= contacts.size())
            return false;
        contacts.erase(contacts.begin() + index);
        return true;
    });
}

bool CaseController::setWorkerName(const QString& name)
{
    if (!storeReady())
        return false;
    const QString trimmed = name.trimmed();
    if (!m_store->set_setting(kWorkerSetting, ss(trimmed))) {
        setError(m_store->failure() == sync::Error::Full ? storeProblemText(*m_store)
                                                          : tr("Der Name konnte nicht gespeichert werden."));
        return false;
    }
    setError({});
    readWorker();
    emit recordsChanged();
    return true;
}

QVariantList CaseController::choices(const QString& kind) const { return choiceList(kind); }

QString CaseController::label(const QString& kind, const QString& value) const { return choiceLabel(kind, value); }

QString CaseController::displayDate(const QString& iso) const { return germanDate(iso); }

QVariantMap CaseController::parseDate(const QString& text) const
{
    const std::optional<QString> iso = parseDateInput(text);
    if (!iso)
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("iso"), QString()},
                {QStringLiteral("error"), tr("Kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 03.04.2026.")}};
    return {{QStringLiteral("ok"), true}, {QStringLiteral("iso"), *iso}, {QStringLiteral("error"), QString()}};
}

QVariantList CaseController::memberChoices() const
{
    QVariantList out;
    for (const QVariantMap& row : m_members.rows())
        out << QVariantMap{{"value", row.value("personId")},
                           {"label", tr("%1 (%2)").arg(row.value("name").toString(), row.value("roleLabel").toString())}};
    return out;
}

QVariantList CaseController::willChoices() const
{
    QVariantList out;
    for (const QVariantMap& row : m_wills.rows()) {
        if (row.value("isWill").toBool())
            out << QVariantMap{{"value", row.value("id")}, {"label", row.value("text")}};
    }
    return out;
}

QVariantList CaseController::directionGoalChoices() const
{
    QVariantList out;
    for (const QVariantMap& row : m_goals.rows()) {
        if (row.value("level").toString() == QLatin1String("direction"))
            out << QVariantMap{{"value", row.value("id")}, {"label", row.value("text")}};
    }
    return out;
}

}  // namespace quartier::app
