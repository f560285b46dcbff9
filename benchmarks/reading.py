#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reading tables through the shared reading layer (issue 14): the benchmark
CSV pair with default and with mapped columns, pandas' own CSV parser for
scale, and a 100-organisation survey workbook.

    python benchmarks/reading.py [--size M] [--repeat 5] [--data build/bench-data]

Prints one line per task: the median and all times in seconds. Run it on an
idle machine; alternate with an older build (PYTHONPATH) for an A/B.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import healthnet as hn  # noqa: E402
from harness import generate  # noqa: E402


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def survey_workbook(path: Path, n: int = 100, seed: int = 5) -> None:
    """n organisations, each naming about 15 partners with three ratings."""
    rng = np.random.default_rng(seed)
    ids = np.arange(101, 101 + n)
    sectors = rng.choice(hn.Taxonomy.builtin().core_sectors(), size=n)
    rows = []
    for i in ids:
        for j in rng.choice(ids[ids != i], size=15, replace=False):
            rows.append((int(i), int(j), int(rng.integers(1, 5)), int(rng.integers(1, 5)), int(rng.integers(1, 5))))
    with pd.ExcelWriter(path) as xl:
        pd.DataFrame({"ID": ids, "Sektor": sectors}).to_excel(xl, sheet_name="Akteure", index=False)
        pd.DataFrame(rows, columns=["Von", "An", "Häufigkeit", "Vertrauen", "Nutzen"]).to_excel(
            xl, sheet_name="Kontakte", index=False
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="M", choices=sorted(generate.SIZES))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=HERE.parent / "build" / "bench-data")
    args = parser.parse_args()
    ds = generate.prepare(generate.SIZES[args.size], args.data)
    tasks = {
        f"read_csv {args.size}": lambda: hn.read_csv(ds.actors_csv, ds.ties_csv, directed=False),
        f"read_csv {args.size}, columns mapped, sep and encoding given": lambda: hn.read_csv(
            ds.actors_csv, ds.ties_csv, directed=False, id="id", source="source", target="target",
            sector="sector", sep=",", encoding="utf-8",
        ),
        f"pandas.read_csv {args.size} (ties only, for scale)": lambda: pd.read_csv(ds.ties_csv),
    }
    with tempfile.TemporaryDirectory() as d:
        book = Path(d) / "umfrage.xlsx"
        survey_workbook(book)
        tasks["read_excel, 100 organisations x 15 partners"] = lambda: hn.read_excel(
            book, actors="Akteure", ties="Kontakte", id="ID", sector="Sektor", source="Von", target="An",
            weight="Häufigkeit",
        )
        for name, fn in tasks.items():
            times = timed(fn, args.repeat)
            print(f"{name}: median {statistics.median(times):.3f} s ({', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
