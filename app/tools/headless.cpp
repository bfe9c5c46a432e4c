#include "tools/headless.h"

#include <algorithm>

#include <QCoreApplication>
#include <QPointF>
#include <QEventLoop>
#include <QMouseEvent>
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

QQuickItem* findItemIn(QQuickItem* root, const QString& objectName) { return findIn(root, objectName); }

bool tap(QQuickItem* item)
{
    if (!item || !item->window() || !item->isVisible() || !item->isEnabled())
        return false;
    settle(50);  // layouts polish before a frame: the item's place is known only then
    QQuickWindow* window = item->window();
    const QPointF pos = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    const QPointF global = window->mapToGlobal(pos);
    QMouseEvent press(QEvent::MouseButtonPress, pos, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, pos, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &release);
    // The finger is lifted: nothing stays hovered (a screenshot would show the highlight).
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(window, &leave);
    return true;
}

sync::Result<std::unique_ptr<sync::Transport>> offlineTransport(const std::string&, const std::string&)
{
    return std::unique_ptr<sync::Transport>(std::make_unique<OfflineTransport>());
}

// Scrolls the Flickable that holds the item `name` so that the item's top stands near the top.
void scrollIntoView(QQuickWindow* window, const QString& objectName)
{
    QQuickItem* card = findItem(window, objectName);
    QQuickItem* flick = card ? card->parentItem() : nullptr;
    while (flick && !flick->inherits("QQuickFlickable"))
        flick = flick->parentItem();
    if (!flick)
        return;
    const qreal y = card->mapToItem(flick->property("contentItem").value<QQuickItem*>(), QPointF()).y();
    const qreal maxY = flick->property("contentHeight").toReal() - flick->height();
    flick->setProperty("contentY", std::max<qreal>(0, std::min(y - 24, maxY)));
}

}  // namespace quartier::app
