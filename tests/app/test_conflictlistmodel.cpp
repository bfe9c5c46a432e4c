// ConflictListModel (every conflicted field, all versions, one-tap resolve through the domain
// layer), DeviceListModel (the verified directory's devices) and LanguageController (live switch,
// remembered in QSettings). Models under QAbstractItemModelTester.
#include "models/conflictlistmodel.h"
#include "models/devicelistmodel.h"
#include "controllers/languagecontroller.h"
#include "tools/visitdemo.h"

#include "crypto/crypto.h"
#include "crypto/identity.h"
#include "domain/repository.h"
#include "sync/store/store.h"

#include "adapters/domainlabels.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <filesystem>

using quartier::app::ConflictListModel;
using quartier::app::DeviceListModel;
using quartier::app::LanguageController;
namespace d = quartier::domain;
namespace qs = quartier::sync;

namespace {

std::unique_ptr<qs::Store> makeStore(const QTemporaryDir& tmp)
{
    auto store = qs::Store::create(std::filesystem::path(tmp.filePath(QStringLiteral("store")).toStdString()),
                                   "eine Passphrase", quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
    REQUIRE(store);
    return std::move(store).value();
}

// A store with the demo families (notes, wills) and offers of app/tools/visitdemo.h.
struct DemoStore {
    QTemporaryDir tmp;
    std::unique_ptr<qs::Store> store;
    quartier::app::VisitDemo demo;
    DemoStore()
    {
        REQUIRE(tmp.isValid());
        store = makeStore(tmp);
        auto written = quartier::app::writeVisitDemo(*store);
        REQUIRE(written);
        demo = *written;
    }
};

// Two writers staged against the same heads: the edits are concurrent, as two devices' would be.
void concurrent(qs::Store& store, const std::string& type, const std::string& id, const std::string& field,
                const std::string& a, const std::string& b)
{
    qs::Writer w1(store), w2(store);
    REQUIRE(w1.set(type, id, field, a).ok());
    REQUIRE(w2.set(type, id, field, b).ok());
    REQUIRE(w1.commit().ok());
    REQUIRE(w2.commit().ok());
    REQUIRE(store.get(id)->conflicted());
}

int rowOf(const ConflictListModel& model, const std::string& id, const QString& field)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex at = model.index(r);
        if (model.data(at, ConflictListModel::RecordIdRole).toString() == QString::fromStdString(id) &&
            model.data(at, ConflictListModel::FieldRole).toString() == field)
            return r;
    }
    return -1;
}

QStringList values(const ConflictListModel& model, int row)
{
    QStringList out;
    for (const QVariant& v : model.data(model.index(row), ConflictListModel::VersionsRole).toList())
        out << v.toMap().value(QStringLiteral("value")).toString();
    return out;
}

}  // namespace

TEST_CASE("The conflicts model lists every conflicted field with all versions and resolves with one tap", "[conflicts]")
{
    DemoStore f;
    const auto& store = f.store;
    const quartier::app::VisitDemo* demo = &f.demo;
    d::Repository repo(*store);
    const std::vector<d::Note> notes = repo.notes(demo->caseId);
    REQUIRE_FALSE(notes.empty());
    const std::string noteId = notes.front().id;

    ConflictListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy countSpy(&model, &ConflictListModel::countChanged);
    model.setStore(store.get());
    CHECK(model.count() == 0);

    concurrent(*store, "note", noteId, "text", "Fassung A", "Fassung B");
    concurrent(*store, "case", demo->caseId, "status", "active", "clarification");
    concurrent(*store, "service", demo->serviceIds.front(), "times", "Mo 9 Uhr", "Di 10 Uhr");
    model.refresh();
    REQUIRE(model.count() == 3);
    CHECK(countSpy.count() >= 1);

    const int noteRow = rowOf(model, noteId, QStringLiteral("text"));
    REQUIRE(noteRow >= 0);
    QStringList noteValues = values(model, noteRow);
    noteValues.sort();
    CHECK(noteValues == QStringList{QStringLiteral("Fassung A"), QStringLiteral("Fassung B")});
    CHECK(model.data(model.index(noteRow), ConflictListModel::TitleRole).toString() == QStringLiteral("Familie Demir"));
    CHECK(model.data(model.index(noteRow), ConflictListModel::TypeLabelRole).toString() == QStringLiteral("Vermerk"));
    const QVariantList versions = model.data(model.index(noteRow), ConflictListModel::VersionsRole).toList();
    CHECK(versions.front().toMap().value(QStringLiteral("winner")).toBool());
    CHECK(versions.front().toMap().value(QStringLiteral("author")).toString() == QStringLiteral("dieses Gerät"));

    // One tap on the second version: that value is kept, the conflict is gone, nothing else changes.
    const QString chosen = values(model, noteRow).at(1);
    QSignalSpy resolved(&model, &ConflictListModel::resolved);
    REQUIRE(model.resolve(noteRow, 1));
    CHECK(resolved.count() == 1);
    CHECK(model.count() == 2);
    CHECK_FALSE(store->get(noteId)->conflicted());
    CHECK(repo.load<d::Note>(noteId)->text == chosen.toStdString());
    CHECK(store->get(demo->caseId)->conflicted());

    // A record outside the domain (an offer) is settled with one of its own versions.
    const int serviceRow = rowOf(model, demo->serviceIds.front(), QStringLiteral("times"));
    REQUIRE(serviceRow >= 0);
    const QString serviceChoice = values(model, serviceRow).at(0);
    REQUIRE(model.resolve(serviceRow, 0));
    CHECK(store->get(demo->serviceIds.front())->value("times") == serviceChoice.toStdString());
    CHECK(model.count() == 1);

    // Out of range or while the store is lent: nothing is written.
    CHECK_FALSE(model.resolve(5, 0));
    model.setStoreBusy(true);
    CHECK_FALSE(model.resolve(0, 0));
    CHECK_FALSE(model.errorMessage().isEmpty());
    model.setStoreBusy(false);
    CHECK(store->get(demo->caseId)->conflicted());
    REQUIRE(model.resolve(rowOf(model, demo->caseId, QStringLiteral("status")), 0));
    CHECK(model.count() == 0);
    CHECK(store->status().conflicts == 0);

    model.setStore(nullptr);
    CHECK(model.rowCount() == 0);
}

TEST_CASE("A conflict names its field and shows its values as everywhere else, never by their ids", "[conflicts]")
{
    DemoStore f;
    ConflictListModel model;
    model.setStore(f.store.get());
    // A field the conflicts screen has no word of its own for, with dates as values.
    concurrent(*f.store, "case", f.demo.caseId, "opened_on", "2026-03-01", "2026-03-02");
    model.refresh();
    const int row = rowOf(model, f.demo.caseId, QStringLiteral("opened_on"));
    REQUIRE(row >= 0);
    CHECK(model.data(model.index(row), ConflictListModel::FieldLabelRole).toString() == QStringLiteral("Eröffnet am"));
    QStringList shown;
    for (const QVariant& v : model.data(model.index(row), ConflictListModel::VersionsRole).toList())
        shown << v.toMap().value(QStringLiteral("display")).toString();
    shown.sort();
    CHECK(shown == QStringList{QStringLiteral("01.03.2026"), QStringLiteral("02.03.2026")});
    CHECK(values(model, row).contains(QStringLiteral("2026-03-01")));  // what is stored stays ISO
}

TEST_CASE("A version the domain refuses is not taken and the conflict stays", "[conflicts]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    auto store = makeStore(tmp);
    auto demo = quartier::app::writeVisitDemo(*store);
    REQUIRE(demo);
    // Written past the domain layer (as an old or foreign build might): a status no case has.
    concurrent(*store, "case", demo->caseId, "status", "active", "irgendwas");
    ConflictListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStore(store.get());
    REQUIRE(model.count() == 1);
    const int bad = values(model, 0).indexOf(QStringLiteral("irgendwas"));
    REQUIRE(bad >= 0);
    CHECK_FALSE(model.resolve(0, bad));
    CHECK_FALSE(model.errorMessage().isEmpty());
    CHECK(store->get(demo->caseId)->conflicted());
    CHECK(model.count() == 1);
    REQUIRE(model.resolve(0, 1 - bad));
    CHECK(store->get(demo->caseId)->value("status") == "active");
    CHECK(model.errorMessage().isEmpty());
}

TEST_CASE("The devices model lists the verified directory's devices, this one first, revoked ones last", "[devices]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    auto store = makeStore(tmp);
    DeviceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStore(store.get());
    CHECK(model.count() == 0);  // not enrolled: no directory yet

    namespace qc = quartier::crypto;
    const qc::DeviceIdentity admin = qc::DeviceIdentity::generate();
    const qc::DeviceIdentity other = qc::DeviceIdentity::generate();
    const qc::DeviceIdentity lost = qc::DeviceIdentity::generate();
    const qc::DeviceIdentity& me = store->device();
    qs::Directory directory;
    std::vector<qs::SignedEntry> entries{qs::Directory::make_genesis(admin, qc::random_id(), "Jugendamt", 1)};
    // Each entry chains to the one before: append it to the local copy before making the next.
    const auto next = [&] { REQUIRE(directory.append(entries.back()).ok()); };
    next();
    entries.push_back(directory.make_enrol(admin, lost.id(), lost.sign_public(), lost.box_public(), "Altes Tablet", "caseworker", 2));
    next();
    entries.push_back(directory.make_enrol(admin, other.id(), other.sign_public(), other.box_public(), "Tablet Nord", "helper", 3));
    next();
    entries.push_back(directory.make_enrol(admin, me.id(), me.sign_public(), me.box_public(), "Zuletzt angemeldet", "caseworker", 4));
    next();
    entries.push_back(directory.make_revoke(admin, lost.id(), false, 5));
    REQUIRE(store->extend_directory(entries).ok());

    model.setStoreBusy(true);
    model.refresh();  // deferred while the store is lent
    CHECK(model.count() == 0);
    model.setStoreBusy(false);
    REQUIRE(model.count() == 3);
    const auto at = [&](int row, int role) { return model.data(model.index(row), role); };
    CHECK(at(0, DeviceListModel::NameRole).toString() == QStringLiteral("Zuletzt angemeldet"));
    CHECK(at(0, DeviceListModel::ThisDeviceRole).toBool());
    CHECK(at(1, DeviceListModel::NameRole).toString() == QStringLiteral("Tablet Nord"));
    CHECK(at(1, DeviceListModel::RoleLabelRole).toString() == QStringLiteral("Familienhilfe (freier Träger)"));
    CHECK(at(2, DeviceListModel::NameRole).toString() == QStringLiteral("Altes Tablet"));
    CHECK(at(2, DeviceListModel::RevokedRole).toBool());
    CHECK_FALSE(at(1, DeviceListModel::RevokedRole).toBool());
}

TEST_CASE("The language switches live and is remembered, the command line wins for one start", "[language]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    QSettings settings(tmp.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const auto label = [] { return ConflictListModel::typeLabel(QStringLiteral("note")); };
    {
        LanguageController language(&settings);
        language.start(QStringLiteral("de"));
        CHECK(language.language() == QStringLiteral("de"));
        CHECK(label() == QStringLiteral("Vermerk"));
        QSignalSpy changed(&language, &LanguageController::languageChanged);
        language.setLanguage(QStringLiteral("en"));
        CHECK(changed.count() == 1);
        CHECK(language.language() == QStringLiteral("en"));
        CHECK(label() == QStringLiteral("Note"));
        // The case list's status chips (CaseListModel::statusChoices) read these labels.
        CHECK(quartier::app::choiceLabel(QStringLiteral("case_status"), QStringLiteral("clarification")) ==
              QStringLiteral("Being clarified"));
        language.setLanguage(QStringLiteral("fr"));  // not offered: ignored
        CHECK(language.language() == QStringLiteral("en"));
        CHECK(settings.value(LanguageController::kSettingsKey).toString() == QStringLiteral("en"));
    }
    CHECK(label() == QStringLiteral("Vermerk"));  // the translator left with its controller
    {
        LanguageController language(&settings);
        language.start({});  // the remembered choice
        CHECK(language.language() == QStringLiteral("en"));
        CHECK(label() == QStringLiteral("Note"));
    }
    {
        LanguageController language(&settings);
        language.start(QStringLiteral("de"));  // --lang de for this start
        CHECK(language.language() == QStringLiteral("de"));
        CHECK(label() == QStringLiteral("Vermerk"));
        CHECK(settings.value(LanguageController::kSettingsKey).toString() == QStringLiteral("en"));
    }
}

namespace {

// One writer edits `field`, another deletes the record, both staged against the same heads: the
// edit is concurrent with the delete, as one device's edit of a record another deleted would be.
void editWhileDeleted(qs::Store& store, const std::string& type, const std::string& id, const std::string& field,
                      const std::string& value)
{
    qs::Writer edit(store), del(store);
    REQUIRE(edit.set(type, id, field, value).ok());
    REQUIRE(del.remove(id).ok());
    REQUIRE(edit.commit().ok());
    REQUIRE(del.commit().ok());
    REQUIRE(store.get(id)->delete_conflict());
}

QVariantMap version(const ConflictListModel& model, int row, int v)
{
    return model.data(model.index(row), ConflictListModel::VersionsRole).toList().at(v).toMap();
}

}  // namespace

TEST_CASE("An edit concurrent with a delete shows on the conflicts screen with both choices", "[conflicts]")
{
    DemoStore f;
    const auto& store = f.store;
    const quartier::app::VisitDemo* demo = &f.demo;
    d::Repository repo(*store);
    const std::vector<d::Note> notes = repo.notes(demo->caseId);
    const std::vector<d::WillStatement> wills = repo.will_statements(demo->caseId);
    REQUIRE_FALSE(notes.empty());
    REQUIRE_FALSE(wills.empty());
    const d::Note note = notes.front();
    const std::string willId = wills.front().id;
    const std::string offerId = demo->serviceIds.front();
    const std::string otherOfferId = demo->serviceIds.back();
    const std::string offerName = store->get(offerId)->value("name").value();

    ConflictListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStore(store.get());
    REQUIRE(model.count() == 0);

    editWhileDeleted(*store, "note", note.id, "text", "Nach dem Gespräch ergänzt");
    editWhileDeleted(*store, "will_statement", willId, "own_contribution", "Ich rufe selbst an");
    editWhileDeleted(*store, "service", offerId, "times", "Sa 10 Uhr");
    editWhileDeleted(*store, "service", otherOfferId, "times", "So 11 Uhr");
    // Until a person decides, the edit wins (docs/architecture.md §5) but the record lost what the delete saw.
    CHECK(repo.notes(demo->caseId).size() == notes.size() - 1);
    model.refresh();
    REQUIRE(model.count() == 4);

    const int noteRow = rowOf(model, note.id, QString());
    REQUIRE(noteRow >= 0);
    CHECK(model.data(model.index(noteRow), ConflictListModel::KindRole).toInt() == int(ConflictListModel::Kind::Delete));
    CHECK(model.data(model.index(noteRow), ConflictListModel::TitleRole).toString() == QStringLiteral("Familie Demir"));
    const QVariantMap edit = version(model, noteRow, ConflictListModel::kKeepEdit);
    const QVariantMap deletion = version(model, noteRow, ConflictListModel::kConfirmDelete);
    CHECK(edit.value(QStringLiteral("action")).toString() == QStringLiteral("keep"));
    CHECK(edit.value(QStringLiteral("display")).toString() == QStringLiteral("Text: Nach dem Gespräch ergänzt"));
    CHECK(edit.value(QStringLiteral("author")).toString() == QStringLiteral("dieses Gerät"));
    CHECK(deletion.value(QStringLiteral("action")).toString() == QStringLiteral("delete"));
    CHECK(deletion.value(QStringLiteral("display")).toString() == QStringLiteral("Gelöscht"));

    SECTION("keeping the edit brings the record back whole, with the edit")
    {
        QSignalSpy resolved(&model, &ConflictListModel::resolved);
        REQUIRE(model.resolve(noteRow, ConflictListModel::kKeepEdit));
        CHECK(resolved.count() == 1);
        CHECK(model.count() == 3);
        CHECK(rowOf(model, note.id, QString()) < 0);
        CHECK_FALSE(store->get(note.id)->conflicted());
        auto kept = repo.load<d::Note>(note.id);
        REQUIRE(kept);
        CHECK(kept->text == "Nach dem Gespräch ergänzt");
        CHECK(kept->case_id == note.case_id);   // what the delete had taken away is back
        CHECK(kept->author == note.author);
        CHECK(repo.notes(demo->caseId).size() == notes.size());

        // The offer map's record the same way: its name and space are back, the new times kept.
        const int offerRow = rowOf(model, offerId, QString());
        REQUIRE(offerRow >= 0);
        REQUIRE(model.resolve(offerRow, ConflictListModel::kKeepEdit));
        const qs::Record* offer = store->get(offerId);
        CHECK_FALSE(offer->conflicted());
        CHECK_FALSE(offer->deleted());
        CHECK(offer->value("name") == offerName);
        CHECK(offer->value("times") == "Sa 10 Uhr");
        CHECK(model.count() == 2);
    }
    SECTION("confirming the deletion deletes the edit too")
    {
        const int willRow = rowOf(model, willId, QString());
        REQUIRE(willRow >= 0);
        REQUIRE(model.resolve(willRow, ConflictListModel::kConfirmDelete));
        CHECK(store->get(willId)->deleted());
        CHECK_FALSE(store->get(willId)->conflicted());
        CHECK(rowOf(model, willId, QString()) < 0);

        const int offerRow = rowOf(model, otherOfferId, QString());
        REQUIRE(offerRow >= 0);
        REQUIRE(model.resolve(offerRow, ConflictListModel::kConfirmDelete));
        CHECK(store->get(otherOfferId)->deleted());
        CHECK(model.count() == 2);
    }
}
