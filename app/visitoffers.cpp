#include "visitoffers.h"

#include "domainlabels.h"

#include "offers/offers.h"
#include "sync/store.h"

#include <QCollator>

#include <algorithm>

namespace quartier::app {

namespace {

QString field(const sync::Record& record, const char* name)
{
    const std::optional<std::string> value = record.value(name);
    return value ? QString::fromStdString(*value) : QString();
}

}  // namespace

const std::vector<const char*>& offerCategoryIds()
{
    // The offer map's vocabulary (offers::Category) and `other`, for a wanted offer that fits none.
    static const std::vector<const char*> ids = [] {
        std::vector<const char*> out;
        for (offers::Category c : offers::all_categories())
            out.push_back(offers::to_id(c).data());  // the ids are string literals
        out.push_back(offers::kOtherCategory);
        return out;
    }();
    return ids;
}

QString offerCategoryLabel(const QString& id)
{
    return choiceLabel(QStringLiteral("offer_category"), id.isEmpty() ? QString::fromLatin1(offers::kOtherCategory) : id);
}

std::vector<OfferRow> offersInSocialSpace(const sync::Store& store, const std::string& socialSpace)
{
    std::vector<OfferRow> rows;
    if (socialSpace.empty())
        return rows;
    // The case may name its social space by record id or by name; services name it by id.
    std::vector<std::string> spaceIds{socialSpace};
    for (const sync::Record* space : store.list("social_space")) {
        if (space && space->value("name").value_or(std::string()) == socialSpace)
            spaceIds.push_back(space->id);
    }
    for (const sync::Record* record : store.list("service")) {
        if (!record || record->deleted())
            continue;
        const std::string space = record->value("social_space").value_or(std::string());
        if (std::find(spaceIds.begin(), spaceIds.end(), space) == spaceIds.end())
            continue;
        rows.push_back(OfferRow{QString::fromStdString(record->id), field(*record, "name"), field(*record, "category"),
                                field(*record, "place"), field(*record, "times")});
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::stable_sort(rows.begin(), rows.end(), [&](const OfferRow& a, const OfferRow& b) {
        const int c = collator.compare(offerCategoryLabel(a.category), offerCategoryLabel(b.category));
        if (c != 0)
            return c < 0;
        const int n = collator.compare(a.name, b.name);
        return n != 0 ? n < 0 : a.id < b.id;
    });
    return rows;
}

}  // namespace quartier::app
