// quartier-server: the thin executable over sync/server (docs/server.md).
#include "cli.h"

#include "crypto/hardening.h"

#include <iostream>

int main(int argc, char** argv) {
    // No core file and no ptrace by the same user: tokens and the bootstrap token are in memory.
    if (!quartier::crypto::disable_core_dumps()) std::cerr << "quartier-server: warning: core dumps could not be disabled\n";
    std::vector<std::string> args(argv + 1, argv + argc);
    return quartier::sync::server::run_cli(args, std::cout, std::cerr);
}
