// The fault proxy itself (support/fault_proxy.h): each fault kind, forced on one message, does
// what it says, as a raw client and a recording upstream see it; random faults follow the seed.
// The soak (sync/test_soak.cpp) relies on these faults really happening.
#include "support/fault_proxy.h"

#include <httplib.h>

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <csignal>

using namespace quartier::test;

namespace {

// An upstream that records what reached it: POST /echo answers "echo:" + body.
struct Upstream {
    Upstream() {
        std::signal(SIGPIPE, SIG_IGN);
        server.Post("/echo", [this](const httplib::Request& req, httplib::Response& res) {
            {
                std::lock_guard lock(mutex);
                seen.push_back(req.body);
            }
            res.set_content("echo:" + req.body, "text/plain");
        });
        port = server.bind_to_any_port("127.0.0.1");
        REQUIRE(port > 0);
        thread = std::thread([this] { server.listen_after_bind(); });
        while (!server.is_running()) std::this_thread::yield();
    }
    ~Upstream() {
        server.stop();
        thread.join();
    }
    std::vector<std::string> log() {
        std::lock_guard lock(mutex);
        return seen;
    }
    httplib::Server server;
    int port = 0;
    std::thread thread;
    std::mutex mutex;
    std::vector<std::string> seen;
};

struct Raw {
    std::string data;  // everything the client received
    int error = 0;     // errno of the failing recv, 0 at a clean end of stream
    std::chrono::milliseconds elapsed{0};
};

// One POST /echo on a connection of its own, read until the proxy closes it.
Raw post(int port, const std::string& body) {
    const auto t0 = std::chrono::steady_clock::now();
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(std::uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    const std::string req = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                            "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    REQUIRE(::send(fd, req.data(), req.size(), MSG_NOSIGNAL) == ssize_t(req.size()));
    Raw out;
    char buf[4096];
    for (;;) {
        const ssize_t k = ::recv(fd, buf, sizeof buf, 0);
        if (k > 0) {
            out.data.append(buf, std::size_t(k));
            continue;
        }
        out.error = k < 0 ? errno : 0;
        break;
    }
    ::close(fd);
    out.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    return out;
}

std::string body_of(const std::string& response) {
    const auto at = response.find("\r\n\r\n");
    return at == std::string::npos ? std::string() : response.substr(at + 4);
}

std::size_t content_length(const std::string& response) {
    const auto at = response.find("Content-Length: ");
    return at == std::string::npos ? 0 : std::stoul(response.substr(at + 16));
}

}  // namespace

TEST_CASE("Fault proxy for the sync soak: each fault kind does what it says", "[sync][proxy]") {
    Upstream up;
    FaultProxyOptions o;
    o.delay_min = o.delay_max = std::chrono::milliseconds(500);
    FaultProxy proxy(up.port, o);
    const std::string body(64, 'x');
    const std::string answer = "echo:" + body;

    enum class Client { Answer, AnswerDiffers, Nothing, Reset, Short };
    struct Row {
        ProxySide side;
        ProxyFault fault;
        Client client;        // what the client sees
        std::size_t reached;  // how often the request reached the upstream
        bool upstream_intact;
        bool slow;
    };
    using S = ProxySide;
    using F = ProxyFault;
    const Row rows[] = {
        {S::Request, F::None, Client::Answer, 1, true, false},
        {S::Request, F::Drop, Client::Nothing, 0, true, false},
        {S::Request, F::Delay, Client::Answer, 1, true, true},
        {S::Request, F::Duplicate, Client::Answer, 2, true, false},
        {S::Request, F::Truncate, Client::Nothing, 0, true, false},
        {S::Request, F::Corrupt, Client::AnswerDiffers, 1, false, false},
        {S::Request, F::Reset, Client::Reset, 0, true, false},
        {S::Response, F::Drop, Client::Nothing, 1, true, false},
        {S::Response, F::Delay, Client::Answer, 1, true, true},
        {S::Response, F::Truncate, Client::Short, 1, true, false},
        {S::Response, F::Corrupt, Client::AnswerDiffers, 1, true, false},
        {S::Response, F::Reset, Client::Reset, 1, true, false},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(to_string(row.side) << " " << to_string(row.fault)) {
            const auto before = proxy.counts();
            const std::size_t seen_before = up.log().size();
            if (row.fault != F::None) proxy.force(row.side, row.fault);
            const Raw r = post(proxy.port(), body);
            // The upstream may still be reading a truncated request: give it a moment.
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            const auto seen = up.log();
            REQUIRE(seen.size() - seen_before == row.reached);
            for (std::size_t k = seen_before; k < seen.size(); ++k) {
                REQUIRE(seen[k].size() == body.size());
                REQUIRE((seen[k] == body) == row.upstream_intact);
            }
            switch (row.client) {
            case Client::Answer:
                REQUIRE(r.data.rfind("HTTP/1.1 200", 0) == 0);
                REQUIRE(body_of(r.data) == answer);
                break;
            case Client::AnswerDiffers:
                REQUIRE(r.data.rfind("HTTP/1.1 200", 0) == 0);
                REQUIRE(body_of(r.data).size() == answer.size());
                REQUIRE(body_of(r.data) != answer);
                break;
            case Client::Nothing:
                REQUIRE(r.data.empty());
                REQUIRE(r.error == 0);
                break;
            case Client::Reset:
                REQUIRE(r.data.empty());
                REQUIRE(r.error == ECONNRESET);
                break;
            case Client::Short:
                REQUIRE(r.data.rfind("HTTP/1.1 200", 0) == 0);
                REQUIRE(content_length(r.data) == answer.size());
                REQUIRE(body_of(r.data).size() < answer.size());
                break;
            }
            if (row.slow) REQUIRE(r.elapsed >= std::chrono::milliseconds(500));
            else REQUIRE(r.elapsed < std::chrono::milliseconds(500));
            auto after = proxy.counts();
            if (row.fault != F::None) {
                const std::pair<ProxySide, ProxyFault> key{row.side, row.fault};
                REQUIRE(after[key] == (before.count(key) ? before.at(key) : 0) + 1);
            }
            std::size_t total_before = 0, total_after = 0;
            for (const auto& [k, v] : before) total_before += v;
            for (const auto& [k, v] : after) total_after += v;
            REQUIRE(total_after - total_before == (row.fault == F::None ? 0u : 1u));
        }
    }
}

TEST_CASE("Fault proxy for the sync soak: answers to intact paths are never corrupted", "[sync][proxy]") {
    Upstream up;
    FaultProxyOptions o;
    o.intact_answers = {"/echo"};
    FaultProxy proxy(up.port, o);
    proxy.force(ProxySide::Response, ProxyFault::Corrupt);
    REQUIRE(body_of(post(proxy.port(), "intact").data) == "echo:intact");
    REQUIRE(proxy.injected() == 0);
    proxy.force(ProxySide::Request, ProxyFault::Corrupt);  // the request side still is
    REQUIRE(body_of(post(proxy.port(), "intact").data) != "echo:intact");
    REQUIRE(proxy.injected() == 1);
}

TEST_CASE("Fault proxy for the sync soak: a held request reaches the server after the next one", "[sync][proxy]") {
    Upstream up;
    FaultProxyOptions o;
    o.reorder_wait = std::chrono::milliseconds(3000);
    FaultProxy proxy(up.port, o);

    SECTION("another request overtakes it") {
        proxy.force(ProxySide::Request, ProxyFault::Reorder);
        Raw first;
        std::thread a([&] { first = post(proxy.port(), "first"); });
        while (proxy.requests() < 1) std::this_thread::yield();
        const Raw second = post(proxy.port(), "second");
        a.join();
        REQUIRE(body_of(first.data) == "echo:first");
        REQUIRE(body_of(second.data) == "echo:second");
        REQUIRE(up.log() == std::vector<std::string>{"second", "first"});
        REQUIRE(proxy.reorders_swapped() == 1);
        REQUIRE(first.elapsed < std::chrono::milliseconds(3000));
    }
    SECTION("alone, it goes after the wait") {
        o.reorder_wait = std::chrono::milliseconds(200);
        FaultProxy quick(up.port, o);
        quick.force(ProxySide::Request, ProxyFault::Reorder);
        const Raw r = post(quick.port(), "alone");
        REQUIRE(body_of(r.data) == "echo:alone");
        REQUIRE(r.elapsed >= std::chrono::milliseconds(200));
        REQUIRE(quick.reorders_swapped() == 0);
    }
}

TEST_CASE("Fault proxy for the sync soak: random faults follow the seed and cover every kind", "[sync][proxy]") {
    Upstream up;
    auto run = [&](std::uint32_t seed) {
        FaultProxyOptions o;
        o.seed = seed;
        o.request_rate = 0.5;
        o.response_rate = 0.5;
        o.delay_min = o.delay_max = std::chrono::milliseconds(1);
        o.reorder_wait = std::chrono::milliseconds(1);
        FaultProxy proxy(up.port, o);
        std::vector<std::string> outcomes;
        for (int i = 0; i < 150; ++i) {
            const Raw r = post(proxy.port(), "message " + std::to_string(i));
            outcomes.push_back(r.data.empty() ? "none " + std::to_string(r.error) : body_of(r.data));
        }
        return std::make_pair(proxy.counts(), outcomes);
    };
    const auto [counts, outcomes] = run(20261207);
    for (ProxyFault f : {ProxyFault::Drop, ProxyFault::Delay, ProxyFault::Duplicate, ProxyFault::Reorder,
                         ProxyFault::Truncate, ProxyFault::Corrupt, ProxyFault::Reset}) {
        INFO(to_string(f));
        REQUIRE(counts.count({ProxySide::Request, f}) == 1);
    }
    for (ProxyFault f : {ProxyFault::Drop, ProxyFault::Delay, ProxyFault::Truncate, ProxyFault::Corrupt, ProxyFault::Reset}) {
        INFO(to_string(f));
        REQUIRE(counts.count({ProxySide::Response, f}) == 1);
    }
    const auto again = run(20261207);
    REQUIRE(again.first == counts);
    REQUIRE(again.second == outcomes);
    REQUIRE(run(7).second != outcomes);
}
