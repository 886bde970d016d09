#!/usr/bin/env python3
"""Generate PyTorch reference fixtures for `apply` and `backward` with numbers.

Writes Tests/ConvMatrixCommandLineTests/Fixtures/torch-values/cases.json and, for the cases
that read files, `.npy` arrays next to it. Each case holds the command-line arguments of
`convmatrix apply` and `convmatrix backward`, and what PyTorch (float64) computes:

* forward cases: y = F.convNd(x, w, b, stride, padding, dilation, groups); then autograd of
  E = sum(y * g) gives x.grad, w.grad and b.grad for the output gradient g.
* transposed cases: z = F.conv_transposeNd(x, w, b, stride, padding, output_padding, groups,
  dilation), with the same autograd. `apply --transpose` describes the layer by its forward
  convolution (input n, whose transposed output size is n); `backward --transposed` by
  the transposed layer itself (input m and output padding a).

Cases: the PyTorch lab's example (a 5x5 image whose third column is 1, the kernel
[[1,0,-1],[2,0,-2],[1,0,-1]], bias 0, z = [[-4,0,4]]*3), the numpy lab's 3x3 input / 2x2
kernel, and random layers of every kind: 1-D, 2-D, 3-D, strided, padded, dilated, grouped,
multi-channel, transposed. "integer" cases hold small integers (every result is exact and must
agree exactly); "dyadic" ones halves and quarters (exact too); "float" ones normal draws
(agreement to 1e-12). Some cases pass their values as `.npy` files of each accepted dtype.

Deterministic: fixed seed, fixed case list. Regenerate only deliberately:
    python3 tools/torch_value_fixtures.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)
REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "Tests" / "ConvMatrixCommandLineTests" / "Fixtures" / "torch-values"
CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
CONV_T = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
GEN = torch.Generator().manual_seed(20261126)


def draw(shape, kind):
    if kind == "integer":
        return torch.randint(-4, 5, shape, generator=GEN).to(torch.float64)
    if kind == "dyadic":
        n = torch.randint(-8, 9, shape, generator=GEN).to(torch.float64)
        return n / torch.tensor([1.0, 2.0, 4.0])[torch.randint(0, 3, shape, generator=GEN)]
    return torch.randn(shape, generator=GEN, dtype=torch.float64)


def text(values):
    out = []
    for v in values:
        v = float(v)
        out.append(str(int(v)) if v == int(v) and abs(v) < 1e15 else repr(v))
    return ",".join(out)


def sizes(values):
    return "x".join(str(v) for v in values)


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def npy(name, array, dtype):
    path = OUT / f"{name}.npy"
    np.save(path, np.ascontiguousarray(array.detach().numpy().astype(dtype)))
    return "@" + str(path.relative_to(REPO))


def case(name, kind, n, k, stride=None, padding=None, dilation=None, cin=1, cout=1, groups=1,
         values="integer", x=None, w=None, b=None, g=None, files=None):
    rank = len(n)
    stride = stride or [1] * rank
    padding = padding or [0] * rank
    dilation = dilation or [1] * rank
    layer = ["--input", sizes(n), "--kernel", sizes(k), "--stride", sizes(stride),
             "--padding", sizes(padding), "--dilation", sizes(dilation),
             "--in-channels", str(cin), "--out-channels", str(cout), "--groups", str(groups)]
    m = [(n[t] + 2 * padding[t] - dilation[t] * (k[t] - 1) - 1) // stride[t] + 1
         for t in range(rank)]
    if kind == "conv":
        x = x if x is not None else draw([1, cin] + n, values)
        w = w if w is not None else draw([cout, cin // groups] + k, values)
        b = b if b is not None else draw([cout], values)
        x.requires_grad_(True)
        w.requires_grad_(True)
        b.requires_grad_(True)
        y = CONV[rank](x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups)
        g = g if g is not None else draw(list(y.shape), values)
        apply_args = ["apply"] + layer
        backward_args = ["backward"] + layer
    else:
        # The transposed layer of the forward convolution described by `layer`: input m
        # (the forward output), output n, output padding a.
        a = [n[t] - ((m[t] - 1) * stride[t] - 2 * padding[t] + dilation[t] * (k[t] - 1) + 1)
             for t in range(rank)]
        x = x if x is not None else draw([1, cout] + m, values)
        w = w if w is not None else draw([cout, cin // groups] + k, values)
        b = b if b is not None else draw([cin], values)
        x.requires_grad_(True)
        w.requires_grad_(True)
        b.requires_grad_(True)
        y = CONV_T[rank](x, w, b, stride=stride, padding=padding, output_padding=a,
                         groups=groups, dilation=dilation)
        assert list(y.shape[2:]) == n
        g = g if g is not None else draw(list(y.shape), values)
        apply_args = ["apply", "--transpose"] + layer
        # The same layer described as itself: channels swap, input m, output padding a.
        backward_args = ["backward", "--transposed", "--input", sizes(m), "--kernel",
                         sizes(k), "--stride", sizes(stride), "--padding", sizes(padding),
                         "--dilation", sizes(dilation), "--output-padding", sizes(a),
                         "--in-channels", str(cout), "--out-channels", str(cin),
                         "--groups", str(groups)]
    (y * g).sum().backward()
    files = files or {}

    def given(key, tensor):
        if key in files:
            return npy(f"{name}-{key}", tensor, files[key])
        return text(flat(tensor))

    values_args = ["--input-values", given("input", x), "--kernel-values", given("weight", w)]
    apply_args += values_args + ["--bias", given("bias", b), "--format", "json"]
    # A transposed layer is also applied as itself: `apply --transposed` with its own flags.
    apply_as_layer = (["apply"] + backward_args[1:] + values_args
                      + ["--bias", given("bias", b), "--format", "json"]
                      if kind != "conv" else None)
    backward_args += values_args + ["--output-gradient", given("grad", g), "--format", "json"]
    return {
        "name": name, "kind": kind, "values": values, "apply": apply_args,
        "apply_as_layer": apply_as_layer, "backward": backward_args,
        "output": {"shape": list(y.shape[1:]), "values": flat(y)},
        "input_gradient": {"shape": list(x.shape[1:]), "values": flat(x.grad)},
        "kernel_gradient": {"shape": list(w.shape), "values": flat(w.grad)},
        "bias_gradient": {"shape": list(b.shape), "values": flat(b.grad)},
    }


POOL = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}


def maxpool_case(name, n, k, stride=None, padding=None, dilation=None, channels=1,
                 values="integer"):
    """Max pooling: y = max_poolNd(x) and x.grad for E = sum(y * g). With small integers,
    windows often hold their maximum twice: PyTorch's tie rule (the first maximum) decides."""
    rank = len(n)
    stride = stride or k
    padding = padding or [0] * rank
    dilation = dilation or [1] * rank
    x = draw([1, channels] + n, values)
    if values == "integer":
        x = torch.randint(0, 3, [1, channels] + n, generator=GEN).to(torch.float64)
    x.requires_grad_(True)
    y = POOL[rank](x, k, stride=stride, padding=padding, dilation=dilation)
    g = draw(list(y.shape), values)
    (y * g).sum().backward()
    layer = ["--max-pool", "--input", sizes(n), "--kernel", sizes(k), "--stride", sizes(stride),
             "--padding", sizes(padding), "--dilation", sizes(dilation),
             "--in-channels", str(channels), "--input-values", text(flat(x))]
    return {
        "name": name, "kind": "maxpool", "values": values,
        "apply": ["apply"] + layer + ["--format", "json"],
        "backward": ["backward"] + layer + ["--output-gradient", text(flat(g)), "--format", "json"],
        "output": {"shape": list(y.shape[1:]), "values": flat(y)},
        "input_gradient": {"shape": list(x.shape[1:]), "values": flat(x.grad)},
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npy"):
        old.unlink()
    cases = []
    # The PyTorch lab: a 5x5 image whose third column is 1, a Sobel-like kernel, bias 0.
    image = torch.zeros(1, 1, 5, 5, dtype=torch.float64)
    image[0, 0, :, 2] = 1
    sobel = torch.tensor([[[[1.0, 0, -1], [2, 0, -2], [1, 0, -1]]]], dtype=torch.float64)
    cases.append(case("pytorch-lab-5x5-third-column", "conv", [5, 5], [3, 3], x=image,
                      w=sobel, b=torch.zeros(1, dtype=torch.float64)))
    # The numpy lab: 3x3 input, 2x2 kernel.
    cases.append(case("numpy-lab-3x3-2x2", "conv", [3, 3], [2, 2]))
    layers = [
        ("conv1d-stride2", "conv", dict(n=[9], k=[3], stride=[2])),
        ("conv2d-stride2", "conv", dict(n=[5, 5], k=[3, 3], stride=[2, 2])),
        ("conv2d-padded", "conv", dict(n=[6, 5], k=[3, 2], padding=[1, 2])),
        ("conv2d-dilated", "conv", dict(n=[7, 7], k=[3, 3], dilation=[2, 2], padding=[1, 1])),
        ("conv2d-channels", "conv", dict(n=[5, 4], k=[3, 3], cin=3, cout=2, padding=[1, 1])),
        ("conv2d-groups", "conv", dict(n=[5, 5], k=[2, 2], cin=4, cout=6, groups=2,
                                       stride=[2, 1])),
        ("conv3d", "conv", dict(n=[4, 4, 3], k=[2, 2, 2], cin=2, cout=2, stride=[1, 2, 1])),
        ("transposed1d", "transposed", dict(n=[9], k=[3], stride=[2])),
        ("transposed2d-stride2", "transposed", dict(n=[6, 6], k=[3, 3], stride=[2, 2],
                                                    padding=[1, 1])),
        ("transposed2d-channels", "transposed", dict(n=[7, 5], k=[3, 2], stride=[2, 1],
                                                     cin=2, cout=3)),
        ("transposed2d-groups-dilated", "transposed", dict(n=[8, 8], k=[2, 2], cin=4, cout=2,
                                                           groups=2, dilation=[2, 2],
                                                           stride=[2, 2])),
        ("transposed3d", "transposed", dict(n=[5, 4, 4], k=[2, 2, 2], stride=[2, 1, 2],
                                            cin=1, cout=2)),
    ]
    for kind_values in ["integer", "dyadic", "float"]:
        for name, kind, spec in layers:
            cases.append(case(f"{name}-{kind_values}", kind, values=kind_values, **spec))
    # Values from .npy files of each accepted dtype.
    cases.append(case("npy-float64", "conv", [5, 5], [3, 3], stride=[2, 2], values="float",
                      files={"input": "<f8", "weight": "<f8", "bias": "<f8", "grad": "<f8"}))
    cases.append(case("npy-float32", "conv", [4, 4], [2, 2], values="dyadic",
                      files={"input": "<f4", "weight": "<f4"}))
    cases.append(case("npy-int64-int32", "transposed", [6, 6], [3, 3], stride=[2, 2],
                      files={"input": "<i8", "weight": "<i4", "grad": "<i8"}))
    # Max pooling, ties included: overlapping windows, padding, dilation, channels, 1-D to 3-D.
    pools = [
        ("maxpool2d", dict(n=[4, 4], k=[2, 2])),
        ("maxpool2d-overlapping", dict(n=[5, 5], k=[3, 3], stride=[1, 1])),
        ("maxpool2d-padded-strided", dict(n=[6, 5], k=[3, 3], stride=[2, 2], padding=[1, 1])),
        ("maxpool2d-dilated-channels", dict(n=[7, 7], k=[2, 2], stride=[1, 2], dilation=[2, 2],
                                            channels=3)),
        ("maxpool1d", dict(n=[9], k=[3], stride=[2], padding=[1])),
        ("maxpool3d", dict(n=[4, 4, 4], k=[2, 2, 2], channels=2)),
    ]
    for kind_values in ["integer", "float"]:
        for name, spec in pools:
            cases.append(maxpool_case(f"{name}-{kind_values}", values=kind_values, **spec))
    (OUT / "cases.json").write_text(json.dumps({"cases": cases}, indent=1) + "\n")
    print(f"wrote {len(cases)} cases to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
