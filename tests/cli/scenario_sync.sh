#!/usr/bin/env bash
# The sync issue's scripted scenario, over the real quartier-server with TLS and four
# quartier-cli stores: found an organisation (a, the admin, which holds no content key:
# docs/roles.md), enrol three devices (confirmation strings compared), share a team scope,
# edit the same field offline on two devices, sync all: all three show the
# same records and the same open conflict; resolve it on one: resolved everywhere. Then: canary
# strings appear nowhere in the server's data directory or log, and a server killed with SIGKILL
# in the middle of a large push and restarted lets the client finish with nothing lost or doubled.
# Usage: scenario_sync.sh PATH/TO/quartier-cli PATH/TO/quartier-server
set -euo pipefail
. "$(dirname "$0")/../support/plaintext.sh"
cli=$1
server=$2
work=$(mktemp -d)
spid=""
cleanup() { [ -n "$spid" ] && kill -9 "$spid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
unset QUARTIER_STORE QUARTIER_PASSPHRASE

q() { local s=$1; shift; QUARTIER_PASSPHRASE="passphrase of $s" "$cli" --store "$work/$s" "$@"; }
fail() { echo "FAIL: $*"; [ -f "$work/server.log" ] && tail -20 "$work/server.log"; exit 1; }
json_field() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }
json_number() { grep -o "\"$1\": *[0-9]*" | head -1 | grep -o '[0-9]*$'; }

start_server() {
  : >"$work/serve.out"
  "$server" serve --data "$work/srv" --listen "127.0.0.1:${port:-0}" >"$work/serve.out" 2>>"$work/server.log" &
  spid=$!
  for _ in $(seq 1 100); do grep -q 'listening on' "$work/serve.out" && break; sleep 0.05; done
  grep -q 'listening on' "$work/serve.out" || fail "server did not start"
  port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$work/serve.out" | grep -o '[0-9]*$')
}

"$server" init --data "$work/srv" >"$work/init.json"
fp=$(tr ',' '\n' <"$work/init.json" | grep fingerprint | cut -d'"' -f4)
boot=$(tr ',' '\n' <"$work/init.json" | grep bootstrap | cut -d'"' -f4)
start_server
url="https://127.0.0.1:$port"

for s in a b c d; do q $s init --kdf interactive >/dev/null; done
QUARTIER_ESCROW_PASSPHRASE="escrow passphrase" q a org init --server "$url" --fingerprint "$fp" --bootstrap "$boot" --name "Jugendamt Teststadt" \
  --device-name "Admin" --escrow-file "$work/escrow.json" --kdf interactive >/dev/null
for s in b c d; do
  code=$(q a org enrol --name "Tablet $s")
  shown=$(q $s enrol "$code" --device-name "Tablet $s" 2>/dev/null | json_field confirmation)
  seen=$(q a org requests | grep -B1 -A2 "\"name\": \"Tablet $s\"" | json_field sas)
  [ "$shown" = "$seen" ] || fail "confirmation strings differ: device shows $shown, admin sees $seen"
  q a org admit "$seen" >/dev/null
done
team=$(q b scope create --kind team)
q b sync >/dev/null
for s in c d; do
  dev=$(q $s status | json_field device)
  q b scope share "$team" "$dev"
done
for s in c d b; do q $s sync >/dev/null; done

q d put case fam-1 name="Familie AMSEL-Name" status=offen --scope "$team" >/dev/null
for s in d b c; do q $s sync >/dev/null; done
[ "$(q c get fam-1 | json_field name)" = "Familie AMSEL-Name" ] || fail "device c did not receive fam-1"

# Offline on b and c: the same field, differently.
q b put case fam-1 status="in Klärung AMSEL" >/dev/null
q c put case fam-1 status="abgeschlossen" note="Hausbesuch AMSEL" >/dev/null
for s in b c d b; do q $s sync >/dev/null; done
for s in d b c; do q $s get fam-1 >"$work/$s.get"; q $s conflicts >"$work/$s.conflicts"; done
cmp -s "$work/d.get" "$work/b.get" && cmp -s "$work/d.get" "$work/c.get" || fail "devices show different records"
cmp -s "$work/d.conflicts" "$work/b.conflicts" && cmp -s "$work/d.conflicts" "$work/c.conflicts" || fail "devices show different conflicts"
grep -q '"status"' "$work/d.conflicts" || fail "no open conflict on status"
grep -q 'in Klärung AMSEL' "$work/d.conflicts" && grep -q 'abgeschlossen' "$work/d.conflicts" || fail "a conflict version is missing"

q b resolve fam-1 status "in Klärung"
for s in b d c; do q $s sync >/dev/null; done
for s in d b c; do
  [ "$(q $s conflicts | tr -d ' \n')" = "[]" ] || fail "conflict still open on $s"
  [ "$(q $s get fam-1 | json_field status)" = "in Klärung" ] || fail "resolution missing on $s"
done
echo "scenario: 3 devices enrolled beside the admin, conflict shown alike on all three, resolved on one, resolved everywhere"

# The server never saw content.
no_plaintext "the server's data directory and log" AMSEL "$work/srv" "$work/server.log" || fail "see above"
echo "canaries: none in $(find "$work/srv" -type f | wc -l) server files or the log"

# SIGKILL the server in the middle of a large push, restart it, let the client finish.
seq 1 4000 | sed 's/.*/case bulk-& name=AMSEL-bulk-& status=neu/' | q b batch --scope "$team" >/dev/null
q b sync >"$work/b.sync" 2>"$work/b.sync.err" &
cpid=$!
for _ in $(seq 1 200); do grep -q 'POST /v1/push 200' "$work/server.log" && break; sleep 0.02; done
kill -9 "$spid"; wait "$spid" 2>/dev/null || true; spid=""
pushed_before=$(grep -c 'POST /v1/push 200' "$work/server.log" || true)
start_server
wait "$cpid" || q b sync >/dev/null || fail "client could not finish after the restart"
q b sync >/dev/null
for s in c d; do q $s sync >/dev/null; done
n=$(q c list case | grep -c '"id": "bulk-' || true)
[ "$n" = 4000 ] || fail "device c has $n of 4000 records"
[ "$(q b status | json_number pending)" = 0 ] || fail "b still has pending ops"
ops_b=$(q b status | json_number ops); ops_c=$(q c status | json_number ops); ops_d=$(q d status | json_number ops)
[ "$ops_b" = "$ops_c" ] && [ "$ops_d" = "$ops_c" ] || fail "op counts differ: d=$ops_d b=$ops_b c=$ops_c (lost or duplicated)"
for s in a b c d; do q $s verify >/dev/null || fail "verify failed on $s"; done
no_plaintext "the server's data directory and log" AMSEL "$work/srv" "$work/server.log" || fail "see above"
echo "server SIGKILL after $pushed_before acknowledged push batches: client finished, 4000 records on every device, $ops_c ops each, verify ok"
