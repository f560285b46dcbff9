# SPDX-License-Identifier: MIT
"""hn.symmetrize and `healthnet symmetrize`.

Oracles: R sna ``symmetrize`` values, hand-computed for the matrix drawn in
tests/data/missing/README.md and stored in
tests/data/missing/symmetrize_expected.csv (tests/r/make_missing_fixtures.R
writes the same file with R; R was not installed here); networkx
``to_undirected(reciprocal=False/True)`` for the weak and strong edge sets
on generated graphs; hand-computed values for non-respondents and combine.
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

import healthnet as hn
from conftest import random_graph, to_healthnet

DATA = Path(__file__).resolve().parents[1] / "data" / "missing"


def sna_expected(rule: str) -> dict:
    with open(DATA / "symmetrize_expected.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    return {frozenset((r["source"], r["target"])): float(r["value"]) for r in rows if r["rule"] == rule}


def pairs(net: hn.Network, binary: bool = False) -> dict:
    return {frozenset((t.source, t.target)): (1.0 if binary else t.weight) for t in net.ties}


@pytest.fixture
def net() -> hn.Network:
    return hn.read_json(DATA / "symmetrize.json")


@pytest.mark.parametrize("rule, alias", [("weak", "union"), ("strong", "intersection")])
def test_weak_and_strong_as_sna(net, rule, alias):
    for name in (rule, alias):
        out = hn.symmetrize(net, name)
        assert not out.directed
        assert pairs(out, binary=True) == sna_expected(rule)


@pytest.mark.parametrize("rule", ["upper", "lower"])
def test_upper_and_lower_keep_values_as_sna(net, rule):
    assert pairs(hn.symmetrize(net, rule)) == sna_expected(rule)


@pytest.mark.parametrize(
    "combine, pq, rs", [("max", 5, 3), ("min", 2, 2), ("mean", 3.5, 2.5), ("sum", 7, 5)]
)
def test_combine_weights_of_mutual_pairs(net, combine, pq, rs):
    # Hand: p->q 2, q->p 5; r->s 2, s->r 3.
    out = hn.symmetrize(net, "strong", combine=combine)
    assert out.tie("p", "q").weight == pq and out.tie("r", "s").weight == rs


def test_combine_per_attribute_and_relations(net):
    # p->q: {information}, trust 3, weight 2; q->p: {referral}, trust 1, weight 5.
    out = hn.symmetrize(net, combine={"weight": "sum", "trust": "min"})
    t = out.tie("p", "q")
    assert t.weight == 7 and t.attributes == {"trust": 1.0}
    assert t.relations == ["information", "referral"]
    assert out.tie("p", "r").weight == 1  # one report: as it is
    assert hn.symmetrize(net, "strong").tie("p", "q").relations == []


def test_nonrespondents_trust_and_drop(net):
    for a in net.actors:
        a.respondent = a.id != "q"
        net.update_actor(a)
    # Hand: q answered nothing; p->q (2) and s->q (4) are the respondents' reports.
    assert pairs(hn.symmetrize(net, "strong")) == {
        frozenset("pq"): 2, frozenset("qs"): 4, frozenset("rs"): 3
    }
    dropped = hn.symmetrize(net, "weak", nonrespondents="drop")
    assert pairs(dropped) == {frozenset("pr"): 1, frozenset("rs"): 3}
    out = hn.symmetrize(net)
    assert out.actor("q").respondent is False and out.actor("p").respondent is True


def test_keeps_actors_bodies_region_taxonomy(net):
    net.region = hn.Region(name="Musterstadt")
    net.add_body("sg", "steering_group", members=["p", "q"])
    net.taxonomy = hn.Taxonomy([hn.Sector("hausarzt", "Hausarztpraxis", "GP practice")])
    out = hn.symmetrize(net)
    assert out.actor_ids == net.actor_ids
    assert out.bodies == net.bodies and out.region == net.region
    assert out.taxonomy == net.taxonomy and out.taxonomy != hn.Taxonomy.builtin()


@pytest.mark.parametrize("seed", [2, 4])
def test_weak_and_strong_agree_with_networkx(seed):
    g = random_graph(40, 0.1, directed=True, seed=seed, weighted=True)
    net = to_healthnet(g)
    for rule, reciprocal in (("weak", False), ("strong", True)):
        h = g.to_undirected(reciprocal=reciprocal)
        expected = {frozenset((str(u), str(v))) for u, v in h.edges}
        assert set(pairs(hn.symmetrize(net, rule))) == expected
        # weights: max of the two directions (hand rule, from the networkx digraph)
        for key, w in pairs(hn.symmetrize(net, rule)).items():
            u, v = (int(x) for x in key)
            ws = [g.edges[a, b]["weight"] for a, b in ((u, v), (v, u)) if g.has_edge(a, b)]
            assert w == max(ws)


def test_undirected_input_warns_and_returns_a_copy():
    g = hn.Network()
    g.add_actor("a")
    g.add_actor("b")
    g.add_tie("a", "b", weight=2)
    with pytest.warns(hn.DataWarning, match="already undirected; nothing to symmetrize"):
        out = hn.symmetrize(g)
    assert out == g and out is not g


def test_unknown_names_list_the_choices(net):
    with pytest.raises(ValueError, match=r"rule: unknown rule 'stong' \(expected 'weak', 'union', 'strong', "
                                         r"'intersection', 'upper' or 'lower'\); did you mean 'strong'\?"):
        hn.symmetrize(net, "stong")
    with pytest.raises(ValueError, match=r"combine: unknown rule 'avg' \(expected 'max', 'min', 'mean' or 'sum'"):
        hn.symmetrize(net, combine="avg")
    with pytest.raises(ValueError, match=r"combine\['trust'\]: unknown rule 'median'"):
        hn.symmetrize(net, combine={"trust": "median"})
    with pytest.raises(ValueError, match=r"combine: names no numeric tie value 'trsut'.*mean 'trust'\?"):
        hn.symmetrize(net, combine={"trsut": "max"})
    with pytest.raises(ValueError, match=r"nonrespondents: unknown rule 'keep' \(expected 'trust' or 'drop'"):
        hn.symmetrize(net, nonrespondents="keep")
    with pytest.raises(TypeError):
        hn.symmetrize(net, combine=3)


def test_cli_symmetrize(cli, tmp_path):
    out = tmp_path / "sym.json"
    r = subprocess.run([cli, "symmetrize", str(DATA / "symmetrize.json"), "-o", str(out), "--rule", "lower"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert pairs(hn.read_json(out)) == sna_expected("lower")
    r = subprocess.run([cli, "symmetrize", str(DATA / "symmetrize.json"), "-o", str(out), "--rule", "strong",
                        "--combine-for", "weight=sum"], capture_output=True, text=True, check=True)
    assert hn.read_json(out).tie("p", "q").weight == 7
    # undirected input: a note on stderr, an equal copy
    und = tmp_path / "sym2.graphml"
    r = subprocess.run([cli, "symmetrize", str(out), "-o", str(und)], capture_output=True, text=True)
    assert r.returncode == 0 and "already undirected; nothing to symmetrize" in r.stderr
    assert hn.read_graphml(und) == hn.read_json(out)
    bad = subprocess.run([cli, "symmetrize", str(out), "-o", str(und), "--rule", "stong"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "weak" in bad.stderr
