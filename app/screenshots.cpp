#include "screenshots.h"

#include "caselistmodel.h"
#include "headless.h"

#include <QDir>
#include <QImage>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTextStream>

#include <memory>

namespace quartier::app {

namespace {

struct DemoCase {
    const char* name;
    const char* socialSpace;
    const char* status;
};

// Fictitious families in Norderstedt's social spaces (DOMAIN.md), for the filled case list only.
constexpr DemoCase kDemoCases[] = {
    {"Familie Demir", "Garstedt", "active"},
    {"Familie Krüger", "Harksheide-Mitte", "clarification"},
    {"Familie Nowak", "Glashütte/Harksheide-Süd", "active"},
    {"Familie Albers", "Friedrichsgabe/Harksheide-Nord", "new"},
    {"Familie Schulte", "Garstedt", "active"},
    {"Familie Haddad", "Harksheide-Mitte", "closed"},
};

struct Shot {
    int width;
    int height;
    const char* suffix;
};
constexpr Shot kShots[] = {{1280, 800, ""}, {800, 1280, "-portrait"}};

}  // namespace

int takeScreenshots(QQmlEngine& engine, SessionController& session, CaseListModel& cases, const QString& dir)
{
    QTextStream out(stdout);
    if (!QDir().mkpath(dir)) {
        out << "cannot create " << dir << Qt::endl;
        return 1;
    }
    QQmlComponent component(&engine, mainQmlUrl());
    std::unique_ptr<QObject> root(component.create());
    auto* window = qobject_cast<QQuickWindow*>(root.get());
    if (!window) {
        out << "Main.qml did not load: " << component.errorString() << Qt::endl;
        return 1;
    }

    int failures = 0;
    const auto shoot = [&](const QString& name) {
        for (const Shot& shot : kShots) {
            window->resize(shot.width, shot.height);
            settle(400);
            const QImage image = window->grabWindow();
            const QString path = QDir(dir).filePath(name + QLatin1String(shot.suffix) + QStringLiteral(".png"));
            if (image.isNull() || !image.save(path)) {
                out << "FAIL " << path << Qt::endl;
                ++failures;
            } else {
                out << "wrote " << path << " (" << image.width() << "×" << image.height() << ")" << Qt::endl;
            }
        }
    };

    using State = SessionController::State;
    session.setKdfParams(kThrowawayKdf);
    const QString pass = QStringLiteral("bildschirmfoto-passphrase");
    if (session.state() != State::NoStore) {
        out << "the store directory must be empty" << Qt::endl;
        return 1;
    }
    shoot(QStringLiteral("setup"));

    session.createStore(pass, pass);
    if (!waitForState(session, State::Unlocked)) {
        out << "could not create the store: " << session.errorMessage() << Qt::endl;
        return 1;
    }
    shoot(QStringLiteral("case-list"));

    sync::Writer writer(*session.store());
    for (const DemoCase& demo : kDemoCases) {
        auto id = writer.set(CaseListModel::kType, {}, CaseListModel::kName, demo.name);
        if (!id || !writer.set(CaseListModel::kType, *id, CaseListModel::kSocialSpace, demo.socialSpace) ||
            !writer.set(CaseListModel::kType, *id, CaseListModel::kStatus, demo.status)) {
            out << "could not write the demo cases" << Qt::endl;
            return 1;
        }
    }
    if (!writer.commit()) {
        out << "could not commit the demo cases" << Qt::endl;
        return 1;
    }
    cases.refresh();
    shoot(QStringLiteral("case-list-demo"));

    session.lock();
    shoot(QStringLiteral("unlock"));

    session.unlock(QStringLiteral("falsche-passphrase"));
    waitForState(session, State::Locked);
    shoot(QStringLiteral("unlock-error"));

    return failures == 0 ? 0 : 1;
}

}  // namespace quartier::app
