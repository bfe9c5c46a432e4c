#include "demo_organisation.h"

#include "sync/store/store.h"

namespace quartier::domain {

Result<DemoOrganisation> seed_demo_organisation(Repository& repository, const std::string& today) {
    sync::Store& store = repository.store();
    DemoOrganisation out;
    if (store.list(offers::kSocialSpaceType).empty()) {
        auto seeded = offers::seed_demo_offers(store, today);
        if (!seeded) return {Error::Store, "demo offers: " + seeded.detail()};
        out.offers = *seeded;
    }
    for (const sync::Record* r : store.list(offers::kServiceType)) out.service_ids.push_back(r->id);
    if (out.service_ids.empty()) return {Error::Store, "demo offers: the store holds social spaces but no services"};
    const std::vector<Case> existing = repository.cases();
    if (existing.empty()) {
        auto families = write_demo_families(repository, out.service_ids);
        if (!families) return families.failure();
        out.families = std::move(*families);
    } else {
        for (const Case& c : existing) out.families.case_ids.push_back(c.id);
    }
    if (!out.families.case_ids.empty()) {
        auto first = repository.load<Case>(out.families.case_ids.front());
        if (!first) return first.failure();
        out.worker = first->lead_worker;
    }
    return out;
}

}  // namespace quartier::domain
