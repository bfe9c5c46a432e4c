// Cell suppression (app/reports/suppression.h): hand-made tables with known answers, then the
// property over 1,000 random tables — every published table is audited from its published view
// alone, and no suppressed entry may be derivable from the margins. The same tables without
// secondary suppression must fail the audit, so the audit is shown to catch what it is for.
#include "reports/suppression.h"

#include <catch2/catch.hpp>

#include <random>

using namespace quartier::reports;

namespace {

std::size_t count(const std::vector<Mark>& marks, Mark m) { return std::size_t(std::count(marks.begin(), marks.end(), m)); }

// The entries of a published table the audit can pin to one value (or -1 if the view is inconsistent).
int determined(const Grid& g, const std::vector<Mark>& marks, std::int64_t t) {
    const auto ranges = audit(g.rows, g.cols, publish(g, marks), t);
    int n = 0;
    bool any = false;
    for (std::size_t e = 0; e < ranges.size(); ++e) {
        if (marks[e] == Mark::Published) continue;
        if (!ranges[e]) return -1;
        any = true;
        if (ranges[e]->determined()) ++n;
    }
    (void)any;
    return n;
}

// A random table: mostly small counts (zeros too), some large ones, 1..7 rows and columns.
Grid random_grid(std::mt19937_64& rng) {
    const std::size_t rows = 1 + rng() % 7, cols = 1 + rng() % 7;
    std::vector<std::int64_t> cells(rows * cols);
    const int style = int(rng() % 3);
    for (auto& v : cells) {
        const auto k = rng() % 10;
        if (style == 0) v = std::int64_t(rng() % 12);                      // everything near the threshold
        else if (style == 1) v = k < 3 ? std::int64_t(rng() % 5) : std::int64_t(5 + rng() % 60);  // few small cells
        else v = k < 6 ? 0 : std::int64_t(rng() % 30);                      // sparse
    }
    return Grid::from_cells(rows, cols, cells);
}

}  // namespace

TEST_CASE("Suppression: margins are sums of the cells and protected like cells", "[reports][suppression]") {
    const Grid g = Grid::from_cells(2, 3, {1, 10, 20, 7, 8, 9});
    CHECK(g.at(0, 3) == 31);
    CHECK(g.at(1, 3) == 24);
    CHECK(g.at(2, 0) == 8);
    CHECK(g.total() == 55);
    const auto marks = suppress(g, {5, true});
    CHECK(marks[g.index(0, 0)] == Mark::Primary);
    // The one small cell alone would be its row total minus the row's other cells: something else
    // in its row and in its column must go too, and a cycle must close.
    CHECK(count(marks, Mark::Secondary) >= 3);
    CHECK(determined(g, marks, 5) == 0);
}

TEST_CASE("Suppression: a table without small entries publishes everything", "[reports][suppression]") {
    const Grid g = Grid::from_cells(3, 2, {5, 6, 7, 8, 9, 10});
    const auto marks = suppress(g, {5, true});
    CHECK(count(marks, Mark::Published) == marks.size());
}

TEST_CASE("Suppression: a total below the threshold is itself shown as <5", "[reports][suppression]") {
    const Grid g = Grid::from_cells(2, 2, {1, 0, 2, 0});
    const auto marks = suppress(g, {5, true});
    CHECK(count(marks, Mark::Published) == 0);
    CHECK(count(marks, Mark::Primary) == marks.size());
    CHECK(determined(g, marks, 5) == 0);
}

TEST_CASE("Suppression audit: what a reader can recompute, from the published view alone", "[reports][suppression]") {
    // Error-path table: one row per way a published view gives a suppressed value away.
    struct Row {
        const char* what;
        std::size_t rows, cols;
        std::vector<std::int64_t> cells;
        std::vector<std::pair<std::size_t, std::size_t>> hidden;  // entries marked suppressed
        int determined;
    };
    const std::vector<Row> table = {
        {"the only suppressed cell of its row", 2, 2, {3, 10, 12, 9}, {{0, 0}}, 1},
        {"a row and its total suppressed, the column total published", 2, 2, {3, 10, 12, 9}, {{0, 0}, {0, 1}, {0, 2}}, 3},
        {"a 2x2 cycle of suppressed cells", 2, 2, {3, 10, 12, 9}, {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, 0},
        {"a cycle that cannot move: the <5 cells are 0 and 4 and the x cells 5", 2, 2, {0, 5, 5, 4},
         {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, 4},
        {"everything suppressed but the grand total", 2, 2, {3, 10, 12, 9},
         {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 2}, {1, 2}, {2, 0}, {2, 1}}, 0},
    };
    for (const Row& row : table) {
        INFO(row.what);
        const Grid g = Grid::from_cells(row.rows, row.cols, row.cells);
        std::vector<Mark> marks(g.values.size(), Mark::Published);
        for (auto [r, c] : row.hidden) marks[g.index(r, c)] = g.at(r, c) < 5 ? Mark::Primary : Mark::Secondary;
        CHECK(determined(g, marks, 5) == row.determined);
    }
}

TEST_CASE("Suppression property: over 1,000 random tables no suppressed entry is derivable from the margins",
          "[reports][suppression][property]") {
    std::mt19937_64 rng(20261207);  // seeded: every run audits the same tables
    const std::int64_t thresholds[] = {5, 5, 5, 7, 10};
    int tables = 0, with_secondary = 0, leaky_without_secondary = 0, suppressed = 0;
    for (int i = 0; i < 1000; ++i) {
        const Grid g = random_grid(rng);
        const std::int64_t t = thresholds[rng() % 5];
        INFO("table " << i << ", " << g.rows << "x" << g.cols << ", threshold " << t);
        const auto marks = suppress(g, {t, true});
        // Primary: exactly the entries below the threshold are "<t"; "x" only on values of at least t.
        for (std::size_t e = 0; e < marks.size(); ++e) {
            CHECK((marks[e] == Mark::Primary) == (g.values[e] < t));
            if (marks[e] == Mark::Secondary) CHECK(g.values[e] >= t);
        }
        const auto view = publish(g, marks);
        const auto ranges = audit(g.rows, g.cols, view, t);
        for (std::size_t e = 0; e < marks.size(); ++e) {
            if (marks[e] == Mark::Published) {
                CHECK(view[e].value == g.values[e]);
                continue;
            }
            ++suppressed;
            REQUIRE(ranges[e].has_value());  // the truth is one of the tables the view allows
            CHECK(ranges[e]->min <= g.values[e]);
            CHECK(g.values[e] <= ranges[e]->max);
            INFO("entry " << e << " value " << g.values[e] << " range " << ranges[e]->min << ".." << ranges[e]->max);
            CHECK_FALSE(ranges[e]->determined());
        }
        ++tables;
        if (count(marks, Mark::Secondary) > 0) ++with_secondary;
        // The same table with primary suppression only.
        if (determined(g, suppress(g, {t, false}), t) > 0) ++leaky_without_secondary;
    }
    CHECK(tables == 1000);
    CHECK(suppressed > 5000);
    CHECK(with_secondary > 300);
    // Without secondary suppression the audit finds recomputable cells in many tables: it can fail.
    CHECK(leaky_without_secondary > 300);
}

TEST_CASE("Suppression: linked tables share one pattern and each passes the audit", "[reports][suppression]") {
    std::mt19937_64 rng(42);
    for (int i = 0; i < 100; ++i) {
        const std::size_t rows = 1 + rng() % 5, cols = 1 + rng() % 5;
        std::vector<Grid> grids;
        for (int k = 0; k < 4; ++k) {
            std::vector<std::int64_t> cells(rows * cols);
            for (auto& v : cells) v = std::int64_t(rng() % 25);
            grids.push_back(Grid::from_cells(rows, cols, cells));
        }
        const auto marks = suppress_linked(grids, {5, true});
        for (std::size_t k = 0; k < grids.size(); ++k) {
            for (std::size_t e = 0; e < marks[k].size(); ++e)
                CHECK((marks[k][e] == Mark::Published) == (marks[0][e] == Mark::Published));
            CHECK(determined(grids[k], marks[k], 5) == 0);
        }
    }
}
