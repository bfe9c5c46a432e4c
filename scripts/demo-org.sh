#!/usr/bin/env bash
# The demo organisation behind README command 1 (scripts/run): a local quartier-server and two stores,
# all under one directory (default ./demo-data; fictional data only).
#
#   scripts/demo-org.sh BUILD_DIR DEMO_DIR      prints the server's PID on stdout; logs go to DEMO_DIR
#
# First run (DEMO_DIR/store missing): `quartier-server init`, then
#   admin/  the office's admin store (quartier-cli): founds "Jugendamt Norderstedt (Demo)", admits the tablet
#   store/  the tablet's store, the one the app opens: enrolled as a caseworker, holding the demo data
#           (four social spaces, about 60 offers, a few families: quartier-cli demo seed), synced once
# Every run: starts the server on 127.0.0.1:$QUARTIER_DEMO_PORT (default 8443) in the background.
# Both stores use the passphrase in $QUARTIER_DEMO_PASSPHRASE (default "demo-passphrase"), printed on
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

if [ ! -f "$demo/.complete" ] && [ -e "$demo/server" -o -e "$demo/store" -o -e "$demo/admin" ]; then
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
  q store demo seed >/dev/null
  q store sync >/dev/null
  # The server is not this shell's child (started in a subshell): wait until it is gone and its
  # port is free again.
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  trap - EXIT
  touch "$demo/.complete"
fi

start_server
echo "demo: server on https://127.0.0.1:$port (log $demo/server.log); passphrase of the demo store: $pass" >&2
