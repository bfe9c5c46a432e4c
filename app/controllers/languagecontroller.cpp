#include "controllers/languagecontroller.h"

#include "adapters/appoptions.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

namespace quartier::app {

LanguageController::LanguageController(QSettings* settings, QObject* parent) : QObject(parent), m_settings(settings) {}

LanguageController::~LanguageController()
{
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
}

void LanguageController::start(const QString& commandLine)
{
    QString language = commandLine;
    if (language.isEmpty() && m_settings)
        language = m_settings->value(QLatin1String(kSettingsKey)).toString();
    if (language != QLatin1String("de") && language != QLatin1String("en"))
        language = wantsEnglish({}, QLocale::system()) ? QStringLiteral("en") : QStringLiteral("de");
    apply(language);
}

void LanguageController::setLanguage(const QString& language)
{
    if (language != QLatin1String("de") && language != QLatin1String("en"))
        return;
    if (m_settings) {
        m_settings->setValue(QLatin1String(kSettingsKey), language);
        m_settings->sync();
    }
    if (language == m_language)
        return;
    apply(language);
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
}

void LanguageController::apply(const QString& language)
{
    const bool english = language == QLatin1String("en");
    if (english && !m_installed) {
        if (!loadEnglish(m_translator))
            return;  // no translation embedded: stay German
        QCoreApplication::installTranslator(&m_translator);
        m_installed = true;
    } else if (!english && m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    m_language = english ? QStringLiteral("en") : QStringLiteral("de");
}

}  // namespace quartier::app
