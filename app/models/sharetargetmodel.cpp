#include "models/sharetargetmodel.h"

#include <algorithm>

namespace quartier::app {

ShareTargetModel::ShareTargetModel(QObject* parent) : ListModel(parent) {}

void ShareTargetModel::setRows(std::vector<Row> rows)
{
    // The same devices in place: the row under the finger stays where it is.
    if (updateInPlace(m_rows, rows, [](const Row& r) { return r.id; })) {
        emit countChanged();  // member and allowed counts may have moved
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

int ShareTargetModel::indexOf(const QString& deviceId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == deviceId)
            return int(i);
    return -1;
}

int ShareTargetModel::memberCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row& r) { return r.member; }));
}

int ShareTargetModel::allowedCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row& r) { return r.allowed; }));
}

QVariant ShareTargetModel::data(const QModelIndex& index, int role) const
{
    if (!validIndex(index))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case DeviceIdRole: return row.id;
    case RoleRole: return row.role;
    case RoleLabelRole: return row.roleLabel;
    case ProviderRole: return row.provider;
    case MemberRole: return row.member;
    case AllowedRole: return row.allowed;
    case ReasonRole: return row.reason;
    case GroupRole:
        return row.member ? QStringLiteral("member") : row.allowed ? QStringLiteral("allowed") : QStringLiteral("refused");
    default: return {};
    }
}

QHash<int, QByteArray> ShareTargetModel::roleNames() const
{
    return {{DeviceIdRole, "deviceId"}, {NameRole, "name"},         {RoleRole, "role"},       {RoleLabelRole, "roleLabel"},
            {ProviderRole, "provider"}, {MemberRole, "member"},     {AllowedRole, "allowed"}, {ReasonRole, "reason"},
            {GroupRole, "group"}};
}

}  // namespace quartier::app
