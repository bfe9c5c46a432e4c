#!/usr/bin/env bash
# Keyboard only, in the real app window (docs/app.md, "Keyboard and focus"): an X server of its own
# (Xvfb), key presses through xdotool and not one click. On the unlock page Tab goes from the
# passphrase to the show/hide toggle to "Entsperren", Return on the button unlocks; on the case
# list Return toggles a filter chip; the new-case form is walked with Tab (a drop-down opened with Return
# and changed with the arrow keys), Escape closes it without a trace, Return on "Fall anlegen" creates the case and
# opens it, Escape goes back to the list (and from the offer map too), and Escape on the list does
# nothing; a changed offer form asks before Escape drops it; a home visit reached by keyboard and left with Escape from a field keeps what was typed
# through a kill -9 right after. The case is then checked in the store through quartier-cli.
# The locator file (app/tools/itemlocator.h) says which item has the focus; it cannot see the
# focus ring, so the screen is kept at the focus steps (KEEP_WORK=1 keeps them) to look at.
# Usage: keyboard_window.sh BUILD_DIR   (needs Xvfb and xdotool: scripts/deps.sh installs them)
set -euo pipefail
. "$(dirname "$0")/window_setup.sh" "$1"

pass="keyboard test passphrase"
store=$work/store
QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" init --kdf interactive >/dev/null
QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" demo seed >/dev/null
cli_list() { QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" list "$1"; }

fail() { echo "FAIL: $*"; shot failure; echo "--- app log:"; tail -20 "$work/app.log"; exit 1; }

# focused: the named item that holds the keyboard focus. The locator marks the focused item and
# the focus scopes around it (a page, a dialog); it lists parents first, so the last one marked
# is the innermost.
focused() { awk -F'\t' '$7 == 1 { n = $1 } END { print n }' "$items" 2>/dev/null || true; }

# wait_focus NAME [SECONDS]: waits until NAME has the focus.
wait_focus() {
  local limit=$(( ${2:-5} * 10 )) i=0
  until [ "$(focused)" = "$1" ]; do
    i=$((i + 1))
    if [ "$i" -gt "$limit" ]; then echo "FAIL: the focus is on '$(focused)', not on '$1'"; shot "focus-$1"; return 1; fi
    sleep 0.1
  done
}

# tab_to NAME [MAX]: presses Tab until NAME has the focus (at most MAX times).
tab_to() {
  local max=${2:-40} i=0
  while [ "$(focused)" != "$1" ]; do
    i=$((i + 1))
    [ "$i" -le "$max" ] || { echo "FAIL: $max presses of Tab never reached '$1' (the focus is on '$(focused)')"; shot "tab-$1"; return 1; }
    keys Tab
  done
}

# gone NAME [SECONDS]: waits until NAME is no longer shown.
gone() {
  local limit=$(( ${2:-5} * 10 )) i=0
  while [ -n "$(item "$1")" ]; do
    i=$((i + 1))
    if [ "$i" -gt "$limit" ]; then echo "FAIL: '$1' is still shown"; shot "gone-$1"; return 1; fi
    sleep 0.1
  done
}

# ASCII only: typing umlauts through xdotool is app_visit_window's part (a remapped key can come late).
NAME="Familie Tastatur"
WANTED="Hausaufgabenhilfe am Nachmittag"

rm -f "$items"
QUARTIER_TEST_LOCATE=$items "$app" --store "$store" >>"$work/app.log" 2>&1 &
app_pid=$!

# ---- the unlock page: passphrase → show/hide → Entsperren, and back with Shift+Tab ----
wait_item passphrase 30 || fail "the unlock page did not show"
wait_focus passphraseInput 10 || fail "the passphrase field does not have the focus at the start"
keys Tab
wait_focus passphraseToggle || fail "Tab from the passphrase does not reach the show/hide toggle"
shot focus-unlock-toggle
keys Tab
wait_focus unlockButton || fail "Tab from the toggle does not reach 'Entsperren'"
shot focus-unlock-button
keys shift+Tab shift+Tab
wait_focus passphraseInput || fail "Shift+Tab does not go back to the passphrase"
type_text "$pass"
keys Tab
wait_focus passphraseToggle || fail "Tab from the typed passphrase does not reach the toggle"
keys Return  # shows the passphrase: the locator must still not write it
sleep 0.5
grep -qF -- "$pass" "$items" && fail "the shown passphrase reached the locator file"
keys Tab
wait_focus unlockButton || fail "the toggle lost its place before 'Entsperren'"
keys Return
wait_item caseListPage 30 any || fail "Return on 'Entsperren' did not unlock"
wait_item newCaseButton 10 || fail "the case list shows no 'Neuer Fall'"

# ---- the case list: Return toggles a filter chip ----
chip=$(awk -F'\t' '$1 ~ /^statusChip_/ { print $1; exit }' "$items")
[ -n "$chip" ] || fail "the case list shows no status chip"
tab_to "$chip" || fail "Tab does not reach the filter chip '$chip'"
shot focus-chip
keys Return
wait_text caseCount " von " 5 || fail "Return on the filter chip did not filter"
keys Return
sleep 0.3
text_of caseCount | grep >/dev/null " von " && fail "Return on the chosen chip did not lift the filter"

# ---- the new-case form: Escape closes it, nothing is created ----
tab_to newCaseButton || fail "Tab does not reach 'Neuer Fall'"
keys Return
wait_item text_name 10 || fail "Return on 'Neuer Fall' did not open the form"
keys Tab
wait_focus text_name || fail "Tab does not enter the form at its first field"
type_text "NICHT ANLEGEN"
keys Escape
gone text_name || fail "Escape did not close the form"
wait_item caseListPage 5 any || fail "Escape in the form left the case list"

# ---- the new-case form walked with Tab; Return on "Fall anlegen" ----
tab_to newCaseButton || fail "after the form closed, Tab does not reach 'Neuer Fall'"
keys Return
wait_item text_name 10 || fail "the form did not open again"
keys Tab
wait_focus text_name || fail "the form's first field"
type_text "$NAME"
keys Tab
wait_focus choice_social_space || fail "Tab from the name does not reach the 'Sozialraum' drop-down"
keys Return Down Return  # the first social space of the offer map, picked in the open list
SPACE=$(text_of choice_social_space)
case "$SPACE" in ""|"Bitte wählen") fail "no social space was picked (the drop-down shows '$SPACE')";; esac
keys Tab
wait_focus choice_status || fail "Tab from 'Sozialraum' does not reach the status drop-down"
shot focus-dropdown
keys Return  # opens the list, as Space does
shot dropdown-open
keys Escape  # closes the list only; without the list open, Escape would close the form
wait_item text_name 2 || fail "Return on the drop-down did not open its list (Escape closed the form)"
wait_focus choice_status || fail "closing the drop-down's list took the focus away"
keys Return Down Return  # Neu → Aktiv, picked in the open list
keys Tab
wait_focus text_lead_worker || fail "Tab from the status does not reach the lead worker"
keys Tab
wait_focus dateInput || fail "Tab from the lead worker does not reach the date"
keys Tab
wait_focus dateOpenCalendar || fail "Tab from the date does not reach its calendar button"
keys Tab
wait_focus dialogCancel || fail "Tab from the calendar button does not reach 'Abbrechen'"
keys Tab
wait_focus dialogSave || fail "Tab from 'Abbrechen' does not reach 'Fall anlegen'"
shot focus-dialog-save
keys Return
wait_item casePage 10 any || fail "Return on 'Fall anlegen' did not create and open the case"

# ---- Escape goes back a page: from the case, from the offer map; never off the list ----
keys Escape
gone casePage || fail "Escape on the case page did not go back"
wait_item newCaseButton 5 || fail "Escape on the case page did not show the list"
tab_to offersButton || fail "Tab does not reach 'Angebote'"
keys Return
wait_item offerMapPage 10 any || fail "Return on 'Angebote' did not open the offer map"
# A new offer with a name typed: Escape asks before dropping it; Escape on the question keeps the
# form, "Verwerfen" (Shift+Tab from "Weiter bearbeiten", which has the focus) drops it.
tab_to offerAddButton || fail "Tab does not reach 'Neues Angebot'"
keys Return
wait_item field_name 10 || fail "Return on 'Neues Angebot' did not open the offer form"
tab_to field_name || fail "Tab does not reach the offer's name"
type_text "NICHT SPEICHERN"
keys Escape
wait_focus discardKeep || fail "Escape in a changed offer form did not ask first (or 'Weiter bearbeiten' lacks the focus)"
shot offer-discard-question
keys Escape
gone discardKeep || fail "Escape on the question did not close it"
wait_text field_name "NICHT SPEICHERN" 2 || fail "the offer form lost its text when the question was closed"
keys Escape
wait_focus discardKeep || fail "the second Escape did not ask again"
keys shift+Tab
wait_focus discardConfirm || fail "Shift+Tab from 'Weiter bearbeiten' does not reach 'Verwerfen'"
keys Return
gone field_name || fail "'Verwerfen' did not close the offer form"
wait_item offerMapPage 5 any || fail "'Verwerfen' left the offer map"
keys Escape
gone offerMapPage || fail "Escape on the offer map did not go back"
keys Escape
sleep 0.5
wait_item newCaseButton 2 || fail "Escape on the case list left it"

# ---- a home visit left with Escape from a field: its own way out writes what was typed ----
tab_to visitButton_0 60 || fail "Tab does not reach the first case's 'Hausbesuch'"
keys Return
wait_item homeVisitPage 10 any || fail "Return on 'Hausbesuch' did not start the visit"
tab_to visitNext || fail "Tab does not reach 'Weiter'"
keys Return
wait_text stepTitle "in der Nähe" || fail "Return on 'Weiter' did not go to step 2"
keys Return
wait_text stepTitle "Was fehlt" || fail "Return on 'Weiter' did not go to step 3"
tab_to missingWantedField || fail "Tab does not reach 'Was fehlt oder wird gewünscht?'"
type_text "$WANTED"
keys Escape
gone homeVisitPage || fail "Escape in the visit's field did not leave the visit"
wait_item visitButton_0 5 || fail "Escape did not go back to the case list"
# At once a kill: what the leaving wrote is all there is.
kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
rm -f "$items"
QUARTIER_TEST_LOCATE=$items "$app" --store "$store" >>"$work/app.log" 2>&1 &
app_pid=$!
wait_focus passphraseInput 30 || fail "after the restart the passphrase field has no focus"
type_text "$pass"
keys Return
wait_item visitButton_0 30 || fail "Return in the passphrase field did not unlock"
wait_text visitButton_0 "Besuch fortsetzen" 10 || fail "the visit left with Escape is not offered to resume"
tab_to visitButton_0 60 || fail "Tab does not reach 'Besuch fortsetzen'"
keys Return
wait_text stepTitle "Was fehlt" 10 || fail "the visit did not resume at step 3 (it shows '$(text_of stepTitle)')"
[ "$(text_of missingWantedField)" = "$WANTED" ] || fail "the text typed before Escape is gone (the field shows '$(text_of missingWantedField)')"
keys Escape
gone homeVisitPage || fail "Escape on the visit page did not leave it"
kill -0 "$app_pid" 2>/dev/null || fail "the app is gone"
kill -TERM "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

# ---- the store: the case made by keyboard is there once, as typed and chosen; the cancelled one is not ----
cases=$(cli_list case)
count() { printf '%s\n' "$1" | grep -cF -- "$2" || true; }
[ "$(count "$cases" "\"name\": \"$NAME\"")" = 1 ] || fail "the case is stored $(count "$cases" "\"name\": \"$NAME\"") times"
[ "$(count "$cases" "NICHT ANLEGEN")" = 0 ] || fail "the form closed with Escape created a case"
[ "$(count "$(cli_list service)" "NICHT SPEICHERN")" = 0 ] || fail "the offer form left with 'Verwerfen' stored an offer"
# The record of the case (from its "fields" to its "type"), on one line.
record=$(printf '%s\n' "$cases" | awk -v n="\"name\": \"$NAME\"" '
  index($0, "\"fields\"") { r = "" } { r = r $0 } index($0, "\"type\"") { if (index(r, n)) print r }')
printf '%s' "$record" | grep >/dev/null -F "\"social_space\": \"$SPACE\"" || fail "the social space picked ($SPACE) is not stored: $record"
printf '%s' "$record" | grep >/dev/null -F '"status": "active"' || fail "the status chosen with the arrow key is not stored: $record"
echo "keyboard window test: unlock page Tab order, Return on chips, buttons and drop-downs, the new-case form by Tab, Escape closes it and goes back, a changed offer form asks first; the store holds the case"
