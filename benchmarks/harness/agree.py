# SPDX-License-Identifier: MIT
"""Do two libraries' results agree?  One check per kind of result.

Each check takes healthnet's result (the reference), the other library's
result, and the inputs, and returns ``(ok, detail)``; ``detail`` says what
was compared and by how much it differed, for the report.

Tolerances:

- ``exact``: relative ``1e-9`` (``|a - b| <= 1e-9 * max(|b|, 1)`` element by
  element; NaN only where the reference is NaN). Sums in another order
  differ in the last bits; nothing else is allowed.
- ``shape``: ``(n, m)`` equal (loads).
- ``partition``: the same partition up to renaming of the labels.
- ``pagerank``: ``sum |a - b| <= 2 alpha / (1 - alpha) * n * tol + 1e-9``.
  Power iteration contracts by ``alpha`` in the L1 norm, so a result that
  stopped when its last change was below ``n * tol`` (the rule of healthnet
  and networkx; NetworKit's L2 rule with ``sqrt(n) * tol`` implies it) is
  within ``alpha / (1 - alpha) * n * tol`` of the exact vector; two such
  results within twice that. ``1e-9`` covers igraph's PRPACK, which solves
  to its own tolerance of 1e-10.
- ``betweenness``: ``exact`` when the reference is exact, or when both are
  the pivot estimate over the same pivots. NetworKit's ``EstimateBetweenness``
  picks its own pivots, so it is judged statistically instead: its total
  (the sum over actors estimates the sum of distances - 1 over all pairs) must
  be within 5 % of healthnet's, and the Spearman correlation of the two
  estimates at least 0.15. Measured on M: healthnet's estimates from five
  different 32-pivot sets have totals within 0.7 % of each other and
  correlate at 0.29-0.30 (most actors have small, noisy estimates);
  NetworKit's total is 2-3 % off and it correlates at 0.29-0.30 too. A wrong
  scaling fails the first test, a permuted result the second (|rho| about
  1/sqrt(n) < 0.01).
- ``louvain``: modularity of the partition (one function,
  :func:`harness.reimpl.modularity`) within ``LOUVAIN_TOL`` = 0.05 of
  healthnet's. Louvain implementations visit vertices in different orders
  and end in different local optima, so partitions differ while their
  quality should not by much: over 10 seeds on S and on a 20k-actor network
  of the same model, each library's modularity varied with a standard
  deviation of 0.008-0.02 (range up to 0.05). A broken result (one
  community: Q = 0; singletons: Q < 0) is far outside.
- ``profile``: every key both report, ``exact``, except the eigenvector
  centralization (power iteration, relative ``1e-5``).
"""

from __future__ import annotations

import numpy as np

from . import reimpl
from .adapters import Inputs
from .tasks import PAGERANK_ALPHA, PAGERANK_TOL

REL = 1e-9
LOUVAIN_TOL = 0.05
ESTIMATE_TOTAL_REL = 0.05
ESTIMATE_SPEARMAN = 0.15
PROFILE_LOOSE = {"eigenvector_centralization": 1e-5}


def _close(a, b, rel: float) -> tuple[bool, float]:
    """Element-wise ``|a - b| <= rel * max(|b|, 1)``, NaN matching NaN; returns (ok, worst relative gap)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False, float("inf")
    nan_a, nan_b = np.isnan(a), np.isnan(b)
    if (nan_a != nan_b).any():
        return False, float("inf")
    ok = ~nan_b
    if not ok.any():
        return True, 0.0
    gap = np.abs(a[ok] - b[ok]) / np.maximum(np.abs(b[ok]), 1.0)
    worst = float(gap.max())
    return worst <= rel, worst


def check_exact(ref, other, d: Inputs) -> tuple[bool, str]:
    ok, worst = _close(other, ref, REL)
    return ok, f"max rel. gap {worst:.1e}"


def check_shape(ref, other, d: Inputs) -> tuple[bool, str]:
    ok = list(map(int, ref)) == list(map(int, other)) == [d.n, d.m]
    return ok, f"n, m = {int(other[0])}, {int(other[1])}"


def check_partition(ref, other, d: Inputs) -> tuple[bool, str]:
    a = reimpl.canonical_labels(ref)
    b = reimpl.canonical_labels(other)
    ok = a.shape == b.shape and bool((a == b).all())
    return ok, f"{int(a.max()) + 1 if a.size else 0} vs {int(b.max()) + 1 if b.size else 0} parts"


def check_pagerank(ref, other, d: Inputs) -> tuple[bool, str]:
    ref = np.asarray(ref, dtype=float)
    other = np.asarray(other, dtype=float)
    if ref.shape != other.shape:
        return False, "different lengths"
    gap = float(np.abs(ref - other).sum())
    bound = 2 * PAGERANK_ALPHA / (1 - PAGERANK_ALPHA) * ref.size * PAGERANK_TOL + 1e-9
    return gap <= bound, f"L1 gap {gap:.1e} (bound {bound:.1e})"


def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    ra = np.argsort(np.argsort(a, kind="stable"), kind="stable").astype(float)
    rb = np.argsort(np.argsort(b, kind="stable"), kind="stable").astype(float)
    return float(np.corrcoef(ra, rb)[0, 1])


def check_estimate(ref, other, d: Inputs) -> tuple[bool, str]:
    """Statistical agreement of two betweenness estimates with different pivots."""
    ref = np.asarray(ref, dtype=float)
    other = np.asarray(other, dtype=float)
    if ref.shape != other.shape:
        return False, "different lengths"
    total = float(other.sum() / ref.sum() - 1.0)
    rho = _spearman(ref, other)
    ok = abs(total) <= ESTIMATE_TOTAL_REL and rho >= ESTIMATE_SPEARMAN
    return ok, f"total {total:+.1%}, Spearman {rho:.2f} (own pivots)"


def check_betweenness(ref, other, d: Inputs, library: str = "") -> tuple[bool, str]:
    if library == "networkit" and not d.exact_betweenness:
        return check_estimate(ref, other, d)
    return check_exact(ref, other, d)


def check_louvain(ref, other, d: Inputs) -> tuple[bool, str]:
    q_ref = reimpl.modularity(d.source, d.target, ref)
    q = reimpl.modularity(d.source, d.target, other)
    return abs(q - q_ref) <= LOUVAIN_TOL, f"Q = {q:.4f} (healthnet {q_ref:.4f})"


def check_profile(ref: dict, other: dict, d: Inputs) -> tuple[bool, str]:
    common = sorted(set(ref) & set(other))
    if not common:
        return False, "no common entries"
    bad = []
    for key in common:
        ok, _ = _close(other[key], ref[key], PROFILE_LOOSE.get(key, REL))
        if not ok:
            bad.append(f"{key}: {other[key]:.6g} vs {ref[key]:.6g}")
    detail = f"{len(common)} entries compared"
    return not bad, detail + ("; differ: " + "; ".join(bad) if bad else "")


CHECKS = {
    "exact": check_exact,
    "shape": check_shape,
    "partition": check_partition,
    "pagerank": check_pagerank,
    "betweenness": check_betweenness,
    "louvain": check_louvain,
    "profile": check_profile,
}


def compare(check: str, ref, other, d: Inputs, library: str) -> tuple[bool, str]:
    """Run the named check; a result of the wrong kind is a disagreement, not a crash."""
    try:
        if check == "betweenness":
            return check_betweenness(ref, other, d, library)
        return CHECKS[check](ref, other, d)
    except (TypeError, ValueError, KeyError, IndexError) as exc:
        return False, f"cannot compare: {exc}"
