#include "http.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>

namespace quartier::sync::server {

namespace {
using SteadyClock = std::chrono::steady_clock;

// Per-request log state: httplib runs pre-routing, handler and logger of one request on one thread.
struct LogState {
    SteadyClock::time_point start{};
    bool started = false;
    std::string device;
    std::size_t in = 0;    // body bytes read (a body read through a content reader is not in req.body)
    std::size_t out = 0;   // answer bytes sent through answer_and_close (not in res.body either)
    bool closing = false;  // answer_and_close: the error handler leaves the answer alone
};
thread_local LogState t_log;

// The methods whose body cpp-httplib 0.11 reads (detail::expect_content); any other request
// with a body would leave it on the connection, to be read as the next request.
bool reads_body(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE" || m == "PRI"; }

// A Content-Length value: digits only, no sign, no overflow.
std::optional<std::size_t> content_length(const httplib::Request& req) {
    const std::string v = req.get_header_value("Content-Length");
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::size_t(std::stoull(v));
}

// Why a request's body cannot be read within a bound known from its headers, or nullopt.
// cpp-httplib 0.11 checks its payload limit against Content-Length only: a chunked body, a body
// without a length (read until the peer closes) and an inflated Content-Encoding pass it, and
// it reads a chunk-size line whole, however long, before anything of ours sees a byte. So none
// of them is read at all (docs/server.md, "Bounds"). The protocol's clients send a
// Content-Length and never compress.
std::optional<Response> unbounded_body(const httplib::Request& req) {
    auto refuse = [](int status, std::string_view code, std::string_view message) {
        return Response{status, wire::error_body(code, message), {}};
    };
    if (req.has_header("Content-Encoding"))
        return refuse(415, "unsupported_encoding", "a body with a Content-Encoding is not accepted: send it as it is");
    if (req.has_header("Transfer-Encoding"))
        return refuse(411, "length_required", "send the body with a Content-Length, without a transfer coding");
    if (req.has_header("Content-Length")) {
        const auto n = content_length(req);
        if (!n) return refuse(400, "bad_request", "Content-Length is not a number");
        if (*n > 0 && !reads_body(req.method)) return refuse(400, "bad_request", "a " + req.method + " request has no body");
    } else if (reads_body(req.method) && req.method != "DELETE") {
        return refuse(411, "length_required", "send the body with a Content-Length");
    }
    if (req.is_multipart_form_data()) return refuse(400, "bad_request", "multipart bodies are not part of the protocol");
    return std::nullopt;
}

// Sends `answer` and then closes the connection: what is left of the request on the wire was
// not read and must not be read as the next request. cpp-httplib 0.11 has no call for that; it
// closes a connection when the content provider of a response reports failure, after writing
// what the provider wrote. So the answer goes out through a provider that writes all of it and
// then says false; `Connection: close` tells the client.
void answer_and_close(httplib::Response& res, const Response& answer) {
    auto body = std::make_shared<const std::string>(answer.body);
    res.status = answer.status;
    res.set_header("Connection", "close");
    res.set_content_provider(body->size(), std::string(answer.content_type).c_str(),
                             [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 sink.write(body->data() + offset, length);
                                 return false;
                             });
    t_log.out = body->size();
    t_log.closing = true;
}

bool is_hex_or_digits(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool known_path(const std::string& p) {
    static const char* paths[] = {"/v1/info", "/v1/org", "/v1/auth/challenge", "/v1/auth/token", "/v1/directory",
                                  "/v1/enrol/offer", "/v1/enrol/request", "/v1/enrol/requests", "/v1/keys",
                                  "/v1/push", "/v1/pull"};
    for (const char* k : paths)
        if (p == k) return true;
    return false;
}

std::string utc_now() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms));
    return buf;
}

// Only what the log may show: known paths, and the scope/since/limit parameters if they are
// plain hex or digits.
std::string log_target(const httplib::Request& req) {
    if (!known_path(req.path)) return "<other>";
    std::string t = req.path;
    char sep = '?';
    for (const char* k : {"scope", "since", "limit"}) {
        auto it = req.params.find(k);
        if (it == req.params.end()) continue;
        t += sep;
        t += k;
        t += '=';
        t += is_hex_or_digits(it->second) ? it->second : std::string("<invalid>");
        sep = '&';
    }
    return t;
}

bool safe_method(const std::string& m) {
    for (const char* k : {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
        if (m == k) return true;
    return false;
}
}  // namespace

bool is_loopback(const std::string& host) {
    if (host == "localhost") return true;
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
    return false;
}

std::optional<std::pair<std::string, int>> parse_listen(const std::string& text) {
    std::string host, port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') return std::nullopt;
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos || text.find(':') != colon) return std::nullopt;
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    if (host.empty() || port.empty() || port.size() > 5) return std::nullopt;
    int p = 0;
    for (char c : port) {
        if (c < '0' || c > '9') return std::nullopt;
        p = p * 10 + (c - '0');
    }
    if (p > 65535) return std::nullopt;
    return std::make_pair(host, p);
}

HttpServer::HttpServer(Server& server, HttpOptions options) : m_server(server), m_options(std::move(options)) {}
HttpServer::~HttpServer() = default;

Result<std::unique_ptr<HttpServer>> HttpServer::create(Server& server, HttpOptions options) {
    if (options.insecure_loopback && !is_loopback(options.host))
        return {Error::InvalidArgument, "--insecure-loopback refuses the non-loopback address " + options.host};
    std::unique_ptr<HttpServer> h(new HttpServer(server, std::move(options)));
    const auto& o = h->m_options;
    if (o.insecure_loopback) {
        h->m_http = std::make_unique<httplib::Server>();
    } else {
        auto ssl = std::make_unique<httplib::SSLServer>(o.cert_file.c_str(), o.key_file.c_str());
        if (!ssl->is_valid()) return {Error::Io, "cannot load the TLS certificate or key from " + o.cert_file.parent_path().string()};
        SSL_CTX_set_min_proto_version(ssl->ssl_context(), TLS1_2_VERSION);
        h->m_http = std::move(ssl);
    }
    if (!h->m_options.log) h->m_options.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
    h->install();
    return h;
}

void HttpServer::install() {
    httplib::Server& s = *m_http;
    s.set_payload_max_length(m_options.max_body);
    s.set_keep_alive_timeout(5);
    // Without TCP_NODELAY, httplib's two writes per response (headers, then body) meet Nagle's
    // algorithm and the client's delayed ACK: about 40 ms of idle wait on most requests of a
    // keep-alive connection (bench/sync_bench.cpp, docs/benchmarks.md).
    s.set_tcp_nodelay(true);
    // httplib serves each connection on one pool thread for as long as the connection lives, and
    // its default pool has max(8, cores - 1) threads: with more devices holding keep-alive
    // connections than that, the others wait for a thread, up to the 5 s keep-alive timeout
    // (bench/load_bench.cpp). Threads are cheap next to that wait.
    s.new_task_queue = [n = m_options.threads] { return new httplib::ThreadPool(n); };
    // httplib closes a keep-alive connection after 5 requests by default: a sync is 4 or 5, so
    // nearly every sync paid a new TLS handshake (about 3 ms here). 100 still hands a busy
    // connection's thread on now and then; idle connections close after the keep-alive timeout.
    s.set_keep_alive_max_count(100);
    s.set_read_timeout(30, 0);
    s.set_write_timeout(30, 0);

    // Runs once the request line and headers are read, before any byte of a body.
    s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        t_log = LogState{};
        t_log.start = SteadyClock::now();
        t_log.started = true;
        if (auto refused = unbounded_body(req)) {
            answer_and_close(res, *refused);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    auto head_of = [](const httplib::Request& req) {
        Request r;
        r.method = req.method;
        r.path = req.path;
        for (const auto& [k, v] : req.params) r.query.emplace(k, v);  // first value wins
        for (const auto& [k, v] : req.headers) r.headers.emplace(k, v);
        r.remote = req.remote_addr;
        return r;
    };
    auto reply = [](httplib::Response& res, Response out) {
        t_log.device = out.device;
        res.status = out.status;
        res.body = std::move(out.body);  // set_content would copy it (a pull page is megabytes)
        res.set_header("Content-Type", std::string(out.content_type));
    };
    // Requests without a body (the pre-routing handler refused any other).
    auto handler = [this, head_of, reply](const httplib::Request& req, httplib::Response& res) {
        reply(res, m_server.handle(head_of(req)));
    };
    // Requests with a body, of a Content-Length the pre-routing handler checked: the server
    // decides from the headers first (size, endpoint, token). A refused body is read and
    // dropped, never kept, so that the connection stays usable for the client's next request;
    // cpp-httplib reads (and drops) one over its payload limit itself.
    auto with_body = [this, head_of, reply](const httplib::Request& req, httplib::Response& res,
                                            const httplib::ContentReader& reader) {
        Request r = head_of(req);
        const std::size_t limit = m_options.max_body;
        const std::size_t length = content_length(req).value_or(0);
        auto refused = length > limit ? Response{413, wire::error_body("too_large", "request body too large"), {}}
                                      : m_server.refuse_before_body(r);
        if (refused) {
            (void)reader([](const char*, std::size_t n) {
                t_log.in += n;
                return true;
            });
            reply(res, std::move(*refused));
            return;
        }
        r.body.reserve(length);
        const bool complete = reader([&r, limit](const char* data, std::size_t n) {
            if (r.body.size() + n > limit) return false;
            r.body.append(data, n);
            return true;
        });
        t_log.in = r.body.size();
        if (!complete) {
            answer_and_close(res, Response{400, wire::error_body("bad_request", "the body ended before its Content-Length"), {}});
            return;
        }
        reply(res, m_server.handle(r));
    };
    // A client that asks before it sends (`Expect: 100-continue`, curl for large bodies) is
    // answered from the headers alone: cpp-httplib 0.11 would otherwise say "100 Continue"
    // before the pre-routing handler runs, and the refusal would meet a body already on its way.
    s.set_expect_100_continue_handler([this, head_of](const httplib::Request& req, httplib::Response& res) {
        t_log = LogState{};
        t_log.start = SteadyClock::now();
        t_log.started = true;
        std::optional<Response> refused = unbounded_body(req);
        if (!refused && content_length(req).value_or(0) > m_options.max_body)
            refused = Response{413, wire::error_body("too_large", "request body too large"), {}};
        if (!refused && reads_body(req.method)) refused = m_server.refuse_before_body(head_of(req));
        if (!refused) return 100;
        answer_and_close(res, *refused);  // it may send the body anyway: nothing of it is read
        return refused->status;
    });
    const std::string all = ".*";
    s.Get(all, handler);
    s.Options(all, handler);
    s.Post(all, with_body);
    s.Put(all, with_body);
    s.Delete(all, with_body);
    s.Patch(all, with_body);

    // Errors httplib answers itself (413 over the payload limit, 400 for a broken request line):
    // the same JSON error shape.
    s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || t_log.closing) return httplib::Server::HandlerResponse::Unhandled;
        const char* code = res.status == 413 ? "too_large"
                           : res.status == 404 ? "not_found"
                           : res.status >= 500 ? "internal"
                                               : "bad_request";
        res.set_content(wire::error_body(code, "rejected by the HTTP layer (status " + std::to_string(res.status) + ")"),
                        "application/json");
        return httplib::Server::HandlerResponse::Handled;
    }));
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(wire::error_body("internal", "internal error"), "application/json");
    });

    s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        long long ms = 0;
        if (t_log.started) ms = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - t_log.start).count();
        const std::string device = t_log.device.empty() ? "-" : t_log.device;
        char sizes[96];
        std::snprintf(sizes, sizeof sizes, "%d %zu %zu %lldms", res.status, std::max(t_log.in, req.body.size()),
                      std::max(t_log.out, res.body.size()), ms);
        m_options.log(utc_now() + " " + device + " " + (safe_method(req.method) ? req.method : std::string("-")) + " " +
                      log_target(req) + " " + sizes);
        t_log = LogState{};
    });
}

Result<int> HttpServer::bind() {
    int port = m_options.port;
    if (port == 0) {
        port = m_http->bind_to_any_port(m_options.host);
        if (port < 0) return {Error::Io, "cannot bind " + m_options.host};
    } else if (!m_http->bind_to_port(m_options.host, port)) {
        return {Error::Io, "cannot bind " + m_options.host + ":" + std::to_string(port)};
    }
    return port;
}

bool HttpServer::listen() { return m_http->listen_after_bind(); }
void HttpServer::stop() { m_http->stop(); }
bool HttpServer::is_running() const { return m_http->is_running(); }

}  // namespace quartier::sync::server
