// Internal to app/reports: the period and social-space handling both reports share, the German
// labels of the vocabularies they count by, and the step that turns counted cells into a
// published Table.
#pragma once

#include "report.h"

#include "offers/offers.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quartier::reports::detail {

// A month as year*12 + (month-1).
std::optional<int> parse_month(std::string_view yyyy_mm);
std::string month_text(int month);       // "2026-03"
std::string first_day(int month);        // "2026-03-01"
std::string last_day(int month);         // "2026-03-31"

// The checks every report makes first: period, threshold, Stichtag (cases), social space.
struct Checked {
    int from = 0, to = 0;  // months
    int stichtag = 0;      // month
    const offers::SocialSpace* space = nullptr;  // null: every social space
};
Result<Checked> check(const Options& options, const offers::Catalogue& catalogue, bool with_stichtag);

// The sections (demand) or columns (cases) by social space: the map's spaces by name (or the one
// asked for), then "" for a value that names none of them. index() is the position of a record's
// social_space value, or -1 if it is filtered out.
struct Spaces {
    std::vector<const offers::SocialSpace*> spaces;  // null last entry: "unplaced"
    const offers::Catalogue* catalogue = nullptr;
    const offers::SocialSpace* only = nullptr;
    int index(std::string_view value) const;
};
Spaces spaces_of(const offers::Catalogue& catalogue, const offers::SocialSpace* only);
std::string space_name(const offers::SocialSpace* s);  // its name, or "ohne zugeordneten Sozialraum"

// German labels.
std::string category_label(std::string_view id);
std::string barrier_label(std::string_view id);
std::string how_label(std::string_view id);
std::string paragraph_label(std::string_view paragraph);

// Counts a case once per cell: cells[i] is counted when the case differs from the last one that
// counted it. Cases are visited one after the other.
struct CellCounter {
    std::vector<std::int64_t> counts;
    std::vector<std::size_t> last;
    explicit CellCounter(std::size_t n) : counts(n, 0), last(n, SIZE_MAX) {}
    void add(std::size_t cell, std::size_t case_index) {
        if (last[cell] == case_index) return;
        last[cell] = case_index;
        ++counts[cell];
    }
};

// The table's rows and columns, with the counts of its cells (rows*cols, row-major).
using TableSpec = CountTable;
Table publish_table(const TableSpec& spec, const Grid& grid, const std::vector<Mark>& marks);

// suppress() and suppress_linked() at a raised threshold: first the pattern at the minimum
// threshold, then the raised one with that pattern forced, so that a report with a raised
// threshold publishes a subset of what the default one publishes (docs/reports.md "Reports beside
// each other").
std::vector<Mark> suppress_raised(const Grid& grid, const SuppressionOptions& options);
std::vector<std::vector<Mark>> suppress_linked_raised(const std::vector<Grid>& grids, const SuppressionOptions& options);
// The same with entries forced besides (an earlier published version's pattern); empty `forced`:
// exactly suppress_raised() / suppress_linked_raised().
std::vector<Mark> suppress_raised(const Grid& grid, const SuppressionOptions& options, const std::vector<bool>& forced);
std::vector<std::vector<Mark>> suppress_linked_raised(const std::vector<Grid>& grids, const SuppressionOptions& options,
                                                      const std::vector<bool>& forced);
// The entries of `spec`'s extended table that `previous` (an earlier version's published table of
// the same key, or null) shows suppressed, matched by row and column keys ("" rows: totals).
std::vector<bool> forced_by(const TableSpec& spec, const Table* previous);

std::vector<std::string> suppression_notes(std::int64_t threshold);

// What every report states of itself: its population, kind, title, period, social space and
// threshold, from its counts (the Stichtag and notes are the caller's). A population below the
// threshold is refused: the message, naming `who` ("families answered in this period"), is
// returned and nothing may be published.
std::optional<std::string> head(Report& report, const Counts& counts, const Options& options, const char* title,
                                const char* who);

// publish_counts() by kind (report.cpp, cases.cpp).
Result<Report> publish_demand(const Counts& counts, const Options& options, const Report* previous);
Result<Report> publish_cases(const Counts& counts, const Options& options, const Report* previous);

}  // namespace quartier::reports::detail
