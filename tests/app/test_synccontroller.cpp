// SyncController and EnrolmentController against the real server handler in-process (the fake
// transport of tests/sync/sync_fixture.h): enrolment from the app, syncs on the store thread in
// both directions down to the case list, failures as a table (state and German text, nothing
// lost), and a lock while a sync is on the wire. Waiting is on signals and states, never sleeps.
#include "models/caselistmodel.h"
#include "controllers/enrolmentcontroller.h"
#include "tools/headless.h"
#include "controllers/sessioncontroller.h"
#include "controllers/synccontroller.h"

#include "sync/sync_fixture.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace quartier;
using quartier::app::CaseListModel;
using quartier::app::EnrolmentController;
using quartier::app::SessionController;
using quartier::app::SyncController;
using quartier::test::Device;
using quartier::test::FakeServer;
using quartier::test::FakeTransport;
using quartier::test::Fault;
using quartier::test::SyncFixture;

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& s) { return '"' + s.toStdString() + '"'; }
};
}  // namespace Catch

namespace {

constexpr int kTimeoutMs = 30000;
const QString kPass = QStringLiteral("Passphrase des Tablets");

// What the app's transports saw, and a gate that holds one kind of request on the wire.
struct Probe {
    Qt::HANDLE guiThread = QThread::currentThreadId();
    std::atomic<int> requests{0};
    std::atomic<int> onGuiThread{0};
    // Set only while no store job runs (the job's completion orders it before the next job).
    std::function<Fault(const sync::Request&)> faults;

    std::mutex mutex;
    std::condition_variable opened;
    std::string gatePath;  // requests to this path wait until the gate opens
    bool gateOpen = true;
    std::atomic<bool> gateReached{false};

    void closeGate(std::string path)
    {
        std::lock_guard lock(mutex);
        gatePath = std::move(path);
        gateOpen = false;
    }
    void openGate()
    {
        {
            std::lock_guard lock(mutex);
            gateOpen = true;
        }
        opened.notify_all();
    }
};

class ProbeTransport final : public sync::Transport {
public:
    ProbeTransport(FakeServer& server, Probe& probe) : m_inner(server), m_probe(probe) { m_inner.faults = probe.faults; }

    sync::Result<sync::Response> send(const sync::Request& req) override
    {
        ++m_probe.requests;
        if (QThread::currentThreadId() == m_probe.guiThread)
            ++m_probe.onGuiThread;
        std::unique_lock lock(m_probe.mutex);
        if (!m_probe.gateOpen && req.path == m_probe.gatePath) {
            m_probe.gateReached = true;
            m_probe.opened.wait(lock, [&] { return m_probe.gateOpen; });
        }
        lock.unlock();
        return m_inner.send(req);
    }

private:
    FakeTransport m_inner;
    Probe& m_probe;
};

// The app on a tablet: the controllers wired as app/main.cpp wires them, its transports going to
// the in-process server. Starts with a fresh, unlocked store that belongs to no organisation.
struct AppDevice {
    explicit AppDevice(FakeServer& server)
        : session(tmp.filePath(QStringLiteral("store"))), sync(&session), enrolment(&session, &sync),
          tester(&cases, QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        QObject::connect(&session, &SessionController::storeChanged, &cases, [this] { cases.setStore(session.store()); });
        QObject::connect(&session, &SessionController::storeBusyChanged, &cases,
                         [this] { cases.setStoreBusy(session.storeBusy()); });
        QObject::connect(&sync, &SyncController::recordsChanged, &cases, &CaseListModel::refresh);
        sync.setTransportFactory([&server, this](const std::string&, const std::string&)
                                     -> sync::Result<std::unique_ptr<sync::Transport>> {
            return std::unique_ptr<sync::Transport>(std::make_unique<ProbeTransport>(server, probe));
        });
        sync.setSyncOptions(Device::sync_options(&server));  // retries move the server's clock, no sleeping
        sync.setAutomatic(false);                            // the test decides when to sync
        enrolment.setPollInterval(3600 * 1000);              // ... and when to check the admission
        session.setKdfParams(test::kFastKdf);
        session.createStore(kPass, kPass);
        REQUIRE(app::waitForState(session, SessionController::State::Unlocked));
        REQUIRE(QTest::qWaitFor([&] { return sync.state() == SyncController::State::NotEnrolled; }, kTimeoutMs));
    }

    // Until no store job is queued or running: only then may the test touch the server or store.
    void settle() { REQUIRE(QTest::qWaitFor([&] { return !session.storeBusy() && !sync.syncing(); }, kTimeoutMs)); }

    // One sync, waited for; returns whether it completed.
    bool syncOnce()
    {
        QSignalSpy finished(&sync, &SyncController::finished);
        REQUIRE(sync.syncNow());
        REQUIRE(sync.state() == SyncController::State::Syncing);
        REQUIRE((finished.count() == 1 || finished.wait(kTimeoutMs)));
        settle();
        return finished.at(0).at(0).toBool();
    }

    std::string deviceId() const { return sync.deviceId().toStdString(); }

    QStringList caseNames() const
    {
        QStringList names;
        for (int row = 0; row < cases.rowCount(); ++row)
            names << cases.data(cases.index(row), CaseListModel::NameRole).toString();
        return names;
    }

    QTemporaryDir tmp;
    Probe probe;
    SessionController session;
    CaseListModel cases;
    SyncController sync;
    EnrolmentController enrolment;
    QAbstractItemModelTester tester;
};

// Enrols the app device through its EnrolmentController and gives it the team scope.
void enrol(SyncFixture& f, AppDevice& app)
{
    Device& admin = *f.office;  // enrols (an admin device); device 0 shares the team it holds
    auto code = sync::offer_enrolment(*admin.store, *admin.client, "Tablet ASD Garstedt", "caseworker");
    REQUIRE(code.ok());
    app.enrolment.request(QString::fromStdString(code->to_string()), QStringLiteral("Mein Tablet"));
    REQUIRE(app.enrolment.state() == EnrolmentController::State::Requesting);
    REQUIRE(QTest::qWaitFor([&] { return app.enrolment.state() != EnrolmentController::State::Requesting; }, kTimeoutMs));
    INFO(app.enrolment.errorMessage().toStdString());
    REQUIRE(app.enrolment.state() == EnrolmentController::State::Confirming);
    const std::string sas = app.enrolment.confirmation().toStdString();
    REQUIRE(sas.size() == 6);
    app.settle();
    CHECK(app.sync.deviceName() == QStringLiteral("Mein Tablet"));  // what it asked to be called

    // "Weiter" before the administration admitted the device: not yet, and it says so.
    app.enrolment.proceed();
    REQUIRE(app.enrolment.state() == EnrolmentController::State::Waiting);
    app.settle();
    CHECK(app.enrolment.state() == EnrolmentController::State::Waiting);
    CHECK_FALSE(app.enrolment.hint().isEmpty());
    CHECK(app.sync.state() == SyncController::State::NotEnrolled);
    CHECK_FALSE(app.sync.enrolled());

    // The administration compares the code and admits; the next check finds the device listed.
    auto admitted = sync::admit(*admin.store, *admin.client, sas);
    REQUIRE(admitted.ok());
    CHECK(crypto::to_hex(*admitted) == app.deviceId());
    app.enrolment.proceed();
    REQUIRE(QTest::qWaitFor([&] { return app.enrolment.state() == EnrolmentController::State::Admitted; }, kTimeoutMs));
    app.settle();
    CHECK(app.sync.enrolled());
    CHECK(app.sync.state() == SyncController::State::Idle);
    CHECK(app.sync.organisation() == QStringLiteral("Jugendamt Test"));
    CHECK(app.sync.deviceName() == QStringLiteral("Tablet ASD Garstedt"));  // the directory's name counts
    CHECK(app.sync.confirmation().isEmpty());

    auto id = sync::wire::id_from_hex(app.deviceId());
    REQUIRE(id);
    REQUIRE(f[0].client->share_scope(f.team, *id, sync::ScopeKind::Team).ok());
    REQUIRE(app.syncOnce());  // fetches the team key
}

std::string addCase(AppDevice& app, const std::string& name, const sync::ScopeId& scope)
{
    REQUIRE_FALSE(app.session.storeBusy());
    sync::Writer writer(*app.session.store());
    auto id = writer.set("case", {}, "name", name, &scope);
    REQUIRE(id.ok());
    REQUIRE(writer.commit().ok());
    app.sync.refreshStatus();
    return *id;
}

}  // namespace

TEST_CASE("SyncController: an enrolled tablet syncs on the store thread, both ways, down to the case list", "[sync][app]")
{
    SyncFixture f(2);
    AppDevice app(f.server);
    enrol(f, app);
    CHECK(app.probe.onGuiThread == 0);

    const std::string id = addCase(app, "Familie Yilmaz", f.team);
    CHECK(app.sync.pendingCount() == 1);
    {  // two more fields of the same case are still one change waiting; a second record is another
        sync::Writer writer(*app.session.store());
        REQUIRE(writer.set("case", id, "status", "open", &f.team).ok());
        REQUIRE(writer.set("case", id, "social_space", "garstedt", &f.team).ok());
        REQUIRE(writer.set("note", {}, "text", "Erstkontakt", &f.team).ok());
        REQUIRE(writer.commit().ok());
        app.sync.refreshStatus();
    }
    CHECK(app.sync.pendingCount() == 2);

    const int before = app.probe.requests;
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    REQUIRE(app.syncOnce());
    CHECK(app.probe.requests > before);
    CHECK(app.probe.onGuiThread == 0);  // every request came from the store thread
    CHECK(app.sync.state() == SyncController::State::Idle);
    CHECK(app.sync.pendingCount() == 0);
    CHECK(app.sync.lastError().isEmpty());
    CHECK(app.sync.lastSync().toMSecsSinceEpoch() >= started);

    // The second device receives it.
    f[1].sync_ok();
    REQUIRE(f[1].store->get(id));
    CHECK(f[1].store->get(id)->value("name") == "Familie Yilmaz");

    // ... and what it writes reaches the tablet's case list through one sync.
    f[1].set("", "name", "Familie Berg", &f.team);
    f[1].sync_ok();
    QSignalSpy records(&app.sync, &SyncController::recordsChanged);
    REQUIRE(app.syncOnce());
    CHECK(records.count() == 1);
    CHECK(app.caseNames() == QStringList{"Familie Berg", "Familie Yilmaz"});

    // A sync that brings nothing leaves the list alone.
    REQUIRE(app.syncOnce());
    CHECK(records.count() == 1);
}

TEST_CASE("SyncController: a failed sync shows its state and a German text and loses nothing", "[sync][app][errors]")
{
    struct Row {
        Fault fault;
        SyncController::State state;
        const char* text;  // a part of the German message
    };
    const Row row = GENERATE(Row{Fault::DropRequest, SyncController::State::Offline, "nicht erreichbar"},
                             Row{Fault::DropResponse, SyncController::State::Offline, "nicht erreichbar"},
                             Row{Fault::Status503, SyncController::State::Error, "vorübergehend gestört"},
                             Row{Fault::Status500, SyncController::State::Error, "vorübergehend gestört"},
                             Row{Fault::Corrupt, SyncController::State::Error, "nicht wie erwartet"});
    INFO("fault " << test::to_string(row.fault));

    SyncFixture f(2);
    AppDevice app(f.server);
    enrol(f, app);
    const std::string id = addCase(app, "Familie Adler", f.team);
    REQUIRE(app.sync.pendingCount() == 1);

    // Every push fails in that way (the rest of the sync works).
    app.probe.faults = [&](const sync::Request& r) { return r.path == "/v1/push" ? row.fault : Fault::None; };
    CHECK_FALSE(app.syncOnce());
    CHECK(app.sync.state() == row.state);
    CHECK(app.sync.lastError().contains(QString::fromUtf8(row.text)));
    CHECK(app.session.store()->get(id));
    CHECK(app.sync.pendingCount() == 1);  // the outbox keeps the op until the server acknowledged it

    // Back online: the next sync delivers it exactly once and clears the message.
    app.probe.faults = nullptr;
    REQUIRE(app.syncOnce());
    CHECK(app.sync.state() == SyncController::State::Idle);
    CHECK(app.sync.lastError().isEmpty());
    CHECK(app.sync.pendingCount() == 0);
    f[1].sync_ok();
    REQUIRE(f[1].store->get(id));
    CHECK(f[1].store->status().problems == 0);
}

TEST_CASE("SyncController: locking while a sync is on the wire returns at once, the store closes after the job",
          "[sync][app][lock]")
{
    SyncFixture f(2);
    AppDevice app(f.server);
    enrol(f, app);
    const std::string id = addCase(app, "Familie Nowak", f.team);
    app.cases.refresh();
    REQUIRE(app.cases.rowCount() == 1);

    app.probe.closeGate("/v1/push");
    QSignalSpy finished(&app.sync, &SyncController::finished);
    REQUIRE(app.sync.syncNow());
    REQUIRE(QTest::qWaitFor([&] { return app.probe.gateReached.load(); }, kTimeoutMs));
    const int requestsBefore = app.probe.requests;

    QElapsedTimer clock;
    clock.start();
    app.session.lock();
    CHECK(clock.elapsed() < 1000);  // the GUI thread did not wait for the push
    CHECK(app.session.state() == SessionController::State::Locked);
    CHECK(app.session.store() == nullptr);
    CHECK(app.sync.state() == SyncController::State::Locked);
    CHECK(app.cases.rowCount() == 0);
    CHECK(app.session.storeBusy());

    // The job still holds the store: the directory is locked until it returns.
    const std::filesystem::path dir(app.tmp.filePath(QStringLiteral("store")).toStdString());
    {
        auto second = sync::Store::open(dir, kPass.toStdString());
        REQUIRE_FALSE(second.ok());
        CHECK(second.error() == sync::Error::Busy);
    }

    // An unlock now queues behind the job; nothing waits on the GUI thread.
    app.session.unlock(kPass);
    CHECK(app.session.state() == SessionController::State::Unlocking);
    app.probe.openGate();
    REQUIRE(app::waitForState(app.session, SessionController::State::Unlocked));
    app.settle();
    CHECK(app.probe.requests == requestsBefore);  // cancelled: no request after the one on the wire
    CHECK(finished.count() == 0);                 // the locked session's result was dropped
    REQUIRE(app.session.store());
    CHECK(app.session.store()->get(id));

    // Nothing lost, nothing doubled.
    REQUIRE(QTest::qWaitFor([&] { return app.sync.state() == SyncController::State::Idle; }, kTimeoutMs));
    REQUIRE(app.syncOnce());
    CHECK(app.sync.pendingCount() == 0);
    f[1].sync_ok();
    REQUIRE(f[1].store->get(id));
    CHECK(f.server.dir().path().empty() == false);
}

TEST_CASE("SyncController: the status waits while the store is lent to a job", "[sync][app]")
{
    SyncFixture f(2);
    AppDevice app(f.server);
    enrol(f, app);
    addCase(app, "Familie Schulte", f.team);
    REQUIRE(app.sync.pendingCount() == 1);

    app.probe.closeGate("/v1/push");
    REQUIRE(app.sync.syncNow());
    REQUIRE(QTest::qWaitFor([&] { return app.probe.gateReached.load(); }, kTimeoutMs));
    // Asked while the job holds the store: deferred, not read across threads.
    QSignalSpy status(&app.sync, &SyncController::statusChanged);
    app.sync.refreshStatus();
    app.cases.refresh();
    CHECK(status.count() == 0);
    CHECK(app.cases.rowCount() == 0);
    app.probe.openGate();
    app.settle();
    CHECK(app.sync.pendingCount() == 0);
    CHECK(app.cases.rowCount() == 1);  // the deferred refresh ran once the store was back
}

TEST_CASE("EnrolmentController refuses bad input in German and without touching the store", "[app][enrolment]")
{
    FakeServer server;
    AppDevice app(server);
    const int before = app.probe.requests;

    app.enrolment.request(QStringLiteral("quartier:1:kaputt"), QStringLiteral("Tablet"));
    CHECK(app.enrolment.state() == EnrolmentController::State::Idle);
    CHECK(app.enrolment.errorMessage().contains(QStringLiteral("kein gültiger Anmeldecode")));

    app.enrolment.request(QStringLiteral("quartier:1:abc"), QStringLiteral("   "));
    CHECK(app.enrolment.errorMessage().contains(QStringLiteral("Namen")));
    CHECK_FALSE(app.session.storeBusy());
    CHECK(app.probe.requests == before);

    // A well-formed code whose secret the server never offered: refused, back to the form.
    sync::EnrolCode code;
    code.url = "https://127.0.0.1:1";
    code.fingerprint = std::string(64, '0');
    code.org = crypto::random_id();
    code.admin_pk = crypto::DeviceIdentity::generate().sign_public();
    crypto::random_bytes(code.secret);
    app.enrolment.request(QString::fromStdString(code.to_string()), QStringLiteral("Tablet"));
    REQUIRE(QTest::qWaitFor([&] { return app.enrolment.state() == EnrolmentController::State::Idle; }, kTimeoutMs));
    CHECK(app.enrolment.errorMessage().contains(QStringLiteral("Anmeldecode ist ungültig")));
    CHECK(app.enrolment.confirmation().isEmpty());
}

TEST_CASE("SyncController: a revoked tablet says so, a wipe order closes the session and leaves no store",
          "[sync][app][revocation]")
{
    SyncFixture f(2);
    AppDevice app(f.server);
    enrol(f, app);
    addCase(app, "Familie Haddad", f.team);
    REQUIRE(app.syncOnce());
    auto id = sync::wire::id_from_hex(app.deviceId());
    REQUIRE(id);
    const bool wipe = GENERATE(false, true);
    INFO("wipe " << wipe);
    REQUIRE(sync::revoke_device(*f[0].store, *f[0].client, *id, wipe).ok());

    CHECK_FALSE(app.syncOnce());
    const std::filesystem::path dir(app.tmp.filePath(QStringLiteral("store")).toStdString());
    if (!wipe) {
        CHECK(app.sync.state() == SyncController::State::Error);
        CHECK(app.sync.lastError().contains(QStringLiteral("gesperrt")));
        CHECK(app.session.state() == SessionController::State::Unlocked);
        CHECK(sync::Store::exists(dir));
    } else {
        CHECK(app.session.state() == SessionController::State::NoStore);
        CHECK(app.session.errorMessage().contains(QStringLiteral("gelöscht")));
        CHECK(app.session.store() == nullptr);
        CHECK(app.sync.state() == SyncController::State::Locked);
        CHECK(app.cases.rowCount() == 0);
        CHECK_FALSE(sync::Store::exists(dir));
    }
}

TEST_CASE("SyncController: an expired offline lease empties the case list until a sync renews it", "[sync][app][retention]")
{
    SyncFixture f(2);
    AppDevice app(f.server);
    enrol(f, app);
    addCase(app, "Familie Yilmaz", f.team);
    REQUIRE(sync::set_lease(*f[0].store, *f[0].client, 3).ok());
    REQUIRE(app.syncOnce());
    app.cases.refresh();
    CHECK_FALSE(app.sync.leaseExpired());
    CHECK(app.caseNames() == QStringList{"Familie Yilmaz"});

    // The last successful sync was four days ago (as the store recorded it).
    const qint64 fourDaysAgo = QDateTime::currentMSecsSinceEpoch() - 4LL * 86'400'000;
    REQUIRE(app.session.store()->set_setting("last_sync", std::to_string(fourDaysAgo)).ok());
    app.sync.refreshStatus();
    app.cases.refresh();
    CHECK(app.sync.leaseExpired());
    CHECK(app.caseNames().isEmpty());
    CHECK(app.session.store()->readable().error() == sync::Error::LeaseExpired);

    REQUIRE(app.syncOnce());  // the sync is allowed and renews the lease
    app.cases.refresh();
    CHECK_FALSE(app.sync.leaseExpired());
    CHECK(app.caseNames() == QStringList{"Familie Yilmaz"});
}
