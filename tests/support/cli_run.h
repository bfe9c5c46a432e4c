// Running quartier-cli in-process for the CLI tests: its exit code and what it wrote, with the
// arguments of a store in a test directory.
#pragma once

#include "cli/cli.h"
#include "tempdir.h"

#include <sstream>
#include <string>
#include <vector>

namespace quartier::test {

struct Run {
    int code;
    std::string out, err;
};

// quartier-cli with `args` (after the program name), `input` as its standard input.
inline Run run(const std::vector<std::string>& args, const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int code = cli::run_cli(args, in, out, err);
    return {code, out.str(), err.str()};
}

// `--store <d>/s` and then `rest`.
inline std::vector<std::string> with(const TempDir& d, std::vector<std::string> rest) {
    std::vector<std::string> a = {"--store", (d / "s").string()};
    a.insert(a.end(), rest.begin(), rest.end());
    return a;
}

}  // namespace quartier::test
