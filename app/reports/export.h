// The report exports (docs/reports.md "Exports"): JSON (nlohmann-json, never by hand) and CSV in
// the dialect German spreadsheet programs open without an import dialog: UTF-8 with a byte-order
// mark, ';' between fields, CRLF line ends, '"' quoting, a decimal comma (every figure of the
// reports is a whole number, so none appears today). Both write only what a Report holds, which
// is only what may be published (report.h).
#pragma once

#include "report.h"

#include <string>

namespace quartier::reports {

std::string to_json(const Report& report);  // pretty-printed, ends with a newline
std::string to_csv(const Report& report);

// The text a suppressed entry shows: "<5" (below the threshold) or "x" (secondary).
std::string shown_text(const Shown& s, std::int64_t threshold);

}  // namespace quartier::reports
