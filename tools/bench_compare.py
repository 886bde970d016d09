#!/usr/bin/env python3
"""Print the Swift benchmark beside the SymPy and PyTorch ones, with ratios.

    python3 tools/bench_compare.py swift.json [--sympy sympy.json] [--torch torch.json]

Each file holds a JSON list of {"workload": name, "seconds": s, "peak_bytes": b, ...}, either as
the whole file or as its last line that starts with '[' (so the benchmarks' printed output can be
saved and passed as is). Workload names are matched loosely (seed004, mnist, 64x64, lenet,
resnet); anything missing, skipped or timed out prints as '-'. Ratios are other/Swift: above 1
means Swift is faster or smaller.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

KEYS = [("example-5x5-3x3-s2", ["example-5x5-3x3-s2", "seed004"]), ("mnist", ["mnist", "28x28"]),
        ("64x64_p1", ["64x64", "64"]), ("lenet_conv2", ["lenet"]),
        ("resnet50_conv1_direct", ["resnet50_conv1_direct", "direct"]),
        ("resnet50_conv1_check", ["resnet50_conv1_check"]), ("resnet50_conv1_mtx", ["resnet50_conv1_mtx"]),
        ("resnet50_conv1", ["resnet"])]

# PyTorch's ResNet workload is F.conv2d itself: it pairs with the Swift direct convolution.
TORCH_ALIASES = {"resnet50_conv1": "resnet50_conv1_direct"}


def canonical(name: str) -> str:
    low = name.lower()
    for key, tokens in KEYS:
        if any(t in low for t in tokens):
            return key
    return re.sub(r"[^a-z0-9]+", "_", low).strip("_")


def load(path):
    if not path:
        return {}
    try:
        text = open(path).read()
    except OSError as e:
        print(f"warning: {path}: {e}", file=sys.stderr)
        return {}
    data = None
    try:
        data = json.loads(text)
    except ValueError:
        for line in reversed(text.splitlines()):
            if line.strip().startswith("["):
                try:
                    data = json.loads(line)
                    break
                except ValueError:
                    continue
    if isinstance(data, dict):
        data = data.get("results") or data.get("workloads") or [data]
    if not isinstance(data, list):
        print(f"warning: {path}: no JSON list found", file=sys.stderr)
        return {}
    out = {}
    for item in data:
        if isinstance(item, dict) and "workload" in item:
            out.setdefault(canonical(str(item["workload"])), item)
    return out


def num(item, key):
    v = (item or {}).get(key)
    return v if isinstance(v, (int, float)) and v > 0 else None


def s_fmt(v):
    return "-" if v is None else f"{v:.4g}"


def mib(v):
    return "-" if v is None else f"{v / 2**20:.1f}"


def ratio(a, b):
    return "-" if a is None or b is None else f"{a / b:.3g}x"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("swift")
    ap.add_argument("--sympy")
    ap.add_argument("--torch")
    args = ap.parse_args(argv)
    torch = {TORCH_ALIASES.get(k, k): v for k, v in load(args.torch).items()}
    swift, others = load(args.swift), [("sympy", load(args.sympy)), ("torch", torch)]
    others = [(n, d) for n, d in others if d]
    names = [k for k, _ in KEYS]
    for d in [swift] + [d for _, d in others]:
        names += [k for k in d if k not in names]

    cols = ["workload", "swift s", "swift MiB"]
    for n, _ in others:
        cols += [f"{n} s", f"{n}/swift t", f"{n} MiB", f"{n}/swift mem"]
    rows = []
    for name in names:
        sw = swift.get(name)
        if sw is None and not any(name in d for _, d in others):
            continue
        st, sm = num(sw, "seconds"), num(sw, "peak_bytes")
        row = [name, s_fmt(st), mib(sm)]
        for _, d in others:
            it = d.get(name)
            ot, om = num(it, "seconds"), num(it, "peak_bytes")
            t_text = s_fmt(ot)
            if ot is None and it and it.get("status") not in (None, "ok"):
                t_text = it["status"]
            row += [t_text, ratio(ot, st), mib(om), ratio(om, sm)]
        rows.append(row)
    widths = [max(len(c), *(len(r[i]) for r in rows)) if rows else len(c)
              for i, c in enumerate(cols)]
    line = "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cols, widths)))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(v.ljust(w) if i == 0 else v.rjust(w)
                        for i, (v, w) in enumerate(zip(r, widths))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
