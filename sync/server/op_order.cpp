#include "op_order.h"

#include "sync/core/hlc.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace quartier::sync::server {

namespace {
// Ops sorted by device seq with the highest HLC up to each (and the seq of the op that has it):
// "the latest any op numbered below n is dated" in one binary search.
struct PrefixMax {
    std::vector<std::uint64_t> seqs, max_hlc, max_seq;
    template <class It, class Seq, class Hlc>
    PrefixMax(It begin, It end, Seq seq, Hlc hlc) {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> v;
        for (It i = begin; i != end; ++i) v.emplace_back(seq(*i), hlc(*i));
        std::sort(v.begin(), v.end());
        for (const auto& [s, h] : v) {
            const bool higher = max_hlc.empty() || h > max_hlc.back();
            seqs.push_back(s);
            max_seq.push_back(higher ? s : max_seq.back());
            max_hlc.push_back(higher ? h : max_hlc.back());
        }
    }
    // The highest HLC of the ops numbered below `seq`, and that op's seq; {0, 0} if none.
    std::pair<std::uint64_t, std::uint64_t> below(std::uint64_t seq) const {
        const auto n = std::size_t(std::lower_bound(seqs.begin(), seqs.end(), seq) - seqs.begin());
        return n == 0 ? std::pair<std::uint64_t, std::uint64_t>{0, 0} : std::pair{max_hlc[n - 1], max_seq[n - 1]};
    }
};

// An HLC as "<ms since the epoch>+<counter>".
std::string when(std::uint64_t hlc) { return std::to_string(Hlc::physical_ms(hlc)) + "+" + std::to_string(hlc & 0xffff); }
}  // namespace

Result<std::vector<OpRefusal>> check_order(ServerStorage& storage, const DeviceId& author, const std::vector<PushGroup>& groups) {
    std::vector<const EnvelopeRecord*> pushed;
    for (const auto& g : groups)
        for (const auto& e : g.envelopes) pushed.push_back(&e);
    if (pushed.empty()) return std::vector<OpRefusal>{};
    std::uint64_t lo = UINT64_MAX, hi = 0, oldest = UINT64_MAX;
    for (const auto* e : pushed) {
        lo = std::min(lo, e->dev_seq);
        hi = std::max(hi, e->dev_seq);
        oldest = std::min(oldest, e->hlc);
    }
    // Every stored op that could make one of these a repeat, an equivocation (numbered lo..hi) or
    // backdated (dated after the oldest of them).
    auto stored = storage.author_ops(author, lo, hi, oldest);
    if (!stored) return stored.failure();
    std::map<std::uint64_t, const AuthorOp*> by_seq;
    for (const auto& s : *stored) by_seq.emplace(s.dev_seq, &s);

    std::vector<OpRefusal> out;
    auto refuse = [&](const EnvelopeRecord& e, std::string_view code, std::string message) {
        out.push_back(OpRefusal{e.scope, e.op, e.dev_seq, code, std::move(message)});
    };
    std::map<std::uint64_t, crypto::OpId> numbered;  // the new ops of this push by their seq
    std::vector<const EnvelopeRecord*> fresh;
    for (const auto* e : pushed) {
        if (auto s = by_seq.find(e->dev_seq); s != by_seq.end()) {
            if (s->second->op != e->op)
                refuse(*e, "equivocation", "the device's op " + crypto::to_hex(s->second->op) + " is stored under device seq " +
                                               std::to_string(e->dev_seq) + " already");
            continue;  // else: a repeat
        }
        const auto [n, first] = numbered.emplace(e->dev_seq, e->op);
        if (!first) {
            if (n->second != e->op)
                refuse(*e, "equivocation", "two ops under device seq " + std::to_string(e->dev_seq) + " in one push");
            continue;
        }
        fresh.push_back(e);
    }
    const PrefixMax old(stored->begin(), stored->end(), [](const AuthorOp& o) { return o.dev_seq; },
                        [](const AuthorOp& o) { return o.hlc; });
    const PrefixMax now(fresh.begin(), fresh.end(), [](const EnvelopeRecord* e) { return e->dev_seq; },
                        [](const EnvelopeRecord* e) { return e->hlc; });
    for (const auto* e : fresh) {
        for (const auto& [prefix, where] : {std::pair{&old, "stored"}, std::pair{&now, "in this push"}}) {
            const auto [hlc, seq] = prefix->below(e->dev_seq);
            if (hlc <= e->hlc) continue;
            refuse(*e, "backdated", "dated " + when(e->hlc) + ", before the device's op seq " + std::to_string(seq) + " (" +
                                        where + ", dated " + when(hlc) + ") although numbered after it");
            break;
        }
    }
    // In push order, as the client sent them.
    std::stable_sort(out.begin(), out.end(), [&](const OpRefusal& a, const OpRefusal& b) {
        auto at = [&](const OpRefusal& r) {
            return std::find_if(pushed.begin(), pushed.end(), [&](const EnvelopeRecord* e) { return e->op == r.op && e->dev_seq == r.dev_seq; }) -
                   pushed.begin();
        };
        return at(a) < at(b);
    });
    return out;
}

Response refused_ops(const std::vector<OpRefusal>& refusals) {
    using nlohmann::json;
    json ops = json::array();
    for (const auto& r : refusals)
        ops.push_back(json{{"op", crypto::to_hex(r.op)}, {"scope", crypto::to_hex(r.scope)}, {"seq", r.dev_seq},
                           {"code", r.code}, {"message", r.message}});
    const std::string_view code = refusals.front().code;
    const std::string message = std::to_string(refusals.size()) + " op(s) refused: " + refusals.front().message;
    json body{{"error", {{"code", code}, {"message", message}, {"ops", std::move(ops)}}}};
    return Response{code == "equivocation" ? 409 : 400, body.dump(), {}};
}

}  // namespace quartier::sync::server
