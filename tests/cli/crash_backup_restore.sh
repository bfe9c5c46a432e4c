#!/usr/bin/env bash
# Crash loop 4 (docs/reliability.md "Crash loops"): while three devices push, `sqlite3 .backup`
# copies server.db at several points. Then, for each backup in turn: stop the server, restore
# it (docs/server.md "Backup and restore"), start it, sync every device twice: everything any
# device acknowledged is back on the server and on every device, nothing twice, integrity ok.
# Usage: crash_backup_restore.sh PATH/TO/quartier-cli PATH/TO/quartier-server [BACKUPS]
set -euo pipefail
cli=$1
server=$2
work=$(mktemp -d)
srvdir=$work/srv
. "$(dirname "$0")/crash_common.sh"
cleanup() { kill_server; rm -rf "$work"; }
trap cleanup EXIT
backups=$(rounds_or "${3:-4}")
devices=(b c d)

setup_org "${devices[@]}"
start=$SECONDS
for round in $(seq 1 "$backups"); do
  for s in "${devices[@]}"; do write_batch "$s" "r$round" 100; done
  pids=()
  for s in "${devices[@]}"; do q "$s" sync >/dev/null 2>&1 & pids+=($!); done
  sleep "0.$((RANDOM % 10))"
  sql ".backup '$work/backup.$round'"  # while the pushes run
  for p in "${pids[@]}"; do wait "$p" || fail "a sync during the backups failed"; done
done
for s in "${devices[@]}"; do q "$s" sync >/dev/null; done
check_converged "${devices[@]}"
total=$(wc -l <"$work/all.acked")

restored=()
noticed=0
for round in $(seq 1 "$backups"); do
  had=$(sqlite3 "$work/backup.$round" "SELECT COUNT(*) FROM envelopes WHERE lower(hex(scope))='$team'")
  stop_server
  rm -f "$srvdir/server.db-wal" "$srvdir/server.db-shm"
  cp "$work/backup.$round" "$srvdir/server.db"
  start_server
  for pass in 1 2; do
    for s in "${devices[@]}"; do q "$s" sync >"$work/restore.$round.$s.$pass" || fail "sync of $s after restoring backup $round"; done
  done
  # The devices noticed the rollback (docs/server.md "Backup and restore") whenever it lost ops.
  if [ "$had" -lt "$(sql "SELECT COUNT(*) FROM envelopes WHERE lower(hex(scope))='$team'")" ]; then
    grep -q 'lost ops' "$work"/restore.$round.*.1 || fail "no device reported the ops lost by restoring backup $round"
    noticed=$((noticed + 1))
  fi
  check_converged "${devices[@]}"
  restored+=("$had")
  # Some writes after each restore, so that the next restore also loses ops written since.
  for s in "${devices[@]}"; do write_batch "$s" "after$round" 20; q "$s" sync >/dev/null; done
done
total=$(wc -l <"$work/all.acked")
echo "backup/restore loop: $backups backups taken while 3 devices pushed (team ops held: ${restored[*]} of $((300 * backups)) at the end of writing), each restored in turn (devices reported lost ops after $noticed restores), after two syncs $total records on every device and the server exactly once, integrity ok, $((SECONDS - start)) s"
