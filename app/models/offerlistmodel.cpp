#include "models/offerlistmodel.h"

#include "adapters/domainlabels.h"

#include "sync/store/store.h"

#include <QPointF>

#include <algorithm>
#include <map>

namespace quartier::app {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

template <class E>
QString qid(const std::optional<E>& v)
{
    return v ? QString::fromLatin1(offers::to_id(*v).data(), qsizetype(offers::to_id(*v).size())) : QString();
}

template <class E>
QString qid(E v)
{
    return qid(std::optional<E>(v));
}

// A vocabulary's chips: [{id, label}] in its order.
template <class E>
QVariantList choices(const std::vector<E>& values, QString (*label)(const QString&))
{
    QVariantList out;
    for (E v : values)
        out.append(QVariantMap{{QStringLiteral("id"), qid(v)}, {QStringLiteral("label"), label(qid(v))}});
    return out;
}

std::optional<int> optAge(int v) { return v < 0 ? std::nullopt : std::optional<int>(v); }

using M = OfferListModel;
using offers::Service;

// Readers of the roles: a text member, an identifier member, and what needs the catalogue.
template <std::string Service::*member>
QVariant text(const M&, const Service& s)
{
    return qs(s.*member);
}

template <auto member>
QVariant identifier(const M&, const Service& s)
{
    return qid(s.*member);
}

QVariant provider(const M& model, const Service& s)
{
    const offers::Organization* org = model.catalogue().organization(s.organization);
    return org ? qs(org->name) : QString();
}

QVariant socialSpaceName(const M& model, const Service& s)
{
    const offers::SocialSpace* space = model.catalogue().resolve_social_space(s.social_space);
    return space ? qs(space->name) : qs(s.social_space);
}

const RoleColumn<M, Service> kRoles[] = {
    {M::NameRole, "name", text<&Service::name>},
    {M::IdRole, "serviceId", text<&Service::id>},
    {M::ProviderRole, "provider", provider},
    {M::CategoryRole, "category", identifier<&Service::category>},
    {M::CategoryLabelRole, "categoryLabel", [](const M&, const Service& s) { return QVariant(M::categoryLabel(qid(s.category))); }},
    {M::SocialSpaceNameRole, "socialSpaceName", socialSpaceName},
    {M::PlaceRole, "place", text<&Service::place>},
    {M::TimesRole, "times", text<&Service::times>},
    {M::AgeLabelRole, "ageLabel", [](const M&, const Service& s) { return QVariant(M::ageLabel(s.age_min, s.age_max)); }},
    {M::CostRole, "cost", identifier<&Service::cost>},
    {M::CostLabelRole, "costLabel", [](const M&, const Service& s) { return QVariant(M::costLabel(qid(s.cost))); }},
    {M::AccessRole, "access", identifier<&Service::access>},
    {M::AccessLabelRole, "accessLabel", [](const M&, const Service& s) { return QVariant(M::accessLabel(qid(s.access))); }},
    {M::LastVerifiedRole, "lastVerified", text<&Service::last_verified>},
    {M::StaleRole, "stale", [](const M& model, const Service& s) { return QVariant(model.stale(qs(s.last_verified))); }},
    {M::ConflictedRole, "conflicted", rowMember<&Service::conflicted>},
};

}  // namespace

OfferListModel::OfferListModel(QObject* parent)
    : StoreListModel(parent), m_today([] { return QDate::currentDate(); })
{
    setRoles(kRoles, [](const OfferListModel& m, int row) -> const offers::Service& {
        return m.m_catalogue.services()[m.m_rows[std::size_t(row)]];
    });
}

void OfferListModel::setStore(const sync::Store* store)
{
    m_store = store;
    refresh();
}

void OfferListModel::reread()
{
    reset(true);
}

void OfferListModel::setToday(std::function<QDate()> today)
{
    m_today = std::move(today);
    if (!m_rows.empty())
        emit dataChanged(index(0), index(count() - 1), {StaleRole});
}

void OfferListModel::setSearchText(const QString& text)
{
    if (!assign(m_searchText, text))
        return;
    emit searchTextChanged();
    reset(false);
}

void OfferListModel::setCategory(const QString& id) { setFilterValue(m_category, id); }
void OfferListModel::setSocialSpace(const QString& id) { setFilterValue(m_socialSpace, id); }
void OfferListModel::setAccess(const QString& id) { setFilterValue(m_access, id); }
void OfferListModel::setFreeOnly(bool on) { setFilterValue(m_freeOnly, on); }
void OfferListModel::setAgeFrom(int age) { setFilterValue(m_ageFrom, age < 0 ? -1 : age); }
void OfferListModel::setAgeTo(int age) { setFilterValue(m_ageTo, age < 0 ? -1 : age); }

void OfferListModel::refilter()
{
    emit filterChanged();
    reset(false);
}

bool OfferListModel::filtering() const { return !filter().empty(); }

void OfferListModel::clearFilters()
{
    if (!filtering())
        return;
    m_category.clear();
    m_socialSpace.clear();
    m_access.clear();
    m_freeOnly = false;
    m_ageFrom = m_ageTo = -1;
    refilter();
}

offers::Filter OfferListModel::filter() const
{
    offers::Filter f;
    f.category = offers::category_from_id(m_category.toStdString());
    f.social_space = m_socialSpace.toStdString();
    f.access = offers::access_from_id(m_access.toStdString());
    if (m_freeOnly)
        f.max_cost = offers::Cost::Free;
    f.age_from = optAge(m_ageFrom);
    f.age_to = optAge(m_ageTo);
    return f;
}

void OfferListModel::reset(bool readStore)
{
    const int before = count();
    const int totalBefore = totalCount();
    beginResetModel();
    if (readStore) {
        m_catalogue = m_store ? offers::Catalogue::load(*m_store) : offers::Catalogue();
        m_index = offers::SearchIndex(m_catalogue);
        m_spaces = buildSocialSpaces();
        m_organizations = buildOrganizations();
    }
    const std::vector<std::uint32_t>& found = m_index.search(m_searchText.toStdString(), filter());
    m_rows.assign(found.begin(), found.end());
    endResetModel();
    if (readStore)
        emit catalogueChanged();
    if (before != count() || totalBefore != totalCount())
        emit countChanged();
}

QVariantList OfferListModel::categories() const { return choices(offers::all_categories(), categoryLabel); }
QVariantList OfferListModel::accesses() const { return choices(offers::all_accesses(), accessLabel); }
QVariantList OfferListModel::costs() const { return choices(offers::all_costs(), costLabel); }

QVariantList OfferListModel::ageBands() const
{
    const auto band = [](int from, int to, const QString& label) {
        return QVariantMap{{QStringLiteral("from"), from}, {QStringLiteral("to"), to}, {QStringLiteral("label"), label}};
    };
    return {band(0, 2, tr("0–2 Jahre")), band(3, 5, tr("3–5 Jahre")), band(6, 11, tr("6–11 Jahre")),
            band(12, 17, tr("12–17 Jahre")), band(18, offers::kMaxAge, tr("Erwachsene"))};
}

QVariantList OfferListModel::socialSpaceChoices(const QString& current) const
{
    QVariantList out;
    if (m_catalogue.social_spaces().empty())
        return out;
    const auto choice = [](const QString& name) {
        return QVariantMap{{QStringLiteral("value"), name}, {QStringLiteral("label"), name}};
    };
    for (const offers::SocialSpace& s : m_catalogue.social_spaces())
        out.push_back(choice(QString::fromStdString(s.name)));
    const QString kept = current.trimmed();
    if (!kept.isEmpty()) {
        const offers::SocialSpace* space = m_catalogue.resolve_social_space(kept.toStdString());
        if (!space)
            out.push_back(choice(kept));
    }
    return out;
}

QVariantList OfferListModel::buildSocialSpaces() const
{
    std::map<std::string, int> offersIn;
    for (const offers::Service& s : m_catalogue.services())
        if (const offers::SocialSpace* space = m_catalogue.resolve_social_space(s.social_space))
            ++offersIn[space->id];
    QVariantList out;
    for (const offers::SocialSpace& s : m_catalogue.social_spaces()) {
        QVariantList outline;
        for (const offers::Point& p : s.outline)
            outline.append(QVariant::fromValue(QPointF(p.x, p.y)));
        QVariantList byCategory;
        const auto missing = m_catalogue.missing().find(s.id);
        if (missing != m_catalogue.missing().end()) {
            std::vector<std::pair<int, std::string>> sorted;  // most named first
            for (const auto& [category, n] : missing->second)
                sorted.emplace_back(-n, category);
            std::sort(sorted.begin(), sorted.end());
            for (const auto& [negative, category] : sorted) {
                const QString id = qs(category);
                byCategory.append(QVariantMap{{QStringLiteral("category"), id},
                                              {QStringLiteral("label"), id.isEmpty() ? tr("ohne Kategorie") : categoryLabel(id)},
                                              {QStringLiteral("count"), -negative}});
            }
        }
        out.append(QVariantMap{{QStringLiteral("id"), qs(s.id)},
                               {QStringLiteral("name"), qs(s.name)},
                               {QStringLiteral("region"), qs(s.region)},
                               {QStringLiteral("outline"), outline},
                               {QStringLiteral("offers"), offersIn[s.id]},
                               {QStringLiteral("missing"), m_catalogue.missing_in(s.id)},
                               {QStringLiteral("missingByCategory"), byCategory}});
    }
    return out;
}

QVariantList OfferListModel::buildOrganizations() const
{
    QVariantList out;
    for (const offers::Organization& o : m_catalogue.organizations())
        out.append(QVariantMap{{QStringLiteral("id"), qs(o.id)},
                               {QStringLiteral("name"), qs(o.name)},
                               {QStringLiteral("kindLabel"), orgKindLabel(qid(o.kind))},
                               {QStringLiteral("phone"), qs(o.phone)},
                               {QStringLiteral("email"), qs(o.email)}});
    return out;
}

int OfferListModel::missingTotal() const
{
    int n = m_catalogue.unplaced_missing();
    for (const offers::SocialSpace& s : m_catalogue.social_spaces())
        n += m_catalogue.missing_in(s.id);
    return n;
}

QVariantMap OfferListModel::offer(const QString& id) const
{
    const offers::Service* s = m_catalogue.service(id.toStdString());
    if (!s)
        return {};
    QVariantMap map;
    for (const auto& [field, value] : offers::fields_of(*s))
        map.insert(qs(field), qs(value));
    map.insert(QStringLiteral("id"), qs(s->id));
    const offers::Organization* org = m_catalogue.organization(s->organization);
    map.insert(QStringLiteral("providerName"), org ? qs(org->name) : QString());
    map.insert(QStringLiteral("providerKind"), org ? orgKindLabel(qid(org->kind)) : QString());
    map.insert(QStringLiteral("providerPhone"), org ? qs(org->phone) : QString());
    map.insert(QStringLiteral("providerEmail"), org ? qs(org->email) : QString());
    map.insert(QStringLiteral("providerWebsite"), org ? qs(org->website) : QString());
    const offers::SocialSpace* space = m_catalogue.resolve_social_space(s->social_space);
    map.insert(QStringLiteral("socialSpaceName"), space ? qs(space->name) : qs(s->social_space));
    map.insert(QStringLiteral("categoryLabel"), categoryLabel(qid(s->category)));
    map.insert(QStringLiteral("accessLabel"), accessLabel(qid(s->access)));
    map.insert(QStringLiteral("costLabel"), costLabel(qid(s->cost)));
    map.insert(QStringLiteral("ageLabel"), ageLabel(s->age_min, s->age_max));
    map.insert(QStringLiteral("verifiedLabel"), verifiedLabel(qs(s->last_verified)));
    map.insert(QStringLiteral("stale"), stale(qs(s->last_verified)));
    map.insert(QStringLiteral("conflicted"), s->conflicted);
    return map;
}

int OfferListModel::rowOf(const QString& id) const
{
    const std::string wanted = id.toStdString();
    for (int row = 0; row < count(); ++row)
        if (m_catalogue.services()[m_rows[std::size_t(row)]].id == wanted)
            return row;
    return -1;
}

QString OfferListModel::categoryLabel(const QString& id)
{
    return choiceLabel(QStringLiteral("offer_category"), id);  // one vocabulary, one set of labels
}

QString OfferListModel::accessLabel(const QString& id)
{
    static constexpr IdLabel labels[] = {{"low_threshold", QT_TR_NOOP("Niedrigschwellig")},
                                         {"registration", QT_TR_NOOP("Mit Anmeldung")},
                                         {"help_plan", QT_TR_NOOP("Über Hilfeplan")}};
    return labelFor(labels, id, staticMetaObject.className());
}

QString OfferListModel::costLabel(const QString& id)
{
    static constexpr IdLabel labels[] = {
        {"free", QT_TR_NOOP("Kostenlos")}, {"low", QT_TR_NOOP("Geringe Kosten")}, {"fee", QT_TR_NOOP("Kostenpflichtig")}};
    return labelFor(labels, id, staticMetaObject.className());
}

QString OfferListModel::orgKindLabel(const QString& id)
{
    static constexpr IdLabel labels[] = {{"public", QT_TR_NOOP("Öffentlicher Träger")},
                                         {"free", QT_TR_NOOP("Freier Träger")},
                                         {"church", QT_TR_NOOP("Kirchlicher Träger")},
                                         {"club", QT_TR_NOOP("Verein / Ehrenamt")}};
    return labelFor(labels, id, staticMetaObject.className());
}

QString OfferListModel::ageLabel(const std::optional<int>& min, const std::optional<int>& max)
{
    // No %n plurals: the German source strings are what German users read.
    if (min && max && *min == *max)
        return *min == 0 ? tr("unter 1 Jahr") : *min == 1 ? tr("1 Jahr") : tr("%1 Jahre").arg(*min);
    if (min && max)
        return tr("%1–%2 Jahre").arg(*min).arg(*max);
    if (min)
        return *min == 1 ? tr("ab 1 Jahr") : tr("ab %1 Jahren").arg(*min);
    if (max)
        return *max == 1 ? tr("bis 1 Jahr") : tr("bis %1 Jahre").arg(*max);
    return tr("alle Altersgruppen");
}

QString OfferListModel::verifiedLabel(const QString& iso) const
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    if (!date.isValid())
        return tr("Noch nie geprüft");
    return tr("Zuletzt geprüft am %1").arg(date.toString(QStringLiteral("dd.MM.yyyy")));
}

bool OfferListModel::stale(const QString& iso) const
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return !date.isValid() || date.daysTo(m_today()) > kStaleDays;
}

}  // namespace quartier::app
