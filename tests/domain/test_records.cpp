// Round trips of every record type through the store (and a reopen), the stored value formats,
// partial saves, unreadable stored values, queries and removal.
#include "domain_fixture.h"

#include <nlohmann/json.hpp>

using namespace quartier;
using namespace quartier::domain;
using quartier::test::DomainFixture;

namespace {

// Saves `record`, loads it back now and after reopening the store, and requires equality.
template <class T>
void round_trip(DomainFixture& f, T record) {
    record = f.saved(record);
    REQUIRE(!record.id.empty());
    auto loaded = f.repo->load<T>(record.id);
    REQUIRE(loaded.ok());
    CHECK(*loaded == record);
    f.reopen();
    auto again = f.repo->load<T>(record.id);
    REQUIRE(again.ok());
    CHECK(*again == record);
}

std::string raw(const DomainFixture& f, const std::string& id, const std::string& field) {
    const sync::Record* r = f.store->get(id);
    REQUIRE(r);
    return r->value(field).value_or("<unset>");
}

}  // namespace

TEST_CASE("Every record type survives save, load and reopen with every field set", "[domain]") {
    DomainFixture f;
    Case c;
    c.name = "Familie Demir";
    c.social_space = "Garstedt";
    c.status = CaseStatus::Transferred;
    c.lead_worker = "A. Brandt";
    c.provider_organization = "org-1";
    c.opened_on = "2026-01-02";
    c.closed_on = "2026-05-06";
    c.transferred_to = "Jugendamt Kreis Segeberg";
    c.retention_class = "case_file";
    c.retention_end = "2036-12-31";
    SECTION("case") { round_trip(f, c); }

    c = f.saved(c);
    const Person mother = f.new_person(c.id, "Elif");
    const Person child = f.new_person(c.id, "Can");

    SECTION("person") {
        Person p;
        p.case_id = c.id;
        p.given_name = "Aylin";
        p.family_name = "Demir";
        p.birth_date = "2017-03-21";
        p.languages = "Türkisch, Deutsch";
        round_trip(f, p);
    }
    SECTION("case member") {
        Person p;
        p.case_id = c.id;
        p.given_name = "Opa";
        p = f.saved(p);
        CaseMember m;
        m.case_id = c.id;
        m.person_id = p.id;
        m.role = MemberRole::Grandparent;
        m.household = false;
        m.note = "kommt sonntags";
        round_trip(f, m);
    }
    SECTION("contact event") {
        ContactEvent e;
        e.case_id = c.id;
        e.kind = ContactKind::HomeVisit;
        e.status = ContactStatus::Final;
        e.started_at = "2026-02-10T15:00";
        e.ended_at = "2026-02-10T16:30";
        e.place = "Wohnung";
        e.worker = "A. Brandt";
        e.participants = {mother.id, child.id};
        e.child_seen = ChildSeen::NotApplicable;
        e.summary = "Erstgespräch";
        round_trip(f, e);
    }
    SECTION("note") {
        Note n;
        n.case_id = c.id;
        n.text = "Frau Demir erzählt „vertraulich“ von Schulden.\nZweite Zeile.";
        n.author = "A. Brandt";
        n.written_at = "2026-02-10T15:20";
        n.entrusted = false;
        round_trip(f, n);
    }
    SECTION("will statement") {
        WillStatement w;
        w.case_id = c.id;
        w.person_id = mother.id;
        w.text = "Ich will, dass Can gern zur Schule geht.";
        w.own_contribution = "Ich rede jede Woche mit der Lehrerin.";
        w.recorded_on = "2026-03-03";
        round_trip(f, w);
    }
    SECTION("goal and action step") {
        Goal d;
        d.case_id = c.id;
        d.text = "Can geht gern zur Schule";
        d.set_on = "2026-03-03";
        d = f.saved(d);
        Goal g;
        g.case_id = c.id;
        g.level = GoalLevel::Action;
        g.parent_goal_id = d.id;
        g.text = "Hausaufgaben an vier Tagen";
        g.scale_now = 0;
        g.scale_target = 7;
        g.status = GoalStatus::Reached;
        g.set_on = "2026-03-03";
        g.review_on = "2026-06-03";
        round_trip(f, g);
        ActionStep s;
        s.case_id = c.id;
        s.goal_id = d.id;
        s.who = "Frau Demir";
        s.what = "Termin mit der Lehrerin";
        s.by_when = "2026-03-15";
        s.status = StepStatus::Done;
        s.done_on = "2026-03-14";
        round_trip(f, s);
    }
    SECTION("resource") {
        Resource r;
        r.case_id = c.id;
        r.person_id = mother.id;
        r.area = ResourceArea::Infrastructure;
        r.text = "Jugendtreff um die Ecke";
        round_trip(f, r);
    }
    SECTION("network map") {
        NetworkMap m;
        m.case_id = c.id;
        m.person_id = child.id;
        m.drawn_on = "2026-03-03";
        m.contacts = {{"Tante Derya", NetworkSector::Family, 1, ContactQuality::Supportive, "holt ab"},
                      {"Lehrerin", NetworkSector::SchoolWorkClubs, 3, ContactQuality::Stressful, ""},
                      {"Verein", NetworkSector::FriendsNeighbours, 2, ContactQuality::Ambivalent, ""},
                      {"ASD", NetworkSector::Professionals, 2, ContactQuality::Supportive, ""}};
        round_trip(f, m);
    }
    SECTION("service feedback") {
        const std::string service = f.service("Kochgruppe", "family_education");
        ServiceFeedback s;
        s.case_id = c.id;
        s.service_id = service;
        s.social_space = "Garstedt";
        s.category = "family_education";
        s.status = FeedbackStatus::UsedBefore;
        s.barriers = {Barrier::Cost, Barrier::WaitingTime, Barrier::AgeLimit};
        s.how_it_would_have_to_be = "Wenn die Kleinen mitkommen dürfen.";
        s.recorded_on = "2026-03-03";
        round_trip(f, s);
    }
    SECTION("risk assessment, mandate and requirement") {
        RiskAssessment r;
        r.case_id = c.id;
        r.area = RiskArea::Danger;
        r.assessed_on = "2026-01-12";
        r.assessed_by = "M. Yilmaz";
        r.reasons = "§8a";
        round_trip(f, r);
        Mandate m;
        m.case_id = c.id;
        m.kind = MandateKind::Change;
        m.text = "Versorgung sicherstellen";
        m.given_by = "Jugendamt";
        m.given_to = "Familienhilfe";
        m.due_on = "2026-03-31";
        m.status = MandateStatus::Done;
        round_trip(f, m);
        Requirement q = quartier::test::valid_requirement(c.id);
        q.status = RequirementStatus::Met;
        round_trip(f, q);
    }
    SECTION("measure") {
        Measure m;
        m.case_id = c.id;
        m.paragraph = "35a";
        m.title = "Eingliederungshilfe";
        m.provider_organization = "org-2";
        m.start = "2026-02-01";
        m.end = "2026-12-31";
        round_trip(f, m);
    }
}

TEST_CASE("Stored values use the documented formats", "[domain]") {
    DomainFixture f;
    Case c = f.new_case();
    const std::string service = f.service("Elterncafé", "family_education");
    ServiceFeedback s;
    s.case_id = c.id;
    s.service_id = service;
    s.status = FeedbackStatus::MissingWanted;
    s.barriers = {Barrier::NoInformation, Barrier::Childcare};
    s.recorded_on = "2026-03-03";
    s = f.saved(s);
    CHECK(raw(f, s.id, "status") == "missing_wanted");
    CHECK(nlohmann::json::parse(raw(f, s.id, "barriers")) == nlohmann::json::array({"no_information", "childcare"}));
    // Filled in from the case and the service.
    CHECK(raw(f, s.id, "social_space") == "Garstedt");
    CHECK(raw(f, s.id, "category") == "family_centre");  // the service's older id, written as its successor
    CHECK(raw(f, c.id, "status") == "active");

    Goal g;
    g.case_id = c.id;
    g.text = "Ziel";
    g.scale_now = 3;
    g.set_on = "2026-03-03";
    g = f.saved(g);
    CHECK(raw(f, g.id, "scale_now") == "3");
    CHECK(raw(f, g.id, "level") == "direction");

    NetworkMap m;
    m.case_id = c.id;
    m.drawn_on = "2026-03-03";
    m.contacts = {{"Oma", NetworkSector::Family, 2, ContactQuality::Ambivalent, ""}};
    m = f.saved(m);
    const auto contacts = nlohmann::json::parse(raw(f, m.id, "contacts"));
    REQUIRE(contacts.size() == 1);
    CHECK(contacts[0]["name"] == "Oma");
    CHECK(contacts[0]["sector"] == "family");
    CHECK(contacts[0]["distance"] == 2);
    CHECK(contacts[0]["quality"] == "ambivalent");
}

TEST_CASE("A save writes only the fields that changed, and nothing when nothing did", "[domain]") {
    DomainFixture f;
    Case c = f.new_case();
    const std::size_t before = f.ops();
    REQUIRE(f.repo->save(c).ok());
    CHECK(f.ops() == before);
    c.status = CaseStatus::Clarification;
    REQUIRE(f.repo->save(c).ok());
    CHECK(f.ops() == before + 1);
    auto loaded = f.repo->load<Case>(c.id);
    REQUIRE(loaded.ok());
    CHECK(loaded->status == CaseStatus::Clarification);
}

TEST_CASE("A stored value this build cannot read is kept, not overwritten", "[domain]") {
    DomainFixture f;
    Case c = f.new_case();
    const std::string service = f.service("Treff", "youth_work");
    ServiceFeedback s;
    s.case_id = c.id;
    s.service_id = service;
    s.recorded_on = "2026-03-03";
    s = f.saved(s);
    {
        sync::Writer w(*f.store);  // a newer version wrote values this one does not know
        REQUIRE(w.set("service_feedback", s.id, "status", "recommended_by_friends").ok());
        REQUIRE(w.set("service_feedback", s.id, "barriers", "[\"cost\", \"parking\"]").ok());
        REQUIRE(w.commit().ok());
    }
    auto loaded = f.repo->load<ServiceFeedback>(s.id);
    REQUIRE(loaded.ok());
    CHECK(loaded->unreadable == std::vector<std::string>{"status", "barriers"});
    CHECK(loaded->status == FeedbackStatus::Known);
    CHECK(loaded->barriers.empty());
    loaded->how_it_would_have_to_be = "näher";
    REQUIRE(f.repo->save(*loaded).ok());
    CHECK(raw(f, s.id, "status") == "recommended_by_friends");
    CHECK(raw(f, s.id, "barriers") == "[\"cost\", \"parking\"]");
    CHECK(raw(f, s.id, "how_it_would_have_to_be") == "näher");
}

TEST_CASE("Load refuses unknown ids and records of another type", "[domain]") {
    DomainFixture f;
    Case c = f.new_case();
    auto none = f.repo->load<Case>("no-such-id");
    REQUIRE(!none.ok());
    CHECK(none.error() == Error::NotFound);
    auto wrong = f.repo->load<Person>(c.id);
    REQUIRE(!wrong.ok());
    CHECK(wrong.error() == Error::WrongType);

    Person p;
    p.id = c.id;  // saving over a record of another type
    p.case_id = c.id;
    p.given_name = "X";
    auto r = f.repo->save(p);
    REQUIRE(!r.ok());
    CHECK(r.error() == Error::WrongType);
    Person q;
    q.id = "never-saved";
    q.case_id = c.id;
    q.given_name = "Y";
    auto n = f.repo->save(q);
    REQUIRE(!n.ok());
    CHECK(n.error() == Error::NotFound);
}

TEST_CASE("Queries return a case's records in their documented order", "[domain]") {
    DomainFixture f;
    Case a = f.new_case("Familie A", "Garstedt");
    Case b = f.new_case("Familie B", "Harksheide-Mitte");
    const Person pa = f.new_person(a.id, "Zoe");
    Person child;
    child.case_id = a.id;
    child.given_name = "Ali";
    child = f.saved(child);
    CaseMember cm;
    cm.case_id = a.id;
    cm.person_id = child.id;
    cm.role = MemberRole::Child;
    f.saved(cm);
    f.new_person(b.id, "Bea");

    auto members = f.repo->members(a.id);
    REQUIRE(members.size() == 2);
    CHECK(members[0].person.given_name == "Zoe");  // mother before child
    CHECK(members[1].person.given_name == "Ali");
    CHECK(f.repo->members(b.id).size() == 1);

    for (const char* at : {"2026-02-01T10:00", "2026-03-01T10:00", "2026-01-01T10:00"})
        REQUIRE(f.repo->start_visit(a.id, ContactKind::HomeVisit, at, "A. Brandt").ok());
    auto visits = f.repo->contact_events(a.id);
    REQUIRE(visits.size() == 3);
    CHECK(visits[0].started_at == "2026-03-01T10:00");
    CHECK(visits[2].started_at == "2026-01-01T10:00");
    CHECK(f.repo->contact_events(b.id).empty());

    f.assess(a.id, RiskArea::Grey, "2026-02-01");
    f.assess(a.id, RiskArea::Service, "2026-03-01");
    f.assess(a.id, RiskArea::Danger, "2026-01-01");
    auto current = f.repo->current_risk(a.id);
    REQUIRE(current);
    CHECK(current->area == RiskArea::Service);
    CHECK(f.repo->risk_assessments(a.id).front().assessed_on == "2026-01-01");
    CHECK(!f.repo->current_risk(b.id));

    Case org = f.new_case("Familie C", "Garstedt");
    org.provider_organization = "org-7";
    REQUIRE(f.repo->save(org).ok());
    auto assigned = f.repo->cases_for_provider("org-7");
    REQUIRE(assigned.size() == 1);
    CHECK(assigned[0].id == org.id);
    CHECK(f.repo->cases_for_provider("org-8").empty());
    CHECK(f.repo->cases_for_provider("").empty());
    auto all = f.repo->cases();
    REQUIRE(all.size() == 3);
    CHECK(all[0].name == "Familie A");
}

TEST_CASE("Removing a goal removes its action goals and steps in one commit", "[domain]") {
    DomainFixture f;
    Case c = f.new_case();
    Goal d;
    d.case_id = c.id;
    d.text = "Richtung";
    d.set_on = "2026-03-01";
    d = f.saved(d);
    Goal a;
    a.case_id = c.id;
    a.level = GoalLevel::Action;
    a.parent_goal_id = d.id;
    a.text = "Handlung";
    a.set_on = "2026-03-01";
    a = f.saved(a);
    ActionStep s1, s2;
    for (ActionStep* s : {&s1, &s2}) {
        s->case_id = c.id;
        s->who = "Mutter";
        s->what = "anrufen";
        s->by_when = "2026-04-01";
    }
    s1.goal_id = d.id;
    s2.goal_id = a.id;
    s1 = f.saved(s1);
    s2 = f.saved(s2);
    Goal other = d;
    other.id.clear();
    other = f.saved(other);

    REQUIRE(f.repo->remove(d.id).ok());
    CHECK(f.repo->goals(c.id) == std::vector<Goal>{f.repo->load<Goal>(other.id).value()});
    CHECK(f.repo->action_steps(d.id).empty());
    CHECK(f.repo->action_steps(a.id).empty());
    CHECK(f.store->get(s2.id)->deleted());
    auto again = f.repo->remove(d.id);
    REQUIRE(!again.ok());
    CHECK(again.error() == Error::NotFound);
}

TEST_CASE("Enumerations parse exactly their stored identifiers", "[domain]") {
    for (CaseStatus s : all_values<CaseStatus>()) CHECK(parse<CaseStatus>(to_string(s)) == s);
    for (Barrier b : all_values<Barrier>()) CHECK(parse<Barrier>(to_string(b)) == b);
    for (FeedbackStatus s : all_values<FeedbackStatus>()) CHECK(parse<FeedbackStatus>(to_string(s)) == s);
    for (RiskArea a : all_values<RiskArea>()) CHECK(parse<RiskArea>(to_string(a)) == a);
    CHECK(all_values<CaseStatus>().size() == 5);
    CHECK(all_values<Barrier>().size() == 9);
    CHECK(!parse<CaseStatus>(""));
    CHECK(!parse<CaseStatus>("Active"));
    CHECK(!parse<Barrier>("cost "));
    CHECK(to_string(CaseStatus::Clarification) == "clarification");
    CHECK(to_string(FeedbackStatus::MissingWanted) == "missing_wanted");
}

TEST_CASE("Dates and times are checked as calendar values", "[domain]") {
    CHECK(valid_date("2026-02-28"));
    CHECK(valid_date("2024-02-29"));
    CHECK(!valid_date("2026-02-29"));
    CHECK(!valid_date("2100-02-29"));
    CHECK(valid_date("2000-02-29"));
    CHECK(!valid_date("2026-13-01"));
    CHECK(!valid_date("2026-04-31"));
    CHECK(!valid_date("2026-4-01"));
    CHECK(!valid_date("26-04-01"));
    CHECK(!valid_date("2026-04-01T10:00"));
    CHECK(!valid_date(""));
    CHECK(valid_time("2026-04-01T23:59"));
    CHECK(!valid_time("2026-04-01T24:00"));
    CHECK(!valid_time("2026-04-01 10:00"));
    CHECK(!valid_time("2026-04-01T10:60"));
    CHECK(!valid_time("2026-04-31T10:00"));
    CHECK(valid_token("case_file"));
    CHECK(!valid_token("Case-File"));
    CHECK(!valid_token(""));
}

TEST_CASE("Queries follow changes written behind the repository's back", "[domain]") {
    DomainFixture f;
    Case c = f.new_case();
    f.new_person(c.id, "Elif");
    REQUIRE(f.repo->members(c.id).size() == 1);  // the index is built now
    std::string member;
    {
        sync::Writer w(*f.store);  // another writer on the same store (the CLI, a sync ingest)
        auto p = w.set("person", {}, "case_id", c.id);
        REQUIRE(p.ok());
        REQUIRE(w.set("person", *p, "given_name", "Can").ok());
        auto m = w.set("case_member", {}, "case_id", c.id);
        REQUIRE(m.ok());
        REQUIRE(w.set("case_member", *m, "person_id", *p).ok());
        REQUIRE(w.set("case_member", *m, "role", "child").ok());
        REQUIRE(w.commit().ok());
        member = *m;
    }
    auto members = f.repo->members(c.id);
    REQUIRE(members.size() == 2);
    CHECK(members[1].person.given_name == "Can");
    {
        sync::Writer w(*f.store);
        REQUIRE(w.remove(member).ok());
        REQUIRE(w.commit().ok());
    }
    CHECK(f.repo->members(c.id).size() == 1);
    {
        sync::Writer w(*f.store);  // an assignment written elsewhere shows in the provider query
        REQUIRE(w.set("case", c.id, "provider_organization", "org-9").ok());
        REQUIRE(w.commit().ok());
    }
    CHECK(f.repo->cases_for_provider("org-9").size() == 1);
}
