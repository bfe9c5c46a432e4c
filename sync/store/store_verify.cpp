// The store's full check (docs/store.md, "Opening and the fold"; quartier-cli verify).
//
// Job: verify() re-runs what the fold skips: every commit's signature by a known device, every
// envelope against its commit (membership) and its AEAD, that each row's rk and op_id match what
// is inside its envelope, that every envelope a commit lists is held (or was purged on purpose,
// or is held for a retry), and SQLite's integrity_check. Reads only; writes nothing.
//
// States: none of its own; it reads the database as the last committed transaction left it.
//
// Invariants (numbered in sync/store/store.h) it checks: the op log is what its commits promise (Store
// invariant 1); rows carry keyed names only (Store invariant 3); purged and held envelopes are
// not missing ones (Store invariants 9 and 10); collisions are reported (Store invariant 8).

#include "sync/store/store_impl.h"

#include <algorithm>
#include <map>
#include <set>

namespace quartier::sync {


VerifyReport Store::verify() const {
    VerifyReport rep;
    Impl& I = *m_impl;
    // Runs `each` for every row of `sql`; a query that fails goes into the report.
    auto scan = [&](const char* sql, auto&& each) {
        if (auto r = I.db.each(sql, each); !r) rep.database.push_back(r.detail());
    };
    scan("PRAGMA integrity_check", [&](const Statement& st) {
        if (std::string t = st.text(0); t != "ok") rep.database.push_back(t);
    });

    // Commits: signature by a known member, then the set of hashes each one promises. A pulled
    // commit whose envelopes came in two pull pages is stored once per page (ingest); rows with
    // the same bytes are one commit, and its envelopes are counted together.
    std::map<std::int64_t, crypto::VerifiedCommit> commits;
    std::map<std::int64_t, std::vector<crypto::Hash32>> listed;
    std::map<crypto::Hash32, std::int64_t> first_row;  // hash of a commit's bytes -> its first row
    std::map<std::int64_t, std::int64_t> same_as;      // row -> the first row with the same bytes
    std::map<std::int64_t, crypto::Id16> commit_ids;
    scan("SELECT seq, body FROM commits ORDER BY seq", [&](const Statement& st) {
        ++rep.commits;
        const std::int64_t seq = st.int64(0);
        auto c = crypto::Commit::parse(st.blob(1));
        if (!c) {
            rep.problems.push_back({0, {}, {}, "commit " + std::to_string(seq) + ": " + std::string(crypto::to_string(c.error()))});
            return;
        }
        const crypto::SignPublicKey* pk = I.author_key(c->author);
        if (!pk) {
            rep.problems.push_back({0, {}, {}, "commit " + std::to_string(seq) + ": unknown author device"});
            return;
        }
        auto v = crypto::verify_commit(*c, *pk);
        if (!v) {
            rep.problems.push_back({0, {}, {}, "commit " + std::to_string(seq) + ": " + std::string(crypto::to_string(v.error()))});
            return;
        }
        const auto [first, fresh] = first_row.try_emplace(crypto::hash(st.blob(1)), seq);
        same_as[seq] = first->second;
        if (fresh) listed[seq] = c->hashes;
        commit_ids[seq] = c->id;
        commits.emplace(seq, std::move(*v));
    });

    std::map<std::int64_t, std::vector<crypto::Hash32>> present;
    std::map<crypto::Id16, std::string> names;  // rk -> record id, for naming problems
    scan("SELECT seq, op_id, rk, commit_seq, env FROM ops ORDER BY seq", [&](const Statement& st) {
        ++rep.envelopes;
        const std::int64_t seq = st.int64(0);
        ByteView env = st.blob(4);
        const std::int64_t cseq = st.int64(3);
        auto parsed = crypto::parse_envelope(env);
        auto it = commits.find(cseq);
        const crypto::VerifiedCommit* vc = it == commits.end() ? nullptr : &it->second;
        auto plain = crypto::open_envelope(env, I, vc);
        if (!plain) {
            rep.problems.push_back({seq, {}, parsed ? crypto::to_hex(parsed->header.op) : std::string(),
                                    std::string(crypto::to_string(plain.error()))});
            return;
        }
        const auto canonical = same_as.find(cseq);
        present[canonical == same_as.end() ? cseq : canonical->second].push_back(parsed->hash());
        auto op = decode_op(*plain);
        const auto expect_rk = op ? I.rk(op->record_id) : crypto::Id16{};
        ByteView rkcol = st.blob(2), opcol = st.blob(1);
        std::string problem;
        if (!op) problem = "op payload is malformed";
        else if (rkcol.size() != 16 || !std::equal(expect_rk.begin(), expect_rk.end(), rkcol.begin()))
            problem = "row index does not match the record inside the envelope";
        else if (opcol.size() != 16 || !std::equal(parsed->header.op.begin(), parsed->header.op.end(), opcol.begin()))
            problem = "row op id does not match the envelope";
        if (!problem.empty()) rep.problems.push_back({seq, op ? op->record_id : std::string(), crypto::to_hex(parsed->header.op), problem});
    });
    std::set<crypto::Hash32> purged;  // envelopes a cache purge removed on purpose
    (void)I.rows("SELECT hash FROM purged", [&](Statement& st) -> Result<void> {
        crypto::Hash32 h{};
        if (st.blob(0).size() == h.size()) std::copy(st.blob(0).begin(), st.blob(0).end(), h.begin());
        purged.insert(h);
        return {};
    });
    std::set<crypto::Id16> held_commits;  // commits with an envelope held for a retry (invariant 10)
    (void)I.rows("SELECT commit_id FROM held", [&](Statement& st) -> Result<void> {
        crypto::Id16 id{};
        if (st.blob(0).size() == id.size()) std::copy(st.blob(0).begin(), st.blob(0).end(), id.begin());
        held_commits.insert(id);
        return {};
    });
    // An envelope a commit lists counts as present when this store holds it under any commit:
    // the same envelope may be listed by two commits (a push repeated after a lost answer or a
    // server restored from a backup sends it again in a commit of another set), and the server
    // keeps, and later serves, the first it stored with the first commit (docs/reliability.md,
    // "Crash loops"). Only an envelope held nowhere is missing.
    std::vector<crypto::Hash32> anywhere;
    for (const auto& [cseq, hs] : present) anywhere.insert(anywhere.end(), hs.begin(), hs.end());
    std::sort(anywhere.begin(), anywhere.end());
    for (auto& [cseq, hashes] : listed) {
        auto& have = anywhere;
        const auto id = commit_ids.find(cseq);
        const bool held = id != commit_ids.end() && held_commits.count(id->second);
        for (const auto& h : hashes)
            if (!std::binary_search(have.begin(), have.end(), h) && !purged.count(h))
                rep.problems.push_back({0, {}, {}, "commit " + std::to_string(cseq) + " lists an envelope that is missing" +
                                                       (held ? std::string(": one that came for it failed verification and is held "
                                                                           "(quartier-cli status: held)")
                                                             : std::string())});
    }
    // Attribute problems to records where possible.
    if (!rep.problems.empty()) {
        std::vector<Problem> tmp = std::move(rep.problems);
        I.attribute(tmp);
        rep.problems = std::move(tmp);
    }
    for (Problem& p : collisions()) rep.problems.push_back(std::move(p));
    return rep;
}

}  // namespace quartier::sync
