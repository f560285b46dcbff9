# SPDX-License-Identifier: MIT
"""Components, cut points, cores, fragmentation and two-step reach,
cross-checked against networkx on the five generated graphs.

Oracles: networkx.connected_components / weakly_connected_components /
strongly_connected_components (compared as sets of frozensets, plus the
documented order), networkx.articulation_points and networkx.bridges on
``g.to_undirected()``, networkx.core_number, fragmentation recomputed from
networkx components of ``g.subgraph(kept)``, and two-step reach / reach
efficiency recomputed from networkx.single_source_shortest_path_length(cutoff=2).
All results are exact (tolerance 1e-12 for the ratios).
"""

import random

import networkx as nx
import pandas as pd
import pytest

import healthnet as hn
from conftest import GRAPH_CASES, random_graph, to_healthnet


def as_sets(components):
    return {frozenset(str(v) for v in c) for c in components}


def nx_components(g, strong=False):
    if not g.is_directed():
        return list(nx.connected_components(g))
    return list(nx.strongly_connected_components(g) if strong else nx.weakly_connected_components(g))


@pytest.mark.parametrize("strong", [False, True])
def test_components_match_networkx(graph_pair, strong):
    g, net = graph_pair
    got = hn.connected_components(net, strong=strong)
    expected = nx_components(g, strong)
    assert as_sets(got) == as_sets(expected)
    assert hn.n_components(net, strong=strong) == len(expected)
    largest = max(len(c) for c in expected)
    assert hn.largest_component_share(net, strong=strong) == pytest.approx(largest / len(g), abs=1e-12)


@pytest.mark.parametrize("strong", [False, True])
def test_component_order_and_labels(graph_pair, strong):
    # Oracle: the documented order (size descending, then first actor index),
    # applied to networkx's components; labels index into that list.
    g, net = graph_pair
    position = {a: i for i, a in enumerate(net.actor_ids)}
    expected = sorted(
        (sorted((str(v) for v in c), key=position.__getitem__) for c in nx_components(g, strong)),
        key=lambda c: (-len(c), position[c[0]]),
    )
    assert hn.connected_components(net, strong=strong) == expected
    labels = hn.component_labels(net, strong=strong)
    assert labels.dtype == "int64"
    assert list(labels.index) == net.actor_ids
    assert labels.to_dict() == {a: k for k, comp in enumerate(expected) for a in comp}


@pytest.mark.parametrize("case", ["components", "isolates", "directed"])
def test_fixture_graphs_have_several_components(case):
    # Guard: the order and label checks above are not vacuous on these graphs
    # (several weak or strong components, some of equal size).
    g = random_graph(**GRAPH_CASES[case])
    net = to_healthnet(g)
    sizes = [len(c) for c in hn.connected_components(net, strong=True)]
    assert len(sizes) > 1
    assert len(set(sizes)) < len(sizes)


def test_articulation_points_match_networkx(graph_pair):
    g, net = graph_pair
    u = g.to_undirected()
    expected = [str(v) for v in g if v in set(nx.articulation_points(u))]
    assert hn.articulation_points(net) == expected


def test_bridges_match_networkx(graph_pair):
    g, net = graph_pair
    got = hn.bridges(net)
    expected = {frozenset((str(a), str(b))) for a, b in nx.bridges(g.to_undirected())}
    assert {frozenset(b) for b in got} == expected
    assert len(got) == len(expected)  # each undirected tie once
    # in tie order, each as stored
    order = {(t.source, t.target): i for i, t in enumerate(net.ties)}
    assert [order[b] for b in got] == sorted(order[b] for b in got)


def test_core_number_matches_networkx(graph_pair):
    g, net = graph_pair
    expected = pd.Series({str(v): float(k) for v, k in nx.core_number(g).items()})
    got = hn.core_number(net)
    assert got.name == "core_number"
    assert list(got.index) == net.actor_ids
    assert got.to_dict() == expected.to_dict()


def nx_fragmentation(g, removed=()):
    kept = g.subgraph(v for v in g if str(v) not in set(removed))
    n = len(kept)
    if n < 2:
        return 0.0
    comps = nx.weakly_connected_components(kept) if g.is_directed() else nx.connected_components(kept)
    return 1.0 - sum(len(c) * (len(c) - 1) for c in comps) / (n * (n - 1))


def test_fragmentation_matches_networkx(graph_pair):
    g, net = graph_pair
    assert hn.fragmentation(net) == pytest.approx(nx_fragmentation(g), abs=1e-12)
    # remove the highest-degree actor, then a random handful
    hub = str(max(g.degree, key=lambda vd: vd[1])[0])
    assert hn.fragmentation(net, removed=hub) == pytest.approx(nx_fragmentation(g, [hub]), abs=1e-12)
    some = random.Random(7).sample(net.actor_ids, 5)
    assert hn.fragmentation(net, some) == pytest.approx(nx_fragmentation(g, some), abs=1e-12)


def nx_two_step(g):
    n = len(g)
    counts, contacts = {}, {}
    for v in g:
        counts[str(v)] = len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1
        out = g.successors(v) if g.is_directed() else g.neighbors(v)
        contacts[str(v)] = len(set(out) - {v})
    return n, counts, contacts


def test_two_step_reach_matches_networkx_definition(graph_pair):
    g, net = graph_pair
    n, counts, _ = nx_two_step(g)
    got = hn.two_step_reach(net)
    assert got.name == "two_step_reach"
    assert list(got.index) == net.actor_ids
    assert got.to_dict() == pytest.approx({v: c / (n - 1) for v, c in counts.items()}, abs=1e-12)


def test_reach_efficiency_matches_networkx_definition(graph_pair):
    g, net = graph_pair
    _, counts, contacts = nx_two_step(g)
    expected = {v: (counts[v] / contacts[v] if contacts[v] else 0.0) for v in counts}
    got = hn.reach_efficiency(net)
    assert got.name == "reach_efficiency"
    assert got.to_dict() == pytest.approx(expected, abs=1e-12)


def hub_network(directed, seed):
    """A networkx graph with hubs and self-loops, and the same healthnet Network."""
    rng = random.Random(seed)
    n = 50
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(n))
    for h in rng.sample(range(n), 3):
        for v in range(n):
            if v != h and rng.random() < 0.8:
                g.add_edge(*((v, h) if directed and rng.random() < 0.5 else (h, v)))
    for _ in range(n):
        g.add_edge(rng.randrange(n), rng.randrange(n))  # may add self-loops
    for v in rng.sample(range(n), 3):
        g.add_edge(v, v)
    net = hn.Network(directed=directed)
    net.allow_self_loops = True
    for v in g:
        net.add_actor(str(v))
    for a, b in g.edges:
        net.add_tie(str(a), str(b))
    return g, net


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(5))
def test_hubs_and_self_loops(directed, seed):
    # Hubs exercise the base-set shortcut of two-step reach; self-loops are
    # ignored by reach and cores (oracle: networkx core_number after removing
    # self-loops; cut points on g.to_undirected()).
    g, net = hub_network(directed, seed)
    assert nx.number_of_selfloops(g) > 0
    n, counts, contacts = nx_two_step(g)
    reach = {v: c / (n - 1) for v, c in counts.items()}
    assert hn.two_step_reach(net).to_dict() == pytest.approx(reach, abs=1e-12)
    eff = {v: (counts[v] / contacts[v] if contacts[v] else 0.0) for v in counts}
    assert hn.reach_efficiency(net).to_dict() == pytest.approx(eff, abs=1e-12)
    clean = g.copy()
    clean.remove_edges_from(list(nx.selfloop_edges(clean)))
    assert hn.core_number(net).to_dict() == {str(v): float(k) for v, k in nx.core_number(clean).items()}
    u = g.to_undirected()
    assert set(hn.articulation_points(net)) == {str(v) for v in nx.articulation_points(u)}
    assert {frozenset(b) for b in hn.bridges(net)} == {frozenset(map(str, b)) for b in nx.bridges(u)}


def test_fragmentation_arguments():
    # Oracle: definitions (star: 0 connected, 1 when the office drops out).
    net = hn.Network()
    for a in ["office", "gp", "hospital", "nursing"]:
        net.add_actor(a)
    for a in ["gp", "hospital", "nursing"]:
        net.add_tie("office", a)
    assert hn.fragmentation(net) == 0.0
    assert hn.fragmentation(net, removed="office") == 1.0
    assert hn.fragmentation(net, removed=["office", "office"]) == 1.0
    assert hn.fragmentation(net, removed=("gp", "hospital")) == 0.0
    with pytest.raises(KeyError, match="nobody"):
        hn.fragmentation(net, removed=["gp", "nobody"])


def test_edge_cases():
    # Oracle: definitions (networkx agrees where it defines them).
    empty = hn.Network()
    assert hn.connected_components(empty) == []
    assert hn.n_components(empty) == 0
    assert hn.largest_component_share(empty) == 0.0
    assert hn.component_labels(empty).empty
    assert hn.articulation_points(empty) == []
    assert hn.bridges(empty) == []
    assert hn.core_number(empty).empty
    assert hn.two_step_reach(empty).empty
    assert hn.fragmentation(empty) == 0.0

    single = hn.Network(directed=True)
    single.add_actor("a")
    assert hn.connected_components(single, strong=True) == [["a"]]
    assert hn.largest_component_share(single) == 1.0
    assert hn.two_step_reach(single).tolist() == [0.0]
    assert hn.reach_efficiency(single).tolist() == [0.0]
    assert hn.fragmentation(single) == 0.0

    no_ties = hn.Network()
    for a in "abc":
        no_ties.add_actor(a)
    assert hn.n_components(no_ties) == 3
    assert hn.fragmentation(no_ties) == 1.0
    assert hn.core_number(no_ties).tolist() == [0.0, 0.0, 0.0]


def test_zero_weights_and_one_way_ties():
    # Oracle: hand-computed. x -> y -> z with weight 0: weakly one piece,
    # strongly three; ties of weight 0 are ties.
    net = hn.Network(directed=True)
    for a in "xyz":
        net.add_actor(a)
    net.add_tie("x", "y", weight=0.0)
    net.add_tie("y", "z", weight=0.0)
    assert hn.connected_components(net) == [["x", "y", "z"]]
    assert hn.connected_components(net, strong=True) == [["x"], ["y"], ["z"]]
    assert hn.articulation_points(net) == ["y"]
    assert hn.bridges(net) == [("x", "y"), ("y", "z")]
    assert hn.two_step_reach(net).tolist() == [1.0, 0.5, 0.0]
    assert hn.reach_efficiency(net).tolist() == [2.0, 1.0, 0.0]
