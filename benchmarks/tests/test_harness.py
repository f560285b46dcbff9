# SPDX-License-Identifier: MIT
"""Tests of the benchmark harness: generator, conventions, re-implementations, checks.

Run with ``make bench-smoke`` (or ``pytest benchmarks/tests``). No timing is
asserted anywhere.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import agree, reimpl  # noqa: E402
from harness.adapters import Inputs  # noqa: E402
from harness.generate import HOMOPHILY, SECTOR_SHARES, SECTORS, SIZES, Size, pivots, sbm  # noqa: E402

ig = pytest.importorskip("igraph")


def _nx_graph(src, dst, n):
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(zip(src.tolist(), dst.tolist()))
    return G


def _by_node(d, n):
    return np.array([d[i] for i in range(n)], dtype=float)


@pytest.fixture(scope="module")
def small():
    """A 300-actor, 1200-tie network of the benchmark model."""
    src, dst, sector = sbm(300, 1200, seed=5)
    return src, dst, sector


# ---- generator -----------------------------------------------------------------


def test_sbm_is_simple_with_exact_size(small):
    # Exactly m ties, no self-loop, no pair twice (either orientation); oracle: networkx edge count.
    src, dst, sector = small
    assert src.size == dst.size == 1200
    assert not (src == dst).any()
    keys = np.minimum(src, dst) * 300 + np.maximum(src, dst)
    assert np.unique(keys).size == 1200
    assert _nx_graph(src, dst, 300).number_of_edges() == 1200
    assert sector.size == 300 and sector.min() >= 0 and sector.max() < len(SECTORS)


def test_sbm_is_seeded():
    # Equal seeds give equal arrays, different seeds different ones (hand check of reproducibility).
    a = sbm(200, 600, seed=9)
    b = sbm(200, 600, seed=9)
    c = sbm(200, 600, seed=10)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.array_equal(a[0], c[0])


def test_sbm_homophily_matches_model():
    # Share of within-sector ties = h + (1 - h) * sum_g p_g^2 (hand-derived from the model), up to sampling noise.
    src, dst, sector = sbm(20_000, 100_000, seed=3)
    p = np.bincount(sector, minlength=len(SECTORS)) / sector.size
    expected = HOMOPHILY + (1 - HOMOPHILY) * (p**2).sum()
    observed = (sector[src] == sector[dst]).mean()
    assert abs(observed - expected) < 0.01
    assert np.allclose(p, SECTOR_SHARES, atol=0.01)


def test_sbm_rejects_impossible_sizes():
    # More ties than the rejection sampler supports is an error, not an endless loop (hand-computed bound n(n-1)/4).
    with pytest.raises(ValueError):
        sbm(10, 30, seed=1)


def test_sectors_are_healthnet_core_sectors():
    # The 8 sector labels are the core sectors of healthnet's built-in taxonomy (oracle: hn.Taxonomy.builtin()).
    hn = pytest.importorskip("healthnet")
    assert list(SECTORS) == hn.Taxonomy.builtin().core_sectors()


def test_pivots_distinct_and_seeded():
    # Pivots are k distinct sorted actors, the same for the same seed (hand check).
    p = pivots(1000, 32, seed=4)
    assert p.size == 32 and np.unique(p).size == 32 and (np.diff(p) > 0).all()
    assert np.array_equal(p, pivots(1000, 32, seed=4))
    assert SIZES["M"].pivots == SIZES["L"].pivots == 32 and SIZES["S"].pivots == 0


# ---- betweenness conventions -------------------------------------------------------


def test_subset_betweenness_with_all_sources_is_exact(small):
    # Convention check: igraph betweenness(sources=all) and networkx betweenness_centrality_subset(all, all)
    # equal exact betweenness (oracle: networkx betweenness_centrality), and scaling with P = all is the identity.
    src, dst, _ = small
    n = 300
    G = _nx_graph(src, dst, n)
    g = ig.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())))
    exact = _by_node(nx.betweenness_centrality(G, normalized=False), n)
    everyone = np.arange(n)
    ig_all = np.asarray(g.betweenness(sources=everyone.tolist()))
    nx_all = _by_node(nx.betweenness_centrality_subset(G, list(G), list(G), normalized=False), n)
    assert np.allclose(ig_all, exact, rtol=1e-9, atol=1e-9)
    assert np.allclose(nx_all, exact, rtol=1e-9, atol=1e-9)
    assert np.allclose(reimpl.scale_pivot_betweenness(ig_all, everyone), exact, rtol=1e-9, atol=1e-9)


def test_pivot_scaling_equals_networkx_sampled_estimate(small):
    # Our scaling of subset betweenness equals networkx's own k-sample estimate for the pivots it draws
    # (oracle: networkx >= 3.5 betweenness_centrality(k=, seed=), pivots = random.Random(seed).sample(nodes, k)).
    src, dst, _ = small
    n, k, seed = 300, 20, 11
    G = _nx_graph(src, dst, n)
    g = ig.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())))
    piv = np.array(random.Random(seed).sample(list(G.nodes()), k))
    expected = _by_node(nx.betweenness_centrality(G, k=k, seed=seed, normalized=False), n)
    raw_ig = np.asarray(g.betweenness(sources=piv.tolist()))
    raw_nx = _by_node(nx.betweenness_centrality_subset(G, piv.tolist(), list(G), normalized=False), n)
    assert np.allclose(reimpl.scale_pivot_betweenness(raw_ig, piv), expected, rtol=1e-9, atol=1e-9)
    assert np.allclose(reimpl.scale_pivot_betweenness(raw_nx, piv), expected, rtol=1e-9, atol=1e-9)


def test_healthnet_pivot_betweenness_matches_scaled_subset(small):
    # hn.betweenness(pivots=P) equals networkx's k-sample estimate over the same P (oracle: networkx).
    hn = pytest.importorskip("healthnet")
    src, dst, sector = small
    n, k, seed = 300, 20, 11
    G = _nx_graph(src, dst, n)
    piv = np.array(random.Random(seed).sample(list(G.nodes()), k))
    expected = _by_node(nx.betweenness_centrality(G, k=k, seed=seed, normalized=False), n)
    net = hn.from_arrays(src, dst, directed=False, n_actors=n)
    got = hn.betweenness(net, pivots=piv).to_numpy()
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-9)


def test_networkit_conventions(small):
    # NetworKit counts undirected pairs twice (halved by the adapter) and its generalized closeness is networkx's
    # (oracle: networkx betweenness_centrality and closeness_centrality).
    nk = pytest.importorskip("networkit")
    nk.setNumberOfThreads(1)
    src, dst, _ = small
    n = 300
    G = _nx_graph(src, dst, n)
    K = nk.Graph(n)
    K.addEdges((src, dst))
    btw = np.asarray(nk.centrality.Betweenness(K, normalized=False).run().scores()) / 2
    assert np.allclose(btw, _by_node(nx.betweenness_centrality(G, normalized=False), n), rtol=1e-9, atol=1e-9)
    clo = np.asarray(nk.centrality.Closeness(K, True, nk.centrality.ClosenessVariant.GENERALIZED).run().scores())
    assert np.allclose(clo, _by_node(nx.closeness_centrality(G), n), rtol=1e-12, atol=1e-12)


# ---- re-implementations ------------------------------------------------------------


def test_block_counts_on_drawn_network():
    # Hand-computed on a drawn network, groups A = {0, 1, 2}, B = {3, 4}:
    #   0 - 1 - 2      ties inside A: 0-1, 1-2      (I_A = 2)
    #       |   |      inside B: 3-4                 (I_B = 1)
    #       3 - 4      between: 1-3, 2-4             (E = 2)
    # E-I = (2 - 3) / 5 = -0.2; density A = 2/3, B = 1/1, A-B = 2/6.
    src = np.array([0, 1, 1, 2, 3])
    dst = np.array([1, 2, 3, 4, 4])
    codes = np.array([0, 0, 0, 1, 1])
    c = reimpl.block_counts(src, dst, codes, k=2)
    assert c.tolist() == [[2, 2], [2, 1]]
    assert reimpl.ei_index(c) == pytest.approx(-0.2)
    assert reimpl.cross_group_share(c) == pytest.approx(0.4)
    dens = reimpl.block_density(c, np.array([3, 2]))
    assert np.allclose(dens, [[2 / 3, 2 / 6], [2 / 6, 1.0]])
    assert reimpl.connected_group_share(c, np.array([3, 2])) == 1.0


def test_block_density_one_actor_group_is_nan():
    # A one-actor group has no possible pair inside (hand-computed: n_g (n_g - 1) / 2 = 0 -> NaN).
    c = reimpl.block_counts(np.array([0]), np.array([1]), np.array([0, 1]), k=2)
    dens = reimpl.block_density(c, np.array([1, 1]))
    assert np.isnan(dens[0, 0]) and dens[0, 1] == 1.0


def test_modularity_matches_networkx(small):
    # One modularity function for every Louvain partition (oracle: networkx.community.modularity).
    src, dst, sector = small
    G = _nx_graph(src, dst, 300)
    parts = [set(np.flatnonzero(sector == g).tolist()) for g in np.unique(sector)]
    assert reimpl.modularity(src, dst, sector) == pytest.approx(nx.community.modularity(G, parts), rel=1e-12)


def test_fragmentation_and_freeman_hand_computed():
    # Components of sizes 3, 1, 1 among n = 5: F = 1 - 6/20 = 0.7; star of 4: degree centralization 1.
    assert reimpl.fragmentation(np.array([3, 1, 1]), 5) == pytest.approx(0.7)
    assert reimpl.freeman(np.array([3.0, 1, 1, 1]), 3 * 2) == pytest.approx(1.0)


def test_wf_closeness_matches_networkx_on_disconnected_graph():
    # igraph closeness converted to networkx's Wasserman-Faust form (oracle: networkx closeness_centrality),
    # on a path 0-1-2 plus a tie 3-4 plus an isolate 5.
    src, dst, n = np.array([0, 1, 3]), np.array([1, 2, 4]), 6
    g = ig.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())))
    cc = g.connected_components()
    size = np.asarray(cc.sizes(), dtype=float)[np.asarray(cc.membership)]
    got = reimpl.wf_closeness(np.asarray(g.closeness(), dtype=float), size, n)
    assert np.allclose(got, _by_node(nx.closeness_centrality(_nx_graph(src, dst, n)), n))


def test_canonical_labels():
    # Relabelling by first appearance (hand-computed).
    assert reimpl.canonical_labels(np.array([5, 5, 2, 9, 2])).tolist() == [0, 0, 1, 2, 1]


# ---- agreement checks -------------------------------------------------------------


def _inputs(small) -> Inputs:
    src, dst, sector = small
    return Inputs(src, dst, sector, np.arange(300), Size("T", 300, 1200, 1, 0, True))


def test_exact_check_detects_small_differences(small):
    # 1e-12 relative noise agrees, 1e-6 does not; NaN must match NaN (hand-made values).
    d = _inputs(small)
    ref = np.linspace(1, 2, 50)
    assert agree.check_exact(ref, ref * (1 + 1e-12), d)[0]
    assert not agree.check_exact(ref, ref * (1 + 1e-6), d)[0]
    assert not agree.check_exact(np.array([1.0, np.nan]), np.array([1.0, 0.0]), d)[0]
    assert agree.check_exact(np.array([1.0, np.nan]), np.array([1.0, np.nan]), d)[0]


def test_partition_check(small):
    # Renamed labels agree; one actor moved does not (hand-made partitions).
    d = _inputs(small)
    assert agree.check_partition(np.array([0, 0, 1, 2]), np.array([7, 7, 3, 1]), d)[0]
    assert not agree.check_partition(np.array([0, 0, 1, 2]), np.array([7, 3, 3, 1]), d)[0]


def test_louvain_check_uses_modularity(small):
    # The sector partition renamed agrees; one community (Q = 0) does not (oracle: modularity).
    src, dst, sector = small
    d = _inputs(small)
    assert agree.check_louvain(sector, (sector + 3) % len(SECTORS), d)[0]
    assert not agree.check_louvain(sector, np.zeros_like(sector), d)[0]


def test_estimate_check(small):
    # Two estimates from different pivots agree statistically; a shuffled or doubled one does not
    # (oracle: networkx k-sample estimates).
    src, dst, _ = small
    d = _inputs(small)
    G = _nx_graph(src, dst, 300)
    a = _by_node(nx.betweenness_centrality(G, k=150, seed=1, normalized=False), 300)
    b = _by_node(nx.betweenness_centrality(G, k=150, seed=2, normalized=False), 300)
    assert agree.check_estimate(a, b, d)[0]
    assert not agree.check_estimate(a, 2 * b, d)[0]
    assert not agree.check_estimate(a, np.random.default_rng(0).permutation(b), d)[0]


def test_profile_check_compares_common_keys(small):
    # Only common keys are compared; a differing one is named (hand-made dicts).
    d = _inputs(small)
    ok, _ = agree.check_profile({"density": 0.5, "x": 1.0}, {"density": 0.5}, d)
    assert ok
    ok, detail = agree.check_profile({"density": 0.5}, {"density": 0.6}, d)
    assert not ok and "density" in detail


def test_pagerank_check_bound(small):
    # Two power iterations stopped at n * tol agree within the L1 bound; a change of 10x the bound does not
    # (oracle: networkx pagerank at tol 1e-12 and an exact linear solve of the PageRank system).
    src, dst, _ = small
    d = _inputs(small)
    G = _nx_graph(src, dst, 300)
    iterated = _by_node(nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=1000), 300)
    A = nx.to_numpy_array(G, nodelist=range(300))
    P = A / A.sum(axis=0, keepdims=True)  # no isolates in this network
    exact = np.linalg.solve(np.eye(300) - 0.85 * P, np.full(300, 0.15 / 300))
    assert agree.check_pagerank(exact, iterated, d)[0]
    bound = 2 * 0.85 / 0.15 * 300 * 1e-12 + 1e-9
    shifted = exact.copy()
    shifted[:2] += np.array([5, -5]) * bound
    assert not agree.check_pagerank(exact, shifted, d)[0]


def test_summary_status_rules():
    # A time counts only when every repetition agrees; healthnet is flagged when every other library disagrees
    # (hand-made record of two repetitions).
    from harness import runner

    record = {
        "size": "S",
        "libraries": ["healthnet", "igraph", "networkx"],
        "times": {
            "healthnet": {"density": [1.0, 3.0], "degree": [1.0, 1.0]},
            "igraph": {"density": [2.0, 2.0], "degree": [4.0, 4.0]},
            "networkx": {"density": [9.0, 9.0], "degree": [8.0, 8.0]},
        },
        "verdicts": {
            "healthnet": {"density": [[True, ""]], "degree": [[True, ""]]},
            "igraph": {"density": [[True, ""], [False, "gap"]], "degree": [[False, "x"], [False, "x"]]},
            "networkx": {"density": [[True, ""], [True, ""]], "degree": [[False, "y"], [False, "y"]]},
        },
        "errors": {"healthnet": {}, "igraph": {}, "networkx": {"density": "ValueError: boom"}},
    }
    cells = runner.summarise(record)
    assert cells["density"]["healthnet"]["median_s"] == 2.0 and cells["density"]["healthnet"]["status"] == "ok"
    assert cells["density"]["igraph"]["status"] == "disagrees"
    assert cells["degree"]["healthnet"]["status"] == "disagrees"
    assert cells["density"]["networkx"]["status"] == "error"
    assert "S density networkx: error: ValueError: boom" in runner.failures(record, cells)


def test_failed_worker_loses_only_its_repetition():
    # A worker killed in repetition 1 (errors["*"]) must not void the times of repetitions 2 and 3; a task that
    # errs by itself stays an error (hand-made record).
    from harness import runner

    record = {
        "size": "S",
        "reps": 3,
        "libraries": ["healthnet", "igraph"],
        "times": {"healthnet": {"density": [1.0, 1.0, 1.0], "louvain": [2.0, 2.0, 2.0]},
                  "igraph": {"density": [3.0, 5.0]}},
        "verdicts": {"healthnet": {"density": [[True, ""]], "louvain": [[True, ""]]},
                     "igraph": {"density": [[True, "gap 0"], [True, "gap 0"]]}},
        "errors": {"healthnet": {}, "igraph": {"*": "exit -15: ", "louvain": "RuntimeError: not run"}},
    }
    cells = runner.summarise(record)
    assert cells["density"]["igraph"]["status"] == "ok" and cells["density"]["igraph"]["median_s"] == 4.0
    assert "2 of 3 repetitions" in cells["density"]["igraph"]["detail"]
    assert cells["louvain"]["igraph"]["status"] == "error"
    record["times"]["igraph"] = {}
    record["verdicts"]["igraph"] = {}
    assert runner.summarise(record)["density"]["igraph"]["status"] == "error"
