// quartier-cli, the records commands: init, put, batch, get, list, history, delete, conflicts,
// resolve, status, verify, passwd (docs/cli.md). Each handler works on the store run_cli opened;
// every read of record content is written to the audit log first (docs/audit.md).
#include "commands.h"

#include "sync/client/retention.h"

#include <sstream>

namespace quartier::cli {

using nlohmann::json;

namespace {

// Adds the ops of `put TYPE [ID] FIELD=VALUE...` to a writer; returns the record id.
sync::Result<std::string> stage_put(sync::Writer& w, const std::vector<std::string>& args, std::size_t from,
                                    std::string id, const sync::ScopeId* scope = nullptr) {
    if (args.size() <= from) return {sync::Error::InvalidArgument, "put needs TYPE and FIELD=VALUE"};
    const std::string& type = args[from];
    std::size_t i = from + 1;
    std::string field, value;
    if (id.empty() && i < args.size() && !split_assignment(args[i], field, value)) id = args[i++];
    if (i >= args.size()) return {sync::Error::InvalidArgument, "put needs at least one FIELD=VALUE"};
    for (; i < args.size(); ++i) {
        if (!split_assignment(args[i], field, value))
            return {sync::Error::InvalidArgument, "expected FIELD=VALUE, got '" + args[i] + "'"};
        auto r = w.set(type, id, field, value, scope);
        if (!r) return r;
        id = *r;
    }
    return id;
}

std::vector<std::string> split_words(const std::string& line) {
    std::istringstream is(line);
    std::vector<std::string> words;
    for (std::string w; is >> w;) words.push_back(w);
    return words;
}

json conflicts_json(const sync::Store& store) {
    json arr = json::array();
    for (const sync::Record* r : store.list()) {
        if (!r->conflicted()) continue;
        json fields = json::object();
        for (const auto& [name, f] : r->fields)
            if (f.conflicted()) {
                json versions = json::array();
                for (const auto& h : f.heads) versions.push_back(version_json(h));
                fields[name] = versions;
            }
        json j{{"id", r->id}, {"type", r->type}, {"fields", fields}};
        if (r->delete_conflict()) j["delete_conflict"] = true;
        arr.push_back(j);
    }
    return arr;
}

int check_init(const Options& o, std::ostream& err) {
    if (o.kdf != "calibrated" && o.kdf != "moderate" && o.kdf != "interactive")
        return fail(err, kUsage, "--kdf must be calibrated, moderate or interactive");
    return kOk;
}

int run_init(Context& c) {
    if (c.passphrase->empty()) return fail(c.err, kUsage, "the passphrase must not be empty");
    auto s = sync::Store::create(c.o.store, *c.passphrase, kdf_params(c.o.kdf));
    if (!s) return fail(c.err, s);
    c.out << json{{"store", c.o.store}, {"device", crypto::to_hex((*s)->device().id())}}.dump() << "\n";
    return kOk;
}

int run_put(Context& c) {
    sync::Writer w(*c.store);
    w.legal_basis(c.legal_basis);
    auto id = stage_put(w, c.argv, 0, c.o.id, c.scope ? &*c.scope : nullptr);
    if (!id) return fail(c.err, id);
    if (auto r = w.commit(); !r) return fail(c.err, r);
    c.out << *id << "\n";
    return kOk;
}

int run_batch(Context& c) {
    std::size_t n = 0;
    for (std::string line; std::getline(c.in, line);) {
        ++n;
        const auto words = split_words(line);
        if (words.empty()) continue;
        sync::Writer w(*c.store);
        w.legal_basis(c.legal_basis);
        auto id = stage_put(w, words, 0, {}, c.scope ? &*c.scope : nullptr);
        if (!id) return fail(c.err, exit_for(id.error()), "line " + std::to_string(n) + ": " + id.detail());
        if (auto r = w.commit(); !r) return fail(c.err, r);
        c.out << "ok " << *id << std::endl;  // flushed: acknowledged only once durable
    }
    return kOk;
}

int run_get(Context& c) {
    sync::Store& store = *c.store;
    const std::string& id = c.argv[0];
    const sync::Record* r = store.get(id);
    if (!r && store.get_all(id).size() > 1)  // docs/threat-model.md, "Records bound to their scope"
        return fail(c.err, kIntegrity, "record id " + id + " is in several scopes: see `verify`");
    if (!r) return fail(c.err, kNotFound, "no record " + id);
    if (auto a = store.record_open(id, c.legal_basis); !a) return fail(c.err, a);  // no showing without its record
    c.out << record_json(*r).dump(2) << "\n";
    return kOk;
}

int run_list(Context& c) {
    json arr = json::array();
    std::vector<std::string> ids;
    for (const sync::Record* r : c.store->list(c.argv.empty() ? std::string() : c.argv[0])) {
        arr.push_back(record_json(*r));
        ids.push_back(r->id);
    }
    const std::string what =
        "list" + (c.argv.empty() ? std::string() : " " + c.argv[0]) + ": " + std::to_string(ids.size()) + " records";
    if (auto a = c.store->audit(sync::AuditAction::Export, std::move(ids), c.legal_basis, what); !a) return fail(c.err, a);
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_history(Context& c) {
    auto h = c.store->history(c.argv[0], c.argv[1]);
    if (!h) return fail(c.err, h);
    if (h->empty()) return fail(c.err, kNotFound, "no versions of " + c.argv[1] + " on record " + c.argv[0]);
    if (auto a = c.store->record_open(c.argv[0], c.legal_basis, "history of " + c.argv[1]); !a) return fail(c.err, a);
    json arr = json::array();
    for (const auto& v : *h) arr.push_back(version_json(v));
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_delete(Context& c) {
    sync::Writer w(*c.store);
    w.legal_basis(c.legal_basis);
    if (auto r = w.remove(c.argv[0]); !r) return fail(c.err, r);
    if (auto r = w.commit(); !r) return fail(c.err, r);
    return kOk;
}

int run_conflicts(Context& c) {
    const json arr = conflicts_json(*c.store);
    std::vector<std::string> ids;
    for (const auto& j : arr) ids.push_back(j["id"].get<std::string>());
    const std::string what = "conflicts: " + std::to_string(ids.size()) + " records";
    if (auto a = c.store->audit(sync::AuditAction::Export, std::move(ids), c.legal_basis, what); !a) return fail(c.err, a);
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_resolve(Context& c) {
    const auto& argv = c.argv;
    const sync::Record* r = c.store->get(argv[0]);
    if (!r) return fail(c.err, kNotFound, "no record " + argv[0]);
    sync::Writer w(*c.store);
    w.legal_basis(c.legal_basis);
    // A field conflict is resolved; on a delete conflict, writing the field keeps the record.
    auto res = r->fields.count(argv[1]) ? w.resolve(argv[0], argv[1], argv[2])
                                        : [&]() -> sync::Result<void> {
                                              auto s = w.set(r->type, argv[0], argv[1], argv[2]);
                                              if (!s) return s.failure();
                                              return {};
                                          }();
    if (!res) return fail(c.err, res);
    if (auto cm = w.commit(); !cm) return fail(c.err, cm);
    return kOk;
}

int run_status(Context& c) {
    sync::Store& store = *c.store;
    const auto st = store.status();
    json j{{"device", st.device}, {"records", st.records}, {"deleted", st.deleted}, {"ops", st.ops},
           {"pending", st.pending}, {"pending_records", st.pending_records}, {"conflicts", st.conflicts}, {"problems", st.problems},
           {"held", st.held}, {"audit_entries", st.audit_entries}, {"audit_pending", st.audit_pending}};
    if (auto ls = store.setting("last_sync")) j["last_sync_ms"] = std::stoll(*ls);
    if (const auto lease = sync::lease_status(store); lease.days)
        j["lease"] = {{"days", lease.days}, {"expires_ms", lease.expires_ms}, {"expired", lease.expired}};
    if (store.directory().founded()) j["organisation"] = store.directory().org_name();
    c.out << j.dump(2) << "\n";
    return kOk;
}

int run_verify(Context& c) {
    const auto rep = c.store->verify();
    json problems = json::array();
    for (const auto& p : rep.problems)
        problems.push_back({{"op_seq", p.op_seq}, {"record", p.record}, {"op", p.op}, {"error", p.error}});
    c.out << json{{"ok", rep.ok()}, {"envelopes", rep.envelopes}, {"commits", rep.commits}, {"problems", problems},
                  {"database", rep.database}}
                 .dump(2)
          << "\n";
    return rep.ok() ? kOk : kIntegrity;
}

int run_passwd(Context& c) {
    auto np = passphrase(c.o.new_passphrase_file, "QUARTIER_NEW_PASSPHRASE", "New passphrase: ", c.interactive, c.err);
    if (!np || np->empty()) return fail(c.err, kUsage, "no new passphrase: use --new-passphrase-file or QUARTIER_NEW_PASSPHRASE");
    Wipe wipe_new{*np};
    if (auto r = c.store->change_passphrase(*np, kdf_params("calibrated")); !r) return fail(c.err, r);
    return kOk;
}

constexpr std::size_t kAny = SIZE_MAX;

const Command kCommands[] = {
    {"init", 0, 0, "init [--kdf calibrated|moderate|interactive]",
     "create a new store in DIR (default: calibrated to ~0.5 s per unlock)", Needs::Passphrase, false, check_init, nullptr,
     run_init},
    {"put", 2, kAny, "put TYPE [ID] FIELD=VALUE... [--scope SCOPE]",
     "create or update one record in one transaction; prints its id\n"
     "(an ID containing '=' is given as --id ID)",
     Needs::Store, false, nullptr, nullptr, run_put},
    {"batch", 0, 0, "batch",
     "read lines \"TYPE ID FIELD=VALUE...\" from stdin, one transaction per\n"
     "line, print \"ok ID\" after each line is durably written",
     Needs::Store, false, nullptr, nullptr, run_batch},
    {"get", 1, 1, "get ID", "print a record as JSON (conflicting versions included)", Needs::Store, true, nullptr, nullptr,
     run_get},
    {"list", 0, 1, "list [TYPE]", "print the live records as a JSON array", Needs::Store, true, nullptr, nullptr, run_list},
    {"history", 2, 2, "history ID FIELD", "print every version a field ever had, oldest first", Needs::Store, true, nullptr,
     nullptr, run_history},
    {"delete", 1, 1, "delete ID", "delete a record (a tombstone; concurrent edits keep it)", Needs::Store, false, nullptr,
     nullptr, run_delete},
    {"conflicts", 0, 0, "conflicts", "list every open conflict with all its versions (JSON)", Needs::Store, true, nullptr,
     nullptr, run_conflicts},
    {"resolve", 3, 3, "resolve ID FIELD VALUE",
     "settle a conflict (or a delete conflict: FIELD and VALUE keep the record)", Needs::Store, true, nullptr, nullptr,
     run_resolve},
    {"status", 0, 0, "status", "print a JSON summary: records, ops, pending, conflicts, problems", Needs::Store, false,
     nullptr, nullptr, run_status},
    {"verify", 0, 0, "verify", "check every envelope, commit signature and the database", Needs::Store, false, nullptr,
     nullptr, run_verify},
    {"passwd", 0, 0, "passwd",
     "change the passphrase (new one from --new-passphrase-file FILE or\n"
     "QUARTIER_NEW_PASSPHRASE); data is not re-encrypted",
     Needs::Store, false, nullptr, nullptr, run_passwd},
};

}  // namespace

std::span<const Command> records_commands() { return kCommands; }

}  // namespace quartier::cli
