// Internal to the home visit's two source files (homevisitcontroller.cpp: the visit, its lists and
// answers; homevisittexts.cpp: typed text, the held add forms and the step, the lock): the small
// conversions both use. Not stateful.
#pragma once

#include "domain/repository.h"

#include <QString>

#include <string>

namespace quartier::app::homevisit_detail {

inline QString q(const std::string& s) { return QString::fromStdString(s); }
inline std::string s(const QString& q) { return q.toStdString(); }

// Save options that report a refusal's issues (and, for a new record, name its scope).
inline domain::SaveOptions reporting(domain::Issues& issues, const sync::ScopeId* scope = nullptr)
{
    domain::SaveOptions options;
    options.scope = scope;
    options.issues = &issues;
    return options;
}

}  // namespace quartier::app::homevisit_detail
