// What the case page's section controllers share: the open case (CaseContext, implemented by
// CaseController, QML's CaseDetail) and the base of every section (CaseSection). A section owns
// the SectionModels of one part of CasePage.qml and the edits only that part makes; the case's
// header, its forms (RecordDialog: saveRecord, saveForLock, drafts), issues and errors stay with
// CaseDetail, which reads every section whenever it reads the case.
//
// States (of each section): Empty (no case open, or the store locked) --read()--> Shown (rows of
// the case named by CaseContext::caseId()) --clear() | read() of another case--> ...
// Invariants
//   1. A section shows the case CaseDetail shows, or nothing: CaseDetail calls read() or clear()
//      on every section together (CaseController's invariant 4).
//   2. A section writes only through CaseContext: editable() first (the store is set, free and
//      writable), and every result goes to finishEdit()/saveRecord(), which set CaseDetail's
//      issues and errorMessage and re-read all sections (CaseController's invariants 1-3).
#pragma once

#include "models/sectionmodel.h"

#include "domain/repository.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <map>
#include <string>

namespace quartier::app {

// The open case, as the sections see it (CaseController implements it).
class CaseContext
{
public:
    virtual ~CaseContext() = default;
    virtual domain::Repository* repository() = 0;  // null while locked
    virtual QString openCaseId() const = 0;         // "" when no case is open
    virtual QString todayDate() const = 0;          // YYYY-MM-DD
    // Whether an edit may write now; if not, errorMessage says why.
    virtual bool editable() = 0;
    // After a domain call: shows its issues or error, or (ok) clears them and re-reads the case.
    virtual bool finishEdit(const domain::Result<void>& result, const domain::Issues& issues) = 0;
    // Shows issues found before any domain call (a form value of the wrong kind).
    virtual void refuse(const domain::Issues& issues) = 0;
    // Shows that the record an edit names is gone.
    virtual void notFound() = 0;
    // The form saves of CaseDetail (saveRecord; target "contact" for a network contact).
    virtual bool saveRecord(const QString& type, const QVariantMap& values, const QString& restoredFrom = {}) = 0;
    virtual bool saveContact(const QVariantMap& values, const QString& restoredFrom) = 0;
};

// What one read of the case hands from section to section.
struct CaseReading {
    std::map<std::string, QString> personNames;  // person id -> display name (the members section)
    QString personName(const std::string& id) const
    {
        const auto it = personNames.find(id);
        return it == personNames.end() ? QString() : it->second;
    }
};

// One part of the case page (see the top of this file).
class CaseSection : public QObject
{
    Q_OBJECT
public:
    explicit CaseSection(CaseContext& context, QObject* parent = nullptr) : QObject(parent), m_case(context) {}
    virtual void read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading) = 0;
    virtual void clear() = 0;

signals:
    void changed();  // the section's own properties (beyond its models) may have changed

protected:
    CaseContext& m_case;
};

// Display helpers of the sections.
namespace caseview {
inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }
template <class E>
QString id(E v)
{
    const std::string_view s = domain::to_string(v);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
inline QString dateText(const std::string& iso)
{
    const QDate d = QDate::fromString(qs(iso), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("dd.MM.yyyy")) : qs(iso);
}
inline QString timeText(const std::string& iso)
{
    const QDateTime t = QDateTime::fromString(qs(iso), QStringLiteral("yyyy-MM-ddTHH:mm"));
    return t.isValid() ? t.toString(QStringLiteral("dd.MM.yyyy, HH:mm")) : qs(iso);
}
}  // namespace caseview

}  // namespace quartier::app
