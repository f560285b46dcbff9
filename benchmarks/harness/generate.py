# SPDX-License-Identifier: MIT
"""Seeded benchmark networks: a stochastic block model of 8 sectors.

Every library gets the same arrays: ``source``, ``target`` (int64, one entry
per undirected tie, no self-loops, no pair twice) and ``sector`` (int8 code
per actor, an index into :data:`SECTORS`). The arrays and the text files
made from them are written once per size into a data directory and reused.

The model is a planted-partition SBM built tie by tie in numpy: a tie starts
at an actor ``u`` drawn uniformly; with probability ``homophily`` its other
end is drawn uniformly from ``u``'s own sector, otherwise uniformly from all
actors. So a pair in one sector of size ``n_g`` is tied with probability
proportional to ``h / n_g + (1 - h) / n``, a cross-sector pair to
``(1 - h) / n``: block densities high on the diagonal, as in real regions.
Self-loops are dropped, pairs deduplicated (``np.unique`` on
``min * n + max``) and candidates drawn again until exactly ``m`` remain; the
tie order and the orientation of each tie are then shuffled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: The eight core sectors of healthnet's built-in taxonomy, in its order
#: (``hn.Taxonomy.builtin().core_sectors()``; checked by the tests).
SECTORS: tuple[str, ...] = (
    "outpatient_care",
    "inpatient_care",
    "nursing_care",
    "rehabilitation",
    "prevention",
    "public_health",
    "municipality",
    "health_insurance",
)

#: Expected share of actors per sector (practices dominate a region).
SECTOR_SHARES: tuple[float, ...] = (0.30, 0.08, 0.17, 0.06, 0.14, 0.05, 0.10, 0.10)

#: Probability that a tie is drawn inside the sector of its first end.
HOMOPHILY = 0.6


@dataclass(frozen=True)
class Size:
    """One benchmark size: actors, ties, seed and the pivots of sampled betweenness."""

    name: str
    n: int
    m: int
    seed: int
    pivots: int  # 0: exact betweenness (all sources)
    networkx: bool  # whether networkx runs at this size


SIZES: dict[str, Size] = {
    "S": Size("S", 1_000, 5_000, seed=101, pivots=0, networkx=True),
    "M": Size("M", 100_000, 1_000_000, seed=102, pivots=32, networkx=True),
    "L": Size("L", 1_000_000, 10_000_000, seed=103, pivots=32, networkx=False),
}


def sbm(n: int, m: int, seed: int, homophily: float = HOMOPHILY) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw an undirected simple SBM network with ``n`` actors and exactly ``m`` ties.

    Parameters
    ----------
    n, m : int
        Actors and ties; ``m`` must be at most ``n (n - 1) / 4`` so that the
        rejection of duplicates converges quickly.
    seed : int
        Seed of ``numpy.random.default_rng``; equal seeds give equal arrays.
    homophily : float
        Probability that a tie is drawn inside its first end's sector.

    Returns
    -------
    source, target : numpy.ndarray of int64
        The tie end points, in random order and orientation.
    sector : numpy.ndarray of int8
        Sector code (index into :data:`SECTORS`) per actor.
    """
    if n < 2 or m < 0 or m > n * (n - 1) // 4:
        raise ValueError(f"cannot draw {m} ties among {n} actors")
    rng = np.random.default_rng(seed)
    sector = rng.choice(len(SECTORS), size=n, p=SECTOR_SHARES).astype(np.int8)
    members = np.argsort(sector, kind="stable")  # actors grouped by sector
    size = np.bincount(sector, minlength=len(SECTORS))
    start = np.concatenate(([0], np.cumsum(size)[:-1]))

    keys = np.empty(0, dtype=np.int64)
    while keys.size < m:
        want = int((m - keys.size) * 1.1) + 16
        u = rng.integers(0, n, size=want)
        v = rng.integers(0, n, size=want)
        inside = rng.random(want) < homophily
        g = sector[u[inside]]
        v[inside] = members[start[g] + (rng.random(g.size) * size[g]).astype(np.int64)]
        ok = u != v
        lo, hi = np.minimum(u[ok], v[ok]), np.maximum(u[ok], v[ok])
        keys = np.unique(np.concatenate((keys, lo * n + hi)))
    keys = rng.permutation(keys)[:m]  # uniform subset, random order
    lo, hi = np.divmod(keys, n)
    flip = rng.random(m) < 0.5
    source = np.where(flip, hi, lo)
    target = np.where(flip, lo, hi)
    return source, target, sector


def pivots(n: int, k: int, seed: int) -> np.ndarray:
    """``k`` distinct source actors for sampled betweenness, sorted (int64)."""
    rng = np.random.default_rng(seed + 7919)
    return np.sort(rng.choice(n, size=k, replace=False)).astype(np.int64)


def _write_lines(path: Path, header: str | None, columns: list[np.ndarray], sep: str) -> None:
    """Write integer/str columns as delimited text, a million rows at a time."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        if header is not None:
            f.write(header + "\n")
        total = len(columns[0])
        for lo in range(0, total, 1_000_000):
            parts = [np.asarray(c[lo : lo + 1_000_000]).astype(str) for c in columns]
            row = parts[0]
            for p in parts[1:]:
                row = np.char.add(np.char.add(row, sep), p)
            if row.size:
                f.write("\n".join(row.tolist()) + "\n")
    tmp.replace(path)


@dataclass(frozen=True)
class Dataset:
    """Paths of one size's data: the arrays and the text files made from them."""

    root: Path

    @property
    def arrays(self) -> Path:
        """``.npz`` with ``source``, ``target``, ``sector``, ``pivots``."""
        return self.root / "arrays.npz"

    @property
    def actors_csv(self) -> Path:
        """healthnet actors file (docs/format.md): ``id,sector``."""
        return self.root / "actors.csv"

    @property
    def ties_csv(self) -> Path:
        """healthnet ties file (docs/format.md): ``source,target``."""
        return self.root / "ties.csv"

    @property
    def edgelist(self) -> Path:
        """Plain ``u v`` lines, 0-based, no header: what igraph, networkx and NetworKit read fastest."""
        return self.root / "edges.txt"

    def load(self) -> dict[str, np.ndarray]:
        """The arrays as a dict."""
        with np.load(self.arrays) as z:
            return {k: z[k] for k in z.files}


def prepare(size: Size, data_dir: Path) -> Dataset:
    """Generate ``size``'s network and its files under ``data_dir/<name>``, unless already there.

    A ``meta.json`` records n, m, seed and pivots; files are regenerated when
    it differs.
    """
    ds = Dataset(Path(data_dir) / size.name)
    meta = {"n": size.n, "m": size.m, "seed": size.seed, "pivots": size.pivots,
            "homophily": HOMOPHILY, "shares": list(SECTOR_SHARES), "format": 2}
    meta_path = ds.root / "meta.json"
    if meta_path.exists() and json.loads(meta_path.read_text()) == meta:
        return ds
    ds.root.mkdir(parents=True, exist_ok=True)
    meta_path.unlink(missing_ok=True)
    source, target, sector = sbm(size.n, size.m, size.seed)
    piv = pivots(size.n, size.pivots, size.seed) if size.pivots else np.arange(size.n, dtype=np.int64)
    np.savez(ds.arrays, source=source, target=target, sector=sector, pivots=piv)
    ids = np.arange(size.n)
    names = np.array(SECTORS)[sector]
    _write_lines(ds.actors_csv, "id,sector", [ids, names], ",")
    _write_lines(ds.ties_csv, "source,target", [source, target], ",")
    _write_lines(ds.edgelist, None, [source, target], " ")
    meta_path.write_text(json.dumps(meta) + "\n")
    return ds
