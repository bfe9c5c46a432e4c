// The protocol of docs/protocol.md as a plain request handler, independent of any HTTP library:
// sync/server/http.h binds it to cpp-httplib, and the sync client's tests call handle() directly
// through a fake transport, without sockets.
//
// States: Server::open() rebuilds the directory from storage → Serving. Every request either
// changes nothing (any failure) or changes exactly what its endpoint says, in one storage
// transaction. Tokens and challenges live only in memory: a restart invalidates them.
// Invariants:
//   1. m_dir is exactly the verified directory log that storage holds.
//   2. A device that m_dir lists as revoked gets 403 `revoked` on every authenticated request.
//   3. handle() never throws and never crashes on input: a malformed request is a 4xx.
//   4. A scope the directory orders crypto-shredded has no envelope, grant or escrow wrap in
//      storage (dropped in the transaction that appended the order), and every request that
//      would read or add one answers 410 `shredded`.
//   5. No body is parsed for a request that refuse_before_body() refuses: one without a valid
//      token on an endpoint that needs one, one over its endpoint's limit, founding once founded.
#pragma once

#include "auth_tables.h"
#include "storage.h"

#include "sync/org/directory.h"
#include "sync/core/hlc.h"
#include "sync/protocol/wire.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace quartier::sync::server {

// One HTTP request as the server sees it.
struct Request {
    std::string method;                           // "GET", "POST", …
    std::string path;                             // "/v1/push": decoded, without the query string
    std::map<std::string, std::string> query;     // decoded query parameters (first value of each)
    std::map<std::string, std::string> headers;   // any case; looked up case-insensitively
    std::string body;                             // the raw body (JSON for POST, or a framed push)
    std::string remote;                           // peer address: keys the rate limit of requests
                                                  // without a device ("" in-process)

    // The value of header `name` (case-insensitive), or "".
    std::string header(std::string_view name) const;
};

// One HTTP response: a status and a JSON body (`Content-Type: application/json`), or a framed
// pull page (`application/octet-stream`, only when the request's Accept names it); errors are
// always wire::error_body {"error": {"code", "message"}}.
struct Response {
    int status = 200;
    std::string body;
    std::string device;  // the authenticated device (hex) or "": for the access log, never sent
    std::string_view content_type = wire::kJsonType;
};

// Limits of docs/protocol.md, configurable (tests shrink them).
struct Limits {
    std::size_t max_body = wire::kMaxBody;                      // request body bytes
    std::size_t max_open_body = 64 * 1024;                     // body bytes of an endpoint without a token
                                                               // (challenge, token, enrolment request)
    std::size_t max_push_envelopes = wire::kMaxPushEnvelopes;  // envelopes per push
    std::size_t max_pull_limit = wire::kMaxPullLimit;          // items per pull page (larger is clamped)
    std::size_t default_pull_limit = 500;                      // items per pull page without `limit`
    std::size_t max_pull_bytes = wire::kMaxBody / 2;           // envelope bytes per pull page (base64 grows them by 4/3)
    std::size_t max_grants = 2000;                             // grants per POST /v1/keys
    std::size_t max_directory_entries = 2000;                  // entries per POST /v1/org
    double rate_per_second = 50;                               // token bucket per device (or per address)
    double rate_burst = 50;                                    // bucket size
    std::uint64_t challenge_ttl_ms = 60'000;
    std::uint64_t token_ttl_ms = 900'000;
    std::uint64_t max_clock_skew_ms = wire::kMaxClockSkewMs;
    std::uint64_t max_offer_ttl_s = 30ull * 86400;
    // Memory for callers, bounded per device (sync/server/auth_tables.h): one device's flood
    // evicts only its own entries.
    std::size_t max_used_challenges_per_device = 64;  // presented challenges remembered until they expire
    std::size_t max_tokens_per_device = 16;           // a new token beyond it replaces the device's oldest
    std::size_t max_tokens = 100'000;                 // in all: beyond it, the device with the most loses its oldest
    std::size_t max_rate_buckets = 10'000;            // buckets by address: beyond it, refilled, then least recently used, go
};

// "quartier/auth/v1" || server_id || challenge: what a device signs to get a token.
crypto::Bytes auth_message(const crypto::Id16& server_id, crypto::ByteView challenge);

// The quartier-server request handler (docs/protocol.md); thread-safe, one request at a time.
class Server {
public:
    // Loads meta and rebuilds the directory from `storage` (which must outlive the server).
    // NotFound if the storage is not initialised; Corrupt if the stored directory does not verify.
    static Result<std::unique_ptr<Server>> open(ServerStorage& storage, WallClock clock, Limits limits = {});

    // Handles one request; never throws.
    Response handle(const Request& request);

    // The answer for a request that must not be read further, decided from its method, path and
    // headers alone (its body, if any, is only counted, never parsed): 413 for a body over the
    // limit (body size or Content-Length), 404 for no such endpoint, 401 (or 429) for an
    // endpoint that needs a token without a valid one, 409 for founding a founded organisation.
    // nullopt: read the body and handle() it. handle() asks it first too, so no body is parsed
    // for a caller without a token; the HTTP layer asks before it reads one (docs/server.md,
    // "Bounds"). Never throws.
    std::optional<Response> refuse_before_body(const Request& head);

    const crypto::Id16& server_id() const { return m_serverId; }
    // A copy of the server's verified directory.
    Directory directory() const;

private:
    struct Context;
    using Handler = Response (Server::*)(Context&);
    struct Route {
        const char* method;
        const char* path;
        Handler handler;
        bool authenticated;
    };

    Server(ServerStorage& storage, WallClock clock, Limits limits) : m_storage(storage), m_clock(std::move(clock)), m_limits(limits) {}
    static const std::vector<Route>& routes();
    Response dispatch(const Request& request);
    // The live token of a request's `Authorization: Bearer`, or nullptr (an expired one is
    // forgotten). Under m_mutex.
    const TokenTable::Token* bearer(const Request& request, std::uint64_t now);
    bool take_rate_token(const std::string& key, std::uint64_t now);

    Response info(Context& c);
    Response found_org(Context& c);
    Response challenge(Context& c);
    Response token(Context& c);
    Response get_directory(Context& c);
    Response post_directory(Context& c);
    Response enrol_offer(Context& c);
    Response enrol_request(Context& c);
    Response enrol_requests(Context& c);
    Response post_keys(Context& c);
    Response get_keys(Context& c);
    Response push(Context& c);
    Response pull(Context& c);
    Response device_seq(Context& c);
    // Retention (docs/retention.md).
    Response get_escrow(Context& c);
    Response post_escrow(Context& c);
    Response shred_confirm(Context& c);
    Response shred_records(Context& c);

    ServerStorage& m_storage;
    WallClock m_clock;
    Limits m_limits;
    crypto::Id16 m_serverId{};
    std::optional<Hash32> m_bootstrapHash;
    Directory m_dir;
    ChallengeMint m_challenges;
    TokenTable m_tokens;
    RateTable m_buckets;  // "d:<device>", "a:<address>", or "c:<device>@<address>" (auth requests naming a device)
    mutable std::mutex m_mutex;
};

}  // namespace quartier::sync::server
