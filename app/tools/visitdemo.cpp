#include "tools/visitdemo.h"

#include "tools/demodata.h"

#include "domain/repository.h"
#include "offers/offers.h"
#include "sync/store/store.h"

namespace quartier::app {

std::optional<VisitDemo> writeVisitDemo(sync::Store& store)
{
    auto data = writeDemoData(store);
    if (!data)
        return std::nullopt;
    VisitDemo demo;
    domain::Repository repo(store);
    for (const std::string& id : data->families.case_ids) {
        auto c = repo.load<domain::Case>(id);
        if (c && c->social_space == "Garstedt") {
            demo.caseId = id;
            break;
        }
    }
    if (demo.caseId.empty())
        return std::nullopt;
    const offers::Catalogue catalogue = offers::Catalogue::load(store);
    const offers::SocialSpace* garstedt = catalogue.resolve_social_space("Garstedt");
    std::vector<std::string> others;
    for (const std::string& id : data->serviceIds) {
        const offers::Service* s = catalogue.service(id);
        const offers::SocialSpace* space = s ? catalogue.resolve_social_space(s->social_space) : nullptr;
        if (garstedt && space == garstedt)
            demo.garstedtServiceIds.push_back(id);
        else
            others.push_back(id);
    }
    demo.serviceIds = demo.garstedtServiceIds;
    demo.serviceIds.insert(demo.serviceIds.end(), others.begin(), others.end());
    return demo;
}

}  // namespace quartier::app
