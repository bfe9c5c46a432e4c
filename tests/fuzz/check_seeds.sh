#!/usr/bin/env bash
# fuzz_seeds_current: the seeds and dictionaries in tests/fuzz/ are what fuzz_seeds writes today.
# fuzz_seeds draws from a fixed random stream, so its output is the same bytes on every run; a
# difference means the formats moved on and the seeds were not regenerated (`scripts/fuzz seeds`).
# Files it does not write (regressions added by hand) are not compared.
#   check_seeds.sh FUZZ_SEEDS SOURCE_DIR SCRATCH_DIR
set -euo pipefail
gen=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
"$gen" "$scratch" >/dev/null
stale=0
while IFS= read -r -d '' f; do
  rel=${f#"$scratch"/}
  if ! cmp -s "$f" "$src/$rel"; then
    echo "stale or missing: tests/fuzz/$rel" >&2
    stale=1
  fi
done < <(find "$scratch" -type f -print0)
if [ "$stale" -ne 0 ]; then
  echo "The fuzz seeds no longer match their generator: run 'scripts/fuzz seeds' and commit tests/fuzz/." >&2
  exit 1
fi
