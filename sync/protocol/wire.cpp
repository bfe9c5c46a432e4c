#include "sync/protocol/wire.h"

#include "sync/protocol/messages.h"

#include "crypto/bytes_io.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cstring>

namespace quartier::sync::wire {

namespace {
std::string encode(crypto::ByteView v, int variant) {
    std::string s(sodium_base64_encoded_len(v.size(), variant), '\0');
    sodium_bin2base64(s.data(), s.size(), v.data(), v.size(), variant);
    s.resize(s.size() - 1);  // the terminating NUL
    return s;
}
std::optional<crypto::Bytes> decode(std::string_view s, int variant) {
    // libsodium 1.0.18 decodes the bytes 0x80-0xFF as if they were '/': not base64, refused.
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    crypto::Bytes b(s.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(b.data(), b.size(), s.data(), s.size(), nullptr, &len, &end, variant) != 0) return std::nullopt;
    if (end != s.data() + s.size()) return std::nullopt;
    b.resize(len);
    return b;
}

// Envelopes and commits are most of every push and pull body, and libsodium's codec, which is
// constant-time, is the server's largest single cost there (bench/sync_bench.cpp). They are
// ciphertext and public data: above kTableCodecMin characters a table codec does the work, with
// exactly the same acceptance (standard alphabet, canonical '=' padding, zero trailing bits, no
// other characters). Short values (secrets, keys, signatures, challenges) keep libsodium's.
constexpr std::size_t kTableCodecMin = 256;
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

struct DecodeTable {
    std::uint8_t v[256];
    constexpr DecodeTable() : v() {
        for (auto& x : v) x = 0xFF;
        for (int i = 0; i < 64; ++i) v[static_cast<unsigned char>(kAlphabet[i])] = std::uint8_t(i);
    }
};
constexpr DecodeTable kDecode;

std::string encode_table(crypto::ByteView v) {
    std::string s((v.size() + 2) / 3 * 4, '=');
    const std::uint8_t* p = v.data();
    char* o = s.data();
    std::size_t i = 0;
    for (; i + 3 <= v.size(); i += 3, o += 4) {
        const std::uint32_t n = std::uint32_t(p[i]) << 16 | std::uint32_t(p[i + 1]) << 8 | p[i + 2];
        o[0] = kAlphabet[n >> 18];
        o[1] = kAlphabet[(n >> 12) & 63];
        o[2] = kAlphabet[(n >> 6) & 63];
        o[3] = kAlphabet[n & 63];
    }
    if (const std::size_t rest = v.size() - i; rest > 0) {
        const std::uint32_t n = std::uint32_t(p[i]) << 16 | (rest == 2 ? std::uint32_t(p[i + 1]) << 8 : 0u);
        o[0] = kAlphabet[n >> 18];
        o[1] = kAlphabet[(n >> 12) & 63];
        if (rest == 2) o[2] = kAlphabet[(n >> 6) & 63];
    }
    return s;
}

std::optional<crypto::Bytes> decode_table(std::string_view s) {
    if (s.size() % 4 != 0) return std::nullopt;
    std::size_t pad = 0;
    if (!s.empty() && s.back() == '=') pad = s[s.size() - 2] == '=' ? 2 : 1;
    const std::size_t full = (s.size() - (pad ? 4 : 0)) / 4;  // groups without padding
    crypto::Bytes b(full * 3 + (pad == 1 ? 2 : pad == 2 ? 1 : 0));
    const auto* in = reinterpret_cast<const unsigned char*>(s.data());
    std::uint8_t* out = b.data();
    for (std::size_t g = 0; g < full; ++g, in += 4, out += 3) {
        const std::uint32_t a = kDecode.v[in[0]], c = kDecode.v[in[1]], d = kDecode.v[in[2]], e = kDecode.v[in[3]];
        if ((a | c | d | e) & 0x80) return std::nullopt;
        const std::uint32_t n = a << 18 | c << 12 | d << 6 | e;
        out[0] = std::uint8_t(n >> 16);
        out[1] = std::uint8_t(n >> 8);
        out[2] = std::uint8_t(n);
    }
    if (pad) {
        const std::uint32_t a = kDecode.v[in[0]], c = kDecode.v[in[1]], d = pad == 1 ? kDecode.v[in[2]] : 0u;
        if ((a | c | d) & 0x80) return std::nullopt;
        const std::uint32_t n = a << 18 | c << 12 | d << 6;
        if (pad == 2 ? (n & 0xFFFF) != 0 : (n & 0xFF) != 0) return std::nullopt;  // non-zero trailing bits
        out[0] = std::uint8_t(n >> 16);
        if (pad == 1) out[1] = std::uint8_t(n >> 8);
    }
    return b;
}
}  // namespace

std::string b64(crypto::ByteView v) {
    return v.size() * 4 / 3 >= kTableCodecMin ? encode_table(v) : encode(v, sodium_base64_VARIANT_ORIGINAL);
}
std::optional<crypto::Bytes> unb64(std::string_view s) {
    return s.size() >= kTableCodecMin ? decode_table(s) : decode(s, sodium_base64_VARIANT_ORIGINAL);
}
std::string b64url(crypto::ByteView v) { return encode(v, sodium_base64_VARIANT_URLSAFE_NO_PADDING); }
std::optional<crypto::Bytes> unb64url(std::string_view s) { return decode(s, sodium_base64_VARIANT_URLSAFE_NO_PADDING); }

std::string hex(const crypto::Id16& id) { return crypto::to_hex(id); }

std::optional<crypto::Id16> id_from_hex(std::string_view s) {
    crypto::Id16 id{};
    if (!crypto::from_hex(s, id)) return std::nullopt;
    return id;
}

std::string error_body(std::string_view code, std::string_view message) {
    return msg::encode(msg::ErrorBody{std::string(code), std::string(message), std::nullopt});
}

// ------------------------------------------------------------------------------------------------
// Framed bodies. Written into one string sized up front (no reallocation while appending); parsed
// with crypto::io::Reader, which turns any read past the end into failed().

namespace {
constexpr std::string_view kPushMagic = "QPU1";
constexpr std::string_view kPullMagic = "QPL1";

class Out {
public:
    explicit Out(std::size_t size) { m_s.reserve(size); }
    void raw(const void* p, std::size_t n) { m_s.append(static_cast<const char*>(p), n); }
    void text(std::string_view t) { m_s.append(t); }
    void u8(std::uint8_t v) { m_s.push_back(char(v)); }
    void u16(std::uint16_t v) { for (int s = 8; s >= 0; s -= 8) m_s.push_back(char(v >> s)); }
    void u32(std::uint32_t v) { for (int s = 24; s >= 0; s -= 8) m_s.push_back(char(v >> s)); }
    void u64(std::uint64_t v) { for (int s = 56; s >= 0; s -= 8) m_s.push_back(char(v >> s)); }
    void blob(crypto::ByteView b) {
        u32(std::uint32_t(b.size()));
        if (!b.empty()) raw(b.data(), b.size());
    }
    std::string take() { return std::move(m_s); }

private:
    std::string m_s;
};

crypto::ByteView bytes_of(std::string_view s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

// A u32 count read from the body, refused if the rest of the body cannot hold that many entries
// of at least `min_entry` bytes: a short body cannot make the parser reserve much.
bool plausible(const crypto::io::Reader& r, std::uint32_t n, std::size_t min_entry) {
    return !r.failed() && std::uint64_t(n) * min_entry <= r.remaining();
}
}  // namespace

std::string frame_push(const std::vector<FramedGroup>& groups) {
    std::size_t size = kPushMagic.size() + 2;
    for (const auto& g : groups) {
        size += 8 + g.commit.size();
        for (const auto& e : g.envelopes) size += 4 + e.size();
    }
    Out o(size);
    o.text(kPushMagic);
    o.u16(std::uint16_t(groups.size()));
    for (const auto& g : groups) {
        o.blob(g.commit);
        o.u32(std::uint32_t(g.envelopes.size()));
        for (const auto& e : g.envelopes) o.blob(e);
    }
    return o.take();
}

quartier::Result<std::vector<FramedGroup>, FrameError> parse_push(std::string_view body, std::size_t max_envelopes) {
    using R = quartier::Result<std::vector<FramedGroup>, FrameError>;
    crypto::io::Reader r(bytes_of(body));
    const crypto::ByteView magic = r.take(kPushMagic.size());
    if (r.failed() || !std::equal(magic.begin(), magic.end(), kPushMagic.begin(), kPushMagic.end()))
        return R(FrameError::Malformed, "not a framed push (magic)");
    const std::uint16_t n_groups = r.u16();
    if (r.failed() || n_groups == 0) return R(FrameError::Malformed, "no groups");
    if (n_groups > kMaxPushGroups) return R(FrameError::TooMany, "too many commits in one push");
    std::vector<FramedGroup> groups(n_groups);
    std::size_t total = 0;
    for (auto& g : groups) {
        g.commit = r.take(r.u32());
        const std::uint32_t n = r.u32();
        if (r.failed()) return R(FrameError::Malformed, "a length runs past the end");
        if (n == 0) return R(FrameError::Malformed, "a group without envelopes");
        if (n > max_envelopes - std::min(total, max_envelopes)) return R(FrameError::TooMany, "too many envelopes in one push");
        if (!plausible(r, n, 4)) return R(FrameError::Malformed, "a count runs past the end");
        total += n;
        g.envelopes.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) g.envelopes.push_back(r.take(r.u32()));
        if (r.failed()) return R(FrameError::Malformed, "a length runs past the end");
    }
    if (r.remaining() != 0) return R(FrameError::Malformed, "bytes after the last group");
    return groups;
}

std::string frame_pull(const FramedPage& page) {
    std::size_t size = kPullMagic.size() + 8 + 1 + 4 + 4;
    for (const auto& [id, c] : page.commits) size += id.size() + 4 + c.size();
    for (const auto& it : page.items) size += 8 + it.commit.size() + 4 + it.envelope.size();
    Out o(size);
    o.text(kPullMagic);
    o.u64(page.next);
    o.u8(page.more ? 1 : 0);
    o.u32(std::uint32_t(page.commits.size()));
    for (const auto& [id, c] : page.commits) {
        o.raw(id.data(), id.size());
        o.blob(c);
    }
    o.u32(std::uint32_t(page.items.size()));
    for (const auto& it : page.items) {
        o.u64(it.seq);
        o.raw(it.commit.data(), it.commit.size());
        o.blob(it.envelope);
    }
    return o.take();
}

quartier::Result<FramedPage, FrameError> parse_pull(std::string_view body) {
    using R = quartier::Result<FramedPage, FrameError>;
    crypto::io::Reader r(bytes_of(body));
    const crypto::ByteView magic = r.take(kPullMagic.size());
    if (r.failed() || !std::equal(magic.begin(), magic.end(), kPullMagic.begin(), kPullMagic.end()))
        return R(FrameError::Malformed, "not a framed pull page (magic)");
    FramedPage p;
    p.next = r.u64();
    const std::uint8_t more = r.u8();
    if (more > 1) return R(FrameError::Malformed, "more is neither 0 nor 1");
    p.more = more == 1;
    const std::uint32_t n_commits = r.u32();
    if (!plausible(r, n_commits, 16 + 4)) return R(FrameError::Malformed, "a count runs past the end");
    p.commits.reserve(n_commits);
    for (std::uint32_t i = 0; i < n_commits; ++i) {
        const auto id = r.array<16>();
        p.commits.emplace_back(id, r.take(r.u32()));
    }
    const std::uint32_t n_items = r.u32();
    if (!plausible(r, n_items, 8 + 16 + 4)) return R(FrameError::Malformed, "a count runs past the end");
    p.items.reserve(n_items);
    for (std::uint32_t i = 0; i < n_items; ++i) {
        FramedItem it;
        it.seq = r.u64();
        it.commit = r.array<16>();
        it.envelope = r.take(r.u32());
        p.items.push_back(it);
    }
    if (r.failed()) return R(FrameError::Malformed, "a length runs past the end");
    if (r.remaining() != 0) return R(FrameError::Malformed, "bytes after the last item");
    return p;
}

}  // namespace quartier::sync::wire
