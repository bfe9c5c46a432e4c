#include "models/caselistmodel.h"

#include "adapters/domainlabels.h"

#include "domain/types.h"
#include "sync/store/store.h"

#include <QCollator>

#include <algorithm>

namespace quartier::app {

namespace {

QString field(const sync::Record& record, const char* name)
{
    const std::optional<std::string> value = record.value(name);
    return value ? QString::fromStdString(*value) : QString();
}

}  // namespace

const RoleColumn<CaseListModel, CaseListModel::Row> CaseListModel::kRoles[] = {
    {NameRole, "name", rowMember<&Row::name>},
    {IdRole, "caseId", rowMember<&Row::id>},
    {SocialSpaceRole, "socialSpace", rowMember<&Row::socialSpace>},
    {StatusRole, "status", rowMember<&Row::status>},
    {StatusLabelRole, "statusLabel", [](const CaseListModel&, const Row& row) { return QVariant(statusLabel(row.status)); }},
    {ConflictedRole, "conflicted", rowMember<&Row::conflicted>},
    {LeadWorkerRole, "leadWorker", rowMember<&Row::leadWorker>},
    {MineRole, "mine", [](const CaseListModel& model, const Row& row) { return QVariant(model.isMine(row)); }},
    {ProvidersRole, "providers", rowMember<&Row::providers>},
};

CaseListModel::CaseListModel(QObject* parent) : StoreListModel(parent)
{
    setRoles(kRoles, [](const CaseListModel& m, int row) -> const Row& {
        return m.m_rows[std::size_t(m.m_visible[std::size_t(row)])];
    });
}

void CaseListModel::setStore(const sync::Store* store)
{
    m_store = store;
    refresh();
}

void CaseListModel::reread()
{
    reset(true);
}

void CaseListModel::setFilter(const QString& filter) { setFilterValue(m_filter, filter); }
void CaseListModel::setSocialSpaceFilter(const QString& space) { setFilterValue(m_socialSpace, space); }
void CaseListModel::setStatusFilter(const QString& status) { setFilterValue(m_status, status); }
void CaseListModel::setMineOnly(bool mine) { setFilterValue(m_mineOnly, mine); }

void CaseListModel::refilter()
{
    emit filterChanged();
    reset(false);
}

bool CaseListModel::filtering() const
{
    return !m_filter.trimmed().isEmpty() || !m_socialSpace.isEmpty() || !m_status.isEmpty() || m_mineOnly;
}

void CaseListModel::clearFilters()
{
    if (!filtering() && m_filter.isEmpty())
        return;
    m_filter.clear();
    m_socialSpace.clear();
    m_status.clear();
    m_mineOnly = false;
    refilter();
}

QStringList CaseListModel::socialSpaces() const
{
    QStringList out;
    for (const Row& row : m_rows) {
        if (!row.socialSpace.isEmpty() && !out.contains(row.socialSpace))
            out << row.socialSpace;
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(out.begin(), out.end(), [&](const QString& a, const QString& b) { return collator.compare(a, b) < 0; });
    return out;
}

QStringList CaseListModel::statuses() const
{
    // In the order of the case's life (the domain's order), not alphabetically.
    QStringList out;
    for (const domain::CaseStatus value : domain::all_values<domain::CaseStatus>()) {
        const QString status = QString::fromUtf8(domain::to_string(value).data(), qsizetype(domain::to_string(value).size()));
        if (std::any_of(m_rows.begin(), m_rows.end(), [&](const Row& r) { return r.status == status; }))
            out << status;
    }
    return out;
}

QVariantList CaseListModel::statusChoices() const
{
    QVariantList out;
    for (const QString& id : statuses())
        out << QVariantMap{{QStringLiteral("id"), id}, {QStringLiteral("label"), choiceLabel(QStringLiteral("case_status"), id)}};
    return out;
}

bool CaseListModel::isMine(const Row& row) const
{
    return !m_myWorker.isEmpty() && row.leadWorker.trimmed().compare(m_myWorker, Qt::CaseInsensitive) == 0;
}

void CaseListModel::reset(bool readStore)
{
    const QString workerBefore = m_myWorker;
    resetRows([&] {
        if (readStore)
            readRows();
        applyFilter();
    });
    if (readStore)
        emit choicesChanged();
    if (workerBefore != m_myWorker)
        emit myWorkerChanged();
}

void CaseListModel::readRows()
{
    m_rows.clear();
    m_myWorker.clear();
    if (!m_store)
        return;
    m_myWorker = QString::fromStdString(m_store->setting(kWorkerSetting).value_or(std::string())).trimmed();

    for (const sync::Record* record : m_store->list(kType)) {
        if (!record || record->deleted())
            continue;
        QStringList providers;
        for (const std::string& p : m_store->directory().providers(record->scope))
            providers << QString::fromStdString(p);
        m_rows.push_back(Row{QString::fromStdString(record->id), field(*record, kName), field(*record, kSocialSpace),
                             field(*record, kStatus), field(*record, kLeadWorker), record->conflicted(),
                             providers.join(QStringLiteral(", "))});
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row& a, const Row& b) {
        const int c = collator.compare(a.name, b.name);
        return c != 0 ? c < 0 : a.id < b.id;
    });
}

void CaseListModel::applyFilter()
{
    m_visible.clear();
    const QString needle = m_filter.trimmed();
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const Row& row = m_rows[std::size_t(i)];
        if ((needle.isEmpty() || row.name.contains(needle, Qt::CaseInsensitive)) &&
            (m_socialSpace.isEmpty() || row.socialSpace == m_socialSpace) &&
            (m_status.isEmpty() || row.status == m_status) && (!m_mineOnly || isMine(row)))
            m_visible.push_back(i);
    }
}

QString CaseListModel::statusLabel(const QString& status)
{
    return choiceLabel(QStringLiteral("case_status"), status);  // the one list of the domain's words
}

}  // namespace quartier::app
