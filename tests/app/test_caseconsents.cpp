// CaseConsents (Einwilligungen & Weitergabe on the case page) over the real server handler
// in-process, with two tablets wired as app/main.cpp wires them (tests/app/tablet.h): a consent
// recorded by touch on one tablet reaches the other at its sync; a withdrawal there blocks a
// disclosure here after the next sync (and not before: the tablet decides with what it knows);
// an allowed disclosure's copy reaches the colleague with its "Anvertraut" flag and basis. Every
// refusal of sync::consent is a German sentence, as a table, each writing nothing but the
// `refuse` audit entry. The consent form's own checks, as a table.
#include "app/tablet.h"

#include "controllers/caseconsents.h"

#include "sync/client/consent.h"
#include "sync/store/audit.h"

using namespace quartier;
using quartier::app::CaseConsentsController;
using quartier::test::kTimeoutMs;
using quartier::test::SyncFixture;
using quartier::test::Tablet;

namespace {

QString hex(const sync::Store& store) { return QString::fromStdString(crypto::to_hex(store.device().id())); }

// Shares the case from `from` with `to` (a store job on `from`) and waits for it.
void shareCase(Tablet& from, Tablet& to, const std::string& caseId)
{
    from.share.open(QString::fromStdString(caseId));
    REQUIRE(QTest::qWaitFor([&] { return from.share.state() == app::ShareController::State::Ready; }, kTimeoutMs));
    REQUIRE(from.share.share(hex(to.store())));
    REQUIRE(QTest::qWaitFor([&] { return from.share.state() != app::ShareController::State::Sharing; }, kTimeoutMs));
    INFO(from.share.message().toStdString());
    REQUIRE(from.share.state() == app::ShareController::State::Shared);
    from.share.close();
    from.settle();
}

// An entrusted note of the case, written as a visit writes it: into the tablet's personal scope.
std::string entrustedNote(Tablet& t, const std::string& caseId, const std::string& text)
{
    domain::Repository repo(t.store());
    domain::Note n;
    n.case_id = caseId;
    n.text = text;
    n.author = "A. Brandt (ASD)";
    n.written_at = "2026-03-03T14:00";
    n.entrusted = true;
    auto id = repo.save(n);
    INFO((id ? std::string() : id.detail()));
    REQUIRE(id.ok());
    return *id;
}

CaseConsentsController& consents(Tablet& t) { return *t.caseDetail.consentsSection(); }

QVariantMap consentForm(const QString& person, const QStringList& recipients = {QStringLiteral("caseworker")})
{
    return {{"consenting", person},
            {"data", QStringList{"note"}},
            {"purposes", QStringList{"hilfeplanung"}},
            {"recipients", recipients},
            {"form", "written"}};
}

// The note's row on the case page (CaseContacts), or an empty map: the one with `text`, and with
// `id` if given, else any other id (a disclosed copy has the original's text and its own id; the
// two are ordered by their random ids).
QVariantMap noteRow(Tablet& t, const QString& text, const std::string& id = {}, bool sameId = true)
{
    for (const QVariantMap& row : t.caseDetail.contactsSection()->notes()->rows())
        if (row.value("content").toString() == text
            && (id.empty() || (row.value("id").toString() == QString::fromStdString(id)) == sameId))
            return row;
    return {};
}

std::size_t disclosures(const sync::Store& store) { return store.list(sync::consent::kDisclosureType).size(); }

bool refusedInAudit(const sync::Store& store, const std::string& entry)
{
    auto chains = store.audit_chains();
    REQUIRE(chains.ok());
    for (const auto& e : chains->front().entries)
        if (e.action == sync::AuditAction::Refuse && std::find(e.objects.begin(), e.objects.end(), entry) != e.objects.end())
            return true;
    return false;
}

}  // namespace

TEST_CASE("CaseConsents: a consent withdrawn on one tablet blocks a disclosure on the other after its sync", "[consent][app]")
{
    SyncFixture f(1);
    Tablet a(f, "Tablet ASD Garstedt");
    Tablet b(f, "Tablet ASD Harksheide");
    const std::string caseId = a.addCase("Familie Demir");
    const QString qCase = QString::fromStdString(caseId);
    REQUIRE(a.syncOnce());
    shareCase(a, b, caseId);
    REQUIRE(a.syncOnce());
    REQUIRE(b.syncOnce());
    REQUIRE(b.store().get(caseId));

    // Tablet A records Frau Demir's consent by touch (the form's values as the dialog hands them).
    a.caseDetail.open(qCase);
    REQUIRE(a.caseDetail.caseId() == qCase);
    REQUIRE(consents(a).canRecord());
    REQUIRE(consents(a).addConsent(consentForm(QStringLiteral("Elif Demir"))));
    CHECK(consents(a).message() == QStringLiteral("Einwilligung gespeichert."));
    REQUIRE(consents(a).consents()->count() == 1);
    const QVariantMap row = consents(a).consents()->get(0);
    CHECK(row.value("consenting") == QStringLiteral("Elif Demir"));
    CHECK(row.value("state") == QStringLiteral("valid"));
    CHECK(row.value("dataLabel") == QStringLiteral("Vermerke"));
    CHECK(row.value("purposesLabel") == QStringLiteral("Hilfeplanung (§ 36 SGB VIII)"));
    CHECK(row.value("recipientsLabel") == QStringLiteral("ASD-Fachkraft"));
    CHECK(row.value("formLabel") == QStringLiteral("schriftlich"));
    const QString consentId = row.value("id").toString();
    REQUIRE(a.syncOnce());

    // Tablet B has an entrusted note of its own for the case, and the consent after its sync.
    const std::string note = entrustedNote(b, caseId, "Frau Demir möchte nicht, dass der Vater von den Schulden erfährt.");
    REQUIRE(b.syncOnce());
    b.caseDetail.open(qCase);
    REQUIRE(consents(b).consents()->count() == 1);
    const QVariantMap own = noteRow(b, QStringLiteral("Frau Demir möchte nicht, dass der Vater von den Schulden erfährt."));
    REQUIRE(own.value("entrusted").toBool());
    CHECK(own.value("disclosable").toBool());
    CHECK(own.value("disclosedLabel").toString().isEmpty());
    const QVariantMap basis{{"consent", consentId}, {"purpose", "hilfeplanung"}};
    CHECK(consents(b).checkDisclosure(QString::fromStdString(note), basis).isEmpty());
    // A knows nothing of B's entrusted note: it lives in B's personal scope.
    CHECK(a.store().get(note) == nullptr);

    // A withdraws it; until B syncs, B decides on what it knows (docs/consent.md).
    REQUIRE(consents(a).withdraw(consentId, QStringLiteral("per Brief vom 05.03.")));
    CHECK(consents(a).consents()->get(0).value("state") == QStringLiteral("withdrawn"));
    CHECK(consents(a).consents()->get(0).value("stateLabel").toString().startsWith(QStringLiteral("widerrufen am ")));
    CHECK(consents(a).consents()->get(0).value("withdrawalNote") == QStringLiteral("per Brief vom 05.03."));
    REQUIRE(a.syncOnce());
    CHECK(consents(b).checkDisclosure(QString::fromStdString(note), basis).isEmpty());

    REQUIRE(b.syncOnce());  // the sync reloads the open case
    REQUIRE(consents(b).consents()->get(0).value("state") == QStringLiteral("withdrawn"));
    const QString why = consents(b).checkDisclosure(QString::fromStdString(note), basis);
    CHECK(why.startsWith(QStringLiteral("Die Einwilligung wurde am ")));
    CHECK(why.endsWith(QStringLiteral("widerrufen und erlaubt keine Weitergabe mehr.")));
    CHECK_FALSE(consents(b).disclose(QString::fromStdString(note), basis));
    CHECK(consents(b).refused());
    CHECK(consents(b).message() == why);
    CHECK(disclosures(b.store()) == 0);
    CHECK(refusedInAudit(b.store(), note));

    // A new consent: B passes the note into the case, and A reads the copy after its sync —
    // flagged anvertraut, with the basis, and not A's to pass on.
    REQUIRE(consents(a).addConsent(consentForm(QStringLiteral("Elif Demir"))));
    REQUIRE(a.syncOnce());
    REQUIRE(b.syncOnce());
    const QVariantList choices = consents(b).consentChoices();
    REQUIRE(choices.size() == 2);
    REQUIRE(choices.front().toMap().value("valid").toBool());  // the valid one first
    const QVariantMap basis2{{"consent", choices.front().toMap().value("value")}, {"purpose", "hilfeplanung"}};
    REQUIRE(consents(b).disclose(QString::fromStdString(note), basis2));
    CHECK_FALSE(consents(b).refused());
    CHECK(consents(b).message() == QStringLiteral("Der Vermerk ist jetzt im Fall lesbar für Tablet ASD Garstedt – mit Einwilligung von "
                                                  "Elif Demir (§ 65 Abs. 1 S. 1 Nr. 1 SGB VIII)."));
    CHECK(consents(b).messageAbout() == QStringLiteral("disclosure"));
    CHECK(disclosures(b.store()) == 1);
    const QVariantMap original = noteRow(b, QStringLiteral("Frau Demir möchte nicht, dass der Vater von den Schulden erfährt."), note);
    REQUIRE_FALSE(original.isEmpty());
    // Its copy, on B too: in the case, anvertraut, not B's to pass on again under §65.
    const QVariantMap copyHere = noteRow(b, QStringLiteral("Frau Demir möchte nicht, dass der Vater von den Schulden erfährt."), note, false);
    REQUIRE_FALSE(copyHere.isEmpty());
    CHECK(copyHere.value("entrusted").toBool());
    CHECK_FALSE(copyHere.value("disclosable").toBool());
    CHECK(original.value("disclosedLabel").toString().startsWith(QStringLiteral("In den Fall weitergegeben am ")));
    CHECK(original.value("disclosedLabel").toString().contains(QStringLiteral("mit Einwilligung von Elif Demir")));
    REQUIRE(b.syncOnce());
    REQUIRE(a.syncOnce());
    const QVariantMap copy = noteRow(a, QStringLiteral("Frau Demir möchte nicht, dass der Vater von den Schulden erfährt."));
    REQUIRE_FALSE(copy.isEmpty());
    CHECK(copy.value("entrusted").toBool());
    CHECK_FALSE(copy.value("disclosable").toBool());
    CHECK(copy.value("disclosedLabel").toString().startsWith(QStringLiteral("Weitergegeben am ")));
    CHECK(copy.value("disclosedLabel").toString().contains(QStringLiteral("§ 65 Abs. 1 S. 1 Nr. 1 SGB VIII")));
    // On A the copy is no entrusted entry of A's: A cannot pass it on under §65.
    CHECK(consents(a).checkDisclosure(copy.value("id").toString(), basis2) ==
          QStringLiteral("Das ist kein anvertrauter Vermerk dieses Geräts; nur wer ihn geschrieben hat, kann ihn weitergeben."));
}

TEST_CASE("CaseConsents: every refusal is a German sentence and writes nothing but the refuse entry", "[consent][app][errors]")
{
    SyncFixture f(1);
    Tablet a(f, "Tablet ASD Garstedt");
    Tablet b(f, "Tablet ASD Harksheide");
    const std::string caseId = a.addCase("Familie Demir");
    const std::string otherCase = a.addCase("Familie Kowalski");
    REQUIRE(a.syncOnce());
    shareCase(a, b, caseId);  // B (caseworker) reads the case: a consent must cover it
    a.caseDetail.setToday(QStringLiteral("2026-06-15"));
    a.caseDetail.open(QString::fromStdString(otherCase));
    REQUIRE(consents(a).addConsent(consentForm(QStringLiteral("Jan Kowalski"))));
    const QString otherConsent = consents(a).consents()->get(0).value("id").toString();
    a.caseDetail.open(QString::fromStdString(caseId));

    auto add = [&](QVariantMap form) {
        REQUIRE(consents(a).addConsent(form));
        const auto rows = consents(a).consents()->rows();
        for (const QVariantMap& r : rows)
            if (r.value("consenting") == form.value("consenting"))
                return r.value("id").toString();
        FAIL("the consent is not listed");
        return QString();
    };
    QVariantMap form = consentForm(QStringLiteral("gültig"));
    const QString valid = add(form);
    form = consentForm(QStringLiteral("abgelaufen"));
    form["validFrom"] = "2026-01-01";
    form["validUntil"] = "2026-03-31";
    const QString expired = add(form);
    form = consentForm(QStringLiteral("künftig"));
    form["validFrom"] = "2026-09-01";
    const QString future = add(form);
    const QString helperOnly = add(consentForm(QStringLiteral("nur Träger"), {QStringLiteral("helper")}));
    form = consentForm(QStringLiteral("nur Kontakte"));
    form["data"] = QStringList{"contact_event"};
    const QString contactsOnly = add(form);

    const std::string note = entrustedNote(a, caseId, "Anvertraut: die Schulden.");
    domain::Repository repo(a.store());
    domain::Note open;
    open.case_id = caseId;
    open.text = "Im Fall.";
    open.written_at = "2026-03-03T14:00";
    open.entrusted = false;
    auto caseNote = repo.save(open);
    REQUIRE(caseNote.ok());
    a.caseDetail.reload();

    struct Row {
        const char* what;
        QString entry;
        QVariantMap basis;
        QString expected;
    };
    const QString n = QString::fromStdString(note);
    const std::vector<Row> table = {
        {"no basis", n, {}, QStringLiteral("Anvertrautes wird nur mit einer Einwilligung oder nach einer Ausnahme des § 65 Abs. 1 "
                                           "Satz 1 SGB VIII weitergegeben. Bitte eine Rechtsgrundlage wählen.")},
        {"two bases", n, {{"consent", valid}, {"purpose", "hilfeplanung"}, {"exception", 4}, {"reason", "Gefahr"}},
         QStringLiteral("Bitte entweder eine Einwilligung oder eine Ausnahme wählen, nicht beides.")},
        {"unknown consent", n, {{"consent", "0123456789abcdef0123456789abcdef"}, {"purpose", "hilfeplanung"}},
         QStringLiteral("Diese Einwilligung ist auf diesem Gerät nicht vorhanden.")},
        {"consent of another case", n, {{"consent", otherConsent}, {"purpose", "hilfeplanung"}},
         QStringLiteral("Diese Einwilligung gehört zu einem anderen Fall.")},
        {"expired", n, {{"consent", expired}, {"purpose", "hilfeplanung"}}, QStringLiteral("Die Einwilligung ist am 31.03.2026 abgelaufen.")},
        {"not yet valid", n, {{"consent", future}, {"purpose", "hilfeplanung"}}, QStringLiteral("Die Einwilligung gilt erst ab 01.09.2026.")},
        {"data", n, {{"consent", contactsOnly}, {"purpose", "hilfeplanung"}}, QStringLiteral("Die Einwilligung umfasst keine Vermerke.")},
        {"no purpose", n, {{"consent", valid}}, QStringLiteral("Bitte den Zweck der Weitergabe wählen.")},
        {"purpose", n, {{"consent", valid}, {"purpose", "schutzauftrag"}},
         QStringLiteral("Die Einwilligung umfasst den Zweck „Schutzauftrag (§ 8a SGB VIII)“ nicht.")},
        {"recipient", n, {{"consent", helperOnly}, {"purpose", "hilfeplanung"}},
         QStringLiteral("Die Einwilligung umfasst nicht alle, die den Fall lesen: Tablet ASD Harksheide (ASD-Fachkraft) ist darin "
                        "weder als Gerät noch mit seiner Rolle genannt.")},
        {"unknown exception", n, {{"exception", 7}, {"reason", "weil"}},
         QStringLiteral("Das ist keine der Ausnahmen Nr. 2 bis 5 des § 65 Abs. 1 Satz 1 SGB VIII.")},
        {"no reason", n, {{"exception", 4}, {"reason", "   "}},
         QStringLiteral("Eine Weitergabe nach einer Ausnahme braucht eine schriftliche Begründung.")},
        {"not entrusted", QString::fromStdString(*caseNote), {{"consent", valid}, {"purpose", "hilfeplanung"}},
         QStringLiteral("Das ist kein anvertrauter Vermerk dieses Geräts; nur wer ihn geschrieben hat, kann ihn weitergeben.")},
    };
    const std::size_t notesBefore = repo.notes(caseId).size();
    for (const Row& r : table) {
        INFO(r.what);
        CHECK(consents(a).checkDisclosure(r.entry, r.basis) == r.expected);
        CHECK_FALSE(consents(a).disclose(r.entry, r.basis));
        CHECK(consents(a).refused());
        CHECK(consents(a).message() == r.expected);
        CHECK(disclosures(a.store()) == 0);
        CHECK(domain::Repository(a.store()).notes(caseId).size() == notesBefore);
    }
    CHECK(refusedInAudit(a.store(), note));

    // The same note under §65 Abs. 1 S. 1 Nr. 4 with a reason goes through.
    REQUIRE(consents(a).disclose(n, {{"exception", 4}, {"reason", "Gefährdungseinschätzung mit der insoweit erfahrenen Fachkraft"}}));
    CHECK(disclosures(a.store()) == 1);
    CHECK(noteRow(a, QStringLiteral("Anvertraut: die Schulden.")).value("disclosedLabel").toString().contains(
        QStringLiteral("nach § 65 Abs. 1 S. 1 Nr. 4 SGB VIII")));
}

TEST_CASE("CaseConsents: an incomplete consent form names each missing part in German and writes nothing", "[consent][app][errors]")
{
    SyncFixture f(0);
    Tablet a(f);
    const std::string caseId = a.addCase("Familie Demir");
    a.caseDetail.open(QString::fromStdString(caseId));
    struct Row {
        const char* what;
        QVariantMap change;
        const char* field;
        QString expected;
    };
    const std::vector<Row> table = {
        {"who", {{"consenting", " "}}, "consenting", QStringLiteral("Bitte angeben, wer einwilligt.")},
        {"data", {{"data", QStringList{}}}, "data", QStringLiteral("Bitte mindestens eine Art von Angaben wählen.")},
        {"purposes", {{"purposes", QStringList{}}}, "purposes", QStringLiteral("Bitte mindestens einen Zweck wählen.")},
        {"recipients", {{"recipients", QStringList{}}}, "recipients", QStringLiteral("Bitte angeben, an wen weitergegeben werden darf.")},
        {"form", {{"form", "telepathisch"}}, "form", QStringLiteral("Bitte die Form der Einwilligung wählen.")},
        {"from", {{"validFrom", "2026-02-30"}}, "validFrom", QStringLiteral("Kein gültiges Datum.")},
        {"until", {{"validUntil", "morgen"}}, "validUntil", QStringLiteral("Kein gültiges Datum.")},
        {"until before from", {{"validFrom", "2026-05-01"}, {"validUntil", "2026-04-30"}}, "validUntil",
         QStringLiteral("Das Ende liegt vor dem Beginn.")},
    };
    for (const Row& r : table) {
        INFO(r.what);
        QVariantMap form = consentForm(QStringLiteral("Elif Demir"));
        form.insert(r.change);
        CHECK_FALSE(consents(a).addConsent(form));
        CHECK(consents(a).refused());
        CHECK(consents(a).errors().value(QString::fromLatin1(r.field)).toString() == r.expected);
        CHECK(consents(a).errors().size() == 1);
        CHECK(a.store().list(sync::consent::kConsentType).empty());
    }
    // Withdrawing a consent that is not there says the record is gone; nothing written.
    CHECK_FALSE(consents(a).withdraw(QStringLiteral("0123456789abcdef0123456789abcdef"), {}));
    CHECK(a.caseDetail.errorMessage() == QStringLiteral("Dieser Eintrag ist nicht (mehr) vorhanden."));
}
