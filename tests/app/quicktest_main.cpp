// Qt Quick Test runner for the home-visit flow (tests/app/qml_visit/tst_*.qml): a real store with the
// demo families, the real HomeVisitController as the Visit singleton, and a Probe that reads what
// the taps stored back through domain::Repository, so the QML test checks the store, not the UI.
#include "controllers/homevisitcontroller.h"
#include "controllers/sessioncontroller.h"
#include "tools/visitdemo.h"

#include "domain/repository.h"
#include "sync/store/store.h"

#include <QObject>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

#include <filesystem>
#include <memory>

Q_IMPORT_QML_PLUGIN(Quartier_UiPlugin)

namespace d = quartier::domain;

// Reads the demo case's visit from the store.
class Probe : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString caseId READ caseId CONSTANT)

public:
    Probe(quartier::sync::Store& store, quartier::app::HomeVisitController& visit, std::string caseId)
        : m_store(store), m_visit(visit), m_caseId(std::move(caseId)) {}

    QString caseId() const { return QString::fromStdString(m_caseId); }

    Q_INVOKABLE QString visitStatus() const
    {
        auto e = repo().load<d::ContactEvent>(m_visit.visitId().toStdString());
        return e ? QString::fromStdString(std::string(d::to_string(e->status))) : QString();
    }
    Q_INVOKABLE QStringList participantNames() const
    {
        QStringList out;
        auto e = repo().load<d::ContactEvent>(m_visit.visitId().toStdString());
        if (!e)
            return out;
        for (const d::Member& m : repo().members(m_caseId)) {
            if (std::find(e->participants.begin(), e->participants.end(), m.person.id) != e->participants.end())
                out << QString::fromStdString(m.person.display_name());
        }
        return out;
    }
    Q_INVOKABLE QString memberName(int i) const
    {
        const auto members = repo().members(m_caseId);
        return i < int(members.size()) ? QString::fromStdString(members[std::size_t(i)].person.display_name()) : QString();
    }
    Q_INVOKABLE QString childSeen() const
    {
        auto e = repo().load<d::ContactEvent>(m_visit.visitId().toStdString());
        return e ? QString::fromStdString(std::string(d::to_string(e->child_seen))) : QString();
    }
    Q_INVOKABLE int childrenSeen() const
    {
        auto e = repo().load<d::ContactEvent>(m_visit.visitId().toStdString());
        return e ? int(e->children_seen.size()) : -1;
    }
    // This visit's answer for the offer, "" if none today. An earlier visit's answer of the demo
    // family (its offers and answers are random) is not today's and must not be read as one.
    Q_INVOKABLE QString offerStatus(const QString& serviceId) const
    {
        const std::string visit = m_visit.visitId().toStdString();
        for (const d::ServiceFeedback& f : repo().service_feedback(m_caseId)) {
            if (f.contact_event_id == visit && QString::fromStdString(f.service_id) == serviceId &&
                f.status != d::FeedbackStatus::MissingWanted)
                return QString::fromStdString(std::string(d::to_string(f.status)));
        }
        return {};
    }
    // The missing_wanted entry named `wanted`: {category, barriers, how}, or {} if none.
    Q_INVOKABLE QVariantMap missing(const QString& wanted) const
    {
        for (const d::ServiceFeedback& f : repo().service_feedback(m_caseId)) {
            if (f.status != d::FeedbackStatus::MissingWanted || QString::fromStdString(f.wanted) != wanted)
                continue;
            QStringList barriers;
            for (d::Barrier b : f.barriers)
                barriers << QString::fromStdString(std::string(d::to_string(b)));
            return {{QStringLiteral("category"), QString::fromStdString(f.category)},
                    {QStringLiteral("barriers"), barriers},
                    {QStringLiteral("how"), QString::fromStdString(f.how_it_would_have_to_be)}};
        }
        return {};
    }
    // {text, own, isWill} of the will statement with `text`, or {}.
    Q_INVOKABLE QVariantMap will(const QString& text) const
    {
        for (const d::WillStatement& w : repo().will_statements(m_caseId)) {
            if (QString::fromStdString(w.text) == text)
                return {{QStringLiteral("own"), QString::fromStdString(w.own_contribution)},
                        {QStringLiteral("isWill"), w.is_will()}};
        }
        return {};
    }
    Q_INVOKABLE bool hasResource(const QString& area, const QString& text) const
    {
        for (const d::Resource& r : repo().resources(m_caseId)) {
            if (QString::fromStdString(r.text) == text && QString::fromStdString(std::string(d::to_string(r.area))) == area)
                return true;
        }
        return false;
    }
    // {text, entrusted, personalScope} of the visit's note, or {}.
    Q_INVOKABLE QVariantMap note() const
    {
        const auto notes = repo().notes_of_visit(m_visit.visitId().toStdString());
        if (notes.empty())
            return {};
        const quartier::sync::Record* record = m_store.get(notes.front().id);
        return {{QStringLiteral("text"), QString::fromStdString(notes.front().text)},
                {QStringLiteral("entrusted"), notes.front().entrusted},
                {QStringLiteral("personalScope"), record && record->scope == m_store.default_scope()}};
    }

private:
    d::Repository repo() const { return d::Repository(m_store); }

    quartier::sync::Store& m_store;
    quartier::app::HomeVisitController& m_visit;
    std::string m_caseId;
};

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        const std::filesystem::path dir(m_tmp.filePath(QStringLiteral("store")).toStdString());
        auto store = quartier::sync::Store::create(dir, "quick-test passphrase", quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
        if (!store)
            qFatal("cannot create the test store");
        m_store = std::move(store).value();
        auto demo = quartier::app::writeVisitDemo(*m_store);
        if (!demo)
            qFatal("cannot write the demo families");
        // The session is not unlocked here: the page only needs it for its lock button.
        m_session = std::make_unique<quartier::app::SessionController>(m_tmp.filePath(QStringLiteral("session")));
        m_visit = std::make_unique<quartier::app::HomeVisitController>();
        m_visit->setStore(m_store.get());
        m_probe = std::make_unique<Probe>(*m_store, *m_visit, demo->caseId);
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Session", m_session.get());
        qmlRegisterSingletonInstance("Quartier.Ui", 1, 0, "Visit", m_visit.get());
        qmlRegisterSingletonInstance("QuartierTest", 1, 0, "Probe", m_probe.get());
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
    void cleanupTestCase()
    {
        m_probe.reset();
        m_visit.reset();
        m_store.reset();
    }

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<quartier::sync::Store> m_store;
    std::unique_ptr<quartier::app::SessionController> m_session;
    std::unique_ptr<quartier::app::HomeVisitController> m_visit;
    std::unique_ptr<Probe> m_probe;
};

QUICK_TEST_MAIN_WITH_SETUP(home_visit, Setup)

#include "quicktest_main.moc"
