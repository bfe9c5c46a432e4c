// German labels for the domain's identifiers (enum values, SGB VIII paragraphs, record fields) and
// the German message for each validation Issue. The domain layer speaks codes; this is the one
// place that turns them into the UI's words (translated through the "Labels" context).
#pragma once

#include "domain/validation.h"

#include <QString>
#include <QVariantList>

namespace quartier::app {

// Kinds of choice lists: "case_status", "member_role", "contact_kind", "contact_status",
// "child_seen", "goal_level", "goal_status", "step_status", "resource_area", "network_sector",
// "contact_quality", "risk_area", "mandate_kind", "mandate_status", "requirement_status",
// "paragraph" (SGB VIII), "offer_category" (the one vocabulary of offers and offer feedback,
// offers::Category, then "other"; an older id is labelled as its successor).

// The label of identifier `id` of `kind`; an unknown id comes back as it is.
QString choiceLabel(const QString& kind, const QString& id);
// Every value of `kind` in the domain's order, as [{value, label}]; empty for an unknown kind.
QVariantList choiceList(const QString& kind);

// The German name of a record field ("deadline" → "Frist"); a list item's field
// ("contacts[2].distance") is named with its item ("Kontakt 3: Ring").
QString fieldLabel(const QString& field);
// "Frist: Das Datum liegt vor dem Beginn." — what the user reads for one Issue.
QString issueMessage(const domain::Issue& issue);

}  // namespace quartier::app
