// quartier-cli, the planning reports (docs/reports.md): report demand, report cases, and
// feedback categorise (the worker's category for a family's "how it would have to be" answer,
// the only form in which that answer reaches a report). Exporting a report is an audit entry
// (docs/audit.md, action export), written before anything is shown.
#include "commands.h"

#include "domain/repository.h"
#include "reports/export.h"
#include "reports/report.h"

#include <fstream>

namespace quartier::cli {

namespace {

PdfRenderer g_pdf = nullptr;

int check_report(const Options& o, std::ostream& err) {
    if (o.get("from").empty() || o.get("to").empty())
        return fail(err, kUsage, "report needs --from YYYY-MM and --to YYYY-MM");
    const std::string format = o.get("format");
    if (format == "pdf" && !g_pdf)
        return fail(err, kUsage, "--format pdf is not available in this build (built without Qt): use csv or json");
    if (format == "pdf" && o.get("out").empty())
        return fail(err, kUsage, "--format pdf needs --out FILE (a PDF is not written to the terminal)");
    if (format != "csv" && format != "json" && format != "pdf")
        return fail(err, kUsage, "report needs --format csv, json or pdf");
    if (const std::string t = o.get("threshold"); !t.empty() && (t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos))
        return fail(err, kUsage, "--threshold needs a whole number (at least 5)");
    return kOk;
}

int exit_for(reports::Error e) {
    switch (e) {
    case reports::Error::UnknownSpace: return kNotFound;
    case reports::Error::BelowThreshold: return kDenied;
    default: return kUsage;
    }
}

int run_report(Context& c, reports::Kind kind) {
    const Options& o = c.o;
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
    const std::string format = o.get("format");
    const std::string text = format == "json"  ? reports::to_json(*report)
                             : format == "pdf" ? g_pdf(*report)
                                               : reports::to_csv(*report);
    const std::string what = "report " + std::string(reports::to_string(kind)) + " " + report->from + ".." + report->to +
                             (report->space.empty() ? ", all social spaces" : ", " + report->space) + ", " + format +
                             ", threshold " + std::to_string(report->threshold) + ": " +
                             std::to_string(report->audit_cases.size()) + " cases counted";
    if (auto a = c.store->audit(sync::AuditAction::Export, report->audit_cases, c.legal_basis, what); !a) return fail(c.err, a);
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
     "           --format csv|json|pdf [--out FILE]",
     "the Bedarfsbericht: families per social space, offer category\n"
     "and age band (missing or wanted, known, used, unknown), barriers\n"
     "and the workers' categories of \"how it would have to be\"; whole\n"
     "half-years; anonymised (values below the threshold, at least 5,\n"
     "as \"<5\", secondary suppression as \"x\"); exit 10 if fewer\n"
     "families than the threshold answered",
     Needs::Store, true, check_report, nullptr, run_report_demand},
    {"report cases", 0, 0,
     "report cases --from YYYY-MM --to YYYY-MM [--space S] [--stichtag YYYY-MM]\n"
     "           [--threshold N] --format csv|json|pdf [--out FILE]",
     "the Fallzahlen: cases per SGB VIII paragraph and social space\n"
     "per half-year and year (running, begun, ended) and at the end of\n"
     "the Stichtag month (June or December; default: --to); anonymised\n"
     "like report demand",
     Needs::Store, true, check_report, nullptr, run_report_cases},
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
