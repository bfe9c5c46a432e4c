// The UI language: German (the source strings) or English (i18n/quartier_en.ts), switched live
// from the settings and remembered in QSettings ("ui/language"), never any personal data.
//
// States
//   German  --setLanguage("en")--> English   translator installed, engine retranslated
//   English --setLanguage("de")--> German    translator removed, engine retranslated
//
// Which language a start uses: --lang on the command line, else the remembered choice, else the
// system's language (English for an English system, German otherwise).
//
// Invariants
//   1. The translator is installed exactly while the language is English.
//   2. A change is written to QSettings before languageChanged() is emitted; texts made in C++
//      (model labels) are refreshed by whoever listens to languageChanged() (main.cpp).
#pragma once

#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QString>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;

namespace quartier::app {

// Switches the translation; QML sees it as the singleton Language.
class LanguageController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Language singleton.")
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

public:
    static constexpr auto kSettingsKey = "ui/language";

    // `settings` may be null (nothing remembered); it must outlive the controller.
    explicit LanguageController(QSettings* settings, QObject* parent = nullptr);
    ~LanguageController() override;

    // The language to start with: `commandLine` ("de"/"en") if given, else the remembered one,
    // else the system's. Applies it (installs the translator for English) without persisting.
    void start(const QString& commandLine);
    // Set after the engine exists, so a switch retranslates the loaded QML at once.
    void setEngine(QQmlEngine* engine) { m_engine = engine; }

    QString language() const { return m_language; }
    // "de" or "en"; anything else is ignored. Persists the choice.
    void setLanguage(const QString& language);

signals:
    void languageChanged();

private:
    void apply(const QString& language);

    QPointer<QSettings> m_settings;
    QQmlEngine* m_engine = nullptr;  // outlives the controller (main.cpp)
    QTranslator m_translator;
    bool m_installed = false;
    QString m_language = QStringLiteral("de");
};

}  // namespace quartier::app
