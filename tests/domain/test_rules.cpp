// Every validation rule of docs/domain.md as a table: one row per broken rule, each asserting the
// issue's field and reason, that save() refuses with Error::Invalid, and that nothing was written.
#include "domain_fixture.h"

#include <functional>

using namespace quartier;
using namespace quartier::domain;
using quartier::test::DomainFixture;

namespace {

template <class T>
struct Row {
    const char* name;
    std::function<void(T&)> mutate;
    std::string field;
    Reason reason;
};

bool has(const Issues& issues, const std::string& field, Reason reason) {
    for (const Issue& i : issues)
        if (i.field == field && i.reason == reason) return true;
    return false;
}

template <class T>
void run_table(DomainFixture& f, const T& baseline, const std::vector<Row<T>>& rows) {
    {
        INFO("baseline: " << describe(f.repo->check(baseline)));
        REQUIRE(f.repo->check(baseline).empty());
    }
    for (const Row<T>& row : rows) {
        INFO(T::kType << ": " << row.name);
        T record = baseline;
        row.mutate(record);
        const Issues issues = f.repo->check(record);
        INFO("issues: " << describe(issues));
        CHECK(has(issues, row.field, row.reason));
        const std::size_t before = f.ops();
        const std::string id_before = record.id;
        Issues reported;
        auto r = f.repo->save(record, SaveOptions{nullptr, &reported, {}});
        REQUIRE(!r.ok());
        CHECK(r.error() == Error::Invalid);
        CHECK(reported == issues);
        CHECK(r.detail().find(row.field) != std::string::npos);
        CHECK(f.ops() == before);  // nothing written
        CHECK(record.id == id_before);
    }
}

struct World {
    DomainFixture f;
    Case c, other;
    Person mother, stranger;
    std::string service;
    World() {
        c = f.new_case("Familie Demir", "Garstedt");
        other = f.new_case("Familie Fremd", "Harksheide-Mitte");
        mother = f.new_person(c.id, "Elif");
        stranger = f.new_person(other.id, "Fremd");
        service = f.service("Kochgruppe", "family_education");
    }
};

}  // namespace

TEST_CASE("Case rules", "[domain][rules]") {
    World w;
    Case base;
    base.name = "Familie Neu";
    base.social_space = "Glashütte/Harksheide-Süd";
    base.status = CaseStatus::Active;
    base.lead_worker = "A. Brandt";
    base.opened_on = "2026-02-01";
    run_table<Case>(w.f, base, {
        {"no name", [](Case& c) { c.name = "  "; }, "name", Reason::Required},
        {"no social space", [](Case& c) { c.social_space = ""; }, "social_space", Reason::Required},
        {"active without lead worker", [](Case& c) { c.lead_worker = ""; }, "lead_worker", Reason::Required},
        {"no opening date", [](Case& c) { c.opened_on = ""; }, "opened_on", Reason::Required},
        {"opening date malformed", [](Case& c) { c.opened_on = "01.02.2026"; }, "opened_on", Reason::Malformed},
        {"closed without date", [](Case& c) { c.status = CaseStatus::Closed; }, "closed_on", Reason::Required},
        {"closed before opened", [](Case& c) { c.status = CaseStatus::Closed; c.closed_on = "2026-01-31"; },
         "closed_on", Reason::BeforeStart},
        {"transferred without destination",
         [](Case& c) { c.status = CaseStatus::Transferred; c.closed_on = "2026-03-01"; }, "transferred_to", Reason::Required},
        {"retention class not a token", [](Case& c) { c.retention_class = "Akte 10 Jahre"; }, "retention_class",
         Reason::Malformed},
        {"retention end malformed", [](Case& c) { c.retention_end = "2036-02-30"; }, "retention_end", Reason::Malformed},
        {"retention end before opening", [](Case& c) { c.retention_end = "2020-01-01"; }, "retention_end",
         Reason::BeforeStart},
        {"provider is a person", [&](Case& c) { c.provider_organization = w.mother.id; }, "provider_organization",
         Reason::UnknownReference},
        {"invalid UTF-8", [](Case& c) { c.name = "Familie \xff"; }, "name", Reason::Malformed},
    });
    Case fresh = base;
    fresh.status = CaseStatus::New;
    fresh.lead_worker = "";
    CHECK(w.f.repo->check(fresh).empty());  // a new case may wait for its lead worker
}

TEST_CASE("Person and member rules", "[domain][rules]") {
    World w;
    Person p;
    p.case_id = w.c.id;
    p.given_name = "Can";
    run_table<Person>(w.f, p, {
        {"no case", [](Person& p) { p.case_id = ""; }, "case_id", Reason::Required},
        {"unknown case", [](Person& p) { p.case_id = "nope"; }, "case_id", Reason::UnknownReference},
        {"case id names a person", [&](Person& p) { p.case_id = w.mother.id; }, "case_id", Reason::UnknownReference},
        {"no name at all", [](Person& p) { p.given_name = ""; }, "given_name", Reason::Required},
        {"birth date malformed", [](Person& p) { p.birth_date = "2014"; }, "birth_date", Reason::Malformed},
        {"moved to another case", [&](Person& p) { p.id = w.mother.id; p.case_id = w.other.id; }, "case_id",
         Reason::Immutable},
    });
    Person free;
    free.case_id = w.c.id;
    free.given_name = "Aylin";
    free = w.f.saved(free);
    CaseMember m;
    m.case_id = w.c.id;
    m.person_id = free.id;
    m.role = MemberRole::Child;
    run_table<CaseMember>(w.f, m, {
        {"no person", [](CaseMember& m) { m.person_id = ""; }, "person_id", Reason::Required},
        {"unknown person", [](CaseMember& m) { m.person_id = "nope"; }, "person_id", Reason::UnknownReference},
        {"person of another case", [&](CaseMember& m) { m.person_id = w.stranger.id; }, "person_id", Reason::OtherCase},
        {"person already a member", [&](CaseMember& m) { m.person_id = w.mother.id; }, "person_id", Reason::Duplicate},
    });
}

TEST_CASE("Contact event rules for drafts and final events", "[domain][rules]") {
    World w;
    ContactEvent e;
    e.case_id = w.c.id;
    e.started_at = "2026-02-10T15:00";
    run_table<ContactEvent>(w.f, e, {
        {"draft without start", [](ContactEvent& e) { e.started_at = ""; }, "started_at", Reason::Required},
        {"start malformed", [](ContactEvent& e) { e.started_at = "2026-02-10 15:00"; }, "started_at", Reason::Malformed},
        {"end before start", [](ContactEvent& e) { e.ended_at = "2026-02-10T14:00"; }, "ended_at", Reason::BeforeStart},
        {"participant of another case", [&](ContactEvent& e) { e.participants = {w.stranger.id}; }, "participants[0]",
         Reason::OtherCase},
        {"participant twice", [&](ContactEvent& e) { e.participants = {w.mother.id, w.mother.id}; }, "participants[1]",
         Reason::Duplicate},
        {"final without end", [&](ContactEvent& e) {
             e.status = ContactStatus::Final; e.participants = {w.mother.id}; e.child_seen = ChildSeen::Yes; },
         "ended_at", Reason::Required},
        {"final without participants", [](ContactEvent& e) {
             e.status = ContactStatus::Final; e.ended_at = "2026-02-10T16:00"; e.child_seen = ChildSeen::No; },
         "participants", Reason::Required},
        {"final home visit without child seen", [&](ContactEvent& e) {
             e.status = ContactStatus::Final; e.ended_at = "2026-02-10T16:00"; e.participants = {w.mother.id}; },
         "child_seen", Reason::Required},
        // Kind gesehen per child (docs/domain.md).
        {"child seen of another case", [&](ContactEvent& e) { e.children_seen = {w.stranger.id}; }, "children_seen[0]",
         Reason::OtherCase},
        {"child not seen twice", [&](ContactEvent& e) { e.children_not_seen = {w.mother.id, w.mother.id}; },
         "children_not_seen[1]", Reason::Duplicate},
        {"child seen and not seen", [&](ContactEvent& e) {
             e.children_seen = {w.mother.id}; e.children_not_seen = {w.mother.id}; }, "children_not_seen[0]",
         Reason::NotAllowed},
        {"a child not seen, the visit says yes", [&](ContactEvent& e) {
             e.children_not_seen = {w.mother.id}; e.child_seen = ChildSeen::Yes; }, "child_seen", Reason::NotAllowed},
        {"every child seen, the visit says no", [&](ContactEvent& e) {
             e.children_seen = {w.mother.id}; e.child_seen = ChildSeen::No; }, "child_seen", Reason::NotAllowed},
    });
    // A phone call needs no answer on the child.
    ContactEvent call = e;
    call.kind = ContactKind::Phone;
    call.status = ContactStatus::Final;
    call.ended_at = "2026-02-10T15:10";
    call.participants = {w.mother.id};
    CHECK(w.f.repo->check(call).empty());
}

TEST_CASE("A draft visit is stored as typed and finalised once complete", "[domain][rules]") {
    World w;
    auto started = w.f.repo->start_visit(w.c.id, ContactKind::HomeVisit, "2026-02-10T15:00", "A. Brandt");
    REQUIRE(started.ok());
    ContactEvent e = *started;
    CHECK(e.status == ContactStatus::Draft);
    // Every edit is its own commit: a killed app keeps what was typed until then.
    e.place = "Wohnung";
    REQUIRE(w.f.repo->save(e).ok());
    e.summary = "Erstgespräch, Kinder";
    REQUIRE(w.f.repo->save(e).ok());
    w.f.reopen();
    auto loaded = w.f.repo->load<ContactEvent>(e.id);
    REQUIRE(loaded.ok());
    CHECK(loaded->summary == "Erstgespräch, Kinder");
    CHECK(loaded->place == "Wohnung");

    const Issues missing = w.f.repo->check_final(*loaded);
    CHECK(has(missing, "ended_at", Reason::Required));
    CHECK(has(missing, "participants", Reason::Required));
    CHECK(has(missing, "child_seen", Reason::Required));
    Issues reported;
    auto refused = w.f.repo->finalise(e.id, SaveOptions{nullptr, &reported, {}});
    REQUIRE(!refused.ok());
    CHECK(refused.error() == Error::Invalid);
    CHECK(reported == missing);
    CHECK(w.f.repo->load<ContactEvent>(e.id)->status == ContactStatus::Draft);

    loaded->ended_at = "2026-02-10T16:00";
    loaded->participants = {w.mother.id};
    loaded->child_seen = ChildSeen::Yes;
    REQUIRE(w.f.repo->save(*loaded).ok());
    REQUIRE(w.f.repo->finalise(e.id).ok());
    ContactEvent final = w.f.repo->load<ContactEvent>(e.id).value();
    CHECK(final.status == ContactStatus::Final);
    // A final event is checked in full from now on and does not become a draft again.
    final.participants.clear();
    CHECK(has(w.f.repo->check(final), "participants", Reason::Required));
    final = w.f.repo->load<ContactEvent>(e.id).value();
    final.status = ContactStatus::Draft;
    CHECK(has(w.f.repo->check(final), "status", Reason::NotAllowed));
    auto gone = w.f.repo->finalise("no-such-visit");
    REQUIRE(!gone.ok());
    CHECK(gone.error() == Error::NotFound);
}

TEST_CASE("Note rules", "[domain][rules]") {
    World w;
    auto visit = w.f.repo->start_visit(w.other.id, ContactKind::HomeVisit, "2026-02-10T15:00", "A");
    REQUIRE(visit.ok());
    Note n;
    n.case_id = w.c.id;
    n.text = "Vermerk";
    n.written_at = "2026-02-10T15:30";
    run_table<Note>(w.f, n, {
        {"empty text", [](Note& n) { n.text = "\n "; }, "text", Reason::Required},
        {"no time", [](Note& n) { n.written_at = ""; }, "written_at", Reason::Required},
        {"a date is not a time", [](Note& n) { n.written_at = "2026-02-10"; }, "written_at", Reason::Malformed},
        {"visit of another case", [&](Note& n) { n.contact_event_id = visit->id; }, "contact_event_id",
         Reason::OtherCase},
        {"visit id names a person", [&](Note& n) { n.contact_event_id = w.mother.id; }, "contact_event_id",
         Reason::UnknownReference},
    });
    CHECK(Note{}.entrusted);  // anvertraut unless the worker says otherwise
}

TEST_CASE("A will statement without own contribution is a wish, and goals build on wills only", "[domain][rules]") {
    World w;
    WillStatement s;
    s.case_id = w.c.id;
    s.person_id = w.mother.id;
    s.text = "Ich will eine Arbeit ohne Nachtschicht.";
    s.recorded_on = "2026-03-03";
    run_table<WillStatement>(w.f, s, {
        {"no person", [](WillStatement& s) { s.person_id = ""; }, "person_id", Reason::Required},
        {"person of another case", [&](WillStatement& s) { s.person_id = w.stranger.id; }, "person_id", Reason::OtherCase},
        {"no text", [](WillStatement& s) { s.text = ""; }, "text", Reason::Required},
        {"no date", [](WillStatement& s) { s.recorded_on = ""; }, "recorded_on", Reason::Required},
    });
    CHECK(!s.is_will());
    s.own_contribution = "   ";
    CHECK(!s.is_will());
    WillStatement wish = w.f.saved(s);
    s.id.clear();
    s.own_contribution = "Ich frage bei der Schichtleitung nach.";
    CHECK(s.is_will());
    WillStatement will = w.f.saved(s);

    Goal g;
    g.case_id = w.c.id;
    g.text = "Arbeit ohne Nachtschicht";
    g.set_on = "2026-03-03";
    g.will_statement_id = will.id;
    REQUIRE(w.f.repo->check(g).empty());
    g.will_statement_id = wish.id;
    CHECK(has(w.f.repo->check(g), "will_statement_id", Reason::IsWish));
    // Adding the own contribution turns the wish into a will: now the goal may build on it.
    wish.own_contribution = "Ich schreibe drei Bewerbungen.";
    REQUIRE(w.f.repo->save(wish).ok());
    CHECK(w.f.repo->check(g).empty());
}

TEST_CASE("Goal and action step rules", "[domain][rules]") {
    World w;
    Goal direction;
    direction.case_id = w.c.id;
    direction.text = "Richtung";
    direction.set_on = "2026-03-01";
    direction = w.f.saved(direction);
    Goal action;
    action.case_id = w.c.id;
    action.level = GoalLevel::Action;
    action.parent_goal_id = direction.id;
    action.text = "Handlung";
    action.set_on = "2026-03-01";
    Goal foreign;
    foreign.case_id = w.other.id;
    foreign.text = "fremd";
    foreign.set_on = "2026-03-01";
    foreign = w.f.saved(foreign);
    Goal saved_action = w.f.saved(action);
    run_table<Goal>(w.f, action, {
        {"no text", [](Goal& g) { g.text = ""; }, "text", Reason::Required},
        {"scale below 0", [](Goal& g) { g.scale_now = -1; }, "scale_now", Reason::OutOfRange},
        {"scale above 10", [](Goal& g) { g.scale_target = 11; }, "scale_target", Reason::OutOfRange},
        {"no date", [](Goal& g) { g.set_on = ""; }, "set_on", Reason::Required},
        {"review before set", [](Goal& g) { g.review_on = "2026-02-01"; }, "review_on", Reason::BeforeStart},
        {"action goal without parent", [](Goal& g) { g.parent_goal_id = ""; }, "parent_goal_id", Reason::Required},
        {"parent of another case", [&](Goal& g) { g.parent_goal_id = foreign.id; }, "parent_goal_id", Reason::OtherCase},
        {"parent is an action goal", [&](Goal& g) { g.parent_goal_id = saved_action.id; }, "parent_goal_id",
         Reason::NotAllowed},
        {"direction goal with a parent", [&](Goal& g) { g.level = GoalLevel::Direction; }, "parent_goal_id",
         Reason::NotAllowed},
        {"will statement unknown", [](Goal& g) { g.will_statement_id = "nope"; }, "will_statement_id",
         Reason::UnknownReference},
    });
    CHECK(has(w.f.repo->check([&] { Goal g = saved_action; g.parent_goal_id = g.id; return g; }()), "parent_goal_id",
              Reason::NotAllowed));

    ActionStep s;
    s.case_id = w.c.id;
    s.goal_id = saved_action.id;
    s.who = "Frau Demir";
    s.what = "Lehrerin anrufen";
    s.by_when = "2026-03-15";
    run_table<ActionStep>(w.f, s, {
        {"no goal", [](ActionStep& s) { s.goal_id = ""; }, "goal_id", Reason::Required},
        {"goal of another case", [&](ActionStep& s) { s.goal_id = foreign.id; }, "goal_id", Reason::OtherCase},
        {"no who", [](ActionStep& s) { s.who = ""; }, "who", Reason::Required},
        {"no what", [](ActionStep& s) { s.what = " "; }, "what", Reason::Required},
        {"no deadline", [](ActionStep& s) { s.by_when = ""; }, "by_when", Reason::Required},
        {"deadline malformed", [](ActionStep& s) { s.by_when = "bald"; }, "by_when", Reason::Malformed},
        {"done without date", [](ActionStep& s) { s.status = StepStatus::Done; }, "done_on", Reason::Required},
    });
}

TEST_CASE("Resource and network map rules", "[domain][rules]") {
    World w;
    Resource r;
    r.case_id = w.c.id;
    r.area = ResourceArea::Social;
    r.text = "Schwester hilft";
    run_table<Resource>(w.f, r, {
        {"no text", [](Resource& r) { r.text = ""; }, "text", Reason::Required},
        {"person of another case", [&](Resource& r) { r.person_id = w.stranger.id; }, "person_id", Reason::OtherCase},
    });
    NetworkMap m;
    m.case_id = w.c.id;
    m.drawn_on = "2026-03-03";
    m.contacts = {{"Oma", NetworkSector::Family, 1, ContactQuality::Supportive, ""},
                  {"Kita", NetworkSector::SchoolWorkClubs, 3, ContactQuality::Ambivalent, ""}};
    run_table<NetworkMap>(w.f, m, {
        {"no date", [](NetworkMap& m) { m.drawn_on = ""; }, "drawn_on", Reason::Required},
        {"ring 0", [](NetworkMap& m) { m.contacts[1].distance = 0; }, "contacts[1].distance", Reason::OutOfRange},
        {"ring 4", [](NetworkMap& m) { m.contacts[0].distance = 4; }, "contacts[0].distance", Reason::OutOfRange},
        {"contact without name", [](NetworkMap& m) { m.contacts[1].name = ""; }, "contacts[1].name", Reason::Required},
        {"contact name not UTF-8", [](NetworkMap& m) { m.contacts[0].name = "\xc3"; }, "contacts", Reason::Malformed},
    });
}

TEST_CASE("Service feedback rules", "[domain][rules]") {
    World w;
    ServiceFeedback s;
    s.case_id = w.c.id;
    s.service_id = w.service;
    s.status = FeedbackStatus::Used;
    s.recorded_on = "2026-03-03";
    const std::string uncategorised = w.f.service("Neues Angebot", "");
    run_table<ServiceFeedback>(w.f, s, {
        {"known offer without service", [](ServiceFeedback& s) { s.service_id = ""; }, "service_id", Reason::Required},
        {"service id names a person", [&](ServiceFeedback& s) { s.service_id = w.mother.id; }, "service_id",
         Reason::UnknownReference},
        {"missing offer without what is wanted",
         [](ServiceFeedback& s) { s.status = FeedbackStatus::MissingWanted; s.service_id = ""; s.category = "childcare"; },
         "wanted", Reason::Required},
        {"no category anywhere", [&](ServiceFeedback& s) { s.service_id = uncategorised; }, "category", Reason::Required},
        {"a category outside the offer vocabulary", [](ServiceFeedback& s) { s.category = "carsharing"; }, "category",
         Reason::UnknownValue},
        {"a barrier twice", [](ServiceFeedback& s) { s.barriers = {Barrier::Cost, Barrier::Times, Barrier::Cost}; },
         "barriers[2]", Reason::Duplicate},
        {"no date", [](ServiceFeedback& s) { s.recorded_on = ""; }, "recorded_on", Reason::Required},
        {"a how category without the answer it summarises",
         [](ServiceFeedback& s) { s.how_category = HowCategory::Closer; }, "how_category", Reason::NotAllowed},
        {"a how category over a blank answer",
         [](ServiceFeedback& s) { s.how_category = HowCategory::OtherTimes; s.how_it_would_have_to_be = " \n"; },
         "how_category", Reason::NotAllowed},
        {"an offer on the map named as if it were not",
         [](ServiceFeedback& s) { s.offer_name = "Fußball im Park"; }, "offer_name", Reason::NotAllowed},
        {"a missing offer named as an unlisted one",
         [](ServiceFeedback& s) { s.status = FeedbackStatus::MissingWanted; s.service_id = ""; s.category = "sports";
                                  s.wanted = "Fußball"; s.offer_name = "Fußball im Park"; },
         "offer_name", Reason::NotAllowed},
        {"an unlisted offer the family does not know",
         [](ServiceFeedback& s) { s.service_id = ""; s.category = "sports"; s.status = FeedbackStatus::Unknown;
                                  s.offer_name = "Fußball im Park"; },
         "offer_name", Reason::NotAllowed},
        {"a place without the offer it belongs to",
         [](ServiceFeedback& s) { s.offer_place = "Stadtpark"; }, "offer_place", Reason::NotAllowed},
        {"an unlisted offer with a blank name",
         [](ServiceFeedback& s) { s.service_id = ""; s.category = "sports"; s.offer_name = "  "; }, "service_id",
         Reason::Required},
        {"an unlisted offer without a category",
         [](ServiceFeedback& s) { s.service_id = ""; s.offer_name = "Fußball im Park"; }, "category", Reason::Required},
    });
    // An offer the family named that is not on the map: its name and place instead of a service.
    ServiceFeedback unlisted = s;
    unlisted.service_id = "";
    unlisted.status = FeedbackStatus::Known;
    unlisted.category = "sports";
    unlisted.offer_name = "Fußball im Park";
    unlisted.offer_place = "Stadtpark, Ecke Ulzburger Straße";
    unlisted = w.f.saved(unlisted);
    CHECK(w.f.repo->load<ServiceFeedback>(unlisted.id)->offer_name == "Fußball im Park");
    CHECK(unlisted.social_space == "Garstedt");
    REQUIRE(w.f.repo->remove(unlisted.id));
    // A missing offer may name an existing service ("more of this") or describe what is wanted.
    ServiceFeedback missing = s;
    missing.status = FeedbackStatus::MissingWanted;
    missing.service_id = "";
    missing.category = "childcare";
    missing.wanted = "Kinderbetreuung am Abend";
    missing.barriers = {Barrier::Times, Barrier::Childcare};
    missing.how_it_would_have_to_be = "Abends, wenn ich von der Arbeit komme.";
    missing = w.f.saved(missing);
    CHECK(missing.social_space == "Garstedt");  // the case's, for planning's count per social space
    CHECK(w.f.repo->service_feedback(w.c.id).size() == 1);
    CHECK(missing.category == "daycare");  // "childcare", an older id, is written as its successor
    ServiceFeedback used = w.f.saved(s);
    CHECK(used.category == "family_centre");  // from the service's older id
    auto for_service = w.f.repo->feedback_for_service(w.service);
    REQUIRE(for_service.size() == 1);
    CHECK(for_service[0].id == used.id);

    // A category a newer build wrote stays as it is while a save leaves it alone.
    sync::Writer newer_build(*w.f.store);
    REQUIRE(newer_build.set(ServiceFeedback::kType, used.id, "category", "carsharing").ok());
    REQUIRE(newer_build.commit().ok());
    ServiceFeedback newer = w.f.repo->load<ServiceFeedback>(used.id).value();
    CHECK(newer.category == "carsharing");
    newer.how_it_would_have_to_be = "Näher an der Bushaltestelle.";
    w.f.saved(newer);
    CHECK(w.f.store->get(used.id)->value("category") == std::optional<std::string>("carsharing"));
    newer.category = "bikesharing";  // but no new value outside the vocabulary
    CHECK(has(w.f.repo->check(newer), "category", Reason::UnknownValue));

    // The worker's category of the "how" answer (docs/reports.md): stored by identifier, "" unset.
    missing.how_category = HowCategory::Childcare;
    missing = w.f.saved(missing);
    CHECK(w.f.store->get(missing.id)->value("how_category") == std::optional<std::string>("childcare"));
    CHECK(w.f.repo->load<ServiceFeedback>(missing.id)->how_category == HowCategory::Childcare);
    CHECK(w.f.store->get(used.id)->value("how_category") == std::nullopt);  // never summarised: never written
    CHECK(parse<HowCategory>("") == HowCategory::Unassigned);  // what a form sends back unchanged
    CHECK(parse<FeedbackStatus>("") == std::nullopt);
    // A newer build's category reads as unassigned, listed as unreadable, and a save leaves it.
    sync::Writer newer_how(*w.f.store);
    REQUIRE(newer_how.set(ServiceFeedback::kType, missing.id, "how_category", "teleport").ok());
    REQUIRE(newer_how.commit().ok());
    ServiceFeedback later = w.f.repo->load<ServiceFeedback>(missing.id).value();
    CHECK(later.how_category == HowCategory::Unassigned);
    CHECK(std::find(later.unreadable.begin(), later.unreadable.end(), "how_category") != later.unreadable.end());
    later.wanted = "Kinderbetreuung am Abend, auch samstags";
    w.f.saved(later);
    CHECK(w.f.store->get(missing.id)->value("how_category") == std::optional<std::string>("teleport"));
}

TEST_CASE("A requirement exists only in the Gefaehrdungsbereich and needs every part", "[domain][rules]") {
    World w;
    const Requirement q = quartier::test::valid_requirement(w.c.id);
    Issues issues = w.f.repo->check(q);
    CHECK(has(issues, "risk_assessment", Reason::NotInDangerArea));  // no assessment yet
    w.f.assess(w.c.id, RiskArea::Grey, "2026-01-01");
    CHECK(has(w.f.repo->check(q), "risk_assessment", Reason::NotInDangerArea));
    w.f.assess(w.c.id, RiskArea::Danger, "2026-01-12");
    run_table<Requirement>(w.f, q, {
        {"no reason", [](Requirement& r) { r.reason = ""; }, "reason", Reason::Required},
        {"no minimum standard", [](Requirement& r) { r.minimum_standard = ""; }, "minimum_standard", Reason::Required},
        {"no deadline", [](Requirement& r) { r.deadline = ""; }, "deadline", Reason::Required},
        {"deadline malformed", [](Requirement& r) { r.deadline = "Ende März"; }, "deadline", Reason::Malformed},
        {"nobody checks", [](Requirement& r) { r.checked_by = ""; }, "checked_by", Reason::Required},
        {"no way of checking", [](Requirement& r) { r.check_method = ""; }, "check_method", Reason::Required},
        {"no consequence", [](Requirement& r) { r.consequence = ""; }, "consequence", Reason::Required},
        {"lifted without date", [](Requirement& r) { r.status = RequirementStatus::Lifted; }, "lifted_on",
         Reason::Required},
        {"case of another family", [&](Requirement& r) { r.id = ""; r.case_id = "nope"; }, "case_id",
         Reason::UnknownReference},
    });
    Requirement saved = w.f.saved(q);
    CHECK(w.f.repo->requirements(w.c.id).size() == 1);

    // Leaving the Gefährdungsbereich lifts the open requirement in the same commit.
    const std::size_t before = w.f.ops();
    w.f.assess(w.c.id, RiskArea::Grey, "2026-04-01");
    CHECK(w.f.ops() == before + 7);  // the assessment's 5 fields, status and lifted_on: one commit
    Requirement lifted = w.f.repo->load<Requirement>(saved.id).value();
    CHECK(lifted.status == RequirementStatus::Lifted);
    CHECK(lifted.lifted_on == "2026-04-01");
    // It stays on file and can be edited as history, but no open requirement can be made now.
    lifted.negotiable_way = "ergänzt";
    REQUIRE(w.f.repo->save(lifted).ok());
    Requirement reopen = lifted;
    reopen.status = RequirementStatus::Open;
    CHECK(has(w.f.repo->check(reopen), "risk_assessment", Reason::NotInDangerArea));
    Requirement fresh = quartier::test::valid_requirement(w.c.id);
    auto refused = w.f.repo->save(fresh);
    REQUIRE(!refused.ok());
    CHECK(refused.error() == Error::Invalid);
    // An older assessment entered later does not change the current area.
    w.f.assess(w.c.id, RiskArea::Danger, "2026-02-01");
    CHECK(w.f.repo->current_risk(w.c.id)->area == RiskArea::Grey);
}

TEST_CASE("A requirement staged with a danger assessment in one batch is accepted", "[domain][rules]") {
    World w;
    Batch batch(*w.f.repo);
    RiskAssessment r;
    r.case_id = w.c.id;
    r.area = RiskArea::Danger;
    r.assessed_on = "2026-01-12";
    r.assessed_by = "M. Yilmaz";
    r.reasons = "§8a";
    REQUIRE(batch.save(r).ok());
    Requirement q = quartier::test::valid_requirement(w.c.id);
    REQUIRE(batch.save(q).ok());
    CHECK(w.f.repo->requirements(w.c.id).empty());  // nothing in the store before commit
    REQUIRE(batch.commit().ok());
    CHECK(w.f.repo->requirements(w.c.id).size() == 1);
}

TEST_CASE("Risk assessment, mandate and measure rules", "[domain][rules]") {
    World w;
    RiskAssessment r;
    r.case_id = w.c.id;
    r.area = RiskArea::Grey;
    r.assessed_on = "2026-01-12";
    r.assessed_by = "M. Yilmaz";
    r.reasons = "Schulabsentismus";
    run_table<RiskAssessment>(w.f, r, {
        {"grey without reasons", [](RiskAssessment& r) { r.reasons = ""; }, "reasons", Reason::Required},
        {"danger without reasons", [](RiskAssessment& r) { r.area = RiskArea::Danger; r.reasons = " "; }, "reasons",
         Reason::Required},
        {"no assessor", [](RiskAssessment& r) { r.assessed_by = ""; }, "assessed_by", Reason::Required},
        {"no date", [](RiskAssessment& r) { r.assessed_on = ""; }, "assessed_on", Reason::Required},
    });
    RiskAssessment service = r;
    service.area = RiskArea::Service;
    service.reasons = "";
    CHECK(w.f.repo->check(service).empty());

    Mandate m;
    m.case_id = w.c.id;
    m.kind = MandateKind::Family;
    m.text = "Unterstützung bei der Schule";
    m.given_by = "Frau Demir";
    m.given_to = "A. Brandt";
    run_table<Mandate>(w.f, m, {
        {"no text", [](Mandate& m) { m.text = ""; }, "text", Reason::Required},
        {"no giver", [](Mandate& m) { m.given_by = ""; }, "given_by", Reason::Required},
        {"no receiver", [](Mandate& m) { m.given_to = ""; }, "given_to", Reason::Required},
        {"due malformed", [](Mandate& m) { m.due_on = "2026-02-30"; }, "due_on", Reason::Malformed},
        {"change mandate without concern", [](Mandate& m) { m.kind = MandateKind::Change; }, "kind",
         Reason::NeedsConcern},
    });
    w.f.assess(w.c.id, RiskArea::Grey, "2026-01-12");
    Mandate change = m;
    change.kind = MandateKind::Change;
    change = w.f.saved(change);
    w.f.assess(w.c.id, RiskArea::Service, "2026-05-01");
    change.status = MandateStatus::Done;  // given while grey: it stays editable afterwards
    CHECK(w.f.repo->check(change).empty());

    Measure me;
    me.case_id = w.c.id;
    me.paragraph = "31";
    me.start = "2026-02-01";
    run_table<Measure>(w.f, me, {
        {"no paragraph", [](Measure& m) { m.paragraph = ""; }, "paragraph", Reason::Required},
        {"unknown paragraph", [](Measure& m) { m.paragraph = "§ 31"; }, "paragraph", Reason::UnknownValue},
        {"paragraph out of the catalogue", [](Measure& m) { m.paragraph = "99"; }, "paragraph", Reason::UnknownValue},
        {"no start", [](Measure& m) { m.start = ""; }, "start", Reason::Required},
        {"end before start", [](Measure& m) { m.end = "2026-01-31"; }, "end", Reason::BeforeStart},
        {"end malformed", [](Measure& m) { m.end = "offen"; }, "end", Reason::Malformed},
    });
}

TEST_CASE("Progress report rules: each entry names one goal or Auftrag of the case, once", "[domain][rules]") {
    World w;
    Goal g;
    g.case_id = w.c.id;
    g.text = "Can geht gern zur Schule.";
    g.set_on = "2026-01-12";
    g = w.f.saved(g);
    Goal foreign;
    foreign.case_id = w.other.id;
    foreign.text = "Fremdes Ziel";
    foreign.set_on = "2026-01-12";
    foreign = w.f.saved(foreign);
    Mandate m;
    m.case_id = w.c.id;
    m.text = "Schulsituation klären";
    m.given_by = "Frau Demir";
    m.given_to = "Familienhilfe";
    m = w.f.saved(m);

    ProgressReport r;
    r.case_id = w.c.id;
    r.written_on = "2026-03-01";
    r.author = "S. Wagner (Familienhilfe)";
    r.period_from = "2026-02-01";
    r.period_to = "2026-02-28";
    r.entries = {{g.id, "", 6, "Can war jeden Tag in der Schule.", "Frau Demir weckt ihn um sieben."},
                 {"", m.id, -1, "Gespräch mit der Lehrerin geführt.", ""}};
    run_table<ProgressReport>(w.f, r, {
        {"no date", [](ProgressReport& r) { r.written_on = ""; }, "written_on", Reason::Required},
        {"period backwards", [](ProgressReport& r) { r.period_to = "2026-01-31"; }, "period_to", Reason::BeforeStart},
        {"no entries", [](ProgressReport& r) { r.entries.clear(); }, "entries", Reason::Required},
        {"neither goal nor Auftrag", [](ProgressReport& r) { r.entries[0].goal_id = ""; }, "entries[0].goal_id",
         Reason::NotAllowed},
        {"both", [&](ProgressReport& r) { r.entries[0].mandate_id = m.id; }, "entries[0].goal_id", Reason::NotAllowed},
        {"a goal of another case", [&](ProgressReport& r) { r.entries[0].goal_id = foreign.id; }, "entries[0].goal_id",
         Reason::OtherCase},
        {"no such goal", [](ProgressReport& r) { r.entries[0].goal_id = "0123456789abcdef0123456789abcdef"; },
         "entries[0].goal_id", Reason::UnknownReference},
        {"a mandate named as goal", [&](ProgressReport& r) { r.entries[0].goal_id = m.id; }, "entries[0].goal_id",
         Reason::UnknownReference},
        {"goal twice", [&](ProgressReport& r) { r.entries[1] = r.entries[0]; }, "entries[1].goal_id", Reason::NotAllowed},
        {"goal without scale", [](ProgressReport& r) { r.entries[0].scale_now = -1; }, "entries[0].scale_now",
         Reason::Required},
        {"scale 11", [](ProgressReport& r) { r.entries[0].scale_now = 11; }, "entries[0].scale_now", Reason::OutOfRange},
        {"Auftrag with a scale", [](ProgressReport& r) { r.entries[1].scale_now = 3; }, "entries[1].scale_now",
         Reason::NotAllowed},
        {"nothing said", [](ProgressReport& r) { r.entries[1].happened = "  "; }, "entries[1].happened", Reason::Required},
    });
    // Saved, it reads back with its entries in order.
    ProgressReport saved = w.f.saved(r);
    const auto reports = w.f.repo->progress_reports(w.c.id);
    REQUIRE(reports.size() == 1);
    CHECK(reports.front().entries == r.entries);
    CHECK(reports.front().id == saved.id);
}
