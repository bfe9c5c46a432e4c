// The organisation's directory as this store holds it (docs/protocol.md; docs/threat-model.md,
// "Removed members"; docs/store.md, "The database").
//
// Job: extend_directory() verifies and stores new signed entries (they must extend our copy, and
// belong to the pinned organisation: set_pin()), and the openings of entries held before; a
// removal among them (unassign, provider withdrawal, revocation) makes drop_refused_ops() take the
// ops the directory now refuses out of the op log and fold the state again.
// highest_device_seq() gives the floor of a removal's `last_seq`.
//
// States: no directory (a store not enrolled) -> founded (genesis, pinned org and admin key) ->
// grown entry by entry; entries are never removed, only appended or revealed.
//
// Invariants (numbered in sync/store/store.h): an op of another device counts only if the directory
// lets it; refused ops leave the log, their hashes kept in `purged` and reported in problems(),
// and the state is folded again from what stays (Store invariants 9 and 1); each change is one
// transaction, memory after it (Store invariant 2).

#include "sync/store/store_impl.h"

#include <nlohmann/json.hpp>

namespace quartier::sync {


const Directory& Store::directory() const { return m_impl->directory; }

Result<std::uint64_t> Store::highest_device_seq(const DeviceId& device) const {
    if (m_failed) return Error::Failed;
    // The clear header of an envelope (crypto/envelope.h): author at bytes 49..64, its device seq
    // big-endian at 65..72, so the largest 8-byte blob is the largest number (SQLite's substr is 1-based).
    auto st = m_impl->db.prepare("SELECT max(substr(env, 66, 8)) FROM ops WHERE substr(env, 50, 16) = ?1");
    if (!st) return st.failure();
    st->bind(1, ByteView(device));
    auto row = st->step();
    if (!row) return row.failure();
    if (!*row || st->is_null(0) || st->blob(0).size() != 8) return std::uint64_t(0);
    std::uint64_t n = 0;
    for (std::uint8_t b : st->blob(0)) n = (n << 8) | b;
    return n;
}

Result<void> Store::extend_directory(const std::vector<SignedEntry>& entries, const std::vector<SignedEntry>& revealed) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    Directory next = I.directory;
    if (auto r = next.append_all(entries); !r) return {Error::Integrity, "directory entry rejected: " + r.detail()};
    std::vector<std::uint64_t> opened;  // entries before ours whose annex grew: rewritten below
    for (const auto& e : revealed) {
        auto r = next.reveal(e);
        if (!r) return {Error::Integrity, "revealed directory annex rejected: " + r.detail()};
        if (*r) opened.push_back(**r);
    }
    const auto org = I.settings.find("pin_org"), adm = I.settings.find("pin_admin");
    if (org != I.settings.end() && (crypto::to_hex(next.org()) != org->second || adm == I.settings.end() ||
                                    crypto::to_hex(next.admin_key()) != adm->second))
        return {Error::Integrity, "the server's directory belongs to another organisation than the enrolment code"};
    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        auto st = I.db.prepare("INSERT INTO directory(seq, entry) VALUES(?1, ?2)");
        if (!st) return st.failure();
        const std::uint64_t first = I.directory.size();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const std::string j = entries[i].to_json();
            st->bind(1, std::int64_t(first + i)).bind(2, std::string_view(j));
            if (auto r = st->run(); !r) return r;
        }
        if (!opened.empty()) {
            auto up = I.db.prepare("UPDATE directory SET entry = ?2 WHERE seq = ?1");
            if (!up) return up.failure();
            for (const std::uint64_t seq : opened) {
                const std::string j = next.entries()[seq].to_json();
                up->bind(1, std::int64_t(seq)).bind(2, std::string_view(j));
                if (auto r = up->run(); !r) return r;
            }
        }
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r;
    }
    I.directory = std::move(next);
    // A removal (unassign, withdrawal, revocation) may refuse ops this store accepted before it
    // knew of it, e.g. from a server that handed the removed device's later ops over first.
    bool removal = !opened.empty();
    for (const auto& e : entries) {
        const auto j = nlohmann::json::parse(e.body.begin(), e.body.end(), nullptr, false);
        const std::string kind = j.is_object() ? j.value("kind", std::string()) : std::string();
        removal = removal || kind == "unassign" || kind == "provider" || kind == "revoke";
    }
    if (removal) return drop_refused_ops();
    return {};
}

// Invariant 9: the ops of the log that the directory now refuses (Directory::refuse_op) leave
// it, their hashes kept as removed on purpose (verify()), and the state is folded again from
// what stays. Headers are clear: nothing is decrypted to find them. This device's own ops are
// left to the push and the purge (SyncClient), which report them.
Result<void> Store::drop_refused_ops() {
    Impl& I = *m_impl;
    const DeviceId me = I.device->id();
    struct Refused {
        std::int64_t seq;
        crypto::Hash32 hash;
    };
    std::vector<Refused> refused;
    std::vector<Problem> why;
    if (auto r = I.rows("SELECT seq, env FROM ops", [&](Statement& st) -> Result<void> {
            auto env = crypto::parse_envelope(st.blob(1));
            if (!env || env->header.author == me) return {};
            const auto& h = env->header;
            if (auto no = I.directory.refuse_op(h.scope, h.epoch, h.author, h.seq, h.hlc)) {
                refused.push_back({st.int64(0), env->hash()});
                why.push_back({st.int64(0), {}, crypto::to_hex(h.op), "taken out of the log: " + *no});
            }
            return {};
        });
        !r)
        return r;
    if (refused.empty()) return {};
    auto write = [&]() -> Result<void> {
        auto txn = Transaction::begin(I.db);
        if (!txn) return txn.failure();
        auto del_op = I.db.prepare("DELETE FROM ops WHERE seq = ?1");
        auto del_audit = I.db.prepare("DELETE FROM audit_ops WHERE op_seq = ?1");
        auto ins_purged = I.db.prepare("INSERT OR IGNORE INTO purged(hash) VALUES(?1)");
        for (auto* st : {&del_op, &del_audit, &ins_purged})
            if (!*st) return st->failure();
        for (const Refused& x : refused) {
            for (auto* st : {&del_op, &del_audit}) {
                (*st)->bind(1, x.seq);
                if (auto r = (*st)->run(); !r) return r;
            }
            ins_purged->bind(1, x.hash);
            if (auto r = ins_purged->run(); !r) return r;
        }
        if (auto r = I.db.exec("DELETE FROM commits WHERE seq NOT IN (SELECT commit_seq FROM ops)"); !r) return r;
        // The snapshots may hold what the refused ops changed: the whole log is folded again.
        if (auto r = I.put_meta("snapshot_upto", u64_blob(0)); !r) return r;
        return txn->commit();
    };
    if (auto r = write(); !r) {
        fail(r.error());
        return r;
    }
    I.records.clear();
    ++I.generation;
    I.dirty.clear();
    I.snapshot_upto = 0;
    I.snapshots_stale = true;
    I.author_clock.reset();
    std::vector<Problem> problems;
    if (auto r = I.load_state(problems); !r) {
        fail(r.error());
        return r;
    }
    for (auto& p : why) m_problems.push_back(std::move(p));
    for (auto& p : problems) m_problems.push_back(std::move(p));
    return {};
}

Result<void> Store::set_pin(const crypto::Id16& org, const crypto::SignPublicKey& admin_key) {
    if (m_impl->directory.founded() && (m_impl->directory.org() != org || m_impl->directory.admin_key() != admin_key))
        return {Error::Integrity, "this store belongs to another organisation"};
    if (auto r = set_setting("pin_org", crypto::to_hex(org)); !r) return r;
    return set_setting("pin_admin", crypto::to_hex(admin_key));
}

}  // namespace quartier::sync
