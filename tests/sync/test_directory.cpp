// The directory log is the trust anchor: who is enrolled, who is a member of what. Every entry
// must verify (signature, chain, signer's rights) or be refused, and a refused entry changes nothing.
#include "sync/directory.h"

#include "sync/wire.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace quartier;
using namespace quartier::sync;

namespace {
struct Org {
    crypto::DeviceIdentity admin = crypto::DeviceIdentity::generate();
    crypto::DeviceIdentity a = crypto::DeviceIdentity::generate();
    crypto::DeviceIdentity b = crypto::DeviceIdentity::generate();
    crypto::DeviceIdentity c = crypto::DeviceIdentity::generate();
    crypto::Id16 org = crypto::random_id();
    crypto::ScopeId scope = crypto::random_id();
    Directory d;
    Org() {
        REQUIRE(d.append(Directory::make_genesis(admin, org, "Org", 1)).ok());
        for (auto* dev : {&a, &b, &c}) REQUIRE(d.append(d.make_enrol(admin, dev->id(), dev->sign_public(), dev->box_public(), "dev", "caseworker", 2)).ok());
        REQUIRE(d.append(d.make_member(a, false, scope, 1, a.id(), ScopeKind::Case, 3)).ok());  // a founds the scope
    }
};

// Appending must fail and leave the directory exactly as it was.
void refused(Directory& d, const SignedEntry& e) {
    const auto size = d.size();
    const auto head = d.head_hash();
    auto r = d.append(e);
    REQUIRE_FALSE(r.ok());
    REQUIRE(d.size() == size);
    REQUIRE(d.head_hash() == head);
}
}  // namespace

TEST_CASE("Directory: who may sign what", "[directory]") {
    Org o;
    SECTION("a member adds a member; a non-member cannot") {
        refused(o.d, o.d.make_member(o.b, false, o.scope, 1, o.c.id(), ScopeKind::Case, 4));
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Case, 4)).ok());
        REQUIRE(o.d.is_member(o.scope, 1, o.b.id()));
    }
    SECTION("founding a scope is for oneself only") {
        const auto fresh = crypto::random_id();
        refused(o.d, o.d.make_member(o.b, false, fresh, 1, o.c.id(), ScopeKind::Case, 4));
        REQUIRE(o.d.append(o.d.make_member(o.b, false, fresh, 1, o.b.id(), ScopeKind::Case, 4)).ok());
    }
    SECTION("only the admin enrols and revokes") {
        const auto x = crypto::DeviceIdentity::generate();
        refused(o.d, o.d.make_enrol(o.a, x.id(), x.sign_public(), x.box_public(), "x", "caseworker", 4));  // a device key, not admin
        refused(o.d, o.d.make_revoke(o.a, o.b.id(), false, 4));
        REQUIRE(o.d.append(o.d.make_revoke(o.admin, o.b.id(), true, 4)).ok());
        REQUIRE(o.d.device(o.b.id())->revoked);
        REQUIRE(o.d.device(o.b.id())->wipe);
    }
    SECTION("a revoked device signs nothing and is added to nothing") {
        REQUIRE(o.d.append(o.d.make_revoke(o.admin, o.a.id(), false, 4)).ok());
        refused(o.d, o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Case, 5));
        refused(o.d, o.d.make_member(o.admin, true, o.scope, 1, o.a.id(), ScopeKind::Case, 5));
    }
    SECTION("rotation: a member of epoch e opens e+1, no gaps, no outsiders") {
        refused(o.d, o.d.make_member(o.b, false, o.scope, 2, o.b.id(), ScopeKind::Case, 4));  // not a member of 1
        refused(o.d, o.d.make_member(o.a, false, o.scope, 3, o.a.id(), ScopeKind::Case, 4));  // a gap
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 2, o.a.id(), ScopeKind::Case, 4)).ok());
        REQUIRE(o.d.latest_epoch(o.scope) == 2);
    }
    SECTION("unassign: the admin or a member of the latest epoch, for a member") {
        refused(o.d, o.d.make_unassign(o.b, false, o.scope, o.a.id(), 4));
        REQUIRE(o.d.append(o.d.make_unassign(o.admin, true, o.scope, o.a.id(), 4)).ok());
        REQUIRE(o.d.unassigned(o.scope, o.a.id()));
        REQUIRE(o.d.excluded(o.scope, o.a.id()));
    }
    SECTION("the kind of a scope never changes") {
        refused(o.d, o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Team, 4));
    }
}

TEST_CASE("Directory: a tampered, reordered or foreign entry is refused", "[directory][security]") {
    Org o;
    const SignedEntry good = o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Case, 4);
    SECTION("every byte of the body flipped") {
        for (std::size_t i = 0; i < good.body.size(); ++i) {
            SignedEntry e = good;
            e.body[i] ^= 0x01;
            refused(o.d, e);
        }
    }
    SECTION("every byte of the signature flipped") {
        for (std::size_t i = 0; i < good.signature.size(); ++i) {
            SignedEntry e = good;
            e.signature[i] ^= 0x80;
            refused(o.d, e);
        }
    }
    SECTION("another signer claimed") {
        SignedEntry e = good;
        e.signer = "admin";
        refused(o.d, e);
        e.signer = crypto::to_hex(o.b.id());
        refused(o.d, e);
    }
    SECTION("an entry made against an older head (replay, fork)") {
        const SignedEntry stale = o.d.make_member(o.a, false, o.scope, 1, o.c.id(), ScopeKind::Case, 5);
        REQUIRE(o.d.append(good).ok());
        refused(o.d, good);   // replayed
        refused(o.d, stale);  // built against the head before `good`
    }
    SECTION("another organisation's genesis or entries") {
        Org other;
        refused(o.d, other.d.entries()[0]);
        refused(o.d, other.d.make_member(other.a, false, other.scope, 1, other.b.id(), ScopeKind::Case, 4));
    }
    SECTION("JSON that is not an entry") {
        for (const char* j : {"", "[]", "{}", R"({"body":"!!!","signer":"admin","signature":""})", R"({"body":1})"})
            REQUIRE_FALSE(SignedEntry::from_json(j).ok());
    }
}

TEST_CASE("Directory: a wipe order verifies only for its device, its organisation, its admin", "[directory][security]") {
    Org o;
    const SignedEntry wipe = o.d.make_revoke(o.admin, o.a.id(), true, 4);
    const SignedEntry no_wipe = o.d.make_revoke(o.admin, o.a.id(), false, 4);
    REQUIRE(Directory::is_wipe_order(wipe, o.org, o.admin.sign_public(), o.a.id()));
    REQUIRE_FALSE(Directory::is_wipe_order(no_wipe, o.org, o.admin.sign_public(), o.a.id()));
    REQUIRE_FALSE(Directory::is_wipe_order(wipe, o.org, o.admin.sign_public(), o.b.id()));
    REQUIRE_FALSE(Directory::is_wipe_order(wipe, crypto::random_id(), o.admin.sign_public(), o.a.id()));
    REQUIRE_FALSE(Directory::is_wipe_order(wipe, o.org, o.a.sign_public(), o.a.id()));
    SignedEntry forged = wipe;
    forged.body.back() ^= 1;
    REQUIRE_FALSE(Directory::is_wipe_order(forged, o.org, o.admin.sign_public(), o.a.id()));
}

namespace {
// An entry signed by the organisation's admin key over exactly `body` (as an older build made them).
SignedEntry admin_signed(const crypto::DeviceIdentity& admin, const nlohmann::json& body) {
    SignedEntry e;
    const std::string text = body.dump();
    e.body.assign(text.begin(), text.end());
    e.signer = "admin";
    e.signature = admin.sign(crypto::labelled("quartier/directory/v1", {e.body}));
    return e;
}
// The entry as a device is given it without the opening of `field`.
SignedEntry without(SignedEntry e, const std::string& field) {
    e.annex.erase(field);
    return e;
}
}  // namespace

TEST_CASE("Directory annex: names in commitments, openings checked, hidden ones known as hidden", "[directory][security]") {
    // docs/protocol.md, "Annex": the signed body commits to a device name, a provider, a shred
    // reason; the annex beside it opens the commitment for the devices that are given it.
    Org o;
    const auto x = crypto::DeviceIdentity::generate();
    const SignedEntry enrol = o.d.make_enrol(o.admin, x.id(), x.sign_public(), x.box_public(), "Helferin Amsel", "helper", 4, "Träger Fink");
    const std::string body(enrol.body.begin(), enrol.body.end());
    CHECK(body.find("Amsel") == std::string::npos);
    CHECK(body.find("Fink") == std::string::npos);
    REQUIRE(enrol.annex.size() == 2);

    SECTION("given the openings, a copy reads the names") {
        Directory d = o.d;
        REQUIRE(d.append(enrol).ok());
        CHECK(d.device(x.id())->name == "Helferin Amsel");
        CHECK(d.device(x.id())->provider == "Träger Fink");
        CHECK_FALSE(d.device(x.id())->name_hidden);
        CHECK(d.fully_open(d.size() - 1));
    }
    SECTION("without them, the entry verifies and the names are known to be hidden") {
        Directory d = o.d;
        REQUIRE(d.append(without(without(enrol, "name"), "provider")).ok());
        CHECK(d.device(x.id())->name.empty());
        CHECK(d.device(x.id())->name_hidden);
        CHECK(d.device(x.id())->provider_hidden);
        CHECK_FALSE(d.fully_open(d.size() - 1));
        // Given later, they open (and only the same entry's do).
        auto r = d.reveal(enrol);
        REQUIRE(r.ok());
        CHECK(*r == std::optional<std::uint64_t>(d.size() - 1));
        CHECK(d.device(x.id())->name == "Helferin Amsel");
        CHECK(*d.reveal(enrol) == std::nullopt);  // nothing new the second time
        SignedEntry other = o.d.make_enrol(o.admin, x.id(), x.sign_public(), x.box_public(), "Helferin Amsel", "helper", 4, "Träger Fink");
        CHECK_FALSE(d.reveal(other).ok());  // another signature: not the entry this copy holds
    }
    SECTION("an opening that does not open its commitment is refused, as a server's lie") {
        for (const std::string field : {"name", "provider"}) {
            SignedEntry forged = enrol;
            forged.annex[field].value = "Jemand anders";
            refused(o.d, forged);
            SignedEntry salted = enrol;
            salted.annex[field].salt[0] ^= 1;
            refused(o.d, salted);
        }
        SignedEntry extra = enrol;
        extra.annex["role"] = Opening{{}, "admin"};  // a field the body does not commit to
        refused(o.d, extra);
        Directory d = o.d;
        REQUIRE(d.append(without(enrol, "name")).ok());
        SignedEntry lie = enrol;
        lie.annex["name"].value = "Jemand anders";
        CHECK_FALSE(d.reveal(lie).ok());
        CHECK(d.device(x.id())->name_hidden);
    }
    SECTION("provider entries: hidden ones make the case's assignment unknown, revealed ones replay in order") {
        Directory d = o.d;
        REQUIRE(d.append(enrol).ok());
        const auto assign = d.make_provider(o.admin, true, o.scope, "Träger Fink", true, 5);
        REQUIRE(d.append(without(assign, "provider")).ok());
        CHECK(d.providers(o.scope).empty());
        CHECK(d.providers_hidden(o.scope));
        const auto withdraw = d.make_provider(o.admin, true, o.scope, "Träger Fink", false, 6);
        REQUIRE(d.append(withdraw).ok());
        CHECK(d.providers(o.scope).empty());
        REQUIRE(d.reveal(assign).ok());  // assigned, then withdrawn: still none, in log order
        CHECK(d.providers(o.scope).empty());
        CHECK_FALSE(d.providers_hidden(o.scope));
        CHECK(d.provider_entries(o.scope) == std::vector<std::uint64_t>{d.size() - 2, d.size() - 1});
    }
    SECTION("a shred reason") {
        Directory d = o.d;
        const auto shred = d.make_shred(o.admin, o.scope, "erasure", "Antrag vom 3. März", 5);
        REQUIRE(d.append(without(shred, "reason")).ok());
        CHECK(d.shredded(o.scope)->reason_hidden);
        CHECK(d.shredded(o.scope)->order == "erasure");
        REQUIRE(d.reveal(shred).ok());
        CHECK(d.shredded(o.scope)->reason == "Antrag vom 3. März");
    }
    SECTION("entries made before annexes, names in clear, keep verifying; both forms at once are refused") {
        nlohmann::json j = nlohmann::json::parse(body);
        j.erase("name_c");
        j.erase("provider_c");
        j["name"] = "Alte Form";
        j["provider"] = "Träger Alt";
        Directory d = o.d;
        REQUIRE(d.append(admin_signed(o.admin, j)).ok());
        CHECK(d.device(x.id())->name == "Alte Form");
        CHECK(d.device(x.id())->provider == "Träger Alt");
        CHECK(d.fully_open(d.size() - 1));
        nlohmann::json both = nlohmann::json::parse(body);
        both["name"] = "Helferin Amsel";
        refused(o.d, admin_signed(o.admin, both));
    }
    SECTION("the annex travels with the entry's JSON and back") {
        auto back = SignedEntry::from_json(enrol.to_json());
        REQUIRE(back.ok());
        CHECK(back->annex.at("name").value == "Helferin Amsel");
        CHECK(back->annex.at("name").salt == enrol.annex.at("name").salt);
        nlohmann::json j = nlohmann::json::parse(enrol.to_json());
        j["annex"]["name"]["salt"] = "AAAA";
        CHECK_FALSE(SignedEntry::from_json(j.dump()).ok());
    }
}
