// The checks of a record before it is saved (repository.h, "check"): first the schema's generic
// ones, field by field (schema.h: text the store takes, required values, date and time formats,
// ranges, references to live records of the same case, the owning case), then the type's own
// rules below, which say only what the schema cannot (docs/domain.md, "Rules").
// Not stateful: a Checker lives for one check and only collects issues.
#include "repository_detail.h"

#include "offers/offers.h"
#include "sync/store/opcodec.h"

#include <algorithm>
#include <set>
#include <map>
#include <string>
#include <type_traits>

namespace quartier::domain {

namespace {

// Text checks on every string a record holds: what the store would refuse, caught as an issue.
bool text_ok(const std::string& s) { return s.size() <= sync::kMaxValueLength && sync::valid_utf8(s); }
bool text_ok(const std::vector<std::string>& v) {
    return std::all_of(v.begin(), v.end(), [](const std::string& s) { return text_ok(s); });
}
bool text_ok(const std::vector<NetworkContact>& v) {
    return std::all_of(v.begin(), v.end(), [](const NetworkContact& c) { return text_ok(c.name) && text_ok(c.note); });
}
bool text_ok(const std::vector<ProgressEntry>& v) {
    return std::all_of(v.begin(), v.end(), [](const ProgressEntry& e) {
        return text_ok(e.goal_id) && text_ok(e.mandate_id) && text_ok(e.happened) && text_ok(e.family_did);
    });
}
template <class M>
bool text_ok(const M&) {
    return true;
}
// Collects the issues of one record.
class Checker {
public:
    Checker(const View& view, const std::optional<Entry>& existing, Issues& out)
        : m_view(view), m_existing(existing), m_out(out) {}

    void add(std::string field, Reason reason, std::string detail = {}) {
        m_out.push_back(Issue{std::move(field), reason, std::move(detail)});
    }
    void required(const std::string& field, const std::string& v) {
        if (blank(v)) add(field, Reason::Required);
    }
    // A date (or a time with `time`); `req`: it must be there.
    bool date(const std::string& field, const std::string& v, bool req, bool time = false) {
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
    void organization(const std::string& field, const std::string& id) {
        if (id.empty()) return;
        if (!sync::valid_id(id)) return add(field, Reason::Malformed);
        if (auto e = m_view.get(id); e && e->type != kOrganizationType)
            add(field, Reason::UnknownReference, id + " is a " + e->type);
    }
    // A value that must not be empty (a date or time required only in some states).
    void needed(const char* field, const std::string& v) {
        if (v.empty()) add(field, Reason::Required);
    }

    // The schema's checks of one field (schema.h): `at` prefixes the field names of a
    // sub-record's fields ("contacts[2].").
    template <class R, class M>
    void field(const R& record, const Field<R, M>& f, const std::string& at = {}) {
        const M& v = record.*f.member;
        const std::string name = at + f.name;
        if constexpr (std::is_same_v<M, std::string>) {
            switch (f.kind) {
            case FieldKind::Owner:
                if constexpr (requires { record.case_id; }) owner(record.case_id);
                break;
            case FieldKind::Date:
            case FieldKind::Time: date(name.c_str(), v, f.has(kRequired), f.kind == FieldKind::Time); break;
            case FieldKind::Ref:
                if (f.has(kOwnCheck)) break;
                if (std::string_view(f.ref) == kOrganizationType) {
                    organization(name.c_str(), v);
                } else {
                    std::string case_id;
                    if constexpr (requires { record.case_id; }) case_id = record.case_id;
                    if (auto e = ref(name, v, f.ref, case_id, f.has(kRequired))) m_refs[name] = std::move(*e);
                }
                break;
            default:
                if (f.has(kRequired)) required(name.c_str(), v);
            }
        } else if constexpr (std::is_same_v<M, int>) {
            if (f.lo < f.hi && (v < f.lo || v > f.hi))
                add(name, Reason::OutOfRange, std::to_string(f.lo) + ".." + std::to_string(f.hi));
        }
    }
    // Every field of a sub-record by its schema.
    template <class R>
    void fields(const R& record, const std::string& at) {
        for_each_field<R>([&](const auto& f) { field(record, f, at); });
    }
    // The record a reference field names, if the schema's check found it (valid and in the case).
    std::optional<Entry> valid(const std::string& field) const {
        auto it = m_refs.find(field);
        return it == m_refs.end() ? std::nullopt : std::optional<Entry>(it->second);
    }

    const std::optional<Entry>& existing() const { return m_existing; }
    const View& view() const { return m_view; }

private:
    const View& m_view;
    const std::optional<Entry>& m_existing;
    Issues& m_out;
    std::map<std::string, Entry> m_refs;  // reference fields the schema's checks resolved
};

}  // namespace

// ---- the rules of each record type (docs/domain.md, "Rules"): what the schema cannot say -------

namespace {

void rules(const Case& r, Checker& c) {
    if (r.status != CaseStatus::New) c.required("lead_worker", r.lead_worker);
    const bool ended = r.status == CaseStatus::Closed || r.status == CaseStatus::Transferred;
    if (ended) c.needed("closed_on", r.closed_on);
    c.not_before("closed_on", r.closed_on, r.opened_on);
    if (r.status == CaseStatus::Transferred) c.required("transferred_to", r.transferred_to);
    if (!r.retention_class.empty() && !valid_token(r.retention_class))
        c.add("retention_class", Reason::Malformed, "use a-z, 0-9, _");
    c.not_before("retention_end", r.retention_end, r.opened_on);
}

void rules(const Person& r, Checker& c) {
    if (blank(r.given_name) && blank(r.family_name)) c.add("given_name", Reason::Required, "a given or a family name");
}

void rules(const CaseMember& r, Checker& c) {
    if (!c.valid("person_id")) return;
    for (const auto& [id, f] : c.view().list(CaseMember::kType, kCaseId, r.case_id))
        if (id != r.id && get_or_empty(f, "person_id") == r.person_id)
            return c.add("person_id", Reason::Duplicate, "already a member as " + id);
}

void rules(const ContactEvent& r, Checker& c) {
    const bool final = r.status == ContactStatus::Final;
    if (final) c.needed("ended_at", r.ended_at);
    c.not_before("ended_at", r.ended_at, r.started_at, true);
    for (std::size_t i = 0; i < r.participants.size(); ++i) {
        const std::string field = "participants[" + std::to_string(i) + "]";
        c.ref(field, r.participants[i], Person::kType, r.case_id, true);
        if (std::find(r.participants.begin(), r.participants.begin() + long(i), r.participants[i]) !=
            r.participants.begin() + long(i))
            c.add(field, Reason::Duplicate);
    }
    // Each child seen or not: persons of the case, each once, never in both lists.
    for (const auto* list : {&r.children_seen, &r.children_not_seen}) {
        const std::string name = list == &r.children_seen ? "children_seen" : "children_not_seen";
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string field = name + "[" + std::to_string(i) + "]";
            c.ref(field, (*list)[i], Person::kType, r.case_id, true);
            if (std::find(list->begin(), list->begin() + long(i), (*list)[i]) != list->begin() + long(i))
                c.add(field, Reason::Duplicate);
        }
    }
    for (std::size_t i = 0; i < r.children_not_seen.size(); ++i)
        if (std::find(r.children_seen.begin(), r.children_seen.end(), r.children_not_seen[i]) != r.children_seen.end())
            c.add("children_not_seen[" + std::to_string(i) + "]", Reason::NotAllowed, "a child is seen or not seen, not both");
    if (!r.children_not_seen.empty() && r.child_seen == ChildSeen::Yes)
        c.add("child_seen", Reason::NotAllowed, "a child was not seen: the visit's answer is no");
    if (r.children_not_seen.empty() && !r.children_seen.empty() && r.child_seen == ChildSeen::No)
        c.add("child_seen", Reason::NotAllowed, "every child answered was seen: the visit's answer is yes");
    if (!final) {
        if (c.existing() && get_or_empty(c.existing()->fields, "status") == to_string(ContactStatus::Final))
            c.add("status", Reason::NotAllowed, "a final contact event does not become a draft again");
        return;
    }
    if (r.participants.empty()) c.add("participants", Reason::Required, "who took part");
    if (r.kind == ContactKind::HomeVisit && r.child_seen == ChildSeen::Unknown)
        c.add("child_seen", Reason::Required, "a home visit records whether the child was seen");
}

void rules(const Note&, Checker&) {}  // the schema's checks are all

void rules(const WillStatement&, Checker&) {}  // the schema's checks are all

void rules(const Goal& r, Checker& c) {
    c.not_before("review_on", r.review_on, r.set_on);
    if (r.level == GoalLevel::Direction) {
        if (!r.parent_goal_id.empty())
            c.add("parent_goal_id", Reason::NotAllowed, "a direction goal has no parent goal");
    } else if (!r.id.empty() && r.parent_goal_id == r.id) {
        c.add("parent_goal_id", Reason::NotAllowed, "a goal is not its own parent");
    } else if (auto parent = c.ref("parent_goal_id", r.parent_goal_id, Goal::kType, r.case_id, true)) {
        if (get_or_empty(parent->fields, "level") != to_string(GoalLevel::Direction))
            c.add("parent_goal_id", Reason::NotAllowed, "an action goal hangs under a direction goal");
    }
    if (auto will = c.valid("will_statement_id")) {
        if (!decode<WillStatement>(r.will_statement_id, will->fields).is_will())
            c.add("will_statement_id", Reason::IsWish, "the statement has no own contribution yet");
    }
}

void rules(const ActionStep& r, Checker& c) {
    if (r.status == StepStatus::Done) c.needed("done_on", r.done_on);
}

void rules(const Resource&, Checker&) {}  // the schema's checks are all

void rules(const NetworkMap& r, Checker& c) {
    for (std::size_t i = 0; i < r.contacts.size(); ++i)  // each contact by the schema of NetworkContact
        c.fields(r.contacts[i], "contacts[" + std::to_string(i) + "].");
}

void rules(const ServiceFeedback& r, Checker& c) {
    const bool missing = r.status == FeedbackStatus::MissingWanted;
    // An offer not on the map is named instead of referenced (docs/domain.md, service_feedback).
    const bool unlisted = !blank(r.offer_name);
    c.ref("service_id", r.service_id, kServiceType, {}, !missing && !unlisted);
    if (missing && r.service_id.empty()) c.required("wanted", r.wanted);
    if (unlisted && !r.service_id.empty())
        c.add("offer_name", Reason::NotAllowed, "an offer on the map is named by its service");
    else if (unlisted && missing)
        c.add("offer_name", Reason::NotAllowed, "a missing offer says what is wanted");
    else if (unlisted && r.status == FeedbackStatus::Unknown)
        c.add("offer_name", Reason::NotAllowed, "an offer the family names is one it knows");
    if (!unlisted && !blank(r.offer_place))
        c.add("offer_place", Reason::NotAllowed, "a place belongs to a named offer");
    // The offer map's vocabulary (offers::feedback_category). A stored value this build does not
    // know (a newer build's) is left alone as long as the save does not change it.
    if (!r.category.empty() && !offers::feedback_category(r.category) &&
        !(c.existing() && get_or_empty(c.existing()->fields, "category") == r.category))
        c.add("category", Reason::UnknownValue, "not an offer category: " + r.category);
    for (std::size_t i = 0; i < r.barriers.size(); ++i)
        if (std::find(r.barriers.begin(), r.barriers.begin() + long(i), r.barriers[i]) != r.barriers.begin() + long(i))
            c.add("barriers[" + std::to_string(i) + "]", Reason::Duplicate);
    // The category summarises a verbatim answer (docs/reports.md): without one there is nothing to
    // summarise, and a report would count a category nobody said.
    if (r.how_category != HowCategory::Unassigned && blank(r.how_it_would_have_to_be))
        c.add("how_category", Reason::NotAllowed, "a category needs the verbatim answer it summarises");
}

void rules(const RiskAssessment& r, Checker& c) {
    if (r.area != RiskArea::Service) c.required("reasons", r.reasons);
}

void rules(const Mandate& r, Checker& c) {
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
    if (r.status == RequirementStatus::Lifted) c.needed("lifted_on", r.lifted_on);
    if (r.status == RequirementStatus::Open) {
        auto risk = c.view().current_risk(r.case_id);
        if (!risk || risk->area != RiskArea::Danger)
            c.add("risk_assessment", Reason::NotInDangerArea,
                  risk ? "the case's current area is " + std::string(to_string(risk->area)) : "the case has no risk assessment");
    }
}

void rules(const Measure& r, Checker& c) {
    const auto& ps = sgb8_paragraphs();
    if (r.paragraph.empty())
        c.add("paragraph", Reason::Required);
    else if (std::find(ps.begin(), ps.end(), r.paragraph) == ps.end())
        c.add("paragraph", Reason::UnknownValue, "§ " + r.paragraph);
    c.not_before("end", r.end, r.start);
}

void rules(const ProgressReport& r, Checker& c) {
    c.not_before("period_to", r.period_to, r.period_from);
    if (r.entries.empty()) c.add("entries", Reason::Required, "a progress report reports on at least one goal or Auftrag");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < r.entries.size(); ++i) {
        const ProgressEntry& e = r.entries[i];
        const std::string at = "entries[" + std::to_string(i) + "].";
        c.fields(e, at);  // the schema of ProgressEntry (scale range)
        const bool goal = !e.goal_id.empty(), mandate = !e.mandate_id.empty();
        if (goal == mandate) {
            c.add(at + "goal_id", Reason::NotAllowed, "an entry names either a goal or an Auftrag");
            continue;
        }
        if (!seen.insert(goal ? e.goal_id : e.mandate_id).second)
            c.add(at + (goal ? "goal_id" : "mandate_id"), Reason::NotAllowed, "each goal or Auftrag once per report");
        if (goal) {
            c.ref(at + "goal_id", e.goal_id, Goal::kType, r.case_id, true);
            if (e.scale_now < 0) c.add(at + "scale_now", Reason::Required);
        } else {
            c.ref(at + "mandate_id", e.mandate_id, Mandate::kType, r.case_id, true);
            if (e.scale_now >= 0) c.add(at + "scale_now", Reason::NotAllowed, "an Auftrag has no scale");
        }
        if (blank(e.happened) && blank(e.family_did)) c.add(at + "happened", Reason::Required);
    }
}

}  // namespace

namespace {

// Fill-ins a save makes before checking: a feedback's social space from its case and its
// category from its service.
void prepare_feedback(ServiceFeedback& r, const View& view) {
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

}  // namespace

template <class T>
void prepare(T& record, const View& view) {
    if constexpr (std::is_same_v<T, ServiceFeedback>) prepare_feedback(record, view);
}

template <class T>
Issues check_in(const T& record, const View& view, const std::optional<Entry>& existing) {
    Issues issues;
    Checker c(view, existing, issues);
    for_each_field<T>([&](const auto& f) {
        if (!text_ok(record.*f.member)) c.add(f.name, Reason::Malformed, "not valid UTF-8 or too long");
    });
    c.fields(record, {});
    rules(record, c);
    return issues;
}

#define QUARTIER_DOMAIN_TYPE(T)                                                                 \
    template Issues check_in<T>(const T&, const View&, const std::optional<Entry>&);           \
    template void prepare<T>(T&, const View&);
QUARTIER_DOMAIN_TYPES(QUARTIER_DOMAIN_TYPE)
#undef QUARTIER_DOMAIN_TYPE

}  // namespace quartier::domain
