"""Shared plumbing for bench_sympy.py and bench_torch.py.

Each workload runs in its own child process (`SCRIPT --child NAME`) so that peak memory
(ru_maxrss) is that workload's alone and a timeout can end it. The child prints one JSON object
on its last stdout line; the parent collects them, prints a table and one JSON line:

    [{"workload": name, "seconds": s, "peak_bytes": b, "tool": ..., "status": ..., ...}, ...]

the same shape as the Swift benchmark's JSON (extra keys are informational).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time

# "seed004" is the scripts' name for the 5×5 example (the Swift benchmark calls it example-5x5-3x3-s2).
WORKLOAD_ORDER = ["example-5x5-3x3-s2", "seed004", "mnist", "64x64_p1", "lenet_conv2", "resnet50_conv1"]


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def timed(fn, repeats: int):
    """Run fn() `repeats` times; return (median seconds, all seconds, last result)."""
    times, result = [], None
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, result


def run_child(script: str, name: str, timeout: float, extra: list[str]) -> dict:
    cmd = [sys.executable, script, "--child", name, *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"workload": name, "seconds": None, "peak_bytes": None, "status": "timeout",
                "note": f"killed after {timeout:g} s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip().startswith("{")]
    if proc.returncode != 0 or not lines:
        err = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"workload": name, "seconds": None, "peak_bytes": None, "status": "error",
                "note": err[:200], "wall": time.perf_counter() - t0}
    result = json.loads(lines[-1])
    # The whole process, interpreter start and imports included: what a user waits for.
    result["process_seconds"] = time.perf_counter() - t0
    # Its CPU time (user + system), which a busy machine's queue for the cores does not inflate.
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["process_cpu_seconds"] = (after.ru_utime - before.ru_utime) + (
        after.ru_stime - before.ru_stime)
    return result


def fmt_seconds(s) -> str:
    if s is None:
        return "-"
    return f"{s:.4g}"


def fmt_bytes(b) -> str:
    if b is None:
        return "-"
    return f"{b / 2**20:.1f} MiB"


def print_table(tool: str, results: list[dict]) -> None:
    versions = sorted({r["version"] for r in results if r.get("version")})
    print(f"{tool} benchmark" + (f" ({', '.join(versions)})" if versions else ""))
    head = f"{'workload':<16} {'seconds':>10} {'peak memory':>12}  {'status':<8} note"
    print(head)
    print("-" * len(head))
    for r in results:
        print(f"{r['workload']:<16} {fmt_seconds(r.get('seconds')):>10} "
              f"{fmt_bytes(r.get('peak_bytes')):>12}  {r.get('status', ''):<8} {r.get('note', '')}")
        phases = r.get("phases") or {}
        if phases:
            print(" " * 18 + "  ".join(f"{k} {fmt_seconds(v)} s" for k, v in phases.items()))


def main_loop(script: str, tool: str, workloads: dict, args, child_args=()) -> list[dict]:
    """The parent side: run each chosen workload in a child, print the table and the JSON."""
    names = [n for n in WORKLOAD_ORDER if n in workloads]
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    results = []
    for name in names:
        w = workloads[name]
        if w.get("skip"):
            r = {"workload": name, "seconds": None, "peak_bytes": None, "status": "skipped",
                 "note": w["skip"]}
        elif w.get("slow") and args.skip_slow:
            r = {"workload": name, "seconds": None, "peak_bytes": None, "status": "skipped",
                 "note": "--skip-slow: " + w.get("slow_note", "slow")}
        else:
            print(f"... {name}", file=sys.stderr, flush=True)
            r = run_child(script, name, args.timeout,
                          ["--repeats", str(args.repeats), *child_args])
        r["tool"] = tool
        results.append(r)
    print_table(tool, results)
    line = json.dumps(results, separators=(",", ":"))
    print(line)
    if args.json:
        with open(args.json, "w") as f:
            f.write(line + "\n")
    return results


def add_common_args(ap) -> None:
    ap.add_argument("--child", help=argparse_suppress())
    ap.add_argument("--only", help="comma-separated workload names")
    ap.add_argument("--skip-slow", action="store_true", help="skip the workloads marked slow")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per workload")
    ap.add_argument("--repeats", type=int, default=5, help="repeats for fast workloads (median)")
    ap.add_argument("--json", help="also write the JSON list to this file")


def argparse_suppress():
    import argparse
    return argparse.SUPPRESS


def child_result(name: str, seconds: float, phases: dict, note: str, baseline: int,
                 **extra) -> None:
    out = {"workload": name, "seconds": seconds, "peak_bytes": peak_rss_bytes(),
           "baseline_bytes": baseline, "status": "ok", "note": note,
           "phases": phases, **extra}
    print(json.dumps(out, separators=(",", ":")), flush=True)
