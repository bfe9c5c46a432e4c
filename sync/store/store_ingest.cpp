// Ingest of pulled envelopes, and held envelopes (docs/protocol.md; docs/store.md, "Held
// envelopes"; docs/threat-model.md, "Removed members", "Clocks bounded by the author's own ops").
//
// Job: ingest() verifies every pulled envelope (its commit's signature by a member, the envelope
// against its commit, AEAD, the directory's word on its author, its place in its author's own
// order) and stores, folds and moves the scope's cursor in one transaction. An envelope that fails
// is held (the `held` table) with its reason; retry_held() and ingest_again() try held ones again,
// held() lists them.
//
// States of a pulled envelope: new -> accepted (stored, folded) | duplicate (already in the log) |
// held (failed verification; at most kMaxHeld, the oldest go first) | not yet checkable (no key or
// membership yet: the batch stops there, `blocked`, and the cursor stays before it). A held one
// leaves the table once accepted or found in the log. The cursor moves past held ones.
//
// Invariants (numbered in sync/store/store.h): an op of another device counts only if the directory
// lets it (Store invariant 9); a pulled envelope that fails verification is never folded and
// never lost (Store invariant 10); ops fold into their own scope's records (Store invariant 8);
// stored, folded and the cursor moved together, memory after the commit (Store invariant 2).

#include "sync/store/store_impl.h"

#include <set>

namespace quartier::sync {


namespace {
// At most this many rejected envelopes are held for a retry (invariant 10); past it the oldest go.
constexpr std::int64_t kMaxHeld = 10'000;
}  // namespace

Result<void> Store::Impl::load_author_clock() {
    if (author_clock) return {};
    std::map<DeviceId, std::map<std::uint64_t, AuthorOp>> m;
    if (auto r = rows("SELECT env FROM ops", [&](Statement& st) -> Result<void> {
            auto env = crypto::parse_envelope(st.blob(0));
            if (env) m[env->header.author].emplace(env->header.seq, AuthorOp{env->header.hlc, env->header.op});
            return {};
        });
        !r)
        return r;
    author_clock = std::move(m);
    return {};
}

// Why `h` does not fit its author's earlier and later ops, or nullopt.
std::optional<std::string> Store::Impl::clock_refusal(const crypto::EnvelopeHeader& h) const {
    auto a = author_clock->find(h.author);
    if (a == author_clock->end()) return std::nullopt;
    const auto& ops = a->second;
    auto at = ops.lower_bound(h.seq);
    if (at != ops.end() && at->first == h.seq && at->second.op != h.op)
        return "a second op under its author's sequence number " + std::to_string(h.seq);
    if (at != ops.begin() && std::prev(at)->second.hlc > h.hlc)
        return "dated before an op its author wrote earlier (sequence " + std::to_string(std::prev(at)->first) + ")";
    auto after = ops.upper_bound(h.seq);
    if (after != ops.end() && after->second.hlc < h.hlc)
        return "dated after an op its author wrote later (sequence " + std::to_string(after->first) + ")";
    return std::nullopt;
}

Result<IngestReport> Store::ingest(const ScopeId& scope, const std::map<crypto::Id16, Bytes>& commits,
                                   const std::vector<PulledItem>& items, std::int64_t next_cursor,
                                   std::optional<OpId> next_op) {
    return ingest_items(scope, commits, items, next_cursor, next_op, false);
}

Result<IngestReport> Store::retry_held() {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    // Grouped by scope, in the order they were pulled. A commit the server did not send with the
    // envelope may have come since (another envelope of it, on another page): looked up by id.
    std::map<ScopeId, std::vector<PulledItem>> items;
    std::map<ScopeId, std::map<crypto::Id16, Bytes>> commits;
    std::set<crypto::Id16> wanted;
    if (auto r = I.rows("SELECT scope, server_seq, commit_id, commit_body, env FROM held ORDER BY id",
                        [&](Statement& st) -> Result<void> {
                            ScopeId scope{};
                            crypto::Id16 cid{};
                            if (st.blob(0).size() != scope.size() || st.blob(2).size() != cid.size()) return {};
                            std::copy(st.blob(0).begin(), st.blob(0).end(), scope.begin());
                            std::copy(st.blob(2).begin(), st.blob(2).end(), cid.begin());
                            items[scope].push_back(PulledItem{st.int64(1), Bytes(st.blob(4).begin(), st.blob(4).end()), cid});
                            if (!st.is_null(3) && !st.blob(3).empty())
                                commits[scope][cid] = Bytes(st.blob(3).begin(), st.blob(3).end());
                            else
                                wanted.insert(cid);
                            return {};
                        });
        !r)
        return r.failure();
    IngestReport all;
    if (items.empty()) return all;
    if (!wanted.empty()) {
        std::map<crypto::Id16, Bytes> found;
        if (auto r = I.rows("SELECT body FROM commits", [&](Statement& st) -> Result<void> {
                auto c = crypto::Commit::parse(st.blob(0));
                if (c && wanted.count(c->id)) found[c->id] = Bytes(st.blob(0).begin(), st.blob(0).end());
                return {};
            });
            !r)
            return r.failure();
        for (auto& [scope, its] : items)
            for (const PulledItem& it : its)
                if (auto f = found.find(it.commit); f != found.end()) commits[scope][it.commit] = f->second;
    }
    for (const auto& [scope, its] : items) {
        auto rep = ingest_items(scope, commits[scope], its, 0, std::nullopt, true);
        if (!rep) return rep.failure();
        all.applied += rep->applied;
        all.duplicates += rep->duplicates;
        all.skewed += rep->skewed;
        all.rejected.insert(all.rejected.end(), rep->rejected.begin(), rep->rejected.end());
        all.blocked = all.blocked || rep->blocked;
    }
    return all;
}

Result<IngestReport> Store::ingest_again(const ScopeId& scope, const std::map<crypto::Id16, Bytes>& commits,
                                         const std::vector<PulledItem>& items) {
    return ingest_items(scope, commits, items, 0, std::nullopt, true);
}

Result<std::vector<HeldEnvelope>> Store::held() const {
    if (m_failed) return Error::Failed;
    std::vector<HeldEnvelope> out;
    if (auto r = m_impl->rows("SELECT scope, server_seq, hash, why, at FROM held ORDER BY id", [&](Statement& st) -> Result<void> {
            HeldEnvelope h;
            if (st.blob(0).size() == h.scope.size()) std::copy(st.blob(0).begin(), st.blob(0).end(), h.scope.begin());
            h.server_seq = st.int64(1);
            h.hash = crypto::to_hex(st.blob(2));
            h.why = st.text(3);
            h.since_ms = std::uint64_t(st.int64(4));
            out.push_back(std::move(h));
            return {};
        });
        !r)
        return r.failure();
    return out;
}

// Invariant 10: an envelope that fails verification is not folded, and not lost either: it is
// held (the `held` table) with the reason, the cursor moves on, and retry_held() tries it again
// (a newer build may read an op version this one does not; a commit may arrive later). `retry`:
// `items` are held ones; nothing moves the cursor, and those accepted or found in the log leave
// the table.
Result<IngestReport> Store::ingest_items(const ScopeId& scope, const std::map<crypto::Id16, Bytes>& commits,
                                         const std::vector<PulledItem>& items, std::int64_t next_cursor,
                                         std::optional<OpId> next_op, bool retry) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    IngestReport rep;
    struct Hold {
        const PulledItem* item;
        std::string why;
    };
    std::vector<Hold> hold;                    // rejected now: held (again) with the reason
    std::vector<crypto::Hash32> released;      // retry: accepted, or in the log already
    std::vector<std::int64_t> released_at;     // … and the server seqs they came at (a fresh copy of a damaged one)
    const std::int64_t start = cursor(scope);
    std::int64_t to = start;
    std::optional<OpId> to_op = cursor_op(scope);  // the op at `to`, where known
    auto reach = [&](std::int64_t seq, std::optional<OpId> op) {
        if (seq > to) {
            to = seq;
            to_op = op;
        }
    };

    struct Accepted {
        const PulledItem* item;
        OpMeta meta;
        OpPayload payload;
    };
    std::vector<Accepted> accepted;
    std::map<crypto::Id16, std::optional<crypto::VerifiedCommit>> verified;  // nullopt: bad commit
    OpIdSet seen;                                                            // op ids in this batch
    auto has_op = I.db.prepare("SELECT 1 FROM ops WHERE op_id = ?1");
    if (!has_op) return has_op.failure();
    const std::uint64_t horizon = I.options.clock() + 24ull * 3600 * 1000;
    if (auto r = I.load_author_clock(); !r) return r.failure();

    for (const PulledItem& item : items) {
        if (!retry && item.server_seq <= start) continue;  // a replayed answer: already past it
        std::optional<OpId> item_op;
        auto reject = [&](std::string why, const std::string& op = {}) {
            hold.push_back({&item, why});
            rep.rejected.push_back({item.server_seq, {}, op, std::move(why)});
            if (!retry) reach(item.server_seq, item_op);
        };
        auto env = crypto::parse_envelope(item.envelope);
        if (!env) { reject("envelope: " + std::string(crypto::to_string(env.error()))); continue; }
        const auto& h = env->header;
        item_op = h.op;
        const std::string op_hex = crypto::to_hex(h.op);
        if (h.scope != scope) { reject("envelope belongs to another scope", op_hex); continue; }

        auto vit = verified.find(item.commit);
        if (vit == verified.end()) {
            std::optional<crypto::VerifiedCommit> v;
            if (auto c = commits.find(item.commit); c != commits.end()) {
                auto parsed = crypto::Commit::parse(c->second);
                const crypto::SignPublicKey* key = parsed ? I.author_key(parsed->author) : nullptr;
                if (parsed && !key) { rep.blocked = true; break; }  // author not in our directory copy yet
                if (parsed && parsed->id == item.commit)
                    if (auto vc = crypto::verify_commit(*parsed, *key)) v = std::move(*vc);
            }
            vit = verified.emplace(item.commit, std::move(v)).first;
        }
        if (!vit->second) { reject("its commit is missing or does not verify", op_hex); continue; }

        auto plain = crypto::open_envelope(item.envelope, I, &*vit->second);
        if (!plain) {
            if (plain.error() == crypto::Error::UnknownKey || plain.error() == crypto::Error::NotMember) {
                rep.blocked = true;  // a key or membership we may receive later: retry from here
                break;
            }
            reject(std::string(crypto::to_string(plain.error())), op_hex);
            continue;
        }
        auto op = decode_op(*plain);
        if (!op) { reject("op payload is malformed", op_hex); continue; }
        if (!retry) reach(item.server_seq, h.op);
        has_op->bind(1, h.op);
        auto dup = has_op->step();
        has_op->reset();
        if (!dup) return dup.failure();
        if (*dup || !seen.insert(h.op).second) {
            ++rep.duplicates;
            if (retry) {
                released.push_back(crypto::hash(item.envelope));
                released_at.push_back(item.server_seq);
            }
            continue;
        }
        // An author the directory took off the scope counts only up to its removal (invariant 9).
        if (auto why = I.directory.refuse_op(h.scope, h.epoch, h.author, h.seq, h.hlc)) { reject(*why, op_hex); continue; }
        if (auto why = I.clock_refusal(h)) { reject(*why, op_hex); continue; }
        I.note_author_op(h);  // later ops of this batch are checked against it too
        if (h.hlc >> 16 > horizon) ++rep.skewed;  // kept and shown; the clock is warned about, never trusted blindly
        if (retry) {
            released.push_back(crypto::hash(item.envelope));
            released_at.push_back(item.server_seq);
        }
        accepted.push_back({&item, OpMeta{h.op, h.hlc, h.author, h.scope}, std::move(*op)});
    }
    if (!rep.blocked && !retry) reach(next_cursor, next_op);

    auto write = [&]() -> Result<void> {
        RelaxedSync relaxed(I.db);
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        std::map<crypto::Id16, std::int64_t> commit_rows;
        std::optional<Statement> mark_audit;
        for (const Accepted& a : accepted) {
            auto [it, fresh] = commit_rows.try_emplace(a.item->commit, 0);
            if (fresh) {
                I.ins_commit.bind(1, commits.at(a.item->commit));
                if (auto r = I.ins_commit.run(); !r) return r;
                it->second = I.db.last_insert_rowid();
            }
            const auto k = I.rk(a.payload.record_id);
            I.ins_op.bind(1, a.meta.op).bind(2, k).bind(3, it->second).bind(4, a.item->envelope);
            if (auto r = I.ins_op.run(); !r) return r;
            if (a.payload.type == kAuditRecordType) {  // another device's audit entry (docs/audit.md)
                if (!mark_audit) {
                    auto m = I.db.prepare("INSERT INTO audit_ops(op_seq) VALUES(?1)");
                    if (!m) return m.failure();
                    mark_audit = std::move(*m);
                }
                mark_audit->bind(1, I.db.last_insert_rowid());
                if (auto r = mark_audit->run(); !r) return r;
            }
        }
        if (!hold.empty() || !released.empty() || !released_at.empty()) {
            auto put = I.db.prepare(
                "INSERT INTO held(hash, scope, server_seq, commit_id, commit_body, env, why, at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                "ON CONFLICT(hash) DO UPDATE SET why = excluded.why");
            auto drop = I.db.prepare("DELETE FROM held WHERE hash = ?1");
            if (!put) return put.failure();
            if (!drop) return drop.failure();
            const std::uint64_t now = I.options.clock();
            for (const Hold& x : hold) {
                const PulledItem& it = *x.item;
                const auto c = commits.find(it.commit);
                put->bind(1, crypto::hash(it.envelope)).bind(2, scope).bind(3, it.server_seq).bind(4, it.commit);
                if (c != commits.end()) put->bind(5, ByteView(c->second));
                else put->bind(5, ByteView());  // read back as none
                put->bind(6, ByteView(it.envelope)).bind(7, std::string_view(x.why)).bind(8, std::int64_t(now));
                if (auto r = put->run(); !r) return r;
            }
            for (const auto& h : released) {
                drop->bind(1, h);
                if (auto r = drop->run(); !r) return r;
            }
            auto drop_at = I.db.prepare("DELETE FROM held WHERE scope = ?1 AND server_seq = ?2");
            if (!drop_at) return drop_at.failure();
            for (const std::int64_t at : released_at) {
                drop_at->bind(1, scope).bind(2, at);
                if (auto r = drop_at->run(); !r) return r;
            }
            if (auto r = I.db.exec(("DELETE FROM held WHERE id IN (SELECT id FROM held ORDER BY id LIMIT max(0, (SELECT count(*) FROM held) - " +
                                    std::to_string(kMaxHeld) + "))").c_str());
                !r)
                return r;
        }
        if (to != start) {
            auto cur = I.db.prepare("INSERT OR REPLACE INTO cursors(scope, seq) VALUES(?1, ?2)");
            if (!cur) return cur.failure();
            cur->bind(1, scope).bind(2, to);
            if (auto r = cur->run(); !r) return r;
            auto op = I.db.prepare(to_op ? "INSERT OR REPLACE INTO cursor_ops(scope, op) VALUES(?1, ?2)"
                                         : "DELETE FROM cursor_ops WHERE scope = ?1");
            if (!op) return op.failure();
            op->bind(1, scope);
            if (to_op) op->bind(2, *to_op);
            if (auto r = op->run(); !r) return r;
        }
        return txn->commit();
    };
    if (auto r = write(); !r) {
        I.author_clock.reset();  // it noted ops that were not stored: rebuilt from the log next time
        fail(r.error());
        return r.failure();
    }
    for (Accepted& a : accepted) {
        I.hlc.observe(a.meta.hlc);
        I.apply(a.meta, std::move(a.payload));
    }
    I.cursors[scope] = to;
    if (to_op) I.cursor_ops[scope] = *to_op;
    else I.cursor_ops.erase(scope);
    rep.applied = accepted.size();
    rep.cursor = to;
    return rep;
}

}  // namespace quartier::sync
