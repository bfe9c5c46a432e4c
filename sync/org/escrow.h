// The organisation's escrow key (docs/architecture.md §3, docs/retention.md): an X25519 key pair made when
// the organisation is founded. Its public half is in the admin-signed directory (`escrow` entry);
// its secret half exists only in an offline escrow file sealed under its own passphrase
// (Argon2id, the store's KeyFile format) — never on a device or the server. Every device that
// holds a scope key seals it to the escrow key and uploads that wrap, so the office archive stays
// readable for the legal retention period (§9b SGB VIII) when every device is gone:
// `quartier-cli escrow restore` opens the wraps and grants a case's keys to a new device whose
// role may hold it. Personal scopes (entrusted entries, §65 SGB VIII) are never escrowed.
//
// States of one (scope, epoch) key's escrow, as a member device sees it:
//   unwrapped --upload (SyncClient::escrow)--> wrapped (setting `escrow:<scope>:<epoch>`)
//   unwrapped --server lists one and shows it, signed by a member--> wrapped
//   unwrapped --server lists one it cannot show--> reported, uploaded --> wrapped
//   wrapped --server lost it--> reported in SyncReport::server_violations, uploaded again
//   any --shred entry--> gone: the server drops every wrap of the scope and refuses new ones
// Invariants: a wrap binds scope, epoch and the escrow public key inside the sealed box and is
// signed by a device that was a member of the scope at that epoch; the escrow secret never
// leaves secure memory except sealed in its file.
#pragma once

#include "sync/org/directory.h"

#include "crypto/keywrap.h"
#include "crypto/passphrase.h"

#include <filesystem>

namespace quartier::sync {

class Store;
class SyncClient;

// One scope key at one epoch, sealed to the escrow key, signed by the member that uploaded it.
struct EscrowWrap {
    crypto::ScopeId scope{};
    std::uint32_t epoch = 0;
    DeviceId uploader{};
    crypto::Bytes sealed;  // crypto_box_seal(escrow_pk, binding || key)
    crypto::Signature signature{};

    // "quartier/escrow/v1" || scope || epoch u32 || escrow_pk
    static crypto::Bytes binding(const crypto::ScopeId& scope, std::uint32_t epoch, const BoxPublicKey& escrow_pk);
    static EscrowWrap make(const crypto::DeviceIdentity& me, const crypto::ScopeId& scope, std::uint32_t epoch,
                           const BoxPublicKey& escrow_pk, const crypto::SymmetricKey& key);
    std::string to_json() const;
    static Result<EscrowWrap> from_json(std::string_view json);
    // The uploader was a member of the scope at that epoch, the signature verifies, and the
    // directory names an escrow key. Does not open the box.
    Result<void> verify(const Directory& dir) const;
};

// The escrow secret, opened from its file: only `escrow restore` ever holds it.
struct EscrowSecret {
    BoxPublicKey pk{};
    crypto::SecureBytes sk;
    // Verifies the wrap against `dir`, opens it and checks the binding inside.
    Result<crypto::SymmetricKey> open(const Directory& dir, const EscrowWrap& w) const;
};

// The least Argon2id cost of an escrow file: libsodium's INTERACTIVE limits (2 passes, 64 MiB),
// the least `quartier-cli org init --kdf` offers. The file opens every escrowed scope and may be
// copied by whoever reaches the safe or the stick it is kept on, so one that is cheap to guess
// is neither made nor read (docs/retention.md). Only tests pass a lower floor.
inline constexpr crypto::PwhashParams kEscrowKdfFloor{2, 64ull << 20};

// The offline file: {"format": "quartier-escrow", "v": 1, "escrow_pk": b64, "keyfile": b64}. The
// public key is readable without the passphrase; the secret opens only with it.
struct EscrowFile {
    BoxPublicKey pk{};
    crypto::KeyFile keyfile;

    // A fresh escrow key pair, sealed under `passphrase`. InvalidArgument for `kdf` below `floor`
    // (either parameter).
    static Result<EscrowFile> create(std::string_view passphrase, const crypto::PwhashParams& kdf,
                                     const crypto::PwhashParams& floor = kEscrowKdfFloor);
    std::string to_text() const;
    // InvalidArgument for a file whose Argon2id parameters are below `floor`.
    static Result<EscrowFile> parse(std::string_view text, const crypto::PwhashParams& floor = kEscrowKdfFloor);
    // WrongPassphrase; Corrupt if the secret inside does not belong to the public key.
    Result<EscrowSecret> open(std::string_view passphrase) const;

    // Writes a new file (0600); AlreadyExists if there is one. Reads one back.
    Result<void> write(const std::filesystem::path& path) const;
    static Result<EscrowFile> read(const std::filesystem::path& path, const crypto::PwhashParams& floor = kEscrowKdfFloor);
};

// What `escrow restore` did.
struct RestoreReport {
    crypto::ScopeId scope{};
    DeviceId device{};
    std::vector<std::uint32_t> epochs;   // granted to the device
    std::vector<std::uint32_t> missing;  // no wrap that opens: that epoch's data stays unreadable
};

// Admin: opens the escrow wraps of `scope` with the escrow secret and makes `device` (enrolled,
// not revoked) a member at every epoch with a grant of its key; the device then pulls and reads
// the scope's whole history. NotFound if the scope was shredded or has no wrap that opens.
Result<RestoreReport> restore_from_escrow(Store& store, SyncClient& client, const EscrowSecret& secret,
                                          const crypto::ScopeId& scope, const DeviceId& device);

}  // namespace quartier::sync
