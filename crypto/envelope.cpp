#include "envelope.h"

#include "bytes_io.h"
#include "commit.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

namespace quartier::crypto {

namespace {
constexpr std::uint8_t kMagic0 = 'Q', kMagic1 = 'E';
constexpr std::uint8_t kFlagSigned = 0x01;
constexpr char kSigDomain[] = "quartier/envelope/v1";
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
static_assert(kNonceSize == 24 && kAeadTagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

void write_header(Bytes& b, const EnvelopeHeader& h, ByteView nonce, std::uint32_t ct_len) {
    io::put_u8(b, kMagic0);
    io::put_u8(b, kMagic1);
    io::put_u8(b, h.version);
    io::put_u8(b, std::uint8_t(h.suite));
    io::put_u8(b, h.signed_individually ? kFlagSigned : 0);
    io::put(b, h.scope);
    io::put_u32(b, h.epoch);
    io::put(b, h.op);
    io::put_u64(b, h.hlc);
    io::put(b, h.author);
    io::put_u64(b, h.seq);
    io::put(b, nonce);
    io::put_u32(b, ct_len);
}

Bytes signing_message(const Hash32& h) { return labelled(kSigDomain, {h}); }
}  // namespace

Hash32 EnvelopeView::hash() const { return crypto::hash(signed_bytes); }

Bytes seal_envelope_with_nonce(EnvelopeHeader header, const SymmetricKey& key, ByteView plaintext,
                               const DeviceIdentity* signer, ByteView nonce24) {
    if (plaintext.size() > kMaxPlaintext || nonce24.size() != kNonceSize) std::abort();  // misuse
    if (signer && signer->id() != header.author) std::abort();
    header.signed_individually = signer != nullptr;
    const std::size_t ct_len = plaintext.size() + kAeadTagSize;
    Bytes out;
    out.reserve(kEnvelopeHeaderSize + ct_len + (signer ? 64 : 0));
    write_header(out, header, nonce24, std::uint32_t(ct_len));
    out.resize(kEnvelopeHeaderSize + ct_len);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kEnvelopeHeaderSize, &clen, plaintext.data(),
                                               plaintext.size(), out.data(), kEnvelopeHeaderSize, nullptr,
                                               nonce24.data(), key.data());
    if (signer) {
        const Signature sig = signer->sign(signing_message(hash(out)));
        out.insert(out.end(), sig.begin(), sig.end());
    }
    return out;
}

Bytes seal_envelope(EnvelopeHeader header, const SymmetricKey& key, ByteView plaintext, const DeviceIdentity* signer) {
    std::uint8_t nonce[kNonceSize];
    randombytes_buf(nonce, sizeof nonce);
    return seal_envelope_with_nonce(header, key, plaintext, signer, ByteView(nonce, sizeof nonce));
}

Result<EnvelopeView> parse_envelope(ByteView bytes) {
    if (bytes.size() > kMaxEnvelope) return {Error::TooLarge, "envelope exceeds " + std::to_string(kMaxEnvelope) + " bytes"};
    if (bytes.size() < kEnvelopeHeaderSize + kAeadTagSize) return {Error::BadFormat, "envelope too short"};
    io::Reader r(bytes);
    EnvelopeView v;
    EnvelopeHeader& h = v.header;
    const std::uint8_t m0 = r.u8(), m1 = r.u8();
    h.version = r.u8();
    const std::uint8_t suite = r.u8();
    const std::uint8_t flags = r.u8();
    h.scope = r.array<16>();
    h.epoch = r.u32();
    h.op = r.array<16>();
    h.hlc = r.u64();
    h.author = r.array<16>();
    h.seq = r.u64();
    v.nonce = r.take(kNonceSize);
    const std::uint32_t ct_len = r.u32();
    if (r.failed() || m0 != kMagic0 || m1 != kMagic1) return {Error::BadFormat, "not an envelope"};
    if (h.version != kEnvelopeVersion) return {Error::UnsupportedVersion, "envelope version " + std::to_string(h.version)};
    if (suite != std::uint8_t(Suite::XChaCha20Poly1305Ed25519))
        return {Error::UnsupportedSuite, "cipher suite " + std::to_string(suite)};
    h.suite = Suite(suite);
    if (flags & ~kFlagSigned) return {Error::BadFormat, "unknown envelope flags"};
    h.signed_individually = flags & kFlagSigned;
    if (ct_len < kAeadTagSize) return {Error::BadFormat, "ciphertext shorter than its tag"};
    if (ct_len > kMaxCiphertext) return {Error::TooLarge, "ciphertext too large"};
    v.header_bytes = bytes.first(kEnvelopeHeaderSize);
    v.ciphertext = r.take(ct_len);
    if (h.signed_individually) {
        ByteView sig = r.take(64);
        if (!r.failed()) {
            v.signature.emplace();
            std::memcpy(v.signature->data(), sig.data(), 64);
        }
    }
    if (r.failed()) return {Error::BadFormat, "envelope truncated"};
    if (r.remaining() != 0) return {Error::BadFormat, "trailing bytes after envelope"};
    v.signed_bytes = bytes.first(kEnvelopeHeaderSize + ct_len);
    return v;
}

Result<void> decrypt_envelope(const EnvelopeView& env, const SymmetricKey& key, Bytes& out) {
    // A view not made by parse_envelope (a default-constructed one, say) must not underflow the
    // plaintext length below or hand libsodium a short nonce.
    if (env.header_bytes.size() != kEnvelopeHeaderSize || env.nonce.size() != kNonceSize ||
        env.ciphertext.size() < kAeadTagSize || env.ciphertext.size() > kMaxCiphertext)
        return {Error::BadFormat, "not a parsed envelope"};
    const std::size_t start = out.size();
    const std::size_t mlen = env.ciphertext.size() - kAeadTagSize;
    out.resize(start + mlen);
    unsigned long long got = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(out.data() + start, &got, nullptr, env.ciphertext.data(),
                                                   env.ciphertext.size(), env.header_bytes.data(),
                                                   env.header_bytes.size(), env.nonce.data(), key.data()) != 0) {
        out.resize(start);
        return Error::DecryptFailed;
    }
    return {};
}

Result<Bytes> open_envelope(ByteView bytes, const KeyResolver& keys, const VerifiedCommit* commit) {
    auto parsed = parse_envelope(bytes);
    if (!parsed) return parsed.failure();
    const EnvelopeView& env = *parsed;
    const EnvelopeHeader& h = env.header;
    const SignPublicKey* author = keys.member_key(h.scope, h.epoch, h.author);
    if (!author) return Error::NotMember;
    if (env.signature) {
        if (!verify(*author, signing_message(env.hash()), *env.signature)) return Error::BadSignature;
    } else {
        if (!commit) return {Error::BadSignature, "envelope has no signature and no commit was given"};
        if (commit->author() != h.author) return {Error::BadSignature, "commit is by another device"};
        if (!commit->contains(env.hash())) return Error::NotInCommit;
    }
    const SymmetricKey* key = keys.scope_key(h.scope, h.epoch);
    if (!key) return Error::UnknownKey;
    Bytes out;
    if (auto r = decrypt_envelope(env, *key, out); !r) return r.failure();
    return out;
}

}  // namespace quartier::crypto
