// Passphrase unlock: Argon2id turns a passphrase into a key-encryption key that wraps a random
// master key. Changing the passphrase rewraps the master key; data is never re-encrypted.
//
// Key file states:
//   absent --create_keyfile--> sealed --open_keyfile(pass)--> master key in secure memory
//   sealed --rewrap(master, new pass or new params)--> sealed (same master key)
// Invariants: the master key never leaves secure memory; the key file holds only salt,
// parameters and the wrapped key; the parameters and salt are bound to the wrap as AD, so a key
// file whose parameters were lowered by an attacker does not open.
#pragma once

#include "secure.h"

#include <chrono>

namespace quartier::crypto {

struct PwhashParams {
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;  // bytes

    bool operator==(const PwhashParams&) const = default;
};

// Accepted range: libsodium's minimum (1 pass, 8 KiB) up to 32 passes and 4 GiB. This is a
// sanity range for parsing and tests, not a security floor: calibrate() never goes below
// INTERACTIVE (2 passes, 64 MiB), and a store raises weaker key files to its own floor on unlock.
bool params_acceptable(const PwhashParams& p);

// Parameters that take about `target` on this machine: memory 64 MiB up to 256 MiB, then more
// passes; never below 2 passes and 64 MiB. Measured with one throwaway derivation at that minimum.
PwhashParams calibrate(std::chrono::milliseconds target);

// Derives a key-encryption key from a passphrase (Argon2id v1.3).
[[nodiscard]] Result<SymmetricKey> derive_kek(std::string_view passphrase, ByteView salt16, const PwhashParams& p);

struct KeyFile {
    static constexpr std::uint8_t kVersion = 1;
    PwhashParams params;
    std::array<std::uint8_t, 16> salt{};
    Bytes wrapped;  // the master key, wrapped under the KEK (keywrap.h)

    Bytes serialize() const;
    [[nodiscard]] static Result<KeyFile> parse(ByteView bytes);
};

// Makes a key file for `master` under a passphrase (fresh salt).
[[nodiscard]] Result<KeyFile> create_keyfile(std::string_view passphrase, const SymmetricKey& master, const PwhashParams& p);
// Opens a key file: WrongPassphrase if the passphrase does not fit; BadFormat if corrupt.
[[nodiscard]] Result<SymmetricKey> open_keyfile(const KeyFile& kf, std::string_view passphrase);

}  // namespace quartier::crypto
