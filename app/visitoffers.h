// The one place the home visit reads the offer map (Ressourcenkarte): the `service` records of a
// social space, read-only, straight from the store. The offer module (app/offers/, OfferListModel,
// docs/offers.md) replaces the body of offersInSocialSpace() once it lands; callers only see
// OfferRow. Field names follow docs/offers.md: service.name, category, social_space (a
// social_space record id), place, times; social_space.name.
#pragma once

#include <QString>

#include <string>
#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

struct OfferRow {
    QString id;
    QString name;
    QString category;  // the offer map's category id ("sports", "family_centre", ...), may be ""
    QString place;
    QString times;
};

// The live services of the social space a case names (by social_space record id or by its name),
// sorted by category label, then name. Services in other social spaces are left out.
std::vector<OfferRow> offersInSocialSpace(const sync::Store& store, const std::string& socialSpace);

// The offer map's category ids in display order, then "other" (offers::Category, the one
// vocabulary), and their German labels (translated; app/domainlabels.cpp, "offer_category").
const std::vector<const char*>& offerCategoryIds();
QString offerCategoryLabel(const QString& id);

}  // namespace quartier::app
