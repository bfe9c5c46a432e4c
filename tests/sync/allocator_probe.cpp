// Run by test_allocator: calls tune_allocator() as quartier's main() does, then reports what it
// runs with, one "key value" per line.
#include "sync/allocator.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

int main(int argc, char** argv) {
    quartier::sync::tune_allocator(argv);
    const char* t = std::getenv("GLIBC_TUNABLES");
    const char* m = std::getenv("QUARTIER_ALLOCATOR_TUNED");
    std::printf("pid %ld\ntunables %s\nmarker %s\ntuned %d\nargs", long(::getpid()), t ? t : "-", m ? m : "-",
                quartier::sync::allocator_tuned() ? 1 : 0);
    for (int i = 1; i < argc; ++i) std::printf(" %s", argv[i]);
    std::printf("\n");
    return 0;
}
