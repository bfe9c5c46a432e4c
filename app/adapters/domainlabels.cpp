#include "adapters/domainlabels.h"

#include "domain/types.h"
#include "offers/offers.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QVariantMap>

#include <functional>
#include <map>

namespace quartier::app {

namespace {

// A German source string of the "Labels" context (marked with QT_TRANSLATE_NOOP) in the UI's language.
QString labelText(const char* text) { return QCoreApplication::translate("Labels", text); }

// One German source string per value; a new enum value without one is a -Wswitch warning.
const char* german(domain::CaseStatus v)
{
    using E = domain::CaseStatus;
    switch (v) {
    case E::New: return QT_TRANSLATE_NOOP("Labels", "Neu");
    case E::Active: return QT_TRANSLATE_NOOP("Labels", "Aktiv");
    case E::Clarification: return QT_TRANSLATE_NOOP("Labels", "In Klärung");
    case E::Closed: return QT_TRANSLATE_NOOP("Labels", "Abgeschlossen");
    case E::Transferred: return QT_TRANSLATE_NOOP("Labels", "Abgegeben");
    }
    return "";
}

const char* german(domain::MemberRole v)
{
    using E = domain::MemberRole;
    switch (v) {
    case E::Mother: return QT_TRANSLATE_NOOP("Labels", "Mutter");
    case E::Father: return QT_TRANSLATE_NOOP("Labels", "Vater");
    case E::Parent: return QT_TRANSLATE_NOOP("Labels", "Elternteil");
    case E::StepParent: return QT_TRANSLATE_NOOP("Labels", "Stiefelternteil");
    case E::FosterParent: return QT_TRANSLATE_NOOP("Labels", "Pflegeelternteil");
    case E::Guardian: return QT_TRANSLATE_NOOP("Labels", "Vormund");
    case E::Child: return QT_TRANSLATE_NOOP("Labels", "Kind");
    case E::Sibling: return QT_TRANSLATE_NOOP("Labels", "Geschwister");
    case E::Grandparent: return QT_TRANSLATE_NOOP("Labels", "Großelternteil");
    case E::Partner: return QT_TRANSLATE_NOOP("Labels", "Partner:in");
    case E::Relative: return QT_TRANSLATE_NOOP("Labels", "Verwandte:r");
    case E::Other: return QT_TRANSLATE_NOOP("Labels", "Andere Person");
    }
    return "";
}

const char* german(domain::ContactKind v)
{
    using E = domain::ContactKind;
    switch (v) {
    case E::HomeVisit: return QT_TRANSLATE_NOOP("Labels", "Hausbesuch");
    case E::OfficeVisit: return QT_TRANSLATE_NOOP("Labels", "Termin im Amt");
    case E::Phone: return QT_TRANSLATE_NOOP("Labels", "Telefonat");
    case E::Video: return QT_TRANSLATE_NOOP("Labels", "Videogespräch");
    case E::Outreach: return QT_TRANSLATE_NOOP("Labels", "Aufsuchender Kontakt");
    case E::Other: return QT_TRANSLATE_NOOP("Labels", "Sonstiger Kontakt");
    }
    return "";
}

const char* german(domain::ContactStatus v)
{
    using E = domain::ContactStatus;
    switch (v) {
    case E::Draft: return QT_TRANSLATE_NOOP("Labels", "Entwurf");
    case E::Final: return QT_TRANSLATE_NOOP("Labels", "Abgeschlossen");
    }
    return "";
}

const char* german(domain::ChildSeen v)
{
    using E = domain::ChildSeen;
    switch (v) {
    case E::Unknown: return QT_TRANSLATE_NOOP("Labels", "Kind gesehen: offen");
    case E::Yes: return QT_TRANSLATE_NOOP("Labels", "Kind gesehen");
    case E::No: return QT_TRANSLATE_NOOP("Labels", "Kind nicht gesehen");
    case E::NotApplicable: return QT_TRANSLATE_NOOP("Labels", "Kind gesehen: entfällt");
    }
    return "";
}

const char* german(domain::GoalLevel v)
{
    using E = domain::GoalLevel;
    switch (v) {
    case E::Direction: return QT_TRANSLATE_NOOP("Labels", "Richtungsziel");
    case E::Action: return QT_TRANSLATE_NOOP("Labels", "Handlungsziel");
    }
    return "";
}

const char* german(domain::GoalStatus v)
{
    using E = domain::GoalStatus;
    switch (v) {
    case E::Open: return QT_TRANSLATE_NOOP("Labels", "Offen");
    case E::Reached: return QT_TRANSLATE_NOOP("Labels", "Erreicht");
    case E::Dropped: return QT_TRANSLATE_NOOP("Labels", "Verworfen");
    }
    return "";
}

const char* german(domain::StepStatus v)
{
    using E = domain::StepStatus;
    switch (v) {
    case E::Open: return QT_TRANSLATE_NOOP("Labels", "Offen");
    case E::Done: return QT_TRANSLATE_NOOP("Labels", "Erledigt");
    case E::Dropped: return QT_TRANSLATE_NOOP("Labels", "Verworfen");
    }
    return "";
}

const char* german(domain::ResourceArea v)
{
    using E = domain::ResourceArea;
    switch (v) {
    case E::Personal: return QT_TRANSLATE_NOOP("Labels", "Persönlich");
    case E::Social: return QT_TRANSLATE_NOOP("Labels", "Sozial");
    case E::Material: return QT_TRANSLATE_NOOP("Labels", "Materiell");
    case E::Infrastructure: return QT_TRANSLATE_NOOP("Labels", "Sozialraum");
    }
    return "";
}

const char* german(domain::NetworkSector v)
{
    using E = domain::NetworkSector;
    switch (v) {
    case E::Family: return QT_TRANSLATE_NOOP("Labels", "Familie");
    case E::FriendsNeighbours: return QT_TRANSLATE_NOOP("Labels", "Freunde & Nachbarn");
    case E::SchoolWorkClubs: return QT_TRANSLATE_NOOP("Labels", "Schule, Arbeit & Vereine");
    case E::Professionals: return QT_TRANSLATE_NOOP("Labels", "Fachkräfte");
    }
    return "";
}

const char* german(domain::ContactQuality v)
{
    using E = domain::ContactQuality;
    switch (v) {
    case E::Supportive: return QT_TRANSLATE_NOOP("Labels", "Unterstützend");
    case E::Ambivalent: return QT_TRANSLATE_NOOP("Labels", "Ambivalent");
    case E::Stressful: return QT_TRANSLATE_NOOP("Labels", "Belastend");
    }
    return "";
}

const char* german(domain::RiskArea v)
{
    using E = domain::RiskArea;
    switch (v) {
    case E::Service: return QT_TRANSLATE_NOOP("Labels", "Leistungsbereich");
    case E::Grey: return QT_TRANSLATE_NOOP("Labels", "Graubereich");
    case E::Danger: return QT_TRANSLATE_NOOP("Labels", "Gefährdungsbereich");
    }
    return "";
}

const char* german(domain::MandateKind v)
{
    using E = domain::MandateKind;
    switch (v) {
    case E::Family: return QT_TRANSLATE_NOOP("Labels", "Auftrag der Familie");
    case E::Clarification: return QT_TRANSLATE_NOOP("Labels", "Klärungsauftrag");
    case E::Change: return QT_TRANSLATE_NOOP("Labels", "Veränderungsauftrag");
    }
    return "";
}

const char* german(domain::MandateStatus v)
{
    using E = domain::MandateStatus;
    switch (v) {
    case E::Open: return QT_TRANSLATE_NOOP("Labels", "Offen");
    case E::Done: return QT_TRANSLATE_NOOP("Labels", "Erledigt");
    case E::Cancelled: return QT_TRANSLATE_NOOP("Labels", "Aufgehoben");
    }
    return "";
}

const char* german(domain::FeedbackStatus v)
{
    using E = domain::FeedbackStatus;
    switch (v) {
    case E::Known: return QT_TRANSLATE_NOOP("Labels", "bekannt, nicht genutzt");
    case E::Used: return QT_TRANSLATE_NOOP("Labels", "genutzt");
    case E::UsedBefore: return QT_TRANSLATE_NOOP("Labels", "früher genutzt");
    case E::Unknown: return QT_TRANSLATE_NOOP("Labels", "unbekannt");
    case E::MissingWanted: return QT_TRANSLATE_NOOP("Labels", "fehlt, gewünscht");
    }
    return "";
}

const char* german(domain::Barrier v)
{
    using E = domain::Barrier;
    switch (v) {
    case E::Cost: return QT_TRANSLATE_NOOP("Labels", "Kosten");
    case E::Distance: return QT_TRANSLATE_NOOP("Labels", "Weg zu weit");
    case E::Times: return QT_TRANSLATE_NOOP("Labels", "Zeiten passen nicht");
    case E::Language: return QT_TRANSLATE_NOOP("Labels", "Sprache");
    case E::NoInformation: return QT_TRANSLATE_NOOP("Labels", "Nicht bekannt");
    case E::Stigma: return QT_TRANSLATE_NOOP("Labels", "Scham, Angst vor Abstempeln");
    case E::Childcare: return QT_TRANSLATE_NOOP("Labels", "Keine Kinderbetreuung");
    case E::WaitingTime: return QT_TRANSLATE_NOOP("Labels", "Wartezeit");
    case E::AgeLimit: return QT_TRANSLATE_NOOP("Labels", "Altersgrenze");
    }
    return "";
}

const char* german(domain::RequirementStatus v)
{
    using E = domain::RequirementStatus;
    switch (v) {
    case E::Open: return QT_TRANSLATE_NOOP("Labels", "Offen");
    case E::Met: return QT_TRANSLATE_NOOP("Labels", "Erfüllt");
    case E::Missed: return QT_TRANSLATE_NOOP("Labels", "Nicht erfüllt");
    case E::Lifted: return QT_TRANSLATE_NOOP("Labels", "Aufgehoben");
    }
    return "";
}

// The one category vocabulary of offers and offer feedback (offers::Category, docs/offers.md).
const char* german(offers::Category v)
{
    using E = offers::Category;
    switch (v) {
    case E::Sports: return QT_TRANSLATE_NOOP("Labels", "Sport und Bewegung");
    case E::FamilyCentre: return QT_TRANSLATE_NOOP("Labels", "Familienzentrum");
    case E::Counselling: return QT_TRANSLATE_NOOP("Labels", "Beratung");
    case E::YouthWork: return QT_TRANSLATE_NOOP("Labels", "Offene Kinder- und Jugendarbeit");
    case E::Group: return QT_TRANSLATE_NOOP("Labels", "Gruppe");
    case E::Daycare: return QT_TRANSLATE_NOOP("Labels", "Kita und Tagespflege");
    case E::School: return QT_TRANSLATE_NOOP("Labels", "Schule und Lernen");
    case E::Culture: return QT_TRANSLATE_NOOP("Labels", "Kultur und Freizeit");
    case E::Health: return QT_TRANSLATE_NOOP("Labels", "Gesundheit und Frühe Hilfen");
    }
    return "";
}

using Entries = std::vector<std::pair<QString, const char*>>;  // identifier, German source

// The offer categories in the offer map's order, then `other` (only offer feedback uses it).
Entries offerCategories()
{
    Entries out;
    for (offers::Category c : offers::all_categories()) {
        const std::string_view id = offers::to_id(c);
        out.emplace_back(QString::fromUtf8(id.data(), qsizetype(id.size())), german(c));
    }
    out.emplace_back(QString::fromLatin1(offers::kOtherCategory), QT_TRANSLATE_NOOP("Labels", "Sonstiges"));
    return out;
}

template <class E>
Entries entries()
{
    Entries out;
    for (E v : domain::all_values<E>()) {
        const std::string_view id = domain::to_string(v);
        out.emplace_back(QString::fromUtf8(id.data(), qsizetype(id.size())), german(v));
    }
    return out;
}

const std::map<QString, std::function<Entries()>>& kinds()
{
    static const std::map<QString, std::function<Entries()>> table{
        {QStringLiteral("case_status"), entries<domain::CaseStatus>},
        {QStringLiteral("member_role"), entries<domain::MemberRole>},
        {QStringLiteral("contact_kind"), entries<domain::ContactKind>},
        {QStringLiteral("contact_status"), entries<domain::ContactStatus>},
        {QStringLiteral("child_seen"), entries<domain::ChildSeen>},
        {QStringLiteral("goal_level"), entries<domain::GoalLevel>},
        {QStringLiteral("goal_status"), entries<domain::GoalStatus>},
        {QStringLiteral("step_status"), entries<domain::StepStatus>},
        {QStringLiteral("resource_area"), entries<domain::ResourceArea>},
        {QStringLiteral("network_sector"), entries<domain::NetworkSector>},
        {QStringLiteral("contact_quality"), entries<domain::ContactQuality>},
        {QStringLiteral("risk_area"), entries<domain::RiskArea>},
        {QStringLiteral("mandate_kind"), entries<domain::MandateKind>},
        {QStringLiteral("mandate_status"), entries<domain::MandateStatus>},
        {QStringLiteral("requirement_status"), entries<domain::RequirementStatus>},
        {QStringLiteral("offer_category"), offerCategories},
        {QStringLiteral("feedback_status"), entries<domain::FeedbackStatus>},
        {QStringLiteral("barrier"), entries<domain::Barrier>},
    };
    return table;
}

struct FieldName {
    const char* field;
    const char* german;
};

constexpr FieldName kFields[] = {
    {"name", QT_TRANSLATE_NOOP("Labels", "Name")},
    {"social_space", QT_TRANSLATE_NOOP("Labels", "Sozialraum")},
    {"status", QT_TRANSLATE_NOOP("Labels", "Status")},
    {"lead_worker", QT_TRANSLATE_NOOP("Labels", "Fallführende Fachkraft")},
    {"provider_organization", QT_TRANSLATE_NOOP("Labels", "Träger")},
    {"opened_on", QT_TRANSLATE_NOOP("Labels", "Eröffnet am")},
    {"closed_on", QT_TRANSLATE_NOOP("Labels", "Beendet am")},
    {"transferred_to", QT_TRANSLATE_NOOP("Labels", "Abgegeben an")},
    {"given_name", QT_TRANSLATE_NOOP("Labels", "Vorname")},
    {"family_name", QT_TRANSLATE_NOOP("Labels", "Nachname")},
    {"birth_date", QT_TRANSLATE_NOOP("Labels", "Geburtsdatum")},
    {"languages", QT_TRANSLATE_NOOP("Labels", "Sprachen")},
    {"person_id", QT_TRANSLATE_NOOP("Labels", "Person")},
    {"role", QT_TRANSLATE_NOOP("Labels", "Rolle")},
    {"text", QT_TRANSLATE_NOOP("Labels", "Text")},
    {"own_contribution", QT_TRANSLATE_NOOP("Labels", "Eigener Beitrag")},
    {"recorded_on", QT_TRANSLATE_NOOP("Labels", "Festgehalten am")},
    {"level", QT_TRANSLATE_NOOP("Labels", "Ebene")},
    {"parent_goal_id", QT_TRANSLATE_NOOP("Labels", "Richtungsziel")},
    {"will_statement_id", QT_TRANSLATE_NOOP("Labels", "Wille")},
    {"scale_now", QT_TRANSLATE_NOOP("Labels", "Skala jetzt")},
    {"scale_target", QT_TRANSLATE_NOOP("Labels", "Skala Ziel")},
    {"set_on", QT_TRANSLATE_NOOP("Labels", "Vereinbart am")},
    {"review_on", QT_TRANSLATE_NOOP("Labels", "Überprüfen am")},
    {"goal_id", QT_TRANSLATE_NOOP("Labels", "Ziel")},
    {"who", QT_TRANSLATE_NOOP("Labels", "Wer")},
    {"what", QT_TRANSLATE_NOOP("Labels", "Was")},
    {"by_when", QT_TRANSLATE_NOOP("Labels", "Bis wann")},
    {"done_on", QT_TRANSLATE_NOOP("Labels", "Erledigt am")},
    {"area", QT_TRANSLATE_NOOP("Labels", "Bereich")},
    {"drawn_on", QT_TRANSLATE_NOOP("Labels", "Gezeichnet am")},
    {"contacts", QT_TRANSLATE_NOOP("Labels", "Kontakte")},
    {"sector", QT_TRANSLATE_NOOP("Labels", "Sektor")},
    {"distance", QT_TRANSLATE_NOOP("Labels", "Ring")},
    {"quality", QT_TRANSLATE_NOOP("Labels", "Beziehung")},
    {"note", QT_TRANSLATE_NOOP("Labels", "Notiz")},
    {"author", QT_TRANSLATE_NOOP("Labels", "Verfasst von")},
    {"written_at", QT_TRANSLATE_NOOP("Labels", "Geschrieben am")},
    {"contact_event_id", QT_TRANSLATE_NOOP("Labels", "Kontakt")},
    {"assessed_on", QT_TRANSLATE_NOOP("Labels", "Eingeordnet am")},
    {"assessed_by", QT_TRANSLATE_NOOP("Labels", "Eingeordnet von")},
    {"reasons", QT_TRANSLATE_NOOP("Labels", "Gründe")},
    {"kind", QT_TRANSLATE_NOOP("Labels", "Art")},
    {"given_by", QT_TRANSLATE_NOOP("Labels", "Erteilt von")},
    {"given_to", QT_TRANSLATE_NOOP("Labels", "Erteilt an")},
    {"due_on", QT_TRANSLATE_NOOP("Labels", "Fällig am")},
    {"reason", QT_TRANSLATE_NOOP("Labels", "Anlass")},
    {"minimum_standard", QT_TRANSLATE_NOOP("Labels", "Nicht verhandelbares Minimum")},
    {"negotiable_way", QT_TRANSLATE_NOOP("Labels", "Verhandelbarer Weg")},
    {"deadline", QT_TRANSLATE_NOOP("Labels", "Frist")},
    {"checked_by", QT_TRANSLATE_NOOP("Labels", "Überprüft von")},
    {"check_method", QT_TRANSLATE_NOOP("Labels", "Art der Überprüfung")},
    {"consequence", QT_TRANSLATE_NOOP("Labels", "Angekündigte Konsequenz")},
    {"paragraph", QT_TRANSLATE_NOOP("Labels", "Paragraf (SGB VIII)")},
    {"title", QT_TRANSLATE_NOOP("Labels", "Bezeichnung")},
    {"start", QT_TRANSLATE_NOOP("Labels", "Beginn")},
    {"end", QT_TRANSLATE_NOOP("Labels", "Ende")},
    {"case_id", QT_TRANSLATE_NOOP("Labels", "Fall")},
    {"risk_assessment", QT_TRANSLATE_NOOP("Labels", "Falleinordnung")},
    {"lifted_on", QT_TRANSLATE_NOOP("Labels", "Aufgehoben am")},
    {"household", QT_TRANSLATE_NOOP("Labels", "Haushalt")},
    {"entrusted", QT_TRANSLATE_NOOP("Labels", "Anvertraut")},
    {"participants", QT_TRANSLATE_NOOP("Labels", "Beteiligte")},
    {"started_at", QT_TRANSLATE_NOOP("Labels", "Beginn")},
    {"ended_at", QT_TRANSLATE_NOOP("Labels", "Ende")},
    {"child_seen", QT_TRANSLATE_NOOP("Labels", "Kind gesehen")},
    {"place", QT_TRANSLATE_NOOP("Labels", "Ort")},
    {"retention_class", QT_TRANSLATE_NOOP("Labels", "Aufbewahrungsklasse")},
    {"retention_end", QT_TRANSLATE_NOOP("Labels", "Aufbewahrung bis")},
};

bool isDateField(const QString& field)
{
    static const QStringList dates{"opened_on", "closed_on", "birth_date", "recorded_on", "set_on", "review_on",
                                   "by_when", "done_on", "drawn_on", "assessed_on", "due_on", "deadline",
                                   "start", "end", "lifted_on", "retention_end"};
    return dates.contains(field);
}

}  // namespace

QString choiceLabel(const QString& kind, const QString& id)
{
    if (kind == QLatin1String("paragraph"))
        return id.isEmpty() ? id : QCoreApplication::translate("Labels", "§ %1 SGB VIII").arg(id);
    const auto it = kinds().find(kind);
    if (it == kinds().end())
        return id;
    QString current = id;
    if (kind == QLatin1String("offer_category"))  // an older id is shown as its successor
        current = QString::fromStdString(offers::feedback_category(id.toStdString()).value_or(id.toStdString()));
    for (const auto& [value, source] : it->second()) {
        if (value == current)
            return labelText(source);
    }
    return id;
}

QVariantList choiceList(const QString& kind)
{
    QVariantList out;
    if (kind == QLatin1String("paragraph")) {
        for (const std::string& p : domain::sgb8_paragraphs()) {
            const QString id = QString::fromStdString(p);
            out.push_back(QVariantMap{{QStringLiteral("value"), id}, {QStringLiteral("label"), choiceLabel(kind, id)}});
        }
        return out;
    }
    const auto it = kinds().find(kind);
    if (it == kinds().end())
        return out;
    for (const auto& [value, source] : it->second())
        out.push_back(QVariantMap{{QStringLiteral("value"), value}, {QStringLiteral("label"), labelText(source)}});
    return out;
}

QString fieldLabel(const QString& field)
{
    // "contacts[2].distance": the item's field, named with the item (1-based for people).
    static const QRegularExpression item(QStringLiteral("^(\\w+)\\[(\\d+)\\]\\.?(\\w*)$"));
    const QRegularExpressionMatch m = item.match(field);
    if (m.hasMatch()) {
        const QString inner = m.captured(3).isEmpty() ? m.captured(1) : m.captured(3);
        return QCoreApplication::translate("Labels", "Eintrag %1: %2").arg(m.captured(2).toInt() + 1).arg(fieldLabel(inner));
    }
    for (const FieldName& f : kFields) {
        if (field == QLatin1String(f.field))
            return labelText(f.german);
    }
    return field;
}

QString issueMessage(const domain::Issue& issue)
{
    const QString field = QString::fromStdString(issue.field);
    const QString bare = field.section(QLatin1Char('.'), -1);
    QString why;
    switch (issue.reason) {
    case domain::Reason::Required:
        why = QCoreApplication::translate("Labels", "Bitte ausfüllen.");
        break;
    case domain::Reason::Malformed:
        why = isDateField(bare) ? QCoreApplication::translate("Labels", "Bitte ein gültiges Datum als TT.MM.JJJJ angeben (z. B. 01.03.2026).")
                                : QCoreApplication::translate("Labels", "Die Eingabe hat nicht die erwartete Form.");
        break;
    case domain::Reason::UnknownValue:
        why = QCoreApplication::translate("Labels", "Dieser Wert ist hier nicht vorgesehen. Bitte einen Wert aus der Liste wählen.");
        break;
    case domain::Reason::OutOfRange:
        why = bare == QLatin1String("distance") ? QCoreApplication::translate("Labels", "Bitte einen Ring von 1 (nah) bis 3 (fern) wählen.")
                                                : QCoreApplication::translate("Labels", "Bitte einen Wert von 0 bis 10 wählen.");
        break;
    case domain::Reason::BeforeStart:
        why = QCoreApplication::translate("Labels", "Das Datum liegt vor dem Beginn.");
        break;
    case domain::Reason::UnknownReference:
        why = QCoreApplication::translate("Labels", "Der verknüpfte Eintrag ist nicht (mehr) vorhanden.");
        break;
    case domain::Reason::OtherCase:
        why = QCoreApplication::translate("Labels", "Der verknüpfte Eintrag gehört zu einem anderen Fall.");
        break;
    case domain::Reason::Duplicate:
        why = QCoreApplication::translate("Labels", "Dieser Wert steht doppelt in der Liste.");
        break;
    case domain::Reason::NotInDangerArea:
        why = QCoreApplication::translate("Labels", "Auflagen gibt es nur, solange der Fall im Gefährdungsbereich eingeordnet ist.");
        break;
    case domain::Reason::NeedsConcern:
        why = QCoreApplication::translate("Labels", "Ein Veränderungsauftrag des Amtes setzt eine benannte Sorge voraus: "
                 "der Fall ist im Leistungsbereich eingeordnet.");
        break;
    case domain::Reason::IsWish:
        why = QCoreApplication::translate("Labels", "Dieser Wille nennt noch keinen eigenen Beitrag – er ist ein Wunsch. "
                 "Ein Ziel baut auf einem Willen mit eigenem Beitrag auf.");
        break;
    case domain::Reason::NotAllowed:
        why = QCoreApplication::translate("Labels", "Dieser Wert passt nicht zu den übrigen Angaben.");
        break;
    case domain::Reason::Immutable:
        why = QCoreApplication::translate("Labels", "Dieses Feld lässt sich nach dem ersten Speichern nicht mehr ändern.");
        break;
    }
    return field.isEmpty() ? why : QCoreApplication::translate("Labels", "%1: %2").arg(fieldLabel(field), why);
}

QString germanDate(const QString& iso)
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return date.isValid() && iso.size() == 10 ? date.toString(QStringLiteral("dd.MM.yyyy")) : iso;
}

std::optional<QString> parseDateInput(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QString();
    static const QRegularExpression dotted(QStringLiteral("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$"));
    static const QRegularExpression isoForm(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    QDate date;
    if (const QRegularExpressionMatch m = dotted.match(t); m.hasMatch())
        date = QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    else if (const QRegularExpressionMatch m = isoForm.match(t); m.hasMatch())
        date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    return date.toString(Qt::ISODate);
}

}  // namespace quartier::app
