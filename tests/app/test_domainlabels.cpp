// The UI's words for the domain's codes: every value of every choice list has a German label of
// its own, and every validation reason gives a message that names the field.
#include "adapters/domainlabels.h"

#include "domain/types.h"

#include <catch2/catch.hpp>

#include <QSet>
#include <QVariantMap>

using namespace quartier::app;
namespace qd = quartier::domain;

TEST_CASE("Every choice value has its own German label", "[labels]")
{
    const QStringList kinds{"case_status", "member_role", "contact_kind", "contact_status", "child_seen",
                            "goal_level", "goal_status", "step_status", "resource_area", "network_sector",
                            "contact_quality", "risk_area", "mandate_kind", "mandate_status",
                            "requirement_status", "feedback_status", "barrier", "how_category", "offer_category", "paragraph"};
    for (const QString& kind : kinds) {
        INFO(kind.toStdString());
        const QVariantList choices = choiceList(kind);
        REQUIRE_FALSE(choices.isEmpty());
        QSet<QString> labels;
        for (const QVariant& c : choices) {
            const QString value = c.toMap().value(QStringLiteral("value")).toString();
            const QString label = c.toMap().value(QStringLiteral("label")).toString();
            INFO(value.toStdString());
            CHECK_FALSE(label.isEmpty());
            CHECK(label != value);  // a label, not the identifier
            CHECK(choiceLabel(kind, value) == label);
            labels.insert(label);
        }
        CHECK(labels.size() == choices.size());
    }
    CHECK(choiceList(QStringLiteral("case_status")).size() == int(qd::all_values<qd::CaseStatus>().size()));
    // Every how category but the unassigned one ("") is a choice.
    CHECK(choiceList(QStringLiteral("how_category")).size() == int(qd::all_values<qd::HowCategory>().size()) - 1);
    CHECK(choiceLabel(QStringLiteral("risk_area"), QStringLiteral("danger")) == QStringLiteral("Gefährdungsbereich"));
    CHECK(choiceLabel(QStringLiteral("contact_quality"), QStringLiteral("stressful")) == QStringLiteral("Belastend"));
    CHECK(choiceLabel(QStringLiteral("paragraph"), QStringLiteral("31")) == QStringLiteral("§ 31 SGB VIII"));
    CHECK(choiceLabel(QStringLiteral("risk_area"), QStringLiteral("nonsense")) == QStringLiteral("nonsense"));
    CHECK(choiceList(QStringLiteral("no_such_kind")).isEmpty());
}

TEST_CASE("Issues become German messages naming the field", "[labels]")
{
    CHECK(issueMessage({"deadline", qd::Reason::BeforeStart, "x"}) == QStringLiteral("Frist: Das Datum liegt vor dem Beginn."));
    CHECK(issueMessage({"name", qd::Reason::Required, ""}) == QStringLiteral("Name: Bitte ausfüllen."));
    CHECK(issueMessage({"opened_on", qd::Reason::Malformed, ""}).contains(QStringLiteral("TT.MM.JJJJ")));
    CHECK(issueMessage({"scale_now", qd::Reason::OutOfRange, ""}).contains(QStringLiteral("0 bis 10")));
    CHECK(issueMessage({"contacts[2].distance", qd::Reason::OutOfRange, ""}) ==
          QStringLiteral("Eintrag 3: Ring: Bitte einen Ring von 1 (nah) bis 3 (fern) wählen."));
    CHECK(issueMessage({"case_id", qd::Reason::NotInDangerArea, ""}).contains(QStringLiteral("Gefährdungsbereich")));
    CHECK(issueMessage({"will_statement_id", qd::Reason::IsWish, ""}).contains(QStringLiteral("Wunsch")));
    // Every reason has its own text, and never the English detail.
    const qd::Reason reasons[] = {qd::Reason::Required, qd::Reason::Malformed, qd::Reason::UnknownValue,
                                  qd::Reason::OutOfRange, qd::Reason::BeforeStart, qd::Reason::UnknownReference,
                                  qd::Reason::OtherCase, qd::Reason::Duplicate, qd::Reason::NotInDangerArea,
                                  qd::Reason::NeedsConcern, qd::Reason::IsWish, qd::Reason::NotAllowed,
                                  qd::Reason::Immutable};
    QSet<QString> texts;
    for (qd::Reason r : reasons) {
        const QString message = issueMessage({"text", r, "english detail"});
        CHECK(message.startsWith(QStringLiteral("Text: ")));
        CHECK_FALSE(message.contains(QStringLiteral("english detail")));
        texts.insert(message);
    }
    CHECK(texts.size() == int(std::size(reasons)));
    CHECK(fieldLabel(QStringLiteral("unknown_field")) == QStringLiteral("unknown_field"));
}

TEST_CASE("Dates are shown as TT.MM.JJJJ and typed input becomes ISO or a clear refusal", "[labels][dates]")
{
    CHECK(germanDate(QStringLiteral("2019-03-07")) == QStringLiteral("07.03.2019"));
    CHECK(germanDate(QString()).isEmpty());
    CHECK(germanDate(QStringLiteral("2019-3-7")) == QStringLiteral("2019-3-7"));  // not ISO: as it is
    CHECK(parseDateInput(QStringLiteral("07.03.2019")) == QStringLiteral("2019-03-07"));
    CHECK(parseDateInput(QStringLiteral(" 7.3.2019 ")) == QStringLiteral("2019-03-07"));
    CHECK(parseDateInput(QStringLiteral("2019-03-07")) == QStringLiteral("2019-03-07"));
    CHECK(parseDateInput(QStringLiteral("29.02.2024")) == QStringLiteral("2024-02-29"));  // a leap year
    CHECK(parseDateInput(QStringLiteral("  ")) == QString());
    for (const char* bad : {"29.02.2023", "31.04.2026", "00.01.2026", "2026-13-01", "2026-02-30", "7.3.19",
                            "morgen", "07/03/2019", "07.03.2019x"}) {
        INFO(bad);
        CHECK_FALSE(parseDateInput(QString::fromLatin1(bad)).has_value());
    }
}
