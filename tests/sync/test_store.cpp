#include "sync/store/store.h"

#include "sync/core/database.h"
#include "sync/store/opcodec.h"
#include "crypto/commit.h"
#include "crypto/envelope.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace quartier;
using namespace quartier::sync;
using quartier::test::TempDir;

namespace {
const crypto::PwhashParams kFastKdf{1, 8u << 20};  // tests only: unlock in milliseconds
constexpr const char* kPass = "richtig-und-lang";

std::unique_ptr<Store> make_store(const TempDir& d, StoreOptions o = {}) {
    auto s = Store::create(d.path(), kPass, kFastKdf, std::move(o));
    REQUIRE(s.ok());
    return std::move(*s);
}

std::unique_ptr<Store> reopen(const TempDir& d, StoreOptions o = {}) {
    auto s = Store::open(d.path(), kPass, std::move(o));
    INFO((s.ok() ? std::string() : s.detail()));
    REQUIRE(s.ok());
    return std::move(*s);
}

std::string put(Store& s, const std::string& type, const std::string& id, std::vector<std::pair<std::string, std::string>> kv) {
    Writer w(s);
    std::string rid = id;
    for (auto& [k, v] : kv) {
        auto r = w.set(type, rid, k, v);
        REQUIRE(r.ok());
        rid = *r;
    }
    REQUIRE(w.commit().ok());
    return rid;
}

// A canonical text of the whole state, to compare two stores or two openings.
std::string dump(const Store& s) {
    std::string out;
    std::vector<const Record*> all;
    for (const Record* r : s.list()) all.push_back(r);
    for (const Record* r : all) {
        out += r->id + "|" + r->type + "|" + crypto::to_hex(r->scope) + "\n";
        for (const auto& [name, f] : r->fields) {
            out += "  " + name + ":";
            for (const auto& h : f.heads) out += " [" + crypto::to_hex(h.op) + " " + std::to_string(h.hlc) + " " + h.value + "]";
            out += "\n";
        }
        for (const auto& d : r->deletes) out += "  deleted-by " + crypto::to_hex(d.op) + "\n";
    }
    return out;
}

// Runs one SQL statement on the store's database file behind the store's back (an attacker or
// a damaged disk), with the store closed.
void tamper_sql(const TempDir& d, const std::string& sql) {
    auto db = Database::open(d / "store.db", false);
    REQUIRE(db.ok());
    REQUIRE(db->exec(sql.c_str()).ok());
}

// Flips one bit of a blob in the store's database (at `offset`, negative: from the end).
void flip_byte(const TempDir& d, const std::string& table, const std::string& column, const std::string& where, long offset) {
    auto db = Database::open(d / "store.db", false);
    REQUIRE(db.ok());
    auto sel = db->prepare(("SELECT " + column + " FROM " + table + " WHERE " + where + " LIMIT 1").c_str());
    REQUIRE(sel.ok());
    REQUIRE(*sel->step());
    crypto::Bytes b(sel->blob(0).begin(), sel->blob(0).end());
    sel->reset();
    REQUIRE(!b.empty());
    b[offset >= 0 ? std::size_t(offset) : b.size() - std::size_t(-offset)] ^= 0x01;
    auto upd = db->prepare(("UPDATE " + table + " SET " + column + " = ?1 WHERE " + where).c_str());
    REQUIRE(upd.ok());
    upd->bind(1, b);
    REQUIRE(upd->run().ok());
}
}  // namespace

TEST_CASE("A store reopens to exactly the state it had", "[store]") {
    TempDir d;
    std::string dumped;
    {
        auto s = make_store(d);
        put(*s, "case", "fam-1", {{"name", "Familie Demir"}, {"status", "offen"}});
        put(*s, "case", "fam-1", {{"status", "geschlossen"}});
        const auto id = put(*s, "note", "", {{"text", "Vermerk vom Hausbesuch"}});
        REQUIRE(id.size() == 32);
        put(*s, "case", "fam-2", {{"name", "Familie Berg"}});
        Writer w(*s);
        REQUIRE(w.remove("fam-2").ok());
        REQUIRE(w.commit().ok());
        REQUIRE(s->get("fam-2")->deleted());
        REQUIRE(s->list("case").size() == 1);
        REQUIRE(s->get("fam-1")->value("status") == "geschlossen");
        dumped = dump(*s);
        const auto st = s->status();
        CHECK(st.records == 2);
        CHECK(st.deleted == 1);
        CHECK(st.ops == 6);
        CHECK(st.pending == 6);
        CHECK(st.pending_records == 3);  // fam-1 (three ops), the note, fam-2 (its name and its delete)
    }
    auto s = reopen(d);
    REQUIRE(dump(*s) == dumped);
    REQUIRE(s->verify().ok());
}

TEST_CASE("Opening refuses clearly and changes nothing", "[store][errors]") {
    TempDir d;
    SECTION("no store: NotFound, and nothing is created") {
        auto s = Store::open(d / "absent", kPass);
        REQUIRE_FALSE(s.ok());
        REQUIRE(s.error() == Error::NotFound);
        REQUIRE_FALSE(std::filesystem::exists(d / "absent"));
    }
    SECTION("wrong passphrase: WrongPassphrase, data intact") {
        { auto s = make_store(d); put(*s, "case", "c1", {{"name", "A"}}); }
        auto bad = Store::open(d.path(), "falsch");
        REQUIRE_FALSE(bad.ok());
        REQUIRE(bad.error() == Error::WrongPassphrase);
        REQUIRE(reopen(d)->get("c1")->value("name") == "A");
    }
    SECTION("a second opener gets Busy") {
        auto s = make_store(d);
        auto again = Store::open(d.path(), kPass);
        REQUIRE_FALSE(again.ok());
        REQUIRE(again.error() == Error::Busy);
    }
    SECTION("create over an existing store: AlreadyExists") {
        { auto s = make_store(d); put(*s, "case", "c1", {{"name", "A"}}); }
        auto again = Store::create(d.path(), kPass, kFastKdf);
        REQUIRE_FALSE(again.ok());
        REQUIRE(again.error() == Error::AlreadyExists);
        REQUIRE(reopen(d)->get("c1") != nullptr);
    }
    SECTION("a file that is not a database: Corrupt") {
        { auto s = make_store(d); }
        std::filesystem::remove(d / "store.db-wal");
        std::ofstream(d / "store.db", std::ios::binary | std::ios::trunc) << std::string(8192, 'x');
        auto s = Store::open(d.path(), kPass);
        REQUIRE_FALSE(s.ok());
        REQUIRE(s.error() == Error::Corrupt);
    }
}

TEST_CASE("Invalid writes are refused before anything is written", "[store][errors]") {
    TempDir d;
    auto s = make_store(d);
    put(*s, "case", "c1", {{"name", "A"}});
    struct Row { std::string type, id, field, value; };
    auto row = GENERATE(Row{"Case", "x", "name", "v"}, Row{"case", "x", "Name", "v"}, Row{"", "x", "name", "v"},
                        Row{"case", "x", "", "v"}, Row{"case", std::string("a\nb"), "name", "v"},
                        Row{"case", "x", "name", std::string("\xff\xfe")}, Row{"note", "c1", "text", "type clash"},
                        Row{"case", std::string(300, 'i'), "name", "v"});
    Writer w(*s);
    auto r = w.set(row.type, row.id, row.field, row.value);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error() == Error::InvalidArgument);
    REQUIRE(w.size() == 0);
    REQUIRE(s->status().ops == 1);
}

TEST_CASE("UTF-8 validation finds a bad byte wherever it sits in a long ASCII run", "[store][errors]") {
    // The check skips ASCII 32 and 8 bytes at a time: a bad sequence at every offset around
    // those strides must still be found, and good multi-byte characters must still pass.
    const std::string ascii(80, 'a');
    CHECK(valid_utf8(ascii));
    for (std::size_t at = 0; at <= ascii.size(); ++at) {
        CAPTURE(at);
        std::string s = ascii;
        CHECK(valid_utf8(s.substr(0, at) + "\xc3\xa4" + s.substr(at)));                   // ä
        CHECK(valid_utf8(s.substr(0, at) + "\xf0\x9f\x99\x82" + s.substr(at)));           // 🙂
        CHECK_FALSE(valid_utf8(s.substr(0, at) + "\xff" + s.substr(at)));                 // never valid
        CHECK_FALSE(valid_utf8(s.substr(0, at) + "\xc0\xaf" + s.substr(at)));             // overlong '/'
        CHECK_FALSE(valid_utf8(s.substr(0, at) + "\xed\xa0\x80" + s.substr(at)));         // a surrogate
        CHECK_FALSE(valid_utf8(s.substr(0, at) + "\xe2\x82"));                             // cut short at the end
        CHECK_FALSE(valid_utf8(s.substr(0, at) + "\x80" + s.substr(at)));                 // a lone continuation
    }
    // A view that ends where a 32-byte ASCII run ends is judged by its own bytes, not by what
    // follows it in memory (found by fuzz_opcodec: the byte after the view was read).
    for (std::size_t len : {32, 64}) {
        CAPTURE(len);
        const std::string buffer = std::string(len, 'a') + "\xff\xff\xff\xff";
        CHECK(valid_utf8(std::string_view(buffer).substr(0, len)));
    }
}

TEST_CASE("Canary strings never reach the disk in plaintext", "[store][privacy]") {
    TempDir d;
    const std::string canary_value = "KANARIENVOGEL-Wert-7731";
    const std::string canary_id = "KANARIENVOGEL-Id-4410";
    {
        auto s = make_store(d);
        for (int i = 0; i < 50; ++i)
            put(*s, "note", canary_id + std::to_string(i), {{"text", canary_value + std::to_string(i)}});
        // While the store is open: WAL and database as they are mid-session.
        REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "KANARIENVOGEL"));
        REQUIRE(s->checkpoint().ok());  // snapshots too
        REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "KANARIENVOGEL"));
    }
    REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "KANARIENVOGEL"));
    REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "note"));  // record types are sealed too
}

TEST_CASE("Setting names never reach the disk in plaintext: a form draft is named by its case id", "[store][privacy]") {
    TempDir d;
    const std::string draft = "form_draft:KANARIENVOGEL-Fall-5521";
    {
        auto s = make_store(d);
        REQUIRE(s->set_setting(draft, "{\"note\":\"KANARIENVOGEL-Entwurf\"}").ok());
        REQUIRE(s->set_setting("form_draft:KANARIENVOGEL-Fall-9012", "x").ok());
        REQUIRE(s->set_setting("form_draft:KANARIENVOGEL-Fall-9012", "").ok());  // a draft given up
        REQUIRE(s->set_setting("worker", "Frau KANARIENVOGEL").ok());
        REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "KANARIENVOGEL"));
        REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "form_draft"));
    }
    REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "KANARIENVOGEL"));
    REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "form_draft"));
    auto s = reopen(d);
    CHECK(s->setting(draft) == "{\"note\":\"KANARIENVOGEL-Entwurf\"}");
    CHECK(s->setting("form_draft:KANARIENVOGEL-Fall-9012") == "");
    CHECK(s->setting("worker") == "Frau KANARIENVOGEL");
    CHECK_FALSE(s->setting("form_draft:KANARIENVOGEL-Fall-0000").has_value());
}

TEST_CASE("A setting the full store refused waits sealed to the device and is written at the next unlock", "[store][privacy]") {
    TempDir d, other_dir;
    const std::string name = "form_draft:c-KANARIENVOGEL";
    const std::string value = "{\"note\":\"KANARIENVOGEL " + std::string(20000, '.') + "\"}";  // needs new pages
    HeldSetting held;
    {
        auto s = make_store(d);
        REQUIRE(s->debug_set_max_bytes(1).ok());  // no page more than now
        auto refused = s->set_setting(name, value);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error() == Error::Full);
        REQUIRE(s->failed());
        held = s->hold_setting(name, value);  // works on the failed store: no write
        const std::string bytes(held.sealed_key.begin(), held.sealed_key.end());
        const std::string blob(held.blob.begin(), held.blob.end());
        CHECK(bytes.find("KANARIENVOGEL") == std::string::npos);
        CHECK(blob.find("KANARIENVOGEL") == std::string::npos);
        CHECK(blob.find("form_draft") == std::string::npos);
    }  // the lock: the keys are gone, the held setting is ciphertext in memory
    REQUIRE_FALSE(quartier::test::any_file_contains(d.path(), "KANARIENVOGEL"));

    // Another device's store cannot open it; an altered one does not open.
    {
        auto other = make_store(other_dir);
        auto r = other->restore_setting(held);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == Error::Corrupt);
        CHECK_FALSE(other->setting(name).has_value());
    }
    auto s = reopen(d);
    for (crypto::Bytes HeldSetting::*part : {&HeldSetting::sealed_key, &HeldSetting::blob}) {
        HeldSetting altered = held;
        (altered.*part)[(altered.*part).size() / 2] ^= 0x01;
        auto r = s->restore_setting(altered);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == Error::Corrupt);
    }
    CHECK_FALSE(s->setting(name).has_value());
    REQUIRE(s->restore_setting(held).ok());
    CHECK(s->setting(name) == value);
    CHECK_FALSE(quartier::test::any_file_contains(d.path(), "KANARIENVOGEL"));
    s.reset();
    CHECK(reopen(d)->setting(name) == value);
}

TEST_CASE("A setting's sealed value moved to another setting's row is refused at open", "[store][integrity]") {
    TempDir d;
    {
        auto s = make_store(d);
        REQUIRE(s->set_setting("server_url", "https://127.0.0.1:8443").ok());
        REQUIRE(s->set_setting("fingerprint", "ab12").ok());
    }
    {
        auto db = Database::open(d / "store.db", false);
        REQUIRE(db.ok());
        // Every row takes the value of the row after it (in name order), the last the first's.
        REQUIRE(db->exec("CREATE TEMP TABLE v AS SELECT k, v FROM settings ORDER BY k").ok());
        REQUIRE(db->exec("UPDATE settings SET v = coalesce((SELECT v FROM v WHERE v.k > settings.k ORDER BY v.k LIMIT 1), "
                         "(SELECT v FROM v ORDER BY k LIMIT 1))")
                    .ok());
    }
    auto s = Store::open(d.path(), kPass);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error() == Error::Corrupt);
    CHECK(s.detail().find("setting") != std::string::npos);
}

TEST_CASE("Settings of a store made before their names were hashed are renamed at open", "[store][privacy]") {
    // tests/data/legacy-settings-store/README.md: made by quartier-cli at c27e588.
    TempDir d;
    std::filesystem::copy_file(std::string(QUARTIER_TEST_DATA) + "/legacy-settings-store/store.db", d / "store.db");
    const std::string name = "scope_kind:3cacf329d19b2c89ea749f008a9f1c1f";
    REQUIRE(quartier::test::any_file_contains(d.path(), "scope_kind"));
    {
        auto s = Store::open(d.path(), "legacy settings fixture");
        INFO((s.ok() ? std::string() : s.detail()));
        REQUIRE(s.ok());
        CHECK((*s)->setting(name) == "case");
        CHECK((*s)->get("n1")->value("text") == "hello");
        // Renamed at once, and the old pages are out of the WAL too.
        CHECK_FALSE(quartier::test::any_file_contains(d.path(), "scope_kind"));
    }
    CHECK_FALSE(quartier::test::any_file_contains(d.path(), "scope_kind"));
    auto s = Store::open(d.path(), "legacy settings fixture");
    REQUIRE(s.ok());
    CHECK((*s)->setting(name) == "case");
    CHECK((*s)->verify().ok());
}

TEST_CASE("A store written before the split of sync/store/store.cpp opens, verifies and reads back", "[store][format]") {
    // tests/data/store-before-split/README.md: made by quartier-cli at 4cc1f19, the last commit
    // with one sync/store/store.cpp. The on-disk format did not change with the split.
    constexpr const char* kFixturePass = "store split fixture";
    const std::string case_hex = "ed77d0c50a80957aa2cd04058e5a41d9";
    TempDir d;
    std::filesystem::copy(std::string(QUARTIER_TEST_DATA) + "/store-before-split", d.path(),
                          std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
    std::size_t entries_before = 0;
    for (int round = 0; round < 2; ++round) {  // the second opening reads what the first one wrote
        auto opened = Store::open(d.path(), kFixturePass);
        INFO((opened.ok() ? std::string() : opened.detail()));
        REQUIRE(opened.ok());
        Store& s = **opened;
        CHECK(s.problems().empty());
        const VerifyReport rep = s.verify();
        std::string why;
        for (const auto& p : rep.problems) why += p.error + "; ";
        for (const auto& e : rep.database) why += e + "; ";
        INFO(why);
        CHECK(rep.ok());
        CHECK(rep.envelopes == 5);
        CHECK(rep.commits == 5);
        CHECK(crypto::to_hex(s.device().id()) == "ba92c30fd2780740d8bd669a409317a1");

        // Records of two scopes: the default one (n1, n2 deleted) and the case scope (c1).
        const Record* n1 = s.get("n1");
        REQUIRE(n1);
        CHECK(n1->type == "note");
        CHECK(n1->value("text") == "hello");
        CHECK(n1->scope == s.default_scope());
        const Record* n2 = s.get("n2");
        REQUIRE(n2);
        CHECK(n2->deleted());
        const Record* c1 = s.get("c1");
        REQUIRE(c1);
        CHECK(c1->type == "case");
        CHECK(crypto::to_hex(c1->scope) == case_hex);
        CHECK(c1->value("name") == "Familie Amsel");
        CHECK(c1->value("status") == "offen");
        auto hist = s.history("c1", "status");
        REQUIRE(hist.ok());
        CHECK(hist->size() == 1);
        CHECK(s.list().size() == 2);
        CHECK(s.list("case").size() == 1);

        // The sealed setting, and the scope keys it names.
        CHECK(s.setting("scope_kind:" + case_hex) == "case");
        CHECK(s.scope_keys().size() == 2);
        ScopeId case_scope{};
        for (const auto& [sc, epoch] : s.scope_keys())
            if (sc != s.default_scope()) case_scope = sc;
        CHECK(crypto::to_hex(case_scope) == case_hex);
        CHECK(s.current_epoch(case_scope) == 1);

        // The sync journal: every op still in the outbox, nothing pulled.
        const StoreStatus st = s.status();
        CHECK(st.records == 2);
        CHECK(st.deleted == 1);
        CHECK(st.ops == 5);
        CHECK(st.pending == 5);
        CHECK(st.held == 0);
        auto out = s.outbox(100, 2);  // both scopes
        REQUIRE(out.ok());
        CHECK(out->size() == 5);

        // The audit chain: the 16 entries of the README and this opening's unlock (and the first
        // round's), verified; the open of c1 with its legal basis among them.
        auto chains = s.audit_chains();
        REQUIRE(chains.ok());
        REQUIRE(chains->size() == 1);
        const AuditChain& mine = chains->front();
        CHECK(mine.local);
        CHECK_FALSE(mine.broken);
        CHECK(mine.entries.size() == 17 + std::size_t(round));
        if (round == 1) CHECK(mine.entries.size() == entries_before + 1);
        entries_before = mine.entries.size();
        CHECK(std::any_of(mine.entries.begin(), mine.entries.end(), [](const AuditEntry& e) {
            return e.action == AuditAction::Open && e.objects == std::vector<std::string>{"c1"} &&
                   e.legal_basis == "Art. 6 (1) e";
        }));
        CHECK(st.audit_entries == mine.entries.size());
    }
}

TEST_CASE("A tampered envelope is reported with its record: the rest stays readable", "[store][integrity]") {
    TempDir d;
    {
        auto s = make_store(d);
        put(*s, "case", "c1", {{"name", "Eins"}});
        put(*s, "case", "c2", {{"name", "Zwei"}});
        put(*s, "case", "c2", {{"status", "offen"}});
    }
    // Flip one byte of the ciphertext of c2's second op (seq 3).
    flip_byte(d, "ops", "env", "seq = 3", 120);
    {
        auto s = reopen(d);
        REQUIRE(s->problems().size() == 1);
        CHECK(s->problems()[0].op_seq == 3);
        CHECK(s->problems()[0].record == "c2");
        CHECK(s->problems()[0].error.find("decrypt") != std::string::npos);
        REQUIRE(s->get("c1")->value("name") == "Eins");
        REQUIRE(s->get("c2")->value("name") == "Zwei");
        const auto rep = s->verify();
        REQUIRE_FALSE(rep.ok());
        REQUIRE(rep.problems.size() >= 1);
        CHECK(rep.problems[0].record == "c2");
    }
}

TEST_CASE("verify finds removed, moved and re-indexed rows", "[store][integrity]") {
    TempDir d;
    {
        auto s = make_store(d);
        put(*s, "case", "c1", {{"name", "Eins"}, {"status", "offen"}});
        put(*s, "case", "c2", {{"name", "Zwei"}});
        REQUIRE(s->verify().ok());
    }
    SECTION("an envelope deleted from the op log") {
        tamper_sql(d, "DELETE FROM ops WHERE seq = 2");
        auto rep = reopen(d)->verify();
        REQUIRE_FALSE(rep.ok());
        REQUIRE(rep.problems[0].error.find("missing") != std::string::npos);
    }
    SECTION("an envelope moved under another record's index") {
        tamper_sql(d, "UPDATE ops SET rk = (SELECT rk FROM ops WHERE seq = 3) WHERE seq = 1");
        auto rep = reopen(d)->verify();
        REQUIRE_FALSE(rep.ok());
        REQUIRE(rep.problems[0].error.find("index") != std::string::npos);
    }
    SECTION("a commit signature damaged") {
        flip_byte(d, "commits", "body", "seq = 1", -1);
        auto rep = reopen(d)->verify();
        REQUIRE_FALSE(rep.ok());
    }
    SECTION("a key file damaged is Corrupt, never a new store") {
        tamper_sql(d, "UPDATE meta SET v = x'00' WHERE k = 'keyfile'");
        auto s = Store::open(d.path(), kPass);
        REQUIRE_FALSE(s.ok());
        REQUIRE(s.error() == Error::Corrupt);
    }
}

TEST_CASE("Ops of one commit are all or nothing: a full disk fails cleanly", "[store][errors]") {
    TempDir d;
    std::string before;
    {
        StoreOptions o;
        o.max_bytes = 256 * 1024;
        auto s = make_store(d, std::move(o));
        put(*s, "case", "c1", {{"name", "Eins"}});
        before = dump(*s);
        Writer w(*s);
        const std::string big(100 * 1024, 'x');
        for (int i = 0; i < 8; ++i) REQUIRE(w.set("doc", "d" + std::to_string(i), "body", big).ok());
        auto r = w.commit();
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.error() == Error::Full);
        REQUIRE(s->failed());
        REQUIRE(dump(*s) == before);  // memory untouched
        Writer w2(*s);
        REQUIRE(w2.set("case", "c3", "name", "x").error() == Error::Failed);
    }
    auto s = reopen(d);
    REQUIRE(dump(*s) == before);
    REQUIRE(s->status().ops == 1);
    REQUIRE(s->verify().ok());
}

// Enough ops for the bulk paths: Writer::commit seals on helper threads from 128 ops on, and
// Store::open opens envelopes on helper threads from 256 ops on (sync/store/pipeline.h).
constexpr int kBulk = 1500;

TEST_CASE("A bulk write sealed on several threads keeps op order and reopens to the same state", "[store][bulk]") {
    TempDir d;
    std::string dumped;
    {
        auto s = make_store(d);
        put(*s, "case", "c-old", {{"name", "vorher"}});
        Writer w(*s);
        // Three ops on each of 500 records: a name, then a status twice (the second names the first).
        for (int i = 0; i < kBulk; ++i)
            REQUIRE(w.set("case", "c" + std::to_string(i % 500), i < 500 ? "name" : "status", "v" + std::to_string(i)).ok());
        REQUIRE(w.set("case", "c-old", "name", "nachher").ok());
        REQUIRE(w.commit().ok());
        dumped = dump(*s);
        CHECK(s->status().ops == std::size_t(kBulk + 2));
        CHECK(s->get("c7")->value("status") == "v1007");
        CHECK_FALSE(s->get("c7")->conflicted());
        CHECK(s->get("c-old")->value("name") == "nachher");
        REQUIRE(s->verify().ok());
    }
    auto s = reopen(d);
    REQUIRE(s->problems().empty());
    REQUIRE(dump(*s) == dumped);
    REQUIRE(s->verify().ok());
    // The op log and the outbox hold the ops in the order they were made: consecutive device
    // sequence numbers, rising clocks.
    auto out = s->outbox(100000);
    REQUIRE(out.ok());
    REQUIRE(out->size() == std::size_t(kBulk + 2));
    std::uint64_t seq = 0, hlc = 0;
    for (const auto& item : *out) {
        auto env = crypto::parse_envelope(item.envelope);
        REQUIRE(env.ok());
        if (seq) CHECK(env->header.seq == seq + 1);
        CHECK(env->header.hlc > hlc);
        seq = env->header.seq;
        hlc = env->header.hlc;
    }
}

// A commit lists at most crypto::kMaxCommitEntries envelopes (make_commit aborts past it, the
// parser refuses it): a larger Writer is committed as several signed commits in its one
// transaction. StoreOptions::max_commit_entries lowers the limit so that the split is cheap here.
TEST_CASE("A Writer with more ops than one commit may list commits as several signed commits and reopens", "[store][bulk]") {
    TempDir d;
    StoreOptions o;
    o.max_commit_entries = 100;
    constexpr int kOps = 1050;  // ten full commits and one of 50
    std::string dumped;
    {
        auto s = make_store(d, o);
        const std::size_t ops_before = s->status().ops;
        Writer w(*s);
        for (int i = 0; i < kOps; ++i)
            REQUIRE(w.set("case", "big" + std::to_string(i % 300), "f" + std::to_string(i / 300), "v" + std::to_string(i)).ok());
        REQUIRE(w.commit().ok());
        CHECK(s->status().ops == ops_before + kOps);
        CHECK(s->get("big7")->value("f3") == "v907");
        const VerifyReport rep = s->verify();
        CHECK(rep.ok());
        dumped = dump(*s);
        auto out = s->outbox(100000);
        REQUIRE(out.ok());
        CHECK(out->size() == ops_before + kOps);
    }
    {
        // Every commit row lists at most the limit, and the Writer's ops are under 11 of them.
        auto db = Database::open(d / "store.db", false);
        REQUIRE(db.ok());
        auto st = db->prepare("SELECT commit_seq, count(*) FROM ops GROUP BY commit_seq");
        REQUIRE(st.ok());
        std::size_t full = 0, rest = 0;
        for (;;) {
            auto row = st->step();
            REQUIRE(row.ok());
            if (!*row) break;
            CHECK(st->int64(1) <= 100);
            if (st->int64(1) == 100) ++full;
            if (st->int64(1) == 50) ++rest;
        }
        CHECK(full == 10);
        CHECK(rest == 1);
    }
    auto s = reopen(d, o);
    CHECK(s->problems().empty());
    CHECK(dump(*s) == dumped);
    CHECK(s->verify().ok());
    // Opened with the default limit, the same store reads the same.
    s.reset();
    auto t = reopen(d);
    CHECK(dump(*t) == dumped);
    CHECK(t->verify().ok());
}

// The real limit, once: 2^18 + 1 ops, which aborted the process before the split.
TEST_CASE("A Writer of one op more than crypto::kMaxCommitEntries commits", "[store][bulk]") {
    TempDir d;
    auto s = make_store(d);
    Writer w(*s);
    const std::size_t n = crypto::kMaxCommitEntries + 1;
    bool staged = true;
    for (std::size_t i = 0; i < n; ++i) staged = w.set("case", "r" + std::to_string(i % 1000), "f" + std::to_string(i / 1000), "v").ok() && staged;
    REQUIRE(staged);
    REQUIRE(w.commit().ok());
    CHECK(s->get("r144")->value("f262") == "v");  // the last op, i = 2^18
    s.reset();
    auto t = reopen(d);
    CHECK(t->status().ops >= n);
    CHECK(t->get("r0")->value("f262") == "v");
}

// An op names at most kMaxParents parents (decode_op refuses more, the wire's count is a u16,
// and 65,536 of them pass an envelope's 1 MiB: seal_envelope aborts). A delete names every head
// of every field: a record of more fields cannot be deleted in one op, and is refused with an
// error instead of an op no device could read (before: written, then a problem at every open;
// past 65,536 fields the process aborted, docs/reliability.md; a record that wide takes the fold
// tens of seconds, so the table stops at the first refused size).
TEST_CASE("A write whose op would name more parents than an op may carry is refused, not written", "[store][errors]") {
    TempDir d;
    auto s = make_store(d);
    const std::size_t fields = kMaxParents + 1;
    const std::string id = "wide1025";
    {
        Writer w(*s);
        bool staged = true;
        for (std::size_t i = 0; i < fields; ++i) staged = w.set("case", id, "f" + std::to_string(i), "v").ok() && staged;
        REQUIRE(staged);
        REQUIRE(w.commit().ok());
    }
    const std::size_t ops = s->status().ops;
    {
        Writer w(*s);
        auto r = w.remove(id);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == Error::InvalidArgument);
        CHECK(w.size() == 0);
        REQUIRE(w.commit().ok());
        CHECK(s->status().ops == ops);
        CHECK_FALSE(s->get(id)->deleted());
    }
    // Fields can still be set one by one, and a record of few fields is deleted as before.
    put(*s, "case", "narrow", {{"a", "1"}, {"b", "2"}});
    Writer w(*s);
    REQUIRE(w.set("case", "wide1025", "f0", "neu").ok());
    REQUIRE(w.remove("narrow").ok());
    REQUIRE(w.commit().ok());
    s.reset();
    auto t = reopen(d);
    CHECK(t->problems().empty());
    CHECK(t->get("wide1025")->value("f0") == "neu");
    CHECK(t->get("narrow")->deleted());
}

TEST_CASE("A bulk open reports a tampered envelope with its record and folds the rest", "[store][bulk][integrity]") {
    TempDir d;
    {
        auto s = make_store(d);
        Writer w(*s);
        for (int i = 0; i < kBulk; ++i) REQUIRE(w.set("case", "c" + std::to_string(i), "name", "n" + std::to_string(i)).ok());
        REQUIRE(w.commit().ok());
        put(*s, "case", "c700", {{"status", "offen"}});
    }
    flip_byte(d, "ops", "env", "seq = 701", 120);  // c700's name
    auto s = reopen(d);
    REQUIRE(s->problems().size() == 1);
    CHECK(s->problems()[0].op_seq == 701);
    CHECK(s->problems()[0].record == "c700");
    CHECK(s->problems()[0].error.find("decrypt") != std::string::npos);
    CHECK(s->list("case").size() == std::size_t(kBulk));
    CHECK_FALSE(s->get("c700")->value("name"));
    CHECK(s->get("c700")->value("status") == "offen");
    CHECK(s->get("c699")->value("name") == "n699");
    CHECK(s->get("c701")->value("name") == "n701");
    CHECK(s->get("c" + std::to_string(kBulk - 1))->value("name") == "n" + std::to_string(kBulk - 1));
}

TEST_CASE("A bulk write that fills the disk halfway leaves nothing of it", "[store][bulk][errors]") {
    TempDir d;
    std::string before;
    {
        StoreOptions o;
        o.max_bytes = 1024 * 1024;
        auto s = make_store(d, std::move(o));
        put(*s, "case", "c1", {{"name", "Eins"}});
        before = dump(*s);
        Writer w(*s);
        const std::string value(1024, 'x');
        for (int i = 0; i < 2000; ++i) REQUIRE(w.set("doc", "d" + std::to_string(i), "body", value).ok());
        auto r = w.commit();
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.error() == Error::Full);
        REQUIRE(s->failed());
        REQUIRE(dump(*s) == before);
    }
    auto s = reopen(d);
    REQUIRE(dump(*s) == before);
    REQUIRE(s->status().ops == 1);
    REQUIRE(s->verify().ok());
}

TEST_CASE("Passphrase change rewraps: old passphrase stops working", "[store]") {
    TempDir d;
    {
        auto s = make_store(d);
        put(*s, "case", "c1", {{"name", "A"}});
        REQUIRE(s->change_passphrase("neue-passphrase", kFastKdf).ok());
    }
    REQUIRE(Store::open(d.path(), kPass).error() == Error::WrongPassphrase);
    auto s = Store::open(d.path(), "neue-passphrase");
    REQUIRE(s.ok());
    REQUIRE((*s)->get("c1")->value("name") == "A");
}

TEST_CASE("Unlock rehashes a key file weaker than the floor", "[store]") {
    TempDir d;
    { auto s = make_store(d); put(*s, "case", "c1", {{"name", "A"}}); }
    StoreOptions o;
    o.kdf_floor = crypto::PwhashParams{2, 16u << 20};
    { auto s = reopen(d, std::move(o)); }
    auto db = Database::open(d / "store.db", false);
    REQUIRE(db.ok());
    auto st = db->prepare("SELECT v FROM meta WHERE k = 'keyfile'");
    REQUIRE(st.ok());
    REQUIRE(*st->step());
    auto kf = crypto::KeyFile::parse(st->blob(0));
    REQUIRE(kf.ok());
    REQUIRE(kf->params == crypto::PwhashParams{2, 16u << 20});
    REQUIRE(reopen(d)->get("c1") != nullptr);
}

TEST_CASE("Snapshots rebuild the same state: a damaged snapshot falls back to the op log", "[store][snapshot]") {
    TempDir d;
    std::string dumped;
    {
        auto s = make_store(d);
        for (int round = 0; round < 5; ++round)
            for (int i = 0; i < 20; ++i) put(*s, "case", "c" + std::to_string(i), {{"status", "v" + std::to_string(round)}});
        REQUIRE(s->checkpoint().ok());
        put(*s, "case", "c0", {{"status", "after-checkpoint"}});
        dumped = dump(*s);
    }
    REQUIRE(dump(*reopen(d)) == dumped);
    flip_byte(d, "snapshots", "sealed", "rk = (SELECT min(rk) FROM snapshots)", 40);
    auto s = reopen(d);
    REQUIRE(dump(*s) == dumped);
    REQUIRE(s->problems().size() == 1);
}

TEST_CASE("Record history keeps every version of a field", "[store]") {
    TempDir d;
    auto s = make_store(d);
    for (const char* v : {"erste Fassung", "zweite Fassung", "dritte Fassung"}) put(*s, "note", "n1", {{"text", v}});
    auto h = s->history("n1", "text");
    REQUIRE(h.ok());
    REQUIRE(h->size() == 3);
    CHECK((*h)[0].value == "erste Fassung");
    CHECK((*h)[2].value == "dritte Fassung");
    REQUIRE(s->get("n1")->fields.at("text").heads.size() == 1);
}

// --- fold semantics, independent of arrival order -------------------------------------------

namespace {
struct TestOp {
    OpMeta meta;
    OpPayload payload;
};
TestOp op(std::uint8_t n, std::uint64_t hlc, std::uint8_t author, OpKind kind, std::string field, std::string value,
          std::vector<std::uint8_t> parents) {
    TestOp t;
    t.meta.op[0] = n;
    t.meta.hlc = hlc;
    t.meta.author[0] = author;
    t.payload.kind = kind;
    t.payload.type = "case";
    t.payload.record_id = "r";
    t.payload.field = std::move(field);
    t.payload.value = std::move(value);
    for (auto p : parents) {
        OpId id{};
        id[0] = p;
        t.payload.parents.push_back(id);
    }
    return t;
}
std::string fold_text(const std::vector<TestOp>& ops) {
    Record r;
    for (const auto& o : ops) r.apply(o.meta, o.payload);
    std::string s = r.deleted() ? "deleted;" : r.delete_conflict() ? "delete-conflict;" : "live;";
    for (const auto& [name, f] : r.fields) {
        s += name + "=";
        for (const auto& h : f.heads) s += h.value + ",";
        s += ";";
    }
    return s;
}
}  // namespace

TEST_CASE("The fold is the same for every arrival order", "[merge]") {
    // 1: name=A; 2: name=B (after 1) on device 1; 3: name=C (after 1) on device 2 — concurrent with 2;
    // 4: status=x; 5: delete seeing {2, 4}; 6: status=y concurrent with the delete (after 4).
    std::vector<TestOp> ops = {
        op(1, 10, 1, OpKind::Set, "name", "A", {}),       op(2, 20, 1, OpKind::Set, "name", "B", {1}),
        op(3, 21, 2, OpKind::Set, "name", "C", {1}),      op(4, 22, 1, OpKind::Set, "status", "x", {}),
        op(5, 30, 1, OpKind::Delete, "", "", {2, 4}),     op(6, 25, 2, OpKind::Set, "status", "y", {4}),
    };
    std::sort(ops.begin(), ops.end(), [](const TestOp& a, const TestOp& b) { return a.meta.op < b.meta.op; });
    const std::string expected = fold_text(ops);
    // C is concurrent with B and was not seen by the delete; status=y too: the record survives, flagged.
    REQUIRE(expected == "delete-conflict;name=C,;status=y,;");
    std::size_t orders = 0;
    do {
        REQUIRE(fold_text(ops) == expected);
        ++orders;
    } while (std::next_permutation(ops.begin(), ops.end(), [](const TestOp& a, const TestOp& b) { return a.meta.op < b.meta.op; }));
    REQUIRE(orders == 720);
}

TEST_CASE("Concurrent edits keep both values with a deterministic winner: a resolve settles them", "[merge]") {
    std::vector<TestOp> ops = {op(1, 10, 1, OpKind::Set, "name", "A", {}), op(2, 20, 1, OpKind::Set, "name", "B", {1}),
                               op(3, 20, 2, OpKind::Set, "name", "C", {1})};
    Record r;
    for (const auto& o : ops) r.apply(o.meta, o.payload);
    REQUIRE(r.fields.at("name").conflicted());
    REQUIRE(r.value("name") == "C");  // same HLC: the higher device id wins the display
    r.apply(op(4, 30, 1, OpKind::Resolve, "name", "B", {2, 3}).meta, op(4, 30, 1, OpKind::Resolve, "name", "B", {2, 3}).payload);
    REQUIRE_FALSE(r.conflicted());
    REQUIRE(r.value("name") == "B");
}

TEST_CASE("Concurrent edits made through two writers on one store conflict and resolve", "[store][merge]") {
    TempDir d;
    auto s = make_store(d);
    put(*s, "case", "c1", {{"name", "A"}});
    // Two writers staged against the same heads: both name op 1 as parent.
    Writer w1(*s), w2(*s);
    REQUIRE(w1.set("case", "c1", "name", "B").ok());
    REQUIRE(w2.set("case", "c1", "name", "C").ok());
    REQUIRE(w1.commit().ok());
    REQUIRE(w2.commit().ok());
    REQUIRE(s->get("c1")->conflicted());
    REQUIRE(s->status().conflicts == 1);
    Writer w3(*s);
    REQUIRE(w3.resolve("c1", "name", "B+C").ok());
    REQUIRE(w3.commit().ok());
    REQUIRE_FALSE(s->get("c1")->conflicted());
    REQUIRE(s->get("c1")->value("name") == "B+C");
}

// The background checkpointer (sync/core/database.h) copies the WAL into the database file without a
// commit waiting for it, and truncate_wal() empties the WAL file with it held off: secure
// deletion (purge, wipe, a server's shred) depends on the second.
TEST_CASE("Background checkpoints reach the database file, and truncate_wal empties the WAL", "[store][wal]") {
    TempDir tmp;
    const auto file = tmp.path() / "t.db";
    auto db = Database::open(file, true);
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE t(x BLOB)").ok());
    auto bg = BackgroundCheckpoint::attach(*db, file);
    REQUIRE(bg);
    const std::vector<std::uint8_t> blob(4000, 7);
    for (int round = 0; round < 6; ++round) {
        REQUIRE(db->exec("BEGIN").ok());
        auto ins = db->prepare("INSERT INTO t(x) VALUES(?1)");
        REQUIRE(ins.ok());
        for (int i = 0; i < 500; ++i) REQUIRE(ins->bind(1, crypto::ByteView(blob)).run().ok());
        ins = Statement();
        REQUIRE(db->exec("COMMIT").ok());
    }
    bg->wait_idle();
    CHECK(std::filesystem::file_size(file) > 8u * 1000 * 1000);  // 12 MB written, most of it copied
    auto wal = file;
    wal += "-wal";
    REQUIRE(std::filesystem::file_size(wal) > 0);
    REQUIRE(truncate_wal(*db, bg.get()).ok());
    REQUIRE(std::filesystem::file_size(wal) == 0);
    bg.reset();
    auto count = db->prepare("SELECT count(*) FROM t");
    REQUIRE(count.ok());
    REQUIRE(*count->step());
    REQUIRE(count->int64(0) == 3000);
}
