// Golden files for report exports (tests/data/reports/): a mismatch writes the output beside the
// golden file as NAME.fail (ignored by git) and names the first differing line. A missing golden
// file is an error; QUARTIER_UPDATE_GOLDEN=1 writes it (look at the diff before committing it).
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace quartier::test {

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

inline void check_golden(const std::string& name, const std::string& actual) {
    const std::filesystem::path golden = std::filesystem::path(QUARTIER_TEST_DATA) / "reports" / name;
    const std::filesystem::path fail = golden.string() + ".fail";
    const char* update = std::getenv("QUARTIER_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::filesystem::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
    }
    INFO("golden file " << golden.string());
    REQUIRE(std::filesystem::exists(golden));
    const std::string expected = read_file(golden);
    if (expected == actual) {
        std::filesystem::remove(fail);
        return;
    }
    std::ofstream(fail, std::ios::binary) << actual;
    std::istringstream e(expected), a(actual);
    std::string le, la;
    int line = 0;
    while (true) {
        ++line;
        const bool ge = bool(std::getline(e, le)), ga = bool(std::getline(a, la));
        if (!ge && !ga) break;
        if (!ge || !ga || le != la) {
            FAIL("differs from " << golden.string() << " at line " << line << ":\n  expected: " << (ge ? le : "<end>")
                                 << "\n  actual:   " << (ga ? la : "<end>") << "\n(written: " << fail.string() << ")");
        }
    }
    FAIL("differs from " << golden.string() << " (written: " << fail.string() << ")");
}

}  // namespace quartier::test
