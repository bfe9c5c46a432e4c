// What the fuzz targets parse against, and what the seed generator (seeds.cpp) makes valid inputs
// from: one organisation with a founded directory that holds every kind of entry, its devices, scope
// keys and escrow key. Everything is derived from fixed bytes, so every process builds the same
// objects: a seed signed by `alice` in the generator verifies in every fuzz target (docs/reliability.md).
//
// The directory (time T = kTime, every entry at T):
//    0 genesis (org_admin)          8 member case e1 alice (alice founds)   16 member team e1 eve
//    1 enrol admin (role admin)     9 member case e1 bob (by alice)         17 revoke eve (wipe)
//    2 enrol alice (caseworker)    10 member team e1 alice (admin)          18 member case e2 alice (rotation)
//    3 enrol bob (caseworker)      11 member personal e1 alice (alice)      19 member case e2 bob (by alice)
//    4 enrol dpo (dpo)             12 member audit e1 alice (alice)         20 provider case "Träger Nord"
//    5 enrol eve (caseworker)      13 member audit e1 dpo (admin)           21 member case e2 helper (admin)
//    6 enrol helper (helper)       14 member old e1 alice (alice)           22 unassign case helper (admin)
//    7 escrow                      15 shred old (admin)                     23 lease 30 days
#pragma once

#include "sync/org/directory.h"
#include "sync/store/opcodec.h"

#include "crypto/commit.h"
#include "crypto/envelope.h"
#include "crypto/keywrap.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quartier::fuzz {

inline constexpr std::uint64_t kTime = 1'750'000'000'000;  // ms, the fixture's wall clock

// A device identity, key or id from a fixed tag: the same in every process.
crypto::DeviceIdentity identity(std::uint8_t tag);
crypto::SymmetricKey key(std::uint8_t tag);
crypto::Id16 id(std::uint8_t tag);

struct Org {
    Org();
    crypto::DeviceIdentity org_admin = identity(1);  // the organisation's admin key: signs as "admin"
    crypto::DeviceIdentity admin = identity(2);      // the admin's device, role admin
    crypto::DeviceIdentity alice = identity(3);      // caseworker: case, team, personal, audit scopes
    crypto::DeviceIdentity bob = identity(4);        // caseworker: case scope
    crypto::DeviceIdentity dpo = identity(5);        // data-protection officer: alice's audit scope
    crypto::DeviceIdentity eve = identity(6);        // revoked
    crypto::DeviceIdentity helper = identity(7);     // a free provider's helper, unassigned from case
    crypto::Id16 org = id(1);
    crypto::ScopeId case_scope = id(2), team_scope = id(3), personal_scope = id(4), audit_scope = id(5),
                    old_scope = id(6);  // shredded
    crypto::SymmetricKey case_e1 = key(1), case_e2 = key(2), team_e1 = key(3), personal_e1 = key(4), audit_e1 = key(5);
    crypto::BoxKeyPair escrow;
    sync::Directory dir;
    std::uint64_t shred_seq = 0;  // of old_scope's shred entry

    // The identity of a fixture device, or nullptr.
    const crypto::DeviceIdentity* device(const crypto::DeviceId& d) const;
    // The scope key of (scope, epoch), or nullptr.
    const crypto::SymmetricKey* scope_key(const crypto::ScopeId& s, std::uint32_t epoch) const;
};

// Built once per process; never destroyed (the fuzzer exits without running destructors in order).
const Org& org();

// Knows the fixture's scope keys and takes membership from its directory.
class OrgKeys final : public crypto::KeyResolver {
public:
    const crypto::SymmetricKey* scope_key(const crypto::ScopeId& scope, std::uint32_t epoch) const override;
    const crypto::SignPublicKey* member_key(const crypto::ScopeId& scope, std::uint32_t epoch,
                                            const crypto::DeviceId& author) const override;
};

// Real envelopes of the fixture, sealed with fixed nonces (identical in every process): ops of every
// kind in every scope alice holds, some signed individually, the rest listed by commit_of_alice().
struct SampleEnvelope {
    crypto::Bytes bytes;
    bool in_commit = false;  // no signature of its own: alice's commit lists it
};
const std::vector<SampleEnvelope>& sample_envelopes();
// A commit by alice over every sample envelope without a signature of its own.
crypto::Commit commit_of_alice();
// The same, verified: what open_envelope() checks commit-signed envelopes against.
const crypto::VerifiedCommit& verified_commit_of_alice();

// Sample op payloads (Set, Delete, Resolve; with and without parents).
std::vector<sync::OpPayload> sample_ops();

// The fuzzer's bytes as a string_view or byte view.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return std::string_view(reinterpret_cast<const char*>(data), size);
}
inline crypto::ByteView bytes_of(const std::uint8_t* data, std::size_t size) { return crypto::ByteView(data, size); }
inline crypto::ByteView bytes_of(std::string_view s) {
    return crypto::ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

// A property the target checks failed: print it and abort, which libFuzzer reports as a crash.
[[noreturn]] void violated(const char* what);
inline void check(bool ok, const char* what) {
    if (!ok) violated(what);
}

}  // namespace quartier::fuzz
