# SPDX-License-Identifier: MIT
"""Actor centrality and Freeman centralization.

Shortest-path metrics (betweenness, closeness, harmonic closeness) with a
weight (``weight="weight"`` or a numeric tie attribute such as ``"trust"``)
use it as the LENGTH of the tie by default (``distance="weight"``), exactly
as networkx does: a heavier tie is a longer path. In healthnet a weight
usually means strength or frequency of cooperation; ``distance="inverse"``
takes ``1 / w`` as the length, so a strong tie is a short path (Newman 2001;
Opsahl, Agneessens & Skvoretz 2010). A tie of weight 0 is still a tie, of
length 0 (rejected with ``distance="inverse"``). Eigenvector centrality and
PageRank use weights as strengths. ``relation=`` restricts any of them to
one relation layer.
"""

from __future__ import annotations

import operator
from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from . import _core
from ._core import Network
from ._layers import _select, _shared_doc
from ._metrics import _actor_series, _reads_network

__all__ = [
    "betweenness",
    "betweenness_centralization",
    "closeness",
    "closeness_centralization",
    "degree_centralization",
    "eigenvector_centrality",
    "eigenvector_centralization",
    "harmonic_closeness",
    "pagerank",
]

Mode = Literal["all", "in", "out"]


@_reads_network
@_shared_doc
def betweenness(
    net: Network,
    normalized: bool = False,
    weighted: bool | None = None,
    samples: int | None = None,
    seed: int | None = None,
    threads: int = 1,
    pivots: ArrayLike | None = None,
    *,
    weight: str | None = None,
    relation: str | None = None,
    distance: Literal["weight", "inverse"] = "weight",
) -> pd.Series:
    """Shortest-path betweenness of every actor (Brandes' algorithm).

    ``b(v) = sum over pairs s != v != t of sigma_st(v) / sigma_st``, where
    ``sigma_st`` is the number of shortest paths from ``s`` to ``t`` and
    ``sigma_st(v)`` the number of those through ``v``. Directed networks sum
    over ordered pairs, undirected networks over unordered pairs (each once),
    so the values equal ``networkx.betweenness_centrality(G, normalized=False)``
    and igraph ``Graph.betweenness()``.

    Parameters
    ----------
    net : Network
    normalized : bool, default False
        Divide by the number of pairs that could pass through an actor:
        ``(n-1)(n-2)`` when directed, ``(n-1)(n-2)/2`` when undirected (as
        networkx). No scaling when ``n <= 2``.
    weighted : bool, optional
        {weighted_alias}
    samples : int, optional
        Pivot sampling (networkx ``k=``): expand only this many distinct
        source actors, drawn uniformly with a seeded ``std::mt19937_64``, and
        scale to estimate the exact value as networkx 3.5+ does: by
        ``(n-1)/k`` for non-pivots and ``(n-1)/(k-1)`` for pivots (``k = 1``
        leaves the pivot NaN, as networkx). ``samples = n`` is exact. Must be
        between 1 and the number of actors.
    seed : int, optional
        Seed of the sampling; the same seed gives the same pivots on every
        platform. Default: a random seed.
    threads : int, default 1
        Split the source actors over this many threads. Results equal the
        single-threaded ones up to floating-point summation order.
    pivots : array_like of int, optional
        Explicit pivots (actor indices, positions in ``net.actor_ids``)
        instead of drawn ones, with the same estimator as ``samples =
        len(pivots)``; repeated indices count once. Use it to run other tools
        on identical pivots (igraph ``betweenness(sources=...)``, networkx
        ``betweenness_centrality_subset``). Exclusive with ``samples``.
    weight : str or None, default None
        {weight_rules}
        The weight: used as lengths (Dijkstra) instead of counting ties (BFS).
        Zero-length ties are allowed; shortest paths through them are
        ambiguous, and healthnet follows each zero-length tie only from the
        actor reached first, which keeps the values finite and deterministic
        (networkx's values depend on its processing order in that case).
    relation : str, optional
        {relation_layer}
    distance : {"weight", "inverse"}, default "weight"
        How a weight becomes a length of a path. ``"weight"``: the weight is
        the length (as networkx; a heavier tie is farther). ``"inverse"``:
        the length is ``1 / w``, so strengths such as frequency or trust
        become distances and weekly contact is near, not far (Newman 2001;
        Opsahl, Agneessens & Skvoretz 2010). Needs a weight, and ties of
        weight 0 are then rejected (ValueError: 1/0 is no length).

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"betweenness"``; empty for an empty
        network, zeros for one or two actors or no ties.

    Raises
    ------
    ValueError
        If ``samples``, ``threads`` or a pivot is out of range, or both
        ``samples`` and ``pivots`` are given.

    Notes
    -----
    O(n m) unweighted, O(n m log n) weighted (``k`` sources instead of ``n``
    when sampled).

    References
    ----------
    Brandes (2001); networkx ``betweenness_centrality``; igraph ``betweenness``.
    """
    g, weighted = _select(net, weight, relation, weighted, distance=distance)
    if seed is not None:
        seed = operator.index(seed) % 2**64
    if pivots is not None:
        pivots = np.asarray(pivots)
        if pivots.ndim != 1 or not (pivots.size == 0 or np.issubdtype(pivots.dtype, np.integer)):
            raise ValueError("pivots: expected a 1-d array of actor indices")
    values = _core.betweenness(g, normalized, weighted, samples, seed, threads, pivots)
    return _actor_series(net, values, "betweenness")


@_reads_network
@_shared_doc
def closeness(
    net: Network,
    weighted: bool | None = None,
    wf_improved: bool = True,
    threads: int = 1,
    *,
    weight: str | None = None,
    relation: str | None = None,
    distance: Literal["weight", "inverse"] = "weight",
) -> pd.Series:
    """Closeness centrality of every actor, as ``networkx.closeness_centrality``.

    ``C(u) = (r - 1) / sum_v d(v, u)`` over the ``r`` actors (``u`` included)
    that reach ``u``. In a directed network ``d(v, u)`` is the INWARD
    distance, from the other actors to ``u``, as networkx uses by default
    (reverse the ties for outward distance).

    Parameters
    ----------
    net : Network
    weighted : bool, optional
        {weighted_alias}
    wf_improved : bool, default True
        Multiply by ``(r - 1) / (n - 1)`` (Wasserman and Faust's scaling for
        networks that are not connected).
    threads : int, default 1
        Share the source actors out over this many threads; every actor's
        value is computed by one thread, so results are identical.
    weight : str or None, default None
        {weight_rules}
        The weight: used as lengths (see the module docstring).
    relation : str, optional
        {relation_layer}
    distance : {"weight", "inverse"}, default "weight"
        How a weight becomes a length of a path. ``"weight"``: the weight is
        the length (as networkx; a heavier tie is farther). ``"inverse"``:
        the length is ``1 / w``, so strengths such as frequency or trust
        become distances and weekly contact is near, not far (Newman 2001;
        Opsahl, Agneessens & Skvoretz 2010). Needs a weight, and ties of
        weight 0 are then rejected (ValueError: 1/0 is no length).

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"closeness"``. 0 for an actor no one
        reaches, for a distance sum of 0 (zero-length ties) and for ``n = 1``.

    Notes
    -----
    Unweighted: bit-parallel BFS, 64 sources per traversal,
    O(n m / 64 + n^2). Weighted: one Dijkstra per actor, O(n m log n).

    References
    ----------
    networkx ``closeness_centrality``; Wasserman and Faust (1994);
    igraph ``closeness(mode="in")`` on strongly connected networks.
    """
    g, weighted = _select(net, weight, relation, weighted, distance=distance)
    return _actor_series(net, _core.closeness(g, weighted, wf_improved, threads), "closeness")


@_reads_network
@_shared_doc
def harmonic_closeness(
    net: Network,
    weighted: bool | None = None,
    normalized: bool = False,
    *,
    weight: str | None = None,
    relation: str | None = None,
    distance: Literal["weight", "inverse"] = "weight",
) -> pd.Series:
    """Harmonic closeness of every actor, as ``networkx.harmonic_centrality``.

    ``H(u) = sum over v != u of 1 / d(v, u)``: unreachable actors add 0 and
    actors at distance 0 (zero-length ties) add nothing, as in networkx.
    Directed networks use INWARD distance, like :func:`closeness`.

    Parameters
    ----------
    net : Network
    weighted : bool, optional
        {weighted_alias}
    normalized : bool, default False
        Divide by ``n - 1`` (igraph ``harmonic_centrality(normalized=True)``),
        giving values in [0, 1]. networkx's is the unnormalized sum.
    weight : str or None, default None
        {weight_rules}
        The weight: used as lengths (see the module docstring).
    relation : str, optional
        {relation_layer}
    distance : {"weight", "inverse"}, default "weight"
        How a weight becomes a length of a path. ``"weight"``: the weight is
        the length (as networkx; a heavier tie is farther). ``"inverse"``:
        the length is ``1 / w``, so strengths such as frequency or trust
        become distances and weekly contact is near, not far (Newman 2001;
        Opsahl, Agneessens & Skvoretz 2010). Needs a weight, and ties of
        weight 0 are then rejected (ValueError: 1/0 is no length).

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"harmonic_closeness"``.

    References
    ----------
    networkx ``harmonic_centrality``; Marchiori and Latora (2000);
    Boldi and Vigna (2014).
    """
    g, weighted = _select(net, weight, relation, weighted, distance=distance)
    values = _core.harmonic_closeness(g, weighted, normalized)
    return _actor_series(net, values, "harmonic_closeness")


@_reads_network
@_shared_doc
def eigenvector_centrality(
    net: Network,
    weighted: bool | None = None,
    max_iter: int = 1000,
    tol: float = 1e-10,
    *,
    weight: str | None = None,
    relation: str | None = None,
) -> pd.Series:
    """Eigenvector centrality of every actor, as ``networkx.eigenvector_centrality``.

    Power iteration on ``A + I`` from the uniform vector, scaled to unit
    Euclidean length at each step, until ``sum |x - x_previous| < n * tol``.
    An actor gathers the scores of the actors tied to it; in a directed
    network, of those that send it a tie (the left eigenvector, as networkx
    and igraph). On networks that are not connected the leading eigenvector
    is not unique: the result is what this iteration gives, the same values
    networkx gives.

    Parameters
    ----------
    net : Network
    weighted : bool, optional
        {weighted_alias}
    max_iter : int, default 1000
    tol : float, default 1e-10
    weight : str or None, default None
        {weight_rules}
        The weight: used (strengths) as the entries of ``A``.
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"eigenvector_centrality"``, with unit
        Euclidean length. Empty for an empty network (networkx raises).

    Raises
    ------
    ValueError
        If the iteration does not converge within ``max_iter`` steps (as on
        most directed acyclic networks), or for a bad ``max_iter``/``tol``.

    References
    ----------
    networkx ``eigenvector_centrality``; igraph ``eigenvector_centrality``
    (up to scale); Bonacich (1987).
    """
    g, weighted = _select(net, weight, relation, weighted)
    values = _core.eigenvector_centrality(g, weighted, max_iter, tol)
    return _actor_series(net, values, "eigenvector_centrality")


@_reads_network
@_shared_doc
def pagerank(
    net: Network,
    alpha: float = 0.85,
    weighted: bool | None = None,
    max_iter: int = 1000,
    tol: float = 1e-12,
    *,
    weight: str | None = "weight",
    relation: str | None = None,
) -> pd.Series:
    """PageRank of every actor, as ``networkx.pagerank``.

    Power iteration ``x <- alpha (x P + dangling / n) + (1 - alpha) / n``
    where ``P`` passes an actor's score to the actors it sends ties to, in
    proportion to the tie weights. Actors without outgoing ties (or with only
    ties of weight 0) spread their score uniformly. Undirected ties count in
    both directions. Stops when ``sum |x - x_previous| < n * tol``.

    Parameters
    ----------
    net : Network
    alpha : float, default 0.85
        Damping factor, between 0 and 1.
    weighted : bool, optional
        {weighted_alias}
    max_iter : int, default 1000
    tol : float, default 1e-12
    weight : str or None, default "weight"
        {weight_rules}
        Pass score in proportion to tie weight (strength); False: equally.
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"pagerank"``, summing to 1.

    Raises
    ------
    ValueError
        If the iteration does not converge within ``max_iter`` steps, or for
        a bad ``alpha``/``max_iter``/``tol``.

    References
    ----------
    networkx ``pagerank``; igraph ``pagerank``; Page et al. (1999).
    """
    g, weighted = _select(net, weight, relation, weighted, default_weight="weight")
    return _actor_series(net, _core.pagerank(g, alpha, weighted, max_iter, tol), "pagerank")


def degree_centralization(net: Network, mode: Mode = "all") -> float:
    """Freeman degree centralization: ``sum (max d - d_i) / theoretical max``.

    ``d_i`` is the raw degree without self-loops. The theoretical maximum (a
    star's) is ``(n-1)(n-2)`` undirected, ``(n-1)^2`` for directed ``"in"``
    and ``"out"``, and ``2(n-1)(n-2)`` for directed ``"all"`` (in + out), as
    igraph ``centr_degree(loops=FALSE)``; R sna ``centralization(g, degree)``
    gives the same values.

    Parameters
    ----------
    net : Network
    mode : {"all", "in", "out"}, default "all"
        Ties counted in a directed network; ignored when undirected.

    Returns
    -------
    float
        In [0, 1]; NaN when the theoretical maximum is 0 (fewer than three
        actors, or fewer than two for directed ``"in"``/``"out"``).

    References
    ----------
    Freeman (1979); igraph ``centralization_degree``.
    """
    return _core.degree_centralization(net, mode)


def betweenness_centralization(net: Network) -> float:
    """Freeman betweenness centralization.

    ``sum (max b - b_i) / theoretical max`` with unnormalized, unweighted
    :func:`betweenness`; the maximum (a star's) is ``(n-1)^2 (n-2)`` when
    directed and ``(n-1)^2 (n-2) / 2`` when undirected, as igraph.

    Parameters
    ----------
    net : Network

    Returns
    -------
    float
        In [0, 1]; NaN for fewer than three actors.

    References
    ----------
    Freeman (1979); igraph ``centralization_betweenness``.
    """
    return _core.betweenness_centralization(net)


def closeness_centralization(net: Network, mode: Mode = "in") -> float:
    """Freeman closeness centralization, as igraph ``centralization_closeness``.

    ``sum (max c - c_i) / theoretical max`` where ``c_i = (r - 1) / sum of
    distances`` over the ``r`` actors (``i`` included) connected to ``i``
    (igraph's normalized closeness: unweighted, no Wasserman-Faust factor).
    The maximum is ``(n-1)(n-2)/(2n-3)`` for undirected networks or
    ``mode="all"``, and ``(n-1)(1 - 1/n)`` for ``"in"``/``"out"``.

    Parameters
    ----------
    net : Network
    mode : {"in", "out", "all"}, default "in"
        Directed networks: distances from the others to ``i`` (as
        :func:`closeness`), from ``i`` to the others, or ignoring direction.
        Ignored when undirected.

    Returns
    -------
    float
        NaN when the maximum is 0 (fewer than three actors when undirected
        or ``"all"``, fewer than two otherwise). Equals igraph's value
        whenever every actor is connected to another; an actor no one
        reaches counts ``c_i = 0`` here, where igraph's result is NaN.

    References
    ----------
    Freeman (1979); igraph ``centralization_closeness``.
    """
    return _core.closeness_centralization(net, mode)


def eigenvector_centralization(net: Network, max_iter: int = 1000, tol: float = 1e-10) -> float:
    """Freeman eigenvector centralization, as igraph ``centralization_eigenvector_centrality``.

    ``sum (max e - e_i) / theoretical max`` with :func:`eigenvector_centrality`
    (unweighted) scaled to a maximum of 1; the maximum is ``n - 2`` undirected
    and ``n - 1`` directed (igraph's choices).

    Parameters
    ----------
    net : Network
    max_iter : int, default 1000
    tol : float, default 1e-10
        Passed to :func:`eigenvector_centrality`.

    Returns
    -------
    float
        NaN when the maximum is 0 (``n <= 2`` undirected, ``n <= 1``
        directed). Equals igraph's value on connected (directed: strongly
        connected) networks; elsewhere the eigenvector is not unique and the
        scores follow :func:`eigenvector_centrality`.

    Raises
    ------
    ValueError
        If the power iteration does not converge.

    References
    ----------
    Freeman (1979); igraph ``centralization_eigenvector_centrality``.
    """
    return _core.eigenvector_centralization(net, max_iter, tol)
