#include "visitdemo.h"

#include "domain/demo_families.h"
#include "sync/store.h"

namespace quartier::app {

namespace {

struct DemoOffer {
    const char* space;
    const char* name;
    const char* category;
    const char* place;
    const char* times;
};

constexpr const char* kSpaces[] = {"Garstedt", "Harksheide-Mitte", "Glashütte/Harksheide-Süd",
                                   "Friedrichsgabe/Harksheide-Nord"};

constexpr DemoOffer kOffers[] = {
    {"Garstedt", "Familienzentrum Garstedt: offenes Elterncafé", "family_centre", "Familienzentrum am Markt", "Di und Do 9–11 Uhr"},
    {"Garstedt", "Kochgruppe für Eltern", "group", "Stadtteiltreff Garstedt", "Mi 17–19 Uhr"},
    {"Garstedt", "Hausaufgabenhilfe im Jugendhaus", "youth_work", "Jugendhaus Garstedt", "Mo–Do 14–16 Uhr"},
    {"Garstedt", "Fußball für Kinder von 6 bis 10", "sports", "Sportplatz Garstedt", "Fr 16–17:30 Uhr"},
    {"Garstedt", "Erziehungsberatung", "counselling", "Beratungsstelle Rathausallee", "nach Vereinbarung"},
    {"Harksheide-Mitte", "Krabbelgruppe", "group", "Familienzentrum Harksheide", "Mo 10–11:30 Uhr"},
    {"Harksheide-Mitte", "Schwimmkurs für Kinder", "sports", "Arriba-Bad", "Sa 9–10 Uhr"},
    {"Glashütte/Harksheide-Süd", "Offener Treff für Jugendliche", "youth_work", "Jugendtreff Glashütte", "Di–Fr 15–20 Uhr"},
    {"Friedrichsgabe/Harksheide-Nord", "Elternkurs „Starke Eltern – starke Kinder“", "counselling", "Familienbildungsstätte", "8 Abende, Mo 19 Uhr"},
};

}  // namespace

std::optional<VisitDemo> writeVisitDemo(sync::Store& store)
{
    VisitDemo demo;
    sync::Writer writer(store);
    std::vector<std::pair<std::string, std::string>> spaceIds;  // name -> record id
    for (const char* space : kSpaces) {
        auto id = writer.set("social_space", {}, "name", space);
        if (!id)
            return std::nullopt;
        spaceIds.emplace_back(space, *id);
    }
    for (const DemoOffer& offer : kOffers) {
        std::string spaceId;
        for (const auto& [name, id] : spaceIds) {
            if (name == offer.space)
                spaceId = id;
        }
        auto id = writer.set("service", {}, "name", offer.name);
        if (!id || !writer.set("service", *id, "category", offer.category) ||
            !writer.set("service", *id, "social_space", spaceId) || !writer.set("service", *id, "place", offer.place) ||
            !writer.set("service", *id, "times", offer.times))
            return std::nullopt;
        demo.serviceIds.push_back(*id);
        if (std::string(offer.space) == "Garstedt")
            demo.garstedtServiceIds.push_back(*id);
    }
    if (!writer.commit())
        return std::nullopt;

    domain::Repository repo(store);
    auto families = domain::write_demo_families(repo, demo.serviceIds);
    if (!families)
        return std::nullopt;
    for (const std::string& id : families->case_ids) {
        auto c = repo.load<domain::Case>(id);
        if (c && c->social_space == "Garstedt") {
            demo.caseId = id;
            break;
        }
    }
    if (demo.caseId.empty())
        return std::nullopt;
    return demo;
}

}  // namespace quartier::app
