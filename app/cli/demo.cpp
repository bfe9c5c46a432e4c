#include "demo.h"

#include "domain/demo_organisation.h"
#include "domain/repository.h"

#include "crypto/crypto.h"

#include <ctime>

namespace quartier::cli {

std::string today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

sync::Result<DemoSeed> seed_demo(sync::Store& store, const std::string& today) {
    if (!store.list("social_space").empty())
        return {sync::Error::InvalidArgument, "this store already holds social spaces: demo data is only for a new store"};
    domain::Repository repository(store);
    auto demo = domain::seed_demo_organisation(repository, today);
    if (!demo) return {sync::Error::Failed, "demo data: " + demo.detail()};
    DemoSeed seed;
    seed.social_spaces = demo->offers.social_spaces;
    seed.organizations = demo->offers.organizations;
    seed.services = demo->offers.services;
    seed.missing_wanted = demo->offers.feedback;
    seed.case_ids = demo->families.case_ids;
    seed.family_records = demo->families.records;
    seed.worker = demo->worker;
    if (!seed.worker.empty())
        if (auto set = store.set_setting("worker", seed.worker); !set) return set.failure();
    if (auto scope = offers::offer_scope(store)) seed.offer_scope = crypto::to_hex(*scope);
    for (const std::string& id : seed.case_ids)
        if (const sync::Record* r = store.get(id)) seed.case_scopes.push_back(crypto::to_hex(r->scope));
    return seed;
}

}  // namespace quartier::cli
