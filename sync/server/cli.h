// The quartier-server command line (docs/server.md): init, serve, devices, fingerprint.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace quartier::sync::server {

enum ExitCode : int {
    kExitOk = 0,
    kExitUsage = 1,          // unknown command or option, bad --listen, non-loopback with --insecure-loopback
    kExitInitialised = 2,    // init: the data directory is already initialised
    kExitNotInitialised = 3, // no server in the data directory
    kExitStorage = 4,        // I/O, database, certificate or directory failure
    kExitBind = 5,           // serve: the address cannot be bound
};

// Runs one command. `serve` blocks until SIGINT or SIGTERM (which it blocks in the calling
// thread and waits for in its own thread: call it before starting other threads).
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace quartier::sync::server
