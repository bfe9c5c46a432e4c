#!/usr/bin/env bash
# Retention and erasure (issue 4, docs/retention.md) over the real quartier-server with TLS and
# quartier-cli stores, with canary strings in the cases:
#   1. cache purge: a case its device saw open and then closed leaves the device after its sync:
#      no canary of it in the device's directory (raw files, WAL included)
#   2. escrow: the case's only device is revoked and wiped; `escrow restore` with the offline
#      escrow file grants the case to a newly enrolled device, which reads it
#   3. crypto-shredding: an erasure order for a second case: every device destroys it and
#      confirms, the server holds no envelope, grant or escrow wrap of it, the deletion record
#      lists the confirmations, and its canaries appear nowhere on any device or the server
# Usage: scenario_retention.sh PATH/TO/quartier-cli PATH/TO/quartier-server
set -euo pipefail
. "$(dirname "$0")/../support/plaintext.sh"
cli=$1
server=$2
work=$(mktemp -d)
spid=""
cleanup() { [ -n "$spid" ] && kill "$spid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
unset QUARTIER_STORE QUARTIER_PASSPHRASE QUARTIER_ESCROW_PASSPHRASE

q() { local s=$1; shift; QUARTIER_PASSPHRASE="passphrase of $s" "$cli" --store "$work/$s" "$@"; }
fail() { echo "FAIL: $*"; [ -f "$work/server.log" ] && tail -20 "$work/server.log"; exit 1; }
json_field() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }
json_number() { grep -o "\"$1\": *[0-9]*" | head -1 | grep -o '[0-9]*$'; }
# Canary strings in any file below the given directories, WAL and journal files included.
# Ciphertext: 32 bytes from the end of one of the scope's envelopes on the server, as hex. The same
# bytes sit in every member device's database, so finding them shows the data itself is (still) there.
ciphertext_of() {
  sqlite3 "$work/srv/server.db" "SELECT hex(substr(bytes, length(bytes) - 48, 32)) FROM envelopes WHERE scope = X'$1' LIMIT 1" | tr 'A-F' 'a-f'
}
holds() { local hex=$1 dump; shift; dump=$(find "$@" -type f -exec od -An -v -tx1 {} + | tr -d ' \n'); [[ $dump == *"$hex"* ]]; }

"$server" init --data "$work/srv" >"$work/init.json"
fp=$(tr ',' '\n' <"$work/init.json" | grep fingerprint | cut -d'"' -f4)
boot=$(tr ',' '\n' <"$work/init.json" | grep bootstrap | cut -d'"' -f4)
"$server" serve --data "$work/srv" --listen 127.0.0.1:0 >"$work/serve.out" 2>>"$work/server.log" &
spid=$!
for _ in $(seq 1 100); do grep -q 'listening on' "$work/serve.out" && break; sleep 0.05; done
port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$work/serve.out" | grep -o '[0-9]*$') || fail "server did not start"
url="https://127.0.0.1:$port"

for s in a b c; do q $s init --kdf interactive >/dev/null; done
echo "escrow passphrase for the office safe" >"$work/escrow.pass"
q a org init --server "$url" --fingerprint "$fp" --bootstrap "$boot" --name "Jugendamt Teststadt" --device-name "Admin" \
  --escrow-file "$work/escrow.json" --escrow-passphrase-file "$work/escrow.pass" --kdf interactive >/dev/null
[ -f "$work/escrow.json" ] || fail "no escrow file written"
[ "$(stat -c %a "$work/escrow.json")" = 600 ] || fail "escrow file is readable by others"
enrol() {
  local s=$1
  q $s init --kdf interactive >/dev/null 2>&1 || true
  code=$(q a org enrol --name "Tablet $s")
  q $s enrol "$code" --device-name "Tablet $s" >/dev/null 2>&1
  sas=$(q a org requests | grep -A2 "\"name\": \"Tablet $s\"" | json_field sas)
  q a org admit "$sas" >/dev/null
  q $s sync >/dev/null
}
for s in b c; do enrol $s; done
dev_b=$(q b status | json_field device)
dev_c=$(q c status | json_field device)

# Two cases on b: KIEBITZ (it will be closed), REGENPFEIFER (shared with c, it will be shredded).
case1=$(q b scope create --kind case)
case2=$(q b scope create --kind case)
k1=$(q b put case name="Familie KIEBITZ" status=open --scope "$case1")
q b put note text="Hausbesuch KIEBITZ" --scope "$case1" >/dev/null
k2=$(q b put case name="Familie REGENPFEIFER" status=open --scope "$case2")
q b put note text="Vermerk REGENPFEIFER" --scope "$case2" >/dev/null
q b sync >/dev/null
q b scope share "$case2" "$dev_c"
for s in b c b c; do q $s sync >/dev/null; done
[ "$(q c get "$k2" | json_field name)" = "Familie REGENPFEIFER" ] || fail "c did not receive case 2"

# 1. Cache purge of a closed case.
c1=$(ciphertext_of "$case1"); c2=$(ciphertext_of "$case2")
[ ${#c1} = 64 ] && [ ${#c2} = 64 ] || fail "no envelopes of the cases on the server"
holds "$c1" "$work/b" || fail "case 1's ciphertext is not in b's directory to begin with"
holds "$c2" "$work/c" || fail "case 2's ciphertext is not in c's directory to begin with"
q b put case "$k1" status=closed >/dev/null
q b sync >"$work/b.sync"
[ "$(json_number cases_closed <"$work/b.sync")" = 1 ] || fail "the closed case did not leave b: $(cat "$work/b.sync")"
set +e; q b get "$k1" >/dev/null 2>&1; rc=$?; set -e
[ $rc = 4 ] || fail "b still shows the closed case (exit $rc)"
q b scope list | grep >/dev/null "$case1" && fail "b still holds a key of the closed case"
no_plaintext "the closed case in b's directory" KIEBITZ "$work/b" || fail "see above"
if holds "$c1" "$work/b"; then fail "ciphertext of the closed case still in b's directory"; fi
echo "cache purge: the closed case left b; no canary and none of its ciphertext in $(find "$work/b" -type f | wc -l) files of its directory"

# 2. Escrow: the case's only device is revoked and wiped; the office restores it to a new tablet.
q a org revoke "$dev_b" --wipe >/dev/null
set +e; q b sync >/dev/null 2>&1; rc=$?; set -e
[ $rc = 9 ] || fail "b was not refused after its revocation (exit $rc)"
enrol d
dev_d=$(q d status | json_field device)
set +e; q a escrow restore --escrow-file "$work/escrow.json" --escrow-passphrase-file "$work/b.sync" --case "$case1" --to "$dev_d" >/dev/null 2>&1; rc=$?; set -e
[ $rc = 2 ] || fail "a wrong escrow passphrase was not refused (exit $rc)"
q a escrow restore --escrow-file "$work/escrow.json" --escrow-passphrase-file "$work/escrow.pass" --case "$case1" --to "$dev_d" >"$work/restore.json"
grep -q '"missing_epochs": \[\]' "$work/restore.json" || fail "restore missed epochs: $(cat "$work/restore.json")"
q d sync >/dev/null; q d sync >/dev/null
[ "$(q d get "$k1" | json_field name)" = "Familie KIEBITZ" ] || fail "the restored case is not readable on d"
echo "escrow: b revoked and wiped, case restored from the escrow file to d and read there"

# 3. Crypto-shredding of case 2 on an erasure order.
q a retention shred "$case2" --order erasure --reason "Art. 17 DSGVO, Löschersuchen" >/dev/null
q c sync >"$work/c.sync"
[ "$(json_number scopes_shredded <"$work/c.sync")" = 1 ] || fail "c did not shred case 2: $(cat "$work/c.sync")"
grep -q '"server_violations": \[\]' "$work/c.sync" || fail "c found the server still holding case 2"
for s in a c d; do q $s sync >/dev/null; done
q a retention records >"$work/records.json"
grep -q "\"device\": \"$dev_c\"" "$work/records.json" || fail "no confirmation of c in the deletion record"
grep -q '"pending": \[\]' "$work/records.json" || fail "devices still pending: $(cat "$work/records.json")"
grep -q '"problems": \[\]' "$work/records.json" || fail "deletion record has problems: $(cat "$work/records.json")"
"$server" deletions --data "$work/srv" >"$work/deletions.json"
tr -d ' \n' <"$work/deletions.json" | grep >/dev/null '"held":{"envelopes":0,"escrow_wraps":0,"grants":0}' || fail "the server still holds case 2: $(cat "$work/deletions.json")"
set +e; q c get "$k2" >/dev/null 2>&1; rc=$?; set -e
[ $rc = 4 ] || fail "c still shows the shredded case (exit $rc)"
for s in a c d; do q $s scope list | grep >/dev/null "$case2" && fail "$s still holds a key of the shredded case"; done
set +e; q a escrow restore --escrow-file "$work/escrow.json" --escrow-passphrase-file "$work/escrow.pass" --case "$case2" --to "$dev_d" >/dev/null 2>&1; rc=$?; set -e
[ $rc = 4 ] || fail "the escrow key still restores the shredded case (exit $rc)"
no_plaintext "the shredded case, anywhere" REGENPFEIFER "$work/a" "$work/b" "$work/c" "$work/d" "$work/srv" "$work/server.log" || fail "see above"
if holds "$c2" "$work/a" "$work/b" "$work/c" "$work/d" "$work/srv"; then fail "ciphertext of the shredded case left somewhere"; fi
no_plaintext "the server's data directory and log" KIEBITZ "$work/srv" "$work/server.log" || fail "see above"
echo "crypto-shredding: case 2 confirmed by c, nothing of it held by the server, no key and no canary on any device or the server"
