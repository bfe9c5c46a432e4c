#!/usr/bin/env bash
# One fuzz target's short run under CTest (tests/fuzz/CMakeLists.txt): the repository's seeds are
# replayed first, then the target fuzzes for a few seconds. New inputs go to a scratch corpus in the
# build tree, never into the repository; a crash leaves its input in the build tree and fails.
#   short_run.sh BINARY TARGET SOURCE_DIR BINARY_DIR DICT SECONDS
set -euo pipefail
bin=$1 target=$2 src=$3 out=$4 dict=$5 seconds=$6
scratch="$out/short/$target"
rm -rf "$scratch"
mkdir -p "$scratch/corpus" "$scratch/artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -dict="$src/dict/$dict" -artifact_prefix="$scratch/artifacts/" \
  "$scratch/corpus" "$src/corpus/$target"
