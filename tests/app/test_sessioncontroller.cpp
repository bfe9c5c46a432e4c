// SessionController: create → wrong passphrase → unlock → lock, idle lock with an injected clock,
// lock on going to the background, and what never happens (a new store from unlock, personal
// data in the settings).
#include "models/caselistmodel.h"
#include "tools/headless.h"
#include "controllers/sessioncontroller.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QKeyEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <future>
#include <map>

using quartier::app::CaseListModel;
using quartier::app::SessionController;
using quartier::app::waitForState;
using State = SessionController::State;

namespace {

constexpr quartier::crypto::PwhashParams kFastKdf{1, 8 * 1024 * 1024};
const QString kPass = QStringLiteral("richtige Passphrase");

// Every file under `dir` with a hash of its bytes.
std::map<QString, QByteArray> snapshot(const QString& dir)
{
    std::map<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        files[path] = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    return files;
}

// A clock the test moves by hand (milliseconds).
struct FakeClock {
    qint64 now = 1'000'000;
    SessionController::Clock fn()
    {
        return [this] { return now; };
    }
};

void createUnlocked(SessionController& session)
{
    session.setKdfParams(kFastKdf);
    session.createStore(kPass, kPass);
    REQUIRE(session.state() == State::Unlocking);
    REQUIRE(waitForState(session, State::Unlocked));
}

}  // namespace

TEST_CASE("SessionController: create, wrong passphrase, unlock, lock", "[session]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString storeDir = tmp.filePath(QStringLiteral("store"));
    QSettings settings(tmp.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    SessionController session(storeDir, &settings);
    CaseListModel cases;
    QObject::connect(&session, &SessionController::storeChanged, &cases, [&] { cases.setStore(session.store()); });

    REQUIRE(session.state() == State::NoStore);
    REQUIRE(session.store() == nullptr);
    session.setKdfParams(kFastKdf);

    SECTION("too short and mismatched passphrases are refused in German, nothing is created")
    {
        session.createStore(QStringLiteral("kurz"), QStringLiteral("kurz"));
        CHECK(session.state() == State::NoStore);
        CHECK(session.errorMessage().contains(QStringLiteral("mindestens 8 Zeichen")));
        session.createStore(QStringLiteral("lang genug 1"), QStringLiteral("lang genug 2"));
        CHECK(session.state() == State::NoStore);
        CHECK(session.errorMessage().contains(QStringLiteral("stimmen nicht überein")));
        // Eight characters counted as characters, not UTF-8 bytes: "äöüäöüäö" is 8, "äöüäöüä" 7.
        session.createStore(QStringLiteral("äöüäöüä"), QStringLiteral("äöüäöüä"));
        CHECK(session.state() == State::NoStore);
        CHECK_FALSE(QFileInfo::exists(storeDir));
    }

    SECTION("the whole cycle")
    {
        QSignalSpy stateSpy(&session, &SessionController::stateChanged);
        createUnlocked(session);
        CHECK(session.errorMessage().isEmpty());
        REQUIRE(session.store() != nullptr);
        CHECK(stateSpy.count() == 2);  // Unlocking, Unlocked

        {
            quartier::sync::Writer writer(*session.store());
            auto id = writer.set("case", {}, "name", "Familie Beispiel");
            REQUIRE(id);
            REQUIRE(writer.commit());
        }
        cases.refresh();
        CHECK(cases.totalCount() == 1);

        session.lock();
        CHECK(session.state() == State::Locked);
        CHECK(session.store() == nullptr);
        CHECK(cases.totalCount() == 0);  // emptied on lock
        const auto before = snapshot(storeDir);
        REQUIRE_FALSE(before.empty());

        session.unlock(QStringLiteral("falsche Passphrase"));
        CHECK(session.state() == State::Unlocking);
        CHECK(session.busy());
        REQUIRE(waitForState(session, State::Locked));
        CHECK(session.errorMessage().startsWith(QStringLiteral("Passphrase falsch")));
        CHECK(session.store() == nullptr);
        // No store was made or replaced: the same files. Their bytes may differ, because the store
        // counts failed unlocks for the audit log (docs/audit.md); the data is checked below.
        const auto after = snapshot(storeDir);
        CHECK(after.size() == before.size());
        for (const auto& [path, hash] : before) CHECK(after.count(path) == 1);

        session.unlock(kPass);
        REQUIRE(waitForState(session, State::Unlocked));
        CHECK(session.errorMessage().isEmpty());
        REQUIRE(session.store() != nullptr);
        CHECK(cases.totalCount() == 1);  // refreshed on unlock
        CHECK(session.store()->list("case").size() == 1);

        session.lock();
        CHECK(session.state() == State::Locked);
        CHECK(session.store() == nullptr);
    }

    SECTION("a second controller on an existing store starts Locked and cannot create another")
    {
        createUnlocked(session);
        session.lock();
        SessionController other(storeDir);
        CHECK(other.state() == State::Locked);
        other.createStore(kPass, kPass);  // ignored outside NoStore
        CHECK(other.state() == State::Locked);
    }

    SECTION("a lock during unlocking discards the store when it arrives")
    {
        createUnlocked(session);
        session.lock();
        session.unlock(kPass);
        REQUIRE(session.state() == State::Unlocking);
        session.lock();
        REQUIRE(waitForState(session, State::Locked));
        CHECK(session.store() == nullptr);
        // The directory lock was released with the discarded store: unlocking works again.
        session.unlock(kPass);
        REQUIRE(waitForState(session, State::Unlocked));
    }
}

TEST_CASE("SessionController: unlock never creates a store", "[session]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString storeDir = tmp.filePath(QStringLiteral("store"));
    SessionController session(storeDir);
    REQUIRE(session.state() == State::NoStore);
    session.unlock(QStringLiteral("irgendeine Passphrase"));  // ignored: there is nothing to unlock
    CHECK(session.state() == State::NoStore);
    CHECK_FALSE(QFileInfo::exists(storeDir));
}

TEST_CASE("SessionController: a store that is gone after start fails cleanly", "[session]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString storeDir = tmp.filePath(QStringLiteral("store"));
    {
        SessionController first(storeDir);
        createUnlocked(first);
        first.lock();
    }
    SessionController session(storeDir);
    REQUIRE(session.state() == State::Locked);
    REQUIRE(QDir(storeDir).removeRecursively());
    session.unlock(kPass);
    REQUIRE(waitForState(session, State::Failed));
    CHECK_FALSE(session.errorMessage().isEmpty());
    CHECK_FALSE(QFileInfo::exists(storeDir));  // nothing made in its place
    session.retry();
    CHECK(session.state() == State::NoStore);
    CHECK(session.errorMessage().isEmpty());
}

TEST_CASE("SessionController: idle lock after the configured time", "[session][idle]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    QSettings settings(tmp.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    SessionController session(tmp.filePath(QStringLiteral("store")), &settings);
    CHECK(session.idleTimeoutSeconds() == 300);  // default: 5 minutes

    FakeClock clock;
    session.setClock(clock.fn());
    session.setIdleTimeoutSeconds(60);
    createUnlocked(session);

    clock.now += 59'000;
    CHECK_FALSE(session.checkIdle());
    CHECK(session.state() == State::Unlocked);

    // A key press through the application's event filter counts as activity.
    QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    session.eventFilter(nullptr, &key);
    clock.now += 59'000;
    CHECK_FALSE(session.checkIdle());
    CHECK(session.state() == State::Unlocked);

    // So does a touch or mouse press, sent to an object the filter is installed on.
    QObject target;
    target.installEventFilter(&session);
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(1, 1), QPointF(1, 1), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &press);
    clock.now += 59'999;
    CHECK_FALSE(session.checkIdle());

    clock.now += 1;  // exactly 60 s since the last activity
    CHECK(session.checkIdle());
    CHECK(session.state() == State::Locked);
    CHECK(session.store() == nullptr);
    CHECK_FALSE(session.checkIdle());  // nothing to do when locked

    // The setting persists, and a new controller reads it.
    CHECK(settings.value(SessionController::kIdleSettingsKey).toInt() == 60);
    SessionController again(tmp.filePath(QStringLiteral("store")), &settings);
    CHECK(again.idleTimeoutSeconds() == 60);

    // Too small values are raised to the minimum.
    again.setIdleTimeoutSeconds(1);
    CHECK(again.idleTimeoutSeconds() == SessionController::kMinIdleSeconds);
}

TEST_CASE("SessionController: shortening the idle time while unlocked locks at once if it passed", "[session][idle]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    SessionController session(tmp.filePath(QStringLiteral("store")));
    FakeClock clock;
    session.setClock(clock.fn());
    createUnlocked(session);
    clock.now += 120'000;
    CHECK(session.state() == State::Unlocked);  // default 300 s not reached
    session.setIdleTimeoutSeconds(90);
    CHECK(session.state() == State::Locked);
}

TEST_CASE("SessionController: locks when the app goes to the background", "[session]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    SessionController session(tmp.filePath(QStringLiteral("store")));
    createUnlocked(session);

    session.handleApplicationState(Qt::ApplicationInactive);  // e.g. another window has focus
    CHECK(session.state() == State::Unlocked);
    session.handleApplicationState(Qt::ApplicationActive);
    CHECK(session.state() == State::Unlocked);
    session.handleApplicationState(Qt::ApplicationSuspended);
    CHECK(session.state() == State::Locked);

    session.unlock(kPass);
    REQUIRE(waitForState(session, State::Unlocked));
    session.handleApplicationState(Qt::ApplicationHidden);
    CHECK(session.state() == State::Locked);
}

TEST_CASE("SessionController: the settings hold no personal data", "[session]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    QSettings settings(tmp.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    {
        SessionController session(tmp.filePath(QStringLiteral("store")), &settings);
        session.setIdleTimeoutSeconds(120);
        createUnlocked(session);
        session.lock();
        session.unlock(QStringLiteral("falsche Passphrase"));
        REQUIRE(waitForState(session, State::Locked));
    }
    settings.sync();
    CHECK(settings.allKeys() == QStringList{QString::fromLatin1(SessionController::kIdleSettingsKey)});
    QFile ini(settings.fileName());
    REQUIRE(ini.open(QIODevice::ReadOnly));
    const QByteArray bytes = ini.readAll();
    CHECK_FALSE(bytes.contains("Passphrase"));
    CHECK_FALSE(bytes.contains("store"));
}

TEST_CASE("SessionController: a job queued on aboutToLock with SurvivesLock runs before the store closes", "[session]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    SessionController session(tmp.filePath(QStringLiteral("store")));
    createUnlocked(session);

    // A job holds the store (a sync on the wire) until released; two more are queued behind it
    // by an aboutToLock listener, one of each policy.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    REQUIRE(session.runStoreJob([released](quartier::sync::Store&, const std::atomic<bool>&) { released.wait(); }, &session, [] {}));
    std::atomic<bool> cancellableRan{false};
    std::atomic<bool> survivorRan{false};
    std::atomic<bool> survivorSawCancel{false};
    int done = 0;
    QObject::connect(&session, &SessionController::aboutToLock, &session, [&] {
        CHECK(session.runStoreJob([&](quartier::sync::Store&, const std::atomic<bool>&) { cancellableRan = true; },
                                  &session, [&] { ++done; }));
        CHECK(session.runStoreJob(
            [&](quartier::sync::Store& store, const std::atomic<bool>& cancel) {
                survivorSawCancel = cancel.load();
                quartier::sync::Writer writer(store);
                survivorRan = writer.set("note", {}, "text", "nach dem Sperren geschrieben").ok() && writer.commit().ok();
            },
            &session, [&] { ++done; }, SessionController::JobPolicy::SurvivesLock));
    });
    session.lock();
    REQUIRE(session.state() == State::Locked);
    release.set_value();
    REQUIRE(QTest::qWaitFor([&] { return done == 2; }, 10000));
    CHECK_FALSE(cancellableRan);
    CHECK(survivorRan);
    CHECK(survivorSawCancel);  // it ran although the session was already cancelled

    session.unlock(kPass);
    REQUIRE(waitForState(session, State::Unlocked));
    const auto notes = session.store()->list("note");
    REQUIRE(notes.size() == 1);
    CHECK(notes.front()->value("text") == "nach dem Sperren geschrieben");
}
