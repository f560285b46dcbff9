# SPDX-License-Identifier: MIT
"""Numpy formulas shared by the adapters of igraph, networkx and NetworKit.

None of these three libraries has a built-in E-I index, block density
matrix, Freeman centralization of every kind, key-player fragmentation or
sector coverage. The adapters take the inputs from each library's own graph
object in its own idiom (edge list, component sizes, centrality scores) and
finish with these functions. They are our re-implementations of healthnet's
definitions, not code of those libraries; the timings of those rows
include them.

Also here: the pivot betweenness scaling and the modularity that the parent
uses to judge Louvain partitions.
"""

from __future__ import annotations

import numpy as np

from .generate import SECTORS

K = len(SECTORS)


def block_counts(u: np.ndarray, v: np.ndarray, codes: np.ndarray, k: int = K) -> np.ndarray:
    """Ties per pair of groups of an undirected network.

    ``C[g, h]`` (g != h) is the number of ties between groups g and h
    (``C`` is symmetric); ``C[g, g]`` the number of ties inside g, each once.
    """
    cu = codes[u].astype(np.int64)
    cv = codes[v].astype(np.int64)
    ordered = np.bincount(cu * k + cv, minlength=k * k).reshape(k, k)
    c = ordered + ordered.T
    c[np.diag_indices(k)] //= 2
    return c


def ei_index(c: np.ndarray) -> float:
    """Krackhardt-Stern E-I index ``(E - I) / (E + I)`` from :func:`block_counts`."""
    internal = float(np.trace(c))
    external = float(np.triu(c, 1).sum())
    return (external - internal) / (external + internal) if external + internal else float("nan")


def cross_group_share(c: np.ndarray) -> float:
    """``E / (E + I)``, the share of ties between groups."""
    internal = float(np.trace(c))
    external = float(np.triu(c, 1).sum())
    return external / (external + internal) if external + internal else float("nan")


def block_density(c: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Undirected block densities: ``C[g,h] / (n_g n_h)`` off the diagonal,
    ``C[g,g] / (n_g (n_g - 1) / 2)`` on it (NaN where no pair is possible)."""
    sizes = sizes.astype(float)
    possible = np.outer(sizes, sizes)
    np.fill_diagonal(possible, sizes * (sizes - 1) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(possible > 0, c / np.where(possible > 0, possible, 1), np.nan)


def connected_group_share(c: np.ndarray, sizes: np.ndarray) -> float:
    """Share of the groups present that have a tie to another group."""
    present = sizes > 0
    off = c.copy()
    np.fill_diagonal(off, 0)
    tied = off.sum(axis=1) > 0
    return float((tied & present).sum() / present.sum()) if present.any() else float("nan")


def freeman(values: np.ndarray, max_sum: float) -> float:
    """Freeman centralization ``sum(max - x_i) / max_sum``; NaN when ``max_sum`` is 0."""
    if max_sum <= 0 or values.size == 0:
        return float("nan")
    return float((values.max() - values).sum() / max_sum)


def fragmentation(component_sizes: np.ndarray, n: int) -> float:
    """Borgatti's fragmentation ``1 - sum s_k (s_k - 1) / (n (n - 1))``."""
    if n < 2:
        return 0.0
    s = component_sizes.astype(float)
    return float(1.0 - (s * (s - 1)).sum() / (n * (n - 1.0)))


def wf_closeness(raw: np.ndarray, component_size: np.ndarray, n: int) -> np.ndarray:
    """networkx closeness from igraph's: ``(r-1)/sum d`` times ``(r-1)/(n-1)``,
    ``r`` the size of the actor's component; 0 for isolates (igraph: NaN)."""
    out = raw * (component_size - 1) / max(n - 1, 1)
    return np.where(np.isnan(out), 0.0, out)


def scale_pivot_betweenness(raw: np.ndarray, pivots: np.ndarray) -> np.ndarray:
    """Turn source-restricted betweenness into networkx 3.5+'s sampled estimate.

    ``raw(v) = sum over pivots s of delta_s(v)``, halved when undirected (what
    igraph ``betweenness(sources=P)`` and networkx
    ``betweenness_centrality_subset(G, P, all, normalized=False)`` return).
    The estimate scales it by ``(n-1)/k`` for non-pivots and ``(n-1)/(k-1)``
    for pivots (a pivot is never a source of paths through itself). With
    ``P`` = all actors it is the identity.
    """
    n = raw.size
    k = pivots.size
    scale = np.full(n, (n - 1) / k)
    scale[pivots] = (n - 1) / (k - 1) if k > 1 else np.nan
    return raw * scale


def modularity(source: np.ndarray, target: np.ndarray, labels: np.ndarray) -> float:
    """Newman modularity of a partition of an undirected, unweighted simple network.

    ``Q = sum_c [ L_c / m - (D_c / 2m)^2 ]`` with ``L_c`` the ties inside
    community c and ``D_c`` its degree sum. One function for every library's
    Louvain partition, so that they are judged alike.
    """
    labels = np.asarray(labels, dtype=np.int64)
    _, dense = np.unique(labels, return_inverse=True)
    m = source.size
    if m == 0:
        return float("nan")
    k = int(dense.max()) + 1
    cu, cv = dense[source], dense[target]
    inside = np.bincount(cu[cu == cv], minlength=k).astype(float)
    degree_sum = (np.bincount(cu, minlength=k) + np.bincount(cv, minlength=k)).astype(float)
    return float((inside / m - (degree_sum / (2.0 * m)) ** 2).sum())


def canonical_labels(labels: np.ndarray) -> np.ndarray:
    """Relabel a partition 0, 1, ... in order of first appearance (for comparing partitions)."""
    labels = np.asarray(labels)
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))
    return order[inverse]
