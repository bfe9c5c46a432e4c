// Leaving the device: purge of one scope and crypto-shredding of the store (docs/store.md,
// "Leaving the device"; docs/retention.md).
//
// Job: purge_scope() removes a scope (a cache purge, an unassignment, crypto-shredding): its ops,
// the commits left without ops, its records' snapshots, its keys, cursor and held envelopes in one
// transaction, then VACUUM and a truncating WAL checkpoint so that no page, free page or WAL frame
// keeps them. wipe() deletes the key rows first, then every table, vacuums, and removes the files.
//
// States: purge_scope refuses (Busy) while the scope's ops wait in the outbox unless
// discard_pending (a crypto-shredded scope). After wipe() the store is Failed for good: recover()
// says so, and nothing is left in the directory but `lock`.
//
// Invariants (numbered in sync/store/store.h): a purge is one transaction, memory after it (Store
// invariant 2); the purged envelopes' hashes are kept in `purged`, so verify() knows they went on
// purpose (Store invariant 1); a twin of another scope stays (Store invariant 8).

#include "sync/store/store_impl.h"

#include <algorithm>
#include <filesystem>

namespace quartier::sync {

namespace fs = std::filesystem;

Result<void> Store::wipe() {
    Impl& I = *m_impl;
    Result<void> first;  // the first failure; the files go regardless
    auto note = [&](Result<void> r) {
        if (!r && first) first = r;
    };
    // Key material first: once these rows are gone (and their pages overwritten), the rest is
    // ciphertext nobody can open.
    note(I.db.exec("DELETE FROM meta; DELETE FROM scope_keys; DELETE FROM settings;"));
    note(I.db.exec("DELETE FROM audit; DELETE FROM audit_ops;"));
    note(I.db.exec("DELETE FROM snapshots; DELETE FROM ops; DELETE FROM commits; DELETE FROM outbox; "
                   "DELETE FROM directory; DELETE FROM cursors; DELETE FROM cursor_ops; DELETE FROM purged; DELETE FROM held;"));
    note(truncate_wal(I.db, I.checkpoint.get()));
    note(I.db.exec("VACUUM"));
    I.ins_commit = Statement();
    I.ins_commit_at = Statement();
    I.ins_op = Statement();
    I.ins_outbox = Statement();
    I.ins_outbox_run = Statement();
    I.set_meta = Statement();
    I.checkpoint.reset();  // its connection goes first
    I.db = Database();     // closes the file
    std::error_code ec;
    for (const char* f : {"store.db", "store.db-wal", "store.db-shm"}) {
        fs::remove(m_dir / f, ec);
        if (ec && first) first = Result<void>(Error::Io, "cannot remove " + std::string(f) + ": " + ec.message());
    }
    I.records.clear();
    ++I.generation;
    I.dirty.clear();
    I.scope_keys.clear();
    I.current_epoch.clear();
    I.settings.clear();
    I.admin.reset();
    I.audit = AuditLog();
    I.master.reset();
    I.wrap_key.reset();
    I.index_key.reset();
    I.snapshot_key.reset();
    I.setting_key.reset();
    I.directory = Directory();
    m_problems.clear();
    m_failed = true;
    return first;
}

Result<void> Store::purge_scope(const ScopeId& scope, bool discard_pending) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    // The scope of each op is in its clear header: no decryption needed to find them.
    std::vector<std::int64_t> seqs;
    std::vector<crypto::Hash32> hashes;  // kept so that verify() knows these were removed on purpose
    bool pending = false;
    if (auto r = I.rows("SELECT ops.seq, ops.env, outbox.op_seq IS NOT NULL FROM ops LEFT JOIN outbox ON outbox.op_seq = ops.seq",
                        [&](Statement& st) -> Result<void> {
                            auto env = crypto::parse_envelope(st.blob(1));
                            if (env && env->header.scope == scope) {
                                seqs.push_back(st.int64(0));
                                hashes.push_back(env->hash());
                                pending = pending || st.int64(2) != 0;
                            }
                            return {};
                        });
        !r)
        return r;
    if (pending && !discard_pending) return {Error::Busy, "the scope has changes not yet pushed; sync first"};
    // The scope's records and their snapshot rows (invariant 8: a twin of another scope stays,
    // and one that takes the id's first place is written under its new row at the next checkpoint).
    std::vector<std::string> ids;
    std::vector<crypto::Id16> rows_gone;
    for (const auto& [id, slot] : I.records) {
        if (slot.rec.scope == scope) {
            ids.push_back(id);
            rows_gone.push_back(I.rk(id));
            if (slot.twins && !slot.twins->empty()) rows_gone.push_back(I.rk(Impl::twin_name(slot.twins->front())));
        } else if (slot.twins) {
            for (const Record& t : *slot.twins)
                if (t.scope == scope) {
                    ids.push_back(id);
                    rows_gone.push_back(I.rk(Impl::twin_name(t)));
                }
        }
    }

    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        auto del_op = I.db.prepare("DELETE FROM ops WHERE seq = ?1");
        auto del_out = I.db.prepare("DELETE FROM outbox WHERE op_seq = ?1");
        if (!del_out) return del_out.failure();
        auto del_snap = I.db.prepare("DELETE FROM snapshots WHERE rk = ?1");
        auto del_keys = I.db.prepare("DELETE FROM scope_keys WHERE scope = ?1");
        auto del_cursor = I.db.prepare("DELETE FROM cursors WHERE scope = ?1");
        auto del_cursor_op = I.db.prepare("DELETE FROM cursor_ops WHERE scope = ?1");
        if (!del_cursor_op) return del_cursor_op.failure();
        del_cursor_op->bind(1, scope);
        if (auto r = del_cursor_op->run(); !r) return r;
        auto del_held = I.db.prepare("DELETE FROM held WHERE scope = ?1");  // ciphertext of the scope, gone with it
        if (!del_held) return del_held.failure();
        del_held->bind(1, scope);
        if (auto r = del_held->run(); !r) return r;
        for (auto* st : {&del_op, &del_snap, &del_keys, &del_cursor})
            if (!*st) return st->failure();
        for (std::int64_t seq : seqs) {
            del_out->bind(1, seq);  // only a crypto-shredded scope gets here with pending ops
            if (auto r = del_out->run(); !r) return r;
            del_op->bind(1, seq);
            if (auto r = del_op->run(); !r) return r;
        }
        auto ins_purged = I.db.prepare("INSERT OR IGNORE INTO purged(hash) VALUES(?1)");
        if (!ins_purged) return ins_purged.failure();
        for (const auto& h : hashes) {
            ins_purged->bind(1, h);
            if (auto r = ins_purged->run(); !r) return r;
        }
        for (const auto& k : rows_gone) {
            del_snap->bind(1, k);
            if (auto r = del_snap->run(); !r) return r;
        }
        del_keys->bind(1, scope);
        if (auto r = del_keys->run(); !r) return r;
        del_cursor->bind(1, scope);
        if (auto r = del_cursor->run(); !r) return r;
        if (auto r = I.db.exec("DELETE FROM commits WHERE seq NOT IN (SELECT commit_seq FROM ops)"); !r) return r;
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r;
    }
    for (const auto& id : ids) {
        auto it = I.records.find(id);
        if (it == I.records.end()) continue;
        Impl::Slot& slot = it->second;
        if (slot.twins)
            slot.twins->erase(std::remove_if(slot.twins->begin(), slot.twins->end(), [&](const Record& t) { return t.scope == scope; }),
                              slot.twins->end());
        if (slot.rec.scope == scope) {
            if (!slot.twins || slot.twins->empty()) {
                I.records.erase(it);
                continue;
            }
            slot.rec = std::move(slot.twins->front());
            slot.twins->erase(slot.twins->begin());
            slot.dirty = true;  // its snapshot row went: the next checkpoint writes it under the id's row
        }
        if (slot.twins && slot.twins->empty()) slot.twins.reset();
    }
    ++I.generation;
    I.dirty.clear();  // pointers into erased nodes; snapshots of the rest are rewritten at the next checkpoint
    for (auto& entry : I.records)
        if (entry.second.dirty) I.dirty.push_back(&entry);
    for (auto it = I.scope_keys.begin(); it != I.scope_keys.end();)
        it = it->first.first == scope ? I.scope_keys.erase(it) : std::next(it);
    I.current_epoch.erase(scope);
    I.cursors.erase(scope);
    I.cursor_ops.erase(scope);
    // No page, free page or WAL frame may keep the purged rows.
    if (auto r = I.db.exec("VACUUM"); !r) return r;
    if (auto r = truncate_wal(I.db, I.checkpoint.get()); !r) return r;
    return {};
}

}  // namespace quartier::sync
