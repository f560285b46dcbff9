# SPDX-License-Identifier: MIT
"""No data lost: outputs never replace inputs, and an interrupted write leaves the old output intact.

`convert` and `report` write atomically (a temporary file `.hn-<random>.tmp`
beside the output, mode 0600, flushed, given its final mode, then renamed over it) and refuse an output that
is one of their inputs: the same path, `./x` for `x`, a symbolic link to an
input (either way round) or a hard link. `score` writes no files.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

import healthnet as hn

ROOT = Path(__file__).resolve().parents[2]
TEMP_NAME = re.compile(r"^\.hn-[0-9a-f]{16}\.tmp$")


def run(cli, *args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([cli, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file below `directory` with its bytes (links read through, dangling ones as None)."""
    out = {}
    for p in sorted(directory.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(directory))] = p.read_bytes()
        elif p.is_symlink():
            out[str(p.relative_to(directory))] = None
    return out


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A directory with a region (JSON and GraphML), an earlier wave, a CSV pair and a scorecard."""
    net = hn.example()
    hn.write_json(net, tmp_path / "region.json")
    hn.write_graphml(net, tmp_path / "region.graphml")
    hn.write_json(hn.example("2022"), tmp_path / "earlier.json")
    (tmp_path / "card.json").write_bytes(
        (ROOT / "tests" / "data" / "scorecards" / "custom.json").read_bytes()
    )
    # A CSV pair whose files carry .json/.html names, so that they can also be
    # given as an output of convert and report (which pick formats by extension).
    (tmp_path / "actors.json").write_text("id,sector\na,outpatient_care\nb,inpatient_care\n")
    (tmp_path / "ties.html").write_text("source,target\na,b\n")
    return tmp_path


def refused(r: subprocess.CompletedProcess, what: str) -> None:
    assert r.returncode == 2, r.stderr
    assert f"refusing to write over the input file '{what}'" in r.stderr
    assert r.stdout == ""


# An output naming an input in every way: (arguments before OUT, how OUT is made, OUT, the input as named).
CONVERT_CASES = {
    "same_path": (["region.json"], None, "region.json", "region.json"),
    "dot_slash": (["region.json"], None, "./region.json", "region.json"),
    "parent_dir": (["region.json"], "mkdir sub", "sub/../region.json", "region.json"),
    "graphml_same_path": (["region.graphml"], None, "region.graphml", "region.graphml"),
    "symlink_to_input": (["region.json"], "symlink out.json region.json", "out.json", "region.json"),
    "input_is_symlink": (["in.json"], "symlink in.json region.json", "region.json", "in.json"),
    "hard_link": (["region.json"], "hardlink out.json region.json", "out.json", "region.json"),
    "absolute_vs_relative": (["ABS/region.json"], None, "region.json", "ABS/region.json"),
    "csv_actors": (["--actors", "actors.json", "--ties", "ties.html"], None, "actors.json", "actors.json"),
    "csv_actors_hard_link": (
        ["--actors", "actors.json", "--ties", "ties.html"],
        "hardlink a.json actors.json",
        "a.json",
        "actors.json",
    ),
}


def prepare(directory: Path, how: str | None) -> None:
    if how is None:
        return
    verb, *args = how.split()
    if verb == "mkdir":
        (directory / args[0]).mkdir()
    elif verb == "symlink":
        (directory / args[0]).symlink_to(args[1])
    elif verb == "hardlink":
        os.link(directory / args[1], directory / args[0])


def absolute(arg: str, directory: Path) -> str:
    return arg.replace("ABS", str(directory))


@pytest.mark.parametrize("case", sorted(CONVERT_CASES))
def test_convert_never_writes_over_an_input(cli, inputs: Path, case: str):
    """convert refuses (exit 2) an output that is an input under another name; every file keeps its bytes."""
    before_args, how, out, named = CONVERT_CASES[case]
    prepare(inputs, how)
    before = snapshot(inputs)
    r = run(cli, "convert", *[absolute(a, inputs) for a in before_args], out, cwd=inputs)
    refused(r, absolute(named, inputs))
    assert snapshot(inputs) == before


REPORT_CASES = {
    "file": (["region.json"], "region.json", "region.json"),
    "file_dot_slash": (["region.json"], "./region.json", "region.json"),
    "earlier": (["region.json", "--compare", "earlier.json"], "earlier.json", "earlier.json"),
    "earlier_symlink": (["region.json", "--compare", "earlier.json"], "LINK earlier.json", "earlier.json"),
    "scorecard": (["region.json", "--scorecard", "card.json"], "card.json", "card.json"),
    "scorecard_hard_link": (["region.json", "--scorecard", "card.json"], "HARD card.json", "card.json"),
    "csv_ties": (["--actors", "actors.json", "--ties", "ties.html"], "ties.html", "ties.html"),
}


@pytest.mark.parametrize("case", sorted(REPORT_CASES))
def test_report_never_writes_over_an_input(cli, inputs: Path, case: str):
    """report -o refuses its input, the earlier wave, the scorecard file and the CSV files, by any name."""
    args, out, named = REPORT_CASES[case]
    if out.startswith("LINK "):
        (inputs / "link.html").symlink_to(out.split()[1])
        out = "link.html"
    elif out.startswith("HARD "):
        os.link(inputs / out.split()[1], inputs / "hard.json")
        out = "hard.json"
    before = snapshot(inputs)
    refused(run(cli, "report", *args, "-o", out, cwd=inputs), named)
    assert snapshot(inputs) == before


def test_score_writes_no_files(cli, inputs: Path):
    """score prints to stdout only: no file below the inputs' directory changes, and it has no -o."""
    before = snapshot(inputs)
    r = run(
        cli,
        "score",
        "region.json",
        "earlier.json",
        "region.graphml",
        "--scorecard",
        "card.json",
        "--format",
        "json",
        cwd=inputs,
    )
    assert r.returncode == 0, r.stderr
    assert snapshot(inputs) == before
    r = run(cli, "score", "region.json", "--scorecard", "card.json", "-o", "region.json", cwd=inputs)
    assert r.returncode == 2 and "not expected: -o" in r.stderr  # CLI11's wording
    assert snapshot(inputs) == before


def test_successful_write_replaces_atomically(cli, inputs: Path):
    """A successful convert leaves only the output (no temporary file) and keeps the old output's mode."""
    out = inputs / "out.graphml"
    out.write_text("old")
    out.chmod(0o600)
    before = set(os.listdir(inputs))
    r = run(cli, "convert", "region.json", "out.graphml", cwd=inputs)
    assert r.returncode == 0, r.stderr
    assert set(os.listdir(inputs)) == before
    assert hn.read_graphml(out) == hn.read_json(inputs / "region.json")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_output_symlink_is_kept_and_its_target_written(cli, inputs: Path):
    """An output that is a symbolic link to another (non-input) file: the link stays, its target gets the output."""
    target = inputs / "target.json"
    target.write_bytes(b"old")
    (inputs / "out.json").symlink_to("target.json")
    r = run(cli, "convert", "region.graphml", "out.json", cwd=inputs)
    assert r.returncode == 0, r.stderr
    assert (inputs / "out.json").is_symlink() and os.readlink(inputs / "out.json") == "target.json"
    assert hn.read_json(target) == hn.read_graphml(inputs / "region.graphml")


def test_python_writers_leave_no_temporary_file(tmp_path: Path):
    """hn.write_json, hn.write_graphml and hn.report write atomically too: only the targets remain."""
    net = hn.example()
    hn.write_json(net, tmp_path / "a.json")
    hn.write_graphml(net, tmp_path / "a.graphml")
    hn.report(net, tmp_path / "a.md")
    assert sorted(os.listdir(tmp_path)) == ["a.graphml", "a.json", "a.md"]


@pytest.fixture(scope="module")
def big_region(tmp_path_factory) -> Path:
    """A 60 000-actor, 250 000-tie region as JSON (about 45 MB; its GraphML about 40 MB)."""
    path = tmp_path_factory.mktemp("big") / "big.json"
    hn.write_json(hn.synthetic_region(60_000, 250_000, seed=1, with_bodies=False), path)
    return path


def test_sigkill_during_write_keeps_the_old_output(cli, big_region: Path, tmp_path: Path):
    """convert killed by SIGKILL mid-write: the old output keeps every byte, no partial file takes its name.

    The test polls for the temporary file, stops the process (SIGSTOP) the
    moment it appears, checks that the rename has not happened yet (the
    temporary file is still there) and that the partial temporary file is
    mode 0600 although the output is 0644 (its data is never readable by
    others), then kills it (SIGKILL). The temporary file `.hn-<random>.tmp` is
    left behind: nothing remains to remove it.
    """
    out = tmp_path / "out.graphml"
    old = b"<old output that must survive>\n" * 1000
    caught = False
    for _attempt in range(5):
        for p in tmp_path.iterdir():
            if p != out:
                p.unlink()
        out.write_bytes(old)
        out.chmod(0o644)
        proc = subprocess.Popen(
            [cli, "convert", str(big_region), str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        temp = None
        try:
            while proc.poll() is None:
                names = [n for n in os.listdir(tmp_path) if n != out.name]
                if names:
                    os.kill(proc.pid, signal.SIGSTOP)
                    temp = tmp_path / names[0]
                    break
                time.sleep(0.0005)
            if temp is not None and temp.exists():
                # Stopped between creating the temporary file and renaming it.
                assert out.read_bytes() == old
                assert stat.S_IMODE(temp.stat().st_mode) == 0o600
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=60)
                assert proc.returncode == -signal.SIGKILL
                caught = True
                break
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=60)
    assert caught, "convert never caught between creating and renaming its temporary file"
    assert out.read_bytes() == old
    leftovers = [n for n in os.listdir(tmp_path) if n != out.name]
    assert len(leftovers) == 1
    assert TEMP_NAME.match(leftovers[0]), leftovers
    assert stat.S_IMODE((tmp_path / leftovers[0]).stat().st_mode) == 0o600
    # A later run succeeds beside the leftover and replaces the old output;
    # the leftover holds at most what a complete write holds.
    r = run(cli, "convert", big_region, out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"<?xml")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert (tmp_path / leftovers[0]).stat().st_size <= out.stat().st_size
    assert sorted(os.listdir(tmp_path)) == sorted([out.name, leftovers[0]])
