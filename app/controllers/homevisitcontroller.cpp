#include "controllers/homevisitcontroller.h"
#include "controllers/homevisit_detail.h"

#include "adapters/drafts.h"
#include "controllers/casecontroller.h"

#include "adapters/domainlabels.h"
#include "adapters/issuetext.h"
#include "adapters/storeproblem.h"
#include "models/offerlistmodel.h"

#include "domain/schema.h"
#include "crypto/crypto.h"
#include "sync/store/store.h"

#include <QCoreApplication>

#include <algorithm>

namespace quartier::app {

namespace d = quartier::domain;

using namespace homevisit_detail;

namespace {

// The domain's words come from DomainLabels, the one place that names its identifiers.
template <class E>
QString label(const char* kind, E value)
{
    return choiceLabel(QString::fromLatin1(kind), q(std::string(d::to_string(value))));
}

// A choice list of DomainLabels as the visit's chips take it: [{id, label}] in the domain's order.
QVariantList options(const char* kind)
{
    QVariantList out;
    for (const QVariant& entry : choiceList(QString::fromLatin1(kind))) {
        const QVariantMap m = entry.toMap();
        out.push_back(QVariantMap{{QStringLiteral("id"), m.value(QStringLiteral("value"))},
                                  {QStringLiteral("label"), m.value(QStringLiteral("label"))}});
    }
    return out;
}

// A stored date "YYYY-MM-DD" as the pages show it, "12.03.2026"; anything else as it is.
QString shownDate(const std::string& date)
{
    const QDate d = QDate::fromString(q(date), QStringLiteral("yyyy-MM-dd"));
    return d.isValid() ? d.toString(QStringLiteral("dd.MM.yyyy")) : q(date);
}

using Offer = VisitOfferModel::Row;

const RoleColumn<VisitOfferModel, Offer> kVisitOfferRoles[] = {
    {VisitOfferModel::NameRole, "name", rowMember<&Offer::name>},
    {VisitOfferModel::ServiceIdRole, "serviceId", rowMember<&Offer::serviceId>},
    {VisitOfferModel::CategoryRole, "category", rowMember<&Offer::category>},
    {VisitOfferModel::CategoryLabelRole, "categoryLabel",
     [](const VisitOfferModel&, const Offer& row) { return QVariant(OfferListModel::categoryLabel(row.category)); }},
    {VisitOfferModel::PlaceRole, "place", rowMember<&Offer::place>},
    {VisitOfferModel::TimesRole, "times", rowMember<&Offer::times>},
    {VisitOfferModel::FeedbackIdRole, "feedbackId", rowMember<&Offer::feedbackId>},
    {VisitOfferModel::StatusRole, "status", rowMember<&Offer::status>},
    {VisitOfferModel::EarlierRole, "earlier", rowMember<&Offer::earlier>},
};

}  // namespace

// ---- VisitOfferModel ---------------------------------------------------------------------------

VisitOfferModel::VisitOfferModel(QObject* parent) : ListModel(parent)
{
    setRoles(kVisitOfferRoles, [](const VisitOfferModel& m, int row) -> const Offer& { return m.m_rows[std::size_t(row)]; });
}

void VisitOfferModel::setRows(std::vector<Row> rows)
{
    resetRows([&] { m_rows = std::move(rows); });
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

// ---- HomeVisitController -----------------------------------------------------------------------

HomeVisitController::HomeVisitController(QObject* parent) : QObject(parent), m_offers(this)
{
    m_clock = [] { return QDateTime::currentDateTime(); };
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { writeTexts(false); });
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
    refreshOpenVisits();
}

void HomeVisitController::refreshOpenVisits()
{
    QStringList cases;
    if (m_store && !m_busy) {
        // The held state of a visit a purge took goes with it (adapters/drafts.h).
        forgetDraftsOfGoneRecords(*m_store, kVisitDraftPrefix);
        const std::string homeVisit(d::to_string(d::ContactKind::HomeVisit));
        const std::string draft(d::to_string(d::ContactStatus::Draft));
        for (const sync::Record* r : m_store->list(d::ContactEvent::kType)) {
            if (r->value("kind") == homeVisit && r->value("status") == draft)
                cases << q(r->value("case_id").value_or(std::string()));
        }
        cases.removeDuplicates();
    } else if (m_store) {
        return;  // lent to a job: the last list stays until the store is back
    }
    if (cases != m_casesWithOpenVisit) {
        m_casesWithOpenVisit = cases;
        emit openVisitsChanged();
    }
}

void HomeVisitController::setStoreBusy(bool busy)
{
    m_busy = busy;
    if (!m_busy && savePending())
        writeTexts(false);
    if (!m_busy)
        refreshOpenVisits();  // a sync may have brought or finished a visit
}

bool HomeVisitController::usable() const { return m_store && m_repo && !m_busy; }

bool HomeVisitController::ready()
{
    if (closedForEdits())
        return false;
    if (!usable()) {
        setError(tr("Einen Moment: Gerade wird synchronisiert. Bitte gleich noch einmal tippen."));
        return false;
    }
    // A tap after a write found no room: re-read the store first (invariant 6).
    if (!recoverForWrite(*m_store)) {
        setError(storeProblemText(*m_store));
        return false;
    }
    return true;
}

QString HomeVisitController::storeFailureText() const
{
    if (m_store && m_store->failed())
        return storeProblemText(*m_store);  // a full disk says so, and what to do
    return tr("Speichern ist fehlgeschlagen. Ihre Eingabe ist noch da; bitte versuchen Sie es erneut.");
}

QDateTime HomeVisitController::now() const { return m_clock(); }
QString HomeVisitController::today() const { return now().toString(QStringLiteral("yyyy-MM-dd")); }
QString HomeVisitController::nowTime() const { return now().toString(QStringLiteral("yyyy-MM-ddTHH:mm")); }

void HomeVisitController::clearError() { setError({}); }

bool HomeVisitController::fail(const std::string& type, const d::Issues& issues, const QString& fallback)
{
    const QStringList texts = issueTexts(type, issues);
    setError(texts.isEmpty() ? fallback : texts.join(QLatin1Char(' ')));
    return false;
}

// The offer map's categories, then "other" for a wanted offer that fits none (DomainLabels).
QVariantList HomeVisitController::categories() const { return options("offer_category"); }

QVariantList HomeVisitController::barrierOptions() const { return options("barrier"); }

QVariantList HomeVisitController::howCategoryOptions() const { return options("how_category"); }

QVariantList HomeVisitController::resourceAreas() const { return options("resource_area"); }

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
        setError(tr("Der Datenspeicher ist gerade beschäftigt. Bitte gleich noch einmal versuchen."));
        return false;
    }
    if (!recoverForWrite(*m_store)) {  // a visit is written at once: a Failed store is re-read first
        setError(storeProblemText(*m_store));
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
        auto started = m_repo->start_visit(s(caseId), d::ContactKind::HomeVisit, s(nowTime()), s(workerName()));
        if (!started) {
            setError(m_store->failed() ? storeProblemText(*m_store)
                                       : tr("Der Hausbesuch konnte nicht angelegt werden. Versuchen Sie es erneut; "
                                            "hilft das nicht, wenden Sie sich an Ihre Administration (technische "
                                            "Angabe: %1).").arg(q(started.failure().detail)));
            return false;
        }
        visitId = q(started->id);
        emit saved();
        refreshOpenVisits();
    }
    auto event = m_repo->load<d::ContactEvent>(s(visitId));
    if (!event) {
        setError(storeFailureText());
        return false;
    }
    m_caseId = caseId;
    m_caseName = q(kase->name);
    m_socialSpace = q(kase->social_space);
    m_catalogue = offers::Catalogue::load(*m_store);
    m_offerIndex = offers::SearchIndex(m_catalogue);
    const offers::SocialSpace* space = m_catalogue.resolve_social_space(kase->social_space);
    m_spaceId = space ? space->id : std::string();
    if (!m_offerSearch.isEmpty()) {
        m_offerSearch.clear();
        emit offerSearchChanged();
    }
    m_visitId = visitId;
    const QDateTime started = QDateTime::fromString(q(event->started_at), QStringLiteral("yyyy-MM-ddTHH:mm"));
    m_startedAt = started.isValid() ? QLocale().toString(started, QStringLiteral("dd.MM.yyyy, HH:mm")) : q(event->started_at);
    m_noteEntrusted = true;
    setError({});
    readDraftState();  // the step it was left at and what its add forms held (invariant 1)
    reload();
    reloadNote();
    setState(event->status == d::ContactStatus::Final ? State::Finalised : State::Open);
    emit visitChanged();
    return true;
}

QString HomeVisitController::workerName() const
{
    if (!m_store)
        return {};
    const std::string worker = m_store->setting(CaseController::kWorkerSetting).value_or(std::string());
    if (!d::blank(worker))
        return q(worker);
    const sync::DeviceInfo* me = m_store->directory().device(m_store->device().id());
    return q(me && !me->name.empty() ? me->name : crypto::to_hex(m_store->device().id()).substr(0, 8));
}

bool HomeVisitController::closedForEdits()
{
    if (m_state == State::Open)
        return false;
    if (m_state == State::Finalised)
        setError(tr("Dieser Besuch ist abgeschlossen und kann nicht mehr geändert werden."));
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
    const bool hadPending = savePending();
    m_pending.clear();
    m_heldDirty = false;
    if (hadPending)
        emit savePendingChanged();
    if (m_state == State::Closed)
        return;
    m_held.clear();
    m_step = 0;
    m_earlierMissing.clear();
    m_earlierWills.clear();
    m_earlierResources.clear();
    m_unlisted.clear();
    m_earlierUnlisted.clear();
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
    m_catalogue = offers::Catalogue();
    m_offerIndex = offers::SearchIndex();
    m_spaceId.clear();
    m_answers.clear();
    if (!m_offerSearch.isEmpty()) {
        m_offerSearch.clear();
        emit offerSearchChanged();
    }
    m_noteId.clear();
    m_noteText.clear();
    m_noteEntrusted = true;
    m_finalIssues.clear();
    setError({});
    setState(State::Closed);
    emit visitChanged();
    emit contentChanged();
    emit noteChanged();
    emit stepChanged();
    emit heldChanged();
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
        const auto in = [&](const std::vector<std::string>& ids) {
            return std::find(ids.begin(), ids.end(), m.person.id) != ids.end();
        };
        m_members.push_back(QVariantMap{{QStringLiteral("personId"), q(m.person.id)},
                                        {QStringLiteral("name"), q(m.person.display_name())},
                                        {QStringLiteral("role"), q(std::string(d::to_string(m.member.role)))},
                                        {QStringLiteral("roleLabel"), label("member_role", m.member.role)},
                                        {QStringLiteral("present"), present},
                                        {QStringLiteral("isChild"), m.member.role == d::MemberRole::Child},
                                        {QStringLiteral("seen"), in(event->children_seen)       ? QStringLiteral("yes")
                                                                 : in(event->children_not_seen) ? QStringLiteral("no")
                                                                                                : QString()}});
    }
    m_childSeen = event->child_seen == d::ChildSeen::Unknown ? QString() : q(std::string(d::to_string(event->child_seen)));

    // The family's answers per offer: this visit's (the latest if there are several) and the
    // latest of an earlier one, shown beside it (see "today / earlier" in the header).
    const std::string visitId = s(m_visitId);
    const std::vector<d::ServiceFeedback> feedback = m_repo->service_feedback(caseId);
    std::map<QString, const d::ServiceFeedback*> byService, earlierByService;
    for (const d::ServiceFeedback& f : feedback) {
        if (f.service_id.empty() || f.status == d::FeedbackStatus::MissingWanted)
            continue;
        const d::ServiceFeedback*& slot = (f.contact_event_id == visitId ? byService : earlierByService)[q(f.service_id)];
        if (!slot || slot->recorded_on <= f.recorded_on)
            slot = &f;
    }
    m_answers.clear();
    for (const auto& [serviceId, f] : byService)
        m_answers[serviceId] = Answer{q(f->id), q(std::string(d::to_string(f->status))), {}};
    for (const auto& [serviceId, f] : earlierByService)
        m_answers[serviceId].earlier = tr("%1 · %2").arg(label("feedback_status", f->status), shownDate(f->recorded_on));
    searchOffers();

    m_missing.clear();
    m_howItems.clear();
    m_earlierMissing.clear();
    for (const d::ServiceFeedback& f : feedback) {
        if (f.status != d::FeedbackStatus::MissingWanted)
            continue;
        if (f.contact_event_id != visitId) {
            m_earlierMissing.push_back(QVariantMap{{QStringLiteral("id"), q(f.id)},
                                                   {QStringLiteral("categoryLabel"), OfferListModel::categoryLabel(q(f.category))},
                                                   {QStringLiteral("wanted"), q(f.wanted)},
                                                   {QStringLiteral("how"), q(f.how_it_would_have_to_be)},
                                                   {QStringLiteral("date"), shownDate(f.recorded_on)}});
            continue;
        }
        QStringList barriers;
        for (d::Barrier b : f.barriers)
            barriers << q(std::string(d::to_string(b)));
        m_missing.push_back(QVariantMap{{QStringLiteral("id"), q(f.id)},
                                        {QStringLiteral("category"), q(f.category)},
                                        {QStringLiteral("categoryLabel"), OfferListModel::categoryLabel(q(f.category))},
                                        {QStringLiteral("wanted"), q(f.wanted)},
                                        {QStringLiteral("barriers"), barriers},
                                        {QStringLiteral("how"), q(f.how_it_would_have_to_be)}});
        m_howItems.push_back(QVariantMap{{QStringLiteral("id"), q(f.id)},
                                         {QStringLiteral("title"), q(f.wanted)},
                                         {QStringLiteral("subtitle"), tr("fehlt · %1").arg(OfferListModel::categoryLabel(q(f.category)))},
                                         {QStringLiteral("how"), q(f.how_it_would_have_to_be)},
                                         {QStringLiteral("howCategory"), q(std::string(d::to_string(f.how_category)))}});
    }
    // Offers the family named that are not on the map: today's (how would they have to be, if not
    // used) and earlier ones, read-only.
    m_unlisted.clear();
    m_earlierUnlisted.clear();
    for (const d::ServiceFeedback& f : feedback) {
        if (f.offer_name.empty() || !f.service_id.empty() || f.status == d::FeedbackStatus::MissingWanted)
            continue;
        const bool today = f.contact_event_id == visitId;
        (today ? m_unlisted : m_earlierUnlisted)
            .push_back(QVariantMap{{QStringLiteral("id"), q(f.id)},
                                   {QStringLiteral("name"), q(f.offer_name)},
                                   {QStringLiteral("place"), q(f.offer_place)},
                                   {QStringLiteral("categoryLabel"), OfferListModel::categoryLabel(q(f.category))},
                                   {QStringLiteral("status"), q(std::string(d::to_string(f.status)))},
                                   {QStringLiteral("statusLabel"), label("feedback_status", f.status)},
                                   {QStringLiteral("date"), shownDate(f.recorded_on)}});
        if (today && f.status != d::FeedbackStatus::Used)
            m_howItems.push_back(QVariantMap{{QStringLiteral("id"), q(f.id)},
                                             {QStringLiteral("title"), q(f.offer_name)},
                                             {QStringLiteral("subtitle"), tr("nicht auf der Karte · %1").arg(label("feedback_status", f.status))},
                                             {QStringLiteral("how"), q(f.how_it_would_have_to_be)},
                                             {QStringLiteral("howCategory"), q(std::string(d::to_string(f.how_category)))}});
    }
    // Offers the family knows of but does not use (any more), or did not know: how would they have to be?
    for (const auto& [serviceId, f] : byService) {
        if (f->status == d::FeedbackStatus::Used)
            continue;
        const offers::Service* service = m_catalogue.service(s(serviceId));
        m_howItems.push_back(QVariantMap{{QStringLiteral("id"), q(f->id)},
                                         {QStringLiteral("title"), service ? q(service->name) : serviceId},
                                         {QStringLiteral("subtitle"), label("feedback_status", f->status)},
                                         {QStringLiteral("how"), q(f->how_it_would_have_to_be)},
                                         {QStringLiteral("howCategory"), q(std::string(d::to_string(f->how_category)))}});
    }

    std::map<std::string, QString> personNames;
    for (const d::Member& m : m_repo->members(caseId))
        personNames[m.person.id] = q(m.person.display_name());
    m_wills.clear();
    m_earlierWills.clear();
    for (const d::WillStatement& w : m_repo->will_statements(caseId)) {
        (w.contact_event_id == visitId ? m_wills : m_earlierWills)
            .push_back(QVariantMap{{QStringLiteral("id"), q(w.id)},
                                   {QStringLiteral("personId"), q(w.person_id)},
                                   {QStringLiteral("personName"), personNames[w.person_id]},
                                   {QStringLiteral("text"), q(w.text)},
                                   {QStringLiteral("ownContribution"), q(w.own_contribution)},
                                   {QStringLiteral("isWill"), w.is_will()},
                                   {QStringLiteral("date"), shownDate(w.recorded_on)}});
    }
    m_resources.clear();
    m_earlierResources.clear();
    for (const d::Resource& r : m_repo->resources(caseId)) {
        (r.contact_event_id == visitId ? m_resources : m_earlierResources)
            .push_back(QVariantMap{{QStringLiteral("id"), q(r.id)},
                                   {QStringLiteral("area"), q(std::string(d::to_string(r.area)))},
                                   {QStringLiteral("areaLabel"), label("resource_area", r.area)},
                                   {QStringLiteral("text"), q(r.text)}});
    }

    // What still keeps the visit from being final; the end time is set on finalising, so it is
    // not something to ask for.
    d::ContactEvent candidate = *event;
    if (candidate.ended_at.empty())
        candidate.ended_at = s(nowTime());
    m_finalIssues = event->status == d::ContactStatus::Final ? QStringList()
                                                              : issueTexts(d::ContactEvent::kType, m_repo->check_final(candidate));
    if (event->status != d::ContactStatus::Final)
        m_finalIssues << heldIssues();
    if (notify)
        emit contentChanged();
}

void HomeVisitController::setOfferSearch(const QString& text)
{
    if (!assign(m_offerSearch, text))
        return;
    emit offerSearchChanged();
    searchOffers();  // the index only: typing never touches the store
}

int HomeVisitController::offersInSpace() const
{
    return m_spaceId.empty() ? 0 : m_catalogue.services_in(m_spaceId);
}

void HomeVisitController::searchOffers()
{
    std::vector<VisitOfferModel::Row> rows;
    if (!m_spaceId.empty()) {  // a case without a known social space has no offers around it
        offers::Filter filter;
        filter.social_space = m_spaceId;
        for (const std::uint32_t position : m_offerIndex.search(s(m_offerSearch), filter)) {
            const offers::Service& o = m_catalogue.services()[position];
            VisitOfferModel::Row row{q(o.id), q(o.name), o.category ? q(std::string(offers::to_id(*o.category))) : QString(),
                                     q(o.place), q(o.times), {}, {}, {}};
            if (auto it = m_answers.find(row.serviceId); it != m_answers.end()) {
                row.feedbackId = it->second.feedbackId;
                row.status = it->second.status;
                row.earlier = it->second.earlier;
            }
            rows.push_back(std::move(row));
        }
    }
    m_offers.setRows(std::move(rows));
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
    if (!m_repo->save(record, reporting(issues)))
        return fail(Record::kType, issues, storeFailureText());
    setError({});
    emit saved();
    reload();
    return true;
}

// A new answer of the visit: of its case, recorded today.
template <class Record>
QString HomeVisitController::addAnswer(Record record)
{
    if (!ready())
        return {};
    flush();
    record.case_id = s(m_caseId);
    record.contact_event_id = s(m_visitId);  // today's answer (see "today / earlier")
    record.recorded_on = s(today());
    return saveAnswer(record) ? q(record.id) : QString();
}

std::optional<d::ContactEvent> HomeVisitController::readyEvent()
{
    if (!ready())
        return std::nullopt;
    flush();
    auto event = m_repo->load<d::ContactEvent>(s(m_visitId));
    if (!event) {
        fail(d::ContactEvent::kType, {}, storeFailureText());
        return std::nullopt;
    }
    return std::move(*event);
}

bool HomeVisitController::setPresent(const QString& personId, bool present)
{
    auto event = readyEvent();
    if (!event)
        return false;
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

template <class Choice>
std::optional<Choice> HomeVisitController::parseAnswer(const QString& value, const QString& unknown)
{
    if (!ready())
        return std::nullopt;
    const auto choice = d::parse<Choice>(s(value));
    if (!choice) {
        setError(unknown);
        return std::nullopt;
    }
    flush();
    return choice;
}

bool HomeVisitController::setChildSeen(const QString& value)
{
    const auto seen = parseAnswer<d::ChildSeen>(value, tr("Unbekannte Angabe zum Kind."));
    if (!seen)
        return false;
    auto event = m_repo->load<d::ContactEvent>(s(m_visitId));
    if (!event)
        return fail(d::ContactEvent::kType, {}, storeFailureText());
    event->child_seen = *seen;
    return saveAnswer(*event);
}

bool HomeVisitController::setChildSeenFor(const QString& personId, const QString& value)
{
    if (!value.isEmpty() && value != QLatin1String("yes") && value != QLatin1String("no")) {
        setError(tr("Unbekannte Angabe zum Kind."));
        return false;
    }
    auto event = readyEvent();
    if (!event)
        return false;
    std::vector<std::string> children;
    for (const d::Member& m : m_repo->members(event->case_id))
        if (m.member.role == d::MemberRole::Child)
            children.push_back(m.person.id);
    const std::string id = s(personId);
    if (std::find(children.begin(), children.end(), id) == children.end()) {
        setError(tr("Dieses Kind gehört nicht zu diesem Fall."));
        return false;
    }
    for (auto* list : {&event->children_seen, &event->children_not_seen})
        list->erase(std::remove(list->begin(), list->end(), id), list->end());
    if (value == QLatin1String("yes"))
        event->children_seen.push_back(id);
    else if (value == QLatin1String("no"))
        event->children_not_seen.push_back(id);
    // The summary: no as soon as one child was not seen; yes once every child was seen; open
    // while a child is unanswered (the visit cannot be finished then).
    const std::size_t answered = event->children_seen.size() + event->children_not_seen.size();
    event->child_seen = !event->children_not_seen.empty() ? d::ChildSeen::No
                        : answered == children.size()  ? d::ChildSeen::Yes
                                                        : d::ChildSeen::Unknown;
    return saveAnswer(*event);
}

bool HomeVisitController::setOfferStatus(const QString& serviceId, const QString& status)
{
    if (!ready())
        return false;
    flush();
    // This visit's answer, also for an offer the current search hides; an earlier visit's stays.
    const auto answer = m_answers.find(serviceId);
    const QString feedbackId = answer != m_answers.end() ? answer->second.feedbackId : QString();
    if (status.isEmpty()) {  // the answer taken back
        if (!feedbackId.isEmpty() && !m_repo->remove(s(feedbackId))) {
            setError(storeFailureText());
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
            return fail(d::ServiceFeedback::kType, {}, storeFailureText());
        f = std::move(*loaded);
    } else {
        f.case_id = s(m_caseId);
        f.contact_event_id = s(m_visitId);
        f.service_id = s(serviceId);
    }
    f.status = *parsed;
    f.recorded_on = s(today());
    return saveAnswer(f);
}

QString HomeVisitController::addUnlistedOffer(const QString& name, const QString& category, const QString& place,
                                              const QString& status)
{
    const auto answer = parseAnswer<d::FeedbackStatus>(status, tr("Wählen Sie, ob die Familie das Angebot kennt oder nutzt."));
    if (!answer)
        return {};
    if (*answer == d::FeedbackStatus::MissingWanted || *answer == d::FeedbackStatus::Unknown) {
        setError(tr("Ein Angebot, das die Familie nennt, kennt sie: bekannt, genutzt oder früher genutzt."));
        return {};
    }
    d::ServiceFeedback f;
    f.status = *answer;
    f.category = s(category);
    f.offer_name = s(name.trimmed());
    f.offer_place = s(place.trimmed());
    const QString id = addAnswer(std::move(f));
    if (!id.isEmpty())
        forgetHeld({"unlisted.name", "unlisted.place", "unlisted.category", "unlisted.status"});
    return id;
}

QString HomeVisitController::addMissing(const QString& category, const QString& wanted)
{
    d::ServiceFeedback f;
    f.status = d::FeedbackStatus::MissingWanted;
    f.category = s(category);
    f.wanted = s(wanted.trimmed());
    const QString id = addAnswer(std::move(f));
    if (!id.isEmpty())
        forgetHeld({"missing.category", "missing.wanted"});
    return id;
}

bool HomeVisitController::toggleBarrier(const QString& feedbackId, const QString& barrier)
{
    const auto b = parseAnswer<d::Barrier>(barrier, tr("Unbekannte Hürde."));
    if (!b)
        return false;
    auto f = m_repo->load<d::ServiceFeedback>(s(feedbackId));
    if (!f || f->case_id != s(m_caseId) || f->contact_event_id != s(m_visitId))
        return fail(d::ServiceFeedback::kType, {}, tr("Dieser Eintrag gehört nicht zu diesem Besuch."));
    auto it = std::find(f->barriers.begin(), f->barriers.end(), *b);
    if (it == f->barriers.end())
        f->barriers.push_back(*b);
    else
        f->barriers.erase(it);
    return saveAnswer(*f);
}

bool HomeVisitController::setHowCategory(const QString& feedbackId, const QString& category)
{
    const auto c = parseAnswer<d::HowCategory>(category, tr("Unbekannte Kategorie."));  // writes typed text first
    if (!c)
        return false;
    auto f = m_repo->load<d::ServiceFeedback>(s(feedbackId));
    if (!f || f->case_id != s(m_caseId) || f->contact_event_id != s(m_visitId))
        return fail(d::ServiceFeedback::kType, {}, tr("Dieser Eintrag gehört nicht zu diesem Besuch."));
    f->how_category = *c;
    return saveAnswer(*f);
}

QString HomeVisitController::addWill(const QString& personId, const QString& text, const QString& ownContribution)
{
    d::WillStatement w;
    w.person_id = s(personId);
    w.text = s(text.trimmed());
    w.own_contribution = s(ownContribution.trimmed());
    const QString id = addAnswer(std::move(w));
    if (!id.isEmpty())
        forgetHeld({"will.text", "will.own"});  // the person stays chosen for the next statement
    return id;
}

QString HomeVisitController::addResource(const QString& area, const QString& text)
{
    const auto a = parseAnswer<d::ResourceArea>(area, tr("Wählen Sie einen Bereich für die Ressource."));
    if (!a)
        return {};
    d::Resource r;
    r.case_id = s(m_caseId);
    r.contact_event_id = s(m_visitId);
    r.area = *a;
    r.text = s(text.trimmed());
    if (!saveAnswer(r))
        return {};
    forgetHeld({"resource.area", "resource.text"});
    return q(r.id);
}

bool HomeVisitController::removeAnswer(const QString& id)
{
    if (!ready())
        return false;
    flush();
    const sync::Record* record = m_store->get(s(id));
    const bool ours = record && !record->deleted() && record->value("case_id").value_or(std::string()) == s(m_caseId) &&
                      record->value("contact_event_id").value_or(std::string()) == s(m_visitId) &&
                      (record->type == d::ServiceFeedback::kType || record->type == d::WillStatement::kType ||
                       record->type == d::Resource::kType);
    if (!ours) {
        setError(tr("Dieser Eintrag gehört nicht zu diesem Besuch."));
        return false;
    }
    if (!m_repo->remove(s(id))) {
        setError(storeFailureText());
        return false;
    }
    setError({});
    emit saved();
    reload();
    return true;
}

bool HomeVisitController::setNoteEntrusted(bool entrusted)
{
    if (closedForEdits() || !m_noteId.isEmpty())
        return false;  // fixed with the first save (see the header)
    if (entrusted != m_noteEntrusted) {
        m_noteEntrusted = entrusted;
        emit noteChanged();
    }
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
    auto event = readyEvent();
    if (!event)
        return false;
    if (event->ended_at.empty())
        event->ended_at = s(nowTime());
    d::Issues issues = m_repo->check_final(*event);
    if (const QStringList held = heldIssues(); !held.isEmpty()) {  // typed but not confirmed
        m_finalIssues = issueTexts(d::ContactEvent::kType, issues) + held;
        emit contentChanged();
        setError(tr("Der Besuch ist noch nicht vollständig."));
        return false;
    }
    if (issues.empty()) {
        event->status = d::ContactStatus::Final;  // one commit: the end time and the status
        if (m_repo->save(*event, reporting(issues))) {
            setError({});
            emit saved();
            reload();
            m_held.clear();
            m_heldDirty = false;
            // The draft state has served; if it cannot go now it is only a step and empty slots.
            (void)m_store->set_setting(kVisitDraftPrefix + s(m_visitId), std::string());
            emit heldChanged();
            setState(State::Finalised);
            refreshOpenVisits();
            return true;
        }
    }
    m_finalIssues = issueTexts(d::ContactEvent::kType, issues);
    emit contentChanged();
    setError(m_finalIssues.isEmpty() ? storeFailureText() : tr("Der Besuch ist noch nicht vollständig."));
    return false;
}

}  // namespace quartier::app
