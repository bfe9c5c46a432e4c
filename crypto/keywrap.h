// Key wrapping: a secret sealed under a key-encryption key with XChaCha20-Poly1305, the
// associated data binding what the secret is for (scope, epoch, recipient, purpose), so a wrapped
// key moved to another slot fails to open.
#pragma once

#include "secure.h"

namespace quartier::crypto {

// Output: 24-byte random nonce || ciphertext || 16-byte tag.
Bytes wrap(const SymmetricKey& kek, ByteView secret, ByteView ad);
[[nodiscard]] Result<SecureBytes> unwrap(const SymmetricKey& kek, ByteView wrapped, ByteView ad);

// The same AEAD for non-secret payloads that must stay confidential at rest (sealed snapshots):
// output nonce || ciphertext || tag in ordinary memory.
Bytes seal_blob(const SymmetricKey& key, ByteView plaintext, ByteView ad);
// Decrypts into `out` (resized); the tag is checked before anything is written to `out`.
[[nodiscard]] Result<void> open_blob(const SymmetricKey& key, ByteView sealed, ByteView ad, Bytes& out);

}  // namespace quartier::crypto

namespace quartier::crypto {

// Seals a secret to a device's X25519 public key (libsodium sealed box: ephemeral sender, only the
// recipient can open). `binding` is put in front of the secret inside the box, and open_sealed()
// checks it: the recipient learns for which scope/epoch/recipient the secret was meant.
Bytes seal_to(const std::array<std::uint8_t, 32>& recipient_box_pk, ByteView binding, ByteView secret);
// A stand-alone X25519 key pair for sealed boxes (the organisation's escrow key): the secret in
// secure memory. box_public_of() recomputes the public half, so a secret read back from a file
// can be checked against the public key it claims to belong to.
struct BoxKeyPair {
    std::array<std::uint8_t, 32> pk{};
    SecureBytes sk;  // 32 bytes
};
BoxKeyPair box_keypair();
std::array<std::uint8_t, 32> box_public_of(const SecureBytes& sk);  // sk.size() != 32 is a programming error

[[nodiscard]] Result<SecureBytes> open_sealed(const std::array<std::uint8_t, 32>& box_pk, const SecureBytes& box_sk,
                                              ByteView binding, ByteView sealed);

}  // namespace quartier::crypto
