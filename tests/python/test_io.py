# SPDX-License-Identifier: MIT
"""Readers and writers from Python: round trips and error messages."""

from pathlib import Path

import networkx as nx
import pytest

import healthnet as hn


def test_json_round_trip(tmp_path: Path):
    net = hn.example()
    path = tmp_path / "region.json"
    hn.write_json(net, path)
    assert hn.read_json(path) == net
    assert hn.from_json(hn.to_json(net)) == net


def test_graphml_round_trip_and_networkx(tmp_path: Path):
    net = hn.example()
    path = tmp_path / "region.graphml"
    hn.write_graphml(net, path)
    assert hn.read_graphml(path) == net
    # networkx reads what we write: same nodes, edges and weights.
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == net.n_actors
    assert g.number_of_edges() == net.n_ties
    t = net.ties[0]
    assert g.edges[t.source, t.target]["weight"] == pytest.approx(t.weight)


def test_read_graphml_written_by_networkx(tmp_path: Path):
    g = nx.Graph()
    g.add_node("a", sector="outpatient_care", name="Praxis A")
    g.add_node("b", sector="pharmacy")
    g.add_edge("a", "b", weight=2.5)
    path = tmp_path / "nx.graphml"
    nx.write_graphml(g, path)
    net = hn.read_graphml(path)
    assert net.actor("a").sector == "outpatient_care"
    assert net.actor("a").name == "Praxis A"
    assert net.tie("a", "b").weight == 2.5


def test_read_csv_german_excel(tmp_path: Path):
    actors = tmp_path / "akteure.csv"
    ties = tmp_path / "kontakte.csv"
    actors.write_bytes("\ufeffid;name;sector;staff\r\na;Praxis Müller;outpatient_care;3,5\r\nb;Apotheke;pharmacy;\r\n".encode())
    ties.write_text("source;target;weight\na;b;1,5\n", encoding="utf-8")
    net = hn.read_csv(actors, ties, directed=False, weight="weight")
    assert net.actor("a").name == "Praxis Müller"
    assert net.actor("a").attributes == {"staff": 3.5}
    assert net.actor("b").attributes == {}
    assert net.tie("b", "a").weight == 1.5


def test_errors_name_file_line_field(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"actors": [\n {"id": "a"},\n {"id": "a"}]}')
    with pytest.raises(ValueError, match=r"bad\.json:3: actors\[1\]\.id: duplicate actor id 'a'"):
        hn.read_json(bad)
    with pytest.raises(OSError, match="cannot open"):
        hn.read_json(tmp_path / "missing.json")
    actors = tmp_path / "a.csv"
    ties = tmp_path / "t.csv"
    actors.write_text("id\na\nb\n")
    ties.write_text("source,target,weight\na,b,1\nb,x,1\n")
    with pytest.raises(ValueError, match=r"t\.csv:3: .*target.*unknown actor id 'x'"):
        hn.read_csv(actors, ties, weight="weight")


def test_example_region():
    net = hn.example()
    assert 110 <= net.n_actors <= 130
    assert net == hn.example()  # seeded: identical every time
    kinds = {b.kind for b in net.bodies}
    assert kinds == {"steering_group", "working_group", "coordination_office", "health_conference"}
    assert hn.density(net) > 0


def test_synthetic_region_is_seeded():
    a = hn.synthetic_region(200, 800, seed=7)
    assert a.n_actors == 200 and a.n_ties == 800
    assert a == hn.synthetic_region(200, 800, seed=7)
    assert a != hn.synthetic_region(200, 800, seed=8)
