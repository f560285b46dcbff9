# SPDX-License-Identifier: MIT
"""Time scoring and ranking many regions (issue 5): 500 synthetic regions of
150 actors / 600 ties each, every shipped scorecard, median of 5 runs.

    .venv/bin/python benchmarks/bench_ranking.py [--regions 500] [--repeat 5]

Writes benchmarks/results/ranking.md and ranking.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

import healthnet as hn

OUT = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=500)
    parser.add_argument("--actors", type=int, default=150)
    parser.add_argument("--ties", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    nets = [
        hn.synthetic_region(args.actors, args.ties, seed=s, region_id=f"r{s:04d}") for s in range(args.regions)
    ]
    generate = time.perf_counter() - t0
    rows = []
    for card_id in hn.scorecards():
        card = hn.Scorecard.load(card_id)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            frame = hn.rank(nets, card, progress=False)
            times.append(time.perf_counter() - t)
        assert len(frame) == args.regions
        rows.append({"scorecard": card_id, "median_s": statistics.median(times), "min_s": min(times)})

    OUT.mkdir(exist_ok=True)
    meta = {
        "regions": args.regions,
        "actors": args.actors,
        "ties": args.ties,
        "repeat": args.repeat,
        "generate_s": generate,
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "healthnet": hn.__version__,
    }
    (OUT / "ranking.json").write_text(json.dumps({"meta": meta, "results": rows}, indent=2) + "\n")
    lines = [
        f"# Ranking {args.regions} regions ({args.actors} actors, {args.ties} ties each)",
        "",
        f"healthnet {hn.__version__}, {meta['machine']}; median of {args.repeat} runs; "
        f"generating the regions took {generate:.2f} s. Target (issue 7): under 5 s.",
        "",
        "| scorecard | median (s) | best (s) |",
        "|---|---:|---:|",
    ]
    lines += [f"| {r['scorecard']} | {r['median_s']:.3f} | {r['min_s']:.3f} |" for r in rows]
    (OUT / "ranking.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
