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


# Whole-process and sweep entries keep their own names (they would otherwise match "mnist",
# "64", …).
OWN_NAMES = ("hello", "startup_", "mnist_cli", "sweep_")


def canonical(name: str) -> str:
    low = name.lower()
    if low.startswith(OWN_NAMES):
        return low
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
    print_goals(swift, dict(others).get("sympy", {}))
    return 0


def ms(v):
    return "-" if v is None else f"{v * 1e3:.2f} ms"


def print_goals(swift, sympy):
    """The start-up, whole-process and per-entry ratios of the performance issue, from one run.

    Each is given twice: by wall time (what the issue asks) and by CPU time (user + system of
    the processes), which waiting for a busy machine's cores does not inflate."""
    print()
    print("start-up and whole-process ratios (medians of interleaved rounds in one run)")
    rows = [("hello-world, no Foundation (swiftc -O)", "hello"),
            ("hello-world, no Foundation (swiftc -O -static-stdlib)", "hello_static"),
            ("convmatrix shape --input 5x5 --kernel 3x3", "startup_shape"),
            ("MNIST: convmatrix unroll (SymPy-style LaTeX)", "mnist_cli_unroll"),
            ("MNIST: convmatrix apply --transpose", "mnist_cli_apply"),
            ("MNIST: both processes", "mnist_cli")]
    for label, key in rows:
        item = swift.get(key)
        print(f"  {label:<56} wall {ms(num(item, 'seconds')):>10}  CPU {ms(num(item, 'cpu_seconds')):>10}")
    for measure, key in (("wall", "seconds"), ("CPU", "cpu_seconds")):
        shape = num(swift.get("startup_shape"), key)
        for label, base_key in (("swiftc -O", "hello"), ("-static-stdlib", "hello_static")):
            base = num(swift.get(base_key), key)
            if shape and base:
                verdict = "meets" if shape / base <= 1.3 else "MISSES"
                print(f"  shape / hello-world ({label}), {measure}: {shape / base:.2f}x  "
                      f"({verdict} the goal of at most 1.3x)")
    sym = sympy.get("mnist") or {}
    for measure, key in (("wall", "seconds"), ("CPU", "cpu_seconds")):
        pair = num(swift.get("mnist_cli"), key)
        # SymPy's in-process figure is a wall time: it is set against wall times only.
        sym_keys = ([("in-process (U, LaTeX, C, LaTeX)", "seconds"),
                     ("whole process (interpreter, import, work)", "process_seconds")]
                    if key == "seconds" else
                    [("whole process (interpreter, import, work)", "process_cpu_seconds")])
        for label, sym_key in sym_keys:
            value = num(sym, sym_key)
            if pair and value:
                verdict = "meets" if value / pair >= 300 else "MISSES"
                print(f"  MNIST, SymPy {label} / convmatrix's two processes, {measure}: "
                      f"{value:.3g} s / {pair * 1e3:.2f} ms = {value / pair:.0f}x  "
                      f"({verdict} the goal of at least 300x)")
    print()
    print("U's build per stored entry (wall and CPU time: medians; memory: peak growth of the process)")
    resnet = swift.get("resnet50_conv1") or {}
    base = num(resnet, "ns_per_entry")
    cpu_base = num(resnet, "cpu_ns_per_entry")
    def sweep_order(kv):
        # sweep_<n>sq_out<m> by channels, then size; the layers of few entries a row after them.
        name = kv[0]
        if "_out" in name:
            return (0, int(name.split("_out")[1]), int(name.split("_")[1].rstrip("sq")), name)
        return (1, 0, 0, name)
    entries = [("resnet50_conv1", resnet)] + sorted(
        ((k, v) for k, v in swift.items() if k.startswith("sweep_")), key=sweep_order)
    for name, item in entries:
        ns, b = num(item, "ns_per_entry"), num(item, "peak_bytes_per_entry")
        if ns is None:
            continue
        cpu = num(item, "cpu_ns_per_entry")
        rel = f"{ns / base:.2f}x ResNet-50 conv1" if base else ""
        if cpu and cpu_base:
            rel += f" (CPU {cpu / cpu_base:.2f}x)"
        bytes_text = f"{b:.2f} B" if b is not None else "-"
        cpu_text = f"{cpu:6.2f}" if cpu else "     -"
        print(f"  {name:<22} {item.get('entries', 0):>12,} entries  {ns:6.2f} ns  CPU {cpu_text} ns"
              f"  {bytes_text:>8}  {rel}")


if __name__ == "__main__":
    sys.exit(main())
