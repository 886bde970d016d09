#!/usr/bin/env python3
"""Generate the fixtures of `convmatrix frameworks` from the REAL frameworks.

Runs PyTorch, TensorFlow (when installed), Keras 3 on the JAX backend, JAX and ONNX Runtime
(graphs built with `onnx`) on random layers -- forward and transposed, 1-D and 2-D, strides,
dilation, asymmetric padding, SAME/VALID, output_padding, output_shape -- and records for each:

* the parameters, spelled as the framework's API spells them;
* the output's spatial shape;
* the matrix of the layer (its Jacobian d output / d input, batch 1, one channel) as sparse
  [row, column, tap] triples, where the kernel's weights are 1, 2, 3, ... in the framework's own
  kernel array (spatial axes row-major), so that an entry's value minus one is the index of the
  weight it is: the same "tap" the Swift matrices name;
* or `refused`: the framework's own error message, when it refuses the parameters.

The Jacobian is measured, not differentiated: every basis vector of the input is fed as one item
of a batch, and the outputs are the columns. float32 is exact here (integers below 2^24).

For transposed layers it also records which output sizes the framework accepts or produces
(`sizes`): PyTorch's output_padding 0..s-1, TensorFlow's accepted output_shape values, Keras's
output_padding 0..s-1, ONNX's output_padding 0..s-1.

Deterministic (fixed seed). Regenerate deliberately:
    python3 tools/frameworks_fixtures.py                  # all frameworks, the committed file
    python3 tools/frameworks_fixtures.py --sample 4 --out /tmp/x.json   # a quick CI sample
Writes Tests/ConvMatrixFrameworksTests/Fixtures/frameworks.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "Tests" / "ConvMatrixFrameworksTests" / "Fixtures" / "frameworks.json"
SEED = 20261126


def kernel_values(kernel):
    return (np.arange(int(np.prod(kernel)), dtype=np.float32) + 1).reshape(kernel)


def basis(inp):
    n = int(np.prod(inp))
    return np.eye(n, dtype=np.float32).reshape([n] + list(inp))


def entries_from(outputs, inp):
    """outputs: array [n_in, *out_spatial] (column j = response to e_j). -> triples, shape."""
    n_in = int(np.prod(inp))
    out_shape = list(outputs.shape[1:])
    mat = outputs.reshape(n_in, -1).T  # rows = outputs, columns = inputs
    triples = []
    for r, c in zip(*np.nonzero(mat)):
        v = float(mat[r, c])
        t = int(round(v)) - 1
        if abs(v - (t + 1)) > 1e-4:
            raise RuntimeError(f"entry {v} is not a single tap")
        triples.append([int(r), int(c), t])
    return out_shape, triples


# ----------------------------------------------------------------------------- engines

def run_torch(direction, inp, kernel, p):
    import torch
    import torch.nn.functional as F
    rank = len(inp)
    x = torch.tensor(basis(inp)).unsqueeze(1)
    w = torch.tensor(kernel_values(kernel)).reshape([1, 1] + list(kernel))
    if direction == "forward":
        f = {1: F.conv1d, 2: F.conv2d}[rank]
        y = f(x, w, stride=p["stride"], padding=p["padding"], dilation=p["dilation"])
    else:
        f = {1: F.conv_transpose1d, 2: F.conv_transpose2d}[rank]
        y = f(x, w, stride=p["stride"], padding=p["padding"], output_padding=p["output_padding"],
              dilation=p["dilation"])
    return y[:, 0].detach().numpy()


def run_tf(direction, inp, kernel, p):
    """TensorFlow as installed (oneDNN on, its x86 default), one basis vector per call: with
    oneDNN, TF 2.21's conv2d with explicit padding returns uninitialised values for batches of 2
    or more in some strided cases (docs/frameworks.md, pitfalls); batches of 1 are right."""
    vectors = basis(inp)
    return np.concatenate([run_tf_batch(direction, inp, kernel, p, vectors[j:j + 1])
                           for j in range(vectors.shape[0])])


def run_tf_batch(direction, inp, kernel, p, vectors):
    import tensorflow as tf
    rank = len(inp)
    x = tf.constant(vectors[..., None])
    kv = kernel_values(kernel)[..., None, None]
    pad = p["padding"]
    if isinstance(pad, list):
        pad = [[0, 0]] + pad + [[0, 0]]
    if direction == "forward":
        f = {1: tf.nn.conv1d, 2: tf.nn.conv2d}[rank]
        if rank == 1:
            y = tf.nn.conv1d(x, kv, stride=p["strides"], padding=pad, dilations=p["dilations"])
        else:
            y = f(x, kv, strides=p["strides"], padding=pad, dilations=p["dilations"])
    else:
        n = x.shape[0]
        shape = [n] + list(p["output_shape"]) + [1]
        f = {1: tf.nn.conv1d_transpose, 2: tf.nn.conv2d_transpose}[rank]
        y = f(x, kv, output_shape=shape, strides=p["strides"], padding=pad, dilations=p["dilations"])
    return np.asarray(y)[..., 0]


def run_jax(direction, inp, kernel, p):
    import jax
    from jax import lax
    jax.config.update("jax_enable_x64", False)
    rank = len(inp)
    dn = {1: ("NCH", "OIH", "NCH"), 2: ("NCHW", "OIHW", "NCHW")}[rank]
    x = basis(inp)[:, None]
    w = kernel_values(kernel)[None, None]
    pad = p["padding"] if isinstance(p["padding"], str) else [tuple(v) for v in p["padding"]]
    if direction == "forward":
        y = lax.conv_general_dilated(x, w, window_strides=p["strides"], padding=pad,
                                     rhs_dilation=p["rhs_dilation"], dimension_numbers=dn)
    else:
        kw = {}
        if p.get("use_consistent_padding"):
            kw["use_consistent_padding"] = True
        y = lax.conv_transpose(x, w, strides=p["strides"], padding=pad,
                               rhs_dilation=p["rhs_dilation"], dimension_numbers=dn,
                               transpose_kernel=p["transpose_kernel"], **kw)
    return np.asarray(y)[:, 0]


def run_keras(direction, inp, kernel, p):
    import keras
    rank = len(inp)
    x = basis(inp)[..., None]
    if direction == "forward":
        cls = {1: keras.layers.Conv1D, 2: keras.layers.Conv2D}[rank]
        layer = cls(1, kernel, strides=p["strides"], padding=p["padding"],
                    dilation_rate=p["dilation_rate"], use_bias=False)
    else:
        cls = {1: keras.layers.Conv1DTranspose, 2: keras.layers.Conv2DTranspose}[rank]
        layer = cls(1, kernel, strides=p["strides"], padding=p["padding"],
                    output_padding=p["output_padding"], dilation_rate=p["dilation_rate"],
                    use_bias=False)
    layer.build((None,) + tuple(inp) + (1,))
    layer.set_weights([kernel_values(kernel)[..., None, None]])
    return np.asarray(layer(x))[..., 0]


def run_onnx(direction, inp, kernel, p):
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper
    rank = len(inp)
    x = basis(inp)[:, None]
    w = kernel_values(kernel)[None, None]
    attrs = {k: v for k, v in p.items() if v is not None}
    node = helper.make_node("Conv" if direction == "forward" else "ConvTranspose", ["X", "W"], ["Y"],
                            kernel_shape=list(kernel), **attrs)
    graph = helper.make_graph(
        [node], "g",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, 1] + list(inp))],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, None)],
        [helper.make_tensor("W", TensorProto.FLOAT, list(w.shape), w.flatten().tolist())])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    return sess.run(None, {"X": x})[0][:, 0]


ENGINES = {"pytorch": run_torch, "tensorflow": run_tf, "jax": run_jax, "keras": run_keras,
           "onnx": run_onnx}


# ----------------------------------------------------------------------------- random layers

def rand_common(rng, rank):
    inp = [rng.randint(1, 8 if rank == 1 else 4) for _ in range(rank)]
    kernel = [rng.randint(1, 3) for _ in range(rank)]
    s = [rng.choice([1, 1, 2, 3]) for _ in range(rank)]
    d = [rng.choice([1, 1, 2]) for _ in range(rank)]
    return inp, kernel, s, d


def ke(k, d):
    return d * (k - 1) + 1


def random_params(rng, fw, direction, rank):
    inp, kernel, s, d = rand_common(rng, rank)
    if fw == "pytorch":
        if direction == "forward":
            pad = rng.choice(["valid", "same", "ints", "ints"])
            padding = [rng.randint(0, 2) for _ in range(rank)] if pad == "ints" else pad
            return inp, kernel, {"stride": s, "padding": padding, "dilation": d}
        return inp, kernel, {"stride": s, "padding": [rng.randint(0, 2) for _ in range(rank)],
                             "output_padding": [rng.randint(0, max(a, b) - 1 if rng.random() < .9 else max(a, b))
                                                for a, b in zip(s, d)], "dilation": d}
    if fw == "tensorflow":
        kind = rng.choice(["SAME", "VALID", "explicit"] if rank == 2 else ["SAME", "VALID"])
        padding = [[rng.randint(0, 2), rng.randint(0, 2)] for _ in range(rank)] if kind == "explicit" else kind
        p = {"strides": s, "padding": padding, "dilations": d}
        if direction == "transposed":
            shape = []
            for t in range(rank):
                e = ke(kernel[t], d[t])
                if kind == "SAME":
                    lo, hi = (inp[t] - 1) * s[t] + 1, inp[t] * s[t]
                elif kind == "VALID":
                    lo, hi = (inp[t] - 1) * s[t] + e, inp[t] * s[t] + e - 1
                else:
                    tot = padding[t][0] + padding[t][1]
                    lo, hi = max(1, (inp[t] - 1) * s[t] + e - tot), inp[t] * s[t] + e - 1 - tot
                    if hi < lo:
                        lo, hi = 1, 1
                o = rng.randint(lo, hi) if rng.random() < .9 else hi + 1
                shape.append(max(o, 1))
            p["output_shape"] = shape
        return inp, kernel, p
    if fw == "keras":
        if rng.random() < .8:
            d = [1] * rank if max(s) > 1 else d
        if direction == "forward":
            padding = rng.choice(["valid", "same"] + (["causal"] if rank == 1 else []))
            return inp, kernel, {"strides": s, "padding": padding, "dilation_rate": d}
        padding = rng.choice(["valid", "same"])
        op = None if rng.random() < .4 else [rng.randint(0, a - 1 if rng.random() < .9 else a) for a in s]
        return inp, kernel, {"strides": s, "padding": padding, "output_padding": op, "dilation_rate": d}
    if fw == "jax":
        words = ["SAME", "VALID", "pairs", "pairs"] + (["SAME_LOWER"] if direction == "forward" else [])
        kind = rng.choice(words)
        lo = -1 if direction == "forward" else -1
        padding = [[rng.randint(lo, 3), rng.randint(lo, 3)] for _ in range(rank)] if kind == "pairs" else kind
        p = {"strides": s, "padding": padding, "rhs_dilation": d}
        if direction == "transposed":
            p["transpose_kernel"] = rng.random() < .5
            if kind == "pairs" and rng.random() < .3:
                p["use_consistent_padding"] = True
        return inp, kernel, p
    if fw == "onnx":
        kind = rng.choice(["NOTSET", "NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"])
        p = {"strides": s, "dilations": d, "auto_pad": kind}
        if kind == "NOTSET":
            p["pads"] = [rng.randint(0, 2) for _ in range(2 * rank)]
        if direction == "transposed":
            p["output_padding"] = [rng.randint(0, a - 1) for a in s]
            if rng.random() < .4:
                full = [a * (i - 1) + op + ke(k, dd) for a, i, op, k, dd in
                        zip(s, inp, p["output_padding"], kernel, d)]
                # Also above the full scatter (a negative total padding).
                p["output_shape"] = [max(1, f - rng.randint(-2, 2)) for f in full]
                p.pop("pads", None)
                if kind == "NOTSET" and rng.random() < .5:
                    p["auto_pad"] = rng.choice(["SAME_UPPER", "SAME_LOWER"])
        return inp, kernel, p
    raise ValueError(fw)


def sizes_for(fw, inp, kernel, p, rng):
    """Output sizes of a 1-D transposed layer that the framework gives or accepts."""
    s = p.get("stride") or p.get("strides")
    s = s[0]
    out = []
    if fw in ("pytorch", "keras", "onnx"):
        for a in range(s):
            q = dict(p)
            q["output_padding"] = [a]
            try:
                y = ENGINES[fw]("transposed", inp, kernel, q)
                out.append([a, int(y.shape[1])])
            except Exception:  # noqa: BLE001
                out.append([a, None])
    elif fw == "tensorflow":
        e = ke(kernel[0], p["dilations"][0])
        for o in range(1, inp[0] * s + e + 2):
            q = dict(p)
            q["output_shape"] = [o]
            try:
                ENGINES[fw]("transposed", inp, kernel, q)
                out.append(o)
            except Exception:  # noqa: BLE001
                pass
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--sample", type=int, default=0, help="cases per framework/direction/rank (0: full)")
    ap.add_argument("--frameworks", default="pytorch,tensorflow,keras,jax,onnx")
    args = ap.parse_args()
    rng = random.Random(SEED)
    versions = {}
    cases = []
    for fw in args.frameworks.split(","):
        try:
            mod = {"pytorch": "torch", "tensorflow": "tensorflow", "keras": "keras", "jax": "jax",
                   "onnx": "onnxruntime"}[fw]
            versions[fw] = __import__(mod).__version__
            if fw == "onnx":
                versions[fw] = f"onnx {__import__('onnx').__version__}, onnxruntime {versions[fw]}"
        except Exception as e:  # noqa: BLE001
            print(f"skipping {fw}: {e}", file=sys.stderr)
            continue
        for direction in ("forward", "transposed"):
            for rank in (1, 2):
                count = args.sample or (40 if rank == 1 else 10)
                for _ in range(count):
                    inp, kernel, p = random_params(rng, fw, direction, rank)
                    case = {"framework": fw, "direction": direction, "input": inp, "kernel": kernel,
                            "params": p}
                    try:
                        if fw == "tensorflow" and direction == "forward" and p["padding"] == "VALID" \
                                and any(i < ke(k, dd) for i, k, dd in zip(inp, kernel, p["dilations"])):
                            # TensorFlow (oneDNN) returns an uninitialised tensor here instead of
                            # an error; its documented output size ceil((i - k_e + 1)/s) is <= 0.
                            raise RuntimeError("VALID with a kernel larger than the input: output size <= 0")
                        y = ENGINES[fw](direction, inp, kernel, p)
                        shape, triples = entries_from(y, inp)
                        if min(shape) < 1:
                            raise RuntimeError(f"empty output {shape}")
                        case["output"] = shape
                        case["entries"] = triples
                    except Exception as e:  # noqa: BLE001
                        text = str(e).strip()
                        if "Status Message:" in text:  # ONNX Runtime: keep the reason
                            text = text.split("Status Message:", 1)[1].strip()
                        if text.startswith("{{function_node") and "}}" in text:  # TensorFlow
                            text = text.split("}}", 1)[1].strip()
                        msg = text.splitlines()
                        case["refused"] = (msg[0] if msg else type(e).__name__)[:160]
                    if direction == "transposed" and rank == 1 and "refused" not in case:
                        case["sizes"] = sizes_for(fw, inp, kernel, p, rng)
                    cases.append(case)
        print(f"{fw}: done", file=sys.stderr)
    doc = {"generator": "tools/frameworks_fixtures.py", "seed": SEED, "versions": versions,
           "tap": "kernel weights are 1, 2, ... in the framework's own kernel array; tap = value - 1",
           "cases": cases}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {len(cases)} cases to {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
