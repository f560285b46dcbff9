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


def test_actor_index_follows_the_actor_list():
    # The per-actor index is cached per network (hn._metrics.actor_index); every result must still be indexed by
    # the current actor list. Oracle: net.actor_ids after each change (a small network drawn by hand: a - b, c).
    net = hn.Network()
    for actor in ("a", "b", "c"):
        net.add_actor(actor)
    net.add_tie("a", "b")
    first = hn.degree(net)
    assert list(first.index) == ["a", "b", "c"] and first.index.name == "actor"
    first.index.name = "renamed"  # a caller's rename must not leak into later results
    assert hn.degree(net).index.name == "actor"
    revision = net._actor_revision
    net.add_tie("b", "c")  # ties do not change the actor list
    assert net._actor_revision == revision
    assert hn.degree(net).to_dict() == {"a": 1.0, "b": 2.0, "c": 1.0}
    net.remove_actor("a")
    assert net._actor_revision != revision
    assert hn.degree(net).to_dict() == {"b": 1.0, "c": 1.0}
    net.add_actor("a")
    assert list(hn.degree(net).index) == ["b", "c", "a"]
    twin = net.copy()  # same actors, so it may share the index; changing one leaves the other alone
    twin.add_actor("d")
    assert list(hn.closeness(twin).index) == ["b", "c", "a", "d"]
    assert list(hn.closeness(net).index) == ["b", "c", "a"]
