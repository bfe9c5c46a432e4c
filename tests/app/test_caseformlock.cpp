// A case-page form open when the session locks (issue 5: nothing typed is lost): CaseController
// wired to a real SessionController as main.cpp wires it, the form handed over as RecordDialog
// hands it over on aboutToLock. Saved while a job holds the store (on the store thread, before the
// store closes); refused by the domain, kept as a sealed draft the case page offers after unlock.
#include "casecontroller.h"
#include "headless.h"
#include "sessioncontroller.h"

#include "domain/repository.h"
#include "sync/store.h"

#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <future>

using quartier::app::CaseController;
using quartier::app::SessionController;
namespace qd = quartier::domain;
namespace qs = quartier::sync;

namespace {

const QString kPass = QStringLiteral("eine Passphrase");

// An unlocked session with one case and one person, and the case page's controller wired to it.
struct LockFixture {
    QTemporaryDir tmp;
    SessionController session{tmp.filePath(QStringLiteral("store"))};
    CaseController detail;
    std::string caseId;
    std::string personId;
    // What the open RecordDialog hands over on aboutToLock; empty: no form is open.
    QVariantMap form;
    QString recordId;
    QVariantMap values;

    LockFixture()
    {
        REQUIRE(tmp.isValid());
        session.setKdfParams(quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
        session.createStore(kPass, kPass);
        REQUIRE(quartier::app::waitForState(session, SessionController::State::Unlocked));
        qd::Repository repo(*session.store());
        qd::Case c;
        c.name = "Familie Yilmaz";
        c.social_space = "Garstedt";
        c.status = qd::CaseStatus::Active;
        c.lead_worker = "A. Berger";
        c.opened_on = "2026-03-02";
        qd::Issues issues;
        qd::SaveOptions options;
        options.issues = &issues;
        auto saved = repo.save(c, options);
        INFO(qd::describe(issues));
        INFO((saved ? std::string() : std::string(qd::to_string(saved.error()))));
        REQUIRE(saved);
        caseId = *saved;
        qd::Person p;
        p.case_id = caseId;
        p.given_name = "Selin";
        auto person = repo.save(p);
        REQUIRE(person);
        personId = *person;

        // As main.cpp and RecordDialog.qml wire them.
        detail.setSession(&session);
        QObject::connect(&session, &SessionController::storeChanged, &detail, [this] { detail.setStore(session.store()); });
        QObject::connect(&session, &SessionController::storeBusyChanged, &detail,
                         [this] { detail.setStoreBusy(session.storeBusy()); });
        QObject::connect(&session, &SessionController::aboutToLock, &detail, [this] {
            if (!form.isEmpty())
                detail.saveForLock(form, recordId, values);
        });
        detail.setStore(session.store());
        detail.open(QString::fromStdString(caseId));
        REQUIRE(detail.isOpen());
    }

    // Holds the store as a sync on the wire does, until the returned promise is set.
    std::promise<void> holdStore()
    {
        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        REQUIRE(session.runStoreJob([released](qs::Store&, const std::atomic<bool>&) { released.wait(); }, &detail, [] {}));
        REQUIRE(session.storeBusy());
        // The page's own "Speichern" is refused now: only the lock's job can write.
        REQUIRE_FALSE(detail.saveRecord(QStringLiteral("note"), {{QStringLiteral("text"), QStringLiteral("jetzt nicht")}}));
        return release;
    }

    void lockAndUnlock(std::promise<void>* held)
    {
        session.lock();
        REQUIRE(session.state() == SessionController::State::Locked);
        CHECK_FALSE(detail.isOpen());
        if (held)
            held->set_value();
        session.unlock(kPass);
        REQUIRE(quartier::app::waitForState(session, SessionController::State::Unlocked));
        detail.open(QString::fromStdString(caseId));
        REQUIRE(detail.isOpen());
    }

    // Every file of the store directory (database, WAL, key file) as raw bytes.
    QByteArray rawStore() const
    {
        QByteArray all;
        QDirIterator it(tmp.filePath(QStringLiteral("store")), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            REQUIRE(f.open(QIODevice::ReadOnly));
            all += f.readAll();
        }
        return all;
    }
};

QVariantMap recordForm(const QString& type)
{
    return {{QStringLiteral("title"), QStringLiteral("Formular")},
            {QStringLiteral("target"), QStringLiteral("record")},
            {QStringLiteral("recordType"), type},
            {QStringLiteral("fields"), QVariantList{QVariantMap{{QStringLiteral("key"), QStringLiteral("text")}}}}};
}

}  // namespace

TEST_CASE("A form open at a lock while a job holds the store is saved before the store closes", "[case][session]")
{
    LockFixture f;
    std::promise<void> held = f.holdStore();
    f.form = recordForm(QStringLiteral("note"));
    f.values = {{QStringLiteral("text"), QStringLiteral("Beim Sperren getippt, während synchronisiert wurde.")}};
    f.lockAndUnlock(&held);

    qd::Repository repo(*f.session.store());
    const std::vector<qd::Note> notes = repo.notes(f.caseId);
    REQUIRE(notes.size() == 1);
    CHECK(notes.front().text == "Beim Sperren getippt, während synchronisiert wurde.");
    CHECK(f.detail.draft().isEmpty());
    CHECK(f.detail.notes()->rowCount() == 1);
}

TEST_CASE("An edit of a record open at a lock while the store is busy updates that record", "[case][session]")
{
    LockFixture f;
    std::string noteId;
    {
        qd::Repository repo(*f.session.store());
        qd::Note n;
        n.case_id = f.caseId;
        n.text = "Erste Fassung";
        n.written_at = "2026-03-02T10:00";
        auto saved = repo.save(n);
        REQUIRE(saved);
        noteId = *saved;
    }
    std::promise<void> held = f.holdStore();
    f.form = recordForm(QStringLiteral("note"));
    f.recordId = QString::fromStdString(noteId);
    f.values = {{QStringLiteral("text"), QStringLiteral("Zweite Fassung")}};
    f.lockAndUnlock(&held);

    qd::Repository repo(*f.session.store());
    auto note = repo.load<qd::Note>(noteId);
    REQUIRE(note);
    CHECK(note->text == "Zweite Fassung");
    CHECK(repo.notes(f.caseId).size() == 1);
}

TEST_CASE("A form the domain refuses at a lock is kept as a sealed draft the case page offers", "[case][session]")
{
    LockFixture f;
    const bool busy = GENERATE(false, true);
    std::promise<void> held;
    if (busy)
        held = f.holdStore();
    // A will statement whose person is not chosen yet: the domain refuses it (person_id required).
    const QString canary = QStringLiteral("KANARIENVOGEL Ich will meine Ausbildung fertig machen");
    f.form = recordForm(QStringLiteral("will_statement"));
    f.values = {{QStringLiteral("person_id"), QString()},
                {QStringLiteral("text"), canary},
                {QStringLiteral("own_contribution"), QStringLiteral("Ich melde mich bei der Schule")}};
    QSignalSpy drafts(&f.detail, &CaseController::draftChanged);
    f.lockAndUnlock(busy ? &held : nullptr);
    f.form.clear();

    // Nothing of it was saved as a record, and the store files never hold the text in the clear.
    qd::Repository repo(*f.session.store());
    CHECK(repo.will_statements(f.caseId).empty());
    CHECK_FALSE(f.rawStore().contains(canary.toUtf8()));
    CHECK_FALSE(f.rawStore().contains(QByteArrayLiteral("KANARIENVOGEL")));

    // The page offers it; restoring gives back the form and what was typed.
    const QVariantMap draft = f.detail.draft();
    REQUIRE_FALSE(draft.isEmpty());
    CHECK(drafts.count() >= 1);
    CHECK(draft.value(QStringLiteral("type")).toString() == QStringLiteral("will_statement"));
    CHECK(draft.value(QStringLiteral("id")).toString().isEmpty());
    CHECK(draft.value(QStringLiteral("case_id")).toString().toStdString() == f.caseId);
    CHECK(draft.value(QStringLiteral("form")).toMap().value(QStringLiteral("recordType")).toString() == QStringLiteral("will_statement"));
    CHECK_FALSE(draft.value(QStringLiteral("savedAtText")).toString().isEmpty());
    const QVariantMap values = draft.value(QStringLiteral("values")).toMap();
    CHECK(values.value(QStringLiteral("text")).toString() == canary);
    CHECK(values.value(QStringLiteral("own_contribution")).toString() == QStringLiteral("Ich melde mich bei der Schule"));

    SECTION("Verwerfen deletes it, for good")
    {
        f.detail.discardDraft();
        CHECK(f.detail.draft().isEmpty());
        f.detail.close();
        f.detail.open(QString::fromStdString(f.caseId));
        CHECK(f.detail.draft().isEmpty());
    }
    SECTION("Saving the restored form stores the record and deletes the draft")
    {
        QVariantMap completed = values;
        completed.insert(QStringLiteral("person_id"), QString::fromStdString(f.personId));
        REQUIRE(f.detail.saveRecord(QStringLiteral("will_statement"), completed));
        CHECK(f.detail.draft().isEmpty());
        const auto wills = repo.will_statements(f.caseId);
        REQUIRE(wills.size() == 1);
        CHECK(wills.front().text == canary.toStdString());
        f.detail.close();
        f.detail.open(QString::fromStdString(f.caseId));
        CHECK(f.detail.draft().isEmpty());
    }
    SECTION("Another form saved meanwhile leaves the draft")
    {
        REQUIRE(f.detail.saveRecord(QStringLiteral("note"), {{QStringLiteral("text"), QStringLiteral("Andere Notiz")}}));
        CHECK_FALSE(f.detail.draft().isEmpty());
    }
}

TEST_CASE("A form open at a lock that the domain takes leaves no draft behind", "[case][session]")
{
    LockFixture f;
    f.form = recordForm(QStringLiteral("will_statement"));
    f.values = {{QStringLiteral("person_id"), QString::fromStdString(f.personId)},
                {QStringLiteral("text"), QStringLiteral("Ich will wieder arbeiten")}};
    f.lockAndUnlock(nullptr);
    qd::Repository repo(*f.session.store());
    REQUIRE(repo.will_statements(f.caseId).size() == 1);
    CHECK(f.detail.draft().isEmpty());
    CHECK(f.session.store()->setting(quartier::app::formDraftKey(f.caseId)).value_or(std::string()).empty());
}
