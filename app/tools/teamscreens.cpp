#include "tools/teamscreens.h"

#include "controllers/consultationcontroller.h"
#include "controllers/navigator.h"
#include "controllers/teamcontroller.h"
#include "tools/headless.h"

#include "domain/repository.h"
#include "team/case_index.h"
#include "crypto/crypto.h"
#include "sync/store/store.h"

#include <QDate>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>
#include <QVariantMap>

namespace quartier::app {

int shootTeamScreens(QQmlEngine& engine, QQuickWindow* window, Navigator& navigator, sync::Store& store, QTextStream& out,
                     const ShootFn& shoot, const ShootFn& shootProjector)
{
    const int id = qmlTypeId("Quartier.Ui", 1, 0, "Team");
    auto* team = id < 0 ? nullptr : engine.singletonInstance<TeamController*>(id);
    if (!team) {
        out << "FAIL the Team singleton is not registered" << Qt::endl;
        return 1;
    }
    auto scope = store.create_scope();
    if (!scope || !store.set_setting("scope_kind:" + crypto::to_hex(*scope), "team")) {
        out << "FAIL could not found a team scope" << Qt::endl;
        return 1;
    }
    domain::Repository repository(store);
    int failures = 0;
    const auto written = team::refresh(repository, QDate::currentDate().toString(Qt::ISODate).toStdString());
    if (!written || written->written == 0) {
        out << "FAIL the team's case index was not written: " << QString::fromStdString(written ? written->skipped : written.detail())
            << Qt::endl;
        return 1;
    }
    team->refresh();
    navigator.openTeam();
    settle(300);
    if (!findItem(window, QStringLiteral("teamPage")) || team->entries().isEmpty()) {
        out << "FAIL the team page did not open with the team's cases: " << team->message() << Qt::endl;
        navigator.goBack();
        return 1;
    }
    shoot(QStringLiteral("team"), {});
    shoot(QStringLiteral("team-cases"), [window] { scrollIntoView(window, QStringLiteral("teamCases")); });
    navigator.goBack();
    settle(300);

    // Kollegiale Beratung on the demo's Familie Demir: the caseworker's dialog with the card's
    // preview, then the card in the team with ideas and a recommendation, on a tablet and on a
    // projector (1920×1080, large type).
    const int cid = qmlTypeId("Quartier.Ui", 1, 0, "Consultation");
    auto* consultation = cid < 0 ? nullptr : engine.singletonInstance<ConsultationController*>(cid);
    std::string caseId, worker;
    for (const domain::Case& c : repository.cases())
        if (caseId.empty() || c.name == "Familie Demir") {
            caseId = c.id;
            worker = c.lead_worker;
        }
    if (!consultation || caseId.empty()) {
        out << "FAIL no Consultation singleton or no case to consult on" << Qt::endl;
        return 1;
    }
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString question = QStringLiteral("Wie kann die Familie morgens entlastet werden, damit Can pünktlich in der Schule ist?");
    navigator.openCase(QString::fromStdString(caseId));
    settle(400);
    if (QQuickItem* casePage = findItem(window, QStringLiteral("casePage"))) {
        QObject* dialog = casePage->findChild<QObject*>(QStringLiteral("consultationDialog"));
        if (dialog && QMetaObject::invokeMethod(dialog, "openNew")) {
            waitFor([&] { return dialog->property("opened").toBool(); });
            if (QObject* field = dialog->findChild<QObject*>(QStringLiteral("consultQuestionField")))
                field->setProperty("text", question);
            settle(500);
            shoot(QStringLiteral("case-consultation"), {});
            dialog->setProperty("visible", false);
        } else {
            out << "FAIL the consultation dialog did not open" << Qt::endl;
            ++failures;
        }
    }
    navigator.closeCase();
    settle(300);
    const QString cardId = consultation->submit(QString::fromStdString(caseId), question, QString::fromStdString(worker), today);
    if (cardId.isEmpty()) {
        out << "FAIL the consultation was not saved: " << consultation->message() << Qt::endl;
        return failures + 1;
    }
    consultation->openCard(cardId);
    consultation->addIdea(QStringLiteral("Frühstückstreff im Familienzentrum Garstedt"), QStringLiteral("Frau Lange"), today);
    consultation->addIdea(QStringLiteral("Patenschaft für den Schulweg"), QStringLiteral("Herr Brandt"), today);
    consultation->recommend(QStringLiteral("Morgenroutine mit der Familienhilfe aufbauen; den Schulweg gemeinsam üben."),
                            {QVariantMap{{"who", "Familienhilfe"}, {"brings", "zwei Termine pro Woche um 7 Uhr"}},
                             QVariantMap{{"who", "Schulsozialarbeit"}, {"brings", "Ansprechpartnerin für Can"}}});
    navigator.openTeam();
    settle(300);
    navigator.openConsultation(cardId);
    settle(400);
    if (!findItem(window, QStringLiteral("consultationPage"))) {
        out << "FAIL the consultation page did not open" << Qt::endl;
        return failures + 1;
    }
    shoot(QStringLiteral("consultation"), {});
    shoot(QStringLiteral("consultation-recommendation"), [window] { scrollIntoView(window, QStringLiteral("consultIdeas")); });
    shootProjector(QStringLiteral("consultation-projector"), [window] {
        if (QQuickItem* page = findItem(window, QStringLiteral("consultationPage")))
            page->setProperty("large", true);
    });
    navigator.goBack();
    settle(300);
    navigator.goBack();
    settle(300);
    return failures;
}

}  // namespace quartier::app
