#!/usr/bin/env python3
"""Check the convmatrix command line against the PyTorch fixtures.

For every case in Tests/ConvMatrixNumericTests/Fixtures/torch/cases.json (or the first --limit N), run

    BINARY unroll    ... --convention column --format mtx --kernel-values v1,v2,...   (conv)
    BINARY transpose ... --output-padding ... --convention column --format mtx ...   (conv_transpose)

read the Matrix Market text it prints with scipy.io.mmread, and compare it with the case's
Jacobian (max abs difference <= --tol, 1e-12 by default). A case the binary refuses (non-zero
exit) counts as failed and its stderr line is shown. The last line is `N passed, M failed`;
the exit status is 1 when anything failed.

Needs NumPy and SciPy only (not PyTorch).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import scipy.io
import scipy.sparse

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FIXTURES = REPO / "Tests" / "ConvMatrixNumericTests" / "Fixtures" / "torch" / "cases.json"


def axes(v) -> str:
    return "x".join(str(a) for a in v)


def padding_arg(case) -> str:
    if case.get("padding_word"):
        return case["padding_word"]
    return "x".join(str(b) if b == a else f"{b}:{a}" for b, a in case["padding"])


def command(binary: str, case) -> list[str]:
    transpose = case["kind"] == "conv_transpose"
    cmd = [binary, "transpose" if transpose else "unroll"]
    if transpose:
        cmd += ["--transposed"]  # the flags describe the ConvTranspose layer itself
    cmd += ["--input", axes(case["input_size"]),
           "--kernel", axes(case["kernel_size"]),
           "--stride", axes(case["stride"]),
           "--padding", padding_arg(case),
           "--dilation", axes(case["dilation"])]
    if transpose:
        cmd += ["--output-padding", axes(case.get("output_padding") or [0] * case["dims"])]
    cmd += ["--in-channels", str(case["in_channels"]),
            "--out-channels", str(case["out_channels"]),
            "--groups", str(case["groups"])]
    if not transpose:
        cmd += ["--padding-mode", case["padding_mode"]]
    cmd += ["--convention", "column", "--format", "mtx",
            "--kernel-values", ",".join(repr(float(v)) for v in case["weight"])]
    return cmd


def expected_matrix(case) -> np.ndarray:
    jac = case["jacobian"]
    dense = np.zeros((jac["rows"], jac["cols"]))
    for r, c, v in jac["entries"]:
        dense[r, c] = v
    return dense


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def check(binary: str, case, tol: float, timeout: float) -> tuple[bool, str]:
    cmd = command(binary, case)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"timed out after {timeout:g} s"
    except OSError as e:
        return False, f"cannot run {binary}: {e}"
    if proc.returncode != 0:
        return False, f"exit {proc.returncode}: {first_line(proc.stderr) or '(no stderr)'}"
    with tempfile.NamedTemporaryFile("w", suffix=".mtx", delete=True) as tmp:
        tmp.write(proc.stdout)
        tmp.flush()
        try:
            got = scipy.io.mmread(tmp.name)
        except Exception as e:  # noqa: BLE001 -- any parse failure is the binary's
            return False, f"mmread failed: {e}; stdout starts {proc.stdout[:80]!r}"
    if scipy.sparse.issparse(got):
        got = got.toarray()
    got = np.asarray(got, dtype=float)
    want = expected_matrix(case)
    if got.shape != want.shape:
        return False, f"shape {got.shape[0]}x{got.shape[1]}, expected {want.shape[0]}x{want.shape[1]}"
    diff = np.abs(got - want)
    worst = float(diff.max()) if diff.size else 0.0
    if not worst <= tol:
        r, c = np.unravel_index(int(np.argmax(diff)), diff.shape)
        return False, (f"max abs diff {worst:.3g} at ({r}, {c}): got {float(got[r, c])!r}, "
                       f"expected {float(want[r, c])!r}")
    return True, f"max abs diff {worst:.3g}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", help="path to the convmatrix executable")
    ap.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES)
    ap.add_argument("--limit", type=int, default=None, help="check only the first N cases")
    ap.add_argument("--filter", default=None, help="only cases whose name contains this")
    ap.add_argument("--tol", type=float, default=1e-12)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per case")
    ap.add_argument("-v", "--verbose", action="store_true", help="print passing cases too")
    ap.add_argument("--show-command", action="store_true", help="print the command of failures")
    args = ap.parse_args(argv)

    cases = json.loads(args.fixtures.read_text())["cases"]
    if args.filter:
        cases = [c for c in cases if args.filter in c["name"]]
    if args.limit is not None:
        cases = cases[: args.limit]

    passed = failed = 0
    for case in cases:
        ok, detail = check(args.binary, case, args.tol, args.timeout)
        if ok:
            passed += 1
            if args.verbose:
                print(f"PASS {case['name']}: {detail}")
        else:
            failed += 1
            print(f"FAIL {case['name']}: {detail}")
            if args.show_command:
                print("     " + " ".join(command(args.binary, case)))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
