#include "caselistmodel.h"

#include "sync/store.h"

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

CaseListModel::CaseListModel(QObject* parent) : QAbstractListModel(parent) {}

void CaseListModel::setStore(const sync::Store* store)
{
    m_store = store;
    refresh();
}

void CaseListModel::setStoreBusy(bool busy)
{
    m_busy = busy;
    if (!m_busy && m_refreshPending)
        refresh();
}

void CaseListModel::refresh()
{
    if (m_store && m_busy) {  // the store is lent to a job: read it once it is back
        m_refreshPending = true;
        return;
    }
    m_refreshPending = false;
    reset(true);
}

void CaseListModel::setFilter(const QString& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged();
    reset(false);
}

void CaseListModel::reset(bool readStore)
{
    const int before = count();
    const int totalBefore = totalCount();
    beginResetModel();
    if (readStore)
        readRows();
    applyFilter();
    endResetModel();
    if (before != count() || totalBefore != totalCount())
        emit countChanged();
}

void CaseListModel::readRows()
{
    m_rows.clear();
    if (!m_store)
        return;

    for (const sync::Record* record : m_store->list(kType)) {
        if (!record || record->deleted())
            continue;
        m_rows.push_back(Row{QString::fromStdString(record->id), field(*record, kName), field(*record, kSocialSpace),
                             field(*record, kStatus), record->conflicted()});
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
        if (needle.isEmpty() || m_rows[std::size_t(i)].name.contains(needle, Qt::CaseInsensitive))
            m_visible.push_back(i);
    }
}

QString CaseListModel::statusLabel(const QString& status)
{
    if (status == QLatin1String("new"))
        return tr("Neu");
    if (status == QLatin1String("active"))
        return tr("Aktiv");
    if (status == QLatin1String("clarification"))
        return tr("In Klärung");
    if (status == QLatin1String("closed"))
        return tr("Abgeschlossen");
    return status;
}

int CaseListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant CaseListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(m_visible[std::size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case IdRole:
        return row.id;
    case SocialSpaceRole:
        return row.socialSpace;
    case StatusRole:
        return row.status;
    case StatusLabelRole:
        return statusLabel(row.status);
    case ConflictedRole:
        return row.conflicted;
    default:
        return {};
    }
}

QHash<int, QByteArray> CaseListModel::roleNames() const
{
    return {
        {IdRole, "caseId"},
        {NameRole, "name"},
        {SocialSpaceRole, "socialSpace"},
        {StatusRole, "status"},
        {StatusLabelRole, "statusLabel"},
        {ConflictedRole, "conflicted"},
    };
}

}  // namespace quartier::app
