// Process hardening for the executables that hold keys and plaintext: while a store is unlocked,
// records are in ordinary heap (only keys are in secure memory, secure.h), so a core file, or a
// debugger of the same user, would carry them out of the process. One call at the start of
// main() in quartier, quartier-cli and quartier-server (docs/threat-model.md, attacker 2).
#pragma once

namespace quartier::crypto {

// Sets RLIMIT_CORE to 0, soft and hard (so nothing later in the process can raise it again),
// and, on Linux, PR_SET_DUMPABLE to 0: no core file on a crash, and other processes of the same
// user cannot ptrace this one or read its /proc/<pid>/mem. Idempotent. False if either could not
// be set; the process runs on, and the caller says so.
[[nodiscard]] bool disable_core_dumps();

}  // namespace quartier::crypto
