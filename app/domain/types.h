// The case side of the domain (docs/domain.md) as typed records over the generic sealed records of
// sync::Store: one struct per record type, named by its docs/domain.md identifier (`kType`). Every
// struct is a plain value: loading fills it from a record's fields, saving writes back only the
// fields that changed (docs/domain.md: the record schema, value formats and rules).
//
// Value formats in the store (every field is a UTF-8 string):
//   dates        "YYYY-MM-DD" (a real calendar day); times "YYYY-MM-DDTHH:MM" (local time)
//   enums        the lower-case identifiers of the to_string() functions below
//   booleans     "true" / "false";  numbers: decimal
//   lists        a JSON array written and read with nlohmann-json (barriers, participants, contacts)
//   references   a record id ("" = none)
//   empty ""     the field is unset (the store has no field removal: clearing writes "")
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quartier::domain {

// ---- enumerations ------------------------------------------------------------------------------

enum class CaseStatus { New, Active, Clarification, Closed, Transferred };
enum class MemberRole { Mother, Father, Parent, StepParent, FosterParent, Guardian, Child, Sibling, Grandparent, Partner, Relative, Other };
enum class ContactKind { HomeVisit, OfficeVisit, Phone, Video, Outreach, Other };  // Hausbesuch, Termin im Büro, ...
enum class ContactStatus { Draft, Final };  // a visit is typed as a draft and finalised once complete
enum class ChildSeen { Unknown, Yes, No, NotApplicable };  // unknown: not answered yet (a draft)
enum class GoalLevel { Direction, Action };  // Richtungsziel, Handlungsziel
enum class GoalStatus { Open, Reached, Dropped };
enum class StepStatus { Open, Done, Dropped };
enum class ResourceArea { Personal, Social, Material, Infrastructure };
enum class NetworkSector { Family, FriendsNeighbours, SchoolWorkClubs, Professionals };
enum class ContactQuality { Supportive, Ambivalent, Stressful };
enum class FeedbackStatus { Known, Used, UsedBefore, Unknown, MissingWanted };
enum class Barrier { Cost, Distance, Times, Language, NoInformation, Stigma, Childcare, WaitingTime, AgeLimit };
// The worker's summary of a family's "how it would have to be" answer (Wie müsste ein Angebot sein?):
// the only form in which that answer reaches a report (docs/reports.md). Unassigned is stored as "".
enum class HowCategory {
    Unassigned,       // "" — not summarised yet
    Closer,           // näher am Wohnort, gut erreichbar
    OtherTimes,       // andere Zeiten (abends, am Wochenende, früher)
    Cheaper,          // günstiger oder kostenlos
    OwnLanguage,      // in der eigenen Sprache, mit Sprachmittlung
    MoreInformation,  // mehr oder verständlichere Information
    Childcare,        // mit Kinderbetreuung nebenher
    ShorterWait,      // kürzere Wartezeit
    OtherAgeGroup,    // für eine andere Altersgruppe
    TrustedPerson,    // mit einer vertrauten Person, ohne Stigma
    Other,            // Sonstiges
};
enum class RiskArea { Service, Grey, Danger };  // Leistungs-, Grau-, Gefährdungsbereich
enum class MandateKind { Family, Clarification, Change };  // Auftrag der Familie, Klärungs-, Veränderungsauftrag
enum class MandateStatus { Open, Done, Cancelled };
enum class RequirementStatus { Open, Met, Missed, Lifted };  // Lifted: the case left the Gefährdungsbereich

std::string_view to_string(CaseStatus v);
std::string_view to_string(MemberRole v);
std::string_view to_string(ContactKind v);
std::string_view to_string(ContactStatus v);
std::string_view to_string(ChildSeen v);
std::string_view to_string(GoalLevel v);
std::string_view to_string(GoalStatus v);
std::string_view to_string(StepStatus v);
std::string_view to_string(ResourceArea v);
std::string_view to_string(NetworkSector v);
std::string_view to_string(ContactQuality v);
std::string_view to_string(FeedbackStatus v);
std::string_view to_string(Barrier v);
std::string_view to_string(HowCategory v);
std::string_view to_string(RiskArea v);
std::string_view to_string(MandateKind v);
std::string_view to_string(MandateStatus v);
std::string_view to_string(RequirementStatus v);

// parse<E>("active") == CaseStatus::Active; nullopt for anything else, including "" — except for
// HowCategory, whose unset value Unassigned is stored as "" (so a form's round trip keeps it).
template <class E>
std::optional<E> parse(std::string_view s);

// Every value of an enumeration, in declaration order (for pickers and tests).
template <class E>
const std::vector<E>& all_values();

// SGB VIII paragraphs a measure may name ("27", "31", "35a", ...; see docs/domain.md).
const std::vector<std::string>& sgb8_paragraphs();

// ---- records -----------------------------------------------------------------------------------

// What every loaded record carries besides its own fields.
struct Meta {
    std::string id;                      // empty: not saved yet (save() assigns one)
    std::vector<std::string> conflicts;  // fields with concurrent values (display winner loaded)
    bool delete_conflict = false;        // an edit concurrent with a delete kept the record
    // Stored values this build cannot read (an unknown identifier, a broken list): the field
    // keeps its default here, and save() leaves the stored value alone while it is listed.
    std::vector<std::string> unreadable;
    bool operator==(const Meta&) const = default;
};

// Fall / Familie. The case list reads name, social_space and status.
struct Case : Meta {
    static constexpr const char* kType = "case";
    std::string name;                   // how the team calls the family ("Familie K.")
    std::string social_space;           // the configured social space (id or name), required
    CaseStatus status = CaseStatus::New;
    std::string lead_worker;            // fallführende Fachkraft (user label), required unless status new
    std::string provider_organization;  // id of the assigned free provider's organization, or ""
    std::string opened_on;              // date, required
    std::string closed_on;              // date; required when closed or transferred, never before opened_on
    std::string transferred_to;         // where a transferred case went (e.g. another youth office)
    std::string retention_class;        // token [a-z0-9_] read by crypto-shredding, or ""
    std::string retention_end;          // date after which the case is erased, or ""
    bool operator==(const Case&) const = default;
};

// A person; belongs to a case through case_member records.
struct Person : Meta {
    static constexpr const char* kType = "person";
    std::string case_id;      // the case this person was recorded in (its scope)
    std::string given_name;   // required (or family_name)
    std::string family_name;
    std::string birth_date;   // date or ""
    std::string languages;    // free text ("Türkisch, Deutsch")
    std::string display_name() const;  // "given family"
    bool operator==(const Person&) const = default;
};

struct CaseMember : Meta {
    static constexpr const char* kType = "case_member";
    std::string case_id;    // required
    std::string person_id;  // required, a person
    MemberRole role = MemberRole::Other;
    bool household = true;  // lives in the family's household
    std::string note;
    bool operator==(const CaseMember&) const = default;
};

// Hausbesuch / Kontakt. A draft is saved as typed; finalise() checks completeness.
struct ContactEvent : Meta {
    static constexpr const char* kType = "contact_event";
    std::string case_id;
    ContactKind kind = ContactKind::HomeVisit;
    ContactStatus status = ContactStatus::Draft;
    std::string started_at;   // time, required (also for drafts)
    std::string ended_at;     // time; required when final, not before started_at
    std::string place;
    std::string worker;       // who made the visit
    std::vector<std::string> participants;  // person ids; at least one when final
    ChildSeen child_seen = ChildSeen::Unknown;  // a final home visit needs yes/no/not_applicable
    // Each child of the case, seen or not (person ids; docs/domain.md "Kind gesehen"): a child is
    // in at most one of the two. With children answered, child_seen is their summary: no if any
    // child was not seen, yes if all answered were seen.
    std::vector<std::string> children_seen;
    std::vector<std::string> children_not_seen;
    std::string summary;
    bool operator==(const ContactEvent&) const = default;
};

// Vermerk: free text; every edit is a version (the store's field history of `text`).
struct Note : Meta {
    static constexpr const char* kType = "note";
    std::string case_id;
    std::string contact_event_id;  // "" or a contact_event of the same case
    std::string text;              // required
    std::string author;
    std::string written_at;        // time, required
    bool entrusted = true;         // anvertraut (§65 SGB VIII); default on when written in a visit
    bool operator==(const Note&) const = default;
};

// Wille: verbatim (O-Ton), with the person's own contribution. Without it, it is a wish.
struct WillStatement : Meta {
    static constexpr const char* kType = "will_statement";
    std::string case_id;
    std::string person_id;         // whose will, a member's person; required
    std::string text;              // verbatim, required
    std::string own_contribution;  // "what will I do for it myself?"; empty: a wish (Wunsch)
    std::string recorded_on;       // date, required
    std::string contact_event_id;  // "" or the visit (a contact_event of the same case) it was said in
    bool is_will() const;          // own_contribution holds more than blanks
    bool operator==(const WillStatement&) const = default;
};

// Ziel: a direction goal, or an action goal under one; 0..10 scale now and target.
struct Goal : Meta {
    static constexpr const char* kType = "goal";
    std::string case_id;
    GoalLevel level = GoalLevel::Direction;
    std::string parent_goal_id;     // action goals: their direction goal (same case); direction goals: ""
    std::string will_statement_id;  // "" or a will statement of the case that is a will, not a wish
    std::string text;               // in the family's words, required
    int scale_now = 0;              // 0..10
    int scale_target = 10;          // 0..10
    GoalStatus status = GoalStatus::Open;
    std::string set_on;             // date, required
    std::string review_on;          // date or "", not before set_on
    bool operator==(const Goal&) const = default;
};

// Handlungsschritt: who does what by when, under a goal.
struct ActionStep : Meta {
    static constexpr const char* kType = "action_step";
    std::string case_id;
    std::string goal_id;  // required, a goal of the same case
    std::string who;      // required
    std::string what;     // required
    std::string by_when;  // date, required
    StepStatus status = StepStatus::Open;
    std::string done_on;  // date; required when done
    bool operator==(const ActionStep&) const = default;
};

struct Resource : Meta {
    static constexpr const char* kType = "resource";
    std::string case_id;
    std::string person_id;  // "" (the family's) or a person
    ResourceArea area = ResourceArea::Personal;
    std::string text;       // required
    std::string contact_event_id;  // "" or the visit (a contact_event of the same case) it was named in
    bool operator==(const Resource&) const = default;
};

// One contact on a network map.
struct NetworkContact {
    std::string name;  // required ("Oma Ilse", "Kita Regenbogen")
    NetworkSector sector = NetworkSector::Family;
    int distance = 1;  // ring 1 (closest) .. 3
    ContactQuality quality = ContactQuality::Supportive;
    std::string note;
    bool operator==(const NetworkContact&) const = default;
};

// Netzwerkkarte: a person's (or the family's) eco-map as drawn on one day.
struct NetworkMap : Meta {
    static constexpr const char* kType = "network_map";
    std::string case_id;
    std::string person_id;  // "" (the family) or a person
    std::string drawn_on;   // date, required
    std::vector<NetworkContact> contacts;  // field `contacts`: a JSON array
    bool operator==(const NetworkMap&) const = default;
};

// Angebotsbezug / Bedarf: a family's relation to an offer, or an offer it misses.
struct ServiceFeedback : Meta {
    static constexpr const char* kType = "service_feedback";
    std::string case_id;
    std::string service_id;    // a service record; "" only for missing_wanted or an offer not on the map
    std::string social_space;  // the case's; filled from the case when empty
    std::string category;      // the offer category; filled from the service when empty; required
    FeedbackStatus status = FeedbackStatus::Known;
    std::vector<Barrier> barriers;  // field `barriers`: JSON array of identifiers, no duplicates
    std::string how_it_would_have_to_be;  // verbatim
    // The worker's category for how_it_would_have_to_be (never the text itself reaches a report);
    // only with a verbatim answer to summarise.
    HowCategory how_category = HowCategory::Unassigned;
    std::string wanted;        // missing_wanted without a service: what is wanted (required then)
    // An offer the family named that is not on the offer map (known, used, …; never missing_wanted):
    // its name instead of a service_id, and where it is. Proposals for the map, never a report's text.
    std::string offer_name;
    std::string offer_place;
    std::string recorded_on;   // date, required
    std::string contact_event_id;  // "" or the visit (a contact_event of the same case) it was given in
    bool operator==(const ServiceFeedback&) const = default;
};

// Falleinordnung. The case's current area is its latest assessment (assessed_on, then id).
struct RiskAssessment : Meta {
    static constexpr const char* kType = "risk_assessment";
    std::string case_id;
    RiskArea area = RiskArea::Service;
    std::string assessed_on;  // date, required
    std::string assessed_by;  // required
    std::string reasons;      // required for grey and danger
    bool operator==(const RiskAssessment&) const = default;
};

// Auftrag.
struct Mandate : Meta {
    static constexpr const char* kType = "mandate";
    std::string case_id;
    MandateKind kind = MandateKind::Family;
    std::string text;         // required
    std::string given_by;     // required (the family, the youth office)
    std::string given_to;     // required (a worker, a provider)
    std::string due_on;       // date or ""
    MandateStatus status = MandateStatus::Open;
    bool operator==(const Mandate&) const = default;
};

// Auflage: only while the case is in the Gefährdungsbereich.
struct Requirement : Meta {
    static constexpr const char* kType = "requirement";
    std::string case_id;
    std::string reason;            // required
    std::string minimum_standard;  // the non-negotiable minimum, required
    std::string negotiable_way;    // how to get there, negotiable
    std::string deadline;          // date, required
    std::string checked_by;        // who checks, required
    std::string check_method;      // how, required
    std::string consequence;       // stated consequence, required
    RequirementStatus status = RequirementStatus::Open;
    std::string lifted_on;         // date set when the case left the Gefährdungsbereich
    bool operator==(const Requirement&) const = default;
};

// Hilfe (Maßnahme) under an SGB VIII paragraph.
struct Measure : Meta {
    static constexpr const char* kType = "measure";
    std::string case_id;
    std::string paragraph;              // one of sgb8_paragraphs(), required
    std::string title;                  // "Sozialpädagogische Familienhilfe"
    std::string provider_organization;  // organization id or ""
    std::string start;                  // date, required
    std::string end;                    // date or "", not before start
    bool operator==(const Measure&) const = default;
};

// One goal or Auftrag in a Verlaufsbericht: where it stands now, what happened, what the family
// did itself. Exactly one of goal_id and mandate_id names a goal or mandate of the same case.
struct ProgressEntry {
    std::string goal_id;     // a goal of the case, or
    std::string mandate_id;  // an Auftrag (mandate) of the case
    int scale_now = -1;      // a goal: 0..10 now; -1: not rated (always for an Auftrag)
    std::string happened;    // what happened since the last report
    std::string family_did;  // what the family did itself
    bool operator==(const ProgressEntry&) const = default;
};

// Verlaufsbericht: a free provider's family helper (or the caseworker) reports progress against
// the case's goals and Aufträge; the caseworker reads it in the case and it feeds the help-plan
// review. Written into the case's scope like every child of the case.
struct ProgressReport : Meta {
    static constexpr const char* kType = "progress_report";
    std::string case_id;
    std::string written_on;               // date, required
    std::string author;                   // who wrote it, as they sign
    std::string provider;                 // the author's free provider ("" for the youth office)
    std::string period_from;              // date or ""
    std::string period_to;                // date or "", not before period_from
    std::vector<ProgressEntry> entries;   // field `entries`: a JSON array, at least one
    std::string summary;                  // overall, optional
    bool operator==(const ProgressReport&) const = default;
};

}  // namespace quartier::domain
