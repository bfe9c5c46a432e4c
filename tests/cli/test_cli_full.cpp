// quartier-cli on a full disk: `put` and `batch` in a child process whose files cannot grow
// (RLIMIT_FSIZE, tests/support/filelimit.h), so SQLite's write of the WAL fails for real. Exit 12
// with a clear message, and nothing acknowledged that is not on disk.
#include "cli.h"

#include "support/filelimit.h"
#include "support/cli_run.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace quartier;
using quartier::test::TempDir;
using quartier::test::Run;
using quartier::test::run;
using quartier::test::with;

namespace {


std::string read_file(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// The command in a child whose files may not grow past store.db's size + 64 KiB: room for the
// unlock's audit entry in the WAL, none for hundreds of KiB more.
Run run_on_full_disk(const TempDir& d, const std::vector<std::string>& args, const std::string& input = {}) {
    const auto db_bytes = std::filesystem::file_size(d / "s" / "store.db");
    REQUIRE(db_bytes < 300 * 1024);  // so a 400 KiB value does not fit behind the limit
    const auto out = d / "out.txt", err = d / "err.txt";
    const int code = test::in_child_with_file_limit(db_bytes + 64 * 1024, [&]() -> int {
        std::istringstream in(input);
        std::ostringstream o, e;
        const int c = cli::run_cli(args, in, o, e);
        std::ofstream(out, std::ios::binary) << o.str();
        std::ofstream(err, std::ios::binary) << e.str();
        return c;
    });
    return {code, read_file(out), read_file(err)};
}
}  // namespace

TEST_CASE("quartier-cli: put on a full disk exits 12 and keeps nothing of it", "[cli][full]") {
    TempDir d;
    setenv("QUARTIER_PASSPHRASE", "eine gute passphrase", 1);
    REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
    REQUIRE(run(with(d, {"put", "case", "fam-1", "name=Familie Özdemir"})).code == cli::kOk);

    auto full = run_on_full_disk(d, with(d, {"put", "note", "n-1", "text=" + std::string(400 * 1024, 'x')}));
    INFO(full.err);
    CHECK(full.code == cli::kFull);
    CHECK(full.out.empty());  // no id printed: nothing acknowledged
    CHECK(full.err.find("no space left") != std::string::npos);

    // Nothing of it: not the record, not an op, and the file verifies.
    CHECK(run(with(d, {"get", "n-1"})).code == cli::kNotFound);
    auto status = run(with(d, {"status"}));
    CHECK(status.out.find("\"ops\": 1,") != std::string::npos);
    CHECK(run(with(d, {"verify"})).code == cli::kOk);
    CHECK(run(with(d, {"get", "fam-1"})).out.find("Familie Özdemir") != std::string::npos);
    // With room again, the same put goes through.
    REQUIRE(run(with(d, {"put", "note", "n-1", "text=" + std::string(400 * 1024, 'x')})).code == cli::kOk);
    unsetenv("QUARTIER_PASSPHRASE");
}

TEST_CASE("quartier-cli: batch on a filling disk acknowledges exactly the lines that are stored", "[cli][full]") {
    TempDir d;
    setenv("QUARTIER_PASSPHRASE", "eine gute passphrase", 1);
    REQUIRE(run(with(d, {"init", "--kdf", "interactive"})).code == cli::kOk);
    std::string input;
    for (int i = 0; i < 20; ++i) input += "note b" + std::to_string(i) + " text=" + std::string(30 * 1024, char('a' + i)) + "\n";

    auto full = run_on_full_disk(d, with(d, {"batch"}), input);
    INFO(full.err);
    CHECK(full.code == cli::kFull);
    CHECK(full.err.find("no space left") != std::string::npos);
    std::vector<std::string> acked;
    std::istringstream lines(full.out);
    for (std::string line; std::getline(lines, line);) {
        REQUIRE(line.rfind("ok ", 0) == 0);
        acked.push_back(line.substr(3));
    }
    REQUIRE_FALSE(acked.empty());
    REQUIRE(acked.size() < 20);
    for (std::size_t i = 0; i < 20; ++i) {
        INFO("b" << i);
        auto got = run(with(d, {"get", "b" + std::to_string(i)}));
        if (i < acked.size()) {
            CHECK(acked[i] == "b" + std::to_string(i));
            REQUIRE(got.code == cli::kOk);
            CHECK(got.out.find(std::string(30 * 1024, char('a' + i))) != std::string::npos);
        } else {
            CHECK(got.code == cli::kNotFound);  // nothing of a line that was not acknowledged
        }
    }
    CHECK(run(with(d, {"verify"})).code == cli::kOk);
    unsetenv("QUARTIER_PASSPHRASE");
}
