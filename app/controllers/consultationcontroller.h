// Kollegiale Beratung in the app (docs/team.md "Kollegiale Beratung"): the caseworker prepares a
// consultation card from the open case — reads the pseudonymised card first, then gives it to the
// team; the team's consultation page shows one card beside the offer map of the family's social
// space, takes ideas and the team's recommendation (who brings what); the caseworker's device, the
// one holding the case, takes the recommendation back into the case. Everything goes through
// app/team/consultation.h; this controller decides nothing itself.
//
// States
//   NoStore --setStore--> Listed (cards: every card in the team scope this device holds)
//   Listed --openCard(id)--> Open (card: that card) --closeCard()--> Listed
//   Open --addIdea / recommend / takeBack ok--> Open (the card read again) | refused: `message`
//   any --setStoreBusy(true)--> reads and writes wait for the store (a write is refused with a
//        message saying so; a read is deferred, DeferredReads)
//
// Invariants
//   1. QML sees a card only as team::load_all()/load() return it: what the team scope holds, already
//      pseudonymised by the caseworker's device; a preview is team::prepare()'s, not saved.
//   2. The store is read and written only while set and not busy (SessionController invariant 2).
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

class ConsultationController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Consultation singleton.")

    // [{id, pseudonym, socialSpace, question, state, stateLabel, preparedOn, preparedBy}], newest first
    Q_PROPERTY(QVariantList cards READ cards NOTIFY changed)
    // The open card (empty if none): {id, pseudonym, socialSpace, risk, riskKey, preparedOn,
    //  preparedBy, question, networkOf, wills: [{role, text, ownContribution, will}], goals: [{text,
    //  level, scaleNow, scaleTarget}], resources: [{area, role, text}], network: [{label, sector,
    //  distance, quality, note}], ideas: [{text, by, at}], recommendation, items: [{who, brings}],
    //  state, stateLabel, takenBackOn, holdsCase (this device holds the case: it may take it back)}
    Q_PROPERTY(QVariantMap card READ card NOTIFY changed)
    // The outcome of the last action, for the page ("" before one); error or not.
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY changed)

public:
    explicit ConsultationController(QObject* parent = nullptr);

    void setStore(sync::Store* store);
    void setStoreBusy(bool busy);

    QVariantList cards() const { return m_cards; }
    QVariantMap card() const { return m_card; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }

    // The card of a case as it would go to the team, not saved ({} if it cannot be made: an
    // unknown case); a placeholder where no question is typed yet. `today` YYYY-MM-DD.
    Q_INVOKABLE QVariantMap preview(const QString& caseId, const QString& question, const QString& worker,
                                    const QString& today);
    // Prepares and saves the card into the team scope; its id, or "" (`message` says why).
    Q_INVOKABLE QString submit(const QString& caseId, const QString& question, const QString& worker, const QString& today);
    // The cards of the case `caseId` on this device (by its pseudonym), as in `cards`.
    Q_INVOKABLE QVariantList cardsOfCase(const QString& caseId) const;
    Q_INVOKABLE void openCard(const QString& id);
    Q_INVOKABLE void closeCard();
    // The team's work in the meeting, on the open card. False (and `message`) if refused.
    Q_INVOKABLE bool addIdea(const QString& text, const QString& by, const QString& today);
    // `items`: [{who, brings}]; rows with both empty are left out.
    Q_INVOKABLE bool recommend(const QString& text, const QVariantList& items);
    // On the device holding the case: the recommendation into the case as a note. `now`: YYYY-MM-DDTHH:MM.
    Q_INVOKABLE bool takeBack(const QString& worker, const QString& now);
    // Reads the cards (and the open card) again: after a sync.
    Q_INVOKABLE void refresh();

signals:
    void changed();
    void caseWritten();  // takeBack() wrote a note into a case: the case page reads it

private:
    void read();
    bool writable();
    void done(bool ok, const QString& message);
    sync::Store* m_store = nullptr;
    DeferredReads m_reads;
    QVariantList m_cards;
    QVariantMap m_card;
    QString m_cardId;
    QString m_message;
    bool m_error = false;
};

}  // namespace quartier::app
