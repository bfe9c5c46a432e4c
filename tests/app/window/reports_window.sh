#!/usr/bin/env bash
# The Berichte page in the real app window (Xvfb, xdotool), as a planner or team lead meets it:
# a store with the demo offer map and 80 generated families (quartier-cli demo families); the case
# list's "Berichte" button; the Bedarfsbericht shown (its summary counts families); the period
# drop-down opened with a tap and the first half-year picked with the arrow key and Return, and the summary follows; "PDF" writes
# the file into Documents/Quartier-Berichte and the page says so; the report switched to the
# Fallzahlen and "CSV" written; Escape goes back to the case list. Then, with the app gone, the
# store's audit log (quartier-cli audit list) holds both exports, named, and the files are a
# PDF of several pages and a CSV with its byte-order mark.
# Usage: reports_window.sh BUILD_DIR   (needs Xvfb and xdotool; pdfinfo from poppler-utils)
set -euo pipefail
. "$(dirname "$0")/window_setup.sh" "$1"

pass="reports window passphrase"
store=$work/store
export HOME=$work/home   # the exports go to $HOME/Documents/Quartier-Berichte
mkdir -p "$HOME"
QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" init --kdf interactive >/dev/null
QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" demo seed >/dev/null
QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" demo families 80 >/dev/null
year=$(date -u +%Y)
out=$HOME/Documents/Quartier-Berichte

fail() { echo "FAIL: $*"; shot failure; echo "--- app log:"; tail -20 "$work/app.log"; exit 1; }

rm -f "$items"
QUARTIER_TEST_LOCATE=$items "$app" --store "$store" >>"$work/app.log" 2>&1 &
app_pid=$!
wait_item passphrase 30 || fail "the unlock page did not show"
type_text "$pass"
keys Return
wait_item caseListPage 30 any || fail "the passphrase did not unlock"

# ---- the Bedarfsbericht of this year ----
click reportsButton || fail "no 'Berichte' button on the case list"
wait_item reportsPage 10 any || fail "'Berichte' did not open the reports page"
wait_text reportSummary "Januar $year – Dezember $year" 10 || fail "the report is not of this year"
wait_text reportSummary "[0-9]+ Familien gezählt" 10 || fail "the Bedarfsbericht counts no families"
[ -n "$(item reportChart_missing_wanted)" ] || fail "the Bedarfsbericht shows no chart of missing offers"

# ---- the period: a tap opens the drop-down's list, Down and Return pick the first half-year ----
sleep 0.5  # the page's push transition
click reportHalf_box || fail "no period drop-down"
sleep 0.5  # the list's opening transition
keys Down Return
wait_text reportHalf_box "1\. Halbjahr" 5 || fail "Down and Return in the period drop-down did not pick the first half-year"
wait_text reportSummary "Januar $year – Juni $year" 10 || fail "the summary did not follow the first half-year"

# ---- PDF ----
click reportExport_pdf || fail "no 'PDF' button"
wait_text reportExportMessage "Gespeichert: .*Bedarfsbericht_$year-H1\.pdf" 20 || fail "the page does not say where the PDF went"
[ -s "$out/Bedarfsbericht_$year-H1.pdf" ] || fail "no PDF at $out/Bedarfsbericht_$year-H1.pdf"
shot reports-pdf-written

# ---- the Fallzahlen, CSV ----
click reportKind_box || fail "no report drop-down"
sleep 0.5
keys Down Return
wait_text reportKind_box "Fallzahlen" 5 || fail "the report drop-down did not switch to the Fallzahlen"
wait_text reportSummary "[0-9]+ Fälle gezählt" 10 || fail "the Fallzahlen count no cases"
[ -z "$(text_of reportExportMessage)" ] || fail "the PDF's note still stands over the Fallzahlen"
click reportExport_csv || fail "no 'CSV' button"
wait_text reportExportMessage "Gespeichert: .*Fallzahlen_$year-H1\.csv" 20 || fail "the page does not say where the CSV went"

# ---- Escape: back to the case list ----
keys Escape
wait_item caseListPage 10 any || fail "Escape did not go back to the case list"
gone_page() { [ -z "$(item reportsPage)" ]; }
for _ in $(seq 1 30); do gone_page && break; sleep 0.1; done
gone_page || fail "the reports page is still shown after Escape"

kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""

# ---- what the app claimed, checked in the store and on disk ----
pdf=$out/Bedarfsbericht_$year-H1.pdf
head -c 5 "$pdf" | grep >/dev/null '^%PDF-' || fail "$pdf is not a PDF"
if command -v pdfinfo >/dev/null; then
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  [ "${pages:-0}" -ge 3 ] || fail "the PDF has ${pages:-no} pages"
fi
csv=$out/Fallzahlen_$year-H1.csv
[ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' \n')" = efbbbf ] || fail "the CSV has no byte-order mark"
grep -q "Fallzahlen nach SGB VIII" "$csv" || fail "the CSV is not the Fallzahlen"
audit=$(QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" audit list)
printf '%s' "$audit" | grep >/dev/null "\"detail\": \"report demand $year-01..$year-06, all social spaces, pdf" ||
  fail "the audit log has no entry for the PDF export"
printf '%s' "$audit" | grep >/dev/null "\"detail\": \"report cases $year-01..$year-06, all social spaces, csv" ||
  fail "the audit log has no entry for the CSV export"
echo "reports window: both exports written, shown and in the audit log"
