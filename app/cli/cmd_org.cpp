// quartier-cli, the organisation and sync commands: org init / lease / enrol / requests / admit /
// revoke, enrol, sync, scope create / share / unassign / assign / list, devices (docs/cli.md,
// docs/protocol.md, docs/roles.md). The ones that talk to the server get the client run_cli
// connected; org init and enrol connect to the server they name instead of the store's own.
#include "commands.h"
#include "qr.h"

#include "sync/org/escrow.h"
#include "sync/client/org.h"
#include "sync/client/roles.h"
#include "sync/client/sharing.h"
#include "sync/protocol/wire.h"

#include <filesystem>
#include <fstream>

namespace quartier::cli {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

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

int check_org_init(const Options& o, std::ostream& err) {
    for (const char* k : {"server", "fingerprint", "bootstrap", "name"})
        if (o.get(k).empty()) return fail(err, kUsage, std::string("org init needs --") + k);
    if (o.get("escrow-file").empty()) return fail(err, kUsage, "org init needs --escrow-file");
    return kOk;
}

Transport connect_org_init(const Options& o, const std::vector<std::string>&) {
    return sync::make_https_transport(o.get("server"), o.get("fingerprint"));
}

int run_org_init(Context& c) {
    const Options& o = c.o;
    sync::Store& store = *c.store;
    // The escrow file is written before the organisation exists: a founded organisation whose
    // escrow secret was never kept could not restore anything.
    const fs::path escrow_path = o.get("escrow-file");
    std::error_code ec;
    sync::Result<sync::EscrowFile> escrow = fs::exists(escrow_path, ec) ? sync::EscrowFile::read(escrow_path)
                                                                          : sync::Result<sync::EscrowFile>(sync::Error::NotFound);
    if (!escrow && escrow.error() != sync::Error::NotFound) return fail(c.err, escrow);
    if (!escrow) {
        auto ep = passphrase(o.get("escrow-passphrase-file"), "QUARTIER_ESCROW_PASSPHRASE", "Escrow passphrase: ", c.interactive, c.err);
        if (!ep || ep->empty())
            return fail(c.err, kUsage, "no escrow passphrase: use --escrow-passphrase-file or QUARTIER_ESCROW_PASSPHRASE");
        Wipe wipe_escrow{*ep};
        escrow = sync::EscrowFile::create(*ep, kdf_params(o.kdf));
        if (!escrow) return fail(c.err, escrow);
        if (auto w = escrow->write(escrow_path); !w) return fail(c.err, w);
    }
    auto r = sync::found_organisation(store, *c.client, o.get("name"), o.get("bootstrap"), o.get("server"),
                                      o.get("fingerprint"), o.get("device-name", "admin"), escrow->pk);
    if (!r) return fail(c.err, r);
    c.out << json{{"organisation", crypto::to_hex(store.directory().org())}, {"device", crypto::to_hex(store.device().id())}}.dump() << "\n";
    return kOk;
}

int run_org_lease(Context& c) {
    const std::string& a = c.argv[0];
    if (a.empty() || a.size() > 4 || a.find_first_not_of("0123456789") != std::string::npos)
        return fail(c.err, kUsage, "org lease needs a number of days (0 to 3650)");
    if (auto r = sync::set_lease(*c.store, *c.client, std::uint32_t(std::stoul(a))); !r) return fail(c.err, r);
    return kOk;
}

int check_org_enrol(const Options& o, std::ostream& err) {
    if (o.get("name").empty()) return fail(err, kUsage, "org enrol needs --name");
    return kOk;
}

int run_org_enrol(Context& c) {
    auto code = sync::offer_enrolment(*c.store, *c.client, c.o.get("name"), c.o.get("role", "caseworker"), c.o.get("provider"));
    if (!code) return fail(c.err, code);
    if (const std::string path = c.o.get("qr"); !path.empty()) {
        auto svg = qr_svg(code->to_string());
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        if (!svg || !(f << *svg)) return fail(c.err, kStoreError, "cannot write the QR image to " + path);
    }
    c.out << code->to_string() << "\n";
    return kOk;
}

int run_org_requests(Context& c) {
    auto p = sync::pending_enrolments(*c.store, *c.client);
    if (!p) return fail(c.err, p);
    json arr = json::array();
    for (const auto& e : *p)
        arr.push_back({{"name", e.name}, {"role", e.role}, {"sas", e.sas}, {"device", crypto::to_hex(crypto::device_id_of(e.sign_pk))}});
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_org_admit(Context& c) {
    auto id = sync::admit(*c.store, *c.client, c.argv[0]);
    if (!id) return fail(c.err, id);
    c.out << crypto::to_hex(*id) << "\n";
    return kOk;
}

int run_org_revoke(Context& c) {
    auto dev = sync::wire::id_from_hex(c.argv[0]);
    if (!dev) return fail(c.err, kUsage, "org revoke needs a device id (32 hex digits)");
    auto rep = sync::revoke_device(*c.store, *c.client, *dev, c.o.wipe);
    if (!rep) return fail(c.err, rep);
    json scopes = json::array();
    for (const auto& m : rep->scopes)
        scopes.push_back({{"scope", crypto::to_hex(m.scope)}, {"epoch", m.epoch}, {"kind", sync::to_string(m.kind)}});
    c.out << json{{"device", c.argv[0]}, {"name", rep->device.name}, {"role", rep->device.role}, {"wipe_ordered", c.o.wipe},
                  {"scopes_it_could_read", scopes}, {"rotated_now", rep->epochs_opened}}
                 .dump(2)
          << "\n";
    return kOk;
}

Transport connect_enrol(const Options&, const std::vector<std::string>& argv) {
    auto code = sync::EnrolCode::parse(argv[0]);
    if (!code) return code.failure();
    return sync::make_https_transport(code->url, code->fingerprint);
}

int run_enrol(Context& c) {
    auto code = sync::EnrolCode::parse(c.argv[0]);
    if (!code) return fail(c.err, code);
    auto sas = sync::request_enrolment(*c.store, *c.client, *code, c.o.get("device-name", "device"));
    if (!sas) return fail(c.err, sas);
    c.out << json{{"confirmation", *sas}, {"device", crypto::to_hex(c.store->device().id())}}.dump() << "\n";
    c.err << "quartier-cli: compare " << *sas << " with what the admin sees, then run `sync` once admitted\n";
    return kOk;
}

int run_sync(Context& c) {
    refresh_team_index(*c.store, c.err);
    auto r = c.client->sync();
    if (!r) return fail(c.err, r);
    for (const auto& p : r->rejected) c.err << "quartier-cli: warning: rejected from server: " << p.error << "\n";
    for (const auto& v : r->policy_violations)
        c.err << "quartier-cli: warning: the directory grants a reader the role policy forbids (rotated past): " << v << "\n";
    if (r->skewed) c.err << "quartier-cli: warning: " << r->skewed << " ops are dated more than a day ahead (a device clock is wrong)\n";
    c.out << report_json(*r).dump(2) << "\n";
    return kOk;
}

int run_scope_create(Context& c) {
    sync::Store& store = *c.store;
    const std::string kind = c.o.get("kind", "case");
    if (kind != "case" && kind != "team" && kind != "directory" && kind != "report" && kind != "report_raw")
        return fail(c.err, kUsage, "--kind must be case, team, directory, report or report_raw");
    // Refused at once if this device's role may not hold such a scope (sync/client/roles.h).
    const sync::Directory& dir = store.directory();
    if (const sync::DeviceInfo* me = dir.device(store.device().id()))
        if (auto ok = sync::roles::may_hold(dir, crypto::random_id(), *sync::scope_kind_from(kind), me->id); !ok.allowed)
            return fail(c.err, kDenied, "role: " + ok.reason);
    auto id = store.create_scope();
    if (!id) return fail(c.err, id);
    if (auto r = store.set_setting("scope_kind:" + crypto::to_hex(*id), kind); !r) return fail(c.err, r);
    c.out << crypto::to_hex(*id) << "\n";
    return kOk;
}

int run_scope_share(Context& c) {
    auto sc = parse_scope(c.argv[0]);
    auto dev = sync::wire::id_from_hex(c.argv[1]);
    if (!sc || !dev) return fail(c.err, kUsage, "scope share needs SCOPE and DEVICE ids (32 hex digits each)");
    if (auto r = sync::sharing::share(*c.store, *c.client, *sc, *dev, c.legal_basis); !r) return fail(c.err, r);
    return kOk;
}

int run_scope_unassign(Context& c) {
    auto sc = parse_scope(c.argv[0]);
    auto dev = sync::wire::id_from_hex(c.argv[1]);
    if (!sc || !dev) return fail(c.err, kUsage, "scope unassign needs SCOPE and DEVICE ids (32 hex digits each)");
    if (auto r = c.client->unassign(*sc, *dev); !r) return fail(c.err, r);
    return kOk;
}

int run_scope_assign(Context& c) {
    auto sc = parse_scope(c.argv[0]);
    if (!sc) return fail(c.err, kUsage, "scope assign needs a SCOPE id (32 hex digits) and a PROVIDER");
    if (auto r = sync::roles::assign_provider(*c.store, *c.client, *sc, c.argv[1], !c.o.withdraw); !r) return fail(c.err, r);
    return kOk;
}

int run_scope_list(Context& c) {
    sync::Store& store = *c.store;
    json arr = json::array();
    for (const auto& [sc, epoch] : store.scope_keys()) {
        const auto kind = store.directory().scope_kind(sc);
        arr.push_back({{"scope", crypto::to_hex(sc)}, {"epoch", epoch}, {"default", sc == store.default_scope()},
                       {"kind", kind ? std::string(sync::to_string(*kind)) : store.setting("scope_kind:" + crypto::to_hex(sc)).value_or(sc == store.default_scope() ? "personal" : "case")},
                       {"registered", store.directory().scope_known(sc)}});
    }
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_devices(Context& c) {
    sync::Store& store = *c.store;
    json arr = json::array();
    for (const auto& d : store.directory().devices()) {
        json scopes = json::array();
        for (const auto& m : store.directory().memberships(d.id)) scopes.push_back(crypto::to_hex(m.scope));
        arr.push_back({{"device", crypto::to_hex(d.id)}, {"name", d.name}, {"role", d.role}, {"revoked", d.revoked},
                       {"scopes", scopes}, {"this_device", d.id == store.device().id()}});
    }
    c.out << arr.dump(2) << "\n";
    return kOk;
}

const Command kCommands[] = {
    {"org init", 0, 0,
     "org init --server URL --fingerprint HEX --bootstrap TOKEN --name NAME --escrow-file FILE\n"
     "           [--device-name NAME]",
     "found the organisation on a new quartier-server; this store keeps\n"
     "the admin key and is enrolled as the admin's device. FILE receives the\n"
     "organisation's escrow key, sealed under the escrow passphrase\n"
     "(--escrow-passphrase-file or QUARTIER_ESCROW_PASSPHRASE): keep it\n"
     "offline; an existing FILE is used as it is",
     Needs::Server, false, check_org_init, connect_org_init, run_org_init},
    {"org lease", 1, 1, "org lease DAYS",
     "devices that have not synced for DAYS days refuse reads until they\n"
     "sync (0: no lease)",
     Needs::Server, false, nullptr, nullptr, run_org_lease},
    {"org enrol", 0, 0, "org enrol --name NAME [--role ROLE] [--provider NAME] [--qr FILE.svg]",
     "print a one-time enrolment code for a new device (roles: caseworker,\n"
     "team_lead, helper, planning, admin, dpo; a helper names its free\n"
     "provider with --provider); --qr also writes it as a QR image",
     Needs::Server, false, check_org_enrol, nullptr, run_org_enrol},
    {"org requests", 0, 0, "org requests", "list devices waiting for admission, with their confirmation strings",
     Needs::Server, false, nullptr, nullptr, run_org_requests},
    {"org admit", 1, 1, "org admit SAS", "admit the device that shows confirmation string SAS", Needs::Server, false,
     nullptr, nullptr, run_org_admit},
    {"org revoke", 1, 1, "org revoke DEVICE [--wipe]",
     "revoke a device (lost tablet, leaving worker): the server refuses it,\n"
     "every scope it could read moves to a new key epoch; --wipe orders it\n"
     "to destroy its store at its next contact. Lists the scopes it held.",
     Needs::Server, false, nullptr, nullptr, run_org_revoke},
    {"enrol", 1, 1, "enrol CODE [--device-name NAME]",
     "present an enrolment code from a new store; prints the confirmation\n"
     "string to compare with the admin",
     Needs::Server, false, nullptr, connect_enrol, run_enrol},
    {"sync", 0, 0, "sync", "push local changes, pull everything new (JSON report)", Needs::Server, false, nullptr, nullptr,
     run_sync},
    {"scope create", 0, 0, "scope create [--kind case|team|directory|report|report_raw]",
     "make a new scope (key at epoch 1); prints its id", Needs::Store, false, nullptr, nullptr, run_scope_create},
    {"scope share", 2, 2, "scope share SCOPE DEVICE", "make an enrolled device a member of SCOPE and send it the keys",
     Needs::Server, false, nullptr, nullptr, run_scope_share},
    {"scope unassign", 2, 2, "scope unassign SCOPE DEVICE",
     "take a device off a scope (case closed for it, transferred): the scope\n"
     "moves to a new key epoch; the device purges it at its next sync",
     Needs::Server, false, nullptr, nullptr, run_scope_unassign},
    {"scope assign", 2, 2, "scope assign SCOPE PROVIDER [--withdraw]",
     "assign a case to a free provider (its helpers may then be members),\n"
     "or withdraw it (its helpers are rotated past)",
     Needs::Server, false, nullptr, nullptr, run_scope_assign},
    {"scope list", 0, 0, "scope list", "the scopes this store holds keys for", Needs::Store, false, nullptr, nullptr,
     run_scope_list},
    {"devices", 0, 0, "devices", "the organisation's enrolled devices (from the verified directory)", Needs::Store, false,
     nullptr, nullptr, run_devices},
};

}  // namespace

std::span<const Command> org_commands() { return kCommands; }

}  // namespace quartier::cli
