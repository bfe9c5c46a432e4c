// Adding or correcting an offer in the field (docs/offers.md, "Editing"): the edit page's values
// as text, German messages per field from the library's validation, and the save that stamps the
// offer as verified today.
//
// States
//   Idle     --startNew(space) | startEdit(id)--> Editing   values from the offer (or blank)
//   Editing  --setValue(field, v)----------------> Editing   the field's message is cleared
//   Editing  --save(): invalid-------------------> Editing   errors() per field, nothing written
//   Editing  --save(): store busy or failed------> Editing   message(), nothing lost: values stay
//   Editing  --save(): written-------------------> Idle      saved(id); the offer list re-reads
//   Editing  --cancel() | setStore(nullptr)------> Idle      values dropped
//   changed() is true while Editing with values other than those the form started with: the
//   page asks before a ✕ or Escape drops them.
//
// Invariants
//   1. Nothing reaches the store unless offers::validate() found no error (the library checks
//      again inside the save), and only changed fields are written (offers::save_service).
//   2. The store is written only while it is not lent to a store job (SessionController).
//   3. A save is a verification: last_verified becomes today's date.
//   4. A save that finds the store without room (Store::failure() Full) says so in German
//      (storeproblem.h) and keeps the values; the next save re-reads the store first
//      (recoverForWrite), so it succeeds once space was freed.
#pragma once

#include "adapters/qtprop.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

class OfferListModel;

// Controller of the offer edit page; QML sees it as the singleton OfferEditor.
class OfferEditController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the OfferEditor singleton.")
    Q_PROPERTY(bool editing READ editing NOTIFY editingChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY editingChanged)
    Q_PROPERTY(QString serviceId READ serviceId NOTIFY editingChanged)
    Q_PROPERTY(QVariantMap values READ values NOTIFY valuesChanged)
    Q_PROPERTY(bool changed READ changed NOTIFY valuesChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString verifiedLabel READ verifiedLabel NOTIFY valuesChanged)

public:
    // The text fields of the edit page (the record's fields; last_verified is stamped, not typed).
    static const QStringList& fieldNames();

    explicit OfferEditController(OfferListModel& offers, QObject* parent = nullptr);

    void setStore(sync::Store* store);
    void setStoreBusy(bool busy) { m_busy = busy; }
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }

    bool editing() const { return m_editing; }
    bool isNew() const { return m_editing && m_id.isEmpty(); }
    QString serviceId() const { return m_id; }
    QVariantMap values() const { return m_values; }
    bool changed() const { return m_editing && m_values != m_started; }
    QVariantMap errors() const { return m_errors; }
    QString message() const { return m_message; }
    QString verifiedLabel() const;

    // A blank offer, in `socialSpaceId` if given (the space the map shows).
    Q_INVOKABLE void startNew(const QString& socialSpaceId = {});
    // The stored offer's values; false (and Idle) if there is no such offer.
    Q_INVOKABLE bool startEdit(const QString& id);
    Q_INVOKABLE void setValue(const QString& field, const QString& value);
    Q_INVOKABLE QString value(const QString& field) const { return m_values.value(field).toString(); }
    // Validates and writes; true when written (then saved(id) was emitted).
    Q_INVOKABLE bool save();
    Q_INVOKABLE void cancel();

    // The German message for a library field error (translated like every UI string).
    static QString describe(const QString& field, const QString& reason);

signals:
    void editingChanged();
    void valuesChanged();
    void errorsChanged();
    void messageChanged();
    void saved(const QString& id);

private:
    // Editing from here: `id` ("" for a new offer) with `values`, no messages.
    void begin(const QString& id, QVariantMap values);
    void setMessage(const QString& message) { if (assign(m_message, message)) emit messageChanged(); }
    void setErrors(const QVariantMap& errors) { if (assign(m_errors, errors)) emit errorsChanged(); }

    OfferListModel& m_offers;
    sync::Store* m_store = nullptr;
    bool m_busy = false;
    std::function<QDate()> m_today;
    bool m_editing = false;
    QString m_id;
    QVariantMap m_values;
    QVariantMap m_started;  // the values at startNew/startEdit
    QVariantMap m_errors;
    QString m_message;
};

}  // namespace quartier::app
