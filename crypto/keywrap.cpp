#include "keywrap.h"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>

namespace quartier::crypto {

namespace {
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

void seal_into(const SymmetricKey& key, ByteView plaintext, ByteView ad, Bytes& out) {
    out.resize(kNonce + plaintext.size() + kTag);
    randombytes_buf(out.data(), kNonce);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonce, &clen, plaintext.data(), plaintext.size(),
                                               ad.data(), ad.size(), nullptr, out.data(), key.data());
}

// Opens nonce || ciphertext || tag (seal_into's layout) into a new buffer of type Buf.
template <class Buf>
Result<Buf> open_as(const SymmetricKey& key, ByteView sealed, ByteView ad, const char* too_short) {
    if (sealed.size() < kNonce + kTag) return {Error::BadFormat, too_short};
    Buf out(sealed.size() - kNonce - kTag);
    unsigned long long mlen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(out.data(), &mlen, nullptr, sealed.data() + kNonce,
                                                   sealed.size() - kNonce, ad.data(), ad.size(), sealed.data(),
                                                   key.data()) != 0)
        return Error::DecryptFailed;
    return out;
}
}  // namespace

Bytes wrap(const SymmetricKey& kek, ByteView secret, ByteView ad) {
    Bytes out;
    seal_into(kek, secret, ad, out);
    return out;
}

Result<SecureBytes> unwrap(const SymmetricKey& kek, ByteView wrapped, ByteView ad) {
    if (wrapped.size() > kNonce + kTag + 4096) return {Error::TooLarge, "wrapped key too long"};
    return open_as<SecureBytes>(kek, wrapped, ad, "wrapped key too short");
}

Bytes seal_blob(const SymmetricKey& key, ByteView plaintext, ByteView ad) {
    Bytes out;
    seal_into(key, plaintext, ad, out);
    return out;
}

Result<void> open_blob(const SymmetricKey& key, ByteView sealed, ByteView ad, Bytes& out) {
    auto opened = open_as<Bytes>(key, sealed, ad, "sealed blob too short");
    if (!opened) return opened.failure();
    out = std::move(*opened);
    return {};
}

}  // namespace quartier::crypto

namespace quartier::crypto {

Bytes seal_to(const std::array<std::uint8_t, 32>& recipient_box_pk, ByteView binding, ByteView secret) {
    SecureBytes plain(binding.size() + secret.size());
    std::copy(binding.begin(), binding.end(), plain.data());
    std::copy(secret.begin(), secret.end(), plain.data() + binding.size());
    Bytes out(plain.size() + crypto_box_SEALBYTES);
    crypto_box_seal(out.data(), plain.data(), plain.size(), recipient_box_pk.data());
    return out;
}

Result<SecureBytes> open_sealed(const std::array<std::uint8_t, 32>& box_pk, const SecureBytes& box_sk, ByteView binding,
                                ByteView sealed) {
    if (box_sk.size() != crypto_box_SECRETKEYBYTES) return {Error::BadFormat, "not an X25519 secret key"};
    if (sealed.size() < crypto_box_SEALBYTES + binding.size()) return {Error::BadFormat, "sealed box too short"};
    if (sealed.size() > crypto_box_SEALBYTES + binding.size() + 4096) return {Error::TooLarge, "sealed box too long"};
    SecureBytes plain(sealed.size() - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), sealed.data(), sealed.size(), box_pk.data(), box_sk.data()) != 0)
        return Error::DecryptFailed;
    if (!equal(ByteView(plain.data(), binding.size()), binding))
        return {Error::DecryptFailed, "sealed for another scope, epoch or device"};
    return SecureBytes::from(ByteView(plain.data() + binding.size(), plain.size() - binding.size()));
}

}  // namespace quartier::crypto

namespace quartier::crypto {

BoxKeyPair box_keypair() {
    BoxKeyPair kp;
    kp.sk = SecureBytes(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(kp.pk.data(), kp.sk.data());
    return kp;
}

std::array<std::uint8_t, 32> box_public_of(const SecureBytes& sk) {
    std::array<std::uint8_t, 32> pk{};
    if (sk.size() != crypto_box_SECRETKEYBYTES) std::abort();  // misuse, like libsodium's own checks
    crypto_scalarmult_base(pk.data(), sk.data());
    return pk;
}

}  // namespace quartier::crypto
