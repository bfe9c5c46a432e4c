// quartier-cli: the headless front door for scripts and administrators. Parsing and commands are
// a library function (run_cli) so tests can drive them in-process; main() only forwards argv.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace quartier::reports {
struct Report;
}

namespace quartier::cli {

// Exit codes, documented in --help and docs/cli.md.
enum Exit : int {
    kOk = 0,
    kUsage = 1,           // bad command line
    kLocked = 2,          // wrong passphrase, no passphrase, or the store is in use elsewhere
    kIntegrity = 3,       // verify found damaged or tampered data
    kNotFound = 4,        // no store there, or no such record
    kStoreError = 5,      // I/O error, corrupt database, newer store version
    kExists = 6,          // init where a store already exists
    kUnreachable = 7,     // the server could not be reached (network, timeout, certificate pin)
    kRefused = 8,         // the server refused the request, or answered outside the protocol
    kRevoked = 9,         // this device was revoked (and wiped, if the organisation ordered it)
    kDenied = 10,         // data protection refuses: no legal basis for a disclosure, or the role policy
    kLeaseExpired = 11,   // the organisation's offline lease ran out: sync to unlock (docs/retention.md)
    kFull = 12,           // no room: the disk or a quota is full; nothing of the write was kept
};

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

// `report … --format pdf` draws with Qt (app/pdf), which this library does not link: main() of a
// build with the GUI hands it in; without one, --format pdf is refused with exit 1.
using PdfRenderer = std::string (*)(const reports::Report& report);
void set_pdf_renderer(PdfRenderer renderer);

}  // namespace quartier::cli
