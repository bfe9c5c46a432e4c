#include "hardening.h"

#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace quartier::crypto {

bool disable_core_dumps() {
    const rlimit none{0, 0};
    bool ok = ::setrlimit(RLIMIT_CORE, &none) == 0;
#ifdef __linux__
    // Also covers what RLIMIT_CORE does not: a core_pattern that pipes to a program ignores the
    // limit, and ptrace and /proc/<pid>/mem are decided by dumpability.
    ok = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

}  // namespace quartier::crypto
