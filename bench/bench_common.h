// Shared by every benchmark program: a temporary directory that removes itself, and the end of the
// program on a failure. Benchmarks only: every failure aborts the program with a message.
#pragma once

#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

namespace quartier::bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

[[noreturn]] inline void die(const std::string& why) {
    std::fprintf(stderr, "FATAL: %s\n", why.c_str());
    std::fflush(stderr);
    std::_Exit(1);
}

// A fresh directory `parent`/`prefix`XXXXXX (mkdtemp), removed with all it holds when this goes
// out of scope.
class TempDir {
public:
    TempDir(const fs::path& parent, const char* prefix) {
        std::string tmpl = (parent / (std::string(prefix) + "XXXXXX")).string();
        if (!mkdtemp(tmpl.data())) die("mkdtemp under " + parent.string());
        m_path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

}  // namespace quartier::bench
