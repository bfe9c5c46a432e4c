#include "adapters/storeproblem.h"

#include "sync/store/store.h"

#include <QCoreApplication>

namespace quartier::app {

QString storeProblemText(std::optional<sync::Error> why)
{
    if (!why)
        return {};
    if (*why == sync::Error::Full)
        return QCoreApplication::translate(
            "StoreProblem",
            "Der Speicher dieses Geräts ist voll. Ihre Eingaben sind nicht verloren, sie stehen noch hier. Geben Sie "
            "Speicherplatz frei (z. B. Fotos oder Videos löschen) und speichern Sie dann erneut.");
    return QCoreApplication::translate(
        "StoreProblem",
        "Der Datenspeicher dieses Geräts meldet einen Schreibfehler. Ihre Eingaben sind nicht verloren, sie stehen "
        "noch hier. Versuchen Sie es erneut; hilft das nicht, wenden Sie sich an Ihre Administration.");
}

QString storeProblemText(const sync::Store& store) { return storeProblemText(store.failure()); }

bool recoverForWrite(sync::Store& store)
{
    if (!store.failed())
        return true;
    return store.recover().ok();
}

}  // namespace quartier::app
