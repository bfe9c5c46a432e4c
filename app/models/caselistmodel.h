// The case list: records of type "case" from the unlocked store, sorted by name, filtered by a
// search text and by the chips of the case list page: social space, status, and "meine Fälle"
// (the lead worker is the person working with this device: the store setting "worker").
// Rebuilt from the store on setStore()/refresh(); empty while no store is set.
//
// Invariants
//   1. The store is read only in setStore()/refresh() and never while it is busy (lent to a store
//      job, see SessionController): then the refresh waits for setStoreBusy(false).
//   2. Filters work on the rows already read, so typing a search or tapping a chip never touches
//      the store. A filter value no row has (a social space that left the list) shows no rows
//      until it is cleared; the chips offer only values that occur (socialSpaces).
//   3. "Meine Fälle" with no worker name set shows no case (nothing is "mine" yet).
#pragma once

#include "adapters/qtprop.h"
#include "models/storelistmodel.h"
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

// List model of cases for the case list page; QML sees it as the singleton Cases.
class CaseListModel : public StoreListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Cases singleton.")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    Q_PROPERTY(QString socialSpaceFilter READ socialSpaceFilter WRITE setSocialSpaceFilter NOTIFY filterChanged)
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    Q_PROPERTY(bool mineOnly READ mineOnly WRITE setMineOnly NOTIFY filterChanged)
    Q_PROPERTY(bool filtering READ filtering NOTIFY filterChanged)
    Q_PROPERTY(QString myWorker READ myWorker NOTIFY myWorkerChanged)
    Q_PROPERTY(QStringList socialSpaces READ socialSpaces NOTIFY choicesChanged)
    Q_PROPERTY(QStringList statuses READ statuses NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList statusChoices READ statusChoices NOTIFY choicesChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        SocialSpaceRole,
        StatusRole,       // the stored status id ("new", "active", "clarification", "closed")
        StatusLabelRole,  // its German label (translated); unknown ids as they are
        ConflictedRole,
        LeadWorkerRole,
        MineRole,         // the lead worker is this device's worker
        ProvidersRole,    // the free providers the case is assigned to, "Träger A, Träger B" (the directory's)
    };
    Q_ENUM(Role)

    // The case record's type and fields (docs/domain.md: `case`).
    static constexpr auto kType = "case";
    static constexpr auto kName = "name";
    static constexpr auto kSocialSpace = "social_space";
    static constexpr auto kStatus = "status";
    static constexpr auto kLeadWorker = "lead_worker";
    static constexpr auto kWorkerSetting = "worker";  // the store setting naming this device's worker

    explicit CaseListModel(QObject* parent = nullptr);

    // `store` may be null (locked); it must stay valid until the next setStore().
    void setStore(const sync::Store* store);

    static QString statusLabel(const QString& status);

    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);
    QString socialSpaceFilter() const { return m_socialSpace; }
    void setSocialSpaceFilter(const QString& space);
    QString statusFilter() const { return m_status; }
    void setStatusFilter(const QString& status);
    bool mineOnly() const { return m_mineOnly; }
    void setMineOnly(bool mine);
    bool filtering() const;
    Q_INVOKABLE void clearFilters();
    QString myWorker() const { return m_myWorker; }
    // Distinct social spaces and status ids of the cases read, sorted (for the filter chips).
    QStringList socialSpaces() const;
    QStringList statuses() const;
    // The same as [{id, label}], the label in the current language (a language switch refreshes).
    QVariantList statusChoices() const;
    int count() const override { return int(m_visible.size()); }
    int totalCount() const override { return int(m_rows.size()); }


signals:
    void filterChanged();
    void myWorkerChanged();
    void choicesChanged();  // the rows were read again: socialSpaces and statuses may differ

private:
    bool hasStore() const override { return m_store != nullptr; }
    void reread() override;
    struct Row {
        QString id;
        QString name;
        QString socialSpace;
        QString status;
        QString leadWorker;
        bool conflicted = false;
        QString providers;
    };
    static const RoleColumn<CaseListModel, Row> kRoles[];  // data() and roleNames()
    void reset(bool readStore);
    void readRows();     // from the store; between beginResetModel() and endResetModel()
    void applyFilter();  // m_visible from m_rows; likewise
    bool isMine(const Row& row) const;
    // A filter value set: filterChanged and a reset from the rows already read, if it changed.
    template <class T, class U>
    void setFilterValue(T& member, U&& value)
    {
        if (assign(member, std::forward<U>(value)))
            refilter();
    }
    void refilter();

    const sync::Store* m_store = nullptr;
    QString m_filter;
    QString m_socialSpace;
    QString m_status;
    bool m_mineOnly = false;
    QString m_myWorker;
    std::vector<Row> m_rows;        // every case, sorted by name
    std::vector<int> m_visible;     // indices into m_rows that match the filter
};

}  // namespace quartier::app
