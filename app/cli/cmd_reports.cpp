// quartier-cli, the planning reports (docs/reports.md): report demand, report cases, and
// feedback categorise (the worker's category for a family's "how it would have to be" answer,
// the only form in which that answer reaches a report). Exporting a report is an audit entry
// (docs/audit.md, action export), written before anything is shown.
// Publishing to planning (docs/reports.md "Publishing to planning"): report demand|cases
// --publish writes this device's raw counts into a report_raw scope, report publish merges the
// teams' counts, suppresses the merged tables and writes the report into a report scope, report
// published and report export list and re-render what planning received.
#include "commands.h"

#include "domain/repository.h"
#include "reports/export.h"
#include "reports/publish.h"
#include "reports/report.h"
#include "sync/client/sharing.h"

#include <fstream>

namespace quartier::cli {

namespace {

PdfRenderer g_pdf = nullptr;

int check_threshold(const Options& o, std::ostream& err) {
    if (const std::string t = o.get("threshold"); !t.empty() && (t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos))
        return fail(err, kUsage, "--threshold needs a whole number (at least 5)");
    return kOk;
}

int check_format(const Options& o, std::ostream& err) {
    const std::string format = o.get("format");
    if (format == "pdf" && !g_pdf)
        return fail(err, kUsage, "--format pdf is not available in this build (built without Qt): use csv or json");
    if (format == "pdf" && o.get("out").empty())
        return fail(err, kUsage, "--format pdf needs --out FILE (a PDF is not written to the terminal)");
    if (format != "csv" && format != "json" && format != "pdf")
        return fail(err, kUsage, "report needs --format csv, json or pdf");
    return kOk;
}

int check_report(const Options& o, std::ostream& err) {
    if (o.get("from").empty() || o.get("to").empty())
        return fail(err, kUsage, "report needs --from YYYY-MM and --to YYYY-MM");
    if (o.publish) {
        // The team's raw counts: nothing is shown, so no format; all social spaces, always.
        if (!o.get("format").empty() || !o.get("out").empty())
            return fail(err, kUsage, "--publish writes the counts into the report_raw scope: no --format or --out");
        if (!o.get("space").empty()) return fail(err, kUsage, "--publish counts every social space: no --space");
        if (!o.get("threshold").empty()) return fail(err, kUsage, "--publish writes counts: the threshold is report publish's");
        if (o.get("scope").empty()) return fail(err, kUsage, "--publish needs --scope (the team's report_raw scope)");
        return kOk;
    }
    if (!o.get("team").empty()) return fail(err, kUsage, "--team belongs to --publish");
    if (int rc = check_format(o, err); rc != kOk) return rc;
    return check_threshold(o, err);
}

int exit_for(reports::Error e) {
    switch (e) {
    case reports::Error::UnknownSpace: return kNotFound;
    case reports::Error::BelowThreshold: return kDenied;
    default: return kUsage;
    }
}

int write_report(Context& c, const reports::Report& r, const std::vector<std::string>& objects, const std::string& source);
int publish_counts(Context& c, reports::Kind kind);

int run_report(Context& c, reports::Kind kind) {
    const Options& o = c.o;
    if (o.publish) return publish_counts(c, kind);
    reports::Options options;
    options.from = o.get("from");
    options.to = o.get("to");
    options.space = o.get("space");
    options.stichtag = o.get("stichtag");
    if (kind == reports::Kind::Demand && !options.stichtag.empty())
        return fail(c.err, kUsage, "--stichtag belongs to report cases");
    if (const std::string t = o.get("threshold"); !t.empty()) options.threshold = std::stoll(t);
    const domain::Repository repository(*c.store);
    auto report = kind == reports::Kind::Demand ? reports::build_demand(repository, options)
                                                : reports::build_cases(repository, options);
    if (!report) return fail(c.err, exit_for(report.error()), report.detail());
    return write_report(c, *report, report->audit_cases, "");
}

int publish_counts(Context& c, reports::Kind kind) {
    const Options& o = c.o;
    reports::Options options;
    options.from = o.get("from");
    options.to = o.get("to");
    options.stichtag = o.get("stichtag");
    if (kind == reports::Kind::Demand && !options.stichtag.empty())
        return fail(c.err, kUsage, "--stichtag belongs to report cases");
    const domain::Repository repository(*c.store);
    auto counts = kind == reports::Kind::Demand ? reports::count_demand(repository, options)
                                                : reports::count_cases(repository, options);
    if (!counts) return fail(c.err, exit_for(counts.error()), counts.detail());
    // Refused before anything is recorded (save_counts checks again).
    if (sync::sharing::scope_kind(*c.store, *c.scope) != sync::ScopeKind::ReportRaw)
        return fail(c.err, kDenied, "raw counts go only into a report_raw scope (planning never holds one)");
    std::string team = o.get("team");
    if (team.empty())
        if (const sync::DeviceInfo* me = c.store->directory().device(c.store->device().id())) team = me->name;
    // The audit entry first: the counts of these cases leave this device for the team's scope.
    const std::string what = "report " + std::string(reports::to_string(kind)) + " " + counts->from + ".." + counts->to +
                             ": raw counts of " + std::to_string(counts->audit_cases.size()) +
                             " cases published to report_raw scope " + o.get("scope") + " as team '" + team + "'";
    if (auto a = c.store->audit(sync::AuditAction::Export, counts->audit_cases, c.legal_basis, what); !a) return fail(c.err, a);
    auto id = reports::save_counts(*c.store, *c.scope, team, *counts);
    if (!id) {
        if (id.error() == sync::Error::InvalidArgument) return fail(c.err, kDenied, id.detail());
        return fail(c.err, id);
    }
    c.out << *id << "\n";
    return kOk;
}

int write_report(Context& c, const reports::Report& r, const std::vector<std::string>& objects, const std::string& source) {
    const Options& o = c.o;
    const reports::Report* report = &r;
    const std::string format = o.get("format");
    const std::string text = format == "json"  ? reports::to_json(*report)
                             : format == "pdf" ? g_pdf(*report)
                                               : reports::to_csv(*report);
    const std::string what = "report " + std::string(reports::to_string(report->kind)) + " " + report->from + ".." + report->to +
                             (report->space.empty() ? ", all social spaces" : ", " + report->space) + ", " + format +
                             ", threshold " + std::to_string(report->threshold) + ": " +
                             (source.empty() ? std::to_string(report->audit_cases.size()) + " cases counted" : source);
    if (auto a = c.store->audit(sync::AuditAction::Export, objects, c.legal_basis, what); !a) return fail(c.err, a);
    if (const std::string out = o.get("out"); !out.empty()) {
        std::ofstream f(out, std::ios::binary | std::ios::trunc);
        f << text;
        f.close();
        if (!f) return fail(c.err, kStoreError, "could not write " + out);
        return kOk;
    }
    c.out << text;
    return kOk;
}

int run_report_demand(Context& c) { return run_report(c, reports::Kind::Demand); }
int run_report_cases(Context& c) { return run_report(c, reports::Kind::Cases); }

int check_publish(const Options& o, std::ostream& err) {
    if (o.get("from").empty() || o.get("to").empty())
        return fail(err, kUsage, "report publish needs --from YYYY-MM and --to YYYY-MM");
    if (o.get("scope").empty()) return fail(err, kUsage, "report publish needs --scope (the organisation's report scope)");
    if (!o.get("space").empty()) return fail(err, kUsage, "a published report covers every social space: no --space");
    return check_threshold(o, err);
}

// The coordinating device: every team's counts of the report in the report_raw scopes it holds,
// added, suppressed once on the merged tables, written as the next version into the report scope.
int run_report_publish(Context& c) {
    const Options& o = c.o;
    const std::string& name = c.argv[0];
    if (name != "demand" && name != "cases") return fail(c.err, kUsage, "report publish demand or report publish cases");
    const reports::Kind kind = name == "demand" ? reports::Kind::Demand : reports::Kind::Cases;
    reports::Options options;
    options.from = o.get("from");
    options.to = o.get("to");
    if (const std::string t = o.get("threshold"); !t.empty()) options.threshold = std::stoll(t);
    std::vector<std::string> skipped;
    const auto stored = reports::load_counts(*c.store, kind, options.from, options.to, &skipped);
    for (const std::string& id : skipped)
        c.err << "quartier-cli: warning: counts record " << id << " does not parse and is left out\n";
    if (stored.empty())
        return fail(c.err, kNotFound, "no team's counts of report " + name + " " + options.from + ".." + options.to +
                                          " in a report_raw scope this device holds (sync first)");
    std::vector<reports::Counts> all;
    std::vector<std::string> ids, teams;
    for (const auto& s : stored) {
        all.push_back(s.counts);
        ids.push_back(s.id);
        teams.push_back(s.team);
    }
    // Counts of a Stichtag other than the one asked for are a different report.
    if (const std::string st = o.get("stichtag"); !st.empty() && kind == reports::Kind::Cases)
        for (const auto& a : all)
            if (a.stichtag != st) return fail(c.err, kUsage, "a team's counts have the Stichtag " + a.stichtag + ", not " + st);
    auto merged = reports::merge(all);
    if (!merged) return fail(c.err, kUsage, merged.detail());
    // The next version; an earlier one's pattern stays suppressed (docs/reports.md).
    int version = 1;
    std::optional<reports::Report> previous;
    for (const reports::Published& p : reports::published_reports(*c.store))
        if (p.kind == kind && p.from == merged->from && p.to == merged->to && p.version >= version) {
            version = p.version + 1;
            auto r = reports::report_from_json(p.json);
            if (!r) return fail(c.err, kDenied, "the published version " + std::to_string(p.version) + " breaks the rules: " + r.detail());
            previous = *r;
        }
    auto report = reports::publish_counts(*merged, options, previous ? &*previous : nullptr);
    if (!report) return fail(c.err, exit_for(report.error()), report.detail());
    if (sync::sharing::scope_kind(*c.store, *c.scope) != sync::ScopeKind::Report)
        return fail(c.err, kDenied, "a published report goes only into a report scope");
    std::string team_list;
    for (const std::string& t : teams) team_list += (team_list.empty() ? "" : ", ") + t;
    const std::string what = "report " + name + " " + report->from + ".." + report->to + " version " + std::to_string(version) +
                             ", threshold " + std::to_string(report->threshold) + ", published to report scope " +
                             o.get("scope") + " from the counts of " + std::to_string(stored.size()) + " teams (" + team_list + ")";
    if (auto a = c.store->audit(sync::AuditAction::Export, ids, c.legal_basis, what); !a) return fail(c.err, a);
    auto id = reports::save_published(*c.store, *c.scope, *report, version);
    if (!id) {
        if (id.error() == sync::Error::InvalidArgument) return fail(c.err, kDenied, id.detail());
        return fail(c.err, id);
    }
    c.out << nlohmann::json{{"id", *id}, {"version", version}, {"teams", teams}, {"population", report->population}}.dump(2)
          << "\n";
    return kOk;
}

// The published reports this device holds (planning after a sync), one JSON object per line.
int run_report_published(Context& c) {
    for (const reports::Published& p : reports::published_reports(*c.store))
        c.out << nlohmann::json{{"id", p.id}, {"report", std::string(reports::to_string(p.kind))}, {"from", p.from},
                                {"to", p.to}, {"version", p.version}}
                     .dump()
              << "\n";
    return kOk;
}

// A published report re-rendered from its JSON, which is checked against the suppression rules
// first (reports::report_from_json): nothing else is shown, whoever published it.
int run_report_export(Context& c) {
    const std::string& id = c.argv[0];
    for (const reports::Published& p : reports::published_reports(*c.store)) {
        if (p.id != id) continue;
        auto report = reports::report_from_json(p.json);
        if (!report) return fail(c.err, kDenied, "published report " + id + " is not shown: " + report.detail());
        return write_report(c, *report, {id}, "published report " + id + " version " + std::to_string(p.version));
    }
    return fail(c.err, kNotFound, "no published report " + id + " (report published lists them)");
}

int run_feedback_categorise(Context& c) {
    domain::Repository repository(*c.store);
    auto f = repository.load<domain::ServiceFeedback>(c.argv[0]);
    if (!f) {
        const bool missing = f.error() == domain::Error::NotFound || f.error() == domain::Error::WrongType;
        return fail(c.err, missing ? kNotFound : kStoreError, f.detail().empty() ? "no service_feedback " + c.argv[0] : f.detail());
    }
    const std::string& name = c.argv[1];
    if (name == "none") {
        f->how_category = domain::HowCategory::Unassigned;
    } else if (auto h = name.empty() ? std::nullopt : domain::parse<domain::HowCategory>(name)) {
        f->how_category = *h;
    } else {
        std::string known;
        for (domain::HowCategory h2 : domain::all_values<domain::HowCategory>())
            if (h2 != domain::HowCategory::Unassigned) known += " " + std::string(domain::to_string(h2));
        return fail(c.err, kUsage, "unknown category '" + name + "'; one of:" + known + ", or none");
    }
    domain::Issues issues;
    auto saved = repository.save(*f, {nullptr, &issues, c.legal_basis});
    if (!saved) {
        switch (saved.error()) {
        case domain::Error::Invalid: return fail(c.err, kUsage, domain::describe(issues));
        case domain::Error::Denied: return fail(c.err, kDenied, saved.detail());
        default: return fail(c.err, kStoreError, saved.detail());
        }
    }
    return kOk;
}

const Command kReports[] = {
    {"report demand", 0, 0,
     "report demand --from YYYY-MM --to YYYY-MM [--space S] [--threshold N]\n"
     "           --format csv|json|pdf [--out FILE]   or   --publish --scope RAW [--team T]",
     "the Bedarfsbericht: families per social space, offer category\n"
     "and age band (missing or wanted, known, used, unknown), barriers\n"
     "and the workers' categories of \"how it would have to be\"; whole\n"
     "half-years; anonymised (values below the threshold, at least 5,\n"
     "as \"<5\", secondary suppression as \"x\"); exit 10 if fewer\n"
     "families than the threshold answered",
     Needs::Store, true, check_report, nullptr, run_report_demand},
    {"report cases", 0, 0,
     "report cases --from YYYY-MM --to YYYY-MM [--space S] [--stichtag YYYY-MM]\n"
     "           [--threshold N] --format csv|json|pdf [--out FILE]   or   --publish --scope RAW [--team T]",
     "the Fallzahlen: cases per SGB VIII paragraph and social space\n"
     "per half-year and year (running, begun, ended) and at the end of\n"
     "the Stichtag month (June or December; default: --to); anonymised\n"
     "like report demand",
     Needs::Store, true, check_report, nullptr, run_report_cases},
    {"report publish", 1, 1,
     "report publish demand|cases --from YYYY-MM --to YYYY-MM --scope REPORT\n"
     "           [--stichtag YYYY-MM] [--threshold N]",
     "the coordinating device: adds the teams' raw counts (report demand|cases\n"
     "--publish --scope RAW) found in the report_raw scopes it holds,\n"
     "suppresses the merged tables once and writes the report as the\n"
     "next version into the report scope planning reads; exit 4 if no\n"
     "counts are there, 10 if the merged population is below the threshold",
     Needs::Store, true, check_publish, nullptr, run_report_publish},
    {"report published", 0, 0, "report published",
     "the published reports this device holds (planning: after a sync),\n"
     "one JSON object per line: id, report, from, to, version",
     Needs::Store, true, nullptr, nullptr, run_report_published},
    {"report export", 1, 1, "report export ID --format csv|json|pdf [--out FILE]",
     "a published report, re-rendered from its JSON after checking it\n"
     "keeps the suppression rules (exit 10 if it does not)",
     Needs::Store, true, check_format, nullptr, run_report_export},
    {"feedback categorise", 2, 2, "feedback categorise ID CATEGORY",
     "set the worker's category of a service_feedback's \"how it would\n"
     "have to be\" answer: closer other_times cheaper own_language\n"
     "more_information childcare shorter_wait other_age_group\n"
     "trusted_person other, or none",
     Needs::Store, true, nullptr, nullptr, run_feedback_categorise},
};

}  // namespace

std::span<const Command> reports_commands() { return kReports; }

void set_pdf_renderer(PdfRenderer renderer) { g_pdf = renderer; }

}  // namespace quartier::cli
