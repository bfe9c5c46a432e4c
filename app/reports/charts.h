// The charts of a published report (docs/reports.md "Charts"): what the app's Berichte page draws
// with Qt Charts and the PDF export draws on its pages. Read from a Report alone — from what
// suppression published — so a chart can show nothing a table does not.
//
//   demand  "missing_wanted"  families who miss or want an offer, per offer category (the rows'
//                             "Summe"), one series per social space
//           "barriers"        the barriers named, per barrier, one series per social space
//   cases   "running"         cases with a help running, per half-year (the columns' "Summe" of the
//                             running_<year>_h<n> tables), one series per social space
//
// A suppressed value ("<5", "x") has no bar: its entry is kept with its mark, and the chart's note
// says so. Not stateful: charts_of() reads a Report and returns values.
#pragma once

#include "report.h"

#include <string>
#include <vector>

namespace quartier::reports {

struct Chart {
    std::string key;    // "missing_wanted", "barriers", "running"
    std::string title;  // German
    std::string value_label;              // what a bar counts ("Familien", "Fälle")
    std::vector<std::string> categories;  // the bars' labels, along the category axis
    std::vector<std::string> series;      // one per social space (or the one asked for)
    std::vector<std::vector<Shown>> values;  // [series][category]
    std::string note;  // German: how suppressed values are shown
    std::int64_t max_value() const;       // the largest published value (0 if none)
    bool empty() const;                   // no published value above 0
};

std::vector<Chart> charts_of(const Report& report);

}  // namespace quartier::reports
