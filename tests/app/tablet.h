// The app on a caseworker's tablet for tests against the real server handler in-process (the
// fixture of tests/sync/sync_fixture.h): SessionController, SyncController, ShareController and
// CaseController wired as app/main.cpp wires them, enrolled in the fixture's organisation by its
// office and synced once. Waiting is on states and signals, never sleeps.
#pragma once

#include "tools/headless.h"
#include "controllers/casecontroller.h"
#include "controllers/sessioncontroller.h"
#include "controllers/sharecontroller.h"
#include "controllers/synccontroller.h"

#include "domain/repository.h"
#include "sync/client/org.h"
#include "sync/client/sharing.h"
#include "sync/sync_fixture.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace quartier::test {

using app::CaseController;
using app::SessionController;
using app::ShareController;
using app::ShareTargetModel;
using app::SyncController;

inline constexpr int kTimeoutMs = 30000;

// Every string of a QVariant tree (lists and maps walked), joined by '|': what a page binds to, to
// look for a family's name in.
inline QString allStrings(const QVariant& v)
{
    QStringList out;
    if (v.typeId() == QMetaType::QVariantList)
        for (const QVariant& x : v.toList())
            out << allStrings(x);
    else if (v.typeId() == QMetaType::QVariantMap)
        for (const QVariant& x : v.toMap())
            out << allStrings(x);
    else
        out << v.toString();
    return out.join(QLatin1Char('|'));
}
inline const QString kPass = QStringLiteral("Passphrase des Tablets");

// The app on the caseworker's tablet, enrolled in the fixture's organisation and synced once.
struct Tablet {
    // `role` and `provider` as the office enrols it (docs/roles.md).
    explicit Tablet(SyncFixture& f, const std::string& name = "Tablet ASD Garstedt", const std::string& role = "caseworker",
                    const std::string& provider = {})
        : session(tmp.filePath(QStringLiteral("store"))), sync(&session), share(&session, &sync),
          tester(share.targets(), QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        caseDetail.setSession(&session);
        QObject::connect(&session, &SessionController::storeChanged, &caseDetail, [this] { caseDetail.setStore(session.store()); });
        QObject::connect(&session, &SessionController::storeBusyChanged, &caseDetail,
                         [this] { caseDetail.setStoreBusy(session.storeBusy()); });
        QObject::connect(&sync, &SyncController::recordsChanged, &caseDetail, &CaseController::reload);
        sync.setTransportFactory([&f, this](const std::string&, const std::string&)
                                     -> sync::Result<std::unique_ptr<sync::Transport>> {
            auto t = std::make_unique<FakeTransport>(f.server);
            t->faults = faults;
            return std::unique_ptr<sync::Transport>(std::move(t));
        });
        sync.setSyncOptions(Device::sync_options(&f.server));
        sync.setAutomatic(false);
        session.setKdfParams(test::kFastKdf);
        session.createStore(kPass, kPass);
        REQUIRE(app::waitForState(session, SessionController::State::Unlocked));
        settle();

        // Enrolled by the office and admitted (the store is free: the GUI thread may use it).
        sync::Store& store = *session.store();
        FakeTransport transport(f.server);
        sync::SyncClient client(store, transport, Device::sync_options(&f.server));
        auto code = sync::offer_enrolment(*f.office->store, *f.office->client, name, role, provider);
        REQUIRE(code.ok());
        auto sas = sync::request_enrolment(store, client, *code, name);
        REQUIRE(sas.ok());
        REQUIRE(sync::admit(*f.office->store, *f.office->client, *sas).ok());
        sync.refreshStatus();  // the server it now belongs to
        REQUIRE(syncOnce());
        REQUIRE(sync.enrolled());
    }

    void settle() { REQUIRE(QTest::qWaitFor([&] { return !session.storeBusy() && !sync.syncing(); }, kTimeoutMs)); }

    bool syncOnce()
    {
        QSignalSpy finished(&sync, &SyncController::finished);
        REQUIRE(sync.syncNow());
        REQUIRE((finished.count() == 1 || finished.wait(kTimeoutMs)));
        settle();
        return finished.at(0).at(0).toBool();
    }

    sync::Store& store()
    {
        REQUIRE_FALSE(session.storeBusy());
        return *session.store();
    }

    // A case written through the domain layer: a case scope of its own, or `scope` if given.
    std::string addCase(const std::string& name, const sync::ScopeId* scope = nullptr)
    {
        domain::Repository repo(store());
        domain::Case c;
        c.name = name;
        c.social_space = "Garstedt";
        c.status = domain::CaseStatus::Active;
        c.lead_worker = "A. Berger";
        c.opened_on = "2026-01-12";
        domain::SaveOptions options;
        options.scope = scope;
        auto id = repo.save(c, options);
        INFO((id ? std::string() : id.detail()));
        REQUIRE(id.ok());
        return *id;
    }
    sync::ScopeId scopeOf(const std::string& caseId)
    {
        const sync::Record* r = store().get(caseId);
        REQUIRE(r);
        return r->scope;
    }

    // Shares and waits for the job's result.
    ShareController::State shareWith(const Device& device)
    {
        const QString id = QString::fromStdString(crypto::to_hex(device.store->device().id()));
        REQUIRE(share.share(id));
        REQUIRE(share.state() == ShareController::State::Sharing);
        REQUIRE(session.storeBusy());  // the share is a store job: the GUI thread keeps off the store
        REQUIRE(QTest::qWaitFor([&] { return share.state() != ShareController::State::Sharing; }, kTimeoutMs));
        return share.state();
    }

    // A team scope founded on this tablet (docs/roles.md: kind team) and shared with `member`'s,
    // as `quartier-cli scope create --kind team` and `scope share` do; the store is free.
    void foundTeamWith(SyncFixture& f, Tablet& member)
    {
        sync::Store& mine = store();
        auto scope = mine.create_scope();
        REQUIRE(scope.ok());
        REQUIRE(mine.set_setting("scope_kind:" + crypto::to_hex(*scope), "team").ok());
        FakeTransport transport(f.server);
        sync::SyncClient client(mine, transport, Device::sync_options(&f.server));
        auto shared = sync::sharing::share(mine, client, *scope, member.store().device().id());
        INFO((shared.ok() ? std::string() : shared.detail()));
        REQUIRE(shared.ok());
    }
    const ShareTargetModel::Row* row(const Device& device)
    {
        const int i = share.targets()->indexOf(QString::fromStdString(crypto::to_hex(device.store->device().id())));
        return i < 0 ? nullptr : &share.targets()->rows()[std::size_t(i)];
    }

    QTemporaryDir tmp;
    std::function<Fault(const sync::Request&)> faults;  // set only while no store job runs
    SessionController session;
    SyncController sync;
    ShareController share;
    QAbstractItemModelTester tester;
    CaseController caseDetail;
};

}  // namespace quartier::test
