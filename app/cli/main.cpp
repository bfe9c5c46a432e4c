#include "cli.h"

#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return quartier::cli::run_cli(args, std::cin, std::cout, std::cerr);
}
