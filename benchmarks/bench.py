# SPDX-License-Identifier: MIT
"""Time healthnet side by side with igraph, networkx and NetworKit.

    .venv/bin/python benchmarks/bench.py [--sizes S,M,L] [--reps 5] [--smoke]

Generates (once, cached in --data) a seeded 8-sector block-model network per
size, runs every library in its own process per repetition in shuffled
order, checks that results agree, and writes bench.md and bench.json into
--out. Exits 1 when any result disagrees or a task fails, else 0. See
benchmarks/README.md for the design.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from harness import adapters, report, runner
from harness.generate import SIZES

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="S,M,L", help="comma-separated subset of S, M, L (default: all)")
    parser.add_argument("--reps", type=int, default=5, help="repetitions per size (default 5)")
    parser.add_argument("--libraries", default=",".join(adapters.LIBRARIES),
                        help="comma-separated (healthnet is always run: it is the reference)")
    parser.add_argument("--data", type=Path, default=HERE.parent / "build" / "bench-data",
                        help="where generated networks are cached (default build/bench-data)")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="where bench.md/bench.json go")
    parser.add_argument("--merge", action="store_true",
                        help="keep the sizes of an existing bench.json in --out that were not run now")
    parser.add_argument("--rebuild", action="store_true",
                        help="only rewrite bench.md/bench.json in --out from the records stored in its bench.json")
    parser.add_argument("--timeout", type=float, default=7200.0, help="seconds per worker process")
    parser.add_argument("--seed", type=int, default=None, help="seed of the library order shuffle")
    parser.add_argument("--smoke", action="store_true",
                        help="CI check: defaults to size S and 2 repetitions; only agreement matters")
    args = parser.parse_args(argv)

    if args.smoke and args.sizes == parser.get_default("sizes"):
        args.sizes = "S"
    if args.smoke and args.reps == parser.get_default("reps"):
        args.reps = 2
    names = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in names if s not in SIZES]
    if unknown or args.reps < 1:
        parser.error(f"unknown sizes {unknown}" if unknown else "--reps must be at least 1")
    libraries = ["healthnet"] + [lib for lib in args.libraries.split(",") if lib and lib != "healthnet"]
    for lib in libraries:
        if lib not in adapters.LIBRARIES:
            parser.error(f"unknown library {lib!r}")

    if args.rebuild:
        old = json.loads((args.out / "bench.json").read_text())
        sizes = {k: {"record": v["record"], "cells": runner.summarise(v["record"])} for k, v in old["sizes"].items()}
        md, js = report.write(args.out, old["meta"], sizes)
        print(f"rewrote {md} and {js}")
        return 0

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    meta = {
        "command": " ".join(["bench.py", *(argv if argv is not None else sys.argv[1:])]) or "bench.py",
        "reps": args.reps,
        "shuffle_seed": seed,
        "machine": report.machine_info(),
        "versions": {},
    }

    def log(msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)

    log(f"preparing data for {', '.join(names)} in {args.data}")
    runner.prepare_all(names, args.data)

    sizes: dict[str, dict] = {}
    if args.merge and (args.out / "bench.json").exists():
        old = json.loads((args.out / "bench.json").read_text())
        sizes = {k: v for k, v in old["sizes"].items() if k not in names}
        meta["versions"].update(old["meta"].get("versions", {}))
        meta["merged_from"] = {k: old["meta"]["machine"] for k in sizes}
    problems: list[str] = []
    for name in names:
        record = runner.run_size(name, libraries, args.reps, args.data, args.timeout, rng, log)
        cells = runner.summarise(record)
        sizes[name] = {"record": record, "cells": cells}
        meta["versions"].update(record["versions"])
        problems += runner.failures(record, cells)
    sizes = {k: sizes[k] for k in sorted(sizes, key="SML".index)}
    md, js = report.write(args.out, meta, sizes)
    log(f"wrote {md} and {js}")
    if problems:
        print("\nDISAGREEMENTS / ERRORS:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print("all results agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
