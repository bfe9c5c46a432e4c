// Certificate pinning for cpp-httplib 0.11 clients (docs/protocol.md "Transport"): the server's
// certificate is self-signed, so instead of a CA chain and a host name the client checks the
// SHA-256 fingerprint of the certificate's DER encoding, which travels in the enrolment code.
//
// httplib 0.11 has no server-certificate-verifier hook, and checking the peer certificate after
// a request would be too late (the request, with its bearer token, is already sent). So the check
// runs inside the TLS handshake: pin_certificate() disables httplib's own CA/host-name check and
// installs an OpenSSL certificate-verify callback on the client's SSL_CTX with SSL_VERIFY_PEER,
// so a wrong certificate aborts the handshake (httplib::Error::SSLConnection) before any request
// byte is written.
//
// Header-only; link cpp-httplib and OpenSSL (CMake target `quartier_tls_pin`).
#pragma once

#include <httplib.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace quartier::sync::tls {

using Fingerprint = std::array<std::uint8_t, 32>;

// Parses 64 hex digits (either case; ':' separators, as `openssl x509 -fingerprint` prints, are allowed).
inline std::optional<Fingerprint> parse_fingerprint(std::string_view text) {
    Fingerprint fp{};
    std::size_t n = 0;
    int half = -1;
    for (char c : text) {
        if (c == ':') continue;
        int v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else return std::nullopt;
        if (half < 0) {
            half = v;
        } else {
            if (n == fp.size()) return std::nullopt;
            fp[n++] = std::uint8_t(half << 4 | v);
            half = -1;
        }
    }
    if (n != fp.size() || half >= 0) return std::nullopt;
    return fp;
}

// SHA-256 of the certificate's DER encoding.
inline std::optional<Fingerprint> fingerprint_of(X509* cert) {
    Fingerprint fp{};
    unsigned int len = 0;
    if (!cert || X509_digest(cert, EVP_sha256(), fp.data(), &len) != 1 || len != fp.size()) return std::nullopt;
    return fp;
}

namespace detail {
// An SSL_CTX ex-data slot that owns the pinned fingerprint (freed with the SSL_CTX).
inline int pin_index() {
    static const int index = SSL_CTX_get_ex_new_index(
        0, nullptr, nullptr, nullptr,
        [](void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) { delete static_cast<Fingerprint*>(ptr); });
    return index;
}

// Replaces OpenSSL's chain verification: the leaf certificate must have the pinned fingerprint.
inline int verify_pinned(X509_STORE_CTX* store, void* arg) {
    const auto* pin = static_cast<const Fingerprint*>(arg);
    const auto fp = fingerprint_of(X509_STORE_CTX_get0_cert(store));
    if (pin && fp && CRYPTO_memcmp(fp->data(), pin->data(), pin->size()) == 0) {
        X509_STORE_CTX_set_error(store, X509_V_OK);
        return 1;
    }
    X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REJECTED);
    return 0;
}
}  // namespace detail

// Makes every connection of `client` accept only a server certificate with fingerprint `pin`.
// Call before the first request. False if OpenSSL refused the settings.
inline bool pin_certificate(httplib::SSLClient& client, const Fingerprint& pin) {
    SSL_CTX* ctx = client.ssl_context();
    const int index = detail::pin_index();
    if (!ctx || index < 0) return false;
    client.enable_server_certificate_verification(false);  // no CA chain, no host name: the pin decides
    auto* owned = new Fingerprint(pin);
    if (auto* old = static_cast<Fingerprint*>(SSL_CTX_get_ex_data(ctx, index))) delete old;
    if (SSL_CTX_set_ex_data(ctx, index, owned) != 1) {
        delete owned;
        return false;
    }
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    SSL_CTX_set_cert_verify_callback(ctx, &detail::verify_pinned, owned);
    return true;
}

}  // namespace quartier::sync::tls
