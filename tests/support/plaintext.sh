# Sourced by the shell tests: canary greps that can fail (docs/threat-model.md, issue 12 item 7).
# `grep -rqa NEEDLE PATH` is silent and false both when PATH holds no NEEDLE and when PATH does not
# exist or cannot be read (exit 2), so a check on a wrong path passed. no_plaintext fails unless
# every path exists and holds at least one regular file, and grep ran (exit 0 or 1); the first call
# also proves on a file of its own that grep finds the needle at all.

_plaintext_control_done=""

# no_plaintext WHAT NEEDLE PATH...: exit 1 with "FAIL: ..." if NEEDLE is in any file under PATHs.
no_plaintext() {
  local what=$1 needle=$2
  shift 2
  if [ -z "$_plaintext_control_done" ]; then
    local control
    control=$(mktemp -d)
    printf 'x\0%s\0y' "$needle" >"$control/bin"
    if ! grep -rqa -- "$needle" "$control"; then
      rm -rf "$control"
      echo "FAIL: the canary check cannot find '$needle' in a file that holds it"
      return 1
    fi
    rm -rf "$control"
    _plaintext_control_done=1
  fi
  local p files rc
  for p in "$@"; do
    if [ ! -e "$p" ]; then echo "FAIL: nothing to search for canaries at $p ($what)"; return 1; fi
    files=$(find "$p" -type f 2>/dev/null | wc -l)
    if [ "$files" -eq 0 ]; then echo "FAIL: no file to search for canaries under $p ($what)"; return 1; fi
  done
  # A file may vanish between grep listing a directory and opening it (SQLite removes -wal and
  # -shm when the last connection closes, and these checks run beside a writing process): that is
  # exit 2 with "No such file or directory" only. Searched again then; any other error fails.
  local attempt err
  err=$(mktemp)
  for attempt in 1 2 3 4 5; do
    rc=0
    grep -rqa -- "$needle" "$@" 2>"$err" || rc=$?
    if [ "$rc" -ne 2 ] || grep >/dev/null -v 'No such file or directory' "$err"; then break; fi
  done
  if [ "$rc" -eq 2 ]; then cat "$err" >&2; fi
  rm -f "$err"
  case $rc in
    0) echo "FAIL: canary '$needle' in plaintext on disk ($what)"; return 1 ;;
    1) return 0 ;;
    *) echo "FAIL: the canary grep failed with exit $rc ($what)"; return 1 ;;
  esac
}
