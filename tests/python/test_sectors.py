# SPDX-License-Identifier: MIT
"""Group-based measures, each against an independent oracle:

- brokerage: R sna ``brokerage()`` reference values stored in
  tests/data/r_brokerage/brokerage.json (made by make_brokerage_fixtures.R), and a
  brute-force count of the sna definition for the missing-value case;
- assortativity: igraph ``assortativity_nominal(directed=True)``;
- modularity and Louvain quality: networkx ``community.modularity``;
- ARI / NMI: igraph ``compare_communities``;
- E-I, block density, coverage, multiplexity: brute-force counts written
  here from the definitions, and hand-computed values on drawn graphs.
"""

import itertools
import json
import math
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]
ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]


def sectors_of(g):
    return {str(v): d["sector"] for v, d in g.nodes(data=True)}


# ---- brokerage ----------------------------------------------------------------

def sna_cases():
    return json.loads((ROOT / "tests" / "data" / "r_brokerage" / "brokerage.json").read_text())


def network_from_case(case) -> hn.Network:
    net = hn.Network(directed=case["directed"])
    for i, c in enumerate(case["classes"]):
        net.add_actor(str(i), attributes={"group": f"g{c}"})
    for u, v in case["edges"]:
        if case["directed"] or u < v:
            net.add_tie(str(u), str(v))
    return net


@pytest.mark.parametrize("case", sna_cases(), ids=lambda c: c["name"])
def test_brokerage_matches_r_sna(case):
    net = network_from_case(case)
    per_actor = hn.brokerage(net, by="group")
    assert list(per_actor.columns) == ROLES
    np.testing.assert_array_equal(per_actor.to_numpy(), np.array(case["raw_nli"], dtype=float))
    whole = hn.brokerage(net, by="group", level="network")
    np.testing.assert_array_equal(whole["observed"].to_numpy(), np.array(case["raw_gli"], dtype=float))
    np.testing.assert_allclose(whole["expected"].to_numpy(), case["exp_gli"], rtol=1e-12)
    np.testing.assert_allclose(whole["sd"].to_numpy(), case["sd_gli"], rtol=1e-10)
    np.testing.assert_allclose(whole["z"].to_numpy(), case["z_gli"], rtol=1e-10)


def brute_force_brokerage(g: nx.DiGraph, group: dict) -> dict:
    """The sna definition, counted directly over all ordered triples."""
    out = {v: [0] * 6 for v in g.nodes}
    for v in g.nodes:
        for a, b in itertools.permutations(g.nodes, 2):
            if v in (a, b) or not g.has_edge(a, v) or not g.has_edge(v, b) or g.has_edge(a, b):
                continue
            ga, gv, gb = group[a], group[v], group[b]
            role = 0 if ga == gv == gb else 1 if ga == gb else 2 if ga == gv else 3 if gv == gb else 4
            out[v][role] += 1
            out[v][5] += 1
    return out


def test_brokerage_leaves_out_actors_without_group(graph_pair):
    g, net = graph_pair
    # Drop the group of every fifth actor: they and their ties are left out.
    for i, a in enumerate(net.actors):
        attrs = {} if i % 5 == 0 else {"team": a.sector}
        net.update_actor(hn.Actor(a.id, a.name, a.sectors, a.type, attrs))
    got = hn.brokerage(net, by="team")
    kept = [str(v) for i, v in enumerate(g.nodes) if i % 5 != 0]
    sub = (g if g.is_directed() else g.to_directed()).subgraph(int(k) for k in kept)
    exp = brute_force_brokerage(nx.relabel_nodes(sub, str), {k: sectors_of(g)[k] for k in kept})
    for actor_id in net.actor_ids:
        if actor_id in exp:
            assert got.loc[actor_id].tolist() == exp[actor_id]
        else:
            assert got.loc[actor_id].isna().all()


# ---- assortativity, modularity ---------------------------------------------------

def test_assortativity_matches_igraph(graph_pair):
    g, net = graph_pair
    sec = sectors_of(g)
    labels = sorted(set(sec.values()))
    ids = net.actor_ids
    graph = ig.Graph(n=len(ids), edges=[(ids.index(str(u)), ids.index(str(v))) for u, v in g.edges],
                     directed=g.is_directed())
    types = [labels.index(sec[i]) for i in ids]
    assert hn.assortativity(net) == pytest.approx(graph.assortativity_nominal(types, directed=True), abs=1e-12)


def test_modularity_matches_networkx(graph_pair):
    g, net = graph_pair
    sec = sectors_of(g)
    communities = [{v for v in g.nodes if sec[str(v)] == s} for s in sorted(set(sec.values()))]
    assert hn.modularity(net) == pytest.approx(nx.community.modularity(g, communities, weight="weight"), abs=1e-12)
    assert hn.modularity(net, weighted=False, resolution=0.5) == pytest.approx(
        nx.community.modularity(g, communities, weight=None, resolution=0.5), abs=1e-12
    )


# ---- communities ----------------------------------------------------------------

def test_louvain_quality_against_networkx():
    # Louvain is a heuristic: compare the mean modularity over five seeds.
    net = hn.synthetic_region(300, 1500, homophily=6, seed=3)
    g = nx.Graph()
    g.add_nodes_from(net.actor_ids)
    g.add_edges_from((t.source, t.target) for t in net.ties)
    ours, theirs = [], []
    for seed in range(1, 6):
        labels = hn.louvain(net, seed=seed)
        assert labels.equals(hn.louvain(net, seed=seed))  # seeded: reproducible
        communities = [set(labels.index[labels == c]) for c in sorted(labels.unique())]
        q = nx.community.modularity(g, communities)
        assert hn.community_alignment(net, labels)["modularity"] == pytest.approx(q, abs=1e-12)
        ours.append(q)
        theirs.append(nx.community.modularity(g, nx.community.louvain_communities(g, seed=seed)))
    assert np.mean(ours) >= 0.97 * np.mean(theirs)


def test_ari_nmi_match_igraph():
    rng = np.random.default_rng(5)
    for _ in range(5):
        a = rng.integers(0, 4, 60).tolist()
        b = [x if rng.random() < 0.6 else int(rng.integers(0, 5)) for x in a]
        assert hn.adjusted_rand_index(a, b) == pytest.approx(
            ig.compare_communities(a, b, method="adjusted_rand"), abs=1e-12)
        assert hn.normalized_mutual_information(a, b) == pytest.approx(
            ig.compare_communities(a, b, method="nmi"), abs=1e-12)
    assert hn.adjusted_rand_index([0, 0, 1, 1], [1, 1, 0, 0]) == 1.0


# ---- E-I --------------------------------------------------------------------------

def brute_force_ei(g, sec):
    e = sum(1 for u, v in g.edges if sec[str(u)] != sec[str(v)])
    i = g.number_of_edges() - e
    return e, i


def test_ei_index_counts(graph_pair):
    g, net = graph_pair
    e, i = brute_force_ei(g, sectors_of(g))
    r = hn.ei_index(net)
    assert (r.external, r.internal) == (e, i)
    assert r.ei == pytest.approx((e - i) / (e + i), abs=1e-15)
    assert r.homophily == pytest.approx(i / (e + i)) and r.cross_share == pytest.approx(e / (e + i))
    assert r.min_possible <= r.ei <= r.max_possible
    assert -1 <= r.rescaled <= 1


def test_ei_levels_by_brute_force(graph_pair):
    g, net = graph_pair
    sec = sectors_of(g)
    groups = hn.ei_index(net, level="group")
    for s in groups.index:
        e = sum(1 for u, v in g.edges if (sec[str(u)] == s) != (sec[str(v)] == s))
        i = sum(1 for u, v in g.edges if sec[str(u)] == s == sec[str(v)])
        exp = (e - i) / (e + i) if e + i else math.nan
        assert groups[s] == pytest.approx(exp, nan_ok=True)
    actors = hn.ei_index(net, level="actor")
    und = g.to_undirected(as_view=True) if g.is_directed() else g
    for v in g.nodes:
        nbrs = list(g.successors(v)) + list(g.predecessors(v)) if g.is_directed() else list(und.neighbors(v))
        e = sum(1 for u in nbrs if sec[str(u)] != sec[str(v)])
        i = len(nbrs) - e
        assert actors[str(v)] == pytest.approx((e - i) / (e + i) if nbrs else math.nan, nan_ok=True)


def test_ei_permutation_test_is_seeded():
    net = hn.example()
    a = hn.ei_index(net, permutations=300, seed=4)
    assert a == hn.ei_index(net, permutations=300, seed=4)
    assert a.p_greater_equal + a.p_less_equal >= 1.0
    assert 0 <= a.p_greater_equal <= 1 and a.permutations == 300
    assert math.isnan(hn.ei_index(net).p_greater_equal)


def test_ei_hand_computed():
    #  a(x) --- b(x) --- c(y) --- d(y) --- e(z)      f(x) without ties
    net = hn.Network()
    for i, s in zip("abcdef", "xxyyzx"):
        net.add_actor(i, sectors=[s])
    for u, v in ["ab", "bc", "cd", "de"]:
        net.add_tie(u, v)
    r = hn.ei_index(net)
    assert (r.external, r.internal) == (2, 2) and r.ei == 0.0
    # 4 ties; within pairs: x 3, y 1 -> I_max 4, E_max 11: max 1, min -1.
    assert (r.min_possible, r.max_possible) == (-1.0, 1.0)
    # x: a-b inside, b-c out -> 0; y: c-d inside, b-c and d-e out -> 1/3; z: d-e out -> 1.
    assert hn.ei_index(net, level="group").to_dict() == pytest.approx({"x": 0.0, "y": 1 / 3, "z": 1.0})


# ---- block density ------------------------------------------------------------------

def test_block_density_by_brute_force(graph_pair):
    g, net = graph_pair
    sec = sectors_of(g)
    got = hn.block_density(net, weighted=True)
    for a, b in itertools.product(got.index, got.columns):
        na = sum(1 for s in sec.values() if s == a)
        nb = sum(1 for s in sec.values() if s == b)
        w = sum(d["weight"] for u, v, d in g.edges(data=True)
                if (sec[str(u)], sec[str(v)]) == (a, b) or (not g.is_directed() and (sec[str(v)], sec[str(u)]) == (a, b) and a != b))
        pairs = na * (na - 1) if a == b else na * nb
        if a == b and not g.is_directed():
            pairs /= 2
        assert got.loc[a, b] == pytest.approx(w / pairs if pairs else math.nan, nan_ok=True)
    if not g.is_directed():
        pd.testing.assert_frame_equal(got, got.T, check_names=False)


def test_block_density_single_member_group_is_nan():
    net = hn.Network(directed=True)
    net.add_actor("a", sectors=["pharmacy"])
    net.add_actor("b", sectors=["nursing_care"])
    net.add_actor("c", sectors=["nursing_care"])
    net.add_tie("a", "b")
    bd = hn.block_density(net)
    assert math.isnan(bd.loc["pharmacy", "pharmacy"])
    assert bd.loc["pharmacy", "nursing_care"] == 0.5
    assert bd.loc["nursing_care", "nursing_care"] == 0.0


# ---- coverage, multiplexity, bridges, gaps -----------------------------------------

def test_sector_coverage_hand_computed():
    #  gp(outpatient) --- hosp(inpatient)     nurse(nursing) alone     ph(pharmacy, prevention)
    net = hn.Network()
    net.add_actor("gp", sectors=["outpatient_care"])
    net.add_actor("hosp", sectors=["inpatient_care"])
    net.add_actor("nurse", sectors=["nursing_care"])
    net.add_actor("ph", sectors=["pharmacy", "prevention"])
    net.add_tie("gp", "hosp")
    cov = hn.sector_coverage(net, required=["outpatient_care", "nursing_care", "prevention", "municipality"])
    assert cov.missing == ["municipality"]
    assert cov.isolated == ["nursing_care", "prevention"]
    assert cov.coverage_ratio == 0.75
    assert cov.connected == ["outpatient_care", "inpatient_care"]
    assert cov.blau == pytest.approx(1 - 4 * 0.25**2)
    assert cov.iqv == pytest.approx(0.75 / (1 - 1 / 16))
    assert cov.ties_per_pair.loc["outpatient_care", "inpatient_care"] == 1
    assert "coverage ratio" in cov._repr_html_()
    default = hn.sector_coverage(net)
    assert default.required == net.taxonomy.core_sectors()


def test_multiplexity_and_relation_layers():
    net = hn.Network()
    for a in "abcd":
        net.add_actor(a)
    net.add_tie("a", "b", relations=["referral", "information"])
    net.add_tie("b", "c", relations=["information"])
    net.add_tie("c", "d")
    assert hn.multiplexity(net) == pytest.approx(1 / 3)
    dens = hn.relation_density(net)
    assert dens.to_dict() == pytest.approx({"": 1 / 6, "information": 2 / 6, "referral": 1 / 6})
    assert hn.relation_layer(net, "information").n_ties == 2


def test_sector_bridges_and_gaps_hand_computed():
    #  o1(outpatient) --- m(municipality) --- n1(nursing)      r(rehab) --- o2(outpatient)
    net = hn.Network()
    for i, s in [("o1", "outpatient_care"), ("m", "municipality"), ("n1", "nursing_care"),
                 ("r", "rehabilitation"), ("o2", "outpatient_care")]:
        net.add_actor(i, sectors=[s])
    for u, v in [("o1", "m"), ("m", "n1"), ("r", "o2")]:
        net.add_tie(u, v)
    bridges = hn.sector_bridges(net)
    assert bridges.index[0] == "m" and bridges.loc["m", "other_groups_reached"] == 2
    gaps = hn.sector_gaps(net).set_index(["from", "to"])
    # outpatient–nursing: m is tied to both (score 2), o1 and n1 are 2 steps away.
    row = gaps.loc[("outpatient_care", "nursing_care")]
    assert row["distance"] == 2 and row["candidates"][0] == "m" and row["scores"][0] == 2
    assert ("outpatient_care", "municipality") not in gaps.index  # tied
    # nursing–rehabilitation: different components, so unreachable and no candidates.
    assert gaps.loc[("nursing_care", "rehabilitation"), "distance"] == 0
    assert gaps.loc[("nursing_care", "rehabilitation"), "candidates"] == []
