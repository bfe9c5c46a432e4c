#!/usr/bin/env bash
# Process-level test of quartier-server: init, serve on a free loopback port over HTTPS, probe it
# with curl (fingerprint checked with openssl) and a pinned client, send malformed, oversized and
# unauthenticated requests, SIGKILL it, restart on the same data dir, check that state persisted.
# Usage: process.sh QUARTIER_SERVER SERVER_PROBE
set -euo pipefail
SERVER=$1
PROBE=$2
T=$(mktemp -d)
PID=""
cleanup() {
  [ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$T/err" ] && tail -20 "$T/err" >&2; exit 1; }

DATA=$T/data
"$SERVER" init --data "$DATA" > "$T/init.json" || fail "init"
FP=$(sed -n 's/.*"fingerprint":"\([0-9a-f]*\)".*/\1/p' "$T/init.json")
BOOT=$(sed -n 's/.*"bootstrap":"\([0-9a-f]*\)".*/\1/p' "$T/init.json")
SID=$(sed -n 's/.*"server_id":"\([0-9a-f]*\)".*/\1/p' "$T/init.json")
[ ${#FP} -eq 64 ] && [ ${#BOOT} -eq 64 ] && [ ${#SID} -eq 32 ] || fail "init output: $(cat "$T/init.json")"
[ "$(stat -c %a "$DATA")" = 700 ] || fail "data dir not 0700"
[ "$(stat -c %a "$DATA/key.pem")" = 600 ] || fail "key not 0600"
set +e; "$SERVER" init --data "$DATA" >/dev/null 2>&1; rc=$?; set -e
[ $rc -eq 2 ] || fail "second init exit $rc, want 2"
[ "$("$SERVER" fingerprint --data "$DATA")" = "$FP" ] || fail "fingerprint command"

start() {
  : > "$T/out"
  "$SERVER" serve --data "$DATA" --listen 127.0.0.1:0 > "$T/out" 2>> "$T/err" &
  PID=$!
  for _ in $(seq 1 200); do
    PORT=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$T/out")
    [ -n "$PORT" ] && return 0
    kill -0 "$PID" 2>/dev/null || fail "server exited early"
    sleep 0.05
  done
  fail "server did not print its port"
}
URL() { echo "https://127.0.0.1:$PORT$1"; }
# curl: -k because the certificate is self-signed; the fingerprint is checked separately below.
status() { curl -sk -o "$T/body" -w '%{http_code}' "$@"; }
expect() {  # expect STATUS CODE curl-args...
  local want=$1 code=$2; shift 2
  local got; got=$(status "$@")
  [ "$got" = "$want" ] || fail "$* → $got, want $want ($(head -c 200 "$T/body"))"
  grep -q "\"code\":\"$code\"" "$T/body" || fail "$* → body $(head -c 200 "$T/body"), want code $code"
}

start
# No core file can carry the server's memory out (tokens, the bootstrap token): limit 0, soft and hard.
grep -Eq '^Max core file size +0 +0 ' "/proc/$PID/limits" || fail "core dumps not disabled: $(grep core "/proc/$PID/limits")"
# The certificate served is the one whose fingerprint init printed.
SERVED=$(openssl s_client -connect "127.0.0.1:$PORT" </dev/null 2>/dev/null | openssl x509 -outform DER | sha256sum | cut -d' ' -f1)
[ "$SERVED" = "$FP" ] || fail "served certificate fingerprint $SERVED != $FP"

[ "$(status "$(URL /v1/info)")" = 200 ] || fail "info"
grep -q "\"server_id\":\"$SID\"" "$T/body" || fail "info body"
grep -q '"org":null' "$T/body" || fail "info org"

# Unauthenticated, malformed, oversized, unknown: 4xx JSON errors, and the server stays up.
expect 401 unauthenticated "$(URL /v1/pull?scope=00000000000000000000000000000000)"
expect 401 unauthenticated -X POST -H 'Authorization: Bearer nonsense' -d '{}' "$(URL /v1/push)"
expect 400 bad_request -X POST -d 'not json at all' "$(URL /v1/auth/challenge)"
expect 400 bad_request -X POST -d '{"device": 5}' "$(URL /v1/auth/challenge)"
expect 400 bad_request -X POST -d '{"secret":"%%%","sign_pk":"","box_pk":"","name":"x"}' "$(URL /v1/enrol/request)"
expect 403 forbidden -X POST -d "{\"bootstrap\":\"$(printf 'f%.0s' $(seq 64))\",\"entries\":[]}" "$(URL /v1/org)"
expect 404 not_found "$(URL /v1/nothing)"
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$T/big"
expect 413 too_large -X POST -H 'Content-Type: application/json' --data-binary "@$T/big" "$(URL /v1/push)"
# Bodies whose size the headers do not bound are refused before any byte of them is read
# (docs/server.md, "Bounds"): 200 MiB chunked and a gzip bomb leave the server's peak memory
# where it was (it took 424 MB and 2.1 GB before).
hwm() { awk '/^VmHWM:/ {print $2}' "/proc/$PID/status"; }
HWM0=$(hwm)
(head -c $((200 * 1024 * 1024)) /dev/zero || true) | expect 411 length_required -X POST -T - -H 'Content-Type: application/json' "$(URL /v1/push)"
head -c $((512 * 1024 * 1024)) /dev/zero | gzip -1 > "$T/bomb.gz"
expect 415 unsupported_encoding -X POST -H 'Content-Encoding: gzip' -H 'Content-Type: application/json' --data-binary "@$T/bomb.gz" "$(URL /v1/auth/challenge)"
HWM1=$(hwm)
[ $((HWM1 - HWM0)) -lt 32768 ] || fail "peak memory rose from $HWM0 kB to $HWM1 kB on refused bodies"
[ "$(status "$(URL /v1/info)")" = 200 ] || fail "server down after bad requests"
kill -0 "$PID" || fail "server died"

# A pinned client founds the organisation, joins a scope and pushes; a wrong pin is refused.
[ "$("$PROBE" wrongpin 127.0.0.1 "$PORT")" = refused ] || fail "wrong pin not refused"
[ "$("$PROBE" found 127.0.0.1 "$PORT" "$FP" "$BOOT" "$T/state")" = "pushed 3" ] || fail "probe found"
expect 409 conflict -X POST -d "{\"bootstrap\":\"$BOOT\",\"entries\":[]}" "$(URL /v1/org)"

# SIGKILL: no chance to clean up. Restart on the same data dir: state persisted, tokens did not.
{ kill -KILL "$PID"; wait "$PID"; } 2>/dev/null || true
PID=""
start
[ "$(status "$(URL /v1/info)")" = 200 ] || fail "info after restart"
grep -q '"org":"[0-9a-f]\{32\}"' "$T/body" || fail "org not persisted"
OUT=$("$PROBE" pull 127.0.0.1 "$PORT" "$FP" "$T/state") || fail "probe pull: $OUT"
echo "$OUT" | grep >/dev/null -x 'old-token 401' || fail "old token still valid after restart: $OUT"
echo "$OUT" | grep >/dev/null -x 'pulled 3' || fail "envelopes not persisted: $OUT"
"$SERVER" devices --data "$DATA" > "$T/devices.json" || fail "devices"
grep -q '"name": "Probe-Admin"' "$T/devices.json" || fail "devices lists no admin: $(cat "$T/devices.json")"
grep -q '"envelopes": 3' "$T/devices.json" || fail "devices envelope count"
grep -q '"last_sync": [0-9]' "$T/devices.json" || fail "devices last_sync"

# Logs: one line per request, no bodies, no tokens, no bootstrap token.
grep -q ' POST /v1/push 413 ' "$T/err" || fail "no log line for the oversized push"
! grep -q "$BOOT" "$T/err" || fail "bootstrap token in the log"
! grep -q 'not json' "$T/err" || fail "a body in the log"

# SIGTERM stops gracefully with exit 0.
kill -TERM "$PID"
set +e; wait "$PID"; rc=$?; set -e
PID=""
[ $rc -eq 0 ] || fail "serve exit $rc after SIGTERM"
echo "ok"
