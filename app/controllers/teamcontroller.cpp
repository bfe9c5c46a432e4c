#include "controllers/teamcontroller.h"

#include "adapters/domainlabels.h"

#include "sync/client/consent.h"
#include "sync/store/store.h"
#include "team/case_index.h"

#include <QStringList>
#include <QVariantMap>

#include <algorithm>

namespace quartier::app {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString riskKey(const std::optional<domain::RiskArea>& r) { return r ? q(std::string(domain::to_string(*r))) : QString(); }

QString riskLabel(const QString& key)
{
    return key.isEmpty() ? TeamController::tr("Nicht eingeordnet") : choiceLabel(QStringLiteral("risk_area"), key);
}

QString helpsText(const std::vector<std::string>& helps)
{
    QStringList out;
    for (const std::string& p : helps)
        out << QStringLiteral("§ %1").arg(q(p));
    return out.join(QStringLiteral(", "));
}

// The overview as the page binds to it (TeamController::overview); all keys also when empty.
QVariantMap overviewMap(const team::Overview& o, int skipped)
{
    int most = 1;
    for (const auto& w : o.workers)
        most = std::max(most, w.cases);
    QVariantList workers, reviews, overdue, risks;
    for (const auto& w : o.workers)
        workers.push_back(QVariantMap{{QStringLiteral("name"), w.name.empty() ? TeamController::tr("ohne fallführende Fachkraft") : q(w.name)},
                                      {QStringLiteral("cases"), w.cases},
                                      {QStringLiteral("danger"), w.danger},
                                      {QStringLiteral("share"), double(w.cases) / most}});
    const auto due = [](const team::Overview::Due& d) {
        return QVariantMap{{QStringLiteral("pseudonym"), q(d.pseudonym)},
                           {QStringLiteral("worker"), q(d.lead_worker)},
                           {QStringLiteral("date"), germanDate(q(d.date))},
                           {QStringLiteral("overdue"), d.overdue}};
    };
    for (const auto& d : o.reviews)
        reviews.push_back(due(d));
    for (const auto& d : o.overdue_requirements)
        overdue.push_back(due(d));
    for (const char* key : {"danger", "grey", "service", ""}) {
        const auto it = o.by_risk.find(key);
        risks.push_back(QVariantMap{{QStringLiteral("key"), QString::fromLatin1(key)},
                                    {QStringLiteral("label"), riskLabel(QString::fromLatin1(key))},
                                    {QStringLiteral("count"), it == o.by_risk.end() ? 0 : it->second}});
    }
    return QVariantMap{{QStringLiteral("openCases"), o.open_cases},
                       {QStringLiteral("closedCases"), o.closed_cases},
                       {QStringLiteral("skipped"), skipped},
                       {QStringLiteral("workers"), workers},
                       {QStringLiteral("reviews"), reviews},
                       {QStringLiteral("overdueRequirements"), overdue},
                       {QStringLiteral("risks"), risks}};
}

}  // namespace

TeamController::TeamController(QObject* parent) : QObject(parent) {}

void TeamController::setStore(sync::Store* store)
{
    m_store = store;
    refresh();
}

void TeamController::setStoreBusy(bool busy)
{
    if (m_reads.setBusy(busy))
        refresh();
}

void TeamController::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    refresh();
}

void TeamController::refresh()
{
    if (!m_reads.mayRead(m_store != nullptr))
        return;
    read();
    emit changed();
}

void TeamController::read()
{
    m_teamLead = m_available = false;
    m_message.clear();
    m_entries.clear();
    m_overview = overviewMap({}, 0);
    if (!m_store)
        return;
    if (const sync::DeviceInfo* me = m_store->directory().device(m_store->device().id()); me && !me->revoked)
        m_teamLead = me->role == "team_lead";
    auto scope = team::team_scope(*m_store);
    if (!scope) {
        m_message = tr("Dieses Gerät gehört zu mehreren Sozialraumteams; die Fallübersicht braucht genau eines.");
        return;
    }
    if (!*scope) {
        m_message = tr("Dieses Gerät gehört noch zu keinem Sozialraumteam. Sobald ein Teammitglied es "
                       "aufnimmt, zeigt die nächste Synchronisation die Fälle des Teams.");
        return;
    }
    m_available = true;
    if (!m_active)
        return;
    const std::string today = sync::consent::date_of(m_store->now_ms());
    const team::Index index = team::read_index(*m_store);
    const team::Overview o = team::overview(index.entries, today);
    if (index.entries.empty())
        m_message = tr("Noch keine Fälle im Team: Die Geräte der Fachkräfte tragen ihre Fälle bei der nächsten "
                       "Synchronisation ein.");

    // Open cases first, then by pseudonym (read_index's order).
    std::vector<const team::IndexEntry*> rows;
    for (const team::IndexEntry& e : index.entries)
        rows.push_back(&e);
    const auto open = [](const team::IndexEntry* e) {
        return e->status != domain::CaseStatus::Closed && e->status != domain::CaseStatus::Transferred;
    };
    std::stable_partition(rows.begin(), rows.end(), open);
    std::map<std::string, bool> reviewOverdue, reviewDue, reqOverdue;
    for (const auto& d : o.reviews)
        (d.overdue ? reviewOverdue : reviewDue)[d.pseudonym] = true;
    for (const auto& d : o.overdue_requirements)
        reqOverdue[d.pseudonym] = true;
    for (const team::IndexEntry* e : rows) {
        QVariantMap m;
        const QString statusKey = q(std::string(domain::to_string(e->status)));
        m[QStringLiteral("pseudonym")] = q(e->pseudonym);
        m[QStringLiteral("socialSpace")] = q(e->social_space);
        m[QStringLiteral("statusKey")] = statusKey;
        m[QStringLiteral("status")] = choiceLabel(QStringLiteral("case_status"), statusKey);
        m[QStringLiteral("riskKey")] = riskKey(e->risk);
        m[QStringLiteral("risk")] = riskLabel(riskKey(e->risk));
        m[QStringLiteral("worker")] = e->lead_worker.empty() ? tr("ohne fallführende Fachkraft") : q(e->lead_worker);
        m[QStringLiteral("helps")] = helpsText(e->helps);
        m[QStringLiteral("nextReview")] = germanDate(q(e->next_review));
        m[QStringLiteral("reviewDue")] = open(e) && reviewDue.count(e->pseudonym) > 0;
        m[QStringLiteral("reviewOverdue")] = open(e) && reviewOverdue.count(e->pseudonym) > 0;
        m[QStringLiteral("requirements")] =
            e->requirement_deadlines.empty()
                ? QString()
                : tr("Offene Auflagen: %n, nächste Frist %1", nullptr, int(e->requirement_deadlines.size()))
                      .arg(germanDate(q(e->requirement_deadlines.front())));
        m[QStringLiteral("requirementOverdue")] = open(e) && reqOverdue.count(e->pseudonym) > 0;
        m[QStringLiteral("updated")] = germanDate(q(e->updated_on));
        m_entries.push_back(m);
    }
    m_overview = overviewMap(o, int(index.skipped));
}

}  // namespace quartier::app
