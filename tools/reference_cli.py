#!/usr/bin/env python3
"""A small NumPy stand-in for `convmatrix unroll|transpose ... --format mtx`.

It builds U straight from the geometry (no PyTorch), so running

    python3 tools/check_mtx.py tools/reference_cli.py

checks two things at once: that check_mtx.py drives the command line as specified, and that the
PyTorch fixtures mean what the README says (padding modes, padding words, output padding, the
cropping rule for asymmetric transposed padding). Only the flags check_mtx.py passes are read;
`--convention column` (rows = outputs) and `--format mtx` are the only ones supported.

Definitions (column convention, y = U x, row-major (channel, spatial...) flattening):
  conv:      y[o, q] = sum_{c in group(o), t} w[o, c - c0, t] * xpad[c, q*s + t*d]
             where xpad is x padded by (before, after) per axis with the padding mode.
  transpose: y_full[o, q*s + t*d] += w[c, o - o0, t] * x[c, q]   (length (n-1)s + d(k-1) + 1 + op)
             then `before` cropped from the start and `after` from the end of each axis.
"""

from __future__ import annotations

import itertools
import sys


def parse(argv):
    if not argv or argv[0] not in ("unroll", "transpose"):
        sys.exit("usage: reference_cli.py unroll|transpose --input AxB ... --format mtx")
    cmd, opts, it = argv[0], {}, iter(argv[1:])
    for flag in it:
        if not flag.startswith("--"):
            sys.exit(f"error: unexpected argument '{flag}'")
        if flag in ("--transposed", "--transposed-layer"):
            continue  # the layer is transposed because the command is `transpose`
        opts[flag[2:]] = next(it)
    return cmd, opts


def ints(text):
    return [int(a) for a in text.split("x")]


def padding(text, dims, kernel, dilation, stride):
    if text == "valid":
        return [(0, 0)] * dims
    if text == "same":
        if any(s != 1 for s in stride):
            sys.exit("error: --padding same needs stride 1")
        return [(d * (k - 1) // 2, d * (k - 1) - d * (k - 1) // 2) for k, d in zip(kernel, dilation)]
    if text == "full":
        return [(d * (k - 1), d * (k - 1)) for k, d in zip(kernel, dilation)]
    out = []
    for part in text.split("x"):
        b, _, a = part.partition(":")
        out.append((int(b), int(a or b)))
    if len(out) == 1:
        out *= dims
    return out


def source_index(i, n, mode):
    """Index into the unpadded axis of length n that padded position i (already shifted by
    `before`) reads, or None for a zero."""
    if 0 <= i < n:
        return i
    if mode == "zeros":
        return None
    if mode == "replicate":
        return min(max(i, 0), n - 1)
    if mode == "circular":
        return i % n
    if mode == "reflect":
        return -i if i < 0 else 2 * (n - 1) - i
    sys.exit(f"error: unknown padding mode '{mode}'")


def flat(index, shape):
    r = 0
    for i, n in zip(index, shape):
        r = r * n + i
    return r


def main(argv):
    cmd, o = parse(argv)
    size, kernel = ints(o["input"]), ints(o["kernel"])
    dims = len(size)
    stride = ints(o.get("stride", "x".join(["1"] * dims)))
    dilation = ints(o.get("dilation", "x".join(["1"] * dims)))
    pad = padding(o.get("padding", "0"), dims, kernel, dilation, stride)
    cin, cout, groups = int(o["in-channels"]), int(o["out-channels"]), int(o["groups"])
    mode = o.get("padding-mode", "zeros")
    w = [float(v) for v in o["kernel-values"].split(",")]
    if o.get("convention", "column") != "column" or o.get("format", "mtx") != "mtx":
        sys.exit("error: only --convention column --format mtx")
    ksize = 1
    for k in kernel:
        ksize *= k
    entries = {}
    if cmd == "unroll":
        out = [(n + b + a - d * (k - 1) - 1) // s + 1
               for n, k, s, d, (b, a) in zip(size, kernel, stride, dilation, pad)]
        cpg, opg = cin // groups, cout // groups
        for oc in range(cout):
            c0 = (oc // opg) * cpg
            for q in itertools.product(*map(range, out)):
                row = oc * _prod(out) + flat(q, out)
                for cl in range(cpg):
                    for t in itertools.product(*map(range, kernel)):
                        src = []
                        for qi, ti, s, d, (b, _), n in zip(q, t, stride, dilation, pad, size):
                            src.append(source_index(qi * s + ti * d - b, n, mode))
                        if None in src:
                            continue
                        col = (c0 + cl) * _prod(size) + flat(src, size)
                        v = w[(oc * cpg + cl) * ksize + flat(t, kernel)]
                        entries[row, col] = entries.get((row, col), 0.0) + v
        rows, cols = cout * _prod(out), cin * _prod(size)
    else:
        op = ints(o.get("output-padding", "x".join(["0"] * dims)))
        full = [(n - 1) * s + d * (k - 1) + 1 + p
                for n, k, s, d, p in zip(size, kernel, stride, dilation, op)]
        out = [f - b - a for f, (b, a) in zip(full, pad)]
        cpg, opg = cin // groups, cout // groups
        for c in range(cin):
            o0 = (c // cpg) * opg
            for q in itertools.product(*map(range, size)):
                col = c * _prod(size) + flat(q, size)
                for ol in range(opg):
                    for t in itertools.product(*map(range, kernel)):
                        pos = [qi * s + ti * d - b
                               for qi, ti, s, d, (b, _) in zip(q, t, stride, dilation, pad)]
                        if any(not 0 <= p < n for p, n in zip(pos, out)):
                            continue
                        row = (o0 + ol) * _prod(out) + flat(pos, out)
                        v = w[(c * opg + ol) * ksize + flat(t, kernel)]
                        entries[row, col] = entries.get((row, col), 0.0) + v
        rows, cols = cout * _prod(out), cin * _prod(size)
    nz = sorted((k, v) for k, v in entries.items() if v != 0.0)
    lines = ["%%MatrixMarket matrix coordinate real general", f"{rows} {cols} {len(nz)}"]
    lines += [f"{r + 1} {c + 1} {v!r}" for (r, c), v in nz]
    sys.stdout.write("\n".join(lines) + "\n")


def _prod(v):
    r = 1
    for a in v:
        r *= a
    return r


if __name__ == "__main__":
    main(sys.argv[1:])
