#include "tools/screenshots.h"

#include "controllers/casecontroller.h"
#include "models/caselistmodel.h"
#include "tools/demodata.h"
#include "models/conflictlistmodel.h"
#include "controllers/enrolmentcontroller.h"
#include "tools/headless.h"
#include "controllers/homevisitcontroller.h"
#include "controllers/languagecontroller.h"
#include "controllers/navigator.h"
#include "controllers/reportcontroller.h"
#include "tools/offerscreens.h"
#include "tools/teamscreens.h"
#include "tools/pagedriver.h"
#include "controllers/synccontroller.h"
#include "tools/visitdemo.h"

#include "domain/repository.h"
#include "offers/offers.h"
#include "reports/generate.h"
#include "reports/publish.h"
#include "reports/report.h"

#include "crypto/crypto.h"
#include "sync/client/org.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/wire.h"
#include "sync/store/store.h"

#include <QCoreApplication>
#include <functional>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QDir>
#include <QImage>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace quartier::app {

namespace {

struct Shot {
    int width;
    int height;
    const char* suffix;
};
constexpr Shot kShots[] = {{1280, 800, ""}, {800, 1280, "-portrait"}};

// A fictitious organisation and device for the sync screens.
constexpr auto kServerUrl = "https://quartier.jugendamt.example:8443";
constexpr auto kOrganisation = "Jugendamt Norderstedt";
constexpr auto kDeviceName = "Tablet ASD Garstedt";

// The only server the screenshots talk to: it accepts an enrolment request and is unreachable
// for everything else. Nothing leaves the machine.
class ScreenshotTransport final : public sync::Transport
{
public:
    sync::Result<sync::Response> send(const sync::Request& req) override
    {
        // The server's answer to an enrolment request names the device its keys make (the
        // client checks that it is its own); everything else is offline.
        if (req.path == "/v1/enrol/request") {
            auto asked = sync::msg::decode<sync::msg::EnrolRequest>(req.body);
            if (!asked)
                return sync::Response{400, sync::wire::error_body("bad_request", asked.detail())};
            return sync::Response{200, sync::msg::encode(sync::msg::EnrolRequestAnswer{crypto::device_id_of(asked->sign_pk)})};
        }
        return {sync::Error::Network, "screenshot run: no network"};
    }
};

// Admits this device locally, as the administration's directory entries would: a genesis and an
// enrol entry signed by the admin key the enrolment code named.
// The colleagues' devices are returned in `colleagues` (deputy, second caseworker, helper, planning).
bool admitLocally(sync::Store& store, const crypto::DeviceIdentity& admin, const crypto::Id16& org,
                  std::vector<crypto::DeviceId>& colleagues)
{
    const std::uint64_t now = std::uint64_t(QDateTime::currentMSecsSinceEpoch());
    sync::Directory directory;
    std::vector<sync::SignedEntry> entries{sync::Directory::make_genesis(admin, org, kOrganisation, now)};
    if (!directory.append(entries.back()))
        return false;
    const crypto::DeviceIdentity& me = store.device();
    entries.push_back(directory.make_enrol(admin, me.id(), me.sign_public(), me.box_public(), kDeviceName, "caseworker", now));
    // The organisation's other devices, for the devices view and the share dialog: four in use
    // (the deputy, a colleague, a free provider's helper, planning), one lost and revoked.
    const struct { const char* name; const char* role; const char* provider; bool revoked; } others[] = {
        {"Tablet ASD Vertretung", "caseworker", "", false},
        {"Tablet ASD Harksheide", "caseworker", "", false},
        {"Tablet Familienhilfe Nord", "helper", "Kinderhaus Nord e. V.", false},
        {"Laptop Jugendhilfeplanung", "planning", "", false},
        {"Tablet ASD Glashütte (verloren)", "caseworker", "", true},
    };
    for (const auto& other : others) {
        const crypto::DeviceIdentity device = crypto::DeviceIdentity::generate();
        if (!directory.append(entries.back()))
            return false;
        entries.push_back(directory.make_enrol(admin, device.id(), device.sign_public(), device.box_public(), other.name,
                                               other.role, now, other.provider));
        if (!other.revoked)
            colleagues.push_back(device.id());
        if (other.revoked) {
            if (!directory.append(entries.back()))
                return false;
            entries.push_back(directory.make_revoke(admin, device.id(), false, now));
        }
    }
    // The last sync at 14:32 today: the time the screens show.
    const QDateTime lastSync(QDate::currentDate(), QTime(14, 32));
    return store.extend_directory(entries).ok() &&
           store.set_setting("last_sync", std::to_string(lastSync.toMSecsSinceEpoch())).ok();
}

// The case page's form for a new contact, as CasePage.qml's contactForm(-1) makes it (its strings
// in the CasePage translation context): the spec a contact draft is kept with.
QVariantMap newContactForm(CaseController& caseDetail)
{
    // Not named tr: lupdate would file these under a context of their own ("quartier::app").
    const auto casePage = [](const char* text) { return QCoreApplication::translate("CasePage", text); };
    const QVariantList distances{QVariantMap{{"value", 1}, {"label", casePage("Ring 1 – sehr nah")}},
                                 QVariantMap{{"value", 2}, {"label", casePage("Ring 2 – mittel")}},
                                 QVariantMap{{"value", 3}, {"label", casePage("Ring 3 – fern")}}};
    const QVariantList fields{
        QVariantMap{{"key", "name"}, {"label", casePage("Name")}, {"placeholder", casePage("z. B. Oma Ilse, Kita Regenbogen")}},
        QVariantMap{{"key", "quality"}, {"label", casePage("Beziehung")}, {"kind", "choice"},
                    {"choices", caseDetail.choices(QStringLiteral("contact_quality"))}},
        QVariantMap{{"key", "sector"}, {"label", casePage("Sektor")}, {"kind", "choice"},
                    {"choices", caseDetail.choices(QStringLiteral("network_sector"))}},
        QVariantMap{{"key", "distance"}, {"label", casePage("Nähe")}, {"kind", "choice"}, {"choices", distances}},
        QVariantMap{{"key", "note"}, {"label", casePage("Anmerkung")}, {"kind", "multiline"}}};
    return QVariantMap{{"title", casePage("Kontakt hinzufügen")}, {"target", "contact"}, {"index", -1},
                       {"removeText", casePage("Von der Karte nehmen")}, {"fields", fields}};
}

// The Berichte page: the refusal the demo's few families get, then, with a generated population
// of families written into the store (app/reports/generate.h), the Bedarfsbericht and the
// Fallzahlen, and their PDF exports copied beside the screenshots (report-demand.pdf,
// report-cases.pdf) for pdftoppm (docs/reports.md). From the unlocked case list, back to it; the
// number of failures.
int shootReportScreens(QQmlEngine& engine, QQuickWindow* window, Navigator& navigator, sync::Store& store,
                       const QString& dir, QTextStream& out, const std::function<void(const QString&)>& shoot)
{
    const int id = qmlTypeId("Quartier.Ui", 1, 0, "Reports");
    auto* reports = id < 0 ? nullptr : engine.singletonInstance<ReportController*>(id);
    if (!reports) {
        out << "FAIL the Reports singleton is not registered" << Qt::endl;
        return 1;
    }
    int failures = 0;
    const int year = QDate::currentDate().year();
    reports->setKind(QStringLiteral("demand"));
    reports->setYear(year);
    navigator.openReports();
    settle(300);
    if (!findItem(window, QStringLiteral("reportsPage"))) {
        out << "FAIL the Berichte page did not open" << Qt::endl;
        return 1;
    }
    // The demo's four families: too few for a report.
    if (reports->available()) {
        out << "FAIL the demo's few families gave a report" << Qt::endl;
        ++failures;
    }
    shoot(QStringLiteral("reports-refused"));

    // A year and a half of a team's families, over the offer map's social spaces and offers.
    const offers::Catalogue catalogue = offers::Catalogue::load(store);
    reports::Population population;
    population.cases = 80;
    population.seed = 20261207;
    population.first_year = year - 1;
    for (const offers::SocialSpace& s : catalogue.social_spaces())
        population.social_spaces.push_back(s.name);
    for (const offers::Service& s : catalogue.services())
        population.service_ids.push_back(s.id);
    domain::Repository repository(store);
    if (auto written = reports::write_population(repository, population); !written) {
        out << "FAIL could not write the report population: " << written.detail().c_str() << Qt::endl;
        return failures + 1;
    }
    const auto exportTo = [&](const QString& name) {
        const QString path = reports->exportAs(QStringLiteral("pdf"));
        const QString target = QDir(dir).filePath(name);
        QFile::remove(target);
        if (path.isEmpty() || !QFile::copy(path, target)) {
            out << "FAIL the PDF export: " << reports->exportMessage() << Qt::endl;
            ++failures;
        } else {
            out << "wrote " << target << Qt::endl;
        }
    };
    // After the report was asked for: it must be there (`title` names it in the failure).
    const auto expectReport = [&](const char* title) {
        settle(300);
        if (!reports->available()) {
            out << "FAIL no " << title << ": " << reports->message() << Qt::endl;
            ++failures;
        }
    };
    reports->refresh();
    expectReport("Bedarfsbericht");
    shoot(QStringLiteral("reports-demand"));
    exportTo(QStringLiteral("report-demand.pdf"));
    shoot(QStringLiteral("reports-exported"));
    reports->setKind(QStringLiteral("cases"));
    expectReport("Fallzahlen");
    shoot(QStringLiteral("reports-cases"));
    exportTo(QStringLiteral("report-cases.pdf"));
    reports->setKind(QStringLiteral("demand"));
    // A report published to planning (docs/reports.md "Publishing to planning") that this device
    // received: the source chooser and the published view, as the planning device shows it.
    {
        auto scope = store.create_scope();
        const auto report = reports::build_demand(repository, reports::Options{QString::number(year).toStdString() + "-01",
                                                                              QString::number(year).toStdString() + "-12"});
        const bool ok = scope && store.set_setting("scope_kind:" + crypto::to_hex(*scope), "report") && report;
        auto id = ok ? reports::save_published(store, *scope, *report, 1) : sync::Result<std::string>(sync::Error::Io);
        if (!id) {
            out << "FAIL could not publish a report into a report scope" << Qt::endl;
            ++failures;
        } else {
            reports->setSource(QString::fromStdString(*id));
            settle(300);
            if (!reports->showsPublished()) {
                out << "FAIL the published report is not shown: " << reports->message() << Qt::endl;
                ++failures;
            }
            shoot(QStringLiteral("reports-published"));
            reports->setSource({});
        }
    }
    navigator.goBack();
    settle(300);
    return failures;
}

// The home visit (every step at 800×1280, the offers also at 1280×800 and in English), the
// conflicts screen and the settings with the devices, on the demo families.
template <class ShootAt>
bool shootVisitAndConflicts(QQuickWindow* window, Navigator& navigator, sync::Store& store, CaseListModel& cases,
                            HomeVisitController& visit, ConflictListModel& conflicts, LanguageController& language,
                            ShootAt shootAt, QTextStream& out)
{
    const Shot portrait = kShots[1];
    const Shot landscape = kShots[0];
    const std::optional<VisitDemo> demo = writeVisitDemo(store);
    if (!demo) {
        out << "could not write the demo families" << Qt::endl;
        return false;
    }
    cases.refresh();
    settle(200);
    const bool started = navigator.startHomeVisit(QString::fromStdString(demo->caseId));
    settle(300);
    QQuickItem* page = findItem(window, QStringLiteral("homeVisitPage"));
    if (!started || !page) {
        out << "the home visit did not open: " << visit.errorMessage() << Qt::endl;
        return false;
    }
    bool stepsShown = true;
    const auto goTo = [&](int step) {
        stepsShown = showVisitStep(page, step) && stepsShown;
        settle(200);
    };

    // 1 Wer ist da? The mother and two of the children; per child whether it was seen (the
    // youngest was asleep: not seen).
    const QVariantList members = visit.members();
    for (int i = 0; i < members.size() && i < 3; ++i)
        visit.setPresent(members[i].toMap().value(QStringLiteral("personId")).toString(), true);
    QStringList children;
    for (const QVariant& m : members)
        if (m.toMap().value(QStringLiteral("isChild")).toBool())
            children << m.toMap().value(QStringLiteral("personId")).toString();
    for (int i = 0; i < children.size(); ++i)
        visit.setChildSeenFor(children[i], i + 1 < children.size() ? QStringLiteral("yes") : QStringLiteral("no"));
    if (children.isEmpty())
        visit.setChildSeen(QStringLiteral("yes"));
    goTo(0);
    shootAt(QStringLiteral("visit-1-who"), portrait);

    // 2 Was gibt es in der Nähe? A few answers; the rest still open.
    const auto& offers = visit.offers()->rows();
    const char* answers[] = {"used", "known", "unknown", "used_before"};
    for (std::size_t i = 0; i < offers.size() && i < 4; ++i)
        visit.setOfferStatus(offers[i].serviceId, QString::fromLatin1(answers[i]));
    goTo(1);
    shootAt(QStringLiteral("visit-2-offers"), portrait);
    shootAt(QStringLiteral("visit-2-offers"), landscape);
    language.setLanguage(QStringLiteral("en"));
    settle(200);
    shootAt(QStringLiteral("visit-2-offers-en"), portrait);
    language.setLanguage(QStringLiteral("de"));
    settle(200);
    // An offer the family knows that is not on the map, recorded below the list.
    visit.addUnlistedOffer(QStringLiteral("Krabbelgruppe der Gemeinde"), QStringLiteral("group"),
                           QStringLiteral("Gemeindehaus am Markt"), QStringLiteral("known"));
    // The offer map's search in the living room: part of a name ("fuss" finds "Fußball").
    visit.setOfferSearch(QStringLiteral("fuss"));
    settle(200);
    shootAt(QStringLiteral("visit-2-offers-search"), portrait);
    visit.setOfferSearch({});
    settle(200);

    // 3 Was fehlt? Afternoon care, with what keeps the family from it.
    const QString missing = visit.addMissing(QStringLiteral("daycare"), QStringLiteral("Betreuung für Mert am Nachmittag"));
    visit.toggleBarrier(missing, QStringLiteral("times"));
    visit.toggleBarrier(missing, QStringLiteral("cost"));
    goTo(2);
    shootAt(QStringLiteral("visit-3-missing"), portrait);

    // 4 Wie müsste es sein? In the family's words.
    visit.editText(missing, QStringLiteral("how_it_would_have_to_be"),
                   QStringLiteral("Bis 18 Uhr, weil ich bis 17 Uhr arbeite. Und es darf nicht viel kosten."));
    for (const QVariant& item : visit.howItems()) {
        const QVariantMap m = item.toMap();
        if (m.value(QStringLiteral("id")).toString() != missing && m.value(QStringLiteral("how")).toString().isEmpty()) {
            visit.editText(m.value(QStringLiteral("id")).toString(), QStringLiteral("how_it_would_have_to_be"),
                           QStringLiteral("Wenn ich Mert mitbringen kann, komme ich."));
            break;
        }
    }
    visit.flush();
    visit.setHowCategory(missing, QStringLiteral("other_times"));  // the worker's one-tap summary
    goTo(3);
    shootAt(QStringLiteral("visit-4-how"), portrait);

    // 5 Wille, Ressourcen, Vermerk.
    if (!members.isEmpty())
        visit.addWill(members[0].toMap().value(QStringLiteral("personId")).toString(),
                      QStringLiteral("Ich will wieder halbtags arbeiten."),
                      QStringLiteral("Ich gehe nächste Woche zur Beratung im Jobcenter."));
    visit.addResource(QStringLiteral("social"), QStringLiteral("Die Nachbarin holt Aylin dienstags von der Schule ab."));
    visit.editNote(QStringLiteral("Frau Demir wirkt entlastet, seit Can die Hausaufgabenhilfe besucht. Mert war fröhlich und zeigte mir sein Zimmer."));
    visit.flush();
    goTo(4);
    shootAt(QStringLiteral("visit-5-will"), portrait);

    // 6 Abschluss, then finalised.
    goTo(5);
    shootAt(QStringLiteral("visit-6-finish"), portrait);
    visit.finalise();
    settle(200);
    shootAt(QStringLiteral("visit-7-done"), portrait);
    // The finished visit looked at again: read-only, nothing claimed saved.
    goTo(3);
    shootAt(QStringLiteral("visit-8-done-readonly"), portrait);
    if (!stepsShown) {
        out << "FAIL a step of the home visit did not show" << Qt::endl;
        return false;
    }
    navigator.closeSettings();
    settle(300);

    // Conflicts: two edits made concurrently (as two devices would) on a case and on a note.
    domain::Repository repo(store);
    const std::vector<domain::Note> notes = repo.notes(demo->caseId);
    std::string caseOther;
    for (const domain::Case& c : repo.cases()) {
        if (c.id != demo->caseId) {
            caseOther = c.id;
            break;
        }
    }
    // And a resource one device corrected while another deleted it (keep the edit / confirm).
    const std::vector<domain::Resource> resources = repo.resources(demo->caseId);
    sync::Writer w1(store), w2(store);
    bool ok = !notes.empty() && !caseOther.empty() && !resources.empty();
    if (ok) {
        ok = w1.set("note", notes.back().id, "text", notes.back().text + " Can kam später dazu.").ok() &&
             w2.set("note", notes.back().id, "text", notes.back().text + " Can war nicht da (Fußball).").ok() &&
             w1.set("case", caseOther, "status", "active").ok() && w2.set("case", caseOther, "status", "clarification").ok() &&
             w1.set("resource", resources.front().id, "text", resources.front().text + " Auch samstags.").ok() &&
             w2.remove(resources.front().id).ok() && w1.commit().ok() && w2.commit().ok();
    }
    if (!ok) {
        out << "could not write the demo conflicts" << Qt::endl;
        return false;
    }
    conflicts.refresh();
    cases.refresh();
    settle(200);
    shootAt(QStringLiteral("case-list-conflicts"), landscape);
    navigator.openConflicts();
    settle(300);
    shootAt(QStringLiteral("conflicts"), landscape);
    shootAt(QStringLiteral("conflicts"), portrait);
    navigator.closeSettings();
    settle(300);
    navigator.openSettings();
    settle(300);
    // Scrolled so that the devices card is in view.
    window->resize(landscape.width, landscape.height);
    settle(300);
    scrollIntoView(window, QStringLiteral("devicesCard"));
    shootAt(QStringLiteral("settings-devices"), landscape);
    navigator.closeSettings();
    settle(300);
    return true;
}

}  // namespace

int takeScreenshots(QQmlEngine& engine, SessionController& session, CaseListModel& cases, SyncController& syncController,
                    EnrolmentController& enrolment, CaseController& caseDetail, Navigator& navigator, const QString& dir,
                    ScreenshotExtras extras)
{
    QTextStream out(stdout);
    if (!QDir().mkpath(dir)) {
        out << "cannot create " << dir << Qt::endl;
        return 1;
    }
    QQmlComponent component(&engine, mainQmlUrl());
    std::unique_ptr<QObject> root(component.create());
    auto* window = qobject_cast<QQuickWindow*>(root.get());
    if (!window) {
        out << "Main.qml did not load: " << component.errorString() << Qt::endl;
        return 1;
    }

    int failures = 0;
    // `prepare` runs once the window has its size (a turn resets the case page's scroll).
    const auto shootAt = [&](const QString& name, const Shot& shot, const std::function<void()>& prepare = {}) {
        window->resize(shot.width, shot.height);
        settle(400);
        if (prepare) {
            prepare();
            settle(300);
        }
        const QImage image = window->grabWindow();
        const QString path = QDir(dir).filePath(name + QLatin1String(shot.suffix) + QStringLiteral(".png"));
        if (image.isNull() || !image.save(path)) {
            out << "FAIL " << path << Qt::endl;
            ++failures;
        } else {
            out << "wrote " << path << " (" << image.width() << "×" << image.height() << ")" << Qt::endl;
        }
    };
    const auto shoot = [&](const QString& name, const std::function<void()>& prepare = {}) {
        for (const Shot& shot : kShots)
            shootAt(name, shot, prepare);
    };

    using State = SessionController::State;
    syncController.setAutomatic(false);
    syncController.setTransportFactory([](const std::string&, const std::string&) -> sync::Result<std::unique_ptr<sync::Transport>> {
        return std::unique_ptr<sync::Transport>(std::make_unique<ScreenshotTransport>());
    });
    session.setKdfParams(kThrowawayKdf);
    const QString pass = QStringLiteral("bildschirmfoto-passphrase");
    if (session.state() != State::NoStore) {
        out << "the store directory must be empty" << Qt::endl;
        return 1;
    }
    shoot(QStringLiteral("setup"));

    session.createStore(pass, pass);
    if (!waitForState(session, State::Unlocked)) {
        out << "could not create the store: " << session.errorMessage() << Qt::endl;
        return 1;
    }
    shoot(QStringLiteral("case-list"));

    // Enrolment: the code from the administration, then the confirmation code to compare.
    const crypto::DeviceIdentity admin = crypto::DeviceIdentity::generate();
    sync::EnrolCode code;
    code.url = kServerUrl;
    code.fingerprint = std::string(64, 'a');
    code.org = crypto::random_id();
    code.admin_pk = admin.sign_public();
    crypto::random_bytes(code.secret);
    navigator.openSettings();
    settle(300);
    shoot(QStringLiteral("settings-local"));
    enrolment.request(QString::fromStdString(code.to_string()), QString::fromLatin1(kDeviceName));
    if (!waitFor([&] { return enrolment.state() == EnrolmentController::State::Confirming && !session.storeBusy(); })) {
        out << "the enrolment request did not come back: " << enrolment.errorMessage() << Qt::endl;
        return 1;
    }
    shoot(QStringLiteral("settings-enrolment"));

    // Admitted, with the demo families written since the last sync: the indicator shows them pending.
    sync::Store& store = *session.store();
    auto demo = writeDemoData(store);
    if (!demo || demo->families.case_ids.empty()) {
        out << "could not write the demo families: " << (demo ? QString() : QString::fromStdString(demo.detail())) << Qt::endl;
        return 1;
    }
    std::vector<crypto::DeviceId> colleagues;
    if (!admitLocally(store, admin, code.org, colleagues) || colleagues.size() < 2) {
        out << "could not admit the device" << Qt::endl;
        return 1;
    }
    caseDetail.setStore(&store);  // re-reads the worker name the demo set
    cases.refresh();
    // The offer map of the demo (docs/offers.md) is known from here on: the new-case form picks
    // its Sozialraum from it, and the offer screens below show it.
    if (!seedDemoOffers(engine, store, out))
        return 1;
    syncController.refreshStatus();
    if (!syncController.enrolled()) {
        out << "the device was not admitted" << Qt::endl;
        return 1;
    }
    shoot(QStringLiteral("settings"));
    navigator.closeSettings();
    settle(300);
    shoot(QStringLiteral("case-list-demo"));
    cases.setMineOnly(true);
    settle(100);
    shoot(QStringLiteral("case-list-mine"));
    cases.setMineOnly(false);
    navigator.openNewCase();
    settle(400);
    shoot(QStringLiteral("case-new"));
    // "Fall anlegen" with the name and social space still empty: the domain's issues in German.
    caseDetail.createCase({{QStringLiteral("status"), QStringLiteral("new")}, {QStringLiteral("opened_on"), caseDetail.today()}});
    settle(200);
    shoot(QStringLiteral("case-new-issues"));
    // The opening date's calendar (DateField: TT.MM.JJJJ, a month of 48 px days).
    if (QQuickItem* date = findItem(window, QStringLiteral("date_opened_on"))) {
        if (tap(findItemIn(date, QStringLiteral("dateOpenCalendar")))) {
            settle(300);
            shoot(QStringLiteral("case-new-date"));
            tap(findItem(window, QStringLiteral("dateCancel")));
            settle(200);
        } else {
            out << "FAIL the new case's calendar did not open" << Qt::endl;
            ++failures;
        }
    } else {
        out << "the new case's date field is missing" << Qt::endl;
        return 1;
    }
    navigator.closeDialogs();
    settle(300);

    // A new case the domain refused at a lock (no name yet, an opening date that is no date), kept
    // as the case list's sealed draft with the domain's own issues: the banner, and the form it
    // restores with the issues under the fields.
    {
        const QVariantMap typed{{QStringLiteral("name"), QString()},
                                {QStringLiteral("social_space"), QStringLiteral("Garstedt")},
                                {QStringLiteral("status"), QStringLiteral("new")},
                                {QStringLiteral("lead_worker"), caseDetail.workerName()},
                                {QStringLiteral("opened_on"), QStringLiteral("1.3.")}};
        domain::Repository repo(store);
        const FormOutcome refused = saveForm(repo, FormContext{{}, caseDetail.today().toStdString(), {}, {}},
                                             QStringLiteral("newCase"), {}, typed);
        const QVariantMap form{{QStringLiteral("title"), QCoreApplication::translate("CaseListPage", "Neuer Fall")},
                               {QStringLiteral("target"), QStringLiteral("newCase")}};
        const QString at = QDateTime(QDate::currentDate(), QTime(14, 35)).toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
        if (refused.ok || !writeFormDraft(store, kNewCaseDraftPlace, form, {}, typed, refused.issues, at)) {
            out << "FAIL could not keep the new-case draft" << Qt::endl;
            ++failures;
        }
        caseDetail.setStore(&store);  // reads the draft, as an unlock does
        settle(300);
        shoot(QStringLiteral("case-list-draft"));
        if (restoreNewCaseDraft(findItem(window, QStringLiteral("caseListPage")))) {
            settle(400);
            shoot(QStringLiteral("case-list-draft-restored"));
        } else {
            out << "FAIL the new-case draft could not be restored" << Qt::endl;
            ++failures;
        }
        navigator.closeDialogs();
        caseDetail.discardNewCaseDraft();
        settle(300);
    }

    // The case page of the first demo family (the one with the most in it comes first), one
    // screenshot per section; and the Kowalski case's classification with its requirement.
    const auto openCase = [&](const std::string& id) {
        navigator.openCase(QString::fromStdString(id));
        settle(400);
        return findItem(window, QStringLiteral("casePage"));
    };
    static const char* const kSections[] = {"case-family", "case-goals", "case-resources", "case-network",
                                            "case-contacts", "case-classification", "case-measures"};
    if (QQuickItem* page = openCase(demo->families.case_ids.front())) {
        for (int i = 0; i < int(std::size(kSections)); ++i) {
            showCaseSection(page, i);
            shoot(QString::fromLatin1(kSections[i]));
        }
    } else {
        out << "FAIL the case page did not open" << Qt::endl;
        ++failures;
    }
    navigator.closeCase();
    settle(300);
    for (const std::string& id : demo->families.case_ids) {
        if (QQuickItem* page = openCase(id); page && caseDetail.dangerArea()) {
            showCaseSection(page, 5);
            shoot(QStringLiteral("case-classification-danger"));
            // The family helper's Verlaufsbericht (the demo's), and the form of a new one with its
            // first goal rated and described.
            showCaseSection(page, 7);
            shoot(QStringLiteral("case-progress"));
            if (QObject* dialog = page->findChild<QObject*>(QStringLiteral("progressDialog"));
                dialog && QMetaObject::invokeMethod(dialog, "openNew")
                && waitFor([&] { return dialog->property("opened").toBool(); })) {
                QMetaObject::invokeMethod(dialog, "setRow", Q_ARG(QVariant, 0), Q_ARG(QVariant, QStringLiteral("picked")),
                                          Q_ARG(QVariant, 7));
                QMetaObject::invokeMethod(dialog, "setRow", Q_ARG(QVariant, 0), Q_ARG(QVariant, QStringLiteral("happened")),
                                          Q_ARG(QVariant, QStringLiteral("Lena war im März an jedem Kita-Tag pünktlich.")));
                shoot(QStringLiteral("case-progress-dialog"));
            } else {
                out << "FAIL the progress report form did not open" << Qt::endl;
                ++failures;
            }
            navigator.closeDialogs();
            navigator.closeCase();
            settle(300);
            break;
        }
        navigator.closeCase();
        settle(300);
    }

    // A will statement the domain refused at a lock (no person chosen yet), kept as the case's
    // sealed draft: the banner on the case page, and the form it restores.
    if (QQuickItem* page = openCase(demo->families.case_ids.front())) {
        const QVariantList text{QVariantMap{{"key", "person_id"}, {"label", CaseController::tr("Wer sagt das?")},
                                            {"kind", "choice"}, {"choices", caseDetail.memberChoices()}},
                                QVariantMap{{"key", "text"}, {"label", CaseController::tr("Wortlaut (O-Ton)")}, {"kind", "multiline"}},
                                QVariantMap{{"key", "own_contribution"}, {"label", CaseController::tr("Was tue ich selbst dafür?")},
                                            {"kind", "multiline"}}};
        const QVariantMap form{{"title", CaseController::tr("Wille oder Wunsch")}, {"target", "record"},
                               {"recordType", "will_statement"}, {"fields", text}};
        const QVariantMap values{{"person_id", QString()},
                                 {"text", QStringLiteral("Ich will, dass wir am Wochenende wieder zusammen kochen.")},
                                 {"own_contribution", QStringLiteral("Ich kaufe freitags mit Emre ein.")}};
        const QString at = QDateTime(QDate::currentDate(), QTime(14, 35)).toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
        domain::Repository willRepo(store);
        const FormOutcome willRefused =
            saveForm(willRepo, FormContext{caseDetail.caseId().toStdString(), caseDetail.today().toStdString(), {}, {}},
                     QStringLiteral("record"), QStringLiteral("will_statement"), values);
        if (willRefused.ok
            || !writeFormDraft(store, caseDetail.caseId().toStdString(), form, {}, values, willRefused.issues, at)) {
            out << "FAIL could not write the form draft" << Qt::endl;
            ++failures;
        }
        caseDetail.reload();
        showCaseSection(page, 1);
        shoot(QStringLiteral("case-draft"));
        if (!restoreCaseDraft(page)) {
            out << "FAIL the will draft could not be restored" << Qt::endl;
            ++failures;
        }
        shoot(QStringLiteral("case-draft-restored"));
        navigator.closeDialogs();
        caseDetail.discardDraft();

        // A contact tapped into Freunde & Nachbarn, ring 2, with a note but no name yet, kept at a
        // lock as the case's draft: the restored contact form, sector and ring as tapped.
        const QVariantMap contactSpec = newContactForm(caseDetail);
        const QVariantMap contact{{QStringLiteral("name"), QString()},
                                  {QStringLiteral("sector"), QStringLiteral("friends_neighbours")},
                                  {QStringLiteral("distance"), 2},
                                  {QStringLiteral("quality"), QStringLiteral("supportive")},
                                  {QStringLiteral("note"), QStringLiteral("Nachbarin aus dem 2. Stock, passt dienstags auf Emre auf.")}};
        domain::Repository repo(store);
        FormContext ctx{caseDetail.caseId().toStdString(), caseDetail.today().toStdString(), {}, {}};
        const FormOutcome refused = saveForm(repo, ctx, QStringLiteral("contact"), {}, contact);
        if (refused.ok || !writeFormDraft(store, ctx.caseId, contactSpec, {}, contact, refused.issues, at)) {
            out << "FAIL could not keep the contact draft" << Qt::endl;
            ++failures;
        }
        caseDetail.reload();
        showCaseSection(page, 3);
        settle(300);
        if (!restoreCaseDraft(page)) {
            out << "FAIL the contact draft could not be restored" << Qt::endl;
            ++failures;
        }
        settle(400);
        shoot(QStringLiteral("case-network-draft-restored"));
        navigator.closeDialogs();
        caseDetail.discardDraft();
        navigator.closeCase();
        settle(300);
    }

    // "Fall teilen" on the first demo family: the deputy holds the case already (the member
    // entries a share writes, made here locally), a colleague is picked, the helper's provider has
    // no assignment and planning sees no case content.
    if (QQuickItem* page = openCase(demo->families.case_ids.front())) {
        const sync::Record* record = store.get(demo->families.case_ids.front());
        const std::uint64_t now = std::uint64_t(QDateTime::currentMSecsSinceEpoch());
        const crypto::DeviceIdentity& me = store.device();
        bool ok = record != nullptr;
        if (ok) {
            sync::Directory directory = store.directory();
            std::vector<sync::SignedEntry> entries{directory.make_member(me, false, record->scope, 1, me.id(), sync::ScopeKind::Case, now)};
            ok = directory.append(entries.back()).ok();
            if (ok) {
                entries.push_back(directory.make_member(me, false, record->scope, 1, colleagues[0], sync::ScopeKind::Case, now));
                ok = store.extend_directory(entries).ok();
            }
        }
        QObject* dialog = page->findChild<QObject*>(QStringLiteral("shareDialog"));
        if (!ok || !dialog) {
            out << "FAIL the share dialog could not be prepared" << Qt::endl;
            ++failures;
        } else {
            openCaseShare(page);
            settle(300);
            if (!selectShareTarget(page, QString::fromStdString(crypto::to_hex(colleagues[1])))) {
                out << "FAIL the share dialog did not offer Tablet ASD Harksheide" << Qt::endl;
                ++failures;
            }
            shoot(QStringLiteral("case-share"));
            // Assigned to the helper's free provider (the `provider` entry the dialog's "Zuweisen"
            // has the server take, written here locally): its helper may receive the case now,
            // and the case list says which provider has it.
            navigator.closeDialogs();
            settle(200);
            const sync::Directory& directory = store.directory();
            std::vector<sync::SignedEntry> provider{
                directory.make_provider(me, false, record->scope, "Kinderhaus Nord e. V.", true, now + 1, {})};
            if (!store.extend_directory(provider).ok()) {
                out << "FAIL the case could not be assigned to its provider" << Qt::endl;
                ++failures;
            }
            caseDetail.reload();
            openCaseShare(page);
            settle(300);
            selectShareTarget(page, QString::fromStdString(crypto::to_hex(colleagues[2])));
            shoot(QStringLiteral("case-provider-assigned"));
        }
        navigator.closeDialogs();
        navigator.closeCase();
        settle(300);
        cases.refresh();
        shoot(QStringLiteral("case-list-providers"));
    }

    // Einwilligungen and an entrusted note passed into the case (issue 18, item 4), on the first
    // demo family, which the deputy now holds too: the consent form as tapped, the consent list
    // (one withdrawn), the disclosure refused for a purpose the consent does not cover, then
    // allowed, then done — the note's "Anvertraut" badge and its "weitergegeben" line.
    if (QQuickItem* page = openCase(demo->families.case_ids.front())) {
        CaseConsentsController& consents = *caseDetail.consentsSection();
        const QVariantList members = caseDetail.memberChoices();
        const QString mother = members.isEmpty() ? QString() : members.front().toMap().value("value").toString();
        // An older consent, withdrawn at a visit.
        bool ok = consents.addConsent({{"consenting", mother}, {"data", QStringList{"contact_event"}},
                                       {"purposes", QStringList{"kollegiale_beratung"}}, {"recipients", QStringList{"team_lead"}},
                                       {"form", "oral"}, {"validFrom", caseDetail.today()}});
        ok = ok && consents.withdraw(consents.consents()->rows().front().value("id").toString(),
                                     QStringLiteral("mündlich beim Hausbesuch"));
        showCaseSection(page, 8);
        settle(300);
        QObject* consentDialog = page->findChild<QObject*>(QStringLiteral("consentDialog"));
        ok = ok && consentDialog && QMetaObject::invokeMethod(consentDialog, "openNew");
        ok = ok && waitFor([&] { return consentDialog->property("opened").toBool(); });
        settle(300);
        for (const char* chip : {"consenting_0", "purposes_0", "purposes_1", "recipients_0", "recipients_1"})
            ok = ok && tap(findItem(window, QString::fromLatin1(chip)));
        settle(200);
        shoot(QStringLiteral("case-consent-dialog"));
        ok = ok && tap(findItem(window, QStringLiteral("consentSave")));
        ok = ok && waitFor([&] { return !consentDialog->property("visible").toBool(); });
        settle(300);
        shoot(QStringLiteral("case-consents"));
        if (!ok || consents.consents()->count() != 2) {
            out << "FAIL the consents could not be recorded by touch: " << consents.message() << Qt::endl;
            ++failures;
        }
        consents.clearMessage();
        showCaseSection(page, 4);
        settle(300);
        // The first of the worker's entrusted notes of the case, scrolled into view.
        QVariantMap note;
        for (const QVariantMap& row : caseDetail.contactsSection()->notes()->rows())
            if (row.value("disclosable").toBool()) {
                note = row;
                break;
            }
        QObject* disclosureDialog = page->findChild<QObject*>(QStringLiteral("disclosureDialog"));
        const auto toEnd = [page] {
            if (QObject* flick = page->findChild<QObject*>(QStringLiteral("caseFlick")))
                flick->setProperty("contentY",
                                   qMax(0.0, flick->property("contentHeight").toDouble() - flick->property("height").toDouble()));
        };
        shoot(QStringLiteral("case-notes-entrusted"), toEnd);
        if (note.isEmpty() || !disclosureDialog
            || !QMetaObject::invokeMethod(disclosureDialog, "openFor", Q_ARG(QVariant, note.value("id")), Q_ARG(QVariant, note.value("content")))) {
            out << "FAIL no entrusted note to pass into the case" << Qt::endl;
            ++failures;
        } else {
            waitFor([&] { return disclosureDialog->property("opened").toBool(); });
            settle(300);
            tap(findItem(window, QStringLiteral("purpose_3")));  // Schutzauftrag: not covered
            settle(200);
            shoot(QStringLiteral("case-disclosure-refused"));
            tap(findItem(window, QStringLiteral("purpose_0")));  // Hilfeplanung
            settle(200);
            shoot(QStringLiteral("case-disclosure"));
            if (!tap(findItem(window, QStringLiteral("disclosureSubmit")))
                || !waitFor([&] { return !disclosureDialog->property("visible").toBool(); })) {
                out << "FAIL the disclosure was not allowed: " << consents.message() << Qt::endl;
                ++failures;
            }
            settle(400);
            shoot(QStringLiteral("case-disclosed"), toEnd);
        }
        consents.clearMessage();
        navigator.closeDialogs();
        navigator.closeCase();
        settle(300);
    }

    // "Speichern" on a full tablet (docs/app.md "A store that fails while unlocked"): a note form
    // open with its text, the store's room held at its current size (a real SQLITE_FULL), the
    // save refused with the German sentence and the text still in the form; then room again and
    // the same save goes through.
    if (QQuickItem* page = openCase(demo->families.case_ids.front())) {
        const QVariantList noteFields{QVariantMap{{"key", "text"}, {"label", CaseController::tr("Vermerk")}, {"kind", "multiline"}},
                                      QVariantMap{{"key", "entrusted"}, {"label", CaseController::tr("Anvertraut (§ 65 SGB VIII)")},
                                                  {"kind", "switch"}}};
        const QVariantMap form{{"title", CaseController::tr("Vermerk")}, {"target", "record"},
                               {"recordType", "note"}, {"fields", noteFields}};
        QString text = QStringLiteral(
            "Hausbesuch am Vormittag, Frau Demir und Emre anwesend. Frau Demir berichtet, dass Emre seit den "
            "Herbstferien wieder regelmäßig zur Schule geht und sich auf den Fußball am Dienstag freut. "
            "Sie möchte den Elterntreff im Stadtteilzentrum ausprobieren, traut sich aber allein noch nicht hin.");
        // Longer than a page of the store, so the save needs room the store does not have.
        for (int i = 0; i < 4; ++i)
            text += QStringLiteral("\n\nNachtrag %1: Wir vereinbaren, dass ich beim nächsten Termin mitkomme und "
                                   "den Kontakt zur Leitung des Elterntreffs herstelle. Frau Demir bringt die "
                                   "Unterlagen der Schule mit.").arg(i + 1);
        while (text.size() < 6000)
            text += QStringLiteral(" Emre zeigt stolz sein Zeugnis.");
        const QVariantMap values{{"text", text}, {"entrusted", false}};
        const QString at = QDateTime(QDate::currentDate(), QTime(15, 10)).toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
        if (!writeFormDraft(store, caseDetail.caseId().toStdString(), form, {}, values, {}, at)) {
            out << "FAIL could not open the note form" << Qt::endl;
            ++failures;
        }
        caseDetail.reload();
        showCaseSection(page, 4);
        if (!restoreCaseDraft(page)) {  // the form with the text in it
            out << "FAIL the note draft could not be restored" << Qt::endl;
            ++failures;
        }
        // Held at its size now (discarding the draft first would free pages the save could use).
        (void)store.debug_set_max_bytes(1);
        if (caseDetail.saveRecord(QStringLiteral("note"), values, at) || store.failure() != sync::Error::Full) {
            out << "FAIL the save on a full store was not refused as full" << Qt::endl;
            ++failures;
        }
        shootAt(QStringLiteral("case-save-full"), kShots[0]);
        (void)store.debug_set_max_bytes(0);  // space freed: the same save goes through
        if (!caseDetail.saveRecord(QStringLiteral("note"), values, at) || !caseDetail.draft().isEmpty()) {
            out << "FAIL the save after freeing space" << Qt::endl;  // (the form restored from the draft: it takes the draft away)
            ++failures;
        }
        navigator.closeDialogs();
        navigator.closeCase();
        settle(300);
    }

    // The offer map with the demo offers (written above).
    failures += shootOfferScreens(engine, window, navigator, out, shoot);

    if (extras.visit && extras.conflicts && extras.language &&
        !shootVisitAndConflicts(window, navigator, store, cases, *extras.visit, *extras.conflicts, *extras.language, shootAt, out))
        ++failures;

    // The Berichte page: refused for the demo's few families, then with a generated population
    // (written last but one: it fills the case list).
    failures += shootReportScreens(engine, window, navigator, store, dir, out, shoot);
    // The Sozialraumteam's page over the same cases.
    failures += shootTeamScreens(engine, window, navigator, store, out, shoot, [&](const QString& name, const std::function<void()>& prepare) {
        shootAt(name, Shot{1920, 1080, ""}, prepare);
    });

    // The organisation's offline lease of 7 days, and a last sync 10 days ago: the list is locked.
    // Last, after the visit and conflict shots, which need the demo families on the list.
    {
        const std::uint64_t now = std::uint64_t(QDateTime::currentMSecsSinceEpoch());
        const sync::SignedEntry lease = store.directory().make_lease(admin, 7, now);
        if (!store.extend_directory({lease}) ||
            !store.set_setting("last_sync", std::to_string(now - 10ull * 86'400'000))) {
            out << "could not set the offline lease" << Qt::endl;
            return 1;
        }
        cases.refresh();
        syncController.refreshStatus();
        shoot(QStringLiteral("case-list-lease"));
    }

    session.lock();
    shoot(QStringLiteral("unlock"));

    session.unlock(QStringLiteral("falsche-passphrase"));
    waitForState(session, State::Locked);
    shoot(QStringLiteral("unlock-error"));

    return failures == 0 ? 0 : 1;
}

}  // namespace quartier::app
