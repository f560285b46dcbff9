# SPDX-License-Identifier: MIT
"""The bad-input corpus (tests/data/bad) and the accepted-but-tricky inputs (tests/data/tricky).

Every bad case must be rejected by the CLI (exit 1, exactly one line on
stderr, no output file written or changed) and by the Python reader (the
listed exception with the very same message), and the message must name the
file, the line and the field listed in tests/data/bad/README.md, which this
module reads as its table of cases.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"
TRICKY = ROOT / "tests" / "data" / "tricky"
EXAMPLE = ROOT / "examples" / "musterstadt.json"
PREFIX = "healthnet: error: "
ERRORS = {"ValueError": ValueError, "KeyError": KeyError, "OSError": OSError}
SENTINEL = b"previous output \xe2\x80\x94 must survive\n"


@dataclass(frozen=True)
class Case:
    name: str
    options: tuple[str, ...]
    error: type[Exception]
    file: str  # relative to BAD
    line: int | None
    field: str | None
    fragment: str
    kind: str = field(init=False)

    def __post_init__(self):
        kind = self.name.split("_", 1)[0]
        assert kind in {"json", "graphml", "csv", "scorecard"}, self.name
        object.__setattr__(self, "kind", kind)

    @property
    def prefix(self) -> str:
        """How the message must start: `path:line: field: `."""
        out = str(BAD / self.file)
        if self.line is not None:
            out += f":{self.line}"
        out += ": "
        if self.field is not None:
            out += f"{self.field}: "
        return out

    def cli_input(self) -> list[str]:
        if self.kind == "csv":
            d = BAD / self.name
            return ["--actors", str(d / "actors.csv"), "--ties", str(d / "ties.csv"), *self.options]
        return [str(BAD / self.name)]

    def read(self):
        """Reads the case with the matching Python reader."""
        path = BAD / self.name
        if self.kind == "json":
            return hn.read_json(path)
        if self.kind == "graphml":
            return hn.read_graphml(path)
        if self.kind == "scorecard":
            return hn.Scorecard.load(path)
        kwargs: dict = {}
        opts = list(self.options)
        while opts:
            opt = opts.pop(0)
            if opt == "--weight":
                kwargs["weight"] = opts.pop(0)
            elif opt == "--sector":
                kwargs["sector"] = opts.pop(0)
            elif opt == "--undirected":
                kwargs["directed"] = False
            elif opt == "--duplicates":
                kwargs["duplicates"] = opts.pop(0)
            else:
                raise AssertionError(f"unknown option {opt} in README")
        return hn.read_csv(path / "actors.csv", path / "ties.csv", **kwargs)


def _cell(text: str) -> str | None:
    text = text.strip().replace("\\|", "|")
    if text in ("", "—"):
        return None
    assert text.startswith("`") and text.endswith("`"), text
    return text[1:-1]


def load_cases() -> list[Case]:
    """The rows of the `## Cases` table of tests/data/bad/README.md."""
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Cases\n", 1)[1].split("\n## ", 1)[0]
    cases = []
    for row in section.splitlines():
        if not row.startswith("| `"):
            continue
        cells = re.split(r"(?<!\\)\|", row.strip())[1:-1]
        name, _what, options, error, where, fld, fragment = cells
        where = _cell(where)
        file, _, line = where.rpartition(":")
        if not line.isdigit():
            file, line = where, ""
        opts = tuple((options.strip().strip("`")).split()) if options.strip() else ()
        cases.append(
            Case(
                _cell(name),
                opts,
                ERRORS[error.strip()],
                file,
                int(line) if line else None,
                _cell(fld),
                _cell(fragment),
            )
        )
    return cases


CASES = load_cases()
NETWORK_CASES = [c for c in CASES if c.kind != "scorecard"]
SCORECARD_CASES = [c for c in CASES if c.kind == "scorecard"]


def ids(cases):
    return [c.name for c in cases]


def run(cli, *args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([cli, *map(str, args)], capture_output=True, cwd=cwd, timeout=300)


def single_error(r: subprocess.CompletedProcess) -> str:
    """The message of a run that must fail with exit code 1 and one stderr line."""
    stderr = r.stderr.decode("utf-8")  # strict: the message is valid UTF-8
    assert r.returncode == 1, f"exit {r.returncode}: {stderr!r}"
    assert r.stdout == b""
    assert stderr.endswith("\n") and stderr.count("\n") == 1, f"not one line: {stderr!r}"
    assert stderr.startswith(PREFIX), stderr
    return stderr[len(PREFIX) : -1]


def python_message(case: Case) -> str:
    with pytest.raises(case.error) as info:
        case.read()
    # KeyError's str() adds quotes; the others give the message as is.
    return info.value.args[0]


def check_message(case: Case, message: str) -> None:
    assert message.startswith(case.prefix), f"{message!r} does not start with {case.prefix!r}"
    assert case.fragment in message, f"{case.fragment!r} not in {message!r}"


# ---- the corpus itself -------------------------------------------------------------


def test_corpus_is_complete():
    """The README lists every file and directory of the corpus, each once, and at least 40 cases."""
    listed = ids(CASES)
    assert len(listed) == len(set(listed))
    # survey/: the Python-only survey and Excel cases, with their own table (test_survey.py)
    on_disk = sorted(p.name for p in BAD.iterdir() if p.name not in ("README.md", "survey"))
    assert sorted(listed) == on_disk
    assert len(CASES) >= 40
    for c in CASES:
        if c.kind == "csv":
            assert {p.name for p in (BAD / c.name).iterdir()} == {"actors.csv", "ties.csv"}


# ---- network cases ---------------------------------------------------------------


@pytest.mark.parametrize("case", NETWORK_CASES, ids=ids(NETWORK_CASES))
def test_python_reader_rejects(case: Case):
    check_message(case, python_message(case))


@pytest.mark.parametrize("case", NETWORK_CASES, ids=ids(NETWORK_CASES))
def test_cli_validate_rejects(cli, case: Case):
    message = single_error(run(cli, "validate", *case.cli_input()))
    check_message(case, message)
    assert message == python_message(case)


@pytest.mark.parametrize("case", NETWORK_CASES, ids=ids(NETWORK_CASES))
def test_cli_convert_writes_nothing(cli, case: Case, tmp_path: Path):
    expected = python_message(case)
    out = tmp_path / "new" / "out.graphml"
    out.parent.mkdir()
    assert single_error(run(cli, "convert", *case.cli_input(), out)) == expected
    assert list(out.parent.iterdir()) == []  # neither the output nor a temporary file

    existing = tmp_path / "old" / "out.json"
    existing.parent.mkdir()
    existing.write_bytes(SENTINEL)
    assert single_error(run(cli, "convert", *case.cli_input(), existing)) == expected
    assert existing.read_bytes() == SENTINEL
    assert list(existing.parent.iterdir()) == [existing]


@pytest.mark.parametrize("case", NETWORK_CASES, ids=ids(NETWORK_CASES))
def test_cli_report_and_score_reject(cli, case: Case, tmp_path: Path):
    expected = python_message(case)
    existing = tmp_path / "report.html"
    existing.write_bytes(SENTINEL)
    assert single_error(run(cli, "report", *case.cli_input(), "-o", existing)) == expected
    assert existing.read_bytes() == SENTINEL
    assert list(tmp_path.iterdir()) == [existing]
    if case.kind != "csv":  # score reads region files only
        assert single_error(run(cli, "score", *case.cli_input(), "--scorecard", "network")) == expected


# ---- scorecard cases ---------------------------------------------------------------


@pytest.mark.parametrize("case", SCORECARD_CASES, ids=ids(SCORECARD_CASES))
def test_scorecard_rejected_everywhere(cli, case: Case, tmp_path: Path):
    expected = python_message(case)
    check_message(case, expected)
    path = BAD / case.name
    assert single_error(run(cli, "score", EXAMPLE, "--scorecard", path)) == expected
    new = tmp_path / "new.md"
    assert single_error(run(cli, "report", EXAMPLE, "--scorecard", path, "-o", new)) == expected
    existing = tmp_path / "report.json"
    existing.write_bytes(SENTINEL)
    assert single_error(run(cli, "report", "--example", "--scorecard", path, "-o", existing)) == expected
    assert existing.read_bytes() == SENTINEL
    assert list(tmp_path.iterdir()) == [existing]


# ---- generated cases ---------------------------------------------------------------

MB100 = 100 * 1024 * 1024

# Runs a command and prints its exit code and the peak RSS (KiB) of the child.
MEASURE = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "sys.stderr.buffer.write(r.stderr)\n"
    "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)

# Reads a file with healthnet in a fresh interpreter; prints the error and the peak RSS (KiB).
MEASURE_PYTHON = (
    "import resource, sys\n"
    "import healthnet as hn\n"
    "try:\n"
    "    getattr(hn, sys.argv[1])(*sys.argv[2:])\n"
    "    message = 'accepted'\n"
    "except ValueError as e:\n"
    "    message = str(e)\n"
    "sys.stderr.write(message + '\\n')\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def measured_cli(cli, *args) -> tuple[str, int]:
    """The single error line of a CLI run and its peak RSS in bytes."""
    r = subprocess.run(
        [sys.executable, "-c", MEASURE, cli, *map(str, args)], capture_output=True, timeout=600
    )
    code, rss = r.stdout.decode().split()
    stderr = r.stderr.decode("utf-8")
    assert int(code) == 1, stderr[:500]
    assert stderr.count("\n") == 1 and stderr.startswith(PREFIX), stderr[:500]
    return stderr[len(PREFIX) : -1], int(rss) * 1024


def measured_python(reader: str, *paths) -> tuple[str, int]:
    r = subprocess.run(
        [sys.executable, "-c", MEASURE_PYTHON, reader, *map(str, paths)], capture_output=True, timeout=600
    )
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    return r.stderr.decode("utf-8")[:-1], int(r.stdout) * 1024


@pytest.fixture(scope="module")
def long_lines(tmp_path_factory):
    """A CSV pair and a JSON file, each with one line of 100 MB."""
    d = tmp_path_factory.mktemp("long")
    with open(d / "actors.csv", "wb") as f:
        f.write(b"id,name\na,")
        f.write(b"x" * MB100)
        f.write(b",extra\n")
    (d / "ties.csv").write_bytes(b"source,target\n")
    with open(d / "long.json", "wb") as f:
        head = b'{"actors": [{"id": "a", "name": "'
        f.write(head)
        f.write(b"y" * MB100)
    return d


def test_long_line_csv(cli, long_lines: Path):
    """A 100 MB CSV row: one exact message, memory below 20x the file (peak RSS, not time)."""
    actors, ties = long_lines / "actors.csv", long_lines / "ties.csv"
    expected = f"{actors}:2: column 3: row has 3 fields but the header has 2; quote fields that contain ','"
    message, rss = measured_cli(cli, "validate", "--actors", actors, "--ties", ties)
    assert message == expected
    assert rss < 20 * actors.stat().st_size
    message, rss = measured_python("read_csv", actors, ties)
    assert message == expected
    assert rss < 20 * actors.stat().st_size


def test_long_line_json(cli, long_lines: Path, tmp_path: Path):
    """A 100 MB JSON line never closed: the message quotes 40 bytes, not 100 MB; memory below 20x the file."""
    path = long_lines / "long.json"
    column = len('{"actors": [{"id": "a", "name": "') + MB100 + 1
    expected = (
        f"{path}:1: column {column}: invalid json: syntax error while parsing value - invalid string: "
        f"missing closing quote; last read: '\"{'y' * 39}...'"
    )
    message, rss = measured_cli(cli, "validate", path)
    assert message == expected
    assert rss < 20 * path.stat().st_size
    message, rss = measured_python("read_json", path)
    assert message == expected
    assert rss < 20 * path.stat().st_size
    existing = tmp_path / "out.graphml"
    existing.write_bytes(SENTINEL)
    assert single_error(run(cli, "convert", path, existing)) == expected
    assert existing.read_bytes() == SENTINEL and list(tmp_path.iterdir()) == [existing]


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "[" * 100_000,
            "column 100001: invalid json: syntax error while parsing value - unexpected end of input",
        ),
        (
            '{"actors": [{"id": "a", "attributes": {"x": '
            + '{"k": ' * 100_000
            + "1"
            + "}" * 100_000
            + "}}]}",
            "actors[0].attributes.x: attribute must be a string, number or boolean, found an object",
        ),
        (
            '{"actors": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "actors[0]: expected an object, found an array",
        ),
    ],
    ids=["unclosed", "deep_attribute", "deep_actors"],
)
def test_deep_nesting(cli, tmp_path: Path, text: str, message: str):
    """100 000 nested JSON values: rejected, no stack overflow (nlohmann parses iteratively)."""
    path = tmp_path / "deep.json"
    path.write_text(text)
    expected = f"{path}:1: {message}"
    got = single_error(run(cli, "validate", path))
    assert got.startswith(expected)
    with pytest.raises(ValueError) as info:
        hn.read_json(path)
    assert str(info.value) == got
    card = tmp_path / "deep_card.json"
    card.write_text(text)
    assert single_error(run(cli, "score", EXAMPLE, "--scorecard", card)).startswith(f"{card}:1: ")


def test_directory_and_missing_file(cli, tmp_path: Path):
    """Unreadable inputs are OSError in Python and exit 1 with one line naming the path in the CLI."""
    d = tmp_path / "region.json"
    d.mkdir()
    expected = f"{d}: is a directory, not a file"
    assert single_error(run(cli, "validate", d)) == expected
    with pytest.raises(OSError) as info:
        hn.read_json(d)
    assert str(info.value) == expected
    missing = tmp_path / "missing.graphml"
    expected = f"{missing}: cannot open: No such file or directory"
    assert single_error(run(cli, "validate", missing)) == expected
    with pytest.raises(OSError) as info:
        hn.read_graphml(missing)
    assert str(info.value) == expected
    out = tmp_path / "out.json"
    assert single_error(run(cli, "convert", missing, out)) == expected
    assert not out.exists()


# ---- accepted-but-tricky inputs -----------------------------------------------------------


def tricky_csv(name: str, **kwargs) -> hn.Network:
    d = TRICKY / name
    return hn.read_csv(d / "actors.csv", d / "ties.csv", **kwargs)


def cli_ok(cli, *args) -> str:
    r = run(cli, "validate", *args)
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    return r.stdout.decode()


def test_tricky_corpus_is_complete():
    """Every tricky input is listed in its README and has a test below."""
    readme = (TRICKY / "README.md").read_text(encoding="utf-8")
    names = sorted(p.name for p in TRICKY.iterdir() if p.name != "README.md")
    for name in names:
        assert f"`{name}`" in readme, name
        assert f'"{name}"' in Path(__file__).read_text(encoding="utf-8"), name


def test_tricky_csv_bom(cli):
    """A UTF-8 byte order mark before the header is dropped: the first column is `id`, not `\\ufeffid`."""
    net = tricky_csv("csv_bom")
    assert net.actor_ids == ["gp1", "hosp"]
    assert net.actor("gp1").sectors == ["outpatient_care"]
    assert net.actor("gp1").attributes == {}
    assert net.has_tie("gp1", "hosp")
    d = TRICKY / "csv_bom"
    assert "2 actors, 1 ties" in cli_ok(cli, "--actors", d / "actors.csv", "--ties", d / "ties.csv")


def test_tricky_csv_semicolon_decimal_comma():
    """`;` files read `1,5` as 1.5 (weights and attributes), and keep `;` inside quotes."""
    net = tricky_csv("csv_semicolon_decimal_comma", weight="gewicht")
    assert net.tie("kk", "apo").weight == 1.5
    assert net.tie("apo", "kom").weight == 2.0
    assert net.tie("kom", "kk").weight == 0.75
    assert net.actor("kk").attributes["budget"] == 1234.5
    assert net.actor("apo").attributes["budget"] == -0.25
    assert net.tie("kom", "kk").attributes["note"] == "a; b"
    assert net.tie("kk", "apo").attributes["note"] == "Gespräch"
    assert "note" not in net.tie("apo", "kom").attributes  # empty cell: absent


def test_tricky_csv_quoted_newline():
    """Quoted fields keep line breaks (CRLF inside quotes becomes LF) and undouble quotes."""
    net = tricky_csv("csv_quoted_newline")
    assert net.actor("gp1").name == "Praxis Dr. Meier\nHausarztpraxis"
    assert net.actor("hosp").name == 'Klinikum "Am Park", Haus A'
    assert net.actor("care").name == "Pflege\nDienst"
    assert net.tie("gp1", "hosp").attributes["note"] == "Zeile 1\nZeile 2"
    assert net.tie("hosp", "care").attributes["note"] == "ok"


def test_tricky_csv_sep_line():
    """Excel's `sep=;` first line sets the separator, so `,` is part of a value."""
    net = tricky_csv("csv_sep_line")
    assert net.actor_ids == ["gp1", "hosp"]
    assert net.actor("gp1").name == "Praxis, Dr. Meier"
    assert net.n_ties == 1


def test_tricky_csv_crlf():
    """Windows line ends: no `\\r` in any value."""
    net = tricky_csv("csv_crlf")
    assert net.actor("hosp").sectors == ["inpatient_care"]
    assert net.tie("gp1", "hosp").since == "2020-03"


def test_tricky_csv_blank_rows():
    """Blank lines and rows of empty cells are skipped; values are trimmed."""
    net = tricky_csv("csv_blank_rows")
    assert net.actor_ids == ["gp1", "hosp"]
    assert net.actor("gp1").name == "Praxis Dr. Meier"
    assert net.n_ties == 1


def test_tricky_csv_unknown_sector():
    """A sector outside the taxonomy is an error by default; kept on purpose it forms its own group."""
    with pytest.raises(ValueError, match=r"actors.csv:3: column 'sector': unknown sector 'raumfahrt'"):
        tricky_csv("csv_unknown_sector")
    with pytest.warns(hn.DataWarning, match=r"1 sector label outside the taxonomy kept as given.*'raumfahrt' \(1\)"):
        net = tricky_csv("csv_unknown_sector", unknown_sectors="keep")
    assert net.actor("nasa").sectors == ["raumfahrt"]
    counts = hn.sector_counts(net)
    assert counts["raumfahrt"] == 1 and counts["outpatient_care"] == 1
    # The only tie joins two sectors: E-I = (E - I) / (E + I) = (1 - 0) / 1.
    assert hn.ei_index(net).ei == 1.0
    # Coverage counts the taxonomy's core sectors only: raumfahrt is not one.
    assert "raumfahrt" not in hn.sector_coverage(net).to_frame().index


def test_tricky_csv_tab_separated():
    """Tab-separated files keep `,` and `;` inside values."""
    net = tricky_csv("csv_tab_separated")
    assert net.actor("gp1").name == "Praxis, Dr. Meier"
    assert net.actor("hosp").name == "Klinikum; Haus A"


def test_tricky_csv_typed_attributes():
    """Cells become numbers, booleans or strings; leading zeros, `nan` and `inf` stay strings."""
    net = tricky_csv("csv_typed_attributes")
    assert net.actor("gp1").attributes == {
        "postcode": "01067",
        "beds": 420.0,
        "rating": "nan",
        "flag": True,
        "code": "inf",
    }
    assert net.actor("hosp").attributes == {
        "postcode": 10115.0,
        "beds": -3.0,
        "rating": 25.0,
        "flag": False,
        "code": 0.0,
    }


def test_tricky_csv_repeated_tie():
    """Undirected repeated ties merge: weights add (2 + 1.5 + 1), relations unite, the earlier since wins.

    The third row's weight is blank: an error unless a fill-in is given; every assumption warns.
    """
    with pytest.raises(ValueError, match=r"ties.csv:4: column 'weight': weight is blank"):
        tricky_csv("csv_repeated_tie", weight="weight", directed=False)
    with pytest.warns(hn.DataWarning) as caught:
        net = tricky_csv("csv_repeated_tie", weight="weight", directed=False, missing_weight=1)
    messages = " | ".join(str(w.message) for w in caught)
    assert "1 blank weight filled in with 1" in messages
    assert "1 tie was reported in both directions" in messages and "1 repeated row merged" in messages
    assert net.n_ties == 1
    t = net.tie("a", "b")
    assert t.weight == 4.5
    assert sorted(t.relations) == ["information", "referral"]
    assert t.since == "2019-05"


def test_tricky_json_bom():
    """A byte order mark before JSON is tolerated."""
    net = hn.read_json(TRICKY / "json_bom.json")
    assert net.actor("a1").name == "Praxis A"


def test_tricky_json_unknown_fields():
    """Unknown JSON members are ignored (newer writers may add some); the known ones load."""
    net = hn.read_json(TRICKY / "json_unknown_fields.json")
    assert net.actor_ids == ["a1"]
    assert net.actor("a1").attributes == {}
    assert "email" not in hn.to_json(net)


def test_tricky_json_self_loops_allowed():
    """`"self_loops": true` admits a self-loop and the network keeps allowing them."""
    net = hn.read_json(TRICKY / "json_self_loops_allowed.json")
    assert net.allow_self_loops
    assert net.tie("a1", "a1").weight == 2.0
    assert hn.from_json(hn.to_json(net)) == net


def test_tricky_json_extreme_numbers():
    """The largest double, the smallest subnormal, -0.0 and weight 0 load exactly and round trip."""
    net = hn.read_json(TRICKY / "json_extreme_numbers.json")
    attrs = net.actor("a1").attributes
    assert attrs["big"] == sys.float_info.max
    assert attrs["tiny"] == 5e-324
    assert attrs["neg"] == 0.0 and math.copysign(1.0, attrs["neg"]) == -1.0
    assert net.tie("a1", "a2").weight == 1e308
    assert net.tie("a2", "a3").weight == 0.0
    assert net.tie("a3", "a1").weight == 5e-324
    assert net.region.population == 9_000_000_000_000_000
    assert hn.from_json(hn.to_json(net)) == net


def test_tricky_json_unicode():
    """Escaped and literal non-ASCII ids are the same id; surrogate pairs decode to one character."""
    net = hn.read_json(TRICKY / "json_unicode.json")
    assert net.actor_ids == ["müller", "straße"]
    assert net.actor("müller").name == "Praxis Müller \U0001f3e5"
    assert net.actor("straße").name == 'Straße "Am Bach"\t2'
    assert net.has_tie("müller", "straße")


def test_tricky_graphml_unknown_keys():
    """GraphML keys healthnet does not know become typed attributes; yFiles and graph data are ignored."""
    net = hn.read_graphml(TRICKY / "graphml_unknown_keys.graphml")
    assert net.actor("a").attributes == {"district": "Nord", "beds": 420.0}
    assert net.actor("b").attributes == {"district": "Süd"}
    assert net.tie("a", "b").attributes == {"trust": 3.0}  # the key's <default>


def test_tricky_graphml_latin1_declared():
    """GraphML declaring ISO-8859-1 is decoded to UTF-8."""
    net = hn.read_graphml(TRICKY / "graphml_latin1_declared.graphml")
    assert net.actor("a").name == "Apotheke Müller"
