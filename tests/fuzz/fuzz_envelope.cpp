// Envelope v1 (crypto/envelope.h), as it arrives in a push, a pull page or a row of the op log:
// the strict parse, the full open (membership, signature or commit, AEAD) against the fixture's
// keys and alice's commit, the AEAD-only open the store uses for its own rows, and the op decoder
// on whatever opened. Properties: what parses is exactly header ‖ ciphertext ‖ signature; what
// opens was signed or listed by its author's commit, and both opens yield the same plaintext.
#include "fixture.h"

#include <cstring>

using namespace quartier;
using namespace quartier::fuzz;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    org();
    verified_commit_of_alice();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const crypto::ByteView bytes = bytes_of(data, size);
    auto parsed = crypto::parse_envelope(bytes);
    crypto::Bytes aead_plain;
    bool aead_ok = false;
    if (parsed) {
        const crypto::EnvelopeView& v = *parsed;
        check(v.header_bytes.data() == data && v.header_bytes.size() == crypto::kEnvelopeHeaderSize,
              "header bytes are the first 101 bytes");
        check(v.signed_bytes.data() == data &&
                  v.signed_bytes.size() == crypto::kEnvelopeHeaderSize + v.ciphertext.size(),
              "signed bytes are header and ciphertext");
        check(v.signed_bytes.size() + (v.signature ? 64 : 0) == size, "no byte outside header, ciphertext, signature");
        check(v.header.signed_individually == v.signature.has_value(), "flag and signature agree");
        check(v.ciphertext.size() >= crypto::kAeadTagSize && v.ciphertext.size() <= crypto::kMaxCiphertext,
              "ciphertext within limits");
        check(v.nonce.size() == 24, "nonce is 24 bytes");
        (void)v.hash();
        if (const crypto::SymmetricKey* k = org().scope_key(v.header.scope, v.header.epoch)) {
            aead_ok = crypto::decrypt_envelope(v, *k, aead_plain).ok();
            check(aead_ok ? aead_plain.size() == v.ciphertext.size() - crypto::kAeadTagSize : aead_plain.empty(),
                  "decrypt_envelope appends exactly the plaintext, or nothing");
        }
    }

    OrgKeys keys;
    auto opened = crypto::open_envelope(bytes, keys, &verified_commit_of_alice());
    if (opened) {
        check(parsed.ok(), "an envelope that opens parses");
        if (!parsed->signature) {
            check(parsed->header.author == org().alice.id() && verified_commit_of_alice().contains(parsed->hash()),
                  "a commit-signed envelope opens only with its author's commit");
            check(!crypto::open_envelope(bytes, keys, nullptr).ok(), "no commit, no signature: refused");
        }
        check(aead_ok && aead_plain == *opened, "the full open and the AEAD-only open agree");
        if (auto op = sync::decode_op(*opened)) {
            const crypto::Bytes again = sync::encode_op(*op);
            check(again == *opened, "an op that decodes encodes to the same bytes");
        }
    }
    return 0;
}
