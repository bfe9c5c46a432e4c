#include "offers.h"

#include "normalize.h"

#include "crypto/crypto.h"
#include "sync/client/roles.h"
#include "sync/protocol/wire.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <tuple>

namespace quartier::offers {

namespace {

template <class E>
struct Vocabulary {
    E value;
    std::string_view id;
};

constexpr Vocabulary<Category> kCategories[] = {
    {Category::Sports, "sports"},       {Category::FamilyCentre, "family_centre"},
    {Category::Counselling, "counselling"}, {Category::YouthWork, "youth_work"},
    {Category::Group, "group"},         {Category::Daycare, "daycare"},
    {Category::School, "school"},       {Category::Culture, "culture"},
    {Category::Health, "health"},
};
constexpr Vocabulary<Access> kAccesses[] = {
    {Access::LowThreshold, "low_threshold"}, {Access::Registration, "registration"}, {Access::HelpPlan, "help_plan"}};
constexpr Vocabulary<Cost> kCosts[] = {{Cost::Free, "free"}, {Cost::Low, "low"}, {Cost::Fee, "fee"}};
constexpr Vocabulary<OrgKind> kOrgKinds[] = {
    {OrgKind::Public, "public"}, {OrgKind::Free, "free"}, {OrgKind::Church, "church"}, {OrgKind::Club, "club"}};

// A vocabulary's values in its order, built once (one table per enumeration).
template <class E, std::size_t N>
const std::vector<E>& values(const Vocabulary<E> (&table)[N])
{
    static const std::vector<E> out = [&] {
        std::vector<E> v;
        for (const auto& row : table)
            v.push_back(row.value);
        return v;
    }();
    return out;
}

template <class E, std::size_t N>
std::string_view id_of(const Vocabulary<E> (&table)[N], E value)
{
    for (const auto& row : table)
        if (row.value == value)
            return row.id;
    return {};
}

template <class E, std::size_t N>
std::optional<E> from_id(const Vocabulary<E> (&table)[N], std::string_view id)
{
    for (const auto& row : table)
        if (row.id == id)
            return row.value;
    return std::nullopt;
}

template <class E>
std::string opt_id(const std::optional<E>& v)
{
    return v ? std::string(to_id(*v)) : std::string();
}

std::string opt_int(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }

std::string value(const sync::Record& r, const char* field) { return r.value(field).value_or(std::string()); }

bool trimmed_empty(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void check_required(std::vector<FieldError>& errors, const char* field, std::string_view v)
{
    if (trimmed_empty(v))
        errors.push_back({field, Reason::Required});
    else if (v.size() > kMaxName)
        errors.push_back({field, Reason::TooLong});
}

void check_length(std::vector<FieldError>& errors, const char* field, std::string_view v, std::size_t max)
{
    if (v.size() > max)
        errors.push_back({field, Reason::TooLong});
}

bool valid_email(std::string_view e)
{
    const auto at = e.find('@');
    if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view domain = e.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size())
        return false;
    return std::none_of(e.begin(), e.end(), [](char c) { return c == ' ' || c == '\t' || c == ',' || c == ';'; });
}

bool valid_phone(std::string_view p)
{
    int digits = 0;
    for (char c : p) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ' && c != '+' && c != '-' && c != '/' && c != '(' && c != ')')
            return false;
    }
    return digits >= 3;
}

bool valid_url(std::string_view u)
{
    for (std::string_view scheme : {std::string_view("https://"), std::string_view("http://")})
        if (u.substr(0, scheme.size()) == scheme)
            return u.size() > scheme.size() + 3 && u.find(' ') == std::string_view::npos &&
                   u.substr(scheme.size()).find('.') != std::string_view::npos;
    return false;
}

void check_contact(std::vector<FieldError>& errors, const std::string& phone, const std::string& email,
                   const std::string& website)
{
    if (!phone.empty() && (phone.size() > 40 || !valid_phone(phone)))
        errors.push_back({"phone", Reason::InvalidPhone});
    if (!email.empty() && (email.size() > 254 || !valid_email(email)))
        errors.push_back({"email", Reason::InvalidEmail});
    if (!website.empty() && (website.size() > 500 || !valid_url(website)))
        errors.push_back({"website", Reason::InvalidUrl});
}

std::string describe(const std::vector<FieldError>& errors)
{
    std::string out;
    for (const FieldError& e : errors) {
        if (!out.empty())
            out += ", ";
        out += e.field + ": " + std::string(to_string(e.reason));
    }
    return out;
}

// Stages `fields` of record `id` (new if empty) into the writer: only values that differ from
// what the store holds (invariant 2); a new record into the offer directory scope (invariant 4).
Result<std::string> stage_fields(sync::Writer& writer, sync::Store& store, const char* type, std::string id,
                                 const std::vector<std::pair<std::string, std::string>>& fields)
{
    const sync::Record* existing = nullptr;
    std::optional<sync::ScopeId> scope;
    if (!id.empty()) {
        existing = store.get(id);
        if (!existing || existing->deleted() || existing->type != type)
            return {Error::NotFound, std::string(type) + " " + id};
    } else {
        auto s = ensure_offer_scope(store);
        if (!s)
            return s.failure();
        scope = *s;
    }
    for (const auto& [field, v] : fields) {
        if (existing) {
            const auto it = existing->fields.find(field);
            // An open conflict is resolved by saving: a person looked at it and chose.
            if (it != existing->fields.end() && it->second.conflicted()) {
                if (auto r = writer.resolve(id, field, v); !r)
                    return {Error::Store, std::string(sync::to_string(r.error())) + ": " + r.detail()};
                continue;
            }
            const std::string current = it == existing->fields.end() ? std::string() : it->second.winner().value;
            if (current == v)
                continue;
        } else if (v.empty()) {
            continue;  // a new record needs no empty fields
        }
        auto r = writer.set(type, id, field, v, scope ? &*scope : nullptr);
        if (!r)
            return {Error::Store, std::string(sync::to_string(r.error())) + ": " + r.detail()};
        id = *r;
        scope.reset();  // the record exists in the writer now: its later fields follow it
    }
    if (id.empty()) {  // a new record whose every field was empty: validation prevents this
        return {Error::Invalid, "no fields"};
    }
    return id;
}

}  // namespace

// ---- vocabularies ------------------------------------------------------------------------------

const std::vector<Category>& all_categories() { return values(kCategories); }
const std::vector<Access>& all_accesses() { return values(kAccesses); }
const std::vector<Cost>& all_costs() { return values(kCosts); }
const std::vector<OrgKind>& all_org_kinds() { return values(kOrgKinds); }
std::string_view to_id(Category c) { return id_of(kCategories, c); }
std::string_view to_id(Access a) { return id_of(kAccesses, a); }
std::string_view to_id(Cost c) { return id_of(kCosts, c); }
std::string_view to_id(OrgKind k) { return id_of(kOrgKinds, k); }
std::optional<Category> category_from_id(std::string_view id)
{
    if (auto c = from_id(kCategories, id))
        return c;
    // Ids the case side's demo data and older records used before the vocabulary was one.
    static constexpr Vocabulary<Category> kFormer[] = {{Category::FamilyCentre, "family_education"},
                                                       {Category::Daycare, "childcare"},
                                                       {Category::Culture, "leisure"},
                                                       {Category::School, "learning"}};
    return from_id(kFormer, id);
}

std::optional<std::string> feedback_category(std::string_view id)
{
    if (id.empty() || id == kOtherCategory)
        return std::string(id);
    if (const auto c = category_from_id(id))
        return std::string(to_id(*c));
    return std::nullopt;
}
std::optional<Access> access_from_id(std::string_view id) { return from_id(kAccesses, id); }
std::optional<Cost> cost_from_id(std::string_view id) { return from_id(kCosts, id); }
std::optional<OrgKind> org_kind_from_id(std::string_view id) { return from_id(kOrgKinds, id); }

std::string_view to_string(Reason r)
{
    switch (r) {
    case Reason::Required: return "required";
    case Reason::TooLong: return "too_long";
    case Reason::UnknownValue: return "unknown_value";
    case Reason::NotANumber: return "not_a_number";
    case Reason::OutOfRange: return "out_of_range";
    case Reason::MinAboveMax: return "min_above_max";
    case Reason::InvalidDate: return "invalid_date";
    case Reason::FutureDate: return "future_date";
    case Reason::InvalidEmail: return "invalid_email";
    case Reason::InvalidPhone: return "invalid_phone";
    case Reason::InvalidUrl: return "invalid_url";
    case Reason::UnknownReference: return "unknown_reference";
    case Reason::InvalidOutline: return "invalid_outline";
    }
    return "unknown";
}

std::string_view to_string(Error e)
{
    switch (e) {
    case Error::Invalid: return "invalid";
    case Error::NotFound: return "not found";
    case Error::Store: return "store";
    case Error::Denied: return "denied";
    }
    return "unknown";
}

// ---- helpers -----------------------------------------------------------------------------------

bool valid_date(std::string_view iso)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return false;
    auto num = [&](std::size_t pos, std::size_t len, int& out) {
        const char* first = iso.data() + pos;
        const auto [ptr, ec] = std::from_chars(first, first + len, out);
        return ec == std::errc() && ptr == first + len;
    };
    int y = 0, m = 0, d = 0;
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d) || y < 1900 || m < 1 || m > 12 || d < 1)
        return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<int> parse_age(std::string_view text)
{
    if (text.empty() || text.size() > 3)
        return std::nullopt;
    int v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return v;
}

std::string format_outline(const std::vector<Point>& outline)
{
    std::string out;
    char buf[48];
    for (const Point& p : outline) {
        std::snprintf(buf, sizeof buf, "%s%.4g,%.4g", out.empty() ? "" : " ", p.x, p.y);
        out += buf;
    }
    return out;
}

std::optional<std::vector<Point>> parse_outline(std::string_view text)
{
    std::vector<Point> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == ' ') {
            ++pos;
            continue;
        }
        const std::size_t end = std::min(text.find(' ', pos), text.size());
        const std::string_view pair = text.substr(pos, end - pos);
        const auto comma = pair.find(',');
        if (comma == std::string_view::npos)
            return std::nullopt;
        Point p;
        const auto rx = std::from_chars(pair.data(), pair.data() + comma, p.x);
        const auto ry = std::from_chars(pair.data() + comma + 1, pair.data() + pair.size(), p.y);
        if (rx.ec != std::errc() || rx.ptr != pair.data() + comma || ry.ec != std::errc() ||
            ry.ptr != pair.data() + pair.size() || p.x < 0 || p.x > 1 || p.y < 0 || p.y > 1)
            return std::nullopt;
        out.push_back(p);
        pos = end;
    }
    if (out.size() < 3)
        return std::nullopt;
    return out;
}

// ---- records <-> types ---------------------------------------------------------------------------

namespace {

// How a member is stored (docs/offers.md, "Records"): text as it is, a vocabulary value by its
// id, an age as a decimal, an outline as "x,y x,y ..."; "" for unset.
void decode(const std::string& v, std::string& member) { member = v; }
void decode(const std::string& v, std::optional<Category>& member) { member = category_from_id(v); }
void decode(const std::string& v, std::optional<Access>& member) { member = access_from_id(v); }
void decode(const std::string& v, std::optional<Cost>& member) { member = cost_from_id(v); }
void decode(const std::string& v, std::optional<OrgKind>& member) { member = org_kind_from_id(v); }
void decode(const std::string& v, std::optional<int>& member) { member = parse_age(v); }
void decode(const std::string& v, std::vector<Point>& member) { member = parse_outline(v).value_or(std::vector<Point>{}); }

std::string encode(const std::string& member) { return member; }
template <class E>
std::string encode(const std::optional<E>& member) { return opt_id(member); }
std::string encode(const std::optional<int>& member) { return opt_int(member); }
std::string encode(const std::vector<Point>& member) { return format_outline(member); }

// One stored field of T: its name and the member that holds it.
template <class T, class M>
struct Stored {
    const char* name;
    M T::*member;
};

// Every stored field of each type, in schema order (the order fields_of() writes them in).
template <class T>
struct Schema;

// clang-format off
template <> struct Schema<SocialSpace> { static constexpr auto fields = std::tuple{
    Stored{"name", &SocialSpace::name}, Stored{"region", &SocialSpace::region}, Stored{"outline", &SocialSpace::outline}}; };
template <> struct Schema<Organization> { static constexpr auto fields = std::tuple{
    Stored{"name", &Organization::name}, Stored{"kind", &Organization::kind}, Stored{"address", &Organization::address},
    Stored{"phone", &Organization::phone}, Stored{"email", &Organization::email}, Stored{"website", &Organization::website}}; };
template <> struct Schema<Service> { static constexpr auto fields = std::tuple{
    Stored{"name", &Service::name}, Stored{"organization", &Service::organization}, Stored{"category", &Service::category},
    Stored{"social_space", &Service::social_space}, Stored{"description", &Service::description},
    Stored{"place", &Service::place}, Stored{"address", &Service::address}, Stored{"times", &Service::times},
    Stored{"age_min", &Service::age_min}, Stored{"age_max", &Service::age_max}, Stored{"cost", &Service::cost},
    Stored{"cost_note", &Service::cost_note}, Stored{"access", &Service::access}, Stored{"phone", &Service::phone},
    Stored{"email", &Service::email}, Stored{"website", &Service::website}, Stored{"languages", &Service::languages},
    Stored{"inclusion", &Service::inclusion}, Stored{"last_verified", &Service::last_verified}}; };
// clang-format on

template <class T>
T from_record(const sync::Record& r)
{
    T t;
    t.id = r.id;
    std::apply([&](const auto&... f) { (decode(value(r, f.name), t.*f.member), ...); }, Schema<T>::fields);
    return t;
}

template <class T>
std::vector<std::pair<std::string, std::string>> stored_fields(const T& t)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::apply([&](const auto&... f) { (out.emplace_back(f.name, encode(t.*f.member)), ...); }, Schema<T>::fields);
    return out;
}

}  // namespace

SocialSpace social_space_from(const sync::Record& r) { return from_record<SocialSpace>(r); }

Organization organization_from(const sync::Record& r) { return from_record<Organization>(r); }

Service service_from(const sync::Record& r)
{
    Service s = from_record<Service>(r);
    s.conflicted = r.conflicted();
    return s;
}

std::vector<std::pair<std::string, std::string>> fields_of(const SocialSpace& s) { return stored_fields(s); }
std::vector<std::pair<std::string, std::string>> fields_of(const Organization& o) { return stored_fields(o); }
std::vector<std::pair<std::string, std::string>> fields_of(const Service& s) { return stored_fields(s); }

// ---- validation ----------------------------------------------------------------------------------

std::vector<FieldError> validate(const SocialSpace& s)
{
    std::vector<FieldError> errors;
    check_required(errors, "name", s.name);
    check_length(errors, "region", s.region, kMaxName);
    if (!s.outline.empty() && !parse_outline(format_outline(s.outline)))
        errors.push_back({"outline", Reason::InvalidOutline});
    return errors;
}

std::vector<FieldError> validate(const Organization& o)
{
    std::vector<FieldError> errors;
    check_required(errors, "name", o.name);
    if (!o.kind)
        errors.push_back({"kind", Reason::Required});
    check_length(errors, "address", o.address, kMaxName);
    check_contact(errors, o.phone, o.email, o.website);
    return errors;
}

std::vector<FieldError> validate(const Service& s, const Catalogue& catalogue, std::string_view today)
{
    std::vector<FieldError> errors;
    check_required(errors, "name", s.name);
    if (trimmed_empty(s.organization))
        errors.push_back({"organization", Reason::Required});
    else if (!catalogue.organization(s.organization))
        errors.push_back({"organization", Reason::UnknownReference});
    if (!s.category)
        errors.push_back({"category", Reason::Required});
    if (trimmed_empty(s.social_space))
        errors.push_back({"social_space", Reason::Required});
    else if (!catalogue.social_space(s.social_space))
        errors.push_back({"social_space", Reason::UnknownReference});
    check_length(errors, "description", s.description, kMaxText);
    check_length(errors, "place", s.place, kMaxName);
    check_length(errors, "address", s.address, kMaxName);
    check_length(errors, "times", s.times, kMaxName);
    if (s.age_min && (*s.age_min < 0 || *s.age_min > kMaxAge))
        errors.push_back({"age_min", Reason::OutOfRange});
    if (s.age_max && (*s.age_max < 0 || *s.age_max > kMaxAge))
        errors.push_back({"age_max", Reason::OutOfRange});
    if (s.age_min && s.age_max && *s.age_min > *s.age_max)
        errors.push_back({"age_max", Reason::MinAboveMax});
    if (!s.access)
        errors.push_back({"access", Reason::Required});
    check_length(errors, "cost_note", s.cost_note, kMaxName);
    check_contact(errors, s.phone, s.email, s.website);
    check_length(errors, "languages", s.languages, kMaxName);
    check_length(errors, "inclusion", s.inclusion, kMaxText);
    if (!s.last_verified.empty()) {
        if (!valid_date(s.last_verified))
            errors.push_back({"last_verified", Reason::InvalidDate});
        else if (s.last_verified > today)  // ISO dates order as strings
            errors.push_back({"last_verified", Reason::FutureDate});
    }
    return errors;
}

// ---- the offer directory scope ------------------------------------------------------------------

namespace {
constexpr const char* kScopeKindSetting = "scope_kind:";  // as sync/client/client.cpp register_scopes reads it
constexpr const char* kDirectoryKind = "directory";

bool directory_kind(const sync::Store& store, const sync::ScopeId& scope)
{
    if (const auto kind = store.directory().scope_kind(scope))
        return *kind == sync::ScopeKind::Directory;
    return store.setting(kScopeKindSetting + crypto::to_hex(scope)) == std::optional<std::string>(kDirectoryKind);
}
}  // namespace

std::optional<sync::ScopeId> offer_scope(const sync::Store& store)
{
    if (const auto named = store.setting(kOfferScopeSetting))
        if (const auto id = sync::wire::id_from_hex(*named); id && store.current_epoch(*id) > 0)
            return *id;
    std::optional<sync::ScopeId> best;
    bool best_known = false;
    for (const auto& [scope, epoch] : store.scope_keys()) {
        if (!directory_kind(store, scope) || store.directory().shredded(scope))
            continue;
        const bool known = store.directory().scope_known(scope);
        if (!best || (known && !best_known) || (known == best_known && scope < *best)) {
            best = scope;
            best_known = known;
        }
    }
    return best;
}

std::optional<std::string> role_refusal(const sync::Store& store, sync::ScopeKind kind)
{
    const sync::Directory& dir = store.directory();
    const sync::DeviceId me = store.device().id();
    if (const sync::DeviceInfo* self = dir.device(me); self && !self->revoked)
        if (auto ok = sync::roles::may_hold(dir, crypto::random_id(), kind, me); !ok.allowed)
            return "role: " + ok.reason;
    return std::nullopt;
}

Result<sync::ScopeId> ensure_offer_scope(sync::Store& store)
{
    const auto fail = [](const Failure<sync::Error>& f) -> Failure<Error> {
        return {Error::Store, std::string(sync::to_string(f.error)) + ": " + f.detail};
    };
    if (const auto found = offer_scope(store)) {
        const std::string hex = crypto::to_hex(*found);
        if (store.setting(kOfferScopeSetting) != std::optional<std::string>(hex))
            if (auto r = store.set_setting(kOfferScopeSetting, hex); !r)
                return fail(r.failure());
        return *found;
    }
    if (auto refused = role_refusal(store, sync::ScopeKind::Directory))
        return {Error::Denied, *refused};
    auto id = store.create_scope();
    if (!id)
        return fail(id.failure());
    const std::string hex = crypto::to_hex(*id);
    if (auto r = store.set_setting(kScopeKindSetting + hex, kDirectoryKind); !r)
        return fail(r.failure());
    if (auto r = store.set_setting(kOfferScopeSetting, hex); !r)
        return fail(r.failure());
    return *id;
}

// ---- writing -------------------------------------------------------------------------------------

Result<std::string> stage(sync::Writer& writer, sync::Store& store, const SocialSpace& s)
{
    if (auto errors = validate(s); !errors.empty())
        return {Error::Invalid, describe(errors)};
    return stage_fields(writer, store, kSocialSpaceType, s.id, fields_of(s));
}

Result<std::string> stage(sync::Writer& writer, sync::Store& store, const Organization& o)
{
    if (auto errors = validate(o); !errors.empty())
        return {Error::Invalid, describe(errors)};
    return stage_fields(writer, store, kOrganizationType, o.id, fields_of(o));
}

Result<std::string> stage(sync::Writer& writer, sync::Store& store, const Service& s, const Catalogue& catalogue,
                          std::string_view today)
{
    if (auto errors = validate(s, catalogue, today); !errors.empty())
        return {Error::Invalid, describe(errors)};
    return stage_fields(writer, store, kServiceType, s.id, fields_of(s));
}

Result<std::string> save_service(sync::Store& store, const Service& service, const Catalogue& catalogue,
                                 std::string_view today)
{
    sync::Writer writer(store);
    auto id = stage(writer, store, service, catalogue, today);
    if (!id)
        return id;
    if (writer.size() == 0)
        return id;  // nothing changed
    if (auto r = writer.commit(); !r)
        return {Error::Store, std::string(sync::to_string(r.error())) + ": " + r.detail()};
    return id;
}

// ---- catalogue -----------------------------------------------------------------------------------

Catalogue Catalogue::load(const sync::Store& store)
{
    Catalogue c;
    for (const sync::Record* r : store.list(kSocialSpaceType))
        if (r && !r->deleted())
            c.add(social_space_from(*r));
    for (const sync::Record* r : store.list(kOrganizationType))
        if (r && !r->deleted())
            c.add(organization_from(*r));
    for (const sync::Record* r : store.list(kServiceType))
        if (r && !r->deleted())
            c.add(service_from(*r));
    c.sort();
    for (const sync::Record* r : store.list(kFeedbackType)) {
        if (!r || r->deleted() || r->value("status") != std::optional<std::string>(kMissingWanted))
            continue;
        const SocialSpace* space = c.resolve_social_space(value(*r, "social_space"));
        if (!space) {
            ++c.m_unplaced_missing;
            continue;
        }
        // A category is counted under its current id (an older id under its successor); one
        // outside the vocabulary under its own value: the planner sees what was recorded instead
        // of losing it in "ohne Kategorie".
        const std::string category = value(*r, "category");
        ++c.m_missing[space->id][feedback_category(category).value_or(category)];
    }
    return c;
}

void Catalogue::add(SocialSpace s) { m_spaces.push_back(std::move(s)); }
void Catalogue::add(Organization o) { m_organizations.push_back(std::move(o)); }
void Catalogue::add(Service s)
{
    m_service_index.emplace(s.id, m_services.size());
    m_services.push_back(std::move(s));
}

void Catalogue::sort()
{
    const auto by_name = [](const auto& a, const auto& b) {
        const std::string fa = fold(a.name), fb = fold(b.name);
        return fa != fb ? fa < fb : a.id < b.id;
    };
    std::sort(m_spaces.begin(), m_spaces.end(), by_name);
    std::sort(m_organizations.begin(), m_organizations.end(), by_name);
    // Folded keys once per offer, not once per comparison.
    std::vector<std::pair<std::string, std::size_t>> keys;
    keys.reserve(m_services.size());
    for (std::size_t i = 0; i < m_services.size(); ++i)
        keys.emplace_back(fold(m_services[i].name) + '\x01' + m_services[i].id, i);
    std::sort(keys.begin(), keys.end());
    std::vector<Service> sorted;
    sorted.reserve(m_services.size());
    for (const auto& [key, i] : keys)
        sorted.push_back(std::move(m_services[i]));
    m_services = std::move(sorted);
    m_service_index.clear();
    for (std::size_t i = 0; i < m_services.size(); ++i)
        m_service_index.emplace(m_services[i].id, i);
}

const SocialSpace* Catalogue::social_space(std::string_view id) const
{
    for (const SocialSpace& s : m_spaces)
        if (s.id == id)
            return &s;
    return nullptr;
}

const SocialSpace* Catalogue::resolve_social_space(std::string_view value) const
{
    if (const SocialSpace* s = social_space(value))
        return s;
    const std::string wanted = fold(value);
    for (const SocialSpace& s : m_spaces)
        if (!wanted.empty() && fold(s.name) == wanted)
            return &s;
    return nullptr;
}

const Organization* Catalogue::organization(std::string_view id) const
{
    const auto it = std::find_if(m_organizations.begin(), m_organizations.end(), [&](const Organization& o) { return o.id == id; });
    return it == m_organizations.end() ? nullptr : &*it;
}

const Service* Catalogue::service(std::string_view id) const
{
    const auto it = m_service_index.find(std::string(id));
    return it == m_service_index.end() ? nullptr : &m_services[it->second];
}

int Catalogue::missing_in(std::string_view space_id) const
{
    const auto it = m_missing.find(std::string(space_id));
    if (it == m_missing.end())
        return 0;
    int n = 0;
    for (const auto& [category, count] : it->second)
        n += count;
    return n;
}

int Catalogue::services_in(std::string_view space_id) const
{
    return int(std::count_if(m_services.begin(), m_services.end(), [&](const Service& s) {
        const SocialSpace* space = resolve_social_space(s.social_space);
        return space && space->id == space_id;
    }));
}

}  // namespace quartier::offers
