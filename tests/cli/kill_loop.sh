#!/usr/bin/env bash
# SIGKILLs quartier-cli in the middle of a stream of writes, again and again, then checks that
# the store verifies, that every acknowledged record is there exactly once, and that no canary
# string ever reached the disk (checked while writing and after each kill).
# Usage: kill_loop.sh PATH/TO/quartier-cli [ROUNDS]
set -euo pipefail
. "$(dirname "$0")/../support/plaintext.sh"
cli=$1
rounds=${2:-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store=$work/store
export QUARTIER_PASSPHRASE="kill-loop passphrase"
unset QUARTIER_STORE

"$cli" --store "$store" init --kdf interactive >/dev/null
: >"$work/acked"
kills=0
for round in $(seq 1 "$rounds"); do
  # A stream of lines, each its own transaction, acknowledged with "ok ID" once durable.
  for i in $(seq 1 400); do echo "note r$round-$i text=ZAUNKOENIG-$round-$i-$RANDOM"; done \
    | "$cli" --store "$store" batch >"$work/out.$round" 2>"$work/err.$round" &
  pid=$!
  sleep "0.$(( (RANDOM % 35) + 5 ))"
  no_plaintext "while writing, round $round" ZAUNKOENIG "$store" || exit 1
  if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
  wait "$pid" 2>/dev/null || true
  no_plaintext "after SIGKILL, round $round" ZAUNKOENIG "$store" || exit 1
  grep '^ok ' "$work/out.$round" | cut -d' ' -f2 >>"$work/acked" || true
done

acked=$(wc -l <"$work/acked")
"$cli" --store "$store" verify >"$work/verify.json" || { echo "FAIL: verify after kills:"; cat "$work/verify.json"; exit 1; }
"$cli" --store "$store" list note >"$work/list.json"
"$cli" --store "$store" status >"$work/status.json"

missing=0
while read -r id; do
  n=$(grep -c "\"id\": \"$id\"" "$work/list.json" || true)
  if [ "$n" != 1 ]; then echo "FAIL: acknowledged record $id found $n times"; missing=$((missing + 1)); fi
done <"$work/acked"
records=$(grep -o '"records": [0-9]*' "$work/status.json" | grep -o '[0-9]*$')
ops=$(grep -o '"ops": [0-9]*' "$work/status.json" | grep -o '[0-9]*$')
conflicts=$(grep -o '"conflicts": [0-9]*' "$work/status.json" | grep -o '[0-9]*$')
# Every line makes one new record with one op: more ops than records would be a duplicate.
if [ "$ops" != "$records" ] || [ "$conflicts" != 0 ]; then echo "FAIL: $ops ops for $records records, $conflicts conflicts"; exit 1; fi
if [ "$records" -lt "$acked" ]; then echo "FAIL: $records records but $acked acknowledged"; exit 1; fi
[ "$missing" = 0 ] || exit 1
echo "kill loop: $rounds rounds, $kills kills, $acked acknowledged, $records records (the rest were in flight), verify ok"
