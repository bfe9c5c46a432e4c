// Commits (crypto/commit.h), as they arrive with every push and pull page: the strict parse and
// the signature check against the directory's key of the author. Properties: what parses
// serialises to the same bytes; a commit verifies only with its author's key.
#include "fixture.h"

using namespace quartier;
using namespace quartier::fuzz;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    org();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const crypto::ByteView bytes = bytes_of(data, size);
    auto c = crypto::Commit::parse(bytes);
    if (!c) return 0;
    check(!c->hashes.empty() && c->hashes.size() <= crypto::kMaxCommitEntries, "entry count within limits");
    const crypto::Bytes again = c->serialize();
    check(again.size() == size && std::equal(again.begin(), again.end(), data), "a parsed commit serialises to its bytes");
    if (const sync::DeviceInfo* d = org().dir.device(c->author)) {
        if (auto v = crypto::verify_commit(*c, d->sign_pk)) {
            check(v->author() == c->author && v->id() == c->id, "a verified commit keeps author and id");
            check(v->size() >= 1 && v->size() <= c->hashes.size(), "a verified commit holds the listed hashes");
            for (const auto& h : c->hashes) check(v->contains(h), "a verified commit contains every hash it lists");
        }
    }
    for (const auto* other : {&org().alice, &org().bob})
        if (other->id() != c->author)
            check(!crypto::verify_commit(*c, other->sign_public()).ok(), "another device's key does not verify a commit");
    return 0;
}
