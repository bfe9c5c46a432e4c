#include "charts.h"

#include <algorithm>

namespace quartier::reports {

namespace {

const char* kNote = "Gesperrte Werte („<5“, „x“) haben keinen Balken; die Tabellen zeigen sie.";

const Table* find_table(const Section& s, const std::string& key) {
    for (const Table& t : s.tables)
        if (t.key == key) return &t;
    return nullptr;
}

// Demand: per section a series; the categories are the table's rows, a bar is the row's "Summe".
Chart rows_by_space(const Report& report, const std::string& key, std::string title) {
    Chart chart;
    chart.key = key;
    chart.title = std::move(title);
    chart.value_label = "Familien";
    chart.note = kNote;
    for (const Section& s : report.sections) {
        const Table* t = find_table(s, key);
        if (!t) continue;
        if (chart.categories.empty()) chart.categories = t->row_labels;
        if (t->row_labels != chart.categories) continue;  // one vocabulary per report; never mixed
        chart.series.push_back(s.key.empty() ? s.title : s.key);
        std::vector<Shown> values;
        for (std::size_t r = 0; r < t->rows(); ++r) values.push_back(t->at(r, t->cols()));
        chart.values.push_back(std::move(values));
    }
    return chart;
}

// Cases: the running tables of the half-years; per social space (a column) a series.
Chart running_by_half_year(const Report& report) {
    Chart chart;
    chart.key = "running";
    chart.title = "Fälle mit laufender Hilfe je Halbjahr";
    chart.value_label = "Fälle";
    chart.note = kNote;
    if (report.sections.empty()) return chart;
    const Section& s = report.sections.front();
    std::vector<const Table*> halves;
    for (const Table& t : s.tables) {
        const bool half = t.key.rfind("running_", 0) == 0 && t.key.size() > 3 &&
                          (t.key.compare(t.key.size() - 3, 3, "_h1") == 0 || t.key.compare(t.key.size() - 3, 3, "_h2") == 0);
        if (half) halves.push_back(&t);
    }
    if (halves.empty()) return chart;
    const Table& first = *halves.front();
    chart.series = first.column_labels;
    chart.values.assign(first.cols(), {});
    for (const Table* t : halves) {
        if (t->column_labels != first.column_labels) continue;
        // "Laufende Hilfen, 1. Halbjahr 2026" -> "1. Halbjahr 2026"
        const std::string prefix = "Laufende Hilfen, ";
        chart.categories.push_back(t->title.rfind(prefix, 0) == 0 ? t->title.substr(prefix.size()) : t->title);
        for (std::size_t c = 0; c < t->cols(); ++c) chart.values[c].push_back(t->at(t->rows(), c));
    }
    return chart;
}

}  // namespace

std::int64_t Chart::max_value() const {
    std::int64_t m = 0;
    for (const auto& series : values)
        for (const Shown& v : series)
            if (v.mark == Mark::Published) m = std::max(m, v.value);
    return m;
}

bool Chart::empty() const { return max_value() == 0; }

std::vector<Chart> charts_of(const Report& report) {
    if (report.kind == Kind::Demand)
        return {rows_by_space(report, "missing_wanted", "Fehlende oder gewünschte Angebote nach Kategorie"),
                rows_by_space(report, "barriers", "Genannte Hürden")};
    return {running_by_half_year(report)};
}

}  // namespace quartier::reports
