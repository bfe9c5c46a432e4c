// German (translated) messages for the domain layer's validation issues (app/domain/validation.h):
// the UI shows these, never the issues' English detail.
#pragma once

#include "domain/validation.h"

#include <QString>
#include <QStringList>

namespace quartier::app {

// One sentence for one issue of a record of `type` ("contact_event", "note", ...).
QString issueText(const std::string& type, const domain::Issue& issue);
QStringList issueTexts(const std::string& type, const domain::Issues& issues);

}  // namespace quartier::app
