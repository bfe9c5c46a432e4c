// The organisation's devices as the verified directory lists them (read-only): the settings'
// devices view. The directory is the signed log this device verified itself (sync::Directory),
// never the server's word.
//
// States
//   Empty (no store) --setStore(store)--> Listed --refresh()--> Listed
//   Listed --setStoreBusy(true)--> Deferred (refresh() remembered) --setStoreBusy(false)--> Listed
//
// Invariants
//   1. The rows are copies; nothing points into the store after a read.
//   2. The store is read only while set and not busy (SessionController invariant 2).
#pragma once

#include "models/storelistmodel.h"
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

// Devices of the organisation; QML sees it as the singleton Devices.
class DeviceListModel : public StoreListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Devices singleton.")

public:
    enum Role { DeviceIdRole = Qt::UserRole + 1, NameRole, RoleRole, RoleLabelRole, RevokedRole, ThisDeviceRole };
    Q_ENUM(Role)

    struct Row {
        QString id;  // hex
        QString name;
        QString role;
        bool revoked = false;
        bool thisDevice = false;
    };

    explicit DeviceListModel(QObject* parent = nullptr);

    void setStore(const sync::Store* store);

    static QString roleLabel(const QString& role);
    int count() const override { return int(m_rows.size()); }


private:
    bool hasStore() const override { return m_store != nullptr; }
    void reread() override;
    const sync::Store* m_store = nullptr;
    std::vector<Row> m_rows;
};

}  // namespace quartier::app
