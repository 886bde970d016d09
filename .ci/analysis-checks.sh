#!/usr/bin/env bash
# analyze and compose against real engines: the committed PyTorch/NumPy fixtures are what PyTorch
# and NumPy compute, and the built tool agrees with them on fresh random layers and stacks.
# Installs torch and numpy when missing (CPU wheels). Exits non-zero on any disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c "import torch, numpy" 2>/dev/null; then
    python3 -m pip install --quiet --index-url https://download.pytorch.org/whl/cpu torch
    python3 -m pip install --quiet numpy
fi
python3 tools/analysis_fixtures.py --check
swift build --product convmatrix >/dev/null
python3 tools/analysis_check.py --tool "$(swift build --show-bin-path)/convmatrix" --cases 30
# derive --layer: the stack's LaTeX document compiles.
if command -v pdflatex >/dev/null; then
    dir=$(mktemp -d)
    "$(swift build --show-bin-path)/convmatrix" derive --input 6x6 --in-channels 2 \
        --layer "--kernel 3 --padding 1" --layer "--kernel 3 --stride 2 --out-channels 2" \
        --format latex --standalone --max-rows 40 --max-cols 80 > "$dir/stack.tex"
    (cd "$dir" && pdflatex -interaction=nonstopmode -halt-on-error stack.tex > /dev/null) \
        || { echo "derive --layer: pdflatex failed" >&2; exit 1; }
    rm -rf "$dir"
fi
echo "analysis checks passed"
