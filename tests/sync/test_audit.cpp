// The audit log (docs/architecture.md §8 item 4, docs/audit.md): the chain and its verifier as
// a table of tamperings, the store's own entries (sealed, surviving reopen, failed unlocks), tampering
// on disk, and the office's copy: a DPO device receives every device's chain through ordinary sync,
// verifies it, and names the first broken link when a device rewrote an entry before syncing.
#include "sync_fixture.h"

#include "sync/store/audit.h"
#include "sync/core/database.h"

using namespace quartier;
using namespace quartier::test;

namespace {

crypto::DeviceId device_of(std::uint8_t b) {
    crypto::DeviceId d{};
    d.fill(b);
    return d;
}

// A well-formed chain of `n` entries of `device`.
std::vector<AuditEntry> make_chain(std::size_t n, const crypto::DeviceId& device) {
    std::vector<AuditEntry> out;
    crypto::Hash32 prev{};
    for (std::size_t i = 1; i <= n; ++i) {
        AuditEntry e;
        e.seq = i;
        e.prev = prev;
        e.device = device;
        e.time_ms = 1'800'000'000'000 + i * 1000;
        e.server_time_ms = 1'800'000'000'000;
        e.actor = "caseworker";
        e.action = i % 2 ? AuditAction::Open : AuditAction::Change;
        e.objects = {"fall-" + std::to_string(i)};
        e.legal_basis = i == 3 ? "§8a SGB VIII" : "";
        e.detail = "1 op: 1 set";
        prev = e.hash();
        out.push_back(e);
    }
    return out;
}

// Re-links entries after `from` so that only the tampering itself breaks the chain (an attacker
// who also rewrites every later link; without a head that is what a rewrite of the end looks like).
void relink(std::vector<AuditEntry>& c, std::size_t from) {
    for (std::size_t i = from + 1; i < c.size(); ++i) c[i].prev = c[i - 1].hash();
}

constexpr const char* kPass = "audit passphrase";

std::unique_ptr<Store> make_store(const TempDir& d, StoreOptions o = {}) {
    auto s = Store::create(d / "store", kPass, kFastKdf, std::move(o));
    REQUIRE(s.ok());
    return std::move(*s);
}

std::unique_ptr<Store> reopen(const TempDir& d, StoreOptions o = {}) {
    auto s = Store::open(d / "store", kPass, std::move(o));
    INFO((s.ok() ? std::string() : s.detail()));
    REQUIRE(s.ok());
    return std::move(*s);
}

void sql(const TempDir& d, const std::string& statement) {
    auto db = Database::open(d / "store" / "store.db", false);
    REQUIRE(db.ok());
    INFO(statement);
    REQUIRE(db->exec(statement.c_str()).ok());
}

const AuditChain& local_chain(const std::vector<AuditChain>& chains) {
    REQUIRE_FALSE(chains.empty());
    REQUIRE(chains.front().local);
    return chains.front();
}

std::vector<AuditAction> actions(const AuditChain& c) {
    std::vector<AuditAction> out;
    for (const auto& e : c.entries) out.push_back(e.action);
    return out;
}

const AuditChain* chain_of(const std::vector<AuditChain>& chains, const DeviceId& d) {
    for (const auto& c : chains)
        if (c.device == d) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("An audit entry has exactly one byte string: canonical JSON, strictly parsed", "[audit]") {
    const AuditEntry e = make_chain(3, device_of(7))[2];
    const crypto::Bytes bytes = e.canonical();
    const std::string text(bytes.begin(), bytes.end());
    CHECK(text == nlohmann::json::parse(text).dump());  // no whitespace, no pretty printing
    CHECK(text.find("\"action\"") < text.find("\"actor\""));  // sorted keys
    auto back = AuditEntry::parse(bytes);
    REQUIRE(back.ok());
    REQUIRE(back->canonical() == bytes);
    REQUIRE(back->hash() == e.hash());
    REQUIRE(back->legal_basis == "§8a SGB VIII");

    auto not_canonical = [&](std::string t) {
        INFO(t);
        auto r = AuditEntry::parse(crypto::Bytes(t.begin(), t.end()));
        REQUIRE_FALSE(r.ok());
    };
    nlohmann::json j = nlohmann::json::parse(text);
    not_canonical(j.dump(1));                                             // whitespace
    not_canonical(text + " ");                                            // trailing bytes
    { auto k = j; k["extra"] = 1; not_canonical(k.dump()); }              // unknown field
    { auto k = j; k.erase("detail"); not_canonical(k.dump()); }           // missing field
    { auto k = j; k["seq"] = "3"; not_canonical(k.dump()); }              // wrong type
    { auto k = j; k["action"] = "peek"; not_canonical(k.dump()); }        // unknown action
    { auto k = j; k["v"] = 2; not_canonical(k.dump()); }                  // unknown version
    { auto k = j; std::string p = k["prev"]; for (auto& c : p) c = char(std::toupper(c)); k["prev"] = p; not_canonical(k.dump()); }
    // Keys out of order: the same content, other bytes.
    std::string reversed = "{";
    for (auto it = j.items().begin(); it != j.items().end(); ++it) {
        const std::string part = nlohmann::json(it.key()).dump() + ":" + it.value().dump();
        reversed.insert(1, part + (reversed.size() > 1 ? "," : ""));
    }
    reversed += "}";
    REQUIRE(nlohmann::json::parse(reversed) == j);
    not_canonical(reversed);
}

TEST_CASE("verify_chain names the first broken link of every kind of tampering", "[audit]") {
    const crypto::DeviceId dev = device_of(1);
    const std::vector<AuditEntry> intact = make_chain(6, dev);
    const AuditHead head{6, intact.back().hash()};
    REQUIRE_FALSE(verify_chain(intact, dev));
    REQUIRE_FALSE(verify_chain(intact, dev, head));
    REQUIRE_FALSE(verify_chain({}, dev));

    struct Row {
        std::string name;
        std::function<void(std::vector<AuditEntry>&)> tamper;
        bool with_head;
        std::optional<AuditBreakKind> kind;  // nullopt: not detectable
        std::uint64_t seq;
    };
    using V = std::vector<AuditEntry>;
    const std::vector<Row> rows = {
        {"alter the detail of entry 3", [](V& c) { c[2].detail = "nichts geschehen"; }, false, AuditBreakKind::HashMismatch, 4},
        {"alter the actor of entry 1", [](V& c) { c[0].actor = "admin"; }, false, AuditBreakKind::HashMismatch, 2},
        {"alter the objects of entry 2", [](V& c) { c[1].objects = {"anderer-fall"}; }, false, AuditBreakKind::HashMismatch, 3},
        {"alter the time of entry 4", [](V& c) { c[3].time_ms -= 3'600'000; }, false, AuditBreakKind::HashMismatch, 5},
        {"alter the action of entry 5", [](V& c) { c[4].action = AuditAction::Sync; }, false, AuditBreakKind::HashMismatch, 6},
        {"remove the legal basis of entry 3", [](V& c) { c[2].legal_basis.clear(); }, false, AuditBreakKind::HashMismatch, 4},
        // Whoever holds the keys can re-link the whole rest: only a head recorded elsewhere sees it.
        {"alter entry 3 and re-link the rest, no head", [](V& c) { c[2].detail = "x"; relink(c, 2); }, false, std::nullopt, 0},
        {"alter entry 3 and re-link the rest, against the head", [](V& c) { c[2].detail = "x"; relink(c, 2); }, true,
         AuditBreakKind::HashMismatch, 6},
        {"alter the newest entry, no head", [](V& c) { c[5].detail = "x"; }, false, std::nullopt, 0},
        {"alter the newest entry, against the head", [](V& c) { c[5].detail = "x"; }, true, AuditBreakKind::HashMismatch, 6},
        {"remove entry 3", [](V& c) { c.erase(c.begin() + 2); }, false, AuditBreakKind::Missing, 3},
        {"remove entry 1", [](V& c) { c.erase(c.begin()); }, false, AuditBreakKind::Missing, 1},
        {"remove entry 3 and renumber the rest", [](V& c) { c.erase(c.begin() + 2); for (std::size_t i = 2; i < c.size(); ++i) c[i].seq = i + 1; },
         false, AuditBreakKind::HashMismatch, 3},
        {"swap entries 2 and 3", [](V& c) { std::swap(c[1], c[2]); }, false, AuditBreakKind::Reordered, 2},
        {"swap entries 5 and 6", [](V& c) { std::swap(c[4], c[5]); }, false, AuditBreakKind::Reordered, 5},
        {"insert a forged entry 4 before the real one",
         [](V& c) {
             AuditEntry x = c[3];
             x.detail = "eingeschoben";
             x.prev = c[2].hash();
             c.insert(c.begin() + 3, x);
         },
         false, AuditBreakKind::Duplicate, 4},
        {"insert a forged entry 4 and renumber the rest",
         [](V& c) {
             AuditEntry x = c[3];
             x.detail = "eingeschoben";
             c.insert(c.begin() + 3, x);
             for (std::size_t i = 4; i < c.size(); ++i) c[i].seq = i + 1;
         },
         false, AuditBreakKind::HashMismatch, 5},
        {"an entry of another device in the chain", [](V& c) { c[3].device = device_of(2); }, false, AuditBreakKind::Foreign, 4},
        {"entry 1 that does not start a chain", [](V& c) { c[0].prev[0] = 1; }, false, AuditBreakKind::HashMismatch, 1},
        {"cut off the end, no head", [](V& c) { c.pop_back(); c.pop_back(); }, false, std::nullopt, 0},
        {"cut off the end, against the synced head", [](V& c) { c.pop_back(); c.pop_back(); }, true, AuditBreakKind::Truncated, 5},
        {"remove everything, against the synced head", [](V& c) { c.clear(); }, true, AuditBreakKind::Truncated, 1},
    };
    for (const Row& row : rows) {
        INFO(row.name);
        std::vector<AuditEntry> c = intact;
        row.tamper(c);
        const auto broken = verify_chain(c, dev, row.with_head ? std::optional<AuditHead>(head) : std::nullopt);
        if (!row.kind) {
            REQUIRE_FALSE(broken);
            continue;
        }
        REQUIRE(broken);
        INFO(broken->reason);
        CHECK(broken->kind == *row.kind);
        CHECK(broken->seq == row.seq);
        CHECK_FALSE(broken->reason.empty());
    }
}

TEST_CASE("The store records unlocks and every commit: entries survive reopen and are sealed", "[audit][store]") {
    TempDir d;
    const std::string canary = "ZILPZALP-Fall-2291";
    std::string note_id;
    {
        StoreOptions o;
        o.actor = "Frau ZILPZALP";
        auto s = make_store(d, std::move(o));
        Writer w(*s);
        w.legal_basis("Einwilligung ZILPZALP-Basis");
        REQUIRE(w.set("case", canary, "name", "Familie").ok());
        auto n = w.set("note", "", "text", "Vermerk");
        REQUIRE(n.ok());
        note_id = *n;
        REQUIRE(w.commit().ok());
        {
            Writer w2(*s);
            REQUIRE(w2.remove(canary).ok());
            REQUIRE(w2.commit().ok());
        }
        REQUIRE(s->record_open(note_id, "§8a SGB VIII", "shown").ok());
        auto chains = s->audit_chains();
        REQUIRE(chains.ok());
        REQUIRE(chains->size() == 1);  // nobody else's chain in a store that is no DPO's
        // While open: WAL and database as they are mid-session.
        REQUIRE_FALSE(any_file_contains(d.path(), "ZILPZALP"));
        const auto st = s->status();
        CHECK(st.audit_entries == 4);
        CHECK(st.ops == 3);      // case data only
        CHECK(st.pending == 3);  // unenrolled: audit entries are not ops yet
        CHECK(st.audit_pending == 0);
    }
    REQUIRE_FALSE(any_file_contains(d.path(), "ZILPZALP"));
    REQUIRE_FALSE(any_file_contains(d.path(), "8a SGB"));

    auto s = reopen(d);
    auto chains = s->audit_chains();
    REQUIRE(chains.ok());
    const AuditChain& c = local_chain(*chains);
    INFO((c.broken ? c.broken->reason : std::string()));
    REQUIRE_FALSE(c.broken);
    REQUIRE(actions(c) == std::vector<AuditAction>{AuditAction::Create, AuditAction::Change, AuditAction::Change,
                                                   AuditAction::Open, AuditAction::Unlock});
    const AuditEntry& change = c.entries[1];
    CHECK(change.objects == std::vector<std::string>{canary, note_id});
    CHECK(change.legal_basis == "Einwilligung ZILPZALP-Basis");
    CHECK(change.actor == "Frau ZILPZALP");
    CHECK(change.detail == "2 ops: 2 set");
    CHECK(c.entries[2].detail == "1 op: 1 delete");
    CHECK(c.entries[3].objects == std::vector<std::string>{note_id});
    CHECK(c.entries[3].legal_basis == "§8a SGB VIII");
    CHECK(c.entries[4].actor == "device");  // no actor given, not enrolled
    for (std::size_t i = 0; i < c.entries.size(); ++i) {
        CHECK(c.entries[i].seq == i + 1);
        CHECK(c.entries[i].device == s->device().id());
        CHECK(c.entries[i].time_ms > 0);
    }
    // The reserved record type cannot be written by hand.
    Writer w(*s);
    auto r = w.set(kAuditRecordType, "x", "entry", "y");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error() == Error::InvalidArgument);
}

TEST_CASE("A big write is recorded completely, in as many entries as it takes", "[audit][store]") {
    TempDir d;
    auto s = make_store(d);
    Writer w(*s);
    for (int i = 0; i < 5000; ++i) REQUIRE(w.set("case", "fall-mit-langer-kennung-" + std::to_string(i), "name", "x").ok());
    REQUIRE(w.commit().ok());
    auto chains = s->audit_chains();
    REQUIRE(chains.ok());
    const AuditChain& c = local_chain(*chains);
    REQUIRE_FALSE(c.broken);
    std::size_t named = 0;
    for (const auto& e : c.entries)
        if (e.action == AuditAction::Change) {
            named += e.objects.size();
            CHECK(e.detail.find("part") != std::string::npos);
        }
    CHECK(named == 5000);
}

TEST_CASE("Wrong passphrases are counted and become an entry at the next unlock", "[audit][store]") {
    TempDir d;
    StoreOptions o;
    std::uint64_t now = 1'800'000'000'000;
    o.clock = [&] { return now; };
    { auto s = make_store(d, o); }
    now += 60'000;
    for (int i = 0; i < 3; ++i) {
        auto bad = Store::open(d / "store", "falsch", o);
        REQUIRE_FALSE(bad.ok());
        REQUIRE(bad.error() == Error::WrongPassphrase);
        now += 1000;
    }
    {
        auto s = reopen(d, o);
        auto chains = s->audit_chains();
        REQUIRE(chains.ok());
        const AuditChain& c = local_chain(*chains);
        REQUIRE_FALSE(c.broken);
        REQUIRE(actions(c) == std::vector<AuditAction>{AuditAction::Create, AuditAction::UnlockFailed, AuditAction::Unlock});
        CHECK(c.entries[1].detail.find("3 wrong passphrases") != std::string::npos);
        CHECK(c.entries[1].detail.find(std::to_string(1'800'000'000'000 + 60'000 + 2000)) != std::string::npos);
    }
    // Counted once: the next unlock has nothing to report.
    auto s = reopen(d, o);
    auto chains = s->audit_chains();
    REQUIRE(chains.ok());
    REQUIRE(actions(local_chain(*chains)).back() == AuditAction::Unlock);
    REQUIRE(local_chain(*chains).entries.size() == 4);
}

TEST_CASE("Tampering with the local log on disk is named by seq", "[audit][store][integrity]") {
    TempDir d;
    {
        auto s = make_store(d);
        for (int i = 0; i < 5; ++i) {
            Writer w(*s);
            REQUIRE(w.set("case", "c" + std::to_string(i), "name", "x").ok());
            REQUIRE(w.commit().ok());
        }
    }  // entries 1..6: create, 5 changes
    struct Row {
        std::string name;
        std::string sql;
        AuditBreakKind kind;
        std::uint64_t seq;
    };
    auto row = GENERATE(Row{"an entry deleted", "DELETE FROM audit WHERE seq = 3", AuditBreakKind::Missing, 3},
                        Row{"the newest entries deleted (the head remembers them)", "DELETE FROM audit WHERE seq >= 5",
                            AuditBreakKind::Missing, 5},
                        Row{"a sealed row altered", "UPDATE audit SET sealed = zeroblob(length(sealed)) WHERE seq = 2",
                            AuditBreakKind::Unreadable, 2},
                        Row{"two rows swapped", "UPDATE audit SET seq = -seq WHERE seq IN (2, 4); UPDATE audit SET seq = 6 + seq WHERE seq < 0",
                            AuditBreakKind::Unreadable, 2});
    INFO(row.name);
    sql(d, row.sql);
    auto s = reopen(d);
    auto chains = s->audit_chains();
    REQUIRE(chains.ok());
    const AuditChain& c = local_chain(*chains);
    REQUIRE(c.broken);
    INFO(c.broken->reason);
    CHECK(c.broken->kind == row.kind);
    CHECK(c.broken->seq == row.seq);
}

TEST_CASE("A lost head row is written into the chain itself", "[audit][store][integrity]") {
    TempDir d;
    { auto s = make_store(d); }
    sql(d, "DELETE FROM meta WHERE k = 'audit_head'");
    auto s = reopen(d);
    REQUIRE_FALSE(s->problems().empty());
    auto chains = s->audit_chains();
    REQUIRE(chains.ok());
    const AuditChain& c = local_chain(*chains);
    REQUIRE(c.entries.back().action == AuditAction::Unlock);
    CHECK(c.entries.back().detail.find("head") != std::string::npos);
}

TEST_CASE("A rewrite by someone holding the keys breaks the chain at the next link", "[audit][store][integrity]") {
    TempDir d;
    auto s = make_store(d);
    for (int i = 0; i < 3; ++i) {
        Writer w(*s);
        REQUIRE(w.set("case", "c" + std::to_string(i), "name", "x").ok());
        REQUIRE(w.commit().ok());
    }
    REQUIRE(s->debug_rewrite_audit_entry(2, [](AuditEntry& e) { e.objects = {"harmlos"}; }).ok());
    auto chains = s->audit_chains();
    REQUIRE(chains.ok());
    const AuditChain& c = local_chain(*chains);
    REQUIRE(c.broken);
    CHECK(c.broken->kind == AuditBreakKind::HashMismatch);
    CHECK(c.broken->seq == 3);
}

TEST_CASE("The directory lets only the founding device and DPO devices into an audit scope", "[audit][directory]") {
    const auto admin = crypto::DeviceIdentity::generate();
    Directory d;
    REQUIRE(d.append(Directory::make_genesis(admin, crypto::random_id(), "Jugendamt", 0)).ok());
    const auto worker = crypto::DeviceIdentity::generate(), dpo = crypto::DeviceIdentity::generate(),
               boss = crypto::DeviceIdentity::generate();
    for (auto [dev, role] : {std::pair{&worker, "caseworker"}, std::pair{&dpo, "dpo"}, std::pair{&boss, "admin"}})
        REQUIRE(d.append(d.make_enrol(admin, dev->id(), dev->sign_public(), dev->box_public(), role, role, 0)).ok());
    const ScopeId scope = crypto::random_id();
    REQUIRE(d.append(d.make_member(worker, false, scope, 1, worker.id(), ScopeKind::Audit, 0)).ok());
    // Neither the admin's signature nor the owner's lets anyone but a DPO in.
    REQUIRE_FALSE(d.append(d.make_member(admin, true, scope, 1, boss.id(), ScopeKind::Audit, 0)).ok());
    REQUIRE_FALSE(d.append(d.make_member(worker, false, scope, 1, boss.id(), ScopeKind::Audit, 0)).ok());
    REQUIRE(d.append(d.make_member(worker, false, scope, 1, dpo.id(), ScopeKind::Audit, 0)).ok());
    REQUIRE(d.members(scope, 1).size() == 2);
    // The owner opens the next epoch (a rotation) for itself; still nobody else.
    REQUIRE(d.append(d.make_member(worker, false, scope, 2, worker.id(), ScopeKind::Audit, 0)).ok());
    REQUIRE_FALSE(d.append(d.make_member(worker, false, scope, 2, boss.id(), ScopeKind::Audit, 0)).ok());
    REQUIRE(d.append(d.make_member(worker, false, scope, 2, dpo.id(), ScopeKind::Audit, 0)).ok());
    // The owner is never taken off its own chain; a DPO can be.
    REQUIRE_FALSE(d.append(d.make_unassign(admin, true, scope, worker.id(), 0)).ok());
    REQUIRE(d.append(d.make_unassign(admin, true, scope, dpo.id(), 0)).ok());
    // Another device cannot claim a foreign kind for the scope either.
    REQUIRE_FALSE(d.append(d.make_member(worker, false, scope, 2, boss.id(), ScopeKind::Team, 0)).ok());
}

TEST_CASE("The office's DPO receives every device's chain through sync and verifies it", "[audit][sync]") {
    SyncFixture f(4, {{3, "dpo"}});
    Device &admin = *f.office, &worker = f[1], &colleague = f[2], &dpo = f[3];
    const std::string id = worker.set("", "name", "Familie Fink", &f.team);
    REQUIRE(worker.store->record_open(id, "§8a SGB VIII").ok());
    f.sync_all();
    f.sync_all();

    auto chains = dpo.store->audit_chains();
    REQUIRE(chains.ok());
    for (const auto& c : *chains) {
        INFO(crypto::to_hex(c.device) << ": " << (c.broken ? c.broken->reason : std::string()));
        REQUIRE_FALSE(c.broken);
    }
    for (Device* dev : {&admin, &worker, &colleague}) {
        const AuditChain* c = chain_of(*chains, dev->store->device().id());
        REQUIRE(c);
        REQUIRE_FALSE(c->local);
        REQUIRE(c->entries.front().seq == 1);  // from the store's creation on, before enrolment
        REQUIRE(c->entries.front().action == AuditAction::Create);
    }
    const AuditChain& w = *chain_of(*chains, worker.store->device().id());
    const bool changed = std::any_of(w.entries.begin(), w.entries.end(), [&](const AuditEntry& e) {
        return e.action == AuditAction::Change && e.objects == std::vector<std::string>{id};
    });
    const bool opened = std::any_of(w.entries.begin(), w.entries.end(), [&](const AuditEntry& e) {
        return e.action == AuditAction::Open && e.objects == std::vector<std::string>{id} && e.legal_basis == "§8a SGB VIII";
    });
    const bool synced = std::any_of(w.entries.begin(), w.entries.end(), [&](const AuditEntry& e) {
        return e.action == AuditAction::Sync && e.server_time_ms >= 1'800'000'000'000;
    });
    CHECK(changed);
    CHECK(opened);
    CHECK(synced);
    const AuditChain* a = chain_of(*chains, admin.store->device().id());
    const bool admitted = std::any_of(a->entries.begin(), a->entries.end(), [&](const AuditEntry& e) {
        return e.action == AuditAction::Admit && e.objects == std::vector<std::string>{crypto::to_hex(dpo.store->device().id())};
    });
    CHECK(admitted);

    // Need to know: nobody but the DPO holds another device's chain — not the admin either.
    for (Device* dev : {&admin, &worker, &colleague}) {
        auto mine = dev->store->audit_chains();
        REQUIRE(mine.ok());
        REQUIRE(mine->size() == 1);
        REQUIRE_FALSE(mine->front().broken);
        REQUIRE(mine->front().local);
    }
    // And the admin cannot make itself (or anyone who is no DPO) a reader of an audit scope.
    const ScopeId audit_scope = *worker.store->audit_scope();
    REQUIRE(admin.store->directory().scope_kind(audit_scope) == ScopeKind::Audit);
    auto sneak = admin.client->append_directory([&](const Directory& dir) -> std::optional<SignedEntry> {
        return dir.make_member(*admin.store->admin_identity(), true, audit_scope, 1, admin.store->device().id(),
                               ScopeKind::Audit, 0);
    });
    REQUIRE_FALSE(sneak.ok());
    REQUIRE_FALSE(admin.store->directory().is_member(audit_scope, 1, admin.store->device().id()));
    // Case data is unaffected: the same records everywhere, no pending work.
    f.require_converged();
    for (auto& dev : f.devices) REQUIRE(dev->store->status().pending == 0);
}

TEST_CASE("A device that rewrites its log before syncing is caught at the office, at the first broken link",
          "[audit][sync][integrity]") {
    SyncFixture f(3, {{2, "dpo"}});
    Device &worker = f[1], &dpo = f[2];
    f.sync_all();
    SECTION("rewritten before it was pushed: the next entry no longer names it") {
        const std::uint64_t before = worker.store->status().audit_entries;
        const std::string a = worker.set("", "name", "Familie Specht", &f.team);
        worker.set("", "name", "Familie Meise", &f.team);
        const std::uint64_t altered = before + 1;  // the `change` entry naming `a`
        REQUIRE(worker.store->debug_rewrite_audit_entry(altered, [](AuditEntry& e) { e.objects = {"nichts"}; }).ok());
        f.sync_all();
        auto chains = dpo.store->audit_chains();
        REQUIRE(chains.ok());
        const AuditChain* c = chain_of(*chains, worker.store->device().id());
        REQUIRE(c);
        REQUIRE(c->broken);
        INFO(c->broken->reason);
        CHECK(c->broken->kind == AuditBreakKind::HashMismatch);
        CHECK(c->broken->seq == altered + 1);
        // The other chains stay intact.
        for (const auto& other : *chains)
            if (other.device != worker.store->device().id()) CHECK_FALSE(other.broken);
    }
    SECTION("rewritten after it was pushed: the office holds both versions") {
        const std::uint64_t seq = worker.store->status().audit_entries - 1;  // already at the office
        REQUIRE(worker.store->debug_rewrite_audit_entry(seq, [](AuditEntry& e) { e.detail = "anders"; }).ok());
        f.sync_all();
        auto chains = dpo.store->audit_chains();
        REQUIRE(chains.ok());
        const AuditChain* c = chain_of(*chains, worker.store->device().id());
        REQUIRE(c);
        REQUIRE(c->broken);
        INFO(c->broken->reason);
        CHECK(c->broken->kind == AuditBreakKind::Rewritten);
        CHECK(c->broken->seq == seq);
        // The device itself sees it too, against the copy it published.
        auto own = worker.store->audit_chains();
        REQUIRE(own.ok());
        REQUIRE(local_chain(*own).broken);
    }
}

TEST_CASE("A DPO enrolled later receives the whole history: a revoked DPO reads nothing new", "[audit][sync]") {
    SyncFixture f(2);
    Device& worker = f[1];
    worker.set("", "name", "Familie Star", &f.team);
    f.sync_all();
    // A DPO joins.
    f.devices.push_back(std::make_unique<Device>(f.server, "dpo"));
    Device& dpo = *f.devices.back();
    Device& admin = *f.office;
    auto code = offer_enrolment(*admin.store, *admin.client, dpo.name, "dpo");
    REQUIRE(code.ok());
    auto sas = request_enrolment(*dpo.store, *dpo.client, *code, dpo.name);
    REQUIRE(sas.ok());
    REQUIRE(admit(*admin.store, *admin.client, *sas).ok());
    f.sync_all();
    f.sync_all();
    auto chains = dpo.store->audit_chains();
    REQUIRE(chains.ok());
    const AuditChain* c = chain_of(*chains, worker.store->device().id());
    REQUIRE(c);
    REQUIRE_FALSE(c->broken);
    REQUIRE(c->entries.front().seq == 1);
    const std::size_t held = c->entries.size();
    REQUIRE(held >= 5);

    // The DPO's tablet is lost: revoked; the worker's audit scope moves past it.
    REQUIRE(revoke_device(*admin.store, *admin.client, dpo.store->device().id(), false).ok());
    worker.sync_ok();
    const ScopeId scope = *worker.store->audit_scope();
    REQUIRE(worker.store->current_epoch(scope) == 2);
    REQUIRE_FALSE(worker.store->directory().is_member(scope, 2, dpo.store->device().id()));
}

TEST_CASE("An entry another member writes into someone's chain is foreign, even a DPO's", "[audit][sync][integrity]") {
    SyncFixture f(3, {{2, "dpo"}});
    Device &worker = f[1], &dpo = f[2];
    f.sync_all();
    auto before = dpo.store->audit_chains();
    REQUIRE(before.ok());
    const AuditChain* theirs = chain_of(*before, worker.store->device().id());
    REQUIRE(theirs);
    REQUIRE_FALSE(theirs->broken);
    REQUIRE(theirs->entries.size() >= 3);

    // The DPO holds the key of the worker's audit scope, so it can seal a "better" entry 2 under the
    // worker's id and push it as its own op: the server and every member accept the envelope.
    AuditEntry forged = theirs->entries[1];
    forged.detail = "nie geschehen";
    const ScopeId scope = *worker.store->audit_scope();
    const std::uint32_t epoch = dpo.store->current_epoch(scope);
    REQUIRE(epoch >= 1);
    crypto::EnvelopeHeader h;
    h.scope = scope;
    h.epoch = epoch;
    h.op = crypto::random_id();
    h.hlc = Hlc::make(dpo.clock_ms + 60'000, 0);  // after the DPO's own earlier ops (docs/threat-model.md)
    h.author = dpo.store->device().id();
    h.seq = 1'000'000;
    const OpPayload op{OpKind::Set, kAuditRecordType, forged.record_id(), kAuditField, {}, wire::b64(forged.canonical())};
    const crypto::Bytes env = crypto::seal_envelope(h, *dpo.store->scope_key(scope, epoch), encode_op(op), nullptr);
    const crypto::Commit commit = crypto::make_commit(dpo.store->device(), {crypto::hash(env)});
    const nlohmann::json body{{"commit", wire::b64(commit.serialize())}, {"envelopes", {wire::b64(env)}}};
    REQUIRE(dpo.client->call("POST", "/v1/push", "", &body).ok());
    f.sync_all();

    auto after = dpo.store->audit_chains();
    REQUIRE(after.ok());
    const AuditChain* c = chain_of(*after, worker.store->device().id());
    REQUIRE(c);
    REQUIRE(c->broken);
    INFO(c->broken->reason);
    CHECK(c->broken->kind == AuditBreakKind::Foreign);
    CHECK(c->broken->seq == 2);
    CHECK(c->broken->reason.find(crypto::to_hex(dpo.store->device().id())) != std::string::npos);
}
