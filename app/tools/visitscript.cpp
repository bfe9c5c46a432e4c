#include "tools/visitscript.h"

#include "tools/headless.h"
#include "controllers/homevisitcontroller.h"
#include "controllers/sessioncontroller.h"
#include "tools/visitdemo.h"
#include "offers/offers.h"

#include "domain/repository.h"
#include "sync/store/store.h"

#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <functional>

namespace quartier::app {

namespace d = quartier::domain;

namespace {

// The scripted answers (fictitious).
constexpr auto kMissingWanted = "Betreuung am Nachmittag für Mert";
constexpr auto kHow = "Bis 18 Uhr, ohne Anmeldung, und Geschwister dürfen mit.";
constexpr auto kWill = "Ich will wieder arbeiten gehen.";
constexpr auto kOwn = "Ich melde mich nächste Woche beim Jobcenter.";
constexpr auto kNote = "Familie offen und gesprächsbereit; Kinder wirken gut versorgt. ZAUNKOENIG-VISIT";
constexpr int kSteps = 10;

QString passphrase()
{
    const QByteArray env = qgetenv("QUARTIER_TEST_PASSPHRASE");
    return env.isEmpty() ? QStringLiteral("kill-test passphrase") : QString::fromUtf8(env);
}

std::string demoCase(const sync::Store& store)
{
    for (const sync::Record* r : store.list("case")) {
        if (r && r->value("social_space").value_or(std::string()) == "Garstedt")
            return r->id;
    }
    return {};
}

// Types `text` letter by letter into `edit`, a few milliseconds apart, as a person would.
void type(const QString& text, const std::function<void(const QString&)>& edit)
{
    for (int i = 1; i <= text.size(); ++i) {
        edit(text.left(i));
        settle(int(QRandomGenerator::global()->bounded(5, 25)));
    }
}

// Which of the scripted answers are stored (for "check"), in order.
std::vector<bool> stored(d::Repository& repo, const std::string& caseId, const std::string& visitId,
                         const std::vector<std::string>& persons, const std::vector<std::string>& services)
{
    std::vector<bool> ok(kSteps, false);
    auto event = repo.load<d::ContactEvent>(visitId);
    if (!event)
        return ok;
    const auto has = [&](const std::string& p) {
        return std::find(event->participants.begin(), event->participants.end(), p) != event->participants.end();
    };
    ok[0] = persons.size() > 0 && has(persons[0]);
    ok[1] = persons.size() > 1 && has(persons[1]);
    ok[2] = event->child_seen == d::ChildSeen::Yes;
    const auto feedback = repo.service_feedback(caseId);
    const auto status = [&](const std::string& service) -> std::optional<d::FeedbackStatus> {
        std::optional<d::FeedbackStatus> out;
        std::string latest;
        for (const d::ServiceFeedback& f : feedback) {
            if (f.service_id == service && f.status != d::FeedbackStatus::MissingWanted && f.recorded_on >= latest) {
                latest = f.recorded_on;
                out = f.status;
            }
        }
        return out;
    };
    ok[3] = services.size() > 0 && status(services[0]) == d::FeedbackStatus::Used;
    ok[4] = services.size() > 1 && status(services[1]) == d::FeedbackStatus::Known;
    for (const d::ServiceFeedback& f : feedback) {
        if (f.status == d::FeedbackStatus::MissingWanted && f.wanted == kMissingWanted) {
            ok[5] = true;
            ok[6] = std::find(f.barriers.begin(), f.barriers.end(), d::Barrier::Times) != f.barriers.end();
            ok[7] = f.how_it_would_have_to_be == kHow;
        }
    }
    for (const d::WillStatement& w : repo.will_statements(caseId)) {
        if (w.text == kWill && w.own_contribution == kOwn)
            ok[8] = true;
    }
    for (const d::Note& n : repo.notes_of_visit(visitId)) {
        if (n.text == kNote && n.entrusted)
            ok[9] = true;
    }
    return ok;
}

}  // namespace

int runVisitScript(const QString& mode, SessionController& session, HomeVisitController& visit)
{
    QTextStream out(stdout);
    session.setKdfParams(kThrowawayKdf);
    const QString pass = passphrase();
    if (session.state() == SessionController::State::NoStore)
        session.createStore(pass, pass);
    else
        session.unlock(pass);
    if (!waitForState(session, SessionController::State::Unlocked)) {
        out << "error: cannot open the store: " << session.errorMessage() << Qt::endl;
        return 1;
    }
    sync::Store& store = *session.store();
    visit.setStore(&store);
    if (demoCase(store).empty() && (mode != QLatin1String("run") || !writeVisitDemo(store))) {
        out << "error: no demo case" << Qt::endl;
        return 1;
    }
    const std::string caseId = demoCase(store);
    d::Repository repo(store);
    std::vector<std::string> persons;
    for (const d::Member& m : repo.members(caseId))
        persons.push_back(m.person.id);
    std::vector<std::string> services;
    if (auto kase = repo.load<d::Case>(caseId)) {
        const offers::Catalogue catalogue = offers::Catalogue::load(store);
        const offers::SocialSpace* space = catalogue.resolve_social_space(kase->social_space);
        for (const offers::Service& service : catalogue.services()) {  // the visit's offers, by name
            const offers::SocialSpace* its = catalogue.resolve_social_space(service.social_space);
            if (space && its && its->id == space->id)
                services.push_back(service.id);
        }
    }

    if (mode == QLatin1String("check")) {  // reads only: never starts a visit
        int drafts = 0;
        for (const d::ContactEvent& e : repo.contact_events(caseId))
            drafts += e.status == d::ContactStatus::Draft && e.kind == d::ContactKind::HomeVisit;
        const std::string visitId = visit.openDraftFor(QString::fromStdString(caseId)).toStdString();
        const std::vector<bool> ok = stored(repo, caseId, visitId, persons, services);
        int found = 0;
        while (!visitId.empty() && found < kSteps && ok[std::size_t(found)])
            ++found;
        // A resumed visit must not give an answer twice.
        int missingCount = 0, willCount = 0;
        for (const d::ServiceFeedback& f : repo.service_feedback(caseId))
            missingCount += f.status == d::FeedbackStatus::MissingWanted && f.wanted == kMissingWanted;
        for (const d::WillStatement& w : repo.will_statements(caseId))
            willCount += w.text == kWill;
        QString answers;  // one digit per scripted answer: what is stored, for a failure's report
        for (bool b : ok)
            answers += b ? QLatin1Char('1') : QLatin1Char('0');
        out << "visit " << QString::fromStdString(visitId) << "\ndrafts " << drafts << "\nfound " << found
            << "\nanswers " << answers << "\nduplicates " << int(missingCount > 1) + int(willCount > 1) << Qt::endl;
        return 0;
    }
    if (!visit.startVisit(QString::fromStdString(caseId))) {
        out << "error: " << visit.errorMessage() << Qt::endl;
        return 1;
    }
    if (mode != QLatin1String("run") || persons.size() < 2 || services.size() < 2) {
        out << "error: unknown mode or too little demo data" << Qt::endl;
        return 1;
    }

    int step = 0;
    const auto ack = [&](bool ok) {
        ++step;
        if (!ok) {
            out << "error: answer " << step << ": " << visit.errorMessage() << Qt::endl;
            return false;
        }
        out << "ok " << step << Qt::endl;
        settle(int(QRandomGenerator::global()->bounded(10, 60)));
        return true;
    };
    // Text goes through the debounce; it counts once the controller wrote it.
    const auto typed = [&] { return waitFor([&] { return !visit.savePending(); }); };

    if (!ack(visit.setPresent(QString::fromStdString(persons[0]), true)) ||
        !ack(visit.setPresent(QString::fromStdString(persons[1]), true)) || !ack(visit.setChildSeen(QStringLiteral("yes"))) ||
        !ack(visit.setOfferStatus(QString::fromStdString(services[0]), QStringLiteral("used"))) ||
        !ack(visit.setOfferStatus(QString::fromStdString(services[1]), QStringLiteral("known"))))
        return 1;
    QString missingId;
    for (const QVariant& m : visit.missing()) {
        if (m.toMap().value(QStringLiteral("wanted")).toString() == QString::fromUtf8(kMissingWanted))
            missingId = m.toMap().value(QStringLiteral("id")).toString();
    }
    if (missingId.isEmpty())
        missingId = visit.addMissing(QStringLiteral("daycare"), QString::fromUtf8(kMissingWanted));
    if (!ack(!missingId.isEmpty()))
        return 1;
    bool hasTimes = false;
    for (const QVariant& m : visit.missing()) {
        if (m.toMap().value(QStringLiteral("id")).toString() == missingId)
            hasTimes = m.toMap().value(QStringLiteral("barriers")).toStringList().contains(QStringLiteral("times"));
    }
    if (!ack(hasTimes || visit.toggleBarrier(missingId, QStringLiteral("times"))))
        return 1;
    type(QString::fromUtf8(kHow), [&](const QString& t) { visit.editText(missingId, QStringLiteral("how_it_would_have_to_be"), t); });
    if (!ack(typed()))
        return 1;
    bool hasWill = false;
    for (const QVariant& w : visit.wills())
        hasWill = hasWill || w.toMap().value(QStringLiteral("text")).toString() == QString::fromUtf8(kWill);
    if (!ack(hasWill || !visit.addWill(QString::fromStdString(persons[0]), QString::fromUtf8(kWill), QString::fromUtf8(kOwn)).isEmpty()))
        return 1;
    type(QString::fromUtf8(kNote), [&](const QString& t) { visit.editNote(t); });
    if (!ack(typed()))
        return 1;
    out << "done" << Qt::endl;
    // Wait for the kill, as an app mid-visit would.
    for (;;)
        settle(1000);
}

}  // namespace quartier::app
