#include "identity.h"

#include <sodium.h>

#include <cstring>

namespace quartier::crypto {

DeviceId device_id_of(const SignPublicKey& pk) {
    const Hash32 h = hash(pk);
    DeviceId id;
    std::memcpy(id.data(), h.data(), id.size());
    return id;
}

DeviceIdentity DeviceIdentity::generate() {
    if (!init()) std::abort();
    DeviceIdentity d;
    d.m_signSk = SecureBytes(crypto_sign_SECRETKEYBYTES);
    d.m_boxSk = SecureBytes(crypto_box_SECRETKEYBYTES);
    crypto_sign_keypair(d.m_signPk.data(), d.m_signSk.data());
    crypto_box_keypair(d.m_boxPk.data(), d.m_boxSk.data());
    d.m_id = device_id_of(d.m_signPk);
    return d;
}

Result<DeviceIdentity> DeviceIdentity::from_secret(ByteView secret) {
    if (secret.size() != crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES)
        return {Error::BadFormat, "device secret has the wrong size"};
    static_assert(crypto_sign_SEEDBYTES == 32 && crypto_sign_SECRETKEYBYTES == 64);
    DeviceIdentity d;
    // An Ed25519 secret key is seed || public key. Rebuild the pair from the seed instead of
    // trusting the stored public half: if the two disagreed, the identity would take its id from one
    // key and sign with another, and none of its signatures would verify.
    d.m_signSk = SecureBytes(crypto_sign_SECRETKEYBYTES);
    if (crypto_sign_seed_keypair(d.m_signPk.data(), d.m_signSk.data(), secret.data()) != 0 ||
        !equal(d.m_signSk.view(), secret.first(crypto_sign_SECRETKEYBYTES)))
        return {Error::BadFormat, "device signing secret does not match its public half"};
    d.m_boxSk = SecureBytes::from(secret.subspan(crypto_sign_SECRETKEYBYTES));
    if (crypto_scalarmult_base(d.m_boxPk.data(), d.m_boxSk.data()) != 0)
        return {Error::BadFormat, "device key-agreement secret is invalid"};
    d.m_id = device_id_of(d.m_signPk);
    return d;
}

Signature DeviceIdentity::sign(ByteView message) const {
    Signature sig;
    crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), m_signSk.data());
    return sig;
}

SecureBytes DeviceIdentity::secret_bytes() const {
    SecureBytes s(m_signSk.size() + m_boxSk.size());
    std::memcpy(s.data(), m_signSk.data(), m_signSk.size());
    std::memcpy(s.data() + m_signSk.size(), m_boxSk.data(), m_boxSk.size());
    return s;
}

bool verify(const SignPublicKey& pk, ByteView message, const Signature& sig) {
    return crypto_sign_verify_detached(sig.data(), message.data(), message.size(), pk.data()) == 0;
}

}  // namespace quartier::crypto
