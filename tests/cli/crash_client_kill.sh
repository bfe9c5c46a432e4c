#!/usr/bin/env bash
# Crash loop 2 (docs/reliability.md "Crash loops"): device b pushes many records; device c,
# with all of them to pull and ingest, is SIGKILLed in the middle of `quartier-cli sync` again
# and again (b pushes more between rounds, so there is always something in flight). After each
# kill c's store verifies and no canary is on its disk; at the end c syncs cleanly: its store verifies, it holds every
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
rounds=$(rounds_or "${3:-6}")

setup_org b c
start=$SECONDS
pad=$(head -c 6000 /dev/zero | tr '\0' 'p')
cdev=$(q c status | json_field device)
pulls() { grep -c "$cdev GET /v1/pull" "$work/server.log" || true; }
kills=0 mid_pull=0 finished=0
# Each round b pushes 600 records of about 6 KB (3.6 MB to pull); c's sync is then killed a
# random moment after the server answered its first pull page, a moment that may lie later with
# each try (so that later tries get further), until a sync finishes.
for round in $(seq 1 "$rounds"); do
  seq 1 600 | sed "s/.*/case b-r$round-& name=ELSTER-b-r$round-&-$pad/" \
    | q b batch --scope "$team" | grep '^ok ' | cut -d' ' -f2 >>"$work/acked.b"
  q b sync >/dev/null || fail "b's sync, round $round"
  for try in $(seq 1 15); do
    before=$(pulls)
    # The binary itself, not the shell function q: a SIGKILL must reach quartier-cli.
    QUARTIER_PASSPHRASE="passphrase of c" "$cli" --store "$work/c" sync >"$work/sync.$round" 2>"$work/sync.$round.err" &
    pid=$!
    # Once the server has answered c's first pull page: c is receiving and ingesting.
    for _ in $(seq 1 300); do [ "$(pulls)" -gt "$before" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.01; done
    sleep "0.$(printf '%03d' $(( RANDOM % (25 * try) )))"
    if kill -9 "$pid" 2>/dev/null; then
      kills=$((kills + 1))
      [ "$(pulls)" -gt "$before" ] && mid_pull=$((mid_pull + 1))
    fi
    if wait "$pid" 2>/dev/null; then finished=$((finished + 1)); break; fi
    no_plaintext "c's store after SIGKILL, round $round" ELSTER "$work/c" || fail "see above"
    q c verify >"$work/verify.kill" || { cat "$work/verify.kill"; fail "c's store does not verify after a SIGKILL, round $round"; }
  done
done
[ "$mid_pull" -gt 0 ] || fail "no sync of c was cut off after its first page: the loop tested nothing"
for pass in 1 2; do for s in c b; do q "$s" sync >/dev/null || fail "clean sync of $s"; done; done
check_converged b c
no_plaintext "c's store after the clean sync" ELSTER "$work/c" || fail "see above"
total=$(wc -l <"$work/all.acked")
echo "client kill loop: $rounds rounds, $kills SIGKILLs of c's sync ($mid_pull after its first pull page), $finished syncs let finish, $total records on c exactly once, verify ok, no canary, $((SECONDS - start)) s"
