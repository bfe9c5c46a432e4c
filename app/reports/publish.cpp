// Merging the teams' counts, and the records that carry counts to the coordinating device and the
// published report to planning (publish.h, docs/reports.md "Publishing to planning").
#include "publish.h"

#include "export.h"
#include "report_detail.h"

#include "sync/client/sharing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace quartier::reports {

using Json = nlohmann::ordered_json;

namespace {

// Adds `b`'s cells into `a` by row and column keys; rows and columns `a` lacks are appended (the
// cells' key "" — "ohne zugeordneten Sozialraum" — stays last, as count_*() puts it).
void add_table(CountTable& a, const CountTable& b) {
    auto merged_keys = [](const std::vector<std::pair<std::string, std::string>>& x,
                          const std::vector<std::pair<std::string, std::string>>& y) {
        std::vector<std::pair<std::string, std::string>> out;
        auto has = [&](const std::string& k) {
            return std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == k; });
        };
        for (const auto* v : {&x, &y})
            for (const auto& p : *v)
                if (!p.first.empty() && !has(p.first)) out.push_back(p);
        for (const auto* v : {&x, &y})
            for (const auto& p : *v)
                if (p.first.empty() && !has(p.first)) out.push_back(p);
        return out;
    };
    const auto rows = merged_keys(a.rows, b.rows), cols = merged_keys(a.cols, b.cols);
    std::vector<std::int64_t> cells(rows.size() * cols.size(), 0);
    auto pos = [](const std::vector<std::pair<std::string, std::string>>& v, const std::string& k) {
        return std::size_t(std::find_if(v.begin(), v.end(), [&](const auto& p) { return p.first == k; }) - v.begin());
    };
    for (const CountTable* t : std::initializer_list<const CountTable*>{&a, &b})
        for (std::size_t r = 0; r < t->rows.size(); ++r)
            for (std::size_t c = 0; c < t->cols.size(); ++c)
                cells[pos(rows, t->rows[r].first) * cols.size() + pos(cols, t->cols[c].first)] +=
                    t->cells[r * t->cols.size() + c];
    a.rows = rows;
    a.cols = cols;
    a.cells = std::move(cells);
}

Json pairs_json(const std::vector<std::pair<std::string, std::string>>& v) {
    Json out = Json::array();
    for (const auto& [k, l] : v) out.push_back({{"key", k}, {"label", l}});
    return out;
}

std::vector<std::pair<std::string, std::string>> pairs_of(const Json& j) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Json& p : j) out.emplace_back(p.at("key").get<std::string>(), p.at("label").get<std::string>());
    return out;
}

std::optional<Kind> kind_from(std::string_view s) {
    if (s == "demand") return Kind::Demand;
    if (s == "cases") return Kind::Cases;
    return std::nullopt;
}

bool kind_is(const sync::Store& store, const sync::ScopeId& scope, sync::ScopeKind kind) {
    return sync::sharing::scope_kind(store, scope) == kind;
}

std::string record_key(Kind kind, const std::string& from, const std::string& to) {
    return std::string(to_string(kind)) + ":" + from + ":" + to;
}

}  // namespace

Result<Counts> merge(const std::vector<Counts>& all) {
    if (all.empty()) return {Error::Mismatch, "no counts to merge"};
    Counts out = all.front();
    out.audit_cases.clear();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Counts& c = all[i];
        if (c.kind != out.kind || c.from != out.from || c.to != out.to || c.stichtag != out.stichtag)
            return {Error::Mismatch, "counts of different reports or periods cannot be merged"};
        if (!c.space.empty()) return {Error::Mismatch, "counts of one social space cannot be merged: count all spaces"};
        if (i == 0) continue;
        out.population += c.population;
        for (const CountSection& s : c.sections) {
            auto it = std::find_if(out.sections.begin(), out.sections.end(), [&](const CountSection& o) { return o.key == s.key; });
            if (it == out.sections.end()) {
                // A section the first counts lack: before "ohne zugeordneten Sozialraum" ("").
                auto unplaced = std::find_if(out.sections.begin(), out.sections.end(), [](const CountSection& o) { return o.key.empty(); });
                out.sections.insert(s.key.empty() ? out.sections.end() : unplaced, s);
                continue;
            }
            for (const CountTable& t : s.tables) {
                auto tt = std::find_if(it->tables.begin(), it->tables.end(), [&](const CountTable& o) { return o.key == t.key; });
                if (tt == it->tables.end()) return {Error::Mismatch, "counts with different tables ('" + t.key + "')"};
                add_table(*tt, t);
            }
            if (it->tables.size() != s.tables.size()) return {Error::Mismatch, "counts with different tables"};
        }
    }
    return out;
}

std::string counts_to_json(const Counts& c) {
    Json sections = Json::array();
    for (const CountSection& s : c.sections) {
        Json tables = Json::array();
        for (const CountTable& t : s.tables)
            tables.push_back({{"key", t.key}, {"title", t.title}, {"row_heading", t.row_heading},
                              {"column_heading", t.column_heading}, {"rows", pairs_json(t.rows)},
                              {"columns", pairs_json(t.cols)}, {"cells", t.cells}});
        sections.push_back({{"key", s.key}, {"title", s.title}, {"tables", tables}});
    }
    Json j{{"kind", std::string(to_string(c.kind))}, {"from", c.from}, {"to", c.to}, {"stichtag", c.stichtag},
           {"space", c.space}, {"population", c.population}, {"sections", sections}};
    return j.dump();
}

Result<Counts> counts_from_json(std::string_view text) {
    try {
        const Json j = Json::parse(text);
        Counts c;
        const auto kind = kind_from(j.at("kind").get<std::string>());
        if (!kind) return {Error::Malformed, "unknown report kind"};
        c.kind = *kind;
        c.from = j.at("from").get<std::string>();
        c.to = j.at("to").get<std::string>();
        c.stichtag = j.at("stichtag").get<std::string>();
        c.space = j.at("space").get<std::string>();
        c.population = j.at("population").get<std::int64_t>();
        if (c.population < 0) return {Error::Malformed, "a negative population"};
        for (const Json& s : j.at("sections")) {
            CountSection cs;
            cs.key = s.at("key").get<std::string>();
            cs.title = s.at("title").get<std::string>();
            for (const Json& t : s.at("tables")) {
                CountTable ct;
                ct.key = t.at("key").get<std::string>();
                ct.title = t.at("title").get<std::string>();
                ct.row_heading = t.at("row_heading").get<std::string>();
                ct.column_heading = t.at("column_heading").get<std::string>();
                ct.rows = pairs_of(t.at("rows"));
                ct.cols = pairs_of(t.at("columns"));
                ct.cells = t.at("cells").get<std::vector<std::int64_t>>();
                if (ct.cells.size() != ct.rows.size() * ct.cols.size()) return {Error::Malformed, "a table of the wrong size"};
                if (std::any_of(ct.cells.begin(), ct.cells.end(), [](std::int64_t v) { return v < 0; }))
                    return {Error::Malformed, "a negative count"};
                cs.tables.push_back(std::move(ct));
            }
            c.sections.push_back(std::move(cs));
        }
        return c;
    } catch (const std::exception& e) {
        return {Error::Malformed, std::string("counts do not parse: ") + e.what()};
    }
}

Result<Report> report_from_json(std::string_view text) {
    try {
        const Json j = Json::parse(text);
        Report r;
        const auto kind = kind_from(j.at("report").get<std::string>());
        if (!kind) return {Error::Malformed, "unknown report kind"};
        r.kind = *kind;
        r.title = j.at("title").get<std::string>();
        r.from = j.at("period").at("from").get<std::string>();
        r.to = j.at("period").at("to").get<std::string>();
        if (r.kind == Kind::Cases) r.stichtag = j.at("stichtag").get<std::string>();
        // The period and Stichtag are months (YYYY-MM): every reader prints them as such.
        const auto from = detail::parse_month(r.from), to = detail::parse_month(r.to);
        if (!from || !to || *from > *to || (r.kind == Kind::Cases && !detail::parse_month(r.stichtag)))
            return {Error::Malformed, "a period or Stichtag that is not a month YYYY-MM"};
        r.space = j.at("social_space").is_null() ? "" : j.at("social_space").get<std::string>();
        r.threshold = j.at("threshold").get<std::int64_t>();
        r.population = j.at("population").get<std::int64_t>();
        if (r.threshold < kMinThreshold || r.threshold > kMaxThreshold)
            return {Error::Malformed, "a threshold below " + std::to_string(kMinThreshold) + " is never published"};
        if (r.population < r.threshold) return {Error::Malformed, "a population below the threshold is never published"};
        r.notes = j.at("notes").get<std::vector<std::string>>();
        const std::string below = "<" + std::to_string(r.threshold);
        auto entry = [&](const Json& e) -> std::optional<Shown> {
            if (e.is_number_integer()) {
                const std::int64_t v = e.get<std::int64_t>();
                if (v < r.threshold) return std::nullopt;  // a small value shown: never
                return Shown{Mark::Published, v};
            }
            if (e.is_string() && e.get<std::string>() == below) return Shown{Mark::Primary, 0};
            if (e.is_string() && e.get<std::string>() == "x") return Shown{Mark::Secondary, 0};
            return std::nullopt;
        };
        for (const Json& s : j.at("sections")) {
            Section sec;
            sec.key = s.at("social_space").is_null() ? "" : s.at("social_space").get<std::string>();
            sec.title = s.at("title").get<std::string>();
            for (const Json& t : s.at("tables")) {
                Table tab;
                tab.key = t.at("key").get<std::string>();
                tab.title = t.at("title").get<std::string>();
                tab.row_heading = t.at("row_heading").get<std::string>();
                tab.column_heading = t.at("column_heading").get<std::string>();
                for (const Json& c : t.at("columns")) {
                    tab.column_keys.push_back(c.at("key").get<std::string>());
                    tab.column_labels.push_back(c.at("label").get<std::string>());
                }
                const std::string where = "table " + tab.key + " of '" + sec.title + "'";
                for (const Json& row : t.at("rows")) {
                    tab.row_keys.push_back(row.at("key").get<std::string>());
                    tab.row_labels.push_back(row.at("label").get<std::string>());
                    const Json& cells = row.at("cells");
                    if (cells.size() != tab.cols()) return {Error::Malformed, where + ": a row of the wrong length"};
                    for (const Json& e : cells) {
                        auto shown = entry(e);
                        if (!shown) return {Error::Malformed, where + ": an entry that is neither shown nor suppressed"};
                        tab.entries.push_back(*shown);
                    }
                    auto total = entry(row.at("total"));
                    if (!total) return {Error::Malformed, where + ": a row total that is neither shown nor suppressed"};
                    tab.entries.push_back(*total);
                }
                const Json& totals = t.at("column_totals");
                if (totals.size() != tab.cols()) return {Error::Malformed, where + ": column totals of the wrong length"};
                for (const Json& e : totals) {
                    auto shown = entry(e);
                    if (!shown) return {Error::Malformed, where + ": a column total that is neither shown nor suppressed"};
                    tab.entries.push_back(*shown);
                }
                auto grand = entry(t.at("total"));
                if (!grand) return {Error::Malformed, where + ": a total that is neither shown nor suppressed"};
                tab.entries.push_back(*grand);
                // The audit (suppression.h) from what is shown: no suppressed entry may be
                // recomputable, and the table must be consistent at all.
                const auto ranges = audit(tab.rows(), tab.cols(), tab.entries, r.threshold);
                for (std::size_t e = 0; e < tab.entries.size(); ++e) {
                    if (tab.entries[e].mark == Mark::Published) continue;
                    if (!ranges[e]) return {Error::Malformed, where + ": its entries contradict each other"};
                    if (ranges[e]->determined()) return {Error::Malformed, where + ": a suppressed entry can be recomputed"};
                }
                sec.tables.push_back(std::move(tab));
            }
            r.sections.push_back(std::move(sec));
        }
        return r;
    } catch (const std::exception& e) {
        return {Error::Malformed, std::string("the report does not parse: ") + e.what()};
    }
}

sync::Result<std::string> save_counts(sync::Store& store, const sync::ScopeId& scope, const std::string& team,
                                      const Counts& counts) {
    // Invariant 1: raw counts never go anywhere but a report_raw scope (planning holds none).
    if (!kind_is(store, scope, sync::ScopeKind::ReportRaw))
        return {sync::Error::InvalidArgument, "raw counts go only into a report_raw scope"};
    if (!counts.space.empty()) return {sync::Error::InvalidArgument, "a team publishes its counts for all social spaces"};
    // One record per device, report and period: publishing again replaces the team's counts.
    const std::string id = std::string(kCountsType) + ":" + crypto::to_hex(store.device().id()) + ":" +
                           record_key(counts.kind, counts.from, counts.to);
    sync::Writer w(store);
    for (const auto& [field, value] :
         std::initializer_list<std::pair<const char*, std::string>>{{"kind", std::string(to_string(counts.kind))},
                                                                    {"from", counts.from},
                                                                    {"to", counts.to},
                                                                    {"stichtag", counts.stichtag},
                                                                    {"team", team},
                                                                    {"format", kPublishFormat},
                                                                    {"counts", counts_to_json(counts)}}) {
        auto r = w.set(kCountsType, id, field, value, &scope);
        if (!r) return r.failure();
    }
    if (auto c = w.commit(); !c) return c.failure();
    return id;
}

std::vector<StoredCounts> load_counts(const sync::Store& store, Kind kind, const std::string& from, const std::string& to,
                                      std::vector<std::string>* skipped) {
    std::vector<StoredCounts> out;
    for (const sync::Record* r : store.list(kCountsType)) {
        if (!kind_is(store, r->scope, sync::ScopeKind::ReportRaw)) continue;
        if (r->value("kind") != std::string(to_string(kind)) || r->value("from") != from || r->value("to") != to) continue;
        auto counts = r->value("format") == std::string(kPublishFormat) ? counts_from_json(r->value("counts").value_or(""))
                                                                         : Result<Counts>(Error::Malformed, "unknown format");
        if (!counts || counts->kind != kind || counts->from != from || counts->to != to) {
            if (skipped) skipped->push_back(r->id);
            continue;
        }
        out.push_back({r->id, r->value("team").value_or(""), std::move(*counts)});
    }
    return out;
}

sync::Result<std::string> save_published(sync::Store& store, const sync::ScopeId& scope, const Report& report, int version) {
    // Invariant 1: only a Report, only into a report scope.
    if (!kind_is(store, scope, sync::ScopeKind::Report))
        return {sync::Error::InvalidArgument, "a published report goes only into a report scope"};
    if (version < 1) return {sync::Error::InvalidArgument, "versions count from 1"};
    const std::string json = Json::parse(to_json(report)).dump();  // compact: the record's value
    const std::string id = std::string(kPublishedType) + ":" + record_key(report.kind, report.from, report.to) + ":v" +
                           std::to_string(version);
    sync::Writer w(store);
    for (const auto& [field, value] :
         std::initializer_list<std::pair<const char*, std::string>>{{"kind", std::string(to_string(report.kind))},
                                                                    {"from", report.from},
                                                                    {"to", report.to},
                                                                    {"version", std::to_string(version)},
                                                                    {"format", kPublishFormat},
                                                                    {"report", json}}) {
        auto r = w.set(kPublishedType, id, field, value, &scope);
        if (!r) return r.failure();
    }
    if (auto c = w.commit(); !c) return c.failure();
    return id;
}

std::vector<Published> published_reports(const sync::Store& store) {
    std::vector<Published> out;
    for (const sync::Record* r : store.list(kPublishedType)) {
        if (!kind_is(store, r->scope, sync::ScopeKind::Report)) continue;
        const auto kind = kind_from(r->value("kind").value_or(""));
        const std::string version = r->value("version").value_or("");
        if (!kind || version.empty() || version.size() > 6 || version.find_first_not_of("0123456789") != std::string::npos)
            continue;
        out.push_back({r->id, *kind, r->value("from").value_or(""), r->value("to").value_or(""), std::stoi(version),
                       r->value("report").value_or("")});
    }
    std::sort(out.begin(), out.end(), [](const Published& a, const Published& b) {
        return std::tie(a.kind, a.from, a.to, a.version, a.id) < std::tie(b.kind, b.from, b.to, b.version, b.id);
    });
    return out;
}

}  // namespace quartier::reports
