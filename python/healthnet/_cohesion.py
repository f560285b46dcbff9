# SPDX-License-Identifier: MIT
"""Cohesion: reciprocity, transitivity, clustering and Burt's structural holes."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from . import _core
from ._core import Network
from ._layers import _select, _shared_doc
from ._metrics import _actor_series, _check_seed, _reads_network, actor_index

__all__ = [
    "average_clustering",
    "constraint",
    "dyad_census",
    "effective_size",
    "efficiency",
    "local_clustering",
    "reciprocity",
    "structural_holes",
    "transitivity",
    "triangles",
]

ReciprocityMeasure = Literal["edgewise", "dyadic", "dyadic.nonnull"]


def dyad_census(net: Network) -> dict[str, int]:
    """Numbers of mutual, asymmetric and null dyads.

    Every unordered pair of distinct actors is mutual (tied both ways),
    asymmetric (tied one way) or null (not tied). Undirected ties are mutual.
    Self-loops are ignored.

    Parameters
    ----------
    net : Network

    Returns
    -------
    dict
        ``{"mutual": M, "asymmetric": A, "null": N}`` with
        ``M + A + N = n(n-1)/2``.

    References
    ----------
    R sna ``dyad.census``; igraph ``Graph.dyad_census``.
    """
    mutual, asymmetric, null = _core.dyad_census(net)
    return {"mutual": mutual, "asymmetric": asymmetric, "null": null}


def reciprocity(
    net: Network, measure: ReciprocityMeasure = "edgewise", *, missing: str = "absent", seed: int = 1
) -> float:
    """How far ties are returned.

    With ``M`` mutual, ``A`` asymmetric and ``N`` null dyads
    (:func:`dyad_census`):

    - ``"edgewise"``: share of ties (arcs) whose reverse tie exists,
      ``2M / (2M + A)``. R sna ``grecip(measure="edgewise")`` and
      ``networkx.reciprocity`` (reciprocated arcs / arcs) agree on it.
    - ``"dyadic"``: share of symmetric dyads, ``(M + N) / (M + A + N)``;
      R sna ``grecip(measure="dyadic")``.
    - ``"dyadic.nonnull"``: share of tied dyads that are mutual,
      ``M / (M + A)``; R sna ``grecip(measure="dyadic.nonnull")``.

    Parameters
    ----------
    net : Network
    measure : {"edgewise", "dyadic", "dyadic.nonnull"}, default "edgewise"
        The default is networkx's; R sna ``grecip`` defaults to ``"dyadic"``.
    missing : {"absent", "exclude", "reconstruct", "impute"}, default "absent"
        The ties of non-respondents (actors with ``respondent=False``):
        ``"absent"`` counts every dyad (unreported ties are absent);
        ``"exclude"`` counts only dyads of two actors that are not
        non-respondents (respondent or unknown), since a dyad with a
        non-respondent can never be seen reciprocated; ``"reconstruct"``
        measures :func:`healthnet.reconstruct_missing` (Stork & Richards
        1992), where every reported tie to a non-respondent is returned;
        ``"impute"`` measures :func:`healthnet.impute_missing` with ``seed``
        (Huisman 2009). Undirected networks are unaffected.
    seed : int, default 1
        Seed of ``missing="impute"``.

    Returns
    -------
    float
        Undirected networks are symmetric, so every measure is 1.0 where it
        is defined (as R sna; networkx raises). NaN when the denominator is
        0: ``"edgewise"`` and ``"dyadic.nonnull"`` for a network without
        ties (networkx raises), ``"dyadic"`` for fewer than two actors.
        Self-loops are ignored; weights are not used.

    Raises
    ------
    ValueError
        For an unknown ``measure`` or ``missing``.

    References
    ----------
    R sna ``grecip``; ``networkx.reciprocity``; Stork & Richards (1992).
    """
    return _core.reciprocity(net, measure, missing, _check_seed(seed))


def transitivity(net: Network) -> float:
    """Share of two-paths that are closed (global clustering).

    Undirected: ``3 * triangles / connected triples``, as
    ``networkx.transitivity`` and igraph ``transitivity_undirected``.

    Directed: R sna ``gtrans(measure="weak")``: of all two-paths
    ``i -> j -> k`` with ``i != k``, the share closed by the tie ``i -> k``.
    This is not networkx's directed clustering (see :func:`local_clustering`).

    Parameters
    ----------
    net : Network

    Returns
    -------
    float
        0.0 when there is no triangle or no two-path, directed or not (as
        networkx for undirected networks; when there is no two-path at all
        igraph gives NaN and sna 1). Weights are not used; a tie of weight 0
        is a tie; self-loops are ignored.

    Notes
    -----
    Triangles are counted with the forward algorithm on degree-ordered,
    sorted adjacency rows: ``O(m sqrt(m))``.

    References
    ----------
    ``networkx.transitivity``; igraph ``Graph.transitivity_undirected``;
    R sna ``gtrans``.
    """
    return _core.transitivity(net)


@_reads_network
def triangles(net: Network) -> pd.Series:
    """Number of triangles through every actor.

    Directed networks are taken as undirected (a pair tied either way is a
    side of a triangle). Self-loops are ignored.

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        Float counts, indexed by actor id, named ``"triangles"``.

    References
    ----------
    ``networkx.triangles``.
    """
    return _actor_series(net, _core.triangles(net), "triangles")


@_reads_network
def local_clustering(net: Network) -> pd.Series:
    """Local clustering coefficient of every actor.

    Undirected: ``2 t(v) / (d(v) (d(v) - 1))``, the share of pairs of v's
    neighbours that are tied (``networkx.clustering``).

    Directed: Fagiolo's coefficient as ``networkx.clustering`` computes it
    for a DiGraph: ``T(v) / (2 (d_tot (d_tot - 1) - 2 d_bi))`` with
    ``T(v) = ((A + A^T)^3)_vv``, ``d_tot`` in- plus out-degree and ``d_bi``
    the number of reciprocated ties.

    Parameters
    ----------
    net : Network

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"clustering"``; 0.0 for actors in no
        triangle (isolates, actors with one neighbour), as networkx.
        Weights are not used; self-loops are ignored.

    References
    ----------
    ``networkx.clustering``; Fagiolo (2007), Phys. Rev. E 76, 026107.
    """
    return _actor_series(net, _core.local_clustering(net), "clustering")


def average_clustering(net: Network, count_zeros: bool = True) -> float:
    """Mean local clustering coefficient (:func:`local_clustering`).

    Parameters
    ----------
    net : Network
    count_zeros : bool, default True
        If False, average only over actors whose coefficient is not 0.

    Returns
    -------
    float
        NaN when there is nothing to average (no actors, or all
        coefficients 0 with ``count_zeros=False``); networkx raises
        ZeroDivisionError there.

    References
    ----------
    ``networkx.average_clustering``.
    """
    return _core.average_clustering(net, count_zeros)


@_reads_network
@_shared_doc
def structural_holes(
    net: Network,
    weighted: bool | None = None,
    *,
    weight: str | None = None,
    relation: str | None = None,
) -> pd.DataFrame:
    """Burt's constraint, effective size and efficiency in one pass.

    Parameters
    ----------
    net : Network
    weighted : bool, optional
        {weighted_alias}
    weight : str or None, default None
        {weight_rules}
        The weight: used in the mutual weights (see :func:`constraint`).
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id, columns ``constraint``, ``effective_size`` and
        ``efficiency`` (see those functions).
    """
    g, weighted = _select(net, weight, relation, weighted)
    c, e, f = _core.structural_holes(g, weighted)
    return pd.DataFrame(
        {"constraint": c, "effective_size": e, "efficiency": f},
        index=actor_index(net),
    )


@_reads_network
@_shared_doc
def constraint(
    net: Network,
    weighted: bool | None = None,
    *,
    weight: str | None = None,
    relation: str | None = None,
) -> pd.Series:
    """Burt's constraint of every actor.

    ``c(i) = sum_{j in N(i)} (p_ij + sum_{q in N(i), q != j} p_iq p_qj)^2``
    where ``N(i)`` are the actors tied to ``i`` in either direction and
    ``p_ij = (a_ij + a_ji) / sum_{k in N(i)} (a_ik + a_ki)`` is the share of
    ``i``'s (mutual) tie weight that goes to ``j``. High when ``i``'s
    contacts are few or tied to each other; low when ``i`` spans structural
    holes.

    Parameters
    ----------
    net : Network
    weighted : bool, optional
        {weighted_alias}
    weight : str or None, default None
        {weight_rules}
        The weight: used as ``a_ij`` (networkx ``weight="weight"``);
        otherwise every tie has weight 1.
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"constraint"``. NaN for isolates and,
        when weighted, for actors whose ties all have weight 0. A tie of
        weight 0 is still a tie: its other end is a contact with ``p = 0``.
        In a directed network an actor with only incoming ties gets its
        value like any other (networkx without scipy returns NaN for it).
        Self-loops are ignored.

    References
    ----------
    ``networkx.constraint``; Burt (2004), "Structural holes and good ideas",
    American Journal of Sociology 110: 349-399.
    """
    g, weighted = _select(net, weight, relation, weighted)
    return _actor_series(net, _core.constraint(g, weighted), "constraint")


@_reads_network
@_shared_doc
def effective_size(
    net: Network,
    weighted: bool | None = None,
    *,
    weight: str | None = None,
    relation: str | None = None,
) -> pd.Series:
    """Burt's effective size of every actor's ego network.

    ``e(i) = sum_{j in N(i)} (1 - sum_{q in N(i), q != j} p_iq m_jq)`` with
    ``p`` as in :func:`constraint` and ``m_jq = (a_jq + a_qj) / max_k (a_jk +
    a_kj)`` the marginal strength of ``j``'s tie to ``q``: the number of
    contacts less their redundancy. For undirected, unweighted networks this
    is Borgatti's ``n - 2t/n`` (``n`` contacts, ``t`` ties among them).

    Parameters
    ----------
    net : Network
    weighted : bool, optional
        {weighted_alias}
    weight : str or None, default None
        {weight_rules}
        The weight: used (networkx ``weight="weight"``).
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"effective_size"``; edge cases as in
        :func:`constraint` (NaN for isolates).

    References
    ----------
    ``networkx.effective_size``; Burt (1995), *Structural Holes*;
    Borgatti (1997), "Structural holes: unpacking Burt's redundancy
    measures", Connections 20(1).
    """
    g, weighted = _select(net, weight, relation, weighted)
    return _actor_series(net, _core.effective_size(g, weighted), "effective_size")


@_reads_network
@_shared_doc
def efficiency(
    net: Network,
    weighted: bool | None = None,
    *,
    weight: str | None = None,
    relation: str | None = None,
) -> pd.Series:
    """Burt's efficiency: effective size divided by the number of contacts.

    The number of contacts is the number of distinct actors tied to the
    actor in either direction, so efficiency lies in [0, 1]. For undirected
    networks this is networkx's ``effective_size(G)[v] / G.degree(v)``. For
    directed networks networkx's documented recipe divides by
    ``G.degree(v)`` (in- plus out-degree, counting a reciprocated tie
    twice); healthnet divides by the number of contacts, as Burt and UCINET.

    Parameters
    ----------
    net : Network
    weighted : bool, optional
        {weighted_alias}
    weight : str or None, default None
        {weight_rules}
        The weight: used in the effective size (networkx ``weight="weight"``).
    relation : str, optional
        {relation_layer}

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``"efficiency"``; NaN for isolates (edge
        cases as in :func:`constraint`).

    References
    ----------
    Burt (1992), *Structural Holes*; ``networkx.effective_size`` (Notes).
    """
    g, weighted = _select(net, weight, relation, weighted)
    return _actor_series(net, _core.efficiency(g, weighted), "efficiency")
