# Sourced first by the tests in this folder, with $1 the build directory: the app and the CLI, a
# work directory removed at the end (KEEP_WORK=1 keeps it), an X server of its own on a free
# display, the app's item locator file, and the X driving helpers (xdrive.sh).
# Sets: build app cli here work items DISPLAY; app_pid (the test's app, killed at the end).
build=$1
app=$build/app/quartier
cli=$build/app/quartier-cli
here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/deps.sh installs it)"; exit 1; }
done

work=$(mktemp -d)
app_pid=""
xvfb_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# An X server of its own, on a free display number.
exec 5>"$work/display"
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || { echo "FAIL: Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }
export DISPLAY=":$(head -1 "$work/display")"
unset QT_QPA_PLATFORM  # the real xcb window, not offscreen
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
export items=$work/items
. "$here/xdrive.sh"
