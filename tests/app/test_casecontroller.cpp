// CaseController over a real store and the real domain layer: loading a case into its section
// models (each under QAbstractItemModelTester), edits that are saved, edits the domain refuses
// (German issues, nothing written), the network map, note versions, a busy store and locking.
#include "controllers/casecontroller.h"

#include "domain/repository.h"
#include "sync/store/store.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <filesystem>
#include <memory>

using quartier::app::CaseController;
using quartier::app::SectionModel;
namespace qd = quartier::domain;
namespace qs = quartier::sync;

namespace {

// A store with one case (two members, a will and a wish, a goal) written through the domain layer.
struct Fixture {
    QTemporaryDir tmp;
    std::unique_ptr<qs::Store> store;
    std::unique_ptr<qd::Repository> repo;
    std::string caseId;
    std::string motherId;  // person ids
    std::string childId;
    std::string willId;
    std::string wishId;
    std::string goalId;

    Fixture()
    {
        REQUIRE(tmp.isValid());
        auto made = qs::Store::create(std::filesystem::path(tmp.filePath(QStringLiteral("store")).toStdString()),
                                      "eine Passphrase", quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
        REQUIRE(made);
        store = std::move(made).value();
        repo = std::make_unique<qd::Repository>(*store);

        qd::Case c;
        c.name = "Familie Demir";
        c.social_space = "Garstedt";
        c.status = qd::CaseStatus::Active;
        c.lead_worker = "A. Berger";
        c.opened_on = "2026-01-12";
        caseId = save(c);
        motherId = addMember("Ayşe", "Demir", qd::MemberRole::Mother);
        childId = addMember("Emre", "Demir", qd::MemberRole::Child);

        qd::WillStatement will;
        will.case_id = caseId;
        will.person_id = motherId;
        will.text = "Ich will, dass Emre wieder gern zur Schule geht.";
        will.own_contribution = "Ich bringe ihn jeden Morgen hin.";
        will.recorded_on = "2026-02-01";
        willId = save(will);
        qd::WillStatement wish = will;
        wish.id.clear();
        wish.person_id = childId;
        wish.text = "Ich will in den Fußballverein.";
        wish.own_contribution.clear();
        wishId = save(wish);

        qd::Goal goal;
        goal.case_id = caseId;
        goal.text = "Emre geht gern zur Schule.";
        goal.will_statement_id = willId;
        goal.scale_now = 3;
        goal.scale_target = 8;
        goal.set_on = "2026-02-01";
        goalId = save(goal);
    }

    template <class T>
    std::string save(T& record)
    {
        qd::Issues issues;
        qd::SaveOptions options;
        options.issues = &issues;
        auto id = repo->save(record, options);
        INFO(qd::describe(issues));
        REQUIRE(id);
        return *id;
    }

    std::string addMember(const std::string& given, const std::string& family, qd::MemberRole role)
    {
        qd::Person p;
        p.case_id = caseId;
        p.given_name = given;
        p.family_name = family;
        const std::string personId = save(p);
        qd::CaseMember m;
        m.case_id = caseId;
        m.person_id = personId;
        m.role = role;
        save(m);
        return personId;
    }

    std::size_t ops() const { return store->status().ops; }
};

QString str(const std::string& s) { return QString::fromStdString(s); }

QVariant value(const SectionModel* model, int row, const char* role)
{
    return model->data(model->index(row), model->roleNames().key(role));
}

// Every section model of the controller, watched by a tester for as long as it lives.
struct Testers {
    std::vector<std::unique_ptr<QAbstractItemModelTester>> all;
    explicit Testers(CaseController& c)
    {
        for (SectionModel* m : {c.membersSection()->members(), c.goalsSection()->wills(), c.goalsSection()->goals(), c.networkSection()->resources(), c.networkSection()->network(), c.contactsSection()->visits(), c.contactsSection()->notes(),
                                c.classificationSection()->assessments(), c.classificationSection()->mandates(), c.classificationSection()->requirements(), c.classificationSection()->measures()})
            all.push_back(std::make_unique<QAbstractItemModelTester>(m, QAbstractItemModelTester::FailureReportingMode::Fatal));
    }
};

}  // namespace

TEST_CASE("CaseController opens a case into its sections", "[case]")
{
    Fixture f;
    CaseController c;
    Testers testers(c);
    c.setToday(QStringLiteral("2026-03-02"));
    c.setStore(f.store.get());
    QSignalSpy changed(&c, &CaseController::caseChanged);
    const std::size_t auditBefore = f.store->status().audit_entries;

    c.open(str(f.caseId));
    REQUIRE(c.isOpen());
    CHECK(changed.count() >= 1);
    CHECK(c.name() == QStringLiteral("Familie Demir"));
    CHECK(c.statusLabel() == QStringLiteral("Aktiv"));
    CHECK(c.fields().value(QStringLiteral("social_space")).toString() == QStringLiteral("Garstedt"));
    CHECK(c.classificationSection()->risk().area.isEmpty());
    // Opening a case is recorded in the audit log.
    CHECK(f.store->status().audit_entries == auditBefore + 1);

    REQUIRE(c.membersSection()->members()->count() == 2);
    CHECK(value(c.membersSection()->members(), 0, "roleLabel").toString() == QStringLiteral("Mutter"));  // by role
    CHECK(value(c.membersSection()->members(), 0, "name").toString() == QStringLiteral("Ayşe Demir"));

    REQUIRE(c.goalsSection()->wills()->count() == 2);
    const int will = c.goalsSection()->wills()->indexOf(str(f.willId));
    const int wish = c.goalsSection()->wills()->indexOf(str(f.wishId));
    CHECK(value(c.goalsSection()->wills(), will, "isWill").toBool());
    CHECK(value(c.goalsSection()->wills(), will, "personName").toString() == QStringLiteral("Ayşe Demir"));
    CHECK_FALSE(value(c.goalsSection()->wills(), wish, "isWill").toBool());  // shown as a Wunsch
    CHECK(value(c.goalsSection()->wills(), wish, "content").toString() == QStringLiteral("Ich will in den Fußballverein."));
    // Only wills, not wishes, may carry a goal.
    CHECK(c.goalsSection()->willChoices().size() == 1);
    CHECK(c.membersSection()->memberChoices().size() == 2);

    REQUIRE(c.goalsSection()->goals()->count() == 1);
    CHECK(value(c.goalsSection()->goals(), 0, "scaleNow").toInt() == 3);
    CHECK(value(c.goalsSection()->goals(), 0, "scaleTarget").toInt() == 8);
    CHECK(value(c.goalsSection()->goals(), 0, "willText").toString().startsWith(QStringLiteral("Ich will, dass Emre")));
    CHECK(c.goalsSection()->directionGoalChoices().size() == 1);

    SECTION("opening another id that does not exist closes with a message")
    {
        c.open(QStringLiteral("no-such-case"));
        CHECK_FALSE(c.isOpen());
        CHECK(c.membersSection()->members()->count() == 0);
        CHECK_FALSE(c.errorMessage().isEmpty());
    }

    SECTION("lock: the sections are emptied before the store goes")
    {
        c.setStore(nullptr);
        CHECK_FALSE(c.isOpen());
        CHECK(c.caseId().isEmpty());
        CHECK(c.goalsSection()->goals()->count() == 0);
        CHECK(c.goalsSection()->wills()->count() == 0);
        CHECK(c.membersSection()->members()->count() == 0);
    }
}

TEST_CASE("CaseController saves a goal's scale and refuses one out of range", "[case]")
{
    Fixture f;
    CaseController c;
    Testers testers(c);
    c.setStore(f.store.get());
    c.open(str(f.caseId));
    QSignalSpy written(&c, &CaseController::recordsChanged);
    QSignalSpy resets(c.goalsSection()->goals(), &QAbstractItemModel::modelReset);

    REQUIRE(c.goalsSection()->setGoalScale(str(f.goalId), 5, 9));
    CHECK(written.count() == 1);
    CHECK(c.issueList().isEmpty());
    auto goal = f.repo->load<qd::Goal>(f.goalId);
    REQUIRE(goal);
    CHECK(goal->scale_now == 5);
    CHECK(goal->scale_target == 9);
    CHECK(value(c.goalsSection()->goals(), 0, "scaleNow").toInt() == 5);
    CHECK(resets.count() == 0);  // updated in place: the delegate under the finger stays

    const std::size_t opsBefore = f.ops();
    CHECK_FALSE(c.goalsSection()->setGoalScale(str(f.goalId), 11, 9));
    CHECK(f.ops() == opsBefore);  // nothing written
    CHECK(written.count() == 1);
    REQUIRE(c.issues().contains(QStringLiteral("scale_now")));
    CHECK(c.issues().value(QStringLiteral("scale_now")).toString().contains(QStringLiteral("0 bis 10")));
    CHECK(f.repo->load<qd::Goal>(f.goalId)->scale_now == 5);
    CHECK(value(c.goalsSection()->goals(), 0, "scaleNow").toInt() == 5);

    // A scale that is not a number at all gets the same kind of message, and writes nothing.
    CHECK_FALSE(c.saveRecord(QStringLiteral("goal"), {{"id", str(f.goalId)}, {"scale_now", "viel"}}));
    CHECK(c.issues().contains(QStringLiteral("scale_now")));
    CHECK(f.ops() == opsBefore);

    c.clearIssues();
    CHECK(c.issues().isEmpty());
}

TEST_CASE("CaseController adds records and shows the domain's issues in German", "[case]")
{
    Fixture f;
    CaseController c;
    Testers testers(c);
    c.setToday(QStringLiteral("2026-03-02"));
    c.setStore(f.store.get());
    c.open(str(f.caseId));

    SECTION("a goal on a wish is refused, on a will saved, with steps")
    {
        const std::size_t before = f.ops();
        CHECK_FALSE(c.saveRecord(QStringLiteral("goal"), {{"text", "Fußball spielen"}, {"will_statement_id", str(f.wishId)}}));
        CHECK(f.ops() == before);
        CHECK(c.issues().value(QStringLiteral("will_statement_id")).toString().contains(QStringLiteral("Wunsch")));

        REQUIRE(c.saveRecord(QStringLiteral("goal"), {{"text", "Jeden Morgen pünktlich"}, {"level", "action"},
                                                      {"parent_goal_id", str(f.goalId)}, {"scale_now", 2}, {"scale_target", 7}}));
        REQUIRE(c.goalsSection()->goals()->count() == 2);
        const QString actionId = c.goalsSection()->goals()->get(1).value(QStringLiteral("id")).toString();
        CHECK(c.goalsSection()->goals()->get(1).value(QStringLiteral("setOn")).toString() == QStringLiteral("02.03.2026"));  // today

        REQUIRE(c.saveRecord(QStringLiteral("action_step"), {{"goal_id", actionId}, {"who", "Frau Demir"},
                                                             {"what", "Wecker auf 6:30 stellen"}, {"by_when", "2026-03-09"}}));
        QVariantList steps = c.goalsSection()->goals()->get(1).value(QStringLiteral("steps")).toList();
        REQUIRE(steps.size() == 1);
        const QString stepId = steps[0].toMap().value(QStringLiteral("id")).toString();
        REQUIRE(c.goalsSection()->setStepStatus(stepId, QStringLiteral("done")));
        auto step = f.repo->load<qd::ActionStep>(stepId.toStdString());
        REQUIRE(step);
        CHECK(step->status == qd::StepStatus::Done);
        CHECK(step->done_on == "2026-03-02");

        // A step without "who" is refused with the field's German name.
        CHECK_FALSE(c.saveRecord(QStringLiteral("action_step"), {{"goal_id", actionId}, {"what", "x"}, {"by_when", "2026-03-09"}}));
        CHECK(c.issues().value(QStringLiteral("who")).toString() == QStringLiteral("Wer: Bitte ausfüllen."));

        // Removing the goal takes its steps along.
        REQUIRE(c.removeRecord(actionId));
        CHECK(c.goalsSection()->goals()->count() == 1);
        CHECK_FALSE(f.repo->load<qd::ActionStep>(stepId.toStdString()));
    }

    SECTION("a member is a person and its membership, saved together")
    {
        REQUIRE(c.saveRecord(QStringLiteral("member"), {{"given_name", "Deniz"}, {"family_name", "Demir"},
                                                        {"role", "sibling"}, {"birth_date", "2015-06-30"}}));
        REQUIRE(c.membersSection()->members()->count() == 3);
        const int row = c.membersSection()->members()->indexOf(c.membersSection()->members()->get(2).value(QStringLiteral("id")).toString());
        CHECK(row == 2);
        CHECK(value(c.membersSection()->members(), 2, "name").toString() == QStringLiteral("Deniz Demir"));
        CHECK(value(c.membersSection()->members(), 2, "birthDate").toString() == QStringLiteral("30.06.2015"));

        const std::size_t before = f.ops();
        CHECK_FALSE(c.saveRecord(QStringLiteral("member"), {{"given_name", "X"}, {"role", "cousin"}}));
        CHECK(c.issues().value(QStringLiteral("role")).toString().startsWith(QStringLiteral("Rolle: ")));
        CHECK_FALSE(c.saveRecord(QStringLiteral("member"), {{"given_name", "Y"}, {"birth_date", "30.06.2015"}}));
        CHECK(c.issues().value(QStringLiteral("birth_date")).toString().contains(QStringLiteral("TT.MM.JJJJ")));
        CHECK(f.ops() == before);
        CHECK(c.membersSection()->members()->count() == 3);
    }

    SECTION("requirements only in the Gefährdungsbereich, and lifted when it ends")
    {
        const QVariantMap requirement{{"reason", "Emre war drei Wochen nicht in der Schule."},
                                      {"minimum_standard", "Emre besucht täglich die Schule."},
                                      {"negotiable_way", "Frau Demir und die Schule vereinbaren den Weg."},
                                      {"deadline", "2026-04-01"},
                                      {"checked_by", "ASD, A. Berger"},
                                      {"check_method", "Rückmeldung der Schule, wöchentlich"},
                                      {"consequence", "Anrufung des Familiengerichts"}};
        const std::size_t before = f.ops();
        CHECK_FALSE(c.saveRecord(QStringLiteral("requirement"), requirement));
        CHECK(f.ops() == before);
        REQUIRE_FALSE(c.issueList().isEmpty());
        CHECK(c.issueList().join(' ').contains(QStringLiteral("Gefährdungsbereich")));

        REQUIRE(c.saveRecord(QStringLiteral("risk_assessment"), {{"area", "danger"}, {"assessed_by", "A. Berger"},
                                                                 {"reasons", "Schulabsentismus, Kind nicht gesehen"}}));
        CHECK(c.classificationSection()->risk().danger());
        CHECK(c.classificationSection()->risk().label == QStringLiteral("Gefährdungsbereich"));
        REQUIRE(c.saveRecord(QStringLiteral("requirement"), requirement));
        REQUIRE(c.classificationSection()->requirements()->count() == 1);
        CHECK(value(c.classificationSection()->requirements(), 0, "status").toString() == QStringLiteral("open"));

        REQUIRE(c.saveRecord(QStringLiteral("risk_assessment"), {{"area", "grey"}, {"assessed_on", "2026-03-03"},
                                                                 {"assessed_by", "A. Berger"}, {"reasons", "Schule wird besucht"}}));
        CHECK_FALSE(c.classificationSection()->risk().danger());
        CHECK(value(c.classificationSection()->requirements(), 0, "status").toString() == QStringLiteral("lifted"));
        CHECK(c.classificationSection()->assessments()->count() == 2);
        CHECK(value(c.classificationSection()->assessments(), 0, "current").toBool());  // newest first
    }

    SECTION("measures, mandates and resources")
    {
        REQUIRE(c.saveRecord(QStringLiteral("measure"), {{"paragraph", "31"}, {"title", "Sozialpädagogische Familienhilfe"},
                                                         {"start", "2026-02-15"}}));
        CHECK(value(c.classificationSection()->measures(), 0, "paragraphLabel").toString() == QStringLiteral("§ 31 SGB VIII"));
        CHECK(value(c.classificationSection()->measures(), 0, "running").toBool());
        CHECK_FALSE(c.saveRecord(QStringLiteral("measure"), {{"paragraph", "31"}, {"start", "2026-02-15"}, {"end", "2026-01-01"}}));
        CHECK(c.issues().value(QStringLiteral("end")).toString() == QStringLiteral("Ende: Das Datum liegt vor dem Beginn."));

        REQUIRE(c.saveRecord(QStringLiteral("mandate"), {{"kind", "family"}, {"text", "Unterstützung bei Schulgesprächen"},
                                                         {"given_by", "Familie Demir"}, {"given_to", "Familienhilfe"}}));
        CHECK(value(c.classificationSection()->mandates(), 0, "kindLabel").toString() == QStringLiteral("Auftrag der Familie"));

        REQUIRE(c.saveRecord(QStringLiteral("resource"), {{"area", "social"}, {"text", "Die Nachbarin hilft beim Abholen."}}));
        CHECK(value(c.networkSection()->resources(), 0, "areaLabel").toString() == QStringLiteral("Sozial"));
        CHECK_FALSE(c.saveRecord(QStringLiteral("resource"), {{"area", "spiritual"}, {"text", "x"}}));
        CHECK(c.issues().contains(QStringLiteral("area")));
        CHECK(c.networkSection()->resources()->count() == 1);
    }
}

TEST_CASE("CaseController edits the network map", "[case]")
{
    Fixture f;
    CaseController c;
    Testers testers(c);
    c.setToday(QStringLiteral("2026-03-02"));
    c.setStore(f.store.get());
    c.open(str(f.caseId));
    CHECK(c.networkSection()->networkMapId().isEmpty());

    // The first contact starts a map drawn today.
    REQUIRE(c.networkSection()->addNetworkContact({{"name", "Oma Ilse"}, {"sector", "family"}, {"distance", 1}, {"quality", "supportive"}}));
    REQUIRE_FALSE(c.networkSection()->networkMapId().isEmpty());
    CHECK(c.networkSection()->networkDrawnOn() == QStringLiteral("02.03.2026"));
    REQUIRE(c.networkSection()->addNetworkContact({{"name", "Klassenlehrerin"}, {"sector", "school_work_clubs"}, {"distance", 2}, {"quality", "ambivalent"}}));
    REQUIRE(c.networkSection()->network()->count() == 2);

    // Dragged into another sector and ring; then the relationship turns stressful.
    REQUIRE(c.networkSection()->moveNetworkContact(1, QStringLiteral("professionals"), 3));
    REQUIRE(c.networkSection()->updateNetworkContact(1, {{"quality", "stressful"}, {"note", "seit dem Streit im Januar"}}));
    auto map = f.repo->load<qd::NetworkMap>(c.networkSection()->networkMapId().toStdString());
    REQUIRE(map);
    REQUIRE(map->contacts.size() == 2);
    CHECK(map->contacts[1].name == "Klassenlehrerin");
    CHECK(map->contacts[1].sector == qd::NetworkSector::Professionals);
    CHECK(map->contacts[1].distance == 3);
    CHECK(map->contacts[1].quality == qd::ContactQuality::Stressful);
    CHECK(map->contacts[1].note == "seit dem Streit im Januar");
    CHECK(value(c.networkSection()->network(), 1, "qualityLabel").toString() == QStringLiteral("Belastend"));

    // A ring that does not exist and a contact without a name are refused; nothing changes.
    const std::size_t before = f.ops();
    CHECK_FALSE(c.networkSection()->moveNetworkContact(0, QStringLiteral("family"), 4));
    CHECK_FALSE(c.issueList().isEmpty());
    CHECK_FALSE(c.networkSection()->addNetworkContact({{"name", ""}, {"sector", "family"}, {"distance", 1}, {"quality", "supportive"}}));
    CHECK(f.ops() == before);
    CHECK(c.networkSection()->network()->count() == 2);

    REQUIRE(c.networkSection()->removeNetworkContact(0));
    map = f.repo->load<qd::NetworkMap>(c.networkSection()->networkMapId().toStdString());
    REQUIRE(map);
    REQUIRE(map->contacts.size() == 1);
    CHECK(map->contacts[0].name == "Klassenlehrerin");
    CHECK_FALSE(c.networkSection()->removeNetworkContact(5));
}

TEST_CASE("CaseController keeps every version of a note", "[case]")
{
    Fixture f;
    CaseController c;
    c.setStore(f.store.get());
    REQUIRE(c.setWorkerName(QStringLiteral("A. Berger")));
    CHECK(c.workerName() == QStringLiteral("A. Berger"));
    c.open(str(f.caseId));
    REQUIRE(c.saveRecord(QStringLiteral("note"), {{"text", "Frau Demir berichtet von einem Gespräch mit der Schule."}, {"entrusted", false}}));
    REQUIRE(c.contactsSection()->notes()->count() == 1);
    const QString noteId = c.contactsSection()->notes()->get(0).value(QStringLiteral("id")).toString();
    CHECK(value(c.contactsSection()->notes(), 0, "author").toString() == QStringLiteral("A. Berger"));
    REQUIRE(c.saveRecord(QStringLiteral("note"), {{"id", noteId}, {"text", "Frau Demir berichtet von einem guten Gespräch mit der Schule."}}));
    const QVariantList versions = value(c.contactsSection()->notes(), 0, "versions").toList();
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].toMap().value(QStringLiteral("text")).toString().startsWith(QStringLiteral("Frau Demir berichtet von einem Gespräch")));
    CHECK(versions[1].toMap().value(QStringLiteral("text")).toString().contains(QStringLiteral("guten")));
    CHECK(value(c.contactsSection()->notes(), 0, "content").toString().contains(QStringLiteral("guten")));
}

TEST_CASE("CaseController creates cases through the domain's checks", "[case]")
{
    Fixture f;
    CaseController c;
    c.setToday(QStringLiteral("2026-03-02"));
    c.setStore(f.store.get());
    REQUIRE(c.setWorkerName(QStringLiteral("  B. Yilmaz ")));
    CHECK(c.workerName() == QStringLiteral("B. Yilmaz"));

    const std::size_t cases = f.repo->cases().size();
    CHECK(c.createCase({{"name", ""}, {"social_space", "Garstedt"}}).isEmpty());
    CHECK(c.issues().value(QStringLiteral("name")).toString() == QStringLiteral("Name: Bitte ausfüllen."));
    // Under the field itself the name is not said again ("Name: Bitte ausfüllen." under "Name").
    CHECK(c.issueReasons().value(QStringLiteral("name")).toString() == QStringLiteral("Bitte ausfüllen."));
    CHECK(c.createCase({{"name", "Familie K."}, {"social_space", "Garstedt"}, {"opened_on", "1.3.2026"}}).isEmpty());
    CHECK(c.issues().contains(QStringLiteral("opened_on")));
    CHECK(f.repo->cases().size() == cases);

    const QString id = c.createCase({{"name", "Familie K."}, {"social_space", "Garstedt"}, {"status", "new"}});
    REQUIRE_FALSE(id.isEmpty());
    CHECK(c.issues().isEmpty());
    auto made = f.repo->load<qd::Case>(id.toStdString());
    REQUIRE(made);
    CHECK(made->lead_worker == "B. Yilmaz");  // this device's worker unless given
    CHECK(made->opened_on == "2026-03-02");
    CHECK_FALSE(c.isOpen());  // creating opens nothing

    c.open(id);
    REQUIRE(c.saveCase({{"status", "active"}, {"lead_worker", "A. Berger"}}));
    CHECK(c.statusLabel() == QStringLiteral("Aktiv"));
    CHECK(f.repo->load<qd::Case>(id.toStdString())->lead_worker == "A. Berger");
    CHECK_FALSE(c.saveCase({{"status", "closed"}, {"closed_on", "2025-01-01"}}));  // before opened_on
    CHECK(c.issues().contains(QStringLiteral("closed_on")));
    CHECK(f.repo->load<qd::Case>(id.toStdString())->status == qd::CaseStatus::Active);
}

TEST_CASE("CaseController waits while the store is busy", "[case]")
{
    Fixture f;
    CaseController c;
    Testers testers(c);
    c.setStore(f.store.get());
    c.setStoreBusy(true);

    // Opening while a job holds the store reads nothing until it is free.
    c.open(str(f.caseId));
    CHECK_FALSE(c.isOpen());
    CHECK(c.goalsSection()->goals()->count() == 0);
    c.setStoreBusy(false);
    REQUIRE(c.isOpen());
    CHECK(c.goalsSection()->goals()->count() == 1);

    // An edit while busy writes nothing and says why.
    c.setStoreBusy(true);
    const std::size_t before = f.ops();
    CHECK_FALSE(c.goalsSection()->setGoalScale(str(f.goalId), 6, 8));
    CHECK(f.ops() == before);
    CHECK_FALSE(c.errorMessage().isEmpty());
    CHECK(c.createCase({{"name", "Familie L."}, {"social_space", "Garstedt"}}).isEmpty());

    // A reload asked for while busy (a sync pulled) runs once the store is free.
    {
        qd::Goal goal = *f.repo->load<qd::Goal>(f.goalId);
        goal.scale_now = 4;
        f.save(goal);
    }
    c.reload();
    CHECK(value(c.goalsSection()->goals(), 0, "scaleNow").toInt() == 3);
    c.setStoreBusy(false);
    CHECK(value(c.goalsSection()->goals(), 0, "scaleNow").toInt() == 4);
    REQUIRE(c.goalsSection()->setGoalScale(str(f.goalId), 6, 8));
    CHECK(c.errorMessage().isEmpty());
}
