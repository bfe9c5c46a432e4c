// Runs a piece of a test in a child process whose files cannot grow past a size
// (RLIMIT_FSIZE), with SIGXFSZ ignored: a write past it fails with EFBIG, the same room-is-gone
// error a full file system or quota gives the real code path (SQLite, the store), without root
// or mounts. The child ends with _exit, so nothing of the parent (temp dirs, Catch2) runs there.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <functional>

namespace quartier::test {

// The child's exit code: what `body` returned (0..255), or -1 if it did not exit normally.
// `body` must not use Catch2's assertions (they belong to the parent): it returns a code.
inline int in_child_with_file_limit(std::uint64_t limit_bytes, const std::function<int()>& body) {
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit rl{rlim_t(limit_bytes), rlim_t(limit_bytes)};
        if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) ::_exit(200);
        const int code = body();
        std::fflush(nullptr);
        ::_exit(code);
    }
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace quartier::test
