#!/usr/bin/env bash
# The explorer against real engines:
# 1. the core builds and links for wasm32 (.ci/wasm-checks.sh);
# 2. the committed page (Sources/ConvMatrixCommandLine/Explorer/ExplorerPageTemplate.swift) is
#    what tools/build-explorer.sh builds from today's sources: no stale wasm, script or style;
# 3. the page in Chromium, driven by Playwright, offline (tools/explorer_browser_test.py): what
#    lights up on hover against `convmatrix connectivity`, matrices against unroll/transpose,
#    controls, keyboard, hostile fragments, console errors, redraw times.
# Installs what it needs (Debian's chromium, PyPI's playwright) when missing; idempotent, quiet.
# Usage: bash .ci/explorer-checks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    echo "explorer: installing chromium"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! python3 -c "import playwright" 2>/dev/null; then
    echo "explorer: installing playwright"
    python3 -m pip install -q playwright
fi

echo "explorer: the core for wasm32"
bash .ci/wasm-checks.sh

echo "explorer: the committed page is up to date"
tools/build-explorer.sh --check

echo "explorer: the page in Chromium"
swift build --product convmatrix >/dev/null
python3 tools/explorer_browser_test.py --convmatrix "$(swift build --show-bin-path)/convmatrix"
