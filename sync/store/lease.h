// The offline lease (docs/retention.md, "The offline lease"): an admin-signed `lease` entry of N
// days (0: off). A device whose last successful sync (setting `last_sync`, the store's clock) is
// older refuses reads: Store::readable() says Error::LeaseExpired until a sync succeeds. Stateless
// over the store's directory and settings; set_lease (retention.h) appends the entry.
#pragma once

#include "sync/store/store.h"

namespace quartier::sync {

struct LeaseStatus {
    std::uint32_t days = 0;          // 0: no lease
    std::uint64_t last_sync_ms = 0;  // 0: never
    std::uint64_t expires_ms = 0;    // when reads stop (0 with no lease)
    bool expired = false;
};
LeaseStatus lease_status(const Store& store);

}  // namespace quartier::sync
