// The offer directory (Ressourcenkarte, docs/offers.md): typed social spaces, providers (Träger)
// and offers (Angebote) over the store's generic sealed records, their validation with structured
// errors, and the Catalogue that reads them all after unlock. No Qt: the app, the CLI and the
// benchmarks share it.
//
// Records (type names are docs/offers.md's identifiers; every value is a UTF-8 string, "" = not set)
//   social_space   name, region, outline
//   organization   name, kind, address, phone, email, website
//   service        name, organization, category, social_space, description, place, address, times,
//                  age_min, age_max, cost, cost_note, access, phone, email, website, languages,
//                  inclusion, last_verified
//   service_feedback (written by the case side, app/domain): read here only for the planner's
//                  "missing or wanted" counts: status == "missing_wanted", social_space, category
//
// Invariants
//   1. save_*() writes nothing unless validate_*() finds no error: bad input loses nothing and
//      changes nothing.
//   2. save_*() writes only the fields whose value differs from the stored record, all in one
//      Writer commit: a correction is one op per changed field, so it merges field by field.
//   3. A Catalogue is a copy: it never points into the Store, so it stays valid after a lock.
//   4. Every new record of the offer map is written into the organisation's offer directory scope
//      (kind `directory`, docs/offers.md "Where the offer map lives"), never into the personal
//      scope; the first new record on a device that holds none founds it. Corrections stay in
//      the record's scope. Reading (Catalogue::load) takes the records of every scope held.
#pragma once

#include "sync/store/store.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quartier::offers {

// ---- record types and vocabularies -------------------------------------------------------------

inline constexpr auto kSocialSpaceType = "social_space";
inline constexpr auto kOrganizationType = "organization";
inline constexpr auto kServiceType = "service";
inline constexpr auto kFeedbackType = "service_feedback";
inline constexpr auto kMissingWanted = "missing_wanted";  // service_feedback.status of a gap

enum class Category { Sports, FamilyCentre, Counselling, YouthWork, Group, Daycare, School, Culture, Health };
enum class Access { LowThreshold, Registration, HelpPlan };
enum class Cost { Free, Low, Fee };
enum class OrgKind { Public, Free, Church, Club };

// Stable ids as stored ("sports", "low_threshold", ...), in display order.
const std::vector<Category>& all_categories();
const std::vector<Access>& all_accesses();
const std::vector<Cost>& all_costs();
const std::vector<OrgKind>& all_org_kinds();
std::string_view to_id(Category c);
std::string_view to_id(Access a);
std::string_view to_id(Cost c);
std::string_view to_id(OrgKind k);
// The current ids, and the ids older builds wrote for offer feedback (read as their successors,
// docs/offers.md "Categories"): family_education → family_centre, childcare → daycare,
// leisure → culture, learning → school.
std::optional<Category> category_from_id(std::string_view id);
std::optional<Access> access_from_id(std::string_view id);
std::optional<Cost> cost_from_id(std::string_view id);
std::optional<OrgKind> org_kind_from_id(std::string_view id);

// The one category vocabulary of the offer map (service.category) and the case side's offer
// feedback (service_feedback.category, app/domain): the categories above, and for feedback also
// `other` (Sonstiges), a wanted offer that fits none. German labels: app/adapters/domainlabels.cpp, kind
// "offer_category".
inline constexpr auto kOtherCategory = "other";
// The current id of a feedback category: a category's id (older ids mapped), "other", or "" for
// none; nullopt for a value outside the vocabulary.
std::optional<std::string> feedback_category(std::string_view id);

// A point of a social space's schematic outline, in a unit square (0..1, y downwards).
struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

struct SocialSpace {
    std::string id;
    std::string name;    // "Garstedt"
    std::string region;  // "Süd"
    std::vector<Point> outline;  // schematic polygon; empty: the view places it itself
    bool operator==(const SocialSpace&) const = default;
};

struct Organization {
    std::string id;
    std::string name;
    std::optional<OrgKind> kind;
    std::string address, phone, email, website;
    bool operator==(const Organization&) const = default;
};

struct Service {
    std::string id;
    std::string name;
    std::string organization;  // organization record id
    std::optional<Category> category;
    std::string social_space;  // social_space record id
    std::string description;
    std::string place;    // "Jugendhaus Buschweg"
    std::string address;  // "Buschweg 12, 22846 Norderstedt"
    std::string times;    // "Mo–Fr 14–19 Uhr"
    std::optional<int> age_min, age_max;  // years, inclusive; unset: no limit
    std::optional<Cost> cost;
    std::string cost_note;
    std::optional<Access> access;
    std::string phone, email, website;
    std::string languages;
    std::string inclusion;      // e.g. "Trainer erfahren mit Kindern im Autismus-Spektrum"
    std::string last_verified;  // ISO date YYYY-MM-DD
    bool conflicted = false;    // read only: some field has concurrent values (docs/architecture.md §5)
    bool operator==(const Service&) const = default;
};

// ---- validation ----------------------------------------------------------------------------------

enum class Reason {
    Required,          // must not be empty
    TooLong,           // more than the field's limit
    UnknownValue,      // not one of the vocabulary's ids
    NotANumber,        // an age that is not a whole number
    OutOfRange,        // an age outside 0..99
    MinAboveMax,       // age_min > age_max
    InvalidDate,       // not a real calendar date YYYY-MM-DD
    FutureDate,        // last_verified after today
    InvalidEmail,      // not local@domain.tld
    InvalidPhone,      // other characters than digits, spaces, + - / ( )
    InvalidUrl,        // not http(s)://host...
    UnknownReference,  // no such organization / social space in the catalogue
    InvalidOutline,    // not "x,y x,y x,y ..." with at least three points in 0..1
};
std::string_view to_string(Reason r);

struct FieldError {
    std::string field;  // the record field, e.g. "age_max"
    Reason reason;
    bool operator==(const FieldError&) const = default;
};

// Limits (bytes of UTF-8).
inline constexpr std::size_t kMaxName = 200;
inline constexpr std::size_t kMaxText = 4000;
inline constexpr int kMaxAge = 99;

// ---- errors --------------------------------------------------------------------------------------

enum class Error {
    Invalid,   // validation found field errors (detail lists them as "field: reason")
    NotFound,  // the id names no record of that type
    Store,     // the store refused the write (detail: its error)
    Denied,    // this device's role may not hold the offer map (sync/client/roles.h); detail: why
};
std::string_view to_string(Error e);
template <class T>
using Result = quartier::Result<T, Error>;

// ---- the catalogue -------------------------------------------------------------------------------

// Everything the offer map shows, read from the store in one pass.
class Catalogue {
public:
    static Catalogue load(const sync::Store& store);

    const std::vector<SocialSpace>& social_spaces() const { return m_spaces; }        // by name
    const std::vector<Organization>& organizations() const { return m_organizations; }  // by name
    const std::vector<Service>& services() const { return m_services; }                 // by name, then id

    const SocialSpace* social_space(std::string_view id) const;
    // A social_space field's value: a record id, or (records written before the social_space
    // records existed) a space's name, compared case-insensitively. Null if neither.
    const SocialSpace* resolve_social_space(std::string_view value) const;
    const Organization* organization(std::string_view id) const;
    const Service* service(std::string_view id) const;

    // The planner's gaps: service_feedback records with status missing_wanted, per social space
    // id and category as recorded ("" for none; a value outside the vocabulary as it is).
    // Feedback whose social space resolves to none is counted in unplaced_missing().
    const std::map<std::string, std::map<std::string, int>>& missing() const { return m_missing; }
    int missing_in(std::string_view space_id) const;
    int unplaced_missing() const { return m_unplaced_missing; }

    // Offers per social space id.
    int services_in(std::string_view space_id) const;

    // For tests and generators: build one without a store.
    void add(SocialSpace s);
    void add(Organization o);
    void add(Service s);
    void sort();

private:
    std::vector<SocialSpace> m_spaces;
    std::vector<Organization> m_organizations;
    std::vector<Service> m_services;
    std::unordered_map<std::string, std::size_t> m_service_index;  // id -> position in m_services
    std::map<std::string, std::map<std::string, int>> m_missing;
    int m_unplaced_missing = 0;
};

// ---- the offer directory scope (docs/offers.md, "Where the offer map lives") -----------------------

// The store setting naming the offer directory scope (32 hex digits).
inline constexpr auto kOfferScopeSetting = "offer_scope";

// The scope new offer-map records go to: the one the setting names, if this device holds its key;
// else a `directory` scope this device holds (kind as the directory records it, or as this device
// recorded when it founded one not yet registered): registered ones first, then the smallest id,
// so every device that holds the same scopes picks the same one. nullopt if it holds none.
std::optional<sync::ScopeId> offer_scope(const sync::Store& store);

// offer_scope(), recorded in the setting; if this device holds none, founds one: a new scope of
// kind `directory` (registered at the next sync with this device as its member; shared with
// colleagues by SyncClient::share_scope). Denied if this device is enrolled in a role that may
// not hold the offer map (planning, admin, dpo).
Result<sync::ScopeId> ensure_offer_scope(sync::Store& store);

// Why this device may not found a new scope of `kind` ("role: <reason>"), when it is enrolled
// (and not revoked) in a role that may not hold one (docs/roles.md); nullopt if it may. Read by
// ensure_offer_scope and by the domain when it founds a case scope.
std::optional<std::string> role_refusal(const sync::Store& store, sync::ScopeKind kind);

// ---- records <-> types ---------------------------------------------------------------------------

SocialSpace social_space_from(const sync::Record& r);
Organization organization_from(const sync::Record& r);
Service service_from(const sync::Record& r);

// The stored fields of each (value "" for unset), in schema order.
std::vector<std::pair<std::string, std::string>> fields_of(const SocialSpace& s);
std::vector<std::pair<std::string, std::string>> fields_of(const Organization& o);
std::vector<std::pair<std::string, std::string>> fields_of(const Service& s);

std::string format_outline(const std::vector<Point>& outline);
std::optional<std::vector<Point>> parse_outline(std::string_view text);

// Field errors of each; references are checked against `catalogue`; `today` (YYYY-MM-DD) bounds
// last_verified. Empty: valid.
std::vector<FieldError> validate(const SocialSpace& s);
std::vector<FieldError> validate(const Organization& o);
std::vector<FieldError> validate(const Service& s, const Catalogue& catalogue, std::string_view today);

// Stages the changed fields into `writer` (invariant 2) after validation (invariant 1). An empty
// id makes a new record, in the offer directory scope (invariant 4: ensure_offer_scope). Returns
// the record id. The caller commits the writer; save_service() below does both for a single offer.
Result<std::string> stage(sync::Writer& writer, sync::Store& store, const SocialSpace& s);
Result<std::string> stage(sync::Writer& writer, sync::Store& store, const Organization& o);
Result<std::string> stage(sync::Writer& writer, sync::Store& store, const Service& s,
                          const Catalogue& catalogue, std::string_view today);

// Validates, stages and commits one offer. `service.last_verified` is kept as given: the caller
// decides whether a save is a verification (the app stamps today's date).
Result<std::string> save_service(sync::Store& store, const Service& service, const Catalogue& catalogue,
                                 std::string_view today);

// Helpers shared with the app.
bool valid_date(std::string_view iso);  // a real calendar date YYYY-MM-DD
std::optional<int> parse_age(std::string_view text);  // "" -> nullopt; otherwise digits only

}  // namespace quartier::offers
