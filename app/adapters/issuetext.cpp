#include "adapters/issuetext.h"

#include <QCoreApplication>

namespace quartier::app {

namespace {

// The field's name as the visit screens call it.
QString fieldLabel(const std::string& field)
{
    const std::string base = field.substr(0, field.find('['));
    if (base == "participants")
        return QCoreApplication::translate("IssueText", "Anwesende");
    if (base == "child_seen")
        return QCoreApplication::translate("IssueText", "Kind gesehen");
    if (base == "started_at")
        return QCoreApplication::translate("IssueText", "Beginn");
    if (base == "ended_at")
        return QCoreApplication::translate("IssueText", "Ende");
    if (base == "text")
        return QCoreApplication::translate("IssueText", "Text");
    if (base == "wanted")
        return QCoreApplication::translate("IssueText", "Was fehlt");
    if (base == "category")
        return QCoreApplication::translate("IssueText", "Kategorie");
    if (base == "person_id")
        return QCoreApplication::translate("IssueText", "Person");
    if (base == "barriers")
        return QCoreApplication::translate("IssueText", "Hürden");
    if (base == "how_it_would_have_to_be")
        return QCoreApplication::translate("IssueText", "Wie es sein müsste");
    if (base == "own_contribution")
        return QCoreApplication::translate("IssueText", "Eigener Beitrag");
    return QString::fromStdString(field);
}

}  // namespace

QString issueText(const std::string& type, const domain::Issue& issue)
{
    using domain::Reason;
    // The finalisation rules of a visit, worded as what is still to do.
    if (type == "contact_event") {
        if (issue.field == "participants" && issue.reason == Reason::Required)
            return QCoreApplication::translate("IssueText", "Wählen Sie unter „Wer ist da?“ mindestens eine Person, die dabei war.");
        if (issue.field == "child_seen" && issue.reason == Reason::Required)
            return QCoreApplication::translate("IssueText", "Geben Sie unter „Wer ist da?“ an, ob das Kind gesehen wurde.");
        if (issue.field == "ended_at" && issue.reason == Reason::BeforeStart)
            return QCoreApplication::translate("IssueText", "Das Ende des Besuchs liegt vor seinem Beginn.");
        if (issue.field == "status" && issue.reason == Reason::NotAllowed)
            return QCoreApplication::translate("IssueText", "Ein abgeschlossener Besuch wird nicht wieder zum Entwurf.");
    }
    const QString label = fieldLabel(issue.field);
    switch (issue.reason) {
    case Reason::Required:
        return QCoreApplication::translate("IssueText", "„%1“ fehlt noch.").arg(label);
    case Reason::Malformed:
        return QCoreApplication::translate("IssueText", "„%1“ hat kein gültiges Format.").arg(label);
    case Reason::UnknownValue:
        return QCoreApplication::translate("IssueText", "„%1“ hat einen unbekannten Wert.").arg(label);
    case Reason::OutOfRange:
        return QCoreApplication::translate("IssueText", "„%1“ liegt außerhalb des erlaubten Bereichs.").arg(label);
    case Reason::BeforeStart:
        return QCoreApplication::translate("IssueText", "„%1“ liegt vor dem Beginn.").arg(label);
    case Reason::UnknownReference:
        return QCoreApplication::translate("IssueText", "„%1“ verweist auf einen Eintrag, den es nicht (mehr) gibt.").arg(label);
    case Reason::OtherCase:
        return QCoreApplication::translate("IssueText", "„%1“ gehört zu einem anderen Fall.").arg(label);
    case Reason::Duplicate:
        return QCoreApplication::translate("IssueText", "„%1“ enthält einen Eintrag doppelt.").arg(label);
    case Reason::NotInDangerArea:
        return QCoreApplication::translate("IssueText", "Auflagen gibt es nur im Gefährdungsbereich.");
    case Reason::NeedsConcern:
        return QCoreApplication::translate("IssueText", "Ein Veränderungsauftrag braucht eine benannte Sorge (Grau- oder Gefährdungsbereich).");
    case Reason::IsWish:
        return QCoreApplication::translate("IssueText", "Das ist noch ein Wunsch: Es fehlt, was die Person selbst dafür tut.");
    case Reason::NotAllowed:
        return QCoreApplication::translate("IssueText", "„%1“ passt nicht zu den übrigen Angaben.").arg(label);
    case Reason::Immutable:
        return QCoreApplication::translate("IssueText", "„%1“ kann nach dem ersten Speichern nicht mehr geändert werden.").arg(label);
    }
    return label;
}

QStringList issueTexts(const std::string& type, const domain::Issues& issues)
{
    QStringList out;
    for (const domain::Issue& issue : issues) {
        const QString text = issueText(type, issue);
        if (!out.contains(text))
            out << text;
    }
    return out;
}

}  // namespace quartier::app
