#!/usr/bin/env bash
# Crash loop 2 (docs/reliability.md "Crash loops"): device b pushes many records; device c,
# with all of them to pull and ingest, is SIGKILLed in the middle of `quartier-cli sync` again
# and again (b pushes more between rounds, so there is always something in flight). After each
# kill no canary is on c's disk; at the end c syncs cleanly: its store verifies, it holds every
# record exactly once (one op each), and still no canary.
# Usage: crash_client_kill.sh PATH/TO/quartier-cli PATH/TO/quartier-server [ROUNDS]
set -euo pipefail
cli=$1
server=$2
work=$(mktemp -d)
srvdir=$work/srv
. "$(dirname "$0")/crash_common.sh"
cleanup() { kill_server; rm -rf "$work"; }
trap cleanup EXIT
rounds=$(rounds_or "${3:-10}")

setup_org b c
start=$SECONDS
write_batch b r0 1500
q b sync >/dev/null
kills=0 finished=0
for round in $(seq 1 "$rounds"); do
  q c sync >"$work/sync.$round" 2>"$work/sync.$round.err" &
  pid=$!
  sleep "0.$(( (RANDOM % 60) + 15 ))"
  if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
  wait "$pid" 2>/dev/null && finished=$((finished + 1)) || true
  no_plaintext "c's store after SIGKILL, round $round" ELSTER "$work/c" || fail "see above"
  write_batch b "r$round" 300
  q b sync >/dev/null || fail "b's sync, round $round"
done

for pass in 1 2; do for s in c b; do q "$s" sync >/dev/null || fail "clean sync of $s"; done; done
check_converged b c
no_plaintext "c's store after the clean sync" ELSTER "$work/c" || fail "see above"
total=$(wc -l <"$work/all.acked")
echo "client kill loop: $rounds rounds, $kills SIGKILLs of c's sync ($finished finished first), $total records on c exactly once, verify ok, no canary, $((SECONDS - start)) s"
