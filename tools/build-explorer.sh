#!/usr/bin/env bash
# Refreshes the explorer's committed build artifacts from today's sources (it commits nothing):
#
# 1. The WebAssembly core, Sources/ConvMatrixCommandLine/Explorer/Page/explorer.wasm:
#    ConvMatrixCore, ConvMatrixLayerFlags and ConvMatrixExplorerCore compiled as Embedded Swift
#    for wasm32 (`swiftc -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded
#    -wmo`), the small C runtime of Sources/ConvMatrixExplorerCore/WasmRuntime (memory, memcmp,
#    128-bit multiplication, …) compiled by the toolchain's clang, all linked by the toolchain's wasm-ld:
#    no SDK, no package.
# 2. The page's generated JavaScript module, Explorer/Page/js/generated/protocol.js (flag names,
#    defaults, the answer's word layout, the parts of symbol names), from the Swift declarations
#    (ExplorerScriptProtocol.swift), written by its test with CONVMATRIX_WRITE_GENERATED=1.
#
# The page itself is not committed: `swift build` assembles it into the build folder (the
# ExplorerPagePlugin build tool runs ExplorerPageBuilder: the ES modules bundled, the style and
# the wasm inlined, the Content-Security-Policy hashes computed) and compiles it into the
# `convmatrix` binary. With --page FILE this script also writes that page, as `swift build`
# assembles it, to FILE.
#
# The committed wasm depends on the compiler that built it: the project pins its toolchain in
# .swift-version (Swift 6.3.1), and the wasm is byte-for-byte reproducible with that toolchain,
# not with another. After a change to ConvMatrixCore, ConvMatrixLayerFlags or
# ConvMatrixExplorerCore (or a merge of one), run this script with the pinned toolchain and
# commit what it rewrites.
#
# CI runs `tools/build-explorer.sh --check`, which rebuilds into the build folder and fails when
# the committed wasm or generated module differs from what today's sources give (stale).
#
# Usage: tools/build-explorer.sh [--check] [--page FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
page_out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --check) check=1 ;;
        --page) shift; page_out="$1" ;;
        *) echo "usage: tools/build-explorer.sh [--check] [--page FILE]" >&2; exit 2 ;;
    esac
    shift
done

swiftc_path=$(command -v swiftc)
bin=$(dirname "$(readlink -f "$swiftc_path")")
clang="$bin/clang"
wasm_ld="$bin/wasm-ld"
unicode="$bin/../lib/swift/embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a"
for tool in "$clang" "$wasm_ld" "$unicode"; do
    [ -e "$tool" ] || { echo "build-explorer: $tool not found next to swiftc" >&2; exit 1; }
done
if [ -f .swift-version ]; then
    pinned=$(tr -d '[:space:]' < .swift-version)
    if ! swiftc --version 2>&1 | grep -q "Swift version $pinned "; then
        echo "build-explorer: warning: .swift-version pins Swift $pinned; this is $(swiftc --version 2>&1 | head -1)" >&2
    fi
fi

page=Sources/ConvMatrixCommandLine/Explorer/Page
# A fixed, relative work directory: the compiler's per-module hash (.swift_modhash) depends on
# its output paths, and the wasm must be byte-for-byte the same on every clone.
work=.build/explorer-wasm
rm -rf "$work"
mkdir -p "$work/modules"

embedded=(-target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -wmo -Osize
    -parse-as-library -package-name convmatrix -suppress-warnings)
# Relative paths, sorted: the output must not depend on where the clone lives or on file order.
core_sources=$(find Sources/ConvMatrixCore -name '*.swift' | LC_ALL=C sort)
flags_sources=$(find Sources/ConvMatrixLayerFlags -name '*.swift' | LC_ALL=C sort)
explorer_sources=$(find Sources/ConvMatrixExplorerCore -name '*.swift' | LC_ALL=C sort)

# shellcheck disable=SC2086
swiftc "${embedded[@]}" -module-name ConvMatrixCore $core_sources \
    -emit-module -emit-module-path "$work/modules/ConvMatrixCore.swiftmodule" \
    -c -o "$work/core.o"
# shellcheck disable=SC2086
swiftc "${embedded[@]}" -module-name ConvMatrixLayerFlags -I "$work/modules" $flags_sources \
    -emit-module -emit-module-path "$work/modules/ConvMatrixLayerFlags.swiftmodule" \
    -c -o "$work/flags.o"
# shellcheck disable=SC2086
swiftc "${embedded[@]}" -module-name ConvMatrixExplorerCore -I "$work/modules" \
    $explorer_sources -c -o "$work/explorer.o"
"$clang" --target=wasm32-unknown-unknown -Os -ffreestanding -fno-builtin -nostdlib \
    -c Sources/ConvMatrixExplorerCore/WasmRuntime/runtime.c -o "$work/runtime.o"
"$wasm_ld" --no-entry --gc-sections --strip-all -O2 \
    --export=convmatrix_alloc --export=convmatrix_free --export=convmatrix_explore \
    "$work/core.o" "$work/flags.o" "$work/explorer.o" "$work/runtime.o" "$unicode" \
    -o "$work/explorer.wasm"

# The generated module, from the Swift declarations (its test writes it, or checks it).
protocol="$page/js/generated/protocol.js"
cp "$protocol" "$work/protocol.js.committed" 2>/dev/null || : > "$work/protocol.js.committed"
if [ "$check" = 1 ]; then
    swift test --filter ExplorerScriptProtocolTests > "$work/protocol-test.log" 2>&1 || {
        cat "$work/protocol-test.log" >&2
        echo "build-explorer: $protocol is stale; run tools/build-explorer.sh and commit it" >&2
        exit 1
    }
else
    CONVMATRIX_WRITE_GENERATED=1 swift test --filter ExplorerScriptProtocolTests \
        > "$work/protocol-test.log" 2>&1 || { cat "$work/protocol-test.log" >&2; exit 1; }
fi

wasm_bytes=$(wc -c < "$work/explorer.wasm")
if [ "$check" = 1 ]; then
    if ! cmp -s "$work/explorer.wasm" "$page/explorer.wasm"; then
        echo "build-explorer: $page/explorer.wasm is stale (or was built by another compiler than .swift-version's); run tools/build-explorer.sh and commit it" >&2
        exit 1
    fi
    echo "build-explorer: $page/explorer.wasm ($wasm_bytes bytes) and $protocol are up to date"
else
    cp "$work/explorer.wasm" "$page/explorer.wasm"
    echo "build-explorer: wrote $page/explorer.wasm ($wasm_bytes bytes) and $protocol"
fi

if [ -n "$page_out" ]; then
    swift build --product ExplorerPageBuilder > /dev/null
    "$(swift build --show-bin-path)/ExplorerPageBuilder" "$page" "$work/ExplorerPageTemplate.swift" \
        "$page_out"
    echo "build-explorer: wrote the page to $page_out ($(wc -c < "$page_out") bytes)"
fi
