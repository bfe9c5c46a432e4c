// Shared by the offers tests: a throwaway store and a valid offer to mutate.
#pragma once

#include "offers/offers.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <memory>

namespace quartier::test {

inline constexpr auto kToday = "2026-11-21";

inline std::unique_ptr<sync::Store> make_store(const TempDir& dir)
{
    auto store = sync::Store::create(dir / "store", "eine Passphrase", crypto::PwhashParams{1, 8 * 1024 * 1024});
    REQUIRE(store);
    return std::move(store).value();
}

// A catalogue of one space and one provider, written to `store`; returns it as loaded.
inline offers::Catalogue small_catalogue(sync::Store& store)
{
    sync::Writer w(store);
    REQUIRE(offers::stage(w, store, offers::SocialSpace{{}, "Garstedt", "Süd", {{0, 0}, {1, 0}, {1, 1}}}));
    REQUIRE(offers::stage(w, store, offers::Organization{{}, "TuS Harksheide-Nord", offers::OrgKind::Club, "", "", "", ""}));
    REQUIRE(w.commit());
    return offers::Catalogue::load(store);
}

inline offers::Service valid_service(const offers::Catalogue& c)
{
    offers::Service s;
    s.name = "Fußball für Kinder";
    s.organization = c.organizations().at(0).id;
    s.category = offers::Category::Sports;
    s.social_space = c.social_spaces().at(0).id;
    s.description = "Training in kleinen Gruppen.";
    s.place = "Sportplatz";
    s.address = "Harkshörner Weg 60, 22844 Norderstedt";
    s.times = "Di 16:30–18:00 Uhr";
    s.age_min = 6;
    s.age_max = 10;
    s.cost = offers::Cost::Low;
    s.cost_note = "8 € im Monat";
    s.access = offers::Access::LowThreshold;
    s.phone = "040 555 0400";
    s.email = "info@verein.example.org";
    s.website = "https://verein.example.org";
    s.languages = "Deutsch, Türkisch";
    s.inclusion = "Trainer erfahren mit Kindern im Autismus-Spektrum.";
    s.last_verified = "2026-10-01";
    return s;
}

}  // namespace quartier::test
