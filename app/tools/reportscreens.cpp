#include "tools/reportscreens.h"

#include "controllers/navigator.h"
#include "controllers/reportcontroller.h"
#include "tools/headless.h"

#include "domain/repository.h"
#include "offers/offers.h"
#include "reports/generate.h"
#include "sync/store/store.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>

namespace quartier::app {

int shootReportScreens(QQmlEngine& engine, QQuickWindow* window, Navigator& navigator, sync::Store& store,
                       const QString& dir, QTextStream& out, const std::function<void(const QString&)>& shoot)
{
    const int id = qmlTypeId("Quartier.Ui", 1, 0, "Reports");
    auto* reports = id < 0 ? nullptr : engine.singletonInstance<ReportController*>(id);
    if (!reports) {
        out << "FAIL the Reports singleton is not registered" << Qt::endl;
        return 1;
    }
    int failures = 0;
    const int year = QDate::currentDate().year();
    reports->setKind(QStringLiteral("demand"));
    reports->setYear(year);
    navigator.openReports();
    settle(300);
    if (!findItem(window, QStringLiteral("reportsPage"))) {
        out << "FAIL the Berichte page did not open" << Qt::endl;
        return 1;
    }
    // The demo's four families: too few for a report.
    if (reports->available()) {
        out << "FAIL the demo's few families gave a report" << Qt::endl;
        ++failures;
    }
    shoot(QStringLiteral("reports-refused"));

    // A year and a half of a team's families, over the offer map's social spaces and offers.
    const offers::Catalogue catalogue = offers::Catalogue::load(store);
    reports::Population population;
    population.cases = 80;
    population.seed = 20261207;
    population.first_year = year - 1;
    for (const offers::SocialSpace& s : catalogue.social_spaces())
        population.social_spaces.push_back(s.name);
    for (const offers::Service& s : catalogue.services())
        population.service_ids.push_back(s.id);
    domain::Repository repository(store);
    if (auto written = reports::write_population(repository, population); !written) {
        out << "FAIL could not write the report population: " << written.detail().c_str() << Qt::endl;
        return failures + 1;
    }
    const auto exportTo = [&](const QString& name) {
        const QString path = reports->exportAs(QStringLiteral("pdf"));
        const QString target = QDir(dir).filePath(name);
        QFile::remove(target);
        if (path.isEmpty() || !QFile::copy(path, target)) {
            out << "FAIL the PDF export: " << reports->exportMessage() << Qt::endl;
            ++failures;
        } else {
            out << "wrote " << target << Qt::endl;
        }
    };
    reports->refresh();
    settle(300);
    if (!reports->available()) {
        out << "FAIL no Bedarfsbericht: " << reports->message() << Qt::endl;
        ++failures;
    }
    shoot(QStringLiteral("reports-demand"));
    exportTo(QStringLiteral("report-demand.pdf"));
    shoot(QStringLiteral("reports-exported"));
    reports->setKind(QStringLiteral("cases"));
    settle(300);
    if (!reports->available()) {
        out << "FAIL no Fallzahlen: " << reports->message() << Qt::endl;
        ++failures;
    }
    shoot(QStringLiteral("reports-cases"));
    exportTo(QStringLiteral("report-cases.pdf"));
    reports->setKind(QStringLiteral("demand"));
    navigator.goBack();
    settle(300);
    return failures;
}

}  // namespace quartier::app
