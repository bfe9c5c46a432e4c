// What the app says and does when a store write fails while the session is unlocked (a full disk,
// an I/O error: docs/app.md "A store that fails while unlocked"). The page controllers share it,
// so every screen says the same thing about the same cause.
//
// The store is then Failed (sync::Store::failure()): reads go on, writes are refused. A write the
// user asks for ("Speichern", a tap, "Jetzt synchronisieren") first recovers it
// (Store::recover(): the state re-read from the database, nothing written), so once space was
// freed the same tap saves; text typed meanwhile waits in its form and is never written on its own
// (no automatic write on a Failed store, so no second, confusing error).
#pragma once

#include "sync/core/error.h"

#include <QString>

#include <optional>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

// The German sentence for why a write failed: "Der Speicher dieses Geräts ist voll …" for
// Error::Full, another for other I/O errors; empty for nullopt. The typed input is kept: the
// sentence says so and what to do.
QString storeProblemText(std::optional<sync::Error> why);
// The same for the store's current failure (empty while it is Open).
QString storeProblemText(const sync::Store& store);
// Before a write the user asked for: a Failed store is recovered first. True if it is Open now.
// Only on the thread that holds the store (the GUI thread while it is not lent to a job).
bool recoverForWrite(sync::Store& store);

}  // namespace quartier::app
