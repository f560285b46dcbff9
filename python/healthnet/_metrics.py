# SPDX-License-Identifier: MIT
"""First metrics: density, degree, strength, isolates, sector counts."""

from __future__ import annotations

import functools
import operator
import threading
import weakref
from typing import Literal

import pandas as pd

from . import _core
from ._core import Network
from ._layers import _select, _shared_doc

Mode = Literal["all", "in", "out"]


def _check_seed(seed, name: str = "seed") -> int:
    """A seed as the C++ kernels take it (0 to 2**64 - 1), or a clear ValueError."""
    try:
        value = operator.index(seed)
    except TypeError:
        raise TypeError(f"{name}: expected an integer, got {type(seed).__name__}") from None
    if not 0 <= value < 2**64:
        raise ValueError(f"{name}: expected an integer from 0 to 2**64 - 1, got {value}")
    return value


def _reads_network(function):
    """Run ``function(net, ...)`` under one shared lock of ``net``.

    A per-actor result is computed in C++ and then labelled with the actor
    ids; both must see the same network. While the lock is held, a thread
    that changes the network waits (docs/limits.md, "Threads"); the calls
    inside share the lock.
    """

    @functools.wraps(function)
    def reading(net, *args, **kwargs):
        guard = getattr(net, "_reading", None)
        if guard is None:  # not a Network: let the function raise its TypeError
            return function(net, *args, **kwargs)
        with guard():
            return function(net, *args, **kwargs)

    return reading


# Per network (by id, dropped with the network): (actor revision, Index).
_ACTOR_INDEX_CACHE: dict[int, tuple[weakref.ref, int, pd.Index]] = {}
_ACTOR_INDEX_LOCK = threading.Lock()


@_reads_network
def actor_index(net: Network) -> pd.Index:
    """The actor ids as an immutable ``pandas.Index`` named ``"actor"``: int64
    when ``net.id_kind`` is ``"integer"``, else object (str).

    Built once per actor list and reused while no actor is added or removed
    (``Network._actor_revision``): on 100k actors building it takes about 9 ms,
    far more than most metrics.
    """
    key = id(net)
    revision = net._actor_revision
    with _ACTOR_INDEX_LOCK:
        hit = _ACTOR_INDEX_CACHE.get(key)
    if hit is not None and hit[0]() is net and hit[1] == revision:
        return hit[2].copy()  # shallow: a caller renaming its index must not rename ours
    # int64 when the network has integer ids (Network.id_kind), so that a join
    # with the user's integer-indexed frame matches; else the str ids.
    integer = net.id_kind == "integer"
    index = pd.Index(net.actor_ids, dtype="int64" if integer else object, name="actor")

    def forget(_ref: weakref.ref, key: int = key) -> None:
        with _ACTOR_INDEX_LOCK:
            entry = _ACTOR_INDEX_CACHE.get(key)
            if entry is not None and entry[0] is _ref:
                del _ACTOR_INDEX_CACHE[key]

    with _ACTOR_INDEX_LOCK:
        _ACTOR_INDEX_CACHE[key] = (weakref.ref(net, forget), revision, index)
    return index.copy()


def _actor_series(net: Network, values, name: str) -> pd.Series:
    return pd.Series(values, index=actor_index(net), name=name, copy=False)


@_shared_doc
def density(
    net: Network,
    weighted: bool | None = None,
    *,
    missing: str = "absent",
    seed: int = 1,
    weight: str | None = None,
    relation: str | None = None,
) -> float:
    """Share of possible ties that exist.

    Binary: ``m / (n(n-1))`` when directed, ``2m / (n(n-1))`` when
    undirected. Valued (with ``weight=``): the sum of tie weights over the
    same number of possible pairs (UCINET valued density, R sna ``gden``).

    Parameters
    ----------
    net : Network
    weighted : bool, optional
        {weighted_alias}
    missing : {"absent", "exclude", "reconstruct", "impute"}, default "absent"
        The ties of the ``k`` non-respondents (actors with
        ``respondent=False``; unknown counts as observed).
        ``"absent"``: unreported ties are absent (every dyad observed).
        ``"exclude"``: observed dyads only, as R sna ``gden`` with NA
        edges; directed, a non-respondent's outgoing dyads are unobserved:
        ``(ties sent by others) / ((n - k)(n - 1))``; undirected, only dyads
        of two non-respondents are: ``(ties not between two
        non-respondents) / (n(n-1)/2 - k(k-1)/2)``; NaN when no dyad is
        observed. ``"reconstruct"``: the density of
        :func:`healthnet.reconstruct_missing` (Stork & Richards 1992).
        ``"impute"``: the density of :func:`healthnet.impute_missing` with
        ``seed`` (Huisman 2009), a random draw at the observed density.
    seed : int, default 1
        Seed of ``missing="impute"``; the same seed gives the same value.
    weight : str or None, default None
        {weight_rules}
    relation : str, optional
        {relation_layer}

    Returns
    -------
    float
        0 for networks with fewer than two actors.

    Raises
    ------
    ValueError
        For an unknown ``missing``.

    References
    ----------
    networkx ``density``; R sna ``gden``; igraph ``density(loops=False)``;
    Stork & Richards (1992); Huisman (2009).
    """
    g, weighted = _select(net, weight, relation, weighted)
    return _core.density(g, weighted, missing, _check_seed(seed))


@_reads_network
@_shared_doc
def degree(
    net: Network,
    mode: Mode = "all",
    weighted: bool | None = None,
    *,
    weight: str | None = None,
    relation: str | None = None,
) -> pd.Series:
    """Degree of every actor.

    Parameters
    ----------
    net : Network
    mode : {"all", "in", "out"}, default "all"
        For directed networks: ties received, sent, or both (their sum).
        Ignored for undirected networks.
    weighted : bool, optional
        {weighted_alias}
    weight : str or None, default None
        {weight_rules}
        The weight: summed instead of counting ties (strength).
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.Series
        Indexed by actor id, in actor order.

    References
    ----------
    networkx ``Graph.degree`` / ``DiGraph.in_degree`` / ``out_degree``;
    igraph ``degree``/``strength``.
    """
    g, weighted = _select(net, weight, relation, weighted)
    return _actor_series(net, _core.degree(g, mode, weighted), "strength" if weighted else "degree")


@_reads_network
def strength(
    net: Network, mode: Mode = "all", *, weight: str | None = "weight", relation: str | None = None
) -> pd.Series:
    """Weighted degree: the sum of the weights of each actor's ties.

    Parameters
    ----------
    net : Network
    mode : {"all", "in", "out"}, default "all"
    weight : str, default "weight"
        The tie weight, or any numeric tie attribute (e.g. ``"trust"``), as
        in :func:`degree`.
    relation : str, optional
        One relation layer, as in :func:`degree`.

    Returns
    -------
    pandas.Series
        Indexed by actor id.

    References
    ----------
    networkx ``degree(weight="weight")``; igraph ``strength``.
    """
    if weight is None:
        raise ValueError("weight: strength needs a weight ('weight' or a numeric tie attribute); use degree() to count ties")
    return degree(net, mode, weight=weight, relation=relation)


def profile(net: Network) -> pd.Series:
    """All whole-network metrics that need no grouping, as one Series.

    Size, density (binary and valued), mean and largest degree, isolates,
    sectors present, reciprocity, transitivity, average clustering, the four
    Freeman centralizations, components, the largest component's share,
    fragmentation (also without the coordination office's members) and
    multiplexity. Each value is defined as by the function of the same name.

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        Indexed by metric name (stable snake_case names), float values; NaN
        where a metric is undefined (e.g. reciprocity without ties).
    """
    names, values = _core.profile(net)
    return pd.Series(values, index=pd.Index(names, name="metric"), name="value")


def metric(net: Network, name: str, by: str = "sector") -> float:
    """One whole-network metric by name (see :func:`metrics`).

    Parameters
    ----------
    net : Network
    name : str
        A name from ``hn.metrics().index``, e.g. ``"coverage_ratio"``.
    by : str, default "sector"
        Grouping of the grouped metrics (E-I, assortativity, ...).

    Returns
    -------
    float

    Raises
    ------
    KeyError
        For an unknown name, and for a grouped metric whose ``by`` is neither
        ``"sector"`` nor an attribute some actor carries (both messages list
        the known names, with a "did you mean").
    """
    return _core.evaluate_metric(net, name, by)


def metrics() -> pd.DataFrame:
    """The catalogue of named whole-network metrics.

    Returns
    -------
    pandas.DataFrame
        Indexed by name, with English and German labels and whether the
        metric takes a grouping (``grouped``) or is part of :func:`profile`.
    """
    rows = _core.metric_catalog()
    return pd.DataFrame(rows, columns=["name", "label_en", "label_de", "grouped", "structural"]).set_index("name")


def isolates(net: Network) -> list[str]:
    """Ids of the actors without any tie, in actor order.

    Parameters
    ----------
    net : Network

    Returns
    -------
    list of str

    References
    ----------
    networkx ``isolates``.
    """
    return _core.isolates(net)


def sector_counts(net: Network) -> pd.Series:
    """Number of actors per primary sector.

    Taxonomy sectors come first in taxonomy order (only those present), then
    other sector values alphabetically, then ``"(missing)"`` for actors
    without a sector.

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        Indexed by sector id, named ``"actors"``.
    """
    pairs = _core.sector_counts(net)
    return pd.Series(
        [count for _, count in pairs],
        index=pd.Index([sector for sector, _ in pairs], name="sector"),
        name="actors",
        dtype="int64",
    )
