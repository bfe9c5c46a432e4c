#!/usr/bin/env bash
# Crash loop 1 (docs/reliability.md "Crash loops"): three devices write batches and push them
# (`quartier-cli sync`, concurrently) while quartier-server is SIGKILLed at a random moment just
# after it answered the round's first push, and restarted on the same data directory, round
# after round. After each round, before any clean
# sync could push an op again, the server must hold everything each device counts as pushed.
# At the end, with the server up, clean syncs: every device converges on every acknowledged
# record exactly once, the server holds each op once, and server.db passes integrity_check.
# Usage: crash_server_kill.sh PATH/TO/quartier-cli PATH/TO/quartier-server [ROUNDS]
set -euo pipefail
cli=$1
server=$2
work=$(mktemp -d)
srvdir=$work/srv
. "$(dirname "$0")/crash_common.sh"
cleanup() { kill_server; rm -rf "$work"; }
trap cleanup EXIT
rounds=$(rounds_or "${3:-6}")
devices=(b c d)

setup_org "${devices[@]}"
start=$SECONDS
kills=0 ok_syncs=0 failed_syncs=0 retries=0 dups=0
for round in $(seq 1 "$rounds"); do
  wpids=()
  for s in "${devices[@]}"; do write_batch "$s" "r$round" 300 & wpids+=($!); done
  for p in "${wpids[@]}"; do wait "$p"; done
  before=$(grep -c 'POST /v1/push' "$work/server.log" || true)
  pids=()
  for s in "${devices[@]}"; do
    q "$s" sync >"$work/sync.$s.$round" 2>"$work/sync.$s.$round.err" &
    pids+=($!)
  done
  # Kill once the first push of the round was answered, 0-49 ms later: the other devices'
  # pushes are on the wire or being stored then.
  for _ in $(seq 1 300); do [ "$(grep -c 'POST /v1/push' "$work/server.log" || true)" -gt "$before" ] && break; sleep 0.01; done
  sleep "0.$(printf %03d $((RANDOM % 50)))"
  kill -9 "$spid" 2>/dev/null && kills=$((kills + 1))
  wait "$spid" 2>/dev/null || true
  spid=""
  start_server
  for p in "${pids[@]}"; do
    if wait "$p"; then ok_syncs=$((ok_syncs + 1)); else failed_syncs=$((failed_syncs + 1)); fi
  done
  for s in "${devices[@]}"; do
    n=$(json_number retries <"$work/sync.$s.$round" || true)
    retries=$((retries + ${n:-0}))
    n=$(json_number push_duplicates <"$work/sync.$s.$round" || true)  # stored, but the answer was lost
    dups=$((dups + ${n:-0}))
  done
  check_server_holds_acked "${devices[@]}"
done

[ $((retries + failed_syncs)) -gt 0 ] || fail "no sync met the killed server: the loop tested nothing"
for pass in 1 2; do for s in "${devices[@]}"; do q "$s" sync >/dev/null || fail "clean sync of $s"; done; done
check_converged "${devices[@]}"
total=$(wc -l <"$work/all.acked")
echo "server kill loop: $rounds rounds, $kills SIGKILLs, $ok_syncs syncs finished and $failed_syncs cut off (requests retried across the restarts: $retries; ops pushed again that the server had stored before it died: $dups), $total records on 3 devices and the server exactly once, integrity ok, $((SECONDS - start)) s"
