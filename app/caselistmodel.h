// The case list: records of type "case" from the unlocked store, sorted by name, filtered by a
// search text. Rebuilt from the store on setStore()/refresh(); empty while no store is set.
// The store is read only in setStore()/refresh() and never while it is busy (lent to a store
// job, see SessionController): then the refresh waits for setStoreBusy(false). The filter works
// on the rows already read, so typing a search never touches the store.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

// List model of cases for the case list page; QML sees it as the singleton Cases.
class CaseListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Cases singleton.")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        SocialSpaceRole,
        StatusRole,       // the stored status id ("new", "active", "clarification", "closed")
        StatusLabelRole,  // its German label (translated); unknown ids as they are
        ConflictedRole,
    };
    Q_ENUM(Role)

    // The case record's type and fields (DOMAIN.md: `case`).
    static constexpr auto kType = "case";
    static constexpr auto kName = "name";
    static constexpr auto kSocialSpace = "social_space";
    static constexpr auto kStatus = "status";

    explicit CaseListModel(QObject* parent = nullptr);

    // `store` may be null (locked); it must stay valid until the next setStore().
    void setStore(const sync::Store* store);
    // While busy, the store is not read; a refresh asked for meanwhile runs when it is free again.
    void setStoreBusy(bool busy);
    Q_INVOKABLE void refresh();

    static QString statusLabel(const QString& status);

    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);
    int count() const { return int(m_visible.size()); }
    int totalCount() const { return int(m_rows.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void filterChanged();
    void countChanged();

private:
    struct Row {
        QString id;
        QString name;
        QString socialSpace;
        QString status;
        bool conflicted = false;
    };
    void reset(bool readStore);
    void readRows();     // from the store; between beginResetModel() and endResetModel()
    void applyFilter();  // m_visible from m_rows; likewise

    const sync::Store* m_store = nullptr;
    bool m_busy = false;
    bool m_refreshPending = false;
    QString m_filter;
    std::vector<Row> m_rows;        // every case, sorted by name
    std::vector<int> m_visible;     // indices into m_rows that match the filter
};

}  // namespace quartier::app
