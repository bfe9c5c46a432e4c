#!/usr/bin/env bash
# Crash loop 3 (docs/reliability.md "Crash loops"): quartier-server's data directory on a full
# disk. The data directory lives on a small tmpfs (inside a user and mount namespace, `unshare
# -rm`, which needs no privilege, else mounted directly where that is allowed), filled with a
# ballast file.
# Where no tmpfs can be mounted (a container without CAP_SYS_ADMIN and without user namespaces),
# or with QUARTIER_CRASH_FULL=quota, the disk is a quota instead: the server is restarted with
# `--max-db-bytes` at the database's current size (docs/server.md), and without it to free space.
# Device b writes and pushes until a push fails: the failure must name the full disk
# (`storage_full`), the server must keep running and answering, hold everything it acknowledged
# (also after a SIGKILL and a restart on the full disk), and after the space is freed the syncs
# complete and every device converges. Repeated ROUNDS times.
# Usage: crash_full_disk.sh PATH/TO/quartier-cli PATH/TO/quartier-server [ROUNDS]
set -euo pipefail
cli=$1
server=$2
mode=${QUARTIER_CRASH_FULL:-}
if [ -z "$mode" ] && [ -z "${QUARTIER_CRASH_NS:-}" ]; then
  # A mount namespace first: its tmpfs goes away with the test's processes even when the test is
  # killed (a timeout) before its trap can unmount.
  if unshare -rm true 2>/dev/null; then exec env QUARTIER_CRASH_NS=1 unshare -rm bash "$0" "$@"; fi
  probe=$(mktemp -d)
  if mount -t tmpfs -o size=1m tmpfs "$probe" 2>/dev/null; then
    umount "$probe"
  else
    echo "no tmpfs can be mounted here: the full disk is a quota (--max-db-bytes)"
    mode=quota
  fi
  rmdir "$probe"
fi
[ "$mode" = quota ] || mode=tmpfs
work=$(mktemp -d)
disk=$work/disk
mkdir "$disk"
[ "$mode" = tmpfs ] && mount -t tmpfs -o size=24m,mode=0700 tmpfs "$disk"
srvdir=$disk/srv
. "$(dirname "$0")/crash_common.sh"
cleanup() { kill_server; umount "$disk" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
rounds=$(rounds_or "${3:-3}")

setup_org b c
start=$SECONDS
pad=$(head -c 3000 /dev/zero | tr '\0' 'x')
big_batch() {  # big_batch TAG N: N records of about 3 KB each on b
  seq 1 "$2" | sed "s/.*/case b-$1-& name=ELSTER-b-$1-&-$pad/" \
    | q b batch --scope "$team" | grep '^ok ' | cut -d' ' -f2 >>"$work/acked.b"
}
info() { curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/v1/info"; }
refusals=0 attempts=0
for round in $(seq 1 "$rounds"); do
  big_batch "r$round-first" 50
  q b sync >/dev/null || fail "sync before filling the disk, round $round"
  if [ "$mode" = tmpfs ]; then
    dd if=/dev/zero of="$disk/ballast" bs=64k status=none 2>/dev/null || true
  else
    stop_server
    serve_args=(--max-db-bytes "$(( $(sql 'PRAGMA page_count') * $(sql 'PRAGMA page_size') ))")
    start_server
  fi
  full=""
  for attempt in $(seq 1 40); do
    attempts=$((attempts + 1))
    big_batch "r$round-$attempt" 200
    if ! q b sync >"$work/full.out" 2>"$work/full.err"; then full=1; break; fi
  done
  [ -n "$full" ] || fail "40 pushes of 600 KB each went through on a full disk, round $round"
  refusals=$((refusals + 1))
  grep -q 'storage_full' "$work/full.err" || fail "the push on a full disk failed without naming it: $(cat "$work/full.err")"
  kill -0 "$spid" 2>/dev/null || fail "the server died on the full disk"
  [ "$(info)" = 200 ] || fail "the server does not answer on the full disk"
  check_server_holds_acked b
  q c sync >/dev/null 2>&1 || true  # a device pulling from a full server: may fail, must not harm
  # A crash on the full disk, and a restart on it.
  kill_server
  start_server
  [ "$(info)" = 200 ] || fail "the server restarted on the full disk does not answer"
  check_server_holds_acked b
  if [ "$mode" = tmpfs ]; then rm -f "$disk/ballast"; else kill_server; serve_args=(); start_server; fi
  for pass in 1 2; do for s in b c; do q "$s" sync >/dev/null || fail "sync of $s after freeing space, round $round"; done; done
  check_converged b c
done
total=$(wc -l <"$work/all.acked")
where="a 24 MiB tmpfs filled with a ballast file"
[ "$mode" = quota ] && where="a database capped at its size (--max-db-bytes)"
echo "full disk loop: $rounds rounds on $where, $refusals pushes refused with storage_full after $attempts push attempts, the server up throughout and after a SIGKILL on the full disk, nothing acknowledged lost, after freeing $total records on 2 devices and the server exactly once, integrity ok, $((SECONDS - start)) s"
