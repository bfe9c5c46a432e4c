// The C library's allocator settings for a process that holds a Store (docs/store.md "Memory").
//
// Opening a store builds one Record per record: with 100,000 records of 1 KB that is about 160 MiB
// of fresh heap, which the kernel hands out one 4 KiB page fault at a time (about 40,000 faults,
// a third of the open's CPU time on a virtual machine, docs/benchmarks.md). glibc can back its heap
// with transparent huge pages (2 MiB, `glibc.malloc.hugetlb=1`) and grow it in larger steps
// (`glibc.malloc.top_pad`), which turns those faults into about a hundred. glibc reads these
// settings only from the environment variable GLIBC_TUNABLES when a program starts, so
// tune_allocator() — called first thing in main() — sets it and re-executes the same program
// once, with the same arguments, in the same process (the pid stays).
//
// States (of one process)
//   untuned --tune_allocator: marker unset, glibc, no sanitizer, not opted out--> exec -> tuned
//   untuned --tune_allocator: opted out / not glibc / sanitizer / exec failed-------> untuned (returns)
//   tuned   --tune_allocator---------------------------------------------------------> tuned (returns)
//
// Invariants
//   1. A process re-executes at most once: the marker QUARTIER_ALLOCATOR_TUNED is set before the
//      exec and checked first, so even a C library that ignored GLIBC_TUNABLES cannot loop.
//   2. Tunables the user set already are kept: ours are appended to GLIBC_TUNABLES, and a user's
//      own glibc.malloc.hugetlb or top_pad setting (anywhere in it) means nothing is changed.
//   3. If the exec fails, the environment is restored and the program runs on untuned.
//   4. QUARTIER_MALLOC_TUNING=0 turns it off (valgrind runs, comparisons: bench_store reports
//      which it ran with). Sanitizer builds skip it: their allocator ignores glibc's tunables.
//   5. Nothing here allocates through the Store or touches personal data; it runs before any.
#pragma once

namespace quartier::sync {

// The tunables tune_allocator() adds: huge pages for the heap, 64 MiB heap growth steps.
inline constexpr const char* kAllocatorTunables = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864";

// Re-executes the program with kAllocatorTunables in GLIBC_TUNABLES unless it runs with them
// already (or cannot, see above); returns when there is nothing to do. `argv` is main()'s.
void tune_allocator(char** argv);

// Whether tune_allocator() can do anything in this build: glibc, no sanitizer.
bool allocator_tuning_supported();

// Whether this process runs with the tunables (set by tune_allocator, or by the user).
bool allocator_tuned();

}  // namespace quartier::sync
