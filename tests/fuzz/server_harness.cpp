#include "server_harness.h"

#include "fixture.h"

#include "sync/org/escrow.h"
#include "sync/org/grant.h"
#include "sync/client/retention.h"
#include "sync/server/sqlite_storage.h"
#include "sync/protocol/wire.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <unistd.h>

namespace quartier::fuzz {

namespace fs = std::filesystem;
using nlohmann::json;
namespace wire = quartier::sync::wire;

namespace {
void must(bool ok, const std::string& what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz server harness: %s\n", what.c_str());
        std::abort();
    }
}

std::array<std::uint8_t, 16> secret_of(std::uint8_t tag) {
    const auto i = id(tag);
    std::array<std::uint8_t, 16> s{};
    std::copy(i.begin(), i.end(), s.begin());
    return s;
}

// The storage the server sees: SQLite, with a note of every mutating call that succeeded.
// Statistics (record_sync) do not count: no answer depends on them.
template <class T>
using Result = sync::Result<T>;

class WatchedStorage final : public srv::ServerStorage {
public:
    explicit WatchedStorage(std::unique_ptr<srv::SqliteStorage> s) : m_s(std::move(s)) {}
    bool dirty = false;            // a mutating call succeeded
    bool directory_dirty = false;  // ... and it was a directory write: the Server's copy moved too
    // Closes the database (the Server keeps its reference to this object) and opens `next`.
    void close_database() { m_s.reset(); }
    void replace_database(std::unique_ptr<srv::SqliteStorage> next) { m_s = std::move(next); }

    Result<void> initialise(const srv::Id16& id, const srv::Hash32& h) override { return note(m_s->initialise(id, h)); }
    Result<srv::ServerMeta> meta() override { return m_s->meta(); }
    Result<std::vector<std::string>> directory() override { return m_s->directory(); }
    Result<void> found_org(const srv::Id16& org, const std::vector<std::string>& e) override { return note_dir(m_s->found_org(org, e)); }
    Result<void> append_directory(std::uint64_t seq, const std::string& e) override { return note_dir(m_s->append_directory(seq, e)); }
    Result<void> put_offer(const srv::Offer& o) override { return note(m_s->put_offer(o)); }
    Result<std::optional<srv::Offer>> offer(const srv::Hash32& h) override { return m_s->offer(h); }
    Result<void> add_request(const srv::EnrolRequest& r) override { return note(m_s->add_request(r)); }
    Result<std::optional<srv::EnrolRequest>> request_for(const srv::Hash32& o) override { return m_s->request_for(o); }
    Result<std::vector<srv::EnrolRequest>> requests() override { return m_s->requests(); }
    Result<void> put_grants(const std::vector<srv::StoredGrant>& g) override { return note(m_s->put_grants(g)); }
    Result<std::vector<srv::StoredGrant>> grants_for(const srv::DeviceId& d) override { return m_s->grants_for(d); }
    Result<std::vector<srv::StoredGrant>> all_grants() override { return m_s->all_grants(); }
    Result<srv::PushOutcome> push(const std::vector<srv::PushGroup>& groups) override {
        auto r = m_s->push(groups);
        if (r && r->accepted > 0) dirty = true;
        return r;
    }
    Result<srv::PullPage> pull(const srv::ScopeId& s, std::uint64_t since, std::size_t limit, std::size_t max_bytes) override {
        return m_s->pull(s, since, limit, max_bytes);
    }
    Result<std::uint64_t> envelope_count() override { return m_s->envelope_count(); }
    Result<std::optional<srv::Id16>> op_at(const srv::ScopeId& s, std::uint64_t seq) override { return m_s->op_at(s, seq); }
    Result<std::map<srv::ScopeId, std::uint64_t>> last_seqs(const std::vector<srv::ScopeId>& s) override { return m_s->last_seqs(s); }
    Result<std::uint64_t> last_device_seq(const srv::DeviceId& d) override { return m_s->last_device_seq(d); }
    Result<std::vector<srv::AuthorOp>> author_ops(const srv::DeviceId& a, std::uint64_t lo, std::uint64_t hi, std::uint64_t after) override {
        return m_s->author_ops(a, lo, hi, after);
    }
    Result<void> put_escrow_wraps(const std::vector<srv::StoredEscrowWrap>& w) override { return note(m_s->put_escrow_wraps(w)); }
    Result<std::vector<srv::StoredEscrowWrap>> escrow_wraps(const srv::ScopeId& s) override { return m_s->escrow_wraps(s); }
    Result<void> shred_scope(std::uint64_t seq, const std::string& e, const srv::ScopeId& s) override {
        return note_dir(m_s->shred_scope(seq, e, s));
    }
    Result<srv::ScopeHoldings> holdings(const srv::ScopeId& s) override { return m_s->holdings(s); }
    Result<void> put_confirmation(const srv::StoredConfirmation& c) override { return note(m_s->put_confirmation(c)); }
    Result<std::vector<srv::StoredConfirmation>> confirmations() override { return m_s->confirmations(); }
    Result<void> record_sync(const srv::DeviceId& d, std::uint64_t t, std::uint64_t in, std::uint64_t out, std::uint64_t pushed) override {
        return m_s->record_sync(d, t, in, out, pushed);
    }
    Result<std::vector<srv::DeviceStats>> device_stats() override { return m_s->device_stats(); }

private:
    Result<void> note(Result<void> r) {
        if (r) dirty = true;
        return r;
    }
    Result<void> note_dir(Result<void> r) {
        if (r) dirty = directory_dirty = true;
        return r;
    }
    std::unique_ptr<srv::SqliteStorage> m_s;
};

// The codes of docs/protocol.md's table (and its retention section) with the statuses they take.
const std::map<std::string, std::set<int>>& protocol_codes() {
    static const std::map<std::string, std::set<int>> c = {
        {"bad_request", {400}},  {"too_large", {413}},      {"unauthenticated", {401}}, {"forbidden", {403}},
        {"not_found", {404}},    {"conflict", {409}},       {"rate_limited", {429}},    {"clock_skew", {400}},
        {"bad_signature", {400, 401}}, {"not_member", {403}}, {"revoked", {403}},       {"shredded", {410}},
        {"no_escrow", {409}},    {"not_escrowed", {403}},   {"backdated", {400}},       {"equivocation", {409}},
        {"cursor_lost", {409}},  {"storage_full", {507}},
    };
    return c;
}

// Where the working databases live: /dev/shm when there is one (no disk syncs), else the temp dir.
// Directories of processes that died without cleaning up (a crash) are removed first.
fs::path make_work_dir() {
    fs::path base = fs::exists("/dev/shm") && access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(base, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("quartier-fuzz-", 0) != 0) continue;
        const long pid = std::strtol(name.c_str() + 14, nullptr, 10);
        if (pid > 0 && kill(pid_t(pid), 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
    }
    fs::path dir = base / ("quartier-fuzz-" + std::to_string(getpid()));
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    return dir;
}

fs::path& work_root() {
    static fs::path* p = [] {
        auto* d = new fs::path(make_work_dir());
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(work_root(), ec);
        });
        return d;
    }();
    return *p;
}

std::string bearer(const std::string& token) { return "Bearer " + token; }
}  // namespace

const crypto::DeviceIdentity* identity_of(Caller c) {
    switch (c) {
    case Caller::Alice: return &org().alice;
    case Caller::Bob: return &org().bob;
    case Caller::Admin: return &org().admin;
    case Caller::Dpo: return &org().dpo;
    case Caller::Nobody: return nullptr;
    }
    return nullptr;
}

crypto::Id16 server_id() { return id(50); }
std::array<std::uint8_t, 16> open_offer_secret() { return secret_of(51); }
std::array<std::uint8_t, 16> used_offer_secret() { return secret_of(52); }
const crypto::DeviceIdentity& newcomer() {
    static const auto* d = new crypto::DeviceIdentity(identity(9));
    return *d;
}

std::string found_body() {
    json entries = json::array();
    for (const auto& e : org().dir.entries()) entries.push_back(json::parse(e.to_json()));
    return json{{"bootstrap", kBootstrap}, {"entries", entries}}.dump();
}

std::string push_json(const crypto::DeviceIdentity& author, const std::vector<crypto::Bytes>& envelopes) {
    std::vector<crypto::Hash32> hashes;
    json list = json::array();
    for (const auto& e : envelopes) {
        auto v = crypto::parse_envelope(e);
        must(v.ok(), "push_json: an envelope does not parse");
        hashes.push_back(v->hash());
        list.push_back(wire::b64(e));
    }
    return json{{"commit", wire::b64(crypto::make_commit(author, hashes).serialize())}, {"envelopes", list}}.dump();
}

std::string push_framed(const std::vector<std::pair<const crypto::DeviceIdentity*, std::vector<crypto::Bytes>>>& groups) {
    std::vector<crypto::Bytes> commits;
    commits.reserve(groups.size());
    std::vector<wire::FramedGroup> framed;
    for (const auto& [author, envs] : groups) {
        std::vector<crypto::Hash32> hashes;
        for (const auto& e : envs) {
            auto v = crypto::parse_envelope(e);
            must(v.ok(), "push_framed: an envelope does not parse");
            hashes.push_back(v->hash());
        }
        commits.push_back(crypto::make_commit(*author, hashes).serialize());
        wire::FramedGroup g{commits.back(), {}};
        for (const auto& e : envs) g.envelopes.push_back(e);
        framed.push_back(std::move(g));
    }
    return wire::frame_push(framed);
}

std::vector<FixtureRequest> setup_requests() {
    const Org& o = org();
    std::vector<crypto::Bytes> in_commit, alice_signed, bob_signed;
    for (const auto& e : sample_envelopes()) {
        auto v = crypto::parse_envelope(e.bytes);
        must(v.ok(), "sample envelope does not parse");
        if (v->header.author == o.bob.id()) bob_signed.push_back(e.bytes);
        else if (e.in_commit) in_commit.push_back(e.bytes);
        else alice_signed.push_back(e.bytes);
    }
    const auto info = [&](const crypto::DeviceIdentity& d) { return *o.dir.device(d.id()); };
    const auto grant = [](const sync::KeyGrant& g) { return json::parse(g.to_json()); };
    const auto wrap = [](const sync::EscrowWrap& w) { return json::parse(w.to_json()); };
    const auto offer = [](const std::array<std::uint8_t, 16>& s, const char* name) {
        return json{{"offer", crypto::to_hex(crypto::hash(s))}, {"name", name}, {"expires_in", 30 * 86400}}.dump();
    };
    const auto used = used_offer_secret();
    const auto confirmation = sync::ShredConfirmation::make(o.alice, o.org, o.old_scope, o.shred_seq, {1}, 3, true, kTime);

    std::vector<FixtureRequest> r;
    r.push_back({Caller::Alice, "POST", "/v1/push", push_json(o.alice, in_commit)});
    r.push_back({Caller::Alice, "POST", "/v1/push", push_framed({{&o.alice, alice_signed}}), true});
    r.push_back({Caller::Bob, "POST", "/v1/push", push_framed({{&o.bob, bob_signed}}), true});
    r.push_back({Caller::Alice, "POST", "/v1/keys",
                 json{{"grants", {grant(sync::KeyGrant::make(o.alice, false, o.case_scope, 2, info(o.bob), o.case_e2)),
                                  grant(sync::KeyGrant::make(o.alice, false, o.case_scope, 1, info(o.bob), o.case_e1))}}}.dump()});
    r.push_back({Caller::Admin, "POST", "/v1/keys",
                 json{{"grants", {grant(sync::KeyGrant::make(o.org_admin, true, o.team_scope, 1, info(o.alice), o.team_e1))}}}.dump()});
    r.push_back({Caller::Alice, "POST", "/v1/escrow",
                 json{{"wraps", {wrap(sync::EscrowWrap::make(o.alice, o.case_scope, 2, o.escrow.pk, o.case_e2)),
                                 wrap(sync::EscrowWrap::make(o.alice, o.team_scope, 1, o.escrow.pk, o.team_e1))}}}.dump()});
    r.push_back({Caller::Admin, "POST", "/v1/enrol/offer", offer(used, "Tablet Neu")});
    r.push_back({Caller::Admin, "POST", "/v1/enrol/offer", offer(open_offer_secret(), "Tablet Zwei")});
    r.push_back({Caller::Nobody, "POST", "/v1/enrol/request",
                 json{{"secret", wire::b64(used)}, {"sign_pk", wire::b64(newcomer().sign_public())},
                      {"box_pk", wire::b64(newcomer().box_public())}, {"name", "Tablet Neu"}}.dump()});
    r.push_back({Caller::Alice, "POST", "/v1/shred/confirm", json{{"confirmation", json::parse(confirmation.to_json())}}.dump()});
    return r;
}

// ------------------------------------------------------------------------------------------------

struct ServerHarness::Impl {
    State state;
    fs::path pristine, work;
    std::unique_ptr<WatchedStorage> storage;
    std::unique_ptr<srv::Server> server;
    std::uint64_t now = kTime + 1000;
    std::map<Caller, std::string> tokens;
    enum class Reset { None, Storage, All } reset_due = Reset::None;

    static srv::Limits limits() {
        srv::Limits l;
        l.rate_per_second = 1e12;
        l.rate_burst = 1e12;
        l.challenge_ttl_ms = 2;  // the clock moves 1 ms per input: a challenge serves the next request only
        l.token_ttl_ms = ServerHarness::token_ttl_ms;
        return l;
    }

    void open(const fs::path& file, bool create) {
        auto s = srv::SqliteStorage::open(file, create);
        must(s.ok(), "cannot open the server database " + file.string());
        storage = std::make_unique<WatchedStorage>(std::move(*s));
        auto v = srv::Server::open(*storage, [this] { return now; }, limits());
        must(v.ok(), "cannot open the server: " + (v.ok() ? std::string() : v.detail()));
        server = std::move(*v);
        tokens.clear();
    }
    void close() {
        server.reset();
        storage.reset();
    }
    static void copy_db(const fs::path& from, const fs::path& to) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::error_code ec;
            fs::remove(to.string() + suffix, ec);
        }
        for (const char* suffix : {"", "-wal"})
            if (fs::exists(from.string() + suffix))
                fs::copy_file(from.string() + suffix, to.string() + suffix, fs::copy_options::overwrite_existing);
    }
    // Everything anew: the database and the Server over it (its directory, tokens, challenges).
    void reset() {
        close();
        copy_db(pristine, work);
        open(work, false);
        reset_due = Reset::None;
    }
    // The database only, under the same Server: what a write outside the directory changed.
    void reset_storage() {
        storage->close_database();
        copy_db(pristine, work);
        auto s = srv::SqliteStorage::open(work, false);
        must(s.ok(), "cannot reopen the server database");
        storage->replace_database(std::move(*s));
        reset_due = Reset::None;
    }
    void reset_if_due() {
        if (reset_due == Reset::All) reset();
        else if (reset_due == Reset::Storage) reset_storage();
    }

    srv::Response raw(srv::Request r) { return server->handle(r); }

    std::string token(Caller c) {
        auto it = tokens.find(c);
        if (it != tokens.end()) return it->second;
        const crypto::DeviceIdentity* d = identity_of(c);
        srv::Request q{"POST", "/v1/auth/challenge", {}, {}, json{{"device", crypto::to_hex(d->id())}}.dump(), ""};
        auto ch = raw(q);
        must(ch.status == 200, "challenge refused: " + ch.body);
        const std::string b64 = json::parse(ch.body)["challenge"].get<std::string>();
        const auto bytes = wire::unb64(b64);
        const auto sig = d->sign(srv::auth_message(server_id(), *bytes));
        srv::Request t{"POST", "/v1/auth/token", {}, {},
                       json{{"device", crypto::to_hex(d->id())}, {"challenge", b64}, {"signature", wire::b64(sig)}}.dump(), ""};
        auto tok = raw(t);
        must(tok.status == 200, "token refused: " + tok.body);
        return tokens[c] = json::parse(tok.body)["token"].get<std::string>();
    }

    explicit Impl(State s) : state(s) {
        const std::string name = s == State::Founded ? "founded" : "unfounded";
        pristine = work_root() / (name + ".db");
        work = work_root() / (name + "-work.db");
        {
            auto fresh = srv::SqliteStorage::open(pristine, true);
            must(fresh.ok() && (*fresh)->initialise(server_id(), crypto::hash(fuzz::bytes_of(kBootstrap))).ok(),
                 "cannot make the server database " + pristine.string());
        }
        open(pristine, false);
        if (s == State::Founded) {
            auto f = raw({"POST", "/v1/org", {}, {}, found_body(), ""});
            must(f.status == 200, "founding refused: " + f.body);
            for (const auto& q : setup_requests()) {
                srv::Request r{q.method, q.path, {}, {}, q.body, ""};
                if (q.caller != Caller::Nobody) r.headers["Authorization"] = bearer(token(q.caller));
                if (q.framed) r.headers["Content-Type"] = std::string(wire::kFramedType);
                auto a = raw(r);
                must(a.status == 200, "fixture request " + q.path + " refused: " + a.body);
            }
        }
        close();
        reset();
    }

    void verify(const srv::Request& r, const srv::Response& a, bool wrote) {
        check(a.status != 500, "the handler failed (500): an exception escaped or storage failed");
        if (a.content_type == wire::kFramedType) {
            check(a.status == 200 && r.path == "/v1/pull", "only a pull answers framed");
            check(wire::parse_pull(a.body).ok(), "a framed pull page parses with the client's parser");
        } else {
            const json j = json::parse(a.body, nullptr, false);
            check(!j.is_discarded() && j.is_object(), "every answer is a JSON object");
            if (a.status != 200) {
                const auto e = j.find("error");
                check(e != j.end() && e->is_object() && e->contains("code") && (*e)["code"].is_string() &&
                          e->contains("message") && (*e)["message"].is_string(),
                      "an error is {\"error\": {\"code\", \"message\"}}");
                const auto c = protocol_codes().find((*e)["code"].get<std::string>());
                check(c != protocol_codes().end(), "an error code is one docs/protocol.md lists");
                check(c->second.count(a.status) == 1, "an error code comes with its status");
            }
        }
        check(!(wrote && a.status != 200), "a refused request changed nothing");
    }
};

std::uint64_t ServerHarness::token_ttl_ms = 1ull << 50;

ServerHarness& ServerHarness::get(State s) {
    static ServerHarness* h[2] = {nullptr, nullptr};
    auto& slot = h[s == State::Founded ? 1 : 0];
    if (!slot) slot = new ServerHarness(s);
    return *slot;
}

ServerHarness::ServerHarness(State s) : m(new Impl(s)) {}

const crypto::Id16& ServerHarness::id() const { return m->server->server_id(); }

srv::Response ServerHarness::call(srv::Request r, Caller who) {
    m->reset_if_due();
    ++m->now;
    if (who != Caller::Nobody && m->state == State::Founded) r.headers["Authorization"] = bearer(m->token(who));
    m->storage->dirty = m->storage->directory_dirty = false;
    srv::Response a = m->raw(r);
    // QUARTIER_FUZZ_VERBOSE=1: every answer on stderr, to see which path a seed reaches.
    static const bool verbose = std::getenv("QUARTIER_FUZZ_VERBOSE") != nullptr;
    if (verbose) std::fprintf(stderr, "%s %s -> %d %.200s\n", r.method.c_str(), r.path.c_str(), a.status, a.body.c_str());
    m->verify(r, a, m->storage->dirty);
    if (m->storage->directory_dirty) m->reset_due = Impl::Reset::All;
    else if (m->storage->dirty) m->reset_due = Impl::Reset::Storage;
    return a;
}

std::string ServerHarness::fresh_challenge_b64() {
    m->reset_if_due();
    auto ch = m->raw({"POST", "/v1/auth/challenge", {}, {}, json{{"device", crypto::to_hex(org().alice.id())}}.dump(), ""});
    must(ch.status == 200, "challenge refused: " + ch.body);
    return json::parse(ch.body)["challenge"].get<std::string>();
}

}  // namespace quartier::fuzz
