#!/usr/bin/env bash
# Kills the real quartier app (SIGKILL) in the middle of a scripted home visit, again and again,
# restarts it and checks that the draft holds every answer the app had acknowledged as stored,
# that the visit was resumed rather than started twice (and no answer given twice), and that the
# note never reached the disk
# in plaintext. The last round lets the script finish and requires every answer.
# Usage: visit_kill.sh PATH/TO/quartier [ROUNDS]
set -euo pipefail
. "$(dirname "$0")/../support/plaintext.sh"
app=$1
rounds=${2:-6}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store=$work/store
export QT_QPA_PLATFORM=offscreen
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
export QUARTIER_TEST_PASSPHRASE="visit kill passphrase"

run_until() {  # run_until PATTERN: start the scripted visit, return once stdout shows PATTERN, kill it
  local pattern=$1 out=$work/out.$round
  QUARTIER_TEST_VISIT=run "$app" --store "$store" >"$out" 2>"$work/err.$round" &
  local pid=$! waited=0
  until grep -qE "$pattern" "$out" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "FAIL: the app ended by itself (round $round):"; cat "$out" "$work/err.$round"; exit 1; fi
    sleep 0.05; waited=$((waited + 1))
    if [ "$waited" -gt 1200 ]; then echo "FAIL: no '$pattern' within 60 s (round $round)"; cat "$out"; kill -9 "$pid"; exit 1; fi
  done
  if grep -q '^error' "$out"; then echo "FAIL: the scripted visit failed (round $round):"; cat "$out"; kill -9 "$pid"; exit 1; fi
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  acked=$(grep -c '^ok ' "$out" || true)
}

check() {  # check MIN_FOUND
  QUARTIER_TEST_VISIT=check "$app" --store "$store" >"$work/check.$round" 2>&1 || { echo "FAIL: check run"; cat "$work/check.$round"; exit 1; }
  local found drafts
  found=$(sed -n 's/^found //p' "$work/check.$round")
  drafts=$(sed -n 's/^drafts //p' "$work/check.$round")
  if [ "$(sed -n 's/^duplicates //p' "$work/check.$round")" != 0 ]; then echo "FAIL: an answer stored twice after round $round"; cat "$work/check.$round"; exit 1; fi
  if [ "$drafts" != 1 ]; then echo "FAIL: $drafts open drafts after round $round (expected exactly one, resumed)"; exit 1; fi
  if [ "$found" -lt "$1" ]; then
    echo "FAIL: round $round: $1 answers acknowledged, only $found found after the kill"
    cat "$work/check.$round" "$work/out.$round"; exit 1
  fi
  no_plaintext "round $round" ZAUNKOENIG-VISIT "$store" || exit 1
  echo "round $round: killed after $acked acknowledged answers, $found found"
}

# Kill after a random number of acknowledged answers (the first round may also create the store).
for round in $(seq 1 $((rounds - 1))); do
  n=$(( (RANDOM % 9) + 1 ))
  run_until "^ok $n\$"
  check "$acked"
done
round=$rounds
run_until '^done$'
check 10
echo "visit kill test: $rounds rounds, every acknowledged answer found, one draft"
