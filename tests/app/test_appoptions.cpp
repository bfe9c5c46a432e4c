// The quartier command line and the language choice.
#include "adapters/appoptions.h"

#include <catch2/catch.hpp>

#include <QTranslator>

using namespace quartier::app;

TEST_CASE("parseOptions", "[options]")
{
    const auto parse = [](QStringList args) {
        args.prepend(QStringLiteral("quartier"));
        return parseOptions(args);
    };
    AppOptions o = parse({});
    CHECK(o.error.isEmpty());
    CHECK(o.storeDir.isEmpty());
    CHECK_FALSE(o.selfTest);

    o = parse({QStringLiteral("--store"), QStringLiteral("/tmp/x"), QStringLiteral("--lang"), QStringLiteral("EN")});
    CHECK(o.error.isEmpty());
    CHECK(o.storeDir == QStringLiteral("/tmp/x"));
    CHECK(o.language == QStringLiteral("en"));

    CHECK(parse({QStringLiteral("--self-test")}).selfTest);
    CHECK(parse({QStringLiteral("--screenshot"), QStringLiteral("out")}).screenshotDir == QStringLiteral("out"));
    CHECK_FALSE(parse({QStringLiteral("--lang"), QStringLiteral("fr")}).error.isEmpty());
    CHECK_FALSE(parse({QStringLiteral("--bogus")}).error.isEmpty());
    CHECK_FALSE(parse({QStringLiteral("stray")}).error.isEmpty());
    CHECK_FALSE(parse({QStringLiteral("--self-test"), QStringLiteral("--screenshot"), QStringLiteral("x")}).error.isEmpty());
}

TEST_CASE("headlessRequested", "[options]")
{
    char prog[] = "quartier";
    char selfTest[] = "--self-test";
    char shot[] = "--screenshot=out";
    char other[] = "--store";
    char* a[] = {prog, selfTest};
    char* b[] = {prog, shot};
    char* c[] = {prog, other};
    CHECK(headlessRequested(2, a));
    CHECK(headlessRequested(2, b));
    CHECK_FALSE(headlessRequested(2, c));
}

TEST_CASE("English when asked for or when the system speaks it", "[options]")
{
    CHECK(wantsEnglish(QStringLiteral("en"), QLocale(QLocale::German, QLocale::Germany)));
    CHECK_FALSE(wantsEnglish(QStringLiteral("de"), QLocale(QLocale::English, QLocale::UnitedStates)));
    CHECK(wantsEnglish({}, QLocale(QLocale::English, QLocale::UnitedKingdom)));
    CHECK_FALSE(wantsEnglish({}, QLocale(QLocale::German, QLocale::Germany)));
    CHECK_FALSE(wantsEnglish({}, QLocale::c()));
}

TEST_CASE("the English translation ships and translates C++ and QML strings", "[options][i18n]")
{
    QTranslator translator;
    REQUIRE(loadEnglish(translator));
    CHECK(translator.translate("quartier::app::SessionController", "Passphrase falsch. Bitte versuchen Sie es erneut.") ==
          QStringLiteral("Wrong passphrase. Please try again."));
    CHECK(translator.translate("CaseListPage", "Noch keine Fälle") == QStringLiteral("No cases yet"));
    CHECK(translator.translate("UnlockPage", "Entsperren") == QStringLiteral("Unlock"));
}
