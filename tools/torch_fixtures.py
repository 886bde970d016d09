#!/usr/bin/env python3
"""Generate PyTorch reference fixtures for ConvMatrix.

Writes Tests/ConvMatrixNumericTests/Fixtures/torch/cases.json: convolution and transposed-convolution
cases computed with PyTorch in float64, each with its weight, an input, the output, and the
Jacobian d output.flatten() / d input.flatten() for batch 1 -- the unrolled matrix U in the column
convention y = U x (rows = outputs, columns = inputs, row-major (channel, spatial...) flattening),
stored sparsely as [row, col, value] triples of its non-zero entries.

Semantics reproduced (and self-checked against nn.ConvNd / F.conv_transposeNd where PyTorch can
express the case directly):

* conv: x is padded with F.pad(x, pad, mode) using explicit per-side amounts (F.pad's tuple is
  last-axis-first; mode 'zeros' is F.pad's 'constant'), then F.convNd with padding 0. This is what
  nn.ConvNd does for every padding_mode other than 'zeros'.
* padding words: 'valid' = 0; 'same' = total d*(k-1), before = total // 2, after = the rest
  (PyTorch's rule; stride 1 only); 'full' = d*(k-1) on both sides.
* conv_transpose: F.conv_transposeNd with padding 0 and output_padding a, then p_before elements
  cropped from the start and p_after from the end of each spatial axis. For p_before == p_after
  this equals PyTorch's own padding=p (checked).

Deterministic: fixed seeds, fixed case list. Regenerate only deliberately:
    python3 tools/torch_fixtures.py            # writes the committed file
    python3 tools/torch_fixtures.py --out X    # somewhere else
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)
DTYPE = torch.float64
SEED = 20240611
REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "Tests" / "ConvMatrixNumericTests" / "Fixtures" / "torch" / "cases.json"

CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
CONV_T = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
NN_CONV = {1: torch.nn.Conv1d, 2: torch.nn.Conv2d, 3: torch.nn.Conv3d}


# ----------------------------------------------------------------------------- values

class Values:
    """Deterministic value source. kinds: 'int' (integers -4..4), 'dyadic' (integers -4..4
    divided elementwise by 1, 2 or 4: every sum is exact in float64), 'randn' (normal)."""

    def __init__(self, seed: int):
        self.gen = torch.Generator().manual_seed(seed)

    def tensor(self, shape, kind: str) -> torch.Tensor:
        shape = tuple(shape)
        if kind == "int":
            return torch.randint(-4, 5, shape, generator=self.gen).to(DTYPE)
        if kind == "dyadic":
            num = torch.randint(-4, 5, shape, generator=self.gen).to(DTYPE)
            den = torch.tensor([1.0, 2.0, 4.0], dtype=DTYPE)[
                torch.randint(0, 3, shape, generator=self.gen)]
            return num / den
        if kind == "randn":
            return torch.randn(shape, generator=self.gen, dtype=DTYPE)
        raise ValueError(kind)


# ----------------------------------------------------------------------------- geometry

def tup(v, dims):
    if isinstance(v, int):
        return [v] * dims
    v = list(v)
    assert len(v) == dims, (v, dims)
    return v


def resolve_padding(padding, dims, kernel, dilation, stride):
    """Return (explicit [[before, after], ...], word or None)."""
    if isinstance(padding, str):
        word = padding
        if word == "valid":
            return [[0, 0] for _ in range(dims)], word
        if word == "same":
            assert all(s == 1 for s in stride), "'same' needs stride 1 in PyTorch"
            out = []
            for k, d in zip(kernel, dilation):
                total = d * (k - 1)
                out.append([total // 2, total - total // 2])
            return out, word
        if word == "full":
            return [[d * (k - 1)] * 2 for k, d in zip(kernel, dilation)], word
        raise ValueError(word)
    if isinstance(padding, int):
        return [[padding, padding] for _ in range(dims)], None
    out = []
    for p in padding:
        out.append([p, p] if isinstance(p, int) else list(p))
    assert len(out) == dims
    return out, None


def fpad_tuple(padding):
    """F.pad wants the last axis first: (last_before, last_after, ..., first_before, first_after)."""
    flat = []
    for before, after in reversed(padding):
        flat += [before, after]
    return tuple(flat)


def axes(v):
    return "x".join(str(a) for a in v)


def pad_label(padding, word):
    if word is not None:
        return word
    return "x".join(str(b) if b == a else f"{b}:{a}" for b, a in padding)


# ----------------------------------------------------------------------------- the layers

def conv_forward(x, w, spec):
    mode = spec["padding_mode"]
    pad = fpad_tuple(spec["padding"])
    if any(pad):
        x = F.pad(x, pad, mode="constant" if mode == "zeros" else mode)
    return CONV[spec["dims"]](x, w, None, spec["stride"], 0, spec["dilation"], spec["groups"])


def conv_t_forward(x, w, spec):
    dims = spec["dims"]
    y = CONV_T[dims](x, w, None, spec["stride"], 0, spec["output_padding"], spec["groups"],
                     spec["dilation"])
    index = [slice(None), slice(None)]
    for (before, after), n in zip(spec["padding"], y.shape[2:]):
        assert before + after < n, "crop leaves nothing"
        index.append(slice(before, n - after))
    return y[tuple(index)]


def forward(x, w, spec):
    return (conv_forward if spec["kind"] == "conv" else conv_t_forward)(x, w, spec)


def jacobian(w, spec):
    """Push every basis input through the (linear) layer at once: J[:, j] = f(e_j)."""
    n_in = spec["in_channels"] * prod(spec["input_size"])
    basis = torch.eye(n_in, dtype=DTYPE).reshape(n_in, spec["in_channels"], *spec["input_size"])
    with torch.no_grad():
        y = forward(basis, w, spec)
    return y.reshape(n_in, -1).T.contiguous()


def prod(v):
    r = 1
    for a in v:
        r *= a
    return r


# ----------------------------------------------------------------------------- checks

def check_against_pytorch_modules(x, w, y, spec):
    """Where PyTorch can express the case directly, it must agree with our explicit form."""
    dims = spec["dims"]
    sym = all(b == a for b, a in spec["padding"])
    if spec["kind"] == "conv":
        if spec["padding_word"] is not None or sym:
            # 'full' is not a PyTorch word: it is the symmetric amount d*(k-1)
            word = spec["padding_word"]
            padding = word if word in ("same", "valid") else [b for b, _ in spec["padding"]]
            m = NN_CONV[dims](spec["in_channels"], spec["out_channels"], spec["kernel_size"],
                              stride=spec["stride"], padding=padding, dilation=spec["dilation"],
                              groups=spec["groups"], bias=False, padding_mode=spec["padding_mode"],
                              dtype=DTYPE)
            with torch.no_grad():
                m.weight.copy_(w)
                ref = m(x)
            assert ref.shape == y.shape and torch.allclose(ref, y, rtol=0, atol=1e-12), spec["name"]
    else:
        if sym:
            ref = CONV_T[dims](x, w, None, spec["stride"], [b for b, _ in spec["padding"]],
                               spec["output_padding"], spec["groups"], spec["dilation"])
            assert ref.shape == y.shape and torch.allclose(ref, y, rtol=0, atol=1e-12), spec["name"]


def check_with_autograd(x, w, spec, J):
    ref = torch.autograd.functional.jacobian(lambda t: forward(t, w, spec).flatten(), x)
    ref = ref.reshape(J.shape)
    assert torch.allclose(ref, J, rtol=0, atol=1e-12), spec["name"]


# ----------------------------------------------------------------------------- cases

CASES: list[dict] = []
NAMES: set[str] = set()


def add(kind, dims, cin, cout, size, k, *, groups=1, stride=1, dilation=1, padding=0,
        mode="zeros", output_padding=0, values="dyadic", name=None, weight=None, x=None,
        expect=None, tag=None):
    """Queue one case. weight/x may be given (nested lists) for the named seed examples."""
    size, k = tup(size, dims), tup(k, dims)
    stride, dilation = tup(stride, dims), tup(dilation, dims)
    pad, word = resolve_padding(padding, dims, k, dilation, stride)
    op = tup(output_padding, dims)
    spec = dict(kind=kind, dims=dims, in_channels=cin, out_channels=cout, groups=groups,
                input_size=size, kernel_size=k, stride=stride, dilation=dilation, padding=pad,
                padding_word=word, padding_mode=mode)
    if kind == "conv_transpose":
        spec["output_padding"] = op
    if name is None:
        prefix = "conv" if kind == "conv" else "convT"
        name = (f"{prefix}{dims}d_i{axes(size)}_k{axes(k)}_c{cin}m{cout}_g{groups}"
                f"_s{axes(stride)}_p{pad_label(pad, word)}_d{axes(dilation)}")
        if kind == "conv":
            name += f"_{mode}"
        else:
            name += f"_op{axes(op)}"
        if values != "dyadic":
            name += f"_{values}"
        if tag:
            name += f"_{tag}"
    if name in NAMES:
        return False
    NAMES.add(name)
    spec = dict(name=name, **spec)
    CASES.append(dict(spec=spec, values=values, weight=weight, x=x, expect=expect))
    return True


def valid_conv(dims, cin, cout, groups, size, k, stride, dilation, padding, mode):
    """True when PyTorch accepts the case (and it is non-empty)."""
    size, k, stride, dilation = (tup(v, dims) for v in (size, k, stride, dilation))
    if cin % groups or cout % groups:
        return False
    if isinstance(padding, str) and padding == "same" and any(s != 1 for s in stride):
        return False
    pad, _ = resolve_padding(padding, dims, k, dilation, stride)
    for n, kk, d, (b, a) in zip(size, k, dilation, pad):
        if mode == "reflect" and (b >= n or a >= n):
            return False
        if mode == "circular" and (b > n or a > n):
            return False
        if n + b + a < d * (kk - 1) + 1:
            return False
    return True


def valid_conv_t(dims, cin, cout, groups, size, k, stride, dilation, padding, op):
    size, k, stride, dilation, op = (tup(v, dims) for v in (size, k, stride, dilation, op))
    if cin % groups or cout % groups:
        return False
    pad, _ = resolve_padding(padding, dims, k, dilation, stride)
    for n, kk, s, d, (b, a), o in zip(size, k, stride, dilation, pad, op):
        if not (o < s or o < d):
            return False
        full = (n - 1) * s + d * (kk - 1) + 1 + o
        if b + a >= full:
            return False
    return True


def seed_cases():
    """The course's worked examples, with the numbers the course prints."""
    line = [[0, 0, 1, 0, 0]] * 5
    sobel = [[1, 0, -1], [2, 0, -2], [1, 0, -1]]
    add("conv", 2, 1, 1, 5, 3, name="seed000_vertical_line", weight=[[sobel]], x=[[line]],
        expect=[[[[-4, 0, 4]] * 3]])
    ones4 = [[[[1] * 4] * 4]]
    k2 = [[[[1, 1], [1, 1]]]]
    add("conv", 2, 1, 1, 4, 2, stride=1, name="seed000_ones4_k2_s1", weight=k2, x=ones4,
        expect=[[[[4, 4, 4]] * 3]])
    add("conv", 2, 1, 1, 4, 2, stride=2, name="seed000_ones4_k2_s2", weight=k2, x=ones4,
        expect=[[[[4, 4]] * 2]])
    add("conv", 2, 1, 1, 4, 2, stride=3, name="seed000_ones4_k2_s3", weight=k2, x=ones4,
        expect=[[[[4]]]])
    add("conv", 2, 1, 1, 4, 2, stride=3, padding=1, name="seed000_ones4_k2_s3_p1", weight=k2,
        x=ones4, expect=[[[[1, 2], [2, 4]]]])

    x09 = [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    x19 = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    ka = [[0, 1], [2, 3]]
    kb = [[1, 2], [3, 4]]
    add("conv", 2, 1, 1, 3, 2, name="seed001_xcorr", weight=[[ka]], x=[[x09]],
        expect=[[[[19, 25], [37, 43]]]])
    add("conv", 2, 2, 1, 3, 2, name="seed001_two_channels", weight=[[ka, kb]], x=[[x09, x19]],
        expect=[[[[56, 72], [104, 120]]]])
    ka1 = [[v + 1 for v in r] for r in ka]
    kb1 = [[v + 1 for v in r] for r in kb]
    ka2 = [[v + 2 for v in r] for r in ka]
    kb2 = [[v + 2 for v in r] for r in kb]
    add("conv", 2, 2, 3, 3, 2, name="seed001_multi_out", weight=[[ka, kb], [ka1, kb1], [ka2, kb2]],
        x=[[x09, x19]], expect=[[[[56, 72], [104, 120]], [[76, 100], [148, 172]],
                                 [[96, 128], [192, 224]]]])
    # the edge detector [1, -1]: 1-D, and the 2-D 6x8 picture with a dark band
    add("conv", 1, 1, 1, 8, 2, name="seed001_edge_1d", weight=[[[1, -1]]],
        x=[[[1, 1, 0, 0, 0, 0, 1, 1]]], expect=[[[0, 1, 0, 0, 0, -1, 0]]])
    band = [[1, 1, 0, 0, 0, 0, 1, 1]] * 6
    add("conv", 2, 1, 1, [6, 8], [1, 2], name="seed001_edge_2d", weight=[[[[1, -1]]]], x=[band],
        expect=[[[[0, 1, 0, 0, 0, -1, 0]] * 6]])
    # 1x1 convolution, 3 in and 2 out channels: a per-pixel matrix product
    w11 = [[[[1]], [[2]], [[-1]]], [[[0]], [[-3]], [[4]]]]
    x3 = [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]],
           [[0, 1, 0], [1, 0, 1], [0, 1, 0]],
           [[2, 2, 2], [1, 1, 1], [0, 0, 0]]]]
    exp = [[[[1 * a + 2 * b - c for a, b, c in zip(ra, rb, rc)]
             for ra, rb, rc in zip(x3[0][0], x3[0][1], x3[0][2])],
            [[-3 * b + 4 * c for a, b, c in zip(ra, rb, rc)]
             for ra, rb, rc in zip(x3[0][0], x3[0][1], x3[0][2])]]]
    add("conv", 2, 3, 2, 3, 1, name="seed001_conv1x1_c3m2", weight=w11, x=x3, expect=exp)

    # seed 004: 5x5 input, 3x3 kernel, stride 2, and its transpose 2x2 -> 5x5.
    k9 = [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]
    x25 = [[[[5 * i + j for j in range(5)] for i in range(5)]]]
    add("conv", 2, 1, 1, 5, 3, stride=2, name="seed004_conv_s2", weight=k9, x=x25)
    add("conv_transpose", 2, 1, 1, 2, 3, stride=2, name="seed004_transpose_s2", weight=k9,
        x=[[[[1, 2], [3, 4]]]], expect=None)


def hand_cases():
    """Systematic coverage, one concern at a time."""
    modes = ["zeros", "reflect", "replicate", "circular"]
    # padding modes x dims, symmetric and asymmetric
    for mode in modes:
        add("conv", 1, 1, 1, 7, 3, padding=[[2, 1]], mode=mode, values="int")
        add("conv", 1, 2, 2, 6, 3, padding=1, mode=mode)
        add("conv", 1, 1, 2, 5, 2, stride=2, padding=[[0, 3]], mode=mode)
        add("conv", 2, 1, 1, [5, 6], [3, 2], padding=[[0, 1], [1, 0]], mode=mode, values="int")
        add("conv", 2, 2, 4, [5, 6], [3, 2], groups=2, stride=[2, 1], padding=[[0, 1], [1, 0]],
            mode=mode)
        add("conv", 2, 1, 2, [4, 5], 3, padding=[[2, 1], [3, 0]], dilation=[1, 2], mode=mode)
        add("conv", 2, 1, 1, 4, 3, padding=2, mode=mode, values="randn")
        add("conv", 3, 1, 1, [3, 4, 3], 2, padding=[[1, 0], [0, 1], [1, 1]], mode=mode)
        add("conv", 3, 2, 2, 4, [2, 3, 2], stride=[2, 1, 1], padding=1, mode=mode, values="int")
    # the limits: reflect needs pad < size, circular pad <= size, replicate any amount
    add("conv", 1, 1, 1, 3, 3, padding=2, mode="reflect", tag="max")
    add("conv", 1, 1, 1, 3, 3, padding=[[3, 3]], mode="circular", tag="max")
    add("conv", 1, 1, 1, 2, 3, padding=[[5, 1]], mode="replicate", tag="wide")
    add("conv", 2, 1, 1, [3, 2], [3, 2], padding=[[2, 1], [1, 1]], mode="reflect", tag="max")
    add("conv", 2, 1, 1, [2, 3], 3, padding=[[2, 0], [3, 3]], mode="circular", tag="max")
    add("conv", 2, 1, 1, [2, 2], [2, 3], padding=[[3, 4], [2, 2]], mode="replicate", tag="wide")
    add("conv", 1, 1, 1, 1, 3, padding=[[2, 2]], mode="replicate", tag="single")
    add("conv", 1, 1, 1, 1, 2, padding=[[1, 0]], mode="circular", tag="single")

    # padding words
    for dims, size, k, dil in [(1, 7, 3, 1), (1, 7, 4, 1), (1, 8, 3, 2), (1, 6, 2, 3),
                               (2, [5, 6], [3, 4], [1, 1]), (2, 6, [2, 3], [2, 1]),
                               (3, [4, 5, 3], [2, 3, 1], [1, 1, 2])]:
        for word in ["valid", "same", "full"]:
            add("conv", dims, 1, 2, size, k, dilation=dil, padding=word,
                values="int" if word == "same" else "dyadic")
    for mode in ["reflect", "replicate", "circular"]:
        add("conv", 2, 2, 2, [5, 6], [4, 3], padding="same", mode=mode)
        add("conv", 1, 1, 1, 7, 3, dilation=2, padding="same", mode=mode)
        add("conv", 1, 1, 1, 6, 3, dilation=2, padding="full", mode=mode)
    add("conv", 2, 2, 4, 5, 3, stride=[2, 1], padding="valid", groups=2)
    add("conv", 2, 1, 1, 4, [3, 2], stride=[1, 3], padding="full", values="int")

    # channels and groups, including depthwise (groups == C) and depthwise multipliers
    for cin, cout, g in [(2, 2, 2), (3, 3, 3), (4, 4, 4), (2, 4, 2), (4, 2, 2), (4, 4, 2),
                         (3, 6 // 2 * 2, 3), (1, 4, 1), (4, 1, 1), (3, 2, 1)]:
        add("conv", 2, cin, cout, [5, 4], [3, 2], groups=g, padding=[[1, 0], [0, 1]])
        add("conv", 1, cin, cout, 7, 3, groups=g, stride=2, padding=1, values="int")
    add("conv", 3, 4, 4, 3, 2, groups=4, padding=[[0, 1], [1, 0], [0, 0]], mode="reflect")
    add("conv", 3, 2, 4, [3, 4, 3], [2, 2, 1], groups=2, stride=[1, 2, 1])

    # strides and dilations, per axis different
    for s, d in [([2, 1], [1, 1]), ([1, 2], [1, 1]), ([3, 2], [1, 1]), ([1, 1], [2, 1]),
                 ([1, 1], [1, 3]), ([2, 2], [2, 2]), ([2, 3], [3, 1])]:
        add("conv", 2, 1, 2, [9, 8], [3, 2], stride=s, dilation=d, padding=[[1, 2], [0, 1]])
    for s, d in [(2, 1), (3, 1), (1, 2), (2, 3), (4, 2)]:
        add("conv", 1, 2, 1, 9, 3, stride=s, dilation=d, padding=[[1, 0]], values="int")
    add("conv", 3, 1, 2, 5, 2, stride=[2, 1, 3], dilation=[1, 2, 1])

    # 1x1 kernels
    add("conv", 1, 3, 2, 5, 1)
    add("conv", 2, 4, 3, [3, 4], 1, values="int")
    add("conv", 2, 4, 4, [3, 4], 1, groups=2, stride=2)
    add("conv", 2, 2, 2, 3, 1, padding=1, mode="zeros")
    add("conv", 2, 2, 2, 3, 1, padding=[[1, 0], [0, 2]], mode="replicate")
    add("conv", 3, 2, 3, [2, 3, 2], 1, dilation=3)

    # kernel as large as the (padded) input: one output per channel
    add("conv", 1, 1, 1, 6, 6, values="int")
    add("conv", 1, 2, 2, 4, 6, padding=1, mode="reflect")
    add("conv", 2, 1, 1, [3, 4], [3, 4])
    add("conv", 2, 1, 2, [3, 4], [5, 4], padding=[[1, 1], [0, 0]], mode="circular")
    add("conv", 2, 2, 1, 3, 3, dilation=2, padding=1)
    add("conv", 3, 1, 1, [2, 3, 2], [3, 3, 3], padding=[[1, 0], [0, 0], [0, 1]],
        mode="replicate")

    # transposed convolutions
    for dims, size, k, s, d, p, op, cin, cout, g in [
        (1, 4, 3, 2, 1, 0, 0, 1, 1, 1),
        (1, 4, 3, 2, 1, 1, 1, 1, 1, 1),
        (1, 5, 2, 3, 1, 0, 2, 1, 2, 1),
        (1, 4, 3, 1, 2, 1, 1, 1, 1, 1),      # output_padding < dilation (stride 1)
        (1, 5, 3, 2, 3, 2, 2, 2, 2, 2),
        (1, 3, 4, 2, 1, [[0, 2]], 1, 1, 1, 1),
        (1, 4, 3, 3, 1, [[2, 0]], 2, 2, 1, 1),
        (2, 2, 3, 2, 1, 0, 0, 1, 1, 1),
        (2, 3, 3, 2, 1, 1, 1, 1, 1, 1),
        (2, [3, 4], [3, 2], [2, 1], [1, 1], [1, 0], [1, 0], 1, 2, 1),
        (2, [3, 3], [2, 3], [1, 2], [2, 1], 0, [1, 1], 2, 2, 1),
        (2, [2, 3], 3, [3, 2], [1, 2], [[1, 0], [0, 2]], [2, 1], 1, 1, 1),
        (2, [3, 2], [2, 2], 2, 1, [[0, 1], [1, 1]], 0, 2, 4, 2),
        (2, 3, 3, 2, 2, 1, [1, 0], 4, 4, 4),
        (2, [4, 3], 3, 1, 1, 1, 0, 3, 2, 1),
        (2, 3, 2, 2, 1, [[1, 2], [2, 1]], 1, 1, 1, 1),
        (2, 4, 1, 2, 1, 0, 1, 2, 3, 1),
        (3, 2, 2, 2, 1, 0, 0, 1, 1, 1),
        (3, [2, 3, 2], [2, 2, 3], [2, 1, 2], [1, 2, 1], [0, 1, 1], [1, 1, 0], 1, 2, 1),
        (3, 2, 3, [1, 2, 2], 1, [[1, 0], [0, 1], [2, 1]], [0, 1, 1], 2, 2, 2),
    ]:
        for values in (["dyadic", "int"] if dims < 3 and not isinstance(p, list) else ["dyadic"]):
            add("conv_transpose", dims, cin, cout, size, k, stride=s, dilation=d, padding=p,
                output_padding=op, groups=g, values=values)


def random_cases(count_conv, count_t):
    """Random valid configurations, within the size limits."""
    rng = random.Random(SEED)
    modes = ["zeros", "zeros", "reflect", "replicate", "circular"]
    made = 0
    while made < count_conv:
        dims = rng.choice([1, 2, 2, 3])
        lim = 5 if dims == 3 else 9
        g = rng.choice([1, 1, 2, 3])
        cin = g * rng.choice([1, 1, 2]) if g < 3 else 3
        cout = g * rng.choice([1, 2]) if g < 3 else 3
        cin, cout = min(cin, 4), min(cout, 4)
        size = [rng.randint(2, lim) for _ in range(dims)]
        k = [rng.randint(1, min(4, n + 1)) for n in size]
        stride = [rng.choice([1, 1, 2, 3]) for _ in range(dims)]
        dil = [rng.choice([1, 1, 2]) for _ in range(dims)]
        r = rng.random()
        if r < 0.15 and all(s == 1 for s in stride):
            pad = "same"
        elif r < 0.2:
            pad = rng.choice(["valid", "full"])
        else:
            pad = [[rng.randint(0, 2), rng.randint(0, 2)] for _ in range(dims)]
        mode = rng.choice(modes)
        values = rng.choice(["dyadic", "dyadic", "randn", "int"])
        if not valid_conv(dims, cin, cout, g, size, k, stride, dil, pad, mode):
            continue
        if estimate_nnz_conv(dims, cin, cout, g, size, k, stride, dil, pad) > 4000:
            continue
        if add("conv", dims, cin, cout, size, k, groups=g, stride=stride, dilation=dil,
               padding=pad, mode=mode, values=values):
            made += 1
    made = 0
    while made < count_t:
        dims = rng.choice([1, 2, 2, 3])
        lim = 4 if dims == 3 else 5
        g = rng.choice([1, 1, 2])
        cin, cout = g * rng.choice([1, 2]), g * rng.choice([1, 2])
        size = [rng.randint(1, lim) for _ in range(dims)]
        k = [rng.randint(1, 4) for _ in range(dims)]
        stride = [rng.choice([1, 2, 3]) for _ in range(dims)]
        dil = [rng.choice([1, 1, 2]) for _ in range(dims)]
        op = [rng.randint(0, max(s, d) - 1) for s, d in zip(stride, dil)]
        pad = [[rng.randint(0, 2), rng.randint(0, 2)] for _ in range(dims)]
        if rng.random() < 0.5:
            pad = [[b, b] for b, _ in pad]
        values = rng.choice(["dyadic", "randn", "int"])
        if not valid_conv_t(dims, cin, cout, g, size, k, stride, dil, pad, op):
            continue
        nnz = cin * prod(size) * (cout // g) * prod(k)
        if nnz > 4000:
            continue
        if add("conv_transpose", dims, cin, cout, size, k, groups=g, stride=stride, dilation=dil,
               padding=pad, output_padding=op, values=values):
            made += 1


def estimate_nnz_conv(dims, cin, cout, g, size, k, stride, dil, pad):
    size, k, stride, dil = (tup(v, dims) for v in (size, k, stride, dil))
    p, _ = resolve_padding(pad, dims, k, dil, stride)
    out = [(n + b + a - d * (kk - 1) - 1) // s + 1
           for n, kk, s, d, (b, a) in zip(size, k, stride, dil, p)]
    return cout * prod(out) * (cin // g) * prod(k)


# ----------------------------------------------------------------------------- build

def clean(v: float) -> float:
    return v + 0.0  # no -0.0 in the file


def build(entry, vals: Values, autograd_check: bool) -> dict:
    spec = entry["spec"]
    dims, cin, cout, g = spec["dims"], spec["in_channels"], spec["out_channels"], spec["groups"]
    k = spec["kernel_size"]
    if spec["kind"] == "conv":
        wshape = [cout, cin // g, *k]
    else:
        wshape = [cin, cout // g, *k]
    xshape = [1, cin, *spec["input_size"]]
    if entry["weight"] is not None:
        w = torch.tensor(entry["weight"], dtype=DTYPE).reshape(wshape)
        x = torch.tensor(entry["x"], dtype=DTYPE).reshape(xshape)
        values = "int"
    else:
        w = vals.tensor(wshape, entry["values"])
        x = vals.tensor(xshape, entry["values"])
        values = entry["values"]
    with torch.no_grad():
        y = forward(x, w, spec)
    assert y.numel() > 0, spec["name"]
    if entry["expect"] is not None:
        exp = torch.tensor(entry["expect"], dtype=DTYPE)
        assert torch.equal(y, exp.reshape(y.shape)) and list(exp.shape) == list(y.shape), (
            spec["name"], y, exp)
    check_against_pytorch_modules(x, w, y, spec)
    J = jacobian(w, spec)
    assert torch.allclose(J @ x.flatten(), y.flatten(), rtol=0, atol=1e-10), spec["name"]
    if autograd_check:
        check_with_autograd(x, w, spec, J)
    nz = torch.nonzero(J, as_tuple=False).tolist()
    Jl = J.tolist()
    entries = [[r, c, clean(Jl[r][c])] for r, c in nz]
    case = dict(spec)
    if spec["kind"] == "conv":
        case.pop("output_padding", None)
    case.update(
        values=values,
        weight_shape=list(w.shape), weight=[clean(v) for v in w.flatten().tolist()],
        input_shape=list(x.shape), input=[clean(v) for v in x.flatten().tolist()],
        output_shape=list(y.shape), output=[clean(v) for v in y.flatten().tolist()],
        jacobian=dict(rows=J.shape[0], cols=J.shape[1], entries=entries),
    )
    return case


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--random-conv", type=int, default=80)
    ap.add_argument("--random-transpose", type=int, default=40)
    args = ap.parse_args(argv)

    seed_cases()
    hand_cases()
    random_cases(args.random_conv, args.random_transpose)

    vals = Values(SEED)
    built = []
    for i, entry in enumerate(CASES):
        built.append(build(entry, vals, autograd_check=(i % 10 == 0)))

    # the transposed convolution is U transposed: seed 004's pair must show it
    by_name = {c["name"]: c for c in built}
    conv, conv_t = by_name["seed004_conv_s2"]["jacobian"], by_name["seed004_transpose_s2"]["jacobian"]
    assert (conv["rows"], conv["cols"]) == (conv_t["cols"], conv_t["rows"])
    assert sorted((c, r, v) for r, c, v in conv["entries"]) == sorted(map(tuple, conv_t["entries"]))

    dumps = lambda o: json.dumps(o, separators=(",", ":"), allow_nan=False)  # noqa: E731
    head = {"torch_version": torch.__version__.split("+")[0], "generated_by": "tools/torch_fixtures.py"}
    lines = ["{" + dumps(head)[1:-1] + ',"cases":[']
    lines += [dumps(c) + ("," if i + 1 < len(built) else "") for i, c in enumerate(built)]
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # well-formed
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)

    kinds = {}
    for c in built:
        key = f"{c['kind']}{c['dims']}d"
        kinds[key] = kinds.get(key, 0) + 1
    n_int = sum(c["values"] == "int" for c in built)
    print(f"wrote {len(built)} cases ({n_int} with integer values), {len(text)} bytes -> {args.out}")
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    sys.exit(main())
