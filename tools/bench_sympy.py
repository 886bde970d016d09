#!/usr/bin/env python3
"""Benchmark the SymPy way of unrolling a convolution, as seed 004's notebook does it.

For each workload: symbols k_{ab} (kernel) and the input grid; one zero matrix per kernel
placement with the kernel written in; each placement flattened into a column and the columns
stacked into U (the notebook's row convention X.U = O, U is inputs x outputs); sympy.latex(U);
then C = O.T with symbols O_{pq} (T = U transposed), reshaped to the input grid, and latex(C).
Padding is treated as part of the input (as the notebook says) and the padded border is dropped
from U's rows afterwards, so U's shape matches ConvMatrix's.

Workloads: seed004 (5x5, 3x3, stride 2), mnist (28x28, 5x5), 64x64_p1 (64x64, 3x3, padding 1;
slow), lenet_conv2 (6x14x14 -> 16, 5x5; U only; slow). resnet50_conv1 is PyTorch only.
Each runs in its own process; wall time by time.perf_counter (median of --repeats for seed004),
peak memory by ru_maxrss of that process (includes the interpreter and SymPy, see baseline).

    python3 tools/bench_sympy.py --skip-slow [--timeout 300] [--json out.json]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import bench_common as bc

WORKLOADS = {
    "seed004": dict(n=5, k=3, stride=2, pad=0, cin=1, cout=1, latex=True, C=True, repeat=True),
    "mnist": dict(n=28, k=5, stride=1, pad=0, cin=1, cout=1, latex=True, C=True),
    "64x64_p1": dict(n=64, k=3, stride=1, pad=1, cin=1, cout=1, latex=True, C=False, slow=True,
                     slow_note="U is 4096x4096 SymPy objects (16.8M entries)"),
    "lenet_conv2": dict(n=14, k=5, stride=1, pad=0, cin=6, cout=16, latex=False, C=False),
    "resnet50_conv1": dict(skip="PyTorch only (3x224x224 -> 64, 7x7): symbolic U is infeasible"),
}

REFERENCE = [Path(__file__).resolve().parents[1].parent / "shared" / "reference"]


def kernel_symbols(sympy, w, o, c):
    if w["cin"] == 1 and w["cout"] == 1:
        name = lambda a, b: f"k_{{{a}{b}}}"  # noqa: E731 -- the notebook's names
    else:
        name = lambda a, b: f"k_{{{o},{c},{a}{b}}}"  # noqa: E731
    return sympy.Matrix(w["k"], w["k"], lambda a, b: sympy.Symbol(name(a, b)))


def build_U(sympy, w):
    n, k, s, p, cin, cout = w["n"], w["k"], w["stride"], w["pad"], w["cin"], w["cout"]
    m = n + 2 * p
    out = (m - k) // s + 1
    columns = []
    for o in range(cout):
        kernels = [kernel_symbols(sympy, w, o, c) for c in range(cin)]
        for i in range(out):
            for j in range(out):
                blocks = []
                for c in range(cin):
                    M = sympy.zeros(m, m)
                    M[i * s:i * s + k, j * s:j * s + k] = kernels[c]
                    if p:
                        M = M[p:p + n, p:p + n]  # padding was part of the input: drop it
                    blocks.append(M.reshape(n * n, 1))
                columns.append(sympy.Matrix.vstack(*blocks))
    return sympy.Matrix.hstack(*columns), out


def run(w):
    import sympy
    from sympy.core.cache import clear_cache
    clear_cache()
    phases = {}
    import time
    t0 = time.perf_counter()
    U, out = build_U(sympy, w)
    phases["U"] = time.perf_counter() - t0
    texts = {}
    if w["latex"]:
        t0 = time.perf_counter()
        texts["U"] = sympy.latex(U)
        phases["latex_U"] = time.perf_counter() - t0
    if w["C"]:
        t0 = time.perf_counter()
        O = sympy.Matrix(out, out, lambda p, q: sympy.Symbol(f"O_{{{p}{q}}}"))
        C = (O.reshape(1, out * out) * U.T).reshape(w["n"], w["n"])
        phases["C"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        texts["C"] = sympy.latex(C)
        phases["latex_C"] = time.perf_counter() - t0
    return phases, U.shape, texts


def child(name: str, repeats: int) -> None:
    import sympy  # noqa: F401 -- in the baseline
    baseline = bc.peak_rss_bytes()
    w = WORKLOADS[name]
    reps = repeats if w.get("repeat") else 1
    runs = [run(w) for _ in range(reps)]
    totals = [sum(p.values()) for p, _, _ in runs]
    order = sorted(range(reps), key=lambda i: totals[i])
    phases, shape, texts = runs[order[len(order) // 2]]
    note = f"U {shape[0]}x{shape[1]} (row convention)"
    if texts:
        note += ", latex " + " ".join(f"{k} {len(v)} chars" for k, v in texts.items())
    if name == "seed004":
        for ref in REFERENCE:
            if (ref / "seed004_U.tex").exists():
                same = all((ref / f"seed004_{k}.tex").read_text().strip() == v.strip()
                           for k, v in texts.items())
                note += ", equals shared/reference" if same else ", DIFFERS from shared/reference"
                break
    if reps > 1:
        note += f", median of {reps}"
    bc.child_result(name, totals[order[len(order) // 2]], phases, note, baseline,
                    version="sympy " + sympy.__version__)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    bc.add_common_args(ap)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.repeats)
        return 0
    bc.main_loop(__file__, "sympy", WORKLOADS, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
