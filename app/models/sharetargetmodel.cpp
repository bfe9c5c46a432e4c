#include "models/sharetargetmodel.h"

#include <algorithm>

namespace quartier::app {

namespace {

using M = ShareTargetModel;

// The dialog's section of a device.
QVariant group(const M&, const M::Row& row)
{
    return row.member ? QStringLiteral("member") : row.allowed ? QStringLiteral("allowed") : QStringLiteral("refused");
}

const RoleColumn<M, M::Row> kRoles[] = {
    {M::NameRole, "name", rowMember<&M::Row::name>},
    {M::DeviceIdRole, "deviceId", rowMember<&M::Row::id>},
    {M::RoleRole, "role", rowMember<&M::Row::role>},
    {M::RoleLabelRole, "roleLabel", rowMember<&M::Row::roleLabel>},
    {M::ProviderRole, "provider", rowMember<&M::Row::provider>},
    {M::MemberRole, "member", rowMember<&M::Row::member>},
    {M::AllowedRole, "allowed", rowMember<&M::Row::allowed>},
    {M::ReasonRole, "reason", rowMember<&M::Row::reason>},
    {M::GroupRole, "group", group},
};

}  // namespace

ShareTargetModel::ShareTargetModel(QObject* parent) : ListModel(parent)
{
    setRoles(kRoles, [](const ShareTargetModel& m, int row) -> const Row& { return m.m_rows[std::size_t(row)]; });
}

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

}  // namespace quartier::app
