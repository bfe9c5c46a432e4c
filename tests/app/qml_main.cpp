// Qt Quick Test runner for the case page: a real store in a temporary directory with one case
// written through the domain layer, the real CaseController as the CaseDetail singleton, and a
// Fixture singleton that tells the QML tests the ids and reads back what was stored.
#include "controllers/casecontroller.h"
#include "controllers/sessioncontroller.h"
#include "controllers/sharecontroller.h"

#include "domain/repository.h"
#include "sync/client/consent.h"
#include "sync/store/store.h"

#include <QDateTime>

#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

#include <filesystem>
#include <memory>

Q_IMPORT_QML_PLUGIN(Quartier_UiPlugin)

namespace qd = quartier::domain;

// What the QML tests know of the store: the ids written, and the stored values (read through a
// fresh load, not the models the page shows).
class Fixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString caseId MEMBER m_caseId CONSTANT)
    Q_PROPERTY(QString goalId MEMBER m_goalId CONSTANT)
    Q_PROPERTY(QString noteId READ noteId CONSTANT)

public:
    Fixture(qd::Repository& repo, QString caseId, QString goalId, QString noteId)
        : m_repo(repo), m_caseId(std::move(caseId)), m_goalId(std::move(goalId)), m_noteId(std::move(noteId))
    {
    }
    QString noteId() const { return m_noteId; }

    // The case's consents as this store has them: [{consenting, state, purposes}].
    Q_INVOKABLE QVariantList storedConsents() const
    {
        namespace consent = quartier::sync::consent;
        QVariantList out;
        const quartier::sync::Record* c = m_repo.store().get(m_caseId.toStdString());
        for (const consent::ConsentRecord& r : consent::list_consents(m_repo.store(), c ? std::optional(c->scope) : std::nullopt)) {
            QStringList purposes;
            for (const std::string& p : r.purposes)
                purposes << QString::fromStdString(p);
            out << QVariantMap{{"consenting", QString::fromStdString(r.consenting)},
                               {"state", QString::fromUtf8(consent::to_string(consent::state(r, std::uint64_t(QDateTime::currentMSecsSinceEpoch()))).data())},
                               {"purposes", purposes}};
        }
        return out;
    }
    // The case's Verlaufsberichte as stored: [{entries: [{scaleNow, happened}]}], newest first.
    Q_INVOKABLE QVariantList storedProgress() const
    {
        QVariantList out;
        for (const qd::ProgressReport& r : m_repo.progress_reports(m_caseId.toStdString())) {
            QVariantList entries;
            for (const qd::ProgressEntry& e : r.entries)
                entries << QVariantMap{{"scaleNow", e.scale_now}, {"happened", QString::fromStdString(e.happened)}};
            out << QVariantMap{{"entries", entries}};
        }
        return out;
    }
    // Copies of the note in the case (disclosure records the store holds).
    Q_INVOKABLE int storedDisclosures() const { return int(m_repo.store().list(quartier::sync::consent::kDisclosureType).size()); }

    Q_INVOKABLE int storedScaleNow(const QString& goalId) const
    {
        auto goal = m_repo.load<qd::Goal>(goalId.toStdString());
        return goal ? goal->scale_now : -1;
    }
    Q_INVOKABLE int storedScaleTarget(const QString& goalId) const
    {
        auto goal = m_repo.load<qd::Goal>(goalId.toStdString());
        return goal ? goal->scale_target : -1;
    }
    // The names on the case's newest network map, in their order.
    Q_INVOKABLE QStringList storedContacts() const
    {
        QStringList out;
        const auto maps = m_repo.network_maps(m_caseId.toStdString());
        if (!maps.empty())
            for (const qd::NetworkContact& c : maps.front().contacts)
                out << QString::fromStdString(c.name);
        return out;
    }

private:
    qd::Repository& m_repo;
    QString m_caseId;
    QString m_goalId;
    QString m_noteId;
};

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Material")); }

    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        if (m_store)
            return;  // each test file gets its engine; the store and the singletons are made once
        auto store = quartier::sync::Store::create(std::filesystem::path(m_tmp.filePath(QStringLiteral("store")).toStdString()),
                                                   "qml-test-passphrase", quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
        if (!store)
            qFatal("cannot create the store: %s", store.detail().c_str());
        m_store = std::move(store).value();
        m_repo = std::make_unique<qd::Repository>(*m_store);

        qd::Case c;
        c.name = "Familie Petersen";
        c.social_space = "Harksheide-Mitte";
        c.status = qd::CaseStatus::Active;
        c.lead_worker = "C. Hansen";
        c.opened_on = "2026-01-05";
        const std::string caseId = mustSave(c);
        qd::Goal g;
        g.case_id = caseId;
        g.text = "Wir essen wieder zusammen zu Abend.";
        g.scale_now = 2;
        g.scale_target = 8;
        g.set_on = "2026-01-20";
        const std::string goalId = mustSave(g);
        // A mother who can consent, and an entrusted note of this worker (its personal scope).
        qd::Person mother;
        mother.case_id = caseId;
        mother.given_name = "Jana";
        mother.family_name = "Petersen";
        const std::string motherId = mustSave(mother);
        qd::CaseMember member;
        member.case_id = caseId;
        member.person_id = motherId;
        member.role = qd::MemberRole::Mother;
        mustSave(member);
        qd::Note note;
        note.case_id = caseId;
        note.text = "Frau Petersen hat Angst, die Wohnung zu verlieren.";
        note.written_at = "2026-01-20T10:00";
        note.entrusted = true;
        m_noteId = QString::fromStdString(mustSave(note));

        m_controller = std::make_unique<quartier::app::CaseController>();
        m_controller->setStore(m_store.get());
        m_fixture = std::make_unique<Fixture>(*m_repo, QString::fromStdString(caseId), QString::fromStdString(goalId), m_noteId);
        // Not unlocked: the page's forms only listen to its aboutToLock (the tests emit it).
        m_session = std::make_unique<quartier::app::SessionController>(m_tmp.filePath(QStringLiteral("session")));
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Session", m_session.get());
        quartier::app::CaseController::registerForQml(*m_controller);
        // The page's "Fall teilen" dialog needs its controller; sharing itself is tests/app/qml_share's.
        m_share = std::make_unique<quartier::app::ShareController>(m_session.get(), nullptr);
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Share", m_share.get());
        qmlRegisterSingletonInstance("QuartierTest", 1, 0, "Fixture", m_fixture.get());
    }

    void cleanupTestCase()
    {
        m_controller->setStore(nullptr);
        m_fixture.reset();
        m_repo.reset();
        m_store.reset();
    }

private:
    template <class T>
    std::string mustSave(T& record)
    {
        auto id = m_repo->save(record);
        if (!id)
            qFatal("cannot save the fixture: %s", id.detail().c_str());
        return *id;
    }

    QTemporaryDir m_tmp;
    std::unique_ptr<quartier::sync::Store> m_store;
    std::unique_ptr<qd::Repository> m_repo;
    std::unique_ptr<quartier::app::CaseController> m_controller;
    std::unique_ptr<quartier::app::SessionController> m_session;
    std::unique_ptr<quartier::app::ShareController> m_share;
    std::unique_ptr<Fixture> m_fixture;
    QString m_noteId;
};

QUICK_TEST_MAIN_WITH_SETUP(quartier_qml, Setup)

#include "qml_main.moc"
