# SPDX-License-Identifier: MIT
"""One library, one size, one repetition, in a process of its own.

    python -m harness.worker LIBRARY SIZE DATA_DIR OUT_PREFIX [--tasks a,b] [--skip c,d]

Steps:

1. import the library (its adapter) and pin it to one thread;
2. load the input arrays (not timed) and note the peak RSS so far
   (``base_rss_kb``: interpreter, library, arrays);
3. warm up: run every task once on the tiny ``W`` network, so that lazy
   imports and first-call set-up are not timed;
4. time every task of the size: ``load_csv`` (graph then dropped),
   ``load_arrays`` (graph kept), then the metrics on that graph. A call
   shorter than 20 ms is repeated until 100 ms have passed (at most 200
   calls) and the mean is taken, as ``timeit`` does; its result is that of
   the first call;
5. write ``OUT_PREFIX.json`` (times, errors, peak RSS, versions) and
   ``OUT_PREFIX.npz`` (results).

An exception in a task is recorded as that task's error and the worker goes
on. The garbage collector stays on, as in user code.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import traceback
from pathlib import Path

import numpy as np

from . import adapters
from .generate import SIZES, Dataset, Size
from .tasks import TASKS

SHORT_S = 0.02
BUDGET_S = 0.1
MAX_CALLS = 200

#: The warm-up network (not reported).
WARMUP = Size("W", 200, 800, seed=100, pivots=16, networkx=True)


def peak_rss_kb() -> int:
    """Peak resident set size of this process so far, in KiB (Linux ``ru_maxrss``)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _timed(fn, *args):
    """``(seconds per call, result of the first call)``, repeating short calls."""
    t0 = time.perf_counter()
    result = fn(*args)
    first = time.perf_counter() - t0
    if first >= SHORT_S:
        return first, result
    calls, total = 1, first
    while total < BUDGET_S and calls < MAX_CALLS:
        t0 = time.perf_counter()
        fn(*args)
        total += time.perf_counter() - t0
        calls += 1
    return total / calls, result


def _inputs(ds: Dataset, size: Size) -> adapters.Inputs:
    a = ds.load()
    return adapters.Inputs(a["source"], a["target"], a["sector"], a["pivots"], size)


def _once(fn, *args):
    """``(0.0, result)``: an untimed call (warm-up)."""
    return 0.0, fn(*args)


def run_tasks(adapter, d: adapters.Inputs, ds: Dataset, names: list[str], timed: bool):
    """Run the tasks; returns ``(times, results, errors)`` keyed by task name."""
    measure = _timed if timed else _once
    times: dict[str, float] = {}
    results: dict[str, object] = {}
    errors: dict[str, str] = {}

    def one(name, fn, *args):
        try:
            times[name], result = measure(fn, *args)
            return result
        except Exception as exc:  # recorded, reported as an error cell
            errors[name] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            if not timed:
                traceback.print_exc(file=sys.stderr)
            return None

    if "load_csv" in names:
        results["load_csv"] = one("load_csv", lambda: adapter.shape(adapter.from_csv(d, ds)))
    graph = one("load_arrays", adapter.from_arrays, d)
    if graph is None:
        return times, results, errors
    results["load_arrays"] = adapter.shape(graph)
    for name in names:
        if name not in ("load_csv", "load_arrays"):
            results[name] = one(name, getattr(adapter, f"t_{name}"), graph, d)
    return times, {k: v for k, v in results.items() if v is not None}, errors


def _save(prefix: Path, payload: dict, results: dict) -> None:
    arrays = {}
    scalars = {}
    for name, value in results.items():
        if isinstance(value, dict):
            scalars[name] = {k: float(v) for k, v in value.items()}
        elif isinstance(value, tuple):
            scalars[name] = [float(x) for x in value]
        elif np.ndim(value) == 0:
            scalars[name] = float(value)
        else:
            arrays[name] = np.asarray(value)
    payload["scalars"] = scalars
    np.savez(prefix.with_suffix(".npz"), **arrays)
    prefix.with_suffix(".json").write_text(json.dumps(payload, indent=1) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run one library's tasks at one size (one repetition).")
    parser.add_argument("library", choices=adapters.LIBRARIES)
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out_prefix", type=Path)
    parser.add_argument("--tasks", default="", help="comma-separated subset of task names")
    parser.add_argument("--skip", default="", help="comma-separated task names not to run")
    args = parser.parse_args(argv)

    size = SIZES[args.size]
    adapter = adapters.load(args.library)
    adapter.setup()
    names = [
        t.name for t in TASKS if size.name in t.sizes and (t.name.startswith("load") or hasattr(adapter, f"t_{t.name}"))
    ]
    if args.tasks:
        wanted = set(args.tasks.split(","))
        names = [n for n in names if n in wanted]
    skip = set(args.skip.split(",")) - {"load_arrays"}  # the graph is needed
    names = [n for n in names if n not in skip]

    ds = Dataset(args.data_dir / size.name)
    d = _inputs(ds, size)
    if hasattr(adapter, "prepare_ranking") and "ranking" in names:
        adapter.prepare_ranking()
    base_rss = peak_rss_kb()

    warm = Dataset(args.data_dir / WARMUP.name)
    _, _, warm_errors = run_tasks(adapter, _inputs(warm, WARMUP), warm, [n for n in names if n != "ranking"], timed=False)

    times, results, errors = run_tasks(adapter, d, ds, names, timed=True)
    payload = {
        "library": adapter.name,
        "version": adapter.version(),
        "size": size.name,
        "tasks": names,
        "times": times,
        "errors": errors,
        "warmup_errors": warm_errors,
        "base_rss_kb": base_rss,
        "peak_rss_kb": peak_rss_kb(),
        "view_bytes": getattr(adapter, "view_bytes", None),
        "n": d.n,
        "m": d.m,
    }
    _save(args.out_prefix, payload, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
