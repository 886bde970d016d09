#!/usr/bin/env bash
# Picture checks against real engines: every SVG `draw` writes renders with rsvg-convert and
# loads in Chromium (animations play), every GIF decodes with Pillow with the right frame count
# and size, every TikZ picture compiles with pdflatex. The engines come from
# tools/install-engines.sh. Any failure exits non-zero.
# Usage: bash .ci/pictures-checks.sh   (CONVMATRIX_SCRATCH picks the build folder)
set -euo pipefail
cd "$(dirname "$0")/.."

# Engines: Debian's packages and a Python virtual environment, from tools/install-engines.sh
# (idempotent: quick once installed); `python3` below is that environment's.
source tools/engines-env.sh
bash tools/install-engines.sh

scratch="${CONVMATRIX_SCRATCH:-.build}"
swift build -c debug --scratch-path "$scratch" > /dev/null
tool="$scratch/debug/convmatrix"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# name|frames|draw flags
cases=(
    "sliding|4|--input 5x5 --kernel 3x3 --stride 2 --picture sliding"
    "sliding-padded|9|--input 5x5 --kernel 3x3 --stride 2 --padding 1 --picture sliding"
    "sliding-reflect|25|--input 5x5 --kernel 3x3 --padding 1 --padding-mode reflect --picture sliding --labels symbols"
    "sliding-dilated|9|--input 7x7 --kernel 3x3 --dilation 2 --picture sliding"
    "sliding-1d|3|--input 7 --kernel 3 --stride 2 --padding 0:1 --padding-mode circular --picture sliding"
    "sliding-groups|9|--input 5x5 --kernel 3x3 --in-channels 4 --out-channels 2 --groups 2 --output-channel 1 --picture sliding"
    "sliding-values|4|--input 5x5 --kernel 3x3 --stride 2 --kernel-values 1,0,-1,2,0,-2,1,0,-1 --picture sliding"
    "equivalent|25|--input 5x5 --kernel 3x3 --stride 2 --picture transposed --view equivalent"
    "equivalent-cropped|4|--input 3x3 --kernel 3x3 --stride 2 --padding 3 --output-padding 1 --transposed --picture sliding"
    "scatter|5|--input 5x5 --kernel 3x3 --stride 2 --picture transposed --view scatter"
    "scatter-1d|5|--input 4 --kernel 3 --stride 2 --transposed --picture transposed --view scatter"
    "backward|13|--input 5x5 --kernel 3x3 --stride 2 --picture backward"
    "sliding-28|576|--input 28x28 --kernel 5x5 --picture sliding"
)
: > "$out/frames.txt"
for entry in "${cases[@]}"; do
    IFS='|' read -r name frames flags <<< "$entry"
    # shellcheck disable=SC2086
    "$tool" draw $flags > "$out/$name.svg"
    # shellcheck disable=SC2086
    "$tool" draw $flags --format gif --frame-ms 200 --output "$out/$name.gif"
    size=$(python3 -c "from PIL import Image; im=Image.open('$out/$name.gif'); print(*im.size)")
    echo "$name.gif $frames $size" >> "$out/frames.txt"
    if [ "$frames" -le 100 ]; then
        # shellcheck disable=SC2086
        "$tool" draw $flags --format tikz --standalone > "$out/$name.tex"
    fi
    # shellcheck disable=SC2086
    "$tool" draw $flags --frame 2 --format tikz --standalone > "$out/$name-frame2.tex"
    # shellcheck disable=SC2086
    "$tool" draw $flags --frame 2 > "$out/$name-frame2.svg"
done
for picture in connectivity sparsity; do
    for layer in "--input 5x5 --kernel 3x3 --stride 2" "--input 7 --kernel 3 --stride 2" \
        "--input 4x4 --kernel 3x3 --in-channels 2 --out-channels 2"; do
        name="$picture-$(echo "$layer" | tr -dc 'a-z0-9' | head -c 40)"
        # shellcheck disable=SC2086
        "$tool" draw $layer --picture $picture > "$out/$name.svg"
        # shellcheck disable=SC2086
        "$tool" draw $layer --picture $picture --format tikz --standalone > "$out/$name.tex"
    done
done

# The notes with their figures: LaTeX (TikZ small multiples, or one frame) and Markdown's SVGs.
"$tool" derive --input 5x5 --kernel 3x3 --stride 2 --format latex --standalone \
    --figures "$out/notes-figures" > "$out/notes.tex"
"$tool" derive --input 7 --kernel 3 --padding 1 --padding-mode reflect --format latex --lang es \
    --standalone --figures "$out/notes-figures-es" --figure-frame 2 > "$out/notes-es.tex"
for f in "$out"/notes-figures/*.svg; do cp "$f" "$out/notes-$(basename "$f")"; done

echo "== rsvg-convert"
for svg in "$out"/*.svg; do
    rsvg-convert "$svg" -o "${svg%.svg}.png" || { echo "rsvg-convert failed on $svg" >&2; exit 1; }
done
echo "$(ls "$out"/*.svg | wc -l) SVGs render with rsvg-convert"

echo "== pdflatex"
for tex in "$out"/*.tex; do
    if ! pdflatex -interaction=nonstopmode -halt-on-error -output-directory "$out" "$tex" \
        > "$out/pdflatex.log" 2>&1; then
        echo "pdflatex failed on $tex:" >&2
        grep -A 5 '^!' "$out/pdflatex.log" >&2 || tail -20 "$out/pdflatex.log" >&2
        exit 1
    fi
done
echo "$(ls "$out"/*.tex | wc -l) TikZ pictures compile with pdflatex"

echo "== Pillow and Chromium"
python3 tools/pictures_checks.py "$out"
echo "pictures checks passed"
