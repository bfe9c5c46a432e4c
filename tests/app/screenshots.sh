#!/usr/bin/env bash
# The screenshot run (app/tools/screenshots.cpp) end to end: every screen of docs/screenshots is
# drawn, against a fresh store and the tool's offline transport. Fails if the run fails or draws
# fewer screens than it names. Usage: screenshots.sh PATH/TO/quartier
set -euo pipefail
app="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$app" --store "$dir/store" --screenshot "$dir/shots" > "$dir/log" 2>&1 || { cat "$dir/log"; exit 1; }
wrote=$(grep -c '^wrote ' "$dir/log" || true)
files=$(find "$dir/shots" -name '*.png' | wc -l)
echo "screenshots: $wrote written, $files files"
[ "$wrote" -gt 0 ] && [ "$wrote" -eq "$files" ] && ! grep -q '^FAIL' "$dir/log"
