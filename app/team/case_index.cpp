#include "case_index.h"

#include "pseudonym.h"

#include "domain/validation.h"
#include "sync/client/sharing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

namespace quartier::team {

namespace {

using nlohmann::json;
using domain::CaseStatus;

// The stored fields, in this order (invariant 1: these and no others).
constexpr const char* kFields[] = {"pseudonym",   "social_space", "status",       "risk_area", "lead_worker",
                                   "helps",       "next_review",  "requirements", "updated_on"};

std::string json_list(const std::vector<std::string>& v) { return json(v).dump(); }

std::map<std::string, std::string> stored_fields(const IndexEntry& e) {
    return {{"pseudonym", e.pseudonym},
            {"social_space", e.social_space},
            {"status", std::string(domain::to_string(e.status))},
            {"risk_area", e.risk ? std::string(domain::to_string(*e.risk)) : std::string()},
            {"lead_worker", e.lead_worker},
            {"helps", json_list(e.helps)},
            {"next_review", e.next_review},
            {"requirements", json_list(e.requirement_deadlines)},
            {"updated_on", e.updated_on}};
}

std::optional<std::vector<std::string>> parse_list(const std::string& s, bool dates) {
    try {
        const json j = json::parse(s);
        if (!j.is_array()) return std::nullopt;
        std::vector<std::string> out;
        for (const auto& v : j) {
            if (!v.is_string()) return std::nullopt;
            const std::string x = v.get<std::string>();
            if (dates ? !domain::valid_date(x) : (x.empty() || x.size() > 8)) return std::nullopt;
            out.push_back(x);
        }
        return out;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

std::optional<IndexEntry> parse_entry(const sync::Record& r) {
    IndexEntry e;
    e.id = r.id;
    const auto v = [&](const char* f) { return r.value(f).value_or(""); };
    e.pseudonym = v("pseudonym");
    e.social_space = v("social_space");
    e.lead_worker = v("lead_worker");
    e.next_review = v("next_review");
    e.updated_on = v("updated_on");
    const auto status = domain::parse<CaseStatus>(v("status"));
    if (!status || e.pseudonym.empty()) return std::nullopt;
    e.status = *status;
    if (const std::string risk = v("risk_area"); !risk.empty()) {
        e.risk = domain::parse<domain::RiskArea>(risk);
        if (!e.risk) return std::nullopt;
    }
    if (!e.next_review.empty() && !domain::valid_date(e.next_review)) return std::nullopt;
    auto helps = parse_list(v("helps"), false);
    auto deadlines = parse_list(v("requirements"), true);
    if (!helps || !deadlines) return std::nullopt;
    e.helps = std::move(*helps);
    e.requirement_deadlines = std::move(*deadlines);
    return e;
}

// YYYY-MM-DD plus `days` (valid dates only).
std::string add_days(const std::string& date, int days) {
    using namespace std::chrono;
    const year_month_day d{year{std::stoi(date.substr(0, 4))}, month{unsigned(std::stoi(date.substr(5, 2)))},
                           day{unsigned(std::stoi(date.substr(8, 2)))}};
    const year_month_day r{sys_days{d} + std::chrono::days{days}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(r.year()), unsigned(r.month()), unsigned(r.day()));
    return buf;
}

bool is_open(CaseStatus s) { return s != CaseStatus::Closed && s != CaseStatus::Transferred; }

bool writes_index(const sync::Store& store) {
    const sync::DeviceInfo* me = store.directory().device(store.device().id());
    return me && !me->revoked && me->role == "caseworker";
}

}  // namespace

domain::Result<IndexEntry> entry_for(const domain::Repository& repository, const std::string& case_id,
                                     const std::string& today) {
    auto c = repository.load<domain::Case>(case_id);
    if (!c) return c.failure();
    IndexEntry e;
    e.id = case_record_id(kIndexType, case_id);
    e.pseudonym = case_pseudonym(case_id);
    e.social_space = c->social_space;
    e.status = c->status;
    e.lead_worker = c->lead_worker;
    if (auto risk = repository.current_risk(case_id)) e.risk = risk->area;
    std::set<std::string> helps;
    for (const domain::Measure& m : repository.measures(case_id))
        if (!m.start.empty() && m.start <= today && (m.end.empty() || m.end >= today)) helps.insert(m.paragraph);
    e.helps.assign(helps.begin(), helps.end());
    for (const domain::Goal& g : repository.goals(case_id))
        if (g.status == domain::GoalStatus::Open && !g.review_on.empty() &&
            (e.next_review.empty() || g.review_on < e.next_review))
            e.next_review = g.review_on;
    for (const domain::Requirement& r : repository.requirements(case_id))
        if (r.status == domain::RequirementStatus::Open) e.requirement_deadlines.push_back(r.deadline);
    std::sort(e.requirement_deadlines.begin(), e.requirement_deadlines.end());
    e.updated_on = today;
    return e;
}

sync::Result<std::optional<sync::ScopeId>> team_scope(const sync::Store& store) {
    std::set<sync::ScopeId> found;
    for (const auto& [scope, epoch] : store.scope_keys())
        if (sync::sharing::scope_kind(store, scope) == sync::ScopeKind::Team) found.insert(scope);
    if (found.size() > 1)
        return {sync::Error::InvalidArgument,
                "this device holds " + std::to_string(found.size()) + " team scopes: the team index needs exactly one"};
    if (found.empty()) return std::optional<sync::ScopeId>();
    return std::optional<sync::ScopeId>(*found.begin());
}

sync::Result<Refresh> refresh(domain::Repository& repository, const std::string& today) {
    sync::Store& store = repository.store();
    Refresh out;
    if (!writes_index(store)) {
        out.skipped = "only a caseworker's device writes the team's case index";
        return out;
    }
    auto scope = team_scope(store);
    if (!scope) {
        out.skipped = scope.detail();
        return out;
    }
    if (!*scope) {
        out.skipped = "this device holds no team scope";
        return out;
    }
    out.scope = **scope;
    sync::Writer w(store);
    for (const domain::Case& c : repository.cases()) {
        // A family's case lives in a case scope (or, written before scopes, in this device's own);
        // a `case` record in a team, directory or report scope is no family's case.
        const sync::Record* rec = store.get(c.id);
        const sync::ScopeKind kind = rec ? sync::sharing::scope_kind(store, rec->scope) : sync::ScopeKind::Team;
        if (kind != sync::ScopeKind::Case && kind != sync::ScopeKind::Personal) continue;
        auto e = entry_for(repository, c.id, today);
        if (!e) continue;  // gone between the listing and the load: nothing to index
        ++out.cases;
        const sync::Record* stored = store.get(**scope, e->id);
        std::map<std::string, std::string> fields = stored_fields(*e);
        // updated_on alone moves nothing: it changes with the other fields, or not at all.
        bool changed = false;
        for (const auto& [name, value] : fields)
            if (std::string_view(name) != "updated_on" && (!stored || stored->value(name).value_or("") != value))
                changed = true;
        if (!changed) continue;
        for (const char* name : kFields) {
            const std::string& value = fields[name];
            if (stored && stored->value(name).value_or("") == value) continue;
            if (auto r = w.set(kIndexType, e->id, name, value, &**scope); !r) return r.failure();
        }
        ++out.written;
    }
    if (out.written == 0) return out;
    if (auto c = w.commit(); !c) return c.failure();
    return out;
}

Index read_index(const sync::Store& store) {
    Index out;
    for (const sync::Record* r : store.list(kIndexType)) {
        if (sync::sharing::scope_kind(store, r->scope) != sync::ScopeKind::Team) {
            ++out.skipped;  // an index entry anywhere but a team scope is not the team's
            continue;
        }
        if (auto e = parse_entry(*r))
            out.entries.push_back(std::move(*e));
        else
            ++out.skipped;
    }
    std::sort(out.entries.begin(), out.entries.end(), [](const IndexEntry& a, const IndexEntry& b) {
        return a.pseudonym != b.pseudonym ? a.pseudonym < b.pseudonym : a.id < b.id;
    });
    return out;
}

Overview overview(const std::vector<IndexEntry>& entries, const std::string& today, int window_days) {
    Overview o;
    const std::string horizon = domain::valid_date(today) ? add_days(today, window_days) : today;
    std::map<std::string, Overview::Worker> workers;
    for (const IndexEntry& e : entries) {
        if (!is_open(e.status)) {
            ++o.closed_cases;
            continue;
        }
        ++o.open_cases;
        Overview::Worker& w = workers[e.lead_worker];
        w.name = e.lead_worker;
        ++w.cases;
        if (e.risk == domain::RiskArea::Danger) ++w.danger;
        ++o.by_risk[e.risk ? std::string(domain::to_string(*e.risk)) : std::string()];
        if (!e.next_review.empty() && e.next_review <= horizon)
            o.reviews.push_back({e.pseudonym, e.lead_worker, e.next_review, e.next_review < today});
        if (!e.requirement_deadlines.empty() && e.requirement_deadlines.front() < today)
            o.overdue_requirements.push_back({e.pseudonym, e.lead_worker, e.requirement_deadlines.front(), true});
    }
    for (auto& [name, w] : workers) o.workers.push_back(w);
    std::stable_sort(o.workers.begin(), o.workers.end(),
                     [](const Overview::Worker& a, const Overview::Worker& b) {
                         if (a.cases != b.cases) return a.cases > b.cases;
                         return !a.name.empty() && b.name.empty();  // cases without a lead worker last
                     });
    const auto by_date = [](const Overview::Due& a, const Overview::Due& b) {
        return a.date != b.date ? a.date < b.date : a.pseudonym < b.pseudonym;
    };
    std::sort(o.reviews.begin(), o.reviews.end(), by_date);
    std::sort(o.overdue_requirements.begin(), o.overdue_requirements.end(), by_date);
    return o;
}

}  // namespace quartier::team
