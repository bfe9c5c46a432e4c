// The app while the store has no room (docs/app.md "A store that fails while unlocked"): a real
// store whose quota is its current size (sync::Store::debug_set_max_bytes), so a write fails the
// way it does on a full disk (SQLITE_FULL, Error::Full). The record dialog's "Speichern", the
// home visit's typed text and taps, and the offer edit say "Der Speicher dieses Geräts ist voll",
// keep what was typed, try no write on their own meanwhile, and save once space was freed.
#include "controllers/casecontroller.h"
#include "controllers/homevisitcontroller.h"
#include "controllers/offereditcontroller.h"
#include "models/offerlistmodel.h"
#include "adapters/storeproblem.h"
#include "tools/visitdemo.h"

#include "domain/repository.h"
#include "sync/store/store.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

#include <filesystem>
#include <memory>

using quartier::app::CaseController;
using quartier::app::HomeVisitController;
using quartier::app::storeProblemText;
namespace qd = quartier::domain;
namespace qs = quartier::sync;

namespace {

const quartier::crypto::PwhashParams kKdf{1, 8 * 1024 * 1024};

QString str(const std::string& s) { return QString::fromStdString(s); }

// A store with the demo families and offers of the home visit (app/tools/visitdemo.h).
struct FullFixture {
    QTemporaryDir tmp;
    std::unique_ptr<qs::Store> store;
    quartier::app::VisitDemo demo;

    FullFixture()
    {
        REQUIRE(tmp.isValid());
        auto made = qs::Store::create(std::filesystem::path(tmp.filePath(QStringLiteral("store")).toStdString()),
                                      "eine Passphrase", kKdf);
        REQUIRE(made);
        store = std::move(made).value();
        auto written = quartier::app::writeVisitDemo(*store);
        REQUIRE(written);
        demo = *written;
    }
    void fill() { REQUIRE(store->debug_set_max_bytes(1).ok()); }  // not one page more than now
    void free() { REQUIRE(store->debug_set_max_bytes(0).ok()); }
    std::size_t ops() const { return store->status().ops; }
};

// Longer than what fits into the pages a store has free: needs new ones.
QString longText(const QString& start) { return start + QString(20000, QLatin1Char('.')); }

bool saysFull(const QString& message) { return message.contains(QStringLiteral("Speicher dieses Geräts ist voll")); }

}  // namespace

TEST_CASE("The messages for a failed store name the cause: full, or another write error", "[storefailure]")
{
    const QString full = storeProblemText(qs::Error::Full);
    const QString io = storeProblemText(qs::Error::Io);
    CHECK(saysFull(full));
    CHECK(full.contains(QStringLiteral("nicht verloren")));
    CHECK_FALSE(saysFull(io));
    CHECK(io.contains(QStringLiteral("Schreibfehler")));
    CHECK(storeProblemText(std::nullopt).isEmpty());
}

TEST_CASE("A record dialog's Speichern on a full store keeps the form and saves once space is freed", "[storefailure]")
{
    FullFixture f;
    CaseController c;
    c.setToday(QStringLiteral("2026-03-02"));
    c.setStore(f.store.get());
    c.open(str(f.demo.caseId));
    REQUIRE(c.isOpen());
    const int notesBefore = c.contactsSection()->notes()->count();
    const QVariantMap values{{"text", longText(QStringLiteral("Frau Demir erzählt vom Elternabend"))}, {"entrusted", false}};

    f.fill();
    const std::size_t before = f.ops();
    CHECK_FALSE(c.saveRecord(QStringLiteral("note"), values));  // the dialog stays open with its values
    CHECK(saysFull(c.errorMessage()));
    CHECK(c.issues().isEmpty());  // no field is wrong: nothing to mark
    CHECK(f.store->failure() == qs::Error::Full);
    CHECK(f.ops() == before);
    CHECK(c.contactsSection()->notes()->count() == notesBefore);  // the page still shows the case as it was

    // Speichern again while the disk is still full: the same sentence, nothing written, no
    // follow-up error of a store that "failed earlier".
    CHECK_FALSE(c.saveRecord(QStringLiteral("note"), values));
    CHECK(saysFull(c.errorMessage()));
    CHECK(f.ops() == before);
    // Another edit of the page says the same.
    CHECK_FALSE(c.saveRecord(QStringLiteral("resource"), {{"area", "social"}, {"text", longText(QStringLiteral("Oma"))}}));
    CHECK(saysFull(c.errorMessage()));

    // Space freed: the same Speichern with the same values saves.
    f.free();
    REQUIRE(c.saveRecord(QStringLiteral("note"), values));
    CHECK(c.errorMessage().isEmpty());
    CHECK_FALSE(f.store->failed());
    REQUIRE(c.contactsSection()->notes()->count() == notesBefore + 1);
    qd::Repository repo(*f.store);
    bool found = false;
    for (const qd::Note& n : repo.notes(f.demo.caseId))
        found = found || n.text == values.value(QStringLiteral("text")).toString().toStdString();
    CHECK(found);
}

TEST_CASE("Home-visit text typed on a full store waits in the form and is written by the next tap once space is freed",
          "[storefailure]")
{
    FullFixture f;
    HomeVisitController visit;
    visit.setStore(f.store.get());
    REQUIRE(visit.startVisit(str(f.demo.caseId)));
    const QString note = longText(QStringLiteral("Mutter möchte den Elterntreff ausprobieren"));

    f.fill();
    visit.editNote(note);
    REQUIRE(visit.savePending());
    visit.flush();  // the field lost focus
    CHECK(saysFull(visit.errorMessage()));
    CHECK(visit.savePending());  // kept: nothing typed is lost
    CHECK(f.store->failure() == qs::Error::Full);

    // Nothing is written on its own meanwhile: a store coming back from a job flushes without a
    // user action, and leaves the Failed store alone (no re-read, no second error).
    const std::uint64_t generation = f.store->generation();
    visit.setStoreBusy(true);
    visit.setStoreBusy(false);
    CHECK(f.store->generation() == generation);
    CHECK(visit.savePending());
    CHECK(saysFull(visit.errorMessage()));

    // A tap while still full: refused with the same sentence, the text still waits.
    CHECK_FALSE(visit.setChildSeen(QStringLiteral("yes")));
    CHECK(saysFull(visit.errorMessage()));
    CHECK(visit.savePending());

    // Space freed: the next tap writes the waiting text and its own answer.
    f.free();
    REQUIRE(visit.setChildSeen(QStringLiteral("yes")));
    CHECK(visit.errorMessage().isEmpty());
    CHECK_FALSE(visit.savePending());
    qd::Repository repo(*f.store);
    auto notes = repo.notes_of_visit(visit.visitId().toStdString());
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].text == note.toStdString());
    auto event = repo.load<qd::ContactEvent>(visit.visitId().toStdString());
    REQUIRE(event);
    CHECK(event->child_seen == qd::ChildSeen::Yes);
}

TEST_CASE("An offer edit on a full store keeps its values and saves once space is freed", "[storefailure]")
{
    FullFixture f;
    quartier::app::OfferListModel offers;
    offers.setStore(f.store.get());
    quartier::app::OfferEditController editor(offers);
    editor.setStore(f.store.get());
    REQUIRE(!f.demo.garstedtServiceIds.empty());
    const QString id = str(f.demo.garstedtServiceIds.front());
    REQUIRE(editor.startEdit(id));
    const QString description = QStringLiteral("Dienstags offen für alle") + QString(3900, QLatin1Char('.'));  // at most 4000
    editor.setValue(QStringLiteral("description"), description);

    f.fill();
    CHECK_FALSE(editor.save());
    CHECK(saysFull(editor.message()));
    CHECK(editor.editing());
    CHECK(editor.values().value(QStringLiteral("description")).toString() == description);

    f.free();
    REQUIRE(editor.save());
    CHECK(editor.message().isEmpty());
    const qs::Record* r = f.store->get(id.toStdString());
    REQUIRE(r);
    CHECK(r->value("description") == description.toStdString());
}
