#include "allocator.h"

#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace quartier::sync {

namespace {
constexpr const char* kMarker = "QUARTIER_ALLOCATOR_TUNED";

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}
}  // namespace

bool allocator_tuning_supported() {
#ifdef __GLIBC__
    return !sanitized();
#else
    return false;
#endif
}

bool allocator_tuned() {
    const char* t = std::getenv("GLIBC_TUNABLES");
    return t && std::strstr(t, "glibc.malloc.hugetlb=") && !std::strstr(t, "glibc.malloc.hugetlb=0");
}

void tune_allocator(char** argv) {
#ifndef __GLIBC__
    (void)argv;
    return;
#else
    if (!argv || !argv[0] || !allocator_tuning_supported() || std::getenv(kMarker)) return;
    if (const char* off = std::getenv("QUARTIER_MALLOC_TUNING"); off && std::strcmp(off, "0") == 0) return;
    const char* user = std::getenv("GLIBC_TUNABLES");
    if (user && (std::strstr(user, "glibc.malloc.hugetlb") || std::strstr(user, "glibc.malloc.top_pad"))) return;

    char exe[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return;
    exe[n] = '\0';

    const std::string before = user ? user : "";
    const std::string tunables = before.empty() ? std::string(kAllocatorTunables) : before + ":" + kAllocatorTunables;
    if (::setenv(kMarker, "1", 1) != 0) return;
    if (::setenv("GLIBC_TUNABLES", tunables.c_str(), 1) == 0) ::execv(exe, argv);
    // The exec failed (or setenv did): run on as we are, with the environment as it was.
    if (user) ::setenv("GLIBC_TUNABLES", before.c_str(), 1);
    else ::unsetenv("GLIBC_TUNABLES");
    ::unsetenv(kMarker);
#endif
}

}  // namespace quartier::sync
