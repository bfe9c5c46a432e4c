// quartier: the GUI's composition root. Builds the controllers, wires them, hands them to QML as
// singletons it owns, and loads Main.qml. All logic lives in the quartier_app library.
#include "appoptions.h"
#include "casecontroller.h"
#include "caselistmodel.h"
#include "enrolmentcontroller.h"
#include "headless.h"
#include "offereditcontroller.h"
#include "offerlistmodel.h"
#include "screenshots.h"
#include "selftest.h"
#include "sessioncontroller.h"
#include "synccontroller.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQml/qqml.h>

#include <csignal>
#include <memory>

Q_IMPORT_QML_PLUGIN(Quartier_UiPlugin)

using namespace quartier::app;

int main(int argc, char** argv)
{
    // A server that closes a connection during sync must give a network error, not kill the app.
    std::signal(SIGPIPE, SIG_IGN);
    if (headlessRequested(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Quartier"));
    QGuiApplication::setApplicationName(QStringLiteral("Quartier"));
    QGuiApplication::setApplicationVersion(QStringLiteral(QUARTIER_VERSION));

    const AppOptions options = parseOptions(QGuiApplication::arguments());
    if (!options.error.isEmpty()) {
        QTextStream(stderr) << options.error << Qt::endl;
        return 2;
    }
    const bool headless = options.selfTest || !options.screenshotDir.isEmpty();

    QTranslator translator;
    if (wantsEnglish(options.language, QLocale::system()) && loadEnglish(translator))
        QGuiApplication::installTranslator(&translator);
    QQuickStyle::setStyle(QStringLiteral("Material"));

    // Headless runs never touch the user's store or settings: both go to a scratch directory.
    QTemporaryDir scratch;
    if (headless && !scratch.isValid()) {
        QTextStream(stderr) << "cannot create a temporary directory" << Qt::endl;
        return 1;
    }
    QString storeDir = options.storeDir;
    if (storeDir.isEmpty())
        storeDir = headless ? scratch.filePath(QStringLiteral("store")) : defaultStoreDir();
    std::unique_ptr<QSettings> settings =
        headless ? std::make_unique<QSettings>(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
                 : std::make_unique<QSettings>();

    SessionController session(storeDir, settings.get());
    CaseListModel cases;
    QObject::connect(&session, &SessionController::storeChanged, &cases, [&] { cases.setStore(session.store()); });
    QObject::connect(&session, &SessionController::storeBusyChanged, &cases,
                     [&] { cases.setStoreBusy(session.storeBusy()); });
    // The open case: reads the store only while it is free, like the case list.
    CaseController caseDetail;
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
    QObject::connect(&syncController, &SyncController::recordsChanged, &offers, &OfferListModel::refresh);

    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Session", &session);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Cases", &cases);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "CaseDetail", &caseDetail);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Sync", &syncController);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Enrolment", &enrolment);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Offers", &offers);
    qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "OfferEditor", &offerEditor);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));  // Qt 6.4 does not search the module's prefix itself
    if (options.selfTest)
        return runSelfTest(engine, session, caseDetail);
    if (!options.screenshotDir.isEmpty())
        return takeScreenshots(engine, session, cases, syncController, enrolment, caseDetail, options.screenshotDir);

    engine.load(mainQmlUrl());
    if (engine.rootObjects().isEmpty())
        return 1;
    return QGuiApplication::exec();
}
