// quartier-cli, entrusted entries and consent (§65 SGB VIII, docs/consent.md): entrusted put /
// list, consent add / withdraw / list, share, exceptions. An entrusted entry lives in this
// device's personal scope; `share` copies one into a case only with a legal basis, and every
// listing of entries or consents is written to the audit log first.
#include "commands.h"

#include "sync/store/audit.h"
#include "sync/client/consent.h"

#include <sstream>

namespace quartier::cli {

using nlohmann::json;

namespace {

int run_entrusted_put(Context& c) {
    const auto& argv = c.argv;
    std::vector<std::pair<std::string, std::string>> fields;
    std::size_t i = 1;
    std::string id = c.o.id, field, value;
    if (id.empty() && !split_assignment(argv[i], field, value)) id = argv[i++];
    if (i >= argv.size()) return fail(c.err, kUsage, "entrusted put needs at least one FIELD=VALUE");
    for (; i < argv.size(); ++i) {
        if (!split_assignment(argv[i], field, value)) return fail(c.err, kUsage, "expected FIELD=VALUE, got '" + argv[i] + "'");
        fields.emplace_back(field, value);
    }
    auto r = sync::consent::write_entrusted(*c.store, argv[0], fields, id);
    if (!r) return fail(c.err, r);
    c.out << *r << "\n";
    return kOk;
}

int run_entrusted_list(Context& c) {
    sync::Store& store = *c.store;
    json arr = json::array();
    std::vector<std::string> ids;
    for (const sync::Record* r : store.list())
        if (sync::consent::is_entrusted(store, *r) && r->type != sync::kAuditRecordType) {
            arr.push_back(record_json(*r));
            ids.push_back(r->id);
        }
    if (auto a = store.audit(sync::AuditAction::Export, ids, c.legal_basis, "entrusted list: " + std::to_string(ids.size()) + " records"); !a)
        return fail(c.err, a);
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_exceptions(Context& c) {
    json arr = json::array();
    for (const auto& e : sync::consent::exceptions())
        arr.push_back({{"number", e.number}, {"key", e.key}, {"summary", e.summary}});
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_consent_add(Context& c) {
    const Options& o = c.o;
    if (!c.scope) return fail(c.err, kUsage, "consent add needs --scope CASE");
    auto csv = [](const std::string& text) {
        std::vector<std::string> v;
        std::stringstream ss(text);
        for (std::string item; std::getline(ss, item, ',');)
            if (!item.empty()) v.push_back(item);
        return v;
    };
    sync::consent::ConsentRecord rec;
    rec.consenting = o.get("consenting");
    rec.on_behalf_of = o.get("on-behalf-of");
    rec.data = csv(o.get("data"));
    rec.purposes = csv(o.get("purpose"));
    rec.recipients = csv(o.get("recipients"));
    rec.form = o.get("form");
    rec.valid_from = o.get("valid-from");
    rec.valid_until = o.get("valid-until");
    auto id = sync::consent::add_consent(*c.store, *c.scope, std::move(rec), now_ms());
    if (!id) return fail(c.err, id);
    c.out << *id << "\n";
    return kOk;
}

int run_consent_withdraw(Context& c) {
    if (auto r = sync::consent::withdraw_consent(*c.store, c.argv[0], c.o.get("note"), now_ms()); !r) return fail(c.err, r);
    return kOk;
}

int run_consent_list(Context& c) {
    json arr = json::array();
    std::vector<std::string> ids;
    for (const auto& k : sync::consent::list_consents(*c.store, c.scope)) {
        ids.push_back(k.id);
        arr.push_back({{"id", k.id}, {"scope", crypto::to_hex(k.scope)}, {"state", sync::consent::to_string(sync::consent::state(k, now_ms()))},
                       {"consenting", k.consenting}, {"on_behalf_of", k.on_behalf_of}, {"data", k.data},
                       {"purposes", k.purposes}, {"recipients", k.recipients}, {"form", k.form},
                       {"valid_from", k.valid_from}, {"valid_until", k.valid_until}, {"recorded_by", k.recorded_by},
                       {"withdrawn_at", k.withdrawn_at}, {"withdrawn_by", k.withdrawn_by}, {"withdrawal_note", k.withdrawal_note}});
    }
    if (auto a = c.store->audit(sync::AuditAction::Export, ids, c.legal_basis, "consent list: " + std::to_string(ids.size()) + " records"); !a)
        return fail(c.err, a);
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_share(Context& c) {
    const Options& o = c.o;
    if (!c.scope) return fail(c.err, kUsage, "share needs --scope CASE");
    sync::consent::DisclosureRequest req;
    req.entry = c.argv[0];
    req.case_scope = *c.scope;
    req.data = o.get("data");
    req.purpose = o.get("purpose");
    req.consent = o.get("consent");
    req.reason = o.get("reason");
    if (const std::string n = o.get("exception"); !n.empty()) {
        if (n.find_first_not_of("0123456789") != std::string::npos || n.size() > 2)
            return fail(c.err, kUsage, "--exception needs the number of a §65(1) exception (2 to 5; see `exceptions`)");
        req.exception = std::stoi(n);
    }
    auto d = sync::consent::disclose(*c.store, req, now_ms());
    if (!d) return fail(c.err, d);
    json recipients = json::array();
    for (const auto& r : d->recipients) recipients.push_back(crypto::to_hex(r));
    c.out << json{{"disclosure", d->id}, {"copy", d->copy}, {"legal_basis", d->legal_basis}, {"recipients", recipients}}.dump(2)
          << "\n";
    return kOk;
}

constexpr std::size_t kAny = SIZE_MAX;

const Command kCommands[] = {
    {"entrusted put", 2, kAny, "entrusted put TYPE [ID] FIELD=VALUE...",
     "write an entrusted entry into this device's personal scope, which\n"
     "nobody else can read; prints its id",
     Needs::Store, false, nullptr, nullptr, run_entrusted_put},
    {"entrusted list", 0, 0, "entrusted list", "the entrusted entries on this device (JSON)", Needs::Store, false, nullptr,
     nullptr, run_entrusted_list},
    {"consent add", 0, 0,
     "consent add --scope CASE --consenting WHO [--on-behalf-of WHOM] --data A[,B]\n"
     "              --purpose P[,Q] --recipients R[,S] --form written|electronic|oral\n"
     "              --valid-from YYYY-MM-DD [--valid-until YYYY-MM-DD]",
     "record a consent in a case scope; recipients are roles or device ids", Needs::Store, false, nullptr, nullptr,
     run_consent_add},
    {"consent withdraw", 1, 1, "consent withdraw ID [--note TEXT]",
     "withdraw it: every member of the case learns it at its next sync", Needs::Store, false, nullptr, nullptr,
     run_consent_withdraw},
    {"consent list", 0, 0, "consent list [--scope CASE]", "the consent records this device holds, with their state (JSON)",
     Needs::Store, false, nullptr, nullptr, run_consent_list},
    {"share", 1, 1, "share ENTRY --scope CASE (--consent ID --purpose P | --exception N --reason TEXT) [--data CAT]",
     "copy an entrusted entry into a case with a legal basis: a valid\n"
     "consent covering data, purpose and every member of the case, or\n"
     "one of §65(1) S. 1 Nr. 2-5 with a reason; exit 10 if refused",
     Needs::Store, false, nullptr, nullptr, run_share},
    {"exceptions", 0, 0, "exceptions", "the §65(1) exceptions and their numbers", Needs::Store, false, nullptr, nullptr,
     run_exceptions},
};

}  // namespace

std::span<const Command> consent_commands() { return kCommands; }

}  // namespace quartier::cli
