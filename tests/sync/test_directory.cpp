// The directory log is the trust anchor: who is enrolled, who is a member of what. Every entry
// must verify (signature, chain, signer's rights) or be refused, and a refused entry changes nothing.
#include "sync/directory.h"

#include "sync/wire.h"

#include <catch2/catch.hpp>

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
