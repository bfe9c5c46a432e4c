// Need-to-know and §65 SGB VIII (issue 4): the role x kind-of-data matrix over the real server
// handler, entrusted entries in the author's personal scope, consent records with withdrawal,
// and disclosures that need a legal basis.
#include "sync_fixture.h"

#include "sync/client/consent.h"
#include "sync/core/database.h"
#include "sync/org/grant.h"
#include "sync/client/roles.h"

using namespace quartier;
using namespace quartier::test;
namespace consent = quartier::sync::consent;
namespace roles = quartier::sync::roles;

namespace {

// The fixture's clock is 1'800'000'000'000 ms: 2027-01-15.
constexpr std::uint64_t kNow = 1'800'000'000'000;

// Every envelope of `scope` the server holds.
std::vector<crypto::Bytes> server_envelopes(const FakeServer& server, const ScopeId& scope) {
    auto db = Database::open(server.dir() / "server.db", false);
    REQUIRE(db.ok());
    auto st = db->prepare("SELECT bytes FROM envelopes ORDER BY id");
    REQUIRE(st.ok());
    std::vector<crypto::Bytes> out;
    while (*st->step()) {
        crypto::Bytes b(st->blob(0).begin(), st->blob(0).end());
        auto env = crypto::parse_envelope(b);
        if (env && env->header.scope == scope) out.push_back(std::move(b));
    }
    return out;
}

// No key the device holds opens any envelope of `scope` on the server: denied data is not
// decryptable there, not merely hidden.
bool can_decrypt_any(const Store& s, const FakeServer& server, const ScopeId& scope) {
    for (const auto& bytes : server_envelopes(server, scope)) {
        auto env = crypto::parse_envelope(bytes);
        REQUIRE(env.ok());
        for (const auto& [sc, epoch] : s.scope_keys()) {
            crypto::Bytes plain;
            if (crypto::decrypt_envelope(*env, *s.scope_key(sc, epoch), plain).ok()) return true;
        }
    }
    return false;
}

std::string write(Device& d, const std::string& type, const std::string& field, const std::string& value, const ScopeId& scope) {
    Writer w(*d.store);
    auto id = w.set(type, "", field, value, &scope);
    REQUIRE(id.ok());
    REQUIRE(w.commit().ok());
    return *id;
}

ScopeId new_scope(Device& d, const std::string& kind) {
    auto s = d.store->create_scope();
    REQUIRE(s.ok());
    REQUIRE(d.store->set_setting("scope_kind:" + crypto::to_hex(*s), kind).ok());
    return *s;
}

consent::ConsentRecord consent_for(std::vector<std::string> recipients) {
    consent::ConsentRecord c;
    c.consenting = "Mutter (Person P-1)";
    c.on_behalf_of = "Kind (Person P-2)";
    c.data = {"note"};
    c.purposes = {"hilfeplanung"};
    c.recipients = std::move(recipients);
    c.form = "written";
    c.valid_from = "2026-01-01";
    c.valid_until = "2030-12-31";
    return c;
}

bool has_entry(const Store& s, AuditAction action, const std::string& object, const std::string& basis_part = {}) {
    auto chains = s.audit_chains();
    REQUIRE(chains.ok());
    for (const auto& e : chains->front().entries)
        if (e.action == action && std::find(e.objects.begin(), e.objects.end(), object) != e.objects.end() &&
            e.legal_basis.find(basis_part) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("The role policy table", "[roles]") {
    using roles::Role;
    using roles::Rule;
    // Written out, not derived: docs/roles.md has the same table.
    struct Row {
        Role role;
        Rule personal, case_, team, directory, report, report_raw, audit;
    };
    const Row rows[] = {
        {Role::Caseworker, Rule::Own, Rule::Member, Rule::Member, Rule::Member, Rule::Member, Rule::Member, Rule::Own},
        {Role::TeamLead, Rule::Own, Rule::Never, Rule::Member, Rule::Member, Rule::Member, Rule::Member, Rule::Own},
        {Role::Helper, Rule::Own, Rule::Assigned, Rule::Member, Rule::Member, Rule::Never, Rule::Never, Rule::Own},
        {Role::Planning, Rule::Own, Rule::Never, Rule::Never, Rule::Never, Rule::Member, Rule::Never, Rule::Own},
        {Role::Admin, Rule::Own, Rule::Never, Rule::Never, Rule::Never, Rule::Never, Rule::Never, Rule::Own},
        {Role::Dpo, Rule::Own, Rule::Never, Rule::Never, Rule::Never, Rule::Never, Rule::Never, Rule::Member},
    };
    for (const Row& r : rows) {
        INFO(roles::to_string(r.role));
        CHECK(roles::policy(r.role, ScopeKind::Personal) == r.personal);
        CHECK(roles::policy(r.role, ScopeKind::Case) == r.case_);
        CHECK(roles::policy(r.role, ScopeKind::Team) == r.team);
        CHECK(roles::policy(r.role, ScopeKind::Directory) == r.directory);
        CHECK(roles::policy(r.role, ScopeKind::Report) == r.report);
        CHECK(roles::policy(r.role, ScopeKind::ReportRaw) == r.report_raw);
        CHECK(roles::policy(r.role, ScopeKind::Audit) == r.audit);
        CHECK(roles::role_from(roles::to_string(r.role)) == r.role);
    }
    CHECK_FALSE(roles::role_from("superuser"));
}

TEST_CASE("Role matrix: every role x every kind of data is readable exactly where the policy allows", "[roles][sync]") {
    // 0 writes everything: a caseworker (it also holds the admin key). The others, one per role;
    // two helpers of different providers; the case is assigned to provider A only.
    SyncFixture f(8, {{1, "caseworker"}, {2, "team_lead"}, {3, "helper:Träger A"}, {4, "helper:Träger B"},
                      {5, "planning"}, {6, "admin"}, {7, "dpo"}});
    Device& author = f[0];
    const ScopeId personal = author.store->default_scope();
    const ScopeId case_scope = new_scope(author, "case");
    const ScopeId offers = new_scope(author, "directory");
    const ScopeId report = new_scope(author, "report");
    const ScopeId report_raw = new_scope(author, "report_raw");
    author.sync_ok();
    REQUIRE(roles::assign_provider(*author.store, *author.client, case_scope, "Träger A", true).ok());
    const ScopeId audit = *author.store->audit_scope();

    struct Kind {
        const char* name;
        ScopeId scope;
        ScopeKind kind;
        std::string record;  // empty for the audit chain (its entries are no records)
    };
    auto entrusted = consent::write_entrusted(*author.store, "note", {{"text", "Mutter erzählt im Vertrauen ..."}});
    REQUIRE(entrusted.ok());
    std::vector<Kind> kinds = {
        {"personal (entrusted)", personal, ScopeKind::Personal, *entrusted},
        {"case content", case_scope, ScopeKind::Case, write(author, "case", "name", "Familie Amsel", case_scope)},
        {"team (case metadata)", f.team, ScopeKind::Team, write(author, "case_index", "status", "offen", f.team)},
        {"offer directory", offers, ScopeKind::Directory, write(author, "service", "name", "Kochgruppe", offers)},
        {"report (aggregates)", report, ScopeKind::Report, write(author, "report_cell", "count", "<5", report)},
        {"audit chain", audit, ScopeKind::Audit, {}},
        {"report_raw (unsuppressed counts)", report_raw, ScopeKind::ReportRaw, write(author, "report_counts", "counts", "[3]", report_raw)},
    };
    // What each role may read, written out (rows: devices 1..7; columns: kinds above).
    const std::vector<std::vector<bool>> allowed = {
        /* 1 caseworker   */ {false, true, true, true, true, false, true},
        /* 2 team_lead    */ {false, false, true, true, true, false, true},
        /* 3 helper A     */ {false, true, true, true, false, false, false},
        /* 4 helper B     */ {false, false, true, true, false, false, false},
        /* 5 planning     */ {false, false, false, false, true, false, false},
        /* 6 admin        */ {false, false, false, false, false, false, false},
        /* 7 dpo          */ {false, false, false, false, false, true, false},
    };
    // The author tries to share every kind with every device (the team was shared by the fixture
    // as the policy allows; the audit chain reaches DPOs by itself): refused exactly where denied.
    for (std::size_t i = 1; i < f.devices.size(); ++i)
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            if (kinds[k].kind == ScopeKind::Team || kinds[k].kind == ScopeKind::Audit) continue;
            auto r = author.client->share_scope(kinds[k].scope, f[i].store->device().id(), kinds[k].kind);
            INFO("device " << i << " kind " << kinds[k].name << ": " << (r.ok() ? std::string("ok") : r.detail()));
            CHECK(r.ok() == allowed[i - 1][k]);
            if (!r.ok()) CHECK(r.error() == Error::Denied);
        }
    // Also the audit chain and the personal scope with everyone, and the team with the denied:
    // all refused for those the table denies.
    for (std::size_t i = 1; i < f.devices.size(); ++i)
        for (std::size_t k : {std::size_t(2), std::size_t(5)})
            if (!allowed[i - 1][k]) {
                auto r = author.client->share_scope(kinds[k].scope, f[i].store->device().id(), kinds[k].kind);
                INFO("device " << i << " kind " << kinds[k].name);
                CHECK(r.error() == Error::Denied);
            }
    f.sync_all();
    f.sync_all();

    for (std::size_t i = 1; i < f.devices.size(); ++i)
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            const Store& s = *f[i].store;
            INFO("device " << i << " (" << s.directory().device(s.device().id())->role << "), " << kinds[k].name);
            const bool holds_key = s.current_epoch(kinds[k].scope) != 0;
            CHECK(holds_key == allowed[i - 1][k]);
            CHECK(can_decrypt_any(s, f.server, kinds[k].scope) == allowed[i - 1][k]);
            if (!kinds[k].record.empty()) {
                const Record* r = s.get(kinds[k].record);
                CHECK((r != nullptr) == allowed[i - 1][k]);
            } else {
                auto chains = s.audit_chains();
                REQUIRE(chains.ok());
                const bool has_chain = std::any_of(chains->begin(), chains->end(), [&](const AuditChain& c) {
                    return c.device == author.store->device().id();
                });
                CHECK(has_chain == allowed[i - 1][k]);
            }
        }
    // The office device that founded the organisation (role admin) holds no content key either.
    for (const auto& k : kinds) CHECK_FALSE(can_decrypt_any(*f.office->store, f.server, k.scope));
    // Nobody reports a violation: every grant kept to the policy.
    for (auto& d : f.devices) {
        auto r = d->sync();
        REQUIRE(r.ok());
        CHECK(r->policy_violations.empty());
    }
}

TEST_CASE("A grant that breaks the role policy is reported by every member and rotated past", "[roles][sync]") {
    SyncFixture f(3, {{2, "admin"}});
    Device &author = f[0], &colleague = f[1], &admin = f[2];
    const ScopeId case_scope = new_scope(author, "case");
    author.sync_ok();
    REQUIRE(author.client->share_scope(case_scope, colleague.store->device().id(), ScopeKind::Case).ok());
    // A rogue key holder (a patched client) goes around the policy: a member entry and the key for
    // the admin device, posted directly.
    const DeviceInfo target = *author.store->directory().device(admin.store->device().id());
    auto added = author.client->append_directory([&](const Directory& d) -> std::optional<SignedEntry> {
        return d.make_member(author.store->device(), false, case_scope, 1, target.id, ScopeKind::Case, 0);
    });
    REQUIRE(added.ok());
    const auto grant = sync::KeyGrant::make(author.store->device(), false, case_scope, 1, target, *author.store->scope_key(case_scope, 1));
    const nlohmann::json body{{"grants", nlohmann::json::array({nlohmann::json::parse(grant.to_json())})}};
    REQUIRE(author.client->call("POST", "/v1/keys", "", &body).ok());

    // The honest admin device does not take the key.
    auto ar = admin.sync();
    REQUIRE(ar.ok());
    CHECK(admin.store->current_epoch(case_scope) == 0);
    CHECK_FALSE(ar->rejected.empty());
    // The colleague reports it, records it once, and rotates the case past the admin device.
    auto cr = colleague.sync();
    REQUIRE(cr.ok());
    REQUIRE(cr->policy_violations.size() == 1);
    CHECK(cr->policy_violations.front().find(crypto::to_hex(admin.store->device().id())) != std::string::npos);
    CHECK(cr->epochs_opened == 1);
    CHECK(has_entry(*colleague.store, AuditAction::Refuse, crypto::to_hex(admin.store->device().id())));
    const Directory& d = colleague.store->directory();
    CHECK(d.latest_epoch(case_scope) == 2);
    CHECK_FALSE(d.is_member(case_scope, 2, admin.store->device().id()));
    // New case data is sealed under the new epoch: the key the rogue grant carried opens none of it.
    const std::string later = write(colleague, "case", "name", "Familie Drossel", case_scope);
    f.sync_all();
    CHECK(author.store->get(later));
    CHECK_FALSE(admin.store->get(later));
    std::size_t new_epoch = 0;
    for (const auto& bytes : server_envelopes(f.server, case_scope)) {
        auto env = crypto::parse_envelope(bytes);
        REQUIRE(env.ok());
        if (env->header.epoch < 2) continue;
        ++new_epoch;
        crypto::Bytes plain;
        CHECK_FALSE(crypto::decrypt_envelope(*env, *author.store->scope_key(case_scope, 1), plain).ok());
    }
    CHECK(new_epoch > 0);
    // Once rotated past, it is no longer a reader: no further report.
    auto again = colleague.sync();
    REQUIRE(again.ok());
    CHECK(again->policy_violations.empty());
}

TEST_CASE("A helper reads a case only while it is assigned to the helper's provider", "[roles][sync]") {
    SyncFixture f(3, {{2, "helper:Träger A"}});
    Device &author = f[0], &colleague = f[1], &helper = f[2];
    const ScopeId case_scope = new_scope(author, "case");
    author.sync_ok();
    REQUIRE(author.client->share_scope(case_scope, colleague.store->device().id(), ScopeKind::Case).ok());
    // Not assigned yet: refused.
    auto early = author.client->share_scope(case_scope, helper.store->device().id(), ScopeKind::Case);
    CHECK(early.error() == Error::Denied);
    CHECK(roles::assign_provider(*author.store, *author.client, case_scope, "", true).error() == Error::InvalidArgument);
    REQUIRE(roles::assign_provider(*author.store, *author.client, case_scope, "Träger A", true).ok());
    REQUIRE(author.client->share_scope(case_scope, helper.store->device().id(), ScopeKind::Case).ok());
    const std::string before = write(author, "case", "name", "Familie Fink", case_scope);
    f.sync_all();
    CHECK(helper.store->get(before));
    // The assignment ends: the helper is taken off the case with it, its ops up to the server's
    // last one still counting (last_seq, docs/protocol.md); the next member to sync rotates past it.
    serve_device_seq(author, f.server);
    REQUIRE(roles::assign_provider(*author.store, *author.client, case_scope, "Träger A", false).ok());
    const Removal* off = author.store->directory().removal(case_scope, helper.store->device().id());
    REQUIRE(off);
    CHECK(off->kind == Removal::Kind::Withdrawn);
    CHECK(off->last_seq == *f.server.storage().last_device_seq(helper.store->device().id()));
    f.sync_all();
    const std::string after = write(colleague, "case", "status", "beendet", case_scope);
    f.sync_all();
    CHECK(author.store->get(after)->value("status") == "beendet");
    CHECK_FALSE(helper.store->get(after));
    // The tablet is a cache: the case left the helper's device at its sync, what it held before too.
    CHECK_FALSE(helper.store->get(before));
    CHECK(helper.store->current_epoch(case_scope) == 0);
    CHECK_FALSE(author.store->directory().is_member(case_scope, author.store->directory().latest_epoch(case_scope),
                                                    helper.store->device().id()));
}

TEST_CASE("Names and assignments reach the devices that need them: a deputy learns its case's provider when added", "[roles][sync]") {
    // docs/protocol.md, "Annex": the server gives each device the openings it needs, and a device
    // added to a case later the case's earlier assignments; the client keeps them across a reopen.
    SyncFixture f(4, {{2, "helper:Träger A"}, {3, "helper:Träger B"}});
    Device &author = f[0], &deputy = f[1], &helper_a = f[2], &helper_b = f[3];
    const ScopeId case_scope = new_scope(author, "case");
    author.sync_ok();
    REQUIRE(roles::assign_provider(*author.store, *author.client, case_scope, "Träger A", true).ok());
    f.sync_all();
    auto providers = [&](Device& d) { return d.store->directory().providers(case_scope); };
    CHECK(providers(helper_a) == std::set<std::string>{"Träger A"});
    CHECK(providers(helper_b).empty());
    CHECK(helper_b.store->directory().providers_hidden(case_scope));
    CHECK(providers(deputy).empty());  // not its case yet
    // A helper sees no staff device's name; staff see the helpers' providers.
    const DeviceInfo* author_seen_by_helper = helper_b.store->directory().device(author.store->device().id());
    REQUIRE(author_seen_by_helper);
    CHECK(author_seen_by_helper->name_hidden);
    CHECK(author_seen_by_helper->name.empty());
    CHECK(deputy.store->directory().device(helper_b.store->device().id())->provider == "Träger B");

    REQUIRE(author.client->share_scope(case_scope, deputy.store->device().id(), ScopeKind::Case).ok());
    f.sync_all();
    CHECK(providers(deputy) == std::set<std::string>{"Träger A"});
    CHECK_FALSE(deputy.store->directory().providers_hidden(case_scope));
    deputy.reopen();
    CHECK(providers(deputy) == std::set<std::string>{"Träger A"});
    // So the deputy may give the case to provider A's helper, as the author could.
    REQUIRE(deputy.client->share_scope(case_scope, helper_a.store->device().id(), ScopeKind::Case).ok());
    f.sync_all();
    CHECK(helper_a.store->current_epoch(case_scope) != 0);
    for (auto& d : f.devices) {
        auto r = d->sync();
        REQUIRE(r.ok());
        CHECK(r->policy_violations.empty());  // a copy that cannot judge an assignment does not guess
    }
}

TEST_CASE("The directory refuses any second member of a personal scope, whoever signs", "[roles][directory]") {
    const auto admin = crypto::DeviceIdentity::generate();
    Directory d;
    REQUIRE(d.append(Directory::make_genesis(admin, crypto::random_id(), "Jugendamt", 0)).ok());
    const auto worker = crypto::DeviceIdentity::generate(), lead = crypto::DeviceIdentity::generate();
    for (auto [dev, role] : {std::pair{&worker, "caseworker"}, std::pair{&lead, "team_lead"}})
        REQUIRE(d.append(d.make_enrol(admin, dev->id(), dev->sign_public(), dev->box_public(), role, role, 0)).ok());
    const ScopeId scope = crypto::random_id();
    REQUIRE(d.append(d.make_member(worker, false, scope, 1, worker.id(), ScopeKind::Personal, 0)).ok());
    CHECK(d.personal_owner(scope) == worker.id());
    CHECK_FALSE(d.append(d.make_member(admin, true, scope, 1, lead.id(), ScopeKind::Personal, 0)).ok());
    CHECK_FALSE(d.append(d.make_member(worker, false, scope, 1, lead.id(), ScopeKind::Personal, 0)).ok());
    CHECK_FALSE(d.append(d.make_member(worker, false, scope, 1, lead.id(), ScopeKind::Case, 0)).ok());
    // The owner rotates its own scope; still alone.
    REQUIRE(d.append(d.make_member(worker, false, scope, 2, worker.id(), ScopeKind::Personal, 0)).ok());
    CHECK_FALSE(d.append(d.make_member(admin, true, scope, 2, lead.id(), ScopeKind::Personal, 0)).ok());
    CHECK(d.members(scope, 2) == std::vector<DeviceId>{worker.id()});
    // A provider assignment names a case scope only.
    CHECK_FALSE(d.append(d.make_provider(admin, true, scope, "Träger A", true, 0)).ok());
}

TEST_CASE("Must-show: an entrusted note is unreadable on a colleague's device until shared with consent, and a withdrawal blocks the next share",
          "[consent][sync]") {
    SyncFixture f(3, {{2, "team_lead"}});
    Device &author = f[0], &colleague = f[1], &lead = f[2];
    const ScopeId case_scope = new_scope(author, "case");
    author.sync_ok();
    REQUIRE(author.client->share_scope(case_scope, colleague.store->device().id(), ScopeKind::Case).ok());

    auto note = consent::write_entrusted(*author.store, "note", {{"text", "Vater trinkt, sagt die Mutter im Vertrauen"}});
    REQUIRE(note.ok());
    CHECK(consent::is_entrusted(*author.store, *author.store->get(*note)));
    f.sync_all();
    // Unreadable on the colleague's and the team lead's devices: no key, the server's envelopes do not open.
    for (Device* d : {&colleague, &lead}) {
        CHECK_FALSE(d->store->get(*note));
        CHECK(d->store->current_epoch(author.store->default_scope()) == 0);
        CHECK_FALSE(can_decrypt_any(*d->store, f.server, author.store->default_scope()));
    }
    // Nobody can be given the personal scope: refused by the client, and by the directory.
    CHECK(author.client->share_scope(author.store->default_scope(), colleague.store->device().id(), ScopeKind::Personal).error() ==
          Error::Denied);
    auto sneak = author.client->append_directory([&](const Directory& d) -> std::optional<SignedEntry> {
        return d.make_member(*author.store->admin_identity(), true, author.store->default_scope(), 1, lead.store->device().id(),
                             ScopeKind::Personal, 0);
    });
    CHECK_FALSE(sneak.ok());

    // Without a legal basis: refused, nothing written.
    const std::size_t ops_before = author.store->status().ops;
    consent::DisclosureRequest req;
    req.entry = *note;
    req.case_scope = case_scope;
    req.purpose = "hilfeplanung";
    auto none = consent::disclose(*author.store, req, kNow);
    REQUIRE_FALSE(none.ok());
    REQUIRE(none.error() == Error::Denied);
    CHECK(consent::refusal_of(none.detail()) == consent::Refusal::NoBasis);
    CHECK(author.store->status().ops == ops_before);
    CHECK(has_entry(*author.store, AuditAction::Refuse, *note));

    // The mother consents in writing; the consent lives in the case.
    auto cid = consent::add_consent(*author.store, case_scope, consent_for({"caseworker"}), kNow);
    REQUIRE(cid.ok());
    req.consent = *cid;
    auto shared = consent::disclose(*author.store, req, kNow);
    INFO((shared.ok() ? std::string() : shared.detail()));
    REQUIRE(shared.ok());
    CHECK(shared->legal_basis.find("Nr. 1") != std::string::npos);
    CHECK(shared->recipients == std::vector<DeviceId>{colleague.store->device().id()});
    CHECK(has_entry(*author.store, AuditAction::Disclose, *note, "Einwilligung " + *cid));
    CHECK(has_entry(*author.store, AuditAction::Change, shared->copy, "Einwilligung " + *cid));  // same commit as the copy
    f.sync_all();
    const Record* copy = colleague.store->get(shared->copy);
    REQUIRE(copy);
    CHECK(copy->value("text") == "Vater trinkt, sagt die Mutter im Vertrauen");
    CHECK(copy->value("disclosure") == shared->id);
    const Record* disclosure = colleague.store->get(shared->id);
    REQUIRE(disclosure);
    CHECK(disclosure->type == consent::kDisclosureType);
    CHECK(disclosure->value("consent") == *cid);
    // The case's readers learn no id of the author's personal scope (docs/threat-model.md).
    CHECK_FALSE(disclosure->value("entry"));
    REQUIRE(disclosure->value("entry_ref"));
    CHECK(disclosure->value("entry_ref")->size() == 32);
    for (const auto& [name, field] : disclosure->fields) CHECK(field.winner().value.find(*note) == std::string::npos);
    CHECK_FALSE(colleague.store->get(*note));  // the original stays entrusted
    CHECK_FALSE(lead.store->get(shared->copy));  // a team lead holds no case content

    // The mother withdraws, at the colleague's desk. Until the author syncs it does not know.
    REQUIRE(consent::withdraw_consent(*colleague.store, *cid, "mündlich widerrufen", kNow).ok());
    CHECK(consent::state(*consent::get_consent(*colleague.store, *cid), kNow) == consent::ConsentState::Withdrawn);
    auto second = consent::write_entrusted(*author.store, "note", {{"text", "Zweiter Vermerk"}});
    REQUIRE(second.ok());
    req.entry = *second;
    CHECK(consent::check_disclosure(*author.store, req, kNow).ok());  // not yet synced: still valid here
    colleague.sync_ok();
    author.sync_ok();
    auto refused = consent::disclose(*author.store, req, kNow);
    REQUIRE_FALSE(refused.ok());
    REQUIRE(refused.error() == Error::Denied);
    CHECK(consent::refusal_of(refused.detail()) == consent::Refusal::Withdrawn);
    f.sync_all();
    CHECK_FALSE(colleague.store->get(*second));
    // A withdrawal is never undone by a later edit of the field.
    Writer undo(*author.store);
    REQUIRE(undo.set(consent::kConsentType, *cid, "withdrawn_at", "").ok());
    REQUIRE(undo.commit().ok());
    CHECK(consent::state(*consent::get_consent(*author.store, *cid), kNow) == consent::ConsentState::Withdrawn);
    // Nor can the case gain a reader while the disclosure rests on a withdrawn consent.
    CHECK(consent::check_new_member(*author.store, case_scope, lead.store->device().id(), kNow).error() == Error::Denied);
}

TEST_CASE("Disclosure refusals: a table of legal bases that do not hold", "[consent]") {
    SyncFixture f(3, {{2, "helper:Träger A"}});
    Device &author = f[0], &helper = f[2];
    const ScopeId case_scope = new_scope(author, "case");
    const ScopeId other_case = new_scope(author, "case");
    author.sync_ok();
    REQUIRE(roles::assign_provider(*author.store, *author.client, case_scope, "Träger A", true).ok());
    REQUIRE(author.client->share_scope(case_scope, helper.store->device().id(), ScopeKind::Case).ok());
    auto note = consent::write_entrusted(*author.store, "note", {{"text", "anvertraut"}});
    REQUIRE(note.ok());
    const std::string shared_record = write(author, "case", "name", "Familie Meise", case_scope);

    auto make = [&](consent::ConsentRecord c, const ScopeId& scope) {
        auto id = consent::add_consent(*author.store, scope, std::move(c), kNow);
        REQUIRE(id.ok());
        return *id;
    };
    auto c_ok = consent_for({"caseworker", "helper"});
    auto c_expired = c_ok;
    c_expired.valid_until = "2026-12-31";
    auto c_future = c_ok;
    c_future.valid_from = "2027-02-01";
    auto c_caseworkers_only = consent_for({"caseworker"});
    auto c_health = c_ok;
    c_health.data = {"health"};
    const std::string valid = make(c_ok, case_scope), expired = make(c_expired, case_scope),
                      future = make(c_future, case_scope), narrow = make(c_caseworkers_only, case_scope),
                      health = make(c_health, case_scope), elsewhere = make(c_ok, other_case);

    struct Row {
        const char* name;
        std::function<void(consent::DisclosureRequest&)> change;
        consent::Refusal expected;
    };
    const std::vector<Row> rows = {
        {"not an entrusted entry", [&](auto& r) { r.entry = shared_record; }, consent::Refusal::NotEntrusted},
        {"no such entry", [&](auto& r) { r.entry = "nichts"; }, consent::Refusal::NotEntrusted},
        {"target is the personal scope", [&](auto& r) { r.case_scope = author.store->default_scope(); }, consent::Refusal::NotACase},
        {"target is the team", [&](auto& r) { r.case_scope = f.team; }, consent::Refusal::NotACase},
        {"no basis", [&](auto& r) { r.consent.clear(); }, consent::Refusal::NoBasis},
        {"two bases", [&](auto& r) { r.exception = 4, r.reason = "x"; }, consent::Refusal::TwoBases},
        {"unknown consent", [&](auto& r) { r.consent = "keine"; }, consent::Refusal::UnknownConsent},
        {"a case record is no consent", [&](auto& r) { r.consent = shared_record; }, consent::Refusal::UnknownConsent},
        {"consent of another case", [&](auto& r) { r.consent = elsewhere; }, consent::Refusal::ConsentOfOtherCase},
        {"expired", [&](auto& r) { r.consent = expired; }, consent::Refusal::Expired},
        {"not yet valid", [&](auto& r) { r.consent = future; }, consent::Refusal::NotYetValid},
        {"data not covered", [&](auto& r) { r.consent = health; }, consent::Refusal::DataNotCovered},
        {"data named, not covered", [&](auto& r) { r.data = "school_report"; }, consent::Refusal::DataNotCovered},
        {"purpose not covered", [&](auto& r) { r.purpose = "forschung"; }, consent::Refusal::PurposeNotCovered},
        {"no purpose", [&](auto& r) { r.purpose.clear(); }, consent::Refusal::PurposeNotCovered},
        {"a helper is a member, the consent names caseworkers only", [&](auto& r) { r.consent = narrow; },
         consent::Refusal::RecipientNotCovered},
        {"exception Nr. 1 (that is consent)", [&](auto& r) { r.consent.clear(), r.exception = 1, r.reason = "x"; },
         consent::Refusal::UnknownException},
        {"exception Nr. 6", [&](auto& r) { r.consent.clear(), r.exception = 6, r.reason = "x"; }, consent::Refusal::UnknownException},
        {"exception without a reason", [&](auto& r) { r.consent.clear(), r.exception = 4, r.reason = " \n"; }, consent::Refusal::NoReason},
    };
    for (const Row& row : rows) {
        consent::DisclosureRequest req;
        req.entry = *note;
        req.case_scope = case_scope;
        req.purpose = "hilfeplanung";
        req.consent = valid;
        row.change(req);
        const std::size_t ops = author.store->status().ops;
        auto r = consent::disclose(*author.store, req, kNow);
        INFO(row.name << ": " << (r.ok() ? std::string("allowed") : r.detail()));
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.error() == Error::Denied);
        CHECK(consent::refusal_of(r.detail()) == row.expected);
        CHECK(author.store->status().ops == ops);  // nothing written
    }
    // The same request with the valid consent, and one under each exception with a reason, pass.
    consent::DisclosureRequest ok;
    ok.entry = *note;
    ok.case_scope = case_scope;
    ok.purpose = "hilfeplanung";
    ok.consent = valid;
    REQUIRE(consent::disclose(*author.store, ok, kNow).ok());
    for (const auto& e : consent::exceptions()) {
        consent::DisclosureRequest ex;
        ex.entry = *note;
        ex.case_scope = case_scope;
        ex.exception = e.number;
        ex.reason = "gewichtige Anhaltspunkte, Fallübergabe";
        auto r = consent::disclose(*author.store, ex, kNow);
        INFO(e.key << ": " << (r.ok() ? std::string() : r.detail()));
        REQUIRE(r.ok());
        CHECK(r->legal_basis.find("Nr. " + std::to_string(e.number)) != std::string::npos);
        CHECK(has_entry(*author.store, AuditAction::Disclose, *note, "Nr. " + std::to_string(e.number)));
    }
    CHECK(consent::exceptions().size() == 4);
}

TEST_CASE("Consent records: incomplete ones are refused, withdrawal is recorded once", "[consent]") {
    SyncFixture f(1);
    Device& author = f[0];
    const ScopeId case_scope = new_scope(author, "case");
    author.sync_ok();
    struct Row {
        const char* name;
        std::function<void(consent::ConsentRecord&)> change;
    };
    const std::vector<Row> rows = {
        {"nobody consented", [](auto& c) { c.consenting.clear(); }},
        {"no data", [](auto& c) { c.data.clear(); }},
        {"no purpose", [](auto& c) { c.purposes.clear(); }},
        {"no recipients", [](auto& c) { c.recipients.clear(); }},
        {"an empty recipient", [](auto& c) { c.recipients = {""}; }},
        {"form by telepathy", [](auto& c) { c.form = "telepathy"; }},
        {"no valid_from", [](auto& c) { c.valid_from.clear(); }},
        {"not a date", [](auto& c) { c.valid_from = "1.1.2026"; }},
        {"30 February", [](auto& c) { c.valid_from = "2026-02-30"; }},
        {"ends before it starts", [](auto& c) { c.valid_until = "2025-12-31"; }},
    };
    for (const Row& row : rows) {
        auto c = consent_for({"caseworker"});
        row.change(c);
        const std::size_t ops = author.store->status().ops;
        auto r = consent::add_consent(*author.store, case_scope, c, kNow);
        INFO(row.name);
        CHECK(r.error() == Error::InvalidArgument);
        CHECK(author.store->status().ops == ops);
    }
    CHECK(consent::add_consent(*author.store, author.store->default_scope(), consent_for({"caseworker"}), kNow).error() ==
          Error::InvalidArgument);
    CHECK(consent::add_consent(*author.store, f.team, consent_for({"caseworker"}), kNow).error() == Error::InvalidArgument);

    auto id = consent::add_consent(*author.store, case_scope, consent_for({"caseworker"}), kNow);
    REQUIRE(id.ok());
    auto c = consent::get_consent(*author.store, *id);
    REQUIRE(c.ok());
    CHECK(c->on_behalf_of == "Kind (Person P-2)");
    CHECK(c->data == std::vector<std::string>{"note"});
    CHECK(c->recorded_by == crypto::to_hex(author.store->device().id()));
    CHECK(consent::state(*c, kNow) == consent::ConsentState::Valid);
    CHECK(consent::list_consents(*author.store, case_scope).size() == 1);
    CHECK(consent::list_consents(*author.store, f.team).empty());
    REQUIRE(consent::withdraw_consent(*author.store, *id, "per Brief", kNow).ok());
    const std::size_t ops = author.store->status().ops;
    REQUIRE(consent::withdraw_consent(*author.store, *id, "nochmal", kNow + 86'400'000).ok());  // idempotent
    CHECK(author.store->status().ops == ops);
    c = consent::get_consent(*author.store, *id);
    CHECK(c->withdrawn_at == consent::date_of(kNow));
    CHECK(c->withdrawal_note == "per Brief");
    CHECK(consent::withdraw_consent(*author.store, "keine", "", kNow).error() == Error::NotFound);
    CHECK(consent::date_of(kNow) == "2027-01-15");
}
