#include "cli.h"

#include "sync/core/database.h"
#include "sync/store/store.h"
#include "support/cli_run.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

using namespace quartier;
using quartier::test::TempDir;
using quartier::test::Run;
using quartier::test::run;
using quartier::test::with;

namespace {

struct Env {
    Env(const char* name, const char* value) : m_name(name) {
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~Env() { unsetenv(m_name); }
    const char* m_name;
};

}  // namespace

TEST_CASE("quartier-cli: records round-trip through put, get, list, history, delete, status", "[cli]") {
    TempDir d;
    Env pass("QUARTIER_PASSPHRASE", "eine gute passphrase");
    REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
    auto put = run(with(d, {"put", "case", "fam-1", "name=Familie Özdemir", "status=offen"}));
    REQUIRE(put.code == cli::kOk);
    REQUIRE(put.out == "fam-1\n");
    auto anon = run(with(d, {"put", "note", "text=Erster Vermerk"}));
    REQUIRE(anon.code == cli::kOk);
    const std::string note_id = anon.out.substr(0, anon.out.size() - 1);
    REQUIRE(note_id.size() == 32);
    REQUIRE(run(with(d, {"put", "note", note_id, "text=Zweiter Vermerk"})).code == cli::kOk);

    auto get = run(with(d, {"get", "fam-1"}));
    REQUIRE(get.code == cli::kOk);
    CHECK(get.out.find("\"name\": \"Familie Özdemir\"") != std::string::npos);
    CHECK(get.out.find("\"type\": \"case\"") != std::string::npos);

    auto hist = run(with(d, {"history", note_id, "text"}));
    REQUIRE(hist.code == cli::kOk);
    CHECK(hist.out.find("Erster Vermerk") < hist.out.find("Zweiter Vermerk"));

    auto list = run(with(d, {"list", "case"}));
    REQUIRE(list.code == cli::kOk);
    CHECK(list.out.find("fam-1") != std::string::npos);
    CHECK(list.out.find(note_id) == std::string::npos);

    REQUIRE(run(with(d, {"delete", "fam-1"})).code == cli::kOk);
    CHECK(run(with(d, {"list", "case"})).out == "[]\n");
    auto status = run(with(d, {"status"}));
    REQUIRE(status.code == cli::kOk);
    CHECK(status.out.find("\"records\": 1") != std::string::npos);
    CHECK(status.out.find("\"deleted\": 1") != std::string::npos);
    CHECK(status.out.find("\"ops\": 5") != std::string::npos);
    CHECK(status.out.find("\"pending\": 5") != std::string::npos);
    REQUIRE(run(with(d, {"verify"})).code == cli::kOk);
}

TEST_CASE("quartier-cli: batch acknowledges each line after it is written", "[cli]") {
    TempDir d;
    Env pass("QUARTIER_PASSPHRASE", "eine gute passphrase");
    REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
    auto r = run(with(d, {"batch"}), "note n1 text=eins\n\nnote n2 text=zwei title=x\n");
    REQUIRE(r.code == cli::kOk);
    REQUIRE(r.out == "ok n1\nok n2\n");
    auto bad = run(with(d, {"batch"}), "note n3 text=drei\nnote n4 kaputt\nnote n5 text=fuenf\n");
    REQUIRE(bad.code == cli::kUsage);
    REQUIRE(bad.out == "ok n3\n");
    CHECK(bad.err.find("line 2") != std::string::npos);
    REQUIRE(run(with(d, {"get", "n5"})).code == cli::kNotFound);
}

TEST_CASE("quartier-cli: passwd changes the passphrase", "[cli]") {
    TempDir d;
    {
        Env pass("QUARTIER_PASSPHRASE", "alte passphrase");
        REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
        REQUIRE(run(with(d, {"put", "case", "c1", "name=A"})).code == cli::kOk);
        Env np("QUARTIER_NEW_PASSPHRASE", "neue passphrase");
        REQUIRE(run(with(d, {"passwd"})).code == cli::kOk);
        REQUIRE(run(with(d, {"status"})).code == cli::kLocked);
    }
    std::ofstream(d / "pf") << "neue passphrase\n";
    Env none("QUARTIER_PASSPHRASE", nullptr);
    REQUIRE(run(with(d, {"--passphrase-file", (d / "pf").string(), "get", "c1"})).code == cli::kOk);
}

TEST_CASE("quartier-cli: every failure has its exit code and a message", "[cli][errors]") {
    TempDir d;
    Env pass("QUARTIER_PASSPHRASE", "eine gute passphrase");
    REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
    REQUIRE(run(with(d, {"put", "case", "c1", "name=A"})).code == cli::kOk);
    // Generators outlive this run's TempDir: rows name "{dir}", replaced below.
    const std::string store = "{dir}/s", elsewhere = "{dir}/elsewhere", absent = "{dir}/absent";

    struct Row {
        std::string name;
        std::vector<std::string> args;
        int code;
    };
    auto row = GENERATE_COPY(
        Row{"no command", {"--store", store}, cli::kUsage},
        Row{"unknown command", {"--store", store, "frobnicate"}, cli::kUsage},
        Row{"unknown option", {"--store", store, "--frob", "status"}, cli::kUsage},
        Row{"too many arguments", {"--store", store, "get", "a", "b"}, cli::kUsage},
        Row{"put without assignment", {"--store", store, "put", "case", "c1"}, cli::kUsage},
        Row{"put with a bad field", {"--store", store, "put", "case", "c1", "Name=x"}, cli::kUsage},
        Row{"put with a type clash", {"--store", store, "put", "note", "c1", "text=x"}, cli::kUsage},
        Row{"bad --kdf", {"--store", store, "--kdf", "fast", "init"}, cli::kUsage},
        Row{"no such record", {"--store", store, "get", "nope"}, cli::kNotFound},
        Row{"delete unknown", {"--store", store, "delete", "nope"}, cli::kNotFound},
        Row{"no store there", {"--store", elsewhere, "status"}, cli::kNotFound},
        Row{"init over a store", {"--store", store, "init", "--kdf", "interactive"}, cli::kExists},
        Row{"passphrase file missing", {"--store", store, "--passphrase-file", absent, "status"}, cli::kLocked});
    INFO(row.name);
    for (auto& a : row.args)
        if (auto p = a.find("{dir}"); p != std::string::npos) a.replace(p, 5, d.path().string());
    auto r = run(row.args);
    REQUIRE(r.code == row.code);
    REQUIRE_FALSE(r.err.empty());
}

TEST_CASE("quartier-cli: audit list and audit verify, exit 3 naming the first broken link", "[cli][audit]") {
    TempDir d;
    Env pass("QUARTIER_PASSPHRASE", "eine gute passphrase");
    REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
    REQUIRE(run(with(d, {"--actor", "Frau Beispiel", "--legal-basis", "Einwilligung", "put", "case", "c1", "name=A"})).code == cli::kOk);
    REQUIRE(run(with(d, {"put", "case", "c2", "name=B"})).code == cli::kOk);
    REQUIRE(run(with(d, {"--legal-basis", "§8a SGB VIII", "get", "c1"})).code == cli::kOk);
    std::ofstream(d / "wrong") << "falsch\n";
    REQUIRE(run(with(d, {"--passphrase-file", (d / "wrong").string(), "status"})).code == cli::kLocked);
    REQUIRE(run(with(d, {"list", "case"})).code == cli::kOk);

    auto ok = run(with(d, {"audit", "verify"}));
    INFO(ok.err);
    REQUIRE(ok.code == cli::kOk);
    CHECK(ok.out.find("\"ok\": true") != std::string::npos);

    auto list = run(with(d, {"audit", "list"}));
    REQUIRE(list.code == cli::kOk);
    const auto chains = nlohmann::json::parse(list.out);
    REQUIRE(chains.size() == 1);
    REQUIRE(chains[0]["local"] == true);
    std::vector<std::string> acts;
    for (const auto& e : chains[0]["entries"]) acts.push_back(e["action"]);
    // init, put, put, get, (wrong passphrase), list, audit verify, audit list: each opened the store
    const std::vector<std::string> expected = {"create", "unlock", "change", "unlock", "change", "unlock", "open",
                                               "unlock_failed", "unlock", "export", "unlock", "unlock", "export"};
    CHECK(acts == expected);
    const auto& put = chains[0]["entries"][2];
    CHECK(put["actor"] == "Frau Beispiel");
    CHECK(put["legal_basis"] == "Einwilligung");
    CHECK(put["objects"] == nlohmann::json::array({"c1"}));
    CHECK(chains[0]["entries"][6]["legal_basis"] == "§8a SGB VIII");
    CHECK(chains[0]["entries"][9]["objects"] == nlohmann::json::array({"c1", "c2"}));

    REQUIRE(run(with(d, {"audit", "verify", "--device", "00112233445566778899aabbccddeeff"})).code == cli::kNotFound);
    REQUIRE(run(with(d, {"audit", "verify", "--device", "nope"})).code == cli::kUsage);
    REQUIRE(run(with(d, {"audit", "frobnicate"})).code == cli::kUsage);

    // Remove one entry behind the store's back: verify names it.
    {
        auto db = sync::Database::open(d / "s" / "store.db", false);
        REQUIRE(db.ok());
        REQUIRE(db->exec("DELETE FROM audit WHERE seq = 5").ok());
    }
    auto bad = run(with(d, {"audit", "verify"}));
    REQUIRE(bad.code == cli::kIntegrity);
    CHECK(bad.out.find("\"ok\": false") != std::string::npos);
    CHECK(bad.err.find("broken at entry 5 (missing)") != std::string::npos);
    const std::string device = chains[0]["device"];
    CHECK(bad.err.find(device) != std::string::npos);
    REQUIRE(run(with(d, {"audit", "verify", "--device", device})).code == cli::kIntegrity);
}

TEST_CASE("quartier-cli: locked, busy, tampered and corrupt stores", "[cli][errors]") {
    TempDir d;
    Env pass("QUARTIER_PASSPHRASE", "eine gute passphrase");
    REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
    REQUIRE(run(with(d, {"put", "case", "c1", "name=A"})).code == cli::kOk);
    REQUIRE(run(with(d, {"put", "case", "c2", "name=B"})).code == cli::kOk);

    SECTION("wrong passphrase") {
        Env wrong("QUARTIER_PASSPHRASE", "falsch");
        auto r = run(with(d, {"status"}));
        REQUIRE(r.code == cli::kLocked);
        CHECK(r.err.find("wrong passphrase") != std::string::npos);
    }
    SECTION("no passphrase and no terminal") {
        Env none("QUARTIER_PASSPHRASE", nullptr);
        REQUIRE(run(with(d, {"status"})).code == cli::kLocked);
    }
    SECTION("store in use by another process") {
        auto held = sync::Store::open(d / "s", "eine gute passphrase");
        REQUIRE(held.ok());
        auto r = run(with(d, {"status"}));
        REQUIRE(r.code == cli::kLocked);
        CHECK(r.err.find("in use") != std::string::npos);
    }
    SECTION("a tampered envelope: reads go on with a warning, verify fails with 3") {
        {
            auto db = sync::Database::open(d / "s" / "store.db", false);
            REQUIRE(db.ok());
            REQUIRE(db->exec("UPDATE ops SET env = zeroblob(length(env)) WHERE seq = 1").ok());
        }
        auto get = run(with(d, {"get", "c2"}));
        REQUIRE(get.code == cli::kOk);
        CHECK(get.err.find("damaged envelope") != std::string::npos);
        auto v = run(with(d, {"verify"}));
        REQUIRE(v.code == cli::kIntegrity);
        CHECK(v.out.find("\"ok\": false") != std::string::npos);
    }
    SECTION("a database that is not one") {
        std::filesystem::remove(d / "s" / "store.db-wal");
        std::ofstream(d / "s" / "store.db", std::ios::trunc) << std::string(4096, 'z');
        REQUIRE(run(with(d, {"status"})).code == cli::kStoreError);
    }
}

TEST_CASE("quartier-cli: entrusted entries, consent and share, exit 10 when refused", "[cli][consent]") {
    // Offline, on one store: the legal-basis checks need no server (members come from the
    // directory; here the case has none but this device). The must-show over the real server is
    // tests/cli/scenario_consent.sh.
    TempDir d;
    Env pass("QUARTIER_PASSPHRASE", "eine gute passphrase");
    REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
    auto note = run(with(d, {"entrusted", "put", "note", "text=im Vertrauen"}));
    REQUIRE(note.code == cli::kOk);
    const std::string id = note.out.substr(0, note.out.size() - 1);
    auto listed = run(with(d, {"entrusted", "list"}));
    REQUIRE(listed.code == cli::kOk);
    CHECK(listed.out.find(id) != std::string::npos);
    auto made = run(with(d, {"scope", "create", "--kind", "case"}));
    REQUIRE(made.code == cli::kOk);
    const std::string scope = made.out.substr(0, made.out.size() - 1);

    auto none = run(with(d, {"share", id, "--scope", scope, "--purpose", "hilfeplanung"}));
    CHECK(none.code == cli::kDenied);
    CHECK(none.err.find("no_basis") != std::string::npos);
    CHECK(run(with(d, {"consent", "add", "--scope", scope, "--consenting", "Mutter"})).code == cli::kUsage);  // incomplete
    auto added = run(with(d, {"consent", "add", "--scope", scope, "--consenting", "Mutter", "--data", "note,contact_event",
                               "--purpose", "hilfeplanung", "--recipients", "caseworker", "--form", "written",
                               "--valid-from", "2020-01-01"}));
    REQUIRE(added.code == cli::kOk);
    const std::string cid = added.out.substr(0, added.out.size() - 1);
    auto list = run(with(d, {"consent", "list", "--scope", scope}));
    REQUIRE(list.code == cli::kOk);
    const auto consents = nlohmann::json::parse(list.out);
    REQUIRE(consents.size() == 1);
    CHECK(consents[0]["state"] == "valid");
    CHECK(consents[0]["data"] == nlohmann::json::array({"note", "contact_event"}));

    CHECK(run(with(d, {"share", id, "--scope", scope, "--consent", cid, "--purpose", "werbung"})).code == cli::kDenied);
    auto shared = run(with(d, {"share", id, "--scope", scope, "--consent", cid, "--purpose", "hilfeplanung"}));
    REQUIRE(shared.code == cli::kOk);
    const auto j = nlohmann::json::parse(shared.out);
    CHECK(j["legal_basis"].get<std::string>().find("Einwilligung " + cid) != std::string::npos);
    auto copy = run(with(d, {"get", j["copy"].get<std::string>()}));
    REQUIRE(copy.code == cli::kOk);
    CHECK(copy.out.find("im Vertrauen") != std::string::npos);

    REQUIRE(run(with(d, {"consent", "withdraw", cid, "--note", "per Brief"})).code == cli::kOk);
    auto after = run(with(d, {"share", id, "--scope", scope, "--consent", cid, "--purpose", "hilfeplanung"}));
    CHECK(after.code == cli::kDenied);
    CHECK(after.err.find("withdrawn") != std::string::npos);
    CHECK(run(with(d, {"share", id, "--scope", scope, "--exception", "4"})).code == cli::kDenied);  // no reason
    CHECK(run(with(d, {"share", id, "--scope", scope, "--exception", "x", "--reason", "r"})).code == cli::kUsage);
    CHECK(run(with(d, {"share", id, "--scope", scope, "--exception", "4", "--reason", "Gefährdungseinschätzung"})).code == cli::kOk);
    auto ex = run(with(d, {"exceptions"}));
    REQUIRE(ex.code == cli::kOk);
    CHECK(nlohmann::json::parse(ex.out).size() == 4);
    auto audit = run(with(d, {"audit", "list"}));
    REQUIRE(audit.code == cli::kOk);
    CHECK(audit.out.find("\"disclose\"") != std::string::npos);
    CHECK(audit.out.find("\"refuse\"") != std::string::npos);
    CHECK(audit.out.find("§65 Abs. 1 S. 1 Nr. 4 SGB VIII") != std::string::npos);
}
