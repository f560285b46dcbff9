# SPDX-License-Identifier: MIT
"""hn.read_excel and hn.write_excel (.xlsx through pandas and openpyxl).

Oracles: the written network itself (round trips compare with ``==``),
networks built by hand with Network.add_actor/add_tie, Excel row numbers
counted by hand (header = row 1), and openpyxl's own reading of the cells.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

import healthnet as hn

openpyxl = pytest.importorskip("openpyxl")


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Writes a workbook whose sheets hold the given rows (the first row is the header)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def small() -> hn.Network:
    """Text ids that look like numbers or formulas, a blank and a bool attribute, multiplex ties."""
    net = hn.Network(directed=True)
    net.add_actor(
        "0101", name="=1+1", sectors=["outpatient_care", "pharmacy"], attributes={"staff": 4.5, "rural": True}
    )
    net.add_actor("102", name="Klinik; Süd", sectors=["inpatient_care"], attributes={"rural": False})
    net.add_actor("x", sectors=[])
    net.add_tie("0101", "102", relations=["information", "referral"], weight=3.0, attributes={"trust": 4.0})
    net.add_tie("102", "x", weight=1.5, since="2021-03")
    net.add_body("ag", "working_group", name="AG Pflege", members=["0101", "x"], topic="=SUM(A1)", year=2023)
    return net


# ---- round trips -------------------------------------------------------------------


def test_round_trip_example_region(tmp_path):
    # Oracle: the written network itself (Network.__eq__ compares every actor,
    # tie, body, the region, the taxonomy and directedness).
    net = hn.example()
    path = hn.write_excel(net, tmp_path / "region.xlsx")
    assert hn.read_excel(path) == net
    assert openpyxl.load_workbook(path).sheetnames == ["actors", "ties", "bodies", "network"]


def test_round_trip_small_network(tmp_path):
    # Oracle: the hand-built network; ids stay text ("0101" is not 101).
    net = small()
    back = hn.read_excel(hn.write_excel(net, tmp_path / "small.xlsx"))
    assert back == net
    assert back.actor_ids == ["0101", "102", "x"]
    assert back.actor("0101").attributes == {"staff": 4.5, "rural": True}
    assert back.actor("102").attributes == {"rural": False}  # no staff: missing, not 0


def test_round_trip_undirected_self_loops_and_taxonomy(tmp_path):
    # Oracle: the hand-built network; the network sheet carries directed and
    # allow_self_loops, the taxonomy sheet a taxonomy that is not the built-in one.
    net = hn.Network(directed=False)
    net.allow_self_loops = True
    net.taxonomy = hn.Taxonomy([hn.Sector("a", "A de", "A en", True), hn.Sector("b")])
    net.region = hn.Region(id="09000", name="Test", population=1000, wave="2026")
    net.add_actor("1", sectors=["a"])
    net.add_actor("2", sectors=["b"])
    net.add_tie("1", "1", weight=2.0)
    net.add_tie("2", "1")
    back = hn.read_excel(hn.write_excel(net, tmp_path / "u.xlsx"))
    assert back == net
    assert back.region.id == "09000" and back.region.population == 1000


def test_formula_text_stays_text(tmp_path):
    # Oracle: openpyxl reads the cell back as a string cell ("s"), not a
    # formula ("f"); pandas would read an uncomputed formula as blank.
    path = hn.write_excel(small(), tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(path)["actors"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("name") + 1)
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    body = openpyxl.load_workbook(path)["bodies"]
    assert [c.data_type for c in body[2]][5 - 1] == "s"  # topic "=SUM(A1)"
    assert hn.read_excel(path).actor("0101").name == "=1+1"


# ---- reading user workbooks ----------------------------------------------------------


def test_german_workbook_with_mapping(tmp_path):
    # Oracle: the network built by hand from the rows below; integer ids
    # give an integer-id network, a blank rating stays missing, an integer
    # rating stays an integer.
    path = workbook(
        tmp_path / "umfrage.xlsx",
        {
            "Akteure": [
                ["ID", "Name", "Sektor"],
                [101, "Praxis", "outpatient_care"],
                [102, "Klinik", "inpatient_care"],
            ],
            "Kontakte": [["Von", "An", "Häufigkeit", "Vertrauen"], [101, 102, 4, 3], [102, 101, 2, None]],
        },
    )
    got = hn.read_excel(
        path, actors="Akteure", ties="Kontakte", id="ID", name="Name", sector="Sektor",
        source="Von", target="An", weight="Häufigkeit",
    )
    want = hn.Network(directed=True)
    want.id_kind = "integer"
    want.add_actor(101, name="Praxis", sectors=["outpatient_care"])
    want.add_actor(102, name="Klinik", sectors=["inpatient_care"])
    want.add_tie(101, 102, weight=4.0, attributes={"Vertrauen": 3})
    want.add_tie(102, 101, weight=2.0)
    assert got == want
    assert got.actor(str(101)).name == "Praxis"


def test_blank_rows_are_skipped_and_rows_are_excel_rows(tmp_path):
    # Oracle: rows counted by hand: header row 1, (101, 102) row 2, a blank
    # row 3, (102, 101) row 4, the blank weight in row 5.
    path = workbook(
        tmp_path / "w.xlsx",
        {
            "actors": [["id"], [101], [102], [103]],
            "ties": [
                ["source", "target", "weight"],
                [101, 102, 1],
                [None, None, None],
                [102, 101, 2],
                [101, 103, None],
            ],
        },
    )
    with pytest.raises(ValueError) as info:
        hn.read_excel(path)
    assert str(info.value).startswith(f"{path}: sheet 'ties' row 5: column 'weight': weight is blank; ")


def test_unknown_tie_end_names_sheet_and_row(tmp_path):
    # Oracle: the target 'x9' is in Excel row 3 of the ties sheet; an unknown
    # id inside input data is bad input (ValueError).
    path = workbook(
        tmp_path / "w.xlsx",
        {"actors": [["id"], ["a"], ["b"]], "ties": [["source", "target"], ["a", "b"], ["a", "x9"]]},
    )
    with pytest.raises(ValueError) as info:
        hn.read_excel(path)
    assert info.value.args[0] == f"{path}: sheet 'ties' row 3: column 'target': unknown actor id 'x9'"


def test_missing_mapped_column_names_the_sheet(tmp_path):
    # Oracle: from_pandas's message for a missing column, placed at the sheet.
    path = workbook(tmp_path / "w.xlsx", {"actors": [["id"], ["a"]], "ties": [["Von", "An"], ["a", "a"]]})
    with pytest.raises(ValueError) as info:
        hn.read_excel(path)
    assert str(info.value) == f"{path}: sheet 'ties': column 'source': missing (columns: Von, An)"


def test_ids_are_kept_as_read(tmp_path):
    # Oracle: openpyxl's cell types: the number 7 gives "7", the text "007" stays "007".
    path = workbook(
        tmp_path / "w.xlsx", {"actors": [["id"], [7], ["007"]], "ties": [["source", "target"], [7, "007"]]}
    )
    net = hn.read_excel(path)
    assert net.actor_ids == ["7", "007"]
    assert net.has_tie("7", "007")


def test_directed_from_network_sheet_and_override(tmp_path):
    # Oracle: write_excel records directed=False; read_excel takes it unless told.
    net = hn.Network(directed=False)
    net.add_actor("a")
    net.add_actor("b")
    net.add_tie("a", "b")
    path = hn.write_excel(net, tmp_path / "u.xlsx")
    assert not hn.read_excel(path).directed
    assert hn.read_excel(path, directed=True).directed
    # a workbook without a network sheet: directed (survey nominations)
    plain = workbook(
        tmp_path / "p.xlsx", {"actors": [["id"], ["a"], ["b"]], "ties": [["source", "target"], ["a", "b"]]}
    )
    assert hn.read_excel(plain).directed


def test_ties_only_and_actors_only(tmp_path):
    # Oracle: from_pandas(None, ties) takes the tie ends as actors, in order.
    path = workbook(tmp_path / "t.xlsx", {"Kontakte": [["source", "target"], ["b", "a"]]})
    net = hn.read_excel(path, actors=None, ties="Kontakte")
    assert net.actor_ids == ["b", "a"] and net.n_ties == 1
    path = workbook(tmp_path / "a.xlsx", {"actors": [["id"], ["a"]]})
    assert hn.read_excel(path, ties=None).actor_ids == ["a"]


def test_not_a_workbook(tmp_path):
    path = tmp_path / "actors.xlsx"
    path.write_text("id;name\n1;a\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.xlsx: not an Excel workbook \(\.xlsx\)"):
        hn.read_excel(path)


def test_missing_openpyxl_says_how_to_install(tmp_path, monkeypatch):
    # Oracle: an import of a module set to None in sys.modules raises ImportError.
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ImportError, match=r"pip install healthnet\[excel\]"):
        hn.read_excel(tmp_path / "x.xlsx")
    with pytest.raises(ImportError, match=r"pip install healthnet\[excel\]"):
        hn.write_excel(small(), tmp_path / "x.xlsx")


# ---- writing safely --------------------------------------------------------------------


def test_write_refuses_a_directory(tmp_path):
    with pytest.raises(IsADirectoryError):
        hn.write_excel(small(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_write_failure_leaves_the_old_file(tmp_path, monkeypatch):
    # Oracle: the bytes written before; no temporary file is left behind.
    from healthnet import _excel

    path = tmp_path / "out.xlsx"
    path.write_bytes(b"previous")

    def fail(src, dst):
        assert Path(src).parent == tmp_path and Path(src).stat().st_size > 0  # written beside the target
        raise OSError("disk full")

    monkeypatch.setattr(_excel.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        hn.write_excel(small(), path)
    assert path.read_bytes() == b"previous"
    assert list(tmp_path.iterdir()) == [path]


def test_write_refuses_control_characters(tmp_path):
    # openpyxl refuses control characters; the message names the sheet, row and column.
    net = hn.Network(directed=True)
    net.add_actor("a", name="bell\x07")
    with pytest.raises(ValueError) as info:
        hn.write_excel(net, tmp_path / "x.xlsx")
    assert str(info.value) == (
        f"{tmp_path / 'x.xlsx'}: sheet 'actors' row 2: column 'name': 'bell\\x07' holds a control character, "
        "which Excel cannot store"
    )
    assert list(tmp_path.iterdir()) == []


def test_write_keeps_mode_and_symlink(tmp_path):
    # Oracle: os.stat before and after.
    target = tmp_path / "real.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "link.xlsx"
    link.symlink_to(target)
    hn.write_excel(small(), link)
    assert link.is_symlink()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert hn.read_excel(link) == small()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.xlsx", "real.xlsx"]


def test_write_refuses_the_list_separator_in_a_label(tmp_path):
    # A relation "a|b" would be read back as two relations: refused, nothing written.
    net = hn.Network(directed=True)
    net.add_actor("a")
    net.add_actor("b")
    net.add_tie("a", "b", relations=["a|b"])
    with pytest.raises(ValueError, match=r"relation 'a\|b' contains '\|'"):
        hn.write_excel(net, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_bodies_and_network_sheets_name_their_rows(tmp_path):
    # Oracle: Excel rows counted by hand (header = row 1).
    path = workbook(
        tmp_path / "b.xlsx",
        {
            "actors": [["id"], ["a"], ["b"]],
            "ties": [["source", "target"], ["a", "b"]],
            "bodies": [
                ["id", "kind", "members"], ["sg", "steering_group", "a|b"], ["ag", "working_group", "a|zz"]
            ],
        },
    )
    with pytest.raises(ValueError) as info:
        hn.read_excel(path)
    assert info.value.args[0].startswith(f"{path}: sheet 'bodies' row 3: ")
    assert "zz" in info.value.args[0]
    net = hn.read_excel(path, bodies=None)
    assert net.n_bodies == 0
    with pytest.raises(ValueError, match=r"sheet 'Gremien': no such sheet"):
        hn.read_excel(path, bodies="Gremien")
    path = workbook(
        tmp_path / "n.xlsx",
        {"actors": [["id"], ["a"]], "network": [["key", "value"], ["directed", True], ["drected", 1]]},
    )
    with pytest.raises(ValueError) as info:
        hn.read_excel(path, ties=None)
    assert str(info.value) == (
        f"{path}: sheet 'network' row 3: column 'key': unknown key 'drected'; did you mean 'directed'?"
    )
