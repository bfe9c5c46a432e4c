// The PDF export of a planning report (docs/reports.md "Exports"): A4 portrait, German, a title
// page with the period, the Stichtag, the social space, the threshold and the suppression rule,
// then the report's charts (charts.h) and its tables, every page numbered ("Seite 2 von 7").
// It draws only what a reports::Report holds, which is only what suppression published.
//
// The interface is plain C++ (the CLI includes it); the implementation uses Qt's QPdfWriter and
// needs a QGuiApplication: ensure_gui() makes one for a process that has none (the CLI), on the
// offscreen platform. Not stateful apart from that application object.
#pragma once

#include "reports/report.h"

#include <string>

namespace quartier::pdf {

// The document's bytes ("%PDF-…").
std::string render_report(const reports::Report& report);

// Creates the QGuiApplication render_report needs if the process has none (offscreen platform
// unless QT_QPA_PLATFORM says otherwise). Call once, from the main thread.
void ensure_gui();

}  // namespace quartier::pdf
