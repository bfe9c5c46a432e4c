// What each device is given of the directory's annexes (docs/protocol.md, "Annex";
// docs/threat-model.md, "Curious colleague"). Every device gets every entry — the whole log, so
// that it verifies every signature and the hash chain and no entry that matters to it can be
// hidden — but the openings of an entry's commitments only where it needs them:
//
//   enrol `name`, `provider`   staff devices (every role but `helper`), and the device itself
//   provider `provider`        the admin; every device that was ever a member of the case scope;
//                              the helpers of that provider
//   shred `reason`             the admin and the DPO
//
// A device added to a case later gets that case's earlier provider entries with their openings
// in `revealed` (it had them without). Stateless: a pure function of the verified directory.
#pragma once

#include "sync/org/directory.h"
#include "sync/protocol/messages.h"

namespace quartier::sync::server {

// May `reader` be given the opening of `field` of entry `seq`?
bool may_read(const Directory& dir, const DeviceId& reader, std::uint64_t seq, const std::string& field);

// The answer to GET /v1/directory?since=N for `reader`: {"entries": [...], "revealed": [...]}
// (`revealed`: entries before N with openings the reader may read now because an entry from N on
// made it a member of their scope).
msg::DirectoryAnswer directory_for(const Directory& dir, const DeviceId& reader, std::uint64_t since);

}  // namespace quartier::sync::server
