#include "controllers/offereditcontroller.h"

#include "models/offerlistmodel.h"
#include "adapters/storeproblem.h"

#include "offers/offers.h"
#include "sync/store/store.h"

#include <string>
#include <utility>

namespace quartier::app {

namespace {

std::string text(const QVariantMap& values, const char* field)
{
    return values.value(QLatin1String(field)).toString().trimmed().toStdString();
}

// The offer's fields that are plain text, by their name in the form's values.
using Service = offers::Service;
const std::pair<const char*, std::string Service::*> kTextFields[] = {
    {"name", &Service::name}, {"organization", &Service::organization}, {"social_space", &Service::social_space},
    {"description", &Service::description}, {"place", &Service::place}, {"address", &Service::address},
    {"times", &Service::times}, {"cost_note", &Service::cost_note}, {"phone", &Service::phone},
    {"email", &Service::email}, {"website", &Service::website}, {"languages", &Service::languages},
    {"inclusion", &Service::inclusion},
};

}  // namespace

const QStringList& OfferEditController::fieldNames()
{
    static const QStringList names = {
        QStringLiteral("name"),      QStringLiteral("organization"), QStringLiteral("category"),
        QStringLiteral("social_space"), QStringLiteral("description"), QStringLiteral("place"),
        QStringLiteral("address"),   QStringLiteral("times"),        QStringLiteral("age_min"),
        QStringLiteral("age_max"),   QStringLiteral("cost"),         QStringLiteral("cost_note"),
        QStringLiteral("access"),    QStringLiteral("phone"),        QStringLiteral("email"),
        QStringLiteral("website"),   QStringLiteral("languages"),    QStringLiteral("inclusion"),
    };
    return names;
}

OfferEditController::OfferEditController(OfferListModel& offers, QObject* parent)
    : QObject(parent), m_offers(offers), m_today([] { return QDate::currentDate(); })
{
}

void OfferEditController::setStore(sync::Store* store)
{
    m_store = store;
    if (!m_store)
        cancel();  // locked: nothing of an offer stays in memory here
}

QString OfferEditController::verifiedLabel() const
{
    return m_offers.verifiedLabel(m_values.value(QStringLiteral("last_verified")).toString());
}

void OfferEditController::startNew(const QString& socialSpaceId)
{
    QVariantMap values;
    for (const QString& field : fieldNames())
        values.insert(field, QString());
    values.insert(QStringLiteral("social_space"), socialSpaceId);
    values.insert(QStringLiteral("last_verified"), QString());
    begin({}, std::move(values));
}

bool OfferEditController::startEdit(const QString& id)
{
    const QVariantMap offer = m_offers.offer(id);
    if (offer.isEmpty()) {
        cancel();
        return false;
    }
    QVariantMap values;
    for (const QString& field : fieldNames())
        values.insert(field, offer.value(field).toString());
    values.insert(QStringLiteral("last_verified"), offer.value(QStringLiteral("last_verified")).toString());
    begin(id, std::move(values));
    return true;
}

void OfferEditController::begin(const QString& id, QVariantMap values)
{
    m_id = id;
    m_values = std::move(values);
    m_started = m_values;
    m_editing = true;
    setErrors({});
    setMessage({});
    emit editingChanged();
    emit valuesChanged();
}

void OfferEditController::setValue(const QString& field, const QString& value)
{
    if (!fieldNames().contains(field) || m_values.value(field).toString() == value)
        return;
    m_values.insert(field, value);
    emit valuesChanged();
    if (m_errors.contains(field)) {
        QVariantMap errors = m_errors;
        errors.remove(field);
        setErrors(errors);
    }
}

bool OfferEditController::save()
{
    if (!m_editing)
        return false;
    offers::Service s;
    s.id = m_id.toStdString();
    for (const auto& [field, member] : kTextFields)
        s.*member = text(m_values, field);
    s.category = offers::category_from_id(text(m_values, "category"));
    s.cost = offers::cost_from_id(text(m_values, "cost"));
    s.access = offers::access_from_id(text(m_values, "access"));
    const std::string today = m_today().toString(Qt::ISODate).toStdString();
    s.last_verified = today;  // invariant 3

    // Ages are typed: text that is no whole number is reported here, before the library sees ints.
    QVariantMap errors;
    for (const char* field : {"age_min", "age_max"}) {
        const std::string typed = text(m_values, field);
        const std::optional<int> age = offers::parse_age(typed);
        if (!typed.empty() && !age)
            errors.insert(QLatin1String(field), describe(QLatin1String(field), QStringLiteral("not_a_number")));
        (std::string_view(field) == "age_min" ? s.age_min : s.age_max) = age;
    }
    for (const offers::FieldError& e : offers::validate(s, m_offers.catalogue(), today)) {
        const QString field = QString::fromStdString(e.field);
        if (!errors.contains(field))
            errors.insert(field, describe(field, QString::fromLatin1(offers::to_string(e.reason).data(),
                                                                     qsizetype(offers::to_string(e.reason).size()))));
    }
    setErrors(errors);
    if (!errors.isEmpty()) {
        setMessage(tr("Bitte prüfen Sie die markierten Angaben."));
        return false;
    }
    if (!m_store) {
        setMessage(tr("Die App ist gesperrt. Entsperren Sie sie und speichern Sie erneut."));
        return false;
    }
    if (m_busy) {  // invariant 2
        setMessage(tr("Gerade wird synchronisiert. Bitte speichern Sie gleich noch einmal."));
        return false;
    }
    if (!recoverForWrite(*m_store)) {  // invariant 4: an earlier write found no room
        setMessage(storeProblemText(*m_store));
        return false;
    }
    auto id = offers::save_service(*m_store, s, m_offers.catalogue(), today);
    if (!id) {
        setMessage(m_store->failed() ? storeProblemText(*m_store)
                   : id.error() == offers::Error::NotFound ? tr("Dieses Angebot gibt es nicht mehr auf diesem Gerät.")
                   : id.error() == offers::Error::Denied
                       ? tr("Mit der Rolle dieses Geräts kann die Angebotskarte nicht bearbeitet werden.")
                       : tr("Speichern fehlgeschlagen. Ihre Eingaben stehen noch hier; versuchen Sie es erneut. Hilft "
                            "das nicht, wenden Sie sich an Ihre Administration (technische Angabe: %1).").arg(QString::fromStdString(id.detail())));
        return false;
    }
    const QString saved = QString::fromStdString(*id);
    m_offers.refresh();
    m_editing = false;
    m_id.clear();
    m_values.clear();
    setMessage({});
    emit editingChanged();
    emit valuesChanged();
    emit this->saved(saved);
    return true;
}

void OfferEditController::cancel()
{
    const bool was = m_editing;
    m_editing = false;
    m_id.clear();
    m_values.clear();
    m_started.clear();
    setErrors({});
    setMessage({});
    if (was) {
        emit editingChanged();
        emit valuesChanged();
    }
}

QString OfferEditController::describe(const QString& field, const QString& reason)
{
    // The message of a reason (offers::to_string), for one field or ("") any other.
    struct Message {
        const char* reason;
        const char* field;
        const char* text;
    };
    static constexpr Message messages[] = {
        {"required", "name", QT_TR_NOOP("Bitte ausfüllen.")},
        {"required", "organization", QT_TR_NOOP("Bitte auswählen.")},
        {"required", "category", QT_TR_NOOP("Bitte auswählen.")},
        {"required", "social_space", QT_TR_NOOP("Bitte auswählen.")},
        {"required", "access", QT_TR_NOOP("Bitte wählen Sie den Zugang: niedrigschwellig, mit Anmeldung oder über "
                                          "Hilfeplan.")},
        {"required", "", QT_TR_NOOP("Bitte ausfüllen.")},
        {"too_long", "", QT_TR_NOOP("Dieser Text ist zu lang.")},
        {"not_a_number", "", QT_TR_NOOP("Bitte eine ganze Zahl eingeben, z. B. 6.")},
        {"out_of_range", "", QT_TR_NOOP("Bitte ein Alter zwischen 0 und 99 eingeben.")},
        {"min_above_max", "", QT_TR_NOOP("Das Höchstalter liegt unter dem Mindestalter.")},
        {"invalid_email", "", QT_TR_NOOP("Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.")},
        {"invalid_phone", "", QT_TR_NOOP("Bitte nur Ziffern, Leerzeichen und + - / ( ) verwenden.")},
        {"invalid_url", "", QT_TR_NOOP("Bitte eine Adresse beginnend mit https:// eingeben.")},
        {"unknown_reference", "", QT_TR_NOOP("Diesen Eintrag gibt es auf diesem Gerät nicht (mehr).")},
        {"invalid_date", "", QT_TR_NOOP("Das Prüfdatum ist ungültig.")},
        {"future_date", "", QT_TR_NOOP("Das Prüfdatum ist ungültig.")},
    };
    for (const Message& m : messages) {
        if (reason == QLatin1String(m.reason) && (!*m.field || field == QLatin1String(m.field)))
            return tr(m.text);
    }
    return tr("Bitte prüfen Sie diese Angabe.");
}

}  // namespace quartier::app
