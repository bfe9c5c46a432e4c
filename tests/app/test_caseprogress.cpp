// Verlaufsberichte (CaseProgress) between the caseworker's tablet and a free provider's helper,
// over the real server handler in-process (tests/app/tablet.h): the case assigned to the provider
// and shared from the dialog; the helper's case list holds that case and not the caseworker's
// other one, nor does a second provider's helper hold either; the helper writes a report against
// the case's goals and Auftrag through the controller, refused first with the domain's German
// issues; after both sync, the caseworker's case page shows the report with the author's provider —
// the directory's for the writing device, also when a forged report claims another.
#include "app/tablet.h"

#include "controllers/caseprogress.h"
#include "models/caselistmodel.h"

using namespace quartier;
using quartier::test::kTimeoutMs;
using quartier::test::SyncFixture;
using quartier::test::Tablet;

namespace {

QString hex(const sync::Store& store) { return QString::fromStdString(crypto::to_hex(store.device().id())); }

void waitJob(Tablet& t, app::ShareController::State busy)
{
    REQUIRE(QTest::qWaitFor([&] { return t.share.state() != busy; }, kTimeoutMs));
    INFO(t.share.message().toStdString());
    t.settle();
}

QStringList caseNames(Tablet& t)
{
    app::CaseListModel list;
    list.setStore(&t.store());
    QStringList out;
    for (int i = 0; i < list.rowCount(); ++i)
        out << list.data(list.index(i), app::CaseListModel::NameRole).toString();
    list.setStore(nullptr);
    return out;
}

}  // namespace

TEST_CASE("CaseProgress: the helper of the assigned provider reports progress and the caseworker reads it after sync",
          "[progress][app][provider]")
{
    SyncFixture f(0);
    Tablet asd(f, "Tablet ASD Garstedt");
    Tablet helper(f, "Tablet Familienhilfe Nord", "helper", "Kinderhaus Nord e. V.");
    Tablet other(f, "Tablet Familienwerk Süd", "helper", "Familienwerk Süd");

    // The caseworker's case with a goal and an Auftrag, and a second case nobody else gets.
    const std::string caseId = asd.addCase("Familie Kowalski");
    asd.addCase("Familie Demir");
    std::string goalId, mandateId;
    {
        domain::Repository repo(asd.store());
        domain::Goal g;
        g.case_id = caseId;
        g.text = "Lena ist jeden Werktag bis 9 Uhr in der Kita.";
        g.scale_now = 4;
        g.scale_target = 9;
        g.set_on = "2026-01-12";
        goalId = *repo.save(g);
        domain::Mandate m;
        m.case_id = caseId;
        m.kind = domain::MandateKind::Family;
        m.text = "Morgenroutine begleiten";
        m.given_by = "Familie Kowalski";
        m.given_to = "Familienhilfe";
        mandateId = *repo.save(m);
    }
    REQUIRE(asd.syncOnce());

    // Assigned to Kinderhaus Nord and shared with its helper from the dialog.
    asd.share.open(QString::fromStdString(caseId));
    REQUIRE(asd.share.assignProvider(QStringLiteral("Kinderhaus Nord e. V."), true));
    waitJob(asd, app::ShareController::State::Assigning);
    REQUIRE(asd.share.state() == app::ShareController::State::Assigned);
    REQUIRE(asd.share.share(hex(helper.store())));
    waitJob(asd, app::ShareController::State::Sharing);
    REQUIRE(asd.share.state() == app::ShareController::State::Shared);
    // The other provider's helper is refused, whoever asks.
    REQUIRE(asd.share.share(hex(other.store())));
    waitJob(asd, app::ShareController::State::Sharing);
    CHECK(asd.share.state() == app::ShareController::State::Refused);
    asd.share.close();

    // Each helper sees only its provider's cases.
    REQUIRE(helper.syncOnce());
    REQUIRE(other.syncOnce());
    CHECK(caseNames(helper) == QStringList{QStringLiteral("Familie Kowalski")});
    CHECK(caseNames(other).isEmpty());
    CHECK(caseNames(asd) == QStringList{QStringLiteral("Familie Demir"), QStringLiteral("Familie Kowalski")});

    // The helper writes the report on its case page.
    helper.caseDetail.setToday(QStringLiteral("2026-02-27"));
    helper.caseDetail.open(QString::fromStdString(caseId));
    REQUIRE(helper.caseDetail.caseId() == QString::fromStdString(caseId));
    app::CaseProgressController& progress = *helper.caseDetail.progressSection();
    const QVariantList draft = progress.draftEntries();
    REQUIRE(draft.size() == 2);
    CHECK(draft[0].toMap().value("goalId") == QString::fromStdString(goalId));
    CHECK(draft[0].toMap().value("scaleNow") == 4);
    CHECK(draft[1].toMap().value("mandateId") == QString::fromStdString(mandateId));

    // A goal rated without a word on it: refused with the domain's issue, nothing written.
    QVariantMap form{{"periodFrom", "2026-01-15"},
                     {"periodTo", "2026-02-27"},
                     {"summary", "Die Morgenroutine trägt an den meisten Tagen."},
                     {"entries", QVariantList{QVariantMap{{"goalId", QString::fromStdString(goalId)}, {"scaleNow", 7}},
                                              QVariantMap{{"mandateId", QString::fromStdString(mandateId)}, {"scaleNow", -1},
                                                          {"happened", "Zweimal pro Woche morgens begleitet."}}}}};
    CHECK_FALSE(progress.saveReport(form));
    CHECK(helper.caseDetail.issueList() == QStringList{QStringLiteral("Eintrag 1: Was geschah: Bitte ausfüllen.")});
    CHECK(helper.store().list(domain::ProgressReport::kType).empty());

    QVariantList entries = form.value("entries").toList();
    QVariantMap first = entries[0].toMap();
    first["happened"] = "Lena kommt an vier von fünf Tagen pünktlich.";
    first["familyDid"] = "Frau Kowalski hat einen Wochenplan an den Kühlschrank gehängt.";
    entries[0] = first;
    form["entries"] = entries;
    REQUIRE(progress.saveReport(form));
    CHECK(helper.caseDetail.issueList().isEmpty());
    REQUIRE(progress.reports()->count() == 1);
    const QVariantMap mine = progress.reports()->get(0);
    CHECK(mine.value("author") == QStringLiteral("Tablet Familienhilfe Nord"));
    CHECK(mine.value("provider") == QStringLiteral("Kinderhaus Nord e. V."));
    REQUIRE(helper.syncOnce());

    // The caseworker reads it in the case after its sync.
    REQUIRE(asd.syncOnce());
    asd.caseDetail.open(QString::fromStdString(caseId));
    app::CaseProgressController& read = *asd.caseDetail.progressSection();
    REQUIRE(read.reports()->count() == 1);
    const QVariantMap row = read.reports()->get(0);
    CHECK(row.value("writtenOn") == QStringLiteral("27.02.2026"));
    CHECK(row.value("provider") == QStringLiteral("Kinderhaus Nord e. V."));
    CHECK(row.value("period") == QStringLiteral("15.01.2026 – 27.02.2026"));
    CHECK(row.value("summary") == QStringLiteral("Die Morgenroutine trägt an den meisten Tagen."));
    const QVariantList shown = row.value("entries").toList();
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].toMap().value("title") == QStringLiteral("Lena ist jeden Werktag bis 9 Uhr in der Kita."));
    CHECK(shown[0].toMap().value("scaleNow") == 7);
    CHECK(shown[0].toMap().value("scaleTarget") == 9);
    CHECK(shown[0].toMap().value("familyDid") == QStringLiteral("Frau Kowalski hat einen Wochenplan an den Kühlschrank gehängt."));
    CHECK(shown[1].toMap().value("kind") == QStringLiteral("mandate"));
    CHECK(shown[1].toMap().value("happened") == QStringLiteral("Zweimal pro Woche morgens begleitet."));
    // A helper's client that claims another provider in its report (the stock app fills in its
    // own from the directory): the caseworker is shown the directory's provider of the device
    // that wrote it, not the claim.
    {
        domain::Repository repo(helper.store());
        domain::ProgressReport forged;
        forged.case_id = caseId;
        forged.written_on = "2026-03-15";
        forged.author = "S. Wagner";
        forged.provider = "Familienwerk Süd";
        forged.entries = {{"", mandateId, -1, "Begleitet.", ""}};
        REQUIRE(repo.save(forged).ok());
    }
    REQUIRE(helper.syncOnce());
    REQUIRE(asd.syncOnce());
    REQUIRE(read.reports()->count() == 2);
    CHECK(read.reports()->get(0).value("writtenOn") == QStringLiteral("15.03.2026"));
    CHECK(read.reports()->get(0).value("provider") == QStringLiteral("Kinderhaus Nord e. V."));

    // The other provider's helper still holds nothing of it.
    REQUIRE(other.syncOnce());
    CHECK(other.store().list(domain::ProgressReport::kType).empty());
    CHECK(caseNames(other).isEmpty());
}
