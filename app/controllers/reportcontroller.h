// The Berichte page (docs/app.md "Berichte", docs/reports.md): either a report built from the cases
// on this device — the report picked (Bedarfsbericht or Fallzahlen), its period (a calendar year or
// one of its half-years), the social space (all or one) — or a report published to planning that
// this device received (source: its record id; the planning role's only kind); shown as tables
// and charts and exported as PDF (app/pdf), CSV or JSON into the export folder, each export an
// audit entry written first.
//
// States
//   NoStore --setStore(store)--> Shown (a report) | Refused (message: too few families, nothing
//                                published yet, a published report that breaks the rules, …)
//   Shown/Refused --a choice or the source changes, refresh()--> Shown | Refused
//   A planning device with an empty source shows the newest published report it holds.
//   any --setStoreBusy(true)--> the read is deferred until the store is back (DeferredReads)
//   Inactive (the page not shown): a refresh reads the role only, no report is built
//
// Invariants
//   1. What QML sees (report, charts) is built from a reports::Report, which holds only what
//      suppression published: no screen of this page can show an unsuppressed small cell, an id,
//      a name or a verbatim answer.
//   2. An export writes the audit entry before the file; a refused report exports nothing.
//   3. The store is read only while set and not busy (SessionController invariant 2).
#pragma once

#include "adapters/deferredreads.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace quartier::sync {
class Store;
}
namespace quartier::reports {
struct Report;
}

namespace quartier::app {

class ReportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Reports singleton.")

    // "demand" (Bedarfsbericht) or "cases" (Fallzahlen).
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY choiceChanged)
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY choiceChanged)
    // 0: the whole year; 1, 2: its first or second half-year.
    Q_PROPERTY(int half READ half WRITE setHalf NOTIFY choiceChanged)
    // A social space's name, or "" for all.
    Q_PROPERTY(QString space READ space WRITE setSpace NOTIFY choiceChanged)
    // "" (the cases on this device) or the record id of a published report this device holds.
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY choiceChanged)
    Q_PROPERTY(QVariantList sourceChoices READ sourceChoices NOTIFY reportChanged)  // [{value, label}]
    // The report shown is a published one (its period and space are fixed).
    Q_PROPERTY(bool showsPublished READ showsPublished NOTIFY reportChanged)
    // The source shown: the published report's id, or "" (the cases on this device).
    Q_PROPERTY(QString shownSource READ shownSource NOTIFY reportChanged)
    Q_PROPERTY(QVariantList kindChoices READ kindChoices CONSTANT)      // [{value, label}]
    Q_PROPERTY(QVariantList yearChoices READ yearChoices NOTIFY reportChanged)
    Q_PROPERTY(QVariantList halfChoices READ halfChoices CONSTANT)
    Q_PROPERTY(QVariantList spaceChoices READ spaceChoices NOTIFY reportChanged)
    // A report is shown (else `message` says why not).
    Q_PROPERTY(bool available READ available NOTIFY reportChanged)
    Q_PROPERTY(QString message READ message NOTIFY reportChanged)
    // {title, period, stichtag, space, population, populationText, threshold, legend: [..], notes: [..],
    //  sections: [{title, tables: [{key, title, corner, columns: [label], rows: [{label, cells: [text], total}],
    //  totals: [text], total}]}]}; every entry as shown ("12", "<5", "x").
    Q_PROPERTY(QVariantMap report READ report NOTIFY reportChanged)
    // [{key, title, note, valueLabel, categories: [label], series: [{name, values: [number], texts: [text]}], max}]
    Q_PROPERTY(QVariantList charts READ charts NOTIFY reportChanged)
    // The page is shown: only then is a report built (on every store change, sync and choice).
    // Off, a store or sync only re-reads this device's role, so an unlock or a sync never pays for
    // a report nobody looks at.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(QString exportFolder READ exportFolder CONSTANT)
    // This device's role in the organisation's directory is planning: the page is its home.
    Q_PROPERTY(bool planningHome READ planningHome NOTIFY reportChanged)
    // The last export's file ("" before one or after one failed) and its outcome for the page.
    Q_PROPERTY(QString lastExport READ lastExport NOTIFY exported)
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exported)

public:
    explicit ReportController(QString exportFolder, QObject* parent = nullptr);
    ~ReportController() override;

    void setStore(sync::Store* store);
    void setStoreBusy(bool busy);

    QString kind() const { return m_kind; }
    void setKind(const QString& kind);
    int year() const { return m_year; }
    void setYear(int year);
    int half() const { return m_half; }
    void setHalf(int half);
    QString space() const { return m_space; }
    void setSpace(const QString& space);
    QString source() const { return m_source; }
    void setSource(const QString& source);
    QVariantList sourceChoices() const { return m_sourceChoices; }
    bool showsPublished() const { return m_report && !m_shownSource.isEmpty(); }
    QString shownSource() const { return m_shownSource; }

    QVariantList kindChoices() const;
    QVariantList yearChoices() const;
    QVariantList halfChoices() const;
    QVariantList spaceChoices() const { return m_spaceChoices; }
    bool available() const { return m_report != nullptr; }
    QString message() const { return m_message; }
    QVariantMap report() const { return m_shown; }
    QVariantList charts() const { return m_charts; }
    QString exportFolder() const { return m_exportFolder; }
    bool active() const { return m_active; }
    void setActive(bool active);
    bool planningHome() const { return m_planning; }
    QString lastExport() const { return m_lastExport; }
    QString exportMessage() const { return m_exportMessage; }

    // Builds the report for the current choices (the page calls it when it opens).
    Q_INVOKABLE void refresh();
    // Writes the shown report as "pdf", "csv" or "json" into the export folder; the file's path,
    // or "" (exportMessage says why).
    Q_INVOKABLE QString exportAs(const QString& format);

signals:
    void choiceChanged();
    void reportChanged();
    void exported();
    void activeChanged();

private:
    // After a setter changed a choice (kind, year, half, space, source): says so and refreshes.
    void choiceMade();
    void rebuild();
    // The report to show, from the cases or from a published record; m_message says why not.
    std::unique_ptr<reports::Report> build();
    void finishExport(const QString& path, const QString& message);

    sync::Store* m_store = nullptr;
    DeferredReads m_reads;
    QString m_exportFolder;
    QString m_kind = QStringLiteral("demand");
    int m_year = 0;
    int m_half = 0;
    QString m_space;
    QVariantList m_spaceChoices;
    QString m_source;        // as chosen ("" also on a planning device: the newest then)
    QString m_shownSource;   // the published report's id shown, "" for one built here
    QString m_publishedName; // its file name part: "2026-01_2026-12_v2"
    QVariantList m_sourceChoices;
    std::unique_ptr<reports::Report> m_report;
    QString m_message;
    QVariantMap m_shown;
    QVariantList m_charts;
    QString m_lastExport, m_exportMessage;
    bool m_planning = false;
    bool m_active = false;
};

}  // namespace quartier::app
