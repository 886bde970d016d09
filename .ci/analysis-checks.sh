#!/usr/bin/env bash
# analyze and compose against real engines: the committed PyTorch/NumPy fixtures are what PyTorch
# and NumPy compute, and the built tool agrees with them on fresh random layers and stacks.
# The engines come from tools/install-engines.sh. Exits non-zero on any disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."
# Engines: Debian's packages and a Python virtual environment, from tools/install-engines.sh
# (idempotent: quick once installed); `python3` below is that environment's.
source tools/engines-env.sh
bash tools/install-engines.sh
python3 tools/analysis_fixtures.py --check
swift build --product convmatrix >/dev/null
python3 tools/analysis_check.py --tool "$(swift build --show-bin-path)/convmatrix" --cases 30
# derive --layer: the stack's LaTeX document compiles, in English and Spanish, and its text
# (pdftotext) keeps the accents.
if command -v pdflatex >/dev/null; then
    dir=$(mktemp -d)
    for lang in en es; do
        "$(swift build --show-bin-path)/convmatrix" derive --input 6x6 --in-channels 2 \
            --layer "--kernel 3 --padding 1" --layer "--kernel 3 --stride 2 --out-channels 2" \
            --format latex --standalone --max-rows 40 --max-cols 80 --lang "$lang" > "$dir/stack-$lang.tex"
        (cd "$dir" && pdflatex -interaction=nonstopmode -halt-on-error "stack-$lang.tex" > /dev/null) \
            || { echo "derive --layer --lang $lang: pdflatex failed" >&2; exit 1; }
    done
    if command -v pdftotext >/dev/null; then
        pdftotext "$dir/stack-es.pdf" "$dir/stack-es.txt"
        grep -q "Campo receptivo" "$dir/stack-es.txt" && grep -q "términos" "$dir/stack-es.txt" \
            || { echo "derive --layer --lang es: the PDF lost its Spanish text" >&2; exit 1; }
    fi
    rm -rf "$dir"
fi
echo "analysis checks passed"
