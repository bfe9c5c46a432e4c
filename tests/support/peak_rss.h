// This process's peak resident memory (VmHWM), and a way to start measuring it afresh: tests of
// the in-process server check that a hostile request does not make the process grow, which a
// status code alone cannot show. Linux only (/proc/self; clear_refs "5" needs Linux 4.0).
#pragma once

#include <cstdint>
#include <fstream>
#include <string>

namespace quartier::test {

// A /proc/self/status field in KiB ("VmHWM", "VmRSS"), or -1 if it is not there.
inline std::int64_t status_kib(const std::string& field) {
    std::ifstream f("/proc/self/status");
    for (std::string line; std::getline(f, line);)
        if (line.compare(0, field.size() + 1, field + ":") == 0) return std::stoll(line.substr(field.size() + 1));
    return -1;
}

// Sets the peak (VmHWM) back to the current resident size; false if the kernel refused.
inline bool reset_peak_rss() {
    std::ofstream f("/proc/self/clear_refs");
    f << "5";
    f.flush();
    return bool(f);
}

// How far the peak rose above `since_kib` (a VmRSS read right after reset_peak_rss()), in MiB.
inline double peak_growth_mib(std::int64_t since_kib) { return double(status_kib("VmHWM") - since_kib) / 1024.0; }

}  // namespace quartier::test
