// Publishing to planning (docs/reports.md "Publishing to planning"): where a report's raw counts
// live and how the merged, suppressed report reaches the planning role.
//
//   report_counts     one team's UNSUPPRESSED counts (reports::Counts as JSON) of one report and
//                     period, in a `report_raw` scope (caseworkers and team leads only; planning
//                     never holds its key, sync/client/roles.cpp). Fields: kind, from, to,
//                     stichtag, team, format, counts.
//   published_report  the merged counts after suppression: a reports::Report as JSON (to_json), in
//                     the organisation's `report` scope, which planning reads. Fields: kind, from,
//                     to, version, format, report.
//
// Invariants
//   1. save_counts() writes only into a scope of kind report_raw, save_published() only into one
//      of kind report, and only a Report (which holds no value of a suppressed entry).
//   2. report_from_json() accepts only a report that keeps the suppression rules (every shown
//      value at least the threshold, threshold at least 5, no suppressed entry determined by the
//      audit): a planning device shows nothing else, whoever published it.
// Not stateful: functions over a store.
#pragma once

#include "report.h"

#include "sync/store/store.h"

#include <string>
#include <string_view>
#include <vector>

namespace quartier::reports {

inline constexpr const char* kCountsType = "report_counts";
inline constexpr const char* kPublishedType = "published_report";
inline constexpr const char* kPublishFormat = "1";  // the `format` field of both records

// Counts as JSON (ordered keys, no audit_cases) and back.
std::string counts_to_json(const Counts& counts);
Result<Counts> counts_from_json(std::string_view json);

// A published report's JSON (to_json) back into a Report; Error::Malformed if it does not parse
// or breaks the suppression rules (invariant 2).
Result<Report> report_from_json(std::string_view json);

struct StoredCounts {
    std::string id;    // the record
    std::string team;  // the team's name as its device gave it
    Counts counts;
};

struct Published {
    std::string id;  // the record
    Kind kind = Kind::Demand;
    std::string from, to;
    int version = 0;
    std::string json;  // the report, to_json()
};

// Writes `counts` as team `team`'s into `scope` (a report_raw scope this device holds): one record
// per device, kind and period, replaced when the team publishes again. Returns the record id.
sync::Result<std::string> save_counts(sync::Store& store, const sync::ScopeId& scope, const std::string& team,
                                      const Counts& counts);
// Every team's counts of that report and period in the report_raw scopes this store holds.
// Records that do not parse are skipped and named in `skipped`.
std::vector<StoredCounts> load_counts(const sync::Store& store, Kind kind, const std::string& from, const std::string& to,
                                      std::vector<std::string>* skipped = nullptr);

// Writes `report` (all social spaces) as version `version` into `scope` (a report scope).
sync::Result<std::string> save_published(sync::Store& store, const sync::ScopeId& scope, const Report& report, int version);
// Every published_report in the report scopes this store holds, by kind, period and version.
std::vector<Published> published_reports(const sync::Store& store);

}  // namespace quartier::reports
