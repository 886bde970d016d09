#!/usr/bin/env bash
# Course notes in a real MkDocs 1.6 site: builds the site docs/course-sites.md documents
# (pymdownx.arithmatex + KaTeX) from `convmatrix derive --format markdown` pages and renders it
# in Chromium with Playwright: no KaTeX error, nothing overflows. The engines come
# from tools/install-engines.sh. Exit ≠ 0 on any failure.
# Usage: bash .ci/mkdocs-checks.sh   (from anywhere; CONVMATRIX_SCRATCH picks the build folder)
set -euo pipefail
cd "$(dirname "$0")/.."

# Engines: Debian's packages and a Python virtual environment, from tools/install-engines.sh
# (idempotent: quick once installed); `python3` below is that environment's.
source tools/engines-env.sh
bash tools/install-engines.sh

scratch="${CONVMATRIX_SCRATCH:-.build}"
swift build -c debug --scratch-path "$scratch" > /dev/null
python3 tools/mkdocs_check.py "$scratch/debug/convmatrix"
echo "MkDocs checks passed"
