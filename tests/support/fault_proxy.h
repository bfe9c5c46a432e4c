// A fault-injecting HTTP/1.1 proxy for tests (issue 13, docs/reliability.md "Fault-injecting
// proxy: soak"): listens on a loopback port and forwards every request to an upstream server on
// 127.0.0.1 (quartier-server bound by HttpServer with plain HTTP, as tests/server/loopback.h).
// It works on whole HTTP messages over plain POSIX sockets: each request is read from the client
// connection (head and Content-Length body), forwarded on a fresh upstream connection, and the
// upstream's answer (Content-Length, chunked or until close) written back. Faults are chosen per
// request and per response by one seeded RNG (the seed is the caller's to print), or forced one
// by one (force()) for tests of the proxy itself:
//   request side   drop       the client connection closes, nothing reaches the server
//                  delay      the request waits delay_min..delay_max before it is forwarded
//                  duplicate  the request is forwarded twice; the client gets the second answer
//                  reorder    the request is held until another request was forwarded (or
//                             reorder_wait passed), then forwarded: the server sees them swapped
//                  truncate   the server gets the head and half the body, then the connection closes
//                  corrupt    1–3 bytes of the body are flipped before forwarding
//                  reset      the client connection is reset (RST, SO_LINGER 0), nothing forwarded
//   response side  drop       the server handled it; the client connection closes without answer
//                  delay      the answer waits delay_min..delay_max
//                  truncate   the head (with the full Content-Length) and half the body, then close
//                  corrupt    1–3 bytes of the body are flipped
//                  reset      the server handled it; the client connection is reset
// States: constructed (listening, accept thread running) → stopped (destructor: listening socket
// and every open connection shut down, every thread joined). Faults may be switched on and off
// (set_rate) at any time from any thread.
// Invariants: a request the proxy forwards reaches the upstream byte for byte unless a request
// fault says otherwise; an answer reaches the client byte for byte unless a response fault says
// otherwise; each injected fault is counted once, under its side and kind, when it happens.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace quartier::test {

enum class ProxyFault { None, Drop, Delay, Duplicate, Reorder, Truncate, Corrupt, Reset };
enum class ProxySide { Request, Response };

const char* to_string(ProxyFault f);
const char* to_string(ProxySide s);

struct FaultProxyOptions {
    std::uint32_t seed = 1;
    double request_rate = 0;   // chance that a request gets a fault
    double response_rate = 0;  // chance that a response gets one
    std::chrono::milliseconds delay_min{20};
    std::chrono::milliseconds delay_max{250};
    std::chrono::milliseconds reorder_wait{300};
    // Request paths (without query) whose answers are never corrupted: a random corrupt fault on
    // one of them is not injected (nor counted). The soak uses it for pull pages; see
    // docs/reliability.md, "Fault-injecting proxy: soak", for why.
    std::vector<std::string> intact_answers;
};

class FaultProxy {
public:
    // Listens on 127.0.0.1 at a free port; forwards to 127.0.0.1:upstream_port.
    FaultProxy(int upstream_port, FaultProxyOptions options);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return m_port; }
    // Random faults at these rates from now on (0, 0: none).
    void set_rate(double request_rate, double response_rate);
    // The next message of `side` gets `fault`, before any random choice (queued, in order).
    void force(ProxySide side, ProxyFault fault);

    using Counts = std::map<std::pair<ProxySide, ProxyFault>, std::size_t>;
    Counts counts() const;
    std::size_t injected() const;              // all faults so far
    std::size_t requests() const { return m_requests; }  // requests read from clients
    std::size_t forwarded() const { return m_forwarded; }  // requests sent upstream (a duplicate: 2)
    std::size_t reorders_swapped() const { return m_swapped; }  // held requests another overtook
    std::string summary() const;

private:
    void accept_loop();
    void serve(int fd);
    ProxyFault choose(ProxySide side);
    void count(ProxySide side, ProxyFault f);
    // Sends `request` upstream on a fresh connection and reads the whole answer into `response`.
    // `truncate`: only the head and half the body go, then the connection closes (no answer).
    bool exchange(const std::string& request, std::size_t head_size, std::string& response, std::size_t& resp_head,
                  bool truncate);
    void flip(std::string& message, std::size_t head_size);
    void sleep_delay();

    int m_upstream;
    int m_listen = -1;
    int m_port = 0;
    FaultProxyOptions m_options;

    mutable std::mutex m_mutex;  // guards everything below it, except the atomics
    std::mt19937 m_rng;
    double m_request_rate, m_response_rate;
    std::deque<ProxyFault> m_forced[2];
    Counts m_counts;
    std::vector<int> m_open;  // client connections being served
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Worker> m_threads;  // one per client connection; finished ones are joined as new ones come
    std::condition_variable m_forward_cv;  // a request was forwarded (wakes held reorders)

    std::atomic<bool> m_stopping{false};
    std::atomic<std::size_t> m_requests{0}, m_forwarded{0}, m_swapped{0};
    std::thread m_accept;
};

}  // namespace quartier::test
