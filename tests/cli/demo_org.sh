#!/usr/bin/env bash
# scripts/demo-org.sh end to end (README command 1's organisation): a real quartier-server, the
# office, the demo tablet, the deputy tablet and a free provider's helper tablet. demo-org.sh itself stops with an error unless the
# deputy holds exactly the one family shared with it and the offer map; this test checks the rest:
# every family of the tablet in a case scope of its own, the offers in one directory scope, and
# the scopes registered in the directory with those kinds; the team lead's tablet shows the team's
# case index of the four families by pseudonym, holds no case scope, and no family name reaches it.
#   demo_org.sh SCRIPT BUILD_DIR
set -euo pipefail
script=$1
build=$2
cli="$build/app/quartier-cli"
dir=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
port=$((20000 + RANDOM % 20000))
pid=$(QUARTIER_DEMO_PORT=$port "$script" "$build" "$dir/demo" 2>"$dir/stderr") || { cat "$dir/stderr" "$dir/demo/setup.log" >&2; exit 1; }
grep -q "the deputy tablet (deputy/) holds Familie Demir and the offer map" "$dir/stderr" || { cat "$dir/stderr" >&2; exit 1; }
grep -q "the helper tablet (helper/) holds Familie Kowalski, assigned to Kinderhaus Nord e. V." "$dir/stderr" || { cat "$dir/stderr" >&2; exit 1; }
q() { local s=$1; shift; QUARTIER_PASSPHRASE=demo-passphrase "$cli" --store "$dir/demo/$s" "$@"; }

# The tablet: four cases in four distinct scopes, no case record in the personal scope.
cases=$(q store list case)
[ "$(grep -c '"type": "case"' <<<"$cases")" = 4 ] || { echo "expected 4 demo cases" >&2; exit 1; }
case_scopes=$(grep -o '"scope": "[0-9a-f]*"' <<<"$cases" | sort -u | wc -l)
[ "$case_scopes" = 4 ] || { echo "expected 4 case scopes, got $case_scopes" >&2; exit 1; }
scopes=$(q store scope list)
# `scope list` prints each scope's keys sorted: default, epoch, kind, registered, scope.
personal=$(grep -A4 '"default": true' <<<"$scopes" | grep -o '"scope": "[0-9a-f]*"' || true)
[ -z "$personal" ] || ! grep -q "$personal" <<<"$cases" || { echo "a case is in the personal scope" >&2; exit 1; }
# Every one registered as kind case; the offers in one scope, registered as kind directory.
for s in $(grep -o '"scope": "[0-9a-f]*"' <<<"$cases" | sort -u | cut -d'"' -f4); do
  grep -B3 "\"scope\": \"$s\"" <<<"$scopes" | grep >/dev/null '"kind": "case"' || { echo "scope $s is not a case scope" >&2; exit 1; }
done
offer_scopes=$(q store list service | grep -o '"scope": "[0-9a-f]*"' | sort -u | cut -d'"' -f4)
[ "$(wc -l <<<"$offer_scopes")" = 1 ] || { echo "the offers are in more than one scope" >&2; exit 1; }
grep -B3 "\"scope\": \"$offer_scopes\"" <<<"$scopes" | grep >/dev/null '"kind": "directory"' || { echo "the offer scope is not a directory scope" >&2; exit 1; }
grep -B3 "\"scope\": \"$offer_scopes\"" <<<"$scopes" | grep >/dev/null '"registered": true' || { echo "the offer scope is not registered" >&2; exit 1; }

# The deputy: the one family, in the same scope as on the tablet, with its members.
deputy=$(q deputy list case)
[ "$(grep -c '"type": "case"' <<<"$deputy")" = 1 ] || { echo "the deputy holds not exactly one case" >&2; exit 1; }
[ "$(q deputy list person | grep -c '"type": "person"')" -ge 2 ] || { echo "the deputy lacks the family's members" >&2; exit 1; }
# The team lead: the team's case index of the four families, by pseudonym; no case key, no name.
grep -q "the team lead's tablet (lead/) shows the team's case index of the four families" "$dir/stderr" || { cat "$dir/stderr" >&2; exit 1; }
! q lead scope list | grep '"kind": "case"' || { echo "the team lead holds a case scope" >&2; exit 1; }
index=$(q lead team index)
[ "$(grep -c '"updated_on"' <<<"$index")" = 4 ] || { echo "the team lead's index does not show four pseudonyms: $index" >&2; exit 1; }
! grep -E 'Familie|Demir|Kowalski|Petersen|Haddad' <<<"$index" || { echo "the team lead's index names a family" >&2; exit 1; }
grep -q '"danger": 1' <<<"$index" || { echo "the index's overview has no case in the Gefährdungsbereich: $index" >&2; exit 1; }

# Kollegiale Beratung over the real server (docs/team.md): the tablet prepares the Kowalski card
# (the helper holds only that case), no name of the family in it; the team lead adds an idea and
# the recommendation and may not take it back (exit 10); the tablet takes it back as a note.
json_field() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }
kowalski=$(q helper list case | json_field id)
card=$(q store team consult prepare "$kowalski" --question "Wie kann Frau Kowalski (Tel. 040 123456) morgens entlastet werden?" --by "M. Yilmaz (ASD)")
consult=$(json_field id <<<"$card")
[ -n "$consult" ] || { echo "no consultation id: $card" >&2; exit 1; }
! grep -E 'Kowalski|Sandra|Tobias|Lena|123456|Renate' <<<"$card" || { echo "the card names the family: $card" >&2; exit 1; }
grep -q '"question": "Wie kann \[Mutter\] (Tel. \[Nummer\]) morgens entlastet werden?"' <<<"$card" || { echo "the question is not pseudonymised as expected: $card" >&2; exit 1; }
q store sync >/dev/null
q lead sync >/dev/null
q lead team consult list | grep -q "\"id\": \"$consult\"" || { echo "the team lead does not hold the card" >&2; exit 1; }
q lead team consult idea "$consult" "Elterncafé im Familienzentrum" --by "Frau Berg" >/dev/null
q lead team consult recommend "$consult" "Morgenroutine weiter begleiten" "Familienhilfe=zweimal pro Woche morgens" \
  "ASD=Gespräch mit dem Arbeitgeber anregen" | grep -q '"state": "recommended"' || { echo "not recommended" >&2; exit 1; }
rc=0
q lead team consult take "$consult" >/dev/null 2>"$dir/take.err" || rc=$?
[ "$rc" = 10 ] || { echo "the team lead's take back: exit $rc, expected 10" >&2; cat "$dir/take.err" >&2; exit 1; }
q lead sync >/dev/null
q store sync >/dev/null
note=$(q store team consult take "$consult" --by "M. Yilmaz (ASD)" | json_field note)
q store get "$note" | grep -q "Empfehlung der Kollegialen Beratung" || { echo "the case has no note of the recommendation" >&2; exit 1; }
q store get "$note" | grep -q "ASD: Gespräch mit dem Arbeitgeber anregen" || { echo "the note lacks who brings what" >&2; exit 1; }
q store team consult show "$consult" | grep -q '"state": "taken_back"' || { echo "the card is not taken back" >&2; exit 1; }
! q lead scope list | grep '"kind": "case"' || { echo "the team lead holds a case scope" >&2; exit 1; }
echo "ok: demo organisation with case scopes, a directory scope and a deputy holding one family; a consultation taken back"
