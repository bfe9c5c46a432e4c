// Kollegiale Beratung through the app's controller (ConsultationController) between a caseworker's
// tablet and the team lead's, over the real server handler in-process (tests/app/tablet.h): the
// caseworker's preview shows the card as it will go, without the family's names; "Ins Team geben"
// with no question is refused in German; after sync the team lead's controller lists the card and
// opens it (no name of the family anywhere in what the page gets), records an idea and the
// recommendation; the team lead cannot take it back (it holds no case); after sync the caseworker
// takes it back and the recommendation is a note of the case.
#include "app/tablet.h"

#include "controllers/consultationcontroller.h"

using namespace quartier;
using quartier::test::SyncFixture;
using quartier::test::Tablet;

namespace {

QString allText(const QVariant& v) { return test::allStrings(v); }

struct Controller {
    explicit Controller(Tablet& t)
    {
        QObject::connect(&t.session, &app::SessionController::storeBusyChanged, &c,
                         [&t, this] { c.setStoreBusy(t.session.storeBusy()); });
        c.setStore(t.session.store());
    }
    app::ConsultationController c;
};

}  // namespace

TEST_CASE("Consultation: prepared on the caseworker's tablet, worked on by the team lead, taken back into the case",
          "[team][consultation][app]")
{
    SyncFixture f(0);
    Tablet asd(f, "Tablet ASD Garstedt");
    Tablet lead(f, "Tablet Teamleitung Nord", "team_lead");

    // A case with a member, a will in the family's words naming her son, and a network contact.
    const std::string caseId = asd.addCase("Familie Yilmaz");
    {
        domain::Repository repo(asd.store());
        domain::Person mother;
        mother.case_id = caseId;
        mother.given_name = "Ayşe";
        mother.family_name = "Yilmaz";
        mother.birth_date = "1988-03-14";
        REQUIRE(repo.save(mother).ok());
        domain::CaseMember m;
        m.case_id = caseId;
        m.person_id = mother.id;
        m.role = domain::MemberRole::Mother;
        REQUIRE(repo.save(m).ok());
        domain::WillStatement w;
        w.case_id = caseId;
        w.person_id = mother.id;
        w.text = "Ich will, dass es morgens ruhiger wird, bevor Ayşe zur Arbeit geht.";
        w.own_contribution = "Ich stehe eine halbe Stunde früher auf.";
        w.recorded_on = "2026-01-12";
        REQUIRE(repo.save(w).ok());
    }
    // The team scope, founded by the caseworker and shared with the team lead.
    asd.foundTeamWith(f, lead);

    Controller mine(asd);
    const QString id = QString::fromStdString(caseId);
    const QVariantMap preview = mine.c.preview(id, QString(), QStringLiteral("A. Berger"), QStringLiteral("2026-02-01"));
    REQUIRE_FALSE(preview.isEmpty());
    CHECK(preview.value("question").toString() == QStringLiteral("(die Frage an das Team)"));
    CHECK(preview.value("wills").toList().size() == 1);
    CHECK_FALSE(allText(preview).contains(QStringLiteral("Ayşe")));
    CHECK_FALSE(allText(preview).contains(QStringLiteral("Yilmaz")));
    CHECK(mine.c.cards().isEmpty());  // a preview is not saved

    CHECK(mine.c.submit(id, QStringLiteral("  "), QStringLiteral("A. Berger"), QStringLiteral("2026-02-01")).isEmpty());
    CHECK(mine.c.message() == QStringLiteral("Bitte die Frage an das Team eintragen."));
    CHECK(mine.c.messageIsError());
    const QString cardId = mine.c.submit(id, QStringLiteral("Wie kann Frau Yilmaz morgens entlastet werden?"),
                                         QStringLiteral("A. Berger"), QStringLiteral("2026-02-01"));
    REQUIRE_FALSE(cardId.isEmpty());
    CHECK_FALSE(mine.c.messageIsError());
    REQUIRE(mine.c.cardsOfCase(id).size() == 1);
    REQUIRE(asd.syncOnce());

    // The team lead: the card, and nothing of the family.
    REQUIRE(lead.syncOnce());
    Controller team(lead);
    REQUIRE(team.c.cards().size() == 1);
    team.c.openCard(cardId);
    const QVariantMap card = team.c.card();
    REQUIRE(card.value("id") == cardId);
    CHECK(card.value("holdsCase") == false);
    CHECK(card.value("question").toString().startsWith(QStringLiteral("Wie kann")));
    for (const char* canary : {"Ayşe", "Yilmaz", "1988", "14.03."}) {
        INFO(canary);
        CHECK_FALSE(allText(card).contains(QString::fromUtf8(canary)));
        CHECK_FALSE(allText(team.c.cards()).contains(QString::fromUtf8(canary)));
    }
    CHECK_FALSE(team.c.addIdea(QStringLiteral(" "), QStringLiteral("Teamleitung"), QStringLiteral("2026-02-03")));
    CHECK(team.c.addIdea(QStringLiteral("Frühstückstreff im Familienzentrum"), QStringLiteral("Teamleitung"),
                         QStringLiteral("2026-02-03")));
    CHECK(team.c.card().value("ideas").toList().size() == 1);
    CHECK(team.c.recommend(QStringLiteral("Morgenroutine mit der Familienhilfe aufbauen"),
                           {QVariantMap{{"who", "Familienhilfe"}, {"brings", "zwei Termine pro Woche um 7 Uhr"}},
                            QVariantMap{{"who", ""}, {"brings", ""}}}));
    CHECK(team.c.card().value("state") == QStringLiteral("recommended"));
    CHECK(team.c.card().value("items").toList().size() == 1);
    CHECK_FALSE(team.c.takeBack(QStringLiteral("Teamleitung"), QStringLiteral("2026-02-03T10:00")));
    CHECK(team.c.message().contains(QStringLiteral("hat den Fall nicht")));
    REQUIRE(lead.syncOnce());

    // The caseworker takes the recommendation back into the case.
    REQUIRE(asd.syncOnce());
    mine.c.refresh();
    mine.c.openCard(cardId);
    REQUIRE(mine.c.card().value("holdsCase") == true);
    REQUIRE(mine.c.card().value("state") == QStringLiteral("recommended"));
    QSignalSpy written(&mine.c, &app::ConsultationController::caseWritten);
    REQUIRE(mine.c.takeBack(QStringLiteral("A. Berger"), QStringLiteral("2026-02-04T09:30")));
    CHECK(written.count() == 1);
    CHECK(mine.c.card().value("state") == QStringLiteral("taken_back"));
    domain::Repository repo(asd.store());
    bool found = false;
    for (const domain::Note& n : repo.notes(caseId))
        if (n.text.find("Morgenroutine mit der Familienhilfe aufbauen") != std::string::npos) {
            found = true;
            CHECK_FALSE(n.entrusted);
        }
    CHECK(found);
    CHECK_FALSE(mine.c.takeBack(QStringLiteral("A. Berger"), QStringLiteral("2026-02-04T09:31")));  // once only
}
