#include "controllers/casesections.h"

#include "controllers/caseconsents.h"

#include "adapters/domainlabels.h"
#include "adapters/recordvalues.h"

#include "sync/client/consent.h"
#include "sync/store/store.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
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

// A section's models: its children (QML reads them through its properties), emptied together.
void adopt(QObject* section, std::initializer_list<SectionModel*> models)
{
    for (SectionModel* m : models)
        m->setParent(section);
}
void clearAll(std::initializer_list<SectionModel*> models)
{
    for (SectionModel* m : models)
        m->clear();
}

// A section's rows, one a record: its id, its values for the form that edits it, and what
// `row` reads of it for the section's own roles.
template <class Record, class Row>
QList<QVariantMap> recordRows(const std::vector<Record>& records, Row row)
{
    QList<QVariantMap> rows;
    for (const Record& r : records) {
        QVariantMap values = row(r);
        values.insert(QStringLiteral("id"), qs(r.id));
        values.insert(QStringLiteral("values"), recordValues(r));
        rows << values;
    }
    return rows;
}
}  // namespace

// ---- Familie -------------------------------------------------------------------------------------

CaseMembersController::CaseMembersController(CaseContext& context, QObject* parent)
    : CaseSection(context, parent),
      m_members({"values", "personId", "name", "role", "roleLabel", "birthDate", "languages", "household", "conflicted"})
{
    adopt(this, {&m_members});
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
    adopt(this, {&m_wills, &m_goals});
}

void CaseGoalsController::clear()
{
    clearAll({&m_wills, &m_goals});
}

void CaseGoalsController::read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading)
{
    // Wille & Ziele
    std::map<std::string, QString> willTexts;
    m_wills.setRows(recordRows(repo.will_statements(caseId), [&](const domain::WillStatement& w) {
        willTexts[w.id] = qs(w.text);
        return QVariantMap{{"personId", qs(w.person_id)},
                           {"personName", reading.personName(w.person_id)},
                           {"content", qs(w.text)},
                           {"ownContribution", qs(w.own_contribution)},
                           {"isWill", w.is_will()},
                           {"recordedOn", dateText(w.recorded_on)},
                           {"conflicted", !w.conflicts.empty()}};
    }));

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
    m_goals.setRows(recordRows(goals, [&](const domain::Goal& g) {
        const QList<QVariantMap> steps = recordRows(repo.action_steps(g.id), [](const domain::ActionStep& s) {
            return QVariantMap{{"who", qs(s.who)},
                               {"what", qs(s.what)},
                               {"byWhen", dateText(s.by_when)},
                               {"status", id(s.status)},
                               {"statusLabel", choiceLabel("step_status", id(s.status))},
                               {"doneOn", dateText(s.done_on)}};
        });
        const auto will = willTexts.find(g.will_statement_id);
        return QVariantMap{{"level", id(g.level)},
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
                           {"steps", QVariantList(steps.begin(), steps.end())},
                           {"conflicted", !g.conflicts.empty()}};
    }));
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
    adopt(this, {&m_resources, &m_network});
}

void CaseNetworkController::clear()
{
    clearAll({&m_resources, &m_network});
    m_networkMapId.clear();
    m_networkDrawnOn.clear();
}

void CaseNetworkController::read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading)
{
    // Ressourcen
    m_resources.setRows(recordRows(repo.resources(caseId), [&](const domain::Resource& r) {
        return QVariantMap{{"area", id(r.area)},
                           {"areaLabel", choiceLabel("resource_area", id(r.area))},
                           {"content", qs(r.text)},
                           {"personId", qs(r.person_id)},
                           {"personName", reading.personName(r.person_id)}};
    }));

    // Netzwerkkarte: the newest map; each contact's id is its map and index.
    QList<QVariantMap> rows;
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
      m_notes({"values", "content", "author", "writtenAt", "entrusted", "disclosable", "disclosedLabel", "visit", "versions", "conflicted"})
{
    adopt(this, {&m_visits, &m_notes});
}

void CaseContactsController::clear()
{
    clearAll({&m_visits, &m_notes});
}

namespace {
// "Kinder gesehen: Can, Aylin · nicht gesehen: Mert" (Kind gesehen per child, docs/domain.md).
QString childrenSeenText(const domain::ContactEvent& e, CaseReading& reading)
{
    const auto names = [&](const std::vector<std::string>& ids) {
        QStringList out;
        for (const std::string& p : ids)
            out << (reading.personName(p).isEmpty() ? CaseContactsController::tr("(unbekannt)") : reading.personName(p));
        return out.join(QStringLiteral(", "));
    };
    QStringList parts;
    if (!e.children_seen.empty())
        parts << (e.children_seen.size() == 1 ? CaseContactsController::tr("Kind gesehen: %1")
                                              : CaseContactsController::tr("Kinder gesehen: %1"))
                     .arg(names(e.children_seen));
    if (!e.children_not_seen.empty())
        parts << CaseContactsController::tr("nicht gesehen: %1").arg(names(e.children_not_seen));
    return parts.join(QStringLiteral(" · "));
}
}  // namespace

void CaseContactsController::read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading)
{
    // Kontakte & Vermerke
    std::map<std::string, QString> visitTitles;
    m_visits.setRows(recordRows(repo.contact_events(caseId), [&](const domain::ContactEvent& e) {
        QStringList participants;
        for (const std::string& p : e.participants)
            participants << (reading.personName(p).isEmpty() ? tr("(unbekannt)") : reading.personName(p));
        visitTitles[e.id] = tr("%1 am %2").arg(choiceLabel("contact_kind", id(e.kind)), timeText(e.started_at));
        return QVariantMap{{"kind", id(e.kind)},
                           {"kindLabel", choiceLabel("contact_kind", id(e.kind))},
                           {"status", id(e.status)},
                           {"statusLabel", choiceLabel("contact_status", id(e.status))},
                           {"startedAt", timeText(e.started_at)},
                           {"endedAt", timeText(e.ended_at)},
                           {"place", qs(e.place)},
                           {"worker", qs(e.worker)},
                           {"participants", participants.join(QStringLiteral(", "))},
                           {"childSeen", id(e.child_seen)},
                           {"childSeenLabel", e.kind != domain::ContactKind::HomeVisit ? QString()
                                              : e.children_seen.empty() && e.children_not_seen.empty()
                                                  ? choiceLabel("child_seen", id(e.child_seen))
                                                  : childrenSeenText(e, reading)},
                           {"summary", qs(e.summary)}};
    }));

    m_notes.setRows(recordRows(repo.notes(caseId), [&](const domain::Note& n) {
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
        const sync::Store& store = repo.store();
        const sync::Record* record = store.get(n.id);
        // An entrusted note of this worker (its personal scope) can be passed into the case; a
        // copy in the case says under which basis it came (docs/consent.md, "Disclosure").
        const bool own = record && sync::consent::is_entrusted(store, *record);
        QString disclosed;
        if (own) {
            QStringList when;
            for (const sync::consent::DisclosureInfo& d : sync::consent::disclosures_of(store, n.id))
                when << tr("am %1 %2").arg(dateText(d.disclosed_at),
                                           CaseConsentsController::basisText(store, d.consent, d.exception, reading));
            if (!when.isEmpty())
                disclosed = tr("In den Fall weitergegeben %1").arg(when.join(QStringLiteral(", ")));
        } else if (const sync::Record* d = record ? store.get(record->value("disclosure").value_or("")) : nullptr) {
            const std::string exception = d->value("exception").value_or("");
            disclosed = tr("Weitergegeben am %1 %2")
                            .arg(dateText(d->value("disclosed_at").value_or("")),
                                 CaseConsentsController::basisText(store, d->value("consent").value_or(""),
                                                                   exception.empty() ? 0 : std::atoi(exception.c_str()), reading));
        }
        return QVariantMap{{"content", qs(n.text)},
                           {"author", qs(n.author)},
                           {"writtenAt", timeText(n.written_at)},
                           {"entrusted", n.entrusted},
                           {"disclosable", own},
                           {"disclosedLabel", disclosed},
                           {"visit", visit == visitTitles.end() ? QString() : visit->second},
                           {"versions", versions},
                           {"conflicted", !n.conflicts.empty()}};
    }));
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
    adopt(this, {&m_assessments, &m_mandates, &m_requirements, &m_measures});
}

CaseRisk CaseClassificationController::risk() const
{
    return {m_riskArea, choiceLabel(QStringLiteral("risk_area"), m_riskArea)};
}

void CaseClassificationController::clear()
{
    m_riskArea.clear();
    clearAll({&m_assessments, &m_mandates, &m_requirements, &m_measures});
}

void CaseClassificationController::read(const domain::Repository& repo, const std::string& caseId, CaseReading&)
{
    // Einordnung
    const std::optional<domain::RiskAssessment> current = repo.current_risk(caseId);
    m_riskArea = current ? id(current->area) : QString();
    std::vector<domain::RiskAssessment> assessments = repo.risk_assessments(caseId);
    std::reverse(assessments.begin(), assessments.end());  // newest first
    m_assessments.setRows(recordRows(assessments, [&](const domain::RiskAssessment& a) {
        return QVariantMap{{"area", id(a.area)},
                           {"areaLabel", choiceLabel("risk_area", id(a.area))},
                           {"assessedOn", dateText(a.assessed_on)},
                           {"assessedBy", qs(a.assessed_by)},
                           {"reasons", qs(a.reasons)},
                           {"current", current && current->id == a.id}};
    }));

    m_mandates.setRows(recordRows(repo.mandates(caseId), [](const domain::Mandate& m) {
        return QVariantMap{{"kind", id(m.kind)},
                           {"kindLabel", choiceLabel("mandate_kind", id(m.kind))},
                           {"content", qs(m.text)},
                           {"givenBy", qs(m.given_by)},
                           {"givenTo", qs(m.given_to)},
                           {"dueOn", dateText(m.due_on)},
                           {"status", id(m.status)},
                           {"statusLabel", choiceLabel("mandate_status", id(m.status))}};
    }));

    m_requirements.setRows(recordRows(repo.requirements(caseId), [](const domain::Requirement& r) {
        return QVariantMap{{"reason", qs(r.reason)},
                           {"minimumStandard", qs(r.minimum_standard)},
                           {"negotiableWay", qs(r.negotiable_way)},
                           {"deadline", dateText(r.deadline)},
                           {"checkedBy", qs(r.checked_by)},
                           {"checkMethod", qs(r.check_method)},
                           {"consequence", qs(r.consequence)},
                           {"status", id(r.status)},
                           {"statusLabel", choiceLabel("requirement_status", id(r.status))},
                           {"liftedOn", dateText(r.lifted_on)}};
    }));

    // Hilfen
    m_measures.setRows(recordRows(repo.measures(caseId), [&](const domain::Measure& m) {
        return QVariantMap{{"paragraph", qs(m.paragraph)},
                           {"paragraphLabel", choiceLabel("paragraph", qs(m.paragraph))},
                           {"measureTitle", qs(m.title)},
                           {"provider", qs(m.provider_organization)},
                           {"start", dateText(m.start)},
                           {"end", dateText(m.end)},
                           {"running", m.end.empty() || m.end >= ss(m_case.todayDate())}};
    }));
}

}  // namespace quartier::app
