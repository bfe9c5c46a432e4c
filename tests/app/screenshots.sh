#!/usr/bin/env bash
# The screenshot run (app/tools/screenshots.cpp) end to end: every screen of docs/screenshots is
# drawn, against a fresh store and the tool's offline transport. Fails if the run fails or draws
# fewer screens than it names, or the reports' PDF exports are missing. Usage: screenshots.sh PATH/TO/quartier
set -euo pipefail
app="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$app" --store "$dir/store" --screenshot "$dir/shots" > "$dir/log" 2>&1 || { cat "$dir/log"; exit 1; }
wrote=$(grep -c '^wrote .*\.png ' "$dir/log" || true)
files=$(find "$dir/shots" -name '*.png' | wc -l)
echo "screenshots: $wrote written, $files files"
# The Berichte page's PDF exports, copied beside the images: real PDFs of more than one page.
for pdf in report-demand.pdf report-cases.pdf; do
  head -c 5 "$dir/shots/$pdf" | grep >/dev/null '^%PDF-' || { echo "no PDF export $pdf"; exit 1; }
  if command -v pdfinfo > /dev/null; then
    pages=$(pdfinfo "$dir/shots/$pdf" | awk '/^Pages:/ { print $2 }')
    [ "${pages:-0}" -ge 3 ] || { echo "$pdf has ${pages:-no} pages"; exit 1; }
  fi
done
[ "$wrote" -gt 0 ] && [ "$wrote" -eq "$files" ] && ! grep -q '^FAIL' "$dir/log"
