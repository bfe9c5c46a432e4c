# Sourced by the crash loops (tests/cli/crash_*.sh, docs/reliability.md "Crash loops"): a real
# quartier-server over TLS on a loopback port, an admin store `a` and device stores that share
# one team scope. Callers set cli, server, work (a fresh directory) and srvdir before sourcing.
# QUARTIER_CRASH_ROUNDS overrides every loop's round count (longer runs).
. "$(dirname "${BASH_SOURCE[0]}")/../support/plaintext.sh"
unset QUARTIER_STORE QUARTIER_PASSPHRASE
spid=""
port=""
serve_args=()  # more options for `quartier-server serve`

q() { local s=$1; shift; QUARTIER_PASSPHRASE="passphrase of $s" "$cli" --store "$work/$s" "$@"; }
fail() { echo "FAIL: $*"; [ -f "$work/server.log" ] && tail -15 "$work/server.log"; exit 1; }
json_field() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }
json_number() { grep -o "\"$1\": *[0-9]*" | head -1 | grep -o '[0-9]*$'; }
rounds_or() { echo "${QUARTIER_CRASH_ROUNDS:-$1}"; }
sql() { sqlite3 -bail "$srvdir/server.db" "$@"; }

# start_server: on the same port as before once there was one, so the devices' URL stays valid.
start_server() {
  : >"$work/serve.out"
  local tries
  for tries in 1 2 3 4 5 6 7 8 9 10; do
    "$server" serve --data "$srvdir" --listen "127.0.0.1:${port:-0}" ${serve_args[@]+"${serve_args[@]}"} \
      >"$work/serve.out" 2>>"$work/server.log" &
    spid=$!
    for _ in $(seq 1 200); do
      grep -q 'listening on' "$work/serve.out" && break
      kill -0 "$spid" 2>/dev/null || break
      sleep 0.05
    done
    if grep -q 'listening on' "$work/serve.out"; then
      port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$work/serve.out" | grep -o '[0-9]*$')
      return 0
    fi
    wait "$spid" 2>/dev/null || true  # the port may still be held for a moment: retry
    spid=""
    sleep 0.2
  done
  fail "server did not start"
}
kill_server() { [ -n "$spid" ] && { kill -9 "$spid" 2>/dev/null; wait "$spid" 2>/dev/null; } || true; spid=""; }
stop_server() { [ -n "$spid" ] && { kill -TERM "$spid" 2>/dev/null; wait "$spid" 2>/dev/null; } || true; spid=""; }

# setup_org DEVICES...: server init and start, admin `a`, the devices enrolled and admitted, a
# team scope made by the first device and shared with the others; sets $team.
setup_org() {
  "$server" init --data "$srvdir" >"$work/init.json"
  local fp boot s code shown seen dev
  fp=$(tr ',' '\n' <"$work/init.json" | grep fingerprint | cut -d'"' -f4)
  boot=$(tr ',' '\n' <"$work/init.json" | grep bootstrap | cut -d'"' -f4)
  start_server
  q a init --kdf interactive >/dev/null
  for s in "$@"; do q "$s" init --kdf interactive >/dev/null; done
  QUARTIER_ESCROW_PASSPHRASE="escrow passphrase" q a org init --server "https://127.0.0.1:$port" --fingerprint "$fp" \
    --bootstrap "$boot" --name "Crash loop" --device-name Admin --escrow-file "$work/escrow.json" --kdf interactive >/dev/null
  for s in "$@"; do
    code=$(q a org enrol --name "Tablet $s")
    shown=$(q "$s" enrol "$code" --device-name "Tablet $s" 2>/dev/null | json_field confirmation)
    seen=$(q a org requests | grep -B1 -A2 "\"name\": \"Tablet $s\"" | json_field sas)
    [ -n "$shown" ] && [ "$shown" = "$seen" ] || fail "enrolment of $s"
    q a org admit "$seen" >/dev/null
  done
  team=$(q "$1" scope create --kind team)
  q "$1" sync >/dev/null
  for s in "${@:2}"; do q "$1" scope share "$team" "$(q "$s" status | json_field device)"; done
  for s in "${@:2}" "$1"; do q "$s" sync >/dev/null; done
}

# write_batch DEVICE TAG N: N new records in the team scope, one field each (one op per record); appends the acknowledged ids to
# $work/acked.DEVICE.
write_batch() {
  local s=$1 tag=$2 n=$3
  seq 1 "$n" | sed "s/.*/case $s-$tag-& name=ELSTER-$s-$tag-&/" \
    | q "$s" batch --scope "$team" | grep '^ok ' | cut -d' ' -f2 >>"$work/acked.$s"
}

# server_ops DEVICE: how many envelopes of DEVICE's the server holds in the team scope.
server_ops() {
  local dev
  dev=$(q "$1" status | json_field device)
  sql "SELECT COUNT(*) FROM envelopes WHERE lower(hex(scope))='$team' AND lower(hex(author))='$dev'"
}

# check_server_holds_acked DEVICES...: what each device counts as pushed (written minus
# pending) is on the server, read from server.db before any clean sync could push it again.
check_server_holds_acked() {
  local s written pending held
  for s in "$@"; do
    written=$(wc -l <"$work/acked.$s")
    pending=$(q "$s" status | json_number pending)
    held=$(server_ops "$s")
    [ "$held" -ge $((written - pending)) ] || fail "server holds $held ops of $s, which counts $((written - pending)) as pushed ($written written, $pending pending): acknowledged ops lost"
    [ "$held" -le "$written" ] || fail "server holds $held ops of $s, which wrote $written"
  done
}

# check_converged DEVICES...: every device holds every acknowledged record of every device
# exactly once (one op each, no conflict), nothing pending, verify ok; the server holds each
# op once and the database passes integrity_check.
check_converged() {
  local s total n ops records pending dups
  cat "$work"/acked.* | sort >"$work/all.acked"
  total=$(wc -l <"$work/all.acked")
  [ "$(sort -u "$work/all.acked" | wc -l)" = "$total" ] || fail "an id was acknowledged twice"
  for s in "$@"; do
    q "$s" list case | grep -o '"id": "[^"]*"' | cut -d'"' -f4 | sort >"$work/list.$s"
    if ! cmp -s "$work/list.$s" "$work/all.acked"; then
      echo "diff acknowledged vs device $s (< missing, > extra):"; diff "$work/all.acked" "$work/list.$s" | head -10
      fail "device $s holds $(wc -l <"$work/list.$s") records, $total were acknowledged"
    fi
    q "$s" status >"$work/status.$s"
    ops=$(json_number ops <"$work/status.$s"); records=$(json_number records <"$work/status.$s")
    pending=$(json_number pending <"$work/status.$s")
    [ "$ops" = "$total" ] && [ "$records" = "$total" ] || fail "device $s: $ops ops for $records records, $total acknowledged (duplicated?)"
    [ "$pending" = 0 ] || fail "device $s still has $pending pending ops"
    [ "$(json_number conflicts <"$work/status.$s")" = 0 ] || fail "device $s shows conflicts"
    q "$s" verify >"$work/verify.$s" || { cat "$work/verify.$s"; fail "verify failed on $s"; }
  done
  n=$(sql "SELECT COUNT(*) FROM envelopes WHERE lower(hex(scope))='$team'")
  [ "$n" = "$total" ] || fail "the server holds $n ops of the team scope, $total records were acknowledged"
  dups=$(sql "SELECT COUNT(*) FROM (SELECT op FROM envelopes GROUP BY op HAVING COUNT(*) > 1)")
  [ "$dups" = 0 ] || fail "$dups ops twice on the server"
  [ "$(sql 'PRAGMA integrity_check')" = ok ] || fail "server.db integrity_check: $(sql 'PRAGMA integrity_check' | head -3)"
}
