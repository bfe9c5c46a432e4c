// The name the Sozialraumteam knows a case by (docs/team.md): a pseudonym derived from the case's
// random id, so that every device holding the case gives it the same one without asking anyone,
// and nobody who holds only the team scope learns the family's name, nor the case id itself.
//
// Not stateful: pure functions.
#pragma once

#include <string>

namespace quartier::team {

// "Fall K7Q-3MX": six letters of Crockford's base32 (no I, L, O, U) of BLAKE2b-256 over a label
// and the case id; 30 bits, so two cases of one team share a pseudonym with a chance of about
// n²/2³¹ (n = 1,000 cases: 0.05 %). Empty for an empty id.
std::string case_pseudonym(const std::string& case_id);

// The id of the team-scope record of `type` about one case: the type, then 32 hex digits of
// BLAKE2b-256 over a label, the type and the case id. Deterministic, so that two caseworker devices
// writing about the same case write the same record (its fields merge, docs/domain.md), and
// unlinkable to the case id by anyone without it.
std::string case_record_id(const std::string& type, const std::string& case_id);

}  // namespace quartier::team
