// The part every list model of the app shares: the `count` property QML binds to with its
// countChanged signal, rowCount() from count(), data() and roleNames() read from the model's
// role table (RoleColumn), and a model reset that says countChanged only when the count moved.
// Each model keeps its rows and lists its roles once, in its table.
#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>

namespace quartier::app {

// One role of a list model: its number (the model's Role enum), the name QML reads it by, and
// how one row gives its value. A model's table lists each role once; its first role also answers
// Qt::DisplayRole (what a plain view shows).
template <class Model, class Row>
struct RoleColumn {
    int role;
    const char* name;
    QVariant (*read)(const Model& model, const Row& row);
};

// The reader of a role that is a member of the row as it is: rowMember<&Row::name>.
template <auto member, class Model, class Row>
QVariant rowMember(const Model&, const Row& row)
{
    return QVariant::fromValue(row.*member);
}

class ListModel;

namespace detail {

// A role table bound to its model's type: what data() and roleNames() read.
struct Roles {
    virtual ~Roles() = default;
    virtual QVariant value(const ListModel& model, int row, int role) const = 0;
    virtual QHash<int, QByteArray> names() const = 0;
};
template <class Model, class Row>
struct Table final : Roles {
    Table(std::span<const RoleColumn<Model, Row>> columns, const Row& (*rowAt)(const Model&, int))
        : columns(columns), rowAt(rowAt)
    {
    }
    // The first role also answers Qt::DisplayRole; an unknown role reads as an invalid QVariant.
    QVariant value(const ListModel& model, int row, int role) const override
    {
        const Model& m = static_cast<const Model&>(model);
        if (role == Qt::DisplayRole)
            role = columns.front().role;
        for (const RoleColumn<Model, Row>& column : columns) {
            if (column.role == role)
                return column.read(m, rowAt(m, row));
        }
        return {};
    }
    QHash<int, QByteArray> names() const override
    {
        QHash<int, QByteArray> out;
        for (const RoleColumn<Model, Row>& column : columns)
            out.insert(column.role, QByteArray(column.name));
        return out;
    }
    std::span<const RoleColumn<Model, Row>> columns;
    const Row& (*rowAt)(const Model&, int);
};

}  // namespace detail

// Base of the app's flat list models; QML sees its `count` on each of them.
class ListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    // The rows the view shows.
    virtual int count() const = 0;
    // The rows before any filter (the same as count() where nothing filters).
    virtual int totalCount() const { return count(); }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : count(); }
    // A role of a row and the roles' names, from the role table the model set (setRoles); a
    // model without one overrides both.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override
    {
        return m_roles && validIndex(index) ? m_roles->value(*this, index.row(), role) : QVariant();
    }
    QHash<int, QByteArray> roleNames() const override
    {
        return m_roles ? m_roles->names() : QAbstractListModel::roleNames();
    }

signals:
    void countChanged();

protected:
    // A valid index of this flat model (what data() may read).
    bool validIndex(const QModelIndex& index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
    }

    // Sets the model's role table and how it reaches the row at a position (once, in its
    // constructor). The table must outlive the model (a constant of its file).
    template <class Model, class Row, std::size_t N>
    void setRoles(const RoleColumn<Model, Row> (&roles)[N],
                  std::type_identity_t<const Row& (*)(const Model& model, int row)> rowAt)
    {
        m_roles = std::make_unique<const detail::Table<Model, Row>>(roles, rowAt);
    }

    // One model reset around `fill`, which replaces the rows; countChanged if count() or
    // totalCount() moved.
    template <class Fill>
    void resetRows(Fill&& fill)
    {
        const int before = count();
        const int totalBefore = totalCount();
        beginResetModel();
        fill();
        endResetModel();
        if (before != count() || totalBefore != totalCount())
            emit countChanged();
    }

    // Moves `next` into `rows` row by row, dataChanged for each row that differs, if both list the
    // same keys in the same order (so QML delegates survive an edit); false, with nothing
    // changed, if they do not.
    template <class Rows, class Key>
    bool updateInPlace(Rows& rows, Rows& next, Key key)
    {
        const auto sameKey = [&](const auto& a, const auto& b) { return key(a) == key(b); };
        if (next.size() != rows.size() || !std::equal(next.begin(), next.end(), rows.begin(), sameKey))
            return false;
        for (decltype(rows.size()) i = 0; i < rows.size(); ++i) {
            if (next[i] == rows[i])
                continue;
            rows[i] = std::move(next[i]);
            emit dataChanged(index(int(i)), index(int(i)));
        }
        return true;
    }

private:
    std::unique_ptr<const detail::Roles> m_roles;
};

}  // namespace quartier::app
