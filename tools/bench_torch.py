#!/usr/bin/env python3
"""Benchmark the PyTorch way: U as the numerical Jacobian of F.conv2d (float64, CPU).

U (column convention, outputs x inputs) is obtained by pushing every basis input through the
layer in one batch: U[:, j] = conv(e_j) -- the exact Jacobian of a linear map, which is what
torch.autograd.functional.jacobian would return, only faster. Where the SymPy benchmark also
forms C = O.T, this one computes C = U^T o for a random o (numbers, not symbols); PyTorch has no
LaTeX, so that phase has no counterpart here.

Workloads: seed004 (5x5, 3x3, stride 2), mnist (28x28, 5x5), 64x64_p1 (64x64, 3x3, padding 1),
lenet_conv2 (6x14x14 -> 16, 5x5), resnet50_conv1 (3x224x224 -> 64, 7x7, stride 2, padding 3:
F.conv2d only; the dense Jacobian is reported as infeasible with its size in bytes).
Each runs in its own process with torch.set_num_threads(--threads, default 2); wall time by
time.perf_counter (median of --repeats after one warm-up), peak memory by ru_maxrss of that
process (includes the interpreter and PyTorch itself, see baseline_bytes).

    CUDA_VISIBLE_DEVICES= python3 tools/bench_torch.py [--json out.json]
"""

from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import bench_common as bc  # noqa: E402

WORKLOADS = {
    "seed004": dict(n=5, k=3, stride=2, pad=0, cin=1, cout=1, C=True),
    "mnist": dict(n=28, k=5, stride=1, pad=0, cin=1, cout=1, C=True),
    "64x64_p1": dict(n=64, k=3, stride=1, pad=1, cin=1, cout=1, C=False),
    "lenet_conv2": dict(n=14, k=5, stride=1, pad=0, cin=6, cout=16, C=False),
    "resnet50_conv1": dict(n=224, k=7, stride=2, pad=3, cin=3, cout=64, forward_only=True),
}


def child(name: str, repeats: int, threads: int) -> None:
    import torch
    import torch.nn.functional as F
    torch.set_num_threads(threads)
    baseline = bc.peak_rss_bytes()
    w = WORKLOADS[name]
    g = torch.Generator().manual_seed(0)
    n, cin, cout, k = w["n"], w["cin"], w["cout"], w["k"]
    weight = torch.randn(cout, cin, k, k, generator=g, dtype=torch.float64)
    out = (n + 2 * w["pad"] - k) // w["stride"] + 1
    n_in, n_out = cin * n * n, cout * out * out

    def conv(x):
        return F.conv2d(x, weight, None, w["stride"], w["pad"])

    phases = {}
    if w.get("forward_only"):
        x = torch.randn(1, cin, n, n, generator=g, dtype=torch.float64)
        with torch.no_grad():
            conv(x)  # warm-up
            med, _, y = bc.timed(lambda: conv(x), repeats)
        phases["conv2d"] = med
        dense = n_out * n_in * 8
        note = (f"F.conv2d forward {tuple(x.shape)} -> {tuple(y.shape)}, median of {repeats}; "
                f"dense U would be {n_out}x{n_in} float64 = {dense:,} bytes "
                f"({dense / 2**30:.0f} GiB): infeasible")
        bc.child_result(name, med, phases, note, baseline, threads=threads,
                        version=torch.__version__, dense_jacobian_bytes=dense)
        return

    def jacobian():
        basis = torch.eye(n_in, dtype=torch.float64).reshape(n_in, cin, n, n)
        with torch.no_grad():
            return conv(basis).reshape(n_in, n_out).T

    reps = repeats if n_in * n_out <= 1_000_000 else max(1, min(repeats, 3))
    jacobian()  # warm-up
    med_u, _, U = bc.timed(jacobian, reps)
    phases["U"] = med_u
    total = med_u
    if w["C"]:
        o = torch.randn(n_out, generator=g, dtype=torch.float64)
        med_c, _, _ = bc.timed(lambda: U.T @ o, reps)
        phases["C"] = med_c
        total += med_c
    note = f"U {U.shape[0]}x{U.shape[1]} dense float64 ({U.numel() * 8:,} bytes), median of {reps}"
    bc.child_result(name, total, phases, note, baseline, threads=threads,
                    version=torch.__version__)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    bc.add_common_args(ap)
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.repeats, args.threads)
        return 0
    bc.main_loop(__file__, "torch", WORKLOADS, args, child_args=["--threads", str(args.threads)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
