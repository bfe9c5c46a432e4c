// Escrow (sync/org/escrow.h): wraps as the server takes them in POST /v1/escrow and `escrow restore`
// reads them, and the offline escrow file read from disk. The first byte picks the mode:
//   0 the rest is a wrap's JSON: from_json, verify, open with the fixture's escrow secret
//   1 the same, re-signed here by the uploader it names (a fixture device)
//   2 the rest is what the sealed box holds: sealed here to the escrow key for case scope epoch 2,
//     signed by alice, so that the binding and key-size checks see arbitrary plaintext
//   3 the rest is an escrow file: parse; one with the fixture's minimal KDF parameters (1 pass,
//     8 KiB) is also opened with the passphrase "fuzz" (seeds.cpp writes such files)
//   4 the rest is a key file as the store keeps it in its meta table and the escrow file wraps
//     it (crypto/passphrase.h): parse, and open it too if its parameters are the minimal ones
// Properties: wraps, escrow files and key files survive their own serialisation; a wrap that opens verifies and
// carries its binding and a 32-byte key.
#include "fixture.h"

#include "sync/org/escrow.h"
#include "sync/protocol/wire.h"

#include <sodium.h>

using namespace quartier;
using namespace quartier::fuzz;
using sync::EscrowWrap;

namespace {
crypto::Bytes signed_message(const EscrowWrap& w) {
    crypto::Bytes m = EscrowWrap::binding(w.scope, w.epoch, org().escrow.pk);
    m.insert(m.end(), w.sealed.begin(), w.sealed.end());
    return m;
}

const sync::EscrowSecret& secret() {
    static const auto* s = [] {
        auto* e = new sync::EscrowSecret;
        e->pk = org().escrow.pk;
        e->sk = org().escrow.sk.clone();
        return e;
    }();
    return *s;
}

void wrap_mode(std::string_view in, bool resign) {
    auto w = EscrowWrap::from_json(in);
    if (!w) return;
    auto again = EscrowWrap::from_json(w->to_json());
    check(again.ok() && again->scope == w->scope && again->epoch == w->epoch && again->uploader == w->uploader &&
              again->sealed == w->sealed && again->signature == w->signature,
          "a wrap survives to_json and from_json");
    if (resign)
        if (const crypto::DeviceIdentity* up = org().device(w->uploader)) w->signature = up->sign(signed_message(*w));
    const bool verified = w->verify(org().dir).ok();
    auto k = secret().open(org().dir, *w);
    check(!k || verified, "a wrap that opens verifies");
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    org();
    secret();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view in = text_of(data + 1, size - 1);
    switch (data[0] % 5) {
    case 0:
    case 1:
        wrap_mode(in, data[0] % 5 == 1);
        break;
    case 2: {
        if (in.size() > 4096) break;
        EscrowWrap w;
        w.scope = org().case_scope;
        w.epoch = 2;
        w.uploader = org().alice.id();
        w.sealed.resize(crypto_box_SEALBYTES + in.size());
        crypto_box_seal(w.sealed.data(), reinterpret_cast<const std::uint8_t*>(in.data()), in.size(), org().escrow.pk.data());
        w.signature = org().alice.sign(signed_message(w));
        check(w.verify(org().dir).ok(), "alice's wrap of a scope she holds verifies");
        auto k = secret().open(org().dir, w);
        const crypto::Bytes binding = EscrowWrap::binding(w.scope, w.epoch, org().escrow.pk);
        const bool expected = in.size() == binding.size() + crypto::SymmetricKey::kSize &&
                              std::equal(binding.begin(), binding.end(), reinterpret_cast<const std::uint8_t*>(in.data()));
        check(k.ok() == expected, "a sealed wrap opens exactly when it holds its binding and a 32-byte key");
        break;
    }
    case 3: {
        // The fixture's minimal parameters are below the escrow KDF floor (docs/retention.md): parsed
        // with a test floor, and the real floor must refuse every file below it.
        const crypto::PwhashParams low{1, 8192};
        auto f = sync::EscrowFile::parse(in, low);
        if (!f) break;
        const bool weak = f->keyfile.params.opslimit < sync::kEscrowKdfFloor.opslimit ||
                          f->keyfile.params.memlimit < sync::kEscrowKdfFloor.memlimit;
        if (weak) check(!sync::EscrowFile::parse(in).ok(), "an escrow file below the KDF floor is refused");
        auto again = sync::EscrowFile::parse(f->to_text(), low);
        check(again.ok() && again->pk == f->pk && again->keyfile.serialize() == f->keyfile.serialize(),
              "an escrow file survives to_text and parse");
        if (f->keyfile.params == crypto::PwhashParams{1, 8192}) {
            auto s = f->open("fuzz");
            if (s) check(s->pk == f->pk, "an opened escrow file's secret belongs to its public key");
        }
        break;
    }
    case 4: {
        auto kf = crypto::KeyFile::parse(bytes_of(in));
        if (!kf) break;
        const crypto::Bytes again = kf->serialize();
        check(again.size() == in.size() && std::equal(again.begin(), again.end(), bytes_of(in).begin()),
              "a parsed key file serialises to its bytes");
        check(crypto::params_acceptable(kf->params), "a parsed key file's parameters are in range");
        if (kf->params == crypto::PwhashParams{1, 8192}) (void)crypto::open_keyfile(*kf, "fuzz");
        break;
    }
    }
    return 0;
}
