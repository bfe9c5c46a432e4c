// Structured validation results: which field is wrong and why, as codes the UI turns into German
// messages. A record is valid when its check yields no Issue (docs/domain.md lists every rule).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quartier::domain {

enum class Reason {
    Required,          // the field must not be empty
    Malformed,         // not a date / time / token / valid list
    UnknownValue,      // not one of the field's identifiers (enum, paragraph)
    OutOfRange,        // a number outside its range (scales 0..10, distance 1..3)
    BeforeStart,       // an end, deadline or review date before its start
    UnknownReference,  // the id names no live record of the expected type
    OtherCase,         // the referenced record belongs to another case
    Duplicate,         // the same value twice in a list
    NotInDangerArea,   // a requirement while the case is not in the Gefährdungsbereich
    NeedsConcern,      // an office change mandate while the case is in the Leistungsbereich
    IsWish,            // a goal built on a will statement without own contribution
    NotAllowed,        // a value that contradicts another field (see the detail)
    Immutable,         // case_id (or another identity field) changed after the first save
};

std::string_view to_string(Reason r);

struct Issue {
    std::string field;   // the record field ("deadline"); for list items "contacts[2].distance"
    Reason reason = Reason::Required;
    std::string detail;  // English context for logs and developers, never shown as the message
    bool operator==(const Issue&) const = default;
};

using Issues = std::vector<Issue>;

// "field: reason (detail); ..." for a Result's detail and for logs.
std::string describe(const Issues& issues);

// Value-format checks shared by every type.
bool valid_date(std::string_view s);      // YYYY-MM-DD, a real calendar day
bool valid_time(std::string_view s);      // YYYY-MM-DDTHH:MM
bool valid_token(std::string_view s);     // [a-z0-9_]+, at most 64
bool blank(std::string_view s);           // empty or only whitespace

}  // namespace quartier::domain
