// The open case for the case page: loads one case through domain::Repository, shows its own
// fields (the header), has its section controllers (casesections.h) read their parts, saves the
// page's forms through the repository and shows the Issues of a refused edit as German messages.
// QML sees it as the singleton CaseDetail, its sections as CaseMembers, CaseGoals, CaseNetwork,
// CaseContacts, CaseClassification, CaseConsents and CaseProgress (registerForQml); to them it is the CaseContext
// (casesection.h) they share.
//
// Terms
//   open case    the case named by caseId; its sections are read by the section controllers
//   edit         one invokable that turns QML values into a domain record and saves it (or a Batch)
//   issues       the last refused edit's Issues, as {field: German message} and as a list
//
// States and transitions (the function behind each arrow)
//   Closed  --open(id), store free------------> Open        sections read, an audit "open" entry
//   Closed  --open(id), store busy------------> Pending     the id is kept; nothing read
//   Pending --store free (setStoreBusy(false))-> Open
//   Open    --reload() | edit ok | sync pulled--> Open      sections re-read (in place where rows stay)
//   Open    --the case is gone on reload-------> Closed      errorMessage "nicht mehr vorhanden"
//   any     --close() | setStore(null)---------> Closed      sections emptied before the store goes
//
// Invariants
//   1. The store is read or written only while it is set and not busy (SessionController's
//      invariant 2). An edit asked for while it is busy writes nothing and says so; a reload
//      asked for meanwhile runs when the store is free again.
//   2. Rules are the domain layer's: an edit maps values onto a record and calls save(); a value
//      that is not even of the field's kind (a scale "abc", an unknown identifier) becomes an
//      Issue of the same shape. The controller never decides whether a record is allowed.
//   3. A refused edit writes nothing and changes no section; it sets `issues`, and the caller
//      keeps what the user typed. A successful edit clears `issues` and re-reads the sections.
//   4. The sections always show the case named by caseId, or nothing (Closed).
//   5. What was typed in a form open at a lock is never dropped (saveForLock): saved if the domain
//      takes it, else (refused, or its record gone meanwhile) kept as the draft of its place, a
//      sealed store setting (formDraftKey): the open case for the case page's forms (network
//      contacts included), kNewCaseDraftPlace for the case list's new-case form. While a job holds the store, the same saveForm runs in a
//      SurvivesLock job on the store thread. The worker name has no domain rules: it is written
//      there too, and an emptied name field clears nothing at a lock.
//   6. One draft per place; a newer refused form replaces it. `draft` shows the open case's,
//      `newCaseDraft` the new-case form's. A draft goes only when the form restored from it is
//      saved (the save names the draft's saved_at: `restoredFrom`) or it is discarded, so a fresh
//      form of the same kind never deletes text kept from another.
//   7. A write that fails because the store failed (a full disk: Store::failure() Full) says so in
//      German where the user acted (storeProblemText: "Der Speicher dieses Geräts ist voll …") and
//      the form keeps its values, as for a refused edit. Every later write first recovers the store
//      (recoverForWrite: re-read, nothing written) and is refused with the same sentence while that
//      fails, so once space was freed the same "Speichern" saves.
#pragma once

#include "adapters/qtprop.h"
#include "controllers/caseconsents.h"
#include "controllers/caseprogress.h"
#include "controllers/casesections.h"

#include "domain/repository.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <array>
#include <memory>
#include <string>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

class SessionController;

// What saving a form needs besides its values: the open case ("" for a new case) and defaults.
struct FormContext {
    std::string caseId;
    std::string today;   // YYYY-MM-DD
    std::string now;     // YYYY-MM-DDTHH:mm
    std::string worker;
};
// What saveForm did: saved (`id` for a new record where known), or refused by the domain
// (error Invalid, `issues`), or another domain error (otherCase: the record is another case's).
struct FormOutcome {
    bool ok = false;
    domain::Error error = domain::Error::Invalid;
    domain::Issues issues;
    bool otherCase = false;
    std::string id;
};
// Saves one form through `repo`: target "case" (the open case's own fields), "record" of `type`
// (see CaseController::saveRecord), "contact" (a network-map contact: values "id" is the
// contact's row id "<map id>/<index>", none for a new one on the case's newest map) or "newCase"
// (a new case; ctx.caseId is ignored, `id` of the outcome is the new case's). Touches nothing but
// `repo`, so it runs on whichever thread holds the store: the GUI thread, or the store thread in
// a lock's SurvivesLock job.
FormOutcome saveForm(domain::Repository& repo, const FormContext& ctx, const QString& target, const QString& type,
                     const QVariantMap& values);

// Sealed store setting that keeps a form a lock could not save, one per place (a case id,
// or kNewCaseDraftPlace): JSON {case_id ("" for a new case), target, type, id, form, values,
// issues: [{field, reason, detail}], saved_at}; "" when there is none.
inline constexpr auto kFormDraftPrefix = "form_draft:";
inline constexpr auto kNewCaseDraftPlace = "new-case";  // never a record id (those are hex)
std::string formDraftKey(const std::string& place);
// The draft writeFormDraft writes, as the setting's value (JSON).
std::string formDraftJson(const std::string& place, const QVariantMap& form, const QString& recordId, const QVariantMap& values,
                          const domain::Issues& issues, const QString& savedAt);
bool writeFormDraft(sync::Store& store, const std::string& place, const QVariantMap& form, const QString& recordId,
                    const QVariantMap& values, const domain::Issues& issues, const QString& savedAt);
// The draft kept for `place` as written by writeFormDraft, with savedAtText "TT.MM.JJJJ, HH:mm"; {} if none.
QVariantMap readFormDraft(const sync::Store& store, const std::string& place);

// Controller of the case page (and of the new-case dialog); QML uses the CaseDetail singleton.
class CaseController : public QObject, public CaseContext
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the CaseDetail singleton.")
    Q_PROPERTY(QString caseId READ caseId NOTIFY caseChanged)
    Q_PROPERTY(bool isOpen READ isOpen NOTIFY caseChanged)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY caseChanged)
    Q_PROPERTY(QString name READ name NOTIFY caseChanged)
    Q_PROPERTY(QString statusLabel READ statusLabel NOTIFY caseChanged)
    Q_PROPERTY(QVariantMap issues READ issues NOTIFY issuesChanged)
    Q_PROPERTY(QVariantMap issueReasons READ issueReasons NOTIFY issuesChanged)
    Q_PROPERTY(QStringList issueList READ issueList NOTIFY issuesChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString workerName READ workerName NOTIFY workerNameChanged)
    Q_PROPERTY(QString today READ today CONSTANT)
    Q_PROPERTY(QVariantMap draft READ draft NOTIFY draftChanged)
    Q_PROPERTY(QVariantMap newCaseDraft READ newCaseDraft NOTIFY newCaseDraftChanged)

public:
    // The store setting naming who works with this device ("meine Fälle", lead worker, author).
    static constexpr auto kWorkerSetting = "worker";

    explicit CaseController(QObject* parent = nullptr);
    ~CaseController() override;

    // `store` may be null (locked); it must stay valid until the next setStore().
    void setStore(sync::Store* store);
    void setStoreBusy(bool busy);
    // The session whose store thread takes saveForLock's job while the store is busy; may be null.
    void setSession(SessionController* session) { m_session = session; }
    // "YYYY-MM-DD" of today for new records; injectable for tests and screenshots.
    void setToday(const QString& date) { m_today = date; }

    QString caseId() const { return m_caseId; }
    bool isOpen() const { return !m_caseId.isEmpty() && m_loaded; }
    QVariantMap fields() const { return m_fields; }
    QString name() const { return m_fields.value(QStringLiteral("name")).toString(); }
    QString statusLabel() const;
    QVariantMap issues() const { return m_issues; }
    // The same without the field's name, for the message under the field itself.
    QVariantMap issueReasons() const { return m_issueReasons; }
    QStringList issueList() const { return m_issueList; }
    QString errorMessage() const { return m_error; }
    QString workerName() const { return m_worker; }
    QString today() const { return m_today; }
    // The open case's kept form (see formDraftKey) with savedAtText "TT.MM.JJJJ, HH:mm", or {}.
    QVariantMap draft() const { return m_draft; }
    // The case list's kept new-case form (the same shape), or {}.
    QVariantMap newCaseDraft() const { return m_newCaseDraft; }

    // The section controllers (QML singletons, see registerForQml).
    CaseMembersController* membersSection() { return &m_membersSection; }
    CaseGoalsController* goalsSection() { return &m_goalsSection; }
    CaseNetworkController* networkSection() { return &m_networkSection; }
    CaseContactsController* contactsSection() { return &m_contactsSection; }
    CaseClassificationController* classificationSection() { return &m_classificationSection; }
    CaseConsentsController* consentsSection() { return &m_consentsSection; }
    CaseProgressController* progressSection() { return &m_progressSection; }
    // Registers CaseDetail and its sections as the Quartier.Ui singletons (main.cpp, QML tests).
    static void registerForQml(CaseController& detail);
    // For tooling that asked CaseDetail before the sections existed (screenshots.cpp).
    bool dangerArea() const { return m_classificationSection.risk().danger(); }
    QVariantList memberChoices() const { return m_membersSection.memberChoices(); }

    // CaseContext
    domain::Repository* repository() override { return m_repo.get(); }
    QString openCaseId() const override { return m_caseId; }
    QString todayDate() const override { return m_today; }
    bool editable() override { return !m_caseId.isEmpty() && storeReady(); }
    bool finishEdit(const domain::Result<void>& result, const domain::Issues& issues) override;
    void refuse(const domain::Issues& issues) override { setIssues(issues); }
    void notFound() override;
    bool saveContact(const QVariantMap& values, const QString& restoredFrom) override;

    Q_INVOKABLE void open(const QString& caseId);
    Q_INVOKABLE void close();
    Q_INVOKABLE void reload();
    Q_INVOKABLE void clearIssues();

    // ---- edits: each returns true when saved; false leaves `issues` or `errorMessage` set ----
    // `restoredFrom`: the saved_at of the draft the form was restored from ("" for a fresh form);
    // saving it deletes that draft (invariant 6).
    // A new case (name, social_space, lead_worker, status, opened_on, provider_organization);
    // returns its id, or "" when refused. Opens nothing: the page calls open() with the id.
    Q_INVOKABLE QString createCase(const QVariantMap& values, const QString& restoredFrom = QString());
    // The open case's own fields (only those given).
    Q_INVOKABLE bool saveCase(const QVariantMap& values, const QString& restoredFrom = QString());
    // A record of the open case: `type` is a domain record type ("will_statement", "goal",
    // "action_step", "resource", "note", "risk_assessment", "mandate", "requirement", "measure")
    // or "member" (a person with its case_member, in one commit). values["id"] empty: a new one.
    Q_INVOKABLE bool saveRecord(const QString& type, const QVariantMap& values, const QString& restoredFrom = QString()) override;
    Q_INVOKABLE bool removeRecord(const QString& id);
    // The open form at a lock (RecordDialog, on SessionController::aboutToLock): `form` is the
    // dialog's spec {title, target, recordType, index, fields, removeText, saveText, restoredFrom}.
    // Saved if the domain takes it, else kept as the sealed draft of its place (invariant 5);
    // while a job holds the store, both happen in a SurvivesLock job on the store thread.
    // Targets "case", "record" and "contact" (need the open case), "newCase" and "worker" (the
    // name is written unless the field was emptied). Returns whether it was saved, kept or queued.
    Q_INVOKABLE bool saveForLock(const QVariantMap& form, const QString& recordId, const QVariantMap& values);
    // Deletes the open case's draft / the new-case draft ("Verwerfen").
    Q_INVOKABLE void discardDraft();
    Q_INVOKABLE void discardNewCaseDraft();
    // Shows a draft's kept issues as `issues` (the restored form shows them under its fields).
    Q_INVOKABLE void showDraftIssues(const QVariantMap& draft);
    // Who works with this device (sealed store setting).
    Q_INVOKABLE bool setWorkerName(const QString& name);

    // Choice lists and labels for the forms (domainlabels.h).
    Q_INVOKABLE QVariantList choices(const QString& kind) const;
    Q_INVOKABLE QString label(const QString& kind, const QString& id) const;
    // Date fields (DateField.qml): an ISO date as TT.MM.JJJJ, and typed input as
    // {ok, iso, error}: ok with iso "" for a blank field; not ok with a German error otherwise.
    Q_INVOKABLE QString displayDate(const QString& iso) const;
    Q_INVOKABLE QVariantMap parseDate(const QString& text) const;

signals:
    void caseChanged();
    void issuesChanged();
    void errorMessageChanged();
    void workerNameChanged();
    void draftChanged();
    void newCaseDraftChanged();
    // Something was written: the case list re-reads.
    void recordsChanged();

private:
    bool storeReady();  // set and not busy; otherwise errorMessage says why
    // Messages of the templates below, outside them (lupdate cannot place tr() in a template).
    static QString failureMessage(domain::Error error);
    // failureMessage, or the store's own sentence when the store failed (a full disk: storeproblem.h).
    QString storeFailureMessage(domain::Error error) const;
    static QString otherCaseMessage();
    void readWorker();
    void readCase();    // sections from the store (store free)
    void clearSections();
    void setIssues(const domain::Issues& issues);
    void setError(const QString& message) { if (assign(m_error, message)) emit errorMessageChanged(); }
    // After a domain call: issues or the error shown, or (ok) issues cleared, sections re-read.
    template <class T>
    bool finish(const domain::Result<T>& result, const domain::Issues& issues);
    // A refused write: the domain's issues (Invalid) or the store's German message; false.
    bool showRefused(domain::Error error, const domain::Issues& issues);
    // A write that went through: issues and error cleared, the case read again; true.
    bool showSaved();
    FormContext formContext() const;
    // After saveForm on the GUI thread: as finish(); a saved form restored from its place's draft deletes it.
    bool finishForm(const FormOutcome& out, const std::string& place, const QString& restoredFrom);
    void readDraft();
    void readNewCaseDraft();
    bool deleteDraft(const std::string& place);
    bool saveWorkerForLock(const QString& typed);
    std::array<CaseSection*, 7> sections();

    sync::Store* m_store = nullptr;
    SessionController* m_session = nullptr;
    std::unique_ptr<domain::Repository> m_repo;
    bool m_busy = false;
    bool m_reloadPending = false;
    bool m_loaded = false;
    QString m_caseId;
    QString m_today;
    QString m_worker;
    QVariantMap m_fields;
    QVariantMap m_issues;
    QVariantMap m_issueReasons;
    QStringList m_issueList;
    QString m_error;
    QVariantMap m_draft;
    QVariantMap m_newCaseDraft;

    CaseMembersController m_membersSection;
    CaseGoalsController m_goalsSection;
    CaseNetworkController m_networkSection;
    CaseContactsController m_contactsSection;
    CaseClassificationController m_classificationSection;
    CaseConsentsController m_consentsSection;
    CaseProgressController m_progressSection;
};

}  // namespace quartier::app
