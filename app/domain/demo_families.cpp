#include "demo_families.h"

#include "sync/store/store.h"

#include <array>
#include <random>

namespace quartier::domain {

namespace {

// One family as data; write_family() turns it into records.
struct PersonSpec {
    std::string given, family, birth;
    MemberRole role;
    bool household = true;
};
struct NoteSpec {
    std::string text;
    bool entrusted = true;
};
struct VisitSpec {
    ContactKind kind = ContactKind::HomeVisit;
    std::string started_at, ended_at, place;
    ChildSeen child_seen = ChildSeen::Yes;
    std::string summary;
    std::vector<NoteSpec> notes;
    bool final = true;  // false: a visit left as a draft (typed, not finished)
};
struct WillSpec {
    std::size_t person;
    std::string text, own_contribution, recorded_on;
};
struct StepSpec {
    std::string who, what, by_when;
    bool done = false;
};
struct GoalSpec {
    int will = -1;  // index into wills, -1: none
    std::string direction;
    int now, target;
    std::string set_on, review_on;
    std::string action;  // the action goal under the direction goal
    int action_now, action_target;
    std::vector<StepSpec> steps;
};
struct FeedbackSpec {
    int service = -1;  // index into the given services (modulo their count), -1: an offer that is missing
    FeedbackStatus status;
    std::vector<Barrier> barriers;
    std::string how{}, wanted{}, category{};  // category: only for a missing offer without a service
};
struct RequirementSpec {
    std::string reason, minimum, way, deadline, checked_by, method, consequence;
};
// A Verlaufsbericht of the family helper: per direction goal (by index) and its action goal the
// scale now and what happened, and per Auftrag (by index) what happened.
struct ProgressSpec {
    std::string written_on, author, provider, from, to, summary;
    struct Goal {
        int goal;  // index into goals; the action goal under it when `action`
        bool action;
        int now;
        std::string happened, family_did;
    };
    std::vector<Goal> goals;
    std::vector<std::pair<int, std::string>> mandates;  // index into mandates, what happened
};
struct FamilySpec {
    std::string name, social_space, lead_worker, provider, opened_on;
    CaseStatus status = CaseStatus::Active;
    std::vector<PersonSpec> persons;
    std::vector<VisitSpec> visits;
    std::vector<WillSpec> wills;
    std::vector<GoalSpec> goals;
    std::vector<std::pair<ResourceArea, std::string>> resources;
    std::string map_drawn_on;
    std::vector<NetworkContact> network;
    RiskArea area = RiskArea::Service;
    std::string assessed_on, assessed_by, reasons;
    std::optional<RequirementSpec> requirement;
    std::vector<Mandate> mandates;  // case_id filled in
    std::vector<Measure> measures;  // case_id filled in
    std::vector<FeedbackSpec> feedback;
    std::vector<ProgressSpec> progress;
};

// Saves records into one Batch and keeps the first failure with the record type that caused it.
class FamilyWriter {
public:
    FamilyWriter(Batch& batch, DemoSummary& summary) : m_batch(batch), m_summary(summary) {}

    template <class T>
    bool put(T& record) {
        if (!m_ok) return false;
        Issues issues;
        auto r = m_batch.save(record, SaveOptions{nullptr, &issues, {}});
        if (!r) {
            m_ok = false;
            m_failure = Failure<Error>{r.error(), std::string(T::kType) + ": " + r.detail()};
            return false;
        }
        ++m_summary.records;
        return true;
    }
    bool ok() const { return m_ok; }
    const Failure<Error>& failure() const { return m_failure; }

private:
    Batch& m_batch;
    DemoSummary& m_summary;
    bool m_ok = true;
    Failure<Error> m_failure{Error::Store, {}};
};

Result<std::string> write_family(Repository& repo, const FamilySpec& f, const std::vector<std::string>& services,
                                 DemoSummary& summary) {
    Batch batch(repo);
    FamilyWriter w(batch, summary);

    Case c;
    c.name = f.name;
    c.social_space = f.social_space;
    c.status = f.status;
    c.lead_worker = f.lead_worker;
    c.provider_organization = f.provider;
    c.opened_on = f.opened_on;
    c.retention_class = "case_file";
    w.put(c);

    std::vector<std::string> person_ids;
    for (const PersonSpec& ps : f.persons) {
        Person p;
        p.case_id = c.id;
        p.given_name = ps.given;
        p.family_name = ps.family;
        p.birth_date = ps.birth;
        w.put(p);
        person_ids.push_back(p.id);
        CaseMember m;
        m.case_id = c.id;
        m.person_id = p.id;
        m.role = ps.role;
        m.household = ps.household;
        w.put(m);
    }

    for (const VisitSpec& vs : f.visits) {
        ContactEvent e;
        e.case_id = c.id;
        e.kind = vs.kind;
        e.started_at = vs.started_at;
        e.worker = f.lead_worker;
        e.place = vs.place;
        e.summary = vs.summary;
        if (vs.final) {
            e.status = ContactStatus::Final;
            e.ended_at = vs.ended_at;
            e.participants = person_ids;
            e.child_seen = vs.child_seen;
            // Kind gesehen per child: every child of the family, as the visit's answer says.
            if (vs.kind == ContactKind::HomeVisit && (vs.child_seen == ChildSeen::Yes || vs.child_seen == ChildSeen::No))
                for (std::size_t i = 0; i < f.persons.size(); ++i)
                    if (f.persons[i].role == MemberRole::Child)
                        (vs.child_seen == ChildSeen::Yes ? e.children_seen : e.children_not_seen).push_back(person_ids[i]);
        }
        w.put(e);
        for (const NoteSpec& ns : vs.notes) {
            Note n;
            n.case_id = c.id;
            n.contact_event_id = e.id;
            n.text = ns.text;
            n.author = f.lead_worker;
            n.written_at = vs.started_at;
            n.entrusted = ns.entrusted;
            w.put(n);
        }
    }

    std::vector<std::string> will_ids;
    for (const WillSpec& ws : f.wills) {
        WillStatement s;
        s.case_id = c.id;
        s.person_id = person_ids.at(ws.person);
        s.text = ws.text;
        s.own_contribution = ws.own_contribution;
        s.recorded_on = ws.recorded_on;
        w.put(s);
        will_ids.push_back(s.id);
    }

    std::vector<std::pair<std::string, std::string>> goal_ids;  // per GoalSpec: direction, action
    for (const GoalSpec& gs : f.goals) {
        Goal direction;
        direction.case_id = c.id;
        direction.level = GoalLevel::Direction;
        direction.will_statement_id = gs.will >= 0 ? will_ids.at(std::size_t(gs.will)) : std::string();
        direction.text = gs.direction;
        direction.scale_now = gs.now;
        direction.scale_target = gs.target;
        direction.set_on = gs.set_on;
        direction.review_on = gs.review_on;
        w.put(direction);
        Goal action;
        action.case_id = c.id;
        action.level = GoalLevel::Action;
        action.parent_goal_id = direction.id;
        action.text = gs.action;
        action.scale_now = gs.action_now;
        action.scale_target = gs.action_target;
        action.set_on = gs.set_on;
        w.put(action);
        goal_ids.emplace_back(direction.id, action.id);
        for (const StepSpec& ss : gs.steps) {
            ActionStep s;
            s.case_id = c.id;
            s.goal_id = action.id;
            s.who = ss.who;
            s.what = ss.what;
            s.by_when = ss.by_when;
            if (ss.done) {
                s.status = StepStatus::Done;
                s.done_on = ss.by_when;
            }
            w.put(s);
        }
    }

    for (const auto& [area, text] : f.resources) {
        Resource r;
        r.case_id = c.id;
        r.area = area;
        r.text = text;
        w.put(r);
    }

    if (!f.network.empty()) {
        NetworkMap m;
        m.case_id = c.id;
        m.drawn_on = f.map_drawn_on;
        m.contacts = f.network;
        w.put(m);
    }

    RiskAssessment risk;
    risk.case_id = c.id;
    risk.area = f.area;
    risk.assessed_on = f.assessed_on;
    risk.assessed_by = f.assessed_by;
    risk.reasons = f.reasons;
    w.put(risk);

    if (f.requirement) {
        const RequirementSpec& rs = *f.requirement;
        Requirement q;
        q.case_id = c.id;
        q.reason = rs.reason;
        q.minimum_standard = rs.minimum;
        q.negotiable_way = rs.way;
        q.deadline = rs.deadline;
        q.checked_by = rs.checked_by;
        q.check_method = rs.method;
        q.consequence = rs.consequence;
        w.put(q);
    }

    std::vector<std::string> mandate_ids;
    for (Mandate m : f.mandates) {
        m.case_id = c.id;
        w.put(m);
        mandate_ids.push_back(m.id);
    }
    for (const ProgressSpec& ps : f.progress) {
        ProgressReport r;
        r.case_id = c.id;
        r.written_on = ps.written_on;
        r.author = ps.author;
        r.provider = ps.provider;
        r.period_from = ps.from;
        r.period_to = ps.to;
        r.summary = ps.summary;
        for (const ProgressSpec::Goal& g : ps.goals) {
            const auto& ids = goal_ids.at(std::size_t(g.goal));
            r.entries.push_back({g.action ? ids.second : ids.first, "", g.now, g.happened, g.family_did});
        }
        for (const auto& [m, happened] : ps.mandates)
            r.entries.push_back({"", mandate_ids.at(std::size_t(m)), -1, happened, ""});
        w.put(r);
    }
    for (Measure m : f.measures) {
        m.case_id = c.id;
        w.put(m);
    }

    for (const FeedbackSpec& fs : f.feedback) {
        ServiceFeedback sf;
        sf.case_id = c.id;
        if (fs.service >= 0 && !services.empty()) sf.service_id = services[std::size_t(fs.service) % services.size()];
        sf.status = fs.status;
        sf.barriers = fs.barriers;
        sf.how_it_would_have_to_be = fs.how;
        sf.wanted = fs.wanted;
        sf.recorded_on = f.assessed_on;
        // The offer side's service carries its category; a missing offer (or a service record
        // without one) names it here.
        const sync::Record* service = sf.service_id.empty() ? nullptr : repo.store().get(sf.service_id);
        const std::optional<std::string> category = service ? service->value("category") : std::nullopt;
        if (!category || category->empty()) sf.category = fs.category.empty() ? "other" : fs.category;
        w.put(sf);
    }

    if (!w.ok()) return w.failure();
    if (auto r = batch.commit(); !r) return r.failure();
    return c.id;
}

std::vector<FamilySpec> demo_specs() {
    using B = Barrier;
    std::vector<FamilySpec> out;

    // Garstedt: a mother with three children; the family sets the agenda (Leistungsbereich).
    FamilySpec demir;
    demir.name = "Familie Demir";
    demir.social_space = "Garstedt";
    demir.lead_worker = "A. Brandt (ASD)";
    demir.opened_on = "2026-02-03";
    demir.persons = {{"Elif", "Demir", "1988-05-14", MemberRole::Mother},
                     {"Can", "Demir", "2014-09-02", MemberRole::Child},
                     {"Aylin", "Demir", "2017-03-21", MemberRole::Child},
                     {"Mert", "Demir", "2021-11-30", MemberRole::Child}};
    demir.visits = {
        {ContactKind::HomeVisit, "2026-02-10T15:00", "2026-02-10T16:30", "Wohnung der Familie", ChildSeen::Yes,
         "Erstgespräch, Kinder anwesend",
         {{"Frau Demir erzählt, dass sie nach der Trennung alles allein stemmt. Can hat in der Schule Ärger."},
          {"Frau Demir möchte nicht, dass der Vater von den Schulden erfährt.", true}}},
        {ContactKind::HomeVisit, "2026-03-03T14:00", "2026-03-03T15:15", "Wohnung der Familie", ChildSeen::Yes,
         "Ziele besprochen", {{"Kochgruppe im Stadtteil kennt sie nicht. Sie würde hingehen, wenn Mert mitkommen darf.", false}}},
        {ContactKind::Phone, "2026-03-20T09:30", "", "", ChildSeen::Unknown, "Rückruf zur Hausaufgabenhilfe", {}, false},
    };
    demir.wills = {{0, "Ich will, dass Can wieder gern zur Schule geht.",
                    "Ich rede jede Woche mit seiner Lehrerin und setze mich abends mit ihm an die Hausaufgaben.",
                    "2026-03-03"},
                   {0, "Ich hätte gern mal wieder Zeit für mich.", "", "2026-03-03"}};
    demir.goals = {{0, "Can geht wieder gern zur Schule.", 3, 8, "2026-03-03", "2026-06-03",
                    "Can macht seine Hausaufgaben an vier Tagen in der Woche.", 2, 7,
                    {{"Frau Demir", "Termin mit der Klassenlehrerin vereinbaren", "2026-03-15", true},
                     {"Can", "Hausaufgabenhilfe im Jugendtreff ausprobieren", "2026-04-01"},
                     {"Familienhelferin", "Kontakt zur Hausaufgabenhilfe herstellen", "2026-03-20"}}}};
    demir.resources = {{ResourceArea::Personal, "Frau Demir ist sehr organisiert und hält Termine ein."},
                       {ResourceArea::Social, "Die Schwester wohnt zwei Straßen weiter und holt Mert ab."},
                       {ResourceArea::Material, "Eigenes Zimmer für Can."},
                       {ResourceArea::Infrastructure, "Jugendtreff und Grundschule in fünf Minuten zu Fuß."}};
    demir.map_drawn_on = "2026-03-03";
    demir.network = {{"Tante Derya", NetworkSector::Family, 1, ContactQuality::Supportive, "holt Mert ab"},
                     {"Vater der Kinder", NetworkSector::Family, 2, ContactQuality::Ambivalent, ""},
                     {"Klassenlehrerin", NetworkSector::SchoolWorkClubs, 2, ContactQuality::Stressful, ""},
                     {"Nachbarin Frau Jensen", NetworkSector::FriendsNeighbours, 3, ContactQuality::Supportive, ""}};
    demir.area = RiskArea::Service;
    demir.assessed_on = "2026-02-10";
    demir.assessed_by = "A. Brandt (ASD)";
    demir.mandates = {{{}, "", MandateKind::Family, "Unterstützung bei der Schulsituation von Can", "Frau Demir",
                       "A. Brandt (ASD)", "2026-06-30", MandateStatus::Open}};
    demir.measures = {{{}, "", "16", "Beratung in allgemeinen Fragen der Erziehung", "", "2026-02-10", ""}};
    demir.feedback = {{0, FeedbackStatus::Known, {B::Times}, "Wenn es nach 17 Uhr wäre, wenn ich von der Arbeit komme."},
                      {1, FeedbackStatus::Unknown, {B::NoInformation}, "Man müsste es in der Schule aushängen."},
                      {-1, FeedbackStatus::MissingWanted, {B::Childcare},
                       "Eine Gruppe für Alleinerziehende, wo die Kleinen mitkommen dürfen.",
                       "Treffpunkt für Alleinerziehende mit Kinderbetreuung", "family_centre"}};
    out.push_back(demir);

    // Glashütte/Harksheide-Süd: child at risk (Gefährdungsbereich) with a requirement; a free
    // provider's family help is assigned.
    FamilySpec kowalski;
    kowalski.name = "Familie Kowalski";
    kowalski.social_space = "Glashütte/Harksheide-Süd";
    kowalski.lead_worker = "M. Yilmaz (ASD)";
    kowalski.provider = "org-demo-familienhilfe";
    kowalski.opened_on = "2025-11-18";
    kowalski.persons = {{"Sandra", "Kowalski", "1992-01-09", MemberRole::Mother},
                        {"Tobias", "Kowalski", "1990-07-23", MemberRole::Father},
                        {"Lena", "Kowalski", "2023-04-12", MemberRole::Child}};
    kowalski.visits = {{ContactKind::HomeVisit, "2026-01-12T10:00", "2026-01-12T11:00", "Wohnung der Familie",
                        ChildSeen::Yes, "Hausbesuch nach Meldung der Kita",
                        {{"Lena wirkt müde, Windel lange nicht gewechselt. Kühlschrank fast leer."},
                         {"Herr Kowalski sagt, er schaffe die Nachtschichten nicht mehr.", true}}},
                       {ContactKind::HomeVisit, "2026-02-02T10:00", "2026-02-02T11:30", "Wohnung der Familie",
                        ChildSeen::Yes, "Überprüfung der Auflage",
                        {{"Lena war an 9 von 10 Tagen in der Kita. Versorgung sichtbar besser.", false}}}};
    kowalski.wills = {{0, "Ich will Lena eine gute Mutter sein.",
                       "Ich bringe Lena jeden Morgen bis 9 Uhr in die Kita und gehe zur Elternberatung.", "2026-01-12"},
                      {1, "Ich will eine Arbeit ohne Nachtschicht.", "", "2026-01-12"}};
    kowalski.goals = {{0, "Lena ist gut versorgt und geht gern in die Kita.", 4, 9, "2026-01-12", "2026-04-12",
                       "Lena ist jeden Werktag bis 9 Uhr in der Kita.", 5, 10,
                       {{"Frau Kowalski", "Lena bis 9 Uhr in die Kita bringen", "2026-02-28"},
                        {"Familienhelferin", "Morgenroutine zweimal die Woche begleiten", "2026-02-28"},
                        {"Herr Kowalski", "Termin bei der Schuldnerberatung", "2026-02-15", true}}}};
    kowalski.resources = {{ResourceArea::Personal, "Beide Eltern wollen die Hilfe annehmen."},
                          {ResourceArea::Social, "Großmutter mütterlicherseits kann einspringen."},
                          {ResourceArea::Material, "Kita-Platz vorhanden."},
                          {ResourceArea::Infrastructure, "Familienzentrum im Stadtteil."}};
    kowalski.map_drawn_on = "2026-01-12";
    kowalski.network = {{"Oma Renate", NetworkSector::Family, 1, ContactQuality::Supportive, ""},
                        {"Kita Sonnenschein", NetworkSector::SchoolWorkClubs, 2, ContactQuality::Supportive, ""},
                        {"Arbeitgeber (Schichtleitung)", NetworkSector::SchoolWorkClubs, 3, ContactQuality::Stressful, ""},
                        {"Familienhelferin", NetworkSector::Professionals, 2, ContactQuality::Ambivalent, ""}};
    kowalski.area = RiskArea::Danger;
    kowalski.assessed_on = "2026-01-12";
    kowalski.assessed_by = "M. Yilmaz (ASD)";
    kowalski.reasons = "Vernachlässigung der Versorgung eines Kleinkindes nach Meldung der Kita (§ 8a SGB VIII)";
    kowalski.requirement = RequirementSpec{"Lena war wiederholt unversorgt in der Kita.",
                                           "Lena ist jeden Werktag bis 9 Uhr versorgt in der Kita.",
                                           "Wie die Eltern den Morgen organisieren, entscheiden sie selbst.",
                                           "2026-03-31", "M. Yilmaz (ASD)",
                                           "wöchentliche Rückmeldung der Kita, Hausbesuch alle zwei Wochen",
                                           "Anrufung des Familiengerichts (§ 8a Abs. 2 SGB VIII)"};
    kowalski.mandates = {{{}, "", MandateKind::Change, "Versorgung von Lena sicherstellen", "Jugendamt",
                          "Familienhilfe (freier Träger)", "2026-03-31", MandateStatus::Open}};
    kowalski.measures = {{{}, "", "31", "Sozialpädagogische Familienhilfe", "org-demo-familienhilfe", "2026-01-15", ""}};
    kowalski.progress = {{"2026-02-27", "S. Wagner (Familienhilfe)", "Kinderhaus Nord e. V.", "2026-01-15", "2026-02-27",
                          "Die Familie nimmt die Hilfe gut an; die Morgenroutine trägt an den meisten Tagen.",
                          {{0, false, 6, "Lena kommt an vier von fünf Tagen pünktlich und versorgt in die Kita.",
                            "Frau Kowalski hat einen Wochenplan an den Kühlschrank gehängt und hält ihn ein."},
                           {0, true, 8, "Seit Mitte Februar nur noch ein verspäteter Tag pro Woche.",
                            "Herr Kowalski bringt Lena an seinen Frühschichttagen selbst."}},
                          {{0, "Zweimal wöchentlich morgens begleitet; Rückmeldung der Kita einmal pro Woche eingeholt."}}}};
    kowalski.feedback = {{2, FeedbackStatus::UsedBefore, {B::Distance, B::Times}, "Näher an der Kita, morgens früher."},
                         {0, FeedbackStatus::Used, {}, ""}};
    out.push_back(kowalski);

    // Harksheide-Mitte: an adolescent; the office names its concern (Graubereich).
    FamilySpec petersen;
    petersen.name = "Familie Petersen";
    petersen.social_space = "Harksheide-Mitte";
    petersen.lead_worker = "J. Köhler (ASD)";
    petersen.opened_on = "2026-01-20";
    petersen.status = CaseStatus::Clarification;
    petersen.persons = {{"Kerstin", "Petersen", "1979-10-02", MemberRole::Mother},
                        {"Jonas", "Petersen", "2010-06-17", MemberRole::Child},
                        {"Heinz", "Petersen", "1950-02-11", MemberRole::Grandparent, false}};
    petersen.visits = {{ContactKind::OfficeVisit, "2026-01-27T11:00", "2026-01-27T12:00", "Rathaus, Raum 214",
                        ChildSeen::Yes, "Gespräch mit Mutter und Jonas",
                        {{"Jonas schwänzt seit Wochen. Er sagt, er wolle lieber Geld verdienen."}}}};
    petersen.wills = {{1, "Ich will eine Ausbildung als Kfz-Mechatroniker.",
                       "Ich gehe ab Montag wieder jeden Tag zur Schule und mache ein Praktikum.", "2026-01-27"}};
    petersen.goals = {{0, "Jonas schafft den Schulabschluss und findet einen Ausbildungsplatz.", 2, 8, "2026-01-27",
                       "2026-07-01", "Jonas geht jeden Tag zur Schule.", 3, 9,
                       {{"Jonas", "Praktikumsplatz in einer Werkstatt suchen", "2026-03-01"},
                        {"Opa Heinz", "Jonas morgens zur Schule fahren", "2026-02-15"}}}};
    petersen.resources = {{ResourceArea::Personal, "Jonas schraubt gern an Mopeds."},
                          {ResourceArea::Social, "Der Großvater hat guten Draht zu Jonas."},
                          {ResourceArea::Infrastructure, "Jugendwerkstatt im Stadtteil."}};
    petersen.map_drawn_on = "2026-01-27";
    petersen.network = {{"Opa Heinz", NetworkSector::Family, 1, ContactQuality::Supportive, ""},
                        {"Clique am Bahnhof", NetworkSector::FriendsNeighbours, 1, ContactQuality::Ambivalent, ""},
                        {"Schulsozialarbeit", NetworkSector::Professionals, 3, ContactQuality::Supportive, ""}};
    petersen.area = RiskArea::Grey;
    petersen.assessed_on = "2026-01-27";
    petersen.assessed_by = "J. Köhler (ASD)";
    petersen.reasons = "Anhaltender Schulabsentismus; Mutter erreicht Jonas kaum.";
    petersen.mandates = {{{}, "", MandateKind::Clarification, "Klären, ob Hilfe zur Erziehung nötig ist", "Jugendamt",
                          "J. Köhler (ASD)", "2026-03-15", MandateStatus::Open}};
    petersen.measures = {{{}, "", "30", "Erziehungsbeistand", "", "2026-02-01", ""}};
    petersen.feedback = {{1, FeedbackStatus::Known, {B::Stigma}, "Wenn da nicht nur Problemkinder hingehen."},
                         {-1, FeedbackStatus::MissingWanted, {B::AgeLimit},
                          "Eine Werkstatt, wo man auch mit 15 schon schrauben darf.", "Offene Werkstatt ab 14",
                          "youth_work"}};
    out.push_back(petersen);

    // Friedrichsgabe/Harksheide-Nord: a newly arrived family; language is the barrier.
    FamilySpec haddad;
    haddad.name = "Familie Haddad";
    haddad.social_space = "Friedrichsgabe/Harksheide-Nord";
    haddad.lead_worker = "S. Okafor (ASD)";
    haddad.opened_on = "2026-03-02";
    haddad.persons = {{"Rana", "Haddad", "1991-12-01", MemberRole::Mother},
                      {"Sami", "Haddad", "1987-04-05", MemberRole::Father},
                      {"Nour", "Haddad", "2019-08-19", MemberRole::Child}};
    haddad.visits = {{ContactKind::HomeVisit, "2026-03-09T16:00", "2026-03-09T17:00", "Gemeinschaftsunterkunft",
                      ChildSeen::Yes, "Erstbesuch mit Dolmetscherin",
                      {{"Nour spricht schon gut Deutsch und übersetzt für die Eltern."}}}};
    haddad.wills = {{0, "Ich will Deutsch lernen, damit Nour nicht mehr übersetzen muss.",
                     "Ich melde mich beim Sprachkurs an, wenn es Kinderbetreuung gibt.", "2026-03-09"}};
    haddad.goals = {{0, "Frau Haddad verständigt sich im Alltag selbst.", 1, 6, "2026-03-09", "2026-09-09",
                     "Frau Haddad besucht einen Sprachkurs.", 0, 8,
                     {{"S. Okafor", "Kurs mit Kinderbetreuung heraussuchen", "2026-03-23"}}}};
    haddad.resources = {{ResourceArea::Personal, "Frau Haddad war Lehrerin."},
                        {ResourceArea::Infrastructure, "Familienzentrum mit Elterncafé in der Nähe."}};
    haddad.map_drawn_on = "2026-03-09";
    haddad.network = {{"Cousin in Hamburg", NetworkSector::Family, 3, ContactQuality::Supportive, ""},
                      {"Kita Nord", NetworkSector::SchoolWorkClubs, 2, ContactQuality::Supportive, ""}};
    haddad.area = RiskArea::Service;
    haddad.assessed_on = "2026-03-09";
    haddad.assessed_by = "S. Okafor (ASD)";
    haddad.measures = {{{}, "", "16", "Elternkurs im Familienzentrum", "", "2026-03-16", "2026-06-30"}};
    haddad.feedback = {{2, FeedbackStatus::Unknown, {B::Language, B::NoInformation},
                        "Auf Arabisch erklärt, am besten von jemandem, den man kennt."},
                       {3, FeedbackStatus::Known, {B::Cost}, "Wenn es nichts kostet."}};
    out.push_back(haddad);
    return out;
}

}  // namespace

Result<DemoSummary> write_demo_families(Repository& repository, const std::vector<std::string>& service_ids) {
    if (service_ids.empty()) return {Error::Invalid, "the demo families need at least one service id"};
    DemoSummary summary;
    for (const FamilySpec& f : demo_specs()) {
        auto id = write_family(repository, f, service_ids, summary);
        if (!id) return id.failure();
        summary.case_ids.push_back(*id);
    }
    return summary;
}

Result<DemoSummary> write_scale_cases(Repository& repository, std::size_t cases, std::uint64_t seed,
                                      const std::vector<std::string>& service_ids) {
    static constexpr std::array kSpaces{"Friedrichsgabe/Harksheide-Nord", "Harksheide-Mitte", "Garstedt",
                                        "Glashütte/Harksheide-Süd"};
    static constexpr std::array kFamilies{"Becker", "Schulz", "Arslan", "Nowak", "Hansen", "Meyer", "Öztürk",
                                          "Lange", "Ibrahim", "Wolff", "Krüger", "Petrović"};
    static constexpr std::array kGiven{"Anna", "Ben", "Mia", "Leon", "Emma", "Noah", "Lina", "Elias", "Zeynep", "Yusuf"};
    static constexpr std::array kCategories{"family_centre", "youth_work", "counselling", "daycare", "culture"};
    static constexpr std::array kParagraphs{"16", "27", "29", "30", "31", "32", "33", "34", "35a", "41"};
    std::mt19937_64 rng(seed);
    auto pick = [&](std::size_t n) { return std::size_t(rng() % n); };
    auto date = [&](int month, int day) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "2026-%02d-%02d", month, day);
        return std::string(buf);
    };

    DemoSummary summary;
    for (std::size_t i = 0; i < cases; ++i) {
        FamilySpec f;
        const std::string family = kFamilies[pick(kFamilies.size())];
        f.name = "Familie " + family + " " + std::to_string(i + 1);
        f.social_space = kSpaces[i % kSpaces.size()];
        f.lead_worker = "Fachkraft " + std::to_string(1 + pick(12));
        f.opened_on = date(1, 1 + int(pick(28)));
        const std::size_t persons = 3 + pick(3);
        f.persons.push_back({kGiven[pick(kGiven.size())], family, "1985-03-04", MemberRole::Mother});
        f.persons.push_back({kGiven[pick(kGiven.size())], family, "1984-07-08", MemberRole::Father});
        for (std::size_t p = 2; p < persons; ++p)
            f.persons.push_back({kGiven[pick(kGiven.size())], family, date(1 + int(p), 10), MemberRole::Child});
        for (int v = 0; v < 4; ++v)
            f.visits.push_back({ContactKind::HomeVisit, date(2 + v, 10) + "T15:00", date(2 + v, 10) + "T16:00",
                                "Wohnung", ChildSeen::Yes, "Hausbesuch " + std::to_string(v + 1),
                                {{"Vermerk zum Hausbesuch " + std::to_string(v + 1) + " bei Familie " + family}}});
        f.wills = {{0, "Wir wollen als Familie wieder mehr zusammen unternehmen.", "Ich plane jeden Sonntag einen Ausflug.",
                    date(2, 10)}};
        for (int g = 0; g < 2; ++g)
            f.goals.push_back({g == 0 ? 0 : -1, "Richtungsziel " + std::to_string(g + 1), int(pick(5)), 8 + int(pick(3)),
                               date(2, 10), date(8, 10), "Handlungsziel " + std::to_string(g + 1), int(pick(5)), 9,
                               {{"Mutter", "erster Schritt", date(3, 1)},
                                {"Vater", "zweiter Schritt", date(4, 1)},
                                {"Fachkraft", "dritter Schritt", date(5, 1)}}});
        f.resources = {{ResourceArea::Personal, "Humor"}, {ResourceArea::Social, "Nachbarschaft hilft"}};
        f.map_drawn_on = date(2, 10);
        f.network = {{"Großeltern", NetworkSector::Family, 1, ContactQuality::Supportive, ""},
                     {"Schule", NetworkSector::SchoolWorkClubs, 2, ContactQuality::Ambivalent, ""}};
        const bool danger = i % 10 == 9;
        f.area = danger ? RiskArea::Danger : RiskArea::Service;
        f.assessed_on = date(2, 10);
        f.assessed_by = f.lead_worker;
        f.reasons = danger ? "Gefährdungseinschätzung nach § 8a" : "";
        if (danger)
            f.requirement = RequirementSpec{"Versorgung unzureichend", "tägliche Versorgung gesichert", "",
                                            date(6, 30), f.lead_worker, "Hausbesuche", "Familiengericht"};
        f.measures = {{{}, "", kParagraphs[pick(kParagraphs.size())], "Hilfe", "", date(2, 15), ""}};
        for (int k = 0; k < 3; ++k) {
            const bool missing = service_ids.empty() || k == 2;
            f.feedback.push_back({missing ? -1 : int(pick(service_ids.size())),
                                  missing ? FeedbackStatus::MissingWanted
                                          : all_values<FeedbackStatus>()[pick(4)],
                                  {all_values<Barrier>()[pick(all_values<Barrier>().size())]}, "so wie es ist",
                                  missing ? "ein Angebot in der Nähe" : "", kCategories[pick(kCategories.size())]});
        }
        auto id = write_family(repository, f, service_ids, summary);
        if (!id) return id.failure();
        summary.case_ids.push_back(*id);
    }
    return summary;
}

}  // namespace quartier::domain
