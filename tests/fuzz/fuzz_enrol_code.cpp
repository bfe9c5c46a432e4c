// Enrolment codes (sync/client/org.h), typed or scanned from a QR image on a new device:
// "quartier:1:" and base64url JSON. Property: a code that parses prints back to a code that parses
// to the same fields.
#include "fixture.h"

#include "sync/client/org.h"

using namespace quartier;
using namespace quartier::fuzz;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    check(crypto::init(), "libsodium starts");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto c = sync::EnrolCode::parse(text_of(data, size));
    if (!c) return 0;
    check(!c->url.empty(), "a code names a server");
    auto again = sync::EnrolCode::parse(c->to_string());
    check(again.ok() && again->url == c->url && again->fingerprint == c->fingerprint && again->org == c->org &&
              again->admin_pk == c->admin_pk && again->secret == c->secret,
          "a code survives to_string and parse");
    return 0;
}
