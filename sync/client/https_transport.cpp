#include "sync/protocol/transport.h"

#include "crypto/crypto.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <regex>

namespace quartier::sync {

namespace {

using Pin = std::array<std::uint8_t, 32>;

// Certificate pinning: the handshake succeeds only if the server's leaf certificate has exactly
// the pinned SHA-256 fingerprint. It replaces chain and host-name checks, which mean nothing for a
// self-signed certificate whose fingerprint came in the enrolment code.
int pin_callback(X509_STORE_CTX* ctx, void* arg) {
    const auto* pin = static_cast<const Pin*>(arg);
    X509* cert = X509_STORE_CTX_get0_cert(ctx);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!cert || X509_digest(cert, EVP_sha256(), md, &len) != 1 || len != pin->size() ||
        !crypto::equal(crypto::ByteView(md, len), *pin)) {
        X509_STORE_CTX_set_error(ctx, X509_V_ERR_CERT_REJECTED);
        return 0;
    }
    X509_STORE_CTX_set_error(ctx, X509_V_OK);
    return 1;
}

// One transport over httplib::SSLClient (pinned) or httplib::Client (loopback tests only).
template <class C>
class HttpTransport final : public Transport {
public:
    HttpTransport(const std::string& host, int port, const Pin& pin, const HttpsOptions& o)
        : m_pin(pin), m_max(o.max_response), m_client(host, port) {
        if constexpr (std::is_same_v<C, httplib::SSLClient>) {
            m_client.enable_server_certificate_verification(false);  // the context's callback decides
            SSL_CTX* ctx = m_client.ssl_context();
            SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
            SSL_CTX_set_cert_verify_callback(ctx, pin_callback, &m_pin);
            // The server makes sure of the same (http.cpp); a system configuration that allows
            // older versions changes neither.
            SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
        }
        m_client.set_connection_timeout(o.connect_timeout);
        m_client.set_read_timeout(o.read_timeout);
        m_client.set_write_timeout(o.read_timeout);
        m_client.set_keep_alive(true);
        m_client.set_tcp_nodelay(true);  // headers and body are separate writes: no Nagle wait between them
    }

    Result<Response> send(const Request& req) override {
        httplib::Headers headers;
        if (!req.token.empty()) headers.emplace("Authorization", "Bearer " + req.token);
        if (!req.accept.empty()) headers.emplace("Accept", req.accept);
        const std::string target = req.query.empty() ? req.path : req.path + "?" + req.query;
        // The answer's body goes through a receiver that stops at m_max (counted after any
        // content coding is undone, so a gzip bomb stops there too), and an announced length
        // past it stops the answer before its body is read.
        std::string body;
        bool too_large = false;
        auto once = [&] {
            body.clear();
            too_large = false;
            httplib::Request hr;
            hr.method = req.method == "POST" ? "POST" : "GET";
            hr.path = target;
            hr.headers = headers;
            if (hr.method == "POST") {
                hr.headers.emplace("Content-Type", req.content_type);
                hr.body = req.body;
            }
            hr.response_handler = [&](const httplib::Response& head) {
                const std::string length = head.get_header_value("Content-Length");
                const bool digits = !length.empty() && length.size() <= 18 && length.find_first_not_of("0123456789") == std::string::npos;
                too_large = !length.empty() && (!digits || std::stoull(length) > m_max);  // no number: httplib cannot bound it either
                return !too_large;
            };
            hr.content_receiver = [&](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
                too_large = body.size() + n > m_max;
                if (!too_large) body.append(data, n);
                return !too_large;
            };
            return m_client.send(hr);
        };
        const bool reused = m_client.is_socket_open() != 0;
        httplib::Result r = once();
        // A keep-alive connection that the server closed while idle (after its 5 s timeout) still
        // looks alive to httplib 0.11 under TLS (the close_notify alert makes the socket readable),
        // so the first request on it fails to write or read, before the server saw it. Every
        // request may be repeated (docs/protocol.md): once more at once, on a new connection, as
        // later httplib versions do themselves, instead of through the sync client's backoff.
        if (!r && reused && (r.error() == httplib::Error::Read || r.error() == httplib::Error::Write)) r = once();
        if (too_large) {
            m_client.stop();  // the rest of that answer is still on the connection
            return {Error::Protocol, "the server's answer is larger than " + std::to_string(m_max >> 20) + " MiB"};
        }
        if (!r) return {Error::Network, httplib::to_string(r.error())};
        return Response{r->status, std::move(body), r->get_header_value("Content-Type")};
    }

private:
    Pin m_pin;  // must outlive the SSL context that points at it
    std::size_t m_max;
    C m_client;
};

}  // namespace

Result<std::unique_ptr<Transport>> make_https_transport(const std::string& url, const std::string& fingerprint,
                                                        HttpsOptions options) {
    static const std::regex re(R"(^(https?)://([A-Za-z0-9.\-]+|\[[0-9a-fA-F:]+\]):([0-9]{1,5})/?$)");
    std::smatch m;
    if (!std::regex_match(url, m, re)) return {Error::InvalidArgument, "server URL must be https://HOST:PORT"};
    const std::string scheme = m[1], host = m[2];
    const int port = std::stoi(m[3]);
    if (port <= 0 || port > 65535) return {Error::InvalidArgument, "bad port in server URL"};
    Pin pin{};
    if (scheme == "http") {
        if (host != "127.0.0.1" && host != "localhost" && host != "[::1]")
            return {Error::InvalidArgument, "plain HTTP only to a loopback address (tests)"};
        return std::unique_ptr<Transport>(std::make_unique<HttpTransport<httplib::Client>>(host, port, pin, options));
    }
    if (!crypto::from_hex(fingerprint, pin)) return {Error::InvalidArgument, "certificate fingerprint must be 64 hex digits"};
    return std::unique_ptr<Transport>(std::make_unique<HttpTransport<httplib::SSLClient>>(host, port, pin, options));
}

}  // namespace quartier::sync
