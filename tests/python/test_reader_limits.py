# SPDX-License-Identifier: MIT
"""Readers stay linear in their input, read every line-ending convention,
refuse what is not a regular file or is too large, and fail cleanly when
memory runs out.

The size tests have no timing assertions: each input is chosen so that the
quadratic code they replace (pairwise duplicate scans, a namespace look-up
through every declaration) would need minutes to hours — 100k columns took
39 s, 100k body members 34 s, 100k attributes on one element 44 s — while
the linear readers take well under a second. A regression makes the suite
time out instead of passing.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
from pathlib import Path

import pytest

import healthnet as hn

N = 200_000  # quadratic: N^2/2 = 2e10 comparisons, several minutes each


def run(cli, *args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([cli, *map(str, args)], capture_output=True, timeout=300, **kwargs)


def one_error(r: subprocess.CompletedProcess) -> str:
    stderr = r.stderr.decode()
    assert r.returncode == 1, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("healthnet: error: "), stderr
    assert "terminate called" not in stderr
    return stderr[len("healthnet: error: ") : -1]


# ---- linear time ------------------------------------------------------------------


def test_csv_header_with_many_columns(tmp_path: Path):
    # 1M columns (7 MB of header): a pairwise duplicate check needs 5e11 comparisons.
    columns = [f"c{i}" for i in range(1_000_000)]
    actors = tmp_path / "actors.csv"
    ties = tmp_path / "ties.csv"
    actors.write_text("id," + ",".join(columns) + ",c999999\na" + "," * (len(columns) + 1) + "\n")
    ties.write_text("source,target\n")
    with pytest.raises(ValueError, match=r"actors.csv:1: column 'c999999': column appears twice in the header"):
        hn.read_csv(actors, ties)
    # Without the repeat the file loads (empty cells: no attributes).
    actors.write_text("id," + ",".join(columns) + "\na" + "," * len(columns) + "\n")
    assert hn.read_csv(actors, ties).n_actors == 1


def test_json_body_with_many_members(tmp_path: Path):
    ids = [f"a{i}" for i in range(N)]
    doc = {"actors": [{"id": i} for i in ids], "bodies": [{"id": "hk", "kind": "health_conference", "members": ids}]}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc))
    assert len(hn.read_json(path).body("hk").members) == N
    doc["bodies"][0]["members"].append("a7")
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=rf"bodies\[0\]\.members\[{N}\]: actor 'a7' listed twice"):
        hn.read_json(path)


def test_json_object_with_many_keys(tmp_path: Path):
    # Duplicate keys are checked per object as the document is built: O(k log k).
    attrs = ", ".join(f'"k{i}": {i}' for i in range(N))
    path = tmp_path / "keys.json"
    path.write_text('{"actors": [{"id": "a", "attributes": {' + attrs + "}}]}")
    assert len(hn.read_json(path).actor("a").attributes) == N
    path.write_text('{"actors": [{"id": "a", "attributes": {' + attrs + ', "k5": 0}}]}')
    with pytest.raises(ValueError, match=r"keys.json:1: actors\[0\]\.attributes\.k5: key 'k5' appears twice"):
        hn.read_json(path)


def _graphml(body: str, root_attributes: str = "") -> str:
    return (
        f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"{root_attributes}>\n'
        f'<graph edgedefault="undirected">\n{body}</graph>\n</graphml>\n'
    )


def test_graphml_body_with_many_members(tmp_path: Path):
    nodes = "".join(f'<node id="a{i}"/>\n' for i in range(N))
    members = "|".join(f"a{i}" for i in range(N))
    key = '<key id="b" for="graph" attr.name="bodies" attr.type="string"/>\n'
    path = tmp_path / "big.graphml"
    text = _graphml(f'<data key="b">hk\thealth_conference\tKonferenz\t\\N\t2024\t{members}</data>\n' + nodes)
    path.write_text(text.replace("<graph ", key + "<graph ", 1))
    assert len(hn.read_graphml(path).body("hk").members) == N


def test_graphml_element_with_many_attributes(tmp_path: Path):
    many = " ".join(f'x{i}="{i}"' for i in range(N))
    path = tmp_path / "attrs.graphml"
    path.write_text(_graphml(f'<node id="a" {many}/>\n'))
    assert hn.read_graphml(path).n_actors == 1
    path.write_text(_graphml(f'<node id="a" {many} x17="again"/>\n'))
    with pytest.raises(ValueError, match=r"attrs.graphml:3: attribute 'x17': attribute given twice"):
        hn.read_graphml(path)


def test_graphml_many_namespace_declarations(tmp_path: Path):
    # N prefixes in scope, then 20k unprefixed elements: looking each name's
    # namespace up through every declaration cost N x 20k = 4e9 comparisons.
    declarations = "".join(f' xmlns:p{i}="urn:p{i}"' for i in range(N))
    nodes = "".join(f'<node id="a{i}"/>\n' for i in range(20_000))
    path = tmp_path / "ns.graphml"
    path.write_text(_graphml(nodes, declarations))
    assert hn.read_graphml(path).n_actors == 20_000


# ---- line endings and decimal commas ------------------------------------------------


@pytest.mark.parametrize("eol", ["\r", "\n", "\r\n"], ids=["cr", "lf", "crlf"])
def test_csv_line_endings(tmp_path: Path, eol: str):
    # Oracle: the file written by hand; every convention gives the same network.
    actors = tmp_path / "actors.csv"
    ties = tmp_path / "ties.csv"
    actors.write_bytes(eol.join(["id,name", "gp1,Praxis", 'hosp,"Klinikum' + eol + 'Nord"', "care,Pflege", ""]).encode())
    ties.write_bytes(eol.join(["source,target", "gp1,hosp", "hosp,care", ""]).encode())
    net = hn.read_csv(actors, ties)
    assert net.actor_ids == ["gp1", "hosp", "care"]
    assert net.actor("hosp").name == "Klinikum\nNord"  # a quoted line break reads as LF
    assert net.n_ties == 2


def test_csv_cr_only_validate_counts_actors(cli, tmp_path: Path):
    actors = tmp_path / "actors.csv"
    ties = tmp_path / "ties.csv"
    actors.write_bytes(b"id,name\rgp1,Praxis\rhosp,Klinikum\r")
    ties.write_bytes(b"source,target\rgp1,hosp\r")
    r = run(cli, "validate", "--actors", actors, "--ties", ties)
    assert r.returncode == 0, r.stderr
    assert hn.read_csv(actors, ties).n_actors == 2


def test_csv_decimal_comma_with_thousands(tmp_path: Path):
    # Oracle: German number notation (DIN 1333 / Excel de-DE): ',' decimal, '.' groups of three.
    actors = tmp_path / "actors.csv"
    ties = tmp_path / "ties.csv"
    actors.write_text("id;staff\na;2\nb;12.345.678\nc;1.234,5\nd;0,5\ne;1.5\n")
    ties.write_text("source;target;gewicht\na;b;1.234,5\nb;c;12.345.678\nc;d;1.5\nd;e;0,25\ne;a;7\n")
    net = hn.read_csv(actors, ties, weight="gewicht")
    assert [t.weight for t in net.ties] == [1234.5, 12345678.0, 1.5, 0.25, 7.0]
    assert [net.actor(i).attributes["staff"] for i in "abcde"] == [2.0, 12345678.0, 1234.5, 0.5, 1.5]
    actors.write_text("id;staff\na;1.000\n")
    ties.write_text("source;target\n")
    with pytest.raises(ValueError, match=r"actors.csv:2: column 'staff': number '1.000' is ambiguous.*'1000'.*'1,000'"):
        hn.read_csv(actors, ties)
    # With ',' as separator '.' is the decimal point, as before.
    actors.write_text("id,staff\na,1.000\n")
    assert hn.read_csv(actors, ties).actor("a").attributes["staff"] == 1.0


# ---- what read_file refuses ------------------------------------------------------


def test_fifo_and_devices_are_refused(cli, tmp_path: Path):
    fifo = tmp_path / "net.json"
    os.mkfifo(fifo)
    expected = f"{fifo}: is a pipe (fifo), not a regular file; only regular files are read"
    with pytest.raises(OSError) as info:
        hn.read_json(fifo)  # would block for ever waiting for a writer
    assert str(info.value) == expected
    assert one_error(run(cli, "validate", fifo)) == expected
    with pytest.raises(OSError, match="is a character device, not a regular file"):
        hn.read_json("/dev/zero")  # would never end
    with pytest.raises(OSError, match="is a character device, not a regular file"):
        hn.read_graphml("/dev/zero")


def test_file_over_the_size_limit_is_refused(cli, tmp_path: Path):
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as f:
        f.truncate((4 << 30) + 1)  # sparse: no disk space used
    expected = f"{huge}: file is larger than the limit of 4294967296 bytes"
    with pytest.raises(OSError) as info:
        hn.read_json(huge)
    assert str(info.value) == expected
    assert one_error(run(cli, "validate", huge)) == expected


# ---- out of memory -------------------------------------------------------------------


def _limit_address_space():
    limit = 900_000 * 1024  # as `ulimit -v 900000`
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_out_of_memory_is_a_clean_error(cli, tmp_path: Path):
    # 150 MB of actors: the parsed document needs several times that, more
    # than the 900 MB the child may map. Before, nlohmann's destructor
    # allocated while the first bad_alloc unwound and the process aborted.
    big = tmp_path / "big.json"
    pad = "x" * 60
    n = 1_700_000
    with open(big, "w") as f:
        f.write('{"actors": [')
        f.write(",".join(f'{{"id": "a{i}", "name": "{pad}"}}' for i in range(n)))
        f.write("]}")
    assert big.stat().st_size > 150e6
    r = subprocess.run([cli, "validate", big], capture_output=True, timeout=300, preexec_fn=_limit_address_space)
    assert one_error(r) == f"out of memory reading {big}"
    assert r.stdout == b""
