// Kollegiale Beratung (app/team/consultation.h, docs/team.md): the pseudonymiser on its own; the
// canary test — every demo family's card, as the team lead's store holds it after sync, holds no
// name, birth date, id, network contact's name or address of the family, also of a planted person,
// contact and resource, while the sentences stay readable; the round trip over the in-process
// server (caseworker prepares, team lead adds ideas and the recommendation and holds no case key
// and may not take it back, the caseworker takes it back into the case as a note); bad inputs.
#include "sync/sync_fixture.h"
#include "team/team_fixture.h"

#include "domain/demo_organisation.h"
#include "domain/repository.h"
#include "sync/client/sharing.h"
#include "team/consultation.h"
#include "team/pseudonym.h"

#include <cctype>
#include <functional>
#include <set>

using namespace quartier;
using namespace quartier::test;

namespace {

constexpr const char* kToday = kTeamToday;

template <class T>
std::string saved(domain::Repository& repo, T& record) {
    domain::Issues issues;
    auto r = repo.save(record, domain::SaveOptions{nullptr, &issues, {}});
    INFO((r.ok() ? std::string() : r.detail()));
    REQUIRE(r.ok());
    return *r;
}

std::string prepared(sync::Store& store, const std::string& case_id, const std::string& question) {
    domain::Repository repo(store);
    auto card = team::prepare(repo, case_id, question, "A. Brandt (ASD)", kToday);
    INFO((card.ok() ? std::string() : card.detail()));
    REQUIRE(card.ok());
    auto id = team::save(store, *card);
    INFO((id.ok() ? std::string() : id.detail()));
    REQUIRE(id.ok());
    return *id;
}

// "2015-02-01" -> "01.02.2015" and "1.2.2015".
std::vector<std::string> german_dates(const std::string& iso) {
    const std::string d = iso.substr(8, 2), m = iso.substr(5, 2), y = iso.substr(0, 4);
    const auto strip = [](const std::string& s) { return s[0] == '0' ? s.substr(1) : s; };
    return {d + "." + m + "." + y, strip(d) + "." + strip(m) + "." + y};
}

// What no card of these cases may hold: the members' names and birth dates (ISO and German), the
// case's name, the ids of the case and of every record of it, the network contacts' names, the
// places of its visits and offers.
std::set<std::string> case_canaries(const domain::Repository& repo, const std::vector<std::string>& cases) {
    std::set<std::string> out;
    for (const std::string& id : cases) {
        out.insert(id);
        if (auto c = repo.load<domain::Case>(id)) out.insert(c->name);
        for (const domain::Member& m : repo.members(id)) {
            out.insert(m.person.given_name);
            out.insert(m.person.family_name);
            out.insert(m.person.id);
            out.insert(m.member.id);
            if (!m.person.birth_date.empty()) {
                out.insert(m.person.birth_date);
                for (const std::string& g : german_dates(m.person.birth_date)) out.insert(g);
            }
        }
        // A contact's name, unless it is made of role words only ("Klassenlehrerin", "Vater der
        // Kinder": the card shows that role), and each word of it that is not a role word.
        for (const domain::NetworkMap& map : repo.network_maps(id))
            for (const domain::NetworkContact& nc : map.contacts) {
                bool has_name = false;
                std::string word;
                for (const char ch : nc.name + " ") {
                    if (ch == ' ' || ch == '(' || ch == ')') {
                        if (word.size() >= 2 && std::isupper(static_cast<unsigned char>(word[0])) && !team::is_role_word(word)) {
                            out.insert(word);
                            has_name = true;
                        }
                        word.clear();
                    } else {
                        word += ch;
                    }
                }
                if (has_name) out.insert(nc.name);
            }
        for (const domain::ContactEvent& e : repo.contact_events(id)) out.insert(e.place);
        for (const domain::ServiceFeedback& f : repo.service_feedback(id)) out.insert(f.offer_place);
        for (const sync::Record* r : repo.store().list())
            if (r->value("case_id").value_or("") == id) out.insert(r->id);
    }
    out.erase("");
    return out;
}

// Every field value of every consultation record `store` holds, with where it is.
std::vector<std::pair<std::string, std::string>> card_values(const sync::Store& store) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const sync::Record* r : store.list(team::kConsultationType))
        for (const auto& [name, field] : r->fields) out.emplace_back(r->id + "." + name, r->value(name).value_or(""));
    return out;
}

}  // namespace

TEST_CASE("Consultation: pseudonymise replaces names, dates, addresses, numbers and ids, and keeps the rest",
          "[team][consultation][pseudonymise]") {
    team::Names names;
    names.entries = {{"Lena", "Kind 1"},         {"Sandra Kowalski", "Mutter"}, {"Frau Kowalski", "Mutter"},
                     {"Kowalski", "Familie"},     {"Jürgen", "Vater"},          {"Oma Ilse", "Familie: Kontakt 1"},
                     {"Ilse", "Familie: Kontakt 1"}, {"Müller", "Familie"},     {"Familie K.", "Familie"}};
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"Lena geht gern in die Kita.", "[Kind 1] geht gern in die Kita."},
        {"LENA und lena", "[Kind 1] und [Kind 1]"},
        {"Lenas Ball", "[Kind 1]s Ball"},
        {"Helena und Lenana bleiben", "Helena und Lenana bleiben"},  // word boundaries
        {"Sandra Kowalski bringt Lena", "[Mutter] bringt [Kind 1]"},
        {"Frau Kowalski sagt", "[Mutter] sagt"},
        {"Kowalskis Wohnung", "[Familie]s Wohnung"},
        {"Jürgen, Juergen, JÜRGEN", "[Vater], [Vater], [Vater]"},
        {"Mueller und Müller", "[Familie] und [Familie]"},
        {"mit Oma Ilse, dann Ilse allein", "mit [Familie: Kontakt 1], dann [Familie: Kontakt 1] allein"},
        {"„Lena“ sagt es", "„[Kind 1]“ sagt es"},
        {"Familie K. kommt", "[Familie]. kommt"},
        {"K. kommt", "K. kommt"},  // one letter alone is no name
        {"geboren am 01.02.2015, am 1.2.15 und 2015-02-01", "geboren am [Datum], am [Datum] und [Datum]"},
        {"seit dem 3. März 2020 nicht", "seit dem [Datum] nicht"},
        {"Mail: lena.k@example.org.", "Mail: [E-Mail]."},
        {"Telefon 040 123456, mobil +49 (171) 234-5678", "Telefon [Nummer], mobil [Nummer]"},
        {"wohnt Lindenstraße 12 in 22846 Norderstedt", "wohnt [Adresse] in [Adresse]"},
        {"Berliner Str. 5a und Am Kirchweg 3-5", "[Adresse] und [Adresse]"},
        {"id 0123456789abcdef0123 und 550e8400-e29b-41d4-a716-446655440000", "id [ID] und [ID]"},
        {"an 9 von 10 Tagen bis 9 Uhr, Raum 214", "an 9 von 10 Tagen bis 9 Uhr, Raum 214"},
        {"Weg 5 Minuten", "Weg 5 Minuten"},  // no street name before it
        {"[Lena]", "[[Kind 1]]"},
        {"Le\x01na", "[Kind 1]"},  // the markers are stripped from the input first
    };
    for (const Case& c : cases) {
        INFO(c.in);
        CHECK(team::pseudonymise(c.in, names) == c.out);
    }
    // The limit: a name nobody recorded stays (docs/team.md).
    CHECK(team::pseudonymise("Tante Gülsüm hilft", names) == "Tante Gülsüm hilft");
}

TEST_CASE("Consultation: no name, birth date, id, contact or address of any demo family in any card the team lead holds",
          "[team][consultation][canary]") {
    SyncFixture f(2, {{1, "team_lead"}});
    Device& asd = f[0];
    Device& lead = f[1];
    const std::vector<std::string> cases = seed_families(*asd.store);
    REQUIRE(cases.size() == 4);
    domain::Repository repo(*asd.store);

    // Planted canaries in the first family (Demir): a child, its will, a network map with a
    // neighbour and a grandmother, a resource with a phone number and an address.
    domain::Person zach;
    zach.case_id = cases[0];
    zach.given_name = "Zacharias";
    zach.family_name = "Quendelbrook";
    zach.birth_date = "2015-02-01";
    saved(repo, zach);
    domain::CaseMember member;
    member.case_id = cases[0];
    member.person_id = zach.id;
    member.role = domain::MemberRole::Child;
    saved(repo, member);
    domain::WillStatement will;
    will.case_id = cases[0];
    will.person_id = zach.id;
    will.text = "Zacharias will mit Oma Ilse an den Quendelbrook-See";
    will.recorded_on = "2026-06-10";
    saved(repo, will);
    domain::NetworkMap map;
    map.case_id = cases[0];
    map.person_id = zach.id;
    map.drawn_on = "2026-06-10";
    map.contacts = {{"Oma Ilse", domain::NetworkSector::Family, 1, domain::ContactQuality::Supportive,
                     "Zacharias schläft freitags bei ihr, Tel. 0171/2345678"},
                    {"Herr Wunderlich", domain::NetworkSector::FriendsNeighbours, 2, domain::ContactQuality::Supportive, ""}};
    saved(repo, map);
    domain::Resource res;
    res.case_id = cases[0];
    res.area = domain::ResourceArea::Social;
    res.text = "Wunderlich hilft, Telefon 040 123456, Lindenstraße 12";
    saved(repo, res);

    // The question names the family's own people (a question about another family's would keep
    // those names: the card knows the names of its own case only, docs/team.md).
    std::vector<std::string> cards;
    cards.push_back(prepared(*asd.store, cases[0],
                             "Wie erreichen wir Zacharias Quendelbrook (z.quendelbrook@example.org) seit dem "
                             "1.2.2015 besser, und was kann Frau Demir selbst tun?"));
    for (std::size_t i = 1; i < cases.size(); ++i) {
        const domain::Member first = repo.members(cases[i]).front();
        cards.push_back(prepared(*asd.store, cases[i],
                                 "Was kann " + first.person.given_name + " " + first.person.family_name +
                                     " (geboren " + german_dates(first.person.birth_date)[0] +
                                     ") selbst tun? Erreichbar unter 0160 9988776."));
    }
    f.sync_all();

    std::set<std::string> canaries = case_canaries(repo, cases);
    for (const char* planted : {"Zacharias", "Quendelbrook", "2015-02-01", "01.02.2015", "1.2.2015", "Oma Ilse", "Ilse",
                                "Herr Wunderlich", "Wunderlich", "040 123456", "123456", "0171/2345678", "2345678",
                                "Lindenstraße", "z.quendelbrook@example.org", "Frau Demir"})
        canaries.insert(planted);
    REQUIRE(canaries.size() > 100);
    const auto values = card_values(*lead.store);
    REQUIRE(values.size() >= cards.size() * 10);
    for (const auto& [where, value] : values)
        for (const std::string& c : canaries) {
            INFO(where << " = " << value << " holds " << c);
            CHECK(value.find(c) == std::string::npos);
        }

    // ... and the cards are still worth reading: the sentences keep their other words.
    const team::Cards held = team::load_all(*lead.store);
    CHECK(held.skipped == 0);
    REQUIRE(held.cards.size() == 4);
    auto demir = team::load(*lead.store, cards[0]);
    REQUIRE(demir.ok());
    CHECK(demir->pseudonym == team::case_pseudonym(cases[0]));
    CHECK(demir->question ==
          "Wie erreichen wir [Kind 2] ([E-Mail]) seit dem [Datum] besser, und was kann [Mutter] selbst tun?");
    CHECK(demir->network_of == "Kind 2");  // Can (2014) is Kind 1, Zacharias (2015) Kind 2
    const auto has_will = [&](const std::string& text) {
        return std::any_of(demir->wills.begin(), demir->wills.end(), [&](const team::Card::Will& w) { return w.text == text; });
    };
    CHECK(has_will("[Kind 2] will mit [Familie: Kontakt 1 (Oma)] an den [Familie]-See"));
    CHECK(has_will("Ich will, dass [Kind 1] wieder gern zur Schule geht."));
    CHECK(std::any_of(demir->resources.begin(), demir->resources.end(), [](const team::Card::Resource& r) {
        return r.text == "[Freunde/Nachbarn: Kontakt 1 (Herr)] hilft, Telefon [Nummer], [Adresse]";
    }));
    REQUIRE(demir->network.size() == 2);
    CHECK(demir->network[0].label == "Familie: Kontakt 1 (Oma)");
    CHECK(demir->network[0].note == "[Kind 2] schläft freitags bei ihr, Tel. [Nummer]");
    CHECK(demir->network[1].label == "Freunde/Nachbarn: Kontakt 1 (Herr)");
    CHECK(demir->network[1].distance == 2);
    // The older map's contacts, by the role their name says, in the texts too.
    const team::Names names = team::names_of(repo, cases[0]);
    CHECK(names.contact_label("Tante Derya") == "Familie: Kontakt 2 (Tante)");
    CHECK(names.contact_label("Vater der Kinder") == "Familie: Kontakt 3 (Vater der Kinder)");
    CHECK(names.contact_label("Nachbarin Frau Jensen") == "Freunde/Nachbarn: Kontakt 2 (Nachbarin Frau)");
    CHECK(names.contact_label("Klassenlehrerin") == "Schule/Arbeit/Vereine: Kontakt 1 (Klassenlehrerin)");
    // Haddad's "Kita Nord": the role, not which Kita.
    CHECK(team::names_of(repo, cases[3]).contact_label("Kita Nord") == "Schule/Arbeit/Vereine: Kontakt 1 (Kita)");
    CHECK(team::pseudonymise("Derya und Frau Jensen", names) ==
          "[Familie: Kontakt 2 (Tante)] und Frau [Freunde/Nachbarn: Kontakt 2 (Nachbarin Frau)]");
    CHECK(demir->goals.size() == 2);  // the direction goal and its action goal, both open
    CHECK(demir->risk == domain::RiskArea::Service);
    CHECK(demir->prepared_by == "A. Brandt (ASD)");
    CHECK(demir->state == team::Card::State::Prepared);
}

TEST_CASE("Consultation: prepared by the caseworker, recommended by the team, taken back into the case",
          "[team][consultation]") {
    SyncFixture f(3, {{1, "team_lead"}, {2, "helper:Kinderhaus Nord e. V."}});
    Device& asd = f[0];
    Device& lead = f[1];
    Device& helper = f[2];
    const std::vector<std::string> cases = seed_families(*asd.store);
    const std::string kowalski = cases[1];
    const std::string id = prepared(*asd.store, kowalski, "Wie entlasten wir die Morgen ohne die Nachtschicht?");
    // Only a caseworker's device writes a card.
    {
        domain::Repository asd_repo(*asd.store);
        auto card = team::prepare(asd_repo, kowalski, "Frage", "A. Brandt (ASD)", kToday);
        REQUIRE(card.ok());
        auto denied = team::save(*helper.store, *card);
        REQUIRE_FALSE(denied.ok());
        CHECK(denied.error() == domain::Error::Denied);
        CHECK(team::save(*lead.store, *card).error() == domain::Error::Denied);
    }
    f.sync_all();

    // The team lead: holds the card, no case key, no case.
    for (const auto& [scope, epoch] : lead.store->scope_keys())
        CHECK(sync::sharing::scope_kind(*lead.store, scope) != sync::ScopeKind::Case);
    CHECK(lead.store->list("case").empty());
    auto card = team::load(*lead.store, id);
    REQUIRE(card.ok());
    CHECK(card->pseudonym == team::case_pseudonym(kowalski));
    CHECK(card->risk == domain::RiskArea::Danger);
    REQUIRE(team::add_idea(*lead.store, id, "Frühschicht-Tausch mit Kollegen ansprechen", "Frau Berg", kToday).ok());
    REQUIRE(team::add_idea(*lead.store, id, "Elterncafé im Familienzentrum", "Herr Ohm", kToday).ok());
    // Not before there is a recommendation, and never on the team lead's device.
    domain::Repository lead_repo(*lead.store);
    auto early = team::take_back(lead_repo, id, "2026-06-15T11:00", "Frau Berg");
    REQUIRE_FALSE(early.ok());
    CHECK(early.error() == domain::Error::Denied);
    REQUIRE(team::recommend(*lead.store, id, "Morgenroutine mit der Familienhilfe weiter begleiten",
                            {{"Familienhilfe", "zweimal pro Woche morgens"}, {"ASD", "Gespräch mit dem Arbeitgeber anregen"}})
                .ok());
    auto refused = team::take_back(lead_repo, id, "2026-06-15T11:00", "Frau Berg");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error() == domain::Error::Denied);
    CHECK(lead.store->list("note").empty());
    f.sync_all();

    // The caseworker takes it back.
    domain::Repository repo(*asd.store);
    auto seen = team::load(*asd.store, id);
    REQUIRE(seen.ok());
    CHECK(seen->state == team::Card::State::Recommended);
    REQUIRE(seen->ideas.size() == 2);
    CHECK(seen->recommendation_items.size() == 2);
    const std::size_t notes_before = repo.notes(kowalski).size();
    auto taken = team::take_back(repo, id, "2026-06-16T09:30", "M. Yilmaz (ASD)");
    INFO((taken.ok() ? std::string() : taken.detail()));
    REQUIRE(taken.ok());
    CHECK(taken->case_id == kowalski);
    const std::vector<domain::Note> notes = repo.notes(kowalski);
    REQUIRE(notes.size() == notes_before + 1);
    auto note = repo.load<domain::Note>(taken->note_id);
    REQUIRE(note.ok());
    CHECK_FALSE(note->entrusted);
    CHECK(note->case_id == kowalski);
    CHECK(note->author == "M. Yilmaz (ASD)");
    CHECK(note->text.rfind("Empfehlung der Kollegialen Beratung vom 15.06.2026", 0) == 0);
    CHECK(note->text.find("Morgenroutine mit der Familienhilfe weiter begleiten") != std::string::npos);
    CHECK(note->text.find("– Familienhilfe: zweimal pro Woche morgens") != std::string::npos);
    CHECK(note->text.find("– ASD: Gespräch mit dem Arbeitgeber anregen") != std::string::npos);
    // The note is in the case's scope, not the team's.
    CHECK(asd.store->get(taken->note_id)->scope == asd.store->get(kowalski)->scope);
    auto after = team::load(*asd.store, id);
    REQUIRE(after.ok());
    CHECK(after->state == team::Card::State::TakenBack);
    CHECK(after->taken_back_on == "2026-06-16");
    // A failure between take_back's two commits leaves the note written and the card recommended:
    // the retry (a day later) marks the card and finds the note, it writes no second one.
    {
        sync::Writer w(*asd.store);
        const sync::ScopeId card_scope = asd.store->get(id)->scope;
        REQUIRE(w.set(team::kConsultationType, id, "state", "recommended", &card_scope).ok());
        REQUIRE(w.set(team::kConsultationType, id, "taken_back_on", "", &card_scope).ok());
        REQUIRE(w.commit().ok());
    }
    auto retried = team::take_back(repo, id, "2026-06-17T08:00", "M. Yilmaz (ASD)");
    INFO((retried.ok() ? std::string() : retried.detail()));
    REQUIRE(retried.ok());
    CHECK(retried->note_id == taken->note_id);
    CHECK(repo.notes(kowalski).size() == notes_before + 1);
    CHECK(team::load(*asd.store, id)->state == team::Card::State::TakenBack);
    // Final: neither taken back twice nor recommended again.
    CHECK(team::take_back(repo, id, "2026-06-16T09:31", "M. Yilmaz (ASD)").error() == domain::Error::Invalid);
    CHECK(team::recommend(*asd.store, id, "anders", {}).error() == domain::Error::Invalid);
    CHECK(repo.notes(kowalski).size() == notes_before + 1);
    f.sync_all();

    auto lead_sees = team::load(*lead.store, id);
    REQUIRE(lead_sees.ok());
    CHECK(lead_sees->state == team::Card::State::TakenBack);
    CHECK(lead.store->list("note").empty());
    CHECK(lead.store->list("case").empty());
}

TEST_CASE("Consultation: bad inputs are refused, cards that do not parse or lie outside a team scope are left out",
          "[team][consultation]") {
    SyncFixture f(2, {{1, "team_lead"}});
    Device& asd = f[0];
    Device& lead = f[1];
    const std::vector<std::string> cases = seed_families(*asd.store);
    domain::Repository repo(*asd.store);
    const std::string id = prepared(*asd.store, cases[0], "Eine Frage");
    const std::string person = repo.members(cases[0]).front().person.id;
    const std::size_t notes_before = repo.notes(cases[0]).size();

    struct Prep {
        std::string case_id, question, worker, today;
        domain::Error error;
    };
    const Prep preps[] = {{cases[0], "", "A", kToday, domain::Error::Invalid},
                          {cases[0], "  \n", "A", kToday, domain::Error::Invalid},
                          {cases[0], "Frage", "", kToday, domain::Error::Invalid},
                          {cases[0], "Frage", "A", "15.06.2026", domain::Error::Invalid},
                          {"no-such-case", "Frage", "A", kToday, domain::Error::NotFound},
                          {person, "Frage", "A", kToday, domain::Error::WrongType}};
    // save() takes a new card as prepare() makes it, nothing else.
    {
        auto card = team::prepare(repo, cases[0], "Frage", "A", kToday);
        REQUIRE(card.ok());
        const std::vector<std::function<void(team::Card&)>> breaks = {
            [](team::Card& k) { k.id = "x"; },
            [](team::Card& k) { k.pseudonym.clear(); },
            [](team::Card& k) { k.question = " "; },
            [](team::Card& k) { k.prepared_on = "2026-02-30"; },
            [](team::Card& k) { k.state = team::Card::State::Recommended; },
            [](team::Card& k) { k.recommendation = "schon"; },
            [](team::Card& k) { k.ideas.push_back({"idea_00", "Idee", "A", kToday}); },
        };
        for (const auto& b : breaks) {
            team::Card k = *card;
            b(k);
            auto r = team::save(*asd.store, k);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error() == domain::Error::Invalid);
        }
    }
    for (const Prep& p : preps) {
        INFO(p.case_id << " / " << p.question << " / " << p.worker << " / " << p.today);
        auto r = team::prepare(repo, p.case_id, p.question, p.worker, p.today);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == p.error);
    }

    // A consultation record in a case scope (a patched client's), and forged ones in the team scope.
    const sync::ScopeId case_scope = asd.store->get(cases[0])->scope;
    const auto forge = [&](const sync::ScopeId& scope, std::map<std::string, std::string> over) {
        std::map<std::string, std::string> fields = {{"pseudonym", "Fall AAA-AAA"}, {"prepared_on", kToday},
                                                     {"question", "Frage"},         {"state", "prepared"},
                                                     {"wills", "[]"},               {"network", "[]"}};
        for (auto& [k, v] : over) fields[k] = v;
        sync::Writer w(*asd.store);
        std::string rid;
        for (const auto& [k, v] : fields) rid = *w.set(team::kConsultationType, rid, k, v, &scope);
        REQUIRE(w.commit().ok());
        return rid;
    };
    const std::string in_case = forge(case_scope, {});
    const std::string ok_forged = forge(f.team, {});  // well-formed: it counts
    const std::map<std::string, std::string> bad[] = {
        {{"state", "done"}},
        {{"state", "taken_back"}},  // without taken_back_on
        {{"state", "recommended"}},  // without a recommendation
        {{"prepared_on", "2026-02-30"}},
        {{"question", ""}},
        {{"risk_area", "extreme"}},
        {{"wills", "{\"role\": 1}"}},
        {{"goals", "[{\"text\": \"x\", \"level\": \"direction\", \"scale_now\": 11, \"scale_target\": 3}]"}},
        {{"network", "[{\"label\": \"x\", \"sector\": \"moon\", \"distance\": 1, \"quality\": \"supportive\", \"note\": \"\"}]"}},
        {{"recommendation_items", "[{\"who\": \"\", \"brings\": \"x\"}]"}},
        {{"idea_0011223344556677", "not json"}},
    };
    std::vector<std::string> bad_ids;
    for (const auto& b : bad) bad_ids.push_back(forge(f.team, b));
    f.sync_all();

    for (sync::Store* s : {asd.store.get(), lead.store.get()}) {
        const team::Cards cards = team::load_all(*s);
        CHECK(cards.cards.size() == 2);
        CHECK(cards.skipped == 1 + std::size(bad) - (s == lead.store.get() ? 1 : 0));  // the lead lacks the case key
    }
    auto outside = team::load(*asd.store, in_case);
    REQUIRE_FALSE(outside.ok());
    CHECK(outside.error() == domain::Error::Invalid);
    CHECK(team::add_idea(*asd.store, in_case, "Idee", "A", kToday).error() == domain::Error::Invalid);
    for (const std::string& b : bad_ids) CHECK(team::load(*lead.store, b).error() == domain::Error::Invalid);
    CHECK(team::load(*lead.store, ok_forged).ok());

    // Edits: no such record, not a consultation, empty texts, an item without who, a bad date.
    CHECK(team::add_idea(*lead.store, "no-such-id", "Idee", "A", kToday).error() == domain::Error::NotFound);
    CHECK(team::add_idea(*asd.store, cases[0], "Idee", "A", kToday).error() == domain::Error::WrongType);
    CHECK(team::add_idea(*lead.store, id, " ", "A", kToday).error() == domain::Error::Invalid);
    CHECK(team::add_idea(*lead.store, id, "Idee", "A", "morgen").error() == domain::Error::Invalid);
    CHECK(team::recommend(*lead.store, id, "", {}).error() == domain::Error::Invalid);
    CHECK(team::recommend(*lead.store, id, "Empfehlung", {{"", "etwas"}}).error() == domain::Error::Invalid);
    CHECK(team::recommend(*lead.store, "no-such-id", "Empfehlung", {}).error() == domain::Error::NotFound);
    // Taking back: not a time, nothing recommended yet, not a consultation.
    CHECK(team::take_back(repo, id, kToday, "A").error() == domain::Error::Invalid);
    CHECK(team::take_back(repo, id, "2026-06-15T10:00", "A").error() == domain::Error::Invalid);
    CHECK(team::take_back(repo, cases[0], "2026-06-15T10:00", "A").error() == domain::Error::WrongType);
    // Nothing of this reached a case.
    CHECK(repo.notes(cases[0]).size() == notes_before);
}
