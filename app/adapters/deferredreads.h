// A model's reads of a store that SessionController may lend to a store job (a sync): while the
// store is lent, a refresh is remembered instead of run, and it runs once the store is back.
// States: free --setBusy(true)--> lent --setBusy(false)--> free; `pending` is set by a read asked
// for while lent and cleared by the read that runs.
// Invariant: the GUI thread never reads the store while it is lent; no refresh asked for while
// lent is dropped.
#pragma once

namespace quartier::app {

class DeferredReads {
public:
    // True if the caller may read now; false if the store is lent (the read is remembered).
    bool mayRead(bool hasStore)
    {
        if (hasStore && m_busy) {
            m_pending = true;
            return false;
        }
        m_pending = false;
        return true;
    }
    // Records whether the store is lent; true if a remembered read should run now.
    bool setBusy(bool busy)
    {
        m_busy = busy;
        return !m_busy && m_pending;
    }
    bool busy() const { return m_busy; }

private:
    bool m_busy = false;
    bool m_pending = false;
};

}  // namespace quartier::app
