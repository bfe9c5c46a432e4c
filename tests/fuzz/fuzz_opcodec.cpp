// sync/store/opcodec.h and the fold of sync/store/record.h: what an envelope's plaintext and a sealed snapshot
// hold once opened. The first byte picks the mode, the rest is its input.
//   0 op payload: what decodes encodes back to the same bytes and satisfies the documented limits
//   1 record snapshot: what decodes re-encodes to a snapshot that decodes to the same record
//   2 the fold: a run of ops of one record, each `u16 length ‖ payload ‖ u64 hlc ‖ u8 author`, folded
//     in order, in reverse and rotated by one must give the same record (docs/store.md: heads are
//     a function of the set of ops), and folding any op again changes nothing
//   3 UTF-8: valid_utf8 (with its word-at-a-time ASCII runs) agrees with a byte-at-a-time check
#include "fixture.h"

#include "sync/store/record.h"

#include "crypto/bytes_io.h"

#include <algorithm>
#include <set>

using namespace quartier;
using namespace quartier::fuzz;
using sync::Record;

namespace {
bool same_versions(const auto& a, const auto& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].op != b[i].op || a[i].hlc != b[i].hlc || a[i].author != b[i].author || a[i].value != b[i].value) return false;
    return true;
}

// Equal as records: superseded is an unordered set, so its encoding has no fixed order.
bool same_record(const Record& a, const Record& b, bool with_count) {
    if (a.id != b.id || a.type != b.type || a.scope != b.scope || a.origin_hlc != b.origin_hlc || a.origin_op != b.origin_op)
        return false;
    if (with_count && a.op_count != b.op_count) return false;
    if (a.fields.size() != b.fields.size() || !same_versions(a.deletes, b.deletes)) return false;
    auto ia = a.fields.begin();
    for (auto ib = b.fields.begin(); ib != b.fields.end(); ++ia, ++ib)
        if (ia->first != ib->first || !same_versions(ia->second.heads, ib->second.heads)) return false;
    return std::set<crypto::OpId>(a.superseded.begin(), a.superseded.end()) ==
           std::set<crypto::OpId>(b.superseded.begin(), b.superseded.end());
}

// The definition, one byte at a time: shortest form, no surrogates, at most U+10FFFF.
bool reference_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07;
        else return false;
        if (s.size() - i - 1 < n) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = cp << 6 | (cc & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

struct FoldOp {
    sync::OpMeta meta;
    sync::OpPayload payload;
};

Record fold(const std::vector<FoldOp>& ops, const std::vector<std::size_t>& order) {
    Record r;
    for (std::size_t i : order) r.apply(ops[i].meta, ops[i].payload);
    return r;
}

void fold_mode(crypto::ByteView in) {
    crypto::io::Reader r(in);
    std::vector<FoldOp> ops;
    while (r.remaining() > 0 && ops.size() < 64) {
        const crypto::ByteView payload = r.take(r.u16());
        const std::uint64_t hlc = r.u64();
        const std::uint8_t author = r.u8();
        if (r.failed()) break;
        auto op = sync::decode_op(payload);
        if (!op || (!ops.empty() && op->record_id != ops.front().payload.record_id)) continue;  // the store folds one record's ops
        crypto::Id16 op_id{};
        op_id[0] = std::uint8_t(ops.size() + 1);  // unique: the store's op ids are random and never repeat
        ops.push_back({sync::OpMeta{op_id, hlc, fuzz::id(std::uint8_t(author % 4)), org().case_scope}, std::move(*op)});
    }
    if (ops.empty()) return;
    std::vector<std::size_t> forward(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) forward[i] = i;
    std::vector<std::size_t> backward(forward.rbegin(), forward.rend());
    std::vector<std::size_t> rotated(forward);
    std::rotate(rotated.begin(), rotated.begin() + 1, rotated.end());
    Record a = fold(ops, forward);
    const Record b = fold(ops, backward), c = fold(ops, rotated);
    check(same_record(a, b, true) && same_record(a, c, true), "the fold does not depend on the order of ops");
    check(a.op_count == ops.size(), "every op is counted once");
    for (const auto& f : a.fields) check(!f.second.heads.empty(), "a field holds at least one head");
    const std::vector<crypto::OpId> heads = a.all_heads();
    for (const auto& op : ops) {
        const bool head = std::find(heads.begin(), heads.end(), op.meta.op) != heads.end();
        check(head != (a.superseded.count(op.meta.op) != 0), "an op is a head exactly when no op names it as parent");
    }
    // A snapshot of the folded record decodes to the same record.
    auto snap = sync::decode_record(sync::encode_record(a));
    if (sync::valid_id(a.id) && sync::valid_name(a.type)) {
        check(snap.has_value() && same_record(a, *snap, true), "a folded record survives its snapshot");
    }
    // Folding an op that is a head again changes nothing.
    const Record before = a;
    for (const auto& op : ops)
        if (!a.superseded.count(op.meta.op)) check(!a.apply(op.meta, op.payload), "a head folded again is refused");
    check(same_record(a, before, true), "folding ops again changes nothing");
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    org();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const crypto::ByteView in = bytes_of(data + 1, size - 1);
    switch (data[0] % 4) {
    case 0: {
        auto op = sync::decode_op(in);
        if (!op) break;
        const crypto::Bytes again = sync::encode_op(*op);
        check(again.size() == in.size() && std::equal(again.begin(), again.end(), in.begin()), "an op that decodes encodes to its bytes");
        check(sync::valid_name(op->type) && sync::valid_id(op->record_id), "type and record id are valid");
        check(op->kind == sync::OpKind::Delete ? op->field.empty() : sync::valid_name(op->field), "field fits the kind");
        check(op->parents.size() <= sync::kMaxParents && op->value.size() <= sync::kMaxValueLength, "within limits");
        break;
    }
    case 1: {
        auto rec = sync::decode_record(in);
        if (!rec) break;
        auto again = sync::decode_record(sync::encode_record(*rec));
        check(again.has_value() && same_record(*rec, *again, true), "a decoded snapshot re-encodes to the same record");
        (void)rec->conflicted();
        (void)rec->deleted();
        (void)rec->all_heads();
        break;
    }
    case 2:
        fold_mode(in);
        break;
    case 3: {
        const std::string_view s = text_of(data + 1, size - 1);
        check(sync::valid_utf8(s) == reference_utf8(s), "valid_utf8 agrees with the byte-at-a-time definition");
        if (sync::valid_id(s)) check(sync::valid_utf8(s) && !s.empty() && s.size() <= sync::kMaxIdLength, "a valid id is UTF-8");
        break;
    }
    }
    return 0;
}
