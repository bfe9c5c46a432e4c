#include "sync/client/consent.h"

#include "sync/client/roles.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <tuple>

namespace quartier::sync::consent {

using nlohmann::json;

namespace {

constexpr std::array<Exception, 4> kExceptions = {{
    {2, "family_court", "to the family court for its tasks under §8a(2), where, in view of a risk to the wellbeing of "
                        "a child or young person, a court decision needed to grant help could not be made without it"},
    {3, "change_of_responsibility", "to the worker who becomes responsible for granting or providing the help after a "
                                    "change of case responsibility in the youth office or of local competence, where "
                                    "there are indications of a risk to a child's wellbeing and the data are needed to "
                                    "assess that risk"},
    {4, "risk_assessment", "to the specialists consulted to assess the risk under §8a (§64(2a) unaffected)"},
    {5, "section_203_stgb", "under the conditions under which a person named in §203(1) or (4) StGB would be "
                            "entitled to disclose (e.g. justifying necessity, §34 StGB)"},
}};

constexpr std::array<std::pair<Refusal, std::string_view>, 14> kRefusals = {{
    {Refusal::NotEntrusted, "not_entrusted"},
    {Refusal::NotACase, "not_a_case"},
    {Refusal::NoBasis, "no_basis"},
    {Refusal::TwoBases, "two_bases"},
    {Refusal::UnknownConsent, "unknown_consent"},
    {Refusal::ConsentOfOtherCase, "consent_of_other_case"},
    {Refusal::Withdrawn, "withdrawn"},
    {Refusal::NotYetValid, "not_yet_valid"},
    {Refusal::Expired, "expired"},
    {Refusal::DataNotCovered, "data_not_covered"},
    {Refusal::PurposeNotCovered, "purpose_not_covered"},
    {Refusal::RecipientNotCovered, "recipient_not_covered"},
    {Refusal::UnknownException, "unknown_exception"},
    {Refusal::NoReason, "no_reason"},
}};

template <class T>
Result<T> refuse(Refusal r, const std::string& why) {
    return {Error::Denied, std::string(to_string(r)) + ": " + why};
}

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    using namespace std::chrono;
    const year_month_day d{year(std::stoi(s.substr(0, 4))), month(unsigned(std::stoi(s.substr(5, 2)))),
                           day(unsigned(std::stoi(s.substr(8, 2))))};
    return d.ok();
}

std::string list_text(const std::vector<std::string>& v) { return json(v).dump(); }

std::vector<std::string> list_of(const std::optional<std::string>& text) {
    std::vector<std::string> out;
    if (!text) return out;
    const json j = json::parse(*text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& e : j)
        if (e.is_string()) out.push_back(e.get<std::string>());
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

ConsentRecord from_record(const Store& store, const Record& r) {
    ConsentRecord c;
    c.id = r.id;
    c.scope = r.scope;
    auto v = [&](const char* f) { return r.value(f).value_or(""); };
    c.consenting = v("consenting");
    c.on_behalf_of = v("on_behalf_of");
    c.data = list_of(r.value("data"));
    c.purposes = list_of(r.value("purposes"));
    c.recipients = list_of(r.value("recipients"));
    c.form = v("form");
    c.valid_from = v("valid_from");
    c.valid_until = v("valid_until");
    c.recorded_by = v("recorded_by");
    c.withdrawn_by = v("withdrawn_by");
    c.withdrawal_note = v("withdrawal_note");
    // A withdrawal is never undone: the earliest version of withdrawn_at that was ever set counts,
    // whatever later or concurrent edits say (history() reads the op log, oldest first).
    if (auto h = store.history(r.id, "withdrawn_at"); h) {
        for (const auto& ver : *h)
            if (!ver.value.empty() && (c.withdrawn_at.empty() || ver.value < c.withdrawn_at)) c.withdrawn_at = ver.value;
    } else {
        c.withdrawn_at = v("withdrawn_at");
    }
    if (c.withdrawn_at.empty() && r.deleted()) c.withdrawn_at = "deleted";  // a deleted consent covers nothing
    return c;
}

// The case scope's readers other than this device: its latest epoch's members that are not
// revoked, unassigned or forbidden by the role policy (those are rotated past).
}  // namespace

std::vector<const DeviceInfo*> other_readers(const Store& store, const ScopeId& scope) {
    const Directory& d = store.directory();
    std::vector<const DeviceInfo*> out;
    for (const DeviceId& m : d.members(scope, d.latest_epoch(scope))) {
        if (m == store.device().id() || d.excluded(scope, m) || roles::forbidden_member(d, scope, m)) continue;
        if (const DeviceInfo* i = d.device(m)) out.push_back(i);
    }
    return out;
}

namespace {

bool held_case_scope(const Store& store, const ScopeId& scope) {
    if (store.current_epoch(scope) == 0 || scope == store.default_scope() || scope == store.audit_scope()) return false;
    const auto kind = store.directory().scope_kind(scope);
    return !kind || *kind == ScopeKind::Case;
}

// The disclosure names the entry by a reference only its author can compute (a keyed hash under
// the personal scope's key): the case's members learn no id of the author's personal scope
// (docs/threat-model.md, "Records bound to their scope"). "" without that key.
std::string entry_ref_of(const Store& store, const Record& entry) {
    const crypto::SymmetricKey* personal_key = store.scope_key(entry.scope, store.current_epoch(entry.scope));
    if (!personal_key) return {};
    return crypto::to_hex(crypto::keyed_index(
        personal_key->view(), crypto::labelled("quartier/disclosed-entry/v1",
                                               {crypto::ByteView(reinterpret_cast<const std::uint8_t*>(entry.id.data()), entry.id.size())})));
}

std::string basis_for_exception(int n) { return "§65 Abs. 1 S. 1 Nr. " + std::to_string(n) + " SGB VIII"; }

}  // namespace

std::string date_of(std::uint64_t ms) {
    using namespace std::chrono;
    const year_month_day d{floor<days>(sys_time<milliseconds>(milliseconds(ms)))};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
    return buf;
}

// --- entrusted -----------------------------------------------------------------------------------

Result<std::string> write_entrusted(Store& store, const std::string& type,
                                    const std::vector<std::pair<std::string, std::string>>& fields, const std::string& id) {
    if (fields.empty()) return {Error::InvalidArgument, "an entrusted entry needs at least one field"};
    const ScopeId personal = store.default_scope();
    if (const auto kind = store.directory().scope_kind(personal); kind && *kind != ScopeKind::Personal)
        return {Error::Corrupt, "this device's own scope is registered as another kind"};
    if (!id.empty())
        if (const Record* r = store.get(id); r && r->scope != personal)
            return {Error::InvalidArgument, "record " + id + " is not an entrusted entry of this device"};
    Writer w(store);
    std::string rid = id;
    for (const auto& [field, value] : fields) {
        auto r = w.set(type, rid, field, value, &personal);
        if (!r) return r;
        rid = *r;
    }
    if (auto c = w.commit(); !c) return c.failure();
    return rid;
}

bool is_entrusted(const Store& store, const Record& r) { return r.scope == store.default_scope(); }

// --- consent -----------------------------------------------------------------------------------

std::string_view to_string(ConsentState s) {
    switch (s) {
    case ConsentState::Valid: return "valid";
    case ConsentState::NotYetValid: return "not_yet_valid";
    case ConsentState::Expired: return "expired";
    case ConsentState::Withdrawn: return "withdrawn";
    }
    return "?";
}

ConsentState state(const ConsentRecord& c, std::uint64_t now_ms) {
    if (!c.withdrawn_at.empty()) return ConsentState::Withdrawn;
    const std::string today = date_of(now_ms);
    if (today < c.valid_from) return ConsentState::NotYetValid;
    if (!c.valid_until.empty() && today > c.valid_until) return ConsentState::Expired;
    return ConsentState::Valid;
}

bool covers_recipient(const ConsentRecord& c, const DeviceInfo& d) {
    return contains(c.recipients, crypto::to_hex(d.id)) || contains(c.recipients, d.role);
}

Result<std::string> add_consent(Store& store, const ScopeId& case_scope, ConsentRecord c, std::uint64_t now_ms) {
    if (!held_case_scope(store, case_scope)) return {Error::InvalidArgument, "consent records live in a case scope this device holds"};
    auto need = [](bool ok, const char* what) -> Result<void> {
        if (ok) return {};
        return {Error::InvalidArgument, std::string("consent record: ") + what};
    };
    for (auto r : {need(!c.consenting.empty(), "who consented is missing"),
                   need(!c.data.empty(), "which data is missing"),
                   need(!c.purposes.empty(), "the purpose is missing"),
                   need(!c.recipients.empty(), "the recipients are missing"),
                   need(c.form == "written" || c.form == "electronic" || c.form == "oral",
                        "form must be written, electronic or oral"),
                   need(is_date(c.valid_from), "valid_from must be a date YYYY-MM-DD"),
                   need(c.valid_until.empty() || (is_date(c.valid_until) && c.valid_until >= c.valid_from),
                        "valid_until must be a date YYYY-MM-DD not before valid_from")})
        if (!r) return r.failure();
    for (const auto* list : {&c.data, &c.purposes, &c.recipients})
        for (const auto& e : *list)
            if (e.empty()) return {Error::InvalidArgument, "consent record: an empty entry in a list"};
    if (c.on_behalf_of.empty()) c.on_behalf_of = c.consenting;
    Writer w(store);
    std::string id;
    const std::vector<std::pair<const char*, std::string>> fields = {
        {"consenting", c.consenting},   {"on_behalf_of", c.on_behalf_of},     {"data", list_text(c.data)},
        {"purposes", list_text(c.purposes)}, {"recipients", list_text(c.recipients)}, {"form", c.form},
        {"valid_from", c.valid_from},   {"valid_until", c.valid_until},       {"recorded_by", crypto::to_hex(store.device().id())},
        {"recorded_at", date_of(now_ms)}};
    for (const auto& [f, v] : fields) {
        auto r = w.set(kConsentType, id, f, v, &case_scope);
        if (!r) return r;
        id = *r;
    }
    if (auto r = w.commit(); !r) return r.failure();
    if (auto a = store.audit(AuditAction::Consent, {id, crypto::to_hex(case_scope)}, {}, "consent recorded (" + c.form + ")"); !a)
        return a.failure();
    return id;
}

Result<ConsentRecord> get_consent(const Store& store, const std::string& id) {
    const Record* r = store.get(id);
    if (!r || r->type != kConsentType) return {Error::NotFound, "no consent record " + id};
    return from_record(store, *r);
}

std::vector<ConsentRecord> list_consents(const Store& store, const std::optional<ScopeId>& scope) {
    std::vector<ConsentRecord> out;
    for (const Record* r : store.list(kConsentType))
        if (!scope || r->scope == *scope) out.push_back(from_record(store, *r));
    return out;
}

Result<void> withdraw_consent(Store& store, const std::string& id, const std::string& note, std::uint64_t now_ms) {
    auto c = get_consent(store, id);
    if (!c) return c.failure();
    if (!c->withdrawn_at.empty()) return {};
    Writer w(store);
    for (const auto& [f, v] : std::vector<std::pair<const char*, std::string>>{
             {"withdrawn_at", date_of(now_ms)}, {"withdrawn_by", crypto::to_hex(store.device().id())}, {"withdrawal_note", note}}) {
        if (v.empty()) continue;
        if (auto r = w.set(kConsentType, id, f, v); !r) return r.failure();
    }
    if (auto r = w.commit(); !r) return r;
    return store.audit(AuditAction::Consent, {id, crypto::to_hex(c->scope)}, {}, "consent withdrawn");
}

// --- exceptions ----------------------------------------------------------------------------------

std::span<const Exception> exceptions() { return kExceptions; }

const Exception* exception(int number) {
    for (const auto& e : kExceptions)
        if (e.number == number) return &e;
    return nullptr;
}

// --- disclosure ----------------------------------------------------------------------------------

std::string_view to_string(Refusal r) {
    for (const auto& [k, v] : kRefusals)
        if (k == r) return v;
    return "refused";
}

std::optional<Refusal> refusal_of(const std::string& detail) {
    const std::string code = detail.substr(0, detail.find(':'));
    for (const auto& [k, v] : kRefusals)
        if (v == code) return k;
    return std::nullopt;
}

Result<std::string> check_disclosure(const Store& store, const DisclosureRequest& req, std::uint64_t now_ms) {
    const Record* entry = store.get(req.entry);
    if (!entry || entry->deleted() || !is_entrusted(store, *entry))
        return refuse<std::string>(Refusal::NotEntrusted, "no entrusted entry " + req.entry + " on this device");
    if (!held_case_scope(store, req.case_scope))
        return refuse<std::string>(Refusal::NotACase, "scope " + crypto::to_hex(req.case_scope) + " is not a case scope this device holds");
    const bool by_consent = !req.consent.empty(), by_exception = req.exception != 0;
    if (by_consent && by_exception) return refuse<std::string>(Refusal::TwoBases, "give either a consent or an exception, not both");
    if (!by_consent && !by_exception)
        return refuse<std::string>(Refusal::NoBasis, "an entrusted entry is shared only with a consent or a §65(1) exception");
    if (by_exception) {
        const Exception* e = exception(req.exception);
        if (!e) return refuse<std::string>(Refusal::UnknownException, "§65(1) S. 1 has exceptions Nr. 2 to 5, not " + std::to_string(req.exception));
        if (req.reason.find_first_not_of(" \t\r\n") == std::string::npos)
            return refuse<std::string>(Refusal::NoReason, "an exception needs a written reason");
        return basis_for_exception(e->number) + " (" + std::string(e->key) + ")";
    }
    auto c = get_consent(store, req.consent);
    if (!c) return refuse<std::string>(Refusal::UnknownConsent, "no consent record " + req.consent + " on this device");
    if (c->scope != req.case_scope)
        return refuse<std::string>(Refusal::ConsentOfOtherCase, "consent " + req.consent + " belongs to another case");
    switch (state(*c, now_ms)) {
    case ConsentState::Withdrawn: return refuse<std::string>(Refusal::Withdrawn, "consent " + req.consent + " was withdrawn (" + c->withdrawn_at + ")");
    case ConsentState::NotYetValid: return refuse<std::string>(Refusal::NotYetValid, "consent " + req.consent + " is valid from " + c->valid_from);
    case ConsentState::Expired: return refuse<std::string>(Refusal::Expired, "consent " + req.consent + " expired on " + c->valid_until);
    case ConsentState::Valid: break;
    }
    const std::string data = req.data.empty() ? entry->type : req.data;
    if (!contains(c->data, data)) return refuse<std::string>(Refusal::DataNotCovered, "consent " + req.consent + " does not cover data '" + data + "'");
    if (req.purpose.empty() || !contains(c->purposes, req.purpose))
        return refuse<std::string>(Refusal::PurposeNotCovered, "consent " + req.consent + " does not cover purpose '" + req.purpose + "'");
    for (const DeviceInfo* m : other_readers(store, req.case_scope))
        if (!covers_recipient(*c, *m))
            return refuse<std::string>(Refusal::RecipientNotCovered, "consent " + req.consent + " covers neither device " +
                                                                         crypto::to_hex(m->id) + " nor its role " + m->role);
    return "§65 Abs. 1 S. 1 Nr. 1 SGB VIII (Einwilligung " + req.consent + ")";
}

Result<Disclosure> disclose(Store& store, const DisclosureRequest& req, std::uint64_t now_ms) {
    auto basis = check_disclosure(store, req, now_ms);
    if (!basis) {
        // A refused attempt is itself worth knowing at the office.
        std::vector<std::string> objects{crypto::to_hex(req.case_scope)};
        if (store.get(req.entry)) objects.insert(objects.begin(), req.entry);  // a record id, so a valid one
        if (basis.error() == Error::Denied)
            if (auto a = store.audit(AuditAction::Refuse, std::move(objects), {},
                                     "disclosure refused: " + std::string(to_string(*refusal_of(basis.detail()))));
                !a)
                return a.failure();
        return basis.failure();
    }
    const Record* entry = store.get(req.entry);
    Disclosure out;
    out.legal_basis = *basis;
    json recipients = json::array();
    for (const DeviceInfo* m : other_readers(store, req.case_scope)) {
        out.recipients.push_back(m->id);
        recipients.push_back(crypto::to_hex(m->id));
    }
    // Copy the entry's current values (an entrusted entry has one author: no conflicts to carry).
    std::vector<std::pair<std::string, std::string>> values;
    for (const auto& [name, f] : entry->fields) values.emplace_back(name, f.winner().value);
    const std::string type = entry->type;
    const std::string entry_ref = entry_ref_of(store, *entry);
    if (entry_ref.empty()) return {Error::InvalidArgument, "no key of the entry's scope on this device"};
    Writer w(store);
    w.legal_basis(out.legal_basis);
    for (const auto& [field, value] : values) {
        auto r = w.set(type, out.copy, field, value, &req.case_scope);
        if (!r) return r.failure();
        out.copy = *r;
    }
    const std::vector<std::pair<const char*, std::string>> fields = {
        {"entry_ref", entry_ref},
        {"copy", out.copy},
        {"basis", req.consent.empty() ? "exception" : "consent"},
        {"consent", req.consent},
        {"exception", req.exception ? std::to_string(req.exception) : std::string()},
        {"reason", req.reason},
        {"legal_basis", out.legal_basis},
        {"data", req.data.empty() ? type : req.data},
        {"purpose", req.purpose},
        {"recipients", recipients.dump()},
        {"disclosed_by", crypto::to_hex(store.device().id())},
        {"disclosed_at", date_of(now_ms)}};
    for (const auto& [f, v] : fields) {
        if (v.empty()) continue;
        auto r = w.set(kDisclosureType, out.id, f, v, &req.case_scope);
        if (!r) return r.failure();
        out.id = *r;
    }
    if (auto r = w.set(type, out.copy, "disclosure", out.id, &req.case_scope); !r) return r.failure();
    if (auto r = w.commit(); !r) return r.failure();
    if (auto a = store.audit(AuditAction::Disclose, {req.entry, out.copy, out.id, crypto::to_hex(req.case_scope)}, out.legal_basis,
                             "entrusted entry disclosed to " + std::to_string(out.recipients.size()) + " other members");
        !a)
        return a.failure();
    return out;
}

std::vector<DisclosureInfo> disclosures_of(const Store& store, const std::string& entry_id) {
    std::vector<DisclosureInfo> out;
    const Record* entry = store.get(entry_id);
    if (!entry || !is_entrusted(store, *entry)) return out;
    const std::string ref = entry_ref_of(store, *entry);
    if (ref.empty()) return out;
    for (const Record* r : store.list(kDisclosureType)) {
        if (r->value("entry_ref").value_or("") != ref) continue;
        auto v = [&](const char* f) { return r->value(f).value_or(""); };
        const std::string exception = v("exception");
        out.push_back({r->id, r->scope, v("copy"), v("legal_basis"), v("consent"),
                       exception.size() == 1 && exception[0] >= '2' && exception[0] <= '5' ? exception[0] - '0' : 0, v("purpose"),
                       v("disclosed_at")});
    }
    std::sort(out.begin(), out.end(), [](const DisclosureInfo& a, const DisclosureInfo& b) {
        return std::tie(a.disclosed_at, a.id) < std::tie(b.disclosed_at, b.id);
    });
    return out;
}

std::optional<MemberBlock> new_member_block(const Store& store, const ScopeId& case_scope, const DeviceInfo& d,
                                            std::uint64_t now_ms) {
    for (const Record* r : store.list(kDisclosureType)) {
        if (r->scope != case_scope) continue;
        const std::string consent_id = r->value("consent").value_or("");
        if (!consent_id.empty()) {
            auto c = get_consent(store, consent_id);
            if (c && state(*c, now_ms) != ConsentState::Valid)
                return MemberBlock{MemberBlock::Kind::ConsentNotValid, r->id, consent_id, state(*c, now_ms), {}};
            if (!c || !covers_recipient(*c, d))
                return MemberBlock{MemberBlock::Kind::ConsentNotCovering, r->id, consent_id, ConsentState::Valid, {}};
        } else if (!contains(list_of(r->value("recipients")), crypto::to_hex(d.id))) {
            return MemberBlock{MemberBlock::Kind::OtherRecipients, r->id, {}, ConsentState::Valid,
                               r->value("legal_basis").value_or("")};
        }
    }
    return std::nullopt;
}

Result<void> check_new_member(const Store& store, const ScopeId& case_scope, const DeviceId& device, std::uint64_t now_ms) {
    const DeviceInfo* d = store.directory().device(device);
    if (!d) return {Error::NotFound, "no enrolled device " + crypto::to_hex(device)};
    const auto block = new_member_block(store, case_scope, *d, now_ms);
    if (!block) return {};
    switch (block->kind) {
    case MemberBlock::Kind::ConsentNotValid:
    case MemberBlock::Kind::ConsentNotCovering:
        return {Error::Denied, "disclosure_recipient: disclosure " + block->disclosure + " rests on consent " + block->consent +
                                   ", which " +
                                   (block->kind == MemberBlock::Kind::ConsentNotValid
                                        ? "is " + std::string(to_string(block->state))
                                        : std::string("does not cover this device")) +
                                   "; a new reader of this case needs a new legal basis"};
    case MemberBlock::Kind::OtherRecipients:
        return {Error::Denied, "disclosure_recipient: disclosure " + block->disclosure + " under " + block->legal_basis +
                                   " named other recipients; disclose again for this one"};
    }
    return {};
}

}  // namespace quartier::sync::consent
