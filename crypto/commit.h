// A commit: the hashes of the envelopes one device wrote in one local transaction, signed once
// (docs/architecture.md §4), so that bulk writes cost one Ed25519 signature instead of one per op.
// Layout: "QC" | version 1 | suite 1 | author device id (16) | commit id (16) | count u32 |
// count × 32-byte envelope hash | Ed25519 signature over "quartier/commit/v1" || all before it.
#pragma once

#include "envelope.h"

#include <unordered_set>

namespace quartier::crypto {

inline constexpr std::size_t kMaxCommitEntries = 1u << 18;

struct Commit {
    DeviceId author{};
    Id16 id{};
    std::vector<Hash32> hashes;
    Signature signature{};

    Bytes serialize() const;
    [[nodiscard]] static Result<Commit> parse(ByteView bytes);
};

// Makes and signs a commit over `hashes` (1 to kMaxCommitEntries of them).
Commit make_commit(const DeviceIdentity& author, std::vector<Hash32> hashes);

struct Hash32Hasher {
    std::size_t operator()(const Hash32& h) const noexcept;
};

// A commit whose signature has been checked against its author's key.
class VerifiedCommit {
public:
    const DeviceId& author() const { return m_author; }
    const Id16& id() const { return m_id; }
    bool contains(const Hash32& h) const { return m_hashes.count(h) != 0; }
    std::size_t size() const { return m_hashes.size(); }

private:
    friend Result<VerifiedCommit> verify_commit(const Commit&, const SignPublicKey&);
    DeviceId m_author{};
    Id16 m_id{};
    std::unordered_set<Hash32, Hash32Hasher> m_hashes;
};

// Checks the signature with the author's key (the caller resolves the key from the directory).
[[nodiscard]] Result<VerifiedCommit> verify_commit(const Commit& commit, const SignPublicKey& author_key);

}  // namespace quartier::crypto
