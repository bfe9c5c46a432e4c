// Cell suppression for published count tables (§64(3) SGB VIII; docs/reports.md "Anonymisation").
//
// Terms
//   grid        a table of counts with its margins, held as the extended (R+1)×(C+1) table: the R×C
//               cells, in column C each row's total, in row R each column's total, and in the corner
//               the grand total. Every margin is the sum of its cells.
//   entry       any of the (R+1)(C+1) values: a cell or a margin. Margins are protected like cells.
//   primary     an entry below the threshold t (0 included): shown as "<t"; a reader knows 0 ≤ v ≤ t-1.
//   secondary   an entry ≥ t suppressed so that no primary one can be recomputed: shown as "x"; a
//               reader knows v ≥ t.
//   derivable   an entry whose value is the same in every table a reader could reconstruct: every
//               table with the published entries, the margins' sums, and the bounds above.
//
// Not stateful: pure functions over values.
//
// Invariants (tests/reports/test_suppression.cpp checks them over ≥1,000 random tables with
// audit(), which reads only what is published)
//   1. Every entry below the threshold is suppressed (primary).
//   2. With secondary suppression on, no suppressed entry is derivable.
//   3. A published entry is shown with its true value; "<t" is shown only for values below t and
//      "x" only for values of at least t.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace quartier::reports {

enum class Mark { Published, Primary, Secondary };

// The extended table of an R×C table of counts (see "grid" above).
struct Grid {
    std::size_t rows = 0;  // R: cell rows, without the totals row
    std::size_t cols = 0;  // C: cell columns, without the totals column
    std::vector<std::int64_t> values;  // (R+1)*(C+1), row-major; index(r, c)

    static Grid from_cells(std::size_t rows, std::size_t cols, const std::vector<std::int64_t>& cells);
    std::size_t index(std::size_t r, std::size_t c) const { return r * (cols + 1) + c; }
    std::int64_t at(std::size_t r, std::size_t c) const { return values[index(r, c)]; }
    std::int64_t total() const { return values.back(); }
};

struct SuppressionOptions {
    std::int64_t threshold = 5;
    bool secondary = true;  // off only in the test that shows the audit catches its absence
};

// The marks of every entry of `grid` (same indexing). `forced` (may be empty, else one flag per
// entry) names entries to suppress besides those below the threshold: the linked tables of one
// report share their pattern (docs/reports.md).
std::vector<Mark> suppress(const Grid& grid, const SuppressionOptions& options, const std::vector<bool>& forced = {});

// Several tables of the same shape whose entries are related (a half-year and its year; running,
// begun and ended helps): an entry suppressed in one is suppressed in all, and each is completed by
// secondary suppression again until no table changes.
// `forced` as for suppress(): entries to suppress in every table from the start.
std::vector<std::vector<Mark>> suppress_linked(const std::vector<Grid>& grids, const SuppressionOptions& options,
                                               const std::vector<bool>& forced = {});

// What a reader sees of one entry.
struct Shown {
    Mark mark = Mark::Published;
    std::int64_t value = 0;  // only for Published
};

// The published view of a grid: entries' values only where published.
std::vector<Shown> publish(const Grid& grid, const std::vector<Mark>& marks);

// The range a reader can narrow a suppressed entry down to.
struct Range {
    std::int64_t min = 0;
    std::int64_t max = 0;  // kUnbounded: no upper bound
    bool determined() const { return min == max; }
};
inline constexpr std::int64_t kUnbounded = std::int64_t(1) << 40;

// The audit: from the published view alone (never the true values or the suppression's own
// reasoning), the feasible range of every suppressed entry, computed as a transportation problem
// by max-flow (docs/reports.md "The audit"). nullopt for published entries; all nullopt if the
// published view admits no table at all (inconsistent).
std::vector<std::optional<Range>> audit(std::size_t rows, std::size_t cols, const std::vector<Shown>& shown,
                                        std::int64_t threshold);

}  // namespace quartier::reports
