#include "server.h"

#include "annex_view.h"
#include "op_order.h"

#include "sync/org/escrow.h"
#include "sync/org/grant.h"
#include "sync/protocol/messages.h"
#include "sync/org/shred_confirmation.h"

#include "crypto/commit.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>
#include <unordered_set>
#include <utility>

namespace quartier::sync::server {

using nlohmann::json;

namespace {
constexpr std::string_view kAuthDomain = "quartier/auth/v1";

Response error(int status, std::string_view code, std::string_view message) {
    return Response{status, wire::error_body(code, message), {}};
}
Response bad_request(std::string_view message) { return error(400, "bad_request", message); }

// 403 `revoked`, carrying the admin-signed revocation entry: the device verifies it against its
// pinned admin key, and destroys its store only if that entry orders a wipe (docs/protocol.md).
Response revoked(const Directory& dir, const DeviceId& device) {
    msg::ErrorBody body{"revoked", "device is revoked", std::nullopt};
    if (const SignedEntry* e = dir.revocation(device)) body.entry = e->to_json();
    return Response{403, msg::encode(body), {}};
}
template <class Message>
Response ok(const Message& answer) {
    return Response{200, msg::encode(answer), {}};
}

// Storage failures: conflicts are the client's to resolve, the rest is ours.
Response storage_error(const quartier::Failure<Error>& f) {
    if (f.error == Error::AlreadyExists) return error(409, "conflict", f.detail);
    // A full disk (or quota) is the operator's to fix, and the client's to retry later: say so
    // rather than "internal" (docs/protocol.md; the transaction was rolled back, nothing kept).
    if (f.error == Error::Full) return error(507, "storage_full", "the server's storage is full; nothing of this request was kept");
    return error(500, "internal", "storage error");
}

// A posted list of signed objects (key grants, escrow wraps): each parsed as `Signed`, refused
// with the answer `refuse` gives (nullopt: no objection), its signature verified against the
// directory, and kept as its stored row (`row`). Only a list without a refused item is stored, at
// once (`store`): one bad item stores nothing.
template <class Signed, class Refuse, class ToRow, class Store>
Response store_signed(const std::vector<msg::SignedJson>& items, const Directory& dir, Refuse refuse, ToRow row, Store store) {
    std::vector<decltype(row(std::declval<const Signed&>()))> rows;
    for (const auto& item : items) {
        auto s = Signed::from_json(item);
        if (!s) return bad_request(s.detail());
        if (std::optional<Response> refused = refuse(*s)) return std::move(*refused);
        if (auto v = s->verify(dir); !v) return error(400, "bad_signature", v.detail());
        rows.push_back(row(*s));
    }
    if (auto r = store(rows); !r) return storage_error(r.failure());
    return ok(msg::Empty{});
}

bool lower_hex(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A decimal query parameter: digits only, no sign, no overflow.
std::optional<std::uint64_t> decimal(std::string_view s) {
    if (s.empty() || s.size() > 19) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + std::uint64_t(c - '0');
    }
    return v;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower((unsigned char)x) == std::tolower((unsigned char)y); });
}

crypto::Hash32 token_key(std::string_view token) {
    return crypto::hash(crypto::ByteView(reinterpret_cast<const std::uint8_t*>(token.data()), token.size()));
}
}  // namespace

// Per-request state: the parsed body and the authenticated device.
struct Server::Context {
    const Request& request;
    json body;
    std::uint64_t now = 0;
    DeviceId device{};
    const DeviceInfo* info = nullptr;  // set for authenticated routes
    bool framed = false;               // the body is a framed push (Content-Type), not JSON
};

namespace {
// The media type of a Content-Type value, without parameters, compared case-insensitively.
bool media_type_is(std::string_view value, std::string_view type) {
    value = value.substr(0, value.find(';'));
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    return iequals(value, type);
}
// Whether an Accept value lists `type` (parameters and q-values are not weighed: listed is enough).
bool accepts(std::string_view accept, std::string_view type) {
    while (!accept.empty()) {
        const auto comma = accept.find(',');
        if (media_type_is(accept.substr(0, comma), type)) return true;
        if (comma == std::string_view::npos) break;
        accept.remove_prefix(comma + 1);
    }
    return false;
}
}  // namespace

std::string Request::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return v;
    return {};
}

crypto::Bytes auth_message(const crypto::Id16& server_id, crypto::ByteView challenge) {
    crypto::Bytes m(kAuthDomain.size() + server_id.size() + challenge.size());
    std::memcpy(m.data(), kAuthDomain.data(), kAuthDomain.size());
    std::memcpy(m.data() + kAuthDomain.size(), server_id.data(), server_id.size());
    if (!challenge.empty()) std::memcpy(m.data() + kAuthDomain.size() + server_id.size(), challenge.data(), challenge.size());
    return m;
}

Result<std::unique_ptr<Server>> Server::open(ServerStorage& storage, WallClock clock, Limits limits) {
    auto meta = storage.meta();
    if (!meta) return meta.failure();
    std::unique_ptr<Server> s(new Server(storage, std::move(clock), limits));
    s->m_serverId = meta->server_id;
    s->m_bootstrapHash = meta->bootstrap_hash;
    auto entries = storage.directory();
    if (!entries) return entries.failure();
    for (const auto& text : *entries) {
        auto e = SignedEntry::from_json(text);
        if (!e) return {Error::Corrupt, "stored directory entry does not parse: " + e.detail()};
        if (auto r = s->m_dir.append(*e); !r) return {Error::Corrupt, "stored directory does not verify: " + r.detail()};
    }
    if (meta->org && (!s->m_dir.founded() || s->m_dir.org() != *meta->org))
        return {Error::Corrupt, "stored organisation id does not match the directory"};
    return s;
}

Directory Server::directory() const {
    std::lock_guard lock(m_mutex);
    return m_dir;
}

const std::vector<Server::Route>& Server::routes() {
    static const std::vector<Route> r = {
        {"GET", "/v1/info", &Server::info, false},
        {"POST", "/v1/org", &Server::found_org, false},
        {"POST", "/v1/auth/challenge", &Server::challenge, false},
        {"POST", "/v1/auth/token", &Server::token, false},
        {"GET", "/v1/directory", &Server::get_directory, true},
        {"POST", "/v1/directory", &Server::post_directory, true},
        {"POST", "/v1/enrol/offer", &Server::enrol_offer, true},
        {"POST", "/v1/enrol/request", &Server::enrol_request, false},
        {"GET", "/v1/enrol/requests", &Server::enrol_requests, true},
        {"POST", "/v1/keys", &Server::post_keys, true},
        {"GET", "/v1/keys", &Server::get_keys, true},
        {"POST", "/v1/push", &Server::push, true},
        {"GET", "/v1/pull", &Server::pull, true},
        {"GET", "/v1/devices/seq", &Server::device_seq, true},
        {"GET", "/v1/escrow", &Server::get_escrow, true},
        {"POST", "/v1/escrow", &Server::post_escrow, true},
        {"POST", "/v1/shred/confirm", &Server::shred_confirm, true},
        {"GET", "/v1/shred/records", &Server::shred_records, true},
    };
    return r;
}

Response Server::handle(const Request& request) {
    try {
        return dispatch(request);
    } catch (const std::exception&) {
        return error(500, "internal", "internal error");
    } catch (...) {
        return error(500, "internal", "internal error");
    }
}

bool Server::take_rate_token(const std::string& key, std::uint64_t now) {
    return m_buckets.take(key, now, m_limits.rate_per_second, m_limits.rate_burst, m_limits.max_rate_buckets);
}

Response Server::dispatch(const Request& request) {
    if (request.body.size() > m_limits.max_body) return error(413, "too_large", "request body too large");
    const Route* route = nullptr;
    for (const auto& r : routes())
        if (request.method == r.method && request.path == r.path) route = &r;
    if (!route) return error(404, "not_found", "no such endpoint");
    // A caller without a token costs no parse: 1 MiB of '[' is 80 MiB of nested arrays.
    if (auto refused = refuse_before_body(request)) return *refused;

    // Parsed before taking the lock; a parse failure is reported only after authentication, so
    // that a caller without a token learns nothing but 401.
    Context c{request, json(), 0, {}, nullptr, false};
    bool body_ok = true;
    if (request.method == "POST") {
        // A framed body only where the protocol defines one (push); anywhere else it is no JSON.
        c.framed = media_type_is(request.header("Content-Type"), wire::kFramedType);
        if (c.framed) {
            body_ok = route->handler == &Server::push;
        } else {
            c.body = json::parse(request.body, nullptr, false);
            body_ok = !c.body.is_discarded() && c.body.is_object();
        }
    }

    std::lock_guard lock(m_mutex);
    c.now = m_clock();

    if (!route->authenticated) {
        // A request naming an enrolled device (a challenge, a token) has a bucket of its own at its
        // address, so that one device's flood does not lock the others at that address out.
        std::optional<DeviceId> named;
        if (route->handler == &Server::challenge || route->handler == &Server::token)
            if (auto m = msg::ChallengeRequest::from_json(c.body)) named = m->device;
        const std::string key = named && m_dir.device(*named) ? "c:" + crypto::to_hex(*named) + "@" + request.remote : "a:" + request.remote;
        if (!take_rate_token(key, c.now)) return error(429, "rate_limited", "too many requests");
        if (!body_ok) return bad_request("body is not a JSON object");
        return (this->*route->handler)(c);
    }

    const std::string auth = request.header("Authorization");
    const TokenTable::Token* token = bearer(request, c.now);
    if (!token) {
        if (!take_rate_token("a:" + request.remote, c.now)) return error(429, "rate_limited", "too many requests");
        return error(401, "unauthenticated", auth.empty() ? "authentication required" : "invalid or expired token");
    }
    c.device = token->device;
    const std::string device_hex = crypto::to_hex(c.device);
    if (!take_rate_token("d:" + device_hex, c.now)) {
        Response r = error(429, "rate_limited", "too many requests");
        r.device = device_hex;
        return r;
    }
    c.info = m_dir.device(c.device);
    Response r = !c.info          ? error(401, "unauthenticated", "device is not enrolled")
                 : c.info->revoked ? revoked(m_dir, c.device)
                 : !body_ok        ? bad_request("body is not a JSON object")
                                   : (this->*route->handler)(c);
    r.device = device_hex;
    return r;
}

// Authorization: Bearer <token>
const TokenTable::Token* Server::bearer(const Request& request, std::uint64_t now) {
    const std::string auth = request.header("Authorization");
    if (auth.size() <= 7 || !iequals(std::string_view(auth).substr(0, 7), "bearer ")) return nullptr;
    std::string_view t = std::string_view(auth).substr(7);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    return m_tokens.find(t, now);
}

std::optional<Response> Server::refuse_before_body(const Request& head) {
    try {
        // What arrived, or what the HTTP layer was told is coming (it refuses a malformed length).
        std::uint64_t size = head.body.size();
        if (const auto announced = decimal(head.header("Content-Length"))) size = std::max(size, *announced);
        if (size > m_limits.max_body) return error(413, "too_large", "request body too large");
        const Route* route = nullptr;
        for (const auto& r : routes())
            if (head.method == r.method && head.path == r.path) route = &r;
        if (!route) return error(404, "not_found", "no such endpoint");

        std::lock_guard lock(m_mutex);
        const std::uint64_t now = m_clock();
        if (!route->authenticated) {
            // Founding takes the whole directory's first entries, once; every other endpoint
            // without a token takes a few hundred bytes.
            if (route->handler == &Server::found_org) {
                if (m_dir.founded()) return error(409, "conflict", "an organisation is already founded");
            } else if (size > m_limits.max_open_body) {
                return error(413, "too_large", "request body too large for an endpoint without a token");
            }
            return std::nullopt;
        }
        if (bearer(head, now)) return std::nullopt;
        if (!take_rate_token("a:" + head.remote, now)) return error(429, "rate_limited", "too many requests");
        return error(401, "unauthenticated", head.header("Authorization").empty() ? "authentication required" : "invalid or expired token");
    } catch (...) {
        return error(500, "internal", "internal error");
    }
}

// ---------------------------------------------------------------------------------------------
// Founding and authentication

Response Server::info(Context&) {
    msg::Info answer{m_serverId, std::nullopt, 1};
    if (m_dir.founded()) answer.org = m_dir.org();
    return ok(answer);
}

Response Server::found_org(Context& c) {
    if (m_dir.founded()) return error(409, "conflict", "an organisation is already founded");
    const auto m = msg::FoundOrg::from_json(c.body);
    if (!m) return bad_request(m.detail());
    const Hash32 h = token_key(m->bootstrap);
    if (!m_bootstrapHash || !crypto::equal(h, *m_bootstrapHash)) return error(403, "forbidden", "wrong bootstrap token");
    if (m->entries.empty() || m->entries.size() > m_limits.max_directory_entries) return bad_request("entries: 1 to a bounded number");

    Directory dir;
    std::vector<std::string> texts;
    for (const auto& item : m->entries) {
        auto e = SignedEntry::from_json(item);
        if (!e) return bad_request(e.detail());
        if (auto r = dir.append(*e); !r) return bad_request("entry " + std::to_string(texts.size()) + ": " + r.detail());
        if (!dir.fully_open(texts.size())) return bad_request("entry " + std::to_string(texts.size()) + ": its annex must open each commitment");
        texts.push_back(e->to_json());
    }
    const auto devs = dir.devices();
    if (std::none_of(devs.begin(), devs.end(), [](const DeviceInfo& d) { return d.role == "admin" && !d.revoked; }))
        return bad_request("the entries must enrol at least one admin device");
    if (auto r = m_storage.found_org(dir.org(), texts); !r) return storage_error(r.failure());
    m_dir = std::move(dir);
    m_bootstrapHash.reset();
    return ok(msg::SeqAnswer{m_dir.size() - 1});
}

Response Server::challenge(Context& c) {
    const auto m = msg::ChallengeRequest::from_json(c.body);
    if (!m) return bad_request(m.detail());
    const DeviceInfo* d = m_dir.device(m->device);
    if (!d) return error(401, "unauthenticated", "device is not enrolled");
    if (d->revoked) return revoked(m_dir, m->device);
    // Nothing is kept per challenge issued (sync/server/auth_tables.h): no flood fills a table.
    const auto ch = m_challenges.issue(m->device, c.now, m_limits.challenge_ttl_ms);
    msg::ChallengeAnswer answer{{}, m_limits.challenge_ttl_ms / 1000};
    std::copy(ch.begin(), ch.end(), answer.challenge.begin());
    return ok(answer);
}

Response Server::token(Context& c) {
    const auto m = msg::TokenRequest::from_json(c.body);
    if (!m) return bad_request(m.detail());
    // Single use: a challenge is used once presented, whatever the outcome.
    switch (m_challenges.redeem(m->device, m->challenge, c.now, m_limits.max_used_challenges_per_device)) {
    case ChallengeMint::Outcome::Valid: break;
    case ChallengeMint::Outcome::Unknown: return error(401, "unauthenticated", "unknown challenge, or issued to another device");
    case ChallengeMint::Outcome::Expired: return error(401, "unauthenticated", "challenge expired");
    case ChallengeMint::Outcome::Used: return error(401, "unauthenticated", "used challenge");
    }
    const DeviceInfo* d = m_dir.device(m->device);
    if (!d) return error(401, "unauthenticated", "device is not enrolled");
    if (d->revoked) return revoked(m_dir, m->device);
    if (!crypto::verify(d->sign_pk, auth_message(m_serverId, m->challenge), m->signature)) return error(401, "bad_signature", "signature does not verify");

    // Room is made within the device's own tokens, or the most prolific device's (auth_tables.h).
    const std::string tok = m_tokens.issue(m->device, c.now, m_limits.token_ttl_ms, m_limits.max_tokens_per_device, m_limits.max_tokens);
    Response r = ok(msg::TokenAnswer{tok, m_limits.token_ttl_ms / 1000});
    r.device = crypto::to_hex(m->device);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Directory

Response Server::get_directory(Context& c) {
    std::uint64_t since = 0;
    if (auto it = c.request.query.find("since"); it != c.request.query.end()) {
        auto v = decimal(it->second);
        if (!v) return bad_request("since: a decimal number expected");
        since = *v;
    }
    // Every entry, with the openings of its commitments this device may read (annex_view.h).
    return ok(directory_for(m_dir, c.device, since));
}

Response Server::post_directory(Context& c) {
    const auto m = msg::DirectoryPost::from_json(c.body);
    if (!m) return bad_request(m.detail());
    auto e = SignedEntry::from_json(m->entry);
    if (!e) return bad_request(e.detail());
    const json body = json::parse(e->body.begin(), e->body.end(), nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("seq") || !body["seq"].is_number_unsigned() ||
        !body.contains("prev") || !body["prev"].is_string())
        return bad_request("entry body lacks seq or prev");
    const auto seq = body["seq"].get<std::uint64_t>();
    const auto& prev = body["prev"].get_ref<const std::string&>();
    // A repeated post of an entry already in the log is acknowledged again.
    if (seq < m_dir.size()) {
        const SignedEntry& have = m_dir.entries()[seq];
        if (have.body == e->body && have.signer == e->signer && have.signature == e->signature) return ok(msg::SeqAnswer{seq});
        return error(409, "conflict", "entry does not follow the head: refetch and re-sign");
    }
    if (seq != m_dir.size() || prev != (seq == 0 ? std::string() : crypto::to_hex(m_dir.head_hash())))
        return error(409, "conflict", "entry does not follow the head: refetch and re-sign");
    Directory next = m_dir;
    if (auto r = next.append(*e); !r) return bad_request(r.detail());
    if (!next.fully_open(seq)) return bad_request("the entry's annex must open each of its commitments (docs/protocol.md, \"Annex\")");
    // A crypto-shredding order drops the scope's envelopes, grants and escrow wraps with it.
    const auto kind_it = body.find("kind");  // verified by append() above
    const auto scope_it = body.find("scope");
    const auto shred = kind_it != body.end() && *kind_it == "shred" && scope_it != body.end() && scope_it->is_string()
                           ? wire::id_from_hex(scope_it->get<std::string>())
                           : std::nullopt;
    if (auto r = shred ? m_storage.shred_scope(seq, e->to_json(), *shred) : m_storage.append_directory(seq, e->to_json()); !r)
        return storage_error(r.failure());
    m_dir = std::move(next);
    return ok(msg::SeqAnswer{seq});
}

// ---------------------------------------------------------------------------------------------
// Enrolment

Response Server::enrol_offer(Context& c) {
    if (c.info->role != "admin") return error(403, "forbidden", "only an admin device may post offers");
    const auto m = msg::EnrolOffer::from_json(c.body);
    if (!m) return bad_request(m.detail());
    const auto hash = &m->offer;
    const auto name = &m->name;
    const std::uint64_t ttl = m->expires_in;
    if (ttl == 0 || ttl > m_limits.max_offer_ttl_s) return bad_request("expires_in out of range");
    Offer o;
    o.hash = *hash;
    o.name = *name;
    o.expires_ms = c.now + ttl * 1000;
    o.created_by = c.device;
    auto have = m_storage.offer(*hash);
    if (!have) return storage_error(have.failure());
    if (*have) {
        if ((*have)->name == o.name && (*have)->created_by == o.created_by) return ok(msg::Empty{});  // a repeat
        return error(409, "conflict", "an offer with this hash exists");
    }
    if (auto r = m_storage.put_offer(o); !r) return storage_error(r.failure());
    return ok(msg::Empty{});
}

Response Server::enrol_request(Context& c) {
    const auto m = msg::EnrolRequest::from_json(c.body);
    if (!m) return bad_request(m.detail());
    EnrolRequest q;
    q.offer = crypto::hash(m->secret);
    q.device = crypto::device_id_of(m->sign_pk);
    q.sign_pk = m->sign_pk;
    q.box_pk = m->box_pk;
    q.name = m->name;
    q.time_ms = c.now;
    const Response refused = error(403, "forbidden", "enrolment secret unknown, used or expired");
    auto o = m_storage.offer(q.offer);
    if (!o) return storage_error(o.failure());
    if (!*o) return refused;
    const msg::EnrolRequestAnswer answer{q.device};
    if ((*o)->used) {
        // The same device repeating its request gets the same answer.
        auto prior = m_storage.request_for(q.offer);
        if (!prior) return storage_error(prior.failure());
        if (*prior && (*prior)->sign_pk == q.sign_pk && (*prior)->box_pk == q.box_pk && (*prior)->name == q.name) return ok(answer);
        return refused;
    }
    if ((*o)->expires_ms <= c.now) return refused;
    if (auto r = m_storage.add_request(q); !r) return r.error() == Error::AlreadyExists ? refused : storage_error(r.failure());
    return ok(answer);
}

Response Server::enrol_requests(Context& c) {
    if (c.info->role != "admin") return error(403, "forbidden", "only an admin device may list requests");
    auto all = m_storage.requests();
    if (!all) return storage_error(all.failure());
    msg::PendingRequests answer;
    for (const auto& q : *all) {
        if (m_dir.device(q.device)) continue;  // enrolled: no longer pending
        answer.requests.push_back({q.offer, q.device, q.sign_pk, q.box_pk, q.name, q.time_ms});
    }
    return ok(answer);
}

// ---------------------------------------------------------------------------------------------
// Scope keys

Response Server::post_keys(Context& c) {
    const auto m = msg::Grants::from_json(c.body);
    if (!m) return bad_request(m.detail());
    if (m->grants.empty() || m->grants.size() > m_limits.max_grants) return bad_request("grants: 1 to a bounded number");
    return store_signed<KeyGrant>(
        m->grants, m_dir,
        [&](const KeyGrant& g) -> std::optional<Response> {
            if (m_dir.shredded(g.scope)) return error(410, "shredded", "that scope was crypto-shredded");
            if (g.granter == "admin") {
                if (c.info->role != "admin") return error(403, "forbidden", "only an admin device may post admin grants");
            } else {
                if (g.granter != crypto::to_hex(c.device)) return error(403, "forbidden", "a device posts only its own grants");
                if (!m_dir.is_member(g.scope, g.epoch, c.device)) return error(403, "not_member", "granter is not a member of the scope at that epoch");
            }
            const DeviceInfo* r = m_dir.device(g.device);
            if (!r || r->revoked || !m_dir.is_member(g.scope, g.epoch, g.device))
                return error(403, "not_member", "recipient is not a member of the scope at that epoch");
            return std::nullopt;
        },
        [](const KeyGrant& g) { return StoredGrant{g.scope, g.epoch, g.device, g.to_json()}; },
        [&](const std::vector<StoredGrant>& rows) { return m_storage.put_grants(rows); });
}

Response Server::get_keys(Context& c) {
    auto grants = m_storage.grants_for(c.device);
    if (!grants) return storage_error(grants.failure());
    msg::Grants answer;
    for (const auto& g : *grants) answer.grants.push_back(g.json);
    return ok(answer);
}

// ---------------------------------------------------------------------------------------------
// Ops

Response Server::push(Context& c) {
    // The groups as received, each a commit and the envelopes it lists: views into the framed
    // body, or into `decoded` (base64 of a JSON body, which is always one group).
    std::vector<wire::FramedGroup> groups;
    msg::JsonPush decoded;
    if (c.framed) {
        auto g = wire::parse_push(c.request.body, m_limits.max_push_envelopes);
        if (!g) {
            if (g.error() == wire::FrameError::TooMany) return error(413, "too_large", g.detail());
            return bad_request("framed push: " + g.detail());
        }
        groups = std::move(*g);
    } else {
        auto m = msg::JsonPush::from_json(c.body, m_limits.max_push_envelopes, crypto::kMaxEnvelope);
        if (!m) return m.error() == msg::DecodeError::TooLarge ? error(413, "too_large", m.detail()) : bad_request(m.detail());
        decoded = std::move(*m);
        wire::FramedGroup g{decoded.commit, {}};
        g.envelopes.assign(decoded.envelopes.begin(), decoded.envelopes.end());
        groups.push_back(std::move(g));
    }

    // Every group on its own as docs/protocol.md says; any refusal refuses the whole push.
    const std::uint64_t horizon = c.now + m_limits.max_clock_skew_ms;
    std::vector<PushGroup> records;
    records.reserve(groups.size());
    std::unordered_set<crypto::Hash32, crypto::Hash32Hasher> sent;  // every envelope of the push
    for (const auto& g : groups) {
        auto commit = crypto::Commit::parse(g.commit);
        if (!commit) return bad_request("commit does not parse");
        std::vector<crypto::EnvelopeView> views;
        views.reserve(g.envelopes.size());
        for (const auto& b : g.envelopes) {
            auto v = crypto::parse_envelope(b);
            if (!v) {
                if (v.error() == crypto::Error::TooLarge) return error(413, "too_large", "envelope too large");
                return bad_request(std::string("envelope does not parse: ") + std::string(crypto::to_string(v.error())));
            }
            views.push_back(*v);
        }

        // Authenticated device = commit author = every envelope's author; the commit's signature.
        if (commit->author != c.device) return error(403, "forbidden", "the commit's author is not the authenticated device");
        auto verified = crypto::verify_commit(*commit, c.info->sign_pk);
        if (!verified) return error(400, "bad_signature", "commit signature does not verify");

        // The commit lists exactly the envelopes sent with it.
        std::unordered_set<crypto::Hash32, crypto::Hash32Hasher> hashes;
        for (const auto& v : views) {
            const crypto::Hash32 h = v.hash();
            if (!hashes.insert(h).second || !sent.insert(h).second) return bad_request("the same envelope is sent twice");
        }
        if (hashes.size() != commit->hashes.size() || verified->size() != commit->hashes.size())
            return bad_request("the commit does not list exactly the envelopes sent");
        for (const auto& h : hashes)
            if (!verified->contains(h)) return bad_request("the commit does not list exactly the envelopes sent");

        PushGroup pg{CommitRecord{commit->id, commit->author, g.commit}, {}};
        pg.envelopes.reserve(views.size());
        for (std::size_t i = 0; i < views.size(); ++i) {
            const auto& h = views[i].header;
            if (h.author != c.device) return error(403, "forbidden", "an envelope's author is not the authenticated device");
            if (m_dir.shredded(h.scope)) return error(410, "shredded", "scope " + crypto::to_hex(h.scope) + " was crypto-shredded");
            // An active member only (docs/protocol.md, "Ops"): a device taken off the scope, or
            // rotated past, writes no more, whatever epoch it seals under; and each op must count
            // by the directory's own rule, the one every member applies when it reads it.
            if (!m_dir.active_member(h.scope, c.device))
                return error(403, "not_member", "device is not an active member of scope " + crypto::to_hex(h.scope));
            if (auto why = m_dir.refuse_op(h.scope, h.epoch, c.device, h.seq, h.hlc)) return error(403, "not_member", *why);
            if (Hlc::physical_ms(h.hlc) > horizon)
                return error(400, "clock_skew", "an envelope is dated more than 24 h ahead of the server clock");
            if (h.seq == 0) return bad_request("an envelope carries no device sequence number");
            pg.envelopes.push_back(EnvelopeRecord{h.scope, h.epoch, h.op, h.author, h.hlc, g.envelopes[i], h.seq});
        }
        records.push_back(std::move(pg));
    }
    // No op dated before one its device numbered lower, one op per number (sync/server/op_order.h).
    auto order = check_order(m_storage, c.device, records);
    if (!order) return storage_error(order.failure());
    if (!order->empty()) return refused_ops(*order);

    auto out = m_storage.push(records);
    if (!out) return storage_error(out.failure());
    msg::PushAnswer answer;
    answer.accepted = out->accepted;
    answer.duplicates = out->duplicates;
    for (const auto& [scope, seq] : out->last_seq) answer.seqs[scope] = seq;
    for (const auto& [scope, n] : out->fresh) answer.fresh[scope] = n;
    // `heads`: the last seq of every scope the device is a member of, so that its pull can skip
    // the scopes where nothing is new (docs/protocol.md). Shredded scopes have no data left to
    // pull and are not listed.
    std::vector<ScopeId> member_of;
    for (const auto& m : m_dir.memberships(c.device))
        if ((member_of.empty() || member_of.back() != m.scope) && !m_dir.shredded(m.scope) && m_dir.active_member(m.scope, c.device))
            member_of.push_back(m.scope);
    std::sort(member_of.begin(), member_of.end());
    member_of.erase(std::unique(member_of.begin(), member_of.end()), member_of.end());
    // `head_ops`: the op at each head, so that a device whose cursor is at the head can tell the
    // op it pulled there from another a restored server put at the same seq (docs/server.md).
    if (auto last = m_storage.last_seqs(member_of))  // without it the client pulls every scope
        for (const auto& [scope, seq] : *last) {
            answer.heads[scope] = seq;
            if (seq == 0) continue;
            if (auto op = m_storage.op_at(scope, seq); op && *op) answer.head_ops[scope] = **op;
        }
    // `time`: the server's clock, which devices put into their audit entries (docs/audit.md).
    answer.time = c.now;
    Response r = ok(answer);
    (void)m_storage.record_sync(c.device, c.now, c.request.body.size(), r.body.size(), out->accepted);
    return r;
}

Response Server::pull(Context& c) {
    const auto& q = c.request.query;
    auto it = q.find("scope");
    crypto::ScopeId scope{};
    if (it == q.end() || it->second.size() != 32 || !lower_hex(it->second) || !crypto::from_hex(it->second, scope))
        return bad_request("scope: lower-case hex id expected");
    std::uint64_t since = 0;
    if (auto s = q.find("since"); s != q.end()) {
        auto v = decimal(s->second);
        if (!v) return bad_request("since: a decimal number expected");
        since = *v;
    }
    std::size_t limit = m_limits.default_pull_limit;
    if (auto l = q.find("limit"); l != q.end()) {
        auto v = decimal(l->second);
        if (!v || *v == 0) return bad_request("limit: a positive decimal number expected");
        limit = std::size_t(std::min<std::uint64_t>(*v, m_limits.max_pull_limit));
    }
    limit = std::min(limit, m_limits.max_pull_limit);
    // Shredded first: a member that was on the scope when it was erased learns why it is gone.
    if (m_dir.shredded(scope) && m_dir.ever_members(scope).count(c.device))
        return error(410, "shredded", "that scope was crypto-shredded");
    if (!m_dir.active_member(scope, c.device)) return error(403, "not_member", "device is not an active member of this scope");
    // The op the device holds at its cursor (docs/server.md, "Backup and restore"): a server
    // restored from a backup holds another op there, or none, and must say so, not serve what
    // came after as if nothing was lost.
    if (auto at = q.find("at"); at != q.end() && since > 0) {
        crypto::Id16 op{};
        if (at->second.size() != 32 || !lower_hex(at->second) || !crypto::from_hex(at->second, op))
            return bad_request("at: lower-case hex op id expected");
        auto held = m_storage.op_at(scope, since);
        if (!held) return storage_error(held.failure());
        if (!*held || **held != op) {
            auto last = m_storage.last_seqs({scope});
            if (!last) return storage_error(last.failure());
            return error(409, "cursor_lost", "this server does not hold the op the device pulled at seq " + std::to_string(since) +
                                                 " (its last seq of the scope: " + std::to_string(last->count(scope) ? last->at(scope) : 0) +
                                                 "); restored from a backup?");
        }
    }

    auto page = m_storage.pull(scope, since, limit, m_limits.max_pull_bytes);
    if (!page) return storage_error(page.failure());
    if (accepts(c.request.header("Accept"), wire::kFramedType)) {
        wire::FramedPage f{page->next, page->more, {}, {}};
        f.commits.reserve(page->commits.size());
        for (const auto& [id, bytes] : page->commits) f.commits.emplace_back(id, bytes);
        f.items.reserve(page->items.size());
        for (const auto& item : page->items) f.items.push_back({item.seq, item.commit, item.envelope});
        Response r{200, wire::frame_pull(f), {}, wire::kFramedType};
        (void)m_storage.record_sync(c.device, c.now, c.request.body.size(), r.body.size(), 0);
        return r;
    }
    msg::JsonPull answer;
    answer.next = page->next;
    answer.more = page->more;
    for (const auto& item : page->items) answer.items.push_back({item.seq, item.commit, item.envelope});
    for (const auto& [id, bytes] : page->commits) answer.commits.emplace(id, bytes);
    Response r = ok(answer);
    (void)m_storage.record_sync(c.device, c.now, c.request.body.size(), r.body.size(), 0);
    return r;
}

// The last device sequence number the server stored of a device: what the signer of an entry that
// takes it off a scope writes into it (docs/protocol.md, "Ops"). Any enrolled device may ask: the
// admin key that signs a revocation may be held on a device of any role, which the server cannot
// tell, and a member of the scope's latest epoch signs an unassign.
Response Server::device_seq(Context& c) {
    const auto it = c.request.query.find("device");
    crypto::DeviceId dev{};
    if (it == c.request.query.end() || it->second.size() != 32 || !lower_hex(it->second) || !crypto::from_hex(it->second, dev))
        return bad_request("device: lower-case hex id expected");
    if (!m_dir.device(dev)) return error(404, "not_found", "no such device");
    auto last = m_storage.last_device_seq(dev);
    if (!last) return storage_error(last.failure());
    return ok(msg::DeviceSeq{dev, *last});
}

// ---------------------------------------------------------------------------------------------
// Retention (docs/retention.md): escrow wraps, shred confirmations

Response Server::get_escrow(Context& c) {
    const auto& q = c.request.query;
    const auto ms = m_dir.memberships(c.device);
    // ?scope=S, or ?scopes=S1,S2,… (at most wire::kMaxEscrowScopes): the wraps themselves, for scopes
    // the caller is a member of (or any, for an admin device); one refused scope refuses all.
    const auto one = q.find("scope"), many = q.find("scopes");
    if (one != q.end() || many != q.end()) {
        if (one != q.end() && many != q.end()) return bad_request("scope and scopes: one or the other");
        std::vector<std::string> hexes;
        if (one != q.end()) hexes.push_back(one->second);
        else
            for (std::size_t at = 0; at <= many->second.size();) {
                const std::size_t comma = std::min(many->second.find(',', at), many->second.size());
                hexes.push_back(many->second.substr(at, comma - at));
                at = comma + 1;
            }
        if (hexes.size() > wire::kMaxEscrowScopes) return bad_request("scopes: at most " + std::to_string(wire::kMaxEscrowScopes));
        std::set<crypto::ScopeId> scopes;
        for (const auto& hex : hexes) {
            crypto::ScopeId scope{};
            if (hex.size() != 32 || !lower_hex(hex) || !crypto::from_hex(hex, scope))
                return bad_request("scope: lower-case hex id expected");
            const bool member = std::any_of(ms.begin(), ms.end(), [&](const Membership& m) { return m.scope == scope; });
            if (!member && c.info->role != "admin") return error(403, "not_member", "device is not a member of this scope");
            if (m_dir.shredded(scope)) return error(410, "shredded", "that scope was crypto-shredded");
            scopes.insert(scope);
        }
        msg::Wraps answer;
        for (const auto& scope : scopes) {
            // A personal scope's wrap (uploaded before it was refused) is never handed out.
            if (m_dir.scope_kind(scope) == ScopeKind::Personal) continue;
            auto wraps = m_storage.escrow_wraps(scope);
            if (!wraps) return storage_error(wraps.failure());
            for (const auto& w : *wraps) answer.wraps.push_back(w.json);
        }
        return ok(answer);
    }
    // Without a scope: which (scope, epoch) have a wrap, for every scope the caller is a member of.
    std::set<crypto::ScopeId> scopes;
    for (const auto& m : ms)
        if (!m_dir.shredded(m.scope) && m.kind != ScopeKind::Personal) scopes.insert(m.scope);
    msg::EscrowIndex answer;
    for (const auto& scope : scopes) {
        auto wraps = m_storage.escrow_wraps(scope);
        if (!wraps) return storage_error(wraps.failure());
        std::set<std::uint32_t> epochs;
        for (const auto& w : *wraps) epochs.insert(w.epoch);
        for (std::uint32_t e : epochs) answer.wraps.emplace_back(scope, e);
    }
    return ok(answer);
}

Response Server::post_escrow(Context& c) {
    const auto m = msg::Wraps::from_json(c.body);
    if (!m) return bad_request(m.detail());
    if (m->wraps.empty() || m->wraps.size() > m_limits.max_grants) return bad_request("wraps: 1 to a bounded number");
    if (!m_dir.escrow_key()) return error(409, "no_escrow", "the organisation has no escrow key");
    return store_signed<EscrowWrap>(
        m->wraps, m_dir,
        [&](const EscrowWrap& w) -> std::optional<Response> {
            if (w.uploader != c.device) return error(403, "forbidden", "a device posts only its own escrow wraps");
            if (m_dir.shredded(w.scope)) return error(410, "shredded", "that scope was crypto-shredded");
            if (m_dir.scope_kind(w.scope) == ScopeKind::Personal)
                return error(403, "not_escrowed", "personal scopes (entrusted entries, §65 SGB VIII) are not escrowed");
            if (!m_dir.is_member(w.scope, w.epoch, c.device))
                return error(403, "not_member", "uploader is not a member of the scope at that epoch");
            return std::nullopt;
        },
        [](const EscrowWrap& w) { return StoredEscrowWrap{w.scope, w.epoch, w.uploader, w.to_json()}; },
        [&](const std::vector<StoredEscrowWrap>& rows) { return m_storage.put_escrow_wraps(rows); });
}

Response Server::shred_confirm(Context& c) {
    const auto m = msg::ShredConfirm::from_json(c.body);
    if (!m) return bad_request(m.detail());
    auto conf = ShredConfirmation::from_json(m->confirmation);
    if (!conf) return bad_request(conf.detail());
    if (conf->device != c.device) return error(403, "forbidden", "a device confirms only for itself");
    if (auto v = conf->verify(m_dir); !v) return error(400, "bad_signature", v.detail());
    if (auto r = m_storage.put_confirmation(StoredConfirmation{conf->scope, conf->device, c.now, conf->to_json()}); !r)
        return storage_error(r.failure());
    return ok(msg::Empty{});
}

Response Server::shred_records(Context& c) {
    if (c.info->role != "admin") return error(403, "forbidden", "only an admin device may list deletion records");
    auto all = m_storage.confirmations();
    if (!all) return storage_error(all.failure());
    msg::ShredRecords answer;
    for (const auto& r : *all) answer.records.push_back(r.json);
    return ok(answer);
}

}  // namespace quartier::sync::server
