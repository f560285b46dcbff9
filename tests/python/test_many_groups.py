# SPDX-License-Identifier: MIT
"""Bounded costs for many groups, interruptible long work, caps (docs/limits.md).

The many-group runs are complexity checks without a timing assertion: they run
under a subprocess timeout of 60 s, which the O(n + m + k) / O(k^2) code meets
in a few seconds and the former cubic code (minutes, gigabytes) does not.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import healthnet as hn


def write_region(directory: Path, n_actors: int, n_sectors: int, ties_per_actor: int = 2, star: bool = False):
    """A CSV pair: actor i in sector s{i % n_sectors} with a unique `uid`; ring
    ties i - i+1 and chords i - i+7 (or a star on actor 0 plus the ring)."""
    actors, ties = directory / "actors.csv", directory / "ties.csv"
    with open(actors, "w", encoding="utf-8") as f:
        f.write("id,sector,uid\n")
        for i in range(n_actors):
            f.write(f"a{i},s{i % n_sectors},u{i}\n")
    seen = set()
    with open(ties, "w", encoding="utf-8") as f:
        f.write("source,target\n")
        steps = [1, 7, 31][:ties_per_actor]
        for i in range(n_actors):
            for step in steps:
                j = (i + step) % n_actors
                key = (min(i, j), max(i, j))
                if i != j and key not in seen:
                    seen.add(key)
                    f.write(f"a{i},a{j}\n")
            if star and i > 0 and (0, i) not in seen:
                seen.add((0, i))
                f.write(f"a0,a{i}\n")
    return actors, ties


def test_metrics_by_20000_groups_completes(cli, tmp_path: Path):
    # 20,000 groups (one per actor): the former gaps (k BFS + k^2 n) and
    # brokerage variance (k^3) did not finish; the timeout catches a regression.
    actors, ties = write_region(tmp_path, 20_000, 5)
    r = subprocess.run([cli, "metrics", "--actors", actors, "--ties", ties, "--unknown-sectors", "keep", "--by", "uid", "--format", "json"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)["groups"]
    assert len(doc["groups"]) == 20_000
    # k = 20,000 groups, k(k-1)/2 pairs, minus one linked pair per tie (no two ties join the same pair)
    n_ties = ties.read_text(encoding="utf-8").count("\n") - 1
    assert doc["n_gaps"] == 20_000 * 19_999 // 2 - n_ties
    assert len(doc["gaps"]) == 100  # the cap
    # CSV ties are directed: one nonzero cell (from, to) per tie
    assert "block_density" not in doc and len(doc["block_density_nonzero"]) == n_ties
    r = subprocess.run([cli, "metrics", "--actors", actors, "--ties", ties, "--unknown-sectors", "keep", "--by", "uid"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "shown for at most 40; the full table is in the JSON output" in r.stdout
    assert "the first 100 listed" in r.stdout


def test_report_with_2000_sectors_completes(cli, tmp_path: Path):
    actors, ties = write_region(tmp_path, 6_000, 2_000)
    out = tmp_path / "r.html"
    r = subprocess.run([cli, "report", "--actors", actors, "--ties", ties, "--unknown-sectors", "keep", "-o", out, "--lang", "en"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "Block densities are drawn for at most 40 sectors (here 2000)" in html
    assert "gaps; the JSON output lists up to 1000" in html
    out_json = tmp_path / "r.json"
    r = subprocess.run([cli, "report", "--actors", actors, "--ties", ties, "--unknown-sectors", "keep", "-o", out_json],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert len(doc["block_density"]["sectors"]) == 2_000 and len(doc["gaps"]) == 1_000
    assert doc["n_gaps"] > 1_000


def test_small_results_unchanged_by_the_caps(cli):
    # The example has 10 sectors: full block matrix, every gap listed, as before.
    net = hn.example()
    r = subprocess.run([cli, "metrics", "--example", "--by", "sector", "--format", "json"],
                       capture_output=True, text=True, timeout=60)
    doc = json.loads(r.stdout)["groups"]
    assert len(doc["block_density"]) == len(doc["groups"])
    assert doc["n_gaps"] == len(doc["gaps"]) == len(hn.sector_gaps(net))


def test_permutation_cap_and_negative_arguments():
    net = hn.example()
    with pytest.raises(ValueError, match="10,000,000"):
        hn.ei_index(net, permutations=10**7 + 1)
    with pytest.raises(ValueError, match="permutations"):
        hn.ei_index(net, permutations=-1)
    with pytest.raises(ValueError, match="seed"):
        hn.ei_index(net, permutations=10, seed=-1)


def _default_sigint() -> None:
    # A shell without job control starts background jobs with SIGINT ignored
    # (POSIX), and a child inherits that; Python then installs no handler and
    # Ctrl-C would do nothing. The children here get the default action back.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_after(proc: subprocess.Popen, delay: float, limit: float):
    time.sleep(delay)
    assert proc.poll() is None, "finished before the interrupt: make the work longer"
    proc.send_signal(signal.SIGINT)
    t0 = time.monotonic()
    out, err = proc.communicate(timeout=limit + 30)
    return out, err, time.monotonic() - t0


@pytest.mark.parametrize(
    "call",
    ["hn.ei_index(net, permutations=10**7)", "hn.betweenness(big)", "hn.betweenness(big, threads=2)"],
)
def test_python_ctrl_c_raises_keyboard_interrupt(call):
    code = (
        "import sys, healthnet as hn\n"
        "net = hn.example()\n"
        "big = hn.synthetic_region(n_actors=40000, n_ties=160000, seed=3)\n"
        "print('ready', flush=True)\n"
        "try:\n"
        f"    {call}\n"
        "except KeyboardInterrupt:\n"
        "    print('keyboard interrupt', flush=True)\n"
        "    sys.exit(7)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_default_sigint)
    assert proc.stdout.readline().strip() == "ready"
    out, err, waited = _interrupt_after(proc, 1.0, 2.0)
    assert proc.returncode == 7, err
    assert "keyboard interrupt" in out
    assert waited < 2.0


def test_cli_ctrl_c_exits_130_without_output(cli, tmp_path: Path):
    actors, ties = write_region(tmp_path, 40_000, 6, ties_per_actor=3)
    out = tmp_path / "r.html"
    proc = subprocess.Popen([cli, "report", "--actors", actors, "--ties", ties, "--unknown-sectors", "keep", "-o", out, "--exact"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err, waited = _interrupt_after(proc, 1.5, 2.0)
    assert proc.returncode == 130, err
    assert err.strip().endswith("healthnet: interrupted")
    assert waited < 2.0
    assert not out.exists() and list(tmp_path.glob("r.html*")) == []
    proc = subprocess.Popen([cli, "metrics", "--actors", actors, "--ties", ties, "--unknown-sectors", "keep", "--exact"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout, err, _ = _interrupt_after(proc, 1.5, 2.0)
    assert proc.returncode == 130, err
    assert stdout == ""  # nothing printed before all is computed
