#include "auth_tables.h"

#include <algorithm>
#include <vector>

namespace quartier::sync::server {

namespace {
constexpr std::string_view kChallengeDomain = "quartier/challenge/v1";
constexpr std::size_t kExpiryBytes = 8, kNonceBytes = 8, kMacOffset = kExpiryBytes + kNonceBytes;

std::uint64_t read_u64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | p[i];
    return v;
}
}  // namespace

// ---------------------------------------------------------------------------------------------
// Challenges

ChallengeMint::ChallengeMint() { crypto::random_bytes(m_key); }

crypto::Id16 ChallengeMint::mac(const crypto::DeviceId& device, const Challenge& c) const {
    return crypto::keyed_index(m_key, crypto::labelled(kChallengeDomain, {device, crypto::ByteView(c.data(), kMacOffset)}));
}

ChallengeMint::Challenge ChallengeMint::issue(const crypto::DeviceId& device, std::uint64_t now, std::uint64_t ttl_ms) const {
    Challenge c{};
    const std::uint64_t expires = now + ttl_ms;
    for (std::size_t i = 0; i < kExpiryBytes; ++i) c[i] = std::uint8_t(expires >> (8 * (kExpiryBytes - 1 - i)));
    crypto::random_bytes(std::span(c.data() + kExpiryBytes, kNonceBytes));
    const auto m = mac(device, c);
    std::copy(m.begin(), m.end(), c.begin() + kMacOffset);
    return c;
}

ChallengeMint::Outcome ChallengeMint::redeem(const crypto::DeviceId& device, const Challenge& c, std::uint64_t now,
                                             std::size_t per_device) {
    const auto m = mac(device, c);
    if (!crypto::equal(m, crypto::ByteView(c.data() + kMacOffset, m.size()))) return Outcome::Unknown;
    const std::uint64_t expires = read_u64(c.data());
    if (expires <= now) return Outcome::Expired;
    auto& used = m_used[device];
    std::erase_if(used, [&](const auto& u) { return u.second <= now; });
    if (!used.emplace(c, expires).second) return Outcome::Used;
    while (used.size() > std::max<std::size_t>(per_device, 1))
        used.erase(std::min_element(used.begin(), used.end(), [](const auto& a, const auto& b) { return a.second < b.second; }));
    return Outcome::Valid;
}

std::size_t ChallengeMint::remembered() const {
    std::size_t n = 0;
    for (const auto& [device, used] : m_used) n += used.size();
    return n;
}

// ---------------------------------------------------------------------------------------------
// Tokens

void TokenTable::forget(const crypto::Hash32& key) {
    auto it = m_tokens.find(key);
    if (it == m_tokens.end()) return;
    auto d = m_byDevice.find(it->second.device);
    if (d != m_byDevice.end()) {
        d->second.erase(Held{it->second.expires, it->second.serial, key});
        if (d->second.empty()) m_byDevice.erase(d);
    }
    m_tokens.erase(it);
}

std::string TokenTable::issue(const crypto::DeviceId& device, std::uint64_t now, std::uint64_t ttl_ms, std::size_t per_device,
                              std::size_t total) {
    // This device's own: expired ones, then its oldest while it holds its share.
    if (auto d = m_byDevice.find(device); d != m_byDevice.end()) {
        while (!d->second.empty() &&
               (std::get<0>(*d->second.begin()) <= now || d->second.size() >= std::max<std::size_t>(per_device, 1))) {
            forget(std::get<2>(*d->second.begin()));
            d = m_byDevice.find(device);
            if (d == m_byDevice.end()) break;
        }
    }
    if (m_tokens.size() >= std::max<std::size_t>(total, 1)) {
        std::vector<crypto::Hash32> expired;
        for (const auto& [key, t] : m_tokens)
            if (t.expires <= now) expired.push_back(key);
        for (const auto& key : expired) forget(key);
    }
    while (m_tokens.size() >= std::max<std::size_t>(total, 1) && !m_byDevice.empty()) {
        // Full of live tokens: the device holding the most gives up its oldest.
        auto most = std::max_element(m_byDevice.begin(), m_byDevice.end(),
                                     [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
        forget(std::get<2>(*most->second.begin()));
    }
    crypto::Bytes raw(32);
    crypto::random_bytes(raw);
    std::string text = crypto::to_hex(raw);
    const auto key = crypto::hash(crypto::ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    const std::uint64_t expires = now + ttl_ms;
    m_tokens[key] = Token{device, expires, ++m_serial};
    m_byDevice[device].insert(Held{expires, m_serial, key});
    return text;
}

const TokenTable::Token* TokenTable::find(std::string_view token, std::uint64_t now) {
    const auto key = crypto::hash(crypto::ByteView(reinterpret_cast<const std::uint8_t*>(token.data()), token.size()));
    auto it = m_tokens.find(key);
    if (it == m_tokens.end()) return nullptr;
    if (it->second.expires <= now) {
        forget(key);
        return nullptr;
    }
    return &it->second;
}

// ---------------------------------------------------------------------------------------------
// Rate buckets

bool RateTable::take(Bucket& b, bool fresh, std::uint64_t now, double per_second, double burst) {
    if (!fresh && now > b.at) {
        b.tokens = std::min(burst, b.tokens + double(now - b.at) / 1000.0 * per_second);
        b.at = now;
    }
    if (b.tokens < 1.0) return false;
    b.tokens -= 1.0;
    return true;
}

bool RateTable::take(const std::string& key, std::uint64_t now, double per_second, double burst, std::size_t max_others) {
    if (key.starts_with("d:")) {
        auto [it, fresh] = m_devices.try_emplace(key, Bucket{burst, now});
        return take(it->second, fresh, now, per_second, burst);
    }
    auto it = m_others.find(key);
    const bool fresh = it == m_others.end();
    if (fresh) {
        const std::size_t cap = std::max<std::size_t>(max_others, 1);
        if (m_others.size() >= cap) {
            // Refilled buckets hold no information: they go first.
            std::erase_if(m_others, [&](const auto& o) {
                return o.second.tokens + double(now - std::min(now, o.second.at)) / 1000.0 * per_second >= burst;
            });
        }
        if (m_others.size() >= cap) {
            // Then the least recently used quarter, so that the next inserts do not each scan.
            std::vector<std::map<std::string, Bucket>::iterator> all;
            all.reserve(m_others.size());
            for (auto o = m_others.begin(); o != m_others.end(); ++o) all.push_back(o);
            const std::size_t drop = std::max<std::size_t>(all.size() / 4, m_others.size() - cap + 1);
            std::nth_element(all.begin(), all.begin() + std::ptrdiff_t(drop - 1), all.end(),
                             [](const auto& a, const auto& b) { return a->second.at < b->second.at; });
            for (std::size_t i = 0; i < drop; ++i) m_others.erase(all[i]);
        }
        it = m_others.emplace(key, Bucket{burst, now}).first;
    }
    return take(it->second, fresh, now, per_second, burst);
}

}  // namespace quartier::sync::server
