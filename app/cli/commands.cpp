#include "cli.h"

#include "crypto/secure.h"
#include "sync/store.h"

#include <nlohmann/json.hpp>

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace quartier::cli {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kHelp = R"(quartier-cli — headless access to a Quartier store

Usage: quartier-cli --store DIR [--passphrase-file FILE] COMMAND [ARGS...]

Commands:
  init [--kdf calibrated|moderate|interactive]
                          create a new store in DIR (default: calibrated to ~0.5 s per unlock)
  put TYPE [ID] FIELD=VALUE...
                          create or update one record in one transaction; prints its id
                          (an ID containing '=' is given as --id ID)
  batch                   read lines "TYPE ID FIELD=VALUE..." from stdin, one transaction per
                          line, print "ok ID" after each line is durably written
  get ID                  print a record as JSON (conflicting versions included)
  list [TYPE]             print the live records as a JSON array
  history ID FIELD        print every version a field ever had, oldest first
  delete ID               delete a record (a tombstone; concurrent edits keep it)
  status                  print a JSON summary: records, ops, pending, conflicts, problems
  verify                  check every envelope, commit signature and the database
  passwd                  change the passphrase (new one from --new-passphrase-file FILE or
                          QUARTIER_NEW_PASSPHRASE); data is not re-encrypted

Options:
  --store DIR             the store directory (or QUARTIER_STORE)
  --passphrase-file FILE  read the passphrase from the first line of FILE; otherwise
                          QUARTIER_PASSPHRASE, otherwise a prompt if stdin is a terminal
  --help, --version

Exit codes:
  0 ok   1 usage   2 wrong passphrase, no passphrase or store in use   3 integrity failure
  4 no store or no such record   5 I/O error, full disk or corrupt database   6 store exists
)";

struct Options {
    std::string store;
    std::string passphrase_file;
    std::string new_passphrase_file;
    std::string kdf = "calibrated";
    std::string id;  // --id
    std::vector<std::string> rest;
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
                                    std::string id) {
    if (args.size() <= from) return {sync::Error::InvalidArgument, "put needs TYPE and FIELD=VALUE"};
    const std::string& type = args[from];
    std::size_t i = from + 1;
    std::string field, value;
    if (id.empty() && i < args.size() && !split_assignment(args[i], field, value)) id = args[i++];
    if (i >= args.size()) return {sync::Error::InvalidArgument, "put needs at least one FIELD=VALUE"};
    for (; i < args.size(); ++i) {
        if (!split_assignment(args[i], field, value))
            return {sync::Error::InvalidArgument, "expected FIELD=VALUE, got '" + args[i] + "'"};
        auto r = w.set(type, id, field, value);
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

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    Options o;
    if (const char* s = std::getenv("QUARTIER_STORE")) o.store = s;
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
        } else if (a.size() > 2 && a.rfind("--", 0) == 0 && o.rest.empty()) {
            return fail(err, kUsage, "unknown option " + a + " (see --help)");
        } else {
            o.rest.push_back(a);
        }
    }
    if (o.rest.empty()) {
        err << kHelp;
        return kUsage;
    }
    const std::string cmd = o.rest[0];
    static const std::map<std::string, std::pair<std::size_t, std::size_t>> arity = {
        {"init", {1, 1}}, {"put", {3, SIZE_MAX}}, {"batch", {1, 1}}, {"get", {2, 2}}, {"list", {1, 2}},
        {"history", {3, 3}}, {"delete", {2, 2}}, {"status", {1, 1}}, {"verify", {1, 1}}, {"passwd", {1, 1}}};
    auto ar = arity.find(cmd);
    if (ar == arity.end()) return fail(err, kUsage, "unknown command '" + cmd + "' (see --help)");
    if (o.rest.size() < ar->second.first || o.rest.size() > ar->second.second)
        return fail(err, kUsage, "wrong number of arguments for '" + cmd + "' (see --help)");
    if (o.store.empty()) return fail(err, kUsage, "no store given: use --store DIR or QUARTIER_STORE");
    if (cmd == "init" && o.kdf != "calibrated" && o.kdf != "moderate" && o.kdf != "interactive")
        return fail(err, kUsage, "--kdf must be calibrated, moderate or interactive");

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
    auto opened = sync::Store::open(o.store, *pass, std::move(options));
    if (!opened) return fail(err, opened);
    sync::Store& store = **opened;
    for (const auto& p : store.problems())
        err << "quartier-cli: warning: damaged envelope (op seq " << p.op_seq
            << (p.record.empty() ? "" : ", record " + p.record) << "): " << p.error << "\n";

    if (cmd == "put") {
        sync::Writer w(store);
        auto id = stage_put(w, o.rest, 1, o.id);
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
            auto id = stage_put(w, words, 0, {});
            if (!id) return fail(err, exit_for(id.error()), "line " + std::to_string(n) + ": " + id.detail());
            if (auto r = w.commit(); !r) return fail(err, r);
            out << "ok " << *id << std::endl;  // flushed: acknowledged only once durable
        }
        return kOk;
    }
    if (cmd == "get") {
        const sync::Record* r = store.get(o.rest[1]);
        if (!r) return fail(err, kNotFound, "no record " + o.rest[1]);
        out << record_json(*r).dump(2) << "\n";
        return kOk;
    }
    if (cmd == "list") {
        json arr = json::array();
        for (const sync::Record* r : store.list(o.rest.size() > 1 ? o.rest[1] : std::string())) arr.push_back(record_json(*r));
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "history") {
        auto h = store.history(o.rest[1], o.rest[2]);
        if (!h) return fail(err, h);
        if (h->empty()) return fail(err, kNotFound, "no versions of " + o.rest[2] + " on record " + o.rest[1]);
        json arr = json::array();
        for (const auto& v : *h) arr.push_back(version_json(v));
        out << arr.dump(2) << "\n";
        return kOk;
    }
    if (cmd == "delete") {
        sync::Writer w(store);
        if (auto r = w.remove(o.rest[1]); !r) return fail(err, r);
        if (auto r = w.commit(); !r) return fail(err, r);
        return kOk;
    }
    if (cmd == "status") {
        const auto st = store.status();
        out << json{{"device", st.device}, {"records", st.records}, {"deleted", st.deleted}, {"ops", st.ops},
                    {"pending", st.pending}, {"conflicts", st.conflicts}, {"problems", st.problems}}
                   .dump(2)
            << "\n";
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
    return fail(err, kUsage, "unknown command");
}

}  // namespace quartier::cli
