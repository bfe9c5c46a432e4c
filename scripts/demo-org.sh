#!/usr/bin/env bash
# The demo organisation behind README command 1 (scripts/run): a local quartier-server and two stores,
# all under one directory (default ./demo-data; fictional data only).
#
#   scripts/demo-org.sh BUILD_DIR DEMO_DIR      prints the server's PID on stdout; logs go to DEMO_DIR
#
# First run (DEMO_DIR/store missing): `quartier-server init`, then
#   admin/   the office's admin store (quartier-cli): founds "Jugendamt Norderstedt (Demo)" (with its
#            escrow file), admits both tablets; it holds no content key (docs/roles.md)
#   store/   the tablet's store, the one the app opens: enrolled as a caseworker, holding the demo data
#            (quartier-cli demo seed): four social spaces and about 60 offers in the organisation's
#            offer directory scope, and four families, each in a case scope of its own; synced
#   deputy/  a second caseworker tablet (the deputy, "Tablet ASD Vertretung"): the first tablet shares
#            the offer map and one family (Familie Demir) with it; after a sync it holds exactly that
#            family and the offers, which the script checks with quartier-cli (and stops if not)
#   lead/    the Sozialraumteam's team lead ("Tablet Teamleitung Nord"): holds the team scope, which the
#            first tablet founds and shares with it and the deputy, and the offer map; no case key; after a sync it
#            shows the team's case index of the four families (checked), by pseudonym
#   helper/  a free provider's family helper ("Tablet Familienhilfe Nord", Kinderhaus Nord e. V.): the
#            Kowalski family is assigned to the provider and shared with it; after a sync it holds
#            exactly that family (checked), where it writes its Verlaufsbericht
# Every run: starts the server on 127.0.0.1:$QUARTIER_DEMO_PORT (default 8443) in the background.
# All stores use the passphrase in $QUARTIER_DEMO_PASSPHRASE (default "demo-passphrase"), printed on
# stderr: a fixed passphrase is acceptable here only because everything in the demo is fictional.
# A half-made demo directory (setup interrupted) is moved aside and made anew.
set -euo pipefail
build=$1
demo=$2
cli="$build/app/quartier-cli"
server="$build/sync/server/quartier-server"
port=${QUARTIER_DEMO_PORT:-8443}
pass=${QUARTIER_DEMO_PASSPHRASE:-demo-passphrase}
mkdir -p "$demo"
log="$demo/setup.log"

q() { local s=$1; shift; QUARTIER_PASSPHRASE="$pass" "$cli" --store "$demo/$s" "$@" 2>>"$log"; }
json_field() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }
# The first element of a JSON array of strings printed one per line (`"key": [` then `"value",`).
json_first() { sed -n "/\"$1\": \[/{n;p;}" | tr -d ' ",'; }
fail_setup() { echo "demo: $1 (see $log)" >&2; exit 1; }
# tablet STORE NAME ROLE [PROVIDER]: a store enrolled by the office under NAME and admitted, synced
# once; prints its device id.
tablet() {
  local store=$1 name=$2 role=$3 provider=${4:-} code shown
  q "$store" init --kdf interactive >/dev/null
  code=$(q admin org enrol --name "$name" --role "$role" ${provider:+--provider "$provider"})
  shown=$(q "$store" enrol "$code" --device-name "$name" | json_field confirmation)
  q admin org admit "$shown" >/dev/null
  q "$store" sync >/dev/null
  q "$store" status | json_field device
}
# holds_one_case STORE: the cases STORE holds, after failing the setup unless it is exactly one.
holds_one_case() {
  local cases
  cases=$(q "$1" list case)
  [ "$(printf '%s\n' "$cases" | grep -c '"type": "case"')" = 1 ] || fail_setup "the $1 tablet does not hold exactly one case"
  printf '%s\n' "$cases"
}

start_server() {
  : >"$demo/serve.out"
  "$server" serve --data "$demo/server" --listen "127.0.0.1:$port" >"$demo/serve.out" 2>>"$demo/server.log" &
  local pid=$!
  for _ in $(seq 1 100); do grep -q 'listening on' "$demo/serve.out" && break; sleep 0.05; done
  if ! grep -q 'listening on' "$demo/serve.out"; then
    echo "demo: the server did not start on 127.0.0.1:$port (port taken? set QUARTIER_DEMO_PORT); see $demo/server.log" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
  fi
  echo "$pid"
}

if [ ! -f "$demo/.complete" ] && [ -e "$demo/server" -o -e "$demo/store" -o -e "$demo/admin" -o -e "$demo/deputy" -o -e "$demo/helper" -o -e "$demo/lead" ]; then
  aside="$demo.incomplete.$(date +%s)"
  echo "demo: $demo is from an interrupted setup; moved to $aside" >&2
  mv "$demo" "$aside"
  mkdir -p "$demo"
fi

if [ ! -f "$demo/.complete" ]; then
  echo "demo: first start: making a local server and the demo organisation in $demo ..." >&2
  : >"$log"
  "$server" init --data "$demo/server" >"$demo/init.json" 2>>"$log"
  fp=$(tr ',' '\n' <"$demo/init.json" | grep fingerprint | cut -d'"' -f4)
  boot=$(tr ',' '\n' <"$demo/init.json" | grep bootstrap | cut -d'"' -f4)
  pid=$(start_server)
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  url="https://127.0.0.1:$port"
  q admin init --kdf interactive >/dev/null
  q store init --kdf interactive >/dev/null
  QUARTIER_ESCROW_PASSPHRASE="$pass" q admin org init --server "$url" --fingerprint "$fp" --bootstrap "$boot" \
    --name "Jugendamt Norderstedt (Demo)" --device-name "Verwaltung" \
    --escrow-file "$demo/escrow.json" >/dev/null
  code=$(q admin org enrol --name "Tablet ASD Nord" --role caseworker)
  shown=$(q store enrol "$code" --device-name "Tablet ASD Nord" | json_field confirmation)
  q admin org admit "$shown" >/dev/null
  q store sync >/dev/null
  # The offers go into the offer directory scope, each family into a case scope of its own; the
  # sync registers the scopes (the tablet is their member) and escrows their keys.
  seed=$(q store demo seed)
  q store sync >/dev/null
  offer_scope=$(printf '%s\n' "$seed" | json_field offer_scope)
  case_id=$(printf '%s\n' "$seed" | json_first cases)
  case_scope=$(printf '%s\n' "$seed" | json_first case_scopes)
  [ -n "$offer_scope" ] && [ -n "$case_scope" ] || fail_setup "the demo seed named no offer or case scope"

  # The deputy: a second caseworker tablet, given the offer map and one family.
  deputy_id=$(tablet deputy "Tablet ASD Vertretung" caseworker)
  q store scope share "$offer_scope" "$deputy_id" >/dev/null
  q store scope share "$case_scope" "$deputy_id" >/dev/null
  q deputy sync >/dev/null
  # What the deputy holds now: exactly that family, and the offer map.
  cases=$(holds_one_case deputy)
  [ "$(printf '%s\n' "$cases" | json_field id)" = "$case_id" ] || fail_setup "the deputy holds another case than the one shared"
  [ "$(q deputy list service | grep -c '"type": "service"')" -ge 50 ] || fail_setup "the deputy does not hold the offer map"
  echo "demo: the deputy tablet (deputy/) holds $(printf '%s\n' "$cases" | json_field name) and the offer map" >&2

  # The free provider's helper: the Kowalski family (the seed's second case) assigned to its
  # provider and shared with its tablet (docs/roles.md).
  helper_id=$(tablet helper "Tablet Familienhilfe Nord" helper "Kinderhaus Nord e. V.")
  kowalski_scope=$(printf '%s\n' "$seed" | sed -n '/"case_scopes": \[/,/\]/p' | sed -n 3p | tr -d ' ",')
  [ -n "$kowalski_scope" ] || fail_setup "the demo seed named no second case scope"
  q store scope assign "$kowalski_scope" "Kinderhaus Nord e. V." >/dev/null
  q store scope share "$kowalski_scope" "$helper_id" >/dev/null
  q helper sync >/dev/null
  cases=$(holds_one_case helper)
  [ "$(printf '%s\n' "$cases" | json_field name)" = "Familie Kowalski" ] || fail_setup "the helper holds another case than Familie Kowalski"
  echo "demo: the helper tablet (helper/) holds Familie Kowalski, assigned to Kinderhaus Nord e. V." >&2

  # The Sozialraumteam: the first tablet founds the team scope and shares it with the deputy and
  # the team lead; its next sync writes the team's case index (docs/team.md), which the team lead,
  # holding no case key, reads after its own.
  lead_id=$(tablet lead "Tablet Teamleitung Nord" team_lead)
  team_scope=$(q store scope create --kind team)
  q store sync >/dev/null
  q store scope share "$team_scope" "$deputy_id" >/dev/null
  q store scope share "$team_scope" "$lead_id" >/dev/null
  q store scope share "$offer_scope" "$lead_id" >/dev/null  # the offer map beside a consultation's card
  q store sync >/dev/null
  q lead sync >/dev/null
  [ -z "$(q lead list case | grep '"type": "case"' || true)" ] || fail_setup "the team lead holds a case"
  [ "$(q lead team index | grep -c '"updated_on"')" = 4 ] || fail_setup "the team lead's case index does not show the four families"
  echo "demo: the team lead's tablet (lead/) shows the team's case index of the four families, and no case" >&2
  # The server is not this shell's child (started in a subshell): wait until it is gone and its
  # port is free again.
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  trap - EXIT
  touch "$demo/.complete"
fi

start_server
echo "demo: server on https://127.0.0.1:$port (log $demo/server.log); passphrase of the demo store: $pass" >&2
