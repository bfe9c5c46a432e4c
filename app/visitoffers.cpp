#include "visitoffers.h"

#include "sync/store.h"

#include <QCollator>
#include <QCoreApplication>

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
    static const std::vector<const char*> ids{"family_centre", "daycare",  "school", "youth_work", "sports",
                                              "culture",       "group",    "counselling", "health"};
    return ids;
}

QString offerCategoryLabel(const QString& id)
{
    if (id == QLatin1String("sports"))
        return QCoreApplication::translate("OfferCategory", "Sport und Bewegung");
    if (id == QLatin1String("family_centre"))
        return QCoreApplication::translate("OfferCategory", "Familienzentrum");
    if (id == QLatin1String("counselling"))
        return QCoreApplication::translate("OfferCategory", "Beratung");
    if (id == QLatin1String("youth_work"))
        return QCoreApplication::translate("OfferCategory", "Jugendarbeit");
    if (id == QLatin1String("group"))
        return QCoreApplication::translate("OfferCategory", "Gruppe und Treff");
    if (id == QLatin1String("daycare"))
        return QCoreApplication::translate("OfferCategory", "Kita und Betreuung");
    if (id == QLatin1String("school"))
        return QCoreApplication::translate("OfferCategory", "Schule");
    if (id == QLatin1String("culture"))
        return QCoreApplication::translate("OfferCategory", "Kultur und Freizeit");
    if (id == QLatin1String("health"))
        return QCoreApplication::translate("OfferCategory", "Gesundheit");
    // Categories the domain's demo data and older records use besides the offer map's own.
    if (id == QLatin1String("family_education"))
        return QCoreApplication::translate("OfferCategory", "Familienbildung");
    if (id == QLatin1String("childcare"))
        return QCoreApplication::translate("OfferCategory", "Kinderbetreuung");
    if (id == QLatin1String("leisure"))
        return QCoreApplication::translate("OfferCategory", "Freizeit");
    if (id.isEmpty() || id == QLatin1String("other"))
        return QCoreApplication::translate("OfferCategory", "Sonstiges");
    return id;
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
