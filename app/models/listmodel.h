// The part every list model of the app shares: the `count` property QML binds to with its
// countChanged signal, rowCount() from count(), the index check of data(), and a model reset
// that says countChanged only when the count moved. Each model keeps its rows, roles and data().
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <algorithm>
#include <utility>

namespace quartier::app {

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

signals:
    void countChanged();

protected:
    // A valid index of this flat model (what data() may read).
    bool validIndex(const QModelIndex& index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
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
};

}  // namespace quartier::app
