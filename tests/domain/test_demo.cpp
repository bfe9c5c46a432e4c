// The demo families and the scale generator write only valid records and cover every type and
// the rules the screens show (a wish and a will, a Gefährdungsbereich case with a requirement).
#include "domain/demo_families.h"
#include "domain_fixture.h"

#include <set>

using namespace quartier;
using namespace quartier::domain;
using quartier::test::DomainFixture;

TEST_CASE("The demo families cover every record type with valid records", "[domain][demo]") {
    DomainFixture f;
    const std::vector<std::string> services{f.service("Kochgruppe", "family_education"),
                                            f.service("Jugendtreff", "youth_work"), f.service("Elterncafé", ""),
                                            f.service("Sprachkurs", "language")};
    CHECK(f.repo->cases().empty());  // builds the index: the writes below keep it current commit by commit
    auto demo = write_demo_families(*f.repo, services);
    INFO((demo.ok() ? std::string() : demo.detail()));
    REQUIRE(demo.ok());
    REQUIRE(demo->case_ids.size() == 4);

    std::set<std::string> spaces;
    std::set<std::string> types;
    for (const sync::Record* r : f.store->list()) types.insert(r->type);
    for (const char* t : {"case", "person", "case_member", "contact_event", "note", "will_statement", "goal",
                          "action_step", "resource", "network_map", "service_feedback", "risk_assessment", "mandate",
                          "requirement", "measure", "progress_report"})
        CHECK(types.count(t) == 1);
    std::size_t records = 0;
    for (const sync::Record* r : f.store->list())
        if (r->type != "service") ++records;
    CHECK(records == demo->records);

    bool danger_with_requirement = false, wish = false, will = false, draft = false, missing = false;
    for (const Case& c : f.repo->cases()) {
        INFO(c.name);
        spaces.insert(c.social_space);
        CHECK(f.repo->check(c).empty());
        CHECK(f.repo->members(c.id).size() >= 3);
        CHECK(!f.repo->contact_events(c.id).empty());
        CHECK(!f.repo->goals(c.id).empty());
        for (const Goal& g : f.repo->goals(c.id)) {
            CHECK(f.repo->check(g).empty());
            if (g.level == GoalLevel::Action) CHECK(!f.repo->action_steps(g.id).empty());
        }
        for (const WillStatement& w : f.repo->will_statements(c.id)) (w.is_will() ? will : wish) = true;
        for (const ContactEvent& e : f.repo->contact_events(c.id)) {
            CHECK(f.repo->check(e).empty());
            if (e.status == ContactStatus::Draft) draft = true;
        }
        for (const ServiceFeedback& s : f.repo->service_feedback(c.id)) {
            CHECK(f.repo->check(s).empty());
            CHECK(s.social_space == c.social_space);
            CHECK(!s.category.empty());
            if (!s.service_id.empty()) CHECK(std::find(services.begin(), services.end(), s.service_id) != services.end());
            if (s.status == FeedbackStatus::MissingWanted) missing = true;
        }
        auto risk = f.repo->current_risk(c.id);
        REQUIRE(risk);
        if (risk->area == RiskArea::Danger) {
            CHECK(c.provider_organization != "");
            for (const Requirement& q : f.repo->requirements(c.id)) {
                CHECK(f.repo->check(q).empty());
                danger_with_requirement = true;
            }
        } else {
            CHECK(f.repo->requirements(c.id).empty());
        }
        CHECK(!f.repo->measures(c.id).empty());
        CHECK(!f.repo->network_maps(c.id).empty());
        CHECK(!f.repo->resources(c.id).empty());
    }
    // The index kept current commit by commit answers like one built from scratch.
    Repository fresh(*f.store);
    CHECK(fresh.cases() == f.repo->cases());
    for (const std::string& id : demo->case_ids) {
        CHECK(fresh.contact_events(id) == f.repo->contact_events(id));
        CHECK(fresh.notes(id) == f.repo->notes(id));
        CHECK(fresh.goals(id) == f.repo->goals(id));
        CHECK(fresh.service_feedback(id) == f.repo->service_feedback(id));
        CHECK(fresh.requirements(id) == f.repo->requirements(id));
        CHECK(fresh.members(id).size() == f.repo->members(id).size());
        for (const Goal& g : fresh.goals(id)) CHECK(fresh.action_steps(g.id) == f.repo->action_steps(g.id));
    }
    CHECK(spaces.size() == 4);
    CHECK(danger_with_requirement);
    CHECK(wish);
    CHECK(will);
    CHECK(draft);
    CHECK(missing);
    CHECK(f.store->verify().ok());

    auto none = write_demo_families(*f.repo, {});
    REQUIRE(!none.ok());
    CHECK(none.error() == Error::Invalid);
}

TEST_CASE("The scale generator writes N valid cases, deterministically for a seed", "[domain][demo]") {
    auto shape = [](std::uint64_t seed, bool with_services) {
        DomainFixture f;
        std::vector<std::string> services;
        if (with_services) services = {f.service("A", "leisure"), f.service("B", "counselling")};
        auto r = write_scale_cases(*f.repo, 20, seed, services);
        INFO((r.ok() ? std::string() : r.detail()));
        REQUIRE(r.ok());
        CHECK(r->case_ids.size() == 20);
        std::string out;
        std::size_t requirements = 0;
        for (const Case& c : f.repo->cases()) {
            out += c.name + "|" + c.social_space + "|" + std::to_string(f.repo->members(c.id).size()) + "|";
            CHECK(f.repo->contact_events(c.id).size() == 4);
            CHECK(f.repo->goals(c.id).size() == 4);  // 2 direction goals with an action goal each
            CHECK(f.repo->service_feedback(c.id).size() == 3);
            for (const Measure& m : f.repo->measures(c.id)) out += m.paragraph + ";";
            requirements += f.repo->requirements(c.id).size();
        }
        CHECK(requirements == 2);  // every 10th case is in the Gefährdungsbereich
        return out;
    };
    const std::string first = shape(7, true);
    CHECK(shape(7, true) == first);
    CHECK(shape(8, true) != first);
    shape(7, false);  // without services every feedback is a missing offer
}
