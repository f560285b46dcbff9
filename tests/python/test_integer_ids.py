# SPDX-License-Identifier: MIT
"""Integer ids and integer attributes (issue 14, item 9).

A survey export with integer ids 101-175 must join with the user's own
integer-indexed frame, ``net.actor(101)`` must work, and integer attributes
must stay integers through JSON, GraphML, frames and networkx.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import healthnet as hn


def survey() -> tuple[pd.DataFrame, hn.Network]:
    """75 organisations with ids 101..175 and a ring of ties 101-102-...-175-101."""
    org = pd.DataFrame(
        {
            "OrgID": np.arange(101, 176),
            "Sektor": ["outpatient_care"] * 75,
            "Postleitzahl": np.arange(5001, 5076),
        }
    )
    ids = org["OrgID"].to_numpy()
    ties = pd.DataFrame({"source": ids, "target": np.roll(ids, -1)})
    net = hn.from_pandas(org, ties, id="OrgID", sector="Sektor")
    return org, net


def test_join_with_the_users_integer_frame():
    # The scenario of issue 14: every organisation finds its degree. Oracle: pandas join on the user's
    # integer index; in a ring every degree is 2 (hand-computed).
    org, net = survey()
    assert net.id_kind == "integer"
    degree = hn.degree(net)
    assert degree.index.dtype == np.int64 and degree.index.name == "actor"
    joined = org.set_index("OrgID").join(degree)
    assert joined["degree"].isna().sum() == 0
    assert (joined["degree"] == 2).all()
    # Other per-actor results carry the same index.
    assert hn.betweenness(net).index.equals(degree.index)
    assert hn.core_number(net).index.dtype == np.int64


def test_integer_ids_are_taken_everywhere():
    # An int (also a numpy integer) means its decimal text. Oracle: the ring drawn in survey().
    _, net = survey()
    assert net.actor(101).id == "101"
    assert net.has_actor(101) and net.has_actor(np.int64(175)) and not net.has_actor(176)
    assert 135 in net and "135" in net
    assert net.has_tie(101, 102) and net.tie(175, 101).weight == 1.0
    assert net.neighbors(101) == [102, 175]  # given back as ints
    assert net.actor_ids[:3] == [101, 102, 103]
    sub = net.subnetwork([101, 102, 103])
    assert sub.id_kind == "integer" and sub.n_ties == 2
    # Removing one actor of a ring of 75 leaves a path: still connected (fragmentation 0).
    assert hn.fragmentation(net, removed=[135]) == 0.0
    assert hn.fragmentation(net, removed=135) == 0.0
    # Removing two opposite actors splits the ring into paths of 36 and 37 actors:
    # F = 1 - (36*35 + 37*36) / (73*72).
    assert hn.fragmentation(net, removed=[101, 138]) == pytest.approx(1 - (36 * 35 + 37 * 36) / (73 * 72))
    net.add_actor(176)
    net.add_tie(176, 101)
    assert net.actor_ids[-1] == 176 and net.has_tie("176", "101")
    net.remove_tie(176, 101)
    net.remove_actor(176)
    assert not net.has_actor(176)


@pytest.mark.parametrize("bad", [True, np.bool_(False)])
def test_bool_is_not_an_id(bad):
    net = hn.Network()
    net.add_actor("1")
    with pytest.raises(TypeError, match="not bool"):
        net.actor(bad)
    with pytest.raises(TypeError, match="not bool"):
        net.add_actor(bad)


@pytest.mark.parametrize("bad", [101.0, np.float64(101)])
def test_float_is_not_an_id(bad):
    # 101.0 is not silently 101: the message says what to do.
    _, net = survey()
    with pytest.raises(TypeError, match=r"not float .*pass int\(x\)"):
        net.actor(bad)
    with pytest.raises(TypeError, match="not float"):
        hn.fragmentation(net, removed=[bad])


def test_float_id_column_is_refused():
    actors = pd.DataFrame({"id": [101.0, 102.0]})
    with pytest.raises(ValueError, match=r"actors row 0 \(index 0\): column 'id': actor id 101.0 is a float; .*astype\('Int64'\)"):
        hn.from_pandas(actors)


def test_integer_kind_has_no_silent_change():
    _, net = survey()
    with pytest.raises(ValueError, match="the network has integer ids"):
        net.add_actor("x")
    with pytest.raises(ValueError, match="the network has integer ids"):
        net.add_actor("0101")  # not canonical decimal text
    assert hn.degree(net).index.dtype == np.int64
    net.id_kind = "text"
    assert hn.degree(net).index.dtype == object  # the cached actor index follows the kind
    net.add_actor("x")
    assert net.actor_ids[0] == "101"
    with pytest.raises(ValueError, match="'x' is not an integer"):
        net.id_kind = "integer"
    with pytest.raises(ValueError, match="expected 'text' or 'integer'"):
        net.id_kind = "int"


def test_text_ids_stay_text():
    net = hn.from_pandas(pd.DataFrame({"id": ["101", "102"]}))
    assert net.id_kind == "text" and net.actor_ids == ["101", "102"]
    assert hn.degree(net).index.dtype == object
    assert net.actor(101).id == "101"  # an int still finds the text id


def test_frames_are_indexed_by_integer_ids():
    # Oracle: the ring of survey(); frames round-trip to an equal network.
    _, net = survey()
    actors, ties = net.actors_frame(), net.ties_frame()
    assert actors.index.dtype == np.int64 and actors.index[:2].tolist() == [101, 102]
    assert ties["source"].dtype == np.int64 and ties["target"].dtype == np.int64
    assert ties.iloc[-1][["source", "target"]].tolist() == [175, 101]
    assert actors["Postleitzahl"].dtype == np.int64 and actors.loc[135, "Postleitzahl"] == 5035
    assert hn.from_pandas(actors, ties) == net


@pytest.mark.parametrize("suffix", [".json", ".graphml"])
def test_file_round_trip_keeps_integer_ids_and_attributes(tmp_path, suffix):
    # Oracle: the network written; read back it is equal (Network.__eq__ compares id kind and the type of
    # every attribute value).
    _, net = survey()
    net.add_actor(176, attributes={"staff": 4, "share": 2.0, "big": 2**63 - 1})
    path = tmp_path / f"region{suffix}"
    (hn.write_json if suffix == ".json" else hn.write_graphml)(net, path)
    back = hn.read_json(path) if suffix == ".json" else hn.read_graphml(path)
    assert back == net and back.id_kind == "integer"
    attrs = back.actor(176).attributes
    assert attrs == {"staff": 4, "share": 2.0, "big": 2**63 - 1}
    assert type(attrs["staff"]) is int and type(attrs["share"]) is float
    assert type(back.actor(101).attributes["Postleitzahl"]) is int


def test_json_number_ids_text(tmp_path):
    # Hand-written file: integer ids as JSON numbers, an integer and a real attribute.
    path = tmp_path / "r.json"
    path.write_text(
        '{"actors": [{"id": 1, "attributes": {"n": 5001, "x": 5001.0}}, {"id": 2}],'
        ' "ties": [{"source": 1, "target": 2}]}'
    )
    net = hn.read_json(path)
    assert net.id_kind == "integer" and net.actor_ids == [1, 2]
    assert net.actor(1).attributes == {"n": 5001, "x": 5001.0}
    assert type(net.actor(1).attributes["n"]) is int and type(net.actor(1).attributes["x"]) is float


def test_integer_attributes_stay_integers():
    net = hn.Network()
    net.add_actor("a", attributes={"n": 5, "m": np.int64(7), "x": 5.0, "flag": True})
    assert net.actor("a").attributes == {"n": 5, "m": 7, "x": 5.0, "flag": True}
    assert type(net.actor("a").attributes["m"]) is int and type(net.actor("a").attributes["flag"]) is bool
    with pytest.raises(ValueError, match="does not fit in 64 bits"):
        net.add_actor("b", attributes={"n": 2**64})
    # networkx keeps Python ints.
    g = hn.to_networkx(net)
    assert type(g.nodes["a"]["n"]) is int and hn.from_networkx(g) == net


def test_frame_integer_columns():
    # Integer columns stay int64; with gaps they are nullable Int64; ints and floats together keep each
    # value's type (object). Oracle: hand-written values.
    actors = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "n": [1, 2, 3],
            "gaps": pd.array([1, None, 3], dtype="Int64"),
            "mixed": pd.Series([1, 2.5, None], dtype=object),
        }
    )
    net = hn.from_pandas(actors)
    assert net.actor("a").attributes == {"n": 1, "gaps": 1, "mixed": 1}
    assert type(net.actor("a").attributes["mixed"]) is int
    assert net.actor("b").attributes == {"n": 2, "mixed": 2.5}
    f = net.actors_frame()
    assert f["n"].dtype == np.int64 and str(f["gaps"].dtype) == "Int64"
    assert f["gaps"].tolist() == [1, pd.NA, 3]
    assert f["mixed"].dtype == object and f["mixed"].tolist() == [1, 2.5, pd.NA]
    assert hn.from_pandas(f) == net


def test_grouping_by_an_integer_attribute():
    # 1 and 1.0 are one group; groups sort numerically. Oracle: hand-counted.
    net = hn.Network()
    for i, g in enumerate([10, 1.0, 1, 2.5]):
        net.add_actor(f"a{i}", attributes={"g": g})
    net.add_tie("a0", "a1")
    net.add_tie("a1", "a2")
    ei = hn.ei_index(net, by="g", level="group")
    assert ei.index.tolist() == ["1", "2.5", "10"]
    # Group "1" = {a1, a2}: its one internal tie a1-a2 and one external a1-a0: E-I = (1 - 1) / 2 = 0.
    assert ei["1"] == 0.0


def test_ids_in_results_and_from_arrays():
    # The path 101 - 102 - 103 (hand-drawn): 102 is the only cut vertex, both ties are bridges.
    net = hn.from_arrays(np.array([0, 1]), np.array([1, 2]), actor_ids=np.array([101, 102, 103]))
    assert net.id_kind == "integer" and net.actor_ids == [101, 102, 103]
    assert hn.articulation_points(net) == [102]
    assert hn.bridges(net) == [(101, 102), (102, 103)]
    assert hn.from_arrays([0], [1], actor_ids=[7, 8]).actor_ids == [7, 8]
    text = hn.from_arrays([0], [1], actor_ids=["7", "8"])
    assert text.id_kind == "text" and hn.articulation_points(text) == []
