// HomeVisitController, its second part (the class, its states and invariants: homevisitcontroller.h):
// what is typed — text edits after the debounce, on a flush and at a lock — and the visit's draft
// state, the add forms' held text and the step (see "held" there). homevisitcontroller.cpp has the
// visit, its lists and the answers given by a tap.
#include "controllers/homevisitcontroller.h"
#include "controllers/homevisit_detail.h"

#include "adapters/issuetext.h"
#include "adapters/storeproblem.h"
#include "controllers/sessioncontroller.h"

#include "domain/schema.h"
#include "sync/store/store.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace quartier::app {

namespace d = quartier::domain;
using namespace homevisit_detail;

namespace {

// The add forms' slots (HomeVisitController::hold); the text ones must be confirmed before the
// visit is final, the choices only go with them.
struct HeldSlot {
    const char* slot;
    bool text;
    const char* what;  // the form, for "noch nicht festgehalten"
};
constexpr HeldSlot kHeldSlots[] = {
    {"will.person", false, nullptr},
    {"will.text", true, QT_TRANSLATE_NOOP("quartier::app::HomeVisitController", "ein Wille")},
    {"will.own", true, QT_TRANSLATE_NOOP("quartier::app::HomeVisitController", "ein eigener Beitrag zum Willen")},
    {"resource.area", false, nullptr},
    {"resource.text", true, QT_TRANSLATE_NOOP("quartier::app::HomeVisitController", "eine Ressource")},
    {"missing.category", false, nullptr},
    {"missing.wanted", true, QT_TRANSLATE_NOOP("quartier::app::HomeVisitController", "etwas, das fehlt")},
    {"unlisted.category", false, nullptr},
    {"unlisted.status", false, nullptr},
    {"unlisted.name", true, QT_TRANSLATE_NOOP("quartier::app::HomeVisitController", "ein Angebot, das nicht in der Liste steht")},
    {"unlisted.place", true, QT_TRANSLATE_NOOP("quartier::app::HomeVisitController", "der Ort eines Angebots, das nicht in der Liste steht")},
};
const HeldSlot* heldSlot(const QString& slot)
{
    for (const HeldSlot& h : kHeldSlots)
        if (slot == QLatin1String(h.slot))
            return &h;
    return nullptr;
}

}  // namespace

// ---- the step and the held add forms ----------------------------------------------------------

void HomeVisitController::setStep(int step)
{
    step = std::clamp(step, 0, kStepCount - 1);
    const bool moved = assign(m_step, step);
    if (moved)
        emit stepChanged();
    if (m_state != State::Open)
        return;
    if (moved)
        m_heldDirty = true;
    flush();  // a tap on the step bar is a focus change, the current step's too: what was typed is written now
}

QVariantMap HomeVisitController::held() const
{
    QVariantMap out;
    for (const auto& [slot, value] : m_held)
        out.insert(slot, value);
    return out;
}

void HomeVisitController::hold(const QString& slot, const QString& value)
{
    if (!heldSlot(slot) || closedForEdits())
        return;
    const auto it = m_held.find(slot);
    if (value.isEmpty() ? it == m_held.end() : (it != m_held.end() && it->second == value))
        return;
    if (value.isEmpty())
        m_held.erase(it);
    else
        m_held[slot] = value;
    const bool was = savePending();
    m_heldDirty = true;
    m_debounce.start();
    emit heldChanged();
    if (!was)
        emit savePendingChanged();
}

void HomeVisitController::forgetHeld(std::initializer_list<const char*> names)
{
    bool changed = false;
    for (const char* slot : names)
        changed = m_held.erase(QString::fromLatin1(slot)) > 0 || changed;
    if (!changed)
        return;
    m_heldDirty = true;
    emit heldChanged();
    writeTexts(true);  // the add was written; its form's draft goes with it now
}

std::string HomeVisitController::draftState() const
{
    QJsonObject held;
    for (const auto& [slot, value] : m_held)
        held.insert(slot, value);
    const QJsonObject state{{QStringLiteral("step"), m_step}, {QStringLiteral("held"), held}};
    return QJsonDocument(state).toJson(QJsonDocument::Compact).toStdString();
}

void HomeVisitController::readDraftState()
{
    m_held.clear();
    m_step = 0;
    m_heldDirty = false;
    const std::string value = m_store->setting(kVisitDraftPrefix + s(m_visitId)).value_or(std::string());
    const QJsonObject state = QJsonDocument::fromJson(QByteArray::fromStdString(value)).object();
    m_step = std::clamp(state.value(QStringLiteral("step")).toInt(0), 0, kStepCount - 1);
    const QJsonObject held = state.value(QStringLiteral("held")).toObject();
    for (auto it = held.begin(); it != held.end(); ++it) {
        if (heldSlot(it.key()) && it.value().isString() && !it.value().toString().isEmpty())
            m_held[it.key()] = it.value().toString();
    }
    emit stepChanged();
    emit heldChanged();
}

bool HomeVisitController::writeDraftState()
{
    if (!m_heldDirty || m_visitId.isEmpty())
        return true;
    if (!m_store->set_setting(kVisitDraftPrefix + s(m_visitId), draftState()))
        return false;
    m_heldDirty = false;
    return true;
}

// ---- typed text ----------------------------------------------------------------------------------

void HomeVisitController::editText(const QString& id, const QString& field, const QString& text)
{
    if (closedForEdits() || id.isEmpty())
        return;
    const bool was = savePending();
    m_pending[s(id) + "\n" + s(field)] = Pending{s(id), s(field), s(text)};
    m_debounce.start();
    if (!was)
        emit savePendingChanged();
}

void HomeVisitController::editNote(const QString& text)
{
    if (closedForEdits())
        return;
    const bool was = savePending();
    m_pending["\nnote"] = Pending{{}, "note", s(text)};
    m_noteText = text;  // what the field shows; no noteChanged: the field is the source while typing
    m_debounce.start();
    if (!was)
        emit savePendingChanged();
}

bool HomeVisitController::flush() { return writeTexts(true); }

bool HomeVisitController::writeTexts(bool asked)
{
    m_debounce.stop();
    if (!savePending())
        return true;
    if (!usable())
        return false;  // written when the store is back (setStoreBusy)
    // A Failed store (no room) is written again only when the user acts (a tap, a step, a lock),
    // after it was re-read; until then the text waits here (invariant 6).
    if (m_store->failed() && (!asked || !recoverForWrite(*m_store))) {
        setError(storeProblemText(*m_store));
        return true;
    }
    std::map<std::string, Pending> pending;
    pending.swap(m_pending);
    bool allOk = writeDraftState();  // stays dirty if the store had no room
    for (const auto& [key, p] : pending) {
        if (writePending(p))
            continue;
        allOk = false;  // a refused text (e.g. emptied) is not kept: the store keeps the last good value
        if (m_store->failed())
            m_pending.emplace(key, p);  // but one the store had no room for is: nothing typed is lost
    }
    if (m_store->failed())
        setError(storeProblemText(*m_store));
    reload(false);  // the lists hold what was just written, for the views made next
    emit savePendingChanged();
    if (allOk)
        setError({});
    return true;
}

HomeVisitController::TextTarget HomeVisitController::textTarget() const
{
    return TextTarget{s(m_caseId), s(m_visitId), s(m_noteId), m_noteEntrusted, s(nowTime()), s(workerName())};
}

HomeVisitController::TextOutcome HomeVisitController::writeText(d::Repository& repo, sync::Store& store,
                                                                const TextTarget& target, const Pending& p)
{
    TextOutcome out;
    d::Issues issues;
    if (p.field == "note") {
        if (target.noteId.empty()) {
            if (d::blank(p.text))
                return out;  // nothing to keep yet
            d::Note note;
            note.case_id = target.caseId;
            note.contact_event_id = target.visitId;
            note.text = p.text;
            note.author = target.author;
            note.written_at = target.writtenAt;
            note.entrusted = target.noteEntrusted;
            // Entrusted: the worker's confidential scope (the store's personal scope); else the case's.
            const sync::ScopeId personal = store.default_scope();
            if (!repo.save(note, reporting(issues, target.noteEntrusted ? &personal : nullptr)))
                return TextOutcome{TextOutcome::Refused, d::Note::kType, issues, {}};
            out.newNoteId = note.id;
            return out;
        }
        auto note = repo.load<d::Note>(target.noteId);
        if (!note)
            return TextOutcome{TextOutcome::Failed, d::Note::kType, {}, {}};
        note->text = p.text;
        if (!repo.save(*note, reporting(issues)))
            return TextOutcome{TextOutcome::Refused, d::Note::kType, issues, {}};
        return out;
    }
    const sync::Record* record = store.get(p.id);
    if (!record || record->deleted() || record->value("case_id").value_or(std::string()) != target.caseId ||
        record->value("contact_event_id").value_or(std::string()) != target.visitId)
        return TextOutcome{TextOutcome::NotOfThisVisit, {}, {}, {}};  // an earlier answer is read-only here
    const std::string type = record->type;
    // The texts a visit edits in place are those the schema marks kInVisit (domain/schema.h).
    const auto field = d::find_field(type, p.field);
    bool known = field && field->has(d::kInVisit);
    bool ok = false;
    if (known)
        d::with_type(type, [&]<class T>(std::type_identity<T>) {
            auto loaded = repo.load<T>(p.id);
            known = loaded && d::set_text(*loaded, p.field, p.text);
            ok = known && repo.save(*loaded, reporting(issues));
        });
    if (!known)
        return TextOutcome{TextOutcome::NotEditable, type, {}, {}};
    if (!ok)
        return TextOutcome{TextOutcome::Refused, type, issues, {}};
    return out;
}

bool HomeVisitController::writePending(const Pending& p)
{
    const TextOutcome out = writeText(*m_repo, *m_store, textTarget(), p);
    switch (out.kind) {
    case TextOutcome::Written: break;
    case TextOutcome::NotOfThisVisit: return fail({}, {}, tr("Dieser Eintrag gehört nicht zu diesem Besuch."));
    case TextOutcome::NotEditable: return fail({}, {}, tr("Dieses Feld kann hier nicht bearbeitet werden."));
    case TextOutcome::Refused: return fail(out.type, out.issues, storeFailureText());
    case TextOutcome::Failed: return fail(out.type, {}, storeFailureText());
    }
    if (!out.newNoteId.empty()) {
        m_noteId = q(out.newNoteId);
        emit noteChanged();  // the scope is fixed now
    }
    emit saved();
    return true;
}

void HomeVisitController::flushForLock(SessionController& session)
{
    if (flush())
        return;  // written on this thread, or nothing was pending
    if (!m_store || !savePending())
        return;
    // A job holds the store: the writes go behind it on the store thread, and the lock that is
    // about to cancel the session lets them run before the store closes (invariant 5).
    std::vector<Pending> texts;
    for (const auto& [key, p] : m_pending)
        texts.push_back(p);
    const TextTarget target = textTarget();
    std::string draftKey, draft;
    if (m_heldDirty && !m_visitId.isEmpty()) {
        draftKey = kVisitDraftPrefix + s(m_visitId);
        draft = draftState();
    }
    const bool queued = session.runStoreJob(
        [texts = std::move(texts), target, draftKey, draft](sync::Store& store, const std::atomic<bool>&) {
            if (!draftKey.empty())
                (void)store.set_setting(draftKey, draft);  // no room: as for the texts (invariant 6)
            d::Repository repo(store);
            TextTarget t = target;
            for (const Pending& p : texts) {
                const TextOutcome out = writeText(repo, store, t, p);
                if (!out.newNoteId.empty())
                    t.noteId = out.newNoteId;  // a later edit of the same note updates it
            }
        },
        this, [] {}, SessionController::JobPolicy::SurvivesLock);
    if (queued) {
        m_debounce.stop();
        m_pending.clear();
        m_heldDirty = false;
        emit savePendingChanged();
    }
}

QStringList HomeVisitController::heldIssues() const
{
    QStringList out;
    for (const HeldSlot& h : kHeldSlots) {
        const auto it = m_held.find(QString::fromLatin1(h.slot));
        if (h.text && it != m_held.end() && !it->second.trimmed().isEmpty())
            out << tr("Noch nicht festgehalten: %1 („%2“). Tippen Sie auf „Festhalten“ oder leeren Sie das Feld.")
                       .arg(tr(h.what), it->second.trimmed().left(40));
    }
    return out;
}

}  // namespace quartier::app
