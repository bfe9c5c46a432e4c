// quartier-cli's command table: what one command is (name, argument count, help text, what it
// needs opened before it runs, its handler), the context a handler gets, and the helpers the
// handlers by area (cmd_records.cpp, cmd_org.cpp, cmd_consent.cpp, cmd_admin.cpp, cmd_reports.cpp, cmd_team.cpp) share.
// run_cli (commands.cpp) parses the options, finds the command in the table, checks its arity,
// opens what it needs and calls it; --help is generated from the same table. docs/cli.md
// describes the commands and exit codes.
#pragma once

#include "cli.h"

#include "crypto/secure.h"
#include "sync/client/client.h"
#include "sync/store/store.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace quartier::cli {

// The parsed command line.
struct Options {
    std::string store;
    std::string passphrase_file;
    std::string new_passphrase_file;
    std::string kdf = "calibrated";
    std::string id;  // --id
    bool wipe = false;      // --wipe (org revoke)
    bool withdraw = false;  // --withdraw (scope assign)
    bool publish = false;   // --publish (report demand, report cases)
    std::map<std::string, std::string> named;  // --server, --fingerprint, --bootstrap, --name, ...
    std::vector<std::string> rest;
    std::string get(const std::string& k, const std::string& dflt = {}) const {
        auto it = named.find(k);
        return it == named.end() ? dflt : it->second;
    }
};

// What run_cli opens before it calls a handler.
enum class Needs {
    Passphrase,  // only the passphrase (init: there is no store yet)
    Store,       // the store, opened and unlocked
    Server,      // the store and a client for its server
};

// Everything a handler works with. `store` is set unless the command needs only the passphrase,
// `client` only for Needs::Server; `passphrase` only for Needs::Passphrase.
struct Context {
    const Options& o;
    const std::vector<std::string>& argv;  // the arguments after the command's name
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool interactive;                     // a prompt may be shown (stdin is the real terminal)
    const std::string* passphrase = nullptr;
    sync::Store* store = nullptr;
    std::optional<sync::ScopeId> scope;   // --scope, parsed
    std::string legal_basis;              // --legal-basis
    sync::SyncClient* client = nullptr;
};

using Transport = sync::Result<std::unique_ptr<sync::Transport>>;

// One command of the table.
struct Command {
    std::string_view name;  // one or two words ("sync", "org init")
    std::size_t min_args;   // arguments after the name
    std::size_t max_args;   // SIZE_MAX: any number
    std::string_view usage; // for --help; a '\n' continues it on the next line
    std::string_view help;  // for --help; one line per '\n'
    Needs needs;
    bool lease_checked;     // a read the offline lease locks (docs/retention.md)
    // Checks of the named options, before any passphrase is asked for: an exit code, or kOk.
    int (*check)(const Options&, std::ostream& err);  // may be null
    // The transport to the server, if not the store's own (org init, enrol); may be null.
    Transport (*connect)(const Options&, const std::vector<std::string>& argv);
    int (*run)(Context&);
};

// The commands of one help section, in help order.
struct Section {
    std::string_view heading;
    bool blank_line_before;  // --help has no blank line before "Retention and erasure"
    std::span<const Command> commands;
};

// The tables of the areas, in help order.
std::span<const Command> records_commands();    // cmd_records.cpp
std::span<const Command> org_commands();        // cmd_org.cpp
std::span<const Command> consent_commands();    // cmd_consent.cpp
std::span<const Command> retention_commands();  // cmd_admin.cpp
std::span<const Command> audit_commands();      // cmd_admin.cpp
std::span<const Command> demo_commands();       // cmd_admin.cpp
std::span<const Command> reports_commands();    // cmd_reports.cpp
std::span<const Command> team_commands();       // cmd_team.cpp

// The team's case index brought up to date before a sync (cmd_team.cpp); a failure is a warning on err.
void refresh_team_index(sync::Store& store, std::ostream& err);

// ---- Helpers the handlers share (commands.cpp) -------------------------------------------------

// Prints "quartier-cli: MSG" to err; returns code.
int fail(std::ostream& err, int code, const std::string& msg);
int exit_for(sync::Error e);
template <class T>
int fail(std::ostream& err, const sync::Result<T>& r) {
    std::string msg(sync::to_string(r.error()));
    if (!r.detail().empty() && r.detail() != msg) msg += ": " + r.detail();
    return fail(err, exit_for(r.error()), msg);
}

// The passphrase from a file, the environment or a prompt; empty optional if none.
std::optional<std::string> passphrase(const std::string& file, const char* env, const char* prompt, bool interactive,
                                      std::ostream& err);
// Wipes a passphrase when it goes out of scope.
struct Wipe {
    std::string& s;
    ~Wipe() { crypto::wipe(s); }
};

crypto::PwhashParams kdf_params(const std::string& name);
nlohmann::json version_json(const sync::FieldVersion& v);
nlohmann::json record_json(const sync::Record& r);
// Splits FIELD=VALUE; false if there is no '='.
bool split_assignment(const std::string& a, std::string& field, std::string& value);
std::optional<sync::ScopeId> parse_scope(const std::string& hex);
std::uint64_t now_ms();

}  // namespace quartier::cli
