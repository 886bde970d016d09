#!/usr/bin/env bash
# Runs the Swift benchmark (release build), the same workloads in SymPy and PyTorch (when
# installed), and prints them side by side with ratios.
#   bash tools/bench_all.sh            # SymPy's slow 64×64 workload skipped (about a minute)
#   bash tools/bench_all.sh --full     # everything, SymPy included (several minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"
slow="--skip-slow"
[ "${1:-}" = "--full" ] && slow=""
swift build -c release --product convmatrix-bench >/dev/null
swift build -c release --product convmatrix >/dev/null
# Start-up: the executable must not load Foundation (dynamically or linked in).
# (grep reads everything: with -q, an early exit would fail the pipe under pipefail.)
if ldd .build/release/convmatrix | grep -i foundation >/dev/null \
    || [ "$(nm .build/release/convmatrix 2>/dev/null | grep -c 10Foundation)" -gt 0 ]; then
    echo "warning: .build/release/convmatrix links Foundation: start-up pays for loading it" >&2
fi
# The start-up baseline: a hello-world without Foundation, built by the same toolchain with its
# default flags and once more with the Swift runtime linked statically, as convmatrix is.
swiftc -O tools/startup/hello.swift -o "$out/hello"
swiftc -O -static-stdlib tools/startup/hello.swift -o "$out/hello-static"
.build/release/convmatrix-bench --json "$out/swift.json" \
    --hello "$out/hello" --hello-static "$out/hello-static" --convmatrix .build/release/convmatrix
echo
python3 tools/bench_sympy.py $slow --json "$out/sympy.json" || echo "(SymPy benchmark failed)"
echo
if python3 -c "import torch" 2>/dev/null; then
    CUDA_VISIBLE_DEVICES= python3 tools/bench_torch.py --json "$out/torch.json" || echo "(PyTorch benchmark failed)"
else
    echo "(PyTorch not installed: pip install torch)"
fi
echo
python3 tools/bench_compare.py "$out/swift.json" --sympy "$out/sympy.json" --torch "$out/torch.json"
echo "results in $out"
