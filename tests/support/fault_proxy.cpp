// See fault_proxy.h (states, invariants) and docs/reliability.md, "Fault-injecting proxy: soak".
#include "fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace quartier::test {

const char* to_string(ProxyFault f) {
    switch (f) {
    case ProxyFault::None: return "none";
    case ProxyFault::Drop: return "drop";
    case ProxyFault::Delay: return "delay";
    case ProxyFault::Duplicate: return "duplicate";
    case ProxyFault::Reorder: return "reorder";
    case ProxyFault::Truncate: return "truncate";
    case ProxyFault::Corrupt: return "corrupt";
    case ProxyFault::Reset: return "reset";
    }
    return "?";
}

const char* to_string(ProxySide s) { return s == ProxySide::Request ? "request" : "response"; }

namespace {

constexpr auto npos = std::string::npos;

bool recv_more(int fd, std::string& buf) {
    char b[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, b, sizeof b, 0);
        if (n > 0) {
            buf.append(b, std::size_t(n));
            return true;
        }
        if (n < 0 && errno == EINTR) continue;
        return false;
    }
}

bool send_all(int fd, const char* data, std::size_t size) {
    for (std::size_t at = 0; at < size;) {
        const ssize_t n = ::send(fd, data + at, size - at, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        at += std::size_t(n);
    }
    return true;
}

// Until `buf` holds at least `size` bytes; false at end of stream.
bool want(int fd, std::string& buf, std::size_t size) {
    while (buf.size() < size)
        if (!recv_more(fd, buf)) return false;
    return true;
}

// Until `buf` holds `what` at or after `from`; its position, or npos at end of stream.
std::size_t want_find(int fd, std::string& buf, const char* what, std::size_t from) {
    for (;;) {
        if (auto at = buf.find(what, from); at != npos) return at;
        if (!recv_more(fd, buf)) return npos;
    }
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

struct Head {
    std::size_t size = 0;  // through the blank line
    std::optional<std::size_t> content_length;
    bool chunked = false;
    bool close = false;
    int status = 0;  // responses
};

Head parse_head(const std::string& msg, std::size_t head_end, bool response) {
    Head h;
    h.size = head_end + 4;
    std::istringstream in(msg.substr(0, head_end));
    std::string line;
    std::getline(in, line);
    if (response && line.size() >= 12) h.status = std::atoi(line.c_str() + 9);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto colon = line.find(':');
        if (colon == npos) continue;
        const std::string name = lower(line.substr(0, colon));
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        if (name == "content-length") h.content_length = std::size_t(std::stoull(value));
        if (name == "transfer-encoding" && lower(value).find("chunked") != npos) h.chunked = true;
        if (name == "connection" && lower(value).find("close") != npos) h.close = true;
    }
    return h;
}

// Reads one whole message from `fd` into `msg` (bytes past it stay in `buf`). False at end of
// stream before a whole message (or on a malformed one).
bool read_message(int fd, std::string& buf, bool response, std::string& msg, Head& head) {
    const std::size_t head_end = want_find(fd, buf, "\r\n\r\n", 0);
    if (head_end == npos) return false;
    try {
        head = parse_head(buf, head_end, response);
    } catch (const std::exception&) {
        return false;
    }
    std::size_t end = head.size;
    const bool no_body = response && (head.status / 100 == 1 || head.status == 204 || head.status == 304);
    if (no_body) {
    } else if (head.chunked) {
        for (std::size_t p = head.size;;) {
            const std::size_t eol = want_find(fd, buf, "\r\n", p);
            if (eol == npos) return false;
            std::size_t size = 0;
            try {
                size = std::stoul(buf.substr(p, eol - p), nullptr, 16);
            } catch (const std::exception&) {
                return false;
            }
            p = eol + 2;
            if (size == 0) {  // trailers, then the blank line
                for (;;) {
                    const std::size_t t = want_find(fd, buf, "\r\n", p);
                    if (t == npos) return false;
                    const bool blank = t == p;
                    p = t + 2;
                    if (blank) break;
                }
                end = p;
                break;
            }
            if (!want(fd, buf, p + size + 2)) return false;
            p += size + 2;
        }
    } else if (head.content_length) {
        end = head.size + *head.content_length;
        if (!want(fd, buf, end)) return false;
    } else if (response) {  // until the server closes
        while (recv_more(fd, buf)) {
        }
        end = buf.size();
        head.close = true;
    }
    msg = buf.substr(0, end);
    buf.erase(0, end);
    return true;
}

void set_nodelay(int fd) {
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// Closes with RST instead of FIN.
void reset(int fd) {
    linger l{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

int connect_loopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(std::uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    timeval tv{60, 0};  // an upstream that never answers does not hang the test for ever
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    set_nodelay(fd);
    return fd;
}

}  // namespace

FaultProxy::FaultProxy(int upstream_port, FaultProxyOptions options)
    : m_upstream(upstream_port), m_options(options), m_rng(options.seed), m_request_rate(options.request_rate),
      m_response_rate(options.response_rate) {
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listen < 0) throw std::runtime_error("fault proxy: socket");
    int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = 0;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_listen, 128) != 0 ||
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
        ::close(m_listen);
        throw std::runtime_error("fault proxy: bind/listen");
    }
    m_port = ntohs(a.sin_port);
    m_accept = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    m_stopping = true;
    ::shutdown(m_listen, SHUT_RDWR);
    m_accept.join();
    ::close(m_listen);
    std::vector<Worker> threads;
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_open) ::shutdown(fd, SHUT_RDWR);
        threads.swap(m_threads);
        m_forward_cv.notify_all();
    }
    for (auto& w : threads) w.thread.join();
}

void FaultProxy::set_rate(double request_rate, double response_rate) {
    std::lock_guard lock(m_mutex);
    m_request_rate = request_rate;
    m_response_rate = response_rate;
}

void FaultProxy::force(ProxySide side, ProxyFault fault) {
    std::lock_guard lock(m_mutex);
    m_forced[int(side)].push_back(fault);
}

FaultProxy::Counts FaultProxy::counts() const {
    std::lock_guard lock(m_mutex);
    return m_counts;
}

std::size_t FaultProxy::injected() const {
    std::size_t n = 0;
    for (const auto& [k, v] : counts()) n += v;
    return n;
}

std::string FaultProxy::summary() const {
    std::ostringstream o;
    o << "requests " << m_requests << ", forwarded " << m_forwarded << ", faults " << injected() << ":";
    for (const auto& [k, v] : counts()) o << " " << to_string(k.first) << " " << to_string(k.second) << " " << v << ";";
    o << " reorders overtaken " << m_swapped;
    return o.str();
}

void FaultProxy::count(ProxySide side, ProxyFault f) {
    std::lock_guard lock(m_mutex);
    ++m_counts[{side, f}];
}

ProxyFault FaultProxy::choose(ProxySide side) {
    std::lock_guard lock(m_mutex);
    auto& forced = m_forced[int(side)];
    if (!forced.empty()) {
        const ProxyFault f = forced.front();
        forced.pop_front();
        return f;
    }
    const double rate = side == ProxySide::Request ? m_request_rate : m_response_rate;
    if (rate <= 0 || std::uniform_real_distribution<double>(0, 1)(m_rng) >= rate) return ProxyFault::None;
    static constexpr std::array<ProxyFault, 7> request{ProxyFault::Drop,     ProxyFault::Delay,    ProxyFault::Duplicate,
                                                       ProxyFault::Reorder,  ProxyFault::Truncate, ProxyFault::Corrupt,
                                                       ProxyFault::Reset};
    static constexpr std::array<ProxyFault, 5> response{ProxyFault::Drop, ProxyFault::Delay, ProxyFault::Truncate,
                                                        ProxyFault::Corrupt, ProxyFault::Reset};
    if (side == ProxySide::Request) return request[std::uniform_int_distribution<std::size_t>(0, request.size() - 1)(m_rng)];
    return response[std::uniform_int_distribution<std::size_t>(0, response.size() - 1)(m_rng)];
}

void FaultProxy::flip(std::string& message, std::size_t head_size) {
    std::lock_guard lock(m_mutex);
    const std::size_t body = message.size() - head_size;
    const int n = 1 + int(m_rng() % 3);
    for (int i = 0; i < n; ++i) {
        const std::size_t at = head_size + m_rng() % body;
        message[at] = char(std::uint8_t(message[at]) ^ std::uint8_t(1 + m_rng() % 255));
    }
}

void FaultProxy::sleep_delay() {
    std::chrono::milliseconds d;
    {
        std::lock_guard lock(m_mutex);
        d = std::chrono::milliseconds(std::uniform_int_distribution<long>(m_options.delay_min.count(),
                                                                          m_options.delay_max.count())(m_rng));
    }
    std::this_thread::sleep_for(d);
}

void FaultProxy::accept_loop() {
    while (!m_stopping) {
        const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            return;  // the listening socket was shut down
        }
        set_nodelay(fd);
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            ::close(fd);
            return;
        }
        m_open.push_back(fd);
        std::erase_if(m_threads, [](Worker& w) {
            if (!*w.done) return false;
            w.thread.join();
            return true;
        });
        auto done = std::make_shared<std::atomic<bool>>(false);
        m_threads.push_back(Worker{std::thread([this, fd, done] {
                                       serve(fd);
                                       *done = true;
                                   }),
                                   done});
    }
}

bool FaultProxy::exchange(const std::string& request, std::size_t head_size, std::string& response,
                          std::size_t& resp_head, bool truncate) {
    const int up = connect_loopback(m_upstream);
    if (up < 0) return false;
    bool ok;
    if (truncate) {
        const std::size_t cut = head_size + (request.size() - head_size) / 2;
        send_all(up, request.data(), cut);
        ok = false;
    } else {
        std::string buf;
        Head h;
        ok = send_all(up, request.data(), request.size()) && read_message(up, buf, true, response, h);
        resp_head = h.size;
    }
    ::close(up);
    {
        std::lock_guard lock(m_mutex);
        ++m_forwarded;
        m_forward_cv.notify_all();
    }
    return ok;
}

void FaultProxy::serve(int fd) {
    std::string buf;
    bool closed = false;  // fd was closed by a fault
    for (;;) {
        std::string req;
        Head rh;
        if (m_stopping || !read_message(fd, buf, false, req, rh)) break;
        ++m_requests;
        const bool has_body = req.size() > rh.size;
        ProxyFault f = choose(ProxySide::Request);
        if ((f == ProxyFault::Corrupt || f == ProxyFault::Truncate) && !has_body) f = ProxyFault::None;
        if (f != ProxyFault::None) count(ProxySide::Request, f);
        if (f == ProxyFault::Drop) break;
        if (f == ProxyFault::Reset) {
            std::lock_guard lock(m_mutex);
            std::erase(m_open, fd);
            reset(fd);
            closed = true;
            break;
        }
        if (f == ProxyFault::Delay) sleep_delay();
        if (f == ProxyFault::Reorder) {
            std::unique_lock lock(m_mutex);
            const std::size_t before = m_forwarded;
            if (m_forward_cv.wait_for(lock, m_options.reorder_wait, [&] { return m_stopping || m_forwarded > before; }) &&
                !m_stopping)
                ++m_swapped;
        }
        if (f == ProxyFault::Corrupt) flip(req, rh.size);
        std::string resp;
        std::size_t resp_head = 0;
        if (f == ProxyFault::Truncate) {
            exchange(req, rh.size, resp, resp_head, true);
            break;
        }
        if (f == ProxyFault::Duplicate) {
            std::string first;
            std::size_t first_head = 0;
            exchange(req, rh.size, first, first_head, false);
        }
        if (!exchange(req, rh.size, resp, resp_head, false)) break;  // upstream failed: the client sees a close

        Head sh;
        const std::size_t head_end = resp.find("\r\n\r\n");
        if (head_end != npos) sh = parse_head(resp, head_end, true);
        const bool resp_body = resp.size() > resp_head;
        ProxyFault g = choose(ProxySide::Response);
        if (g == ProxyFault::Duplicate || g == ProxyFault::Reorder) g = ProxyFault::None;  // request-side only
        if ((g == ProxyFault::Corrupt || g == ProxyFault::Truncate) && !resp_body) g = ProxyFault::None;
        if (g == ProxyFault::Corrupt) {
            const std::size_t sp = req.find(' ');
            const std::size_t end = sp == npos ? npos : req.find_first_of(" ?", sp + 1);
            const std::string path = end == npos ? std::string() : req.substr(sp + 1, end - sp - 1);
            if (std::find(m_options.intact_answers.begin(), m_options.intact_answers.end(), path) != m_options.intact_answers.end())
                g = ProxyFault::None;
        }
        if (g != ProxyFault::None) count(ProxySide::Response, g);
        if (g == ProxyFault::Drop) break;
        if (g == ProxyFault::Reset) {
            std::lock_guard lock(m_mutex);
            std::erase(m_open, fd);
            reset(fd);
            closed = true;
            break;
        }
        if (g == ProxyFault::Delay) sleep_delay();
        if (g == ProxyFault::Truncate) {
            send_all(fd, resp.data(), resp_head + (resp.size() - resp_head) / 2);
            break;
        }
        if (g == ProxyFault::Corrupt) flip(resp, resp_head);
        if (!send_all(fd, resp.data(), resp.size()) || rh.close || sh.close) break;
    }
    if (!closed) {
        std::lock_guard lock(m_mutex);
        std::erase(m_open, fd);
        ::shutdown(fd, SHUT_RDWR);
        ::close(fd);
    }
}

}  // namespace quartier::test
