// A device's identity: an Ed25519 pair for signing and an X25519 pair for receiving wrapped keys,
// made on the device. The secret halves live in secure memory and leave it only wrapped.
#pragma once

#include "secure.h"

namespace quartier::crypto {

using SignPublicKey = std::array<std::uint8_t, 32>;
using BoxPublicKey = std::array<std::uint8_t, 32>;
using Signature = std::array<std::uint8_t, 64>;
using DeviceId = Id16;  // first 16 bytes of BLAKE2b-256(sign public key)

DeviceId device_id_of(const SignPublicKey& pk);

class DeviceIdentity {
public:
    static DeviceIdentity generate();
    // Restores from secret_bytes() output: 64-byte Ed25519 secret || 32-byte X25519 secret.
    [[nodiscard]] static Result<DeviceIdentity> from_secret(ByteView secret);

    const SignPublicKey& sign_public() const { return m_signPk; }
    const BoxPublicKey& box_public() const { return m_boxPk; }
    const DeviceId& id() const { return m_id; }

    Signature sign(ByteView message) const;
    // The secret halves, for wrapping under the master key.
    SecureBytes secret_bytes() const;
    const SecureBytes& box_secret() const { return m_boxSk; }

private:
    DeviceIdentity() = default;
    SignPublicKey m_signPk{};
    BoxPublicKey m_boxPk{};
    DeviceId m_id{};
    SecureBytes m_signSk;  // 64 bytes
    SecureBytes m_boxSk;   // 32 bytes
};

[[nodiscard]] bool verify(const SignPublicKey& pk, ByteView message, const Signature& sig);

}  // namespace quartier::crypto
