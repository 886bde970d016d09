#!/usr/bin/env python3
"""Run `convmatrix frameworks` translations in the REAL frameworks.

For a sample of the committed fixtures (Tests/ConvMatrixFrameworksTests/Fixtures/frameworks.json):

1. re-runs the layer in its own framework and checks the output shape and matrix are still the
   committed ones (the installed framework has not changed its rules);
2. asks `convmatrix frameworks --from <framework> … --format json` for the layer in every
   framework, runs each answer in that real framework -- with its pre_pad, post_crop and
   flip_kernel -- and checks that its matrix is the layer's, entry by entry.

Exits 1 on any difference. Frameworks that are not installed are skipped (and named).
    python3 tools/frameworks_check.py --binary .build/debug/convmatrix --every 1   # all cases
    python3 tools/frameworks_check.py --binary .build/debug/convmatrix --every 10 --frameworks pytorch,jax,keras,onnx
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import frameworks_fixtures as fx  # noqa: E402  (sets the environment before the frameworks load)

import numpy as np  # noqa: E402


def flags(case):
    """The command line of a fixture case."""
    args = ["frameworks", "--from", case["framework"], "--input", "x".join(map(str, case["input"])),
            "--kernel", "x".join(map(str, case["kernel"])), "--format", "json"]
    if case["direction"] == "transposed":
        args.append("--transposed")
    for key, value in case["params"].items():
        if value is None:
            text = "None"
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, str):
            text = value
        elif key == "pads":
            text = ",".join(map(str, value))
        elif value and isinstance(value[0], list):
            text = "x".join(f"{lo}:{hi}" for lo, hi in value)
        else:
            text = "x".join(map(str, value))
        args += [f"--{key}", text]
    return args


def engine_params(framework, kwargs):
    """The fixture runners' parameters from the JSON keyword arguments."""
    p = {k: v for k, v in kwargs.items() if k not in ("pre_pad", "post_crop", "flip_kernel")}
    if framework == "tensorflow" and isinstance(p.get("padding"), list):
        p["padding"] = p["padding"][1:-1]  # NHWC list -> spatial pairs
    return p


def run_translation(framework, direction, inp, kernel, kwargs):
    """Triples of "pad, run the layer, crop" with the kernel 1, 2, … (flipped if asked)."""
    pre = kwargs.get("pre_pad") or [[0, 0]] * len(inp)
    crop = kwargs.get("post_crop") or [[0, 0]] * len(inp)
    padded = [n + a + b for n, (a, b) in zip(inp, pre)]
    original = fx.kernel_values
    if kwargs.get("flip_kernel"):
        fx.kernel_values = lambda k: np.flip(original(k)).copy()
    try:
        runner = fx.ENGINES[framework]
        saved = fx.basis

        def padded_basis(_shape):
            eye = saved(inp)  # [n, *inp]
            widths = [(0, 0)] + [tuple(p) for p in pre]
            return np.pad(eye, widths)
        fx.basis = padded_basis
        try:
            y = runner(direction, padded, kernel, engine_params(framework, kwargs))
        finally:
            fx.basis = saved
    finally:
        fx.kernel_values = original
    slices = [slice(None)] + [slice(b, y.shape[t + 1] - a) for t, (b, a) in enumerate(crop)]
    y = y[tuple(slices)]
    return fx.entries_from(y, inp)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=".build/debug/convmatrix")
    ap.add_argument("--fixtures", type=Path, default=fx.DEFAULT_OUT)
    ap.add_argument("--every", type=int, default=1, help="check every Nth case")
    ap.add_argument("--frameworks", default="pytorch,tensorflow,keras,jax,onnx")
    args = ap.parse_args()
    wanted = args.frameworks.split(",")
    available = []
    for fw in wanted:
        mod = {"pytorch": "torch", "tensorflow": "tensorflow", "keras": "keras", "jax": "jax",
               "onnx": "onnxruntime"}[fw]
        try:
            __import__(mod)
            available.append(fw)
        except Exception as e:  # noqa: BLE001
            print(f"skipping {fw}: {e}", file=sys.stderr)
    cases = json.loads(args.fixtures.read_text())["cases"]
    failures = 0
    checked = 0
    rechecked = 0
    for index, case in enumerate(cases):
        if index % args.every or "refused" in case or case["framework"] not in available:
            continue
        inp, kernel, direction = case["input"], case["kernel"], case["direction"]
        expected = sorted(map(tuple, case["entries"]))
        # 1. The framework still computes the committed matrix.
        y = fx.ENGINES[case["framework"]](direction, inp, kernel, case["params"])
        shape, triples = fx.entries_from(y, inp)
        rechecked += 1
        if shape != case["output"] or sorted(map(tuple, triples)) != expected:
            failures += 1
            print(f"CHANGED {case['framework']} {case}", file=sys.stderr)
        # 2. Every translation, run in its real framework, has the layer's matrix.
        run = subprocess.run([args.binary] + flags(case), capture_output=True, text=True)
        if run.returncode != 0:
            failures += 1
            print(f"convmatrix {' '.join(flags(case))}: exit {run.returncode}: {run.stderr}", file=sys.stderr)
            continue
        answers = json.loads(run.stdout)
        for target in available:
            kwargs = answers[target]
            if kwargs.get("expressible") is False:
                continue
            try:
                shape, triples = run_translation(target, direction, inp, kernel, kwargs)
            except Exception as e:  # noqa: BLE001
                failures += 1
                print(f"FAILED to run {target} {kwargs} for {' '.join(flags(case))}: {e}", file=sys.stderr)
                continue
            checked += 1
            if shape != case["output"] or sorted(map(tuple, triples)) != expected:
                failures += 1
                print(f"MISMATCH {target} {kwargs} for {' '.join(flags(case))}: {shape} vs {case['output']}",
                      file=sys.stderr)
    print(f"{rechecked} layers re-run in their own framework, {checked} translations run in "
          f"{', '.join(available)}: {failures} differences")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
