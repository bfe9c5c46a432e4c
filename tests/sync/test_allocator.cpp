// tune_allocator (sync/allocator.h): the probe program is started with a given environment and
// reports what it ran with after tune_allocator() returned.
#include "sync/allocator.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Probe {
    long child_pid = 0;
    std::map<std::string, std::string> out;
};

// Runs the probe with exactly `env` (no inherited environment) and the arguments "a b".
Probe run_probe(const std::vector<std::string>& env) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        std::vector<char*> envp;
        for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
        char* argv[] = {const_cast<char*>(QUARTIER_ALLOCATOR_PROBE), const_cast<char*>("a"), const_cast<char*>("b"), nullptr};
        ::execve(QUARTIER_ALLOCATOR_PROBE, argv, envp.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    std::string text;
    char buf[512];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, std::size_t(n));
    ::close(fds[0]);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    Probe p;
    p.child_pid = long(pid);
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto sp = line.find(' ');
        p.out[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(sp + 1);
    }
    return p;
}

const std::string kOurs = quartier::sync::kAllocatorTunables;

}  // namespace

TEST_CASE("tune_allocator re-executes once, in the same process, with the tunables and the same arguments") {
    if (!quartier::sync::allocator_tuning_supported()) {
        const Probe p = run_probe({"PATH=/usr/bin:/bin"});  // a sanitizer build: it must leave the process alone
        CHECK(p.out.at("tunables") == "-");
        CHECK(p.out.at("args") == "a b");
        return;
    }
    const Probe p = run_probe({"PATH=/usr/bin:/bin"});
    CHECK(p.out.at("pid") == std::to_string(p.child_pid));  // exec, not a new process
    CHECK(p.out.at("tunables") == kOurs);
    CHECK(p.out.at("marker") == "1");
    CHECK(p.out.at("tuned") == "1");
    CHECK(p.out.at("args") == "a b");
}

TEST_CASE("tune_allocator keeps what the environment says: a table") {
    if (!quartier::sync::allocator_tuning_supported()) return;  // a sanitizer build: nothing to keep
    struct Row {
        const char* what;
        std::vector<std::string> env;
        std::string tunables;  // GLIBC_TUNABLES the program then runs with ("-": unset)
        std::string tuned;
    };
    const std::vector<Row> rows = {
        {"the user's other tunables are kept, ours appended", {"GLIBC_TUNABLES=glibc.malloc.tcache_count=0"},
         "glibc.malloc.tcache_count=0:" + kOurs, "1"},
        {"the user's own huge-page choice wins", {"GLIBC_TUNABLES=glibc.malloc.hugetlb=0"}, "glibc.malloc.hugetlb=0", "0"},
        {"the user's own top_pad wins", {"GLIBC_TUNABLES=glibc.malloc.top_pad=0"}, "glibc.malloc.top_pad=0", "0"},
        {"turned off", {"QUARTIER_MALLOC_TUNING=0"}, "-", "0"},
        {"the marker stops a second exec", {"QUARTIER_ALLOCATOR_TUNED=1"}, "-", "0"},
    };
    for (const Row& r : rows) {
        INFO(r.what);
        const Probe p = run_probe(r.env);
        CHECK(p.out.at("pid") == std::to_string(p.child_pid));
        CHECK(p.out.at("tunables") == r.tunables);
        CHECK(p.out.at("tuned") == r.tuned);
        CHECK(p.out.at("args") == "a b");
    }
}
