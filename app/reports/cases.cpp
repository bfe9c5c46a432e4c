// The Fallzahlen: cases per SGB VIII paragraph and social space, per half-year and year of the
// period (running, begun, ended) and on the Stichtag, like the table of the 2015 review
// (docs/reports.md "Fallzahlen"). Its tables of one kind (running, begun, ended) are related (a
// year and its half-years, the Stichtag and its half-year), so each kind shares one suppression
// pattern (suppress_linked).
#include "report_detail.h"

#include "domain/repository.h"
#include "domain/validation.h"

#include <algorithm>

namespace quartier::reports {

using namespace detail;

namespace {

struct Column {
    std::string key, label;
    std::string first, last;  // days, clipped to the period
};

// The half-years and years the period touches, clipped to it: 2026 H1, 2026 H2, 2026, 2027 H1, ...
std::vector<Column> columns_of(int from, int to) {
    std::vector<Column> out;
    for (int y = from / 12; y <= to / 12; ++y) {
        for (int h = 0; h < 2; ++h) {
            const int a = std::max(from, y * 12 + 6 * h), b = std::min(to, y * 12 + 6 * h + 5);
            if (a > b) continue;
            const std::string span = a == y * 12 + 6 * h && b == y * 12 + 6 * h + 5
                                         ? std::string()
                                         : " (" + month_text(a) + " bis " + month_text(b) + ")";
            out.push_back({std::to_string(y) + (h == 0 ? "_h1" : "_h2"),
                           std::to_string(h + 1) + ". Halbjahr " + std::to_string(y) + span, first_day(a), last_day(b)});
        }
        const int a = std::max(from, y * 12), b = std::min(to, y * 12 + 11);
        const std::string span =
            a == y * 12 && b == y * 12 + 11 ? std::string() : " (" + month_text(a) + " bis " + month_text(b) + ")";
        out.push_back({std::to_string(y), "Jahr " + std::to_string(y) + span, first_day(a), last_day(b)});
    }
    return out;
}

enum Measure { kRunning, kBegun, kEnded };

// One column of a published table as a table of its own: its cells, each also its row's total, and
// its column total, also the grand total. Every entry shown as in the whole table.
Table project(const Table& t, std::size_t column) {
    Table p = t;
    p.column_keys = {t.column_keys[column]};
    p.column_labels = {t.column_labels[column]};
    p.entries.clear();
    for (std::size_t r = 0; r <= t.rows(); ++r) {
        p.entries.push_back(t.at(r, column));
        p.entries.push_back(t.at(r, column));
    }
    return p;
}

}  // namespace

Result<Counts> count_cases(const domain::Repository& repository, const Options& options) {
    const offers::Catalogue catalogue = offers::Catalogue::load(repository.store());
    auto checked = check(options, catalogue, true);
    if (!checked) return checked.failure();
    // Always every social space: a report for one space is the column of the report for all of
    // them, with the same suppression pattern, so the two side by side tell nothing more than the
    // one for all (docs/reports.md "Reports beside each other"). publish_counts() projects it.
    const Spaces spaces = spaces_of(catalogue, nullptr);
    int selected = -1;
    for (std::size_t i = 0; i < spaces.spaces.size(); ++i)
        if (checked->space && spaces.spaces[i] == checked->space) selected = int(i);
    const std::vector<Column> columns = columns_of(checked->from, checked->to);
    const std::vector<std::string>& paragraphs = domain::sgb8_paragraphs();
    const std::string from_day = first_day(checked->from), to_day = last_day(checked->to);
    const std::string stichtag = last_day(checked->stichtag);

    const std::size_t n_spaces = spaces.spaces.size(), n_par = paragraphs.size();
    const std::size_t per_table = n_par * n_spaces;
    // Tables: for each column running, begun, ended; then the Stichtag.
    const std::size_t n_tables = columns.size() * 3 + 1;
    CellCounter counter(per_table * n_tables);
    std::vector<bool> space_used(n_spaces, false);
    Counts counts;
    counts.kind = Kind::Cases;
    counts.from = month_text(checked->from);
    counts.to = month_text(checked->to);
    counts.stichtag = month_text(checked->stichtag);
    counts.space = checked->space ? checked->space->name : "";
    std::size_t case_index = 0;
    for (const domain::Case& c : repository.cases()) {
        ++case_index;
        const int space = spaces.index(c.social_space);
        if (space < 0) continue;
        bool counted = false;
        for (const domain::Measure& m : repository.measures(c.id)) {
            const auto p = std::find(paragraphs.begin(), paragraphs.end(), m.paragraph);
            if (p == paragraphs.end() || !domain::valid_date(m.start)) continue;
            if (!m.end.empty() && !domain::valid_date(m.end)) continue;
            const std::size_t cell = std::size_t(p - paragraphs.begin()) * n_spaces + std::size_t(space);
            auto running = [&](const std::string& a, const std::string& b) {
                return m.start <= b && (m.end.empty() || m.end >= a);
            };
            if (running(from_day, to_day)) counted = true;
            for (std::size_t k = 0; k < columns.size(); ++k) {
                const Column& col = columns[k];
                if (running(col.first, col.last)) counter.add((k * 3 + kRunning) * per_table + cell, case_index);
                if (m.start >= col.first && m.start <= col.last) counter.add((k * 3 + kBegun) * per_table + cell, case_index);
                if (!m.end.empty() && m.end >= col.first && m.end <= col.last)
                    counter.add((k * 3 + kEnded) * per_table + cell, case_index);
            }
            if (running(stichtag, stichtag)) counter.add((n_tables - 1) * per_table + cell, case_index);
        }
        if (counted) {
            space_used[std::size_t(space)] = true;
            if (selected < 0 || space == selected) counts.audit_cases.push_back(c.id);
        }
    }
    counts.population = std::int64_t(counts.audit_cases.size());

    // One column per social space; "unplaced" only when a case of the period is there.
    std::vector<std::size_t> kept;
    for (std::size_t s = 0; s < n_spaces; ++s)
        if (spaces.spaces[s] || space_used[s]) kept.push_back(s);
    std::vector<std::pair<std::string, std::string>> rows, cols;
    for (const std::string& p : paragraphs) rows.emplace_back(p, paragraph_label(p));
    for (std::size_t s : kept) cols.emplace_back(spaces.spaces[s] ? spaces.spaces[s]->name : "", space_name(spaces.spaces[s]));

    CountSection section;
    for (std::size_t t = 0; t < n_tables; ++t) {
        TableSpec spec;
        if (t + 1 == n_tables) {
            spec.key = "stichtag";
            spec.title = "Laufende Hilfen am Stichtag (Ende " + counts.stichtag + ")";
        } else {
            const Column& col = columns[t / 3];
            static const char* kKeys[] = {"running_", "begun_", "ended_"};
            static const char* kTitles[] = {"Laufende Hilfen, ", "Begonnene Hilfen, ", "Beendete Hilfen, "};
            spec.key = kKeys[t % 3] + col.key;
            spec.title = kTitles[t % 3] + col.label;
        }
        spec.row_heading = "Hilfe";
        spec.column_heading = "Sozialraum";
        spec.rows = rows;
        spec.cols = cols;
        for (std::size_t p = 0; p < n_par; ++p)
            for (std::size_t s : kept) spec.cells.push_back(counter.counts[t * per_table + p * n_spaces + s]);
        section.tables.push_back(std::move(spec));
    }
    counts.sections.push_back(std::move(section));
    return counts;
}

namespace detail {

// publish_counts() of the Fallzahlen.
Result<Report> publish_cases(const Counts& counts, const Options& options, const Report* previous) {
    Report report;
    if (auto refused = head(report, counts, options, "Fallzahlen nach SGB VIII", "cases had a help in this period"))
        return {Error::BelowThreshold, *refused};
    report.stichtag = counts.stichtag;
    report.notes = {"Gezählt werden Fälle (Familien) mit einer Hilfe nach dem Paragraphen: ein Fall mit zwei Hilfen "
                    "nach demselben Paragraphen zählt einmal, einer mit Hilfen nach zwei Paragraphen in beiden Zeilen.",
                    "Laufend: die Hilfe lief an mindestens einem Tag des Zeitraums. Begonnen/beendet: ihr Beginn/Ende "
                    "liegt im Zeitraum. Stichtag: der letzte Tag des Stichtagsmonats.",
                    "Der Sozialraum ist der des Falls. Die Spalte „Summe“ ergibt die Zahlen der ganzen Stadt.",
                    "Die Tabellen einer Art (laufend mit Stichtag, begonnen, beendet) sperren dieselben Zellen, weil "
                    "ihre Zahlen zusammenhängen (ein Jahr und seine Halbjahre)."};
    for (const std::string& n : suppression_notes(options.threshold)) report.notes.push_back(n);
    if (counts.sections.size() != 1) return {Error::Mismatch, "the Fallzahlen's counts have one section"};
    const std::vector<TableSpec>& specs = counts.sections.front().tables;
    // The earlier version is published for all spaces or projected: only the former can force.
    const Section* before = previous && previous->space.empty() && !previous->sections.empty() ? &previous->sections.front() : nullptr;

    std::vector<Grid> grids;
    for (const TableSpec& spec : specs) grids.push_back(Grid::from_cells(spec.rows.size(), spec.cols.size(), spec.cells));
    // Tables of one kind (running in each column and on the Stichtag; begun; ended) are tied to each
    // other (a year's count lies between its half-years' larger count and their sum; the Stichtag's
    // between 0 and its half-year's running count): each kind shares one pattern
    // (docs/reports.md "Fallzahlen").
    auto kind_of = [](const std::string& key) {
        if (key == "stichtag" || key.rfind("running_", 0) == 0) return int(kRunning);
        if (key.rfind("begun_", 0) == 0) return int(kBegun);
        return int(kEnded);
    };
    std::vector<std::vector<Mark>> marks(grids.size());
    for (int kind : {kRunning, kBegun, kEnded}) {
        std::vector<std::size_t> members;
        for (std::size_t t = 0; t < specs.size(); ++t)
            if (kind_of(specs[t].key) == kind) members.push_back(t);
        if (members.empty()) continue;
        std::vector<Grid> group;
        std::vector<bool> forced;  // the union of the earlier version's patterns of the group
        for (std::size_t t : members) {
            group.push_back(grids[t]);
            if (!before) continue;
            for (const Table& pt : before->tables)
                if (pt.key == specs[t].key) {
                    const std::vector<bool> f = forced_by(specs[t], &pt);
                    if (forced.empty()) forced.assign(f.size(), false);
                    for (std::size_t e = 0; e < f.size(); ++e) forced[e] = forced[e] || f[e];
                }
        }
        const auto group_marks = suppress_linked_raised(group, SuppressionOptions{options.threshold, options.secondary}, forced);
        for (std::size_t i = 0; i < members.size(); ++i) marks[members[i]] = group_marks[i];
    }
    Section section;
    section.key = report.space;
    section.title = report.space.empty() ? "Alle Sozialräume" : "Sozialraum: " + report.space;
    std::size_t column = SIZE_MAX;
    if (!report.space.empty() && !specs.empty())
        for (std::size_t c = 0; c < specs.front().cols.size(); ++c)
            if (specs.front().cols[c].first == report.space) column = c;
    if (!report.space.empty() && column == SIZE_MAX) return {Error::UnknownSpace, "no column '" + report.space + "' in the counts"};
    for (std::size_t t = 0; t < specs.size(); ++t) {
        Table table = publish_table(specs[t], grids[t], marks[t]);
        if (column != SIZE_MAX) table = project(table, column);
        section.tables.push_back(std::move(table));
    }
    report.sections.push_back(std::move(section));
    return report;
}

}  // namespace detail

Result<Report> build_cases(const domain::Repository& repository, const Options& options) {
    auto counts = count_cases(repository, options);
    if (!counts) return counts.failure();
    return publish_counts(*counts, options);
}

}  // namespace quartier::reports
