// The Berichte page in the screenshot run (--screenshot): the refusal the demo's few families get,
// then, with a generated population of families written into the store (app/reports/generate.h),
// the Bedarfsbericht and the Fallzahlen, and their PDF exports copied beside the screenshots
// (report-demand.pdf, report-cases.pdf) for pdftoppm (docs/reports.md).
#pragma once

#include <QString>

#include <functional>

class QQmlEngine;
class QQuickWindow;
class QTextStream;

namespace quartier::sync {
class Store;
}

namespace quartier::app {

class Navigator;

// From the unlocked case list; returns to it. The number of failures.
int shootReportScreens(QQmlEngine& engine, QQuickWindow* window, Navigator& navigator, sync::Store& store,
                       const QString& dir, QTextStream& out, const std::function<void(const QString&)>& shoot);

}  // namespace quartier::app
