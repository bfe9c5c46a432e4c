#include "repository.h"

#include "crypto/crypto.h"
#include "offers/offers.h"
#include "sync/opcodec.h"
#include "sync/roles.h"
#include "sync/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>
#include <tuple>
#include <type_traits>

namespace quartier::domain {

std::string_view to_string(Error e) {
    switch (e) {
    case Error::Invalid: return "invalid";
    case Error::NotFound: return "not found";
    case Error::WrongType: return "wrong type";
    case Error::Store: return "store";
    case Error::Denied: return "denied";
    }
    return "unknown";
}

namespace {

using Fields = std::map<std::string, std::string>;
using json = nlohmann::json;

constexpr const char* kCaseId = "case_id";
constexpr const char* kServiceType = "service";
constexpr const char* kOrganizationType = "organization";
// The store setting that names a scope's kind until the directory records it (sync/client.cpp,
// register_scopes; quartier-cli scope create).
constexpr const char* kScopeKindSetting = "scope_kind:";

// ---- field codecs: every member type to and from its stored string (types.h) ------------------

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string enc(const std::string& s) { return s; }
std::string enc(bool b) { return b ? "true" : "false"; }
std::string enc(int i) { return std::to_string(i); }
template <class E>
    requires std::is_enum_v<E>
std::string enc(E e) {
    return std::string(to_string(e));
}
std::string enc(const std::vector<std::string>& v) { return v.empty() ? std::string() : dump(json(v)); }
std::string enc(const std::vector<Barrier>& v) {
    if (v.empty()) return {};
    json j = json::array();
    for (Barrier b : v) j.push_back(std::string(to_string(b)));
    return dump(j);
}
std::string enc(const std::vector<NetworkContact>& v) {
    if (v.empty()) return {};
    json j = json::array();
    for (const NetworkContact& c : v) {
        json o = json::object();
        o["name"] = c.name;
        o["sector"] = std::string(to_string(c.sector));
        o["distance"] = c.distance;
        o["quality"] = std::string(to_string(c.quality));
        if (!c.note.empty()) o["note"] = c.note;
        j.push_back(std::move(o));
    }
    return dump(j);
}

// Each dec() leaves `out` alone and returns false on a value it cannot read; "" is the default.
bool dec(const std::string& s, std::string& out) {
    out = s;
    return true;
}
bool dec(const std::string& s, bool& out) {
    if (s.empty()) return true;
    if (s != "true" && s != "false") return false;
    out = s == "true";
    return true;
}
bool dec(const std::string& s, int& out) {
    if (s.empty()) return true;
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return false;
    out = v;
    return true;
}
template <class E>
    requires std::is_enum_v<E>
bool dec(const std::string& s, E& out) {
    if (s.empty()) return true;
    auto v = parse<E>(s);
    if (!v) return false;
    out = *v;
    return true;
}
std::optional<json> array_of(const std::string& s) {
    json j = json::parse(s, nullptr, false);
    if (j.is_discarded() || !j.is_array()) return std::nullopt;
    return j;
}
bool dec(const std::string& s, std::vector<std::string>& out) {
    if (s.empty()) return out.clear(), true;
    auto j = array_of(s);
    if (!j) return false;
    std::vector<std::string> v;
    for (const json& e : *j) {
        if (!e.is_string()) return false;
        v.push_back(e.get<std::string>());
    }
    out = std::move(v);
    return true;
}
bool dec(const std::string& s, std::vector<Barrier>& out) {
    if (s.empty()) return out.clear(), true;
    auto j = array_of(s);
    if (!j) return false;
    std::vector<Barrier> v;
    for (const json& e : *j) {
        auto b = e.is_string() ? parse<Barrier>(e.get<std::string>()) : std::nullopt;
        if (!b) return false;
        v.push_back(*b);
    }
    out = std::move(v);
    return true;
}
bool dec(const std::string& s, std::vector<NetworkContact>& out) {
    if (s.empty()) return out.clear(), true;
    auto j = array_of(s);
    if (!j) return false;
    std::vector<NetworkContact> v;
    for (const json& e : *j) {
        if (!e.is_object()) return false;
        NetworkContact c;
        auto name = e.find("name"), sector = e.find("sector"), distance = e.find("distance"),
             quality = e.find("quality"), note = e.find("note");
        if (name == e.end() || !name->is_string() || sector == e.end() || !sector->is_string() ||
            distance == e.end() || !distance->is_number_integer() || quality == e.end() || !quality->is_string())
            return false;
        if (note != e.end() && !note->is_string()) return false;
        c.name = name->get<std::string>();
        auto sec = parse<NetworkSector>(sector->get<std::string>());
        auto qual = parse<ContactQuality>(quality->get<std::string>());
        if (!sec || !qual) return false;
        c.sector = *sec;
        c.quality = *qual;
        const auto d = distance->get<std::int64_t>();
        if (d < INT32_MIN || d > INT32_MAX) return false;
        c.distance = int(d);
        if (note != e.end()) c.note = note->get<std::string>();
        v.push_back(std::move(c));
    }
    out = std::move(v);
    return true;
}

// Text checks on every string a record holds: what the store would refuse, caught as an issue.
bool text_ok(const std::string& s) { return s.size() <= sync::kMaxValueLength && sync::valid_utf8(s); }
bool text_ok(const std::vector<std::string>& v) {
    return std::all_of(v.begin(), v.end(), [](const std::string& s) { return text_ok(s); });
}
bool text_ok(const std::vector<NetworkContact>& v) {
    return std::all_of(v.begin(), v.end(), [](const NetworkContact& c) { return text_ok(c.name) && text_ok(c.note); });
}
template <class M>
bool text_ok(const M&) {
    return true;
}

// ---- the fields of each record type, in one place: name and member -----------------------------

template <class F> void visit(Case& r, F&& f) {
    f("name", r.name); f("social_space", r.social_space); f("status", r.status); f("lead_worker", r.lead_worker);
    f("provider_organization", r.provider_organization); f("opened_on", r.opened_on); f("closed_on", r.closed_on);
    f("transferred_to", r.transferred_to); f("retention_class", r.retention_class); f("retention_end", r.retention_end);
}
template <class F> void visit(Person& r, F&& f) {
    f(kCaseId, r.case_id); f("given_name", r.given_name); f("family_name", r.family_name);
    f("birth_date", r.birth_date); f("languages", r.languages);
}
template <class F> void visit(CaseMember& r, F&& f) {
    f(kCaseId, r.case_id); f("person_id", r.person_id); f("role", r.role); f("household", r.household); f("note", r.note);
}
template <class F> void visit(ContactEvent& r, F&& f) {
    f(kCaseId, r.case_id); f("kind", r.kind); f("status", r.status); f("started_at", r.started_at);
    f("ended_at", r.ended_at); f("place", r.place); f("worker", r.worker); f("participants", r.participants);
    f("child_seen", r.child_seen); f("summary", r.summary);
}
template <class F> void visit(Note& r, F&& f) {
    f(kCaseId, r.case_id); f("contact_event_id", r.contact_event_id); f("text", r.text); f("author", r.author);
    f("written_at", r.written_at); f("entrusted", r.entrusted);
}
template <class F> void visit(WillStatement& r, F&& f) {
    f(kCaseId, r.case_id); f("person_id", r.person_id); f("text", r.text); f("own_contribution", r.own_contribution);
    f("recorded_on", r.recorded_on);
}
template <class F> void visit(Goal& r, F&& f) {
    f(kCaseId, r.case_id); f("level", r.level); f("parent_goal_id", r.parent_goal_id);
    f("will_statement_id", r.will_statement_id); f("text", r.text); f("scale_now", r.scale_now);
    f("scale_target", r.scale_target); f("status", r.status); f("set_on", r.set_on); f("review_on", r.review_on);
}
template <class F> void visit(ActionStep& r, F&& f) {
    f(kCaseId, r.case_id); f("goal_id", r.goal_id); f("who", r.who); f("what", r.what); f("by_when", r.by_when);
    f("status", r.status); f("done_on", r.done_on);
}
template <class F> void visit(Resource& r, F&& f) {
    f(kCaseId, r.case_id); f("person_id", r.person_id); f("area", r.area); f("text", r.text);
}
template <class F> void visit(NetworkMap& r, F&& f) {
    f(kCaseId, r.case_id); f("person_id", r.person_id); f("drawn_on", r.drawn_on); f("contacts", r.contacts);
}
template <class F> void visit(ServiceFeedback& r, F&& f) {
    f(kCaseId, r.case_id); f("service_id", r.service_id); f("social_space", r.social_space); f("category", r.category);
    f("status", r.status); f("barriers", r.barriers); f("how_it_would_have_to_be", r.how_it_would_have_to_be);
    f("wanted", r.wanted); f("recorded_on", r.recorded_on);
}
template <class F> void visit(RiskAssessment& r, F&& f) {
    f(kCaseId, r.case_id); f("area", r.area); f("assessed_on", r.assessed_on); f("assessed_by", r.assessed_by);
    f("reasons", r.reasons);
}
template <class F> void visit(Mandate& r, F&& f) {
    f(kCaseId, r.case_id); f("kind", r.kind); f("text", r.text); f("given_by", r.given_by); f("given_to", r.given_to);
    f("due_on", r.due_on); f("status", r.status);
}
template <class F> void visit(Requirement& r, F&& f) {
    f(kCaseId, r.case_id); f("reason", r.reason); f("minimum_standard", r.minimum_standard);
    f("negotiable_way", r.negotiable_way); f("deadline", r.deadline); f("checked_by", r.checked_by);
    f("check_method", r.check_method); f("consequence", r.consequence); f("status", r.status);
    f("lifted_on", r.lifted_on);
}
template <class F> void visit(Measure& r, F&& f) {
    f(kCaseId, r.case_id); f("paragraph", r.paragraph); f("title", r.title);
    f("provider_organization", r.provider_organization); f("start", r.start); f("end", r.end);
}

using AllTypes = std::tuple<Case, Person, CaseMember, ContactEvent, Note, WillStatement, Goal, ActionStep, Resource,
                            NetworkMap, ServiceFeedback, RiskAssessment, Mandate, Requirement, Measure>;

// Calls f(std::type_identity<T>{}) for the record struct whose kType is `type`; false if none is.
template <class F>
bool with_type(const std::string& type, F&& f) {
    return [&]<class... Ts>(std::tuple<Ts...>*) {
        return ((type == Ts::kType ? (f(std::type_identity<Ts>{}), true) : false) || ...);
    }(static_cast<AllTypes*>(nullptr));
}

template <class T>
Fields encode(const T& record) {
    Fields out;
    visit(const_cast<T&>(record), [&](const char* name, auto& member) { out[name] = enc(member); });
    return out;
}

template <class T>
T decode(const std::string& id, const Fields& fields) {
    T r;
    r.id = id;
    visit(r, [&](const char* name, auto& member) {
        auto it = fields.find(name);
        if (it == fields.end()) return;
        auto value = member;
        if (dec(it->second, value))
            member = std::move(value);
        else
            r.unreadable.push_back(name);
    });
    return r;
}

const std::string& get_or_empty(const Fields& f, const std::string& name) {
    static const std::string kEmpty;
    auto it = f.find(name);
    return it == f.end() ? kEmpty : it->second;
}

Fields fields_of(const sync::Record& rec) {
    Fields out;
    for (const auto& [name, state] : rec.fields) out[name] = state.winner().value;
    return out;
}

template <class T>
T decode_record(const sync::Record& rec) {
    T r = decode<T>(rec.id, fields_of(rec));
    for (const auto& [name, state] : rec.fields)
        if (state.conflicted()) r.conflicts.push_back(name);
    r.delete_conflict = rec.delete_conflict();
    return r;
}

bool live(const sync::Record* rec) { return rec && !rec->deleted() && !rec->type.empty(); }

}  // namespace

// ---- the index ----------------------------------------------------------------------------------

namespace detail {
// Live records by type and by (type, reference field, value), each list sorted by id.
struct RecordIndex {
    std::uint64_t generation = 0;
    bool built = false;
    std::unordered_map<std::string, std::vector<const sync::Record*>> by_type;  // by id
    std::unordered_map<std::string, std::vector<const sync::Record*>> by_ref;   // key(): by id
    static std::string key(const std::string& type, const std::string& field, const std::string& value) {
        std::string k;
        k.reserve(type.size() + field.size() + value.size() + 2);
        k.append(type).push_back('\x1f');
        k.append(field).push_back('\x1f');
        k.append(value);
        return k;
    }
    // Keeps the index current across this process's own commits without a rebuild: drop() the
    // records a commit touches before it (their keys come from their fields as indexed), add()
    // them after it.
    void drop(const sync::Record* rec);
    void add(const sync::Record* rec);
};
}  // namespace detail

namespace {
// The fields queries and checks look records up by.
constexpr std::array<const char*, 7> kIndexed{kCaseId, "goal_id", "parent_goal_id", "contact_event_id",
                                              "service_id", "person_id", "provider_organization"};
bool indexed(const std::string& field) {
    return std::any_of(kIndexed.begin(), kIndexed.end(), [&](const char* f) { return field == f; });
}
}  // namespace

namespace detail {
namespace {
bool by_id(const sync::Record* a, const std::string& id) { return a->id < id; }
void erase_from(std::vector<const sync::Record*>& v, const sync::Record* rec) {
    auto it = std::lower_bound(v.begin(), v.end(), rec->id, by_id);
    if (it != v.end() && *it == rec) v.erase(it);
}
void insert_into(std::vector<const sync::Record*>& v, const sync::Record* rec) {
    auto it = std::lower_bound(v.begin(), v.end(), rec->id, by_id);
    if (it == v.end() || *it != rec) v.insert(it, rec);
}
}  // namespace

void RecordIndex::drop(const sync::Record* rec) {
    if (auto t = by_type.find(rec->type); t != by_type.end()) erase_from(t->second, rec);
    for (const char* field : kIndexed)
        if (auto f = rec->fields.find(field); f != rec->fields.end() && !f->second.winner().value.empty())
            if (auto k = by_ref.find(key(rec->type, field, f->second.winner().value)); k != by_ref.end())
                erase_from(k->second, rec);
}

void RecordIndex::add(const sync::Record* rec) {
    insert_into(by_type[rec->type], rec);
    for (const char* field : kIndexed)
        if (auto f = rec->fields.find(field); f != rec->fields.end() && !f->second.winner().value.empty())
            insert_into(by_ref[key(rec->type, field, f->second.winner().value)], rec);
}
}  // namespace detail

// ---- the batch's staged records and the view over store + staged --------------------------------

// A batch's Writer and, per record it touched, the fields as they will be after its commit.
struct Batch::State {
    explicit State(sync::Store& store) : writer(store) {}
    struct Staged {
        std::string type;
        Fields fields;
        sync::ScopeId scope{};
        bool removed = false;
    };
    sync::Writer writer;
    std::map<std::string, Staged> records;
    // Case scopes this batch founded for its new cases (key at epoch 1 already in the store):
    // forgotten again if the batch is dropped without a successful commit.
    std::vector<sync::ScopeId> founded;
    bool broken = false;  // a Writer call failed: the batch refuses further work and its commit
    std::string broken_detail;
};

namespace {

// A live record's type and display values (from the store or a batch).
struct Entry {
    std::string type;
    Fields fields;
};

// What checks and queries read: the store's display values, overlaid with a batch's staged ones.
class View {
public:
    View(const sync::Store& store, const detail::RecordIndex& index, const Batch::State* staged)
        : m_store(store), m_index(index), m_staged(staged) {}

    std::optional<Entry> get(const std::string& id) const {
        if (m_staged)
            if (auto it = m_staged->records.find(id); it != m_staged->records.end())
                return it->second.removed ? std::nullopt : std::optional<Entry>(Entry{it->second.type, it->second.fields});
        const sync::Record* rec = m_store.get(id);
        if (!live(rec)) return std::nullopt;
        return Entry{rec->type, fields_of(*rec)};
    }

    // Live records of `type` whose `field` equals `value` (every record of the type if `field` is
    // empty), by id.
    std::map<std::string, Fields> list(const std::string& type, const std::string& field = {},
                                       const std::string& value = {}) const {
        std::map<std::string, Fields> out;
        static const std::vector<const sync::Record*> kNone;
        const bool by_ref = !field.empty() && indexed(field);
        const auto& map = by_ref ? m_index.by_ref : m_index.by_type;
        const auto hit = map.find(by_ref ? detail::RecordIndex::key(type, field, value) : type);
        for (const sync::Record* rec : hit == map.end() ? kNone : hit->second) {
            if (!field.empty() && !by_ref) {
                auto f = rec->fields.find(field);
                if (f == rec->fields.end() || f->second.winner().value != value) continue;
            }
            if (m_staged && m_staged->records.count(rec->id)) continue;  // the staged state decides below
            out.emplace(rec->id, fields_of(*rec));
        }
        if (m_staged)
            for (const auto& [id, s] : m_staged->records)
                if (!s.removed && s.type == type && (field.empty() || get_or_empty(s.fields, field) == value))
                    out.emplace(id, s.fields);
        return out;
    }

    template <class T>
    std::vector<T> records(const std::string& field = {}, const std::string& value = {}) const {
        std::vector<T> out;
        for (const auto& [id, fields] : list(T::kType, field, value)) {
            const sync::Record* rec = m_staged && m_staged->records.count(id) ? nullptr : m_store.get(id);
            out.push_back(rec ? decode_record<T>(*rec) : decode<T>(id, fields));
        }
        return out;
    }

    std::optional<RiskAssessment> current_risk(const std::string& case_id) const {
        std::optional<RiskAssessment> best;
        for (RiskAssessment& r : records<RiskAssessment>(kCaseId, case_id))
            if (!best || std::tie(r.assessed_on, r.id) > std::tie(best->assessed_on, best->id)) best = std::move(r);
        return best;
    }

    const sync::Store& store() const { return m_store; }
    const Batch::State* staged() const { return m_staged; }

private:
    const sync::Store& m_store;
    const detail::RecordIndex& m_index;
    const Batch::State* m_staged;
};

// Collects the issues of one record.
class Checker {
public:
    Checker(const View& view, const std::optional<Entry>& existing, Issues& out)
        : m_view(view), m_existing(existing), m_out(out) {}

    void add(std::string field, Reason reason, std::string detail = {}) {
        m_out.push_back(Issue{std::move(field), reason, std::move(detail)});
    }
    void required(const char* field, const std::string& v) {
        if (blank(v)) add(field, Reason::Required);
    }
    // A date (or a time with `time`); `req`: it must be there.
    bool date(const char* field, const std::string& v, bool req, bool time = false) {
        if (v.empty()) {
            if (req) add(field, Reason::Required);
            return false;
        }
        if (!(time ? valid_time(v) : valid_date(v))) {
            add(field, Reason::Malformed, time ? "expected YYYY-MM-DDTHH:MM" : "expected YYYY-MM-DD");
            return false;
        }
        return true;
    }
    // `later` (a valid date/time of the same format as `start`) must not come before `start`.
    void not_before(const char* field, const std::string& later, const std::string& start, bool time = false) {
        if (later.empty() || start.empty()) return;
        const bool ok = time ? valid_time(later) && valid_time(start) : valid_date(later) && valid_date(start);
        if (ok && later < start) add(field, Reason::BeforeStart, later + " is before " + start);
    }
    // A reference to a live record of `type`; with a non-empty `case_id`, in that case.
    std::optional<Entry> ref(const std::string& field, const std::string& id, const char* type,
                             const std::string& case_id, bool req) {
        if (id.empty()) {
            if (req) add(field, Reason::Required);
            return std::nullopt;
        }
        auto e = m_view.get(id);
        if (!e || e->type != type) {
            add(field, Reason::UnknownReference, "no " + std::string(type) + " " + id);
            return std::nullopt;
        }
        if (!case_id.empty() && get_or_empty(e->fields, kCaseId) != case_id) {
            add(field, Reason::OtherCase, std::string(type) + " " + id + " belongs to another case");
            return std::nullopt;
        }
        return e;
    }
    // The case a child record belongs to: required, a live case, unchanged since the first save.
    void owner(const std::string& case_id) {
        if (m_existing) {
            const std::string& before = get_or_empty(m_existing->fields, kCaseId);
            if (before != case_id) {
                add(kCaseId, Reason::Immutable, "was " + before);
                return;
            }
        }
        ref(kCaseId, case_id, Case::kType, {}, true);
    }
    // An organization id: printable; if a record with it is here, an organization.
    void organization(const char* field, const std::string& id) {
        if (id.empty()) return;
        if (!sync::valid_id(id)) return add(field, Reason::Malformed);
        if (auto e = m_view.get(id); e && e->type != kOrganizationType)
            add(field, Reason::UnknownReference, id + " is a " + e->type);
    }
    const std::optional<Entry>& existing() const { return m_existing; }
    const View& view() const { return m_view; }

private:
    const View& m_view;
    const std::optional<Entry>& m_existing;
    Issues& m_out;
};

// ---- the rules of each record type (docs/domain.md, "Rules") ------------------------------------

void rules(const Case& r, Checker& c) {
    c.required("name", r.name);
    c.required("social_space", r.social_space);
    if (r.status != CaseStatus::New) c.required("lead_worker", r.lead_worker);
    const bool opened = c.date("opened_on", r.opened_on, true);
    const bool ended = r.status == CaseStatus::Closed || r.status == CaseStatus::Transferred;
    if (c.date("closed_on", r.closed_on, ended) && opened) c.not_before("closed_on", r.closed_on, r.opened_on);
    if (r.status == CaseStatus::Transferred) c.required("transferred_to", r.transferred_to);
    if (!r.retention_class.empty() && !valid_token(r.retention_class))
        c.add("retention_class", Reason::Malformed, "use a-z, 0-9, _");
    if (c.date("retention_end", r.retention_end, false) && opened)
        c.not_before("retention_end", r.retention_end, r.opened_on);
    c.organization("provider_organization", r.provider_organization);
}

void rules(const Person& r, Checker& c) {
    c.owner(r.case_id);
    if (blank(r.given_name) && blank(r.family_name)) c.add("given_name", Reason::Required, "a given or a family name");
    c.date("birth_date", r.birth_date, false);
}

void rules(const CaseMember& r, Checker& c) {
    c.owner(r.case_id);
    if (!c.ref("person_id", r.person_id, Person::kType, r.case_id, true)) return;
    for (const auto& [id, f] : c.view().list(CaseMember::kType, kCaseId, r.case_id))
        if (id != r.id && get_or_empty(f, "person_id") == r.person_id)
            return c.add("person_id", Reason::Duplicate, "already a member as " + id);
}

void rules(const ContactEvent& r, Checker& c) {
    c.owner(r.case_id);
    const bool final = r.status == ContactStatus::Final;
    const bool started = c.date("started_at", r.started_at, true, true);
    if (c.date("ended_at", r.ended_at, final, true) && started) c.not_before("ended_at", r.ended_at, r.started_at, true);
    for (std::size_t i = 0; i < r.participants.size(); ++i) {
        const std::string field = "participants[" + std::to_string(i) + "]";
        c.ref(field, r.participants[i], Person::kType, r.case_id, true);
        if (std::find(r.participants.begin(), r.participants.begin() + long(i), r.participants[i]) !=
            r.participants.begin() + long(i))
            c.add(field, Reason::Duplicate);
    }
    if (!final) {
        if (c.existing() && get_or_empty(c.existing()->fields, "status") == to_string(ContactStatus::Final))
            c.add("status", Reason::NotAllowed, "a final contact event does not become a draft again");
        return;
    }
    if (r.participants.empty()) c.add("participants", Reason::Required, "who took part");
    if (r.kind == ContactKind::HomeVisit && r.child_seen == ChildSeen::Unknown)
        c.add("child_seen", Reason::Required, "a home visit records whether the child was seen");
}

void rules(const Note& r, Checker& c) {
    c.owner(r.case_id);
    c.required("text", r.text);
    c.date("written_at", r.written_at, true, true);
    c.ref("contact_event_id", r.contact_event_id, ContactEvent::kType, r.case_id, false);
}

void rules(const WillStatement& r, Checker& c) {
    c.owner(r.case_id);
    c.ref("person_id", r.person_id, Person::kType, r.case_id, true);
    c.required("text", r.text);
    c.date("recorded_on", r.recorded_on, true);
}

void rules(const Goal& r, Checker& c) {
    c.owner(r.case_id);
    c.required("text", r.text);
    if (r.scale_now < 0 || r.scale_now > 10) c.add("scale_now", Reason::OutOfRange, "0..10");
    if (r.scale_target < 0 || r.scale_target > 10) c.add("scale_target", Reason::OutOfRange, "0..10");
    if (c.date("set_on", r.set_on, true)) c.not_before("review_on", r.review_on, r.set_on);
    c.date("review_on", r.review_on, false);
    if (r.level == GoalLevel::Direction) {
        if (!r.parent_goal_id.empty())
            c.add("parent_goal_id", Reason::NotAllowed, "a direction goal has no parent goal");
    } else if (!r.id.empty() && r.parent_goal_id == r.id) {
        c.add("parent_goal_id", Reason::NotAllowed, "a goal is not its own parent");
    } else if (auto parent = c.ref("parent_goal_id", r.parent_goal_id, Goal::kType, r.case_id, true)) {
        if (get_or_empty(parent->fields, "level") != to_string(GoalLevel::Direction))
            c.add("parent_goal_id", Reason::NotAllowed, "an action goal hangs under a direction goal");
    }
    if (auto will = c.ref("will_statement_id", r.will_statement_id, WillStatement::kType, r.case_id, false)) {
        if (!decode<WillStatement>(r.will_statement_id, will->fields).is_will())
            c.add("will_statement_id", Reason::IsWish, "the statement has no own contribution yet");
    }
}

void rules(const ActionStep& r, Checker& c) {
    c.owner(r.case_id);
    c.ref("goal_id", r.goal_id, Goal::kType, r.case_id, true);
    c.required("who", r.who);
    c.required("what", r.what);
    c.date("by_when", r.by_when, true);
    c.date("done_on", r.done_on, r.status == StepStatus::Done);
}

void rules(const Resource& r, Checker& c) {
    c.owner(r.case_id);
    c.ref("person_id", r.person_id, Person::kType, r.case_id, false);
    c.required("text", r.text);
}

void rules(const NetworkMap& r, Checker& c) {
    c.owner(r.case_id);
    c.ref("person_id", r.person_id, Person::kType, r.case_id, false);
    c.date("drawn_on", r.drawn_on, true);
    for (std::size_t i = 0; i < r.contacts.size(); ++i) {
        const std::string at = "contacts[" + std::to_string(i) + "].";
        if (blank(r.contacts[i].name)) c.add(at + "name", Reason::Required);
        if (r.contacts[i].distance < 1 || r.contacts[i].distance > 3) c.add(at + "distance", Reason::OutOfRange, "1..3");
    }
}

void rules(const ServiceFeedback& r, Checker& c) {
    c.owner(r.case_id);
    const bool missing = r.status == FeedbackStatus::MissingWanted;
    c.ref("service_id", r.service_id, kServiceType, {}, !missing);
    if (missing && r.service_id.empty()) c.required("wanted", r.wanted);
    c.required("social_space", r.social_space);
    c.required("category", r.category);
    // The offer map's vocabulary (offers::feedback_category). A stored value this build does not
    // know (a newer build's) is left alone as long as the save does not change it.
    if (!r.category.empty() && !offers::feedback_category(r.category) &&
        !(c.existing() && get_or_empty(c.existing()->fields, "category") == r.category))
        c.add("category", Reason::UnknownValue, "not an offer category: " + r.category);
    for (std::size_t i = 0; i < r.barriers.size(); ++i)
        if (std::find(r.barriers.begin(), r.barriers.begin() + long(i), r.barriers[i]) != r.barriers.begin() + long(i))
            c.add("barriers[" + std::to_string(i) + "]", Reason::Duplicate);
    c.date("recorded_on", r.recorded_on, true);
}

void rules(const RiskAssessment& r, Checker& c) {
    c.owner(r.case_id);
    c.date("assessed_on", r.assessed_on, true);
    c.required("assessed_by", r.assessed_by);
    if (r.area != RiskArea::Service) c.required("reasons", r.reasons);
}

void rules(const Mandate& r, Checker& c) {
    c.owner(r.case_id);
    c.required("text", r.text);
    c.required("given_by", r.given_by);
    c.required("given_to", r.given_to);
    c.date("due_on", r.due_on, false);
    // The office names its concern only in the Grau- or Gefährdungsbereich; a mandate given then
    // stays valid when the case later moves on.
    const bool newly_change = r.kind == MandateKind::Change &&
                              (!c.existing() || get_or_empty(c.existing()->fields, "kind") != to_string(MandateKind::Change));
    if (newly_change) {
        auto risk = c.view().current_risk(r.case_id);
        if (!risk || risk->area == RiskArea::Service)
            c.add("kind", Reason::NeedsConcern, "a change mandate needs the Grau- or Gefährdungsbereich");
    }
}

void rules(const Requirement& r, Checker& c) {
    c.owner(r.case_id);
    c.required("reason", r.reason);
    c.required("minimum_standard", r.minimum_standard);
    c.date("deadline", r.deadline, true);
    c.required("checked_by", r.checked_by);
    c.required("check_method", r.check_method);
    c.required("consequence", r.consequence);
    c.date("lifted_on", r.lifted_on, r.status == RequirementStatus::Lifted);
    if (r.status == RequirementStatus::Open) {
        auto risk = c.view().current_risk(r.case_id);
        if (!risk || risk->area != RiskArea::Danger)
            c.add("risk_assessment", Reason::NotInDangerArea,
                  risk ? "the case's current area is " + std::string(to_string(risk->area)) : "the case has no risk assessment");
    }
}

void rules(const Measure& r, Checker& c) {
    c.owner(r.case_id);
    const auto& ps = sgb8_paragraphs();
    if (r.paragraph.empty())
        c.add("paragraph", Reason::Required);
    else if (std::find(ps.begin(), ps.end(), r.paragraph) == ps.end())
        c.add("paragraph", Reason::UnknownValue, "§ " + r.paragraph);
    if (c.date("start", r.start, true)) c.not_before("end", r.end, r.start);
    c.date("end", r.end, false);
    c.organization("provider_organization", r.provider_organization);
}

// Fill-ins a save makes before checking: a feedback's social space from its case and its
// category from its service.
template <class T>
void prepare(T&, const View&) {}
void prepare(ServiceFeedback& r, const View& view) {
    if (r.social_space.empty() && !r.case_id.empty())
        if (auto c = view.get(r.case_id); c && c->type == Case::kType) r.social_space = get_or_empty(c->fields, "social_space");
    // A service's category outside the vocabulary (a newer build's) gives `other`.
    if (r.category.empty() && !r.service_id.empty())
        if (auto s = view.get(r.service_id); s && s->type == kServiceType) {
            r.category = get_or_empty(s->fields, "category");
            if (!offers::feedback_category(r.category)) r.category = offers::kOtherCategory;
        }
    // A new record is written with the current id (an older id, e.g. from a service record
    // written before the vocabulary was one, becomes its successor); stored ones stay as they are.
    if (r.id.empty())
        if (auto current = offers::feedback_category(r.category)) r.category = *current;
}

template <class T>
Issues check_in(const T& record, const View& view, const std::optional<Entry>& existing) {
    Issues issues;
    Checker c(view, existing, issues);
    visit(const_cast<T&>(record), [&](const char* name, const auto& member) {
        if (!text_ok(member)) c.add(name, Reason::Malformed, "not valid UTF-8 or too long");
    });
    rules(record, c);
    return issues;
}

template <class T>
std::optional<Entry> existing_of(const T& record, const View& view) {
    if (record.id.empty()) return std::nullopt;
    return view.get(record.id);
}

Failure<Error> store_failure(const Failure<sync::Error>& f) {
    return {Error::Store, std::string(sync::to_string(f.error)) + (f.detail.empty() ? "" : ": " + f.detail)};
}

}  // namespace

// ---- Batch ---------------------------------------------------------------------------------------

Batch::Batch(Repository& repository) : m_repo(repository), m_state(std::make_unique<State>(repository.m_store)) {}
Batch::~Batch() {
    // A case scope founded for a case that was never committed holds nothing: its key goes again,
    // so that no empty scope is registered at the next sync. (A crash in between leaves one empty
    // case scope behind, registered like any other; nothing of a case is in it.)
    for (const sync::ScopeId& scope : m_state->founded) (void)m_repo.m_store.remove_scope_key(scope, 1);
}

std::size_t Batch::staged() const { return m_state->writer.size(); }

namespace {

// Stages one field write and keeps the batch's view of the record current.
Result<std::string> stage_set(Batch::State& st, const sync::Store& store, const std::string& type, const std::string& id,
                              const std::string& field, const std::string& value, const sync::ScopeId* scope) {
    auto r = st.writer.set(type, id, field, value, scope);
    if (!r) {
        st.broken = true;
        st.broken_detail = store_failure(r.failure()).detail;
        return store_failure(r.failure());
    }
    auto [it, fresh] = st.records.try_emplace(*r);
    if (fresh) {
        it->second.type = type;
        if (const sync::Record* rec = store.get(*r); live(rec)) {
            it->second.fields = fields_of(*rec);
            it->second.scope = rec->scope;
        } else {
            it->second.scope = scope ? *scope : store.default_scope();
        }
    }
    it->second.fields[field] = value;
    return *r;
}

// A new case's own scope (docs/roles.md: kind `case`, founded by the worker who opens the case):
// a fresh key at epoch 1, its kind recorded as `quartier-cli scope create` records it (setting
// "scope_kind:<hex>"), registered in the directory at the next sync with this device as its
// member. Refused if this device is enrolled in a role that may not hold a case scope.
Result<sync::ScopeId> found_case_scope(sync::Store& store) {
    const sync::Directory& dir = store.directory();
    const sync::DeviceId me = store.device().id();
    if (const sync::DeviceInfo* self = dir.device(me); self && !self->revoked)
        if (auto ok = sync::roles::may_hold(dir, crypto::random_id(), sync::ScopeKind::Case, me); !ok.allowed)
            return {Error::Denied, "role: " + ok.reason};
    auto id = store.create_scope();
    if (!id) return store_failure(id.failure());
    if (auto r = store.set_setting(std::string(kScopeKindSetting) + crypto::to_hex(*id), "case"); !r) {
        (void)store.remove_scope_key(*id, 1);
        return store_failure(r.failure());
    }
    return *id;
}

std::optional<sync::ScopeId> scope_of(const Batch::State& st, const sync::Store& store, const std::string& id) {
    if (auto it = st.records.find(id); it != st.records.end()) return it->second.scope;
    if (const sync::Record* rec = store.get(id)) return rec->scope;
    return std::nullopt;
}

}  // namespace

template <class T>
Result<std::string> Batch::save(T& record, SaveOptions options) {
    State& st = *m_state;
    if (options.issues) options.issues->clear();
    if (st.broken) return {Error::Store, st.broken_detail};
    const sync::Store& store = m_repo.m_store;
    View view(store, m_repo.index(), &st);
    std::optional<Entry> existing;
    if (!record.id.empty()) {
        existing = view.get(record.id);
        if (!existing) return {Error::NotFound, "no record " + record.id};
        if (existing->type != T::kType) return {Error::WrongType, record.id + " is a " + existing->type};
    }
    prepare(record, view);
    Issues issues = check_in(record, view, existing);
    if (!issues.empty()) {
        if (options.issues) *options.issues = issues;
        return {Error::Invalid, describe(issues)};
    }

    // Where a new record goes (invariant 5): a case founds its own case scope; an entrusted note
    // goes to the worker's personal scope (§65 SGB VIII); every other record into its case's scope.
    std::optional<sync::ScopeId> scope;
    if (!existing) {
        if (options.scope) {
            scope = *options.scope;
        } else if constexpr (std::is_same_v<T, Case>) {
            auto founded = found_case_scope(m_repo.m_store);
            if (!founded) return founded.failure();
            st.founded.push_back(*founded);
            scope = *founded;
        } else {
            if constexpr (std::is_same_v<T, Note>)
                if (record.entrusted) scope = store.default_scope();
            if (!scope) scope = scope_of(st, store, record.case_id);
        }
    } else {
        // An existing record is written under the scope it was made in, named (the store refuses
        // a write that names another: docs/threat-model.md, "Records bound to their scope").
        scope = scope_of(st, store, record.id);
    }
    const Fields fields = encode(record);
    std::string id = record.id;
    for (const auto& [name, value] : fields) {
        if (std::find(record.unreadable.begin(), record.unreadable.end(), name) != record.unreadable.end()) continue;
        if (existing ? value == get_or_empty(existing->fields, name) : value.empty()) continue;
        auto r = stage_set(st, store, T::kType, id, name, value, scope ? &*scope : nullptr);
        if (!r) return r;
        id = *r;
    }
    if (id.empty()) {  // a new record with every field empty: only Case could be, and it needs a name
        auto r = stage_set(st, store, T::kType, id, fields.begin()->first, {}, scope ? &*scope : nullptr);
        if (!r) return r;
        id = *r;
    }
    record.id = id;
    if (!options.legal_basis.empty()) st.writer.legal_basis(options.legal_basis);

    if constexpr (std::is_same_v<T, RiskAssessment>) {
        // Invariant 4: leaving the Gefährdungsbereich lifts the case's open requirements.
        auto current = View(store, m_repo.index(), &st).current_risk(record.case_id);
        if (current && current->area != RiskArea::Danger) {
            for (const Requirement& req : View(store, m_repo.index(), &st).records<Requirement>(kCaseId, record.case_id)) {
                if (req.status != RequirementStatus::Open) continue;
                const auto req_scope = scope_of(st, store, req.id);
                const sync::ScopeId* in = req_scope ? &*req_scope : nullptr;
                auto a = stage_set(st, store, Requirement::kType, req.id, "status", enc(RequirementStatus::Lifted), in);
                if (!a) return a;
                auto b = stage_set(st, store, Requirement::kType, req.id, "lifted_on", current->assessed_on, in);
                if (!b) return b;
            }
        }
    }
    return id;
}

Result<void> Batch::remove(const std::string& id) {
    State& st = *m_state;
    if (st.broken) return {Error::Store, st.broken_detail};
    const sync::Store& store = m_repo.m_store;
    View view(store, m_repo.index(), &st);
    auto e = view.get(id);
    if (!e) return {Error::NotFound, "no record " + id};
    if (e->type == Goal::kType) {
        const std::string& case_id = get_or_empty(e->fields, kCaseId);
        for (const auto& [step, f] : view.list(ActionStep::kType, "goal_id", id))
            if (get_or_empty(f, kCaseId) == case_id)
                if (auto r = remove(step); !r) return r;
        for (const auto& [child, f] : view.list(Goal::kType, "parent_goal_id", id))
            if (get_or_empty(f, kCaseId) == case_id)
                if (auto r = remove(child); !r) return r;
    }
    const auto scope = scope_of(st, store, id);
    if (auto r = st.writer.remove(id, scope ? &*scope : nullptr); !r) {
        st.broken = true;
        st.broken_detail = store_failure(r.failure()).detail;
        return store_failure(r.failure());
    }
    auto& s = st.records[id];
    s.type = e->type;
    s.fields = e->fields;
    s.removed = true;
    return {};
}

Result<void> Batch::commit() {
    State& st = *m_state;
    if (st.broken) return {Error::Store, st.broken_detail};
    const sync::Store& store = m_repo.m_store;
    detail::RecordIndex& ix = *m_repo.m_index;
    // The index follows this commit record by record if it is current and the commit applies
    // exactly its own ops; anything else (a failure, a surprise) leaves it to a full rebuild.
    const bool follow = ix.built && ix.generation == store.generation();
    const std::uint64_t expected = store.generation() + st.writer.size();
    if (follow)
        for (const auto& [id, staged] : st.records)
            if (const sync::Record* rec = store.get(id); live(rec)) ix.drop(rec);
    if (auto r = st.writer.commit(); !r) {
        ix.built = false;
        st.broken = true;
        st.broken_detail = store_failure(r.failure()).detail;
        return store_failure(r.failure());
    }
    st.founded.clear();  // the cases are stored: their scopes stay
    if (follow && store.generation() == expected) {
        for (const auto& [id, staged] : st.records)
            if (const sync::Record* rec = store.get(id); live(rec)) ix.add(rec);
        ix.generation = expected;
    } else {
        ix.built = false;
    }
    st.records.clear();
    return {};
}

// ---- Repository ----------------------------------------------------------------------------------

Repository::Repository(sync::Store& store) : m_store(store), m_index(std::make_unique<detail::RecordIndex>()) {}
Repository::~Repository() = default;

const detail::RecordIndex& Repository::index() const {
    detail::RecordIndex& ix = *m_index;
    if (ix.built && ix.generation == m_store.generation()) return ix;
    ix.by_type.clear();
    ix.by_ref.clear();
    for (const sync::Record* rec : m_store.list()) {  // live records, by id
        ix.by_type[rec->type].push_back(rec);
        for (const char* field : kIndexed) {
            auto f = rec->fields.find(field);
            if (f != rec->fields.end() && !f->second.winner().value.empty())
                ix.by_ref[detail::RecordIndex::key(rec->type, field, f->second.winner().value)].push_back(rec);
        }
    }
    ix.generation = m_store.generation();
    ix.built = true;
    return ix;
}

template <class T>
Result<T> Repository::load(const std::string& id) const {
    const sync::Record* rec = m_store.get(id);
    if (!live(rec)) return {Error::NotFound, "no record " + id};
    if (rec->type != T::kType) return {Error::WrongType, id + " is a " + rec->type};
    return decode_record<T>(*rec);
}

template <class T>
Issues Repository::check(const T& record) const {
    View view(m_store, index(), nullptr);
    T copy = record;
    prepare(copy, view);
    return check_in(copy, view, existing_of(copy, view));
}

template <class T>
Result<std::string> Repository::save(T& record, SaveOptions options) {
    const std::string before = record.id;
    Batch batch(*this);
    auto r = batch.save(record, options);
    if (!r) return r;
    if (auto c = batch.commit(); !c) {
        record.id = before;
        return c.failure();
    }
    return r;
}

Result<void> Repository::remove(const std::string& id) {
    Batch batch(*this);
    if (auto r = batch.remove(id); !r) return r;
    return batch.commit();
}

Result<ContactEvent> Repository::start_visit(const std::string& case_id, ContactKind kind, const std::string& started_at,
                                             const std::string& worker) {
    ContactEvent e;
    e.case_id = case_id;
    e.kind = kind;
    e.started_at = started_at;
    e.worker = worker;
    if (auto r = save(e); !r) return r.failure();
    return e;
}

Issues Repository::check_final(const ContactEvent& event) const {
    ContactEvent copy = event;
    copy.status = ContactStatus::Final;
    return check(copy);
}

Result<void> Repository::finalise(const std::string& id, SaveOptions options) {
    auto e = load<ContactEvent>(id);
    if (!e) return e.failure();
    e->status = ContactStatus::Final;
    if (auto r = save(*e, options); !r) return r.failure();
    return {};
}

std::vector<FieldConflict> Repository::conflicts(const std::string& id) const {
    std::vector<FieldConflict> out;
    const sync::Record* rec = m_store.get(id);
    if (!rec) return out;
    for (const auto& [name, state] : rec->fields) {
        if (!state.conflicted()) continue;
        FieldConflict fc{name, {}};
        for (const auto& h : state.heads) fc.values.push_back(h.value);
        out.push_back(std::move(fc));
    }
    return out;
}

Result<void> Repository::resolve(const std::string& id, const std::string& field, const std::string& value,
                                 SaveOptions options) {
    if (options.issues) options.issues->clear();
    const sync::Record* rec = m_store.get(id);
    if (!live(rec)) return {Error::NotFound, "no record " + id};
    if (!rec->fields.count(field)) return {Error::NotFound, "no field " + field + " on " + id};
    Issues issues;
    const bool known = with_type(rec->type, [&]<class T>(std::type_identity<T>) {
        Fields f = fields_of(*rec);
        f[field] = value;
        const T candidate = decode<T>(id, f);
        View view(m_store, index(), nullptr);
        const std::optional<Entry> existing = Entry{rec->type, fields_of(*rec)};
        if (std::find(candidate.unreadable.begin(), candidate.unreadable.end(), field) != candidate.unreadable.end())
            issues.push_back(Issue{field, Reason::Malformed, "not a value of this field"});
        else if (!encode(candidate).count(field))
            issues.push_back(Issue{field, Reason::UnknownValue, "no such field on " + rec->type});
        else
            issues = check_in(candidate, view, existing);
    });
    if (!known) return {Error::WrongType, id + " is a " + rec->type + ", not a domain record"};
    if (!issues.empty()) {
        if (options.issues) *options.issues = issues;
        return {Error::Invalid, describe(issues)};
    }
    sync::Writer w(m_store);
    if (!options.legal_basis.empty()) w.legal_basis(options.legal_basis);
    if (auto r = w.resolve(id, field, value); !r) return store_failure(r.failure());
    if (auto r = w.commit(); !r) return store_failure(r.failure());
    return {};
}

Result<void> Repository::keep_edit(const std::string& id, SaveOptions options) {
    if (options.issues) options.issues->clear();
    const sync::Record* rec = m_store.get(id);
    if (!live(rec)) return {Error::NotFound, "no record " + id};
    if (!rec->delete_conflict()) return {Error::NotFound, "no edit concurrent with a delete on " + id};
    Fields present = fields_of(*rec);
    Fields restored;  // what the delete took away, as it was before the delete
    Issues issues;
    const bool known = with_type(rec->type, [&]<class T>(std::type_identity<T>) {
        for (const auto& [name, unused] : encode(T{})) {
            if (present.count(name)) continue;
            auto h = m_store.history(id, name);  // oldest first
            if (h && !h->empty()) restored[name] = h->back().value;
        }
        Fields all = present;
        all.insert(restored.begin(), restored.end());
        const T candidate = decode<T>(id, all);
        View view(m_store, index(), nullptr);
        issues = check_in(candidate, view, std::optional<Entry>(Entry{rec->type, all}));
    });
    if (!known) return {Error::WrongType, id + " is a " + rec->type + ", not a domain record"};
    if (!issues.empty()) {
        if (options.issues) *options.issues = issues;
        return {Error::Invalid, describe(issues)};
    }
    // Each set names the tombstones as parents (sync::Writer::set): the record lives on. With
    // nothing to restore, an unconflicted field is written again with its value to do that.
    sync::Writer w(m_store);
    if (!options.legal_basis.empty()) w.legal_basis(options.legal_basis);
    if (restored.empty()) {
        auto plain = std::find_if(rec->fields.begin(), rec->fields.end(), [](const auto& f) { return !f.second.conflicted(); });
        if (plain == rec->fields.end()) plain = rec->fields.begin();  // every field conflicted: the resolve rows stay
        restored[plain->first] = plain->second.winner().value;
    }
    const std::string type = rec->type;
    for (const auto& [name, value] : restored)
        if (auto r = w.set(type, id, name, value); !r) return store_failure(r.failure());
    if (auto r = w.commit(); !r) return store_failure(r.failure());
    return {};
}

Result<std::vector<NoteVersion>> Repository::note_versions(const std::string& note_id) const {
    const sync::Record* rec = m_store.get(note_id);
    if (!rec) return {Error::NotFound, "no record " + note_id};
    if (rec->type != Note::kType) return {Error::WrongType, note_id + " is a " + rec->type};
    auto h = m_store.history(note_id, "text");
    if (!h) return store_failure(h.failure());
    std::vector<NoteVersion> out;
    for (const sync::FieldVersion& v : *h) out.push_back(NoteVersion{v.hlc, crypto::to_hex(v.author), v.value});
    return out;
}

// ---- queries -------------------------------------------------------------------------------------

namespace {

template <class T, class Key>
std::vector<T> sorted(std::vector<T> v, Key key) {
    std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
    return v;
}

}  // namespace

std::vector<Case> Repository::cases() const {
    return sorted(View(m_store, index(), nullptr).records<Case>(), [](const Case& c) { return std::tie(c.name, c.id); });
}

std::vector<Case> Repository::cases_for_provider(const std::string& organization_id) const {
    if (organization_id.empty()) return {};
    return sorted(View(m_store, index(), nullptr).records<Case>("provider_organization", organization_id),
                  [](const Case& c) { return std::tie(c.name, c.id); });
}

std::vector<Member> Repository::members(const std::string& case_id) const {
    View view(m_store, index(), nullptr);
    std::vector<Member> out;
    for (CaseMember& m : view.records<CaseMember>(kCaseId, case_id)) {
        Member row{std::move(m), {}};
        if (auto p = load<Person>(row.member.person_id)) row.person = std::move(*p);
        else row.person.id = row.member.person_id;
        out.push_back(std::move(row));
    }
    std::stable_sort(out.begin(), out.end(), [](const Member& a, const Member& b) {
        return std::make_tuple(int(a.member.role), a.person.display_name(), a.member.id) <
               std::make_tuple(int(b.member.role), b.person.display_name(), b.member.id);
    });
    return out;
}

std::vector<ContactEvent> Repository::contact_events(const std::string& case_id) const {
    auto v = View(m_store, index(), nullptr).records<ContactEvent>(kCaseId, case_id);
    std::stable_sort(v.begin(), v.end(), [](const ContactEvent& a, const ContactEvent& b) {
        return std::tie(b.started_at, b.id) < std::tie(a.started_at, a.id);
    });
    return v;
}

std::vector<Note> Repository::notes(const std::string& case_id) const {
    auto v = View(m_store, index(), nullptr).records<Note>(kCaseId, case_id);
    std::stable_sort(v.begin(), v.end(),
                     [](const Note& a, const Note& b) { return std::tie(b.written_at, b.id) < std::tie(a.written_at, a.id); });
    return v;
}

std::vector<Note> Repository::notes_of_visit(const std::string& contact_event_id) const {
    if (contact_event_id.empty()) return {};
    return sorted(View(m_store, index(), nullptr).records<Note>("contact_event_id", contact_event_id),
                  [](const Note& n) { return std::tie(n.written_at, n.id); });
}

std::vector<WillStatement> Repository::will_statements(const std::string& case_id) const {
    return sorted(View(m_store, index(), nullptr).records<WillStatement>(kCaseId, case_id),
                  [](const WillStatement& w) { return std::tie(w.recorded_on, w.id); });
}

std::vector<Goal> Repository::goals(const std::string& case_id) const {
    return sorted(View(m_store, index(), nullptr).records<Goal>(kCaseId, case_id),
                  [](const Goal& g) { return std::tie(g.set_on, g.id); });
}

std::vector<ActionStep> Repository::action_steps(const std::string& goal_id) const {
    if (goal_id.empty()) return {};
    return sorted(View(m_store, index(), nullptr).records<ActionStep>("goal_id", goal_id),
                  [](const ActionStep& s) { return std::tie(s.by_when, s.id); });
}

std::vector<Resource> Repository::resources(const std::string& case_id) const {
    return sorted(View(m_store, index(), nullptr).records<Resource>(kCaseId, case_id),
                  [](const Resource& r) { return std::make_tuple(int(r.area), r.id); });
}

std::vector<NetworkMap> Repository::network_maps(const std::string& case_id) const {
    auto v = View(m_store, index(), nullptr).records<NetworkMap>(kCaseId, case_id);
    std::stable_sort(v.begin(), v.end(), [](const NetworkMap& a, const NetworkMap& b) {
        return std::tie(b.drawn_on, b.id) < std::tie(a.drawn_on, a.id);
    });
    return v;
}

std::vector<ServiceFeedback> Repository::service_feedback(const std::string& case_id) const {
    return sorted(View(m_store, index(), nullptr).records<ServiceFeedback>(kCaseId, case_id),
                  [](const ServiceFeedback& f) { return std::tie(f.recorded_on, f.id); });
}

std::vector<ServiceFeedback> Repository::feedback_for_service(const std::string& service_id) const {
    if (service_id.empty()) return {};
    return sorted(View(m_store, index(), nullptr).records<ServiceFeedback>("service_id", service_id),
                  [](const ServiceFeedback& f) { return std::tie(f.recorded_on, f.id); });
}

std::vector<RiskAssessment> Repository::risk_assessments(const std::string& case_id) const {
    return sorted(View(m_store, index(), nullptr).records<RiskAssessment>(kCaseId, case_id),
                  [](const RiskAssessment& r) { return std::tie(r.assessed_on, r.id); });
}

std::optional<RiskAssessment> Repository::current_risk(const std::string& case_id) const {
    return View(m_store, index(), nullptr).current_risk(case_id);
}

std::vector<Mandate> Repository::mandates(const std::string& case_id) const {
    return sorted(View(m_store, index(), nullptr).records<Mandate>(kCaseId, case_id),
                  [](const Mandate& m) { return std::tie(m.due_on, m.id); });
}

std::vector<Requirement> Repository::requirements(const std::string& case_id) const {
    return sorted(View(m_store, index(), nullptr).records<Requirement>(kCaseId, case_id),
                  [](const Requirement& r) { return std::tie(r.deadline, r.id); });
}

std::vector<Measure> Repository::measures(const std::string& case_id) const {
    return sorted(View(m_store, index(), nullptr).records<Measure>(kCaseId, case_id),
                  [](const Measure& m) { return std::tie(m.start, m.id); });
}

// ---- the record types this layer knows -----------------------------------------------------------

#define QUARTIER_DOMAIN_TYPE(T)                                                        \
    template Result<T> Repository::load<T>(const std::string&) const;                  \
    template Issues Repository::check<T>(const T&) const;                              \
    template Result<std::string> Repository::save<T>(T&, SaveOptions);                 \
    template Result<std::string> Batch::save<T>(T&, SaveOptions);
QUARTIER_DOMAIN_TYPE(Case)
QUARTIER_DOMAIN_TYPE(Person)
QUARTIER_DOMAIN_TYPE(CaseMember)
QUARTIER_DOMAIN_TYPE(ContactEvent)
QUARTIER_DOMAIN_TYPE(Note)
QUARTIER_DOMAIN_TYPE(WillStatement)
QUARTIER_DOMAIN_TYPE(Goal)
QUARTIER_DOMAIN_TYPE(ActionStep)
QUARTIER_DOMAIN_TYPE(Resource)
QUARTIER_DOMAIN_TYPE(NetworkMap)
QUARTIER_DOMAIN_TYPE(ServiceFeedback)
QUARTIER_DOMAIN_TYPE(RiskAssessment)
QUARTIER_DOMAIN_TYPE(Mandate)
QUARTIER_DOMAIN_TYPE(Requirement)
QUARTIER_DOMAIN_TYPE(Measure)
#undef QUARTIER_DOMAIN_TYPE

}  // namespace quartier::domain
