// The Sozialraumteam's page (TeamController) between a caseworker's tablet and the team lead's,
// over the real server handler in-process (tests/app/tablet.h): the caseworker founds the team
// scope and shares it; its SyncController's sync writes the team's case index before it pushes
// (no call of refresh() by the test); after the team lead's sync, the team lead's controller says
// the page is its home, shows the two cases by pseudonym with their status, risk area, lead worker,
// helps, next review and overdue Auflage, counts the caseload and the risk areas — and nothing of
// the families: no name in any value the page gets, no case key on the team lead's store.
#include "app/tablet.h"

#include "controllers/teamcontroller.h"
#include "team/pseudonym.h"

using namespace quartier;
using quartier::test::SyncFixture;
using quartier::test::Tablet;

namespace {

struct TeamPage {
    explicit TeamPage(Tablet& t)
    {
        QObject::connect(&t.session, &app::SessionController::storeBusyChanged, &controller,
                         [&t, this] { controller.setStoreBusy(t.session.storeBusy()); });
        controller.setStore(t.session.store());
        controller.setActive(true);
    }
    app::TeamController controller;
};

}  // namespace

TEST_CASE("Team page: the caseworker's sync writes the index, the team lead's page shows it and nothing of the families",
          "[team][app]")
{
    SyncFixture f(0);
    Tablet asd(f, "Tablet ASD Garstedt");
    Tablet lead(f, "Tablet Teamleitung Nord", "team_lead");

    // Two cases: Demir in the Leistungsbereich with SPFH running and a goal to review; Kowalski in
    // the Gefährdungsbereich with an Auflage past its deadline.
    const std::string demir = asd.addCase("Familie Demir");
    const std::string kowalski = asd.addCase("Familie Kowalski");
    {
        domain::Repository repo(asd.store());
        domain::Measure m;
        m.case_id = demir;
        m.paragraph = "31";
        m.title = "Sozialpädagogische Familienhilfe";
        m.start = "2026-01-15";
        REQUIRE(repo.save(m).ok());
        domain::Goal g;
        g.case_id = demir;
        g.text = "Emre geht wieder gern zur Schule.";
        g.set_on = "2026-01-12";
        g.review_on = "2026-03-01";
        REQUIRE(repo.save(g).ok());
        domain::RiskAssessment r;
        r.case_id = kowalski;
        r.area = domain::RiskArea::Danger;
        r.assessed_on = "2026-01-20";
        r.assessed_by = "A. Berger";
        r.reasons = "Lena wurde zweimal nicht aus der Kita abgeholt.";
        REQUIRE(repo.save(r).ok());
        domain::Requirement q;
        q.case_id = kowalski;
        q.reason = "Versorgung von Lena";
        q.minimum_standard = "Lena wird jeden Tag pünktlich abgeholt.";
        q.deadline = "2026-02-01";
        q.checked_by = "A. Berger";
        q.check_method = "Rückmeldung der Kita";
        q.consequence = "Prüfung weiterer Schritte nach § 8a SGB VIII";
        REQUIRE(repo.save(q).ok());
    }

    // The team scope, founded by the caseworker and shared with the team lead.
    asd.foundTeamWith(f, lead);
    TeamPage asdPage(asd);
    CHECK_FALSE(asdPage.controller.teamLeadHome());
    CHECK(asdPage.controller.available());
    CHECK(asdPage.controller.entries().isEmpty());  // nothing written before the sync

    // The caseworker's sync writes the index first; the team lead's brings it.
    REQUIRE(asd.syncOnce());
    asdPage.controller.refresh();
    CHECK(asdPage.controller.entries().size() == 2);
    REQUIRE(lead.syncOnce());
    TeamPage leadPage(lead);
    const app::TeamController& team = leadPage.controller;
    CHECK(team.teamLeadHome());
    CHECK(team.available());
    CHECK(team.message().isEmpty());
    const QVariantMap overview = team.overview();
    CHECK(overview.value("skipped") == 0);
    CHECK(overview.value("openCases") == 2);
    REQUIRE(team.entries().size() == 2);

    QVariantMap demirRow, kowalskiRow;
    for (const QVariant& v : team.entries()) {
        const QVariantMap row = v.toMap();
        if (row.value("pseudonym").toString().toStdString() == team::case_pseudonym(demir))
            demirRow = row;
        if (row.value("pseudonym").toString().toStdString() == team::case_pseudonym(kowalski))
            kowalskiRow = row;
    }
    REQUIRE_FALSE(demirRow.isEmpty());
    REQUIRE_FALSE(kowalskiRow.isEmpty());
    CHECK(demirRow.value("socialSpace") == QStringLiteral("Garstedt"));
    CHECK(demirRow.value("status") == QStringLiteral("Aktiv"));
    CHECK(demirRow.value("worker") == QStringLiteral("A. Berger"));
    CHECK(demirRow.value("helps") == QStringLiteral("§ 31"));
    CHECK(demirRow.value("nextReview") == QStringLiteral("01.03.2026"));
    CHECK(demirRow.value("riskKey") == QString());
    CHECK(kowalskiRow.value("riskKey") == QStringLiteral("danger"));
    CHECK(kowalskiRow.value("requirementOverdue").toBool());
    CHECK(kowalskiRow.value("requirements").toString().contains(QStringLiteral("01.02.2026")));

    const QVariantList workers = overview.value("workers").toList();
    REQUIRE(workers.size() == 1);
    CHECK(workers[0].toMap().value("cases") == 2);
    CHECK(workers[0].toMap().value("danger") == 1);
    const QVariantList overdue = overview.value("overdueRequirements").toList();
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].toMap().value("date") == QStringLiteral("01.02.2026"));
    for (const QVariant& r : overview.value("risks").toList()) {
        const QVariantMap m = r.toMap();
        const QString key = m.value("key").toString();
        CHECK(m.value("count") == ((key == QLatin1String("danger") || key.isEmpty()) ? 1 : 0));
    }

    // Nothing of the families: no name, no word of their records, no case key.
    const QString all = test::allStrings(team.entries()) + '|' + test::allStrings(overview);
    for (const char* canary : {"Demir", "Kowalski", "Emre", "Lena", "Kita", "Schule"}) {
        INFO(canary);
        CHECK_FALSE(all.contains(QString::fromUtf8(canary)));
    }
    for (const auto& [scope, epoch] : lead.store().scope_keys())
        CHECK(sync::sharing::scope_kind(lead.store(), scope) != sync::ScopeKind::Case);
    CHECK(lead.store().list("case").empty());
}
