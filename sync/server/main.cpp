// quartier-server: the thin executable over sync/server (docs/server.md).
#include "cli.h"

#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return quartier::sync::server::run_cli(args, std::cout, std::cerr);
}
