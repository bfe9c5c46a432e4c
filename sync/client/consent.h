// Entrusted entries, consent records and disclosures (§65 SGB VIII; docs/architecture.md §8
// items 2 and 3; docs/consent.md). The small, Qt-free API the case domain layer and quartier-cli
// call; the keys decide, not a UI:
//
//   entrusted   an entry in this device's personal scope (Directory: that scope has one member
//               ever, its founder). write_entrusted() puts it there. Nobody else holds the key —
//               not the admin, not a team lead — so it is unreadable on every other device.
//   consent     a `consent_record` record in a case scope: who consented, on behalf of whom,
//               which data, which purposes, which recipients, in which form, valid from/until,
//               and its withdrawal. Because it lives in the case scope, every member learns a
//               withdrawal at its next sync; a withdrawal is never undone (once any version of
//               `withdrawn_at` is set, the consent stays withdrawn, whatever later edits say).
//   disclosure  disclose() copies an entrusted entry into a case scope, in one commit with a
//               `disclosure` record naming the legal basis, and records it in the audit log —
//               only with a legal basis: a consent that is valid today and was not withdrawn as
//               far as this device knows (its last sync), and covers the data, the purpose and
//               every member of the case scope; or one of §65(1) sentence 1's exceptions
//               Nr. 2–5 with a written reason. Otherwise Error::Denied, detail "<code>: why"
//               (refusal_of() gives the code), nothing written, and the refusal audited.
//
// Stateless functions over a Store: the state is the records themselves. Invariants:
//   1. A disclosure's copy, its `disclosure` record and the `change` audit entry naming the legal
//      basis land in one transaction (one Writer commit).
//   2. A consent is Valid only if today (UTC date of `now_ms`) lies in [valid_from, valid_until]
//      and no version of its `withdrawn_at` field was ever set.
#pragma once

#include "sync/store/store.h"

#include <span>

namespace quartier::sync::consent {

inline constexpr const char* kConsentType = "consent_record";
inline constexpr const char* kDisclosureType = "disclosure";

// --- entrusted entries -----------------------------------------------------------------------

// Writes (or, with `id`, updates) an entrusted entry in this device's personal scope in one
// commit; returns its id. InvalidArgument for a bad type, field or value (nothing written).
Result<std::string> write_entrusted(Store& store, const std::string& type,
                                    const std::vector<std::pair<std::string, std::string>>& fields,
                                    const std::string& id = {});
// Whether the record lives in this device's personal scope.
bool is_entrusted(const Store& store, const Record& r);

// --- consent records -------------------------------------------------------------------------

enum class ConsentState { Valid, NotYetValid, Expired, Withdrawn };
std::string_view to_string(ConsentState s);

struct ConsentRecord {
    std::string id;                       // record id (made by add_consent)
    ScopeId scope{};                      // the case scope it lives in
    std::string consenting;               // who consented (as the case names the person)
    std::string on_behalf_of;             // for whom (the child; or the same person)
    std::vector<std::string> data;        // data categories covered, e.g. "note", "contact_event"
    std::vector<std::string> purposes;    // e.g. "hilfeplanung"
    std::vector<std::string> recipients;  // roles ("helper", "caseworker", …) or device ids (hex)
    std::string form;                     // "written", "electronic" or "oral" (documented by the worker)
    std::string valid_from;               // YYYY-MM-DD
    std::string valid_until;              // YYYY-MM-DD; empty: until withdrawn
    std::string recorded_by;              // device id (hex), set by add_consent
    std::string withdrawn_at;             // YYYY-MM-DD of the first withdrawal; empty: not withdrawn
    std::string withdrawn_by;             // device id (hex)
    std::string withdrawal_note;
};

// Validates and writes a consent record into a case scope this device holds; returns its id.
// InvalidArgument naming the field if it is incomplete (who, data, purposes, recipients, form,
// valid_from) or malformed; NotFound/InvalidArgument if the scope is not a case scope held here.
Result<std::string> add_consent(Store& store, const ScopeId& case_scope, ConsentRecord c, std::uint64_t now_ms);
// Marks a consent withdrawn as of today. Idempotent; NotFound if there is no such consent.
Result<void> withdraw_consent(Store& store, const std::string& id, const std::string& note, std::uint64_t now_ms);
Result<ConsentRecord> get_consent(const Store& store, const std::string& id);
// Every consent record this device holds (optionally of one scope), by id.
std::vector<ConsentRecord> list_consents(const Store& store, const std::optional<ScopeId>& scope = std::nullopt);
ConsentState state(const ConsentRecord& c, std::uint64_t now_ms);
// The case scope's readers other than this device, as this device's copy of the directory has
// them: its latest epoch's members that are not revoked, unassigned or forbidden by the role
// policy. A consent must cover each of them for a disclosure into the case.
std::vector<const DeviceInfo*> other_readers(const Store& store, const ScopeId& case_scope);
// Covers the device `d` as a recipient: its id or its role is listed.
bool covers_recipient(const ConsentRecord& c, const DeviceInfo& d);

// --- §65(1) sentence 1 exceptions ------------------------------------------------------------

struct Exception {
    int number;                // Nr. in §65 Abs. 1 Satz 1 SGB VIII
    std::string_view key;      // stable identifier
    std::string_view summary;  // what the law permits, in short
};
// Nr. 2–5 (Nr. 1 is consent).
std::span<const Exception> exceptions();
const Exception* exception(int number);

// --- disclosure ------------------------------------------------------------------------------

enum class Refusal {
    NotEntrusted,          // no such entry in this device's personal scope
    NotACase,              // the target is not a case scope this device holds a key for
    NoBasis,               // neither a consent nor an exception given
    TwoBases,              // both given
    UnknownConsent,        // no such consent record here
    ConsentOfOtherCase,    // the consent lives in another case scope
    Withdrawn,             // the consent was withdrawn (as of this device's last sync)
    NotYetValid,
    Expired,
    DataNotCovered,
    PurposeNotCovered,
    RecipientNotCovered,   // a member of the case scope is neither listed by id nor by role
    UnknownException,      // not one of Nr. 2–5
    NoReason,              // an exception without a written reason
};
std::string_view to_string(Refusal r);  // the stable code, e.g. "withdrawn"
// The refusal an Error::Denied detail names, if it is one.
std::optional<Refusal> refusal_of(const std::string& detail);

struct DisclosureRequest {
    std::string entry;        // the entrusted entry's id
    ScopeId case_scope{};
    std::string data;         // data category; empty: the entry's record type
    std::string purpose;      // required with a consent
    std::string consent;      // legal basis: a consent record id, or
    int exception = 0;        // a §65(1) S. 1 number 2–5, with
    std::string reason;       // its written reason (also kept with a consent if given)
};

struct Disclosure {
    std::string id;           // the `disclosure` record
    std::string copy;         // the entry's copy in the case scope
    std::string legal_basis;  // as the audit log names it
    std::vector<DeviceId> recipients;  // the case scope's other members at the time
};

// The legal basis text if the request would be allowed now; Error::Denied otherwise.
Result<std::string> check_disclosure(const Store& store, const DisclosureRequest& req, std::uint64_t now_ms);
// Checks, then writes the copy and the `disclosure` record in one commit and audits it; a
// refusal writes nothing but a `refuse` audit entry.
Result<Disclosure> disclose(Store& store, const DisclosureRequest& req, std::uint64_t now_ms);

// What became of an entrusted entry: the disclosures of it this device knows, oldest first —
// found by the keyed reference only the entry's author can compute, so on any other device (and
// for an entry that is not entrusted here) the list is empty.
struct DisclosureInfo {
    std::string id;           // the `disclosure` record
    ScopeId case_scope{};
    std::string copy;         // the copy in the case scope
    std::string legal_basis;
    std::string consent;      // the consent record's id, if that was the basis
    int exception = 0;        // else the §65(1) S. 1 number
    std::string purpose;
    std::string disclosed_at; // YYYY-MM-DD
};
std::vector<DisclosureInfo> disclosures_of(const Store& store, const std::string& entry_id);

// Before `device` joins `case_scope` (SyncClient::share_scope): every disclosure in the scope must
// allow it — a consent-based one only while the consent is valid and covers the device, one under
// an exception only for the recipients it named. Error::Denied ("disclosure_recipient: …") if not.
Result<void> check_new_member(const Store& store, const ScopeId& case_scope, const DeviceId& device, std::uint64_t now_ms);

// What keeps a device from joining a case (check_new_member's reason, for callers that explain
// it in their own words): the first disclosure in the scope that does not allow it.
struct MemberBlock {
    enum class Kind {
        ConsentNotValid,     // the disclosure rests on a consent that is withdrawn, expired or not yet valid
        ConsentNotCovering,  // ... on a consent that does not name this device or its role (or is not on file)
        OtherRecipients,     // ... on a §65 exception that named other recipients
    };
    Kind kind = Kind::ConsentNotCovering;
    std::string disclosure;  // the disclosure record's id
    std::string consent;     // the consent's id (the consent kinds)
    ConsentState state = ConsentState::Valid;  // ConsentNotValid: the consent's state today
    std::string legal_basis;                   // OtherRecipients: the basis the disclosure names
};
std::optional<MemberBlock> new_member_block(const Store& store, const ScopeId& case_scope, const DeviceInfo& device,
                                            std::uint64_t now_ms);

// YYYY-MM-DD (UTC) of a time in ms since the epoch.
std::string date_of(std::uint64_t ms);

}  // namespace quartier::sync::consent
