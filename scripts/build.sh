#!/usr/bin/env bash
# Configures (once) and builds the given preset (default: dev). Incremental on later runs.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
[ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
