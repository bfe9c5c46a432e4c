// Primary and secondary cell suppression, and the audit that checks it from the published view
// alone. The reasoning is in docs/reports.md ("Anonymisation"); the short form:
//
// Every entry of the extended table lies on one row line and one column line, and every line says
// "its cells sum to its total". Negating the equations of the totals row and the totals column and
// writing w = -x for the margins (not the corner) turns every line into "the w of its entries sum
// to 0": a bipartite graph whose nodes are the lines and whose edges are the entries. Another table
// a reader could reconstruct differs from the true one by a circulation on the suppressed edges, and
// by conformal decomposition such a difference exists exactly when some single cycle of suppressed
// entries can be pushed by one unit (increasing w on edges walked row→column, decreasing it on
// edges walked column→row) without leaving the bounds a reader knows (0..t-1 for "<t", ≥ t for "x").
//
// suppress() uses that: it knows the true values and looks for such a cycle through each
// suppressed entry in the residual graph (a breadth-first search); an entry without one gets a
// neighbour suppressed, until every suppressed entry has one.
//
// audit() knows only the published view. It computes the least and greatest value of each
// suppressed entry as a transportation problem with bounds, solved by max-flow (Dinic) and a
// binary search on the entry's bound: a different method on different inputs, so that a mistake
// in suppress() shows up as a determined entry in the audit.
#include "suppression.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <numeric>

namespace quartier::reports {

namespace {

// +1 for cells and the grand total, -1 for the row and column totals (see the file comment).
int sign(std::size_t r, std::size_t c, std::size_t rows, std::size_t cols) {
    return (r == rows) != (c == cols) ? -1 : 1;
}

struct Bounds {
    std::int64_t lo = 0, hi = 0;
};

Bounds bounds_of(Mark m, std::int64_t threshold, std::int64_t big) {
    if (m == Mark::Primary) return {0, std::min(threshold - 1, big)};
    return {threshold, big};
}

// ---- suppress(): the residual-cycle test on the true values ---------------------------------------

class Residual {
public:
    Residual(const Grid& g, const std::vector<Mark>& marks, std::int64_t threshold)
        : m_g(g), m_marks(marks), m_threshold(threshold) {}

    // Another table consistent with what `marks` publishes has a different value at entry e.
    bool movable(std::size_t e) const {
        const auto [r, c] = rc(e);
        const std::size_t row = r, col = m_g.rows + 1 + c;
        if (can_increase_w(e) && reaches(col, row, e)) return true;
        if (can_decrease_w(e) && reaches(row, col, e)) return true;
        return false;
    }

private:
    std::pair<std::size_t, std::size_t> rc(std::size_t e) const { return {e / (m_g.cols + 1), e % (m_g.cols + 1)}; }
    bool can_raise_x(std::size_t e) const {
        return m_marks[e] == Mark::Secondary || m_g.values[e] < m_threshold - 1;
    }
    bool can_lower_x(std::size_t e) const {
        return m_marks[e] == Mark::Primary ? m_g.values[e] > 0 : m_g.values[e] > m_threshold;
    }
    bool can_increase_w(std::size_t e) const {
        const auto [r, c] = rc(e);
        return sign(r, c, m_g.rows, m_g.cols) > 0 ? can_raise_x(e) : can_lower_x(e);
    }
    bool can_decrease_w(std::size_t e) const {
        const auto [r, c] = rc(e);
        return sign(r, c, m_g.rows, m_g.cols) > 0 ? can_lower_x(e) : can_raise_x(e);
    }
    // A directed path from node `from` to node `to` over the suppressed entries other than `skip`:
    // row node r → column node c where w can increase, c → r where it can decrease.
    bool reaches(std::size_t from, std::size_t to, std::size_t skip) const {
        const std::size_t nodes = m_g.rows + 1 + m_g.cols + 1;
        std::vector<bool> seen(nodes, false);
        std::deque<std::size_t> queue{from};
        seen[from] = true;
        while (!queue.empty()) {
            const std::size_t n = queue.front();
            queue.pop_front();
            if (n == to) return true;
            const bool is_row = n <= m_g.rows;
            for (std::size_t k = 0; k <= (is_row ? m_g.cols : m_g.rows); ++k) {
                const std::size_t e = is_row ? m_g.index(n, k) : m_g.index(k, n - m_g.rows - 1);
                if (e == skip || m_marks[e] == Mark::Published) continue;
                if (is_row ? !can_increase_w(e) : !can_decrease_w(e)) continue;
                const std::size_t next = is_row ? m_g.rows + 1 + k : k;
                if (!seen[next]) {
                    seen[next] = true;
                    queue.push_back(next);
                }
            }
        }
        return false;
    }

    const Grid& m_g;
    const std::vector<Mark>& m_marks;
    std::int64_t m_threshold;
};

// The published entries on the lines of entry e, smallest value first (cells before margins on a tie).
std::vector<std::size_t> candidates(const Grid& g, const std::vector<Mark>& marks, std::size_t e) {
    const std::size_t r = e / (g.cols + 1), c = e % (g.cols + 1);
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k <= g.cols; ++k)
        if (marks[g.index(r, k)] == Mark::Published) out.push_back(g.index(r, k));
    for (std::size_t k = 0; k <= g.rows; ++k)
        if (marks[g.index(k, c)] == Mark::Published) out.push_back(g.index(k, c));
    auto margin = [&](std::size_t i) { return i / (g.cols + 1) == g.rows || i % (g.cols + 1) == g.cols; };
    std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        if (g.values[a] != g.values[b]) return g.values[a] < g.values[b];
        if (margin(a) != margin(b)) return !margin(a);
        return a < b;
    });
    return out;
}

// ---- audit(): max-flow ------------------------------------------------------------------------------

class MaxFlow {
public:
    explicit MaxFlow(std::size_t n) : m_adj(n), m_level(n), m_it(n) {}
    void add(std::size_t a, std::size_t b, std::int64_t cap) {
        m_adj[a].push_back(m_edges.size());
        m_edges.push_back({b, cap});
        m_adj[b].push_back(m_edges.size());
        m_edges.push_back({a, 0});
    }
    std::int64_t run(std::size_t s, std::size_t t) {
        std::int64_t flow = 0;
        while (levels(s, t)) {
            std::fill(m_it.begin(), m_it.end(), 0);
            while (const std::int64_t f = push(s, t, std::numeric_limits<std::int64_t>::max())) flow += f;
        }
        return flow;
    }

private:
    struct Edge {
        std::size_t to;
        std::int64_t cap;
    };
    bool levels(std::size_t s, std::size_t t) {
        std::fill(m_level.begin(), m_level.end(), -1);
        std::deque<std::size_t> q{s};
        m_level[s] = 0;
        while (!q.empty()) {
            const std::size_t n = q.front();
            q.pop_front();
            for (std::size_t id : m_adj[n])
                if (m_edges[id].cap > 0 && m_level[m_edges[id].to] < 0) {
                    m_level[m_edges[id].to] = m_level[n] + 1;
                    q.push_back(m_edges[id].to);
                }
        }
        return m_level[t] >= 0;
    }
    std::int64_t push(std::size_t n, std::size_t t, std::int64_t limit) {
        if (n == t) return limit;
        for (; m_it[n] < m_adj[n].size(); ++m_it[n]) {
            const std::size_t id = m_adj[n][m_it[n]];
            Edge& e = m_edges[id];
            if (e.cap <= 0 || m_level[e.to] != m_level[n] + 1) continue;
            if (const std::int64_t f = push(e.to, t, std::min(limit, e.cap))) {
                e.cap -= f;
                m_edges[id ^ 1].cap += f;
                return f;
            }
        }
        return 0;
    }
    std::vector<Edge> m_edges;
    std::vector<std::vector<std::size_t>> m_adj;
    std::vector<int> m_level;
    std::vector<std::size_t> m_it;
};

// The reader's problem in w-space: every line node's suppressed w sum to `balance`, each within
// [lo, hi].
struct Problem {
    std::size_t rows = 0, cols = 0;  // R, C
    struct Var {
        std::size_t row, col;  // line nodes: row 0..R, column 0..C
        int sign;
        std::int64_t lo, hi;  // bounds on w
    };
    std::vector<Var> vars;
    std::vector<std::int64_t> row_balance, col_balance;

    // Some w within `vars`' bounds (with vars[k] narrowed to [lo, hi]) meets every balance.
    bool feasible(std::size_t k, std::int64_t lo, std::int64_t hi) const {
        std::vector<std::int64_t> supply = row_balance, demand = col_balance;
        const std::size_t source = rows + 1 + cols + 1, sink = source + 1;
        MaxFlow flow(sink + 1);
        for (std::size_t i = 0; i < vars.size(); ++i) {
            const Var& v = vars[i];
            const std::int64_t l = i == k ? std::max(lo, v.lo) : v.lo;
            const std::int64_t h = i == k ? std::min(hi, v.hi) : v.hi;
            if (l > h) return false;
            supply[v.row] -= l;
            demand[v.col] -= l;
            if (h > l) flow.add(v.row, rows + 1 + v.col, h - l);
        }
        std::int64_t total_supply = 0, total_demand = 0;
        for (std::size_t r = 0; r <= rows; ++r) {
            if (supply[r] < 0) return false;
            total_supply += supply[r];
            if (supply[r] > 0) flow.add(source, r, supply[r]);
        }
        for (std::size_t c = 0; c <= cols; ++c) {
            if (demand[c] < 0) return false;
            total_demand += demand[c];
            if (demand[c] > 0) flow.add(rows + 1 + c, sink, demand[c]);
        }
        if (total_supply != total_demand) return false;
        return flow.run(source, sink) == total_supply;
    }
};

}  // namespace

Grid Grid::from_cells(std::size_t rows, std::size_t cols, const std::vector<std::int64_t>& cells) {
    Grid g;
    g.rows = rows;
    g.cols = cols;
    g.values.assign((rows + 1) * (cols + 1), 0);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            const std::int64_t v = cells[r * cols + c];
            g.values[g.index(r, c)] = v;
            g.values[g.index(r, cols)] += v;
            g.values[g.index(rows, c)] += v;
            g.values[g.index(rows, cols)] += v;
        }
    return g;
}

std::vector<Mark> suppress(const Grid& grid, const SuppressionOptions& options, const std::vector<bool>& forced) {
    const std::int64_t t = options.threshold;
    std::vector<Mark> marks(grid.values.size(), Mark::Published);
    for (std::size_t e = 0; e < marks.size(); ++e)
        if (grid.values[e] < t)
            marks[e] = Mark::Primary;
        else if (!forced.empty() && forced[e])
            marks[e] = Mark::Secondary;
    if (!options.secondary) return marks;

    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t e = 0; e < marks.size(); ++e) {
            if (marks[e] == Mark::Published) continue;
            if (Residual(grid, marks, t).movable(e)) continue;
            const std::vector<std::size_t> cands = candidates(grid, marks, e);
            bool fixed = false;
            for (std::size_t g : cands) {
                marks[g] = Mark::Secondary;
                if (Residual(grid, marks, t).movable(e)) {
                    fixed = true;
                    break;
                }
                marks[g] = Mark::Published;
            }
            if (!fixed) {
                // No single neighbour opens a cycle: suppress the smallest one on its lines and let
                // the next round look again; with its lines all suppressed, the smallest published
                // entry anywhere.
                std::size_t pick = marks.size();
                if (!cands.empty()) {
                    pick = cands.front();
                } else {
                    for (std::size_t g = 0; g < marks.size(); ++g)
                        if (marks[g] == Mark::Published && (pick == marks.size() || grid.values[g] < grid.values[pick]))
                            pick = g;
                }
                if (pick == marks.size()) continue;  // everything is suppressed already
                marks[pick] = Mark::Secondary;
            }
            changed = true;
        }
    }
    return marks;
}

std::vector<std::vector<Mark>> suppress_linked(const std::vector<Grid>& grids, const SuppressionOptions& options,
                                               const std::vector<bool>& initial) {
    std::vector<std::vector<Mark>> marks(grids.size());
    if (grids.empty()) return marks;
    // The forced set only grows, so this ends; when a round adds nothing, every table's pattern is
    // exactly the forced set (suppress() suppresses every forced entry and nothing outside the union).
    std::vector<bool> forced = initial.empty() ? std::vector<bool>(grids.front().values.size(), false) : initial;
    for (;;) {
        for (std::size_t i = 0; i < grids.size(); ++i) marks[i] = suppress(grids[i], options, forced);
        std::vector<bool> next = forced;
        for (const auto& m : marks)
            for (std::size_t e = 0; e < next.size(); ++e)
                if (m[e] != Mark::Published) next[e] = true;
        if (next == forced) break;
        forced = std::move(next);
    }
    return marks;
}

std::vector<Shown> publish(const Grid& grid, const std::vector<Mark>& marks) {
    std::vector<Shown> out(grid.values.size());
    for (std::size_t e = 0; e < out.size(); ++e) {
        out[e].mark = marks[e];
        if (marks[e] == Mark::Published) out[e].value = grid.values[e];
    }
    return out;
}

std::vector<std::optional<Range>> audit(std::size_t rows, std::size_t cols, const std::vector<Shown>& shown,
                                        std::int64_t threshold) {
    std::vector<std::optional<Range>> out(shown.size());
    const std::size_t corner = rows * (cols + 1) + cols;
    // Every entry is at most the grand total; without a published one, "unbounded" is a cap far
    // above any count a report holds.
    const std::int64_t big = shown[corner].mark == Mark::Published ? shown[corner].value : kUnbounded;
    Problem p;
    p.rows = rows;
    p.cols = cols;
    p.row_balance.assign(rows + 1, 0);
    p.col_balance.assign(cols + 1, 0);
    std::vector<std::size_t> var_of(shown.size(), SIZE_MAX);
    for (std::size_t r = 0; r <= rows; ++r)
        for (std::size_t c = 0; c <= cols; ++c) {
            const std::size_t e = r * (cols + 1) + c;
            const int s = sign(r, c, rows, cols);
            if (shown[e].mark == Mark::Published) {
                p.row_balance[r] -= s * shown[e].value;
                p.col_balance[c] -= s * shown[e].value;
                continue;
            }
            const Bounds b = bounds_of(shown[e].mark, threshold, big);
            var_of[e] = p.vars.size();
            p.vars.push_back({r, c, s, s > 0 ? b.lo : -b.hi, s > 0 ? b.hi : -b.lo});
        }
    if (!p.feasible(SIZE_MAX, 0, 0)) return std::vector<std::optional<Range>>(shown.size());
    for (std::size_t e = 0; e < shown.size(); ++e) {
        if (var_of[e] == SIZE_MAX) continue;
        const std::size_t k = var_of[e];
        const auto& v = p.vars[k];
        // Greatest w: the largest m with a feasible table where w >= m; least: the smallest m with w <= m.
        std::int64_t lo = v.lo, hi = v.hi;
        while (lo < hi) {
            const std::int64_t mid = lo + (hi - lo + 1) / 2;
            if (p.feasible(k, mid, v.hi)) lo = mid; else hi = mid - 1;
        }
        const std::int64_t wmax = lo;
        lo = v.lo;
        hi = v.hi;
        while (lo < hi) {
            const std::int64_t mid = lo + (hi - lo) / 2;
            if (p.feasible(k, v.lo, mid)) hi = mid; else lo = mid + 1;
        }
        const std::int64_t wmin = lo;
        Range r = v.sign > 0 ? Range{wmin, wmax} : Range{-wmax, -wmin};
        if (r.max >= kUnbounded) r.max = kUnbounded;
        out[e] = r;
    }
    return out;
}

}  // namespace quartier::reports
