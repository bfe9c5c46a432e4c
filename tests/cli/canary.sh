#!/usr/bin/env bash
# Canary strings in record ids and field values must never be found by grep -a anywhere in the
# store directory: after writes, after a passphrase change, and after deletes.
# Usage: canary.sh PATH/TO/quartier-cli
set -euo pipefail
cli=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store=$work/store
export QUARTIER_PASSPHRASE="canary passphrase"
unset QUARTIER_STORE
. "$(dirname "$0")/../support/plaintext.sh"
check() {
  no_plaintext "$1" "$2" "$store" || exit 1
  no_plaintext "$1" "$3" "$store" || exit 1
}
"$cli" --store "$store" init --kdf interactive >/dev/null
for i in $(seq 1 30); do
  "$cli" --store "$store" put case "STIEGLITZ-ID-$i" name="DOMPFAFF-Familie-$i" note="Vermerk DOMPFAFF $i" >/dev/null
done
check "after writes" STIEGLITZ DOMPFAFF
"$cli" --store "$store" put case STIEGLITZ-ID-1 name="DOMPFAFF-neu" >/dev/null
"$cli" --store "$store" delete STIEGLITZ-ID-2
QUARTIER_NEW_PASSPHRASE="another canary passphrase" "$cli" --store "$store" passwd
export QUARTIER_PASSPHRASE="another canary passphrase"
"$cli" --store "$store" verify >/dev/null
check "after update, delete and passwd" STIEGLITZ DOMPFAFF
"$cli" --store "$store" get STIEGLITZ-ID-1 | grep >/dev/null DOMPFAFF-neu || { echo "FAIL: record not readable"; exit 1; }
echo "canary: 30 records, no plaintext in $(find "$store" -type f | wc -l) files"
