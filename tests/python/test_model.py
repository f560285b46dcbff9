# SPDX-License-Identifier: MIT
"""The Python domain model: Network, Actor, Tie, Body, Region, Taxonomy."""

import copy

import pytest

import healthnet as hn


def small() -> hn.Network:
    #  a --- b --- c      d (isolate)
    net = hn.Network()
    net.add_actor("a", name="Praxis A", sectors=["outpatient_care"], type="gp_practice",
                  attributes={"staff": 4, "rural": True, "gemeinde": "Nord"})
    net.add_actor("b", name="Klinikum B", sectors=["inpatient_care"])
    net.add_actor("c", sectors=["nursing_care"])
    net.add_actor("d")
    net.add_tie("a", "b", relations=["referral"])
    net.add_tie("b", "c", weight=2.0)
    net.add_body("sg", "steering_group", name="Steuerungsgruppe", members=["a", "b"])
    return net


def test_counts_and_lookups():
    net = small()
    assert net.n_actors == 4 and net.n_ties == 2 and net.n_bodies == 1
    assert len(net) == 4 and "a" in net and "zz" not in net
    assert net.actor_ids == ["a", "b", "c", "d"]
    a = net.actor("a")
    assert a.sector == "outpatient_care"
    assert a.attributes == {"staff": 4.0, "rural": True, "gemeinde": "Nord"}
    assert isinstance(a.attributes["rural"], bool)
    assert net.neighbors("b") == ["a", "c"]
    assert net.tie("b", "a").relations == ["referral"]
    assert [b.id for b in net.bodies] == ["sg"]


def test_repr_and_summary():
    net = small()
    assert repr(net) == "<healthnet.Network: 4 actors, 2 ties, 1 bodies, undirected>"
    s = net.summary()
    assert s.facts["actors"] == 4
    assert s.facts["isolates"] == 1
    assert "density" in str(s)
    assert "<table" in s._repr_html_()


def test_merge_rule():
    net = small()
    t = net.add_tie("b", "a", relations=["joint_project"], weight=2.0, since="2020")
    assert net.n_ties == 2
    assert t.relations == ["joint_project", "referral"]
    assert t.weight == 3.0
    assert t.since == "2020"


def test_errors_map_to_python_types():
    net = small()
    with pytest.raises(ValueError, match="duplicate actor id 'a'"):
        net.add_actor("a")
    with pytest.raises(KeyError, match="unknown actor id 'zz'"):
        net.add_tie("a", "zz")
    with pytest.raises(ValueError, match="weight is negative"):
        net.add_tie("a", "c", weight=-1)
    with pytest.raises(ValueError, match="self-loop"):
        net.add_tie("a", "a")
    with pytest.raises(KeyError):
        net.actor("zz")
    with pytest.raises(TypeError, match=r"attributes\['x'\]"):
        net.add_actor("e", attributes={"x": [1, 2]})
    with pytest.raises(ValueError, match="unknown body kind"):
        net.add_body("x", "board")
    assert net.n_actors == 4  # nothing half-added


def test_remove_and_subnetworks():
    net = small()
    sg = net.body_subnetwork("sg")
    assert sg.actor_ids == ["a", "b"] and sg.n_ties == 1
    care = net.subnetwork(lambda a: a.sector is not None)
    assert care.n_actors == 3
    assert net.subnetwork(["a", "b", "c"]).n_ties == 2
    assert net.relation_layer("referral").n_ties == 1
    assert net.filter_ties(lambda t: t.weight > 1).n_ties == 1
    net.remove_actor("b")
    assert net.n_ties == 0
    assert net.body("sg").members == ["a"]


def test_copy_is_deep():
    net = small()
    for other in (net.copy(), copy.copy(net), copy.deepcopy(net)):
        assert other == net
        other.add_tie("a", "d")
        assert other != net
    assert net.n_ties == 2


def test_region_and_taxonomy():
    net = small()
    net.region = hn.Region(id="r1", name="Landkreis X", state="Hessen", population=1000)
    assert net.region.population == 1000
    assert "Landkreis X" in repr(net)
    tax = hn.Taxonomy.builtin()
    assert len(tax) == 16 and "pharmacy" in tax
    assert tax.label("pharmacy", "de") == "Apotheken"
    custom = hn.Taxonomy([hn.Sector("care", "Versorgung", "Care", True)])
    net.taxonomy = custom
    assert net.taxonomy == custom
