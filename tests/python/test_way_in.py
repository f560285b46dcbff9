# SPDX-License-Identifier: MIT
"""One validation for every way in: the Python setters, from_arrays and paths.

Cases from the reliability probe. Oracles: numpy's own reading of the
arrays (``astype`` to native order) and the JSON reader's rules, so
whatever Python stores can be written and read back.
"""

from __future__ import annotations

import numpy as np
import pytest

import healthnet as hn


@pytest.mark.parametrize("dtype", [">i2", ">u4", ">i8"])
def test_from_arrays_reads_big_endian_indices_as_numbers(dtype):
    # [0, 1] -> [1, 2] as big-endian: 3 actors, 2 ties (not 513 or 33.5M)
    net = hn.from_arrays(np.array([0, 1], dtype=dtype), np.array([1, 2], dtype=dtype))
    assert (net.n_actors, net.n_ties) == (3, 2)
    assert net.has_tie("0", "1") and net.has_tie("1", "2")


def test_from_arrays_reads_big_endian_ids():
    ids = np.array(["a", "b", "c"], dtype=">U1")
    net = hn.from_arrays(np.array([0]), np.array([1]), actor_ids=ids)
    assert net.actor_ids == ["a", "b", "c"]


def test_private_loader_refuses_big_endian_it_is_given():
    with pytest.raises(ValueError, match="big-endian"):
        hn._core._from_arrays(np.array([0], dtype=">i4"), np.array([1], dtype=">i4"), False, None, None, [], None, None)


def test_lone_surrogates_in_ids_are_refused():
    ids = np.array(["a", "b\ud800"])
    with pytest.raises(ValueError, match=r"actor_ids\[1\].*not valid Unicode"):
        hn.from_arrays(np.array([0]), np.array([1]), actor_ids=ids)
    with pytest.raises(ValueError, match=r"actor_ids\[1\].*lone surrogate"):
        hn.from_arrays(np.array([0]), np.array([1]), actor_ids=["a", "b\udcff"])


def test_an_embedded_nul_does_not_cut_an_id_into_a_duplicate():
    # 'a\0b' used to become 'a', a duplicate of the first id
    with pytest.raises(ValueError, match=r"actor_ids\[1\].*NUL"):
        hn.from_arrays(np.array([0]), np.array([1]), actor_ids=np.array(["a", "a\0b"]))
    net = hn.Network()
    with pytest.raises(ValueError, match="NUL"):
        net.add_actor("a\0b")
    assert net.n_actors == 0


def test_wrong_length_sector_names_where_the_count_came_from():
    with pytest.raises(ValueError, match=r"target\[0\].*out of range: sector gives 2 actors"):
        hn.from_arrays(np.array([0]), np.array([2]), sector=["gp_practice", "hospital"])


def test_a_nul_in_a_path_is_refused_not_cut(tmp_path):
    net = hn.Network()
    net.add_actor("a")
    target = tmp_path / "x.json"
    with pytest.raises(ValueError, match="NUL"):
        hn.write_json(net, str(target) + "\0.evil")
    assert not target.exists()
    with pytest.raises(ValueError, match="NUL"):
        hn.read_json(str(target) + "\0")


@pytest.mark.parametrize("year", [-5, 2**40, 1899, 2201])
def test_body_years_follow_the_json_rule(year):
    net = hn.Network()
    net.add_actor("a")
    with pytest.raises(ValueError, match="year"):
        net.add_body("b", "health_conference", members=["a"], year=year)
    with pytest.raises(ValueError, match="year"):
        hn.Body("b", "health_conference", year=year)
    body = hn.Body("b", "health_conference", year=2024)
    with pytest.raises(ValueError, match="year"):
        body.year = year
    assert body.year == 2024


def test_stored_values_read_back():
    # Round trip through JSON of what the setters accepted (oracle: equality).
    net = hn.Network()
    net.add_actor("ä-1", name="Praxis Ärztin")
    net.add_actor("b")
    net.add_body("hk", "health_conference", members=["ä-1", "b"], year=2200)
    assert hn.from_json(hn.to_json(net)) == net


@pytest.mark.parametrize(
    "call",
    [
        lambda net: hn.louvain(net, seed=-1),
        lambda net: hn.ei_index(net, permutations=10, seed=-1),
        lambda net: hn.report(net, seed=2**64),
        lambda net: hn.synthetic_region(10, 10, seed=-1),
        lambda net: hn.synthetic_region(-1, 10),
        lambda net: hn.ei_index(net, permutations=-1),
    ],
)
def test_bad_values_get_a_message_not_a_signature_error(call):
    # pybind11 would raise TypeError "incompatible function arguments. ... Invoked with"
    net = hn.example()
    with pytest.raises(ValueError) as info:
        call(net)
    assert "Invoked with" not in str(info.value)


def test_since_must_be_a_calendar_day_from_python_too():
    # Oracle: the Gregorian calendar (2023 is not a leap year).
    net = hn.Network()
    net.add_actor("a")
    net.add_actor("b")
    with pytest.raises(ValueError, match="since"):
        net.add_tie("a", "b", since="2023-02-30")
    with pytest.raises(ValueError, match="since"):
        net.add_tie("a", "b", since="2023-02-29")
    assert net.add_tie("a", "b", since="2024-02-29").since == "2024-02-29"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_files_get_a_clear_message(tmp_path, encoding):
    # Before: nlohmann's message "found '" cut at the first NUL byte.
    text = '{"format": "healthnet", "version": 1, "actors": [], "ties": []}'
    path = tmp_path / "x.json"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(ValueError, match="utf-16 or utf-32; save it as utf-8"):
        hn.read_json(path)
    actors, ties = tmp_path / "a.csv", tmp_path / "t.csv"
    actors.write_bytes("id,name\na,A\n".encode(encoding))
    ties.write_text("source,target\n", encoding="utf-8")
    with pytest.raises(ValueError, match="utf-16"):
        hn.read_csv(actors, ties)
