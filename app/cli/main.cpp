#include "cli.h"

#include <csignal>
#include <iostream>

int main(int argc, char** argv) {
    // A server that closes a connection must give a network error, not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    return quartier::cli::run_cli(args, std::cin, std::cout, std::cerr);
}
