// The order of one device's ops (docs/protocol.md, "Ops"; issue 12). A device numbers its
// envelopes 1, 2, 3, … (crypto::EnvelopeHeader::seq, one counter for all its scopes) and dates them
// with its HLC, which never goes back. So an op dated before an op its device numbered lower was
// backdated — a modified client reaching into the past of a merge — and two different ops under
// one number are equivocation. A push with either is refused whole, each such op named; an op
// stored already (same number, same op id) is a repeat and stays idempotent.
//
// Stateless; the server calls it under its lock, so nothing is stored between the read of the
// author's ops and the push's transaction.
#pragma once

#include "server.h"

#include <string>
#include <string_view>
#include <vector>

namespace quartier::sync::server {

struct OpRefusal {
    ScopeId scope{};
    crypto::OpId op{};
    std::uint64_t dev_seq = 0;
    std::string_view code;  // "backdated" or "equivocation"
    std::string message;
};

// The ops of `groups` (one author's push, in push order) against what `storage` holds of the
// author: every op refused, in push order. Storage failures are returned as they are.
Result<std::vector<OpRefusal>> check_order(ServerStorage& storage, const DeviceId& author, const std::vector<PushGroup>& groups);

// The answer to a push with refused ops: 409 `equivocation` or 400 `backdated` (the first op's
// code), with every refused op in "ops": [{"op", "scope", "seq", "code", "message"}].
Response refused_ops(const std::vector<OpRefusal>& refusals);

}  // namespace quartier::sync::server
