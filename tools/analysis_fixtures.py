#!/usr/bin/env python3
"""Generate PyTorch/NumPy reference fixtures for `convmatrix analyze` and `compose`.

Writes Tests/ConvMatrixAnalysisTests/Fixtures/layers.json and stacks.json, for random layers
and random stacks of layers (forward convolutions, pooling-like windows, transposed
convolutions; channels and groups), all in float64:

layers.json, per layer:
  * the layer's description and its kernel values (small dyadic rationals, never zero);
  * numpy.linalg.matrix_rank and numpy.linalg.svd of the layer's Jacobian at those values
    (= U, or T for a transposed layer): `rank`, `singular_values` (descending) and
    `operator_norm` (the largest singular value);
  * `overlap`: the row counts (non-zeros per row) of the Jacobian of the *transposed* layer at
    random normal weights (generic: no cancellation), one per output of the transposed layer:
    PyTorch's ConvTranspose for zero padding; for circular and reflect padding (which no
    ConvTranspose has) the adjoint, i.e. the backward pass, whose Jacobian is the transpose.

stacks.json, per stack:
  * the layers and their kernel values (dyadic; products and sums of dyadics are exact in
    float64, so the Swift side can compare its composed symbolic matrix evaluated at the same
    values with the Jacobian exactly);
  * `jacobian`: the Jacobian of the composed layers, as [row, column, value] non-zeros;
  * `support`: for each output (flat, channel first), per axis [first, last] input position
    among the non-zeros of the Jacobian at random normal weights (generic), or null.

Deterministic (fixed seeds). Regenerate only deliberately:
    python3 tools/analysis_fixtures.py            # writes the committed files
    python3 tools/analysis_fixtures.py --check    # regenerates in memory and compares (CI)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_default_dtype(torch.float64)
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "ConvMatrixAnalysisTests" / "Fixtures"

CONV = {1: F.conv1d, 2: F.conv2d}
CONVT = {1: F.conv_transpose1d, 2: F.conv_transpose2d}


def dyadic(rng: random.Random, count: int) -> list[float]:
    values = []
    for _ in range(count):
        numerator = rng.choice([-4, -3, -2, -1, 1, 2, 3, 4])
        values.append(numerator / rng.choice([1, 2, 4]))
    return values


def apply(layer: dict, x: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """One layer on x of shape (1, C, spatial...)."""
    rank = len(layer["kernel"])
    if layer["transposed"]:
        y = CONVT[rank](
            x, weight, stride=layer["stride"], padding=0, dilation=layer["dilation"],
            groups=layer["groups"], output_padding=layer["output_padding"])
        # crop p before and p + 0 after (symmetric padding), as PyTorch's padding=p does
        slices = [slice(None), slice(None)]
        for t in range(rank):
            p = layer["padding"][t]
            slices.append(slice(p, y.shape[2 + t] - p))
        return y[tuple(slices)]
    pad = []
    for t in reversed(range(rank)):
        pad += [layer["padding"][t], layer["padding"][t]]
    mode = layer.get("padding_mode", "zeros")
    padded = F.pad(x, pad, mode="constant" if mode == "zeros" else mode)
    return CONV[rank](
        padded, weight, stride=layer["stride"], dilation=layer["dilation"], groups=layer["groups"])


def weight_shape(layer: dict) -> list[int]:
    g = layer["groups"]
    if layer["transposed"]:
        return [layer["in_channels"], layer["out_channels"] // g] + layer["kernel"]
    return [layer["out_channels"], layer["in_channels"] // g] + layer["kernel"]


def output_size(layer: dict, n: list[int]) -> list[int]:
    out = []
    for t, size in enumerate(n):
        k, s, p, d = layer["kernel"][t], layer["stride"][t], layer["padding"][t], layer["dilation"][t]
        if layer["transposed"]:
            out.append((size - 1) * s - 2 * p + d * (k - 1) + layer["output_padding"][t] + 1)
        else:
            out.append((size + 2 * p - d * (k - 1) - 1) // s + 1)
    return out


def random_layer(rng: random.Random, rank: int, n: list[int], channels: int, *, allow_transposed=True,
                 modes=("zeros",)) -> dict | None:
    transposed = allow_transposed and rng.random() < 0.3
    for _ in range(50):
        kernel = [rng.randint(1, 4) for _ in range(rank)]
        stride = [rng.randint(1, 3) for _ in range(rank)]
        dilation = [rng.choice([1, 1, 1, 2]) for _ in range(rank)]
        padding = [rng.randint(0, (d * (k - 1)) // 2 + (1 if transposed else 0)) for k, d in zip(kernel, dilation)]
        out_channels = rng.choice([1, 1, 2, 3])
        groups = 1
        if channels > 1 and out_channels > 1 and channels % out_channels == 0 and rng.random() < 0.5:
            groups = out_channels
        layer = {
            "transposed": transposed, "kernel": kernel, "stride": stride, "padding": padding,
            "dilation": dilation, "in_channels": channels, "out_channels": out_channels,
            "groups": groups, "output_padding": [0] * rank,
            "padding_mode": "zeros" if transposed else rng.choice(modes),
        }
        if transposed:
            layer["output_padding"] = [rng.randint(0, s - 1) if s > 1 else 0 for s in stride]
            if any(p > d * (k - 1) for p, k, d in zip(padding, kernel, dilation)):
                continue
        else:
            if layer["padding_mode"] == "circular" and any(p > size for p, size in zip(padding, n)):
                continue
            if layer["padding_mode"] == "reflect" and any(p >= size for p, size in zip(padding, n)):
                continue
            if any(d * (k - 1) + 1 > size + 2 * p for k, d, p, size in zip(kernel, dilation, padding, n)):
                continue
        out = output_size(layer, n)
        if all(1 <= m <= 8 for m in out):
            return layer
    return None


def jacobian(layers: list[dict], weights: list[torch.Tensor], n: list[int], channels: int) -> np.ndarray:
    def f(x):
        y = x.reshape([1, channels] + n)
        for layer, w in zip(layers, weights):
            y = apply(layer, y, w)
        return y.reshape(-1)
    x0 = torch.zeros(channels * int(np.prod(n)))
    return torch.autograd.functional.jacobian(f, x0).numpy()


def support(j: np.ndarray, n: list[int]) -> list:
    spatial = int(np.prod(n))
    result = []
    for row in j:
        columns = np.nonzero(row)[0]
        if len(columns) == 0:
            result.append(None)
            continue
        positions = np.array([np.unravel_index(c % spatial, n) for c in columns])
        result.append([[int(positions[:, t].min()), int(positions[:, t].max())] for t in range(len(n))])
    return result


def transposed_of(layer: dict, n: list[int]) -> tuple[dict, list[int]]:
    """The transposed layer whose overlap `analyze` maps, and its input size."""
    if layer["transposed"]:
        return layer, n
    out = output_size(layer, n)
    rank = len(n)
    output_padding = [n[t] - ((out[t] - 1) * layer["stride"][t] - 2 * layer["padding"][t]
                              + layer["dilation"][t] * (layer["kernel"][t] - 1) + 1) for t in range(rank)]
    t_layer = dict(layer, transposed=True, in_channels=layer["out_channels"],
                   out_channels=layer["in_channels"], output_padding=output_padding,
                   padding_mode="zeros")
    return t_layer, out


def close(a, b, path="") -> list[str]:
    """Differences between two JSON values, floats compared to a relative 1e-9."""
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(
                a, b, rel_tol=1e-9, abs_tol=1e-9):
            return []
        return [f"{path}: {a} != {b}"]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: length {len(a)} != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in close(x, y, f"{path}[{i}]")]
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{path}: keys differ"]
        return [d for k in a for d in close(a[k], b[k], f"{path}.{k}")]
    return [] if a == b else [f"{path}: {a} != {b}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed fixtures instead of writing them")
    arguments = parser.parse_args()
    rng = random.Random(15)
    torch.manual_seed(15)
    layers_out = []
    while len(layers_out) < 16:
        rank = rng.choice([1, 2, 2])
        n = [rng.randint(3, 7) for _ in range(rank)]
        channels = rng.choice([1, 1, 2])
        layer = random_layer(rng, rank, n, channels, modes=("zeros", "zeros", "circular", "reflect"))
        if layer is None:
            continue
        if len(layers_out) < 3:  # circular stride-1 layers with 2p = d(k - 1): the DFT rule
            k = rng.choice([1, 3])
            layer.update(transposed=False, kernel=[k] * rank, stride=[1] * rank, dilation=[1] * rank,
                         padding=[(k - 1) // 2] * rank, padding_mode="circular", output_padding=[0] * rank)
        shape = weight_shape(layer)
        values = dyadic(rng, int(np.prod(shape)))
        w = torch.tensor(values).reshape(shape)
        j = jacobian([layer], [w], n, channels)
        singular = np.linalg.svd(j, compute_uv=False) if j.size else np.array([])
        t_layer, t_input = transposed_of(layer, n)
        if any(a < 0 or (a >= s and a >= d) for a, s, d in
               zip(t_layer["output_padding"], t_layer["stride"], t_layer["dilation"])):
            continue
        if layer["padding_mode"] == "zeros":
            # PyTorch's ConvTranspose, built independently of the forward layer.
            generic = torch.randn(weight_shape(t_layer))
            jt = jacobian([t_layer], [generic], t_input, t_layer["in_channels"])
        else:
            # No ConvTranspose pads circularly or by reflection: the transposed layer is the
            # adjoint (the backward pass), whose Jacobian is the forward Jacobian transposed.
            generic = torch.randn(weight_shape(layer))
            jt = jacobian([layer], [generic], n, channels).T
        layers_out.append({
            "input": n, "layer": layer, "kernel_values": values,
            "rank": int(np.linalg.matrix_rank(j)),
            "singular_values": [float(v) for v in sorted(singular, reverse=True)],
            "operator_norm": float(singular.max()) if singular.size else 0.0,
            "overlap": [int(c) for c in (jt != 0).sum(axis=1)],
        })

    stacks_out = []
    while len(stacks_out) < 14:
        rank = rng.choice([1, 2, 2])
        n0 = [rng.randint(4, 8) for _ in range(rank)]
        channels0 = rng.choice([1, 1, 2])
        depth = rng.choice([2, 2, 3])
        layers, n, channels = [], n0, channels0
        for _ in range(depth):
            layer = random_layer(rng, rank, n, channels, allow_transposed=len(stacks_out) % 3 == 2)
            if layer is None:
                break
            layers.append(layer)
            n = output_size(layer, n)
            channels = layer["out_channels"]
        if len(layers) != depth:
            continue
        values = [dyadic(rng, int(np.prod(weight_shape(layer)))) for layer in layers]
        weights = [torch.tensor(v).reshape(weight_shape(layer)) for v, layer in zip(values, layers)]
        j = jacobian(layers, weights, n0, channels0)
        generic = [torch.randn(weight_shape(layer)) for layer in layers]
        jg = jacobian(layers, generic, n0, channels0)
        rows, columns = np.nonzero(j)
        stacks_out.append({
            "input": n0, "in_channels": channels0, "layers": layers, "kernel_values": values,
            "output": n, "shape": list(j.shape),
            "jacobian": [[int(r), int(c), float(j[r, c])] for r, c in zip(rows, columns)],
            "support": support(jg, n0),
        })

    if arguments.check:
        problems = []
        for name, data in (("layers.json", layers_out), ("stacks.json", stacks_out)):
            committed = json.loads((OUT / name).read_text())
            problems += [f"{name}{d}" for d in close(json.loads(json.dumps(data)), committed)]
        for problem in problems[:20]:
            print(problem, file=sys.stderr)
        if problems:
            sys.exit(f"{len(problems)} differences from the committed fixtures")
        print("the committed fixtures are what PyTorch and NumPy compute")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "layers.json").write_text(json.dumps(layers_out, separators=(",", ":")) + "\n")
    (OUT / "stacks.json").write_text(json.dumps(stacks_out, separators=(",", ":")) + "\n")
    print(f"wrote {len(layers_out)} layers and {len(stacks_out)} stacks to {OUT}")


if __name__ == "__main__":
    main()
