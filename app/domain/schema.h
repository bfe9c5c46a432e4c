// The record schema: every case-side record type (types.h) declared once, field by field: its
// stored name, the struct member, its kind and what the generic checks need (required, a
// range, the type a reference names). Everything that handles a record's fields reads this
// declaration instead of listing them again: the repository's codecs (encode/decode), its
// generic checks (rules.cpp runs them before a type's own rules), the Qt adapter the pages bind
// to (app/adapters/recordvalues.h) and the home visit's inline text edits (app/controllers/homevisitcontroller.cpp).
// docs/domain.md, "The record schema", says how to add a field or a type.
//
// Not stateful: constant tables and pure functions. Invariants
//   1. The stored field names and value formats are those of docs/domain.md ("Value formats");
//      a field's position in its table is the order checks report issues in, nothing else.
//   2. Every field of a record struct appears in its table exactly once (Meta's members never).
#pragma once

#include "types.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace quartier::domain {

enum class FieldKind {
    Owner,     // case_id: the case a record belongs to; required, never changes (rules.cpp: owner)
    Text,      // free text
    Verbatim,  // the family's own words (O-Ton): stored like Text, never rephrased by the app
    Date,      // "YYYY-MM-DD"
    Time,      // "YYYY-MM-DDTHH:MM" (local time)
    Enum,      // one of the member enum's to_string() identifiers
    Bool,      // "true" / "false"
    Int,       // decimal, within [lo, hi]
    Ref,       // the id of a record of type `ref` ("" = none); of the same case unless `ref` is outside it
    List,      // a JSON array (ids, identifiers or sub-records)
};

enum FieldFlag : unsigned {
    kRequired = 1u << 0,  // the generic check refuses an empty value (blank for text)
    kInVisit = 1u << 1,   // a text the home visit edits in place (homevisitcontroller: editText)
    kNoForm = 1u << 2,    // set by the domain or administration, never from a case-page form
    kOwnCheck = 1u << 3,  // a reference only the type's own rules check (rules.cpp)
};

// One field of record type T, held in member M of T.
template <class T, class M>
struct Field {
    using Record = T;
    using Member = M;
    const char* name;
    M T::*member;
    FieldKind kind;
    unsigned flags = 0;
    const char* ref = nullptr;  // FieldKind::Ref: the referenced record type
    int lo = 0, hi = 0;         // FieldKind::Int: the allowed range
    constexpr bool has(unsigned flag) const { return (flags & flag) != 0; }
};

template <class T, class M>
constexpr Field<T, M> field(const char* name, M T::*member, FieldKind kind, unsigned flags = 0) {
    return {name, member, kind, flags, nullptr, 0, 0};
}
template <class T>
constexpr Field<T, std::string> ref(const char* name, std::string T::*member, const char* type, unsigned flags = 0) {
    return {name, member, FieldKind::Ref, flags, type, 0, 0};
}
template <class T>
constexpr Field<T, int> range(const char* name, int T::*member, int lo, int hi) {
    return {name, member, FieldKind::Int, 0, nullptr, lo, hi};
}

inline constexpr const char* kOrganizationType = "organization";  // offers side (app/offers)
inline constexpr const char* kServiceType = "service";            // offers side (app/offers)

template <class T>
struct Schema;

using K = FieldKind;

// clang-format off
template <> struct Schema<Case> { static constexpr auto fields = std::tuple{
    field("name", &Case::name, K::Text, kRequired),
    field("social_space", &Case::social_space, K::Text, kRequired),
    field("status", &Case::status, K::Enum),
    field("lead_worker", &Case::lead_worker, K::Text),
    ref("provider_organization", &Case::provider_organization, kOrganizationType),
    field("opened_on", &Case::opened_on, K::Date, kRequired),
    field("closed_on", &Case::closed_on, K::Date),
    field("transferred_to", &Case::transferred_to, K::Text),
    field("retention_class", &Case::retention_class, K::Text, kNoForm),
    field("retention_end", &Case::retention_end, K::Date, kNoForm)}; };
template <> struct Schema<Person> { static constexpr auto fields = std::tuple{
    field("case_id", &Person::case_id, K::Owner),
    field("given_name", &Person::given_name, K::Text),
    field("family_name", &Person::family_name, K::Text),
    field("birth_date", &Person::birth_date, K::Date),
    field("languages", &Person::languages, K::Text)}; };
template <> struct Schema<CaseMember> { static constexpr auto fields = std::tuple{
    field("case_id", &CaseMember::case_id, K::Owner),
    ref("person_id", &CaseMember::person_id, Person::kType, kRequired),
    field("role", &CaseMember::role, K::Enum),
    field("household", &CaseMember::household, K::Bool),
    field("note", &CaseMember::note, K::Text)}; };
template <> struct Schema<ContactEvent> { static constexpr auto fields = std::tuple{
    field("case_id", &ContactEvent::case_id, K::Owner),
    field("kind", &ContactEvent::kind, K::Enum),
    field("status", &ContactEvent::status, K::Enum),
    field("started_at", &ContactEvent::started_at, K::Time, kRequired),
    field("ended_at", &ContactEvent::ended_at, K::Time),
    field("place", &ContactEvent::place, K::Text),
    field("worker", &ContactEvent::worker, K::Text),
    field("participants", &ContactEvent::participants, K::List),
    field("child_seen", &ContactEvent::child_seen, K::Enum),
    field("children_seen", &ContactEvent::children_seen, K::List),
    field("children_not_seen", &ContactEvent::children_not_seen, K::List),
    field("summary", &ContactEvent::summary, K::Text)}; };
template <> struct Schema<Note> { static constexpr auto fields = std::tuple{
    field("case_id", &Note::case_id, K::Owner),
    ref("contact_event_id", &Note::contact_event_id, ContactEvent::kType),
    field("text", &Note::text, K::Text, kRequired),
    field("author", &Note::author, K::Text),
    field("written_at", &Note::written_at, K::Time, kRequired),
    field("entrusted", &Note::entrusted, K::Bool)}; };
template <> struct Schema<WillStatement> { static constexpr auto fields = std::tuple{
    field("case_id", &WillStatement::case_id, K::Owner),
    ref("person_id", &WillStatement::person_id, Person::kType, kRequired),
    field("text", &WillStatement::text, K::Verbatim, kRequired | kInVisit),
    field("own_contribution", &WillStatement::own_contribution, K::Verbatim, kInVisit),
    field("recorded_on", &WillStatement::recorded_on, K::Date, kRequired),
    ref("contact_event_id", &WillStatement::contact_event_id, ContactEvent::kType, kNoForm)}; };
template <> struct Schema<Goal> { static constexpr auto fields = std::tuple{
    field("case_id", &Goal::case_id, K::Owner),
    field("level", &Goal::level, K::Enum),
    ref("parent_goal_id", &Goal::parent_goal_id, Goal::kType, kOwnCheck),
    ref("will_statement_id", &Goal::will_statement_id, WillStatement::kType),
    field("text", &Goal::text, K::Verbatim, kRequired),
    range("scale_now", &Goal::scale_now, 0, 10),
    range("scale_target", &Goal::scale_target, 0, 10),
    field("status", &Goal::status, K::Enum),
    field("set_on", &Goal::set_on, K::Date, kRequired),
    field("review_on", &Goal::review_on, K::Date)}; };
template <> struct Schema<ActionStep> { static constexpr auto fields = std::tuple{
    field("case_id", &ActionStep::case_id, K::Owner),
    ref("goal_id", &ActionStep::goal_id, Goal::kType, kRequired),
    field("who", &ActionStep::who, K::Text, kRequired),
    field("what", &ActionStep::what, K::Text, kRequired),
    field("by_when", &ActionStep::by_when, K::Date, kRequired),
    field("status", &ActionStep::status, K::Enum),
    field("done_on", &ActionStep::done_on, K::Date)}; };
template <> struct Schema<Resource> { static constexpr auto fields = std::tuple{
    field("case_id", &Resource::case_id, K::Owner),
    ref("person_id", &Resource::person_id, Person::kType),
    field("area", &Resource::area, K::Enum),
    field("text", &Resource::text, K::Text, kRequired | kInVisit),
    ref("contact_event_id", &Resource::contact_event_id, ContactEvent::kType, kNoForm)}; };
template <> struct Schema<NetworkContact> { static constexpr auto fields = std::tuple{
    field("name", &NetworkContact::name, K::Text, kRequired),
    field("sector", &NetworkContact::sector, K::Enum),
    range("distance", &NetworkContact::distance, 1, 3),
    field("quality", &NetworkContact::quality, K::Enum),
    field("note", &NetworkContact::note, K::Text)}; };
template <> struct Schema<NetworkMap> { static constexpr auto fields = std::tuple{
    field("case_id", &NetworkMap::case_id, K::Owner),
    ref("person_id", &NetworkMap::person_id, Person::kType),
    field("drawn_on", &NetworkMap::drawn_on, K::Date, kRequired),
    field("contacts", &NetworkMap::contacts, K::List)}; };
template <> struct Schema<ServiceFeedback> { static constexpr auto fields = std::tuple{
    field("case_id", &ServiceFeedback::case_id, K::Owner),
    ref("service_id", &ServiceFeedback::service_id, kServiceType, kOwnCheck),
    field("social_space", &ServiceFeedback::social_space, K::Text, kRequired),
    field("category", &ServiceFeedback::category, K::Text, kRequired),
    field("status", &ServiceFeedback::status, K::Enum),
    field("barriers", &ServiceFeedback::barriers, K::List),
    field("how_it_would_have_to_be", &ServiceFeedback::how_it_would_have_to_be, K::Verbatim, kInVisit),
    field("how_category", &ServiceFeedback::how_category, K::Enum),
    field("wanted", &ServiceFeedback::wanted, K::Verbatim, kInVisit),
    field("offer_name", &ServiceFeedback::offer_name, K::Text, kInVisit),
    field("offer_place", &ServiceFeedback::offer_place, K::Text, kInVisit),
    field("recorded_on", &ServiceFeedback::recorded_on, K::Date, kRequired),
    ref("contact_event_id", &ServiceFeedback::contact_event_id, ContactEvent::kType, kNoForm)}; };
template <> struct Schema<RiskAssessment> { static constexpr auto fields = std::tuple{
    field("case_id", &RiskAssessment::case_id, K::Owner),
    field("area", &RiskAssessment::area, K::Enum),
    field("assessed_on", &RiskAssessment::assessed_on, K::Date, kRequired),
    field("assessed_by", &RiskAssessment::assessed_by, K::Text, kRequired),
    field("reasons", &RiskAssessment::reasons, K::Text)}; };
template <> struct Schema<Mandate> { static constexpr auto fields = std::tuple{
    field("case_id", &Mandate::case_id, K::Owner),
    field("kind", &Mandate::kind, K::Enum),
    field("text", &Mandate::text, K::Text, kRequired),
    field("given_by", &Mandate::given_by, K::Text, kRequired),
    field("given_to", &Mandate::given_to, K::Text, kRequired),
    field("due_on", &Mandate::due_on, K::Date),
    field("status", &Mandate::status, K::Enum)}; };
template <> struct Schema<Requirement> { static constexpr auto fields = std::tuple{
    field("case_id", &Requirement::case_id, K::Owner),
    field("reason", &Requirement::reason, K::Text, kRequired),
    field("minimum_standard", &Requirement::minimum_standard, K::Text, kRequired),
    field("negotiable_way", &Requirement::negotiable_way, K::Text),
    field("deadline", &Requirement::deadline, K::Date, kRequired),
    field("checked_by", &Requirement::checked_by, K::Text, kRequired),
    field("check_method", &Requirement::check_method, K::Text, kRequired),
    field("consequence", &Requirement::consequence, K::Text, kRequired),
    field("status", &Requirement::status, K::Enum),
    field("lifted_on", &Requirement::lifted_on, K::Date, kNoForm)}; };
template <> struct Schema<Measure> { static constexpr auto fields = std::tuple{
    field("case_id", &Measure::case_id, K::Owner),
    field("paragraph", &Measure::paragraph, K::Text),
    field("title", &Measure::title, K::Text),
    ref("provider_organization", &Measure::provider_organization, kOrganizationType),
    field("start", &Measure::start, K::Date, kRequired),
    field("end", &Measure::end, K::Date)}; };
template <> struct Schema<ProgressEntry> { static constexpr auto fields = std::tuple{
    field("goal_id", &ProgressEntry::goal_id, K::Text),
    field("mandate_id", &ProgressEntry::mandate_id, K::Text),
    range("scale_now", &ProgressEntry::scale_now, -1, 10),
    field("happened", &ProgressEntry::happened, K::Text),
    field("family_did", &ProgressEntry::family_did, K::Text)}; };
template <> struct Schema<ProgressReport> { static constexpr auto fields = std::tuple{
    field("case_id", &ProgressReport::case_id, K::Owner),
    field("written_on", &ProgressReport::written_on, K::Date, kRequired),
    field("author", &ProgressReport::author, K::Text),
    field("provider", &ProgressReport::provider, K::Text),
    field("period_from", &ProgressReport::period_from, K::Date),
    field("period_to", &ProgressReport::period_to, K::Date),
    field("entries", &ProgressReport::entries, K::List),
    field("summary", &ProgressReport::summary, K::Text)}; };
// clang-format on

// Every stored record type, once: X(T) for each (explicit instantiations in repository.cpp and
// rules.cpp, and AllTypes below, for dispatch by type name).
#define QUARTIER_DOMAIN_TYPES(X)                                                                              \
    X(Case) X(Person) X(CaseMember) X(ContactEvent) X(Note) X(WillStatement) X(Goal) X(ActionStep) X(Resource) \
    X(NetworkMap) X(ServiceFeedback) X(RiskAssessment) X(Mandate) X(Requirement) X(Measure) X(ProgressReport)

namespace schema_detail {
template <class T>
struct DropFirst;
template <class F, class... Ts>
struct DropFirst<std::tuple<F, Ts...>> {
    using type = std::tuple<Ts...>;
};
#define QUARTIER_DOMAIN_TYPE_ARG(T) , T
using AllTypesList = DropFirst<std::tuple<void QUARTIER_DOMAIN_TYPES(QUARTIER_DOMAIN_TYPE_ARG)>>::type;
#undef QUARTIER_DOMAIN_TYPE_ARG
}  // namespace schema_detail
using AllTypes = schema_detail::AllTypesList;

// Calls f(field) for each field of T (a Field<T, M>), in declaration order.
template <class T, class F>
constexpr void for_each_field(F&& f) {
    std::apply([&](const auto&... fields) { (f(fields), ...); }, Schema<T>::fields);
}

// Calls f(std::type_identity<T>{}) for the record struct whose kType is `type`; false if none is.
template <class F>
bool with_type(std::string_view type, F&& f) {
    return [&]<class... Ts>(std::tuple<Ts...>*) {
        return ((type == Ts::kType ? (f(std::type_identity<Ts>{}), true) : false) || ...);
    }(static_cast<AllTypes*>(nullptr));
}

// Sets the text field `name` of `record` (a string member of a Text or Verbatim field) to `text`;
// false if T has no such field.
template <class T>
bool set_text(T& record, std::string_view name, std::string text) {
    bool found = false;
    for_each_field<T>([&](const auto& f) {
        if constexpr (std::is_same_v<typename std::decay_t<decltype(f)>::Member, std::string>)
            if (!found && name == f.name && (f.kind == FieldKind::Text || f.kind == FieldKind::Verbatim)) {
                record.*f.member = std::move(text);
                found = true;
            }
    });
    return found;
}

// A field as seen at run time (for lookups by name).
struct FieldInfo {
    std::string_view name;
    FieldKind kind = FieldKind::Text;
    unsigned flags = 0;
    const char* ref = nullptr;
    bool has(unsigned flag) const { return (flags & flag) != 0; }
};
// The fields of the record type named `type` (empty for an unknown type).
std::vector<FieldInfo> fields_of_type(std::string_view type);
// One field of `type`, or nullopt.
std::optional<FieldInfo> find_field(std::string_view type, std::string_view name);

// ---- value codecs: each member type to and from its stored string (docs/domain.md) ------------

std::string enc(const std::string& s);
std::string enc(bool b);
std::string enc(int i);
template <class E>
    requires std::is_enum_v<E>
std::string enc(E e) {
    return std::string(to_string(e));
}
std::string enc(const std::vector<std::string>& v);
std::string enc(const std::vector<Barrier>& v);
std::string enc(const std::vector<NetworkContact>& v);
std::string enc(const std::vector<ProgressEntry>& v);

// Each dec() leaves `out` alone and returns false on a value it cannot read; "" is the default.
bool dec(const std::string& s, std::string& out);
bool dec(const std::string& s, bool& out);
bool dec(const std::string& s, int& out);
template <class E>
    requires std::is_enum_v<E>
bool dec(const std::string& s, E& out) {
    if (s.empty()) return true;
    auto v = parse<E>(s);
    if (!v) return false;
    out = *v;
    return true;
}
bool dec(const std::string& s, std::vector<std::string>& out);
bool dec(const std::string& s, std::vector<Barrier>& out);
bool dec(const std::string& s, std::vector<NetworkContact>& out);
bool dec(const std::string& s, std::vector<ProgressEntry>& out);

// A record's stored fields by name.
using Fields = std::map<std::string, std::string>;

template <class T>
Fields encode(const T& record) {
    Fields out;
    for_each_field<T>([&](const auto& f) { out[f.name] = enc(record.*f.member); });
    return out;
}

// The record with `id` from stored `fields`; a value it cannot read keeps the member's default
// and is listed in Meta::unreadable.
template <class T>
T decode(const std::string& id, const Fields& fields) {
    T r;
    r.id = id;
    for_each_field<T>([&](const auto& f) {
        auto it = fields.find(f.name);
        if (it == fields.end()) return;
        auto value = r.*f.member;
        if (dec(it->second, value))
            r.*f.member = std::move(value);
        else
            r.unreadable.push_back(f.name);
    });
    return r;
}

}  // namespace quartier::domain
