// Where the domain layer writes (repository.h, invariants 5 and 6; docs/domain.md "Scopes"): every
// new case founds a case scope of its own, its children follow it, entrusted notes stay in the
// worker's personal scope, and a case that is never committed leaves no scope behind. Then the
// same over the wire (the in-process fake server of tests/sync/sync_fixture.h): a case made
// through the Repository on one device reaches exactly the devices it is shared with.
#include "domain_fixture.h"

#include "domain/demo_organisation.h"
#include "sync/sync_fixture.h"

#include <set>

using namespace quartier;
using namespace quartier::domain;
using quartier::test::DomainFixture;

namespace {

sync::ScopeId scope_of(const sync::Store& store, const std::string& id) {
    const sync::Record* r = store.get(id);
    REQUIRE(r);
    return r->scope;
}

std::set<sync::ScopeId> scopes_held(const sync::Store& store) {
    std::set<sync::ScopeId> out;
    for (const auto& [scope, epoch] : store.scope_keys()) out.insert(scope);
    return out;
}

Note note_of(const std::string& case_id, const std::string& text, bool entrusted) {
    Note n;
    n.case_id = case_id;
    n.text = text;
    n.written_at = "2026-02-10T15:00";
    n.entrusted = entrusted;
    return n;
}

}  // namespace

TEST_CASE("A new case founds a case scope of its own and its records follow it", "[domain][scopes]") {
    DomainFixture f;
    const std::set<sync::ScopeId> before = scopes_held(*f.store);
    const Case c = f.new_case("Familie Amsel");
    const sync::ScopeId scope = scope_of(*f.store, c.id);

    CHECK(scope != f.store->default_scope());
    CHECK(before.count(scope) == 0);
    CHECK(f.store->current_epoch(scope) == 1);
    // Its kind is recorded as `quartier-cli scope create` records it, for register_scopes.
    CHECK(f.store->setting("scope_kind:" + crypto::to_hex(scope)) == std::optional<std::string>("case"));

    const Person p = f.new_person(c.id);
    auto visit = f.repo->start_visit(c.id, ContactKind::HomeVisit, "2026-02-10T15:00", "A. Brandt");
    REQUIRE(visit.ok());
    const Note shared = f.saved(note_of(c.id, "Can geht gern zum Fußball.", false));
    const Note entrusted = f.saved(note_of(c.id, "Frau Amsel hat mir von ihren Schulden erzählt.", true));
    sync::ScopeId personal = f.store->default_scope();
    Note named = note_of(c.id, "Ein Vermerk, dem der Aufrufer den Bereich nennt.", false);
    REQUIRE(f.repo->save(named, {&personal, nullptr, {}}).ok());

    CHECK(scope_of(*f.store, p.id) == scope);
    for (const Member& m : f.repo->members(c.id)) CHECK(scope_of(*f.store, m.member.id) == scope);
    CHECK(scope_of(*f.store, visit->id) == scope);
    CHECK(scope_of(*f.store, shared.id) == scope);
    CHECK(scope_of(*f.store, entrusted.id) == f.store->default_scope());  // §65: the author's alone
    CHECK(scope_of(*f.store, named.id) == f.store->default_scope());

    // An edit keeps every record where it is; turning the flag off does not move a note (that
    // is a disclosure with a legal basis, docs/consent.md).
    Note edited = *f.repo->load<Note>(entrusted.id);
    edited.entrusted = false;
    edited.text = "Frau Amsel hat mir von Schulden erzählt.";
    f.saved(edited);
    CHECK(scope_of(*f.store, entrusted.id) == f.store->default_scope());
    Case renamed = *f.repo->load<Case>(c.id);
    renamed.name = "Familie Amsel-Roth";
    f.saved(renamed);
    CHECK(scope_of(*f.store, c.id) == scope);

    // Everything survives a reopen where it was.
    f.reopen();
    CHECK(scope_of(*f.store, c.id) == scope);
    CHECK(scope_of(*f.store, shared.id) == scope);
    CHECK(scope_of(*f.store, entrusted.id) == f.store->default_scope());
}

TEST_CASE("Two cases get two scopes, and a batch of a case with its family writes into one", "[domain][scopes]") {
    DomainFixture f;
    const Case first = f.new_case("Familie Amsel");
    const Case second = f.new_case("Familie Birke");
    CHECK(scope_of(*f.store, first.id) != scope_of(*f.store, second.id));

    Batch batch(*f.repo);
    Case c;
    c.name = "Familie Drossel";
    c.social_space = "Garstedt";
    c.opened_on = "2026-03-01";
    REQUIRE(batch.save(c).ok());
    Person p;
    p.case_id = c.id;
    p.given_name = "Ida";
    REQUIRE(batch.save(p).ok());
    Note n = note_of(c.id, "Erster Kontakt im Familienzentrum.", false);
    REQUIRE(batch.save(n).ok());
    REQUIRE(batch.commit().ok());
    const sync::ScopeId scope = scope_of(*f.store, c.id);
    CHECK(scope != scope_of(*f.store, first.id));
    CHECK(scope != scope_of(*f.store, second.id));
    CHECK(scope_of(*f.store, p.id) == scope);
    CHECK(scope_of(*f.store, n.id) == scope);
    CHECK(scopes_held(*f.store).size() == 4);  // personal + three cases
}

TEST_CASE("A case that is never stored leaves no scope behind", "[domain][scopes]") {
    DomainFixture f;
    const std::set<sync::ScopeId> before = scopes_held(*f.store);
    const std::size_t ops = f.ops();

    SECTION("a refused check founds nothing") {
        Case c;
        c.name = "Familie ohne Sozialraum";
        c.opened_on = "2026-03-01";
        Issues issues;
        auto r = f.repo->save(c, {nullptr, &issues, {}});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == Error::Invalid);
        CHECK(c.id.empty());
    }
    SECTION("a batch dropped before its commit forgets the scope it founded") {
        Batch batch(*f.repo);
        Case c;
        c.name = "Familie Entwurf";
        c.social_space = "Garstedt";
        c.opened_on = "2026-03-01";
        REQUIRE(batch.save(c).ok());
        CHECK(scopes_held(*f.store).size() == before.size() + 1);  // held while the batch lives
    }
    CHECK(scopes_held(*f.store) == before);
    CHECK(f.ops() == ops);
    f.reopen();
    CHECK(scopes_held(*f.store) == before);
}

TEST_CASE("The demo organisation puts each family in its own case scope and the offers in one directory scope", "[domain][scopes][demo]") {
    DomainFixture f;
    auto demo = seed_demo_organisation(*f.repo, "2026-11-21");
    REQUIRE(demo.ok());
    REQUIRE(demo->families.case_ids.size() == 4);
    const auto offer_scope = offers::offer_scope(*f.store);
    REQUIRE(offer_scope);
    CHECK(*offer_scope != f.store->default_scope());
    for (const sync::Record* r : f.store->list(offers::kServiceType)) CHECK(r->scope == *offer_scope);
    for (const sync::Record* r : f.store->list(offers::kSocialSpaceType)) CHECK(r->scope == *offer_scope);

    std::set<sync::ScopeId> case_scopes;
    for (const std::string& id : demo->families.case_ids) {
        const sync::ScopeId scope = scope_of(*f.store, id);
        CHECK(scope != *offer_scope);
        CHECK(scope != f.store->default_scope());
        case_scopes.insert(scope);
        for (const Member& m : f.repo->members(id)) CHECK(scope_of(*f.store, m.person.id) == scope);
        for (const Note& n : f.repo->notes(id))
            CHECK(scope_of(*f.store, n.id) == (n.entrusted ? f.store->default_scope() : scope));
        for (const ServiceFeedback& sf : f.repo->service_feedback(id)) CHECK(scope_of(*f.store, sf.id) == scope);
    }
    CHECK(case_scopes.size() == 4);

    // A second call writes nothing and names the same cases.
    const std::size_t ops = f.ops();
    auto again = seed_demo_organisation(*f.repo, "2026-11-21");
    REQUIRE(again.ok());
    CHECK(f.ops() == ops);
    CHECK(std::set<std::string>(again->families.case_ids.begin(), again->families.case_ids.end()) ==
          std::set<std::string>(demo->families.case_ids.begin(), demo->families.case_ids.end()));
    CHECK(again->worker == demo->worker);
}

// ---- over the wire --------------------------------------------------------------------------

TEST_CASE("A case made through the Repository reaches the colleague it is shared with and nobody else", "[domain][scopes][sync]") {
    test::SyncFixture fx(3);  // three caseworkers: the author, a deputy, a colleague not on the case
    test::Device& author = fx[0];
    test::Device& deputy = fx[1];
    test::Device& other = fx[2];
    Repository repo(*author.store);

    Case c;
    c.name = "Familie Amsel";
    c.social_space = "Garstedt";
    c.status = CaseStatus::Active;
    c.lead_worker = "A. Brandt";
    c.opened_on = "2026-02-01";
    REQUIRE(repo.save(c).ok());
    Person p;
    p.case_id = c.id;
    p.given_name = "Elif";
    REQUIRE(repo.save(p).ok());
    CaseMember m;
    m.case_id = c.id;
    m.person_id = p.id;
    m.role = MemberRole::Mother;
    REQUIRE(repo.save(m).ok());
    Note shared = note_of(c.id, "Elif möchte einen Deutschkurs machen.", false);
    REQUIRE(repo.save(shared).ok());
    Note entrusted = note_of(c.id, "Elif hat mir im Vertrauen von ihrer Angst erzählt.", true);
    REQUIRE(repo.save(entrusted).ok());
    const sync::ScopeId scope = scope_of(*author.store, c.id);

    // The next sync registers the scope: kind case, the author its member.
    author.sync_ok();
    CHECK(author.store->directory().scope_kind(scope) == sync::ScopeKind::Case);
    CHECK(author.store->directory().is_member(scope, 1, author.store->device().id()));
    CHECK(author.store->directory().members(scope, 1).size() == 1);

    REQUIRE(author.client->share_scope(scope, deputy.store->device().id(), sync::ScopeKind::Case).ok());
    fx.sync_all();

    Repository at_deputy(*deputy.store);
    auto arrived = at_deputy.load<Case>(c.id);
    REQUIRE(arrived.ok());
    CHECK(arrived->name == "Familie Amsel");
    REQUIRE(at_deputy.members(c.id).size() == 1);
    CHECK(at_deputy.members(c.id)[0].person.given_name == "Elif");
    const std::vector<Note> notes = at_deputy.notes(c.id);
    REQUIRE(notes.size() == 1);  // the entrusted note stayed with its author
    CHECK(notes[0].id == shared.id);
    CHECK_FALSE(at_deputy.load<Note>(entrusted.id).ok());
    CHECK(scope_of(*deputy.store, c.id) == scope);

    // The deputy writes into the case; the author reads it.
    Note reply = note_of(c.id, "Vertretung: Termin beim Sprachkurs vereinbart.", false);
    REQUIRE(at_deputy.save(reply).ok());
    CHECK(scope_of(*deputy.store, reply.id) == scope);
    fx.sync_all();
    CHECK(repo.notes(c.id).size() == 3);

    // The colleague who was not given the scope holds neither its key nor anything of it.
    Repository at_other(*other.store);
    CHECK(other.store->current_epoch(scope) == 0);
    CHECK(at_other.cases().empty());
    CHECK(other.store->get(c.id) == nullptr);
    CHECK(other.store->get(shared.id) == nullptr);
}

TEST_CASE("A device whose role may not hold a case scope does not found one", "[domain][scopes][sync]") {
    test::SyncFixture fx(2, {{1, "team_lead"}});
    test::Device& lead = fx[1];
    Repository repo(*lead.store);
    const std::set<sync::ScopeId> before = scopes_held(*lead.store);
    Case c;
    c.name = "Familie Amsel";
    c.social_space = "Garstedt";
    c.opened_on = "2026-02-01";
    auto r = repo.save(c);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == Error::Denied);
    CHECK(r.detail().find("role") != std::string::npos);
    CHECK(scopes_held(*lead.store) == before);
    CHECK(repo.cases().empty());
    lead.sync_ok();  // and the sync goes on as before
}

TEST_CASE("The offer map lives in one directory scope that reaches the devices it is shared with", "[domain][scopes][sync][offers]") {
    test::SyncFixture fx(3);
    test::Device& coordinator = fx[0];
    test::Device& colleague = fx[1];
    test::Device& other = fx[2];
    REQUIRE_FALSE(offers::offer_scope(*coordinator.store));
    auto seeded = offers::seed_demo_offers(*coordinator.store, "2026-11-21");
    REQUIRE(seeded.ok());
    const auto scope = offers::offer_scope(*coordinator.store);
    REQUIRE(scope);
    CHECK(coordinator.store->setting(offers::kOfferScopeSetting) == std::optional<std::string>(crypto::to_hex(*scope)));
    coordinator.sync_ok();
    CHECK(coordinator.store->directory().scope_kind(*scope) == sync::ScopeKind::Directory);

    REQUIRE(coordinator.client->share_scope(*scope, colleague.store->device().id(), sync::ScopeKind::Directory).ok());
    fx.sync_all();

    const offers::Catalogue at_colleague = offers::Catalogue::load(*colleague.store);
    CHECK(at_colleague.services().size() == seeded->services);
    CHECK(at_colleague.social_spaces().size() == seeded->social_spaces);
    // The colleague finds the received directory scope and writes its own offers into it: it
    // founds no second one.
    REQUIRE(offers::offer_scope(*colleague.store) == scope);
    offers::Service s;
    s.name = "Sprachcafé für Mütter";
    s.organization = at_colleague.organizations().at(0).id;
    s.category = offers::Category::Group;
    s.social_space = at_colleague.social_spaces().at(0).id;
    s.access = offers::Access::LowThreshold;
    auto id = offers::save_service(*colleague.store, s, at_colleague, "2026-11-21");
    REQUIRE(id.ok());
    CHECK(scope_of(*colleague.store, *id) == *scope);
    CHECK(colleague.store->setting(offers::kOfferScopeSetting) == std::optional<std::string>(crypto::to_hex(*scope)));
    fx.sync_all();
    CHECK(offers::Catalogue::load(*coordinator.store).service(*id) != nullptr);

    // Not shared with the third device: it holds no offer of the map.
    CHECK(offers::Catalogue::load(*other.store).services().empty());
    CHECK_FALSE(offers::offer_scope(*other.store));
}
