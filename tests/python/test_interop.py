# SPDX-License-Identifier: MIT
"""Conversion to and from pandas, networkx and igraph (healthnet._interop)."""

from __future__ import annotations

import subprocess
import sys

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import healthnet as hn


def rich_directed() -> hn.Network:
    """Directed, multiplex, weighted, with attributes of every type, a location, bodies and region data.

    a ──referral, information (3.0)──▶ b
    b ──information (1.5)────────────▶ a
    c ──(0.0)────────────────────────▶ a
    d ──joint_project (2.0)──────────▶ b
    """
    net = hn.Network(directed=True)
    net.region = hn.Region(
        id="r9", name="Kreis Süd", state="Hessen", population=120000, wave="2024", date="2024-05-01"
    )
    net.add_actor(
        "a",
        "Praxis A",
        ["outpatient_care", "prevention"],
        "gp_practice",
        {"staff": 4, "rating": 2.5, "rural": True, "town": "Nord", "code": "x1"},
        hn.GeoPoint(50.1, 8.7),
    )
    net.add_actor("b", "Klinik B", ["inpatient_care"], "hospital", {"staff": 120, "rural": False, "code": 7})
    net.add_actor("c", "", [], "", {"town": "Süd"})
    net.add_actor("d", "Apotheke D", ["pharmacy"])
    net.add_tie(
        "a",
        "b",
        ["referral", "information"],
        3.0,
        {"trust": 4, "formal": True, "note": "seit 2019"},
        "2019-03",
    )
    net.add_tie("b", "a", ["information"], 1.5)
    net.add_tie("c", "a", [], 0.0, {"trust": 2.5}, "2021")
    net.add_tie("d", "b", ["joint_project"], 2.0, {"formal": False})
    net.add_body("sg", "steering_group", "Steuerungsgruppe", ["a", "b"], None, 2023)
    net.add_body("wg1", "working_group", "AG Prävention", ["a", "c"], "Prävention", None)
    return net


def via_pandas(net: hn.Network) -> hn.Network:
    return hn.from_pandas(
        net.actors_frame(),
        net.ties_frame(),
        directed=net.directed,
        region=net.region,
        bodies=net.bodies,
        taxonomy=net.taxonomy,
        allow_self_loops=net.allow_self_loops,
    )


CASES = {
    "example": hn.example,
    "example_2022": lambda: hn.example("2022"),
    "rich_directed": rich_directed,
    # Ties in random order and orientation, which networkx does not keep by itself.
    "synthetic": lambda: hn.synthetic_region(150, 400, weighted=True),
    "synthetic_directed": lambda: hn.synthetic_region(120, 300, directed=True, weighted=True),
}
ROUND_TRIPS = {
    "pandas": via_pandas,
    "networkx": lambda net: hn.from_networkx(hn.to_networkx(net)),
    "igraph": lambda net: hn.from_igraph(hn.to_igraph(net)),
}


# ---- healthnet -> X -> healthnet ------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("via", sorted(ROUND_TRIPS))
def test_round_trip_is_exact(case, via):
    # healthnet -> X -> healthnet gives an equal network (Network.__eq__ compares every actor, tie, body,
    # region field, taxonomy and setting, in order); oracle: the original network.
    net = CASES[case]()
    back = ROUND_TRIPS[via](net)
    assert back == net
    assert [b.members for b in back.bodies] == [b.members for b in net.bodies]


@pytest.mark.parametrize("via", sorted(ROUND_TRIPS))
def test_round_trip_keeps_custom_taxonomy_and_self_loops(via):
    # A custom taxonomy and allowed self-loops survive; oracle: the original network (==).
    net = hn.Network()
    net.taxonomy = hn.Taxonomy(
        [hn.Sector("care", "Pflege", "Care", True), hn.Sector("town", "Stadt", "Town")]
    )
    net.allow_self_loops = True
    net.add_actor("x", sectors=["care"])
    net.add_actor("y", sectors=["town", "care"])
    net.add_tie("x", "x", ["information"], 2.0)
    net.add_tie("x", "y")
    back = ROUND_TRIPS[via](net)
    assert back.taxonomy == net.taxonomy
    assert back == net


def test_round_trip_carries_region_as_graph_attributes():
    # Region metadata and bodies are graph attributes of both graph types; oracle: the values set in
    # rich_directed().
    net = rich_directed()
    for attrs in (
        hn.to_networkx(net).graph,
        {k: hn.to_igraph(net)[k] for k in hn.to_igraph(net).attributes()},
    ):
        assert attrs["region_id"] == "r9" and attrs["name"] == "Kreis Süd" and attrs["population"] == 120000
        assert attrs["state"] == "Hessen" and attrs["wave"] == "2024" and attrs["date"] == "2024-05-01"
        assert [b["id"] for b in attrs["bodies"]] == ["sg", "wg1"]
        assert attrs["bodies"][1] == {
            "id": "wg1",
            "kind": "working_group",
            "name": "AG Prävention",
            "members": ["a", "c"],
            "topic": "Prävention",
            "year": None,
        }
        assert "taxonomy" not in attrs and "allow_self_loops" not in attrs


# ---- oracles on the converted graphs -------------------------------------------------------


@pytest.mark.parametrize("case", ["example", "rich_directed"])
def test_networkx_metrics_agree(case):
    # Density, degree and strength of to_networkx(net) computed by networkx equal healthnet's;
    # oracle: networkx density / degree / degree(weight=).
    net = CASES[case]()
    g = hn.to_networkx(net)
    assert g.is_directed() == net.directed
    assert (g.number_of_nodes(), g.number_of_edges()) == (net.n_actors, net.n_ties)
    assert nx.density(g) == pytest.approx(hn.density(net), rel=1e-12)
    assert dict(g.degree()) == hn.degree(net).to_dict()
    assert dict(g.degree(weight="weight")) == pytest.approx(hn.strength(net).to_dict())
    if net.directed:
        assert dict(g.in_degree()) == hn.degree(net, "in").to_dict()


@pytest.mark.parametrize("case", ["example", "rich_directed"])
def test_igraph_metrics_agree(case):
    # Density, degree, strength and components of to_igraph(net) computed by igraph equal healthnet's;
    # oracle: igraph Graph.density / degree / strength / connected_components(mode="weak").
    net = CASES[case]()
    g = hn.to_igraph(net)
    assert g.is_directed() == net.directed
    assert g.vs["name"] == net.actor_ids
    assert g.density(loops=False) == pytest.approx(hn.density(net), rel=1e-12)
    assert g.degree() == hn.degree(net).tolist()
    assert g.strength(weights="weight") == pytest.approx(hn.strength(net).tolist())
    assert len(g.connected_components(mode="weak")) == hn.n_components(net)


def test_networkx_tie_order_only_when_needed():
    # The graph attribute tie_order appears only when networkx's edge order differs from the tie order,
    # and from_networkx puts edges it does not name last; oracle: list(G.edges) and the synthetic ties.
    net = CASES["synthetic"]()
    g = hn.to_networkx(net)
    assert g.graph["tie_order"] == [(t.source, t.target) for t in net.ties] != list(g.edges)
    assert "tie_order" not in hn.to_networkx(hn.from_networkx(nx.path_graph(5))).graph
    assert not net.has_tie("a0", "a1")
    g.add_edge("a0", "a1", weight=2.0)  # an edge added afterwards comes last
    back = hn.from_networkx(g)
    assert [(t.source, t.target) for t in back.ties][:-1] == g.graph["tie_order"]
    assert back.ties[-1].weight == 2.0 and {back.ties[-1].source, back.ties[-1].target} == {"a0", "a1"}


def test_networkx_node_and_edge_attributes():
    # The attribute layout of to_networkx, checked field by field; oracle: hand-written from rich_directed().
    g = hn.to_networkx(rich_directed())
    assert isinstance(g, nx.DiGraph)
    assert list(g.nodes) == ["a", "b", "c", "d"]
    assert g.nodes["a"] == {
        "name": "Praxis A",
        "sector": "outpatient_care",
        "sectors": ["outpatient_care", "prevention"],
        "type": "gp_practice",
        "lat": 50.1,
        "lon": 8.7,
        "code": "x1",
        "rating": 2.5,
        "rural": True,
        "staff": 4.0,
        "town": "Nord",
    }
    assert g.nodes["c"] == {"town": "Süd"}
    assert g.edges["a", "b"] == {
        "weight": 3.0,
        "relations": ["information", "referral"],
        "since": "2019-03",
        "formal": True,
        "note": "seit 2019",
        "trust": 4.0,
    }
    assert g.edges["c", "a"] == {"weight": 0.0, "since": "2021", "trust": 2.5}


# ---- X -> healthnet -> X --------------------------------------------------------------------


def test_networkx_hand_made_round_trip():
    # A hand-made networkx graph survives networkx -> healthnet -> networkx; oracle: the graph itself
    # (ints come back as floats, which compare equal; single sectors gain the `sectors` list).
    g = nx.DiGraph(name="Stadt X", region_id="sx", wave="2023")
    g.add_node("p1", name="Praxis 1", sector="outpatient_care", staff=3, rural=False, note="Hausarzt")
    g.add_node("k1", name="Klinikum", sectors=["inpatient_care", "emergency_care"], staff=800.5)
    g.add_node("s1", sector="self_help", type="self_help_group")
    g.add_edge("p1", "k1", weight=2.0, relations=["referral"], since="2020-01-15", trust=4)
    g.add_edge("k1", "p1", weight=1.0, relations=["information", "referral"], formal=True)
    g.add_edge("s1", "p1", weight=0.5)
    back = hn.to_networkx(hn.from_networkx(g))
    assert back.graph == g.graph
    assert list(back.nodes) == list(g.nodes)
    expected = {v: dict(d) for v, d in g.nodes(data=True)}
    expected["p1"]["sectors"] = ["outpatient_care"]
    expected["k1"]["sector"] = "inpatient_care"
    expected["s1"]["sectors"] = ["self_help"]
    assert dict(back.nodes(data=True)) == expected
    assert sorted(back.edges(data=True)) == sorted(g.edges(data=True))


def test_igraph_hand_made_round_trip():
    # A hand-made igraph graph survives igraph -> healthnet -> igraph; oracle: the graph itself.
    g = ig.Graph(n=3, edges=[(0, 1), (1, 2), (0, 2)], directed=False)
    g["name"] = "Stadt Y"
    g.vs["name"] = ["u", "v", "w"]
    g.vs["label"] = ["Praxis U", "Pflege V", ""]
    g.vs["sector"] = ["outpatient_care", "nursing_care", None]
    g.vs["sectors"] = [["outpatient_care"], ["nursing_care", "rehabilitation"], None]
    g.vs["staff"] = [2.0, None, 5.0]
    g.vs["rural"] = [True, False, None]
    g.es["weight"] = [1.0, 2.5, 4.0]
    g.es["relations"] = [["information"], None, ["agreement", "referral"]]
    g.es["trust"] = [3.0, None, 1.0]
    back = hn.to_igraph(hn.from_igraph(g))
    assert back.is_directed() is False
    assert back.get_edgelist() == g.get_edgelist()
    assert {k: back[k] for k in back.attributes()} == {"name": "Stadt Y"}
    for attr in g.vs.attributes():
        assert back.vs[attr] == g.vs[attr], attr
    assert sorted(back.vs.attributes()) == sorted(g.vs.attributes())
    for attr in g.es.attributes():
        assert back.es[attr] == g.es[attr], attr
    assert sorted(back.es.attributes()) == sorted(g.es.attributes())


def test_igraph_without_names_uses_indices():
    # Vertices without a "name" attribute become actors "0", "1", ...; oracle: igraph's vertex indices.
    g = ig.Graph(n=3, edges=[(0, 2)])
    net = hn.from_igraph(g)
    assert net.actor_ids == ["0", "1", "2"]
    assert net.has_tie("0", "2") and net.n_ties == 1


def test_networkx_int_nodes_become_integer_ids():
    # Integer node ids give a network with integer ids: stored as their decimal text, given back as
    # ints; oracle: networkx's path_graph labels 0..3.
    g = nx.path_graph(4)
    net = hn.from_networkx(g)
    assert net.id_kind == "integer"
    assert net.actor_ids == [0, 1, 2, 3]
    assert net.actor(2).id == "2"
    assert net.has_tie(2, 3) and net.has_tie("2", "3") and not net.directed
    assert all(t.weight == 1.0 and t.relations == [] for t in net.ties)


def test_networkx_multigraph_merges_parallel_edges():
    # Parallel edges merge by Network.add_tie's rule: relations united, weights added, earlier `since`,
    # later attributes win; oracle: hand-computed from the two edges.
    g = nx.MultiGraph()
    g.add_edge("a", "b", weight=1.0, relations=["information"], since="2021", trust=2)
    g.add_edge("b", "a", weight=2.5, relations="referral;information", since="2019-06", trust=5)
    g.add_edge("a", "c")
    net = hn.from_networkx(g)
    t = net.tie("a", "b")
    assert net.n_ties == 2
    assert (t.weight, t.relations, t.since, t.attributes) == (
        3.5,
        ["information", "referral"],
        "2019-06",
        {"trust": 5.0},
    )


def test_networkx_self_loop_allowed_when_present():
    # A graph with a self-loop gives a network that allows them; oracle: nx.number_of_selfloops.
    g = nx.Graph([("a", "a"), ("a", "b")])
    net = hn.from_networkx(g)
    assert net.allow_self_loops and net.has_tie("a", "a")
    with pytest.raises(ValueError, match=r"edge \('a', 'a'\): self-loop"):
        hn.from_networkx(g, allow_self_loops=False)


# ---- pandas -----------------------------------------------------------------------------------


def test_actors_frame_layout():
    # Columns, dtypes, NA for missing values and the union of attributes; oracle: hand-written from
    # rich_directed().
    f = rich_directed().actors_frame()
    assert f.index.name == "id" and f.index.tolist() == ["a", "b", "c", "d"]
    assert list(f.columns) == [
        "name",
        "sector",
        "sectors",
        "type",
        "lat",
        "lon",
        "code",
        "rating",
        "rural",
        "staff",
        "town",
    ]
    assert f["sector"].tolist() == ["outpatient_care", "inpatient_care", pd.NA, "pharmacy"]
    assert f["sectors"].tolist() == [["outpatient_care", "prevention"], ["inpatient_care"], [], ["pharmacy"]]
    # Integers stay integers: nullable Int64 where some actor lacks the value.
    assert str(f["staff"].dtype) == "Int64" and f["staff"].tolist() == [4, 120, pd.NA, pd.NA]
    assert str(f["rating"].dtype) == "Float64" and f["rating"].tolist() == [2.5, pd.NA, pd.NA, pd.NA]
    assert str(f["rural"].dtype) == "boolean" and f["rural"].tolist() == [True, False, pd.NA, pd.NA]
    assert str(f["town"].dtype) == "string" and f["town"].tolist() == ["Nord", pd.NA, "Süd", pd.NA]
    assert f["code"].dtype == object and f["code"].tolist() == ["x1", 7, pd.NA, pd.NA]
    assert type(f["code"].tolist()[1]) is int
    assert f["lat"].tolist() == [50.1, pd.NA, pd.NA, pd.NA]
    assert f.loc["c", "name"] == "" and f.loc["a", "type"] == "gp_practice"


def test_ties_frame_layout():
    # Ties in tie order with sorted relation tuples and NA for missing values; oracle: hand-written.
    f = rich_directed().ties_frame()
    assert list(f.columns) == ["source", "target", "relations", "weight", "since", "formal", "note", "trust"]
    assert f["source"].tolist() == ["a", "b", "c", "d"] and f["target"].tolist() == ["b", "a", "a", "b"]
    assert f["relations"].tolist() == [("information", "referral"), ("information",), (), ("joint_project",)]
    assert f["weight"].tolist() == [3.0, 1.5, 0.0, 2.0] and f["weight"].dtype == np.float64
    assert f["since"].tolist() == ["2019-03", pd.NA, "2021", pd.NA]
    assert f["formal"].tolist() == [True, pd.NA, pd.NA, False]
    assert f["trust"].tolist() == [4.0, pd.NA, 2.5, pd.NA]


def test_frames_of_empty_network():
    # An empty network gives empty frames with the known columns; oracle: the column list above.
    net = hn.Network()
    assert list(net.actors_frame().columns) == ["name", "sector", "sectors", "type"]
    assert list(net.ties_frame().columns) == ["source", "target", "relations", "weight", "since"]
    assert hn.from_pandas(net.actors_frame(), net.ties_frame()) == net


def test_frames_oracle_against_networkx():
    # ties_frame as an edge list gives the same graph networkx builds from to_networkx; oracle: networkx
    # from_pandas_edgelist + nx.utils.graphs_equal on weights.
    net = hn.example()
    ties = net.ties_frame()
    g = nx.from_pandas_edgelist(
        ties.astype({"source": object, "target": object}), "source", "target", ["weight"]
    )
    g.add_nodes_from(net.actors_frame().index)
    ref = hn.to_networkx(net)
    assert nx.utils.edges_equal(g.edges, ref.edges)
    assert nx.density(g) == pytest.approx(hn.density(net))


def test_from_pandas_missing_values_mean_no_attribute():
    # NaN, None and pd.NA leave the attribute absent, never the text "nan"; oracle: hand-written.
    actors = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "sector": ["outpatient_care", None, np.nan],
            "staff": [3.0, np.nan, 1.0],
            "town": ["Nord", None, pd.NA],
            "rural": pd.array([True, pd.NA, False], dtype="boolean"),
            "beds": pd.array([pd.NA, 10, 20], dtype="Int64"),
        }
    )
    ties = pd.DataFrame(
        {"source": ["a", "b"], "target": ["b", "c"], "trust": [np.nan, 4], "since": [None, 2020]}
    )
    net = hn.from_pandas(actors, ties)
    assert net.actor("a").attributes == {"staff": 3.0, "town": "Nord", "rural": True}
    assert net.actor("b").attributes == {"beds": 10.0}
    assert net.actor("b").sectors == [] and net.actor("c").sectors == []
    assert net.actor("c").attributes == {"staff": 1.0, "rural": False, "beds": 20.0}
    assert net.tie("a", "b").attributes == {} and net.tie("a", "b").since is None
    assert net.tie("b", "c").attributes == {"trust": 4.0} and net.tie("b", "c").since == "2020"
    assert "nan" not in repr(net.actors_frame().to_dict())


def test_from_pandas_lists_and_separated_text():
    # Sectors and relations as lists or ';'-separated text; repeated rows merge; custom column names;
    # oracle: hand-written.
    actors = pd.DataFrame(
        {
            "akteur": [1, 2, 3],
            "sektor": ["outpatient_care; prevention", ["inpatient_care"], "pharmacy"],
            "typ": ["gp", "", None],
        }
    )
    ties = pd.DataFrame(
        {
            "von": [1, 2, 1],
            "nach": [2, 3, 2],
            "art": ["referral;information", ["joint_project"], ("agreement",)],
            "haeufigkeit": [1, 2.5, 2],
        }
    )
    # Repeated rows (1 -> 2 twice) merge with a DataWarning.
    with pytest.warns(hn.DataWarning, match="1 repeated row merged"):
        net = hn.from_pandas(
            actors,
            ties,
            directed=True,
            id="akteur",
            source="von",
            target="nach",
            sector="sektor",
            type="typ",
            relations="art",
            weight="haeufigkeit",
            sep=";",
        )
    assert net.actor_ids == [1, 2, 3]  # an integer id column: integer ids
    assert net.actor("1").sectors == ["outpatient_care", "prevention"] and net.actor("1").type == "gp"
    assert net.actor("3").type == ""
    t = net.tie("1", "2")
    assert (t.relations, t.weight) == (["agreement", "information", "referral"], 3.0)
    assert net.n_ties == 2 and net.directed


def test_from_pandas_fast_and_general_paths_agree():
    # Columns of plain labels or of str lists take a fast path; one odd cell sends the column through the
    # row-by-row path, which must give the same network; oracle: the row-by-row path.
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["outpatient_care", "pharmacy", "nursing_care"]})
    ties = pd.DataFrame(
        {
            "source": ["a", "b"],
            "target": ["b", "c"],
            "relations": [("information",), ["referral", "agreement"]],
        }
    )
    fast = hn.from_pandas(actors, ties)
    odd_actors = actors.astype({"sector": object})
    odd_actors.loc[2, "sector"] = ["nursing_care"]
    odd_ties = ties.copy()
    odd_ties.loc[0, "relations"] = "information"
    assert hn.from_pandas(odd_actors, odd_ties) == fast
    assert fast.actor("b").sectors == ["pharmacy"]
    assert fast.tie("b", "c").relations == ["agreement", "referral"]


def test_from_pandas_ties_only():
    # Without an actors frame the actors are the tie ends in order of first appearance; oracle: hand-written.
    net = hn.from_pandas(None, pd.DataFrame({"source": ["x", "y"], "target": ["y", "z"]}))
    assert net.actor_ids == ["x", "y", "z"] and net.n_ties == 2


def test_from_pandas_sector_and_sectors_must_agree():
    # A `sector` that is not the first of `sectors` is rejected naming row and column; oracle: the frame.
    actors = pd.DataFrame({"id": ["a"], "sector": ["pharmacy"], "sectors": [["outpatient_care", "pharmacy"]]})
    with pytest.raises(ValueError, match=r"actors row 0 \(index 0\): column 'sector': 'pharmacy' is not the first"):
        hn.from_pandas(actors)


@pytest.mark.parametrize(
    ("actors", "ties", "kwargs", "error", "pattern"),
    [
        ({"name": ["a"]}, None, {}, ValueError, r"actors: column 'id': missing \(columns: name\)"),
        (
            {"id": ["a", "b"]},
            {"source": ["a", "a"], "target": ["b", "zz"]},
            {},
            ValueError,
            r"ties row 1 \(index 1\): column 'target': unknown actor id 'zz'",
        ),
        (
            {"id": ["a", "b"]},
            {"source": ["a"], "target": ["b"], "weight": [np.nan]},
            {},
            ValueError,
            r"ties row 0 \(index 0\): column 'weight': weight is blank",
        ),
        (
            {"id": ["a", "b"]},
            {"source": ["a"], "target": ["b"], "w": [-2.0]},
            {"weight": "w"},
            ValueError,
            r"ties row 0 \(index 0\): column 'w': weight is negative",
        ),
        (
            {"id": ["a", "b"]},
            {"source": ["a"], "target": ["b"], "weight": ["oft"]},
            {},
            ValueError,
            r"ties row 0 \(index 0\): column 'weight': weight 'oft' is not a number",
        ),
        ({"id": ["a", "a"]}, None, {}, ValueError, r"actors row 1 \(index 1\): column 'id': duplicate actor id 'a'"),
        ({"id": ["a", None]}, None, {}, ValueError, r"actors row 1 \(index 1\): column 'id': missing actor id"),
        (
            {"id": ["a"], "x": [[1, 2]]},
            None,
            {},
            ValueError,
            r"actors row 0 \(index 0\): column 'x': unsupported value of type list",
        ),
        (
            {"id": ["a", "b"]},
            {"source": ["a"], "target": ["a"]},
            {},
            ValueError,
            r"ties row 0 \(index 0\): column 'target': self-loop",
        ),
        (
            {"id": ["a", "b"]},
            {"source": ["a"], "target": ["b"], "since": ["gestern"]},
            {},
            ValueError,
            r"ties row 0 \(index 0\): column 'since': since 'gestern' is not a date",
        ),
        (
            {"id": ["a"], "lat": [50.0]},
            None,
            {},
            ValueError,
            r"actors row 0 \(index 0\): column 'lon': missing while 'lat' is given",
        ),
    ],
)
def test_from_pandas_errors_name_row_and_column(actors, ties, kwargs, error, pattern):
    # Bad input raises ValueError/KeyError naming the row and the column; oracle: the frames written here.
    with pytest.raises(error, match=pattern):
        hn.from_pandas(pd.DataFrame(actors), None if ties is None else pd.DataFrame(ties), **kwargs)


def test_networkx_and_igraph_errors_name_the_element():
    # Errors from graphs name the node/vertex or edge and the attribute; oracle: the graphs written here.
    g = nx.Graph()
    g.add_edge("a", "b", weight=float("nan"))
    with pytest.raises(ValueError, match=r"edge \('a', 'b'\): attribute 'weight': missing weight"):
        hn.from_networkx(g)
    h = ig.Graph(n=2, edges=[(0, 1)])
    h.vs["name"] = ["a", "b"]
    h.es["weight"] = [-1.0]
    with pytest.raises(ValueError, match=r"edge 0: attribute 'weight': weight is negative"):
        hn.from_igraph(h)
    h.es["weight"] = [1.0]
    h.vs["sector"] = [3, "pharmacy"]
    with pytest.raises(ValueError, match=r"vertex 0: attribute 'sector': expected text or a list of text"):
        hn.from_igraph(h)


def test_attribute_with_field_name_is_rejected():
    # An attribute named like a field cannot be converted; oracle: the attribute set here.
    net = hn.Network()
    net.add_actor("a", attributes={"sector": "x"})
    for convert in (lambda n: n.actors_frame(), hn.to_networkx, hn.to_igraph):
        with pytest.raises(ValueError, match="actor attribute 'sector' has the name of a field"):
            convert(net)


def test_importing_healthnet_loads_no_optional_package():
    # networkx, igraph and matplotlib are imported only when used; oracle: sys.modules of a fresh interpreter.
    code = (
        "import sys, healthnet; "
        "print(sorted(m for m in ('networkx', 'igraph', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
