// Envelope v1: the one sealed, signed unit that is stored on the tablet, sent on the wire and
// kept on the server (docs/architecture.md §4). Byte layout, all integers big-endian:
//
//   off  len  field
//     0    2  magic "QE"
//     2    1  version (1)
//     3    1  suite (1 = XChaCha20-Poly1305 + Ed25519; 2 reserved for AES-256-GCM)
//     4    1  flags (bit 0: signature appended; every other bit must be 0)
//     5   16  scope id
//    21    4  key epoch
//    25   16  op id
//    41    8  hybrid logical clock
//    49   16  author device id
//    65    8  per-device sequence number
//    73   24  nonce (random)
//    97    4  ciphertext length n (includes the 16-byte tag), 16 <= n <= kMaxCiphertext
//   101    n  ciphertext
//   101+n 64  Ed25519 signature (only if flag bit 0)
//
// Bytes [0, 101) are the clear header and the AEAD's associated data. The envelope hash is
// BLAKE2b-256 over bytes [0, 101+n); a per-envelope signature signs "quartier/envelope/v1" || hash,
// a commit (commit.h) signs a list of such hashes once. Opening checks, in this order: strict parse
// and size limits, version and suite, author membership of the scope at that epoch, signature (or
// commit membership), AEAD. The first failure is returned; nothing of the envelope is released.
#pragma once

#include "identity.h"

#include <optional>

namespace quartier::crypto {

inline constexpr std::uint8_t kEnvelopeVersion = 1;
inline constexpr std::size_t kEnvelopeHeaderSize = 101;
inline constexpr std::size_t kAeadTagSize = 16;
inline constexpr std::size_t kMaxPlaintext = 1u << 20;  // 1 MiB per op
inline constexpr std::size_t kMaxCiphertext = kMaxPlaintext + kAeadTagSize;
inline constexpr std::size_t kMaxEnvelope = kEnvelopeHeaderSize + kMaxCiphertext + 64;

enum class Suite : std::uint8_t {
    XChaCha20Poly1305Ed25519 = 1,
    Aes256GcmEd25519 = 2,  // reserved for BSI TR-02102 deployments; not implemented
};

using ScopeId = Id16;
using OpId = Id16;

struct EnvelopeHeader {
    std::uint8_t version = kEnvelopeVersion;
    Suite suite = Suite::XChaCha20Poly1305Ed25519;
    bool signed_individually = false;
    ScopeId scope{};
    std::uint32_t epoch = 0;
    OpId op{};
    std::uint64_t hlc = 0;
    DeviceId author{};
    std::uint64_t seq = 0;

    bool operator==(const EnvelopeHeader&) const = default;
};

// A parsed envelope: its header and views into the bytes it was parsed from (which must outlive it).
struct EnvelopeView {
    EnvelopeHeader header;
    ByteView header_bytes;  // the associated data
    ByteView nonce;
    ByteView ciphertext;
    ByteView signed_bytes;  // header || ciphertext: what the hash covers
    std::optional<Signature> signature;

    Hash32 hash() const;
};

// Seals `plaintext` (at most kMaxPlaintext; more is a programming error). With a signer the
// envelope carries its own signature (header.signed_individually is set from it) and the signer
// must be the header's author; without one it must be listed in a commit signed by its author.
Bytes seal_envelope(EnvelopeHeader header, const SymmetricKey& key, ByteView plaintext,
                    const DeviceIdentity* signer);
// Same with a caller-chosen nonce: for known-answer tests, and for bulk sealing that draws the
// random nonces of many envelopes from the OS at once (Writer::commit). A nonce must never repeat
// under one key: callers pass fresh random bytes, never a counter or a reused buffer.
Bytes seal_envelope_with_nonce(EnvelopeHeader header, const SymmetricKey& key, ByteView plaintext,
                               const DeviceIdentity* signer, ByteView nonce24);

// Strict parse: magic, lengths, flags, no trailing bytes. Checks version and suite too.
[[nodiscard]] Result<EnvelopeView> parse_envelope(ByteView bytes);

// What the opener knows: the scope keys this device holds and the directory's membership.
class KeyResolver {
public:
    virtual ~KeyResolver() = default;
    virtual const SymmetricKey* scope_key(const ScopeId& scope, std::uint32_t epoch) const = 0;
    // The signing key of `author` if it is a member of `scope` at `epoch`, else nullptr.
    virtual const SignPublicKey* member_key(const ScopeId& scope, std::uint32_t epoch, const DeviceId& author) const = 0;
};

class VerifiedCommit;

// The full check of docs/architecture.md §4. `commit` is required for envelopes without their own signature.
[[nodiscard]] Result<Bytes> open_envelope(ByteView bytes, const KeyResolver& keys, const VerifiedCommit* commit = nullptr);

// AEAD only, for envelopes a device already verified when it stored them (its own op log, whose
// rows only this device's keys can have written; `verify` re-runs the full check). Appends the
// plaintext to `out` only if the tag verifies.
[[nodiscard]] Result<void> decrypt_envelope(const EnvelopeView& env, const SymmetricKey& key, Bytes& out);

}  // namespace quartier::crypto
