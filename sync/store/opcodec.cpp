#include "sync/store/opcodec.h"

#include "sync/store/record.h"

#include "crypto/bytes_io.h"

#include <cstring>

namespace quartier::sync {

namespace io = crypto::io;
using crypto::Bytes;
using crypto::ByteView;

namespace {
constexpr std::uint8_t kOpVersion = 1;
constexpr std::uint8_t kRecordVersion = 1;

void put_str16(Bytes& b, std::string_view s) {
    io::put_u16(b, std::uint16_t(s.size()));
    b.insert(b.end(), s.begin(), s.end());
}
void put_str32(Bytes& b, std::string_view s) {
    io::put_u32(b, std::uint32_t(s.size()));
    b.insert(b.end(), s.begin(), s.end());
}
std::string str(ByteView v) { return std::string(reinterpret_cast<const char*>(v.data()), v.size()); }

void put_version(Bytes& b, const FieldVersion& v) {
    io::put(b, v.op);
    io::put_u64(b, v.hlc);
    io::put(b, v.author);
    put_str32(b, v.value);
}
FieldVersion read_version(io::Reader& r) {
    FieldVersion v;
    v.op = r.array<16>();
    v.hlc = r.u64();
    v.author = r.array<16>();
    const std::uint32_t n = r.u32();
    v.value = str(r.take(n));
    return v;
}
}  // namespace

bool valid_name(std::string_view s) {
    if (s.empty() || s.size() > kMaxNameLength || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        // Runs of ASCII, 32 and then eight bytes at a time (values are mostly ASCII text).
        while (s.size() - i >= 32) {
            std::uint64_t w[4];
            std::memcpy(w, s.data() + i, 32);
            if (((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) != 0) break;
            i += 32;
        }
        if (i == s.size()) break;  // the run ended exactly at the end: s[i] is past it
        if (s.size() - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if ((w & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n;
        std::uint32_t cp;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
        else return false;
        if (n > s.size() - i - 1) return false;  // truncated sequence
        for (std::size_t k = 1; k <= n; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const std::uint32_t min = n == 1 ? 0x80 : n == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;  // overlong, surrogate
        i += n + 1;
    }
    return true;
}

bool valid_id(std::string_view s) {
    if (s.empty() || s.size() > kMaxIdLength || !valid_utf8(s)) return false;
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    return true;
}

void encode_op(const OpPayload& op, Bytes& b) {
    b.reserve(b.size() + 16 + op.type.size() + op.record_id.size() + op.field.size() + op.parents.size() * 16 +
              op.value.size());
    io::put_u8(b, kOpVersion);
    io::put_u8(b, std::uint8_t(op.kind));
    put_str16(b, op.type);
    put_str16(b, op.record_id);
    put_str16(b, op.field);
    io::put_u16(b, std::uint16_t(op.parents.size()));
    for (const auto& p : op.parents) io::put(b, p);
    put_str32(b, op.value);
}

Bytes encode_op(const OpPayload& op) {
    Bytes b;
    encode_op(op, b);
    return b;
}

std::optional<OpPayload> decode_op(ByteView bytes) {
    io::Reader r(bytes);
    OpPayload op;
    const std::uint8_t version = r.u8();
    const std::uint8_t kind = r.u8();
    op.type = str(r.take(r.u16()));
    op.record_id = str(r.take(r.u16()));
    op.field = str(r.take(r.u16()));
    const std::uint16_t np = r.u16();
    if (r.failed() || version != kOpVersion || np > kMaxParents) return std::nullopt;
    op.parents.resize(np);
    for (auto& p : op.parents) p = r.array<16>();
    op.value = str(r.take(r.u32()));
    if (r.failed() || r.remaining() != 0) return std::nullopt;
    if (kind < 1 || kind > 3) return std::nullopt;
    op.kind = OpKind(kind);
    if (!valid_name(op.type) || !valid_id(op.record_id) || op.value.size() > kMaxValueLength) return std::nullopt;
    if (op.kind == OpKind::Delete ? !op.field.empty() : !valid_name(op.field)) return std::nullopt;
    return op;
}

Bytes encode_record(const Record& rec) {
    Bytes b;
    io::put_u8(b, kRecordVersion);
    put_str16(b, rec.id);
    put_str16(b, rec.type);
    io::put(b, rec.scope);
    io::put_u64(b, rec.origin_hlc);
    io::put(b, rec.origin_op);
    io::put_u64(b, rec.op_count);
    io::put_u32(b, std::uint32_t(rec.fields.size()));
    for (const auto& [name, f] : rec.fields) {
        put_str16(b, name);
        io::put_u32(b, std::uint32_t(f.heads.size()));
        for (const auto& h : f.heads) put_version(b, h);
    }
    io::put_u32(b, std::uint32_t(rec.deletes.size()));
    for (const auto& d : rec.deletes) put_version(b, d);
    io::put_u32(b, std::uint32_t(rec.superseded.size()));
    for (const auto& s : rec.superseded) io::put(b, s);
    return b;
}

std::optional<Record> decode_record(ByteView bytes) {
    io::Reader r(bytes);
    Record rec;
    if (r.u8() != kRecordVersion) return std::nullopt;
    rec.id = str(r.take(r.u16()));
    rec.type = str(r.take(r.u16()));
    rec.scope = r.array<16>();
    rec.origin_hlc = r.u64();
    rec.origin_op = r.array<16>();
    rec.op_count = r.u64();
    const std::uint32_t nf = r.u32();
    for (std::uint32_t i = 0; i < nf && !r.failed(); ++i) {
        std::string name = str(r.take(r.u16()));
        const std::uint32_t nh = r.u32();
        auto& heads = rec.fields[name].heads;
        for (std::uint32_t k = 0; k < nh && !r.failed(); ++k) heads.push_back(read_version(r));
    }
    const std::uint32_t nd = r.u32();
    for (std::uint32_t i = 0; i < nd && !r.failed(); ++i) rec.deletes.push_back(read_version(r));
    const std::uint32_t ns = r.u32();
    for (std::uint32_t i = 0; i < ns && !r.failed(); ++i) rec.superseded.insert(r.array<16>());
    if (r.failed() || r.remaining() != 0 || !valid_id(rec.id) || !valid_name(rec.type)) return std::nullopt;
    return rec;
}

}  // namespace quartier::sync
