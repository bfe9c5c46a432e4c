#include "adapters/domainlabels.h"

#include "domain/types.h"
#include "offers/offers.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QVariantMap>

#include <map>
#include <string_view>
#include <utility>
#include <vector>

namespace quartier::app {

namespace {

// A German source string of the "Labels" context (marked with QT_TRANSLATE_NOOP) in the UI's language.
QString labelText(const char* text) { return QCoreApplication::translate("Labels", text); }

// The German source string of every value of every choice list, by kind and identifier: the
// domain's to_string() ids (types.cpp) and the offer map's to_id() ids (offers.cpp, "offer_category":
// the one category vocabulary of offers and offer feedback, docs/offers.md, then `other`, which
// only offer feedback uses). The lists keep the domain's order, not this table's; every value
// has a label of its own (tests/app/test_domainlabels.cpp).
struct ChoiceName {
    const char* kind;
    const char* id;
    const char* german;
};

constexpr ChoiceName kChoices[] = {
    {"case_status", "new", QT_TRANSLATE_NOOP("Labels", "Neu")},
    {"case_status", "active", QT_TRANSLATE_NOOP("Labels", "Aktiv")},
    {"case_status", "clarification", QT_TRANSLATE_NOOP("Labels", "In Klärung")},
    {"case_status", "closed", QT_TRANSLATE_NOOP("Labels", "Abgeschlossen")},
    {"case_status", "transferred", QT_TRANSLATE_NOOP("Labels", "Abgegeben")},
    {"member_role", "mother", QT_TRANSLATE_NOOP("Labels", "Mutter")},
    {"member_role", "father", QT_TRANSLATE_NOOP("Labels", "Vater")},
    {"member_role", "parent", QT_TRANSLATE_NOOP("Labels", "Elternteil")},
    {"member_role", "step_parent", QT_TRANSLATE_NOOP("Labels", "Stiefelternteil")},
    {"member_role", "foster_parent", QT_TRANSLATE_NOOP("Labels", "Pflegeelternteil")},
    {"member_role", "guardian", QT_TRANSLATE_NOOP("Labels", "Vormund")},
    {"member_role", "child", QT_TRANSLATE_NOOP("Labels", "Kind")},
    {"member_role", "sibling", QT_TRANSLATE_NOOP("Labels", "Geschwister")},
    {"member_role", "grandparent", QT_TRANSLATE_NOOP("Labels", "Großelternteil")},
    {"member_role", "partner", QT_TRANSLATE_NOOP("Labels", "Partner:in")},
    {"member_role", "relative", QT_TRANSLATE_NOOP("Labels", "Verwandte:r")},
    {"member_role", "other", QT_TRANSLATE_NOOP("Labels", "Andere Person")},
    {"contact_kind", "home_visit", QT_TRANSLATE_NOOP("Labels", "Hausbesuch")},
    {"contact_kind", "office_visit", QT_TRANSLATE_NOOP("Labels", "Termin im Büro")},
    {"contact_kind", "phone", QT_TRANSLATE_NOOP("Labels", "Telefonat")},
    {"contact_kind", "video", QT_TRANSLATE_NOOP("Labels", "Videogespräch")},
    {"contact_kind", "outreach", QT_TRANSLATE_NOOP("Labels", "Aufsuchender Kontakt")},
    {"contact_kind", "other", QT_TRANSLATE_NOOP("Labels", "Sonstiger Kontakt")},
    {"contact_status", "draft", QT_TRANSLATE_NOOP("Labels", "Entwurf")},
    {"contact_status", "final", QT_TRANSLATE_NOOP("Labels", "Abgeschlossen")},
    {"child_seen", "unknown", QT_TRANSLATE_NOOP("Labels", "Kind gesehen: offen")},
    {"child_seen", "yes", QT_TRANSLATE_NOOP("Labels", "Kind gesehen")},
    {"child_seen", "no", QT_TRANSLATE_NOOP("Labels", "Kind nicht gesehen")},
    {"child_seen", "not_applicable", QT_TRANSLATE_NOOP("Labels", "Kind gesehen: entfällt")},
    {"goal_level", "direction", QT_TRANSLATE_NOOP("Labels", "Richtungsziel")},
    {"goal_level", "action", QT_TRANSLATE_NOOP("Labels", "Handlungsziel")},
    {"goal_status", "open", QT_TRANSLATE_NOOP("Labels", "Offen")},
    {"goal_status", "reached", QT_TRANSLATE_NOOP("Labels", "Erreicht")},
    {"goal_status", "dropped", QT_TRANSLATE_NOOP("Labels", "Verworfen")},
    {"step_status", "open", QT_TRANSLATE_NOOP("Labels", "Offen")},
    {"step_status", "done", QT_TRANSLATE_NOOP("Labels", "Erledigt")},
    {"step_status", "dropped", QT_TRANSLATE_NOOP("Labels", "Verworfen")},
    {"resource_area", "personal", QT_TRANSLATE_NOOP("Labels", "Persönlich")},
    {"resource_area", "social", QT_TRANSLATE_NOOP("Labels", "Sozial")},
    {"resource_area", "material", QT_TRANSLATE_NOOP("Labels", "Materiell")},
    {"resource_area", "infrastructure", QT_TRANSLATE_NOOP("Labels", "Sozialraum")},
    {"network_sector", "family", QT_TRANSLATE_NOOP("Labels", "Familie")},
    {"network_sector", "friends_neighbours", QT_TRANSLATE_NOOP("Labels", "Freunde & Nachbarn")},
    {"network_sector", "school_work_clubs", QT_TRANSLATE_NOOP("Labels", "Schule, Arbeit & Vereine")},
    {"network_sector", "professionals", QT_TRANSLATE_NOOP("Labels", "Fachkräfte")},
    {"contact_quality", "supportive", QT_TRANSLATE_NOOP("Labels", "Unterstützend")},
    {"contact_quality", "ambivalent", QT_TRANSLATE_NOOP("Labels", "Ambivalent")},
    {"contact_quality", "stressful", QT_TRANSLATE_NOOP("Labels", "Belastend")},
    {"risk_area", "service", QT_TRANSLATE_NOOP("Labels", "Leistungsbereich")},
    {"risk_area", "grey", QT_TRANSLATE_NOOP("Labels", "Graubereich")},
    {"risk_area", "danger", QT_TRANSLATE_NOOP("Labels", "Gefährdungsbereich")},
    {"mandate_kind", "family", QT_TRANSLATE_NOOP("Labels", "Auftrag der Familie")},
    {"mandate_kind", "clarification", QT_TRANSLATE_NOOP("Labels", "Klärungsauftrag")},
    {"mandate_kind", "change", QT_TRANSLATE_NOOP("Labels", "Veränderungsauftrag")},
    {"mandate_status", "open", QT_TRANSLATE_NOOP("Labels", "Offen")},
    {"mandate_status", "done", QT_TRANSLATE_NOOP("Labels", "Erledigt")},
    {"mandate_status", "cancelled", QT_TRANSLATE_NOOP("Labels", "Aufgehoben")},
    {"feedback_status", "known", QT_TRANSLATE_NOOP("Labels", "bekannt, nicht genutzt")},
    {"feedback_status", "used", QT_TRANSLATE_NOOP("Labels", "genutzt")},
    {"feedback_status", "used_before", QT_TRANSLATE_NOOP("Labels", "früher genutzt")},
    {"feedback_status", "unknown", QT_TRANSLATE_NOOP("Labels", "unbekannt")},
    {"feedback_status", "missing_wanted", QT_TRANSLATE_NOOP("Labels", "fehlt, gewünscht")},
    {"barrier", "cost", QT_TRANSLATE_NOOP("Labels", "Kosten")},
    {"barrier", "distance", QT_TRANSLATE_NOOP("Labels", "Weg zu weit")},
    {"barrier", "times", QT_TRANSLATE_NOOP("Labels", "Zeiten passen nicht")},
    {"barrier", "language", QT_TRANSLATE_NOOP("Labels", "Sprache")},
    {"barrier", "no_information", QT_TRANSLATE_NOOP("Labels", "Fehlende Information")},
    {"barrier", "stigma", QT_TRANSLATE_NOOP("Labels", "Scham, Angst vor Abstempeln")},
    {"barrier", "childcare", QT_TRANSLATE_NOOP("Labels", "Keine Kinderbetreuung")},
    {"barrier", "waiting_time", QT_TRANSLATE_NOOP("Labels", "Wartezeit")},
    {"barrier", "age_limit", QT_TRANSLATE_NOOP("Labels", "Altersgrenze")},
    // The worker's summary of a "how it would have to be" answer (docs/reports.md); "" is unassigned.
    {"how_category", "closer", QT_TRANSLATE_NOOP("Labels", "Näher am Wohnort")},
    {"how_category", "other_times", QT_TRANSLATE_NOOP("Labels", "Andere Zeiten")},
    {"how_category", "cheaper", QT_TRANSLATE_NOOP("Labels", "Günstiger oder kostenlos")},
    {"how_category", "own_language", QT_TRANSLATE_NOOP("Labels", "In der eigenen Sprache")},
    {"how_category", "more_information", QT_TRANSLATE_NOOP("Labels", "Mehr Information")},
    {"how_category", "childcare", QT_TRANSLATE_NOOP("Labels", "Mit Kinderbetreuung")},
    {"how_category", "shorter_wait", QT_TRANSLATE_NOOP("Labels", "Kürzere Wartezeit")},
    {"how_category", "other_age_group", QT_TRANSLATE_NOOP("Labels", "Für eine andere Altersgruppe")},
    {"how_category", "trusted_person", QT_TRANSLATE_NOOP("Labels", "Mit vertrauter Person")},
    {"how_category", "other", QT_TRANSLATE_NOOP("Labels", "Sonstiges")},
    {"requirement_status", "open", QT_TRANSLATE_NOOP("Labels", "Offen")},
    {"requirement_status", "met", QT_TRANSLATE_NOOP("Labels", "Erfüllt")},
    {"requirement_status", "missed", QT_TRANSLATE_NOOP("Labels", "Nicht erfüllt")},
    {"requirement_status", "lifted", QT_TRANSLATE_NOOP("Labels", "Aufgehoben")},
    {"offer_category", "sports", QT_TRANSLATE_NOOP("Labels", "Sport und Bewegung")},
    {"offer_category", "family_centre", QT_TRANSLATE_NOOP("Labels", "Familienzentrum")},
    {"offer_category", "counselling", QT_TRANSLATE_NOOP("Labels", "Beratung")},
    {"offer_category", "youth_work", QT_TRANSLATE_NOOP("Labels", "Offene Kinder- und Jugendarbeit")},
    {"offer_category", "group", QT_TRANSLATE_NOOP("Labels", "Gruppe")},
    {"offer_category", "daycare", QT_TRANSLATE_NOOP("Labels", "Kita und Tagespflege")},
    {"offer_category", "school", QT_TRANSLATE_NOOP("Labels", "Schule und Lernen")},
    {"offer_category", "culture", QT_TRANSLATE_NOOP("Labels", "Kultur und Freizeit")},
    {"offer_category", "health", QT_TRANSLATE_NOOP("Labels", "Gesundheit und Frühe Hilfen")},
    {"offer_category", "other", QT_TRANSLATE_NOOP("Labels", "Sonstiges")},
};

using Ids = std::vector<std::string_view>;

template <class E>
Ids domainIds()
{
    Ids out;
    for (E v : domain::all_values<E>())
        out.push_back(domain::to_string(v));
    return out;
}

// The how categories a worker can choose: every one but the unassigned "".
Ids assignableHowCategoryIds()
{
    Ids out = domainIds<domain::HowCategory>();
    std::erase(out, std::string_view());
    return out;
}

// The offer categories in the offer map's order, then `other`.
Ids offerCategoryIds()
{
    Ids out;
    for (offers::Category c : offers::all_categories())
        out.push_back(offers::to_id(c));
    out.push_back(offers::kOtherCategory);
    return out;
}

using Entries = std::vector<std::pair<QString, const char*>>;  // identifier, German source

// One kind's values in the domain's order, each with its German source from kChoices.
Entries entries(const char* kind, const Ids& ids)
{
    Entries out;
    for (std::string_view id : ids) {
        const char* german = "";
        for (const ChoiceName& c : kChoices) {
            if (c.kind == std::string_view(kind) && c.id == id)
                german = c.german;
        }
        out.emplace_back(QString::fromUtf8(id.data(), qsizetype(id.size())), german);
    }
    return out;
}

// Every kind's entries, built once (the labels are translated when read).
const std::map<QString, Entries>& kinds()
{
    static const std::map<QString, Entries> table = [] {
        const std::pair<const char*, Ids> lists[] = {
            {"case_status", domainIds<domain::CaseStatus>()},
            {"member_role", domainIds<domain::MemberRole>()},
            {"contact_kind", domainIds<domain::ContactKind>()},
            {"contact_status", domainIds<domain::ContactStatus>()},
            {"child_seen", domainIds<domain::ChildSeen>()},
            {"goal_level", domainIds<domain::GoalLevel>()},
            {"goal_status", domainIds<domain::GoalStatus>()},
            {"step_status", domainIds<domain::StepStatus>()},
            {"resource_area", domainIds<domain::ResourceArea>()},
            {"network_sector", domainIds<domain::NetworkSector>()},
            {"contact_quality", domainIds<domain::ContactQuality>()},
            {"risk_area", domainIds<domain::RiskArea>()},
            {"mandate_kind", domainIds<domain::MandateKind>()},
            {"mandate_status", domainIds<domain::MandateStatus>()},
            {"requirement_status", domainIds<domain::RequirementStatus>()},
            {"offer_category", offerCategoryIds()},
            {"feedback_status", domainIds<domain::FeedbackStatus>()},
            {"barrier", domainIds<domain::Barrier>()},
            {"how_category", assignableHowCategoryIds()},
        };
        std::map<QString, Entries> out;
        for (const auto& [kind, ids] : lists)
            out.emplace(QString::fromLatin1(kind), entries(kind, ids));
        return out;
    }();
    return table;
}

constexpr IdLabel kFields[] = {
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
    {"note", QT_TRANSLATE_NOOP("Labels", "Anmerkung")},
    {"author", QT_TRANSLATE_NOOP("Labels", "Verfasst von")},
    {"written_at", QT_TRANSLATE_NOOP("Labels", "Verfasst am")},
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
    {"written_on", QT_TRANSLATE_NOOP("Labels", "Geschrieben am")},
    {"provider", QT_TRANSLATE_NOOP("Labels", "Träger")},
    {"period_from", QT_TRANSLATE_NOOP("Labels", "Zeitraum von")},
    {"period_to", QT_TRANSLATE_NOOP("Labels", "Zeitraum bis")},
    {"entries", QT_TRANSLATE_NOOP("Labels", "Ziele und Aufträge")},
    {"mandate_id", QT_TRANSLATE_NOOP("Labels", "Auftrag")},
    {"happened", QT_TRANSLATE_NOOP("Labels", "Was geschah")},
    {"family_did", QT_TRANSLATE_NOOP("Labels", "Was die Familie selbst getan hat")},
    {"summary", QT_TRANSLATE_NOOP("Labels", "Zusammenfassung")},
};

bool isDateField(const QString& field)
{
    static const QStringList dates{"opened_on", "closed_on", "birth_date", "recorded_on", "set_on", "review_on",
                                   "by_when", "done_on", "drawn_on", "assessed_on", "due_on", "deadline",
                                   "start", "end", "lifted_on", "retention_end", "written_on", "period_from", "period_to"};
    return dates.contains(field);
}

}  // namespace

QString labelFor(std::span<const IdLabel> labels, const QString& id, const char* context)
{
    for (const IdLabel& label : labels) {
        if (id == QLatin1String(label.id))
            return QCoreApplication::translate(context, label.source);
    }
    return id;
}

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
    for (const auto& [value, source] : it->second) {
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
    for (const auto& [value, source] : it->second)
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
    return labelFor(kFields, field, "Labels");
}

QString issueMessage(const domain::Issue& issue)
{
    const QString field = QString::fromStdString(issue.field);
    const QString why = issueReason(issue);
    return field.isEmpty() ? why : QCoreApplication::translate("Labels", "%1: %2").arg(fieldLabel(field), why);
}

QString issueReason(const domain::Issue& issue)
{
    const QString bare = QString::fromStdString(issue.field).section(QLatin1Char('.'), -1);
    QString why;
    switch (issue.reason) {
    case domain::Reason::Required:
        why = QCoreApplication::translate("Labels", "Bitte ausfüllen.");
        break;
    case domain::Reason::Malformed:
        why = isDateField(bare) ? QCoreApplication::translate("Labels", "Bitte ein gültiges Datum als TT.MM.JJJJ angeben (z. B. 01.03.2026).")
                                : QCoreApplication::translate("Labels", "Diese Eingabe kann Quartier nicht lesen. "
                                                                        "Bitte prüfen Sie die Schreibweise.");
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
        why = QCoreApplication::translate("Labels", "Ein Veränderungsauftrag des Amtes setzt eine benannte Sorge "
                                                    "voraus. Dieser Fall ist aber im Leistungsbereich eingeordnet – "
                                                    "ordnen Sie ihn zuerst neu ein oder wählen Sie eine andere Art "
                                                    "des Auftrags.");
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
    return why;
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
