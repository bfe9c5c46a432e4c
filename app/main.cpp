// quartier: the GUI's composition root. Builds the controllers, wires them, hands them to QML as
// singletons it owns, and loads Main.qml. All logic lives in the quartier_app library.
#include "adapters/appoptions.h"
#include "controllers/casecontroller.h"
#include "models/caselistmodel.h"
#include "models/conflictlistmodel.h"
#include "models/devicelistmodel.h"
#include "controllers/enrolmentcontroller.h"
#include "tools/headless.h"
#include "tools/itemlocator.h"
#include "controllers/homevisitcontroller.h"
#include "controllers/languagecontroller.h"
#include "controllers/navigator.h"
#include "controllers/offereditcontroller.h"
#include "controllers/reportcontroller.h"
#include "controllers/teamcontroller.h"
#include "controllers/consultationcontroller.h"
#include "models/offerlistmodel.h"
#include "tools/screenshots.h"
#include "tools/selftest.h"
#include "controllers/sessioncontroller.h"
#include "controllers/sharecontroller.h"
#include "controllers/synccontroller.h"
#include "tools/visitscript.h"

#include "crypto/hardening.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQml/qqml.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(Quartier_UiPlugin)

using namespace quartier::app;

int main(int argc, char** argv)
{
    // Records are in ordinary heap while the store is unlocked: no core file, no ptrace by the
    // same user (docs/threat-model.md, attacker 2).
    if (!quartier::crypto::disable_core_dumps())
        std::fputs("quartier: warning: core dumps could not be disabled\n", stderr);
    // A server that closes a connection during sync must give a network error, not kill the app.
    std::signal(SIGPIPE, SIG_IGN);
    if (headlessRequested(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    // QApplication, not QGuiApplication: Qt Charts (the Berichte page) draws with Graphics View.
    QApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Quartier"));
    QGuiApplication::setApplicationName(QStringLiteral("Quartier"));
    QGuiApplication::setApplicationVersion(QStringLiteral(QUARTIER_VERSION));

    const AppOptions options = parseOptions(QGuiApplication::arguments());
    if (!options.error.isEmpty()) {
        QTextStream(stderr) << options.error << Qt::endl;
        return 2;
    }
    const bool headless = options.selfTest || !options.screenshotDir.isEmpty();

    QQuickStyle::setStyle(QStringLiteral("Material"));

    // Headless runs never touch the user's store or settings: both go to a scratch directory.
    // Only they make one: a windowed run that is killed would leave it behind in /tmp.
    std::optional<QTemporaryDir> scratch;
    if (headless)
        scratch.emplace();
    if (headless && !scratch->isValid()) {
        QTextStream(stderr) << "cannot create a temporary directory" << Qt::endl;
        return 1;
    }
    QString storeDir = options.storeDir;
    if (storeDir.isEmpty())
        storeDir = headless ? scratch->filePath(QStringLiteral("store")) : defaultStoreDir();
    std::unique_ptr<QSettings> settings =
        headless ? std::make_unique<QSettings>(scratch->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
                 : std::make_unique<QSettings>();

    // --lang wins for this run; otherwise the language chosen in the settings, else the system's.
    LanguageController language(settings.get());
    language.start(options.language);

    SessionController session(storeDir, settings.get());
    CaseListModel cases;
    QObject::connect(&session, &SessionController::storeChanged, &cases, [&] { cases.setStore(session.store()); });
    QObject::connect(&session, &SessionController::storeBusyChanged, &cases,
                     [&] { cases.setStoreBusy(session.storeBusy()); });
    // The open case: reads the store only while it is free, like the case list.
    CaseController caseDetail;
    caseDetail.setSession(&session);  // a form open at a lock is saved on the store thread if busy
    QObject::connect(&session, &SessionController::storeChanged, &caseDetail,
                     [&] { caseDetail.setStore(session.store()); });
    QObject::connect(&session, &SessionController::storeBusyChanged, &caseDetail,
                     [&] { caseDetail.setStoreBusy(session.storeBusy()); });
    QObject::connect(&caseDetail, &CaseController::recordsChanged, &cases, &CaseListModel::refresh);
    // The offer map (docs/offers.md): list model and edit controller follow the store like the cases.
    OfferListModel offers;
    OfferEditController offerEditor(offers);
    QObject::connect(&session, &SessionController::storeChanged, &offers, [&] {
        offerEditor.setStore(session.store());
        offers.setStore(session.store());
    });
    QObject::connect(&session, &SessionController::storeBusyChanged, &offers, [&] {
        offers.setStoreBusy(session.storeBusy());
        offerEditor.setStoreBusy(session.storeBusy());
    });
    // The Berichte page (docs/reports.md): exports go to the documents folder, in headless runs to
    // the scratch directory.
    ReportController reportController(
        headless ? scratch->filePath(QStringLiteral("Berichte"))
                 : QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(QStringLiteral("Quartier-Berichte")));
    QObject::connect(&session, &SessionController::storeChanged, &reportController,
                     [&] { reportController.setStore(session.store()); });
    QObject::connect(&session, &SessionController::storeBusyChanged, &reportController,
                     [&] { reportController.setStoreBusy(session.storeBusy()); });
    // The Sozialraumteam's page (docs/team.md): the team's case index, a team lead's home.
    TeamController teamController;
    QObject::connect(&session, &SessionController::storeChanged, &teamController,
                     [&] { teamController.setStore(session.store()); });
    QObject::connect(&session, &SessionController::storeBusyChanged, &teamController,
                     [&] { teamController.setStoreBusy(session.storeBusy()); });
    // Kollegiale Beratung (docs/team.md): the cards in the team scope, prepared from a case.
    ConsultationController consultations;
    QObject::connect(&session, &SessionController::storeChanged, &consultations,
                     [&] { consultations.setStore(session.store()); });
    QObject::connect(&session, &SessionController::storeBusyChanged, &consultations,
                     [&] { consultations.setStoreBusy(session.storeBusy()); });
    app.installEventFilter(&session);
    QObject::connect(&app, &QGuiApplication::applicationStateChanged, &session,
                     &SessionController::handleApplicationState);

    // Sync runs on the session's store thread; headless runs never reach out to a network.
    SyncController syncController(&session, settings.get());
    if (headless)
        syncController.setTransportFactory(offlineTransport);
    QObject::connect(&syncController, &SyncController::recordsChanged, &cases, &CaseListModel::refresh);
    QObject::connect(&syncController, &SyncController::recordsChanged, &caseDetail, &CaseController::reload);
    EnrolmentController enrolment(&session, &syncController);
    // "Fall teilen" on the case page: a store job through the sync's transport (sync/client/sharing.h).
    ShareController share(&session, &syncController);
    QObject::connect(&syncController, &SyncController::recordsChanged, &offers, &OfferListModel::refresh);
    QObject::connect(&syncController, &SyncController::recordsChanged, &reportController, &ReportController::refresh);
    QObject::connect(&syncController, &SyncController::finished, &teamController, &TeamController::refresh);
    QObject::connect(&syncController, &SyncController::finished, &consultations, &ConsultationController::refresh);
    QObject::connect(&consultations, &ConsultationController::caseWritten, &caseDetail, &CaseController::reload);
    QObject::connect(&consultations, &ConsultationController::caseWritten, &cases, &CaseListModel::refresh);

    // The home visit, the conflicts screen and the devices view read and write the same store.
    HomeVisitController visit;
    ConflictListModel conflicts;
    DeviceListModel devices;
    QObject::connect(&session, &SessionController::aboutToLock, &visit, [&] { visit.flushForLock(session); });
    QObject::connect(&session, &SessionController::storeChanged, &visit, [&] {
        visit.setStore(session.store());
        conflicts.setStore(session.store());
        devices.setStore(session.store());
    });
    QObject::connect(&session, &SessionController::storeBusyChanged, &visit, [&] {
        visit.setStoreBusy(session.storeBusy());
        conflicts.setStoreBusy(session.storeBusy());
        devices.setStoreBusy(session.storeBusy());
    });
    QObject::connect(&visit, &HomeVisitController::saved, &syncController, &SyncController::refreshStatus);
    // The case list's "Besuch fortsetzen" follows whether a draft is open.
    QObject::connect(&visit, &HomeVisitController::stateChanged, &cases, &CaseListModel::refresh);
    QObject::connect(&conflicts, &ConflictListModel::resolved, &syncController, &SyncController::refreshStatus);
    QObject::connect(&conflicts, &ConflictListModel::resolved, &cases, &CaseListModel::refresh);
    QObject::connect(&syncController, &SyncController::recordsChanged, &conflicts, &ConflictListModel::refresh);
    QObject::connect(&syncController, &SyncController::finished, &devices, &DeviceListModel::refresh);
    QObject::connect(&share, &ShareController::shared, &devices, &DeviceListModel::refresh);
    QObject::connect(&language, &LanguageController::languageChanged, &cases, [&] {
        cases.refresh();  // labels made in C++ follow the new language
        conflicts.refresh();
        devices.refresh();
        visit.retranslate();
    });

    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Session", &session);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Cases", &cases);
    CaseController::registerForQml(caseDetail);  // CaseDetail and its section singletons
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Sync", &syncController);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Enrolment", &enrolment);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Share", &share);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Visit", &visit);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Conflicts", &conflicts);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Devices", &devices);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Language", &language);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Offers", &offers);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "OfferEditor", &offerEditor);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Reports", &reportController);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Team", &teamController);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Consultation", &consultations);
    // Which page is shown, asked for in C++ (by the pages and the headless modes alike).
    Navigator navigator(&visit);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Navigator", &navigator);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));  // Qt 6.4 does not search the module's prefix itself
    language.setEngine(&engine);
    // A hidden test hook (tests/app/visit_kill.sh): a scripted visit, or the check after a kill.
    if (const QByteArray mode = qgetenv("QUARTIER_TEST_VISIT"); !mode.isEmpty())
        return runVisitScript(QString::fromLocal8Bit(mode), session, visit);
    if (options.selfTest)
        return runSelfTest(engine, session, caseDetail, navigator);
    if (!options.screenshotDir.isEmpty())
        return takeScreenshots(engine, session, cases, syncController, enrolment, caseDetail, navigator, options.screenshotDir,
                               ScreenshotExtras{&visit, &conflicts, &language});

    engine.load(mainQmlUrl());
    if (engine.rootObjects().isEmpty())
        return 1;
    // For the tests that drive this window with X events (tests/app/window/); off unless asked for.
    ItemLocator locator;
    if (locator.active())
        locator.setWindow(qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst()));
    return QApplication::exec();
}
