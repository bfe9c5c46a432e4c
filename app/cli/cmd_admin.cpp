// quartier-cli, the administration commands: retention and erasure (escrow restore, retention due /
// shred / records; docs/retention.md), the audit log (audit list / verify; docs/audit.md) and the
// demo data (demo seed, demo families). Reading the audit log is itself recorded in it.
#include "commands.h"
#include "demo.h"

#include "domain/repository.h"
#include "offers/offers.h"
#include "reports/generate.h"
#include "sync/store/audit.h"
#include "sync/org/escrow.h"
#include "sync/client/org.h"
#include "sync/client/retention.h"
#include "sync/protocol/wire.h"

namespace quartier::cli {

using nlohmann::json;

namespace {

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

int check_escrow_restore(const Options& o, std::ostream& err) {
    if (o.get("escrow-file").empty() || o.get("to").empty() || o.get("scope").empty() == o.get("case").empty())
        return fail(err, kUsage, "escrow restore needs --escrow-file, --to and one of --scope or --case");
    return kOk;
}

int run_escrow_restore(Context& c) {
    const Options& o = c.o;
    auto sc = parse_scope(o.get("scope").empty() ? o.get("case") : o.get("scope"));
    auto dev = sync::wire::id_from_hex(o.get("to"));
    if (!sc || !dev) return fail(c.err, kUsage, "escrow restore needs a scope id and a device id (32 hex digits each)");
    auto file = sync::EscrowFile::read(o.get("escrow-file"));
    if (!file) return fail(c.err, file);
    auto ep = passphrase(o.get("escrow-passphrase-file"), "QUARTIER_ESCROW_PASSPHRASE", "Escrow passphrase: ", c.interactive, c.err);
    if (!ep) return fail(c.err, kLocked, "no escrow passphrase: use --escrow-passphrase-file or QUARTIER_ESCROW_PASSPHRASE");
    Wipe wipe_escrow{*ep};
    auto secret = file->open(*ep);
    if (!secret) return fail(c.err, secret);
    auto rep = sync::restore_from_escrow(*c.store, *c.client, *secret, *sc, *dev);
    if (!rep) return fail(c.err, rep);
    c.out << json{{"scope", crypto::to_hex(rep->scope)}, {"device", crypto::to_hex(rep->device)}, {"epochs", rep->epochs},
                  {"missing_epochs", rep->missing}}
                 .dump(2)
          << "\n";
    if (!rep->missing.empty())
        c.err << "quartier-cli: warning: " << rep->missing.size() << " epochs have no escrow wrap: their data stays unreadable\n";
    return kOk;
}

int run_retention_due(Context& c) {
    sync::Store& store = *c.store;
    json arr = json::array();
    for (const auto& d : sync::retention_review(store, sync::RetentionPolicy{}, store.now_ms()))
        arr.push_back({{"scope", crypto::to_hex(d.scope)}, {"case", d.record}, {"retention_class", d.retention_class},
                       {"retention_end", d.retention_end}, {"malformed", d.malformed}});
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int check_retention_shred(const Options& o, std::ostream& err) {
    if (o.get("reason").empty()) return fail(err, kUsage, "retention shred needs --reason (the legal reason)");
    if (const auto ord = o.get("order", "retention"); ord != "retention" && ord != "erasure")
        return fail(err, kUsage, "--order must be retention or erasure");
    return kOk;
}

int run_retention_shred(Context& c) {
    auto sc = parse_scope(c.argv[0]);
    if (!sc) return fail(c.err, kUsage, "retention shred needs a scope id (32 hex digits)");
    auto ord = sync::order_shred(*c.store, *c.client, *sc, c.o.get("order", "retention"), c.o.get("reason"));
    if (!ord) return fail(c.err, ord);
    auto synced = c.client->sync();  // this store's own copy goes at once
    if (!synced) return fail(c.err, synced);
    c.out << json{{"scope", c.argv[0]}, {"order", ord->order}, {"reason", ord->reason}, {"directory_entry", ord->seq}}.dump(2) << "\n";
    return kOk;
}

int run_retention_records(Context& c) {
    auto recs = sync::deletion_records(*c.store, *c.client);
    if (!recs) return fail(c.err, recs);
    json arr = json::array();
    for (const auto& rec : *recs) {
        json confirmed = json::array(), pending = json::array();
        for (const auto& k : rec.confirmed)
            confirmed.push_back({{"device", crypto::to_hex(k.device)}, {"time", k.time_ms}, {"epochs_destroyed", k.epochs},
                                 {"ops_removed", k.ops}, {"server_clean", k.server_clean}});
        for (const auto& d : rec.pending) pending.push_back(crypto::to_hex(d));
        arr.push_back({{"scope", crypto::to_hex(rec.order.scope)}, {"order", rec.order.order}, {"reason", rec.order.reason},
                       {"directory_entry", rec.order.seq}, {"time", rec.order.time_ms}, {"confirmed", confirmed},
                       {"pending", pending}, {"problems", rec.problems}});
    }
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_audit_list(Context& c) {
    sync::Store& store = *c.store;
    // Reading the log is itself recorded (on a DPO's store it shows other devices' activity).
    auto all = store.audit_chains();
    if (!all) return fail(c.err, all);
    std::vector<std::string> devices;
    for (const auto& ch : *all) devices.push_back(crypto::to_hex(ch.device));
    if (auto a = store.audit(sync::AuditAction::Export, std::move(devices), c.legal_basis, "audit list"); !a) return fail(c.err, a);
    auto chains = audit_chains(store, c.o.get("device"));
    if (!chains) return fail(c.err, chains);
    json arr = json::array();
    for (const auto& ch : *chains) {
        json entries = json::array();
        for (const auto& e : ch.entries) entries.push_back(audit_entry_json(e));
        arr.push_back({{"device", crypto::to_hex(ch.device)}, {"local", ch.local}, {"ok", !ch.broken},
                       {"broken", audit_break_json(ch.broken)}, {"entries", entries}});
    }
    c.out << arr.dump(2) << "\n";
    return kOk;
}

int run_audit_verify(Context& c) {
    auto chains = audit_chains(*c.store, c.o.get("device"));
    if (!chains) return fail(c.err, chains);
    json arr = json::array();
    const sync::AuditChain* first = nullptr;
    for (const auto& ch : *chains) {
        if (ch.broken && !first) first = &ch;
        arr.push_back({{"device", crypto::to_hex(ch.device)}, {"local", ch.local}, {"entries", ch.entries.size()},
                       {"ok", !ch.broken}, {"broken", audit_break_json(ch.broken)}});
    }
    c.out << json{{"ok", first == nullptr}, {"chains", arr}}.dump(2) << "\n";
    if (!first) return kOk;
    return fail(c.err, kIntegrity,
                "audit chain of device " + crypto::to_hex(first->device) + " is broken at entry " +
                    std::to_string(first->broken->seq) + " (" + std::string(sync::to_string(first->broken->kind)) +
                    "): " + first->broken->reason);
}

int run_demo_seed(Context& c) {
    auto seeded = seed_demo(*c.store, today_utc());
    if (!seeded) return fail(c.err, seeded);
    c.out << json{{"social_spaces", seeded->social_spaces}, {"organizations", seeded->organizations},
                  {"services", seeded->services}, {"missing_wanted", seeded->missing_wanted},
                  {"cases", seeded->case_ids}, {"family_records", seeded->family_records},
                  {"worker", seeded->worker}, {"offer_scope", seeded->offer_scope},
                  {"case_scopes", seeded->case_scopes}}
                 .dump(2)
          << "\n";
    return kOk;
}

// Generated families for trying the reports (app/reports/generate.h): fictional, named
// "Familie … G1" …, with children of every age band, offer answers and helps over this year and
// the last, over the offer map's social spaces and offers (demo seed first).
int run_demo_families(Context& c) {
    const std::string& n = c.argv[0];
    if (n.empty() || n.size() > 5 || n.find_first_not_of("0123456789") != std::string::npos || std::stoul(n) == 0 ||
        std::stoul(n) > 10000)
        return fail(c.err, kUsage, "demo families needs a number of families from 1 to 10000");
    const offers::Catalogue catalogue = offers::Catalogue::load(*c.store);
    if (catalogue.social_spaces().empty()) return fail(c.err, kNotFound, "no social spaces on the offer map: run demo seed first");
    reports::Population p;
    p.cases = std::stoul(n);
    p.seed = 20261207;
    p.first_year = std::stoi(today_utc().substr(0, 4)) - 1;
    for (const offers::SocialSpace& s : catalogue.social_spaces()) p.social_spaces.push_back(s.name);
    for (const offers::Service& s : catalogue.services()) p.service_ids.push_back(s.id);
    domain::Repository repository(*c.store);
    auto written = reports::write_population(repository, p);
    if (!written) return fail(c.err, kStoreError, written.detail());
    c.out << json{{"cases", *written}}.dump(2) << "\n";
    return kOk;
}

const Command kRetention[] = {
    {"escrow restore", 0, 0, "escrow restore --escrow-file FILE (--scope|--case) SCOPE --to DEVICE",
     "admin: open the case's escrow wraps with the escrow key and grant every\n"
     "epoch's key to an enrolled DEVICE, which then reads the case after a sync",
     Needs::Server, false, check_escrow_restore, nullptr, run_escrow_restore},
    {"retention due", 0, 0, "retention due",
     "the case records on this store whose retention_end has passed (and\n"
     "those whose retention_end is not a date YYYY-MM-DD)",
     Needs::Store, true, nullptr, nullptr, run_retention_due},
    {"retention shred", 1, 1, "retention shred SCOPE --reason TEXT [--order retention|erasure]",
     "admin: crypto-shred a case scope for good: the server drops its data,\n"
     "key grants and escrow wraps, every device destroys its copy and confirms",
     Needs::Server, false, check_retention_shred, nullptr, run_retention_shred},
    {"retention records", 0, 0, "retention records",
     "admin: the deletion records: each shred order, the devices' signed\n"
     "confirmations and the devices still to confirm",
     Needs::Server, false, nullptr, nullptr, run_retention_records},
};

const Command kAudit[] = {
    {"audit list", 0, 0, "audit list [--device ID]",
     "the audit chains this store holds as JSON: this device's own, and on a\n"
     "data-protection officer's store every device's chain received by sync",
     Needs::Store, false, nullptr, nullptr, run_audit_list},
    {"audit verify", 0, 0, "audit verify [--device ID]",
     "check every chain (hash links, gaps, order, the recorded head, the copy\n"
     "already synced); exit 3 naming the first broken link of the first broken chain",
     Needs::Store, false, nullptr, nullptr, run_audit_verify},
};

const Command kDemo[] = {
    {"demo seed", 0, 0, "demo seed",
     "write the fictional demo data into a new store: Norderstedt's four social\n"
     "spaces and about 60 offers in the offer directory scope, and a few\n"
     "families, each in a case scope of its own (scripts/run uses it)",
     Needs::Store, false, nullptr, nullptr, run_demo_seed},
    {"demo families", 1, 1, "demo families N",
     "write N generated, fictional families (children of every age band,\n"
     "offer answers, helps over this year and the last) over the demo offer\n"
     "map, enough for the reports (demo seed first)",
     Needs::Store, false, nullptr, nullptr, run_demo_families},
};

}  // namespace

std::span<const Command> retention_commands() { return kRetention; }
std::span<const Command> audit_commands() { return kAudit; }
std::span<const Command> demo_commands() { return kDemo; }

}  // namespace quartier::cli
