// What both reports share (checks, social spaces, labels, publishing a table) and the
// Bedarfsbericht. docs/reports.md says what is counted and why.
#include "report_detail.h"

#include "domain/repository.h"
#include "domain/validation.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <set>

namespace quartier::reports {

std::string_view to_string(Error e) {
    switch (e) {
    case Error::InvalidPeriod: return "invalid_period";
    case Error::InvalidStichtag: return "invalid_stichtag";
    case Error::InvalidThreshold: return "invalid_threshold";
    case Error::UnknownSpace: return "unknown_space";
    case Error::BelowThreshold: return "below_threshold";
    case Error::Mismatch: return "mismatch";
    case Error::Malformed: return "malformed";
    }
    return "unknown";
}

std::string_view to_string(Kind k) { return k == Kind::Demand ? "demand" : "cases"; }

int age_on(std::string_view birth, std::string_view day) {
    if (!domain::valid_date(birth) || !domain::valid_date(day) || day < birth) return -1;
    const int by = std::stoi(std::string(birth.substr(0, 4))), dy = std::stoi(std::string(day.substr(0, 4)));
    int age = dy - by;
    if (day.substr(5) < birth.substr(5)) --age;  // "MM-DD" compares as the date within the year
    return age;
}

int age_band(int age) {
    if (age < 0) return -1;
    if (age <= 2) return 0;
    if (age <= 5) return 1;
    if (age <= 9) return 2;
    if (age <= 13) return 3;
    if (age <= 17) return 4;
    if (age <= 26) return 5;
    return -1;
}

namespace detail {

std::optional<int> parse_month(std::string_view s) {
    if (s.size() != 7 || s[4] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    const int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(5, 2)));
    if (y < 1900 || y > 9999 || m < 1 || m > 12) return std::nullopt;
    return y * 12 + (m - 1);
}

std::string month_text(int month) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", month / 12, month % 12 + 1);
    return buf;
}

std::string first_day(int month) { return month_text(month) + "-01"; }

std::string last_day(int month) {
    using namespace std::chrono;
    const year_month_day_last ymdl{year(month / 12) / std::chrono::month(unsigned(month % 12 + 1)) / std::chrono::last};
    char buf[8];
    std::snprintf(buf, sizeof buf, "-%02u", unsigned(ymdl.day()));
    return month_text(month) + buf;
}

Result<Checked> check(const Options& o, const offers::Catalogue& catalogue, bool with_stichtag) {
    Checked c;
    const auto from = parse_month(o.from), to = parse_month(o.to);
    if (!from || !to) return {Error::InvalidPeriod, "--from and --to must be months YYYY-MM"};
    if (*from > *to) return {Error::InvalidPeriod, "--from " + o.from + " is after --to " + o.to};
    if (*to - *from >= 120) return {Error::InvalidPeriod, "a report covers at most 10 years"};
    // Whole half-years only: two reports whose periods differ by a month could be subtracted from
    // each other, cell by cell (docs/reports.md "Reports beside each other").
    if (*from % 6 != 0 || *to % 6 != 5)
        return {Error::InvalidPeriod, "a report covers whole half-years: --from January or July, --to June or December"};
    c.from = *from;
    c.to = *to;
    if (o.threshold < kMinThreshold)
        return {Error::InvalidThreshold, "the threshold may only be raised: at least " + std::to_string(kMinThreshold) +
                                             " (§64(3) SGB VIII, docs/reports.md)"};
    if (o.threshold > kMaxThreshold)
        return {Error::InvalidThreshold, "a threshold above " + std::to_string(kMaxThreshold) + " publishes nothing"};
    c.stichtag = c.to;
    if (with_stichtag && !o.stichtag.empty()) {
        const auto s = parse_month(o.stichtag);
        if (!s) return {Error::InvalidStichtag, "--stichtag must be a month YYYY-MM (the Stichtag is its last day)"};
        if (*s % 6 != 5) return {Error::InvalidStichtag, "the Stichtag is the end of a half-year: --stichtag YYYY-06 or YYYY-12"};
        c.stichtag = *s;
    }
    if (!o.space.empty()) {
        c.space = catalogue.resolve_social_space(o.space);
        if (!c.space) return {Error::UnknownSpace, "no social space '" + o.space + "' in the offer map"};
    }
    return c;
}

int Spaces::index(std::string_view value) const {
    const offers::SocialSpace* s = catalogue->resolve_social_space(value);
    if (only) return s == only ? 0 : -1;
    for (std::size_t i = 0; i + 1 < spaces.size(); ++i)
        if (spaces[i] == s) return int(i);
    return int(spaces.size()) - 1;
}

Spaces spaces_of(const offers::Catalogue& catalogue, const offers::SocialSpace* only) {
    Spaces out;
    out.catalogue = &catalogue;
    out.only = only;
    if (only) {
        out.spaces.push_back(only);
        return out;
    }
    for (const offers::SocialSpace& s : catalogue.social_spaces()) out.spaces.push_back(&s);
    out.spaces.push_back(nullptr);
    return out;
}

std::string space_name(const offers::SocialSpace* s) { return s ? s->name : "ohne zugeordneten Sozialraum"; }

namespace {
template <std::size_t N>
std::string label_of(const std::pair<std::string_view, std::string_view> (&table)[N], std::string_view id) {
    for (const auto& [k, v] : table)
        if (k == id) return std::string(v);
    return std::string(id);
}
}  // namespace

std::string category_label(std::string_view id) {
    static const std::pair<std::string_view, std::string_view> t[] = {
        {"sports", "Sport und Bewegung"}, {"family_centre", "Familienzentrum"}, {"counselling", "Beratung"},
        {"youth_work", "Offene Kinder- und Jugendarbeit"}, {"group", "Gruppe"}, {"daycare", "Kita und Tagespflege"},
        {"school", "Schule und Lernen"}, {"culture", "Kultur und Freizeit"},
        {"health", "Gesundheit und Frühe Hilfen"}, {"other", "Sonstiges"}};
    return label_of(t, id);
}

std::string barrier_label(std::string_view id) {
    static const std::pair<std::string_view, std::string_view> t[] = {
        {"cost", "Kosten"}, {"distance", "Weg zu weit"}, {"times", "Zeiten passen nicht"}, {"language", "Sprache"},
        {"no_information", "Nicht bekannt"}, {"stigma", "Scham, Angst vor Abstempeln"},
        {"childcare", "Keine Kinderbetreuung"}, {"waiting_time", "Wartezeit"}, {"age_limit", "Altersgrenze"}};
    return label_of(t, id);
}

std::string how_label(std::string_view id) {
    static const std::pair<std::string_view, std::string_view> t[] = {
        {"closer", "Näher am Wohnort"}, {"other_times", "Andere Zeiten"}, {"cheaper", "Günstiger oder kostenlos"},
        {"own_language", "In der eigenen Sprache"}, {"more_information", "Mehr Information"},
        {"childcare", "Mit Kinderbetreuung"}, {"shorter_wait", "Kürzere Wartezeit"},
        {"other_age_group", "Für eine andere Altersgruppe"}, {"trusted_person", "Mit vertrauter Person, ohne Stigma"},
        {"other", "Sonstiges"}};
    return label_of(t, id);
}

std::string paragraph_label(std::string_view p) {
    static const std::pair<std::string_view, std::string_view> t[] = {
        {"13", "Jugendsozialarbeit"}, {"16", "Allgemeine Förderung der Erziehung in der Familie"},
        {"17", "Beratung in Fragen der Partnerschaft, Trennung und Scheidung"},
        {"18", "Beratung bei der Ausübung der Personensorge"}, {"19", "Gemeinsame Wohnformen für Mütter/Väter und Kinder"},
        {"20", "Betreuung und Versorgung des Kindes in Notsituationen"}, {"21", "Unterstützung bei notwendiger Unterbringung"},
        {"27", "Hilfe zur Erziehung"}, {"28", "Erziehungsberatung"}, {"29", "Soziale Gruppenarbeit"},
        {"30", "Erziehungsbeistand, Betreuungshelfer"}, {"31", "Sozialpädagogische Familienhilfe"},
        {"32", "Erziehung in einer Tagesgruppe"}, {"33", "Vollzeitpflege"}, {"34", "Heimerziehung, betreutes Wohnen"},
        {"35", "Intensive sozialpädagogische Einzelbetreuung"}, {"35a", "Eingliederungshilfe"},
        {"41", "Hilfe für junge Volljährige"}, {"42", "Inobhutnahme"},
        {"42a", "Vorläufige Inobhutnahme nach unbegleiteter Einreise"}};
    return "§ " + std::string(p) + " SGB VIII " + label_of(t, p);
}

Table publish_table(const TableSpec& spec, const Grid& grid, const std::vector<Mark>& marks) {
    Table t;
    t.key = spec.key;
    t.title = spec.title;
    t.row_heading = spec.row_heading;
    t.column_heading = spec.column_heading;
    for (const auto& [k, l] : spec.rows) {
        t.row_keys.push_back(k);
        t.row_labels.push_back(l);
    }
    for (const auto& [k, l] : spec.cols) {
        t.column_keys.push_back(k);
        t.column_labels.push_back(l);
    }
    t.entries = publish(grid, marks);
    return t;
}

std::vector<Mark> suppress_raised(const Grid& grid, const SuppressionOptions& options) {
    if (options.threshold == kMinThreshold || !options.secondary) return suppress(grid, options);
    const std::vector<Mark> base = suppress(grid, {kMinThreshold, true});
    std::vector<bool> forced(base.size());
    for (std::size_t e = 0; e < base.size(); ++e) forced[e] = base[e] != Mark::Published;
    return suppress(grid, options, forced);
}

std::vector<std::vector<Mark>> suppress_linked_raised(const std::vector<Grid>& grids, const SuppressionOptions& options) {
    if (options.threshold == kMinThreshold || !options.secondary || grids.empty()) return suppress_linked(grids, options);
    const auto base = suppress_linked(grids, {kMinThreshold, true});
    std::vector<bool> forced(base.front().size());
    for (std::size_t e = 0; e < forced.size(); ++e) forced[e] = base.front()[e] != Mark::Published;
    return suppress_linked(grids, options, forced);
}

std::vector<Mark> suppress_raised(const Grid& grid, const SuppressionOptions& options, const std::vector<bool>& forced) {
    if (forced.empty()) return suppress_raised(grid, options);
    if (!options.secondary) return suppress(grid, options, forced);
    // As suppress_raised(): the pattern at the minimum threshold (with the forced entries) first.
    const std::vector<Mark> base = suppress(grid, {kMinThreshold, true}, forced);
    if (options.threshold == kMinThreshold) return base;
    std::vector<bool> all(base.size());
    for (std::size_t e = 0; e < base.size(); ++e) all[e] = base[e] != Mark::Published;
    return suppress(grid, options, all);
}

std::vector<std::vector<Mark>> suppress_linked_raised(const std::vector<Grid>& grids, const SuppressionOptions& options,
                                                      const std::vector<bool>& forced) {
    if (forced.empty()) return suppress_linked_raised(grids, options);
    if (!options.secondary || grids.empty()) return suppress_linked(grids, options, forced);
    const auto base = suppress_linked(grids, {kMinThreshold, true}, forced);
    if (options.threshold == kMinThreshold) return base;
    std::vector<bool> all(base.front().size());
    for (std::size_t e = 0; e < all.size(); ++e) all[e] = base.front()[e] != Mark::Published;
    return suppress_linked(grids, options, all);
}

std::vector<bool> forced_by(const TableSpec& spec, const Table* previous) {
    if (!previous) return {};
    const std::size_t R = spec.rows.size(), C = spec.cols.size();
    std::vector<bool> forced((R + 1) * (C + 1), false);
    auto position = [](const std::vector<std::string>& keys, const std::string& key) {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return i;
        return SIZE_MAX;
    };
    for (std::size_t r = 0; r <= R; ++r) {
        const std::size_t pr = r == R ? previous->rows() : position(previous->row_keys, spec.rows[r].first);
        if (pr == SIZE_MAX) continue;  // a row the earlier version did not have
        for (std::size_t c = 0; c <= C; ++c) {
            const std::size_t pc = c == C ? previous->cols() : position(previous->column_keys, spec.cols[c].first);
            if (pc == SIZE_MAX) continue;
            if (previous->at(pr, pc).mark != Mark::Published) forced[r * (C + 1) + c] = true;
        }
    }
    return forced;
}

std::vector<std::string> suppression_notes(std::int64_t threshold) {
    const std::string t = std::to_string(threshold);
    return {"Werte unter " + t + " (auch 0) erscheinen als „<" + t + "“.",
            "„x“: ein Wert von mindestens " + t + ", gesperrt, damit kein Wert unter " + t +
                " aus Summen zurückgerechnet werden kann (sekundäre Geheimhaltung).",
            "Summen sind Summen der Zellen und werden wie Zellen geschützt.",
            "Der Bericht enthält keine Namen, keine Kennungen, keine Freitexte und keine Daten genauer als ein Monat."};
}

std::optional<std::string> head(Report& report, const Counts& counts, const Options& options, const char* title,
                                const char* who) {
    report.population = counts.population;
    if (report.population < options.threshold)
        return "fewer than " + std::to_string(options.threshold) + " " + who +
               (!counts.space.empty() ? " in " + counts.space : std::string()) +
               ": a report would identify them, so nothing is published";
    report.kind = counts.kind;
    report.title = title;
    report.from = counts.from;
    report.to = counts.to;
    report.space = counts.space;
    report.threshold = options.threshold;
    report.audit_cases = counts.audit_cases;
    return std::nullopt;
}

}  // namespace detail

using namespace detail;

namespace {

// The tables of a section of the Bedarfsbericht, in order.
enum DemandTable { kMissing, kKnown, kUsed, kUnknownOffer, kBarriers, kHow, kDemandTables };

constexpr int kBands = 7;  // six age bands and "ohne Altersangabe"

}  // namespace

Result<Counts> count_demand(const domain::Repository& repository, const Options& options) {
    const offers::Catalogue catalogue = offers::Catalogue::load(repository.store());
    auto checked = check(options, catalogue, false);
    if (!checked) return checked.failure();
    const Spaces spaces = spaces_of(catalogue, checked->space);
    const std::string from_day = first_day(checked->from), to_day = last_day(checked->to);

    // Row vocabularies.
    std::vector<std::string> categories;
    for (offers::Category c : offers::all_categories()) categories.emplace_back(offers::to_id(c));
    categories.emplace_back(offers::kOtherCategory);
    std::vector<std::string> barriers, hows;
    for (domain::Barrier b : domain::all_values<domain::Barrier>()) barriers.emplace_back(domain::to_string(b));
    for (domain::HowCategory h : domain::all_values<domain::HowCategory>())
        if (h != domain::HowCategory::Unassigned) hows.emplace_back(domain::to_string(h));
    const std::size_t rows_of[kDemandTables] = {categories.size(), categories.size(), categories.size(),
                                                categories.size(), barriers.size(), hows.size()};
    std::size_t table_base[kDemandTables + 1] = {0};
    for (int t = 0; t < kDemandTables; ++t) table_base[t + 1] = table_base[t] + rows_of[t] * kBands;
    const std::size_t per_section = table_base[kDemandTables];

    CellCounter counter(per_section * spaces.spaces.size());
    std::vector<bool> section_used(spaces.spaces.size(), false);
    Counts counts;
    counts.kind = Kind::Demand;
    counts.from = month_text(checked->from);
    counts.to = month_text(checked->to);
    counts.space = checked->space ? checked->space->name : "";
    std::size_t case_index = 0;
    for (const domain::Case& c : repository.cases()) {
        ++case_index;
        std::vector<domain::ServiceFeedback> answers;
        for (domain::ServiceFeedback& f : repository.service_feedback(c.id))
            if (domain::valid_date(f.recorded_on) && f.recorded_on >= from_day && f.recorded_on <= to_day)
                answers.push_back(std::move(f));
        bool counted = false;
        std::vector<std::string> births;  // the children's birth dates
        bool members_read = false;
        for (const domain::ServiceFeedback& f : answers) {
            const int section = spaces.index(f.social_space);
            if (section < 0) continue;
            if (!members_read) {
                for (const domain::Member& m : repository.members(c.id))
                    if (m.member.role == domain::MemberRole::Child && !m.person.birth_date.empty())
                        births.push_back(m.person.birth_date);
                members_read = true;
            }
            bool bands[kBands] = {};
            bool any = false;
            for (const std::string& b : births)
                if (const int band = age_band(age_on(b, f.recorded_on)); band >= 0) bands[band] = any = true;
            if (!any) bands[kBands - 1] = true;
            const std::size_t base = std::size_t(section) * per_section;
            auto count = [&](int table, std::size_t row) {
                for (int b = 0; b < kBands; ++b)
                    if (bands[b]) counter.add(base + table_base[table] + row * kBands + std::size_t(b), case_index);
            };
            // A category outside the vocabulary (a newer build's) counts as "other".
            const std::string category = offers::feedback_category(f.category).value_or(offers::kOtherCategory);
            const std::size_t row = std::size_t(std::find(categories.begin(), categories.end(), category) - categories.begin());
            switch (f.status) {
            case domain::FeedbackStatus::MissingWanted: count(kMissing, row); break;
            case domain::FeedbackStatus::Known: count(kKnown, row); break;
            case domain::FeedbackStatus::Used:
            case domain::FeedbackStatus::UsedBefore: count(kUsed, row); break;
            case domain::FeedbackStatus::Unknown: count(kUnknownOffer, row); break;
            }
            for (domain::Barrier b : f.barriers) count(kBarriers, std::size_t(b));
            if (f.how_category != domain::HowCategory::Unassigned) count(kHow, std::size_t(f.how_category) - 1);
            section_used[std::size_t(section)] = true;
            counted = true;
        }
        if (counted) counts.audit_cases.push_back(c.id);
    }
    counts.population = std::int64_t(counts.audit_cases.size());

    static const char* kBandKeys[kBands] = {"0_2", "3_5", "6_9", "10_13", "14_17", "18_26", "unknown"};
    static const char* kBandLabels[kBands] = {"0–2", "3–5", "6–9", "10–13", "14–17", "18–26", "ohne Altersangabe"};
    std::vector<std::pair<std::string, std::string>> cols;
    for (int b = 0; b < kBands; ++b) cols.emplace_back(kBandKeys[b], kBandLabels[b]);
    for (std::size_t s = 0; s < spaces.spaces.size(); ++s) {
        if (!spaces.spaces[s] && !section_used[s]) continue;  // "unplaced" only when something is
        CountSection section;
        section.key = spaces.spaces[s] ? spaces.spaces[s]->name : "";
        section.title = "Sozialraum: " + space_name(spaces.spaces[s]);
        for (int t = 0; t < kDemandTables; ++t) {
            TableSpec spec;
            static const char* kKeys[] = {"missing_wanted", "known", "used", "unknown", "barriers", "how"};
            static const char* kTitles[] = {"Familien, denen ein Angebot fehlt oder die es sich wünschen",
                                            "Familien, die ein Angebot kennen, aber nicht nutzen",
                                            "Familien, die ein Angebot nutzen oder genutzt haben",
                                            "Familien, denen ein Angebot unbekannt war",
                                            "Familien, die eine Hürde nannten",
                                            "Wie ein Angebot sein müsste (Kategorie der Fachkraft)"};
            spec.key = kKeys[t];
            spec.title = kTitles[t];
            spec.column_heading = "Alter der Kinder";
            if (t == kBarriers) {
                spec.row_heading = "Hürde";
                for (const std::string& b : barriers) spec.rows.emplace_back(b, barrier_label(b));
            } else if (t == kHow) {
                spec.row_heading = "Kategorie";
                for (const std::string& h : hows) spec.rows.emplace_back(h, how_label(h));
            } else {
                spec.row_heading = "Angebotsart";
                for (const std::string& c : categories) spec.rows.emplace_back(c, category_label(c));
            }
            spec.cols = cols;
            const std::size_t base = s * per_section + table_base[t];
            spec.cells.assign(counter.counts.begin() + long(base), counter.counts.begin() + long(base + rows_of[t] * kBands));
            section.tables.push_back(std::move(spec));
        }
        counts.sections.push_back(std::move(section));
    }
    return counts;
}

namespace detail {

// publish_counts() of a Bedarfsbericht: the six tables of a section are different questions and
// are suppressed one by one.
Result<Report> publish_demand(const Counts& counts, const Options& options, const Report* previous) {
    Report report;
    if (auto refused = head(report, counts, options, "Bedarfsbericht", "families answered in this period"))
        return {Error::BelowThreshold, *refused};
    report.notes = {"Gezählt werden Familien (Fälle), nicht Antworten: eine Familie, die im Zeitraum mehrmals gefragt "
                    "wurde, zählt je Zelle einmal.",
                    "Altersgruppen: das Alter der Kinder der Familie am Tag der Antwort. Eine Familie zählt in jeder "
                    "Altersgruppe, in der sie ein Kind hat; eine Zeilensumme kann eine Familie daher mehrfach "
                    "enthalten. Ohne Kind mit bekanntem Geburtsdatum (0–26 Jahre): „ohne Altersangabe“.",
                    "„genutzt“ umfasst „genutzt“ und „früher genutzt“.",
                    "„Wie ein Angebot sein müsste“ nur als von der Fachkraft zugeordnete Kategorie; Antworten ohne "
                    "Kategorie sind nicht gezählt, ihr Wortlaut erscheint nie."};
    for (const std::string& n : suppression_notes(options.threshold)) report.notes.push_back(n);
    const SuppressionOptions so{options.threshold, options.secondary};
    for (const CountSection& cs : counts.sections) {
        const Section* before = nullptr;
        if (previous)
            for (const Section& ps : previous->sections)
                if (ps.key == cs.key) before = &ps;
        Section section;
        section.key = cs.key;
        section.title = cs.title;
        for (const TableSpec& spec : cs.tables) {
            const Table* prev = nullptr;
            if (before)
                for (const Table& pt : before->tables)
                    if (pt.key == spec.key) prev = &pt;
            const Grid grid = Grid::from_cells(spec.rows.size(), spec.cols.size(), spec.cells);
            section.tables.push_back(publish_table(spec, grid, suppress_raised(grid, so, forced_by(spec, prev))));
        }
        report.sections.push_back(std::move(section));
    }
    return report;
}

}  // namespace detail

Result<Report> publish_counts(const Counts& counts, const Options& options, const Report* previous) {
    if (options.threshold < kMinThreshold)
        return {Error::InvalidThreshold, "the threshold may only be raised: at least " + std::to_string(kMinThreshold) +
                                             " (§64(3) SGB VIII, docs/reports.md)"};
    if (options.threshold > kMaxThreshold)
        return {Error::InvalidThreshold, "a threshold above " + std::to_string(kMaxThreshold) + " publishes nothing"};
    if (previous && (previous->kind != counts.kind || previous->from != counts.from || previous->to != counts.to ||
                     previous->space != counts.space))
        return {Error::Mismatch, "the earlier version is a different report"};
    return counts.kind == Kind::Demand ? publish_demand(counts, options, previous)
                                       : publish_cases(counts, options, previous);
}

Result<Report> build_demand(const domain::Repository& repository, const Options& options) {
    auto counts = count_demand(repository, options);
    if (!counts) return counts.failure();
    return publish_counts(*counts, options);
}

}  // namespace quartier::reports
