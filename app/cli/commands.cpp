// quartier-cli's front door: parses the command line, finds the command in the table (the
// sections of commands.h, in help order), checks its arguments, asks for the passphrase, opens the
// store and the server connection the command needs, and calls its handler. --help is generated
// from the same table. Also the helpers every area's handlers share. docs/cli.md describes the
// commands, options and exit codes.
#include "commands.h"

#include "sync/protocol/wire.h"

#include <termios.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>

namespace quartier::cli {

using nlohmann::json;

namespace {

constexpr std::string_view kHelpHead = R"(quartier-cli — headless access to a Quartier store

Usage: quartier-cli --store DIR [--passphrase-file FILE] COMMAND [ARGS...]
)";

constexpr std::string_view kHelpTail = R"(
Options:
  --store DIR             the store directory (or QUARTIER_STORE)
  --passphrase-file FILE  read the passphrase from the first line of FILE; otherwise
                          QUARTIER_PASSPHRASE, otherwise a prompt if stdin is a terminal
  --actor LABEL           who works, as the audit log names them (or QUARTIER_ACTOR; default:
                          this device's role)
  --legal-basis TEXT      the legal basis the audit entry of this command names (get, put,
                          batch, delete, resolve, list, history, conflicts, scope share,
                          report, feedback categorise)
  --help, --version

Exit codes:
  0 ok   1 usage   2 wrong passphrase, no passphrase or store in use   3 integrity failure
  4 no store or no such record   5 I/O error or corrupt database   6 store exists
  7 server unreachable   8 server refused the request   9 this device was revoked (and wiped,
  if the organisation ordered it)   10 refused by data protection (no legal basis, role policy,
  a report's population below the threshold)
  11 the offline lease expired: sync to unlock   12 the disk is full: nothing of the failed
  write was kept (batch: the lines acknowledged with "ok" are stored); free space and repeat
)";

// The help sections in order; each area's table lists its commands in help order.
std::array<Section, 8> sections() {
    return {Section{"Records:", true, records_commands()},
            Section{"Organisation and sync:", true, org_commands()},
            Section{"Entrusted entries and consent (§65 SGB VIII):", true, consent_commands()},
            Section{"Retention and erasure (docs/retention.md):", false, retention_commands()},
            Section{"Audit log:", true, audit_commands()},
            Section{"Reports (docs/reports.md):", true, reports_commands()},
            Section{"Sozialraumteam (docs/team.md):", true, team_commands()},
            Section{"Demo:", true, demo_commands()}};
}

// The help text: a usage of up to 22 characters shares its line with the first line of the help,
// which starts in column 26; a longer one stands on its own line(s) and the help follows below.
std::string help_text() {
    constexpr std::size_t kColumn = 26;
    std::string h(kHelpHead);
    for (const Section& s : sections()) {
        if (s.blank_line_before) h += "\n";
        h += std::string(s.heading) + "\n";
        for (const Command& c : s.commands) {
            std::string_view help = c.help;
            h += "  ";
            h += c.usage;
            if (c.usage.find('\n') == std::string_view::npos && c.usage.size() + 2 <= kColumn - 2)
                h += std::string(kColumn - 2 - c.usage.size(), ' ');
            else
                h += "\n" + std::string(kColumn, ' ');
            for (std::size_t nl; (nl = help.find('\n')) != std::string_view::npos; help.remove_prefix(nl + 1)) {
                h += help.substr(0, nl);
                h += "\n" + std::string(kColumn, ' ');
            }
            h += help;
            h += "\n";
        }
    }
    h += kHelpTail;
    return h;
}

const Command* find_command(const std::string& name) {
    for (const Section& s : sections())
        for (const Command& c : s.commands)
            if (c.name == name) return &c;
    return nullptr;
}

// "org", "scope", "team consult", ...: the first words of the commands of two or three words.
bool is_command_group(const std::string& words) {
    for (const Section& s : sections())
        for (const Command& c : s.commands)
            if (c.name.size() > words.size() && c.name.substr(0, words.size()) == words && c.name[words.size()] == ' ')
                return true;
    return false;
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

// The transport to the store's server, from the URL and fingerprint it was enrolled with.
Transport transport_of(const sync::Store& store) {
    auto url = store.setting("server_url");
    if (!url) return {sync::Error::InvalidArgument, "this store belongs to no organisation yet (org init or enrol)"};
    return sync::make_https_transport(*url, store.setting("fingerprint").value_or(""));
}

}  // namespace

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

bool split_assignment(const std::string& a, std::string& field, std::string& value) {
    const auto eq = a.find('=');
    if (eq == std::string::npos) return false;
    field = a.substr(0, eq);
    value = a.substr(eq + 1);
    return true;
}

crypto::PwhashParams kdf_params(const std::string& name) {
    if (name == "interactive") return {2, 64ull << 20};
    if (name == "moderate") return {3, 256ull << 20};
    return crypto::calibrate(std::chrono::milliseconds(500));
}

std::optional<sync::ScopeId> parse_scope(const std::string& hex) { return sync::wire::id_from_hex(hex); }

std::uint64_t now_ms() {
    return std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count());
}

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    Options o;
    if (const char* s = std::getenv("QUARTIER_STORE")) o.store = s;
    static const std::set<std::string> named_options = {"--server", "--fingerprint", "--bootstrap", "--name",
                                                         "--device-name", "--role", "--kind", "--scope", "--qr",
                                                         "--actor", "--legal-basis", "--device", "--provider",
                                                         "--consenting", "--on-behalf-of", "--data", "--purpose",
                                                         "--recipients", "--form", "--valid-from", "--valid-until",
                                                         "--consent", "--exception", "--reason", "--note", "--escrow-file",
                                                         "--escrow-passphrase-file", "--to", "--case", "--order",
                                                         "--from", "--space", "--stichtag", "--threshold", "--format", "--out",
                                                         "--team", "--question", "--by"};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& dst) {
            if (i + 1 >= args.size()) return false;
            dst = args[++i];
            return true;
        };
        if (a == "--help" || a == "-h") {
            out << help_text();
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
            o.wipe = true;
        } else if (a == "--withdraw") {
            o.withdraw = true;
        } else if (a == "--publish") {
            o.publish = true;
        } else if (named_options.count(a)) {
            if (!value(o.named[a.substr(2)])) return fail(err, kUsage, a + " needs a value");
        } else if (a.size() > 2 && a.rfind("--", 0) == 0) {
            return fail(err, kUsage, "unknown option " + a + " (see --help)");
        } else {
            o.rest.push_back(a);
        }
    }
    if (o.rest.empty()) {
        err << help_text();
        return kUsage;
    }
    // Commands of two or three words: "org init", "scope share", "team consult prepare", ...
    std::string name = o.rest[0];
    std::vector<std::string> argv(o.rest.begin() + 1, o.rest.end());
    while (is_command_group(name) && !argv.empty()) {
        name += " " + argv.front();
        argv.erase(argv.begin());
    }
    const Command* cmd = find_command(name);
    if (!cmd) return fail(err, kUsage, "unknown command '" + name + "' (see --help)");
    if (argv.size() < cmd->min_args || argv.size() > cmd->max_args)
        return fail(err, kUsage, "wrong number of arguments for '" + name + "' (see --help)");
    if (o.store.empty()) return fail(err, kUsage, "no store given: use --store DIR or QUARTIER_STORE");
    if (cmd->check)
        if (const int code = cmd->check(o, err); code != kOk) return code;

    // Prompt only when reading the real terminal (never when a caller passes its own stream).
    const bool interactive = &in == &std::cin && isatty(STDIN_FILENO);
    auto pass = passphrase(o.passphrase_file, "QUARTIER_PASSPHRASE", "Passphrase: ", interactive, err);
    if (!pass) return fail(err, kLocked, "no passphrase: use --passphrase-file, QUARTIER_PASSPHRASE or a terminal");
    Wipe wipe_pass{*pass};
    Context ctx{o, argv, in, out, err, interactive};
    if (cmd->needs == Needs::Passphrase) {
        ctx.passphrase = &*pass;
        return cmd->run(ctx);
    }

    sync::StoreOptions options;
    options.kdf_floor = crypto::PwhashParams{2, 64ull << 20};  // rehash stores made weaker than this
    options.actor = o.get("actor");
    if (const char* a = std::getenv("QUARTIER_ACTOR"); a && options.actor.empty()) options.actor = a;
    ctx.legal_basis = o.get("legal-basis");
    auto opened = sync::Store::open(o.store, *pass, std::move(options));
    if (!opened) return fail(err, opened);
    sync::Store& store = **opened;
    ctx.store = &store;
    for (const auto& p : store.problems())
        err << "quartier-cli: warning: damaged envelope (op seq " << p.op_seq
            << (p.record.empty() ? "" : ", record " + p.record) << "): " << p.error << "\n";

    if (!o.get("scope").empty()) {
        ctx.scope = parse_scope(o.get("scope"));
        if (!ctx.scope) return fail(err, kUsage, "--scope needs a scope id (32 hex digits)");
    }
    // The offline lease (docs/retention.md): a locked store shows nothing until a sync.
    if (cmd->lease_checked)
        if (auto l = store.readable(); !l) return fail(err, l);
    if (cmd->needs == Needs::Store) return cmd->run(ctx);

    // The command talks to the server.
    Transport transport = cmd->connect ? cmd->connect(o, argv) : transport_of(store);
    if (!transport) return fail(err, transport);
    sync::SyncClient client(store, **transport);
    ctx.client = &client;
    return cmd->run(ctx);
}

}  // namespace quartier::cli
