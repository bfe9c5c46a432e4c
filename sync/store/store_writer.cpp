// Local writes: Writer, the one way ops enter the op log from this device (docs/store.md,
// "Writes", "Bulk work on every core"; docs/audit.md).
//
// Job: a Writer collects set/remove/resolve ops (their parents the heads it sees, in the store
// and earlier in the same Writer); commit() seals them on every core (sync/store/pipeline.h), signs
// them in commits of at most StoreOptions::max_commit_entries envelopes, and writes ops, outbox
// rows, commits, the commit's audit entry (store_audit.cpp) and the HLC and device sequence in
// one transaction; then it folds the ops into memory.
//
// States: Writer empty -> ops staged -> commit(): written and folded (the Writer empty again), or
// failed (rolled back, memory untouched, the store Failed: Error::Failed for every later write).
//
// Invariants (numbered in sync/store/store.h): all or nothing, memory after the commit (Store invariant
// 2); no plaintext in a column, ids as keyed hashes (Store invariant 3); the audit entry in the
// same transaction (Store invariant 6); a write names the scope of the record it changes and never
// makes a twin of an id another scope holds (Store invariant 8).

#include "sync/store/store_impl.h"

#include "sync/store/pipeline.h"

#include <algorithm>
#include <thread>

namespace quartier::sync {


namespace {
std::string random_record_id() { return crypto::to_hex(crypto::random_id()); }

void add_unique(std::vector<OpId>& v, const OpId& id) {
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
}

// An op names at most kMaxParents parents: every device refuses to decode more, and with enough
// of them the plaintext passes crypto::kMaxPlaintext, where sealing aborts. A record has that
// many heads only with that many fields (a delete names them all) or concurrent versions.
Failure<Error> too_many_parents(const std::string& id) {
    return {Error::InvalidArgument, "record " + id + " has more than " + std::to_string(kMaxParents) +
                                        " current versions for one op to name (its fields, or concurrent edits of a field)"};
}
}  // namespace

// Puts op-log rows into the outbox. A run of consecutive seqs (what one Writer's inserts get)
// goes in as one statement, so a bulk commit does not pay a statement per op for it.
Result<void> Store::Impl::add_to_outbox(const std::vector<std::int64_t>& seqs) {
    if (seqs.empty()) return {};
    bool run = true;
    for (std::size_t i = 1; i < seqs.size() && run; ++i) run = seqs[i] == seqs[i - 1] + 1;
    if (run && seqs.size() > 1) {
        ins_outbox_run.bind(1, seqs.front()).bind(2, seqs.back());
        return ins_outbox_run.run();
    }
    for (std::int64_t seq : seqs) {
        ins_outbox.bind(1, seq);
        if (auto r = ins_outbox.run(); !r) return r;
    }
    return {};
}

Result<std::string> Writer::set(const std::string& type, const std::string& id_in, const std::string& field,
                                const std::string& value, const ScopeId* scope) {
    if (m_store.m_failed) return Error::Failed;
    if (!valid_name(type)) return {Error::InvalidArgument, "invalid record type '" + type + "' (use a-z, 0-9, _)"};
    if (type == kAuditRecordType) return {Error::InvalidArgument, "record type '" + type + "' is reserved for the audit log"};
    if (!valid_name(field)) return {Error::InvalidArgument, "invalid field name '" + field + "' (use a-z, 0-9, _)"};
    if (!id_in.empty() && !valid_id(id_in)) return {Error::InvalidArgument, "invalid record id"};
    if (!valid_utf8(value)) return {Error::InvalidArgument, "value of '" + field + "' is not valid UTF-8"};
    if (value.size() > kMaxValueLength) return {Error::InvalidArgument, "value of '" + field + "' is too long"};
    const std::string id = id_in.empty() ? random_record_id() : id_in;

    Store::Impl& I = *m_store.m_impl;
    const Record* existing = nullptr;
    if (auto r = m_store.existing_for_write(id, scope, existing); !r) return r.failure();
    const auto last_it = m_last.find(id);
    const std::size_t last = last_it == m_last.end() ? kNoOp : last_it->second;
    const PendingOp* earlier = last == kNoOp ? nullptr : &m_ops[last];  // the latest op on this record in this writer
    const std::string& known_type = existing && !existing->type.empty() ? existing->type : earlier ? earlier->payload.type : type;
    if (known_type != type) return {Error::InvalidArgument, "record " + id + " is of type " + known_type};
    ScopeId sc = existing ? existing->scope : earlier ? earlier->scope : scope ? *scope : I.default_scope;
    if (scope && *scope != sc) return {Error::InvalidArgument, "record " + id + " belongs to another scope"};
    if (!I.current_epoch.count(sc)) return {Error::InvalidArgument, "no key for that scope on this device"};

    // Parents: the heads this writer sees of this field, and any tombstone (editing keeps the record).
    std::vector<OpId> parents;
    bool field_pending = false, delete_pending = false;
    for (std::size_t i = last; i != kNoOp; i = m_prev[i]) {  // this record's ops, latest first
        const PendingOp* it = &m_ops[i];
        if (it->payload.kind == OpKind::Delete) {
            add_unique(parents, it->op);
            delete_pending = true;
            break;
        }
        if (!field_pending && it->payload.field == field) {
            add_unique(parents, it->op);
            field_pending = true;
        }
    }
    if (existing) {
        if (!field_pending && !delete_pending)
            if (auto f = existing->fields.find(field); f != existing->fields.end())
                for (const auto& h : f->second.heads) add_unique(parents, h.op);
        if (!delete_pending)
            for (const auto& d : existing->deletes) add_unique(parents, d.op);
    }
    if (parents.size() > kMaxParents) return too_many_parents(id);
    PendingOp p;
    p.payload = OpPayload{OpKind::Set, type, id, field, std::move(parents), value};
    p.scope = sc;
    p.op = next_op_id();
    push(std::move(p));
    return id;
}

Result<void> Store::existing_for_write(const std::string& id, const ScopeId* scope, const Record*& existing) const {
    existing = nullptr;
    auto it = m_impl->records.find(id);
    if (it == m_impl->records.end()) return {};
    if (auto r = readable(); !r) return r;  // offline lease expired (docs/retention.md)
    const Impl::Slot& slot = it->second;
    if (scope) {
        existing = slot.in(*scope);
        // Never a twin of our own making (invariant 8): an id another scope holds stays its.
        if (!existing) return {Error::InvalidArgument, "record " + id + " belongs to another scope"};
        return {};
    }
    if (slot.twins) return {Error::InvalidArgument, "record id " + id + " is in several scopes: name the scope"};
    existing = &slot.rec;
    return {};
}

OpId Writer::next_op_id() {
    if (m_random_used == m_random.size()) {
        crypto::random_bytes(m_random);
        m_random_used = 0;
    }
    OpId id;
    std::copy_n(m_random.begin() + std::ptrdiff_t(m_random_used), id.size(), id.begin());
    m_random_used += id.size();
    return id;
}

void Writer::push(PendingOp p) {
    auto [it, fresh] = m_last.try_emplace(p.payload.record_id, kNoOp);
    m_prev.push_back(it->second);
    it->second = m_ops.size();
    m_ops.push_back(std::move(p));
}

Result<void> Writer::remove(const std::string& id, const ScopeId* scope) {
    if (m_store.m_failed) return Error::Failed;
    const Record* existing = nullptr;
    if (auto r = m_store.existing_for_write(id, scope, existing); !r) return r;
    std::vector<OpId> parents;
    const PendingOp* earlier = nullptr;  // the latest op on this record in this writer
    if (auto last = m_last.find(id); last != m_last.end()) {
        earlier = &m_ops[last->second];
        if (scope && earlier->scope != *scope) return {Error::InvalidArgument, "record " + id + " belongs to another scope"};
        std::vector<std::size_t> chain;  // this record's ops, latest first
        for (std::size_t i = last->second; i != kNoOp; i = m_prev[i]) chain.push_back(i);
        for (auto i = chain.rbegin(); i != chain.rend(); ++i) add_unique(parents, m_ops[*i].op);
    }
    if ((!existing || existing->deleted()) && !earlier) return {Error::NotFound, "no record " + id};
    if (existing)
        for (const auto& h : existing->all_heads()) {
            add_unique(parents, h);
            if (parents.size() > kMaxParents) return too_many_parents(id);
        }
    PendingOp p;
    p.payload = OpPayload{OpKind::Delete, existing ? existing->type : earlier->payload.type, id, {}, std::move(parents), {}};
    p.scope = existing ? existing->scope : earlier->scope;
    p.op = next_op_id();
    push(std::move(p));
    return {};
}

Result<void> Writer::resolve(const std::string& id, const std::string& field, const std::string& value,
                             const ScopeId* scope) {
    const Record* existing = nullptr;
    if (auto r = m_store.existing_for_write(id, scope, existing); !r) return r;
    if (!existing || !existing->fields.count(field)) return {Error::NotFound, "no field " + field + " on record " + id};
    auto r = set(existing->type, id, field, value, &existing->scope);
    if (!r) return r.failure();
    m_ops.back().payload.kind = OpKind::Resolve;
    return {};
}

Result<void> Writer::commit() {
    if (m_store.m_failed) return Error::Failed;
    if (m_ops.empty()) return {};
    Store::Impl& I = *m_store.m_impl;
    const std::size_t n = m_ops.size();

    // Clocks and sequence numbers are taken here, in op order, on this thread.
    std::vector<std::uint64_t> hlcs(n);
    for (auto& h : hlcs) h = I.hlc.now();
    const std::uint64_t first_seq = I.device_seq;

    // Sealing (encode, XChaCha20-Poly1305, BLAKE2b of the envelope, keyed index of the id) runs in
    // chunks on every core, while this thread inserts the chunks already sealed, in op order
    // (sync/store/pipeline.h). Nonces are drawn from the OS once per chunk, not once per op.
    struct Sealed {
        Bytes env;
        crypto::Id16 rk;
    };
    std::vector<Sealed> sealed(n);
    std::vector<crypto::Hash32> hashes(n);
    struct Chunk {
        std::size_t begin = 0, end = 0;
    };
    constexpr std::size_t kChunk = 64;
    std::vector<Chunk> slots(std::min<std::size_t>((n + kChunk - 1) / kChunk, 16));
    const unsigned helpers = n >= 2 * kChunk ? pipeline_helpers() : 0;

    // Audit (docs/audit.md): this commit's `change` entry, written in the same transaction; its
    // ops take the device sequence numbers after this commit's. Naming every record it touched
    // (canonical JSON, hashed into the chain) is staged on a thread of its own while the ops are
    // sealed and written: it reads only this writer's ops, the chain's head and the keys, and
    // takes clock readings after the ops' (read above).
    StagedAudit audit = begin_audit(I, first_seq + n);
    Result<void> staged;
    auto stage = [&] { staged = stage_change(I, audit, m_ops, m_prev, kNoOp, m_legal_basis); };
    std::jthread stager;
    if (helpers) stager = start_or_run(stage);
    else stage();
    const DeviceId author = I.device->id();
    std::size_t next = 0;
    auto produce = [&](Chunk& c) {
        if (next == n) return false;
        c.begin = next;
        c.end = next = std::min(n, next + kChunk);
        return true;
    };
    auto seal = [&](Chunk& c) {
        constexpr std::size_t kNonce = 24;
        std::array<std::uint8_t, kChunk * kNonce> nonces;
        crypto::random_bytes(std::span(nonces.data(), (c.end - c.begin) * kNonce));
        Bytes payload;
        for (std::size_t i = c.begin; i < c.end; ++i) {
            const PendingOp& p = m_ops[i];
            crypto::EnvelopeHeader h;
            h.scope = p.scope;
            h.epoch = I.current_epoch.at(p.scope);
            h.op = p.op;
            h.hlc = hlcs[i];
            h.author = author;
            h.seq = first_seq + i + 1;
            payload.clear();
            encode_op(p.payload, payload);
            sealed[i].env = crypto::seal_envelope_with_nonce(h, *I.scope_key(h.scope, h.epoch), payload, nullptr,
                                                             ByteView(nonces.data() + (i - c.begin) * kNonce, kNonce));
            hashes[i] = crypto::hash(sealed[i].env);
            sealed[i].rk = I.rk(p.payload.record_id);
        }
    };

    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        // The commit row is written last (it is signed over every hash), under the number its ops
        // name; the write lock taken by BEGIN IMMEDIATE keeps that number ours.
        auto top = I.db.prepare("SELECT coalesce(max(seq), 0) + 1 FROM commits");
        if (!top) return top.failure();
        auto row = top->step();
        if (!row) return row.failure();
        if (!*row) return {Error::Io, "cannot number the commit"};
        const std::int64_t commit_seq = top->int64(0);
        // A commit lists at most `per` envelopes (crypto::kMaxCommitEntries; make_commit aborts
        // past it): op i is under commit commit_seq + i / per, all of them in this transaction.
        const std::size_t per = std::clamp<std::size_t>(I.options.max_commit_entries, 1, crypto::kMaxCommitEntries);
        Result<void> failed;
        std::vector<std::int64_t> rows(n);  // the op-log seq of each op
        auto insert = [&](Chunk& c) {
            for (std::size_t i = c.begin; i < c.end; ++i) {
                Sealed& s = sealed[i];
                I.ins_op.bind(1, m_ops[i].op).bind(2, s.rk).bind(3, commit_seq + std::int64_t(i / per)).bind(4, s.env);
                failed = I.ins_op.run();
                if (!failed) return false;
                rows[i] = I.db.last_insert_rowid();
                Bytes().swap(s.env);  // written; its hash is kept for the commit
            }
            return true;
        };
        if (!run_pipeline(slots, helpers, produce, seal, insert)) return failed;
        // The signatures over every hash are made on another thread while the outbox rows go in.
        std::vector<Bytes> commits;
        auto sign = [&] {
            for (std::size_t at = 0; at < n; at += per)
                commits.push_back(crypto::make_commit(*I.device, std::vector<crypto::Hash32>(hashes.begin() + std::ptrdiff_t(at),
                                                                                             hashes.begin() + std::ptrdiff_t(std::min(n, at + per))))
                                      .serialize());
        };
        std::jthread signer;
        if (helpers) signer = start_or_run(sign);
        else sign();
        if (auto r = I.add_to_outbox(rows); !r) return r;
        if (signer.joinable()) signer.join();
        if (stager.joinable()) stager.join();
        if (!staged) return staged;
        for (std::size_t k = 0; k < commits.size(); ++k) {
            I.ins_commit_at.bind(1, commit_seq + std::int64_t(k)).bind(2, commits[k]);
            if (auto r = I.ins_commit_at.run(); !r) return r;
        }
        if (auto r = write_audit(I, audit); !r) return r;
        if (auto r = I.put_meta("hlc", u64_blob(I.hlc.last())); !r) return r;
        if (auto r = I.put_meta("device_seq", u64_blob(audit.device_seq)); !r) return r;
        return txn->commit();
    };
    if (auto r = write(); !r) {
        m_store.fail(r.error());  // rolled back; memory untouched; reopen to continue
        return r;
    }
    I.device_seq = audit.device_seq;
    finish_audit(I, audit);
    I.reserve_records(n);
    for (std::size_t i = 0; i < n; ++i) {
        PendingOp& p = m_ops[i];
        I.apply(OpMeta{p.op, hlcs[i], author, p.scope}, std::move(p.payload));
    }
    m_ops.clear();
    m_last.clear();
    m_prev.clear();
    return {};
}

}  // namespace quartier::sync
