// The fold of the op log, and the reads of it (docs/store.md, "Opening and the fold", "Bulk work
// on every core"; "The record index" in docs/benchmarks.md).
//
// Job: the in-memory state. load_state() reads the sealed snapshots (valid up to
// meta.snapshot_upto), then opens every later op (AEAD only, on every core: sync/store/pipeline.h) and
// folds it in op-log order through Impl::apply() (store_impl.h); an envelope that does not open
// becomes a problem. get(), get_all(), list(), collisions() and history() read that state (history
// reads the op log again); checkpoint() seals the records changed since the last snapshot.
//
// States: snapshots current (snapshot_upto, format kSnapshotFormat) or stale (damaged, or made
// before records were keyed by scope): then the whole log is folded and the next checkpoint
// rewrites every row. The offline lease (Store::readable(), retention.cpp) hides every read.
//
// Invariants (numbered in sync/store/store.h): the state is the fold of the op log, and a snapshot is
// only a cache of it (Store invariant 1); an envelope that fails to open is reported with its
// record where another op names it, the rest stays readable (Store invariant 5); an op folds only
// into its own scope's record, and an id in several scopes shows none of them (Store invariant 8);
// audit ops are never folded (docs/audit.md).

#include "sync/store/store_impl.h"

#include "sync/store/pipeline.h"

#include <algorithm>

namespace quartier::sync {


// Opens one stored envelope (AEAD only: docs/store.md, "Opening and the fold"). Touches no
// state but reads the scope keys, so the bulk fold runs it on every core (load_state).
Store::Impl::Opened Store::Impl::open_row(std::int64_t seq, ByteView env_bytes, Bytes& scratch) const {
    Opened o;
    o.seq = seq;
    auto env = crypto::parse_envelope(env_bytes);
    if (!env) {
        o.problem = Problem{seq, {}, {}, std::string(crypto::to_string(env.error()))};
        return o;
    }
    const auto& h = env->header;
    const SymmetricKey* key = scope_key(h.scope, h.epoch);
    if (!key) {
        o.problem = Problem{seq, {}, crypto::to_hex(h.op), std::string(crypto::to_string(crypto::Error::UnknownKey))};
        return o;
    }
    scratch.clear();
    if (auto r = crypto::decrypt_envelope(*env, *key, scratch); !r) {
        o.problem = Problem{seq, {}, crypto::to_hex(h.op), std::string(crypto::to_string(r.error()))};
        return o;
    }
    o.op = decode_op(scratch);
    if (!o.op) {
        o.problem = Problem{seq, {}, crypto::to_hex(h.op), "op payload is malformed"};
        return o;
    }
    o.meta = OpMeta{h.op, h.hlc, h.author, h.scope};
    return o;
}

// Folds what open_row gave; failures become problems.
void Store::Impl::fold_opened(Opened& o, std::vector<Problem>& problems) {
    if (o.problem) {
        problems.push_back(std::move(*o.problem));
        return;
    }
    hlc.observe(o.meta.hlc);
    apply(o.meta, std::move(*o.op));
}

Result<void> Store::Impl::load_state(std::vector<Problem>& problems) {
    auto upto = get_meta("snapshot_upto");
    if (!upto) return upto.failure();
    snapshot_upto = *upto ? std::int64_t(blob_u64(**upto)) : 0;
    if (snapshot_upto > 0) {
        auto format = get_meta("snapshot_format");
        if (!format) return format.failure();
        if (!*format || blob_u64(**format) != kSnapshotFormat) {
            snapshot_upto = 0;  // fold the whole op log, as the scope-keyed records need
            snapshots_stale = true;
        }
    }

    if (snapshot_upto > 0) {
        auto st = db.prepare("SELECT rk, sealed FROM snapshots");
        if (!st) return st.failure();
        Bytes plain;
        bool intact = true;
        for (;;) {
            auto row = st->step();
            if (!row) return row.failure();
            if (!*row) break;
            auto opened = crypto::open_blob(*snapshot_key, st->blob(1), st->blob(0), plain);
            std::optional<Record> rec = opened ? decode_record(plain) : std::nullopt;
            if (!rec) {
                intact = false;
                break;
            }
            ByteView rkcol = st->blob(0);
            const auto expect = rk(rec->id);
            const auto expect_twin = rk(twin_name(*rec));
            const bool primary = rkcol.size() == 16 && std::equal(expect.begin(), expect.end(), rkcol.begin());
            const bool twin = rkcol.size() == 16 && std::equal(expect_twin.begin(), expect_twin.end(), rkcol.begin());
            if (!primary && !twin) {
                intact = false;
                break;
            }
            std::string id = rec->id;
            if (primary) {
                auto [it, fresh] = records.try_emplace(std::move(id));
                if (fresh || it->second.rec.id.empty()) it->second.rec = std::move(*rec);
                else intact = false;
            } else {
                // A twin beside the record of the id's first scope, whose row may come later.
                auto& slot = records[id];
                if (!slot.twins) slot.twins = std::make_unique<std::vector<Record>>();
                slot.twins->push_back(std::move(*rec));
            }
            if (!intact) break;
        }
        for (const auto& [id, slot] : records)
            if (slot.rec.id.empty()) intact = false;  // a twin's row without its first scope's
        if (!intact) {
            // A damaged snapshot is only a cache: rebuild everything from the op log.
            problems.push_back({0, {}, {}, "a record snapshot failed to open; state rebuilt from the op log"});
            records.clear();
            ++generation;
            dirty.clear();
            snapshot_upto = 0;
            snapshots_stale = true;
        }
    }

    // Audit ops are no records (docs/audit.md): not even decrypted here. A DPO's store holds
    // every device's chain, and snapshots never cover them.
    auto st = db.prepare("SELECT seq, env FROM ops WHERE seq > ?1 AND seq NOT IN (SELECT op_seq FROM audit_ops) ORDER BY seq");
    if (!st) return st.failure();
    std::size_t expected = 0;  // at most this many ops follow the snapshot
    if (auto top = db.prepare("SELECT coalesce(max(seq), 0) FROM ops"); top) {
        if (auto row = top->step(); row && *row && top->int64(0) > snapshot_upto)
            expected = std::size_t(top->int64(0) - snapshot_upto);
    }
    reserve_records(expected);  // usually one record each in bulk imports
    st->bind(1, snapshot_upto);
    // Rows are read in chunks on this thread, opened on every core, and folded here in
    // op-log order (sync/store/pipeline.h): AEAD and decoding overlap the reading and the fold.
    struct Chunk {
        std::vector<std::int64_t> seqs;
        Bytes envs;                       // the chunk's envelopes, back to back
        std::vector<std::size_t> ends;    // where each one ends in envs
        std::vector<Opened> opened;
    };
    constexpr std::size_t kRows = 128;
    std::vector<Chunk> slots(16);  // room to run ahead while one thread is descheduled
    Result<void> failed;
    bool exhausted = false;  // stepping a finished statement again would start it over
    auto produce = [&](Chunk& c) {
        c.seqs.clear();
        c.envs.clear();
        c.ends.clear();
        while (!exhausted && c.seqs.size() < kRows) {
            auto row = st->step();
            if (!row) failed = row.failure();
            if (!row || !*row) {
                exhausted = true;
                break;
            }
            const ByteView env = st->blob(1);
            c.seqs.push_back(st->int64(0));
            c.envs.insert(c.envs.end(), env.begin(), env.end());
            c.ends.push_back(c.envs.size());
        }
        return !c.seqs.empty() && failed.ok();
    };
    auto open = [&](Chunk& c) {
        c.opened.clear();
        Bytes scratch;
        scratch.reserve(4096);
        for (std::size_t i = 0, from = 0; i < c.seqs.size(); from = c.ends[i++])
            c.opened.push_back(open_row(c.seqs[i], ByteView(c.envs).subspan(from, c.ends[i] - from), scratch));
    };
    auto fold = [&](Chunk& c) {
        // The index lookups of a bulk fold miss the cache (the values stream through it):
        // ask for the lines of an op a few ops ahead, so they arrive while others fold.
        constexpr std::size_t kAhead = 8;
        auto prefetch = [&](std::size_t i) {
            if (i < c.opened.size() && c.opened[i].op) records.prefetch(c.opened[i].op->record_id);
        };
        for (std::size_t i = 0; i < kAhead; ++i) prefetch(i);
        for (std::size_t i = 0; i < c.opened.size(); ++i) {
            prefetch(i + kAhead);
            fold_opened(c.opened[i], problems);
        }
        return true;
    };
    const unsigned helpers = expected >= 2 * kRows ? pipeline_helpers() : 0;
    run_pipeline(slots, helpers, produce, open, fold);
    if (!failed) return failed;
    if (!problems.empty()) attribute(problems);
    return {};
}

// Names the record of each problem where another op of the same record opened.
void Store::Impl::attribute(std::vector<Problem>& problems) {
    auto st = db.prepare("SELECT rk FROM ops WHERE seq = ?1");
    if (!st) return;
    std::map<crypto::Id16, std::string> by_rk;
    for (const auto& [id, rec] : records) by_rk.emplace(rk(id), id);
    for (auto& p : problems) {
        if (p.op_seq <= 0) continue;
        st->bind(1, p.op_seq);
        if (auto row = st->step(); row && *row && st->blob(0).size() == 16) {
            crypto::Id16 k{};
            std::copy(st->blob(0).begin(), st->blob(0).end(), k.begin());
            if (auto it = by_rk.find(k); it != by_rk.end()) p.record = it->second;
        }
        st->reset();
    }
}

// ------------------------------------------------------------------------------------------------
// Reads of the state.

const Record* Store::get(const std::string& id) const {
    if (!readable()) return nullptr;  // offline lease expired (docs/retention.md)
    auto it = m_impl->records.find(id);
    if (it == m_impl->records.end() || it->second.twins) return nullptr;  // a collision is no one record
    return &it->second.rec;
}

const Record* Store::get(const ScopeId& scope, const std::string& id) const {
    if (!readable()) return nullptr;
    auto it = m_impl->records.find(id);
    return it == m_impl->records.end() ? nullptr : it->second.in(scope);
}

std::vector<const Record*> Store::get_all(const std::string& id) const {
    std::vector<const Record*> out;
    if (!readable()) return out;
    auto it = m_impl->records.find(id);
    if (it == m_impl->records.end()) return out;
    out.push_back(&it->second.rec);
    if (it->second.twins)
        for (const Record& t : *it->second.twins) out.push_back(&t);
    return out;
}

std::vector<Problem> Store::collisions() const {
    std::vector<Problem> out;
    for (const auto& [id, slot] : m_impl->records) {
        if (!slot.twins) continue;
        std::string scopes = crypto::to_hex(slot.rec.scope);
        for (const Record& t : *slot.twins) scopes += ", " + crypto::to_hex(t.scope);
        out.push_back({0, id, {}, "record id in several scopes (" + scopes + "): none of them is shown; an op through one scope never changes another's"});
    }
    std::sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) { return a.record < b.record; });
    return out;
}

std::vector<const Record*> Store::list(const std::string& type) const {
    // Sorted by id, first on a big-endian 8-byte prefix of it held in the array being sorted (zero
    // padded: the same order as std::string's), so that most comparisons do not visit the records.
    struct Key {
        std::uint64_t prefix;
        const Record* rec;
    };
    if (!readable()) return {};  // offline lease expired (docs/retention.md)
    // The records' addresses first (the index alone, no record read), then the records, each
    // asked for a few ahead: they lie scattered over the heap, and each would be a cache miss.
    std::vector<const Record*> all;
    all.reserve(m_impl->records.size());
    for (const auto& entry : m_impl->records)
        if (!entry.second.twins) all.push_back(&entry.second.rec);  // a collision shows none (invariant 8)
    constexpr std::size_t kAhead = 8;
    std::vector<Key> keys;
    keys.reserve(all.size());
    for (std::size_t r = 0; r < all.size(); ++r) {
        if (r + kAhead < all.size())
            for (std::size_t line = 0; line < sizeof(Record); line += 64)
                __builtin_prefetch(reinterpret_cast<const char*>(all[r + kAhead]) + line);
        const Record& rec = *all[r];
        if (rec.deleted() || rec.type.empty() || (!type.empty() && rec.type != type)) continue;
        std::uint64_t prefix = 0;
        for (std::size_t i = 0; i < 8; ++i)
            prefix = (prefix << 8) | (i < rec.id.size() ? static_cast<unsigned char>(rec.id[i]) : 0u);
        keys.push_back({prefix, &rec});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.prefix != b.prefix ? a.prefix < b.prefix : a.rec->id < b.rec->id;
    });
    std::vector<const Record*> out;
    out.reserve(keys.size());
    for (const Key& k : keys) out.push_back(k.rec);
    return out;
}

std::uint64_t Store::generation() const { return m_impl->generation; }

Result<std::vector<FieldVersion>> Store::history(const std::string& id, const std::string& field,
                                                 const ScopeId* scope_in) const {
    if (auto r = readable(); !r) return r.failure();
    // Only the record's own scope's ops (invariant 8).
    const Record* rec = scope_in ? get(*scope_in, id) : get(id);
    if (!rec) {
        if (!get_all(id).empty()) return {Error::InvalidArgument, "record id " + id + " is in several scopes: name the scope"};
        return std::vector<FieldVersion>{};
    }
    const ScopeId scope = rec->scope;
    const auto k = m_impl->rk(id);
    std::vector<FieldVersion> out;
    Bytes plain;
    if (auto r = m_impl->db.each("SELECT env FROM ops WHERE rk = ?1 ORDER BY seq", [&](const Statement& st) {
            auto env = crypto::parse_envelope(st.blob(0));
            if (!env || env->header.scope != scope) return;
            const SymmetricKey* key = m_impl->scope_key(env->header.scope, env->header.epoch);
            plain.clear();
            if (!key || !crypto::decrypt_envelope(*env, *key, plain)) return;
            auto op = decode_op(plain);
            if (!op || op->record_id != id || op->kind == OpKind::Delete || op->field != field) return;
            out.push_back({env->header.op, env->header.hlc, env->header.author, std::move(op->value)});
        }, k);
        !r)
        return r.failure();
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.hlc < b.hlc; });
    return out;
}

// ------------------------------------------------------------------------------------------------
// Snapshots.

Result<void> Store::checkpoint() {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (I.dirty.empty()) return {};
    auto txn = Transaction::begin(I.db);
    if (!txn) return txn.failure();
    auto st = I.db.prepare("INSERT OR REPLACE INTO snapshots(rk, sealed) VALUES(?1, ?2)");
    if (!st) return st.failure();
    auto maxq = I.db.prepare("SELECT coalesce(max(seq), 0) FROM ops");
    if (!maxq) return maxq.failure();
    auto mrow = maxq->step();
    if (!mrow) return mrow.failure();
    const std::int64_t upto = maxq->int64(0);
    if (I.snapshots_stale)
        if (auto r = I.db.exec("DELETE FROM snapshots"); !r) return r;  // every record is dirty: all rewritten
    auto put = [&](const crypto::Id16& k, const Record& rec) -> Result<void> {
        const Bytes sealed = crypto::seal_blob(*I.snapshot_key, encode_record(rec), k);
        st->bind(1, k).bind(2, sealed);
        return st->run();
    };
    for (const Store::Impl::Entry* e : I.dirty) {
        if (auto r = put(I.rk(e->first), e->second.rec); !r) return r;
        if (e->second.twins)
            for (const Record& t : *e->second.twins)
                if (auto r = put(I.rk(Store::Impl::twin_name(t)), t); !r) return r;
    }
    if (auto r = I.put_meta("snapshot_upto", u64_blob(std::uint64_t(upto))); !r) return r;
    if (auto r = I.put_meta("snapshot_format", u64_blob(Store::Impl::kSnapshotFormat)); !r) return r;
    if (auto r = txn->commit(); !r) {
        fail(r.error());
        return r;
    }
    for (Store::Impl::Entry* e : I.dirty) e->second.dirty = false;
    I.dirty.clear();
    I.snapshot_upto = upto;
    I.snapshots_stale = false;
    I.ops_since_snapshot = 0;
    return {};
}

}  // namespace quartier::sync
