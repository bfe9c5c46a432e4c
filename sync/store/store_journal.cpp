// The sync journal (docs/protocol.md; docs/server.md, "Backup and restore").
//
// Job: what this device remembers of the server: the outbox (local ops not yet acknowledged,
// handed out oldest first, at most a few scopes per batch), the acknowledgements that take ops
// out of it, each scope's cursor (the server seq pulled up to) and the op the server held there,
// and server_lost(): a server restored from a backup, whose scope's cursor goes back to 0 and
// whose ops of this device go back into the outbox.
//
// States: an op is pending (outbox row) until acknowledged; a scope's cursor is 0 until its first
// pull and moves only forward, except through server_lost() (back to 0) or purge_scope() (gone).
// Acknowledgements are written with synchronous=NORMAL (RelaxedSync, store_impl.h): a power loss
// only makes the device push them once more.
//
// Invariants (numbered in sync/store/store.h): every change is one transaction and memory follows after
// it (Store invariant 2); a failed write fails the store (Store invariant 7). Cursors move in
// store_ingest.cpp.

#include "sync/store/store_impl.h"

#include <algorithm>

namespace quartier::sync {


Result<std::vector<OutboxItem>> Store::outbox(std::size_t limit, std::size_t max_scopes,
                                              std::span<const std::int64_t> in_flight) const {
    if (m_failed) return Error::Failed;
    auto st = m_impl->db.prepare("SELECT o.op_seq, ops.env FROM outbox o JOIN ops ON ops.seq = o.op_seq ORDER BY o.op_seq");
    if (!st) return st.failure();
    std::vector<OutboxItem> out;
    // At most max_scopes scopes per batch (the oldest ops'): the client gives each scope's ops a
    // transport commit of their own, which then lists only envelopes that every puller of that
    // scope receives, so its Store::verify finds them all. Local ops of several scopes
    // interleave (a write and its audit entry, docs/audit.md).
    std::vector<ScopeId> scopes;
    while (out.size() < limit) {
        auto row = st->step();
        if (!row) return row.failure();
        if (!*row) break;
        if (std::binary_search(in_flight.begin(), in_flight.end(), st->int64(0))) continue;
        ByteView env = st->blob(1);
        if (auto e = crypto::parse_envelope(env)) {
            if (std::find(scopes.begin(), scopes.end(), e->header.scope) == scopes.end()) {
                if (scopes.size() >= std::max<std::size_t>(max_scopes, 1)) continue;
                scopes.push_back(e->header.scope);
            }
        }  // a damaged one goes out as it is: the client reports it
        out.push_back({st->int64(0), Bytes(env.begin(), env.end())});
    }
    return out;
}

Result<void> Store::acknowledge(const std::vector<std::int64_t>& op_seqs) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    auto write = [&]() -> Result<void> {
        RelaxedSync relaxed(I.db);
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        auto del = I.db.prepare("DELETE FROM outbox WHERE op_seq = ?1");
        if (!del) return del.failure();
        for (std::int64_t seq : op_seqs) {
            del->bind(1, seq);
            if (auto r = del->run(); !r) return r;
        }
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r;
    }
    return {};
}

std::int64_t Store::cursor(const ScopeId& scope) const {
    auto it = m_impl->cursors.find(scope);
    return it == m_impl->cursors.end() ? 0 : it->second;
}

std::optional<OpId> Store::cursor_op(const ScopeId& scope) const {
    auto it = m_impl->cursor_ops.find(scope);
    return it == m_impl->cursor_ops.end() ? std::nullopt : std::optional<OpId>(it->second);
}

Result<std::size_t> Store::server_lost(const ScopeId& scope) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    const DeviceId me = I.device->id();
    std::vector<std::int64_t> mine;
    if (auto r = I.rows("SELECT ops.seq, ops.env FROM ops LEFT JOIN outbox ON outbox.op_seq = ops.seq WHERE outbox.op_seq IS NULL",
                        [&](Statement& st) -> Result<void> {
                            auto env = crypto::parse_envelope(st.blob(1));
                            if (env && env->header.scope == scope && env->header.author == me) mine.push_back(st.int64(0));
                            return {};
                        });
        !r)
        return r.failure();
    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        if (auto r = I.add_to_outbox(mine); !r) return r;
        auto del = I.db.prepare("DELETE FROM cursors WHERE scope = ?1");
        if (!del) return del.failure();
        del->bind(1, scope);
        if (auto r = del->run(); !r) return r;
        auto del_op = I.db.prepare("DELETE FROM cursor_ops WHERE scope = ?1");
        if (!del_op) return del_op.failure();
        del_op->bind(1, scope);
        if (auto r = del_op->run(); !r) return r;
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r.failure();
    }
    I.cursors.erase(scope);
    I.cursor_ops.erase(scope);
    return mine.size();
}

}  // namespace quartier::sync
