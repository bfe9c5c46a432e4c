// The store's audit writer (docs/audit.md).
//
// Job: this device's audit chain inside the store. Entries are staged against the chain's head
// (begin_audit, stage_audit, stage_change), sealed as ops of this device's audit scope once it
// has one, and written in the caller's transaction (write_audit): a Writer commit's, or one of
// their own (commit_audit). Their ops get a signed commit of their own, never a share of a commit
// of case data: a purge of a case scope, or a device that pulls only one of the two scopes, must
// not find a commit that lists envelopes it does not hold. open_audit() records every unlock (and
// the wrong passphrases before it); audit_chains() reads back and checks every chain held.
//
// States: the chain not open (before open_audit; audit() is Failed) -> open, local only (no audit
// scope) -> published (ensure_audit_scope(): every entry so far sealed into the scope, later ones
// as they are made). Memory (head, published count, device sequence) moves only after the
// transaction committed (finish_audit).
//
// Invariants (numbered in sync/store/store.h): an entry is written in the same transaction as what it
// records and the chain is never rewritten (Store invariant 6; debug_rewrite_audit_entry exists
// only so tests can show the chain catches it); an entry that cannot be written fails the call and
// the store (Store invariants 2 and 7); audit ops are no records (never folded, Store invariant 1).

#include "sync/store/store_impl.h"

#include "sync/protocol/wire.h"

#include <algorithm>
#include <functional>

namespace quartier::sync {


namespace store_internal {

StagedAudit begin_audit(const Store::Impl& I, std::uint64_t device_seq) {
    StagedAudit s;
    s.head = I.audit.head();
    s.device_seq = device_seq;
    s.scope = I.audit.scope;
    s.published = I.audit.published;
    return s;
}

// Seals one entry as the op that carries it to the office: record "<device>:<seq>" of type
// audit_entry, field "entry" = base64 of the canonical bytes, no parents (written once).
void seal_audit_op(Store::Impl& I, StagedAudit& s, const AuditEntry& e) {
    if (!s.scope) return;
    const std::uint32_t epoch = I.current_epoch.count(*s.scope) ? I.current_epoch.at(*s.scope) : 0;
    const SymmetricKey* key = epoch ? I.scope_key(*s.scope, epoch) : nullptr;
    if (!key) return;  // the key is gone (never expected): the entry stays local, a gap shows at the office
    const OpPayload p{OpKind::Set, kAuditRecordType, e.record_id(), kAuditField, {}, wire::b64(e.canonical())};
    crypto::EnvelopeHeader h;
    h.scope = *s.scope;
    h.epoch = epoch;
    h.op = crypto::random_id();
    h.hlc = I.hlc.now();
    h.author = I.device->id();
    h.seq = ++s.device_seq;
    s.ops.push_back({crypto::seal_envelope(h, *key, encode_op(p), nullptr), I.rk(p.record_id), h.op});
    s.published = std::max(s.published, e.seq);
}

std::string default_actor(const Store::Impl& I) {
    if (!I.audit.actor.empty()) return I.audit.actor;
    const DeviceInfo* self = I.directory.device(I.device->id());
    return self ? self->role : "device";
}

// Stages one event. Objects beyond kMaxAuditObjectBytes are spread over several entries
// ("part i of n"), so one entry stays far below an op's value limit.
Result<void> stage_audit(Store::Impl& I, StagedAudit& s, AuditAction action, const std::vector<std::string>& objects,
                         const std::string& legal_basis, const std::string& detail) {
    std::vector<std::vector<std::string>> parts(1);
    std::size_t bytes = 0;
    for (const auto& o : objects) {
        if (bytes + o.size() > kMaxAuditObjectBytes && !parts.back().empty()) {
            parts.emplace_back();
            bytes = 0;
        }
        parts.back().push_back(o);
        bytes += o.size();
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        AuditEntry e;
        e.seq = s.head.seq + 1;
        e.prev = s.head.hash;
        e.device = I.device->id();
        e.time_ms = I.options.clock();
        e.server_time_ms = I.audit.server_time_ms;
        e.actor = default_actor(I);
        e.action = action;
        e.objects = std::move(parts[i]);
        e.legal_basis = legal_basis;
        e.detail = parts.size() == 1 ? detail
                                     : detail + (detail.empty() ? "" : " ") + "(part " + std::to_string(i + 1) + " of " +
                                           std::to_string(parts.size()) + ")";
        if (auto r = check_audit_fields(e.actor, e.objects, e.legal_basis, e.detail); !r) return r;
        s.head = {e.seq, e.hash()};
        seal_audit_op(I, s, e);
        s.entries.push_back(std::move(e));
    }
    return {};
}

// The `change` entry of a Writer commit: the records it touched, first touch first, and how.
// prev[i] is the index of the writer's previous op on the record of op i, `none` if op i is the
// first touch (Writer::m_prev).
Result<void> stage_change(Store::Impl& I, StagedAudit& s, const std::vector<Writer::PendingOp>& ops,
                          const std::vector<std::size_t>& prev, std::size_t none, const std::string& legal_basis) {
    std::vector<std::string> ids;
    std::size_t sets = 0, deletes = 0, resolves = 0;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const OpPayload& p = ops[i].payload;
        if (prev[i] == none) ids.push_back(p.record_id);
        (p.kind == OpKind::Delete ? deletes : p.kind == OpKind::Resolve ? resolves : sets)++;
    }
    std::string detail = std::to_string(ops.size()) + (ops.size() == 1 ? " op:" : " ops:");
    for (auto [n, what] : {std::pair{sets, "set"}, std::pair{deletes, "delete"}, std::pair{resolves, "resolve"}})
        if (n) detail += " " + std::to_string(n) + " " + what;
    return stage_audit(I, s, AuditAction::Change, ids, legal_basis, detail);
}

// Writes what was staged, inside the caller's transaction: the entries' rows and head, and their
// ops with a commit of their own. The caller writes the HLC and device sequence rows.
Result<void> write_audit(Store::Impl& I, const StagedAudit& s) {
    if (!s.ops.empty()) {
        std::vector<crypto::Hash32> hashes;
        for (const auto& op : s.ops) hashes.push_back(crypto::hash(op.env));
        const Bytes commit = crypto::make_commit(*I.device, std::move(hashes)).serialize();
        I.ins_commit.bind(1, commit);
        if (auto r = I.ins_commit.run(); !r) return r;
        const std::int64_t commit_seq = I.db.last_insert_rowid();
        auto mark = I.db.prepare("INSERT INTO audit_ops(op_seq) VALUES(?1)");
        if (!mark) return mark.failure();
        for (const auto& op : s.ops) {
            I.ins_op.bind(1, op.op).bind(2, op.rk).bind(3, commit_seq).bind(4, op.env);
            if (auto r = I.ins_op.run(); !r) return r;
            const std::int64_t op_seq = I.db.last_insert_rowid();
            I.ins_outbox.bind(1, op_seq);
            if (auto r = I.ins_outbox.run(); !r) return r;
            mark->bind(1, op_seq);
            if (auto r = mark->run(); !r) return r;
        }
    }
    for (const auto& e : s.entries)
        if (auto r = I.audit.write(I.db, e); !r) return r;
    return AuditLog::save_state(I.db, s.scope, s.published, I.audit.server_time_ms);
}

Result<void> write_counters(Store::Impl& I, std::uint64_t device_seq) {
    if (auto r = I.put_meta("hlc", u64_blob(I.hlc.last())); !r) return r;
    return I.put_meta("device_seq", u64_blob(device_seq));
}

void finish_audit(Store::Impl& I, const StagedAudit& s) {
    if (!s.entries.empty()) I.audit.advance(s.entries.back());
    I.audit.scope = s.scope;
    I.audit.published = s.published;
    I.device_seq = s.device_seq;
}

// A staged audit on its own: one transaction.
Result<void> commit_audit(Store::Impl& I, const StagedAudit& s, const std::function<Result<void>()>& also = {}) {
    auto txn = Transaction::begin(I.db);
    if (!txn) return txn.failure();
    if (auto r = write_audit(I, s); !r) return r;
    if (!s.ops.empty())
        if (auto r = write_counters(I, s.device_seq); !r) return r;
    if (also)
        if (auto r = also(); !r) return r;
    if (auto r = txn->commit(); !r) return r;
    finish_audit(I, s);
    return {};
}

// At create() and open(): loads the chain and records the unlock, with the wrong passphrases
// counted since the last one (the counter is cleared in the same transaction).
Result<void> open_audit(Store::Impl& I, bool created, std::vector<Problem>& problems) {
    if (auto r = I.db.exec(AuditLog::kSchemaSql); !r) return r;
    std::string problem;
    if (auto r = I.audit.load(I.db, I.master->derive(4, "qauditky"), I.device->id(), problem); !r) return r;
    I.audit.actor = I.options.actor;
    if (!problem.empty()) problems.push_back({0, {}, {}, problem});
    auto failed = AuditLog::failed_unlocks(I.db);
    if (!failed) return failed.failure();
    StagedAudit s = begin_audit(I, I.device_seq);
    if (failed->count > 0)
        if (auto r = stage_audit(I, s, AuditAction::UnlockFailed, {}, {},
                                 std::to_string(failed->count) + " wrong passphrase" + (failed->count == 1 ? "" : "s") +
                                     " since the last unlock, the last at " + std::to_string(failed->last_ms) + " ms");
            !r)
            return r;
    if (auto r = stage_audit(I, s, created ? AuditAction::Create : AuditAction::Unlock, {}, {}, problem); !r) return r;
    return commit_audit(I, s, [&]() -> Result<void> {
        if (failed->count == 0) return {};
        return AuditLog::clear_failed_unlocks(I.db);
    });
}

// Every audit op this store holds, opened: author, op record id, entry (or why not).
struct AuditOp {
    DeviceId author{};
    std::string record_id;
    std::optional<AuditEntry> entry;
    std::string error;
};

Result<std::vector<AuditOp>> read_audit_ops(Store::Impl& I) {
    std::vector<AuditOp> out;
    Bytes plain;
    auto r = I.rows("SELECT ops.env FROM audit_ops JOIN ops ON ops.seq = audit_ops.op_seq ORDER BY ops.seq",
                    [&](Statement& st) -> Result<void> {
                        auto env = crypto::parse_envelope(st.blob(0));
                        if (!env) return {};  // Store::verify reports damaged rows; no author to file it under
                        AuditOp a;
                        a.author = env->header.author;
                        const SymmetricKey* key = I.scope_key(env->header.scope, env->header.epoch);
                        plain.clear();
                        std::optional<OpPayload> op;
                        if (key && crypto::decrypt_envelope(*env, *key, plain)) op = decode_op(plain);
                        if (!op) {
                            a.error = "an audit op does not open";
                        } else {
                            a.record_id = op->record_id;
                            auto bytes = wire::unb64(op->value);
                            auto e = bytes ? AuditEntry::parse(*bytes) : Result<AuditEntry>(Error::Corrupt, "not base64");
                            if (e) a.entry = std::move(*e);
                            else a.error = "audit op " + op->record_id + ": " + e.detail();
                        }
                        out.push_back(std::move(a));
                        return {};
                    });
    if (!r) return r.failure();
    return out;
}

void keep_earliest(std::optional<AuditBreak>& acc, std::optional<AuditBreak> b) {
    if (b && (!acc || b->seq < acc->seq)) acc = std::move(b);
}

// The seq a record id "<device hex>:<seq>" names (0 if it names none).
std::uint64_t seq_of(const std::string& record_id) {
    const auto colon = record_id.find(':');
    if (colon == std::string::npos) return 0;
    std::uint64_t v = 0;
    for (char c : record_id.substr(colon + 1)) {
        if (c < '0' || c > '9' || v > UINT64_MAX / 10) return 0;
        v = v * 10 + std::uint64_t(c - '0');
    }
    return v;
}

}  // namespace store_internal

Result<void> Store::audit(AuditAction action, std::vector<std::string> objects, std::string legal_basis, std::string detail) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (!I.audit.ready()) return {Error::Failed, "the audit log is not open"};
    StagedAudit s = begin_audit(I, I.device_seq);
    if (auto r = stage_audit(I, s, action, objects, legal_basis, detail); !r) return r;
    if (auto r = commit_audit(I, s); !r) {
        fail(r.error());  // rolled back; nothing in memory moved
        return r;
    }
    return {};
}

Result<void> Store::record_open(const std::string& id, std::string legal_basis, std::string detail) {
    return audit(AuditAction::Open, {id}, std::move(legal_basis), std::move(detail));
}

std::optional<ScopeId> Store::audit_scope() const { return m_impl->audit.scope; }

Result<ScopeId> Store::ensure_audit_scope() {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (I.audit.scope) return *I.audit.scope;
    if (!I.audit.ready()) return {Error::Failed, "the audit log is not open"};
    auto rows = I.audit.read(I.db);
    if (!rows) return rows.failure();
    const ScopeId id = crypto::random_id();
    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        if (auto r = I.add_scope_key(id, 1, SymmetricKey::generate()); !r) return r;
        StagedAudit s = begin_audit(I, I.device_seq);
        s.scope = id;
        for (const auto& row : *rows)
            if (row.entry) seal_audit_op(I, s, *row.entry);  // an entry that does not open leaves a visible gap
        s.published = I.audit.head().seq;
        if (auto r = write_audit(I, s); !r) return r;
        if (!s.ops.empty())
            if (auto r = write_counters(I, s.device_seq); !r) return r;
        if (auto r = txn->commit(); !r) return r;
        finish_audit(I, s);
        return {};
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r.failure();
    }
    return id;
}

Result<void> Store::note_server_time(std::uint64_t ms) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (ms == I.audit.server_time_ms) return {};
    // One row, without waiting for the disk (after every push; it was three FULL commits): a
    // power loss can only bring back an earlier server time, which later entries then carry, and
    // they were made after that moment too. The next FULL commit makes it durable.
    RelaxedSync relaxed(I.db);
    if (auto r = AuditLog::save_server_time(I.db, ms); !r) {
        fail(r.error());
        return r;
    }
    I.audit.server_time_ms = ms;
    return {};
}

Result<std::vector<AuditChain>> Store::audit_chains() const {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    const DeviceId me = I.device->id();

    // What sync holds, per author: each seq's versions (distinct bytes), and the first misfiling.
    struct Copy {
        std::map<std::uint64_t, std::vector<AuditEntry>> by_seq;
        std::optional<AuditBreak> broken;
    };
    std::map<DeviceId, Copy> held;
    auto ops = read_audit_ops(I);
    if (!ops) return ops.failure();
    for (auto& a : *ops) {
        if (!a.entry) {
            keep_earliest(held[a.author].broken, AuditBreak{AuditBreakKind::Unreadable, seq_of(a.record_id), a.error});
            continue;
        }
        const AuditEntry& e = *a.entry;
        Copy& c = held[e.device];  // a misfiled entry breaks the chain it claims to belong to
        if (e.device != a.author || e.record_id() != a.record_id) {
            keep_earliest(c.broken, AuditBreak{AuditBreakKind::Foreign, e.seq,
                                               "entry " + std::to_string(e.seq) + " of device " + crypto::to_hex(e.device) +
                                                   " was written by device " + crypto::to_hex(a.author) + " under id " + a.record_id});
            continue;
        }
        auto& versions = c.by_seq[e.seq];
        const Bytes bytes = e.canonical();
        if (std::none_of(versions.begin(), versions.end(), [&](const AuditEntry& v) { return v.canonical() == bytes; }))
            versions.push_back(e);
    }
    auto rewritten = [](const Copy& c) -> std::optional<AuditBreak> {
        for (const auto& [seq, versions] : c.by_seq)
            if (versions.size() > 1)
                return AuditBreak{AuditBreakKind::Rewritten, seq,
                                  "entry " + std::to_string(seq) + " exists in " + std::to_string(versions.size()) +
                                      " different versions (it was rewritten after it was published)"};
        return std::nullopt;
    };

    std::vector<AuditChain> out;
    // This device: its sealed table, against its sealed head and the copy it published.
    AuditChain local;
    local.device = me;
    local.local = true;
    auto rows = I.audit.read(I.db);
    if (!rows) return rows.failure();
    for (auto& row : *rows) {
        if (row.entry) local.entries.push_back(std::move(*row.entry));
        else keep_earliest(local.broken, AuditBreak{AuditBreakKind::Unreadable, row.seq,
                                                    "entry " + std::to_string(row.seq) + " does not open (altered on disk)"});
    }
    auto head = I.audit.stored_head(I.db);
    if (!head) return head.failure();
    std::optional<AuditHead> expect = *head;
    if (auto it = held.find(me); it != held.end()) {
        Copy& mine = it->second;
        keep_earliest(local.broken, mine.broken);
        keep_earliest(local.broken, rewritten(mine));
        std::map<std::uint64_t, const AuditEntry*> by_seq;
        for (const auto& e : local.entries) by_seq.emplace(e.seq, &e);
        for (const auto& [seq, versions] : mine.by_seq) {
            auto l = by_seq.find(seq);
            if (l == by_seq.end() || l->second->canonical() != versions.front().canonical())
                keep_earliest(local.broken,
                              AuditBreak{l == by_seq.end() ? AuditBreakKind::Missing : AuditBreakKind::Rewritten, seq,
                                         "entry " + std::to_string(seq) +
                                             (l == by_seq.end() ? " was published but is gone from this device"
                                                                : " differs from the copy already published")});
        }
        // The published copy is a head too: a cut-off end shows against it.
        if (!mine.by_seq.empty() && (!expect || mine.by_seq.rbegin()->first > expect->seq))
            expect = AuditHead{mine.by_seq.rbegin()->first, mine.by_seq.rbegin()->second.front().hash()};
        held.erase(it);
    }
    keep_earliest(local.broken, verify_chain(local.entries, me, expect));
    out.push_back(std::move(local));

    // Every other device's chain as received (a DPO's store): by seq, each seq's first version.
    for (auto& [dev, c] : held) {
        AuditChain chain;
        chain.device = dev;
        for (auto& [seq, versions] : c.by_seq) chain.entries.push_back(versions.front());
        chain.broken = c.broken;
        keep_earliest(chain.broken, rewritten(c));
        keep_earliest(chain.broken, verify_chain(chain.entries, dev));
        out.push_back(std::move(chain));
    }
    return out;
}

Result<void> Store::debug_rewrite_audit_entry(std::uint64_t seq, const std::function<void(AuditEntry&)>& change) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    auto rows = I.audit.read(I.db);
    if (!rows) return rows.failure();
    auto row = std::find_if(rows->begin(), rows->end(), [&](const AuditLog::Row& r) { return r.seq == seq && r.entry; });
    if (row == rows->end()) return {Error::InvalidArgument, "no readable audit entry " + std::to_string(seq)};
    AuditEntry e = *row->entry;
    change(e);
    if (auto r = I.audit.debug_overwrite(I.db, e); !r) return r;
    if (!I.audit.scope || seq > I.audit.published) return {};
    // Published: re-seal its op where it still waits in the outbox; once pushed, the only way
    // left is a second op under the same id.
    auto st = I.db.prepare(
        "SELECT ops.seq, ops.env, outbox.op_seq IS NOT NULL FROM audit_ops JOIN ops ON ops.seq = audit_ops.op_seq "
        "LEFT JOIN outbox ON outbox.op_seq = ops.seq ORDER BY ops.seq");
    if (!st) return st.failure();
    Bytes plain;
    for (;;) {
        auto r = st->step();
        if (!r) return r.failure();
        if (!*r) break;
        auto env = crypto::parse_envelope(st->blob(1));
        if (!env || env->header.author != I.device->id()) continue;
        const SymmetricKey* key = I.scope_key(env->header.scope, env->header.epoch);
        plain.clear();
        if (!key || !crypto::decrypt_envelope(*env, *key, plain)) continue;
        auto op = decode_op(plain);
        if (!op || op->record_id != e.record_id()) continue;
        if (st->int64(2) == 0) break;  // pushed already
        op->value = wire::b64(e.canonical());
        const Bytes sealed = crypto::seal_envelope(env->header, *key, encode_op(*op), nullptr);
        const std::int64_t op_seq = st->int64(0);
        st->reset();
        auto upd = I.db.prepare("UPDATE ops SET env = ?2 WHERE seq = ?1");
        if (!upd) return upd.failure();
        upd->bind(1, op_seq).bind(2, sealed);
        return upd->run();
    }
    st->reset();
    StagedAudit s = begin_audit(I, I.device_seq);
    seal_audit_op(I, s, e);
    s.published = I.audit.published;
    return commit_audit(I, s);
}

}  // namespace quartier::sync
