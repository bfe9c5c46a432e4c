#include "controllers/reportcontroller.h"

#include "adapters/qtprop.h"
#include "domain/repository.h"
#include "offers/offers.h"
#include "pdf/reportpdf.h"
#include "reports/charts.h"
#include "reports/export.h"
#include "reports/publish.h"
#include "reports/report.h"
#include "sync/store/store.h"

#include <QDate>
#include <QDir>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <tuple>

namespace quartier::app {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// "2026-03" -> "März 2026": the report's own language is German (its titles and notes are).
QString monthText(const std::string& yyyyMm)
{
    const QDate d = QDate::fromString(q(yyyyMm) + QStringLiteral("-01"), Qt::ISODate);
    return d.isValid() ? QLocale(QLocale::German).toString(d, QStringLiteral("MMMM yyyy")) : q(yyyyMm);
}

QVariantMap choice(const QVariant& value, const QString& label)
{
    return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

QVariantMap tableMap(const reports::Table& t, std::int64_t threshold)
{
    const auto text = [&](const reports::Shown& s) { return q(reports::shown_text(s, threshold)); };
    QStringList columns;
    for (const std::string& c : t.column_labels)
        columns << q(c);
    QVariantList rows;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        QStringList cells;
        for (std::size_t c = 0; c < t.cols(); ++c)
            cells << text(t.at(r, c));
        rows.push_back(QVariantMap{{QStringLiteral("label"), q(t.row_labels[r])},
                                   {QStringLiteral("cells"), cells},
                                   {QStringLiteral("total"), text(t.at(r, t.cols()))}});
    }
    QStringList totals;
    for (std::size_t c = 0; c < t.cols(); ++c)
        totals << text(t.at(t.rows(), c));
    return {{QStringLiteral("key"), q(t.key)},
            {QStringLiteral("title"), q(t.title)},
            {QStringLiteral("corner"), q(t.row_heading) + QStringLiteral(" / ") + q(t.column_heading)},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("totals"), totals},
            {QStringLiteral("total"), text(t.at(t.rows(), t.cols()))}};
}

// A file name for the export: the report's kind, its period and space, e.g.
// "Bedarfsbericht_2026-H1_Garstedt.csv" or, published, "Fallzahlen_2026-01_2026-12_v2.pdf".
// Letters (umlauts too), digits and '-' only.
QString fileName(const reports::Report& r, const QString& period, const QString& format)
{
    QString name = r.kind == reports::Kind::Demand ? QStringLiteral("Bedarfsbericht") : QStringLiteral("Fallzahlen");
    name += QLatin1Char('_') + period;
    if (!r.space.empty()) {
        QString space;
        for (QChar c : q(r.space))
            space += c.isLetterOrNumber() ? c : QLatin1Char('-');
        name += QLatin1Char('_') + space;
    }
    return name + QLatin1Char('.') + format;
}

}  // namespace

ReportController::ReportController(QString exportFolder, QObject* parent)
    : QObject(parent), m_exportFolder(std::move(exportFolder)), m_year(QDate::currentDate().year())
{
}

ReportController::~ReportController() = default;

void ReportController::setStore(sync::Store* store)
{
    m_store = store;
    m_report.reset();
    m_shown.clear();
    m_charts.clear();
    m_message.clear();
    m_lastExport.clear();
    m_exportMessage.clear();
    if (m_store)
        refresh();
    else
        emit reportChanged();
}

void ReportController::setStoreBusy(bool busy)
{
    if (m_reads.setBusy(busy))
        refresh();
}

void ReportController::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    refresh();  // shown: build the report; hidden: let it go
}

void ReportController::setKind(const QString& kind)
{
    if ((kind == QLatin1String("demand") || kind == QLatin1String("cases")) && assign(m_kind, kind))
        choiceMade();
}

void ReportController::setYear(int year)
{
    if (year >= 2000 && year <= 2100 && assign(m_year, year))
        choiceMade();
}

void ReportController::setHalf(int half)
{
    if (half >= 0 && half <= 2 && assign(m_half, half))
        choiceMade();
}

void ReportController::setSource(const QString& source)
{
    if (assign(m_source, source))
        choiceMade();
}

void ReportController::setSpace(const QString& space)
{
    if (assign(m_space, space))
        choiceMade();
}

void ReportController::choiceMade()
{
    emit choiceChanged();
    refresh();
}

QVariantList ReportController::kindChoices() const
{
    return {choice(QStringLiteral("demand"), tr("Bedarfsbericht")), choice(QStringLiteral("cases"), tr("Fallzahlen"))};
}

QVariantList ReportController::yearChoices() const
{
    QVariantList out;
    const int now = QDate::currentDate().year();
    for (int y = now; y >= now - 5; --y)
        out.push_back(choice(y, QString::number(y)));
    if (m_year < now - 5 || m_year > now)
        out.push_back(choice(m_year, QString::number(m_year)));
    return out;
}

QVariantList ReportController::halfChoices() const
{
    return {choice(0, tr("Ganzes Jahr")), choice(1, tr("1. Halbjahr")), choice(2, tr("2. Halbjahr"))};
}

void ReportController::refresh()
{
    if (!m_reads.mayRead(m_store != nullptr))
        return;
    rebuild();
    emit reportChanged();
    if (!m_exportMessage.isEmpty())  // the last export's note belongs to the report it exported
        finishExport(QString(), QString());
}

void ReportController::rebuild()
{
    m_report.reset();
    m_shown.clear();
    m_charts.clear();
    m_message.clear();
    m_shownSource.clear();
    m_spaceChoices = {choice(QString(), tr("Alle Sozialräume"))};
    m_sourceChoices = {choice(QString(), tr("Aus den Fällen auf diesem Gerät"))};
    m_planning = false;
    if (!m_store)
        return;
    const crypto::DeviceId me = m_store->device().id();
    for (const sync::DeviceInfo& d : m_store->directory().devices())
        if (d.id == me && !d.revoked)
            m_planning = d.role == "planning";
    if (!m_active)
        return;
    m_report = build();
    if (!m_report)
        return;
    const reports::Report& r = *m_report;

    QVariantList sections;
    for (const reports::Section& s : r.sections) {
        QVariantList tables;
        for (const reports::Table& t : s.tables)
            tables.push_back(tableMap(t, r.threshold));
        sections.push_back(QVariantMap{{QStringLiteral("title"), q(s.title)}, {QStringLiteral("tables"), tables}});
    }
    QStringList notes;
    for (const std::string& n : r.notes)
        notes << q(n);
    m_shown = {{QStringLiteral("title"), q(r.title)},
               {QStringLiteral("from"), q(r.from)},
               {QStringLiteral("to"), q(r.to)},
               {QStringLiteral("stichtag"), r.stichtag.empty() ? QString() : monthText(r.stichtag)},
               {QStringLiteral("period"), monthText(r.from) + QStringLiteral(" – ") + monthText(r.to)},
               {QStringLiteral("space"), q(r.space)},
               {QStringLiteral("population"), qint64(r.population)},
               {QStringLiteral("populationText"),
                r.kind == reports::Kind::Demand ? tr("%n Familien gezählt", nullptr, int(r.population))
                                                : tr("%n Fälle gezählt", nullptr, int(r.population))},
               {QStringLiteral("threshold"), qint64(r.threshold)},
               {QStringLiteral("notes"), notes},
               {QStringLiteral("sections"), sections}};

    for (const reports::Chart& c : reports::charts_of(r)) {
        QVariantList series;
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            QVariantList values;
            QStringList texts;
            for (const reports::Shown& v : c.values[s]) {
                values.push_back(v.mark == reports::Mark::Published ? double(v.value) : 0.0);
                texts << q(reports::shown_text(v, r.threshold));
            }
            series.push_back(QVariantMap{{QStringLiteral("name"), q(c.series[s])},
                                         {QStringLiteral("values"), values},
                                         {QStringLiteral("texts"), texts}});
        }
        QStringList categories;
        for (const std::string& k : c.categories)
            categories << q(k);
        m_charts.push_back(QVariantMap{{QStringLiteral("key"), q(c.key)},
                                       {QStringLiteral("title"), q(c.title)},
                                       {QStringLiteral("note"), q(c.note)},
                                       {QStringLiteral("valueLabel"), q(c.value_label)},
                                       {QStringLiteral("categories"), categories},
                                       {QStringLiteral("series"), series},
                                       {QStringLiteral("max"), double(c.max_value())}});
    }
}

std::unique_ptr<reports::Report> ReportController::build()
{
    // The reports published to planning that this device holds (a planning device's only kind).
    const std::vector<reports::Published> published = reports::published_reports(*m_store);
    if (m_planning)
        m_sourceChoices.clear();  // planning holds no case: published reports only
    for (const reports::Published& p : published)
        m_sourceChoices.push_back(choice(
            q(p.id), tr("Veröffentlicht: %1, %2 – %3, Version %4")
                         .arg(p.kind == reports::Kind::Demand ? tr("Bedarfsbericht") : tr("Fallzahlen"),
                              monthText(p.from), monthText(p.to))
                         .arg(p.version)));
    QString source = m_source;
    if (source.isEmpty() && m_planning && !published.empty()) {
        // The newest: the latest period, then the highest version.
        const auto newest = std::max_element(published.begin(), published.end(), [](const auto& a, const auto& b) {
            return std::tie(a.to, a.from, a.version) < std::tie(b.to, b.from, b.version);
        });
        source = q(newest->id);
    }
    if (!source.isEmpty()) {
        const auto p = std::find_if(published.begin(), published.end(), [&](const auto& x) { return q(x.id) == source; });
        if (p == published.end()) {
            m_message = tr("Dieser veröffentlichte Bericht ist auf diesem Gerät nicht (mehr) vorhanden.");
            return nullptr;
        }
        auto r = reports::report_from_json(p->json);
        if (!r) {
            // A coordinating device that published a small cell: refused, never shown.
            m_message = tr("Dieser veröffentlichte Bericht hält die Schutzregeln nicht ein und wird deshalb nicht gezeigt. "
                           "Bitte wenden Sie sich an die Koordination, die ihn veröffentlicht hat.");
            return nullptr;
        }
        m_shownSource = source;
        m_publishedName = q(p->from + "_" + p->to) + QStringLiteral("_v%1").arg(p->version);
        return std::make_unique<reports::Report>(std::move(r).value());
    }
    if (m_planning) {
        m_message = tr("Noch kein Bericht für die Planung veröffentlicht. Er erscheint hier nach einer Synchronisierung, "
                       "sobald die Koordination ihn veröffentlicht hat.");
        return nullptr;
    }

    const offers::Catalogue catalogue = offers::Catalogue::load(*m_store);
    for (const offers::SocialSpace& s : catalogue.social_spaces())
        m_spaceChoices.push_back(choice(q(s.name), q(s.name)));

    reports::Options options;
    const int firstMonth = m_half == 2 ? 7 : 1, lastMonth = m_half == 1 ? 6 : 12;
    options.from = QStringLiteral("%1-%2").arg(m_year).arg(firstMonth, 2, 10, QLatin1Char('0')).toStdString();
    options.to = QStringLiteral("%1-%2").arg(m_year).arg(lastMonth, 2, 10, QLatin1Char('0')).toStdString();
    options.space = m_space.toStdString();
    const domain::Repository repository(*m_store);
    auto built = m_kind == QLatin1String("cases") ? reports::build_cases(repository, options)
                                                  : reports::build_demand(repository, options);
    if (!built) {
        switch (built.error()) {
        case reports::Error::BelowThreshold:
            m_message = m_kind == QLatin1String("cases")
                            ? tr("Zu wenige Fälle mit einer Hilfe in diesem Zeitraum: Ein Bericht zeigt erst ab %1 Fällen etwas, "
                                 "damit niemand zu erkennen ist.").arg(reports::kMinThreshold)
                            : tr("Zu wenige Familien haben in diesem Zeitraum geantwortet: Ein Bericht zeigt erst ab %1 Familien "
                                 "etwas, damit niemand zu erkennen ist.").arg(reports::kMinThreshold);
            break;
        case reports::Error::UnknownSpace:
            m_message = tr("Diesen Sozialraum gibt es auf der Angebotskarte nicht mehr.");
            break;
        default:
            m_message = tr("Der Bericht konnte nicht erstellt werden: %1").arg(q(built.detail()));
            break;
        }
        return nullptr;
    }
    return std::make_unique<reports::Report>(std::move(built).value());
}

QString ReportController::exportAs(const QString& format)
{
    if (!m_report || !m_store || m_reads.busy()) {
        finishExport(QString(), m_report ? tr("Gerade wird synchronisiert: Bitte gleich noch einmal.")
                                         : tr("Es gibt keinen Bericht, der exportiert werden könnte."));
        return {};
    }
    if (format != QLatin1String("pdf") && format != QLatin1String("csv") && format != QLatin1String("json")) {
        finishExport(QString(), tr("Unbekanntes Format."));
        return {};
    }
    const reports::Report& r = *m_report;
    QDir folder(m_exportFolder);
    if (!folder.mkpath(QStringLiteral("."))) {
        finishExport(QString(), tr("Der Ordner %1 kann nicht angelegt werden.").arg(m_exportFolder));
        return {};
    }
    const QString period = !m_shownSource.isEmpty() ? m_publishedName
                           : m_half > 0            ? QStringLiteral("%1-H%2").arg(m_year).arg(m_half)
                                                   : QString::number(m_year);
    const QString path = folder.filePath(fileName(r, period, format));
    // The audit entry first (docs/audit.md, action export): the cases counted are its objects.
    const std::string what = "report " + std::string(reports::to_string(r.kind)) + " " + r.from + ".." + r.to +
                             (r.space.empty() ? ", all social spaces" : ", " + r.space) + ", " + format.toStdString() +
                             ", threshold " + std::to_string(r.threshold) + ": " +
                             (m_shownSource.isEmpty() ? std::to_string(r.audit_cases.size()) + " cases counted (app)"
                                                      : "published report " + m_shownSource.toStdString() + " (app)");
    // The objects: the cases counted, or the published report re-rendered.
    const std::vector<std::string> objects =
        m_shownSource.isEmpty() ? r.audit_cases : std::vector<std::string>{m_shownSource.toStdString()};
    if (auto a = m_store->audit(sync::AuditAction::Export, objects, {}, what); !a) {
        finishExport(QString(), tr("Der Export wurde nicht protokolliert und deshalb nicht geschrieben: %1").arg(q(a.detail())));
        return {};
    }
    const std::string bytes = format == QLatin1String("pdf")   ? pdf::render_report(r)
                              : format == QLatin1String("csv") ? reports::to_csv(r)
                                                               : reports::to_json(r);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) ||
        !file.commit()) {
        finishExport(QString(), tr("Die Datei konnte nicht geschrieben werden (%1): %2").arg(path, file.errorString()));
        return {};
    }
    finishExport(path, tr("Gespeichert: %1").arg(QDir::toNativeSeparators(path)));
    return path;
}

void ReportController::finishExport(const QString& path, const QString& message)
{
    m_lastExport = path;
    m_exportMessage = message;
    emit exported();
}

}  // namespace quartier::app
