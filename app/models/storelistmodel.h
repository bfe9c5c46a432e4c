// A list model read from the sealed store, which SessionController may lend to a store job (a
// sync): a refresh asked for while the store is lent waits and runs once it is back
// (DeferredReads). Each model says whether it has a store and how it reads its rows.
#pragma once

#include "adapters/deferredreads.h"
#include "models/listmodel.h"

#include <QtQml/qqmlregistration.h>

namespace quartier::app {

// Base of the list models that read the store: setStoreBusy() and refresh() in one place.
class StoreListModel : public ListModel
{
    Q_OBJECT
    QML_ANONYMOUS

public:
    using ListModel::ListModel;

    // While busy (lent to a job) the store is not read; a refresh asked for meanwhile runs when
    // it is free again.
    void setStoreBusy(bool busy)
    {
        if (m_reads.setBusy(busy))
            refresh();
    }
    // Reads the rows again now, or once the store is back if it is lent.
    Q_INVOKABLE void refresh()
    {
        if (m_reads.mayRead(hasStore()))
            reread();
    }

protected:
    bool storeLent() const { return m_reads.busy(); }

private:
    virtual bool hasStore() const = 0;
    // Reads the rows (the store may be gone: then none); called only while the store is not lent.
    virtual void reread() = 0;

    DeferredReads m_reads;  // refreshes wait while the store is lent
};

}  // namespace quartier::app
