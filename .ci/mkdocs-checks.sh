#!/usr/bin/env bash
# Course notes in a real MkDocs 1.6 site: builds the site docs/course-sites.md documents
# (pymdownx.arithmatex + KaTeX) from `convmatrix derive --format markdown` pages and renders it
# in Chromium with Playwright: no KaTeX error, nothing overflows. Installs what it needs
# (idempotent, quiet). Exit ≠ 0 on any failure.
# Usage: bash .ci/mkdocs-checks.sh   (from anywhere; CONVMATRIX_SCRATCH picks the build folder)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c "import mkdocs, pymdownx, playwright" > /dev/null 2>&1; then
    python3 -m pip install -q "mkdocs>=1.6,<1.7" pymdown-extensions playwright
fi
if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/nodejs/katex/dist ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium katex
fi

scratch="${CONVMATRIX_SCRATCH:-.build}"
swift build -c debug --scratch-path "$scratch" > /dev/null
python3 tools/mkdocs_check.py "$scratch/debug/convmatrix"
echo "MkDocs checks passed"
