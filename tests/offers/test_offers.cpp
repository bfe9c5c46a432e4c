// The offer records: round trips through the sealed store, the validation table, writes of only
// what changed, nothing written on bad input, the planner's missing/wanted counts, the demo data.
#include "offers_test_util.h"

#include "offers/demo_offers.h"
#include "offers/normalize.h"

#include "crypto/crypto.h"

#include <functional>
#include <set>

using namespace quartier;
using namespace quartier::offers;
using quartier::test::kToday;

TEST_CASE("An offer survives the store and a reopen unchanged", "[offers]")
{
    test::TempDir dir;
    Service saved;
    {
        auto store = test::make_store(dir);
        const Catalogue c = test::small_catalogue(*store);
        saved = test::valid_service(c);
        auto id = save_service(*store, saved, c, kToday);
        REQUIRE(id);
        saved.id = *id;
    }
    auto store = sync::Store::open(dir / "store", "eine Passphrase");
    REQUIRE(store);
    const Catalogue c = Catalogue::load(**store);
    REQUIRE(c.services().size() == 1);
    CHECK(c.services()[0] == saved);
    CHECK(c.service(saved.id) == &c.services()[0]);
    REQUIRE(c.social_spaces().size() == 1);
    CHECK(c.social_spaces()[0].outline == std::vector<Point>{{0, 0}, {1, 0}, {1, 1}});
    CHECK(c.social_spaces()[0].region == "Süd");
    REQUIRE(c.organizations().size() == 1);
    CHECK(c.organizations()[0].kind == OrgKind::Club);
}

TEST_CASE("Unset optional fields stay unset after a round trip", "[offers]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    const Catalogue c = test::small_catalogue(*store);
    Service s;
    s.name = "Elterncafé";
    s.organization = c.organizations()[0].id;
    s.category = Category::FamilyCentre;
    s.social_space = c.social_spaces()[0].id;
    s.access = Access::LowThreshold;
    auto id = save_service(*store, s, c, kToday);
    REQUIRE(id);
    const Catalogue loaded = Catalogue::load(*store);
    const Service* back = loaded.service(*id);
    REQUIRE(back);
    CHECK_FALSE(back->age_min);
    CHECK_FALSE(back->age_max);
    CHECK_FALSE(back->cost);
    CHECK(back->last_verified.empty());
    // Only the set fields were written: five ops for five fields.
    CHECK(store->get(*id)->fields.size() == 5);
}

TEST_CASE("A correction writes only the changed fields", "[offers]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    const Catalogue c = test::small_catalogue(*store);
    Service s = test::valid_service(c);
    auto id = save_service(*store, s, c, kToday);
    REQUIRE(id);
    s.id = *id;

    const std::size_t before = store->status().ops;
    REQUIRE(save_service(*store, s, c, kToday));  // nothing changed: nothing written
    CHECK(store->status().ops == before);

    s.times = "Mi 16:00–17:30 Uhr";
    s.age_max.reset();  // cleared: stored as ""
    REQUIRE(save_service(*store, s, c, kToday));
    CHECK(store->status().ops == before + 2);
    const Catalogue loaded = Catalogue::load(*store);
    const Service* back = loaded.service(*id);
    REQUIRE(back);
    CHECK(back->times == "Mi 16:00–17:30 Uhr");
    CHECK_FALSE(back->age_max);
    CHECK(back->age_min == 6);
}

TEST_CASE("A correction of an unknown or foreign record is refused", "[offers]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    const Catalogue c = test::small_catalogue(*store);
    Service s = test::valid_service(c);
    s.id = c.organizations()[0].id;  // an organization, not a service
    auto r = save_service(*store, s, c, kToday);
    REQUIRE_FALSE(r);
    CHECK(r.error() == Error::NotFound);
    s.id = "0123456789abcdef0123456789abcdef";
    r = save_service(*store, s, c, kToday);
    REQUIRE_FALSE(r);
    CHECK(r.error() == Error::NotFound);
}

namespace {

struct Row {
    const char* what;
    std::function<void(Service&)> change;
    std::vector<FieldError> expected;
};

}  // namespace

TEST_CASE("Validation names the field and the reason", "[offers][validation]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    const Catalogue c = test::small_catalogue(*store);
    const Service valid = test::valid_service(c);
    REQUIRE(validate(valid, c, kToday).empty());

    const std::vector<Row> rows = {
        {"no name", [](Service& s) { s.name = "  "; }, {{"name", Reason::Required}}},
        {"long name", [](Service& s) { s.name = std::string(kMaxName + 1, 'a'); }, {{"name", Reason::TooLong}}},
        {"no provider", [](Service& s) { s.organization.clear(); }, {{"organization", Reason::Required}}},
        {"unknown provider", [](Service& s) { s.organization = "nope"; }, {{"organization", Reason::UnknownReference}}},
        {"no category", [](Service& s) { s.category.reset(); }, {{"category", Reason::Required}}},
        {"no space", [](Service& s) { s.social_space.clear(); }, {{"social_space", Reason::Required}}},
        {"unknown space", [](Service& s) { s.social_space = "Atlantis"; }, {{"social_space", Reason::UnknownReference}}},
        {"negative age", [](Service& s) { s.age_min = -1; }, {{"age_min", Reason::OutOfRange}}},
        {"age 100", [](Service& s) { s.age_max = 100; }, {{"age_max", Reason::OutOfRange}}},
        {"min above max", [](Service& s) { s.age_min = 12; s.age_max = 6; }, {{"age_max", Reason::MinAboveMax}}},
        {"no access", [](Service& s) { s.access.reset(); }, {{"access", Reason::Required}}},
        {"bad date", [](Service& s) { s.last_verified = "2026-02-30"; }, {{"last_verified", Reason::InvalidDate}}},
        {"german date", [](Service& s) { s.last_verified = "21.11.2026"; }, {{"last_verified", Reason::InvalidDate}}},
        {"future date", [](Service& s) { s.last_verified = "2026-11-22"; }, {{"last_verified", Reason::FutureDate}}},
        {"bad e-mail", [](Service& s) { s.email = "info at verein"; }, {{"email", Reason::InvalidEmail}}},
        {"e-mail without domain", [](Service& s) { s.email = "info@verein"; }, {{"email", Reason::InvalidEmail}}},
        {"bad phone", [](Service& s) { s.phone = "ruf an"; }, {{"phone", Reason::InvalidPhone}}},
        {"bad website", [](Service& s) { s.website = "verein.example.org"; }, {{"website", Reason::InvalidUrl}}},
        {"long description", [](Service& s) { s.description = std::string(kMaxText + 1, 'x'); },
         {{"description", Reason::TooLong}}},
        {"two at once", [](Service& s) { s.name.clear(); s.email = "x"; },
         {{"name", Reason::Required}, {"email", Reason::InvalidEmail}}},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        Service s = valid;
        row.change(s);
        CHECK(validate(s, c, kToday) == row.expected);
    }
}

TEST_CASE("Valid edge values pass validation", "[offers][validation]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    const Catalogue c = test::small_catalogue(*store);
    Service s = test::valid_service(c);
    s.age_min = 0;
    s.age_max = 0;
    s.last_verified = "2024-02-29";  // a leap day
    s.phone = "+49 (40) 555-04/00";
    s.email.clear();
    s.website.clear();
    CHECK(validate(s, c, kToday).empty());
    s.last_verified = kToday;
    CHECK(validate(s, c, kToday).empty());
}

TEST_CASE("Invalid input writes nothing and says why", "[offers][validation]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    const Catalogue c = test::small_catalogue(*store);
    Service s = test::valid_service(c);
    auto id = save_service(*store, s, c, kToday);
    REQUIRE(id);
    s.id = *id;
    const std::size_t ops = store->status().ops;

    s.name = "Neuer Name";
    s.age_min = 14;
    s.age_max = 3;
    auto r = save_service(*store, s, c, kToday);
    REQUIRE_FALSE(r);
    CHECK(r.error() == Error::Invalid);
    CHECK(r.detail() == "age_max: min_above_max");
    CHECK(store->status().ops == ops);
    CHECK(Catalogue::load(*store).service(*id)->name == "Fußball für Kinder");  // the valid change was not half-written
}

TEST_CASE("Organizations and social spaces are validated", "[offers][validation]")
{
    CHECK(validate(Organization{{}, "", std::nullopt, "", "12", "a@b", "ftp://x"}) ==
          std::vector<FieldError>{{"name", Reason::Required}, {"kind", Reason::Required}, {"phone", Reason::InvalidPhone},
                                  {"email", Reason::InvalidEmail}, {"website", Reason::InvalidUrl}});
    CHECK(validate(SocialSpace{{}, "Garstedt", "Süd", {{0, 0}, {2, 0}, {1, 1}}}) ==
          std::vector<FieldError>{{"outline", Reason::InvalidOutline}});
    CHECK_FALSE(parse_outline("0,0 1,1"));   // two points are no area
    CHECK_FALSE(parse_outline("0,0 1;1 1,0"));
    CHECK(parse_outline("0,0 1,0 0.5,1")->size() == 3);
}

TEST_CASE("Missing and wanted answers are counted per social space and category", "[offers][planning]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    const Catalogue c = test::small_catalogue(*store);
    const std::string garstedt = c.social_spaces()[0].id;
    sync::Writer w(*store);
    const auto feedback = [&](const std::string& status, const std::string& space, const std::string& category) {
        auto id = w.set(kFeedbackType, {}, "status", status);
        REQUIRE(id);
        REQUIRE(w.set(kFeedbackType, *id, "social_space", space));
        if (!category.empty())
            REQUIRE(w.set(kFeedbackType, *id, "category", category));
    };
    feedback(kMissingWanted, garstedt, "daycare");
    feedback(kMissingWanted, garstedt, "daycare");
    feedback(kMissingWanted, "garstedt", "sports");      // by name, as older case records hold it
    feedback(kMissingWanted, garstedt, "");               // no category
    feedback(kMissingWanted, garstedt, "leisure");        // an older id: counted under its successor
    feedback(kMissingWanted, garstedt, "childcare");      // an older id of daycare
    feedback(kMissingWanted, garstedt, "other");          // fits no offer category
    feedback(kMissingWanted, garstedt, "carsharing");     // not in the vocabulary: counted as recorded
    feedback(kMissingWanted, "Atlantis", "sports");       // no such space
    feedback("used", garstedt, "daycare");                // not a gap
    REQUIRE(w.commit());

    const Catalogue loaded = Catalogue::load(*store);
    const std::map<std::string, int> expected{{"", 1},      {"carsharing", 1}, {"culture", 1},
                                              {"daycare", 3}, {"other", 1},      {"sports", 1}};
    CHECK(loaded.missing().at(garstedt) == expected);
    CHECK(loaded.missing_in(garstedt) == 8);
    CHECK(loaded.unplaced_missing() == 1);
    CHECK(loaded.missing_in("other") == 0);
}

TEST_CASE("The demo directory has Norderstedt's spaces, fifteen providers and sixty valid offers", "[offers][demo]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    auto summary = seed_demo_offers(*store, kToday);
    REQUIRE(summary);
    CHECK(summary->social_spaces == 4);
    CHECK(summary->organizations >= 15);
    CHECK(summary->services >= 55);
    CHECK(summary->feedback > 0);

    const Catalogue c = Catalogue::load(*store);
    CHECK(c.services().size() == summary->services);
    std::set<std::string> names, regions;
    for (const SocialSpace& s : c.social_spaces()) {
        names.insert(s.name);
        regions.insert(s.region);
        CHECK(s.outline.size() >= 3);
        CHECK(c.services_in(s.id) >= 10);  // every space has its offers
    }
    CHECK(names == std::set<std::string>{"Friedrichsgabe/Harksheide-Nord", "Harksheide-Mitte", "Garstedt",
                                         "Glashütte/Harksheide-Süd"});
    CHECK(regions == std::set<std::string>{"Nord", "Süd"});
    std::set<Category> categories;
    std::set<Access> accesses;
    for (const Service& s : c.services()) {
        INFO(s.name);
        CHECK(validate(s, c, kToday).empty());
        categories.insert(*s.category);
        accesses.insert(*s.access);
    }
    CHECK(categories.size() == all_categories().size());
    CHECK(accesses.size() == all_accesses().size());

    // Demo data never mixes into a directory that exists.
    auto again = seed_demo_offers(*store, kToday);
    REQUIRE_FALSE(again);
    CHECK(again.error() == Error::Invalid);
    CHECK(Catalogue::load(*store).services().size() == summary->services);
}

TEST_CASE("Generated offers are valid, as many as asked and the same for a seed", "[offers][demo]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    REQUIRE(seed_demo_offers(*store, kToday));
    const Catalogue c = Catalogue::load(*store);
    const auto a = generate_offers(c, 500, 7, kToday);
    const auto b = generate_offers(c, 500, 7, kToday);
    const auto other = generate_offers(c, 500, 8, kToday);
    REQUIRE(a.size() == 500);
    CHECK(a == b);
    CHECK(a != other);
    for (const Service& s : a)
        CHECK(validate(s, c, kToday).empty());

    auto written = seed_generated_offers(*store, 250, 1, kToday, 100);
    REQUIRE(written);
    CHECK(*written == 250);
    CHECK(Catalogue::load(*store).services().size() == c.services().size() + 250);
}

TEST_CASE("Dates count back across months and leap days", "[offers][demo]")
{
    CHECK(days_before("2026-03-01", 1) == "2026-02-28");
    CHECK(days_before("2024-03-01", 1) == "2024-02-29");
    CHECK(days_before("2026-01-01", 1) == "2025-12-31");
    CHECK(days_before("2026-11-21", 0) == "2026-11-21");
    CHECK(days_before("not a date", 3).empty());
}

TEST_CASE("One category vocabulary serves offers and offer feedback, older ids read as their successors", "[offers]")
{
    for (Category c : all_categories()) {
        INFO(to_id(c));
        CHECK(category_from_id(to_id(c)) == c);
        CHECK(feedback_category(to_id(c)) == std::optional<std::string>(std::string(to_id(c))));
    }
    const std::map<std::string, Category> former{{"family_education", Category::FamilyCentre},
                                                 {"childcare", Category::Daycare},
                                                 {"leisure", Category::Culture},
                                                 {"learning", Category::School}};
    for (const auto& [id, successor] : former) {
        INFO(id);
        CHECK(category_from_id(id) == successor);
        CHECK(feedback_category(id) == std::optional<std::string>(std::string(to_id(successor))));
    }
    CHECK(feedback_category(kOtherCategory) == std::optional<std::string>("other"));
    CHECK(feedback_category("") == std::optional<std::string>(""));
    CHECK_FALSE(feedback_category("carsharing"));
    CHECK_FALSE(category_from_id("other"));  // an offer has a real category; only feedback says "other"

    // A service stored with an older id reads as its successor, and a correction writes the
    // current id.
    test::TempDir dir;
    auto store = test::make_store(dir);
    const Catalogue c = test::small_catalogue(*store);
    Service s = test::valid_service(c);
    auto id = save_service(*store, s, c, kToday);
    REQUIRE(id);
    sync::Writer w(*store);
    REQUIRE(w.set(kServiceType, *id, "category", "family_education"));
    REQUIRE(w.commit());
    Catalogue loaded = Catalogue::load(*store);
    REQUIRE(loaded.service(*id));
    CHECK(loaded.service(*id)->category == Category::FamilyCentre);
    REQUIRE(save_service(*store, *loaded.service(*id), loaded, kToday));
    CHECK(store->get(*id)->value("category") == std::optional<std::string>("family_centre"));
}

TEST_CASE("The offer map is written into one directory scope, founded by the first new record", "[offers][scope]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    CHECK_FALSE(offer_scope(*store));
    const Catalogue c = test::small_catalogue(*store);  // founds it
    const auto scope = offer_scope(*store);
    REQUIRE(scope);
    CHECK(*scope != store->default_scope());
    CHECK(store->setting(kOfferScopeSetting) == std::optional<std::string>(crypto::to_hex(*scope)));
    CHECK(store->setting("scope_kind:" + crypto::to_hex(*scope)) == std::optional<std::string>("directory"));
    CHECK(store->get(c.social_spaces()[0].id)->scope == *scope);
    CHECK(store->get(c.organizations()[0].id)->scope == *scope);

    auto id = save_service(*store, test::valid_service(c), c, kToday);
    REQUIRE(id);
    CHECK(store->get(*id)->scope == *scope);
    const std::size_t scopes = store->scope_keys().size();
    auto demo = seed_generated_offers(*store, 20, 3, kToday, 10);
    REQUIRE(demo);
    for (const sync::Record* r : store->list(kServiceType)) CHECK(r->scope == *scope);
    CHECK(store->scope_keys().size() == scopes);  // no second one

    // A correction stays where the record is; the scope is found again after a reopen.
    Service s = *Catalogue::load(*store).service(*id);
    s.times = "Mi 16:00–17:30 Uhr";
    REQUIRE(save_service(*store, s, Catalogue::load(*store), kToday));
    CHECK(store->get(*id)->scope == *scope);
    store.reset();
    auto reopened = sync::Store::open(dir / "store", "eine Passphrase");
    REQUIRE(reopened);
    CHECK(offer_scope(**reopened) == scope);
}

TEST_CASE("Without the setting a device finds the directory scope it holds, and never a case scope", "[offers][scope]")
{
    test::TempDir dir;
    auto store = test::make_store(dir);
    auto case_scope = store->create_scope();
    REQUIRE(case_scope);
    REQUIRE(store->set_setting("scope_kind:" + crypto::to_hex(*case_scope), "case"));
    CHECK_FALSE(offer_scope(*store));  // a case scope is no offer map
    auto received = store->create_scope();  // as a directory-kind key a colleague shared would be
    REQUIRE(received);
    REQUIRE(store->set_setting("scope_kind:" + crypto::to_hex(*received), "directory"));
    CHECK(offer_scope(*store) == *received);
    auto found = ensure_offer_scope(*store);
    REQUIRE(found);
    CHECK(*found == *received);
    CHECK(store->setting(kOfferScopeSetting) == std::optional<std::string>(crypto::to_hex(*received)));
}
