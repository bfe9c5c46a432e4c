// How the sync client talks to a server: one request, one response. HttpsTransport is the real
// one (TLS with a pinned certificate); tests put the in-process server behind a fake transport
// that can fail, hang, delay, duplicate, reorder and corrupt (tests/sync/fake_transport.h).
#pragma once

#include "sync/core/error.h"

#include <chrono>
#include <memory>
#include <string>

namespace quartier::sync {

struct Request {
    std::string method;  // GET or POST
    std::string path;    // "/v1/push"
    std::string query;   // "scope=..&since=.." (already encoded), may be empty
    std::string token;   // bearer token, may be empty
    std::string body;    // JSON, or a framed push (docs/protocol.md)
    std::string content_type = "application/json";  // of the body (POST)
    std::string accept{};  // the Accept header, if any ("application/octet-stream": a framed pull page)
};

struct Response {
    int status = 0;
    std::string body;
    std::string content_type{};  // as the server sent it ("" if it sent none)
};

class Transport {
public:
    virtual ~Transport() = default;
    // Error::Network when no answer came (unreachable, timeout, TLS or pin failure).
    virtual Result<Response> send(const Request& req) = 0;
};

struct HttpsOptions {
    std::chrono::seconds connect_timeout{5};
    std::chrono::seconds read_timeout{30};
    // The most an answer's body may be, after any content coding is undone: past it the answer
    // is dropped as it arrives and send() gives Error::Protocol. The largest answers of the
    // protocol are pull pages (about 8 MiB of envelopes, 12 MiB as JSON) and a new device's
    // first directory (every entry of the organisation, unpaged; ~700 bytes each).
    std::size_t max_response = 64u << 20;
};

// `url`: https://HOST:PORT, or http://127.0.0.1:PORT (plain HTTP is refused for any other host).
// `fingerprint`: hex SHA-256 of the server certificate's DER; the TLS handshake fails on mismatch.
// TLS 1.2 at least, whatever the system's OpenSSL configuration allows.
Result<std::unique_ptr<Transport>> make_https_transport(const std::string& url, const std::string& fingerprint,
                                                        HttpsOptions options = {});

}  // namespace quartier::sync
