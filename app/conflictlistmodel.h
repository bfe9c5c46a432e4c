// The conflicts screen's model: one row per conflicted field of every live record in the store
// (DESIGN.md §5: concurrent edits keep every value until a person picks one), each with all of
// its versions side by side; resolve(row, version) settles it with one tap.
//
// States
//   Empty (no store) --setStore(store)--> Listed --refresh() | resolve()--> Listed
//   Listed --setStoreBusy(true)--> Deferred (refresh() only remembered) --setStoreBusy(false)--> Listed
//   any --setStore(nullptr)--> Empty
//
// Invariants
//   1. The rows are a copy: no pointer into the store survives a read (the store may be locked).
//   2. The store is read or written only while set and not busy (SessionController invariant 2).
//   3. Resolving goes through domain::Repository::resolve for domain records, so the domain's
//      rules decide; records outside the domain (the offer map's) are settled with one of their
//      own existing versions only (sync::Writer::resolve), which each was a valid write.
//   4. A refused resolution writes nothing and keeps the row; errorMessage says why (German).
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

// Conflicted fields of the store's records; QML sees it as the singleton Conflicts.
class ConflictListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Conflicts singleton.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role { RecordIdRole = Qt::UserRole + 1, TypeRole, TypeLabelRole, TitleRole, FieldRole, FieldLabelRole,
                VersionsRole };
    Q_ENUM(Role)

    struct Version {
        QString value;
        QString author;  // the device's directory name, or its short id
        qint64 timeMs = 0;
        bool winner = false;  // the display winner (what the app shows meanwhile)
    };
    struct Row {
        QString recordId, type, title, field;
        std::vector<Version> versions;
    };

    explicit ConflictListModel(QObject* parent = nullptr);

    void setStore(sync::Store* store);
    void setStoreBusy(bool busy);
    Q_INVOKABLE void refresh();
    // Settles row `row` with its version `version`; true on success (the row disappears).
    Q_INVOKABLE bool resolve(int row, int version);

    int count() const { return int(m_rows.size()); }
    QString errorMessage() const { return m_error; }
    const std::vector<Row>& rows() const { return m_rows; }

    static QString typeLabel(const QString& type);
    static QString fieldLabel(const QString& field);
    // A stored value as the screens show it: enumerations and booleans in German, text as it is.
    static QString valueLabel(const QString& type, const QString& field, const QString& value);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();
    void errorMessageChanged();
    // A resolution was written (the case list and the sync indicator re-read).
    void resolved();

private:
    void setError(const QString& message);
    void readRows();

    sync::Store* m_store = nullptr;
    bool m_busy = false;
    bool m_refreshPending = false;
    QString m_error;
    std::vector<Row> m_rows;
};

}  // namespace quartier::app
