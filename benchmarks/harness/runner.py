# SPDX-License-Identifier: MIT
"""The parent process: data, shuffled worker processes, agreement, summary.

Design:

- Each (library, size, repetition) runs in a fresh worker process
  (:mod:`harness.worker`), so the peak RSS (``ru_maxrss``) belongs to one
  library and no library inherits another's heap, caches or threads.
- Per size and repetition the order of the library processes is shuffled
  (seeded, recorded), so slow drift of the machine (other load, thermal
  state) does not favour one library.
- Every worker's results are compared with healthnet's of the same
  repetition (:mod:`harness.agree`); healthnet's later repetitions are
  compared with its first (determinism). A time counts only if the
  results of every repetition agree.
- A task that took longer than ``LONG_S`` in the first repetition is not
  repeated (networkx's Louvain and betweenness on M take minutes each; one
  run settles a 50x target): its cell shows the number of runs.
- Workers inherit ``OMP_NUM_THREADS=1``, ``OPENBLAS_NUM_THREADS=1``,
  ``MKL_NUM_THREADS=1`` besides each library's own one-thread switch.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from . import adapters, agree
from .generate import SIZES, Dataset, prepare
from .tasks import TASK_BY_NAME, TASKS
from .worker import WARMUP

BENCH_DIR = Path(__file__).resolve().parent.parent
LONG_S = 60.0
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _env() -> dict[str, str]:
    env = dict(os.environ, **ONE_THREAD)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(BENCH_DIR), env.get("PYTHONPATH", "")) if p)
    return env


def run_worker(library: str, size: str, data_dir: Path, prefix: Path, timeout: float, skip=()) -> dict:
    """Run one worker; returns its JSON payload plus its results, or an ``error`` record."""
    cmd = [sys.executable, "-m", "harness.worker", library, size, str(data_dir), str(prefix)]
    if skip:
        cmd += ["--skip", ",".join(sorted(skip))]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"library": library, "error": f"timed out after {timeout:.0f} s"}
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not prefix.with_suffix(".json").exists():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"library": library, "error": f"exit {proc.returncode}: " + " | ".join(tail)}
    payload = json.loads(prefix.with_suffix(".json").read_text())
    with np.load(prefix.with_suffix(".npz")) as z:
        results = {k: z[k] for k in z.files}
    results.update(payload.pop("scalars"))
    payload["results"] = results
    payload["wall_s"] = wall
    for suffix in (".json", ".npz"):
        prefix.with_suffix(suffix).unlink()
    return payload


def _inputs(ds: Dataset, name: str) -> adapters.Inputs:
    a = ds.load()
    return adapters.Inputs(a["source"], a["target"], a["sector"], a["pivots"], SIZES[name])


def run_size(name: str, libraries: list[str], reps: int, data_dir: Path, timeout: float, rng: random.Random, log) -> dict:
    """All repetitions of one size; returns the per-size record for the report."""
    size = SIZES[name]
    libs = [lib for lib in libraries if lib != "networkx" or size.networkx]
    ds = prepare(size, data_dir)
    d = _inputs(ds, name)
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    work = data_dir / "runs"
    work.mkdir(parents=True, exist_ok=True)

    times: dict[str, dict[str, list[float]]] = {lib: {} for lib in libs}
    verdicts: dict[str, dict[str, list[tuple[bool, str]]]] = {lib: {} for lib in libs}
    errors: dict[str, dict[str, str]] = {lib: {} for lib in libs}
    rss: dict[str, list[tuple[int, int]]] = {lib: [] for lib in libs}
    long_tasks: dict[str, set[str]] = {lib: set() for lib in libs}
    versions: dict[str, str] = {}
    orders = []
    view_bytes = None
    reference0 = None
    for rep in range(reps):
        order = libs[:]
        rng.shuffle(order)
        orders.append(order)
        payloads = {}
        for lib in order:
            log(f"{name} rep {rep + 1}/{reps}: {lib} ...")
            p = run_worker(lib, name, data_dir, work / f"{name}-{lib}-{rep}", timeout, long_tasks[lib])
            payloads[lib] = p
            if "error" in p:
                errors[lib]["*"] = p["error"]
                log(f"  {lib} failed: {p['error']}")
                continue
            log(f"  {lib}: {p['wall_s']:.1f} s wall, peak RSS {p['peak_rss_kb'] / 1024:.0f} MiB")
            versions[lib] = p["version"]
            rss[lib].append((p["base_rss_kb"], p["peak_rss_kb"]))
            for task, t in p["times"].items():
                times[lib].setdefault(task, []).append(t)
                if t > LONG_S and not task.startswith("load"):
                    long_tasks[lib].add(task)
            for task, msg in p["errors"].items():
                errors[lib][task] = msg
            if lib == "healthnet" and p.get("view_bytes"):
                view_bytes = p["view_bytes"]
        ref = payloads.get("healthnet", {}).get("results")
        if ref is not None and reference0 is None:
            reference0 = ref
        for lib, p in payloads.items():
            if "error" in p:
                continue
            for task, value in p["results"].items():
                check = TASK_BY_NAME[task].check
                if lib == "healthnet":
                    if check == "shape":  # loads are checked against the inputs
                        verdict = agree.compare(check, value, value, d, lib)
                    elif rep > 0 and task in reference0:  # determinism
                        verdict = agree.compare(check, reference0[task], value, d, lib)
                    else:
                        continue
                elif ref is None or task not in ref:
                    continue  # nothing to compare with: the cell stays "unchecked"
                else:
                    verdict = agree.compare(check, ref[task], value, d, lib)
                verdicts[lib].setdefault(task, []).append(verdict)
                if not verdict[0]:
                    log(f"  DISAGREES {lib} {task}: {verdict[1]}")
    return {
        "size": name,
        "n": size.n,
        "m": size.m,
        "pivots": size.pivots,
        "reps": reps,
        "load_average": {"start": load_at_start, "end": [round(x, 2) for x in os.getloadavg()]},
        "libraries": libs,
        "orders": orders,
        "versions": versions,
        "times": times,
        "verdicts": {lib: {t: [list(v) for v in vs] for t, vs in per.items()} for lib, per in verdicts.items()},
        "errors": errors,
        "rss_kb": rss,
        "view_bytes": view_bytes,
    }


def summarise(record: dict) -> dict:
    """Per task and library: median, min, status (``ok``, ``disagrees``, ``error``, ``unchecked``) and detail."""
    libs = record["libraries"]
    cells: dict[str, dict[str, dict]] = {}
    for task in TASKS:
        if record["size"] not in task.sizes:
            continue
        row = {}
        for lib in libs:
            ts = record["times"].get(lib, {}).get(task.name, [])
            vs = record["verdicts"].get(lib, {}).get(task.name, [])
            err = record["errors"].get(lib, {}).get(task.name)
            worker_err = record["errors"].get(lib, {}).get("*")
            if worker_err and not ts:  # no repetition of this library got through
                err = err or worker_err
            if not ts and not err:
                continue
            cell = {"median_s": statistics.median(ts) if ts else None, "min_s": min(ts) if ts else None, "reps": len(ts)}
            if err:
                cell.update(status="error", detail=err)
            elif worker_err and vs and all(ok for ok, _ in vs):
                # A worker that died in one repetition loses only that repetition: the others still count.
                cell.update(status="ok", detail=f"{vs[-1][1]}; {len(ts)} of {record['reps']} repetitions "
                                                f"(one worker failed: {worker_err})")
            elif vs and not all(ok for ok, _ in vs):
                cell.update(status="disagrees", detail=next(msg for ok, msg in vs if not ok))
            elif vs:
                cell.update(status="ok", detail=vs[-1][1])
            else:
                cell.update(status="unchecked", detail="")
            row[lib] = cell
        hn = row.get("healthnet")
        others = [c for lib, c in row.items() if lib != "healthnet"]
        if hn and hn["status"] in ("ok", "unchecked"):
            agreeing = sum(c["status"] == "ok" for c in others)
            if others and all(c["status"] == "disagrees" for c in others):
                hn.update(status="disagrees", detail="every other library disagrees")
            elif agreeing:
                hn.update(status="ok", detail=f"agrees with {agreeing} of {len(others)}")
            elif not others:
                hn.update(detail="healthnet only" + ("; repetitions agree" if hn["status"] == "ok" else ""))
        cells[task.name] = row
    return cells


def failures(record: dict, cells: dict) -> list[str]:
    """Human-readable disagreements and errors of one size."""
    out = []
    for task, row in cells.items():
        for lib, c in row.items():
            if c["status"] in ("disagrees", "error"):
                out.append(f"{record['size']} {task} {lib}: {c['status']}: {c['detail']}")
    for lib, errs in record["errors"].items():
        if "*" in errs:
            out.append(f"{record['size']} {lib}: {errs['*']}")
    return out


def prepare_all(names: list[str], data_dir: Path) -> None:
    """Generate the warm-up network and every size's data (cached on disk)."""
    prepare(WARMUP, data_dir)
    for name in names:
        prepare(SIZES[name], data_dir)
