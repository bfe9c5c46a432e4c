#include "controllers/caseprogress.h"

#include "adapters/domainlabels.h"

#include "sync/store/store.h"

#include <map>

namespace quartier::app {

using namespace caseview;

CaseProgressController::CaseProgressController(CaseContext& context, QObject* parent)
    : CaseSection(context, parent),
      m_reports({"writtenOn", "author", "provider", "period", "summary", "entries"})
{
    m_reports.setParent(this);
}

void CaseProgressController::clear()
{
    m_reports.clear();
    m_draft.clear();
}

void CaseProgressController::read(const domain::Repository& repo, const std::string& caseId, CaseReading&)
{
    std::map<std::string, QString> titles;
    std::map<std::string, int> targets;
    m_draft.clear();
    for (const domain::Goal& g : repo.goals(caseId)) {
        titles[g.id] = qs(g.text);
        targets[g.id] = g.scale_target;
        if (g.status == domain::GoalStatus::Open)
            m_draft << QVariantMap{{"goalId", qs(g.id)}, {"mandateId", QString()}, {"title", qs(g.text)},
                                   {"kindLabel", choiceLabel(QStringLiteral("goal_level"), id(g.level))},
                                   {"scaleNow", g.scale_now}, {"scaleTarget", g.scale_target}};
    }
    for (const domain::Mandate& m : repo.mandates(caseId)) {
        titles[m.id] = qs(m.text);
        if (m.status == domain::MandateStatus::Open)
            m_draft << QVariantMap{{"goalId", QString()}, {"mandateId", qs(m.id)}, {"title", qs(m.text)},
                                   {"kindLabel", tr("Auftrag")}, {"scaleNow", -1}, {"scaleTarget", -1}};
    }
    QList<QVariantMap> rows;
    for (const domain::ProgressReport& r : repo.progress_reports(caseId)) {
        QVariantList entries;
        for (const domain::ProgressEntry& e : r.entries) {
            const std::string& ref = e.goal_id.empty() ? e.mandate_id : e.goal_id;
            const auto title = titles.find(ref);
            const auto target = targets.find(ref);
            entries << QVariantMap{{"kind", e.goal_id.empty() ? QStringLiteral("mandate") : QStringLiteral("goal")},
                                   {"title", title == titles.end() ? tr("(nicht mehr vorhanden)") : title->second},
                                   {"scaleNow", e.scale_now},
                                   {"scaleTarget", target == targets.end() ? -1 : target->second},
                                   {"happened", qs(e.happened)},
                                   {"familyDid", qs(e.family_did)}};
        }
        // Who wrote it as the verified directory knows the writing device — not as the record
        // claims: a helper's device could write any provider's name into `provider`. No history to
        // tell the writer (a read that failed): no provider shown rather than the record's claim.
        QString provider;
        if (auto h = repo.store().history(r.id, "written_on"); h && !h->empty()) {
            const sync::DeviceInfo* d = repo.store().directory().device(h->front().author);
            provider = d && d->role == "helper" && !d->provider_hidden ? qs(d->provider) : QString();
        }
        const QString period = r.period_from.empty() && r.period_to.empty()
                                   ? QString()
                                   : tr("%1 – %2").arg(dateText(r.period_from), dateText(r.period_to));
        rows << QVariantMap{{"id", qs(r.id)},
                            {"writtenOn", dateText(r.written_on)},
                            {"author", qs(r.author)},
                            {"provider", provider},
                            {"period", period},
                            {"summary", qs(r.summary)},
                            {"entries", entries}};
    }
    m_reports.setRows(rows);
}

QVariantList CaseProgressController::draftEntries() const { return m_draft; }

bool CaseProgressController::saveReport(const QVariantMap& values)
{
    if (!m_case.editable())
        return false;
    domain::Repository& repo = *m_case.repository();
    const sync::Store& store = repo.store();
    domain::ProgressReport r;
    r.case_id = ss(m_case.openCaseId());
    r.written_on = ss(m_case.todayDate());
    r.period_from = ss(values.value("periodFrom").toString());
    r.period_to = ss(values.value("periodTo").toString());
    r.summary = ss(values.value("summary").toString().trimmed());
    // The author as they sign (this device's worker), and their provider as the directory has it.
    const sync::DeviceInfo* me = store.directory().device(store.device().id());
    r.author = store.setting("worker").value_or("");
    if (r.author.empty() && me)
        r.author = me->name;
    if (me && me->role == "helper")
        r.provider = me->provider;
    for (const QVariant& v : values.value("entries").toList()) {
        const QVariantMap e = v.toMap();
        domain::ProgressEntry entry;
        entry.goal_id = ss(e.value("goalId").toString());
        entry.mandate_id = ss(e.value("mandateId").toString());
        entry.scale_now = e.contains("scaleNow") ? e.value("scaleNow").toInt() : -1;
        entry.happened = ss(e.value("happened").toString().trimmed());
        entry.family_did = ss(e.value("familyDid").toString().trimmed());
        if (entry.scale_now < 0 && entry.happened.empty() && entry.family_did.empty())
            continue;  // invariant 2: a row left alone
        r.entries.push_back(std::move(entry));
    }
    domain::Issues issues;
    domain::SaveOptions options;
    options.issues = &issues;
    auto saved = repo.save(r, options);
    return m_case.finishEdit(saved ? domain::Result<void>{} : domain::Result<void>{saved.error(), saved.detail()}, issues);
}

}  // namespace quartier::app
