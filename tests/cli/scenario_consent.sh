#!/usr/bin/env bash
# Issue 4's must-show over the real quartier-server with TLS and quartier-cli stores: an entrusted
# note is unreadable on a colleague's device until shared with consent; after the consent is
# withdrawn (on the colleague's device, learnt at the next sync) a new share is refused. On the
# way: a share without a legal basis is refused, a personal scope cannot be shared, a team lead
# and the admin hold no case key, the audit log names the legal basis, and the server never sees
# the note's text.
# Usage: scenario_consent.sh PATH/TO/quartier-cli PATH/TO/quartier-server
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
# Runs a command that must fail with exit code $1; its stderr goes to $work/err.
expect_exit() {
  local want=$1; shift
  set +e; "$@" >"$work/out" 2>"$work/err"; local got=$?; set -e
  [ "$got" = "$want" ] || fail "expected exit $want, got $got from: $* ($(cat "$work/err"))"
}

"$server" init --data "$work/srv" >"$work/init.json"
fp=$(tr ',' '\n' <"$work/init.json" | grep fingerprint | cut -d'"' -f4)
boot=$(tr ',' '\n' <"$work/init.json" | grep bootstrap | cut -d'"' -f4)
"$server" serve --data "$work/srv" --listen "127.0.0.1:0" >"$work/serve.out" 2>>"$work/server.log" &
spid=$!
for _ in $(seq 1 100); do grep -q 'listening on' "$work/serve.out" && break; sleep 0.05; done
port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$work/serve.out" | grep -o '[0-9]*$')
[ -n "$port" ] || fail "server did not start"

# a: the admin. b: the caseworker who visits the family. c: a caseworker colleague on the case.
# d: the team lead.
for s in a b c d; do q $s init --kdf interactive >/dev/null; done
QUARTIER_ESCROW_PASSPHRASE="escrow passphrase" q a org init --server "https://127.0.0.1:$port" --fingerprint "$fp" --bootstrap "$boot" \
  --name "Jugendamt Teststadt" --escrow-file "$work/escrow.json" --kdf interactive >/dev/null
for pair in b:caseworker c:caseworker d:team_lead; do
  s=${pair%%:*}; role=${pair#*:}
  code=$(q a org enrol --name "Tablet $s" --role "$role")
  sas=$(q $s enrol "$code" --device-name "Tablet $s" 2>/dev/null | json_field confirmation)
  q a org admit "$sas" >/dev/null
done
for s in b c d; do q $s sync >/dev/null; done
dev_c=$(q c status | json_field device)
dev_d=$(q d status | json_field device)

# The admin holds no content keys: it cannot even make a team scope.
expect_exit 10 q a scope create --kind team
grep -q "role: role admin may not hold a team scope" "$work/err" || fail "admin refusal not explained: $(cat "$work/err")"

case_id=$(q b scope create --kind case)
q b sync >/dev/null
q b scope share "$case_id" "$dev_c"
expect_exit 10 q b scope share "$case_id" "$dev_d"   # a team lead reads no case content
personal=$(q b scope list | grep -A4 '"default": true' | json_field scope)
expect_exit 10 q b scope share "$personal" "$dev_c"   # nobody joins a personal scope

note=$(q b entrusted put note text="Mutter erzählt VERTRAUT-canary im Hausbesuch")
for s in b c d; do q $s sync >/dev/null; done
expect_exit 4 q c get "$note"
expect_exit 4 q d get "$note"
echo "entrusted note $note: unreadable on the colleague's and the team lead's devices"

# No legal basis: refused.
expect_exit 10 q b share "$note" --scope "$case_id" --purpose hilfeplanung
grep -q "no_basis" "$work/err" || fail "refusal without basis does not say no_basis: $(cat "$work/err")"

# The mother consents in writing; the note is shared into the case.
cid=$(q b consent add --scope "$case_id" --consenting "Mutter" --on-behalf-of "Kind" --data note \
        --purpose hilfeplanung --recipients caseworker --form written --valid-from 2020-01-01)
q b share "$note" --scope "$case_id" --consent "$cid" --purpose hilfeplanung >"$work/share.json"
copy=$(json_field copy <"$work/share.json")
grep -q "Nr. 1 SGB VIII (Einwilligung $cid)" "$work/share.json" || fail "no legal basis in the share answer"
for s in b c; do q $s sync >/dev/null; done
[ "$(q c get "$copy" | json_field text)" = "Mutter erzählt VERTRAUT-canary im Hausbesuch" ] || fail "colleague cannot read the shared copy"
expect_exit 4 q c get "$note"   # the original stays entrusted
q b audit list | grep >/dev/null '"action": "disclose"' || fail "no disclose entry in b's audit log"
q b audit list | grep >/dev/null "Einwilligung $cid" || fail "the audit log does not name the consent"
echo "shared with consent $cid: the colleague reads copy $copy; the audit log names the legal basis"

# The mother withdraws at the colleague's desk. b learns it at its next sync; then a new share is refused.
q c consent withdraw "$cid" --note "mündlich widerrufen"
q c consent list | grep >/dev/null '"state": "withdrawn"' || fail "withdrawal not shown on c"
note2=$(q b entrusted put note text="Zweiter Vermerk VERTRAUT-canary")
for s in c b; do q $s sync >/dev/null; done
q b consent list | grep >/dev/null '"state": "withdrawn"' || fail "b did not learn the withdrawal at its sync"
expect_exit 10 q b share "$note2" --scope "$case_id" --consent "$cid" --purpose hilfeplanung
grep -q "withdrawn" "$work/err" || fail "refusal does not say withdrawn: $(cat "$work/err")"
q b sync >/dev/null; q c sync >/dev/null
[ "$(q c list note | grep -c '"id"')" = 1 ] || fail "c holds another note than the first copy"
echo "consent withdrawn on c, learnt by b at its next sync: the next share is refused"

# An exception of §65(1) needs a written reason.
expect_exit 10 q b share "$note2" --scope "$case_id" --exception 4
grep -q "no_reason" "$work/err" || fail "exception without reason not refused as no_reason"
q b share "$note2" --scope "$case_id" --exception 4 --reason "Gefährdungseinschätzung nach 8a" | grep >/dev/null "Nr. 4" ||
  fail "exception share did not name Nr. 4"

# The server never saw the notes.
no_plaintext "the server's data directory and log" VERTRAUT "$work/srv" "$work/server.log" || fail "see above"
for s in b c; do q $s verify >/dev/null || fail "verify failed on $s"; q $s audit verify >/dev/null || fail "audit verify failed on $s"; done
echo "canaries: none on the server; verify and audit verify ok"
