// One section of the open case as a list model: rows of named values (QVariantMap) that the
// CaseController fills from domain records; QML reads each value as a role of the same name.
//
// States and invariants
//   - The role names are fixed at construction; every row has a value (maybe invalid) for each.
//   - setRows() with rows whose "id" values equal the current ones, in the same order, updates in
//     place (dataChanged for the rows that differ), so QML delegates survive an edit (a goal's
//     scale stays under the finger); any other change resets the model.
//   - Never reads the store: the controller hands it plain values.
#pragma once

#include "models/listmodel.h"

#include <QByteArrayList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace quartier::app {

// A read-only list of rows with named roles, for one section of the case page.
class SectionModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by CaseController.")

public:
    // `roles` are the row keys QML sees as roles. Every row has an "id", which QML sees as the
    // role recordId (a QML property cannot be called id).
    explicit SectionModel(QByteArrayList roles, QObject* parent = nullptr);

    void setRows(QList<QVariantMap> rows);
    void clear() { setRows({}); }
    const QList<QVariantMap>& rows() const { return m_rows; }

    int count() const override { return int(m_rows.size()); }
    // The row's values as a map (empty for a row out of range): for dialogs that edit a row.
    Q_INVOKABLE QVariantMap get(int row) const;
    // The first row whose "id" is `id`, or -1.
    Q_INVOKABLE int indexOf(const QString& id) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QByteArrayList m_roles;
    QList<QVariantMap> m_rows;
};

}  // namespace quartier::app
