#include "tls.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

namespace quartier::sync::server {

namespace {
template <auto Free>
struct Deleter {
    template <class T>
    void operator()(T* p) const { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509_free>>;
using Bn = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using Ext = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

Failure<Error> ssl_failure(std::string what) {
    const unsigned long e = ERR_get_error();
    char buf[256] = {};
    if (e) ERR_error_string_n(e, buf, sizeof buf);
    ERR_clear_error();
    return {Error::Io, what + (e ? std::string(": ") + buf : std::string())};
}

bool add_ext(X509* cert, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    Ext ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

// Writes `file`, which must not exist yet, with permissions `mode`: `write` puts the PEM text into
// it (1 on success, as OpenSSL's PEM writers), then it is flushed and synced.
template <class Write>
Result<void> write_new_pem(const std::filesystem::path& file, mode_t mode, Write write) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return {Error::Io, "cannot create " + file.string()};
    File f(::fdopen(fd, "wb"));
    if (!f) {
        ::close(fd);
        return {Error::Io, "cannot open " + file.string()};
    }
    if (write(f.get()) != 1 || std::fflush(f.get()) != 0 || ::fsync(::fileno(f.get())) != 0)
        return ssl_failure("cannot write " + file.string());
    return {};
}

Result<Cert> read_cert(const std::filesystem::path& file) {
    File f(std::fopen(file.c_str(), "rb"));
    if (!f) return {Error::NotFound, "cannot open " + file.string()};
    Cert cert(PEM_read_X509(f.get(), nullptr, nullptr, nullptr));
    if (!cert) return ssl_failure("cannot read the certificate " + file.string());
    return cert;
}
}  // namespace

Result<void> make_self_signed_certificate(const std::filesystem::path& cert_file, const std::filesystem::path& key_file) {
    PKey key(EVP_EC_gen("P-256"));
    if (!key) return ssl_failure("cannot make the P-256 key");

    Cert cert(X509_new());
    if (!cert) return ssl_failure("cannot make the certificate");
    std::uint8_t serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) return ssl_failure("no randomness for the serial number");
    serial[0] &= 0x7f;  // positive
    Bn bn(BN_bin2bn(serial, sizeof serial, nullptr));
    if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()))) return ssl_failure("cannot set the serial number");
    X509_set_version(cert.get(), X509_VERSION_3);
    constexpr long kTenYears = 10L * 365 * 24 * 3600 + 3L * 24 * 3600;  // and the leap days
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), kTenYears))
        return ssl_failure("cannot set the validity");
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (!X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("quartier-server"), -1, -1, 0) ||
        !X509_set_issuer_name(cert.get(), name) || !X509_set_pubkey(cert.get(), key.get()))
        return ssl_failure("cannot set the subject");
    if (!add_ext(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !add_ext(cert.get(), NID_key_usage, "critical,digitalSignature") ||
        !add_ext(cert.get(), NID_ext_key_usage, "serverAuth") ||
        !add_ext(cert.get(), NID_subject_key_identifier, "hash") ||
        !add_ext(cert.get(), NID_subject_alt_name, "DNS:quartier-server"))
        return ssl_failure("cannot add the extensions");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) return ssl_failure("cannot sign the certificate");

    // The key: created 0600 (the certificate 0644), never over an existing file.
    if (auto r = write_new_pem(key_file, 0600,
                               [&](FILE* f) { return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
        !r)
        return r;
    return write_new_pem(cert_file, 0644, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
}

Result<std::string> certificate_fingerprint(const std::filesystem::path& cert_file) {
    auto cert = read_cert(cert_file);
    if (!cert) return cert.failure();
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (X509_digest(cert->get(), EVP_sha256(), md, &len) != 1 || len != 32) return ssl_failure("cannot hash the certificate");
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (unsigned i = 0; i < len; ++i) {
        hex.push_back(digits[md[i] >> 4]);
        hex.push_back(digits[md[i] & 15]);
    }
    return hex;
}

}  // namespace quartier::sync::server
