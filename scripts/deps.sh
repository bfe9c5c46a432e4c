#!/usr/bin/env bash
# Installs the Debian 12 packages Quartier needs to build, run and test, if any are missing.
# Idempotent: when everything is present it only checks with dpkg and returns.
set -euo pipefail

PKGS=(
  build-essential cmake ninja-build pkg-config git
  libsodium-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libcpp-httplib-dev libssl-dev
  catch2 curl
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtquick-shapes qml6-module-qttest qml6-module-qtqml
  # the Berichte page's charts (Qt Charts' QML module); pdftotext and pdftoppm for the PDF export's
  # tests and screenshots (docs/reports.md)
  qml6-module-qtcharts poppler-utils
  libgl-dev libqrencode-dev libabsl-dev
  fonts-roboto-unhinted
  # the tests that drive the real app window (tests/app/window/): an X server and X input;
  # xwd and netpbm only for a failure's screenshot
  xvfb xdotool x11-apps netpbm
  # the fuzz build (preset fuzz, tests/fuzz): clang 14, its libFuzzer and sanitizer runtimes, and
  # llvm-symbolizer for readable crash reports
  clang libclang-rt-14-dev llvm
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep >/dev/null 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
