#!/usr/bin/env bash
# Publishing to planning (docs/reports.md "How a planner gets the yearly report") over the real
# quartier-server with TLS and quartier-cli stores, step by step as the doc says: two teams publish
# their raw counts into their report_raw scopes, the coordinating team lead merges and publishes,
# the planning device lists and exports what it received — and holds nothing else: no case, no raw
# count, no demo family's name in any export, and it is refused a report_raw scope.
# Usage: scenario_publish.sh PATH/TO/quartier-cli PATH/TO/quartier-server
set -euo pipefail
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

# a: the admin. n, s: a caseworker of Team Nord and of Team Süd. k: the coordinating team lead.
# p: planning.
for s in a n s k p; do q $s init --kdf interactive >/dev/null; done
QUARTIER_ESCROW_PASSPHRASE="escrow passphrase" q a org init --server "https://127.0.0.1:$port" --fingerprint "$fp" --bootstrap "$boot" \
  --name "Jugendamt Teststadt" --escrow-file "$work/escrow.json" --kdf interactive >/dev/null
for pair in n:caseworker s:caseworker k:team_lead p:planning; do
  s=${pair%%:*}; role=${pair#*:}
  code=$(q a org enrol --name "Tablet $s" --role "$role")
  sas=$(q $s enrol "$code" --device-name "Tablet $s" 2>/dev/null | json_field confirmation)
  q a org admit "$sas" >/dev/null
done
for s in n s k p; do q $s sync >/dev/null; done
dev_k=$(q k status | json_field device)
dev_p=$(q p status | json_field device)
# Each team's families (the demo families, on each team's tablet: 4 + 4).
q n demo seed >/dev/null
q s demo seed >/dev/null
demir=$(q n list case | grep -o '"id": *"[^"]*"' | head -1 | sed 's/.*: *"\(.*\)"/\1/')

# Setting up (steps 1-3).
report=$(q k scope create --kind report)
raw_n=$(q n scope create --kind report_raw)
raw_s=$(q s scope create --kind report_raw)
for s in n s k; do q $s sync >/dev/null; done
q k scope share "$report" "$dev_p" >/dev/null
q n scope share "$raw_n" "$dev_k" >/dev/null
q s scope share "$raw_s" "$dev_k" >/dev/null
expect_exit 10 q n scope share "$raw_n" "$dev_p"     # planning never holds raw counts
grep -q "may not hold a report_raw scope" "$work/err" || fail "refusal not explained: $(cat "$work/err")"
expect_exit 10 q p scope create --kind report_raw
for round in 1 2; do for s in n s k p; do q $s sync >/dev/null; done; done
echo "scopes: report shared with planning, each team's report_raw with the coordinator; planning refused report_raw"

# Each year (steps 4-6). A team alone has 4 families: its counts are still published.
expect_exit 10 q n report demand --from 2025-01 --to 2026-12 --format json
q n report demand --from 2025-01 --to 2026-12 --publish --scope "$raw_n" --team "Team Nord" >/dev/null
q s report demand --from 2025-01 --to 2026-12 --publish --scope "$raw_s" --team "Team Süd" >/dev/null
expect_exit 10 q n report demand --from 2025-01 --to 2026-12 --publish --scope "$report"   # not into the report scope
for s in n s; do q $s sync >/dev/null; done
q k sync >/dev/null
q k report publish demand --from 2025-01 --to 2026-12 --scope "$report" >"$work/published.json"
grep -q '"version": 1' "$work/published.json" || fail "no version 1: $(cat "$work/published.json")"
grep -q 'Team Nord' "$work/published.json" && grep -q 'Team Süd' "$work/published.json" || fail "not both teams merged"
grep -q '"population": 8' "$work/published.json" || fail "the merged report does not count 8 families"
q k sync >/dev/null
q p sync >/dev/null
q p report published >"$work/list"
[ "$(wc -l <"$work/list")" = 1 ] || fail "planning does not list exactly one published report: $(cat "$work/list")"
id=$(json_field id <"$work/list")
q p report export "$id" --format csv --out "$work/bedarf.csv"
q p report export "$id" --format json >"$work/bedarf.json"
grep -q "Bedarfsbericht" "$work/bedarf.csv" || fail "the CSV export is not the Bedarfsbericht"
grep -q '"population": 8' "$work/bedarf.json" || fail "planning's JSON export does not count 8 families"
echo "published: version 1 of the demand report 2025-2026 from two teams; planning exported $id"

# Planning holds the published report and nothing else.
types=$(q p list | grep -o '"type": *"[^"]*"' | sort -u | tr -d ' ')
[ "$types" = '"type":"published_report"' ] || fail "planning holds other records: $types"
expect_exit 4 q p get "$demir"
for f in "$work/bedarf.csv" "$work/bedarf.json"; do
  for canary in Demir "$demir"; do
    grep -q "$canary" "$f" && fail "planning's export $f names $canary"
  done
done
q p audit list | grep >/dev/null "published report $id" || fail "planning's export is not in its audit log"
q k audit list | grep >/dev/null "published to report scope" || fail "the publishing is not in the coordinator's audit log"
q n audit list | grep >/dev/null "raw counts of 4 cases" || fail "the team's counts are not in its audit log"
echo "planning: only the published report; no case, no raw count, no family's name in its exports; every step audited"
