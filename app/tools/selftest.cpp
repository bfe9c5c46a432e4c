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

}  // namespace

int runSelfTest(QQmlEngine& engine, SessionController& session, CaseController& caseDetail, Navigator& navigator)
{
    QTextStream out(stdout);
    MessageCounter warnings;
    int failures = 0;
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
            out << "FAIL compile " << path << '\n' << component.errorString() << Qt::endl;
            ++failures;
            continue;
        }
        ++compiled;
        if (!isInstantiated(path))
            continue;
        std::unique_ptr<QObject> object(component.create());
        if (!object) {
            out << "FAIL create " << path << '\n' << component.errorString() << Qt::endl;
            ++failures;
            continue;
        }
        out << "ok   " << path << Qt::endl;
        if (auto* window = qobject_cast<QQuickWindow*>(object.get()))
            mainWindow = window;
        created.push_back(std::move(object));
    }
    if (!mainWindow) {
        out << "FAIL Main.qml did not make a window" << Qt::endl;
        ++failures;
    }

    // Drive the real session once so the pages are shown in every steady state.
    settle(50);
    session.setKdfParams(kThrowawayKdf);
    const QString pass = QStringLiteral("selbsttest-passphrase");
    if (session.state() == SessionController::State::NoStore)
        session.createStore(pass, pass);
    if (!waitForState(session, SessionController::State::Unlocked)) {
        out << "FAIL session did not unlock: " << session.errorMessage() << Qt::endl;
        ++failures;
    }
    settle(50);
    // The settings page, reached the way the gear button reaches it, and back.
    if (mainWindow) {
        navigator.openSettings();
        settle(300);
        if (!findItem(mainWindow, QStringLiteral("settingsPage"))) {
            out << "FAIL the settings page did not open" << Qt::endl;
            ++failures;
        } else {
            out << "ok   settings page shown" << Qt::endl;
        }
        navigator.closeSettings();
        settle(300);
        failures += selfTestOfferScreens(mainWindow, navigator, out);
    }
    // The case page with the demo families: every section of every case, then back to the list.
    if (mainWindow && session.store()) {
        auto demo = writeDemoData(*session.store());
        if (!demo) {
            out << "FAIL demo data: " << QString::fromStdString(demo.detail()) << Qt::endl;
            ++failures;
        } else {
            for (const std::string& id : demo->families.case_ids) {
                navigator.openCase(QString::fromStdString(id));
                settle(300);
                QQuickItem* page = findItem(mainWindow, QStringLiteral("casePage"));
                if (!page || !caseDetail.isOpen()) {
                    out << "FAIL the case page did not open " << QString::fromStdString(id) << Qt::endl;
                    ++failures;
                    continue;
                }
                const int sections = page->property("sectionCount").toInt();
                for (int i = 0; i < sections; ++i) {
                    showCaseSection(page, i);
                    settle(100);
                }
                out << "ok   case page " << caseDetail.name() << " (" << sections << " sections)" << Qt::endl;
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
            out << "FAIL the home visit did not open" << Qt::endl;
            ++failures;
        } else {
            const int steps = visitPage->property("stepCount").toInt();
            int shown = 0;
            for (int step = 0; step < steps; ++step) {
                shown += showVisitStep(visitPage, step) ? 1 : 0;
                settle(100);
            }
            if (steps > 0 && shown == steps) {
                out << "ok   home visit shown, every step" << Qt::endl;
            } else {
                out << "FAIL the home visit showed " << shown << " of " << steps << " steps" << Qt::endl;
                ++failures;
            }
        }
        navigator.closeSettings();
        settle(300);
        navigator.openConflicts();
        settle(300);
        if (!findItem(mainWindow, QStringLiteral("conflictsPage"))) {
            out << "FAIL the conflicts page did not open" << Qt::endl;
            ++failures;
        } else {
            out << "ok   conflicts page shown" << Qt::endl;
        }
        navigator.closeSettings();
        settle(300);
    } else if (mainWindow) {
        out << "FAIL could not write the demo families" << Qt::endl;
        ++failures;
    }
    session.lock();
    if (session.state() != SessionController::State::Locked) {
        out << "FAIL session did not lock" << Qt::endl;
        ++failures;
    }
    settle(50);
    session.unlock(QStringLiteral("nicht-die-passphrase"));
    if (!waitForState(session, SessionController::State::Locked) || session.errorMessage().isEmpty()) {
        out << "FAIL wrong passphrase was not reported" << Qt::endl;
        ++failures;
    }
    settle(50);
    created.clear();

    out << "self-test: " << compiled << " QML files compiled, " << warnings.count() << " QML warnings, "
        << failures << " failures" << Qt::endl;
    return failures == 0 && warnings.count() == 0 ? 0 : 1;
}

}  // namespace quartier::app
