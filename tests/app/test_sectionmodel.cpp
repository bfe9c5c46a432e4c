// SectionModel under QAbstractItemModelTester: roles from row keys (the row's "id" as recordId),
// in-place updates when the rows keep their ids (delegates survive an edit), resets otherwise.
#include "models/sectionmodel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using quartier::app::SectionModel;

namespace {

QVariantMap row(const QString& id, const QString& text, int scale)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("content"), text}, {QStringLiteral("scale"), scale}};
}

int roleOf(const SectionModel& model, const QByteArray& name) { return model.roleNames().key(name, -1); }

}  // namespace

TEST_CASE("SectionModel exposes row keys as roles", "[section]")
{
    SectionModel model({"content", "scale"});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy countSpy(&model, &SectionModel::countChanged);

    CHECK(model.rowCount() == 0);
    CHECK(model.roleNames().size() == 3);
    REQUIRE(roleOf(model, "recordId") > Qt::UserRole);
    CHECK(roleOf(model, "id") == -1);  // a QML property cannot be named id

    model.setRows({row("a", "Kochgruppe", 3), row("b", "Fußball", 5)});
    CHECK(countSpy.count() == 1);
    REQUIRE(model.rowCount() == 2);
    CHECK(model.data(model.index(1), roleOf(model, "recordId")).toString() == QStringLiteral("b"));
    CHECK(model.data(model.index(1), roleOf(model, "content")).toString() == QStringLiteral("Fußball"));
    CHECK(model.data(model.index(0), roleOf(model, "scale")).toInt() == 3);
    CHECK(model.data(model.index(0), Qt::DisplayRole).toString() == QStringLiteral("a"));
    CHECK_FALSE(model.data(model.index(0), Qt::UserRole + 99).isValid());
    CHECK(model.get(1).value(QStringLiteral("content")).toString() == QStringLiteral("Fußball"));
    CHECK(model.get(2).isEmpty());
    CHECK(model.indexOf(QStringLiteral("b")) == 1);
    CHECK(model.indexOf(QStringLiteral("x")) == -1);

    SECTION("the same ids update in place, only the changed rows")
    {
        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);
        model.setRows({row("a", "Kochgruppe", 7), row("b", "Fußball", 5)});
        CHECK(resetSpy.count() == 0);
        REQUIRE(changedSpy.count() == 1);
        CHECK(changedSpy.at(0).at(0).toModelIndex().row() == 0);
        CHECK(model.data(model.index(0), roleOf(model, "scale")).toInt() == 7);
        CHECK(countSpy.count() == 1);
    }

    SECTION("other ids or another order reset")
    {
        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
        model.setRows({row("b", "Fußball", 5), row("a", "Kochgruppe", 3)});
        CHECK(resetSpy.count() == 1);
        CHECK(model.data(model.index(0), roleOf(model, "recordId")).toString() == QStringLiteral("b"));
        model.setRows({row("b", "Fußball", 5)});
        CHECK(resetSpy.count() == 2);
        CHECK(countSpy.count() == 2);
        model.clear();
        CHECK(model.rowCount() == 0);
        CHECK(countSpy.count() == 3);
    }
}
