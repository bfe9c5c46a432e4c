#include "tools/offerscreens.h"

#include "tools/demodata.h"
#include "tools/headless.h"
#include "controllers/navigator.h"
#include "controllers/offereditcontroller.h"
#include "models/offerlistmodel.h"

#include "sync/store/store.h"

#include <QDate>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>

namespace quartier::app {

namespace {

template <class T>
T* singleton(QQmlEngine& engine, const char* name)
{
    const int id = qmlTypeId("Quartier.Ui", 1, 0, name);
    return id < 0 ? nullptr : engine.singletonInstance<T*>(id);
}

// The offer map's view, through OfferMapPage.qml's own properties: "list" or the schematic
// "spaces" view.
void showOfferMode(QQuickItem* page, const char* mode)
{
    if (page)
        page->setProperty("mode", QString::fromLatin1(mode));
}
// The list with one offer's detail shown.
void showOffer(QQuickItem* page, const QString& serviceId)
{
    showOfferMode(page, "list");
    if (page)
        page->setProperty("selectedId", serviceId);
}

// The id of the first offer named `name`, or "".
QString offerNamed(const OfferListModel& offers, const std::string& name)
{
    for (const offers::Service& s : offers.catalogue().services())
        if (s.name == name)
            return QString::fromStdString(s.id);
    return {};
}

}  // namespace

bool seedDemoOffers(QQmlEngine& engine, sync::Store& store, QTextStream& out)
{
    auto* offers = singleton<OfferListModel>(engine, "Offers");
    const auto seeded = writeDemoData(store);  // the one demo data set; the part already there stays
    if (!offers || !seeded) {
        out << "could not seed the demo offers: " << (seeded ? "no Offers singleton" : seeded.detail().c_str()) << Qt::endl;
        return false;
    }
    offers->refresh();
    return true;
}

int shootOfferScreens(QQmlEngine& engine, QQuickWindow* window, Navigator& navigator, QTextStream& out,
                      const std::function<void(const QString&)>& shoot)
{
    auto* offers = singleton<OfferListModel>(engine, "Offers");
    auto* editor = singleton<OfferEditController>(engine, "OfferEditor");
    if (!offers || !editor) {
        out << "FAIL the Offers and OfferEditor singletons are not registered" << Qt::endl;
        return 1;
    }
    int failures = 0;
    navigator.openOffers();
    settle(300);
    QQuickItem* page = findItem(window, QStringLiteral("offerMapPage"));
    if (!page) {
        out << "FAIL the offer map did not open" << Qt::endl;
        return 1;
    }
    shoot(QStringLiteral("offer-map"));

    const QString football = offerNamed(*offers, "Fußball für Kinder (F- und E-Jugend)");
    offers->setSearchText(QStringLiteral("fussball"));
    showOffer(page, football);
    settle(200);
    shoot(QStringLiteral("offer-search"));
    offers->setSearchText({});
    offers->setCategory(QStringLiteral("group"));
    showOffer(page, offerNamed(*offers, "Trauergruppe für Kinder „Sternenzelt“"));
    settle(200);
    shoot(QStringLiteral("offer-detail"));
    offers->clearFilters();

    showOfferMode(page, "spaces");
    settle(200);
    shoot(QStringLiteral("offer-spaces"));
    showOfferMode(page, "list");

    navigator.editOffer(football);
    settle(300);
    if (!findItem(window, QStringLiteral("offerEditPage"))) {
        out << "FAIL the offer edit page did not open" << Qt::endl;
        ++failures;
    }
    shoot(QStringLiteral("offer-edit"));
    // What a slip of the finger shows: the messages under the fields, nothing saved.
    editor->setValue(QStringLiteral("age_min"), QStringLiteral("12"));
    editor->setValue(QStringLiteral("age_max"), QStringLiteral("6"));
    editor->setValue(QStringLiteral("email"), QStringLiteral("training at verein"));
    if (editor->save()) {
        out << "FAIL an invalid offer was saved" << Qt::endl;
        ++failures;
    }
    settle(200);
    shoot(QStringLiteral("offer-edit-errors"));
    // Leaving the changed form (✕, Escape, the back key) asks first.
    navigator.goBack();
    settle(300);
    if (!findItem(window, QStringLiteral("discardKeep"))) {
        out << "FAIL leaving a changed offer form did not ask first" << Qt::endl;
        ++failures;
    }
    shoot(QStringLiteral("offer-edit-discard"));
    editor->cancel();
    navigator.closeOffers();  // pops the edit page and the offer map
    settle(300);
    return failures;
}

int selfTestOfferScreens(QQuickWindow* window, Navigator& navigator, QTextStream& out)
{
    int failures = 0;
    const auto expect = [&](const char* objectName, const char* what) {
        if (findItem(window, QString::fromLatin1(objectName))) {
            out << "ok   " << what << " shown" << Qt::endl;
        } else {
            out << "FAIL " << what << " did not open" << Qt::endl;
            ++failures;
        }
    };
    navigator.openOffers();
    settle(300);
    expect("offerMapPage", "offer map");
    QQuickItem* page = findItem(window, QStringLiteral("offerMapPage"));
    showOfferMode(page, "spaces");
    settle(200);
    expect("socialSpaceMap", "schematic social-space view");
    showOfferMode(page, "list");
    navigator.editOffer(QString());
    settle(300);
    expect("offerEditPage", "offer edit page");
    navigator.closeOffers();
    settle(300);
    if (findItem(window, QStringLiteral("offerMapPage"))) {
        out << "FAIL the offer map did not close" << Qt::endl;
        ++failures;
    }
    return failures;
}

}  // namespace quartier::app
