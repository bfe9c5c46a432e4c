// OfferListModel and OfferEditController over a real store with the demo offers: rows and roles,
// search as you type (umlauts), every filter, refresh after a write, the busy store, the schematic
// view's counts, the detail map; adding and correcting an offer with German messages for bad
// input and nothing written. Every step of the model runs under QAbstractItemModelTester.
#include "controllers/offereditcontroller.h"
#include "models/offerlistmodel.h"

#include "offers/demo_offers.h"
#include "sync/store/store.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QPointF>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <filesystem>

using quartier::app::OfferEditController;
using quartier::app::OfferListModel;
namespace qs = quartier::sync;
namespace qo = quartier::offers;

namespace {

constexpr auto kToday = "2026-11-21";

std::unique_ptr<qs::Store> demoStore(const QTemporaryDir& tmp)
{
    auto store = qs::Store::create(std::filesystem::path(tmp.filePath(QStringLiteral("store")).toStdString()),
                                   "eine Passphrase", quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
    REQUIRE(store);
    REQUIRE(qo::seed_demo_offers(**store, kToday));
    return std::move(store).value();
}

QStringList names(const OfferListModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row), OfferListModel::NameRole).toString();
    return out;
}

QString spaceId(const OfferListModel& model, const QString& name)
{
    for (const QVariant& v : model.socialSpaces())
        if (v.toMap().value(QStringLiteral("name")).toString() == name)
            return v.toMap().value(QStringLiteral("id")).toString();
    FAIL("no social space " << name.toStdString());
    return {};
}

QString offerId(const OfferListModel& model, const std::string& name)
{
    for (const qo::Service& s : model.catalogue().services())
        if (s.name == name)
            return QString::fromStdString(s.id);
    FAIL("no offer " << name);
    return {};
}

struct Fixture {
    QTemporaryDir tmp;
    std::unique_ptr<qs::Store> store = demoStore(tmp);
    OfferListModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    Fixture()
    {
        REQUIRE(tmp.isValid());
        model.setToday([] { return QDate(2026, 11, 21); });
        model.setStore(store.get());
    }
};

}  // namespace

TEST_CASE("OfferListModel lists every demo offer with its roles", "[offers]")
{
    Fixture f;
    const int total = int(f.model.catalogue().services().size());
    CHECK(total >= 55);
    CHECK(f.model.rowCount() == total);
    CHECK(f.model.totalCount() == total);

    const int row = f.model.rowOf(offerId(f.model, "Fußball für Kinder (F- und E-Jugend)"));
    REQUIRE(row >= 0);
    const QModelIndex i = f.model.index(row);
    CHECK(i.data(OfferListModel::ProviderRole).toString() == QStringLiteral("TuS Harksheide-Nord von 1921 e.V."));
    CHECK(i.data(OfferListModel::CategoryRole).toString() == QStringLiteral("sports"));
    CHECK(i.data(OfferListModel::CategoryLabelRole).toString() == QStringLiteral("Sport und Bewegung"));
    CHECK(i.data(OfferListModel::SocialSpaceNameRole).toString() == QStringLiteral("Friedrichsgabe/Harksheide-Nord"));
    CHECK(i.data(OfferListModel::AgeLabelRole).toString() == QStringLiteral("6–10 Jahre"));
    CHECK(i.data(OfferListModel::CostLabelRole).toString() == QStringLiteral("Geringe Kosten"));
    CHECK(i.data(OfferListModel::AccessLabelRole).toString() == QStringLiteral("Niedrigschwellig"));
    CHECK(i.data(OfferListModel::LastVerifiedRole).toString() == QStringLiteral("2026-10-12"));  // 40 days before
    CHECK_FALSE(i.data(OfferListModel::StaleRole).toBool());
    const int old = f.model.rowOf(offerId(f.model, "Schwimmkurs Seepferdchen"));  // 700 days ago
    CHECK(f.model.index(old).data(OfferListModel::StaleRole).toBool());
    CHECK(f.model.roleNames().value(OfferListModel::IdRole) == "serviceId");

    // Sorted by name.
    const QStringList all = names(f.model);
    CHECK(all.indexOf(QStringLiteral("Alleinerziehenden-Treff")) < all.indexOf(QStringLiteral("Babymassage-Kurs")));
}

TEST_CASE("OfferListModel searches as you type, umlauts and all", "[offers]")
{
    Fixture f;
    QSignalSpy countSpy(&f.model, &OfferListModel::countChanged);
    QStringList seen;
    for (const QString& typed : {QStringLiteral("f"), QStringLiteral("fu"), QStringLiteral("fus"), QStringLiteral("fuss"),
                                 QStringLiteral("fussb"), QStringLiteral("fussba"), QStringLiteral("fussbal"),
                                 QStringLiteral("fussball")})
        f.model.setSearchText(typed);
    CHECK(names(f.model) == QStringList{QStringLiteral("Fußball für Kinder (F- und E-Jugend)"), QStringLiteral("Fußball-AG im Park"),
                                        QStringLiteral("Fußballschule SV Glashütte-Süd"), QStringLiteral("Mädchenfußball")});
    CHECK(countSpy.count() > 0);
    f.model.setSearchText(QStringLiteral("FUSSBALL MÄDCHEN"));
    CHECK(names(f.model) == QStringList{QStringLiteral("Mädchenfußball")});
    f.model.setSearchText(QStringLiteral("maedchenfussball"));
    CHECK(names(f.model) == QStringList{QStringLiteral("Mädchenfußball")});
    f.model.setSearchText(QStringLiteral("gibt es nicht"));
    CHECK(f.model.rowCount() == 0);
    f.model.setSearchText({});
    CHECK(f.model.rowCount() == f.model.totalCount());
}

TEST_CASE("OfferListModel filters by space, category, age, access and cost", "[offers]")
{
    Fixture f;
    const QString garstedt = spaceId(f.model, QStringLiteral("Garstedt"));
    QSignalSpy filterSpy(&f.model, &OfferListModel::filterChanged);

    f.model.setSocialSpace(garstedt);
    CHECK(f.model.filtering());
    for (int row = 0; row < f.model.rowCount(); ++row)
        CHECK(f.model.index(row).data(OfferListModel::SocialSpaceNameRole).toString() == QStringLiteral("Garstedt"));
    CHECK(f.model.rowCount() == f.model.catalogue().services_in(garstedt.toStdString()));
    CHECK(f.model.rowCount() == 17);

    f.model.setCategory(QStringLiteral("sports"));
    CHECK(names(f.model) == QStringList{QStringLiteral("Boxen gegen Gewalt"), QStringLiteral("Fußball-AG im Park")});
    f.model.setAgeFrom(6);
    f.model.setAgeTo(11);
    CHECK(names(f.model) == QStringList{QStringLiteral("Fußball-AG im Park")});  // boxing starts at 12
    f.model.clearFilters();
    CHECK_FALSE(f.model.filtering());
    CHECK(f.model.rowCount() == f.model.totalCount());

    f.model.setAccess(QStringLiteral("help_plan"));
    CHECK(f.model.rowCount() > 0);
    for (int row = 0; row < f.model.rowCount(); ++row)
        CHECK(f.model.index(row).data(OfferListModel::AccessRole).toString() == QStringLiteral("help_plan"));
    f.model.setAccess({});
    f.model.setFreeOnly(true);
    for (int row = 0; row < f.model.rowCount(); ++row)
        CHECK(f.model.index(row).data(OfferListModel::CostRole).toString() == QStringLiteral("free"));
    CHECK(filterSpy.count() == 8);
}

TEST_CASE("OfferListModel gives the schematic view its spaces and counts", "[offers][planning]")
{
    Fixture f;
    const QVariantList spaces = f.model.socialSpaces();
    REQUIRE(spaces.size() == 4);
    int offers = 0;
    for (const QVariant& v : spaces) {
        const QVariantMap s = v.toMap();
        offers += s.value(QStringLiteral("offers")).toInt();
        CHECK(s.value(QStringLiteral("outline")).toList().size() >= 3);
        CHECK(s.value(QStringLiteral("outline")).toList().front().canConvert<QPointF>());
    }
    CHECK(offers == f.model.totalCount());

    QStringList order;
    for (const QVariant& v : spaces)
        order << v.toMap().value(QStringLiteral("name")).toString();
    CHECK(order == QStringList{QStringLiteral("Friedrichsgabe/Harksheide-Nord"), QStringLiteral("Garstedt"),
                               QStringLiteral("Glashütte/Harksheide-Süd"), QStringLiteral("Harksheide-Mitte")});
    const QVariantMap garstedt = spaces.at(1).toMap();
    CHECK(garstedt.value(QStringLiteral("missing")).toInt() == 11);
    const QVariantList byCategory = garstedt.value(QStringLiteral("missingByCategory")).toList();
    REQUIRE(byCategory.size() == 3);
    CHECK(byCategory.front().toMap().value(QStringLiteral("label")).toString() == QStringLiteral("Kita und Tagespflege"));
    CHECK(byCategory.front().toMap().value(QStringLiteral("count")).toInt() == 6);
    CHECK(f.model.missingTotal() == 22);
}

TEST_CASE("OfferListModel offers a case form the map's social spaces, and keeps a case's own value", "[offers]")
{
    QTemporaryDir tmp;
    auto store = demoStore(tmp);
    OfferListModel model;
    model.setStore(store.get());
    const auto values = [](const QVariantList& choices) {
        QStringList out;
        for (const QVariant& c : choices) {
            CHECK(c.toMap().value(QStringLiteral("label")) == c.toMap().value(QStringLiteral("value")));
            out << c.toMap().value(QStringLiteral("value")).toString();
        }
        return out;
    };
    QStringList spaces;
    for (const QVariant& v : model.socialSpaces())
        spaces << v.toMap().value(QStringLiteral("name")).toString();
    REQUIRE(spaces.size() >= 2);

    CHECK(values(model.socialSpaceChoices()) == spaces);
    // A case naming a space of the map (by name, any case, or by id) adds nothing.
    CHECK(values(model.socialSpaceChoices(spaces[1])) == spaces);
    CHECK(values(model.socialSpaceChoices(spaces[1].toUpper())) == spaces);
    CHECK(values(model.socialSpaceChoices(spaceId(model, spaces[1]))) == spaces);
    // A case whose space the map does not know keeps it as a choice of its own, last.
    CHECK(values(model.socialSpaceChoices(QStringLiteral("Garstet"))) == spaces + QStringList{QStringLiteral("Garstet")});
    CHECK(values(model.socialSpaceChoices(QStringLiteral("  "))) == spaces);

    // A device without an offer map: no choices, the form takes typed text.
    QTemporaryDir empty;
    auto bare = qs::Store::create(std::filesystem::path(empty.filePath(QStringLiteral("store")).toStdString()),
                                  "eine Passphrase", quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
    REQUIRE(bare);
    OfferListModel none;
    none.setStore(bare->get());
    CHECK(none.socialSpaceChoices(QStringLiteral("Garstedt")).isEmpty());
}

TEST_CASE("OfferListModel gives the detail pane one offer", "[offers]")
{
    Fixture f;
    const QVariantMap grief = f.model.offer(offerId(f.model, "Trauergruppe für Kinder „Sternenzelt“"));
    CHECK(grief.value(QStringLiteral("providerName")).toString() == QStringLiteral("Trauerbegleitung Lebensbaum e.V."));
    CHECK(grief.value(QStringLiteral("providerKind")).toString() == QStringLiteral("Freier Träger"));
    CHECK(grief.value(QStringLiteral("socialSpaceName")).toString() == QStringLiteral("Harksheide-Mitte"));
    CHECK(grief.value(QStringLiteral("times")).toString() == QStringLiteral("jeden zweiten Mi 16:00–17:30 Uhr"));
    CHECK(grief.value(QStringLiteral("accessLabel")).toString() == QStringLiteral("Mit Anmeldung"));
    CHECK(grief.value(QStringLiteral("verifiedLabel")).toString() == QStringLiteral("Zuletzt geprüft am 22.09.2026"));
    CHECK(grief.value(QStringLiteral("inclusion")).toString().startsWith(QStringLiteral("Vorgespräch")));
    CHECK(f.model.offer(QStringLiteral("no-such-id")).isEmpty());
}

TEST_CASE("OfferListModel waits for a busy store and empties on lock", "[offers]")
{
    Fixture f;
    const int before = f.model.totalCount();
    f.model.setStoreBusy(true);
    {
        qo::Service s;
        s.name = "Neues Angebot";
        s.organization = f.model.catalogue().organizations().front().id;
        s.category = qo::Category::Group;
        s.social_space = f.model.catalogue().social_spaces().front().id;
        s.access = qo::Access::LowThreshold;
        REQUIRE(qo::save_service(*f.store, s, f.model.catalogue(), kToday));
    }
    f.model.refresh();  // the store is lent: no read now
    CHECK(f.model.totalCount() == before);
    f.model.setStoreBusy(false);
    CHECK(f.model.totalCount() == before + 1);

    QSignalSpy catalogueSpy(&f.model, &OfferListModel::catalogueChanged);
    f.model.setSearchText(QStringLiteral("kita"));
    f.model.setStore(nullptr);
    CHECK(f.model.rowCount() == 0);
    CHECK(f.model.totalCount() == 0);
    CHECK(f.model.socialSpaces().isEmpty());
    CHECK(catalogueSpy.count() == 1);
}

TEST_CASE("OfferEditController adds an offer and stamps it as verified today", "[offers][edit]")
{
    Fixture f;
    OfferEditController editor(f.model);
    editor.setStore(f.store.get());
    editor.setToday([] { return QDate(2026, 11, 21); });
    QSignalSpy savedSpy(&editor, &OfferEditController::saved);

    const QString garstedt = spaceId(f.model, QStringLiteral("Garstedt"));
    editor.startNew(garstedt);
    CHECK(editor.isNew());
    CHECK(editor.value(QStringLiteral("social_space")) == garstedt);
    editor.setValue(QStringLiteral("name"), QStringLiteral("Kochgruppe für Väter"));
    editor.setValue(QStringLiteral("organization"), QString::fromStdString(f.model.catalogue().organizations().front().id));
    editor.setValue(QStringLiteral("category"), QStringLiteral("group"));
    editor.setValue(QStringLiteral("access"), QStringLiteral("low_threshold"));
    editor.setValue(QStringLiteral("age_min"), QStringLiteral(" 18 "));
    editor.setValue(QStringLiteral("times"), QStringLiteral("Sa 10:00–13:00 Uhr"));
    editor.setValue(QStringLiteral("last_verified"), QStringLiteral("1999-01-01"));  // not a field one types: ignored
    REQUIRE(editor.save());
    REQUIRE(savedSpy.count() == 1);
    CHECK_FALSE(editor.editing());

    const QString id = savedSpy.front().front().toString();
    const qs::Record* r = f.store->get(id.toStdString());
    REQUIRE(r);
    CHECK(r->type == "service");
    CHECK(r->value("name") == std::optional<std::string>("Kochgruppe für Väter"));
    CHECK(r->value("age_min") == std::optional<std::string>("18"));
    CHECK(r->value("last_verified") == std::optional<std::string>(kToday));
    CHECK(r->value("social_space") == std::optional<std::string>(garstedt.toStdString()));
    CHECK_FALSE(r->value("age_max"));  // empty fields of a new offer are not written
    CHECK(f.model.rowOf(id) >= 0);     // the list re-read the store
}

TEST_CASE("OfferEditController shows German messages and writes nothing on bad input", "[offers][edit]")
{
    Fixture f;
    OfferEditController editor(f.model);
    editor.setStore(f.store.get());
    editor.setToday([] { return QDate(2026, 11, 21); });
    const QString id = offerId(f.model, "Jugendtreff Nord");
    REQUIRE(editor.startEdit(id));
    CHECK_FALSE(editor.isNew());
    CHECK(editor.value(QStringLiteral("times")) == QStringLiteral("Mo–Fr 14:00–20:00 Uhr"));
    const std::size_t ops = f.store->status().ops;

    editor.setValue(QStringLiteral("name"), QString());
    editor.setValue(QStringLiteral("age_min"), QStringLiteral("zehn"));
    editor.setValue(QStringLiteral("email"), QStringLiteral("treff at nord"));
    editor.setValue(QStringLiteral("times"), QStringLiteral("Mo–Fr 15:00–20:00 Uhr"));
    CHECK_FALSE(editor.save());
    CHECK(editor.editing());
    const QVariantMap errors = editor.errors();
    CHECK(errors.keys() == QStringList{QStringLiteral("age_min"), QStringLiteral("email"), QStringLiteral("name")});
    CHECK(errors.value(QStringLiteral("name")).toString() == QStringLiteral("Bitte ausfüllen."));
    CHECK(errors.value(QStringLiteral("age_min")).toString() == QStringLiteral("Bitte eine ganze Zahl eingeben, z. B. 6."));
    CHECK(editor.message() == QStringLiteral("Bitte prüfen Sie die markierten Angaben."));
    CHECK(f.store->status().ops == ops);

    // Fixing a field clears its message; the other values are still there.
    editor.setValue(QStringLiteral("name"), QStringLiteral("Jugendtreff Nord"));
    CHECK_FALSE(editor.errors().contains(QStringLiteral("name")));
    CHECK(editor.value(QStringLiteral("times")) == QStringLiteral("Mo–Fr 15:00–20:00 Uhr"));

    // A busy store (a sync running) refuses the write and keeps the values.
    editor.setValue(QStringLiteral("age_min"), QStringLiteral("10"));
    editor.setValue(QStringLiteral("email"), QString());
    editor.setStoreBusy(true);
    CHECK_FALSE(editor.save());
    CHECK(editor.message().contains(QStringLiteral("synchronisiert")));
    CHECK(f.store->status().ops == ops);
    editor.setStoreBusy(false);
    REQUIRE(editor.save());
    // The correction wrote what changed: times, last_verified (stamped today).
    CHECK(f.store->status().ops == ops + 2);
    CHECK(f.model.offer(id).value(QStringLiteral("times")).toString() == QStringLiteral("Mo–Fr 15:00–20:00 Uhr"));

    CHECK_FALSE(editor.startEdit(QStringLiteral("no-such-id")));
    CHECK_FALSE(editor.editing());
}

TEST_CASE("OfferEditController drops what it holds on lock", "[offers][edit]")
{
    Fixture f;
    OfferEditController editor(f.model);
    editor.setStore(f.store.get());
    editor.startNew();
    editor.setValue(QStringLiteral("name"), QStringLiteral("Entwurf"));
    editor.setStore(nullptr);
    CHECK_FALSE(editor.editing());
    CHECK(editor.values().isEmpty());
}
