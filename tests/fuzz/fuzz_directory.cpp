// Directory entries (sync/org/directory.h), as a client pulls them and the server takes them in
// POST /v1/org and /v1/directory: SignedEntry::from_json, then Directory::append on a copy of the
// fixture's founded directory, which holds every kind of entry. The first byte picks the mode:
//   0 the rest is an entry's JSON as it travels ({"body", "signer", "signature"})
//   1-4 the rest is an entry's body, signed here by the admin key, alice, bob (members of the case
//     scope) or eve (revoked): the checks behind the signature see arbitrary bodies
// Properties: a refused entry changes nothing (size, head, devices, memberships); an appended one
// is the new head; the same entry never appends twice; an entry survives to_json/from_json.
#include "fixture.h"

#include "sync/protocol/wire.h"

using namespace quartier;
using namespace quartier::fuzz;
using sync::Directory;
using sync::SignedEntry;

namespace {
// What a refused entry must leave as it was: a summary of the directory's derived state.
std::string summary(const Directory& d) {
    std::string s = std::to_string(d.size()) + crypto::to_hex(d.head_hash()) + std::to_string(d.lease_days());
    for (const auto& dev : d.devices())
        s += crypto::to_hex(dev.id) + dev.role + dev.name + (dev.revoked ? "r" : "-") + dev.provider;
    for (const auto* i : {&org().admin, &org().alice, &org().bob, &org().dpo, &org().eve, &org().helper})
        for (const auto& m : d.memberships(i->id()))
            s += crypto::to_hex(m.scope) + std::to_string(m.epoch) + std::string(sync::to_string(m.kind)) +
                 (d.unassigned(m.scope, i->id()) ? "u" : "-");
    for (const auto* sc : {&org().case_scope, &org().team_scope, &org().old_scope, &org().personal_scope})
        for (const auto& p : d.providers(*sc)) s += p;
    s += std::to_string(d.shred_orders().size()) + (d.escrow_key() ? "e" : "-");
    return s;
}

SignedEntry signed_by(std::string_view body, int who) {
    const crypto::DeviceIdentity* ids[] = {&org().org_admin, &org().alice, &org().bob, &org().eve};
    const crypto::DeviceIdentity& signer = *ids[who];
    SignedEntry e;
    e.body.assign(body.begin(), body.end());
    e.signer = who == 0 ? "admin" : crypto::to_hex(signer.id());
    e.signature = signer.sign(crypto::labelled("quartier/directory/v1", {e.body}));
    return e;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    org();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view in = text_of(data + 1, size - 1);
    const int mode = data[0] % 5;
    SignedEntry e;
    if (mode == 0) {
        auto parsed = SignedEntry::from_json(in);
        if (!parsed) return 0;
        e = std::move(*parsed);
        auto again = SignedEntry::from_json(e.to_json());
        check(again.ok() && again->body == e.body && again->signer == e.signer && again->signature == e.signature,
              "an entry survives to_json and from_json");
    } else {
        if (in.size() > 64 * 1024) return 0;  // from_json's limit on a body
        e = signed_by(in, mode - 1);
    }

    const Directory& base = org().dir;
    for (const auto* i : {&org().alice, &org().eve})
        (void)Directory::is_wipe_order(e, base.org(), base.admin_key(), i->id());

    Directory d = base;
    static const std::string before = summary(base);
    if (auto r = d.append(e); !r) {
        check(summary(d) == before, "a refused entry changes nothing");
        return 0;
    }
    check(d.size() == base.size() + 1 && d.head_hash() == crypto::hash(e.body), "an appended entry is the new head");
    check(d.entries().back().body == e.body, "the log keeps the entry's exact bytes");
    check(!d.append(e).ok(), "the same entry does not append twice");
    (void)summary(d);
    return 0;
}
