#include "demodata.h"

#include "casecontroller.h"

#include "sync/store.h"

namespace quartier::app {

namespace {

struct DemoOffer {
    const char* name;
    const char* category;
    const char* socialSpace;
};

// Fictitious offers in Norderstedt's social spaces (DOMAIN.md).
constexpr DemoOffer kOffers[] = {
    {"Elterncafé im Familienzentrum", "family_education", "Garstedt"},
    {"Fußball-AG des TuS", "sports", "Harksheide-Mitte"},
    {"Hausaufgabenhilfe im Jugendtreff", "learning", "Glashütte/Harksheide-Süd"},
};

}  // namespace

domain::Result<DemoData> writeDemoData(sync::Store& store)
{
    std::vector<std::string> serviceIds;
    {
        sync::Writer writer(store);
        for (const DemoOffer& offer : kOffers) {
            auto id = writer.set("service", {}, "name", offer.name);
            if (!id || !writer.set("service", *id, "category", offer.category) ||
                !writer.set("service", *id, "social_space", offer.socialSpace))
                return {domain::Error::Store, "could not write the demo offers"};
            serviceIds.push_back(*id);
        }
        if (!writer.commit())
            return {domain::Error::Store, "could not commit the demo offers"};
    }
    domain::Repository repository(store);
    auto families = domain::write_demo_families(repository, serviceIds);
    if (!families)
        return families.failure();
    DemoData demo{std::move(*families), {}};
    if (!demo.families.case_ids.empty()) {
        auto first = repository.load<domain::Case>(demo.families.case_ids.front());
        if (!first)
            return first.failure();
        demo.worker = first->lead_worker;
        if (!store.set_setting(CaseController::kWorkerSetting, demo.worker))
            return {domain::Error::Store, "could not set the worker"};
    }
    return demo;
}

}  // namespace quartier::app
