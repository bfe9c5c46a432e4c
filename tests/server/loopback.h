// The real quartier-server on a loopback port, for tests that act as an attacker's client would
// (issue 12, docs/threat-model.md "Curious colleague"): a ServerFixture whose every call goes over
// HTTP to its Server, bound by HttpServer (plain HTTP, as `serve --insecure-loopback`) to
// 127.0.0.1 on a free port and served in a thread until the fixture is destroyed. `from()` sends
// one request from another loopback source address (127.x.y.z), as a device behind another
// address would; the server keys what it knows of callers without a device by that address.
//
// States: constructed → Serving (every call over HTTP) → destroyed (stopped, joined). The fixture
// must not restart() its Server while serving: HttpServer holds a reference to it.
#pragma once

#include "server_fixture.h"

#include "sync/server/http.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <thread>

namespace quartier::test {

struct LoopbackFixture : ServerFixture {
    explicit LoopbackFixture(srv::Limits l = generous_limits()) : ServerFixture(l) {
        std::signal(SIGPIPE, SIG_IGN);
        srv::HttpOptions o;
        o.host = "127.0.0.1";
        o.port = 0;
        o.insecure_loopback = true;
        o.log = [](const std::string&) {};
        auto h = srv::HttpServer::create(*server, o);
        REQUIRE(h.ok());
        http = std::move(*h);
        auto p = http->bind();
        REQUIRE(p.ok());
        port = *p;
        m_thread = std::thread([this] {
            http->listen();
            m_done = true;
        });
        client = std::make_unique<httplib::Client>("127.0.0.1", port);
        client->set_keep_alive(true);
        client->set_connection_timeout(5);
        client->set_read_timeout(30);
        transport = [this](const srv::Request& r) { return send(r); };
    }
    ~LoopbackFixture() {
        transport = nullptr;
        client.reset();
        while (!http->is_running() && !m_done) std::this_thread::yield();  // stop() is lost before listen()
        http->stop();
        m_thread.join();
    }

    static std::string target(const srv::Request& r) {
        std::string t = r.path;
        char sep = '?';
        for (const auto& [k, v] : r.query) {
            t += sep + httplib::detail::encode_query_param(k) + "=" + httplib::detail::encode_query_param(v);
            sep = '&';
        }
        return t;
    }

    // One request over the fixture's keep-alive connection.
    srv::Response send(const srv::Request& r) {
        httplib::Headers headers;
        for (const auto& [k, v] : r.headers) headers.emplace(k, v);
        std::string type = r.header("Content-Type");
        if (type.empty()) type = "application/json";
        auto res = r.method == "GET" ? client->Get(target(r).c_str(), headers)
                                     : client->Post(target(r).c_str(), headers, r.body, type.c_str());
        REQUIRE(res);
        return srv::Response{res->status, res->body, {}, {}};
    }

    // One request on a connection of its own from `source` (a 127.0.0.0/8 address), as raw HTTP/1.1.
    srv::Response from(const std::string& source, const srv::Request& r) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        REQUIRE(::inet_pton(AF_INET, source.c_str(), &local.sin_addr) == 1);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
        sockaddr_in peer{};
        peer.sin_family = AF_INET;
        peer.sin_port = htons(std::uint16_t(port));
        REQUIRE(::inet_pton(AF_INET, "127.0.0.1", &peer.sin_addr) == 1);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&peer), sizeof peer) == 0);
        std::string out = r.method + " " + target(r) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        for (const auto& [k, v] : r.headers) out += k + ": " + v + "\r\n";
        if (r.method == "POST")
            out += "Content-Type: application/json\r\nContent-Length: " + std::to_string(r.body.size()) + "\r\n";
        out += "\r\n" + r.body;
        for (std::size_t at = 0; at < out.size();) {
            const ssize_t n = ::send(fd, out.data() + at, out.size() - at, 0);
            REQUIRE(n > 0);
            at += std::size_t(n);
        }
        std::string in;
        char buf[4096];
        for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) in.append(buf, std::size_t(n));
        ::close(fd);
        const auto head_end = in.find("\r\n\r\n");
        REQUIRE(head_end != std::string::npos);
        REQUIRE(in.compare(0, 9, "HTTP/1.1 ") == 0);
        return srv::Response{std::stoi(in.substr(9, 3)), in.substr(head_end + 4), {}, {}};
    }
    srv::Response post_from(const std::string& source, const std::string& path, const json& body) {
        return from(source, srv::Request{"POST", path, {}, {}, body.dump(), source});
    }

    std::unique_ptr<srv::HttpServer> http;
    std::unique_ptr<httplib::Client> client;
    int port = 0;

private:
    std::thread m_thread;
    std::atomic<bool> m_done{false};
};

}  // namespace quartier::test
