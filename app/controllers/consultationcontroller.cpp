#include "controllers/consultationcontroller.h"

#include "adapters/domainlabels.h"

#include "domain/repository.h"
#include "sync/store/store.h"
#include "team/consultation.h"
#include "team/pseudonym.h"

namespace quartier::app {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& v) { return v.trimmed().toStdString(); }

template <class E>
QString label(const char* kind, E e)
{
    return choiceLabel(QString::fromLatin1(kind), q(std::string(domain::to_string(e))));
}

QString stateLabel(team::Card::State st)
{
    switch (st) {
    case team::Card::State::Prepared: return ConsultationController::tr("im Team");
    case team::Card::State::Recommended: return ConsultationController::tr("Empfehlung liegt vor");
    case team::Card::State::TakenBack: return ConsultationController::tr("in den Fall übernommen");
    }
    return {};
}

QVariantMap summary(const team::Card& c)
{
    return {{"id", q(c.id)},
            {"pseudonym", q(c.pseudonym)},
            {"socialSpace", q(c.social_space)},
            {"question", q(c.question)},
            {"state", QString::fromLatin1(team::to_string(c.state))},
            {"stateLabel", stateLabel(c.state)},
            {"preparedOn", germanDate(q(c.prepared_on))},
            {"preparedBy", q(c.prepared_by)}};
}

QVariantMap cardMap(const team::Card& c, bool holdsCase)
{
    QVariantMap m = summary(c);
    const QString riskKey = c.risk ? q(std::string(domain::to_string(*c.risk))) : QString();
    m["riskKey"] = riskKey;
    m["risk"] = c.risk ? label("risk_area", *c.risk) : ConsultationController::tr("Nicht eingeordnet");
    m["networkOf"] = q(c.network_of);
    QVariantList wills, goals, resources, network, ideas, items;
    for (const auto& w : c.wills)
        wills << QVariantMap{{"role", q(w.role)}, {"text", q(w.text)}, {"ownContribution", q(w.own_contribution)}, {"will", w.will}};
    for (const auto& g : c.goals)
        goals << QVariantMap{{"text", q(g.text)}, {"level", label("goal_level", g.level)}, {"scaleNow", g.scale_now},
                             {"scaleTarget", g.scale_target}};
    for (const auto& r : c.resources)
        resources << QVariantMap{{"area", label("resource_area", r.area)}, {"role", q(r.role)}, {"text", q(r.text)}};
    for (const auto& n : c.network)
        network << QVariantMap{{"label", q(n.label)}, {"sector", label("network_sector", n.sector)}, {"distance", n.distance},
                               {"quality", label("contact_quality", n.quality)}, {"qualityKey", q(std::string(domain::to_string(n.quality)))},
                               {"note", q(n.note)}};
    for (const auto& i : c.ideas)
        ideas << QVariantMap{{"text", q(i.text)}, {"by", q(i.by)}, {"at", germanDate(q(i.at))}};
    for (const auto& i : c.recommendation_items)
        items << QVariantMap{{"who", q(i.who)}, {"brings", q(i.brings)}};
    m["wills"] = wills;
    m["goals"] = goals;
    m["resources"] = resources;
    m["network"] = network;
    m["ideas"] = ideas;
    m["items"] = items;
    m["recommendation"] = q(c.recommendation);
    m["takenBackOn"] = germanDate(q(c.taken_back_on));
    m["holdsCase"] = holdsCase;
    return m;
}

// Whether this device holds the case the card is about (it can tell: it knows the case ids).
bool holdsCaseOf(const sync::Store& store, const team::Card& c)
{
    for (const sync::Record* r : store.list(domain::Case::kType))
        if (team::case_pseudonym(r->id) == c.pseudonym)
            return true;
    return false;
}

}  // namespace

ConsultationController::ConsultationController(QObject* parent) : QObject(parent) {}

void ConsultationController::setStore(sync::Store* store)
{
    m_store = store;
    m_cardId.clear();
    m_message.clear();
    refresh();
}

void ConsultationController::setStoreBusy(bool busy)
{
    if (m_reads.setBusy(busy))
        refresh();
}

void ConsultationController::refresh()
{
    if (!m_reads.mayRead(m_store != nullptr))
        return;
    read();
    emit changed();
}

void ConsultationController::read()
{
    m_cards.clear();
    m_card.clear();
    if (!m_store)
        return;
    const team::Cards all = team::load_all(*m_store);
    for (auto it = all.cards.rbegin(); it != all.cards.rend(); ++it)
        m_cards << summary(*it);
    if (m_cardId.isEmpty())
        return;
    if (auto c = team::load(*m_store, s(m_cardId)))
        m_card = cardMap(*c, holdsCaseOf(*m_store, *c));
}

bool ConsultationController::writable()
{
    if (m_store && !m_reads.busy())
        return true;
    done(false, m_store ? tr("Gerade wird synchronisiert: Bitte gleich noch einmal.") : tr("Das Gerät ist gesperrt."));
    return false;
}

void ConsultationController::done(bool ok, const QString& message)
{
    m_message = message;
    m_error = !ok;
    if (m_store && !m_reads.busy())
        read();
    emit changed();
}

QVariantMap ConsultationController::preview(const QString& caseId, const QString& question, const QString& worker,
                                            const QString& today)
{
    if (!m_store || m_reads.busy())
        return {};
    const domain::Repository repository(*m_store);
    // Before a question is typed, the card shows where it will stand.
    const QString asked = question.trimmed().isEmpty() ? tr("(die Frage an das Team)") : question;
    auto c = team::prepare(repository, s(caseId), s(asked), s(worker), s(today));
    if (!c)
        return {};
    return cardMap(*c, true);
}

QString ConsultationController::submit(const QString& caseId, const QString& question, const QString& worker,
                                       const QString& today)
{
    if (!writable())
        return {};
    if (question.trimmed().isEmpty()) {
        done(false, tr("Bitte die Frage an das Team eintragen."));
        return {};
    }
    const domain::Repository repository(*m_store);
    auto c = team::prepare(repository, s(caseId), s(question), s(worker), s(today));
    if (!c) {
        done(false, tr("Die Beratung kann nicht vorbereitet werden: %1").arg(q(c.detail())));
        return {};
    }
    auto id = team::save(*m_store, *c);
    if (!id) {
        done(false, id.error() == domain::Error::Denied
                        ? tr("Dieses Gerät gehört zu keinem Sozialraumteam (oder zu mehreren): Die Beratung kann nicht ins Team gehen.")
                        : tr("Die Beratung wurde nicht gespeichert: %1").arg(q(id.detail())));
        return {};
    }
    done(true, tr("Die Beratung ist im Team: %1. Mit der nächsten Synchronisation sieht das Team sie.").arg(q(c->pseudonym)));
    return q(*id);
}

QVariantList ConsultationController::cardsOfCase(const QString& caseId) const
{
    QVariantList out;
    const QString pseudonym = q(team::case_pseudonym(s(caseId)));
    for (const QVariant& v : m_cards)
        if (v.toMap().value("pseudonym") == pseudonym)
            out << v;
    return out;
}

void ConsultationController::openCard(const QString& id)
{
    m_cardId = id;
    m_message.clear();
    refresh();
}

void ConsultationController::closeCard()
{
    m_cardId.clear();
    m_card.clear();
    m_message.clear();
    emit changed();
}

bool ConsultationController::addIdea(const QString& text, const QString& by, const QString& today)
{
    if (!writable())
        return false;
    auto r = team::add_idea(*m_store, s(m_cardId), s(text), s(by), s(today));
    done(r.ok(), r ? tr("Idee festgehalten.") : r.error() == domain::Error::Invalid && text.trimmed().isEmpty()
                                                    ? tr("Bitte die Idee eintragen.")
                                                    : tr("Die Idee wurde nicht gespeichert: %1").arg(q(r.detail())));
    return r.ok();
}

bool ConsultationController::recommend(const QString& text, const QVariantList& items)
{
    if (!writable())
        return false;
    std::vector<team::Card::Item> rows;
    for (const QVariant& v : items) {
        const QVariantMap m = v.toMap();
        if (m.value("who").toString().trimmed().isEmpty() && m.value("brings").toString().trimmed().isEmpty())
            continue;
        rows.push_back({s(m.value("who").toString()), s(m.value("brings").toString())});
    }
    auto r = team::recommend(*m_store, s(m_cardId), s(text), rows);
    done(r.ok(), r ? tr("Die Empfehlung des Teams ist festgehalten.")
                   : text.trimmed().isEmpty() ? tr("Bitte die Empfehlung eintragen.")
                                              : tr("Die Empfehlung wurde nicht gespeichert: %1").arg(q(r.detail())));
    return r.ok();
}

bool ConsultationController::takeBack(const QString& worker, const QString& now)
{
    if (!writable())
        return false;
    domain::Repository repository(*m_store);
    auto r = team::take_back(repository, s(m_cardId), s(now), s(worker));
    if (!r) {
        done(false, r.error() == domain::Error::Denied ? tr("Dieses Gerät hat den Fall nicht: Übernehmen kann nur die Fachkraft des Falls.")
                                                       : tr("Die Empfehlung wurde nicht übernommen: %1").arg(q(r.detail())));
        return false;
    }
    done(true, tr("Die Empfehlung steht jetzt als Vermerk im Fall."));
    emit caseWritten();
    return true;
}

}  // namespace quartier::app
