// quartier-cli's commands of the Sozialraumteam (docs/team.md, docs/cli.md): `team refresh` writes
// this caseworker device's entries of the team's case index into its team scope (also done before
// every `sync`), `team index` prints the index and the team lead's overview as this device holds
// them (a team lead: after a sync).
#include "commands.h"

#include "domain/repository.h"
#include "sync/client/consent.h"
#include "team/case_index.h"

namespace quartier::cli {

namespace {

using nlohmann::json;

std::string today(const sync::Store& store) { return sync::consent::date_of(store.now_ms()); }

json refresh_json(const team::Refresh& r) {
    return {{"scope", r.scope ? crypto::to_hex(*r.scope) : std::string()},
            {"cases", r.cases},
            {"written", r.written},
            {"skipped", r.skipped}};
}

int run_team_refresh(Context& c) {
    domain::Repository repo(*c.store);
    auto r = team::refresh(repo, today(*c.store));
    if (!r) return fail(c.err, r);
    c.out << refresh_json(*r).dump(2) << "\n";
    return kOk;
}

int run_team_index(Context& c) {
    const team::Index index = team::read_index(*c.store);
    json entries = json::array();
    for (const team::IndexEntry& e : index.entries)
        entries.push_back({{"pseudonym", e.pseudonym},
                           {"social_space", e.social_space},
                           {"status", domain::to_string(e.status)},
                           {"risk_area", e.risk ? std::string(domain::to_string(*e.risk)) : std::string()},
                           {"lead_worker", e.lead_worker},
                           {"helps", e.helps},
                           {"next_review", e.next_review},
                           {"requirement_deadlines", e.requirement_deadlines},
                           {"updated_on", e.updated_on}});
    const team::Overview o = team::overview(index.entries, today(*c.store));
    json workers = json::array();
    for (const auto& w : o.workers) workers.push_back({{"lead_worker", w.name}, {"cases", w.cases}, {"danger", w.danger}});
    const auto due = [](const std::vector<team::Overview::Due>& v) {
        json a = json::array();
        for (const auto& d : v)
            a.push_back({{"pseudonym", d.pseudonym}, {"lead_worker", d.lead_worker}, {"date", d.date}, {"overdue", d.overdue}});
        return a;
    };
    c.out << json{{"entries", entries},
                  {"skipped", index.skipped},
                  {"overview",
                   {{"open_cases", o.open_cases},
                    {"closed_cases", o.closed_cases},
                    {"workers", workers},
                    {"reviews_due", due(o.reviews)},
                    {"requirements_overdue", due(o.overdue_requirements)},
                    {"by_risk_area", o.by_risk}}}}
                 .dump(2)
          << "\n";
    return kOk;
}

const Command kTeam[] = {
    {"team refresh", 0, 0, "team refresh",
     "a caseworker's device: writes the team's case index (pseudonym,\n"
     "social space, status, risk area, lead worker, helps running, next\n"
     "review, open Auflagen's deadlines; no names) for every case it\n"
     "holds into its team scope; `sync` does this first by itself",
     Needs::Store, true, nullptr, nullptr, run_team_refresh},
    {"team index", 0, 0, "team index",
     "the team's case index this device holds (a team lead: after a\n"
     "sync) and its overview: caseload per worker, reviews due within\n"
     "14 days, Auflagen overdue, open cases per risk area",
     Needs::Store, true, nullptr, nullptr, run_team_index},
};

}  // namespace

std::span<const Command> team_commands() { return kTeam; }

// Before a sync: the index brought up to date, so that what is pushed is the cases as they are now.
// A failure here does not stop the sync (the index is written again at the next one); it is said.
void refresh_team_index(sync::Store& store, std::ostream& err) {
    domain::Repository repo(store);
    if (auto r = team::refresh(repo, today(store)); !r)
        err << "quartier-cli: warning: the team's case index was not written: " << r.detail() << "\n";
}

}  // namespace quartier::cli
