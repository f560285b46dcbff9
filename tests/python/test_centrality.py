# SPDX-License-Identifier: MIT
"""Centrality and centralization, cross-checked on the five generated graphs.

Oracles:
- betweenness: ``networkx.betweenness_centrality`` (normalized or not,
  ``weight="weight"``; ``k=`` for the sampling convention);
- closeness: ``networkx.closeness_centrality`` (``distance=``, ``wf_improved=``);
- harmonic closeness: ``networkx.harmonic_centrality``; normalized:
  igraph ``Graph.harmonic_centrality(mode="in", normalized=True)``;
- eigenvector: ``networkx.eigenvector_centrality`` run with the same
  ``max_iter``/``tol`` (the same iteration, so compared at 1e-9);
- PageRank: igraph ``Graph.pagerank`` (PRPACK, exact; ``networkx.pagerank``
  needs scipy, which the test environment lacks); iterative, so 1e-8;
- centralization: igraph's node scores (``degree(loops=False)``,
  ``betweenness``, ``closeness(mode=...)``, ``eigenvector_centrality(scale=True)``)
  put through igraph's Freeman formula and theoretical maxima
  (``igraph_centralization_*_tmax`` in igraph's src/centrality/centralization.c;
  python-igraph does not expose the ``centralization_*`` functions).
Tolerance 1e-9 unless stated.
"""

from __future__ import annotations

import math

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import healthnet as hn
from conftest import to_healthnet

TOL = 1e-9


def as_series(net: hn.Network, values: dict) -> pd.Series:
    """A networkx result (node -> value) in healthnet's actor order."""
    by_id = {str(k): float(v) for k, v in values.items()}
    return pd.Series([by_id[a] for a in net.actor_ids], index=net.actor_ids, dtype=float)


def assert_close(got: pd.Series, want, tol: float = TOL) -> None:
    if isinstance(want, pd.Series):
        assert list(got.index) == list(want.index)
    np.testing.assert_allclose(np.asarray(got, float), np.asarray(want, float), rtol=tol, atol=tol)


def to_igraph(g) -> ig.Graph:
    """The networkx graph as igraph, vertices in node order, weights kept."""
    pos = {v: i for i, v in enumerate(g.nodes)}
    out = ig.Graph(n=len(pos), edges=[(pos[u], pos[v]) for u, v in g.edges], directed=g.is_directed())
    out.es["weight"] = [w for _, _, w in g.edges(data="weight")]
    return out


def freeman(scores, tmax: float) -> float:
    """igraph_centralization(): sum(max - c) / tmax."""
    c = np.asarray(scores, float)
    return float((c.max() - c).sum() / tmax)


def star(n: int, directed: bool = False):
    g = nx.star_graph(n - 1, create_using=nx.DiGraph if directed else nx.Graph)
    for v in g.nodes:
        g.nodes[v]["sector"] = "outpatient_care"
    for u, v in g.edges:
        g.edges[u, v]["weight"] = 1.0
    return g


def make(directed: bool, ids, ties) -> hn.Network:
    net = hn.Network(directed=directed)
    for a in ids:
        net.add_actor(a)
    for s, t, w in ties:
        net.add_tie(s, t, weight=w)
    return net


# ---- betweenness ---------------------------------------------------------------


@pytest.mark.parametrize("normalized", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_betweenness_matches_networkx(graph_pair, normalized, weighted):
    g, net = graph_pair
    want = nx.betweenness_centrality(g, normalized=normalized, weight="weight" if weighted else None)
    got = hn.betweenness(net, normalized=normalized, weighted=weighted)
    assert got.name == "betweenness"
    assert list(got.index) == net.actor_ids
    assert_close(got, as_series(net, want))


@pytest.mark.parametrize("weighted", [False, True])
def test_betweenness_threads_match_single_thread(graph_pair, weighted):
    g, net = graph_pair
    one = hn.betweenness(net, weighted=weighted)
    assert_close(hn.betweenness(net, weighted=weighted, threads=2), one)
    assert_close(hn.betweenness(net, weighted=weighted, threads=7, samples=10, seed=3),
                 hn.betweenness(net, weighted=weighted, samples=10, seed=3))


def test_betweenness_all_samples_is_exact(graph_pair):
    g, net = graph_pair
    n = net.n_actors
    want = as_series(net, nx.betweenness_centrality(g, normalized=False))
    assert_close(hn.betweenness(net, samples=n, seed=11), want)


def test_betweenness_sampling_is_reproducible(graph_pair):
    g, net = graph_pair
    a = hn.betweenness(net, samples=10, seed=123)
    pd.testing.assert_series_equal(a, hn.betweenness(net, samples=10, seed=123))
    # Negative and huge seeds are taken modulo 2**64.
    pd.testing.assert_series_equal(hn.betweenness(net, samples=10, seed=-1),
                                   hn.betweenness(net, samples=10, seed=2**64 - 1))
    assert any(not hn.betweenness(net, samples=10, seed=s).equals(a) for s in range(5))


@pytest.mark.parametrize("normalized", [False, True])
@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_sampling_scales_as_networkx(normalized, directed):
    # On a star every pivot set gives the exact values under networkx's
    # (n-1)/k and (n-1)/(k-1) scaling, so networkx's own k= result is the oracle.
    g = star(9, directed=directed)
    if directed:  # make the hub a broker: leaves -> hub -> leaves
        g.add_edges_from([(v, 0) for v in range(1, 9)], weight=1.0)
    net = hn.Network(directed=directed)
    for v in g.nodes:
        net.add_actor(str(v))
    for u, v in g.edges:
        net.add_tie(str(u), str(v))
    for k in (2, 5, 8):
        want = nx.betweenness_centrality(g, k=k, normalized=normalized, seed=k)
        for seed in range(4):
            got = hn.betweenness(net, normalized=normalized, samples=k, seed=seed)
            assert_close(got, as_series(net, want))


def test_betweenness_sampling_estimates_exact_on_average():
    # Unbiased estimator: the mean over many seeds approaches the exact sum.
    g = nx.gnp_random_graph(40, 0.1, seed=1)
    net = hn.Network()
    for v in g.nodes:
        net.add_actor(str(v))
    for u, v in g.edges:
        net.add_tie(str(u), str(v))
    exact = sum(nx.betweenness_centrality(g, normalized=False).values())
    mean = np.mean([hn.betweenness(net, samples=10, seed=s).sum() for s in range(300)])
    assert mean == pytest.approx(exact, rel=0.03)


def test_betweenness_one_pivot_is_nan_for_the_pivot():
    net = make(False, "abcd", [("a", "b", 1), ("b", "c", 1), ("c", "d", 1)])
    b = hn.betweenness(net, samples=1, seed=5)
    assert b.isna().sum() == 1


def test_betweenness_zero_weight_tie():
    # a --0-- b --1-- c: the one shortest a-c path runs through b, so b = 1.
    # (networkx gives 1.5 here: it adds path counts to actors it has already
    # finished when a zero-length tie closes a cycle.)
    net = make(False, "abc", [("a", "b", 0), ("b", "c", 1)])
    assert hn.betweenness(net, weighted=True).tolist() == [0.0, 1.0, 0.0]


@pytest.mark.parametrize(
    "kwargs, word",
    [(dict(samples=0), "samples"), (dict(samples=41), "samples"), (dict(threads=0), "threads"),
     (dict(threads=-2), "threads")],
)
def test_betweenness_bad_arguments(kwargs, word):
    net = hn.synthetic_region(40, 80, seed=2)
    with pytest.raises(ValueError, match=word):
        hn.betweenness(net, **kwargs)


# ---- closeness -------------------------------------------------------------------


@pytest.mark.parametrize("wf_improved", [True, False])
@pytest.mark.parametrize("weighted", [False, True])
def test_closeness_matches_networkx(graph_pair, wf_improved, weighted):
    g, net = graph_pair
    want = nx.closeness_centrality(g, distance="weight" if weighted else None, wf_improved=wf_improved)
    got = hn.closeness(net, weighted=weighted, wf_improved=wf_improved)
    assert got.name == "closeness"
    assert_close(got, as_series(net, want))


@pytest.mark.parametrize("weighted", [False, True])
def test_harmonic_closeness_matches_networkx(graph_pair, weighted):
    g, net = graph_pair
    want = nx.harmonic_centrality(g, distance="weight" if weighted else None)
    assert_close(hn.harmonic_closeness(net, weighted=weighted), as_series(net, want))


def test_normalized_harmonic_closeness_matches_igraph(graph_pair):
    g, net = graph_pair
    want = to_igraph(g).harmonic_centrality(mode="in", normalized=True)
    assert_close(hn.harmonic_closeness(net, normalized=True), want)


def test_closeness_with_zero_weight_ties_matches_networkx(graph_pair):
    # Ties of weight 0 are ties of length 0 (networkx distance semantics).
    g, net = graph_pair
    for i, (u, v) in enumerate(g.edges):
        if i % 3 == 0:
            g.edges[u, v]["weight"] = 0.0
    net = to_healthnet(g)
    want = nx.closeness_centrality(g, distance="weight")
    assert_close(hn.closeness(net, weighted=True), as_series(net, want))
    assert_close(hn.harmonic_closeness(net, weighted=True),
                 as_series(net, nx.harmonic_centrality(g, distance="weight")))


def test_closeness_with_many_batches_matches_networkx():
    # 150 actors: three 64-source batches of the bit-parallel BFS.
    g = nx.gnp_random_graph(150, 0.03, seed=9, directed=True)
    net = hn.Network(directed=True)
    for v in g.nodes:
        net.add_actor(str(v))
    for u, v in g.edges:
        net.add_tie(str(u), str(v))
    assert_close(hn.closeness(net), as_series(net, nx.closeness_centrality(g)))
    assert_close(hn.harmonic_closeness(net), as_series(net, nx.harmonic_centrality(g)))


# ---- eigenvector and PageRank ------------------------------------------------------


@pytest.mark.parametrize("weighted", [False, True])
def test_eigenvector_matches_networkx(graph_pair, weighted):
    # Same power iteration as networkx with the same max_iter and tol: 1e-9.
    g, net = graph_pair
    try:
        want = nx.eigenvector_centrality(g, max_iter=1000, tol=1e-10, weight="weight" if weighted else None)
    except nx.PowerIterationFailedConvergence:
        with pytest.raises(ValueError, match="max_iter"):
            hn.eigenvector_centrality(net, weighted=weighted)
        return
    got = hn.eigenvector_centrality(net, weighted=weighted)
    assert got.name == "eigenvector_centrality"
    assert_close(got, as_series(net, want))


def test_eigenvector_self_loop_counts_once_as_networkx():
    g = nx.Graph([(0, 1), (1, 2), (2, 3), (3, 0), (0, 2), (1, 1)])
    net = hn.Network()
    net.allow_self_loops = True
    for v in g.nodes:
        net.add_actor(str(v))
    for u, v in g.edges:
        net.add_tie(str(u), str(v))
    assert_close(hn.eigenvector_centrality(net), as_series(net, nx.eigenvector_centrality(g, 1000, 1e-10)))


def test_eigenvector_nonconvergence_names_max_iter():
    chain = make(True, "abc", [("a", "b", 1), ("b", "c", 1)])
    with pytest.raises(ValueError, match="max_iter"):
        hn.eigenvector_centrality(chain)
    with pytest.raises(ValueError, match="max_iter"):
        hn.eigenvector_centrality(hn.synthetic_region(30, 60, seed=1), max_iter=2)
    with pytest.raises(ValueError, match="tol"):
        hn.eigenvector_centrality(chain, tol=0)


@pytest.mark.parametrize("weighted", [True, False])
@pytest.mark.parametrize("alpha", [0.85, 0.5])
def test_pagerank_matches_igraph(graph_pair, weighted, alpha):
    # Power iteration (tol 1e-12) against igraph's exact PRPACK solution: 1e-8.
    g, net = graph_pair
    want = to_igraph(g).pagerank(damping=alpha, weights="weight" if weighted else None)
    got = hn.pagerank(net, alpha=alpha, weighted=weighted)
    assert got.name == "pagerank"
    assert got.sum() == pytest.approx(1.0, abs=1e-12)
    assert_close(got, want, tol=1e-8)


def test_pagerank_bad_arguments():
    net = hn.synthetic_region(30, 60, seed=1)
    with pytest.raises(ValueError, match="alpha"):
        hn.pagerank(net, alpha=1.5)
    with pytest.raises(ValueError, match="max_iter"):
        hn.pagerank(net, max_iter=0)
    with pytest.raises(ValueError, match="max_iter"):
        hn.pagerank(net, max_iter=3)


# ---- Freeman centralization ----------------------------------------------------------


def _n(g) -> float:
    return float(g.number_of_nodes())


@pytest.mark.parametrize("mode", ["all", "in", "out"])
def test_degree_centralization_matches_igraph(graph_pair, mode):
    g, net = graph_pair
    n = _n(g)
    scores = to_igraph(g).degree(mode=mode, loops=False)
    if not g.is_directed():
        tmax = (n - 1) * (n - 2)
    else:
        tmax = 2 * (n - 1) * (n - 2) if mode == "all" else (n - 1) ** 2
    assert hn.degree_centralization(net, mode) == pytest.approx(freeman(scores, tmax), abs=TOL)


def test_betweenness_centralization_matches_igraph(graph_pair):
    g, net = graph_pair
    n = _n(g)
    tmax = (n - 1) ** 2 * (n - 2) / (1 if g.is_directed() else 2)
    want = freeman(to_igraph(g).betweenness(directed=True), tmax)
    assert hn.betweenness_centralization(net) == pytest.approx(want, abs=TOL)


@pytest.mark.parametrize("mode", ["in", "out", "all"])
def test_closeness_centralization_matches_igraph(graph_pair, mode):
    # igraph gives NaN closeness to an actor nobody reaches; healthnet uses 0.
    g, net = graph_pair
    n = _n(g)
    mode_used = mode if g.is_directed() else "all"
    scores = np.nan_to_num(np.asarray(to_igraph(g).closeness(mode=mode_used), float), nan=0.0)
    tmax = (n - 1) * (n - 2) / (2 * n - 3) if mode_used == "all" else (n - 1) * (1 - 1 / n)
    assert hn.closeness_centralization(net, mode) == pytest.approx(freeman(scores, tmax), abs=TOL)


def test_eigenvector_centralization_matches_igraph(graph_pair):
    # Power iteration vs ARPACK: 1e-6 against igraph on connected graphs; on
    # every graph the scores follow networkx's iteration (1e-9).
    g, net = graph_pair
    n = _n(g)
    tmax = n - 1 if g.is_directed() else n - 2
    try:
        e = nx.eigenvector_centrality(g, max_iter=1000, tol=1e-10)
    except nx.PowerIterationFailedConvergence:
        with pytest.raises(ValueError, match="max_iter"):
            hn.eigenvector_centralization(net)
        return
    got = hn.eigenvector_centralization(net)
    scores = np.array(list(e.values()))
    assert got == pytest.approx(freeman(scores / scores.max(), tmax), abs=TOL)
    connected = nx.is_strongly_connected(g) if g.is_directed() else nx.is_connected(g)
    if connected:
        ig_scores = to_igraph(g).eigenvector_centrality(scale=True)
        assert got == pytest.approx(freeman(ig_scores, tmax), abs=1e-6)


@pytest.mark.parametrize("directed", [False, True])
def test_centralization_on_connected_graphs_matches_igraph(directed):
    # The fixture graphs are mostly disconnected: here a connected (directed:
    # strongly connected) graph, where igraph's eigenvector is unique and no
    # closeness is NaN. Eigenvector: ARPACK vs power iteration, 1e-6.
    g = nx.gnp_random_graph(35, 0.2, seed=7, directed=directed)
    assert nx.is_strongly_connected(g) if directed else nx.is_connected(g)
    for u, v in g.edges:
        g.edges[u, v]["weight"] = 1.0
    net = hn.Network(directed=directed)
    for v in g.nodes:
        net.add_actor(str(v))
    for u, v in g.edges:
        net.add_tie(str(u), str(v))
    n = 35.0
    G = to_igraph(g)
    tmax_eig = n - 1 if directed else n - 2
    assert hn.eigenvector_centralization(net) == pytest.approx(
        freeman(G.eigenvector_centrality(scale=True), tmax_eig), abs=1e-6)
    mode = "in" if directed else "all"
    tmax_clo = (n - 1) * (1 - 1 / n) if directed else (n - 1) * (n - 2) / (2 * n - 3)
    want = freeman(G.closeness(mode=mode), tmax_clo)
    assert hn.closeness_centralization(net) == pytest.approx(want, abs=TOL)
    # On a strongly connected graph networkx's closeness equals igraph's too.
    assert_close(hn.closeness(net), G.closeness(mode=mode))


def test_centralization_of_stars_is_one():
    net = make(False, ["h", "a", "b", "c", "d", "e"], [("h", x, 1) for x in "abcde"])
    assert hn.degree_centralization(net) == pytest.approx(1.0)
    assert hn.betweenness_centralization(net) == pytest.approx(1.0)
    assert hn.closeness_centralization(net) == pytest.approx(1.0)
    # igraph's maximum for eigenvector is the single tie (n - 2), so a star scores below 1:
    # hub 1, leaves 1/sqrt(5) -> 5 (1 - 1/sqrt 5) / 4.
    assert hn.eigenvector_centralization(net) == pytest.approx(5 * (1 - 1 / math.sqrt(5)) / 4, abs=1e-8)


def test_centralization_bad_mode():
    net = hn.synthetic_region(30, 60, seed=1)
    with pytest.raises(ValueError, match="mode"):
        hn.degree_centralization(net, "sideways")
    with pytest.raises(ValueError, match="mode"):
        hn.closeness_centralization(net, "sideways")


# ---- edge cases -------------------------------------------------------------------------

PER_ACTOR = [hn.betweenness, hn.closeness, hn.harmonic_closeness, hn.eigenvector_centrality, hn.pagerank]
WHOLE = [hn.degree_centralization, hn.betweenness_centralization, hn.closeness_centralization,
         hn.eigenvector_centralization]


@pytest.mark.parametrize("fn", PER_ACTOR)
def test_empty_network_gives_empty_series(fn):
    got = fn(hn.Network())
    assert isinstance(got, pd.Series) and got.empty and got.dtype == np.float64
    assert got.index.name == "actor"


@pytest.mark.parametrize("fn", WHOLE)
@pytest.mark.parametrize("n_actors", [0, 1, 2])
def test_centralization_is_nan_without_a_maximum(fn, n_actors):
    ids = "ab"[:n_actors]
    net = make(False, ids, [("a", "b", 1)] if n_actors == 2 else [])
    assert math.isnan(fn(net))


def test_single_actor_and_no_ties():
    one = make(False, "a", [])
    assert hn.betweenness(one).tolist() == [0.0]
    assert hn.closeness(one).tolist() == [0.0]
    assert hn.harmonic_closeness(one, normalized=True).tolist() == [0.0]
    assert hn.eigenvector_centrality(one).tolist() == pytest.approx([1.0])
    assert hn.pagerank(one).tolist() == pytest.approx([1.0])
    none = make(True, "abcd", [])
    assert hn.betweenness(none).tolist() == [0.0] * 4
    assert hn.closeness(none).tolist() == [0.0] * 4
    assert hn.pagerank(none).tolist() == pytest.approx([0.25] * 4)
    assert hn.degree_centralization(none, "in") == 0.0


def test_directed_one_way_ties():
    # a -> b -> c: inward closeness 0, 1/2, 2/3; b brokers the ordered pair (a, c).
    chain = make(True, "abc", [("a", "b", 1), ("b", "c", 1)])
    assert hn.closeness(chain).tolist() == pytest.approx([0.0, 0.5, 2 / 3])
    assert hn.betweenness(chain).tolist() == [0.0, 1.0, 0.0]
    assert hn.harmonic_closeness(chain).tolist() == pytest.approx([0.0, 1.0, 1.5])
