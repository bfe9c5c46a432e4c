// Qt Quick Test runner for "Fall teilen" (tests/app/qml_share/tst_*.qml): an organisation on the
// real server handler in-process — an office (admin), the tablet the page runs on (a real
// SessionController, SyncController and ShareController, wired as app/main.cpp wires them), a
// deputy caseworker and a planning laptop —, one case on the tablet written through the domain
// layer, and a ShareProbe that syncs the deputy's store and says whether the case arrived, so the
// QML test checks the other device, not the dialog.
#include "controllers/casecontroller.h"
#include "tools/headless.h"
#include "controllers/sessioncontroller.h"
#include "controllers/sharecontroller.h"
#include "controllers/synccontroller.h"

#include "domain/repository.h"
#include "sync/client/client.h"
#include "sync/client/org.h"
#include "sync/server/server.h"
#include "sync/server/sqlite_storage.h"
#include "sync/store/store.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <sstream>

Q_IMPORT_QML_PLUGIN(Quartier_UiPlugin)

namespace qs = quartier::sync;
namespace qa = quartier::app;

namespace {

const quartier::crypto::PwhashParams kFastKdf{1, 8u << 20};
constexpr auto kBootstrap = "share-test-bootstrap";

[[noreturn]] void die(const char* what, const std::string& detail = {})
{
    qFatal("share quick test set-up: %s %s", what, detail.c_str());
}

// The real server handler over a SQLite file; each request moves its clock on by 20 ms, as the
// sync fixture does, so its rate limit sees a realistic cadence.
class LocalServer
{
public:
    explicit LocalServer(const std::filesystem::path& dir)
    {
        auto storage = qs::server::SqliteStorage::open(dir / "server.db", true);
        if (!storage)
            die("server storage", storage.detail());
        m_storage = std::move(*storage);
        const std::string boot = kBootstrap;
        if (!m_storage->initialise(quartier::crypto::random_id(),
                                   quartier::crypto::hash(quartier::crypto::ByteView(reinterpret_cast<const std::uint8_t*>(boot.data()),
                                                                         boot.size()))))
            die("server initialise");
        auto server = qs::server::Server::open(*m_storage, [this] { return m_now.load(); });
        if (!server)
            die("server open", server.detail());
        m_server = std::move(*server);
    }

    qs::Result<qs::Response> send(const qs::Request& req)
    {
        m_now += 20;
        qs::server::Request sr;
        sr.method = req.method;
        sr.path = req.path;
        sr.body = req.body;
        if (!req.token.empty())
            sr.headers["Authorization"] = "Bearer " + req.token;
        if (req.method == "POST")
            sr.headers["Content-Type"] = req.content_type;
        if (!req.accept.empty())
            sr.headers["Accept"] = req.accept;
        std::stringstream query(req.query);
        for (std::string kv; std::getline(query, kv, '&');)
            if (auto eq = kv.find('='); eq != std::string::npos)
                sr.query[kv.substr(0, eq)] = kv.substr(eq + 1);
        const qs::server::Response r = m_server->handle(sr);
        return qs::Response{r.status, r.body, std::string(r.content_type)};
    }

private:
    std::unique_ptr<qs::server::SqliteStorage> m_storage;
    std::unique_ptr<qs::server::Server> m_server;
    std::atomic<std::uint64_t> m_now{std::uint64_t(QDateTime::currentMSecsSinceEpoch())};
};

class LocalTransport final : public qs::Transport
{
public:
    explicit LocalTransport(LocalServer& server) : m_server(server) {}
    qs::Result<qs::Response> send(const qs::Request& req) override { return m_server.send(req); }

private:
    LocalServer& m_server;
};

// A device that is only a store (the office, the deputy, the planning laptop).
struct PlainDevice {
    PlainDevice(LocalServer& server, const std::filesystem::path& dir) : transport(server)
    {
        auto s = qs::Store::create(dir, "passphrase", kFastKdf);
        if (!s)
            die("store", s.detail());
        store = std::move(*s);
        client = std::make_unique<qs::SyncClient>(*store, transport);
    }
    LocalTransport transport;
    std::unique_ptr<qs::Store> store;
    std::unique_ptr<qs::SyncClient> client;
};

void enrol(PlainDevice& office, qs::Store& store, qs::SyncClient& client, const std::string& name, const std::string& role,
           const std::string& provider = {})
{
    auto code = qs::offer_enrolment(*office.store, *office.client, name, role, provider);
    if (!code)
        die("offer", code.detail());
    auto sas = qs::request_enrolment(store, client, *code, name);
    if (!sas)
        die("request", sas.detail());
    if (!qs::admit(*office.store, *office.client, *sas))
        die("admit");
    if (auto r = client.sync(); !r)
        die("first sync", r.detail());
}

}  // namespace

// What the QML test knows of the organisation, and the deputy's side of it.
class ShareProbe : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString caseId MEMBER m_caseId CONSTANT)
    Q_PROPERTY(QString deputyId MEMBER m_deputyId CONSTANT)
    Q_PROPERTY(QString planningId MEMBER m_planningId CONSTANT)
    Q_PROPERTY(QString helperId MEMBER m_helperId CONSTANT)

public:
    ShareProbe(PlainDevice& deputy, PlainDevice& helper, QString caseId, QString deputyId, QString planningId, QString helperId)
        : m_deputy(deputy), m_helper(helper), m_caseId(std::move(caseId)), m_deputyId(std::move(deputyId)),
          m_planningId(std::move(planningId)), m_helperId(std::move(helperId))
    {
    }

    // The free provider's helper syncs; then: the case's name as its store has it, or "".
    Q_INVOKABLE QString helperSyncsAndReads()
    {
        if (auto r = m_helper.client->sync(); !r)
            return QStringLiteral("sync failed: ") + QString::fromStdString(r.detail());
        const qs::Record* r = m_helper.store->get(m_caseId.toStdString());
        return r ? QString::fromStdString(r->value("name").value_or("")) : QString();
    }

    // The deputy syncs; then: the case's name as its store has it, or "".
    Q_INVOKABLE QString deputySyncsAndReads()
    {
        if (auto r = m_deputy.client->sync(); !r)
            return QStringLiteral("sync failed: ") + QString::fromStdString(r.detail());
        const qs::Record* r = m_deputy.store->get(m_caseId.toStdString());
        return r ? QString::fromStdString(r->value("name").value_or("")) : QString();
    }

private:
    PlainDevice& m_deputy;
    PlainDevice& m_helper;
    QString m_caseId;
    QString m_deputyId;
    QString m_planningId;
    QString m_helperId;
};

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        const std::filesystem::path dir(m_tmp.path().toStdString());
        m_server = std::make_unique<LocalServer>(dir);
        m_office = std::make_unique<PlainDevice>(*m_server, dir / "office");
        if (auto r = qs::found_organisation(*m_office->store, *m_office->client, "Jugendamt Test", kBootstrap,
                                            "https://127.0.0.1:1", std::string(64, '0'), "Verwaltung");
            !r)
            die("organisation", r.detail());
        m_deputy = std::make_unique<PlainDevice>(*m_server, dir / "deputy");
        enrol(*m_office, *m_deputy->store, *m_deputy->client, "Tablet ASD Vertretung", "caseworker");
        m_planning = std::make_unique<PlainDevice>(*m_server, dir / "planning");
        enrol(*m_office, *m_planning->store, *m_planning->client, "Laptop Jugendhilfeplanung", "planning");
        m_helper = std::make_unique<PlainDevice>(*m_server, dir / "helper");
        enrol(*m_office, *m_helper->store, *m_helper->client, "Tablet Familienhilfe Nord", "helper", "Kinderhaus Nord e. V.");

        // The tablet: the app's controllers over a session, its transports to the local server.
        m_session = std::make_unique<qa::SessionController>(m_tmp.filePath(QStringLiteral("tablet")));
        m_sync = std::make_unique<qa::SyncController>(m_session.get());
        m_sync->setAutomatic(false);
        m_sync->setTransportFactory([this](const std::string&, const std::string&)
                                        -> qs::Result<std::unique_ptr<qs::Transport>> {
            return std::unique_ptr<qs::Transport>(std::make_unique<LocalTransport>(*m_server));
        });
        m_share = std::make_unique<qa::ShareController>(m_session.get(), m_sync.get());
        m_case = std::make_unique<qa::CaseController>();
        m_case->setSession(m_session.get());
        QObject::connect(m_session.get(), &qa::SessionController::storeChanged, m_case.get(),
                         [this] { m_case->setStore(m_session->store()); });
        QObject::connect(m_session.get(), &qa::SessionController::storeBusyChanged, m_case.get(),
                         [this] { m_case->setStoreBusy(m_session->storeBusy()); });
        m_session->setKdfParams(kFastKdf);
        m_session->createStore(QStringLiteral("Passphrase des Tablets"), QStringLiteral("Passphrase des Tablets"));
        if (!qa::waitForState(*m_session, qa::SessionController::State::Unlocked))
            die("tablet unlock");
        qs::Store& tablet = *m_session->store();
        LocalTransport transport(*m_server);
        qs::SyncClient client(tablet, transport);
        enrol(*m_office, tablet, client, "Tablet ASD Garstedt", "caseworker");
        m_sync->refreshStatus();

        quartier::domain::Repository repo(tablet);
        quartier::domain::Case c;
        c.name = "Familie Demir";
        c.social_space = "Garstedt";
        c.status = quartier::domain::CaseStatus::Active;
        c.lead_worker = "A. Berger";
        c.opened_on = "2026-01-12";
        auto caseId = repo.save(c);
        if (!caseId)
            die("case", caseId.detail());
        m_probe = std::make_unique<ShareProbe>(*m_deputy, *m_helper, QString::fromStdString(*caseId),
                                               QString::fromStdString(quartier::crypto::to_hex(m_deputy->store->device().id())),
                                               QString::fromStdString(quartier::crypto::to_hex(m_planning->store->device().id())),
                                               QString::fromStdString(quartier::crypto::to_hex(m_helper->store->device().id())));

        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Session", m_session.get());
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Sync", m_sync.get());
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Share", m_share.get());
        qa::CaseController::registerForQml(*m_case);
        qmlRegisterSingletonInstance("QuartierTest", 1, 0, "ShareProbe", m_probe.get());
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
    void cleanupTestCase()
    {
        m_session->lock();
        m_case->setStore(nullptr);
    }

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<PlainDevice> m_office;
    std::unique_ptr<PlainDevice> m_deputy;
    std::unique_ptr<PlainDevice> m_planning;
    std::unique_ptr<PlainDevice> m_helper;
    std::unique_ptr<qa::SessionController> m_session;
    std::unique_ptr<qa::SyncController> m_sync;
    std::unique_ptr<qa::ShareController> m_share;
    std::unique_ptr<qa::CaseController> m_case;
    std::unique_ptr<ShareProbe> m_probe;
};

QUICK_TEST_MAIN_WITH_SETUP(share_case, Setup)

#include "share_quicktest_main.moc"
