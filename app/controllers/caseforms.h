// The case page's forms, saved on whichever thread holds the store (casecontroller.h: saveForm,
// the form drafts of a lock): the domain calls behind CaseDetail's createCase / saveCase /
// saveRecord and network contacts, and what a lock does with an open form. The values of a form
// come onto a record through the schema's Qt adapter (recordvalues.h).
// Not stateful: functions of a repository and a store; the drafts they keep are store settings.
#pragma once

#include "controllers/casecontroller.h"

#include <QVariantMap>

#include <memory>
#include <optional>
#include <string>

namespace quartier::app {

class HeldSettings;

// A Reason from its to_string() text (a kept draft's issues).
std::optional<domain::Reason> reasonFrom(const std::string& text);

// What a lock does with one open form, on whichever thread holds the store: saves it; keeps a
// form that could not be saved as its place's draft, replacing an older one (refused by the
// domain, or its record gone meanwhile: the text is kept either way); a saved form that was
// restored from its place's draft deletes that draft.
struct LockedForm {
    FormContext ctx;
    std::string place;
    QVariantMap form;
    QString target;
    QString type;
    QString recordId;
    QVariantMap values;      // as saved: with "id" for an existing record
    QVariantMap formValues;  // as typed: what the restored form starts from
    QString restoredFrom;
    QString savedAt;
    std::shared_ptr<HeldSettings> held;  // the session's, for a draft the store has no room for
};
enum class AtLock { Saved, Kept, Held, Failed };
AtLock keepAtLock(domain::Repository& repo, sync::Store& store, const LockedForm& f);

}  // namespace quartier::app
