#!/usr/bin/env bash
# `convmatrix frameworks` against the real frameworks: re-runs a sample of the committed fixtures
# in PyTorch, JAX, Keras 3 (JAX backend) and ONNX Runtime (the frameworks still compute the
# committed matrices), runs every translation the tool prints for them in those frameworks (with
# its pad, crop and kernel flip) and checks each matrix entry by entry; compiles a derivation
# with the "In your framework" section with pdflatex. Exit ≠ 0 on any difference.
# TensorFlow is not installed here: its CPU wheel is over 600 MB, more than this step's budget;
# the committed fixtures (and tools/frameworks_check.py run locally) cover it.
# The engines come from tools/install-engines.sh (idempotent).
# Usage: bash .ci/frameworks-checks.sh   (CONVMATRIX_SCRATCH picks the build folder)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Python frameworks (PyTorch, JAX, Keras, ONNX, ONNX Runtime)"
# Engines: Debian's packages and a Python virtual environment, from tools/install-engines.sh
# (idempotent: quick once installed); `python3` below is that environment's.
source tools/engines-env.sh
bash tools/install-engines.sh

scratch="${CONVMATRIX_SCRATCH:-.build}"
echo "== swift build -c debug (scratch $scratch)"
swift build -c debug --scratch-path "$scratch" > /dev/null
tool="$scratch/debug/convmatrix"

echo "== a sample of the fixtures, and every translation of it, in the real frameworks"
python3 tools/frameworks_check.py --binary "$tool" --every 7 \
    --frameworks pytorch,jax,keras,onnx 2> >(grep -v -e '^WARNING' -e '^I0000' -e 'onnxruntime:' >&2)

echo "== derive --frameworks compiles with pdflatex"
if command -v pdflatex > /dev/null; then
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
    for lang in en es; do
        "$tool" derive --input 5x5 --kernel 3x3 --stride 2 --padding 1 --frameworks \
            --format latex --standalone --lang "$lang" > "$out/frameworks-$lang.tex"
        if ! pdflatex -interaction=nonstopmode -halt-on-error -output-directory "$out" \
            "$out/frameworks-$lang.tex" > "$out/pdflatex.log" 2>&1; then
            echo "pdflatex failed on derive --frameworks --lang $lang:" >&2
            grep -A 5 '^!' "$out/pdflatex.log" >&2 || tail -20 "$out/pdflatex.log" >&2
            exit 1
        fi
    done
else
    echo "pdflatex missing (.ci/latex-checks.sh installs it); skipped"
fi
echo "frameworks checks passed"
