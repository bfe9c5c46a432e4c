// Concurrent edits on two devices through the fake server (tests/sync/sync_fixture.h): conflicts
// stay visible per field, a save never settles a field it did not change, resolve() is checked
// like a save, and concurrent note edits leave two versions.
#include "domain/repository.h"
#include "sync/sync_fixture.h"

using namespace quartier;
using namespace quartier::domain;
using quartier::test::SyncFixture;

namespace {

Case team_case(SyncFixture& fx) {
    Repository repo(*fx[0].store);
    Case c;
    c.name = "Familie Konflikt";
    c.social_space = "Garstedt";
    c.status = CaseStatus::Active;
    c.lead_worker = "A";
    c.opened_on = "2026-02-01";
    REQUIRE(repo.save(c, SaveOptions{&fx.team, nullptr, {}}).ok());
    fx.sync_all();
    return c;
}

}  // namespace

TEST_CASE("Concurrent edits of one field show as a conflict that a save of other fields keeps", "[domain][conflict]") {
    SyncFixture fx(3);
    const Case c = team_case(fx);
    Repository a(*fx[1].store), b(*fx[2].store);
    Case on_a = a.load<Case>(c.id).value();
    Case on_b = b.load<Case>(c.id).value();
    on_a.status = CaseStatus::Clarification;
    on_b.status = CaseStatus::Closed;
    on_b.closed_on = "2026-04-01";
    REQUIRE(a.save(on_a).ok());
    REQUIRE(b.save(on_b).ok());
    fx.sync_all();
    fx.require_converged();

    Case seen = a.load<Case>(c.id).value();
    CHECK(seen.conflicts == std::vector<std::string>{"status"});
    auto conflicts = a.conflicts(c.id);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].field == "status");
    std::vector<std::string> values = conflicts[0].values;
    std::sort(values.begin(), values.end());
    CHECK(values == std::vector<std::string>{"clarification", "closed"});

    // Editing another field leaves the conflict for a person to settle.
    seen.lead_worker = "B";
    REQUIRE(a.save(seen).ok());
    CHECK(a.conflicts(c.id).size() == 1);

    // A resolution is checked like a save: "closed" is fine (closed_on is set), garbage is not.
    Issues issues;
    auto bad = a.resolve(c.id, "status", "archived", SaveOptions{nullptr, &issues, {}});
    REQUIRE(!bad.ok());
    CHECK(bad.error() == Error::Invalid);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "status");
    CHECK(issues[0].reason == Reason::Malformed);
    auto not_a_field = a.resolve(c.id, "no_such_field", "x");
    REQUIRE(!not_a_field.ok());
    CHECK(not_a_field.error() == Error::NotFound);
    REQUIRE(a.resolve(c.id, "status", "closed").ok());
    CHECK(a.conflicts(c.id).empty());
    fx.sync_all();
    fx.require_converged();
    CHECK(b.load<Case>(c.id)->status == CaseStatus::Closed);
    CHECK(b.conflicts(c.id).empty());
}

TEST_CASE("A resolution that would break a rule is refused", "[domain][conflict]") {
    SyncFixture fx(3);
    const Case c = team_case(fx);
    Repository a(*fx[1].store), b(*fx[2].store);
    Case on_a = a.load<Case>(c.id).value();
    Case on_b = b.load<Case>(c.id).value();
    on_a.status = CaseStatus::New;
    on_b.status = CaseStatus::Closed;
    on_b.closed_on = "2026-04-01";
    REQUIRE(a.save(on_a).ok());
    REQUIRE(b.save(on_b).ok());
    fx.sync_all();
    // Resolving to "transferred" needs transferred_to, which nobody set.
    Issues issues;
    auto r = a.resolve(c.id, "status", "transferred", SaveOptions{nullptr, &issues, {}});
    REQUIRE(!r.ok());
    CHECK(r.error() == Error::Invalid);
    REQUIRE(!issues.empty());
    CHECK(issues[0].field == "transferred_to");
    CHECK(a.conflicts(c.id).size() == 1);
}

TEST_CASE("Concurrent note edits leave both versions visible and in the history", "[domain][conflict]") {
    SyncFixture fx(3);
    const Case c = team_case(fx);
    Repository a(*fx[1].store), b(*fx[2].store);
    Note n;
    n.case_id = c.id;
    n.text = "Erste Fassung";
    n.written_at = "2026-02-10T15:00";
    n.entrusted = false;  // an entrusted note would stay in its author's personal scope
    REQUIRE(a.save(n).ok());
    fx.sync_all();
    Note on_a = a.load<Note>(n.id).value();
    Note on_b = b.load<Note>(n.id).value();
    on_a.text = "Fassung A";
    on_b.text = "Fassung B";
    REQUIRE(a.save(on_a).ok());
    REQUIRE(b.save(on_b).ok());
    fx.sync_all();
    fx.require_converged();
    Note seen = b.load<Note>(n.id).value();
    CHECK(seen.conflicts == std::vector<std::string>{"text"});
    auto conflict = b.conflicts(n.id);
    REQUIRE(conflict.size() == 1);
    CHECK(conflict[0].values.size() == 2);
    auto versions = b.note_versions(n.id);
    REQUIRE(versions.ok());
    REQUIRE(versions->size() == 3);
    CHECK(versions->front().text == "Erste Fassung");
    std::vector<std::string> later{(*versions)[1].text, (*versions)[2].text};
    std::sort(later.begin(), later.end());
    CHECK(later == std::vector<std::string>{"Fassung A", "Fassung B"});
    auto wrong = b.note_versions(c.id);
    REQUIRE(!wrong.ok());
    CHECK(wrong.error() == Error::WrongType);
}

TEST_CASE("Children of a case are written in the case's scope", "[domain][conflict]") {
    SyncFixture fx(2);
    const Case c = team_case(fx);
    Repository repo(*fx[1].store);
    Repository other(*fx[0].store);
    CHECK(other.members(c.id).empty());  // its index is built before the sync below
    Person p;
    p.case_id = c.id;
    p.given_name = "Lena";
    REQUIRE(repo.save(p).ok());
    CHECK(fx[1].store->get(p.id)->scope == fx.team);
    CHECK(fx[1].store->get(p.id)->scope != fx[1].store->default_scope());
    fx.sync_all();
    REQUIRE(fx[0].store->get(p.id));  // the team member sees it
    CHECK(other.members(c.id).empty());  // not a member until a case_member says so
    CaseMember m;
    m.case_id = c.id;
    m.person_id = p.id;
    m.role = MemberRole::Child;
    REQUIRE(repo.save(m).ok());
    fx.sync_all();
    auto members = other.members(c.id);  // the ingest moved the store's generation
    REQUIRE(members.size() == 1);
    CHECK(members[0].person.given_name == "Lena");
}
