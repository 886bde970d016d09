#!/usr/bin/env python3
"""Run the built `convmatrix analyze` and `compose` on fresh random layers and stacks and compare
their JSON with PyTorch and NumPy (the engine-side check of docs/analysis.md).

For each random layer: `rank.values` against numpy.linalg.matrix_rank of the layer's Jacobian,
`singular_values` against numpy.linalg.svd, `operator_norm` against the largest singular value,
and `overlap.counts` against the row counts of the transposed layer's Jacobian. For each random
stack: `output` against PyTorch's output shape and `support` against the support of the
Jacobian of the composed layers at random normal weights.

    python3 tools/analysis_check.py --tool .build/debug/convmatrix [--cases 30] [--seed 7]
Exits 1 on any disagreement.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys

import numpy as np
import torch

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import analysis_fixtures as fx  # noqa: E402


def axes(values: list[int]) -> str:
    return "x".join(str(v) for v in values)


def layer_flags(layer: dict) -> list[str]:
    flags = ["--kernel", axes(layer["kernel"]), "--stride", axes(layer["stride"]),
             "--padding", axes(layer["padding"]), "--dilation", axes(layer["dilation"]),
             "--out-channels", str(layer["out_channels"]), "--groups", str(layer["groups"])]
    if layer["transposed"]:
        flags += ["--output-padding", axes(layer["output_padding"])]
    elif layer["padding_mode"] != "zeros":
        flags += ["--padding-mode", layer["padding_mode"]]
    return flags


def run(tool: str, arguments: list[str]) -> dict:
    result = subprocess.run([tool] + arguments, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"convmatrix {' '.join(arguments)}: exit {result.returncode}: {result.stderr}")
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--cases", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    torch.manual_seed(arguments.seed)
    failures = 0
    checked = 0
    while checked < arguments.cases:
        rank = rng.choice([1, 2])
        n = [rng.randint(3, 7) for _ in range(rank)]
        channels = rng.choice([1, 2])
        layer = fx.random_layer(rng, rank, n, channels, modes=("zeros", "zeros", "circular", "reflect"))
        if layer is None:
            continue
        t_layer, t_input = fx.transposed_of(layer, n)
        if any(a < 0 or (a >= s and a >= d) for a, s, d in
               zip(t_layer["output_padding"], t_layer["stride"], t_layer["dilation"])):
            continue
        shape = fx.weight_shape(layer)
        values = fx.dyadic(rng, int(np.prod(shape)))
        j = fx.jacobian([layer], [torch.tensor(values).reshape(shape)], n, channels)
        flags = (["analyze", "--transposed-layer"] if layer["transposed"] else ["analyze"])
        flags += ["--input", axes(n), "--in-channels", str(channels)] + layer_flags(layer)
        flags += ["--kernel-values", ",".join(repr(v) for v in values), "--format", "json"]
        report = run(arguments.tool, flags)
        singular = np.linalg.svd(j, compute_uv=False)
        if layer["padding_mode"] == "zeros":
            jt = fx.jacobian([t_layer], [torch.randn(fx.weight_shape(t_layer))], t_input,
                             t_layer["in_channels"])
        else:
            jt = fx.jacobian([layer], [torch.randn(shape)], n, channels).T
        problems = []
        if report["rank"]["values"] != int(np.linalg.matrix_rank(j)):
            problems.append(f"rank {report['rank']['values']} != {np.linalg.matrix_rank(j)}")
        if not np.allclose(report["singular_values"], sorted(singular, reverse=True), rtol=1e-9, atol=1e-9):
            problems.append("singular values differ")
        if abs(report["operator_norm"] - singular.max()) > 1e-6 * max(singular.max(), 1):
            problems.append(f"operator norm {report['operator_norm']} != {singular.max()}")
        if report["overlap"]["counts"] != [int(c) for c in (jt != 0).sum(axis=1)]:
            problems.append("overlap counts differ from the transposed layer's Jacobian")
        # A stack of two or three layers on the same input.
        layers, size, c = [], n, channels
        for _ in range(rng.choice([2, 3])):
            next_layer = fx.random_layer(rng, rank, size, c)
            if next_layer is None:
                break
            layers.append(next_layer)
            size, c = fx.output_size(next_layer, size), next_layer["out_channels"]
        if layers:
            flags = ["compose", "--input", axes(n), "--in-channels", str(channels), "--format", "json"]
            for item in layers:
                flags += ["--layer", " ".join((["--transposed"] if item["transposed"] else []) + layer_flags(item))]
            report = run(arguments.tool, flags)
            weights = [torch.randn(fx.weight_shape(item)) for item in layers]
            jg = fx.jacobian(layers, weights, n, channels)
            if report["output"] != size:
                problems.append(f"stack output {report['output']} != {size}")
            if report["support"] != fx.support(jg, n):
                problems.append("stack support differs from the Jacobian's")
        if problems:
            failures += 1
            print(f"FAIL {' '.join(flags)}: {'; '.join(problems)}", file=sys.stderr)
        checked += 1
    print(f"{checked} layers and stacks checked against PyTorch/NumPy, {failures} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
