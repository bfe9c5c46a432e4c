// CaseListModel over a real store: records written through qs::Writer, roles, sorting, the
// search filter, refresh and emptying; every step under QAbstractItemModelTester.
#include "models/caselistmodel.h"

#include "domain/types.h"
#include "sync/store/store.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <filesystem>

using quartier::app::CaseListModel;
namespace qs = quartier::sync;
namespace d = quartier::domain;

namespace {

std::unique_ptr<qs::Store> makeStore(const QTemporaryDir& tmp)
{
    auto store = qs::Store::create(std::filesystem::path(tmp.filePath(QStringLiteral("store")).toStdString()),
                                     "eine Passphrase", quartier::crypto::PwhashParams{1, 8 * 1024 * 1024});
    REQUIRE(store);
    return std::move(store).value();
}

std::string addCase(qs::Writer& writer, const std::string& name, const std::string& space, const std::string& status)
{
    auto id = writer.set("case", {}, "name", name);
    REQUIRE(id);
    if (!space.empty())
        REQUIRE(writer.set("case", *id, "social_space", space));
    if (!status.empty())
        REQUIRE(writer.set("case", *id, "status", status));
    return *id;
}

QStringList names(const CaseListModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row), CaseListModel::NameRole).toString();
    return out;
}

}  // namespace

TEST_CASE("CaseListModel lists the store's cases", "[cases]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    auto store = makeStore(tmp);

    CaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy countSpy(&model, &CaseListModel::countChanged);

    CHECK(model.rowCount() == 0);
    model.setStore(store.get());
    CHECK(model.rowCount() == 0);  // an empty store

    std::string nowakId;
    {
        qs::Writer writer(*store);
        addCase(writer, "Familie Schulte", "Garstedt", "active");
        nowakId = addCase(writer, "Familie Nowak", "Harksheide-Mitte", "clarification");
        addCase(writer, "familie albers", "", "");
        REQUIRE(writer.set("note", {}, "text", "kein Fall"));  // other types stay out
        REQUIRE(writer.commit());
    }
    model.refresh();
    CHECK(countSpy.count() == 1);
    REQUIRE(model.rowCount() == 3);
    CHECK(model.totalCount() == 3);
    // Sorted by name, case-insensitively.
    CHECK(names(model) == QStringList{"familie albers", "Familie Nowak", "Familie Schulte"});

    const QModelIndex nowak = model.index(1);
    CHECK(model.data(nowak, CaseListModel::IdRole).toString() == QString::fromStdString(nowakId));
    CHECK(model.data(nowak, CaseListModel::SocialSpaceRole).toString() == QStringLiteral("Harksheide-Mitte"));
    CHECK(model.data(nowak, CaseListModel::StatusRole).toString() == QStringLiteral("clarification"));
    CHECK(model.data(nowak, CaseListModel::StatusLabelRole).toString() == QStringLiteral("In Klärung"));
    CHECK(model.data(nowak, CaseListModel::ConflictedRole).toBool() == false);
    CHECK(model.data(nowak, Qt::DisplayRole).toString() == QStringLiteral("Familie Nowak"));
    CHECK(model.data(model.index(0), CaseListModel::SocialSpaceRole).toString().isEmpty());

    const auto roles = model.roleNames();
    CHECK(roles.value(CaseListModel::NameRole) == "name");
    CHECK(roles.value(CaseListModel::SocialSpaceRole) == "socialSpace");
    CHECK(roles.value(CaseListModel::StatusRole) == "status");
    CHECK(roles.value(CaseListModel::StatusLabelRole) == "statusLabel");
    CHECK(roles.value(CaseListModel::IdRole) == "caseId");

    SECTION("the filter is a case-insensitive substring of the name")
    {
        QSignalSpy filterSpy(&model, &CaseListModel::filterChanged);
        model.setFilter(QStringLiteral("NOWAK"));
        CHECK(filterSpy.count() == 1);
        CHECK(names(model) == QStringList{"Familie Nowak"});
        CHECK(model.count() == 1);
        CHECK(model.totalCount() == 3);

        model.setFilter(QStringLiteral("familie"));
        CHECK(model.rowCount() == 3);
        model.setFilter(QStringLiteral("  alb "));  // surrounding blanks do not count
        CHECK(names(model) == QStringList{"familie albers"});
        model.setFilter(QStringLiteral("Garstedt"));  // the name only, not the social space
        CHECK(model.rowCount() == 0);
        model.setFilter({});
        CHECK(model.rowCount() == 3);
    }

    SECTION("edits and deletes show after refresh")
    {
        {
            qs::Writer writer(*store);
            REQUIRE(writer.set("case", nowakId, "name", "Familie Nowak-Berg"));
            REQUIRE(writer.commit());
        }
        {
            qs::Writer writer(*store);
            const auto albers = model.data(model.index(0), CaseListModel::IdRole).toString().toStdString();
            REQUIRE(writer.remove(albers));
            REQUIRE(writer.commit());
        }
        model.refresh();
        CHECK(names(model) == QStringList{"Familie Nowak-Berg", "Familie Schulte"});
    }

    SECTION("no store: empty")
    {
        model.setFilter(QStringLiteral("Familie"));
        model.setStore(nullptr);
        CHECK(model.rowCount() == 0);
        CHECK(model.totalCount() == 0);
        CHECK_FALSE(model.index(0).isValid());
    }
}

TEST_CASE("CaseListModel: status labels", "[cases]")
{
    CHECK(CaseListModel::statusLabel(QStringLiteral("new")) == QStringLiteral("Neu"));
    CHECK(CaseListModel::statusLabel(QStringLiteral("active")) == QStringLiteral("Aktiv"));
    CHECK(CaseListModel::statusLabel(QStringLiteral("closed")) == QStringLiteral("Abgeschlossen"));
    CHECK(CaseListModel::statusLabel(QStringLiteral("transferred")) == QStringLiteral("Abgegeben"));
    CHECK(CaseListModel::statusLabel(QStringLiteral("something else")) == QStringLiteral("something else"));
}

TEST_CASE("CaseListModel: every case status of the domain has a label and a filter", "[cases]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    auto store = makeStore(tmp);
    QStringList all;
    QStringList labels;
    {
        qs::Writer writer(*store);
        for (const d::CaseStatus status : d::all_values<d::CaseStatus>()) {
            const std::string id(d::to_string(status));
            all << QString::fromStdString(id);
            addCase(writer, "Familie " + id, "Garstedt", id);
            const QString label = CaseListModel::statusLabel(QString::fromStdString(id));
            INFO(id);
            CHECK_FALSE(label.isEmpty());
            CHECK(label != QString::fromStdString(id));  // a German word, not the stored identifier
            CHECK_FALSE(labels.contains(label));
            labels << label;
        }
        REQUIRE(writer.commit());
    }
    REQUIRE(all.size() == 5);
    CaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStore(store.get());
    CHECK(model.statuses() == all);  // a chip for every status, in the domain's order
    for (const QString& status : all) {
        INFO(status.toStdString());
        model.setStatusFilter(status);
        REQUIRE(model.rowCount() == 1);
        CHECK(model.data(model.index(0), CaseListModel::StatusRole).toString() == status);
        CHECK(model.data(model.index(0), CaseListModel::StatusLabelRole).toString() == CaseListModel::statusLabel(status));
    }
}

TEST_CASE("CaseListModel filters by social space, status and my cases", "[cases]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    auto store = makeStore(tmp);
    {
        qs::Writer writer(*store);
        const auto demir = addCase(writer, "Familie Demir", "Garstedt", "active");
        const auto nowak = addCase(writer, "Familie Nowak", "Harksheide-Mitte", "clarification");
        addCase(writer, "Familie Albers", "Garstedt", "new");
        const auto schulte = addCase(writer, "Familie Schulte", "Garstedt", "active");
        REQUIRE(writer.set("case", demir, "lead_worker", "A. Berger"));
        REQUIRE(writer.set("case", nowak, "lead_worker", "a. berger "));
        REQUIRE(writer.set("case", schulte, "lead_worker", "B. Yilmaz"));
        REQUIRE(writer.commit());
    }

    CaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy choices(&model, &CaseListModel::choicesChanged);
    model.setStore(store.get());
    CHECK(choices.count() == 1);
    CHECK(model.socialSpaces() == QStringList{"Garstedt", "Harksheide-Mitte"});
    CHECK(model.statuses() == QStringList{"new", "active", "clarification"});  // in the order of a case's life
    // The chips' labels: the domain's words, in the language of the moment (a switch refreshes).
    const QVariantList chips = model.statusChoices();
    REQUIRE(chips.size() == 3);
    CHECK(chips[1].toMap().value(QStringLiteral("id")).toString() == QStringLiteral("active"));
    CHECK(chips[1].toMap().value(QStringLiteral("label")).toString() == QStringLiteral("Aktiv"));
    CHECK(chips[2].toMap().value(QStringLiteral("label")).toString() == QStringLiteral("In Klärung"));
    CHECK_FALSE(model.filtering());
    CHECK(model.myWorker().isEmpty());

    QSignalSpy filterSpy(&model, &CaseListModel::filterChanged);
    model.setSocialSpaceFilter(QStringLiteral("Garstedt"));
    CHECK(filterSpy.count() == 1);
    CHECK(model.filtering());
    CHECK(names(model) == QStringList{"Familie Albers", "Familie Demir", "Familie Schulte"});
    model.setStatusFilter(QStringLiteral("active"));
    CHECK(names(model) == QStringList{"Familie Demir", "Familie Schulte"});
    model.setFilter(QStringLiteral("schul"));
    CHECK(names(model) == QStringList{"Familie Schulte"});
    CHECK(model.totalCount() == 4);

    model.clearFilters();
    CHECK_FALSE(model.filtering());
    CHECK(model.filter().isEmpty());
    CHECK(model.rowCount() == 4);

    // "Meine Fälle" with no worker named shows nothing: nothing is mine yet.
    model.setMineOnly(true);
    CHECK(model.rowCount() == 0);
    REQUIRE(store->set_setting(CaseListModel::kWorkerSetting, "A. Berger"));
    QSignalSpy workerSpy(&model, &CaseListModel::myWorkerChanged);
    model.refresh();
    CHECK(workerSpy.count() == 1);
    CHECK(model.myWorker() == QStringLiteral("A. Berger"));
    // The lead worker matches without regard to case and surrounding blanks.
    CHECK(names(model) == QStringList{"Familie Demir", "Familie Nowak"});
    CHECK(model.data(model.index(0), CaseListModel::MineRole).toBool());
    CHECK(model.data(model.index(0), CaseListModel::LeadWorkerRole).toString() == QStringLiteral("A. Berger"));
    model.setStatusFilter(QStringLiteral("clarification"));
    CHECK(names(model) == QStringList{"Familie Nowak"});
    model.setMineOnly(false);
    model.setSocialSpaceFilter(QStringLiteral("Glashütte"));  // no case there: nothing, until cleared
    CHECK(model.rowCount() == 0);
    model.setSocialSpaceFilter({});
    model.setStatusFilter({});
    CHECK(model.rowCount() == 4);
    CHECK(model.data(model.index(3), CaseListModel::MineRole).toBool() == false);  // Schulte: B. Yilmaz

    // Locking empties the list and forgets the worker.
    model.setStore(nullptr);
    CHECK(model.rowCount() == 0);
    CHECK(model.myWorker().isEmpty());
    CHECK(model.socialSpaces().isEmpty());
}
