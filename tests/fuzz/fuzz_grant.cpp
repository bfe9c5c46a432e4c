// Key grants (sync/org/grant.h), as the server takes them in POST /v1/keys and a device pulls them
// from GET /v1/keys: from_json, verify against the fixture's directory, open with the recipient's
// identity. The first byte picks the mode:
//   0 the rest is a grant's JSON
//   1 the same, re-signed here by the granter it names (the admin key or a fixture device), so
//     that verify's membership checks and open's sealed box see arbitrary grants
//   2 the rest is what the sealed box holds: sealed here to alice, for case scope epoch 2, signed
//     by the admin, so that open's binding and key-size checks see arbitrary plaintext
// Properties: a grant survives to_json/from_json; one that opens verifies and carries its binding
// and a 32-byte key.
#include "fixture.h"

#include "sync/org/grant.h"
#include "sync/protocol/wire.h"

#include <sodium.h>

using namespace quartier;
using namespace quartier::fuzz;
using sync::KeyGrant;

namespace {
crypto::Bytes signed_message(const KeyGrant& g) {
    crypto::Bytes m = g.binding();
    m.insert(m.end(), g.sealed.begin(), g.sealed.end());
    return m;
}

void exercise(const KeyGrant& g) {
    const bool verified = g.verify(org().dir).ok();
    if (const crypto::DeviceIdentity* me = org().device(g.device)) {
        auto k = g.open(org().dir, *me);
        check(!k || verified, "a grant that opens verifies");
    }
    // Opened by a device it is not for: refused.
    if (g.device != org().bob.id()) check(!g.open(org().dir, org().bob).ok(), "a grant opens only for its recipient");
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    org();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view in = text_of(data + 1, size - 1);
    switch (data[0] % 3) {
    case 0:
    case 1: {
        auto g = KeyGrant::from_json(in);
        if (!g) break;
        auto again = KeyGrant::from_json(g->to_json());
        check(again.ok() && again->scope == g->scope && again->epoch == g->epoch && again->device == g->device &&
                  again->sealed == g->sealed && again->granter == g->granter && again->signature == g->signature,
              "a grant survives to_json and from_json");
        if (data[0] % 3 == 1) {
            const crypto::DeviceIdentity* signer = nullptr;
            if (g->granter == "admin") signer = &org().org_admin;
            else if (auto gid = sync::wire::id_from_hex(g->granter)) signer = org().device(*gid);
            if (signer) g->signature = signer->sign(signed_message(*g));
        }
        exercise(*g);
        break;
    }
    case 2: {
        if (in.size() > 4096) break;
        KeyGrant g;
        g.scope = org().case_scope;
        g.epoch = 2;
        g.device = org().alice.id();
        g.granter = "admin";
        g.sealed.resize(crypto_box_SEALBYTES + in.size());
        crypto_box_seal(g.sealed.data(), reinterpret_cast<const std::uint8_t*>(in.data()), in.size(), org().alice.box_public().data());
        g.signature = org().org_admin.sign(signed_message(g));
        check(g.verify(org().dir).ok(), "an admin grant to a member verifies");
        auto k = g.open(org().dir, org().alice);
        const crypto::Bytes binding = g.binding();
        const bool expected = in.size() == binding.size() + crypto::SymmetricKey::kSize &&
                              std::equal(binding.begin(), binding.end(), reinterpret_cast<const std::uint8_t*>(in.data()));
        check(k.ok() == expected, "a sealed grant opens exactly when it holds its binding and a 32-byte key");
        if (k) check(std::equal(k->view().begin(), k->view().end(), reinterpret_cast<const std::uint8_t*>(in.data()) + binding.size()),
                     "the opened key is the sealed one");
        break;
    }
    }
    return 0;
}
