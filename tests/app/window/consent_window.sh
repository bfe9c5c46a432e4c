#!/usr/bin/env bash
# Consent, §65 disclosure and a Verlaufsbericht in the real app window (Xvfb, xdotool), as a
# caseworker meets them on the demo's Familie Demir: "Einwilligungen" → "Einwilligung erfassen",
# who / purpose / recipients tapped, saved; under "Kontakte & Vermerke" an entrusted note passed
# into the case under that consent (the purpose tapped); under "Verlaufsberichte" a report with a
# goal's scale tapped and text typed. Then, with the app gone, the store is
# read through quartier-cli: the consent, the disclosure and its copy, the report with the typed
# text, and the `disclose` audit entry — what the screen said was saved is.
# Usage: consent_window.sh BUILD_DIR   (needs Xvfb and xdotool: scripts/deps.sh installs them)
set -euo pipefail
. "$(dirname "$0")/window_setup.sh" "$1"

pass="consent window passphrase"
store=$work/store
QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" init --kdf interactive >/dev/null
QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" demo seed >/dev/null
q() { QUARTIER_PASSPHRASE=$pass "$cli" --store "$store" "$@"; }
reports_before=$(q list progress_report | grep -c '"type": "progress_report"' || true)  # the demo's own
# ASCII only: xdotool on Xvfb may drop a remapped "ü" (see visit_window.sh).
REPORT="Can war jede Woche puenktlich in der Schule; Frau Demir weckt ihn morgens frueh."

fail() { echo "FAIL: $*"; shot failure; echo "--- app log:"; tail -20 "$work/app.log"; exit 1; }

rm -f "$items"
QUARTIER_TEST_LOCATE=$items "$app" --store "$store" >>"$work/app.log" 2>&1 &
app_pid=$!
wait_item passphrase 30 || fail "the unlock page did not show"
click passphrase
type_text "$pass"
keys Return
wait_item caseRow_0 30 || fail "the passphrase did not unlock"
click caseRow_0 || fail "no first case"
wait_item casePage 10 any || fail "the case page did not open"

# ---- Einwilligungen: a consent by touch ----
sleep 0.5  # the page's push transition
click section_8 || fail "no 'Einwilligungen' section"
click recordConsent || fail "no 'Einwilligung erfassen'"
sleep 0.5  # the dialog's opening transition
click consenting_0 || fail "no person to consent"
click purposes_0 || fail "no purpose Hilfeplanung"
click recipients_0 || fail "no recipient ASD-Fachkraft"
click consentSave || fail "no 'Speichern'"
wait_text consentsMessage "Einwilligung gespeichert" 10 || fail "the page does not say the consent was saved"

# ---- an entrusted note passed into the case ----
click section_4 || fail "no 'Kontakte & Vermerke' section"
sleep 0.3
note=""
for i in 0 1 2 3; do [ -n "$(item "disclose_$i")" ] && { note=disclose_$i; break; }; done
[ -n "$note" ] || fail "no entrusted note offers 'In den Fall weitergeben'"
click "$note" || fail "could not tap '$note'"
sleep 0.5
click purpose_0 || fail "no purpose in the disclosure dialog"
wait_item disclosureSubmit 5 || fail "the consent does not carry the disclosure"
click disclosureSubmit
wait_text disclosureMessage "Der Vermerk ist jetzt im Fall" 10 || fail "the page does not say the note was passed on"

# ---- a Verlaufsbericht ----
click section_7 || fail "no 'Verlaufsberichte' section"
click writeProgress || fail "no 'Verlaufsbericht schreiben'"
sleep 0.5
click progressScale_0_6 || fail "no scale on the first goal"
click progressHappened_0 || fail "no 'Was geschah?' field"
type_text "$REPORT"
wait_text progressHappened_0 "puenktlich in der Schule; Frau Demir weckt" 5 || fail "the typed text is not in the field"
click progressSave || fail "no 'Speichern' in the report form"
wait_item progressReport_0 10 any || fail "the report is not listed after saving"
shot consent-window-done

kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""

# ---- what the screen claimed, in the store ----
consents=$(q list consent_record)
[ "$(grep -c '"type": "consent_record"' <<<"$consents")" = 1 ] || fail "expected one consent record: $consents"
grep -q 'hilfeplanung' <<<"$consents" || fail "the consent does not name the purpose tapped"
grep -q 'caseworker' <<<"$consents" || fail "the consent does not name the recipients tapped"
disclosures=$(q list disclosure)
[ "$(grep -c '"type": "disclosure"' <<<"$disclosures")" = 1 ] || fail "expected one disclosure record"
grep -q '"purpose": "hilfeplanung"' <<<"$disclosures" || fail "the disclosure does not name its purpose"
grep -q 'Einwilligung' <<<"$disclosures" || fail "the disclosure does not name its consent as basis"
reports=$(q list progress_report)
[ "$(grep -c '"type": "progress_report"' <<<"$reports")" = $((reports_before + 1)) ] || fail "expected one new progress report"
grep -q "puenktlich in der Schule; Frau Demir weckt ihn" <<<"$reports" || fail "the report does not hold the typed text"
grep -q '\\"scale_now\\":6' <<<"$reports" || fail "the report does not hold the tapped scale"
q audit list | grep >/dev/null '"action": "disclose"' || fail "no disclose entry in the audit log"
echo "consent window: consent, disclosure and Verlaufsbericht stored as the screen said"
