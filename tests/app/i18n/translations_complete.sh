#!/usr/bin/env bash
# Every German UI string has its English translation (docs/app.md, "Languages"): lupdate reads the
# C++ and QML sources into a copy of i18n/quartier_en.ts; a string it finds new, or one whose
# context changed (a string moved to another file or class: the shipped translation no longer
# applies at run time), comes out as "unfinished". The test fails on any and names them.
# Usage: translations_complete.sh LUPDATE CMAKE GENERATE_SCRIPT PROJECT_CMAKE TS_FILE
#   (GENERATE_SCRIPT: Qt's GenerateLUpdateProject.cmake, which turns the project CMake wrote at
#   generate time into lupdate's JSON, as the quartier_app_lupdate target does)
set -euo pipefail
lupdate=$1 cmake=$2 generate=$3 project_cmake=$4 ts=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/check.ts"
project=$work/project.json
"$cmake" -DIN_FILE="$project_cmake" -DOUT_FILE="$project" -P "$generate" >"$work/generate.log" 2>&1 \
  || { echo "FAIL: the lupdate project could not be written"; cat "$work/generate.log"; exit 1; }
"$lupdate" -project "$project" -ts "$work/check.ts" -no-obsolete -locations none -silent >"$work/lupdate.log" 2>&1 \
  || { echo "FAIL: lupdate failed"; cat "$work/lupdate.log"; exit 1; }
# One line per unfinished message: its context and its German source.
missing=$(awk '
  /<name>/ { gsub(/.*<name>|<\/name>.*/, ""); ctx = $0 }
  /<source>/ { src = $0; gsub(/.*<source>|<\/source>.*/, "", src) }
  /type="unfinished"/ { print "  " ctx ": " src }' "$work/check.ts")
if [ -n "$missing" ]; then
  echo "FAIL: UI strings without an English translation (add them to $ts in their context):"
  printf '%s\n' "$missing"
  exit 1
fi
echo "every UI string has its English translation ($(grep -c '<source>' "$work/check.ts") strings)"
