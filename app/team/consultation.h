// Kollegiale Beratung (docs/team.md, "Kollegiale Beratung"): the caseworker prepares from a case a
// consultation card into the team scope — will and goals, resources, the network map with people by
// role, the question to the team — with every name, address, date and id of the family replaced by
// a label (pseudonymise()); the team sees it in the meeting (the team lead holds the team scope and
// never a case key, docs/roles.md), records ideas and the team's recommendation (who brings what);
// the caseworker's device, the one holding the case, takes the recommendation back into the case
// as a note.
//
// Terms
//   names      what pseudonymise() replaces for one case (names_of()): the given and family names
//              of every member of the case (role labels "[Mutter]", "[Kind 1]", ...), the case's
//              own name ("[Familie]"), the network contacts' names ("[Familie: Kontakt 1]"), then
//              generic patterns: dates, e-mail addresses, numbers of six digits and more (phone,
//              file numbers), street addresses, long hex ids.
//   card       one `consultation` record in the team scope, random id; it carries the case's
//              pseudonym (pseudonym.h), never its id, so that the team links it to the index entry
//              and only a device holding the case can link it to the case.
//   idea       one field `idea_<16 hex>` of the card per idea (a JSON object {text, by, at}): two
//              team members adding ideas at once add two fields, neither is lost to a merge.
//
// States of a card
//   (none) --prepare + save (a caseworker device holding the case)--> prepared
//   prepared --add_idea (any team member)--> prepared (ideas may be added in every state)
//   prepared|recommended --recommend (any team member)--> recommended (a new recommendation
//        replaces the earlier one)
//   recommended --take_back (a device holding the case)--> taken_back (taken_back_on set, the
//        recommendation is a note in the case). A taken_back card is final: neither recommend nor
//        take_back again.
//
// Invariants
//   1. A card is written only into this device's one team scope, and save() only on a caseworker's
//      device; every edit writes into the card's own scope, and only if that is a team scope.
//   2. Every free text of the case reaches the card through pseudonymise() with the case's names:
//      will statements, goals, resources, the network contacts' notes, the question. A contact's
//      name, a person's birth date and any record id never reach it. What the team types (ideas,
//      the recommendation) stays as typed: the team knows no names to type.
//   3. load_all() and load() show what parses: a card with a broken field (a patched client's) or
//      outside a team scope is left out and counted, never guessed at.
//   4. take_back() writes the note only on a device holding a case whose pseudonym the card
//      carries, and only from state recommended; the note is committed before the card's state
//      (two commits: a failure between them leaves the card recommended, never taken back
//      without its note; the retry finds that note by its header and text and writes no second).
#pragma once

#include "domain/repository.h"
#include "sync/store/store.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace quartier::team {

inline constexpr const char* kConsultationType = "consultation";

// What pseudonymise() replaces, and by which label. Built by names_of() for one case.
struct Names {
    struct Entry {
        std::string name;   // as recorded ("Elif", "Demir", "Oma Ilse", "Familie Demir")
        std::string label;  // "Mutter", "Familie", "Familie: Kontakt 1 (Oma)" (shown in brackets)
    };
    std::vector<Entry> entries;
    // The role label of each member's person id, and of each network contact's name.
    std::vector<std::pair<std::string, std::string>> person_labels;   // person id -> label
    std::vector<std::pair<std::string, std::string>> contact_labels;  // contact name -> label
    std::string person_label(const std::string& person_id) const;    // "" if not a member
    std::string contact_label(const std::string& name) const;         // "" if unknown
};

// The names of one case as this repository holds them: members by role (a role held by several
// members, and every child, numbered by birth date, oldest first, then by person id), "Frau" /
// "Herr" with the family name for a mother / father, every word of the case's name but "Familie",
// and the contacts of every network map of the case numbered per sector in the order of the newest
// map first, with the role their name says if it starts with role words ("Oma Ilse" -> "Familie:
// Kontakt 1 (Oma)", "Klassenlehrerin" -> "Schule/Arbeit/Vereine: Kontakt 1 (Klassenlehrerin)"); a
// contact's name also word by word, but for the role words (is_role_word()).
Names names_of(const domain::Repository& repository, const std::string& case_id);

// Whether a word of a contact's name is a role, not a name: kinship, titles, kinds of place or
// profession ("Oma", "Tante", "Herr", "Nachbarin", "Kita", "Klassenlehrerin", "Arbeitgeber").
bool is_role_word(const std::string& word);

// `text` with every name of `names` replaced by its label in brackets (case-insensitive, on word
// boundaries, umlauts and their transcriptions "ue", "ss" alike, also with a genitive "s": "Lenas"
// -> "[Kind 1]s"; longest names first), and dates ("[Datum]"), e-mail addresses ("[E-Mail]"),
// numbers of six digits or more, with spaces, slashes, dashes ("[Nummer]"), street addresses with a
// house number and postcodes with a place ("[Adresse]"), ids of 16 hex digits or more ("[ID]").
std::string pseudonymise(const std::string& text, const Names& names);

struct Card {
    struct Will {
        std::string role;  // whose: the member's label
        std::string text;
        std::string own_contribution;  // "" for a wish
        bool will = false;             // a will (with own contribution), not a wish
        bool operator==(const Will&) const = default;
    };
    struct Goal {
        std::string text;
        domain::GoalLevel level = domain::GoalLevel::Direction;
        int scale_now = 0;
        int scale_target = 10;
        bool operator==(const Goal&) const = default;
    };
    struct Resource {
        domain::ResourceArea area = domain::ResourceArea::Personal;
        std::string role;  // whose: a member's label, or "Familie"
        std::string text;
        bool operator==(const Resource&) const = default;
    };
    struct Contact {
        std::string label;  // "Familie: Kontakt 1 (Oma)": sector, number, the role the name says
        domain::NetworkSector sector = domain::NetworkSector::Family;
        int distance = 1;  // ring 1..3
        domain::ContactQuality quality = domain::ContactQuality::Supportive;
        std::string note;  // pseudonymised
        bool operator==(const Contact&) const = default;
    };
    struct Idea {
        std::string field;  // idea_<16 hex>
        std::string text;
        std::string by;
        std::string at;     // date
        bool operator==(const Idea&) const = default;
    };
    struct Item {
        std::string who;
        std::string brings;
        bool operator==(const Item&) const = default;
    };
    enum class State { Prepared, Recommended, TakenBack };

    std::string id;  // the record id ("" before save)
    std::string pseudonym;
    std::string social_space;
    std::optional<domain::RiskArea> risk;
    std::string prepared_on;  // date
    std::string prepared_by;  // the caseworker, as staff sign
    std::string question;
    std::string network_of;   // whose network map: a member's label or "Familie"; "" without a map
    std::vector<Will> wills;
    std::vector<Goal> goals;  // the open ones
    std::vector<Resource> resources;
    std::vector<Contact> network;  // of the newest map
    std::vector<Idea> ideas;       // by date, then field
    std::string recommendation;
    std::vector<Item> recommendation_items;
    State state = State::Prepared;
    std::string taken_back_on;  // date, when taken_back
    bool operator==(const Card&) const = default;
};

const char* to_string(Card::State s);  // "prepared", "recommended", "taken_back"

// The card of one case on `today`, by `worker`, for `question`; not saved. Error::NotFound for an
// unknown case, Error::Invalid for an empty question, worker or date.
domain::Result<Card> prepare(const domain::Repository& repository, const std::string& case_id,
                             const std::string& question, const std::string& worker, const std::string& today);

// Writes a new card, as prepare() made it (card.id empty, state prepared, no ideas or
// recommendation yet: else Error::Invalid), into this device's team scope, in one commit, and
// returns its id. Error::Denied on a device that is not a caseworker's or holds no (or several)
// team scope. It does not pseudonymise: invariant 2 holds for what prepare() made.
domain::Result<std::string> save(sync::Store& store, const Card& card);

struct Cards {
    std::vector<Card> cards;  // by prepared_on, then id
    std::size_t skipped = 0;  // did not parse, or not in a team scope (invariant 3)
};
Cards load_all(const sync::Store& store);
// One card: Error::NotFound if there is no such record, WrongType if it is not a consultation,
// Invalid if it does not parse or lies outside a team scope.
domain::Result<Card> load(const sync::Store& store, const std::string& id);

// A team member's idea, as typed. Error::Invalid for an empty text.
domain::Result<void> add_idea(sync::Store& store, const std::string& id, const std::string& text,
                              const std::string& by, const std::string& today);
// The team's recommendation, as typed (state -> recommended); Invalid for an empty text, an item
// without who or what, or a card taken back already.
domain::Result<void> recommend(sync::Store& store, const std::string& id, const std::string& text,
                               const std::vector<Card::Item>& items);

struct TakenBack {
    std::string case_id;
    std::string note_id;
};
// On the device holding the case: the recommendation as a note of the case (not entrusted: it is
// the team's advice, docs/team.md), then the card's state taken_back on the date of `now`
// (YYYY-MM-DDTHH:MM). Error::Denied if this device holds no case with the card's pseudonym (a team
// lead, another worker), Invalid if the card has no recommendation yet or was taken back.
domain::Result<TakenBack> take_back(domain::Repository& repository, const std::string& id, const std::string& now,
                                    const std::string& worker);

}  // namespace quartier::team
