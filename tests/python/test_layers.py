# SPDX-License-Identifier: MIT
"""Ratings and layers: ``weight=`` (any numeric tie attribute), ``relation=``,
``distance="inverse"``, ``hn.layers`` and the CLI's ``--weight``/``--relation``.

Oracles (each test names its own):
- networkx with ``weight="trust"`` / ``distance="trust"`` on the same graph
  (``degree`` = strength, ``betweenness_centrality``, ``closeness_centrality``,
  ``harmonic_centrality``, ``eigenvector_centrality``, ``constraint``,
  ``community.modularity``);
- igraph ``pagerank(weights="trust")`` (networkx's needs scipy, absent here);
- ``distance="inverse"``: networkx with a precomputed edge attribute ``1/w``;
- relation layers: networkx on the filtered edge list (all nodes kept);
- ``hn.layers``: a count over the edge list in Python.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import healthnet as hn

TOL = 1e-9
RELATIONS = ["information", "joint_project", "referral"]


def rated_graph(directed: bool, seed: int = 7, n: int = 24, p: float = 0.18):
    """A random graph whose edges carry weight, trust (1-4, int), frequency
    (0.5-5, float) and one or two relations; two isolates at the end."""
    rng = random.Random(seed)
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(f"v{i}" for i in range(n + 2))
    for i in range(n):
        for j in range(n):
            if i == j or (not directed and j < i) or rng.random() >= p:
                continue
            rels = sorted(rng.sample(RELATIONS, rng.choice([1, 1, 2])))
            g.add_edge(
                f"v{i}",
                f"v{j}",
                weight=float(rng.choice([1, 2, 3])),
                trust=rng.randint(1, 4),
                frequency=rng.choice([0.5, 1.0, 2.0, 4.0]),
                relations=rels,
            )
    return g


def to_net(g) -> hn.Network:
    net = hn.Network(directed=g.is_directed())
    for i, v in enumerate(g.nodes):
        net.add_actor(v, attributes={"team": f"t{i % 3}"})
    for u, v, d in g.edges(data=True):
        net.add_tie(u, v, relations=d["relations"], weight=d["weight"],
                    attributes={"trust": d["trust"], "frequency": d["frequency"]})
    return net


def series(net: hn.Network, values: dict) -> pd.Series:
    return pd.Series([float(values[a]) for a in net.actor_ids], index=net.actor_ids)


def layer(g, relation):
    """The networkx oracle of a relation layer: all nodes, the edges carrying it."""
    h = g.__class__()
    h.add_nodes_from(g.nodes)
    h.add_edges_from((u, v, d) for u, v, d in g.edges(data=True) if relation in d["relations"])
    return h


def with_inverse(g, attr):
    h = g.copy()
    for _, _, d in h.edges(data=True):
        d["inverse"] = 1.0 / d[attr]
    return h


@pytest.fixture(params=[False, True], ids=["undirected", "directed"])
def pair(request):
    g = rated_graph(request.param)
    return g, to_net(g)


def check(ours: pd.Series, oracle: pd.Series, tol=TOL):
    np.testing.assert_allclose(ours.to_numpy(), oracle.to_numpy(), rtol=tol, atol=tol)
    assert list(ours.index) == list(oracle.index)


# ---- weight= with a tie attribute: networkx weight="trust" ---------------------


def test_strength_by_trust_is_networkx_weighted_degree(pair):
    g, net = pair
    # Oracle: networkx degree(weight="trust"), i.e. the trust strength.
    check(hn.degree(net, weight="trust"), series(net, dict(g.degree(weight="trust"))))
    check(hn.strength(net, weight="trust"), series(net, dict(g.degree(weight="trust"))))
    if g.is_directed():
        check(hn.degree(net, "in", weight="frequency"), series(net, dict(g.in_degree(weight="frequency"))))


def test_betweenness_by_trust_is_networkx(pair):
    g, net = pair
    # Oracle: networkx betweenness_centrality(weight="trust") (trust as length).
    want = nx.betweenness_centrality(g, weight="trust", normalized=False)
    check(hn.betweenness(net, weight="trust"), series(net, want))
    assert not np.allclose(hn.betweenness(net, weight="trust"), hn.betweenness(net))  # the weight matters here
    # the tie weight is unchanged by it, and weight="weight" still reads it
    check(hn.betweenness(net, weight="weight"), series(net, nx.betweenness_centrality(g, weight="weight", normalized=False)))


def test_closeness_and_harmonic_by_trust_are_networkx(pair):
    g, net = pair
    # Oracle: networkx closeness_centrality(distance="trust"), harmonic_centrality(distance="trust").
    check(hn.closeness(net, weight="trust"), series(net, nx.closeness_centrality(g, distance="trust")))
    assert not np.allclose(hn.closeness(net, weight="trust"), hn.closeness(net, weight="weight"))
    check(hn.harmonic_closeness(net, weight="trust"), series(net, nx.harmonic_centrality(g, distance="trust")))


def test_pagerank_by_trust_is_igraph(pair):
    g, net = pair
    # Oracle: igraph pagerank(weights="trust") (PRPACK, exact; iterative here: 1e-8).
    ig_g = ig.Graph.from_networkx(g)
    names = ig_g.vs["_nx_name"]
    want = dict(zip(names, ig_g.pagerank(weights="trust", directed=g.is_directed())))
    check(hn.pagerank(net, weight="trust"), series(net, want), tol=1e-8)


def test_eigenvector_and_constraint_by_trust_are_networkx():
    g = rated_graph(False)
    net = to_net(g)
    # Oracle: networkx eigenvector_centrality(weight="trust") with the same max_iter/tol (same iteration).
    ours = hn.eigenvector_centrality(net, weight="trust")
    want = nx.eigenvector_centrality(g, weight="trust", max_iter=1000, tol=1e-10)
    check(ours, series(net, want), tol=1e-8)
    # Oracle: networkx constraint(weight="trust"); NaN for isolates in both.
    check(hn.constraint(net, weight="trust"), series(net, nx.constraint(g, weight="trust")))


def test_density_and_modularity_by_trust():
    g = rated_graph(False)
    net = to_net(g)
    n = g.number_of_nodes()
    # Oracle: by hand, valued density = sum of trust / (n(n-1)/2) (R sna gden on the valued matrix).
    want = sum(d["trust"] for _, _, d in g.edges(data=True)) / (n * (n - 1) / 2)
    assert hn.density(net, weight="trust") == pytest.approx(want, abs=1e-15)
    # Oracle: networkx community.modularity(weight="trust") of the partition by the actor attribute "team".
    parts = [{a for i, a in enumerate(net.actor_ids) if i % 3 == k} for k in range(3)]
    assert hn.modularity(net, by="team", weight="trust") == pytest.approx(
        nx.community.modularity(g, parts, weight="trust"), abs=TOL)
    assert hn.modularity(net, by="team", weight="trust") != pytest.approx(hn.modularity(net, by="team"), abs=1e-6)
    labels = hn.louvain(net, weight="trust", relation="referral", seed=3)
    assert list(labels.index) == net.actor_ids


def test_weighted_keyword_still_works(pair):
    g, net = pair
    # Oracle: the old spelling, weighted=True, is weight="weight"; weighted=False is weight=None.
    check(hn.betweenness(net, weighted=True), hn.betweenness(net, weight="weight"))
    check(hn.closeness(net, weighted=False), series(net, nx.closeness_centrality(g)))
    check(hn.pagerank(net, weighted=False), hn.pagerank(net, weight=None))
    check(hn.closeness(net, 1), hn.closeness(net, weight="weight"))  # positional, as before
    check(hn.betweenness(net, weighted=True, weight="trust"), hn.betweenness(net, weight="trust"))
    with pytest.raises(ValueError, match="weighted=False contradicts weight='trust'"):
        hn.betweenness(net, weighted=False, weight="trust")
    with pytest.raises(ValueError, match="weighted=True contradicts weight=None"):
        hn.pagerank(net, weighted=True, weight=None)


# ---- distance="inverse": networkx with a precomputed 1/w attribute ---------------


def test_inverse_distance_is_networkx_on_one_over_w(pair):
    g, net = pair
    h = with_inverse(g, "frequency")
    assert not np.allclose(hn.closeness(net, weight="frequency", distance="inverse"),
                           hn.closeness(net, weight="frequency"))
    # Oracle: networkx with distance/weight = the edge attribute 1/frequency.
    check(hn.betweenness(net, weight="frequency", distance="inverse"),
          series(net, nx.betweenness_centrality(h, weight="inverse", normalized=False)))
    check(hn.closeness(net, weight="frequency", distance="inverse"),
          series(net, nx.closeness_centrality(h, distance="inverse")))
    check(hn.harmonic_closeness(net, weight="frequency", distance="inverse"),
          series(net, nx.harmonic_centrality(h, distance="inverse")))
    h = with_inverse(g, "weight")
    check(hn.closeness(net, weight="weight", distance="inverse"),
          series(net, nx.closeness_centrality(h, distance="inverse")))


def test_inverse_distance_changes_the_broker():
    # Oracle: by hand. a-b-c with frequency 1 and 1, a-d-c with frequency 4 and 4.
    # As lengths a-b-c (2 < 8) is shorter, so b brokers a-c; inverted a-d-c (0.5 < 2)
    # is, so d does. b-d has two equal paths either way (via a and via c): 1/2 each.
    net = hn.Network()
    for a in "abcd":
        net.add_actor(a)
    for s, t, f in [("a", "b", 1), ("b", "c", 1), ("a", "d", 4), ("d", "c", 4)]:
        net.add_tie(s, t, attributes={"frequency": f})
    assert hn.betweenness(net, weight="frequency").to_dict() == {"a": 0.5, "b": 1, "c": 0.5, "d": 0}
    assert hn.betweenness(net, weight="frequency", distance="inverse").to_dict() == {"a": 0.5, "b": 0, "c": 0.5, "d": 1}


# ---- relation=: networkx on the filtered edge list ------------------------------------


@pytest.mark.parametrize("relation", RELATIONS)
def test_relation_layer_is_networkx_on_filtered_edges(pair, relation):
    g, net = pair
    h = layer(g, relation)
    # Oracle: networkx on the edges that carry the relation, all nodes kept.
    ours = hn.betweenness(net, relation=relation)
    check(ours, series(net, nx.betweenness_centrality(h, normalized=False)))
    assert list(ours.index) == net.actor_ids  # every actor, isolates in the layer included
    check(hn.degree(net, relation=relation), series(net, dict(h.degree())))
    check(hn.closeness(net, relation=relation, weight="trust"), series(net, nx.closeness_centrality(h, distance="trust")))
    assert hn.density(net, relation=relation) == pytest.approx(nx.density(h), abs=1e-15)


def test_layers_lists_relations_and_counts():
    g = rated_graph(True)
    net = to_net(g)
    # Oracle: a count over the networkx edge list.
    want = {r: sum(r in d["relations"] for _, _, d in g.edges(data=True)) for r in RELATIONS}
    got = hn.layers(net)
    assert got.to_dict() == want
    assert list(got.index) == sorted(want) and got.index.name == "relation" and got.name == "ties"
    assert got.dtype == np.int64
    assert hn.layers(hn.Network()).empty


# ---- bad input ---------------------------------------------------------------------


def test_unknown_attribute_is_a_key_error_with_did_you_mean():
    net = to_net(rated_graph(False))
    with pytest.raises(KeyError, match=r"did you mean 'trust'\?.*known: 'frequency', 'trust'"):
        hn.betweenness(net, weight="trsut")
    with pytest.raises(KeyError, match=r"did you mean 'weight'"):
        hn.degree(net, weight="wieght")


def test_missing_rating_is_a_value_error_naming_count_and_first_tie():
    net = to_net(rated_graph(False))
    n = net.n_ties
    net.add_actor("new")
    net.add_tie("v0", "new", relations=["extra"])
    with pytest.raises(ValueError, match=rf"1 of {n + 1} ties have no 'trust' value, the first 'v0' -- 'new'; "
                                         r"a missing rating is neither 0 nor 1: pick a relation layer"):
        hn.closeness(net, weight="trust")
    # the layers without the new tie have every rating
    assert hn.closeness(net, weight="trust", relation="referral").notna().all()


def test_non_numeric_and_negative_ratings_are_value_errors():
    net = hn.Network()
    for a in "xyz":
        net.add_actor(a)
    net.add_tie("x", "y", attributes={"trust": "high", "score": -1.0})
    net.add_tie("y", "z", attributes={"trust": 2, "score": 1.0})
    with pytest.raises(ValueError, match="tie attribute 'trust' of the tie 'x' -- 'y' is 'high', not a number"):
        hn.degree(net, weight="trust")
    with pytest.raises(ValueError, match="is -1; weights must be finite and >= 0"):
        hn.pagerank(net, weight="score")


def test_unknown_relation_is_a_key_error_with_did_you_mean():
    net = to_net(rated_graph(False))
    with pytest.raises(KeyError, match="did you mean 'referral'"):
        hn.degree(net, relation="refferal")


def test_inverse_needs_a_weight_and_positive_weights():
    net = to_net(rated_graph(False))
    with pytest.raises(ValueError, match="distance='inverse' .* no weight is given"):
        hn.closeness(net, distance="inverse")
    with pytest.raises(ValueError, match="distance: expected 'weight' or 'inverse'"):
        hn.closeness(net, weight="trust", distance="1/w")
    zero = hn.Network()
    zero.add_actor("x")
    zero.add_actor("y")
    zero.add_tie("x", "y", weight=0.0)
    with pytest.raises(ValueError, match="has weight 0, and its inverse length 1/0 is infinite"):
        hn.betweenness(zero, weight="weight", distance="inverse")


# ---- the CLI: --weight and --relation ------------------------------------------------


def run(cli, *args):
    return subprocess.run([cli, *map(str, args)], capture_output=True, text=True, timeout=120)


def test_cli_metrics_weight_and_relation(cli, tmp_path: Path):
    net = to_net(rated_graph(True))
    path = tmp_path / "rated.json"
    hn.write_json(net, path)
    # Oracle: the Python functions on the same layer / attribute (checked above against networkx).
    r = run(cli, "metrics", path, "--relation", "referral", "--weight", "trust", "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["relation"] == "referral" and doc["weight"] == "trust"
    assert "relation layer 'referral'" in doc["note"] and "tie attribute 'trust'" in doc["note"]
    assert doc["metrics"]["density"] == pytest.approx(hn.density(net, relation="referral"), abs=1e-15)
    assert doc["metrics"]["weighted_density"] == pytest.approx(
        hn.density(net, relation="referral", weight="trust"), abs=1e-15)
    assert doc["metrics"]["n_actors"] == net.n_actors
    r = run(cli, "metrics", path, "--relation", "referral")
    assert r.returncode == 0, r.stderr
    n_layer = int(hn.layers(net)["referral"])
    assert f"note: computed on the relation layer 'referral' ({n_layer} of {net.n_ties} ties, all actors)" in r.stdout


def test_cli_metrics_unknown_names_exit_1(cli, tmp_path: Path):
    net = to_net(rated_graph(False))
    path = tmp_path / "rated.json"
    hn.write_json(net, path)
    r = run(cli, "metrics", path, "--weight", "trsut")
    assert r.returncode == 1 and "did you mean 'trust'" in r.stderr
    r = run(cli, "metrics", path, "--relation", "refferal")
    assert r.returncode == 1 and "did you mean 'referral'" in r.stderr


def test_cli_metrics_weight_column_of_a_csv_pair(cli, tmp_path: Path):
    # With --actors/--ties, --weight names the ties column read as the weight (as
    # in every command); the note says so. Oracle: hn.density with that attribute.
    g = rated_graph(False)
    net = to_net(g)
    actors = tmp_path / "actors.csv"
    ties = tmp_path / "ties.csv"
    actors.write_text("id\n" + "".join(f"{a}\n" for a in net.actor_ids))
    ties.write_text("source,target,relations,trust\n" + "".join(
        f"{u},{v},{'|'.join(d['relations'])},{d['trust']}\n" for u, v, d in g.edges(data=True)))
    r = run(cli, "metrics", "--actors", actors, "--ties", ties, "--undirected", "--weight", "trust",
            "--relation", "referral", "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["weight"] == "trust" and "weights are the column 'trust'" in doc["note"]
    assert doc["metrics"]["weighted_density"] == pytest.approx(
        hn.density(net, relation="referral", weight="trust"), abs=1e-15)
