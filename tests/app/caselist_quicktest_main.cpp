// Qt Quick Test runner for the case list's forms across a real lock (tests/app/qml_caselist): a
// real SessionController with a store in a temporary directory, unlocked, and the controllers the
// case list uses wired to it as main.cpp wires them (Cases, CaseDetail, Sync, Visit, Conflicts).
// A Probe locks and unlocks the session and reads back what the store holds, through
// domain::Repository and, for the canary, the raw files of the store directory.
#include "models/caselistmodel.h"
#include "controllers/casecontroller.h"
#include "models/conflictlistmodel.h"
#include "controllers/homevisitcontroller.h"
#include "controllers/sessioncontroller.h"
#include "controllers/synccontroller.h"
#include "models/offerlistmodel.h"

#include "domain/repository.h"
#include "offers/demo_offers.h"
#include "sync/store/store.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QFile>
#include <QObject>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(Quartier_UiPlugin)

namespace qa = quartier::app;
namespace qd = quartier::domain;

const QString kPassphrase = QStringLiteral("Probe-Passphrase");

class Probe : public QObject
{
    Q_OBJECT

public:
    Probe(qa::SessionController& session, qa::OfferListModel& offers, QString storeDir)
        : m_session(session), m_offers(offers), m_storeDir(std::move(storeDir)) {}

    // Writes the demo offer map (its social spaces) into the store, as a sync from the office would.
    Q_INVOKABLE bool seedOfferMap()
    {
        if (!m_session.store() || m_session.storeBusy())
            return false;
        const bool ok = quartier::offers::seed_demo_offers(*m_session.store(), "2026-11-21").ok();
        m_offers.refresh();
        return ok;
    }

    Q_INVOKABLE void lock() { m_session.lock(); }
    // Queues the unlock; the test waits for Session.state.
    Q_INVOKABLE void unlock() { m_session.unlock(kPassphrase); }

    // The stored case named `name` as {social_space, status, lead_worker, opened_on}, or {}.
    Q_INVOKABLE QVariantMap storedCase(const QString& name) const
    {
        if (!m_session.store() || m_session.storeBusy())
            return {};
        for (const qd::Case& c : qd::Repository(*m_session.store()).cases()) {
            if (QString::fromStdString(c.name) == name)
                return {{QStringLiteral("social_space"), QString::fromStdString(c.social_space)},
                        {QStringLiteral("status"), QString::fromStdString(std::string(qd::to_string(c.status)))},
                        {QStringLiteral("lead_worker"), QString::fromStdString(c.lead_worker)},
                        {QStringLiteral("opened_on"), QString::fromStdString(c.opened_on)}};
        }
        return {};
    }
    Q_INVOKABLE int caseCount() const
    {
        return m_session.store() ? int(qd::Repository(*m_session.store()).cases().size()) : -1;
    }
    // Whether any file of the store directory (database, WAL, key file) holds `text` in the clear.
    Q_INVOKABLE bool storeFilesContain(const QString& text) const
    {
        const QByteArray needle = text.toUtf8();
        QDirIterator it(m_storeDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                return true;
        }
        return false;
    }

private:
    qa::SessionController& m_session;
    qa::OfferListModel& m_offers;
    QString m_storeDir;
};

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        const QString dir = m_tmp.filePath(QStringLiteral("store"));
        m_session = std::make_unique<qa::SessionController>(dir);
        m_session->setKdfParams(quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
        m_cases = std::make_unique<qa::CaseListModel>();
        // The list the page shows is emptied at the lock and refilled after it: checked throughout.
        m_casesTester = std::make_unique<QAbstractItemModelTester>(m_cases.get(),
                                                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_detail = std::make_unique<qa::CaseController>();
        m_detail->setSession(m_session.get());
        m_sync = std::make_unique<qa::SyncController>(m_session.get());
        m_sync->setAutomatic(false);
        m_visit = std::make_unique<qa::HomeVisitController>();
        m_conflicts = std::make_unique<qa::ConflictListModel>();
        m_offers = std::make_unique<qa::OfferListModel>();  // the new-case form's Sozialraum choices
        qa::SessionController* s = m_session.get();
        QObject::connect(s, &qa::SessionController::storeChanged, s, [this] {
            m_cases->setStore(m_session->store());
            m_detail->setStore(m_session->store());
            m_visit->setStore(m_session->store());
            m_conflicts->setStore(m_session->store());
            m_offers->setStore(m_session->store());
        });
        QObject::connect(s, &qa::SessionController::storeBusyChanged, s, [this] {
            m_cases->setStoreBusy(m_session->storeBusy());
            m_detail->setStoreBusy(m_session->storeBusy());
            m_visit->setStoreBusy(m_session->storeBusy());
            m_conflicts->setStoreBusy(m_session->storeBusy());
            m_offers->setStoreBusy(m_session->storeBusy());
        });
        QObject::connect(m_detail.get(), &qa::CaseController::recordsChanged, m_cases.get(), &qa::CaseListModel::refresh);
        m_probe = std::make_unique<Probe>(*m_session, *m_offers, dir);
        m_session->createStore(kPassphrase, kPassphrase);  // the test waits for Unlocked
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Session", m_session.get());
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Cases", m_cases.get());
        qa::CaseController::registerForQml(*m_detail);
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Sync", m_sync.get());
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Visit", m_visit.get());
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Conflicts", m_conflicts.get());
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Offers", m_offers.get());
        qmlRegisterSingletonInstance("QuartierTest", 1, 0, "Probe", m_probe.get());
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
    void cleanupTestCase()
    {
        m_session->lock();
        m_probe.reset();
        m_casesTester.reset();
    }

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<qa::SessionController> m_session;
    std::unique_ptr<qa::CaseListModel> m_cases;
    std::unique_ptr<QAbstractItemModelTester> m_casesTester;
    std::unique_ptr<qa::CaseController> m_detail;
    std::unique_ptr<qa::SyncController> m_sync;
    std::unique_ptr<qa::HomeVisitController> m_visit;
    std::unique_ptr<qa::ConflictListModel> m_conflicts;
    std::unique_ptr<qa::OfferListModel> m_offers;
    std::unique_ptr<Probe> m_probe;
};

QUICK_TEST_MAIN_WITH_SETUP(case_list, Setup)

#include "caselist_quicktest_main.moc"
