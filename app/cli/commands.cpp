#include "cli.h"
#include "qr.h"
#include "demo.h"

#include "crypto/secure.h"
#include "sync/client.h"
#include "sync/consent.h"
#include "sync/escrow.h"
#include "sync/org.h"
#include "sync/retention.h"
#include "sync/roles.h"
#include "sync/sharing.h"
#include "sync/store.h"
#include "sync/wire.h"

#include <nlohmann/json.hpp>

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace quartier::cli {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kHelp = R"(quartier-cli — headless access to a Quartier store

Usage: quartier-cli --store DIR [--passphrase-file FILE] COMMAND [ARGS...]

Records:
  init [--kdf calibrated|moderate|interactive]
                          create a new store in DIR (default: calibrated to ~0.5 s per unlock)
  put TYPE [ID] FIELD=VALUE... [--scope SCOPE]
                          create or update one record in one transaction; prints its id
                          (an ID containing '=' is given as --id ID)
  batch                   read lines "TYPE ID FIELD=VALUE..." from stdin, one transaction per
                          line, print "ok ID" after each line is durably written
  get ID                  print a record as JSON (conflicting versions included)
  list [TYPE]             print the live records as a JSON array
  history ID FIELD        print every version a field ever had, oldest first
  delete ID               delete a record (a tombstone; concurrent edits keep it)
  conflicts               list every open conflict with all its versions (JSON)
  resolve ID FIELD VALUE  settle a conflict (or a delete conflict: FIELD and VALUE keep the record)
  status                  print a JSON summary: records, ops, pending, conflicts, problems
  verify                  check every envelope, commit signature and the database
  passwd                  change the passphrase (new one from --new-passphrase-file FILE or
                          QUARTIER_NEW_PASSPHRASE); data is not re-encrypted

Organisation and sync:
  org init --server URL --fingerprint HEX --bootstrap TOKEN --name NAME --escrow-file FILE
           [--device-name NAME]
                          found the organisation on a new quartier-server; this store keeps
                          the admin key and is enrolled as the admin's device. FILE receives the
                          organisation's escrow key, sealed under the escrow passphrase
                          (--escrow-passphrase-file or QUARTIER_ESCROW_PASSPHRASE): keep it
                          offline; an existing FILE is used as it is
  org lease DAYS          devices that have not synced for DAYS days refuse reads until they
                          sync (0: no lease)
  org enrol --name NAME [--role ROLE] [--provider NAME] [--qr FILE.svg]
                          print a one-time enrolment code for a new device (roles: caseworker,
                          team_lead, helper, planning, admin, dpo; a helper names its free
                          provider with --provider); --qr also writes it as a QR image
  org requests            list devices waiting for admission, with their confirmation strings
  org admit SAS           admit the device that shows confirmation string SAS
  org revoke DEVICE [--wipe]
                          revoke a device (lost tablet, leaving worker): the server refuses it,
                          every scope it could read moves to a new key epoch; --wipe orders it
                          to destroy its store at its next contact. Lists the scopes it held.
  enrol CODE [--device-name NAME]
                          present an enrolment code from a new store; prints the confirmation
                          string to compare with the admin
  sync                    push local changes, pull everything new (JSON report)
  scope create [--kind case|team|directory|report]
                          make a new scope (key at epoch 1); prints its id
  scope share SCOPE DEVICE
                          make an enrolled device a member of SCOPE and send it the keys
  scope unassign SCOPE DEVICE
                          take a device off a scope (case closed for it, transferred): the scope
                          moves to a new key epoch; the device purges it at its next sync
  scope assign SCOPE PROVIDER [--withdraw]
                          assign a case to a free provider (its helpers may then be members),
                          or withdraw it (its helpers are rotated past)
  scope list              the scopes this store holds keys for
  devices                 the organisation's enrolled devices (from the verified directory)

Entrusted entries and consent (§65 SGB VIII):
  entrusted put TYPE [ID] FIELD=VALUE...
                          write an entrusted entry into this device's personal scope, which
                          nobody else can read; prints its id
  entrusted list          the entrusted entries on this device (JSON)
  consent add --scope CASE --consenting WHO [--on-behalf-of WHOM] --data A[,B]
              --purpose P[,Q] --recipients R[,S] --form written|electronic|oral
              --valid-from YYYY-MM-DD [--valid-until YYYY-MM-DD]
                          record a consent in a case scope; recipients are roles or device ids
  consent withdraw ID [--note TEXT]
                          withdraw it: every member of the case learns it at its next sync
  consent list [--scope CASE]
                          the consent records this device holds, with their state (JSON)
  share ENTRY --scope CASE (--consent ID --purpose P | --exception N --reason TEXT) [--data CAT]
                          copy an entrusted entry into a case with a legal basis: a valid
                          consent covering data, purpose and every member of the case, or
                          one of §65(1) S. 1 Nr. 2-5 with a reason; exit 10 if refused
  exceptions              the §65(1) exceptions and their numbers
Retention and erasure (docs/retention.md):
  escrow restore --escrow-file FILE (--scope|--case) SCOPE --to DEVICE
                          admin: open the case's escrow wraps with the escrow key and grant every
                          epoch's key to an enrolled DEVICE, which then reads the case after a sync
  retention due           the case records on this store whose retention_end has passed (and
                          those whose retention_end is not a date YYYY-MM-DD)
  retention shred SCOPE --reason TEXT [--order retention|erasure]
                          admin: crypto-shred a case scope for good: the server drops its data,
                          key grants and escrow wraps, every device destroys its copy and confirms
  retention records       admin: the deletion records: each shred order, the devices' signed
                          confirmations and the devices still to confirm

Audit log:
  audit list [--device ID]
                          the audit chains this store holds as JSON: this device's own, and on a
                          data-protection officer's store every device's chain received by sync
  audit verify [--device ID]
                          check every chain (hash links, gaps, order, the recorded head, the copy
                          already synced); exit 3 naming the first broken link of the first broken chain

Demo:
  demo seed               write the fictional demo data into a new store: Norderstedt's four social
                          spaces and about 60 offers in the offer directory scope, and a few
                          families, each in a case scope of its own (scripts/run uses it)

Options:
  --store DIR             the store directory (or QUARTIER_STORE)
  --passphrase-file FILE  read the passphrase from the first line of FILE; otherwise
                          QUARTIER_PASSPHRASE, otherwise a prompt if stdin is a terminal
  --actor LABEL           who works, as the audit log names them (or QUARTIER_ACTOR; default:
                          this device's role)
  --legal-basis TEXT      the legal basis the audit entry of this command names (get, put,
                          batch, delete, resolve, list, history, conflicts, scope share)
  --help, --version

Exit codes:
  0 ok   1 usage   2 wrong passphrase, no passphrase or store in use   3 integrity failure
  4 no store or no such record   5 I/O error or corrupt database   6 store exists
  7 server unreachable   8 server refused the request   9 this device was revoked (and wiped,
  if the organisation ordered it)   10 refused by data protection (no legal basis, role policy)
  11 the offline lease expired: sync to unlock   12 the disk is full: nothing of the failed
  write was kept (batch: the lines acknowledged with "ok" are stored); free space and repeat
)";

struct Options {
    std::string store;
    std::string passphrase_file;
    std::string new_passphrase_file;
    std::string kdf = "calibrated";
    std::string id;  // --id
    std::map<std::string, std::string> named;  // --server, --fingerprint, --bootstrap, --name, ...
    std::vector<std::string> rest;
    std::string get(const std::string& k, const std::string& dflt = {}) const {
        auto it = named.find(k);
        return it == named.end() ? dflt : it->second;
    }
};

int fail(std::ostream& err, int code, const std::string& msg) {
    err << "quartier-cli: " << msg << "\n";
    return code;
}

int exit_for(sync::Error e) {
    switch (e) {
    case sync::Error::WrongPassphrase:
    case sync::Error::Busy: return kLocked;
    case sync::Error::NotFound: return kNotFound;
    case sync::Error::AlreadyExists: return kExists;
    case sync::Error::Integrity: return kIntegrity;
    case sync::Error::InvalidArgument: return kUsage;
    case sync::Error::Network: return kUnreachable;
    case sync::Error::Revoked: return kRevoked;
    case sync::Error::Denied: return kDenied;
    case sync::Error::LeaseExpired: return kLeaseExpired;
    case sync::Error::Full: return kFull;
    case sync::Error::Refused:
    case sync::Error::Protocol: return kRefused;
    default: return kStoreError;
    }
}

template <class T>
int fail(std::ostream& err, const sync::Result<T>& r) {
    std::string msg(sync::to_string(r.error()));
    if (!r.detail().empty() && r.detail() != msg) msg += ": " + r.detail();
    return fail(err, exit_for(r.error()), msg);
}

std::string read_first_line(const std::string& path, bool& ok) {
    std::ifstream f(path, std::ios::binary);
    std::string line;
    ok = bool(f) && bool(std::getline(f, line));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::string prompt_hidden(const char* prompt, std::ostream& err) {
    err << prompt << std::flush;
    termios old{};
    const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &old);
    err << "\n";
    return line;
}

// The passphrase from a file, the environment or a prompt; empty optional if none.
std::optional<std::string> passphrase(const std::string& file, const char* env, const char* prompt, bool interactive,
                                      std::ostream& err) {
    if (!file.empty()) {
        bool ok = false;
        std::string p = read_first_line(file, ok);
        if (!ok) return std::nullopt;
        return p;
    }
    if (const char* e = std::getenv(env); e && *e) return std::string(e);
    if (interactive) return prompt_hidden(prompt, err);
    return std::nullopt;
}

json version_json(const sync::FieldVersion& v) {
    return json{{"value", v.value}, {"hlc", v.hlc}, {"author", crypto::to_hex(v.author)}, {"op", crypto::to_hex(v.op)}};
}

json record_json(const sync::Record& r) {
    json fields = json::object(), conflicts = json::object();
    for (const auto& [name, f] : r.fields) {
        fields[name] = f.winner().value;
        if (f.conflicted()) {
            json versions = json::array();
            for (const auto& h : f.heads) versions.push_back(version_json(h));
            conflicts[name] = versions;
        }
    }
    json j{{"id", r.id}, {"type", r.type}, {"scope", crypto::to_hex(r.scope)}, {"fields", fields}};
    if (!conflicts.empty()) j["conflicts"] = conflicts;
    if (r.deleted()) j["deleted"] = true;
    if (r.delete_conflict()) j["delete_conflict"] = true;
    return j;
}

// Splits FIELD=VALUE; false if there is no '='.
bool split_assignment(const std::string& a, std::string& field, std::string& value) {
    const auto eq = a.find('=');
    if (eq == std::string::npos) return false;
    field = a.substr(0, eq);
    value = a.substr(eq + 1);
    return true;
}

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

crypto::PwhashParams kdf_params(const std::string& name) {
    if (name == "interactive") return {2, 64ull << 20};
    if (name == "moderate") return {3, 256ull << 20};
    return crypto::calibrate(std::chrono::milliseconds(500));
}

}  // namespace

namespace {

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

json report_json(const sync::SyncReport& r) {
    json rejected = json::array();
    for (const auto& p : r.rejected) rejected.push_back({{"seq", p.op_seq}, {"op", p.op}, {"error", p.error}});
    return json{{"directory_entries", r.directory_entries}, {"scopes_registered", r.scopes_registered},
                {"keys_added", r.keys_added}, {"pushed", r.pushed}, {"push_duplicates", r.push_duplicates},
                {"applied", r.applied}, {"duplicates", r.duplicates}, {"clock_skewed", r.skewed},
                {"retries", r.retries}, {"epochs_opened", r.epochs_opened}, {"members_rekeyed", r.members_rekeyed},
                {"scopes_purged", r.scopes_purged}, {"scopes_shredded", r.scopes_shredded}, {"cases_closed", r.cases_closed},
                {"escrow_uploaded", r.escrow_uploaded}, {"server_violations", r.server_violations},
                {"rejected", rejected}, {"held", r.held}, {"blocked_scopes", r.blocked_scopes},
                {"policy_violations", r.policy_violations}};
}

std::optional<sync::ScopeId> parse_scope(const std::string& hex) { return sync::wire::id_from_hex(hex); }

std::uint64_t now_ms() {
    return std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count());
}

json audit_entry_json(const sync::AuditEntry& e) {
    return json{{"seq", e.seq},           {"prev", crypto::to_hex(e.prev)}, {"hash", crypto::to_hex(e.hash())},
                {"time", e.time_ms},      {"server_time", e.server_time_ms}, {"actor", e.actor},
                {"action", sync::to_string(e.action)}, {"objects", e.objects}, {"legal_basis", e.legal_basis},
                {"detail", e.detail}};
}

json audit_break_json(const std::optional<sync::AuditBreak>& b) {
    if (!b) return nullptr;
    return json{{"seq", b->seq}, {"kind", sync::to_string(b->kind)}, {"reason", b->reason}};
}

// The chains of `audit list` / `audit verify`, narrowed to --device if given.
sync::Result<std::vector<sync::AuditChain>> audit_chains(const sync::Store& store, const std::string& device) {
    auto chains = store.audit_chains();
    if (!chains || device.empty()) return chains;
    auto id = sync::wire::id_from_hex(device);
    if (!id) return {sync::Error::InvalidArgument, "--device needs a device id (32 hex digits)"};
    std::vector<sync::AuditChain> one;
    for (auto& c : *chains)
        if (c.device == *id) one.push_back(std::move(c));
    if (one.empty()) return {sync::Error::NotFound, "this store holds no audit chain of device " + device};
    return one;
}

// The transport to the store's server, from the URL and fingerprint it was enrolled with.
sync::Result<std::unique_ptr<sync::Transport>> transport_of(const sync::Store& store) {
    auto url = store.setting("server_url");
    if (!url) return {sync::Error::InvalidArgument, "this store belongs to no organisation yet (org init or enrol)"};
    return sync::make_https_transport(*url, store.setting("fingerprint").value_or(""));
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    Options o;
    bool wipe_flag = false;
    bool withdraw_flag = false;
    if (const char* s = std::getenv("QUARTIER_STORE")) o.store = s;
    static const std::set<std::string> named_options = {"--server", "--fingerprint", "--bootstrap", "--name",
                                                         "--device-name", "--role", "--kind", "--scope", "--qr",
                                                         "--actor", "--legal-basis", "--device", "--provider",
                                                         "--consenting", "--on-behalf-of", "--data", "--purpose",
                                                         "--recipients", "--form", "--valid-from", "--valid-until",
                                                         "--consent", "--exception", "--reason", "--note", "--escrow-file",
                                                         "--escrow-passphrase-file", "--to", "--case", "--order"};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& dst) {
            if (i + 1 >= args.size()) return false;
            dst = args[++i];
            return true;
        };
        if (a == "--help" || a == "-h") {
            out << kHelp;
            return kOk;
        } else if (a == "--version") {
            out << "quartier-cli 0.1.0\n";
            return kOk;
        } else if (a == "--store") {
            if (!value(o.store)) return fail(err, kUsage, "--store needs a directory");
        } else if (a == "--passphrase-file") {
            if (!value(o.passphrase_file)) return fail(err, kUsage, "--passphrase-file needs a file");
        } else if (a == "--new-passphrase-file") {
            if (!value(o.new_passphrase_file)) return fail(err, kUsage, "--new-passphrase-file needs a file");
        } else if (a == "--kdf") {
            if (!value(o.kdf)) return fail(err, kUsage, "--kdf needs calibrated, moderate or interactive");
        } else if (a == "--id") {
            if (!value(o.id)) return fail(err, kUsage, "--id needs an id");
        } else if (a == "--wipe") {
            wipe_flag = true;
        } else if (a == "--withdraw") {
            withdraw_flag = true;
        } else if (named_options.count(a)) {
            if (!value(o.named[a.substr(2)])) return fail(err, kUsage, a + " needs a value");
        } else if (a.size() > 2 && a.rfind("--", 0) == 0) {
            return fail(err, kUsage, "unknown option " + a + " (see --help)");
        } else {
            o.rest.push_back(a);
        }
    }
    if (o.rest.empty()) {
        err << kHelp;
        return kUsage;
    }
    // Two-word commands: "org init", "scope share", ...
    std::string cmd = o.rest[0];
    std::vector<std::string> argv(o.rest.begin() + 1, o.rest.end());
    if ((cmd == "org" || cmd == "scope" || cmd == "audit" || cmd == "consent" || cmd == "entrusted" || cmd == "demo" ||
         cmd == "escrow" || cmd == "retention") &&
        !argv.empty()) {
        cmd += " " + argv.front();
        argv.erase(argv.begin());
    }
    static const std::map<std::string, std::pair<std::size_t, std::size_t>> arity = {
        {"init", {0, 0}},        {"put", {2, SIZE_MAX}},  {"batch", {0, 0}},       {"get", {1, 1}},
        {"list", {0, 1}},        {"history", {2, 2}},     {"delete", {1, 1}},      {"status", {0, 0}},
        {"verify", {0, 0}},      {"passwd", {0, 0}},      {"conflicts", {0, 0}},   {"resolve", {3, 3}},
        {"org init", {0, 0}},    {"org enrol", {0, 0}},   {"org requests", {0, 0}}, {"org admit", {1, 1}},
        {"org revoke", {1, 1}},
        {"enrol", {1, 1}},       {"sync", {0, 0}},        {"scope create", {0, 0}}, {"scope share", {2, 2}},
        {"scope list", {0, 0}},  {"scope unassign", {2, 2}}, {"devices", {0, 0}},
        {"audit list", {0, 0}},  {"audit verify", {0, 0}},  {"demo seed", {0, 0}},
        {"entrusted put", {2, SIZE_MAX}}, {"entrusted list", {0, 0}}, {"consent add", {0, 0}},
        {"consent withdraw", {1, 1}}, {"consent list", {0, 0}}, {"share", {1, 1}}, {"exceptions", {0, 0}},
        {"scope assign", {2, 2}},
        {"org lease", {1, 1}},   {"escrow restore", {0, 0}}, {"retention due", {0, 0}}, {"retention shred", {1, 1}},
        {"retention records", {0, 0}}};
    auto ar = arity.find(cmd);
    if (ar == arity.end()) return fail(err, kUsage, "unknown command '" + cmd + "' (see --help)");
    if (argv.size() < ar->second.first || argv.size() > ar->second.second)
        return fail(err, kUsage, "wrong number of arguments for '" + cmd + "' (see --help)");
    if (o.store.empty()) return fail(err, kUsage, "no store given: use --store DIR or QUARTIER_STORE");
    if (cmd == "init" && o.kdf != "calibrated" && o.kdf != "moderate" && o.kdf != "interactive")
        return fail(err, kUsage, "--kdf must be calibrated, moderate or interactive");
    if (cmd == "org init")
        for (const char* k : {"server", "fingerprint", "bootstrap", "name"})
            if (o.get(k).empty()) return fail(err, kUsage, std::string("org init needs --") + k);
    if (cmd == "org enrol" && o.get("name").empty()) return fail(err, kUsage, "org enrol needs --name");
    if (cmd == "org init" && o.get("escrow-file").empty()) return fail(err, kUsage, "org init needs --escrow-file");
    if (cmd == "escrow restore") {
        if (o.get("escrow-file").empty() || o.get("to").empty() || o.get("scope").empty() == o.get("case").empty())
            return fail(err, kUsage, "escrow restore needs --escrow-file, --to and one of --scope or --case");
    }
    if (cmd == "retention shred") {
        if (o.get("reason").empty()) return fail(err, kUsage, "retention shred needs --reason (the legal reason)");
        if (const auto ord = o.get("order", "retention"); ord != "retention" && ord != "erasure")
            return fail(err, kUsage, "--order must be retention or erasure");
    }

    // Prompt only when reading the real terminal (never when a caller passes its own stream).
    const bool interactive = &in == &std::cin && isatty(STDIN_FILENO);
    auto pass = passphrase(o.passphrase_file, "QUARTIER_PASSPHRASE", "Passphrase: ", interactive, err);
    if (!pass) return fail(err, kLocked, "no passphrase: use --passphrase-file, QUARTIER_PASSPHRASE or a terminal");
    struct Wipe {
        std::string& s;
        ~Wipe() { crypto::wipe(s); }
    } wipe_pass{*pass};

    if (cmd == "init") {
        if (pass->empty()) return fail(err, kUsage, "the passphrase must not be empty");
        auto s = sync::Store::create(o.store, *pass, kdf_params(o.kdf));
        if (!s) return fail(err, s);
        out << json{{"store", o.store}, {"device", crypto::to_hex((*s)->device().id())}}.dump() << "\n";
        return kOk;
    }

    sync::StoreOptions options;
    options.kdf_floor = crypto::PwhashParams{2, 64ull << 20};  // rehash stores made weaker than this
    options.actor = o.get("actor");
    if (const char* a = std::getenv("QUARTIER_ACTOR"); a && options.actor.empty()) options.actor = a;
    const std::string legal_basis = o.get("legal-basis");
    auto opened = sync::Store::open(o.store, *pass, std::move(options));
    if (!opened) return fail(err, opened);
    sync::Store& store = **opened;
    for (const auto& p : store.problems())
        err << "quartier-cli: warning: damaged envelope (op seq " << p.op_seq
            << (p.record.empty() ? "" : ", record " + p.record) << "): " << p.error << "\n";

    std::optional<sync::ScopeId> scope;
    if (!o.get("scope").empty()) {
        scope = parse_scope(o.get("scope"));
        if (!scope) return fail(err, kUsage, "--scope needs a scope id (32 hex digits)");
    }

    if (cmd == "put") {
        sync::Writer w(store);
        w.legal_basis(legal_basis);
        auto id = stage_put(w, o.rest, 1, o.id, scope ? &*scope : nullptr);
        if (!id) return fail(err, id);
        if (auto r = w.commit(); !r) return fail(err, r);
        out << *id << "\n";
        return kOk;
    }
    if (cmd == "batch") {
        std::size_t n = 0;
        for (std::string line; std::getline(in, line);) {
            ++n;
            const auto words = split_words(line);
            if (words.empty()) continue;
            sync::Writer w(store);
            w.legal_basis(legal_basis);
            auto id = stage_put(w, words, 0, {}, scope ? &*scope : nullptr);
            if (!id) return fail(err, exit_for(id.error()), "line " + std::to_string(n) + ": " + id.detail());
            if (auto r = w.commit(); !r) return fail(err, r);
            out << "ok " << *id << std::endl;  // flushed: acknowledged only once durable
        }
        return kOk;
    }
    // The offline lease (docs/retention.md): a locked store shows nothing until a sync.
    static const std::set<std::string> reads = {"get", "list", "history", "conflicts", "resolve", "retention due"};
    if (reads.count(cmd))
        if (auto l = store.readable(); !l) return fail(err, l);

    if (cmd == "get") {
        const sync::Record* r = store.get(argv[0]);
        if (!r && store.get_all(argv[0]).size() > 1)  // docs/threat-model.md, "Records bound to their scope"
            return fail(err, kIntegrity, "record id " + argv[0] + " is in several scopes: see `verify`");
        if (!r) return fail(err, kNotFound, "no record " + argv[0]);
        if (auto a = store.record_open(argv[0], legal_basis); !a) return fail(err, a);  // no showing without its record
        out << record_json(*r).dump(2) << "\n";
        return kOk;
    }
    if (cmd == "list") {
        json arr = json::array();
        std::vector<std::string> ids;
        for (const sync::Record* r : store.list(argv.empty() ? std::string() : argv[0])) {
            arr.push_back(record_json(*r));
            ids.push_back(r->id);
        }
        const std::string what = "list" + (argv.empty() ? std::string() : " " + argv[0]) + ": " + std::to_string(ids.size()) + " records";
        if (auto a = store.audit(sync::AuditAction::Export, std::move(ids), legal_basis, what); !a) return fail(err, a);
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "history") {
        auto h = store.history(argv[0], argv[1]);
        if (!h) return fail(err, h);
        if (h->empty()) return fail(err, kNotFound, "no versions of " + argv[1] + " on record " + argv[0]);
        if (auto a = store.record_open(argv[0], legal_basis, "history of " + argv[1]); !a) return fail(err, a);
        json arr = json::array();
        for (const auto& v : *h) arr.push_back(version_json(v));
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "delete") {
        sync::Writer w(store);
        w.legal_basis(legal_basis);
        if (auto r = w.remove(argv[0]); !r) return fail(err, r);
        if (auto r = w.commit(); !r) return fail(err, r);
        return kOk;
    }
    if (cmd == "conflicts") {
        const json arr = conflicts_json(store);
        std::vector<std::string> ids;
        for (const auto& c : arr) ids.push_back(c["id"].get<std::string>());
        const std::string what = "conflicts: " + std::to_string(ids.size()) + " records";
        if (auto a = store.audit(sync::AuditAction::Export, std::move(ids), legal_basis, what); !a) return fail(err, a);
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "resolve") {
        const sync::Record* r = store.get(argv[0]);
        if (!r) return fail(err, kNotFound, "no record " + argv[0]);
        sync::Writer w(store);
        w.legal_basis(legal_basis);
        // A field conflict is resolved; on a delete conflict, writing the field keeps the record.
        auto res = r->fields.count(argv[1]) ? w.resolve(argv[0], argv[1], argv[2])
                                            : [&]() -> sync::Result<void> {
                                                  auto s = w.set(r->type, argv[0], argv[1], argv[2]);
                                                  if (!s) return s.failure();
                                                  return {};
                                              }();
        if (!res) return fail(err, res);
        if (auto c = w.commit(); !c) return fail(err, c);
        return kOk;
    }
    if (cmd == "status") {
        const auto st = store.status();
        json j{{"device", st.device}, {"records", st.records}, {"deleted", st.deleted}, {"ops", st.ops},
               {"pending", st.pending}, {"pending_records", st.pending_records}, {"conflicts", st.conflicts}, {"problems", st.problems},
               {"held", st.held}, {"audit_entries", st.audit_entries}, {"audit_pending", st.audit_pending}};
        if (auto ls = store.setting("last_sync")) j["last_sync_ms"] = std::stoll(*ls);
        if (const auto lease = sync::lease_status(store); lease.days)
            j["lease"] = {{"days", lease.days}, {"expires_ms", lease.expires_ms}, {"expired", lease.expired}};
        if (store.directory().founded()) j["organisation"] = store.directory().org_name();
        out << j.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "verify") {
        const auto rep = store.verify();
        json problems = json::array();
        for (const auto& p : rep.problems)
            problems.push_back({{"op_seq", p.op_seq}, {"record", p.record}, {"op", p.op}, {"error", p.error}});
        out << json{{"ok", rep.ok()}, {"envelopes", rep.envelopes}, {"commits", rep.commits}, {"problems", problems},
                    {"database", rep.database}}
                   .dump(2)
            << "\n";
        return rep.ok() ? kOk : kIntegrity;
    }
    if (cmd == "passwd") {
        auto np = passphrase(o.new_passphrase_file, "QUARTIER_NEW_PASSPHRASE", "New passphrase: ", interactive, err);
        if (!np || np->empty()) return fail(err, kUsage, "no new passphrase: use --new-passphrase-file or QUARTIER_NEW_PASSPHRASE");
        Wipe wipe_new{*np};
        if (auto r = store.change_passphrase(*np, kdf_params("calibrated")); !r) return fail(err, r);
        return kOk;
    }
    if (cmd == "scope create") {
        const std::string kind = o.get("kind", "case");
        if (kind != "case" && kind != "team" && kind != "directory" && kind != "report")
            return fail(err, kUsage, "--kind must be case, team, directory or report");
        // Refused at once if this device's role may not hold such a scope (sync/roles.h).
        const sync::Directory& dir = store.directory();
        if (const sync::DeviceInfo* me = dir.device(store.device().id()))
            if (auto ok = sync::roles::may_hold(dir, crypto::random_id(), *sync::scope_kind_from(kind), me->id); !ok.allowed)
                return fail(err, kDenied, "role: " + ok.reason);
        auto id = store.create_scope();
        if (!id) return fail(err, id);
        if (auto r = store.set_setting("scope_kind:" + crypto::to_hex(*id), kind); !r) return fail(err, r);
        out << crypto::to_hex(*id) << "\n";
        return kOk;
    }
    if (cmd == "scope list") {
        json arr = json::array();
        for (const auto& [sc, epoch] : store.scope_keys()) {
            const auto kind = store.directory().scope_kind(sc);
            arr.push_back({{"scope", crypto::to_hex(sc)}, {"epoch", epoch}, {"default", sc == store.default_scope()},
                           {"kind", kind ? std::string(sync::to_string(*kind)) : store.setting("scope_kind:" + crypto::to_hex(sc)).value_or(sc == store.default_scope() ? "personal" : "case")},
                           {"registered", store.directory().scope_known(sc)}});
        }
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "entrusted put") {
        std::vector<std::pair<std::string, std::string>> fields;
        std::size_t i = 1;
        std::string id = o.id, field, value;
        if (id.empty() && !split_assignment(argv[i], field, value)) id = argv[i++];
        if (i >= argv.size()) return fail(err, kUsage, "entrusted put needs at least one FIELD=VALUE");
        for (; i < argv.size(); ++i) {
            if (!split_assignment(argv[i], field, value)) return fail(err, kUsage, "expected FIELD=VALUE, got '" + argv[i] + "'");
            fields.emplace_back(field, value);
        }
        auto r = sync::consent::write_entrusted(store, argv[0], fields, id);
        if (!r) return fail(err, r);
        out << *r << "\n";
        return kOk;
    }
    if (cmd == "entrusted list") {
        json arr = json::array();
        std::vector<std::string> ids;
        for (const sync::Record* r : store.list())
            if (sync::consent::is_entrusted(store, *r) && r->type != sync::kAuditRecordType) {
                arr.push_back(record_json(*r));
                ids.push_back(r->id);
            }
        if (auto a = store.audit(sync::AuditAction::Export, ids, legal_basis, "entrusted list: " + std::to_string(ids.size()) + " records"); !a)
            return fail(err, a);
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "exceptions") {
        json arr = json::array();
        for (const auto& e : sync::consent::exceptions())
            arr.push_back({{"number", e.number}, {"key", e.key}, {"summary", e.summary}});
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "consent add") {
        if (!scope) return fail(err, kUsage, "consent add needs --scope CASE");
        auto csv = [](const std::string& text) {
            std::vector<std::string> v;
            std::stringstream ss(text);
            for (std::string item; std::getline(ss, item, ',');)
                if (!item.empty()) v.push_back(item);
            return v;
        };
        sync::consent::ConsentRecord c;
        c.consenting = o.get("consenting");
        c.on_behalf_of = o.get("on-behalf-of");
        c.data = csv(o.get("data"));
        c.purposes = csv(o.get("purpose"));
        c.recipients = csv(o.get("recipients"));
        c.form = o.get("form");
        c.valid_from = o.get("valid-from");
        c.valid_until = o.get("valid-until");
        auto id = sync::consent::add_consent(store, *scope, std::move(c), now_ms());
        if (!id) return fail(err, id);
        out << *id << "\n";
        return kOk;
    }
    if (cmd == "consent withdraw") {
        if (auto r = sync::consent::withdraw_consent(store, argv[0], o.get("note"), now_ms()); !r) return fail(err, r);
        return kOk;
    }
    if (cmd == "consent list") {
        json arr = json::array();
        std::vector<std::string> ids;
        for (const auto& c : sync::consent::list_consents(store, scope)) {
            ids.push_back(c.id);
            arr.push_back({{"id", c.id}, {"scope", crypto::to_hex(c.scope)}, {"state", sync::consent::to_string(sync::consent::state(c, now_ms()))},
                           {"consenting", c.consenting}, {"on_behalf_of", c.on_behalf_of}, {"data", c.data},
                           {"purposes", c.purposes}, {"recipients", c.recipients}, {"form", c.form},
                           {"valid_from", c.valid_from}, {"valid_until", c.valid_until}, {"recorded_by", c.recorded_by},
                           {"withdrawn_at", c.withdrawn_at}, {"withdrawn_by", c.withdrawn_by}, {"withdrawal_note", c.withdrawal_note}});
        }
        if (auto a = store.audit(sync::AuditAction::Export, ids, legal_basis, "consent list: " + std::to_string(ids.size()) + " records"); !a)
            return fail(err, a);
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "share") {
        if (!scope) return fail(err, kUsage, "share needs --scope CASE");
        sync::consent::DisclosureRequest req;
        req.entry = argv[0];
        req.case_scope = *scope;
        req.data = o.get("data");
        req.purpose = o.get("purpose");
        req.consent = o.get("consent");
        req.reason = o.get("reason");
        if (const std::string n = o.get("exception"); !n.empty()) {
            if (n.find_first_not_of("0123456789") != std::string::npos || n.size() > 2)
                return fail(err, kUsage, "--exception needs the number of a §65(1) exception (2 to 5; see `exceptions`)");
            req.exception = std::stoi(n);
        }
        auto d = sync::consent::disclose(store, req, now_ms());
        if (!d) return fail(err, d);
        json recipients = json::array();
        for (const auto& r : d->recipients) recipients.push_back(crypto::to_hex(r));
        out << json{{"disclosure", d->id}, {"copy", d->copy}, {"legal_basis", d->legal_basis}, {"recipients", recipients}}.dump(2)
            << "\n";
        return kOk;
    }
    if (cmd == "audit list") {
        // Reading the log is itself recorded (on a DPO's store it shows other devices' activity).
        auto all = store.audit_chains();
        if (!all) return fail(err, all);
        std::vector<std::string> devices;
        for (const auto& c : *all) devices.push_back(crypto::to_hex(c.device));
        if (auto a = store.audit(sync::AuditAction::Export, std::move(devices), legal_basis, "audit list"); !a) return fail(err, a);
        auto chains = audit_chains(store, o.get("device"));
        if (!chains) return fail(err, chains);
        json arr = json::array();
        for (const auto& c : *chains) {
            json entries = json::array();
            for (const auto& e : c.entries) entries.push_back(audit_entry_json(e));
            arr.push_back({{"device", crypto::to_hex(c.device)}, {"local", c.local}, {"ok", !c.broken},
                           {"broken", audit_break_json(c.broken)}, {"entries", entries}});
        }
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "audit verify") {
        auto chains = audit_chains(store, o.get("device"));
        if (!chains) return fail(err, chains);
        json arr = json::array();
        const sync::AuditChain* first = nullptr;
        for (const auto& c : *chains) {
            if (c.broken && !first) first = &c;
            arr.push_back({{"device", crypto::to_hex(c.device)}, {"local", c.local}, {"entries", c.entries.size()},
                           {"ok", !c.broken}, {"broken", audit_break_json(c.broken)}});
        }
        out << json{{"ok", first == nullptr}, {"chains", arr}}.dump(2) << "\n";
        if (!first) return kOk;
        return fail(err, kIntegrity,
                    "audit chain of device " + crypto::to_hex(first->device) + " is broken at entry " +
                        std::to_string(first->broken->seq) + " (" + std::string(sync::to_string(first->broken->kind)) +
                        "): " + first->broken->reason);
    }
    if (cmd == "demo seed") {
        auto seeded = seed_demo(store, today_utc());
        if (!seeded) return fail(err, seeded);
        out << json{{"social_spaces", seeded->social_spaces}, {"organizations", seeded->organizations},
                    {"services", seeded->services}, {"missing_wanted", seeded->missing_wanted},
                    {"cases", seeded->case_ids}, {"family_records", seeded->family_records},
                    {"worker", seeded->worker}, {"offer_scope", seeded->offer_scope},
                    {"case_scopes", seeded->case_scopes}}
                   .dump(2)
            << "\n";
        return kOk;
    }
    if (cmd == "retention due") {
        json arr = json::array();
        for (const auto& d : sync::retention_review(store, sync::RetentionPolicy{}, store.now_ms()))
            arr.push_back({{"scope", crypto::to_hex(d.scope)}, {"case", d.record}, {"retention_class", d.retention_class},
                           {"retention_end", d.retention_end}, {"malformed", d.malformed}});
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "devices") {
        json arr = json::array();
        for (const auto& d : store.directory().devices()) {
            json scopes = json::array();
            for (const auto& m : store.directory().memberships(d.id)) scopes.push_back(crypto::to_hex(m.scope));
            arr.push_back({{"device", crypto::to_hex(d.id)}, {"name", d.name}, {"role", d.role}, {"revoked", d.revoked},
                           {"scopes", scopes}, {"this_device", d.id == store.device().id()}});
        }
        out << arr.dump(2) << "\n";
        return kOk;
    }

    // Everything below talks to the server.
    sync::Result<std::unique_ptr<sync::Transport>> transport = [&]() -> sync::Result<std::unique_ptr<sync::Transport>> {
        if (cmd == "org init") return sync::make_https_transport(o.get("server"), o.get("fingerprint"));
        if (cmd == "enrol") {
            auto code = sync::EnrolCode::parse(argv[0]);
            if (!code) return code.failure();
            return sync::make_https_transport(code->url, code->fingerprint);
        }
        return transport_of(store);
    }();
    if (!transport) return fail(err, transport);
    sync::SyncClient client(store, **transport);

    if (cmd == "org init") {
        // The escrow file is written before the organisation exists: a founded organisation whose
        // escrow secret was never kept could not restore anything.
        const fs::path escrow_path = o.get("escrow-file");
        std::error_code ec;
        sync::Result<sync::EscrowFile> escrow = fs::exists(escrow_path, ec) ? sync::EscrowFile::read(escrow_path)
                                                                              : sync::Result<sync::EscrowFile>(sync::Error::NotFound);
        if (!escrow && escrow.error() != sync::Error::NotFound) return fail(err, escrow);
        if (!escrow) {
            auto ep = passphrase(o.get("escrow-passphrase-file"), "QUARTIER_ESCROW_PASSPHRASE", "Escrow passphrase: ", interactive, err);
            if (!ep || ep->empty())
                return fail(err, kUsage, "no escrow passphrase: use --escrow-passphrase-file or QUARTIER_ESCROW_PASSPHRASE");
            Wipe wipe_escrow{*ep};
            escrow = sync::EscrowFile::create(*ep, kdf_params(o.kdf));
            if (!escrow) return fail(err, escrow);
            if (auto w = escrow->write(escrow_path); !w) return fail(err, w);
        }
        auto r = sync::found_organisation(store, client, o.get("name"), o.get("bootstrap"), o.get("server"),
                                          o.get("fingerprint"), o.get("device-name", "admin"), escrow->pk);
        if (!r) return fail(err, r);
        out << json{{"organisation", crypto::to_hex(store.directory().org())}, {"device", crypto::to_hex(store.device().id())}}.dump() << "\n";
        return kOk;
    }
    if (cmd == "org enrol") {
        auto code = sync::offer_enrolment(store, client, o.get("name"), o.get("role", "caseworker"), o.get("provider"));
        if (!code) return fail(err, code);
        if (const std::string path = o.get("qr"); !path.empty()) {
            auto svg = qr_svg(code->to_string());
            std::ofstream f(path, std::ios::binary | std::ios::trunc);
            if (!svg || !(f << *svg)) return fail(err, kStoreError, "cannot write the QR image to " + path);
        }
        out << code->to_string() << "\n";
        return kOk;
    }
    if (cmd == "org requests") {
        auto p = sync::pending_enrolments(store, client);
        if (!p) return fail(err, p);
        json arr = json::array();
        for (const auto& e : *p)
            arr.push_back({{"name", e.name}, {"role", e.role}, {"sas", e.sas}, {"device", crypto::to_hex(crypto::device_id_of(e.sign_pk))}});
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "org admit") {
        auto id = sync::admit(store, client, argv[0]);
        if (!id) return fail(err, id);
        out << crypto::to_hex(*id) << "\n";
        return kOk;
    }
    if (cmd == "org revoke") {
        auto dev = sync::wire::id_from_hex(argv[0]);
        if (!dev) return fail(err, kUsage, "org revoke needs a device id (32 hex digits)");
        auto rep = sync::revoke_device(store, client, *dev, wipe_flag);
        if (!rep) return fail(err, rep);
        json scopes = json::array();
        for (const auto& m : rep->scopes)
            scopes.push_back({{"scope", crypto::to_hex(m.scope)}, {"epoch", m.epoch}, {"kind", sync::to_string(m.kind)}});
        out << json{{"device", argv[0]}, {"name", rep->device.name}, {"role", rep->device.role}, {"wipe_ordered", wipe_flag},
                    {"scopes_it_could_read", scopes}, {"rotated_now", rep->epochs_opened}}
                   .dump(2)
            << "\n";
        return kOk;
    }
    if (cmd == "enrol") {
        auto code = sync::EnrolCode::parse(argv[0]);
        if (!code) return fail(err, code);
        auto sas = sync::request_enrolment(store, client, *code, o.get("device-name", "device"));
        if (!sas) return fail(err, sas);
        out << json{{"confirmation", *sas}, {"device", crypto::to_hex(store.device().id())}}.dump() << "\n";
        err << "quartier-cli: compare " << *sas << " with what the admin sees, then run `sync` once admitted\n";
        return kOk;
    }
    if (cmd == "sync") {
        auto r = client.sync();
        if (!r) return fail(err, r);
        for (const auto& p : r->rejected) err << "quartier-cli: warning: rejected from server: " << p.error << "\n";
        for (const auto& v : r->policy_violations)
            err << "quartier-cli: warning: the directory grants a reader the role policy forbids (rotated past): " << v << "\n";
        if (r->skewed) err << "quartier-cli: warning: " << r->skewed << " ops are dated more than a day ahead (a device clock is wrong)\n";
        out << report_json(*r).dump(2) << "\n";
        return kOk;
    }
    if (cmd == "org lease") {
        const std::string& a = argv[0];
        if (a.empty() || a.size() > 4 || a.find_first_not_of("0123456789") != std::string::npos)
            return fail(err, kUsage, "org lease needs a number of days (0 to 3650)");
        if (auto r = sync::set_lease(store, client, std::uint32_t(std::stoul(a))); !r) return fail(err, r);
        return kOk;
    }
    if (cmd == "escrow restore") {
        auto sc = parse_scope(o.get("scope").empty() ? o.get("case") : o.get("scope"));
        auto dev = sync::wire::id_from_hex(o.get("to"));
        if (!sc || !dev) return fail(err, kUsage, "escrow restore needs a scope id and a device id (32 hex digits each)");
        auto file = sync::EscrowFile::read(o.get("escrow-file"));
        if (!file) return fail(err, file);
        auto ep = passphrase(o.get("escrow-passphrase-file"), "QUARTIER_ESCROW_PASSPHRASE", "Escrow passphrase: ", interactive, err);
        if (!ep) return fail(err, kLocked, "no escrow passphrase: use --escrow-passphrase-file or QUARTIER_ESCROW_PASSPHRASE");
        Wipe wipe_escrow{*ep};
        auto secret = file->open(*ep);
        if (!secret) return fail(err, secret);
        auto rep = sync::restore_from_escrow(store, client, *secret, *sc, *dev);
        if (!rep) return fail(err, rep);
        out << json{{"scope", crypto::to_hex(rep->scope)}, {"device", crypto::to_hex(rep->device)}, {"epochs", rep->epochs},
                    {"missing_epochs", rep->missing}}
                   .dump(2)
            << "\n";
        if (!rep->missing.empty())
            err << "quartier-cli: warning: " << rep->missing.size() << " epochs have no escrow wrap: their data stays unreadable\n";
        return kOk;
    }
    if (cmd == "retention shred") {
        auto sc = parse_scope(argv[0]);
        if (!sc) return fail(err, kUsage, "retention shred needs a scope id (32 hex digits)");
        auto ord = sync::order_shred(store, client, *sc, o.get("order", "retention"), o.get("reason"));
        if (!ord) return fail(err, ord);
        auto synced = client.sync();  // this store's own copy goes at once
        if (!synced) return fail(err, synced);
        out << json{{"scope", argv[0]}, {"order", ord->order}, {"reason", ord->reason}, {"directory_entry", ord->seq}}.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "retention records") {
        auto recs = sync::deletion_records(store, client);
        if (!recs) return fail(err, recs);
        json arr = json::array();
        for (const auto& rec : *recs) {
            json confirmed = json::array(), pending = json::array();
            for (const auto& c : rec.confirmed)
                confirmed.push_back({{"device", crypto::to_hex(c.device)}, {"time", c.time_ms}, {"epochs_destroyed", c.epochs},
                                     {"ops_removed", c.ops}, {"server_clean", c.server_clean}});
            for (const auto& d : rec.pending) pending.push_back(crypto::to_hex(d));
            arr.push_back({{"scope", crypto::to_hex(rec.order.scope)}, {"order", rec.order.order}, {"reason", rec.order.reason},
                           {"directory_entry", rec.order.seq}, {"time", rec.order.time_ms}, {"confirmed", confirmed},
                           {"pending", pending}, {"problems", rec.problems}});
        }
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "scope unassign") {
        auto sc = parse_scope(argv[0]);
        auto dev = sync::wire::id_from_hex(argv[1]);
        if (!sc || !dev) return fail(err, kUsage, "scope unassign needs SCOPE and DEVICE ids (32 hex digits each)");
        if (auto r = client.unassign(*sc, *dev); !r) return fail(err, r);
        return kOk;
    }
    if (cmd == "scope assign") {
        auto sc = parse_scope(argv[0]);
        if (!sc) return fail(err, kUsage, "scope assign needs a SCOPE id (32 hex digits) and a PROVIDER");
        if (auto r = sync::roles::assign_provider(store, client, *sc, argv[1], !withdraw_flag); !r) return fail(err, r);
        return kOk;
    }
    if (cmd == "scope share") {
        auto sc = parse_scope(argv[0]);
        auto dev = sync::wire::id_from_hex(argv[1]);
        if (!sc || !dev) return fail(err, kUsage, "scope share needs SCOPE and DEVICE ids (32 hex digits each)");
        if (auto r = sync::sharing::share(store, client, *sc, *dev, legal_basis); !r) return fail(err, r);
        return kOk;
    }
    return fail(err, kUsage, "unknown command");
}

}  // namespace quartier::cli
