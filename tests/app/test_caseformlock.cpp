// A form open when the session locks (issue 5: nothing typed is lost): CaseController wired to a
// real SessionController as main.cpp wires it, the form handed over as RecordDialog hands it over
// on aboutToLock. Saved while a job holds the store (on the store thread, before the store
// closes); refused by the domain, kept as a sealed draft offered after unlock: the case page's
// forms and network contacts as the case's draft, the case list's new-case form as its own. The
// worker name has no rules to refuse it: it is written either way.
#include "controllers/casecontroller.h"
#include "tools/headless.h"
#include "controllers/sessioncontroller.h"

#include "domain/repository.h"
#include "sync/store/store.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>
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
            if (!f.open(QIODevice::ReadOnly)) {
                REQUIRE_FALSE(f.exists());  // gone since it was listed (SQLite's -shm, -journal)
                continue;
            }
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
    CHECK(f.detail.contactsSection()->notes()->rowCount() == 1);
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
        REQUIRE(f.detail.saveRecord(QStringLiteral("will_statement"), completed, draft.value(QStringLiteral("saved_at")).toString()));
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
    SECTION("A fresh form of the same kind saved meanwhile leaves the draft")
    {
        REQUIRE(f.detail.saveRecord(QStringLiteral("will_statement"), {{QStringLiteral("person_id"), QString::fromStdString(f.personId)},
                                                                       {QStringLiteral("text"), QStringLiteral("Ein anderer Wille")}}));
        CHECK(f.detail.draft().value(QStringLiteral("values")).toMap().value(QStringLiteral("text")).toString() == canary);
    }
    SECTION("The restored form shows the issues that kept it under its fields")
    {
        f.detail.showDraftIssues(draft);
        CHECK(f.detail.issues().contains(QStringLiteral("person_id")));
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

namespace {

QVariantMap newCaseForm()
{
    return {{QStringLiteral("title"), QStringLiteral("Neuer Fall")},
            {QStringLiteral("target"), QStringLiteral("newCase")},
            {QStringLiteral("saveText"), QStringLiteral("Fall anlegen")},
            {QStringLiteral("fields"), QVariantList{QVariantMap{{QStringLiteral("key"), QStringLiteral("name")}},
                                                    QVariantMap{{QStringLiteral("key"), QStringLiteral("social_space")}}}}};
}

QVariantMap contactForm(int index)
{
    return {{QStringLiteral("title"), index < 0 ? QStringLiteral("Kontakt hinzufügen") : QStringLiteral("Kontakt")},
            {QStringLiteral("target"), QStringLiteral("contact")},
            {QStringLiteral("index"), index},
            {QStringLiteral("fields"), QVariantList{QVariantMap{{QStringLiteral("key"), QStringLiteral("name")}},
                                                    QVariantMap{{QStringLiteral("key"), QStringLiteral("sector")}},
                                                    QVariantMap{{QStringLiteral("key"), QStringLiteral("distance")}}}}};
}

std::vector<std::string> caseNames(qs::Store& store)
{
    std::vector<std::string> out;
    for (const qd::Case& c : qd::Repository(store).cases())
        out.push_back(c.name);
    return out;
}

bool hasCase(qs::Store& store, const std::string& name)
{
    const auto names = caseNames(store);
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<qd::NetworkContact> contacts(qs::Store& store, const std::string& caseId)
{
    const auto maps = qd::Repository(store).network_maps(caseId);
    return maps.empty() ? std::vector<qd::NetworkContact>() : maps.front().contacts;
}

}  // namespace

TEST_CASE("A new-case form the domain refuses at a lock is kept as the case list's sealed draft", "[case][session]")
{
    LockFixture f;
    const bool busy = GENERATE(false, true);
    f.detail.close();  // the case list: no case is open
    std::promise<void> held;
    if (busy)
        held = f.holdStore();
    // No name yet, and a date the domain cannot read: refused.
    const QString canary = QStringLiteral("KANARIENVOGEL Sozialraum am Kanal");
    f.form = newCaseForm();
    f.values = {{QStringLiteral("name"), QString()},
                {QStringLiteral("social_space"), canary},
                {QStringLiteral("status"), QStringLiteral("new")},
                {QStringLiteral("lead_worker"), QStringLiteral("A. Berger")},
                {QStringLiteral("opened_on"), QStringLiteral("1.3.")}};
    const std::size_t casesBefore = caseNames(*f.session.store()).size();
    f.lockAndUnlock(busy ? &held : nullptr);
    f.form.clear();

    qs::Store& store = *f.session.store();
    CHECK(caseNames(store).size() == casesBefore);
    CHECK_FALSE(f.rawStore().contains(QByteArrayLiteral("KANARIENVOGEL")));
    CHECK(store.setting(quartier::app::formDraftKey(quartier::app::kNewCaseDraftPlace)).has_value());
    CHECK(f.detail.draft().isEmpty());  // not the open case's

    const QVariantMap draft = f.detail.newCaseDraft();
    REQUIRE_FALSE(draft.isEmpty());
    CHECK(draft.value(QStringLiteral("target")).toString() == QStringLiteral("newCase"));
    CHECK(draft.value(QStringLiteral("case_id")).toString().isEmpty());
    CHECK(draft.value(QStringLiteral("form")).toMap().value(QStringLiteral("saveText")).toString() == QStringLiteral("Fall anlegen"));
    CHECK_FALSE(draft.value(QStringLiteral("savedAtText")).toString().isEmpty());
    const QVariantMap values = draft.value(QStringLiteral("values")).toMap();
    CHECK(values.value(QStringLiteral("social_space")).toString() == canary);
    CHECK(values.value(QStringLiteral("opened_on")).toString() == QStringLiteral("1.3."));
    CHECK(values.value(QStringLiteral("lead_worker")).toString() == QStringLiteral("A. Berger"));

    // Restored, the form shows the domain's issues under its fields.
    f.detail.showDraftIssues(draft);
    CHECK(f.detail.issues().value(QStringLiteral("name")).toString() == QStringLiteral("Name: Bitte ausfüllen."));
    CHECK(f.detail.issues().contains(QStringLiteral("opened_on")));

    SECTION("Verwerfen deletes it, also after the next unlock")
    {
        f.detail.discardNewCaseDraft();
        CHECK(f.detail.newCaseDraft().isEmpty());
        f.lockAndUnlock(nullptr);
        CHECK(f.detail.newCaseDraft().isEmpty());
    }
    SECTION("Creating the case from the restored form deletes the draft")
    {
        QVariantMap completed = values;
        completed.insert(QStringLiteral("name"), QStringLiteral("Familie Kanal"));
        completed.insert(QStringLiteral("opened_on"), QStringLiteral("2026-03-01"));
        const QString id = f.detail.createCase(completed, draft.value(QStringLiteral("saved_at")).toString());
        REQUIRE_FALSE(id.isEmpty());
        CHECK(f.detail.newCaseDraft().isEmpty());
        auto made = qd::Repository(store).load<qd::Case>(id.toStdString());
        REQUIRE(made);
        CHECK(made->social_space == canary.toStdString());
        CHECK(made->opened_on == "2026-03-01");
        f.lockAndUnlock(nullptr);
        CHECK(f.detail.newCaseDraft().isEmpty());
    }
    SECTION("A restored form refused again keeps the draft and its text")
    {
        CHECK(f.detail.createCase(values, draft.value(QStringLiteral("saved_at")).toString()).isEmpty());
        CHECK(f.detail.newCaseDraft().value(QStringLiteral("values")).toMap().value(QStringLiteral("social_space")).toString() == canary);
    }
    SECTION("Another new case created from a fresh form leaves the draft")
    {
        REQUIRE_FALSE(f.detail.createCase({{QStringLiteral("name"), QStringLiteral("Familie Ohne Entwurf")},
                                           {QStringLiteral("social_space"), QStringLiteral("Garstedt")},
                                           {QStringLiteral("status"), QStringLiteral("new")}})
                          .isEmpty());
        CHECK(f.detail.newCaseDraft().value(QStringLiteral("values")).toMap().value(QStringLiteral("social_space")).toString() == canary);
    }
    SECTION("A second refused new-case form replaces the first")
    {
        f.form = newCaseForm();
        f.values = {{QStringLiteral("name"), QString()}, {QStringLiteral("social_space"), QStringLiteral("Zweiter Versuch")}};
        f.lockAndUnlock(nullptr);
        f.form.clear();
        CHECK(f.detail.newCaseDraft().value(QStringLiteral("values")).toMap().value(QStringLiteral("social_space")).toString()
              == QStringLiteral("Zweiter Versuch"));
        CHECK_FALSE(f.rawStore().contains(QByteArrayLiteral("Zweiter Versuch")));
    }
}

TEST_CASE("A new-case form the domain takes at a lock creates the case and no draft", "[case][session]")
{
    LockFixture f;
    const bool busy = GENERATE(false, true);
    f.detail.close();
    std::promise<void> held;
    if (busy)
        held = f.holdStore();
    f.form = newCaseForm();
    f.values = {{QStringLiteral("name"), QStringLiteral("Familie Sperre")},
                {QStringLiteral("social_space"), QStringLiteral("Garstedt")},
                {QStringLiteral("status"), QStringLiteral("new")}};
    f.lockAndUnlock(busy ? &held : nullptr);
    f.form.clear();
    CHECK(hasCase(*f.session.store(), "Familie Sperre"));
    CHECK(f.detail.newCaseDraft().isEmpty());
    CHECK(f.session.store()->setting(quartier::app::formDraftKey(quartier::app::kNewCaseDraftPlace)).value_or(std::string()).empty());
}

TEST_CASE("A network contact the domain refuses at a lock is kept as the case's draft with its sector and ring",
          "[case][session]")
{
    LockFixture f;
    QAbstractItemModelTester tester(f.detail.networkSection()->network(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const bool busy = GENERATE(false, true);
    std::promise<void> held;
    if (busy)
        held = f.holdStore();
    // Tapped into Freunde & Nachbarn, ring 3; the note typed, the name not yet.
    const QString canary = QStringLiteral("KANARIENVOGEL hilft beim Einkaufen");
    f.form = contactForm(-1);
    f.values = {{QStringLiteral("name"), QString()},
                {QStringLiteral("sector"), QStringLiteral("friends_neighbours")},
                {QStringLiteral("distance"), 3},
                {QStringLiteral("quality"), QStringLiteral("supportive")},
                {QStringLiteral("note"), canary}};
    f.lockAndUnlock(busy ? &held : nullptr);
    f.form.clear();

    qs::Store& store = *f.session.store();
    CHECK(contacts(store, f.caseId).empty());
    CHECK_FALSE(f.rawStore().contains(QByteArrayLiteral("KANARIENVOGEL")));
    const QVariantMap draft = f.detail.draft();
    REQUIRE_FALSE(draft.isEmpty());
    CHECK(draft.value(QStringLiteral("target")).toString() == QStringLiteral("contact"));
    CHECK(draft.value(QStringLiteral("id")).toString().isEmpty());
    CHECK(draft.value(QStringLiteral("form")).toMap().value(QStringLiteral("index")).toInt() == -1);
    const QVariantMap values = draft.value(QStringLiteral("values")).toMap();
    CHECK(values.value(QStringLiteral("sector")).toString() == QStringLiteral("friends_neighbours"));
    CHECK(values.value(QStringLiteral("distance")).toInt() == 3);
    CHECK(values.value(QStringLiteral("note")).toString() == canary);
    // The contact's own issue is the form's field's ("contacts[0].name" is "name").
    f.detail.showDraftIssues(draft);
    CHECK(f.detail.issues().value(QStringLiteral("name")).toString().contains(QStringLiteral("Bitte ausfüllen")));

    SECTION("Saving the restored form adds the contact where it was tapped and deletes the draft")
    {
        QVariantMap completed = values;
        completed.insert(QStringLiteral("name"), QStringLiteral("Nachbarin Frau Ott"));
        REQUIRE(f.detail.networkSection()->addNetworkContact(completed, draft.value(QStringLiteral("saved_at")).toString()));
        CHECK(f.detail.draft().isEmpty());
        const auto stored = contacts(store, f.caseId);
        REQUIRE(stored.size() == 1);
        CHECK(stored[0].name == "Nachbarin Frau Ott");
        CHECK(stored[0].sector == qd::NetworkSector::FriendsNeighbours);
        CHECK(stored[0].distance == 3);
        CHECK(stored[0].note == canary.toStdString());
        CHECK(f.detail.networkSection()->network()->rowCount() == 1);
    }
    SECTION("Verwerfen deletes it")
    {
        f.detail.discardDraft();
        CHECK(f.detail.draft().isEmpty());
        CHECK(store.setting(quartier::app::formDraftKey(f.caseId)).value_or(std::string()).empty());
    }
}

TEST_CASE("An edited network contact at a lock is saved on that contact, or kept when refused", "[case][session]")
{
    LockFixture f;
    QAbstractItemModelTester tester(f.detail.networkSection()->network(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(f.detail.networkSection()->addNetworkContact({{QStringLiteral("name"), QStringLiteral("Oma Ilse")},
                                        {QStringLiteral("sector"), QStringLiteral("family")},
                                        {QStringLiteral("distance"), 1},
                                        {QStringLiteral("quality"), QStringLiteral("supportive")}}));
    REQUIRE(f.detail.networkSection()->addNetworkContact({{QStringLiteral("name"), QStringLiteral("Klassenlehrerin")},
                                        {QStringLiteral("sector"), QStringLiteral("school_work_clubs")},
                                        {QStringLiteral("distance"), 2},
                                        {QStringLiteral("quality"), QStringLiteral("ambivalent")}}));
    const QString rowId = f.detail.networkSection()->networkMapId() + QStringLiteral("/1");
    const bool busy = GENERATE(false, true);
    const bool refused = GENERATE(false, true);
    std::promise<void> held;
    if (busy)
        held = f.holdStore();
    f.form = contactForm(1);
    f.values = {{QStringLiteral("name"), refused ? QString() : QStringLiteral("Frau Lindner (Klassenlehrerin)")},
                {QStringLiteral("sector"), QStringLiteral("professionals")},
                {QStringLiteral("distance"), 3},
                {QStringLiteral("quality"), QStringLiteral("stressful")}};
    f.lockAndUnlock(busy ? &held : nullptr);
    f.form.clear();

    const auto stored = contacts(*f.session.store(), f.caseId);
    REQUIRE(stored.size() == 2);
    CHECK(stored[0].name == "Oma Ilse");
    if (!refused) {
        CHECK(stored[1].name == "Frau Lindner (Klassenlehrerin)");
        CHECK(stored[1].sector == qd::NetworkSector::Professionals);
        CHECK(stored[1].distance == 3);
        CHECK(f.detail.draft().isEmpty());
        return;
    }
    CHECK(stored[1].name == "Klassenlehrerin");  // unchanged
    CHECK(stored[1].sector == qd::NetworkSector::SchoolWorkClubs);
    const QVariantMap draft = f.detail.draft();
    REQUIRE_FALSE(draft.isEmpty());
    CHECK(draft.value(QStringLiteral("id")).toString() == rowId);
    CHECK(draft.value(QStringLiteral("form")).toMap().value(QStringLiteral("index")).toInt() == 1);
    CHECK(draft.value(QStringLiteral("values")).toMap().value(QStringLiteral("sector")).toString() == QStringLiteral("professionals"));

    // Restored and completed, it is saved on the same contact.
    QVariantMap completed = draft.value(QStringLiteral("values")).toMap();
    completed.insert(QStringLiteral("name"), QStringLiteral("Frau Lindner"));
    REQUIRE(f.detail.networkSection()->updateNetworkContact(1, completed, draft.value(QStringLiteral("saved_at")).toString()));
    CHECK(f.detail.draft().isEmpty());
    const auto after = contacts(*f.session.store(), f.caseId);
    REQUIRE(after.size() == 2);
    CHECK(after[1].name == "Frau Lindner");
    CHECK(after[1].sector == qd::NetworkSector::Professionals);
    CHECK(after[1].quality == qd::ContactQuality::Stressful);
}

TEST_CASE("A form refused at a lock replaces the case's older draft, whichever form it came from", "[case][session]")
{
    LockFixture f;
    f.form = recordForm(QStringLiteral("will_statement"));
    f.values = {{QStringLiteral("text"), QStringLiteral("Erster Entwurf")}};
    f.lockAndUnlock(nullptr);
    REQUIRE(f.detail.draft().value(QStringLiteral("target")).toString() == QStringLiteral("record"));
    const bool busy = GENERATE(false, true);
    std::promise<void> held;
    if (busy)
        held = f.holdStore();
    f.form = contactForm(-1);
    f.values = {{QStringLiteral("name"), QStringLiteral(" ")}, {QStringLiteral("sector"), QStringLiteral("family")},
                {QStringLiteral("distance"), 2}, {QStringLiteral("quality"), QStringLiteral("supportive")}};
    f.lockAndUnlock(busy ? &held : nullptr);
    f.form.clear();
    const QVariantMap draft = f.detail.draft();
    CHECK(draft.value(QStringLiteral("target")).toString() == QStringLiteral("contact"));
    CHECK(draft.value(QStringLiteral("values")).toMap().value(QStringLiteral("distance")).toInt() == 2);
    CHECK_FALSE(f.detail.draft().value(QStringLiteral("values")).toMap().contains(QStringLiteral("text")));
}

TEST_CASE("The worker name open at a lock is written, also while a job holds the store", "[case][session]")
{
    LockFixture f;
    REQUIRE(f.detail.setWorkerName(QStringLiteral("A. Berger")));
    const bool busy = GENERATE(false, true);
    std::promise<void> held;
    if (busy)
        held = f.holdStore();
    const QVariantMap form{{QStringLiteral("title"), QStringLiteral("Wer arbeitet mit diesem Gerät?")},
                           {QStringLiteral("target"), QStringLiteral("worker")}};
    SECTION("A typed name is stored as typed, trimmed")
    {
        f.form = form;
        f.values = {{QStringLiteral("worker"), QStringLiteral("  B. Yilmaz ")}};
        f.lockAndUnlock(busy ? &held : nullptr);
        CHECK(f.detail.workerName() == QStringLiteral("B. Yilmaz"));
        CHECK(f.session.store()->setting(CaseController::kWorkerSetting).value_or(std::string()) == "B. Yilmaz");
    }
    SECTION("An emptied field clears no name at a lock")
    {
        f.form = form;
        f.values = {{QStringLiteral("worker"), QStringLiteral("   ")}};
        f.lockAndUnlock(busy ? &held : nullptr);
        CHECK(f.detail.workerName() == QStringLiteral("A. Berger"));
    }
    f.form.clear();
}

// Runs the event loop until `done()` or 30 s passed (a job on the store thread finishing).
static bool waitUntil(const std::function<bool()>& done)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < 30000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

TEST_CASE("What the full store has no room for at a lock waits sealed in memory and is written by the next unlock",
          "[case][session][storefailure]")
{
    LockFixture f;
    REQUIRE(f.detail.setWorkerName(QStringLiteral("A. Berger")));
    const bool busy = GENERATE(false, true);
    // Longer than the pages the store has free: it needs new ones, and the quota gives none.
    const QString canary = QStringLiteral("KANARIENVOGEL Frau Yilmaz erzählt vom Elternabend") + QString(20000, QLatin1Char('.'));
    REQUIRE(f.session.store()->debug_set_max_bytes(1).ok());  // the tablet's storage is full
    std::promise<void> held;
    if (busy)
        held = f.holdStore();

    SECTION("A form: the case's draft after the unlock")
    {
        f.form = recordForm(QStringLiteral("note"));
        f.values = {{QStringLiteral("text"), canary}};
    }
    SECTION("The worker name: written after the unlock")
    {
        f.form = {{QStringLiteral("title"), QStringLiteral("Wer arbeitet mit diesem Gerät?")},
                  {QStringLiteral("target"), QStringLiteral("worker")}};
        // A short name may still fit into a page the store has (then it is simply written): this
        // one needs new pages, as the form's text does.
        f.values = {{QStringLiteral("worker"), QStringLiteral("B. KANARIENVOGEL") + QString(20000, QLatin1Char('-'))}};
    }
    const bool worker = f.form.value(QStringLiteral("target")).toString() == QLatin1String("worker");
    INFO((busy ? "while a job holds the store, " : "with the store free, ") << (worker ? "the worker name" : "a form"));
    f.session.lock();
    REQUIRE(f.session.state() == SessionController::State::Locked);
    if (busy)
        held.set_value();
    f.form.clear();
    // Locked: the keys are gone; what waits is ciphertext in memory, and nothing of it on disk.
    REQUIRE(waitUntil([&] { return f.session.heldSettings()->size() == 1; }));
    CHECK_FALSE(f.rawStore().contains(QByteArrayLiteral("KANARIENVOGEL")));

    // The next unlock (space freed meanwhile: a new Store has no quota) writes it.
    f.session.unlock(kPass);
    REQUIRE(quartier::app::waitForState(f.session, SessionController::State::Unlocked));
    CHECK(f.session.heldSettings()->size() == 0);
    CHECK_FALSE(f.rawStore().contains(QByteArrayLiteral("KANARIENVOGEL")));
    f.detail.open(QString::fromStdString(f.caseId));
    REQUIRE(f.detail.isOpen());
    if (worker) {
        CHECK(f.detail.workerName() == QStringLiteral("B. KANARIENVOGEL") + QString(20000, QLatin1Char('-')));
    } else {
        const QVariantMap draft = f.detail.draft();
        REQUIRE_FALSE(draft.isEmpty());
        CHECK(draft.value(QStringLiteral("type")).toString() == QStringLiteral("note"));
        CHECK(draft.value(QStringLiteral("values")).toMap().value(QStringLiteral("text")).toString() == canary);
        qd::Repository repo(*f.session.store());
        CHECK(repo.notes(f.caseId).empty());  // a draft to look at and save, not a note yet
        // Saving the restored form stores the note and deletes the draft.
        REQUIRE(f.detail.saveRecord(QStringLiteral("note"), draft.value(QStringLiteral("values")).toMap(),
                                    draft.value(QStringLiteral("saved_at")).toString()));
        CHECK(f.detail.draft().isEmpty());
        CHECK(repo.notes(f.caseId).size() == 1);
    }
}
