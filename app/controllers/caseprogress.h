// Verlaufsberichte on the case page (docs/app.md, docs/domain.md "progress_report"): a free
// provider's family helper — or the caseworker — reports progress against the case's goals and
// Aufträge: per goal the scale now, what happened and what the family did itself; per Auftrag what
// happened. The caseworker reads the reports in the case (they travel with the case scope), and
// they feed the help-plan review. QML sees it as the singleton CaseProgress, a section of
// CaseDetail (casesection.h).
//
// Terms
//   report      a domain ProgressReport of the open case: written_on today, the author (the
//               device's worker name, else the device's name) and the author's free provider as the
//               verified directory names it ("" for the youth office's own devices). Shown, the
//               provider is always the directory's for the device that wrote the report (its first
//               op), never the record's own claim
//   draft rows  what the report form offers: the case's open goals (with their current scale) and
//               open Aufträge, in the case's order (draftEntries)
//
// States (of the section, casesection.h): Empty --read()--> Shown --clear()--> Empty.
// Invariants
//   1. Rules are the domain's (rules.cpp, ProgressReport): saveReport() maps the form onto a
//      record and saves it through CaseContext; a refused report writes nothing and its issues
//      are CaseDetail's (issueList), so the dialog keeps what was typed.
//   2. A form row with neither text nor a scale picked is no entry; every other row is one.
#pragma once

#include "controllers/casesection.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace quartier::app {

class CaseProgressController : public CaseSection
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by CaseController; QML uses the CaseProgress singleton.")
    Q_PROPERTY(SectionModel* reports READ reports CONSTANT)

public:
    explicit CaseProgressController(CaseContext& context, QObject* parent = nullptr);
    SectionModel* reports() { return &m_reports; }

    // [{goalId, mandateId, title, kindLabel, scaleNow (current; -1 for an Auftrag), scaleTarget}]
    Q_INVOKABLE QVariantList draftEntries() const;
    // values: periodFrom, periodTo (ISO or ""), summary, entries: [{goalId | mandateId, scaleNow
    // (-1: not picked), happened, familyDid}]. False with CaseDetail's issues if refused.
    Q_INVOKABLE bool saveReport(const QVariantMap& values);

    void read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading) override;
    void clear() override;

private:
    SectionModel m_reports;
    QVariantList m_draft;
};

}  // namespace quartier::app
