// The directory log is the trust anchor: who is enrolled, who is a member of what. Every entry
// must verify (signature, chain, signer's rights) or be refused, and a refused entry changes nothing.
#include "sync/org/directory.h"

#include "sync/core/hlc.h"
#include "sync/protocol/wire.h"

#include <nlohmann/json.hpp>

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

// ---------------------------------------------------------------------------------------------
// Issue 12, item 2: a member taken off a scope must not be able to undo it. The entries below are
// what an insider's patched client signs with its own device key (Directory::make_* and the
// device identity, no SyncClient): the stock client never makes them. The server verifies with
// this same code, so refused here is refused there (docs/threat-model.md, "Removed members").
namespace {
struct Attempt {
    const char* what;
    SignedEntry entry;
};

// Everything a device taken off `scope` could sign to get back in or to get even: re-join at the
// latest epoch (clears the mark), claim the next epoch (its key would be wrapped to it), add a
// friend, take the remaining member off, assign the case to a provider.
std::vector<Attempt> insider_entries(const Directory& d, const crypto::DeviceIdentity& me, const crypto::ScopeId& scope,
                                     const DeviceId& friend_, const DeviceId& colleague) {
    const std::uint32_t e = d.latest_epoch(scope);
    return {
        {"member(self) at the latest epoch", d.make_member(me, false, scope, e, me.id(), ScopeKind::Case, 9)},
        {"member(self) at the next epoch (the rotation)", d.make_member(me, false, scope, e + 1, me.id(), ScopeKind::Case, 9)},
        {"member(friend) at the latest epoch", d.make_member(me, false, scope, e, friend_, ScopeKind::Case, 9)},
        {"unassign of the remaining member", d.make_unassign(me, false, scope, colleague, 9)},
        {"a provider assignment", d.make_provider(me, false, scope, "Träger B", true, 9)},
    };
}

void enrol_helper(Org& o, const crypto::DeviceIdentity& h, const std::string& provider) {
    REQUIRE(o.d.append(o.d.make_enrol(o.admin, h.id(), h.sign_public(), h.box_public(), "helper", "helper", 2, provider)).ok());
}
}  // namespace

TEST_CASE("Directory: a device taken off a scope signs nothing for it, only others add it back", "[directory][security]") {
    Org o;  // a founded the case scope at epoch 1
    REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Case, 4)).ok());

    SECTION("unassigned") {
        REQUIRE(o.d.append(o.d.make_unassign(o.admin, true, o.scope, o.b.id(), 5)).ok());
        for (const Attempt& x : insider_entries(o.d, o.b, o.scope, o.c.id(), o.a.id())) {
            INFO(x.what);
            refused(o.d, x.entry);
        }
        CHECK(o.d.unassigned(o.scope, o.b.id()));
        CHECK(o.d.latest_epoch(o.scope) == 1);
        CHECK_FALSE(o.d.is_member(o.scope, 1, o.c.id()));
        CHECK_FALSE(o.d.unassigned(o.scope, o.a.id()));
        CHECK(o.d.providers(o.scope).empty());
        // A member that was not taken off adds it back, as today.
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Case, 6)).ok());
        CHECK_FALSE(o.d.unassigned(o.scope, o.b.id()));
    }
    SECTION("unassigned, then the scope rotated past it: it cannot sign itself into the new epoch") {
        REQUIRE(o.d.append(o.d.make_unassign(o.a, false, o.scope, o.b.id(), 5)).ok());
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 2, o.a.id(), ScopeKind::Case, 6)).ok());
        for (const Attempt& x : insider_entries(o.d, o.b, o.scope, o.c.id(), o.a.id())) {
            INFO(x.what);
            refused(o.d, x.entry);
        }
        // It is still a member of epoch 1 and cannot add anyone there either.
        refused(o.d, o.d.make_member(o.b, false, o.scope, 1, o.c.id(), ScopeKind::Case, 7));
        CHECK_FALSE(o.d.is_member(o.scope, 2, o.b.id()));
        // The admin adds it back.
        REQUIRE(o.d.append(o.d.make_member(o.admin, true, o.scope, 2, o.b.id(), ScopeKind::Case, 8)).ok());
        CHECK_FALSE(o.d.unassigned(o.scope, o.b.id()));
    }
    SECTION("a helper whose provider was withdrawn counts as taken off until the provider is assigned again") {
        const auto h = crypto::DeviceIdentity::generate();
        enrol_helper(o, h, "Träger A");
        REQUIRE(o.d.append(o.d.make_provider(o.a, false, o.scope, "Träger A", true, 5)).ok());
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 1, h.id(), ScopeKind::Case, 6)).ok());
        REQUIRE(o.d.append(o.d.make_provider(o.a, false, o.scope, "Träger A", false, 7)).ok());
        CHECK(o.d.unassigned(o.scope, h.id()));
        CHECK(o.d.excluded(o.scope, h.id()));
        // It re-posts its provider's assignment, re-joins, claims the next epoch: all refused.
        refused(o.d, o.d.make_provider(h, false, o.scope, "Träger A", true, 8));
        for (const Attempt& x : insider_entries(o.d, h, o.scope, o.c.id(), o.a.id())) {
            INFO(x.what);
            refused(o.d, x.entry);
        }
        CHECK(o.d.providers(o.scope).empty());
        // Assigned again by a member: the helper is back (its key still opens the latest epoch).
        REQUIRE(o.d.append(o.d.make_provider(o.a, false, o.scope, "Träger A", true, 9)).ok());
        CHECK_FALSE(o.d.unassigned(o.scope, h.id()));
    }
    SECTION("a helper device never signs a provider entry, even while assigned") {
        const auto h = crypto::DeviceIdentity::generate();
        enrol_helper(o, h, "Träger A");
        REQUIRE(o.d.append(o.d.make_provider(o.admin, true, o.scope, "Träger A", true, 5)).ok());
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 1, h.id(), ScopeKind::Case, 6)).ok());
        refused(o.d, o.d.make_provider(h, false, o.scope, "Träger B", true, 7));  // opens the case to another provider
        refused(o.d, o.d.make_provider(h, false, o.scope, "Träger A", false, 7));
        REQUIRE(o.d.append(o.d.make_provider(o.a, false, o.scope, "Träger B", true, 8)).ok());  // a caseworker may
    }
}

TEST_CASE("Directory: an entry that changes nothing is refused, so no member grows the log", "[directory][security]") {
    Org o;
    REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Case, 4)).ok());
    refused(o.d, o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Case, 5));  // b is a member already
    refused(o.d, o.d.make_member(o.b, false, o.scope, 1, o.b.id(), ScopeKind::Case, 5));
    refused(o.d, o.d.make_member(o.a, false, o.scope, 1, o.a.id(), ScopeKind::Case, 5));
    REQUIRE(o.d.append(o.d.make_unassign(o.a, false, o.scope, o.b.id(), 5)).ok());
    refused(o.d, o.d.make_unassign(o.a, false, o.scope, o.b.id(), 6));  // unassigned already
    refused(o.d, o.d.make_unassign(o.admin, true, o.scope, o.b.id(), 6));
    REQUIRE(o.d.append(o.d.make_provider(o.a, false, o.scope, "Träger A", true, 6)).ok());
    refused(o.d, o.d.make_provider(o.a, false, o.scope, "Träger A", true, 7));   // assigned already
    refused(o.d, o.d.make_provider(o.a, false, o.scope, "Träger B", false, 7));  // never assigned
    // A loop of such entries leaves the log as it was.
    const auto size = o.d.size();
    for (int i = 0; i < 50; ++i) (void)o.d.append(o.d.make_member(o.a, false, o.scope, 1, o.a.id(), ScopeKind::Case, 8 + i));
    CHECK(o.d.size() == size);
}

// ---------------------------------------------------------------------------------------------
// Issue 12, item 4: the ops of a device taken off a scope count only up to its removal. The
// removal entry names the removed device's last device sequence number that still counts
// (`last_seq`); an entry without one bounds them by its time and the epoch then latest.
namespace {
// An op's header fields as Directory::refuse_op reads them; its clock at `ms` on the wall.
bool counts(const Directory& d, const crypto::ScopeId& scope, std::uint32_t epoch, const DeviceId& author,
            std::uint64_t seq, std::uint64_t ms) {
    const auto why = d.refuse_op(scope, epoch, author, seq, Hlc::make(ms, 7));
    INFO((why ? *why : std::string("counts")));
    return !why;
}

// `e` with its body changed by `edit` and signed again by `signer`: an entry no make_* makes.
SignedEntry resigned(const SignedEntry& e, const crypto::DeviceIdentity& signer, const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json j = nlohmann::json::parse(e.body.begin(), e.body.end());
    edit(j);
    SignedEntry out = e;
    const std::string body = j.dump();
    out.body.assign(body.begin(), body.end());
    out.signature = signer.sign(crypto::labelled("quartier/directory/v1", {out.body}));
    return out;
}
}  // namespace

TEST_CASE("Directory: ops of a device taken off a scope count only up to its removal", "[directory][security]") {
    Org o;  // a founded the case scope at epoch 1 (entry 4)
    REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 1, o.b.id(), ScopeKind::Case, 4)).ok());
    CHECK(o.d.active_member(o.scope, o.b.id()));
    CHECK_FALSE(o.d.active_member(o.scope, o.c.id()));
    CHECK_FALSE(counts(o.d, o.scope, 1, o.c.id(), 1, 1000));  // never a member
    CHECK_FALSE(counts(o.d, o.scope, 2, o.b.id(), 1, 1000));  // no such epoch
    CHECK(counts(o.d, o.scope, 1, o.b.id(), 999'999, 999'999));

    SECTION("unassign with last_seq: its device counter decides, whatever its clock says") {
        REQUIRE(o.d.append(o.d.make_unassign(o.a, false, o.scope, o.b.id(), 5000, 10)).ok());
        CHECK_FALSE(o.d.active_member(o.scope, o.b.id()));
        CHECK(o.d.removal(o.scope, o.b.id())->last_seq == 10);
        CHECK(counts(o.d, o.scope, 1, o.b.id(), 10, 9'000'000));   // written before, pushed late
        CHECK_FALSE(counts(o.d, o.scope, 1, o.b.id(), 11, 1000));  // backdated: still after
        CHECK(counts(o.d, o.scope, 1, o.a.id(), 11, 9'000'000));   // the others carry on
        // Added back by the member, at a new epoch: from there on its ops count again; what it
        // wrote at the old epoch while it was off never does.
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 2, o.a.id(), ScopeKind::Case, 6000)).ok());
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 2, o.b.id(), ScopeKind::Case, 7000)).ok());
        CHECK(o.d.active_member(o.scope, o.b.id()));
        CHECK(counts(o.d, o.scope, 2, o.b.id(), 12, 8000));
        CHECK_FALSE(counts(o.d, o.scope, 1, o.b.id(), 12, 8000));
        // Taken off again: the second removal bounds the second stretch.
        REQUIRE(o.d.append(o.d.make_unassign(o.admin, true, o.scope, o.b.id(), 9000, 20)).ok());
        CHECK(counts(o.d, o.scope, 2, o.b.id(), 20, 8000));
        CHECK_FALSE(counts(o.d, o.scope, 2, o.b.id(), 21, 8000));
    }
    SECTION("an old unassign without last_seq: the entry's time and the epoch then latest") {
        REQUIRE(o.d.append(o.d.make_unassign(o.a, false, o.scope, o.b.id(), 5000)).ok());
        CHECK_FALSE(o.d.removal(o.scope, o.b.id())->last_seq);
        CHECK(counts(o.d, o.scope, 1, o.b.id(), 99, 5000));
        CHECK_FALSE(counts(o.d, o.scope, 1, o.b.id(), 1, 5001));
    }
    SECTION("revocation, with and without last_seq") {
        const bool with = GENERATE(true, false);
        REQUIRE(o.d.append(with ? o.d.make_revoke(o.admin, o.b.id(), false, 5000, 3) : o.d.make_revoke(o.admin, o.b.id(), false, 5000)).ok());
        CHECK_FALSE(o.d.active_member(o.scope, o.b.id()));
        CHECK(counts(o.d, o.scope, 1, o.b.id(), 3, with ? 6000 : 5000));
        CHECK_FALSE(counts(o.d, o.scope, 1, o.b.id(), with ? 4 : 3, 6000));
    }
    SECTION("a provider withdrawal takes the helper's ops after its last_seq with it") {
        const auto h = crypto::DeviceIdentity::generate();
        enrol_helper(o, h, "Träger A");
        REQUIRE(o.d.append(o.d.make_provider(o.a, false, o.scope, "Träger A", true, 5000)).ok());
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 1, h.id(), ScopeKind::Case, 5000)).ok());
        CHECK(o.d.removed_by_withdrawal(o.scope, "Träger A") == std::vector<DeviceId>{h.id()});
        // Only helpers the withdrawal takes off may be named, and only by a withdrawal.
        refused(o.d, o.d.make_provider(o.a, false, o.scope, "Träger A", false, 6000, {{o.b.id(), 1}}));
        refused(o.d, resigned(o.d.make_provider(o.a, false, o.scope, "Träger B", true, 6000), o.a,
                              [&](nlohmann::json& j) { j["last_seq"] = {{crypto::to_hex(h.id()), 1}}; }));
        REQUIRE(o.d.append(o.d.make_provider(o.a, false, o.scope, "Träger A", false, 6000, {{h.id(), 4}})).ok());
        CHECK_FALSE(o.d.active_member(o.scope, h.id()));
        CHECK(counts(o.d, o.scope, 1, h.id(), 4, 9000));
        CHECK_FALSE(counts(o.d, o.scope, 1, h.id(), 5, 5500));
        // The members rotate past it; assigned again, it is not back in the new epoch until a
        // member adds it, and what it wrote at the old epoch after its removal stays refused.
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 2, o.a.id(), ScopeKind::Case, 7000)).ok());
        REQUIRE(o.d.append(o.d.make_provider(o.a, false, o.scope, "Träger A", true, 8000)).ok());
        CHECK_FALSE(o.d.unassigned(o.scope, h.id()));
        CHECK_FALSE(o.d.active_member(o.scope, h.id()));
        CHECK_FALSE(counts(o.d, o.scope, 1, h.id(), 5, 5500));
        REQUIRE(o.d.append(o.d.make_member(o.a, false, o.scope, 2, h.id(), ScopeKind::Case, 9000)).ok());
        CHECK(o.d.active_member(o.scope, h.id()));
        CHECK(counts(o.d, o.scope, 2, h.id(), 6, 9500));
    }
    SECTION("a malformed last_seq is refused") {
        for (const nlohmann::json& bad : {nlohmann::json(-1), nlohmann::json("10"), nlohmann::json(1.5), nlohmann::json::object()}) {
            INFO(bad.dump());
            refused(o.d, resigned(o.d.make_unassign(o.a, false, o.scope, o.b.id(), 5000, 1), o.a,
                                  [&](nlohmann::json& j) { j["last_seq"] = bad; }));
            refused(o.d, resigned(o.d.make_revoke(o.admin, o.b.id(), false, 5000, 1), o.admin,
                                  [&](nlohmann::json& j) { j["last_seq"] = bad; }));
        }
    }
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
    SECTION("a withdrawal: its helpers' later ops count nowhere, however much of it a copy was given") {
        // The full copy (the server's, a member's): the helper is a member of the case, the case
        // is assigned to its provider, then withdrawn with last_seq 3.
        Directory full = o.d;
        REQUIRE(full.append(enrol).ok());
        const auto assign = full.make_provider(o.admin, true, o.scope, "Träger Fink", true, 5);
        REQUIRE(full.append(assign).ok());
        const auto join = full.make_member(o.a, false, o.scope, 1, x.id(), ScopeKind::Case, 6);
        REQUIRE(full.append(join).ok());
        const auto withdraw = full.make_provider(o.admin, true, o.scope, "Träger Fink", false, 7, {{x.id(), 3}});
        REQUIRE(full.append(withdraw).ok());
        CHECK(counts(full, o.scope, 1, x.id(), 3, 1000));
        CHECK_FALSE(counts(full, o.scope, 1, x.id(), 4, 1000));

        // A copy not given the provider (a device added to the case later): it records the
        // withdrawal unjudged; once the openings come, it judges as the full copy does.
        Directory late = o.d;
        REQUIRE(late.append(enrol).ok());
        REQUIRE(late.append(without(assign, "provider")).ok());
        REQUIRE(late.append(join).ok());
        REQUIRE(late.append(without(withdraw, "provider")).ok());
        REQUIRE(late.reveal(assign).ok());
        CHECK(late.removal(o.scope, x.id()) == nullptr);  // the withdrawal is still unjudged
        REQUIRE(late.reveal(withdraw).ok());
        REQUIRE(late.removal(o.scope, x.id()));
        CHECK(late.removal(o.scope, x.id())->last_seq == std::optional<std::uint64_t>(3));
        CHECK(counts(late, o.scope, 1, x.id(), 3, 1000));
        CHECK_FALSE(counts(late, o.scope, 1, x.id(), 4, 1000));
        CHECK(late.head_hash() == full.head_hash());

        // A copy given the provider but not the helper's own provider (another provider's helper):
        // the withdrawal's last_seq names the helper, which the signer and the server could judge.
        Directory other = o.d;
        REQUIRE(other.append(without(without(enrol, "name"), "provider")).ok());
        REQUIRE(other.append(assign).ok());
        REQUIRE(other.append(join).ok());
        REQUIRE(other.append(withdraw).ok());
        CHECK(counts(other, o.scope, 1, x.id(), 3, 1000));
        CHECK_FALSE(counts(other, o.scope, 1, x.id(), 4, 1000));
        // And assigned again, the helper counts again from the epoch then latest, in every copy.
        const auto again = full.make_provider(o.admin, true, o.scope, "Träger Fink", true, 8);
        for (Directory* d : {&full, &other}) {
            REQUIRE(d->append(again).ok());
            CHECK(counts(*d, o.scope, 1, x.id(), 9, 1000));
        }
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
