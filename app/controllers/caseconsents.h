// Einwilligungen & Weitergabe on the case page (docs/app.md, docs/consent.md): the case's consent
// records, recording and withdrawing one by touch, and passing an entrusted (§65 SGB VIII) note of
// this worker into the case. QML sees it as the singleton CaseConsents, a section of CaseDetail
// (casesection.h).
//
// The rules are sync/client/consent.h's — the same functions `quartier-cli consent add`,
// `consent withdraw` and `share` call: this controller turns the form into a ConsentRecord or a
// DisclosureRequest, and a refusal's stable code into a German sentence (refusalText). It decides
// nothing itself.
//
// Terms
//   consent     a `consent_record` in the case's scope: who consented (a member of the case, by
//               person id; a name typed elsewhere shows as it is), for whom, which data, purposes
//               and recipients (roles), the form, validity; withdrawn once, for good
//   entrusted note  a note of this case in this device's personal scope (CaseContacts' rows with
//               `disclosable`); only its author's device holds it
//   disclosure  consent::disclose(): a copy of the note into the case scope under a valid consent
//               of the case (covering notes, the purpose and every other reader of the case) or an
//               exception of §65 Abs. 1 S. 1 Nr. 2–5 with a written reason
//   today       CaseDetail's today (CaseContext::todayDate), noon UTC: the date consents are judged on
//
// States (of the section, casesection.h): Empty --read()--> Shown --clear()--> Empty. Besides:
//   message     "" | the outcome of the last add / withdraw / disclose, German; `refused` when it
//               is a refusal, `messageAbout` "consent" or "disclosure". Cleared by clearMessage()
//               and by reading another case.
//   errors      {field: German} of the last refused consent form (the dialog keeps its values)
// Invariants
//   1. Every write goes through CaseContext::editable() first and, when done, finishEdit(), which
//      re-reads every section (so the notes' "weitergegeben" line and the consents' state agree).
//   2. A refused write changes nothing but what sync::consent writes for it (a `refuse` audit
//      entry for a refused disclosure); the dialog that asked keeps its values.
//   3. The preview (checkDisclosure) and disclose() ask the same function (check_disclosure).
#pragma once

#include "controllers/casesection.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <optional>

namespace quartier::sync::consent {
struct DisclosureRequest;
}

namespace quartier::app {

class CaseConsentsController : public CaseSection
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by CaseController; QML uses the CaseConsents singleton.")
    Q_PROPERTY(SectionModel* consents READ consents CONSTANT)
    Q_PROPERTY(bool canRecord READ canRecord NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool refused READ refused NOTIFY messageChanged)
    Q_PROPERTY(QString messageAbout READ messageAbout NOTIFY messageChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY messageChanged)

public:
    explicit CaseConsentsController(CaseContext& context, QObject* parent = nullptr);
    SectionModel* consents() { return &m_consents; }
    bool canRecord() const { return m_canRecord; }
    QString message() const { return m_message; }
    bool refused() const { return m_refused; }
    // What the message is about: "consent" (add, withdraw) or "disclosure"; the card of each shows its own.
    QString messageAbout() const { return m_messageAbout; }
    QVariantMap errors() const { return m_errors; }

    // The form's choices as [{value, label}] (recipients: roles; exceptions: {value: Nr., label, detail}).
    Q_INVOKABLE QVariantList dataChoices() const;
    Q_INVOKABLE QVariantList purposeChoices() const;
    Q_INVOKABLE QVariantList recipientChoices() const;
    Q_INVOKABLE QVariantList formChoices() const;
    Q_INVOKABLE QVariantList exceptionChoices() const;
    // The case's consents as [{value: id, label, valid}] — valid ones first — for the disclosure dialog.
    Q_INVOKABLE QVariantList consentChoices() const;

    // values: consenting (person id or name), onBehalfOf, data, purposes, recipients (lists of
    // ids), form, validFrom, validUntil (ISO dates; validFrom "" = today). False with `errors`.
    Q_INVOKABLE bool addConsent(const QVariantMap& values);
    Q_INVOKABLE bool withdraw(const QString& consentId, const QString& note);
    // basis: {consent, purpose} or {exception (2..5), reason}. "" if the disclosure would be
    // allowed now, else the German reason (nothing written, nothing audited).
    Q_INVOKABLE QString checkDisclosure(const QString& noteId, const QVariantMap& basis) const;
    // Discloses the note into the case; false with `message` (refused) on a refusal.
    Q_INVOKABLE bool disclose(const QString& noteId, const QVariantMap& basis);
    Q_INVOKABLE void clearMessage();

    void read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading) override;
    void clear() override;

    // The German sentence for a refusal of sync::consent (detail "code: …"), with what the store
    // knows of the request (the consent's dates, the reader it does not cover).
    static QString refusalText(const sync::Store& store, const sync::consent::DisclosureRequest& req, const std::string& detail);
    // "mit Einwilligung von Elif Demir (§ 65 Abs. 1 S. 1 Nr. 1 SGB VIII)" or "nach § 65 Abs. 1 S. 1
    // Nr. 4 SGB VIII": the basis of a disclosure, for the note it concerns.
    static QString basisText(const sync::Store& store, const std::string& consentId, int exception, const CaseReading& reading);
    // Labels of the consent vocabulary (data category, purpose, form).
    static QString dataLabel(const QString& id);
    static QString purposeLabel(const QString& id);
    static QString formLabel(const QString& id);

signals:
    void messageChanged();

private:
    std::optional<sync::consent::DisclosureRequest> request(const QString& noteId, const QVariantMap& basis) const;
    std::uint64_t nowMs() const;
    void setMessage(const QString& message, bool refused, const QVariantMap& errors = {},
                    const QString& about = QStringLiteral("consent"));

    SectionModel m_consents;
    bool m_canRecord = false;
    QString m_message;
    bool m_refused = false;
    QString m_messageAbout;
    QVariantMap m_errors;
};

}  // namespace quartier::app
