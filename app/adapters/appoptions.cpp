#include "adapters/appoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTranslator>

#include <cstring>

namespace quartier::app {

AppOptions parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Quartier – sozialraumorientierte Fallarbeit"));
    const QCommandLineOption store(QStringLiteral("store"),
                                   QCoreApplication::translate("main", "Verzeichnis des Datenspeichers."),
                                   QStringLiteral("dir"));
    const QCommandLineOption lang(QStringLiteral("lang"), QCoreApplication::translate("main", "Sprache: de oder en."),
                                  QStringLiteral("code"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QCoreApplication::translate("main", "Alle Seiten laden und prüfen, dann beenden."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QCoreApplication::translate("main", "Bildschirmfotos in DIR ablegen, dann beenden."),
                                        QStringLiteral("dir"));
    parser.addOptions({store, lang, selfTest, screenshot});
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    AppOptions options;
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(help))
        parser.showHelp();  // exits
    if (parser.isSet(version))
        parser.showVersion();  // exits
    if (!parser.positionalArguments().isEmpty())
        options.error = QCoreApplication::translate("main", "Unbekanntes Argument: %1").arg(parser.positionalArguments().first());
    options.storeDir = parser.value(store);
    options.language = parser.value(lang).toLower();
    options.selfTest = parser.isSet(selfTest);
    options.screenshotDir = parser.value(screenshot);
    if (!options.language.isEmpty() && options.language != QLatin1String("de") && options.language != QLatin1String("en"))
        options.error = QCoreApplication::translate("main", "Unbekannte Sprache: %1 (de oder en)").arg(options.language);
    if (options.selfTest && !options.screenshotDir.isEmpty())
        options.error = QCoreApplication::translate("main", "--self-test und --screenshot schließen sich aus.");
    return options;
}

bool headlessRequested(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (std::strcmp(a, "--self-test") == 0 || std::strcmp(a, "--screenshot") == 0 ||
            std::strncmp(a, "--screenshot=", 13) == 0 || std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0 ||
            std::strcmp(a, "--version") == 0 || std::strcmp(a, "-v") == 0)
            return true;
    }
    return false;
}

QString defaultStoreDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/store");
}

bool wantsEnglish(const QString& language, const QLocale& system)
{
    if (!language.isEmpty())
        return language == QLatin1String("en");
    return system.language() == QLocale::English;
}

bool loadEnglish(QTranslator& translator)
{
    return translator.load(QStringLiteral(":/i18n/quartier_en.qm"));
}

}  // namespace quartier::app
