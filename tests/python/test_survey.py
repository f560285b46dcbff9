# SPDX-License-Identifier: MIT
"""Survey exports: hn.from_survey (long roster layout), hn.from_matrix and
hn.survey_from_wide, and the bad survey/Excel corpus in tests/data/bad/survey.

Oracles: networks and frames built by hand from the rows in each test,
pandas computations (boolean masks over the export, ``pd.wide_to_long``),
networkx ``from_pandas_adjacency``, and the expected messages written in
tests/data/bad/survey/README.md.
"""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad" / "survey"
DOCS_DATA = ROOT / "docs" / "data"


def respondent_of(net: hn.Network, actor_id: str):
    """The respondent flag: a field of the actor once the model has it (issue 15), else an attribute."""
    actor = net.actor(actor_id)
    if hasattr(actor, "respondent"):
        return actor.respondent
    return actor.attributes.get("respondent")


def tie_table(net: hn.Network) -> dict:
    """{(source, target): (relations, weight, attributes)}."""
    return {
        (t.source, t.target): (sorted(t.relations), t.weight, dict(t.attributes)) for t in net.ties
    }


# ---- from_survey -----------------------------------------------------------------------


def responses() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent": [101, 101, 101, 102, 102, 103],
            "partner": [102, 103, 104, 101, 104, 101],
            "Info": ["x", "", "ja", 1, None, ""],
            "Projekt": [True, False, "", 0, None, ""],
            "trust": [4, None, 2, None, None, None],
        }
    )


def test_from_survey_builds_ties_and_records_respondents():
    # Oracle: by hand from the rows above.
    #   101->102: Info x, Projekt True, trust 4    -> information + joint_project, trust 4
    #   101->103: nothing ticked, no rating       -> no tie
    #   101->104: Info ja, trust 2                 -> information, trust 2
    #   102->101: Info 1                           -> information, trust missing (not 0)
    #   102->104: all blank                        -> no tie
    #   103->101: nothing                          -> no tie; 103 still responded
    roster = pd.DataFrame({"id": [101, 102, 103, 104], "sector": ["outpatient_care"] * 4})
    net = hn.from_survey(
        responses(),
        relations={"Info": "information", "Projekt": "joint_project"},
        ratings=["trust"],
        actors=roster,
    )
    assert net.directed
    assert net.actor_ids == [101, 102, 103, 104]  # integer ids stay integers
    assert tie_table(net) == {
        ("101", "102"): (["information", "joint_project"], 1.0, {"trust": 4.0}),
        ("101", "104"): (["information"], 1.0, {"trust": 2.0}),
        ("102", "101"): (["information"], 1.0, {}),
    }
    assert [respondent_of(net, a) for a in net.actor_ids] == [True, True, True, False]
    assert net.actor("104").sectors == ["outpatient_care"]


def test_from_survey_roster_from_the_responses():
    # Oracle: by hand: the actors are the respondent and partner ids in order
    # of first appearance (101, 102, 103, 104); 104 never answered.
    net = hn.from_survey(responses(), relations=["Info"], ratings=["trust"])
    assert net.actor_ids == [101, 102, 103, 104]  # integer ids stay integers
    assert [respondent_of(net, a) for a in net.actor_ids] == [True, True, True, False]
    assert sorted(net.tie("101", "102").relations) == ["Info"]


def test_from_survey_against_pandas_on_the_docs_export():
    # Oracle: a pandas computation over the same export: a tie wherever a box
    # is ticked or a rating is given; trust kept where not blank.
    df = pd.read_csv(DOCS_DATA / "umfrage_lang.csv", sep=";", decimal=",", encoding="cp1252")
    boxes = {
        "Informationsaustausch": "information",
        "Überweisung": "referral",
        "Gemeinsames Projekt": "joint_project",
    }
    net = hn.from_survey(
        df, respondent="Befragter", partner="Partner", relations=boxes, ratings=["Häufigkeit", "Vertrauen"]
    )
    ticked = df[list(boxes)].eq("x")
    has = ticked.any(axis=1) | df["Häufigkeit"].notna() | df["Vertrauen"].notna()
    want = {}
    for i in np.flatnonzero(has.to_numpy()):
        row = df.iloc[i]
        rel = sorted(boxes[c] for c in boxes if ticked.iloc[i][c])
        attrs = {c: float(row[c]) for c in ("Häufigkeit", "Vertrauen") if pd.notna(row[c])}
        want[(str(row["Befragter"]), str(row["Partner"]))] = (rel, 1.0, attrs)
    assert tie_table(net) == want
    assert len(want) == 16
    responded = set(df["Befragter"].astype(str))
    assert {str(a) for a in net.actor_ids if respondent_of(net, a)} == responded


def test_from_survey_weight_from_a_rating():
    # Oracle: by hand: the weight is the "freq" cell of each row.
    df = pd.DataFrame({"respondent": ["a", "a"], "partner": ["b", "c"], "freq": [3, 1]})
    net = hn.from_survey(df, ratings=["freq"], weight="freq")
    assert (net.tie("a", "b").weight, net.tie("a", "c").weight) == (3.0, 1.0)
    with pytest.raises(ValueError, match=r"^responses: column 'frq' \(weight\): missing; did you mean"):
        hn.from_survey(df, ratings=["freq"], weight="frq")


def test_from_survey_forwards_options_to_from_pandas():
    # The mapping options reach from_pandas (name, sector); an unknown one fails there.
    roster = pd.DataFrame(
        {"ID": ["a", "b"], "Name": ["Praxis", "Klinik"], "Sektor": ["outpatient_care", "inpatient_care"]}
    )
    df = pd.DataFrame({"respondent": ["a"], "partner": ["b"], "rel": ["x"]})
    net = hn.from_survey(df, relations=["rel"], actors=roster, id="ID", name="Name", sector="Sektor")
    assert net.actor("b").name == "Klinik" and net.actor("b").sectors == ["inpatient_care"]
    with pytest.raises(TypeError, match="no_such_option"):
        hn.from_survey(df, relations=["rel"], no_such_option=1)


def test_from_survey_sosci_checkbox_coding():
    # Oracle: by hand: SoSci Survey codes ticked 2 and empty 1.
    df = pd.DataFrame({"respondent": ["a", "a"], "partner": ["b", "c"], "info": [2, 1]})
    with pytest.raises(ValueError, match=r"responses row 0: column 'info': checkbox value 2 is neither"):
        hn.from_survey(df, relations={"info": "information"})
    net = hn.from_survey(df, relations={"info": "information"}, checkbox=([2], [1]))
    assert tie_table(net) == {("a", "b"): (["information"], 1.0, {})}
    with pytest.raises(ValueError, match="'1' is both ticked and empty"):
        hn.from_survey(df, relations={"info": "information"}, checkbox=([1, 2], [1]))


def test_from_survey_self_rows():
    # A row respondent == partner without answers is skipped; with answers it is a self-loop.
    df = pd.DataFrame({"respondent": ["a", "a"], "partner": ["a", "b"], "info": ["", "x"]})
    assert tie_table(hn.from_survey(df, relations=["info"])) == {("a", "b"): (["info"], 1.0, {})}
    df.loc[0, "info"] = "x"
    with pytest.raises(ValueError, match=r"^responses row 0: .*self-loop"):
        hn.from_survey(df, relations=["info"])


@pytest.mark.parametrize(
    ("change", "kwargs", "message"),
    [
        # partner 999 is not in the roster: row 1
        ({"partner": [102, 999]}, {"actors": pd.DataFrame({"id": [101, 102]})},
         "responses row 1: column 'partner': partner 999 is not in the actors"),
        ({"respondent": [101, 555]}, {"actors": pd.DataFrame({"id": [101, 102]})},
         "responses row 1: column 'respondent': respondent 555 is not in the actors"),
        ({"respondent": [101, None]}, {}, "responses row 1: column 'respondent': missing respondent id"),
        ({"partner": [102, None]}, {},
         "responses row 1: column 'partner': missing partner id in a row with answers"),
        ({"trust": [3, "2,5"]}, {},
         "responses row 1: column 'trust': rating '2,5' is not a number "
         "(a decimal comma? read the file with decimal=',')"),
        ({"trust": [3, "gut"]}, {}, "responses row 1: column 'trust': rating 'gut' is not a number"),
    ],
)
def test_from_survey_rejects(change, kwargs, message):
    # Oracle: the row (pandas label) and column of the changed cell, by hand.
    df = pd.DataFrame({"respondent": [101, 101], "partner": [102, 102], "info": ["x", "x"], "trust": [3, 4]})
    for column, values in change.items():
        df[column] = pd.Series(values, dtype=object)
    with pytest.raises(ValueError) as info:
        hn.from_survey(df, relations=["info"], ratings=["trust"], **kwargs)
    assert str(info.value) == message


def test_from_survey_missing_column_suggests():
    df = pd.DataFrame({"respondent": [1], "partner": [2], "Informationsaustausch": ["x"]})
    with pytest.raises(ValueError) as info:
        hn.from_survey(df, relations={"Informationsaustauch": "information"})
    assert str(info.value) == (
        "responses: column 'Informationsaustauch' (relation): missing; did you mean "
        "'Informationsaustausch'? (columns: 'respondent', 'partner', 'Informationsaustausch')"
    )


def test_from_survey_refuses_a_respondent_column_in_the_actors():
    df = pd.DataFrame({"respondent": ["a"], "partner": ["b"], "info": ["x"]})
    roster = pd.DataFrame({"id": ["a", "b"], "respondent": [True, False]})
    with pytest.raises(ValueError, match="from_survey sets it from the responses"):
        hn.from_survey(df, relations=["info"], actors=roster)


def test_from_survey_respondent_without_partner():
    # A respondent who named nobody (blank partner, nothing ticked) still responded.
    df = pd.DataFrame({"respondent": ["a", "c"], "partner": ["b", None], "info": ["x", None]})
    net = hn.from_survey(df, relations=["info"])
    assert net.actor_ids == ["a", "b", "c"] and net.n_ties == 1
    assert respondent_of(net, "c") is True and respondent_of(net, "b") is False


# ---- from_matrix -----------------------------------------------------------------------


def test_from_matrix_valued_against_networkx(tmp_path):
    # Oracle: networkx.from_pandas_adjacency (row = source, column = target);
    # the CSV gives integer row labels and text column labels, in another order.
    path = tmp_path / "m.csv"
    path.write_text(";103;101;102\n101;0;0;2\n102;1,5;0;0\n103;0;4;0\n", encoding="utf-8")
    df = pd.read_csv(path, sep=";", decimal=",", index_col=0)
    net = hn.from_matrix(df)
    g = nx.from_pandas_adjacency(df.rename(columns=int), create_using=nx.DiGraph)
    want = {(str(u), str(v)): ([], d["weight"], {}) for u, v, d in g.edges(data=True)}
    assert tie_table(net) == want == {
        ("101", "102"): ([], 2.0, {}),
        ("102", "103"): ([], 1.5, {}),
        ("103", "101"): ([], 4.0, {}),
    }
    assert net.actor_ids == [101, 102, 103]


def test_from_matrix_binary_and_undirected():
    # Oracle: by hand; an undirected matrix is read from its upper triangle.
    m = pd.DataFrame([[0, 1, 1], [1, 0, 0], [1, 0, 0]], index=list("abc"), columns=list("abc"))
    net = hn.from_matrix(m, directed=False, binary=True)
    assert not net.directed
    assert tie_table(net) == {("a", "b"): ([], 1.0, {}), ("a", "c"): ([], 1.0, {})}
    m.loc["c", "a"] = 2
    with pytest.raises(ValueError) as info:
        hn.from_matrix(m, binary=True)
    assert str(info.value) == "matrix row 'c', column 'a': 2 in a binary matrix (expected 0 or 1)"
    with pytest.raises(ValueError) as info:
        hn.from_matrix(m, directed=False)
    assert str(info.value) == (
        "matrix row 'a', column 'c': 1 but 2 the other way; an undirected matrix must be symmetric "
        "(read it directed and symmetrise it)"
    )


def test_from_matrix_blank_cells():
    # A blank is missing: an error by default, no tie with missing="absent".
    m = pd.DataFrame([[0, np.nan], [1, np.nan]], index=["a", "b"], columns=["a", "b"])
    with pytest.raises(ValueError, match=r"^matrix row 'a', column 'b': blank cell"):
        hn.from_matrix(m)
    net = hn.from_matrix(m, missing="absent")  # the blank diagonal cell is fine either way
    assert tie_table(net) == {("b", "a"): ([], 1.0, {})}
    with pytest.raises(ValueError, match="missing: expected 'error' or 'absent'"):
        hn.from_matrix(m, missing="zero")


def test_from_matrix_diagonal():
    m = pd.DataFrame([[3, 1], [0, 0]], index=["a", "b"], columns=["a", "b"])
    with pytest.raises(ValueError) as info:
        hn.from_matrix(m)
    assert str(info.value) == (
        "matrix row 'a', column 'a': self-loop 3 on the diagonal (pass allow_self_loops=True to keep it)"
    )
    net = hn.from_matrix(m, allow_self_loops=True)
    assert tie_table(net) == {("a", "a"): ([], 3.0, {}), ("a", "b"): ([], 1.0, {})}


def test_from_matrix_bad_cells_and_labels():
    m = pd.DataFrame([[0, "viel"], [0, 0]], index=["a", "b"], columns=["a", "b"])
    with pytest.raises(ValueError, match=r"^matrix row 'a', column 'b': 'viel' is not a number$"):
        hn.from_matrix(m)
    m = pd.DataFrame([[0, 1], [0, 0]], index=["a", "a"], columns=["a", "b"])
    with pytest.raises(ValueError, match=r"^matrix: row label 'a': appears more than once \(and 1 more problem;") as e:
        hn.from_matrix(m)
    assert e.value.problems[1] == "matrix: column label 'b' has no row"
    m = pd.DataFrame([[0, 1], [0, 0]], index=["a", "b"], columns=["a", "c"])
    with pytest.raises(ValueError, match=r"^matrix: row label 'b' has no column; did you mean 'c'\? \(and 1 more problem;") as e:
        hn.from_matrix(m)
    assert e.value.problems == [
        "matrix: row label 'b' has no column; did you mean 'c'?",
        "matrix: column label 'c' has no row; did you mean 'b'?",
    ]


def test_from_matrix_lists_every_bad_cell():
    # Issue 14 item 8: every problem is collected, the first raised with the count.
    # Oracle: the matrix below, checked by hand (rows a, b, c; columns in the same order):
    #   a: 0    x    blank    -> 'x' no number, (a, c) blank
    #   b: 2    5    1        -> self-loop 5 on the diagonal; binary: 2 at (b, a)
    #   c: 1    1    0
    m = pd.DataFrame([[0, "x", None], [2, 5, 1], [1, 1, 0]], index=list("abc"), columns=list("abc"))
    with pytest.raises(ValueError, match=r"^matrix row 'a', column 'b': 'x' is not a number \(and 3 more problems;") as e:
        hn.from_matrix(m, binary=True)
    assert e.value.problems == [  # row-major order
        "matrix row 'a', column 'b': 'x' is not a number",
        "matrix row 'a', column 'c': blank cell; a blank is ambiguous in a matrix: write 0 for no tie, "
        "or pass missing='absent' to read blanks as no tie",
        "matrix row 'b', column 'a': 2 in a binary matrix (expected 0 or 1)",
        "matrix row 'b', column 'b': self-loop 5 on the diagonal (pass allow_self_loops=True to keep it)",
    ]
    # Undirected: each asymmetric pair once, from the upper triangle.
    m = pd.DataFrame([[0, 1, 0], [0, 0, 2], [1, 2, 0]], index=list("abc"), columns=list("abc"))
    with pytest.raises(ValueError, match=r"\(and 1 more problem;") as e:
        hn.from_matrix(m, directed=False)
    assert [p.split(":")[0] for p in e.value.problems] == ["matrix row 'a', column 'b'", "matrix row 'a', column 'c'"]


def test_from_survey_lists_every_bad_row():
    # Issue 14 item 8. Oracle: the four bad rows below, by hand, in row order:
    #   row 10: trust 'hoch' is no number; row 11: blank respondent;
    #   row 12: checkbox 'vielleicht'; row 13: partner 999 not in the roster.
    responses = pd.DataFrame(
        {
            "respondent": [101, 101, None, 102, 102],
            "partner": [102, 103, 101, 101, 999],
            "Info": ["x", "", "x", "vielleicht", "x"],
            "trust": [4, "hoch", 3, None, 2],
        },
        index=[9, 10, 11, 12, 13],
    )
    roster = pd.DataFrame({"id": [101, 102, 103]})
    with pytest.raises(ValueError, match=r"^responses row 10: column 'trust': rating 'hoch' is not a number \(and 3 more problems;") as e:
        hn.from_survey(responses, relations={"Info": "information"}, ratings=["trust"], actors=roster)
    assert [p.split(": column")[0] for p in e.value.problems] == [f"responses row {i}" for i in (10, 11, 12, 13)]
    assert "partner 999 is not in the actors" in e.value.problems[3]


def test_from_survey_partner_column_with_blanks_keeps_integer_ids():
    # pandas reads a partner column with a blank as float64 (102.0). Oracle: by
    # hand, 101 names 102 and 103, 103 named nobody: three actors, not '102.0'.
    responses = pd.DataFrame({"respondent": [101, 101, 103], "partner": [102, 103, None], "Info": ["x", "x", ""]})
    assert responses["partner"].dtype == float
    net = hn.from_survey(responses, relations={"Info": "information"})
    assert sorted(map(str, net.actor_ids)) == ["101", "102", "103"]
    assert tie_table(net) == {("101", "102"): (["information"], 1.0, {}), ("101", "103"): (["information"], 1.0, {})}


def test_from_matrix_with_actors():
    # Oracle: by hand; the actor data is attached, labels and ids must agree.
    m = pd.DataFrame([[0, 1], [0, 0]], index=[1, 2], columns=[1, 2])
    actors = pd.DataFrame({"id": [2, 1], "sector": ["pharmacy", "outpatient_care"]})
    net = hn.from_matrix(m, actors=actors)
    assert net.actor_ids == [2, 1] and net.actor("2").sectors == ["pharmacy"]
    assert tie_table(net) == {("1", "2"): ([], 1.0, {})}
    with pytest.raises(ValueError, match=r"^actors: id 3 has no row and column in the matrix$"):
        hn.from_matrix(m, actors=pd.DataFrame({"id": [1, 2, 3]}))
    with pytest.raises(ValueError, match=r"^matrix: label 2 is not in the actors"):
        hn.from_matrix(m, actors=pd.DataFrame({"id": [1]}))


# ---- survey_from_wide --------------------------------------------------------------------


def wide() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "CASE": [1, 2],
            "id": [101, 102],
            "kontakt_101": [np.nan, 1],
            "kontakt_102": [1, np.nan],
            "vertrauen_102": [3, np.nan],
            "STARTED": ["2026-01-01", "2026-01-02"],
        }
    )


def test_survey_from_wide_by_hand():
    # Oracle: the long frame written out by hand (vertrauen_101 has no column: blank).
    long = hn.survey_from_wide(wide())
    assert list(long.columns) == ["respondent", "partner", "kontakt", "vertrauen"]
    assert long["respondent"].tolist() == [101, 101, 102, 102]
    assert long["partner"].tolist() == [101, 102, 101, 102]  # ints, as the respondent ids
    assert long["kontakt"].tolist()[1:3] == [1.0, 1.0] and math.isnan(long["kontakt"][0])
    assert long["vertrauen"].tolist()[1] == 3.0
    assert long["vertrauen"].isna().tolist() == [True, False, True, True]


def test_survey_from_wide_against_pandas_wide_to_long():
    # Oracle: pandas.wide_to_long with the same stubs and separator.
    df = pd.read_csv(DOCS_DATA / "umfrage_breit.csv")
    long = hn.survey_from_wide(df, respondent="id")
    ref = pd.wide_to_long(
        df.drop(columns="CASE"), stubnames=["kontakt", "vertrauen"], i="id", j="partner", sep="_"
    )
    ref = ref.reset_index().sort_values(["id", "partner"]).reset_index(drop=True)
    mine = long.sort_values(["respondent", "partner"]).reset_index(drop=True)
    assert mine["respondent"].tolist() == ref["id"].tolist()
    assert mine["partner"].tolist() == ref["partner"].tolist()
    for c in ("kontakt", "vertrauen"):
        pd.testing.assert_series_equal(mine[c], ref[c], check_names=False, check_dtype=False)


def test_wide_and_long_exports_give_the_same_network():
    # Oracle: the long export of the same survey (docs/data/make_data.py writes
    # both; the wide one has one "kontakt" box for any relation).
    long = pd.read_csv(DOCS_DATA / "umfrage_lang.csv", sep=";", decimal=",", encoding="cp1252")
    boxes = {"Informationsaustausch": "x", "Überweisung": "x", "Gemeinsames Projekt": "x"}
    from_long = hn.from_survey(long, respondent="Befragter", partner="Partner", ratings=["Vertrauen"],
                               relations=boxes)
    from_wide = hn.from_survey(hn.survey_from_wide(pd.read_csv(DOCS_DATA / "umfrage_breit.csv")),
                               ratings=["vertrauen"], relations={"kontakt": "x"})
    assert set(tie_table(from_long)) == set(tie_table(from_wide))
    for pair in tie_table(from_long):
        trust = from_long.tie(*pair).attributes.get("Vertrauen")
        assert trust == from_wide.tie(*pair).attributes.get("vertrauen")
    assert [respondent_of(from_wide, a) for a in from_wide.actor_ids] == [
        respondent_of(from_long, a) for a in from_wide.actor_ids
    ]


def test_survey_from_wide_text_ids_and_errors():
    df = pd.DataFrame({"id": ["a", "b"], "k_1": [1, 0]})
    assert hn.survey_from_wide(df)["partner"].tolist() == ["1", "1"]  # text: the respondent ids are text
    with pytest.raises(ValueError, match=r"needs the named groups"):
        hn.survey_from_wide(df, pattern=r"(.+)_(\d+)")
    with pytest.raises(ValueError, match=r"^wide export: no column matches"):
        hn.survey_from_wide(df, pattern=r"(?P<field>x+)_(?P<partner>\d+)")
    with pytest.raises(ValueError, match=r"^wide export: column 'ID' \(respondent\): missing; did you m"):
        hn.survey_from_wide(df, respondent="ID")


# ---- the bad corpus ------------------------------------------------------------------------


def load_cases() -> list[tuple]:
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Cases\n", 1)[1].split("\n## ", 1)[0]  # the command line has its own table
    cases = []
    for row in section.splitlines():
        if not row.startswith("| `"):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]
        name, _what, options, error, message = cells
        cases.append((name.strip("`"), ast.literal_eval(options.strip("`")), error, message[1:-1]))
    return cases


CASES = load_cases()


def test_bad_corpus_is_complete():
    rosters = {c[1]["actors"] for c in CASES if isinstance(c[1].get("actors"), str)}
    assert sorted(c[0] for c in CASES) == sorted(
        p.name for p in BAD.iterdir() if p.name != "README.md" and p.name not in rosters
    )
    assert len(CASES) >= 5


@pytest.mark.parametrize(("name", "options", "error", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_corpus(name, options, error, message):
    path = BAD / name
    errors = {"ValueError": ValueError, "KeyError": KeyError}
    with pytest.raises(errors[error]) as info:
        if name.startswith("excel_"):
            hn.read_excel(path, **options)
        elif name.startswith("survey_"):
            if isinstance(options.get("actors"), str):  # a roster file next to the case
                options = {**options, "actors": pd.read_csv(BAD / options["actors"], sep=";")}
            hn.from_survey(pd.read_csv(path, sep=";"), **options)
        elif name.startswith("matrix_"):
            hn.from_matrix(pd.read_csv(path, sep=";", index_col=0), **options)
        else:
            raise AssertionError(f"unknown case kind: {name}")
    assert info.value.args[0] == message.format(file=path)
