// The planning reports of docs/reports.md, computed from the case-side records of an unlocked
// store (app/domain) and anonymised before anything leaves this library:
//   Bedarfsbericht (demand)  service_feedback of a period: families per social space × row (offer
//                            category, barrier, worker-assigned "how it would have to be" category)
//                            × age band of the children
//   Fallzahlen (cases)       measure records: cases per SGB VIII paragraph × social space, per
//                            half-year and year of a period (running, begun, ended) and on a Stichtag
//
// A Report holds only what may be published: labels from fixed vocabularies, months, and counts
// that suppression (suppression.h) marked publishable — never an id, a name, a day or a free text.
// The true values of suppressed entries are not kept in it, so no exporter can show them.
//
// Not stateful: build_*() read the repository and return a value.
#pragma once

#include "suppression.h"

#include "crypto/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quartier::domain {
class Repository;
}

namespace quartier::reports {

enum class Error {
    InvalidPeriod,     // --from/--to not YYYY-MM, from after to, or longer than 10 years
    InvalidStichtag,   // not YYYY-MM (the Stichtag is that month's last day)
    InvalidThreshold,  // below the minimum of 5 (the threshold may only be raised)
    UnknownSpace,      // --space names no social space of the offer map
    BelowThreshold,    // the whole population is smaller than the threshold: nothing is published
    Mismatch,          // counts of different reports, periods or formats cannot be merged
    Malformed,         // stored counts or a published report that do not parse or break the rules
};
std::string_view to_string(Error e);

template <class T>
using Result = quartier::Result<T, Error>;

inline constexpr std::int64_t kMinThreshold = 5;
inline constexpr std::int64_t kMaxThreshold = 1000;

enum class Kind { Demand, Cases };
std::string_view to_string(Kind k);  // "demand", "cases"

struct Options {
    std::string from;      // YYYY-MM, first month of the period
    std::string to;        // YYYY-MM, last month of the period
    std::string space;     // a social space's name or id; "" = every social space
    std::string stichtag;  // cases: YYYY-MM, the Stichtag is its last day; "" = the last month of the period
    std::int64_t threshold = kMinThreshold;
    bool secondary = true; // secondary suppression (off only in tests)
};

// A published table: rows × columns with their totals ("Summe"), every entry shown or suppressed.
struct Table {
    std::string key;    // stable machine key ("missing_wanted", "running_2026_h1")
    std::string title;  // German
    std::string row_heading, column_heading;
    std::vector<std::string> row_keys, row_labels;  // identifiers of a fixed vocabulary, German labels
    std::vector<std::string> column_keys, column_labels;
    std::vector<Shown> entries;  // the extended table (suppression.h "grid"): (rows+1)*(cols+1)
    std::size_t rows() const { return row_keys.size(); }
    std::size_t cols() const { return column_keys.size(); }
    const Shown& at(std::size_t r, std::size_t c) const { return entries[r * (cols() + 1) + c]; }
};

struct Section {
    std::string key;    // the social space's name, or "" for records whose social space is none of the map's
    std::string title;  // "Sozialraum Garstedt"
    std::vector<Table> tables;
};

struct Report {
    Kind kind = Kind::Demand;
    std::string title;
    std::string from, to;   // YYYY-MM
    std::string stichtag;   // cases only: YYYY-MM (its last day)
    std::string space;      // the social space asked for (its name), or "" for all
    std::int64_t threshold = kMinThreshold;
    std::int64_t population = 0;  // families (demand) or cases (cases) counted; at least the threshold
    std::vector<std::string> notes;  // German: what is counted, the suppression rule
    std::vector<Section> sections;
    // Not published: the ids of the cases counted, for the export's audit entry (docs/audit.md).
    std::vector<std::string> audit_cases;
};

Result<Report> build_demand(const domain::Repository& repository, const Options& options);
Result<Report> build_cases(const domain::Repository& repository, const Options& options);

// ---- Counting and publishing apart (docs/reports.md "Publishing to planning") ----------------
// build_*() is count_*() and then publish_counts(). Counts are the raw, UNSUPPRESSED grids of a report:
// integers and the keys and labels of fixed vocabularies, no ids, no free text, no day. They are
// never published: they live on the device that counted them and in the teams' `report_raw`
// scope, which planning never holds. Counts of several teams are added (merge()) and suppression
// runs once, on the merged tables (publish_counts()): suppressing each team's table and adding them
// would publish sums that undo the suppression.

// One table before suppression: its rows and columns (key, label) and the counts of its cells.
struct CountTable {
    std::string key, title, row_heading, column_heading;
    std::vector<std::pair<std::string, std::string>> rows, cols;
    std::vector<std::int64_t> cells;  // rows*cols, row-major
};

struct CountSection {
    std::string key;    // demand: the social space's name ("" none of the map's); cases: ""
    std::string title;
    std::vector<CountTable> tables;
};

struct Counts {
    Kind kind = Kind::Demand;
    std::string from, to;   // YYYY-MM
    std::string stichtag;   // cases only: YYYY-MM
    std::string space;      // demand: the one section counted; cases: the column published; "" all
    std::int64_t population = 0;  // families (demand) or cases (cases) counted, not yet checked
    std::vector<CountSection> sections;
    // Local only, never stored or merged: the ids of the cases counted, for the audit entry.
    std::vector<std::string> audit_cases;
};

// The period, Stichtag, threshold and space of `options` are checked as build_*() does; a small
// population is NOT refused here (a small team's counts still count towards the merged report).
Result<Counts> count_demand(const domain::Repository& repository, const Options& options);
Result<Counts> count_cases(const domain::Repository& repository, const Options& options);

// Adds counts of the same report (kind, period, Stichtag, all social spaces) cell by cell, by
// row and column keys: the counts of the union of the teams' cases when every case is counted by
// one team. Mismatch if they differ in kind, period or Stichtag, or one is for a single space.
Result<Counts> merge(const std::vector<Counts>& counts);

// Suppression and everything else build_*() does after counting, with the threshold and the
// secondary switch of `options` (its period and space are the counts'). BelowThreshold if the
// population is smaller than the threshold. `previous`: an earlier published version of the same
// report; every entry suppressed there is suppressed here as well (forced), so that the two side
// by side disclose nothing the new one alone does not.
Result<Report> publish_counts(const Counts& counts, const Options& options, const Report* previous = nullptr);

// The age bands of the Bedarfsbericht: 0–2, 3–5, 6–9, 10–13, 14–17, 18–26 (index 0..5); -1 outside.
int age_band(int age);
// Whole years from birth (YYYY-MM-DD) to day (YYYY-MM-DD); -1 if either is not a date or day < birth.
int age_on(std::string_view birth, std::string_view day);

}  // namespace quartier::reports
