#include "export.h"

#include <nlohmann/json.hpp>

namespace quartier::reports {

using Json = nlohmann::ordered_json;

namespace {
// "<5". Appended rather than "<" + to_string(…): GCC 12 at -O3 warns (-Wrestrict) falsely on that.
std::string below(std::int64_t threshold) {
    std::string s(1, '<');
    s += std::to_string(threshold);
    return s;
}
}  // namespace

std::string shown_text(const Shown& s, std::int64_t threshold) {
    switch (s.mark) {
    case Mark::Published: return std::to_string(s.value);
    case Mark::Primary: return below(threshold);
    case Mark::Secondary: return "x";
    }
    return "x";
}

namespace {

Json entry_json(const Shown& s, std::int64_t threshold) {
    if (s.mark == Mark::Published) return s.value;
    return shown_text(s, threshold);
}

Json table_json(const Table& t, std::int64_t threshold) {
    Json columns = Json::array();
    for (std::size_t c = 0; c < t.cols(); ++c) columns.push_back({{"key", t.column_keys[c]}, {"label", t.column_labels[c]}});
    Json rows = Json::array();
    for (std::size_t r = 0; r < t.rows(); ++r) {
        Json cells = Json::array();
        for (std::size_t c = 0; c < t.cols(); ++c) cells.push_back(entry_json(t.at(r, c), threshold));
        rows.push_back({{"key", t.row_keys[r]}, {"label", t.row_labels[r]}, {"cells", cells},
                        {"total", entry_json(t.at(r, t.cols()), threshold)}});
    }
    Json totals = Json::array();
    for (std::size_t c = 0; c < t.cols(); ++c) totals.push_back(entry_json(t.at(t.rows(), c), threshold));
    return {{"key", t.key},
            {"title", t.title},
            {"row_heading", t.row_heading},
            {"column_heading", t.column_heading},
            {"columns", columns},
            {"rows", rows},
            {"column_totals", totals},
            {"total", entry_json(t.at(t.rows(), t.cols()), threshold)}};
}

// One CSV field: quoted when it holds the separator, a quote or a line break; a leading = + - @
// gets an apostrophe so that no spreadsheet runs it as a formula.
std::string field(std::string s) {
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s.insert(s.begin(), '\'');
    if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) {
        if (ch == '"') q += '"';
        q += ch;
    }
    return q + "\"";
}

void line(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ';';
        out += field(fields[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string to_json(const Report& r) {
    Json sections = Json::array();
    for (const Section& s : r.sections) {
        Json tables = Json::array();
        for (const Table& t : s.tables) tables.push_back(table_json(t, r.threshold));
        sections.push_back({{"social_space", s.key.empty() ? Json(nullptr) : Json(s.key)}, {"title", s.title}, {"tables", tables}});
    }
    Json j;
    j["report"] = std::string(to_string(r.kind));
    j["title"] = r.title;
    j["period"] = {{"from", r.from}, {"to", r.to}};
    if (r.kind == Kind::Cases) j["stichtag"] = r.stichtag;
    j["social_space"] = r.space.empty() ? Json(nullptr) : Json(r.space);
    j["threshold"] = r.threshold;
    j["population"] = r.population;
    j["legend"] = {{below(r.threshold), "weniger als " + std::to_string(r.threshold) + " (auch 0)"},
                   {"x", "gesperrt: mindestens " + std::to_string(r.threshold) + ", zum Schutz kleiner Werte"}};
    j["notes"] = r.notes;
    j["sections"] = sections;
    return j.dump(2) + "\n";
}

std::string to_csv(const Report& r) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 byte-order mark: Excel reads the file as UTF-8
    line(out, {r.title});
    line(out, {"Zeitraum", r.from + " bis " + r.to});
    if (r.kind == Kind::Cases) line(out, {"Stichtag", "Ende " + r.stichtag});
    line(out, {"Sozialraum", r.space.empty() ? "alle" : r.space});
    line(out, {"Schwelle", std::to_string(r.threshold)});
    line(out, {r.kind == Kind::Demand ? "Familien im Bericht" : "Fälle im Bericht", std::to_string(r.population)});
    for (const std::string& n : r.notes) line(out, {"Hinweis", n});
    for (const Section& s : r.sections) {
        out += "\r\n";
        line(out, {s.title});
        for (const Table& t : s.tables) {
            out += "\r\n";
            line(out, {t.title});
            std::vector<std::string> head{t.row_heading + " / " + t.column_heading};
            for (const std::string& c : t.column_labels) head.push_back(c);
            head.emplace_back("Summe");
            line(out, head);
            for (std::size_t row = 0; row <= t.rows(); ++row) {
                std::vector<std::string> f{row < t.rows() ? t.row_labels[row] : "Summe"};
                for (std::size_t c = 0; c <= t.cols(); ++c) f.push_back(shown_text(t.at(row, c), r.threshold));
                line(out, f);
            }
        }
    }
    return out;
}

}  // namespace quartier::reports
