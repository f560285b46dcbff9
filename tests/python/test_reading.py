# SPDX-License-Identifier: MIT
"""The shared reading layer (issue 14): column mapping, dialects and
encodings, blank weights, repeated pairs, sector labels, every problem at
once, in read_csv, from_pandas and the command line alike.

Oracles: the expected networks and values are worked out by hand from the
few rows each test writes (stated next to each assertion).
"""

from __future__ import annotations

import json
import os
import subprocess
import warnings

import pandas as pd
import pytest

import healthnet as hn

CLI = os.environ.get("HEALTHNET_CLI", "healthnet")


def write(path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def pair(tmp_path, actors: str, ties: str, encoding: str = "utf-8") -> tuple[str, str]:
    return write(tmp_path / "akteure.csv", actors, encoding), write(tmp_path / "kontakte.csv", ties, encoding)


ACTORS = "id,name,sector\na,A,outpatient_care\nb,B,inpatient_care\nc,C,pharmacy\n"


# ---- the German Excel export of the issue --------------------------------------------

GERMAN_ACTORS = "\ufeffOrgID;Name;Bereich\n101;Praxis Dr. Müller;Ärzte\n102;Klinikum;Krankenhaus\n103;AOK;Kasse\n"
GERMAN_TIES = "Von;An;Häufigkeit;Vertrauen\n101;102;2,5;4\n102;103;1;\n"
SECTOR_MAP = {"Ärzte": "outpatient_care", "Krankenhaus": "inpatient_care", "Kasse": "health_insurance"}


def test_german_excel_cp1252_with_mapping(tmp_path):
    # cp1252 bytes (ü = 0xfc), ';' separator, decimal comma; the BOM is not
    # a cp1252 text, so write it as the mapped export writes it: without one.
    actors, ties = pair(tmp_path, GERMAN_ACTORS.lstrip("\ufeff"), GERMAN_TIES, encoding="cp1252")
    net = hn.read_csv(
        actors, ties, id="OrgID", name="Name", sector="Bereich", source="Von", target="An",
        weight="Häufigkeit", encoding="cp1252", sector_map=SECTOR_MAP,
    )
    # By hand: 3 actors, 2 ties; 2,5 is 2.5; the blank trust stays absent.
    assert net.actor("101").name == "Praxis Dr. Müller"
    assert net.actor("101").sectors == ["outpatient_care"]
    assert net.tie("101", "102").weight == 2.5
    assert net.tie("101", "102").attributes["Vertrauen"] == 4
    assert "Vertrauen" not in net.tie("102", "103").attributes


def test_cp1252_read_as_utf8_says_how_to_fix(tmp_path):
    actors, ties = pair(tmp_path, GERMAN_ACTORS.lstrip("\ufeff"), GERMAN_TIES, encoding="cp1252")
    with pytest.raises(ValueError, match=r"akteure.csv:2: column 'Name': invalid utf-8 byte 0xfc.*encoding='cp1252'"):
        hn.read_csv(actors, ties, id="OrgID", sector="Bereich", source="Von", target="An")


def test_utf16_with_bom_reads_with_the_option(tmp_path):
    actors, ties = pair(tmp_path, "\ufeff" + ACTORS, "\ufeffsource,target\na,b\n", encoding="utf-16-le")
    with pytest.raises(ValueError, match="file is utf-16; pass encoding='utf-16'"):
        hn.read_csv(actors, ties)
    net = hn.read_csv(actors, ties, encoding="utf-16")
    assert (net.n_actors, net.n_ties) == (3, 1)


def test_unknown_encoding_lists_the_choices(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target\na,b\n")
    with pytest.raises(ValueError, match="unknown encoding 'ebcdic'; choose utf-8"):
        hn.read_csv(actors, ties, encoding="ebcdic")


def test_separator_and_decimal_options(tmp_path):
    # A tab file whose weights use a decimal comma: given explicitly.
    actors, ties = pair(tmp_path, ACTORS.replace(",", "\t"), "source\ttarget\tweight\na\tb\t1,5\n")
    net = hn.read_csv(actors, ties, sep="\t", decimal=",")
    assert net.tie("a", "b").weight == 1.5  # by hand
    with pytest.raises(ValueError, match="decimal: expected"):
        hn.read_csv(actors, ties, decimal=";")


def test_a_mapped_column_that_is_missing_names_what_exists(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target\na,b\n")
    with pytest.raises(ValueError, match=r"akteure.csv:1: column 'OrgID': required column is missing \(known: 'id', 'name', 'sector'\)"):
        hn.read_csv(actors, ties, id="OrgID")
    with pytest.raises(ValueError, match=r"column 'Sektor': sector column is missing from the header; did you mean 'sector'\?"):
        hn.read_csv(actors, ties, sector="Sektor")


# ---- weights -----------------------------------------------------------------------------


def test_a_column_named_weight_is_the_weight(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target,weight\na,b,3\nb,c,abc\n")
    with pytest.raises(ValueError, match=r"kontakte.csv:3: column 'weight': weight 'abc' is not a number"):
        hn.read_csv(actors, ties)
    # weight=None makes it an ordinary attribute, as asked.
    net = hn.read_csv(actors, ties, weight=None)
    assert net.tie("a", "b").weight == 1 and net.tie("b", "c").attributes["weight"] == "abc"


def test_blank_weight_is_an_error_by_default(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target,weight\na,b,3\nb,c,\n")
    with pytest.raises(ValueError, match=r"kontakte.csv:3: column 'weight': weight is blank; pass missing_weight='drop'"):
        hn.read_csv(actors, ties)


def test_blank_weight_drop_and_fill_warn(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target,weight\na,b,3\nb,c,\n")
    with pytest.warns(hn.DataWarning, match=r"kontakte.csv:3: 1 tie with a blank weight left out"):
        net = hn.read_csv(actors, ties, missing_weight="drop")
    assert net.n_ties == 1  # by hand: b-c dropped
    with pytest.warns(hn.DataWarning, match=r"1 blank weight filled in with 2"):
        net = hn.read_csv(actors, ties, missing_weight=2)
    assert net.tie("b", "c").weight == 2


def test_blank_ratings_stay_missing(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target,trust\na,b,\nb,c,3\n")
    net = hn.read_csv(actors, ties)
    assert "trust" not in net.tie("a", "b").attributes  # never 0 or 1
    assert net.tie("b", "c").attributes["trust"] == 3


# ---- repeated pairs ----------------------------------------------------------------------

DOUBLE = "source,target,weight,trust\na,b,4,3\nb,c,1,2\na,b,4,1\n"


@pytest.mark.parametrize(
    "rule, weight, trust",
    [
        # By hand from rows 2 and 4 (a->b): weights 4, 4; trust 3, 1.
        ("sum", 8, 4),
        ("max", 4, 3),
        ("min", 4, 1),
        ("mean", 4, 2),
        ("first", 4, 3),
        ("last", 4, 1),
    ],
)
def test_repeated_pairs_follow_the_rule_and_warn(tmp_path, rule, weight, trust):
    actors, ties = pair(tmp_path, ACTORS, DOUBLE)
    with pytest.warns(hn.DataWarning, match=rf"kontakte.csv:4: 1 repeated row merged into the earlier tie by {rule}.*'a' -> 'b' repeats line 2"):
        net = hn.read_csv(actors, ties, duplicates=rule)
    assert net.n_ties == 2
    assert net.tie("a", "b").weight == weight
    assert net.tie("a", "b").attributes["trust"] == trust


def test_rules_per_attribute(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, DOUBLE)
    with pytest.warns(hn.DataWarning, match="by sum, trust by mean"):
        net = hn.read_csv(actors, ties, duplicates={"*": "sum", "trust": "mean"})
    assert net.tie("a", "b").weight == 8 and net.tie("a", "b").attributes["trust"] == 2


def test_duplicates_error_names_both_lines(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, DOUBLE)
    with pytest.raises(ValueError, match=r"kontakte.csv:4: pair 'a' -> 'b' repeats line 2 \(duplicates='error'\)"):
        hn.read_csv(actors, ties, duplicates="error")


def test_nominations_read_as_undirected_warn(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target,weight\na,b,1\nb,a,2\n")
    with pytest.warns(hn.DataWarning, match=r"1 tie was reported in both directions.*symmetrize"):
        net = hn.read_csv(actors, ties, directed=False)
    assert net.n_ties == 1 and net.tie("a", "b").weight == 3  # by hand: 1 + 2 under sum


def test_no_warning_without_repeats(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target\na,b\nb,a\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        net = hn.read_csv(actors, ties)  # directed: a->b and b->a are two ties
    assert net.n_ties == 2


# ---- sector labels -----------------------------------------------------------------------


def test_unknown_sector_label_is_an_error_with_suggestions(tmp_path):
    actors, ties = pair(tmp_path, "id,sector\na,outpatient\nb,pharmacy\n", "source,target\na,b\n")
    with pytest.raises(ValueError, match=r"akteure.csv:2: column 'sector': unknown sector 'outpatient'; did you mean 'outpatient_care'\?"):
        hn.read_csv(actors, ties)


def test_taxonomy_labels_are_aliases(tmp_path):
    # The built-in taxonomy's German and English labels, any ASCII case.
    actors, ties = pair(tmp_path, "id,sector\na,Pflege\nb,PHARMACY\nc,Nursing care\n", "source,target\na,b\n")
    net = hn.read_csv(actors, ties)
    assert [net.actor(i).sectors for i in "abc"] == [["nursing_care"], ["pharmacy"], ["nursing_care"]]


def test_sector_map_from_dict_csv_and_json(tmp_path):
    actors, ties = pair(tmp_path, "id;sector\na;Ärzte\nb;Kasse\n", "source;target\na;b\n")
    as_csv = write(tmp_path / "map.csv", "label,sector\nÄrzte,outpatient_care\nKasse,health_insurance\n")
    as_json = write(tmp_path / "map.json", json.dumps({"Ärzte": "outpatient_care", "Kasse": "health_insurance"}))
    for mapping in ({"Ärzte": "outpatient_care", "Kasse": "health_insurance"}, as_csv, as_json):
        net = hn.read_csv(actors, ties, sector_map=mapping)
        assert net.actor("a").sectors == ["outpatient_care"] and net.actor("b").sectors == ["health_insurance"]
    assert hn.read_sector_map(as_csv) == {"Ärzte": "outpatient_care", "Kasse": "health_insurance"}


def test_sector_map_values_must_be_sector_ids(tmp_path):
    actors, ties = pair(tmp_path, "id;sector\na;Ärzte\n", "source;target\n")
    with pytest.raises(ValueError, match=r"sector_map\['Ärzte'\]: maps to 'outpatient', which is not a sector id.*did you mean 'outpatient_care'"):
        hn.read_csv(actors, ties, sector_map={"Ärzte": "outpatient"})


def test_sector_map_file_with_a_repeated_label(tmp_path):
    path = write(tmp_path / "map.csv", "label,sector\nÄrzte,outpatient_care\nÄrzte,pharmacy\n")
    with pytest.raises(ValueError, match=r"map.csv:3: column 'label': label 'Ärzte' appears twice \(first on line 2\)"):
        hn.read_sector_map(path)


def test_unknown_sectors_keep_warns_and_counts(tmp_path):
    actors, ties = pair(tmp_path, "id,sector\na,Ärzte\nb,Ärzte\nc,Kasse\n", "source,target\na,b\n")
    with pytest.warns(hn.DataWarning, match=r"3 sector labels outside the taxonomy kept as given.*'Ärzte' \(2\), 'Kasse' \(1\)"):
        net = hn.read_csv(actors, ties, unknown_sectors="keep")
    assert net.actor("a").sectors == ["Ärzte"]


# ---- every problem at once ---------------------------------------------------------------

THREE_BAD = "source,target,weight\na,b,x\nb,zz,1\nc,a,-1\na,c,2\n"


def test_reader_says_how_many_more_problems(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, THREE_BAD)
    with pytest.raises(ValueError, match=r"kontakte.csv:2: column 'weight': weight 'x' is not a number \(and 2 more problems; validate lists them all\)"):
        hn.read_csv(actors, ties)


def test_validate_lists_every_problem(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, THREE_BAD)
    report = hn.validate(actors=actors, ties=ties)
    assert not report and report.total == 3
    assert [p.split(": ")[0] for p in report.problems] == [f"{ties}:2", f"{ties}:3", f"{ties}:4"]
    assert "unknown actor id 'zz'" in report.problems[1]
    limited = hn.validate(actors=actors, ties=ties, max_errors=1)
    assert limited.total == 3 and len(limited.problems) == 1


def test_validate_several_files(tmp_path):
    good = tmp_path / "good.json"
    hn.write_json(hn.example(), good)
    bad = write(tmp_path / "bad.json", '{"actors": [{"id": "a"}, {"id": "a"}]}')
    report = hn.validate(good, bad)
    assert report.total == 1 and "duplicate actor id 'a'" in report.problems[0]


def test_an_actor_with_a_problem_is_not_reported_again_in_ties(tmp_path):
    actors, ties = pair(tmp_path, "id,sector\na,outpatient_care\nb,Quatsch\n", "source,target\na,b\n")
    report = hn.validate(actors=actors, ties=ties)
    assert report.total == 1 and "unknown sector 'Quatsch'" in report.problems[0]


# ---- from_pandas: the same rules and messages ----------------------------------------------


def frames():
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["outpatient_care", "Pflege", "pharmacy"]})
    ties = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "c", "b"], "weight": [4, 1, 4.0]}, index=[10, 11, 12])
    return actors, ties


def test_from_pandas_applies_the_same_rules():
    actors, ties = frames()
    with pytest.warns(hn.DataWarning, match=r"ties row 2 \(index 12\): 1 repeated row merged .*by max.*repeats ties row 0 \(index 10\)"):
        net = hn.from_pandas(actors, ties, duplicates="max")
    assert net.directed  # the same default as read_csv
    assert net.actor("b").sectors == ["nursing_care"]  # alias
    assert net.tie("a", "b").weight == 4


def test_from_pandas_blank_weight_and_unknown_id_are_value_errors():
    actors, ties = frames()
    ties.loc[11, "weight"] = None
    with pytest.raises(ValueError, match=r"ties row 1 \(index 11\): column 'weight': weight is blank"):
        hn.from_pandas(actors, ties)
    ties.loc[11, "weight"] = 1
    ties.loc[12, "target"] = "zz"
    with pytest.raises(ValueError, match=r"ties row 2 \(index 12\): column 'target': unknown actor id 'zz'"):
        hn.from_pandas(actors, ties)


def test_from_pandas_separator_is_the_bar():
    # "Beratung; Soziales" is one relation label now, not two.
    actors, ties = frames()
    ties["relations"] = ["Beratung; Soziales", "a|b", None]
    with pytest.warns(hn.DataWarning):
        net = hn.from_pandas(actors, ties)
    assert net.tie("a", "b").relations == ["Beratung; Soziales"]
    assert net.tie("b", "c").relations == ["a", "b"]


def test_from_pandas_unknown_sector_names_row_and_column():
    actors, ties = frames()
    actors.loc[1, "sector"] = "Pflegedienst"
    with pytest.raises(ValueError, match=r"actors row 1 \(index 1\): column 'sector': unknown sector 'Pflegedienst'"):
        hn.from_pandas(actors, ties)


# ---- the command line ----------------------------------------------------------------------


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True)


def test_cli_mapping_encoding_and_sector_map(tmp_path):
    actors, ties = pair(tmp_path, GERMAN_ACTORS.lstrip("\ufeff"), GERMAN_TIES, encoding="cp1252")
    mapping = write(tmp_path / "map.json", json.dumps(SECTOR_MAP))
    r = run("validate", "--actors", actors, "--ties", ties, "--id", "OrgID", "--sector", "Bereich",
            "--source", "Von", "--target", "An", "--weight", "Häufigkeit", "--encoding", "cp1252",
            "--sector-map", mapping)
    assert r.returncode == 0, r.stderr
    assert "3 actors, 2 ties" in r.stdout


def test_cli_validate_lists_problems_and_notes(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, THREE_BAD)
    r = run("validate", "--actors", actors, "--ties", ties)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.count(f"healthnet: error: {ties}:") == 3 and "3 problems" in r.stderr
    r = run("validate", "--actors", actors, "--ties", ties, "--max-errors", "2")
    assert "... and 1 more problems (--max-errors 2)" in r.stderr
    actors, ties = pair(tmp_path, ACTORS, DOUBLE)
    r = run("metrics", "--actors", actors, "--ties", ties, "--duplicates", "max")
    assert r.returncode == 0, r.stderr
    assert "note: " in r.stderr and "merged into the earlier tie by max" in r.stderr


def test_cli_validate_several_files_goes_on_after_a_bad_one(tmp_path):
    good = tmp_path / "good.json"
    hn.write_json(hn.example(), good)
    bad = write(tmp_path / "bad.json", "{")
    r = run("validate", bad, str(good))
    assert r.returncode == 1
    assert "ok: " in r.stdout and str(good) in r.stdout and bad in r.stderr


def test_cli_missing_weight_rule(tmp_path):
    actors, ties = pair(tmp_path, ACTORS, "source,target,weight\na,b,\n")
    r = run("validate", "--actors", actors, "--ties", ties, "--missing-weight", "zero")
    assert r.returncode == 2 or "expected error, drop or a number" in r.stderr
    r = run("validate", "--actors", actors, "--ties", ties, "--missing-weight", "drop")
    assert r.returncode == 0 and "left out" in r.stderr


# ---- respondents in CSV ------------------------------------------------------------------


def test_csv_respondent_column_round_trips(tmp_path):
    # By hand: a answered, b did not, c unknown (blank).
    actors, ties = pair(tmp_path, "id,respondent\na,ja\nb,nein\nc,\n", "source,target\na,b\n")
    net = hn.read_csv(actors, ties)
    assert [net.actor(i).respondent for i in "abc"] == [True, False, None]
    out_a, out_t = tmp_path / "a2.csv", tmp_path / "t2.csv"
    hn.write_json(net, tmp_path / "n.json")
    r = run("convert", str(tmp_path / "n.json"), str(out_a), str(out_t))
    assert r.returncode == 0, r.stderr
    back = hn.read_csv(out_a, out_t)
    assert [back.actor(i).respondent for i in "abc"] == [True, False, None]


def test_csv_respondent_value_that_is_no_flag(tmp_path):
    actors, ties = pair(tmp_path, "id,respondent\na,vielleicht\n", "source,target\n")
    with pytest.raises(ValueError, match=r"akteure.csv:2: column 'respondent': not a respondent flag: 'vielleicht'"):
        hn.read_csv(actors, ties)


def test_csv_integer_ids_index_results_by_integers(tmp_path):
    # The case: ids 101-175 in the file, an integer-indexed frame of the user's; oracle: pandas join.
    ids = list(range(101, 176))
    actors = "id,sector\n" + "".join(f"{i},pharmacy\n" for i in ids)
    ties = "source,target\n" + "".join(f"{i},{i + 1}\n" for i in ids[:-1])
    a, t = pair(tmp_path, actors, ties)
    net = hn.read_csv(a, t)
    assert net.id_kind == "integer" and net.actor(101).id == "101"
    org = pd.DataFrame({"OrgID": ids, "x": 1}).set_index("OrgID")
    joined = org.join(hn.degree(net).rename("degree"))
    assert joined["degree"].notna().all()  # a path: ends have degree 1, the rest 2
    # Leading zeros are text ids, never numbers.
    a, t = pair(tmp_path, "id,sector\n0101,pharmacy\n0102,pharmacy\n", "source,target\n0101,0102\n")
    assert hn.read_csv(a, t).id_kind == "text"


def test_from_pandas_body_with_unknown_member_is_bad_input():
    # An id inside input data that names no actor is a ValueError (issue 14, point 9), also in bodies.
    actors = pd.DataFrame({"id": ["a", "b"]})
    with pytest.raises(ValueError, match=r"body 'sg': .*'zz'"):
        hn.from_pandas(actors, bodies=[{"id": "sg", "kind": "steering_group", "members": ["a", "zz"]}])


# ---- what the reader assumed, in the report's data basis (issue 15, item 7) ----------------


def test_reading_notes_reach_the_report(tmp_path):
    # Oracle: the DataWarning text itself (the reader's note, merged pair a -> b)
    # must appear verbatim in the network's reading_notes and in the data basis.
    actors, ties = pair(tmp_path, ACTORS, DOUBLE)
    with pytest.warns(hn.DataWarning) as caught:
        net = hn.read_csv(actors, ties, duplicates="max")
    assert net.reading_notes == [str(w.message) for w in caught]
    assert "1 repeated row merged into the earlier tie by max" in net.reading_notes[0]
    md = hn.report(net, format="md", lang="en")
    assert "### Data basis" in md and "| Assumed while reading |" in md
    assert "repeated row merged into the earlier tie by max" in md
    doc = json.loads(hn.report(net, format="json"))
    assert doc["reading_notes"] == net.reading_notes
    de = hn.report(net, format="html", lang="de")
    assert "Beim Einlesen angenommen" in de
    # A network built otherwise has no notes, and no data basis unless respondents are known.
    (tmp_path / "b").mkdir()
    clean = hn.read_csv(*pair(tmp_path / "b", ACTORS, "source,target\na,b\n"))
    assert clean.reading_notes == []
    assert "reading_notes" not in json.loads(hn.report(clean, format="json"))
    assert "Assumed while reading" not in hn.report(clean, format="md", lang="en")


def test_cli_report_lists_reading_notes(tmp_path, cli):
    # Oracle: the CLI's own stderr note must be the line in the data basis.
    actors, ties = pair(tmp_path, ACTORS, DOUBLE)
    r = subprocess.run([cli, "report", "--actors", actors, "--ties", ties, "--duplicates", "max", "--format", "md", "--lang", "en"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    note = next(line[len("note: "):] for line in r.stderr.splitlines() if line.startswith("note: "))
    assert "repeated row merged" in note
    escaped = note.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("_", "\\_")
    assert f"| Assumed while reading | {escaped} |" in r.stdout
