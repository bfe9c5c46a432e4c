#include "headless.h"

#include <QEventLoop>
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

}  // namespace quartier::app
