# SPDX-License-Identifier: MIT
"""The healthnet command line tool: commands, exit codes, messages, atomic output."""

import json
import subprocess
from pathlib import Path

import pytest

import healthnet as hn


def run(cli, *args, cwd=None):
    return subprocess.run([cli, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_version(cli):
    r = run(cli, "--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"healthnet {hn.__version__}"


@pytest.mark.parametrize("command", ["validate", "metrics", "convert", "score", "compare", "report", "symmetrize"])
def test_help_on_every_command(cli, command):
    r = run(cli, command, "--help")
    assert r.returncode == 0
    assert r.stdout.startswith(f"usage: healthnet {command}")


def test_usage_errors_exit_2(cli):
    assert run(cli).returncode == 2
    r = run(cli, "frobnicate")
    assert r.returncode == 2 and "unknown command 'frobnicate'" in r.stderr
    # CLI11's wording (was: "--format must be table or json", "unknown option '--bogus'").
    r = run(cli, "metrics", "--example", "--format", "xml")
    assert r.returncode == 2 and "--format: xml not in {table,json}" in r.stderr
    r = run(cli, "metrics", "--bogus")
    assert r.returncode == 2 and "not expected: --bogus" in r.stderr


def test_metrics_example_table_and_json(cli):
    r = run(cli, "metrics", "--example")
    assert r.returncode == 0, r.stderr
    assert "Landkreis Musterstadt" in r.stdout
    assert "density" in r.stdout
    r = run(cli, "metrics", "--example", "--format", "json")
    doc = json.loads(r.stdout)
    net = hn.example()
    assert doc["metrics"]["n_actors"] == net.n_actors
    assert doc["metrics"]["density"] == pytest.approx(hn.density(net), abs=1e-15)
    assert sum(doc["actors_per_sector"].values()) == net.n_actors


def test_validate_good_and_bad(cli, tmp_path: Path):
    good = tmp_path / "good.json"
    hn.write_json(hn.example(), good)
    r = run(cli, "validate", good)
    assert r.returncode == 0 and r.stdout.startswith("ok: ")
    bad = tmp_path / "bad.json"
    bad.write_text('{"actors": [{"id": "a"}],\n "ties": [{"source": "a", "target": "b"}]}')
    r = run(cli, "validate", bad)
    assert r.returncode == 1
    assert r.stderr.strip() == f"healthnet: error: {bad}:2: ties[0].target: unknown actor id 'b'"
    assert "Traceback" not in r.stderr and r.stdout == ""
    # Python raises ValueError with the same message.
    with pytest.raises(ValueError) as err:
        hn.read_json(bad)
    assert str(err.value) == f"{bad}:2: ties[0].target: unknown actor id 'b'"


def test_validate_csv_pair(cli, tmp_path: Path):
    (tmp_path / "a.csv").write_text("id;sector\na;pharmacy\nb;nursing_care\n")
    (tmp_path / "t.csv").write_text("source;target;w\na;b;2,5\n")
    r = run(cli, "validate", "--actors", tmp_path / "a.csv", "--ties", tmp_path / "t.csv", "--weight", "w")
    assert r.returncode == 0, r.stderr
    assert "2 actors, 1 ties" in r.stdout


def test_convert_round_trip_and_refuses_to_overwrite_input(cli, tmp_path: Path):
    src = tmp_path / "region.json"
    hn.write_json(hn.example(), src)
    out = tmp_path / "region.graphml"
    r = run(cli, "convert", src, out)
    assert r.returncode == 0, r.stderr
    assert hn.read_graphml(out) == hn.example()
    before = src.read_bytes()
    r = run(cli, "convert", src, src)
    assert r.returncode == 2 and "refusing to write over the input" in r.stderr
    assert src.read_bytes() == before


def test_convert_bad_input_creates_no_output(cli, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"actors": [')
    out = tmp_path / "out.graphml"
    r = run(cli, "convert", bad, out)
    assert r.returncode == 1
    assert "bad.json:1:" in r.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]  # no temporary files left behind


def test_metrics_by_sector_table_and_json(cli):
    r = run(cli, "metrics", "--example", "--by", "sector")
    assert r.returncode == 0, r.stderr
    for heading in ("sector coverage", "E-I index", "block densities", "brokerage roles", "gaps:", "communities"):
        assert heading in r.stdout
    r = run(cli, "metrics", "--example", "--by", "sector", "--format", "json")
    doc = json.loads(r.stdout)["groups"]
    net = hn.example()
    assert doc["ei_index"]["ei"] == pytest.approx(hn.ei_index(net).ei, abs=1e-15)
    assert doc["assortativity"] == pytest.approx(hn.assortativity(net), abs=1e-15)
    assert doc["brokerage"]["total"]["observed"] == hn.brokerage(net, level="network").loc["total", "observed"]
    assert len(doc["gaps"]) == len(hn.sector_gaps(net))


def test_metrics_by_attribute(cli, tmp_path: Path):
    path = tmp_path / "region.json"
    hn.write_json(hn.example(), path)
    r = run(cli, "metrics", path, "--by", "municipality")
    assert r.returncode == 0, r.stderr
    assert "group measures by municipality" in r.stdout
    assert "sector coverage" not in r.stdout


# ---- the parser (CLI11) -------------------------------------------------------
# Oracle for option names, choices and defaults: docs/cli.md and the option
# tables of the hand-written parser that CLI11 replaced (commit a1062f1).

COMMANDS = ["validate", "metrics", "convert", "score", "compare", "report", "symmetrize"]
INPUT_OPTIONS = ["--actors", "--ties", "--undirected", "--sector", "--weight", "--example", "--example-2022",
                 "--allow-self-loops"]
OPTIONS = {
    "validate": INPUT_OPTIONS,
    "metrics": INPUT_OPTIONS + ["--format", "--by", "--exact", "--missing", "--relation"],
    "convert": INPUT_OPTIONS,
    "score": ["--scorecard", "--format", "--lang", "--example"],
    "compare": ["--format"],
    "report": INPUT_OPTIONS + ["-o", "--output", "--format", "--lang", "--scorecard", "--compare", "--earlier",
                               "--seed", "--exact"],
    "symmetrize": ["-o", "--output", "--rule", "--nonrespondents", "--combine", "--combine-for", "--allow-self-loops"],
}


def usage_error(r) -> str:
    """The one usage message of a run that must have exited with 2, and its hint."""
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("healthnet: ") and "--help" in lines[1], r.stderr
    return lines[0]


@pytest.mark.parametrize(("args", "allowed"), [
    (["report", "--example", "--lang", "fr"], "{de,en}"),
    (["score", "--example", "--scorecard", "network", "--lang", "fr"], "{de,en}"),
    (["score", "--example", "--scorecard", "network", "--format", "html"], "{table,json,md}"),
    (["compare", "a.json", "b.json", "--format", "pdf"], "{table,json,md}"),
    (["report", "--example", "--format", "pdf"], "{html,md,markdown,json}"),
])
def test_invalid_choice_exits_2_naming_the_allowed_values(cli, args, allowed):
    message = usage_error(run(cli, *args))
    assert args[-1] in message and allowed in message, message


VALID = {"score": ["--example", "--scorecard", "network"], "compare": ["a.json", "b.json"],
         "symmetrize": ["a.json", "-o", "b.json"]}


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_option_exits_2(cli, command):
    message = usage_error(run(cli, command, *VALID.get(command, ["--example"]), "--no-such-option"))
    assert "--no-such-option" in message
    assert f"'healthnet {command} --help'" in run(cli, command, "--no-such-option").stderr


def test_main_help_lists_commands_and_options(cli):
    r = run(cli, "--help")
    assert r.returncode == 0 and r.stderr == ""
    assert r.stdout.startswith("usage: healthnet")
    for word in COMMANDS + ["--help", "--version", "exit codes: 0 success, 1 bad input, 2 usage error, 130 interrupted"]:
        assert word in r.stdout, word
    assert run(cli, "help").stdout == r.stdout
    assert max(map(len, r.stdout.splitlines())) <= 80


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_lists_every_documented_option(cli, command):
    r = run(cli, command, "--help")
    assert r.returncode == 0 and r.stderr == ""
    options = {word.strip(",") for line in r.stdout.splitlines() for word in line.replace(",", " ").split()
               if word.startswith("-")}
    for option in OPTIONS[command] + ["--help"]:
        assert option in options, option
    # Defaults documented in docs/cli.md.
    if command == "report":
        assert "language of the report (default: de)" in r.stdout
        assert "seed of the network layout (default: 1)" in r.stdout
    # Fits a terminal and the docs page (CLI11 2.1 does not wrap; we do).
    assert max(map(len, r.stdout.splitlines())) <= 80


def test_option_forms(cli, tmp_path: Path):
    # --name=value equals --name value; -o equals --output; --earlier equals --compare.
    a = run(cli, "metrics", "--example", "--format=json")
    b = run(cli, "metrics", "--example", "--format", "json")
    assert a.returncode == 0 and a.stdout == b.stdout
    r = run(cli, "report", "--example", "--format", "json", "-o", tmp_path / "a.json")
    assert r.returncode == 0, r.stderr
    r = run(cli, "report", "--example", "--format", "json", "--output", tmp_path / "b.json")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    # An option given twice is a usage error, also under its other name.
    assert "--format" in usage_error(run(cli, "metrics", "--example", "--format", "json", "--format", "table"))
    usage_error(run(cli, "report", "--example", "-o", tmp_path / "c.html", "--output", tmp_path / "d.html"))
    assert not (tmp_path / "c.html").exists() and not (tmp_path / "d.html").exists()


def test_a_file_name_starting_with_a_dash_after_double_dash(cli, tmp_path: Path):
    hn.write_json(hn.example(), tmp_path / "-region.json")
    usage_error(run(cli, "validate", "-region.json", cwd=tmp_path))
    r = run(cli, "validate", "--", "-region.json", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("ok: -region.json: 121 actors"), r.stderr


@pytest.mark.parametrize("args", [
    ["validate", "x.json", "--example"],
    ["validate", "--example", "--example-2022"],
    ["validate", "--actors", "a.csv"],
    ["validate", "--example", "--sector", "s"],
    ["validate"],
    ["compare", "a.json"],
    ["score", "--example"],
])
def test_inputs_that_do_not_go_together_exit_2(cli, args):
    usage_error(run(cli, *args))


@pytest.mark.parametrize("seed", ["-1", "18446744073709551616", "1.5", "abc", ""])
def test_report_seed_must_be_a_64_bit_unsigned_integer(cli, seed):
    # Oracle: the range of std::uint64_t. CLI11 2.1 alone takes -1 as 2^64-1
    # and 2^64 without complaint; the check on the text rejects them.
    message = usage_error(run(cli, "report", "--example", "--format", "json", "--seed", seed))
    assert f"--seed: must be an integer from 0 to 2^64-1, not '{seed}'" in message
