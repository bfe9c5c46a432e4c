// Developer tooling for the tests that drive the real window with X events (tests/app/window/):
// with QUARTIER_TEST_LOCATE=<file> the app writes, a few times a second, where each visible,
// objectName'd item of its window is (and the part of the window it can be seen in: a scrolled
// view's), so a test can click and type there with xdotool as a user
// would. Nothing is read from the file and nothing the user does goes through it: the input
// takes the real path (X server, Qt's xcb plugin, the scene). It names no content but an item's
// `text` where the item has one (a field, a button, a label): only a test store's, and only
// when the variable is set, which a user's run never does.
//
// States: off (no variable) or writing every kIntervalMs. Invariant: the file is replaced whole
// (written aside, then renamed), so a reader never sees half of it.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QQuickWindow;

namespace quartier::app {

class ItemLocator : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 150;
    // Starts writing if QUARTIER_TEST_LOCATE is set; else does nothing.
    explicit ItemLocator(QObject* parent = nullptr);
    void setWindow(QQuickWindow* window) { m_window = window; }
    bool active() const { return !m_path.isEmpty(); }

private:
    void write();
    QString m_path;
    QQuickWindow* m_window = nullptr;
    QTimer m_timer;
};

}  // namespace quartier::app
