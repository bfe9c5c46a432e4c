#include "headless.h"

#include <QEventLoop>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

namespace quartier::app {

QUrl mainQmlUrl() { return QUrl(QStringLiteral("qrc:/qt/qml/Quartier/Ui/Main.qml")); }

bool waitForState(SessionController& session, SessionController::State state, int timeoutMs)
{
    if (session.state() == state)
        return true;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&session, &SessionController::stateChanged, &loop, [&] {
        if (session.state() == state)
            loop.quit();
    });
    timeout.start(timeoutMs);
    loop.exec();
    return session.state() == state;
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

namespace {

QQuickItem* findIn(QQuickItem* item, const QString& objectName)
{
    if (!item)
        return nullptr;
    if (item->objectName() == objectName && item->isVisible())
        return item;
    for (QQuickItem* child : item->childItems())
        if (QQuickItem* found = findIn(child, objectName))
            return found;
    return nullptr;
}

class OfflineTransport final : public sync::Transport
{
public:
    sync::Result<sync::Response> send(const sync::Request&) override
    {
        return {sync::Error::Network, "headless run: no network"};
    }
};

}  // namespace

QQuickItem* findItem(QQuickWindow* window, const QString& objectName)
{
    return window ? findIn(window->contentItem(), objectName) : nullptr;
}

sync::Result<std::unique_ptr<sync::Transport>> offlineTransport(const std::string&, const std::string&)
{
    return std::unique_ptr<sync::Transport>(std::make_unique<OfflineTransport>());
}

}  // namespace quartier::app
