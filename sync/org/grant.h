// A key grant (docs/protocol.md "Scope keys"): one scope key at one epoch, sealed to one device's
// X25519 key, signed by the admin or a member who holds it. The server stores and forwards grants
// it cannot open; the recipient accepts a key only if the directory lists it as a member.
#pragma once

#include "sync/org/directory.h"

#include "crypto/secure.h"

namespace quartier::sync {

struct KeyGrant {
    crypto::ScopeId scope{};
    std::uint32_t epoch = 0;
    DeviceId device{};           // the recipient
    crypto::Bytes sealed;        // crypto_box_seal(binding || key)
    std::string granter;         // "admin" or a device id (hex)
    crypto::Signature signature{};

    std::string to_json() const;
    static Result<KeyGrant> from_json(std::string_view json);
    crypto::Bytes binding() const;  // "quartier/grant/v1" || scope || epoch || device

    // Seals `key` to `recipient` (its box key from the directory) and signs as device or admin.
    static KeyGrant make(const crypto::DeviceIdentity& granter, bool as_admin, const crypto::ScopeId& scope,
                         std::uint32_t epoch, const DeviceInfo& recipient, const crypto::SymmetricKey& key);
    // Signature by the admin or by a device that is a member of the scope at that epoch, and the
    // recipient is an unrevoked member. Does not open the box.
    Result<void> verify(const Directory& dir) const;
    // Verifies, then opens with the recipient's identity and checks the binding inside.
    Result<crypto::SymmetricKey> open(const Directory& dir, const crypto::DeviceIdentity& me) const;
};

}  // namespace quartier::sync
