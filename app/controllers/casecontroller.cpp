#include "controllers/casecontroller.h"

#include "adapters/drafts.h"

#include "controllers/caseforms.h"
#include "adapters/domainlabels.h"
#include "adapters/recordvalues.h"
#include "controllers/sessioncontroller.h"
#include "adapters/storeproblem.h"

#include "sync/store/store.h"

#include <QDate>
#include <QQmlEngine>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <optional>
#include <type_traits>

namespace quartier::app {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }

}  // namespace

CaseController::CaseController(QObject* parent)
    : QObject(parent),
      m_today(QDate::currentDate().toString(Qt::ISODate)),
      m_membersSection(*this, this),
      m_goalsSection(*this, this),
      m_networkSection(*this, this),
      m_contactsSection(*this, this),
      m_classificationSection(*this, this),
      m_consentsSection(*this, this),
      m_progressSection(*this, this)
{
}

CaseController::~CaseController() = default;

void CaseController::setStore(sync::Store* store)
{
    if (!store) {  // lock: forget the case first, then the store (invariant 4)
        close();
        m_repo.reset();
        m_store = nullptr;
        m_reloadPending = false;
        if (!m_worker.isEmpty()) {
            m_worker.clear();
            emit workerNameChanged();
        }
        if (!m_newCaseDraft.isEmpty()) {
            m_newCaseDraft.clear();
            emit newCaseDraftChanged();
        }
        return;
    }
    m_store = store;
    m_repo = std::make_unique<domain::Repository>(*store);
    setError({});
    if (m_busy) {
        m_reloadPending = true;
    } else {
        forgetDraftsOfGoneRecords(*m_store, kFormDraftPrefix, kNewCaseDraftPlace);
        readWorker();
        readNewCaseDraft();
    }
}

void CaseController::setStoreBusy(bool busy)
{
    m_busy = busy;
    // Back from a job (a sync may have purged a case): the drafts of a case that left go with it
    // (adapters/drafts.h); the new-case form's names no record and stays.
    if (!m_busy && m_store)
        forgetDraftsOfGoneRecords(*m_store, kFormDraftPrefix, kNewCaseDraftPlace);
    if (!m_busy && m_reloadPending && m_store) {
        m_reloadPending = false;
        readWorker();
        readNewCaseDraft();
        if (!m_caseId.isEmpty() && !m_loaded)
            open(m_caseId);  // Pending --> Open, with its audit entry
        else if (!m_caseId.isEmpty())
            readCase();
    }
}

void CaseController::readWorker()
{
    const QString worker = m_store ? qs(m_store->setting(kWorkerSetting).value_or(std::string())) : QString();
    if (worker != m_worker) {
        m_worker = worker;
        emit workerNameChanged();
    }
}

bool CaseController::storeReady()
{
    if (!m_store || !m_repo) {
        setError(tr("Quartier ist gesperrt. Entsperren Sie die App und versuchen Sie es erneut."));
        return false;
    }
    if (m_busy) {
        setError(tr("Gerade wird synchronisiert. Bitte speichern Sie in einem Moment noch einmal – Ihre Eingaben bleiben erhalten."));
        return false;
    }
    // An earlier write found no room (invariant 6): re-read the store first, and save only if it is Open.
    if (!recoverForWrite(*m_store)) {
        clearIssues();
        setError(storeProblemText(*m_store));
        return false;
    }
    return true;
}

QString CaseController::storeFailureMessage(domain::Error error) const
{
    if (error == domain::Error::Store && m_store && m_store->failed())
        return storeProblemText(*m_store);  // a full disk says so, and what to do
    return failureMessage(error);
}

QString CaseController::failureMessage(domain::Error error)
{
    if (error == domain::Error::Denied)  // a new case on a device whose role holds no case (docs/roles.md)
        return tr("Mit der Rolle dieses Geräts können keine Fälle angelegt werden. Ihre Eingaben sind nicht verloren.");
    return error == domain::Error::Store
               ? tr("Speichern fehlgeschlagen: Der Datenspeicher meldet einen Fehler. Ihre Eingaben sind nicht "
                    "verloren – versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre Administration.")
               : tr("Dieser Eintrag ist nicht (mehr) vorhanden.");
}

QString CaseController::otherCaseMessage() { return tr("Dieser Eintrag gehört nicht zum geöffneten Fall."); }

QString CaseController::statusLabel() const
{
    return choiceLabel(QStringLiteral("case_status"), m_fields.value(QStringLiteral("status")).toString());
}

void CaseController::open(const QString& caseId)
{
    if (caseId != m_caseId)
        close();  // never show one case's sections under another's id (invariant 4)
    m_caseId = caseId;
    clearIssues();
    setError({});
    if (caseId.isEmpty())
        return;
    if (!m_store || m_busy) {  // Pending: read once the store is free
        m_reloadPending = true;
        return;
    }
    const bool first = !m_loaded;
    readCase();
    // The audit log records who opened which case (docs/domain.md, data protection 4).
    if (first && m_loaded && !m_store->record_open(ss(caseId)))
        setError(m_store->failure() == sync::Error::Full ? storeProblemText(*m_store)
                                                          : tr("Der Zugriff auf diesen Fall konnte nicht "
                                                               "protokolliert werden. Schließen Sie den Fall und "
                                                               "öffnen Sie ihn erneut; hilft das nicht, wenden Sie "
                                                               "sich an Ihre Administration."));
}

void CaseController::close()
{
    const bool was = !m_caseId.isEmpty() || m_loaded;
    m_caseId.clear();
    m_loaded = false;
    m_fields.clear();
    clearSections();
    clearIssues();
    if (!m_draft.isEmpty()) {
        m_draft.clear();
        emit draftChanged();
    }
    if (was)
        emit caseChanged();
}

void CaseController::reload()
{
    if (m_caseId.isEmpty())
        return;
    if (!m_store || m_busy) {
        m_reloadPending = true;
        return;
    }
    readCase();
}

std::array<CaseSection*, 7> CaseController::sections()
{
    // In the order of reading: later sections name the persons the members section read.
    return {&m_membersSection, &m_goalsSection, &m_networkSection, &m_contactsSection, &m_classificationSection,
            &m_consentsSection, &m_progressSection};
}

void CaseController::clearSections()
{
    for (CaseSection* section : sections()) {
        section->clear();
        emit section->changed();
    }
}

void CaseController::readCase()
{
    const std::string caseId = ss(m_caseId);
    auto loaded = m_repo->load<domain::Case>(caseId);
    if (!loaded) {
        const QString id = m_caseId;
        close();
        setError(loaded.error() == domain::Error::Store
                     ? tr("Der Fall konnte nicht gelesen werden. Versuchen Sie es erneut; hilft das nicht, wenden Sie "
                          "sich an Ihre Administration.")
                     : tr("Dieser Fall ist auf diesem Gerät nicht (mehr) vorhanden."));
        Q_UNUSED(id);
        return;
    }
    const domain::Case& c = *loaded;
    m_fields = recordValues(c);
    // The free providers the case is assigned to (the directory's `provider` entries: docs/roles.md).
    if (const sync::Record* record = m_store->get(caseId)) {
        QStringList providers;
        for (const std::string& p : m_store->directory().providers(record->scope))
            providers << qs(p);
        m_fields.insert(QStringLiteral("providers"), providers.join(QStringLiteral(", ")));
    }
    m_fields.insert(QStringLiteral("conflicts"), [&] {
        QStringList out;
        for (const std::string& f : c.conflicts)
            out << fieldLabel(qs(f));
        return out;
    }());
    CaseReading reading;
    for (CaseSection* section : sections()) {
        section->read(*m_repo, caseId, reading);
        emit section->changed();
    }

    readDraft();
    m_loaded = true;
    emit caseChanged();
}

void CaseController::setIssues(const domain::Issues& issues)
{
    QVariantMap byField, reasons;
    QStringList list;
    for (const domain::Issue& issue : issues) {
        const QString message = issueMessage(issue);
        const QString key = qs(issue.field);
        if (!byField.contains(key)) {
            byField.insert(key, message);
            // Under its own field, which names it already; an item of a list
            // ("contacts[2].distance") keeps the name of its item.
            const bool plainField = !key.isEmpty() && !key.contains(QLatin1Char('[')) && !key.contains(QLatin1Char('.'));
            reasons.insert(key, plainField ? issueReason(issue) : message);
        }
        if (!list.contains(message))
            list << message;
    }
    m_issues = byField;
    m_issueReasons = reasons;
    m_issueList = list;
    emit issuesChanged();
}

void CaseController::clearIssues()
{
    if (m_issues.isEmpty() && m_issueList.isEmpty())
        return;
    m_issues.clear();
    m_issueReasons.clear();
    m_issueList.clear();
    emit issuesChanged();
}

template <class T>
bool CaseController::finish(const domain::Result<T>& result, const domain::Issues& issues)
{
    return result ? showSaved() : showRefused(result.error(), issues);
}

bool CaseController::showRefused(domain::Error error, const domain::Issues& issues)
{
    if (error == domain::Error::Invalid) {
        setIssues(issues);
        setError({});
    } else {
        clearIssues();
        setError(storeFailureMessage(error));
    }
    return false;
}

bool CaseController::showSaved()
{
    clearIssues();
    setError({});
    if (!m_caseId.isEmpty())
        readCase();
    emit recordsChanged();
    return true;
}

FormContext CaseController::formContext() const
{
    return FormContext{ss(m_caseId), ss(m_today), ss(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm"))),
                       ss(m_worker)};
}

bool CaseController::finishForm(const FormOutcome& out, const std::string& place, const QString& restoredFrom)
{
    if (out.otherCase) {
        setError(otherCaseMessage());
        return false;
    }
    if (!out.ok)
        return showRefused(out.error, out.issues);
    // The form restored from its place's draft is saved: the draft has served its purpose.
    const QVariantMap& draft = place == kNewCaseDraftPlace ? m_newCaseDraft : m_draft;
    if (!restoredFrom.isEmpty() && (place == kNewCaseDraftPlace || place == ss(m_caseId))
        && draft.value(QStringLiteral("saved_at")).toString() == restoredFrom)
        deleteDraft(place);
    return showSaved();
}

QString CaseController::createCase(const QVariantMap& values, const QString& restoredFrom)
{
    if (!storeReady())
        return {};
    FormContext ctx = formContext();
    ctx.caseId.clear();
    const FormOutcome out = saveForm(*m_repo, ctx, QStringLiteral("newCase"), {}, values);
    if (!finishForm(out, kNewCaseDraftPlace, restoredFrom))
        return {};
    return qs(out.id);
}

bool CaseController::saveCase(const QVariantMap& values, const QString& restoredFrom)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    return finishForm(saveForm(*m_repo, formContext(), QStringLiteral("case"), {}, values), ss(m_caseId), restoredFrom);
}

bool CaseController::saveRecord(const QString& type, const QVariantMap& values, const QString& restoredFrom)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    const FormOutcome out = saveForm(*m_repo, formContext(), QStringLiteral("record"), type, values);
    if (!out.ok && out.error == domain::Error::WrongType && !out.otherCase) {
        qWarning("CaseController::saveRecord: unknown type %s", qPrintable(type));
        return false;
    }
    return finishForm(out, ss(m_caseId), restoredFrom);
}

bool CaseController::saveForLock(const QVariantMap& form, const QString& formRecordId, const QVariantMap& formValues)
{
    const QString target = form.value(QStringLiteral("target"), QStringLiteral("record")).toString();
    if (!m_store || !m_repo)
        return false;
    if (target == QLatin1String("worker"))
        return saveWorkerForLock(formValues.value(QStringLiteral("worker")).toString());
    const bool newCase = target == QLatin1String("newCase");
    if (!newCase
        && (m_caseId.isEmpty()
            || (target != QLatin1String("case") && target != QLatin1String("record") && target != QLatin1String("contact"))))
        return false;

    LockedForm f;
    f.ctx = formContext();
    if (newCase)
        f.ctx.caseId.clear();
    f.place = newCase ? std::string(kNewCaseDraftPlace) : ss(m_caseId);
    f.form = form;
    f.target = target;
    f.type = target == QLatin1String("record") ? form.value(QStringLiteral("recordType")).toString() : QString();
    f.recordId = formRecordId;
    // A contact is named by its row id; the dialog knows it by its place on the shown map.
    const int index = form.value(QStringLiteral("index"), -1).toInt();
    if (target == QLatin1String("contact") && f.recordId.isEmpty() && index >= 0 && !m_networkSection.networkMapId().isEmpty())
        f.recordId = QStringLiteral("%1/%2").arg(m_networkSection.networkMapId()).arg(index);
    f.formValues = formValues;
    f.formValues.remove(QStringLiteral("id"));
    f.values = f.formValues;
    if (!f.recordId.isEmpty())
        f.values.insert(QStringLiteral("id"), f.recordId);
    f.restoredFrom = form.value(QStringLiteral("restoredFrom")).toString();
    f.savedAt = qs(f.ctx.now);
    if (m_session)
        f.held = m_session->heldSettings();

    if (!m_busy) {  // the store is free: save here, or keep the refused form as a draft
        (void)recoverForWrite(*m_store);  // space freed since the last failure is used now
        const AtLock done = keepAtLock(*m_repo, *m_store, f);
        if (done == AtLock::Saved) {
            clearIssues();
            if (!m_caseId.isEmpty())
                readCase();  // also re-reads the case's draft
            readNewCaseDraft();
            emit recordsChanged();
            return true;
        }
        if (done == AtLock::Failed)
            return false;
        if (done == AtLock::Kept)
            newCase ? readNewCaseDraft() : readDraft();
        return true;
    }
    // A job holds the store: the same save runs behind it on the store thread, before the store
    // closes (SessionController's SurvivesLock); a refusal there becomes the draft.
    if (!m_session)
        return false;
    return m_session->runStoreJob(
        [f](sync::Store& store, const std::atomic<bool>&) {
            domain::Repository repo(store);
            (void)keepAtLock(repo, store, f);
        },
        this, [] {}, SessionController::JobPolicy::SurvivesLock);
}

bool CaseController::saveWorkerForLock(const QString& typed)
{
    // An emptied field holds nothing typed: at a lock it clears no name (that takes "Speichern").
    const std::string name = ss(typed.trimmed());
    if (name.empty())
        return true;
    // What the store has no room for waits sealed for the next unlock, as a form's draft does.
    const std::shared_ptr<HeldSettings> held = m_session ? m_session->heldSettings() : nullptr;
    const auto write = [name, held](sync::Store& store) {
        (void)recoverForWrite(store);  // space freed since the last failure is used now
        if (store.set_setting(kWorkerSetting, name))
            return true;
        if (held)
            held->add(store.hold_setting(kWorkerSetting, name));
        return bool(held);
    };
    if (!m_busy) {
        if (!m_store)
            return false;
        const bool done = write(*m_store);
        if (!m_store->failed()) {
            setError({});
            readWorker();
            emit recordsChanged();
        }
        return done;
    }
    if (!m_session)
        return false;
    return m_session->runStoreJob([write](sync::Store& store, const std::atomic<bool>&) { (void)write(store); }, this, [] {},
                                  SessionController::JobPolicy::SurvivesLock);
}

void CaseController::readDraft()
{
    const QVariantMap draft = m_store && !m_caseId.isEmpty() ? readFormDraft(*m_store, ss(m_caseId)) : QVariantMap();
    if (draft != m_draft) {
        m_draft = draft;
        emit draftChanged();
    }
}

void CaseController::readNewCaseDraft()
{
    const QVariantMap draft = m_store ? readFormDraft(*m_store, kNewCaseDraftPlace) : QVariantMap();
    if (draft != m_newCaseDraft) {
        m_newCaseDraft = draft;
        emit newCaseDraftChanged();
    }
}

bool CaseController::deleteDraft(const std::string& place)
{
    if (!m_store->set_setting(formDraftKey(place), std::string())) {
        setError(m_store->failure() == sync::Error::Full ? storeProblemText(*m_store)
                                                          : tr("Die nicht gespeicherte Eingabe konnte nicht verworfen werden."));
        return false;
    }
    if (place == kNewCaseDraftPlace) {
        m_newCaseDraft.clear();
        emit newCaseDraftChanged();
    } else {
        m_draft.clear();
        emit draftChanged();
    }
    return true;
}

void CaseController::discardDraft()
{
    if (m_draft.isEmpty() || m_caseId.isEmpty() || !storeReady())
        return;
    deleteDraft(ss(m_caseId));
}

void CaseController::discardNewCaseDraft()
{
    if (m_newCaseDraft.isEmpty() || !storeReady())
        return;
    deleteDraft(kNewCaseDraftPlace);
}

void CaseController::showDraftIssues(const QVariantMap& draft)
{
    domain::Issues issues;
    for (const QVariant& v : draft.value(QStringLiteral("issues")).toList()) {
        const QVariantMap issue = v.toMap();
        if (auto reason = reasonFrom(ss(issue.value(QStringLiteral("reason")).toString())))
            issues.push_back({ss(issue.value(QStringLiteral("field")).toString()), *reason,
                              ss(issue.value(QStringLiteral("detail")).toString())});
    }
    if (issues.empty())
        clearIssues();
    else
        setIssues(issues);
}

bool CaseController::removeRecord(const QString& recordId)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    return finish(m_repo->remove(ss(recordId)), {});
}

bool CaseController::setWorkerName(const QString& name)
{
    if (!storeReady())
        return false;
    const QString trimmed = name.trimmed();
    if (!m_store->set_setting(kWorkerSetting, ss(trimmed))) {
        setError(m_store->failure() == sync::Error::Full ? storeProblemText(*m_store)
                                                          : tr("Der Name konnte nicht gespeichert werden."));
        return false;
    }
    setError({});
    readWorker();
    emit recordsChanged();
    return true;
}

bool CaseController::saveContact(const QVariantMap& values, const QString& restoredFrom)
{
    if (m_caseId.isEmpty() || !storeReady())
        return false;
    return finishForm(saveForm(*m_repo, formContext(), QStringLiteral("contact"), {}, values), ss(m_caseId), restoredFrom);
}

bool CaseController::finishEdit(const domain::Result<void>& result, const domain::Issues& issues)
{
    return finish(result, issues);
}

void CaseController::notFound() { setError(failureMessage(domain::Error::NotFound)); }

void CaseController::registerForQml(CaseController& detail)
{
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseDetail", &detail);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseMembers", detail.membersSection());
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseGoals", detail.goalsSection());
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseNetwork", detail.networkSection());
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseContacts", detail.contactsSection());
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseClassification", detail.classificationSection());
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseConsents", detail.consentsSection());
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseProgress", detail.progressSection());
}

QVariantList CaseController::choices(const QString& kind) const { return choiceList(kind); }

QString CaseController::label(const QString& kind, const QString& value) const { return choiceLabel(kind, value); }

QString CaseController::displayDate(const QString& iso) const { return germanDate(iso); }

QVariantMap CaseController::parseDate(const QString& text) const
{
    const std::optional<QString> iso = parseDateInput(text);
    if (!iso)
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("iso"), QString()},
                {QStringLiteral("error"), tr("Kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 03.04.2026.")}};
    return {{QStringLiteral("ok"), true}, {QStringLiteral("iso"), *iso}, {QStringLiteral("error"), QString()}};
}

}  // namespace quartier::app
