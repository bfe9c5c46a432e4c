// The Sozialraumteam's case index (docs/team.md): per case one `team_case` record in the team
// scope, with what the team lead supervises the caseload by and nothing of the family — the case's
// pseudonym (pseudonym.h), social space, status, risk area, lead worker, the SGB VIII paragraphs of
// the helps running, the next goal review, the deadlines of the open Auflagen. No name, no
// address, no free text of the case: a team lead holds the team scope and never a case key
// (docs/roles.md), and this index is all it learns of a case.
//
// Terms
//   team scope   the one scope of kind `team` this device holds. A device holding several writes
//                no index (which team would a case belong to?) and says so: Refresh::skipped.
//   writer       a caseworker device: refresh() writes an entry for every case it holds (a `case`
//                record in a case scope, or in its own personal scope from before case scopes;
//                one in any other scope is no family's case). Helpers
//                and team leads are team members too, but write none (a helper holds only its
//                provider's cases, a team lead none).
//   entry        one case's record, id case_record_id("team_case", case id): every caseworker
//                device holding the case writes the same record, so a deputy's entry is the lead
//                worker's, merged field by field like any record (docs/domain.md).
//
// States of an entry: (none) --refresh on a writer--> Live --the case changes, next refresh-->
// Live with the changed fields only. A closed case's entry stays, status closed (the overview
// leaves it out); an entry is never removed by refresh, since another device may hold the case.
//
// Invariants
//   1. Only the fields above reach the team scope, and refresh() writes only into a team scope.
//   2. refresh() writes a field only when its value differs from the stored one (an unchanged
//      case costs no op), all of one refresh in one commit.
//   3. read_index() shows what verifies: an entry whose fields do not parse (a patched client's)
//      is left out and counted in Index::skipped, never guessed at.
#pragma once

#include "domain/repository.h"
#include "sync/store/store.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quartier::team {

inline constexpr const char* kIndexType = "team_case";

struct IndexEntry {
    std::string id;            // the record's id (case_record_id(kIndexType, case id))
    std::string pseudonym;     // "Fall K7Q-3MX"
    std::string social_space;  // as the case names it
    domain::CaseStatus status = domain::CaseStatus::New;
    std::optional<domain::RiskArea> risk;  // nullopt: not assessed yet
    std::string lead_worker;
    std::vector<std::string> helps;  // SGB VIII paragraphs of the measures running ("31", "35a"), sorted
    std::string next_review;         // the earliest review date of the case's open goals, or ""
    std::vector<std::string> requirement_deadlines;  // of the open Auflagen, oldest first
    std::string updated_on;          // the day the writing device last changed the entry
    bool operator==(const IndexEntry&) const = default;
};

// The entry for one case as this store holds it, on `today` (YYYY-MM-DD): a measure runs when it
// started by today and has not ended before it. domain::Error::NotFound if no such case.
domain::Result<IndexEntry> entry_for(const domain::Repository& repository, const std::string& case_id,
                                     const std::string& today);

// The team scope this device holds: nullopt if none; Error::InvalidArgument if several.
sync::Result<std::optional<sync::ScopeId>> team_scope(const sync::Store& store);

struct Refresh {
    std::optional<sync::ScopeId> scope;  // the team scope written to
    std::size_t cases = 0;               // entries looked at
    std::size_t written = 0;             // entries with at least one field written
    std::string skipped;                 // why nothing was written ("" if it was, or nothing changed)
};

// Brings the index in this device's team scope up to date with every case it holds, in one commit
// (invariant 2). Nothing is written on a device that is not a caseworker or holds no team scope
// (Refresh::skipped says why); several team scopes: the same, with the reason. Store errors as
// they are.
sync::Result<Refresh> refresh(domain::Repository& repository, const std::string& today);

struct Index {
    std::vector<IndexEntry> entries;  // by pseudonym
    std::size_t skipped = 0;          // entries that did not parse (invariant 3)
};

// Every entry in the team scopes this store holds.
Index read_index(const sync::Store& store);

// What the team lead's home page shows (docs/team.md, "The team lead's page").
struct Overview {
    struct Worker {
        std::string name;  // "" for cases without a lead worker
        int cases = 0;     // open cases: neither closed nor transferred
        int danger = 0;    // of which in the Gefährdungsbereich
    };
    struct Due {
        std::string pseudonym;
        std::string lead_worker;
        std::string date;
        bool overdue = false;  // before today
    };
    std::vector<Worker> workers;  // most cases first, then by name, cases without a lead worker last
    std::vector<Due> reviews;     // open cases whose next review is at most `window_days` away, by date
    std::vector<Due> overdue_requirements;  // open Auflagen past their deadline, one per case (the oldest), by date
    std::map<std::string, int> by_risk;     // "service", "grey", "danger", "" (not assessed): open cases
    int open_cases = 0;
    int closed_cases = 0;
};

Overview overview(const std::vector<IndexEntry>& entries, const std::string& today, int window_days = 14);

}  // namespace quartier::team
