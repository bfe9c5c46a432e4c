// The Sozialraumteam's page (docs/app.md "Das Team", docs/team.md): the team's case index as this
// device holds it in its team scope, and the overview a team lead supervises the caseload by —
// caseload per worker, reviews due within 14 days, Auflagen overdue, open cases per risk area. On
// a team lead's device (which holds no case key, docs/roles.md) it is the home page; a caseworker
// opens it from the case list.
//
// States
//   NoStore --setStore(store)--> Read (entries and overview, or `message` says why there are none:
//                                no team scope yet, several, an empty index)
//   Read --refresh() (a sync brought entries, the page opened)--> Read
//   any --setStoreBusy(true)--> reads deferred until the store is back (DeferredReads)
//   Inactive (the page not shown): a refresh reads the role and whether a team scope is held only
//
// Invariants
//   1. What QML sees is built from team::read_index(): the index's fields and nothing else of a
//      case (no name, no case id: rows are keyed by pseudonym).
//   2. The store is read only while set and not busy (SessionController invariant 2).
#pragma once

#include "adapters/deferredreads.h"

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

class TeamController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Team singleton.")

    // This device's role is team_lead: the team page is its home.
    Q_PROPERTY(bool teamLeadHome READ teamLeadHome NOTIFY changed)
    // The device holds a team scope: the page has something to show (else `message` says why).
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    // [{pseudonym, socialSpace, status, statusKey, risk, riskKey, worker, helps, nextReview,
    //   reviewDue, reviewOverdue, requirements, requirementOverdue, updated}]: by pseudonym, open cases first
    Q_PROPERTY(QVariantList entries READ entries NOTIFY changed)
    // {openCases, closedCases, skipped (entries left out: they do not parse, written by a patched
    //  client), workers: [{name, cases, danger, share (cases / the largest caseload, for the bar)}],
    //  reviews and overdueRequirements: [{pseudonym, worker, date, overdue}],
    //  risks: [{key, label, count}] for danger, grey, service, "" (not assessed), in that order}
    Q_PROPERTY(QVariantMap overview READ overview NOTIFY changed)
    // The page is shown: only then is the index read.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)

public:
    explicit TeamController(QObject* parent = nullptr);

    void setStore(sync::Store* store);
    void setStoreBusy(bool busy);

    bool teamLeadHome() const { return m_teamLead; }
    bool available() const { return m_available; }
    QString message() const { return m_message; }
    QVariantList entries() const { return m_entries; }
    QVariantMap overview() const { return m_overview; }
    bool active() const { return m_active; }
    void setActive(bool active);

    // Reads the index again (the page calls it when it opens; main.cpp after a sync).
    Q_INVOKABLE void refresh();

signals:
    void changed();
    void activeChanged();

private:
    void read();
    sync::Store* m_store = nullptr;
    DeferredReads m_reads;
    bool m_active = false;
    bool m_teamLead = false;
    bool m_available = false;
    QString m_message;
    QVariantList m_entries;
    QVariantMap m_overview;
};

}  // namespace quartier::app
