#!/usr/bin/env bash
# The explorer against real engines:
# 1. the core builds and links for wasm32 (.ci/wasm-checks.sh);
# 2. the committed page (Sources/ConvMatrixCommandLine/Explorer/ExplorerPageTemplate.swift) is
#    what tools/build-explorer.sh builds from today's sources: no stale wasm, script or style;
# 3. the page in Chromium, driven by Playwright, offline (tools/explorer_browser_test.py): what
#    lights up on hover against `convmatrix connectivity`, matrices against unroll/transpose,
#    controls, keyboard, hostile fragments, console errors, redraw times.
# The engines (Debian's chromium, PyPI's playwright) come from tools/install-engines.sh.
# Usage: bash .ci/explorer-checks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Engines: Debian's packages and a Python virtual environment, from tools/install-engines.sh
# (idempotent: quick once installed); `python3` below is that environment's.
source tools/engines-env.sh
bash tools/install-engines.sh

echo "explorer: the core for wasm32"
bash .ci/wasm-checks.sh

echo "explorer: the committed page is up to date"
tools/build-explorer.sh --check

echo "explorer: the page in Chromium"
swift build --product convmatrix >/dev/null
python3 tools/explorer_browser_test.py --convmatrix "$(swift build --show-bin-path)/convmatrix"
