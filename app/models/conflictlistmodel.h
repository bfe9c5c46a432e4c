// The conflicts screen's model: one row per conflicted field of every live record in the store
// (docs/architecture.md §5: concurrent edits keep every value until a person picks one), each with all of
// its versions side by side; resolve(row, version) settles it with one tap. A record one device
// edited while another deleted it (sync::Record::delete_conflict: the edit won, flagged) is one
// row of kind Delete with two versions: the edit (keep it) and the deletion (confirm it).
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
//      A Delete row is settled through the store's merge rules: keeping the edit writes the
//      fields the delete took away back as they were (Repository::keep_edit; for the offer
//      map's records from Store::history) with the tombstone as parent; confirming the deletion
//      is a tombstone over every head, the edit's included (Repository::remove, Writer::remove).
//   4. A refused resolution writes nothing and keeps the row; errorMessage says why (German).
#pragma once

#include "adapters/qtprop.h"
#include "domain/validation.h"
#include "models/storelistmodel.h"

#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

// Conflicted fields of the store's records; QML sees it as the singleton Conflicts.
class ConflictListModel : public StoreListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Conflicts singleton.")
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role { RecordIdRole = Qt::UserRole + 1, TypeRole, TypeLabelRole, TitleRole, FieldRole, FieldLabelRole,
                VersionsRole, KindRole };
    Q_ENUM(Role)
    // Field: concurrent values of one field. Delete: an edit concurrent with a delete.
    enum class Kind { Field, Delete };
    Q_ENUM(Kind)
    // The versions of a Delete row, in this order.
    static constexpr int kKeepEdit = 0;
    static constexpr int kConfirmDelete = 1;

    struct Version {
        QString value;
        QString author;  // the device's directory name, or its short id
        qint64 timeMs = 0;
        bool winner = false;  // the display winner (what the app shows meanwhile)
        QString action;       // Delete rows: "keep" (the edit) or "delete"; Field rows: "choose"
    };
    struct Row {
        QString recordId, type, title, field;  // field: "" for a Delete row
        std::vector<Version> versions;
        Kind kind = Kind::Field;
    };

    explicit ConflictListModel(QObject* parent = nullptr);

    void setStore(sync::Store* store);
    // Settles row `row` with its version `version` (a Delete row: kKeepEdit or kConfirmDelete);
    // true on success (the row disappears).
    Q_INVOKABLE bool resolve(int row, int version);

    int count() const override { return int(m_rows.size()); }
    QString errorMessage() const { return m_error; }
    const std::vector<Row>& rows() const { return m_rows; }

    static QString typeLabel(const QString& type);
    static QString fieldLabel(const QString& field);
    // A stored value as the screens show it: enumerations and booleans in German, text as it is.
    static QString valueLabel(const QString& type, const QString& field, const QString& value);


signals:
    void errorMessageChanged();
    // A resolution was written (the case list and the sync indicator re-read).
    void resolved();

private:
    bool hasStore() const override { return m_store != nullptr; }
    void reread() override;
    void setError(const QString& message) { if (assign(m_error, message)) emit errorMessageChanged(); }
    void readRows();
    bool settleDelete(const Row& row, int version);
    // After a resolution: the error (issues in German) and false, or the list re-read and true.
    bool finish(const Row& row, bool done, const domain::Issues& issues);

    sync::Store* m_store = nullptr;
    QString m_error;
    std::vector<Row> m_rows;
};

}  // namespace quartier::app
