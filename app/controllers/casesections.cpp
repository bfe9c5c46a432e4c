#include "controllers/casesections.h"

#include "adapters/domainlabels.h"
#include "adapters/recordvalues.h"

#include <algorithm>
#include <optional>

namespace quartier::app {

using namespace caseview;

namespace {
// A member row's form: the person's fields and the membership's.
QVariantMap memberValues(const domain::Member& m)
{
    QVariantMap values = recordValues(m.person);
    values.insert(recordValues(m.member));
    return values;
}
}  // namespace

// ---- Familie -------------------------------------------------------------------------------------

CaseMembersController::CaseMembersController(CaseContext& context, QObject* parent)
    : CaseSection(context, parent),
      m_members({"values", "personId", "name", "role", "roleLabel", "birthDate", "languages", "household", "conflicted"})
{
    m_members.setParent(this);
}

void CaseMembersController::clear() { m_members.clear(); }

void CaseMembersController::read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading)
{
    // Familie
    QList<QVariantMap> rows;
    for (const domain::Member& m : repo.members(caseId)) {
        reading.personNames[m.person.id] = qs(m.person.display_name());
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
}

QVariantList CaseMembersController::memberChoices() const
{
    QVariantList out;
    for (const QVariantMap& row : m_members.rows())
        out << QVariantMap{{"value", row.value("personId")},
                           {"label", tr("%1 (%2)").arg(row.value("name").toString(), row.value("roleLabel").toString())}};
    return out;
}

// ---- Wille & Ziele -------------------------------------------------------------------------------

CaseGoalsController::CaseGoalsController(CaseContext& context, QObject* parent)
    : CaseSection(context, parent),
      m_wills({"values", "personId", "personName", "content", "ownContribution", "isWill", "recordedOn", "conflicted"}),
      m_goals({"values", "level", "levelLabel", "parentGoalId", "willId", "willText", "content", "scaleNow", "scaleTarget", "status",
               "statusLabel", "setOn", "reviewOn", "steps", "conflicted"})
{
    m_wills.setParent(this);
    m_goals.setParent(this);
}

void CaseGoalsController::clear()
{
    m_wills.clear();
    m_goals.clear();
}

void CaseGoalsController::read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading)
{
    // Wille & Ziele
    QList<QVariantMap> rows;
    std::map<std::string, QString> willTexts;
    for (const domain::WillStatement& w : repo.will_statements(caseId)) {
        willTexts[w.id] = qs(w.text);
        rows << QVariantMap{{"id", qs(w.id)},
                            {"values", recordValues(w)},
                            {"personId", qs(w.person_id)},
                            {"personName", reading.personName(w.person_id)},
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
        const std::vector<domain::Goal> all = repo.goals(caseId);
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
        for (const domain::ActionStep& s : repo.action_steps(g.id))
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
}

bool CaseGoalsController::setGoalScale(const QString& goalId, int now, int target)
{
    return m_case.saveRecord(QString::fromLatin1(domain::Goal::kType),
                             {{QStringLiteral("id"), goalId}, {QStringLiteral("scale_now"), now}, {QStringLiteral("scale_target"), target}});
}

bool CaseGoalsController::setStepStatus(const QString& stepId, const QString& status)
{
    QVariantMap values{{QStringLiteral("id"), stepId}, {QStringLiteral("status"), status}};
    values.insert(QStringLiteral("done_on"), status == QLatin1String("done") ? m_case.todayDate() : QString());
    return m_case.saveRecord(QString::fromLatin1(domain::ActionStep::kType), values);
}

QVariantList CaseGoalsController::willChoices() const
{
    QVariantList out;
    for (const QVariantMap& row : m_wills.rows()) {
        if (row.value("isWill").toBool())
            out << QVariantMap{{"value", row.value("id")}, {"label", row.value("text")}};
    }
    return out;
}

QVariantList CaseGoalsController::directionGoalChoices() const
{
    QVariantList out;
    for (const QVariantMap& row : m_goals.rows()) {
        if (row.value("level").toString() == QLatin1String("direction"))
            out << QVariantMap{{"value", row.value("id")}, {"label", row.value("text")}};
    }
    return out;
}

// ---- Ressourcen & Netzwerkkarte ------------------------------------------------------------------

CaseNetworkController::CaseNetworkController(CaseContext& context, QObject* parent)
    : CaseSection(context, parent),
      m_resources({"values", "area", "areaLabel", "content", "personId", "personName"}),
      m_network({"values", "position", "name", "sector", "sectorLabel", "distance", "quality", "qualityLabel", "note"})
{
    m_resources.setParent(this);
    m_network.setParent(this);
}

void CaseNetworkController::clear()
{
    m_resources.clear();
    m_network.clear();
    m_networkMapId.clear();
    m_networkDrawnOn.clear();
}

void CaseNetworkController::read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading)
{
    // Ressourcen
    QList<QVariantMap> rows;
    for (const domain::Resource& r : repo.resources(caseId))
        rows << QVariantMap{{"id", qs(r.id)},
                            {"area", id(r.area)},
                            {"values", recordValues(r)},
                            {"areaLabel", choiceLabel("resource_area", id(r.area))},
                            {"content", qs(r.text)},
                            {"personId", qs(r.person_id)},
                            {"personName", reading.personName(r.person_id)}};
    m_resources.setRows(rows);

    // Netzwerkkarte: the newest map; each contact's id is its map and index.
    rows.clear();
    const std::vector<domain::NetworkMap> maps = repo.network_maps(caseId);
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
}

bool CaseNetworkController::saveNetworkContacts(
    const std::function<bool(std::vector<domain::NetworkContact>&, domain::Issues&)>& change)
{
    if (m_case.openCaseId().isEmpty() || !m_case.editable())
        return false;
    domain::Repository& repo = *m_case.repository();
    domain::NetworkMap map;
    if (!m_networkMapId.isEmpty()) {
        auto loaded = repo.load<domain::NetworkMap>(ss(m_networkMapId));
        if (!loaded)
            return m_case.finishEdit(loaded.failure(), {});
        map = std::move(*loaded);
    } else {
        map.case_id = ss(m_case.openCaseId());
        map.drawn_on = ss(m_case.todayDate());
    }
    domain::Issues issues;
    if (!change(map.contacts, issues)) {
        m_case.refuse(issues);
        return false;
    }
    domain::SaveOptions options;
    options.issues = &issues;
    auto saved = repo.save(map, options);
    return m_case.finishEdit(saved ? domain::Result<void>() : domain::Result<void>(saved.failure()), issues);
}

bool CaseNetworkController::addNetworkContact(const QVariantMap& contact, const QString& restoredFrom)
{
    QVariantMap values = contact;
    values.remove(QStringLiteral("id"));
    return m_case.saveContact(values, restoredFrom);
}

bool CaseNetworkController::updateNetworkContact(int index, const QVariantMap& contact, const QString& restoredFrom)
{
    if (m_case.openCaseId().isEmpty() || !m_case.editable())
        return false;
    if (index < 0 || m_networkMapId.isEmpty()) {
        m_case.notFound();
        return false;
    }
    QVariantMap values = contact;
    values.insert(QStringLiteral("id"), QStringLiteral("%1/%2").arg(m_networkMapId).arg(index));
    return m_case.saveContact(values, restoredFrom);
}

bool CaseNetworkController::moveNetworkContact(int index, const QString& sector, int distance)
{
    return updateNetworkContact(index, {{QStringLiteral("sector"), sector}, {QStringLiteral("distance"), distance}});
}

bool CaseNetworkController::removeNetworkContact(int index)
{
    return saveNetworkContacts([&](std::vector<domain::NetworkContact>& contacts, domain::Issues&) {
        if (index < 0 || std::size_t(index) >= contacts.size())
            return false;
        contacts.erase(contacts.begin() + index);
        return true;
    });
}

// ---- Kontakte & Vermerke -------------------------------------------------------------------------

CaseContactsController::CaseContactsController(CaseContext& context, QObject* parent)
    : CaseSection(context, parent),
      m_visits({"values", "kind", "kindLabel", "status", "statusLabel", "startedAt", "endedAt", "place", "worker", "participants",
                "childSeen", "childSeenLabel", "summary"}),
      m_notes({"values", "content", "author", "writtenAt", "entrusted", "visit", "versions", "conflicted"})
{
    m_visits.setParent(this);
    m_notes.setParent(this);
}

void CaseContactsController::clear()
{
    m_visits.clear();
    m_notes.clear();
}

void CaseContactsController::read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading)
{
    // Kontakte & Vermerke
    QList<QVariantMap> rows;
    std::map<std::string, QString> visitTitles;
    for (const domain::ContactEvent& e : repo.contact_events(caseId)) {
        QStringList participants;
        for (const std::string& p : e.participants)
            participants << (reading.personName(p).isEmpty() ? tr("(unbekannt)") : reading.personName(p));
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
    for (const domain::Note& n : repo.notes(caseId)) {
        QVariantList versions;
        if (auto history = repo.note_versions(n.id)) {
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
}

// ---- Einordnung, Aufträge, Auflagen, Hilfen ------------------------------------------------------

CaseClassificationController::CaseClassificationController(CaseContext& context, QObject* parent)
    : CaseSection(context, parent),
      m_assessments({"values", "area", "areaLabel", "assessedOn", "assessedBy", "reasons", "current"}),
      m_mandates({"values", "kind", "kindLabel", "content", "givenBy", "givenTo", "dueOn", "status", "statusLabel"}),
      m_requirements({"values", "reason", "minimumStandard", "negotiableWay", "deadline", "checkedBy", "checkMethod",
                      "consequence", "status", "statusLabel", "liftedOn"}),
      m_measures({"values", "paragraph", "paragraphLabel", "measureTitle", "provider", "start", "end", "running"})
{
    for (SectionModel* m : {&m_assessments, &m_mandates, &m_requirements, &m_measures})
        m->setParent(this);
}

QString CaseClassificationController::riskLabel() const { return choiceLabel(QStringLiteral("risk_area"), m_riskArea); }

void CaseClassificationController::clear()
{
    m_riskArea.clear();
    for (SectionModel* m : {&m_assessments, &m_mandates, &m_requirements, &m_measures})
        m->clear();
}

void CaseClassificationController::read(const domain::Repository& repo, const std::string& caseId, CaseReading&)
{
    // Einordnung
    QList<QVariantMap> rows;
    const std::optional<domain::RiskAssessment> current = repo.current_risk(caseId);
    m_riskArea = current ? id(current->area) : QString();
    std::vector<domain::RiskAssessment> assessments = repo.risk_assessments(caseId);
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
    for (const domain::Mandate& m : repo.mandates(caseId))
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
    for (const domain::Requirement& r : repo.requirements(caseId))
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
    for (const domain::Measure& m : repo.measures(caseId))
        rows << QVariantMap{{"id", qs(m.id)},
                            {"paragraph", qs(m.paragraph)},
                            {"values", recordValues(m)},
                            {"paragraphLabel", choiceLabel("paragraph", qs(m.paragraph))},
                            {"measureTitle", qs(m.title)},
                            {"provider", qs(m.provider_organization)},
                            {"start", dateText(m.start)},
                            {"end", dateText(m.end)},
                            {"running", m.end.empty() || m.end >= ss(m_case.todayDate())}};
    m_measures.setRows(rows);
}

}  // namespace quartier::app
