#include "commit.h"

#include "bytes_io.h"

#include <cstring>

namespace quartier::crypto {

namespace {
constexpr char kDomain[] = "quartier/commit/v1";
constexpr std::uint8_t kVersion = 1;

Bytes body(const Commit& c) {
    Bytes b;
    b.reserve(40 + c.hashes.size() * 32 + 64);
    io::put_u8(b, 'Q');
    io::put_u8(b, 'C');
    io::put_u8(b, kVersion);
    io::put_u8(b, std::uint8_t(Suite::XChaCha20Poly1305Ed25519));
    io::put(b, c.author);
    io::put(b, c.id);
    io::put_u32(b, std::uint32_t(c.hashes.size()));
    for (const Hash32& h : c.hashes) io::put(b, h);
    return b;
}

Bytes signing_message(const Bytes& body) { return labelled(kDomain, {body}); }
}  // namespace

std::size_t Hash32Hasher::operator()(const Hash32& h) const noexcept {
    std::size_t v;
    std::memcpy(&v, h.data(), sizeof v);  // already uniformly distributed
    return v;
}

Bytes Commit::serialize() const {
    Bytes b = body(*this);
    io::put(b, signature);
    return b;
}

Result<Commit> Commit::parse(ByteView bytes) {
    io::Reader r(bytes);
    const std::uint8_t m0 = r.u8(), m1 = r.u8(), version = r.u8(), suite = r.u8();
    Commit c;
    c.author = r.array<16>();
    c.id = r.array<16>();
    const std::uint32_t n = r.u32();
    if (r.failed() || m0 != 'Q' || m1 != 'C') return {Error::BadFormat, "not a commit"};
    if (version != kVersion) return Error::UnsupportedVersion;
    if (suite != std::uint8_t(Suite::XChaCha20Poly1305Ed25519)) return Error::UnsupportedSuite;
    if (n == 0) return {Error::BadFormat, "empty commit"};
    if (n > kMaxCommitEntries) return {Error::TooLarge, "commit lists too many envelopes"};
    if (r.remaining() != std::size_t(n) * 32 + 64) return {Error::BadFormat, "commit length does not match its count"};
    c.hashes.resize(n);
    for (auto& h : c.hashes) h = r.array<32>();
    c.signature = r.array<64>();
    if (r.failed() || r.remaining() != 0) return {Error::BadFormat, "commit truncated"};
    return c;
}

Commit make_commit(const DeviceIdentity& author, std::vector<Hash32> hashes) {
    if (hashes.empty() || hashes.size() > kMaxCommitEntries) std::abort();  // misuse
    Commit c;
    c.author = author.id();
    c.id = random_id();
    c.hashes = std::move(hashes);
    c.signature = author.sign(signing_message(body(c)));
    return c;
}

Result<VerifiedCommit> verify_commit(const Commit& commit, const SignPublicKey& author_key) {
    if (device_id_of(author_key) != commit.author) return {Error::BadSignature, "key is not the commit author's"};
    if (commit.hashes.empty() || commit.hashes.size() > kMaxCommitEntries) return Error::BadFormat;
    if (!verify(author_key, signing_message(body(commit)), commit.signature)) return Error::BadSignature;
    VerifiedCommit v;
    v.m_author = commit.author;
    v.m_id = commit.id;
    v.m_hashes.reserve(commit.hashes.size());
    v.m_hashes.insert(commit.hashes.begin(), commit.hashes.end());
    return v;
}

}  // namespace quartier::crypto
