// The sync client: brings a store and a server to the same state (docs/architecture.md §2 step 3–4,
// docs/protocol.md). No Qt; the app runs it on a worker thread, quartier-cli in the foreground.
//
// One sync() is these steps, each resumable on its own:
//   1. directory  fetch entries after our copy's head, verify, persist
//   1b. policy    audit the verified directory against the role policy (sync/client/roles.h): members it
//                 forbids are reported and recorded once (rotate() moves past them)
//   2. scopes     register every scope we hold but the directory does not list (founding entry)
//   2b. audit     once enrolled: this device's audit scope exists (made on the first sync, every
//                 entry so far published into it), is registered, and every unrevoked `dpo`
//                 device is a member with the keys (docs/audit.md); resumable
//   3. keys       fetch our key grants, verify against the directory, keep the new keys
//   3b. rotate    for every scope we hold whose latest epoch has a revoked member: open the next
//                 epoch with a fresh key (claimed in the directory first; a lost race discards
//                 it), add the remaining members at it and grant them the key; resumable
//   4. push       outbox in batches: one transport commit signed per batch; acknowledged ops
//                 leave the outbox only after the server's 200. Our ops in a scope we were
//                 taken off, after the removal's last_seq, count nowhere (Directory::refuse_op):
//                 they leave the outbox unsent, reported in SyncReport::rejected. While a full batch is on the
//                 wire, a helper thread acknowledges the previous one and prepares the next; the
//                 calling thread makes no store call until it has joined it (a revocation's wipe
//                 joins it first), so the store is used by one thread at a time
//   5. pull       per scope we are a member of: envelopes after the cursor, verified and folded,
//                 cursor moved in the same transaction; a scope whose server head (from this
//                 sync's push answer) is our cursor already is skipped; shredded scopes are not
//                 pulled. While a page is folded in, the next is fetched on another thread (a
//                 single plain request, which touches no store); it is used only if it answered
//                 2xx for the cursor the fold ended at, else it is asked for again as usual
//   1c. shred     every scope the directory orders crypto-shredded: keys and data leave the
//                 device (pending ops of it too), a signed confirmation goes to the server
//                 (docs/retention.md); resumable
//   3c. escrow    every scope key we hold has an escrow wrap on the server; a missing one is
//                 uploaded, and one the server had and lost is reported (docs/retention.md)
//   6. purge      every scope the directory took this device off (unassigned), or that the role
//                 policy no longer lets it hold (sync/client/roles.h): once none of our ops in it waits
//                 in the outbox, its keys, ops and snapshots leave the device. Runs before the
//                 push too: where this device is no active member any more, the server refuses
//                 its ops (docs/protocol.md, "Ops"), so those still waiting are discarded with the
//                 scope and reported in SyncReport::rejected
//   after the last step, the completed sync is recorded in the audit log; its op waits in the
//   outbox and goes with the next sync's push, in the same request as that sync's data
//   (docs/audit.md); then `last_sync` is noted (the offline lease, docs/retention.md)
//   7. cache      after the sync is recorded as successful: a case scope whose case record this
//                 device saw open and now sees closed or transferred leaves the device (it
//                 unassigns itself, then purges), once every key epoch of it is escrowed
// A push request carries up to wire::kMaxPushGroups scopes' ops, each scope's under a transport
// commit of its own, framed (docs/protocol.md); pulls ask for framed pages and read JSON ones too.
// The server answers 410 (shredded) to a push or pull of a crypto-shredded scope, framed or JSON.
// Invariants: nothing is removed from the outbox before the server stored it (or the directory
// refuses it for a removal of this device, step 4); a cursor never moves past an op that was not
// stored or explicitly rejected; every request may be repeated.
// Failures: network errors, 5xx and 429 are retried with exponential backoff and jitter; a 401
// re-authenticates once; any other 4xx stops the sync with Error::Refused (detail: the code).
// A 403 `revoked` that carries an admin-signed revocation of this device with a wipe order
// (verified against the pinned admin key) wipes the store: Error::Revoked, "store wiped".
// A store that is Failed (an earlier write found no room, Store::failure()) is not synced: sync()
// returns Error::Failed before any request. A write that fails during a sync (Error::Full while a
// pulled page is stored) stops it with that error; the page's transaction rolled back, the cursor
// stayed, so the next sync after Store::recover() fetches the page again.
// Cancellation: SyncOptions::cancel, set by another thread, stops the client before its next
// request (and cuts a backoff wait short) with Error::Cancelled. A request already on the wire
// finishes and its answer is handled, so every step stays at one of its resumable points.
#pragma once

#include "sync/protocol/messages.h"
#include "sync/client/retention.h"
#include "sync/store/store.h"
#include "sync/protocol/transport.h"

#include <atomic>
#include <functional>
#include <random>
#include <thread>

namespace quartier::sync {

struct SyncOptions {
    std::size_t push_batch = 1000;
    std::size_t pull_limit = 1000;
    int max_attempts = 5;
    std::chrono::milliseconds backoff_base{200};
    std::chrono::milliseconds backoff_max{10'000};
    // Injected for tests: how to wait between retries, and the jitter source.
    std::function<void(std::chrono::milliseconds)> sleep;
    std::uint32_t seed = std::random_device{}();
    // Optional stop flag, owned by the caller and outliving the client; checked before every
    // request. The default sleep also returns early once it is set.
    const std::atomic<bool>* cancel = nullptr;
    // Which record marks a case scope closed (the cache purge, docs/retention.md).
    RetentionPolicy retention;
};

struct SyncReport {
    std::size_t directory_entries = 0;
    std::size_t scopes_registered = 0;
    std::size_t keys_added = 0;
    std::size_t pushed = 0;
    std::size_t push_duplicates = 0;
    std::size_t applied = 0;
    std::size_t duplicates = 0;
    std::size_t skewed = 0;
    std::size_t retries = 0;
    std::size_t epochs_opened = 0;    // rotations this device performed
    std::size_t members_rekeyed = 0;  // members added to a new epoch and granted its key
    std::size_t scopes_purged = 0;    // scopes this device was taken off, removed from it
    std::size_t scopes_shredded = 0;  // crypto-shredded scopes removed from this device and confirmed
    std::size_t cases_closed = 0;     // closed or transferred case scopes that left this device (cache purge)
    std::size_t escrow_uploaded = 0;  // escrow wraps this device uploaded
    // What the server should have and had not, or should not have and had: a dropped escrow wrap,
    // envelopes or key grants of a crypto-shredded scope (docs/retention.md).
    std::vector<std::string> server_violations;
    std::vector<Problem> rejected;  // pulled envelopes that failed verification: held for a retry
    std::size_t held = 0;           // envelopes held after this sync's retry (Store invariant 10)
    std::vector<std::string> blocked_scopes;  // hex ids of scopes that wait for a key or membership
    // Members the role policy forbids (sync/client/roles.h), as the verified directory shows them now;
    // each is recorded once in the audit log and rotated past by the scope's members.
    std::vector<std::string> policy_violations;
};

class SyncClient {
public:
    SyncClient(Store& store, Transport& transport, SyncOptions options = {});
    ~SyncClient();

    Result<SyncReport> sync();

    Result<void> refresh_directory(SyncReport& r);
    // The role-policy audit of the verified directory (step 1b).
    Result<void> audit_policy(SyncReport& r);
    Result<void> register_scopes(SyncReport& r);
    Result<void> share_audit(SyncReport& r);
    Result<void> fetch_keys(SyncReport& r);
    Result<void> rotate(SyncReport& r);
    Result<void> purge(SyncReport& r);
    // Defined in retention.cpp and escrow.cpp (docs/retention.md).
    Result<void> shred(SyncReport& r);
    Result<void> escrow(SyncReport& r);
    Result<void> cache_purge(SyncReport& r);

    // Takes a device off a scope (case closed for it, transferred, unassigned): an `unassign`
    // entry with its `last_seq` (removal_seq()), then a rotation if this device is a member; the
    // device purges the scope at its next sync.
    Result<void> unassign(const ScopeId& scope, const DeviceId& device);
    Result<void> push(SyncReport& r);
    Result<void> pull(SyncReport& r);

    // Shares a scope with another enrolled device: a member entry, then grants of every epoch's
    // key we hold, so the new member reads the scope's whole history. Recorded in the audit log
    // with `legal_basis` (consent on file, a §65 SGB VIII exception, …; may be empty).
    // Error::Denied ("role: ...") if the role policy forbids the device that kind of scope — a
    // personal scope is never shared; entrusted entries leave it only through sync/client/consent.h.
    Result<void> share_scope(const ScopeId& scope, const DeviceId& device, ScopeKind kind,
                             const std::string& legal_basis = {});
    // Appends an entry built against the current head, refetching and rebuilding on a 409.
    // `make` returns nullopt when, against the current head, nothing needs appending any more
    // (another device did it): then the result is false.
    Result<bool> append_directory(const std::function<std::optional<SignedEntry>(const Directory&)>& make);

    // The `last_seq` of an entry that takes `device` off a scope or revokes it (docs/protocol.md,
    // "Removals: last_seq"): the highest device sequence number of its ops that still count. The
    // server's figure (GET /v1/devices/seq), raised to the highest this store holds of that device
    // if the server says less (`note` then says so, for the audit entry; for this device itself
    // its own ops decide, some not pushed yet); nullopt if the server does not know the endpoint
    // (404: a server from before it), and the entry goes without (its time bounds the ops then).
    struct RemovalSeq {
        std::optional<std::uint64_t> last_seq;
        std::string note;
        std::string describe() const;  // for the audit entry
    };
    Result<RemovalSeq> removal_seq(const DeviceId& device);

    // One request of the protocol (sync/protocol/messages.h) with retries and authentication: `body` (if
    // any) sent as JSON, the 2xx answer decoded as `Answer`; an answer of another shape is
    // Error::Protocol with what was expected.
    template <class Answer, class Body = msg::Empty>
    Result<Answer> ask(const std::string& method, const std::string& path, const std::string& query = {},
                       const Body* body = nullptr, bool authenticated = true) {
        const msg::Json j = body ? body->to_json() : msg::Json();
        auto res = call(method, path, query, body ? &j : nullptr, authenticated);
        if (!res) return res.failure();
        auto answer = Answer::from_json(*res);
        if (!answer) return {Error::Protocol, answer.detail()};
        return std::move(*answer);
    }
    // The same with any JSON body (tests use it to send what the stock client never would); the
    // parsed body of a 2xx answer.
    Result<nlohmann::json> call(const std::string& method, const std::string& path, const std::string& query,
                                const nlohmann::json* body, bool authenticated = true);
    std::size_t retries() const { return m_retries; }

private:
    // `call` without the JSON: the 2xx answer as it came. Sets the token on `req` per attempt.
    Result<Response> exchange(Request& req, bool authenticated);
    Result<void> authenticate();
    Result<nlohmann::json> revoked(const std::string& body);
    std::chrono::milliseconds backoff(int attempt);
    // This device stands in the verified directory and is not revoked: the steps that act as a
    // member (register, share the audit chain, rotate, shred, escrow, cache purge) wait until then.
    bool enrolled() const;

    // A thread doing store work while a request is on the wire (push); see client.cpp. If no
    // thread can be started, the work runs at once on the calling thread.
    class Helper {
    public:
        Helper(SyncClient& c, std::function<void()> work);
        ~Helper();
        void join();
        Helper(const Helper&) = delete;
        Helper& operator=(const Helper&) = delete;

    private:
        SyncClient& m_client;
        std::thread m_thread;
    };

    Store& m_store;
    Transport& m_transport;
    Helper* m_helper = nullptr;
    SyncOptions m_options;
    // The server's last seq of every scope we are a member of, from this sync's last push
    // answer (`heads`): pull skips the scopes whose cursor is there already. Reset per sync.
    std::optional<std::map<ScopeId, std::uint64_t>> m_heads;
    std::map<ScopeId, OpId> m_head_ops;  // the op at each head, from the same push answer
    std::string m_token;
    std::size_t m_retries = 0;
    std::mt19937 m_rng;
};

// Refusals carry the server's stable code first in the detail: "forbidden: ...".
std::string refusal_code(const std::string& detail);

}  // namespace quartier::sync
