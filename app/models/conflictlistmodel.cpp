#include "models/conflictlistmodel.h"

#include "adapters/domainlabels.h"
#include "adapters/issuetext.h"

#include "crypto/crypto.h"
#include "domain/repository.h"
#include "offers/offers.h"
#include "sync/core/hlc.h"
#include "sync/store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace quartier::app {

namespace {

// Save options that report a refusal's issues (and, for a new record, name its scope).
domain::SaveOptions reporting(domain::Issues& issues, const sync::ScopeId* scope = nullptr)
{
    domain::SaveOptions options;
    options.scope = scope;
    options.issues = &issues;
    return options;
}

}  // namespace

namespace {

using M = ConflictListModel;

// The versions of a row as the page lists them: [{value, display, author, when, winner, action}].
QVariant versions(const M&, const M::Row& row)
{
    QVariantList out;
    for (const M::Version& v : row.versions) {
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(v.timeMs);
        out.push_back(QVariantMap{{QStringLiteral("value"), v.value},
                                  {QStringLiteral("display"), M::valueLabel(row.type, row.field, v.value)},
                                  {QStringLiteral("author"), v.author},
                                  {QStringLiteral("when"), QLocale().toString(when, QStringLiteral("dd.MM.yyyy, HH:mm"))},
                                  {QStringLiteral("winner"), v.winner},
                                  {QStringLiteral("action"), v.action}});
    }
    return out;
}

QVariant fieldText(const M&, const M::Row& row)
{
    return row.kind == M::Kind::Delete ? ConflictListModel::tr("gelöscht und zugleich bearbeitet") : M::fieldLabel(row.field);
}

const RoleColumn<M, M::Row> kRoles[] = {
    {M::TitleRole, "title", rowMember<&M::Row::title>},
    {M::RecordIdRole, "recordId", rowMember<&M::Row::recordId>},
    {M::TypeRole, "type", rowMember<&M::Row::type>},
    {M::TypeLabelRole, "typeLabel", [](const M&, const M::Row& row) { return QVariant(M::typeLabel(row.type)); }},
    {M::FieldRole, "field", rowMember<&M::Row::field>},
    {M::FieldLabelRole, "fieldLabel", fieldText},
    {M::KindRole, "kind", [](const M&, const M::Row& row) { return QVariant(int(row.kind)); }},
    {M::VersionsRole, "versions", versions},
};

}  // namespace

ConflictListModel::ConflictListModel(QObject* parent) : StoreListModel(parent)
{
    setRoles(kRoles, [](const ConflictListModel& m, int row) -> const Row& { return m.m_rows[std::size_t(row)]; });
}

void ConflictListModel::setStore(sync::Store* store)
{
    m_store = store;
    setError({});
    refresh();
}

void ConflictListModel::reread()
{
    resetRows([this] { readRows(); });
}

QString ConflictListModel::typeLabel(const QString& type)
{
    static constexpr IdLabel labels[] = {
        {"case", QT_TRANSLATE_NOOP("ConflictListModel", "Fall")},
        {"person", QT_TRANSLATE_NOOP("ConflictListModel", "Person")},
        {"case_member", QT_TRANSLATE_NOOP("ConflictListModel", "Familienmitglied")},
        {"contact_event", QT_TRANSLATE_NOOP("ConflictListModel", "Hausbesuch / Kontakt")},
        {"note", QT_TRANSLATE_NOOP("ConflictListModel", "Vermerk")},
        {"will_statement", QT_TRANSLATE_NOOP("ConflictListModel", "Wille")},
        {"goal", QT_TRANSLATE_NOOP("ConflictListModel", "Ziel")},
        {"action_step", QT_TRANSLATE_NOOP("ConflictListModel", "Handlungsschritt")},
        {"resource", QT_TRANSLATE_NOOP("ConflictListModel", "Ressource")},
        {"network_map", QT_TRANSLATE_NOOP("ConflictListModel", "Netzwerkkarte")},
        {"service_feedback", QT_TRANSLATE_NOOP("ConflictListModel", "Angebotsbezug")},
        {"risk_assessment", QT_TRANSLATE_NOOP("ConflictListModel", "Falleinordnung")},
        {"mandate", QT_TRANSLATE_NOOP("ConflictListModel", "Auftrag")},
        {"requirement", QT_TRANSLATE_NOOP("ConflictListModel", "Auflage")},
        {"measure", QT_TRANSLATE_NOOP("ConflictListModel", "Hilfe")},
        {"progress_report", QT_TRANSLATE_NOOP("ConflictListModel", "Verlaufsbericht")},
        {"service", QT_TRANSLATE_NOOP("ConflictListModel", "Angebot")},
        {"organization", QT_TRANSLATE_NOOP("ConflictListModel", "Träger")},
        {"social_space", QT_TRANSLATE_NOOP("ConflictListModel", "Sozialraum")},
    };
    return labelFor(labels, type, "ConflictListModel");
}

QString ConflictListModel::fieldLabel(const QString& field)
{
    static constexpr IdLabel labels[] = {
        {"name", QT_TRANSLATE_NOOP("ConflictListModel", "Name")},
        {"status", QT_TRANSLATE_NOOP("ConflictListModel", "Status")},
        {"social_space", QT_TRANSLATE_NOOP("ConflictListModel", "Sozialraum")},
        {"lead_worker", QT_TRANSLATE_NOOP("ConflictListModel", "Fallführende Fachkraft")},
        {"text", QT_TRANSLATE_NOOP("ConflictListModel", "Text")},
        {"summary", QT_TRANSLATE_NOOP("ConflictListModel", "Zusammenfassung")},
        {"participants", QT_TRANSLATE_NOOP("ConflictListModel", "Beteiligte")},
        {"child_seen", QT_TRANSLATE_NOOP("ConflictListModel", "Kind gesehen")},
        {"own_contribution", QT_TRANSLATE_NOOP("ConflictListModel", "Eigener Beitrag")},
        {"wanted", QT_TRANSLATE_NOOP("ConflictListModel", "Was fehlt")},
        {"how_it_would_have_to_be", QT_TRANSLATE_NOOP("ConflictListModel", "Wie es sein müsste")},
        {"barriers", QT_TRANSLATE_NOOP("ConflictListModel", "Hürden")},
        {"times", QT_TRANSLATE_NOOP("ConflictListModel", "Zeiten")},
        {"place", QT_TRANSLATE_NOOP("ConflictListModel", "Ort")},
        {"description", QT_TRANSLATE_NOOP("ConflictListModel", "Beschreibung")},
    };
    // A field this short list lacks is named as everywhere else (DomainLabels), never by its id.
    const QString own = labelFor(labels, field, "ConflictListModel");
    return own != field ? own : quartier::app::fieldLabel(field);
}

QString ConflictListModel::valueLabel(const QString& type, const QString& field, const QString& value)
{
    // The domain's identifiers in the words DomainLabels gives them everywhere else.
    if (type == QLatin1String("case") && field == QLatin1String("status"))
        return choiceLabel(QStringLiteral("case_status"), value);
    if (field == QLatin1String("child_seen"))
        return choiceLabel(QStringLiteral("child_seen"), value);
    if (type == QLatin1String("contact_event") && field == QLatin1String("status"))
        return choiceLabel(QStringLiteral("contact_status"), value);
    if (type == QLatin1String("service_feedback") && field == QLatin1String("status"))
        return choiceLabel(QStringLiteral("feedback_status"), value);
    if (value == QLatin1String("true"))
        return tr("ja");
    if (value == QLatin1String("false"))
        return tr("nein");
    return germanDate(value);  // an ISO date as TT.MM.JJJJ; anything else as it is
}

void ConflictListModel::readRows()
{
    m_rows.clear();
    if (!m_store)
        return;
    const sync::Directory& directory = m_store->directory();
    const auto authorName = [&](const crypto::DeviceId& id) {
        if (id == m_store->device().id())
            return tr("dieses Gerät");
        const sync::DeviceInfo* device = directory.device(id);
        return device && !device->name.empty() ? QString::fromStdString(device->name)
                                               : QString::fromStdString(crypto::to_hex(id).substr(0, 8));
    };
    for (const sync::Record* record : m_store->list()) {
        if (!record || record->deleted() || !record->conflicted())
            continue;
        // What the record is about: its own name, or its case's name. A delete may have taken
        // both away (only the concurrent edit is left): then their values before it.
        const auto lastValue = [&](const char* field) {
            if (auto v = record->value(field))
                return *v;
            auto h = m_store->history(record->id, field);
            return h && !h->empty() ? h->back().value : std::string();
        };
        QString title = QString::fromStdString(lastValue("name"));
        if (title.isEmpty()) {
            if (const sync::Record* kase = m_store->get(lastValue("case_id")))
                title = QString::fromStdString(kase->value("name").value_or(std::string()));
        }
        if (record->delete_conflict()) {
            // The edit: every field left (a delete removes the heads it saw, so what is left is
            // what it did not see), its newest author and time; the deletion: its newest tombstone.
            Row row{QString::fromStdString(record->id), QString::fromStdString(record->type), title, {}, {}, Kind::Delete};
            QStringList edited;
            const sync::FieldVersion* newest = nullptr;
            for (const auto& [field, state] : record->fields) {
                const QString name = QString::fromStdString(field);
                edited << tr("%1: %2").arg(fieldLabel(name),
                                           valueLabel(row.type, name, QString::fromStdString(state.winner().value)));
                for (const sync::FieldVersion& head : state.heads)
                    if (!newest || head.hlc > newest->hlc)
                        newest = &head;
            }
            const sync::FieldVersion* tombstone = &record->deletes.front();
            for (const sync::FieldVersion& d : record->deletes)
                if (d.hlc > tombstone->hlc)
                    tombstone = &d;
            row.versions.push_back(Version{edited.join(QLatin1Char('\n')), authorName(newest->author),
                                           qint64(sync::Hlc::physical_ms(newest->hlc)), true, QStringLiteral("keep")});
            row.versions.push_back(Version{tr("Gelöscht"), authorName(tombstone->author),
                                           qint64(sync::Hlc::physical_ms(tombstone->hlc)), false, QStringLiteral("delete")});
            m_rows.push_back(std::move(row));
        }
        for (const auto& [field, state] : record->fields) {
            if (!state.conflicted())
                continue;
            Row row{QString::fromStdString(record->id), QString::fromStdString(record->type), title,
                    QString::fromStdString(field), {}};
            for (std::size_t i = 0; i < state.heads.size(); ++i) {
                const sync::FieldVersion& head = state.heads[i];
                row.versions.push_back(Version{QString::fromStdString(head.value), authorName(head.author),
                                               qint64(sync::Hlc::physical_ms(head.hlc)), i == 0, QStringLiteral("choose")});
            }
            m_rows.push_back(std::move(row));
        }
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
        return a.title != b.title ? a.title < b.title : a.recordId != b.recordId ? a.recordId < b.recordId : a.field < b.field;
    });
}

bool ConflictListModel::resolve(int row, int version)
{
    if (!m_store || storeLent() || row < 0 || row >= count()) {
        setError(tr("Gerade nicht möglich: Die Synchronisierung läuft. Bitte gleich noch einmal tippen."));
        return false;
    }
    const Row& r = m_rows[std::size_t(row)];
    if (version < 0 || version >= int(r.versions.size()))
        return false;
    if (r.kind == Kind::Delete)
        return settleDelete(r, version);
    const std::string id = r.recordId.toStdString();
    const std::string field = r.field.toStdString();
    const std::string value = r.versions[std::size_t(version)].value.toStdString();
    domain::Repository repo(*m_store);
    domain::Issues issues;
    auto done = repo.resolve(id, field, value, reporting(issues));
    if (!done && done.error() == domain::Error::WrongType) {
        // Not a domain record (the offer map's): settle with this existing version (invariant 3).
        sync::Writer writer(*m_store);
        if (writer.resolve(id, field, value) && writer.commit())
            done = domain::Result<void>();
    }
    return finish(r, bool(done), issues);
}

bool ConflictListModel::finish(const Row& r, bool done, const domain::Issues& issues)
{
    if (!done) {
        setError(issues.empty() ? tr("Die Auswahl konnte nicht gespeichert werden. Nichts wurde verändert.")
                                : issueTexts(r.type.toStdString(), issues).join(QLatin1Char(' ')));
        return false;
    }
    setError({});
    refresh();
    emit resolved();
    return true;
}

bool ConflictListModel::settleDelete(const Row& r, int version)
{
    const std::string id = r.recordId.toStdString();
    domain::Repository repo(*m_store);
    domain::Issues issues;
    domain::Result<void> done = version == kConfirmDelete ? repo.remove(id) : repo.keep_edit(id, reporting(issues));
    if (!done && done.error() == domain::Error::WrongType) {
        // The offer map's records: the same merge, its fields named by the offer schema.
        const sync::Record* record = m_store->get(id);
        std::vector<std::pair<std::string, std::string>> schema;
        if (record && record->type == offers::kServiceType)
            schema = offers::fields_of(offers::Service{});
        else if (record && record->type == offers::kOrganizationType)
            schema = offers::fields_of(offers::Organization{});
        else if (record && record->type == offers::kSocialSpaceType)
            schema = offers::fields_of(offers::SocialSpace{});
        sync::Writer writer(*m_store);
        bool staged = record && !schema.empty();
        if (staged && version == kConfirmDelete) {
            staged = bool(writer.remove(id));
        } else if (staged) {
            for (const auto& [field, unused] : schema) {
                if (record->fields.count(field))
                    continue;  // the edit, kept as it is
                auto h = m_store->history(id, field);
                if (h && !h->empty() && !writer.set(record->type, id, field, h->back().value))
                    staged = false;
            }
            if (staged && writer.size() == 0) {  // nothing taken away: the tombstone is superseded by a rewrite
                const auto& [field, state] = *record->fields.begin();
                staged = bool(writer.set(record->type, id, field, state.winner().value));
            }
        }
        if (staged && writer.commit())
            done = domain::Result<void>();
    }
    return finish(r, bool(done), issues);
}

}  // namespace quartier::app
