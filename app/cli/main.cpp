#include "cli.h"
#include "sync/allocator.h"

#include <csignal>
#include <iostream>

int main(int argc, char** argv) {
    quartier::sync::tune_allocator(argv);  // huge pages for the records' heap (sync/allocator.h)
    // A server that closes a connection must give a network error, not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    return quartier::cli::run_cli(args, std::cin, std::cout, std::cerr);
}
