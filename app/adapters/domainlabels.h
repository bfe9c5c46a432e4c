// German labels for the domain's identifiers (enum values, SGB VIII paragraphs, record fields) and
// the German message for each validation Issue. The domain layer speaks codes; this is the one
// place that turns them into the UI's words (translated through the "Labels" context).
#pragma once

#include "domain/validation.h"

#include <QString>
#include <QVariantList>

#include <optional>
#include <span>

namespace quartier::app {

// An identifier and the German source string that labels it, marked for translation
// (QT_TRANSLATE_NOOP, or QT_TR_NOOP in a class) in the context the lookup names.
struct IdLabel {
    const char* id;
    const char* source;
};
// The label of `id` in `labels`, translated in `context`; an id the table lacks comes back as it is.
QString labelFor(std::span<const IdLabel> labels, const QString& id, const char* context);

// Kinds of choice lists: "case_status", "member_role", "contact_kind", "contact_status",
// "child_seen", "goal_level", "goal_status", "step_status", "resource_area", "network_sector",
// "contact_quality", "risk_area", "mandate_kind", "mandate_status", "requirement_status",
// "feedback_status", "barrier", "how_category" (the worker's summary of a "how it would have to be"
// answer; its unassigned "" is no choice), "paragraph" (SGB VIII), "offer_category" (the one vocabulary of
// offers and offer feedback, offers::Category, then "other"; an older id is labelled as its successor).

// The label of identifier `id` of `kind`; an unknown id comes back as it is.
QString choiceLabel(const QString& kind, const QString& id);
// Every value of `kind` in the domain's order, as [{value, label}]; empty for an unknown kind.
QVariantList choiceList(const QString& kind);

// The German name of a record field ("deadline" → "Frist"); a list item's field
// ("contacts[2].distance") is named with its item ("Kontakt 3: Ring").
QString fieldLabel(const QString& field);
// "Frist: Das Datum liegt vor dem Beginn." — what the user reads for one Issue in a list.
QString issueMessage(const domain::Issue& issue);
// "Das Datum liegt vor dem Beginn." — the same under its own field, which already names it.
QString issueReason(const domain::Issue& issue);

// Dates are stored as ISO YYYY-MM-DD and shown and typed the German way, TT.MM.JJJJ.
// "2026-04-03" → "03.04.2026"; what is not an ISO date comes back as it is.
QString germanDate(const QString& iso);
// Typed input → ISO: "3.4.2026", "03.04.2026" and "2026-04-03" → "2026-04-03"; blank → "";
// nullopt for anything that is not a real calendar date (31.02., 2026-13-01, "morgen").
std::optional<QString> parseDateInput(const QString& text);

}  // namespace quartier::app
