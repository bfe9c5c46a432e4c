// Qt Quick Test runner (offers_quicktest_main.cpp) for the offer map's pages (tests/qml/tst_*.qml): a real sealed store with
// the demo offers behind the real Offers and OfferEditor singletons, and StoreProbe, through which
// a test reads back what the page stored.
#include "controllers/offereditcontroller.h"
#include "models/offerlistmodel.h"

#include "offers/demo_offers.h"
#include "sync/store/store.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include <filesystem>
#include <memory>

Q_IMPORT_QML_PLUGIN(Quartier_UiPlugin)

namespace {

constexpr auto kToday = "2026-11-21";

// Reads the store for the tests: what a page wrote is checked where it landed, not in the model.
class StoreProbe : public QObject
{
    Q_OBJECT
public:
    explicit StoreProbe(const quartier::sync::Store* store) : m_store(store) {}
    Q_INVOKABLE QString field(const QString& id, const QString& field) const
    {
        const quartier::sync::Record* r = m_store->get(id.toStdString());
        return r ? QString::fromStdString(r->value(field.toStdString()).value_or(std::string())) : QString();
    }
    Q_INVOKABLE QString type(const QString& id) const
    {
        const quartier::sync::Record* r = m_store->get(id.toStdString());
        return r ? QString::fromStdString(r->type) : QString();
    }
    Q_INVOKABLE int count(const QString& type) const { return int(m_store->list(type.toStdString()).size()); }

private:
    const quartier::sync::Store* m_store;
};

class Setup : public QObject
{
    Q_OBJECT
public slots:
    // Called once per test file, each with a new engine: the store, the style and the singletons
    // are set up for the first and shared by the rest (a later file sees what an earlier one saved).
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        if (m_store)
            return;
        QQuickStyle::setStyle(QStringLiteral("Material"));
        auto store = quartier::sync::Store::create(std::filesystem::path(m_dir.filePath(QStringLiteral("store")).toStdString()),
                                                   "eine Passphrase", quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
        if (!store || !quartier::offers::seed_demo_offers(**store, kToday))
            qFatal("cannot make the demo store");
        m_store = std::move(store).value();
        const auto today = [] { return QDate::fromString(QString::fromLatin1(kToday), Qt::ISODate); };
        m_offers.setToday(today);
        m_offers.setStore(m_store.get());
        m_editor.setToday(today);
        m_editor.setStore(m_store.get());
        m_probe = std::make_unique<StoreProbe>(m_store.get());
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Offers", &m_offers);
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "OfferEditor", &m_editor);
        qmlRegisterSingletonInstance("QuartierTest", 1, 0, "StoreProbe", m_probe.get());
    }
    void cleanupTestCase()
    {
        m_editor.setStore(nullptr);
        m_offers.setStore(nullptr);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<quartier::sync::Store> m_store;
    quartier::app::OfferListModel m_offers;
    quartier::app::OfferEditController m_editor{m_offers};
    std::unique_ptr<StoreProbe> m_probe;
};

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(offers_qml, Setup)

#include "offers_quicktest_main.moc"
