#include "models/sectionmodel.h"

namespace quartier::app {

namespace {

QString idOf(const QVariantMap& row) { return row.value(QStringLiteral("id")).toString(); }

}  // namespace

SectionModel::SectionModel(QByteArrayList roles, QObject* parent) : ListModel(parent), m_roles(std::move(roles))
{
    // QML cannot name a property "id": the row's "id" is the role recordId.
    m_roles.removeAll("id");
    if (!m_roles.contains("recordId"))
        m_roles.prepend("recordId");
}

void SectionModel::setRows(QList<QVariantMap> rows)
{
    if (updateInPlace(m_rows, rows, idOf))
        return;
    resetRows([&] { m_rows = std::move(rows); });
}

QVariantMap SectionModel::get(int row) const
{
    return row >= 0 && row < count() ? m_rows[row] : QVariantMap();
}

int SectionModel::indexOf(const QString& id) const
{
    for (int i = 0; i < count(); ++i) {
        if (idOf(m_rows[i]) == id)
            return i;
    }
    return -1;
}

QVariant SectionModel::data(const QModelIndex& index, int role) const
{
    if (!validIndex(index))
        return {};
    const int key = role - Qt::UserRole - 1;
    if (role == Qt::DisplayRole)
        return m_rows[index.row()].value(QStringLiteral("id"));
    if (key < 0 || key >= m_roles.size())
        return {};
    const QByteArray& name = m_roles[key];
    return m_rows[index.row()].value(name == "recordId" ? QStringLiteral("id") : QString::fromLatin1(name));
}

QHash<int, QByteArray> SectionModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_roles[i]);
    return names;
}

}  // namespace quartier::app
