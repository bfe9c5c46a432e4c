#include "fixture.h"

#include "sync/store/audit.h"
#include "sync/core/hlc.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace quartier::fuzz {

namespace {
// 32 bytes from a label and a tag: the fixed material every fixture object is made from.
std::array<std::uint8_t, 32> material(std::string_view label, std::uint8_t tag) {
    std::array<std::uint8_t, 32> out{};
    const crypto::Bytes in = crypto::labelled(label, {crypto::ByteView(&tag, 1)});
    const crypto::Hash32 h = crypto::hash(in);
    std::copy(h.begin(), h.end(), out.begin());
    return out;
}

void must(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz fixture: %s\n", what);
        std::abort();
    }
}
}  // namespace

void violated(const char* what) {
    std::fprintf(stderr, "fuzz property violated: %s\n", what);
    std::abort();
}

crypto::DeviceIdentity identity(std::uint8_t tag) {
    must(crypto::init(), "libsodium does not start");
    const auto seed = material("quartier/fuzz/sign", tag);
    const auto box = material("quartier/fuzz/box", tag);
    std::uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, seed.data());
    crypto::Bytes secret(sk, sk + sizeof sk);
    secret.insert(secret.end(), box.begin(), box.end());
    auto d = crypto::DeviceIdentity::from_secret(secret);
    sodium_memzero(sk, sizeof sk);
    must(d.ok(), "fixed identity does not load");
    return std::move(*d);
}

crypto::SymmetricKey key(std::uint8_t tag) {
    must(crypto::init(), "libsodium does not start");
    return crypto::SymmetricKey::from(material("quartier/fuzz/key", tag));
}

crypto::Id16 id(std::uint8_t tag) {
    const auto m = material("quartier/fuzz/id", tag);
    crypto::Id16 out{};
    std::copy(m.begin(), m.begin() + 16, out.begin());
    return out;
}

Org::Org() {
    escrow.sk = crypto::SecureBytes::from(material("quartier/fuzz/escrow", 1));
    escrow.pk = crypto::box_public_of(escrow.sk);
    using sync::Directory;
    using sync::ScopeKind;
    auto add = [this](const sync::SignedEntry& e) { must(dir.append(e).ok(), "fixture directory entry refused"); };
    const auto enrol = [&](const crypto::DeviceIdentity& d, const char* name, const char* role, const std::string& provider = {}) {
        add(dir.make_enrol(org_admin, d.id(), d.sign_public(), d.box_public(), name, role, kTime, provider));
    };
    add(Directory::make_genesis(org_admin, org, "Jugendamt Fuzz", kTime));
    enrol(admin, "Admin-Tablet", "admin");
    enrol(alice, "Tablet Alice", "caseworker");
    enrol(bob, "Tablet Bob", "caseworker");
    enrol(dpo, "Datenschutz", "dpo");
    enrol(eve, "Tablet Eve", "caseworker");
    enrol(helper, "Tablet Träger", "helper", "Träger Nord");
    add(dir.make_escrow(org_admin, escrow.pk, kTime));
    add(dir.make_member(alice, false, case_scope, 1, alice.id(), ScopeKind::Case, kTime));
    add(dir.make_member(alice, false, case_scope, 1, bob.id(), ScopeKind::Case, kTime));
    add(dir.make_member(org_admin, true, team_scope, 1, alice.id(), ScopeKind::Team, kTime));
    add(dir.make_member(alice, false, personal_scope, 1, alice.id(), ScopeKind::Personal, kTime));
    add(dir.make_member(alice, false, audit_scope, 1, alice.id(), ScopeKind::Audit, kTime));
    add(dir.make_member(org_admin, true, audit_scope, 1, dpo.id(), ScopeKind::Audit, kTime));
    add(dir.make_member(alice, false, old_scope, 1, alice.id(), ScopeKind::Case, kTime));
    shred_seq = dir.size();
    add(dir.make_shred(org_admin, old_scope, "retention", "Aufbewahrungsfrist abgelaufen (§ 84 SGB X)", kTime));
    add(dir.make_member(org_admin, true, team_scope, 1, eve.id(), ScopeKind::Team, kTime));
    add(dir.make_revoke(org_admin, eve.id(), true, kTime));
    add(dir.make_member(alice, false, case_scope, 2, alice.id(), ScopeKind::Case, kTime));
    add(dir.make_member(alice, false, case_scope, 2, bob.id(), ScopeKind::Case, kTime));
    add(dir.make_provider(org_admin, true, case_scope, "Träger Nord", true, kTime));
    add(dir.make_member(org_admin, true, case_scope, 2, helper.id(), ScopeKind::Case, kTime));
    add(dir.make_unassign(org_admin, true, case_scope, helper.id(), kTime));
    add(dir.make_lease(org_admin, 30, kTime));
}

const crypto::DeviceIdentity* Org::device(const crypto::DeviceId& d) const {
    for (const auto* i : {&org_admin, &admin, &alice, &bob, &dpo, &eve, &helper})
        if (i->id() == d) return i;
    return nullptr;
}

const crypto::SymmetricKey* Org::scope_key(const crypto::ScopeId& s, std::uint32_t epoch) const {
    if (s == case_scope && epoch == 1) return &case_e1;
    if (s == case_scope && epoch == 2) return &case_e2;
    if (s == team_scope && epoch == 1) return &team_e1;
    if (s == personal_scope && epoch == 1) return &personal_e1;
    if (s == audit_scope && epoch == 1) return &audit_e1;
    return nullptr;
}

const Org& org() {
    static const Org* o = new Org();
    return *o;
}

const crypto::SymmetricKey* OrgKeys::scope_key(const crypto::ScopeId& scope, std::uint32_t epoch) const {
    return org().scope_key(scope, epoch);
}

const crypto::SignPublicKey* OrgKeys::member_key(const crypto::ScopeId& scope, std::uint32_t epoch,
                                                 const crypto::DeviceId& author) const {
    return org().dir.member_key(scope, epoch, author);
}

std::vector<sync::OpPayload> sample_ops() {
    using sync::OpKind;
    std::vector<sync::OpPayload> ops;
    ops.push_back({OpKind::Set, "case", "fam-1", "name", {}, "Familie Demir"});
    ops.push_back({OpKind::Set, "case", "fam-1", "status", {id(40)}, "active"});
    ops.push_back({OpKind::Set, "note", "note-7", "text", {}, "Gespräch über Öffnungszeiten der Kita: \"passt\" — ✓"});
    ops.push_back({OpKind::Delete, "member", "fam-1/m-2", "", {id(41), id(42)}, ""});
    ops.push_back({OpKind::Resolve, "goal", "goal-3", "scale", {id(43), id(44), id(45)}, "7"});
    ops.push_back({OpKind::Set, "offer", "offer-12", "times", {}, ""});
    return ops;
}

namespace {
std::vector<SampleEnvelope> make_samples() {
    const Org& o = org();
    std::vector<SampleEnvelope> out;
    std::uint8_t n = 0;
    // One envelope: scope, epoch, author, payload; `signer` null for a commit-signed one.
    const auto seal = [&](const crypto::ScopeId& scope, std::uint32_t epoch, const crypto::DeviceIdentity& author,
                          const crypto::Bytes& plain, bool individually) {
        ++n;
        crypto::EnvelopeHeader h;
        h.scope = scope;
        h.epoch = epoch;
        h.op = id(std::uint8_t(100 + n));
        h.hlc = sync::Hlc::make(kTime, n);
        h.author = author.id();
        h.seq = n;
        std::array<std::uint8_t, 24> nonce{};
        const auto m = material("quartier/fuzz/nonce", n);
        std::copy(m.begin(), m.begin() + 24, nonce.begin());
        const crypto::SymmetricKey* k = o.scope_key(scope, epoch);
        must(k != nullptr, "sample envelope without a key");
        out.push_back({crypto::seal_envelope_with_nonce(h, *k, plain, individually ? &author : nullptr, nonce), !individually});
    };
    const auto ops = sample_ops();
    seal(o.case_scope, 2, o.alice, sync::encode_op(ops[0]), false);
    seal(o.case_scope, 2, o.alice, sync::encode_op(ops[1]), true);
    seal(o.case_scope, 1, o.alice, sync::encode_op(ops[4]), false);
    seal(o.team_scope, 1, o.alice, sync::encode_op(ops[3]), false);
    seal(o.personal_scope, 1, o.alice, sync::encode_op(ops[2]), true);
    seal(o.case_scope, 1, o.bob, sync::encode_op(ops[5]), true);
    // An audit entry as it travels (docs/audit.md): the canonical JSON as the value of an op.
    sync::AuditEntry a;
    a.seq = 1;
    a.device = o.alice.id();
    a.time_ms = kTime;
    a.actor = "caseworker";
    a.action = sync::AuditAction::Change;
    a.objects = {"fam-1", crypto::to_hex(o.case_scope)};
    a.detail = "2 fields";
    const crypto::Bytes canon = a.canonical();
    sync::OpPayload audit{sync::OpKind::Set, sync::kAuditRecordType, a.record_id(), sync::kAuditField, {},
                          std::string(canon.begin(), canon.end())};
    seal(o.audit_scope, 1, o.alice, sync::encode_op(audit), false);
    // An empty plaintext: the shortest envelope there is.
    seal(o.team_scope, 1, o.alice, {}, false);
    return out;
}
}  // namespace

const std::vector<SampleEnvelope>& sample_envelopes() {
    static const auto* s = new std::vector<SampleEnvelope>(make_samples());
    return *s;
}

crypto::Commit commit_of_alice() {
    std::vector<crypto::Hash32> hashes;
    for (const auto& e : sample_envelopes()) {
        if (!e.in_commit) continue;
        auto v = crypto::parse_envelope(e.bytes);
        must(v.ok(), "sample envelope does not parse");
        hashes.push_back(v->hash());
    }
    return crypto::make_commit(org().alice, hashes);
}

const crypto::VerifiedCommit& verified_commit_of_alice() {
    static const auto* v = [] {
        auto r = crypto::verify_commit(commit_of_alice(), org().alice.sign_public());
        must(r.ok(), "sample commit does not verify");
        return new crypto::VerifiedCommit(std::move(*r));
    }();
    return *v;
}

}  // namespace quartier::fuzz
