// The page drivers of the headless modes (app/tools/pagedriver.h): objectName'd items tapped, or a
// page's own properties set.
#include "tools/pagedriver.h"

#include "tools/headless.h"

#include <QQuickItem>
#include <QQuickWindow>

namespace quartier::app {

bool showVisitStep(QQuickItem* visitPage, int step)
{
    if (!tap(findItemIn(visitPage, QStringLiteral("visitStep_%1").arg(step))))
        return false;
    return visitPage->property("step").toInt() == step;
}

void showCaseSection(QQuickItem* casePage, int index)
{
    if (casePage)
        casePage->setProperty("currentSection", index);
}

bool restoreCaseDraft(QQuickItem* casePage)
{
    return tap(findItemIn(findItemIn(casePage, QStringLiteral("draftBanner")), QStringLiteral("draftRestore")));
}

bool openCaseShare(QQuickItem* casePage)
{
    return tap(findItemIn(casePage, QStringLiteral("shareCase")));
}

bool selectShareTarget(QQuickItem* casePage, const QString& deviceId)
{
    // The dialog is a popup: its items live in the window's overlay, not below the page.
    QQuickWindow* window = casePage ? casePage->window() : nullptr;
    return tap(findItem(window, QStringLiteral("shareTarget_") + deviceId));
}

bool restoreNewCaseDraft(QQuickItem* caseListPage)
{
    return tap(findItemIn(findItemIn(caseListPage, QStringLiteral("newCaseDraftBanner")), QStringLiteral("draftRestore")));
}

}  // namespace quartier::app
