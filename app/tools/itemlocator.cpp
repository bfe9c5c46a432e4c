// Where the window's named items are, for tests that drive the real window (itemlocator.h).
#include "tools/itemlocator.h"

#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSaveFile>

namespace quartier::app {

namespace {

// A passphrase is never written: an item that is a masked TextInput (echoMode other than
// Normal), one marked sensitive (Qt::ImhSensitiveData: PassphraseField's input keeps it while the
// passphrase is shown) or holds one (PassphraseField's `text` is its field's) shows no text.
bool masked(const QQuickItem* item, int depth = 0)
{
    const QVariant echo = item->property("echoMode");
    if (echo.isValid() && echo.toInt() != 0)
        return true;
    const QVariant hints = item->property("inputMethodHints");
    if (hints.isValid() && (hints.toInt() & Qt::ImhSensitiveData))
        return true;
    if (depth >= 4)
        return false;
    for (const QQuickItem* child : item->childItems())
        if (masked(child, depth + 1))
            return true;
    return false;
}

// One line per visible, named item: name, the window-relative rectangle, enabled, focus, text,
// then the rectangle it can be seen in (its nearest clipping ancestor's, a Flickable's view; the
// window's if none), so a test scrolls until the item is inside it before clicking.
void collect(QQuickItem* item, QByteArray& out, QRectF view)
{
    if (!item || !item->isVisible())
        return;
    if (item->clip())
        view = view.intersected(item->mapRectToScene(QRectF(0, 0, item->width(), item->height())));
    const QString name = item->objectName();
    if (!name.isEmpty() && item->width() > 0 && item->height() > 0) {
        const QPointF at = item->mapToScene(QPointF(0, 0));
        // What the item shows: its text, or a drop-down's chosen entry (ComboBox has no text).
        const QVariant shown = item->property("text").isValid() ? item->property("text") : item->property("displayText");
        QString text = masked(item) ? QString() : shown.toString();
        text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\t%8\t%9\n")
                   .arg(name)
                   .arg(qRound(at.x()))
                   .arg(qRound(at.y()))
                   .arg(qRound(item->width()))
                   .arg(qRound(item->height()))
                   .arg(item->isEnabled() ? 1 : 0)
                   .arg(item->hasActiveFocus() ? 1 : 0)
                   .arg(text)
                   .arg(QStringLiteral("%1 %2 %3 %4").arg(qRound(view.x())).arg(qRound(view.y()))
                            .arg(qRound(view.width())).arg(qRound(view.height())))
                   .toUtf8();
    }
    for (QQuickItem* child : item->childItems())
        collect(child, out, view);
}

}  // namespace

ItemLocator::ItemLocator(QObject* parent) : QObject(parent), m_path(qEnvironmentVariable("QUARTIER_TEST_LOCATE"))
{
    if (m_path.isEmpty())
        return;
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ItemLocator::write);
    m_timer.start();
}

void ItemLocator::write()
{
    if (!m_window || !m_window->contentItem())
        return;
    const QRectF window(0, 0, m_window->width(), m_window->height());
    QByteArray out = QStringLiteral("window\t0\t0\t%1\t%2\t1\t0\t\t0 0 %1 %2\n")
                         .arg(m_window->width())
                         .arg(m_window->height())
                         .toUtf8();
    collect(m_window->contentItem(), out, window);
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(out);
        file.commit();
    }
}

}  // namespace quartier::app
