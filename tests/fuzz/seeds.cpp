// Writes the seed corpus of every fuzz target (tests/fuzz/corpus/<target>/) and the dictionaries
// (tests/fuzz/dict/) from valid objects of the fixture, plus edge cases made by hand from them.
// libsodium's random source is replaced by a fixed stream, so the same build writes the same bytes:
// rerunning it after a format change shows in git exactly which seeds changed.
//
//   build/fuzz/tests/fuzz/fuzz_seeds tests/fuzz     (scripts/fuzz seeds)
#include "fixture.h"
#include "server_harness.h"

#include "sync/store/audit.h"
#include "sync/org/escrow.h"
#include "sync/org/grant.h"
#include "sync/core/hlc.h"
#include "sync/client/org.h"
#include "sync/store/record.h"
#include "sync/protocol/wire.h"

#include "crypto/bytes_io.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

using namespace quartier;
using namespace quartier::fuzz;
using nlohmann::json;
namespace fs = std::filesystem;
namespace wire = quartier::sync::wire;

namespace {
// ---- a fixed random stream (randombytes_buf_deterministic over a counter) ----
std::uint64_t g_counter = 0;
void fixed_buf(void* const buf, const std::size_t size) {
    std::uint8_t seed[randombytes_SEEDBYTES] = {'q', 'u', 'a', 'r', 't', 'i', 'e', 'r', '-', 's', 'e', 'e', 'd', 's'};
    for (int i = 0; i < 8; ++i) seed[24 + i] = std::uint8_t(g_counter >> (8 * i));
    ++g_counter;
    randombytes_buf_deterministic(buf, size, seed);
}
std::uint32_t fixed_random() {
    std::uint32_t v;
    fixed_buf(&v, sizeof v);
    return v;
}
const char* fixed_name() { return "quartier-fuzz-seeds"; }
void fixed_stir() {}
int fixed_close() { return 0; }
randombytes_implementation g_fixed = {fixed_name, fixed_random, fixed_stir, nullptr, fixed_buf, fixed_close};

// ---- output ----
fs::path g_root;
std::size_t g_files = 0;

void put(const std::string& target, const std::string& name, std::string_view bytes) {
    const fs::path dir = g_root / "corpus" / target;
    fs::create_directories(dir);
    std::ofstream f(dir / name, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), std::streamsize(bytes.size()));
    ++g_files;
}
std::string str(crypto::ByteView b) { return std::string(reinterpret_cast<const char*>(b.data()), b.size()); }
void put(const std::string& target, const std::string& name, crypto::ByteView bytes) { put(target, name, std::string_view(str(bytes))); }
// With a mode or caller byte in front.
void put(const std::string& target, const std::string& name, std::uint8_t first, std::string_view rest) {
    std::string s(1, char(first));
    s += rest;
    put(target, name, std::string_view(s));
}

std::string dump(const json& j) { return j.dump(); }
std::string hex(const crypto::Id16& id) { return crypto::to_hex(id); }

// ---- envelopes and commits ----
void envelope_seeds() {
    int i = 0;
    for (const auto& e : sample_envelopes()) put("envelope", "sample-" + std::to_string(++i) + (e.in_commit ? "-commit" : "-signed"), e.bytes);
    const crypto::Bytes& signed_one = sample_envelopes()[1].bytes;
    auto patched = [&](const char* name, std::size_t at, std::uint8_t v) {
        crypto::Bytes b = signed_one;
        b[at] = v;
        put("envelope", name, b);
    };
    patched("edge-flags-unknown", 4, 0x03);
    patched("edge-flags-unsigned", 4, 0x00);
    patched("edge-version-2", 2, 2);
    patched("edge-suite-aes", 3, 2);
    patched("edge-ctlen-max", 97, 0xFF);
    crypto::Bytes cut(signed_one.begin(), signed_one.end() - 1);
    put("envelope", "edge-signature-cut", cut);
    crypto::Bytes longer = signed_one;
    longer.push_back(0);
    put("envelope", "edge-trailing-byte", longer);
    put("envelope", "edge-header-only", crypto::ByteView(signed_one.data(), crypto::kEnvelopeHeaderSize + crypto::kAeadTagSize));
    put("envelope", "edge-empty", std::string_view());
}

void commit_seeds() {
    put("commit", "alice", commit_of_alice().serialize());
    put("commit", "bob-one", crypto::make_commit(org().bob, {crypto::hash(crypto::ByteView())}).serialize());
    crypto::Bytes c = commit_of_alice().serialize();
    crypto::Bytes zero = c;
    zero[36] = zero[37] = zero[38] = zero[39] = 0;  // count 0
    put("commit", "edge-count-zero", zero);
    crypto::Bytes huge = c;
    huge[36] = huge[37] = huge[38] = huge[39] = 0xFF;
    put("commit", "edge-count-huge", huge);
    c.push_back(0);
    put("commit", "edge-trailing-byte", c);
}

// ---- wire ----
std::vector<crypto::Bytes> envelopes_by(const crypto::DeviceIdentity& d) {
    std::vector<crypto::Bytes> out;
    for (const auto& e : sample_envelopes())
        if (crypto::parse_envelope(e.bytes)->header.author == d.id()) out.push_back(e.bytes);
    return out;
}

void wire_seeds() {
    const auto alice = envelopes_by(org().alice), bob = envelopes_by(org().bob);
    put("wire", "push-one-group", 0, push_framed({{&org().alice, alice}}));
    put("wire", "push-two-groups", 0, push_framed({{&org().alice, {alice[0], alice[1]}}, {&org().bob, bob}}));
    put("wire", "edge-push-no-groups", 0, std::string_view("QPU1\0\0", 6));
    put("wire", "edge-push-count-past-end", 0, std::string_view("QPU1\0\1\0\0\0\0\xff\xff\xff\xff", 14));
    wire::FramedPage page;
    page.next = 7;
    page.more = true;
    const crypto::Bytes c1 = commit_of_alice().serialize();
    page.commits.emplace_back(id(60), c1);
    page.commits.emplace_back(id(61), c1);
    for (std::size_t i = 0; i < 3; ++i) page.items.push_back({i + 5, id(60), alice[i]});
    put("wire", "pull-page", 1, wire::frame_pull(page));
    put("wire", "pull-empty", 1, wire::frame_pull(wire::FramedPage{}));
    std::string bad_more = wire::frame_pull(wire::FramedPage{});
    bad_more[12] = 2;
    put("wire", "edge-pull-more-2", 1, bad_more);
    put("wire", "b64-short", 2, wire::b64(crypto::ByteView(c1.data(), 40)));
    put("wire", "b64-pad-1", 2, wire::b64(crypto::ByteView(c1.data(), 2)));
    put("wire", "b64-pad-2", 2, wire::b64(crypto::ByteView(c1.data(), 1)));
    crypto::Bytes blob;  // long enough for the table codec (>= 256 characters)
    for (const auto& e : alice) blob.insert(blob.end(), e.begin(), e.end());
    put("wire", "b64-long", 2, wire::b64(crypto::ByteView(blob.data(), 201)));
    put("wire", "b64-long-pad", 2, wire::b64(crypto::ByteView(blob.data(), 200)));
    put("wire", "edge-b64-trailing-bits", 2, std::string_view("QR=="));
    std::string long_bits = wire::b64(crypto::ByteView(blob.data(), 199));
    long_bits[long_bits.size() - 3] = 'B';
    put("wire", "edge-b64-long-trailing-bits", 2, long_bits);
    put("wire", "edge-b64-high-byte", 2, std::string_view("QUJD\xc3\xa4"));
    put("wire", "b64url", 3, wire::b64url(crypto::ByteView(c1.data(), 50)));
    put("wire", "hex-lower", 4, hex(org().case_scope));
    std::string upper = hex(org().case_scope);
    for (char& ch : upper) ch = char(std::toupper(static_cast<unsigned char>(ch)));
    put("wire", "hex-upper", 4, upper);
}

// ---- ops, records, the fold ----
std::string op_chunk(const sync::OpPayload& op, std::uint64_t hlc, std::uint8_t author) {
    crypto::Bytes b;
    const crypto::Bytes p = sync::encode_op(op);
    crypto::io::put_u16(b, std::uint16_t(p.size()));
    crypto::io::put(b, p);
    crypto::io::put_u64(b, hlc);
    crypto::io::put_u8(b, author);
    return str(b);
}
crypto::Id16 fold_id(std::uint8_t n) {  // the op id fuzz_opcodec gives the n-th op (from 1)
    crypto::Id16 i{};
    i[0] = n;
    return i;
}

void opcodec_seeds() {
    int i = 0;
    for (const auto& op : sample_ops()) put("opcodec", "op-" + std::to_string(++i), 0, str(sync::encode_op(op)));
    crypto::Bytes bad = sync::encode_op(sample_ops()[0]);
    bad[1] = 4;
    put("opcodec", "edge-op-kind-4", 0, str(bad));

    using sync::OpKind;
    const std::uint64_t t = sync::Hlc::make(kTime, 0);
    // A record's ops: two fields, a concurrent edit (a conflict), a resolve, a delete that saw one
    // head while an edit it did not see survives.
    std::vector<std::pair<sync::OpPayload, std::pair<std::uint64_t, std::uint8_t>>> run = {
        {{OpKind::Set, "case", "fam-1", "name", {}, "Familie Demir"}, {t + 1, 1}},
        {{OpKind::Set, "case", "fam-1", "status", {}, "active"}, {t + 2, 1}},
        {{OpKind::Set, "case", "fam-1", "status", {fold_id(2)}, "closed"}, {t + 3, 2}},
        {{OpKind::Set, "case", "fam-1", "status", {fold_id(2)}, "paused"}, {t + 3, 1}},
        {{OpKind::Resolve, "case", "fam-1", "status", {fold_id(3), fold_id(4)}, "active"}, {t + 4, 1}},
        {{OpKind::Delete, "case", "fam-1", "", {fold_id(1)}, ""}, {t + 5, 2}},
        {{OpKind::Set, "case", "fam-1", "name", {fold_id(1)}, "Familie Demir-Kaya"}, {t + 5, 1}},
    };
    std::string all;
    for (const auto& [op, meta] : run) all += op_chunk(op, meta.first, meta.second);
    put("opcodec", "fold-conflicts-and-delete", 2, all);
    put("opcodec", "fold-one", 2, op_chunk(run[0].first, t, 0));
    put("opcodec", "fold-same-hlc", 2, op_chunk(run[2].first, t, 1) + op_chunk(run[3].first, t, 1));

    sync::Record rec;
    std::uint8_t n = 0;
    for (const auto& [op, meta] : run) rec.apply({fold_id(++n), meta.first, id(meta.second), org().case_scope}, op);
    put("opcodec", "record-folded", 1, str(sync::encode_record(rec)));
    sync::Record conflict;
    n = 0;
    for (std::size_t k = 0; k < 4; ++k) conflict.apply({fold_id(++n), run[k].second.first, id(run[k].second.second), org().case_scope}, run[k].first);
    put("opcodec", "record-conflict", 1, str(sync::encode_record(conflict)));

    put("opcodec", "utf8-ascii-long", 3, std::string_view("Familie Demir, Garstedt, Ochsenzoller Straße 12"));
    put("opcodec", "utf8-mixed", 3, std::string_view("Fußball für Mädchen ✓ 𝄞"));
    put("opcodec", "edge-utf8-overlong", 3, std::string_view("abcdefgh\xc0\x80"));
    put("opcodec", "edge-utf8-surrogate", 3, std::string_view("abcdefghijklmnopqrstuvwxyz012345\xed\xa0\x80"));
    put("opcodec", "edge-utf8-above-max", 3, std::string_view("\xf4\x90\x80\x80"));
    put("opcodec", "edge-utf8-truncated", 3, std::string_view("12345678\xe2\x82"));
}

// ---- directory ----
// Entries that append to the fixture's directory as it stands (each on its own).
std::vector<std::pair<std::string, sync::SignedEntry>> next_entries() {
    const Org& o = org();
    const auto& d = o.dir;
    const auto& x = newcomer();
    using sync::ScopeKind;
    return {
        {"member-team-bob", d.make_member(o.org_admin, true, o.team_scope, 1, o.bob.id(), ScopeKind::Team, kTime)},
        {"member-case-e3-rotation", d.make_member(o.alice, false, o.case_scope, 3, o.alice.id(), ScopeKind::Case, kTime)},
        {"member-audit-bob-refused", d.make_member(o.org_admin, true, o.audit_scope, 1, o.bob.id(), ScopeKind::Audit, kTime)},
        {"member-personal-bob-refused", d.make_member(o.alice, false, o.personal_scope, 1, o.bob.id(), ScopeKind::Personal, kTime)},
        {"member-found-report", d.make_member(o.bob, false, id(70), 1, o.bob.id(), ScopeKind::Report, kTime)},
        {"unassign-bob", d.make_unassign(o.alice, false, o.case_scope, o.bob.id(), kTime)},
        {"provider-withdrawn", d.make_provider(o.org_admin, true, o.case_scope, "Träger Nord", false, kTime)},
        {"provider-by-bob", d.make_provider(o.bob, false, o.case_scope, "Träger Süd", true, kTime)},
        {"revoke-bob", d.make_revoke(o.org_admin, o.bob.id(), false, kTime)},
        {"enrol-newcomer", d.make_enrol(o.org_admin, x.id(), x.sign_public(), x.box_public(), "Tablet Neu", "team_lead", kTime)},
        {"shred-case", d.make_shred(o.org_admin, o.case_scope, "erasure", "Löschungsanordnung", kTime)},
        {"lease-90", d.make_lease(o.org_admin, 90, kTime)},
        {"escrow-second-refused", d.make_escrow(o.org_admin, o.escrow.pk, kTime)},
    };
}

void directory_seeds() {
    int i = 0;
    for (const auto& e : org().dir.entries()) put("directory", "log-" + std::to_string(i++), 0, e.to_json());
    for (const auto& [name, e] : next_entries()) {
        put("directory", "next-" + name, 0, e.to_json());
        // The same body, signed by the harness: mode 1 admin, 2 alice, 3 bob.
        const std::uint8_t mode = e.signer == "admin" ? 1 : e.signer == hex(org().alice.id()) ? 2 : 3;
        put("directory", "body-" + name, mode, str(e.body));
    }
    put("directory", "edge-not-object", 0, std::string_view("[1,2,3]"));
    put("directory", "edge-body-not-b64", 0, std::string_view(R"({"body":"%%%","signer":"admin","signature":""})"));
    put("directory", "edge-body-deep", 1, std::string(200, '[') + std::string(200, ']'));
    put("directory", "edge-body-seq-float", 1,
        dump(json{{"v", 1}, {"org", hex(org().org)}, {"seq", 24.0}, {"prev", ""}, {"kind", "lease"}, {"time", 1}, {"days", 1}}));
}

// ---- grants and escrow ----
void grant_seeds() {
    const Org& o = org();
    const auto g1 = sync::KeyGrant::make(o.alice, false, o.case_scope, 2, *o.dir.device(o.bob.id()), o.case_e2);
    const auto g2 = sync::KeyGrant::make(o.org_admin, true, o.team_scope, 1, *o.dir.device(o.alice.id()), o.team_e1);
    put("grant", "alice-to-bob", 0, g1.to_json());
    put("grant", "admin-to-alice", 0, g2.to_json());
    put("grant", "resign-alice-to-bob", 1, g1.to_json());
    put("grant", "resign-to-eve-revoked", 1,
        sync::KeyGrant::make(o.org_admin, true, o.team_scope, 1, *o.dir.device(o.eve.id()), o.team_e1).to_json());
    sync::KeyGrant probe;
    probe.scope = o.case_scope;
    probe.epoch = 2;
    probe.device = o.alice.id();
    crypto::Bytes inner = probe.binding();
    crypto::io::put(inner, o.case_e2.view());
    put("grant", "sealed-binding-and-key", 2, str(inner));
    put("grant", "sealed-binding-only", 2, str(probe.binding()));
    put("grant", "edge-epoch-zero", 0, dump(json{{"scope", hex(o.case_scope)}, {"epoch", 0}, {"device", hex(o.bob.id())},
                                                 {"sealed", ""}, {"granter", "admin"}, {"signature", ""}}));
}

void escrow_seeds() {
    const Org& o = org();
    const auto w = sync::EscrowWrap::make(o.alice, o.case_scope, 2, o.escrow.pk, o.case_e2);
    put("escrow", "wrap-alice", 0, w.to_json());
    put("escrow", "resign-wrap-bob-e1", 1, sync::EscrowWrap::make(o.bob, o.case_scope, 1, o.escrow.pk, o.case_e1).to_json());
    put("escrow", "resign-wrap-personal", 1, sync::EscrowWrap::make(o.alice, o.personal_scope, 1, o.escrow.pk, o.personal_e1).to_json());
    crypto::Bytes inner = sync::EscrowWrap::binding(o.case_scope, 2, o.escrow.pk);
    crypto::io::put(inner, o.case_e2.view());
    put("escrow", "sealed-binding-and-key", 2, str(inner));
    // Below the escrow KDF floor on purpose (a floor only tests lower): the fuzz target derives it fast.
    auto file = sync::EscrowFile::create("fuzz", crypto::PwhashParams{1, 8192}, crypto::PwhashParams{1, 8192});
    if (!file) violated("escrow file");
    put("escrow", "file-minimal-kdf", 3, file->to_text());
    put("escrow", "keyfile-minimal-kdf", 4, str(file->keyfile.serialize()));
    crypto::KeyFile heavy = file->keyfile;
    heavy.params = {32, 1ull << 32};  // the largest accepted: parsed, never derived here
    put("escrow", "keyfile-max-params", 4, str(heavy.serialize()));
    put("escrow", "edge-file-v2", 3, dump(json{{"format", "quartier-escrow"}, {"v", 2}}));
}

// ---- audit entries, enrolment codes ----
void audit_seeds() {
    sync::AuditEntry a;
    a.seq = 1;
    a.device = org().alice.id();
    a.time_ms = kTime;
    a.actor = "caseworker";
    a.action = sync::AuditAction::Unlock;
    put("audit_entry", "unlock", a.canonical());
    a.seq = 2;
    a.prev = a.hash();
    a.action = sync::AuditAction::Disclose;
    a.objects = {"note-7", hex(org().case_scope)};
    a.legal_basis = "§65 Abs. 1 Nr. 1 SGB VIII (Einwilligung)";
    a.detail = "geteilt mit Fall";
    a.server_time_ms = kTime - 5;
    put("audit_entry", "disclose", a.canonical());
    std::string spaced = str(a.canonical());
    spaced.insert(1, " ");
    put("audit_entry", "edge-not-canonical", std::string_view(spaced));
}

void enrol_code_seeds() {
    sync::EnrolCode c;
    c.url = "https://127.0.0.1:8443";
    c.fingerprint = std::string(64, 'a');
    c.org = org().org;
    c.admin_pk = org().org_admin.sign_public();
    c.secret = open_offer_secret();
    put("enrol_code", "code", c.to_string());
    put("enrol_code", "code-newline", c.to_string() + "\n");
    put("enrol_code", "edge-wrong-prefix", "quartier:2:" + c.to_string().substr(11));
}

// ---- the server ----
constexpr std::uint8_t kAlice = 0, kBob = 1, kAdmin = 2, kDpo = 3, kNobody = 4, kResign = 8;

void server_seeds() {
    const Org& o = org();
    // Every request that made the fixture's state, under its endpoint's target.
    std::map<std::string, int> count;
    for (const auto& q : setup_requests()) {
        std::string target = q.path.substr(4);  // "/v1/..."
        for (char& ch : target)
            if (ch == '/') ch = '_';
        if (target == "push" && q.framed) target = "push_framed";
        put("server_" + target, "fixture-" + std::to_string(++count[target]), std::uint8_t(q.caller), q.body);
    }

    put("server_org", "found", kNobody, found_body());
    json wrong = json::parse(found_body());
    wrong["bootstrap"] = std::string(64, '0');
    put("server_org", "wrong-bootstrap", kNobody, dump(wrong));
    json genesis_only = json::parse(found_body());
    genesis_only["entries"] = json::array({genesis_only["entries"][0]});
    put("server_org", "no-admin-device", kNobody, dump(genesis_only));

    for (const auto* d : {&o.alice, &o.eve, &newcomer()}) put("server_challenge", "device-" + hex(d->id()).substr(0, 8), kNobody, dump(json{{"device", hex(d->id())}}));
    put("server_challenge", "edge-upper-hex", kNobody, dump(json{{"device", "ABCDEF0123456789ABCDEF0123456789"}}));

    put("server_token", "alice", kNobody, dump(json{{"device", hex(o.alice.id())}, {"challenge", "@CHALLENGE@"}, {"signature", "@SIGNATURE@"}}));
    put("server_token", "bob-with-alices-challenge", kNobody,
        dump(json{{"device", hex(o.bob.id())}, {"challenge", "@CHALLENGE@"}, {"signature", "@SIGNATURE@"}}));
    put("server_token", "unknown-challenge", kNobody,
        dump(json{{"device", hex(o.alice.id())}, {"challenge", wire::b64(crypto::hash(crypto::ByteView()))}, {"signature", "@SIGNATURE@"}}));

    for (const auto& [name, e] : next_entries())
        put("server_directory", name, e.signer == "admin" ? kAdmin : e.signer == hex(o.alice.id()) ? kAlice : kBob,
            dump(json{{"entry", json::parse(e.to_json())}}));
    put("server_directory", "repeat-entry-5", kAlice, dump(json{{"entry", json::parse(o.dir.entries()[5].to_json())}}));
    sync::Directory first5;  // the log as it stood at seq 5: an entry made there conflicts with the real entry 5
    for (std::size_t k = 0; k < 5; ++k)
        if (!first5.append(o.dir.entries()[k]).ok()) violated("a log entry does not append");
    put("server_directory", "conflict-at-5", kAdmin,
        dump(json{{"entry", json::parse(first5.make_lease(o.org_admin, 7, kTime).to_json())}}));

    const auto offer = [](const crypto::Id16& s, std::uint64_t ttl) {
        return dump(json{{"offer", crypto::to_hex(crypto::hash(s))}, {"name", "Tablet Drei"}, {"expires_in", ttl}});
    };
    put("server_enrol_offer", "new", kAdmin, offer(id(90), 3600));
    put("server_enrol_offer", "by-caseworker", kAlice, offer(id(90), 3600));
    put("server_enrol_offer", "ttl-zero", kAdmin, offer(id(90), 0));

    const auto request = [](const std::array<std::uint8_t, 16>& s, const crypto::DeviceIdentity& d) {
        return dump(json{{"secret", wire::b64(s)}, {"sign_pk", wire::b64(d.sign_public())}, {"box_pk", wire::b64(d.box_public())},
                         {"name", "Tablet Neu"}});
    };
    const crypto::DeviceIdentity other = identity(10);
    put("server_enrol_request", "open-offer", kNobody, request(open_offer_secret(), other));
    put("server_enrol_request", "repeat", kNobody, request(used_offer_secret(), newcomer()));
    put("server_enrol_request", "used-by-another", kNobody, request(used_offer_secret(), other));

    const auto grants = [](std::initializer_list<sync::KeyGrant> gs) {
        json list = json::array();
        for (const auto& g : gs) list.push_back(json::parse(g.to_json()));
        return dump(json{{"grants", list}});
    };
    put("server_keys", "bob-to-alice", kBob, grants({sync::KeyGrant::make(o.bob, false, o.case_scope, 2, *o.dir.device(o.alice.id()), o.case_e2)}));
    put("server_keys", "to-non-member", kAlice, grants({sync::KeyGrant::make(o.alice, false, o.team_scope, 1, *o.dir.device(o.bob.id()), o.team_e1)}));
    put("server_keys", "shredded", kAlice, grants({sync::KeyGrant::make(o.alice, false, o.old_scope, 1, *o.dir.device(o.alice.id()), o.case_e1)}));

    // New envelopes (op ids the fixture has not pushed), so that a push stores something.
    crypto::EnvelopeHeader h;
    h.scope = o.case_scope;
    h.epoch = 2;
    h.op = id(95);
    h.hlc = sync::Hlc::make(kTime, 99);
    h.author = o.alice.id();
    h.seq = 99;
    const crypto::Bytes fresh = crypto::seal_envelope(h, o.case_e2, sync::encode_op(sample_ops()[1]), nullptr);
    h.op = id(96);
    h.hlc = sync::Hlc::make(kTime + 3 * 86'400'000, 0);  // three days ahead: clock_skew
    const crypto::Bytes ahead = crypto::seal_envelope(h, o.case_e2, sync::encode_op(sample_ops()[0]), nullptr);
    h.op = id(97);
    h.scope = o.old_scope;
    h.epoch = 1;
    h.hlc = sync::Hlc::make(kTime, 1);
    const crypto::Bytes shredded = crypto::seal_envelope(h, o.case_e1, sync::encode_op(sample_ops()[0]), nullptr);
    const auto alice = envelopes_by(o.alice);
    put("server_push", "fresh", kAlice, push_json(o.alice, {fresh}));
    put("server_push", "fresh-resign", kAlice | kResign, push_json(o.alice, {fresh, alice[0]}));
    put("server_push", "clock-skew", kAlice, push_json(o.alice, {ahead}));
    put("server_push", "shredded-scope", kAlice, push_json(o.alice, {shredded}));
    put("server_push", "by-bob-of-alice", kBob | kResign, push_json(o.alice, {fresh}));
    put("server_push_framed", "fresh", kAlice, push_framed({{&o.alice, {fresh}}}));
    put("server_push_framed", "two-groups-resign", kAlice | kResign, push_framed({{&o.alice, {fresh}}, {&o.alice, {alice[0], alice[1]}}}));
    put("server_push_framed", "clock-skew-resign", kAlice | kResign, push_framed({{&o.alice, {ahead}}}));
    put("server_push_framed", "shredded-scope", kAlice, push_framed({{&o.alice, {shredded}}}));

    const auto wraps = [](std::initializer_list<sync::EscrowWrap> ws) {
        json list = json::array();
        for (const auto& w : ws) list.push_back(json::parse(w.to_json()));
        return dump(json{{"wraps", list}});
    };
    put("server_escrow", "bob-e1", kBob, wraps({sync::EscrowWrap::make(o.bob, o.case_scope, 1, o.escrow.pk, o.case_e1)}));
    put("server_escrow", "personal", kAlice, wraps({sync::EscrowWrap::make(o.alice, o.personal_scope, 1, o.escrow.pk, o.personal_e1)}));
    put("server_escrow", "shredded", kAlice, wraps({sync::EscrowWrap::make(o.alice, o.old_scope, 1, o.escrow.pk, o.case_e1)}));

    const auto confirm = [](const sync::ShredConfirmation& c) { return dump(json{{"confirmation", json::parse(c.to_json())}}); };
    put("server_shred_confirm", "bob", kBob, confirm(sync::ShredConfirmation::make(o.bob, o.org, o.old_scope, o.shred_seq, {}, 0, false, kTime)));
    put("server_shred_confirm", "wrong-seq", kAlice, confirm(sync::ShredConfirmation::make(o.alice, o.org, o.old_scope, 3, {1}, 3, true, kTime)));
    put("server_shred_confirm", "for-bob-by-alice", kAlice,
        confirm(sync::ShredConfirmation::make(o.bob, o.org, o.old_scope, o.shred_seq, {1}, 3, true, kTime)));

    // GET: byte 1 is the route (0 pull, 1 directory, 2 escrow, 3 keys, 4 enrol/requests,
    // 5 shred/records, 6 info; +8 asks for a framed answer), the rest the query.
    const auto get = [](const std::string& name, std::uint8_t caller, std::uint8_t route, const std::string& query) {
        std::string s(1, char(route));
        s += query;
        put("server_get", name, caller, s);
    };
    get("pull", kAlice, 0, "scope=" + hex(o.case_scope));
    get("pull-since-limit", kBob, 0, "scope=" + hex(o.case_scope) + "&since=1&limit=2");
    get("pull-framed", kAlice, 8, "scope=" + hex(o.case_scope) + "&limit=1");
    get("pull-shredded", kAlice, 0, "scope=" + hex(o.old_scope));
    get("pull-not-member", kDpo, 0, "scope=" + hex(o.case_scope));
    get("directory-since", kAlice, 1, "since=20");
    get("escrow-list", kAlice, 2, "");
    get("escrow-scope", kBob, 2, "scope=" + hex(o.case_scope));
    get("escrow-scopes", kAlice, 2, "scopes=" + hex(o.case_scope) + "," + hex(o.team_scope) + "," + hex(o.personal_scope));
    get("escrow-admin-any", kAdmin, 2, "scopes=" + hex(o.case_scope) + "," + hex(o.team_scope));
    get("escrow-shredded", kAlice, 2, "scopes=" + hex(o.case_scope) + "," + hex(o.old_scope));
    get("escrow-both-forms", kAlice, 2, "scope=" + hex(o.case_scope) + "&scopes=" + hex(o.case_scope));
    get("keys", kBob, 3, "");
    get("enrol-requests", kAdmin, 4, "");
    get("shred-records", kAdmin, 5, "");
    get("info", kNobody, 6, "");
    (void)kDpo;
}

// ---- dictionaries ----
void dictionaries() {
    std::set<std::string> json_words = {
        "body", "signer", "signature", "admin", "v", "org", "seq", "prev", "time", "kind", "genesis", "enrol", "member",
        "unassign", "provider", "revoke", "escrow", "shred", "lease", "admin_pk", "name", "device", "sign_pk", "box_pk",
        "role", "caseworker", "team_lead", "helper", "planning", "dpo", "scope", "epoch", "scope_kind", "personal", "case",
        "team", "directory", "audit", "report", "assigned", "wipe", "escrow_pk", "order", "retention", "erasure", "reason",
        "days", "grants", "sealed", "granter", "wraps", "uploader", "confirmation", "shred_confirmation", "shred_seq",
        "epochs", "ops", "server_clean", "entries", "entry", "bootstrap", "challenge", "offer", "expires_in", "secret",
        "commit", "envelopes", "format", "quartier-escrow", "keyfile", "actor", "action", "objects", "legal_basis",
        "detail", "server_time", "url", "fp", "s", "@CHALLENGE@", "@SIGNATURE@"};
    // Written as they are: JSON literals and numbers at the edges, query keys, the code prefix.
    const std::vector<std::string> raw_words = {"true", "false", "null", "18446744073709551615", "18446744073709551616",
                                                "4294967295", "4294967296", "-1", "-0", "1e3", "0.5", "scope=", "since=",
                                                "limit=", "scopes=", "&", "quartier:1:"};
    for (const auto& name : {"create", "unlock", "unlock_failed", "open", "change", "export", "share", "unassign", "sync",
                             "enrol", "admit", "revoke", "wipe", "passphrase", "consent", "disclose", "refuse"})
        json_words.insert(name);
    const Org& o = org();
    for (const auto& i : {o.org, o.case_scope, o.team_scope, o.personal_scope, o.audit_scope, o.old_scope}) json_words.insert(hex(i));
    for (const auto* d : {&o.admin, &o.alice, &o.bob, &o.dpo, &o.eve, &o.helper}) json_words.insert(hex(d->id()));
    json_words.insert(crypto::to_hex(o.dir.head_hash()));
    json_words.insert(wire::b64(o.org_admin.sign_public()));

    const auto escape = [](std::string_view s) {
        std::string out;
        for (unsigned char c : s) {
            if (c == '"' || c == '\\') out += '\\', out += char(c);
            else if (c < 0x20 || c >= 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", c);
                out += buf;
            } else out += char(c);
        }
        return out;
    };
    fs::create_directories(g_root / "dict");
    {
        std::ofstream f(g_root / "dict" / "json.dict", std::ios::trunc);
        f << "# Written by tests/fuzz/seeds.cpp: JSON keys and values of docs/protocol.md and the fixture's ids.\n";
        for (const auto& w : json_words) f << "\"" << escape("\"" + w + "\"") << "\"\n";
        for (const auto& w : raw_words) f << "\"" << escape(w) << "\"\n";
        for (const char* t : {"{", "}", "[", "]", ":", ",", "\\u0000", "\\ud800"}) f << "\"" << escape(t) << "\"\n";
    }
    {
        std::ofstream f(g_root / "dict" / "binary.dict", std::ios::trunc);
        f << "# Written by tests/fuzz/seeds.cpp: magics and versions of the binary formats.\n";
        using namespace std::literals;
        for (std::string_view t : {"QE\x01\x01"sv, "QC\x01\x01"sv, "QPU1"sv, "QPL1"sv, "\x00\x00\x00\x10"sv, "\xff\xff\xff\xff"sv, "\x00\x01"sv})
            f << "\"" << escape(t) << "\"\n";
        for (const auto& i : {o.case_scope, o.team_scope, o.alice.id(), o.bob.id()})
            f << "\"" << escape(std::string_view(reinterpret_cast<const char*>(i.data()), i.size())) << "\"\n";
        for (const char* w : {"case", "fam-1", "name", "status", "note", "text", "audit_entry", "entry"}) f << "\"" << w << "\"\n";
    }
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s TESTS_FUZZ_DIR   (writes corpus/ and dict/ there)\n", argv[0]);
        return 2;
    }
    randombytes_set_implementation(&g_fixed);
    if (!crypto::init()) return 1;
    g_root = argv[1];
    envelope_seeds();
    commit_seeds();
    wire_seeds();
    opcodec_seeds();
    directory_seeds();
    grant_seeds();
    escrow_seeds();
    audit_seeds();
    enrol_code_seeds();
    server_seeds();
    dictionaries();
    std::printf("%zu seed files and 2 dictionaries written under %s\n", g_files, g_root.c_str());
    return 0;
}
