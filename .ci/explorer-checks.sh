#!/usr/bin/env bash
# The explorer against real engines:
# 1. the core builds and links for wasm32 (.ci/wasm-checks.sh);
# 2. the page's ES modules pass `tsc --noEmit --checkJs` (Debian's node-typescript), with the
#    page's jsconfig.json (Sources/ConvMatrixCommandLine/Explorer/Page);
# 3. the committed wasm (Explorer/Page/explorer.wasm) and generated module
#    (Explorer/Page/js/generated/protocol.js) are what tools/build-explorer.sh builds from today's
#    sources: no stale core, layout or flag names;
# 4. the page in Chromium, driven by Playwright, offline (tools/explorer_browser_test.py): what
#    lights up on hover against `convmatrix connectivity`, matrices against unroll/transpose,
#    controls, keyboard, hostile fragments, console errors, redraw times.
# The engines (Debian's chromium and node-typescript, PyPI's playwright) come from
# tools/install-engines.sh.
# Usage: bash .ci/explorer-checks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Engines: Debian's packages and a Python virtual environment, from tools/install-engines.sh
# (idempotent: quick once installed); `python3` below is that environment's.
source tools/engines-env.sh
bash tools/install-engines.sh

echo "explorer: the core for wasm32"
bash .ci/wasm-checks.sh

echo "explorer: the page's modules type-check (tsc --checkJs)"
tsc --noEmit -p Sources/ConvMatrixCommandLine/Explorer/Page/jsconfig.json

echo "explorer: the committed wasm and generated module are up to date"
tools/build-explorer.sh --check

echo "explorer: the page in Chromium"
swift build --product convmatrix >/dev/null
# The redraw budget is 16 ms (docs/explorer.md has the measured figures); CI holds the page only to
# a loose guard of 50 ms, so that a busy machine cannot fail a correct change.
python3 tools/explorer_browser_test.py --budget-ms 50 \
    --convmatrix "$(swift build --show-bin-path)/convmatrix"
