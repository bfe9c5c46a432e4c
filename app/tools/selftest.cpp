#include "tools/selftest.h"

#include "controllers/casecontroller.h"
#include "tools/demodata.h"
#include "tools/headless.h"
#include "controllers/navigator.h"
#include "tools/pagedriver.h"
#include "tools/visitdemo.h"

#include "sync/store/store.h"
#include "tools/offerscreens.h"

#include <QDirIterator>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

namespace quartier::app {

namespace {

// Counts warnings and errors while it exists (qInstallMessageHandler takes a plain function, so
// the active counter is reached through one pointer that lives only as long as the counter).
class MessageCounter {
public:
    MessageCounter() : m_previous(qInstallMessageHandler(&MessageCounter::handle)) { s_active = this; }
    ~MessageCounter()
    {
        qInstallMessageHandler(m_previous);
        s_active = nullptr;
    }
    MessageCounter(const MessageCounter&) = delete;
    MessageCounter& operator=(const MessageCounter&) = delete;

    int count() const { return m_count; }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        MessageCounter* self = s_active;
        if (self && type != QtDebugMsg && type != QtInfoMsg && counts(context, message))
            ++self->m_count;
        if (self && self->m_previous)
            self->m_previous(type, context, message);
        else
            std::fprintf(stderr, "%s\n", qPrintable(message));
    }
    // QML and JavaScript warnings: the engine's categories, or a message naming a .qml file.
    static bool counts(const QMessageLogContext& context, const QString& message)
    {
        const QByteArray category = context.category ? QByteArray(context.category) : QByteArray();
        return category.startsWith("qml") || category.startsWith("js") ||
               message.contains(QLatin1String(".qml")) || message.contains(QLatin1String("QML"));
    }

    inline static MessageCounter* s_active = nullptr;
    QtMessageHandler m_previous;
    int m_count = 0;
};

// Singletons cannot be made by QQmlComponent; they are checked through the pages that use them.
bool isSingleton(const QString& path) { return path.endsWith(QLatin1String("/theme/Theme.qml")); }

bool isInstantiated(const QString& path)
{
    return path.endsWith(QLatin1String("/Main.qml")) || path.contains(QLatin1String("/pages/"));
}

// The self-test's lines, one a check: "ok   …", or "FAIL …" counted as a failure.
class Report {
public:
    explicit Report(QTextStream& out) : m_out(out) {}
    QTextStream& ok() { return m_out << "ok   "; }
    QTextStream& fail()
    {
        ++m_failures;
        return m_out << "FAIL ";
    }
    void addFailures(int n) { m_failures += n; }
    int failures() const { return m_failures; }

private:
    QTextStream& m_out;
    int m_failures = 0;
};

// Opens a page the way its button does, reports whether it shows (its item named `objectName`)
// and closes it again.
void checkPage(Report& report, QQuickWindow* window, Navigator& navigator, void (Navigator::*open)(),
               const char* objectName, const char* what)
{
    (navigator.*open)();
    settle(300);
    if (!findItem(window, QString::fromLatin1(objectName)))
        report.fail() << "the " << what << " did not open" << Qt::endl;
    else
        report.ok() << what << " shown" << Qt::endl;
    navigator.closeSettings();
    settle(300);
}

}  // namespace

int runSelfTest(QQmlEngine& engine, SessionController& session, CaseController& caseDetail, Navigator& navigator)
{
    QTextStream out(stdout);
    MessageCounter warnings;
    Report report(out);
    int compiled = 0;
    std::vector<std::unique_ptr<QObject>> created;
    QQuickWindow* mainWindow = nullptr;

    QDirIterator it(QString::fromLatin1(kQmlModuleRoot), {QStringLiteral("*.qml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString& path : files) {
        if (isSingleton(path))
            continue;
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + path));
        if (component.isError()) {
            report.fail() << "compile " << path << '\n' << component.errorString() << Qt::endl;
            continue;
        }
        ++compiled;
        if (!isInstantiated(path))
            continue;
        std::unique_ptr<QObject> object(component.create());
        if (!object) {
            report.fail() << "create " << path << '\n' << component.errorString() << Qt::endl;
            continue;
        }
        report.ok() << path << Qt::endl;
        if (auto* window = qobject_cast<QQuickWindow*>(object.get()))
            mainWindow = window;
        created.push_back(std::move(object));
    }
    if (!mainWindow)
        report.fail() << "Main.qml did not make a window" << Qt::endl;

    // Drive the real session once so the pages are shown in every steady state.
    settle(50);
    session.setKdfParams(kThrowawayKdf);
    const QString pass = QStringLiteral("selbsttest-passphrase");
    if (session.state() == SessionController::State::NoStore)
        session.createStore(pass, pass);
    if (!waitForState(session, SessionController::State::Unlocked))
        report.fail() << "session did not unlock: " << session.errorMessage() << Qt::endl;
    settle(50);
    // The settings page, reached the way the gear button reaches it, and back.
    if (mainWindow) {
        checkPage(report, mainWindow, navigator, &Navigator::openSettings, "settingsPage", "settings page");
        report.addFailures(selfTestOfferScreens(mainWindow, navigator, out));
    }
    // The case page with the demo families: every section of every case, then back to the list.
    if (mainWindow && session.store()) {
        auto demo = writeDemoData(*session.store());
        if (!demo) {
            report.fail() << "demo data: " << QString::fromStdString(demo.detail()) << Qt::endl;
        } else {
            for (const std::string& id : demo->families.case_ids) {
                navigator.openCase(QString::fromStdString(id));
                settle(300);
                QQuickItem* page = findItem(mainWindow, QStringLiteral("casePage"));
                if (!page || !caseDetail.isOpen()) {
                    report.fail() << "the case page did not open " << QString::fromStdString(id) << Qt::endl;
                    continue;
                }
                const int sections = page->property("sectionCount").toInt();
                for (int i = 0; i < sections; ++i) {
                    showCaseSection(page, i);
                    settle(100);
                }
                report.ok() << "case page " << caseDetail.name() << " (" << sections << " sections)" << Qt::endl;
                navigator.closeCase();
                settle(300);
            }
        }
    }
    // The home visit on a demo family, every step shown once; then the conflicts page.
    std::optional<VisitDemo> demo = session.store() ? writeVisitDemo(*session.store()) : std::nullopt;
    if (mainWindow && demo) {
        const bool started = navigator.startHomeVisit(QString::fromStdString(demo->caseId));
        settle(300);
        QQuickItem* visitPage = findItem(mainWindow, QStringLiteral("homeVisitPage"));
        if (!started || !visitPage) {
            report.fail() << "the home visit did not open" << Qt::endl;
        } else {
            const int steps = visitPage->property("stepCount").toInt();
            int shown = 0;
            for (int step = 0; step < steps; ++step) {
                shown += showVisitStep(visitPage, step) ? 1 : 0;
                settle(100);
            }
            if (steps > 0 && shown == steps)
                report.ok() << "home visit shown, every step" << Qt::endl;
            else
                report.fail() << "the home visit showed " << shown << " of " << steps << " steps" << Qt::endl;
        }
        navigator.closeSettings();
        settle(300);
        checkPage(report, mainWindow, navigator, &Navigator::openConflicts, "conflictsPage", "conflicts page");
        checkPage(report, mainWindow, navigator, &Navigator::openReports, "reportsPage", "reports page");
    } else if (mainWindow) {
        report.fail() << "could not write the demo families" << Qt::endl;
    }
    session.lock();
    if (session.state() != SessionController::State::Locked)
        report.fail() << "session did not lock" << Qt::endl;
    settle(50);
    session.unlock(QStringLiteral("nicht-die-passphrase"));
    if (!waitForState(session, SessionController::State::Locked) || session.errorMessage().isEmpty())
        report.fail() << "wrong passphrase was not reported" << Qt::endl;
    settle(50);
    created.clear();

    out << "self-test: " << compiled << " QML files compiled, " << warnings.count() << " QML warnings, "
        << report.failures() << " failures" << Qt::endl;
    return report.failures() == 0 && warnings.count() == 0 ? 0 : 1;
}

}  // namespace quartier::app
