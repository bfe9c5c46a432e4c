// ShareController ("Fall teilen") against the real server handler in-process (the fixture of
// tests/sync/sync_fixture.h): a tablet — the app's SessionController, SyncController and
// ShareController wired as app/main.cpp wires them — shares a case written through the domain
// layer with a colleague's device, which finds it after its own sync; refusals as a table
// (personal scope, role policy, a helper's provider, an entrusted entry without a legal basis),
// each leaving everything as it was; and a share without a server. The targets model runs under
// QAbstractItemModelTester. Waiting is on states and signals, never sleeps.
#include "tools/headless.h"
#include "controllers/sessioncontroller.h"
#include "controllers/sharecontroller.h"
#include "controllers/synccontroller.h"
#include "app/tablet.h"

#include "models/caselistmodel.h"

#include "domain/repository.h"
#include "sync/client/consent.h"
#include "sync/client/sharing.h"
#include "sync/sync_fixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quartier;
using quartier::app::SessionController;
using quartier::app::ShareController;
using quartier::app::ShareTargetModel;
using quartier::app::SyncController;
using quartier::test::Device;
using quartier::test::Fault;
using quartier::test::FakeServer;
using quartier::test::FakeTransport;
using quartier::test::SyncFixture;
using quartier::test::Tablet;
using quartier::test::kTimeoutMs;

namespace {

bool holdsCase(Device& device, const std::string& caseId)
{
    const sync::Record* r = device.store->get(caseId);
    return r && r->type == "case";
}

}  // namespace

TEST_CASE("ShareController: a case shared from the tablet is on the colleague's device after its next sync", "[share][app]")
{
    // Device 0: the deputy (caseworker). 1: a free provider's helper. 2: planning.
    SyncFixture f(3, {{1, "helper:Kinderhaus Nord"}, {2, "planning"}});
    Tablet tablet(f);
    const std::string caseId = tablet.addCase("Familie Demir");
    f.sync_all();
    REQUIRE_FALSE(holdsCase(f[0], caseId));

    tablet.share.open(QString::fromStdString(caseId));
    REQUIRE(tablet.share.state() == ShareController::State::Ready);
    CHECK(tablet.share.caseName() == QStringLiteral("Familie Demir"));
    CHECK(tablet.share.notice().isEmpty());
    // Every other device of the directory, with the rules' verdict: the deputy may receive it, the
    // helper's provider has no assignment, planning sees no case content, nor does the office.
    CHECK(tablet.share.targets()->count() == 4);
    REQUIRE(tablet.row(f[0]));
    CHECK(tablet.row(f[0])->allowed);
    CHECK(tablet.row(f[0])->reason.isEmpty());
    CHECK(tablet.row(f[0])->roleLabel == QStringLiteral("ASD-Fachkraft"));
    REQUIRE(tablet.row(f[1]));
    CHECK_FALSE(tablet.row(f[1])->allowed);
    CHECK(tablet.row(f[1])->provider == QStringLiteral("Kinderhaus Nord"));
    CHECK(tablet.row(f[1])->reason.contains(QStringLiteral("nicht zugewiesen")));
    REQUIRE(tablet.row(f[2]));
    CHECK(tablet.row(f[2])->reason.contains(QStringLiteral("erhalten keine Fallinhalte")));
    REQUIRE(tablet.row(*f.office));
    CHECK_FALSE(tablet.row(*f.office)->allowed);
    CHECK(tablet.share.targets()->data(tablet.share.targets()->index(0), ShareTargetModel::GroupRole) == QStringLiteral("allowed"));

    QSignalSpy shared(&tablet.share, &ShareController::shared);
    QSignalSpy synced(&tablet.sync, &SyncController::finished);
    CHECK(tablet.shareWith(f[0]) == ShareController::State::Shared);
    INFO(tablet.share.message().toStdString());
    CHECK(tablet.share.message() ==
          QStringLiteral("Der Fall ist geteilt. Auf dem Gerät „device-0“ erscheint er nach dessen nächster Synchronisierung."));
    CHECK(shared.count() == 1);
    CHECK(tablet.share.sharedWith() == QString::fromStdString(crypto::to_hex(f[0].store->device().id())));
    // The deputy is listed as holding the case now, first.
    REQUIRE(tablet.row(f[0]));
    CHECK(tablet.row(f[0])->member);
    CHECK(tablet.share.targets()->memberCount() == 1);
    CHECK(tablet.share.targets()->data(tablet.share.targets()->index(0), ShareTargetModel::GroupRole) == QStringLiteral("member"));

    // The share starts a sync that pushes what this tablet has not sent yet; then the deputy syncs.
    REQUIRE((synced.count() == 1 || synced.wait(kTimeoutMs)));
    CHECK(synced.at(0).at(0).toBool());
    tablet.settle();
    f[0].sync_ok();
    REQUIRE(holdsCase(f[0], caseId));
    const auto cases = domain::Repository(*f[0].store).cases();
    REQUIRE(cases.size() == 1);
    CHECK(cases.front().name == "Familie Demir");
    // Nobody else got it.
    f[1].sync_ok();
    f[2].sync_ok();
    CHECK_FALSE(holdsCase(f[1], caseId));
    CHECK_FALSE(holdsCase(f[2], caseId));
    // The same rules as the CLI's: the directory names the deputy a member of the case's scope.
    const sync::Directory& d = f[0].store->directory();
    const sync::ScopeId scope = tablet.scopeOf(caseId);
    CHECK(d.is_member(scope, d.latest_epoch(scope), f[0].store->device().id()));

    // Opened again, the dialog lists the deputy as holding the case.
    tablet.share.close();
    CHECK(tablet.share.targets()->count() == 0);
    tablet.share.open(QString::fromStdString(caseId));
    REQUIRE(tablet.row(f[0]));
    CHECK(tablet.row(f[0])->member);

    // Taken back (quartier-cli scope unassign): the deputy drops the case at its next sync, and
    // what the tablet writes afterwards is sealed under a key the deputy never gets.
    const QString deputy = QString::fromStdString(crypto::to_hex(f[0].store->device().id()));
    REQUIRE(tablet.share.unshare(deputy));
    CHECK(tablet.share.state() == ShareController::State::Unsharing);
    REQUIRE(QTest::qWaitFor([&] { return tablet.share.state() != ShareController::State::Unsharing; }, kTimeoutMs));
    INFO(tablet.share.message().toStdString());
    CHECK(tablet.share.state() == ShareController::State::Unshared);
    CHECK(tablet.share.message().contains(QStringLiteral("vom Gerät „device-0“ zurückgenommen")));
    tablet.settle();
    REQUIRE(tablet.row(f[0]));
    CHECK_FALSE(tablet.row(f[0])->member);
    CHECK(tablet.row(f[0])->allowed);  // it could be given the case again
    f[0].sync_ok();
    CHECK_FALSE(holdsCase(f[0], caseId));
    CHECK(f[0].store->current_epoch(scope) == 0);
}

TEST_CASE("ShareController: a refused share says why in German and changes nothing", "[share][app][errors]")
{
    enum class Case { PersonalScope, RolePolicy, HelperNotAssigned, EntrustedWithoutBasis };
    struct Row {
        Case kind;
        std::size_t device;     // the fixture device asked for
        const char* reason;     // a part of the German reason
        bool notice;            // the dialog says at once that nothing can be shared
    };
    const Row row = GENERATE(Row{Case::PersonalScope, 0, "persönliche Bereich einer Fachkraft wird nie als Ganzes geteilt", true},
                             Row{Case::RolePolicy, 2, "Jugendhilfeplanung“ erhalten keine Fallinhalte", false},
                             Row{Case::HelperNotAssigned, 1, "„Kinderhaus Nord“ nicht zugewiesen", false},
                             Row{Case::EntrustedWithoutBasis, 0, "Einwilligung, die das gewählte Gerät nicht als Empfänger nennt", false});
    INFO("row " << int(row.kind));

    SyncFixture f(3, {{1, "helper:Kinderhaus Nord"}, {2, "planning"}});
    Tablet tablet(f);
    Device& target = f[row.device];
    std::string caseId;
    if (row.kind == Case::PersonalScope) {
        const sync::ScopeId personal = tablet.store().default_scope();
        caseId = tablet.addCase("Familie Demir", &personal);
    } else {
        caseId = tablet.addCase("Familie Demir");
    }
    if (row.kind == Case::EntrustedWithoutBasis) {
        // An entrusted note disclosed into the case under a consent naming this tablet only.
        sync::Store& store = tablet.store();
        const std::uint64_t now = std::uint64_t(QDateTime::currentMSecsSinceEpoch());
        auto entry = sync::consent::write_entrusted(store, "note", {{"text", "Frau Demir erzählt von ihren Schulden."}});
        REQUIRE(entry.ok());
        sync::consent::ConsentRecord consent;
        consent.consenting = "Ayşe Demir";
        consent.on_behalf_of = "Ayşe Demir";
        consent.data = {"note"};
        consent.purposes = {"hilfeplanung"};
        consent.recipients = {crypto::to_hex(store.device().id())};
        consent.form = "written";
        consent.valid_from = "2020-01-01";
        auto consentId = sync::consent::add_consent(store, tablet.scopeOf(caseId), consent, now);
        INFO((consentId ? std::string() : consentId.detail()));
        REQUIRE(consentId.ok());
        sync::consent::DisclosureRequest req;
        req.entry = *entry;
        req.case_scope = tablet.scopeOf(caseId);
        req.purpose = "hilfeplanung";
        req.consent = *consentId;
        auto disclosed = sync::consent::disclose(store, req, now);
        INFO((disclosed ? std::string() : disclosed.detail()));
        REQUIRE(disclosed.ok());
    }
    REQUIRE(tablet.syncOnce());  // everything the tablet has is on the server before the attempt
    const sync::ScopeId scope = tablet.scopeOf(caseId);
    const std::string before = test::state_of(tablet.store());
    const std::size_t pendingBefore = tablet.store().status().pending;

    tablet.share.open(QString::fromStdString(caseId));
    REQUIRE(tablet.share.state() == ShareController::State::Ready);
    CHECK(tablet.share.notice().isEmpty() == !row.notice);
    // The dialog shows the device disabled with the reason before anything is tried ...
    REQUIRE(tablet.row(target));
    CHECK_FALSE(tablet.row(target)->allowed);
    CHECK(tablet.row(target)->reason.contains(QString::fromUtf8(row.reason)));

    // ... and the share itself, which asks the rules again, refuses with the same words.
    CHECK(tablet.shareWith(target) == ShareController::State::Refused);
    INFO(tablet.share.message().toStdString());
    CHECK(tablet.share.message().startsWith(QStringLiteral("Nicht geteilt: ")));
    CHECK(tablet.share.message().contains(QString::fromUtf8(row.reason)));
    CHECK(tablet.share.sharedWith().isEmpty());

    // Nothing changed: no membership, nothing on the colleague's device, the tablet's records as
    // they were (a refusal adds nothing but, for the role policy, a `refuse` audit entry).
    tablet.settle();
    const sync::Directory& d = tablet.store().directory();
    CHECK_FALSE(d.is_member(scope, d.latest_epoch(scope), target.store->device().id()));
    CHECK(test::state_of(tablet.store()) == before);
    CHECK(tablet.store().status().pending == pendingBefore);
    target.sync_ok();
    CHECK_FALSE(holdsCase(target, caseId));
    CHECK(target.store->current_epoch(scope) == 0);
}

TEST_CASE("ShareController: without the server nothing is shared, and the same tap works once it is back", "[share][app][errors]")
{
    SyncFixture f(1);
    Tablet tablet(f);
    const std::string caseId = tablet.addCase("Familie Demir");
    tablet.share.open(QString::fromStdString(caseId));
    REQUIRE(tablet.row(f[0]));
    REQUIRE(tablet.row(f[0])->allowed);

    tablet.faults = [](const sync::Request&) { return Fault::DropRequest; };
    CHECK(tablet.shareWith(f[0]) == ShareController::State::Failed);
    INFO(tablet.share.message().toStdString());
    CHECK(tablet.share.message().contains(QStringLiteral("Der Server ist nicht erreichbar")));
    CHECK(tablet.share.message().contains(QStringLiteral("braucht eine Verbindung")));
    tablet.settle();
    REQUIRE(tablet.row(f[0]));
    CHECK_FALSE(tablet.row(f[0])->member);
    CHECK(tablet.store().get(caseId));

    tablet.faults = nullptr;
    CHECK(tablet.shareWith(f[0]) == ShareController::State::Shared);
    tablet.settle();
    f[0].sync_ok();
    CHECK(holdsCase(f[0], caseId));
}

TEST_CASE("ShareController: a lock drops the dialog and a share's late result", "[share][app]")
{
    SyncFixture f(1);
    Tablet tablet(f);
    const std::string caseId = tablet.addCase("Familie Demir");
    tablet.share.open(QString::fromStdString(caseId));
    REQUIRE(tablet.share.targets()->count() == 2);  // the deputy and the office

    const QString deputy = QString::fromStdString(crypto::to_hex(f[0].store->device().id()));
    REQUIRE(tablet.share.share(deputy));
    tablet.session.lock();
    CHECK(tablet.share.state() == ShareController::State::Closed);
    CHECK(tablet.share.targets()->count() == 0);
    CHECK(tablet.share.caseName().isEmpty());
    // The job's completion comes back to a closed controller and changes nothing there.
    REQUIRE(QTest::qWaitFor([&] { return !tablet.session.storeBusy(); }, kTimeoutMs));
    CHECK(tablet.share.state() == ShareController::State::Closed);
    CHECK(tablet.share.message().isEmpty());
    CHECK_FALSE(tablet.share.share(deputy));  // nothing open: nothing starts
}

TEST_CASE("ShareController: a case assigned to a free provider from the dialog, then shared with its helper, withdrawn again",
          "[share][app][provider]")
{
    // Device 0: a free provider's helper. 1: another provider's helper.
    SyncFixture f(2, {{0, "helper:Kinderhaus Nord"}, {1, "helper:Familienwerk Süd"}});
    Tablet tablet(f);
    const std::string caseId = tablet.addCase("Familie Demir");
    const QString qCase = QString::fromStdString(caseId);
    REQUIRE(tablet.syncOnce());
    tablet.share.open(qCase);
    REQUIRE(tablet.share.state() == ShareController::State::Ready);
    CHECK(tablet.share.canAssign());
    auto providers = [&] {
        QStringList out;
        for (const QVariant& p : tablet.share.providers())
            out << p.toMap().value("name").toString() + (p.toMap().value("assigned").toBool() ? "*" : "");
        return out;
    };
    CHECK(providers() == QStringList{QStringLiteral("Familienwerk Süd"), QStringLiteral("Kinderhaus Nord")});
    REQUIRE(tablet.row(f[0]));
    CHECK_FALSE(tablet.row(f[0])->allowed);

    auto assign = [&](const QString& name, bool assigned) {
        REQUIRE(tablet.share.assignProvider(name, assigned));
        CHECK(tablet.share.state() == ShareController::State::Assigning);
        CHECK_FALSE(tablet.share.share(QStringLiteral("00")));  // one job at a time
        REQUIRE(QTest::qWaitFor([&] { return tablet.share.state() != ShareController::State::Assigning; }, kTimeoutMs));
        INFO(tablet.share.message().toStdString());
        tablet.settle();
        return tablet.share.state();
    };
    CHECK(assign(QStringLiteral("Kinderhaus Nord"), true) == ShareController::State::Assigned);
    CHECK(tablet.share.message() ==
          QStringLiteral("Der Fall ist jetzt dem Träger „Kinderhaus Nord“ zugewiesen. Seine Familienhilfe können Sie nun mit dem Fall teilen."));
    CHECK(providers() == QStringList{QStringLiteral("Familienwerk Süd"), QStringLiteral("Kinderhaus Nord*")});
    // Its helper may receive the case now; the other provider's helper still may not.
    REQUIRE(tablet.row(f[0]));
    CHECK(tablet.row(f[0])->allowed);
    REQUIRE(tablet.row(f[1]));
    CHECK_FALSE(tablet.row(f[1])->allowed);
    // Assigned twice: nothing starts, and the dialog says why.
    CHECK_FALSE(tablet.share.assignProvider(QStringLiteral("Kinderhaus Nord"), true));
    CHECK(tablet.share.state() == ShareController::State::Assigned);
    CHECK(tablet.share.message() == QStringLiteral("Der Fall ist dem Träger „Kinderhaus Nord“ schon zugewiesen."));

    // Which provider has the case: the case page's header and the case list read the directory.
    tablet.caseDetail.open(qCase);
    CHECK(tablet.caseDetail.fields().value(QStringLiteral("providers")) == QStringLiteral("Kinderhaus Nord"));
    app::CaseListModel list;
    list.setStore(&tablet.store());
    REQUIRE(list.rowCount() == 1);
    CHECK(list.data(list.index(0), app::CaseListModel::ProvidersRole) == QStringLiteral("Kinderhaus Nord"));
    list.setStore(nullptr);
    tablet.caseDetail.close();

    CHECK(tablet.shareWith(f[0]) == ShareController::State::Shared);
    tablet.settle();
    f[0].sync_ok();
    REQUIRE(holdsCase(f[0], caseId));

    // Withdrawn: the helper is taken off; the members rotate past it and it purges the case.
    CHECK(assign(QStringLiteral("Kinderhaus Nord"), false) == ShareController::State::Assigned);
    CHECK(tablet.share.message().startsWith(QStringLiteral("Die Zuweisung an „Kinderhaus Nord“ ist zurückgenommen.")));
    CHECK(providers() == QStringList{QStringLiteral("Familienwerk Süd"), QStringLiteral("Kinderhaus Nord")});
    REQUIRE(tablet.syncOnce());
    f[0].sync_ok();
    CHECK_FALSE(holdsCase(f[0], caseId));
}

TEST_CASE("ShareController: a helper's tablet offers no provider assignment, and one asked for anyway is refused",
          "[share][app][provider][errors]")
{
    SyncFixture f(0);
    Tablet office(f, "Tablet ASD Garstedt");
    Tablet helper(f, "Tablet Kinderhaus Nord", "helper", "Kinderhaus Nord");
    const std::string caseId = office.addCase("Familie Demir");
    REQUIRE(office.syncOnce());
    office.share.open(QString::fromStdString(caseId));
    REQUIRE(office.share.assignProvider(QStringLiteral("Kinderhaus Nord"), true));
    REQUIRE(QTest::qWaitFor([&] { return office.share.state() != ShareController::State::Assigning; }, kTimeoutMs));
    REQUIRE(office.share.state() == ShareController::State::Assigned);
    office.settle();
    REQUIRE(office.share.share(QString::fromStdString(crypto::to_hex(helper.store().device().id()))));
    REQUIRE(QTest::qWaitFor([&] { return office.share.state() != ShareController::State::Sharing; }, kTimeoutMs));
    REQUIRE(office.share.state() == ShareController::State::Shared);
    office.settle();
    REQUIRE(helper.syncOnce());
    REQUIRE(helper.store().get(caseId));

    helper.share.open(QString::fromStdString(caseId));
    REQUIRE(helper.share.state() == ShareController::State::Ready);
    CHECK_FALSE(helper.share.canAssign());
    // The dialog offers nothing; a provider entry signed by the helper anyway is refused by the
    // directory (docs/roles.md), and the case keeps its one provider.
    REQUIRE(helper.share.assignProvider(QStringLiteral("Familienwerk Süd"), true));
    REQUIRE(QTest::qWaitFor([&] { return helper.share.state() != ShareController::State::Assigning; }, kTimeoutMs));
    INFO(helper.share.message().toStdString());
    CHECK(helper.share.state() == ShareController::State::Refused);
    CHECK(helper.share.message().startsWith(QStringLiteral("Nicht zugewiesen: Nur wer den Fall hat")));
    helper.settle();
    REQUIRE(office.syncOnce());
    const sync::Record* record = office.store().get(caseId);
    REQUIRE(record);
    CHECK(office.store().directory().providers(record->scope) == std::set<std::string>{"Kinderhaus Nord"});
}
