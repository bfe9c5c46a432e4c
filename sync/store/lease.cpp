#include "sync/store/lease.h"

#include <charconv>
#include <cstdio>

namespace quartier::sync {

namespace {
constexpr std::uint64_t kDayMs = 86'400'000;

std::uint64_t parse_u64(const std::optional<std::string>& s) {
    std::uint64_t v = 0;
    if (!s || s->empty()) return 0;
    const auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
    return ec == std::errc() && p == s->data() + s->size() ? v : 0;
}

std::string iso_of_ms(std::uint64_t ms) {
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
    std::int64_t z = std::int64_t(ms / kDayMs) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2);
    char buf[48];  // room for any int, so that -Wformat-truncation has nothing to say
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(y), int(m), int(d));
    return buf;
}
}  // namespace

LeaseStatus lease_status(const Store& store) {
    LeaseStatus s;
    s.days = store.directory().lease_days();
    s.last_sync_ms = parse_u64(store.setting("last_sync"));
    if (s.days == 0) return s;
    s.expires_ms = s.last_sync_ms + std::uint64_t(s.days) * kDayMs;
    s.expired = s.last_sync_ms == 0 || store.now_ms() >= s.expires_ms;
    return s;
}

Result<void> Store::readable() const {
    if (directory().lease_days() == 0) return {};  // the common case: no lease, no cost
    const LeaseStatus s = lease_status(*this);
    if (!s.expired) return {};
    return {Error::LeaseExpired, s.last_sync_ms == 0
                                     ? "this device has not completed a sync under the organisation's offline lease of " +
                                           std::to_string(s.days) + " days: sync to unlock"
                                     : "last successful sync " + iso_of_ms(s.last_sync_ms) + ", the organisation's offline lease is " +
                                           std::to_string(s.days) + " days: sync to unlock"};
}

}  // namespace quartier::sync
