#!/usr/bin/env bash
# The library as others use it: a package that depends on ConvMatrix by path builds and prints
# the SymPy reference bytes, and the API reference builds with docc without a warning.
# Usage: bash .ci/library-checks.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

echo "-- Examples/LibraryUse: a package that links the ConvMatrix product"
(cd Examples/LibraryUse && swift build 2>&1 | tail -1)
bin=$(cd Examples/LibraryUse && swift build --show-bin-path)/LibraryUse
"$bin" unroll > .build/library-unroll.tex
if ! cmp -s .build/library-unroll.tex Tests/SymbolicTests/Fixtures/reference/seed004_U.tex; then
    echo "LibraryUse unroll differs from SymPy's reference U:" >&2
    diff .build/library-unroll.tex Tests/SymbolicTests/Fixtures/reference/seed004_U.tex >&2 || true
    exit 1
fi
numeric=$("$bin" numeric)
direct=$(printf '%s\n' "$numeric" | sed -n 's/^direct: *//p')
product=$(printf '%s\n' "$numeric" | sed -n 's/^U·x: *//p')
if [ -z "$direct" ] || [ "$direct" != "$product" ]; then
    echo "LibraryUse numeric: the direct convolution and U·x differ: $numeric" >&2
    exit 1
fi
notes=$("$bin" notes)
case "$notes" in "# "*) ;; *) echo "LibraryUse notes printed no document" >&2; exit 1 ;; esac
"$bin" pictures > .build/library-pictures.svg
python3 -c "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])" .build/library-pictures.svg
echo "LibraryUse: unroll equals the reference, numeric agrees, notes and pictures print"

echo "-- API reference with docc (symbol graphs of every library module, no plugin)"
swift package dump-symbol-graph --minimum-access-level public > /dev/null
graphs=$(swift build --show-bin-path)/../symbolgraph
[ -d "$graphs" ] || graphs=.build/$(uname -m)-unknown-linux-gnu/symbolgraph
work=.build/docs
rm -rf "$work" && mkdir -p "$work/graphs"
for module in Symbolic ConvMatrixCore ConvMatrixSymbols ConvMatrixNumeric ConvMatrixRendering \
    ConvMatrixNotes ConvMatrixPictures $(ls Sources | grep -E '^ConvMatrix(Frameworks|Analysis|LayerFlags|ExplorerCore)$' || true); do
    cp "$graphs/$module.symbols.json" "$work/graphs/"
    for extension in "$graphs/$module@"*.symbols.json; do
        [ -e "$extension" ] || continue
        case "$extension" in *@Swift.symbols.json) ;; *) cp "$extension" "$work/graphs/" ;; esac
    done
done
docc convert --additional-symbol-graph-dir "$work/graphs" \
    --fallback-display-name ConvMatrix --fallback-bundle-identifier org.convmatrix \
    --output-path "$work/ConvMatrix.doccarchive" > "$work/docc.log" 2>&1 || {
    cat "$work/docc.log" >&2
    exit 1
}
warnings=$(grep -c "warning:" "$work/docc.log" || true)
if [ "$warnings" -ne 0 ]; then
    grep -A3 "warning:" "$work/docc.log" | head -60 >&2
    echo "docc: $warnings warnings (the API reference must build cleanly)" >&2
    exit 1
fi
echo "docc: $(ls "$work/ConvMatrix.doccarchive/data/documentation" | grep -c json) modules documented, no warnings"
