// Command line and start-up choices of the quartier executable: store directory, language,
// self-test and screenshot modes. Parsed once in main.cpp, then passed on as plain values.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QTranslator;

namespace quartier::app {

// What the command line asked for.
struct AppOptions {
    QString storeDir;       // --store DIR; empty: defaultStoreDir()
    QString language;       // --lang de|en; empty: from the system locale
    QString screenshotDir;  // --screenshot DIR: render the screens into DIR and exit
    bool selfTest = false;  // --self-test: load every QML page, exit non-zero on any QML warning
    QString error;          // a usage error (already worded for the user); empty when fine
};

AppOptions parseOptions(const QStringList& arguments);

// True if argv asks for a mode that needs no screen (--self-test, --screenshot, --help,
// --version). Checked before the QGuiApplication exists, so such runs default to offscreen.
bool headlessRequested(int argc, char** argv);

// AppDataLocation + "/store".
QString defaultStoreDir();

// True if the UI should be English: `--lang en`, or no --lang and an English system locale.
bool wantsEnglish(const QString& language, const QLocale& system);

// Loads the English translation from the resources (":/i18n/quartier_en.qm") into `translator`.
bool loadEnglish(QTranslator& translator);

}  // namespace quartier::app
