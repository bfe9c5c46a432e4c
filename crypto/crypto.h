// Common crypto types: byte spans, fixed ids, the crypto error enum and library initialisation.
#pragma once

#include "result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace quartier::crypto {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

enum class Error {
    BadFormat,           // strict parse failed: wrong magic, length, trailing bytes, bad field
    UnsupportedVersion,  // a format version this build does not know
    UnsupportedSuite,    // a cipher suite this build does not implement
    TooLarge,            // over a size limit, rejected before any work
    NotMember,           // author device is not a member of the scope at that epoch
    UnknownKey,          // no key for that scope and epoch on this device
    BadSignature,        // Ed25519 signature (envelope or commit) does not verify
    NotInCommit,         // commit-signed envelope whose hash its commit does not list
    DecryptFailed,       // AEAD authentication failed: tampered, wrong key, or moved
    WrongPassphrase,     // the key file did not open with this passphrase
    BadParameters,       // KDF parameters out of the accepted range
    OutOfMemory,         // the KDF could not get its memory
};

std::string_view to_string(Error e);

template <class T>
using Result = quartier::Result<T, Error>;

// Initialises libsodium once (thread-safe). Returns false if the library cannot start (no
// entropy source); nothing in this part may be used then.
[[nodiscard]] bool init();

// 16-byte identifiers that are random or derived from public keys: never personal data.
using Id16 = std::array<std::uint8_t, 16>;
using Hash32 = std::array<std::uint8_t, 32>;

std::string to_hex(ByteView b);
template <std::size_t N>
std::string to_hex(const std::array<std::uint8_t, N>& a) { return to_hex(ByteView(a.data(), a.size())); }
// Parses lower- or upper-case hex of exactly out.size() bytes.
[[nodiscard]] bool from_hex(std::string_view hex, std::span<std::uint8_t> out);

void random_bytes(std::span<std::uint8_t> out);
Id16 random_id();

// BLAKE2b-256 of the data.
Hash32 hash(ByteView data);
// BLAKE2b with a 32-byte key, truncated to 16 bytes: a keyed index that hides what it indexes.
Id16 keyed_index(ByteView key32, ByteView data);

// A domain-separation label followed by the parts, as one buffer: what gets signed, hashed or bound
// as associated data. Every signature and AD in this project starts with such a label.
Bytes labelled(std::string_view label, std::initializer_list<ByteView> parts);

// Constant-time comparison of equal-length buffers.
bool equal(ByteView a, ByteView b);

}  // namespace quartier::crypto
