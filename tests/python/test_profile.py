# SPDX-License-Identifier: MIT
"""hn.profile and the metric catalogue. Oracle: networkx (density,
transitivity, components, isolates) on the five generated graphs, and the
individual healthnet functions for the rest (same definitions by name)."""

import math

import networkx as nx
import pytest

import healthnet as hn


def test_profile_matches_networkx(graph_pair):
    g, net = graph_pair
    p = hn.profile(net)
    assert p["n_actors"] == g.number_of_nodes()
    assert p["n_ties"] == g.number_of_edges()
    assert p["density"] == pytest.approx(nx.density(g), abs=1e-12)
    assert p["n_isolates"] == nx.number_of_isolates(g)
    und = g.to_undirected() if g.is_directed() else g
    comps = list(nx.connected_components(und))
    assert p["n_components"] == len(comps)
    assert p["largest_component_share"] == pytest.approx(max(map(len, comps)) / g.number_of_nodes())
    if not g.is_directed():
        assert p["transitivity"] == pytest.approx(nx.transitivity(g), abs=1e-12)


def test_profile_names_are_the_structural_catalogue():
    cat = hn.metrics()
    p = hn.profile(hn.example())
    assert list(p.index) == list(cat.index[cat["structural"]])
    assert p.dtype == float


def test_metric_by_name():
    net = hn.example()
    assert hn.metric(net, "ei_index") == pytest.approx(hn.ei_index(net).ei)
    assert hn.metric(net, "coverage_ratio") == hn.sector_coverage(net).coverage_ratio
    assert hn.metric(net, "assortativity", by="municipality") == pytest.approx(hn.assortativity(net, by="municipality"))
    with pytest.raises(KeyError, match="unknown metric 'nope'"):
        hn.metric(net, "nope")


def test_profile_edge_cases():
    empty = hn.profile(hn.Network())
    assert empty["n_actors"] == 0 and empty["density"] == 0
    assert math.isnan(empty["reciprocity"]) or empty["reciprocity"] == 1.0
    one = hn.Network()
    one.add_actor("a")
    assert hn.profile(one)["fragmentation"] == 0
