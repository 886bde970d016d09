#!/usr/bin/env bash
# Course-notes checks against real engines: every derivation compiles with pdflatex, every
# display-math block renders with KaTeX, every TikZ picture compiles, every SVG parses as XML.
# The engines come from tools/install-engines.sh. Any error fails (exit ≠ 0).
# Usage: bash .ci/latex-checks.sh   (from anywhere; CONVMATRIX_SCRATCH picks the build folder)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== LaTeX engine and KaTeX"
# Engines: Debian's packages and a Python virtual environment, from tools/install-engines.sh
# (idempotent: quick once installed); `python3` below is that environment's.
source tools/engines-env.sh
bash tools/install-engines.sh

scratch="${CONVMATRIX_SCRATCH:-.build}"
echo "== swift build -c debug (scratch $scratch)"
swift build -c debug --scratch-path "$scratch" > /dev/null
tool="$scratch/debug/convmatrix"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

compile() { # compile file.tex: pdflatex, failing with the log's error lines
    local file="$1"
    if ! pdflatex -interaction=nonstopmode -halt-on-error -output-directory "$out" "$file" \
        > "$out/pdflatex.log" 2>&1; then
        echo "pdflatex failed on $file:" >&2
        grep -A 5 '^!' "$out/pdflatex.log" >&2 || tail -20 "$out/pdflatex.log" >&2
        exit 1
    fi
}

no_overfull() { # no_overfull file.log what: a derivation never runs off the page
    if grep -q 'Overfull \\hbox' "$1"; then
        echo "overfull box in $2:" >&2
        grep -A 2 'Overfull \\hbox' "$1" >&2
        exit 1
    fi
}

# name|layer flags
cases=(
    "stride2|--input 5x5 --kernel 3x3 --stride 2"
    "padded-strided|--input 7x7 --kernel 3x3 --stride 2 --padding 1"
    "channels|--input 4x4 --kernel 3x3 --in-channels 2 --out-channels 2"
    "transposed-output-padding|--input 6x6 --kernel 3x3 --stride 2 --padding 1"
    "reflect|--input 5x5 --kernel 3x3 --padding 1 --padding-mode reflect"
    "oned|--input 7 --kernel 3 --stride 2"
    "large-elided|--input 28x28 --kernel 5x5"
)

katex_inputs=()
for entry in "${cases[@]}"; do
    name="${entry%%|*}"
    read -r -a flags <<< "${entry#*|}"
    for lang in en es; do
        echo "== derive $name ($lang)"
        "$tool" derive "${flags[@]}" --lang "$lang" --format latex --standalone > "$out/$name-$lang.tex"
        compile "$out/$name-$lang.tex"
        no_overfull "$out/$name-$lang.log" "$name ($lang)"
        "$tool" derive "${flags[@]}" --lang "$lang" --format latex > "$out/$name-$lang-fragment.tex"
        "$tool" derive "${flags[@]}" --lang "$lang" --format markdown > "$out/$name-$lang.md"
        "$tool" derive "${flags[@]}" --lang "$lang" --format text > /dev/null
        katex_inputs+=("$out/$name-$lang.tex" "$out/$name-$lang-fragment.tex" "$out/$name-$lang.md")
    done
    # The fragment compiles when \input into a document that does what its header asks.
    columns="$(sed -n 's/.*MaxMatrixCols}{\([0-9]*\)}.*/\1/p' "$out/$name-en-fragment.tex" | head -1)"
    printf '%s\n' '\documentclass{article}' '\usepackage[utf8]{inputenc}' '\usepackage[T1]{fontenc}' \
        '\usepackage{amsmath}' "\\setcounter{MaxMatrixCols}{$columns}" '\begin{document}' \
        "\\input{$out/$name-es-fragment.tex}" '\end{document}' > "$out/$name-wrapper.tex"
    compile "$out/$name-wrapper.tex"
    for picture in connectivity sparsity; do
        if [ "$name" = large-elided ] && [ "$picture" = connectivity ]; then
            # 14400 lines: the tool refuses (usage error) rather than draw an unreadable picture.
            if "$tool" draw "${flags[@]}" --picture connectivity > /dev/null 2>&1; then
                echo "draw connectivity of $name should have been refused" >&2
                exit 1
            fi
            continue
        fi
        echo "== draw $picture $name"
        "$tool" draw "${flags[@]}" --picture "$picture" --format svg > "$out/$name-$picture.svg"
        python3 -c "import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])" "$out/$name-$picture.svg"
        "$tool" draw "${flags[@]}" --picture "$picture" --format tikz --standalone > "$out/$name-$picture.tex"
        compile "$out/$name-$picture.tex"
        "$tool" draw "${flags[@]}" --picture "$picture" --format tikz > "$out/$name-$picture-fragment.tex"
        printf '%s\n' '\documentclass{article}' '\usepackage{tikz}' '\usepackage{amsmath}' '\usepackage{graphicx}' '\begin{document}' \
            "\\input{$out/$name-$picture-fragment.tex}" '\end{document}' > "$out/$name-$picture-wrapper.tex"
        compile "$out/$name-$picture-wrapper.tex"
    done
done

echo "== every derivation style, in English and Spanish, with both index bases: no overfull box"
fit_cases=(
    "stride2|--input 5x5 --kernel 3x3 --stride 2"
    "padded|--input 5x5 --kernel 3x3 --stride 2 --padding 1"
    "numpy-lab|--input 3x3 --kernel 2x2 --names x,w,y --show-zeros"
    "wide|--input 28x28 --kernel 5x5 --max-terms 9 --max-cols 25"
    "channels|--input 7x7 --kernel 3x3 --stride 2 --padding 1 --in-channels 3 --out-channels 2"
    "dilated|--input 9x9 --kernel 3x3 --dilation 2 --stride 2"
    "oned|--input 7 --kernel 3 --stride 2"
)
for entry in "${fit_cases[@]}"; do
    name="${entry%%|*}"
    read -r -a flags <<< "${entry#*|}"
    for style in matrices equations; do
        extra=()
        if [ "$style" = matrices ]; then
            # --show-zeros belongs to the equation lists.
            filtered=()
            for flag in "${flags[@]}"; do [ "$flag" = --show-zeros ] || filtered+=("$flag"); done
            flags_used=("${filtered[@]}")
        else
            flags_used=("${flags[@]}")
        fi
        for lang in en es; do
            for base in 0 1; do
                file="$out/fit-$name-$style-$lang-$base"
                "$tool" derive "${flags_used[@]}" "${extra[@]}" --style "$style" --lang "$lang" \
                    --index-base "$base" --format latex --standalone > "$file.tex"
                compile "$file.tex"
                no_overfull "$out/$(basename "$file").log" "$name/$style/$lang/base $base"
                # The prose's formulas are math: no raw underscore or p_before in the PDF's text.
                pdftotext "$out/$(basename "$file").pdf" "$file.txt"
                if grep -n '_\|p_before\|p_antes' "$file.txt" > /dev/null; then
                    echo "pdftotext shows _ in $name/$style/$lang/base $base:" >&2
                    grep -n '_' "$file.txt" | head -5 >&2
                    exit 1
                fi
                "$tool" derive "${flags_used[@]}" --style "$style" --lang "$lang" \
                    --index-base "$base" --format markdown > "$file.md"
                katex_inputs+=("$file.tex" "$file.md")
            done
        done
    done
done

echo "== KaTeX on every display block and every inline formula"
NODE_PATH=/usr/share/nodejs node tools/katex-check.js "${katex_inputs[@]}"

echo "LaTeX checks passed"
