#include "controllers/sessioncontroller.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <span>

namespace quartier::app {

namespace {

std::filesystem::path toPath(const QString& dir) { return std::filesystem::path(QFile::encodeName(dir).toStdString()); }

// The passphrase as UTF-8 in one heap string shared with the worker, which wipes it. The QString
// copies QML keeps are out of reach; the temporaries made here are wiped.
std::shared_ptr<std::string> secretCopy(const QString& passphrase)
{
    QByteArray utf8 = passphrase.toUtf8();
    auto secret = std::make_shared<std::string>(utf8.constData(), std::size_t(utf8.size()));
    crypto::wipe(std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(utf8.data()), std::size_t(utf8.size())));
    return secret;
}

qint64 steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool isUserInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::TabletRelease:
        return true;
    default:
        return false;
    }
}

}  // namespace

// What the worker hands back: a store, or an error. Never touches the controller.
void HeldSettings::add(sync::HeldSetting held)
{
    std::lock_guard lock(m_mutex);
    m_items.push_back(std::move(held));
}

std::vector<sync::HeldSetting> HeldSettings::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_items, {});
}

void HeldSettings::restoreInto(sync::Store& store)
{
    std::vector<sync::HeldSetting> keep;
    for (sync::HeldSetting& held : take()) {
        const auto written = store.restore_setting(held);
        if (!written && written.error() != sync::Error::Corrupt)
            keep.push_back(std::move(held));  // no room yet: the next unlock tries again
    }
    std::lock_guard lock(m_mutex);
    // In the order they were held, before any held meanwhile (none: the store thread runs this).
    m_items.insert(m_items.begin(), std::make_move_iterator(keep.begin()), std::make_move_iterator(keep.end()));
}

void HeldSettings::clear()
{
    std::lock_guard lock(m_mutex);
    m_items.clear();
}

std::size_t HeldSettings::size() const
{
    std::lock_guard lock(m_mutex);
    return m_items.size();
}

struct SessionController::Outcome {
    std::unique_ptr<sync::Store> store;
    std::optional<sync::Error> error;
};

SessionController::SessionController(QString storeDir, QSettings* settings, QObject* parent)
    : QObject(parent), m_storeDir(std::move(storeDir)), m_settings(settings), m_clock(steadyMs)
{
    if (m_settings) {
        bool ok = false;
        const int stored = m_settings->value(kIdleSettingsKey, kDefaultIdleSeconds).toInt(&ok);
        m_idleSeconds = ok ? std::max(stored, kMinIdleSeconds) : kDefaultIdleSeconds;
    }
    m_storeThread.setMaxThreadCount(1);  // the store thread: one task at a time, in order
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { checkIdle(); });
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this, &SessionController::finish);
    m_state = sync::Store::exists(toPath(m_storeDir)) ? State::Locked : State::NoStore;
}

SessionController::~SessionController()
{
    // A running worker holds the store directory's lock; let it finish so the store it may have
    // opened is closed (and its keys wiped) before the process goes on. Jobs are told to stop.
    if (m_cancel)
        m_cancel->store(true);
    m_storeThread.waitForDone();
    m_watcher.waitForFinished();
}

void SessionController::setIdleTimeoutSeconds(int seconds)
{
    seconds = std::max(seconds, kMinIdleSeconds);
    if (!assign(m_idleSeconds, seconds))
        return;
    if (m_settings)
        m_settings->setValue(kIdleSettingsKey, seconds);
    emit idleTimeoutSecondsChanged();
    if (m_state == State::Unlocked)
        checkIdle();
}

void SessionController::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock(steadyMs);
    m_lastActivity = m_clock();
}

void SessionController::createStore(const QString& passphrase, const QString& repeat)
{
    if (m_state != State::NoStore)
        return;
    if (passphrase.toUcs4().size() < kMinPassphraseLength) {
        setError(tr("Die Passphrase muss mindestens %n Zeichen lang sein.", nullptr, kMinPassphraseLength));
        return;
    }
    if (passphrase != repeat) {
        setError(tr("Die beiden Eingaben stimmen nicht überein."));
        return;
    }
    start(secretCopy(passphrase), true);
}

void SessionController::unlock(const QString& passphrase)
{
    if (m_state != State::Locked && m_state != State::Failed)
        return;
    if (passphrase.isEmpty()) {
        setError(tr("Bitte geben Sie Ihre Passphrase ein."));
        return;
    }
    start(secretCopy(passphrase), false);
}

void SessionController::start(std::shared_ptr<std::string> passphrase, bool create)
{
    setError({});
    m_creating = create;
    m_lockRequested = false;
    setState(State::Unlocking);

    const std::filesystem::path dir = toPath(m_storeDir);
    if (create)
        QDir().mkpath(QFileInfo(m_storeDir).absolutePath());
    const std::optional<crypto::PwhashParams> kdf = m_kdf;
    // The worker owns its copy of the passphrase and wipes it (invariant 7); it sees nothing of
    // `this` (invariant 3). It runs on the store thread, so after any job of an earlier session.
    m_watcher.setFuture(QtConcurrent::run(&m_storeThread, [dir, kdf, create, held = m_held, pass = std::move(passphrase)] {
        auto outcome = std::make_shared<Outcome>();
        sync::StoreOptions options;
        if (!kdf)
            options.kdf_floor = kKdfFloor;
        auto result = create ? sync::Store::create(dir, *pass, kdf ? *kdf : crypto::calibrate(std::chrono::milliseconds(500)),
                                                   std::move(options))
                             : sync::Store::open(dir, *pass, std::move(options));
        crypto::wipe(*pass);
        if (result && !create)
            held->restoreInto(**result);  // before any page reads the store: drafts show at once
        if (result)
            outcome->store = std::move(result).value();
        else
            outcome->error = result.error();
        return outcome;
    }));
}

void SessionController::finish()
{
    if (m_state != State::Unlocking)
        return;
    std::shared_ptr<Outcome> outcome = m_watcher.result();
    if (!outcome)
        return;

    if (m_lockRequested) {  // invariant 5
        m_lockRequested = false;
        outcome->store.reset();
        setState(sync::Store::exists(toPath(m_storeDir)) ? State::Locked : State::NoStore);
        return;
    }
    if (outcome->store) {
        m_store = std::move(outcome->store);
        m_cancel = std::make_shared<std::atomic<bool>>(false);
        setState(State::Unlocked);
        m_lastActivity = m_clock();
        armIdleTimer(qint64(m_idleSeconds) * 1000);
        emit storeChanged();
        return;
    }
    const sync::Error error = outcome->error.value_or(sync::Error::Io);
    setError(describe(error));
    if (error == sync::Error::WrongPassphrase)
        setState(State::Locked);
    else
        setState(State::Failed);
}

void SessionController::lock()
{
    if (m_state == State::Unlocking) {
        m_lockRequested = true;
        return;
    }
    if (m_state != State::Unlocked)
        return;
    emit aboutToLock();  // last chance to write what is typed (the store is still there and free or lent)
    m_idleTimer.stop();
    m_cancel->store(true);  // a running sync stops before its next request
    std::shared_ptr<sync::Store> closing = std::move(m_store);
    emit storeChanged();  // invariant 6: listeners see null while the store still exists
    closing.reset();      // keys wiped by the Store's destructor, here or, if a job holds it, by the job
    setError({});
    setState(sync::Store::exists(toPath(m_storeDir)) ? State::Locked : State::NoStore);
}

void SessionController::lockWithMessage(const QString& message)
{
    lock();
    setError(message);
}

bool SessionController::runStoreJob(StoreJob job, QObject* context, std::function<void()> done, JobPolicy policy)
{
    if (m_state != State::Unlocked || !m_store || !job)
        return false;
    const std::uint64_t id = ++m_nextJob;
    m_pendingJobs.emplace(id, PendingJob{context, std::move(done)});
    if (m_jobs++ == 0)
        emit storeBusyChanged();  // before the job can start: GUI readers stop first (invariant 2)
    const bool survivesLock = policy == JobPolicy::SurvivesLock;
    m_storeThread.start([this, id, store = m_store, cancel = m_cancel, survivesLock, job = std::move(job)]() mutable {
        if (survivesLock || !cancel->load())
            job(*store, *cancel);
        // After a lock() this is the last reference: the Store is destroyed (keys wiped) here,
        // before the next task on the store thread (a new unlock) can open the directory.
        store.reset();
        job = nullptr;
        QMetaObject::invokeMethod(this, [this, id] { jobFinished(id); }, Qt::QueuedConnection);
    });
    return true;
}

void SessionController::jobFinished(std::uint64_t id)
{
    auto it = m_pendingJobs.find(id);
    if (it == m_pendingJobs.end())
        return;
    PendingJob pending = std::move(it->second);
    m_pendingJobs.erase(it);
    if (--m_jobs == 0)
        emit storeBusyChanged();
    if (pending.context && pending.done)
        pending.done();
}

void SessionController::retry()
{
    if (m_state != State::Failed)
        return;
    setError({});
    setState(sync::Store::exists(toPath(m_storeDir)) ? State::Locked : State::NoStore);
}

void SessionController::clearError() { setError({}); }

void SessionController::noteActivity() { m_lastActivity = m_clock(); }

bool SessionController::checkIdle()
{
    if (m_state != State::Unlocked)
        return false;
    const qint64 idleMs = qint64(m_idleSeconds) * 1000;
    const qint64 elapsed = m_clock() - m_lastActivity;
    if (elapsed >= idleMs) {
        lock();
        return true;
    }
    armIdleTimer(idleMs - elapsed);
    return false;
}

void SessionController::handleApplicationState(Qt::ApplicationState state)
{
    if (state == Qt::ApplicationSuspended || state == Qt::ApplicationHidden)
        lock();
}

bool SessionController::eventFilter(QObject* watched, QEvent* event)
{
    // Activity is only stamped here (cheap, events arrive once per receiver); the single-shot
    // timer re-arms itself in checkIdle() instead of being restarted on every event.
    if (m_state == State::Unlocked && isUserInput(event->type()))
        noteActivity();
    return QObject::eventFilter(watched, event);
}

void SessionController::setState(State state)
{
    if (!assign(m_state, state))
        return;
    if (state == State::NoStore)
        m_held->clear();  // the store is gone (a wipe): no store of this device can open them
    emit stateChanged();
}

void SessionController::armIdleTimer(qint64 remainingMs)
{
    m_idleTimer.start(int(std::clamp<qint64>(remainingMs, 1, 24LL * 3600 * 1000)));
}

QString SessionController::describe(sync::Error error) const
{
    switch (error) {
    case sync::Error::WrongPassphrase:
        return tr("Passphrase falsch. Bitte versuchen Sie es erneut.");
    case sync::Error::Busy:
        return tr("Der Datenspeicher wird gerade von einem anderen Programm verwendet. "
                  "Schließen Sie es und versuchen Sie es erneut.");
    case sync::Error::NotFound:
        return tr("Auf diesem Gerät wurde kein Datenspeicher gefunden.");
    case sync::Error::AlreadyExists:
        return tr("Auf diesem Gerät gibt es bereits einen Datenspeicher.");
    case sync::Error::Corrupt:
    case sync::Error::Integrity:
        return tr("Der Datenspeicher ist beschädigt. Bitte wenden Sie sich an Ihre Administration.");
    case sync::Error::Unsupported:
        return tr("Der Datenspeicher stammt aus einer neueren Version von Quartier. "
                  "Bitte aktualisieren Sie die App.");
    case sync::Error::Full:
        return tr("Der Speicher dieses Geräts ist voll: Quartier kann die Entsperrung nicht protokollieren. Geben Sie "
                  "Speicherplatz frei (z. B. Fotos oder Videos löschen) und versuchen Sie es erneut.");
    case sync::Error::Io:
    case sync::Error::Failed:
        return tr("Der Datenspeicher konnte nicht gelesen oder geschrieben werden. "
                  "Ist genug Speicherplatz frei?");
    case sync::Error::LeaseExpired:
        return tr("Dieses Gerät wurde länger nicht synchronisiert, als Ihre Organisation erlaubt. "
                  "Synchronisieren Sie, um die Fälle wieder zu sehen.");
    default:  // errors of later parts (the wire) and misuse: shown with their code
        break;
    }
    return tr("Der Datenspeicher ließ sich nicht öffnen. Starten Sie Quartier neu; hilft das nicht, wenden Sie sich "
              "an Ihre Administration (Fehlercode: %1).")
        .arg(QString::fromUtf8(sync::to_string(error).data(), qsizetype(sync::to_string(error).size())));
}

}  // namespace quartier::app
