#!/usr/bin/env bash
# The core builds for WebAssembly: ConvMatrixCore and ConvMatrixLayerFlags compiled as Embedded
# Swift for wasm32 and linked, every symbol resolved, by the toolchain's wasm-ld (with the
# explorer's small C runtime for memory and memcmp, since wasm32-unknown-none has no C library).
# No SDK, no package.
# Usage: bash .ci/wasm-checks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(dirname "$(readlink -f "$(command -v swiftc)")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
embedded=(-target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -wmo -Osize
    -parse-as-library -package-name convmatrix -suppress-warnings)

# shellcheck disable=SC2046
swiftc "${embedded[@]}" -module-name ConvMatrixCore \
    $(find Sources/ConvMatrixCore -name '*.swift' | LC_ALL=C sort) \
    -emit-module -emit-module-path "$work/ConvMatrixCore.swiftmodule" -c -o "$work/core.o"
# shellcheck disable=SC2046
swiftc "${embedded[@]}" -module-name ConvMatrixLayerFlags -I "$work" \
    $(find Sources/ConvMatrixLayerFlags -name '*.swift' | LC_ALL=C sort) -c -o "$work/flags.o"
"$bin/clang" --target=wasm32-unknown-unknown -Os -ffreestanding -fno-builtin -nostdlib \
    -c Sources/ConvMatrixExplorerCore/WasmRuntime/runtime.c -o "$work/runtime.o"
# Everything kept (no --gc-sections): every symbol the modules reference must resolve.
"$bin/wasm-ld" --no-entry --no-gc-sections --export-all "$work/core.o" "$work/flags.o" \
    "$work/runtime.o" \
    "$bin/../lib/swift/embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a" \
    -o "$work/core.wasm"
echo "wasm: ConvMatrixCore and ConvMatrixLayerFlags build and link for wasm32 ($(wc -c < "$work/core.wasm") bytes)"
