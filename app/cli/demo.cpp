#include "demo.h"

#include "domain/demo_families.h"
#include "domain/repository.h"
#include "offers/demo_offers.h"

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
    auto offers = offers::seed_demo_offers(store, today);
    if (!offers) return {sync::Error::Failed, "demo offers: " + offers.detail()};
    DemoSeed seed;
    seed.social_spaces = offers->social_spaces;
    seed.organizations = offers->organizations;
    seed.services = offers->services;
    seed.missing_wanted = offers->feedback;

    std::vector<std::string> service_ids;
    for (const sync::Record* r : store.list("service")) service_ids.push_back(r->id);
    domain::Repository repository(store);
    auto families = domain::write_demo_families(repository, service_ids);
    if (!families) return {sync::Error::Failed, "demo families: " + families.detail()};
    seed.case_ids = families->case_ids;
    seed.family_records = families->records;
    if (!seed.case_ids.empty()) {
        auto first = repository.load<domain::Case>(seed.case_ids.front());
        if (!first) return {sync::Error::Failed, "demo families: " + first.detail()};
        seed.worker = first->lead_worker;
        if (auto set = store.set_setting("worker", seed.worker); !set) return set.failure();
    }
    return seed;
}

}  // namespace quartier::cli
