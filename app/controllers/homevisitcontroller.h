// The home visit (Hausbesuch, issue 5): one visit of one case as a domain contact_event draft and
// the answers given in it, each written through domain::Repository the moment it is given.
//
// Terms
//   visit      a contact_event of kind home_visit; a draft until finalised (app/domain/types.h)
//   answer     who is present, whether the child was seen, an offer marked known / used / used
//              before / unknown, something missing with its barriers, "how it would have to be"
//              (verbatim), a will statement, a resource, the visit's note (Vermerk)
//   text edit  an answer typed into a text field: held in `pending` for a short debounce
//              (kDebounceMs), then written; flush() writes at once (focus loss, lock, step change)
//   offer pick the offers of the case's social space come from the offer map's own search
//              (offers::SearchIndex over an offers::Catalogue, as OfferListModel uses it): the
//              same folding and order, so typing "fuss" or "beratung" finds what the map finds
//   today / earlier  an answer given in this visit names it (contact_event_id); every other answer
//              of the case (earlier visits, the case page) is "earlier": shown read-only with its
//              date, never counted, edited or removed here. A mark on an offer answered earlier
//              makes a new answer of this visit; the earlier one stays as it was
//   held       what is typed into an add form (a will, a resource, something missing) or chosen
//              for it (person, area, category) before it is confirmed, and the step on screen:
//              the visit's draft state, a sealed store setting (kVisitDraftPrefix + visit id),
//              written after the same debounce as text edits and on every step change, read back
//              when the visit is resumed, deleted when it is finalised
//   worker     the visit's and its note's author: the worker's name (CaseDetail.workerName, the
//              store setting "worker"); the device's name only while no name is set
//   entrusted  the note is anvertraut (§65 SGB VIII) by default and then lives in the worker's
//              confidential scope (the store's personal default scope); the choice is made before
//              the note's first save and fixed after it (moving it to the case would be sharing,
//              which needs a legal basis and is the consent machinery's job, not this screen's)
//
// States and transitions (the function behind each arrow)
//   Closed  --startVisit(case): an open draft of the case exists--> Open   (resumed() true)
//   Closed  --startVisit(case): none------------------------------> Open   (a new draft, saved at once)
//   Open    --any answer------------------------------------------> Open   (written at once or after the debounce)
//   Open    --finalise(): check_final has issues------------------> Open   (finalIssues: German)
//   Open    --finalise(): held text not confirmed-----------------> Open   (finalIssues names it)
//   Open    --finalise(): no issues-------------------------------> Finalised (read-only: `editable` false)
//   Open | Finalised --close() | store gone (lock)-----------------> Closed (pending text written first)
//
// Invariants
//   1. Nothing of a visit lives only in memory except `pending` text and held state, for at most kDebounceMs
//      (or, while the store is lent to a sync job, until it is back; while it has no room, until
//      the user acts: invariant 6); flush() empties it.
//      Killing the process loses at most that; a resumed visit opens at the step it was left at,
//      with the held text back in its fields.
//   7. Only an Open visit takes an answer, a text or held state. A Finalised one is read-only:
//      every write is refused with a German errorMessage and nothing is kept or claimed saved.
//   2. Every write goes through domain::Repository: the domain rules decide, a refused answer
//      writes nothing and leaves what was stored; the refusal shows as errorMessage (German).
//   3. The store is touched only while it is set and not busy (SessionController invariant 2).
//   4. An open draft is never duplicated: startVisit() resumes the newest draft home visit of
//      the case instead of starting another.
//   5. flushForLock() runs before the store goes away (main.cpp: SessionController::aboutToLock):
//      it writes `pending` at once if the store is free, or, if a job holds it (a sync), hands the
//      writes to the session as a store job that the lock does not cancel. Either way what was
//      typed is in the store before the store closes; locking loses no keystroke.
//   6. A write that finds no room (the store Failed: Store::failure() Full) keeps its text in
//      `pending` and says so ("Der Speicher dieses Geräts ist voll …", storeproblem.h); nothing is
//      written on its own meanwhile (no debounce write on a Failed store). The next tap, step
//      change, flush or lock re-reads the store (recoverForWrite) and writes the text then. A lock
//      while there is still no room cannot keep it yet (forms are held sealed for the next unlock,
//      SessionController's HeldSettings; visit text not: docs/app.md, "Not yet").
#pragma once

#include "adapters/qtprop.h"
#include "domain/repository.h"
#include "models/listmodel.h"
#include "offers/offers.h"
#include "offers/search.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

class SessionController;

// The offers of the case's social space that match the visit's offer search, with the family's
// answer to each (one row per service), in the offer map's order (by name).
class VisitOfferModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the HomeVisitController (Visit.offers).")

public:
    enum Role { ServiceIdRole = Qt::UserRole + 1, NameRole, CategoryRole, CategoryLabelRole, PlaceRole, TimesRole,
                FeedbackIdRole, StatusRole, EarlierRole };
    Q_ENUM(Role)

    struct Row {
        QString serviceId, name, category, place, times;
        QString feedbackId;  // this visit's service_feedback for this service, or ""
        QString status;      // its status id ("known", "used", "used_before", "unknown"), or ""
        QString earlier;     // the latest earlier answer, "bekannt · 12.03.2026", or ""
    };

    explicit VisitOfferModel(QObject* parent = nullptr);
    void setRows(std::vector<Row> rows);
    // Changes one row's answer in place (no reset: the list keeps its scroll position).
    void setAnswer(const QString& serviceId, const QString& feedbackId, const QString& status);
    const std::vector<Row>& rows() const { return m_rows; }
    int count() const override { return int(m_rows.size()); }

private:
    std::vector<Row> m_rows;
};

// Runs one home visit at a time; QML sees it as the singleton Visit.
class HomeVisitController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Visit singleton.")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool editable READ editable NOTIFY stateChanged)
    Q_PROPERTY(int step READ step WRITE setStep NOTIFY stepChanged)
    Q_PROPERTY(QVariantMap held READ held NOTIFY heldChanged)
    Q_PROPERTY(QStringList casesWithOpenVisit READ casesWithOpenVisit NOTIFY openVisitsChanged)
    Q_PROPERTY(QString caseId READ caseId NOTIFY visitChanged)
    Q_PROPERTY(QString caseName READ caseName NOTIFY visitChanged)
    Q_PROPERTY(QString socialSpace READ socialSpace NOTIFY visitChanged)
    Q_PROPERTY(QString visitId READ visitId NOTIFY visitChanged)
    Q_PROPERTY(QString startedAt READ startedAt NOTIFY visitChanged)
    Q_PROPERTY(bool resumed READ resumed NOTIFY visitChanged)
    Q_PROPERTY(QVariantList members READ members NOTIFY contentChanged)
    Q_PROPERTY(QString childSeen READ childSeen NOTIFY contentChanged)
    Q_PROPERTY(VisitOfferModel* offers READ offers CONSTANT)
    Q_PROPERTY(QString offerSearch READ offerSearch WRITE setOfferSearch NOTIFY offerSearchChanged)
    Q_PROPERTY(int offersInSpace READ offersInSpace NOTIFY visitChanged)
    Q_PROPERTY(QVariantList missing READ missing NOTIFY contentChanged)
    Q_PROPERTY(QVariantList howItems READ howItems NOTIFY contentChanged)
    Q_PROPERTY(QVariantList wills READ wills NOTIFY contentChanged)
    Q_PROPERTY(QVariantList resources READ resources NOTIFY contentChanged)
    Q_PROPERTY(QVariantList earlierMissing READ earlierMissing NOTIFY contentChanged)
    Q_PROPERTY(QVariantList unlisted READ unlisted NOTIFY contentChanged)
    Q_PROPERTY(QVariantList earlierUnlisted READ earlierUnlisted NOTIFY contentChanged)
    Q_PROPERTY(QVariantList earlierWills READ earlierWills NOTIFY contentChanged)
    Q_PROPERTY(QVariantList earlierResources READ earlierResources NOTIFY contentChanged)
    Q_PROPERTY(QString noteText READ noteText NOTIFY noteChanged)
    Q_PROPERTY(bool noteEntrusted READ noteEntrusted NOTIFY noteChanged)
    Q_PROPERTY(bool noteScopeFixed READ noteScopeFixed NOTIFY noteChanged)
    Q_PROPERTY(QStringList finalIssues READ finalIssues NOTIFY contentChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(bool savePending READ savePending NOTIFY savePendingChanged)
    Q_PROPERTY(QVariantList categories READ categories CONSTANT)
    Q_PROPERTY(QVariantList barrierOptions READ barrierOptions CONSTANT)
    Q_PROPERTY(QVariantList howCategoryOptions READ howCategoryOptions CONSTANT)
    Q_PROPERTY(QVariantList resourceAreas READ resourceAreas CONSTANT)

public:
    enum class State { Closed, Open, Finalised };
    Q_ENUM(State)

    static constexpr int kDebounceMs = 600;
    static constexpr int kStepCount = 6;  // Wer ist da? … Abschluss (qml/pages/HomeVisitPage.qml)
    static constexpr auto kVisitDraftPrefix = "visit_draft:";

    explicit HomeVisitController(QObject* parent = nullptr);
    ~HomeVisitController() override;

    // `store` may be null (locked); it must stay valid until the next setStore(). A null store
    // closes the visit (flush() must have run before: invariant 5).
    void setStore(sync::Store* store);
    // While busy the store is lent to a job: text waits, and is written when it is back.
    void setStoreBusy(bool busy);
    // "now" for started_at / ended_at / recorded_on; injectable for tests.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    State state() const { return m_state; }
    bool editable() const { return m_state == State::Open; }
    int step() const { return m_step; }
    // The step on screen (0 .. kStepCount-1); kept with the visit's draft state for a resume.
    void setStep(int step);
    QVariantMap held() const;
    QString caseId() const { return m_caseId; }
    QString caseName() const { return m_caseName; }
    QString socialSpace() const { return m_socialSpace; }
    QString visitId() const { return m_visitId; }
    QString startedAt() const { return m_startedAt; }
    bool resumed() const { return m_resumed; }
    QVariantList members() const { return m_members; }
    QString childSeen() const { return m_childSeen; }
    VisitOfferModel* offers() { return &m_offers; }
    QString offerSearch() const { return m_offerSearch; }
    // Narrows the offers by the offer map's search (name, provider, place, category words, ...).
    void setOfferSearch(const QString& text);
    int offersInSpace() const;
    QVariantList missing() const { return m_missing; }
    QVariantList howItems() const { return m_howItems; }
    QVariantList wills() const { return m_wills; }
    QVariantList resources() const { return m_resources; }
    QVariantList earlierMissing() const { return m_earlierMissing; }
    // Offers the family named that are not on the offer map, this visit's and earlier ones:
    // [{id, name, place, categoryLabel, status, statusLabel, date}].
    QVariantList unlisted() const { return m_unlisted; }
    QVariantList earlierUnlisted() const { return m_earlierUnlisted; }
    QVariantList earlierWills() const { return m_earlierWills; }
    QVariantList earlierResources() const { return m_earlierResources; }
    QString noteText() const { return m_noteText; }
    bool noteEntrusted() const { return m_noteEntrusted; }
    bool noteScopeFixed() const { return !m_noteId.isEmpty(); }
    QString noteId() const { return m_noteId; }
    QStringList finalIssues() const { return m_finalIssues; }
    QString errorMessage() const { return m_error; }
    bool savePending() const { return !m_pending.empty() || m_heldDirty; }
    QVariantList categories() const;
    QVariantList barrierOptions() const;
    QVariantList howCategoryOptions() const;  // [{id, label}] of the how categories, unassigned left out
    QVariantList resourceAreas() const;

    // Resumes the case's open draft home visit or starts a new one. False (errorMessage) if the
    // case cannot be read or the draft cannot be saved.
    Q_INVOKABLE bool startVisit(const QString& caseId);
    // The id of the case's open draft home visit, or "".
    Q_INVOKABLE QString openDraftFor(const QString& caseId) const;
    // The cases that have an open draft home visit ("Besuch fortsetzen" on the case list and the
    // case page): read whenever the store is set or free again and when a visit starts or ends.
    QStringList casesWithOpenVisit() const { return m_casesWithOpenVisit; }
    Q_INVOKABLE void close();

    // ---- answers: each is written at once ----
    Q_INVOKABLE bool setPresent(const QString& personId, bool present);
    Q_INVOKABLE bool setChildSeen(const QString& value);  // "yes", "no", "not_applicable"
    // Kind gesehen per child (docs/domain.md): a child member of the case seen ("yes"), not seen
    // ("no") or unanswered (""); the visit's child_seen follows as their summary.
    Q_INVOKABLE bool setChildSeenFor(const QString& personId, const QString& value);
    // status: "known", "used", "used_before", "unknown"; "" removes the answer.
    Q_INVOKABLE bool setOfferStatus(const QString& serviceId, const QString& status);
    // Something missing or wanted (no offer): returns the new feedback id, or "".
    Q_INVOKABLE QString addMissing(const QString& category, const QString& wanted);
    // An offer the family knows, uses or used that is not on the offer map (step 2): its name,
    // offer category, where it is, and the answer ("known", "used", "used_before"). The add
    // form's text is held like every add form's ("unlisted.*" slots) until it is recorded.
    Q_INVOKABLE QString addUnlistedOffer(const QString& name, const QString& category, const QString& place,
                                         const QString& status);
    Q_INVOKABLE bool toggleBarrier(const QString& feedbackId, const QString& barrier);
    // The worker's summary of a "how it would have to be" answer (docs/reports.md): the category a
    // report counts instead of the family's words; "" unassigns it. The answer's typed text is
    // written first (the domain takes a category only for an answer that has words).
    Q_INVOKABLE bool setHowCategory(const QString& feedbackId, const QString& category);
    Q_INVOKABLE QString addWill(const QString& personId, const QString& text, const QString& ownContribution);
    Q_INVOKABLE QString addResource(const QString& area, const QString& text);
    // Removes a feedback, will statement or resource of this visit's case.
    Q_INVOKABLE bool removeAnswer(const QString& id);
    // Before the note's first save only (see "entrusted" above).
    Q_INVOKABLE bool setNoteEntrusted(bool entrusted);
    // Keeps what an add form holds before it is confirmed (see "held" above): slot "will.person",
    // "will.text", "will.own", "resource.area", "resource.text", "missing.category", "missing.wanted";
    // "" forgets it. A confirmed add forgets its own slots.
    Q_INVOKABLE void hold(const QString& slot, const QString& value);

    // ---- text edits: debounced ----
    // field: "wanted" | "how_it_would_have_to_be" (feedback), "text" | "own_contribution" (will),
    // "text" (resource). The id must be an answer of this visit's case.
    Q_INVOKABLE void editText(const QString& id, const QString& field, const QString& text);
    Q_INVOKABLE void editNote(const QString& text);
    // Writes every pending text edit now; true if nothing is left pending.
    Q_INVOKABLE bool flush();
    // For SessionController::aboutToLock (invariant 5): flush() now, or, while a job holds the
    // store, the pending text as a store job that runs before the store closes.
    void flushForLock(SessionController& session);

    // Checks the visit with the domain's final rules and, if they pass, finalises it.
    Q_INVOKABLE bool finalise();
    // The issues that keep the visit from being final, in German (also in finalIssues).
    Q_INVOKABLE QStringList checkFinal();
    Q_INVOKABLE void clearError();
    // Re-reads the lists so labels made here follow a language switch.
    void retranslate() { reload(); }

signals:
    void stateChanged();
    void stepChanged();
    void heldChanged();
    void openVisitsChanged();
    void visitChanged();
    void contentChanged();
    void noteChanged();
    void errorMessageChanged();
    void savePendingChanged();
    void offerSearchChanged();
    // A write reached the store (the sync indicator's pending count may have changed).
    void saved();

private:
    struct Pending {
        std::string id;     // record id; "" for the note before its first save
        std::string field;
        std::string text;
    };
    // What a text write needs of the visit, copied so that the write can run on the store thread.
    struct TextTarget {
        std::string caseId, visitId, noteId;
        bool noteEntrusted = true;
        std::string writtenAt;  // a new note's written_at
        std::string author;     // a new note's author (see "worker")
    };
    struct TextOutcome {
        enum Kind { Written, NotOfThisVisit, NotEditable, Refused, Failed } kind = Written;
        std::string type;        // the record type (Refused)
        domain::Issues issues;   // why (Refused)
        std::string newNoteId;   // the note's id when this write made it
    };
    // One text edit through the repository; touches nothing of the controller (store thread safe).
    static TextOutcome writeText(domain::Repository& repo, sync::Store& store, const TextTarget& target,
                                 const Pending& p);
    TextTarget textTarget() const;
    bool usable() const;
    // Writes `pending`; `asked`: the user acted (recovers a Failed store first), else the debounce.
    bool writeTexts(bool asked);
    QString storeFailureText() const;  // why a write failed, in German
    QString workerName() const;        // see "worker" above
    // The visit's draft state (step and held) as the setting's JSON value.
    std::string draftState() const;
    void readDraftState();
    bool writeDraftState();  // false if the store refused (the state stays dirty)
    void forgetHeld(std::initializer_list<const char*> names);
    bool closedForEdits();   // true, with errorMessage, if the visit is not Open (invariant 7)
    QStringList heldIssues() const;  // held text not yet confirmed, in German (keeps a visit from being final)
    bool ready();  // an open visit and a usable store; else false (with a German note if busy)
    // A choice answer parsed once ready(), pending text flushed first; nullopt if not ready or
    // not a value of Choice (errorMessage `unknown`).
    template <class Choice>
    std::optional<Choice> parseAnswer(const QString& value, const QString& unknown);
    // The visit's contact event, read once ready(), pending text flushed first; nullopt if not
    // ready or not readable (errorMessage says why).
    std::optional<domain::ContactEvent> readyEvent();
    QDateTime now() const;
    QString today() const;
    QString nowTime() const;
    void setState(State state) { if (assign(m_state, state)) emit stateChanged(); }
    void setError(const QString& message) { if (assign(m_error, message)) emit errorMessageChanged(); }
    bool fail(const std::string& type, const domain::Issues& issues, const QString& fallback);
    template <class Record>
    bool saveAnswer(Record& record);
    // A new record of the open visit's case (the case id set here), saved once ready(); its id or "".
    template <class Record>
    QString addAnswer(Record record);
    bool writePending(const Pending& p);
    // Every list from the store. With `notify` false the lists are refreshed without
    // contentChanged, so a text write does not rebuild the field being typed in; views made later
    // (the next step) read the fresh values.
    void reload(bool notify = true);
    void reloadNote();    // the visit's note; emits noteChanged
    void searchOffers();  // the offer rows from the index, with the family's answers
    void closeVisit();
    void refreshOpenVisits();

    sync::Store* m_store = nullptr;
    std::unique_ptr<domain::Repository> m_repo;
    bool m_busy = false;
    std::function<QDateTime()> m_clock;
    State m_state = State::Closed;
    QString m_caseId, m_caseName, m_socialSpace, m_visitId, m_startedAt;
    bool m_resumed = false;
    QVariantList m_members, m_missing, m_howItems, m_wills, m_resources;
    QVariantList m_earlierMissing, m_earlierWills, m_earlierResources;
    QVariantList m_unlisted, m_earlierUnlisted;
    int m_step = 0;
    QStringList m_casesWithOpenVisit;
    std::map<QString, QString> m_held;  // slot -> text or choice (see "held")
    bool m_heldDirty = false;           // m_held or m_step not yet in the store
    QString m_childSeen;
    VisitOfferModel m_offers;
    offers::Catalogue m_catalogue;   // read at startVisit: the offers do not change during a visit
    offers::SearchIndex m_offerIndex;
    std::string m_spaceId;           // the case's social space as the catalogue knows it, or ""
    QString m_offerSearch;
    struct Answer {
        QString feedbackId, status;  // this visit's answer, or ""
        QString earlier;             // the latest earlier one as shown ("bekannt · 12.03.2026"), or ""
    };
    std::map<QString, Answer> m_answers;  // per service id
    QString m_noteId, m_noteText;
    bool m_noteEntrusted = true;
    QStringList m_finalIssues;
    QString m_error;
    std::map<std::string, Pending> m_pending;  // key: id + "\n" + field ("\nnote" for a new note)
    QTimer m_debounce;
};

}  // namespace quartier::app
