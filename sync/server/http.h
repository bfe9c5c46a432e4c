// Binds Server to cpp-httplib: HTTPS (httplib::SSLServer with the data directory's certificate)
// by default, plain HTTP only for a loopback address with `insecure_loopback`. One access-log
// line per request: time, device or -, method, path, status, request and response body sizes,
// duration — never bodies, tokens or query values other than scope ids and numbers.
//
// Bodies (docs/server.md, "Bounds"): a body is read only if its headers bound it (a
// Content-Length within the limit, no transfer or content coding) and Server::refuse_before_body
// lets it through; a body the server refuses from its headers is read and dropped, one it cannot
// bound is not read at all and the connection closes after the answer.
//
// States: create() → Created --bind()--> Bound --listen()--> Serving --stop()--> Stopped.
// stop() may be called from any thread (a signal-waiting thread, a test guard).
#pragma once

#include "server.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace quartier::sync::server {

struct HttpOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0: any free port
    bool insecure_loopback = false;
    std::filesystem::path cert_file;  // PEM, required unless insecure_loopback
    std::filesystem::path key_file;
    std::size_t max_body = wire::kMaxBody;
    // Connections served at once: each keep-alive connection holds a thread while it lives.
    std::size_t threads = 64;
    // Receives each access-log line (without newline); default: stderr.
    std::function<void(const std::string&)> log;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host);

// "ADDR:PORT" or "[v6]:PORT" → host and port (0–65535). nullopt if malformed.
std::optional<std::pair<std::string, int>> parse_listen(const std::string& text);

class HttpServer {
public:
    // InvalidArgument for a non-loopback host with insecure_loopback; Io if the certificate or key
    // does not load.
    static Result<std::unique_ptr<HttpServer>> create(Server& server, HttpOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds the listening socket; the port actually bound (the free one picked for port 0).
    Result<int> bind();
    // Serves until stop(); returns false if serving failed.
    bool listen();
    void stop();
    bool is_running() const;

private:
    HttpServer(Server& server, HttpOptions options);
    void install();

    Server& m_server;
    HttpOptions m_options;
    std::unique_ptr<httplib::Server> m_http;
};

}  // namespace quartier::sync::server
