#include "controllers/caseforms.h"

#include "adapters/recordvalues.h"
#include "controllers/sessioncontroller.h"

#include "sync/store/store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <type_traits>
#include <utility>

namespace quartier::app {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }

// Defaults a new record takes from the open case and the day (only where QML gave nothing).
struct NewContext {
    std::string caseId;
    std::string today;
    std::string now;
    std::string worker;
};
template <class T>
void defaults(T& r, const NewContext& c)
{
    r.case_id = c.caseId;
    if constexpr (requires { r.recorded_on; })
        if (r.recorded_on.empty()) r.recorded_on = c.today;
    if constexpr (requires { r.set_on; })
        if (r.set_on.empty()) r.set_on = c.today;
    if constexpr (requires { r.assessed_on; })
        if (r.assessed_on.empty()) r.assessed_on = c.today;
    if constexpr (requires { r.assessed_by; })
        if (r.assessed_by.empty()) r.assessed_by = c.worker;
    if constexpr (requires { r.written_at; }) {
        if (r.written_at.empty()) r.written_at = c.now;
        if (r.author.empty()) r.author = c.worker;
    }
}

// The outcome of a domain call as a FormOutcome.
template <class T>
FormOutcome outcomeOf(const domain::Result<T>& result, domain::Issues issues)
{
    FormOutcome out;
    if (result) {
        out.ok = true;
        if constexpr (std::is_same_v<T, std::string>)
            out.id = *result;
        return out;
    }
    out.error = result.error();
    if (out.error == domain::Error::Invalid)
        out.issues = std::move(issues);
    return out;
}
// A record id of another case in a form of this one: refused, never written across cases.
FormOutcome ofOtherCase()
{
    FormOutcome out;
    out.error = domain::Error::WrongType;
    out.otherCase = true;
    return out;
}

FormOutcome refused(domain::Issues issues)
{
    FormOutcome out;
    out.error = domain::Error::Invalid;
    out.issues = std::move(issues);
    return out;
}

// Saves a record the form was applied to, unless reading the form found issues already.
template <class T>
FormOutcome saveApplied(domain::Repository& repo, T& record, domain::Issues issues)
{
    if (!issues.empty())
        return refused(std::move(issues));
    domain::SaveOptions options;
    options.issues = &issues;
    auto saved = repo.save(record, options);
    return outcomeOf(saved, std::move(issues));
}

FormOutcome saveCaseFields(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    auto loaded = repo.load<domain::Case>(ctx.caseId);
    if (!loaded)
        return outcomeOf(loaded, {});
    domain::Issues issues;
    applyValues(*loaded, values, issues);
    return saveApplied(repo, *loaded, std::move(issues));
}

template <class T>
FormOutcome saveTyped(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    const QString recordId = values.value(QStringLiteral("id")).toString();
    T record;
    if (!recordId.isEmpty()) {
        auto loaded = repo.load<T>(ss(recordId));
        if (!loaded)
            return outcomeOf(loaded, {});
        if (loaded->case_id != ctx.caseId)
            return ofOtherCase();
        record = std::move(*loaded);
    }
    domain::Issues issues;
    applyValues(record, values, issues);
    if (recordId.isEmpty())
        defaults(record, NewContext{ctx.caseId, ctx.today, ctx.now, ctx.worker});
    return saveApplied(repo, record, std::move(issues));
}

FormOutcome saveMember(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    const QString memberId = values.value(QStringLiteral("id")).toString();
    domain::Person person;
    domain::CaseMember member;
    if (!memberId.isEmpty()) {
        auto m = repo.load<domain::CaseMember>(ss(memberId));
        if (!m)
            return outcomeOf(m, {});
        auto p = repo.load<domain::Person>(m->person_id);
        if (!p)
            return outcomeOf(p, {});
        member = std::move(*m);
        person = std::move(*p);
    } else {
        person.case_id = ctx.caseId;
        member.case_id = ctx.caseId;
    }
    domain::Issues issues;
    applyValues(person, values, issues);
    applyValues(member, values, issues);
    if (!issues.empty())
        return refused(std::move(issues));
    // The person and its membership land together or not at all.
    domain::Batch batch(repo);
    domain::SaveOptions options;
    options.issues = &issues;
    auto personSaved = batch.save(person, options);
    if (!personSaved)
        return outcomeOf(personSaved, std::move(issues));
    member.person_id = person.id;
    auto memberSaved = batch.save(member, options);
    if (!memberSaved)
        return outcomeOf(memberSaved, std::move(issues));
    auto committed = batch.commit();
    return outcomeOf(committed, std::move(issues));
}

// A new case: this device's worker leads it and it opens today unless the form says otherwise.
FormOutcome saveNewCase(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    domain::Case record;
    record.opened_on = ctx.today;
    record.lead_worker = ctx.worker;
    domain::Issues issues;
    applyValues(record, values, issues);
    return saveApplied(repo, record, std::move(issues));
}

FormOutcome notFound()
{
    FormOutcome out;
    out.error = domain::Error::NotFound;
    return out;
}

// One contact of a network map: values "id" "<map id>/<index>" edits that contact; without it the
// contact is added to the case's newest map, or to a new one drawn today.
FormOutcome saveContact(domain::Repository& repo, const FormContext& ctx, const QVariantMap& values)
{
    const QString rowId = values.value(QStringLiteral("id")).toString();
    domain::NetworkMap map;
    std::size_t index = 0;
    if (!rowId.isEmpty()) {
        const qsizetype slash = rowId.lastIndexOf(QLatin1Char('/'));
        bool numeric = false;
        const int at = slash > 0 ? rowId.mid(slash + 1).toInt(&numeric) : -1;
        if (!numeric || at < 0)
            return notFound();
        auto loaded = repo.load<domain::NetworkMap>(ss(rowId.left(slash)));
        if (!loaded)
            return outcomeOf(loaded, {});
        if (loaded->case_id != ctx.caseId)
            return ofOtherCase();
        if (std::size_t(at) >= loaded->contacts.size())
            return notFound();
        map = std::move(*loaded);
        index = std::size_t(at);
    } else {
        std::vector<domain::NetworkMap> maps = repo.network_maps(ctx.caseId);
        if (!maps.empty()) {
            map = std::move(maps.front());
        } else {
            map.case_id = ctx.caseId;
            map.drawn_on = ctx.today;
        }
        map.contacts.emplace_back();
        index = map.contacts.size() - 1;
    }
    domain::Issues issues;
    applyValues(map.contacts[index], values, issues);
    if (!issues.empty())
        return refused(std::move(issues));
    domain::SaveOptions options;
    options.issues = &issues;
    auto saved = repo.save(map, options);
    // The issues of this contact belong under the form's fields ("contacts[2].name" is "name").
    const std::string own = "contacts[" + std::to_string(index) + "].";
    for (domain::Issue& issue : issues)
        if (issue.field.rfind(own, 0) == 0)
            issue.field.erase(0, own.size());
    return outcomeOf(saved, std::move(issues));
}

// The record dialog's types (target "record") and how each is saved.
using SaveRecordForm = FormOutcome (*)(domain::Repository&, const FormContext&, const QVariantMap&);
constexpr std::pair<const char*, SaveRecordForm> kRecordForms[] = {
    {"member", saveMember},
    {domain::WillStatement::kType, saveTyped<domain::WillStatement>},
    {domain::Goal::kType, saveTyped<domain::Goal>},
    {domain::ActionStep::kType, saveTyped<domain::ActionStep>},
    {domain::Resource::kType, saveTyped<domain::Resource>},
    {domain::Note::kType, saveTyped<domain::Note>},
    {domain::RiskAssessment::kType, saveTyped<domain::RiskAssessment>},
    {domain::Mandate::kType, saveTyped<domain::Mandate>},
    {domain::Requirement::kType, saveTyped<domain::Requirement>},
    {domain::Measure::kType, saveTyped<domain::Measure>},
};

}  // namespace

FormOutcome saveForm(domain::Repository& repo, const FormContext& ctx, const QString& target, const QString& type,
                     const QVariantMap& values)
{
    FormOutcome unknown;
    unknown.error = domain::Error::WrongType;
    if (target == QLatin1String("newCase"))
        return saveNewCase(repo, ctx, values);
    if (ctx.caseId.empty())
        return unknown;
    if (target == QLatin1String("case"))
        return saveCaseFields(repo, ctx, values);
    if (target == QLatin1String("contact"))
        return saveContact(repo, ctx, values);

    if (target != QLatin1String("record"))
        return unknown;
    for (const auto& [recordType, save] : kRecordForms) {
        if (type == QLatin1String(recordType))
            return save(repo, ctx, values);
    }
    return unknown;
}

std::string formDraftKey(const std::string& place) { return std::string(kFormDraftPrefix) + place; }

std::string formDraftJson(const std::string& place, const QVariantMap& form, const QString& recordId, const QVariantMap& values,
                          const domain::Issues& issues, const QString& savedAt)
{
    QVariantList issueList;
    for (const domain::Issue& issue : issues)
        issueList << QVariantMap{{QStringLiteral("field"), qs(issue.field)},
                                 {QStringLiteral("reason"), qs(std::string(domain::to_string(issue.reason)))},
                                 {QStringLiteral("detail"), qs(issue.detail)}};
    QVariantMap keptForm = form;
    keptForm.remove(QStringLiteral("restoredFrom"));  // a marker of the form it came from, not of this draft
    const QString target = form.value(QStringLiteral("target"), QStringLiteral("record")).toString();
    const QVariantMap draft{
        {QStringLiteral("case_id"), place == kNewCaseDraftPlace ? QString() : qs(place)},
        {QStringLiteral("target"), target},
        {QStringLiteral("type"), target == QLatin1String("record") ? form.value(QStringLiteral("recordType")).toString() : QString()},
        {QStringLiteral("id"), recordId},
        {QStringLiteral("form"), keptForm},
        {QStringLiteral("values"), values},
        {QStringLiteral("issues"), issueList},
        {QStringLiteral("saved_at"), savedAt}};
    return QJsonDocument(QJsonObject::fromVariantMap(draft)).toJson(QJsonDocument::Compact).toStdString();
}

bool writeFormDraft(sync::Store& store, const std::string& place, const QVariantMap& form, const QString& recordId,
                    const QVariantMap& values, const domain::Issues& issues, const QString& savedAt)
{
    return bool(store.set_setting(formDraftKey(place), formDraftJson(place, form, recordId, values, issues, savedAt)));
}

QVariantMap readFormDraft(const sync::Store& store, const std::string& place)
{
    const std::string json = store.setting(formDraftKey(place)).value_or(std::string());
    if (json.empty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject())
        return {};
    QVariantMap draft = doc.object().toVariantMap();
    const QString savedAt = draft.value(QStringLiteral("saved_at")).toString();
    const QDateTime at = QDateTime::fromString(savedAt, QStringLiteral("yyyy-MM-ddTHH:mm"));
    draft.insert(QStringLiteral("savedAtText"), at.isValid() ? at.toString(QStringLiteral("dd.MM.yyyy, HH:mm")) : savedAt);
    return draft;
}

std::optional<domain::Reason> reasonFrom(const std::string& text)
{
    for (int r = int(domain::Reason::Required); r <= int(domain::Reason::Immutable); ++r)
        if (domain::to_string(domain::Reason(r)) == text)
            return domain::Reason(r);
    return std::nullopt;
}

AtLock keepAtLock(domain::Repository& repo, sync::Store& store, const LockedForm& f)
{
    const FormOutcome out = saveForm(repo, f.ctx, f.target, f.type, f.values);
    if (out.ok) {
        if (!f.restoredFrom.isEmpty()
            && readFormDraft(store, f.place).value(QStringLiteral("saved_at")).toString() == f.restoredFrom)
            (void)store.set_setting(formDraftKey(f.place), std::string());
        return AtLock::Saved;
    }
    const std::string draft = formDraftJson(f.place, f.form, f.recordId, f.formValues, out.issues, f.savedAt);
    if (out.error != domain::Error::Store && store.set_setting(formDraftKey(f.place), draft))
        return AtLock::Kept;
    // The store failed (a full disk): the draft waits sealed to this device, in memory, for the
    // next unlock, which writes it (docs/app.md, "A store that fails while unlocked").
    if (!f.held)
        return AtLock::Failed;
    f.held->add(store.hold_setting(formDraftKey(f.place), draft));
    return AtLock::Held;
}

}  // namespace quartier::app
