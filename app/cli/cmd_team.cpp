// quartier-cli's commands of the Sozialraumteam (docs/team.md, docs/cli.md): `team refresh` writes
// this caseworker device's entries of the team's case index into its team scope (also done before
// every `sync`), `team index` prints the index and the team lead's overview as this device holds
// them (a team lead: after a sync); `team consult ...` the Kollegiale Beratung's consultation cards
// (app/team/consultation.h): prepared from a case, the team's ideas and recommendation, taken back.
#include "commands.h"

#include "domain/repository.h"
#include "sync/client/consent.h"
#include "team/case_index.h"
#include "team/consultation.h"

#include <cstdlib>
#include <ctime>

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

// ---- Kollegiale Beratung ---------------------------------------------------------------------

int fail_domain(std::ostream& err, const Failure<domain::Error>& f) {
    switch (f.error) {
    case domain::Error::NotFound:
    case domain::Error::WrongType: return fail(err, kNotFound, f.detail);
    case domain::Error::Invalid: return fail(err, kUsage, f.detail);
    case domain::Error::Denied: return fail(err, kDenied, f.detail);
    case domain::Error::Store: return fail(err, kStoreError, f.detail);
    }
    return fail(err, kStoreError, f.detail);
}

// The store's clock as YYYY-MM-DDTHH:MM (UTC, as the rest of the CLI's dates).
std::string now_minute(const sync::Store& store) {
    const std::time_t t = std::time_t(store.now_ms() / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M", &tm);
    return buf;
}

// Who is acting: --by, else --actor or QUARTIER_ACTOR (as the audit log names who works), else this
// device's name in the directory.
std::string actor(const Context& c) {
    if (const std::string by = c.o.get("by"); !by.empty()) return by;
    if (const std::string a = c.o.get("actor"); !a.empty()) return a;
    if (const char* env = std::getenv("QUARTIER_ACTOR"); env && *env) return env;
    const sync::DeviceInfo* me = c.store->directory().device(c.store->device().id());
    return me ? me->name : std::string();
}

json card_json(const team::Card& k) {
    json wills = json::array(), goals = json::array(), resources = json::array(), network = json::array(),
         ideas = json::array(), items = json::array();
    for (const auto& w : k.wills)
        wills.push_back({{"role", w.role}, {"text", w.text}, {"own_contribution", w.own_contribution}, {"will", w.will}});
    for (const auto& g : k.goals)
        goals.push_back({{"text", g.text}, {"level", domain::to_string(g.level)}, {"scale_now", g.scale_now},
                         {"scale_target", g.scale_target}});
    for (const auto& r : k.resources)
        resources.push_back({{"area", domain::to_string(r.area)}, {"role", r.role}, {"text", r.text}});
    for (const auto& n : k.network)
        network.push_back({{"label", n.label}, {"sector", domain::to_string(n.sector)}, {"distance", n.distance},
                           {"quality", domain::to_string(n.quality)}, {"note", n.note}});
    for (const auto& i : k.ideas) ideas.push_back({{"text", i.text}, {"by", i.by}, {"at", i.at}});
    for (const auto& i : k.recommendation_items) items.push_back({{"who", i.who}, {"brings", i.brings}});
    return {{"id", k.id},
            {"pseudonym", k.pseudonym},
            {"social_space", k.social_space},
            {"risk_area", k.risk ? std::string(domain::to_string(*k.risk)) : std::string()},
            {"prepared_on", k.prepared_on},
            {"prepared_by", k.prepared_by},
            {"question", k.question},
            {"wills", wills},
            {"goals", goals},
            {"resources", resources},
            {"network_of", k.network_of},
            {"network", network},
            {"ideas", ideas},
            {"recommendation", k.recommendation},
            {"recommendation_items", items},
            {"state", team::to_string(k.state)},
            {"taken_back_on", k.taken_back_on}};
}

int run_consult_prepare(Context& c) {
    const std::string question = c.o.get("question");
    if (question.empty()) return fail(c.err, kUsage, "team consult prepare needs --question TEXT");
    domain::Repository repo(*c.store);
    auto card = team::prepare(repo, c.argv[0], question, actor(c), today(*c.store));
    if (!card) return fail_domain(c.err, card.failure());
    auto id = team::save(*c.store, *card);
    if (!id) return fail_domain(c.err, id.failure());
    card->id = *id;
    c.out << card_json(*card).dump(2) << "\n";
    return kOk;
}

int run_consult_list(Context& c) {
    const team::Cards cards = team::load_all(*c.store);
    json list = json::array();
    for (const team::Card& k : cards.cards)
        list.push_back({{"id", k.id},
                        {"pseudonym", k.pseudonym},
                        {"social_space", k.social_space},
                        {"prepared_on", k.prepared_on},
                        {"prepared_by", k.prepared_by},
                        {"question", k.question},
                        {"ideas", k.ideas.size()},
                        {"state", team::to_string(k.state)}});
    c.out << json{{"consultations", list}, {"skipped", cards.skipped}}.dump(2) << "\n";
    return kOk;
}

int run_consult_show(Context& c) {
    auto card = team::load(*c.store, c.argv[0]);
    if (!card) return fail_domain(c.err, card.failure());
    c.out << card_json(*card).dump(2) << "\n";
    return kOk;
}

int run_consult_idea(Context& c) {
    if (auto r = team::add_idea(*c.store, c.argv[0], c.argv[1], actor(c), today(*c.store)); !r)
        return fail_domain(c.err, r.failure());
    return run_consult_show(c);
}

int run_consult_recommend(Context& c) {
    std::vector<team::Card::Item> items;
    for (std::size_t i = 2; i < c.argv.size(); ++i) {
        std::string who, what;
        if (!split_assignment(c.argv[i], who, what) || who.empty() || what.empty())
            return fail(c.err, kUsage, "not WHO=WHAT: " + c.argv[i]);
        items.push_back({who, what});
    }
    if (auto r = team::recommend(*c.store, c.argv[0], c.argv[1], items); !r) return fail_domain(c.err, r.failure());
    return run_consult_show(c);
}

int run_consult_take(Context& c) {
    domain::Repository repo(*c.store);
    auto r = team::take_back(repo, c.argv[0], now_minute(*c.store), actor(c));
    if (!r) return fail_domain(c.err, r.failure());
    c.out << json{{"consultation", c.argv[0]}, {"case", r->case_id}, {"note", r->note_id}}.dump(2) << "\n";
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
    {"team consult prepare", 1, 1, "team consult prepare CASE_ID --question TEXT [--by NAME]",
     "a caseworker's device: the Kollegiale Beratung's card of the case\n"
     "(will, open goals, resources, network map by role, the question)\n"
     "with names, dates, addresses, numbers and ids replaced by labels,\n"
     "into its team scope; prints the card and its id. --by: who\n"
     "prepares it (default: this device's name)",
     Needs::Store, true, nullptr, nullptr, run_consult_prepare},
    {"team consult list", 0, 0, "team consult list",
     "the consultation cards this device holds (a team member: after\n"
     "a sync), oldest first",
     Needs::Store, true, nullptr, nullptr, run_consult_list},
    {"team consult show", 1, 1, "team consult show ID", "one consultation card, with the team's ideas and recommendation",
     Needs::Store, true, nullptr, nullptr, run_consult_show},
    {"team consult idea", 2, 2, "team consult idea ID TEXT [--by NAME]",
     "adds the team's idea to a card, as typed",
     Needs::Store, true, nullptr, nullptr, run_consult_idea},
    {"team consult recommend", 2, SIZE_MAX, "team consult recommend ID TEXT [WHO=WHAT ...]",
     "the team's recommendation, as typed, and who brings what; replaces\n"
     "an earlier one (state recommended)",
     Needs::Store, true, nullptr, nullptr, run_consult_recommend},
    {"team consult take", 1, 1, "team consult take ID [--by NAME]",
     "the device holding the case: the recommendation as a note of the\n"
     "case (not entrusted), the card taken back. Exit 10 on a device\n"
     "holding no case of the card's pseudonym",
     Needs::Store, true, nullptr, nullptr, run_consult_take},
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
