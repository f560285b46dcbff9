# SPDX-License-Identifier: MIT
"""Bulk loading from numpy arrays, tie export, pivots and threads.

Oracles: networkx (graphs built edge by edge from the same arrays), igraph
subset betweenness on identical pivots, and the one-by-one ``add_tie`` path.
"""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import healthnet as hn


def sbm_arrays(n: int, m: int, seed: int):
    rng = np.random.default_rng(seed)
    s = rng.integers(0, n, m)
    t = rng.integers(0, n, m)
    keep = s != t
    return s[keep], t[keep]


def test_from_arrays_equals_add_tie_one_by_one():
    # Oracle: the same ties through Network.add_tie, repeated pairs included
    # (they merge: weights add, the first orientation is kept).
    s, t = sbm_arrays(50, 400, seed=1)
    w = np.random.default_rng(2).integers(1, 4, s.size).astype(float)
    sectors = np.array(["outpatient_care", "pharmacy"])[np.arange(50) % 2]
    bulk = hn.from_arrays(s, t, weight=w, sector=sectors)
    oracle = hn.Network(directed=False)
    for i in range(50):
        oracle.add_actor(str(i), sectors=[sectors[i]])
    for a, b, x in zip(s, t, w):
        oracle.add_tie(str(a), str(b), weight=float(x))
    assert bulk == oracle
    assert bulk.n_ties < s.size  # the input had repeated pairs


@pytest.mark.parametrize("directed", [False, True])
def test_from_arrays_matches_networkx_degrees(directed):
    s, t = sbm_arrays(200, 1000, seed=3)
    net = hn.from_arrays(s, t, directed=directed)
    g = (nx.DiGraph if directed else nx.Graph)()
    g.add_nodes_from(range(200))
    g.add_edges_from(zip(s.tolist(), t.tolist()))
    assert net.n_ties == g.number_of_edges()
    assert hn.density(net) == pytest.approx(nx.density(g), rel=1e-12)
    deg = hn.degree(net)
    assert [deg[str(v)] for v in range(200)] == [g.degree(v) for v in range(200)]


def test_tie_arrays_round_trip():
    s, t = sbm_arrays(30, 100, seed=4)
    net = hn.from_arrays(s, t, directed=True, actor_ids=[f"a{i}" for i in range(30)])
    src, dst, w = hn.tie_arrays(net)
    assert src.dtype == np.uint32 and w.dtype == np.float64
    again = hn.from_arrays(src, dst, directed=True, weight=w, actor_ids=net.actor_ids)
    assert again == net


def test_actor_ids_sectors_and_isolates():
    ids = np.array(["praxis", "klinik", "apotheke", "ämt"])  # numpy 'U' array, non-ASCII
    net = hn.from_arrays([0], [1], sector=pd.Series(["outpatient_care", None, "pharmacy", "municipality"]),
                         actor_ids=ids)
    assert net.actor_ids == ["praxis", "klinik", "apotheke", "ämt"]
    assert net.actor("praxis").sectors == ["outpatient_care"]
    assert net.actor("klinik").sectors == []  # missing label: no sector
    assert hn.isolates(net) == ["apotheke", "ämt"]
    assert hn.from_arrays([0], [1], n_actors=5).n_actors == 5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(source=[0, -1], target=[1, 2]), "source[1]: actor index -1 is negative"),
        (dict(source=[0, 1], target=[1]), "target: has 1 entries but source has 2"),
        (dict(source=[0, 1], target=[1, 5], n_actors=3), "target[1]: actor index 5 out of range"),
        (dict(source=[0, 1], target=[1, 1]), "target[1]: self-loop on actor '1'"),
        (dict(source=[0], target=[1], weight=[-2.0]), "weight[0]: weight is negative"),
        (dict(source=[0.5], target=[1]), "source: expected an integer array"),
        (dict(source=[0], target=[1], actor_ids=["a", "a"]), "actor_ids[1]: duplicate actor id 'a'"),
        (dict(source=[0], target=[1], actor_ids=["a", "b"], sector=["x"]), "sector: has 1 entries for 2 actors"),
    ],
)
def test_from_arrays_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError) as err:
        hn.from_arrays(**kwargs)
    assert message in str(err.value)


def test_betweenness_on_given_pivots_matches_igraph_subset():
    # Oracle: igraph betweenness(sources=P) sums dependencies over the pivots
    # (undirected: each pivot's sum halved, as healthnet's raw sums); healthnet
    # scales non-pivots by (n-1)/k and pivots by (n-1)/(k-1) (networkx 3.5+).
    s, t = sbm_arrays(120, 500, seed=5)
    net = hn.from_arrays(s, t)
    g = ig.Graph(n=120, edges=list(zip(s.tolist(), t.tolist()))).simplify()
    pivots = np.array([3, 17, 40, 41, 99])
    raw = np.array(g.betweenness(sources=pivots.tolist()))
    n, k = 120, len(pivots)
    scale = np.full(n, (n - 1) / k)
    scale[pivots] = (n - 1) / (k - 1)
    got = hn.betweenness(net, pivots=pivots).to_numpy()
    np.testing.assert_allclose(got, raw * scale, rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError, match="pivots"):
        hn.betweenness(net, pivots=[500])
    with pytest.raises(ValueError, match="either samples or pivots"):
        hn.betweenness(net, pivots=[1], samples=3)


def test_threads_give_the_single_threaded_values():
    # Oracle: threads=1 of the same function (closeness: bit-identical;
    # betweenness: equal up to summation order).
    s, t = sbm_arrays(300, 1500, seed=6)
    net = hn.from_arrays(s, t)
    pd.testing.assert_series_equal(hn.closeness(net, threads=3), hn.closeness(net))
    pd.testing.assert_series_equal(hn.betweenness(net, threads=3), hn.betweenness(net), rtol=1e-12)
    with pytest.raises(ValueError, match="threads"):
        hn.closeness(net, threads=0)
