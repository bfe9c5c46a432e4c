// What quartier-server keeps in memory about callers (docs/protocol.md "Authentication",
// docs/server.md "Limits"): challenges, tokens and rate buckets, each bounded so that one device's
// flood reaches only its own entries (issue 12) — no global cap that refuses everyone, no table
// wiped whole.
//
//   ChallengeMint  challenges carry their own state: expiry ‖ nonce ‖ MAC(a key of this process,
//                  device ‖ expiry ‖ nonce). Nothing is kept per challenge issued, so no flood of
//                  challenges, for itself or in another device's name, evicts or refuses anyone's.
//                  A presented challenge is remembered as used until it expires, per device, at
//                  most `per_device` (the soonest to expire is forgotten first: only the device's
//                  own signature over it could ever be presented again, within its 60 s).
//   TokenTable     tokens by their hash; at most `per_device` per device (its oldest goes) and
//                  `total` in all (the oldest token of the device holding the most goes).
//   RateTable      token buckets. A device's own ("d:<id>") are never evicted: there is one per
//                  enrolled device. The others (by address, or by a device named in an
//                  unauthenticated request and its address) are at most `max_others`: refilled
//                  buckets go first, then the least recently used.
//
// Invariants: every table's size is bounded as above; an entry is only ever removed by its
// expiry, or to make room within the same device's entries, or (tokens, rate) for the device or
// address with the most. Not thread-safe: Server holds its lock around every call.
#pragma once

#include "crypto/envelope.h"

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace quartier::sync::server {

class ChallengeMint {
public:
    using Challenge = std::array<std::uint8_t, 32>;
    ChallengeMint();  // a fresh random key: a restart invalidates every challenge
    Challenge issue(const crypto::DeviceId& device, std::uint64_t now, std::uint64_t ttl_ms) const;
    enum class Outcome { Valid, Unknown, Expired, Used };
    // Checks `c` for `device` and marks it used (also when the caller's signature then fails).
    // Unknown: not made by this process for this device.
    Outcome redeem(const crypto::DeviceId& device, const Challenge& c, std::uint64_t now, std::size_t per_device);
    std::size_t remembered() const;  // used challenges kept, over all devices (tests)

private:
    crypto::Id16 mac(const crypto::DeviceId& device, const Challenge& c) const;
    std::array<std::uint8_t, 32> m_key{};
    std::map<crypto::DeviceId, std::map<Challenge, std::uint64_t>> m_used;  // → expiry
};

class TokenTable {
public:
    struct Token {
        crypto::DeviceId device{};
        std::uint64_t expires = 0;
        std::uint64_t serial = 0;  // order of issue: the oldest of equal expiries goes first
    };
    // A new token for `device` (hex, 32 random bytes), making room as the header says.
    std::string issue(const crypto::DeviceId& device, std::uint64_t now, std::uint64_t ttl_ms, std::size_t per_device,
                      std::size_t total);
    // The live token with this text, or nullptr (an expired one is forgotten).
    const Token* find(std::string_view token, std::uint64_t now);
    std::size_t size() const { return m_tokens.size(); }

private:
    void forget(const crypto::Hash32& key);
    using Held = std::tuple<std::uint64_t, std::uint64_t, crypto::Hash32>;  // expiry, serial, key
    std::map<crypto::Hash32, Token> m_tokens;                                 // BLAKE2b(token) →
    std::map<crypto::DeviceId, std::set<Held>> m_byDevice;
    std::uint64_t m_serial = 0;
};

class RateTable {
public:
    // Takes one token from the bucket `key` ("d:<device>" for a device's own); false if empty.
    bool take(const std::string& key, std::uint64_t now, double per_second, double burst, std::size_t max_others);
    std::size_t others() const { return m_others.size(); }

private:
    struct Bucket {
        double tokens = 0;
        std::uint64_t at = 0;  // last refill, i.e. last use
    };
    static bool take(Bucket& b, bool fresh, std::uint64_t now, double per_second, double burst);
    std::map<std::string, Bucket> m_devices;
    std::map<std::string, Bucket> m_others;
};

}  // namespace quartier::sync::server
