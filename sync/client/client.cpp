#include "sync/client/client.h"

#include "sync/client/consent.h"
#include "sync/org/grant.h"
#include "sync/client/retention.h"
#include "sync/client/roles.h"
#include "sync/client/sharing.h"
#include "sync/protocol/wire.h"

#include "crypto/commit.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <span>
#include <system_error>
#include <thread>

namespace quartier::sync {

using nlohmann::json;

namespace {
constexpr std::string_view kAuthDomain = "quartier/auth/v1";

bool transient(int status) { return status == 429 || status >= 500; }

Result<json> parse_body(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return {Error::Protocol, "server answer is not a JSON object"};
    return j;
}

std::string error_text(const Response& r) {
    if (auto e = msg::decode<msg::ErrorBody>(r.body)) return e->code + ": " + e->message;
    return "http_" + std::to_string(r.status) + ": (no error body)";
}
}  // namespace

std::string refusal_code(const std::string& detail) { return detail.substr(0, detail.find(':')); }

namespace {
std::uint64_t now_ms() {
    return std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count());
}
}  // namespace

SyncClient::SyncClient(Store& store, Transport& transport, SyncOptions options)
    : m_store(store), m_transport(transport), m_options(std::move(options)), m_rng(m_options.seed) {
    if (!m_options.sleep)
        m_options.sleep = [cancel = m_options.cancel](std::chrono::milliseconds d) {
            constexpr std::chrono::milliseconds slice{50};  // so that a cancel is noticed soon
            for (; d.count() > 0 && !(cancel && cancel->load()); d -= slice) std::this_thread::sleep_for(std::min(d, slice));
        };
}

SyncClient::~SyncClient() { crypto::wipe(m_token); }

std::chrono::milliseconds SyncClient::backoff(int attempt) {
    const auto cap = std::min<std::int64_t>(m_options.backoff_max.count(), m_options.backoff_base.count() << std::min(attempt, 16));
    std::uniform_int_distribution<std::int64_t> jitter(cap / 2, std::max<std::int64_t>(cap / 2, cap));
    return std::chrono::milliseconds(jitter(m_rng));  // "equal jitter": half fixed, half random
}

Result<json> SyncClient::call(const std::string& method, const std::string& path, const std::string& query,
                              const json* body, bool authenticated) {
    Request req{method, path, query, {}, body ? body->dump() : std::string(), std::string(wire::kJsonType), {}};
    auto res = exchange(req, authenticated);
    if (!res) return res.failure();
    return parse_body(res->body);
}

Result<Response> SyncClient::exchange(Request& req, bool authenticated) {
    bool reauthed = false;
    for (int attempt = 0;; ++attempt) {
        if (m_options.cancel && m_options.cancel->load()) return {Error::Cancelled, "the sync was cancelled"};
        if (authenticated && m_token.empty()) {
            if (auto a = authenticate(); !a) {
                if (a.error() != Error::Network || attempt + 1 >= m_options.max_attempts) return a.failure();
                ++m_retries;
                m_options.sleep(backoff(attempt));
                continue;
            }
        }
        req.token = authenticated ? m_token : std::string();
        auto res = m_transport.send(req);
        if (res && res->status >= 200 && res->status < 300) return res;
        if (res && res->status == 401 && authenticated && !reauthed) {
            m_token.clear();  // expired, or the server restarted
            reauthed = true;
            --attempt;
            continue;
        }
        if (res && res->status == 403 && refusal_code(error_text(*res)) == "revoked") {
            auto w = revoked(res->body);
            return w.failure();
        }
        const bool retry = !res || transient(res->status);
        if (!retry) return {Error::Refused, error_text(*res)};
        if (attempt + 1 >= m_options.max_attempts)
            return res ? Result<Response>(Error::Refused, error_text(*res)) : Result<Response>(res.failure());
        ++m_retries;
        m_options.sleep(backoff(attempt));
    }
}

Result<json> SyncClient::revoked(const std::string& body) {
    if (m_helper) m_helper->join();  // the store is this thread's again before anything is wiped
    // Only an admin-signed wipe order for this very device, of the organisation we are pinned to,
    // destroys anything: a server's word alone (or another device's order) never does.
    const auto refusal = msg::decode<msg::ErrorBody>(body);
    const Directory& d = m_store.directory();
    if (d.founded() && refusal && refusal->entry) {
        auto e = SignedEntry::from_json(*refusal->entry);
        if (e && Directory::is_wipe_order(*e, d.org(), d.admin_key(), m_store.device().id())) {
            auto w = m_store.wipe();
            return {Error::Revoked, w ? "store wiped on the organisation's order" : "wipe ordered but incomplete: " + w.detail()};
        }
    }
    return {Error::Revoked, "the server refuses this device"};
}

Result<void> SyncClient::authenticate() {
    const crypto::DeviceIdentity& me = m_store.device();
    std::string server_id = m_store.setting("server_id").value_or("");
    if (server_id.empty()) {
        auto info = ask<msg::Info, msg::Empty>("GET", "/v1/info", "", nullptr, false);
        if (!info) return info.failure();
        server_id = crypto::to_hex(info->server_id);
        if (auto r = m_store.set_setting("server_id", server_id); !r) return r;
    }
    const auto sid = wire::id_from_hex(server_id);
    if (!sid) return {Error::Corrupt, "stored server id is damaged"};
    const msg::ChallengeRequest req{me.id()};
    auto ch = ask<msg::ChallengeAnswer>("POST", "/v1/auth/challenge", "", &req, false);
    if (!ch) return ch.failure();
    const crypto::Bytes signed_text = crypto::labelled(kAuthDomain, {*sid, ch->challenge});
    msg::TokenRequest tok_req{me.id(), ch->challenge, {}};
    const auto sig = me.sign(signed_text);
    std::copy(sig.begin(), sig.end(), tok_req.signature.begin());
    auto tok = ask<msg::TokenAnswer>("POST", "/v1/auth/token", "", &tok_req, false);
    if (!tok) return tok.failure();
    m_token = std::move(tok->token);
    return {};
}

Result<SyncReport> SyncClient::sync() {
    // A store that refuses writes would fail at its first one, after requests that change nothing.
    if (auto why = m_store.failure())
        return {Error::Failed, "the store failed earlier (" + std::string(to_string(*why)) + "); recover it first"};
    SyncReport r;
    m_heads.reset();
    for (auto step : {&SyncClient::refresh_directory, &SyncClient::audit_policy, &SyncClient::shred,
                      &SyncClient::register_scopes, &SyncClient::share_audit, &SyncClient::fetch_keys,
                      &SyncClient::rotate, &SyncClient::escrow, &SyncClient::purge, &SyncClient::push, &SyncClient::pull,
                      &SyncClient::purge})
        if (auto s = (this->*step)(r); !s) return s.failure();
    r.retries = m_retries;
    // Audit (docs/audit.md): the completed sync. Its op waits in the outbox and travels with the
    // next sync's push, in the same request as that sync's data, instead of a request of its own.
    if (auto a = m_store.audit(AuditAction::Sync, {}, {},
                               "pushed " + std::to_string(r.pushed) + ", applied " + std::to_string(r.applied) +
                                   ", rejected " + std::to_string(r.rejected.size()));
        !a)
        return a.failure();
    // The store's clock: the offline lease (docs/retention.md) is measured with it.
    if (auto s = m_store.set_setting("last_sync", std::to_string(m_store.now_ms()), /*durable=*/false); !s)
        return s.failure();
    if (auto c = cache_purge(r); !c) return c.failure();
    return r;
}

Result<void> SyncClient::refresh_directory(SyncReport& r) {
    for (;;) {
        const std::uint64_t have = m_store.directory().size();
        auto res = ask<msg::DirectoryAnswer>("GET", "/v1/directory", "since=" + std::to_string(have));
        if (!res) return res.failure();
        std::vector<SignedEntry> entries, revealed;  // revealed: annexes of entries we hold (docs/protocol.md, "Annex")
        for (auto [from, to] : {std::pair{&res->entries, &entries}, std::pair{&res->revealed, &revealed}})
            for (const auto& text : *from) {
                auto se = SignedEntry::from_json(text);
                if (!se) return {Error::Protocol, "directory entry malformed: " + se.detail()};
                to->push_back(std::move(*se));
            }
        if (entries.empty()) return {};
        if (auto x = m_store.extend_directory(entries, revealed); !x) return x;
        r.directory_entries += entries.size();
    }
}

Result<void> SyncClient::audit_policy(SyncReport& r) {
    // Every device checks the verified directory against the role policy (sync/client/roles.h): a
    // reader the policy forbids is reported, recorded once, and rotated past (rotate()).
    r.policy_violations.clear();
    for (const auto& v : roles::violations(m_store.directory())) {
        r.policy_violations.push_back(v.describe());
        const std::string seen = "policy_violation:" + crypto::to_hex(v.scope) + ":" + std::to_string(v.epoch) + ":" +
                                 crypto::to_hex(v.device);
        if (m_store.setting(seen)) continue;
        if (auto a = m_store.audit(AuditAction::Refuse, {crypto::to_hex(v.scope), crypto::to_hex(v.device)}, {},
                                   "directory grants a reader the role policy forbids: " + v.reason);
            !a)
            return a;
        if (auto x = m_store.set_setting(seen, "1"); !x) return x;
    }
    return {};
}

Result<bool> SyncClient::append_directory(const std::function<std::optional<SignedEntry>(const Directory&)>& make) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        const std::optional<SignedEntry> e = make(m_store.directory());
        if (!e) return false;
        const msg::DirectoryPost body{e->to_json()};
        auto res = ask<msg::SeqAnswer>("POST", "/v1/directory", "", &body);
        if (res) {
            SyncReport ignore;
            if (auto x = refresh_directory(ignore); !x) return x.failure();
            return true;
        }
        if (res.error() != Error::Refused || refusal_code(res.detail()) != "conflict") return res.failure();
        SyncReport ignore;  // someone appended first: catch up, rebuild against the new head
        if (auto x = refresh_directory(ignore); !x) return x.failure();
    }
    return {Error::Refused, "conflict: the directory kept changing; try again"};
}

std::string SyncClient::RemovalSeq::describe() const {
    std::string s = last_seq ? "last_seq " + std::to_string(*last_seq) : "no last_seq (the server names none)";
    return note.empty() ? s : s + "; " + note;
}

Result<SyncClient::RemovalSeq> SyncClient::removal_seq(const DeviceId& device) {
    const std::string hex = crypto::to_hex(device);
    auto seen = m_store.highest_device_seq(device);
    if (!seen) return seen.failure();
    auto res = ask<msg::DeviceSeq>("GET", "/v1/devices/seq", "device=" + hex);
    if (!res) {
        if (res.error() == Error::Refused && refusal_code(res.detail()) == "not_found") return RemovalSeq{};
        return res.failure();
    }
    if (res->device != device) return {Error::Protocol, "devices/seq answer names another device"};
    const std::uint64_t told = res->last_seq;
    // The server cannot name less than what reached this device through it: such an answer would
    // make ops count for nothing that members have folded already (docs/threat-model.md).
    RemovalSeq out{std::max(told, *seen), {}};
    if (told < *seen && device != m_store.device().id())
        out.note = "the server named last_seq " + std::to_string(told) + " for device " + hex + ", but this device holds its op " +
                   std::to_string(*seen);
    return out;
}

bool SyncClient::enrolled() const {
    const DeviceInfo* self = m_store.directory().device(m_store.device().id());
    return self && !self->revoked;
}

Result<void> SyncClient::register_scopes(SyncReport& r) {
    const crypto::DeviceIdentity& me = m_store.device();
    if (!enrolled()) return {};  // not (yet) enrolled: nothing to register
    for (const auto& [scope, epoch] : m_store.scope_keys()) {
        if (m_store.directory().scope_known(scope)) continue;
        const ScopeKind k = sharing::founding_kind(m_store, scope);
        if (auto ok = roles::may_hold(m_store.directory(), scope, k, me.id()); !ok.allowed)
            return {Error::Denied, "role: " + ok.reason + " (scope " + crypto::to_hex(scope) + ")"};
        auto res = append_directory([&, &scope = scope, epoch = epoch](const Directory& d) -> std::optional<SignedEntry> {
            if (d.scope_known(scope)) return std::nullopt;
            return d.make_member(me, false, scope, epoch, me.id(), k, now_ms());
        });
        if (!res) return res.failure();
        if (*res) ++r.scopes_registered;
    }
    return {};
}

Result<void> SyncClient::fetch_keys(SyncReport& r) {
    auto res = ask<msg::Grants>("GET", "/v1/keys");
    if (!res) return res.failure();
    for (const auto& g : res->grants) {
        auto grant = KeyGrant::from_json(g);
        if (!grant) return {Error::Protocol, "grant malformed"};
        if (m_store.scope_key(grant->scope, grant->epoch)) continue;
        if (m_store.directory().shredded(grant->scope)) {  // the server should have dropped it
            r.server_violations.push_back("the server still holds a key grant of crypto-shredded scope " +
                                          crypto::to_hex(grant->scope));
            continue;
        }
        if (m_store.directory().unassigned(grant->scope, m_store.device().id())) continue;  // purged: stays gone
        // A key this device's role may not hold is not taken, whoever granted it (sync/client/roles.h).
        if (roles::forbidden_member(m_store.directory(), grant->scope, m_store.device().id())) {
            r.rejected.push_back({0, {}, {}, "key grant for scope " + crypto::to_hex(grant->scope) + " refused: the role policy forbids it"});
            continue;
        }
        auto key = grant->open(m_store.directory(), m_store.device());
        if (!key) {
            r.rejected.push_back({0, {}, {}, "key grant for scope " + crypto::to_hex(grant->scope) + " rejected: " + key.detail()});
            continue;
        }
        if (auto a = m_store.add_scope_key(grant->scope, grant->epoch, std::move(*key)); !a) return a;
        ++r.keys_added;
    }
    return {};
}

namespace {
// One push request, ready to send: the outbox's next ops, grouped one transport commit per scope
// (docs/protocol.md: a member who pulls a scope receives a commit that lists only envelopes of
// that scope), framed. All groups go in one request, which the server stores in one transaction.
struct PushBatch {
    std::vector<ScopeId> scopes;      // one group per scope, in this order
    std::vector<std::size_t> counts;  // envelopes per group
    std::vector<OpId> last_ops;       // the last envelope's op id per group
    std::vector<std::int64_t> seqs;   // the ops' local seqs, ascending
    std::string body;
    // Ops of a scope the directory took this device off, written after the removal's last_seq:
    // no device and no server counts them (Directory::refuse_op), and one of them in a push would
    // refuse the whole push. They leave the outbox unsent, reported.
    std::vector<Problem> dropped;
    // seqs and the dropped ops' seqs, ascending: what leaves the outbox once this batch is answered.
    std::vector<std::int64_t> done() const {
        std::vector<std::int64_t> all = seqs;
        for (const Problem& p : dropped) all.push_back(p.op_seq);
        std::sort(all.begin(), all.end());
        return all;
    }
};

Result<PushBatch> prepare_push(const Store& store, std::size_t limit, std::span<const std::int64_t> in_flight) {
    auto items = store.outbox(limit, wire::kMaxPushGroups, in_flight);
    if (!items) return items.failure();
    PushBatch b;
    std::vector<std::vector<crypto::Hash32>> hashes;
    std::vector<wire::FramedGroup> frames;
    b.seqs.reserve(items->size());
    const Directory& dir = store.directory();
    for (const auto& item : *items) {
        auto env = crypto::parse_envelope(item.envelope);
        if (!env) return {Error::Corrupt, "outbox holds a damaged envelope (op seq " + std::to_string(item.op_seq) + ")"};
        const crypto::EnvelopeHeader& h = env->header;
        // Only ops refused for a removal (a member at that epoch whose op is refused: removed
        // since, or added back from a later epoch on); one of a scope the directory does not list
        // us in yet is the server's to refuse, and stays (docs/protocol.md).
        if (dir.is_member(h.scope, h.epoch, h.author))
            if (auto why = dir.refuse_op(h.scope, h.epoch, h.author, h.seq, h.hlc)) {
                b.dropped.push_back({item.op_seq, {}, crypto::to_hex(h.op), "not pushed: " + *why});
                continue;
            }
        std::size_t g = 0;
        while (g < b.scopes.size() && b.scopes[g] != env->header.scope) ++g;
        if (g == b.scopes.size()) {
            b.scopes.push_back(env->header.scope);
            b.counts.push_back(0);
            b.last_ops.emplace_back();
            hashes.emplace_back();
            frames.emplace_back();
        }
        ++b.counts[g];
        b.last_ops[g] = env->header.op;
        hashes[g].push_back(env->hash());
        frames[g].envelopes.push_back(item.envelope);
        b.seqs.push_back(item.op_seq);
    }
    std::vector<crypto::Bytes> commits;
    commits.reserve(b.scopes.size());
    for (std::size_t g = 0; g < b.scopes.size(); ++g) {
        commits.push_back(crypto::make_commit(store.device(), std::move(hashes[g])).serialize());
        frames[g].commit = commits.back();
    }
    if (!b.seqs.empty()) b.body = wire::frame_push(frames);
    return b;
}
}  // namespace

// The store work around a request (acknowledging the previous batch, preparing the next) runs on
// a helper thread while the request is on the wire. Only one thread touches the store at a time:
// the calling thread makes no store call between starting the helper and joining it, except a
// wipe on a revocation (revoked()), which joins the helper first.
SyncClient::Helper::Helper(SyncClient& c, std::function<void()> work) : m_client(c) {
    try {
        m_thread = std::thread(work);
    } catch (const std::system_error&) {
        work();  // no thread to be had (a resource limit): the same work, here and now
        return;
    }
    m_client.m_helper = this;
}
SyncClient::Helper::~Helper() { join(); }
void SyncClient::Helper::join() {
    if (m_thread.joinable()) m_thread.join();
    m_client.m_helper = nullptr;
}

Result<void> SyncClient::push(SyncReport& r) {
    std::vector<std::int64_t> stored;  // ops the server stored (or dropped ones) whose outbox rows are still there
    auto batch = prepare_push(m_store, m_options.push_batch, {});
    for (;;) {
        if (!batch) return batch.failure();
        r.rejected.insert(r.rejected.end(), batch->dropped.begin(), batch->dropped.end());
        if (batch->seqs.empty()) {
            const auto dropped = batch->done();
            stored.insert(stored.end(), dropped.begin(), dropped.end());
            if (auto a = stored.empty() ? Result<void>{} : m_store.acknowledge(stored); !a || dropped.empty()) return a;
            stored.clear();
            batch = prepare_push(m_store, m_options.push_batch, {});  // what the dropped ops hid
            continue;
        }
        // A full batch suggests that more follow: the previous batch is acknowledged and the next
        // prepared on a helper thread while this one is on the wire. A short one is the last.
        const bool more = batch->seqs.size() >= m_options.push_batch || batch->scopes.size() >= wire::kMaxPushGroups;
        Request req{"POST", "/v1/push", "", {}, std::move(batch->body), std::string(wire::kFramedType), {}};
        Result<void> acked;
        std::optional<Result<PushBatch>> ahead;
        Result<Response> sent = Error::Failed;
        const std::vector<std::int64_t> done = batch->done();
        if (more) {
            Helper helper(*this, [&] {
                if (!stored.empty()) acked = m_store.acknowledge(stored);
                if (acked) ahead = prepare_push(m_store, m_options.push_batch, done);
            });
            sent = exchange(req, true);
        } else {
            if (!stored.empty()) acked = m_store.acknowledge(stored);
            if (acked) sent = exchange(req, true);
        }
        if (!acked) return acked;
        stored.clear();
        if (!sent) return sent.failure();
        auto res = msg::decode<msg::PushAnswer>(sent->body);
        if (!res) return {Error::Protocol, "push answer: " + res.detail()};
        const std::uint64_t accepted = res->accepted, dups = res->duplicates;
        if (accepted + dups != batch->seqs.size()) return {Error::Protocol, "push acknowledged a different number of envelopes"};
        stored = done;  // out of the outbox with the next batch's preparation, or at the end
        if (res->time > 0)  // audit entries carry it
            if (auto n = m_store.note_server_time(res->time); !n) return n;
        r.pushed += accepted;
        r.push_duplicates += dups;
        // Our own envelopes would come back on the next pull, to be decrypted and found to be
        // duplicates. A push's new envelopes get consecutive seqs of their scope in one server
        // transaction (docs/protocol.md), so if the server's last seq of a scope is our cursor plus
        // exactly the number of envelopes this push added to it (`new`), everything up to it is
        // ours: the cursor moves past it (stored locally already) instead of downloading it again.
        m_heads = std::move(res->heads);
        m_head_ops = std::move(res->head_ops);
        for (std::size_t g = 0; g < batch->scopes.size(); ++g) {
                const ScopeId& scope = batch->scopes[g];
                const auto l = res->seqs.find(scope), n = res->fresh.find(scope);
                if (l == res->seqs.end() || n == res->fresh.end()) continue;
                const std::uint64_t head = l->second, added = n->second;
                const std::int64_t cursor = m_store.cursor(scope);
                // All of the group new: its last envelope is the op at `head` (the cursor check).
                const std::optional<OpId> at_head = added == batch->counts[g] ? std::optional<OpId>(batch->last_ops[g]) : std::nullopt;
                if (added > 0 && cursor >= 0 && head <= INT64_MAX && head == std::uint64_t(cursor) + added)
                    if (auto c = m_store.ingest(scope, {}, {}, std::int64_t(head), at_head); !c) return c.failure();
            }
        batch = ahead ? std::move(*ahead) : prepare_push(m_store, m_options.push_batch, stored);
    }
}

namespace {
// One pull page, from either body the server may send (docs/protocol.md): framed when it honours
// our Accept, JSON otherwise (a server from before framing).
struct Page {
    std::map<crypto::Id16, crypto::Bytes> commits;
    std::vector<PulledItem> items;
    std::int64_t next = 0;
    bool more = false;
};

Result<Page> framed_page(const std::string& body) {
    auto f = wire::parse_pull(body);
    if (!f) return {Error::Protocol, "framed pull answer: " + f.detail()};
    Page p;
    if (f->next > std::uint64_t(INT64_MAX)) return {Error::Protocol, "pull answer lacks items or next"};
    p.next = std::int64_t(f->next);
    p.more = f->more;
    for (const auto& [id, c] : f->commits) p.commits.emplace(id, crypto::Bytes(c.begin(), c.end()));
    p.items.reserve(f->items.size());
    for (const auto& it : f->items) {
        if (it.seq > std::uint64_t(INT64_MAX)) return {Error::Protocol, "pull answer has a malformed item"};
        p.items.push_back({std::int64_t(it.seq), crypto::Bytes(it.envelope.begin(), it.envelope.end()), it.commit});
    }
    return p;
}

Result<Page> json_page(const std::string& body) {
    auto j = msg::decode<msg::JsonPull>(body);
    if (!j) return {Error::Protocol, j.detail()};
    if (j->next > std::uint64_t(INT64_MAX)) return {Error::Protocol, "pull answer lacks items or next"};
    Page p;
    p.commits = std::move(j->commits);
    p.items.reserve(j->items.size());
    for (auto& it : j->items) {
        if (it.seq > std::uint64_t(INT64_MAX)) return {Error::Protocol, "pull answer has a malformed item"};
        p.items.push_back({std::int64_t(it.seq), std::move(it.envelope), it.commit});
    }
    p.next = std::int64_t(j->next);
    p.more = j->more;
    return p;
}

// What makes a pull page not whole, or "" (docs/protocol.md, "Pull"): the server numbers a scope's
// envelopes without gaps, so a page after `since` holds since+1, since+2, ... and moves the cursor
// to its last seq (an empty page leaves it). A page that does not hides envelopes or was damaged on
// the way; `whole` is the length of its prefix that is in order.
std::string page_flaw(const Page& p, std::int64_t since, const ScopeId& scope, std::size_t& whole) {
    const std::string name = "the server's page of scope " + crypto::to_hex(scope);
    whole = 0;
    std::int64_t expect = since + 1;
    for (const PulledItem& it : p.items) {
        if (it.server_seq != expect)
            return name + " skips from seq " + std::to_string(expect - 1) + " to " + std::to_string(it.server_seq) +
                   ": envelopes withheld or lost";
        ++whole;
        ++expect;
    }
    if (p.next != expect - 1)
        return name + " ends at seq " + std::to_string(expect - 1) + " but moves the cursor to " + std::to_string(p.next);
    return {};
}

bool is_framed(const std::string& content_type) {
    const std::string_view t = std::string_view(content_type).substr(0, content_type.find(';'));
    return t.size() == wire::kFramedType.size() &&
           std::equal(t.begin(), t.end(), wire::kFramedType.begin(),
                      [](char a, char b) { return std::tolower((unsigned char)a) == b; });
}
}  // namespace

Result<void> SyncClient::pull(SyncReport& r) {
    const DeviceId me = m_store.device().id();
    std::set<ScopeId> scopes;
    for (const auto& m : m_store.directory().memberships(me))
        if (m_store.directory().active_member(m.scope, me) && !m_store.directory().shredded(m.scope))
            scopes.insert(m.scope);  // taken off, rotated past or shredded: nothing to fetch (the server says 403)
    std::optional<std::map<ScopeId, std::uint64_t>> heads;
    heads.swap(m_heads);  // good for this pull only
    std::size_t requeued = 0;
    // The server lost ops of `scope` it had acknowledged (docs/server.md, "Backup and restore"):
    // said in the report, the scope pulled again from the start, this device's ops of it pushed
    // again after the pull. Nothing it lost is skipped silently.
    auto lost = [&](const ScopeId& scope, const std::string& why) -> Result<void> {
        r.server_violations.push_back("the server lost ops of scope " + crypto::to_hex(scope) + " it had acknowledged (" + why +
                                      "; restored from a backup?): pulled again from the start, this device's ops pushed again");
        auto n = m_store.server_lost(scope);
        if (!n) return n.failure();
        requeued += *n;
        return {};
    };
    for (const ScopeId& scope : scopes) {
        if (heads) {
            const auto h = heads->find(scope);
            const std::int64_t cursor = m_store.cursor(scope);
            if (h != heads->end() && cursor >= 0 && h->second < std::uint64_t(cursor)) {
                if (auto x = lost(scope, "its last seq " + std::to_string(h->second) + " is below this device's cursor " +
                                             std::to_string(cursor));
                    !x)
                    return x;
            } else if (h != heads->end() && cursor >= 0 && h->second == std::uint64_t(cursor)) {
                // Nothing new there, unless the op at the head is not the one we pulled there.
                const auto at = m_store.cursor_op(scope);
                const auto head_op = m_head_ops.find(scope);
                if (!at || head_op == m_head_ops.end() || head_op->second == *at) continue;
                if (auto x = lost(scope, "it holds another op at this device's cursor " + std::to_string(cursor)); !x) return x;
            }
        }
        auto page_request = [&](std::int64_t since) {
            std::string query = "scope=" + crypto::to_hex(scope) + "&since=" + std::to_string(since) + "&limit=" +
                                std::to_string(m_options.pull_limit);
            if (since > 0)
                if (auto at = m_store.cursor_op(scope); at && since == m_store.cursor(scope)) query += "&at=" + crypto::to_hex(*at);
            return Request{"GET", "/v1/pull", query, m_token, {}, std::string(wire::kJsonType), std::string(wire::kFramedType)};
        };
        bool restarted = false;
        std::optional<Response> ahead;  // the page after `ahead_since`, fetched while the last one was folded in
        std::int64_t ahead_since = -1;
        int flawed = 0;  // answers for this cursor that were not a whole page
        std::int64_t flawed_since = -1;
        for (;;) {
            const std::int64_t since = m_store.cursor(scope);
            if (since != flawed_since) flawed = 0;
            Result<Response> res = Error::Failed;
            if (ahead && ahead_since == since) {
                res = std::move(*ahead);
            } else {
                Request req = page_request(since);
                res = exchange(req, true);
            }
            ahead.reset();
            if (!res && res.error() == Error::Refused && refusal_code(res.detail()) == "cursor_lost" && !restarted) {
                restarted = true;
                if (auto x = lost(scope, res.detail()); !x) return x;
                continue;  // from the start
            }
            if (!res) return res.failure();
            auto page = is_framed(res->content_type) ? framed_page(res->body) : json_page(res->body);
            // A page that cannot be read, or is not whole, is asked for twice more: a body damaged on
            // the way (a broken proxy, plain HTTP) comes whole the next time. A server that keeps
            // answering so is named; of a page with a gap only what comes before the gap is taken,
            // and the cursor stays there: an envelope is never skipped, the next sync asks again.
            std::size_t whole = 0;
            std::string flaw = !page ? page.detail() : page->next < since ? "the server moved a cursor backwards" : page_flaw(*page, since, scope, whole);
            if (!flaw.empty() && flawed < 2) {
                ++flawed;
                flawed_since = since;
                ++m_retries;
                continue;
            }
            if (!page) return page.failure();
            if (page->next < since) return {Error::Protocol, flaw};
            if (!flaw.empty()) {
                r.server_violations.push_back(flaw + " (asked three times; the cursor stays before the gap)");
                page->items.resize(whole);
                page->next = since + std::int64_t(whole);
                page->more = false;
            }
            // While this page is verified and folded in, the next one is fetched on another
            // thread: one plain request, no retry, no re-authentication. Only a clean 2xx answer
            // for the cursor the fold then ends at is used; anything else is asked for again the
            // usual way (exchange()), so every failure is handled where it always was.
            std::jthread fetch;
            if (page->more && !page->items.empty() && !m_token.empty()) {
                ahead_since = page->next;
                try {
                    fetch = std::jthread([this, &ahead, next = page_request(page->next)] {
                        auto r = m_transport.send(next);
                        if (r && r->status >= 200 && r->status < 300) ahead = std::move(*r);
                    });
                } catch (const std::system_error&) {
                    // no thread to be had: the next page comes the usual way
                }
            }
            auto ing = m_store.ingest(scope, page->commits, page->items, page->next);
            if (fetch.joinable()) fetch.join();
            if (!ing) return ing.failure();
            r.applied += ing->applied;
            r.duplicates += ing->duplicates;
            r.skewed += ing->skewed;
            r.rejected.insert(r.rejected.end(), ing->rejected.begin(), ing->rejected.end());
            if (ing->blocked) {
                r.blocked_scopes.push_back(crypto::to_hex(scope));
                break;
            }
            if (!page->more || page->items.empty()) break;
        }
    }
    // Held envelopes may be copies damaged on the way (plain HTTP, a broken proxy): each is asked
    // for again, at most 64 a sync, and a fresh copy is taken if it verifies (Store::ingest_again).
    // Best effort: what fails here is asked for at the next sync.
    if (auto held = m_store.held(); held && !held->empty()) {
        std::size_t asked = 0;
        for (const HeldEnvelope& h : *held) {
            if (!scopes.count(h.scope) || h.server_seq <= 0) continue;
            if (++asked > 64) break;
            Request req{"GET", "/v1/pull",
                        "scope=" + crypto::to_hex(h.scope) + "&since=" + std::to_string(h.server_seq - 1) + "&limit=1", m_token, {},
                        std::string(wire::kJsonType), std::string(wire::kFramedType)};
            auto res = exchange(req, true);
            if (!res) continue;
            auto page = is_framed(res->content_type) ? framed_page(res->body) : json_page(res->body);
            if (!page) continue;
            std::vector<PulledItem> fresh;
            for (const PulledItem& it : page->items)
                if (it.server_seq == h.server_seq) fresh.push_back(it);
            if (fresh.empty()) continue;
            auto in = m_store.ingest_again(h.scope, page->commits, fresh);
            if (!in) return in.failure();
            r.applied += in->applied;
        }
    }
    // Envelopes held from earlier pulls, tried again (Store invariant 10): a newer build may read
    // them now, or their commit came since.
    auto again = m_store.retry_held();
    if (!again) return again.failure();
    r.applied += again->applied;
    r.held = m_store.status().held;
    if (requeued > 0) return push(r);  // what the server lost, at once
    return {};
}

Result<void> SyncClient::share_scope(const ScopeId& scope, const DeviceId& device, ScopeKind kind,
                                     const std::string& legal_basis) {
    const crypto::DeviceIdentity& me = m_store.device();
    if (m_store.current_epoch(scope) == 0) return {Error::NotFound, "this device holds no key for that scope"};
    SyncReport ignore;
    if (auto x = refresh_directory(ignore); !x) return x;
    // A copy: appending to the directory below replaces the directory object.
    std::optional<DeviceInfo> target;
    if (const DeviceInfo* t = m_store.directory().device(device)) target = *t;
    if (!target) return {Error::NotFound, "no enrolled device " + crypto::to_hex(device)};
    if (target->revoked) return {Error::InvalidArgument, "that device is revoked"};
    if (auto x = register_scopes(ignore); !x) return x;
    const ScopeKind actual = m_store.directory().scope_kind(scope).value_or(kind);
    if (auto ok = roles::may_hold(m_store.directory(), scope, actual, device); !ok.allowed) {
        if (auto a = m_store.audit(AuditAction::Refuse, {crypto::to_hex(scope), crypto::to_hex(device)}, legal_basis,
                                   "share refused: " + ok.reason);
            !a)
            return a;
        return {Error::Denied, "role: " + ok.reason};
    }
    // A case holding disclosed entrusted entries gains a reader only within their legal bases.
    if (actual == ScopeKind::Case)
        if (auto ok = consent::check_new_member(m_store, scope, device, now_ms()); !ok) return ok;
    // Membership at every epoch we hold, so the new member reads the scope's whole history.
    msg::Grants grants;
    for (const auto& [s, epoch] : m_store.scope_keys()) {
        if (s != scope) continue;
        const Directory& dir = m_store.directory();
        const bool as_admin = m_store.admin_identity() && (!dir.is_member(scope, epoch, me.id()) || dir.unassigned(scope, me.id()));
        const crypto::DeviceIdentity& signer = as_admin ? *m_store.admin_identity() : me;
        auto res = append_directory([&, epoch = epoch](const Directory& d) -> std::optional<SignedEntry> {
            // A member already — unless it was taken off: a member entry at the latest epoch adds it back.
            if (d.is_member(scope, epoch, device) && !(epoch == d.latest_epoch(scope) && d.unassigned(scope, device)))
                return std::nullopt;
            return d.make_member(signer, as_admin, scope, epoch, device, kind, now_ms());
        });
        if (!res) return res.failure();
        grants.grants.push_back(KeyGrant::make(signer, as_admin, scope, epoch, *target, *m_store.scope_key(scope, epoch)).to_json());
    }
    auto res = ask<msg::Empty>("POST", "/v1/keys", "", &grants);
    if (!res) return res.failure();
    return m_store.audit(AuditAction::Share, {crypto::to_hex(scope), crypto::to_hex(device)}, legal_basis,
                         "scope kind " + std::string(to_string(kind)));
}

// ------------------------------------------------------------------------------------------------
// Audit scope (docs/audit.md): this device's chain goes to the office through the ordinary,
// verified sync path, readable by this device and the data-protection officers only.

namespace {
constexpr const char* kAuditShareBasis = "Art. 39 Abs. 1 lit. b DSGVO";  // the DPO monitors compliance
}

Result<void> SyncClient::share_audit(SyncReport& r) {
    const crypto::DeviceIdentity& me = m_store.device();
    if (!enrolled()) return {};  // not enrolled yet: the chain stays local until then
    auto scope = m_store.ensure_audit_scope();
    if (!scope) return scope.failure();
    if (!m_store.directory().scope_known(*scope))
        if (auto x = register_scopes(r); !x) return x;
    std::vector<DeviceId> dpos;
    for (const auto& d : m_store.directory().devices())
        if (d.role == "dpo" && !d.revoked && d.id != me.id()) dpos.push_back(d.id);
    for (const DeviceId& dpo : dpos) {
        const Directory& d = m_store.directory();
        const std::string done = "audit_shared:" + crypto::to_hex(dpo);
        if (d.unassigned(*scope, dpo)) continue;  // taken off on purpose: not shared again
        if (m_store.setting(done) && d.is_member(*scope, d.latest_epoch(*scope), dpo)) continue;
        if (auto x = share_scope(*scope, dpo, ScopeKind::Audit, kAuditShareBasis); !x) return x;
        if (auto x = m_store.set_setting(done, "1"); !x) return x;
    }
    return {};
}

Result<void> SyncClient::unassign(const ScopeId& scope, const DeviceId& device) {
    SyncReport ignore;
    if (auto x = refresh_directory(ignore); !x) return x;
    const crypto::DeviceIdentity& me = m_store.device();
    // Only an active member or the admin may take a device off (sync/org/directory.h).
    const bool as_admin = m_store.admin_identity() && !m_store.directory().active_member(scope, me.id());
    const crypto::DeviceIdentity& signer = as_admin ? *m_store.admin_identity() : me;
    RemovalSeq seq;  // its ops up to here still count, none after (Directory::refuse_op)
    if (!m_store.directory().unassigned(scope, device)) {
        auto s = removal_seq(device);
        if (!s) return s.failure();
        seq = std::move(*s);
    }
    auto res = append_directory([&](const Directory& d) -> std::optional<SignedEntry> {
        if (d.unassigned(scope, device)) return std::nullopt;
        return d.make_unassign(signer, as_admin, scope, device, now_ms(), seq.last_seq);
    });
    if (!res) return res.failure();
    if (auto x = rotate(ignore); !x) return x;  // re-key at once if we are a member
    return m_store.audit(AuditAction::Unassign, {crypto::to_hex(scope), crypto::to_hex(device)}, {},
                         *res ? seq.describe() : std::string());
}

Result<void> SyncClient::purge(SyncReport& r) {
    // The tablet is a cache: a scope this device was taken off leaves it once nothing of ours in
    // it waits to be pushed (push ran just before; a failed push keeps the scope).
    const DeviceId me = m_store.device().id();
    std::set<ScopeId> held;
    for (const auto& [scope, epoch] : m_store.scope_keys()) held.insert(scope);
    for (const ScopeId& scope : held) {
        // Taken off, or no longer allowed by the role policy (a helper whose provider's assignment
        // to the case ended, sync/client/roles.h): either way the case leaves this tablet.
        if (!m_store.directory().unassigned(scope, me) && !roles::forbidden_member(m_store.directory(), scope, me)) continue;
        auto p = purge_durably(m_store, scope, false);  // resumable if the process is killed (retention.h)
        if (!p && p.error() == Error::Busy && !m_store.directory().active_member(scope, me)) {
            // The server takes nothing more from this device in that scope (docs/protocol.md,
            // "Ops"): what it wrote there and had not pushed can reach nobody. It goes with the scope.
            r.rejected.push_back({0, {}, {}, "changes in scope " + crypto::to_hex(scope) +
                                                 " not pushed: this device was taken off it before they reached the server"});
            p = purge_durably(m_store, scope, true);
        }
        if (!p) {
            if (p.error() == Error::Busy) continue;  // unsynced changes: next time
            return p.failure();
        }
        ++r.scopes_purged;
    }
    return {};
}

Result<void> SyncClient::rotate(SyncReport& r) {
    const crypto::DeviceIdentity& me = m_store.device();
    if (!enrolled()) return {};
    std::map<ScopeId, std::uint32_t> held;  // the newest epoch we hold per scope
    for (const auto& [scope, epoch] : m_store.scope_keys()) held[scope] = std::max(held[scope], epoch);
    for (const auto& [scope, mine] : held) {
        const Directory& d = m_store.directory();
        if (!d.scope_known(scope) || d.unassigned(scope, me.id()) || d.shredded(scope)) continue;
        const std::uint32_t latest = d.latest_epoch(scope);
        if (mine < latest) continue;  // someone rotated already: its key reaches us as a grant
        std::uint32_t epoch = latest;
        const auto kind = d.scope_kind(scope).value_or(ScopeKind::Case);
        const std::vector<DeviceId> members = d.members(scope, latest);
        // Revoked, unassigned, or a reader the role policy forbids (sync/client/roles.h): rotated past.
        const bool has_revoked = std::any_of(members.begin(), members.end(), [&, &scope = scope](const DeviceId& m) {
            return d.excluded(scope, m) || roles::forbidden_member(d, scope, m);
        });
        if (mine == latest + 1 || has_revoked) {
            // Open the next epoch: keep the key first (a crash after the claim must not lose it),
            // then claim the epoch in the directory; if another device claimed it first, drop ours.
            epoch = latest + 1;
            if (mine < epoch)
                if (auto k = m_store.add_scope_key(scope, epoch, crypto::SymmetricKey::generate()); !k) return k;
            auto claimed = append_directory([&, &scope = scope](const Directory& dd) -> std::optional<SignedEntry> {
                if (dd.latest_epoch(scope) >= epoch) return std::nullopt;
                return dd.make_member(me, false, scope, epoch, me.id(), kind, now_ms());
            });
            if (!claimed) return claimed.failure();
            if (!m_store.directory().is_member(scope, epoch, me.id())) {
                if (auto x = m_store.remove_scope_key(scope, epoch); !x) return x;
                continue;
            }
            if (*claimed) ++r.epochs_opened;
        }
        if (epoch < 2 || !m_store.directory().is_member(scope, epoch, me.id())) continue;
        // Complete a rotation (ours, or one another device began): every unrevoked member of the
        // epoch before becomes a member of this one and gets its key. Until the server took the
        // grants (a sealed mark per scope and epoch), they are sent again at every sync, also to
        // members whose entry an earlier, interrupted sync appended (docs/protocol.md, "Keys").
        const std::string sent_mark = "grants_sent:" + crypto::to_hex(scope) + ":" + std::to_string(epoch);
        const bool sent = m_store.setting(sent_mark).has_value();
        msg::Grants grants;
        for (const DeviceId& m : m_store.directory().members(scope, epoch - 1)) {
            std::optional<DeviceInfo> info;  // a copy: appending replaces the directory object
            if (const DeviceInfo* i = m_store.directory().device(m)) info = *i;
            if (!info || m_store.directory().excluded(scope, m) || roles::forbidden_member(m_store.directory(), scope, m) ||
                m == me.id())
                continue;
            auto added = append_directory([&, &scope = scope](const Directory& dd) -> std::optional<SignedEntry> {
                if (dd.is_member(scope, epoch, m)) return std::nullopt;
                return dd.make_member(me, false, scope, epoch, m, kind, now_ms());
            });
            if (!added) return added.failure();
            if (!*added && sent) continue;  // re-keyed, and the grants reached the server
            if (!m_store.directory().is_member(scope, epoch, m)) continue;
            grants.grants.push_back(KeyGrant::make(me, false, scope, epoch, *info, *m_store.scope_key(scope, epoch)).to_json());
            if (*added) ++r.members_rekeyed;
        }
        if (!grants.grants.empty())
            if (auto res = ask<msg::Empty>("POST", "/v1/keys", "", &grants); !res) return res.failure();
        if (!sent)
            if (auto x = m_store.set_setting(sent_mark, "1", false); !x) return x;
    }
    return {};
}

}  // namespace quartier::sync
