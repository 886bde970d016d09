#!/usr/bin/env bash
# Regenerates every example in docs/*.md (the fenced block after each
# `<!-- convmatrix: … -->` marker, or the file named by `> path`) from the tool's current output.
# The same code, without CONVMATRIX_UPDATE_DOCS, is the test that fails when examples drift.
# Usage: tools/update-docs.sh [extra swift test flags, e.g. --scratch-path .build-notes]
set -euo pipefail
cd "$(dirname "$0")/.."
CONVMATRIX_UPDATE_DOCS=1 swift test "$@" --filter "DocExamplesTests|DocGIFExamplesTests"
