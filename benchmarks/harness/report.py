# SPDX-License-Identifier: MIT
"""bench.md and bench.json: a table per size, targets marked met or missed, machine facts."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from pathlib import Path

from .tasks import TASK_BY_NAME

#: Speed-up targets: healthnet must be at least this many times faster.
RATIO_TARGETS = {"networkx": 50.0, "igraph": 1.5, "networkit": 1.0}
#: Absolute targets: (key, description, limit, unit).
ABSOLUTE_TARGETS = (
    ("bytes_per_tie", "analysis view, bytes per tie (L)", 16.0, "B"),
    ("S.profile", "S: whole profile end to end", 0.020, "s"),
    ("L.load_arrays", "L: load from numpy arrays", 2.0, "s"),
    ("L.load_csv", "L: load from CSV", 10.0, "s"),
    ("S.ranking", "ranking 500 regions", 5.0, "s"),
)
NAMES = {"healthnet": "healthnet", "igraph": "igraph", "networkx": "networkx", "networkit": "NetworKit"}


def machine_info() -> dict:
    """CPU model, cores, memory, load average now, OS, Python, healthnet commit."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gib = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    root = Path(__file__).resolve().parents[2]
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        commit += " + uncommitted changes" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": mem_gib,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "healthnet_commit": commit,
    }


def _fmt_time(s: float | None) -> str:
    if s is None:
        return "–"
    if s < 1e-6:
        return f"{s * 1e9:.3g} ns"
    if s < 1e-3:
        return f"{s * 1e6:.3g} µs"
    if s < 1.0:
        return f"{s * 1e3:.3g} ms"
    return f"{s:.3g} s"


def _ratio_cell(lib: str, cell: dict | None, hn: dict | None) -> str:
    if cell is None or hn is None or cell["status"] != "ok" or hn["status"] not in ("ok", "unchecked"):
        return ""
    if not hn["median_s"]:
        return ""
    ratio = cell["median_s"] / hn["median_s"]
    mark = "✓" if ratio >= RATIO_TARGETS[lib] else "✗"
    return f"{ratio:.3g}× {mark}"


def _time_cell(cell: dict | None, reps: int) -> str:
    if cell is None:
        return "–"
    if cell["status"] == "error":
        return "error¹"
    if cell["reps"] == 1 and reps > 1:
        t = f"{_fmt_time(cell['median_s'])} (1 run)"
    else:
        t = f"{_fmt_time(cell['median_s'])} ({_fmt_time(cell['min_s'])})"
    if cell["status"] == "disagrees":
        return f"disagrees² {t}"
    return t


def absolute_targets(sizes: dict) -> list[dict]:
    """Measured values of the absolute targets (None where the size was not run)."""
    out = []
    for key, text, limit, unit in ABSOLUTE_TARGETS:
        value = None
        if key == "bytes_per_tie":
            for name in ("L", "M", "S"):
                rec = sizes.get(name)
                if rec and rec["record"]["view_bytes"]:
                    value = rec["record"]["view_bytes"] / rec["record"]["m"]
                    text = f"analysis view, bytes per tie ({name})"
                    break
        else:
            size, task = key.split(".")
            cell = sizes.get(size, {}).get("cells", {}).get(task, {}).get("healthnet")
            if cell and cell["status"] in ("ok", "unchecked"):
                value = cell["median_s"]
        out.append({"target": text, "limit": limit, "unit": unit, "value": value,
                    "met": None if value is None else value <= limit})
    return out


def ratio_summary(sizes: dict) -> dict:
    """Per library: rows where the speed-up target was met / missed (over all sizes)."""
    out = {}
    for lib, target in RATIO_TARGETS.items():
        met, missed = [], []
        for name, rec in sizes.items():
            for task, row in rec["cells"].items():
                cell, hn = row.get(lib), row.get("healthnet")
                if cell and hn and cell["status"] == "ok" and hn["status"] in ("ok", "unchecked") and hn["median_s"]:
                    r = cell["median_s"] / hn["median_s"]
                    (met if r >= target else missed).append(f"{name} {task} ({r:.3g}×)")
        out[lib] = {"target": target, "met": met, "missed": missed}
    return out


def write(out_dir: Path, meta: dict, sizes: dict) -> tuple[Path, Path]:
    """Write bench.json and bench.md into ``out_dir``; ``sizes`` maps size name to {record, cells}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = absolute_targets(sizes)
    ratios = ratio_summary(sizes)
    doc = {"meta": meta, "targets": targets, "ratio_targets": ratios, "sizes": sizes}
    json_path = out_dir / "bench.json"
    json_path.write_text(json.dumps(doc, indent=1, default=float) + "\n")

    m = meta["machine"]
    lines = [
        "# healthnet benchmark: side by side with igraph, networkx and NetworKit",
        "",
        f"Generated by `benchmarks/bench.py` ({meta['command']}). Design and method: `benchmarks/README.md`; "
        "discussion of the numbers: `benchmarks/RESULTS.md`.",
        "",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; {m['os']}; Python {m['python']}",
        f"- Load average at start: {', '.join(map(str, m['load_average_at_start']))}",
        f"- healthnet commit {m['healthnet_commit']}; versions: "
        + ", ".join(f"{NAMES[k]} {v}" for k, v in sorted(meta["versions"].items())),
        "- Every library single-threaded; repetitions per size: "
        + ", ".join(f"{k} {v['record']['reps']}" for k, v in sizes.items())
        + "; each library in its own process, "
        "library order shuffled per repetition. Cells: median (min) seconds per call; "
        "ratio = other library's median / healthnet's (above 1: healthnet faster), "
        "✓/✗ = speed-up target met/missed (networkx ≥ 50×, igraph ≥ 1.5×, NetworKit ≥ 1×). "
        "A task over 60 s is run once only (\"1 run\").",
        "",
        "## Targets",
        "",
        "| target | limit | measured | |",
        "|---|---:|---:|---|",
    ]
    for t in targets:
        if t["value"] is None:
            measured, mark = "not run", ""
        else:
            measured = _fmt_time(t["value"]) if t["unit"] == "s" else f"{t['value']:.2f} B"
            mark = "met" if t["met"] else "**missed**"
        limit = _fmt_time(t["limit"]) if t["unit"] == "s" else f"{t['limit']:.0f} B"
        lines.append(f"| {t['target']} | ≤ {limit} | {measured} | {mark} |")
    lines.append("")
    for lib, r in ratios.items():
        lines.append(f"- ≥ {r['target']:g}× faster than {NAMES[lib]}: met on {len(r['met'])} rows, "
                     f"missed on {len(r['missed'])}" + (": " + ", ".join(r["missed"]) if r["missed"] else ""))
    for name, rec in sizes.items():
        record, cells = rec["record"], rec["cells"]
        libs = record["libraries"]
        others = [lib for lib in libs if lib != "healthnet"]
        lines += ["", f"## {name}: {record['n']:,} actors, {record['m']:,} ties", ""]
        la = record.get("load_average")
        if la:
            lines += [f"Load average (1, 5, 15 min) at the start of this size: {', '.join(map(str, la['start']))}; "
                      f"at its end: {', '.join(map(str, la['end']))}.", ""]
        if record["pivots"]:
            lines.append(f"Betweenness: pivot estimate with the same {record['pivots']} pivots "
                         "(NetworKit: its own, same number).")
            lines.append("")
        header = "| task | healthnet | " + " | ".join(f"{NAMES[o]} | ×" for o in others) + " |"
        lines += [header, "|---|---:|" + "---:|---|" * len(others)]
        notes = []
        for task, row in cells.items():
            hn = row.get("healthnet")
            parts = [TASK_BY_NAME[task].label, _time_cell(hn, record["reps"])]
            for lib in others:
                parts += [_time_cell(row.get(lib), record["reps"]), _ratio_cell(lib, row.get(lib), hn)]
            lines.append("| " + " | ".join(parts) + " |")
            for lib, c in row.items():
                if c["status"] in ("error", "disagrees"):
                    notes.append(f"- {task}, {NAMES[lib]}: {c['detail']}")
        rss = []
        for lib in libs:
            if record["rss_kb"].get(lib):
                base = max(b for b, _ in record["rss_kb"][lib]) / 1024
                peak = max(p for _, p in record["rss_kb"][lib]) / 1024
                rss.append(f"{NAMES[lib]} {peak:,.0f} MiB (before loading the graph: {base:,.0f})")
        lines += ["", "Peak RSS per library process: " + "; ".join(rss) + "."]
        if record["view_bytes"]:
            lines.append(f"healthnet analysis view: {record['view_bytes']:,} bytes = "
                         f"{record['view_bytes'] / record['m']:.2f} bytes per tie.")
        if notes:
            lines += ["", "¹ error / ² disagrees:", *notes]
        agreements = []
        for task, row in cells.items():
            for lib, c in row.items():
                if c["status"] == "ok" and c["detail"]:
                    agreements.append(f"{task} {NAMES[lib]}: {c['detail']}")
        if agreements:
            lines += ["", "<details><summary>agreement details</summary>", "", *[f"- {a}" for a in agreements],
                      "", "</details>"]
    md_path = out_dir / "bench.md"
    md_path.write_text("\n".join(lines) + "\n")
    return md_path, json_path
