// The offer search: folding (case, umlauts, ß, hyphens), matching over the demo directory,
// filters, and incremental narrowing giving exactly what a fresh search gives.
#include "offers_test_util.h"

#include "offers/demo_offers.h"
#include "offers/normalize.h"
#include "offers/search.h"

#include <algorithm>
#include <set>

using namespace quartier;
using namespace quartier::offers;
using quartier::test::kToday;

TEST_CASE("Folding ignores case, umlauts, sharp s, accents and hyphens", "[offers][search]")
{
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Fußball", "fussball"},
        {"FUSSBALL", "fussball"},
        {"Größe", "grosse"},
        {"ÄÖÜ äöü", "aou aou"},
        {"GROẞ", "gross"},
        {"Café Crème", "cafe creme"},
        {"Eltern-Kind-Gruppe", "elternkindgruppe"},
        {"e.V.", "ev"},
        {"  Mädchen,  Treff (Mi) ", "madchen treff mi"},
        {"Mo–Fr 9:00", "mo fr 9 00"},
        {"„Sternenzelt“", "sternenzelt"},
        {"Kinder\u00ADgarten", "kindergarten"},
        {"bad \xff utf8", "bad utf8"},
        {"şule", "şule"},  // other letters pass through unchanged
        {"", ""},
    };
    for (const auto& [in, out] : rows) {
        INFO(in);
        CHECK(fold(in) == out);
    }
    CHECK(fold("Mädchen für Jugendliche", Umlauts::Transcribed) == "maedchen fuer jugendliche");
    CHECK(fold_for_index("Fußball") == "fussball");  // no umlaut: one form
    CHECK(fold_for_index("Müller") == "muller\nmueller");
}

namespace {

struct Demo {
    test::TempDir dir;
    std::unique_ptr<sync::Store> store = test::make_store(dir);
    Catalogue catalogue;
    Demo()
    {
        REQUIRE(seed_demo_offers(*store, kToday));
        catalogue = Catalogue::load(*store);
    }
    std::set<std::string> names(const std::vector<std::uint32_t>& positions) const
    {
        std::set<std::string> out;
        for (std::uint32_t p : positions)
            out.insert(catalogue.services()[p].name);
        return out;
    }
    std::string space(const std::string& name) const
    {
        for (const SocialSpace& s : catalogue.social_spaces())
            if (s.name == name)
                return s.id;
        FAIL("no space " << name);
        return {};
    }
};

}  // namespace

TEST_CASE("Typing without umlauts or sharp s finds the offers written with them", "[offers][search]")
{
    Demo demo;
    SearchIndex index(demo.catalogue);
    CHECK(index.size() == demo.catalogue.services().size());

    const std::set<std::string> football{"Fußball für Kinder (F- und E-Jugend)", "Mädchenfußball",
                                         "Fußball-AG im Park", "Fußballschule SV Glashütte-Süd"};
    for (const char* query : {"fussball", "Fußball", "FUSSBALL", "fußb"}) {
        INFO(query);
        CHECK(demo.names(index.search(query, {})) == football);
    }
    // Both ways of typing an umlaut: "madchen" and "maedchen" find "Mädchen…".
    for (const char* query : {"madchen", "maedchen", "Mädchen"}) {
        INFO(query);
        const auto found = demo.names(index.search(query, {}));
        CHECK(found.count("Mädchentreff Garstedt") == 1);
        CHECK(found.count("Mädchenfußball") == 1);
    }
    // Every token must match, anywhere: a name word and a provider word.
    CHECK(demo.names(index.search("trauer kinder", {})) == std::set<std::string>{"Trauergruppe für Kinder „Sternenzelt“"});
    CHECK(demo.names(index.search("kochgruppe eltern", {})) == std::set<std::string>{"Kochgruppe für Eltern"});
    // The inclusion notes are searched too.
    CHECK(demo.names(index.search("autismus", {})) == std::set<std::string>{"Fußball für Kinder (F- und E-Jugend)"});
    // Category words: "kita" finds the day-care centres, whatever their name.
    CHECK(demo.names(index.search("kita", {})).size() >= 4);
    CHECK(index.search("quidditch", {}).empty());
    CHECK(index.search("", {}).size() == demo.catalogue.services().size());
}

TEST_CASE("Filters narrow by category, social space, access, cost and age", "[offers][search]")
{
    Demo demo;
    SearchIndex index(demo.catalogue);
    const auto& services = demo.catalogue.services();

    Filter sportsInGarstedt;
    sportsInGarstedt.category = Category::Sports;
    sportsInGarstedt.social_space = demo.space("Garstedt");
    CHECK(demo.names(index.search("", sportsInGarstedt)) ==
          std::set<std::string>{"Boxen gegen Gewalt", "Fußball-AG im Park"});
    CHECK(demo.names(index.search("fussball", sportsInGarstedt)) == std::set<std::string>{"Fußball-AG im Park"});

    Filter viaHelpPlan;
    viaHelpPlan.access = Access::HelpPlan;
    for (std::uint32_t p : index.search("", viaHelpPlan))
        CHECK(services[p].access == Access::HelpPlan);

    // Each filter alone against the offers' own fields: exactly the offers that fit are kept.
    struct Case {
        const char* what;
        Filter filter;
        std::function<bool(const Service&)> fits;
    };
    Filter freeOnly;
    freeOnly.max_cost = Cost::Free;
    Filter cheap;
    cheap.max_cost = Cost::Low;
    Filter babies;
    babies.age_from = 0;
    babies.age_to = 1;
    Filter teens;
    teens.age_from = 12;
    teens.age_to = 17;
    const std::vector<Case> cases = {
        {"free", freeOnly, [](const Service& s) { return s.cost == Cost::Free; }},
        {"free or low", cheap, [](const Service& s) { return s.cost == Cost::Free || s.cost == Cost::Low; }},
        {"0 to 1", babies, [](const Service& s) { return s.age_min.value_or(0) <= 1 && s.age_max.value_or(99) >= 0; }},
        {"12 to 17", teens, [](const Service& s) { return s.age_min.value_or(0) <= 17 && s.age_max.value_or(99) >= 12; }},
        {"help plan", viaHelpPlan, [](const Service& s) { return s.access == Access::HelpPlan; }},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const auto found = index.search("", c.filter);
        std::vector<std::uint32_t> expected;
        for (std::uint32_t p = 0; p < services.size(); ++p)
            if (c.fits(services[p]))
                expected.push_back(p);
        CHECK(found == expected);
        CHECK_FALSE(found.empty());
        CHECK(found.size() < services.size());
    }

    Filter nowhere;
    nowhere.social_space = "no-such-space";
    CHECK(index.search("", nowhere).empty());
}

TEST_CASE("Typing narrows the last answer and deleting goes back to an earlier one", "[offers][search]")
{
    Demo demo;
    SearchIndex index(demo.catalogue);
    CHECK(index.search("f", {}).size() > 0);
    CHECK(index.last_path() == SearchIndex::Path::Full);
    CHECK(index.last_scanned() == index.size());
    const std::size_t afterF = index.results().size();

    index.search("fu", {});
    CHECK(index.last_path() == SearchIndex::Path::Narrowed);
    CHECK(index.last_scanned() == afterF);  // only what still matched "f"
    index.search("fuß", {});
    CHECK(index.last_path() == SearchIndex::Path::Narrowed);
    const auto football = index.results();

    index.search("fu", {});  // backspace
    CHECK(index.last_path() == SearchIndex::Path::Cached);
    CHECK(index.last_scanned() == 0);
    index.search("fuss", {});  // "ß" typed as "ss": the same answer, narrowed from "fu" again
    CHECK(index.last_path() == SearchIndex::Path::Narrowed);
    CHECK(index.results() == football);
    index.search("fuß", {});  // and the same query folded: answered from the cache
    CHECK(index.last_path() == SearchIndex::Path::Cached);

    index.search("kita", {});  // a new word: from all offers again
    CHECK(index.last_path() == SearchIndex::Path::Full);
}

TEST_CASE("Searching as you type gives what a fresh search gives", "[offers][search]")
{
    Demo demo;
    Catalogue big = demo.catalogue;
    for (Service s : generate_offers(demo.catalogue, 3000, 42, kToday)) {
        s.id = "gen" + std::to_string(big.services().size());
        big.add(std::move(s));
    }
    big.sort();
    SearchIndex typed(big);
    Filter filter;
    filter.max_cost = Cost::Low;
    // Type, delete and retype, as a person does; after every key the answer must equal that of
    // an index that never saw the earlier keys.
    const std::vector<std::string> keystrokes = {
        "k", "ki", "kin", "kind", "kinde", "kinder", "kinder ", "kinder g", "kinder gr", "kinder g", "kinder ",
        "kinder f", "kinder fu", "kinder fuß", "kinder fu", "kinder", "kind", "", "Ü", "Üb", "ü", "spr", "sprach",
        "sprachcafé", "sprachcafe garstedt"};
    for (const std::string& q : keystrokes) {
        INFO(q);
        SearchIndex fresh(big);
        CHECK(typed.search(q, filter) == fresh.search(q, filter));
        CHECK(typed.search(q, {}) == fresh.search(q, {}));
    }
}

TEST_CASE("The index copies the catalogue", "[offers][search]")
{
    SearchIndex index;
    {
        Demo demo;
        index = SearchIndex(demo.catalogue);
    }
    CHECK(index.search("jugendtreff", {}).size() > 0);
    SearchIndex empty;
    CHECK(empty.search("x", {}).empty());
}
