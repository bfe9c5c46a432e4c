// A process for test_retention's kill test: opens a store, says "purging" on stdout, and purges
// one scope as crypto-shredding does (purge_durably, pending ops included). The test SIGKILLs it
// at chosen moments after that line.
// Usage: purge_victim STORE_DIR PASSPHRASE SCOPE_HEX
#include "sync/client/retention.h"

#include <cstdio>

int main(int argc, char** argv) {
    using namespace quartier;
    if (argc != 4) return 2;
    sync::ScopeId scope{};
    if (!crypto::from_hex(argv[3], scope)) return 2;
    auto store = sync::Store::open(argv[1], argv[2]);
    if (!store) {
        std::fprintf(stderr, "purge_victim: %s\n", store.detail().c_str());
        return 3;
    }
    std::fputs("purging\n", stdout);
    std::fflush(stdout);
    if (auto r = sync::purge_durably(**store, scope, true); !r) {
        std::fprintf(stderr, "purge_victim: %s\n", r.detail().c_str());
        return 1;
    }
    std::fputs("done\n", stdout);
    return 0;
}
