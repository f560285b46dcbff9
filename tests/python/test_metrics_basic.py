# SPDX-License-Identifier: MIT
"""density, degree, strength, isolates: cross-checked against networkx
(oracle: networkx.density, Graph.degree, DiGraph.in_degree/out_degree,
degree(weight=...), networkx.isolates) on five generated graphs."""

import networkx as nx
import pandas as pd
import pytest

import healthnet as hn


def test_density_matches_networkx(graph_pair):
    g, net = graph_pair
    assert hn.density(net) == pytest.approx(nx.density(g), abs=1e-12)


def test_weighted_density_matches_definition(graph_pair):
    # Oracle: networkx sum of weights over the possible pairs.
    g, net = graph_pair
    n = g.number_of_nodes()
    pairs = n * (n - 1) if g.is_directed() else n * (n - 1) / 2
    total = sum(w for _, _, w in g.edges(data="weight"))
    assert hn.density(net, weighted=True) == pytest.approx(total / pairs, abs=1e-12)


def test_degree_matches_networkx(graph_pair):
    g, net = graph_pair
    expected = pd.Series({str(v): d for v, d in g.degree()}, dtype=float)
    got = hn.degree(net)
    assert list(got.index) == net.actor_ids
    pd.testing.assert_series_equal(got, expected.reindex(got.index), check_names=False, check_index_type=False)
    if g.is_directed():
        for mode, fn in (("in", g.in_degree), ("out", g.out_degree)):
            exp = {str(v): float(d) for v, d in fn()}
            assert hn.degree(net, mode=mode).to_dict() == exp


def test_strength_matches_networkx(graph_pair):
    g, net = graph_pair
    exp = {str(v): float(d) for v, d in g.degree(weight="weight")}
    assert hn.strength(net).to_dict() == pytest.approx(exp)
    if g.is_directed():
        exp_in = {str(v): float(d) for v, d in g.in_degree(weight="weight")}
        assert hn.strength(net, mode="in").to_dict() == pytest.approx(exp_in)


def test_isolates_match_networkx(graph_pair):
    g, net = graph_pair
    assert hn.isolates(net) == [str(v) for v in nx.isolates(g)]


def test_sector_counts(graph_pair):
    g, net = graph_pair
    counts = hn.sector_counts(net)
    assert counts.sum() == g.number_of_nodes()
    exp = pd.Series([d["sector"] for _, d in g.nodes(data=True)]).value_counts()
    assert counts.to_dict() == exp.to_dict()


def test_bad_mode():
    with pytest.raises(ValueError, match="expected 'all', 'in' or 'out'"):
        hn.degree(hn.example(), mode="sideways")
