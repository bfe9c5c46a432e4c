# Driving the real app window with X events (sourced by the tests in this folder).
# The app writes where its named items are (QUARTIER_TEST_LOCATE, app/tools/itemlocator.h); these
# helpers wait for an item, click its centre, type, press keys: the events take the real path
# through the X server and Qt's xcb plugin, as a user's do.
# Needs: DISPLAY set to a running X server, $items the locator file.

# item NAME: the item's line (name x y w h enabled focus text view), tab-separated, or nothing.
item() { awk -F'\t' -v n="$1" '$1 == n { print; exit }' "$items" 2>/dev/null || true; }

# wait_item NAME [SECONDS [any]]: waits until NAME is shown and enabled (with "any": shown);
# fails the test otherwise.
wait_item() {
  local name=$1 limit=$(( ${2:-20} * 10 )) i=0 line
  while :; do
    line=$(item "$name")
    if [ -n "$line" ] && { [ "${3:-}" = any ] || [ "$(printf '%s' "$line" | cut -f6)" = 1 ]; }; then return 0; fi
    i=$((i + 1))
    if [ "$i" -gt "$limit" ]; then echo "FAIL: '$name' not shown within ${2:-20} s"; shot "missing-$name"; return 1; fi
    sleep 0.1
  done
}

# wait_text NAME REGEX [SECONDS]: waits until NAME's text matches.
wait_text() {
  local name=$1 re=$2 limit=$(( ${3:-20} * 10 )) i=0
  until item "$name" | cut -f8 | grep >/dev/null -E "$re"; do
    i=$((i + 1))
    if [ "$i" -gt "$limit" ]; then echo "FAIL: '$name' never showed /$re/ (it shows: '$(item "$name" | cut -f8)')"; shot "text-$name"; return 1; fi
    sleep 0.1
  done
}

# text_of NAME: the item's text as the screen shows it.
text_of() { item "$1" | cut -f8; }

# enabled NAME: 0 if the item is shown and enabled.
enabled() { [ "$(item "$1" | cut -f6)" = 1 ]; }

# scroll_to NAME: turns the mouse wheel over the item's view (a Flickable, from the locator's
# last field) until the item's centre lies well inside it.
scroll_to() {
  local i=0 line cy vx vy vw vh
  while :; do
    line=$(item "$1")
    cy=$(( $(printf '%s' "$line" | cut -f3) + $(printf '%s' "$line" | cut -f5) / 2 ))
    read -r vx vy vw vh <<<"$(printf '%s' "$line" | cut -f9)"
    if [ "$cy" -gt $((vy + vh - 40)) ]; then
      xdotool mousemove $((vx + vw / 2)) $((vy + vh / 2)) click 5
    elif [ "$cy" -lt $((vy + 40)) ]; then
      xdotool mousemove $((vx + vw / 2)) $((vy + vh / 2)) click 4
    else
      return 0
    fi
    i=$((i + 1))
    if [ "$i" -gt 60 ]; then echo "FAIL: could not scroll '$1' into view"; shot "scroll-$1"; return 1; fi
    sleep 0.2
  done
}

# click NAME [DX DY]: a left click at the item's centre (or at DX,DY inside it), scrolled into
# view; waits for it to be enabled. click_disabled NAME: the same on an item that may be disabled
# (to show that clicking it does nothing).
click() { wait_item "$1" && _click "$@"; }
click_disabled() { wait_item "$1" 20 any && _click "$@"; }
_click() {
  scroll_to "$1" || return 1
  local line x y w h
  line=$(item "$1")
  x=$(printf '%s' "$line" | cut -f2); y=$(printf '%s' "$line" | cut -f3)
  w=$(printf '%s' "$line" | cut -f4); h=$(printf '%s' "$line" | cut -f5)
  xdotool mousemove $((x + ${2:-$((w / 2))})) $((y + ${3:-$((h / 2))})) click 1
  sleep 0.3
}

# type_text TEXT: typed key by key into what has the focus (umlauts included).
type_text() { xdotool type --delay 15 -- "$1"; sleep 0.2; }

# keys KEY...: presses keys (xdotool names: Tab, Return, Escape, shift+Tab, …).
keys() { xdotool key --delay 60 "$@"; sleep 0.3; }

# shot NAME: the screen as a PNG next to the log, for a failure's post-mortem (needs netpbm).
shot() {
  if command -v xwdtopnm >/dev/null && command -v pnmtopng >/dev/null; then
    xwd -root -silent 2>/dev/null | xwdtopnm 2>/dev/null | pnmtopng >"$work/$1.png" 2>/dev/null || true
  fi
}
