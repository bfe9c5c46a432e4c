#include "cli.h"

#include "crypto/hardening.h"
#ifdef QUARTIER_HAVE_PDF
#include "pdf/reportpdf.h"
#endif

#include <csignal>
#include <iostream>

int main(int argc, char** argv) {
    // Records are in ordinary heap while the store is open: no core file, no ptrace by the same user.
    if (!quartier::crypto::disable_core_dumps()) std::cerr << "quartier-cli: warning: core dumps could not be disabled\n";
    // A server that closes a connection must give a network error, not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
#ifdef QUARTIER_HAVE_PDF
    // report --format pdf: Qt draws it; its application object is made only when a PDF is asked for.
    quartier::cli::set_pdf_renderer([](const quartier::reports::Report& report) {
        quartier::pdf::ensure_gui();
        return quartier::pdf::render_report(report);
    });
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    return quartier::cli::run_cli(args, std::cin, std::cout, std::cerr);
}
