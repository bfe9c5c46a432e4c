#include "models/devicelistmodel.h"

#include "crypto/crypto.h"
#include "sync/store/store.h"

#include <QCollator>
#include <QCoreApplication>

#include <algorithm>

namespace quartier::app {

DeviceListModel::DeviceListModel(QObject* parent) : StoreListModel(parent) {}

void DeviceListModel::setStore(const sync::Store* store)
{
    m_store = store;
    refresh();
}

void DeviceListModel::reread()
{
    resetRows([this] {
        m_rows.clear();
        if (m_store) {
            const crypto::DeviceId me = m_store->device().id();
            for (const sync::DeviceInfo& d : m_store->directory().devices()) {
                m_rows.push_back(Row{QString::fromStdString(crypto::to_hex(d.id)), QString::fromStdString(d.name),
                                     QString::fromStdString(d.role), d.revoked, d.id == me});
            }
            // This device first, then the active ones by name, the revoked ones last.
            QCollator collator;
            collator.setCaseSensitivity(Qt::CaseInsensitive);
            std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row& a, const Row& b) {
                if (a.thisDevice != b.thisDevice)
                    return a.thisDevice;
                if (a.revoked != b.revoked)
                    return !a.revoked;
                const int c = collator.compare(a.name, b.name);
                return c != 0 ? c < 0 : a.id < b.id;
            });
        }
    });
}

QString DeviceListModel::roleLabel(const QString& role)
{
    if (role == QLatin1String("caseworker"))
        return tr("Fachkraft ASD");
    if (role == QLatin1String("team_lead"))
        return tr("Teamleitung");
    if (role == QLatin1String("helper"))
        return tr("Familienhilfe (freier Träger)");
    if (role == QLatin1String("planning"))
        return tr("Jugendhilfeplanung");
    if (role == QLatin1String("admin"))
        return tr("Administration");
    if (role == QLatin1String("dpo"))
        return tr("Datenschutz");
    return role;
}

QVariant DeviceListModel::data(const QModelIndex& index, int role) const
{
    if (!validIndex(index))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case DeviceIdRole: return row.id;
    case RoleRole: return row.role;
    case RoleLabelRole: return roleLabel(row.role);
    case RevokedRole: return row.revoked;
    case ThisDeviceRole: return row.thisDevice;
    default: return {};
    }
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    return {{DeviceIdRole, "deviceId"}, {NameRole, "name"},       {RoleRole, "role"},
            {RoleLabelRole, "roleLabel"}, {RevokedRole, "revoked"}, {ThisDeviceRole, "thisDevice"}};
}

}  // namespace quartier::app
