// A device's signed deletion record of a crypto-shredded scope (docs/retention.md): the device
// makes it after its purge committed, the server checks and keeps it, the admin lists them. A
// plain value with its codec and its check against the directory; no store, so that the server
// uses it without the device side (docs/architecture.md).
#pragma once

#include "sync/org/directory.h"

#include <string>
#include <string_view>
#include <vector>

namespace quartier::sync {

using crypto::ScopeId;

// A device's signed statement that it destroyed its keys and data of a shredded scope.
struct ShredConfirmation {
    ScopeId scope{};
    std::uint64_t shred_seq = 0;        // the seq of the `shred` entry it answers
    DeviceId device{};
    std::uint64_t time_ms = 0;
    std::vector<std::uint32_t> epochs;  // the scope key epochs it held and destroyed
    std::size_t ops = 0;                // envelopes of the scope it removed
    bool server_clean = false;          // the server refused the scope (410 `shredded`) when asked
    crypto::Bytes body;                 // the exact signed JSON bytes
    crypto::Signature signature{};

    static ShredConfirmation make(const crypto::DeviceIdentity& me, const crypto::Id16& org, const ScopeId& scope,
                                  std::uint64_t shred_seq, std::vector<std::uint32_t> epochs, std::size_t ops,
                                  bool server_clean, std::uint64_t time_ms);
    std::string to_json() const;  // {"body": b64, "signature": b64}
    static Result<ShredConfirmation> from_json(std::string_view json);
    // The signer is the device the body names, enrolled in `dir`, and it answers a shred entry of
    // `dir` for that scope. (A revoked device's confirmation still verifies.)
    Result<void> verify(const Directory& dir) const;
};

}  // namespace quartier::sync
