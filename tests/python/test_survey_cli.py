# SPDX-License-Identifier: MIT
"""The survey layouts on the command line: ``--survey`` (long roster export)
and ``--matrix`` (adjacency matrix), read by the C++ readers of
healthnet/survey_io.hpp.

Oracles: differential against the Python readers on the same files read
with pandas (``hn.from_survey`` / ``hn.from_matrix`` over ``pd.read_csv``),
hand-counted problems, and the expected messages of the command-line table
in tests/data/bad/survey/README.md.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad" / "survey"
DOCS_DATA = ROOT / "docs" / "data"
PREFIX = "healthnet: error: "


def run(cli, *args) -> subprocess.CompletedProcess:
    return subprocess.run([cli, *map(str, args)], capture_output=True, timeout=300)


def number(v):
    """Numbers compared as floats (pandas reads 612 in a column with 4,5 as 612.0)."""
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def summary(net: hn.Network) -> dict:
    """Everything both readers must agree on."""
    actors = {
        str(a): (
            net.actor(a).name,
            list(net.actor(a).sectors),
            net.actor(a).respondent,
            {k: number(v) for k, v in net.actor(a).attributes.items()},
        )
        for a in net.actor_ids
    }
    ties = {
        (t.source, t.target): (sorted(t.relations), t.weight, {k: number(v) for k, v in t.attributes.items()})
        for t in net.ties
    }
    return {"directed": net.directed, "ids": list(net.actor_ids), "actors": actors, "ties": ties}


def cli_network(cli, tmp_path: Path, *args) -> hn.Network:
    out = tmp_path / "cli.json"
    r = run(cli, "convert", *args, out)
    assert r.returncode == 0, r.stderr.decode()
    return hn.read_json(out)


# ---- a German Excel export: ';', decimal comma, cp1252, integer ids --------------------

# Hand-made, with every rule in it: "X" and "ja" ticked, "nein" empty, a
# rating with a decimal comma, a blank rating, a row with nothing (no tie), a
# respondent who named nobody (blank partner), a partner who never answered.
GERMAN = (
    "Befragte;Partner;Informationsaustausch;Überweisung;Häufigkeit;Vertrauen;Bemerkung\r\n"
    "101;102;x;X;4;3,5;Müller\r\n"
    "101;103;;nein;;;\r\n"
    "101;104;ja;;1;;\r\n"
    "102;101;1;0;2;4;\r\n"
    "102;105;;x;;2,25;\r\n"
    "103;;;;;;\r\n"
    "106;101;;;3;;\r\n"
)
SURVEY_ARGS = [
    "--respondent", "Befragte", "--partner", "Partner",
    "--relation-column", "Informationsaustausch=information", "--relation-column", "Überweisung=referral",
    "--rating", "Häufigkeit", "--rating", "Vertrauen",
]  # fmt: skip
SURVEY_KWARGS = dict(
    respondent="Befragte",
    partner="Partner",
    relations={"Informationsaustausch": "information", "Überweisung": "referral"},
    ratings=["Häufigkeit", "Vertrauen"],
)


@pytest.fixture
def german(tmp_path: Path) -> Path:
    path = tmp_path / "umfrage.csv"
    path.write_bytes(GERMAN.encode("cp1252"))
    return path


def test_survey_cli_matches_from_survey(cli, tmp_path: Path, german: Path):
    # Differential oracle: hn.from_survey on the same file read by pandas.
    df = pd.read_csv(german, sep=";", decimal=",", encoding="cp1252", dtype={"Partner": "Int64"})
    want = summary(hn.from_survey(df, **SURVEY_KWARGS))
    got = summary(cli_network(cli, tmp_path, "--survey", german, "--encoding", "cp1252", *SURVEY_ARGS))
    assert got == want
    # And by hand: 5 ties (101->103 and 103 give none), 106 answered, 104 and 105 did not.
    assert got["ids"] == [101, 102, 103, 104, 105, 106]
    assert len(got["ties"]) == 5
    assert got["ties"][("101", "102")] == (["information", "referral"], 1.0, {"Häufigkeit": 4.0, "Vertrauen": 3.5})
    assert [got["actors"][a][2] for a in ("101", "103", "104", "105", "106")] == [True, True, False, False, True]


def test_survey_cli_weight_and_undirected(cli, tmp_path: Path, german: Path):
    # Differential: a rating as the weight, read undirected with the max rule,
    # blank weights dropped (101 - 102 and 102 - 101 merge: max(4, 2) = 4).
    df = pd.read_csv(german, sep=";", decimal=",", encoding="cp1252", dtype={"Partner": "Int64"})
    kwargs = dict(SURVEY_KWARGS, weight="Häufigkeit", directed=False, duplicates="max", missing_weight="drop")
    with pytest.warns(hn.DataWarning):
        want = summary(hn.from_survey(df, **kwargs))
    args = ["--survey", german, "--encoding", "cp1252", *SURVEY_ARGS, "--weight", "Häufigkeit", "--undirected"]
    out = tmp_path / "u.json"
    r = run(cli, "convert", *args, "--duplicates", "max", "--missing-weight", "drop", out)
    assert r.returncode == 0, r.stderr.decode()
    assert "note: " in r.stderr.decode()  # the merge and the dropped ties are told
    got = summary(hn.read_json(out))
    assert got == want
    assert got["ties"][("101", "102")][1] == 4.0


def test_survey_cli_docs_export_with_roster(cli, tmp_path: Path):
    # Differential oracle on the docs' export (docs/survey.md): roster, mapped
    # sectors and the contact frequency as the weight.
    sector_map = {
        "Ärzte": "outpatient_care",
        "Krankenhaus": "inpatient_care",
        "Kasse": "health_insurance",
        "Gesundheitsamt": "public_health",
        "Apotheke": "pharmacy",
        "Selbsthilfe": "self_help",
        "Verwaltung": "municipality",
    }
    boxes = {"Informationsaustausch": "information", "Überweisung": "referral", "Gemeinsames Projekt": "joint_project"}
    roster = pd.read_csv(DOCS_DATA / "akteure.csv", sep=";", decimal=",", encoding="cp1252")
    responses = pd.read_csv(DOCS_DATA / "umfrage_lang.csv", sep=";", decimal=",", encoding="cp1252")
    want = hn.from_survey(
        responses, respondent="Befragter", partner="Partner", relations=boxes, ratings=["Vertrauen"],
        weight="Häufigkeit", actors=roster, id="ID", name="Name", sector="Kategorie", sector_map=sector_map,
    )  # fmt: skip
    map_file = tmp_path / "map.json"
    map_file.write_text(json.dumps(sector_map), encoding="utf-8")
    args = [
        "--survey", DOCS_DATA / "umfrage_lang.csv", "--actors", DOCS_DATA / "akteure.csv", "--encoding", "cp1252",
        "--respondent", "Befragter", "--partner", "Partner", "--rating", "Vertrauen", "--weight", "Häufigkeit",
        "--id", "ID", "--name", "Name", "--sector", "Kategorie", "--sector-map", map_file,
    ]  # fmt: skip
    for column, relation in boxes.items():
        args += ["--relation-column", f"{column}={relation}"]
    got = cli_network(cli, tmp_path, *args)
    assert summary(got) == summary(want)
    assert want.n_ties == 16
    # metrics on the same input: the JSON output agrees with Python on the same network.
    r = run(cli, "metrics", *args, "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    metrics = json.loads(r.stdout)["metrics"]
    assert metrics["n_ties"] == want.n_ties
    assert math.isclose(metrics["density"], hn.density(want))
    assert math.isclose(metrics["response_rate"], hn.response_rate(want).rate)


def test_survey_cli_checkbox_coding(cli, tmp_path: Path):
    # SoSci Survey codes ticked 2 and empty 1: differential against checkbox=([2], [1]).
    path = tmp_path / "sosci.csv"
    path.write_text("respondent,partner,kontakt\n1,2,2\n1,3,1\n2,1,2\n", encoding="utf-8")
    want = hn.from_survey(pd.read_csv(path), relations={"kontakt": "contact"}, checkbox=([2], [1]))
    got = cli_network(cli, tmp_path, "--survey", path, "--relation-column", "kontakt=contact", "--checkbox", "2:1")
    assert summary(got) == summary(want)
    assert got.n_ties == 2
    r = run(cli, "validate", "--survey", path, "--relation-column", "kontakt=contact")
    assert r.returncode == 1
    assert "checkbox value '2' is neither ticked" in r.stderr.decode()


# ---- the matrix ------------------------------------------------------------------------

MATRIX = ";103;101;102;104\r\n101;0;0;2,5;\r\n102;1;0;0;0\r\n103;0;4;0;\r\n104;0;1;0;0\r\n"


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (["--matrix-missing", "absent"], {"missing": "absent"}),
        (["--matrix-missing", "absent", "--allow-self-loops"], {"missing": "absent", "allow_self_loops": True}),
    ],
)
def test_matrix_cli_matches_from_matrix(cli, tmp_path: Path, args, kwargs):
    # Differential oracle: hn.from_matrix on the same file read by pandas
    # (';', decimal comma, cp1252, integer labels, columns in another order).
    path = tmp_path / "matrix.csv"
    path.write_bytes(MATRIX.encode("cp1252"))
    want = hn.from_matrix(pd.read_csv(path, sep=";", decimal=",", index_col=0, encoding="cp1252"), **kwargs)
    got = cli_network(cli, tmp_path, "--matrix", path, "--encoding", "cp1252", *args)
    assert summary(got) == summary(want)
    # By hand: 101->102 2.5, 102->103 1, 103->101 4, 104->101 1.
    assert summary(got)["ties"] == {
        ("101", "102"): ([], 2.5, {}),
        ("102", "103"): ([], 1.0, {}),
        ("103", "101"): ([], 4.0, {}),
        ("104", "101"): ([], 1.0, {}),
    }


def test_matrix_cli_binary_undirected_and_docs(cli, tmp_path: Path):
    path = tmp_path / "sym.csv"
    path.write_text(",a,b,c\na,0,1,1\nb,1,0,0\nc,1,0,0\n", encoding="utf-8")
    want = hn.from_matrix(pd.read_csv(path, index_col=0), directed=False, binary=True)
    got = cli_network(cli, tmp_path, "--matrix", path, "--undirected", "--binary")
    assert summary(got) == summary(want)
    assert got.n_ties == 2 and not got.directed
    docs = DOCS_DATA / "matrix.csv"
    want = hn.from_matrix(pd.read_csv(docs, sep=";", index_col=0), missing="absent")
    assert summary(cli_network(cli, tmp_path, "--matrix", docs, "--matrix-missing", "absent")) == summary(want)


def test_matrix_cli_with_actors(cli, tmp_path: Path):
    # Differential: the actors file gives the order and the sectors.
    matrix = tmp_path / "m.csv"
    matrix.write_text(";1;2\n1;0;1\n2;0;0\n", encoding="utf-8")
    actors = tmp_path / "a.csv"
    actors.write_text("id,sector\n2,pharmacy\n1,Pflege\n", encoding="utf-8")
    want = hn.from_matrix(pd.read_csv(matrix, sep=";", index_col=0), actors=pd.read_csv(actors))
    got = cli_network(cli, tmp_path, "--matrix", matrix, "--actors", actors)
    assert summary(got) == summary(want)
    assert got.actor_ids == [2, 1] and got.actor(1).sectors == ["nursing_care"]


# ---- every problem at once, and the bad corpus ---------------------------------------------


def test_validate_lists_every_survey_problem(cli, tmp_path: Path):
    # By hand: line 3 blank respondent, line 4 'vielleicht', line 5 blank
    # partner with an answer, line 6 rating 'gut': 4 problems.
    path = tmp_path / "bad.csv"
    path.write_text(
        "respondent;partner;Info;trust\n101;102;x;3\n;102;x;3\n101;103;vielleicht;\n102;;x;\n102;101;;gut\n",
        encoding="utf-8",
    )
    args = ["validate", "--survey", path, "--relation-column", "Info", "--rating", "trust"]
    r = run(cli, *args)
    assert r.returncode == 1 and r.stdout == b""
    lines = r.stderr.decode().splitlines()
    assert [re.match(rf"{PREFIX}{re.escape(str(path))}:(\d+): ", x).group(1) for x in lines[:4]] == ["3", "4", "5", "6"]
    assert lines[4] == f"healthnet: {path}: 4 problems"
    r = run(cli, *args, "--max-errors", "2")
    lines = r.stderr.decode().splitlines()
    assert lines[2] == "healthnet: ... and 2 more problems (--max-errors 2)"
    # A reader (convert) stops at the first and counts the others.
    r = run(cli, "convert", *args[1:], tmp_path / "out.json")
    assert r.stderr.decode().endswith("missing respondent id (and 3 more problems; validate lists them all)\n")
    assert not (tmp_path / "out.json").exists()
    ok = tmp_path / "ok.csv"
    ok.write_text("respondent;partner;Info\n1;2;x\n", encoding="utf-8")
    r = run(cli, "validate", "--survey", ok, "--relation-column", "Info")
    assert r.returncode == 0
    assert r.stdout.decode() == f"ok: {ok}: 2 actors, 1 ties, 0 bodies, directed\n"


def test_table_options_need_a_table_input(cli):
    for args in (["--sep", ";", "--example"], ["--partner", "p", "--example"], ["--binary", "--example"]):
        r = run(cli, "metrics", *args)
        assert r.returncode == 2, (args, r.stderr)
    r = run(cli, "metrics", "--survey", "x.csv", "--matrix", "y.csv")
    assert r.returncode == 2
    r = run(cli, "metrics", "--actors", "x.csv")
    assert r.returncode == 2 and "--actors needs --ties" in r.stderr.decode()


def test_ties_file_options_are_refused_for_survey_and_matrix(cli, tmp_path: Path):
    # An option that would be ignored is a usage error, never silently dropped.
    survey = tmp_path / "s.csv"
    survey.write_text("respondent;partner;Info\n1;2;x\n", encoding="utf-8")
    matrix = tmp_path / "m.csv"
    matrix.write_text(";a;b\na;0;1\nb;0;0\n", encoding="utf-8")
    r = run(cli, "validate", "--survey", survey, "--relation-column", "Info", "--source", "von")
    assert r.returncode == 2 and "a survey's are --respondent and --partner" in r.stderr.decode()
    r = run(cli, "validate", "--matrix", matrix, "--weight", "w")
    assert r.returncode == 2 and "--weight does not apply to --matrix" in r.stderr.decode()
    r = run(cli, "validate", "--matrix", matrix, "--target", "an")
    assert r.returncode == 2 and "a matrix has row and column labels" in r.stderr.decode()


def test_report_reads_a_survey(cli, tmp_path: Path, german: Path):
    out = tmp_path / "report.md"
    r = run(cli, "report", "--survey", german, "--encoding", "cp1252", *SURVEY_ARGS, "-o", out)
    assert r.returncode == 0, r.stderr.decode()
    assert out.stat().st_size > 0
    # convert to a CSV pair never writes over the survey it reads
    before = german.read_bytes()
    r = run(cli, "convert", "--survey", german, "--encoding", "cp1252", *SURVEY_ARGS, tmp_path / "a.csv", german)
    assert r.returncode == 2 and "refusing to write over the input file" in r.stderr.decode()
    assert german.read_bytes() == before


def load_cli_cases() -> list[tuple[str, list[str], str]]:
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Command line\n", 1)[1]
    cases = []
    for row in section.splitlines():
        if not row.startswith("| `"):
            continue
        name, options, message = (c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1])
        cases.append((name.strip("`"), options.strip("`").split(), message[1:-1]))
    return cases


CLI_CASES = load_cli_cases()


def test_cli_corpus_covers_the_survey_and_matrix_cases():
    names = {c[0] for c in CLI_CASES}
    on_disk = {p.name for p in BAD.iterdir() if p.name.startswith(("survey_", "matrix_"))}
    assert names == on_disk - {"survey_roster.csv"}


@pytest.mark.parametrize(("name", "options", "message"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
@pytest.mark.parametrize("command", ["validate", "convert", "metrics"])
def test_cli_bad_survey_corpus(cli, tmp_path: Path, name, options, message, command):
    path = BAD / name
    options = [str(BAD / o) if o.endswith(".csv") else o for o in options]
    kind = "--survey" if name.startswith("survey_") else "--matrix"
    extra = [tmp_path / "out.json"] if command == "convert" else []
    r = run(cli, command, kind, path, *options, *extra)
    stderr = r.stderr.decode("utf-8")
    assert r.returncode == 1 and r.stdout == b"", stderr
    assert stderr == f"{PREFIX}{message.format(file=path)}\n"
    assert list(tmp_path.iterdir()) == []
