#!/usr/bin/env bash
# The Sozialraumteam in the real app window (Xvfb, xdotool), as a team lead meets it: the demo
# organisation of README command 1 (scripts/demo-org.sh: a real server, the caseworker's tablet
# with the four demo families, the team lead's tablet synced). The team lead's app opens on the
# team page, not on a case list: four open cases counted, the Gefährdungsbereich's one, a row per
# case by pseudonym, no family name anywhere on the page; the settings open from its header and
# Escape comes back to it. Then the caseworker's app: the case list's "Team" button opens the same
# overview, Escape goes back. With the apps gone, quartier-cli on the team lead's store: the
# pseudonyms the page showed are those of `team index`, and the store holds no case scope. A
# Kollegiale Beratung the same way: on the caseworker's first case "Beratung", the question typed,
# the preview showing it, "Ins Team geben"; after both synced, the team lead opens the card from
# the team page and types an idea; quartier-cli finds the question and the idea on the card.
# Usage: team_window.sh BUILD_DIR SOURCE_DIR   (needs Xvfb and xdotool: scripts/deps.sh installs them)
set -euo pipefail
. "$(dirname "$0")/window_setup.sh" "$1"
source_dir=$2

pass=demo-passphrase
port=$((20000 + RANDOM % 20000))
server_pid=$(QUARTIER_DEMO_PORT=$port "$source_dir/scripts/demo-org.sh" "$build" "$work/demo" 2>"$work/demo.log") ||
  { echo "FAIL: the demo organisation was not made"; cat "$work/demo.log"; exit 1; }
trap 'kill "$server_pid" 2>/dev/null || true; cleanup' EXIT
q() { local s=$1; shift; QUARTIER_PASSPHRASE=$pass "$cli" --store "$work/demo/$s" "$@"; }

fail() { echo "FAIL: $*"; shot failure; echo "--- app log:"; tail -20 "$work/app.log"; exit 1; }

start_app() {
  rm -f "$items"
  QUARTIER_TEST_LOCATE=$items "$app" --store "$work/demo/$1" >>"$work/app.log" 2>&1 &
  app_pid=$!
  wait_item passphrase 30 || fail "the unlock page did not show"
  click passphrase
  type_text "$pass"
  keys Return
}
stop_app() {
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# ---- the team lead: the team page is home ----
start_app lead
wait_item teamPage 30 any || fail "the team lead's app did not open on the team page"
[ -z "$(item caseListPage)" ] || fail "the team lead's app shows a case list"
wait_text teamOpenCases "^4$" 10 || fail "the team page does not count four open cases"
[ -n "$(item teamRisk_danger)" ] || fail "no tile for the Gefährdungsbereich"
wait_item teamCase_3 10 any || fail "the team page does not list four cases"
shown=""
for i in 0 1 2 3; do shown+="$(text_of "teamCase_$i")"$'\n'; done
grep -E 'Demir|Kowalski|Petersen|Haddad|Familie' <<<"$shown" && fail "the team page names a family"
shot team-lead-home
click teamSettings || fail "no settings button in the team page's header"
wait_item settingsPage 10 any || fail "the settings did not open"
keys Escape
wait_item teamPage 10 any || fail "Escape did not go back to the team page"
stop_app

# ---- the caseworker: the case list's "Team" button ----
start_app store
wait_item caseListPage 30 any || fail "the caseworker's app did not open on the case list"
click teamButton || fail "no 'Team' button on the caseworker's case list"
wait_item teamPage 10 any || fail "'Team' did not open the team page"
wait_text teamOpenCases "^4$" 10 || fail "the caseworker's team page does not count four open cases"
shot team-caseworker
keys Escape
wait_item caseListPage 10 any || fail "Escape did not go back to the case list"

# ---- Kollegiale Beratung: prepared on a case, the preview read, given to the team ----
# ASCII only: xdotool on Xvfb may drop a remapped umlaut (see visit_window.sh).
QUESTION="Wie kann die Familie morgens entlastet werden?"
click caseRow_0 || fail "no first case"
wait_item casePage 10 any || fail "the case page did not open"
sleep 0.5  # the page's push transition
click prepareConsultation || fail "no 'Beratung' on the case page"
wait_item consultQuestionField 10 || fail "the consultation dialog did not open"
sleep 0.5  # the dialog's opening transition
click consultQuestionField
type_text "$QUESTION"
wait_text consultQuestion "morgens entlastet werden" 10 || fail "the card's preview does not show the question typed"
click consultSubmit || fail "no 'Ins Team geben'"
wait_text consultSubmitNotice "Die Beratung ist im Team" 10 || fail "the dialog does not say the card went to the team"
shot consultation-given
stop_app

# ---- the team lead, after both synced: the card, an idea typed ----
q store sync >/dev/null
q lead sync >/dev/null
start_app lead
wait_item teamPage 30 any || fail "the team lead's app did not open on the team page"
scroll_to teamConsultation_0 || fail "the team page lists no consultation"
click teamConsultation_0
wait_item consultationPage 10 any || fail "the consultation did not open"
wait_text consultQuestion "morgens entlastet werden" 10 || fail "the consultation page does not show the question"
IDEA="Fruehstueckstreff im Familienzentrum"
click consultIdea || fail "no field for an idea"
type_text "$IDEA"
click consultAddIdea || fail "no 'Festhalten'"
wait_text consultMessage "Idee festgehalten" 10 || fail "the page does not say the idea was recorded"
shot consultation-idea
stop_app

# ---- what the page showed, against the store ----
index=$(q lead team index)
for i in 0 1 2 3; do
  pseudonym=$(grep -o 'Fall [0-9A-Z]\{3\}-[0-9A-Z]\{3\}' <<<"$(sed -n "$((i + 1))p" <<<"$shown")" | head -1)
  [ -n "$pseudonym" ] || fail "row $i shows no pseudonym: $(sed -n "$((i + 1))p" <<<"$shown")"
  grep -qF "\"pseudonym\": \"$pseudonym\"" <<<"$index" || fail "$pseudonym is not in the team lead's index"
done
! q lead scope list | grep '"kind": "case"' || fail "the team lead's store holds a case scope"
consult=$(q lead team consult list)
grep -qF "\"question\": \"$QUESTION\"" <<<"$consult" || fail "the team lead's store holds no card with the question typed: $consult"
id=$(grep -o '"id": "[^"]*"' <<<"$consult" | head -1 | cut -d'"' -f4)
grep -qF "$IDEA" <<<"$(q lead team consult show "$id")" || fail "the idea typed is not stored on the card"
echo "team window: the team lead's home is the team page, four cases by pseudonym, no family named"
