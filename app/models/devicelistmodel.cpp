#include "models/devicelistmodel.h"

#include "adapters/domainlabels.h"

#include "crypto/crypto.h"
#include "sync/store/store.h"

#include <QCollator>
#include <QCoreApplication>

#include <algorithm>

namespace quartier::app {

namespace {

using M = DeviceListModel;

const RoleColumn<M, M::Row> kRoles[] = {
    {M::NameRole, "name", rowMember<&M::Row::name>},
    {M::DeviceIdRole, "deviceId", rowMember<&M::Row::id>},
    {M::RoleRole, "role", rowMember<&M::Row::role>},
    {M::RoleLabelRole, "roleLabel", [](const M&, const M::Row& row) { return QVariant(M::roleLabel(row.role)); }},
    {M::RevokedRole, "revoked", rowMember<&M::Row::revoked>},
    {M::ThisDeviceRole, "thisDevice", rowMember<&M::Row::thisDevice>},
};

}  // namespace

DeviceListModel::DeviceListModel(QObject* parent) : StoreListModel(parent)
{
    setRoles(kRoles, [](const DeviceListModel& m, int row) -> const Row& { return m.m_rows[std::size_t(row)]; });
}

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
    static constexpr IdLabel labels[] = {
        {"caseworker", QT_TR_NOOP("ASD-Fachkraft")},
        {"team_lead", QT_TR_NOOP("Teamleitung")},
        {"helper", QT_TR_NOOP("Familienhilfe (freier Träger)")},
        {"planning", QT_TR_NOOP("Jugendhilfeplanung")},
        {"admin", QT_TR_NOOP("Administration")},
        {"dpo", QT_TR_NOOP("Datenschutz")},
    };
    return labelFor(labels, role, staticMetaObject.className());
}

}  // namespace quartier::app
