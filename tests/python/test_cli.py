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


@pytest.mark.parametrize("command", ["validate", "metrics", "convert", "score", "compare", "report"])
def test_help_on_every_command(cli, command):
    r = run(cli, command, "--help")
    assert r.returncode == 0
    assert r.stdout.startswith(f"usage: healthnet {command}")


def test_usage_errors_exit_2(cli):
    assert run(cli).returncode == 2
    r = run(cli, "frobnicate")
    assert r.returncode == 2 and "unknown command 'frobnicate'" in r.stderr
    r = run(cli, "metrics", "--example", "--format", "xml")
    assert r.returncode == 2 and "--format must be table or json" in r.stderr
    r = run(cli, "metrics", "--bogus")
    assert r.returncode == 2 and "unknown option '--bogus'" in r.stderr


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
