# SPDX-License-Identifier: MIT
"""Reciprocity, transitivity, clustering and Burt's structural holes.

Oracles, on the five generated ``graph_pair`` graphs (tolerance 1e-9):

- reciprocity: ``networkx.reciprocity`` (edgewise); the dyadic measures and
  the dyad census from the adjacency matrix with numpy (sna's definitions);
- transitivity: ``networkx.transitivity`` and igraph
  ``Graph.transitivity_undirected`` (undirected); for directed graphs sna's
  ``gtrans(measure="weak")`` definition computed with numpy (``A @ A`` with
  the diagonal excluded);
- local and average clustering: ``networkx.clustering`` (Fagiolo's
  coefficient for directed graphs), ``networkx.average_clustering``;
  triangles: ``networkx.triangles``;
- constraint and effective size: ``networkx.constraint`` and
  ``networkx.effective_size`` (with ``weight="weight"`` when weighted);
  efficiency: effective size / number of contacts.

R sna itself (``grecip``, ``gtrans``, ``dyad.census``) is the oracle for the
fixtures in ``tests/data/r_sna/*.json``, made by ``make_fixtures.R`` there;
R is not needed to run these tests.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import healthnet as hn
from conftest import to_healthnet

R_SNA = Path(__file__).resolve().parents[1] / "data" / "r_sna"
R_FIXTURES = sorted(R_SNA.glob("*.json"))
TOL = 1e-9


def adjacency(g) -> np.ndarray:
    """Binary adjacency matrix in node order, no diagonal."""
    a = (nx.to_numpy_array(g, nodelist=list(g), weight=None) != 0).astype(float)
    np.fill_diagonal(a, 0)
    return a


def sna_weak_transitivity(a: np.ndarray) -> float:
    """sna gtrans(measure="weak"): closed two-paths i->j->k (i != k) / all of them."""
    two = a @ a
    np.fill_diagonal(two, 0)
    return float((two * a).sum() / two.sum())


def by_id(g, values: dict) -> pd.Series:
    return pd.Series({str(v): float(values[v]) for v in g}, dtype=float)


def assert_series(got: pd.Series, expected: pd.Series, net: hn.Network, name: str):
    assert got.name == name
    assert list(got.index) == net.actor_ids
    assert got.index.name == "actor"
    pd.testing.assert_series_equal(
        got, expected.reindex(got.index), check_names=False, check_index_type=False, rtol=0, atol=TOL
    )


def nx_burt(fn, g, weighted: bool) -> pd.Series:
    """networkx constraint / effective_size for every node, by its per-node code.

    ``nodes=`` selects networkx's per-node implementation, which follows
    Burt's formula. Without it, networkx (3.5+, with scipy installed) takes a
    sparse-matrix shortcut whose effective size divides m_vw by the row
    maximum of w instead of v (the 1-d max broadcasts along columns), so it
    differs on weighted and directed graphs. The per-node code returns NaN
    for a directed node without out-ties, although its definition (mutual
    weights, neighbours in both directions) gives a value; both measures are
    unchanged by reversing every arc, so such nodes take their value from the
    reversed graph.
    """
    weight = "weight" if weighted else None
    values = fn(g, nodes=list(g), weight=weight)
    if g.is_directed():
        reverse = fn(g.reverse(), nodes=list(g), weight=weight)
        values = {v: reverse[v] if math.isnan(values[v]) else values[v] for v in g}
    return by_id(g, values)


# ---- reciprocity ------------------------------------------------------------


def test_reciprocity_edgewise_matches_networkx(graph_pair):
    g, net = graph_pair
    if g.is_directed():
        assert hn.reciprocity(net) == pytest.approx(nx.reciprocity(g), abs=TOL)
        assert hn.reciprocity(net) < 1
    else:
        assert hn.reciprocity(net) == 1.0  # undirected: every tie is mutual (networkx raises)


def test_dyadic_reciprocity_matches_sna_definition(graph_pair):
    g, net = graph_pair
    a = adjacency(g)
    n = len(a)
    mutual = (a * a.T).sum() / 2
    asym = ((a + a.T) == 1).sum() / 2
    null = n * (n - 1) / 2 - mutual - asym
    assert hn.dyad_census(net) == {"mutual": mutual, "asymmetric": asym, "null": null}
    assert hn.reciprocity(net, "dyadic") == pytest.approx((mutual + null) / (n * (n - 1) / 2), abs=TOL)
    assert hn.reciprocity(net, "dyadic.nonnull") == pytest.approx(mutual / (mutual + asym), abs=TOL)
    assert hn.reciprocity(net, "edgewise") == pytest.approx(2 * mutual / (2 * mutual + asym), abs=TOL)


def test_reciprocity_bad_measure():
    message = "measure: expected 'edgewise', 'dyadic' or 'dyadic.nonnull', got 'x'"
    with pytest.raises(ValueError, match=message):
        hn.reciprocity(hn.example(), "x")


# ---- transitivity and clustering ----------------------------------------------


def test_transitivity(graph_pair):
    g, net = graph_pair
    got = hn.transitivity(net)
    if g.is_directed():
        assert got == pytest.approx(sna_weak_transitivity(adjacency(g)), abs=TOL)
        assert got > 0
    else:
        assert got == pytest.approx(nx.transitivity(g), abs=TOL)
        # The same number from the sna definition on the symmetric matrix.
        if got > 0:
            assert got == pytest.approx(sna_weak_transitivity(adjacency(g)), abs=TOL)


def test_transitivity_matches_igraph(graph_pair):
    g, net = graph_pair
    if g.is_directed():  # compare on the undirected version (ties either way)
        g = g.to_undirected()
        net = to_healthnet(g)
    index = {v: i for i, v in enumerate(g)}
    ig_graph = ig.Graph(n=g.number_of_nodes(), edges=[(index[u], index[v]) for u, v in g.edges])
    expected = ig_graph.transitivity_undirected(mode="zero")
    assert hn.transitivity(net) == pytest.approx(expected, abs=TOL)


def test_triangles_match_networkx(graph_pair):
    g, net = graph_pair
    undirected = g.to_undirected() if g.is_directed() else g
    assert_series(hn.triangles(net), by_id(g, nx.triangles(undirected)), net, "triangles")


def test_local_clustering_matches_networkx(graph_pair):
    g, net = graph_pair
    assert_series(hn.local_clustering(net), by_id(g, nx.clustering(g)), net, "clustering")


def test_average_clustering_matches_networkx(graph_pair):
    g, net = graph_pair
    assert hn.average_clustering(net) == pytest.approx(nx.average_clustering(g), abs=TOL)
    if any(nx.clustering(g).values()):
        expected = nx.average_clustering(g, count_zeros=False)
        assert hn.average_clustering(net, count_zeros=False) == pytest.approx(expected, abs=TOL)
    else:  # nothing to average: networkx raises ZeroDivisionError, healthnet gives NaN
        assert math.isnan(hn.average_clustering(net, count_zeros=False))


# ---- structural holes -----------------------------------------------------------


@pytest.mark.parametrize("weighted", [False, True])
def test_constraint_matches_networkx(graph_pair, weighted):
    g, net = graph_pair
    expected = nx_burt(nx.constraint, g, weighted)
    got = hn.constraint(net, weighted=weighted)
    assert_series(got, expected, net, "constraint")
    assert list(got[got.isna()].index) == hn.isolates(net)


@pytest.mark.parametrize("weighted", [False, True])
def test_effective_size_matches_networkx(graph_pair, weighted):
    g, net = graph_pair
    expected = nx_burt(nx.effective_size, g, weighted)
    assert_series(hn.effective_size(net, weighted=weighted), expected, net, "effective_size")


@pytest.mark.parametrize("weighted", [False, True])
def test_efficiency_is_effective_size_per_contact(graph_pair, weighted):
    g, net = graph_pair
    esize = nx_burt(nx.effective_size, g, weighted)
    contacts = pd.Series({str(v): float(len(set(nx.all_neighbors(g, v)))) for v in g})
    contacts[contacts == 0] = np.nan
    got = hn.efficiency(net, weighted=weighted)
    assert_series(got, esize / contacts, net, "efficiency")
    if not g.is_directed():  # networkx's recipe: effective size / degree
        degree = pd.Series({str(v): float(d) for v, d in g.degree()}).replace(0, np.nan)
        assert_series(got, esize / degree, net, "efficiency")
    assert ((got.dropna() >= 0) & (got.dropna() <= 1 + TOL)).all()


def test_structural_holes_frame(graph_pair):
    g, net = graph_pair
    frame = hn.structural_holes(net, weighted=True)
    assert list(frame.columns) == ["constraint", "effective_size", "efficiency"]
    for column in frame.columns:
        single = getattr(hn, column)(net, weighted=True)
        pd.testing.assert_series_equal(frame[column], single, check_names=False)


def test_structural_holes_zero_weight_ties():
    # A tie of weight 0 is still a tie: its end stays a contact with p = 0.
    # networkx's per-node code (nodes=...) follows the same definition; an
    # ego whose ties all have weight 0 is NaN in healthnet (networkx: 0/1).
    g = nx.Graph()
    g.add_weighted_edges_from([(0, 1, 0.0), (0, 2, 2.0), (1, 2, 1.0), (2, 3, 3.0), (3, 0, 1.0), (4, 5, 0.0)])
    for v in g:
        g.nodes[v]["sector"] = "municipality"
    net = hn.Network()
    for v in g:
        net.add_actor(str(v))
    for u, v, w in g.edges(data="weight"):
        net.add_tie(str(u), str(v), weight=w)
    egos = [0, 1, 2, 3]
    for fn, name in ((nx.constraint, "constraint"), (nx.effective_size, "effective_size")):
        expected = by_id(g, fn(g, nodes=egos, weight="weight") | {4: math.nan, 5: math.nan})
        assert_series(getattr(hn, name)(net, weighted=True), expected, net, name)


# ---- R sna fixtures ---------------------------------------------------------------


def test_r_sna_fixtures_exist():
    assert len(R_FIXTURES) >= 5
    assert (R_SNA / "make_fixtures.R").exists()


@pytest.mark.parametrize("path", R_FIXTURES, ids=lambda p: p.stem)
def test_matches_r_sna(path):
    fixture = json.loads(path.read_text())
    net = hn.Network(directed=fixture["directed"])
    for i in range(fixture["n"]):
        net.add_actor(str(i))
    for u, v in fixture["edges"]:
        net.add_tie(str(u), str(v))
    sna = fixture["sna"]
    assert hn.dyad_census(net) == sna["dyad_census"]
    for measure, key in (("edgewise", "grecip_edgewise"), ("dyadic", "grecip_dyadic"),
                         ("dyadic.nonnull", "grecip_dyadic_nonnull")):
        assert hn.reciprocity(net, measure) == pytest.approx(sna[key], abs=TOL), measure
    if sna["gtrans_weakcensus"] == 0 and sna["gtrans_weak"] == 1:
        # No two-path at all: sna says 1, healthnet 0 (networkx's convention).
        assert hn.transitivity(net) == 0.0
    else:
        assert hn.transitivity(net) == pytest.approx(sna["gtrans_weak"], abs=TOL)


# ---- edge cases -------------------------------------------------------------------


@pytest.mark.parametrize("directed", [False, True])
def test_empty_network(directed):
    net = hn.Network(directed=directed)
    assert math.isnan(hn.reciprocity(net))
    assert math.isnan(hn.reciprocity(net, "dyadic"))
    assert hn.transitivity(net) == 0.0
    assert math.isnan(hn.average_clustering(net))
    for fn in (hn.local_clustering, hn.triangles, hn.constraint, hn.effective_size, hn.efficiency):
        got = fn(net)
        assert got.empty and got.dtype == np.float64
    assert hn.structural_holes(net).empty


def test_no_ties_and_single_actor():
    net = hn.Network(directed=True)
    net.add_actor("a")
    assert math.isnan(hn.reciprocity(net, "dyadic"))  # no dyad
    net.add_actor("b")
    assert math.isnan(hn.reciprocity(net))
    assert hn.reciprocity(net, "dyadic") == 1.0
    assert hn.local_clustering(net).tolist() == [0.0, 0.0]
    assert math.isnan(hn.average_clustering(net, count_zeros=False))
    assert hn.constraint(net).isna().all()
    assert hn.efficiency(net, weighted=True).isna().all()


def test_only_one_way_ties():
    # a -> b -> c -> a, c -> d: nothing reciprocated, no two-path closed.
    net = hn.Network(directed=True)
    for a in "abcd":
        net.add_actor(a)
    for s, t in ("ab", "bc", "ca", "cd"):
        net.add_tie(s, t)
    assert hn.reciprocity(net) == 0.0
    assert hn.reciprocity(net, "dyadic.nonnull") == 0.0
    assert hn.transitivity(net) == 0.0
    assert hn.constraint(net)["d"] == 1.0  # d only receives a tie; networkx (no scipy) says NaN
