#include "homevisitcontroller.h"

#include "issuetext.h"
#include "visitoffers.h"

#include "crypto/crypto.h"
#include "sync/store.h"

#include <QCoreApplication>

#include <algorithm>

namespace quartier::app {

namespace d = quartier::domain;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& q) { return q.toStdString(); }

QString roleLabel(d::MemberRole role)
{
    switch (role) {
    case d::MemberRole::Mother: return HomeVisitController::tr("Mutter");
    case d::MemberRole::Father: return HomeVisitController::tr("Vater");
    case d::MemberRole::Parent: return HomeVisitController::tr("Elternteil");
    case d::MemberRole::StepParent: return HomeVisitController::tr("Stiefelternteil");
    case d::MemberRole::FosterParent: return HomeVisitController::tr("Pflegeelternteil");
    case d::MemberRole::Guardian: return HomeVisitController::tr("Vormund");
    case d::MemberRole::Child: return HomeVisitController::tr("Kind");
    case d::MemberRole::Sibling: return HomeVisitController::tr("Geschwister");
    case d::MemberRole::Grandparent: return HomeVisitController::tr("Großelternteil");
    case d::MemberRole::Partner: return HomeVisitController::tr("Partner:in");
    case d::MemberRole::Relative: return HomeVisitController::tr("Verwandte:r");
    case d::MemberRole::Other: return HomeVisitController::tr("Andere Person");
    }
    return {};
}

QString barrierLabel(d::Barrier b)
{
    switch (b) {
    case d::Barrier::Cost: return HomeVisitController::tr("Kosten");
    case d::Barrier::Distance: return HomeVisitController::tr("Weg zu weit");
    case d::Barrier::Times: return HomeVisitController::tr("Zeiten passen nicht");
    case d::Barrier::Language: return HomeVisitController::tr("Sprache");
    case d::Barrier::NoInformation: return HomeVisitController::tr("Nicht bekannt");
    case d::Barrier::Stigma: return HomeVisitController::tr("Scham, Angst vor Abstempeln");
    case d::Barrier::Childcare: return HomeVisitController::tr("Keine Kinderbetreuung");
    case d::Barrier::WaitingTime: return HomeVisitController::tr("Wartezeit");
    case d::Barrier::AgeLimit: return HomeVisitController::tr("Altersgrenze");
    }
    return {};
}

QString areaLabel(d::ResourceArea a)
{
    switch (a) {
    case d::ResourceArea::Personal: return HomeVisitController::tr("Persönlich");
    case d::ResourceArea::Social: return HomeVisitController::tr("Sozial (Freunde, Verwandte, Nachbarn)");
    case d::ResourceArea::Material: return HomeVisitController::tr("Materiell");
    case d::ResourceArea::Infrastructure: return HomeVisitController::tr("Sozialraum und Infrastruktur");
    }
    return {};
}

QString statusLabel(d::FeedbackStatus st)
{
    switch (st) {
    case d::FeedbackStatus::Known: return HomeVisitController::tr("bekannt, nicht genutzt");
    case d::FeedbackStatus::Used: return HomeVisitController::tr("genutzt");
    case d::FeedbackStatus::UsedBefore: return HomeVisitController::tr("früher genutzt");
    case d::FeedbackStatus::Unknown: return HomeVisitController::tr("unbekannt");
    case d::FeedbackStatus::MissingWanted: return HomeVisitController::tr("fehlt");
    }
    return {};
}

QString storeFailure(const std::string& detail)
{
    Q_UNUSED(detail);
    return HomeVisitController::tr("Speichern ist fehlgeschlagen. Ihre Eingabe ist noch da; bitte versuchen Sie es erneut.");
}

}  // namespace

// ---- VisitOfferModel ---------------------------------------------------------------------------

void VisitOfferModel::setRows(std::vector<Row> rows)
{
    const int before = count();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (before != count())
        emit countChanged();
}

void VisitOfferModel::setAnswer(const QString& serviceId, const QString& feedbackId, const QString& status)
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].serviceId != serviceId)
            continue;
        m_rows[i].feedbackId = feedbackId;
        m_rows[i].status = status;
        const QModelIndex at = index(int(i));
        emit dataChanged(at, at, {FeedbackIdRole, StatusRole});
    }
}

int VisitOfferModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant VisitOfferModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case ServiceIdRole: return row.serviceId;
    case CategoryRole: return row.category;
    case CategoryLabelRole: return offerCategoryLabel(row.category);
    case PlaceRole: return row.place;
    case TimesRole: return row.times;
    case FeedbackIdRole: return row.feedbackId;
    case StatusRole: return row.status;
    default: return {};
    }
}

QHash<int, QByteArray> VisitOfferModel::roleNames() const
{
    return {{ServiceIdRole, "serviceId"}, {NameRole, "name"},         {CategoryRole, "category"},
            {CategoryLabelRole, "categoryLabel"}, {PlaceRole, "place"}, {TimesRole, "times"},
            {FeedbackIdRole, "feedbackId"}, {StatusRole, "status"}};
}

// ---- HomeVisitController -----------------------------------------------------------------------

HomeVisitController::HomeVisitController(QObject* parent) : QObject(parent), m_offers(this)
{
    m_clock = [] { return QDateTime::currentDateTime(); };
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { flush(); });
}

HomeVisitController::~HomeVisitController() = default;

void HomeVisitController::setStore(sync::Store* store)
{
    if (store == m_store)
        return;
    if (!store)
        flush();  // normally done on aboutToLock already (invariant 5); harmless then
    closeVisit();
    m_store = store;
    m_repo = store ? std::make_unique<d::Repository>(*store) : nullptr;
}

void HomeVisitController::setStoreBusy(bool busy)
{
    m_busy = busy;
    if (!m_busy && !m_pending.empty())
        flush();
}

bool HomeVisitController::usable() const { return m_store && m_repo && !m_busy; }

bool HomeVisitController::ready()
{
    if (m_state != State::Open)
        return false;
    if (!usable()) {
        setError(tr("Einen Moment: Gerade wird synchronisiert. Bitte gleich noch einmal tippen."));
        return false;
    }
    return true;
}

QDateTime HomeVisitController::now() const { return m_clock(); }
QString HomeVisitController::today() const { return now().toString(QStringLiteral("yyyy-MM-dd")); }
QString HomeVisitController::nowTime() const { return now().toString(QStringLiteral("yyyy-MM-ddTHH:mm")); }

void HomeVisitController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void HomeVisitController::setError(const QString& message)
{
    if (message == m_error)
        return;
    m_error = message;
    emit errorMessageChanged();
}

void HomeVisitController::clearError() { setError({}); }

bool HomeVisitController::fail(const std::string& type, const d::Issues& issues, const QString& fallback)
{
    const QStringList texts = issueTexts(type, issues);
    setError(texts.isEmpty() ? fallback : texts.join(QLatin1Char(' ')));
    return false;
}

QVariantList HomeVisitController::categories() const
{
    QVariantList out;
    for (const char* id : offerCategoryIds())
        out.push_back(QVariantMap{{QStringLiteral("id"), QString::fromLatin1(id)},
                                  {QStringLiteral("label"), offerCategoryLabel(QString::fromLatin1(id))}});
    return out;
}

QVariantList HomeVisitController::barrierOptions() const
{
    QVariantList out;
    for (d::Barrier b : d::all_values<d::Barrier>())
        out.push_back(QVariantMap{{QStringLiteral("id"), q(std::string(d::to_string(b)))},
                                  {QStringLiteral("label"), barrierLabel(b)}});
    return out;
}

QVariantList HomeVisitController::resourceAreas() const
{
    QVariantList out;
    for (d::ResourceArea a : d::all_values<d::ResourceArea>())
        out.push_back(QVariantMap{{QStringLiteral("id"), q(std::string(d::to_string(a)))},
                                  {QStringLiteral("label"), areaLabel(a)}});
    return out;
}

QString HomeVisitController::openDraftFor(const QString& caseId) const
{
    if (!usable())
        return {};
    for (const d::ContactEvent& e : m_repo->contact_events(s(caseId))) {  // newest first
        if (e.status == d::ContactStatus::Draft && e.kind == d::ContactKind::HomeVisit)
            return q(e.id);
    }
    return {};
}

bool HomeVisitController::startVisit(const QString& caseId)
{
    if (m_state != State::Closed && caseId == m_caseId && m_state == State::Open)
        return true;
    flush();
    closeVisit();
    if (!usable()) {
        setError(tr("Der Speicher ist gerade beschäftigt. Bitte gleich noch einmal versuchen."));
        return false;
    }
    auto kase = m_repo->load<d::Case>(s(caseId));
    if (!kase) {
        setError(tr("Dieser Fall ist auf diesem Gerät nicht (mehr) vorhanden."));
        return false;
    }
    QString visitId = openDraftFor(caseId);
    m_resumed = !visitId.isEmpty();
    if (visitId.isEmpty()) {
        std::string worker;
        const sync::DeviceInfo* me = m_store->directory().device(m_store->device().id());
        worker = me && !me->name.empty() ? me->name : crypto::to_hex(m_store->device().id()).substr(0, 8);
        auto started = m_repo->start_visit(s(caseId), d::ContactKind::HomeVisit, s(nowTime()), worker);
        if (!started) {
            setError(tr("Der Besuch konnte nicht angelegt werden: %1").arg(q(started.failure().detail)));
            return false;
        }
        visitId = q(started->id);
        emit saved();
    }
    auto event = m_repo->load<d::ContactEvent>(s(visitId));
    if (!event) {
        setError(storeFailure(event.failure().detail));
        return false;
    }
    m_caseId = caseId;
    m_caseName = q(kase->name);
    m_socialSpace = q(kase->social_space);
    m_visitId = visitId;
    const QDateTime started = QDateTime::fromString(q(event->started_at), QStringLiteral("yyyy-MM-ddTHH:mm"));
    m_startedAt = started.isValid() ? QLocale().toString(started, QStringLiteral("dd.MM.yyyy, HH:mm")) : q(event->started_at);
    m_noteEntrusted = true;
    setError({});
    reload();
    reloadNote();
    setState(event->status == d::ContactStatus::Final ? State::Finalised : State::Open);
    emit visitChanged();
    return true;
}

void HomeVisitController::close()
{
    flush();
    closeVisit();
}

void HomeVisitController::closeVisit()
{
    m_debounce.stop();
    const bool hadPending = !m_pending.empty();
    m_pending.clear();
    if (hadPending)
        emit savePendingChanged();
    if (m_state == State::Closed)
        return;
    m_caseId.clear();
    m_caseName.clear();
    m_socialSpace.clear();
    m_visitId.clear();
    m_startedAt.clear();
    m_resumed = false;
    m_members.clear();
    m_missing.clear();
    m_howItems.clear();
    m_wills.clear();
    m_resources.clear();
    m_childSeen.clear();
    m_offers.setRows({});
    m_noteId.clear();
    m_noteText.clear();
    m_noteEntrusted = true;
    m_finalIssues.clear();
    setError({});
    setState(State::Closed);
    emit visitChanged();
    emit contentChanged();
    emit noteChanged();
}

void HomeVisitController::reload(bool notify)
{
    if (!usable() || m_visitId.isEmpty())
        return;
    const std::string caseId = s(m_caseId);
    auto event = m_repo->load<d::ContactEvent>(s(m_visitId));
    if (!event)
        return;

    m_members.clear();
    for (const d::Member& m : m_repo->members(caseId)) {
        const bool present = std::find(event->participants.begin(), event->participants.end(), m.person.id) !=
                             event->participants.end();
        m_members.push_back(QVariantMap{{QStringLiteral("personId"), q(m.person.id)},
                                        {QStringLiteral("name"), q(m.person.display_name())},
                                        {QStringLiteral("role"), q(std::string(d::to_string(m.member.role)))},
                                        {QStringLiteral("roleLabel"), roleLabel(m.member.role)},
                                        {QStringLiteral("present"), present}});
    }
    m_childSeen = event->child_seen == d::ChildSeen::Unknown ? QString() : q(std::string(d::to_string(event->child_seen)));

    // The family's answers per offer; the latest record per service counts.
    const std::vector<d::ServiceFeedback> feedback = m_repo->service_feedback(caseId);
    std::map<QString, const d::ServiceFeedback*> byService;
    for (const d::ServiceFeedback& f : feedback) {
        if (f.service_id.empty() || f.status == d::FeedbackStatus::MissingWanted)
            continue;
        const d::ServiceFeedback*& slot = byService[q(f.service_id)];
        if (!slot || slot->recorded_on <= f.recorded_on)
            slot = &f;
    }
    std::vector<VisitOfferModel::Row> rows;
    std::map<QString, QString> serviceNames;
    for (const OfferRow& o : offersInSocialSpace(*m_store, s(m_socialSpace))) {
        VisitOfferModel::Row row{o.id, o.name, o.category, o.place, o.times, {}, {}};
        serviceNames[o.id] = o.name;
        if (auto it = byService.find(o.id); it != byService.end()) {
            row.feedbackId = q(it->second->id);
            row.status = q(std::string(d::to_string(it->second->status)));
        }
        rows.push_back(std::move(row));
    }
    m_offers.setRows(std::move(rows));

    m_missing.clear();
    m_howItems.clear();
    for (const d::ServiceFeedback& f : feedback) {
        if (f.status != d::FeedbackStatus::MissingWanted)
            continue;
        QStringList barriers;
        for (d::Barrier b : f.barriers)
            barriers << q(std::string(d::to_string(b)));
        m_missing.push_back(QVariantMap{{QStringLiteral("id"), q(f.id)},
                                        {QStringLiteral("category"), q(f.category)},
                                        {QStringLiteral("categoryLabel"), offerCategoryLabel(q(f.category))},
                                        {QStringLiteral("wanted"), q(f.wanted)},
                                        {QStringLiteral("barriers"), barriers},
                                        {QStringLiteral("how"), q(f.how_it_would_have_to_be)}});
        m_howItems.push_back(QVariantMap{{QStringLiteral("id"), q(f.id)},
                                         {QStringLiteral("title"), q(f.wanted)},
                                         {QStringLiteral("subtitle"), tr("fehlt · %1").arg(offerCategoryLabel(q(f.category)))},
                                         {QStringLiteral("how"), q(f.how_it_would_have_to_be)}});
    }
    // Offers the family knows of but does not use (any more), or did not know: how would they have to be?
    for (const auto& [serviceId, f] : byService) {
        if (f->status == d::FeedbackStatus::Used)
            continue;
        const auto name = serviceNames.find(serviceId);
        m_howItems.push_back(QVariantMap{{QStringLiteral("id"), q(f->id)},
                                         {QStringLiteral("title"), name != serviceNames.end() ? name->second : serviceId},
                                         {QStringLiteral("subtitle"), statusLabel(f->status)},
                                         {QStringLiteral("how"), q(f->how_it_would_have_to_be)}});
    }

    std::map<std::string, QString> personNames;
    for (const d::Member& m : m_repo->members(caseId))
        personNames[m.person.id] = q(m.person.display_name());
    m_wills.clear();
    for (const d::WillStatement& w : m_repo->will_statements(caseId)) {
        m_wills.push_back(QVariantMap{{QStringLiteral("id"), q(w.id)},
                                      {QStringLiteral("personId"), q(w.person_id)},
                                      {QStringLiteral("personName"), personNames[w.person_id]},
                                      {QStringLiteral("text"), q(w.text)},
                                      {QStringLiteral("ownContribution"), q(w.own_contribution)},
                                      {QStringLiteral("isWill"), w.is_will()}});
    }
    m_resources.clear();
    for (const d::Resource& r : m_repo->resources(caseId)) {
        m_resources.push_back(QVariantMap{{QStringLiteral("id"), q(r.id)},
                                          {QStringLiteral("area"), q(std::string(d::to_string(r.area)))},
                                          {QStringLiteral("areaLabel"), areaLabel(r.area)},
                                          {QStringLiteral("text"), q(r.text)}});
    }

    // What still keeps the visit from being final; the end time is set on finalising, so it is
    // not something to ask for.
    d::ContactEvent candidate = *event;
    if (candidate.ended_at.empty())
        candidate.ended_at = s(nowTime());
    m_finalIssues = event->status == d::ContactStatus::Final ? QStringList()
                                                              : issueTexts(d::ContactEvent::kType, m_repo->check_final(candidate));
    if (notify)
        emit contentChanged();
}

void HomeVisitController::reloadNote()
{
    m_noteId.clear();
    m_noteText.clear();
    if (usable() && !m_visitId.isEmpty()) {
        const std::vector<d::Note> notes = m_repo->notes_of_visit(s(m_visitId));
        if (!notes.empty()) {
            m_noteId = q(notes.front().id);
            m_noteText = q(notes.front().text);
            m_noteEntrusted = notes.front().entrusted;
        }
    }
    emit noteChanged();
}

// Saves one answer through the repository (its checks are the domain's); on success clears the
// error, tells the sync indicator and reloads the lists; on refusal shows the issues in German.
template <class Record>
bool HomeVisitController::saveAnswer(Record& record)
{
    d::Issues issues;
    if (!m_repo->save(record, {nullptr, &issues}))
        return fail(Record::kType, issues, storeFailure({}));
    setError({});
    emit saved();
    reload();
    return true;
}

bool HomeVisitController::setPresent(const QString& personId, bool present)
{
    if (!ready())
        return false;
    flush();
    auto event = m_repo->load<d::ContactEvent>(s(m_visitId));
    if (!event)
        return fail(d::ContactEvent::kType, {}, storeFailure(event.failure().detail));
    auto& p = event->participants;
    const auto it = std::find(p.begin(), p.end(), s(personId));
    if (present == (it != p.end()))
        return true;
    if (present)
        p.push_back(s(personId));
    else
        p.erase(it);
    return saveAnswer(*event);
}

bool HomeVisitController::setChildSeen(const QString& value)
{
    if (!ready())
        return false;
    const auto seen = d::parse<d::ChildSeen>(s(value));
    if (!seen) {
        setError(tr("Unbekannte Angabe zum Kind."));
        return false;
    }
    flush();
    auto event = m_repo->load<d::ContactEvent>(s(m_visitId));
    if (!event)
        return fail(d::ContactEvent::kType, {}, storeFailure(event.failure().detail));
    event->child_seen = *seen;
    return saveAnswer(*event);
}

bool HomeVisitController::setOfferStatus(const QString& serviceId, const QString& status)
{
    if (!ready())
        return false;
    flush();
    QString feedbackId;
    for (const VisitOfferModel::Row& row : m_offers.rows()) {
        if (row.serviceId == serviceId)
            feedbackId = row.feedbackId;
    }
    if (status.isEmpty()) {  // the answer taken back
        if (!feedbackId.isEmpty() && !m_repo->remove(s(feedbackId))) {
            setError(storeFailure({}));
            return false;
        }
        emit saved();
        reload();
        return true;
    }
    const auto parsed = d::parse<d::FeedbackStatus>(s(status));
    if (!parsed || *parsed == d::FeedbackStatus::MissingWanted) {
        setError(tr("Unbekannte Antwort zu diesem Angebot."));
        return false;
    }
    d::ServiceFeedback f;
    if (!feedbackId.isEmpty()) {
        auto loaded = m_repo->load<d::ServiceFeedback>(s(feedbackId));
        if (!loaded)
            return fail(d::ServiceFeedback::kType, {}, storeFailure(loaded.failure().detail));
        f = std::move(*loaded);
    } else {
        f.case_id = s(m_caseId);
        f.service_id = s(serviceId);
    }
    f.status = *parsed;
    f.recorded_on = s(today());
    return saveAnswer(f);
}

QString HomeVisitController::addMissing(const QString& category, const QString& wanted)
{
    if (!ready())
        return {};
    flush();
    d::ServiceFeedback f;
    f.case_id = s(m_caseId);
    f.status = d::FeedbackStatus::MissingWanted;
    f.category = s(category);
    f.wanted = s(wanted.trimmed());
    f.recorded_on = s(today());
    return saveAnswer(f) ? q(f.id) : QString();
}

bool HomeVisitController::toggleBarrier(const QString& feedbackId, const QString& barrier)
{
    if (!ready())
        return false;
    const auto b = d::parse<d::Barrier>(s(barrier));
    if (!b) {
        setError(tr("Unbekannte Hürde."));
        return false;
    }
    flush();
    auto f = m_repo->load<d::ServiceFeedback>(s(feedbackId));
    if (!f || f->case_id != s(m_caseId))
        return fail(d::ServiceFeedback::kType, {}, tr("Dieser Eintrag gehört nicht zu diesem Besuch."));
    auto it = std::find(f->barriers.begin(), f->barriers.end(), *b);
    if (it == f->barriers.end())
        f->barriers.push_back(*b);
    else
        f->barriers.erase(it);
    return saveAnswer(*f);
}

QString HomeVisitController::addWill(const QString& personId, const QString& text, const QString& ownContribution)
{
    if (!ready())
        return {};
    flush();
    d::WillStatement w;
    w.case_id = s(m_caseId);
    w.person_id = s(personId);
    w.text = s(text.trimmed());
    w.own_contribution = s(ownContribution.trimmed());
    w.recorded_on = s(today());
    return saveAnswer(w) ? q(w.id) : QString();
}

QString HomeVisitController::addResource(const QString& area, const QString& text)
{
    if (!ready())
        return {};
    const auto a = d::parse<d::ResourceArea>(s(area));
    if (!a) {
        setError(tr("Wählen Sie einen Bereich für die Ressource."));
        return {};
    }
    flush();
    d::Resource r;
    r.case_id = s(m_caseId);
    r.area = *a;
    r.text = s(text.trimmed());
    return saveAnswer(r) ? q(r.id) : QString();
}

bool HomeVisitController::removeAnswer(const QString& id)
{
    if (!ready())
        return false;
    flush();
    const sync::Record* record = m_store->get(s(id));
    const bool ours = record && !record->deleted() && record->value("case_id").value_or(std::string()) == s(m_caseId) &&
                      (record->type == d::ServiceFeedback::kType || record->type == d::WillStatement::kType ||
                       record->type == d::Resource::kType);
    if (!ours) {
        setError(tr("Dieser Eintrag gehört nicht zu diesem Besuch."));
        return false;
    }
    if (!m_repo->remove(s(id))) {
        setError(storeFailure({}));
        return false;
    }
    setError({});
    emit saved();
    reload();
    return true;
}

bool HomeVisitController::setNoteEntrusted(bool entrusted)
{
    if (m_state != State::Open || !m_noteId.isEmpty())
        return false;  // fixed with the first save (see the header)
    if (entrusted != m_noteEntrusted) {
        m_noteEntrusted = entrusted;
        emit noteChanged();
    }
    return true;
}

void HomeVisitController::editText(const QString& id, const QString& field, const QString& text)
{
    if (m_state != State::Open || id.isEmpty())
        return;
    const bool was = !m_pending.empty();
    m_pending[s(id) + "\n" + s(field)] = Pending{s(id), s(field), s(text)};
    m_debounce.start();
    if (!was)
        emit savePendingChanged();
}

void HomeVisitController::editNote(const QString& text)
{
    if (m_state != State::Open)
        return;
    const bool was = !m_pending.empty();
    m_pending["\nnote"] = Pending{{}, "note", s(text)};
    m_noteText = text;  // what the field shows; no noteChanged: the field is the source while typing
    m_debounce.start();
    if (!was)
        emit savePendingChanged();
}

bool HomeVisitController::flush()
{
    m_debounce.stop();
    if (m_pending.empty())
        return true;
    if (!usable())
        return false;  // written when the store is back (setStoreBusy)
    std::map<std::string, Pending> pending;
    pending.swap(m_pending);
    bool allOk = true;
    for (const auto& [key, p] : pending) {
        if (!writePending(p))
            allOk = false;  // a refused text (e.g. emptied) is not kept: the store keeps the last good value
    }
    reload(false);  // the lists hold what was just written, for the views made next
    emit savePendingChanged();
    if (allOk)
        setError({});
    return true;
}

bool HomeVisitController::writePending(const Pending& p)
{
    if (p.field == "note")
        return writeNote(p.text);
    const sync::Record* record = m_store->get(p.id);
    if (!record || record->deleted() || record->value("case_id").value_or(std::string()) != s(m_caseId))
        return fail({}, {}, tr("Dieser Eintrag gehört nicht zu diesem Besuch."));
    d::Issues issues;
    bool ok = false;
    bool known = true;
    if (record->type == d::ServiceFeedback::kType) {
        auto f = m_repo->load<d::ServiceFeedback>(p.id);
        if (f && p.field == "wanted")
            f->wanted = p.text;
        else if (f && p.field == "how_it_would_have_to_be")
            f->how_it_would_have_to_be = p.text;
        else
            known = false;
        ok = known && f && m_repo->save(*f, {nullptr, &issues});
    } else if (record->type == d::WillStatement::kType) {
        auto w = m_repo->load<d::WillStatement>(p.id);
        if (w && p.field == "text")
            w->text = p.text;
        else if (w && p.field == "own_contribution")
            w->own_contribution = p.text;
        else
            known = false;
        ok = known && w && m_repo->save(*w, {nullptr, &issues});
    } else if (record->type == d::Resource::kType) {
        auto r = m_repo->load<d::Resource>(p.id);
        known = r && p.field == "text";
        if (known)
            r->text = p.text;
        ok = known && m_repo->save(*r, {nullptr, &issues});
    } else {
        known = false;
    }
    if (!known)
        return fail({}, {}, tr("Dieses Feld kann hier nicht bearbeitet werden."));
    if (!ok)
        return fail(record->type, issues, storeFailure({}));
    emit saved();
    return true;
}

bool HomeVisitController::writeNote(const std::string& text)
{
    d::Issues issues;
    if (m_noteId.isEmpty()) {
        if (d::blank(text))
            return true;  // nothing to keep yet
        d::Note note;
        note.case_id = s(m_caseId);
        note.contact_event_id = s(m_visitId);
        note.text = text;
        const sync::DeviceInfo* me = m_store->directory().device(m_store->device().id());
        note.author = me ? me->name : std::string();
        note.written_at = s(nowTime());
        note.entrusted = m_noteEntrusted;
        // Entrusted: the worker's confidential scope (the store's personal scope); else the case's.
        const sync::ScopeId personal = m_store->default_scope();
        if (!m_repo->save(note, {m_noteEntrusted ? &personal : nullptr, &issues}))
            return fail(d::Note::kType, issues, storeFailure({}));
        m_noteId = q(note.id);
        emit noteChanged();  // the scope is fixed now
    } else {
        auto note = m_repo->load<d::Note>(s(m_noteId));
        if (!note)
            return fail(d::Note::kType, {}, storeFailure(note.failure().detail));
        note->text = text;
        if (!m_repo->save(*note, {nullptr, &issues}))
            return fail(d::Note::kType, issues, storeFailure({}));
    }
    emit saved();
    return true;
}

QStringList HomeVisitController::checkFinal()
{
    flush();
    reload();
    return m_finalIssues;
}

bool HomeVisitController::finalise()
{
    if (!ready())
        return false;
    flush();
    auto event = m_repo->load<d::ContactEvent>(s(m_visitId));
    if (!event)
        return fail(d::ContactEvent::kType, {}, storeFailure(event.failure().detail));
    if (event->ended_at.empty())
        event->ended_at = s(nowTime());
    d::Issues issues = m_repo->check_final(*event);
    if (issues.empty()) {
        event->status = d::ContactStatus::Final;  // one commit: the end time and the status
        if (m_repo->save(*event, {nullptr, &issues})) {
            setError({});
            emit saved();
            reload();
            setState(State::Finalised);
            return true;
        }
    }
    m_finalIssues = issueTexts(d::ContactEvent::kType, issues);
    emit contentChanged();
    setError(m_finalIssues.isEmpty() ? storeFailure({}) : tr("Der Besuch ist noch nicht vollständig."));
    return false;
}

}  // namespace quartier::app
